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

Pair: `generate_subjects(G)` yields each subject once with its (predicate, object) pairs, each
pair once, and `generate_triples(G)` flattens them; `write_rdf(G, out, format)` writes Turtle,
JSON-LD or N-Triples. The writers stream: a subject at a time goes to the file, and no rdflib
Graph is built (rdflib registered every relation IRI as a namespace of its own, which made
Turtle quadratic: 190 s for 3,000 documents). The order is the graph's own, by id within each
part: documents (with the relations and tasks they state), relation statements and their
evidence, bodies, obligations with their assignments and evidence. Memory beyond the graph
itself: the sorted ids, and the triples of one subject at a time.

Turtle uses the published prefixes (`PREFIXES`) and writes an IRI in full where no prefix fits
(relation statements, assignments, evidence); JSON-LD is one object per subject in `@graph`,
compacted with the same prefixes. Each file reads back into the same graph with rdflib.

Document text is untrusted input and every string goes out exactly. In Turtle and N-Triples the
control characters other than tab, line feed and carriage return, and the Unicode line breaks
NEL, U+2028 and U+2029, are written as `\\uXXXX`: a literal stays on its line for line-based
tools (N-Triples is one triple per line), and every parser reads back the same string.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import partial
from itertools import groupby
from json.encoder import encode_basestring as _json_string  # the C encoder json.dumps uses for text
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from vbgraph.exports.streams import text_output
from vbgraph.graph.model import Assignee, Body, Deadline, Document, Evidence, Obligation, Relation, Source
from vbgraph.ontology.relations import Rel
from vbgraph.ontology.terms import BASE, ONTOLOGY, REL_PROPERTY, VBO

Triple = tuple[URIRef, URIRef, URIRef | Literal]
_REL_CODES = frozenset(r.value for r in Rel)

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
# line-based tools split on (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR); with them, what a quoted
# string escapes anyway: backslash, double quote, line feed, carriage return. One class: linear
# time. Only literals can hold them: every IRI is URL-quoted ASCII.
_ESCAPE_RE = re.compile(r'[\\"\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]')
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    return _ECHAR.get(c) or f"\\u{ord(c):04X}"


def _quoted(text: str) -> str:
    """`text` as a one-line quoted string, the same in Turtle and N-Triples (STRING_LITERAL_QUOTE)."""
    return f'"{_ESCAPE_RE.sub(_escape, text)}"'


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


def _kind(G: nx.MultiDiGraph, nid: str) -> str | None:
    return G.nodes[nid].get("kind") if nid in G else None


def _key(nid: str) -> tuple[str, str]:
    """Sort key of a node: ids that are one IRI (equal in NFC) come together, then by id."""
    return _nfc(nid), nid


def _out(G: nx.MultiDiGraph, nid: str, codes: Iterable[str], kind: str) -> list[str]:
    """The nodes of `kind` that `nid` has an edge with one of `codes` to, each once, by id."""
    codes = set(codes)
    return sorted(
        {t for _, t, k in G.out_edges(nid, keys=True) if k in codes and _kind(G, t) == kind}, key=_key
    )


def _document(G: nx.MultiDiGraph, nid: str, a: dict, tasks: dict[str, list[str]]) -> Iterator[Triple]:
    """A document, the relations it states (the direct triples) and the tasks it sets out."""
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
    rels = sorted(
        ((t, k) for _, t, k in G.out_edges(nid, keys=True) if k in _REL_CODES),
        key=lambda e: (_key(e[0]), e[1]),
    )
    for t, code in rels:
        yield s, REL_PROPERTY[Rel(code)], doc_iri(t)
    # DAT_RA edges and the tasks whose `document` is this one
    set_out = set(_out(G, nid, ("DAT_RA",), "Obligation")) | set(tasks.get(nid, ()))
    for o in sorted(set_out, key=_key):
        yield s, VBO.datRa, obligation_iri(o)


