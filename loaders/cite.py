"""Find the documents a text cites: numbered symbols, named documents, descriptions, aliases.

`find_citations(text)` is pure: it returns spans over `text` with what the words say about
the cited document (type, symbol, date, issuer, subject). Which relation a citation states is
decided elsewhere (loaders/relations.py), from where the citation stands.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from vbgraph.loaders import bodies, named, patterns, signals
from vbgraph.loaders.dates import DATE_PATTERN, date_from_match
from vbgraph.loaders.memo import CACHED_LEN, text_cache
from vbgraph.loaders.normalize import fold, lower_vn
from vbgraph.loaders.spans import Span, evolve, numbered_span, overlaps
from vbgraph.ontology import fuzzy, tables


def _number(n: str) -> str:
    return n.strip()


def _type_from_code(code: str | None, written: str | None, party: bool) -> str | None:
    """The type name: the title word when written, else the code's only type in the symbol's
    system (TT: a Party Thông tri, a State Thông tư), else QĐ's Quyết định or the code's last."""
    if written:
        return tables.type_names().get(fold(written))
    if not code:
        return None
    names = tables.types_by_code().get(code.upper())
    if not names:
        return None
    systems = tables.type_systems()
    system = "party" if party else "state"
    names = tuple(n for n in names if systems.get(n, system) == system) or names
    if len(names) == 1:
        return names[0]
    # CTr: "Chương trình hành động" and "Chương trình" share a code; QĐ: Quyết định/Quy định.
    return "Quyết định" if code.upper() == "QĐ" else names[-1]


def _known_type_code(code: str) -> bool:
    return code.upper() in tables.types_by_code()


def _plausible_type_code(code: str, *, typed: bool, so: bool, issuer: str) -> bool:
    """A Party type code the table does not know (05-HDLN/BTGTU) is kept when its shape and context say
    it is one: letters with at most one lowercase (like QĐi, CTr), and a type word before it, or
    "số" and two letters at least, or two letters at least and a known issuer code."""
    if sum(c.islower() for c in code) > 1:
        return False
    if typed:
        return True
    return len(code) >= 2 and (so or tables.issuer_code_info(issuer) is not None)


# The onset of a Vietnamese syllable at the end of a code (the leftmost match is the longest).
_ONSET_END_RE = re.compile(r"(?:NGH|NG|NH|TR|TH|CH|PH|KH|GH|GI|QU|[ĐBCDGHKLMNPRSTVX])$")


def _unglue(code: str, nxt: str) -> str:
    """A code without the head of the uppercase word glued to it: 'VPĐO' before 'ÀN TNCS' -> 'VP'.

    Codes hold no accented vowel, so an accented capital right after a code opens a syllable whose
    plain vowels and onset the code took: they go back to the word. A lowercase word glued to a
    code ('TWngày') already starts where the uppercase run ends.
    """
    if not (nxt.isalpha() and nxt.isupper()):
        return code
    head = code.rstrip("AEIOUYƯ")
    om = _ONSET_END_RE.search(head)
    return head[: om.start()] if om else head


@lru_cache(maxsize=1 << 12)
def _code_parts(written: str, nxt: str) -> tuple[tuple[str, ...], int]:
    """The dash parts of a code as written (spaces dropped, 'Ư' read as 'U' except in 'TƯ'), and how
    many characters at the end belong to a glued word. Remembered: a text writes few codes, often."""
    parts = [p.strip() for p in written.split("-")]
    last = _unglue(parts[-1], nxt)
    cut = len(parts[-1]) - len(last)
    parts = [*parts[:-1], last] if last else parts[:-1]
    return tuple(p if p == "TƯ" else p.replace("Ư", "U") for p in parts), cut


@lru_cache(maxsize=256)
def uncoded_type(written: str | None) -> bool:
    """Is `written` a type word of a type whose symbols carry no type code ('Công văn')?"""
    if not written:
        return False
    name = tables.type_names().get(fold(written))
    return any(t.name == name and (t.plain_state or not t.codes) for t in tables.doc_types())


def _split_glued(code: str) -> tuple[str, str] | None:
    """A type code and an issuer code written without their hyphen: 'NĐCP' -> ('NĐ', 'CP').

    The type code is a known one; the first split whose rest is a known issuer code wins
    ('CTHĐND' -> CT + HĐND, not CTHĐ + ND), else the longest type code whose rest looks like one.
    """
    splits = [(c, code[len(c) :]) for c in patterns.glue_codes() if code.startswith(c)]
    splits = [(c, rest) for c, rest in splits if patterns.ISSUER_SHAPE_RE.fullmatch(rest)]
    known = [sp for sp in splits if tables.issuer_code_info(sp[1]) is not None]
    candidates = known or splits
    return candidates[0] if candidates else None


def _tu(body: tables.BodyEntry | None) -> str:
    """'TƯ' in a Party issuer code: the centre's TW, or a PDF glyph error for a province's TU.

    The issuer phrase after the symbol decides ('13-NQ/TƯ của Tỉnh ủy' -> TU); without one, TW.
    """
    return "TU" if body is not None and body.level != "central" else "TW"


@dataclass(slots=True)  # one per symbol: no __dict__ to make
class _Codes:
    """The codes of one symbol as written, read by `_party_codes` or `_state_codes`: the type code
    (None when a State symbol names only its issuer: 216/TTg-CN), the issuer's dash parts, the
    numbers ('18, 19-NQ/TW' has two), the year of a State symbol, how many characters at the
    end belong to a glued word, and whether the type code is one the tables do not know."""

    code: str | None
    parts: tuple[str, ...]
    cut: int
    nums: list[str]
    year: str | None = None
    unknown: bool = False
    written: str | None = None  # the issuer code as written, when read as a known one (`_read_party_code`)


_NUMS_SPLIT_RE = re.compile(r"\s*(?:,|và)\s*")


def _party_codes(m: re.Match[str], typed: bool, so: bool, nxt: str) -> _Codes | None:
    """'52-NQ/TW', '18, 19-NQ/TW', '1836 QĐ/TWĐTN'; None when the shape is no Party symbol."""
    nums, psep, code, piss = m.group("pnums", "psep", "pcode", "piss")
    known = _known_type_code(code)
    if "-" not in psep and "–" not in psep and not ((typed or so) and known):
        return None  # "1836 QĐ/TWĐTN": a space for the hyphen, only after "số" or a type word
    parts, cut = _code_parts(piss, nxt)
    if not parts:
        return None
    if not known and not _plausible_type_code(code, typed=typed, so=so, issuer=parts[0]):
        return None
    read = _read_party_code(code, parts[0]) if known else None
    return _Codes(
        code,
        parts if read is None else (read, *parts[1:]),
        cut,
        [nums] if nums.isdigit() else _NUMS_SPLIT_RE.split(nums),
        unknown=not known,
        written=None if read is None else parts[0],
    )


# How the Party writes a symbol: its number, a dash, its type code, a slash ('52-NQ/TW').
_PARTY_SHAPE_RE = re.compile(r"\d\s*[-–]\s*[A-Za-zĐđ]{1,5}\s*/")


def _party_written(entry: dict) -> bool:
    """Do an entry's examples (issuer_codes.toml, doc_types.toml) write a Party symbol?"""
    return any(_PARTY_SHAPE_RE.search(e) for e in entry.get("examples", ()))


@cache
def _party_issuer_codes() -> tuple[str, ...]:
    """The issuer codes of the Party's symbols: the table's codes that its examples write so."""
    return tuple(c["code"] for c in tables.load("issuer_codes.toml")["code"] if _party_written(c))


@cache
def _party_type_codes() -> frozenset[str]:
    """The type codes of the Party's documents: of the types whose examples write Party symbols."""
    return frozenset(
        c.upper()
        for t in tables.load("doc_types.toml")["type"]
        if t.get("system") != "state" and _party_written(t)
        for c in t.get("codes", ())
    )


def _read_party_code(type_code: str, issuer: str) -> str | None:
    """The Party's issuer code that a code no table knows misreads, in a symbol of a Party type
    ('29-NQ/TVV': OCR read the W of TW as VV; `fuzzy.read_code`). Known codes are kept, and so are
    the codes of State symbols, whose departments' suffixes no table lists ('UBND-VX1')."""
    if tables.is_known_code(issuer) or type_code.upper() not in _party_type_codes():
        return None
    return fuzzy.read_code(issuer, _party_issuer_codes())


