"""Clean the noise that web scrapers and PDF text layers leave in a file, line by line.

Why the stage exists: every later stage (segment, find references, obligations) matches words
and symbols, and trips on the same few kinds of noise: literal "\\r\\n" escapes, "|" table-cell
separators, words glued together ("tạiTờ trình", "70-TB/TWngày", "ngày26/11/2003") and
letter-spaced capitals from PDF headings ("K ÉT LUẬN"). Cleaning them once here keeps the
matchers simple.

Every rule is general (letter case, digits, Vietnamese syllable shape) apart from two small
closed word sets in ``ontology/clean.toml``. The stage keeps one line as one line, so evidence
line numbers stay valid, and it is idempotent: ``clean_lines(clean_lines(x)) == clean_lines(x)``.
Every regex here runs in linear time: no nested or adjacent quantifiers over overlapping classes.

Examples
--------
>>> clean_text("Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 tạiTờ trình")
'Căn cứ Thông báo số 70-TB/TW ngày 06 tháng 01 năm 2012 tại Tờ trình'
>>> clean_lines(["\\\\r\\\\n Số: 54/KH-UBND \\\\r\\\\n | ", " | | ", "K ÉT LUẬN"])
['Số: 54/KH-UBND', '', 'KÉT LUẬN']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

# --- the word table -------------------------------------------------------------------------------


def _load(name: str) -> dict:
    from vbgraph.ontology.tables import load

    return load(name)


@cache
def function_words() -> frozenset[str]:
    """Words split off an issuer code glued to them ('TWngày' -> 'TW ngày')."""
    return frozenset(_load("clean.toml")["function_words"]["words"])


@cache
def lead_words() -> frozenset[str]:
    """Words split off a number glued to them ('ngày26' -> 'ngày 26'), lowercase and capitalised."""
    words = _load("clean.toml")["lead_words"]["words"]
    return frozenset(w for word in words for w in (word, word[:1].upper() + word[1:]))


# --- letters and syllables ------------------------------------------------------------------------


def _is_vowel(c: str) -> bool:
    """a ă â e ê i o ô ơ u ư y with or without a tone mark, either case."""
    return unicodedata.normalize("NFD", c.lower())[:1] in {"a", "e", "i", "o", "u", "y"}


def _has_vietnamese(s: str) -> bool:
    """A letter outside ASCII: a Vietnamese word, not a brand or a code ('IoT', 'VietGAP')."""
    return any(c.isalpha() and not c.isascii() for c in s)


@cache
def _syllable_re() -> re.Pattern[str]:
    """One lowercase Vietnamese syllable: onset, 1-3 vowels, coda (all bounded)."""
    vowels = "".join(
        c
        for c in map(chr, [*range(0x61, 0x7B), *range(0xE0, 0x250), *range(0x1EA0, 0x1F00)])
        if c.isalpha() and c.islower() and _is_vowel(c)
    )
    onset = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    return re.compile(onset + f"[{vowels}]{{1,3}}" + r"(?:ng|nh|ch|[cmnpt])?")


# --- 1. literal escapes ---------------------------------------------------------------------------

# Why: scrapers write the page's line breaks as the characters "\r\n", which glue words together.
# The lookbehind makes a match start only at the first backslash of a run (linear time).
_ESCAPE_RE = re.compile(r"(?<!\\)\\+(?:r\\+n|[nrt])")


def escapes(line: str) -> str:
    r"""Literal '\r\n', '\n', '\r', '\t' (backslash + letter) -> one space."""
    return _ESCAPE_RE.sub(" ", line) if "\\" in line else line


# --- 2. table-cell separators ---------------------------------------------------------------------

# Why: HTML tables flattened to text leave "|" between cells; alone on a line they are noise,
# between two cells they mark where one header cell ends (a later stage splits on " | ").


def cells(line: str) -> str:
    """'| |' -> ''; a leading or trailing '|' goes; 'a|b' -> 'a | b' ("spaces" then collapses)."""
    if "|" not in line:
        return line
    if not line.strip(" \t|"):
        return ""
    return line.strip(" |").replace("|", " | ")


# --- 2b. tabs around a list's number -------------------------------------------------------------

# Why: Word's "Save as Plain Text" writes an automatic number and its text apart by a tab ("1.<TAB>Ban
# Tuyên giáo …") and indents with tabs ("<TAB>1. …"); a line with a tab is a table's row to the later
# stages, so such a point and its task were lost. A line with more cells stays a row.
_MARKER_TAB_RE = re.compile(r"[ \t]*((?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-zđ]|[IVXL]{1,6})[.)]|[-+•–])[ \t]+")


def tabs(line: str) -> str:
    """'1.<TAB>Ban …', '<TAB>1. Ban …' -> '1. Ban …' when no other tab follows: a point, not a row."""
    if "\t" not in line:
        return line
    m = _MARKER_TAB_RE.match(line)
    if m is None or "\t" in line[m.end() :] or "\t" not in line[: m.end()]:
        return line
    return f"{m.group(1)} {line[m.end() :]}"


# --- 6. spaces (run before the word rules, which expect single spaces) ----------------------------

# Why: escapes, cell separators and PDF layout leave runs of spaces; later stages split on " ".
_SPACES_RE = re.compile(r" {2,}")


def spaces(line: str) -> str:
    """Runs of spaces -> one space; no spaces at the ends. Tabs (table cells) are kept."""
    return _SPACES_RE.sub(" ", line).strip(" ") if "  " in line else line.strip(" ")


# --- 6b. figures a scan misread ---------------------------------------------------------------------

# Why: OCR reads a figure as the letter it looks like ('3O/4/2O24', 'Quý Il/2024', 'Quý 11/2024',
# 'Quý H/2024'); a date or quarter that no longer matches loses a task its time, and a point outside
# an implementing section that needs one, the task. Only where the shape is a date's or a quarter's.
_OCR_DATE_RE = re.compile(r"(?<![\w/])([0-9OoIl]{1,2})([/.-])([0-9OoIl]{1,2})\2([0-9OoIl]{4})(?![\w/])")
_OCR_QUARTER_RE = re.compile(r"(?<!\w)([Qq]uý|QUÝ)\s+([IlL1|H]{1,3}|[IlL1|]?V)(?=\s*(?:/|năm\s|-)\s*\d)")
_DIGIT_OF = str.maketrans("OoIl", "0011")
_ROMAN_OF = str.maketrans({"l": "I", "L": "I", "1": "I", "|": "I", "H": "II"})


def _ocr_date(m: re.Match[str]) -> str:
    s = m.group(0)
    if sum(c.isdigit() for c in s) < 3 or not any(c in "OoIl" for c in s):
        return s
    return s.translate(_DIGIT_OF)


def _ocr_quarter(m: re.Match[str]) -> str:
    if m.group(2) == "1":
        return m.group(0)  # 'quý 1-2/2022', 'Quý 1/2024': a figure, as written
    roman = m.group(2).translate(_ROMAN_OF)
    return f"{m.group(1)} {roman}" if roman in ("I", "II", "III", "IV") else m.group(0)


# A point's number a scan misread with a speck before it read as a dash ('- 2. Các huyện ủy …'); a
# capital follows, as after a point's number.
_POINT_MISREAD_RE = re.compile(r"^-\s+(\d{1,2})\.\s+(?=[^\W\d_])")


def _point(line: str) -> str:
    m = _POINT_MISREAD_RE.match(line)
    if m is None or not line[m.end()].isupper():
        return line
    return f"{m.group(1)}. {line[m.end() :]}"


# A date in words a scan damaged ('ngày l5 tháng O4 nằm 2O22', 'ngảy 15 thảng 4'): three words of
# two to six letters, each before a number slot of figures or the letters a scan reads for them.
# Which words they are, and the figures, `_ocr_word_date` decides.
_OCR_WORD_DATE_RE = re.compile(
    r"(?<![^\W\d_])([^\W\d_]{2,6})\s+([0-9OoIlS|]{1,2})\s+([^\W\d_]{2,6})\s+([0-9OoIlS|]{1,2})"
    r"\s+([^\W\d_]{2,6})\s+([0-9OoIlS|]{4})(?![\w/])"
)
_DATE_WORDS = ("ngày", "tháng", "năm")
_SLOT_DIGIT_OF = str.maketrans("OoIl|S", "001115")
_SLOT_RANGES = ((1, 31), (1, 12), (1900, 2099))


def _date_word(written: str, word: str) -> bool:
    """A date word as a scan may give it: its letters without their marks ('nằm', 'ngảy', 'thảng'
    for năm, ngày, tháng), or one letter misread past the first ('thang' -> 'tbang')."""
    from rapidfuzz.distance import Levenshtein

    from vbgraph.loaders.normalize import fold

    got, want = fold(written), fold(word)
    return got == want or (got[:1] == want[:1] and Levenshtein.distance(got, want, score_cutoff=1) <= 1)


def _ocr_word_date(m: re.Match[str]) -> str:
    """The date in words as written, its words and figures restored, when its three words are
    ngày, tháng, năm in order and its slots read as a day, a month and a year with three figures
    at least as written; else the match unchanged."""
    words, slots = m.group(1, 3, 5), m.group(2, 4, 6)
    if sum(c.isdigit() for c in "".join(slots)) < 3:
        return m.group(0)
    if not all(_date_word(w, d) for w, d in zip(words, _DATE_WORDS, strict=True)):
        return m.group(0)
    figures = [x.translate(_SLOT_DIGIT_OF) for x in slots]
    if not all(lo <= int(f) <= hi for f, (lo, hi) in zip(figures, _SLOT_RANGES, strict=True)):
        return m.group(0)
    spelt = [_spelt_as(w, d) for w, d in zip(words, _DATE_WORDS, strict=True)]
    return " ".join(f"{w} {f}" for w, f in zip(spelt, figures, strict=True))


def _spelt_as(written: str, word: str) -> str:
    """`word` in the case `written` has: 'NGÀY', 'Ngày', 'ngày'; without its marks when written
    without any ('ngay', 'tbang' -> 'thang'), as a text that lost its diacritics writes it."""
    if written.isascii():
        from vbgraph.loaders.normalize import fold

        word = fold(word)
    if written.isupper() and len(written) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def figures(line: str) -> str:
    """'3O/4/2O24' -> '30/4/2024', 'Quý Il/2024' -> 'Quý II/2024': a scan's letters for figures;
    'ngày l5 tháng 3 nằm 2O22' -> 'ngày 15 tháng 3 năm 2022': a date in words, its figures and its
    words (by their letters, not by a list of misreadings); '- 2. Các …' -> '2. Các …': a point's
    number."""
    if line[:1] == "-":
        line = _point(line)
    if "/" in line or "." in line or "-" in line:
        line = _OCR_DATE_RE.sub(_ocr_date, line)
    if _OCR_WORD_DATE_RE.search(line):
        line = _OCR_WORD_DATE_RE.sub(_ocr_word_date, line)
    if "uý" in line or "UÝ" in line:
        line = _OCR_QUARTER_RE.sub(_ocr_quarter, line)
    return line


# --- 3. glued words -------------------------------------------------------------------------------

# Why: HTML-to-text and PDF layers drop the space between inline elements ("tạiTờ trình",
# "70-TB/TWngày 06", "ngày26/11/2003"), so symbols, dates and cue phrases stop matching.
# A maximal run of letters (word characters that are neither digits nor "_").
_RUN_RE = re.compile(r"[^\W\d_]+")


def _is_code(word: str, start: int = 0) -> bool:
    """Starts with two capitals: an issuer code or abbreviation ('CTr', 'TTrSXD', 'QĐi', 'HĐND')."""
    pair = word[start : start + 2]
    return len(pair) == 2 and pair[0].isupper() and pair[1].isupper()


def _camel_split(left: str, right: str) -> bool:
    """Does a space belong between two case segments glued as 'left' + 'right'?

    'tạiTờ', 'phốHà', 'theoQuyết', 'đạoVÀ': yes. 'IoT' (one letter after), 'iPhone', 'VietGAP',
    'VpostCode' (ASCII brand names): no. 'theoBan' (ASCII but an all-lowercase word before a
    capitalised one): yes.
    """
    if len(right) < 2:
        return False
    if _has_vietnamese(left) or _has_vietnamese(right):
        return True
    return len(left) >= 2 and left.islower() and right[0].isupper() and right[1:].islower()


def _split_code_word(word: str) -> list[str]:
    """'TWngày' -> ['TW', 'ngày']: a run of 2+ capitals, then exactly one function word."""
    k = 0
    while k < len(word) and word[k].isupper():
        k += 1
    if k >= 2 and word[k:] in function_words():
        return [word[:k], word[k:]]
    return [word]


def _split_case(run: str) -> list[str]:
    """Split a letter run where a lowercase letter is followed by a capital (see _camel_split).

    A part that starts with two capitals is a code: nothing inside it is split by case, but a
    function word glued to its end is ('QĐ-UBNDvề' -> 'QĐ-UBND về').
    """
    bounds = [i for i in range(1, len(run)) if run[i - 1].islower() and run[i].isupper()]
    edges = [0, *bounds, len(run)]
    parts: list[str] = []
    start = 0
    for j in range(1, len(edges) - 1):
        left, right = run[edges[j - 1] : edges[j]], run[edges[j] : edges[j + 1]]
        if not _is_code(run, start) and _camel_split(left, right):
            parts.append(run[start : edges[j]])
            start = edges[j]
    parts.append(run[start:])
    return [w for part in parts for w in (_split_code_word(part) if _is_code(part) else [part])]


@lru_cache(maxsize=1 << 16)
def _split_case_cached(run: str) -> tuple[str, ...]:
    return tuple(_split_case(run))  # words repeat: a text has a few thousand distinct ones


def _glued(m: re.Match[str]) -> str:
    text, run = m.string, m.group(0)
    words = _split_case_cached(run)
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    out = " ".join(words)
    first, last = words[0], words[-1]
    # '100năm' -> '100 năm': a digit, then a lowercase Vietnamese word (not '30c', '09h', '5km').
    if (
        before.isdecimal()
        and len(first) >= 2
        and first.isalpha()
        and first.islower()
        and _has_vietnamese(first)
    ):
        out = " " + out
    # 'ngày26/11/2003' -> 'ngày 26/11/2003': a lead word, then a number.
    if after.isdecimal() and last in lead_words():
        out = out + " "
    return out


def glued(line: str) -> str:
    """Insert the missing space in glued words, by case and digit rules (see _glued)."""
    return _by_token(line, _glued_token)


# A letter next to a decimal digit: where `_glued` may add a space without a change of case.
_DIGIT_LETTER_RE = re.compile(r"\d[^\W\d_]|[^\W\d_]\d")


def _glued_token(token: str) -> str:
    # A token in one case ('12-NQ/TU', 'nhân') has no lower letter before a capital, nor a code
    # with a word glued to it: `_glued` can only space a letter run from a digit.
    if (token.isupper() or token.islower()) and not _DIGIT_LETTER_RE.search(token):
        return token
    return _RUN_RE.sub(_glued, token)


# Longest space-free token whose cleaning is remembered (`_by_token`).
_CACHED_TOKEN = 64


def _by_token(line: str, step: Callable[[str], str]) -> str:
    """`step` over each space-free token of `line`, remembered per token.

    Equal to `step(line)` for a word rule: its matches hold no space, and what it looks at around
    a match (a digit before or after, a word character) is never a space, so a space at a token's
    edge and the edge itself read alike. Words repeat, so most tokens are looked up, not read.
    """
    cached = _token_cache(step)
    tokens = line.split(" ")
    if max(map(len, tokens)) <= _CACHED_TOKEN:
        return " ".join(map(cached, tokens))
    return " ".join([cached(t) if len(t) <= _CACHED_TOKEN else step(t) for t in tokens])


@cache
def _token_cache(step: Callable[[str], str]) -> Callable[[str], str]:
    return lru_cache(maxsize=1 << 16)(step)


# --- 4. letter-spaced words -----------------------------------------------------------------------

# Why: PDF text layers space out the letters of headings ("K ÉT LUẬN", "H u ế"), so the words
# (type headings above all) are not found.
# Consonants that may open a letter-spaced heading. V and X are left out: alone at a line's start
# they are Roman numerals ("V ĐÁNH GIÁ") more often than the first letter of a split word.
_ONSET_LETTERS = frozenset("BCDĐGHKLMNPQRST")
_ONSET_PAIRS = frozenset({"CH", "GH", "KH", "NG", "NH", "PH", "TH", "TR"})


def _join_heading(tokens: list[str]) -> list[str]:
    """'K ÉT LUẬN' -> 'KÉT LUẬN': a lone consonant opening a capitals line, then the rest of its word.

    The joined word must start like a Vietnamese syllable: the consonant, then a vowel ('K' + 'ÉT')
    or a two-letter onset ('T' + 'HÔNG', 'N' + 'GHỊ').
    """
    if len(tokens) < 2:
        return tokens
    head, rest = tokens[0], tokens[1]
    if head not in _ONSET_LETTERS or len(rest) < 2 or not (rest[0].isupper() and rest[1].isalpha()):
        return tokens
    if _is_vowel(rest[0]) or head + rest[0] in _ONSET_PAIRS:
        return [head + rest, *tokens[2:]]
    return tokens


def _is_single(token: str) -> bool:
    return len(token) == 1 and token.isalpha()


def _join_letters(tokens: list[str]) -> list[str]:
    """'ở H u ế.' -> 'ở Huế.': 3+ lone letters that spell one syllable are one word.

    A run of lone letters is broken before a capital (a capital only opens a word); its last
    letter may carry trailing punctuation. The whole run must spell one Vietnamese syllable with a
    consonant, or it is left alone (never a part of it: that keeps the rule idempotent).
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _is_single(tokens[j]) and (j == i or tokens[j].islower()):
            j += 1
        end = j
        if i < j < len(tokens) and tokens[j][:1].isalpha() and tokens[j][:1].islower():
            tail = tokens[j][1:]
            if not any(c.isalnum() for c in tail):
                end = j + 1  # 'ế.' closes the run
        word = "".join(t[0] for t in tokens[i:end])
        if end - i >= 3 and _is_syllable(word):
            out.append("".join(tokens[i:end]))
        else:
            out.extend(tokens[i : max(end, i + 1)])
        i = max(end, i + 1)
    return out


