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

`write_graphml` streams: a first pass over the nodes and edges learns the keys and their types
(which GraphML declares before any node) and the count of replaced characters, a second writes
the file a node or an edge at a time; neither keeps a copy of the graph or an XML tree (networkx's
writer held both: 2.2 GiB at 10,000 documents). The bytes are those networkx writes for
`graphml_graph(G)`, the flattened copy, which is kept for tests and for small graphs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import networkx as nx

from vbgraph.exports import flat
from vbgraph.exports.streams import text_output

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
        # One search over the row's text first (a line feed between strings matches nothing): most
        # rows have nothing to replace. Text comes out as plain str either way (flat's JsonText too).
        text = "\n".join([*row, *(v for v in row.values() if isinstance(v, str))])
        if _NOT_XML_RE.search(text) is None:
            return {k: str(v) if isinstance(v, str) else v for k, v in row.items()}
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
    columns = _Columns()
    for row in rows:
        columns.see(row)
    mixed = columns.mixed()
    for row in rows:
        for k in mixed & row.keys():
            row[k] = _text(row[k])


def _text(value: Scalar) -> str:
    """A value of a mixed column, as text."""
    return json.dumps(value) if isinstance(value, bool) else str(value)


@dataclass
class _Columns:
    """The attributes of one scope (graph, node, edge): name -> the types of its values, names in
    the order first seen."""

    types: dict[str, set[type]] = field(default_factory=dict)

    def see(self, row: dict[str, Scalar]) -> None:
        for k, v in row.items():
            self.types.setdefault(k, set()).add(type(v))

    def mixed(self) -> set[str]:
        return {k for k, ts in self.types.items() if len(ts) > 1}

    def type_of(self, name: str) -> str:
        """The GraphML `attr.type` (networkx's names: a Python int is a long)."""
        ts = self.types[name]
        return _XML_TYPES[next(iter(ts)) if len(ts) == 1 else str]


_XML_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}


def _graph_row(G: nx.MultiDiGraph, xml: _Replacer) -> dict[str, Scalar]:
    return xml.row(flatten(dict(G.graph)))


def _node_rows(
    G: nx.MultiDiGraph, order: list[str], xml: _Replacer
) -> Iterator[tuple[str, dict[str, Scalar]]]:
    """(GraphML id, attributes) of each node, in `order` (the ids sorted)."""
    from vbgraph.exports.palette import node_color

    for nid in order:
        a = G.nodes[nid]
        row = _node_row(nid, a)
        row["label"] = _label(nid, a)
        row.update(_hex(node_color(a)))
        yield xml(nid), xml.row(row)


def _edge_rows(
    G: nx.MultiDiGraph, order: list[str], xml: _Replacer
) -> Iterator[tuple[str, str, str, dict[str, Scalar]]]:
    """(source, target, GraphML id, attributes) of each edge: by source in `order`, then target in
    the order its first edge comes when sorted by (code, target), then code. That is the order in
    which networkx writes a MultiDiGraph whose edges were added sorted by (source, code, target), as
    this export did before it was streamed: the file is the same."""
    from vbgraph.exports.palette import edge_color

    for s in order:
        by_target: dict[str, list[tuple[str, Any, dict]]] = {}
        for _, t, k, a in sorted(G.out_edges(s, keys=True, data=True), key=lambda e: (e[2], e[1])):
            by_target.setdefault(t, []).append((t, k, a))
        xs = _NOT_XML_RE.sub("\ufffd", s)  # counted with the nodes
        for t, edges in by_target.items():
            xt = _NOT_XML_RE.sub("\ufffd", t)
            for _, k, a in edges:
                row = _edge_row(s, t, k, a)
                row["key"] = str(k)
                row.update(_hex(edge_color(str(k))))
                row = xml.row(row)
                yield xs, xt, f"{xs}|{row['key']}|{xt}", row


