"""The vocabulary (relation codes, RDF terms) and the pattern tables, as data."""
