r"""CSV cells that a spreadsheet shows as text and never runs, and CSV lines that read back exactly.

A spreadsheet (Excel, LibreOffice Calc, Google Sheets) runs a cell that begins with `=`, `+`, `-`
or `@` as a formula, and skips a leading tab or carriage return before one (OWASP, "CSV
Injection"). Document text is untrusted input and often begins so ("- Căn cứ Nghị quyết …"), so
`neutral` writes a text cell that begins with one of these characters, or with `'` itself, with
one `'` in front: the spreadsheet shows it as text, and `restored` (one leading `'` dropped) gives
the text back exactly. Only text goes through it: numbers, booleans and empty cells are written as
they are, so `-3` stays a number for neo4j-admin and a spreadsheet alike.

`csv_line` writes one row in the layout of Python's csv module (`QUOTE_MINIMAL`, "\n" line
ends), and also quotes a cell holding a carriage return, which the csv module leaves bare when
lines end in "\n", so that a reader would cut the row there.

Examples
--------
>>> neutral("- Căn cứ Điều lệ Đảng"), neutral("=SUM(A1:A9)"), neutral("Căn cứ")
("'- Căn cứ Điều lệ Đảng", "'=SUM(A1:A9)", 'Căn cứ')
>>> restored(neutral("'a")), restored(neutral("-1")), restored(neutral("a"))
("'a", '-1', 'a')
>>> csv_line(["a", "b,c", "x\ry", ""])
'a,"b,c","x\ry",\n'
"""

from __future__ import annotations

from collections.abc import Iterable

#: a text cell beginning with one of these gets a `'` in front (`'` itself, so that one `'` is always dropped)
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "'")
_QUOTE_IF = frozenset(',"\n\r')


def neutral(text: str) -> str:
    """`text` as a spreadsheet shows it and never runs it: `'` in front when it begins with
    `=`, `+`, `-`, `@`, a tab, a carriage return or `'`; otherwise unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


def restored(cell: str) -> str:
    """The text `neutral` was given: one leading `'` dropped."""
    return cell[1:] if cell.startswith("'") else cell


def _field(cell: str) -> str:
    if _QUOTE_IF.isdisjoint(cell):
        return cell
    return '"' + cell.replace('"', '""') + '"'


def csv_line(cells: Iterable[str]) -> str:
    """One CSV row ending in "\\n": a cell holding `,`, `"`, a line feed or a carriage return is
    quoted, quotes doubled; a row of one empty cell is `""`, as the csv module writes it."""
    row = list(cells)
    if row == [""]:
        return '""\n'
    return ",".join(map(_field, row)) + "\n"
