"""Decoding a file: every encoding a Vietnamese office used gives back the same NFC text, and says
what it guessed or converted."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from vbgraph.errors import UnreadableFile
from vbgraph.loaders.encodings import UNRECOGNISED, Decoded, decode, from_legacy, legacy_letters
from vbgraph.ontology import tables

# A document header and a paragraph with every vowel family and every tone.
TEXT = """ỦY BAN NHÂN DÂN
TỈNH BẮC GIANG
Số: 15/2014/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Giang, ngày 10 tháng 3 năm 2014

QUYẾT ĐỊNH
Về việc ban hành Quy chế phối hợp quản lý người lao động nước ngoài

Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;
Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 25/TTr-SLĐTBXH,
các sở, ban, ngành, Ủy ban nhân dân các huyện chịu trách nhiệm thi hành; những điều khoản trước
đây trái với Quyết định này đều bãi bỏ. Mỗi cơ quan gửi báo cáo kết quả thực hiện trước ngày 31
tháng 12 hằng năm; việc ghi nhớ, giữ gìn, sửa chữa hồ sơ do người đứng đầu bảo đảm. Kỹ thuật
viên được khuyến khích nghiên cứu, tuyển chọn giống lúa mới; mỗi xã chuẩn bị đủ thuốc, lương
thực để ứng phó bão lũ, bảo vệ đê điều; tiếp tục củng cố ủy ban phường, thị trấn, nhưng tránh
để thiếu sót, lãng phí. Chú ý: khẩn trương kiểm tra mức độ ô nhiễm, xử lý nghiêm vi phạm.
"""

TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_tcvn3(text: str) -> str:
    """Text typed in the .VnTime fonts, as Windows-1252 shows it. A capital with no code of its
    own takes its lowercase letter's code, as in the .VnTimeH heading fonts."""
    table = legacy_letters("tcvn3")
    return "".join(table.get(c) or table.get(c.lower(), c) for c in text)


