"""Decode a text file's bytes into Unicode (NFC), whatever encoding a Vietnamese office used.

Most files are UTF-8. The others come from the tools offices have used: UTF-8 with a byte-order
mark and UTF-16 (Notepad, Word's "Unicode text"), Windows-1258, and the legacy *font* encodings
TCVN3 (ABC, .VnTime) and VNI (VNI-Times), either as bytes or typed into Unicode text; and
mojibake, UTF-8 once read as Windows-1252 and saved again. `decode` tells them apart in a fixed
order, cheapest first, and says in a warning whatever it guessed or converted, so that no text is
read wrong in silence. Clean UTF-8 costs a decode, an NFC check and one character-class search.

Legacy text is recognised by what it reads like, never by a list of words: a conversion is kept
when it turns many more words into Vietnamese syllables than it spoils. The letter tables are data
(ontology/encodings.toml).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial

from vbgraph.errors import UnreadableFile
from vbgraph.ontology import tables


@dataclass(frozen=True)
class Decoded:
    """The text of a file, the encoding it was read in, and what the reader should know about it.

    `encoding` is a codec name ("utf-8", "utf-8-sig", "utf-16-le", "cp1258"), a legacy font
    encoding ("tcvn3", "vni"), or a Unicode encoding plus what was repaired inside the text
    ("utf-8+tcvn3", "utf-8+mojibake"). `warnings` are one-line notes without the file name.
    """

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


UNRECOGNISED = (
    "not a text encoding vbgraph recognises (tried UTF-8, UTF-16, Windows-1258, TCVN3, VNI); save it as UTF-8"
)
BINARY = "not a text file (binary content)"


def decode(data: bytes, name: str) -> Decoded:
    """The text of `data` (the bytes of file `name`) in NFC, or UnreadableFile naming the reason.

    Order: a byte-order mark; UTF-16 told by its NUL bytes; stray NUL bytes; binary content;
    strict UTF-8, then legacy letters or mojibake inside the text. Bytes that are not UTF-8: UTF-8
    with a few bad bytes; TCVN3 or VNI by their patterns; else what charset-normalizer finds
    (Windows-1258 for Vietnamese). The text never holds a NUL character (`_without_nul`).
    """
    if not data.strip():
        raise UnreadableFile(name, "empty file")
    found = _by_bom(data) or _utf16_without_bom(data)
    nul: tuple[str, ...] = ()
    if found is None:
        data, nul = _stray_nul(data, name)
        if looks_binary(data):
            raise UnreadableFile(name, BINARY)
        found = _strict_utf8(data)
    result = _single_byte(data, name) if found is None else _repair(found)
    result = _without_nul(replace(result, warnings=(*nul, *result.warnings)))
    if not result.text.strip():
        raise UnreadableFile(name, "empty file")
    return result


def _nul_warning(count: int) -> tuple[str, ...]:
    if not count:
        return ()
    return (f"{count} NUL character(s) removed (NUL is not text: the file is damaged or padded)",)


def _stray_nul(data: bytes, name: str) -> tuple[bytes, tuple[str, ...]]:
    """The bytes without their NUL bytes when the rest is UTF-8 text, with a warning; else
    UnreadableFile (binary content). A NUL byte is never text: in a file that is UTF-8 apart
    from it, wherever it stands, it is damage (a bad copy, padding) and goes; any other file
    holding one is binary (an image, an archive, a database), as git and grep judge it."""
    if b"\x00" not in data:
        return data, ()
    rest = data.replace(b"\x00", b"")
    if not rest.strip() or (_strict_utf8(rest) or _nearly_utf8(rest)) is None:
        raise UnreadableFile(name, BINARY)
    return rest, _nul_warning(len(data) - len(rest))


def without_nul(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without NUL characters, and the warning that says how many went (none: no warning)."""
    if "\x00" not in text:
        return text, ()
    new = text.replace("\x00", "")
    return new, _nul_warning(len(text) - len(new))


