"""The graph-json-v1 export: the contract researchers script against (see docs/graph-json-v1.md).

Sorted everywhere and written with a fixed layout, so that two exports of the same store are
byte-identical and diffs between versions show only what changed.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import IO, Any

import networkx as nx

from vbgraph.graph import store as st

DOCUMENT_FIELDS = ("id", "type", "type_code", "number", "issuer_code", "symbol", "date", "issuer", "jurisdiction",
                   "title", "name", "in_corpus", "source")
EXTRA_DOCUMENT_FIELDS = ("level", "signer", "identified_by")


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
    documents = []
    for nid, a in st.documents(G):
        d = {k: a.get(k) for k in DOCUMENT_FIELDS}
        d["id"] = nid
        d["in_corpus"] = bool(a.get("in_corpus"))
        for k in EXTRA_DOCUMENT_FIELDS:
            d[k] = a.get(k)
        documents.append(d)
    bodies = [
        {"id": nid, "name": a.get("name"), "jurisdiction": a.get("jurisdiction"), "part_of": a.get("part_of"),
         "level": a.get("level"), "aliases": a.get("aliases") or [],
         "generic": bool(a.get("generic"))}
        for nid, a in st.bodies(G)
    ]
    relations = [
        {"source": s, "target": t, "type": code, "label": a.get("label"), "evidence": a.get("evidence", [])}
        for s, t, code, a in st.relations(G)
    ]
    obligations = [{k: v for k, v in a.items() if k != "kind"} | {"id": nid} for nid, a in st.obligations(G)]
    for o in obligations:
        o.setdefault("fulfilled_by", None)
    return _nfc({
        "format": "vbgraph-json",
        "version": 1,
        "documents": sorted(documents, key=lambda d: d["id"]),
        "bodies": sorted(bodies, key=lambda b: b["id"]),
        "relations": sorted(relations, key=lambda r: (r["source"], r["target"], r["type"])),
        "obligations": sorted(obligations, key=lambda o: o["id"]),
        "issues": G.graph.get("issues", []),
    })


def write_json(G: nx.MultiDiGraph, out: str | Path | IO[str]) -> None:
    data = generate(G)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if hasattr(out, "write"):
        out.write(text)  # type: ignore[union-attr]
        return
    st.atomic_write_text(Path(out), text)
