"""Deadlines as written in assignments, normalised to start/end dates with the text kept.

"Quý II/2021" -> 2021-04-01..2021-06-30; "Tháng 9/2021" -> the month; "trước ngày 30/11/2020" ->
ends 2020-11-30; "trong năm 2021" -> the year; "sơ kết vào Quý II/2023 và tổng kết vào Quý
II/2025" -> two deadlines. Recurrence ("hằng năm", "định kỳ 6 tháng") is read apart.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from vbgraph.loaders.dates import iso_date
from vbgraph.loaders.memo import text_cache
from vbgraph.loaders.normalize import lower_vn
from vbgraph.loaders.patterns import alt
from vbgraph.ontology import tables


@dataclass(frozen=True)
class Deadline:
    text: str
    start: str | None
    end: str | None
    at: int  # offset in the text it was read from

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
CHAIN = 4  # lead words before a deadline at most ("phải hoàn thành xong trước")


def _day(name: str) -> str:
    """A date written with one separator ("ngày 01/5/2023", "20-5-2023"), its parts named for `name`."""
    return rf"(?:ngày\s+)?(?P<{name}d>\d{{1,2}})\s*(?P<{name}s>[/.-])\s*(?P<{name}m>\d{{1,2}})\s*(?P={name}s)\s*(?P<{name}y>(?:19|20)\d{{2}})"


# An hour of the day a deadline falls on: "17 giờ", "17 giờ 30 phút", "17h00", "17h", the part of the
# day maybe ("8 giờ sáng"), then a comma maybe.
_HOUR = (
    r"\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?(?:\s*,\s*|\s+)"
    r"(?:(?:sáng|trưa|chiều|tối)(?:\s*,\s*|\s+))?"
)


# Quarters and months listed or joined ("quý III, IV/2025", "Quý III - IV/2025", "tháng 9 và tháng 10/2025"):
# the period runs from the first to the last. A joiner is never a numeral, so no text backtracks.
_JOIN = r"\s*(?:,|-|–|và|đến(?:\s+hết)?)\s*"
_QUARTER = r"iv|i{1,3}|[1-4]"


@cache
def _patterns(cell: bool = False) -> list[tuple[str, re.Pattern]]:
    """The deadline forms, in the order they are tried. In a table's time column (`cell`) the
    column's heading is the lead word, so none is needed before the time ('01/10/2025')."""
    words = tables.load("obligations.toml")["deadline"]
    alt = "|".join(_lead(w, words["not_lead"]) for w in sorted(words["lead"], key=len, reverse=True))
    # Lead words, each with the document it is about: every part ends in one run of whitespace and
    # the chain is bounded, so no text makes the pattern backtrack (it once could exponentially).
    doc = r"(?:nghị quyết|kế hoạch|chương trình|chỉ thị|kết luận)"
    # A lead word ends in a space or a colon ("thời gian hoàn thành: năm 2024"): the two
    # branches begin with different characters, so neither can take what the other would.
    gap = r"(?:\s+(?::\s*)?|:\s*)"
    pre = rf"(?P<lead>(?:(?:{alt}){gap}(?:việc\s+)?(?:thực hiện\s+)?(?:{doc}\s+)?(?:này\s+)?){{0,{CHAIN}}})"
    led = rf"(?:(?:{alt}){gap}){{{0 if cell else 1},{CHAIN}}}"  # lead words a bare time needs
    return [
        # "từ ngày 01/5/2023 đến hết ngày 20/5/2023": a period with both its ends.
        ("range", re.compile(rf"từ\s+{_day('a')}\s*(?:đến|tới|-|–)\s*(?:hết\s+)?{_day('b')}")),
        # "từ tháng 10 đến tháng 12/2023", "từ tháng 11/2023 đến hết tháng 02/2024": months, both ends.
        (
            "months",
            re.compile(
                r"từ\s+tháng\s+(?P<am>\d{1,2})(?:\s*(?:/|năm\s+|-)\s*(?P<ay>(?:19|20)\d{2}))?\s*(?:đến|tới|-|–)\s*"
                r"(?:hết\s+)?tháng\s+(?P<bm>\d{1,2})\s*(?:/|năm\s+|-)\s*(?P<y>(?:19|20)\d{2})"
            ),
        ),
        # "trong năm học 2025-2026": a school year, whose last day no text fixes: its words only
        # (read first: its years are no period of years).
        ("school", re.compile(rf"{led}năm học\s+(?:19|20)\d{{2}}\s*[-–]\s*(?:19|20)\d{{2}}\b")),
        # "trong giai đoạn 2026-2030", "từ năm 2026 đến năm 2030", a cell's "2026-2030": the years.
        (
            "years",
            re.compile(
                rf"(?:{led}(?:giai đoạn\s+|năm\s+)?|từ\s+năm\s+)(?P<ay>(?:19|20)\d{{2}})\s*"
                r"(?:[-–]|đến\s+(?:hết\s+)?năm)\s*(?P<y>(?:19|20)\d{2})\b"
            ),
        ),
        (
            "quarter",
            re.compile(
                rf"{pre}(?P<edge>cuối\s+|đầu\s+|giữa\s+)?quý\s+(?P<q>{_QUARTER})"
                rf"(?:{_JOIN}(?:quý\s+)?(?P<q2>{_QUARTER})){{0,3}}\s*(?:/|năm\s+|-)\s*(?P<y>(?:19|20)\d{{2}})"
            ),
        ),
        (
            "month",
            re.compile(
                rf"{pre}tháng\s+(?P<m>\d{{1,2}})(?:{_JOIN}(?:tháng\s+)?(?P<m2>\d{{1,2}})){{0,3}}"
                r"\s*(?:/|năm\s+|-)\s*(?P<y>(?:19|20)\d{2})"
            ),
        ),
        # "6 tháng đầu năm 2024", "nửa cuối năm 2025": a half year, after a lead word (a report's
        # period has none).
        (
            "half",
            re.compile(rf"{led}(?:6\s+tháng|nửa)\s+(?P<edge>đầu|cuối)\s+năm\s+(?P<y>(?:19|20)\d{{2}})"),
        ),
        # A bare "ngày 27/9/2019" is the date of a cited document: a deadline needs its lead word.
        # "trước ngày 30/6/2024", "trước 30-6-2024", "trước ngày 30 tháng 6 năm 2024", and with an
        # hour before the day ("trước 17 giờ ngày 21 tháng 9 năm 2025", "trước 17h00 ngày 21/9/2025").
        (
            "day",
            re.compile(
                rf"{led}(?:{_HOUR})?(?:ngày\s+)?(?P<d>\d{{1,2}})"
                rf"(?:\s*(?P<sep>[/.-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*|\s+tháng\s+(?P<mw>\d{{1,2}})\s+năm\s+)"
                r"(?P<y>(?:19|20)\d{2})"
            ),
        ),
        # "cuối năm 2025", but not "6 tháng cuối năm 2025" with no lead word: a report's period.
        (
            "year",
            re.compile(
                rf"(?<!6 tháng\s)(?<!nửa\s){led}(?:(?:việc\s+)?(?:thực hiện\s+)?{doc}\s+)?năm\s+(?P<y>(?:19|20)\d{{2}})\b(?!\s*[-–]\s*\d)"
            ),
        ),
    ]


