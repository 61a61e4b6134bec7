"""Load the pattern tables (TOML files beside this module), once, on first use."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from vbgraph.ontology.fuzzy import Correction, Vocabulary, fold


def load(name: str) -> dict:
    """One TOML table of ontology/ ('obligations.toml'), parsed afresh: callers cache what they derive."""
    with resources.files("vbgraph.ontology").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class DocType:
    name: str
    codes: tuple[str, ...]
    aliases: tuple[str, ...]
    heading: bool
    system: str | None = None  # "party" | "state": whose symbols give it its code (TT)
    plain_state: bool = False  # its State symbols hold no type code ("Công văn số 112/VHTT")
    consolidates: bool = False  # a text of another act's words: its heading is the act's type (VBHN)


@cache
def doc_types() -> tuple[DocType, ...]:
    data = load("doc_types.toml")
    joint = _joint_forms(data)
    return tuple(
        DocType(
            t["name"],
            tuple(t.get("codes", ())),
            (*t.get("aliases", ()), *joint.get(t["name"], ())),
            t.get("heading", False),
            t.get("system"),
            t.get("plain_state", False),
            t.get("consolidates", False),
        )
        for t in data["type"]
    )


def _joint_forms(data: dict) -> dict[str, tuple[str, ...]]:
    """Type name -> the joint forms of the heading types its name opens (doc_types.toml
    joint_words: 'Kế hoạch liên tịch' is a Kế hoạch), each given to the longest type whose name it
    opens with ('Chương trình phối hợp và thống nhất hành động': Chương trình phối hợp), unless a
    type or alias is written so already."""
    names = {t["name"] for t in data["type"]}
    written = {fold(w) for t in data["type"] for w in (t["name"], *t.get("aliases", ()))}
    out: dict[str, list[str]] = {}
    for t in data["type"]:
        if not t.get("heading"):
            continue
        for w in data.get("joint_words", ()):
            form = f"{t['name']} {w}"
            if fold(form) in written:
                continue
            owner = max((n for n in names if f"{form} ".startswith(f"{n} ")), key=len)
            if form not in out.setdefault(owner, []):
                out[owner].append(form)
    return {k: tuple(v) for k, v in out.items()}


def consolidating_type(code: str | None) -> str | None:
    """The type of a text that consolidates another, by its symbol's type code ('VBHN': Văn bản
    hợp nhất), else None."""
    up = (code or "").upper()
    return next((t.name for t in doc_types() if t.consolidates and up in {c.upper() for c in t.codes}), None)


@cache
def type_systems() -> dict[str, str]:
    """Type name -> "party" or "state", for the types a shared code tells apart by system."""
    return {t.name: t.system for t in doc_types() if t.system}


@cache
def type_names() -> dict[str, str]:
    """Written type word (folded) -> canonical type name, e.g. 'thong bao ket luan' -> 'Thông báo'."""
    out: dict[str, str] = {}
    for t in doc_types():
        for written in (t.name, *t.aliases):
            out[fold(written)] = t.name
    return out


@cache
def types_by_code() -> dict[str, tuple[str, ...]]:
    """Type code -> the type names it may stand for ('QĐ' -> ('Quyết định', 'Quy định'))."""
    out: dict[str, list[str]] = {}
    for t in doc_types():
        for c in t.codes:
            out.setdefault(c.upper(), []).append(t.name)
    return {k: tuple(v) for k, v in out.items()}


@cache
def issuer_codes() -> dict[str, dict]:
    return {c["code"].upper(): c for c in load("issuer_codes.toml")["code"]}


@cache
def _joint_endings() -> tuple[str, ...]:
    return tuple(load("issuer_codes.toml")["joint"]["type_code_endings"])


def joint_symbol(type_code: str | None, issuer_code: str | None) -> bool:
    """Is a symbol a joint document's: two issuers' codes, after a joint kind's type code or each
    a code the table knows ('KH-UBND-HĐND'; issuer_codes.toml [joint])?"""
    parts = (issuer_code or "").strip("-").upper().split("-")
    if not type_code or len(parts) < 2:
        return False
    return type_code.upper().endswith(_joint_endings()) or all(p in issuer_codes() for p in parts)


def issuer_code_info(code: str | None, *, party: bool = False) -> dict | None:
    """The table entry of an issuer code: the code itself, else the longest prefix entry; of a
    Party-style symbol (`party`), no prefix entry of State symbols ('BCĐ' of 12-KH/BCĐ is a Party
    committee's steering board, no ministry's 'B…')."""
    if not code:
        return None
    table = issuer_codes()
    up = code.upper()
    if up in table:
        return table[up]
    prefixed = [
        c
        for c in table.values()
        if c.get("prefix")
        and up.startswith(c["code"].upper())
        and not (party and c.get("state"))
        and (not c.get("starts") or up.startswith(tuple(s.upper() for s in c["starts"])))
    ]
    return max(prefixed, key=lambda c: len(c["code"])) if prefixed else None


def party_symbol(symbol: str | None) -> bool:
    """Is `symbol` written as the Party writes its own ('12-KH/BCĐ': type and number before the
    slash, the issuer after it), not as the State does ('3145/BKHĐT-KTĐPLT', '10/2013/TT-BXD')?"""
    return bool(symbol) and "-" in symbol.split("/")[0]  # type: ignore[union-attr]


def is_central_code(code: str | None, *, party: bool = False) -> bool:
    """Does a symbol's issuer code belong to the centre (TW, CP, TTg, QH14, BTC …)? A Party code
    says so by its ending (…TW central, …U local: BTGTU is a Tỉnh ủy's board), before any prefix
    rule; a code the tables do not know is never assumed central. `party`: the code is of a
    Party-style symbol (`party_symbol`)."""
    if not code:
        return False
    up = code.upper()
    if up in issuer_codes():
        return bool(issuer_codes()[up]["central"])
    first = up.split("-", 1)[0]
    if first != up and first in issuer_codes():
        # the first part issues ('UBND-VX', 'BTC-QLCS'); the others are its unit or, in a joint
        # symbol, its co-issuers ('01/2021/NQLT-CP-ĐCTUBTWMTTQVN', '01/NQLT-TLĐ-HLHPNVN')
        return bool(issuer_codes()[first]["central"])
    if up.endswith("TW"):
        return True
    if up.endswith(("U", "UK")):
        return False
    info = issuer_code_info(code, party=party)
    return bool(info["central"]) if info is not None else False


def sole_issuer(code: str | None) -> str | None:
    """The body that alone issues documents of this code ('Quốc hội' of QH15), else None."""
    info = issuer_code_info(code)
    return info["body"] if info is not None and info.get("sole") else None


def is_known_code(code: str | None) -> bool:
    """Is the issuer code in the tables, by itself, by a prefix or by a Party ending?"""
    if not code:
        return True
    up = code.upper()
    return issuer_code_info(code) is not None or up.endswith(("TW", "U", "UK"))


@cache
def provinces() -> dict[str, str]:
    """Folded written form -> canonical province name."""
    data = load("provinces.toml")
    out = {fold(n): n for n in data["names"]}
    for alias, canon in data.get("aliases", {}).items():
        out[fold(alias)] = canon
    return out


@dataclass(frozen=True)
class BodyEntry:
    name: str
    level: str
    aliases: tuple[str, ...]
    part_of: str | None


@cache
def bodies() -> tuple[BodyEntry, ...]:
    return tuple(
        BodyEntry(b["name"], b["level"], tuple(b.get("aliases", ())), b.get("part_of"))
        for b in load("bodies.toml")["body"]
    )


@cache
def signature_table() -> dict:
    return load("bodies.toml")["signature"]


@cache
def cues() -> dict:
    return load("cues.toml")


@cache
def named_table() -> dict:
    return load("named.toml")


@cache
def _bodies_by_fold() -> dict[str, BodyEntry]:
    out: dict[str, BodyEntry] = {}
    for b in bodies():
        for a in (b.name, *b.aliases):
            out.setdefault(fold(a), b)
    return out


@cache
def _body_aliases() -> tuple[Vocabulary, dict[str, BodyEntry]]:
    by_alias = {a: b for b in reversed(bodies()) for a in (b.name, *b.aliases)}
    return Vocabulary(a for b in bodies() for a in (b.name, *b.aliases)), by_alias


@dataclass(frozen=True)
class BodyMatch:
    entry: BodyEntry
    correction: Correction | None  # set when `text` only nearly spells an alias


@lru_cache(maxsize=1 << 16)
def match_body(text: str) -> BodyMatch | None:
    """The body entry `text` names: an alias exactly (ignoring case, diacritics, tone placement),
    else the alias it misspells by a character or two (ontology/fuzzy.py), with the correction."""
    exact = _bodies_by_fold().get(fold(text))
    if exact is not None:
        return BodyMatch(exact, None)
    vocab, by_alias = _body_aliases()
    m = vocab.closest(text)
    if m is None:
        return None
    entry = by_alias[m.entry]
    return BodyMatch(entry, None if m.exact else Correction(text.strip(), entry.name, m.score))


def canonical_body(text: str) -> BodyEntry | None:
    """The body entry `text` names, spelled right or nearly (see `match_body`, which says which)."""
    m = match_body(text)
    return m.entry if m is not None else None


@cache
def body_vocabulary() -> Vocabulary:
    """Everything the tables spell as (part of) a body's name: the bodies and their aliases, the
    [vocabulary] of bodies.toml, and from obligations.toml the heads, protected phrases,
    provincial organisations, renames, abbreviations and locality words."""
    obl = load("obligations.toml")
    # Names as written in a title first: of two spellings of one folded form, the first is kept.
    entries = [a for b in bodies() for a in (b.name, *b.aliases)]
    entries += load("bodies.toml")["vocabulary"]["names"] + obl["locality"]["provincial_organisations"]
    entries += [*obl["renames"], *obl["renames"].values(), *obl["abbreviations"].values()]
    entries += obl["bodies"]["heads"] + obl["bodies"]["protected"] + obl["bodies"]["generic_items"]
    entries += obl["locality"]["words"]
    return Vocabulary(entries, kept=obl["lists"]["kinds"] + obl["bodies"]["villages"])
