"""The clean stage: scraper and PDF noise goes, one line stays one line, real text stays as it is."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbgraph.loaders import clean
from vbgraph.loaders.clean import STEPS, clean_line, clean_lines, clean_text, markdown_tables
from vbgraph.loaders.normalize import normalize_text
from vbgraph.loaders.text_tables import text_tables
from vbgraph.ontology import tables

from conftest import CORPUS_003

ESCAPES = [
    (
        "Thực hiện Quyết định số 1896/QĐ-TTg\\r\\nngày 25/12/2019",
        "Thực hiện Quyết định số 1896/QĐ-TTg ngày 25/12/2019",
    ),
    ("\\r\\n\\r\\n\\r\\n\\r\\n1. Mục tiêu chung", "1. Mục tiêu chung"),
    ("\\r\\n\\r\\n\\r\\n\\r\\n\\r\\n\\r\\n", ""),
    ("người\\nViệt Nam", "người Việt Nam"),
    ("cột 1\\tcột 2\\rcột 3", "cột 1 cột 2 cột 3"),
    ("đôi gạch\\\\r\\\\nngày", "đôi gạch ngày"),
]

CELLS = [
    ("|", ""),
    (" | | ", ""),
    ("|\t|", ""),
    (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ),
    ("| CỘNG HÒA XÃ HỘI", "CỘNG HÒA XÃ HỘI"),
    (
        "Số: 41/2019/QĐ-UBND|Quảng Trị, ngày 22 tháng 10 năm 2019",
        "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019",
    ),
    ("- Như Điều 3;   |   TM. ỦY BAN NHÂN DÂN |", "- Như Điều 3; | TM. ỦY BAN NHÂN DÂN"),
    ("a || b", "a | | b"),
    (
        "\\r\\n Số: 54/KH-UBND \\r\\n | \\r\\n \\r\\n Lạng Sơn, ngày 27 tháng 3 năm 2020 \\r\\n | \\r\\n",
        "Số: 54/KH-UBND | Lạng Sơn, ngày 27 tháng 3 năm 2020",
    ),
]

GLUED = [
    # a lowercase letter, then a capital
    (
        "Theo đề nghị của Sở Xây dựng tạiTờ trình số 350/TTr-SXD",
        "Theo đề nghị của Sở Xây dựng tại Tờ trình số 350/TTr-SXD",
    ),
    ("hệ thống chính trị thành phốHà Nội", "hệ thống chính trị thành phố Hà Nội"),
    ("theoQuyết định số 640/QĐ-TTg", "theo Quyết định số 640/QĐ-TTg"),
    ("Văn bản chỉ đạoVÀ hướng dẫn", "Văn bản chỉ đạo VÀ hướng dẫn"),
    ("kỷ niệm 100 nămNgày sinh", "kỷ niệm 100 năm Ngày sinh"),
    ("cố TổngBí thư", "cố Tổng Bí thư"),
    ("Tại phiên họp", "Tại phiên họp"),
    ("TạiHội nghị", "Tại Hội nghị"),
    ("ĐắkLắk", "Đắk Lắk"),
    ("CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA Xà HỘI CHỦ NGHĨA VIỆT NAM"),
    ("làm việc theoBan chỉ đạo", "làm việc theo Ban chỉ đạo"),
    ("tạiTTrSXD", "tại TTrSXD"),
    # an issuer code, then a function word
    (
        "Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012",
        "Căn cứ Thông báo số 70-TB/TW ngày 06 tháng 01 năm 2012",
    ),
    ("Kế hoạch số 25-KH/TUcủa Ban Thường vụ", "Kế hoạch số 25-KH/TU của Ban Thường vụ"),
    ("Nghị quyết của HĐNDvà UBND", "Nghị quyết của HĐND và UBND"),
    ("Quyết định 12/QĐ-UBNDtại", "Quyết định 12/QĐ-UBND tại"),
    # a lead word, then a number
    ("Căn cứ Luật Xây dựng ngày26/11/2003;", "Căn cứ Luật Xây dựng ngày 26/11/2003;"),
    ("Chỉ thị số 45-CT/TW ngày22 tháng 7 năm 2010", "Chỉ thị số 45-CT/TW ngày 22 tháng 7 năm 2010"),
    ("đến năm2025", "đến năm 2025"),
    ("Quyết định số12/QĐ-UBND", "Quyết định số 12/QĐ-UBND"),
    ("Ngày26/11/2003", "Ngày 26/11/2003"),
    ("70-TB/TWngày06 tháng 01", "70-TB/TW ngày 06 tháng 01"),
    # a number, then a lowercase Vietnamese word
    ("tổ chức kỷ niệm 100năm Ngày sinh", "tổ chức kỷ niệm 100 năm Ngày sinh"),
    ("năm 2001của Chính phủ", "năm 2001 của Chính phủ"),
    ("ngày22tháng7năm2012", "ngày 22 tháng 7 năm 2012"),
    ("2.500đồng", "2.500 đồng"),
]

LETTERS = [
    ("K ÉT LUẬN", "KÉT LUẬN"),
    ("T HÔNG BÁO", "THÔNG BÁO"),
    ("N GHỊ QUYẾT", "NGHỊ QUYẾT"),
    ("Q UYẾT ĐỊNH", "QUYẾT ĐỊNH"),
    ("C HỈ THỊ", "CHỈ THỊ"),
    ("di tích Kinh thành H u ế..., góp phần", "di tích Kinh thành Huế..., góp phần"),
    ("ở H u ế", "ở Huế"),
    ("về n h à", "về nhà"),
]

# Real text that must come out exactly as it went in.
UNCHANGED = [
    "Nghị quyết số 52-NQ/TW ngày 22/3/2016",
    "Quyết định số 14/2014/QĐ-UBND",
    "Chương trình số 27-CTr/TU",
    "Hướng dẫn thực hiện Quy định số 08-QĐi/TW",
    "Tờ trình số 350/TTr-SXD",
    "Quyết định số 69/QĐ-BNNPTNT-VPĐP ngày 09/01/2017",
    "Ủy viên Ban Chấp hành CTHĐ, HĐND, UBND",
    "dưới 2.500 gram",
    "Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011",
    "lớp 1a, 15%, lúc 09h30, cách 5km, 18m²/người, mã 845be7d462c89c00",
    "Hà Nội, ngày 05 tháng 01 năm 2026",
    "Nghị quyết 653/2019/UBTVQH14; Quốc lộ QL17; F0, F1",
    # ASCII brand names and codes: left as written ("iPhone": a one-letter lowercase head is a prefix)
    "Internet vạn vật (IoT), VietGAP, GlobalGAP, mã bưu chính (VpostCode), iPhone, VnExpress, macOS",
    # tab-separated table rows, trailing empty cells included
    "TT\tSố, ký hiệu, ngày/tháng/năm\tTrích yếu văn bản\tTrang",
    "1\tChương trình hành động số 03-CTr/TU ngày 04/12/2020\tVề thực hiện Nghị quyết\t9",
    "I Tỉnh ủy ban hành\t\t\t",
    "\t\t\t",
    "- Văn phòng Trung ương Đảng, | (*báo cáo*)",
    # markdown chunk headers are read by another stage
    "# 48_2013_NĐ_CP_art1_part1",
    "## Điều 1. Phạm vi điều chỉnh",
    # letter-spacing look-alikes
    "V ĐÁNH GIÁ TÌNH HÌNH",  # a Roman numeral
    "X ÁC ĐỊNH",  # V and X are left alone
    "B NỘI DUNG",  # 'BN' opens no syllable
    "A ĐẶT VẤN ĐỀ",  # a vowel is a word of its own
    "V MTTQ và đoàn thể",
    "HOẠT ĐỘNG TRONG LĨNH VỰC GIÁO DỤC - ĐÀO TẠO, DẠY NGHỀ, Y TẾ, VĂN HÓA",
    "các điểm a, b, c khoản 1",
    "theo thứ tự a b c",
    "t h e n h à",  # the whole run is no syllable, so no part of it is joined
    "",
]

# Two syllables glued by a lost space: split where both parts are syllables with a Vietnamese letter.
SYLLABLES = [
    ("PHÊDUYỆT KẾ HOẠCH", "PHÊ DUYỆT KẾ HOẠCH"),
    ("CỐ TỔNG BÍ THƯNGUYỄN VĂN CỪ", "CỐ TỔNG BÍ THƯ NGUYỄN VĂN CỪ"),  # the onset stays whole: THƯ|NGUYỄN
    ("Luật tổ chức Hội đồng nhândân", "Luật tổ chức Hội đồng nhân dân"),
    ("trong hệthống chính trị", "trong hệ thống chính trị"),
    ("VỀVIỆC BAN HÀNH", "VỀ VIỆC BAN HÀNH"),
    ("I- BAN CÁNSỰ ĐẢNG", "I- BAN CÁN SỰ ĐẢNG"),
    ("nhà nước", "nhà nước"),  # one syllable each
    ("nghiêng, khuyến khích, Nguyễn, trưởng", "nghiêng, khuyến khích, Nguyễn, trưởng"),
    ("Banhành", "Ban hành"),  # 'Ba|nhành' or 'Ban|hành'? the vocabulary knows the phrase 'ban hành'
    ("Giaocho Sở Xây dựng", "Giao cho Sở Xây dựng"),  # plain ASCII, but a known phrase glued
    ("Ủyban nhân dân", "Ủy ban nhân dân"),
    ("Giaothong", "Giaothong"),  # no phrase of the vocabulary: left alone
    ("Facebook, online, website", "Facebook, online, website"),
]


@pytest.mark.parametrize(("text", "expected"), SYLLABLES)
def test_glued_syllables_are_split(text, expected):
    assert clean_line(text) == expected


SPACES = [
    ("  Căn cứ   Điều lệ Đảng;  ", "Căn cứ Điều lệ Đảng;"),
    ("**ĐẢNG BỘ TỈNH ĐẮK LẮK  ", "**ĐẢNG BỘ TỈNH ĐẮK LẮK"),
    (" ", ""),
    ("a \t b", "a \t b"),
]


@pytest.mark.parametrize(("text", "expected"), ESCAPES)
def test_literal_escapes_become_spaces(text, expected):
    assert clean_line(text) == expected


@pytest.mark.parametrize(("text", "expected"), CELLS)
def test_cell_separators(text, expected):
    assert clean_line(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.\tBan Tuyên giáo Tỉnh ủy chủ trì", "1. Ban Tuyên giáo Tỉnh ủy chủ trì"),  # Word's plain text
        ("\t2. Các huyện ủy xây dựng kế hoạch", "2. Các huyện ủy xây dựng kế hoạch"),  # indented
        ("\ta)\tSở Y tế hướng dẫn", "a) Sở Y tế hướng dẫn"),
        ("-\tTuyên truyền", "- Tuyên truyền"),
        ("1\tRà soát\tSở Tài chính", "1\tRà soát\tSở Tài chính"),  # a table's row stays one
        ("1.\tRà soát\tSở Tài chính", "1.\tRà soát\tSở Tài chính"),
        (
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ),
        ("\tĐộc lập - Tự do - Hạnh phúc", "\tĐộc lập - Tự do - Hạnh phúc"),  # a header's right column
    ],
)
def test_a_tab_after_a_points_number_is_a_space(text, expected):
    assert clean_line(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoàn thành trước ngày 3O/4/2O24.", "hoàn thành trước ngày 30/4/2024."),
        ("trước ngày l5/12/2024", "trước ngày 15/12/2024"),
        ("hoàn thành trong Quý Il/2024", "hoàn thành trong Quý II/2024"),
        ("hoàn thành trong Quý 11/2024", "hoàn thành trong Quý II/2024"),
        ("hoàn thành trong Quý H/2024", "hoàn thành trong Quý II/2024"),
        ("trong quý lV năm 2025", "trong quý IV năm 2025"),
        ("Quý 3/2024", "Quý 3/2024"),  # a figure is a quarter too
        ("Quý II/2024", "Quý II/2024"),
        ("ngày 30/4/2024", "ngày 30/4/2024"),
        ("Số 12-KH/TU", "Số 12-KH/TU"),
        ("Hội nghị lần thứ 12/Ol", "Hội nghị lần thứ 12/Ol"),  # no date's shape
        ("- 2. Các huyện ủy xây dựng kế hoạch.", "2. Các huyện ủy xây dựng kế hoạch."),  # a point's number
        ("15, Phường 16 và Phường 17 chủ trì", "15, Phường 16 và Phường 17 chủ trì"),  # a list going on
        ("hoàn thành trong quý 1-2/2022", "hoàn thành trong quý 1-2/2022"),  # a range of quarters
        ("- Các huyện ủy xây dựng kế hoạch.", "- Các huyện ủy xây dựng kế hoạch."),
        ("- 2 đồng chí Ủy viên", "- 2 đồng chí Ủy viên"),
    ],
)
def test_a_scans_letters_for_figures_in_dates_and_quarters(text, expected):
    assert clean_line(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letters for figures in the slots of a date in words
        ("Hà Tĩnh, ngày 2O tháng 4 năm 2O22", "Hà Tĩnh, ngày 20 tháng 4 năm 2022"),
        ("Hà Tĩnh, ngày 20 tháng O4 năm 2022", "Hà Tĩnh, ngày 20 tháng 04 năm 2022"),
        ("Quy Nhơn, ngày l5 tháng 3 năm 2022", "Quy Nhơn, ngày 15 tháng 3 năm 2022"),
        ("ngày I8 tháng 3 năm 2O2S", "ngày 18 tháng 3 năm 2025"),
        # the date words by their letters: marks misread, or one letter past the first
        ("Hà Tĩnh, ngày 15 tháng 4 nằm 2022", "Hà Tĩnh, ngày 15 tháng 4 năm 2022"),
        ("Hà Tĩnh, ngảy 15 thảng 4 năm 2022", "Hà Tĩnh, ngày 15 tháng 4 năm 2022"),
        ("Hà Tĩnh, ngày 15 tbáng 4 năm 2022", "Hà Tĩnh, ngày 15 tháng 4 năm 2022"),
        ("HÀ TĨNH, NGÀY 15 THẢNG 4 NĂM 2022", "HÀ TĨNH, NGÀY 15 THÁNG 4 NĂM 2022"),
        # a text that lost its diacritics keeps them lost
        ("Nghe An, ngay lO thang 5 nam 2021", "Nghe An, ngay 10 thang 5 nam 2021"),
        ("Nghe An, ngay 10 tbang 5 nam 2021", "Nghe An, ngay 10 thang 5 nam 2021"),
        # left alone: no date's words in order, a slot no day or month, too few figures
        ("Hà Tĩnh, ngày 15 tháng 4 năm 2022", "Hà Tĩnh, ngày 15 tháng 4 năm 2022"),
        ("có 15 người ở 4 nhóm 2022", "có 15 người ở 4 nhóm 2022"),
        ("ngày 32 tháng 4 năm 2022", "ngày 32 tháng 4 năm 2022"),
        ("ngày 15 tháng 13 năm 2022", "ngày 15 tháng 13 năm 2022"),
        ("ngày l tháng I năm lOOO", "ngày l tháng I năm lOOO"),
        ("tháng 4 năm 2022 ngày 15", "tháng 4 năm 2022 ngày 15"),
    ],
)
def test_a_scans_date_in_words_gets_its_figures_and_words_back(text, expected):
    """'ngày l5 tháng 3 nằm 2O22': a place-and-date line a scan damaged keeps the header's date."""
    assert clean_line(text) == expected


