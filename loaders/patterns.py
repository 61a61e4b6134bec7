"""Regular expressions composed from the ontology tables, compiled once on first use.

Named fragments ($type, $body, $province) come from the tables, so a domain expert extends a
table and every pattern that uses it follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from vbgraph.loaders.dates import DATE_PATTERN
from vbgraph.ontology import tables

# Capital letters of Vietnamese as a regex class. 'À-Ỹ' is no such class: the Latin Extended
# ranges interleave capitals and small letters, so the class is listed letter by letter.
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())


def alt(words) -> str:
    """Alternation, longest first, with flexible spaces."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def opens_with(words: Iterable[str]) -> str:
    """A lookahead for the characters `alt(words)` can open with, to put before it: where none
    stands, the alternation (case-insensitive ones above all, which the regex engine cannot skip
    through) is not tried. The same matches, found faster. Under re.IGNORECASE the class is read
    case-insensitively, as the words are. Empty when a word opens with a blank (then `\\s+`)."""
    firsts = {w[:1] for w in words}
    if any(not c or c.isspace() for c in firsts):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


@cache
def type_words() -> tuple[str, ...]:
    """Every type name and alias, as the tables write them."""
    return tuple(w for t in tables.doc_types() for w in (t.name, *t.aliases))


@cache
def type_alt() -> str:
    return alt(type_words())


@cache
def body_alt() -> str:
    words = []
    for b in tables.bodies():
        words.extend([b.name, *b.aliases])
    return alt(words)


@cache
def province_alt() -> str:
    from vbgraph.ontology.tables import load

    data = load("provinces.toml")
    return alt([*data["names"], *data.get("aliases", {}).keys()])


# One part of a code as written: an uppercase run (HĐND, BNNPTNT, UBTVQH14), maybe joined by "&"
# (PTTH&TTĐT), maybe with a short lowercase tail (TTg, CTr) that capitals may follow (CTrPH). "Ư"
# is accepted for the "TƯ"/"ƯBND" of PDF text layers and normalised by the caller. Every
# repetition is bounded: linear on any input.
_RUN = r"[A-ZĐƯ][A-ZĐƯ0-9]{0,15}"
CODE_PART = rf"{_RUN}(?:&{_RUN})?(?:[a-zđ]{{1,2}}(?:[A-ZĐ]{{1,6}})?(?![^\W\d_]))?"
# A code glued to the next word ends where its uppercase run ends: "70-TB/TWngày", "TWĐTN-VPĐOÀN".
# Either no word character or "/" follows, or a letter outside the run's class after two run letters.
_CODE_END = r"(?:(?![\w/])|(?<=[A-ZĐƯ0-9]{2})(?=[^\W\d_A-ZĐƯ]))"

# 52-NQ/TW, 32 - CV/ĐUK, 03-CTr/TU, 08-QĐi/TW, "18, 19-NQ/TW", 367 - QĐ/TWĐTN-VP, 1836 QĐ/TWĐTN
# (a space for the hyphen: `psep` without a dash, accepted by the caller only after "số" or a type word).
PARTY = (
    r"(?P<pnums>\d{1,4}[a-z]?(?:\s{0,3}(?:,|và)\s{0,3}\d{1,4}[a-z]?){0,9})"
    r"(?P<psep>\s{0,3}[-–]\s{0,3}|\s{1,3})(?P<pcode>[A-ZĐ][A-Za-zĐđ]{0,4})"
    rf"\s{{0,3}}/\s{{0,3}}(?P<piss>{CODE_PART}(?:-{CODE_PART}){{0,3}})"
)
# 3962/QĐ-UBND, 34/2016/NĐ-CP, 04/2021/NQ-HĐND, 133/2020/QH14, 216/TTg-CN, 30c/NQCP, 118/TTr- STTTT,
# 1009/TTr-BQL-KCN-HCM, 5104/BTTTT-PTTH&TTĐT: `sa` the first code, `sb` the dash parts after it.
STATE = (
    r"(?P<snum>\d{1,5}[a-z]?)\s{0,3}/\s{0,3}(?:(?P<syear>(?:19|20)\d{2})\s{0,3}/\s{0,3})?(?P<sa>"
    rf"{CODE_PART})(?:\s{{0,3}}-\s{{0,3}}(?P<sb>{CODE_PART}(?:-{CODE_PART}){{0,3}}))?"
)