def _is_syllable(word: str) -> bool:
    low = word.lower()
    return bool(_syllable_re().fullmatch(low)) and not all(_is_vowel(c) for c in low)


_LONE_LETTER_RE = re.compile(r"(?:^| )[^\W\d_](?: |$)")
# Two lone letters in a row: the least a spaced-out word needs (`_join_letters` joins 3 or more).
_LONE_PAIR_RE = re.compile(r"(?:^| )[^\W\d_] [^\W\d_](?: |$)")


def letters(line: str) -> str:
    """Join letter-spaced words: a lone consonant opening a capitals line, and lone lowercase letters."""
    if " " not in line or not _LONE_LETTER_RE.search(line):
        return line  # no letter stands alone: nothing to join
    if not (line[:1] in _ONSET_LETTERS and line[1:2] == " ") and not _LONE_PAIR_RE.search(line):
        return line  # neither a heading's lone first letter nor a run of lone letters
    tokens = line.split(" ")
    letters_ = [c for c in line if c.isalpha()]
    if letters_ and all(c.isupper() for c in letters_):
        tokens = _join_heading(tokens)
    else:
        tokens = _join_letters(tokens)
    return " ".join(tokens)


# --- 5. glued syllables ---------------------------------------------------------------------------

# Why: Vietnamese writes every syllable apart, so a word of two syllables is two words glued by a
# lost space ("PHÊDUYỆT", "THƯNGUYỄN", "nhândân", "hệthống"). It is split where both parts are
# syllables with a letter outside ASCII each (so 'Facebook', 'online' stay; a known phrase glued, 'Banhành', is split by the vocabulary), the second
# part as long as it can be (its onset whole: 'THƯ|NGUYỄN', not 'THƯN|GUYỄN').
_WORD_RUN_RE = re.compile(r"[^\W\d_]{4,40}")


