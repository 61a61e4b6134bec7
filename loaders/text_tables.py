"""Task tables in text copied out of a PDF, as the rows of tab-separated cells the readers write.

Why: an appendix table of tasks copied out of a PDF reaches a .txt file in one of two shapes, and
the obligation stage reads neither (`table_obligations` reads rows of cells apart by tabs, as the
Word, HTML and PDF readers write them), so every task of the table was lost:

- aligned (``pdftotext -layout``): a row's cells apart by runs of two spaces or more, a cell too
  wide for its column going on in the lines below, at the column's offset;
- stacked (a text layer in reading order): one cell per line, the header's cells first, a cell too
  wide for its column on lines of its own.

Both become tab rows here: one line per row, on the row's first line, the other lines it took left
blank, so evidence keeps its line numbers. A table needs its header, a line (or a run of lines) of
three column names or more of ``obligations.toml [table]``: prose with double spaces opens none.

>>> text_tables(["STT  Nội dung  Cơ quan chủ trì  Thời gian", "1    Rà soát   Sở Tư pháp       Quý I/2025"])
['STT\\tNội dung\\tCơ quan chủ trì\\tThời gian', '1\\tRà soát\\tSở Tư pháp\\tQuý I/2025']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from vbgraph.loaders.normalize import is_upper_text, lower_vn
from vbgraph.loaders.segment import recipients_line, signature_line

_KINDS = ("content", "body", "partner", "deadline", "product")  # the columns the reader takes
_NUMBER_HEADS = frozenset({"tt", "stt"})  # the column that numbers the tasks
_MIN_COLUMNS = 3  # column names a header needs
_HEAD_WORDS = 10  # a header cell is a short name
_HEAD_CONTINUED = 3  # lines a wrapped header may take
_MAX_COLUMNS = 16  # a header of one cell per line is looked for this far
_MAX_ROW_LINES = 40  # a row of one cell per line longer than this is no row
_MAX_CELL_LINES = 12  # nor a cell

# A cell: words apart by single spaces (two spaces or more part two cells).
_PIECE_RE = re.compile(r"\S+(?: \S+)*")
# A row's number ("1", "1.", "2.1") or a group's ("II", "II-"); with the cell's words after it.
_LABEL = r"(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVXL]{1,6})[.)\-–]?"
_LABEL_RE = re.compile(_LABEL)
_ROMAN_RE = re.compile(r"[IVXL]{1,6}[.)\-–]?")
_LABEL_HEAD_RE = re.compile(rf"({_LABEL}) (\S.*)")
_ROMAN_FIGURE_RE = re.compile(r"[IVX]{1,4}\s?[/,\-–]")  # a quarter's: 'IV/2025', 'III, IV/2025'
_PAGE_NUMBER_RE = re.compile(r"[-–]?\s*(?:[Tt]rang\s+)?\d{1,4}\s*[-–]?")
# A cell's line that the next line goes on: it ends inside a phrase ('Sở Giáo dục và', 'các xã,').
_OPEN_END_RE = re.compile(r"(?:[,\-–(]|\s(?:và|của|với|các|về|cho|tại|trên|theo))$")
# A note under a table: a label of a word or two and a colon ('Ghi chú: …', 'Lưu ý: …').
_NOTE_RE = re.compile(r"\w+(?: \w+)?\s?:(?:\s|$)")


@cache
def _column_re() -> re.Pattern[str]:
    """Any column name of obligations.toml [table], lower case."""
    table = _table()
    words = sorted({w for kind in _KINDS for w in table.get(kind, [])}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


@cache
def _table() -> dict:
    from vbgraph.ontology.tables import load

    return load("obligations.toml")["table"]


@cache
def _kinds() -> dict[str, str]:
    """Column name -> the kind of column it names."""
    return {w: kind for kind in _KINDS for w in _table().get(kind, [])}


@cache
def _heads() -> frozenset[str]:
    """The heads of a body's name (obligations.toml [bodies] heads): a line that is one alone
    ('Văn phòng', 'Sở') is a name cut by its column's width."""
    from vbgraph.ontology.tables import load

    return frozenset(load("obligations.toml")["bodies"]["heads"])