def _without_nul(found: Decoded) -> Decoded:
    """No NUL character in the text (a UTF-16 or byte-order-marked file can decode to one)."""
    text, note = without_nul(found.text)
    return replace(found, text=text, warnings=(*found.warnings, *note)) if note else found


# --- Unicode by its marks ------------------------------------------------------------------------

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _by_bom(data: bytes) -> Decoded | None:
    """A file that says its own encoding: decode it, replacing (and counting) any bad bytes.

    The mark is a promise of the writer, so a bad byte later on is damage, not another encoding.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc.removesuffix("-sig"), errors="replace")
            return Decoded(text, enc, _replaced_warning(text, enc))
    return None


def _replaced_warning(text: str, enc: str) -> tuple[str, ...]:
    bad = text.count("\ufffd")
    if not bad:
        return ()
    return (f"{bad} invalid {_label(enc)} sequence(s) replaced with U+FFFD",)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without its mark, told by NUL bytes in every other position.

    Vietnamese text in UTF-16 has many ASCII characters (spaces, digits, letters without marks),
    whose high byte is NUL; letters with marks (U+1Exx) are not. So one parity of positions is
    often NUL and the other almost never.
    """
    head = data[: 8192 - 8192 % 2]
    half = len(head) // 2
    if half < 2 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.01 * half:
        enc = "utf-16-le"
    elif even >= 0.3 * half and odd <= 0.01 * half:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    if _garbled_share(text) > 0.5:
        return None
    return Decoded(text, enc, (f"read as {_label(enc)} (the file has no byte-order mark)",))


# Bytes that plain text does not hold: controls other than tab, line and page breaks, SUB (a DOS
# end-of-file mark) and ESC. Like git, binary content is told from the first 8 KB (NUL bytes,
# which `_stray_nul` judges in the whole file first, are gone by then).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1A), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def looks_binary(data: bytes) -> bool:
    """A NUL byte, or more than 10% control bytes, in the first 8 KB."""
    head = data[:8192]
    return b"\x00" in head or len(head.translate(None, _NOT_CONTROL)) > 0.1 * len(head)


def _strict_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


# --- Unicode text: legacy letters and mojibake inside it ------------------------------------------


def _repair(found: Decoded) -> Decoded:
    """NFC, then the best reading of a text dense with suspicious characters.

    Why here: a Word file typed in a .VnTime or VNI font and saved as UTF-8 keeps the font's
    Latin-1 characters, and UTF-8 read as Windows-1252 and saved again (mojibake) is valid UTF-8
    too. Both fill the text with characters that Vietnamese never uses; a text with none, or with
    a few footnote marks and symbols ('¹', '©'), is returned as it is.
    """
    text = _nfc(found.text)
    if not _suspect_re().search(text) or not _dense_suspects(text):
        return replace(found, text=text)
    readings = [r for r in (_fix_mojibake(text), _legacy_in_unicode(text)) if r is not None]
    if not readings:
        return _with_garble_check(replace(found, text=text))
    new, repair, note = max(readings, key=lambda r: _reading_score(r[0]))
    return _with_garble_check(Decoded(new, f"{found.encoding}+{repair}", (*found.warnings, note)))


def repair_letters(text: str) -> tuple[str, str] | None:
    """The text another reader extracted (a Word file, a page, a PDF) with legacy letters or
    mojibake converted as in a .txt (`_repair`), and the warning that says so; None when it needs
    nothing. Line for line: a repair that would change the number of lines is not taken."""
    found = _repair(Decoded(text, "unicode"))
    if found.encoding == "unicode" or found.text.count("\n") != text.count("\n"):
        return None
    key = found.encoding.removeprefix("unicode+")
    return found.text, f"converted from {legacy_label(key)} font encoding" if key in (
        "tcvn3",
        "vni",
    ) else found.warnings[0]