def to_vni(text: str) -> str:
    table = legacy_letters("vni")
    return "".join(table.get(c, c) for c in text)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: a letter the code page has whole (á, â, ơ, đ)
    is one byte; any other letter is its base with hat, breve or horn, then its tone as a
    combining byte ('ộ' = 'ô' + dot below)."""
    out = bytearray()
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", c)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out += (base + "".join(p for p in parts if p in TONES)).encode("cp1258")
    return bytes(out)


def as_windows_1252(data: bytes) -> str:
    """Bytes read as Windows reads Windows-1252 (its five undefined bytes as C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def vntimeh(text: str) -> str:
    """What TCVN3 gives back: one-capital words with a tone mark come back in lowercase."""
    return from_legacy(to_tcvn3(text), "tcvn3")


# --- every encoding gives back the same text --------------------------------------------------------

ENCODED = [
    # (what the office saved, its bytes, encoding reported, a warning that must say so or None)
    ("UTF-8", TEXT.encode("utf-8"), "utf-8", None),
    ("UTF-8 with BOM (Notepad)", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", None),
    (
        "UTF-16 LE with BOM (Word 'Unicode text')",
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        "utf-16-le",
        None,
    ),
    ("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", None),
    ("UTF-32 LE with BOM", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le", None),
    (
        "UTF-16 LE without BOM",
        TEXT.encode("utf-16-le"),
        "utf-16-le",
        "read as UTF-16 LE (the file has no byte-order mark)",
    ),
    ("UTF-8 decomposed (macOS)", unicodedata.normalize("NFD", TEXT).encode("utf-8"), "utf-8", None),
    ("Windows-1258", to_cp1258(TEXT), "cp1258", "read as Windows-1258"),
    ("TCVN3", to_tcvn3(TEXT).encode("cp1252"), "tcvn3", "converted from TCVN3 (ABC) font encoding"),
    ("VNI", to_vni(TEXT).encode("cp1252"), "vni", "converted from VNI (VNI-Times) font encoding"),
    (
        "TCVN3 font typed, saved as UTF-8",
        to_tcvn3(TEXT).encode("utf-8"),
        "utf-8+tcvn3",
        "converted from TCVN3 (ABC) font encoding typed into Unicode text",
    ),
    (
        "VNI font typed, saved as UTF-8",
        to_vni(TEXT).encode("utf-8"),
        "utf-8+vni",
        "converted from VNI (VNI-Times) font encoding typed into Unicode text",
    ),
    (
        "VNI font typed, saved as UTF-16",
        codecs.BOM_UTF16_LE + to_vni(TEXT).encode("utf-16-le"),
        "utf-16-le+vni",
        "converted from VNI (VNI-Times) font encoding typed into Unicode text",
    ),
    (
        "mojibake: UTF-8 read as Windows-1252, saved as UTF-8",
        as_windows_1252(TEXT.encode("utf-8")).encode("utf-8"),
        "utf-8+mojibake",
        "repaired mojibake (UTF-8 read as Windows-1252)",
    ),
]


@pytest.mark.parametrize(("saved_as", "data", "encoding", "warning"), ENCODED, ids=[e[0] for e in ENCODED])
def test_every_encoding_decodes_to_the_same_text(saved_as, data, encoding, warning):
    decoded = decode(data, "qd-15.txt")
    expected = vntimeh(TEXT) if "tcvn3" in encoding else TEXT
    assert decoded.text == expected
    assert decoded.encoding == encoding
    assert decoded.warnings == (() if warning is None else (warning,))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # a heading in capitals: every word comes back in capitals
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("KẾ HOẠCH", "KẾ HOẠCH"),
        ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ"),
        # the .VnTimeH limit: a capital with a tone mark alone among lowercase words is lost
        ("Ủy ban nhân dân tỉnh", "ủy ban nhân dân tỉnh"),
        ("Số: 15/2014/QĐ-UBND", "Số: 15/2014/QĐ-UBND"),
    ],
)
def test_tcvn3_capitals_come_back_in_headings(typed, read):
    assert vntimeh(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # capitals with a tone typed in lowercase codes, the others in ASCII capitals: mostly capitals
        ("CHØ THÞ CñA BAN TH¦êNG Vô HUYÖN Uû", "CHỈ THỊ CỦA BAN THƯỜNG VỤ HUYỆN UỶ"),
        ("PHã BÝ TH¦", "PHÓ BÍ THƯ"),
        # a sentence: capitals are the exception, a lowercase ASCII letter is typed lowercase
        ("UBND, H§ND tØnh vµ Së Néi vô", "UBND, HĐND tỉnh và Sở Nội vụ"),
    ],
)
def test_a_line_mostly_in_capitals_is_a_vntimeh_heading(typed, read):
    assert from_legacy(typed, "tcvn3") == read


# A TCVN3 file whose headings were typed in .VnTimeH, all in lowercase codes.
VNTIMEH_FILE = [
    ("®¶ng bé tØnh ninh b×nh", "ĐẢNG BỘ TỈNH NINH BÌNH"),  # the first line: nothing above
    ("huyÖn uû kim s¬n", "HUYỆN UỶ KIM SƠN"),  # under a heading
    ("Sè 05 CT/HU", "Số 05 CT/HU"),
    ("®¶ng céng s¶n viÖt nam", "ĐẢNG CỘNG SẢN VIỆT NAM"),  # under a symbol
    ("", ""),
    ("chØ thÞ cña ban th\u00adêng vô huyÖn uû", "CHỈ THỊ CỦA BAN THƯỜNG VỤ HUYỆN UỶ"),  # under a blank line
    ('vÒ l·nh ®¹o cuéc vËn ®éng "Toµn d©n"', 'về lãnh đạo cuộc vận động "Toàn dân"'),  # a capital: as typed
    (
        "Ban Tuyªn gi¸o HuyÖn uû chñ tr× h\u00adíng dÉn c¸c x·",
        "Ban Tuyên giáo Huyện uỷ chủ trì hướng dẫn các xã",
    ),
    ("x©y dùng quy \u00adíc lµng v¨n ho¸", "xây dựng quy ước làng văn hoá"),  # a paragraph goes on
    ("- L\u00adu VPHU.", "- Lưu VPHU."),
    ("t/m ban th\u00adêng vô", "T/M BAN THƯỜNG VỤ"),  # under a sentence's end
    ("bÝ th\u00ad", "BÍ THƯ"),
    ("a) c¸c x· tæ chøc", "a) các xã tổ chức"),  # a point: no heading's shape
]


