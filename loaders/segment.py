"""Split a file into documents: where each one's header starts and its signature ends.

A document opens with a header block (issuing body, "Số 109-NQ/TU", place and date, a type
heading such as "NGHỊ QUYẾT") or, when the header was lost, with the type heading alone. It ends
with its signature (T/M …, the signer's name), or with its appendix (PHỤ LỤC) when one follows.
Front matter (covers, tables of contents) and colophons belong to no document.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from vbgraph.loaders import patterns
from vbgraph.loaders.dates import search_place_date
from vbgraph.loaders.furniture import PAGE_BREAK
from vbgraph.loaders.memo import text_cache
from vbgraph.loaders.normalize import fold, is_upper_text, lower_vn, segments, strip_markup
from vbgraph.loaders.signals import compact, enacting_authority, is_motto, preamble_opener
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import fold_aligned


@dataclass(frozen=True)
class Block:
    """The lines of one document: 1-based, inclusive."""

    first: int
    last: int
    heading_line: int | None  # line of the type heading
    symbol_line: int | None  # line of "Số …"
    signature_line: int | None  # line of "T/M …"
    signer_line: int | None
    # header: opened by a header or heading; body: found by its text alone; extract: given without
    # its header under an editor's heading ('2. Kết luận số … (trích)'), its first line
    kind: str = "header"


@cache
def _heading_types() -> list[tuple[str, str]]:
    """(folded written heading, type name), longest first."""
    out = []
    for t in tables.doc_types():
        if t.heading:
            for w in (t.name, *t.aliases):
                out.append((fold(w), t.name))
    return sorted(out, key=lambda x: -len(x[0]))


@cache
def _heading_compacts() -> list[tuple[str, str]]:
    """(compact written heading, type name), longest first: 'nghiquyet', 'Nghị quyết'."""
    return sorted(((compact(w), name) for w, name in _heading_types()), key=lambda x: -len(x[0]))


def _consume(seg: str, n: int) -> int | None:
    """Offset in `seg` after its first `n` letters and digits, if a word ends there."""
    seen = 0
    for i, ch in enumerate(seg):
        if compact(ch):
            seen += 1
            if seen == n:
                nxt = seg[i + 1 : i + 2]
                return i + 1 if not nxt or not nxt.isalnum() else None
    return None


@text_cache(maxsize=1 << 14)
def heading_type(seg: str) -> tuple[str, str] | None:
    """('CỦA BAN BÍ THƯ', 'Nghị quyết') when `seg` is a capitalised type heading: the type name,
    spaced or broken ('K ÉT LUẬN'), then possibly more words ('QUY ĐỊNH (BỔ SUNG)', 'KẾ HOẠCH
    TỔ CHỨC …', 'KẾT LUẬN 127-KL/TW CỦA …'), returned as the rest."""
    if not is_upper_text(seg) or len(seg) > 400 or seg.rstrip().endswith(":"):
        return None
    c = compact(seg)
    for written, name in _heading_compacts():
        if c == written:
            return "", name
        if c.startswith(written):
            end = _consume(seg, len(written))
            if end is not None:
                return seg[end:].strip(" ,.-–"), name
    return None


# 'So' in a text without diacritics; a scan's debris before it ('_Số:', '|Số', '§ố' or 'Sô' for 'Số')
SO_LINE_RE = re.compile(
    r"^\s*+(?:[_|~`'*]{1,2}\s*+)?(?:Số|SỐ|số|Sô|SÔ|sô|So|SO|§ố|§Ố)\s*+[:.]?\s*+(?P<sym>\d.*)$"
)
SO_ALONE_RE = re.compile(r"^\s*+(?:Số|SỐ|số)\s*+[:.]?\s*+$")
# "T/M", "TM." (on behalf of), "KT." (for), "Q." (acting), "T/L", "TL." (by order of), "TUQ."
_SIG_CUE = r"(?:T/M|T\.M\.|TM\.?|KT\.?|Q\.|T/L|T\.L\.|TL\.|TUQ\.)"
# … at a line's start, or in the right-hand column of a signature block set beside the recipients,
# as web copies and a PDF's text layer give it: after a tab or a '|' ('Nơi nhận:<TAB>T/M BAN THƯỜNG
# VỤ'), or, the blanks between run together, after 'Nơi nhận:' or a recipient's closing mark when
# offices in capitals follow ('- Như trên; KT. CHỦ TỊCH'; never '…, Q. Hoàn Kiếm'). A column opens
# after a non-blank only, so each is tried once.
_SIG_RE = re.compile(
    r"^(?:\s*[^\s|][^\t|]*?(?<=\S)\s*[\t|]"
    rf"|\s*(?:Nơi nhận\s*:|[-+•]\s[^\t|]*?[,;.)])(?=\s+{_SIG_CUE}\s+[A-ZĐÀ-Ỹ]{{2}}))?"
    rf"\s*{_SIG_CUE}\s+(?P<who>[A-ZĐÀ-Ỹ].*)$"
)
SIGNED_RE = re.compile(r"^\(?\s*(?:đã ký|Đã ký|ký tên|ký|Ký)\s*\)?\.?$")
_RECIPIENTS_RE = re.compile(r"^\s*(?:#+\s*)?Nơi nhận\s*:?", re.IGNORECASE)
_APPENDIX_RE = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục|DANH MỤC|BIỂU|Biểu)\b")
_STAMP_RE = re.compile(
    r"^(?:Số\s*\d*\s*[.…]{2,}|Số\s*[.…]|Ngày\s*:|Chuyển\s*:|Chuyên\s*:|ĐẾN\b|CÔNG VĂN ĐẾN|VĂN PHÒNG\s*ĐẾN\b|Lưu hồ sơ)",
    re.IGNORECASE,
)
_NAME_WORD_RE = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$|^[A-ZĐÀ-Ỹ]+$")
# a part's number has one or two digits: '244-QĐ/TW ngày …' opening a wrapped line is a symbol
_SECTION_RE = re.compile(
    r"^\s*(?:[IVXL]+|[A-ZĐ]|\d{1,2}(?:\.\d{1,2})*)\s*[-.)–]\s*(?![A-ZĐ][A-Za-zĐđ]{0,5}\s*/)\S|^\s*Điều\s+1\b"
)


@cache
def _typed_so_re() -> re.Pattern:
    """'Nghị quyết số: 653/2019/UBTVQH14' opening a header line."""
    return re.compile(
        rf"^\s*+(?:{patterns.type_alt()})\s+(?:Số|SỐ|số)\s*+[:.]?\s*+(?P<sym>\d.*)$", re.IGNORECASE
    )