def _state_codes(m: re.Match[str], typed: bool, so: bool, nxt: str, uncoded: bool = False) -> _Codes | None:
    """'34/2016/NĐ-CP', '69/QĐ-BNNPTNT-VPĐP', '61/2018/NĐCP', '216/TTg-CN', 'Nghị định số 30/CP';
    None when the shape is too weak to be a symbol. `uncoded`: the type word before it is of a
    type whose symbols carry no type code ('Công văn số 112/VHTT': VHTT is its issuer's code)."""
    num, year, a = m.group("snum"), m.group("syear"), m.group("sa")
    if m.group("sb"):
        rest, cut = _code_parts(m.group("sb"), nxt)
        a = _code_parts(a, "")[0][0]
    else:
        rest = ()
        first, cut = _code_parts(a, nxt)
        if not first:
            return None
        a = first[0]
    glued = None if rest or uncoded or _known_type_code(a) or tables.issuer_code_info(a) else _split_glued(a)
    code: str | None
    if rest and _known_type_code(a):
        code, parts = a, rest  # 69/QĐ-BNNPTNT-VPĐP: the issuer is all after the type code
    elif glued and (year or typed or so):
        code, parts = glued[0], (glued[1],)  # 61/2018/NĐCP -> NĐ, CP
    elif rest or year:
        code, parts = None, (a, *rest)  # 216/TTg-CN, 133/2020/QH14: the issuer is the first part
    elif typed and (uncoded or tables.issuer_code_info(a) is not None):
        code, parts = None, (a,)  # Nghị định số 30/CP, Công văn số 203/TNMT
    else:
        return None
    if not typed and code is None and not so:
        return None  # bare "12/ABC" without a type word or "số" is too weak
    return _Codes(code, parts, cut, [num], year=year)


@dataclass(slots=True)  # one per symbol: no __dict__ to make
class _Trailer:
    """What follows a symbol: its date (or the impossible date as written), the term ('khóa XII'),
    the issuer phrase's body and province; `end` is where they end."""

    end: int
    date: str | None = None
    bad_date: str | None = None
    term: str | None = None
    body: tables.BodyEntry | None = None
    province: str | None = None
    co_issuers: tuple[str, ...] = ()  # 'của Bộ Chính trị, Ban Bí thư': the bodies after the first

    @property
    def issuer_name(self) -> str | None:
        return ", ".join((self.body.name, *self.co_issuers)) if self.body else None


@cache
def _co_issuer_re() -> re.Pattern:
    """Another body of the tables after an issuer's, in a list of joint issuers ('của Bộ Chính trị,
    Ban Bí thư về …'), where what follows it closes an issuer phrase: the subject's 'về', a date, a
    term, the clause's end. Not a clause's new subject ('… của Tỉnh ủy, Ban Thường vụ Tỉnh ủy ban
    hành …')."""
    return re.compile(
        rf"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?P<body>{patterns.body_alt()})"
        rf"(?:\s+(?:tỉnh\s+|thành\s+phố\s+)?(?:{patterns.province_alt()}))?(?!\w)"
        r"(?=\s*(?:về\b|V/v\b|quy định\b|hướng dẫn\b|ngày\b|khóa\b|khoá\b|[,;.(“\"]|$)|\s*(?:,\s*|\s+và\s+)[A-ZĐ])",
        re.IGNORECASE,
    )


def _co_issuers(text: str, t: _Trailer) -> None:
    """The joint issuers after `t.body`, of its level (see `_co_issuer_re`)."""
    assert t.body is not None
    names: list[str] = []
    while (m := _co_issuer_re().match(text, t.end)) is not None:
        b = tables.canonical_body(m.group("body"))
        if b is None or b.level != t.body.level or b.name in (t.body.name, *names):
            break
        if t.body.name in (b.part_of, b.name) or b.name == t.body.part_of:
            break  # '… của Tỉnh ủy, Ban Thường vụ Tỉnh ủy hướng dẫn …': the clause's subject
        if patterns.other_organisation_re().match(text, m.end("body")):
            break  # 'Ban Bí thư Trung ương Đoàn': another organisation's
        names.append(b.name)
        t.end = m.end()
    t.co_issuers = tuple(names)


def _date_near(text: str, pos: int) -> re.Match[str] | None:
    """A date right after `pos` (at most three characters on)."""
    dm = patterns.date_after_re().match(text, pos)
    return dm if dm and dm.start() - pos <= 3 else None


def _trailer(text: str, pos: int) -> _Trailer:
    """The date, term and issuer phrase after a symbol ending at `pos`, in the orders texts use:
    'số 52-NQ/TW ngày …, khóa XII, của Bộ Chính trị' and '… của Bộ Chính trị ngày …'."""
    t = _Trailer(pos)
    if pos >= len(text):
        return t  # each part opens with a word or a digit: a symbol that ends its text has none
    dm = _date_near(text, t.end)
    if dm:
        t.date = date_from_match(dm)
        if t.date is None:
            t.bad_date = dm.group(0).strip(" ,")
        t.end = dm.end()
    tmm = patterns.term_after_re().match(text, t.end)
    if tmm:
        t.term, t.end = tmm.group("term"), tmm.end()
    im = patterns.issuer_after_re().match(text, t.end)
    if im and not im.group("prov") and patterns.other_organisation_re().match(text, im.end("body")):
        im = None  # 'của Ban Bí thư Trung ương Đoàn': the name as written (`_named_issuer`)
    if im:
        t.body = tables.canonical_body(im.group("body"))
        t.province = _province(im.group("prov"))
        t.term = t.term or im.group("term")
        t.end = im.end()
        if t.body is not None:
            _co_issuers(text, t)
    if not t.date:
        dm = _date_near(text, t.end)
        if dm:
            t.date = date_from_match(dm)
            t.end = dm.end()
    return t


def _issuer_and_symbols(
    c: _Codes, party: bool, body: tables.BodyEntry | None
) -> tuple[str, list[tuple[str, str]]]:
    """The issuer code and (number, normalised symbol) for each number of the symbol. A Party
    'TƯ' is the centre's TW or a province's TU as the issuer phrase says (`_tu`)."""
    if party:
        parts = [_tu(body), *c.parts[1:]] if c.parts[0] == "TƯ" else c.parts
        issuer = "-".join(parts)
        return issuer, [(n, f"{n}-{c.code}/{issuer}") for n in c.nums]
    num = c.nums[0]
    issuer = c.parts[0] if c.code is None else "-".join(c.parts)
    sym = f"{num}/{c.year}/" if c.year else f"{num}/"
    sym += f"{c.code}-{issuer}" if c.code else "-".join(c.parts)
    return issuer, [(num, sym)]


_BEFORE = 60  # how far before a symbol its type word and 'số' are looked for
_BLANK_PAIR_RE = re.compile(r"\s\s")


# What stands between the symbols of one list: 'số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW ngày …'.
_LIST_GAP_RE = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:số\s*)?")


# An issuer code without its term's number: the Quốc hội's QH13 and QH14 are one issuer's.
_TERM_DIGITS_RE = re.compile(r"\d+$")


def _same_system(a: Span, b: Span) -> bool:
    """Are two symbols of one shape (the Party's '57-NQ/TW', the State's '03/NQ-CP') and one issuer's
    code? A Party resolution listed before the Government's programme for it ('Nghị quyết số
    57-NQ/TW và Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ') shares neither its date nor
    its issuer: both are NQ, but of two systems and two issuers."""
    if (a.symbol or "").split("/", 1)[0].isdigit() != (b.symbol or "").split("/", 1)[0].isdigit():
        return False
    return _TERM_DIGITS_RE.sub("", a.issuer_code or "") == _TERM_DIGITS_RE.sub("", b.issuer_code or "")


def _party_symbol(s: Span) -> bool:
    """Is a symbol written the Party's way ('57-NQ/TW'), not the State's ('03/NQ-CP')?"""
    return not (s.symbol or "").split("/", 1)[0].isdigit()


def _shared_trailer(text: str, spans: list[Span]) -> list[Span]:
    """The issuer after the last symbol of a list is every listed symbol's, and so is its date where
    one has none of its own ('Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW ngày 16/6/2022 của Ban Chấp
    hành Trung ương'; 'số 12/2019/QĐ-UBND ngày 05/3/2019, số 15/2020/QĐ-UBND … của UBND tỉnh'), when
    the symbols are of one type, shape and issuer (`_same_system`). Party symbols of one issuer code
    share the issuer whatever their types, but not the date: a committee lists its own texts of
    several kinds and years ('Chỉ thị số 45-CT/TW, Kết luận số 150-KL/TW ngày 14/4/2025 của Bộ Chính
    trị'). A date so shared is marked: one written after the symbol elsewhere beats it
    (graph/resolve.py)."""
    out = list(spans)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.issuer or not b.issuer or (a.central is not None and a.central != b.central):
            continue
        if not (_LIST_GAP_RE.fullmatch(text, a.end, b.start) and _same_system(a, b)):
            continue
        one_type = a.type_code == b.type_code
        if one_type or _party_symbol(a):
            out[i] = evolve(
                a,
                date=(a.date or b.date) if one_type else a.date,
                issuer=b.issuer,
                province=a.province or b.province,
                central=b.central,
                date_shared=one_type and a.date is None and b.date is not None,
            )
    return out


