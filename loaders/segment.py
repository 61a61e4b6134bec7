"""Split a file into documents: where each one's header starts and its signature ends.

A document opens with a header block (issuing body, "Số 109-NQ/TU", place and date, a type
heading such as "NGHỊ QUYẾT") or, when the header was lost, with the type heading alone. It ends
with its signature (T/M …, the signer's name), or with its appendix (PHỤ LỤC) when one follows.
Front matter (covers, tables of contents) and colophons belong to no document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vbgraph.loaders import patterns
from vbgraph.loaders.normalize import fold, is_upper_text, segments, strip_markup
from vbgraph.ontology import tables


@dataclass(frozen=True)
class Block:
    """The lines of one document: 1-based, inclusive."""

    first: int
    last: int
    heading_line: int | None  # line of the type heading
    symbol_line: int | None  # line of "Số …"
    signature_line: int | None  # line of "T/M …"
    signer_line: int | None


@cache
def _heading_types() -> list[tuple[str, str]]:
    """(folded written heading, type name), longest first."""
    out = []
    for t in tables.doc_types():
        if t.heading:
            for w in (t.name, *t.aliases):
                out.append((fold(w), t.name))
    return sorted(out, key=lambda x: -len(x[0]))


def heading_type(seg: str) -> tuple[str, str] | None:
    """('NGHỊ QUYẾT', 'Nghị quyết') when `seg` is a capitalised type heading, possibly 'X CỦA …'."""
    if not is_upper_text(seg) or len(seg) > 90:
        return None
    f = fold(seg)
    for written, name in _heading_types():
        if f == written or f.startswith(written + " cua ") or f.startswith(written + " cua"):
            rest = seg[len(written) :].strip() if f != written else ""
            return rest, name
    return None


SO_LINE_RE = re.compile(r"^\s*(?:Số|SỐ|số)\s*[:.]?\s*(?P<sym>\d.*?)\s*$")
_SIG_RE = re.compile(r"^\s*(?:T/M|TM\.?|KT\.?|Q\.|TL\.|TUQ\.)\s+(?P<who>[A-ZĐÀ-Ỹ].*)$")
_SIGNED_RE = re.compile(r"^\(?\s*(?:đã ký|Đã ký|ký tên|ký|Ký)\s*\)?\.?$")
_RECIPIENTS_RE = re.compile(r"^\s*(?:#+\s*)?Nơi nhận\s*:?", re.IGNORECASE)
_APPENDIX_RE = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục|DANH MỤC|BIỂU|Biểu)\b")
_STAMP_RE = re.compile(r"^(?:Số\s*\d*\s*[.…]{2,}|Số\s*[.…]|Ngày\s*:|Chuyển\s*:|Chuyên\s*:|ĐẾN\b|CÔNG VĂN ĐẾN|VĂN PHÒNG|Lưu hồ sơ)", re.IGNORECASE)
_NAME_WORD_RE = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$|^[A-ZĐÀ-Ỹ]+$")
_SECTION_RE = re.compile(r"^\s*(?:[IVXL]+|[A-ZĐ]|\d+(?:\.\d+)*)\s*[-.)–]\s*\S|^\s*Điều\s+1\b")


def symbol_in_so_line(line: str) -> str | None:
    m = SO_LINE_RE.match(line)
    if not m:
        return None
    sm = patterns.symbol_re().search(m.group("sym"))
    if not sm or sm.start() > 2:
        return None
    return m.group("sym")


def is_person_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    if any(ch.isdigit() for ch in text) or any(p in text for p in ",;:()/"):
        return False
    if is_upper_text(text) and tables.canonical_body(text) is not None:
        return False
    roles = {fold(r) for r in tables.signature_table()["roles"]}
    if fold(text) in roles:
        return False
    if is_upper_text(text) and any(w in fold(text).split() for w in ("uy", "ban", "dang", "tinh", "bo", "so")):
        return False
    return all(_NAME_WORD_RE.match(w) for w in words)


def _header_like(clean: str) -> bool:
    """A line that may stand in a header block (above or around the type heading)."""
    s = clean.strip()
    if not s or s in {"*", "-", "---", "-----", "***"} or set(s) <= {"-", "*", "_", "="}:
        return True
    if len(s) > 120:
        return False
    if SO_LINE_RE.match(s) or patterns_place_date(s) or _STAMP_RE.match(s):
        return True
    return all(is_upper_text(seg) or _STAMP_RE.match(seg) or patterns_place_date(seg) for seg in segments(s))


def patterns_place_date(s: str) -> bool:
    from vbgraph.loaders.dates import PLACE_DATE_RE

    return bool(PLACE_DATE_RE.search(s)) and len(s) < 90


def _signatures(clean: list[str]) -> list[tuple[int, int | None]]:
    """(line of T/M or of Nơi nhận, line of signer name) for each signature block."""
    out = []
    n = len(clean) - 1
    i = 1
    while i <= n:
        s = clean[i]
        if _SIG_RE.match(s) or _RECIPIENTS_RE.match(s):
            start = i
            j = i + 1
            name_line = None
            seen_sig = bool(_SIG_RE.match(s))
            while j <= n and j - i <= 40:
                t = clean[j].strip()
                if not t or t.startswith("-") or t.startswith("+") or _SIGNED_RE.match(t) or t.startswith("("):
                    j += 1
                    continue
                if _SIG_RE.match(t):
                    seen_sig = True
                    j += 1
                    continue
                if is_person_name(t):
                    name_line = j
                    break
                if is_upper_text(t) and len(t) < 40:  # BÍ THƯ, PHÓ BÍ THƯ
                    j += 1
                    continue
                if not seen_sig and j - i > 25:
                    break
                break
            out.append((start, name_line))
            i = (name_line or j) + 1
            continue
        i += 1
    return out


def find_blocks(lines: list[str], clean: list[str] | None = None) -> list[Block]:
    """Document blocks of a file. `lines[0]` is unused so that indexes are line numbers."""
    clean = clean if clean is not None else [strip_markup(x) for x in lines]
    n = len(lines) - 1
    sigs = _signatures(clean)
    sig_zone: set[int] = set()
    for a, b in sigs:
        if b:
            sig_zone.update(range(a, b + 1))
    # Anchors: type headings and "Số …" lines.
    anchors: list[tuple[int, str]] = []
    for i in range(1, n + 1):
        if i in sig_zone:
            continue
        if symbol_in_so_line(clean[i]):
            anchors.append((i, "so"))
            continue
        for seg in segments(lines[i])[:4]:
            if heading_type(seg):
                anchors.append((i, "heading"))
                break
    blocks: list[tuple[int, int | None, int | None]] = []  # (top, heading_line, so_line)
    k = 0
    while k < len(anchors):
        line, kind = anchors[k]
        heading = line if kind == "heading" else None
        so = line if kind == "so" else None
        # Walk down over the header block, merging anchors inside it.
        j = line + 1
        while j <= n and _header_like(clean[j]) and j not in sig_zone:
            j += 1
        bottom = j - 1
        while k + 1 < len(anchors) and anchors[k + 1][0] <= bottom + 1:
            k += 1
            if anchors[k][1] == "heading" and heading is None:
                heading = anchors[k][0]
            if anchors[k][1] == "so" and so is None:
                so = anchors[k][0]
        # Walk up from the anchor over header lines, never into the previous signature.
        top = line
        u = line - 1
        while u >= 1 and u not in sig_zone and _header_like(clean[u]):
            if clean[u].strip():
                top = u
            u -= 1
        # A "Số" line with no heading nearby: a letter (công văn) only when a V/v line follows.
        if heading is None and so is not None and not any(
            re.match(r"^\s*V/v\b", clean[x], re.IGNORECASE) for x in range(so, min(n, bottom + 4) + 1)
        ):
            k += 1
            continue
        blocks.append((top, heading, so))
        k += 1
    out: list[Block] = []
    for idx, (top, heading, so) in enumerate(blocks):
        nxt = blocks[idx + 1][0] if idx + 1 < len(blocks) else n + 1
        last = nxt - 1
        while last > top and not clean[last].strip():
            last -= 1
        inside = [(a, b) for a, b in sigs if top <= a <= last]
        sig_line = signer = None
        if inside:
            # The first signature with a name closes the text; an appendix may follow it.
            named_sigs = [(a, b) for a, b in inside if b]
            a, b = (named_sigs or inside)[0]
            sig_line, signer = a, b
            tail_start = (b or a) + 1
            if not any(_APPENDIX_RE.match(clean[x]) for x in range(tail_start, last + 1)) and b:
                last = b
        out.append(Block(top, last, heading, so, sig_line, signer))
    return out


def section_start(clean: list[str], start: int, end: int) -> int:
    """First line of the document body after its preamble: the first numbered section heading."""
    for i in range(start, end + 1):
        if _SECTION_RE.match(clean[i]):
            return i
    return end + 1
