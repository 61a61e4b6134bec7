"""Cross-document resolution: every citation in every file meets one document node.

Pure: `resolve(records)` gives the same documents, relations and issues for the same records,
whatever order they were ingested in.

- A citation with a date goes to the document with that symbol and date; with another date of
  the same symbol it is a different document (numbers restart every term) unless both carry
  the same subject, which makes it a date conflict of one document.
- A citation without a date goes to the only document with that symbol; with several it stays
  an ambiguous reference, reported and never guessed.
- A document cited by issuer and subject ("Chỉ thị của Bộ Chính trị về …") goes to the known
  document of that type whose subject it repeats.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from vbgraph.graph import tasks
from vbgraph.graph.identity import CENTRAL, base_key, document_id
from vbgraph.loaders import bodies as bd
from vbgraph.loaders import places, signals
from vbgraph.loaders.header import find_provinces
from vbgraph.loaders.normalize import containment, fold, slug
from vbgraph.loaders.records import Assignment, Citation, Evidence, FileRecord, ObligationRecord, TextDocument
from vbgraph.ontology import tables
from vbgraph.ontology.relations import Edge, Rel

SAME_SUBJECT = 0.8
TEXTS, DATED, UNDATED, DESCRIPTIVE = 0, 1, 2, 3  # the passes of `Resolver.run`, in order

Place = tuple[str, int]  # (file, index in it) of a text document or of a citation
CitationAt = tuple[FileRecord, int, Citation]  # a citation with its file and index there
EdgeKey = tuple[str, str, str]  # (source, target, code)
TaskEdge = tuple[str, str, str, dict]  # (source, target, code, attrs)


def _finer(date: str, than: str) -> bool:
    """Is `date` the same as `than` told more precisely ('2013-11-29' than '2013')?"""
    return len(date) > len(than) and date.startswith(than)


@dataclass
class Doc:
    key: tuple
    type: str | None = None
    type_code: str | None = None
    number: str | None = None
    issuer_code: str | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    jurisdiction: str | None = None
    title: str | None = None
    name: str | None = None
    in_corpus: bool = False
    source: dict | None = None
    signer: str | None = None
    identified_by: str | None = None
    # the issuer a citation named a referenced document by, before its citations are tallied: what
    # tells the UBND tỉnh's 45/KH-UBND from the UBND huyện's cited beside it (`_issuer_of`)
    named_by: str | None = None
    created: tuple = ()  # (pass, file, index) of what made it known: the order `_Subjects` ties go by
    titles: Counter = field(default_factory=Counter)
    issuers: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)

    @property
    def id(self) -> str:
        place = self.key[3] if len(self.key) > 3 else None  # see `add_text_document`
        return document_id(self.symbol, self.date, self.jurisdiction, self.issuer_code, self.name, place)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "type_code": self.type_code,
            "number": self.number,
            "issuer_code": self.issuer_code,
            "symbol": self.symbol,
            "date": self.date,
            "issuer": self.issuer,
            "jurisdiction": self.jurisdiction,
            "title": self.title,
            "name": self.name,
            "in_corpus": self.in_corpus,
            "source": self.source,
            "signer": self.signer,
            "identified_by": self.identified_by,
            "level": level_of(self.jurisdiction, self.issuer),
        }

    def tally(self, c: Citation) -> None:
        """Count the title (of a numbered citation), issuer and type citation `c` gives this document."""
        if c.title and c.kind == "numbered":
            self.titles[c.title] += 1
        if c.issuer:
            self.issuers[c.issuer] += 1
        if c.type:
            self.types[c.type] += 1

    def learn_from_citations(self) -> None:
        """For a document known only by reference: the title, issuer and type its citations give
        most often, so the words of several files outvote one misreading."""
        if self.titles:
            self.title = max(self.titles.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        if self.issuers and not self.issuer:
            self.issuer = self._issuer_from_citations()
        if not self.issuer:  # 'Luật … số 72/2025/QH15': the code's only issuer
            self.issuer = tables.sole_issuer(self.issuer_code)
        if self.types and self.type_code:
            allowed = tables.types_by_code().get(self.type_code.upper(), ())
            self.type = next((t for t, _ in self.types.most_common() if t in allowed), self.type)

    def _issuer_from_citations(self) -> str:
        """The issuer cited most often; a local body ("Ủy ban nhân dân") gets the document's
        province, since citations within a province leave it out."""
        iss = max(self.issuers.items(), key=lambda kv: (kv[1], kv[0]))[0]
        b = tables.canonical_body(iss)
        if b and b.level != "central" and self.jurisdiction and self.jurisdiction != CENTRAL:
            return f"{iss} {self.jurisdiction}"
        return iss


def level_of(jurisdiction: str | None, issuer: str | None) -> str:
    """central | province | district | commune: for styling and for "central directives" questions."""
    if jurisdiction == CENTRAL:
        return "central"
    level = signals.body_level(issuer)
    return level if level in ("district", "commune") else "province"


@dataclass
class Resolved:
    documents: list[dict]
    relations: list[dict]
    issues: list[dict]
    bodies: list[dict] = field(default_factory=list)
    obligations: list[dict] = field(default_factory=list)
    task_edges: list[tuple[str, str, str, dict]] = field(
        default_factory=list
    )  # BAN_HANH, THUOC, DAT_RA, GIAO_CHO, DUOC_THUC_HIEN_BOI: (source, target, key, attrs)
    as_of: str | None = None


def _jur(c: Citation, file_jur: str | None) -> str | None:
    """The place a citation's document belongs to: the centre's when the words or the code say so,
    unless the words name a province's body (`Citation.central` False)."""
    if c.central:
        return CENTRAL
    if c.central is False:
        return c.jurisdiction or file_jur
    if c.symbol and tables.is_central_code(c.issuer_code, party=tables.party_symbol(c.symbol)):
        return CENTRAL
    return c.jurisdiction or file_jur


