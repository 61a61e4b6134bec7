"""What a reader hands to the pipeline: the text of a file as lines, and where each line came from.

Every format ends as plain lines so that one pipeline (clean -> segment -> identify -> cite ->
classify -> assign) reads them all; the `places` map keeps the evidence checkable in the file the
researcher holds: a page and the line on it in a PDF, a paragraph in a Word file, OCR or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """Where one line of the extracted text stands in the original file (None: not applicable)."""

    page: int | None = None  # PDF page, 1-based
    page_line: int | None = None  # line on that page, 1-based, headers and footers counted
    paragraph: int | None = None  # Word: paragraph or table row in body order, 1-based
    ocr: bool = False  # recognised from an image of the page

    def as_dict(self) -> dict:
        """The evidence fields this place adds (only those that say something)."""
        out: dict = {}
        if self.page is not None:
            out["page"] = self.page
        if self.page_line is not None:
            out["page_line"] = self.page_line
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.ocr:
            out["ocr"] = True
        return out


@dataclass(frozen=True)
class Source:
    """A file read as text.

    `text` is what the pipeline reads (lines joined by "\\n"); `places[i]` is where line i + 1 came
    from (empty when the lines are the file's own, as for a text file). `warnings` are one-line
    notes for the user (an encoding converted, a header dropped); `date_hint` is a web page's own
    date, a hint for the reader, never the document's date.
    """

    text: str
    format: str  # text | pdf | docx | doc | html | image
    places: tuple[Place, ...] = ()
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default=())
    date_hint: str | None = None

    def place(self, line: int) -> Place | None:
        """The place of 1-based `line`, or None."""
        if 1 <= line <= len(self.places):
            return self.places[line - 1]
        return None


def from_pieces(pieces: list[tuple[str, Place | None]], fmt: str, **kw) -> Source:
    """A Source from (line, place) pairs; a piece holding newlines becomes several lines of one place."""
    lines: list[str] = []
    places: list[Place] = []
    for text, place in pieces:
        for line in text.split("\n"):
            lines.append(line)
            places.append(place or Place())
    return Source(text="\n".join(lines), format=fmt, places=tuple(places), **kw)


# A line only a header's or a signature's layout table holds: the number, the State's or the Party's
# name and motto, the recipients, who signs on whose behalf.
_LAYOUT_RE = re.compile(
    r"\s*(?:(?:Số|SỐ)\s*[:.]?\s*\d|CỘNG HÒA XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do"
    r"|Nơi nhận|NƠI NHẬN|T/M\s|TM\.|KT\.|TL\.|TUQ\.)"
)


def layout_lines(cells: list[list[str]]) -> list[str] | None:
    """A header's or a signature's table row (two or three cells, one of several lines, a line
    that only such a table holds) as a plain text writes it: each cell's lines in turn. Word and web
    pages stack 'ỦY BAN NHÂN DÂN' / 'HUYỆN CAN LỘC' / 'Số: 58/KH-UBND' in one cell; joined into one
    line they would hide the number and the place. None for a row of content (a task table's),
    whose cells stay one line each."""
    if not 2 <= len(cells) <= 3 or all(len(c) < 2 for c in cells):
        return None
    if not any(_LAYOUT_RE.match(x) for c in cells for x in c):
        return None
    return [x for c in cells for x in c]


_ROW_NUMBER_RE = re.compile(r"\d{1,3}[.)]?")


def layout_columns(rows: list[list[list[str]]]) -> list[tuple[str, int]] | None:
    """A header's or a signature's table laid out row by row (each printed line a row of two or
    three cells: 'Nơi nhận:' beside 'TM. ỦY BAN NHÂN DÂN', '- Lưu: VT.' beside 'KT. CHỦ TỊCH')
    as a plain text writes it: each column's lines top to bottom, with the row each came from.
    Read row by row, the signer would be a row's second cell ('\tĐỗ Thông') and the signature's
    lines would stand beside the recipients'. None for any other table: a task table's rows are
    numbered, and a table whose rows differ in cells is no such layout."""
    widths = {len(row) for row in rows}
    if len(rows) < 2 or len(widths) != 1 or not 2 <= next(iter(widths)) <= 3:
        return None
    if not any(_LAYOUT_RE.match(x) for row in rows for c in row for x in c):
        return None
    if any(row[0] and _ROW_NUMBER_RE.fullmatch(row[0][0]) for row in rows):
        return None
    return [(x, r) for col in range(next(iter(widths))) for r, row in enumerate(rows) for x in row[col]]
