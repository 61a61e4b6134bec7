// Everything that implements a document, transitively, with its depth.
MATCH p = (x:Document)-[:THUC_HIEN*1..20]->(d:Document {id: $id})
WHERE x <> d
WITH x, min(length(p)) AS depth
WHERE $depth IS NULL OR depth <= $depth
RETURN x.id AS document, depth, coalesce(x.symbol, x.name) AS symbol, x.type AS type, x.date AS date,
       x.level AS level, x.jurisdiction AS jurisdiction
ORDER BY depth, coalesce(x.date, ''), document