@pytest.mark.parametrize(
    "date_line", ["Hà Tĩnh, ngày l5 tháng 4 nằm 2O22", "Hà Tĩnh, ngảy 15 thảng O4 năm 2022"]
)
def test_a_header_whose_date_a_scan_damaged_keeps_its_date_and_issuer(date_line):
    from vbgraph.loaders.parse import parse_text

    text = "\n".join(
        [
            "TỈNH ỦY HÀ TĨNH",
            "*",
            "Số 12-CT/TU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            date_line,
            "",
            "CHỈ THỊ",
            "về tăng cường công tác phòng, chống thiên tai",
            "",
            "1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền, hoàn thành trong Quý II/2022.",
            "T/M BAN THƯỜNG VỤ",
        ]
    )
    doc = parse_text(text, "ct-12.txt").documents[0]
    assert (doc.symbol, doc.date, doc.issuer, doc.identified_by) == (
        "12-CT/TU",
        "2022-04-15",
        "Ban Thường vụ Tỉnh ủy Hà Tĩnh",
        "header",
    )


TABLES = [  # lines in -> lines out: as many, a table's cells apart by tabs
    (
        ["| TT | Nhiệm vụ | Cơ quan chủ trì |", "|---|:---|---|", "| 1 | Rà soát | Sở Tài chính |"],
        ["TT\tNhiệm vụ\tCơ quan chủ trì", "", "1\tRà soát\tSở Tài chính"],
    ),
    (["| 1 | Rà soát | Sở Tài chính |", "| 2 | Xây dựng |  |"], ["1\tRà soát\tSở Tài chính", "2\tXây dựng"]),
    (
        ["TỈNH ỦY | ĐẢNG CỘNG SẢN VIỆT NAM", "|", "|"],
        ["TỈNH ỦY | ĐẢNG CỘNG SẢN VIỆT NAM", "|", "|"],
    ),  # a header
    (["| a | b | c |", "văn bản"], ["| a | b | c |", "văn bản"]),  # one row is no table
    (["| a | b |", "| c | d |"], ["| a | b |", "| c | d |"]),  # two cells: a flattened header's
    (  # rows without their outer pipes, one numbered
        ["STT | Nội dung | Đơn vị chủ trì | Thời gian", "1 | Tuyên truyền | Công an phường | Quý I/2024"],
        ["STT\tNội dung\tĐơn vị chủ trì\tThời gian", "1\tTuyên truyền\tCông an phường\tQuý I/2024"],
    ),
    (  # none numbered: a header's columns, left as they are
        [
            "ỦY BAN NHÂN DÂN | | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH LONG AN | | Độc lập - Tự do - Hạnh phúc",
        ],
        [
            "ỦY BAN NHÂN DÂN | | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH LONG AN | | Độc lập - Tự do - Hạnh phúc",
        ],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), TABLES)
