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
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from vbgraph.loaders import bodies, patterns, places, signals
from vbgraph.loaders import cite as cit
from vbgraph.loaders.dates import DATE_PATTERN, DATE_RE, date_from_match, iso_date
from vbgraph.loaders.header import Header, find_provinces, parse_symbol
from vbgraph.loaders.memo import text_cache
from vbgraph.loaders.normalize import containment, fold, lower_vn
from vbgraph.loaders.records import Citation, Issue, TextDocument
from vbgraph.loaders.segment import ENUMERATOR, Block, heading_wraps, section_start
from vbgraph.loaders.spans import Span
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import fold_aligned


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


@cache
def _verb_re() -> re.Pattern:
    """'[đã] [ký] ban hành', 'xây dựng' (ontology/signals.toml [issuing])."""
    t = signals.table()["issuing"]
    markers = "|".join(re.escape(m) for m in t["markers"])
    return re.compile(
        rf"(?:(?:{markers})\s+){{0,2}}(?P<verb>{signals.words_alt(t['verbs'])})\s+", re.IGNORECASE
    )


# In a lead, one or two words in lowercase stand for the verb ('banh' for 'ban hành', 'ký').
_ANY_VERB_RE = re.compile(
    rf"(?P<verb>(?=[^\W\d_])[^{patterns.UPPER}\W\d]\w{{0,6}}(?:\s+[^{patterns.UPPER}\W\d]\w{{0,6}})?)\s+(?=[{patterns.UPPER}])"
)


_SYMBOL_AFTER_RE = re.compile(r"\s*+(?:số|Số)?\s*+:?\s*+\d{1,5}[a-z]?\s*[-–/][^\s,;]{1,40}")


@cache
def _verb_anywhere_re() -> re.Pattern:
    verbs = signals.table()["issuing"]["verbs"]
    return re.compile(rf"{patterns.opens_with(verbs)}\b(?:{signals.words_alt(verbs)})\b", re.IGNORECASE)


@cache
def _type_re() -> re.Pattern:
    return re.compile(
        rf"(?P<type>(?:{patterns.type_alt()}))(?!\w)(?:\s+(?:số|Số)\s*+:?\s*+(?P<num>\d{{1,5}}[a-z]?)(?!\s*[\d/\-–]))?",
        re.IGNORECASE,
    )


_PARENS_RE = re.compile(r"\s*\([^()]*\)")
_UP_TO_CUA_RE = re.compile(r"^.*?\bCỦA\s+", re.IGNORECASE)
_JOINT_SPLIT_RE = re.compile(r"\s*,\s*|\s+(?:và|VÀ)\s+")
_AND_SPLIT_RE = re.compile(r"\s*,\s*|\s+và\s+")
_TINH_DOAN_RE = re.compile(r"\bTỉnh đoàn\b")
_TINH_UY_RE = re.compile(r"\bTỉnh ủy\b")
_TINH_RE = re.compile(r"\btỉnh\b")
_THANH_PHO_END_RE = re.compile(r"\s+thành phố$")
_PLACE_WORD_END_RE = re.compile(
    r"(?:\b(?:tỉnh|thành phố)|[ủu]y|\b(?:Tỉnh|Thành|Huyện|Quận|Thị) đoàn)$", re.IGNORECASE
)
_FOLDED_PLACE_END_RE = re.compile(r"\s+(?:tinh|thanh pho|tp\.?)$")
_TW_END_RE = re.compile(r"/TW$")
_LEAD_DATE_RE = re.compile(
    r"(?:^|[\s,;.\-–])[Nn]gày\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?\s*,"
)
# The subject after the type: 'về …', 'v/v …', or words in lowercase ('… Hướng dẫn công tác …').
_TITLE_RE = re.compile(r"\s*+,?\s*+(?P<t>\S.*)")
_NOT_TITLE_RE = re.compile(r"(?:như\s+sau|số|này|kèm\s+theo|để|nhằm|và)\b", re.IGNORECASE)
_TITLE_END_RE = re.compile(r"\.(?:\s|$)|;|\s+như sau\b|:")


@text_cache(maxsize=1 << 13)
def statement(line: str, *, lead: bool = False) -> Statement | None:
    """The document a lead or enacting line names ('<body> [đã] ban hành <Type> [số N] [về …]'),
    with what the line says about it. In a news lead ('Ngày 21/5, UBND tỉnh … Công văn số …') the
    body that opens it is the issuer whatever the verb says, a misspelt one included."""
    if not lead and not _verb_anywhere_re().search(line):
        return None  # no issuing verb: no need to look for bodies
    for bm in signals.iter_bodies(line):
        end = signals.place_after(line, bm.end())
        gap = signals.speaker_gap_re().match(line, end)
        vm = _verb_re().match(line, gap.end() if gap else end) or (
            lead and _ANY_VERB_RE.match(line, gap.end() if gap else end)
        )
        if not vm:
            continue
        tm = _type_re().match(line, vm.end())
        if not tm or not tm.group("type")[0].isalpha():
            continue
        body = _PARENS_RE.sub("", line[bm.start() : end]).strip(" ,")
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
    r"^\s*+#*+\s*+(?P<num>\d{1,5})_(?P<year>(?:19|20)\d{2})_(?P<a>[A-ZĐ]{1,6})_(?P<b>[A-ZĐ]{1,10})(?![A-ZĐ])"
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


def doc_issuer(h: Header, listing_issuer: str | None, ids: dict) -> tuple[str | None, str | None]:
    """(canonical issuing body, its level) from the signature, the heading, a listing, the symbol."""
    # 'ĐOÀN TNCS HỒ CHÍ MINH' above 'BCH HUYỆN ĐOÀN MỘC CHÂU' names the organisation, not the body
    lines = tuple(x for x in h.org_lines if not signals.organisation_motto(x)) or h.org_lines
    organ = _standing_organ(lines)
    base = _org_body(lines[:-1]) if organ else None  # the body whose standing organ issues
    organ = organ if base else None
    org = base or _org_body(lines)
    info = tables.issuer_code_info(ids.get("issuer_code"))
    code_body = tables.canonical_body(info["body"]) if info else None
    found = (
        _joint_header(lines, ids)
        or (
            _signed_issuer(h.signed_for, org, listing_issuer, code_body, " ".join(lines))
            if h.signed_for
            else None
        )
        or (_signed_issuer(organ, org, listing_issuer, code_body) if organ else None)
        or (_joint_issuer(h.heading_rest) if h.heading_rest else None)
        or (_listing_issuer(listing_issuer) if listing_issuer else None)
    )
    if found:
        return found
    for b in (org, code_body):
        if b:
            return b.name, b.level
    return None, None


def _standing_organ(org_lines: tuple[str, ...]) -> str | None:
    """'BAN THƯỜNG VỤ' under 'TỈNH ỦY BÌNH ĐỊNH': the last organisation line names the standing
    organ of the body above it, which issues as 'T/M BAN THƯỜNG VỤ' would make it."""
    if len(org_lines) < 2:
        return None
    standing = {fold(x) for x in tables.signature_table()["standing_committee"]}
    return org_lines[-1] if fold(org_lines[-1]) in standing else None


@cache
def _executive_committee() -> frozenset[str]:
    return frozenset(fold(x) for x in tables.signature_table()["executive_committee"])


def _org_body(org_lines: tuple[str, ...]) -> tables.BodyEntry | None:
    """The body of the header's organisation lines: the lowest line that names a known body
    (then all of them together); else the last line when it names a body the tables lack."""
    if len(org_lines) > 1 and fold(org_lines[-1]) in _executive_committee():
        # 'ĐẢNG BỘ TỈNH LÀO CAI' / 'BAN CHẤP HÀNH': the executive committee of the organisation above
        return _org_body((*org_lines[:-2], f"{org_lines[-1]} {org_lines[-2]}"))
    if len(org_lines) > 1 and _local_place_line(org_lines[-1]) and signals.names_body(org_lines[-2]):
        return _named_body(f"{org_lines[-2]} {org_lines[-1]}")  # 'ỦY BAN NHÂN DÂN' / 'HUYỆN PHÙ CÁT'
    if (
        len(org_lines) > 1
        and _PROVINCE_LINE_RE.match(fold(org_lines[-1]))
        and find_provinces(org_lines[-1])
        and signals.names_body(org_lines[-2])
        and tables.canonical_body(org_lines[-2]) is None
    ):
        return _named_body(f"{org_lines[-2]} {org_lines[-1]}")  # 'ỦY BAN MTTQ VIỆT NAM' / 'TỈNH KHÁNH HÒA'
    if len(org_lines) > 1 and _board_line(org_lines[-1]) and (committee := _committee_of(org_lines[-2])):
        # 'TỈNH ỦY PHÚ THỌ' / 'ỦY BAN KIỂM TRA': the committee's board issues, by its full name
        name = f"{_recase(org_lines[-1])} {committee}"
        return tables.canonical_body(name) or tables.BodyEntry(
            name, signals.body_level(org_lines[-2]) or "province", (), None
        )
    if len(org_lines) > 1 and signals.body_level(org_lines[-2]) in ("district", "commune"):
        unit = _UNIT_PLACE_RE.search(org_lines[-2])
        if unit and _board_line(org_lines[-1]) and tables.canonical_body(org_lines[-1]) is None:
            # 'UBND HUYỆN THANH BA' / 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO': the district's office
            place = places.title_words(unit.group("place"))
            name = f"{_named_body(org_lines[-1]).name} {unit.group('unit').lower()} {place}"
            return tables.BodyEntry(name, signals.body_level(org_lines[-2]) or "district", (), None)
    if len(org_lines) > 1 and fold(org_lines[-1]) in _OFFICE_OF_THE_LINE_ABOVE:
        # 'UBND TỈNH NINH BÌNH' / 'VĂN PHÒNG', 'HĐND HUYỆN KIM SƠN' / 'THƯỜNG TRỰC': the body's own office
        parent = _org_body(org_lines[:-1])
        if parent is not None:
            return tables.BodyEntry(f"{_recase(org_lines[-1])} {parent.name}", parent.level, (), None)
    if len(org_lines) > 1 and (branch := _branch(org_lines[-2], org_lines[-1])):
        return branch
    candidates = [*reversed(org_lines), " ".join(org_lines)] if len(org_lines) > 1 else org_lines
    for line in candidates:
        org = _org_line_body(line)
        if org:
            return org
        if line is org_lines[-1] and signals.names_body(line):
            return _under_the_centre(
                org_lines, _named_body(line)
            )  # 'UBND TỈNH LÂM ĐỒNG' / 'SỞ NỘI VỤ': the last line issues
    return None