def _statement(source: str, target: str, code: str, a: dict) -> Iterator[Triple]:
    """A relation's rdf:Statement and its evidence."""
    prop = REL_PROPERTY[Rel(code)]
    stmt = relation_iri(source, code, target)
    yield stmt, RDF.type, RDF.Statement
    yield stmt, RDF.subject, doc_iri(source)
    yield stmt, RDF.predicate, prop
    yield stmt, RDF.object, doc_iri(target)
    for i, ev in enumerate(a.get("evidence") or [], start=1):
        e = URIRef(f"{stmt}/evidence/{i}")
        yield stmt, VBO.evidence, e
        yield from _evidence(e, ev)


def _body(G: nx.MultiDiGraph, nid: str, a: dict) -> Iterator[Triple]:
    """A body, the body it belongs to (`part_of` or THUOC) and the documents it issued (BAN_HANH)."""
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
    if parent and _kind(G, parent) == "Body":
        yield s, VBO.thuoc, body_iri(parent)
    for p in _out(G, nid, ("THUOC",), "Body"):
        yield s, VBO.thuoc, body_iri(p)
    for d in _out(G, nid, ("BAN_HANH",), "Document"):
        yield s, VBO.banHanh, doc_iri(d)


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
    """A task, its assignments and its evidence (the document that sets it out says `vbo:datRa`)."""
    s = obligation_iri(nid)
    yield s, RDF.type, VBO.Obligation
    yield s, VBO.id, Literal(_nfc(nid))
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


Pair = tuple[URIRef, URIRef | Literal]  # (predicate, object)
Subject = tuple[URIRef, list[Pair]]


def _subjects(triples: Iterable[Triple]) -> Iterator[Subject]:
    """The triples grouped by subject, subjects in the order first seen, each pair once."""
    by: dict[URIRef, dict[Pair, None]] = {}
    for s, p, o in triples:
        by.setdefault(s, {})[p, o] = None
    for s, pairs in by.items():
        yield s, list(pairs)


def _of_kind(G: nx.MultiDiGraph, kind: str) -> Iterator[list[tuple[str, dict]]]:
    """The nodes of `kind` by id, those that are one IRI (ids equal in NFC) together."""
    ids = sorted((n for n, a in G.nodes(data=True) if a.get("kind") == kind), key=_key)
    for _, same in groupby(ids, key=_nfc):
        yield [(n, G.nodes[n]) for n in same]


