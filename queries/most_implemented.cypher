// Documents with the most documents implementing them directly.
MATCH (s:Document)-[:THUC_HIEN]->(d:Document)
WITH d, count(DISTINCT s) AS implementers
RETURN d.id AS document, coalesce(d.symbol, d.name) AS label, implementers
ORDER BY implementers DESC, document
LIMIT $limit
