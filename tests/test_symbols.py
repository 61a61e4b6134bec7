"""Document symbols (số ký hiệu) as they are really written: multi-part codes, lost and doubled hyphens
and spaces, codes glued to the next word, PDF glyph errors, codes the tables do not know yet."""

from __future__ import annotations

import time

import pytest

from vbgraph.loaders import patterns
from vbgraph.loaders.cite import find_citations
from vbgraph.loaders.normalize import normalize_text
from vbgraph.loaders.parse import parse_text
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import KIND

from factories import party_doc


def numbered(text):
    return [s for s in find_citations(normalize_text(text)) if s.kind == "numbered"]


def one(text):
    found = numbered(text)
    assert len(found) == 1, found
    return found[0]


def fields(s):
    return (s.symbol, s.type, s.type_code, s.number, s.issuer_code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Căn cứ Nghị định số 48/2013/NĐ-CP ngày 14 tháng 5 năm 2013 của Chính phủ",
            ("48/2013/NĐ-CP", "Nghị định", "NĐ", "48", "CP"),
        ),
        (
            "Căn cứ Nghị quyết số 653/2019/UBTVQH14 ngày 12/3/2019 của Ủy ban Thường vụ Quốc hội",
            ("653/2019/UBTVQH14", "Nghị quyết", None, "653", "UBTVQH14"),
        ),
        ("Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;", ("57/2014/QH13", "Luật", None, "57", "QH13")),
        (
            "Thực hiện Kế hoạch số 16/KH-UBND ngày 20/01/2020 của UBND tỉnh",
            ("16/KH-UBND", "Kế hoạch", "KH", "16", "UBND"),
        ),
        (
            "Nghị quyết số 04/2021/NQ-HĐND của Hội đồng nhân dân tỉnh",
            ("04/2021/NQ-HĐND", "Nghị quyết", "NQ", "04", "HĐND"),
        ),
        (
            "thực hiện Chỉ thị số 19/CT-TTg ngày 24/7/2018 của Thủ tướng Chính phủ",
            ("19/CT-TTg", "Chỉ thị", "CT", "19", "TTg"),
        ),
        (
            "Thực hiện Quyết định số 69/QĐ-BNNPTNT-VPĐP ngày 09/01/2017 của Bộ trưởng",
            ("69/QĐ-BNNPTNT-VPĐP", "Quyết định", "QĐ", "69", "BNNPTNT-VPĐP"),
        ),
        (  # a State letter's symbol holds its issuer's code alone, never split into a type code
            "Thực hiện Công văn số 203/TNMT ngày 12/7/2023 của Phòng Tài nguyên và Môi trường",
            ("203/TNMT", "Công văn", None, "203", "TNMT"),
        ),
        ("theo Công văn số 33/TTYT ngày 14/7/2023", ("33/TTYT", "Công văn", None, "33", "TTYT")),
        (  # a code with a lowercase letter inside (Chương trình phối hợp)
            "Thực hiện Chương trình phối hợp số 05/CTrPH-MTTQ-CAT ngày 12/3/2023",
            ("05/CTrPH-MTTQ-CAT", "Chương trình phối hợp", "CTrPH", "05", "MTTQ-CAT"),
        ),
        (
            "tại Tờ trình số 1009/TTr-BQL-KCN-HCM ngày 10 tháng 5 năm 2006.",
            ("1009/TTr-BQL-KCN-HCM", "Tờ trình", "TTr", "1009", "BQL-KCN-HCM"),
        ),
        (
            "UBND tỉnh ban hành Công văn số 846/UBND-TH về việc báo cáo",
            ("846/UBND-TH", "Công văn", None, "846", "UBND"),
        ),
        (
            "UBND tỉnh nhận được Công văn số 3145/BKHĐT-KTĐPLT ngày 15/5/2019 của Bộ Kế hoạch và Đầu tư",
            ("3145/BKHĐT-KTĐPLT", "Công văn", None, "3145", "BKHĐT"),
        ),
        (
            "Thực hiện Công văn số\n5104/BTTTT-PTTH&TTĐT của Bộ Thông tin và Truyền thông về việc",
            ("5104/BTTTT-PTTH&TTĐT", "Công văn", None, "5104", "BTTTT"),
        ),
        (
            "Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ",
            ("30c/NQ-CP", "Nghị quyết", "NQ", "30c", "CP"),
        ),
        (
            "Thông tư liên tịch số 01/2015/TTLT-BNV-BTC ngày 14/9/2015",
            ("01/2015/TTLT-BNV-BTC", "Thông tư", "TTLT", "01", "BNV-BTC"),
        ),
        (
            "Quyết định số 322/2003/QĐ-UB ngày 30/12/2003 của Ủy ban nhân dân thành phố",
            ("322/2003/QĐ-UB", "Quyết định", "QĐ", "322", "UB"),
        ),
        ("Nghị định số 30/CP ngày 22/5/1993 của Chính phủ", ("30/CP", "Nghị định", None, "30", "CP")),
    ],
)
def test_state_symbols_with_year_and_multi_part_codes(text, expected):
    assert fields(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hyphen lost: the longest known type code that leaves an issuer code
        ("Số: 1961/QĐUBND", ("1961/QĐ-UBND", "Quyết định", "QĐ", "1961", "UBND")),
        (
            "Căn cứ Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018 của Chính phủ",
            ("61/2018/NĐ-CP", "Nghị định", "NĐ", "61", "CP"),
        ),
        (
            "Căn cứ Thông tư số 01/2018/TTVPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ",
            ("01/2018/TT-VPCP", "Thông tư", "TT", "01", "VPCP"),
        ),
        (
            "Căn cứ Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011 của Chính phủ",
            ("30c/NQ-CP", "Nghị quyết", "NQ", "30c", "CP"),
        ),
        # a split whose rest is a known issuer code wins over a longer type code
        ("Thực hiện Chỉ thị số 12/CTHĐND ngày 5/3/2019", ("12/CT-HĐND", "Chỉ thị", "CT", "12", "HĐND")),
        # spaces around the slash or the hyphen
        (
            "UBND tỉnh ban hành Công văn số 846 /UBND-TH về việc",
            ("846/UBND-TH", "Công văn", None, "846", "UBND"),
        ),
        (
            "của Sở Thông tin và Truyền thông tại Tờ trình số 118/TTr- STTTT ngày 20/12/2023;",
            ("118/TTr-STTTT", "Tờ trình", "TTr", "118", "STTTT"),
        ),
        (
            "Thực hiện Hướng dẫn số 70- HD/BTGTU ngày 14/12/2018 của Ban Tuyên giáo Thành ủy",
            ("70-HD/BTGTU", "Hướng dẫn", "HD", "70", "BTGTU"),
        ),
        ("Công văn Số 32 - CV/ĐUK ngày 23/10/2020", ("32-CV/ĐUK", "Công văn", "CV", "32", "ĐUK")),
        (
            "Quyết định Số: 367 - QĐ/TWĐTN-VP ngày 29/10/2013",
            ("367-QĐ/TWĐTN-VP", "Quyết định", "QĐ", "367", "TWĐTN-VP"),
        ),
        # a space for the hyphen of a Party symbol, after "số" or a type word
        (
            "ban hành kèm theo Quyết định số 1836 QĐ/TWĐTN ngày 23/6/2006 của Ban Bí thư Trung ương Đoàn",
            ("1836-QĐ/TWĐTN", "Quyết định", "QĐ", "1836", "TWĐTN"),
        ),
        (
            "kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013",
            ("84-QĐ/TWĐTN", "Quyết định", "QĐ", "84", "TWĐTN"),
        ),
        # a code glued to the next word ends where its uppercase run ends
        (
            "Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư Trung ương Đảng",
            ("70-TB/TW", "Thông báo", "TB", "70", "TW"),
        ),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội",
            ("367-QĐ/TWĐTN-VP", "Quyết định", "QĐ", "367", "TWĐTN-VP"),
        ),
        # "Ư" for "U" in a PDF text layer
        ("Quyết định số 3962/QĐ-ƯBND ngày 12/10/2020", ("3962/QĐ-UBND", "Quyết định", "QĐ", "3962", "UBND")),
    ],
)
def test_lost_and_doubled_hyphens_and_spaces(text, expected):
    assert fields(one(text)) == expected


