"""Weak signals, line by line, that a text is a document, or the web page around one.

A document is found where several signals add up, never by one layout: an issuing-body line, a
motto, a "Số …" line, a place-and-date line, a type heading, a preamble opener ("Căn cứ …",
"Thực hiện …"), an enacting line ("… ban hành … như sau:", "QUYẾT ĐỊNH:"), a directive by a body
("Ban Thường vụ Huyện ủy yêu cầu …"). Page chrome (menus, "Ngày cập nhật", counters), news leads
("Ngày 23/8/2017, Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU …") and reprint intros ("… xin
đăng toàn văn …") are evidence against: they are the site speaking, not the document. The words
are in ontology/signals.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources

from vbgraph.loaders import patterns
from vbgraph.loaders.dates import search_place_date
from vbgraph.loaders.memo import text_cache
from vbgraph.loaders.normalize import fold, lower_vn, modern_tones
from vbgraph.ontology import tables


@cache
def table() -> dict:
    with resources.files("vbgraph.ontology").joinpath("signals.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def cities() -> frozenset[str]:
    """Cities directly under the centre: their Party committee is a Thành ủy, their People's
    Committee that of a 'thành phố' (ontology/provinces.toml)."""
    with resources.files("vbgraph.ontology").joinpath("provinces.toml").open("rb") as fh:
        return frozenset(tomllib.load(fh).get("cities", ()))


_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]")


def compact(text: str) -> str:
    """Folded letters and digits only: 'K ÉT LUẬN' and 'KẾT LUẬN' both give 'ketluan'."""
    return _NOT_ALNUM_RE.sub("", fold(text))


_BULLET_RE = re.compile(r"^[\s\-–+•*·>|]+")


def _head(line: str) -> str:
    return fold(_BULLET_RE.sub("", line))


def _starts(line: str, phrases: list[str]) -> bool:
    f = _head(line)
    return any(
        f.startswith(p) and (len(f) == len(p) or not f[len(p)].isalnum() or p.endswith(":"))
        for p in _folded(tuple(phrases))
    )


@cache
def _folded(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(p) for p in phrases)


@cache
def _motto_compacts() -> tuple[str, ...]:
    return tuple(compact(p) for p in table()["motto"]["phrases"])


def is_motto(line: str) -> bool:
    """A national or Party motto, or pieces of them broken across lines ('CỘNG' / 'HÒA XÃ HỘI …',
    'CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc'); a subject that names the Party is none."""
    c = compact(line)
    if len(c) < 4:
        return False
    rest = c
    for m in _motto_compacts():
        rest = rest.replace(m, "")
    if not rest:
        return True  # mottos only
    return len(rest) >= 4 and any(rest in m for m in _motto_compacts())  # and a piece of one


def organisation_motto(line: str) -> bool:
    """'ĐOÀN TNCS HỒ CHÍ MINH' beside a local body's line in a header ([motto] organisations)."""
    return compact(line) in _organisation_compacts()


@cache
def _organisation_compacts() -> frozenset[str]:
    return frozenset(compact(p) for p in table()["motto"]["organisations"])


def is_chrome(line: str) -> bool:
    t = table()["chrome"]
    if _starts(line, t["starts"]):
        return True
    f = fold(line)
    return any(c in f for c in _folded(tuple(t["contains"])))


def is_reprint_intro(line: str) -> bool:
    f = fold(line)
    t = table()["reprint"]
    if any(p in f for p in _folded(tuple(t["phrases"]))):
        return True
    return len(f) < 120 and f.endswith("nhu sau:") and _starts(line, t["opens"])


def preamble_opener(line: str) -> bool:
    return _starts(line, table()["preamble"]["openers"])


@cache
def _type_word_re() -> re.Pattern:
    """A capitalised type word, as citations are written ('Nghị quyết', 'Kế hoạch')."""
    return re.compile(rf"(?<!\w)(?=[A-ZĐ])(?:{patterns.type_alt()})(?!\w)")


def cites(line: str) -> bool:
    """Does the line name a document: a capitalised type word or a symbol?"""
    return bool(_type_word_re().search(line) or patterns.symbol_re().search(line))


@cache
def _enact_heading_compacts() -> frozenset[str]:
    return frozenset(compact(h) for h in table()["enact"]["headings"])