# What a citation says after a symbol, which a header's line never does: 'Nghị quyết số 22-NQ/TW
# ngày 17/4/2024 của Bộ Chính trị về …' (a summary or a table of contents above a header).
_CITATION_RE = re.compile(r"\s(?:của|về|do|thực hiện)\s", re.IGNORECASE)


def symbol_in_so_line(line: str) -> str | None:
    m = SO_LINE_RE.match(line)
    typed = m is None and (m := _typed_so_re().match(line)) is not None
    if not m:
        return None
    sm = patterns.symbol_re().search(m.group("sym"))
    if not sm or sm.start() > 2:
        return None
    if typed and _CITATION_RE.search(m.group("sym"), sm.end()):
        return None
    return m.group("sym").rstrip()


def so_symbol(clean: list[str], i: int) -> str | None:
    """The symbol of a "Số …" line, also when a flattened header put it on the next line
    ("Số:" / "216-QĐ/TW")."""
    sym = symbol_in_so_line(clean[i])
    if sym or not SO_ALONE_RE.match(clean[i]):
        return sym
    for j in range(i + 1, min(len(clean), i + 3)):
        nxt = clean[j].strip()
        if nxt:
            m = patterns.symbol_re().match(nxt)
            return nxt if m else None
    return None


_FRAGMENT_RE = re.compile(rf"^[{patterns.UPPER}][\w.]*(?:\s+[{patterns.UPPER}\-–][\w.]*){{0,3}}$")


def _header_like_at(clean: list[str], j: int) -> bool:
    """A header line, or a piece of one that a flattened header table broke off ('Hà' / 'Nội, ngày …',
    'ỦY' / 'BAN NHÂN DÂN')."""
    s = clean[j].strip()
    if _header_like(clean[j]) or is_motto(s):
        return True
    if _FRAGMENT_RE.match(s) and len(s) <= 30:
        nxt = next((clean[x].strip() for x in range(j + 1, min(len(clean), j + 3)) if clean[x].strip()), "")
        return bool(patterns_place_date(nxt)) or is_motto(nxt)
    return False


_ARTICLE_ONE_RE = re.compile(r"^Điều\s+1\s*[.:]")
_VV_LINE_RE = re.compile(r"^\s*V/v\b", re.IGNORECASE)
_SECTION_MARK_RE = re.compile(r"^\s*(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Điều|ĐIỀU)\s+[\dIVXLivxl]+\b")


def _heads_a_document(clean: list[str], above: list[int], seen: int) -> bool:
    """A heading with more words than its type ('KẾ HOẠCH TỔ CHỨC …') opens a document at the top of
    a file (`seen`: non-empty lines before it) or under header evidence in the lines `above` it (a
    'Số' line, place and date, a motto, an issuing body in capitals); under 'Chương I' or in
    running text, 'QUY ĐỊNH CHUNG' is a section, not a document."""
    from vbgraph.loaders.signals import names_body

    if seen <= 2:
        return True
    if _SECTION_MARK_RE.match(clean[above[-1]]):
        return False
    return any(
        so_symbol(clean, j)
        or patterns_place_date(clean[j])
        or is_motto(clean[j])
        or (clean[j].isupper() and names_body(clean[j]))
        for j in above
    )


def _enacting_word(clean: list[str], i: int) -> bool:
    """'QUYẾT ĐỊNH' that lost its colon between a preamble ('…;' / 'Để …,' / 'Xét đề nghị … .') or
    the authority that enacts ('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH') and 'Điều 1.': the decision's
    enacting word, not the heading of another document (which a title follows, not an article)."""
    prev = next((clean[j].strip() for j in range(i - 1, max(0, i - 3), -1) if clean[j].strip()), "")
    nxt = next((clean[j].strip() for j in range(i + 1, min(len(clean), i + 3)) if clean[j].strip()), "")
    if not _ARTICLE_ONE_RE.match(nxt):
        return False
    if prev.endswith((",", ";", ".")):
        return True
    return is_upper_text(prev) and not is_motto(prev) and not SO_LINE_RE.match(prev)


def is_person_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    if any(ch.isdigit() for ch in text) or any(p in text for p in ",;:()/"):
        return False
    if is_upper_text(text) and tables.canonical_body(text) is not None:
        return False
    roles = {fold(r) for r in tables.signature_table()["roles"]}
    f = fold(text)
    if f in roles or any(f.startswith(r + " ") for r in roles):  # 'PHÓ BÍ THƯ THƯỜNG TRỰC'
        return False
    if is_upper_text(text) and any(
        w in fold(text).split() for w in ("uy", "ban", "dang", "tinh", "bo", "so")
    ):
        return False
    return all(_NAME_WORD_RE.match(w) for w in words)


@cache
def _motto_re() -> re.Pattern:
    """A motto after other words of a line, on folded text ('… tinh dong thap cong hoa xa hoi …')."""
    motto = tables.load("signals.toml")["motto"]
    phrases = "|".join(re.escape(fold(p)) for p in [*motto["phrases"], *motto["organisations"]])
    return re.compile(rf"\s(?:{phrases})(?!\w)", re.IGNORECASE)


def columns(seg: str) -> list[str]:
    """The columns of a header line: the cells a tab parts, and the words in capitals and the
    motto beside them that a PDF's text layer runs together ('ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP CỘNG
    HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH KHÁNH HÒA Độc lập - Tự do - Hạnh phúc')."""
    out = []
    for cell in (c.strip() for c in seg.split("\t")):
        m = _motto_re().search(fold_aligned(cell)) if "\t" not in cell and cell[:1].isupper() else None
        if m and is_upper_text(cell[: m.start()]) and len(cell[: m.start()].split()) >= 2:
            out += [cell[: m.start()].strip(), cell[m.start() :].strip()]
        elif cell:
            out.append(cell)
    return out


def _header_like(clean: str) -> bool:
    """A line that may stand in a header block (above or around the type heading)."""
    s = clean.strip()
    if not s or s in {"*", "-", "---", "-----", "***"} or set(s) <= {"-", "*", "_", "="}:
        return True
    if len(s) <= 5 and not any(ch.isalnum() for ch in s):
        return True  # the star or a rule as a scan reads it: '»', '%', '_ _.', '|'

    if len(s) > 120:
        return False
    if SO_LINE_RE.match(s) or patterns_place_date(s) or _STAMP_RE.match(s):
        return True
    return all(
        is_upper_text(c) or _STAMP_RE.match(c) or patterns_place_date(c) or is_motto(c)
        for seg in segments(s)
        for c in columns(seg)
    )


def patterns_place_date(s: str) -> bool:
    return bool(search_place_date(s)) and len(s) < 90


