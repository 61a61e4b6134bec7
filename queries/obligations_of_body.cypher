// Obligations assigned to a body (its id, or words of its name), optionally by status (open, late, done).
MATCH (d:Document)-[:DAT_RA]->(o:Obligation)-[g:GIAO_CHO]->(b:Body)
WHERE ($body IS NULL OR b.id = $body OR toLower(b.name) CONTAINS toLower($body))
  AND ($status IS NULL OR o.status = $status)
RETURN o.id AS obligation, d.id AS document, b.id AS body, g.vai_tro AS role, o.deadline_end AS due,
       o.status AS status
ORDER BY coalesce(due, '9999'), document, obligation, body
