"""Questions answered from the store's indexes give what the whole graph gives.

A command on a large store reads only the part of the graph its question needs (the documents a
reference may mean, a lineage's reach, a search's candidates from the full-text index): each is
checked here against the same question asked of the whole graph, on the sample."""

from __future__ import annotations

import pytest

from vbgraph.graph.store import Store
from vbgraph.queries.lineage import IMPLEMENTS, tree
from vbgraph.queries.lookup import document_card, find_documents, find_in_store
from vbgraph.queries.research import lineage
from vbgraph.queries.search import search, search_store

REFS = [
    "175-KH/TU",  # a symbol
    "175-kh/tu",  # typed loosely
    "109-NQ/TU@2016",  # with a year
    "NQ 109",  # type and number
    "Nghị quyết 52",
    "Điều lệ Đảng",  # words of a name: the whole graph
    "no such thing",
]
QUERIES = [
    "chuyen doi so",
    "52-NQ/TW",
    "Ban Tuyên giáo",
    "cách mạng công nghiệp lần thứ tư",
    "zzzz",
    "*",  # no word: the index cannot help, the whole graph answers
    '"Điều lệ"',
    "AND",
]


@pytest.fixture(scope="module")
def fresh(corpus_store) -> Store:
    """The session's store, opened anew, so its graph is not in memory."""
    s = Store(corpus_store.dir)
    assert s.indexed
    return s


@pytest.mark.parametrize("ref", REFS)
def test_a_reference_finds_in_the_indexes_what_it_finds_in_the_graph(fresh, corpus_graph, ref):
    ids, part = find_in_store(fresh, ref)
    assert ids == find_documents(corpus_graph, ref)
    assert all(part.nodes[n] == corpus_graph.nodes[n] for n in ids)


@pytest.mark.parametrize("query", QUERIES)
def test_search_by_the_full_text_index_ranks_as_the_whole_graph(fresh, corpus_graph, query):
    assert search_store(fresh, query, limit=50) == search(corpus_graph, fresh.texts, query, limit=50)


def test_every_documents_lineage_and_tree_and_card_from_its_part_of_the_graph(corpus_store, corpus_graph):
    fresh = Store(corpus_store.dir)
    docs = sorted(n for n, a in corpus_graph.nodes(data=True) if a.get("kind") == "Document")
    assert len(docs) > 100
    for n in docs:
        for direction in ("up", "down"):
            for depth in (None, 1, 2):
                part = fresh.around(n, IMPLEMENTS, direction=direction, depth=depth)
                assert lineage(part, n, direction, depth) == lineage(corpus_graph, n, direction, depth)
        part = fresh.around(n, IMPLEMENTS, direction="both", depth=None)
        assert tree(part, n, "both") == tree(corpus_graph, n, "both")
        assert document_card(fresh.neighbours(n), n) == document_card(corpus_graph, n)
    assert not fresh._graph  # answered without loading the whole graph


def test_stats_counted_by_the_tables_are_the_graphs(corpus_store, corpus_graph):
    from vbgraph.queries.stats import graph_stats, store_stats

    fresh = Store(corpus_store.dir)
    assert store_stats(fresh) == graph_stats(corpus_graph)
    assert fresh._graph is None


OBLIGATION_FILTERS = [
    {"body": "Ban Tuyên giáo"},
    {"body": "so noi vu"},
    {"body": "Ban Tuyên giáo", "status": "done"},
    {"body": "ủy ban nhân dân", "due_before": "2021-12-31"},
    {"document": "bac-giang:109-NQ/TU@2021-06-08"},
    {"document": "bac-giang:109-NQ/TU@2021-06-08", "body": "Ban Tổ chức"},
    {"body": "no such body"},
    {"status": "open"},  # neither a body nor a document: the whole graph answers
]


@pytest.mark.parametrize("filters", OBLIGATION_FILTERS, ids=str)
def test_obligations_of_a_body_or_document_read_only_their_tasks(corpus_store, corpus_graph, filters):
    from vbgraph.queries.obligations import obligations, obligations_in_store

    fresh = Store(corpus_store.dir)
    rows, part = obligations_in_store(fresh, **filters)
    assert rows == obligations(corpus_graph, **filters)
    assert all(part.nodes[r["id"]] == corpus_graph.nodes[r["id"]] for r in rows)
    assert (fresh._graph is None) == ("body" in filters or "document" in filters)
