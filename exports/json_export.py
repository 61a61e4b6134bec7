"""The graph-json-v1 export: the contract researchers script against (see docs/graph-json-v1.md).

Sorted everywhere and written with a fixed layout, so that two exports of the same store are
byte-identical and diffs between versions show only what changed. The fields are the model's
(graph/model.py), in its order.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import IO, Any

import networkx as nx

from vbgraph.graph import store as st
from vbgraph.graph.model import Body, Document, GraphIssue, Obligation, Relation


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


def generate(G: nx.MultiDiGraph) -> dict:
    """The export as a dict."""
    documents = [Document.from_node(nid, a).to_dict() for nid, a in st.documents(G)]
    bodies = [Body.from_node(nid, a).to_dict() for nid, a in st.bodies(G)]
    relations = [Relation.from_edge(s, t, code, a).to_dict() for s, t, code, a in st.relations(G)]
    obligations = [Obligation.from_node(nid, a).to_dict() for nid, a in st.obligations(G)]
    issues = [
        GraphIssue(i["kind"], i.get("file"), i.get("line"), i["message"]).to_dict()
        for i in G.graph.get("issues", [])
    ]
    return _nfc(
        {
            "format": "vbgraph-json",
            "version": 1,
            "documents": sorted(documents, key=lambda d: d["id"]),
            "bodies": sorted(bodies, key=lambda b: b["id"]),
            "relations": sorted(relations, key=lambda r: (r["source"], r["target"], r["type"])),
            "obligations": sorted(obligations, key=lambda o: o["id"]),
            "issues": issues,
        }
    )


def write_json(G: nx.MultiDiGraph, out: str | Path | IO[str]) -> None:
    data = generate(G)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if hasattr(out, "write"):
        out.write(text)
        return
    st.atomic_write_text(Path(out), text)