def _issuer_of(d: Doc) -> str | None:
    """A document's issuer as identity compares it: its text's, else the one a citation named."""
    return d.issuer or d.named_by


def _other_place(a: str | None, b: str | None) -> bool:
    """Do two issuers name two different places ('Huyện ủy Nghi Lộc', 'Huyện ủy Diễn Châu') or
    levels ('Ban Thường vụ Tỉnh ủy Thanh Hóa', 'Ban Thường vụ Thành ủy Thanh Hóa': the province and its
    city)? Not when either names none."""
    pa, pb = places.place_name(a), places.place_name(b)
    if pa and pb and fold(pa) != fold(pb) and not _same_province(pa, pb):
        return True
    la, lb = signals.body_level(a), signals.body_level(b)
    return bool(la and lb) and la != lb


def _place_tag(issuer: str | None, other: str | None) -> str:
    """What tells a local issuer from `other` of the same number: its place ('muong-cha' of 'Huyện
    ủy Mường Chà'), else its whole name ('ban-thuong-vu-thanh-uy-thanh-hoa' beside the Tỉnh ủy's)."""
    place = places.place_name(issuer)
    if place and fold(place) != fold(places.place_name(other) or ""):
        return slug(place)
    return slug(issuer)


def _same_province(a: str, b: str) -> bool:
    """'Tphcm' and 'Hồ Chí Minh': two spellings of one province's name."""
    pa = find_provinces(a)
    return bool(pa) and pa == find_provinces(b)


def _year(date: str | None) -> str | None:
    return date[:4] if date else None


def _later(date: str | None, than: str | None) -> bool:
    """Is the full date `date` after the full date `than`?"""
    return len(date or "") == 10 and len(than or "") == 10 and date > than  # type: ignore[operator]


# Who speaks or signs for a body: its standing organ, its head ('Ban Thường vụ Tỉnh ủy' and 'Chủ
# tịch UBND tỉnh' issue under the body's code and numbers). Folded.
_STANDING_RE = re.compile(
    r"^(?:ban thuong vu|ban thuong truc|thuong vu|thuong truc|ban chap hanh|tap the lanh dao|chu tich|bi thu"
    r"|giam doc|truong ban) "
)


def _issuer_core(issuer: str) -> str:
    """An issuer as compared with another: its canonical name, folded, without the standing organ
    that speaks for the body and without its province."""
    entry = tables.canonical_body(issuer)
    name = fold(
        entry.name if entry is not None and entry.part_of is None else tasks.canonical_body_name(issuer)
    )
    for p in find_provinces(issuer):
        name = name.replace(f" {fold(p)}", "")
    return _STANDING_RE.sub("", name).replace(
        "dang bo ", "dang uy "
    )  # 'Ban Chấp hành Đảng bộ xã' speaks for its Đảng ủy


def _other_issuer(a: str | None, b: str | None, code: str | None) -> bool:
    """Do two issuers of one issuer code name two bodies that number apart ('Đảng ủy Công an tỉnh'
    and 'Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh', both '-KH/ĐU')? Only for a code the tables
    say many bodies use ([[code]] many); never when either issuer is unknown or the words of one
    are all the other's ('Tỉnh ủy' and 'Ban Thường vụ Tỉnh ủy Bắc Giang')."""
    if not a or not b:
        return False
    info = tables.issuer_codes().get((code or "").upper())
    if info is None or not info.get("many"):
        return False  # one numbering: 'Bộ Chính trị' or 'Ban Chấp hành Trung ương', one 52-NQ/TW
    ca, cb = set(_issuer_core(a).split()), set(_issuer_core(b).split())
    return not (ca <= cb or cb <= ca)  # 'Đảng ủy Quân sự tỉnh' is 'Đảng ủy Bộ Chỉ huy Quân sự tỉnh'