def _dense_suspects(text: str) -> bool:
    """At least two suspicious characters, and one per 200 words: legacy text and mojibake have one
    in most words, clean text a stray symbol or two (not worth reading every word for)."""
    suspects = len(_suspect_re().findall(text))
    return suspects >= 2 and suspects * 200 >= text.count(" ") + text.count("\n")


def _fix_mojibake(text: str) -> tuple[str, str, str] | None:
    """ftfy's repair of UTF-8 that was read as a single-byte encoding, when ftfy finds such a
    misreading and its repair gains Vietnamese words; with the warning that names it."""
    import ftfy

    fixed, steps = ftfy.fix_encoding_and_explain(text)
    misread = next((enc for op, enc in steps or () if op == "encode"), None)
    if misread is None or _reading_score(fixed) < _reading_score(text) + 2:
        return None
    return _nfc(fixed), "mojibake", f"repaired mojibake (UTF-8 read as {_label(misread)})"


def _legacy_in_unicode(text: str) -> tuple[str, str, str] | None:
    legacy = _legacy_reading(text)
    if legacy is None:
        return None
    new, key = legacy
    return new, key, f"converted from {legacy_label(key)} font encoding typed into Unicode text"


def _with_garble_check(result: Decoded) -> Decoded:
    """Add a warning when the text still looks like junk, so a wrong encoding is never silent."""
    share = _garbled_share(result.text)
    if share < _GARBLED:
        return result
    note = f"the text looks garbled ({share:.0%} of its words hold odd characters); check its encoding"
    return replace(result, warnings=(*result.warnings, note))


# --- single-byte files -----------------------------------------------------------------------------


def _single_byte(data: bytes, name: str) -> Decoded:
    """Bytes that are not UTF-8: nearly UTF-8, TCVN3 or VNI, else charset-normalizer's guess.

    A legacy reading must also read better than Windows-1258, whose combining tone marks, read
    as Windows-1252, look like letters the legacy tables know.
    """
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return _repair(nearly)
    legacy = _legacy_reading(as_windows_1252(data))
    if legacy is not None and _reading_score(legacy[0]) > _reading_score(_as_windows_1258(data)):
        text, key = legacy
        return Decoded(text, key, (f"converted from {legacy_label(key)} font encoding",))
    guess = _guess(data)
    if guess is None or _garbled_share(guess.text) > 0.5:
        raise UnreadableFile(name, UNRECOGNISED)
    return _with_garble_check(guess)


def _nearly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes (a file cut mid-character, one pasted Windows-1252 quote):
    still UTF-8, the bad bytes replaced. Other encodings fail on nearly every non-ASCII byte."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if bad * 10 > good:
        return None
    return Decoded(text, "utf-8", _replaced_warning(text, "utf-8"))


@cache
def _windows_1252_table() -> str:
    """Byte -> character as Windows shows it; the five bytes Windows-1252 leaves undefined map to
    the C1 controls of the same value, as Windows itself does."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


def as_windows_1252(data: bytes) -> str:
    """The bytes read as Windows-1252: how a legacy font file's bytes look, one character each."""
    return data.decode("latin-1").translate(_windows_1252_table())


def _as_windows_1258(data: bytes) -> str:
    """The bytes read as Windows-1258, whose tone marks are combining characters: NFC joins them."""
    return _nfc(data.decode("cp1258", errors="replace"))


