"""The model is declared once (graph/model.py): the JSON export and its contract agree with it, and
every other sink carries every model field or says why not."""

from __future__ import annotations

import csv
import re
import types
from dataclasses import dataclass, is_dataclass
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import networkx as nx
import pytest

from vbgraph.exports import flat, graphml, rdf
from vbgraph.graph.model import (
    NODE_CLASSES,
    Assignee,
    Body,
    Deadline,
    Document,
    Evidence,
    GraphIssue,
    Obligation,
    Relation,
    Source,
    fields_of,
)

CONTRACT = (Path(__file__).parent.parent / "docs" / "graph-json-v1.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("section", "cls"),
    [
        ("documents", Document),
        ("bodies", Body),
        ("relations", Relation),
        ("obligations", Obligation),
        ("issues", GraphIssue),
    ],
)
def test_the_json_export_writes_exactly_the_model_fields(corpus_export, section, cls):
    keys = {frozenset(x) for x in corpus_export[section]}
    assert keys == {frozenset(fields_of(cls))}


def test_evidence_and_sources_carry_the_model_fields(corpus_export):
    evidence = {k for r in corpus_export["relations"] for e in r["evidence"] for k in e}
    assert evidence <= set(fields_of(Evidence)) and {"document", "file", "line", "quote"} <= evidence
    sources = {frozenset(d["source"]) for d in corpus_export["documents"] if d["source"]}
    assert sources == {frozenset(fields_of(Source))}


@pytest.mark.parametrize("cls", [Document, Body, Relation, Obligation, Evidence, Source, GraphIssue])
def test_the_contract_document_names_every_model_field(cls):
    """docs/graph-json-v1.md is what researchers read: a field the model has and it lacks is a bug."""
    missing = [f for f in fields_of(cls) if not re.search(rf'["`]{f}["`]', CONTRACT)]
    assert missing == []


def test_a_node_read_back_from_the_export_is_the_same_object(corpus_graph):
    from vbgraph.graph import store as st

    for nid, a in st.obligations(corpus_graph):
        ob = Obligation.from_node(nid, a)
        assert Obligation.from_node(nid, {**ob.to_dict(), "kind": "Obligation"}) == ob


# -- every sink carries every model field ----------------------------------------------------------
#
# The flat sinks (CSV, the Neo4j writer, GraphML) write exports/flat.py's columns, and RDF its own
# field -> property table. Each model field is carried (directly or flattened) or declared left
# out with a reason; a field added to the model and not to those tables fails here.

D1, D2, B1, B2, O1 = "doc:1", "doc:2", "body:1", "body:2", "obligation:1"
FLAT_CLASSES = [Document, Body, Obligation, Relation]
RDF_CLASSES = [Document, Source, Body, Relation, Evidence, Obligation, Assignee, Deadline]


def _filled(hint: Any, name: str) -> Any:
    """A value of the annotated type, never empty."""
    args = [a for a in get_args(hint) if a is not type(None)]
    base = args[0] if isinstance(hint, types.UnionType) and len(args) == 1 else hint
    if is_dataclass(base):
        return _full(base)
    if get_origin(base) is tuple:
        return tuple(_filled(get_args(base)[0], f"{name}-{i}") for i in (1, 2))
    values = {bool: True, int: 7, float: 0.5, str: f"{name}-value", dict: {"type": "loại", "title": "về x"}}
    if base not in values:
        raise TypeError(f"{name}: no test value for {hint!r}; teach _filled this type")
    return values[base]


def _full(cls: type, **given: Any) -> Any:
    """An instance with every field set: a field added to the model is set here too."""
    hints = get_type_hints(cls)
    return cls(**{f: given[f] if f in given else _filled(hints[f], f) for f in fields_of(cls)})


