"""Who issued a document, what it is, when: from wherever the text says it.

A header gives identity directly. A web reprint or a news page often gives it only in its lead or
headline ("Ngày 23/8/2017, Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU về …"), in a closing
line ("… đăng tải Hướng dẫn số 35-HD/BTG ngày 25/12/2018 của Ban Tuyên giáo Quận ủy"), or in the
document's own enacting line ("…, Ban Thường vụ Tỉnh ủy (khóa XV) ban hành chương trình …").
These functions read one line each and return what it says; loaders/parse.py decides which
line speaks for which document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vbgraph.loaders import patterns, signals
from vbgraph.loaders.dates import iso_date
from vbgraph.loaders.normalize import fold
from vbgraph.ontology import tables


@dataclass(frozen=True)
class Statement:
    """What one line says about a document it names."""

    type: str | None
    number: str | None  # "17" in "Chỉ thị số 17" when no full symbol is written
    body: str | None  # the issuing body as written ("Ban Thường vụ Tỉnh ủy Yên Bái")
    date: str | None  # ISO date, when day, month and year are all given
    title: str | None
    start: int  # offset of the type word in the line
    line: int = 0


_VERB_RE = re.compile(
    r"(?:đã\s+|vừa\s+|mới\s+)?(?:ký\s+)?(?P<verb>ban\s+hành|ban\w{0,2}|xây\s+dựng)\s+", re.IGNORECASE
)


_SYMBOL_AFTER_RE = re.compile(r"\s*(?:số|Số)?\s*:?\s*\d{1,5}[a-z]?\s*[-–/][^\s,;]{1,40}")
_VERB_ANYWHERE_RE = re.compile(r"\bban(?:\s+hành|h|n)?\s|\bxây\s+dựng\b", re.IGNORECASE)


@cache
def _type_re() -> re.Pattern:
    return re.compile(
        rf"(?P<type>(?:{patterns.type_alt()}))(?!\w)(?:\s+(?:số|Số)\s*:?\s*(?P<num>\d{{1,5}}[a-z]?)(?!\s*[\d/\-–]))?",
        re.IGNORECASE,
    )


_LEAD_DATE_RE = re.compile(
    r"(?:^|[\s,;.\-–])[Nn]gày\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?\s*,"
)
# The subject after the type: 'về …', 'v/v …', or words in lowercase ('… Hướng dẫn công tác …').
_TITLE_RE = re.compile(r"\s*,?\s*(?P<t>\S.*)")
_NOT_TITLE_RE = re.compile(r"(?:như\s+sau|số|này|kèm\s+theo|để|nhằm|và)\b", re.IGNORECASE)
_TITLE_END_RE = re.compile(r"\.(?:\s|$)|;|\s+như sau\b|:")


def statement(line: str) -> Statement | None:
    """The document a lead or enacting line names ('<body> [đã] ban hành <Type> [số N] [về …]'),
    with what the line says about it. 'banh' for 'ban hành' (a dropped syllable) is read too."""
    if not _VERB_ANYWHERE_RE.search(line):
        return None  # no issuing verb: no need to look for bodies
    for bm in signals.find_bodies(line):
        end = signals.place_after(line, bm.end())
        gap = signals.SPEAKER_GAP_RE.match(line, end)
        vm = _VERB_RE.match(line, gap.end() if gap else end)
        if not vm:
            continue
        tm = _type_re().match(line, vm.end())
        if not tm or not tm.group("type")[0].isalpha():
            continue
        body = re.sub(r"\s*\([^()]*\)", "", line[bm.start() : end]).strip(" ,")
        date = None
        dm = _last(_LEAD_DATE_RE.finditer(line[: bm.start()]))
        if dm and dm.group("y"):
            date = iso_date(dm.group("d"), dm.group("m"), dm.group("y"))
        title = None
        after = tm.end()
        sm = _SYMBOL_AFTER_RE.match(line, after)
        if sm:  # '… Chương trình số 27-CTr/TU [ngày …] về …': the subject follows the symbol
            after = sm.end()
            dm2 = patterns.date_after_re().match(line, after)
            after = dm2.end() if dm2 and dm2.start() - after <= 3 else after
        ttm = _TITLE_RE.match(line, after)
        if ttm and not (fold(ttm.group("t")[:4]) in ("ve ", "v/v ") or ttm.group("t")[:1].islower()):
            ttm = None  # a subject opens with 'về', 'v/v' or a word in lowercase
        if ttm and _NOT_TITLE_RE.match(ttm.group("t")):
            ttm = None
        if ttm:
            t = ttm.group("t")
            em = _TITLE_END_RE.search(t)
            title = (t[: em.start()] if em else t).strip(' ,“”"')
        dtype = tables.type_names().get(fold(tm.group("type")))
        return Statement(dtype, tm.group("num"), body or None, date, title or None, tm.start("type"))
    return None


def _last(matches) -> re.Match | None:
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def lead_date_without_year(line: str) -> tuple[int, int] | None:
    """(day, month) of a lead 'Ngày 6/8, …' that gives no year."""
    m = _LEAD_DATE_RE.search(line)
    if m and not m.group("y"):
        return int(m.group("d")), int(m.group("m"))
    return None


_CHUNK_RE = re.compile(
    r"^\s*#*\s*(?P<num>\d{1,5})_(?P<year>(?:19|20)\d{2})_(?P<a>[A-ZĐ]{1,6})_(?P<b>[A-ZĐ]{1,10})(?![A-ZĐ])"
)


def chunk_symbol(line: str) -> str | None:
    """'# 48_2013_NĐ_CP_art1_part1' (a data set's chunk header) -> '48/2013/NĐ-CP'."""
    m = _CHUNK_RE.match(line)
    if not m:
        return None
    return f"{m.group('num')}/{m.group('year')}/{m.group('a')}-{m.group('b')}"


_EXPAND = (("ubnd", "uy ban nhan dan"), ("hdnd", "hoi dong nhan dan"))


def issuer_code_for(body: str) -> str | None:
    """The issuer code a body writes in its symbols ('Ban Thường vụ Tỉnh ủy Yên Bái' -> 'TU',
    'UBND tỉnh' -> 'UBND'), from the issuer-code table: the longest body name it holds."""
    f = " " + fold(body) + " "
    for short, full in _EXPAND:
        f = f.replace(f" {short} ", f" {full} ")
    best: tuple[int, str] | None = None
    for info in tables.issuer_codes().values():
        name = fold(info.get("body") or "")
        if info.get("central") or not name or f" {name} " not in f:
            continue
        if best is None or len(name) > best[0]:
            best = (len(name), info["code"])
    return best[1] if best else None


def is_party_code(code: str) -> bool:
    """Party symbols are written N-XX/CODE, State ones N/XX-CODE: Party committees end in U/TW."""
    up = code.upper()
    return up.endswith(("U", "UK", "TW"))