def test_a_glued_next_word_keeps_its_date_and_issuer():
    s = one("Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư Trung ương Đảng về tổ chức")
    assert (s.date, s.issuer) == ("2012-01-06", "Ban Bí thư")


@pytest.mark.parametrize(
    ("text", "issuer_code", "symbol"),
    [
        ("Sau 10 năm thực hiện Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV), hệ thống", "TU", "13-NQ/TU"),
        ("thực hiện Nghị quyết số 13-NQ/TƯ ngày 10/4/2012 của Ban Chấp hành Đảng bộ tỉnh", "TU", "13-NQ/TU"),
        ("Chỉ thị số 45-CT/TƯ ngày 20/6/2020 của Bộ Chính trị", "TW", "45-CT/TW"),
        ("Số 445-KL/TƯ", "TW", "445-KL/TW"),  # no issuer phrase: the centre's TW
    ],
)
def test_tu_is_tw_or_a_glyph_error_for_tu_by_the_issuer_phrase(text, issuer_code, symbol):
    s = one(text)
    assert (s.issuer_code, s.symbol) == (issuer_code, symbol)
    assert tables.is_central_code(s.issuer_code) == (issuer_code == "TW")


@pytest.mark.parametrize(
    ("text", "symbol", "written"),
    [  # an issuer code no table knows, in a Party type's symbol, read as the Party code OCR misread
        ("Thực hiện Nghị quyết số 29-NQ/TVV ngày 17/11/2022 của Ban Chấp hành Trung ương", "29-NQ/TW", "TVV"),
        ("theo Chỉ thị số 05-CT/TVV ngày 15/5/2016 của Bộ Chính trị", "05-CT/TW", "TVV"),
        ("Kết luận số 14-KL/ĐUCV ngày 3/4/2021", "14-KL/ĐUCV", None),  # as close to ĐUCP and ĐUCA
        # known codes, short codes of their own, State symbols and State types are kept
        ("Kế hoạch số 12-KH/BCĐ ngày 3/4/2021 của Ban Chỉ đạo", "12-KH/BCĐ", None),
        ("Nghị quyết số 12-NQ/HU ngày 3/4/2021", "12-NQ/HU", None),
        ("Công văn số 215/UBND-VX1 ngày 3/4/2021", "215/UBND-VX1", None),
        ("Công văn số 33/SNV-TCBC ngày 3/4/2021", "33/SNV-TCBC", None),
        ("Nghị định số 29-NĐ/TVV ngày 3/4/2021", "29-NĐ/TVV", None),
    ],
)
def test_an_ocr_misread_party_issuer_code_is_read_as_the_code(text, symbol, written):
    s = one(text)
    assert (s.symbol, s.written_code) == (symbol, written)
    if written:
        assert tables.is_central_code(s.issuer_code)


