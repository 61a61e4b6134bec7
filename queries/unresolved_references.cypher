// References the store could not resolve to one document, and dates that disagree.
MATCH (i:Issue)
WHERE i.kind IN ['ambiguous-reference', 'date-conflict']
RETURN i.kind AS kind, i.file AS file, i.line AS line, i.message AS message
ORDER BY kind, coalesce(file, ''), coalesce(line, 0), coalesce(message, '')