def enact_heading(line: str) -> bool:
    """'QUYẾT ĐỊNH:', 'QUYẾT NGHỊ:': the body of a decision or resolution begins."""
    s = line.strip()
    return s.endswith(":") and compact(s) in _enact_heading_compacts()


_GENERIC_BODY = (
    # a board named by one field or two: 'Ban Tuyên giáo', 'Ban Tuyên giáo và Dân vận', 'Ban Chính sách, chiến lược'
    r"(?:Ban\s+Thường\s+vụ\s+|Ban\s+Chấp\s+hành\s+|Thường\s+trực\s+"
    r"|(?:Ủy\s+)?Ban\s+[A-ZĐ]\w+(?:\s+[a-zđà-ỹ]\w*)?(?:(?:,|\s+và)\s+[A-Za-zĐđ]\w*(?:\s+[a-zđà-ỹ]\w*)?)?\s+)?"
    r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[ủu]y"
    r"|(?:Ủy\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND)(?:\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu))?"
)
# The letters _GENERIC_BODY can open with (tests/test_speed_loaders.py reads them off the pattern).
_GENERIC_BODY_FIRST = "BTHQĐUỦ"


@cache
def _body_head_re() -> re.Pattern:
    """A body named in running text: a known body, or a Party committee or People's Committee of
    any level ("Ban Thường vụ Huyện ủy", "UBND quận Đống Đa", "Đảng ủy xã Tân Hòa").

    A lookahead for the letters a body can open with comes first: the alternation of every name,
    case-insensitive, is tried only where one of them stands (the same matches, three times faster)."""
    words = [w for b in tables.bodies() for w in (b.name, *b.aliases)]
    opens = patterns.opens_with([*words, *_GENERIC_BODY_FIRST])
    # a known name that a generic one opens ('Đảng ủy Chính phủ', 'Đảng ủy UBND tỉnh') is tried first
    generic = re.compile(_GENERIC_BODY, re.IGNORECASE)
    longer = [w for w in words if (g := generic.match(w)) and g.end() < len(w)]
    first = f"{patterns.alt(longer)}|" if longer else ""
    return re.compile(rf"{opens}(?:{first}{_GENERIC_BODY}|{patterns.body_alt()})", re.IGNORECASE)


def body_at(text: str, pos: int = 0) -> re.Match | None:
    return _body_head_re().match(text, pos)


def find_body(text: str) -> re.Match | None:
    return _body_head_re().search(text)


@cache
def _enact_re() -> re.Pattern:
    """An enacting verb; 'ban hành kèm theo' (issued with a document) enacts nothing: '… Quy chế làm
    việc mẫu của tỉnh ủy, thành ủy ban hành kèm theo Quyết định số …'."""
    verbs = "|".join(re.escape(v) for v in sorted(table()["enact"]["verbs"], key=len, reverse=True))
    return re.compile(rf"(?:{verbs})\b(?!\s+kèm\s+theo\b)", re.IGNORECASE)


_NAME_WORDS = 4  # words of a body's own name between its kind and a place the name holds


@cache
def _proper_kind_end_re() -> re.Pattern[str]:
    """A kind named after a person or a place ([body] proper_named) and at most `_NAME_WORDS` words
    of its name, none a unit's, ending the text."""
    kinds = table()["body"]["proper_named"]
    units = r"(?:tỉnh|thành|huyện|quận|thị|xã|phường|đặc)(?!\w)"
    return re.compile(
        rf"(?<!\w)(?:{patterns.alt(kinds)})(?:\s+(?!{units})[^\W\d_]+){{0,{_NAME_WORDS}}}\s*$", re.IGNORECASE
    )


@cache
def _located_end_re() -> re.Pattern[str]:
    """The words ([body] located_after) after which a place is where a body of the centre stands."""
    return re.compile(rf"(?<!\w)(?:{patterns.alt(table()['body']['located_after'])})\s*$", re.IGNORECASE)


def located_words() -> tuple[str, ...]:
    """[body] located_after as spelt: 'Trung ương', which a name read from capitals spells so."""
    return tuple(table()["body"]["located_after"])