@pytest.mark.parametrize(
    ("text", "symbol"),
    [  # the eth (U+00D0) OCR and some fonts write for Đ, alone or after the right letter
        ("Nghị quyết số 05-NQ/ÐU ngày 12/3/2021 của Đảng ủy xã", "05-NQ/ĐU"),
        ("Căn cứ Quy định số 24-QĐÐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương", "24-QĐ/TW"),
        ("Số 09-NQ/ĐÐU", "09-NQ/ĐU"),
        # two Đ written as two Đ stay: Đoàn đại biểu Quốc hội
        ("Công văn số 12/ĐĐBQH-VP ngày 3/4/2024", "12/ĐĐBQH-VP"),
    ],
)
def test_the_look_alike_of_dd_is_read_as_dd(text, symbol):
    assert one(text).symbol == symbol


def test_a_misread_code_is_reported_where_it_is_written_and_stays_in_the_evidence():
    text = (
        "Thực hiện Nghị quyết số 29-NQ/TVV ngày 17/11/2022 của Ban Chấp hành Trung ương, Ban Thường vụ ban hành:\n\n"
        "1. Quán triệt Nghị quyết 29 đến cán bộ, đảng viên."
    )
    rec = parse_text(party_doc(preamble=text), "t.txt")
    read = [i for i in rec.issues if i.kind == KIND]
    assert [(i.line, i.message) for i in read] == [(read[0].line, "29-NQ/TW: issuer code TVV read as TW")]
    cited = [c for c in rec.citations if c.symbol == "29-NQ/TW"]
    assert len(cited) == 2 and "29-NQ/TVV" in cited[0].evidence.quote


