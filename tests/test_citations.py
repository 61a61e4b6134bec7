"""Finding cited documents in running text: symbols, dates, issuers, names, aliases."""

from __future__ import annotations

import pytest

from vbgraph.loaders.cite import _listed_verbs, find_citations
from vbgraph.loaders.dates import parse_date
from vbgraph.loaders.normalize import fold, modern_tones, normalize_text
from vbgraph.ontology import tables


def cites(text, province="Bắc Giang"):
    return list(find_citations(normalize_text(text), province=province))


def one(text, **kw):
    found = cites(text, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "symbol", "type_", "type_code", "issuer_code"),
    [
        ("Nghị quyết số 52-NQ/TW", "52-NQ/TW", "Nghị quyết", "NQ", "TW"),
        ("Công văn Số 32 - CV/ĐUK", "32-CV/ĐUK", "Công văn", "CV", "ĐUK"),
        ("Chương trình hành động số 03-CTr/TU", "03-CTr/TU", "Chương trình hành động", "CTr", "TU"),
        ("Quy định số 08-QĐi/TW", "08-QĐi/TW", "Quy định", "QĐi", "TW"),
        ("Quyết định số 3962/QĐ-UBND", "3962/QĐ-UBND", "Quyết định", "QĐ", "UBND"),
        ("Nghị định số 34/2016/NĐ-CP", "34/2016/NĐ-CP", "Nghị định", "NĐ", "CP"),
        ("Nghị quyết số 04/2021/NQ-HĐND", "04/2021/NQ-HĐND", "Nghị quyết", "NQ", "HĐND"),
        ("Nghị quyết số 133/2020/QH14", "133/2020/QH14", "Nghị quyết", None, "QH14"),
        ("tại Công văn số 216/TTg-CN", "216/TTg-CN", "Công văn", None, "TTg"),
        ("Kết luận 53-KL/TU", "53-KL/TU", "Kết luận", "KL", "TU"),
        (  # a joint symbol's codes whole, however long ('ĐCTUBTWMTTQVN': the Front's presidium)
            "Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN ngày 15/6/2017",
            "403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN",
            "Nghị quyết",
            "NQLT",
            "UBTVQH14-CP-ĐCTUBTWMTTQVN",
        ),
    ],
)
def test_symbols(text, symbol, type_, type_code, issuer_code):
    s = one(text)
    assert (s.symbol, s.type, s.type_code, s.issuer_code) == (symbol, type_, type_code, issuer_code)


@pytest.mark.parametrize(
    ("text", "type_", "title"),
    [
        ("Căn cứ Luật Đất đai số 31/2024/QH15;", "Luật", "Đất đai"),
        ("Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019;", "Bộ luật", "Lao động"),
        # the name's last word is a type word in lower case: the name still opens at its head
        (
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;",
            "Luật",
            "Ban hành văn bản quy phạm pháp luật",
        ),
        (
            "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;",
            "Pháp lệnh",
            "Ưu đãi người có công với cách mạng",
        ),
        (
            "Căn cứ Luật số 80/2015/QH13 về ban hành văn bản quy phạm pháp luật;",
            "Luật",
            "về ban hành văn bản quy phạm pháp luật",
        ),
        ("theo văn bản quy phạm pháp luật số 80/2015/QH13", "Luật", None),
    ],
)
def test_a_law_named_before_its_number_is_titled_by_its_name(text, type_, title):
    s = one(text)
    assert (s.type, s.title) == (type_, title)


def test_a_subject_ends_where_the_citing_tasks_time_opens():
    text = (
        "1. Sở Tư pháp rà soát Quyết định số 2150/2005/QĐ-UBND ngày 14/11/2005 của Ủy ban nhân dân tỉnh Hà Tây "
        "về quản lý đầu tư và xây dựng, hoàn thành trong quý II/2010."
    )
    assert one(text).title == "về quản lý đầu tư và xây dựng"


def test_a_subject_ends_where_the_next_basis_of_a_preamble_opens():
    text = (
        "Thực hiện Quy định số 22-QĐ/TU ngày 15/3/2024 của Ban Thường vụ Tỉnh ủy về phân cấp, căn cứ Quy định "
        "số 80-QĐ/TW ngày 18/8/2022 của Bộ Chính trị về phân cấp quản lý cán bộ, Ban Tổ chức hướng dẫn:"
    )
    assert [(s.symbol, s.title) for s in cites(text)] == [
        ("22-QĐ/TU", "về phân cấp"),
        ("80-QĐ/TW", "về phân cấp quản lý cán bộ"),
    ]


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "UBND tỉnh ban hành Kế hoạch số 112/KH-UBND ngày 5/3/2023 về chuyển đổi số.",
            "Ủy ban nhân dân tỉnh",
        ),
        ("Tỉnh ủy Cà Mau đã ban hành Kết luận số 35-KL/TU về phát triển du lịch.", "Tỉnh ủy Cà Mau"),
        (
            "Thực hiện chỉ đạo, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 45-KH/HU.",
            "Ban Thường vụ Huyện ủy",
        ),
    ],
)
def test_the_body_a_sentence_says_issued_a_cited_document(text, issuer):
    assert one(text).issuer == issuer


def test_thi_hanh_an_is_a_body_s_name_not_a_subject():
    (s,) = cites(
        "Căn cứ Quyết định số 15/QĐ-TCTHADS ngày 08/01/2024 của Tổng cục Thi hành án dân sự về việc giao chỉ tiêu;"
    )
    assert (s.issuer, s.title) == ("Tổng cục Thi hành án dân sự", "về việc giao chỉ tiêu")


def test_qd_is_quy_dinh_or_quyet_dinh_by_the_title_word():
    assert one("Quy định số 213-QĐ/TW").type == "Quy định"
    assert one("Quyết định số 238-QĐ/TW").type == "Quyết định"