_COLLISION = (
    "graphml: two node ids (or two edges) differ only in characters XML cannot carry; "
    "export json, csv or RDF instead"
)


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The flattened copy of what is written, in memory (for tests and small graphs; `write_graphml`
    streams instead): sorted nodes and edges, scalar attributes only, and U+FFFD for each
    character XML cannot carry (their count in the graph attribute REPLACED).

    Raises ValueError when two node ids differ only in such characters: one would replace the other.
    """
    xml = _Replacer()
    order = sorted(G.nodes)
    H = nx.MultiDiGraph()
    H.graph.update(_graph_row(G, xml))
    nodes = list(_node_rows(G, order, xml))
    edges = list(_edge_rows(G, order, xml))
    _uniform([r for _, r in nodes])
    _uniform([r for *_, r in edges])
    for nid, row in nodes:
        H.add_node(nid, **row)
    H.add_edges_from(edges)  # (source, target, GraphML id, attributes): "key" is an attribute here
    if H.number_of_nodes() != G.number_of_nodes() or H.number_of_edges() != G.number_of_edges():
        raise ValueError(_COLLISION)
    H.graph.pop(REPLACED, None)
    if xml.count:
        H.graph[REPLACED] = xml.count
    return H


def replaced_note(count: int) -> str:
    """The one-line note for a researcher."""
    return f"graphml: {count} character(s) that XML cannot carry (control characters, U+FFFE, U+FFFF) were replaced by U+FFFD"


# -- the streamed writer ---------------------------------------------------------------------------

_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
# What XML escapes, as ElementTree writes it; a carriage return in text too: a bare one is read
# back as a line feed, `&#13;` is kept. One class each: linear time.
_TEXT_RE = re.compile(r"[&<>\r]")
_ATTR_RE = re.compile(r'[&<>"\r\n\t]')
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _entity(m: re.Match[str]) -> str:
    return _ENTITY[m.group()]


def _esc_text(value: str) -> str:
    return _TEXT_RE.sub(_entity, value)


def _esc_attr(value: str) -> str:
    return _ATTR_RE.sub(_entity, value)


@dataclass
class _Plan:
    """What the first pass learns, which the file states before any node: the keys and their types,
    the columns of mixed types, the graph's own attributes and how many characters were replaced."""

    graph: dict[str, Scalar]
    graph_id: Scalar | None
    nodes: _Columns
    edges: _Columns
    replaced: int
    keys: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # scope -> name -> (id, type)

    def __post_init__(self) -> None:
        """Key ids in the order networkx makes them: graph, node, then edge attributes, as first seen."""
        n = 0
        for scope, names in (("graph", self.graph), ("node", self.nodes.types), ("edge", self.edges.types)):
            self.keys[scope] = {}
            for name in names:
                kind = (
                    _XML_TYPES[type(self.graph[name])]
                    if scope == "graph"
                    else self._columns(scope).type_of(name)
                )
                self.keys[scope][name] = (f"d{n}", kind)
                n += 1

    def _columns(self, scope: str) -> _Columns:
        return self.nodes if scope == "node" else self.edges

    def key_lines(self) -> str:
        lines = [
            f'  <key id="{key}" for="{scope}" attr.name="{_esc_attr(name)}" attr.type="{kind}" />\n'
            for scope, names in self.keys.items()
            for name, (key, kind) in names.items()
        ]
        return "".join(reversed(lines))  # networkx puts each new key first

    def ids(self, scope: str) -> dict[str, str]:
        return {name: key for name, (key, _) in self.keys[scope].items()}