def _guess(data: bytes) -> Decoded | None:
    """charset-normalizer's best guess, or Windows-1258 when that reads more like Vietnamese.

    Why the second look: charset-normalizer knows many languages, vbgraph only one; for a
    Vietnamese file it sometimes prefers Windows-1250, whose bytes give the same letters wrong.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    vietnamese = _as_windows_1258(data)
    floor = 0 if best is None else max(0, _reading_score(str(best)))
    if _reading_score(vietnamese) > floor:
        enc, text = "cp1258", vietnamese
    elif best is not None:
        enc, text = codecs.lookup(best.encoding).name, _nfc(str(best))
    else:
        return None
    return Decoded(text, enc, (f"read as {_label(enc)}",))


# --- legacy font encodings ---------------------------------------------------------------------------


@cache
def legacy_letters(key: str) -> dict[str, str]:
    """Unicode letter -> legacy characters (as Windows-1252 shows the bytes), for 'tcvn3' or 'vni'."""
    entry = tables.load("encodings.toml")[key]
    out: dict[str, str] = dict(entry.get("capitals", {}))
    for family in entry["letters"].values():
        out.update(family)
    return out


@cache
def legacy_label(key: str) -> str:
    """'tcvn3' -> 'TCVN3 (ABC)': how people call a legacy encoding."""
    return tables.load("encodings.toml")[key]["name"]


@cache
def _legacy_decoder(key: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of every legacy sequence (longest first, at most two characters) and its letter."""
    back = {legacy: letter for letter, legacy in legacy_letters(key).items()}
    keys = sorted(back, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), back


def from_legacy(text: str, key: str) -> str:
    """Text typed in a legacy font encoding ('tcvn3' or 'vni'), as Unicode NFC.

    TCVN3 has no codes for capitals with a tone mark (see ontology/encodings.toml): a word whose
    other letters are capitals is written in capitals ('CéNG' -> 'CỘNG').
    """
    pattern, back = _legacy_decoder(key)
    out = pattern.sub(lambda m: back[m.group()], text)
    if key == "tcvn3":
        out = _TOKEN_RE.sub(_restore_capitals, out)
        out = "\n".join(_capitals_line(line) for line in out.split("\n"))
    return _nfc(out)


def _capitals_line(line: str) -> str:
    """'TỈNH ủY BẮC GIANG', 'CHỈ THỊ CỦA BAN THƯỜNG Vụ HUYỆN Uỷ' -> all capitals: in a line mostly
    in capitals (all words but one, or twice as many as the rest), a word of one capital or none ('Kế',
    'Vụ', 'ủY') was typed in .VnTimeH too, when it holds no lowercase ASCII letter (that font's
    capitals without a tone are ASCII capitals; only its toned letters come back lowercase)."""
    words = line.split()
    plain = [w for w in words if w.isalpha()]
    upper = sum(w.isupper() for w in plain)
    rest = len(plain) - upper
    if len(plain) < 2 or not rest or (rest > 1 and (upper < 2 or upper < 2 * rest)):
        return line
    if any("a" <= c <= "z" for w in plain if not w.isupper() for c in w):
        return line  # a lowercase ASCII letter is typed lowercase: not a heading in .VnTimeH
    return line.upper()


# A line of a .VnTimeH heading typed all in lowercase codes: letters and the marks a heading holds
# ('t/m', 'kt.', 'cộng hoà - xã hội'), no figure, at most `_HEADING_WORDS` words.
_HEADING_WORDS = 12
_LOWER_HEADING_RE = re.compile(r"[^\W\d_]+(?:[ .,:/\-–]+[^\W\d_]+)*[.:]?")
_SENTENCE_ENDS = (".", ":", ";", "!", "?", "*")


def capitals_font_lines(lines: list[str], converted: Iterable[int]) -> list[str]:
    """`lines` with each converted TCVN3 line that was typed in a capitals font (.VnTimeH) in
    capitals: 'uỷ ban nhân dân' -> 'ỦY BAN NHÂN DÂN', 'chỉ thị của ban thường vụ huyện uỷ' -> …

    Why a rule and not a guess per word: .VnTimeH draws the lowercase codes as capitals, so such a
    heading decodes to a line without one capital, which .VnTime body text never gives: its
    paragraphs open with a capital. The evidence must be clear, so a line counts only when it has
    a heading's shape (letters, no figure, at most 12 words; each tab-separated cell of a
    two-column header on its own) and does not go on from the line above: that one is blank, ends
    a sentence ('.', ':', ';') or in a number or symbol ('Số 05 CT/HU'), or is a heading itself
    (in capitals, or counted here). A wrapped
    paragraph's next line ('xây dựng quy ước làng văn hoá') goes on from a line that ends mid-
    sentence and stays as typed; so does any line with a capital ('về … "Toàn dân …"')."""
    out = list(lines)
    heading = [False] * len(lines)
    for i in sorted(converted):
        cells = out[i].split("\t")
        fits = [_lower_heading(c) for c in cells]
        if not any(fits):
            continue
        if i > 0 and not heading[i - 1] and _goes_on(out[i - 1]):
            continue
        out[i] = "\t".join(c.upper() if f else c for f, c in zip(fits, cells, strict=True))
        heading[i] = True
    return out


