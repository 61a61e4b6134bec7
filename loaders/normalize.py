"""Text normalisation shared by every stage: Unicode, tone placement, invisible characters.

Every function keeps one line as one line, so line numbers of the source stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement in open syllables ("uỷ", "hoà") -> modern placement ("ủy", "hòa").
_OLD_TONE = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE) + r")(?![^\W\d_])", re.IGNORECASE)

# Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen, word joiner.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Spaces that look like spaces: NBSP, figure/narrow spaces, ideographic space.
# Every other blank (NBSP, thin and figure spaces, ideographic space, \v, \f, \x85, U+2028 …) is a
# space: patterns then see one kind of blank, and no rare one survives to backtrack on.
_SPACES_RE = re.compile(r"[^\S\n\t]")


def _keep_case(src: str, dst: str) -> str:
    return "".join(d.upper() if s.isupper() else d for s, d in zip(src, dst, strict=True))


def modern_tones(text: str) -> str:
    """'Tỉnh uỷ' -> 'Tỉnh ủy'; 'quý' is left alone."""
    return _OLD_TONE_RE.sub(lambda m: _keep_case(m.group(0), _OLD_TONE[m.group(0).lower()]), text)


def normalize_text(text: str) -> str:
    """NFC, modern tones, no invisible characters, ordinary spaces. Keeps line breaks."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES_RE.sub(" ", text)
    return modern_tones(text)


_MARKDOWN_RE = re.compile(r"</?(?:i|b|u|em|strong|br|sup|sub)\s*/?>|\*+|_{2,}|`+", re.IGNORECASE)
_HEADING_RE = re.compile(r"^\s*#{1,6}\s*")


def strip_markup(line: str) -> str:
    """Remove markdown emphasis, headings and simple HTML tags; collapse spaces (not tabs)."""
    line = _HEADING_RE.sub("", line)
    line = _MARKDOWN_RE.sub("", line)
    line = re.sub(r"[ ]{2,}", " ", line)
    return line.strip(" ")


def segments(line: str) -> list[str]:
    """Split a header line on its markdown runs and table cells: OCR often glues header parts with
    '**', and a flattened header table puts body and motto in one row 'ỦY BAN NHÂN DÂN | CỘNG HÒA …'."""
    line = _HEADING_RE.sub("", line)
    parts = re.split(r"\*{1,}|</?(?:i|b)>|\s\|\s|^\s*\||\|\s*$", line)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p and p.strip(" \t*|")]


def lower_vn(text: str | None) -> str:
    """Lowercase with diacritics kept (NFC, modern tones, single spaces): for cue phrases,
    where 'sơ kết' (review) must not match 'số kết quả' nor 'đang' match 'Đảng'."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", modern_tones(unicodedata.normalize("NFC", text)).lower()).strip()


@lru_cache(maxsize=1 << 16)
def fold(text: str | None) -> str:
    """Lowercase, no diacritics, đ->d, single spaces: for search and loose comparison."""
    if not text:
        return ""
    text = modern_tones(unicodedata.normalize("NFC", text)).lower().replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str | None) -> str:
    """ASCII slug: 'Ban Tuyên giáo Tỉnh ủy' -> 'ban-tuyen-giao-tinh-uy'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def tokens(text: str | None) -> set[str]:
    return {t for t in slug(text).split("-") if t}


def containment(a: str | None, b: str | None) -> float:
    """Share of the smaller token set found in the other: tolerant of one side being longer."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def is_upper_text(s: str) -> bool:
    """True for a heading written in capitals ('TỈNH ỦY BẮC GIANG'), ignoring digits/punctuation."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN[c]
        total += -v if i + 1 < len(s) and ROMAN[s[i + 1]] > v else v
    return total


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


# Share of words with two tone marks above which a text's diacritics are not trusted.
NOISY = 0.05


@lru_cache(maxsize=1 << 16)
def tone_marks(word: str) -> int:
    """How many tone marks a word carries; a Vietnamese syllable carries at most one."""
    return sum(c in _TONE_MARKS for c in unicodedata.normalize("NFD", word))


def tone_noise(text: str) -> float:
    """Share of words with more than one tone mark: a high share means scrambled diacritics
    (anti-scraping filters, bad OCR), and cue words must then be matched without diacritics."""
    words = text.split()
    if not words:
        return 0.0
    return sum(1 for w in words if tone_marks(w) > 1) / len(words)
