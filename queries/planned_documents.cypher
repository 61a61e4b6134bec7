// A programme's planned documents and the document that fulfilled each.
MATCH (d:Document {id: $id})-[:DAT_RA]->(o:Obligation)
WHERE o.produces_type IS NOT NULL
OPTIONAL MATCH (o)-[:DUOC_THUC_HIEN_BOI]->(f:Document)
RETURN o.id AS obligation, o.produces_type AS planned_type, o.produces_title AS planned_title,
       o.deadline_end AS due, f.id AS fulfilled_by, f.date AS fulfilled_date, o.fulfilment AS fulfilment
ORDER BY coalesce(due, '9999'), obligation