# A unit's word opening the place a header line ends with: 'TỈNH NGHỆ AN', 'HUYỆN CAN LỘC'.
_UNIT_OPENS_RE = re.compile(
    r"(?<!\w)(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường|đặc\s+khu)\s+(?=\w)", re.IGNORECASE
)


def _own_name(line: str) -> tuple[str, str]:
    """(a header line's body name, folded, less 'Việt Nam' and the place it ends with; that place as
    written): 'BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN' -> ('bao hiem xa hoi', 'TỈNH NGHỆ AN'); 'LIÊN MINH HỢP
    TÁC XÃ TỈNH …' is of the province (`places.place_start`)."""
    line = _NATION_END_RE.sub("", line)
    at = places.place_start(line)
    if at is not None and _UNIT_OPENS_RE.match(line, at):
        return fold(line[:at]).strip(), line[at:]
    return fold(line).strip(), ""


def _branch(above: str, line: str) -> tables.BodyEntry | None:
    """The body of a header's last line that is a branch, in a place of its own, of the body named on
    the line above (signals.toml [body] branch): the line repeats that body's name, less 'Việt Nam'
    and its place, or opens with a branch's word. The branch signs, at its place's level: 'BẢO HIỂM XÃ
    HỘI VIỆT NAM' / 'BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN', 'NGÂN HÀNG NHÀ NƯỚC VIỆT NAM' / 'CHI NHÁNH TỈNH
    QUẢNG NINH'. A line the tables or the heads read already ('CỤC THUẾ TỈNH …') is left to them."""
    if signals.names_body(line) or _org_line_body(line) is not None:
        return None
    name, place = _own_name(line)
    if not place or not name:
        return None
    if name == _own_name(above)[0]:
        branch = _named_body(line)
    elif name in _branch_words():
        branch = _named_body(f"{_NATION_END_RE.sub('', above)} {line}")
    else:
        return None
    # of its place's level, whatever unit's word its own name holds ('LIÊN MINH HỢP TÁC XÃ TỈNH …')
    return replace(branch, level=signals.body_level(place) or "province")


@cache
def _branch_words() -> frozenset[str]:
    return frozenset(fold(w) for w in signals.table()["body"]["branch"])


_NATION_END_RE = re.compile(r"\s+VIỆT\s+NAM\s*$", re.IGNORECASE)


def _under_the_centre(org_lines: tuple[str, ...], unit: tables.BodyEntry) -> tables.BodyEntry:
    """`unit`, the body of the header's last line, of the centre when the line above names a body of
    the centre and the unit's line no place of its own: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO' / 'TRƯỜNG ĐẠI HỌC
    CẦN THƠ', 'BỘ QUỐC PHÒNG' / 'BỆNH VIỆN QUÂN Y 175'; not 'BỘ CÔNG AN' / 'CÔNG AN TỈNH NGHỆ AN'."""
    if unit.level != "province" or len(org_lines) < 2 or _place_of_its_own(org_lines[-1], unit.name):
        return unit
    above = _org_body(org_lines[:-1])
    return replace(unit, level="central") if above is not None and above.level == "central" else unit


# Offices named without their body, which is the header line above them.
_OFFICE_OF_THE_LINE_ABOVE = frozenset({"van phong", "thuong truc"})


# The unit and place a district or commune line ends with: 'UBND HUYỆN THANH BA', 'ỦY BAN NHÂN DÂN XÃ TAM DÂN'.
_UNIT_PLACE_RE = re.compile(
    r"(?<!\w)(?P<unit>huyện|quận|thị xã|thành phố|xã|phường|thị trấn|đặc khu)\s+(?P<place>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}|\d{1,2})$",
    re.IGNORECASE,
)


# A Party committee's line in a header: 'TỈNH ỦY PHÚ THỌ', 'HUYỆN ỦY KIẾN XƯƠNG', 'ĐẢNG ỦY XÃ …'.
_COMMITTEE_LINE_RE = re.compile(r"(?:tinh|huyen|thanh|thi|quan|dang) uy\b")


_PROVINCE_LINE_RE = re.compile(r"(?:tinh|thanh pho) ")


def _under_local_committee(org_lines: tuple[str, ...]) -> bool:
    """Does a local Party committee or its organisation head the header, above the body that issues
    ('TỈNH ỦY NAM ĐỊNH' / 'TRƯỜNG CHÍNH TRỊ …'; 'ĐẢNG BỘ TỈNH BÌNH DƯƠNG' / 'ĐẢNG ỦY CÔNG AN TỈNH')?
    That body is the committee's, of its place, whatever centre's body its code also names (TCT:
    the Tổng cục Thuế; ĐUCA: the Đảng ủy Công an Trung ương)."""
    return any(
        (_COMMITTEE_LINE_RE.match(fold(line)) or _PARTY_ORGANISATION_RE.match(line.strip()))
        and signals.body_level(line) in ("province", "district", "commune")
        for line in org_lines[:-1]
    )


def _committee_of(line: str) -> str | None:
    """The Party committee a header line names, whose boards the line under it may name: 'TỈNH ỦY PHÚ
    THỌ'; the organisation's for 'ĐẢNG BỘ TỈNH LÀO CAI' ('Tỉnh ủy Lào Cai', as bodies.toml
    [executive_committees] reads 'Ban Chấp hành Đảng bộ …'); 'Trung ương' for 'BAN CHẤP HÀNH TRUNG ƯƠNG'."""
    f = fold(line)
    if _COMMITTEE_LINE_RE.match(f):
        return _recase(line)
    if _body_by_fold(f) is _body_by_fold("trung uong"):
        return "Trung ương"
    m = _PARTY_ORGANISATION_RE.match(line.strip())
    if m is None:
        return None
    generic = bodies.canonical_name(f"Ban Chấp hành Đảng bộ {m.group('unit').lower()}")
    known = tables.canonical_body(generic)
    name = known.name if known else generic
    if fold(name).startswith("ban chap hanh"):
        return None
    return f"{name} {places.title_words(m.group('place'))}"


# A Party organisation's line: 'ĐẢNG BỘ TỈNH LÀO CAI', 'ĐẢNG BỘ HUYỆN CAN LỘC'.
_PARTY_ORGANISATION_RE = re.compile(
    r"(?i:đảng\s+bộ)\s+(?P<unit>(?i:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn|đặc\s+khu))"
    r"\s+(?P<place>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})$"
)


def _board_line(line: str) -> bool:
    """A board, office or committee of a Party committee under its line ('BAN TUYÊN GIÁO', 'ỦY BAN
    KIỂM TRA', 'VĂN PHÒNG'): a body's name with no place and no committee of its own."""
    f = fold(line)
    return (
        signals.names_body(line)
        and not _COMMITTEE_LINE_RE.search(f)
        and not places.place_name(line)
        and signals.body_level(line) is None
    )


def _local_place_line(line: str) -> bool:
    """'HUYỆN PHÙ CÁT', 'THỊ XÃ KỲ ANH', 'PHƯỜNG 3': a line that names a district or commune and
    no body, under the body whose place it is."""
    return signals.body_level(line) in ("district", "commune") and not signals.names_body(line)


def _org_line_body(line: str) -> tables.BodyEntry | None:
    """The known body one organisation line names, read without its province (also folded,
    for OCR capitals)."""
    stripped = line
    for p in find_provinces(line):
        stripped = re.sub(re.escape(p), "", stripped, flags=re.IGNORECASE)
    f = fold(line)
    for written, rx in _province_words_res(by_length=False):
        if written in f:  # implied by a match: most provinces need no regex
            f = rx.sub("", f)
    return _of_its_level(
        tables.canonical_body(stripped.strip()) or _body_by_fold(f) or _canonical_local(line), line
    )


def _of_its_level(b: tables.BodyEntry | None, name: str) -> tables.BodyEntry | None:
    """`b`, unless `name` is of a district and `b` a province's: 'THÀNH ỦY HÀ TĨNH' is the committee
    of the province's city (a district), not the 'Thành ủy' of a city under the centre (its Tỉnh ủy)."""
    if b is not None and b.level == "province" and signals.body_level(name) == "district":
        return None
    return b


@cache
def _province_words_res(*, by_length: bool) -> tuple[tuple[str, re.Pattern], ...]:
    """(folded written form, its pattern as a whole word) of every province, in table order or
    longest first."""
    written = sorted(tables.provinces(), key=len, reverse=True) if by_length else list(tables.provinces())
    return tuple((w, re.compile(r"\b" + re.escape(w) + r"\b")) for w in written)


@cache
def _vocabulary_names() -> dict[str, str]:
    """The bodies' vocabulary by folded name ('tinh doan' -> 'Tỉnh đoàn')."""
    return {fold(n): n for n in tables.load("bodies.toml")["vocabulary"]["names"]}


