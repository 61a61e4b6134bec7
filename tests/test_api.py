"""The Python API as a notebook uses it: the model's objects back, the same answers as the CLI."""

from __future__ import annotations

import doctest
import json

import pytest

import vbgraph
from vbgraph.errors import AmbiguousReference, DocumentNotFound


@pytest.fixture(scope="module")
def corpus(corpus_store):
    return vbgraph.Corpus(corpus_store.dir)


def test_the_module_examples_run():
    import vbgraph.api

    result = doctest.testmod(vbgraph.api)
    assert result.attempted >= 8 and result.failed == 0


def test_the_package_names_its_api():
    assert set(vbgraph.__all__) >= {"Corpus", "open_store", "Document", "Obligation", "sample_files"}
    assert vbgraph.open_store(".").__class__ is vbgraph.Corpus
    with pytest.raises(AttributeError):
        vbgraph.nothing_here  # noqa: B018


@pytest.mark.parametrize(
    ("ref", "error"),
    [("109-NQ/TU", AmbiguousReference), ("999-XX/YY", DocumentNotFound)],
)
def test_a_reference_that_is_not_one_document_says_so(corpus, ref, error):
    with pytest.raises(error):
        corpus.document(ref)


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"jurisdiction": "Trung ương"}, lambda d: d.jurisdiction == "Trung ương"),
        ({"type": "Kế hoạch", "in_corpus": True}, lambda d: d.type == "Kế hoạch" and d.in_corpus),
    ],
)
def test_documents_filter(corpus, filters, check):
    docs = corpus.documents(**filters)
    assert docs and all(check(d) for d in docs)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"jurisdiction": "Bắc Giang"},
        {"jurisdiction": "Trung ương", "in_corpus": False},
        {"type": "Kế hoạch", "in_corpus": True},
        {"type": "Kế hoạch", "jurisdiction": "Đắk Lắk"},
        {"type": "no such type"},
    ],
)
def test_documents_are_read_from_the_store_as_from_the_whole_graph(corpus_store, corpus_graph, filters):
    """`documents` reads the nodes table (a list of 100k documents is not a 3 GB graph); the
    answer is the one the whole graph gives."""
    from vbgraph.graph import store as st
    from vbgraph.graph.model import Document

    fresh = vbgraph.Corpus(corpus_store.dir)
    docs = fresh.documents(**filters)
    assert fresh.store._graph is None
    expected = [
        d
        for d in (Document.from_node(n, a) for n, a in st.documents(corpus_graph))
        if all(getattr(d, k) == v for k, v in filters.items())
    ]
    assert docs == expected and (docs or filters.get("type") == "no such type")


@pytest.mark.parametrize(
    ("ref", "type"),
    [
        (None, None),
        (None, "THUC_HIEN"),
        (None, "THAY_THE"),
        ("109-NQ/TU@2021", None),
        ("52-NQ/TW", "THUC_HIEN"),
    ],
)
def test_relations_are_read_from_the_store_as_from_the_whole_graph(corpus_store, corpus_graph, ref, type):
    from vbgraph.graph import store as st
    from vbgraph.graph.model import Relation

    fresh = vbgraph.Corpus(corpus_store.dir)
    rels = fresh.relations(ref, type=type)
    assert fresh.store._graph is None
    nid = fresh.document(ref).id if ref else None
    expected = [
        Relation.from_edge(s, t, k, a)
        for s, t, k, a in st.relations(corpus_graph)
        if (nid is None or nid in (s, t)) and (type is None or k == type)
    ]
    assert rels == expected and rels


def test_a_store_that_cannot_answer_lists_documents_and_relations_from_its_graph(
    corpus_store, stale_corpus_dir
):
    stale, fresh = vbgraph.Corpus(stale_corpus_dir), vbgraph.Corpus(corpus_store.dir)
    assert not stale.store.indexed
    assert stale.documents(jurisdiction="Bắc Giang") == fresh.documents(jurisdiction="Bắc Giang")
    assert stale.relations(type="THUC_HIEN") == fresh.relations(type="THUC_HIEN")


def test_relations_of_a_document_carry_their_evidence(corpus):
    rels = corpus.relations("53-KL/TU", type="THUC_HIEN")
    assert [(r.source.split("@")[0], r.target.split("@")[0]) for r in rels] == [
        ("bac-giang:53-KL/TU", "bac-giang:109-NQ/TU")
    ]
    assert rels[0].evidence[0].file.startswith("003_") and "109-NQ/TU" in rels[0].evidence[0].quote


def test_named_bodies_leave_out_kinds_of_units(corpus):
    named = corpus.bodies(named_only=True)
    assert named and not any(b.generic for b in named)
    assert len(corpus.bodies()) > len(named)


def test_lineage_down_is_the_reverse_of_up(corpus):
    down = corpus.lineage("109-NQ/TU@2016", direction="down")
    assert "bac-giang:53-KL/TU@2021-03-03" in {s.document.id for s in down}
    with pytest.raises(ValueError, match="direction"):
        corpus.lineage("109-NQ/TU@2016", direction="sideways")


def test_export_and_view_write_files(corpus, tmp_path):
    out = corpus.export(tmp_path / "g.json")
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "vbgraph-json"
    page = corpus.view(tmp_path / "v.html", "53-KL/TU", depth=1)
    assert "<html" in page.read_text(encoding="utf-8")[:500].lower()


def test_tables_for_pandas(corpus):
    import pandas as pd  # the optional extra vbgraph[pandas], a test dependency

    frame = corpus.to_pandas("obligations")
    assert isinstance(frame, pd.DataFrame) and "deadline.end" in frame.columns


@pytest.mark.parametrize("what", ["documents", "bodies", "relations", "obligations"])
def test_a_table_for_pandas_is_its_section_of_the_json_export(corpus_store, corpus_graph, what):
    """Each table is read from the store's own table of it, without the whole graph, and is the
    export's section of the same name."""
    import pandas as pd

    from vbgraph.exports.json_export import generate

    fresh = vbgraph.Corpus(corpus_store.dir)
    frame = fresh.to_pandas(what)
    assert fresh.store._graph is None
    expected = pd.json_normalize(generate(corpus_graph)[what])
    assert len(frame) > 1 and frame.equals(expected)


def test_pandas_tables_are_named(corpus):
    with pytest.raises(ValueError, match="not 'edges'"):
        corpus.to_pandas("edges")


def test_every_api_call_has_an_example():
    import inspect

    calls = [n for n, f in inspect.getmembers(vbgraph.Corpus, inspect.isfunction) if not n.startswith("_")]
    assert len(calls) >= 12
    assert [n for n in calls if ">>>" not in (getattr(vbgraph.Corpus, n).__doc__ or "")] == []