def _goes_on(line: str) -> bool:
    """A line whose sentence goes on below: it has words, and does not end a sentence, a heading
    in capitals, or a number or symbol ('Số 05 CT/HU', 'ngày 10 tháng 3 năm 2003')."""
    words = line.split()
    if not words or line.rstrip().endswith(_SENTENCE_ENDS) or _is_upper_cell(line):
        return False
    return not any(c.isdigit() or c == "/" for c in words[-1])


def _lower_heading(cell: str) -> bool:
    text = cell.strip()
    return (
        bool(text)
        and len(text.split()) <= _HEADING_WORDS
        and not any(c.isupper() for c in text)
        and _LOWER_HEADING_RE.fullmatch(text) is not None
    )


def _is_upper_cell(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@cache
def legacy_fonts() -> tuple[tuple[str, str, str], ...]:
    """(font name prefix, encoding key, capitals font suffix or '') of every legacy font family
    ontology/encodings.toml names: '.vn' -> tcvn3 (suffix 'h': .VnTimeH), 'vni-' -> vni."""
    out = []
    for key in ("tcvn3", "vni"):
        entry = tables.load("encodings.toml")[key]
        out += [(p, key, entry.get("capitals_font_suffix", "")) for p in entry.get("fonts", ())]
    return tuple(out)


def legacy_font(name: str | None) -> tuple[str, bool] | None:
    """The legacy encoding a font draws, and whether it is a capitals font: '.VnTime' ->
    ('tcvn3', False), '.VnTimeH' -> ('tcvn3', True), 'VNI-Times' -> ('vni', False); None for a
    Unicode font ('Times New Roman') or none."""
    low = (name or "").strip().lower()
    for prefix, key, caps in legacy_fonts():
        if low.startswith(prefix):
            return key, bool(caps) and low.endswith(caps)
    return None


def _restore_capitals(m: re.Match[str]) -> str:
    """'CộNG' -> 'CỘNG': two or more capitals and no lowercase ASCII letter (the lowercase letters
    are the .VnTimeH font's lowercase codes). One capital is left alone: 'Số' is a word too."""
    word = m.group()
    if word.isupper() or word.islower():
        return word
    capitals = sum(1 for c in word if c.isupper())
    if capitals >= 2 and not any("a" <= c <= "z" for c in word):
        return word.upper()
    return word


def _legacy_reading(text: str) -> tuple[str, str] | None:
    """The text converted from TCVN3 or VNI, when that clearly reads better as Vietnamese.

    Only lines that could be legacy text are read and converted: a line holding a Vietnamese
    letter beyond Latin-1 ('ộ', 'ư', 'đ') was typed in Unicode, so a Unicode document with one
    pasted .VnTime paragraph keeps its own lines intact.

    Score: among the distinct words a conversion changes, those it makes Vietnamese syllables
    and those it spoils. It must make at least two more than it spoils, and twice as many.
    Words of one character are left out, and each word counts once: a stray '©', '¹' or '5 µm'
    gains one word at most, however often it occurs.
    """
    lines = text.split("\n")
    legacy = [i for i, line in enumerate(lines) if not _unicode_letter_re().search(line)]
    words = {w for i in legacy for w in _TOKEN_RE.findall(lines[i]) if len(w) > 1 and not w.isascii()}
    best: tuple[int, str] | None = None
    for key in ("tcvn3", "vni"):
        made, spoilt = _effect(words, partial(from_legacy, key=key))
        if made - spoilt >= 2 and made >= 2 * spoilt and (best is None or made - spoilt > best[0]):
            best = (made - spoilt, key)
    if best is None:
        return None
    changed = []
    for i in legacy:
        new = from_legacy(lines[i], best[1])
        if new != lines[i]:
            lines[i] = new
            changed.append(i)
    if best[1] == "tcvn3":
        lines = capitals_font_lines(lines, changed)
    return "\n".join(lines), best[1]


@cache
def _unicode_letter_re() -> re.Pattern[str]:
    """A Vietnamese letter that no legacy font encoding can produce: one beyond Latin-1."""
    return re.compile("[" + "".join(sorted(c for c in _vietnamese_letters() if c > "\xff")) + "]")


def _effect(words: set[str], convert: Callable[[str], str]) -> tuple[int, int]:
    """(words `convert` makes Vietnamese syllables, syllables it spoils)."""
    made = spoilt = 0
    for word in words:
        new = convert(word)
        if new != word:
            before, after = _is_syllable(word), _is_syllable(new)
            made += after and not before
            spoilt += before and not after
    return made, spoilt


# --- what Vietnamese text reads like ------------------------------------------------------------------

# A word: a run of anything but blanks, ASCII punctuation and digits, and general punctuation
# (dashes, curly quotes). Legacy characters such as '·' or '¸' stay inside their words.
_TOKEN_RE = re.compile("[^\\s!-@\\[-`{-~\u2010-\u206f]+")
_GARBLED = 0.2  # share of odd words (see `_is_odd`) from which a text is called garbled


_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


@cache
def _vietnamese_letters() -> frozenset[str]:
    """Every letter Vietnamese writes, both cases: ASCII, đ, and the vowels with hats and tones."""
    bases = "aăâeêioôơuưy"
    toned = {unicodedata.normalize("NFC", b + t) for b in bases for t in map(chr, _TONE_MARKS)}
    lower = set(bases) | toned | set("abcdefghijklmnopqrstuvwxyzđ")
    return frozenset(lower | {c.upper() for c in lower})


@cache
def _syllable_re() -> re.Pattern[str]:
    """One Vietnamese syllable without its tone mark: onset, vowel nucleus, coda.

    The nuclei are Vietnamese's own, in three kinds: those that may take a final consonant, those
    that must ('ă', 'iê': 'ăn', 'việt') and those that end in a glide and never do ('ai', 'ươu').
    A looser shape (any one to three vowels) would accept most misread words too.
    """
    free = "a e ê i o ô ơ u ư y oa oe uê uy"
    closed = "ă â iê yê uô ươ uyê oă uâ"
    open_ = "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu oai oao oay oeo uây uôi ươi ươu iêu yêu uya uyu uơ"
    onset = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    coda = r"(?:ng|nh|ch|[cmnpt])"

    def alt(nuclei: str) -> str:
        return "|".join(sorted(nuclei.split(), key=len, reverse=True))

    return re.compile(
        f"{onset}(?:(?P<free>{alt(free)})(?P<coda>{coda})?|(?P<closed>{alt(closed)}){coda}|(?P<open>{alt(open_)}))"
    )


@lru_cache(maxsize=1 << 16)
def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable with at most one tone mark, on a vowel that may carry it ('việt',
    'hoà', 'Nam'; not 'viöt', 'hoµ', 'vieọt', nor 'bơị' where the tone sits on the glide)."""
    low = unicodedata.normalize("NFC", word.lower())
    bare = "".join(_toneless(c) for c in low)
    if len(bare) != len(low):
        return False  # a tone mark on no letter
    toned = [i for i, (c, b) in enumerate(zip(low, bare, strict=True)) if c != b]
    m = _syllable_re().fullmatch(bare)
    if m is None or len(toned) > 1:
        return False
    if not toned:
        return True
    kind = next(k for k in ("free", "closed", "open") if m.group(k) is not None)
    has_coda = kind == "closed" or m.group("coda") is not None
    return toned[0] - m.start(kind) in _tone_places(m.group(kind), has_coda)


@lru_cache(maxsize=512)
def _toneless(c: str) -> str:
    """A letter without its tone mark, keeping hat, breve and horn: 'ộ' -> 'ô', 'ứ' -> 'ư'."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", c).translate(_TONE_MARKS))