def full_graph() -> tuple[nx.MultiDiGraph, dict[str, Any]]:
    """A store graph whose nodes and relation have every model field set, and those model objects."""
    G = nx.MultiDiGraph()
    objects: dict[str, Any] = {}
    for did in (D1, D2):
        objects[did] = _full(Document, id=did, date="2021-06-08")
    for bid, parent in ((B1, B2), (B2, B1)):
        objects[bid] = _full(Body, id=bid, part_of=parent)
    objects[O1] = _full(
        Obligation,
        id=O1,
        document=D1,
        fulfilled_by=D2,
        assignees=(Assignee(B1, "chu_tri"), Assignee(B2, "phoi_hop")),
        deadline=Deadline("Quý II/2023", "2023-04-01", "2023-06-30"),
        evidence=_full(Evidence, document=None),
        more_evidence=(_full(Evidence, document=None, line=8), _full(Evidence, document=None)),
    )
    for nid, obj in objects.items():
        G.add_node(nid, kind=type(obj).__name__, **{k: v for k, v in obj.to_dict().items() if k != "id"})
    rel = _full(
        Relation,
        source=D1,
        target=D2,
        type="THUC_HIEN",
        label="thực hiện",
        evidence=(_full(Evidence, document=D1), _full(Evidence, document=D1, line=9)),
    )
    objects["relation"] = rel
    G.add_edge(
        D1,
        D2,
        key=rel.type,
        **{k: v for k, v in rel.to_dict().items() if k not in ("source", "target", "type")},
    )
    for s, t, k, a in (
        (D1, O1, "DAT_RA", {}),
        (O1, B1, "GIAO_CHO", {"vai_tro": "chu_tri"}),
        (O1, B2, "GIAO_CHO", {"vai_tro": "phoi_hop"}),
        (B1, D1, "BAN_HANH", {}),
        (B1, B2, "THUOC", {}),
        (O1, D2, "DUOC_THUC_HIEN_BOI", {}),
    ):
        G.add_edge(s, t, key=k, **a)
    return G, objects


@pytest.fixture(scope="module")
def full() -> tuple[nx.MultiDiGraph, dict[str, Any]]:
    return full_graph()


def _undeclared(cls: type, *tables: dict[str, Any]) -> list[str]:
    return [f for f in fields_of(cls) if not any(f in t for t in tables)]


@pytest.mark.parametrize("cls", FLAT_CLASSES, ids=lambda c: c.__name__)
def test_the_flattening_declares_every_model_field(cls):
    rules, instead = flat.FLATTENING[cls], flat.NOT_PROPERTIES.get(cls, {})
    assert _undeclared(cls, rules, instead) == []
    assert set(rules) | set(instead) <= set(fields_of(cls)), "a rule for a field the model does not have"
    assert not set(rules) & set(instead)
    assert all(instead.values())
    assert all(why for rule in rules.values() if isinstance(rule, flat.Parts) for why in rule.omit.values())


@pytest.mark.parametrize("cls", RDF_CLASSES, ids=lambda c: c.__name__)
def test_rdf_declares_every_model_field(cls):
    carried, left_out = rdf.RDF_FIELDS.get(cls, {}), rdf.NOT_IN_RDF.get(cls, {})
    assert _undeclared(cls, carried, left_out) == []
    assert set(carried) | set(left_out) <= set(fields_of(cls))
    assert not set(carried) & set(left_out)
    assert all(carried.values()) and all(left_out.values())


def test_a_field_added_to_the_model_and_not_to_the_sinks_is_caught(monkeypatch):
    @dataclass(frozen=True)
    class Wider(Document):
        party_cell: str | None = None

    assert _undeclared(Wider, flat.FLATTENING[Document], flat.NOT_PROPERTIES[Document]) == ["party_cell"]
    assert _undeclared(Wider, rdf.RDF_FIELDS[Document], rdf.NOT_IN_RDF.get(Document, {})) == ["party_cell"]
    monkeypatch.setitem(flat.FLATTENING, Wider, flat.FLATTENING[Document])
    monkeypatch.setitem(flat.NOT_PROPERTIES, Wider, flat.NOT_PROPERTIES[Document])
    with pytest.raises(KeyError, match=r"Wider.party_cell has no flat form"):
        flat.columns(Wider)


def test_the_full_graph_reads_back_as_the_same_objects(full):
    G, objects = full
    for nid, obj in objects.items():
        if nid != "relation":
            assert type(obj).from_node(nid, G.nodes[nid]) == obj
    rel = objects["relation"]
    assert Relation.from_edge(D1, D2, rel.type, G.edges[D1, D2, rel.type]) == rel


# (label or relationship type, the model class it writes, or None for the edges the model has no class for)
TARGETS = [
    ("Document", Document),
    ("Body", Body),
    ("Obligation", Obligation),
    ("THUC_HIEN", Relation),
    ("GIAO_CHO", None),
    ("DAT_RA", None),
]


def _names(label: str) -> list[str]:
    cls = NODE_CLASSES.get(label)
    return [c.name for c in (flat.columns(cls) if cls else flat.edge_columns(label))]