@cache
def _time_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a line that opens with a time's word, a line that ends with one): [table] time, [deadline]
    lead, [recurrence] phrases."""
    from vbgraph.ontology.tables import load

    obl = load("obligations.toml")
    words = sorted(
        {*_table().get("time", []), *obl["deadline"]["lead"], *obl["recurrence"]["phrases"]},
        key=len,
        reverse=True,
    )
    alt = "|".join(map(re.escape, words))
    return re.compile(rf"(?:{alt})(?!\w)"), re.compile(rf"(?<!\w)(?:{alt})$")


def _numbers(cell: str) -> bool:
    """'STT', 'TT' (a PDF may cut it: 'ST' / 'T'): the column of the tasks' numbers."""
    return lower_vn(cell).replace(" ", "").strip(".") in _NUMBER_HEADS


def _head_like(cell: str) -> bool:
    """A header cell's shape: a short name in capitals or title case, no figures, no sentence."""
    return (
        cell[:1].isupper()
        and len(cell.split()) <= _HEAD_WORDS
        and not any(c.isdigit() or c in ":;" for c in cell)
        and not cell.endswith(".")
    )


def _goes_on_head(cell: str) -> bool:
    """A header cell's line after its first: lower case ('trì' of 'Cơ quan chủ' / 'trì'), or a
    letter or two a narrow column cut off ('T' of 'ST' / 'T')."""
    return not any(c.isdigit() or c in ":;" for c in cell) and (cell[:1].islower() or len(cell) <= 2)


def _kind(cell: str) -> str | None:
    """The kind of column a header cell names ('Cơ quan chủ trì': 'body'), or None."""
    if not _head_like(cell):
        return None
    m = _column_re().search(lower_vn(cell))
    return _kinds()[m.group()] if m else None


def _names_column(cell: str) -> bool:
    return _numbers(cell) or _kind(cell) is not None


def _enough(cells: list[str]) -> bool:
    """Three column names or more, at least half the cells: a table's header, no prose."""
    named = sum(map(_names_column, cells))
    return named >= _MIN_COLUMNS and 2 * named >= len(cells)


def _stops(text: str) -> bool:
    """What follows a table, never a row of it: a signature, the recipients, a heading in capitals,
    a note ('Ghi chú: …')."""
    return (
        signature_line(text)
        or recipients_line(text)
        or (is_upper_text(text) and len(text.split()) >= 2)
        or (text[:1].isupper() and _NOTE_RE.match(text) is not None)
    )


def _row_text(cells: list[list[str]]) -> str:
    return "\t".join(" ".join(c) for c in cells).rstrip("\t")


def _head_text(cells: list[list[str]]) -> str:
    """A header's cells as a row; 'ST' / 'T' as 'STT'."""
    return "\t".join("".join(c) if _numbers(" ".join(c)) else " ".join(c) for c in cells)


def _cut(line: str, before: str = "") -> int:
    """How surely a cell's line goes on in the next: it ends inside a phrase ('Sở Giáo dục và',
    'các xã,') or is a body's head alone, with the line before it or not ('Văn phòng', 'Văn' /
    'phòng'): 3; it ends with a list's item of one word ('Sở Nội vụ, Sở'): 1."""
    if _OPEN_END_RE.search(line):
        return 3
    if any(x[:1].isupper() and lower_vn(x) in _heads() for x in (line, f"{before} {line}")):
        return 3
    _, comma, item = line.rpartition(", ")
    return 1 if comma and item[:1].isupper() and " " not in item else 0


def _cut_at(lines: list[str], j: int) -> int:
    """`_cut` of line j of a row's lines."""
    return _cut(lines[j], lines[j - 1] if j else "")


def _figure(line: str) -> bool:
    """A line that opens with a time's figure: '12/2025', 'IV/2025'."""
    return line[:1].isdigit() or _ROMAN_FIGURE_RE.match(line) is not None


def _opens_time(lines: list[str], a: int) -> bool:
    """Line a opens with a time's words, perhaps cut ('Thường' / 'xuyên'), or its figure."""
    words = lines[a] if a + 1 == len(lines) else f"{lines[a]} {lines[a + 1]}"
    return _figure(lines[a]) or _time_re()[0].match(lower_vn(words)) is not None


# --- aligned: cells apart by runs of spaces --------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    text: str


def _pieces(line: str) -> list[_Piece]:
    return [_Piece(m.start(), m.end(), m.group()) for m in _PIECE_RE.finditer(line)]


def _column(p: _Piece, heads: list[_Piece]) -> int:
    """The column a piece stands in: the header cell it lies most under, else the nearest one
    (a header may be centred over its column, its cells not)."""
    # the overlap of the two, or minus the gap between them
    return max(range(len(heads)), key=lambda i: min(p.end, heads[i].end) - max(p.start, heads[i].start))


