"""Documents cited by name, without a number: laws, the constitution, charters, working rules,
congress and plenum resolutions, plans and schemes.

Each is given a canonical name so that the short and long ways of writing it meet in one node:
"Nghị quyết Đại hội XIII của Đảng" and "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của
Đảng" are one document; "Nghị quyết Trung ương 4 khóa XI, XII" is two; "Luật Xây dựng ngày
26/11/2003" is "Luật Xây dựng năm 2003".

One reader per kind of name; the words each reads are data in ontology/named.toml:

- `_congress`, `_plenum`: congress resolutions at every level, plenum resolutions;
- `_laws`: Luật, Bộ luật, Pháp lệnh, whose name runs to the date, year, number, issuer phrase or
  stop word that closes it. An amending law ("Luật sửa đổi, bổ sung một số điều của Luật …") is one
  name; the full names after "của" are cited inside its subject, so the caller's subject cue states
  SUA_DOI between them;
- `_constitution`, `_charters`, `_working_rules`: Hiến pháp, Điều lệ, Quy chế làm việc;
- `_generic`: other heads (Quy hoạch, Đề án, Chiến lược …), word by word.

Each head is read within a window of `_WINDOW` characters after it, and every repetition in a
pattern is bounded, so a text of any shape is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vbgraph.loaders import patterns
from vbgraph.loaders.dates import DATE_PATTERN, date_from_match
from vbgraph.loaders.normalize import fold, lower_vn, modern_tones, roman_to_int
from vbgraph.loaders.spans import Span, evolve, overlaps
from vbgraph.ontology import tables

_ROMAN = r"[IVXL]{1,8}"
_ROMAN_RE = re.compile(_ROMAN)
_BLANKS_RE = re.compile(r"\s+")
_NOTE_MARK_RE = re.compile(r"\[\d+\]")  # a footnote mark: 'Luật Đất đai[3]'
_CLAUSE_CLOSE_RE = re.compile(r"\s*(?:[;.]|$)")
_PUNCT_RE = re.compile(r"[,;.:()“”\"]")
_TINH_PERIOD_RE = re.compile(r"\btỉnh\s+(?:thời kỳ|giai đoạn|đến năm)")
_TINH_BEFORE_PERIOD_RE = re.compile(r"\btỉnh\s+(?=thời kỳ|giai đoạn|đến năm)")
_VE_END_RE = re.compile(r"\bvề\s*[“\"]?\s*$")
_BULLET_ONLY_RE = re.compile(r"\s*[-+•]")
_WINDOW = 400  # characters read after a head
_BEFORE = 48  # characters looked at before a head (planned, generic)


@cache
def _upper() -> str:
    """A character class of the capital letters Vietnamese is written with."""
    chars = [chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isupper()]
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _clean(words: str) -> str:
    return _BLANKS_RE.sub(" ", words).replace(" ,", ",").strip(" ,.-–")


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


# ---------------------------------------------------------------- congress and plenum resolutions


def _place_pattern() -> str:
    """A place's name after its level word: capitalised words ('Thủy Nguyên', 'Bà Rịa - Vũng Tàu') or a number."""
    word = _upper() + r"[^\W_]{0,12}"
    return rf"{word}(?:(?:[ \t]{{1,3}}|[ \t]?[-–][ \t]?){word}){{0,4}}|\d{{1,2}}"


@cache
def _congress_re() -> re.Pattern:
    cfg = tables.named_table()["congress"]
    level = patterns.alt([*cfg["levels"], *cfg["level_aliases"]])
    place = _place_pattern()
    return re.compile(
        r"(?<![\w])(?P<head>Nghị quyết|Văn kiện)\s+(?:của\s+)?(?i:Đại hội)\s+"
        r"(?:(?P<dbieu>(?i:đại biểu))\s+)?"
        rf"(?:(?P<local>(?i:Đảng bộ))(?:\s+(?P<level>(?i:{level})))?(?:\s+(?P<place>{place}))?\s+)?"
        r"(?:(?P<party>(?i:Đảng))\s+)?(?:(?P<tq>(?i:toàn quốc))\s+)?"
        r"(?:(?i:lần thứ)\s+)?(?P<n>" + _ROMAN + r")(?![\w])"
        rf"(?:\s+(?P<cuadb>(?i:của Đảng bộ))(?:\s+(?P<level2>(?i:{level})))?(?:\s+(?P<place2>{place}))?)?"
        r"(?:\s+(?P<cuadang>(?i:của Đảng))(?!\s+(?i:bộ)))?"
        r"(?:\s*+,?\s*+(?i:nhiệm kỳ)\s*\d{4}\s*[-–]\s*\d{4})?"
    )


def _local_body(level: str | None, place: str | None, province: str | None) -> tuple[str, str, str | None]:
    """(level word, place, province) of a local Party organisation: 'Đảng bộ huyện Thủy Nguyên'."""
    aliases, cities = _congress_words()
    level = aliases.get(lower_vn(level), lower_vn(level)) if level else None
    place = modern_tones(place) if place else None
    prov = tables.provinces().get(fold(place)) if place else None
    if place and prov:
        place = prov
    if level is None and (prov or not place):
        # "Đảng bộ Hà Nội", "Đảng bộ tỉnh" said as "của Đảng bộ": the province
        level = "thành phố" if fold(prov or province) in cities else "tỉnh"
    if place is None and level in ("tỉnh", "thành phố"):
        place = province
    if place and level == "thành phố" and lower_vn(place).startswith("thành phố "):
        place = place[len("thành phố ") :]  # "Đảng bộ thành phố Hồ Chí Minh"
    return level or "", place or "", prov or province


_SENTENCE_BREAK_RE = re.compile(r"[.;!?:¦\n]")
_SENTENCE_REACH = 300  # how far back the province a sentence names is looked for


def _congress_province(text: str, pos: int, province: str | None) -> str | None:
    """The province a local congress without a place name belongs to ('Nghị quyết Đại hội Đảng bộ
    tỉnh lần thứ XIV'): the text's, when it is a province's; in a central text, the last province
    its sentence names before it ('… Nhân dân tỉnh Sóc Trăng đã triển khai … Nghị quyết Đại hội
    Đảng bộ tỉnh …'); else none: the centre is no congress's province."""
    if province in _province_names():
        return province
    lo = max(0, pos - _SENTENCE_REACH)
    for brk in _SENTENCE_BREAK_RE.finditer(text, lo, pos):
        lo = brk.end()
    named = [m.group() for m in _admin_province_re().finditer(text, lo, pos)]
    return _province_in(named[-1]) if named else None


@cache
def _province_names() -> frozenset[str]:
    return frozenset(tables.provinces().values())


@cache
def _congress_words() -> tuple[dict[str, str], frozenset[str]]:
    """(level alias -> level word, folded names of the cities under the centre), once."""
    cfg = tables.named_table()["congress"]
    aliases = {lower_vn(k): v for k, v in cfg["level_aliases"].items()}
    return aliases, frozenset(fold(c) for c in cfg["cities"])


