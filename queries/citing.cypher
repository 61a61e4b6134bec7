// Documents whose text relates to a document, with the relation type.
MATCH (s:Document)-[r]->(d:Document {id: $id})
RETURN s.id AS source, coalesce(s.symbol, s.name) AS label, type(r) AS relation, s.date AS date
ORDER BY coalesce(date, ''), source, relation