def _plan(G: nx.MultiDiGraph, order: list[str]) -> _Plan:
    """The first pass over nodes and edges: their rows are made and let go of, one at a time."""
    xml = _Replacer()
    graph = _graph_row(G, xml)
    nodes, edges = _Columns(), _Columns()
    new_ids: set[str] = set()  # node ids with a replaced character, as written
    for nid, (xid, row) in zip(order, _node_rows(G, order, xml), strict=True):
        nodes.see(row)
        if xid != nid:
            if xid in G or xid in new_ids:
                raise ValueError(_COLLISION)
            new_ids.add(xid)
    pair, ids = ("", ""), set[str]()
    for xs, xt, eid, row in _edge_rows(G, order, xml):
        edges.see(row)
        if (xs, xt) != pair:
            pair, ids = (xs, xt), set()
        if eid in ids:
            raise ValueError(_COLLISION)
        ids.add(eid)
    graph.pop(REPLACED, None)
    if xml.count:
        graph[REPLACED] = xml.count
    for name in ("node_default", "edge_default"):  # networkx reads these as defaults, never as data
        graph.pop(name, None)
    graph_id = graph.pop("id", None)  # networkx writes it as the graph's id, not as data
    return _Plan(graph, graph_id, nodes, edges, xml.count)


def _data(data: Iterable[tuple[str, Scalar]], keys: dict[str, str], indent: str) -> str:
    """<data> elements as ElementTree writes them: an empty value as an empty element."""
    return "".join(
        f'{indent}<data key="{keys[k]}">{_esc_text(text)}</data>\n'
        if (text := str(v))
        else f'{indent}<data key="{keys[k]}" />\n'
        for k, v in data
    )


def _element(tag: str, attrs: str, data: list[tuple[str, Scalar]], keys: dict[str, str]) -> str:
    """A node or an edge with its <data> children, laid out as networkx (ElementTree) lays it out."""
    if not data:
        return f"    <{tag}{attrs} />\n"
    return f"    <{tag}{attrs}>\n{_data(data, keys, '      ')}    </{tag}>\n"


def _graphml(G: nx.MultiDiGraph, order: list[str], plan: _Plan) -> Iterator[str]:
    """The second pass: the file, a node or an edge at a time."""
    yield _HEAD + plan.key_lines()
    attrs = ' edgedefault="directed"'
    if plan.graph_id is not None:
        attrs += f' id="{_esc_attr(str(plan.graph_id))}"'
    if not plan.graph and not order:
        yield f"  <graph{attrs} />\n</graphml>\n"
        return
    yield f"  <graph{attrs}>\n"
    xml = _Replacer()
    node_keys, node_mixed = plan.ids("node"), plan.nodes.mixed()
    for xid, row in _node_rows(G, order, xml):
        data = [(k, _text(v) if k in node_mixed else v) for k, v in row.items()]
        yield _element("node", f' id="{_esc_attr(xid)}"', data, node_keys)
    edge_keys, edge_mixed = plan.ids("edge"), plan.edges.mixed()
    for xs, xt, eid, row in _edge_rows(G, order, xml):
        data = [(k, _text(v) if k in edge_mixed else v) for k, v in row.items()]
        ends = f' source="{_esc_attr(xs)}" target="{_esc_attr(xt)}" id="{_esc_attr(eid)}"'
        yield _element("edge", ends, data, edge_keys)
    # the graph's own attributes come last, after its nodes and edges, as networkx writes them
    yield _data(plan.graph.items(), plan.ids("graph"), "    ") + "  </graph>\n</graphml>\n"


def write_graphml(G: nx.MultiDiGraph, out: str | Path | IO[str]) -> int:
    """Write GraphML (UTF-8) to a path, atomically, or to a text stream, a node or an edge at a
    time: two passes over the graph, the first for the keys and their types, which come first in
    the file. Returns how many characters XML cannot carry were replaced by U+FFFD (see
    `replaced_note`). The bytes are those networkx writes for `graphml_graph(G)`.

    Raises ValueError, before anything is written, when two node ids differ only in such characters.
    """
    order = sorted(G.nodes)
    plan = _plan(G, order)
    with text_output(out) as fh:
        for chunk in _graphml(G, order, plan):
            fh.write(chunk)
    return plan.replaced