def test_combined_citation_gives_two_documents():
    found = cites(
        "Tiếp tục thực hiện Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII"
    )
    assert [s.symbol for s in found] == ["18-NQ/TW", "19-NQ/TW"]
    assert {s.date for s in found} == {"2017-10-25"}
    assert {s.issuer for s in found} == {"Ban Chấp hành Trung ương"}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Nghị quyết số 52-NQ/TW ngày 27/9/2019", "2019-09-27"),
        ("Nghị quyết số 52-NQ/TW, ngày 27/9/2019", "2019-09-27"),
        ("Nghị quyết số 52-NQ/TW ngày 27-9-2019", "2019-09-27"),
        ("Nghị quyết số 52-NQ/TW ngày 27 tháng 9 năm 2019", "2019-09-27"),
        ("Quyết định số 148-QĐ/TU ngày 09/09/2016", "2016-09-09"),
    ],
)
def test_dates_as_written(text, iso):
    assert one(text).date == iso


def test_an_impossible_date_is_dropped_and_reported():
    s = one("Nghị quyết số 52-NQ/TW ngày 31/2/2019 của Bộ Chính trị")
    assert s.date is None
    assert s.bad_date == "ngày 31/2/2019"
    assert parse_date("31/2/2019") is None


@pytest.mark.parametrize(
    ("text", "issuer", "title"),
    [  # joint issuers of one level, written as a list: all of them, and the subject after them
        (
            "Kết luận số 126-KL/TW ngày 14/2/2025 của Bộ Chính trị, Ban Bí thư về một số nội dung",
            "Bộ Chính trị, Ban Bí thư",
            "về một số nội dung",
        ),
        ("Căn cứ Kết luận số 126-KL/TW của Bộ Chính trị và Ban Bí thư;", "Bộ Chính trị, Ban Bí thư", None),
        (
            "Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN ngày 15/3/2017 của Ủy ban "
            "Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam quy "
            "định chi tiết",
            "Ủy ban Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
            "quy định chi tiết",
        ),
        # the next clause's subject, a part of the issuer: not a joint issuer
        (
            "Căn cứ Nghị quyết số 05-NQ/TU ngày 2/3/2022 của Tỉnh ủy, Ban Thường vụ Tỉnh ủy hướng dẫn",
            "Tỉnh ủy",
            None,
        ),
        (
            "Căn cứ Nghị quyết số 05-NQ/TU của Tỉnh ủy, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch",
            "Tỉnh ủy",
            None,
        ),
        # another level's body after a comma
        ("Căn cứ Chỉ thị số 05-CT/TW của Ban Bí thư, Tỉnh ủy về việc", "Ban Bí thư", None),
    ],
)
def test_joint_issuers_of_one_level(text, issuer, title):
    s = one(text)
    assert (s.issuer, s.title) == (issuer, title)


@pytest.mark.parametrize(
    ("text", "issuer", "central"),
    [  # 'giữa A và B': a document of both bodies, the centre's when one of them is
        (
            "Căn cứ Chương trình phối hợp số 01/CTrPH-CCB-TWĐ ngày 15/02/2023 giữa Trung ương Hội Cựu chiến binh "
            "Việt Nam và Ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh, Thường trực Hội Cựu chiến binh tỉnh ban hành",
            "Trung ương Hội Cựu chiến binh Việt Nam, Ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh",
            True,
        ),
        (
            "Căn cứ Quy chế phối hợp số 05/QCPH-UBND-MTTQ ngày 15/02/2023 giữa Ủy ban nhân dân tỉnh và Ban Thường "
            "trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;",
            "Ủy ban nhân dân tỉnh, Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            None,
        ),
    ],
)
def test_a_document_between_two_bodies_is_theirs_jointly(text, issuer, central):
    s = one(text)
    assert (s.issuer, s.central) == (issuer, central)


def test_issuer_phrase_and_subject():
    s = one(
        "Chỉ thị số 45-CT/TW ngày 20/6/2020 của Bộ Chính trị về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XV; tiếp"
    )
    assert s.issuer == "Bộ Chính trị"
    assert s.title == "về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XV"


@pytest.mark.parametrize(
    ("text", "title"),
    [  # a dash before a word in lower case is the title's; before a capital it opens a list's item
        (
            "Nghị quyết số 23-NQ/TW ngày 06/10/2022 của Bộ Chính trị về phát triển kinh tế - xã hội vùng Tây "
            "Nguyên, Ban Thường vụ ban hành",
            "về phát triển kinh tế - xã hội vùng Tây Nguyên",
        ),
        (
            "Nghị quyết số 23-NQ/TW của Bộ Chính trị về phát triển vùng - Kế hoạch số 12-KH/TU",
            "về phát triển vùng",
        ),
    ],
)
def test_a_titles_dash(text, title):
    assert find_citations(text)[0].title == title