def signature_line(line: str) -> bool:
    """'T/M BAN THƯỜNG VỤ', 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH …': who signs, never a task."""
    return _SIG_RE.match(line) is not None


def recipients_line(line: str) -> bool:
    """'Nơi nhận:': the list of who receives the text opens; its lines ('- Như Điều 3;') are no tasks."""
    return _RECIPIENTS_RE.match(line) is not None


def one_line_signature(line: str) -> tuple[str, str] | None:
    """(offices, signer) of a signature block run into one line, as a web page gives it: offices
    in capitals, then the signer's name in title case ('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ
    TỊCH Trần Song Tùng')."""
    words = line.split()
    for k in (4, 3, 2):
        name = " ".join(words[-k:])
        if (
            len(words) > k
            and all(w[:1].isupper() and (len(w) == 1 or w[1:].islower()) for w in words[-k:])  # title case
            and is_person_name(name)
            and is_upper_text(offices := " ".join(words[:-k]))
        ):
            return offices, name
    return None


def _ends_with_name(line: str) -> bool:
    return one_line_signature(line) is not None


def _signatures(clean: list[str]) -> list[tuple[int, int | None]]:
    """(line of T/M or of Nơi nhận, line of signer name) for each signature block."""
    out = []
    n = len(clean) - 1
    after = 1  # a block opens after the one before
    for i in [k for k in range(1, n + 1) if _SIG_RE.match(clean[k]) or _RECIPIENTS_RE.match(clean[k])]:
        if i < after:
            continue
        s = clean[i]
        start = i
        j = i + 1
        name_line = None
        seen_sig = bool(_SIG_RE.match(s))
        if seen_sig and _ends_with_name(s):  # 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH … Trần Song Tùng' on one line
            name_line, j = i, n + 1
        while j <= n and j - i <= 40:
            t = clean[j].strip()
            if not t or t.startswith("-") or t.startswith("+") or SIGNED_RE.match(t) or t.startswith("("):
                j += 1
                continue
            if _SIG_RE.match(t):
                seen_sig = True
                j += 1
                continue
            if _APPENDIX_RE.match(t):
                break  # 'PHỤ LỤC' after a name the walk missed (in a cell: '- Lưu: VT. | Trần Văn Lương')
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
        after = (name_line or j) + 1
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
    anchors = _anchors(lines, clean, sig_zone)
    blocks = _header_blocks(clean, anchors, n, sig_zone)
    return [
        _closed_block(
            clean,
            sigs,
            top,
            heading,
            so,
            _headed_top(clean, *blocks[idx + 1]) if idx + 1 < len(blocks) else n + 1,
        )
        for idx, (top, heading, so) in enumerate(blocks)
    ]


def _headed_top(clean: list[str], top: int, heading: int | None, so: int | None) -> int:
    """The first line of what belongs to the block at `top`: a compilation's heading right above it
    that names the block's own number ('2. Chỉ thị số 08-CT/HU ngày 20/5/2022 về …' over 'HUYỆN ỦY
    NAM ĐÀN' / 'Số 08-CT/HU') is that document's, not a line of the one before (which it would cite);
    a text whose signature closes it never reaches it."""
    own = so_symbol(clean, so) if so is not None else None
    m = patterns.symbol_re().search(own) if own else None
    j = top - 1
    while j > 0 and not clean[j].strip():
        j -= 1
    if m is None or j <= 0:
        return top
    if j > 1 and heading_wraps(clean[j - 1]):
        j -= 1  # the heading wrapped onto the line above the block
    named = patterns.symbol_re().search(clean[j])
    if _editor_heading_re().match(clean[j]) and named and named.group() == m.group():
        return j
    return top


def _anchors(lines: list[str], clean: list[str], sig_zone: set[int]) -> list[tuple[int, str]]:
    """(line, "so" | "heading") of the lines that may open a document's header: "Số …" lines and
    type headings, none inside a signature block."""
    anchors: list[tuple[int, str]] = []
    recent: deque[int] = deque(maxlen=6)  # the last non-empty lines, for headings with more words
    seen = 0
    for i in range(1, len(lines)):
        line = clean[i]
        # A line without a letter ('- ', '*', a rule of dots) opens nothing.
        if i not in sig_zone and (_LETTER_RE.search(line) or _LETTER_RE.search(lines[i])):
            kind = _anchor_kind(lines, clean, i, recent, seen)
            if kind:
                anchors.append((i, kind))
        if line.strip():
            recent.append(i)
            seen += 1
    return anchors


def _anchor_kind(lines: list[str], clean: list[str], i: int, recent: deque[int], seen: int) -> str | None:
    """ "so" for a "Số …" line, "heading" for a type heading that heads a document (one with more
    words only where a document may start), else None."""
    if so_symbol(clean, i):
        return "so"
    for seg in segments(lines[i])[:4]:
        ht = heading_type(seg)
        if (
            ht
            and not _enacting_word(clean, i)
            and (not ht[0] or _heads_a_document(clean, list(recent), seen))
        ):
            return "heading"
    return None


def _header_blocks(
    clean: list[str], anchors: list[tuple[int, str]], n: int, sig_zone: set[int]
) -> list[tuple[int, int | None, int | None]]:
    """(top, heading line, "Số" line) of each header block, anchors inside one block merged."""
    blocks: list[tuple[int, int | None, int | None]] = []
    k = 0
    while k < len(anchors):
        block, k = _anchor_block(clean, anchors, k, n, sig_zone)
        if block is not None:
            blocks.append(block)
        k += 1
    return blocks


def _anchor_block(
    clean: list[str], anchors: list[tuple[int, str]], k: int, n: int, sig_zone: set[int]
) -> tuple[tuple[int, int | None, int | None] | None, int]:
    """The header block around anchor k and the index of the last anchor it takes in; no block
    for a "Số" line with no heading nearby, unless a V/v line follows (a letter, công văn)."""
    line, kind = anchors[k]
    heading = line if kind == "heading" else None
    so = line if kind == "so" else None
    # Walk down over the header block, merging anchors inside it.
    j = line + 1
    while j <= n and _header_like_at(clean, j) and j not in sig_zone:
        j += 1
    bottom = j - 1
    while k + 1 < len(anchors) and anchors[k + 1][0] <= bottom + 1:
        k += 1
        if anchors[k][1] == "heading" and heading is None:
            heading = anchors[k][0]
        if anchors[k][1] == "so" and so is None:
            so = anchors[k][0]
    if (
        heading is None
        and so is not None
        and not any(_VV_LINE_RE.match(clean[x]) for x in range(so, min(n, bottom + 4) + 1))
    ):
        return None, k
    return (_header_top(clean, line, sig_zone), heading, so), k


