"""Find the documents a text cites: numbered symbols, named documents, descriptions, aliases.

`find_citations(text)` is pure: it returns spans over `text` with what the words say about
the cited document (type, symbol, date, issuer, subject). Which relation a citation states is
decided elsewhere (loaders/relations.py), from where the citation stands.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vbgraph.loaders import named, patterns
from vbgraph.loaders.dates import date_from_match
from vbgraph.loaders.normalize import fold, lower_vn
from vbgraph.loaders.spans import Span, overlaps
from vbgraph.ontology import tables


def _number(n: str) -> str:
    return n.strip()


def _type_from_code(code: str | None, written: str | None) -> str | None:
    """The type name: the title word when written, else the code's only type (QĐ stays unknown)."""
    if written:
        return tables.type_names().get(fold(written))
    if not code:
        return None
    names = tables.types_by_code().get(code.upper())
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    # CTr: "Chương trình hành động" and "Chương trình" share a code; QĐ: Quyết định/Quy định.
    return "Quyết định" if code.upper() == "QĐ" else names[-1]


def _known_type_code(code: str) -> bool:
    return code.upper() in tables.types_by_code()


def _numbered(text: str) -> list[Span]:
    out: list[Span] = []
    for m in patterns.symbol_re().finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        tm = patterns.type_before_re().search(before)
        written = tm.group("type") if tm else None
        start = m.start() - (len(before) - tm.start()) if tm else m.start()
        if not tm:
            sm = patterns.so_before_re().search(before)
            if sm:
                start = m.start() - (len(before) - sm.start())
        if m.group("pnums"):
            code, issuer = m.group("pcode"), m.group("piss")
            if not _known_type_code(code):
                continue
            nums = re.split(r"\s*(?:,|và)\s*", m.group("pnums"))
            symbols = [(n, f"{n}-{code}/{issuer}") for n in nums]
            year = None
        else:
            num, year, a, b = m.group("snum"), m.group("syear"), m.group("sa"), m.group("sb")
            if not year and not b:
                continue
            if b and _known_type_code(a):
                code, issuer = a, b
            elif b:  # 216/TTg-CN: issuer, then drafting unit
                code, issuer = None, a
            else:  # 133/2020/QH14
                code, issuer = None, a
            if not tm and code is None and not patterns.so_before_re().search(before):
                continue  # bare "12/ABC" without a type word or "số" is too weak
            sym = f"{num}/{year}/" if year else f"{num}/"
            sym += f"{a}-{b}" if b else a
            symbols = [(num, sym)]
        pos = m.end()
        date = bad = None
        dm = patterns.date_after_re().match(text, pos)
        if dm and dm.start() - pos <= 3:
            date = date_from_match(dm)
            if date is None:
                bad = dm.group(0).strip(" ,")
            pos = dm.end()
        term = None
        tmm = patterns.term_after_re().match(text, pos)
        if tmm:
            term, pos = tmm.group("term"), tmm.end()
        body = prov = None
        im = patterns.issuer_after_re().match(text, pos)
        if im:
            body = tables.canonical_body(im.group("body"))
            prov = _province(im.group("prov"))
            term = term or im.group("term")
            pos = im.end()
        if not date and year:
            date = year
        if not date:
            dm = patterns.date_after_re().match(text, pos)
            if dm and dm.start() - pos <= 3:
                date = date_from_match(dm)
                pos = dm.end()
        type_name = _type_from_code(code, written)
        if type_name is None and written is None and code is None:
            continue
        for number, sym in symbols:
            out.append(
                Span(
                    "numbered", start, pos, type=type_name, type_code=code, number=_number(number),
                    issuer_code=issuer, symbol=sym, date=date, bad_date=bad,
                    issuer=body.name if body else None, province=prov, term=term,
                )
            )
    return out


def _province(written: str | None) -> str | None:
    if not written:
        return None
    return tables.provinces().get(fold(written))