@dataclass(frozen=True)
class _Header:
    """An aligned header: its columns' spans, its cells' words, the lines a cell went on in."""

    heads: list[_Piece]
    cells: list[list[str]]
    more: list[int]


def _aligned_header(lines: list[str], i: int) -> _Header | None:
    """The header of an aligned table on line i (its cells may go on in lines of their own), or None."""
    line = lines[i]
    if "\t" in line or "  " not in line.strip():
        return None
    heads = _pieces(line)
    if len(heads) < _MIN_COLUMNS or not all(_head_like(p.text) or _numbers(p.text) for p in heads):
        return None
    cells = [[p.text] for p in heads]
    more: list[int] = []
    for k in range(i + 1, min(len(lines), i + 1 + _HEAD_CONTINUED)):
        pieces = _pieces(lines[k]) if "\t" not in lines[k] else []
        if not pieces or not all(_goes_on_head(p.text) for p in pieces):
            break
        for p in pieces:
            c = _column(p, heads)
            cells[c].append(p.text)
            heads[c] = _Piece(min(p.start, heads[c].start), max(p.end, heads[c].end), heads[c].text)
        more.append(k)
    return _Header(heads, cells, more) if _enough([" ".join(c) for c in cells]) else None


@dataclass
class _Aligned:
    """The reading of one aligned table: its header, the rows so far (each with its first line),
    the lines the rows went on in, the header's lines again after a page break."""

    header: _Header
    numbered: int | None  # the column of the tasks' numbers
    margin: int  # where the rows of a numbered table have their words
    rows: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    taken: list[int] = field(default_factory=list)
    repeated: list[_Header] = field(default_factory=list)
    repeated_at: list[int] = field(default_factory=list)

    def cells(self, line: str) -> list[list[str]]:
        """A line's words by column; a row's number written before its words ('1 Rà soát') apart."""
        heads = self.header.heads
        pieces = _pieces(line)
        n = self.numbered
        if n is not None and pieces and pieces[0].start <= heads[n].end:
            m = _LABEL_HEAD_RE.fullmatch(pieces[0].text)
            if m:
                p, cut = pieces[0], pieces[0].start + len(m.group(1))
                pieces[:1] = [_Piece(p.start, cut, m.group(1)), _Piece(cut + 1, p.end, m.group(2))]
        out: list[list[str]] = [[] for _ in heads]
        for p in pieces:
            out[_column(p, heads)].append(p.text)
        return out

    def crosses(self, line: str) -> bool:
        """Words that run on under the next column: text after the table, no cell of it."""
        heads = self.header.heads
        for p in _pieces(line):
            c = _column(p, heads)
            if c + 1 < len(heads) and p.end > heads[c + 1].start + 1:
                return True
        return False

    def group(self, lines: list[str], k: int) -> bool:
        """A group's heading in capitals across the table ('NHÓM NHIỆM VỤ 1'), a row after it."""
        text = lines[k].strip()
        if not is_upper_text(text) or signature_line(text) or recipients_line(text):
            return False
        j = next((j for j in range(k + 1, min(len(lines), k + 4)) if lines[j].strip()), None)
        return j is not None and "\t" not in lines[j] and self.starts_row(self.cells(lines[j]))

    def starts_row(self, cells: list[list[str]]) -> bool:
        """A task's first line: its number, or (no number column) words in the first column and
        in another one, in capitals."""
        if self.numbered is not None:
            return (
                bool(cells[self.numbered]) and _LABEL_RE.fullmatch(" ".join(cells[self.numbered])) is not None
            )
        first = cells[0][0] if cells[0] else ""
        if not first[:1].isupper() or sum(map(bool, cells)) < 2:
            return False
        # no cell of the row above goes on here ('Sở Khoa học và' / 'Công nghệ')
        above = self.rows[-1][1] if self.rows else None
        return not any(
            words and above and above[c] and _cut(above[c][-1]) >= 3 for c, words in enumerate(cells)
        )

    def read(self, lines: list[str], i: int) -> int:
        """Read the rows under the header that ends on line i; the line after the table."""
        k, blank = i + 1, False
        while k < len(lines):
            line = lines[k]
            text = line.strip()
            if "\t" in line:
                break
            if not text:
                k, blank = k + 1, True
                continue
            if (blank or k + 1 == len(lines) or not lines[k + 1].strip()) and _PAGE_NUMBER_RE.fullmatch(text):
                k += 1  # a page's number between two pages of the table
                continue
            again = _aligned_header(lines, k) if self.rows else None
            if again is not None:  # the header again, on the next page
                if len(again.heads) != len(self.header.heads):
                    break
                self.header = again
                self.repeated.append(again)
                self.repeated_at.append(k)
                k, blank = (again.more or [k])[-1] + 1, False
                continue
            cells = self.cells(line)
            indent = len(line) - len(line.lstrip())
            if self.starts_row(cells):
                if self.numbered is not None:
                    self.margin = min([self.margin, *(p.start for p in _pieces(line)[1:2])])
                self.rows.append((k, cells))
            elif self.group(lines, k):
                pass  # left as it is: the reader takes no task from it
            elif (
                not self.rows
                or blank
                or _stops(text)
                or (self.numbered is not None and indent < self.margin - 1)
                or self.crosses(line)
            ):
                break
            else:  # the cells of the row above go on
                for c, words in enumerate(cells):
                    self.rows[-1][1][c].extend(words)
                self.taken.append(k)
            k, blank = k + 1, False
        return k