@pytest.mark.parametrize(
    ("text", "type_", "type_code", "symbol"),
    [
        # a joint form of a type word (doc_types.toml joint_words) decides as the type word does
        ("Hướng dẫn liên ngành số 05-HDLN/BTGTU ngày 3/4/2019", "Hướng dẫn", "HDLN", "05-HDLN/BTGTU"),
        (
            "Báo cáo chuyên đề số 07-BCCĐ/TU ngày 3/4/2019 của Ban Thường vụ Tỉnh ủy",
            None,
            "BCCĐ",
            "07-BCCĐ/TU",
        ),
        ("theo 83-CTXH/TU", None, "CTXH", "83-CTXH/TU"),  # no "số", but a known issuer code
        (
            "Nghị quyết số 12-NQHN/ĐU ngày 5/1/2020",
            "Nghị quyết",
            "NQHN",
            "12-NQHN/ĐU",
        ),  # the type word decides
    ],
)
def test_unknown_type_codes_are_kept_and_reported(text, type_, type_code, symbol):
    s = one(text)
    assert (s.type, s.type_code, s.symbol) == (type_, type_code, symbol)
    assert s.unknown_type_code
    assert s.central is None  # never assumed central


def test_known_type_codes_are_not_reported():
    assert (
        one("Chương trình hành động số 83-CTHĐ/TU, ngày 25/7/ 2017, của Tỉnh uỷ Quảng Trị").unknown_type_code
        is False
    )


@pytest.mark.parametrize(
    "text",
    [
        "Trong đợt dịch Covid-19, các trường hợp F0/F1 được cách ly",
        "Kế hoạch phát triển giai đoạn 2016-2020 và giai đoạn 2021 - 2025",
        "chiếm 1/2 số hộ, trực 24/7, ngày 12/3/2019, tỷ lệ 3/4",
        "địa chỉ nhà số 12-A/B đường Trần Phú",  # a one-letter code needs a type word
        "theo Điều 12 QĐ/TW",  # a space for the hyphen needs "số" or a type word
        "theo số 12 XYZ/TW",  # … and a known type code
        "đạt 100/KH và 15/2019",  # a type code alone is not a symbol
        "số 19-Covid/ABC",  # more than one lowercase letter: a word, not a code
    ],
)
def test_traps_are_not_symbols(text):
    assert numbered(text) == []


def test_a_word_after_a_spaced_dash_is_not_a_code_part():
    assert [s.symbol for s in numbered("Công văn số 123/UBND - Về việc tổ chức")] == ["123/UBND"]


def test_the_same_number_in_two_years_is_two_documents():
    found = numbered("Bãi bỏ Quyết định số 04/2008/QĐ-UBND và Quyết định số 04/2009/QĐ-UBND của UBND tỉnh")
    assert [(s.symbol, s.number, s.date) for s in found] == [
        ("04/2008/QĐ-UBND", "04", "2008"),
        ("04/2009/QĐ-UBND", "04", "2009"),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Quyết định số 04/2008/QĐ-UBND ngày 15/4/2008 của UBND tỉnh", "2008-04-15"),
        ("Quyết định số 04/2008/QĐ-UBND của UBND tỉnh ngày 15/4/2008", "2008-04-15"),  # after the issuer
        ("Luật Sở hữu trí tuệ số 07/2022/QH15 năm 2022;", "2022"),
    ],
)
def test_a_written_date_wins_over_the_year_of_the_symbol(text, date):
    assert one(text).date == date


def test_a_law_named_before_its_number_is_one_numbered_citation():
    text = "- Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 năm 2023; Luật Sở hữu trí tuệ số 07/2022/QH15 năm 2022;"
    found = find_citations(normalize_text(text))
    assert [(s.kind, s.type, s.symbol, text[s.start : s.start + 4]) for s in found] == [
        ("numbered", "Luật", "20/2023/QH15", "Luật"),
        ("numbered", "Luật", "07/2022/QH15", "Luật"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1-" * 50_000,
        "12/" + "AB-" * 30_000,
        "1" + " " * 100_000 + "/",
        "5/" + "A&" * 50_000,
        "1 - QĐ/TWĐTN-" * 10_000,
        "1, " * 50_000 + "-NQ/TW",
        "12/" + "A" * 100_000,
        "12/A" + "a" * 100_000,
    ],
    ids=["dashes", "parts", "spaces", "ampersands", "party", "number-list", "uppercase", "lowercase"],
)
def test_the_symbol_pattern_runs_in_linear_time(text):
    # A guard against catastrophic backtracking, not a benchmark: linear takes milliseconds.
    t0 = time.perf_counter()
    for _ in patterns.symbol_re().finditer(text):
        pass
    assert time.perf_counter() - t0 < 2.0
