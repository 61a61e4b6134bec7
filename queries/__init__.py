"""Research questions as functions over the graph, each with a Cypher twin."""