@cache
def symbol_re() -> re.Pattern:
    return re.compile(rf"(?<![\w/.\-–])(?:{PARTY}|{STATE}){_CODE_END}")


# A symbol a line cuts after its number ('… số 69-', '… số 15/', '… số 15/2023/'), and the code
# that goes on with it at the start of the next line ('QĐ/TW', 'QĐ-UBND', 'NĐ-CP').
_SYMBOL_CUT_RE = re.compile(r"(?<![\w/.\-–])\d{1,5}[a-z]?(?:/(?:19|20)\d{2})?\s?[-–/]$")
_CODE_GOES_ON_RE = re.compile(r"[A-ZĐ][A-Za-zĐđ]{0,4}\s?[-/]\s?[A-ZĐ]")


def symbol_cut(text: str) -> bool:
    """Does `text` end inside a symbol, after its number ('Quy định số 69-')?"""
    return text[-1:] in ("-", "–", "/") and _SYMBOL_CUT_RE.search(text[-12:]) is not None


def symbol_goes_on(text: str) -> bool:
    """Does `text` open with the rest of a symbol cut before it ('QĐ/TW ngày …')?"""
    return _CODE_GOES_ON_RE.match(text) is not None


# What is left of a glued code once its type code is taken off (NĐ|CP, QĐ|UBND): an issuer code,
# two uppercase letters at least.
ISSUER_SHAPE_RE = re.compile(r"[A-ZĐ]{2}[A-ZĐ0-9]{0,10}(?:[a-zđ]{1,2})?")


@cache
def glue_codes() -> tuple[str, ...]:
    """Type codes that may be glued to an issuer code, longest first; two letters at least, since a
    one-letter code (L) would split codes such as LĐTBXH."""
    return tuple(
        sorted({c for t in tables.doc_types() for c in t.codes if len(c) >= 2}, key=lambda c: (-len(c), c))
    )


@cache
def name_head_re() -> re.Pattern:
    """The capitalised type word that opens a name before 'số', for the types whose symbols carry no
    type code (Luật, Pháp lệnh): 'Luật Tổ chức Quốc hội số 57/2014/QH13'."""
    words = []
    for t in tables.doc_types():
        if not t.codes:
            words.extend([t.name, *t.aliases])
    return re.compile(rf"(?<![\w])(?=(?-i:[A-ZĐ]))(?P<type>{alt(words)})(?!\w)", re.IGNORECASE)


# What may stand between a type word and "số" in a name: no sentence or list punctuation, no other
# symbol or date, no quotation.
NAME_BREAK_RE = re.compile(r"[;:.!?/¦\n“”\"()]")


@cache
def type_before_re() -> re.Pattern:
    """A type word (and 'số') right before a symbol: matched against the text before it."""
    return re.compile(
        rf"{opens_with(type_words())}(?P<type>{type_alt()})\s*(?:(?:số|Số|SỐ)\s*[:.]?\s*)?$", re.IGNORECASE
    )


@cache
def type_before_reach() -> int:
    """The longest text `type_before_re` matches where no two blanks follow each other (each blank
    run is one character then): the longest type word, 'số', a ':' and three blanks."""
    return max(len(w) for w in type_words()) + len("số") + 4


@cache
def so_before_re() -> re.Pattern:
    return re.compile(r"(?:số|Số|SỐ)\s*[:.]?\s*$")