def _numbered(text: str) -> list[Span]:
    """Numbered citations: 52-NQ/TW, 34/2016/NĐ-CP, and the shapes they take in real texts.

    Symbols are normalised: one hyphen between type and issuer codes (61/2018/NĐCP -> 61/2018/NĐ-CP),
    no spaces ('70- HD/BTGTU' -> 70-HD/BTGTU), the year kept (04/2008/QĐ-UBND and 04/2009/QĐ-UBND are
    two documents; the year is the date when none is written). A Party code the table does not know
    is kept with `type_code` and `unknown_type_code`; its `type` comes from the type word only.
    """
    out: list[Span] = []
    if "/" not in text:
        return out  # every symbol holds a '/': most paragraphs hold none
    type_before, so_before = patterns.type_before_re(), patterns.so_before_re()
    reach = patterns.type_before_reach()
    for m in patterns.symbol_re().finditer(text):
        at, after = m.span()
        # Both patterns are searched within text[lo : at], as in that slice: neither looks
        # behind. The type word stands within `reach` of the symbol unless blanks run together.
        lo = at - _BEFORE if at > _BEFORE else 0
        tlo = at - reach if at - reach > lo and not _BLANK_PAIR_RE.search(text, lo, at) else lo
        if at > lo:
            tm = type_before.search(text, tlo, at)
            sm = so_before.search(text, lo, at)
        else:  # nothing before the symbol: neither a type word nor 'số'
            tm = sm = None
        written = tm.group("type") if tm else None
        start = tm.start() if tm else sm.start() if sm else at
        nxt = text[after : after + 1]
        party = m.group("pnums") is not None
        if party:
            c = _party_codes(m, tm is not None, sm is not None, nxt)
        else:
            c = _state_codes(m, tm is not None, sm is not None, nxt, uncoded_type(written))
        if c is None:
            continue
        t = _trailer(text, after - c.cut)
        issuer, symbols = _issuer_and_symbols(c, party, t.body)
        name = None
        if not party and c.code is None and sm and (written is None or not written[0].isupper()):
            # 'Luật Tổ chức Quốc hội số 57/2014/QH13'; 'Luật Ban hành … pháp luật số 80/2015/QH13'
            # (its last word no type); the name's words are its subject
            head = _name_head(text, sm.start())
            if head:
                written, start, head_end = head
                name = " ".join(text[head_end : sm.start()].split()).strip(" ,")
        type_name = None if c.unknown and not written else _type_from_code(c.code, written, party)
        if type_name is None and written is None and c.code is None:
            continue
        date = t.date if t.date or not c.year else c.year
        issuer_name = t.issuer_name
        if not t.date and start > 0 and (before := _stated_before(text, start)) is not None:
            date, issuer_name = before[0], issuer_name or before[1]
        if issuer_name is None and start > 0:
            # a direction's or proposal's author, unless the issuer is named after the citation
            # ('chỉ đạo của Chủ tịch UBND tỉnh tại Thông báo số … của Văn phòng UBND tỉnh về …')
            by = None if _OF_RE.match(text, t.end) else _proposed_by(text, start)
            issuer_name = by or _issued_by(text, start)
        # a central body's document is the centre's whatever its code ('15/KH-ĐCT của Đoàn Chủ tịch
        # Trung ương Hội LHPN Việt Nam'), unless the code is a local committee's
        central: bool | None = (
            t.body is not None and t.body.level == "central" and not _local_party_code(issuer)
        )
        if not central:
            # a province's body named ('của Ủy ban nhân dân tỉnh Nghệ An'): its own whatever the centre's
            # body its code also names; else unsaid
            central = False if t.body is not None and t.province else None
        for number, sym in symbols:
            span = numbered_span(
                start,
                t.end,
                type_name,
                c.code,
                _number(number),
                issuer,
                sym,
                date,
                issuer_name,
                t.province,
                t.term,
                t.bad_date,
                c.unknown,
            )
            if name:
                span = evolve(span, title=name)
            if c.written:
                span = evolve(span, written_code=c.written)
            out.append(span if central is None else evolve(span, central=central))
    return _shared_trailer(text, out) if len(out) > 1 else out


def _local_party_code(code: str | None) -> bool:
    """A local Party committee's code (TU, HU, BTGTU, ĐUK): its documents are never the centre's."""
    return code is not None and code.upper().split("-")[0].endswith(("U", "UK"))


# A report's account of an issue, the date and issuer before the document: "Ngày 08/3/2022, Ban
# Thường vụ Huyện ủy Quỳnh Lưu (đã) ban hành Kế hoạch số 45-KH/HU …". Searched in the window before
# the type word, anchored at its end; every repetition is bounded.
_STATED_BEFORE_RE = re.compile(
    rf"(?<!\w)[Nn]gày\s{{1,3}}(?:{DATE_PATTERN})\s{{0,3}},?\s{{0,3}}"
    r"(?P<who>[A-ZĐÀ-Ỹ][^.;:,\d]{0,80}?)?\s(?:đã\s)?(?:ký\s)?ban hành\s$"
)
_STATED_REACH = 160


# "Theo đề nghị (của) Giám đốc Sở Nội vụ tại Tờ trình số …": the proposal's author before it.
_PROPOSED_BY_RE = re.compile(
    r"(?:đề nghị|chỉ đạo)\s+(?:của\s+)?(?P<who>[A-ZĐÀ-Ỹ][^.;:,\d]{2,80}?)\s+tại\s*$", re.IGNORECASE
)


# An office holder stands for the office: 'Giám đốc Sở Nội vụ' -> 'Sở Nội vụ', 'Trưởng phòng Tư pháp'
# -> 'Phòng Tư pháp'.
@cache
def _province_run_re() -> re.Pattern:
    return re.compile(rf"\s*(?:{patterns.province_alt()})\s*", re.IGNORECASE)


def _province_run(words: str) -> bool:
    """Are these capitalised words a province's name ('Hồ Chí Minh', 'Thừa Thiên Huế'), no person's?"""
    return _province_run_re().fullmatch(words) is not None


# A person's name closing an office holder's title: three capitalised words or more.
_PERSON_END_RE = re.compile(r"(?:\s(?-i:[A-ZĐÀ-Ỹ])\w*){3,}$")
_HOLDER_RE = re.compile(
    r"^(?:Phó Giám đốc|Phó Chủ tịch|Giám đốc|Chủ tịch|Thủ trưởng|Chánh)\s+"
    r"|^Trưởng\s+(?:ban|phòng)\s+(?=(?-i:Ban|Phòng)\b)"  # 'Trưởng ban Ban quản lý …'
    r"|^Trưởng\s+(?=(?:phòng|ban)\b)",
    re.IGNORECASE,
)


def _proposed_by(text: str, start: int) -> str | None:
    """The office whose proposal or direction a text cites by number ('Theo đề nghị của Giám đốc Sở
    Nội vụ tại Tờ trình số …': Sở Nội vụ; 'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản
    số …'), or None."""
    m = _PROPOSED_BY_RE.search(text[max(0, start - 120) : start])
    if m is None:
        return None
    held = m.group("who").strip()
    who = _HOLDER_RE.sub("", held)
    body = tables.canonical_body(who)
    if body is None and who != held and (m := _PERSON_END_RE.search(who)) and not _province_run(m.group(0)):
        return None  # 'Phó Chủ tịch UBND tỉnh Nguyễn Văn An': a person, whose office is not said whole
    return body.name if body else who[:1].upper() + who[1:]


def _stated_before(text: str, start: int) -> tuple[str | None, str | None] | None:
    """(date, issuer) a report states before the document cited at `start` ('Ngày 08/3/2022, Ban
    Thường vụ Huyện ủy đã ban hành Kế hoạch số …'), or None."""
    m = _STATED_BEFORE_RE.search(text[max(0, start - _STATED_REACH) : start])
    if m is None:
        return None
    who = _without_aside((m.group("who") or "").strip())
    body = tables.canonical_body(who) if who else None
    return date_from_match(m), body.name if body else (who or None)


