"""The RDF export: parses back, is stable, conforms to the shapes, and answers lineage like networkx.

`mini_graph()` is the small hand-made graph with every kind of node and edge (documents at three
levels, a body hierarchy, an obligation with two assignees) that the export tests share.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from importlib import resources
from pathlib import Path

import networkx as nx
import pyshacl
import pytest
import rdflib
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL

from vbgraph.exports.rdf import (
    PREFIXES,
    doc_iri,
    generate_triples,
    rdf_graph,
    relation_iri,
    serialize,
    write_rdf,
)
from vbgraph.ontology.relations import Rel
from vbgraph.ontology.terms import REL_PROPERTY, STRUCTURAL_LABELS, STRUCTURAL_PROPERTY, VBO

XSS = "<img src=x onerror=alert(1)>"

C52 = "52-NQ/TW@2019-09-27"
P82 = "bac-giang:82-KH/TU@2020-03-10"
D15 = "bac-giang:yen-dung:15-KH/HU@2021"
OLD = "bac-giang:76-QĐ/TU@2018-01-02"
NEW = "bac-giang:90-QĐ/TU@2021-02-01"
DL = "name:dieu-le-dang"
TU = "bac-giang:tinh-uy"
BTG = "bac-giang:ban-tuyen-giao-tinh-uy"
STT = "bac-giang:so-thong-tin-va-truyen-thong"
OB1 = "obligation:8f14e45fceea167a"


def _doc(G: nx.MultiDiGraph, nid: str, **attrs) -> None:
    base = {
        "kind": "Document",
        "type": "Kế hoạch",
        "type_code": "KH",
        "number": None,
        "issuer_code": None,
        "symbol": None,
        "date": None,
        "issuer": None,
        "jurisdiction": "Bắc Giang",
        "title": None,
        "name": None,
        "in_corpus": False,
        "source": None,
        "level": "province",
        "signer": None,
    }
    G.add_node(nid, **(base | attrs))


def _rel(G: nx.MultiDiGraph, s: str, t: str, code: str, line: int, quote: str) -> None:
    G.add_edge(
        s,
        t,
        key=code,
        label=Rel(code).label,
        evidence=[{"document": s, "file": "003_845be7d462c89c00.txt", "line": line, "quote": quote}],
    )


def mini_graph() -> nx.MultiDiGraph:
    """Six documents (central, province, district, unnumbered), three bodies, one obligation."""
    G = nx.MultiDiGraph(
        format="vbgraph-store",
        issues=[{"kind": "date-conflict", "file": "f.txt", "line": 3}],
        files=["003_845be7d462c89c00.txt"],
    )
    _doc(
        G,
        C52,
        type="Nghị quyết",
        type_code="NQ",
        number="52",
        issuer_code="TW",
        symbol="52-NQ/TW",
        date="2019-09-27",
        issuer="Bộ Chính trị",
        jurisdiction="Trung ương",
        level="central",
        title="về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
    )
    _doc(
        G,
        P82,
        number="82",
        issuer_code="TU",
        symbol="82-KH/TU",
        date="2020-03-10",
        issuer="Tỉnh ủy Bắc Giang",
        title=f"thực hiện Nghị quyết số 52-NQ/TW về chuyển đổi số {XSS}",
        in_corpus=True,
        signer="Dương Văn Thái",
        source={"file": "003_845be7d462c89c00.txt", "first_line": 10, "last_line": 90},
    )
    _doc(
        G,
        D15,
        number="15",
        issuer_code="HU",
        symbol="15-KH/HU",
        date="2021",
        issuer="Huyện ủy Yên Dũng",
        level="district",
        title="thực hiện Kế hoạch số 82-KH/TU",
        in_corpus=True,
        source={"file": "003_845be7d462c89c00.txt", "first_line": 100, "last_line": 140},
    )
    _doc(
        G,
        OLD,
        type="Quy định",
        type_code="QĐ",
        number="76",
        issuer_code="TU",
        symbol="76-QĐ/TU",
        date="2018-01-02",
        title="về chế độ làm việc",
    )
    _doc(
        G,
        NEW,
        type="Quy định",
        type_code="QĐ",
        number="90",
        issuer_code="TU",
        symbol="90-QĐ/TU",
        date="2021-02-01",
        title="về chế độ làm việc (thay thế)",
        in_corpus=True,
        source={"file": "003_845be7d462c89c00.txt", "first_line": 150, "last_line": 170},
    )
    _doc(
        G, DL, type="Điều lệ", type_code=None, name="Điều lệ Đảng", jurisdiction="Trung ương", level="central"
    )
    _rel(G, P82, C52, "THUC_HIEN", 12, "Kế hoạch thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019")
    _rel(G, P82, DL, "CAN_CU", 11, "Căn cứ Điều lệ Đảng;")
    _rel(G, D15, P82, "THUC_HIEN", 101, "Thực hiện Kế hoạch số 82-KH/TU của Tỉnh ủy")
    _rel(G, NEW, OLD, "THAY_THE", 168, "Quy định này thay thế Quy định số 76-QĐ/TU")
    _rel(G, P82, NEW, "DAN_CHIEU", 40, "</script><script>alert(2)</script> theo Quy định số 90-QĐ/TU")
    for bid, name, parent in (
        (TU, "Tỉnh ủy Bắc Giang", None),
        (BTG, "Ban Tuyên giáo Tỉnh ủy", TU),
        (STT, "Sở Thông tin và Truyền thông", None),
    ):
        G.add_node(bid, kind="Body", name=name, jurisdiction="Bắc Giang", level="province", part_of=parent)
    G.add_edge(BTG, TU, key="THUOC")
    G.add_edge(TU, P82, key="BAN_HANH")
    G.add_node(
        OB1,
        kind="Obligation",
        document=P82,
        text="Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông xây dựng kế hoạch",
        assignees=[{"body": BTG, "role": "chu_tri"}, {"body": STT, "role": "phoi_hop"}],
        deadline={"text": "Quý II/2023", "start": "2023-04-01", "end": "2023-06-30"},
        recurring=None,
        produces={"type": "Kế hoạch", "title": "về chuyển đổi số"},
        produces_level="Huyện ủy",
        fulfilled_by=D15,
        fulfilment="on_time",
        fulfilment_score=0.82,
        status="done",
        source="section",
        evidence={"file": "003_845be7d462c89c00.txt", "line": 60, "quote": "Ban Tuyên giáo Tỉnh ủy chủ trì"},
    )
    G.add_edge(P82, OB1, key="DAT_RA")
    G.add_edge(OB1, BTG, key="GIAO_CHO", vai_tro="chu_tri")
    G.add_edge(OB1, STT, key="GIAO_CHO", vai_tro="phoi_hop")
    G.add_edge(OB1, D15, key="DUOC_THUC_HIEN_BOI")
    return G


def _ontology() -> Graph:
    return Graph().parse(
        data=resources.files("vbgraph.ontology").joinpath("vbgraph.ttl").read_text("utf-8"), format="turtle"
    )


def _shapes() -> Graph:
    return Graph().parse(
        data=resources.files("vbgraph.ontology").joinpath("shapes.ttl").read_text("utf-8"), format="turtle"
    )


@pytest.fixture(scope="module")
def sample_rdf(corpus_graph) -> Graph:
    return rdf_graph(corpus_graph)


@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory, corpus_graph) -> Graph:
    """The sample written to a real Turtle file and parsed back."""
    path = tmp_path_factory.mktemp("rdf") / "sample.ttl"
    write_rdf(corpus_graph, path)
    return Graph().parse(path, format="turtle")


# -- round trip ------------------------------------------------------------------------------------


def test_turtle_parses_back_with_the_same_triples(corpus_graph, sample_rdf, sample_ttl):
    assert len(sample_ttl) == len(sample_rdf) == len(set(generate_triples(corpus_graph)))
    assert isomorphic(sample_ttl, sample_rdf)


@pytest.mark.parametrize("fmt", ["json-ld", "nt"])
def test_json_ld_and_n_triples_parse_back_to_the_same_graph(tmp_path, corpus_graph, sample_rdf, fmt):
    path = tmp_path / f"export.{fmt}"
    write_rdf(corpus_graph, path, format=fmt)
    back = Graph().parse(path, format=fmt)
    assert len(back) == len(sample_rdf)
    assert isomorphic(back, sample_rdf)


def test_mini_graph_round_trips_with_bodies_and_obligations(tmp_path):
    G = mini_graph()
    path = tmp_path / "mini.ttl"
    write_rdf(G, path)
    back = Graph().parse(path, format="turtle")
    assert isomorphic(back, rdf_graph(G))
    o = URIRef("https://w3id.org/vbgraph/obligation/obligation%3A8f14e45fceea167a")
    assert (doc_iri(P82), VBO.datRa, o) in back
    assert set(back.objects(o, VBO.giaoCho)) == {
        URIRef("https://w3id.org/vbgraph/body/bac-giang%3Aban-tuyen-giao-tinh-uy"),
        URIRef("https://w3id.org/vbgraph/body/bac-giang%3Aso-thong-tin-va-truyen-thong"),
    }
    roles = {str(r) for a in back.objects(o, VBO.assignment) for r in back.objects(a, VBO.vaiTro)}
    assert roles == {"chu_tri", "phoi_hop"}
    assert back.value(o, VBO.deadlineEnd) == Literal("2023-06-30", datatype=rdflib.XSD.date)
    assert back.value(o, VBO.fulfilledBy) == doc_iri(D15)
    assert back.value(o, VBO.status) == Literal("done")
    assert (
        URIRef("https://w3id.org/vbgraph/body/bac-giang%3Aban-tuyen-giao-tinh-uy"),
        VBO.thuoc,
        URIRef("https://w3id.org/vbgraph/body/bac-giang%3Atinh-uy"),
    ) in back


# The order of the subjects: the graph's own (what `generate_subjects` yields), by id in each part.
PARTS = ("doc/", "relation/", "body/", "obligation/")


def _part(iri: str) -> int:
    return next(i for i, p in enumerate(PARTS) if iri.startswith(f"https://w3id.org/vbgraph/{p}"))


def test_n_triples_are_grouped_by_subject_and_iris_are_quoted_ids(corpus_graph):
    """Each triple once, each subject's triples together (a subject at a time is what the writer
    holds), subjects in the graph's own order: documents by id, relation statements, bodies,
    obligations. (Before the export was streamed the lines were sorted.)"""
    nt = serialize(corpus_graph, "nt")
    lines = nt.splitlines()
    assert len(lines) == len(set(lines)) == len(set(generate_triples(corpus_graph)))
    subjects = [line[1 : line.index(">")] for line in lines]
    runs = [s for i, s in enumerate(subjects) if i == 0 or s != subjects[i - 1]]
    assert len(runs) == len(set(runs))  # one run per subject
    assert [_part(s) for s in runs] == sorted(_part(s) for s in runs)
    ids = sorted(n for n, a in corpus_graph.nodes(data=True) if a["kind"] == "Document")
    assert [s for s in runs if _part(s) == 0] == [str(doc_iri(n)) for n in ids]  # by id
    assert "<https://w3id.org/vbgraph/doc/bac-giang%3A20-KH%2FTU%402021-06-09>" in nt
    assert "_:" not in nt  # no blank nodes: every IRI is reproducible


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt"])
def test_output_is_byte_stable_across_processes(fmt):
    """Set order depends on the hash seed; the text must not."""
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); from test_rdf import mini_graph; "
        f"from vbgraph.exports.rdf import serialize; sys.stdout.write(serialize(mini_graph(), {fmt!r}))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ | {"PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1
    assert outs == {serialize(mini_graph(), fmt)}


def test_dates_keep_their_precision():
    g = rdf_graph(mini_graph())
    assert g.value(doc_iri(P82), VBO.date) == Literal("2020-03-10", datatype=rdflib.XSD.date)
    assert g.value(doc_iri(D15), VBO.date) == Literal("2021", datatype=rdflib.XSD.gYear)
    assert g.value(doc_iri(DL), VBO.date) is None


def test_json_ld_has_one_object_per_subject_in_the_graph_order():
    """(Before the export was streamed @graph was sorted by @id.)"""
    text = serialize(mini_graph(), "json-ld")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert data["@context"] == {
        "body": "https://w3id.org/vbgraph/body/",
        "doc": "https://w3id.org/vbgraph/doc/",
        "obligation": "https://w3id.org/vbgraph/obligation/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "vbo": "https://w3id.org/vbgraph/ontology#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
    ids = [n["@id"] for n in data["@graph"]]
    assert len(ids) == len(set(ids)) == len({s for s, _, _ in generate_triples(mini_graph())})
    docs = [i for i in ids if i.startswith("doc:")]
    assert ids[: len(docs)] == docs == sorted(docs)
    p82 = next(n for n in data["@graph"] if n["@id"] == "doc:bac-giang%3A82-KH%2FTU%402020-03-10")
    assert p82["@type"] == "vbo:Document" and p82["vbo:inCorpus"] is True and p82["vbo:firstLine"] == 10
    assert p82["vbo:date"] == {"@type": "xsd:date", "@value": "2020-03-10"}
    assert p82["vbo:thucHien"] == {"@id": "doc:52-NQ%2FTW%402019-09-27"}
    assert p82["vbo:datRa"] == {"@id": "obligation:obligation%3A8f14e45fceea167a"}
    ob = next(n for n in data["@graph"] if n["@id"] == "obligation:obligation%3A8f14e45fceea167a")
    assert ob["vbo:fulfilmentScore"] == {"@type": "xsd:decimal", "@value": "0.82"}  # not a JSON float


def test_writes_to_a_text_stream():
    buf = io.StringIO()
    write_rdf(mini_graph(), buf, format="ttl")
    assert buf.getvalue().startswith("@prefix")
    assert isomorphic(Graph().parse(data=buf.getvalue(), format="turtle"), rdf_graph(mini_graph()))


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="turtle, json-ld, nt"):
        serialize(mini_graph(), "rdfxml")


# -- streamed: a subject at a time, few prefixes, each triple once -------------------------------


def many_relations(n: int = 400) -> nx.MultiDiGraph:
    """The mini graph and `n` more documents, each implementing the one before and based on 52-NQ/TW."""
    G = mini_graph()
    before = C52
    for i in range(n):
        nid = f"bac-giang:yen-dung:{i}-KH/HU@2022"
        _doc(G, nid, number=str(i), issuer_code="HU", symbol=f"{i}-KH/HU", date="2022", title=f"kế hoạch {i}")
        _rel(G, nid, before, "THUC_HIEN", 10 + i, f"Thực hiện văn bản {before}")
        _rel(G, nid, C52, "CAN_CU", 5 + i, "Căn cứ Nghị quyết số 52-NQ/TW")
        before = nid
    return G


class Writes(io.StringIO):
    """A text stream that keeps the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, s: str) -> int:
        self.sizes.append(len(s))
        return super().write(s)