def _tasks(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Document id -> the tasks whose `document` field names it (their ids only)."""
    tasks: dict[str, list[str]] = defaultdict(list)
    for n, a in G.nodes(data=True):
        if a.get("kind") == "Obligation" and a.get("document"):
            tasks[a["document"]].append(n)
    return tasks


def _relations(G: nx.MultiDiGraph) -> Iterator[Subject]:
    """Relation statements by (source, target, code), with their evidence. The direct triple is
    written with its source document; here, after the source's statements, only when the source
    is no document node."""
    edges = sorted(
        ((s, t, k) for s, t, k in G.edges(keys=True) if k in _REL_CODES),
        key=lambda e: (_nfc(e[0]), _nfc(e[1]), e[2], e[0], e[1]),
    )
    for _, from_one in groupby(edges, key=lambda e: _nfc(e[0])):
        direct: list[Triple] = []
        for _, same in groupby(from_one, key=lambda e: (_nfc(e[1]), e[2])):
            group = list(same)
            yield from _subjects(x for s, t, k in group for x in _statement(s, t, k, G.edges[s, t, k]))
            if not any(_kind(G, s) == "Document" for s, _, _ in group):
                s, t, k = group[0]
                direct.append((doc_iri(s), REL_PROPERTY[Rel(k)], doc_iri(t)))
        yield from _subjects(direct)


def generate_subjects(G: nx.MultiDiGraph) -> Iterator[Subject]:
    """Every subject of the export once, with its (predicate, object) pairs, each once, in a fixed
    order: documents, relation statements, bodies, obligations, each part by id (two ids equal in
    NFC are one IRI, so one subject). Memory beyond the graph: the sorted ids of one part (and the
    tasks by document while the documents are written), and one subject's triples."""
    tasks = _tasks(G)
    for same in _of_kind(G, "Document"):
        yield from _subjects(x for nid, a in same for x in _document(G, nid, a, tasks))
    tasks.clear()
    yield from _relations(G)
    for same in _of_kind(G, "Body"):
        yield from _subjects(x for nid, a in same for x in _body(G, nid, a))
    for same in _of_kind(G, "Obligation"):
        yield from _subjects(x for nid, a in same for x in _obligation(G, nid, a))


def generate_triples(G: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the export once, subject by subject (see `generate_subjects`)."""
    for s, pairs in generate_subjects(G):
        for p, o in pairs:
            yield s, p, o


def rdf_graph(G: nx.MultiDiGraph) -> Graph:
    """The export as an in-memory rdflib Graph, with the vbgraph prefixes bound: for SPARQL and
    SHACL on a small graph. The writers do not build it."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    for triple in generate_triples(G):
        g.add(triple)
    return g


# -- writers ---------------------------------------------------------------------------------------

# A prefixed name's local part that Turtle (PN_LOCAL) reads as it is: the URL-quoted ids are ASCII
# letters, digits, `_.-~` and `%XX`; a leading `.` or `-`, a trailing `.` and any `~` would need
# `\` escapes, so such an IRI is written in full instead. Disjoint alternatives: linear time.
_PN_LOCAL_RE = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_.-]|%[0-9A-Fa-f]{2})*")
_BARE = {  # datatypes whose Turtle shorthand (a bare number or boolean) reads back the same literal
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}


class _Terms:
    """Terms as text: Turtle (prefixed names, shorthand literals), N-Triples (full IRIs) or JSON-LD
    (compact IRIs, JSON values). Predicates, classes and datatypes are few and kept."""

    def __init__(self) -> None:
        # the longest namespace first, so that a prefix never hides a longer one
        self.prefixes = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
        self.kept: dict[URIRef, str] = {}

    def prefixed(self, iri: str) -> str | None:
        for ns, prefix in self.prefixes:
            if iri.startswith(ns):
                local = iri[len(ns) :]
                if not local or (_PN_LOCAL_RE.fullmatch(local) and not local.endswith(".")):
                    return f"{prefix}:{local}"
                return None
        return None

    def turtle(self, term: URIRef | Literal) -> str:
        if isinstance(term, Literal):
            text = str(term)
            if term.language:
                return f"{_quoted(text)}@{term.language}"
            if term.datatype is None:
                return _quoted(text)
            bare = _BARE.get(term.datatype)
            if bare is not None and bare.fullmatch(text):
                return text
            return f"{_quoted(text)}^^{self.turtle(term.datatype)}"
        if (kept := self.kept.get(term)) is not None:
            return kept
        out = self.prefixed(term) or f"<{term}>"
        if not term.startswith(BASE) or term.startswith(ONTOLOGY):  # vocabulary, not data
            self.kept[term] = out
        return out

    @staticmethod
    def nt(term: URIRef | Literal) -> str:
        if isinstance(term, Literal):
            if term.language:
                return f"{_quoted(str(term))}@{term.language}"
            if term.datatype is None:
                return _quoted(str(term))
            return f"{_quoted(str(term))}^^<{term.datatype}>"
        return f"<{term}>"

    def compact(self, iri: URIRef) -> str:
        """A compact IRI (any suffix: JSON-LD does not restrict it as Turtle does) or the IRI."""
        for ns, prefix in self.prefixes:
            if iri.startswith(ns) and not iri[len(ns) :].startswith("//"):
                return f"{prefix}:{iri[len(ns) :]}"
        return str(iri)

    def jsonld(self, term: URIRef | Literal) -> Any:
        if not isinstance(term, Literal):
            return {"@id": self.compact(term)}
        text = str(term)
        if term.language:
            return {"@language": term.language, "@value": text}
        if term.datatype is None:
            return text
        if term.datatype == XSD.boolean and text in ("true", "false"):
            return text == "true"
        if term.datatype == XSD.integer and _BARE[XSD.integer].fullmatch(text):
            return int(text)
        return {"@type": self.compact(term.datatype), "@value": text}