class Resolver:
    def __init__(self) -> None:
        self.docs: dict[tuple, Doc] = {}
        self.by_base: dict[tuple, list[tuple]] = defaultdict(list)
        self.editions: defaultdict[tuple[str, str], set[tuple]] = defaultdict(set)  # see _edition_of
        self.subjects: _Subjects | None = None  # from the first descriptive citation on
        self.issues: list[dict] = []
        self.issued_at: list[tuple] = []  # where each of `issues` was met
        self.at: tuple = ()  # the place being resolved, (pass, file, index): what `_new` records

    def resolving(self, step: int, file: str, index: int) -> Resolver:
        """Say which place the next lookups resolve: the documents they create are known from it."""
        self.at = (step, file, index)
        return self

    # -- documents -------------------------------------------------------------------------
    def _new(self, key: tuple, **kw: Any) -> Doc:
        d = Doc(key=key, created=self.at, **{k: v for k, v in kw.items() if v is not None})
        self.docs[key] = d
        if key[0] == "num":
            self.by_base[key[1]].append(key)
        elif key[0] == "name":
            for stem in _edition_of(key[1]):
                self.editions[(stem, key[2])].add(key)
        if self.subjects is not None:
            self.subjects.add(d)
        return d

    def add_text_document(self, rec: FileRecord, td: TextDocument) -> Doc:
        src = {"file": rec.file, "first_line": td.first_line, "last_line": td.last_line}
        if td.symbol:
            base = base_key(td.type_code, td.type, td.number, td.issuer_code, td.jurisdiction)
            key: tuple = ("num", base, td.date)
            same_year = [
                k
                for k in self.by_base.get(base, [])
                if _year(k[2]) == _year(td.date)
                and not _other_place(td.issuer, self.docs[k].issuer)
                and not self._other_text(self.docs[k], td)
            ]
            if same_year:
                key = same_year[0]
            elif (d := self.docs.get(key)) is not None and _other_place(td.issuer, d.issuer):
                # two districts' (communes') texts of one number and day: two documents, the later
                # read named by its place as well
                key = ("num", base, td.date, _place_tag(td.issuer, d.issuer))
        else:
            key = ("name", slug(td.name or td.title), slug(td.jurisdiction))
        d = self.docs.get(key) or self._new(key)
        if not d.in_corpus:
            d.type, d.type_code, d.number, d.issuer_code = td.type, td.type_code, td.number, td.issuer_code
            d.symbol, d.date, d.issuer, d.jurisdiction = td.symbol, td.date, td.issuer, td.jurisdiction
            d.title, d.name, d.signer, d.source = td.title, td.name, td.signer, src
            d.in_corpus, d.identified_by = True, td.identified_by
        return d

    @staticmethod
    def _other_text(d: Doc, td: TextDocument) -> bool:
        """Is `d` a text read before, dated another day than `td`? Two texts are two documents,
        whatever their numbers say: neither is lost."""
        return d.in_corpus and len(d.date or "") == 10 and len(td.date or "") == 10 and d.date != td.date

    def _numbered(
        self, c: Citation, jur: str | None, *, dated: bool, before: str | None = None
    ) -> Doc | None:
        """The document a numbered citation names; `before`: the date of the citing document."""
        base = base_key(c.type_code, c.type, c.number, c.issuer_code, jur)
        # numbers restart in every district: '45-KH/HU của Ban Thường vụ Huyện ủy Diễn Châu' is not
        # Nghi Lộc's 45-KH/HU of the same province
        cands = [
            self.docs[k]
            for k in self.by_base.get(base, [])
            if not _other_place(c.issuer, _issuer_of(self.docs[k]))
        ]
        # one code, many issuers ('-KH/ĐU' of every Đảng ủy of a province): the one the words name
        own = [d for d in cands if not _other_issuer(c.issuer, _issuer_of(d), c.issuer_code)]
        d = self._numbered_among(c, base, jur, cands, own, dated=dated, before=before)
        if d is not None and not d.in_corpus and d.named_by is None:
            d.named_by = c.issuer
        return d

    def _numbered_among(
        self,
        c: Citation,
        base: tuple,
        jur: str | None,
        cands: list[Doc],
        own: list[Doc],
        *,
        dated: bool,
        before: str | None,
    ) -> Doc | None:
        """The document among `cands` (those of `c`'s number its issuer does not rule out; `own`:
        those of the body it names) a numbered citation names, a new one if none."""
        if dated:
            exact = [d for d in cands if d.date == c.date]
            if exact:
                return exact[0]
            # a day miswritten: the document of that year, by the issuer named, not issued after the text
            same_year = [d for d in own if _year(d.date) == _year(c.date) and not _later(d.date, before)]
            if same_year:
                self._same_year(same_year[0], c)
                return same_year[0]
            if c.title:
                similar = [d for d in cands if d.title and containment(d.title, c.title) >= SAME_SUBJECT]
                if similar:
                    self._conflict(similar[0], c)
                    return similar[0]
            undated = [d for d in cands if d.date is None and not d.in_corpus]
            if len(undated) == 1 and not [d for d in cands if d.date]:
                undated[0].date = c.date
                return undated[0]
            key: tuple = ("num", base, c.date)
            if key in self.docs:
                # the same number and day of another place or level (its issuer ruled it out): two
                # documents, this one named by its place as well
                key = (*key, _place_tag(c.issuer, _issuer_of(self.docs[key])))
                if key in self.docs:
                    return self.docs[key]
            return self._new(
                key,
                type=c.type,
                type_code=c.type_code,
                number=c.number,
                issuer_code=c.issuer_code,
                symbol=c.symbol,
                date=c.date,
                jurisdiction=jur,
                title=c.title,
            )
        if len(own) < len(cands):  # the issuer named rules some out
            cands = own
        if len(cands) == 1:
            return cands[0]
        if not cands:
            if ("num", base, None) in self.docs:  # the undated one is another place's
                return None
            return self._new(
                ("num", base, None),
                type=c.type,
                type_code=c.type_code,
                number=c.number,
                issuer_code=c.issuer_code,
                symbol=c.symbol,
                jurisdiction=jur,
            )
        self._issue(
            {
                "kind": "ambiguous-reference",
                "file": c.evidence.file,
                "line": c.evidence.line,
                "message": f"{c.symbol} without a date matches {len(cands)} documents",
                "candidates": sorted(d.id for d in cands),
                "quote": c.evidence.quote,
            }
        )
        return None

    def _same_year(self, d: Doc, c: Citation) -> None:
        """A dated citation names `d`, of its year: the day it gives when `d` knows only the year,
        a conflict when another day (a list's date shared back to the symbol claims no day)."""
        if len(c.date or "") != 10:
            return
        if not d.date or len(d.date) != 10:
            d.date = c.date  # a year known, now the day
        elif not c.date_shared:
            self._conflict(d, c)

    def _issue(self, issue: dict) -> None:
        self.issues.append(issue)
        self.issued_at.append(self.at)

    def _conflict(self, d: Doc, c: Citation) -> None:
        self._issue(
            {
                "kind": "date-conflict",
                "file": c.evidence.file,
                "line": c.evidence.line,
                "message": f"{d.symbol} is dated {d.date} but cited here as {c.date}",
                "document": d.id,
                "quote": c.evidence.quote,
            }
        )

    def _named(self, c: Citation, jur: str | None) -> Doc:
        key = ("name", slug(c.name), "" if jur == CENTRAL else slug(jur))
        if key not in self.docs:
            # "Bộ luật Lao động" without its year: the only known edition, if there is one.
            editions = self.editions.get((key[1], key[2]), set())
            if len(editions) == 1:
                return self.docs[next(iter(editions))]
        d = self.docs.get(key) or self._new(key, type=c.type, name=c.name, jurisdiction=jur, issuer=c.issuer)
        if c.date and not d.in_corpus and (d.date is None or _finer(c.date, d.date)):
            d.date = c.date  # 'Luật Đất đai năm 2013' is dated 2013, or the day a citation gives
        return d

    def _descriptive(self, c: Citation, jur: str | None) -> Doc:
        if self.subjects is None:  # the first descriptive citation: titles and issuers are settled
            self.subjects = _Subjects(self.docs.values())
        best = self.subjects.best(c, jur)
        if best is not None:
            return best
        issuer = c.issuer
        if issuer and jur and jur != CENTRAL:
            issuer = f"{issuer} {jur}"
        name = " ".join(x for x in (c.type, f"của {issuer}" if issuer else None, c.title) if x)
        key = ("name", slug(name), "" if jur == CENTRAL else slug(jur))
        return self.docs.get(key) or self._new(
            key, type=c.type, name=name, jurisdiction=jur, issuer=issuer, title=c.title
        )

    # -- everything ------------------------------------------------------------------------
    def run(self, records: list[FileRecord]) -> Resolved:
        """Documents, relations with evidence, issues, bodies and obligations of all files. Files
        are taken in name order, so the result never depends on the order they were ingested in."""
        records = sorted(records, key=lambda r: r.file)
        text_docs, cits, target = self.identities(records)
        for rec, i, c in cits:  # last: matched by subject and issuer, which the others settle
            if _form(c) == "descriptive":
                d = self.resolving(DESCRIPTIVE, rec.file, i)._descriptive(c, _jur(c, rec.jurisdiction))
                target[(rec.file, i)] = d
        relations = _relations(_evidenced_edges(cits, text_docs, target))
        self.issues.extend(_file_issues(records))
        documents = sorted((d.as_dict() for d in self.docs.values()), key=lambda d: d["id"])
        issues = sorted(self.issues, key=lambda x: (x["file"] or "", x["line"] or 0, x["kind"], x["message"]))
        bodies, obligations, task_edges, as_of = self._obligations(
            records, text_docs, _relayed(records, target), documents, _implementers(relations, documents)
        )
        return Resolved(documents, relations, issues, bodies, obligations, task_edges, as_of)

    def identities(
        self,
        records: list[FileRecord],
        only: set[str] | None = None,
        parts: Mapping[str, RecordParts] | None = None,
    ) -> tuple[dict[Place, Doc], list[CitationAt], dict[Place, Doc | None]]:
        """The text documents, the citations and the documents numbered and named citations name,
        each document with what its citations say of it. `only`: the identity partitions (see
        `partitions`) to resolve, of records sorted by name that hold every item of them; they
        never meet the others, so resolving them alone gives what resolving all gives them.
        `parts`: each file's `record_partitions`, when the caller has them already."""
        if only is not None and parts is None:  # from here on, `parts` is known whenever `only` is
            parts = {rec.file: record_partitions(rec) for rec in records}
        text_docs: dict[Place, Doc] = {}
        for rec in records:
            for pos, td in enumerate(rec.documents):
                if parts is None or only is None or parts[rec.file][0][pos] in only:
                    self.resolving(TEXTS, rec.file, pos)
                    text_docs[(rec.file, td.index)] = self.add_text_document(rec, td)
        cits = [
            (rec, i, c)
            for rec in records
            for i, c in enumerate(rec.citations)
            if parts is None or only is None or parts[rec.file][1][i] in only
        ]
        target = self._numbered_and_named_targets(cits, text_docs)
        for rec, i, c in cits:
            if (d := target.get((rec.file, i))) is not None:
                d.tally(c)
        for d in self.docs.values():
            if not d.in_corpus:
                d.learn_from_citations()
        return text_docs, cits, target

    def _numbered_and_named_targets(
        self, cits: list[CitationAt], text_docs: Mapping[Place, Doc]
    ) -> dict[Place, Doc | None]:
        """Targets by symbol and by name, in three passes: dated numbered citations first, as they
        create the documents that undated ones then find (or, when several, report as ambiguous);
        a document's own symbol last, pointing at the text document that states it."""
        target: dict[Place, Doc | None] = {}
        # a date written after the symbol first: a list's date shared back to it ('Nghị quyết số
        # 68-NQ/TW và Nghị quyết số 66-NQ/TW ngày 30/4/2025') finds the document it dates, or makes one
        for shared in (False, True):
            for rec, i, c in cits:
                if _form(c) == "numbered" and c.date and not _is_self(c) and c.date_shared is shared:
                    self.resolving(DATED, rec.file, i)
                    before = next((td.date for td in rec.documents if td.index == c.stated_by), None)
                    target[(rec.file, i)] = self._numbered(
                        c, _jur(c, rec.jurisdiction), dated=True, before=before
                    )
        for rec, i, c in cits:
            if _form(c) == "numbered" and not c.date and not _is_self(c):
                self.resolving(UNDATED, rec.file, i)
                target[(rec.file, i)] = self._numbered(c, _jur(c, rec.jurisdiction), dated=False)
            elif _form(c) == "named" and not _is_self(c):
                self.resolving(UNDATED, rec.file, i)
                target[(rec.file, i)] = self._named(c, _jur(c, rec.jurisdiction))
        for rec, i, c in cits:
            if _form(c) == "numbered" and _is_self(c) and c.stated_by is not None:
                target[(rec.file, i)] = text_docs[(rec.file, c.stated_by)]
        return target

    # -- bodies and obligations ------------------------------------------------------------
    def _obligations(
        self,
        records: list[FileRecord],
        text_docs: Mapping[Place, Doc],
        relayed: Mapping[Place, Doc | None],
        documents: list[dict],
        implementers: Mapping[str, list[dict]],
    ) -> tuple[list[dict], list[dict], list[TaskEdge], str | None]:
        """Body nodes (assignees and issuers), obligations with fulfilment and status, the edges
        between them and the documents, and the date statuses are judged on."""
        as_of = _as_of(documents)
        bodies = _Bodies()
        issued = _issuer_edges(documents, bodies)
        book = _Obligations(
            documents={d["id"]: d for d in documents},
            candidates=tasks.FulfilmentIndex(documents),
            implementers=implementers,
            as_of=dt.date.fromisoformat(as_of) if as_of else dt.date.max,
            bodies=bodies,
        )
        for rec in records:
            for o in rec.obligations:
                if o.cited is not None:
                    doc = relayed[(rec.file, o.cited)]
                else:
                    assert o.document is not None  # an obligation belongs to a document or a citation
                    doc = text_docs[(rec.file, o.document)]
                if doc is not None:
                    book.add(o, doc)
        edges = {**bodies.edges, **issued, **book.edges}  # disjoint: each holds its own edge codes
        task_edges = [(s, t, k, edges[(s, t, k)]) for s, t, k in sorted(edges)]
        return (
            sorted(bodies.by_id.values(), key=lambda b: b["id"]),
            sorted(book.records.values(), key=lambda o: o["id"]),
            task_edges,
            as_of,
        )