def _header_top(clean: list[str], line: int, sig_zone: set[int]) -> int:
    """Walk up from an anchor over header lines, never into the previous signature."""
    top = line
    u = line - 1
    while u >= 1 and u not in sig_zone and _header_like_at(clean, u):
        if clean[u].strip():
            top = u
        u -= 1
    return top


def _closed_block(
    clean: list[str],
    sigs: list[tuple[int, int | None]],
    top: int,
    heading: int | None,
    so: int | None,
    nxt: int,
) -> Block:
    """The block from `top` to the line before the next block: the first signature with a name
    closes the text, unless an appendix follows it."""
    last = nxt - 1
    while last > top and not clean[last].strip():
        last -= 1
    inside = [(a, b) for a, b in sigs if top <= a <= last]
    sig_line = signer = None
    if inside:
        named_sigs = [(a, b) for a, b in inside if b]
        a, b = (named_sigs or inside)[0]
        sig_line, signer = a, b
        if b and not _attached(clean, b + 1, last, so):
            last = b
    return Block(top, last, heading, so, sig_line, signer)


def _attached(clean: list[str], first: int, last: int, so: int | None) -> bool:
    """Do lines first..last after a signer hold what the text carries: an appendix ('PHỤ LỤC',
    'DANH MỤC', 'BIỂU') or a part that says it goes with the text's own number ('PHÂN CÔNG NHIỆM
    VỤ' / '(Kèm theo Kế hoạch số 112/KH-UBND ngày …)'), not one another text issued with?"""
    own = so_symbol(clean, so) if so is not None else None
    m = patterns.symbol_re().search(own) if own else None
    symbol = m.group() if m else None
    return any(
        _APPENDIX_RE.match(clean[x])
        or (symbol and _ISSUED_WITH_RE.match(clean[x].strip()) and symbol in clean[x])
        for x in range(first, last + 1)
    )


def body_block(clean: list[str]) -> Block | None:
    """The one document of a file that no header or heading opens (a reprint, a news page, an
    excerpt), found by its text alone (loaders/signals.py)."""
    from vbgraph.loaders.signals import single_document_span

    n = len(clean) - 1
    span = single_document_span(clean, 1, n)
    if span is None:
        return None
    top, last = span
    so = next((i for i in range(top, min(last, top + 10) + 1) if so_symbol(clean, i)), None)
    sig = next(((a, b) for a, b in _signatures(clean) if top <= a <= last), (None, None))
    if sig[1] is not None and not _attached(clean, sig[1] + 1, last, so):
        last = sig[1]  # the signer closes the text, as in `_closed_block`: what follows is the page's
    return Block(top, last, None, so, sig[0], sig[1], kind="body")


def section_start(clean: list[str], start: int, end: int) -> int:
    """First line of the document body after its preamble: the first numbered section heading, not
    an item of the list a consolidated text's note opens ('Luật … số 77/2015/QH13 …, được sửa đổi,
    bổ sung bởi:' / '1. Luật Quy hoạch số …'), which runs to the act's preamble ('Căn cứ …')."""
    listing = False
    for i in range(start, end + 1):
        line = clean[i]
        if listing and (preamble_opener(line.lstrip()) or _ARTICLE_ONE_RE.match(line)):
            listing = False
        if not listing and _SECTION_RE.match(line):
            return i
        listing = listing or _BY_LIST_END_RE.search(line) is not None
    return end + 1


_ARTICLE_ONE_RE = re.compile(r"^\s*Điều\s+1\b")
_BY_LIST_END_RE = re.compile(r"\bbởi\s*:\s*$")


# --- a document on one line ------------------------------------------------------------------------

_LONG_LINE = 600  # characters: a line this long that holds several structural breaks is a whole text


@cache
def _break_re() -> re.Pattern:
    """Where a document that lost its line breaks is cut: header separators, 'Số:', a preamble
    opener of ontology/signals.toml after '-' or a stop, 'Điều N.', 'Nơi nhận:', a signature, the
    subject after a heading (even glued to it: 'QUYẾT ĐỊNHVề việc')."""
    from vbgraph.loaders.signals import table

    openers = patterns.alt(table()["preamble"]["openers"])
    # Every break opens with one of these (a blank or '-' before an opener, 'Số', 'Điều', 'Nơi
    # nhận', 'TM'/'KT'…, 'Về việc'/'V/v'): looked for first, so the alternation runs only there.
    opens = r"(?=[\s*\-SĐNTKV])"
    return re.compile(
        opens + r"(?:\*{3}|-{5,}"
        r"|(?=(?:Số|SỐ)\s*:\s*\d)"
        rf"|(?=\s?-\s*(?:{openers})\b)|(?<=[;,.])\s(?=(?:{openers})\b)"
        r"|(?=\b(?:Điều|ĐIỀU)\s+\d{1,3}\s*[.:])"
        r"|(?=\b(?:Nơi nhận|NƠI NHẬN)\s*:)|(?=\b(?:TM|T/M|KT|TL|TUQ)\.?\s+[A-ZĐ]{2})"
        r"|(?=(?:Về việc|V/v)\b))"
    )