def _valid_syllable(part: str) -> bool:
    from vbgraph.loaders.normalize import tone_marks

    return _has_vietnamese(part) and tone_marks(part) <= 1 and _is_syllable(part)


@cache
def _glued_phrases() -> dict[str, tuple[str, ...]]:
    """'giaocho' -> ('giao', 'cho'): each two- or three-word phrase of the vocabulary, spaces
    removed, for words that lost the space inside a known phrase, even in plain ASCII ('Giaocho',
    'Ủyban', 'kiểmtra') where the syllable rule cannot tell them from a foreign word."""
    out: dict[str, tuple[str, ...]] = {}
    for words in _vocabulary().values():
        if 2 <= len(words) <= 3 and all(len(w) >= 2 for w in words):
            out.setdefault("".join(words), words)
    return out


def _split_known(word: str) -> str | None:
    low = word.lower()
    if len(word) < 5 or word.isupper() or _valid_syllable(low):
        return None  # a word in capitals may be a code ('QĐUBND' of '1961/QĐUBND')
    parts = _glued_phrases().get(low)
    if parts is None or not all(_syllable_re().fullmatch(p) for p in parts):
        return None
    out, pos = [], 0
    for p in parts:
        out.append(word[pos : pos + len(p)])
        pos += len(p)
    return " ".join(out)