def _aligned(lines: list[str], out: list[str]) -> None:
    i = 0
    while i < len(lines):
        header = _aligned_header(lines, i)
        if header is None:
            i += 1
            continue
        heads = header.heads
        numbered = next((c for c, cell in enumerate(header.cells) if _numbers(" ".join(cell))), None)
        margin = heads[numbered + 1].start if numbered is not None and numbered + 1 < len(heads) else 0
        t = _Aligned(header, numbered, margin)
        end = t.read(lines, (header.more or [i])[-1])
        if t.rows:
            for h, k in [(header, i), *zip(t.repeated, t.repeated_at, strict=True)]:
                out[k] = _head_text(h.cells)
                for j in h.more:
                    out[j] = ""
            for k, cells in t.rows:
                out[k] = _row_text(cells)
            for k in t.taken:
                out[k] = ""
        i = max(end, i + 1)


# --- stacked: one cell per line ---------------------------------------------------------------------


def _one_cell(line: str) -> str | None:
    text = line.strip()
    return text if text and "\t" not in line and "  " not in text else None


def _stacked_header(lines: list[str], i: int) -> tuple[list[str], int]:
    """The header's cells from line i, one per line (a cell may go on in a line of its own), and
    the line after them; no cells when no header opens there."""
    cells: list[str] = []
    starts: list[int] = []  # the line each cell opens on
    k = i
    while k < min(len(lines), i + _MAX_COLUMNS) and (cell := _one_cell(lines[k])):
        if cells and _numbers(cells[-1] + cell):  # 'ST' / 'T'
            cells[-1] += cell
        elif cells and _goes_on_head(cell) and cell[:1].islower():
            cells[-1] += " " + cell
        elif (_head_like(cell) and not _LABEL_RE.fullmatch(cell)) or _numbers(cell):  # 'I' opens a group
            cells.append(cell)
            starts.append(k)
        else:
            break
        k += 1
    if cells and not _numbers(cells[0]):
        # without a number column the first row's cells may look like the header's: the header
        # ends with its last column name
        while cells and not _names_column(cells[-1]):
            cells.pop()
            k = starts.pop()
    # a header with a number column opens with it (a title above is no cell of it)
    if cells and _names_column(cells[0]) and not any(map(_numbers, cells[1:])) and _enough(cells):
        return cells, k
    return [], i


# How unlikely a column is empty: a task's words and its lead never are, a time seldom.
_EMPTY_COST = {"content": 9, "body": 9, "deadline": 3, "partner": 2, "product": 2}


def _starts_cell(lines: list[str], a: int, kind: str | None) -> int:
    """How unlikely line a opens a cell, not more of the one above."""
    line, above = lines[a], lines[a - 1]
    cost = _cut_at(lines, a - 1)
    timed = kind == "deadline" and _opens_time(lines, a)
    if line[:1].islower() and not timed:
        cost += 3
    if _figure(line) and (_time_re()[1].search(lower_vn(above)) or _opens_time(lines, a - 1)):
        cost += 2  # the figure of a time above ('Tháng' / '12/2025', 'năm học' / '2025-2026')
    return cost


def _goes_on(lines: list[str], j: int, kind: str | None) -> int:
    """How unlikely line j is more of the cell above: it opens in capitals after a whole phrase."""
    line = lines[j]
    timed = _opens_time(lines, j)
    if kind == "deadline":
        return 0 if timed or not line[:1].isupper() or _cut_at(lines, j - 1) else 1
    if line[:1].islower() or _cut_at(lines, j - 1):
        return 1 if timed and not _cut_at(lines, j - 1) else 0  # 'năm học' opens a time
    return 1