def _lead(word: str, nouns: list[str]) -> str:
    """A lead word, not as the end of a noun it ends ('toàn trình' is no 'trình', submit): a
    fixed-width look-behind for each such noun's first words."""
    behind = "".join(f"(?<!{re.escape(n[: -len(word)])})" for n in nouns if n.endswith(" " + word))
    return behind + re.escape(word)


def _month_end(y: int, m: int) -> str:
    """The last day of month `m` (1 to 12) of year `y`."""
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _month_range(y: int, m: int) -> tuple[str, str] | None:
    if not 1 <= m <= 12:
        return None
    return f"{y:04d}-{m:02d}-01", _month_end(y, m)


_YEAR_CELL_RE = re.compile(r"\s*(?:năm\s+)?((?:19|20)\d{2})\s*\.?\s*", re.IGNORECASE)


def cell_deadlines(text: str) -> list[Deadline]:
    """The deadlines of a table's time column: as in running text but with no lead word, which
    the column's heading stands for ('6 tháng đầu năm 2026', '01/10/2025', '2026-2030'), and a
    bare year ('Năm 2025', '2025')."""
    found = list(_deadlines(text, cell=True))
    if not found and (m := _YEAR_CELL_RE.fullmatch(text)):
        y = m.group(1)
        found = [Deadline(text.strip(), f"{y}-01-01", f"{y}-12-31", 0)]
    return found


def find_deadlines(text: str) -> list[Deadline]:
    """Every deadline in `text`, in order. Offsets refer to `text`."""
    return list(_deadlines(text))


_DATE_OF_ISSUE_RE = re.compile(r"ngày\s+\d{1,2}\s*$")


