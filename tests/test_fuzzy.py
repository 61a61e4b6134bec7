"""Misspelled names are read as the vocabulary spells them; near but distinct names never merge."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from vbgraph.loaders import bodies as bd
from vbgraph.loaders import obligations as ob
from vbgraph.loaders.normalize import fold as loaders_fold
from vbgraph.loaders.records import Issue
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import (
    KIND,
    Correction,
    Vocabulary,
    _fold_char,
    fold,
    fold_aligned,
    max_edits,
    read_code,
)

from conftest import CORPUS_000, CORPUS_003

# (as written, as read): one or two characters wrong, missing, or a space lost; diacritics wrong.
TYPOS_READ = [
    ("BAN TUYỂN GIÁO TỈNH ỦY", "BAN TUYÊN GIÁO TỈNH ỦY"),
    ("BAN CÁNSỰ ĐẢNG UBND TỈNH", "BAN CÁN SỰ ĐẢNG UBND TỈNH"),
    ("TRƯỞNG CHÍNH TRỊ TỈNH", "TRƯỜNG CHÍNH TRỊ TỈNH"),
    ("BAN TUYÊNGIÁO TỈNH ỦY", "BAN TUYÊN GIÁO TỈNH ỦY"),
    ("Sở Kế hoạch và Đầ tư", "Sở Kế hoạch và Đầu tư"),
    ("Sở Thông tinvà Truyền thông", "Sở Thông tin và Truyền thông"),
    ("Sở Nông nghiệp và Phát trển nông thôm", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở Tài nguyên và Môi truong", "Sở Tài nguyên và Môi trường"),
    ("Ủy ban Mặt trận Tổ quôc tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
]

# Names spelled right are read as written, with no correction.
READ_AS_WRITTEN = [
    # a word written with its letters ('ô' of 'trồng') is no slip of another ('ư', 'ơ' of 'trưởng')
    "Cục Trồng trọt và Bảo vệ thực vật",
    # a place's name is no staff word ('Gia Viễn' is no 'giáo viên')
    "Ủy ban nhân dân huyện Gia Viễn",
    "Vụ Trồng trọt",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Sở Nội vụ",
    "Sở Ngoại vụ",
    "Huyện ủy Việt Yên",
    "Ban Thường vụ Tỉnh đoàn",
    "Trung ương Đoàn",
    "Ban Chỉ đạo 35 Tỉnh ủy",
    "các cơ quan liên quan",
    "Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh",
    "Đảng ủy Khối doanh nghiệp tỉnh",
    "Thị ủy",
    # districts whose name is one letter from a committee word: a word's first letter is no slip
    "HUYỆN TUY PHƯỚC",
    "Ủy ban nhân dân huyện Tuy An",
    "UBND huyện Kỳ Sơn",
    "Huyện Kỳ Anh",
]

# (misspelled issuing body, the body it names): whole names, within one or two characters.
BODY_TYPOS = [
    ("Ban Tuyên giáo Trung ươn", "Ban Tuyên giáo Trung ương"),
    ("Ủy ban Kiểm tr Trung ương", "Ủy ban Kiểm tra Trung ương"),
    ("Văn phòng Trung ương Đảg", "Văn phòng Trung ương Đảng"),
    ("Ủy ban Thường vụ Quốc hộ", "Ủy ban Thường vụ Quốc hội"),
    ("Ban Bí thư Trung ươg Đản", "Ban Bí thư"),
    ("Hội đồng nhân dn tỉnh", "Hội đồng nhân dân tỉnh"),
]

# (a name, a different body it is close to): never read as each other.
DISTINCT = [
    ("Sở Nội vụ", "Sở Ngoại vụ"),
    ("Ban Tuyên giáo", "Ban Dân vận"),
    ("Huyện ủy", "Tỉnh ủy"),
    ("Trung ương Đoàn", "Trung ương Đảng"),
    ("Ban Chỉ đạo 35", "Ban Chỉ đạo 36"),
    ("Ủy ban nhân dân huyện", "Ủy ban nhân dân tỉnh"),
    ("Ban Thường vụ Tỉnh đoàn", "Ban Thường vụ Tỉnh ủy"),
    ("Ban Dân tộc", "Ban Dân vận"),
    ("Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Trung ương"),
    ("Quận ủy", "Quân y"),
    ("Thị ủy", "Tỉnh ủy"),
    ("Sở Công an", "Sở Công Thương"),
]


@pytest.mark.parametrize(("written", "read"), TYPOS_READ)
def test_misspelled_names_are_read_as_the_vocabulary_spells_them(written, read):
    got, corrections = tables.body_vocabulary().read(written)
    assert got == read
    assert corrections and all(c.kind == KIND for c in corrections)


@pytest.mark.parametrize("name", READ_AS_WRITTEN)
def test_names_spelled_right_are_read_as_written(name):
    assert tables.body_vocabulary().read(name) == (name, ())


@pytest.mark.parametrize(("written", "body"), BODY_TYPOS)
def test_misspelled_issuing_bodies_are_found_and_the_reading_reported(written, body):
    m = tables.match_body(written)
    assert m is not None and m.entry.name == body
    assert m.correction is not None and m.correction.message.startswith(
        f"'{written}' read as '{body}' (score "
    )
    assert tables.canonical_body(written) == m.entry


@pytest.mark.parametrize(("a", "b"), DISTINCT)
def test_near_but_distinct_bodies_never_merge(a, b):
    assert Vocabulary([a]).closest(b) is None
    assert Vocabulary([b]).closest(a) is None


@pytest.mark.parametrize(
    "name",
    [
        "Trung ương Đoàn",
        "Huyện ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Ban Tổ chức Huyện ủy",
        "Ủy ban nhân dân huyện",
        "Ban Thường vụ Tỉnh đoàn",
        "Thị ủy",
    ],
)
def test_bodies_outside_the_table_are_not_read_as_one_in_it(name):
    assert tables.match_body(name) is None


def test_spelled_right_issuers_need_no_correction():
    for b in tables.bodies():
        for alias in (b.name, *b.aliases):
            assert tables.match_body(alias).correction is None, alias


def test_no_two_vocabulary_entries_are_within_the_allowance_unless_one_body():
    """Else a slip in one could be read as the other: the allowance must stay below their distance."""
    vocab = tables.body_vocabulary()
    keys = [fold(e) for e in vocab._by_fold.values()]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if Levenshtein.distance(a, b) <= max(max_edits(len(a)), max_edits(len(b))):
                assert tables.canonical_body(a) is not None and tables.canonical_body(
                    a
                ) == tables.canonical_body(b), (a, b)


def test_the_allowance_grows_with_length():
    assert [max_edits(n) for n in (0, 7, 8, 19, 20, 60)] == [0, 0, 1, 1, 2, 2]
    assert Vocabulary(["Tỉnh ủy"]).closest("Tnh ủy") is None  # too short for a slip to be told from a name


def test_a_text_as_close_to_two_entries_is_not_read():
    vocab = Vocabulary(["Sở Tài chính", "Sở Tài chánh"])
    assert vocab.closest("Sở Tài chunh") is None
    assert vocab.closest("Sở Tài chínhh").entry == "Sở Tài chính"


def test_diacritics_alone_are_read_on_runs_of_words_never_on_a_single_syllable():
    vocab = Vocabulary(["Trường Chính trị", "trường"])
    assert vocab.read("Trưởng ban") == ("Trưởng ban", ())  # 'trưởng' (head of) is a word of its own
    assert vocab.read("Trưởng Chính trị")[0] == "Trường Chính trị"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Trưởng bản", "Trưởng bản"),  # a village's head, no head of a committee
        ("trưởng thôn, bản", "trưởng thôn, bản"),
        ("Trưởng bàn", "Trưởng ban"),  # 'bàn' is no kept word: a slip still read
        ("Trưởng Chính trị", "Trường Chính trị"),
    ],
)
def test_a_kept_word_is_never_read_for_its_diacritics(written, read):
    vocab = Vocabulary(["Trường Chính trị", "trưởng ban"], kept=["bản", "thôn"])
    assert vocab.read(written)[0] == read


def test_a_correction_becomes_an_issue():
    c = Correction("TUYỂN GIÁO", "Tuyên giáo", 100)
    issue = Issue("f.txt", **c.issue(12))
    assert issue == Issue("f.txt", 12, "fuzzy-correction", "'TUYỂN GIÁO' read as 'Tuyên giáo' (score 100)")


def test_canonical_names_read_misspellings_and_say_so():
    name, corrections = bd.read_name("BAN CÁNSỰ ĐẢNG UBND TỈNH")
    assert name == "Ban cán sự đảng Ủy ban nhân dân tỉnh"
    assert [c.message for c in corrections] == ["'BAN CÁNSỰ ĐẢNG' read as 'ban cán sự đảng' (score 97)"]
    assert bd.read_name(name) == (name, ())  # reading the reading changes nothing
    assert bd.canonical_name("Ban Tuyên giáo Tỉnh ủy") == "Ban Tuyên giáo Tỉnh ủy"


def test_renames_hold_for_abbreviated_names_too():
    assert bd.split_bodies("Đảng đoàn MTTQ tỉnh") == ["Đảng đoàn Ủy ban Mặt trận Tổ quốc tỉnh"]
    assert bd.split_bodies("Đảng đoàn Mặt trận Tổ quốc tỉnh") == ["Đảng đoàn Ủy ban Mặt trận Tổ quốc tỉnh"]


TABLE = [
    "TT\tThế loại văn bản\tCơ quan chủ trì chuẩn bị\tThời gian trình",
    "I- BAN TUYỂN GIÁO TỈNH ỦY\t\t\t",
    "1.\tNghị quyết về công tác tuyên giáo.\t\tQuý III/2021",
    "2.\tChỉ thị về công tác dư luận xã hội.\t\tQuý IV/2021",
    "3.\tĐề án về đào tạo cán bộ.\tTRƯỞNG CHÍNH TRỊ TỈNH\tQuý IV/2021",
]


def test_table_readings_go_once_each_to_the_obligations_with_their_lines():
    obs = ob.table_obligations([ob.Line(t, i) for i, t in enumerate(TABLE, start=10)])
    assert [o.assignees[0].name for o in obs] == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Trường Chính trị tỉnh",
    ]
    got = [c for o in obs for c in o.corrections]
    assert got == [
        {"line": 10, "kind": KIND, "message": "'Thế loại' read as 'thể loại' (score 100)"},
        {"line": 11, "kind": KIND, "message": "'TUYỂN GIÁO' read as 'Tuyên giáo' (score 100)"},
        {"line": 14, "kind": KIND, "message": "'TRƯỞNG CHÍNH TRỊ' read as 'Trường Chính trị' (score 100)"},
    ]
    assert obs[1].corrections == ()


def test_the_ontology_fold_is_the_loaders_fold():
    for path in (CORPUS_000, CORPUS_003):
        for line in path.read_text(encoding="utf-8").splitlines()[:800]:
            assert fold(line) == loaders_fold(line)


@pytest.mark.parametrize(
    "text, folded",
    [
        ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "uy ban nhan dan tinh dong thap"),
        ("Đắk Lắk\tĐộc lập", "dak lak\tdoc lap"),
        ("ﬁ ß ²", "ﬁ ß ²"),  # a character folding to more or less than one is kept as written
    ],
)
def test_the_aligned_fold_keeps_one_character_for_each(text, folded):
    assert fold_aligned(text) == folded
    assert len(fold_aligned(text)) == len(unicodedata.normalize("NFC", text))


@given(st.text())
def test_the_aligned_fold_is_the_fold_of_each_character(text):
    nfc = unicodedata.normalize("NFC", text)
    assert fold_aligned(text) == "".join(_fold_char(c) for c in nfc)


def test_the_ontology_imports_no_loader():
    from conftest import ROOT

    for path in (ROOT / "ontology").glob("*.py"):
        assert "vbgraph.loaders" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("TVV", "TW"),  # OCR read the W as VV
        ("T0", None),  # 'TO' is no code
        ("ĐUQS", None),  # a local Party committee's code one letter from ĐUQH is its own
        ("ĐUBP", None),  # (the military's, a bộ phận's): no edit distance reads a code
        ("ĐUCV", None),
        ("BCĐ", None),  # a short code one letter from another is a code of its own
        ("TV", None),
        ("HU", None),  # spelt
    ],
)
def test_a_misread_code_is_read_as_the_one_known_code_it_plainly_spells(written, read):
    assert read_code(written, ["TW", "TU", "HU", "ĐU", "ĐUK", "ĐUCP", "ĐUQH", "ĐUCA", "BCSĐ"]) == read
