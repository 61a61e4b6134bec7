"""The Neo4j writer's pure parts, no server: exact Cypher text (cartography `test_querybuilder_*`,
kgx `test_create_constraint_query`) and the rows a graph becomes."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from vbgraph.exports import flat
from vbgraph.exports import neo4j_writer as w
from vbgraph.graph.model import Document
from vbgraph.ontology.relations import Rel

HOSTILE = "THUC_HIEN]->() MATCH (m) DETACH DELETE m //"


def test_constraint_query():
    assert w.constraint_query("Document") == (
        "CREATE CONSTRAINT vbgraph_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE"
    )


def test_index_query():
    assert (
        w.index_query("Body", "name")
        == "CREATE INDEX vbgraph_body_name IF NOT EXISTS FOR (n:Body) ON (n.name)"
    )


def test_schema_queries_constraints_first():
    assert w.schema_queries() == [
        "CREATE CONSTRAINT vbgraph_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT vbgraph_body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT vbgraph_obligation_id IF NOT EXISTS FOR (n:Obligation) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT vbgraph_issue_id IF NOT EXISTS FOR (n:Issue) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX vbgraph_document_symbol IF NOT EXISTS FOR (n:Document) ON (n.symbol)",
        "CREATE INDEX vbgraph_document_jurisdiction IF NOT EXISTS FOR (n:Document) ON (n.jurisdiction)",
        "CREATE INDEX vbgraph_body_name IF NOT EXISTS FOR (n:Body) ON (n.name)",
    ]


def test_merge_nodes_query():
    assert w.merge_nodes_query("Obligation") == (
        "UNWIND $rows AS row\n"
        "MERGE (n:Obligation {id: row.id})\n"
        "SET n += row.props, n.run_id = $run_id, n.lastupdated = $lastupdated"
    )


def test_merge_relationships_query_document_relation():
    assert w.merge_relationships_query("THUC_HIEN") == (
        "UNWIND $rows AS row\n"
        "MATCH (a:Document {id: row.source})\n"
        "MATCH (b:Document {id: row.target})\n"
        "MERGE (a)-[r:THUC_HIEN]->(b)\n"
        "SET r += row.props, r.label = $label, r.run_id = $run_id, r.lastupdated = $lastupdated\n"
        "RETURN count(r) AS written"
    )


def test_merge_relationships_query_takes_the_ends_from_the_type():
    assert w.merge_relationships_query("GIAO_CHO") == (
        "UNWIND $rows AS row\n"
        "MATCH (a:Obligation {id: row.source})\n"
        "MATCH (b:Body {id: row.target})\n"
        "MERGE (a)-[r:GIAO_CHO]->(b)\n"
        "SET r += row.props, r.label = $label, r.run_id = $run_id, r.lastupdated = $lastupdated\n"
        "RETURN count(r) AS written"
    )


def test_stale_queries():
    assert w.stale_relationships_query("BAN_HANH") == (
        "MATCH (:Body)-[r:BAN_HANH]->(:Document)\nWHERE r.run_id <> $run_id\nDELETE r"
    )
    assert w.stale_nodes_query("Issue") == "MATCH (n:Issue)\nWHERE n.run_id <> $run_id\nDETACH DELETE n"


def test_the_relationship_types_are_the_closed_set():
    assert set(w.REL_TYPES) == {r.value for r in Rel} | {
        "BAN_HANH",
        "DAT_RA",
        "GIAO_CHO",
        "THUOC",
        "DUOC_THUC_HIEN_BOI",
    }
    assert set(w.REL_LABELS) == set(w.REL_TYPES)
    assert w.REL_LABELS["THUC_HIEN"] == Rel.THUC_HIEN.label == "thực hiện"


@pytest.mark.parametrize("build", [w.merge_relationships_query, w.stale_relationships_query])
@pytest.mark.parametrize("name", [HOSTILE, "thuc_hien", "KNOWS", ""])
def test_relationship_builders_refuse_types_outside_the_set(build, name):
    with pytest.raises(ValueError, match="not a vbgraph relationship type"):
        build(name)


@pytest.mark.parametrize("build", [w.constraint_query, w.merge_nodes_query, w.stale_nodes_query])
@pytest.mark.parametrize("name", ["Document) DETACH DELETE n //", "Person", "document"])
def test_node_builders_refuse_labels_outside_the_set(build, name):
    with pytest.raises(ValueError, match="not a vbgraph label"):
        build(name)


def test_index_query_refuses_a_property_that_is_not_a_name():
    with pytest.raises(ValueError, match="not a property name"):
        w.index_query("Document", "id) DETACH DELETE n //")


# -- rows -------------------------------------------------------------------------------------


def test_flatten_props():
    assert w.flatten_props(
        {
            "kind": "Obligation",
            "text": "chủ trì",
            "recurring": None,
            "fulfilment_score": 0.5,
            "in_corpus": True,
            "deadline": {"text": "Quý II/2021", "start": "2021-04-01", "end": "2021-06-30"},
            "evidence": {"file": "a.txt", "line": 3, "quote": "…"},
            "assignees": [{"body": "b1", "role": "chu_tri"}, {"body": "b2", "role": "phoi_hop"}],
            "tags": ["x", "y"],
            "mixed": [1, "a"],
            "holes": ["a", None],
            "empty": [],
            "deep": {"a": {"b": 1}},
        }
    ) == {
        "assignees": '[{"body": "b1", "role": "chu_tri"}, {"body": "b2", "role": "phoi_hop"}]',
        "assignees_body": ["b1", "b2"],
        "assignees_role": ["chu_tri", "phoi_hop"],
        "deadline_end": "2021-06-30",
        "deadline_start": "2021-04-01",
        "deadline_text": "Quý II/2021",
        "deep_a": '{"b": 1}',
        "empty": [],
        "evidence_file": "a.txt",
        "evidence_line": 3,
        "evidence_quote": "…",
        "fulfilment_score": 0.5,
        "holes": '["a", null]',
        "in_corpus": True,
        "mixed": '[1, "a"]',
        "recurring": None,
        "tags": ["x", "y"],
        "text": "chủ trì",
    }


def test_relationship_props():
    ev = [
        {"document": "d1", "file": "a.txt", "line": 59, "quote": "thực hiện Nghị quyết số 52-NQ/TW"},
        {"document": "d1", "file": "a.txt", "line": 80, "quote": "…"},
    ]
    # The label is not a row property: the query sets it from the closed set.
    assert w.relationship_props(
        "THUC_HIEN", "d1", "d2", {"label": "ignored: the closed set decides", "evidence": ev}
    ) == {
        "evidence": json.dumps(ev, ensure_ascii=False, sort_keys=True),
        "evidence_count": 2,
        "evidence_files": ["a.txt", "a.txt"],
        "evidence_lines": [59, 80],
        "evidence_quote": "thực hiện Nghị quyết số 52-NQ/TW",
    }
    assert w.relationship_props("GIAO_CHO", "o", "b", {"vai_tro": "chu_tri"}) == {"vai_tro": "chu_tri"}
    assert w.relationship_props("BAN_HANH", "b", "d", {}) == {}
    with pytest.raises(ValueError, match="not a vbgraph relationship type"):
        w.relationship_props(HOSTILE, "d1", "d2", {})


def test_an_unknown_line_makes_the_lines_array_null():
    """Neo4j arrays hold no nulls: files and lines stay parallel or are null."""
    ev = [
        {"document": "d1", "file": "a.txt", "line": 5, "quote": "x"},
        {"document": "d1", "file": "b.txt", "line": None, "quote": "y"},
    ]
    props = w.relationship_props("CAN_CU", "d1", "d2", {"evidence": ev})
    assert (props["evidence_files"], props["evidence_lines"], props["evidence_count"]) == (
        ["a.txt", "b.txt"],
        None,
        2,
    )


def test_issue_id_is_stable_and_content_based():
    issue = {"kind": "date-conflict", "file": "a.txt", "line": 3, "message": "m"}
    assert w.issue_id(issue) == w.issue_id(dict(reversed(issue.items())))
    assert w.issue_id(issue) != w.issue_id({**issue, "line": 4})
    assert w.issue_id(issue).startswith("issue:") and len(w.issue_id(issue)) == len("issue:") + 16


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(
        "d1",
        kind="Document",
        symbol="20-KH/TU",
        title="về x",
        source={"file": "a.txt", "first_line": 1, "last_line": 9},
    )
    G.add_node("d2", kind="Document", symbol="03-CTr/TU", title=None, source=None)
    G.add_node("b", kind="Body", name="Ban Thường vụ Tỉnh ủy")
    G.add_edge(
        "d1",
        "d2",
        key="THUC_HIEN",
        label="thực hiện",
        evidence=[{"document": "d1", "file": "a.txt", "line": 5, "quote": "thực hiện Chương trình 03"}],
    )
    G.add_edge("b", "d1", key="BAN_HANH")
    G.graph["issues"] = [{"kind": "date-conflict", "file": "a.txt", "line": 2, "message": "m"}] * 2
    return G


def test_node_rows_carry_every_flat_column_null_when_unknown():
    rows = w.node_rows(_graph())
    # Every column of the label, null when unknown, so a re-load removes what went away.
    none = dict.fromkeys(c.name for c in flat.columns(Document))
    assert rows["Document"] == [
        {
            "id": "d1",
            "props": none
            | {
                "in_corpus": False,
                "source_file": "a.txt",
                "source_first_line": 1,
                "source_last_line": 9,
                "symbol": "20-KH/TU",
                "title": "về x",
            },
        },
        {"id": "d2", "props": none | {"in_corpus": False, "symbol": "03-CTr/TU"}},
    ]
    assert rows["Body"] == [
        {
            "id": "b",
            "props": {
                "name": "Ban Thường vụ Tỉnh ủy",
                "jurisdiction": None,
                "part_of": None,
                "level": None,
                "aliases": [],
                "aliases_count": 0,
                "generic": False,
            },
        }
    ]
    assert rows["Obligation"] == []
    issue = {"kind": "date-conflict", "file": "a.txt", "line": 2, "message": "m"}
    assert rows["Issue"] == [{"id": w.issue_id(issue), "props": issue}]  # duplicates merged; kind kept


def test_node_props_refuses_a_label_outside_the_model():
    with pytest.raises(ValueError, match="not a label of the model"):
        w.node_props("Issue", "i", {})


def test_relationship_rows():
    rows = w.relationship_rows(_graph())
    assert [(r["source"], r["target"]) for r in rows["THUC_HIEN"]] == [("d1", "d2")]
    assert rows["BAN_HANH"] == [{"source": "b", "target": "d1", "props": {}}]
    assert set(rows) == set(w.REL_TYPES) and rows["SUA_DOI"] == []


def test_an_edge_type_outside_the_set_never_reaches_cypher():
    G = _graph()
    G.add_edge("d1", "d2", key=HOSTILE)
    with pytest.raises(w.GraphShapeError, match="not a relationship type the Neo4j writer knows"):
        w.plan(G)


def test_an_edge_between_the_wrong_kinds_is_refused():
    G = _graph()
    G.add_edge("d1", "b", key="THUC_HIEN")
    with pytest.raises(
        w.GraphShapeError, match="joins Document to Body; THUC_HIEN joins Document to Document"
    ):
        w.plan(G)


def test_an_unknown_node_kind_is_refused():
    G = _graph()
    G.add_node("p", kind="Person")
    with pytest.raises(w.GraphShapeError, match="kind 'Person'"):
        w.plan(G)


def test_the_run_id_is_a_content_hash():
    assert w.plan(_graph()).digest() == w.plan(_graph()).digest()
    G = _graph()
    G.nodes["d2"]["title"] = "về y"
    assert w.plan(G).digest() != w.plan(_graph()).digest()
    assert w.plan(_graph()).total == 2 + 1 + 1 + 2  # documents, body, issue, relationships


def test_the_corpus_fits_the_schema(corpus_graph):
    """Every node and edge of the real corpus has a place; every property is Neo4j-storable."""
    p = w.plan(corpus_graph)

    def storable(v) -> bool:
        return (
            v is None
            or isinstance(v, str | bool | int | float)
            or (
                isinstance(v, list)
                and len({type(x) for x in v}) <= 1
                and all(isinstance(x, str | bool | int | float) for x in v)
            )
        )

    for rows in (*p.nodes.values(), *p.relationships.values()):
        for r in rows:
            assert all(storable(v) for v in r["props"].values()), r
    assert sum(map(len, p.relationships.values())) == corpus_graph.number_of_edges()