@pytest.mark.parametrize(
    ("text", "issuer", "province"),
    [  # bodies the tables do not know: the name as written, and a province that ends it
        (
            "Thông tư số 10/2013/TT-BXD ngày 25/7/2013 của Bộ Xây dựng về hướng dẫn quản lý",
            "Bộ Xây dựng",
            None,
        ),
        (
            "Hướng dẫn số 45-HD/BTGTU ngày 02/4/2024 của Ban Tuyên giáo Tỉnh ủy Hưng Yên về tuyên truyền năm 2024",
            "Ban Tuyên giáo Tỉnh ủy Hưng Yên",
            "Hưng Yên",
        ),
        # a name the clause ends with, of two words or more
        (
            "Căn cứ Thông tư số 156/2014/TT-BTC ngày 23/10/2014 của Bộ trưởng Bộ Tài chính;",
            "Bộ trưởng Bộ Tài chính",
            None,
        ),
        (
            "theo Kế hoạch số 12/KH-SXD ngày 2/3/2024 của Sở Xây dựng, Phòng Kinh tế huyện",
            "Sở Xây dựng",
            None,
        ),
        ("theo Kế hoạch số 12-KH/TU của tỉnh ta;", None, None),  # no name
        ("theo Kế hoạch số 12-KH/SXD của Sở.", None, None),  # one word: too little to name a body
        # a former province's body, as texts after the mergers of 2025 cite it: before an
        # apposition, and with its province after a comma
        (
            "thay thế Chỉ thị số 05-CT/TU ngày 10/01/2024 của Ban Thường vụ Thành ủy Hà Giang (trước sắp xếp).",
            "Ban Thường vụ Thành ủy Hà Giang",
            "Hà Giang",
        ),
        (
            "thay thế Kế hoạch số 45-KH/HU ngày 10/01/2024 của Huyện ủy Bắc Mê, tỉnh Hà Giang.",
            "Huyện ủy Bắc Mê",
            "Hà Giang",
        ),
        # a province's name right after a school's kind is its own name, no place
        (
            "Quyết định số 120/QĐ-ĐHSPHN ngày 3/2/2022 của Hiệu trưởng Trường Đại học Sư phạm Hà Nội về tuyển sinh",
            "Hiệu trưởng Trường Đại học Sư phạm Hà Nội",
            None,
        ),
        (
            "Kế hoạch số 15/KH-CT ngày 3/2/2022 của Hiệu trưởng Trường Chính trị tỉnh Lào Cai về bồi dưỡng",
            "Hiệu trưởng Trường Chính trị tỉnh Lào Cai",
            "Lào Cai",
        ),
        # … and right after 'Trung ương': where a body of the centre stands
        (
            "Quyết định số 120/QĐ-BVTWTN ngày 5/6/2024 của Giám đốc Bệnh viện Trung ương Thái Nguyên về kiểm tra",
            "Giám đốc Bệnh viện Trung ương Thái Nguyên",
            None,
        ),
        # a district's executive committee named by its organisation is its Huyện ủy
        (
            "Căn cứ Nghị quyết số 12-NQ/HU ngày 5/12/2021 của Ban Chấp hành Đảng bộ huyện Cẩm Xuyên về chuyển đổi số;",
            "Huyện ủy Cẩm Xuyên",
            None,
        ),
        # a city's unit word in capitals, or said short with a period, opens its place's name
        (
            "Căn cứ Chỉ thị số 12-CT/TU ngày 10/4/2023 của Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh;",
            "Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh",
            "Thành phố Hồ Chí Minh",
        ),
        (
            "Căn cứ Chỉ thị số 14-CT/TU ngày 12/4/2023 của Thành ủy Thành phố Đà Nẵng về chuyển đổi số;",
            "Thành ủy Thành phố Đà Nẵng",
            "Đà Nẵng",
        ),
        (
            "Căn cứ Quyết định số 21/2023/QĐ-UBND ngày 11/4/2023 của UBND TP. Cần Thơ;",
            "UBND TP. Cần Thơ",
            "Cần Thơ",
        ),
        (
            "Căn cứ Kế hoạch số 22/KH-UBND ngày 16/4/2023 của UBND Tp. Hải Phòng;",
            "UBND Tp. Hải Phòng",
            "Hải Phòng",
        ),
        # … or one word the phrase's end follows: a province said short, a city of a province
        (
            "Căn cứ Kế hoạch số 23/KH-UBND ngày 16/4/2023 của UBND TP. HCM về chuyển đổi số;",
            "UBND TP. HCM",
            "Thành phố Hồ Chí Minh",
        ),
        (
            "Căn cứ Kế hoạch số 24/KH-UBND ngày 16/4/2023 của UBND TP.HCM;",
            "UBND TP.HCM",
            "Thành phố Hồ Chí Minh",
        ),
        (
            "Căn cứ Kế hoạch số 25/KH-UBND ngày 16/4/2023 của UBND TP. Vinh về chuyển đổi số;",
            "UBND TP. Vinh",
            None,
        ),
        (
            "Căn cứ Chỉ thị số 26-CT/TU ngày 16/4/2023 của Thành ủy TP. Vinh, tỉnh Nghệ An về chuyển đổi số;",
            "Thành ủy TP. Vinh",
            "Nghệ An",
        ),
        # … not a sentence's first word after the period: the city's committee, unnamed
        ("Căn cứ Kế hoạch số 27/KH-UBND ngày 16/4/2023 của UBND TP. Các đơn vị triển khai.", "UBND TP", None),
        # a unit's number closes its name
        (
            "Căn cứ Chương trình số 1685-CTr/ĐU ngày 20/02/2024 của Đảng ủy Quân khu 4;",
            "Đảng ủy Quân khu 4",
            None,
        ),
        (
            "Căn cứ Kế hoạch số 12/KH-BTL ngày 20/02/2024 của Bộ Tư lệnh Quân khu 9 về diễn tập",
            "Bộ Tư lệnh Quân khu 9",
            None,
        ),
    ],
)
def test_an_issuer_the_tables_do_not_know(text, issuer, province):
    s = one(text)
    assert (s.issuer, s.province) == (issuer, province)
    assert (s.title or "").startswith("về") == (" về " in text)  # the subject after the name


@pytest.mark.parametrize("name", tables.load("signals.toml")["body"]["regional_examples"])
def test_a_body_above_the_provinces_is_named_by_its_number(name):
    """signals.toml [body] regional: the centre's, of no province ('Đảng ủy Quân khu 4')."""
    from vbgraph.loaders.cite import regional_name

    assert regional_name(name)
    assert not regional_name(name.rsplit(" ", 1)[0])  # its number makes it one


