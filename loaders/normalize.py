"""Text normalisation shared by every stage: Unicode, tone placement, invisible characters.

Every function keeps one line as one line, so line numbers of the source stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from vbgraph.loaders.memo import CACHED_LEN, text_cache

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


def _old_tone_re() -> re.Pattern[str]:
    """'o' or 'u' in either case, then a vowel with a tone mark that some old placement puts
    after it; no 'q' before, no letter after. A character class opens the pattern, so the regex
    engine skips to the next 'o' or 'u' instead of trying a case-insensitive alternation at every
    character (four times faster). A pair no placement has ('oý') is matched too and left as it is
    (`modern_tones`): its tone vowel opens no other match, so the replacements are the same."""
    seconds = "".join(sorted({k[1] for k in _OLD_TONE}))
    return re.compile(rf"[oOuU][{seconds}{seconds.upper()}](?<![qQ]..)(?![^\W\d_])")


_OLD_TONE_RE = _old_tone_re()

# Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen, word joiner.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Spaces that look like spaces: NBSP, figure/narrow spaces, ideographic space.
# Every other blank (NBSP, thin and figure spaces, ideographic space, \v, \f, \x85, U+2028 …) is a
# space: patterns then see one kind of blank, and no rare one survives to backtrack on.
_SPACES_RE = re.compile(r"[^\S\n\t ]")  # the ordinary space is one already: not rewritten


def _keep_case(src: str, dst: str) -> str:
    return "".join(d.upper() if s.isupper() else d for s, d in zip(src, dst, strict=True))


def _modern(m: re.Match[str]) -> str:
    old = m.group(0)
    new = _OLD_TONE.get(old.lower())
    return old if new is None else _keep_case(old, new)


def modern_tones(text: str) -> str:
    """'Tỉnh uỷ' -> 'Tỉnh ủy'; 'quý' is left alone."""
    return _OLD_TONE_RE.sub(_modern, text)


# Hyphens, dashes and slashes of other code points (Word's non-breaking hyphen U+2011, the minus sign,
# fullwidth forms, an em dash, a division slash) as the two dashes and the slash the patterns know:
# "12‑KH/TU" is 12-KH/TU, "56—KH/TU" 56–KH/TU.
_ODD_MARKS = {
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2043\u2212\ufe63\uff0d"), "-"),
    **dict.fromkeys(map(ord, "\u2014\u2015\ufe58"), "–"),
    **dict.fromkeys(map(ord, "\uff0f\u2215\u2044\u29f8"), "/"),
}
_ODD_MARKS_RE = re.compile("[" + "".join(map(chr, _ODD_MARKS)) + "]")


# The Icelandic eth (U+00D0, U+00F0) looks like Vietnamese Đ/đ (U+0110, U+0111) and no Vietnamese text
# holds it: OCR and some fonts write one for the other ("09-NQ/ÐU"), sometimes after the right one as
# well ("QĐÐ/TW" for QĐ/TW). Legacy fonts that use its code point are decoded before this.
_ETH_RE = re.compile("Đ?Ð|đ?ð")


def _eth(m: re.Match[str]) -> str:
    return "Đ" if m.group(0)[-1] == "Ð" else "đ"


def normalize_text(text: str) -> str:
    """NFC, modern tones, no invisible characters, ordinary spaces, dashes and slashes, Đ for its
    look-alike. Keeps line breaks."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    if _ODD_MARKS_RE.search(text):
        text = text.translate(_ODD_MARKS)
    if "Ð" in text or "ð" in text:
        text = _ETH_RE.sub(_eth, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES_RE.sub(" ", text)
    return modern_tones(text)


_MARKDOWN_RE = re.compile(r"</?(?:i|b|u|em|strong|br|sup|sub)\s*/?>|\*+|_{2,}|`+", re.IGNORECASE)
_HEADING_RE = re.compile(r"^\s*#{1,6}\s*")
_RUN_OF_SPACES_RE = re.compile(r"[ ]{2,}")
_SEGMENT_SPLIT_RE = re.compile(r"\*{1,}|</?(?:i|b)>|\s\|\s|^\s*\||\|\s*$")
_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")


def strip_markup(line: str) -> str:
    """Remove markdown emphasis, headings and simple HTML tags; collapse spaces (not tabs)."""
    if not _has_markup(line):
        return line.strip(" ")  # nothing for the patterns below to remove: most lines
    line = _HEADING_RE.sub("", line)
    line = _HEADING_RE.sub("", line)
    line = _MARKDOWN_RE.sub("", line)
    line = _RUN_OF_SPACES_RE.sub(" ", line)
    return line.strip(" ")


def _has_markup(line: str) -> bool:
    """Can `strip_markup`'s patterns change `line`? Each needs '#', '<', '*', '_', '`' or two spaces
    (substring tests: faster than running the three patterns)."""
    return "  " in line or "#" in line or "*" in line or "<" in line or "_" in line or "`" in line


def segments(line: str) -> list[str]:
    """Split a header line on its markdown runs and table cells: OCR often glues header parts with
    '**', and a flattened header table puts body and motto in one row 'ỦY BAN NHÂN DÂN | CỘNG HÒA …'."""
    return list(_segments(line))


@text_cache(maxsize=1 << 14)
def _segments(line: str) -> tuple[str, ...]:
    line = _HEADING_RE.sub("", line)
    # every cut is at a '*', a tag's '<' or a '|': a line without them is one part
    parts = _SEGMENT_SPLIT_RE.split(line) if "*" in line or "<" in line or "|" in line else [line]
    return tuple(" ".join(p.split()) for p in parts if p and p.strip(" \t*|"))


def _lower_vn(text: str) -> str:
    # " ".join(s.split()) is re.sub(r"\s+", " ", s).strip(): both blanks are str.isspace().
    return " ".join(modern_tones(unicodedata.normalize("NFC", text)).lower().split())


_lower_vn_cached = lru_cache(maxsize=1 << 16)(_lower_vn)


def lower_vn(text: str | None) -> str:
    """Lowercase with diacritics kept (NFC, modern tones, single spaces): for cue phrases,
    where 'sơ kết' (review) must not match 'số kết quả' nor 'đang' match 'Đảng'.
    Pure, and called on the same words and windows again and again: short texts are cached."""
    if not text:
        return ""
    return _lower_vn_cached(text) if len(text) <= CACHED_LEN else _lower_vn(text)


@lru_cache(maxsize=1 << 16)
def fold(text: str | None) -> str:
    """Lowercase, no diacritics, đ->d, single spaces: for search and loose comparison."""
    if not text:
        return ""
    text = modern_tones(unicodedata.normalize("NFC", text)).lower().replace("đ", "d")
    text = _LATIN_MARKS_RE.sub("", unicodedata.normalize("NFKD", text))  # all of Vietnamese's marks
    if not text.isascii():  # marks of other scripts: asked of the few characters past U+02FF only
        text = _PAST_LATIN_RE.sub(lambda m: "" if unicodedata.combining(m.group()) else m.group(), text)
    return " ".join(text.split())


# The combining diacritical marks (those of U+0300–U+036F with a combining class) are removed at
# C speed; any other character past U+02FF is tested one by one (the result is the same).
_LATIN_MARKS_RE = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]"
)
_PAST_LATIN_RE = re.compile("[^\x00-\u02ff]")


def slug(text: str | None) -> str:
    """ASCII slug: 'Ban Tuyên giáo Tỉnh ủy' -> 'ban-tuyen-giao-tinh-uy'."""
    return _NOT_SLUG_RE.sub("-", fold(text)).strip("-")


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
    letters = list(filter(str.isalpha, s))
    return bool(letters) and all(map(str.isupper, letters))


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
    if len(words) > 200:  # a whole text: each distinct word is looked at once
        noisy = sum(n for w, n in Counter(words).items() if tone_marks(w) > 1)
    else:
        noisy = sum(1 for w in words if tone_marks(w) > 1)
    return noisy / len(words)