def _place_after(org_text: str, name: str) -> str | None:
    """The place the header's organisation lines give after `name` ('Mộc Châu' after 'HUYỆN ĐOÀN'
    in 'BCH HUYỆN ĐOÀN MỘC CHÂU'), in title case."""
    at = fold_aligned(org_text).find(fold_aligned(name))
    if at < 0:
        return None
    words = _LETTER_WORDS_RE.findall(org_text[at + len(name) :])[:4]
    return places.title_words(" ".join(words)) or None


_LETTER_WORDS_RE = re.compile(r"[^\W\d_]+")


_EXECUTIVE_RE = re.compile(r"^Ban [Cc]hấp hành\s+(?=\S)")
# A local Youth Union by its formal name ('Đoàn tỉnh Tiền Giang') and the name its board goes by.
_UNION_OF_RE = re.compile(r"^[Đđ]oàn (tỉnh|huyện|quận|thành phố)\b", re.IGNORECASE)
_UNION_OF = {"tỉnh": "Tỉnh đoàn", "huyện": "Huyện đoàn", "quận": "Quận đoàn", "thành phố": "Thành đoàn"}


# The unit word a header gives a union's place ('BCH ĐOÀN TP. ĐÀ NẴNG'): the name its board goes by.
_UNION_UNIT_RE = re.compile(r"(?<!\w)(tỉnh|thành phố|tp\.?|huyện|quận|thị xã)(?!\w)")
_UNION_BY_UNIT = {**_UNION_OF, "tp": "Thành đoàn", "tp.": "Thành đoàn", "thị xã": "Thị đoàn"}


def _union_by_unit(org_text: str) -> str | None:
    """'Thành đoàn' for a union whose header names a city ('BCH ĐOÀN TP. ĐÀ NẴNG'), 'Tỉnh đoàn' for a
    province's, and so on; None when the header names no unit."""
    m = _UNION_UNIT_RE.search(lower_vn(org_text))
    return _UNION_BY_UNIT[m.group(1)] if m else None


def _signed_issuer(
    who: str,
    org: tables.BodyEntry | None,
    listing_issuer: str | None,
    code_body: tables.BodyEntry | None,
    org_text: str = "",
) -> tuple[str, str] | None:
    """The issuer the signature block names: 'T/M BAN THƯỜNG VỤ' is the standing committee of
    the header's body, 'T/M TỈNH ỦY' the header's body itself, any other the body it names."""
    sig = tables.signature_table()
    standing = {fold(x) for x in sig["standing_committee"]}
    words = who.split()
    if len(words) > 3 and fold(" ".join(words[:3])) in standing:
        # 'T/M BAN THƯỜNG VỤ HUYỆN ỦY': the standing committee of the body it names after it, which
        # is the header's when that one goes by the name ('Huyện ủy Yên Sơn')
        rest = " ".join(words[3:])
        named = org if org and fold(org.name).startswith(fold(rest)) else _canonical_local(rest)
        if named is None and (
            (signals.names_body(rest) and not places.place_name(rest)) or fold(rest) in _vocabulary_names()
        ):  # 'T/M BAN THƯỜNG VỤ TỈNH ĐOÀN': a name of the vocabulary, though 'TỈNH …' reads as a place
            spelt = _vocabulary_names().get(fold(rest)) or _recase(rest)
            place = _place_after(org_text, rest)  # 'BCH HUYỆN ĐOÀN MỘC CHÂU': the district's union
            level = signals.body_level(rest) or (org.level if org else "province")
            named = tables.BodyEntry(f"{spelt} {place}" if place else spelt, level, (), None)
        if named is not None:
            return _signed_issuer(" ".join(words[:3]), named, listing_issuer, code_body, org_text)
    if fold(who) in standing:
        base = org or (tables.canonical_body(listing_issuer) if listing_issuer else None) or code_body
        organ = _recase(who)  # "Ban Thường vụ", "Ban thường trực"
        if base and fold(base.name).startswith(fold(organ)):
            return base.name, base.level
        if base:
            # the standing board of an executive committee: 'Ban Chấp hành Hội Nông dân tỉnh X' -> 'Ban
            # Thường vụ Hội Nông dân tỉnh X'
            name = _EXECUTIVE_RE.sub("", base.name)
            # a union's board by the name it goes by: 'đoàn tỉnh' -> 'Tỉnh đoàn' (or 'đoàn', its place taken off)
            name = _UNION_OF_RE.sub(lambda m: _UNION_OF[m.group(1).lower()], name)
            if name.lower() == "đoàn" and base.level in ("province", "district"):
                name = _union_by_unit(org_text) or ("Tỉnh đoàn" if base.level == "province" else "Huyện đoàn")
            b = tables.canonical_body(f"{organ} {name}")
            return (b.name, b.level) if b else (f"{organ} {name}", base.level)
    elif fold(who) in {fold(x) for x in sig["executive_committee"]}:
        if org:
            return org.name, org.level
    elif org and fold(org.name).startswith(fold(who) + " "):
        return org.name, org.level  # 'T/M THÀNH ỦY' under 'THÀNH ỦY SẦM SƠN': the header's body
    else:
        b = tables.canonical_body(who) or _body_by_fold(fold(who))
        if b:
            return b.name, b.level
    return None


def _joint_issuer(heading_rest: str) -> tuple[str, str] | None:
    """'CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ' after the heading: issued jointly, when every part is a body."""
    rest = _UP_TO_CUA_RE.sub("", heading_rest)
    joint = [tables.canonical_body(p) for p in _JOINT_SPLIT_RE.split(rest)]
    named = [b for b in joint if b]
    if not joint or len(named) < len(joint):
        return None
    return bodies.JOINT.join(dict.fromkeys(b.name for b in named)), named[0].level


# Between two bodies of a joint header written on one line: 'ỦY BAN NHÂN DÂN TỈNH … - ỦY BAN MTTQ …'.
_HEADER_JOINT_RE = re.compile(r"\s+[-–]\s+")


def _joint_header(org_lines: tuple[str, ...], ids: dict) -> tuple[str, str] | None:
    """Issued jointly when the symbol is a joint document's ('01/CTPH-UBND-MTTQ') and the header
    names two bodies or more, each on its line or column, or one line with a dash between them: all
    of them, in the header's order ('Ủy ban nhân dân tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam')."""
    if not tables.joint_symbol(ids.get("type_code"), ids.get("issuer_code")):
        return None
    named: list[tables.BodyEntry | None] = []
    parent = -1  # where in `named` the body of the line above is, if it names one
    for i, line in enumerate(org_lines):
        if i and (branch := _branch(org_lines[i - 1], line)):
            # 'NGÂN HÀNG CHÍNH SÁCH XÃ HỘI' / 'CHI NHÁNH TỈNH CÀ MAU': the branch, not its body, issues
            if parent >= 0:
                named[parent:] = [branch]
            else:
                named.append(branch)
            continue
        parent = -1
        for p in _HEADER_JOINT_RE.split(line):
            if signals.names_body(p):
                parent = len(named)
                named.append(_org_body((p,)))
    if len(named) < 2:
        return None
    found = [b for b in named if b is not None]
    if len(found) < len(named) or any(b.part_of for b in found):
        return None  # 'TỈNH ỦY …' / 'BAN TUYÊN GIÁO': a committee and its board is one issuer
    names = list(dict.fromkeys(b.name for b in found))
    return (bodies.JOINT.join(names), found[0].level) if len(names) > 1 else None


def _listing_issuer(listing_issuer: str) -> tuple[str, str | None] | None:
    """The issuer a listing or a page's lead names, known to the tables or at least shaped like a body."""
    b = _canonical_local(listing_issuer)
    if b:
        return b.name, b.level
    if signals.find_body(listing_issuer):
        return _recase(listing_issuer), signals.body_level(listing_issuer)
    return None


def local_name(issuer: str, jurisdiction: str) -> str:
    """The name a province body goes by: 'Tỉnh ủy Long An', 'Sở Nội vụ tỉnh Long An', but 'Thành ủy
    Hải Phòng' and 'Ủy ban nhân dân Thành phố Hồ Chí Minh' in a city directly under the centre."""
    city = jurisdiction in signals.cities()
    if city:
        issuer = _TINH_UY_RE.sub("Thành ủy", issuer)
        issuer = _TINH_DOAN_RE.sub("Thành đoàn", issuer)  # a city's Youth Union
        issuer = _TINH_RE.sub("thành phố", issuer)
        if jurisdiction.lower().startswith("thành phố"):
            issuer = _THANH_PHO_END_RE.sub("", issuer)
    if fold(jurisdiction) in fold(issuer):
        return issuer
    if _PLACE_WORD_END_RE.search(issuer) or jurisdiction.lower().startswith("thành phố"):
        return f"{issuer} {jurisdiction}"
    return f"{issuer} {'thành phố' if city else 'tỉnh'} {jurisdiction}"  # 'Sở Nội vụ tỉnh Lâm Đồng'


def _named_body(line: str) -> tables.BodyEntry:
    """A body the tables do not list, as its header names it: 'SỞ NỘI VỤ' -> Sở Nội vụ. A body of
    the centre by its name, naming no place of its own (`_of_the_centre`), is of its level: 'BỘ
    QUỐC PHÒNG', 'HỌC VIỆN CHÍNH TRỊ QUỐC GIA HỒ CHÍ MINH'."""
    name = line
    city = signals.body_level(line) == "district"  # 'THÀNH ỦY HÀ TĨNH': the city keeps its name
    for p in find_provinces(line):
        if city and re.search(r"(?:thành\s+ủy|thành\s+phố|TP\.?)\s+" + re.escape(p), line, re.IGNORECASE):
            continue
        name = _without_place(name, p)
    name = places.titled(bodies.canonical_name(name.strip()))
    if line.isupper():
        name = _spelt_not_places(_proper_after_kind(name))
        # a place the name keeps, and the centre it stands for, as spelt ('BỆNH VIỆN ĐA KHOA TRUNG ƯƠNG
        # CẦN THƠ' is 'Bệnh viện Đa khoa Trung ương Cần Thơ', of the centre)
        for p in (*find_provinces(name), *signals.located_words()):
            name = re.sub(rf"(?<!\w){re.escape(p)}(?!\w)", p, name, flags=re.IGNORECASE)
        name = _ROMAN_RE.sub(
            lambda m: m.group().upper() if m.group().upper() in line.split() else m.group(), name
        )
    level = signals.body_level(line) or ("central" if _of_the_centre(line, name) else "province")
    return tables.BodyEntry(name, level, (), None)