@lru_cache(maxsize=1 << 16)
def _split_syllables(word: str) -> str:
    known = _split_known(word)
    if known is not None:
        return known
    if (
        _valid_syllable(word)
        or not _has_vietnamese(word)
        or (word[:1].isupper() and not word.isupper() and any(c.isupper() for c in word[1:]))
    ):
        return word
    for k in range(1, len(word)):
        left, right = word[:k], word[k:]
        if _is_vowel(right[0]):
            continue  # a syllable after a lost space opens on a consonant here; 'XỦẤT' is noise
        if _valid_syllable(left):
            rest = right if _valid_syllable(right) else _split_syllables(right)
            if " " in rest or _valid_syllable(rest):
                return f"{left} {rest}"
    return word


def syllables(line: str) -> str:
    """Split words that are glued syllables: 'PHÊDUYỆT' -> 'PHÊ DUYỆT', 'nhândân' -> 'nhân dân'."""
    if not _WORD_RUN_RE.search(line):  # no run of letters long enough to be two syllables
        return line
    return _by_token(line, _syllables_token)


def _syllables_token(token: str) -> str:
    return _WORD_RUN_RE.sub(lambda m: _split_syllables(m.group(0)), token)


# --- 6. lost vowels ------------------------------------------------------------------------------

# Why: a text layer or an OCR pass can drop a vowel with a stacked mark ("ngành tnh" for "ngành
# tỉnh"). A word of three letters or more with no vowel is no Vietnamese word; it is restored when
# one word of the vocabulary, and only one, has the same consonants in the same order.
_NO_VOWEL_RE = re.compile(r"(?<![\w/-])[bcdđfghjklmnpqrstvwxz]{3,7}(?![\w/-])")  # lowercase consonants only