def test_a_vntimeh_heading_typed_in_lowercase_codes_comes_back_in_capitals():
    """.VnTimeH draws lowercase codes as capitals: a line without a capital that has a heading's
    shape and does not go on from a sentence above was typed in it; anything else stays as typed."""
    data = "\n".join(typed for typed, _ in VNTIMEH_FILE).encode("cp1252")
    assert decode(data, "ct-05.txt").text.split("\n") == [read for _, read in VNTIMEH_FILE]


def test_tcvn3_loses_only_the_case_of_a_few_words():
    assert vntimeh(TEXT).lower() == TEXT.lower()


def test_a_pasted_tcvn3_paragraph_is_converted_and_the_unicode_lines_are_kept():
    """A line with a letter beyond Latin-1 ('Ộ', 'ư') was typed in Unicode: only the others are
    read as legacy text, so the Unicode header is not turned into TCVN3 nonsense."""
    paragraph = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nTheo đề nghị của Sở Nội vụ,"
    )
    header = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    decoded = decode((header + to_tcvn3(paragraph) + "\nQUYẾT ĐỊNH:\n").encode("utf-8"), "x.txt")
    assert decoded.text == header + paragraph + "\nQUYẾT ĐỊNH:\n"
    assert decoded.encoding == "utf-8+tcvn3"


# --- the tables, checked by hand-written examples and by their own shape ---------------------------

EXAMPLES = tables.load("encodings.toml")["example"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["legacy"] for e in EXAMPLES])
def test_every_example_converts(example):
    assert from_legacy(example["legacy"], example["encoding"]) == example["unicode"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["legacy"] for e in EXAMPLES])
def test_every_example_is_recognised_as_bytes_and_inside_utf8(example):
    as_bytes = decode(example["legacy"].encode("cp1252"), "x.txt")
    assert (as_bytes.text, as_bytes.encoding) == (example["unicode"], example["encoding"])
    in_utf8 = decode(example["legacy"].encode("utf-8"), "x.txt")
    assert (in_utf8.text, in_utf8.encoding) == (example["unicode"], "utf-8+" + example["encoding"])


def _all_letters() -> set[str]:
    """The 134 letters with a mark: 12 vowels x 6 tones less the 6 plain ones, and đ; both cases."""
    lower = {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in ["", *TONES]}
    lower = (lower - set("aeiouy")) | {"đ"}
    return lower | {c.upper() for c in lower}


def test_vni_covers_all_134_letters():
    assert set(legacy_letters("vni")) == _all_letters()
    assert len(_all_letters()) == 134


def test_tcvn3_covers_the_lowercase_letters_and_its_seven_capitals():
    lowercase = {c for c in _all_letters() if c.islower()}
    assert set(legacy_letters("tcvn3")) == lowercase | set("ĂÂÊÔƠƯĐ")


@pytest.mark.parametrize("key", ["tcvn3", "vni"])
def test_tables_are_one_to_one_in_windows_1252_letters(key):
    table = legacy_letters(key)
    assert len(set(table.values())) == len(table)
    for legacy in table.values():
        assert all(0xA0 <= b <= 0xFF or 0x41 <= b <= 0x7A for b in legacy.encode("cp1252")), legacy


@pytest.mark.parametrize("key", ["tcvn3", "vni"])
def test_every_letter_converts_back(key):
    for letter, legacy in legacy_letters(key).items():
        assert from_legacy(legacy, key) == letter


@pytest.mark.parametrize(
    ("legacy", "key", "unicode"),
    [
        # Hand-checked letter by letter against the sources named in ontology/encodings.toml.
        ("µ ¸ ¶ · ¹", "tcvn3", "à á ả ã ạ"),
        ("¨ » ¾ ¼ ½ Æ", "tcvn3", "ă ằ ắ ẳ ẵ ặ"),
        ("\u00ad õ ø ö ÷ ù", "tcvn3", "ư ừ ứ ử ữ ự"),
        ("¡ ¢ £ ¤ ¥ ¦ §", "tcvn3", "Ă Â Ê Ô Ơ Ư Đ"),
        ("aø aù aû aõ aï", "vni", "à á ả ã ạ"),
        ("aâ aà aá aå aã aä", "vni", "â ầ ấ ẩ ẫ ậ"),
        ("ì í æ ó ò", "vni", "ì í ỉ ĩ ị"),
        ("ÖØ ÖÙ ÖÛ ÖÕ ÖÏ Î Ñ", "vni", "Ừ Ứ Ử Ữ Ự Ỵ Đ"),
    ],
)
def test_hand_checked_letters(legacy, key, unicode):
    assert from_legacy(legacy, key) == unicode


