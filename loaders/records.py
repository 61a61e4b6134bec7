"""What a file says: the extraction records the loaders produce and the store keeps.

Records are per file and carry evidence; they are the source of truth in the store. The graph
(graph/model.py) is derived from all of them together by graph/resolve.py, so a reference seen
in one file meets the document whose text arrives in another.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cache
from sys import intern
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Where a statement is made: 1-based line of the ingested file's text and the words; for a
    PDF also the page and the line on it, for a Word file the paragraph, and whether OCR read it."""

    file: str
    line: int
    quote: str
    page: int | None = None
    page_line: int | None = None
    paragraph: int | None = None
    ocr: bool = False

    def where(self) -> dict[str, Any]:
        """The place fields that say something (for evidence dicts)."""
        return {k: v for k in ("page", "page_line", "paragraph", "ocr") if (v := getattr(self, k))}


@dataclass(frozen=True)
class Issue:
    """A problem met while reading a file; reading goes on."""

    file: str
    line: int | None
    kind: str
    message: str
    level: str = "warning"


@dataclass(frozen=True)
class TextDocument:
    """A document whose text is in a file (in_corpus)."""

    index: int  # position in the file, 0-based
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
    signer: str | None
    first_line: int
    last_line: int
    identified_by: str  # header | listing | attachment-line | lead | extract | none
    header_end: int  # last line of the header block (title included)
    body_start: int  # first line after the preamble


@dataclass(frozen=True)
class Citation:
    """One mention of a document in a file, with what the words say about it."""

    kind: str  # numbered | named | descriptive | alias | short
    type: str | None
    type_code: str | None
    number: str | None
    issuer_code: str | None
    symbol: str | None
    date: str | None
    issuer: str | None
    jurisdiction: str | None  # of the cited document when the words say; else the citing text's
    title: str | None
    name: str | None
    evidence: Evidence
    stated_by: int | None  # index of the citing TextDocument; None in front matter
    relation: str | None  # relation code from the citing document; None: no edge from it
    about: tuple[tuple[int, str], ...] = ()  # (index of another citation in the file, code)
    role: str = "cite"  # cite | listing | self | attachment
    central: bool | None = None
    # more relation codes the same words state from the citing document: 'sửa đổi Điều 8 và bãi bỏ
    # Điều 9 của Quyết định số …' amends and repeals it (SUA_DOI in `relation`, BAI_BO here)
    also: tuple[str, ...] = ()
    # the date is a list's, written after a later symbol ('Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày …'):
    # one written after the symbol itself, in this file or another, beats it
    date_shared: bool = False


@dataclass(frozen=True)
class Assignment:
    """A body a task is given to, by the name the text uses, and its role."""

    name: str
    role: str  # chu_tri | thuc_hien | phoi_hop


@dataclass(frozen=True)
class ObligationRecord:
    """One task a text assigns ("giao cho"), as read: who, what, by when, which document it
    should produce, and where it is said.

    `deadline` is {"text", "start", "end"} (ISO dates or None) and `produces` {"type", "title"}.
    It belongs to the file's TextDocument `document` or, on a page relaying a document whose text
    it does not hold, to the document of citation `cited`. `corrections` are the header words and
    names read as the vocabulary's ({"line", "kind", "message"}), only until the document's stage
    turns them into Issues.
    """

    text: str
    assignees: tuple[Assignment, ...]
    deadline: dict | None
    recurring: str | None
    produces: dict | None
    produces_level: str | None
    kind: str  # section | sentence | table
    evidence: Evidence
    document: int | None = None
    cited: int | None = None
    deadline_text: str | None = None  # a table's deadline cell as written
    corrections: tuple[dict, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The obligation as the dicts of earlier versions had it: only the fields that apply."""
        d = asdict(self)
        d["assignees"] = [{"name": a.name, "role": a.role} for a in self.assignees]
        d["corrections"] = list(self.corrections)
        d["evidence"] = {
            "file": self.evidence.file,
            "line": self.evidence.line,
            "quote": self.evidence.quote,
            **self.evidence.where(),
        }
        for k in ("document", "cited", "deadline_text"):
            if d[k] is None:
                del d[k]
        if not self.corrections:
            del d["corrections"]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ObligationRecord:
        """The record `FileRecord.to_dict` wrote, or the plain dict of an earlier version (no
        `document` or `cited` key when it did not apply, evidence without the empty places)."""
        return cls(
            text=d["text"],
            assignees=tuple(Assignment(a["name"], a["role"]) for a in d["assignees"]),
            deadline=d.get("deadline"),
            recurring=d.get("recurring"),
            produces=d.get("produces"),
            produces_level=d.get("produces_level"),
            kind=d["kind"],
            evidence=Evidence(**_known(Evidence, d["evidence"])),
            document=d.get("document"),
            cited=d.get("cited"),
            deadline_text=d.get("deadline_text"),
            corrections=tuple(d.get("corrections", ())),
        )


@dataclass(frozen=True)
class FileRecord:
    """Everything extracted from one file."""

    file: str
    sha256: str
    jurisdiction: str | None
    documents: tuple[TextDocument, ...]
    citations: tuple[Citation, ...]
    issues: tuple[Issue, ...] = ()
    obligations: tuple[ObligationRecord, ...] = field(default=())
    format: str = "text"  # the reader: text | pdf | docx | doc | html | image

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FileRecord:
        """The record `to_dict` wrote, also by an earlier version: fields since removed
        (TextDocument.issuer_level, Citation.alias_of) are left out."""
        return cls(
            file=d["file"],
            sha256=d["sha256"],
            jurisdiction=d.get("jurisdiction"),
            documents=tuple(TextDocument(**_known(TextDocument, x)) for x in d["documents"]),
            citations=tuple(
                Citation(
                    **{
                        **_known(Citation, c),
                        "evidence": Evidence(**_known(Evidence, c["evidence"])),
                        "about": tuple(tuple(a) for a in c["about"]),
                        "also": tuple(c.get("also", ())),
                    }
                )
                for c in d["citations"]
            ),
            issues=tuple(Issue(**_known(Issue, i)) for i in d.get("issues", ())),
            obligations=tuple(ObligationRecord.from_dict(o) for o in d.get("obligations", ())),
            format=d.get("format", "text"),
        )


# Fields whose values repeat across a store's records (a type, a place, an issuer, a role, the
# file of each piece of evidence): read back from JSON, every occurrence is a string of its own;
# one shared string each makes the records a resolution holds a quarter smaller.
_SHARED = frozenset(
    {"kind", "type", "type_code", "issuer_code", "issuer", "jurisdiction", "relation", "role", "file"}
)


def _known(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    """The items of `d` that are fields of dataclass `cls`: a store keeps records as dicts, and
    one written before a field was removed still loads."""
    names = _field_names(cls)
    return {k: intern(v) if k in _SHARED and type(v) is str else v for k, v in d.items() if k in names}


@cache
def _field_names(cls: type) -> frozenset[str]:
    """Looked up once per class: every record read back from the store asks for each item."""
    return frozenset(f.name for f in fields(cls))