@pytest.mark.parametrize(
    ("text", "issuer", "title"),
    [  # a place's name ends the issuer's before a word in lower case no name goes on with
        (
            "Kế hoạch số 120-KH/HU ngày 10/7/2019 của Ban Thường vụ Huyện ủy Tam Nông nhằm triển khai thực "
            "hiện Chỉ thị số 35-CT/TW.",
            "Ban Thường vụ Huyện ủy Tam Nông",
            "triển khai thực hiện Chỉ thị số 35-CT/TW",
        ),
        (
            "Kế hoạch số 55/KH-UBND ngày 12/3/2023 của Ủy ban nhân dân thị xã Ngã Năm để triển khai Chỉ thị "
            "số 08/CT-UBND.",
            "Ủy ban nhân dân thị xã Ngã Năm",
            "triển khai Chỉ thị số 08/CT-UBND",
        ),
        (
            "Báo cáo số 40-BC/HU ngày 02/9/2023 của Huyện ủy Vĩnh Cửu cho thấy kết quả tốt.",
            "Huyện ủy Vĩnh Cửu",
            None,
        ),
        (
            "Kết luận số 12-KL/ĐU ngày 20/8/2023 của Đảng ủy xã Tân Lập đã được quán triệt.",
            "Đảng ủy xã Tân Lập",
            None,
        ),
        # … and goes on with a word a name goes on with
        (
            "Kế hoạch số 88-KH/HU ngày 15/7/2023 của Ban Thường vụ Huyện ủy Vĩnh Cửu khóa XI về chuyển đổi số.",
            "Ban Thường vụ Huyện ủy Vĩnh Cửu khóa XI",
            "về chuyển đổi số",
        ),
        # no place: a name's words in lower case
        (
            "Hướng dẫn số 05-HD/ĐUK ngày 15/7/2023 của Đảng ủy Khối các cơ quan tỉnh về chuyển đổi số.",
            "Đảng ủy Khối các cơ quan tỉnh",
            "về chuyển đổi số",
        ),
    ],
)
def test_a_place_ends_an_issuers_name(text, issuer, title):
    s = find_citations(text)[0]  # (the subject may cite another)
    assert (s.issuer, s.title) == (issuer, title)


@pytest.mark.parametrize(
    ("text", "issuer"),
    [  # a passive's auxiliary and its verb end an issuer's name: the sentence's predicate, no subject
        (
            "Điều 2. Quyết định số 31-QĐ/HU ngày 04/02/2022 của Ban Thường vụ Huyện ủy được phổ biến đến "
            "các chi bộ trực thuộc.",
            "Ban Thường vụ Huyện ủy",
        ),
        (
            "Quyết định số 915/QĐ-ĐHV ngày 12 tháng 6 năm 2020 của Hiệu trưởng Trường Đại học Vinh được bãi bỏ.",
            "Hiệu trưởng Trường Đại học Vinh",
        ),
        (
            "Quy chế ban hành kèm theo Quyết định số 18-QĐ/ĐU ngày 05/6/2021 của Ban Thường vụ Đảng ủy Bệnh viện "
            "đã được thay thế bằng Quy chế ban hành kèm theo Quyết định này.",
            "Ban Thường vụ Đảng ủy Bệnh viện",
        ),
    ],
)
def test_a_passive_after_an_issuer_ends_its_name_and_opens_no_subject(text, issuer):
    (s,) = find_citations(text)
    assert (s.issuer, s.title) == (issuer, None)


@pytest.mark.parametrize(
    ("text", "issuer", "title"),
    [  # 'và' with words in lower case that open no body: the citing sentence's, after the name
        (
            "Sau khi nghe báo cáo sơ kết 3 năm thực hiện Nghị quyết số 09-NQ/HU ngày 12/4/2021 của Ban Thường vụ "
            "Huyện ủy và ý kiến phát biểu của các đồng chí, Ban Thường vụ Huyện ủy kết luận như sau:",
            "Ban Thường vụ Huyện ủy",
            None,
        ),
        (
            "Trên cơ sở kết quả thực hiện Chỉ thị số 21-CT/TU ngày 05/9/2020 của Tỉnh ủy và tình hình thực tế, Ủy "
            "ban nhân dân tỉnh chỉ đạo như sau:",
            "Tỉnh ủy",
            None,
        ),
        # … and 'và' inside a name, or before another body, goes on with it
        (
            "Căn cứ Thông tư số 12/2022/TT-BTNMT ngày 20/10/2022 của Bộ Tài nguyên và Môi trường về đo đạc;",
            "Bộ Tài nguyên và Môi trường",
            "về đo đạc",
        ),
        (
            "Căn cứ Kế hoạch liên tịch số 30/KHLT ngày 02/3/2023 của Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo "
            "về giáo dục truyền thống;",
            "Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo",
            "về giáo dục truyền thống",
        ),
    ],
)
def test_an_issuers_name_ends_before_va_and_the_sentences_words(text, issuer, title):
    s = find_citations(text)[0]
    assert (s.issuer, s.title) == (issuer, title)


@pytest.mark.parametrize(
    ("text", "central"),
    [  # a ministry's document is the centre's, whatever its code says
        (
            "Căn cứ Quyết định số 1001/QĐ-LĐTBXH ngày 15/7/2020 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội "
            "về việc công bố thủ tục hành chính;",
            True,
        ),
        ("Căn cứ Thông tư số 10/2013/TT-BXD ngày 25/7/2013 của Bộ Xây dựng;", True),
        # a body of a province whose name opens with 'Bộ' is no ministry: the province's, as it says
        ("theo Kế hoạch số 12/KH-BCH ngày 2/3/2024 của Bộ Chỉ huy Quân sự tỉnh;", False),
        ("theo Kế hoạch số 12/KH-SXD ngày 2/3/2024 của Giám đốc Sở Xây dựng;", None),
        # a body above the provinces: the centre's
        ("theo Kế hoạch số 12/KH-BTL ngày 2/3/2024 của Bộ Tư lệnh Quân khu 9;", True),
    ],
)
def test_a_ministry_named_as_issuer_makes_the_document_central(text, central):
    assert one(text).central is central