_PLACE_DATE_TAIL_RE = re.compile(r",\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_NONBLANK_RE = re.compile(r"\S+")


def _caps_runs(piece: str) -> list[int]:
    """Offsets where a run of two or more words in capitals starts after running text: a heading
    or an issuing body flattened into the line ('… năm 2013 QUYẾT ĐỊNH …')."""
    out = []
    words = list(_NONBLANK_RE.finditer(piece))
    texts = [w.group() for w in words]
    prev_caps = True
    for i, word in enumerate(texts):
        if not word.isalpha() and not any(map(str.isalpha, word)):
            continue  # '-', '***', numbers: no side
        caps = word.isupper()
        # a word in capitals after running text, and the next one in capitals too
        if caps and not prev_caps and len(word) > 1 and word.isalpha() and words[i].start() > 0:
            nxt = texts[i + 1][:2] if i + 1 < len(texts) else ""
            if nxt.isupper() and nxt.isalpha():
                out.append(words[i].start())
        prev_caps = caps
    # 'Hà Nội, ngày 29 tháng 10 năm 2013': the place-and-date line, from its capitalised place name.
    ends = [w.end() for w in words]
    for m in _PLACE_DATE_TAIL_RE.finditer(piece):
        start = m.start()
        k = bisect.bisect_right(ends, m.start())  # the words before the match
        for w in reversed(words[max(0, k - 4) : k]):
            if not w.group(0)[:1].isupper() or w.group(0).isupper():
                break
            start = w.start()
        if start < m.start():
            out.append(start)
    return out


def split_long_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """Lines with a document that lost its line breaks cut at its structural breaks (header
    separators, 'Số:', headings in capitals, 'Căn cứ', 'Điều N.', 'Nơi nhận', 'TM.'), with the
    source line of each piece, so evidence still points at the original line. `lines[0]` is unused."""
    if max(map(len, lines)) <= _LONG_LINE:  # no line to cut: most files
        return lines[:], list(range(len(lines)))
    units, origin = [lines[0]], [0]
    for n, line in enumerate(lines[1:], start=1):
        cuts: list[int] = []
        if len(line) > _LONG_LINE:
            cuts = sorted(
                {m.start() if m.end() == m.start() else m.end() for m in _break_re().finditer(line)}
                | set(_caps_runs(line))
            )
        if len(cuts) < 3:
            units.append(line)
            origin.append(n)
            continue
        start, before = 0, len(units)
        for c in [*cuts, len(line)]:
            piece = line[start:c].strip(" *-")
            if piece:
                units.append(piece)
                origin.append(n)
            start = c
        if len(units) == before:  # nothing but separators: the line stays, empty
            units.append("")
            origin.append(n)
    return units, origin


@dataclass(slots=True)
class Paragraph:
    text: str
    starts: list[tuple[int, int]]  # (offset in text, line number)

    def line_at(self, offset: int) -> int:
        k = bisect.bisect_right(self.starts, (offset, math.inf)) - 1
        return self.starts[max(k, 0)][1]


_END_PUNCT = tuple(".;:!?)")
_LETTER_RE = re.compile(r"[^\W\d_]")


# A line that stops on one of these words goes on in the next one ("… chủ trì, phối hợp với",
# "… tham mưu" / "Ban Thường vụ …").
_CONNECTORS = (
    "với",
    "và",
    "của",
    "các",
    "cho",
    "về",
    "theo",
    "tại",
    "số",
    "ngày",
    "tháng",
    "năm",
    "Số",
    "tham mưu",
    "gửi về",
)
_CONNECTOR_END = re.compile(rf"(?:\b(?:{'|'.join(_CONNECTORS)})|,)\s*$")
_CONNECTOR_LAST = frozenset(w[-1] for w in (*_CONNECTORS, ","))  # what such a line ends with


_ITEM_OPEN_RE = re.compile(
    r"\d{1,3}\s?[.)\-–]\s+[A-ZĐÀ-Ỹ]"
)  # a numbered item: '1. Bãi bỏ …', the Party's '1- Đảng ủy …'
_BULLET_OPEN_RE = re.compile(r"[-–+•*]\s+[^\W\d_]")  # a point: '- Sở Khoa học …', '+ Tổ chức …'
# The connectors a number follows ('số' / '52-NQ/TW', 'ngày' / '15/3/2025'); after them a point
# opens a paragraph: 'chuyển đổi số', 'hằng năm' end a heading or a sentence.
_NUMBER_WORD_END_RE = re.compile(r"(?<!\w)(?:số|Số|ngày|tháng|năm)$")
# A line that goes on with a number ("Căn cứ Nghị định số" / "69/2008/NĐ-CP ngày …"), not a list item.
_NUMBER_GOES_ON = re.compile(r"^\d(?!\d{0,2}\s*[.)/:\-–]\s)")


@cache
def _type_word_end() -> re.Pattern:
    """A line that stops on a type word goes on in the next one: a type word ends no sentence;
    but an office's name may ('Điều 4. Phòng Tài chính - Kế hoạch' over 'Chủ trì, phối hợp …')."""
    return re.compile(rf"(?<![-–]\s)(?<![-–])(?<!\w)(?:{patterns.type_alt()})\s*$", re.IGNORECASE)


@cache
def _type_word_last() -> frozenset[str]:
    """The last letters of the type words in both cases: a line `_type_word_end` matches ends
    with one of them, or with a letter whose lower or upper case is one (what IGNORECASE
    equates: 'ı' and 'I', the Kelvin sign and 'k')."""
    return frozenset(c for w in patterns.type_words() for c in (w[-1], w[-1].lower(), w[-1].upper()))


def _may_end_type_word(end: str) -> bool:
    last = _type_word_last()
    return end in last or end.lower() in last or end.upper() in last


@cache
def _cited_type_start_re() -> re.Pattern:
    """A line that opens with a document it cites by number: 'Chương trình hành động số 20-CTr/TU'."""
    return re.compile(rf"(?:{patterns.type_alt()})\s+(?:số\s+)?\d", re.IGNORECASE)


@cache
def _unfinished() -> frozenset[str]:
    """Heads that never end a body's name (obligations.toml [bodies] unfinished)."""
    return frozenset(lower_vn(h) for h in tables.load("obligations.toml")["bodies"]["unfinished"])


# The words of a name after 'của' (or 'do') at the end of a line, as far as five words back.
_NAME_TAIL_RE = re.compile(r"(?<!\w)(?:của|do)\s+(?P<name>[A-ZĐÀ-Ỹ]\w*(?:\s\w+){0,4})$")
_FIRST_WORDS_RE = re.compile(r"\w+(?:\s\w+){0,3}")


def _name_cut(tail: str, text: str) -> bool:
    """Does a line break cut a body's name before a capital? The line ends on a capitalised head
    that ends no name ('… báo cáo Ban Thường vụ' / 'Huyện ủy; …', '…, Trung tâm' / 'Văn hóa …'), or on a
    name after 'của' that the tables know only with the first words of the next line ('… của Ban
    Thường vụ' / 'Tỉnh ủy Thái Bình về …')."""
    if not text[:1].isupper():
        return False
    words = tail[-40:].split()
    for k in (3, 2, 1):
        last = words[-k:]
        if len(last) == k and last[0][:1].isupper() and lower_vn(" ".join(last)) in _unfinished():
            return True
    m = _NAME_TAIL_RE.search(tail[-60:])
    if m is None:
        return False
    name = m.group("name")
    if tables.canonical_body(name) is not None:
        return False  # '… của Ban Thường vụ Tỉnh ủy' is whole
    first = _FIRST_WORDS_RE.match(text)
    words = first.group(0).split() if first else []
    return any(tables.canonical_body(f"{name} {' '.join(words[:k])}") for k in range(len(words), 0, -1))


_TAIL = 200  # what of a paragraph decides whether the next line goes on with it


def _open_end(tail: str) -> tuple[bool, bool]:
    """(may a line go on with a paragraph ending in `tail`, may a line that does not open in
    lower case): a sentence ends at a full stop, a table row goes on with nothing, and only a
    word or a comma (a connector, a type word) carries a sentence into a capital or a digit."""
    end = tail[-1:]
    if end == ";" and "¦" not in tail:
        return True, True  # only a list's next document goes on after a semicolon (`_goes_on`)
    if end == ")" and "¦" not in tail:
        return (
            True,
            False,
        )  # '1. Giao Công an huyện (Cơ quan thường trực …)' / 'chủ trì, …': a line in lower case goes on
    if end in _END_PUNCT or "¦" in tail:
        return False, False
    return True, end.isalnum() or end in ("_", ",") or patterns.symbol_cut(tail)


@cache
def _preamble_re() -> re.Pattern:
    """A preamble's cue as written, tone marks and all ('Để …', never 'Đề án …' or 'Đề nghị …',
    which the folded `preamble_opener` takes for it), or in a text without diacritics ('Can cu …'):
    a line it opens is a paragraph of its own."""
    openers = tables.load("signals.toml")["preamble"]["openers"]
    spelt = sorted({w for o in openers for w in (lower_vn(o), fold(o))}, key=len, reverse=True)
    return re.compile(rf"[\s\-–+•*]*(?:{'|'.join(re.escape(w) for w in spelt)})(?!\w)")


def _opens_preamble(text: str) -> bool:
    return preamble_opener(text) and _preamble_re().match(lower_vn(text[:40])) is not None


_QUARTER_END_RE = re.compile(r"(?<!\w)(?:[Qq]uý|QUÝ)$")
_QUARTER_GOES_ON_RE = re.compile(r"(?:I{1,3}|IV|[1-4])(?:\s*[/-]\s*\d|\s+(?:năm|NĂM)\s)")


@cache
def _level_end_re() -> re.Pattern:
    """A line ending on a level's word, which a place's name follows ('… của UBND tỉnh' / 'Thanh Hóa về …')."""
    return re.compile(r"(?<!\w)(?:tỉnh|huyện|quận|thị xã|thành phố|TỈNH|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ)$")


_PLACE_WORDS_RE = re.compile(r"[A-ZĐÀ-Ỹ][\w'’-]*(?:\s+[A-ZĐÀ-Ỹ][\w'’-]*){0,3}")


def _place_cut(tail: str, text: str) -> bool:
    """Does a line break cut a level's word from its place's name ('… của UBND tỉnh' / 'Thanh Hóa
    về thực hiện …')? The next line opens with a province's or a district's name."""
    from vbgraph.loaders.places import province_of

    if not text[:1].isupper() or _level_end_re().search(tail[-12:]) is None:
        return False
    m = _PLACE_WORDS_RE.match(text)
    if m is None:
        return False
    words = m.group().split()
    level = tail.split()[-1]
    provinces = tables.provinces()
    return any(
        fold(" ".join(words[:k])) in provinces or province_of(f"{level} {' '.join(words[:k])}")
        for k in range(len(words), 0, -1)
    )


def _goes_on(tail: str, text: str, upper: Callable[[], bool]) -> bool:
    """Does `text`, which does not open in lower case, go on with the paragraph whose last
    _TAIL characters are `tail` (open to it by `_open_end`)? `upper` says whether the paragraph
    is all in capitals."""
    end = tail[-1:]  # the tail ends with no blank: a match of the two patterns ends with `end`
    if _opens_preamble(text) or _ITEM_OPEN_RE.match(text):
        return False  # 'Căn cứ …', '1. Bãi bỏ …' open a paragraph, even after '… pháp luật', '… quy định'
    if text.isupper() and enacting_authority(text):
        return False  # '… năm 2024,' / 'HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH QUYẾT ĐỊNH': the enacting line
    if end == ";":
        # 'Thực hiện Nghị quyết số 19-NQ/TW …;' / 'Chương trình hành động số 20-CTr/TU …': the
        # list the opening cue governs goes on with the next document it names
        return _cited_type_start_re().match(text) is not None
    if _name_cut(tail, text) or _place_cut(tail, text):
        return True  # '… của Ban Thường vụ' / 'Tỉnh ủy Thái Bình về …', '… của UBND tỉnh' / 'Thanh Hóa về …'
    if _QUARTER_END_RE.search(tail[-4:]) and _QUARTER_GOES_ON_RE.match(text):
        return True  # '… hoàn thành trong Quý' / 'III/2022.'
    if tail.rfind("(") > tail.rfind(")"):
        return True  # '… báo cáo Ban Thường vụ Huyện ủy (qua' / 'Ban Tổ chức Huyện ủy) trước …'
    if patterns.symbol_cut(tail) and patterns.symbol_goes_on(text):
        return True  # a symbol the line cut: 'Quy định số 69-' / 'QĐ/TW ngày …', 'số 15/' / 'QĐ-UBND'
    if _BULLET_OPEN_RE.match(text) and _NUMBER_WORD_END_RE.search(tail[-8:]):
        return False  # '2. Hoàn thiện hạ tầng số' / '- Sở …': a number goes on after 'số', no point

    return (
        (end in _CONNECTOR_LAST and _CONNECTOR_END.search(tail[-20:]) is not None)
        or (_may_end_type_word(end) and _type_word_end().search(tail[-40:]) is not None and not upper())
        or (_NUMBER_GOES_ON.match(text) is not None and end.isalpha())
    )


class _Growing:
    """A paragraph of more than one line being read: its pieces are joined once at the end, and
    only its tail is kept up to date (whether it is all in capitals is read only when asked,
    from the pieces not yet read), so a long paragraph costs linear time."""

    __slots__ = ("_cased", "_lower", "_read", "length", "parts", "starts", "tail")

    def __init__(self, text: str, line: int) -> None:
        self.parts, self.starts, self.length, self.tail = [text], [(0, line)], len(text), text[-_TAIL:]
        self._read, self._cased, self._lower = 0, False, False

    def upper(self) -> bool:
        """str.isupper() of the whole text."""
        for text in self.parts[self._read :]:
            if text.lower() != text.upper():  # it has cased letters
                self._cased = True
                self._lower = self._lower or not text.isupper()
        self._read = len(self.parts)
        return self._cased and not self._lower

    def add(self, text: str, line: int) -> None:
        self.starts.append((self.length + 1, line))
        self.parts.append(text)
        self.length += 1 + len(text)
        self.tail = (self.tail + " " + text)[-_TAIL:]

    def done(self) -> Paragraph:
        return Paragraph(" ".join(self.parts), self.starts)


def paragraphs(clean: list[str], first: int, last: int, tables: bool = True) -> list[Paragraph]:
    """Paragraphs of lines first..last; a sentence broken across lines (or a page) is joined.
    With `tables` False a table row counts as a blank line (the rows are read on their own)."""
    return _paragraphs(clean, first, last, tables, wrap_width(clean))


_WRAPPED_SHARE = 0.25  # of a file's lines of text: full to its width and ending in no stop


def wrap_width(clean: list[str]) -> int | None:
    """The width a hard-wrapped text (a PDF's text layer, a scan's OCR, a mail) breaks its lines
    at, or None for a text of one paragraph per line: then a full line that stops on a word goes
    on in the next one, whatever that opens with ('… trong Quý' / 'II/2024', '… Tổ quốc Việt' /
    'Nam tỉnh'). Full: at least 4/5 of the length most long lines reach."""
    lengths = sorted(len(x) for x in clean if x and "\t" not in x and not x.isspace())
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width < 40:
        return None
    full = int(width * 0.8)
    open_ends = sum(1 for x in clean if len(x) >= full and "\t" not in x and x.rstrip()[-1:].isalnum())
    return full if open_ends >= max(5, _WRAPPED_SHARE * len(lengths)) else None


# A line that opens a point, a part, an article or a bullet: a wrapped paragraph does not go on into it.
_OPENS_POINT_RE = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6}|[a-zđA-ZĐ])\s*[.)\-–]\s|\(\s*(?:\d{1,3}|[a-zđ])\s*\)\s|Điều\s+\d|[-+•*–—]\s"
)


