"""The model is declared once (graph/model.py): the JSON export and its contract agree with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vbgraph.graph.model import Body, Document, Evidence, GraphIssue, Obligation, Relation, Source, fields_of

CONTRACT = (Path(__file__).parent.parent / "docs" / "graph-json-v1.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("section", "cls"),
    [("documents", Document), ("bodies", Body), ("relations", Relation), ("obligations", Obligation),
     ("issues", GraphIssue)],
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