@cache
def _reported_re() -> re.Pattern:
    """The words a period follows when it is what a report is about ('báo cáo kết quả thực hiện
    quý III/2025 … trước ngày 10/11/2025'), not a time to be done by."""
    words = tables.load("obligations.toml")["deadline"]["reported"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alt})\s+(?:(?:việc\s+)?thực hiện\s+)?$")


@cache
def _horizon_re() -> re.Pattern:
    """The words right before a year that is the horizon of a plan named in the task ('tầm nhìn
    đến năm 2050'), no time to be done by (obligations.toml [deadline] horizon)."""
    words = tables.load("obligations.toml")["deadline"]["horizon"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\s*$")


@cache
def _start_re() -> re.Pattern:
    """The words right before a time that is when a task starts ('từ ngày 01/7/2024', 'kể từ tháng
    8/2025'; obligations.toml [deadline] start): no time to be done by."""
    words = tables.load("obligations.toml")["deadline"]["start"]
    return re.compile(rf"(?<!\w)(?:{alt(lower_vn(w) for w in words)})\s+(?:ngày\s+)?$")


_START_REACH = 24  # characters before a time its start words stand in


def _starts(low: str, at: int) -> bool:
    """Does the time at `at` of the lowered `low` say when a task starts?"""
    return _start_re().search(low, max(0, at - _START_REACH), at) is not None


# A time counted from a day the text names: 'trong thời hạn 30 ngày kể từ ngày 15/6/2024', 'trong
# vòng 03 tháng kể từ ngày 01/7/2025'; working days ('10 ngày làm việc') no calendar fixes.
_COUNTED_RE = re.compile(
    r"(?:trong|chậm nhất)\s+(?:thời hạn\s+|vòng\s+|là\s+)?(?P<n>\d{1,3})\s+(?P<unit>ngày|tháng)\s*,?\s*"
    r"(?:kể\s+)?từ\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d{2})(?![\d/])"
)


def _counted_end(m: re.Match[str]) -> str | None:
    """The last day of a time counted from a named day: 15/6/2024 + 30 ngày -> 2024-07-15; a month
    later on the same day, or on the month's last when it has no such day."""
    day = iso_date(m.group("d"), m.group("m"), m.group("y"))
    if day is None:
        return None
    first, n = date.fromisoformat(day), int(m.group("n"))
    if m.group("unit") == "ngày":
        return (first + timedelta(days=n)).isoformat()
    months = first.month - 1 + n
    year, month = first.year + months // 12, months % 12 + 1
    return date(year, month, min(first.day, calendar.monthrange(year, month)[1])).isoformat()


@text_cache(maxsize=1 << 13)
def _deadlines(text: str, cell: bool = False) -> tuple[Deadline, ...]:
    """find_deadlines (or with `cell`, cell_deadlines), remembered: a task's sentence is read for
    its deadlines more than once."""
    low = lower_vn(text)
    if len(low) != len(text):  # keep offsets valid: lower_vn collapses spaces
        low = text.lower()
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    for m in _COUNTED_RE.finditer(low) if "từ" in low else ():
        end = _counted_end(m)
        if end is not None:
            taken.append((m.start(), m.end()))
            found.append(Deadline(text[m.start() : m.end()].strip(" ,;"), None, end, m.start()))
    for kind, rx in _patterns(cell):
        for m in rx.finditer(low):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind in ("month", "quarter"):
                before = low[max(0, m.start() - 40) : m.start()]
                if _DATE_OF_ISSUE_RE.search(before[-12:]):
                    continue  # "ngày 27 tháng 9 năm 2019": a date of issue
                if not m.group("lead") and _reported_re().search(before):
                    continue  # "báo cáo kết quả quý III/2025": the period reported on
                if not m.group("lead") and _starts(low, m.start()):
                    continue  # "kể từ tháng 8/2025 cập nhật …": when the task starts
            if kind in ("year", "years") and _horizon_re().search(low, max(0, m.start() - 24), m.start()):
                continue  # "Quy hoạch … tầm nhìn đến năm 2050": the plan's horizon
            span = _span(kind, m)
            if span is None:
                continue
            start, end = span
            taken.append((m.start(), m.end()))
            found.append(Deadline(text[m.start() : m.end()].strip(" ,;"), start, end, m.start()))
    return tuple(sorted(found, key=lambda d: d.at))


def _span(kind: str, m: re.Match[str]) -> tuple[str | None, str | None] | None:
    """(start, end) of the time a deadline pattern of `kind` matched, (None, None) for a time with
    no one date, or None: an impossible date."""
    if kind == "range":
        start = iso_date(m.group("ad"), m.group("am"), m.group("ay"))
        end = iso_date(m.group("bd"), m.group("bm"), m.group("by"))
        return (start, end) if start and end and start <= end else None
    if kind == "school":
        return None, None
    y = int(m.group("y"))
    if kind == "years":
        ay = int(m.group("ay"))
        return (f"{ay:04d}-01-01", f"{y:04d}-12-31") if ay <= y else None
    if kind in ("months", "month"):
        am = int(m.group("am") if kind == "months" else m.group("m"))
        bm = int(m.group("bm") if kind == "months" else m.group("m2") or am)
        return _months(int(m.group("ay")) if kind == "months" and m.group("ay") else None, am, y, bm)
    if kind == "quarter":
        q = _QUARTERS[m.group("q")]
        q2 = _QUARTERS[m.group("q2")] if m.group("q2") else q
        return _months(None, 3 * q - 2, y, 3 * q2)
    if kind == "half":
        return (
            (f"{y:04d}-01-01", f"{y:04d}-06-30")
            if m.group("edge") == "đầu"
            else (f"{y:04d}-07-01", f"{y:04d}-12-31")
        )
    if kind == "day":
        end = iso_date(m.group("d"), m.group("m") or m.group("mw"), m.group("y"))
        return (None, end) if end else None
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def _months(ay: int | None, am: int, by: int, bm: int) -> tuple[str, str] | None:
    """From the first day of month `am` to the last of month `bm` of year `by`; the first month
    is of the year before when it comes later in the year ('từ tháng 11 đến tháng 2/2024')."""
    first = _month_range(ay if ay is not None else (by if am <= bm else by - 1), am)
    last = _month_range(by, bm)
    return (first[0], last[1]) if first and last and first[0] <= last[1] else None


@cache
def _recurrence_re() -> re.Pattern:
    phrases = tables.load("obligations.toml")["recurrence"]["phrases"]
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


def find_recurrence(text: str) -> str | None:
    """'hằng năm', 'định kỳ 6 tháng', … as written (modern tones), or None."""
    m = _recurrence_re().search(lower_vn(text))
    return m.group(0) if m else None


# A time counted from the document's own day: 'trong thời hạn 10 ngày kể từ ngày ký Quyết định này'.
_FROM_ISSUE_RE = re.compile(
    r"(?:trong|chậm nhất)\s+(?:thời hạn\s+|vòng\s+|là\s+)?(?P<n>\d{1,3})\s+ngày\s*,?\s*kể từ ngày\s+"
    r"(?:ký|ban hành)(?!\w)"
)


def from_issue(text: str, issued: str) -> Deadline | None:
    """The last day of a time counted in days from the document's own ('trong thời hạn 10 ngày kể từ
    ngày ký Quyết định này', issued 2020-06-01 -> 2020-06-11); working days ('10 ngày làm việc') no
    calendar fixes."""
    low = lower_vn(text)
    if len(low) != len(text):  # keep offsets valid: lower_vn collapses spaces
        low = text.lower()
    m = _FROM_ISSUE_RE.search(low) if len(issued) == 10 else None
    if m is None:
        return None
    end = date.fromisoformat(issued) + timedelta(days=int(m.group("n")))
    return Deadline(text[m.start() : m.end()], None, end.isoformat(), m.start())


_DATE_RE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})(?![\d/])")