# "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số …": a known body, then its past act, right before
# the document; searched in the window before the type word, anchored at its end.
_ISSUED_BY_RE = re.compile(r"(?P<who>[A-ZĐÀ-Ỹ][^.;:,\d]{0,80}?)\s(?:(?:đã|vừa)\s)?(?:ký\s)?ban hành\s$")


def _issued_by(text: str, start: int) -> str | None:
    """The body a report says issued the document cited at `start`, when it opens with a body's word."""
    m = _ISSUED_BY_RE.search(text[max(0, start - _STATED_REACH) : start])
    if m is None:
        return None
    who = _without_aside(m.group("who").strip())
    body = tables.canonical_body(who)
    if body is not None:
        return body.name
    return bodies.canonical_name(who) if signals.names_body(who) else None  # 'Sở Nội vụ'


def _name_head(text: str, so_start: int) -> tuple[str, int, int] | None:
    """(type word, where it starts and ends) of a name that ends in 'số' at `so_start`: 'Luật Tổ
    chức Quốc hội số'."""
    lo = max(0, so_start - 100)
    window = text[lo:so_start]
    last = None
    for hm in patterns.name_head_re().finditer(window):
        last = hm
    if last is None or patterns.NAME_BREAK_RE.search(window, last.end()):
        return None
    return last.group("type"), lo + last.start(), lo + last.end()


def _province(written: str | None) -> str | None:
    if not written:
        return None
    return tables.provinces().get(fold(written))


_CAC_END_RE = re.compile(r"\bcac\s*$")
_CUA_RE = re.compile("của", re.IGNORECASE)  # as descriptive_re reads it
_ROW_START_END_RE = re.compile(r"(?:^|¦|\b\d+\.)\s*$")


@cache
def _planned_end_res() -> tuple[re.Pattern[str], ...]:
    """A verb of planning ('xây dựng', folded) ending the text before a citation."""
    return tuple(re.compile(r"\b" + re.escape(fold(v)) + r"\s*$") for v in tables.cues()["planned"]["verbs"])