def _tone_places(nucleus: str, has_coda: bool) -> frozenset[int]:
    """Where a nucleus takes the tone mark: on its last vowel with a hat or horn ('ười', 'tuyển');
    else the middle of three ('ngoài'), the first of an open pair ('mái', 'của'); 'oa', 'oe', 'uy'
    on either when open (old 'hoà' and new 'hòa' placement), on the second before a consonant."""
    marked = [i for i, c in enumerate(nucleus) if c in "ăâêôơư"]
    if marked:
        return frozenset({marked[-1]})
    if len(nucleus) == 3:
        return frozenset({1})
    if nucleus in ("oa", "oe", "uy"):
        return frozenset({1}) if has_coda else frozenset({0, 1})
    return frozenset({0})


def _word_counts(text: str) -> Counter[str]:
    """How often each word with a non-ASCII character occurs (ASCII words are never converted)."""
    return Counter(w for w in _TOKEN_RE.findall(text) if not w.isascii())


def _reading_score(text: str) -> int:
    """Words that are Vietnamese syllables minus words with other non-ASCII characters."""
    return sum(n if _is_syllable(w) else -n for w, n in _word_counts(text).items())


def _garbled_share(text: str) -> float:
    """The share of words that are odd (see `_is_odd`): 0 for real text, high for text read in the
    wrong encoding."""
    words = Counter(_TOKEN_RE.findall(text))
    total = sum(words.values())
    if total < 5:
        return 0.0
    return sum(n for w, n in words.items() if _is_odd(w)) / total