_EDITION = re.compile(r"-(?:nam-)?(?:19|20)\d{2}")


def _edition_of(name: str) -> set[str]:
    """The yearless names a name key is an edition of ('bo-luat-lao-dong-nam-2019' of
    'bo-luat-lao-dong' and of 'bo-luat-lao-dong-nam'): `_named` looks its editions up by them
    instead of matching every known name."""
    return {name[:-n] for n in (5, 9) if len(name) >= n and _EDITION.fullmatch(name[-n:])}


_EDITION_TAIL = re.compile(r"-(?:(?:19|20)\d{2}|nam)$")


def _edition_root(name: str) -> str:
    """A name without its trailing years and "nam": every name `_edition_of` relates to it has the same root."""
    while m := _EDITION_TAIL.search(name):
        name = name[: m.start()]
    return name


def _partition(*fields: object) -> str:
    return _to_json(fields)


_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps's, made once rather than per call


def text_partition(td: TextDocument) -> str:
    """The identity partition of a text document: by everything of its symbol but the date, or
    by its name's root (an unnumbered document meets its editions)."""
    if td.symbol:
        return _partition("n", *base_key(td.type_code, td.type, td.number, td.issuer_code, td.jurisdiction))
    return _partition("m", _edition_root(slug(td.name or td.title)), slug(td.jurisdiction))