def test_markdown_tables_become_rows_of_cells(lines, expected):
    """A Markdown table (a .md file, a page saved as text) is read as a Word or HTML table is:
    its appendix of tasks is assigned like theirs."""
    assert markdown_tables(lines) == expected


P = "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện"
PT = "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện"
WRAPPED_ROWS = [  # a '|' table whose cells take two lines: lines in -> lines out, a row on its first line
    (  # the number's cell empty: each cell goes on its column's
        [
            P,
            "2 | Cứng hóa đường giao thông | Phòng Kinh tế và Hạ | UBND các xã | Quý III/2019",
            "| | tầng | |",
        ],
        [PT, "2\tCứng hóa đường giao thông\tPhòng Kinh tế và Hạ tầng\tUBND các xã\tQuý III/2019", ""],
    ),
    (  # no number's cell: one cell fewer than the header
        [
            P,
            "3 | Hỗ trợ sản phẩm OCOP chè Phú | Phòng Nông nghiệp | Hội Nông dân huyện; | Năm 2019",
            "Lương | và PTNT | UBND các xã |",
            "5 | Thẩm định hồ sơ xã đạt chuẩn | Văn phòng Điều phối | Các phòng, ban liên | Tháng 11/2019",
            "nông thôn mới | NTM huyện | quan |",
        ],
        [
            PT,
            "3\tHỗ trợ sản phẩm OCOP chè Phú Lương\tPhòng Nông nghiệp và PTNT\tHội Nông dân huyện; UBND các xã\tNăm 2019",
            "",
            "5\tThẩm định hồ sơ xã đạt chuẩn nông thôn mới\tVăn phòng Điều phối NTM huyện\tCác phòng, ban liên quan\tTháng 11/2019",
            "",
        ],
    ),
    (  # the task's words in the number's cell over an empty task cell; a date alone on its line
        [
            P,
            "1 | Hoàn thiện hồ sơ | UBND xã Yên Lạc | Phòng Nông nghiệp | Trước",
            "đạt chuẩn | | | và PTNT | 30/10/2019",
        ],
        [
            PT,
            "1\tHoàn thiện hồ sơ đạt chuẩn\tUBND xã Yên Lạc\tPhòng Nông nghiệp và PTNT\tTrước 30/10/2019",
            "",
        ],
    ),
    (  # rows of their own stay: a group's number, a point, a heading in capitals, the header again
        [
            P,
            "1 | Rà soát | Sở Nội vụ | | Quý I/2025",
            "II | NHIỆM VỤ CỤ THỂ | | |",
            "2 | Tuyên truyền | Công an tỉnh | | Năm 2025",
            "| | a) Tổ chức hội nghị | Sở Tư pháp | | Quý II/2025 |",
            "| | NHIỆM VỤ KHÁC | | | |",
            P,
        ],
        [
            PT,
            "1\tRà soát\tSở Nội vụ\t\tQuý I/2025",
            "II\tNHIỆM VỤ CỤ THỂ",
            "2\tTuyên truyền\tCông an tỉnh\t\tNăm 2025",
            "\ta) Tổ chức hội nghị\tSở Tư pháp\t\tQuý II/2025",
            "\tNHIỆM VỤ KHÁC",
            PT,
        ],
    ),
    (  # a Markdown table: its outer pipes frame each row, a row of fewer cells is as it was
        [
            "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |",
            "| 1 | Rà soát | Sở Tài chính | Quý I |",
            "| | và cập nhật | |",
        ],
        ["TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian", "1\tRà soát và cập nhật\tSở Tài chính\tQuý I", ""],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), WRAPPED_ROWS)