def _descriptive(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    if not _CUA_RE.search(text):
        return out  # a descriptive citation names its issuer after 'của'
    for m in patterns.descriptive_re().finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        before = fold(text[max(0, m.start() - 40) : m.start()])
        if _CAC_END_RE.search(before):
            continue  # "các nghị quyết của Trung ương về …" is generic
        if any(rx.search(before) for rx in _planned_end_res()):
            continue  # a document to be drafted, not one that is cited
        if _ROW_START_END_RE.search(text[: m.start()]):
            continue  # a row of a table of planned documents: "3. | Nghị quyết của Tỉnh ủy về …"
        body = tables.canonical_body(m.group("body"))
        out.append(
            Span(
                "descriptive",
                m.start(),
                m.end(),
                type=tables.type_names().get(fold(m.group("type"))),
                issuer=body.name if body else None,
                province=_province(m.group("prov")),
                central=True if body and body.level == "central" else None,
            )
        )
    return out


_COORD_END_RE = re.compile(r"(?:,|;|\bvà|\bvà các|\bcùng|\bhoặc)\s*$", re.IGNORECASE)
_COORD_REACH = len("và các")  # the longest word _COORD_END_RE ends on
# A dash before a capital opens a list's item ('… - Kế hoạch …'); before a word in lower case it is
# the title's ('kinh tế - xã hội'): the capital is matched case-sensitively.
_TITLE_STOP_RE = re.compile(
    r";|\.(?=\s|$)|¦|\((?=\s*\*?\s*(?:sau đây|viết tắt|gọi tắt|kèm theo|gọi chung))"
    rf"|\s-\s(?=(?-i:[{patterns.UPPER}]))|:\s"
    # A subject ends where the sentence goes on about something else.
    r"|,?\s(?=(?:gắn với|gắn liền với|đồng thời|góp phần|nhằm|để|theo tinh thần|với mục tiêu|tạo sự)\s)"
    # … or with the next clause of a preamble: '… về phân cấp, căn cứ Quy định số 80-QĐ/TW …'
    r"|,\s(?=căn cứ\s)"
    # … or with the time of the task that cites it: '… về quản lý đầu tư, hoàn thành trong quý II/2010'
    r"|,\s(?=(?:hoàn thành|xong)\s(?:trong|trước|chậm nhất)\b)"
    # … or about the document itself: ", được sửa đổi, bổ sung bởi Nghị định số …"
    r"|,?\s(?=(?:đã\s+)?(?:được|bị)\s+(?:sửa đổi|bổ sung|thay thế|bãi bỏ)\b)",
    re.IGNORECASE,
)
# A clause that starts a new subject ends a subject: ", Ban Thường vụ Tỉnh ủy ban hành …".
_CLAUSE_OPENERS = (
    "Ban",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "UBND",
    "Ủy ban",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Chi bộ",
    "Công an",
)


@cache
def _clause_re() -> re.Pattern:
    """A clause that starts a new subject ends a subject: ', Ban Thường vụ Tỉnh ủy ban hành …', ', Sở
    Y tế xây dựng …': a comma, then a committee or a capitalised head that ends no name
    (obligations.toml [bodies] unfinished)."""
    heads = {h[:1].upper() + h[1:] for h in tables.load("obligations.toml")["bodies"]["unfinished"]}
    # '…, Thành phố …' names a place, '…, Hội đồng nhân dân bầu' a council, as often as a clause's body
    heads -= {"Huyện", "Thành phố", "Hội"}
    words = sorted({*_CLAUSE_OPENERS, *heads}, key=len, reverse=True)
    return re.compile(r",\s+(?=(?:" + "|".join(re.escape(w) for w in words) + r")\b)")


@cache
def _act_stop_re() -> re.Pattern:
    """A subject ends where the citing text goes on to act on another document: '… về tiếp dân và
    bãi bỏ Hướng dẫn số 03-HD/HU …'; or says the document expires: '… về quản lý chợ hết hiệu
    lực kể từ …' (cues.toml [BAI_BO] after)."""
    acts = [w for code in ("THAY_THE", "SUA_DOI", "BAI_BO") for w in tables.cues()[code].get("self", [])]
    expiry = tables.cues()["BAI_BO"].get("after", [])
    return re.compile(
        rf"\s(?=và\s+(?:{patterns.alt(acts)})\s+(?:{patterns.type_alt()})\s+số\b)"
        rf"|,?\s(?=(?:đã\s+|sẽ\s+)?(?:{patterns.alt(expiry)})(?!\w))",
        re.IGNORECASE,
    )


_OF_RE = re.compile(r"\s*+,?\s*+(?:của|do)\s++", re.IGNORECASE)
# 'Chương trình phối hợp số 01/CTrPH-CCB-TWĐ … giữa Trung ương Hội Cựu chiến binh Việt Nam và Ban Bí
# thư Trung ương Đoàn': a document of the bodies it names, jointly.
_BETWEEN_RE = re.compile(r"\s*+,?\s*+giữa\s++", re.IGNORECASE)
_WORD_RE = re.compile(r"\s*+(?P<w>[^\W\d_]\w*)")  # no stop inside: a name ends at a sentence end


_ISSUER_WORDS = 14  # the longest issuer's name: 'Ban Thường vụ Trung ương Hội Cựu chiến binh Việt Nam'


def _issuer_words_end(text: str, pos: int) -> int | None:
    """End of an issuer phrase 'của <Name>' after a citation whatever the body, where a subject
    starts within `_ISSUER_WORDS` words of a name that opens with a capital ('của Bộ Thông tin và Truyền thông
    về …', 'của Văn phòng Chính phủ hướng dẫn …'), or the clause ends ('của Bộ Xây dựng;'), or
    a place's name that ends it goes on in lower case with a word no name goes on with ('của Ban
    Thường vụ Huyện ủy Hòn Đất nhằm …', `_place_ends`)."""
    m = _OF_RE.match(text, pos) or _BETWEEN_RE.match(text, pos)
    if not m:
        return None
    end = m.end()
    before: tuple[str, str] = ("", "")  # the two words read last, lowercased
    place = False  # the words read last are a place's name, after its unit's word
    for k in range(_ISSUER_WORDS * (2 if m.group().strip(" ,").lower() == "giữa" else 1)):
        if k >= 2 and _passive_next_re().match(text, end):
            return end  # '… của Ban Thường vụ Huyện ủy được triển khai …': the predicate, no name's word
        # a name of the vocabulary written with a dash or a comma: 'Bộ Lao động - Thương binh và Xã
        # hội', 'Bộ Văn hóa, Thể thao và Du lịch' (one name, its words read as one)
        w = _joined_name_re().match(text, end) if k else None
        w = w or _WORD_RE.match(text, end)
        if not w and k >= 2 and (n := _UNIT_NUMBER_RE.match(text, end)):
            return n.end()  # 'của Đảng ủy Quân khu 4;': a unit's number closes its name
        if not w or (k == 0 and not w.group("w")[0].isupper()):
            if k >= 2 and (p := _its_province_re().match(text, end)):
                return p.end()  # 'của Huyện ủy Bắc Mê, tỉnh Hà Giang'
            return end if k >= 2 and _CLAUSE_END_RE.match(text, end) else None
        word = w.group("w")
        if k and word == "và" and not _and_body(text, w.end()):
            return end  # '… của Ban Thường vụ Thành ủy và ý kiến thảo luận, …': the sentence's words
        unit = _unit_abbreviation(text, w)
        if unit:  # 'UBND TP. Cần Thơ': the unit's word said short, its period no clause's end
            place, before, end = False, unit, w.end() + 1
            continue
        if word[0].isupper():
            place = place or _opens_place(before)
        elif place and _opens_place((before[1], lower_vn(word))):
            place = False  # 'Thành ủy Thành phố Hồ Chí Minh': the unit's word written in capitals
        elif place:
            if not _goes_on_re().match(lower_vn(text[w.start("w") : w.start("w") + _GO_ON_REACH])):
                return end  # the place's name ends the issuer's
            place = False
        before = (before[1], lower_vn(word))
        end = w.end()
        if patterns.TITLE_START_RE.match(text, end):
            return end
    return None


# A unit's number closing an issuer's name, the clause or the subject next ('Quân khu 4;', 'Sư đoàn
# 324 về …'): no date's or count's number.
_UNIT_NUMBER_RE = re.compile(r"\s+\d{1,3}(?![\d/.,-]\w)(?=\s*(?:[;.(]|,\s|$)|\s+(?:về|V/v)\b)")


@cache
def _unit_abbreviations() -> dict[str, tuple[str, str]]:
    """A unit's word said short with a period ('TP.', 'Tp.': named.toml [congress] level_aliases),
    by the abbreviation without it, and the last two words of what it stands for."""
    aliases = tables.load("named.toml")["congress"]["level_aliases"]
    out: dict[str, tuple[str, str]] = {}
    for short, full in aliases.items():
        if short.endswith("."):
            words = ["", *full.split()]
            out[short[:-1]] = (words[-2], words[-1])
    return out


def _unit_abbreviation(text: str, w: re.Match[str]) -> tuple[str, str] | None:
    """The unit's words (lowercased) an abbreviation with its period stands for, read as the
    words of an issuer phrase ('UBND TP. Cần Thơ' -> ('thành', 'phố')), when a name follows."""
    if text[w.end() : w.end() + 1] != ".":
        return None
    unit = _unit_abbreviations().get(w.group("w"))
    at = w.end() + 1
    if unit and (
        _PLACE_AFTER_RE.match(text, at) or _province_run_re().match(text, at) or _ONE_PLACE_RE.match(text, at)
    ):
        return unit
    return None


# A place's name after an abbreviated unit's word: two capitalised words ('TP. Cần Thơ', 'TP. Thủ
# Đức') or a province's alone ('TP. Huế'), not a sentence's next words ('… TP. Các đơn vị …').
_PLACE_AFTER_RE = re.compile(rf"\s?[{patterns.UPPER}]\w*\s[{patterns.UPPER}]")
# … or one capitalised word that the issuer phrase's end follows: a city of a province or a
# province said short ('UBND TP. Vinh về …', 'UBND TP. HCM;', 'UBND TP.HCM ngày …'); a sentence's
# first word goes on in lower case ('… TP. Các đơn vị …').
_ONE_PLACE_RE = re.compile(
    rf"\s?[{patterns.UPPER}]\w*(?=\s*(?:[,;.()]|$)|\s+(?:về|V/v|ngày|khóa|khoá|quy định|hướng dẫn)(?!\w))"
)


_AND_REACH = 60  # the words after 'và' read for a body's name


def _and_body(text: str, at: int) -> bool:
    """Do the words after an issuer's 'và' at `at` go on with a name: in capitals ('Bộ Tài nguyên và
    Môi trường', 'Bộ Nội vụ và Bộ Tài chính') or a body's head ('… và các sở, ngành')? Not
    '… và ý kiến thảo luận': the words of the citing sentence."""
    rest = text[at : at + _AND_REACH].lstrip()
    return rest[:1].isupper() or bodies.starts_with_head(rest)


@cache
def _passive_next_re() -> re.Pattern[str]:
    """A passive's auxiliary and its verb in lower case next (cues.toml [passive] auxiliaries): no
    name goes on so; the words are the citing sentence's predicate ('… của Hiệu trưởng Trường Đại
    học Cần Thơ được bãi bỏ', '… đã được thay thế bằng …')."""
    t = tables.cues()["passive"]
    return re.compile(
        rf"\s+(?:(?:{patterns.alt(t['past'])})\s+)?(?:{patterns.alt(t['auxiliaries'])})\s+(?![{patterns.UPPER}])[^\W\d_]"
    )


_GO_ON_REACH = 16  # the longest word a name goes on with after a place's ('có liên quan')


@cache
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the words of a unit, 'huyện', 'xã'; the two words of one, 'thị trấn', 'thành phố', 'Huyện
    ủy', 'Tỉnh đoàn'), lowercased: obligations.toml [lists] places, kinds and qualifiers, committees."""
    lists = tables.load("obligations.toml")["lists"]
    places = frozenset(lower_vn(w) for w in lists["places"])
    two = {lower_vn(w) for w in lists["kinds"] if len(w.split()) == 2} & {
        lower_vn(w) for w in lists["qualifiers"]
    }
    two |= {f"{p} {lower_vn(c)}" for p in places for c in lists["committees"]}
    return places, frozenset(two)


def _opens_place(before: tuple[str, str]) -> bool:
    """Do the two words read last (lowercased) end with a unit's word, before its place's name:
    'huyện', 'xã', 'thị trấn', 'thành phố', 'Huyện ủy', 'Tỉnh đoàn'? Not 'Đảng ủy Khối', 'Ban
    Thường vụ', 'tỉnh và Ban …'."""
    one, two = _place_words()
    return before[1] in one or f"{before[0]} {before[1]}" in two


@cache
def _goes_on_re() -> re.Pattern[str]:
    """A word in lower case that a name goes on with after its place's ('… xã Tân Lập khóa XV',
    '… huyện Hòn Đất tỉnh Kiên Giang', 'và'): obligations.toml [bodies] closed_go_on."""
    words = tables.load("obligations.toml")["bodies"]["closed_go_on"]
    return re.compile(rf"(?:{patterns.alt([lower_vn(w) for w in words])})(?!\w)")


@cache
def _joined_name_re() -> re.Pattern:
    """A name of the bodies' vocabulary that holds a dash or a comma, as a word of an issuer phrase."""
    names = [n for n in tables.load("bodies.toml")["vocabulary"]["names"] if " - " in n or ", " in n]
    alt = "|".join(
        r"\s*[-–,]\s*".join(re.escape(p).replace(r"\ ", r"\s+") for p in re.split(r"\s*[-–,]\s*", n))
        for n in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"\s*+(?P<w>(?:{alt}))(?!\w)")


# A name of two words or more the clause ends with, or an apposition after it ('… Thành ủy Hà Giang
# (trước sắp xếp)').
_CLAUSE_END_RE = re.compile(r"\s*(?:[;.(]|,\s|$)")


@cache
def _its_province_re() -> re.Pattern:
    """', tỉnh Hà Giang' after a district's name: its province, part of the issuer phrase."""
    return re.compile(rf",\s*(?:tỉnh|thành phố|TP\.?)\s+(?:{patterns.province_alt()})(?!\w)", re.IGNORECASE)


def _named_issuer(s: Span, text: str, after: int) -> Span:
    """`s` running to the end of its issuer phrase 'của <Name>' (up to `after`), whose body the
    tables do not know: the name as written is its issuer, and a province that ends it its place
    ('của Ban Tuyên giáo Tỉnh ủy Hưng Yên', 'của Bộ Xây dựng')."""
    between = _BETWEEN_RE.match(text, s.end)
    m = _OF_RE.match(text, s.end) or between
    name = text[m.end() : after].strip(" ,") if m else ""
    name = name[: bodies.subject_end(name)].strip(" ,")  # '… của UBND thị xã hết hiệu lực thi hành.'
    after = m.end() + len(name) if m and name else after
    if between is not None and len(parts := bodies.split_bodies(name)) > 1:
        return _joint_issuer(s, parts, after)
    words = name.split()
    province = next(
        (
            p
            for k in range(min(4, len(words) - 1), 0, -1)
            if (p := _province(" ".join(words[-k:]))) and not signals.place_in_name(" ".join(words[:-k]))
        ),
        None,
    )
    if (its := _ITS_PROVINCE_RE.search(name)) and province:
        name = name[: its.start()]  # 'Huyện ủy Bắc Mê, tỉnh Hà Giang': the district's, in Hà Giang
    # a national organisation's body: 'Ban Thường vụ Trung ương Hội Cựu chiến binh Việt Nam', 'Đoàn
    # Chủ tịch Tổng Liên đoàn Lao động Việt Nam'; a body above the provinces whatever its code
    central = province is None and (
        ((national_name(name) or names_ministry(name)) and not _local_party_code(s.issuer_code))
        or regional_name(name)
    )
    return evolve(
        s,
        end=after,
        issuer=bodies.executive_committee(name) or None,  # 'Ban Chấp hành Đảng bộ huyện X': the Huyện ủy
        province=s.province or province,
        # a province's body ('của Đảng ủy Công an tỉnh Nghệ An', 'của Đảng ủy Công an tỉnh'): its own
        # whatever the centre's body its code also names (ĐUCA: the Đảng ủy Công an Trung ương)
        central=s.central or central or (False if province or _LOCAL_WORD_RE.search(name) else None),
    )


def _joint_issuer(s: Span, parts: list[str], after: int) -> Span:
    """`s` running to `after`, issued jointly by the bodies `parts` names ('giữa Trung ương Hội Cựu
    chiến binh Việt Nam và Ban Bí thư Trung ương Đoàn'): the centre's when one of them is."""
    names, central = [], False
    for p in parts:
        # 'Ban Bí thư Trung ương Đoàn': another organisation's body, its name as written
        body = None if patterns.other_organisation_re().search(p) else tables.canonical_body(p)
        names.append(body.name if body is not None else bodies.canonical_name(p))
        central = central or (body.level == "central" if body else national_name(p))
        central = central or names_ministry(p)
    central = central and not _local_party_code(s.issuer_code)
    return evolve(s, end=after, issuer=bodies.JOINT.join(names), central=s.central or central or None)


_ITS_PROVINCE_RE = re.compile(r",\s*(?:tỉnh|thành phố|TP\.?)\s+[^,]*$", re.IGNORECASE)
_LOCAL_WORD_RE = re.compile(r"(?<!\w)(?:tỉnh|thành phố)(?!\w)", re.IGNORECASE)


@cache
def _ministry_re() -> re.Pattern:
    """'Bộ' before a name in capitals: a ministry ('Bộ trưởng Bộ Lao động - Thương binh và Xã hội'),
    not a head of its own that opens with 'Bộ' (signals.toml [body] heads: 'Bộ Chỉ huy …')."""
    heads = [h.removeprefix("Bộ ") for h in signals.table()["body"]["heads"] if h.startswith("Bộ ")]
    other = rf"(?!(?:{patterns.alt(heads)})(?!\w))" if heads else ""
    return re.compile(rf"(?<!\w)Bộ\s+{other}(?=[{patterns.UPPER}])")


def names_ministry(name: str) -> bool:
    """Does an issuer phrase name a ministry, a body of the centre whatever the symbol's code? Not
    a body of a place ('Bộ Chỉ huy Quân sự tỉnh')."""
    return (
        _ministry_re().search(name) is not None
        and _LOCAL_WORD_RE.search(name) is None
        and signals.body_level(name) is None
    )


_CENTRAL_NAME_RE = re.compile(r"\bTrung ương\b|\bViệt Nam$|\bquốc gia\b")


def national_name(name: str) -> bool:
    """Does a body's name say it is the nation's ('Ban Thường vụ Trung ương Hội Cựu chiến binh Việt
    Nam', 'Học viện Chính trị quốc gia Hồ Chí Minh'), or is it of a kind the centre alone has ('Học
    viện Chính trị khu vực III')? A place it also names is the caller's to weigh."""
    return _CENTRAL_NAME_RE.search(name) is not None or signals.central_kind(name)


@cache
def _regional_re() -> re.Pattern[str]:
    """A body above the provinces named by its number (signals.toml [body] regional)."""
    return re.compile(rf"(?<!\w)(?:{patterns.alt(signals.table()['body']['regional'])})\s+\d{{1,3}}(?!\w)")


def regional_name(name: str) -> bool:
    """Is a body the army's or a force's above the provinces ('Đảng ủy Quân khu 4'), of no province?"""
    return _regional_re().search(name) is not None


# An apposition in parentheses: a few words in lower case, no number ('(cũ)', '(trước hợp nhất)').
_ASIDE_RE = re.compile(r"\s*\((?P<words>[^\W\d_]+(?:\s[^\W\d_]+){0,3})\)")


def _past_aside(text: str, pos: int) -> int:
    """Where the text after a citation's issuer goes on past an aside that says only how the issuer
    stood ('của Ban Thường vụ Tỉnh ủy Hà Giang (cũ) về …', '(trước hợp nhất)'), or `pos`. A defined
    short name or an attachment in parentheses is no aside: it says something of the document."""
    m = _ASIDE_RE.match(text, pos)
    if m is None or not m.group("words").islower() or _alias_re().search(m.group()):
        return pos
    return m.end()


def _without_aside(name: str) -> str:
    """A body's name without the aside that ends it ('Ban Thường vụ Quận ủy Hải Châu (cũ)')."""
    cut = name.rfind("(")
    return name[:cut].rstrip() if cut > 0 and _past_aside(name, cut) == len(name) else name


def _next_cue(text: str, end: int, tm: re.Match[str]) -> bool:
    """In a preamble, a comma and a cue open the next clause, no subject: 'Căn cứ Quyết định số
    120/QĐ-UBND …, thực hiện Kế hoạch số 30/KH-UBND …' (the plan is implemented, not the
    decision's subject)."""
    word = tm.start("word")
    return (
        "," in text[end:word]
        and signals.preamble_opener(text[word:])
        and signals.preamble_opener(text[: end - 1].lstrip(" -–+•*"))
    )


def _attach_titles(text: str, spans: list[Span]) -> list[Span]:
    """Give each citation its subject ('về …'); a citation inside it is nested, not coordinated."""
    spans = sorted(spans, key=lambda s: (s.start, -s.end)) if len(spans) > 1 else spans
    out: list[Span] = []
    stops: tuple[_FirstMatch, ...] | None = None  # where subjects may end, found once
    for i, s in enumerate(spans):
        if s.end >= len(text):
            out.append(s)  # a subject and an issuer phrase open with a word: none follows the text
            continue
        pos = _past_aside(text, s.end)  # '… của Ban Thường vụ Tỉnh ủy Hà Giang (cũ) về …'
        tm = patterns.TITLE_START_RE.match(text, pos)
        if not tm and (pm := _purpose_re().match(text, pos)) and (pt := _implementing_start(text, pm.end())):
            tm, pos = (
                pt,
                pm.end(),
            )  # '… Kế hoạch số 45-KH/HU … để triển khai thực hiện …': its purpose, its subject
        if (not tm or tm.start("word") - pos > 6) and s.issuer is None:
            # 'của Bộ Thông tin và Truyền thông về …': an issuer the tables do not know yet
            after = _issuer_words_end(text, s.end)
            if after is not None:
                pos = _past_aside(text, after)
                tm = patterns.TITLE_START_RE.match(text, pos)
                tm = tm if tm and tm.start("word") - pos <= 2 else None
                closed = tm is None and _LOWER_NEXT_RE.match(text, after) is not None  # by its place
                if tm or closed or _CLAUSE_END_RE.match(text, after):
                    s = _named_issuer(s, text, after)
                pos = _past_aside(text, s.end)  # the name may end before the words read ('… đề nghị')
                if closed and (pm := _purpose_re().match(text, pos)):
                    # '… Huyện ủy Hòn Đất nhằm triển khai thực hiện …': the document's purpose, its subject
                    tm = patterns.TITLE_START_RE.match(text, pm.end())
                    pos = pm.end() if tm else pos
        bare = None if tm and tm.start("word") - pos <= 6 else _bare_subject_start(text, s, pos)
        if bare is None and (not tm or tm.start("word") - pos > 6 or _next_cue(text, s.end, tm)):
            out.append(s)
            continue
        tstart = bare if bare is not None else tm.start("word")  # type: ignore[union-attr]
        stops = stops or (
            _FirstMatch(_TITLE_STOP_RE, text),
            _FirstMatch(_clause_re(), text),
            _FirstMatch(_act_stop_re(), text),
        )
        limit = min(len(text), tstart + TITLE_MAX)
        for found in stops:
            at = found.at_or_after(tstart)
            limit = at if at is not None and at < limit else limit
        limit = _clause_after(text, tstart, limit)
        limit = _subject_end(text, s, spans[i + 1 : i + 1 + INSIDE_MAX], tstart, limit)
        title = text[tstart:limit].strip(" ,;“”\"'()¦")
        if len(title) < 4 or (bare is not None and not _bare_subject_whole(text, tstart, limit)):
            out.append(s)
            continue
        out.append(
            evolve(
                s,
                title=_clean_title(title),
                title_start=tstart,
                title_end=tstart + len(text[tstart:limit].rstrip()),
            )
        )
    return out


_LOWER_NEXT_RE = re.compile(r"\s+(?=[^\W\d_])(?![" + patterns.UPPER + "])")  # a word in lower case next


@cache
def _purpose_re() -> re.Pattern[str]:
    """A purpose's word right after an issuer's name, before its subject (cues.toml [THUC_HIEN] purpose)."""
    words = tables.cues()["THUC_HIEN"]["purpose"]
    return re.compile(rf"\s+(?:{patterns.alt([lower_vn(w) for w in words])})(?=\s)")


def _implementing_start(text: str, at: int) -> re.Match[str] | None:
    """A subject opening at `at` with a word of carrying out ('triển khai thực hiện …', 'tiếp tục
    thực hiện …'): after a purpose's word, what the cited document implements, as without it."""
    tm = patterns.TITLE_START_RE.match(text, at)
    return tm if tm and lower_vn(tm.group("word")) in _IMPLEMENTING_WORDS else None


_IMPLEMENTING_WORDS = frozenset({"thực hiện", "triển khai", "tiếp tục"})


@cache
def _bare_subject_re() -> re.Pattern[str]:
    """A word in lower case that may open a subject written without 'về' (cues.toml [bare_subject])."""
    words = tables.cues()["bare_subject"]["not_openers"]
    return re.compile(rf"\s+(?![{patterns.UPPER}])(?!(?:{patterns.alt(words)})(?!\w))(?=[^\W\d_])")


_ITEM_END_RE = re.compile(r"\s*(?:;|\.?\s*$)")


def _bare_subject_start(text: str, s: Span, pos: int) -> int | None:
    """Where the subject of a numbered citation of a preamble opens when written without 'về' right
    after its issuer, in lower case ('Căn cứ Hướng dẫn số 01-HD/TW … của Ban Bí thư một số vấn đề cụ
    thể thi hành Điều lệ Đảng;'), or None. Its sentence opens with a preamble's cue."""
    if s.kind != "numbered" or s.issuer is None or pos != s.end or not text[pos - 1].isalpha():
        return None
    m = _bare_subject_re().match(text, pos)
    if m is None:
        return None
    cut = text.rfind(". ", 0, s.start)
    opening = cut + 2 if cut >= 0 else 0
    return m.end() if signals.preamble_opener(text[opening : s.start].lstrip(" -–+•*")) else None


def _bare_subject_whole(text: str, tstart: int, limit: int) -> bool:
    """Does a subject without 'về' run to its item's end, with no comma (no sentence's clause)?"""
    return "," not in text[tstart:limit] and _ITEM_END_RE.match(text, limit) is not None


_COMMA_RE = re.compile(r",\s+(?=[^\W\d_])")
_CLAUSE_REACH = 160  # how far after a comma the clause's bodies and their verb are read


@cache
def _tense_re() -> re.Pattern[str]:
    """A tense word (cues.toml [clause_after_subject]) as a whole word."""
    return re.compile(rf"(?<!\w)(?:{patterns.alt(tables.cues()['clause_after_subject']['tense'])})(?!\w)")


def _clause_after(text: str, tstart: int, limit: int) -> int:
    """Where a subject (from `tstart`, at most to `limit`) ends because the citing sentence's own
    clause opens after a comma: bodies, then a tense word ('…, các bộ, ngành, địa phương đã có …'),
    or a body's name in capitals and its predicate ('…, Bộ Nội vụ tổng hợp …')."""
    for c in _COMMA_RE.finditer(text, tstart, limit):
        rest = text[c.end() : min(len(text), c.end() + _CLAUSE_REACH)]
        named = rest[0].isupper()
        if not (named or _tense_re().search(rest)) or not bodies.may_name_a_body(rest):
            continue
        names, end = bodies.parse_subject(rest)
        after = rest[end:].lstrip()
        if not names or not after[:1].islower() or any(ch.isdigit() for n in names for ch in n):
            continue
        if _ends_with_a_body(text[tstart : c.start()]):
            continue  # '… do Quốc hội, Hội đồng nhân dân bầu': the comma goes on with a list of bodies
        if _tense_re().match(after) or (named and bodies.subject_end(after) == 0):
            return c.start()
    return limit


_LIST_REACH = 8  # words before a comma looked at for a body's name
_LIST_TAIL = 80  # characters before a comma looked at for a body the tables know


def _ends_with_a_body(before: str) -> bool:
    """Does `before` end with a body's capitalised name, its last words read alone as one?"""
    near = before.rstrip()[-_LIST_TAIL:]
    if any(m.end() == len(near) and near[m.start()].isupper() for m in signals.iter_bodies(near)):
        return True  # a body the tables know: 'Quốc hội', 'Ban Bí thư'
    words = before.split()
    for k in range(1, min(_LIST_REACH, len(words)) + 1):
        tail = " ".join(words[-k:])
        if tail[:1].isupper() and bodies.may_name_a_body(tail):
            names, end = bodies.parse_subject(tail)
            if names and end >= len(tail.rstrip(" ,")):
                return True
    return False


class _FirstMatch:
    """The first match of a pattern at or after any position of one text, from a single scan
    (a search from each citation would re-read the text after it: quadratic)."""

    def __init__(self, rx: re.Pattern[str], text: str) -> None:
        self.rx, self.text = rx, text
        found = [(m.start(), m.end()) for m in rx.finditer(text)]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def at_or_after(self, pos: int) -> int | None:
        k = bisect_left(self.starts, pos)
        nxt = self.starts[k] if k < len(self.starts) else len(self.text)
        if k > 0:  # a match the scan took before `pos` may hide one starting inside it
            for p in range(pos, min(self.ends[k - 1], nxt)):
                if self.rx.match(self.text, p):
                    return p
        return nxt if k < len(self.starts) else None


# Bounds that keep any text linear: a subject runs at most TITLE_MAX characters (the longest seen
# are ~600) and holds at most INSIDE_MAX citations of its own.
TITLE_MAX = 1500
INSIDE_MAX = 40
_TAIL = 200  # how far back from a citation the words that coordinate it are looked for


def _subject_end(text: str, s: Span, following: list[Span], tstart: int, limit: int) -> int:
    """Where the subject of `s` (from `tstart`, at most to `limit`) ends, given the citations that
    follow it: one coordinated with `s` ends it; one inside it is nested."""
    inside_types: set[str | None] = set()  # types of the citations already inside this subject
    lead_a: tuple[str, ...] | None = None  # the words before `s`, read when first compared
    acts: bool | None = None  # whether the subject is verbs that govern its first citation
    for nxt in following:
        if nxt.start >= limit:
            break
        if nxt.start < tstart:
            continue
        # "… về việc thực hiện các nhiệm vụ tại Chỉ thị A … và Chỉ thị B": B is coordinated with
        # the Chỉ thị already inside this subject, not with this document.
        peer = nxt.type in inside_types and nxt.type != s.type
        if acts is None:
            acts = _listed_verbs(text[tstart : nxt.start], alone=True)
        lo = max(tstart, nxt.start - _TAIL)
        # The word ends where the blanks before `nxt` start: no match starts further back than it.
        end = lo + len(text[lo : nxt.start].rstrip())
        coord = _COORD_END_RE.search(text, max(lo, end - _COORD_REACH), nxt.start)
        # "Kế hoạch số 145 … của UBND tỉnh thực hiện Nghị quyết A … và Chương trình B …": B is the
        # second object of the subject's verbs, unless of this document's type, dated after it, or
        # a State text after a Party plan (a Party plan carries out no Chỉ thị of a Chủ tịch UBND).
        peer = peer or bool(
            acts
            and inside_types
            and coord
            and coord.group().startswith("và")
            and nxt.type != s.type
            and not _dated_after(nxt.date, s.date)
            and not (tables.party_symbol(s.symbol) and nxt.symbol and not tables.party_symbol(nxt.symbol))
        )
        inside_types.add(nxt.type)
        if coord and not peer:
            return coord.start()
        # "Sau 05 năm thực hiện A … và gần 02 năm thực hiện B": B parallels A, not A's subject.
        if lead_a is None:
            lead_a = _last_words(text[max(0, s.start - 60) : s.start], 2)
        if lead_a and lead_a == _last_words(text[max(tstart, nxt.start - 60) : nxt.start], 2):
            between = text[tstart : nxt.start]
            if _listed_verbs(between):
                continue  # '… về học tập, quán triệt và triển khai thực hiện B': B is this subject's
            cut = max(between.rfind(" và "), between.rfind(", "))
            if cut > 0:
                return tstart + cut
    return limit


_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ITEM_SPLIT_RE = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
_ABOUT_RE = re.compile(r"[“\"]?\s*về\s+(?:việc\s+)?", re.IGNORECASE)


@cache
def _verbs_re() -> re.Pattern[str]:
    """One item of a subject's list of verbs: verbs of cues.toml [coordinated], one after another."""
    verb = patterns.alt([lower_vn(v) for v in tables.cues()["coordinated"]["verbs"]])
    return re.compile(rf"(?:{verb})(?!\w)(?:\s+(?:{verb})(?!\w))*")


def _listed_verbs(subject: str, alone: bool = False) -> bool:
    """Is `subject` ('về học tập, quán triệt, tuyên truyền và triển khai thực hiện') a list of verbs
    whose last governs what follows? Then a cue among them coordinates with the others, inside the
    subject: no new clause of the citing sentence. `alone`: one verb is a list too ('thực hiện')."""
    m = _ABOUT_RE.match(subject)
    items = _ITEM_SPLIT_RE.split(lower_vn(subject[m.end() if m else 0 :].strip()))
    return len(items) > (0 if alone else 1) and all(_verbs_re().fullmatch(item) for item in items)


def _dated_after(date: str | None, than: str | None) -> bool:
    """Is `date` a day after `than` (both full dates)? A later document is no part of an earlier one's subject."""
    return bool(date and than and len(date) == len(than) == 10 and date > than)


_BLANKS_RE = re.compile(r"\s+")


def _last_words(text: str, n: int) -> tuple[str, ...]:
    words = _LETTERS_RE.findall(lower_vn(text[-60:]))
    return tuple(words[-n:]) if len(words) >= n else ()


def _clean_title(title: str) -> str:
    title = _BLANKS_RE.sub(" ", title.replace("¦", " ")).strip(" ,;")
    title = title.replace("“", "").replace("”", "").replace('"', "")
    if title[:2] == "Về":
        title = "về" + title[2:]
    return title


@cache
def _alias_re() -> re.Pattern[str]:
    """'(sau đây viết tắt là …)', '(gọi tắt là …)': a short name defined in parentheses."""
    phrases = tables.cues()["alias"]["phrases"]
    alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\(\s*\*?\s*(?:{alt})\s*:?\s*\*?\s*(?P<alias>[^()]+?)\s*\*?\s*\)", re.IGNORECASE)


def find_aliases(text: str, spans: list[Span]) -> list[tuple[str, Span]]:
    """Defined short names: '… (sau đây viết tắt là Nghị quyết Đại hội)' -> (alias, cited span)."""
    out: list[tuple[str, Span]] = []
    if "(" not in text:
        return out  # a short name is defined in parentheses
    for m in _alias_re().finditer(text):
        alias = m.group("alias").strip(" *“”\"'")
        before = [s for s in spans if s.scope_end <= m.start() and m.start() - s.scope_end <= 3]
        if before and 3 <= len(alias) <= 80:
            out.append((alias, before[-1]))
    return out


@lru_cache(maxsize=1 << 10)
def _alias_use_re(alias: str) -> re.Pattern[str]:
    """A defined short name as a whole word: compiled once for all the paragraphs after it."""
    return re.compile(r"(?<![\w])" + re.escape(alias) + r"(?![\w])")


_NEXT_WORD_RE = re.compile(r"\s+(\S+)")


def find_alias_uses(
    text: str, aliases: dict[str, Span], taken: list[tuple[int, int]], since: int = 0
) -> list[Span]:
    out = []
    for alias, target in aliases.items():
        if alias not in text:
            continue  # the pattern matches the alias as written: most paragraphs do not use it
        for m in _alias_use_re(alias).finditer(text):
            if m.start() < since or overlaps(m.start(), m.end(), taken):
                continue
            after = text[m.end() : m.end() + 20]
            nxt = _NEXT_WORD_RE.match(after)
            if nxt and (
                nxt.group(1)[:1].isupper() or fold(nxt.group(1)) in {"dai", "lan", "toan", "khoa", "dang"}
            ):
                continue  # a longer name that starts with the alias
            out.append(
                evolve(
                    target,
                    kind="alias",
                    start=m.start(),
                    end=m.end(),
                    alias=alias,
                    title=None,
                    title_start=None,
                    title_end=None,
                )
            )
    return out


def find_citations(text: str, *, province: str | None = None) -> list[Span]:
    """All citations in `text`, ordered by position. `province` fills local named documents."""
    return list(_citations(text, province))


@text_cache(maxsize=1 << 13)
def _citations(text: str, province: str | None) -> tuple[Span, ...]:
    """find_citations, remembered: a paragraph is read again by later stages and other files."""
    spans = _numbered(text)
    by_name = named.find_named(text, province=province)
    if by_name:  # most paragraphs name no document
        taken = [(s.start, s.end) for s in spans]
        spans += [s for s in by_name if not overlaps(s.start, s.end, taken)]
    spans += _descriptive(text, [(s.start, s.end) for s in spans])
    if not spans:
        return ()
    spans = _attach_titles(text, spans)
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)) if len(spans) > 1 else spans)