@pytest.mark.parametrize(
    ("text", "date", "issuer"),
    [  # a report's account of an issue: the date and issuer stated before the document
        (
            "Ngày 08/3/2022, Ban Thường vụ Huyện ủy Quỳnh Lưu đã ban hành Kế hoạch số 45-KH/HU về thực hiện.",
            "2022-03-08",
            "Ban Thường vụ Huyện ủy Quỳnh Lưu",
        ),
        ("ngày 12 tháng 3 năm 2022 ký ban hành Quyết định số 320/QĐ-UBND thành lập", "2022-03-12", None),
        # the date after the symbol is its date; a date of another event is not
        ("Ngày 12/3/2022, Tỉnh ủy ban hành Kế hoạch số 12-KH/TU ngày 05/4/2022 về", "2022-04-05", None),
        ("Đến ngày 12/3/2022, đã có 15 huyện ban hành Kế hoạch số 12-KH/TU về", None, None),
    ],
)
def test_the_date_and_issuer_a_report_states_before_the_document(text, date, issuer):
    s = one(text)
    assert (s.date, s.issuer if issuer else None) == (date, issuer)


def test_odd_whitespace_and_old_tone_marks():
    text = "Nghị\u00a0quyết số\u200b 109-NQ/TU ngày 04/7/2016 của Ban Thường vụ Tỉnh uỷ về phát triển"
    s = one(text)
    assert s.symbol == "109-NQ/TU" and s.date == "2016-07-04"
    assert s.issuer == "Ban Thường vụ Tỉnh ủy"
    assert modern_tones("Tỉnh uỷ, hoà bình, quý") == "Tỉnh ủy, hòa bình, quý"
    assert fold("Ủy ban Kiểm tra") == fold("Uỷ ban kiểm tra") == "uy ban kiem tra"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Căn cứ Điều lệ Đảng;", ["Điều lệ Đảng"]),
        (
            "hoạt động theo Luật Công đoàn và Điều lệ Công đoàn Việt Nam.",
            ["Luật Công đoàn", "Điều lệ Công đoàn Việt Nam"],
        ),
        ("thực hiện Luật Du lịch năm 2017 và các văn bản hướng dẫn", ["Luật Du lịch năm 2017"]),
        (
            "các quy định của Luật bầu cử đại biểu Quốc hội và đại biểu hội đồng nhân dân;",
            ["Luật bầu cử đại biểu Quốc hội và đại biểu hội đồng nhân dân"],
        ),
        (
            "Luật Phòng, chống tham nhũng, Luật Thực hành tiết kiệm",
            ["Luật Phòng, chống tham nhũng", "Luật Thực hành tiết kiệm"],
        ),
        (
            "Nghị quyết Trung ương 4 khóa XI, XII về tăng cường xây dựng",
            ["Nghị quyết Trung ương 4 khóa XI", "Nghị quyết Trung ương 4 khóa XII"],
        ),
        ("Nghị quyết Đại hội XIII của Đảng", ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"]),
        (
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
            ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"],
        ),
        (
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025",
            ["Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX"],
        ),
        (
            "Văn kiện Đại hội Đảng toàn quốc lần thứ XIII",
            ["Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"],
        ),
        ("Bộ Luật Lao động 2019 có hiệu lực", ["Bộ luật Lao động 2019"]),
        (
            "Trên cơ sở Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050 được phê duyệt",
            ["Quy hoạch tỉnh Bắc Giang thời kỳ 2021-2030, tầm nhìn đến năm 2050"],
        ),
    ],
)
def test_unnumbered_documents_get_one_canonical_name(text, names):
    assert [s.name for s in cites(text) if s.kind == "named"] == names


def test_common_nouns_are_not_named_documents():
    assert not cites("Quy hoạch các khu, cụm công nghiệp phải đồng bộ với quy hoạch đô thị.")
    assert not cites("Ban cán sự đảng UBND tỉnh chỉ đạo xây dựng Đề án cụ thể hóa Nghị quyết này.") or all(
        s.kind != "named"
        for s in cites("Ban cán sự đảng UBND tỉnh chỉ đạo xây dựng Đề án cụ thể hóa Nghị quyết này.")
    )
    assert not cites("theo quy định của pháp luật và kỷ luật của Đảng")


def test_a_subject_that_names_a_strategy_is_not_a_citation_of_it():
    found = cites(
        "Nghị quyết số 29-NQ/TW ngày 25/7/2018 của Bộ Chính trị về Chiến lược bảo vệ Tổ quốc trên không gian mạng"
    )
    assert [s.symbol for s in found] == ["29-NQ/TW"]


def test_a_scheme_issued_with_a_decision_is_that_decision():
    text = (
        "Đề án Giáo dục hướng nghiệp và định hướng phân luồng học sinh trong giáo dục phổ thông giai đoạn "
        "2019 - 2025 ban hành kèm theo Quyết định số 522/QĐ-TTg ngày 14/5/2018 của Thủ tướng Chính phủ"
    )
    found = cites(text)
    assert [s.symbol for s in found if not s.attached_to_next] == ["522/QĐ-TTg"]


def test_descriptive_citation_and_planned_document():
    s = one(
        "Triển khai thực hiện có hiệu quả Kế hoạch của Tỉnh ủy về đào tạo, nâng cao chất lượng nguồn lao động"
    )
    assert (s.kind, s.type, s.issuer) == ("descriptive", "Kế hoạch", "Tỉnh ủy")
    assert not cites("Tham mưu xây dựng Kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ")
    assert not cites("3. ¦ Nghị quyết của Tỉnh ủy về chuyển đổi số tỉnh Bắc Giang")


def test_self_references_are_not_citations():
    assert not cites(
        "Nghị quyết này được phổ biến đến chi bộ. Chương trình này thay thế cho các văn bản trước."
    )


