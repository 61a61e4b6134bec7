"""Bodies named in a text: who a sentence's subject is, lists split, names made canonical.

"Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch" has three bodies as its
subject; "Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh" has two, both of the province.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from vbgraph.loaders.normalize import lower_vn, modern_tones
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import Correction


@cache
def _table() -> dict:
    return tables._load("obligations.toml")


@cache
def _heads() -> list[str]:
    return sorted({lower_vn(h) for h in _table()["bodies"]["heads"]}, key=len, reverse=True)


@cache
def _predicates_re() -> re.Pattern:
    words = sorted({lower_vn(w) for w in _table()["bodies"]["predicates"]}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


@cache
def _protected() -> list[str]:
    return sorted({lower_vn(w) for w in _table()["bodies"]["protected"]}, key=len, reverse=True)


@cache
def _protected_re() -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in _protected()) + r")(?![\w])")


def _mask(low: str) -> str:
    """Hide protected phrases (so 'cơ quan tham mưu, giúp việc' is not cut at 'tham mưu')."""
    return _protected_re().sub(lambda m: "_" * len(m.group(0)), low)


def starts_with_head(item: str) -> bool:
    low = lower_vn(item)
    low = re.sub(r"^(?:các|những|toàn thể)\s+", "", low)
    for h in sorted({lower_vn(x) for x in _table()["bodies"]["honorifics"]}, key=len, reverse=True):
        low = re.sub(r"^" + re.escape(h) + r"\s+", "", low)
    return any(low == h or low.startswith(h + " ") for h in _heads())


def subject_end(text: str) -> int:
    """Where the subject of `text` ends: at the first predicate word outside a body's name."""
    plain = lower_vn(text) if len(lower_vn(text)) == len(text) else text.lower()
    low = _mask(plain)
    pos = 0
    while True:
        m = _predicates_re().search(low, pos)
        if not m:
            return len(text)
        w = m.group(0)
        # "tổ chức chính trị - xã hội", "tổ chức đảng" are bodies; "tổ chức" alone is a verb.
        if w == "tổ chức" and re.match(
            r"tổ chức\s+(?:chính trị|đảng|cơ sở đảng|công đoàn|đoàn)\b", plain[m.start() :]
        ):
            pos = m.end()
            continue
        # "Ban Chỉ đạo", "Thường trực Tỉnh ủy" … are names: the predicate word sits inside a capitalised name.
        if (
            text[m.start() : m.start() + 1].isupper()
            and m.start() > 0
            and not re.search(r"[,;:]\s*$", text[: m.start()])
        ):
            pos = m.end()
            continue
        if w == "lãnh đạo" and re.match(r"\s*các cấp", plain[m.end() :]):
            pos = m.end()  # "lãnh đạo các cấp, các ngành" is a who
            continue
        return m.start()


_SPLIT_RE = re.compile(r"\s*;\s*|\s*,\s*|\s+(?:và|cùng|với)\s+")


def split_bodies(text: str) -> list[str]:
    """'các ban, cơ quan, sở, ngành, Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh' -> items."""
    low = _mask(text.lower())
    items: list[tuple[str, str]] = []  # (item, separator before it)
    pos = 0
    sep = ""
    for m in _SPLIT_RE.finditer(low):
        piece = text[pos : m.start()]
        nxt = text[m.end() : m.end() + 40]
        sep_text = m.group(0).strip()
        if sep_text == "và" and nxt[:1].isupper() and not starts_with_head(nxt.split(",")[0]):
            continue  # "Sở Thông tin và Truyền thông": one name
        items.append((piece, sep))
        sep = sep_text
        pos = m.end()
    items.append((text[pos:], sep))
    out: list[tuple[str, str]] = []
    for piece, s in items:
        piece = piece.strip(" .:-–")
        piece = re.sub(r"^(?:các|những|toàn thể)\s+", "", piece, flags=re.IGNORECASE)
        for h in sorted(_table()["bodies"]["honorifics"], key=len, reverse=True):
            piece = re.sub(r"^" + re.escape(h) + r"\s+", "", piece, flags=re.IGNORECASE)
        piece = re.sub(r"^(?:các|những)\s+", "", piece, flags=re.IGNORECASE)
        if piece:
            out.append((piece, s))
    # A role shared by a list: "người đứng đầu các cơ quan, đơn vị", "Bí thư các huyện ủy, thành ủy".
    shared = None
    distributed: list[tuple[str, str]] = []
    for piece, s in out:
        m = re.match(
            r"^(người đứng đầu|bí thư|thủ trưởng|lãnh đạo chủ chốt|ban thường vụ|thường trực)\s+các\s+(.+)$|"
            r"^(người đứng đầu|bí thư|thủ trưởng|lãnh đạo chủ chốt)\s+(.+)$",
            piece,
            re.IGNORECASE,
        )
        if m and m.group(1) is None:
            m = re.match(
                r"^(người đứng đầu|bí thư|thủ trưởng|lãnh đạo chủ chốt)\s+(.+)$", piece, re.IGNORECASE
            )
        if m:
            shared = m.group(1)
            piece = f"{m.group(1)} {m.group(2)}"
        elif shared and s == "," and piece[:1].islower():
            piece = f"{shared} {piece}"
        else:
            shared = None
        distributed.append((piece, s))
    out = distributed
    # A locality shared by a coordinated pair: "Ủy ban MTTQ và các đoàn thể tỉnh".
    locs = sorted(_table()["locality"]["words"], key=len, reverse=True)
    names = [p for p, _ in out]
    for i in range(len(out) - 1, 0, -1):
        if out[i][1] != "và":
            continue
        loc = next((w for w in locs if re.search(r"\s" + re.escape(w) + r"$", names[i])), None)
        own = [*locs, "Tỉnh ủy", "Trung ương", "Thành ủy"]
        if (
            loc
            and not any(re.search(r"\s" + re.escape(w) + r"$", names[i - 1]) for w in own)
            and len(names[i - 1].split()) > 1
        ):
            names[i - 1] = f"{names[i - 1]} {loc}"
    # Provincial mass organisations listed beside "… tỉnh" bodies are the province's too.
    if any(re.search(r"\stỉnh$", n) for n in names):
        mass = [lower_vn(x) for x in _table()["locality"].get("provincial_organisations", [])]
        names = [f"{n} tỉnh" if lower_vn(n) in mass else n for n in names]
    # Renames compare names with abbreviations spelled out: "Đảng đoàn MTTQ" is "Đảng đoàn Mặt trận Tổ quốc".
    out_names = []
    for n in names:
        full = _expand(n)
        low = lower_vn(full)
        for k, v in _renames().items():
            if low == k or low.startswith(k + " "):
                n = v + full[len(k) :]
                break
        out_names.append(n)
    return out_names