_NUMERALS_RE = re.compile(r"(?<!\w)[IVXLC]+(?!\w)")


def _in_capitals(text: str) -> bool | None:
    """Is the line in capitals, or None when it has no word to say (a roman numeral and figures,
    'III/2022.', go on with a sentence as with a heading)?"""
    words = _NUMERALS_RE.sub("", text)
    return is_upper_text(words) if any(c.isalpha() for c in words) else None


def _wrapped_on(prev: str, text: str, wrap: int | None) -> bool:
    """Does `text` go on with the full line `prev` of a hard-wrapped text (`wrap_width`)? A line
    opening with a document's name ('Đề án trước ngày 31 tháng 12.') goes on; a preamble's cue
    ('Căn cứ', 'Thực hiện') opens a paragraph."""
    if wrap is None or len(prev) < wrap or not prev[-1:].isalnum():
        return False
    capitals = _in_capitals(text)
    return (
        not _OPENS_POINT_RE.match(text)
        and not _opens_preamble(text)
        and (capitals is None or capitals == is_upper_text(prev))  # a heading goes on in capitals only
        and SO_LINE_RE.match(text) is None
    )


class Paragraphs:
    """`paragraphs` of one file's cleaned lines, remembered: the citation stage reads a
    document's paragraphs, the obligation stage those of its body (a part of the same lines),
    and a text of short lines would pay for them twice."""

    __slots__ = ("_clean", "_covers", "_tabs", "_wrap")

    def __init__(self, clean: list[str]) -> None:
        self._clean = clean
        self._wrap = wrap_width(clean)
        self._tabs = [i for i, line in enumerate(clean) if "\t" in line]  # table rows
        # Paragraphs of ranges that overlap no other, by first line: (first, last, tables,
        # paragraphs, their first lines, their last lines).
        self._covers: list[tuple[int, int, bool, list[Paragraph], list[int], list[int]]] = []

    def _has_tabs(self, first: int, last: int) -> bool:
        k = bisect.bisect_left(self._tabs, first)
        return k < len(self._tabs) and self._tabs[k] <= last

    def __call__(self, first: int, last: int, tables: bool = True) -> list[Paragraph]:
        """`paragraphs` of lines first..last, cut from those of a range around them when no
        paragraph of it crosses `first` or `last` (then the cut ones are read alike)."""
        covers = self._covers
        k = bisect.bisect_right(covers, first, key=lambda c: c[0]) - 1
        if k >= 0:
            _, b, t, paras, firsts, lasts = covers[k]
            if last <= b and (t == tables or not self._has_tabs(first, last)):
                i = bisect.bisect_left(firsts, first)
                j = bisect.bisect_right(firsts, last)
                if (i == 0 or lasts[i - 1] < first) and (j == 0 or lasts[j - 1] <= last):
                    return paras[i:j]
        paras = _paragraphs(self._clean, first, last, tables, self._wrap)
        if (k < 0 or covers[k][1] < first) and (k + 1 >= len(covers) or covers[k + 1][0] > last):
            firsts, lasts = [p.starts[0][1] for p in paras], [p.starts[-1][1] for p in paras]
            covers.insert(k + 1, (first, last, tables, paras, firsts, lasts))
        return paras[:]