def place_in_name(before: str) -> bool:
    """Is a place right after `before` part of a body's own name, not the unit it is of? After a kind
    named after a person or a place and no unit's word ('Trường Đại học' Cần Thơ, 'Hiệu trưởng Trường
    THPT Chuyên' Hà Tĩnh), or where a body of the centre stands ('Bệnh viện Trung ương' Thái Nguyên);
    not 'Trường Chính trị tỉnh' Lào Cai."""
    return _proper_kind_end_re().search(before) is not None or _located_end_re().search(before) is not None


@cache
def _central_kind_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{patterns.alt(table()['body']['central_kinds'])})(?!\w)", re.IGNORECASE)


def central_kind(name: str) -> bool:
    """Is a body's name of a kind the centre alone has ([body] central_kinds): 'Học viện Chính trị khu
    vực III', a unit of the national academy wherever it stands?"""
    return _central_kind_re().match(name.strip()) is not None


def words_alt(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of table words, longest first, any run of spaces between their parts."""
    return patterns.alt(words)


@cache
def _date_lead_re() -> re.Pattern:
    """'Ngày 6/8, …', '… - Ngày 23/8/2017, …': a lead that opens with a date."""
    words = words_alt(table()["lead"]["date_words"])
    return re.compile(
        rf"(?:^|[,;.]\s*|\s-\s)(?i:{words})\s*\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{2,4}})?\s*,"
    )


def _date_lead(line: str) -> re.Match | None:
    """_date_lead_re's search, for lines with a '/' (its date has one) only."""
    return _date_lead_re().search(line) if "/" in line else None


def opens_with_date(line: str) -> bool:
    """'Ngày 30/5/2024, Thường trực Huyện ủy đã làm việc …': a line that opens as a narrative
    does, with a date and a comma (no document's subject does)."""
    m = _date_lead(line)
    return m is not None and m.start() == 0


@cache
def occasion_re() -> re.Pattern:
    """The word after a body's name where the occasion of its conclusions follows ([meeting]
    occasions): '… của Thường trực Huyện ủy tại buổi làm việc với …'."""
    return re.compile(rf"\s(?:{words_alt(table()['meeting']['occasions'])})\s", re.IGNORECASE)


@cache
def _report_verb_re() -> re.Pattern:
    verbs = table()["lead"]["verbs"]
    return re.compile(rf"{patterns.opens_with(verbs)}\b(?:{words_alt(verbs)})\b", re.IGNORECASE)


def lead_end(line: str) -> int:
    """Offset after a lead's date or reporting verb (0 when there is none)."""
    m = _report_verb_re().search(line) or _date_lead(line)
    return m.end() if m else 0


@text_cache(maxsize=1 << 14)
def is_lead(line: str) -> bool:
    """A news lead or headline reporting a document ('Ngày 6/8, Ban Thường vụ Tỉnh ủy … đã ban hành
    Chỉ thị số 17 …'): a date lead or a reporting verb, with a document named after it."""
    m = _date_lead(line) or _report_verb_re().search(line)
    if not m:
        return False
    return cites(line[m.end() :]) or bool(_VAN_BAN_RE.search(line[m.end() :]))


_VAN_BAN_RE = re.compile(r"\b(?:Văn bản|văn bản)\b")


@cache
def _object_before_re() -> re.Pattern:
    t = table()["speaker"]
    return re.compile(rf"(?:{words_alt([*t['objects'], *t['directs']])})\s*$", re.IGNORECASE)


@cache
def _object_window() -> int:
    """How far before a body _object_before_re looks: its longest word and a space or two."""
    t = table()["speaker"]
    return max(len(w) for w in [*t["objects"], *t["directs"]]) + 2


def _object(line: str, m: re.Match) -> bool:
    """Is the body `m` an object ('của …', 'yêu cầu …', 'trực thuộc …'), or a common noun in lower
    case ('các tỉnh ủy, thành ủy', 'trực thuộc trung ương'), and so no speaker?"""
    return m.group(0)[:1].islower() or bool(
        _object_before_re().search(line[max(0, m.start() - _object_window()) : m.start()])
    )


_PLACE_WORD_RE = re.compile(
    r"\s+(?:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)(?!\w)", re.IGNORECASE
)
_WORD_RE = re.compile(r"\s+(?P<w>[^\W\d_][\w.]*)")


@cache
def speaker_gap_re() -> re.Pattern:
    """What may stand between a speaking body and its verb: a term in parentheses, a comma, 'đã'."""
    words = words_alt(table()["speaker"]["before_verb"])
    return re.compile(rf"(?:\s*+\([^()]{{0,30}}\))?\s*+(?:,\s*+)?(?:{words})?\s*+")


def place_after(text: str, pos: int) -> int:
    """End of the place name after a body ('… quận Đống Đa', '… Thừa Thiên Huế'): an optional
    place word, then up to four capitalised words."""
    m = _PLACE_WORD_RE.match(text, pos)
    end = m.end() if m else pos
    for _ in range(4):
        w = _WORD_RE.match(text, end)
        if not w or not w.group("w")[0].isupper():
            break
        end = w.end()
    return end


def named_bodies(line: str) -> list[str]:
    """The bodies `line` names, each with the place written after it, objects too: 'HĐND tỉnh Khánh
    Hòa' in 'HĐND tỉnh Khánh Hòa thông qua 18 nghị quyết'."""
    return [line[m.start() : place_after(line, m.end())] for m in _body_head_re().finditer(line)]


@text_cache(maxsize=1 << 13)
def speaker(line: str) -> str | None:
    """The body that speaks to others in `line`: 'Ban Thường vụ Huyện ủy' in 'Ban Thường vụ Huyện
    ủy đề nghị …', 'UBND quận' in '… UBND quận yêu cầu …', 'Ban Thường vụ Tỉnh ủy' in '… Ban
    Thường vụ Tỉnh ủy (khóa XV) ban hành chương trình …'. A body after 'của', 'với' … is an object."""
    group_start: int | None = None
    prev_end = -1
    object_end = -1  # where the last object's name ended; -1: none before
    plural_end = -1  # where the last name after 'các' or in a subordinate clause ended; -1: none before
    for m in _body_head_re().finditer(line):
        # 'của Ban Chỉ đạo Trung ương, Ban Thường vụ Tỉnh ủy xây dựng …': an object's name goes on over
        # the heads in it ('Trung ương') until a comma
        if (
            _object(line, m)
            or _OWNER_BEFORE_RE.search(line[max(0, m.start() - 40) : m.start()])
            or (object_end >= 0 and not _CLAUSE_END_RE.search(line, object_end, m.start()))
        ):
            group_start = None
            object_end = place_after(line, m.end())
            continue
        object_end = -1
        # 'Bộ Chính trị, Ban Bí thư yêu cầu …': bodies joined by ',' or 'và' speak together.
        if group_start is None or not _JOIN_RE.fullmatch(line[prev_end : m.start()]):
            group_start = m.start()
            # 'Các tỉnh ủy, thành ủy ban hành kế hoạch': those addressed act, none of them speaks;
            # nor do those in a subordinate clause ('Trong khi chờ Chính phủ ban hành …, UBND tỉnh …')
            if (
                _PLURAL_BEFORE_RE.search(line, max(0, m.start() - 8), m.start())
                or _subordinate(line, m.start())
                or (plural_end >= 0 and _JOIN_RE.fullmatch(line[plural_end : m.start()]))
            ):
                group_start, plural_end = None, place_after(line, m.end())
                continue
        plural_end = -1
        end = place_after(line, m.end())
        prev_end = end
        gap = speaker_gap_re().match(line, end)
        if _enact_re().match(line, gap.end() if gap else end):
            return line[group_start:end].strip()
    return None


@cache
def _subordinate_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{words_alt(table()['speaker']['subordinate'])})(?!\w)", re.IGNORECASE)