def _skeleton(word: str) -> str:
    from vbgraph.loaders.normalize import fold

    return "".join(c for c in fold(word) if c not in "aeiouy")


@cache
def _by_skeleton() -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for (folded,), (word,) in ((k, v) for k, v in _vocabulary().items() if len(k) == 1):
        if len(folded) >= 3 and any(c in "aeiouy" for c in folded):
            found.setdefault(_skeleton(word), set()).add(word)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _restore(m: re.Match[str]) -> str:
    word = m.group(0)
    if not word.islower() or any(_is_vowel(c) for c in word):
        return word
    known = _by_skeleton().get(_skeleton(word))
    return known if known is not None else word


def vowels(line: str) -> str:
    """Restore a word that lost its vowel: 'ngành tnh' -> 'ngành tỉnh'."""
    return _NO_VOWEL_RE.sub(_restore, line)


# --- the stage ------------------------------------------------------------------------------------

# Named steps, in the order they run. The word rules expect single spaces, so "spaces" runs
# before them; they never add a double space or a space at a line's end.
STEPS: dict[str, Callable[[str], str]] = {
    "escapes": escapes,
    "tabs": tabs,
    "cells": cells,
    "spaces": spaces,
    "figures": figures,
    "syllables": syllables,
    "glued": glued,
    "letters": letters,
    "vowels": vowels,
}