def _fit(texts: list[str], kinds: list[str | None]) -> list[str] | None:
    """A numbered row's lines (its number first) as its cells, one per column: the likeliest
    split of the lines into cells, a cell on lines of its own or empty (`_cell_cost`); None for a
    row too long to be one."""
    lines, n = texts[1:], len(kinds) - 1
    if len(lines) > _MAX_ROW_LINES:
        return None
    cost = _cell_cost(lines, kinds[1:])
    size, inf = len(lines), float("inf")
    best = [[inf] * (size + 1) for _ in range(n + 1)]  # best[c][b]: lines 0..b-1 as c cells
    cut = [[0] * (size + 1) for _ in range(n + 1)]
    best[0][0] = 0
    for c in range(1, n + 1):
        for b in range(size + 1):
            for a in range(max(0, b - _MAX_CELL_LINES), b + 1):
                if best[c - 1][a] < inf and (v := best[c - 1][a] + cost(c - 1, a, b)) < best[c][b]:
                    best[c][b], cut[c][b] = v, a
    if best[n][size] == inf:
        return None
    cells, b = [], size
    for c in range(n, 0, -1):
        a = cut[c][b]
        cells.append(" ".join(lines[a:b]))
        b = a
    return [texts[0], *reversed(cells)]


def _cell_cost(lines: list[str], kinds: list[str | None]) -> Callable[[int, int, int], int]:
    """How unlikely lines a..b-1 of a row are the cell of column c: a cell opens where a line
    begins one (`_starts_cell`) and holds lines that go on (`_goes_on`); a time cell holds a time
    from its first word, a body's name opens with no time and is more than a head ('Văn' /
    'phòng'), a figure opens a time and seldom another cell, a word alone ends a cell's words
    ('Viettel Nghệ' / 'An') and is seldom one; a column is empty as `_EMPTY_COST` says."""
    size = len(lines)
    timed = [_opens_time(lines, a) for a in range(size)]
    figure = [_figure(line) for line in lines]
    times = _time_re()[0]
    dated = [0] * (size + 1)  # lines 0..b-1 that hold a time's word or a figure
    for j, line in enumerate(lines):
        dated[j + 1] = dated[j] + bool(any(ch.isdigit() for ch in line) or times.search(lower_vn(line)))
    starts = {k: [_starts_cell(lines, a, k) if a else 0 for a in range(size)] for k in set(kinds)}
    goes = {}  # per kind: sums of how unlikely the lines before each are more of the cell above
    for k in set(kinds):
        goes[k] = [0] * (size + 1)
        for j in range(size):
            goes[k][j + 1] = goes[k][j] + (_goes_on(lines, j, k) if j else 0)

    def cost(c: int, a: int, b: int) -> int:
        kind = kinds[c]
        if a == b:
            return _EMPTY_COST.get(kind or "", 0)
        total = starts[kind][a] + goes[kind][b] - goes[kind][a + 1]
        if kind == "deadline":
            total += (0 if dated[b] > dated[a] else 2) + (0 if timed[a] else 2)
        elif kind != "content" and figure[a]:
            total += 1
        if kind in ("body", "partner") and (
            timed[a] or (b - a <= 2 and lower_vn(" ".join(lines[a:b])) in _heads())
        ):
            total += 2
        if b == a + 1 and " " not in lines[a] and dated[b] == dated[a]:
            total += 2
        return total

    return cost


