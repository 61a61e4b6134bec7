"""What the graph holds, declared once: Document, Body, Relation, Obligation and their parts.

The extraction records of one file are in loaders/records.py; graph/resolve.py turns all of them
together into these. Every sink takes its fields from here (`fields_of`), the JSON contract
(docs/graph-json-v1.md) is checked against them, and the Python API returns them. Each class
reads a node or an edge of the networkx store (`from_node`, `from_edge`) and writes the
graph-json-v1 dict (`to_dict`), in the contract's field order.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar

_FIELDS: dict[type, tuple[str, ...]] = {}


def fields_of(cls: type) -> tuple[str, ...]:
    """The field names of a model class, in order: what every sink writes for it (looked up once
    per class: a list of 100k documents asks for each)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls))
    return names


@dataclass(frozen=True)
class Evidence:
    """Where a statement is made: the file, the line of the text read from it, the words; for a PDF
    the page and the line on it, for a Word file the paragraph, and whether OCR read it. `document`
    is the document whose text states it (None in a compilation's front matter)."""

    file: str
    line: int | None
    quote: str
    document: str | None = None
    page: int | None = None
    page_line: int | None = None
    paragraph: int | None = None
    ocr: bool = False

    PLACE: ClassVar[tuple[str, ...]] = ("page", "page_line", "paragraph", "ocr")

    @classmethod
    def from_dict(cls, d: dict) -> Evidence:
        place: dict[str, Any] = {k: d[k] for k in cls.PLACE if d.get(k)}
        return cls(
            file=d.get("file") or "",
            line=d.get("line"),
            quote=d.get("quote") or "",
            document=d.get("document"),
            **place,
        )

    def to_dict(self, with_document: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"document": self.document} if with_document else {}
        out |= {"file": self.file, "line": self.line, "quote": self.quote}
        return out | {k: v for k in self.PLACE if (v := getattr(self, k))}


@dataclass(frozen=True)
class Source:
    """The lines of a file that hold a document's text."""

    file: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Document:
    """A document, in the corpus (its text was read) or only referred to."""

    id: str
    type: str | None
    type_code: str | None
    number: str | None
    issuer_code: str | None
    symbol: str | None
    date: str | None
    issuer: str | None
    jurisdiction: str | None
    title: str | None
    name: str | None
    in_corpus: bool
    source: Source | None
    level: str | None = None
    signer: str | None = None
    identified_by: str | None = None

    @classmethod
    def from_node(cls, nid: str, a: dict) -> Document:
        src = a.get("source")
        return cls(
            **{f: a.get(f) for f in fields_of(cls) if f not in ("id", "in_corpus", "source")},
            id=nid,
            in_corpus=bool(a.get("in_corpus")),
            source=Source(**src) if src else None,
        )

    def to_dict(self) -> dict[str, Any]:
        out = {f: getattr(self, f) for f in fields_of(Document)}
        out["source"] = (
            None if self.source is None else {f: getattr(self.source, f) for f in fields_of(Source)}
        )
        return out


@dataclass(frozen=True)
class Body:
    """A body that issues documents or is assigned tasks; `generic` when the name is only a kind of
    unit ("sở", "ngành tỉnh"), `aliases` the other spellings merged into it."""

    id: str
    name: str
    jurisdiction: str | None
    part_of: str | None
    level: str | None
    aliases: tuple[str, ...] = ()
    generic: bool = False

    @classmethod
    def from_node(cls, nid: str, a: dict) -> Body:
        return cls(
            id=nid,
            name=a.get("name") or nid,
            jurisdiction=a.get("jurisdiction"),
            part_of=a.get("part_of"),
            level=a.get("level"),
            aliases=tuple(a.get("aliases") or ()),
            generic=bool(a.get("generic")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {f: (list(v) if isinstance(v := getattr(self, f), tuple) else v) for f in fields_of(Body)}


@dataclass(frozen=True)
class Relation:
    """One typed relation between two documents (THUC_HIEN, THAY_THE, …) with every place that says so."""

    source: str
    target: str
    type: str
    label: str | None
    evidence: tuple[Evidence, ...]

    @classmethod
    def from_edge(cls, s: str, t: str, code: str, a: dict) -> Relation:
        return cls(
            source=s,
            target=t,
            type=code,
            label=a.get("label"),
            evidence=tuple(Evidence.from_dict(e) for e in a.get("evidence", [])),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "label": self.label,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Assignee:
    """Who a task is given to, and as what: chu_tri (leads), phoi_hop (cooperates), thuc_hien (does)."""

    body: str
    role: str


@dataclass(frozen=True)
class Deadline:
    """A deadline as written and the day range it means (ISO dates; `start` None for "before …")."""

    text: str | None
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Obligation:
    """A task a document sets out ("giao cho"): who, by when, what it should produce, whether done."""

    id: str
    document: str
    text: str
    assignees: tuple[Assignee, ...]
    deadline: Deadline | None
    recurring: str | None
    produces: dict | None
    produces_level: str | None
    fulfilled_by: str | None
    fulfilment: str | None
    fulfilment_score: float | None
    status: str | None
    source: str | None
    evidence: Evidence
    more_evidence: tuple[Evidence, ...] = ()

    @classmethod
    def from_node(cls, nid: str, a: dict) -> Obligation:
        dl = a.get("deadline")
        return cls(
            id=nid,
            document=a["document"],
            text=a.get("text") or "",
            assignees=tuple(Assignee(x["body"], x["role"]) for x in a.get("assignees") or ()),
            deadline=Deadline(dl.get("text"), dl.get("start"), dl.get("end")) if dl else None,
            **{
                f: a.get(f)
                for f in (
                    "recurring",
                    "produces",
                    "produces_level",
                    "fulfilled_by",
                    "fulfilment",
                    "fulfilment_score",
                    "status",
                    "source",
                )
            },
            evidence=Evidence.from_dict(a["evidence"]),
            more_evidence=tuple(Evidence.from_dict(e) for e in a.get("more_evidence") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        """The contract's obligation: its fields by name (sorted, as the store keeps them), id last."""
        out: dict[str, Any] = {
            "assignees": [{"body": x.body, "role": x.role} for x in self.assignees],
            "deadline": None
            if self.deadline is None
            else {"end": self.deadline.end, "start": self.deadline.start, "text": self.deadline.text},
            "document": self.document,
            "evidence": self.evidence.to_dict(with_document=False),
            "fulfilled_by": self.fulfilled_by,
            "fulfilment": self.fulfilment,
            "fulfilment_score": self.fulfilment_score,
            "more_evidence": [e.to_dict(with_document=False) for e in self.more_evidence],
            "produces": self.produces,
            "produces_level": self.produces_level,
            "recurring": self.recurring,
            "source": self.source,
            "status": self.status,
            "text": self.text,
        }
        return out | {"id": self.id}


@dataclass(frozen=True)
class GraphIssue:
    """A problem met while reading or resolving (an ambiguous reference, a date conflict …)."""

    kind: str
    file: str | None
    line: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "line": self.line, "message": self.message}


NODE_CLASSES: dict[str, type] = {"Document": Document, "Body": Body, "Obligation": Obligation}