def _is_odd(word: str) -> bool:
    """A word no language writes: controls or U+FFFD inside, letters mixed with symbols
    ('Cá»™ng', 'x·'), or Vietnamese letters mixed with other Latin ones ('hoµ'). Not odd:
    Vietnamese words, names and abbreviations ('HĐND'), another script's words, a symbol standing
    alone ('©'), and units with superscripts or degrees ('m²', '°C')."""
    word = word.strip("¹²³°")
    if word.isascii() or set(word) <= _vietnamese_letters():
        return False
    if "\ufffd" in word or any(c < " " or "\x7f" <= c <= "\x9f" for c in word):
        return True
    if not any(c.isalpha() for c in word):
        return False
    return not word.isalpha() or any("\x80" <= c <= "\u024f" for c in word)


@cache
def _suspect_re() -> re.Pattern[str]:
    """Characters Vietnamese text in Unicode does not use: Latin-1 symbols and letters that are not
    Vietnamese (where TCVN3, VNI and mojibake live), controls, and U+FFFD. One search over clean
    text finds none, and that is all clean UTF-8 costs."""
    letters = _vietnamese_letters()
    odd = [chr(c) for c in range(0x80, 0x100) if chr(c) not in letters and c != 0xA0]
    odd += [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f\v"] + ["\x7f", "\ufffd"]
    return re.compile("[" + re.escape("".join(odd)) + "]")


# --- small helpers ----------------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
    "latin-1": "Latin-1",
    "iso8859-1": "Latin-1",
    "sloppy-windows-1252": "Windows-1252",
    "macroman": "Mac Roman",
    "mac-roman": "Mac Roman",
}


def _label(enc: str) -> str:
    """A codec name as people know it: 'cp1258' -> 'Windows-1258'."""
    if enc in _LABELS:
        return _LABELS[enc]
    for prefix in ("cp125", "windows-125"):
        if enc.startswith(prefix):
            return f"Windows-125{enc.removeprefix(prefix)}"
    return enc.upper()