def _stacked_rows(lines: list[str], k: int, n: int) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """The lines of each numbered row from line k, and where the header stands again (first line,
    line after it) after a page break. A row's number opens a row (the next number or a first one,
    after a cell or more; a group's after a whole row); a blank line before anything but a row's
    number or the header, a signature or a heading after a whole row end the table."""
    rows: list[list[int]] = []
    repeats: list[tuple[int, int]] = []
    last = 0

    def header_at(j: int) -> int | None:
        head, end = _stacked_header(lines, j)
        return end if len(head) == n else None

    def opens(text: str, size: int) -> bool:
        if _ROMAN_RE.fullmatch(text):  # never an 'X' marking a level column inside a row
            return size >= n
        number = text.rstrip(".")
        return number.isdigit() and int(number) in (last + 1, 1) and size >= 2

    while k < len(lines):
        b = k
        while b < len(lines) and not lines[b].strip():
            b += 1
        if rows and b < len(lines) and (end := header_at(b)) is not None:
            repeats.append((b, end))
            k = end
            continue
        first = _one_cell(lines[b]) if b < len(lines) else None
        if first is None or not opens(first, n):
            break
        last = int(first.rstrip(".")) if first.rstrip(".").isdigit() else last  # a group's goes on numbering
        chunk, j = [b], b + 1
        while j < len(lines) and (cell := _one_cell(lines[j])) is not None and not opens(cell, len(chunk)):
            if len(chunk) > _MAX_ROW_LINES or (
                len(chunk) >= n and (_stops(cell) or header_at(j) is not None)
            ):
                break
            chunk.append(j)
            j += 1
        rows.append(chunk)
        k = j
        cell = _one_cell(lines[j]) if j < len(lines) else None
        if cell is not None and not opens(cell, len(chunk)) and header_at(j) is None:
            break  # a signature, a heading
    return rows, repeats


def _numbered_cells(
    lines: list[str], chunks: list[list[int]], head: list[str]
) -> list[tuple[list[int], list[str]]]:
    """Each numbered row's lines and cells; a group's row ('II', 'NHIỆM VỤ CHUNG') as it stands."""
    n = len(head)
    kinds = [_kind(c) for c in head]
    rows: list[tuple[list[int], list[str]]] = []
    for chunk in chunks:
        texts = [lines[j].strip() for j in chunk]
        if _ROMAN_RE.fullmatch(texts[0]) and len(texts) <= n:
            rows.append((chunk, texts))
            continue
        fitted = _fit(texts, kinds)
        if fitted is not None:
            rows.append((chunk, fitted))
    return rows


def _unnumbered_rows(lines: list[str], k: int, head: list[str]) -> list[tuple[list[int], list[str]]]:
    """Rows of a table without a number column from line k: n lines each, one a cell, up to a blank
    line, a signature or a row that is no task's. Without a number to open each row a cell on two
    lines would shift every row after it, so a row must look like a task's: no line going on in
    lower case, a time in the time column, a name in capitals in the lead column."""
    n, kinds = len(head), [_kind(c) for c in head]
    times = _time_re()[0]
    rows: list[tuple[list[int], list[str]]] = []
    while k + n <= len(lines):
        cells = [_one_cell(lines[x]) or "" for x in range(k, k + n)]
        after = lines[k + n].strip() if k + n < len(lines) else ""
        if not all(cells) or _stops(cells[0]) or any(c[:1].islower() for c in [*cells[1:], after]):
            break
        if any(
            (kind == "deadline" and not (any(ch.isdigit() for ch in c) or times.search(lower_vn(c))))
            or (kind in ("body", "partner") and (not c[:1].isupper() or _opens_time(cells, x)))
            or (kind != "deadline" and _figure(c))
            for x, (kind, c) in enumerate(zip(kinds, cells, strict=True))
        ):
            break
        rows.append((list(range(k, k + n)), cells))
        k += n
    return rows


def _stacked(lines: list[str], out: list[str]) -> None:
    # column names so far, one a line: a header needs three within its reach
    named = [0]
    for line in lines:
        cell = _one_cell(line)
        named.append(named[-1] + bool(cell and _names_column(cell)))
    i = 0
    while i < len(lines):
        if named[min(len(lines), i + _MAX_COLUMNS)] - named[i] < _MIN_COLUMNS:
            i += 1
            continue
        head, k = _stacked_header(lines, i)
        if not head:
            i += 1
            continue
        n = len(head)
        repeats: list[tuple[int, int]] = []
        if _numbers(head[0]):
            chunks, repeats = _stacked_rows(lines, k, n)
            rows = _numbered_cells(lines, chunks, head)
        else:
            rows = _unnumbered_rows(lines, k, head)
        if not rows:
            i += 1
            continue
        for a, b in [(i, k), *repeats]:
            out[a:b] = ["\t".join(head), *[""] * (b - a - 1)]
        for chunk, cells in rows:
            out[chunk[0]] = "\t".join(cells).rstrip("\t")
            for j in chunk[1:]:
                out[j] = ""
        i = rows[-1][0][-1] + 1


def text_tables(lines: list[str]) -> list[str]:
    """The appendix tables of a PDF's text, aligned or stacked, as rows of tab-separated cells; as
    many lines as it got."""
    out = list(lines)
    _aligned(lines, out)
    _stacked(list(out), out)
    return out