def _congress(text: str, province: str | None) -> list[Span]:
    if "Nghị quyết" not in text and "Văn kiện" not in text:
        return []  # the heads _congress_re opens with, as written: most texts hold neither
    cfg = tables.named_table()["congress"]
    out = []
    for m in _congress_re().finditer(text):
        n = m.group("n")
        value = roman_to_int(n) or 0
        if m.group("local") or m.group("cuadb"):
            local = True
        elif m.group("tq") or m.group("cuadang") or m.group("party"):
            local = False
        else:
            local = value > cfg["highest_national"]
        prov = None
        if local:
            level, place, prov = _local_body(
                m.group("level") or m.group("level2"),
                m.group("place") or m.group("place2"),
                _congress_province(text, m.start(), province),
            )
            body = _BLANKS_RE.sub(" ", cfg["local"].format(n=n, level=level, place=place))
        else:
            body = cfg["national"].format(n=n)
        out.append(_congress_span(m, body, local, prov))
    return out


def _congress_span(m: re.Match[str], body: str, local: bool, prov: str | None) -> Span:
    """A congress resolution ('Nghị quyết' or 'Văn kiện' of `body`, the congress) as a named citation."""
    head = m.group("head")
    return Span(
        "named",
        m.start(),
        m.end(),
        type=head,
        name=f"{head} {body}",
        central=not local,
        issuer=body,
        province=prov if local else None,
    )


@cache
def _org_congress_re() -> re.Pattern:
    cfg = tables.named_table()["congress"]
    level = patterns.alt([*cfg["levels"], *cfg["level_aliases"]])
    org = patterns.alt(cfg["organisations"])
    place = _place_pattern()
    return re.compile(
        r"(?<![\w])(?P<head>Nghị quyết|Văn kiện)\s+(?:của\s+)?(?i:Đại hội)\s+(?:(?i:đại biểu)\s+)?"
        rf"(?:(?P<tq>(?i:toàn quốc))\s+)?(?P<org>{org})(?:\s+(?P<vn>Việt Nam))?(?:\s+(?P<tq2>(?i:toàn quốc)))?"
        rf"(?:\s+(?P<level>(?i:{level}))(?:\s+(?P<place>{place}))?)?"
        r"\s+(?:(?i:lần thứ)\s+)?(?P<n>" + _ROMAN + r")(?![\w])"
    )


def _org_congress(text: str, province: str | None) -> list[Span]:
    """The congress resolutions of the Front and the mass organisations (named.toml [congress])."""
    if "Đại hội" not in text and "đại hội" not in text:
        return []
    cfg = tables.named_table()["congress"]
    out = []
    for m in _org_congress_re().finditer(text):
        org = cfg["organisations"][m.group("org")]
        local = bool(m.group("level")) or not (m.group("tq") or m.group("tq2") or m.group("vn"))
        prov = None
        if local:
            level, place, prov = _local_body(
                m.group("level"), m.group("place"), _congress_province(text, m.start(), province)
            )
            body = _BLANKS_RE.sub(
                " ", cfg["org_local"].format(org=org, level=level, place=place, n=m.group("n"))
            )
        else:
            body = cfg["org_national"].format(org=org, n=m.group("n"))
        out.append(_congress_span(m, body, local, prov))
    return out


@cache
def _ordinal_alt() -> str:
    words = list(tables.named_table()["plenum"]["ordinals"])
    one = patterns.alt(words)
    return rf"\d{{1,2}}|(?:mười\s+)?(?:{one})"


@cache
def _plenum_re() -> re.Pattern:
    num = _ordinal_alt()
    return re.compile(
        r"(?<![\w])Nghị quyết\s+(?:(?i:Hội nghị)\s+)?(?:(?i:lần thứ)\s+)?(?:(?P<n1>(?i:" + num + r"))\s+)?"
        r"(?:(?i:Ban Chấp hành)\s+)?(?i:Trung ương)(?:\s+(?i:Đảng))?"
        r"(?:\s+(?:(?i:lần thứ)\s+)?(?P<n>(?i:" + num + r"))(?![\w]))?"
        r"\s*+,?\s*+\(?\s*+(?i:khóa|khoá)\s+(?P<terms>"
        + _ROMAN
        + r"(?:\s*(?:,|và)\s*(?:(?i:khóa|khoá)\s+)?"
        + _ROMAN
        + r"){0,4})\s*+\)?"
    )


def _ordinal(written: str | None) -> int | None:
    """'5' -> 5, 'năm' -> 5, 'mười hai' -> 12, 'tư' -> 4."""
    if not written:
        return None
    if written.isdigit():
        return int(written)
    table = _ordinals()
    words = lower_vn(written).split()
    if len(words) == 2 and words[0] == "mười":
        return 10 + table.get(words[1], 0) if words[1] in table else None
    return table.get(words[0]) if len(words) == 1 else None


@cache
def _ordinals() -> dict[str, int]:
    return {lower_vn(k): v for k, v in tables.named_table()["plenum"]["ordinals"].items()}


def _plenum(text: str) -> list[Span]:
    if "Nghị quyết" not in text:
        return []  # the head _plenum_re opens with
    canon = tables.named_table()["plenum"]["canonical"]
    out = []
    for m in _plenum_re().finditer(text):
        n = _ordinal(m.group("n") or m.group("n1"))
        if not n:
            continue
        for term in _ROMAN_RE.findall(m.group("terms")):
            out.append(
                Span(
                    "named",
                    m.start(),
                    m.end(),
                    type="Nghị quyết",
                    name=canon.format(n=n, term=term),
                    central=True,
                    issuer="Ban Chấp hành Trung ương",
                    term=term,
                )
            )
    return out


# ---------------------------------------------------------------- planned documents, common nouns


@cache
def _planned_re() -> re.Pattern:
    cfg = tables.named_table()["planned"]
    verbs = patterns.alt([lower_vn(v) for v in (*tables.cues()["planned"]["verbs"], *cfg["before"])])
    done = patterns.alt([lower_vn(w) for w in cfg["done"]])
    return re.compile(rf"(?<![\w])(?P<done>(?:{done})\s+)?(?:{verbs})(?:\s*(?:và|các|,)){{0,3}}\s*$")


def _planned(text: str, start: int, end: int) -> bool:
    """A document to be drafted: 'dự thảo Luật …', 'trình Quốc hội ban hành Luật …', 'Luật … (sửa đổi)'."""
    m = _planned_re().search(lower_vn(text[max(0, start - _BEFORE) : start]) + " ")
    if m and not m.group("done"):
        return True
    return lower_vn(text[end : end + 24]).startswith(_planned_after())


@cache
def _planned_after() -> tuple[str, ...]:
    """Words after a name that make it a plan: '(sửa đổi)'."""
    return tuple(lower_vn(a) for a in tables.named_table()["planned"]["after"])


