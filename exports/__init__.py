"""Sinks: JSON, RDF, GraphML, CSV, HTML and the Neo4j writer ("loaders read, exports write")."""

from __future__ import annotations

from vbgraph.exports.json_export import write_json

# format name -> writer(G, path_or_text_stream)
FORMATS = {
    "json": write_json,
}
