"""The GraphML export, for Gephi, yEd and Cytoscape.

GraphML holds only flat scalar attributes, so a node or an edge is written as the model's
fields flattened by exports/flat.py: the same names as the CSV columns and the Neo4j
properties (`source_file`, `deadline_end`, `evidence_quote`, the first quote, which is what one
reads in Gephi's data table), an array as JSON text (`aliases`, `evidence_lines`), None
dropped. A column whose values mix types becomes text (networkx would otherwise declare two
keys with the same name). Every node also gets its `kind` (the label), a `label` and `r`/`g`/`b`
colours, which Gephi reads on import. Parallel edges survive: each edge's GraphML id is
`source|CODE|target`, unique in the file, and the networkx key (the relation code) is kept as
the `key` attribute.

XML 1.0 cannot carry every character: control characters other than tab, line feed and carriage
return, U+FFFE, U+FFFF and lone surrogates are not allowed even as `&#…;`. Document text is
untrusted input, so each such character in an id, a name or a value is replaced by U+FFFD (�);
`write_graphml` returns how many were replaced (`replaced_note` says it in one line for a
researcher), and the file says it in its graph attribute `replaced_characters` (absent when
nothing was replaced). Every other string reads back exactly: a carriage return inside a value
is written as `&#13;`, which XML parsers keep (a bare one they would read as a line feed).
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from vbgraph.exports import flat
from vbgraph.graph import store as st

Scalar = str | int | float | bool
NODE_EXTRAS = (
    "kind",
    "label",
    "r",
    "g",
    "b",
)  # besides flat's columns: the node's label, Gephi's label, colours
EDGE_EXTRAS = ("key", "r", "g", "b")  # besides flat's columns: the relation code, colours
REPLACED = "replaced_characters"  # graph attribute: how many characters XML cannot carry were replaced

# What XML 1.0 cannot carry (its `Char` production): C0 controls but tab, line feed and carriage
# return; surrogates (lone ones: a str holds no pairs); U+FFFE and U+FFFF. One class: linear time.
_NOT_XML_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class _Replacer:
    """Replaces what XML cannot carry by U+FFFD in every string it is given, and counts."""

    count: int = 0

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        new, n = _NOT_XML_RE.subn("\ufffd", value)
        self.count += n
        return new

    def row(self, row: dict[str, Scalar]) -> dict[str, Scalar]:
        return {self(k): self(v) for k, v in row.items()}


def _nfc(value: Any) -> Any:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def flatten(attrs: dict[str, Any], prefix: str = "") -> dict[str, Scalar]:
    """Scalars only, for what the model does not flatten (the graph's own attributes, a node of
    another kind): dicts become prefixed columns, lists JSON text, None disappears."""
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


def _scalars(values: dict[str, Any]) -> dict[str, Scalar]:
    """flat's columns as GraphML attributes, sorted by name: arrays as JSON text, None dropped; text
    in NFC (inside JSON text too, never over it: flat.nfc)."""
    return {
        k: json.dumps(flat.nfc(v), ensure_ascii=False) if isinstance(v, list) else flat.nfc(v)
        for k, v in sorted(values.items())
        if v is not None
    }


def _node_row(nid: str, a: dict) -> dict[str, Scalar]:
    kind = a.get("kind")
    if kind not in flat.NODE_LABELS:
        return flatten(a)
    return dict(sorted({"kind": kind, **_scalars(flat.node_values(kind, nid, a))}.items()))


def _edge_row(s: str, t: str, k: str, a: dict) -> dict[str, Scalar]:
    if k not in flat.EDGE_TYPES:
        return flatten(a) | {"label": str(a.get("label") or k)}
    return _scalars(flat.edge_values(s, t, k, a))


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
    """The flattened copy that is written: sorted nodes and edges, scalar attributes only, and
    U+FFFD for each character XML cannot carry (their count in the graph attribute REPLACED).

    Raises ValueError when two node ids differ only in such characters: one would replace the other.
    """
    from vbgraph.exports.palette import edge_color, node_color

    xml = _Replacer()
    H = nx.MultiDiGraph()
    H.graph.update(xml.row(flatten(dict(G.graph))))
    nodes = []
    for nid in sorted(G.nodes):
        a = G.nodes[nid]
        row = _node_row(nid, a)
        row["label"] = _label(nid, a)
        row.update(_hex(node_color(a)))
        nodes.append((xml(nid), xml.row(row)))
    edges = []
    for s, t, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        row = _edge_row(s, t, k, a)
        row["key"] = str(k)
        row.update(_hex(edge_color(str(k))))
        row = xml.row(row)
        s, t = _NOT_XML_RE.sub("\ufffd", s), _NOT_XML_RE.sub("\ufffd", t)  # counted with the nodes
        edges.append((s, t, f"{s}|{row['key']}|{t}", row))
    _uniform([r for _, r in nodes])
    _uniform([r for *_, r in edges])
    for nid, row in nodes:
        H.add_node(nid, **row)
    H.add_edges_from(edges)  # (source, target, GraphML id, attributes): "key" is an attribute here
    if H.number_of_nodes() != G.number_of_nodes() or H.number_of_edges() != G.number_of_edges():
        raise ValueError(
            "graphml: two node ids (or two edges) differ only in characters XML cannot carry; "
            "export json, csv or RDF instead"
        )
    H.graph.pop(REPLACED, None)
    if xml.count:
        H.graph[REPLACED] = xml.count
    return H


def replaced_note(count: int) -> str:
    """The one-line note for a researcher."""
    return f"graphml: {count} character(s) that XML cannot carry (control characters, U+FFFE, U+FFFF) were replaced by U+FFFD"


def write_graphml(G: nx.MultiDiGraph, out: str | Path | IO[str]) -> int:
    """Write GraphML (UTF-8) to a path, atomically, or to a text stream. Returns how many characters
    XML cannot carry were replaced by U+FFFD (see `replaced_note`)."""
    H = graphml_graph(G)
    buf = io.BytesIO()
    nx.write_graphml_xml(H, buf, encoding="utf-8", prettyprint=True)
    # A bare carriage return in text is read back as a line feed; `&#13;` is kept. Attribute
    # values have theirs escaped already, and the layout has none, so any left is inside a value.
    text = buf.getvalue().decode("utf-8").replace("\r", "&#13;")
    if hasattr(out, "write"):
        out.write(text)
    else:
        st.atomic_write_text(Path(out), text)
    return int(H.graph.get(REPLACED, 0))