_ALL_STEPS = tuple(STEPS.values())

# 5. Why: "# 48_2013_NĐ_CP_art1_part1" is a chunk header that another stage reads as an
# identifier; it is kept as written (only end spaces go), whatever the word rules would say.
_CHUNK_HEADER_RE = re.compile(r"#{1,6} ?[\w.\-]+")


def _is_chunk_header(line: str) -> bool:
    stripped = line.strip(" ")
    return "_" in stripped and bool(_CHUNK_HEADER_RE.fullmatch(stripped))


# Lines up to this length have all the steps' result remembered: a corpus repeats many lines
# (blank ones, headers, boilerplate), and a line's cleaning depends on nothing else.
_CACHED_LINE = 1000


def clean_line(line: str, steps: Sequence[str] | None = None) -> str:
    """Clean one line; `steps` names a subset of STEPS (they still run in STEPS order)."""
    if steps is None and len(line) <= _CACHED_LINE:
        return _clean_line_cached(line)
    return _clean_line(line, steps)


def _clean_line(line: str, steps: Sequence[str] | None = None) -> str:
    if _is_chunk_header(line):
        return line.strip(" ")
    chosen = _ALL_STEPS if steps is None else tuple(f for name, f in STEPS.items() if name in steps)
    # A split may uncover another ('aHàngày' -> 'a Hàngày' -> 'a Hà ngày'): run to a fixed point.
    for _ in range(4):
        before = line
        for step in chosen:
            line = step(line)
        if line == before:
            break
    return line


_clean_line_cached = lru_cache(maxsize=1 << 15)(_clean_line)


def clean_lines(lines: list[str], steps: Sequence[str] | None = None) -> list[str]:
    """Clean each line of a file (already NFC-normalised); returns as many lines as it got."""
    unknown = set(steps or ()) - STEPS.keys()
    if unknown:
        raise ValueError(f"unknown clean step(s): {', '.join(sorted(unknown))}; known: {', '.join(STEPS)}")
    return [clean_line(line, steps) for line in lines]


def clean_text(text: str, steps: Sequence[str] | None = None) -> str:
    """clean_lines over text split on '\\n', joined back: the same number of lines."""
    return "\n".join(clean_lines(text.split("\n"), steps))


# --- scrambled diacritics -------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+")


_MAX_PHRASE = 6


