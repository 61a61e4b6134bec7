"""A copy's note: the office that copies a text puts its name, its own number and date on top of
or under the text ("TỈNH ỦY KON TUM / VĂN PHÒNG / Số 85-SY/VPTU / SAO Y BẢN CHÍNH / Kon Tum, ngày …").
Read as a header, the note gave the copied text the copy's number and date, or a document of its
own. Its lines are read as blank (as many lines: evidence keeps its lines). The markers and copy
codes are in ontology/doc_types.toml [copies]."""

from __future__ import annotations

import re
from functools import cache

from vbgraph.loaders.dates import search_place_date
from vbgraph.loaders.normalize import is_upper_text
from vbgraph.loaders.signals import is_motto
from vbgraph.ontology import tables

ABOVE = 4  # lines of the copying office's name above its number, at most
BELOW = 3  # lines of motto, title and date below its number or title, at most


@cache
def _table() -> dict:
    return tables.load("doc_types.toml")["copies"]


@cache
def _marker_re() -> re.Pattern:
    alt = "|".join(re.escape(m) for m in sorted(_table()["markers"], key=len, reverse=True))
    return re.compile(rf"\s*(?:{alt})\s*[.:]?\s*")  # in capitals, a line of its own


@cache
def _number_re() -> re.Pattern:
    """'Số 85-SY/VPTU', 'Số: 215/SY-UBND': a copy's number."""
    codes = "|".join(re.escape(c) for c in _table()["codes"])
    return re.compile(rf"\s*(?:Số|SỐ)\s*[:.]?\s*\d{{1,6}}\s*[-/]\s*(?:{codes})\s*[-/]\s*\w")


def copy_notes(lines: list[str]) -> list[str]:
    """`lines` with every copy's note blank: its title, its number, the office's name above the
    number, and the motto and date below them."""
    codes = _table()["codes"]
    if not any(c in line for line in lines for c in ("SAO", *codes)):
        return lines  # most texts: no title of a note, no copy code
    out = list(lines)
    for i, line in enumerate(lines):
        number = _number_re().match(line) is not None
        if not number and not _marker_re().fullmatch(line):
            continue
        out[i] = ""
        if number:  # the office's name: the lines in capitals right above its number
            j = i - 1
            while j >= max(0, i - ABOVE) and (is_upper_text(lines[j]) or lines[j].strip() == "*"):
                out[j] = ""
                j -= 1
        for j in range(i + 1, min(len(lines), i + 1 + BELOW)):
            below = lines[j].strip()
            if not below:
                break
            if is_motto(below) or search_place_date(below) or _marker_re().fullmatch(below):
                out[j] = ""
            elif _number_re().match(below) is None:
                break
    return out