def test_a_tasks_wrapped_cells_go_back_into_its_row(lines, expected):
    """A table flattened with '|' whose cells wrap: each continuation row's cells join the task's
    cells of their columns (the lead was 'Phòng Kinh tế và Hạ', 'tầng' in the task, a deadline
    'Trước' without its date)."""
    assert markdown_tables(lines) == expected


H = "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành"
PDF_TABLES = [  # a PDF's table copied as text, lines in -> lines out: as many, a row on its first line
    (  # pdftotext -layout: cells apart by runs of spaces
        [
            "STT    Nội dung nhiệm vụ      Cơ quan chủ trì   Cơ quan phối hợp      Thời gian hoàn thành",
            "1      Số hóa hồ sơ hộ tịch   Sở Tư pháp        UBND các xã, phường   Tháng 12/2025",
        ],
        [H, "1\tSố hóa hồ sơ hộ tịch\tSở Tư pháp\tUBND các xã, phường\tTháng 12/2025"],
    ),
    (  # a cell too wide for its column goes on below, at the column's offset; a note ends the table
        [
            "STT   Nội dung nhiệm vụ          Cơ quan chủ trì   Cơ quan phối hợp   Thời gian hoàn thành",
            "1     Xây dựng Đề án chuyển      Sở Khoa học và    Các sở, ban,       Quý IV/2025",
            "      đổi số tỉnh                Công nghệ         ngành",
            "2     Phổ cập kỹ năng số         UBND các xã,      Sở Tư pháp         Thường xuyên",
            "                                 phường",
            "Ghi chú: các đơn vị báo cáo kết quả về Sở Khoa học và Công nghệ.",
        ],
        [
            H,
            "1\tXây dựng Đề án chuyển đổi số tỉnh\tSở Khoa học và Công nghệ\tCác sở, ban, ngành\tQuý IV/2025",
            "",
            "2\tPhổ cập kỹ năng số\tUBND các xã, phường\tSở Tư pháp\tThường xuyên",
            "",
            "Ghi chú: các đơn vị báo cáo kết quả về Sở Khoa học và Công nghệ.",
        ],
    ),
    (  # the header's cells wrapped too ('ST' / 'T'); the header again after a page break and its number
        [
            "ST   Nội dung nhiệm vụ     Cơ quan chủ   Cơ quan phối   Thời gian",
            "T                          trì           hợp            hoàn thành",
            "1    Rà soát mạng lưới     Sở Nội vụ     Sở Tài chính   Quý IV/2025",
            "",
            "                                  3",
            "",
            "ST   Nội dung nhiệm vụ     Cơ quan chủ   Cơ quan phối   Thời gian",
            "T                          trì           hợp            hoàn thành",
            "2    Tuyên truyền          Công an tỉnh                 Năm 2026",
        ],
        [
            H,
            "",
            "1\tRà soát mạng lưới\tSở Nội vụ\tSở Tài chính\tQuý IV/2025",
            "",
            "                                  3",
            "",
            H,
            "",
            "2\tTuyên truyền\tCông an tỉnh\t\tNăm 2026",
        ],
    ),
    (  # without a number column a row opens in capitals; a group's heading stays as it is
        [
            "Nội dung                 Cơ quan chủ trì   Cơ quan phối hợp   Thời hạn",
            "NHÓM NHIỆM VỤ 1",
            "Xây dựng cơ sở dữ liệu   Sở Khoa học và    Sở Tài chính       Quý IV/2025",
            "dùng chung               Công nghệ",
            "Tuyên truyền             Sở Tư pháp        Các sở, ngành      Năm 2026",
        ],
        [
            "Nội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn",
            "NHÓM NHIỆM VỤ 1",
            "Xây dựng cơ sở dữ liệu dùng chung\tSở Khoa học và Công nghệ\tSở Tài chính\tQuý IV/2025",
            "",
            "Tuyên truyền\tSở Tư pháp\tCác sở, ngành\tNăm 2026",
        ],
    ),
    (  # a text layer in reading order: one cell per line, regrouped by the row numbers
        [
            *H.split("\t"),
            "1",
            "Số hóa hồ sơ hộ tịch",
            "Sở Tư pháp",
            "UBND các xã, phường",
            "Tháng 12/2025",
            "",
            "TM. ỦY BAN NHÂN DÂN",
        ],
        [H, "", "", "", "", "1\tSố hóa hồ sơ hộ tịch\tSở Tư pháp\tUBND các xã, phường\tTháng 12/2025"]
        + [""] * 4
        + ["", "TM. ỦY BAN NHÂN DÂN"],
    ),
    (  # a cell on lines of its own, an empty one, a group's row, a time cut in two
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Cơ quan chủ",
            "trì",
            "Cơ quan phối",
            "hợp",
            "Thời gian",
            "I",
            "NHIỆM VỤ CHUNG",
            "1",
            "Rà soát, sắp xếp mạng lưới",
            "trường học",
            "Văn",
            "phòng",
            "UBND tỉnh",
            "Thường",
            "xuyên",
            "2",
            "Tổ chức tập huấn",
            "Sở Giáo dục và",
            "Đào tạo",
            "Các sở, ban,",
            "ngành",
            "năm học",
            "2025-2026",
        ],
        [
            "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
            *[""] * 6,
            "I\tNHIỆM VỤ CHUNG",
            "",
            "1\tRà soát, sắp xếp mạng lưới trường học\tVăn phòng UBND tỉnh\t\tThường xuyên",
            *[""] * 7,
            "2\tTổ chức tập huấn\tSở Giáo dục và Đào tạo\tCác sở, ban, ngành\tnăm học 2025-2026",
            *[""] * 7,
        ],
    ),
    (  # without a number column: rows of one line a cell, while each looks like a task's
        ["Nội dung", "Cơ quan chủ trì", "Thời hạn", "Tuyên truyền", "Sở Tư pháp", "Quý I/2025", "Ghi chú: …"],
        [
            "Nội dung\tCơ quan chủ trì\tThời hạn",
            "",
            "",
            "Tuyên truyền\tSở Tư pháp\tQuý I/2025",
            "",
            "",
            "Ghi chú: …",
        ],
    ),
]