# --- text left alone ----------------------------------------------------------------------------------

UNCHANGED = [
    ("English", "The committee met on 10 March 2014 and approved the plan.\n"),
    ("a copyright sign", "Bản quyền © 2014 thuộc Ủy ban nhân dân tỉnh Bắc Giang.\n"),
    ("a micro sign", "Hạt bụi mịn kích thước dưới 2,5 µm gây hại cho sức khỏe.\n"),
    ("both, and a footnote mark", "Điều 1¹. Bản quyền © 2014; bụi mịn 5 µm; diện tích 20 m².\n"),
    ("a German name", "Đồng chí tiếp ông Müller, Đại sứ Cộng hòa Liên bang Đức.\n"),
    ("the whole test text", TEXT),
    ("Windows line ends", TEXT.replace("\n", "\r\n")),
]


@pytest.mark.parametrize(("what", "text"), UNCHANGED, ids=[u[0] for u in UNCHANGED])
def test_plain_utf8_comes_back_unchanged(what, text):
    assert decode(text.encode("utf-8"), "x.txt") == Decoded(text, "utf-8", ())


VIETNAMESE_LETTERS = sorted(_all_letters()) + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@given(st.text(alphabet=[*VIETNAMESE_LETTERS, *"0123456789 \n\r\t.,;:-/()\"'"], max_size=200))
def test_any_vietnamese_utf8_text_decodes_unchanged(text):
    assume(text.strip())
    assert decode(text.encode("utf-8"), "x.txt") == Decoded(text, "utf-8", ())


# --- what cannot be read, or only with a warning ---------------------------------------------------

UNREADABLE = [
    ("empty", b"", "empty file"),
    ("blank lines", b" \n\r\n\t", "empty file"),
    ("a byte-order mark only", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty file"),
    (
        "PNG image",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        "not a text file (binary content)",
    ),
    ("control bytes", bytes(range(1, 32)) * 40, "not a text file (binary content)"),
    ("high bytes, no language", bytes(range(0x80, 0x100)) * 8, UNRECOGNISED),
]


@pytest.mark.parametrize(("what", "data", "reason"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_unreadable_files_say_why(what, data, reason):
    with pytest.raises(UnreadableFile) as caught:
        decode(data, "scan.txt")
    assert caught.value.reason == reason
    assert str(caught.value) == f"scan.txt: {reason}"


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning():
    """A dash pasted from a Windows-1252 file into UTF-8 text is damage, not another encoding."""
    dash = b" \x96 "  # an en dash in Windows-1252
    data = TEXT.encode("utf-8").replace(" - Tự do - ".encode(), dash + "Tự do".encode() + dash)
    decoded = decode(data, "x.txt")
    assert decoded.encoding == "utf-8"
    assert "Độc lập \ufffd Tự do \ufffd Hạnh phúc" in decoded.text
    assert decoded.warnings == ("2 invalid UTF-8 sequence(s) replaced with U+FFFD",)


def test_mojibake_that_cannot_be_fully_repaired_is_called_garbled():
    """Mojibake whose bytes were partly lost ('»' saved as '?'): what ftfy repairs is kept, and
    the rest is not passed off as text."""
    damaged = as_windows_1252(TEXT.encode("utf-8")).replace("»", "?").replace("º", "?")
    decoded = decode(damaged.encode("utf-8"), "x.txt")
    assert decoded.warnings[-1].startswith("the text looks garbled (")
    assert decoded.warnings[-1].endswith("% of its words hold odd characters); check its encoding")


def test_another_single_byte_encoding_is_named():
    decoded = decode("Привет, это русский текст для проверки.".encode("cp1251"), "x.txt")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (
        "Привет, это русский текст для проверки.",
        "cp1251",
        ("read as Windows-1251",),
    )
