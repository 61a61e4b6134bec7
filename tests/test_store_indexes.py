"""Questions answered from the store's indexes give what the whole graph gives.

A command on a large store reads only the part of the graph its question needs (the documents a
reference may mean, a lineage's reach, a search's candidates from the full-text index): each is
checked here against the same question asked of the whole graph, on the sample."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from vbgraph.errors import DocumentNotFound
from vbgraph.graph import database as db
from vbgraph.graph import reach
from vbgraph.graph import store as st
from vbgraph.graph.rows import label_row
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
    # neither a body nor a document: every task (of the status), its documents and bodies
    {},
    {"status": "open"},
    {"status": "late", "due_before": "2021-01-01"},
    {"status": "no such status"},
]


@pytest.mark.parametrize("filters", OBLIGATION_FILTERS, ids=str)
def test_obligations_of_a_body_or_document_read_only_their_tasks(corpus_store, corpus_graph, filters):
    from vbgraph.queries.obligations import obligations, obligations_in_store

    fresh = Store(corpus_store.dir)
    rows, part = obligations_in_store(fresh, **filters)
    assert rows == obligations(corpus_graph, **filters)
    assert all(part.nodes[r["id"]] == corpus_graph.nodes[r["id"]] for r in rows)
    assert fresh._graph is None


@pytest.mark.parametrize("filters", OBLIGATION_FILTERS, ids=str)
def test_the_rows_of_every_task_come_without_a_graph(corpus_store, corpus_graph, filters):
    """`vbgraph obligations` reads the tasks one at a time and keeps only their rows: the same rows."""
    from vbgraph.queries.obligations import obligation_rows, obligations

    fresh = Store(corpus_store.dir)
    assert obligation_rows(fresh, **filters) == obligations(corpus_graph, **filters)
    assert fresh._graph is None


@pytest.mark.parametrize("kind", ["Document", "Body", "Obligation"])
def test_the_nodes_of_a_kind_one_at_a_time_are_the_graphs(corpus_store, corpus_graph, kind):
    fresh = Store(corpus_store.dir)
    expected = [(n, a) for n, a in sorted(corpus_graph.nodes(data=True)) if a["kind"] == kind]
    assert list(fresh.nodes_of_kind(kind)) == expected and fresh._graph is None


# -- the other commands' questions, from the indexes ------------------------------------------------

ID_QUERIES = [  # canned queries about one document: asked of every document of the sample
    ("lineage_up", {}),
    ("lineage_up", {"depth": 1}),
    ("lineage_down", {}),
    ("lineage_down", {"depth": 2}),
    ("supersession", {}),
    ("citing", {}),
    ("planned_documents", {}),
]
CANNED = [  # the other canned queries, with the parameters they take
    ("central_implementations", {}),
    ("central_implementations", {"jurisdiction": "Bắc Giang"}),
    ("central_implementations", {"jurisdiction": "Đắk Lắk"}),
    ("central_implementations", {"jurisdiction": "Trung ương"}),
    ("central_implementations", {"jurisdiction": "Hà Nội"}),
    ("central_not_implemented", {}),
    ("central_not_implemented", {"jurisdiction": "Bắc Giang"}),
    ("central_not_implemented", {"jurisdiction": "Đắk Lắk"}),
    ("supersession", {}),
    ("obligations_of_body", {}),
    ("obligations_of_body", {"body": "bac-giang:ban-tuyen-giao-tinh-uy"}),
    ("obligations_of_body", {"body": "tuyên giáo"}),
    ("obligations_of_body", {"body": "Sở"}),
    ("obligations_of_body", {"status": "late"}),
    ("obligations_of_body", {"body": "tuyên giáo", "status": "open"}),
    ("obligations_of_body", {"body": ""}),
    ("obligations_of_body", {"body": "no such body"}),
    ("most_implemented", {}),
    ("most_implemented", {"limit": 1}),
    ("most_implemented", {"limit": 3}),
    ("most_implemented", {"limit": 1000}),
    ("most_implemented", {"limit": 0}),
    ("unresolved_references", {}),
]


def _documents(G) -> list[str]:
    return sorted(n for n, a in G.nodes(data=True) if a.get("kind") == "Document")


@pytest.mark.parametrize(("name", "params"), CANNED, ids=str)
def test_a_canned_query_from_the_indexes_answers_as_the_whole_graph(corpus_store, corpus_graph, name, params):
    from vbgraph.queries import catalog

    fresh = Store(corpus_store.dir)
    rows = catalog.run(name, store=fresh, params=params)
    assert rows == catalog.run(name, G=corpus_graph, params=params)
    assert fresh._graph is None


@pytest.mark.parametrize(("name", "params"), ID_QUERIES, ids=str)
def test_every_documents_canned_queries_from_the_indexes(corpus_store, corpus_graph, name, params):
    from vbgraph.queries import catalog

    fresh = Store(corpus_store.dir)
    for n in _documents(corpus_graph):
        p = {"id": n, **params}
        assert catalog.run(name, store=fresh, params=p) == catalog.run(name, G=corpus_graph, params=p), n
    with pytest.raises(DocumentNotFound):
        catalog.run(name, store=fresh, params={"id": "no such document", **params})
    assert fresh._graph is None


def test_every_documents_timeline_and_plan_from_its_part(corpus_store, corpus_graph):
    from vbgraph.queries import indexed, lineage, obligations

    fresh = Store(corpus_store.dir)
    planned = 0
    for n in _documents(corpus_graph):
        assert indexed.timeline(fresh, n) == lineage.timeline(corpus_graph, n)
        rows = indexed.plan(fresh, n)
        assert rows == obligations.plan(corpus_graph, n)
        planned += bool(rows)
    assert planned  # not vacuous
    assert fresh._graph is None


@pytest.mark.parametrize(
    "jurisdiction", [None, "Bắc Giang", "bac giang", "Đắk Lắk", "Trung ương", "Hà Nội", ""]
)
def test_bodies_counted_in_sql_are_the_graphs(corpus_store, corpus_graph, jurisdiction):
    from vbgraph.queries.obligations import bodies, bodies_in_store

    fresh = Store(corpus_store.dir)
    assert bodies_in_store(fresh, jurisdiction=jurisdiction) == bodies(
        corpus_graph, jurisdiction=jurisdiction
    )
    assert fresh._graph is None


@pytest.mark.parametrize("central", [False, True])
@pytest.mark.parametrize(
    ("jurisdiction", "since"),
    [
        (None, None),
        ("Bắc Giang", None),
        ("Đắk Lắk", None),
        ("Trung ương", None),
        ("", None),
        (None, "2021-01-01"),
        ("Bắc Giang", "2021-01-01"),
    ],
)
def test_implementations_from_their_part(corpus_store, corpus_graph, central, jurisdiction, since):
    from vbgraph.queries import indexed, lineage

    fresh = Store(corpus_store.dir)
    rows = indexed.implementations(fresh, central=central, jurisdiction=jurisdiction, since=since)
    assert rows == lineage.implementations(
        corpus_graph, central=central, jurisdiction=jurisdiction, since=since
    )
    assert fresh._graph is None


VIEWS = [  # build_view options; those with a ref are asked of several documents
    {},
    {"depth": 1, "direction": "up"},
    {"depth": None, "direction": "down", "relations": "THUC_HIEN"},
    {"depth": 3, "with_obligations": True, "max_nodes": 10_000},
    {"depth": 2, "jurisdiction": "Bắc Giang", "relations": "THUC_HIEN,DAN_CHIEU"},
    {"depth": 0, "jurisdiction": "Đắk Lắk", "with_obligations": True},
    {"depth": None, "direction": "both", "max_nodes": 20},  # too large: the same refusal
]
WHOLE_VIEWS = [  # without a ref
    {},
    {"max_nodes": 10},
    {"with_obligations": True},
    {"with_obligations": True, "max_nodes": 100_000, "layout": "date"},
    {"relations": "THAY_THE,TONG_KET"},
    {"relations": ""},
    {"jurisdiction": "dak lak"},
    {"jurisdiction": "Đắk Lắk", "relations": "THUC_HIEN"},
    {"jurisdiction": "Hà Nội"},  # none: the known ones are listed
    {"relations": "NOPE"},
    {"direction": "sideways"},
    {"layout": "circle"},
    {"depth": -1},
]


def _view_or_error(build, *args, **kwargs):
    """A view as plain data (the graph's nodes, edges and attributes, the choices), or the error."""
    from vbgraph.errors import VbgraphError

    try:
        v = build(*args, **kwargs)
    except (VbgraphError, ValueError) as e:
        return type(e), str(e)
    G = v.graph
    return (
        list(G.nodes(data=True)),
        list(G.edges(keys=True, data=True)),
        G.graph,
        (v.ref_id, v.depth, v.direction, v.relations, v.jurisdiction, v.with_obligations, v.layout, v.hops),
    )


@pytest.mark.parametrize("options", VIEWS, ids=str)
def test_a_documents_view_selected_by_the_indexes_is_the_graphs(corpus_store, corpus_graph, options):
    from vbgraph.queries.view import build_view, build_view_in_store

    fresh = Store(corpus_store.dir)
    for n in [*_documents(corpus_graph)[::7], "bac-giang:20-KH/TU@2021-06-09", "no such document"]:
        got = _view_or_error(build_view_in_store, fresh, n, **options)
        assert got == _view_or_error(build_view, corpus_graph, n, **options), n
    assert fresh._graph is None


@pytest.mark.parametrize("options", WHOLE_VIEWS, ids=str)
def test_a_view_without_a_document_selected_by_the_indexes_is_the_graphs(corpus_store, corpus_graph, options):
    from vbgraph.queries.view import build_view, build_view_in_store

    fresh = Store(corpus_store.dir)
    got = _view_or_error(build_view_in_store, fresh, **options)
    assert got == _view_or_error(build_view, corpus_graph, **options)
    assert fresh._graph is None


def test_the_api_lists_bodies_and_draws_views_from_the_indexes(corpus_store, corpus_graph, tmp_path):
    from vbgraph.api import open_store
    from vbgraph.exports.html_view import build_view, write_html
    from vbgraph.graph.model import Body

    corpus = open_store(corpus_store.dir)
    assert corpus.bodies() == [Body.from_node(n, a) for n, a in st.bodies(corpus_graph)]
    page = corpus.view(tmp_path / "a.html", "20-KH/TU", depth=1, with_obligations=True)
    whole = write_html(
        build_view(corpus_graph, "bac-giang:20-KH/TU@2021-06-09", depth=1, with_obligations=True),
        tmp_path / "b.html",
    )
    assert page.read_bytes() == whole.read_bytes()
    assert corpus.store._graph is None


@pytest.mark.parametrize("limit", [1, 5, 0, -3])
@pytest.mark.parametrize("query", ["thực hiện", "Nghị quyết", "Ban Thường vụ Tỉnh ủy", "52-NQ/TW", "quý"])
def test_search_ranks_as_the_whole_graph_at_any_limit(fresh, corpus_graph, query, limit):
    assert search_store(fresh, query, limit) == search(corpus_graph, fresh.texts, query, limit)


@pytest.mark.parametrize("query", ["thực hiện", "Nghị quyết", "tỉnh"])
def test_a_search_past_its_bounds_ranks_the_documents_it_read_as_the_whole_graph(
    fresh, corpus_graph, monkeypatch, query
):
    """A phrase in more lines than a search reads: fewer documents are ranked, each as the whole
    graph ranks it, in the same order."""
    from vbgraph.queries import search as searching

    whole = {r["document"]: r for r in search(corpus_graph, fresh.texts, query, limit=100_000)}
    monkeypatch.setattr(searching, "LINES_READ", 30)
    monkeypatch.setattr(searching, "TITLES_READ", 3)
    rows = search_store(fresh, query, limit=20)
    assert rows and rows != list(whole.values())[:20]  # bounded: not the whole ranking
    assert rows == [whole[r["document"]] for r in rows]  # each document scored in full
    assert rows == sorted(rows, key=lambda r: (-r["score"], r["date"] or "", r["document"]))
    notes: list[str] = []
    search_store(fresh, query, limit=20, notes=notes)
    assert len(notes) == 1 and "ranked among the first of them only" in notes[0]


def test_the_command_line_says_when_a_search_is_bounded(fresh, monkeypatch):
    from typer.testing import CliRunner

    from vbgraph.cli import app
    from vbgraph.queries import search as searching

    runner = CliRunner()
    args = ["search", "thực hiện", "--store", str(fresh.dir), "--limit", "3"]
    assert "note:" not in runner.invoke(app, args).stderr
    monkeypatch.setattr(searching, "LINES_READ", 30)
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "note: 'thực hiện' is in more than 30 lines" in result.stderr


def _store_of(G: nx.MultiDiGraph, directory) -> Store:
    """A store holding the graph `G` as node and edge rows, as an ingest saves a resolved graph."""
    con = db.connect(directory, create=True)
    assert con is not None
    with db.transaction(con):
        con.executemany(
            "INSERT INTO nodes (id, kind, attrs) VALUES (?, ?, ?)",
            [
                (n, a["kind"], json.dumps({k: v for k, v in a.items() if k != "kind"}))
                for n, a in G.nodes(data=True)
            ],
        )
        con.executemany(
            "INSERT INTO doc_labels VALUES (?, ?, ?, ?)",
            [label_row(n, a) for n, a in G.nodes(data=True) if a["kind"] == "Document"],
        )
        con.executemany(
            "INSERT INTO edges (source, target, key, attrs) VALUES (?, ?, ?, ?)",
            [(s, t, k, json.dumps(a)) for s, t, k, a in G.edges(keys=True, data=True)],
        )
        db.set_meta(con, "graph", json.dumps(G.graph))
        reach.rebuild(con)
    con.close()
    return Store(directory)


def test_shapes_the_sample_lacks_from_the_indexes(tmp_path):
    """Cycles, a diamond and chains longer than MAX_DEPTH: every canned query and command."""
    from test_query_parity import SHAPES, shapes_graph

    from vbgraph.queries import catalog, indexed, lineage

    G = shapes_graph()
    s = _store_of(G, tmp_path)
    assert s.indexed
    for name, params in SHAPES:
        assert catalog.run(name, store=s, params=params) == catalog.run(name, G=G, params=params), (
            name,
            params,
        )
    for central in (False, True):
        for j in (None, "Bắc Giang"):
            rows = indexed.implementations(s, central=central, jurisdiction=j)
            assert rows == lineage.implementations(G, central=central, jurisdiction=j)
    for n in ("tw", "a", "r00", "r25"):
        assert indexed.timeline(s, n) == lineage.timeline(G, n)
    assert s._graph is None


def test_a_store_whose_tables_cannot_answer_answers_from_its_whole_graph(
    corpus_store, corpus_graph, stale_corpus_dir
):
    """A store migrated from an earlier layout (its graph not saved yet) gives the same answers."""
    from vbgraph.queries import catalog, indexed, lineage, obligations
    from vbgraph.queries.view import build_view, build_view_in_store

    stale = Store(stale_corpus_dir)
    assert not stale.indexed
    doc = "bac-giang:03-CTr/TU@2020-12-04"
    assert obligations.bodies_in_store(stale) == obligations.bodies(corpus_graph)
    assert indexed.implementations(stale, central=True) == lineage.implementations(corpus_graph, central=True)
    assert indexed.implementations(stale) == lineage.implementations(corpus_graph)
    assert indexed.plan(stale, doc) == obligations.plan(corpus_graph, doc)
    assert catalog.run("citing", store=stale, params={"id": doc}) == catalog.run(
        "citing", G=corpus_graph, params={"id": doc}
    )
    assert _view_or_error(build_view_in_store, stale, doc) == _view_or_error(build_view, corpus_graph, doc)
    assert search_store(stale, "thực hiện", 10) == search(corpus_graph, stale.texts, "thực hiện", 10)