def test_nested_subject_keeps_the_inner_citation():
    found = cites(
        "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW "
        "“Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”"
    )
    outer, inner = found
    assert inner.symbol == "05-CT/TW"
    assert outer.title_start <= inner.start < outer.title_end


@pytest.mark.parametrize(
    ("text", "title"),
    [  # a subject ends where a clause with a body of its own starts
        (
            "Thực hiện Kế hoạch số 96/KH-UBND ngày 21/3/2023 của UBND tỉnh về phòng, chống dịch bệnh năm 2023, "
            "Sở Y tế xây dựng Kế hoạch như sau:",
            "về phòng, chống dịch bệnh năm 2023",
        ),
        (  # a council among the bodies of a subject is no new clause
            "Căn cứ Nghị quyết số 96/2023/QH15 ngày 23/6/2023 của Quốc hội về lấy phiếu tín nhiệm đối với người "
            "giữ chức vụ do Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn;",
            "về lấy phiếu tín nhiệm đối với người giữ chức vụ do Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn",
        ),
    ],
)
def test_where_a_cited_subject_ends(text, title):
    assert one(text).title == title


@pytest.mark.parametrize(
    "example", tables.cues()["clause_after_subject"]["examples"], ids=lambda e: e["text"][:40]
)
def test_a_subject_ends_where_the_sentences_own_clause_opens(example):
    assert one(example["text"]).title == example["title"]


@pytest.mark.parametrize(
    ("text", "title"),
    [  # bodies after a comma with no verb of their own, or one in lower case with no tense word: the subject's
        (
            "Căn cứ Nghị quyết số 12/2023/NQ-HĐND của HĐND tỉnh về phân cấp nhiệm vụ chi cho các sở, ngành, "
            "địa phương trên địa bàn tỉnh;",
            "về phân cấp nhiệm vụ chi cho các sở, ngành, địa phương trên địa bàn tỉnh",
        ),
        (
            "Căn cứ Kế hoạch số 12-KH/TU của Tỉnh ủy về phối hợp giữa cấp ủy, chính quyền các cấp thực hiện "
            "nhiệm vụ chuyển đổi số;",
            "về phối hợp giữa cấp ủy, chính quyền các cấp thực hiện nhiệm vụ chuyển đổi số",
        ),
        (  # a list of bodies after 'do': the comma goes on with it
            "Căn cứ Nghị quyết số 96/2023/QH15 ngày 23/6/2023 của Quốc hội về việc lấy phiếu tín nhiệm đối "
            "với người giữ chức vụ do Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn;",
            "về việc lấy phiếu tín nhiệm đối với người giữ chức vụ do Quốc hội, Hội đồng nhân dân bầu hoặc phê chuẩn",
        ),
        (  # a person's office after the name, and a meeting: no body opens a clause
            "Căn cứ Thông báo số 05-TB/BCĐTW ngày 04/7/2025 của Ban Chỉ đạo Trung ương về kết luận của "
            "đồng chí Tổng Bí thư, Trưởng Ban Chỉ đạo tại Hội nghị sơ kết công tác 6 tháng đầu năm và nhiệm vụ "
            "trọng tâm 6 tháng cuối năm 2025 thực hiện Nghị quyết số 57-NQ/TW;",
            "về kết luận của đồng chí Tổng Bí thư, Trưởng Ban Chỉ đạo tại Hội nghị sơ kết công tác 6 tháng đầu "
            "năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2025 thực hiện Nghị quyết số 57-NQ/TW",
        ),
    ],
)
def test_bodies_inside_a_subject_are_no_clause_of_the_sentence(text, title):
    assert cites(text)[0].title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        *(
            (ex, "một số vấn đề cụ thể thi hành Điều lệ Đảng")
            for ex in tables.cues()["bare_subject"]["examples"]
        ),
        *((ex, None) for ex in tables.cues()["bare_subject"]["not_examples"]),
        # a sentence's clause after the issuer, no subject: its comma, or no item's end
        (
            "Căn cứ Kế hoạch số 12-KH/TU ngày 02/3/2024 của Tỉnh ủy năm 2024, Sở Nội vụ xây dựng Kế hoạch.",
            None,
        ),
        ("Căn cứ Hướng dẫn số 01-HD/TW của Ban Bí thư một số vấn đề (kèm theo)", None),
        # outside a preamble's item, no subject either
        ("Báo cáo kết quả triển khai Kế hoạch số 12-KH/TU của Tỉnh ủy định kỳ hằng quý.", None),
        ("Báo cáo kết quả triển khai Kế hoạch số 12-KH/TU của Tỉnh ủy công tác cán bộ.", None),
    ],
)
def test_a_subject_in_lower_case_right_after_the_issuer_without_ve(text, title):
    assert cites(text)[0].title == title


_PLAN = "Thực hiện Kế hoạch số 14-KH/TU, ngày 22/9/2025 của Ban Thường vụ Tỉnh ủy về "
_RESOLUTION = (
    "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch:"
)


@pytest.mark.parametrize(
    ("text", "nested"),
    [  # a cue among a subject's coordinated verbs is the subject's: the document after it is nested
        (_PLAN + "học tập, quán triệt, tuyên truyền và triển khai thực hiện " + _RESOLUTION, True),
        (_PLAN + "quán triệt, thực hiện " + _RESOLUTION, True),
        (_PLAN + "quán triệt và thực hiện " + _RESOLUTION, True),
        (_PLAN + "học tập và triển khai thực hiện " + _RESOLUTION, True),
        (_PLAN + "thực hiện " + _RESOLUTION, True),
        # the same cue after another subject parallels the first citation
        (
            "Sau 05 năm triển khai thực hiện Nghị quyết số 73-NQ/TU ngày 06/5/2016 của Tỉnh ủy về cải thiện "
            "môi trường đầu tư, kinh doanh và gần 02 năm thực hiện Kết luận số 256-KL/TU ngày 31/12/2019 của "
            "Ban Thường vụ Tỉnh ủy về nâng cao chỉ số năng lực cạnh tranh, nhận thấy",
            False,
        ),
        (_PLAN + "chuyển đổi số, thực hiện " + _RESOLUTION, False),
    ],
)
def test_a_subjects_coordinated_verbs_nest_the_document_after_them(text, nested):
    outer, inner = cites(text)
    assert (outer.title_start <= inner.start < (outer.title_end or 0)) == nested


