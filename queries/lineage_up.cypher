// What a document implements, transitively, up to the central documents.
MATCH p = (d:Document {id: $id})-[:THUC_HIEN*1..20]->(x:Document)
WHERE x <> d
WITH x, min(length(p)) AS depth
WHERE $depth IS NULL OR depth <= $depth
RETURN x.id AS document, depth, coalesce(x.symbol, x.name) AS symbol, x.type AS type, x.date AS date,
       x.level AS level, x.jurisdiction AS jurisdiction
ORDER BY depth, coalesce(x.date, ''), document