def _subordinate(line: str, pos: int) -> bool:
    """Is `pos` in a subordinate clause ('Trong khi chờ …', 'Sau khi …', signals.toml [speaker]
    subordinate), one its opening word starts and no comma has closed yet? The word opens the
    clause (after three words at most: 'Trong thời gian chờ'), and is no noun ('các trường hợp')."""
    start = max(line.rfind(c, 0, pos) for c in ",;:") + 1
    m = _subordinate_re().search(line, start, pos)
    if m is None:
        return False
    lead = line[start : m.start()].split()
    return len(lead) <= SUBORDINATE_LEAD and not (lead and fold(lead[-1]) in _COUNTING)


SUBORDINATE_LEAD = 3  # words a subordinate clause's opening word may come after
_COUNTING = frozenset({"cac", "nhung", "moi"})  # 'các trường hợp': a noun, not a clause


_JOIN_RE = re.compile(r"\s*(?:,|và)\s*")
_PLURAL_BEFORE_RE = re.compile(r"(?<!\w)(?:các|những)\s+$", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[,;:.]")
# 'của Ban Chỉ đạo Trung ương': a head inside the name of whose document it is, its own head one the
# tables lack
_OWNER_BEFORE_RE = re.compile(r"(?<!\w)của\s[^,;:.()]{0,30}$", re.IGNORECASE)


@cache
def _role_re() -> re.Pattern:
    roles = "|".join(re.escape(r) for r in sorted(table()["authority"]["roles"], key=len, reverse=True))
    return re.compile(rf"(?:{roles})(?:\s*,\s*(?:{roles}))?\s+", re.IGNORECASE)


def office_at(line: str) -> re.Match | None:
    """The office an authority line opens with ('BỘ TRƯỞNG ' of 'BỘ TRƯỞNG BỘ TÀI CHÍNH')."""
    return _role_re().match(line)


def office_name(written: str) -> str:
    """An office as the roles table spells it: 'BỘ TRƯỞNG, CHỦ NHIỆM' -> 'Bộ trưởng, Chủ nhiệm'."""
    spelt = {fold(r): r for r in table()["authority"]["roles"]}
    return ", ".join(spelt.get(fold(p.strip()), p.strip()) for p in written.split(","))


def authority(line: str) -> bool:
    """A line in capitals naming the enacting authority of a State text ('ỦY BAN NHÂN DÂN TỈNH LONG
    AN', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG', 'THỦ TƯỚNG CHÍNH PHỦ')."""
    s = line.strip()
    if not s or len(s) > 90 or not s.isupper() or is_motto(s):
        return False
    rm = _role_re().match(s)
    if rm and names_body(s[rm.end() :]):
        return True  # 'BỘ TRƯỞNG BỘ TÀI CHÍNH', 'BỘ TRƯỞNG, CHỦ NHIỆM ỦY BAN DÂN TỘC': an office and its body
    return body_at(s, rm.end() if rm else 0) is not None


@cache
def _enacting_words() -> tuple[str, ...]:
    """The enacting words of the headings ([enact] headings), without their colon: 'QUYẾT ĐỊNH'."""
    return tuple(" " + h.rstrip(":").strip() for h in table()["enact"]["headings"])


def enacting_authority(line: str) -> str | None:
    """The authority of a Party text's enacting line, in capitals with its verb at the end ('HIỆU
    TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH QUYẾT ĐỊNH' -> 'HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH', 'BAN THƯỜNG VỤ
    HUYỆN ỦY QUYẾT ĐỊNH'): a line of its own, after the preamble and before the articles."""
    s = " ".join(line.split()).rstrip(" :")
    if len(s) > 110 or not s.isupper():
        return None
    who = next((s[: -len(w)] for w in _enacting_words() if s.endswith(w)), None)
    return who.strip() if who and authority(who) else None


@cache
def _telegraph_re() -> re.Pattern:
    return re.compile(rf"\s(?:{words_alt(table()['authority']['telegraph'])})\s*:\s*$", re.IGNORECASE)


def telegraph_sender(line: str) -> str | None:
    """The authority that sends a telegram: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH' of 'CHỦ TỊCH ỦY BAN
    NHÂN DÂN TỈNH điện:' (the addressees follow)."""
    s = line.strip()
    m = _telegraph_re().search(s) if s.endswith(":") else None
    return s[: m.start()].strip() if m and authority(s[: m.start()]) else None


@cache
def _stamps() -> frozenset[str]:
    return frozenset(_folded(tuple(table()["stamp"]["words"])))


def stamp(text: str) -> bool:
    """Is `text` a mark of urgency or secrecy ('KHẨN', 'HỎA TỐC', 'MẬT'), no subject and no body?"""
    return " ".join(fold(text).strip(" .,-–*()").split()) in _stamps()


@cache
def _body_heads() -> tuple[str, ...]:
    return tuple(sorted(_folded(tuple(table()["body"]["heads"])), key=len, reverse=True))


def names_body(line: str) -> bool:
    """Does `line` open with the name of a body ('SỞ NỘI VỤ', 'HUYỆN ỦY TUY PHONG')?"""
    f = fold(line.strip())
    return any(f == h or f.startswith(h + " ") for h in _body_heads())


def find_bodies(line: str) -> list[re.Match]:
    """Bodies named in `line` that may be its subject (not the object of 'của', 'với' …)."""
    return list(iter_bodies(line))


def iter_bodies(line: str) -> Iterator[re.Match]:
    """find_bodies one by one: a reader that stops at the first it wants reads no further."""
    for m in _body_head_re().finditer(line):
        if not _object(line, m):
            yield m


def directive(line: str) -> bool:
    return speaker(line) is not None


def place_date(line: str) -> re.Match | None:
    return search_place_date(line)


@cache
def _level_table() -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Each level's words, folded and as spelt (lower case)."""
    t = table()["level"]
    return [
        (lvl, tuple((fold(w), lower_vn(modern_tones(w))) for w in t[lvl]))
        for lvl in ("commune", "district", "province")
    ]


# A city and its name, on folded text: 'thanh pho tam ky', 'thanh uy sam son', 'tp. vinh'.
_CITY_RE = re.compile(
    r" (?:thanh pho|(?:thanh uy|thanh doan)(?: (?:thanh pho|tp\.?))?|tp\.?) (?P<place>(?:[a-z]+ ){0,6})"
)
# Words after a city's level word that are no part of its name.
_NOT_A_NAME = frozenset({"va", "cac", "truc", "thuoc", "tinh", "trong", "tren", "de", "ve", "co", "khoa"})


def _centre_city(words: str) -> bool:
    """Do the words after 'thành phố' open the name of a city directly under the centre ('ha noi',
    'ho chi minh'), or no name at all ('thành phố và các huyện')?"""
    words = words.removeprefix("thanh pho ")  # 'Thành ủy Thành phố Hồ Chí Minh'
    first = words.split()[0] if words.split() else ""
    if first in _NOT_A_NAME:
        return True
    names = {fold(c).removeprefix("thanh pho ") for c in cities()} | {"ho chi minh", "hcm", "tphcm"}
    return any(words.startswith(n + " ") or words.strip() == n for n in names)


def body_level(name: str | None) -> str | None:
    """'district' for 'Ban Tuyên giáo Quận ủy', 'commune' for 'Đảng ủy xã …', 'province' for 'UBND tỉnh'."""
    return _body_level(name) if name else None


@text_cache(1 << 14)
def _body_level(name: str) -> str | None:
    """`body_level`, remembered: resolution asks it of every pair of issuers that one number names."""
    f = " " + fold(name) + " "
    city = _CITY_RE.search(f)
    if city and city.group("place").strip():
        if not _centre_city(city.group("place")):
            return "district"  # 'UBND thành phố Tam Kỳ', 'Thành ủy Sầm Sơn': a province's city
        if city.group("place").split()[0] not in _NOT_A_NAME:
            return "province"  # 'Thành ủy Thành phố Hồ Chí Minh', 'UBND thành phố Đà Nẵng': a city under the centre
    opens = table()["level"].get("opens", {})
    low = " " + lower_vn(modern_tones(name)) + " " if not name.isascii() else None
    for lvl, words in _level_table():
        # compared folded, so that a text without its marks still says it; a name with its marks
        # says it as spelt ('Quân ủy Trung ương', the army's committee, is no 'Quận ủy')
        if any((" " + w + " ") in f and (low is None or (" " + spelt + " ") in low) for w, spelt in words):
            return lvl
        if any(f.startswith(" " + w + " ") for w in _folded(tuple(opens.get(lvl, ())))):
            return lvl
    unit = _unit_re().search(name)
    return _unit_levels()[unit.group(1).lower()] if unit else None


@cache
def _unit_levels() -> dict[str, str]:
    """Each unit's word (lower case) → the level of a body it ends or names the place of."""
    units = table()["level"]["units"]
    return {w.lower(): lvl for lvl, words in units.items() for w in words}


@cache
def _unit_re() -> re.Pattern:
    """A unit's word (any case; the longest first: "thị xã" before "xã") at the end of a name, before
    a comma, a capital or a number; never "xã hội"."""
    words = "|".join(re.escape(w) for w in sorted(_unit_levels(), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?i:({words}))(?!\s+(?i:hội)\b)(?=\s*$|\s*[,;)]|\s+[{patterns.UPPER}0-9])")


_NUMBER_NEXT_RE = re.compile(r"\s*(?:số\s*)?\d", re.IGNORECASE)
_ARTICLE_ONE_RE = re.compile(r"^\s*Điều\s+1\s*[.:]")
_PIECE_RE = re.compile(rf"(?<=[;.:])\s++(?=-?\s*+[{patterns.UPPER}])|(?<!\s)\s++-\s++(?=[{patterns.UPPER}])")


def is_headline(line: str) -> bool:
    """A page title that opens with a document's designation ('Công văn số 175-CV/TU ngày … của
    Thành ủy TPHCM về việc …', 'Nghị quyết 653/2019/UBTVQH14'): one line, no closing stop."""
    s = line.strip()
    m = _type_word_re().match(s)
    if not m or len(s) > 400 or s.endswith((".", ":", ";")):
        return False
    rest = s[m.end() : m.end() + 40]
    return bool(_NUMBER_NEXT_RE.match(rest)) or " của " in s[: m.end() + 80]


def document_evidence(line: str) -> bool:
    """Does this line say that a document speaks here (not a site reporting one)? A very long
    line (a document whose line breaks were lost) is read piece by piece."""
    if is_chrome(line) or is_lead(line):
        return False
    pieces = _PIECE_RE.split(line) if len(line) > 400 else [line]
    return any(_evidence_piece(p) for p in pieces[:400])


def _evidence_piece(piece: str) -> bool:
    if enact_heading(piece) or (directive(piece) and not person_speaks(piece)):
        return True
    if preamble_opener(piece) and cites(piece):
        return True
    return bool(_ARTICLE_ONE_RE.match(piece))


@cache
def _person_re() -> re.Pattern[str]:
    """A person named by the honorific a page gives ([speaker] persons), then the name's capital."""
    words = "|".join(rf"[{w[:1].upper()}{w[:1]}]{re.escape(w[1:])}" for w in table()["speaker"]["persons"])
    return re.compile(rf"(?<!\w)(?:{words})\s+(?=[{patterns.UPPER}])")


def person_speaks(line: str) -> bool:
    """Does a person a page names speak in `line`, the body after the name being the person's office
    ('Phát biểu bế mạc, ông Nguyễn Hải Ninh, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh đề nghị …')? A page
    reports the speech; no document speaks in it."""
    who = speaker(line)
    at = line.find(who) if who else -1
    if at < 0:
        return False
    start = max(line.rfind(c, 0, at) for c in ".;:") + 1
    return _person_re().search(line, start, at) is not None


def front_matter_end(clean: list[str], first: int, last: int, window: int = 15) -> int:
    """The last line of a web page's front matter in first..last: chrome, headline, lead, reprint
    intro. A document's own text starts after it."""
    end = first - 1
    seen = 0
    for i in range(first, last + 1):
        s = clean[i].strip()
        if not s:
            continue
        seen += 1
        if seen > window:
            break
        if is_chrome(s) or is_lead(s) or is_reprint_intro(s) or is_headline(s):
            end = i
        elif document_evidence(s):
            break  # the document speaks: a later lead is a closing line of the page
    return end


def single_document_span(clean: list[str], first: int, last: int) -> tuple[int, int] | None:
    """Lines of the one document a page or excerpt holds, when no header or heading marks it:
    from the end of the front matter to the last line, if some line shows a document speaking."""
    top = front_matter_end(clean, first, last) + 1
    while top <= last and (not clean[top].strip() or is_chrome(clean[top])):
        top += 1
    if top > last:
        return None
    reprint = any(is_reprint_intro(clean[i]) for i in range(first, top))
    if not reprint and not any(document_evidence(clean[i]) for i in range(top, last + 1)):
        return None
    bottom = last
    while bottom > top and (not clean[bottom].strip() or is_chrome(clean[bottom])):
        bottom -= 1
    return top, bottom