NO_TABLES = [  # left as they are
    # prose justified with double spaces, column words in it
    ["Giao Sở Tư pháp  chủ trì, phối hợp  với các cơ quan liên  quan; thời gian  hoàn thành trong quý IV."],
    # a header of two columns, a signature
    [
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Nơi nhận:      TM. ỦY BAN NHÂN DÂN",
    ],
    # a task's fields, one a line
    [
        "1. Số hóa hồ sơ hộ tịch",
        "- Cơ quan chủ trì: Sở Tư pháp.",
        "- Cơ quan phối hợp: UBND các xã.",
        "- Thời gian hoàn thành: Tháng 12/2025.",
    ],
    # a header and no row under it
    ["STT   Nội dung   Cơ quan chủ trì   Thời gian", "Các đơn vị triển khai thực hiện nghiêm túc."],
    ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian", "Các đơn vị triển khai thực hiện nghiêm túc."],
    # without a number column, a row whose cell goes on in lower case would shift every row after it
    ["Nội dung", "Cơ quan chủ trì", "Thời hạn", "Tuyên truyền", "Văn phòng", "UBND tỉnh", "Quý I/2025"],
]


@pytest.mark.parametrize(("lines", "expected"), PDF_TABLES)
def test_a_pdfs_table_copied_as_text_becomes_rows_of_cells(lines, expected):
    """pdftotext -layout and a text layer's reading order give a table's cells apart by spaces or
    one a line: they become the tab rows a PDF's table gives the PDF reader."""
    assert text_tables(lines) == expected


