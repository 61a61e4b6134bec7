"""Sinks: JSON, RDF, GraphML, CSV, HTML and the Neo4j writer ("loaders read, exports write")."""

from __future__ import annotations

from importlib import import_module

from vbgraph.exports.json_export import write_json


def _lazy(module: str, name: str):
    """A writer imported on first use, so that `vbgraph --help` loads neither rdflib nor pyvis."""

    def writer(G, out):
        return getattr(import_module(f"vbgraph.exports.{module}"), name)(G, out)

    writer.__name__ = name
    return writer


# format name -> writer(G, path_or_text_stream); csv writes a folder of files (-o FOLDER)
FORMATS = {
    "json": write_json,
    "ttl": _lazy("rdf", "write_turtle"),
    "jsonld": _lazy("rdf", "write_jsonld"),
    "nt": _lazy("rdf", "write_ntriples"),
    "graphml": _lazy("graphml", "write_graphml"),
    "csv": _lazy("csv_export", "write_csv"),
}