def _descriptive(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    out = []
    planned = tables.cues()["planned"]["verbs"]
    for m in patterns.descriptive_re().finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        before = fold(text[max(0, m.start() - 40) : m.start()])
        if re.search(r"\bcac\s*$", before):
            continue  # "các nghị quyết của Trung ương về …" is generic
        if any(re.search(r"\b" + re.escape(fold(v)) + r"\s*$", before) for v in planned):
            continue  # a document to be drafted, not one that is cited
        if re.search(r"(?:^|¦|\b\d+\.)\s*$", text[: m.start()]):
            continue  # a row of a table of planned documents: "3. | Nghị quyết của Tỉnh ủy về …"
        body = tables.canonical_body(m.group("body"))
        out.append(
            Span(
                "descriptive", m.start(), m.end(), type=tables.type_names().get(fold(m.group("type"))),
                issuer=body.name if body else None, province=_province(m.group("prov")),
                central=True if body and body.level == "central" else None,
            )
        )
    return out


_COORD_END_RE = re.compile(r"(?:,|;|\bvà|\bvà các|\bcùng|\bhoặc)\s*$", re.IGNORECASE)
_TITLE_STOP_RE = re.compile(
    r";|\.(?=\s|$)|¦|\((?=\s*\*?\s*(?:sau đây|viết tắt|gọi tắt|kèm theo|gọi chung))|\s-\s(?=[A-ZĐ])|:\s"
    # A subject ends where the sentence goes on about something else.
    r"|,?\s(?=(?:gắn với|gắn liền với|đồng thời|góp phần|nhằm|để|theo tinh thần|với mục tiêu|tạo sự)\s)",
    re.IGNORECASE,
)
# A clause that starts a new subject ends a subject: ", Ban Thường vụ Tỉnh ủy ban hành …".
_CLAUSE_RE = re.compile(r",\s+(?=(?:Ban|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|UBND|Ủy ban|Bộ Chính trị|Ban Bí thư)\b)")


def _attach_titles(text: str, spans: list[Span]) -> list[Span]:
    """Give each citation its subject ('về …'); a citation inside it is nested, not coordinated."""
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for i, s in enumerate(spans):
        tm = patterns.TITLE_START_RE.match(text, s.end)
        if not tm or tm.start("word") - s.end > 6:
            out.append(s)
            continue
        tstart = tm.start("word")
        stop = _TITLE_STOP_RE.search(text, tstart)
        limit = stop.start() if stop else len(text)
        cm = _CLAUSE_RE.search(text, tstart, limit)
        if cm:
            limit = cm.start()
        for nxt in spans[i + 1 :]:
            if nxt.start >= limit:
                break
            if nxt.start < tstart:
                continue
            between = text[tstart : nxt.start]
            if _COORD_END_RE.search(between):
                limit = _COORD_END_RE.search(between).start() + tstart
                break
            # "Sau 05 năm thực hiện A … và gần 02 năm thực hiện B": B parallels A, not A's subject.
            lead_a = _last_words(text[: s.start], 2)
            if lead_a and lead_a == _last_words(between, 2):
                cut = max(between.rfind(" và "), between.rfind(", "))
                if cut > 0:
                    limit = tstart + cut
                    break
        title = text[tstart:limit].strip(" ,;“”\"'()¦")
        if len(title) < 4:
            out.append(s)
            continue
        out.append(replace(s, title=_clean_title(title), title_start=tstart, title_end=tstart + len(text[tstart:limit].rstrip())))
    return out


def _last_words(text: str, n: int) -> tuple[str, ...]:
    words = re.findall(r"[^\W\d_]+", lower_vn(text[-60:]))
    return tuple(words[-n:]) if len(words) >= n else ()


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title.replace("¦", " ")).strip(" ,;")
    title = title.replace("“", "").replace("”", "").replace('"', "")
    if title[:2] == "Về":
        title = "về" + title[2:]
    return title


def find_aliases(text: str, spans: list[Span]) -> list[tuple[str, Span]]:
    """Defined short names: '… (sau đây viết tắt là Nghị quyết Đại hội)' -> (alias, cited span)."""
    phrases = tables.cues()["alias"]["phrases"]
    alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"\(\s*\*?\s*(?:{alt})\s*:?\s*\*?\s*(?P<alias>[^()]+?)\s*\*?\s*\)", text, re.IGNORECASE):
        alias = m.group("alias").strip(" *“”\"'")
        before = [s for s in spans if s.scope_end <= m.start() and m.start() - s.scope_end <= 3]
        if before and 3 <= len(alias) <= 80:
            out.append((alias, before[-1]))
    return out


def find_alias_uses(text: str, aliases: dict[str, Span], taken: list[tuple[int, int]], since: int = 0) -> list[Span]:
    out = []
    for alias, target in aliases.items():
        for m in re.finditer(r"(?<![\w])" + re.escape(alias) + r"(?![\w])", text):
            if m.start() < since or overlaps(m.start(), m.end(), taken):
                continue
            after = text[m.end() : m.end() + 20]
            nxt = re.match(r"\s+(\S+)", after)
            if nxt and (nxt.group(1)[:1].isupper() or fold(nxt.group(1)) in {"dai", "lan", "toan", "khoa", "dang"}):
                continue  # a longer name that starts with the alias
            out.append(replace(target, kind="alias", start=m.start(), end=m.end(), alias=alias,
                               title=None, title_start=None, title_end=None))
    return out


def find_citations(text: str, *, province: str | None = None) -> list[Span]:
    """All citations in `text`, ordered by position. `province` fills local named documents."""
    spans = _numbered(text)
    taken = [(s.start, s.end) for s in spans]
    spans += [s for s in named.find_named(text, province=province) if not overlaps(s.start, s.end, taken)]
    taken = [(s.start, s.end) for s in spans]
    spans += _descriptive(text, taken)
    spans = _attach_titles(text, spans)
    return sorted(spans, key=lambda s: (s.start, s.end))


def find_short_forms(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, type name, number) of forms like 'Nghị quyết 52' that need an earlier full cite."""
    out = []
    for m in patterns.short_form_re().finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        t = tables.type_names().get(fold(m.group("type")))
        if t:
            out.append((m.start(), m.end(), t, m.group("num")))
    return out
