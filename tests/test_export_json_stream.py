"""The streamed JSON export writes the bytes json.dumps wrote for the whole dict, and a path atomically."""

from __future__ import annotations

import io
import json
import tracemalloc
import unicodedata
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from vbgraph.exports.json_export import generate, write_json
from vbgraph.graph.model import (
    Assignee,
    Body,
    Deadline,
    Document,
    Evidence,
    Obligation,
    Relation,
    Source,
)

# Text a JSON writer can get wrong: quotes, backslashes, line breaks (U+2028 and U+2029 are kept
# as they are), controls, an astral character, and Vietnamese not in NFC (combining marks).
TRICKY = (
    'a "quoted" \\ back\\slash\nnew line\r\ttab \u2028 \u2029 \x00\x1f 😀 Thu\u0309 tu\u031bo\u031b\u0300ng'
)
DECOMPOSED = "e\u0301"  # sorts before "f" as it is, after it in NFC ("é"): the raw id sorts


def _node(G: nx.MultiDiGraph, record: Document | Body | Obligation, kind: str) -> None:
    """A node as the store keeps it: the model's dict without the id, and the kind."""
    G.add_node(record.id, kind=kind, **{k: v for k, v in record.to_dict().items() if k != "id"})


def _document(nid: str, text: str | None = None) -> Document:
    return Document(
        nid, "Nghị quyết", "NQ", "12", "TU", text, "2021-06-08", text, "tỉnh", text, text, True,
        Source(text or "f.txt", 1, 9),
    )  # fmt: skip


def empty() -> nx.MultiDiGraph:
    return nx.MultiDiGraph()


def documents_only() -> nx.MultiDiGraph:
    """Documents, and every other section empty."""
    G = nx.MultiDiGraph()
    for nid in ("b", "a", "c"):
        _node(G, _document(nid), "Document")
    return G


def issues_only() -> nx.MultiDiGraph:
    issues = [
        {"kind": "ambiguous", "message": "two"},
        {"kind": "k", "file": "x", "line": 3, "message": TRICKY},
    ]
    return nx.MultiDiGraph(issues=issues)


def tricky() -> nx.MultiDiGraph:
    """Every section, its text the characters a writer can get wrong, ids not in NFC."""
    G = nx.MultiDiGraph(issues=[{"kind": TRICKY, "file": TRICKY, "line": None, "message": TRICKY}])
    ids = [f"{DECOMPOSED}#{TRICKY}", "f#1", "\u00e9#0"]
    for nid in ids:
        _node(G, _document(nid, TRICKY), "Document")
    _node(G, Body(f"{TRICKY}#b", TRICKY, None, None, "tỉnh", (TRICKY, "x"), True), "Body")
    _node(G, Body("empty aliases", "x", TRICKY, TRICKY, None), "Body")
    evidence = Evidence(TRICKY, 7, TRICKY, ids[0], page=2, ocr=True)
    task = Obligation(
        id=f"{TRICKY}#o", document=ids[1], text=TRICKY,
        assignees=(Assignee(f"{TRICKY}#b", "chu_tri"),),
        deadline=Deadline(TRICKY, None, "2021-12-31"), recurring=None,
        produces={"type": TRICKY, "nested": [TRICKY, 1, None, {"k": TRICKY}]}, produces_level=None,
        fulfilled_by=None, fulfilment=None, fulfilment_score=0.1 + 0.2, status=TRICKY, source=None,
        evidence=evidence, more_evidence=(evidence, Evidence("g.txt", None, "")),
    )  # fmt: skip
    _node(G, task, "Obligation")
    G.add_edge(task.document, task.id, key="DAT_RA")  # not a relation: not written
    for s, t, code in [(ids[2], ids[0], "THUC_HIEN"), (ids[0], ids[1], "CAN_CU"), (ids[0], ids[1], "BAI_BO")]:
        r = Relation(s, t, code, TRICKY, (evidence, Evidence(TRICKY, 1, TRICKY)))
        G.add_edge(s, t, key=code, label=r.label, evidence=[e.to_dict() for e in r.evidence])
    G.add_edge(ids[1], ids[2], key="CAN_CU")  # no label, no evidence
    return G


