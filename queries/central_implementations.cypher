// Central directives with the local documents implementing them, by jurisdiction.
MATCH p = (l:Document)-[:THUC_HIEN*1..20]->(c:Document)
WHERE c.jurisdiction = 'Trung ương' AND l.jurisdiction IS NOT NULL AND l.jurisdiction <> 'Trung ương'
  AND ($jurisdiction IS NULL OR l.jurisdiction = $jurisdiction)
WITH c, l, min(length(p)) AS depth
RETURN c.id AS central, coalesce(c.symbol, c.name) AS central_symbol, l.jurisdiction AS jurisdiction,
       l.id AS local, coalesce(l.symbol, l.name) AS local_symbol, l.date AS local_date, depth
ORDER BY central, jurisdiction, depth, local
