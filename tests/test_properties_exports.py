"""Every exporter, any text: small graphs built from the model (graph/model.py) with arbitrary
strings (any Unicode but surrogates, controls included) in ids, titles, names, aliases, quotes,
file names and task text, written by each exporter and read back by the format's own standard
reader: json, rdflib (Turtle, N-Triples, JSON-LD), networkx.read_graphml, the csv module.

What comes back is exactly the text in NFC (the exports' contract), with two documented
exceptions: GraphML replaces what XML cannot carry by U+FFFD and says how many, and a CSV text
cell that a spreadsheet would run as a formula has one `'` in front (exports/cells.py).

The number of examples comes from the hypothesis profile (tests/conftest.py): 10,000 in CI.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from vbgraph.exports.cells import restored
from vbgraph.exports.csv_export import csv_files
from vbgraph.exports.graphml import REPLACED, graphml_graph, write_graphml
from vbgraph.exports.json_export import write_json
from vbgraph.exports.rdf import body_iri, doc_iri, obligation_iri, rdf_graph, relation_iri, write_rdf
from vbgraph.graph.model import Assignee, Body, Deadline, Document, Evidence, Obligation, Relation, Source
from vbgraph.ontology.relations import Rel
from vbgraph.ontology.terms import VBO

# -- text ------------------------------------------------------------------------------------------

# the characters that broke an exporter once, or could: controls, line breaks of every kind,
# what XML cannot carry, quotes and escapes, formula starts, delimiters, a combining mark
SPECIAL = [
    *"\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1c\x1d\x1e\x1f\x7f\x80\x85\x9f",
    *"\u2028\u2029\ufeff\ufffd\ufffe\uffff\u0301\u0323",
    *"\"'\\=+-@;,|<>&#%/:{}[] ",
    "\U0001f600",
]
CHARS = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(SPECIAL))
TEXT = st.text(CHARS, max_size=6)
# and whole strings that only break together: an escape then a combining mark that composes with
# its letter (NFC over JSON text turns `\n` + U+0301 into `\ń`), CR LF, a literal `\u000B`
PAIRS = st.sampled_from(["\n\u0301", "\t\u030c", "\r\n", "\r", "\\u000B", '"""', "'=", "=1+1"])
MAYBE = st.none() | TEXT
NUMBER = st.integers(-(10**6), 10**6)  # a negative one too: typed CSV cells must keep its "-"
LINE = st.none() | NUMBER
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def nfc(value: Any) -> Any:
    """Every string inside `value` in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


def xml(text: str) -> str:
    """What GraphML reads back: U+FFFD for each character XML cannot carry."""
    return NOT_XML.sub("\ufffd", text)


def xml_in_json(text: str) -> str:
    """The same inside JSON text, where json.dumps has written every control character as an escape."""
    return re.sub("[\ufffe\uffff]", "\ufffd", text)


# -- graphs from the model ---------------------------------------------------------------------------


@dataclass
class Case:
    """A generated graph and the model objects it was built from."""

    G: nx.MultiDiGraph
    documents: list[Document]
    bodies: list[Body]
    obligations: list[Obligation]
    relations: list[Relation]


# Module-level strategies only: a strategy made inside `cases` would be built and validated again
# for every example, which costs more than the exports themselves.
POOL = st.lists(TEXT | PAIRS, min_size=1, max_size=4)
INDEX = st.integers(0, 3)
OR_NONE = st.integers(-2, 3)  # below 0: None (one draw instead of two)
COIN = st.booleans()
SCORE = st.none() | st.floats(-1e6, 1e6, allow_nan=False)
PLACES = st.sampled_from([{}, {"page": 3, "ocr": True}, {"paragraph": 12}])
CODES = st.sampled_from([r.value for r in Rel])


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """One or two documents, up to two bodies, up to one task and two relations, their text drawn
    from a pool of up to four arbitrary strings (a pool also repeats text across fields, as
    documents do). Ids are pool text with a distinct ending, so no two fold into one after NFC or
    U+FFFD."""
    pool = draw(POOL)

    def one(items: list[str]) -> str:
        return items[draw(INDEX) % len(items)]

    def text() -> str:
        return one(pool)

    def maybe() -> str | None:
        i = draw(OR_NONE)
        return None if i < 0 else pool[i % len(pool)]

    def evidence(doc_ids: list[str] | None) -> Evidence:
        document = one(doc_ids) if doc_ids and draw(COIN) else None
        return Evidence(text(), draw(LINE), text(), document, **draw(PLACES))

    doc_ids = [text() + f"#d{i}" for i in range(1 + draw(COIN))]
    body_ids = [text() + f"#b{i}" for i in range(draw(INDEX) % 3)]
    documents = []
    for nid in doc_ids:
        other = maybe()  # the fields every exporter writes alike share one value
        source = Source(text(), draw(NUMBER), draw(NUMBER)) if draw(COIN) else None
        documents.append(
            Document(
                nid,
                *(other, other, other, other),  # type, type_code, number, issuer_code
                *(maybe(), maybe(), other, other),  # symbol, date, issuer, jurisdiction
                *(maybe(), maybe(), draw(COIN), source),  # title, name, in_corpus
                *(other, maybe(), other),  # level, signer, identified_by
            )
        )
    bodies = []
    for bid in body_ids:
        part_of = one(body_ids) if draw(COIN) else maybe()
        aliases = tuple(text() for _ in range(draw(INDEX) % 3))
        # the model reads an empty name as the id
        bodies.append(Body(bid, text() or "x", maybe(), part_of, maybe(), aliases, draw(COIN)))
    obligations = []
    if draw(COIN):
        who = sorted({one(body_ids) for _ in range(draw(INDEX) % 3)}) if body_ids else []
        other = maybe()
        obligations.append(
            Obligation(
                id=text() + "#o0",
                document=one(doc_ids),
                text=text(),
                assignees=tuple(Assignee(b, text()) for b in who),
                deadline=Deadline(maybe(), maybe(), other) if draw(COIN) else None,
                recurring=other,
                produces={"type": other, "title": maybe()} if draw(COIN) else None,
                produces_level=other,
                fulfilled_by=(one(doc_ids) if draw(COIN) else maybe()),
                fulfilment=other,
                fulfilment_score=draw(SCORE),
                status=other,
                source=other,
                evidence=evidence(None),
                more_evidence=(evidence(None),) if draw(COIN) else (),
            )
        )
    triples = {(one(doc_ids), one(doc_ids), draw(CODES)) for _ in range(draw(INDEX) % 3)}
    relations = [
        Relation(s, t, code, maybe(), tuple(evidence(doc_ids) for _ in range(1 + draw(COIN))))
        for s, t, code in sorted(triples)
    ]
    return Case(_graph(documents, bodies, obligations, relations), documents, bodies, obligations, relations)


def _attrs(record: Any, kind: str) -> dict[str, Any]:
    """A node's attributes as the store keeps them: the model's dict without the id, and the kind."""
    return {"kind": kind, **{k: v for k, v in record.to_dict().items() if k != "id"}}


def _graph(
    documents: list[Document], bodies: list[Body], obligations: list[Obligation], relations: list[Relation]
) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for d in documents:
        G.add_node(d.id, **_attrs(d, "Document"))
    for b in bodies:
        G.add_node(b.id, **_attrs(b, "Body"))
    for o in obligations:
        G.add_node(o.id, **_attrs(o, "Obligation"))
        G.add_edge(o.document, o.id, key="DAT_RA")
        for a in o.assignees:
            G.add_edge(o.id, a.body, key="GIAO_CHO", vai_tro=a.role)
    for r in relations:
        G.add_edge(r.source, r.target, key=r.type, label=r.label, evidence=[e.to_dict() for e in r.evidence])
    return G


def _first_quote(r: Relation) -> str | None:
    return next((e.quote for e in r.evidence if e.quote), None)


# -- JSON --------------------------------------------------------------------------------------------


@given(cases())
def test_json_reads_back_every_string_in_nfc(case):
    buf = io.StringIO()
    write_json(case.G, buf)
    data = json.loads(buf.getvalue())
    assert {d["id"]: d for d in data["documents"]} == {nfc(d.id): nfc(d.to_dict()) for d in case.documents}
    assert {b["id"]: b for b in data["bodies"]} == {nfc(b.id): nfc(b.to_dict()) for b in case.bodies}
    assert {o["id"]: o for o in data["obligations"]} == {
        nfc(o.id): nfc(o.to_dict()) for o in case.obligations
    }
    assert sorted(map(json.dumps, data["relations"])) == sorted(
        json.dumps(nfc(r.to_dict())) for r in case.relations
    )


# -- RDF ----------------------------------------------------------------------------------------------


def _lit(text: str | None, vi: bool = True) -> Literal | None:
    return Literal(nfc(text), lang="vi" if vi else None) if text else None


def _expected_strings(case: Case) -> set[tuple[URIRef, URIRef, Literal]]:
    """Triples that carry generated text, built here from the model, not by the exporter."""
    out: set[tuple[URIRef, URIRef, Literal | None]] = set()
    for d in case.documents:
        s = doc_iri(d.id)
        out |= {(s, VBO.id, Literal(nfc(d.id))), (s, VBO.title, _lit(d.title)), (s, VBO.name, _lit(d.name))}
        out |= {(s, VBO.symbol, _lit(d.symbol, vi=False)), (s, VBO.signer, _lit(d.signer, vi=False))}
        if d.source is not None:
            out.add((s, VBO.sourceFile, Literal(nfc(d.source.file))))
    for b in case.bodies:
        s = body_iri(b.id)
        out |= {(s, VBO.id, Literal(nfc(b.id))), (s, VBO.name, _lit(b.name))}
        out |= {(s, VBO.alias, _lit(a)) for a in b.aliases}
    for o in case.obligations:
        s = obligation_iri(o.id)
        out |= {(s, VBO.text, _lit(o.text)), (URIRef(f"{s}/evidence"), VBO.quote, _lit(o.evidence.quote))}
    for r in case.relations:
        stmt = relation_iri(r.source, r.type, r.target)
        for i, e in enumerate(r.evidence, start=1):
            out |= {(URIRef(f"{stmt}/evidence/{i}"), VBO.quote, _lit(e.quote))}
            out |= {(URIRef(f"{stmt}/evidence/{i}"), VBO.file, _lit(e.file, vi=False))}
    return {(s, p, o) for s, p, o in out if o is not None}


# Each example writes one of the three (hypothesis draws which, a third of the examples each):
# rdflib's fixed cost per graph, not the size of the graph, sets the time, and all three on every
# example would take the CI profile past its few minutes.
@given(cases(), st.sampled_from(["turtle", "nt", "json-ld"]))
def test_turtle_n_triples_and_json_ld_read_back_every_string_in_nfc(case, fmt):
    expected = set(rdf_graph(case.G))
    assert _expected_strings(case) <= expected
    buf = io.StringIO()
    write_rdf(case.G, buf, format=fmt)
    text = buf.getvalue()
    assert set(Graph(bind_namespaces="none").parse(data=text, format=fmt)) == expected
    if fmt == "nt":  # one triple per line, even to the splitter that knows every line break
        assert len(text.splitlines()) == len(expected)


# -- GraphML ------------------------------------------------------------------------------------------


def _strings(G: nx.MultiDiGraph) -> list[str]:
    out = [str(n) for n in G.nodes]
    for _, a in G.nodes(data=True):
        out.extend(v for v in a.values() if isinstance(v, str))
    for _, _, k, a in G.edges(keys=True, data=True):
        out.append(str(k))
        out.extend(v for v in a.values() if isinstance(v, str))
    return out


@given(cases())
def test_graphml_reads_back_every_string_but_what_xml_cannot_carry(case):
    buf = io.StringIO()
    replaced = write_graphml(case.G, buf)
    H = graphml_graph(case.G)
    copy = io.BytesIO()  # the streamed file is what networkx writes for the flattened copy
    nx.write_graphml_xml(H, copy, encoding="utf-8", prettyprint=True)
    assert buf.getvalue() == copy.getvalue().decode("utf-8").replace("\r", "&#13;")
    back = nx.read_graphml(io.BytesIO(buf.getvalue().encode("utf-8")), force_multigraph=True)
    assert dict(back.nodes(data=True)) == dict(H.nodes(data=True))
    assert {(s, t, k): a for s, t, k, a in back.edges(keys=True, data=True)} == {
        (s, t, k): a for s, t, k, a in H.edges(keys=True, data=True)
    }
    assert back.graph.get(REPLACED, 0) == replaced
    assert not any(NOT_XML.search(s) for s in _strings(back))
    # what the model holds, read back: U+FFFD for what XML cannot carry, every other character kept
    for d in case.documents:
        node = back.nodes[xml(d.id)]
        assert node.get("title") == (None if d.title is None else xml(nfc(d.title)))
        assert node.get("source_file") == (None if d.source is None else xml(nfc(d.source.file)))
    for b in case.bodies:
        assert back.nodes[xml(b.id)]["name"] == xml(nfc(b.name))
        assert json.loads(back.nodes[xml(b.id)]["aliases"]) == [xml_in_json(nfc(a)) for a in b.aliases]
    for o in case.obligations:
        assert back.nodes[xml(o.id)]["text"] == xml(nfc(o.text))
    for r in case.relations:
        edge = back.edges[xml(r.source), xml(r.target), f"{xml(r.source)}|{r.type}|{xml(r.target)}"]
        quote = _first_quote(r)
        assert edge.get("evidence_quote") == (None if quote is None else xml(nfc(quote)))
        quotes = [e["quote"] for e in json.loads(edge["evidence"])]
        assert quotes == [xml_in_json(nfc(e.quote)) for e in r.evidence]
    # every character replaced is counted: at least those of the ids and titles
    least = sum(len(NOT_XML.findall(nfc(d.id) + nfc(d.title or ""))) for d in case.documents)
    assert replaced >= least
    assert (replaced > 0) == (REPLACED in back.graph)


# -- CSV ------------------------------------------------------------------------------------------------


def _tables(files: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    out = {}
    for name, text in files.items():
        if name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text, newline="")))
            assert all(len(r) == len(rows[0]) for r in rows), name
            out[name] = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    return out


def _delimiter(files: dict[str, str]) -> str:
    found = re.search(r"--array-delimiter=(\S+?)'? ", files["import.sh"])
    assert found is not None
    value = found.group(1)
    return chr(int(value[2:], 16)) if value.startswith("U+") else value


def _array(cell: str, delimiter: str) -> list[str]:
    return [restored(x) for x in cell.split(delimiter)] if cell else []


def _text(cell: str) -> str:
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell  # a spreadsheet would run it
    return restored(cell)


@given(cases())
def test_csv_reads_back_every_string_and_neutralises_formulas(case):
    files = csv_files(case.G)
    tables = _tables(files)
    delim = _delimiter(files)
    docs = {_text(r["id:ID"]): r for r in tables["Document.csv"]}
    assert set(docs) == {d.id for d in case.documents}
    for d in case.documents:
        row = docs[d.id]
        assert _text(row["title"]) == nfc(d.title or "")
        assert _text(row["symbol"]) == nfc(d.symbol or "")
        assert _text(row["source_file"]) == ("" if d.source is None else nfc(d.source.file))
        # typed cells are numbers as written, a negative one too
        assert row["source_first_line:int"] == ("" if d.source is None else str(d.source.first_line))
    bodies = {_text(r["id:ID"]): r for r in tables["Body.csv"]}
    assert set(bodies) == {b.id for b in case.bodies}
    for b in case.bodies:
        assert _text(bodies[b.id]["name"]) == nfc(b.name)
        aliases = [nfc(a) for a in b.aliases]
        assert _array(bodies[b.id]["aliases:string[]"], delim) == ([] if aliases in ([], [""]) else aliases)
    for o in case.obligations:
        (row,) = tables["Obligation.csv"]
        # the node key is the id as it is; text columns are NFC, an id named in one too
        assert (_text(row["id:ID"]), _text(row["document"])) == (o.id, nfc(o.document))
        assert _text(row["text"]) == nfc(o.text)
        assert _text(row["evidence_quote"]) == nfc(o.evidence.quote)
        assert row["fulfilment_score:double"] == (
            "" if o.fulfilment_score is None else str(o.fulfilment_score)
        )
        assert json.loads(row["assignees"]) == [
            {"body": nfc(a.body), "role": nfc(a.role)} for a in o.assignees
        ]
    for r in case.relations:
        ends = (r.source, r.target)
        (row,) = (x for x in tables[f"{r.type}.csv"] if (_text(x[":START_ID"]), _text(x[":END_ID"])) == ends)
        assert _text(row["evidence_quote"]) == nfc(_first_quote(r) or "")
        assert json.loads(row["evidence"]) == [nfc(e.to_dict()) for e in r.evidence]
        files_ = [nfc(e.file) for e in r.evidence]
        assert _array(row["evidence_files:string[]"], delim) == ([] if files_ == [""] else files_)
        lines = [e.line for e in r.evidence]
        expected_lines = "" if None in lines else ";".join(map(str, lines))
        assert row["evidence_lines:int[]"].replace(delim, ";") == expected_lines