@cache
def _generic_before_re() -> re.Pattern:
    words = patterns.alt([lower_vn(w) for w in tables.named_table()["law"]["generic_before"]])
    return re.compile(rf"(?<![\w])(?:{words})\s*$")


def _generic_before(text: str, start: int) -> bool:
    """'các Luật liên quan', 'Trường Đại học Luật': the head is a common noun there."""
    return bool(_generic_before_re().search(lower_vn(text[max(0, start - 24) : start]) + " "))


def _not_a_name(words: str) -> bool:
    """'Luật này', 'Luật sư', 'Luật và …': what follows the head is no name (compared as written)."""
    ws = words.split()
    for entry in tables.named_table()["law"]["not_a_name"]:
        e = entry.split()
        if ws[: len(e)] == e:
            return True
    return not ws


# ---------------------------------------------------------------- laws, codes and ordinances


@cache
def _entries(matcher: str) -> dict[str, dict]:
    """Folded head -> [[named]] entry, for the heads a reader reads."""
    return {fold(e["head"]): e for e in tables.named_table()["named"] if e.get("matcher") == matcher}


@cache
def _first_words(matcher: str | None) -> tuple[str, ...]:
    """The first word of each head a reader reads (None: `_generic`), as its pattern writes it."""
    heads = (
        [e["head"] for e in _entries(matcher).values()]
        if matcher
        else [e["head"] for e in tables.named_table()["named"] if not e.get("matcher")]
    )
    return tuple(dict.fromkeys(h.split()[0] for h in heads))


def _holds_head(text: str, matcher: str | None) -> bool:
    """Can a head of this reader stand in `text`? Its first word, as written, must: a substring
    test rules out most texts before any pattern runs."""
    return any(w in text for w in _first_words(matcher))


def _head_pattern(head: str) -> str:
    """'Bộ luật' -> 'Bộ\\s+[lL]uật': the first word as written, the others in either case."""
    first, *rest = head.split()
    out = re.escape(first)
    for w in rest:
        out += r"\s+" + f"[{w[0].lower()}{w[0].upper()}]" + re.escape(w[1:])
    return out


@cache
def _law_head_re() -> re.Pattern:
    heads = sorted((e["head"] for e in _entries("law").values()), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?P<head>" + "|".join(_head_pattern(h) for h in heads) + r")(?=[ \t])")