# A lettered point ("a) Chủ trì …", "b. Xây dựng …") opens a paragraph of its own, in lower case.
_LETTERED_RE = re.compile(r"[a-zđ](?:\)|\.(?=\s[A-ZĐÀ-Ỹ]))\s")


def _paragraphs(
    clean: list[str], first: int, last: int, tables: bool, wrap: int | None = None
) -> list[Paragraph]:
    """Most paragraphs are one line: a paragraph is kept as its text and line until a second line
    joins it (then a _Growing), so a text of short lines costs little per line."""
    out: list[Paragraph] = []
    grow: _Growing | None = None
    one = ""  # the paragraph's text while it is one line
    one_line = 0
    opened = carried = False  # what `_open_end` says of the paragraph (none yet: nothing goes on)
    blank_run = 0
    prev = ""  # the paragraph's last line
    for i in range(first, last + 1):
        line = clean[i]
        table = "\t" in line
        if table and not tables:
            blank_run += 1
            continue
        text = line.strip()
        if not text:
            blank_run += line != PAGE_BREAK  # a page broke here: the paragraph may go on
            continue
        if table:
            text = " ¦ ".join(c.strip() for c in line.split("\t") if c.strip())
        elif (
            opened
            and blank_run <= 1
            and (
                (text[:1].islower() and not _LETTERED_RE.match(text))
                or (
                    carried
                    and (
                        _goes_on(grow.tail, text, grow.upper)
                        if grow is not None
                        else _goes_on(one[-_TAIL:], text, one.isupper)
                    )
                )
                or (carried and blank_run == 0 and _wrapped_on(prev, text, wrap))
            )
        ):
            if grow is None:
                grow = _Growing(one, one_line)
            grow.add(text, i)
            opened, carried = _open_end(grow.tail)
            blank_run = 0
            prev = text
            continue
        if grow is not None:
            out.append(grow.done())
        elif one:
            out.append(Paragraph(one, [(0, one_line)]))
        grow, one, one_line = None, text, i
        opened, carried = _open_end(text)
        blank_run = 0
        prev = text
    if grow is not None:
        out.append(grow.done())
    elif one:
        out.append(Paragraph(one, [(0, one_line)]))
    return out


_QUOTE_REACH = 1000  # a quote is cut from this far around its column: long lines stay linear