_NESTED = (
    "Thực hiện Kế hoạch số 145/KH-UBND ngày 24/02/2025 của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số "
    "03/NQ-CP ngày 09/01/2025 của Chính phủ và "
)


@pytest.mark.parametrize(
    ("second", "nested"),
    [  # 'và B' after the document a cited subject's verb governs: that verb's second object
        (
            "Chương trình hành động số 28-CTr/TU ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy, Sở Nội vụ xây dựng",
            True,
        ),
        # not a document of the citing one's own type, nor one dated after it: beside the cited one
        ("Kế hoạch số 28/KH-UBND ngày 10/02/2025 của Ủy ban nhân dân tỉnh, Sở Nội vụ xây dựng", False),
        (
            "Chương trình hành động số 28-CTr/TU ngày 10/3/2025 của Ban Thường vụ Tỉnh ủy, Sở Nội vụ xây dựng",
            False,
        ),
    ],
)
def test_the_second_object_of_a_cited_subjects_verb_is_nested(second, nested):
    outer, _, last = cites(_NESTED + second)
    assert (outer.title_start <= last.start < (outer.title_end or 0)) == nested


def test_a_party_plans_verb_takes_no_state_text_as_its_second_object():
    """A Party plan carries out no Chỉ thị of a Chủ tịch UBND: the citing text does."""
    text = (
        "Thực hiện Kế hoạch số 20-KH/TU ngày 01/3/2024 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số "
        "45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương và Chỉ thị số 05/CT-UBND ngày 10/01/2024 của "
        "Chủ tịch UBND tỉnh về đẩy mạnh cải cách hành chính, Sở Nội vụ xây dựng Kế hoạch như sau:"
    )
    outer, _, last = cites(text)
    assert not outer.title_start <= last.start < (outer.title_end or 0)


@pytest.mark.parametrize("verbs", tables.cues()["coordinated"]["examples"])
def test_the_coordinated_verbs_table_examples_are_lists_of_verbs(verbs):
    assert _listed_verbs(verbs)


@pytest.mark.parametrize(
    ("text", "province"),
    [  # an aside on how the issuer stood ends neither the issuer phrase nor the subject after it
        (
            "Kế hoạch số 201-KH/TU, ngày 20/5/2025 của Ban Thường vụ Tỉnh ủy Hà Giang (cũ) về chuyển đổi số.",
            "Hà Giang",
        ),
        (
            "Kế hoạch số 05-KH/TU ngày 20/5/2025 của Tỉnh ủy Lào Cai (trước hợp nhất) về chuyển đổi số.",
            "Lào Cai",
        ),
        (
            "Kế hoạch số 45-KH/HU ngày 20/5/2025 của Ban Thường vụ Huyện ủy Bắc Mê (trước sắp xếp) về chuyển đổi số.",
            None,
        ),
        # … nor is it in the name of the issuer a report states before the document
        (
            "Trước sắp xếp, Ban Thường vụ Quận ủy Hải Châu (cũ) đã ban hành Kế hoạch số 45-KH/QU, ngày "
            "20/02/2025 về chuyển đổi số.",
            None,
        ),
    ],
)
def test_an_aside_after_the_issuer(text, province):
    s = one(text)
    assert (s.province, s.title) == (province, "về chuyển đổi số")
    assert s.issuer and "(" not in s.issuer


@pytest.mark.parametrize(
    "text",
    [  # a plenum of the Central Committee is the Central Committee
        "Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về Nhà nước",
        "Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII về nông nghiệp",
        "Nghị quyết số 21-NQ/TW ngày 16/6/2022 Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về tổ chức",
    ],
)
def test_a_plenum_issues_as_its_committee(text):
    s = one(text)
    assert (s.issuer, s.term, s.title[:2]) == ("Ban Chấp hành Trung ương", "XIII", "về")


@pytest.mark.parametrize(
    ("text", "issuer"),
    [  # the office whose proposal a decision cites: its holder stands for it
        ("Theo đề nghị Giám đốc Sở Nội vụ tại Tờ trình số 33/TTr-SNV ngày 14/3/2008 về việc", "Sở Nội vụ"),
        (
            "Xét đề nghị của Trưởng phòng Tư pháp huyện tại Tờ trình số 12/TTr-TP ngày 02/5/2023;",
            "Phòng Tư pháp huyện",
        ),
        (
            "Xét đề nghị của Trưởng ban Ban quản lý các khu chế xuất tại Tờ trình số 1009/TTr-BQL ngày 10/5/2006.",
            "Ban quản lý các khu chế xuất",
        ),
        ("Theo đề nghị của Sở Xây dựng tại Tờ trình số 350/TTr-SXD ngày 21/02/2014;", "Sở Xây dựng"),
    ],
)
def test_the_office_whose_proposal_is_cited(text, issuer):
    assert one(text).issuer == issuer


