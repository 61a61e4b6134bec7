"""The RDF export: the graph as linked data in the vbgraph ontology (`ontology/vbgraph.ttl`).

IRIs are stable because they are built from the graph ids alone, URL-quoted:
`https://w3id.org/vbgraph/doc/<id>`, `…/body/<id>`, `…/obligation/<id>`. A relation is a
direct triple (`doc vbo:thucHien doc`), which is what queries walk, plus an `rdf:Statement`
at `…/relation/<source>/<CODE>/<target>` that carries its evidence, because every edge must
keep the lines that state it. No blank nodes, so two exports of the same store are identical
and diff line by line.

`RDF_FIELDS` names the properties that carry each field of the model (graph/model.py) and
`NOT_IN_RDF` the fields left out, with the reason; tests/test_model.py fails when a model field
is in neither.

Pair: `generate_triples(G)` yields the triples; `write_rdf(G, out, format)` writes Turtle,
JSON-LD or N-Triples.

Document text is untrusted input and every string goes out exactly. In Turtle and N-Triples the
control characters other than tab, line feed and carriage return, and the Unicode line breaks
NEL, U+2028 and U+2029, are written as `\\uXXXX`: a literal stays on its line for line-based
tools (N-Triples is one triple per line), and every parser reads back the same string.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from vbgraph.graph import store as st
from vbgraph.graph.model import Assignee, Body, Deadline, Document, Evidence, Obligation, Relation, Source
from vbgraph.ontology.relations import Rel
from vbgraph.ontology.terms import BASE, ONTOLOGY, REL_PROPERTY, VBO

Triple = tuple[URIRef, URIRef, URIRef | Literal]

DOC = Namespace(BASE + "doc/")
BODY = Namespace(BASE + "body/")
OBLIGATION = Namespace(BASE + "obligation/")
RELATION = Namespace(BASE + "relation/")

PREFIXES = {
    "vbo": ONTOLOGY,
    "doc": str(DOC),
    "body": str(BODY),
    "obligation": str(OBLIGATION),
    "rdf": str(RDF),
    "xsd": str(XSD),
}

FORMAT_ALIASES = {
    "turtle": "turtle",
    "ttl": "turtle",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
}

# graph-json-v1 field -> (property, Vietnamese text?) for plain attributes
_DOC_FIELDS: tuple[tuple[str, URIRef, bool], ...] = (
    ("type", VBO.typeName, True),
    ("type_code", VBO.typeCode, False),
    ("number", VBO.number, False),
    ("issuer_code", VBO.issuerCode, False),
    ("symbol", VBO.symbol, False),
    ("issuer", VBO.issuer, True),
    ("jurisdiction", VBO.jurisdiction, True),
    ("title", VBO.title, True),
    ("name", VBO.name, True),
    ("level", VBO.level, False),
    ("signer", VBO.signer, False),
    ("identified_by", VBO.identifiedBy, False),
)
_BODY_FIELDS: tuple[tuple[str, URIRef, bool], ...] = (
    ("name", VBO.name, True),
    ("jurisdiction", VBO.jurisdiction, True),
    ("level", VBO.level, False),
)
_OBLIGATION_FIELDS: tuple[tuple[str, URIRef, bool], ...] = (
    ("text", VBO.text, True),
    ("recurring", VBO.recurring, True),
    ("status", VBO.status, False),
    ("fulfilment", VBO.fulfilment, False),
    ("produces_level", VBO.producesLevel, True),
)


def _plain(table: tuple[tuple[str, URIRef, bool], ...]) -> dict[str, tuple[URIRef, ...]]:
    return {f: (prop,) for f, prop, _ in table}


#: model class -> field -> the properties that carry it (tests/test_model.py holds it to the model)
RDF_FIELDS: dict[type, dict[str, tuple[URIRef, ...]]] = {
    Document: {
        "id": (VBO.id,),
        **_plain(_DOC_FIELDS),
        "date": (VBO.date,),
        "in_corpus": (VBO.inCorpus,),
        "source": (VBO.sourceFile, VBO.firstLine, VBO.lastLine),
    },
    Source: {"file": (VBO.sourceFile,), "first_line": (VBO.firstLine,), "last_line": (VBO.lastLine,)},
    Body: {"id": (VBO.id,), **_plain(_BODY_FIELDS), "aliases": (VBO.alias,), "part_of": (VBO.thuoc,)},
    Relation: {
        "source": (RDF.subject,),
        "target": (RDF.object,),
        "type": (RDF.predicate,),
        "evidence": (VBO.evidence,),
    },
    Evidence: {"document": (VBO.statedIn,), "file": (VBO.file,), "line": (VBO.line,), "quote": (VBO.quote,)},
    Obligation: {
        "id": (VBO.id,),
        "document": (VBO.datRa,),
        **_plain(_OBLIGATION_FIELDS),
        "assignees": (VBO.giaoCho, VBO.assignment),
        "deadline": (VBO.deadlineText, VBO.deadlineStart, VBO.deadlineEnd),
        "produces": (VBO.producesType, VBO.producesTitle),
        "fulfilled_by": (VBO.fulfilledBy,),
        "fulfilment_score": (VBO.fulfilmentScore,),
        "evidence": (VBO.evidence,),
    },
    Assignee: {"body": (VBO.assignee,), "role": (VBO.vaiTro,)},
    Deadline: {"text": (VBO.deadlineText,), "start": (VBO.deadlineStart,), "end": (VBO.deadlineEnd,)},
}

#: model class -> field -> why the RDF export leaves it out
NOT_IN_RDF: dict[type, dict[str, str]] = {
    Body: {"generic": "the ontology (ontology/vbgraph.ttl) has no term for a generic body yet"},
    Relation: {"label": "it is the rdfs:label (vi and en) of the relation's property in the ontology"},
    Obligation: {
        "source": "the ontology has no term for where a task was read (section, sentence, table) yet",
        "more_evidence": "the shapes (ontology/shapes.ttl) allow one vbo:evidence per obligation",
    },
    Evidence: {
        **dict.fromkeys(
            ("page", "page_line", "paragraph"),
            "the ontology has no term for a place in a PDF or Word file yet",
        ),
        "ocr": "the ontology has no term for text read by OCR yet",
    },
}


# Characters a literal keeps as `\uXXXX` in Turtle and N-Triples: C0 controls but tab, line feed
# and carriage return (the RDF canonical form's UCHAR set), DEL, and the Unicode line breaks that
# line-based tools split on (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR). One class: linear time.
# Only literals can hold them: every IRI is URL-quoted ASCII.
_UCHAR_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


def _uchar(text: str) -> str:
    """Turtle or N-Triples text with those characters as `\\uXXXX`. rdflib doubles every backslash
    of a literal, so an escape written here is never read as part of another one."""
    return _UCHAR_RE.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _local(nid: str) -> str:
    return quote(_nfc(str(nid)), safe="")


def doc_iri(nid: str) -> URIRef:
    return DOC[_local(nid)]


def body_iri(nid: str) -> URIRef:
    return BODY[_local(nid)]


def obligation_iri(nid: str) -> URIRef:
    return OBLIGATION[_local(nid)]


def relation_iri(source: str, code: str, target: str) -> URIRef:
    return RELATION[f"{_local(source)}/{code}/{_local(target)}"]


def node_iri(G: nx.MultiDiGraph, nid: str) -> URIRef | None:
    """The IRI of a Document, Body or Obligation node; None for any other node."""
    kind = G.nodes[nid].get("kind")
    return {"Document": doc_iri, "Body": body_iri, "Obligation": obligation_iri}.get(kind, lambda _: None)(
        nid
    )


def _text(value: Any, vi: bool = False) -> Literal | None:
    """A string literal (tagged @vi for Vietnamese prose); None and "" give nothing."""
    if value is None or value == "":
        return None
    return Literal(_nfc(str(value)), lang="vi" if vi else None)


def date_literal(value: str | None) -> Literal | None:
    """`2021-06-08` -> xsd:date, `2021` -> xsd:gYear; anything else stays a plain string (and fails SHACL)."""
    if not value:
        return None
    value = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return Literal(value)
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def _evidence(subject: URIRef, ev: dict) -> Iterator[Triple]:
    yield subject, RDF.type, VBO.Evidence
    if ev.get("document"):
        yield subject, VBO.statedIn, doc_iri(ev["document"])
    if ev.get("file"):
        yield subject, VBO.file, Literal(_nfc(ev["file"]))
    if ev.get("line") is not None:
        yield subject, VBO.line, Literal(int(ev["line"]))
    if (q := _text(ev.get("quote"), vi=True)) is not None:
        yield subject, VBO.quote, q


def _document(nid: str, a: dict) -> Iterator[Triple]:
    s = doc_iri(nid)
    yield s, RDF.type, VBO.Document
    yield s, VBO.id, Literal(_nfc(nid))
    for field, prop, vi in _DOC_FIELDS:
        if (lit := _text(a.get(field), vi)) is not None:
            yield s, prop, lit
    if (d := date_literal(a.get("date"))) is not None:
        yield s, VBO.date, d
    yield s, VBO.inCorpus, Literal(bool(a.get("in_corpus")))
    src = a.get("source")
    if src:
        yield s, VBO.sourceFile, Literal(_nfc(src["file"]))
        yield s, VBO.firstLine, Literal(int(src["first_line"]))
        yield s, VBO.lastLine, Literal(int(src["last_line"]))


def _relation(source: str, target: str, code: str, a: dict) -> Iterator[Triple]:
    prop = REL_PROPERTY[Rel(code)]
    s, o = doc_iri(source), doc_iri(target)
    yield s, prop, o
    stmt = relation_iri(source, code, target)
    yield stmt, RDF.type, RDF.Statement
    yield stmt, RDF.subject, s
    yield stmt, RDF.predicate, prop
    yield stmt, RDF.object, o
    for i, ev in enumerate(a.get("evidence") or [], start=1):
        e = URIRef(f"{stmt}/evidence/{i}")
        yield stmt, VBO.evidence, e
        yield from _evidence(e, ev)


def _body(G: nx.MultiDiGraph, nid: str, a: dict) -> Iterator[Triple]:
    s = body_iri(nid)
    yield s, RDF.type, VBO.Body
    yield s, VBO.id, Literal(_nfc(nid))
    for field, prop, vi in _BODY_FIELDS:
        if (lit := _text(a.get(field), vi)) is not None:
            yield s, prop, lit
    for alias in a.get("aliases") or ():
        if (lit := _text(alias, vi=True)) is not None:
            yield s, VBO.alias, lit
    parent = a.get("part_of")
    if parent and parent in G and G.nodes[parent].get("kind") == "Body":
        yield s, VBO.thuoc, body_iri(parent)


def _assignees(G: nx.MultiDiGraph, nid: str, a: dict) -> list[tuple[str, str | None]]:
    """(body id, role) from the GIAO_CHO edges and the `assignees` field, bodies that exist only."""
    pairs: set[tuple[str, str | None]] = set()
    for _, body, key, e in G.out_edges(nid, keys=True, data=True):
        if key == "GIAO_CHO":
            pairs.add((body, e.get("vai_tro")))
    for x in a.get("assignees") or []:
        body = x.get("body")
        if body in G and G.nodes[body].get("kind") == "Body":
            pairs.add((body, x.get("role")))
    # an edge without a role adds nothing when the field names the role
    with_role = {b for b, r in pairs if r}
    return sorted((b, r) for b, r in pairs if r or b not in with_role)


def _obligation(G: nx.MultiDiGraph, nid: str, a: dict) -> Iterator[Triple]:
    s = obligation_iri(nid)
    yield s, RDF.type, VBO.Obligation
    yield s, VBO.id, Literal(_nfc(nid))
    doc = a.get("document")
    if doc and doc in G and G.nodes[doc].get("kind") == "Document":
        yield doc_iri(doc), VBO.datRa, s
    for field, prop, vi in _OBLIGATION_FIELDS:
        if (lit := _text(a.get(field), vi)) is not None:
            yield s, prop, lit
    if a.get("fulfilment_score") is not None:
        yield s, VBO.fulfilmentScore, Literal(Decimal(str(a["fulfilment_score"])))
    deadline = a.get("deadline") or {}
    if (lit := _text(deadline.get("text"), vi=True)) is not None:
        yield s, VBO.deadlineText, lit
    for field, prop in (("start", VBO.deadlineStart), ("end", VBO.deadlineEnd)):
        if (d := date_literal(deadline.get(field))) is not None:
            yield s, prop, d
    produces = a.get("produces") or {}
    if (lit := _text(produces.get("type"), vi=True)) is not None:
        yield s, VBO.producesType, lit
    if (lit := _text(produces.get("title"), vi=True)) is not None:
        yield s, VBO.producesTitle, lit
    done = {t for _, t, k in G.out_edges(nid, keys=True) if k == "DUOC_THUC_HIEN_BOI"} | {
        a.get("fulfilled_by")
    }
    for d in sorted(x for x in done if x and x in G and G.nodes[x].get("kind") == "Document"):
        yield s, VBO.fulfilledBy, doc_iri(d)
    for body, role in _assignees(G, nid, a):
        yield s, VBO.giaoCho, body_iri(body)
        asg = URIRef(f"{s}/assignee/{_local(body)}" + (f"/{_local(role)}" if role else ""))
        yield s, VBO.assignment, asg
        yield asg, RDF.type, VBO.Assignment
        yield asg, VBO.assignee, body_iri(body)
        if role:
            yield asg, VBO.vaiTro, Literal(role)
    if a.get("evidence"):
        yield from _evidence(URIRef(f"{s}/evidence"), a["evidence"])
        yield s, VBO.evidence, URIRef(f"{s}/evidence")


def _structural(G: nx.MultiDiGraph) -> Iterator[Triple]:
    """DAT_RA, BAN_HANH and THUOC edges between nodes of the right kinds (GIAO_CHO and
    DUOC_THUC_HIEN_BOI are written with their obligation)."""
    want = {
        "DAT_RA": ("Document", "Obligation", VBO.datRa),
        "BAN_HANH": ("Body", "Document", VBO.banHanh),
        "THUOC": ("Body", "Body", VBO.thuoc),
    }
    edges = sorted((s, t, k) for s, t, k in G.edges(keys=True) if k in want)
    for s, t, k in edges:
        src_kind, dst_kind, prop = want[k]
        if G.nodes[s].get("kind") == src_kind and G.nodes[t].get("kind") == dst_kind:
            s_iri, t_iri = node_iri(G, s), node_iri(G, t)
            assert s_iri is not None and t_iri is not None
            yield s_iri, prop, t_iri


def generate_triples(G: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the export, in a fixed order: documents, relations, bodies, obligations, edges."""
    for nid, a in st.documents(G):
        yield from _document(nid, a)
    for s, t, code, a in st.relations(G):
        yield from _relation(s, t, code, a)
    for nid, a in st.bodies(G):
        yield from _body(G, nid, a)
    for nid, a in st.obligations(G):
        yield from _obligation(G, nid, a)
    yield from _structural(G)