@pytest.mark.parametrize("lines", NO_TABLES)
def test_no_table_without_a_header_and_rows(lines):
    assert text_tables(lines) == lines


@pytest.mark.parametrize(("text", "expected"), GLUED)
def test_glued_words_are_split(text, expected):
    assert clean_line(text) == expected


@pytest.mark.parametrize(("text", "expected"), LETTERS)
def test_letter_spaced_words_are_joined(text, expected):
    assert clean_line(text) == expected


VOWELS = [
    ("phối hợp các Sở, ngành tnh, Ủy ban nhân dân", "phối hợp các Sở, ngành tỉnh, Ủy ban nhân dân"),
    ("Nxb Chính trị quốc gia, tr 12", "Nxb Chính trị quốc gia, tr 12"),  # abbreviations have no twin
    ("diện tích 12 km, số 05/QĐ-UBND", "diện tích 12 km, số 05/QĐ-UBND"),
]


@pytest.mark.parametrize(("text", "expected"), VOWELS)
def test_a_word_that_lost_its_vowel_is_restored_when_one_word_has_its_consonants(text, expected):
    assert clean_line(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_real_text_is_unchanged(text):
    assert clean_line(text) == text


@pytest.mark.parametrize(("text", "expected"), SPACES)
def test_spaces_collapse_and_tabs_stay(text, expected):
    assert clean_line(text) == expected


def _examples(section: str):
    for ex in tables.load("clean.toml")[section]["examples"]:
        yield ex["text"], ex["clean"]


@pytest.mark.parametrize(("text", "expected"), [*_examples("function_words"), *_examples("lead_words")])
def test_every_table_example_cleans_as_written(text, expected):
    assert clean_line(text) == expected


@pytest.mark.parametrize("section", ["function_words", "lead_words"])
def test_table_entries_have_a_note_lowercase_words_and_examples(section):
    entry = tables.load("clean.toml")[section]
    assert entry["note"] and entry["examples"]
    assert all(w == w.lower() and " " not in w for w in entry["words"])


def test_clean_text_keeps_the_line_count():
    text = "K ÉT LUẬN\n | \n\\r\\nngày26/11/2003\n\nHà Nội"
    assert clean_text(text) == "KÉT LUẬN\n\nngày 26/11/2003\n\nHà Nội"


def test_steps_can_be_chosen_and_unknown_steps_fail():
    assert clean_lines(["a\\r\\nb  |"], steps=["escapes"]) == ["a b  |"]
    with pytest.raises(ValueError, match="unknown clean step"):
        clean_lines(["x"], steps=["nope"])
    assert list(STEPS) == [
        "escapes",
        "tabs",
        "cells",
        "spaces",
        "figures",
        "syllables",
        "glued",
        "letters",
        "vowels",
    ]


def test_the_bundled_sample_barely_changes():
    lines = normalize_text(CORPUS_003.read_text(encoding="utf-8")).split("\n")
    out = clean_lines(lines)
    assert len(out) == len(lines)
    changed = [(a, b) for a, b in zip(lines, out, strict=True) if a != b]
    assert len(changed) <= 20
    # The sample is clean text: only spaces at line ends change, and its one glued word is split.
    words = [(a, b) for a, b in changed if b != re.sub(" {2,}", " ", a).strip(" ")]
    assert [b.split("\t")[0].strip() for _, b in words] == ["I- BAN CÁN SỰ ĐẢNG UBND TỈNH"]


@pytest.mark.parametrize(
    "line",
    [
        "\\" * 50_000 + "x",
        " " * 50_000 + "x",
        "| " * 50_000 + "x",
        "aB" * 50_000,
        "h u " * 50_000,
        "1n" * 50_000,
        "TW" * 50_000 + "ngày",
        "# " + "a" * 50_000 + "!",
    ],
    ids=["backslashes", "spaces", "pipes", "camel", "letters", "digits", "caps", "header"],
)
def test_long_adversarial_lines_clean(line):
    out = clean_line(line)
    assert clean_line(out) == out


# --- properties ---------------------------------------------------------------------------------

# Pieces that trigger every rule, so random texts exercise the rules' interactions.
PIECES = [
    " ", "  ", "\t", "|", "\n", "\\r\\n", "\\n", "\\", "r", "n", "#", "_", "/", "-", ".", ",",
    "0", "12", "2.500", "a", "b", "h", "u", "ế", "ở", "K", "ÉT", "T", "H", "Ô", "V", "X", "Q", "UY",
    "ngày", "năm", "tháng", "số", "của", "Ngày", "tại", "Tờ", "TW", "QĐ", "CTr", "TTr", "QĐi", "HĐND",
    "IoT", "iPhone", "VietGAP", "Hà", "Nội", "phố", "theo", "Ban", "VÀ", "ĐẮK", "m²",
]  # fmt: skip

pieces_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.one_of(pieces_text, st.text(max_size=80))


@settings(max_examples=400)
@given(any_text)
def test_same_line_count_and_idempotent(text):
    lines = text.split("\n")
    once = clean_lines(lines)
    assert len(once) == len(lines)
    assert all("\n" not in line for line in once)
    assert clean_lines(once) == once


@settings(max_examples=200)
@given(any_text)
def test_clean_text_equals_clean_lines(text):
    assert clean_text(text) == "\n".join(clean_lines(text.split("\n")))


@pytest.mark.parametrize("text", ["Số: 1961/QĐUBND", "Quyết định số 2468/QĐUBND ngày 02/11/2018"])
def test_a_code_is_never_split_as_a_glued_phrase(text):
    assert clean_line(text) == text


@pytest.mark.parametrize(
    ("folded", "spelt"),
    [
        (("nam",), ("năm",)),  # 'Nam' of 'Việt Nam' is a name's; the common word wins
        (("viet", "nam"), ("việt", "nam")),
        (("ban",), ("ban",)),
    ],
)
def test_a_scrambled_word_is_read_as_the_tables_common_word(folded, spelt):
    assert clean._vocabulary()[folded] == spelt