# A number in Roman numerals that ends a name, lower-cased with the words before it: 'HỌC VIỆN CHÍNH
# TRỊ KHU VỰC III' (not 'vi' of 'XỬ LÝ VI PHẠM', a word).
_ROMAN_RE = re.compile(r"(?<!\w)[ivxl]{1,5}$", re.IGNORECASE)


def _without_place(name: str, province: str) -> str:
    """`name` without the province it names at its end, with its unit's word ('… TỈNH LÀO CAI'),
    unless the province is part of the body's own name (`_in_name`); not the first words of a
    longer place's name: 'HUYỆN ỦY ĐIỆN BIÊN ĐÔNG'."""
    rx = re.compile(
        r"(?:\s+(?:tỉnh|thành phố|TP\.?))?\s+" + re.escape(province) + r"(?!\s*[^\W\d_])", re.IGNORECASE
    )
    out, at = [], 0
    for m in rx.finditer(name):
        out.append(name[at : m.start()] + (m.group() if _in_name(name[: m.start()], m.group()) else ""))
        at = m.end()
    return "".join(out) + name[at:]


def _in_name(before: str, place: str) -> bool:
    """Is a province's name (`place`, as matched after `before`, maybe with its unit's word) part of
    the body's own name (`signals.place_in_name`): 'TRƯỜNG ĐẠI HỌC CẦN THƠ', 'TRƯỜNG THPT CHUYÊN HÀ
    TĨNH'; not 'TRƯỜNG CHÍNH TRỊ TỈNH LÀO CAI'?"""
    return not _UNIT_BEFORE_RE.match(place) and signals.place_in_name(before)


_UNIT_BEFORE_RE = re.compile(r"^\s+(?:tỉnh|thành phố|TP)", re.IGNORECASE)


def _place_of_its_own(line: str, name: str) -> bool:
    """Does a header line name a place of its own, which its body's `name` does not hold as part of
    it ('CÔNG AN TỈNH NGHỆ AN', 'CỤC THUẾ TỈNH BẮC NINH'; not 'TRƯỜNG ĐẠI HỌC CẦN THƠ')?"""
    return (
        signals.body_level(line) is not None
        or places.place_name(line) is not None
        or any(fold(p) not in fold(name) for p in find_provinces(line))
    )


def _of_the_centre(line: str, name: str) -> bool:
    """Is the body a header line names (`name`, as read) one of the centre: a ministry ('BỘ GIÁO DỤC
    VÀ ĐÀO TẠO') or named as the nation's ('HỌC VIỆN CHÍNH TRỊ QUỐC GIA HỒ CHÍ MINH'), with no place
    of its own (`_place_of_its_own`)? Its place line ('Hà Nội, ngày …') is then no jurisdiction."""
    return (cit.names_ministry(name) or cit.national_name(name)) and not _place_of_its_own(line, name)


@cache
def _not_places_spelt() -> tuple[tuple[str, str], ...]:
    """(folded, as spelt) of the names that hold a province's name but name no place
    (provinces.toml not_places), longest first: how running text writes them."""
    names = sorted(tables.load("provinces.toml")["not_places"], key=len, reverse=True)
    return tuple((fold_aligned(n), n) for n in names)


def _spelt_not_places(name: str) -> str:
    """`name` with a name that holds a province's but names no place spelt as running text writes it
    ('Học viện Chính trị quốc gia hồ chí minh' -> '… Hồ Chí Minh')."""
    folded = fold_aligned(name)
    for f, spelt in _not_places_spelt():
        at = folded.find(f)
        if at >= 0 and len(f) == len(spelt):
            name = name[:at] + spelt + name[at + len(f) :]
            folded = fold_aligned(name)
    return name


