"""Every canned query gives the same answer on the embedded graph and on Neo4j.

The corpus is loaded into Neo4j once for this module; each query runs on both backends with its
defaults (when it needs no parameter) and with sample parameters, and the rows are compared as
sorted lists of tuples over the query's columns. A new query without a case here fails, so
nothing escapes the comparison.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx
import pytest
from test_neo4j import DB, neo4j_conn, neo4j_driver  # noqa: F401  (fixtures: one server per session)

from vbgraph.graph.identity import CENTRAL
from vbgraph.queries import catalog
from vbgraph.queries.neo4j_runner import Connection

pytestmark = pytest.mark.neo4j

PLAN = "bac-giang:20-KH/TU@2021-06-09"
PROGRAMME = "bac-giang:03-CTr/TU@2020-12-04"
CONGRESS = "bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix"
CONGRESS_XIII = "name:nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang"

SAMPLES: dict[str, list[dict[str, Any]]] = {
    "lineage_up": [
        {"id": PLAN},
        {"id": PLAN, "depth": 1},
        {"id": "bac-giang:15-CTr/TU@2021-05-31"},
        {"id": CONGRESS},
    ],
    "lineage_down": [
        {"id": CONGRESS},
        {"id": CONGRESS, "depth": 1},
        {"id": CONGRESS_XIII},
        {"id": "05-CT/TW@2016-05-15"},
    ],
    "central_implementations": [
        {"jurisdiction": "Bắc Giang"},
        {"jurisdiction": "Đắk Lắk"},
        {"jurisdiction": "Hà Nội"},
    ],
    "central_not_implemented": [{"jurisdiction": "Bắc Giang"}, {"jurisdiction": "Đắk Lắk"}],
    "supersession": [{"id": "213-QĐ/TW@2020-01-02"}, {"id": "76-QĐ/TW@2000-06-15"}, {"id": PLAN}],
    "citing": [
        {"id": "name:dieu-le-dang"},
        {"id": CONGRESS},
        {"id": "52-NQ/TW@2019-09-27"},
        {"id": PROGRAMME},
    ],
    "obligations_of_body": [
        {"body": "bac-giang:ban-tuyen-giao-tinh-uy"},
        {"body": "tuyên giáo"},
        {"status": "late"},
        {"body": "bac-giang:ban-tuyen-giao-tinh-uy", "status": "open"},
    ],
    "planned_documents": [{"id": PROGRAMME}, {"id": "bac-giang:15-CTr/TU@2021-05-31"}, {"id": PLAN}],
    "most_implemented": [{"limit": 3}, {"limit": 100}],
    "unresolved_references": [],
}


def cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for name, q in sorted(catalog.QUERIES.items()):
        if not q.required:
            out.append((name, {}))  # the defaults
        out.extend((name, p) for p in SAMPLES.get(name, []))
    return out


def _key(row: tuple) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)


def as_tuples(rows: list[dict], columns: tuple[str, ...] | list[str]) -> list[tuple]:
    """Rows as tuples over `columns`, sorted (None and mixed types sort by their JSON text)."""
    return sorted((tuple(r[c] for c in columns) for r in rows), key=_key)


@pytest.fixture(scope="module")
def neo4j_corpus(neo4j_driver, neo4j_conn: Connection, corpus_graph: nx.MultiDiGraph) -> dict[str, Any]:  # noqa: F811
    """The corpus in Neo4j (database wiped first); the connection as `catalog.run` takes it."""
    db = DB(neo4j_driver, neo4j_conn)
    db.wipe()
    db.load(corpus_graph)
    return neo4j_conn.kwargs()


def test_every_query_has_a_case():
    missing = [name for name, q in catalog.QUERIES.items() if q.required and not SAMPLES.get(name)]
    assert not missing, f"add sample parameters to SAMPLES for {missing}"
    assert set(SAMPLES) <= set(catalog.QUERIES), set(SAMPLES) - set(catalog.QUERIES)


def test_the_sample_ids_are_in_the_corpus(corpus_graph: nx.MultiDiGraph):
    ids = {p[k] for ps in SAMPLES.values() for p in ps for k in ("id",) if k in p}
    assert ids <= set(corpus_graph), ids - set(corpus_graph)


@pytest.mark.parametrize(
    ("name", "params"), cases(), ids=lambda x: x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
)
def test_parity(name: str, params: dict[str, Any], neo4j_corpus, corpus_graph: nx.MultiDiGraph):
    q = catalog.QUERIES[name]
    embedded = catalog.run(name, "embedded", G=corpus_graph, params=params)
    neo = catalog.run(name, "neo4j", params=params, conn=neo4j_corpus)
    assert all(list(r) == list(q.columns) for r in embedded + neo)
    assert as_tuples(neo, q.columns) == as_tuples(embedded, q.columns)


def test_the_comparison_is_not_vacuous(neo4j_corpus, corpus_graph: nx.MultiDiGraph):
    """Every query answers something on at least one of its cases, so parity means something."""
    empty = []
    for name in catalog.QUERIES:
        if not any(catalog.run(name, "embedded", G=corpus_graph, params=p) for n, p in cases() if n == name):
            empty.append(name)
    assert not empty, f"no case of {empty} returns a row on the corpus; add a sample that does"


def shapes_graph() -> nx.MultiDiGraph:
    """Shapes the sample lacks: an implementation cycle, a diamond, a chain of 25 replacements."""
    G = nx.MultiDiGraph(format="vbgraph-store", issues=[], files=[])
    docs = {
        "tw": CENTRAL,
        "a": "Bắc Giang",
        "b": "Bắc Giang",
        "c": "Bắc Giang",
        "d": "Bắc Giang",
        **{f"r{i:02}": CENTRAL for i in range(26)},
    }
    for n, jur in docs.items():
        G.add_node(
            n, kind="Document", jurisdiction=jur, symbol=n, date=f"2020-01-{len(n):02}", in_corpus=True
        )
    for s, t in [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a"), ("d", "c"), ("a", "tw"), ("d", "d")]:
        G.add_edge(s, t, key="THUC_HIEN", evidence=[])
    for i in range(25):
        G.add_edge(f"r{i + 1:02}", f"r{i:02}", key="THAY_THE" if i % 3 else "BAI_BO", evidence=[])
    G.add_edge("b", "r05", key="CAN_CU", evidence=[])
    return G


SHAPES: list[tuple[str, dict[str, Any]]] = [
    *(
        (name, {"id": n, "depth": depth})
        for name in ("lineage_up", "lineage_down")
        for n in ("a", "c", "d", "tw")
        for depth in (None, 1)
    ),
    *(("supersession", {"id": n}) for n in ("r00", "r12", "r25", "a")),
    ("supersession", {}),
    ("central_implementations", {}),
    ("central_not_implemented", {}),
    ("citing", {"id": "a"}),
    ("most_implemented", {"limit": 10}),
]


@pytest.fixture()
def neo4j_shapes(neo4j_driver, neo4j_conn: Connection, neo4j_corpus, corpus_graph: nx.MultiDiGraph):  # noqa: F811
    """`shapes_graph()` in Neo4j for one test, then the corpus back for the others."""
    db = DB(neo4j_driver, neo4j_conn)
    db.wipe()
    db.load(shapes_graph())
    yield neo4j_conn.kwargs()
    db.wipe()
    db.load(corpus_graph)


def test_parity_beyond_the_sample(neo4j_shapes):
    """Cycles and chains longer than the twins' *1..20 bound give the same rows on both backends."""
    G = shapes_graph()
    differ = [
        (name, params)
        for name, params in SHAPES
        if as_tuples(catalog.run(name, "embedded", G=G, params=params), catalog.QUERIES[name].columns)
        != as_tuples(
            catalog.run(name, "neo4j", params=params, conn=neo4j_shapes), catalog.QUERIES[name].columns
        )
    ]
    assert differ == []
    assert catalog.run("lineage_up", G=G, params={"id": "a"})  # not vacuous
    assert len(catalog.run("supersession", G=G, params={"id": "r00"})) == 20