@cache
def _vocabulary() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded phrase -> its spelling, for every phrase of one to six words the tables hold (type
    names, bodies, cues, signals, function words) and each single word in them: the language the
    later stages match on. Where two spellings fold alike ('ban'/'bản'), the more frequent wins."""
    from vbgraph.loaders.normalize import fold
    from vbgraph.ontology import tables

    phrases: list[list[str]] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            phrases.append(_WORD_RE.findall(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    for t in tables.doc_types():
        walk([t.name, *t.aliases])
    for b in tables.bodies():
        walk([b.name, *b.aliases])
    walk(tables.cues())
    walk(_load("signals.toml"))
    walk(sorted(function_words() | lead_words()))
    walk(_load("obligations.toml"))
    # per spelling: (times written in lower case, times written): a word the tables write only
    # capitalised is a name's ('Nam' of 'Việt Nam'), and loses to a common word that folds alike ('năm')
    counts: dict[tuple[str, ...], dict[tuple[str, ...], tuple[int, int]]] = {}
    for words in phrases:
        low = [w.lower() for w in words]
        common = [w == lw for w, lw in zip(words, low, strict=True)]
        for n in range(1, _MAX_PHRASE + 1):
            for i in range(len(low) - n + 1):
                gram = tuple(low[i : i + n])
                spellings = counts.setdefault(tuple(fold(w) for w in gram), {})
                lower, total = spellings.get(gram, (0, 0))
                spellings[gram] = (lower + all(common[i : i + n]), total + 1)
    return {k: max(v.items(), key=lambda kv: (kv[1], kv[0]))[0] for k, v in counts.items()}


def _recase(written: str, known: str) -> str:
    if written.isupper() and len(written) > 1:
        return known.upper()
    return known[:1].upper() + known[1:] if written[:1].isupper() else known


def _in_symbol(line: str, m: re.Match[str]) -> bool:
    """A word that is part of a symbol ('TU' in '12-KH/TU'): never respelt."""
    return line[m.start() - 1 : m.start()] in ("/", "-") or line[m.end() : m.end() + 1] in ("/", "-")


def _unscramble_line(line: str, vocab: dict[tuple[str, ...], tuple[str, ...]], shortest: int = 1) -> str:
    from vbgraph.loaders.normalize import fold

    found = list(_WORD_RE.finditer(line))
    folded = [fold(m.group(0)) for m in found]
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(found):
        for n in range(min(_MAX_PHRASE, len(found) - i), shortest - 1, -1):
            known = vocab.get(tuple(folded[i : i + n]))
            if known is not None and not any(_in_symbol(line, found[i + j]) for j in range(n)):
                break
        else:
            n, known = 1, None
        for j in range(n):
            m = found[i + j]
            out.append(line[pos : m.start()])
            out.append(_recase(m.group(0), known[j]) if known else m.group(0))
            pos = m.end()
        i += n
    out.append(line[pos:])
    return "".join(out)


def unscramble(lines: list[str]) -> list[str]:
    """Restore the spelling of known words in a file whose diacritics were scrambled by an
    anti-scraping filter or bad OCR ('ngàỷ' -> 'ngày', 'củà' -> 'của', 'Bạn Bí thư' -> 'Ban Bí
    thư'), or that lost them all ('Thuc hien Nghi quyet so 52-NQ/TW'). A file counts as scrambled
    when many words carry two tone marks, which no Vietnamese syllable does, and as stripped when
    it has words but almost no letter outside ASCII; every phrase of such a file whose
    diacritic-free form is a phrase of the tables' vocabulary takes that phrase's spelling
    (keeping its capitals). Other files are left alone."""
    from vbgraph.loaders.normalize import NOISY, tone_noise

    words = _WORD_RE.findall("\n".join(lines))
    joined = "".join(words)
    letters = len(joined)
    # letters outside ASCII: those an ASCII encoding drops
    stripped = letters >= 200 and letters - len(joined.encode("ascii", "ignore")) < letters * _STRIPPED
    scrambled = tone_noise(" ".join(words)) > NOISY
    if not stripped and not scrambled:
        return lines
    vocab = _vocabulary()
    # Without any diacritics one syllable is too ambiguous ('an', 'tu'): phrases only.
    shortest = 1 if scrambled else 2
    return [_unscramble_line(line, vocab, shortest) for line in lines]


_STRIPPED = 0.005  # share of letters outside ASCII under which a Vietnamese text lost its diacritics


def clean_file(text: str) -> list[str]:
    """A file's text as cleaned lines: Unicode and tone placement, a Markdown table's rows and a
    PDF's table copied as text (`text_tables`) as the Word and HTML readers write a table's, then
    the line steps, then the spelling of a file whose diacritics were scrambled."""
    from vbgraph.loaders.normalize import normalize_text
    from vbgraph.loaders.text_tables import text_tables

    lines = text_tables(markdown_tables(normalize_text(text).split("\n")))
    return unscramble(wrapped_dates(clean_lines(lines)))


# A place-and-date line cut inside its date, as a PDF of a two-column header wraps it: "Can Lộc,
# ngày 12 tháng 3 năm" over "2025", "…, ngày 12 tháng" over "3 năm 2025".
_DATE_CUT_RE = re.compile(
    r",\s*ngày(?:\s+\d{1,2}(?:\s+tháng(?:\s+\d{1,2}(?:\s+năm)?)?)?)?\s*$", re.IGNORECASE
)
_SO_CELL_RE = re.compile(r"\s*(?:Số|SỐ)\s*[:.]?\s*\d")
_DATE_CUT_ENDS = ("ngày", "tháng", "năm", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")


def wrapped_dates(lines: list[str]) -> list[str]:
    """The rest of a place-and-date line cut inside its date joined to it, its own line left blank:
    as many lines as it got, so evidence keeps its lines."""
    from vbgraph.loaders.dates import search_place_date

    out = lines
    for i, line in enumerate(lines[:-1]):
        head = line.rstrip()
        if not head.lower().endswith(_DATE_CUT_ENDS) or not _DATE_CUT_RE.search(head):
            continue
        # the next line with words, past a 'Số: …' cell the PDF put between (the header's other column)
        j = next(
            (
                k
                for k in range(i + 1, min(i + 4, len(lines)))
                if lines[k].strip() and not _SO_CELL_RE.match(lines[k])
            ),
            None,
        )
        if j is None:
            continue
        joined = f"{head} {lines[j].strip()}"
        m = search_place_date(joined)
        if m and m.end() > len(head):
            out = out if out is not lines else list(lines)
            out[i], out[j] = joined, ""
    return out


# A row of three cells or more, "| a | b | c |"; the rule under a header, "|---|:--|---|", is made
# of these characters only.
_TABLE_ROW_RE = re.compile(r"\s*\|(?:[^|]*\|){3,}\s*")
_TABLE_RULE_CHARS = frozenset("|:- \t")


# The same row without its outer pipes, as a page or a PDF flattens a table: "1 | Tuyên truyền … |
# Công an phường | Quý I/2024"; three cells or more, the pipes apart from the words.
_BARE_ROW_RE = re.compile(r"\s*[^|\s][^|]*(?:\s\|[^|]*){2,}")
_NUMBERED_CELL_RE = re.compile(r"\s*\d{1,3}\s*\|")


def _table_line(line: str) -> str:
    if "|" in line and "-" in line and set(line) <= _TABLE_RULE_CHARS:
        return "rule"
    if _TABLE_ROW_RE.fullmatch(line):
        return "row"
    return "bare" if "|" in line and _BARE_ROW_RE.fullmatch(line) else ""


def markdown_tables(lines: list[str]) -> list[str]:
    """Runs of two Markdown table rows or more (a .md or .txt file, a page saved as text) with
    their cells apart by tabs, the rule under the header blank: the appendix tables of tasks are
    read from rows of tab-separated cells. As many lines as it got, so evidence keeps its lines;
    a lone "| a | b | c |" line (a flattened header) is left to `cells`. Rows without their outer
    pipes ("1 | a | b") count when one of them is numbered. A task's cells wrapped onto rows of
    their own go back into its row, column by column (`_wrapped_rows`)."""
    if "|" not in "".join(lines):
        return lines
    out = list(lines)
    kinds = [_table_line(x) for x in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and kinds[j]:
            j += 1
        run = kinds[i:j]
        # bare rows are a table when one of them at least is a numbered task ("1 | …")
        bare = run.count("bare") >= 2 and any(_NUMBERED_CELL_RE.match(lines[k]) for k in range(i, j))
        if run.count("row") >= 2 or bare:
            width = next(len(_pipe_cells(lines[k])) for k in range(i, j) if kinds[k] != "rule")
            rows = {k: _pipe_cells(lines[k], width) for k in range(i, j) if kinds[k] != "rule"}
            for k in range(i, j):
                out[k] = "\t".join(rows[k]).rstrip("\t") if k in rows else ""
            for k, cells in _wrapped_rows(rows, width).items():
                out[k] = "\t".join(cells).rstrip("\t") if cells else ""
        i = j + 1 if j > i else i + 1
    return out


def _pipe_cells(line: str, width: int = 0) -> list[str]:
    """A row's cells. Its outer pipes frame it ("| 1 | a |"), unless only the pipes read as cells'
    edges give it the table's `width` of cells (or one fewer, the number's cell left out), as in a
    table whose rows have no frame: under "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp |
    Thời gian", "| | tầng | |" has an empty number and task and "tầng" is its lead's; "Lương | và
    PTNT | UBND các xã |" has a cell for each column but the number's."""
    framed = [" ".join(c.split()) for c in line.strip().strip("|").split("|")]
    if not width or len(framed) == width:
        return framed
    edged = [" ".join(c.split()) for c in line.strip().split("|")]
    return edged if len(edged) in (width, width - 1) and len(framed) not in (width, width - 1) else framed


