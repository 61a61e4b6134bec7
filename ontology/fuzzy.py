"""Misspelled names read as the closest entry of a vocabulary, within a few typed characters.

The tables hold the language, not the corpus: a name written with an OCR or typing slip
("BAN TUYỂN GIÁO", "BAN CÁNSỰ ĐẢNG", "Thế loại văn bản") gets no alias of its own. It is read
as the vocabulary entry it is closest to, and the reading is reported as a `Correction`.

Closeness is the Levenshtein distance (rapidfuzz) between diacritic-folded forms, and the
allowance grows with the length of what is read (`max_edits`): nothing under 8 folded
characters, one character under 20, two from 20 up. So "ban cansu dang" is read as "ban cán sự
đảng" (one in 14) and "Ban Bí thư Trung ươg Đản" as "Ban Bí thư Trung ương Đảng" (two in 24),
but "Sở Ngoại vụ" is never "Sở Nội vụ" (two in 11), "Trung ương Đoàn" never "Trung ương Đảng"
(two in 15), "Huyện ủy" never "Tỉnh ủy", "Ban Dân vận" never "Ban Tuyên giáo". Numbers must be
equal ("Ban Chỉ đạo 35" is not "Ban Chỉ đạo 36"), no word's first letter may change ("huyện Tuy
Phước" is not "Huyện ủy Phước"), and a text as close to two entries is not read.

Pure and without import-time work; a `Vocabulary` caches what it read, per distinct string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

KIND = "fuzzy-correction"

# Folded length from which one, then two, typed characters may differ.
ONE_EDIT_FROM = 8
TWO_EDITS_FROM = 20

# Distinct strings remembered per vocabulary (then forgotten all at once).
CACHE_SIZE = 1 << 16

_WORD_RE = re.compile(r"\w+")
_NUMBER_RE = re.compile(r"^(?:\d+|[ivxl]+)$")


def _fold_char(c: str) -> str:
    low = c.lower()
    if low == "đ":
        return "d"
    base = "".join(x for x in unicodedata.normalize("NFD", low) if not unicodedata.combining(x))
    return base if len(base) == 1 else c


class _FoldTable(dict[int, str]):
    """`str.translate`'s table for `fold_aligned`, filled the first time a character is seen:
    translating in C costs a tenth of folding each character in Python."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_aligned(text: str) -> str:
    """Lowercase, no diacritics, đ->d, one character for each character of `text` (NFC)."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)


def fold(text: str | None) -> str:
    """'Ban Tuyên giáo  Tỉnh uỷ' -> 'ban tuyen giao tinh uy' (the loaders' fold, without importing it)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text).lower().replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@cache
def _rapidfuzz() -> tuple[Any, Any, Any]:
    """rapidfuzz's fuzz, process and Levenshtein, imported on first use (not at import time)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    return fuzz, process, Levenshtein


def max_edits(length: int) -> int:
    """How many characters may differ in a folded text of this length."""
    if length < ONE_EDIT_FROM:
        return 0
    return 1 if length < TWO_EDITS_FROM else 2


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(unicodedata.normalize("NFC", text))]


def _numbers(folded: str) -> list[str]:
    return [w for w in folded.split() if _NUMBER_RE.match(w)]


# The tone marks (grave, acute, tilde, hook, dot below): the marks a slip most often gets wrong.
# The others (circumflex, breve, horn) make letters of their own: 'ô', 'ư', 'ơ'.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_MARKED = frozenset("âăêôơưđ")


def _without_tones(text: str) -> str:
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text) if c not in _TONES)
    )


def _letters_agree(written: str, match: Match) -> bool:
    """A text written with the letters of Vietnamese ('Cục Trồng trọt') is read as an entry only
    within the allowance on those letters too, tones aside: 'trồng' is no slip of 'trưởng'
    ('trong'/'truong' folded are one apart; 'trông'/'trương', two). A text without them (folded
    by its writer, 'Ban Tuyen giao') is judged on folded letters alone."""
    a = _without_tones(written.lower())
    if match.exact or not _MARKED.intersection(a):
        return True
    b = _without_tones(match.entry.lower())
    return _rapidfuzz()[2].distance(a, b) <= max_edits(len(fold(written)))


def _first_letter(text: str, i: int) -> bool:
    return i < len(text) and text[i] != " " and (i == 0 or text[i - 1] == " ")


def _edits_a_first_letter(ops: Iterable[tuple[str, int, int]], key: str, entry: str) -> bool:
    """Does reading `key` as `entry` add, drop or change the first letter of a word? A slip of
    typing or OCR sits inside a word or between two ('ươg', 'Đản', 'CÁNSỰ'); a word that begins
    otherwise is another word: "huyện Tuy Phước" is no "Huyện ủy Phước", "Kỳ Sơn" no "ủy Sơn"."""
    for tag, src, dst in ops:
        if tag == "insert" and _first_letter(entry, dst):
            return True
        if tag != "insert" and _first_letter(key, src):
            return True
    return False


# Glyphs OCR reads in place of a capital letter of a code: two letters for one ('VV' for 'W'), a
# figure for the letter it looks like.
CODE_GLYPHS = (("VV", "W"), ("0", "O"), ("1", "I"), ("5", "S"))


def read_code(written: str, codes: Iterable[str]) -> str | None:
    """The code of `codes` that `written`, a code none of them spells, is a misreading of: the one
    its glyphs spell once read as the letters they look like ('TVV' -> 'TW', CODE_GLYPHS). None
    otherwise: a code one letter from a known one is mostly a real one of its own (a local Party
    committee's 'ĐUQS' or 'ĐUBP' is no 'ĐUQH' or 'ĐUCP'), so no edit distance reads it."""
    known = {c.upper(): c for c in codes}
    up = written.upper()
    if up in known:
        return None  # spelt: nothing to read
    glyphs = up
    for seen, letter in CODE_GLYPHS:
        glyphs = glyphs.replace(seen, letter)
    return known[glyphs] if glyphs != up and glyphs in known else None


@dataclass(frozen=True)
class Correction:
    """A text read as a vocabulary entry it does not spell exactly."""

    written: str
    canonical: str
    score: int

    kind = KIND

    @property
    def message(self) -> str:
        return f"'{self.written}' read as '{self.canonical}' (score {self.score})"

    def issue(self, line: int | None) -> dict:
        """The fields of an Issue but the file: `Issue(file, **c.issue(line))`."""
        return {"line": line, "kind": self.kind, "message": self.message}


@dataclass(frozen=True)
class Match:
    entry: str  # the vocabulary entry as the table writes it
    score: int  # fuzz.ratio of the folded forms, 100 when they are equal
    exact: bool  # the folded forms are equal (only diacritics or case may differ)


def _recase(written: str, entry: str) -> str:
    """`entry` written in the case of `written`: 'TRƯỞNG CHÍNH TRỊ' + 'trường chính trị' -> 'TRƯỜNG CHÍNH TRỊ'."""
    if len(written) == len(entry) and fold_aligned(written) == fold_aligned(entry):
        return "".join(e.upper() if w.isupper() else e.lower() for w, e in zip(written, entry, strict=True))
    letters = [c for c in written if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return entry.upper()
    if written[:1].isupper():
        return entry[:1].upper() + entry[1:]
    return entry


class Vocabulary:
    """The written forms a table knows, looked up exactly on folded text, else fuzzily."""

    def __init__(self, entries: Iterable[str], kept: Iterable[str] = ()):
        # words spelt as written, never read for their diacritics: 'trưởng bản' (a village's head)
        # folds as 'trưởng ban' does, and is none
        self._kept = frozenset(w for k in kept for w in _words(k))
        self._by_fold: dict[str, str] = {}
        # the entries by their words as spelt: of two that fold alike ('Quận ủy', 'Quân ủy'), the
        # one written is read as itself
        self._by_words: dict[tuple[str, ...], str] = {}
        for e in entries:
            key = " ".join(fold(w) for w in _WORD_RE.findall(e))
            if key:
                self._by_fold.setdefault(key, e)
                self._by_words.setdefault(tuple(_words(e)), e)
        self._choices = list(self._by_fold)
        self._words = {w for k in self._choices for w in k.split()}
        self._longest = max((len(k.split()) for k in self._choices), default=0)
        self._closest: dict[str, Match | None] = {}
        self._found: dict[str, Match | None] = {}
        self._read: dict[str, tuple[str, tuple[tuple[int, int, str], ...], tuple[Correction, ...]]] = {}

    @staticmethod
    def _key(text: str) -> str:
        return " ".join(fold(w) for w in _WORD_RE.findall(text))

    def closest(self, text: str) -> Match | None:
        """The entry `text` spells, or is within `max_edits` of (and closer to than to any other)."""
        if text not in self._closest:
            if len(self._closest) >= CACHE_SIZE:
                self._closest.clear()
            self._closest[text] = self._find(self._key(text))
        return self._closest[text]

    def _find(self, key: str) -> Match | None:
        """The entry a folded key spells or nearly spells; remembered per key, since `_reading`
        asks again for the same runs of words."""
        if key not in self._found:
            if len(self._found) >= CACHE_SIZE:
                self._found.clear()
            self._found[key] = self._search(key)
        return self._found[key]

    def _search(self, key: str) -> Match | None:
        fuzz, process, Levenshtein = _rapidfuzz()
        if not key:
            return None
        if key in self._by_fold:
            return Match(self._by_fold[key], 100, True)
        k = max_edits(len(key))
        if k == 0:
            return None
        found = process.extract(key, self._choices, scorer=Levenshtein.distance, score_cutoff=k, limit=2)
        if not found:
            return None
        best, dist, _ = found[0]
        if len(found) > 1 and found[1][1] == dist and self._by_fold[found[1][0]] != self._by_fold[best]:
            return None  # as close to two entries: no reading
        if _numbers(key) != _numbers(best) or _edits_a_first_letter(
            Levenshtein.editops(key, best), key, best
        ):
            return None
        return Match(self._by_fold[best], round(fuzz.ratio(key, best)), False)

    def read(self, text: str) -> tuple[str, tuple[Correction, ...]]:
        """`text` with every misspelled run of words replaced by the entry it spells.

        Runs of words are looked up, longest first from each word: runs of two words or more
        exactly on folded text (then only the diacritics may be wrong: 'TRƯỞNG CHÍNH TRỊ'), else
        fuzzily any run holding a word the vocabulary does not know ('CÁNSỰ ĐẢNG', a glued
        'TUYÊNGIÁO'). A single known word is never read for its diacritics: too many Vietnamese
        syllables fold alike ('trưởng'/'trường', 'đảng'/'đang').
        """
        read, _, corrections = self._reading(text)
        return read, corrections

    def spans(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, entry) of the runs of `text` that spell (or nearly spell) an entry."""
        return self._reading(text)[1]

    def _reading(self, text: str):
        if text in self._read:
            return self._read[text]
        words = list(_WORD_RE.finditer(text))
        keys = [fold(m.group(0)) for m in words]
        out: list[str] = []
        spans: list[tuple[int, int, str]] = []
        corrections: list[Correction] = []
        pos = 0
        i = 0
        while i < len(words):
            hit: tuple[int, Match] | None = None
            longest = min(self._longest + 1, len(words) - i)
            for n in range(longest, 1, -1):
                known = self._by_fold.get(" ".join(keys[i : i + n]))
                if known is not None:
                    spelt = tuple(w.group(0).lower() for w in words[i : i + n])
                    known = self._by_words.get(spelt, known)
                    if self._kept and any(
                        w in self._kept and w != e for w, e in zip(spelt, _words(known), strict=False)
                    ):
                        continue  # a kept word would be respelt: 'trưởng bản' is no 'trưởng ban'
                    hit = (n, Match(known, 100, True))
                    break
            if hit is None:
                for n in range(longest, 0, -1):
                    if all(k in self._words for k in keys[i : i + n]):
                        continue
                    found = self._find(" ".join(keys[i : i + n]))
                    if found is not None and _letters_agree(
                        text[words[i].start() : words[i + n - 1].end()], found
                    ):
                        hit = (n, found)
                        break
            if hit is None:
                i += 1
                continue
            n, m = hit
            start, end = words[i].start(), words[i + n - 1].end()
            written = text[start:end]
            spans.append((start, end, m.entry))
            if not m.exact or _words(written) != _words(m.entry):
                out += [text[pos:start], _recase(written, m.entry)]
                pos = end
                corrections.append(Correction(written, m.entry, m.score))
            i += n
        out.append(text[pos:])
        result = ("".join(out), tuple(spans), tuple(corrections))
        if len(self._read) >= CACHE_SIZE:
            self._read.clear()
        self._read[text] = result
        return result
