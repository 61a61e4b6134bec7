"""Regular expressions composed from the ontology tables, compiled once on first use.

Named fragments ($type, $body, $province) come from the tables, so a domain expert extends a
table and every pattern that uses it follows.
"""

from __future__ import annotations

import re
from functools import cache

from vbgraph.loaders.dates import DATE_PATTERN
from vbgraph.ontology import tables


def _alt(words) -> str:
    """Alternation, longest first, with flexible spaces."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


@cache
def type_alt() -> str:
    words = []
    for t in tables.doc_types():
        words.extend([t.name, *t.aliases])
    return _alt(words)


@cache
def body_alt() -> str:
    words = []
    for b in tables.bodies():
        words.extend([b.name, *b.aliases])
    return _alt(words)


@cache
def province_alt() -> str:
    from vbgraph.ontology.tables import _load

    data = _load("provinces.toml")
    return _alt([*data["names"], *data.get("aliases", {}).keys()])


# 52-NQ/TW, 32 - CV/ĐUK, 03-CTr/TU, 08-QĐi/TW, "18, 19-NQ/TW"
PARTY = (
    r"(?P<pnums>\d{1,4}(?:\s*(?:,|và)\s*\d{1,4})*)\s*[-–]\s*(?P<pcode>[A-ZĐ][A-Za-zĐđ]{0,4})"
    r"\s*/\s*(?P<piss>[A-ZĐ][A-ZĐa-z0-9]{0,9})"
)
# 3962/QĐ-UBND, 34/2016/NĐ-CP, 04/2021/NQ-HĐND, 133/2020/QH14, 216/TTg-CN
STATE = (
    r"(?P<snum>\d{1,5})\s*/\s*(?:(?P<syear>(?:19|20)\d{2})\s*/\s*)?(?P<sa>[A-ZĐ][A-Za-zĐđ]{0,7}\d{0,2})"
    r"(?:\s*-\s*(?P<sb>[A-ZĐ][A-Za-zĐđ0-9]{0,10}))?"
)


@cache
def symbol_re() -> re.Pattern:
    return re.compile(rf"(?<![\w/.\-–])(?:{PARTY}|{STATE})(?![\w/])")


@cache
def type_before_re() -> re.Pattern:
    """A type word (and 'số') right before a symbol: matched against the text before it."""
    return re.compile(rf"(?P<type>{type_alt()})\s*(?:(?:số|Số|SỐ)\s*[:.]?\s*)?$", re.IGNORECASE)


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
    return re.compile(
        rf"\s*,?\s*(?:của|do)\s+(?P<body>{body_alt()})"
        rf"(?:\s+(?:tỉnh\s+|thành\s+phố\s+)?(?P<prov>{province_alt()}))?"
        r"(?:\s*,?\s*\(?\s*(?:khóa|khoá)\s+(?P<term>[IVXL]+)\s*\)?)?",
        re.IGNORECASE,
    )


# Words that open the subject of a cited document ("… của Bộ Chính trị về …").
TITLE_START_RE = re.compile(
    r"\s*[,:]?\s*(?:¦\s*)?[“\"(]?\s*(?P<word>về\b|V/v\b|thực hiện\b|triển khai\b|tiếp tục\b|hướng dẫn\b|"
    r"tổng kết\b|sơ kết\b|sửa đổi\b|quy định về\b|quy định\b)",
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
        rf"(?<![\w])(?P<type>{type_alt()})\s+(?:số\s+)?(?P<num>\d{{1,4}})(?![\d/\-–,]|\s*[-–/]\s*[A-ZĐ]|\s*,\s*\d)",
        re.IGNORECASE,
    )


@cache
def self_reference_re() -> re.Pattern:
    return re.compile(rf"(?:{type_alt()})\s+này\b", re.IGNORECASE)
