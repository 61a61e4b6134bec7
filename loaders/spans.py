"""The span of one citation in a text."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Span:
    """One citation in a text. Offsets are into the text given to `find_citations`."""

    kind: str  # numbered | named | descriptive | short | alias
    start: int
    end: int  # end of the designation (type word, symbol, date, issuer phrase)
    type: str | None = None
    type_code: str | None = None
    number: str | None = None
    issuer_code: str | None = None
    symbol: str | None = None
    date: str | None = None  # ISO date, or a year "2017"
    issuer: str | None = None  # canonical body name from the issuer phrase
    province: str | None = None  # a province named in the issuer phrase
    term: str | None = None  # khóa XII
    name: str | None = None  # canonical name of an unnumbered document
    central: bool | None = None
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    bad_date: str | None = None  # a date as written that is impossible (31/2/2019)
    alias: str | None = None  # for kind="alias": the short name used
    attached_to_next: bool = False  # "Đề án … ban hành kèm theo Quyết định số …"
    unknown_type_code: bool = field(default=False, compare=False)  # a Party type code the tables lack
    written_code: str | None = field(
        default=None, compare=False
    )  # an issuer code read as another ('TVV': TW)
    date_shared: bool = field(default=False, compare=False)  # the date is a list's, after a later symbol

    @property
    def scope_end(self) -> int:
        return self.title_end if self.title_end is not None else self.end


_FIELDS = frozenset(f.name for f in fields(Span))


def numbered_span(
    start: int,
    end: int,
    type: str | None,
    type_code: str | None,
    number: str | None,
    issuer_code: str | None,
    symbol: str | None,
    date: str | None,
    issuer: str | None,
    province: str | None,
    term: str | None,
    bad_date: str | None,
    unknown_type_code: bool,
) -> Span:
    """`Span("numbered", start, end, …)`, the same value at a fraction of the cost: the frozen
    __init__ sets each of the 21 fields through object.__setattr__, and a text of symbols makes a
    span per symbol. The defaults are copied (in field order) and the values set: faster than a
    dict literal of 21 keys."""
    values = _NUMBERED.copy()
    values["start"] = start
    values["end"] = end
    values["type"] = type
    values["type_code"] = type_code
    values["number"] = number
    values["issuer_code"] = issuer_code
    values["symbol"] = symbol
    values["date"] = date
    values["issuer"] = issuer
    values["province"] = province
    values["term"] = term
    values["bad_date"] = bad_date
    values["unknown_type_code"] = unknown_type_code
    return _with_fields(values)


# Every field of a numbered span, in order; start and end are always given. No value is a container
# (MISSING is one to the collector): its copies are left out of garbage collection, as
# Span.__init__'s are.
_NUMBERED = {f.name: f.default for f in fields(Span)} | {"kind": "numbered", "start": 0, "end": 0}


def evolve(span: Span, **changes: Any) -> Span:
    """`dataclasses.replace(span, **changes)`, the same value at a fraction of the cost: replace
    re-runs the frozen __init__, and a citation is replaced once or twice on its way (a subject,
    a short form, a date). A copy of its fields is enough: Span has no __post_init__."""
    if not changes.keys() <= _FIELDS:
        raise TypeError(f"Span has no field {', '.join(sorted(changes.keys() - _FIELDS))}")
    return _with_fields(span.__dict__ | changes)


def _with_fields(values: dict[str, Any]) -> Span:
    """A Span whose fields are `values` (every field, in order)."""
    new = object.__new__(Span)
    object.__setattr__(new, "__dict__", values)  # Span is frozen: its own __setattr__ refuses
    return new


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)