@cache
def _renames() -> dict[str, str]:
    return {lower_vn(_expand(k)): v for k, v in _table().get("renames", {}).items()}


def parse_subject(text: str) -> tuple[list[str], int]:
    """(bodies, end offset) of the subject that opens `text`; ([], 0) when it opens with no body."""
    end = subject_end(text)
    subj = text[:end].strip(" ,;:")
    if not subj or len(subj) > 300:
        return [], 0
    names = split_bodies(subj)
    if not names or not all(starts_with_head(n) for n in names):
        return [], 0
    return names, end


def is_generic(subject_text: str) -> bool:
    """'các cấp ủy, tổ chức đảng', 'cấp ủy, chính quyền, mặt trận và các đoàn thể': everyone, so no one."""
    low = lower_vn(subject_text).strip(" ,;:")
    if any(
        low == lower_vn(g) or low.startswith(lower_vn(g) + " các cấp") for g in _table()["bodies"]["generic"]
    ):
        return True
    kinds = {lower_vn(x) for x in _table()["bodies"]["generic_items"]}
    items = [re.sub(r"\s+các cấp$", "", lower_vn(n)) for n in split_bodies(subject_text)]
    return bool(items) and all(i in kinds for i in items)


def canonical_name(name: str) -> str:
    """A body's name with abbreviations expanded, modern tones, misspellings read, spaces tidied."""
    return read_name(name)[0]


@lru_cache(maxsize=1 << 16)
def read_name(name: str) -> tuple[str, tuple[Correction, ...]]:
    """(canonical name, corrections): 'BAN TUYỂN GIÁO TỈNH ỦY' -> 'Ban Tuyên giáo Tỉnh ủy', with the
    correction "'TUYỂN GIÁO' read as 'Tuyên giáo' (score 100)" for the caller to report."""
    s, corrections = tables.body_vocabulary().read(modern_tones(name.strip()))
    if s.isupper():
        s = _title_case(s)
    s = _expand(s)
    # "huyện ủy" (any district committee) stays lower case; "Huyện ủy Việt Yên" is written so.
    return re.sub(r"\s+", " ", s).strip(" ,.;:"), corrections


@cache
def _abbreviations_re() -> tuple[re.Pattern, dict[str, str]]:
    table = _table()["abbreviations"]
    alt = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alt + r")(?![\w])"), table


def _expand(s: str) -> str:
    """'Sở TT&TT' -> 'Sở Thông tin và Truyền thông'."""
    rx, table = _abbreviations_re()
    return rx.sub(lambda m: table[m.group(0)], s)


_KEEP_UPPER = {"tỉnh ủy": "Tỉnh ủy", "ubnd": "UBND", "hđnd": "HĐND"}


def _title_case(s: str) -> str:
    """'BAN TUYÊN GIÁO TỈNH ỦY' -> 'Ban Tuyên giáo Tỉnh ủy', using known names where possible."""
    low = lower_vn(s)
    for b in tables.bodies():
        for a in (b.name, *b.aliases):
            if lower_vn(a) == low:
                return a
    words = low.split()
    out = [words[0].capitalize(), *words[1:]]
    text = " ".join(out)
    text = re.sub(r"\btỉnh ủy\b", "Tỉnh ủy", text)
    text = re.sub(
        r"\b(tuyên giáo|tổ chức|dân vận|nội chính|kiểm tra|kinh tế)\b",
        lambda m: m.group(1).capitalize(),
        text,
    )
    text = re.sub(r"\b(tỉnh đoàn)\b", "Tỉnh đoàn", text)
    text = re.sub(r"\bubnd\b", "UBND", text)
    text = re.sub(r"\bthường vụ\b", "Thường vụ", text)
    text = re.sub(r"\bchính trị tỉnh\b", "Chính trị tỉnh", text)
    return text
