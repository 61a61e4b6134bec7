"""The canned research questions on the embedded store (their Neo4j twins: test_query_parity.py)."""

from __future__ import annotations

import doctest
import re
from importlib import resources

import networkx as nx
import pytest

from vbgraph.cli import main
from vbgraph.errors import DocumentNotFound
from vbgraph.graph import reach
from vbgraph.queries import catalog, lineage, obligations, research, view

from conftest import ROOT


def test_doctests():
    for mod in (research, obligations, lineage, view, reach):
        result = doctest.testmod(mod)
        assert (result.failed, result.attempted > 0) == (0, True), mod.__name__


def test_every_cypher_file_is_a_canned_query():
    """A merged or removed query leaves no orphan twin behind, and no query lacks one."""
    files = {
        p.name.removesuffix(".cypher")
        for p in resources.files("vbgraph.queries").iterdir()
        if p.name.endswith(".cypher")
    }
    assert files == set(catalog.QUERIES)


def test_the_issue_kinds_asked_for_are_produced():
    """'unresolved-reference' was asked for in three places and produced nowhere: ask only for real kinds."""
    producers = [ROOT / "graph" / "resolve.py", *sorted((ROOT / "loaders").glob("*.py"))]
    text = "\n".join(p.read_text(encoding="utf-8") for p in producers)
    assert [k for k in research.REFERENCE_ISSUES if f'"{k}"' not in text] == []
    listed = re.search(r"i\.kind IN \[([^]]*)\]", catalog.get("unresolved_references").cypher).group(1)
    assert sorted(re.findall(r"'([^']+)'", listed)) == sorted(research.REFERENCE_ISSUES)


def test_every_query_has_a_cypher_twin_with_the_same_columns():
    for q in catalog.QUERIES.values():
        text = q.cypher
        assert text.startswith("//") and q.description
        for col in q.columns:
            assert (
                f"AS {col}" in text or f" {col}," in text or f"RETURN {col}" in text or f", {col}" in text
            ), (q.name, col)
        for p in q.params:
            assert f"${p}" in text, (q.name, p)


def test_lineage_up_reaches_the_congress_resolution(corpus_graph):
    rows = catalog.run("lineage_up", G=corpus_graph, params={"id": "bac-giang:20-KH/TU@2021-06-09"})
    assert {(r["document"], r["depth"]) for r in rows} == {
        ("bac-giang:03-CTr/TU@2020-12-04", 1),
        ("bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix", 1),
    }


def test_lineage_down_from_a_central_resolution(corpus_graph):
    rows = catalog.run("lineage_down", G=corpus_graph, params={"id": "52-NQ/TW@2019-09-27"})
    assert [r["document"] for r in rows] == ["dak-lak:175-KH/TU@2020-06-08"]


def test_central_implementations_by_jurisdiction(corpus_graph):
    rows = catalog.run("central_implementations", G=corpus_graph, params={"jurisdiction": "Đắk Lắk"})
    assert ("52-NQ/TW@2019-09-27", "dak-lak:175-KH/TU@2020-06-08") in {
        (r["central"], r["local"]) for r in rows
    }
    assert {r["jurisdiction"] for r in rows} == {"Đắk Lắk"}


def test_central_not_implemented_excludes_implemented_ones(corpus_graph):
    rows = catalog.run("central_not_implemented", G=corpus_graph, params={"jurisdiction": "Bắc Giang"})
    central = {r["central"] for r in rows}
    assert "37-NQ/TW@2014-10-09" in central  # cited in a task list only
    assert "45-CT/TW@2020-06-20" not in central  # implemented by Chỉ thị 03-CT/TU


@pytest.mark.parametrize(
    "codes", [research.IMPLEMENTS, research.DOC_RELS, research.ENDS_IN_FORCE, ["GIAO_CHO"]]
)
def test_relation_edges_are_the_relation_views_edges_in_its_order(corpus_graph, codes):
    expected = list(research.relation_view(corpus_graph, codes).edges(keys=True))
    assert list(research.relation_edges(corpus_graph, codes)) == expected
    assert expected or codes == ["GIAO_CHO"]  # a body is not a document: neither keeps that edge


def test_supersession_and_citing(corpus_graph):
    rows = catalog.run("supersession", G=corpus_graph)
    assert ("76-QĐ/TW@2000-06-15", "213-QĐ/TW@2020-01-02", "THAY_THE") in {
        (r["document"], r["replaced_by"], r["relation"]) for r in rows
    }
    cites = catalog.run("citing", G=corpus_graph, params={"id": "bac-giang:109-NQ/TU@2016-07-04"})
    assert {"bac-giang:53-KL/TU@2021-03-03", "bac-giang:03-CTr/TU@2020-12-04"} <= {r["source"] for r in cites}


def test_obligations_and_plans(corpus_graph):
    rows = catalog.run("obligations_of_body", G=corpus_graph, params={"body": "Ủy ban Kiểm tra Tỉnh ủy"})
    assert any(r["role"] == "chu_tri" and r["document"] == "bac-giang:109-NQ/TU@2021-06-08" for r in rows)
    plans = catalog.run("planned_documents", G=corpus_graph, params={"id": "bac-giang:03-CTr/TU@2020-12-04"})
    assert ("bac-giang:109-NQ/TU@2021-06-08", "on_time") in {
        (r["fulfilled_by"], r["fulfilment"]) for r in plans
    }


