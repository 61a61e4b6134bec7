"""Dates as written in Party and State documents, to ISO strings."""

from __future__ import annotations

import datetime as dt
import re

# "27/9/2019", "27-9-2019", "27.9.2019", "ngày 27 tháng 9 năm 2019"
DATE_PATTERN = (
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+th[áa]ng\s+(?P<m2>\d{1,2})\s+n[ăa]m\s+(?P<y2>(?:19|20)\d{2})"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
# The place-and-date line of a header: "Bắc Giang, ngày 08 tháng 6 năm 2021", "Phường 7, ngày …".
# A scan's debris is let through: a stop after a word ("tháng. 3"), a speck read as a figure before
# "ngày" ("Nghệ An, 3 ngày 15 …").
# A day or month left blank to be written by hand ("ngày      tháng 9 năm 2023", "ngày … tháng …
# năm 2023"): the year is what the line gives.
PLACE_DATE_RE = re.compile(
    r"(?P<place>[^\W\d_][^,\d]{1,40}?(?:\s\d{1,3})?)\s*,\s*(?:\d\s+)?ng[àa]y[.,]?"
    r"(?:\s+(?P<d2>\d{1,2})\s+|[\s.…_]++)th[áa]ng[.,]?(?:\s+(?P<m2>\d{1,2})\s+|[\s.…_]++)n[ăa]m[.,]?\s+(?P<y2>\d{4})",
    re.IGNORECASE,
)
# The same with the date in figures, as a short-hand header writes it ("Can Lộc, ngày 12/3/2025"):
# a line of its own, or a column's (after a tab), since "62-KL/TW, ngày 08/12/2009" in a title is
# a citation's date.
_FIGURES_PLACE_DATE_RE = re.compile(
    r"(?:^|(?<=\t))\s*(?P<place>[^\W\d_][^,\d/]{1,40}?(?:\s\d{1,3})?)\s*,\s*ng[àa]y\s+(?P<d>\d{1,2})\s*"
    r"(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})\s*\.?\s*$",
    re.IGNORECASE,
)


# The tail every match of PLACE_DATE_RE holds: searched first, it rules out most lines in one fast
# scan (PLACE_DATE_RE tries up to 40 characters of place name at every letter).
_PLACE_DATE_TAIL_RE = re.compile(
    r",\s*(?:\d\s+)?ng[àa]y[.,]?(?:\s+\d{1,2}\s+|[\s.…_]++)th[áa]ng[.,]?(?:\s+\d{1,2}\s+|[\s.…_]++)n[ăa]m[.,]?\s+\d{4}",
    re.IGNORECASE,
)
_FIGURES_TAIL_RE = re.compile(
    r",\s*ng[àa]y\s+\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}\s*\.?\s*$", re.IGNORECASE
)


def search_place_date(text: str) -> re.Match[str] | None:
    """The place-and-date line's match in `text` (groups place, and d/m/y or d2/m2/y2: see
    `date_from_match`); a text without ', ngày D tháng M năm Y' or ending ', ngày D/M/Y' is skipped
    in one fast scan."""
    if _PLACE_DATE_TAIL_RE.search(text):
        return PLACE_DATE_RE.search(text)
    return _FIGURES_PLACE_DATE_RE.search(text) if _FIGURES_TAIL_RE.search(text) else None


def iso_date(day: int | str, month: int | str, year: int | str) -> str | None:
    """ISO date, or None for an impossible one (31/2/2019)."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_from_match(m: re.Match) -> str | None:
    """The ISO date a match of DATE_RE or of a place-and-date line spells; its year alone when the
    day or month was left blank."""
    g = m.groupdict()
    if g.get("d"):
        return iso_date(g["d"], g["m"], g["y"])
    if not g.get("d2") or not g.get("m2"):
        return g["y2"] if g.get("y2") and g["y2"][:2] in ("19", "20") else None
    return iso_date(g["d2"], g["m2"], g["y2"])


def parse_date(text: str) -> str | None:
    """The first well-formed date in `text`, as ISO; None when there is none or it is impossible."""
    m = DATE_RE.search(text)
    return date_from_match(m) if m else None