def quote(clean_line: str, col: int, width: int = 320) -> str:
    """About `width` characters of the line around `col`, with '…' where it was cut."""
    if len(clean_line) > 4 * _QUOTE_REACH:  # a page on one line: cut near the column first
        lo = max(0, col - _QUOTE_REACH)
        return quote(clean_line[lo : col + _QUOTE_REACH], col - lo, width)
    s = clean_line.strip().replace("\t", " | ")
    if len(s) <= width:
        return s
    start = max(0, min(col - 80, len(s) - width))
    return ("…" if start else "") + s[start : start + width].strip() + ("…" if start + width < len(s) else "")


def regions(blocks: list[Block], n: int) -> list[tuple[int | None, int, int]]:
    """(index of the document or None, first, last) covering lines 1..n: each document's lines, and
    the lines between them that belong to none (front matter, tables of contents, page chrome)."""
    out: list[tuple[int | None, int, int]] = []
    covered = 1
    for k, b in enumerate(blocks):
        if b.first > covered:
            out.append((None, covered, b.first - 1))
        out.append((k, b.first, b.last))
        covered = b.last + 1
    if covered <= n:
        out.append((None, covered, n))
    return out


def segment(lines: list[str], clean: list[str]) -> list[Block]:
    """The documents of a file: those a header or heading opens and the extracts an editor's
    heading opens, else the one its text shows."""
    blocks = find_blocks(lines, clean)
    if blocks:  # a compilation's extracts stand between its documents (a text of none is read whole)
        blocks = _with_extracts(blocks, clean)
        return _attachments_joined(blocks, clean)
    only = body_block(clean)
    return [only] if only else []


# "(Ban hành kèm theo Quyết định số 2845/QĐ-UBND ngày …)" under an unnumbered text's heading.
_ISSUED_WITH_RE = re.compile(r"^\(?\s*(?:Ban hành\s+)?kèm theo\s+\w+(?:\s+\w+)?\s+số\b", re.IGNORECASE)


def _attachments_joined(blocks: list[Block], clean: list[str]) -> list[Block]:
    """A text issued with the document before it ('QUY CHẾ …' / '(Ban hành kèm theo Quyết định số
    …)' after the decision's signature) is part of that document, not one of its own."""
    out: list[Block] = []
    for b in blocks:
        if out and b.symbol_line is None and _issued_with_before(b, clean):
            prev = out[-1]
            out[-1] = replace(prev, last=b.last, signature_line=prev.signature_line or b.signature_line)
        else:
            out.append(b)
    return out


def _issued_with_before(b: Block, clean: list[str]) -> bool:
    """Does an 'issued with …' line stand among the first lines of block `b`, under its heading?"""
    start = b.heading_line if b.heading_line is not None else b.first
    seen = 0
    for i in range(start, min(b.last, start + 8) + 1):
        if clean[i].strip():
            if _ISSUED_WITH_RE.match(clean[i].strip()):
                return True
            seen += 1
            if seen > 5:
                return False
    return False


# An editor's heading over a document a compilation gives without its header: '2. Kết luận số
# 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy về … (trích)', 'Trích Chỉ thị số 07-CT/HU …'.
ENUMERATOR = (
    r"(?:(?:[IVXL]+|\d{1,3}|[a-zđ])\s*[.)]\s*)?"  # a point's number before a heading: "2. ", "IV) ", "b. "
)
# '(trích)', '(Trích phần nhiệm vụ)' closing the heading; not a quotation's 'nêu rõ (trích): "…"'
_EXTRACT_MARK_RE = re.compile(r"\(\s*trích\b[^()]{0,60}\)\s*$", re.IGNORECASE)
# 'PHẦN II', 'Phần thứ hai': a compilation's part, which ends the extract before it.
_PART_RE = re.compile(r"^\s*(?:PHẦN|Phần)\s+(?:[IVXL]+\b|\d+\b|THỨ|thứ)")
_ELLIPSIS_RE = re.compile(r"^[\s.…]*$")


@cache
def _editor_heading_re() -> re.Pattern:
    """A line that opens with a numbered document, after an item's number or 'Trích'."""
    return re.compile(
        rf"^\s*{ENUMERATOR}(?P<trich>trích\s+)?(?:{patterns.type_alt()})\s+số\s*:?\s*\d", re.IGNORECASE
    )


def heading_wraps(line: str) -> bool:
    """Does an editor's heading go on in the next line (it ends with no bracket, stop or page)?"""
    end = line.rstrip()
    return (
        bool(end)
        and _editor_heading_re().match(line) is not None
        and end[-1] not in ").…"
        and not end[-1].isdigit()
    )


def _extract_heading(clean: list[str], i: int, end: int) -> bool:
    """Does line i open an extract: an editor's heading that says 'trích', on it or on the line
    it wraps onto?"""
    m = _editor_heading_re().match(clean[i])
    if m is None or (i > 1 and heading_wraps(clean[i - 1])):
        return False
    if m.group("trich"):
        return True  # 'Trích Chỉ thị số …'
    nxt = i + 1 if i < end and heading_wraps(clean[i]) else None  # the heading wrapped onto its next line
    return any(_EXTRACT_MARK_RE.search(clean[x]) for x in (i, nxt) if x is not None)


def _with_extracts(blocks: list[Block], clean: list[str]) -> list[Block]:
    """The header blocks and the extracts in the lines between them: each runs from its heading
    to the next heading, part or document (or its own signature), with some text of its own."""
    n = len(clean) - 1
    if "trích" not in "".join(clean).lower():
        return blocks
    gaps, covered = [], 1
    for b in blocks:
        if b.first > covered:
            gaps.append((covered, b.first - 1))
        covered = b.last + 1
    if covered <= n:
        gaps.append((covered, n))
    sigs = _signatures(clean)
    extracts: list[Block] = []
    for lo, hi in gaps:
        heads = [i for i in range(lo, hi + 1) if _extract_heading(clean, i, hi)]
        for h in heads:
            end = next(
                (
                    x - 1
                    for x in range(h + 1, hi + 1)
                    if (_editor_heading_re().match(clean[x]) and not heading_wraps(clean[x - 1]))
                    or _PART_RE.match(clean[x])
                ),
                hi,
            )
            b = replace(_closed_block(clean, sigs, h, None, None, end + 1), kind="extract")
            body = [
                x
                for x in range(h + 1, b.last + 1)
                if clean[x].strip() and not _EXTRACT_MARK_RE.search(clean[x])
            ]
            if any(not _ELLIPSIS_RE.match(clean[x]) for x in body):
                extracts.append(b)
    return sorted([*blocks, *extracts], key=lambda b: b.first) if extracts else blocks