@cache
def _kinds() -> tuple[dict[tuple[str, ...], tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The kinds of bodies as the tables spell them, by their lowercased words: the heads of
    signals.toml [body], the vocabulary's names that open with one ('Trường Chính trị') and each head
    before a name of the vocabulary ('Bộ Chỉ huy Quân sự', 'Sở Nội vụ'); and the heads whose bodies
    are named after a person or a place ([body] proper_named)."""
    t = signals.table()["body"]
    heads = [h for h in t["heads"] if not h.isupper()]
    names = tables.load("bodies.toml")["vocabulary"]["names"]
    opens = [n for n in names if any(fold(n).startswith(fold(h) + " ") for h in heads)]
    spelt = [
        *heads,
        *opens,
        *t["proper_named"],
        *(f"{h} {n}" for h in heads for n in names if n[:1].isupper()),
    ]
    kinds = {tuple(lower_vn(w) for w in k.split()): tuple(k.split()) for k in spelt}
    return kinds, frozenset(tuple(lower_vn(w) for w in h.split()) for h in t["proper_named"])


# Where a body's own name ends: a unit's word before its place ('tỉnh', 'thôn'), a list's word.
_PLACE_WORDS = frozenset(
    {
        "tỉnh",
        "thành",
        "huyện",
        "quận",
        "thị",
        "xã",
        "phường",
        "đặc",
        "thôn",
        "ấp",
        "bản",
        "xóm",
        "khóm",
        "khu",
        "tổ",
    }
    | {"các", "và", "của"}
)
_KIND_WORDS = 8  # the longest kind looked up, in words


def _proper_after_kind(name: str) -> str:
    """A body's name read from a header in capitals, with the capitals running text gives it: its
    kind as the tables spell it, then its own name, the first word capitalised ('Bộ Chỉ huy quân sự
    tỉnh' -> 'Bộ Chỉ huy Quân sự tỉnh', 'Bệnh viện đa khoa tỉnh' -> 'Bệnh viện Đa khoa tỉnh'), every
    word after a kind named after a person or a place ('Trường Chính trị trường chinh' -> 'Trường
    Chính trị Trường Chinh', signals.toml [body] proper_named). Its place is `titled`'s."""
    kinds, named = _kinds()
    words = name.split()
    low = [lower_vn(w) for w in words]
    n = next((k for k in range(min(len(words), _KIND_WORDS), 0, -1) if tuple(low[:k]) in kinds), 0)
    if n == 0:
        return name
    words[:n] = kinds[tuple(low[:n])]
    end = next(
        (k for k in range(n, len(words)) if low[k] in _PLACE_WORDS or not words[k].isalpha()), len(words)
    )
    if end > n and words[n].islower():
        if any(tuple(low[: len(h)]) == h for h in named):
            words[n:end] = [places.title_words(w) for w in words[n:end]]
        elif (low[n],) in kinds:  # a body of its own kind: 'Đảng ủy sở tài chính' -> 'Đảng ủy Sở Tài chính'
            return " ".join([*words[:n], _proper_after_kind(" ".join(words[n:]))])
        else:
            words[n] = words[n][:1].upper() + words[n][1:]
    return " ".join(words)


def with_place(issuer: str | None, level: str | None, org_lines: tuple[str, ...]) -> str | None:
    """A district or commune body named with its place when its header gives it: 'Ban Thường vụ
    Huyện ủy' under 'HUYỆN ỦY TUY PHONG' is the Ban Thường vụ Huyện ủy Tuy Phong."""
    if not issuer or level not in ("district", "commune") or places.place_name(issuer):
        return issuer
    for line in [*reversed(org_lines), " ".join(org_lines)]:
        place = places.place_name(line)
        if place and signals.body_level(line) == level:
            return f"{issuer} {place}"
    return issuer


def _recase(name: str) -> str:
    """A name written in capitals as running text writes it, the way header lines are read
    (`_named_body`): 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG' -> 'Chủ tịch ủy ban nhân dân tỉnh Kiên Giang'."""
    if not name.isupper():
        return name
    out = _proper_after_kind(places.titled(bodies.canonical_name(name)))
    for canon in find_provinces(name):
        out = re.sub(re.escape(canon), canon, out, flags=re.IGNORECASE)
    return out


_CITY_COMMITTEE = ("thanh uy", "ban thuong vu thanh uy", "thuong truc thanh uy")


def _canonical_local(text: str) -> tables.BodyEntry | None:
    """The body entry of a name written with its place ('Ban Thường vụ Tỉnh ủy Yên Bái')."""
    b = tables.canonical_body(text)
    if b:
        return b
    if signals.body_level(text) == "district" and fold(text).startswith(_CITY_COMMITTEE):
        return None  # 'Thành ủy Hà Tĩnh', 'Ban Thường vụ Thành ủy Thanh Hóa': see _of_its_level
    stripped = _PARENS_RE.sub("", text)
    f = fold(stripped)
    for written, rx in _province_words_res(by_length=True):
        if written in f:
            f = rx.sub(" ", f)
    f = " ".join(f.split())
    if f in ("uy ban nhan dan", "hoi dong nhan dan"):
        f += " tinh"  # a header's 'ỦY BAN NHÂN DÂN' whose place line was lost
    return _body_by_fold(f) or _body_by_fold(_FOLDED_PLACE_END_RE.sub("", f))


def _body_by_fold(f: str) -> tables.BodyEntry | None:
    return _bodies_by_fold().get(" ".join(f.split()))


@cache
def _bodies_by_fold() -> dict[str, tables.BodyEntry]:
    """Folded name or alias -> the first body (in table order) that writes it so."""
    out: dict[str, tables.BodyEntry] = {}
    for b in tables.bodies():
        for a in (b.name, *b.aliases):
            out.setdefault(fold(a), b)
    return out


@dataclass
class Draft:
    block: Block
    header: Header
    ids: dict
    identified_by: str
    jurisdiction: str | None
    body_start: int


def _provinces(h: Header) -> list[str]:
    """The provinces a header names, less its own unit's name: 'Hòa Bình, ngày …' under 'ĐẢNG ỦY XÃ
    HÒA BÌNH' names the commune, not the province of that name."""
    own = _own_units(h)
    return [p for p in h.provinces if fold(p) not in own]


def _own_units(h: Header) -> set[str]:
    """The folded names of the districts, communes and villages a header's lines name ('XÃ HÒA
    BÌNH'), not of a province ('TỈNH HƯNG YÊN')."""
    return {fold(n) for line in h.org_lines if not find_provinces(line) and (n := places.place_name(line))}


def _district_province(h: Header) -> str | None:
    """The province of the district a header's lines name ('ĐẢNG BỘ HUYỆN CHỢ GẠO' over 'ĐẢNG ỦY XÃ
    HÒA BÌNH': Tiền Giang), when no province is named."""
    for line in h.org_lines:
        if signals.body_level(line) == "district" and (p := places.province_of(line)):
            return p
    return None


def file_jurisdiction(headers: list[Header], clean: list[str]) -> str | None:
    """The province the file's headers and its first lines name most, each place as of its date
    (a former province's place after the mergers is its successor's)."""
    votes: Counter[str] = Counter()
    for h in headers:
        named = _provinces(h)
        votes.update(_of_its_day(p, h.date, h) for p in named)
        if not named and (p := _district_province(h)):
            votes[_of_its_day(p, h.date, h)] += 1
    own = {n for h in headers for n in _own_units(h)}
    for line in clean[1:30]:
        if line.isupper():
            votes.update(find_provinces(line))  # the header's body names its province as of its day
        elif (
            (pm := signals.place_date(line))
            and pm.start() == 0
            and fold(pm.group("place").strip()) not in own
        ):
            # 'Hải Phòng, ngày 18 tháng 11 năm 2019'
            votes.update(
                places.province_on(p, date_from_match(pm)) for p in find_provinces(pm.group("place"))
            )
    return votes.most_common(1)[0][0] if votes else None


def _printed_province(clean: list[str], issuer: str | None) -> str | None:
    """The one province a page with no header prints after its issuer's name ('HĐND tỉnh Khánh Hòa'
    in the headline of a page whose text says 'HĐND tỉnh'); None when it prints none, or several."""
    if not issuer:
        return None
    want, own = fold(issuer) + " ", set(find_provinces(issuer))
    found: set[str] = set()
    for line in clean:
        for named in signals.named_bodies(line) if line else ():
            full = bodies.canonical_name(named)
            if fold(full).startswith(want):
                found.update(set(find_provinces(full)) - own)
    return next(iter(found)) if len(found) == 1 else None


def _of_its_day(province: str, date: str | None, h: Header) -> str:
    """The province of a text's place on its date ('Hà Giang, ngày 05 tháng 9 năm 2025' under
    'PHƯỜNG HÀ GIANG 1': Tuyên Quang since the mergers), unless its header's body names the
    province as its own ('ỦY BAN NHÂN DÂN TỈNH HÀ TÂY': the body's, whatever the date says)."""
    if province in find_provinces(" ".join(h.org_lines)):
        return province
    return places.province_on(province, date)


def page_identity(
    clean: list[str], drafts: list[Draft], k: int, cits: list[Citation], file_jur: str | None
) -> dict:
    """What the page around document k says of it: a lead or headline before it ('Ngày 23/8/2017,
    Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU …'), a closing line ('… đăng tải Hướng dẫn số
    35-HD/BTG …'), its own enacting line ('…, Ban Thường vụ Tỉnh ủy ban hành …')."""
    d = drafts[k]
    b = d.block
    n = len(clean) - 1
    prev_end = drafts[k - 1].block.last if k else 0
    nxt = drafts[k + 1].block.first if k + 1 < len(drafts) else n + 1
    around = [*range(prev_end + 1, b.first), *range(b.last + 1, nxt)]
    inside = [i for i in range(b.first, b.last + 1) if signals.is_lead(clean[i])]
    out: dict = {}
    fill: dict = {}
    _read_leads(clean, d, around, inside, out, fill)
    if "ids" not in out and not d.ids.get("symbol"):
        _read_chunk_name(clean, range(max(1, prev_end + 1), min(b.first + 1, n) + 1), out)
    if "ids" not in out and not d.ids.get("symbol") and d.header.type:
        _read_consolidated(clean, d, d.header.type, out)
    _read_speaker(clean, d, out, fill)
    if fill:
        out["fill"] = fill
    return out


def _read_leads(
    clean: list[str], d: Draft, around: list[int], inside: list[int], out: dict, fill: dict
) -> None:
    """Leads, headlines and closing lines around the document (and leads inside it): the first
    to name it gives its identity; each fills what the others left."""
    around_set = set(around)
    for i in [*around, *inside]:
        line = clean[i].strip()
        if not line:
            continue
        span, st = _what_line_names(line, i in around_set, i < d.block.first, d.header.type)
        if span is not None and span.symbol and "ids" not in out:
            _take_span(span, out, fill)
        if st is not None:
            _take_statement(st, line, d.ids, out, fill)


def _what_line_names(
    line: str, around: bool, before: bool, dtype: str | None
) -> tuple[Span | None, Statement | None]:
    """(the numbered citation, the statement) a line of the page makes about a document of type
    `dtype`; (None, None) when it names none or another type."""
    lead = signals.is_lead(line)
    st = statement(line, lead=lead)
    span = None
    if st is None and lead:
        # '… đăng tải Hướng dẫn số 35-HD/BTG …': the document named after the reporting verb
        span = next(
            (
                s
                for s in cit.find_citations(line[signals.lead_end(line) :])
                if s.kind == "numbered" and (not dtype or s.type in (dtype, None))
            ),
            None,
        )
    elif st and (lead or around):
        if dtype and st.type and st.type != dtype:
            return None, None
        span = next(
            (s for s in cit.find_citations(line[st.start :]) if s.kind == "numbered" and s.start == 0), None
        )
    elif around and before:
        first = next(iter(cit.find_citations(line)), None)
        if (
            first
            and first.kind == "numbered"
            and first.start == 0
            and (not dtype or first.type in (dtype, None))
        ):
            span, st = first, None  # a headline that opens with the document's designation
    return span, st


def _span_ids(span: Span) -> dict:
    """The identity fields of a numbered citation (its date only when it is a full date)."""
    return {
        "type_code": span.type_code,
        "number": span.number,
        "issuer_code": span.issuer_code,
        "symbol": span.symbol,
        "date": span.date if span.date and len(span.date) == 10 else None,
        "type": span.type,
    }


def _take_span(span: Span, out: dict, fill: dict) -> None:
    out["ids"] = _span_ids(span)
    if span.issuer:
        out.setdefault("issuer", span.issuer)
    if span.province:
        out.setdefault("jurisdiction", span.province)
    if span.title:
        fill.setdefault("title", span.title)


def _take_statement(st: Statement, line: str, ids: dict, out: dict, fill: dict) -> None:
    """What a lead's statement says: issuer and its province, date (or day and month), type,
    subject, and the symbol a bare number implies."""
    if st.body:
        out.setdefault("issuer", st.body)
        provs = find_provinces(st.body)
        if provs:
            out.setdefault("jurisdiction", provs[0])
    if st.date:
        out.setdefault("date", st.date)
    elif lead_date_without_year(line):
        out.setdefault("day_month", lead_date_without_year(line))
    if st.type:
        out.setdefault("type", st.type)
    if st.title:
        fill.setdefault("title", st.title)
    if st.number and "ids" not in out and st.type and (implied := _number_only(st, ids)):
        out["ids"] = implied


def _read_chunk_name(clean: list[str], where: range, out: dict) -> None:
    """A data set's chunk names its document: '# 48_2013_NĐ_CP_art1_part1'."""
    for i in where:
        sym = chunk_symbol(clean[i])
        if sym:
            ids = parse_symbol(sym)
            if ids and ids.get("number"):
                out["ids"] = {**ids, "date": None}
                out.setdefault("type", ids.get("type"))
            return


def _read_consolidated(clean: list[str], d: Draft, dtype: str, out: dict) -> None:
    """A consolidated text names itself right under its heading ('LUẬT …' / 'Luật Tổ chức chính
    quyền địa phương số 77/2015/QH13 ngày …, được sửa đổi, bổ sung bởi:')."""
    end = d.header.header_end
    head = " ".join(clean[i].strip() for i in range(end + 1, min(d.block.last, end + 6) + 1))
    first = next((x for x in cit.find_citations(head) if x.kind == "numbered"), None)
    if first is not None and first.start == 0 and first.type == dtype and first.symbol:
        out["ids"] = _span_ids(first)
        if first.issuer:
            out.setdefault("issuer", first.issuer)


_POINT_RE = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*\s*[.)]|[a-zđ]\)|[-+•])\s")
_NUMBERED_RE = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*\s*[.)]|[a-zđ]\))\s")  # a point by number or letter


