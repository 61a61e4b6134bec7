"""One file in, one FileRecord out: documents with their identity, and every citation with evidence.

Only the wiring of the stages lives here, each in a module named by its verb: clean (clean.py),
segment (segment.py, with the line signals of signals.py), identify (identify.py, header.py),
cite (cite.py, named.py), classify (classify.py), assign (obligations.py, bodies.py).
The read stage (read.py: text in any encoding, PDF, Word, web pages) comes first; `parse_text` is
pure; `parse(path)` only adds reading the file. Problems with single items go to
the record's issues and reading goes on; a file that cannot be read raises UnreadableFile.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import replace
from pathlib import Path

from vbgraph.loaders.classify import region_citations
from vbgraph.loaders.clean import clean_file
from vbgraph.loaders.copies import copy_notes
from vbgraph.loaders.furniture import page_furniture
from vbgraph.loaders.header import parse_header
from vbgraph.loaders.identify import cited_local_places, document, draft, file_jurisdiction, placed_extracts
from vbgraph.loaders.normalize import strip_markup
from vbgraph.loaders.obligations import announced, document_obligations, relayed_obligations
from vbgraph.loaders.records import Citation, FileRecord, Issue
from vbgraph.loaders.segment import Paragraphs, regions, segment, split_long_lines
from vbgraph.loaders.sources import Source


def parse_text(text: str, file: str) -> FileRecord:
    """The stages, in order: clean -> segment -> identify -> cite and classify -> assign.

    The cyclic garbage collector is paused meanwhile: the stages make many small objects and
    few cycles, and its passes over them (with the loaders' caches, all long-lived) cost a
    tenth of the time; what a parse leaves is collected when it resumes."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _parse_text(text, file)
    finally:
        if paused:
            gc.enable()


def _parse_text(text: str, file: str) -> FileRecord:
    lines, origin = split_long_lines(["", *clean_file(text)])  # clean; a text on one line is cut up
    lines = copy_notes(page_furniture(lines))
    clean = [strip_markup(x) for x in lines]
    issues: list[Issue] = []
    blocks = segment(lines, clean)
    headers = [parse_header(lines, b, clean) for b in blocks]
    file_jur = file_jurisdiction(headers, clean)
    drafts = [draft(lines, clean, b, h, file_jur) for b, h in zip(blocks, headers, strict=True)]
    citations: list[Citation] = []
    paras = Paragraphs(clean)  # the citation and obligation stages read the same paragraphs
    for k, first, last in regions(blocks, len(lines) - 1):
        d = drafts[k] if k is not None else None
        jur = d.jurisdiction if d else file_jur
        citations.extend(region_citations(clean, first, last, k, d, jur, file, issues, len(citations), paras))
    docs = placed_extracts(
        [document(clean, drafts, k, citations, file_jur, file, issues) for k in range(len(drafts))]
    )
    citations = cited_local_places(citations, docs, drafts)
    relay = announced(clean, citations) if all(td.identified_by == "none" for td in docs) else None
    if relay is None:
        obligations = [o for td in docs for o in document_obligations(clean, td, file, issues, paras)]
    else:  # a page that holds no document of its own relays the one it announces
        obligations = relayed_obligations(clean, relay, file, issues, paras)
    if not docs:  # a page, scan or scrape in which nothing is recognised: say so, never in silence
        issues.append(Issue(file, None, "no-document", "no document recognised in the text"))
    if file_jur is None:  # a page that names its place only in a lead or an issuer
        local = {td.jurisdiction for td in docs if td.jurisdiction and td.jurisdiction != "Trung ương"}
        file_jur = local.pop() if len(local) == 1 else None
    record = FileRecord(
        file=file,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        jurisdiction=file_jur,
        documents=tuple(docs),
        citations=tuple(citations),
        issues=tuple(issues),
        obligations=tuple(obligations),
    )
    return _to_source_lines(record, origin) if origin != list(range(len(origin))) else record


def _to_source_lines(rec: FileRecord, origin: list[int]) -> FileRecord:
    """Line numbers of the pieces a long line was cut into, back to the file's own lines."""
    docs = tuple(
        replace(
            d,
            first_line=origin[d.first_line],
            last_line=origin[d.last_line],
            header_end=origin[min(d.header_end, len(origin) - 1)],
            body_start=origin[min(d.body_start, len(origin) - 1)],
        )
        for d in rec.documents
    )
    cits = tuple(
        replace(c, evidence=replace(c.evidence, line=origin[c.evidence.line])) for c in rec.citations
    )
    obls = tuple(
        replace(o, evidence=replace(o.evidence, line=origin[o.evidence.line])) for o in rec.obligations
    )
    issues = tuple(replace(i, line=origin[i.line]) if i.line is not None else i for i in rec.issues)
    return replace(rec, documents=docs, citations=cits, obligations=obls, issues=issues)


def parse_source(src: Source, file: str) -> FileRecord:
    """The stages over a read file; evidence gains the reader's places (page and line on it,
    paragraph, OCR) and the reader's notes become warnings of the file."""
    rec = parse_text(src.text, file)
    read_issues = tuple(Issue(file, None, "read", w) for w in src.warnings)
    rec = replace(rec, format=src.format, issues=read_issues + rec.issues)
    if not src.places:
        return rec

    def where(line: int) -> dict:
        place = src.place(line)
        return place.as_dict() if place is not None else {}

    cits = tuple(replace(c, evidence=replace(c.evidence, **where(c.evidence.line))) for c in rec.citations)
    obls = tuple(replace(o, evidence=replace(o.evidence, **where(o.evidence.line))) for o in rec.obligations)
    return replace(rec, citations=cits, obligations=obls)


def parse(path: str | Path, *, ocr: bool = False) -> FileRecord:
    """Read a file of any supported format and run the stages over it."""
    from vbgraph.loaders.read import read_source

    path = Path(path)
    return parse_source(read_source(path, ocr=ocr), path.name)