def citation_partition(rec: FileRecord, c: Citation) -> str | None:
    """The partition a citation is resolved in: a numbered or named one in its document's identity
    partition (a document's own symbol in its text document's), a descriptive one in that of its
    type ("d"), which looks across all documents of the type; None: it names nothing."""
    form, jur = _form(c), _jur(c, rec.jurisdiction)
    if form == "numbered" and _is_self(c):
        own = next((td for td in rec.documents if td.index == c.stated_by), None)
        return text_partition(own) if own is not None else None
    if form == "named" and _is_self(c):
        return None  # a text issued with its document ('kèm theo Quyết định này Quy chế …'): no other
    if form == "numbered":
        return _partition("n", *base_key(c.type_code, c.type, c.number, c.issuer_code, jur))
    if form == "named":
        return _partition("m", _edition_root(slug(c.name)), "" if jur == CENTRAL else slug(jur))
    if form == "descriptive":
        return _partition("d", c.type)
    return None


RecordParts = tuple[list[str], list[str | None]]  # partitions of a file's text documents, of its citations


def record_partitions(rec: FileRecord) -> RecordParts:
    """The partition of each of a file's text documents and of each of its citations, in order."""
    return [text_partition(td) for td in rec.documents], [citation_partition(rec, c) for c in rec.citations]