# An event's line of time ('Thời gian tổ chức: từ ngày 20/6/2024.'): its one date is the event's day.
_TIME_LINE_RE = re.compile(r"\s*thời gian(?:\s+[^\W\d_]+){0,3}\s*:")


def dated_after(text: str, issued: str) -> Deadline | None:
    """The first full date in a task later than the document's own: the day of an event or a
    hand-in with no lead word ('vào lúc 15 giờ chiều thứ sáu 02/02/2007', '… (03/02/2007)'). A
    cited document is older than the one citing it, so its date never qualifies; nor does a time a
    task starts from, unless it is the one date of an event's line of time."""
    low = lower_vn(text)
    dates = list(_DATE_RE.finditer(text))
    event = len(dates) == 1 and _TIME_LINE_RE.match(low) is not None
    for m in dates:
        day = iso_date(m.group(1), m.group(2), m.group(3))
        starts = not event and _starts(low if len(low) == len(text) else text.lower(), m.start())
        if day and day > issued and not _anniversary(text, m) and not starts:
            return Deadline(m.group(0), day, day, m.start())
    if pm := _period_day_re().search(low if len(low) == len(text) else text.lower()):
        return Deadline(text[pm.start() : pm.end()], None, None, pm.start())  # a day of every quarter
    # 'hoàn thành trước ngày 25/7', 'chậm nhất ngày 15/8': a day without its year is the next such
    # day after the document's own
    # (a day of every year, 'trước ngày 30/11 hằng năm', has no one date: its words only)
    dm = _DAY_NO_YEAR_RE.search(lower_vn(text)) if len(issued) == 10 else None
    if dm and find_recurrence(text) is not None:
        return Deadline(text[dm.start() : dm.end()], None, None, dm.start())
    if dm:
        year = int(issued[:4])
        month = dm.group("m") or dm.group("mw")
        day = iso_date(dm.group("d"), month, str(year))
        if day and day <= issued:
            day = iso_date(dm.group("d"), month, str(year + 1))
        if day:
            return Deadline(dm.group(0), None, day, dm.start())
    # 'hoàn thành trong tháng 12': the next such month that has not ended by the document's date
    mm = _MONTH_NO_YEAR_RE.search(lower_vn(text)) if len(issued) == 10 else None
    if mm and 1 <= int(mm.group("m")) <= 12 and find_recurrence(text) is None:
        year, month = int(issued[:4]), int(mm.group("m"))
        if _month_end(year, month) < issued:
            year += 1
        return Deadline(mm.group(0), f"{year:04d}-{month:02d}-01", _month_end(year, month), mm.start())
    return None


