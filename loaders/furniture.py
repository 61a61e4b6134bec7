"""Page furniture in a text: the page numbers ("- 2 -", "Trang 3/12") and running headers ("TỈNH
ỦY NGHỆ AN - TẬP VĂN BẢN NĂM 2024") that a PDF or a Word file saved as text leaves wherever its
pages broke, in the middle of a task's sentence too ("… chủ trì, / - 2 - / phối hợp với …": the
partner was lost). The PDF reader drops them by their place on the page (read_pdf._drop_furniture);
a text has only its lines: a page number is known by its shape (a bare "2" by the sentence that
goes on across it, or by standing between whole paragraphs, counting up page by page), a running
header by standing next to page numbers, the same words each time.
Each becomes a page break, PAGE_BREAK: a line no paragraph ends at (segment._paragraphs), blank to
every other stage; as many lines as it got, so evidence keeps its lines.

A page saved as text keeps the site's lists of links too ("Văn bản liên quan: Thông tư 02/2021/TT-BNV |
Nghị định 138/2020/NĐ-CP", "Tin liên quan" over a headline a line): each link named a document that
no text cites. The HTML reader drops them; here they become blank lines, their label's words
(signals.toml [chrome] related) and the links up to a blank line."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from vbgraph.loaders.normalize import fold, is_upper_text
from vbgraph.ontology import tables

PAGE_BREAK = "\f"

# "- 2 -", "– 12 –", "Trang 3", "Trang 3/12", "Trang 3 của 12", "Page 3 of 12"; a bare number only
# inside a sentence (`_inside_sentence`), elsewhere it may be a table's cell.
_PAGE_NUMBER_RE = re.compile(
    r"\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:Trang|TRANG|Page|PAGE)\s+\d{1,4}(?:\s*(?:/|của|of|trên)\s*\d{1,4})?)\s*"
)
HEADER_REPEATS = 2  # a running header stands next to page numbers this many times at least
_BARE_NUMBER_RE = re.compile(r"\s*\d{1,3}\s*")
_SENTENCE_END = tuple(".!?:")
_REACH = 2  # blank lines a PDF's text layer leaves around a page's number


def _neighbours(lines: list[str], i: int) -> tuple[str, str]:
    """The nearest lines with words before and after line i (within _REACH), stripped."""
    before = next((lines[j] for j in range(i - 1, max(-1, i - 2 - _REACH), -1) if lines[j].strip()), "")
    after = next((lines[j] for j in range(i + 1, min(len(lines), i + 2 + _REACH)) if lines[j].strip()), "")
    return before.strip(), after.strip()


def _inside_sentence(lines: list[str], i: int) -> bool:
    """A bare number on line i stands inside a sentence: the line with words before it ends in no
    full stop ('… triển khai Đề án hằng năm;') and the one after goes on in lower case ('định kỳ
    trước ngày 15 tháng 12 …'); a table's cell or a count stands between whole lines."""
    before, after = _neighbours(lines, i)
    return (
        "\t" not in before + after
        and any(c.isalpha() for c in before)
        and not before.endswith(_SENTENCE_END)
        and after[:1].isalpha()
        and after[:1].islower()
    )


def _between_paragraphs(lines: list[str], i: int) -> bool:
    """A bare number on line i stands between two paragraphs of text: the line with words before it
    ends a sentence ('… hoàn thành trước tháng 6 năm 2023.') and the one after opens one ('3. Bộ Nội
    vụ …'); a table's cells copied one a line stand between words with no stop."""
    before, after = _neighbours(lines, i)
    return (
        "\t" not in before + after
        and any(c.isalpha() for c in before)
        and before.endswith((".", ";", "!", "?"))
        and any(c.isalpha() for c in after[:12])
        and not after[:1].islower()
    )


_PAGE_LINES = 10  # a page holds more lines than this: numbers closer are a list's


def _pages(lines: list[str], at: list[int]) -> list[int]:
    """Of the bare numbers between paragraphs, those that number a text's pages: from 2 on (a first
    page goes unnumbered), each greater than the one before and a page's lines after it; none when
    they do not count so (a list numbered line by line)."""
    values = [int(lines[i]) for i in at]
    if (
        not values
        or values[0] < 2
        or any(b <= a for a, b in pairwise(values))
        or any(j - i < _PAGE_LINES for i, j in pairwise(at))
    ):
        return []
    return at


def page_furniture(lines: list[str]) -> list[str]:
    """`lines` with page numbers and the running headers next to them as page breaks, and a site's
    lists of links blank."""
    lines = related_links(lines)
    between = _pages(
        lines,
        [
            i
            for i, line in enumerate(lines)
            if line
            and _BARE_NUMBER_RE.fullmatch(line)
            and not _inside_sentence(lines, i)
            and _between_paragraphs(lines, i)
        ],
    )
    numbers = sorted(
        {
            i
            for i, line in enumerate(lines)
            if line
            and (
                _PAGE_NUMBER_RE.fullmatch(line)
                or (_BARE_NUMBER_RE.fullmatch(line) and _inside_sentence(lines, i))
            )
        }
        | set(between)
    )
    if not numbers:
        return lines  # most texts
    out = list(lines)
    beside: Counter[str] = Counter()
    for i in numbers:
        out[i] = PAGE_BREAK
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and lines[j].strip() and not _PAGE_NUMBER_RE.fullmatch(lines[j]):
                beside[lines[j].strip()] += 1
    running = {text for text, n in beside.items() if n >= HEADER_REPEATS}
    if running:
        for i in numbers:
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and lines[j].strip() in running:
                    out[j] = PAGE_BREAK
    return out


@cache
def _related_re() -> re.Pattern:
    """A site's label over its list of links, alone or with a colon, on folded text."""
    labels = sorted(
        {fold(w) for w in tables.load("signals.toml")["chrome"]["related"]}, key=len, reverse=True
    )
    return re.compile(rf"\s*(?:{'|'.join(re.escape(w) for w in labels)})\s*(?::.*)?", re.IGNORECASE)


_LINK_MAX = 300  # a link's words: a longer line is a paragraph of text


def related_links(lines: list[str]) -> list[str]:
    """`lines` with a site's lists of links blank: the label's line, and the lines after it up to a
    blank line, a line in capitals (a document's header), a point of the text ('1. Các sở …') or a
    paragraph of text. A label's line that ends a sentence ('Văn bản liên quan: Nghị định số … sửa
    đổi Nghị định số ….') is the text's own words, no list of links."""
    at = [
        i
        for i, line in enumerate(lines)
        if line
        and len(line) < _LINK_MAX
        and not line.rstrip().endswith((".", ";", "!", "?"))
        and _related_re().fullmatch(fold(line))
    ]
    if not at:
        return lines  # most texts
    out = list(lines)
    for i in at:
        out[i] = ""
        j = i + 1
        while (
            j < len(lines)
            and (s := lines[j].strip())
            and len(s) < _LINK_MAX
            and not is_upper_text(s)
            and not _POINT_RE.match(s)
        ):
            out[j] = ""
            j += 1
    return out


_POINT_RE = re.compile(r"(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)-]\s")  # a text's point: '1. ', 'a) ', 'II- '
