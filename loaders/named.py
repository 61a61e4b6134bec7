"""Documents cited by name, without a number: congress and plenum resolutions, laws, charters.

Each is given a canonical name so that the short and long ways of writing it meet in one node:
"Nghị quyết Đại hội XIII của Đảng" and "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của
Đảng" are one document; "Nghị quyết Trung ương 4 khóa XI, XII" is two.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from vbgraph.loaders import patterns
from vbgraph.loaders.normalize import fold, lower_vn, roman_to_int
from vbgraph.loaders.spans import Span, overlaps
from vbgraph.ontology import tables

_ROMAN = r"[IVXL]+"


@cache
def _congress_re() -> re.Pattern:
    return re.compile(
        r"(?<![\w])(?P<head>Nghị quyết|Văn kiện)\s+(?:của\s+)?(?i:Đại hội)\s+"
        r"(?:(?P<dbieu>(?i:đại biểu))\s+)?"
        r"(?:(?P<local>(?i:Đảng bộ)\s+(?i:tỉnh|thành phố)(?:\s+(?P<prov>" + patterns.province_alt() + r"))?)\s+)?"
        r"(?:(?P<party>(?i:Đảng))\s+)?(?:(?P<tq>(?i:toàn quốc))\s+)?"
        r"(?:(?i:lần thứ)\s+)?(?P<n>" + _ROMAN + r")(?![\w])"
        r"(?:\s+(?P<cuadb>(?i:của Đảng bộ)\s+(?i:tỉnh|thành phố)))?"
        r"(?:\s+(?P<cuadang>(?i:của Đảng))(?!\s+(?i:bộ)))?"
        r"(?:\s*,?\s*(?i:nhiệm kỳ)\s*\d{4}\s*[-–]\s*\d{4})?"
    )


@cache
def _plenum_re() -> re.Pattern:
    return re.compile(
        r"(?<![\w])Nghị quyết\s+(?:(?i:Hội nghị)\s+)?(?i:(?:lần thứ\s+)?(?P<n1>\d{1,2}|[a-zà-ỹ]+)\s+)?"
        r"(?:(?i:Ban Chấp hành\s+))?(?i:Trung ương)(?:\s+(?i:Đảng))?\s+(?:(?i:lần thứ)\s+)?(?P<n>\d{1,2})?\s*"
        r"(?i:khóa|khoá)\s+(?P<terms>" + _ROMAN + r"(?:\s*(?:,|và)\s*(?:(?i:khóa|khoá)\s+)?" + _ROMAN + r")*)"
    )


_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}


def _congress(text: str, province: str | None) -> list[Span]:
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
        prov = (m.group("prov") and tables.provinces().get(fold(m.group("prov")))) or province
        if local:
            body = cfg["local"].format(n=n, province=prov or "").replace("  ", " ")
        else:
            body = cfg["national"].format(n=n)
        head = m.group("head")
        out.append(
            Span(
                "named", m.start(), m.end(), type=head, name=f"{head} {body}", central=not local,
                issuer=body, province=prov if local else None,
            )
        )
    return out


def _plenum(text: str) -> list[Span]:
    canon = tables.named_table()["plenum"]["canonical"]
    out = []
    for m in _plenum_re().finditer(text):
        n = m.group("n") or m.group("n1")
        if n and not n.isdigit():
            n = str(_ORDINALS.get(fold(n), "")) or None
        if not n:
            continue
        terms = re.findall(_ROMAN, m.group("terms"))
        for term in terms:
            out.append(
                Span(
                    "named", m.start(), m.end(), type="Nghị quyết", name=canon.format(n=n, term=term),
                    central=True, issuer="Ban Chấp hành Trung ương", term=term,
                )
            )
    return out


_WORD_RE = re.compile(r"\s*([^\s,;.:()“”\"!?¦]+)")
# Capitalised heads that are not document names in running text.
_NOT_A_NAME = {"luat": {"su", "phap", "le"}, "quy hoach": {"can", "bo"}, "de an": set()}
_DESCRIPTIVE_HEADS = {"Quy hoạch", "Đề án", "Chiến lược", "Quy chế", "Kiến trúc", "Hiệp định"}


@cache
def _head_re() -> re.Pattern:
    heads = [e["head"] for e in tables.named_table()["named"]]
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?P<head>{alt}|Bộ Luật)(?=\s)")


@cache
def _generic_tables():
    table = tables.named_table()
    entries = {e["head"].lower(): e for e in table["named"]}
    stops = [lower_vn(s).split() for s in table["boundary"]["stop"]]
    max_words = table["boundary"]["max_words"]
    comma_pairs = {lower_vn(x) for x in table["boundary"].get("comma_pairs", [])}
    heads = (*tuple(e["head"] for e in table["named"]), "Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định")
    return table, entries, stops, max_words, comma_pairs, heads


def _generic(text: str, province: str | None) -> list[Span]:
    table, entries, stops, max_words, comma_pairs, heads = _generic_tables()
    out = []
    for m in _head_re().finditer(text):
        head = m.group("head")
        entry = entries.get(head.lower())
        if entry is None:
            continue
        allow = {lower_vn(x) for x in entry.get("allow", [])}
        words: list[str] = []
        pos = m.end()
        year = None
        while len(words) < max_words:
            wm = _WORD_RE.match(text, pos)
            if not wm:
                break
            w = wm.group(1)
            fw = lower_vn(w)
            pair = re.match(r",\s*(\S+)", text[wm.end() :])
            if pair and f"{fw}, {lower_vn(pair.group(1))}" in comma_pairs:
                words.append(f"{w}, {pair.group(1)}")
                pos = wm.end() + pair.end()
                continue
            rest = [lower_vn(x) for x in re.findall(r"[^\s,;.:()“”\"]+", text[wm.start(1) : wm.start(1) + 60])]
            if any(rest[: len(s)] == s for s in stops) and fw not in allow:
                break
            if fw == "của" and "của" not in allow:
                break
            if fw == "về":
                break
            if fw == "và":
                nxt = rest[1] if len(rest) > 1 else ""
                upcoming = re.split(r"[,;.:()“”\"]", text[wm.end() : wm.end() + 80])[0].split()
                proper = any(x[:1].isupper() for x in upcoming[1:8])
                if not nxt or any(text[wm.end() :].lstrip().startswith(h) for h in heads) or not (
                    nxt in {lower_vn(x) for x in words} or (proper and not upcoming[0][:1].isupper())
                ):
                    break
            if re.fullmatch(r"(?:19|20)\d{2}", w):
                rng = re.match(r"\s*[-–]\s*(?:19|20)\d{2}", text[wm.end() :])
                if rng:  # a period, "2021 - 2030": the name goes on
                    words.append(w + "-" + rng.group(0).strip(" -–"))
                    pos = wm.end() + rng.end()
                    continue
                year = w
                words.append(w)
                pos = wm.end()
                break
            if fw == "năm" and re.match(r"\s+(?:19|20)\d{2}\b", text[wm.end() :]):
                words.append(w)
                pos = wm.end()
                continue
            if re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}|\d{4}-\d{4}", w) or re.fullmatch(r"[\d\-–]+", w):
                words.append(w)
                pos = wm.end()
                continue
            words.append(w)
            pos = wm.end()
        tail = re.match(r",\s*(?:tầm nhìn|định hướng)\s+đến\s+năm\s+\d{4}", text[pos:])
        if tail and words:
            words.append(tail.group(0).strip())
            pos += tail.end()
        if not words:
            continue
        if fold(words[0]) in _NOT_A_NAME.get(fold(head), set()):
            continue
        if head in _DESCRIPTIVE_HEADS and not _proper_name(words):
            continue  # "Quy hoạch các khu, cụm công nghiệp phải …": a common noun, not a title
        if head in _DESCRIPTIVE_HEADS and (_sentence_initial(text, m.start()) or _after_planned(text, m.start())):
            continue  # a plan to be drafted ("xây dựng Đề án …"), or a table row of planned documents
        # "(CPTPP)" right after the name belongs to it.
        name = f"{'Bộ luật' if head.lower() == 'bộ luật' else head} {' '.join(words)}"
        name = re.sub(r"\s+", " ", name).replace(" ,", ",").strip(" -–")
        for written, canon in table.get("rename", {}).items():
            if lower_vn(name).startswith(lower_vn(written)):
                name = canon + name[len(written) :]
        if province and re.search(r"\btỉnh\s+(?:thời kỳ|giai đoạn|đến năm)", name):
            name = re.sub(r"\btỉnh\s+(?=thời kỳ|giai đoạn|đến năm)", f"tỉnh {province} ", name, count=1)
        before = text[max(0, m.start() - 12) : m.start()]
        if head in _DESCRIPTIVE_HEADS and re.search(r"\bvề\s*[“\"]?\s*$", before):
            continue  # "Nghị quyết … về Chiến lược …": the subject of another citation
        central = entry["central"]
        prov = None
        for written, canon in tables.provinces().items():
            if re.search(r"\b" + re.escape(written) + r"\b", fold(name)):
                prov, central = canon, False
                break
        if not central and prov is None:
            prov = province
        span = Span(
            "named", m.start(), pos, type=entry["type"], name=name, central=central, province=prov,
            date=year,
        )
        if re.match(r"[^;.]{0,200}?\b(?:được\s+)?(?:ban hành\s+)?kèm theo\s+(?:Quyết định|Nghị quyết|Thông tư|Nghị định)",
                    text[pos:], re.IGNORECASE):
            span = replace(span, attached_to_next=True)
        out.append(span)
    return out


_PERIOD_RE = re.compile(r"\b(?:thời kỳ|giai đoạn|đến năm|năm|tầm nhìn|định hướng)\b|\b(?:19|20)\d{2}\b")


def _proper_name(words: list[str]) -> bool:
    """A named plan or scheme carries a period or a proper noun: 'Quy hoạch tỉnh … thời kỳ 2021-2030'."""
    if _PERIOD_RE.search(lower_vn(" ".join(words))):
        return True
    return any(w[:1].isupper() for w in words)


def _sentence_initial(text: str, pos: int) -> bool:
    return bool(re.search(r"(?:^|[.;:!?¦]|\(\d+\)|\b\d+\.|^\s*[-+•])\s*$", text[:pos]))


def _after_planned(text: str, pos: int) -> bool:
    before = lower_vn(text[max(0, pos - 40) : pos])
    verbs = [*tables.cues()["planned"]["verbs"], "hoàn thiện", "phê duyệt", "lập", "trình"]
    return any(re.search(r"\b" + re.escape(lower_vn(v)) + r"(?:\s+(?:và|các|để|,))*\s*$", before) for v in verbs)


def find_named(text: str, *, province: str | None = None) -> list[Span]:
    spans = _congress(text, province) + _plenum(text)
    taken = [(s.start, s.end) for s in spans]
    spans += [s for s in _generic(text, province) if not overlaps(s.start, s.end, taken)]
    return spans
