"""The graph-json-v1 export: the contract researchers script against (see docs/graph-json-v1.md).

Sorted everywhere and written with a fixed layout, so that two exports of the same store are
byte-identical and diffs between versions show only what changed. The fields are the model's
(graph/model.py), in its order.

`write_json` streams: the ids are sorted first, then each document, body, relation, obligation
and issue is made into its dict, normalised to NFC, dumped and written, one at a time. Memory
beyond the graph itself is the sorted ids (building the whole dict and one string of it took
7.4 GB at 100,000 documents). The bytes are those `json.dumps(generate(G), ensure_ascii=False,
indent=2)` writes, and a newline; `generate` is kept for the Python API and small graphs.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

import networkx as nx

from vbgraph.exports.streams import text_output
from vbgraph.graph import store as st
from vbgraph.graph.model import Body, Document, GraphIssue, Obligation, Relation

FORMAT, VERSION = "vbgraph-json", 1
ITEM_INDENT = "    "  # an item of a section sits two levels deep: {"documents": [item, …]}


def nfc(value: Any) -> Any:
    """Every string in `value` in NFC, as the export writes it."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


# Each section sorts its ids first, by the key the contract sorts its items by (a node's id is
# the item's "id"; an edge's (source, target, code) its (source, target, type)), then makes one
# item at a time: the items are never all in memory.


def _documents(G: nx.MultiDiGraph) -> Iterator[dict]:
    for nid, a in sorted(st.documents(G), key=itemgetter(0)):
        yield Document.from_node(nid, a).to_dict()


def _bodies(G: nx.MultiDiGraph) -> Iterator[dict]:
    for nid, a in sorted(st.bodies(G), key=itemgetter(0)):
        yield Body.from_node(nid, a).to_dict()


def _relations(G: nx.MultiDiGraph) -> Iterator[dict]:
    for s, t, code, a in sorted(st.relations(G), key=itemgetter(0, 1, 2)):
        yield Relation.from_edge(s, t, code, a).to_dict()


def _obligations(G: nx.MultiDiGraph) -> Iterator[dict]:
    for nid, a in sorted(st.obligations(G), key=itemgetter(0)):
        yield Obligation.from_node(nid, a).to_dict()


def _issues(G: nx.MultiDiGraph) -> Iterator[dict]:
    """In the order they were met."""
    for i in G.graph.get("issues", []):
        yield GraphIssue(i["kind"], i.get("file"), i.get("line"), i["message"]).to_dict()


# The sections, in the file's order (after "format" and "version").
SECTIONS: dict[str, Callable[[nx.MultiDiGraph], Iterator[dict]]] = {
    "documents": _documents,
    "bodies": _bodies,
    "relations": _relations,
    "obligations": _obligations,
    "issues": _issues,
}


def generate(G: nx.MultiDiGraph) -> dict:
    """The export as a dict, all of it in memory (`write_json` streams it instead)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        **{name: [nfc(item) for item in items(G)] for name, items in SECTIONS.items()},
    }


def _dump(value: Any, indent: str) -> str:
    """`value` as json.dumps lays it out `indent` deep in an enclosing document: a string in JSON
    holds no line feed (it is escaped), so every line feed of the dump starts a line of the layout."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def _section(items: Iterator[dict]) -> Iterator[str]:
    """A list of items as the value of a top-level key: `[]` when empty."""
    sep = "[\n" + ITEM_INDENT
    for item in items:
        yield sep + _dump(nfc(item), ITEM_INDENT)
        sep = ",\n" + ITEM_INDENT
    yield "[]" if sep.startswith("[") else "\n  ]"


def generate_text(G: nx.MultiDiGraph) -> Iterator[str]:
    """The file, an item at a time."""
    yield f'{{\n  "format": {json.dumps(FORMAT)},\n  "version": {json.dumps(VERSION)}'
    for name, items in SECTIONS.items():
        yield f",\n  {json.dumps(name)}: "
        yield from _section(items(G))
    yield "\n}\n"


def write_json(G: nx.MultiDiGraph, out: str | Path | IO[str]) -> None:
    """Write graph-json-v1 to a path, atomically (on an error the path is left as it was), or to a
    text stream, an item at a time."""
    with text_output(out) as fh:
        for chunk in generate_text(G):
            fh.write(chunk)