def partitions(rec: FileRecord, parts: RecordParts | None = None) -> set[str]:
    """Every partition a file has an item in: what a change to it makes resolve again. `parts`:
    its `record_partitions`, when the caller has them already."""
    texts, cited = parts if parts is not None else record_partitions(rec)
    return {*texts, *(p for p in cited if p is not None)}


class _Subjects:
    """The documents with a title a descriptive citation may mean, by type and jurisdiction, in
    the order they became known (ties go to the first): a citation is compared only with the
    documents of its type in its jurisdiction or in none, not with every document. Titles and
    issuers no longer change once it is built (the descriptive pass comes last)."""

    def __init__(self, docs: Iterable[Doc]) -> None:
        self.by_type: defaultdict[str | None, list[_Subject]] = defaultdict(list)
        self.by_place: defaultdict[tuple[str | None, str | None], list[_Subject]] = defaultdict(list)
        self.known = 0
        for d in docs:
            self.add(d)

    def add(self, d: Doc) -> None:
        self.known += 1
        if not d.title:
            return
        s = _Subject(self.known, d, fold(d.issuer) if d.issuer else None)
        self.by_type[d.type].append(s)
        self.by_place[(d.type, d.jurisdiction or None)].append(s)

    def best(self, c: Citation, jur: str | None) -> Doc | None:
        """The document of `c`'s type whose title shares most of `c`'s (at least SAME_SUBJECT of
        the shorter), in `jur` or in none, its issuer containing `c`'s: the first known of equals."""
        if not c.title:
            return None
        if jur:
            here, nowhere = self.by_place.get((c.type, jur), []), self.by_place.get((c.type, None), [])
            cands: Iterable[_Subject] = here + nowhere
        else:
            cands = self.by_type.get(c.type, ())
        issuer = fold(c.issuer) if c.issuer else None
        best: _Subject | None = None
        best_score = 0.0
        for s in cands:
            if issuer is not None and s.issuer is not None and issuer not in s.issuer:
                continue
            score = containment(s.doc.title, c.title)
            if score > best_score or (score == best_score and best is not None and s.seq < best.seq):
                best, best_score = s, score
        return best.doc if best is not None and best_score >= SAME_SUBJECT else None


class _Subject(NamedTuple):
    seq: int  # order in which the document became known
    doc: Doc
    issuer: str | None  # folded


# -- the passes of `run` -------------------------------------------------------------------
def _form(c: Citation) -> str:
    """How a citation names its document, by what it carries (not by the reader's `kind`), which
    decides the pass that resolves it."""
    if c.symbol:
        return "numbered"
    if c.name:
        return "named"
    return "descriptive" if c.title else "none"


def _is_self(c: Citation) -> bool:
    """A document's own symbol (its header, an attachment line): it names the text, not a reference."""
    return c.role in ("self", "attachment")


def consolidated_acts(rec: FileRecord) -> dict[int, int]:
    """Citation index -> the index of the citation of the act in whose words it stands, for the
    body of a consolidated text (văn bản hợp nhất, doc_types.toml `consolidates`): under its own
    number ('Số: 02/VBHN-BNV'), its note names the act first ('Nghị định số 06/2010/NĐ-CP …, được
    sửa đổi, bổ sung bởi: …'), then comes the act's text. What that text states ('Căn cứ Luật Cán
    bộ, công chức …', '… thay thế Nghị định số 117/2003/NĐ-CP') the act states, not the
    consolidation, which only cites the act; an act dated after it (an amending act's preamble
    quoted in a footnote) is not the act's."""
    out: dict[int, int] = {}
    for td in rec.documents:
        if not tables.consolidating_type(td.type_code):
            continue
        own = [i for i, c in enumerate(rec.citations) if c.stated_by == td.index and c.role == "cite"]
        act = next((i for i in own if rec.citations[i].symbol or rec.citations[i].name), None)
        if act is None:
            continue
        a = rec.citations[act]
        for i in own:
            c = rec.citations[i]
            if i != act and (c.symbol or c.name) != (a.symbol or a.name) and not _later_than(c.date, a.date):
                out[i] = act
    return out


def _later_than(date: str | None, than: str | None) -> bool:
    return len(date or "") == len(than or "") == 10 and (date or "") > (than or "")


def _evidenced_edges(
    cits: list[CitationAt], text_docs: Mapping[Place, Doc], target: Mapping[Place, Doc | None]
) -> dict[EdgeKey, list[dict]]:
    """Every relation a citation states, with its evidence: from the citing document (or the act a
    consolidated text gives the words of) to the cited one, and between two cited documents
    (`about`: "Chỉ thị … thay thế Chỉ thị …")."""
    edges: defaultdict[EdgeKey, list[dict]] = defaultdict(list)
    acts: dict[str, dict[int, int]] = {}
    for rec, i, c in cits:
        stating = text_docs.get((rec.file, c.stated_by)) if c.stated_by is not None else None
        dst = target.get((rec.file, i))
        if c.relation and stating is not None:
            if rec.file not in acts:
                acts[rec.file] = consolidated_acts(rec)
            act = acts[rec.file].get(i)
            speaker = stating if act is None else target.get((rec.file, act))
            for code in (c.relation, *c.also):
                _add_evidence(edges, speaker, dst, code, c, stating)
        for j, code in c.about:
            _add_evidence(edges, dst, target.get((rec.file, j)), code, c, stating)
    return edges


