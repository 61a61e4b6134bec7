"""GraphML reads back in networkx with every node, edge and key; CSV is in neo4j-admin's format."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from test_rdf import C52, OB1, P82, XSS, Writes, many_relations, mini_graph, refuse

from vbgraph.exports import graphml
from vbgraph.exports.csv_export import import_arguments, write_csv
from vbgraph.exports.flat import EDGE_TYPES, NODE_LABELS
from vbgraph.exports.graphml import flatten, graphml_graph, write_graphml
from vbgraph.ontology.relations import Rel

# -- GraphML ---------------------------------------------------------------------------------------


def _with_parallel_edge() -> nx.MultiDiGraph:
    """The mini graph plus a second edge between the same two documents."""
    G = mini_graph()
    G.add_edge(
        P82,
        C52,
        key="DAN_CHIEU",
        label="dẫn chiếu",
        evidence=[{"document": P82, "file": "003_845be7d462c89c00.txt", "line": 13, "quote": "52-NQ/TW"}],
    )
    return G


def test_graphml_reads_back_with_the_same_nodes_edges_and_keys(tmp_path, corpus_graph):
    for G in (corpus_graph, _with_parallel_edge()):
        path = tmp_path / "graph.graphml"
        write_graphml(G, path)
        back = nx.read_graphml(path)
        # networkx reads a multigraph back when two edges join one pair (a document that cites
        # another twice over, as replacing it and resting on it)
        parallel = len({(s, t) for s, t, _ in G.edges(keys=True)}) < G.number_of_edges()
        assert back.is_multigraph() is parallel and back.is_directed()
        assert back.number_of_nodes() == G.number_of_nodes()
        assert back.number_of_edges() == G.number_of_edges()
        assert set(back.nodes) == set(G.nodes)
        assert sorted((s, t, a["key"]) for s, t, a in back.edges(data=True)) == sorted(G.edges(keys=True))


def test_graphml_edge_ids_are_unique_for_gephi(tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(_with_parallel_edge(), path)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    ids = [e.get("id") for e in ET.parse(path).getroot().iterfind(".//g:edge", ns)]
    assert len(ids) == len(set(ids)) == _with_parallel_edge().number_of_edges() == 12
    assert f"{P82}|THUC_HIEN|{C52}" in ids and f"{P82}|DAN_CHIEU|{C52}" in ids


def test_graphml_attributes_are_flat_and_typed(tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(mini_graph(), path)
    back = nx.read_graphml(path)
    doc = back.nodes[P82]
    assert doc["title"].endswith(XSS)  # kept as text; GraphML readers do not run it
    assert doc["source_file"] == "003_845be7d462c89c00.txt" and doc["source_first_line"] == 10
    assert doc["in_corpus"] is True
    assert doc["label"] == "82-KH/TU 10/03/2020"
    assert {doc["r"], doc["g"], doc["b"]} and all(isinstance(doc[c], int) for c in "rgb")
    assert "signer" in doc and "name" not in doc  # None is dropped, not written as "None"
    obligation = back.nodes[OB1]
    assert obligation["deadline_end"] == "2023-06-30"
    assert json.loads(obligation["assignees"])[0] == {
        "body": "bac-giang:ban-tuyen-giao-tinh-uy",
        "role": "chu_tri",
    }
    assert obligation["assignees_count"] == 2
    assert json.loads(obligation["assignees_role"]) == ["chu_tri", "phoi_hop"]  # arrays are JSON text
    assert obligation["kind"] == "Obligation" and obligation["evidence_line"] == 60
    edge = next(a for s, t, a in back.edges(data=True) if a["key"] == "THUC_HIEN" and s == P82)
    assert edge["label"] == "thực hiện"
    assert edge["evidence_quote"] == "Kế hoạch thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019"
    assert json.loads(edge["evidence"])[0]["line"] == 12
    assert (json.loads(edge["evidence_lines"]), edge["evidence_count"]) == ([12], 1)
    giao = next(
        a for _, _, a in back.edges(data=True) if a["key"] == "GIAO_CHO" and a["vai_tro"] == "chu_tri"
    )
    assert giao["label"] == "giao cho"
    for _, a in back.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in a.values())


def test_graphml_is_byte_stable(tmp_path, corpus_graph):
    a, b = io.StringIO(), io.StringIO()
    write_graphml(corpus_graph, a)
    write_graphml(corpus_graph, b)
    assert a.getvalue() == b.getvalue()


def _networkx_text(G: nx.MultiDiGraph) -> str:
    """What networkx writes for the flattened copy: how this export was written before it streamed."""
    buf = io.BytesIO()
    nx.write_graphml_xml(graphml_graph(G), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8").replace("\r", "&#13;")


def _odd_graphs() -> list[nx.MultiDiGraph]:
    """No node; only graph attributes (one named `id`); an empty value; a node of no kind; an edge
    whose targets come in another order than their codes; mixed columns; hostile text."""
    empty, only_graph = nx.MultiDiGraph(), nx.MultiDiGraph(id="g1", note="x & <y>")
    odd = mini_graph()
    odd.graph["blank"] = ""
    odd.add_node("plain", colour="red", weight=2)
    odd.nodes[P82]["title"] = 'a\r\nb\t"c" & <d> ]]> \x01\ufffe'
    odd.add_edge(P82, "plain", key="AAA", note="")
    odd.add_edge(P82, "plain", key="ZZZ")
    odd.add_node("a", kind="Document", number=12)
    odd.add_node("b", kind="Document", number="012", in_corpus=1)
    return [empty, only_graph, odd]


def test_graphml_is_byte_for_byte_what_networkx_writes(corpus_graph):
    for G in (corpus_graph, _with_parallel_edge(), *_odd_graphs()):
        buf = io.StringIO()
        write_graphml(G, buf)
        assert buf.getvalue() == _networkx_text(G)


def test_graphml_streams_without_a_copy_of_the_graph_or_an_xml_tree(tmp_path, monkeypatch):
    G = many_relations()
    expected = _networkx_text(G)
    monkeypatch.setattr(graphml, "graphml_graph", refuse)
    for cls in (nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph):
        monkeypatch.setattr(cls, "__init__", refuse)
    monkeypatch.setattr(ET, "Element", refuse)
    monkeypatch.setattr(ET, "ElementTree", refuse)
    out = Writes()
    write_graphml(G, out)
    write_graphml(G, tmp_path / "graph.graphml")
    monkeypatch.undo()
    assert out.getvalue() == expected == (tmp_path / "graph.graphml").read_text("utf-8")
    assert len(out.sizes) > G.number_of_nodes() + G.number_of_edges()  # a node or an edge at a time
    assert max(out.sizes) < len(expected) / 100


def test_graphml_refusal_leaves_the_file_as_it_was(tmp_path):
    G = mini_graph()
    G.add_node("x\x00", kind="Body", name="a")
    G.add_node("x\x01", kind="Body", name="b")
    path = tmp_path / "graph.graphml"
    path.write_text("before", "utf-8")
    with pytest.raises(ValueError, match="differ only in characters XML cannot carry"):
        write_graphml(G, path)
    assert path.read_text("utf-8") == "before" and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_flatten_makes_scalars():
    assert flatten({"a": None, "b": {"c": 1, "d": None}, "e": [1, 2], "f": True}) == {
        "b_c": 1,
        "e": "[1, 2]",
        "e_count": 2,
        "f": True,
    }


def test_a_column_of_mixed_types_becomes_text(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("a", kind="Document", number=12)
    G.add_node("b", kind="Document", number="012")
    path = tmp_path / "mixed.graphml"
    write_graphml(G, path)
    assert ET.parse(path).getroot().find(".//{*}key[@attr.name='number']").get("attr.type") == "string"
    back = nx.read_graphml(path)
    assert (back.nodes["a"]["number"], back.nodes["b"]["number"]) == ("12", "012")


# -- CSV for neo4j-admin ---------------------------------------------------------------------------

# neo4j-admin header fields: name[:type][[]] or :ID / :LABEL / :START_ID / :END_ID / :TYPE
FIELD = re.compile(
    r"^(?:[a-z][a-z0-9_]*(?::(?:ID|int|long|float|double|boolean|string|date)(?:\[\])?)?"
    r"|:(?:LABEL|START_ID|END_ID|TYPE))$"
)

DOCUMENT_HEADER = (
    "id:ID,:LABEL,type,type_code,number,issuer_code,symbol,date,year:int,issuer,jurisdiction,title,"
    "name,in_corpus:boolean,source_file,source_first_line:int,source_last_line:int,level,signer,"
    "identified_by"
)
RELATION_HEADER = (
    ":START_ID,:END_ID,:TYPE,label,evidence,evidence_count:int,evidence_files:string[],"
    "evidence_lines:int[],evidence_quote"
)
OBLIGATION_HEADER = (
    "id:ID,:LABEL,document,text,assignees,assignees_count:int,assignees_body:string[],"
    "assignees_role:string[],deadline_text,deadline_start,deadline_end,recurring,produces_type,"
    "produces_title,produces_level,fulfilled_by,fulfilment,fulfilment_score:double,status,source,"
    "evidence_file,evidence_line:int,evidence_quote,evidence_page:int,evidence_page_line:int,"
    "evidence_paragraph:int,evidence_ocr:boolean,more_evidence,more_evidence_count:int,"
    "more_evidence_files:string[],more_evidence_lines:int[],more_evidence_quote"
)


def _read(path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.fixture(scope="module")
def sample_csv(tmp_path_factory, corpus_graph):
    out = tmp_path_factory.mktemp("csv")
    write_csv(corpus_graph, out)
    return out


def test_csv_writes_one_file_per_label_and_type(sample_csv):
    names = sorted(p.name for p in sample_csv.iterdir())
    expected = sorted(
        [f"{label}.csv" for label in ("Document", "Body", "Obligation")]
        + [f"{r.value}.csv" for r in Rel]
        + ["DAT_RA.csv", "GIAO_CHO.csv", "BAN_HANH.csv", "THUOC.csv", "DUOC_THUC_HIEN_BOI.csv", "import.sh"]
    )
    assert names == expected


def test_csv_headers_are_exactly_neo4j_admin_headers(sample_csv):
    assert (sample_csv / "Document.csv").read_text("utf-8").splitlines()[0] == DOCUMENT_HEADER
    assert (sample_csv / "THUC_HIEN.csv").read_text("utf-8").splitlines()[0] == RELATION_HEADER
    assert (sample_csv / "Obligation.csv").read_text("utf-8").splitlines()[0] == OBLIGATION_HEADER
    assert (sample_csv / "GIAO_CHO.csv").read_text("utf-8").splitlines()[
        0
    ] == ":START_ID,:END_ID,:TYPE,label,vai_tro"
    assert (sample_csv / "THUOC.csv").read_text("utf-8").splitlines()[0] == ":START_ID,:END_ID,:TYPE,label"
    for label in NODE_LABELS:
        header, _ = _read(sample_csv / f"{label}.csv")
        assert header[:2] == ["id:ID", ":LABEL"] and all(FIELD.match(h) for h in header), header
        assert len(set(header)) == len(header)
    for code in EDGE_TYPES:
        header, _ = _read(sample_csv / f"{code}.csv")
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and all(FIELD.match(h) for h in header), header


def test_csv_rows_match_the_graph(sample_csv, corpus_graph):
    _, docs = _read(sample_csv / "Document.csv")
    ids = [d["id:ID"] for d in docs]
    assert ids == sorted(n for n, a in corpus_graph.nodes(data=True) if a["kind"] == "Document")
    doc = next(d for d in docs if d["id:ID"] == "bac-giang:20-KH/TU@2021-06-09")
    assert (doc[":LABEL"], doc["symbol"], doc["date"], doc["year:int"], doc["in_corpus:boolean"]) == (
        "Document",
        "20-KH/TU",
        "2021-06-09",
        "2021",
        "true",
    )
    assert doc["source_file"] == "003_845be7d462c89c00.txt" and int(doc["source_first_line:int"]) > 0
    cited = next(d for d in docs if d["in_corpus:boolean"] == "false")
    assert cited["source_file"] == "" and cited["source_first_line:int"] == ""  # null, not "None"
    for code in EDGE_TYPES:
        _, rows = _read(sample_csv / f"{code}.csv")
        assert len(rows) == sum(1 for *_, k in corpus_graph.edges(keys=True) if k == code), code
        assert all(r[":TYPE"] == code for r in rows)
        assert [(r[":START_ID"], r[":END_ID"]) for r in rows] == sorted(
            (r[":START_ID"], r[":END_ID"]) for r in rows
        )
    _, rels = _read(sample_csv / "THUC_HIEN.csv")
    r = next(
        r
        for r in rels
        if r[":START_ID"] == "bac-giang:20-KH/TU@2021-06-09"
        and r[":END_ID"] == "bac-giang:03-CTr/TU@2020-12-04"
    )
    evidence = json.loads(r["evidence"])
    assert r["label"] == "thực hiện" and int(r["evidence_count:int"]) == len(evidence) >= 1
    assert r["evidence_lines:int[]"].split(";") == [str(e["line"]) for e in evidence]
    assert r["evidence_files:string[]"].split(";") == [e["file"] for e in evidence]
    assert r["evidence_quote"] == evidence[0]["quote"]


def test_csv_obligations_and_roles(tmp_path):
    write_csv(mini_graph(), tmp_path)
    _, obligations = _read(tmp_path / "Obligation.csv")
    o = obligations[0]
    assert (
        o["assignees_body:string[]"]
        == "bac-giang:ban-tuyen-giao-tinh-uy;bac-giang:so-thong-tin-va-truyen-thong"
    )
    assert o["assignees_role:string[]"] == "chu_tri;phoi_hop" and o["assignees_count:int"] == "2"
    assert json.loads(o["assignees"]) == [
        {"body": "bac-giang:ban-tuyen-giao-tinh-uy", "role": "chu_tri"},
        {"body": "bac-giang:so-thong-tin-va-truyen-thong", "role": "phoi_hop"},
    ]
    assert (o["deadline_start"], o["deadline_end"], o["status"]) == ("2023-04-01", "2023-06-30", "done")
    assert o["fulfilment_score:double"] == "0.82" and o["source"] == "section"
    assert (o["evidence_line:int"], o["evidence_page:int"], o["evidence_ocr:boolean"]) == ("60", "", "")
    assert (o["more_evidence"], o["more_evidence_count:int"]) == ("[]", "0")
    _, giao = _read(tmp_path / "GIAO_CHO.csv")
    assert [(g[":END_ID"], g["vai_tro"]) for g in giao] == [
        ("bac-giang:ban-tuyen-giao-tinh-uy", "chu_tri"),
        ("bac-giang:so-thong-tin-va-truyen-thong", "phoi_hop"),
    ]
    assert {g["label"] for g in giao} == {"giao cho"}
    _, rel = _read(tmp_path / "DAN_CHIEU.csv")
    assert rel[0]["evidence_quote"].startswith("</script>")  # csv keeps text as it is; quoting handles commas


def test_csv_is_byte_stable_and_has_the_import_command(tmp_path, corpus_graph):
    a, b = tmp_path / "a", tmp_path / "b"
    write_csv(corpus_graph, a)
    write_csv(corpus_graph, b)
    for p in a.iterdir():
        assert p.read_bytes() == (b / p.name).read_bytes(), p.name
    command = (a / "import.sh").read_text("utf-8")
    assert "neo4j-admin database import full" in command
    assert "--nodes=Document.csv" in command and "--relationships=THUC_HIEN.csv" in command


def test_csv_refuses_a_stream_or_a_file():
    with pytest.raises(ValueError, match="folder"):
        write_csv(mini_graph(), io.StringIO())


# -- the real neo4j-admin --------------------------------------------------------------------------


def _neo4j_lib() -> Path:
    """The Neo4j jars of scripts/neo4j-local (installed now if missing: fails, never skips)."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "neo4j-local"
    done = subprocess.run([str(script), "install"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"scripts/neo4j-local install failed:\n{done.stderr[-2000:]}"
    version = os.environ.get("VBGRAPH_NEO4J_VERSION") or re.search(
        r"VBGRAPH_NEO4J_VERSION:-([0-9.]+)", script.read_text("utf-8")
    ).group(1)
    home = Path(os.environ.get("VBGRAPH_NEO4J_HOME") or Path.home() / ".cache" / "vbgraph" / "neo4j")
    lib = home / version / "lib"
    assert lib.is_dir(), f"{lib}: no Neo4j jars after install"
    return lib


def _admin_import(tmp_path: Path, folder: Path, G: nx.MultiDiGraph, array_delimiter: str = ";") -> None:
    """neo4j-admin itself reads the files in `folder`: every node and relationship, no bad entry."""
    lib = _neo4j_lib()
    home = tmp_path / "neo4j"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(
        f"server.directories.data={home / 'data'}\nserver.directories.logs={home / 'logs'}\n", "utf-8"
    )
    java = os.environ.get("VBGRAPH_NEO4J_JAVA") or shutil.which("java") or "java"
    files = [p.name for p in folder.iterdir() if p.suffix == ".csv"]
    report = tmp_path / "import.report"
    done = subprocess.run(
        [
            java,
            "-Xmx512m",
            "-cp",
            f"{lib}/*",
            "org.neo4j.cli.AdminTool",
            *import_arguments(files, array_delimiter=array_delimiter),
            f"--report-file={report}",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        env=os.environ | {"NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-3000:]
    assert re.search(rf"\b{G.number_of_nodes()} nodes\b", out), out[-1000:]
    assert re.search(rf"\b{G.number_of_edges()} relationships\b", out), out[-1000:]
    assert not report.exists() or report.read_text("utf-8").strip() == ""


@pytest.mark.neo4j
def test_neo4j_admin_imports_every_row(tmp_path, sample_csv, corpus_graph):
    """neo4j-admin itself reads the files: every node and relationship, no bad entry."""
    _admin_import(tmp_path, sample_csv, corpus_graph)


@pytest.mark.neo4j
def test_neo4j_admin_imports_neutralised_cells_and_another_array_delimiter(tmp_path):
    """Text a spreadsheet would run gets a `'` (ids too, alike in every column, so relationships
    still find their nodes), a carriage return stays inside its quoted cell, and arrays whose
    elements hold `;` and `|` are joined with U+001F: neo4j-admin still reads every row."""
    G = mini_graph()
    G.nodes[P82]["title"] = '=HYPERLINK("http://evil","x")\r\n- x'
    G.nodes[P82]["source"]["first_line"] = -3
    G.nodes[OB1]["fulfilment_score"] = -0.5
    G.nodes["bac-giang:ban-tuyen-giao-tinh-uy"]["aliases"] = ["@a", "b;c", "x|y"]
    G.add_node("-neg", kind="Document", type="Kế hoạch", in_corpus=False, title="+1")
    G.add_edge(
        "-neg",
        C52,
        key="THUC_HIEN",
        label="thực hiện",
        evidence=[{"document": "-neg", "file": "a;b\r.txt", "line": -7, "quote": "\t- x"}],
    )
    folder = tmp_path / "csv"
    write_csv(G, folder)
    assert "--array-delimiter=U+001F" in (folder / "import.sh").read_text("utf-8")
    _admin_import(tmp_path, folder, G, array_delimiter="\x1f")