def _turtle(G: nx.MultiDiGraph) -> Iterator[str]:
    terms = _Terms()
    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"
    for s, pairs in generate_subjects(G):
        rows = (f"{'a' if p == RDF.type else terms.turtle(p)} {terms.turtle(o)}" for p, o in pairs)
        yield f"{terms.turtle(s)} " + " ;\n    ".join(rows) + " .\n\n"


def _ntriples(G: nx.MultiDiGraph) -> Iterator[str]:
    nt = _Terms.nt
    for s, pairs in generate_subjects(G):
        subject = nt(s)
        yield "".join(f"{subject} {nt(p)} {nt(o)} .\n" for p, o in pairs)


def _indented(value: Any, indent: str) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)` writes it, nested
    at `indent`: with an indent json.dumps runs its pure-Python encoder, several times slower than
    this, which leaves each string to the C one."""
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = ",\n".join(f"{inner}{_json_string(k)}: {_indented(value[k], inner)}" for k in sorted(value))
        return f"{{\n{items}\n{indent}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _indented(v, inner) for v in value) + f"\n{indent}]"
    return json.dumps(value, ensure_ascii=False)  # nothing else is made above; kept exact anyway


def _jsonld(G: nx.MultiDiGraph) -> Iterator[str]:
    """What `json.dumps(..., indent=2, sort_keys=True)` makes of {"@context", "@graph"}, written
    one node object at a time."""
    terms = _Terms()
    context = json.dumps({"@context": dict(PREFIXES)}, ensure_ascii=False, indent=2, sort_keys=True)
    yield context[: context.rindex("}")].rstrip() + ',\n  "@graph": ['
    sep = "\n    "
    for s, pairs in generate_subjects(G):
        node: dict[str, Any] = {"@id": terms.compact(s)}
        for p, o in pairs:
            if p == RDF.type and isinstance(o, URIRef):
                node.setdefault("@type", []).append(terms.compact(o))
            else:
                node.setdefault(terms.compact(p), []).append(terms.jsonld(o))
        node = {k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in node.items()}
        yield sep + _indented(node, "    ")
        sep = ",\n    "
    yield ("\n  ]\n}\n" if sep != "\n    " else "]\n}\n")


_WRITERS = {"turtle": _turtle, "nt": _ntriples, "json-ld": _jsonld}


def _format(format: str) -> str:
    fmt = FORMAT_ALIASES.get(format)
    if fmt is None:
        raise ValueError(f"unknown RDF format {format!r}; choose one of: turtle, json-ld, nt")
    return fmt


def write_rdf(G: nx.MultiDiGraph, out: str | Path | IO[str], format: str = "turtle") -> None:
    """Write the export to a path (atomically) or a text stream, a subject at a time."""
    chunks = _WRITERS[_format(format)](G)
    with text_output(out) as fh:
        for chunk in chunks:
            fh.write(chunk)


def serialize(G: nx.MultiDiGraph, format: str = "turtle") -> str:
    """The export as text (what `write_rdf` writes), byte-stable: the same graph gives the same text."""
    buf = io.StringIO()
    write_rdf(G, buf, format)
    return buf.getvalue()


write_turtle = partial(write_rdf, format="turtle")
write_jsonld = partial(write_rdf, format="json-ld")
write_ntriples = partial(write_rdf, format="nt")