def _add_evidence(
    edges: defaultdict[EdgeKey, list[dict]],
    src: Doc | None,
    dst: Doc | None,
    code: str,
    c: Citation,
    stating: Doc | None,
) -> None:
    """One piece of evidence for src -code-> dst; none for an unresolved end or a document citing itself."""
    if src is None or dst is None or src is dst:
        return
    edges[(src.id, dst.id, code)].append(
        {
            "document": stating.id if stating else None,
            "file": c.evidence.file,
            "line": c.evidence.line,
            "quote": c.evidence.quote,
            **c.evidence.where(),
        }
    )


@cache
def _one_per_target() -> tuple[str, ...]:
    """The ways one document carries out another, first the one that wins (cues.toml [precedence])."""
    p = tables.cues()["precedence"]
    return tuple(code for code in p["order"] if code in p["one_per_target"])


def codes_of_pairs(keys: Iterable[EdgeKey]) -> dict[tuple[str, str], set[str]]:
    """The relation codes stated between each (source, target)."""
    out: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for s, t, code in keys:
        out[(s, t)].add(code)
    return out


def outranked(code: str, codes: set[str]) -> bool:
    """Does another relation between the same pair (`codes`) make `code` needless? A specific
    relation makes DAN_CHIEU so; of the ways one document carries out another, it does one to one
    target, the first in cues.toml [precedence] (a 'HƯỚNG DẪN thực hiện Quy định số …' whose
    preamble says 'Thực hiện Quy định số …' guides it, HUONG_DAN with no THUC_HIEN beside it)."""
    if code == Rel.DAN_CHIEU.value:
        return len(codes) > 1
    ways = _one_per_target()
    return code in ways and any(c in codes for c in ways[: ways.index(code)])


def _relations(edges: Mapping[EdgeKey, list[dict]]) -> list[dict[str, Any]]:
    """One relation per (source, target, type), sorted, its evidence without repeats and sorted. A pair
    with a relation that outranks another (`outranked`) keeps that one only."""
    pairs = codes_of_pairs(edges)
    relations: list[dict[str, Any]] = []
    for (s, t, code), ev in sorted(edges.items()):
        if outranked(code, pairs[(s, t)]):
            continue
        uniq = {(e["file"], e["line"], e["quote"], e["document"] or ""): e for e in ev}
        relations.append(
            {"source": s, "target": t, "type": code, "evidence": [uniq[k] for k in sorted(uniq)]}
        )
    return relations


def _file_issues(records: list[FileRecord]) -> list[dict]:
    """The problems the loaders met in each file, as issue dicts beside the resolver's own."""
    return [
        {"kind": iss.kind, "file": iss.file, "line": iss.line, "message": iss.message}
        for rec in records
        for iss in rec.issues
    ]


def _implementers(relations: list[dict], documents: list[dict]) -> dict[str, list[dict]]:
    """Per document id, the documents that THUC_HIEN it: a task to draw up a plan implementing the
    assigning document is fulfilled by one of them."""
    by_id = {d["id"]: d for d in documents}
    implementers: defaultdict[str, list[dict]] = defaultdict(list)
    for r in relations:
        if r["type"] == Rel.THUC_HIEN.value and r["source"] in by_id:
            implementers[r["target"]].append(by_id[r["source"]])
    return implementers


def _relayed(records: list[FileRecord], target: Mapping[Place, Doc | None]) -> dict[Place, Doc | None]:
    """The document a relayed obligation belongs to (a page relaying tasks from a cited plan whose
    text it does not hold), by the place of that citation."""
    return {
        (rec.file, o.cited): target.get((rec.file, o.cited))
        for rec in records
        for o in rec.obligations
        if o.cited is not None
    }


# -- bodies and obligations ----------------------------------------------------------------
def _as_of(documents: list[dict]) -> str | None:
    """The latest full date of a document in the corpus: statuses are judged as of then, so the same
    files always give the same statuses, whatever day it is."""
    return max(
        (d["date"] for d in documents if d["in_corpus"] and d.get("date") and len(d["date"]) == 10),
        default=None,
    )


class _Bodies:
    """Body nodes by id as issuers and assignees name them, with a THUOC edge from each body to the
    one its name says it is part of: one node per body, however many spellings."""

    def __init__(self) -> None:
        self.by_id: dict[str, dict] = {}
        self.edges: dict[EdgeKey, dict] = {}

    def add(self, name: str, jurisdiction: str | None) -> str:
        """The id of the body `name` in the jurisdiction of the document naming it; the body and the
        ones it is part of are registered on first sight."""
        canon = tasks.canonical_body_name(name)
        j = tasks.body_jurisdiction(canon, jurisdiction)
        bid = tasks.body_id(canon, j)
        if bid in self.by_id:
            _respell(self.by_id[bid], canon)
            return bid
        self.by_id[bid] = {
            "id": bid,
            "name": canon,
            "jurisdiction": j,
            "part_of": None,
            "level": level_of(j, canon),  # a district's or commune's body says so in its name
            "aliases": [],
            "generic": bd.names_a_kind(canon),
        }
        parent = tasks.part_of(canon)
        if parent:
            pid = self.add(parent, j)
            if pid != bid:
                self.by_id[bid]["part_of"] = pid
                self.edges[(bid, pid, Edge.THUOC.value)] = {}
        return bid