@cache
def date_after_re() -> re.Pattern:
    return re.compile(rf"\s*,?\s*(?:(?i:ngày)\s*:?\s*)?(?:{DATE_PATTERN})", re.IGNORECASE)


@cache
def term_after_re() -> re.Pattern:
    return re.compile(r"\s*,?\s*\(?\s*(?:khóa|khoá|Khóa)\s+(?P<term>[IVXL]+)\s*\)?")


@cache
def issuer_after_re() -> re.Pattern:
    """'của Bộ Chính trị', 'của Ban Thường vụ Tỉnh ủy Bắc Giang khóa XIX'; a plenum of a committee is
    that committee ('của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII', 'của Hội nghị
    Trung ương 5 khóa XIII')."""
    return re.compile(
        r"\s*,?\s*(?:(?:của|do)\s+(?:Hội nghị\s+(?:lần\s+thứ\s+\w+\s+)?)?|Hội nghị\s+(?:lần\s+thứ\s+\w+\s+)?)"
        rf"(?P<body>{body_alt()})(?:(?<=Trung ương)\s+\d{{1,2}}(?!\d))?"
        rf"(?:\s+(?:tỉnh\s+|thành\s+phố\s+)?(?P<prov>{province_alt()}))?"
        r"(?:\s*,?\s*\(?\s*(?:khóa|khoá)\s+(?P<term>[IVXL]+)\s*\)?)?",
        re.IGNORECASE,
    )


@cache
def other_organisation_re() -> re.Pattern:
    """What makes a body of the table another organisation's when it follows its name: 'Trung ương
    Đoàn' after 'Ban Bí thư', 'Hội Nông dân' after 'Ban Thường vụ' (bodies.toml [other_organisations])."""
    words = tables.load("bodies.toml")["other_organisations"]["words"]
    return re.compile(
        rf"\s+(?:Trung\s+ương\s+)?(?=(?-i:[A-ZĐ]))(?:{alt(words)})(?!\w)(?!\s+đồng\b)", re.IGNORECASE
    )


# Words that open the subject of a cited document ("… của Bộ Chính trị về …"; a decision's "… của Thủ
# tướng Chính phủ phê duyệt Đề án …", "… ban hành Chương trình …").
TITLE_START_RE = re.compile(
    r"\s*[,:]?\s*(?:¦\s*)?[“\"(]?\s*(?P<word>về\b|V/v\b|thực hiện\b|triển khai\b|tiếp tục\b|hướng dẫn\b|"
    r"tổng kết\b|sơ kết\b|sửa đổi\b|quy định về\b|quy định\b|phê duyệt\b|ban hành\b(?!\s+kèm theo)|(?-i:thi hành)\b(?!\s+án\b))",
    re.IGNORECASE,
)


@cache
def descriptive_re() -> re.Pattern:
    """'Chỉ thị của Bộ Chính trị về …': a document cited by issuer and subject, without number."""
    return re.compile(
        rf"(?<![\w])(?=(?-i:[A-ZĐ]))(?P<type>{type_alt()})\s+(?:số\s+\d+\s+)?của\s+(?P<body>{body_alt()})"
        rf"(?:\s+(?:tỉnh\s+)?(?P<prov>{province_alt()}))?\s+(?=về\b|“về\b|\"về\b)",
        re.IGNORECASE,
    )


@cache
def short_form_re() -> re.Pattern:
    """'Nghị quyết 52', 'Chỉ thị số 05' — a short form of an earlier full citation."""
    return re.compile(
        rf"{opens_with(type_words())}(?<![\w])(?P<type>{type_alt()})\s+(?:số\s+)?(?P<num>\d{{1,4}})"
        r"(?![\d/\-–,]|\s*[-–/]\s*[A-ZĐ]|\s*,\s*\d)",
        re.IGNORECASE,
    )


@cache
def self_reference_re() -> re.Pattern:
    return re.compile(rf"(?:{type_alt()})\s+này\b", re.IGNORECASE)
