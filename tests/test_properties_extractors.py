"""Any text, however mangled, gives records or per-item issues, never an exception.

Property tests over every extraction stage and the whole of `parse_text`. Inputs mix the language
the stages look for (type words, symbols, dates, cue phrases, body names, headings) with what the
web and OCR bring (controls, odd whitespace, markup, stray punctuation, any Unicode). The number
of examples comes from the profile in conftest.py: 10,000 per test in CI."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from vbgraph.loaders import bodies, cite, clean, deadlines, header, named, segment
from vbgraph.loaders.dates import parse_date
from vbgraph.loaders.parse import parse_text
from vbgraph.loaders.records import FileRecord

# Pieces of the language the stages look for: the generator glues them with noise in between.
LANGUAGE = [
    "Nghị quyết số ",
    "Kế hoạch số ",
    "Quyết định ",
    "Chỉ thị số",
    "Kết luận",
    "Điều lệ Đảng",
    "Hướng dẫn ",
    "52-NQ/TW",
    "175-KH/TU",
    "3962/QĐ-UBND",
    "12-NQ/TU",
    "01/2021/NĐ-CP",
    "-NQ/",
    "/TU",
    "/QĐ-",
    "số ",
    "ngày ",
    "ngày 08 tháng 6 năm 2021",
    "27/9/2019",
    "tháng ",
    "năm 2020",
    "quý III/2021",
    "31/02/2021",
    "của Bộ Chính trị ",
    "Ban Thường vụ Tỉnh ủy",
    "Sở Nội vụ",
    "UBND huyện Yên Thế",
    "các ",
    "và ",
    ", ",
    "Thực hiện ",
    "Căn cứ ",
    "thay thế ",
    "bãi bỏ ",
    "sửa đổi, bổ sung ",
    "về việc ",
    "về ",
    "kèm theo ",
    "Giao ",
    "chủ trì",
    ", phối hợp với ",
    "hoàn thành ",
    "trước ngày ",
    "trong ",
    "thường xuyên",
    "này ",
    "TỈNH ỦY BẮC GIANG",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "NGHỊ QUYẾT",
    "Số ",
    "*",
    "Điều 1. ",
    "I- ",
    "1. ",
    "a) ",
    "- ",
    "Nơi nhận:",
    "T/M BAN THƯỜNG VỤ",
    "BÍ THƯ",
    "(đã ký)",
    "(sau đây gọi tắt là ",
    ")",
    "Tổ chức thực hiện",
    "yêu cầu:",
    ";",
    ". ",
    ":",
    "¦",
    "|",
    "<b>",
    "</b>",
    "**",
    "“",
    "”",
    '"',
]
NOISE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # any code point a str can hold in UTF-8
    max_size=6,
)
WHITESPACE = st.sampled_from(["\n", "\n\n", "\t", " ", "  ", "\r\n", "\v", "\f", "\x00", "\u00a0", "\u2028"])
TEXTS = st.lists(st.one_of(st.sampled_from(LANGUAGE), NOISE, WHITESPACE), max_size=60).map("".join)
LINES = TEXTS.map(lambda t: t.replace("\n", " "))


@given(TEXTS)
def test_parse_text_reads_any_text(text):
    record = parse_text(text, "any.txt")
    assert isinstance(record, FileRecord)
    n = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1  # lines of the file, from 1
    for c in record.citations:
        assert 1 <= c.evidence.line <= n
        assert c.stated_by is None or 0 <= c.stated_by < len(record.documents)
        for target, code in c.about:
            assert 0 <= target < len(record.citations) and code
    for o in record.obligations:
        assert 1 <= o.evidence.line <= n
    for issue in record.issues:
        assert issue.file == "any.txt" and issue.message


@given(TEXTS)
def test_cleaning_keeps_one_line_per_line(text):
    lines = clean.clean_file(text)
    assert all("\n" not in x for x in lines)


@given(LINES)
def test_citations_are_spans_of_the_text(text):
    for s in cite.find_citations(text):
        assert 0 <= s.start <= s.end <= len(text)
        if s.title_start is not None:
            assert s.title_start <= (s.title_end or s.title_start) <= len(text)
    for s in named.find_named(text):
        assert 0 <= s.start <= s.end <= len(text)


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@given(LINES)
def test_deadlines_are_real_dates(text):
    for d in deadlines.find_deadlines(text):
        for day in (d.start, d.end):
            assert day is None or (_ISO.fullmatch(day) and date.fromisoformat(day))
        assert 0 <= d.at <= len(text)
    deadlines.find_recurrence(text)
    assert parse_date(text) is None or date.fromisoformat(parse_date(text))


@given(LINES)
def test_subjects_and_bodies_are_read_from_any_line(text):
    names, end = bodies.parse_subject(text)
    assert 0 <= end <= len(text)
    assert all(isinstance(n, str) and n for n in names)
    bodies.split_bodies(text)
    header.find_provinces(text)
    header.parse_symbol(text)


@given(TEXTS)
def test_segmenting_any_lines_gives_ordered_blocks(text):
    lines = ["", *text.split("\n")]
    lines, _ = segment.split_long_lines(lines)
    blocks = segment.find_blocks(lines, lines)
    assert all(1 <= b.first <= b.last < len(lines) for b in blocks)
    assert [b.first for b in blocks] == sorted(b.first for b in blocks)
    for p in segment.paragraphs(lines, 1, len(lines) - 1):
        assert p.line_at(len(p.text)) < len(lines)


# Lines that go on with the one before them, or do not: the joins paragraphs are made of.
PARAGRAPH_LINES = st.lists(
    st.sampled_from(
        [
            "Giao Sở Nội vụ",
            "chủ trì thực hiện",
            "Căn cứ Nghị quyết số",
            "52-NQ/TW ngày 08/6/2021 của Tỉnh ủy,",
            "KẾ HOẠCH",
            "Kế hoạch",
            "1. Mục tiêu.",
            "- ",
            "",
            "Sở Tài chính\tUBND huyện",
            "\tcột",
            "phối hợp với",
        ]
    ),
    max_size=40,
)


@given(
    PARAGRAPH_LINES,
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.booleans()), min_size=1, max_size=6),
)
def test_paragraphs_cut_from_a_wider_reading_are_those_read_alone(body, ranges):
    # The citation stage reads a document's paragraphs, the obligation stage those of its body:
    # Paragraphs answers the second from the first wherever no paragraph crosses the cut.
    lines = ["", *body]
    remembered = segment.Paragraphs(lines)
    for a, b, tables in [(0, len(lines), ranges[0][2]), *ranges]:  # the whole text first
        first, last = 1 + a % len(lines), 1 + b % len(lines)
        first, last = min(first, last), min(max(first, last), len(lines) - 1)
        assert remembered(first, last, tables) == segment.paragraphs(lines, first, last, tables)