def test_most_implemented_and_unresolved(corpus_graph):
    top = catalog.run("most_implemented", G=corpus_graph, params={"limit": 1})
    assert (
        top[0]["document"] == "bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix"
    )
    issues = catalog.run("unresolved_references", G=corpus_graph)
    assert [i["kind"] for i in issues] == ["date-conflict"]


def test_plan_is_planned_documents_in_reading_order(corpus_graph):
    rows = obligations.planned_documents(corpus_graph, "bac-giang:03-CTr/TU@2020-12-04")
    plan = obligations.plan(corpus_graph, "bac-giang:03-CTr/TU@2020-12-04")
    assert len(plan) == len(rows) > 1
    assert [r["line"] for r in plan] == sorted(r["line"] for r in rows)
    assert sorted((r["id"], r["fulfilled_by"]) for r in plan) == sorted(
        (r["obligation"], r["fulfilled_by"]) for r in rows
    )


def _docs(*ids: str) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for n in ids:
        G.add_node(n, kind="Document", symbol=n, jurisdiction="Bắc Giang")
    return G


def test_lineage_leaves_out_the_start_when_a_cycle_returns_to_it():
    G = _docs("a", "b", "c")
    for s, t in [("a", "b"), ("b", "c"), ("c", "a")]:
        G.add_edge(s, t, key="THUC_HIEN")
    assert [(r["document"], r["depth"]) for r in research.lineage(G, "a")] == [("b", 1), ("c", 2)]
    assert [(r["document"], r["depth"]) for r in research.lineage(G, "a", "down")] == [("c", 1), ("b", 2)]


def test_tree_keeps_every_path_where_lineage_keeps_the_shortest():
    """A plan implementing a programme and the resolution above it: two routes up, one row each in lineage."""
    G = _docs("plan", "programme", "resolution")
    for s, t in [("plan", "programme"), ("programme", "resolution"), ("plan", "resolution")]:
        G.add_edge(s, t, key="THUC_HIEN", evidence=[{"document": s}])
    t = lineage.tree(G, "plan")
    assert [(c["id"], [g["id"] for g in c["children"]]) for c in t["children"]] == [
        ("programme", ["resolution"]),
        ("resolution", []),
    ]
    assert [(r["document"], r["depth"]) for r in research.lineage(G, "plan")] == [
        ("programme", 1),
        ("resolution", 1),
    ]


def test_supersession_walks_a_chain_once_up_to_the_twins_bound():
    """A chain of 30 replacements: the whole chain without an id; from one end, the links whose
    replacing document is at most 20 links away, as the Cypher twin's [:THAY_THE|BAI_BO*0..20]."""
    G = _docs(*(f"d{i:02}" for i in range(31)))
    for i in range(30):
        G.add_edge(f"d{i + 1:02}", f"d{i:02}", key="THAY_THE" if i % 2 else "BAI_BO")
    assert len(research.supersession(G)) == 30
    rows = research.supersession(G, "d00")
    assert [r["replaced_by"] for r in rows] == [f"d{i:02}" for i in range(1, 21)]
    assert len(research.supersession(G, "d15")) == 30
    assert research.supersession(_docs("x"), "x") == []


def test_bad_parameters_are_refused(corpus_graph):
    with pytest.raises(ValueError, match="needs --param id"):
        catalog.run("lineage_up", G=corpus_graph)
    with pytest.raises(ValueError, match="unknown parameter"):
        catalog.run("citing", G=corpus_graph, params={"id": "x", "bogus": 1})
    with pytest.raises(DocumentNotFound):
        catalog.run("citing", G=corpus_graph, params={"id": "nope"})


@pytest.fixture()
def cli_store(tmp_path, monkeypatch, corpus_store):
    import shutil

    shutil.copytree(corpus_store.dir, tmp_path / "s")
    monkeypatch.setenv("VBGRAPH_STORE", str(tmp_path / "s"))
    monkeypatch.setenv("COLUMNS", "200")


def test_cli_queries_and_query(cli_store, capsys):
    assert main(["queries", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "name,params,description" and "lineage_up" in out
    assert main(["query", "lineage_down", "-p", "id=52-NQ/TW", "--format", "csv"]) == 0
    assert "dak-lak:175-KH/TU@2020-06-08,1,175-KH/TU" in capsys.readouterr().out
    assert main(["query", "nope"]) == 2
    assert main(["query", "citing", "-p", "idd=1"]) == 2


def test_cli_obligations_bodies_plan(cli_store, capsys):
    assert main(["obligations", "--body", "uy ban kiem tra", "--document", "109-NQ/TU@2021", "--json"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)
    assert rows and all("Ủy ban Kiểm tra Tỉnh ủy" in r["assignees"] for r in rows)
    assert main(["obligations", "--status", "soon"]) == 2
    assert main(["bodies", "--jurisdiction", "Đắk Lắk", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Ban Tuyên giáo Tỉnh ủy,Đắk Lắk" in out and "Bắc Giang" not in out
    assert main(["plan", "03-CTr/TU", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert any(r["fulfilled_symbol"] == "109-NQ/TU" and r["fulfilment"] == "on_time" for r in plan)
