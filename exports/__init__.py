"""Sinks: JSON, RDF, GraphML, CSV, HTML and the Neo4j writer."""
