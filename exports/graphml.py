"""The GraphML export, for Gephi, yEd and Cytoscape.

GraphML holds only flat scalar attributes, so the graph is flattened first: a dict becomes
`field_sub` columns (`source_file`, `deadline_end`), a list becomes a JSON string with a
`_count` (and, for evidence, the first quote as `evidence_quote`, which is what one reads in
Gephi's data table), None is dropped, and a column whose values mix types becomes text
(networkx would otherwise declare two keys with the same name). Every node gets a `label` and
`r`/`g`/`b` colours, which Gephi reads on import. Parallel edges survive: each edge's GraphML id
is `source|CODE|target`, unique in the file, and the networkx key (the relation code) is kept
as the `key` attribute.
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import IO, Any

import networkx as nx

from vbgraph.graph import store as st
from vbgraph.ontology.relations import Rel
from vbgraph.ontology.terms import STRUCTURAL_LABELS

Scalar = str | int | float | bool
_REL = {r.value for r in Rel}


def _nfc(value: Any) -> Any:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def flatten(attrs: dict[str, Any], prefix: str = "") -> dict[str, Scalar]:
    """Scalars only: dicts become prefixed columns, lists JSON text, None disappears."""
    out: dict[str, Scalar] = {}
    for k in sorted(attrs):
        v, name = attrs[k], f"{prefix}{k}"
        if v is None:
            continue
        if isinstance(v, dict):
            out.update(flatten(v, f"{name}_"))
        elif isinstance(v, list | tuple):
            out[name] = json.dumps(v, ensure_ascii=False, sort_keys=True)
            out[f"{name}_count"] = len(v)
            quotes = [x.get("quote") for x in v if isinstance(x, dict) and x.get("quote")]
            if quotes:
                out[f"{name}_quote"] = _nfc(quotes[0])
        elif isinstance(v, bool | int | float | str):
            out[name] = _nfc(v)
        else:
            out[name] = _nfc(str(v))
    return out


def _hex(color: str) -> dict[str, int]:
    color = color.lstrip("#")
    return {"r": int(color[0:2], 16), "g": int(color[2:4], 16), "b": int(color[4:6], 16)}


def _label(nid: str, a: dict) -> str:
    from vbgraph.exports.palette import node_label

    return node_label(nid, a).replace("\n", " ")


def _uniform(rows: list[dict[str, Scalar]]) -> None:
    """Make each column one type: a column with mixed types (or bool and int) becomes text."""
    types: dict[str, set[type]] = defaultdict(set)
    for row in rows:
        for k, v in row.items():
            types[k].add(type(v))
    mixed = {k for k, ts in types.items() if len(ts) > 1}
    for row in rows:
        for k in mixed & row.keys():
            row[k] = json.dumps(row[k]) if isinstance(row[k], bool) else str(row[k])


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The flattened copy that is written: sorted nodes and edges, scalar attributes only."""
    from vbgraph.exports.palette import edge_color, node_color

    H = nx.MultiDiGraph()
    H.graph.update(flatten(dict(G.graph)))
    nodes = []
    for nid in sorted(G.nodes):
        a = G.nodes[nid]
        row = flatten(a)
        row["label"] = _label(nid, a)
        row.update(_hex(node_color(a)))
        nodes.append((nid, row))
    edges = []
    for s, t, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        row = flatten(a)
        row["key"] = str(k)
        if "label" not in row:
            row["label"] = Rel(k).label if k in Rel.__members__ else STRUCTURAL_LABELS.get(k, (str(k),))[0]
        row.update(_hex(edge_color(str(k))))
        edges.append((s, t, f"{s}|{k}|{t}", row))
    _uniform([r for _, r in nodes])
    _uniform([r for *_, r in edges])
    for nid, row in nodes:
        H.add_node(nid, **row)
    H.add_edges_from(edges)  # (source, target, GraphML id, attributes): "key" is an attribute here
    return H


def write_graphml(G: nx.MultiDiGraph, out: str | Path | IO[str]) -> None:
    """Write GraphML (UTF-8) to a path, atomically, or to a text stream."""
    buf = io.BytesIO()
    nx.write_graphml_xml(graphml_graph(G), buf, encoding="utf-8", prettyprint=True)
    text = buf.getvalue().decode("utf-8")
    if hasattr(out, "write"):
        out.write(text)  # type: ignore[union-attr]
        return
    st.atomic_write_text(Path(out), text)