def _read_speaker(clean: list[str], d: Draft, out: dict, fill: dict) -> None:
    """The document's own enacting line or directive names who speaks (and may give the subject)."""
    dtype = d.header.type
    first = d.header.header_end + 1
    for i in range(first, min(d.block.last, d.body_start + 2) + 1):
        # A line wrapped by the page ('… của Bộ Chính trị, Ban' / 'Thường vụ Tỉnh ủy ban hành …')
        # is read with the line before it in its paragraph.
        line = clean[i]
        wrapped = i > first and clean[i - 1].strip() and line.strip()
        if wrapped:
            line = clean[i - 1].rstrip() + " " + line.lstrip()
        # a numbered point is a task ('1. Các huyện ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch …'),
        # never the document's own enacting line, nor is the rest of one the page wrapped
        point = _POINT_RE.match(clean[i]) or (wrapped and _NUMBERED_RE.match(clean[i - 1]))
        who = signals.speaker(line) if not (signals.is_lead(clean[i]) or point) else None
        if who and _past_act_re().search(line):
            who = (
                None  # 'từ khi Ban Chấp hành Trung ương Đảng ban hành Nghị quyết số 28-NQ/TW': another's act
            )
        if not who and _authority_line(clean, i):
            who = clean[i].strip()  # 'ỦY BAN NHÂN DÂN TỈNH LONG AN' above 'Căn cứ …'
        # a Party text's enacting line after its preamble: 'HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH QUYẾT ĐỊNH'
        who = who or signals.enacting_authority(clean[i])
        who = who or signals.telegraph_sender(clean[i])  # 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:'
        if who and (role := holder_before(line, who)):
            who = f"{role} {who}"  # 'Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:': the holder speaks
        if who:
            out["speaker"] = who
            st = statement(line)  # '…, Ban Tuyên giáo Quận ủy ban hành Hướng dẫn công tác …'
            if st and st.title and (not dtype or st.type in (dtype, None)):
                fill.setdefault("title", st.title)
            return


def holder_before(line: str, who: str) -> str | None:
    """The office ('Chủ tịch', signals.toml [authority] roles) written right before the body that
    speaks in `line`, whose holder then issues the text: not when the holder's words are relayed
    ('… kết luận như sau:', signals.toml [speaker] relayed)."""
    at = line.rfind(who)
    m = _holder_end_re().search(line, 0, at) if at > 0 else None
    if m is None:
        return None
    gap = signals.speaker_gap_re().match(line, at + len(who))
    return None if _relayed_re().match(line, gap.end() if gap else at + len(who)) else m.group("role")


@cache
def _holder_end_re() -> re.Pattern:
    roles = signals.words_alt(signals.table()["authority"]["roles"])
    return re.compile(rf"(?<!\w)(?P<role>(?:phó\s+)?(?:{roles}))\s+$", re.IGNORECASE)


@cache
def _relayed_re() -> re.Pattern:
    return re.compile(rf"(?:{signals.words_alt(signals.table()['speaker']['relayed'])})\b", re.IGNORECASE)


@cache
def _past_act_re() -> re.Pattern:
    """An enacting verb whose object is a document cited by number: the act of another text, told
    in running prose, not the document's own enacting line ('… ban hành Nghị quyết số 28-NQ/TW')."""
    return re.compile(rf"ban hành\s+(?:{patterns.type_alt()})\s+(?:số\s+)?\d", re.IGNORECASE)


def _authority_line(clean: list[str], i: int) -> bool:
    """The enacting authority of a State text: a body in capitals right above its preamble."""
    if not signals.authority(clean[i]):
        return False
    nxt = next((clean[j] for j in range(i + 1, min(len(clean), i + 3)) if clean[j].strip()), "")
    return signals.preamble_opener(nxt)


def implied_date(clean: list[str], b: Block, day_month: tuple[int, int] | None) -> str | None:
    """A date the text implies: a lead's 'Ngày 21/5' in the one year all the text's dates share,
    or the year of the meeting a conclusion reports ('Tại phiên họp ngày 28/2/2025')."""
    text = " ".join(clean[b.first : b.last + 1])
    if day_month:
        years = {m.group("y") or m.group("y2") for m in DATE_RE.finditer(text)}
        if len(years) == 1:
            return iso_date(day_month[0], day_month[1], years.pop())
        return None
    meetings = {m.group("y") for m in _meeting_re().finditer(text)}
    return meetings.pop() if len(meetings) == 1 else None


def adopted_date(clean: list[str], b: Block, dtype: str | None) -> str | None:
    """The date of a text's own adoption sentence ('Nghị quyết này đã được Hội đồng nhân dân tỉnh
    … thông qua ngày 09 tháng 12 năm 2022'), when it is of the text's type."""
    if not dtype:
        return None
    text = " ".join(clean[b.first : b.last + 1])
    for m in _adoption_re().finditer(text):
        if tables.type_names().get(fold(m.group("type"))) == dtype:
            return date_from_match(m)
    return None


@cache
def _adoption_re() -> re.Pattern:
    verbs = signals.words_alt(signals.table()["adoption"]["verbs"])
    return re.compile(
        rf"(?P<type>{patterns.type_alt()})\s+này\s[^.;]{{0,240}}?(?<!\w)(?:{verbs})\s+ngày\s*(?:{DATE_PATTERN})",
        re.IGNORECASE,
    )


@cache
def _meeting_re() -> re.Pattern:
    words = signals.words_alt(signals.table()["meeting"]["words"])
    return re.compile(
        rf"\b(?i:{words})\s+(?:[^\W\d_]+\s+){{0,6}}?ngày\s*\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*(?P<y>(?:19|20)\d{{2}})"
    )


def _number_only(st: Statement, ids: dict) -> dict | None:
    """'Chỉ thị số 17' of 'Ban Thường vụ Tỉnh ủy': the symbol the type and issuer imply (17-CT/TU)."""
    codes = [c for t in tables.doc_types() if t.name == st.type for c in t.codes]
    issuer_code = issuer_code_for(st.body) if st.body else None
    if not codes or not issuer_code:
        return None
    party = is_party_code(issuer_code)
    sym = f"{st.number}-{codes[0]}/{issuer_code}" if party else f"{st.number}/{codes[0]}-{issuer_code}"
    return {
        "type_code": codes[0],
        "number": st.number,
        "issuer_code": issuer_code,
        "symbol": sym,
        "date": None,
        "type": st.type,
    }


def _local_province(title: str | None, cits: list[Citation], k: int) -> str | None:
    """A district's or commune's province its header does not name: the one its subject names
    ('… xã Bố Trạch, tỉnh Quảng Trị'), else the districts' of what it cites, else the one of the
    province's documents it cites ('Kế hoạch số 245/KH-UBND … của Ủy ban nhân dân tỉnh Lào Cai')."""
    named = {_province_name(m.group("p")) for m in _province_named_re().finditer(title or "")}
    if len(named) == 1:
        return named.pop()
    return _cited_district_province(cits, k) or _cited_province(cits, k)


@cache
def _province_named_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:tỉnh|thành phố)\s+(?P<p>{patterns.province_alt()})(?!\w)", re.IGNORECASE)


def _province_name(written: str) -> str:
    found = find_provinces(written)
    return found[0] if found else written


def _cited_province(cits: list[Citation], k: int) -> str | None:
    """The province of the province's bodies whose documents document k cites, when they agree."""
    found = {
        c.jurisdiction
        for c in cits
        if c.stated_by == k
        and c.jurisdiction
        and c.jurisdiction != "Trung ương"
        and signals.body_level(c.issuer) == "province"
    }
    return found.pop() if len(found) == 1 else None


def _cited_district_province(cits: list[Citation], k: int) -> str | None:
    """The province of the districts a commune's or district's document names as issuers of what
    it cites ('… của UBND huyện Núi Thành'), when they agree: its header names none."""
    found = {p for c in cits if c.stated_by == k and c.issuer and (p := places.province_of(c.issuer))}
    return found.pop() if len(found) == 1 else None


def placed_extracts(docs: list[TextDocument]) -> list[TextDocument]:
    """An extract's district or commune body named without its place ('Ban Thường vụ Huyện ủy' in a
    district's compilation) is of the one place the file's other documents of that level name."""
    out = []
    for td in docs:
        level = signals.body_level(td.issuer) if td.identified_by == "extract" and td.issuer else None
        if level in ("district", "commune") and not places.place_name(td.issuer or ""):
            named = {
                p
                for o in docs
                if o.identified_by != "extract" and o.issuer and signals.body_level(o.issuer) == level
                if (p := places.place_name(o.issuer))
            }
            if len(named) == 1:
                td = replace(td, issuer=f"{td.issuer} {named.pop()}")
        out.append(td)
    return out


def cited_local_places(cits: list[Citation], docs: list[TextDocument], drafts: list[Draft]) -> list[Citation]:
    """A district's or commune's body cited without its place is the citing document's own, as
    'Ban Thường vụ Tỉnh ủy' is its province's: in a commune under 'ĐẢNG BỘ HUYỆN DIỄN CHÂU',
    'Kế hoạch số 45-KH/HU của Ban Thường vụ Huyện ủy' is Diễn Châu's, not another district's
    45-KH/HU. Left as written when the citing document does not say its place."""
    out = []
    for c in cits:
        if c.stated_by is not None and c.issuer and not places.place_name(c.issuer):
            level = signals.body_level(c.issuer)
            if fold(c.issuer).startswith(_CITY_COMMITTEE) and _in_a_city(
                docs[c.stated_by], drafts[c.stated_by]
            ):
                level = "district"  # 'Ban Thường vụ Thành ủy' in a ward of Sầm Sơn: the city's, not a Tỉnh ủy
            if level in ("district", "commune"):
                place = _own_place(docs[c.stated_by], drafts[c.stated_by], level)
                if place:
                    c = replace(c, issuer=f"{c.issuer} {place}")
        if c.stated_by is not None and c.jurisdiction == drafts[c.stated_by].jurisdiction:
            c = _of_its_district(c)
        out.append(c)
    return out