def centre_number_only(text: str, start: int, end: int, type_name: str, num: str) -> Span | None:
    """A document of the Party centre cited by its number alone ('Kết luận số 123 ngày 24/01/2025
    của Ban Chấp hành Trung ương Đảng', 'Nghị quyết 57 của Bộ Chính trị'), with no full citation of
    that number before it: its symbol is the one the centre writes, '123-KL/TW'. Another issuer's
    code cannot be told from its name (a Tỉnh ủy's board writes TU, BTGTU …): None."""
    t = _trailer(text, end)
    centre = tables.issuer_code_info("TW")
    if t.body is None or centre is None or centre["body"] not in (t.body.name, t.body.part_of):
        return None
    code = next((dt.codes[0] for dt in tables.doc_types() if dt.name == type_name and dt.codes), None)
    if code is None:
        return None
    number = _number(num)
    return evolve(
        numbered_span(
            start,
            t.end,
            type_name,
            code,
            number,
            "TW",
            f"{number}-{code}/TW",
            t.date,
            t.body.name,
            t.province,
            t.term,
            t.bad_date,
            False,
        ),
        central=True,
    )


def find_short_forms(text: str, spans: list[Span]) -> list[tuple[int, int, str, str]]:
    """(start, end, type name, number) of forms like 'Nghị quyết 52' that need an earlier full
    cite, outside the citations `spans`."""
    forms = _short_forms(text)
    if not forms:
        return []  # most paragraphs
    taken = [(s.start, s.end) for s in spans]
    return [f for f in forms if not overlaps(f[0], f[1], taken)]


# The number of a short form as `short_form_re` reads it: a blank, up to four digits and none of
# the characters that make it part of a symbol. Where this does not match, that does not either.
_SHORT_NUMBER_RE = re.compile(r"\s\d{1,4}(?![\d/\-–,])")
# A blank before a digit: all that is asked of a text too long to remember, whose first short
# number may stand at its end ('1, 1, …, 1.'); the search for one would be a second pass over it.
_BLANK_DIGIT_RE = re.compile(r"\s\d")


@text_cache(maxsize=1 << 13)
def _short_forms(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Every short form of `text`, wherever it stands: the paragraph's spans are taken out after."""
    out: list[tuple[int, int, str, str]] = []
    if not (_SHORT_NUMBER_RE if len(text) <= CACHED_LEN else _BLANK_DIGIT_RE).search(text):
        return ()  # no number a short form may end in
    for m in patterns.short_form_re().finditer(text):
        t = tables.type_names().get(fold(m.group("type")))
        if t:
            out.append((m.start(), m.end(), t, m.group("num")))
    return tuple(out)