def old_bytes(G: nx.MultiDiGraph) -> bytes:
    """What write_json wrote before it streamed: the whole dict dumped as one string."""
    return (json.dumps(generate(G), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


GRAPHS: list[tuple[str, Callable[[], nx.MultiDiGraph] | None]] = [
    ("sample store", None),  # the corpus_graph fixture
    ("empty graph", empty),
    ("documents only", documents_only),
    ("issues only", issues_only),
    ("tricky text", tricky),
]


@pytest.mark.parametrize("to", ["stream", "path"])
@pytest.mark.parametrize("name, make", GRAPHS, ids=[g[0] for g in GRAPHS])
def test_streamed_bytes_are_those_of_the_whole_dump(name, make, to, corpus_graph, tmp_path):
    G = corpus_graph if make is None else make()
    if to == "stream":
        buf = io.StringIO()
        write_json(G, buf)
        got = buf.getvalue().encode("utf-8")
    else:
        write_json(G, tmp_path / "export.json")
        got = (tmp_path / "export.json").read_bytes()
    assert got == old_bytes(G)


def test_tricky_text_reads_back_in_nfc_sorted_by_the_raw_ids():
    buf = io.StringIO()
    write_json(tricky(), buf)
    data = json.loads(buf.getvalue())
    raw = sorted(n for n, a in tricky().nodes(data=True) if a["kind"] == "Document")
    assert [d["id"] for d in data["documents"]] == [unicodedata.normalize("NFC", n) for n in raw]
    assert data["bodies"][0]["aliases"] == [unicodedata.normalize("NFC", TRICKY), "x"]
    assert [r["type"] for r in data["relations"]] == ["BAI_BO", "CAN_CU", "CAN_CU", "THUC_HIEN"]
    assert data["issues"][0]["message"] == unicodedata.normalize("NFC", TRICKY)
    assert "\u2028" in buf.getvalue() and "\\u2028" not in buf.getvalue()


def test_streaming_keeps_one_item_at_a_time(corpus_graph):
    """Memory beyond the graph is the sorted ids and one item: well under the size of the file
    (the whole dump held the dict and the string, 6 times the file)."""
    size = len(old_bytes(corpus_graph))
    write_json(corpus_graph, _Discard())  # what is made once (caches, lazy imports) is made now
    tracemalloc.start()
    try:
        write_json(corpus_graph, _Discard())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < size / 2, (peak, size)


class _Discard(io.TextIOBase):
    def write(self, s: str) -> int:
        return len(s)


def _broken_task(G: nx.MultiDiGraph, path: Path) -> None:
    """An obligation without its document, after the documents and relations have been written."""
    G.add_node("zz-task", kind="Obligation", evidence={"file": "f", "line": 1, "quote": "q"})


def _folder_in_the_way(G: nx.MultiDiGraph, path: Path) -> None:
    path.unlink()
    path.mkdir()  # the file cannot replace it at the end


FAILURES = [
    ("an item raises mid-way", _broken_task, KeyError),
    ("a folder at the path", _folder_in_the_way, OSError),
]


@pytest.mark.parametrize("name, break_it, error", FAILURES, ids=[f[0] for f in FAILURES])
def test_a_failed_write_leaves_no_partial_file(name, break_it, error, tmp_path):
    G, path = tricky(), tmp_path / "out" / "export.json"
    path.parent.mkdir()
    path.write_text("the previous export\n")
    break_it(G, path)
    with pytest.raises(error):
        write_json(G, path)
    assert [p.name for p in path.parent.iterdir()] == ["export.json"]  # no temporary file left
    if path.is_file():
        assert path.read_text() == "the previous export\n"


def test_a_missing_folder_is_made(tmp_path):
    path = tmp_path / "new" / "deeper" / "export.json"
    write_json(documents_only(), path)
    assert path.read_bytes() == old_bytes(documents_only())