def rdf_graph(G: nx.MultiDiGraph) -> Graph:
    """The export as an rdflib Graph, with the vbgraph prefixes bound."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    for triple in generate_triples(G):
        g.add(triple)
    return g


def serialize(G: nx.MultiDiGraph, format: str = "turtle") -> str:
    """The export as text; N-Triples and JSON-LD are sorted so that the text is byte-stable."""
    fmt = FORMAT_ALIASES.get(format)
    if fmt is None:
        raise ValueError(f"unknown RDF format {format!r}; choose one of: turtle, json-ld, nt")
    g = rdf_graph(G)
    if fmt == "nt":
        # split on line feeds only: str.splitlines() would also cut at \v, \f, \x1c… inside a literal
        lines = _uchar(g.serialize(format="nt", encoding="utf-8").decode("utf-8")).split("\n")
        return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())
    if fmt == "json-ld":
        context = dict(PREFIXES)
        data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
        if "@graph" in data:
            data["@graph"] = sorted(data["@graph"], key=lambda n: n.get("@id", ""))
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return _uchar(g.serialize(format="turtle"))


def write_rdf(G: nx.MultiDiGraph, out: str | Path | IO[str], format: str = "turtle") -> None:
    """Write the export to a path (atomically) or a text stream."""
    text = serialize(G, format)
    if hasattr(out, "write"):
        out.write(text)
        return
    st.atomic_write_text(Path(out), text)


write_turtle = partial(write_rdf, format="turtle")
write_jsonld = partial(write_rdf, format="json-ld")
write_ntriples = partial(write_rdf, format="nt")