# The day a span of years closes: '(03/02/1930 - 03/02/2026)'.
_SPAN_OPEN_RE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})\s*[-–]\s*$")


def _anniversary(text: str, m: re.Match[str]) -> bool:
    """A date that closes a span from the same day of an earlier year ('kỷ niệm 96 năm Ngày thành lập
    Đảng (03/02/1930 - 03/02/2026)'): an anniversary the task speaks of, no day to do it by."""
    o = _SPAN_OPEN_RE.search(text, max(0, m.start() - 16), m.start())
    return bool(
        o
        and (int(o.group(1)), int(o.group(2))) == (int(m.group(1)), int(m.group(2)))
        and o.group(3) < m.group(3)
    )


_DAY_LEAD = r"(?:trước|chậm nhất(?:\s+là)?|hạn chót|xong trước|hoàn thành trước)\s{1,3}(?:ngày\s{1,3})?"


@cache
def _period_day_re() -> re.Pattern:
    """A day of a period that comes back ('trước ngày 20 của tháng cuối quý', obligations.toml
    [deadline] period_days), not of one named quarter ('… tháng cuối quý III/2024')."""
    words = alt(lower_vn(w) for w in tables.load("obligations.toml")["deadline"]["period_days"])
    return re.compile(
        rf"{_DAY_LEAD}\d{{1,2}}\s{{1,3}}(?:của\s{{1,3}})?(?:{words})(?!\w)(?!\s{{0,3}}(?:iv|i{{1,3}}|[1-4])(?!\w))"
    )


# A month with a deadline's lead word and no year after it: 'hoàn thành trong tháng 12', 'xong trước
# tháng 9' (not '… tháng 12 năm 2025', '… tháng 12/2025', nor 'trong 6 tháng').
_MONTH_NO_YEAR_RE = re.compile(
    r"(?<!\w)(?:(?:hoàn thành|xong|chậm nhất(?:\s+là)?)\s+(?:(?:ngay\s+)?trong\s+|trước\s+)?"
    r"|(?:ngay\s+)?trong\s+|trước\s+)tháng\s+(?P<m>\d{1,2})(?!\d|\s*(?:[/.-]\s*\d|năm(?!\w)))"
)


# A day and month with a deadline's lead word and no year after them: 'trước ngày 15/12', 'trước
# ngày 15 tháng 12' (not '… tháng 12 năm 2025' nor '… tháng 12/2025').
_DAY_NO_YEAR_RE = re.compile(
    _DAY_LEAD + r"(?P<d>\d{1,2})(?:\s{0,2}/\s{0,2}(?P<m>\d{1,2})(?!\s{0,2}/\s{0,2}\d|\d)"
    r"|\s{1,3}tháng\s{1,3}(?P<mw>\d{1,2})(?!\d|\s{0,3}(?:/|-|năm(?!\w))))"
)