def refuse(*args, **kwargs):
    raise AssertionError("a streamed writer built a whole graph or tree")


def test_turtle_of_many_relations_has_only_the_published_prefixes():
    """rdflib made a namespace of every relation IRI (each holds a `/`), which was quadratic; the
    statements, assignments and evidence are full IRIs now, and the prefixes are the published ones."""
    G = many_relations()
    text = serialize(G, "turtle")
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert prefixes == [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    assert text.count("@prefix") == len(PREFIXES) and "ns1:" not in text
    assert f"<{relation_iri(D15, 'THUC_HIEN', P82)}> a rdf:Statement ;" in text
    assert f"doc:{doc_iri(D15)[len('https://w3id.org/vbgraph/doc/') :]} a vbo:Document ;" in text
    assert isomorphic(Graph().parse(data=text, format="turtle"), rdf_graph(G))


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt"])
def test_writers_stream_a_subject_at_a_time_without_an_rdflib_graph(tmp_path, monkeypatch, fmt):
    G = many_relations()
    expected = rdf_graph(G)  # built before rdflib's Graph is refused
    monkeypatch.setattr(rdflib.graph.Graph, "__init__", refuse)  # Dataset and ConjunctiveGraph too
    out = Writes()
    write_rdf(G, out, format=fmt)
    write_rdf(G, tmp_path / "export", format=fmt)
    monkeypatch.undo()
    assert (tmp_path / "export").read_text("utf-8") == out.getvalue()
    assert len(out.sizes) > G.number_of_nodes()
    assert max(out.sizes) < len(out.getvalue()) / 100  # a subject, never the file
    assert isomorphic(Graph().parse(data=out.getvalue(), format=fmt), expected)


def test_a_failure_half_way_leaves_the_file_as_it_was(tmp_path):
    """The subjects go to a temporary file beside the path, renamed over it only when all are written."""
    G = many_relations()
    G[D15][P82]["THUC_HIEN"]["evidence"][0]["line"] = "not a line"  # int() fails after many subjects
    path = tmp_path / "export.nt"
    path.write_text("before", "utf-8")
    with pytest.raises(ValueError):
        write_rdf(G, path, format="nt")
    assert path.read_text("utf-8") == "before" and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_triple_the_graph_states_twice_is_written_once():
    """A DAT_RA edge and the task's `document`, a THUOC edge and `part_of` (both in the mini graph),
    an alias twice, two ids equal in NFC (one IRI) with the same relation: rdflib's Graph kept one
    of each, and so does the stream; each subject is written once."""
    G = mini_graph()
    G.nodes[BTG]["aliases"] = ["Ban Tuyên giáo", "Ban Tuyên giáo"]
    composed = "bac-giang:kế-hoạch-số@2022"
    for nid in (composed, unicodedata.normalize("NFD", composed)):
        _doc(G, nid, title="kế hoạch", date="2022")
        _rel(G, nid, C52, "THUC_HIEN", 7, "Thực hiện Nghị quyết số 52-NQ/TW")
    triples = list(generate_triples(G))
    assert len(triples) == len(set(triples))
    for fmt in ("nt", "turtle", "json-ld"):
        text = serialize(G, fmt)
        assert set(Graph().parse(data=text, format=fmt)) == set(triples)
    lines = serialize(G, "nt").splitlines()
    assert len(lines) == len(triples)
    subjects = [line[: line.index(">")] for line in lines]
    runs = [s for i, s in enumerate(subjects) if i == 0 or s != subjects[i - 1]]
    assert len(runs) == len(set(subjects))
    one = mini_graph()
    _doc(one, composed, title="kế hoạch", date="2022")
    _rel(one, composed, C52, "THUC_HIEN", 7, "Thực hiện Nghị quyết số 52-NQ/TW")
    assert [line for line in lines if line.startswith(f"<{doc_iri(composed)}> ")] == [
        line for line in serialize(one, "nt").splitlines() if line.startswith(f"<{doc_iri(composed)}> ")
    ]


# -- ontology and terms ----------------------------------------------------------------------------


def test_terms_module_and_ontology_declare_the_same_terms():
    ont = _ontology()
    ns = "https://w3id.org/vbgraph/ontology#"
    declared = {str(s)[len(ns) :] for s in ont.subjects(RDF.type, None) if str(s).startswith(ns)}
    assert declared == {str(t)[len(ns) :] for t in dir(VBO)}
    with pytest.raises(AttributeError):
        VBO.thucHein  # noqa: B018  (a typo is an error, not a new IRI)


def test_one_property_per_relation_code_with_labels_from_the_enum():
    ont = _ontology()
    for rel in Rel:
        prop = REL_PROPERTY[rel]
        assert (prop, RDF.type, OWL.ObjectProperty) in ont
        assert str(ont.value(prop, VBO.code)) == rel.value
        labels = {(str(x), x.language) for x in ont.objects(prop, RDFS.label)}
        assert labels == {(rel.label, "vi"), (rel.label_en, "en")}, rel
    for code, prop in STRUCTURAL_PROPERTY.items():
        assert str(ont.value(prop, VBO.code)) == code
        assert {(str(x), x.language) for x in ont.objects(prop, RDFS.label)} == {
            (STRUCTURAL_LABELS[code][0], "vi"),
            (STRUCTURAL_LABELS[code][1], "en"),
        }


@pytest.mark.parametrize(
    "rel,prop,other",
    [
        (Rel.THAY_THE, RDFS.subPropertyOf, "http://purl.org/dc/terms/replaces"),
        (Rel.SUA_DOI, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#amends"),
        (Rel.BAI_BO, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#repeals"),
        (Rel.CAN_CU, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#based_on"),
        (Rel.DAN_CHIEU, RDFS.subPropertyOf, "http://data.europa.eu/eli/ontology#cites"),
        (Rel.DAN_CHIEU, RDFS.subPropertyOf, "http://purl.org/dc/terms/references"),
        (
            Rel.THUC_HIEN,
            URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"),
            "http://data.europa.eu/eli/ontology#ensures_implementation_of",
        ),
        (
            Rel.THUC_HIEN,
            URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"),
            "https://schema.org/legislationEnsuresImplementationOf",
        ),
    ],
)
def test_alignment_to_eli_dcterms_and_schema_org(rel, prop, other):
    assert (REL_PROPERTY[rel], prop, URIRef(other)) in _ontology()


def test_ontology_uses_only_known_eli_terms():
    """ELI 1.5 terms only: a made-up eli: term would mislead every consumer of the alignment."""
    eli_terms = {
        "LegalResource",
        "Organization",
        "ensures_implementation_of",
        "applies",
        "changes",
        "based_on",
        "amends",
        "repeals",
        "cites",
        "related_to",
        "passed_by",
        "number",
        "type_document",
        "id_local",
        "date_document",
        "jurisdiction",
        "title",
    }
    used = {
        str(o).split("#")[1]
        for o in _ontology().all_nodes()
        if str(o).startswith("http://data.europa.eu/eli/ontology#")
    }
    assert used and used <= eli_terms


# -- SHACL -----------------------------------------------------------------------------------------


def _validate(data: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(data, shacl_graph=_shapes(), inference="none")
    return conforms, text


def test_sample_export_conforms_to_the_shapes(sample_ttl):
    conforms, text = _validate(sample_ttl)
    assert conforms, text


def test_mini_graph_with_bodies_and_obligations_conforms():
    conforms, text = _validate(rdf_graph(mini_graph()))
    assert conforms, text


@pytest.mark.parametrize(
    "break_it,message",
    [
        (lambda g: g.set((doc_iri(P82), VBO.date, Literal("10/3/2020"))), "xsd:date"),
        (lambda g: g.remove((None, VBO.evidence, None)), "evidence"),
        (
            lambda g: g.add((doc_iri(P82), VBO.thucHien, URIRef("https://w3id.org/vbgraph/body/x"))),
            "Document",
        ),
        (lambda g: g.set((doc_iri(P82), VBO.lastLine, Literal(5))), "LessThanOrEquals"),
        (lambda g: g.remove((doc_iri(P82), VBO.sourceFile, None)), "source file"),
        (
            lambda g: [
                g.set((a, VBO.vaiTro, Literal("lanh_dao"))) for a in g.subjects(RDF.type, VBO.Assignment)
            ],
            "vaiTro",
        ),
        (lambda g: g.remove((None, VBO.datRa, None)), "set out by exactly one document"),
    ],
)
def test_shapes_reject_broken_data(break_it, message):
    g = rdf_graph(mini_graph())
    break_it(g)
    conforms, text = _validate(g)
    assert not conforms
    assert message in text


# -- a research question in SPARQL ----------------------------------------------------------------

LINEAGE = """
PREFIX vbo: <https://w3id.org/vbgraph/ontology#>
SELECT DISTINCT ?id WHERE {
    ?start vbo:id ?start_id .
    ?start vbo:thucHien+ ?up .
    ?up vbo:id ?id .
}
"""


def _lineage_sparql(g: Graph, start: str) -> set[str]:
    return {str(row.id) for row in g.query(LINEAGE, initBindings={"start_id": Literal(start)})}


def _lineage_nx(G: nx.MultiDiGraph, start: str) -> set[str]:
    H = nx.DiGraph([(s, t) for s, t, k in G.edges(keys=True) if k == Rel.THUC_HIEN])
    return nx.descendants(H, start) if start in H else set()


@pytest.mark.parametrize(
    "start,expected",
    [
        (
            "bac-giang:20-KH/TU@2021-06-09",
            {
                "bac-giang:03-CTr/TU@2020-12-04",
                "bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix",
            },
        ),
        (
            "bac-giang:15-CTr/TU@2021-05-31",
            {"01-CT/TW@2021-03-09", "name:nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang"},
        ),
        ("bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix", set()),
    ],
)
def test_lineage_up_the_thuc_hien_chain_matches_networkx(sample_ttl, corpus_graph, start, expected):
    assert _lineage_sparql(sample_ttl, start) == expected == _lineage_nx(corpus_graph, start)


def test_lineage_on_mini_graph_crosses_three_levels():
    g = rdf_graph(mini_graph())
    assert _lineage_sparql(g, D15) == {P82, C52} == _lineage_nx(mini_graph(), D15)