def _csv(directory: Path, label: str) -> tuple[list[str], list[dict[str, str]]]:
    with (directory / f"{label}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _neo4j(G: nx.MultiDiGraph, label: str) -> list[dict[str, Any]]:
    from vbgraph.exports import neo4j_writer as w

    rows = w.node_rows(G)[label] if label in NODE_CLASSES else w.relationship_rows(G)[label]
    return [r["props"] for r in rows]


def _graphml(path: Path, label: str) -> list[dict[str, Any]]:
    back = nx.read_graphml(path)
    if label in NODE_CLASSES:
        return [
            {k: v for k, v in a.items() if k not in graphml.NODE_EXTRAS}
            for _, a in back.nodes(data=True)
            if a["kind"] == label
        ]
    return [
        {k: v for k, v in a.items() if k not in (*graphml.EDGE_EXTRAS, "id")}  # id: the GraphML edge id
        for *_, a in back.edges(data=True)
        if a["key"] == label
    ]


@pytest.mark.parametrize(("label", "cls"), TARGETS, ids=[t for t, _ in TARGETS])
def test_every_flat_sink_writes_every_column_with_a_value(tmp_path, full, label, cls):
    """CSV, the Neo4j writer and GraphML write exactly flat's columns, each with a value, under
    the same names (CSV adds the neo4j-admin type)."""
    from vbgraph.exports.csv_export import write_csv

    G, _ = full
    names = _names(label)
    write_csv(G, tmp_path)
    header, rows = _csv(tmp_path, label)
    keys = ["id:ID", ":LABEL"] if cls in (Document, Body, Obligation) else [":START_ID", ":END_ID", ":TYPE"]
    assert [h.split(":")[0] for h in header[len(keys) :]] == names and header[: len(keys)] == keys
    assert rows and all(r[h] != "" for r in rows for h in header), "a column the full graph leaves empty"

    props = _neo4j(G, label)
    from vbgraph.exports.neo4j_writer import QUERY_PROPERTIES

    set_by_query = set() if label in NODE_CLASSES else set(QUERY_PROPERTIES)
    assert props and all(set(p) | set_by_query == set(names) for p in props)
    assert all(v is not None for p in props for v in p.values())

    graphml.write_graphml(G, tmp_path / "full.graphml")
    attrs = _graphml(tmp_path / "full.graphml", label)
    assert attrs and all(set(a) == set(names) for a in attrs)


@pytest.mark.parametrize("cls", [Document, Body, Obligation], ids=lambda c: c.__name__)
def test_a_field_written_as_itself_keeps_its_value(full, cls):
    from vbgraph.exports import neo4j_writer as w

    G, objects = full
    obj = next(o for o in objects.values() if type(o) is cls)
    props = next(r["props"] for r in w.node_rows(G)[cls.__name__] if r["id"] == obj.id)
    same = [f for f, rule in flat.FLATTENING[cls].items() if rule in (flat.same, flat.date_and_year)]
    assert same and {f: props[f] for f in same} == {
        f: list(v) if isinstance(v := getattr(obj, f), tuple) else v for f in same
    }


def test_csv_headers_are_the_neo4j_property_names_on_the_corpus(tmp_path, corpus_graph):
    from vbgraph.exports import neo4j_writer as w
    from vbgraph.exports.csv_export import write_csv

    write_csv(corpus_graph, tmp_path)
    p = w.plan(corpus_graph)
    for label, rows in [*p.nodes.items(), *p.relationships.items()]:
        if label == w.ISSUE_LABEL:
            continue  # issues are not in the CSV export
        header, _ = _csv(tmp_path, label)
        names = {h.split(":")[0] for h in header if not h.startswith(":") and h != "id:ID"}
        written = {k for r in rows for k in r["props"]} | (
            set() if label in NODE_CLASSES else set(w.QUERY_PROPERTIES)
        )
        assert not rows or written == names, label
        assert names == set(_names(label)), label


def test_every_rdf_property_of_the_table_is_written(full):
    """RDF_FIELDS is true: each property it names for a field is in the export of the full graph."""
    G, _ = full
    used = {p for _, p, _ in rdf.rdf_graph(G)}
    declared = {p for table in rdf.RDF_FIELDS.values() for props in table.values() for p in props}
    assert declared - used == set()


@pytest.mark.parametrize("cls", [Document, Body, Obligation])
def test_the_view_s_tooltips_cover_every_model_field(cls):
    """exports/palette.py says, for each model field, the tooltip row that shows it or why none does."""
    from vbgraph.exports.palette import NOT_IN_TOOLTIP, TOOLTIP

    shown, left = set(TOOLTIP[cls.__name__]), set(NOT_IN_TOOLTIP[cls.__name__])
    assert shown | left == set(fields_of(cls)) and not shown & left


@pytest.mark.parametrize("kind", ["Document", "Body", "Obligation"])
def test_the_tooltip_rows_are_the_declared_labels(corpus_graph, kind):
    from vbgraph.exports.html_view import node_info
    from vbgraph.exports.palette import TOOLTIP

    labels = set(TOOLTIP[kind].values())
    for nid, a in list(corpus_graph.nodes(data=True)):
        if a.get("kind") == kind:
            assert {row[0] for row in node_info(corpus_graph, nid)} <= labels