# What a task's wrapped words never open with: a row's or group's number ('2', '2.1', 'II', 'B.'),
# a point of its own ('a) …', '- …', '1. …').
_ROW_NUMBER_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,3}\.?")
_OWN_ROW_RE = re.compile(r"(?:[IVXL]{1,6}|[A-ZĐ])(?:[.)\-–]|\s*$)|[a-zđ]\)|[-–+•]\s|\d{1,3}[.)]\s")


def _wrapped_rows(rows: dict[int, list[str]], width: int) -> dict[int, list[str]]:
    """Rows that go on a numbered task's cells, as a PDF or a page flattens a table whose cells
    take two lines: a row whose number cell is empty ("| | tầng | |"), or that has no number cell
    ("Lương | và PTNT | UBND các xã |"), or whose words stand in it over an empty task cell
    ("đạt chuẩn nông thôn mới | | | và PTNT | 30/10/2019"). Each cell joins the task's cell of its
    column; the row's line is left blank (an empty list). A row of capitals, a group's number or a
    point of its own ('a) …', '- …') opens a row, as it did."""
    out: dict[int, list[str]] = {}
    task: int | None = None
    for k, cells in rows.items():
        more = _goes_on_row(cells, width) if task is not None else None
        if task is None or more is None:
            task = k if _ROW_NUMBER_RE.fullmatch(cells[0]) else None
            continue
        merged = out.get(task, rows[task])
        merged = [*merged, *[""] * (len(more) - len(merged))]
        for c, words in enumerate(more):
            if words:
                merged[c] = f"{merged[c]} {words}".strip()
        out[task], out[k] = merged, []
    return out


def _goes_on_row(cells: list[str], width: int) -> list[str] | None:
    """The cells of a row that goes on the task above, by column; None for a row of its own."""
    from vbgraph.loaders.normalize import is_upper_text

    first = next((c for c in cells if c), "")
    if (
        width < 3
        or not first
        or _ROW_NUMBER_RE.fullmatch(cells[0])
        or _OWN_ROW_RE.match(first)
        or (is_upper_text(first) and " " in first)
    ):
        return None
    if not cells[0]:
        return cells if len(cells) <= width else None
    if len(cells) == width - 1:
        return ["", *cells]
    if len(cells) == width and not cells[1]:
        return ["", cells[0], *cells[2:]]
    return None
