"""The span of one citation in a text."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    @property
    def scope_end(self) -> int:
        return self.title_end if self.title_end is not None else self.end


def overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)