def _respell(body: dict, name: str) -> None:
    """One body spelt two ways: keep the preferred name, the other as an alias, whichever came first."""
    if body["name"] == name:
        return
    preferred = tasks.preferred_name(body["name"], name)
    body["aliases"] = sorted({*body["aliases"], body["name"], name} - {preferred})
    body["name"] = preferred


def _issuer_edges(documents: list[dict], bodies: _Bodies) -> dict[EdgeKey, dict]:
    """BAN_HANH from the issuing body (by its level's name, without the province) to each document in
    the corpus: bodies that only issue also become nodes."""
    edges: dict[EdgeKey, dict] = {}
    for d in documents:
        if not d.get("issuer") or not d.get("in_corpus"):
            continue
        for name in tasks.issuing_bodies(d["issuer"], d.get("jurisdiction")):  # joint issuers: each
            edges[(bodies.add(name, d.get("jurisdiction")), d["id"], Edge.BAN_HANH.value)] = {}
    return edges


@dataclass
class _Obligations:
    """The obligation records read so far by id, and their edges (DAT_RA, GIAO_CHO,
    DUOC_THUC_HIEN_BOI). Fulfilment looks across the whole graph, hence what it is built with."""

    documents: dict[str, dict]  # by id
    candidates: tasks.FulfilmentIndex  # documents with a type, title and date: what a planned one may be
    implementers: Mapping[str, list[dict]]
    as_of: dt.date
    bodies: _Bodies
    records: dict[str, dict] = field(default_factory=dict)
    edges: dict[EdgeKey, dict] = field(default_factory=dict)

    def add(self, o: ObligationRecord, doc: Doc) -> None:
        """One obligation `doc` sets out. The same task read again (one document in two
        compilations) adds its evidence to the first reading."""
        oid, assignees = self.reading(o, doc)
        if oid in self.records:
            _more_evidence(self.records[oid], _evidence(o.evidence))
            return
        record = self.record(oid, doc, o, assignees)
        self.records[oid] = record
        self.edges.update(obligation_edges(record))

    def reading(self, o: ObligationRecord, doc: Doc) -> tuple[str, list[dict]]:
        """The id of the task `doc` sets out and the bodies it is given to (registered)."""
        assignees = _assignees(o.assignees, doc.jurisdiction, self.bodies)
        return tasks.obligation_id(doc.id, o, assignees), assignees

    def record(self, oid: str, doc: Doc, ob: ObligationRecord, assignees: list[dict]) -> dict:
        """The obligation record: the document that fulfilled it (a planned document found by type and
        subject, else a plan that THUC_HIEN the assigning document) and its status as of `as_of`."""
        assigning = self.documents[doc.id]
        fid, score = self.candidates.fulfilment(ob, assigning)
        if fid is None:
            fid = tasks.implementing_fulfilment(ob, assigning, self.implementers.get(doc.id, []))
            score = 1.0 if fid else 0.0
        st, how = tasks.status(ob, self.documents.get(fid) if fid is not None else None, self.as_of)
        return {
            "id": oid,
            "document": doc.id,
            "text": ob.text,
            "assignees": assignees,
            "deadline": ob.deadline,
            "recurring": ob.recurring,
            "produces": ob.produces,
            "produces_level": ob.produces_level,
            "fulfilled_by": fid,
            "fulfilment": how,
            "fulfilment_score": round(score, 3) if fid else None,
            "status": st,
            "source": ob.kind,
            "evidence": _evidence(ob.evidence),
            "more_evidence": [],
        }


def obligation_edges(record: dict) -> dict[EdgeKey, dict]:
    """DAT_RA from its document, GIAO_CHO to each assignee, DUOC_THUC_HIEN_BOI to what fulfilled it."""
    oid = record["id"]
    edges: dict[EdgeKey, dict] = {(record["document"], oid, Edge.DAT_RA.value): {}}
    for a in record["assignees"]:
        edges[(oid, a["body"], Edge.GIAO_CHO.value)] = {"vai_tro": a["role"]}
    if record["fulfilled_by"]:
        edges[(oid, record["fulfilled_by"], Edge.DUOC_THUC_HIEN_BOI.value)] = {}
    return edges


def _assignees(named: Iterable[Assignment], jurisdiction: str | None, bodies: _Bodies) -> list[dict]:
    """The bodies a task is given to, each once with the role first read for it."""
    assignees: list[dict] = []
    for a in named:
        bid = bodies.add(a.name, jurisdiction)
        if all(x["body"] != bid for x in assignees):
            assignees.append({"body": bid, "role": a.role})
    return assignees


def _evidence(e: Evidence) -> dict:
    """An obligation's evidence as the graph keeps it: the place fields that say something."""
    return {"file": e.file, "line": e.line, "quote": e.quote, **e.where()}


def _more_evidence(record: dict, evidence: dict) -> None:
    """Another place the same task is read, kept once."""
    if evidence != record["evidence"] and evidence not in record["more_evidence"]:
        record["more_evidence"].append(evidence)


def resolve(records: list[FileRecord]) -> Resolved:
    return Resolver().run(records)