def _of_its_district(c: Citation) -> Citation:
    """A district's document is of the district's province, as of its date, not of the citing
    text's: a plan of 'Huyện ủy Tuy Phong (trước sắp xếp)' of March 2025, cited by a commune of
    Lâm Đồng after the mergers, is Bình Thuận's (districts were no more from 1 July 2025)."""
    if c.central or not c.issuer or signals.body_level(c.issuer) != "district":
        return c
    province = places.province_on(places.province_of(c.issuer), c.date)
    if not province or province == c.jurisdiction:
        return c
    if c.jurisdiction and places.province_on(province, _TODAY) != c.jurisdiction:
        return c  # not a province the citing text's merged into: the text's own place decides
    return replace(c, jurisdiction=province)


_TODAY = "9999-12-31"  # a date after every merger: a province's successor today


def _in_a_city(td: TextDocument, d: Draft) -> bool:
    """Is the citing document a province's city's, or of a ward under one ('ĐẢNG BỘ THÀNH PHỐ SẦM SƠN')?"""
    lines = [td.issuer or "", *d.header.org_lines]
    return any(signals.body_level(x) == "district" and _CITY_WORDS_RE.search(fold(x)) for x in lines)


_CITY_WORDS_RE = re.compile(r"\bthanh (?:uy|pho)\b")


def _own_place(td: TextDocument, d: Draft, level: str) -> str | None:
    """The citing document's district or commune at `level`: its issuer's place, or for a
    commune's document the district its header stands under."""
    own = signals.body_level(td.issuer)
    if own == level:
        return places.place_name(td.issuer)
    if own == "commune" and level == "district":
        for line in reversed(d.header.org_lines):
            if signals.body_level(line) == "district" and (place := places.place_name(line)):
                return place
    return None


# An office holder's title ('Thủ tướng Chính phủ', 'Chủ tịch UBND tỉnh', folded): what a signature
# reads, which the body speaking in the enacting line corrects ('Chính phủ ban hành Nghị định').
_HOLDER_OPENS_RE = re.compile(r"(?:pho )?(?:thu tuong|chu tich|bo truong|giam doc|bi thu|truong ban|chanh) ")


_ON_BEHALF_RE = re.compile(r"\s*(?:T/M|T\.M\.|TM\.?)\s+(?P<who>\S.*)$")


def _signed_by_the_body(clean: list[str], block: Block, speaker: str) -> bool:
    """An office holder speaks ('Chủ tịch UBND tỉnh yêu cầu:') in a text signed on behalf of a
    body ('TM. ỦY BAN NHÂN DÂN' / 'KT. CHỦ TỊCH'): the body issues it, as its header says."""
    if not block.signature_line or not _HOLDER_OPENS_RE.match(fold(speaker) + " "):
        return False
    for i in range(block.signature_line, (block.signer_line or block.signature_line) + 1):
        m = _ON_BEHALF_RE.match(clean[i])
        if m and not _HOLDER_OPENS_RE.match(fold(m.group("who")) + " "):
            return True
    return False


def _of_another_level(said: str | None, level: str | None, h: Header) -> bool:
    """A body of another level than the local one the header or signature names speaks in the
    text: it is some other body's line ('… các tỉnh, thành phố trực thuộc Trung ương xây dựng …' in a
    province's plan), which does not replace the issuer."""
    local = level in ("province", "district", "commune") and bool(h.org_lines or h.signed_for)
    # the level the header's lines say ('HUYỆN ỦY …', 'UBND TỈNH …', 'ỦY BAN NHÂN DÂN' / 'TỈNH TÂY
    # NINH' together), not one a bare 'BAN TỔ CHỨC' is given
    stated = any(signals.body_level(x) == level for x in (*h.org_lines, " ".join(h.org_lines)))
    return local and stated and said is not None and said != level


def speaker_issuer(who: str, issuer: str | None, level: str | None) -> tuple[str | None, str | None]:
    """The body that speaks in the document's own enacting line decides its issuer ('Ban Bí thư
    ban hành Quy chế …'), unless it only repeats less of what the header says: its start ('UBND
    quận' of 'Ủy ban nhân dân quận Đống Đa') or a body the header's is part of ('Tỉnh ủy' of
    'Văn phòng Tỉnh ủy Sơn La', 'Ủy ban nhân dân tỉnh' of 'Đảng ủy Ủy ban nhân dân tỉnh')."""
    full = fold(bodies.canonical_name(who))  # 'UBND thành phố' is 'Ủy ban nhân dân thành phố'
    if issuer and any(fold(issuer).startswith(w) and fold(issuer) != w for w in (fold(who), full)):
        return issuer, level  # 'UBND quận' speaks; the lead named it in full
    held = _HOLDER_OPENS_RE.match(full)
    if issuer and held and _part_of(full[held.end() :], fold(issuer)):
        # 'Thủ tướng Chính phủ kết luận' in a notice of the 'Văn phòng Chính phủ': the office that
        # serves the holder's body relays the holder's words, and issues them
        return issuer, level
    if (
        issuer
        and not _HOLDER_OPENS_RE.match(fold(issuer))  # 'Thủ tướng Chính phủ' of 'KT. THỦ TƯỚNG' is no body
        and any(_part_of(w, fold(issuer)) for w in (fold(who), full, _canonical_fold(who)))
    ):
        return issuer, level
    if issuer and (bound := _bound_to(who, issuer) or _holder_of(who, issuer)):
        return bound, level
    parts = [_canonical_local(p) for p in _AND_SPLIT_RE.split(who)]
    if len(parts) > 1 and all(parts):
        return ", ".join(dict.fromkeys(p.name for p in parts if p)), parts[0].level if parts[0] else level
    b = _canonical_local(who)
    if b is None:
        return _office_holder(who) or _recase(who), signals.body_level(who) or level
    if issuer and fold(issuer).startswith(fold(b.name)) and fold(issuer) != fold(b.name):
        return issuer, level
    return b.name, b.level


def _holder_of(who: str, issuer: str) -> str | None:
    """The office holder of the header's body whose authority line enacts ('BỘ TRƯỞNG BỘ TÀI CHÍNH'
    under 'BỘ TÀI CHÍNH'): 'Bộ trưởng Bộ Tài chính', the body spelt as the header's."""
    m = signals.office_at(who)
    if m is None or fold(who[m.end() :]).strip() != fold(issuer):
        return None
    return f"{signals.office_name(m.group(0))} {issuer}"


def _office_holder(who: str) -> str | None:
    """The holder of an office whose authority line in capitals names a body other than the header's
    ('GIÁM ĐỐC SỞ NỘI VỤ TỈNH TRÀ VINH' under 'SỞ NỘI VỤ'): the office as the roles table spells it,
    then the body as a header line is read ('Giám đốc Sở Nội vụ'; a local issuer gets its province
    back from `local_name`), never the line lower-cased word by word."""
    m = signals.office_at(who)
    if m is None or not who.isupper() or not signals.names_body(who[m.end() :]):
        return None
    return f"{signals.office_name(m.group(0))} {_named_body(who[m.end() :]).name}"


def _canonical_fold(who: str) -> str:
    """The folded name of the body the tables know `who` as ('tinh uy' for 'Tỉnh ủy Quảng Nam'), or ''."""
    b = _canonical_local(who)
    return fold(b.name) if b else ""


def _bound_to(who: str, issuer: str) -> str | None:
    """A board or organ named with a generic committee ('Ban Thường vụ Thành ủy') of the body the
    header names in full ('Thành ủy Quy Nhơn'): that body's ('Ban Thường vụ Thành ủy Quy Nhơn'),
    not the committee of that name the tables know (a province's Tỉnh ủy)."""
    words = who.split()
    f = fold(issuer) + " "
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        m = signals.body_at(tail)
        if m and m.end() == len(tail) and f.startswith(fold(tail) + " ") and len(f) > len(fold(tail)) + 1:
            return f"{_recase(' '.join(words[:k]))} {issuer}"  # 'BAN THƯỜNG VỤ HUYỆN ỦY': as running text
    return None


def _part_of(body: str, issuer: str) -> bool:
    """Is the folded `body` named inside the folded `issuer`, after its start ('uy ban nhan dan
    tinh' in 'van phong uy ban nhan dan tinh …'): the issuer is part of it or serves it?"""
    return bool(body) and f" {body} " in f" {issuer} " and not issuer.startswith(body)


def unnumbered_name(dtype: str | None, title: str | None) -> str | None:
    if not title:
        return dtype
    return f"{dtype} {title}" if dtype else title


def identify_from_listing(k: int, d: Draft, cits: list[Citation], file: str, issues: list[Issue]):
    """Number, date and issuer of a headerless document from a table of contents, a cover
    letter's list or an attachment line ("kèm theo Chương trình hành động số …")."""
    dtype = d.header.type
    codes = {c.upper() for t in tables.doc_types() if t.name == dtype for c in t.codes}
    votes: dict[str, list[tuple[float, Citation]]] = {}
    for c in cits:
        if c.kind != "numbered" or not c.symbol or (c.type_code or "").upper() not in codes:
            continue
        if c.role == "attachment" and c.stated_by == k:
            votes.setdefault(c.symbol, []).append((2.0, c))
            continue
        if c.stated_by == k or not c.title or not d.header.title:
            continue
        score = containment(c.title, d.header.title)
        if score >= 0.75:
            votes.setdefault(c.symbol, []).append((score, c))
    if not votes:
        return None
    symbol, group = max(votes.items(), key=lambda kv: (sum(s for s, _ in kv[1]), kv[0]))
    dates = Counter(c.date for _, c in group if c.date)
    date = None
    if dates:
        date = max(
            dates.items(), key=lambda kv: (kv[1], -min(c.evidence.line for _, c in group if c.date == kv[0]))
        )[0]
        if len(dates) > 1:
            others = ", ".join(
                f"{x} (line {min(c.evidence.line for _, c in group if c.date == x)})"
                for x in sorted(dates)
                if x != date
            )
            issues.append(
                Issue(
                    file, d.block.first, "date-conflict", f"{symbol}: listed as {date}, elsewhere as {others}"
                )
            )
    best = max(group, key=lambda sc: sc[0])[1]
    ids = {
        "type_code": best.type_code,
        "number": best.number,
        "issuer_code": best.issuer_code,
        "symbol": symbol,
        "date": date,
        "type": best.type,
    }
    issuer = next((c.issuer for _, c in group if c.issuer), None)
    how = "attachment-line" if any(c.role == "attachment" for _, c in group) else "listing"
    return ids, issuer, how