@pytest.mark.parametrize(
    ("preamble", "cited"),
    [
        (
            "Thực hiện Kết luận số 123 ngày 24/01/2025 của Ban Chấp hành Trung ương Đảng, Ban Thường vụ Tỉnh ủy "
            "ban hành Kế hoạch.",
            {("123-KL/TW", "2025-01-24")},
        ),
        (
            "Thực hiện Nghị quyết 57 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.",
            {("57-NQ/TW", None)},
        ),
        # another issuer's code is not told by its name: no symbol is made up
        ("Thực hiện Kế hoạch số 45 của Ban Thường vụ Huyện ủy, Đảng ủy xã ban hành Kế hoạch.", set()),
    ],
)
def test_the_centres_document_cited_by_its_number_alone(preamble, cited):
    from vbgraph.loaders.parse import parse_text

    from factories import party_doc

    rec = parse_text(party_doc(heading="KẾ HOẠCH", code="KH", of="", preamble=preamble), "k.txt")
    assert {(c.symbol, c.date) for c in rec.citations if c.relation} == cited


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        (
            "Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng",
            {"18-NQ/TW", "19-NQ/TW", "20-NQ/TW"},
        ),
        # a symbol with a date of its own keeps it; words between are no list
        ("Nghị quyết số 18-NQ/TW ngày 01/01/2022 và 20-NQ/TW ngày 16/6/2022", {"20-NQ/TW"}),
        ("Nghị quyết số 18-NQ/TW về đất đai và Kết luận số 20-KL/TW ngày 16/6/2022", {"20-KL/TW"}),
        # a Party symbol before a State one of the same type code: two systems, two issuers
        ("Nghị quyết số 57-NQ/TW và Nghị quyết số 03/NQ-CP ngày 16/6/2022 của Chính phủ", {"03/NQ-CP"}),
        ("Quyết định số 12/QĐ-UBND và số 15/QĐ-TTg ngày 16/6/2022 của Thủ tướng Chính phủ", {"15/QĐ-TTg"}),
        ("Nghị quyết số 12-NQ/TU và 15-NQ/HU ngày 16/6/2022 của Ban Thường vụ Huyện ủy", {"15-NQ/HU"}),
        # one committee's texts of two types: the issuer is shared, not the date
        ("Chỉ thị số 45-CT/TW, Kết luận số 150-KL/TW ngày 16/6/2022 của Bộ Chính trị", {"150-KL/TW"}),
        # one issuer's codes of two terms: the Quốc hội's
        ("Luật số 80/2015/QH13 và Luật số 63/2020/QH14 của Quốc hội", set()),
    ],
)
def test_a_lists_date_and_issuer_are_each_listed_symbols(text, dated):
    got = {s.symbol for s in cites(text) if s.date == "2022-06-16"}
    assert got == dated


@pytest.mark.parametrize(
    ("text", "issued"),
    [
        (
            "Nghị quyết số 57-NQ/TW và Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ",
            {"57-NQ/TW": None, "03/NQ-CP": "Chính phủ"},
        ),
        (
            "Luật số 80/2015/QH13 và Luật số 63/2020/QH14 của Quốc hội",
            {"80/2015/QH13": "Quốc hội", "63/2020/QH14": "Quốc hội"},
        ),
        # Party symbols of one issuer code, whatever their types
        (
            "Chỉ thị số 45-CT/TW, Kết luận số 150-KL/TW ngày 14/4/2025 của Bộ Chính trị",
            {"45-CT/TW": "Bộ Chính trị", "150-KL/TW": "Bộ Chính trị"},
        ),
        (
            "Chỉ thị số 05-CT/TU và Nghị quyết số 12-NQ/TU ngày 14/4/2025 của Ban Thường vụ Tỉnh ủy",
            {"05-CT/TU": "Ban Thường vụ Tỉnh ủy", "12-NQ/TU": "Ban Thường vụ Tỉnh ủy"},
        ),
        (
            "Nghị quyết số 57-NQ/TW và Kế hoạch số 03/KH-CP ngày 09/01/2025 của Chính phủ",
            {"57-NQ/TW": None, "03/KH-CP": "Chính phủ"},
        ),
        (
            "Chỉ thị số 05-CT/TU và Kết luận số 12-KL/HU ngày 14/4/2025 của Ban Thường vụ Huyện ủy",
            {"05-CT/TU": None, "12-KL/HU": "Ban Thường vụ Huyện ủy"},
        ),
        (
            "Quyết định số 12/2019/QĐ-UBND, số 15/2020/QĐ-UBND của Ủy ban nhân dân tỉnh",
            {"12/2019/QĐ-UBND": "Ủy ban nhân dân tỉnh", "15/2020/QĐ-UBND": "Ủy ban nhân dân tỉnh"},
        ),
    ],
)
def test_a_lists_issuer_is_shared_only_within_one_system_and_issuer(text, issued):
    assert {s.symbol: s.issuer for s in cites(text)} == issued


@pytest.mark.parametrize(
    ("text", "shared"),
    [
        ("Nghị quyết số 68-NQ/TW và Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị", {"68-NQ/TW"}),
        ("Nghị quyết số 68-NQ/TW ngày 04/5/2025 và Nghị quyết số 66-NQ/TW ngày 30/4/2025", set()),
    ],
)
def test_a_date_shared_from_a_list_is_marked_so(text, shared):
    assert {s.symbol for s in cites(text) if s.date_shared} == shared


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 245/KH-UBND ngày 20/7/2023 để triển khai.",
            "Ủy ban nhân dân tỉnh",
        ),
        ("Sở Nội vụ đã ban hành Hướng dẫn số 12/HD-SNV ngày 05/8/2023.", "Sở Nội vụ"),
        (
            "Ban Thường vụ Tỉnh ủy đã ban hành Nghị quyết số 433-NQ/TU ngày 04/5/2019.",
            "Ban Thường vụ Tỉnh ủy",
        ),
        # no body opens what stands before the verb: no issuer is made up
        ("Thực hiện chỉ đạo đã ban hành Kế hoạch số 245/KH-UBND ngày 20/7/2023.", None),
    ],
)
def test_a_reports_account_names_who_issued_what_it_cites(text, issuer):
    (span,) = cites(text)
    assert span.issuer == issuer
