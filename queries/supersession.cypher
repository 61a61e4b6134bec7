// Replacements and repeals: documents no longer in force and what ended them (the chain of one document).
MATCH (s:Document)-[r:THAY_THE|BAI_BO]->(t:Document)
WHERE $id IS NULL OR EXISTS { MATCH (x:Document {id: $id})-[:THAY_THE|BAI_BO*0..20]-(s) }
RETURN t.id AS document, coalesce(t.symbol, t.name) AS label, s.id AS replaced_by,
       coalesce(s.symbol, s.name) AS by_label, type(r) AS relation
ORDER BY document, replaced_by, relation
