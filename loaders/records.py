"""What a file says: the extraction records the loaders produce and the store keeps.

Records are per file and carry evidence; they are the source of truth in the store. The graph
(graph/model.py) is derived from all of them together by graph/resolve.py, so a reference seen
in one file meets the document whose text arrives in another.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
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
    identified_by: str  # header | listing | attachment-line | none
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


@dataclass(frozen=True)
class FileRecord:
    """Everything extracted from one file."""

    file: str
    sha256: str
    jurisdiction: str | None
    documents: tuple[TextDocument, ...]
    citations: tuple[Citation, ...]
    issues: tuple[Issue, ...] = ()
    obligations: tuple[dict, ...] = field(default=())
    format: str = "text"  # the reader: text | pdf | docx | doc | html

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
                    }
                )
                for c in d["citations"]
            ),
            issues=tuple(Issue(**_known(Issue, i)) for i in d.get("issues", ())),
            obligations=tuple(d.get("obligations", ())),
            format=d.get("format", "text"),
        )


def _known(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    """The items of `d` that are fields of dataclass `cls`: a store keeps records as dicts, and
    one written before a field was removed still loads."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in d.items() if k in names}