@cache
def _heads_alt(*, laws: bool) -> str:
    """Capitalised words that open another citation: every type name and named head."""
    law_heads = {fold(h) for h in _entries("law")}
    words = [e["head"] for e in tables.named_table()["named"] if laws or fold(e["head"]) not in law_heads]
    for t in tables.doc_types():
        words += [w for w in (t.name, *t.aliases) if w[:1].isupper() and (laws or fold(w) not in law_heads)]
    return "|".join(_head_pattern(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _hard_stop_re(*, amending: bool) -> re.Pattern:
    """Where a law's name must end: punctuation, a line break, another citation after ',' or 'và'.
    In an amending name other laws follow ("… của Luật A và Luật B"), so only other types stop it."""
    heads = _heads_alt(laws=not amending)
    return re.compile(
        r"[;:()\[\]“”\"¦!?…\n\t]|\.(?=[\s.]|$)|\s[-–]\s"
        rf"|\s*,\s*(?=(?:{heads})(?![\w]))|\s+(?:và|hoặc|cùng)\s+(?=(?:{heads})(?![\w]))"
    )


@cache
def _closer_re() -> re.Pattern:
    """What closes a law's name: a date (glued or not), 'số' and a number, a year, an issuer phrase."""
    issuers = patterns.alt(tables.named_table()["law"]["issuers"])
    return re.compile(
        rf"(?P<date>(?:(?i:ngày)\s{{0,3}}:?\s{{0,3}}|(?<![\w/.]))(?:{DATE_PATTERN}))"
        r"|(?P<num>(?<![\w])(?i:số)\s{0,3}:?\s{0,3}(?=\d))"
        r"|(?P<year>(?<![\w/.\-])(?:(?i:năm)\s{1,3})?(?:19|20)\d{2}(?![\w/]))"
        rf"|(?P<issuer>(?<![\w])(?i:của|do)\s+(?:{issuers})(?![\w]))"
    )


@cache
def _stop_re(key: str) -> re.Pattern:
    """A stop word of [law] `key`, as a whole word, but not as the last word of one of the
    table's `compounds` ('tạo' stops 'Luật Đầu tư tạo …', not '… đổi mới sáng tạo')."""
    law = tables.named_table()["law"]
    words = []
    for w in sorted(set(law[key]), key=lambda w: (-len(w), w)):  # longest first, as `patterns.alt`
        inside = "".join(f"(?<!{re.escape(c)})" for c in law["compounds"] if c.endswith(" " + w))
        words.append(re.escape(w).replace(r"\ ", r"\s+") + inside)
    return re.compile(rf"(?<![\w])(?:{'|'.join(words)})(?![\w])")


@cache
def _amend_res() -> tuple[tuple[str, re.Pattern], ...]:
    """(canonical phrase, pattern) of each [law] amend phrase, longest first; spaces may be lost
    ("mộtsố điều") and the comma left out."""
    out = []
    for phrase in sorted(tables.named_table()["law"]["amend"], key=len, reverse=True):
        body = re.escape(phrase).replace(",", "").replace(r"\ ", r"\s{0,3},?\s{0,3}")
        out.append((phrase, re.compile(rf"[ \t]+(?P<amend>(?i:{body}))(?=\s)")))
    return tuple(out)


def _amend(text: str, pos: int) -> tuple[str, re.Match] | None:
    """The amend phrase right after a head: 'Luật sửa đổi, bổ sung một số điều của …'."""
    for phrase, rx in _amend_res():
        m = rx.match(text, pos)
        if m:
            return phrase, m
    return None


_TAIL_YEAR_RE = re.compile(r"\s*+,?\s*+(?:(?i:năm)\s{1,3})?(?P<y>(?:19|20)\d{2})(?![\w/])")
_TAIL_NUM_RE = re.compile(r"\s*+,?\s*+(?i:số)\s{0,3}:?\s{0,3}\d")
_TOKEN_RE = re.compile(r"\S+")


@cache
def _tail_issuer_re() -> re.Pattern:
    issuers = patterns.alt(tables.named_table()["law"]["issuers"])
    return re.compile(
        rf"\s*+,?\s*+(?i:của|do)\s+(?P<body>{issuers})(?![\w])(?:\s*+,?\s*+\(?\s*+(?i:khóa|khoá)\s+{_ROMAN}\s*+\)?)?"
    )


@cache
def _can_cu_re() -> re.Pattern:
    return re.compile(r"(?:^|[.;:\n]|^\s*[-–+•*])\s*(?i:căn cứ)\s*$")


@cache
def _comma_pairs() -> tuple[tuple[str, re.Pattern], ...]:
    """(words before the comma, pattern of the words after it) of each comma pair."""
    out = []
    for pair in tables.named_table()["boundary"]["comma_pairs"]:
        before, after = pair.split(",", 1)
        out.append((lower_vn(before), re.compile(re.escape(lower_vn(after)) + r"(?![\w])")))
    return tuple(out)


def _comma_pair(before: str, after: str) -> bool:
    """Is the comma between `before` and `after` inside a name: 'Phổ biến, giáo dục pháp luật'?"""
    b, a = lower_vn(before), lower_vn(after)
    return any((b == x or b.endswith(" " + x)) and y.match(a) for x, y in _comma_pairs())


_LOWER_WORD = rf"(?![{patterns.UPPER}])[^\W\d_]+"


@cache
def _lower_list_re() -> re.Pattern:
    """A list of lower-case words that 'và' closes, after a comma in a law's name: 'Luật Khoa học,
    công nghệ và đổi mới sáng tạo', 'Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ'.
    No item opens with a word that opens no name ([law] not_a_name: '…, các nghị định và …').
    Items and words per item are bounded: the pattern runs in linear time."""
    no = patterns.alt(tables.named_table()["law"]["not_a_name"])
    item = rf"(?!(?:{no})(?!\w)){_LOWER_WORD}(?:[ \t]+{_LOWER_WORD}){{0,3}}"
    last = rf"(?!(?:{no})(?!\w)){_LOWER_WORD}"
    return re.compile(rf"[ \t]*{item}(?:[ \t]*,[ \t]*{item}){{0,3}}[ \t]+và[ \t]+{last}")


def _loose_end(text: str, start: int, end: int, *, amending: bool) -> int:
    """End of a name that nothing closes: at a comma (but a comma pair, or one that opens a list of
    lower-case words closed by 'và': `_lower_list_re`), 'của', 'về', … or at a 'và' whose next
    words are not already in the name (or another law, in an amending name)."""
    law = tables.named_table()["law"]
    law_head = _law_head_re()
    sm = _stop_re("loose_stop").search(text, start, end)
    limit = sm.start() if sm else end
    words: list[str] = []
    listed = start  # the words up to here are a list the name holds ('…, công nghệ và ')
    toks = list(_TOKEN_RE.finditer(text, start, limit))
    for i, tm in enumerate(toks):
        w = tm.group()
        bare = w.rstrip(",")
        if len(words) >= law["max_loose_words"]:
            return toks[i - 1].end()
        if lower_vn(bare) == "và" and tm.start() >= listed:
            nxt = [lower_vn(t.group().rstrip(",")) for t in toks[i + 1 : i + 4]]
            seen = {lower_vn(x) for x in words}
            if not (
                amending and law_head.match(text, toks[i + 1].start() if i + 1 < len(toks) else tm.end())
            ) and not (seen & set(nxt)):
                return toks[i - 1].end() if i else start
        words.append(bare)
        if w.endswith(","):
            if tm.end() >= listed and (lm := _lower_list_re().match(text, tm.end(), limit)) is not None:
                listed = lm.end()
            if tm.end() < listed or _comma_pair(" ".join(words), text[tm.end() : tm.end() + 40]):
                continue
            if amending and law_head.match(text, toks[i + 1].start() if i + 1 < len(toks) else tm.end()):
                continue
            return tm.end() - 1
    return limit


def _read_law(
    text: str, hm: re.Match, *, limit: int, inner: bool = False
) -> tuple[Span, list[Span]] | int | None:
    """The law whose head `hm` matched, and the laws it amends; None when no name is there; where
    the name ends when "số …" closes it (then the numbered citation names the document)."""
    entry = _entries("law")[fold(hm.group("head"))]
    found_amend = None if inner else _amend(text, hm.end())
    am = found_amend[1] if found_amend else None
    name_start = am.end() if am else hm.end()
    bounds = _law_bounds(text, hm, name_start, limit, amending=am is not None, inner=inner)
    if isinstance(bounds, int):
        return bounds
    name_end, closed = bounds
    name_words = _clean(_NOTE_MARK_RE.sub("", text[name_start:name_end]))
    if not name_words or (am is None and _not_a_name(name_words)):
        return None
    tail = _law_tail(text, name_end) if closed else _LawTail(name_end)
    if isinstance(tail, int):
        return tail
    if not inner and _planned(text, hm.start(), name_end):
        return None
    span = Span(
        "named",
        hm.start(),
        tail.end,
        type=entry["type"],
        name=_law_name(entry["head"], found_amend[0] if found_amend else None, name_words, tail),
        central=True,
        issuer=tail.issuer or entry.get("issuer"),
        date=tail.date or (tail.year[-4:] if tail.year else None),
        bad_date=tail.bad_date,
    )
    if am is None:
        return span, []
    title_start = am.start("amend")
    span = evolve(span, title=_clean(text[title_start:name_end]), title_start=title_start, title_end=tail.end)
    return span, _amended_laws(text, name_start, name_end)


def _law_bounds(
    text: str, hm: re.Match, name_start: int, limit: int, *, amending: bool, inner: bool
) -> tuple[int, bool] | int:
    """(where the name ends, whether something closes it there); or, when "số …" closes it, where
    the name ends as an int. A name nothing closes ends at `_loose_end`, unless it is the whole
    of a "Căn cứ Luật …;" clause."""
    window = min(limit, hm.end() + _WINDOW)
    hs = _hard_stop_re(amending=amending).search(text, name_start, window)
    seg_end = _task_clause(text, name_start, hs.start() if hs else window)
    cm = _closer_re().search(text, name_start, seg_end)
    if cm is not None and cm.group("issuer") and (joint := _joint_closer(text, cm.end(), seg_end)):
        cm = joint  # '… của Quốc hội và Hội đồng nhân dân ngày …': the name's words, then its date
    if (
        cm is not None
        and not cm.group("issuer")
        and _task_time_re().search(text, max(name_start, cm.start() - 40), cm.start())
    ):
        cm = None  # '… trước ngày 30/9/2023': the citing task's time, no date of the law
    sm = _stop_re("stop").search(text, name_start, seg_end)
    name_end = min(x.start() for x in (cm, sm) if x) if (cm or sm) else seg_end
    closed = cm is not None and cm.start() == name_end and (sm is None or cm.start() <= sm.start())
    if cm is not None and cm.group("num") and closed:
        return cm.start()  # "Luật Tổ chức Quốc hội số 57/2014/QH13": the numbered citation names it
    anchored = closed or inner
    if (
        not anchored
        and name_end == seg_end
        and (hs is None or hs.group()[:1] in ";." or seg_end == len(text))
    ):
        # the whole of a "Căn cứ Luật …;" clause
        anchored = bool(_can_cu_re().search(text[max(0, hm.start() - 16) : hm.start()]))
    if anchored and len(text[name_start:name_end].split()) > tables.named_table()["law"]["max_words"]:
        anchored = closed = False
    if not anchored:
        name_end = min(name_end, _loose_end(text, name_start, name_end, amending=amending))
        closed = False
    return name_end, closed


# A law's issuer listed with another body: ', Ủy ban nhân dân', ' và Hội đồng nhân dân'.
_JOINT_RE = re.compile(rf"(?:\s*+,|\s++(?i:và))\s++(?=[{patterns.UPPER}])")
_JOINT_WORDS = 6  # the longest body a law's name lists beside 'Quốc hội' ('Hội đồng nhân dân các cấp')


def _joint_closer(text: str, at: int, end: int) -> re.Match | None:
    """The date or year that closes a law's name after its issuer phrase (ending at `at`) and
    another body listed with it: a law has one issuer, so 'của Quốc hội và Hội đồng nhân dân' is
    of the name ('Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20/11/2015'); a few
    words in between, none a stop word, else None."""
    jm = _JOINT_RE.match(text, at, end)
    if jm is None:
        return None
    nm = _closer_re().search(text, jm.end(), min(end, jm.end() + _WINDOW))
    if nm is None or not (nm.group("date") or nm.group("year")):
        return None
    between = text[jm.end() : nm.start()]
    if (
        len(between.split()) > _JOINT_WORDS
        or _stop_re("loose_stop").search(between)
        or _stop_re("stop").search(between)
    ):
        return None
    return nm


@cache
def _task_time_re() -> re.Pattern:
    """A word of a task's time ending the text before a date or year (named.toml [law] task_time),
    with a period word and its number after it ('trong quý III', 'trong 6 tháng đầu')."""
    law = tables.named_table()["law"]
    prep, period = patterns.alt(law["task_time"]), patterns.alt(law["task_periods"])
    return re.compile(
        rf"(?<![\w])(?i:{prep})(?:\s{{1,3}}(?:\d{{1,2}}\s{{1,3}})?(?i:{period})(?:\s{{1,3}}(?:{_ROMAN}|\d{{1,2}}))?)?"
        r"\s{0,3},?\s{0,3}$"
    )


@cache
def _task_clause_re() -> re.Pattern:
    """A comma and a verb in lower case: the citing task goes on ('theo Luật Đầu tư công, báo cáo …';
    the verbs of obligations.toml [bodies] predicates)."""
    verbs = patterns.alt(lower_vn(w) for w in tables.load("obligations.toml")["bodies"]["predicates"])
    return re.compile(rf",\s{{0,3}}(?=(?:{verbs})(?![\w]))")


def _task_clause(text: str, start: int, end: int) -> int:
    """Where a law's name between `start` and `end` must end because the citing task goes on after
    a comma, or `end`; a comma pair ('Luật Phòng, chống …') goes on in the name."""
    for m in _task_clause_re().finditer(text, start, end):
        if not _comma_pair(text[start : m.start()], text[m.end() : m.end() + 40]):
            return m.start()
    return end


@dataclass
class _LawTail:
    """What follows a closed law name, in any order: its date (or an impossible one as written),
    its year ('năm 2003'), its issuer ('của Quốc hội'); `end` is where they end."""

    end: int
    date: str | None = None
    bad_date: str | None = None
    year: str | None = None
    issuer: str | None = None


def _law_tail(text: str, end: int) -> _LawTail | int:
    """The tail after a closed name; where it stops as an int when a number follows (then the
    numbered citation names the document)."""
    t = _LawTail(end)
    for _ in range(5):
        if _TAIL_NUM_RE.match(text, t.end):
            return t.end
        undated = t.date is None and t.year is None
        dm = patterns.date_after_re().match(text, t.end) if undated else None
        if dm:
            t.date = date_from_match(dm)
            if t.date is None:
                t.bad_date = dm.group(0).strip(" ,")
            t.end = dm.end()
            continue
        ym = _TAIL_YEAR_RE.match(text, t.end) if undated else None
        if ym:
            t.year = ("năm " if "năm" in lower_vn(ym.group(0)) else "") + ym.group("y")
            t.end = ym.end()
            continue
        im = _tail_issuer_re().match(text, t.end)
        if im:
            body = tables.canonical_body(im.group("body"))
            t.issuer = body.name if body else im.group("body")
            t.end = im.end()
            continue
        break
    return t


def _law_name(head: str, amend_phrase: str | None, name_words: str, tail: _LawTail) -> str:
    """The canonical name: head, amend phrase, words, renamed as the tables say, with its year
    ('Luật Xây dựng ngày 26/11/2003' -> 'Luật Xây dựng năm 2003')."""
    name = f"{head} {amend_phrase} {name_words}" if amend_phrase is not None else f"{head} {name_words}"
    for written, canon, rx in _law_renames():
        if rx.match(lower_vn(name)):
            name = canon + name[len(written) :]
    if tail.date:
        name += f" năm {tail.date[:4]}"
    elif tail.year:
        name += f" {tail.year}"
    return name


@cache
def _law_renames() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(name as written, canonical name, pattern of the written name's start) of each law rename."""
    return tuple(
        (written, canon, re.compile(re.escape(lower_vn(written)) + r"(?![\w])"))
        for written, canon in tables.named_table().get("rename", {}).items()
    )


def _amended_laws(text: str, name_start: int, name_end: int) -> list[Span]:
    """The laws an amending law's name lists ('Luật sửa đổi, bổ sung một số điều của Luật A và Luật B')."""
    out: list[Span] = []
    for im in _law_head_re().finditer(text, name_start, name_end):
        if _generic_before(text, im.start()):
            continue
        found = _read_law(text, im, limit=name_end, inner=True)
        if isinstance(found, tuple):
            out.append(found[0])
    return out


def amended_laws(text: str, start: int, end: int) -> list[Span]:
    """The laws text[start:end] names after an amending law's phrase, for an amending law the
    numbered reader cites ('Luật sửa đổi, bổ sung … của Luật A và Luật B số 47/2019/QH14')."""
    return _amended_laws(text, start, end)


def _laws(text: str) -> tuple[list[Span], list[tuple[int, int]]]:
    """Named laws, and the stretches of names that a number closes ("Luật Quy hoạch số …"): no other
    head read inside those ("Quy hoạch") is a citation."""
    out: list[Span] = []
    numbered: list[tuple[int, int]] = []
    if not _holds_head(text, "law"):
        return out, numbered
    covered = 0
    for hm in _law_head_re().finditer(text):
        if hm.start() < covered or _generic_before(text, hm.start()):
            continue
        found = _read_law(text, hm, limit=len(text))
        if isinstance(found, int):
            numbered.append((hm.start(), found))
            covered = found
            continue
        if found is None:
            continue
        span, inner = found
        out += [span, *inner]
        covered = span.end
    return out, numbered


# ---------------------------------------------------------------- the constitution


@cache
def _constitution_re() -> re.Pattern:
    cfg = tables.named_table()["constitution"]
    country = patterns.alt([c for c in cfg["country"] if c != "nước"])
    return re.compile(
        r"(?<![\w])Hiến pháp"
        rf"(?P<country>\s+(?i:{country})(?![\w])|\s+(?i:nước)(?=\s*(?:[;,.)]|$)))?"
        r"(?P<year>\s*+,?\s*+(?:(?i:năm)\s{1,3})?(?P<y>(?:19|20)\d{2})(?![\w/]))?"
    )


def _constitution(text: str) -> list[Span]:
    if "Hiến pháp" not in text:
        return []  # the head _constitution_re opens with
    entry = _entries("constitution")[fold("Hiến pháp")]
    canon = tables.named_table()["constitution"]["canonical"]
    out = []
    for m in _constitution_re().finditer(text):
        if not (m.group("country") or m.group("year")):
            # "Căn cứ Hiến pháp;" names the one in force; "Hiến pháp và pháp luật" names none
            clause = _can_cu_re().search(text[max(0, m.start() - 16) : m.start()])
            if not (clause and _CLAUSE_CLOSE_RE.match(text[m.end() : m.end() + 4])):
                continue
        if _planned(text, m.start(), m.end()) or _generic_before(text, m.start()):
            continue
        year = m.group("y")
        out.append(
            Span(
                "named",
                m.start(),
                m.end(),
                type=entry["type"],
                name=f"{canon} năm {year}" if year else canon,
                central=True,
                issuer=entry.get("issuer"),
                date=year,
            )
        )
    return out


# ---------------------------------------------------------------- charters


_CHARTER_TOKEN_RE = re.compile(r"[ \t]+([^\s,;.:()\[\]“”\"!?¦]+)")


_CharterTables = tuple[frozenset[str], frozenset[str], dict[str, str], tuple[tuple[dict, re.Pattern], ...]]


@cache
def _charter_tables() -> _CharterTables:
    """(stop words, names too short, renames, (entry, head pattern) of each charter head), once."""
    cfg = tables.named_table()["charter"]
    stops = frozenset(lower_vn(w) for w in cfg["stop"])
    too_short = frozenset(lower_vn(w) for w in cfg["too_short"])
    rename = {lower_vn(k): v for k, v in cfg.get("rename", {}).items()}
    heads = tuple(
        (entry, re.compile(r"(?<![\w])" + _head_pattern(entry["head"]) + r"(?=[ \t])"))
        for entry in _entries("charter").values()
    )
    return stops, too_short, rename, heads


def _charters(text: str) -> list[Span]:
    if not _holds_head(text, "charter"):
        return []
    stops, too_short, rename, heads = _charter_tables()
    out = []
    for entry, head_re in heads:
        for m in head_re.finditer(text):
            words: list[str] = []
            pos, last_cap, lower_run = m.end(), 0, 0
            while len(words) < 10:
                tm = _CHARTER_TOKEN_RE.match(text, pos)
                if not tm:
                    break
                w = tm.group(1)
                if lower_vn(w) in stops and not _is_capitalised(w):
                    break
                if _is_capitalised(w):
                    lower_run = 0
                elif not words or lower_run == 2:
                    break
                else:
                    lower_run += 1
                words.append(w)
                pos = tm.end()
                if lower_run == 0:
                    last_cap, end = len(words), pos
            words = words[:last_cap]
            if not words or lower_vn(" ".join(words)) in too_short:
                continue
            if _planned(text, m.start(), end) or _generic_before(text, m.start()):
                continue
            name = f"{entry['head']} {' '.join(words)}"
            name = rename.get(lower_vn(name), name)
            out.append(
                _attached(text, Span("named", m.start(), end, type=entry["type"], name=name, central=True))
            )
    return out


# ---------------------------------------------------------------- working rules


@cache
def _working_rules_re() -> re.Pattern:
    kinds = patterns.alt(tables.named_table()["working_rules"]["kinds"])
    body = patterns.body_alt()
    return re.compile(
        rf"(?<![\w])Quy chế\s+(?P<kind>(?i:{kinds}))\s+(?i:của)\s+"
        rf"(?P<bodies>(?i:{body})(?:\s*(?:,|và)\s*(?i:{body})){{0,5}})"
        rf"(?:\s+(?:(?i:tỉnh|thành phố)\s+)?(?P<prov>(?i:{patterns.province_alt()})))?"
        r"(?=\s*(?:[,;.()\n]|$|(?i:khóa|khoá|nhiệm kỳ)(?![\w])))"
        r"(?:\s*+,?\s*+\(?\s*+(?i:khóa|khoá)\s+(?P<n>" + _ROMAN + r")\s*+\)?)?"
        r"(?:\s*+,?\s*+(?i:nhiệm kỳ)\s*\d{4}\s*[-–]\s*\d{4})?"
    )


@cache
def _any_body_re() -> re.Pattern:
    return re.compile(patterns.body_alt(), re.IGNORECASE)


def _working_rules(text: str, province: str | None) -> list[Span]:
    if "Quy chế" not in text:
        return []  # the head _working_rules_re opens with
    body_re = _any_body_re()
    out = []
    for m in _working_rules_re().finditer(text):
        bodies = []
        for bm in body_re.finditer(m.group("bodies")):
            b = tables.canonical_body(bm.group())
            if b and b not in bodies:
                bodies.append(b)
        if not bodies or _planned(text, m.start(), m.end()):
            continue
        names = [b.name for b in bodies]
        # the bodies as printed, a key written from the text names them so ('… của Ban Chấp hành Đảng
        # bộ tỉnh khóa XIX', not the 'Tỉnh ủy' the tables read it as)
        listed = " ".join(m.group("bodies").split())
        term = m.group("n")
        name = f"Quy chế {lower_vn(m.group('kind'))} của {listed}" + (f" khóa {term}" if term else "")
        central = all(b.level == "central" for b in bodies)
        prov = (
            None
            if central
            else (tables.provinces().get(fold(m.group("prov"))) if m.group("prov") else province)
        )
        out.append(
            Span(
                "named",
                m.start(),
                m.end(),
                type="Quy chế",
                name=name,
                central=central,
                province=prov,
                issuer=names[0],
                term=term,
            )
        )
    return out


# ---------------------------------------------------------------- other heads, word by word


_WORD_RE = re.compile(r"\s*([^\s,;.:()“”\"!?¦]+)")
_PAIR_RE = re.compile(r",\s*(\S+)")
_RANGE_RE = re.compile(r"\s*[-–]\s*(?:19|20)\d{2}")
_PERIOD_TAIL_RE = re.compile(r",\s*(?:tầm nhìn|định hướng)\s+đến\s+năm\s+\d{4}")
_ATTACHED_RE = re.compile(
    r"[^;.]{0,200}?\b(?:được\s+)?(?:ban hành\s+)?kèm theo\s+(?:Quyết định|Nghị quyết|Thông tư|Nghị định)",
    re.IGNORECASE,
)
_REST_RE = re.compile(r"[^\s,;.:()“”\"]+")
# Capitalised heads that are not document names in running text.
_NOT_A_NAME = {"quy hoach": {"can", "bo"}, "de an": set()}
_DESCRIPTIVE_HEADS = {"Quy hoạch", "Đề án", "Chiến lược", "Quy chế", "Kiến trúc", "Hiệp định"}


@cache
def _head_re() -> re.Pattern:
    heads = [e["head"] for e in tables.named_table()["named"] if not e.get("matcher")]
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?P<head>{alt})(?=\s)")


@cache
def _generic_tables():
    table = tables.named_table()
    entries = {e["head"].lower(): e for e in table["named"] if not e.get("matcher")}
    # the stop words as whole words, case-insensitive, any spaces between them
    stops = re.compile(rf"(?i:{patterns.alt(lower_vn(s) for s in table['boundary']['stop'])})(?![\w])")
    max_words = table["boundary"]["max_words"]
    comma_pairs = {lower_vn(x) for x in table["boundary"].get("comma_pairs", [])}
    heads = (*tuple(e["head"] for e in table["named"]), "Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định")
    return entries, stops, max_words, comma_pairs, heads


@cache
def _admin_province_re() -> re.Pattern:
    """A province named as one in a name: 'tỉnh Bắc Giang', 'thành phố Hồ Chí Minh', 'TP. Hà Nội'."""
    return re.compile(
        rf"(?<![\w])(?:tỉnh|thành phố|TP\.?)\s+(?P<prov>{patterns.province_alt()})(?![\w])"
        rf"|(?<![\w])(?P<city>(?i:Thành phố Hồ Chí Minh|TPHCM|TP\.\s?HCM))(?![\w])",
        re.IGNORECASE,
    )


@cache
def _local_level_re() -> re.Pattern:
    """A level word of local government in a name ('Quy chế làm việc của Ban Chấp hành Đảng bộ
    huyện'), or a local committee's ('… của Ủy ban Kiểm tra Tỉnh ủy'), not the centre's."""
    levels = patterns.alt(tables.named_table()["congress"]["levels"])
    return re.compile(rf"(?<![\w])(?:{levels})(?![\w])")


@cache
def _local_committee_re() -> re.Pattern:
    committees = patterns.alt(tables.named_table()["working_rules"]["local_committees"])
    return re.compile(rf"(?<![\w])(?i:{committees})(?![\w])")


_CENTRE_RE = re.compile(r"(?<![\w])(?:Trung ương|TW)(?![\w])")


def _local_name(name: str) -> bool:
    """Does a name say it is a local body's ('… Đảng bộ huyện', '… Ủy ban Kiểm tra Tỉnh ủy')?"""
    if _local_level_re().search(name):
        return True
    return bool(_local_committee_re().search(name)) and not _CENTRE_RE.search(name)


def _province_in(name: str) -> str | None:
    m = _admin_province_re().search(name)
    if not m:
        return None
    return tables.provinces().get(fold(m.group("prov") or m.group("city")))


def _attached(text: str, span: Span) -> Span:
    """'Đề án … ban hành kèm theo Quyết định số …' is that decision's attachment, not a citation."""
    if _ATTACHED_RE.match(text, span.end):
        return evolve(span, attached_to_next=True)
    return span


def _generic(text: str, province: str | None) -> list[Span]:
    """Documents named by a head word of the tables and the words after it ('Quy hoạch tỉnh …
    thời kỳ 2021-2030', 'Đề án …'), up to a stop word, 'của', 'về' or a 'và' that opens another
    phrase; `province` is the one local names without a place belong to."""
    if not _holds_head(text, None):
        return []
    entries, stops, max_words, comma_pairs, heads = _generic_tables()
    out = []
    for m in _head_re().finditer(text):
        head = m.group("head")
        entry = entries.get(head.lower())
        if entry is None:
            continue
        allow = {lower_vn(x) for x in entry.get("allow", [])}
        words, pos, year = _generic_words(text, m.end(), allow, stops, max_words, comma_pairs, heads)
        span = _generic_span(text, m.start(), pos, head, entry, words, year, province) if words else None
        if span is not None:
            out.append(span)
    return out


def _generic_words(
    text: str,
    pos: int,
    allow: set[str],
    stops: re.Pattern,
    max_words: int,
    comma_pairs: set[str],
    heads: tuple[str, ...],
) -> tuple[list[str], int, str | None]:
    """The words of a name from `pos`, where they end, and the year that closes the name; a
    period ('2021 - 2030', ', tầm nhìn đến năm 2045') belongs to it."""
    words: list[str] = []
    year = None
    number_end = None  # where a name that is only a number ends ('Đề án 06')
    while len(words) < max_words:
        wm = _WORD_RE.match(text, pos)
        if not wm:
            break
        w = wm.group(1)
        fw = lower_vn(w)
        pair = _PAIR_RE.match(text, wm.end())
        if pair and f"{fw}, {lower_vn(pair.group(1))}" in comma_pairs:
            words.append(f"{w}, {pair.group(1)}")
            pos = pair.end()
            continue
        if _stops_name(text, wm, fw, words, allow, stops, heads):
            break
        if number_end is not None and len(words) == 1 and w[:1].islower() and fw != "năm":
            break  # 'Đề án 06 trên địa bàn huyện': a name that is a number ends with it
        rng = _RANGE_RE.match(text, wm.end()) if _YEAR_RE.fullmatch(w) else None
        if rng:  # a period, "2021 - 2030": the name goes on
            words.append(w + "-" + rng.group(0).strip(" -–"))
            pos = rng.end()
            continue
        words.append(w)
        pos = wm.end()
        if len(words) == 1 and w.isdigit() and not _YEAR_RE.fullmatch(w):
            number_end = pos
        if _YEAR_RE.fullmatch(w):
            if number_end is not None and [lower_vn(x) for x in words[1:-1]] in (["năm"], []):
                # 'Đề án 06 năm 2024': the year of the plan that names it, not the project's
                return words[:1], number_end, None
            # 'Luật Đất đai năm 2013' is of 2013; 'Quy hoạch … đến năm 2035' looks that far ahead
            year = None if "đến" in (lower_vn(x) for x in words[-3:-1]) else w
            break
    tail = _PERIOD_TAIL_RE.match(text, pos)
    if tail and words:
        words.append(tail.group(0).strip())
        pos = tail.end()
    return words, pos, year


_YEAR_RE = re.compile(r"(?:19|20)\d{2}")


def _stops_name(
    text: str,
    wm: re.Match[str],
    fw: str,
    words: list[str],
    allow: set[str],
    stops: re.Pattern,
    heads: tuple[str, ...],
) -> bool:
    """Does the word `wm` end the name: a stop word (unless the entry allows it), 'của', 'về', or a
    'và' that `_and_ends_name`?"""
    if stops.match(text, wm.start(1)) and fw not in allow:
        return True
    if fw == "của" and "của" not in allow:
        return True
    if fw == "về":
        return True
    return fw == "và" and _and_ends_name(text, wm, words, heads)


def _and_ends_name(text: str, wm: re.Match[str], words: list[str], heads: tuple[str, ...]) -> bool:
    """A 'và' goes on in the name only when the word after it is already in the name ('… công
    nghiệp và … công nghiệp') or proper nouns follow a lowercase word; never before another head."""
    rest = _REST_RE.findall(text[wm.start(1) : wm.start(1) + 60].lower())
    nxt = rest[1] if len(rest) > 1 else ""
    after = text[wm.end() : wm.end() + 80]
    upcoming = _PUNCT_RE.split(after)[0].split()
    proper = any(x[:1].isupper() for x in upcoming[1:8])
    return (
        not nxt
        or any(after.lstrip().startswith(h) for h in heads)
        or not (nxt in {lower_vn(x) for x in words} or (proper and not upcoming[0][:1].isupper()))
    )


def _generic_span(
    text: str,
    start: int,
    end: int,
    head: str,
    entry: dict,
    words: list[str],
    year: str | None,
    province: str | None,
) -> Span | None:
    """The span of a name read by `_generic`; None when the words are a common noun, a plan still
    to be drafted, or the subject of another citation."""
    if fold(words[0]) in _NOT_A_NAME.get(fold(head), set()) or _names_a_practice(entry, words):
        return None
    if head in _DESCRIPTIVE_HEADS and not _proper_name(words):
        return None  # "Quy hoạch các khu, cụm công nghiệp phải …": a common noun, not a title
    if head in _DESCRIPTIVE_HEADS and (_sentence_initial(text, start) or _after_planned(text, start)):
        return None  # a plan to be drafted ("xây dựng Đề án …"), or a table row of planned documents
    name = f"{head} {' '.join(words)}"
    name = _BLANKS_RE.sub(" ", name).replace(" ,", ",").strip(" -–")
    if province and _TINH_PERIOD_RE.search(name):
        name = _TINH_BEFORE_PERIOD_RE.sub(f"tỉnh {province} ", name, count=1)
    before = text[max(0, start - 12) : start]
    if head in _DESCRIPTIVE_HEADS and _VE_END_RE.search(before):
        return None  # "Nghị quyết … về Chiến lược …": the subject of another citation
    central = entry["central"]
    prov = _province_in(name)
    if prov:
        central = False
    elif not central or _local_name(name):
        central, prov = False, province
    span = Span("named", start, end, type=entry["type"], name=name, central=central, province=prov, date=year)
    return _attached(text, span)


def _names_a_practice(entry: dict, words: list[str]) -> bool:
    """Do the words name a practice the head word is part of ('Quy chế dân chủ ở cơ sở năm 2024',
    named.toml `practices`), which a yearly plan carries out, rather than a text?"""
    low = lower_vn(" ".join(words))
    return any(low == p or low.startswith(p + " ") for p in (lower_vn(x) for x in entry.get("practices", ())))


_PERIOD_RE = re.compile(r"\b(?:thời kỳ|giai đoạn|đến năm|năm|tầm nhìn|định hướng)\b|\b(?:19|20)\d{2}\b")


_ONLY_PERIOD_RE = re.compile(
    r"\b(?:thời kỳ|giai đoạn|đến năm|năm|tầm nhìn|định hướng)\b|\b(?:19|20)\d{2}\b|\s*[-–,]\s*"
)


def _proper_name(words: list[str]) -> bool:
    """A named plan or scheme carries a period, a proper noun or a number: 'Quy hoạch tỉnh … thời
    kỳ 2021-2030', 'Đề án 06'. A period alone names none ('thực hiện Đề án năm 2025': the scheme
    named before, in its year)."""
    low = lower_vn(" ".join(words))
    if _PERIOD_RE.search(low):
        return bool(_ONLY_PERIOD_RE.sub("", low).strip(" ,-–"))
    return any(w[:1].isupper() for w in words) or (len(words) == 1 and words[0].isdigit())  # 'Đề án 06'


_SENTENCE_END_RE = re.compile(r"(?:[.;:!?¦]|\(\d+\)|(?<![\w])\d+\.)$")


def _sentence_initial(text: str, pos: int) -> bool:
    lo = max(0, pos - 80)
    before = text[lo:pos].rstrip()
    if not before:
        return lo == 0 or not text[:pos].strip()
    if _SENTENCE_END_RE.search(before):
        return True
    # a bullet that opens the text: "- Quy hoạch …"
    return lo == 0 and bool(_BULLET_ONLY_RE.fullmatch(before))


@cache
def _after_planned_re() -> re.Pattern:
    verbs = [*tables.cues()["planned"]["verbs"], "hoàn thiện", "phê duyệt", "lập", "trình"]
    alt = "|".join(re.escape(lower_vn(v)) for v in verbs)
    return re.compile(rf"\b(?:{alt})(?:\s+(?:và|các|để|,)){{0,3}}\s*$")


def _after_planned(text: str, pos: int) -> bool:
    return bool(_after_planned_re().search(lower_vn(text[max(0, pos - 40) : pos])))


# The heads `_congress`, `_plenum`, `_constitution` and `_working_rules` open with, as written.
_PATTERN_HEADS = ("Nghị quyết", "Văn kiện", "Hiến pháp", "Quy chế")


@cache
def _any_head_re() -> re.Pattern:
    """A head some reader's pattern opens with, as that pattern writes it ('Nghị quyết', 'Bộ
    [lL]uật', 'Quy hoạch' …): where none stands no reader finds anything, so one search rules
    out a text that names nothing, as most paragraphs do, before any reader runs."""
    heads = [re.escape(h) for h in _PATTERN_HEADS]
    heads += [_head_pattern(e["head"]) for matcher in ("law", "charter") for e in _entries(matcher).values()]
    heads += [re.escape(e["head"]) for e in tables.named_table()["named"] if not e.get("matcher")]
    return re.compile("|".join(sorted(set(heads), key=lambda h: (-len(h), h))))


def find_named(text: str, *, province: str | None = None) -> list[Span]:
    """Documents cited by name in `text`; `province` is the one local names without a place belong to.

    A law that amends others comes with them: the amended ones lie inside its subject
    (`title_start`..`title_end`).
    """
    if not _any_head_re().search(text):
        return []
    spans = _congress(text, province) + _plenum(text)
    spans += [
        s
        for s in _org_congress(text, province)
        if not overlaps(s.start, s.end, [(x.start, x.end) for x in spans])
    ]
    laws, numbered = _laws(text)
    first = [(s.start, s.end) for s in spans]
    for group in (laws, _constitution(text), _charters(text), _working_rules(text, province)):
        spans += [s for s in group if not overlaps(s.start, s.end, first)]
    taken = [(s.start, s.end) for s in spans] + numbered
    spans += [s for s in _generic(text, province) if not overlaps(s.start, s.end, taken)]
    return sorted(spans, key=lambda s: (s.start, -s.end))