def draft(lines: list[str], clean: list[str], b: Block, h: Header, file_jur: str | None) -> Draft:
    """What a document's header says of it, before the rest of the file is read."""
    if b.kind == "extract":
        return _extract_draft(clean, b, h, file_jur)
    # a letter's '33/TTYT' is read as a letter's symbol (TTYT its issuer's code), not as a Thông tư's
    plain = h.symbol_text and h.type and cit.uncoded_type(h.type)
    ids = (parse_symbol(h.symbol_text, h.type) if plain else None) or parse_symbol(h.symbol_text) or {}
    if h.symbol_text and not ids.get("number") and h.type:
        ids = parse_symbol(h.symbol_text, h.type) or ids  # '653/2019/UBTVQH14' under NGHỊ QUYẾT
    named = _provinces(h)
    jur = named[0] if named else _district_province(h) or file_jur
    code = ids.get("issuer_code")
    if (
        code
        and tables.is_central_code(code, party=tables.party_symbol(ids.get("symbol")))
        and not find_provinces(" ".join(h.org_lines))
        and not _under_local_committee(h.org_lines)
    ) or (h.org_lines and doc_issuer(h, None, ids)[1] == "central"):
        # a ministry's text, or one of a body of the centre its header names ('BỘ QUỐC PHÒNG' /
        # 'BỆNH VIỆN QUÂN Y 175'): its place line ('Hà Nội, ngày …') is no jurisdiction
        jur = "Trung ương"
    else:
        jur = _of_its_day(jur, h.date, h) if jur else jur
    body_start = section_start(clean, h.header_end + 1, b.last)
    return Draft(b, h, ids, "header" if ids.get("symbol") else "none", jur, body_start)


# '(trích)', '(Trích phần nhiệm vụ)' closing an editor's heading: no part of the title.
_EXTRACT_TAIL_RE = re.compile(r"\s*\(\s*trích\b[^()]*\)?\s*$", re.IGNORECASE)
_HEADING_LEAD_RE = re.compile(rf"^\s*{ENUMERATOR}(?:trích\s+)?", re.IGNORECASE)  # "2. ", "Trích "


def _extract_draft(clean: list[str], b: Block, h: Header, file_jur: str | None) -> Draft:
    """An extract's identity from its editor's heading ('2. Kết luận số 112-KL/HU ngày 15/9/2021
    của Ban Thường vụ Huyện ủy về … (trích)'), read as a citation; the heading is its header."""
    last = b.first
    while last < min(b.last, b.first + 2) and clean[last + 1].strip() and heading_wraps(clean[last]):
        last += 1  # a heading wrapped onto the next line(s)
    text = " ".join(clean[i].strip() for i in range(b.first, last + 1))
    lead = _HEADING_LEAD_RE.match(text)
    start = lead.end() if lead else 0
    span = next(
        (
            s
            for s in cit.find_citations(text[start:], province=file_jur)
            if s.kind == "numbered" and s.start == 0
        ),
        None,
    )
    if span is None:
        return Draft(b, h, {}, "none", file_jur, last + 1)
    title = _EXTRACT_TAIL_RE.sub("", span.title or "").strip() or None
    h = replace(
        h,
        type=span.type,
        symbol_text=span.symbol,
        date=span.date if span.date and len(span.date) == 10 else None,
        org_lines=(span.issuer,) if span.issuer else (),
        title=title,
        title_lines=tuple(range(b.first, last + 1)),
        header_end=last,
        provinces=(span.province,) if span.province else (),
    )
    jur = span.province or file_jur
    return Draft(b, h, _span_ids(span), "extract", jur, section_start(clean, last + 1, b.last))


def _local_tu(d: Draft, h: Header, level: str | None, file_jur: str | None) -> None:
    """'Số 445-KL/TƯ' of a local committee (its issuer is no central body): a PDF glyph 'Ư' for the
    'U' of its 'TU'; the document is then the centre's no more (the file's province, if any)."""
    if d.ids.get("issuer_code") != "TW" or "TƯ" not in (h.symbol_text or "") or level in (None, "central"):
        return
    d.ids = {**d.ids, "issuer_code": "TU", "symbol": _TW_END_RE.sub("/TU", d.ids.get("symbol") or "")}
    if d.jurisdiction == "Trung ương":  # the centre's only by the code it was read as
        d.jurisdiction = file_jur if file_jur != "Trung ương" else None


def document(
    clean: list[str],
    drafts: list[Draft],
    k: int,
    cits: list[Citation],
    file_jur: str | None,
    file: str,
    issues: list[Issue],
) -> TextDocument:
    """Document k with its identity from every source that gives it: header, listing, page, own words."""
    d = drafts[k]
    listing_issuer = None
    if not d.ids.get("symbol"):
        found = identify_from_listing(k, d, cits, file, issues)
        if found:
            d.ids, listing_issuer, d.identified_by = found
    page = page_identity(clean, drafts, k, cits, file_jur)
    if not d.ids.get("symbol") and page.get("ids"):
        d.ids, d.identified_by = page["ids"], "lead"
    h = d.header
    if page.get("fill"):
        h = replace(h, **{f: v for f, v in page["fill"].items() if not getattr(h, f)})
    listing_issuer = page.get("issuer") or listing_issuer
    # 'Số: 02/VBHN-BNV' over 'NGHỊ ĐỊNH': a consolidated text under the heading of the act it consolidates
    dtype = tables.consolidating_type(d.ids.get("type_code")) or h.type
    if d.ids.get("type_code") and dtype:
        codes = {c.upper() for t in tables.doc_types() if t.name == dtype for c in t.codes}
        if d.ids["type_code"].upper() not in codes:
            issues.append(
                Issue(
                    file,
                    d.block.first,
                    "type-mismatch",
                    f"heading says {dtype} but the symbol {d.ids['symbol']} has code {d.ids['type_code']}",
                )
            )
    issuer, level = doc_issuer(h, listing_issuer, d.ids)
    if page.get("speaker") and not _signed_by_the_body(clean, d.block, page["speaker"]):
        said = speaker_issuer(page["speaker"], issuer, level)
        if not _of_another_level(said[1], level, d.header):
            issuer, level = said
    if page.get("jurisdiction") and not d.jurisdiction:
        d.jurisdiction = page["jurisdiction"]
    _local_tu(d, h, level, file_jur)
    jurisdiction: str | None
    code = d.ids.get("issuer_code")
    # a code central only by its first letter ('BQLKCN' read as a ministry's 'B…') yields to a header
    # that names a province: 'UBND TỈNH NINH BÌNH' / 'BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP'
    up = (code or "").upper()
    by_prefix = (
        bool(up)
        and up not in tables.issuer_codes()
        and not up.endswith("TW")
        and bool(find_provinces(" ".join(h.org_lines)))
    )
    central = tables.is_central_code(code, party=tables.party_symbol(d.ids.get("symbol"))) and not (
        _under_local_committee(h.org_lines)
    )
    if (central and not by_prefix) or level == "central":
        jurisdiction = "Trung ương"
        level = "central"
    else:
        # 'UBND quận Đống Đa' is in Hà Nội; so is a header's 'ỦY BAN NHÂN DÂN / HUYỆN CẦN GIỜ'
        jurisdiction = (
            d.jurisdiction
            or places.province_of(issuer)
            or places.province_of(" ".join(h.org_lines))
            # a district's, a commune's or a unit's ('PHÒNG GD&ĐT MỸ TÚ' / 'TRƯỜNG THCS …'): the
            # province its subject or what it cites names
            or _local_province(h.title, cits, k)
            or (_printed_province(clean, issuer) if d.block.kind == "body" else None)
        )
    date = (
        h.date
        or d.ids.get("date")
        or page.get("date")
        or adopted_date(clean, d.block, dtype)
        or implied_date(clean, d.block, page.get("day_month"))
    )
    # 'PHƯỜNG HÀ GIANG 1' / 'Hà Giang, ngày 05 tháng 9 năm 2025': of Tuyên Quang since the mergers
    jurisdiction = _of_its_day(jurisdiction, date, h) if jurisdiction else jurisdiction
    if issuer and level == "province" and jurisdiction:
        joint = _joint_header(h.org_lines, d.ids)
        names = issuer.split(bodies.JOINT) if joint and joint[0] == issuer else [issuer]
        issuer = bodies.JOINT.join(local_name(n, jurisdiction) for n in names)
    issuer = with_place(issuer, level, h.org_lines)
    dtype = dtype or d.ids.get("type") or page.get("type") or ("Văn bản" if d.block.kind == "body" else None)
    if h.bad_date:
        issues.append(Issue(file, d.block.first, "bad-date", f"impossible date in header: {h.bad_date}"))
    if not d.ids.get("symbol") and not h.title:
        issues.append(Issue(file, d.block.first, "unidentified", "document with neither number nor subject"))
    return TextDocument(
        index=k,
        type=dtype,
        type_code=d.ids.get("type_code"),
        number=d.ids.get("number"),
        issuer_code=d.ids.get("issuer_code"),
        symbol=d.ids.get("symbol"),
        date=date,
        issuer=issuer,
        jurisdiction=jurisdiction,
        title=h.title,
        name=None if d.ids.get("symbol") else unnumbered_name(dtype, h.title),
        signer=h.signer,
        first_line=d.block.first,
        last_line=d.block.last,
        identified_by=d.identified_by,
        header_end=h.header_end,
        body_start=d.body_start,
    )
