// Central documents that a jurisdiction's documents cite but none of them implements.
MATCH (l:Document)-[r]->(c:Document)
WHERE c.jurisdiction = 'Trung ương' AND l.jurisdiction IS NOT NULL AND l.jurisdiction <> 'Trung ương'
  AND ($jurisdiction IS NULL OR l.jurisdiction = $jurisdiction)
WITH l.jurisdiction AS jurisdiction, c, count(DISTINCT l) AS citations
WHERE NOT EXISTS { MATCH (l2:Document {jurisdiction: jurisdiction})-[:THUC_HIEN*1..20]->(c) }
RETURN jurisdiction, c.id AS central, coalesce(c.symbol, c.name) AS label, citations
ORDER BY jurisdiction, citations DESC, central
