"""Documents as real sources give them: flattened headers, web reprints, news leads, consolidated
texts, one-line texts. Every text here is written for the test; each case names what it shows."""

from __future__ import annotations

import pytest

from vbgraph.graph.resolve import resolve
from vbgraph.loaders import identify, signals
from vbgraph.loaders.parse import parse_text


def _docs(text: str) -> list:
    return list(parse_text(text, "page.txt").documents)


def _edges(text: str) -> set[tuple[str, str, str]]:
    """(source, relation, target) of the resolved graph, by id."""
    r = resolve([parse_text(text, "page.txt")])
    return {(x["source"], x["type"], x["target"]) for x in r.relations}


FLATTENED_STATE_HEADER = """ỦY
BAN NHÂN DÂN
TỈNH BẾN TRE
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số:
12/2020/QĐ-UBND
|
Bến
Tre, ngày 03 tháng 4 năm 2020
|
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ CHỢ TRÊN ĐỊA BÀN TỈNH BẾN TRE
ỦY BAN NHÂN DÂN TỈNH BẾN TRE
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số
02/2003/NĐ-CP ngày 14 tháng 01 năm 2003 của Chính phủ về phát triển và quản lý chợ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chợ.
Điều 2. Quyết định này thay thế Quyết định số 40/2015/QĐ-UBND ngày 10/9/2015 của UBND tỉnh Bến Tre.
"""


def test_a_state_header_flattened_into_table_cells():
    (d,) = _docs(FLATTENED_STATE_HEADER)
    assert (d.symbol, d.date, d.jurisdiction) == ("12/2020/QĐ-UBND", "2020-04-03", "Bến Tre")
    assert d.issuer == "Ủy ban nhân dân tỉnh Bến Tre"
    assert d.title.lower().startswith("về việc ban hành quy chế quản lý chợ")
    edges = _edges(FLATTENED_STATE_HEADER)
    me = "ben-tre:12/2020/QĐ-UBND@2020-04-03"
    assert (
        me,
        "CAN_CU",
        "02/2003/NĐ-CP@2003-01-14",
    ) in edges  # 'Nghị định số' / '02/2003/NĐ-CP' on two lines
    assert (me, "THAY_THE", "ben-tre:40/2015/QĐ-UBND@2015-09-10") in edges


WEB_REPRINT = """Trang chủ
Chương trình thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về học tập và làm theo tư tưởng Hồ Chí Minh
Ngày cập nhật 30/10/2017

Ngày 23/8/2017, Tỉnh ủy Phú Yên đã ban hành Chương trình số 27-CTr/TU về thực hiện Chỉ thị 05-CT/TW.

Ban quản trị website xin đăng toàn văn Chương trình:

CHƯƠNG TRÌNH

Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về học tập và làm theo tư tưởng Hồ Chí Minh

Thực hiện Chỉ thị 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Ban Thường vụ Tỉnh ủy ban hành chương trình thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Thời gian qua, thực hiện Nghị quyết số 10-NQ/TU của Tỉnh ủy, các cấp ủy đã đạt nhiều kết quả.
"""


def test_a_web_reprint_takes_number_date_and_place_from_its_lead():
    (d,) = _docs(WEB_REPRINT)
    assert (d.symbol, d.date, d.jurisdiction) == ("27-CTr/TU", "2017-08-23", "Phú Yên")
    assert d.issuer == "Ban Thường vụ Tỉnh ủy Phú Yên"  # the enacting line, not the lead's 'Tỉnh ủy'
    assert d.first_line > 5  # the page's title, date and lead are not the document


def test_a_background_sentence_with_thuc_hien_states_no_relation_of_the_document():
    edges = _edges(WEB_REPRINT)
    me = "phu-yen:27-CTr/TU@2017-08-23"
    assert (me, "THUC_HIEN", "05-CT/TW@2016-05-15") in edges
    assert (me, "DAN_CHIEU", "phu-yen:10-NQ/TU") in edges  # '1. Thời gian qua, thực hiện …' is no relation


POSTED = """Hải Dương, ngày 18 tháng 11 năm 2019
    Thực hiện Chương trình hành động số 16-CTr/TU ngày 25/3/2008 của Ban Thường vụ Tỉnh ủy về cải cách hành chính, ngày 13/5/2011, Ủy ban nhân dân huyện ban hành Kế hoạch số 42/KH-UBND về thực hiện cải cách hành chính năm 2011.
    Tệp đính kèm:
"""


def test_a_posting_date_is_not_the_date_of_the_reported_plan():
    edges = _edges(POSTED)
    assert ("hai-duong:42/KH-UBND@2011", "THUC_HIEN", "hai-duong:16-CTr/TU@2008-03-25") not in edges
    assert any(
        s.startswith("hai-duong:42/KH-UBND") and t == "hai-duong:16-CTr/TU@2008-03-25" and r == "THUC_HIEN"
        for s, r, t in edges
    )
    assert not any("2019-11-18" in s for s, _, _ in edges)  # the page's own date dates nothing
    assert _docs(POSTED) == []  # a news summary of a plan whose text is only attached


def test_the_same_number_in_two_years_gives_two_documents():
    text = """Căn cứ Quyết định số 04/2008/QĐ-UBND ngày 15/4/2008 của UBND tỉnh Hà Nam và Quyết định số 04/2009/QĐ-UBND ngày 02/3/2009 của UBND tỉnh Hà Nam;"""
    r = parse_text(text, "x.txt")
    assert {c.symbol for c in r.citations} == {"04/2008/QĐ-UBND", "04/2009/QĐ-UBND"}


CONSOLIDATED = """LUẬT
TỔ CHỨC CHÍNH PHỦ
Luật
Tổ chức Chính phủ số 76/2015/QH13 ngày 19 tháng 6 năm 2015 của Quốc hội, có hiệu lực kể từ
ngày 01 tháng 01 năm 2016, được sửa đổi, bổ sung bởi:
1. Luật số 47/2019/QH14 ngày 22 tháng 11 năm 2019 của Quốc hội sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương, có hiệu lực kể từ ngày 01 tháng 7 năm 2020.
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Tổ chức Chính phủ.
"""


def test_a_consolidated_text_names_itself_and_its_amenders():
    (d,) = _docs(CONSOLIDATED)
    assert (d.type, d.symbol, d.date) == ("Luật", "76/2015/QH13", "2015-06-19")
    edges = _edges(CONSOLIDATED)
    assert ("47/2019/QH14@2019-11-22", "SUA_DOI", "76/2015/QH13@2015-06-19") in edges
    assert ("76/2015/QH13@2015-06-19", "DAN_CHIEU", "47/2019/QH14@2019-11-22") not in edges


CONSOLIDATION = """BỘ NỘI VỤ
Số: 02/VBHN-BNV
Hà Nội, ngày 09 tháng 4 năm 2021
NGHỊ ĐỊNH
QUY ĐỊNH NHỮNG NGƯỜI LÀ CÔNG CHỨC
Nghị định số 06/2010/NĐ-CP ngày 25 tháng 01 năm 2010 của Chính phủ quy định những người là công chức, có hiệu lực kể từ ngày 15 tháng 3 năm 2010, được sửa đổi, bổ sung bởi:
{amenders}
Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;
Điều 12. Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2010, thay thế Nghị định số 117/2003/NĐ-CP ngày 10 tháng 10 năm 2003 của Chính phủ.
"""
AMENDER = "Nghị định số 161/2018/NĐ-CP ngày 29 tháng 11 năm 2018 của Chính phủ sửa đổi, bổ sung một số quy định về tuyển dụng công chức."


@pytest.mark.parametrize("amenders", [AMENDER, f"1. {AMENDER}"], ids=["one act, unnumbered", "numbered"])
def test_a_consolidation_under_its_own_number_is_its_offices_and_speaks_the_acts_words(amenders):
    """A văn bản hợp nhất is the ministry's (not a Hà Nội body's, by its place line); the act its
    note names is amended by the acts listed, and is what its body's preamble and articles speak for."""
    text = CONSOLIDATION.format(amenders=amenders)
    (d,) = _docs(text)
    assert (d.type, d.type_code, d.issuer, d.jurisdiction) == (
        "Văn bản hợp nhất",
        "VBHN",
        "Bộ Nội vụ",
        "Trung ương",
    )
    me, act = "02/VBHN-BNV@2021-04-09", "06/2010/NĐ-CP@2010-01-25"
    assert _edges(text) == {
        (me, "DAN_CHIEU", act),
        ("161/2018/NĐ-CP@2018-11-29", "SUA_DOI", act),
        (act, "CAN_CU", "name:luat-can-bo-cong-chuc-nam-2008"),
        (act, "THAY_THE", "117/2003/NĐ-CP@2003-10-10"),
    }
    assert not parse_text(text, "page.txt").issues  # the heading is the act's type: no type mismatch


def test_what_a_consolidation_quotes_from_a_later_act_is_not_its_acts():
    """An amending act's own preamble, quoted in a footnote, is dated after the act: not the act's basis."""
    text = (
        CONSOLIDATION.format(amenders=AMENDER)
        + "[1] Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    )
    law = "name:luat-to-chuc-chinh-phu-nam-2015"
    assert [(s, r) for s, r, t in _edges(text) if t == law] == [("02/VBHN-BNV@2021-04-09", "DAN_CHIEU")]


ONE_LINE = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 120 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 02 tháng 3 năm 2015 "
    "QUYẾT ĐỊNHVề việc ban hành Quy chế làm việc--------- BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH- Căn cứ "
    "Điều lệ Đoàn TNCS Hồ Chí Minh; - Căn cứ Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung "
    "ương Đoàn; - Để thống nhất việc làm việc trong toàn hệ thống, QUYẾT ĐỊNH Điều 1. Ban hành kèm theo quyết "
    "định này Quy chế làm việc. Điều 2. Quyết định này thay thế Quyết định số 900 QĐ/TWĐTN ngày 23/6/2006 của "
    "Ban Bí thư Trung ương Đoàn. Điều 3. Quyết định này có hiệu lực từ ngày ký. Nơi nhận: - Như điều 3; - Lưu "
    "VT. TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN BÍ THƯ THƯỜNG TRỰC (đã ký) Nguyễn Văn An"
)


def test_a_document_that_lost_its_line_breaks():
    (d,) = _docs(ONE_LINE)
    assert (d.symbol, d.date, d.first_line, d.last_line) == ("120-QĐ/TWĐTN-VP", "2015-03-02", 1, 1)
    edges = _edges(ONE_LINE)
    me = "120-QĐ/TWĐTN-VP@2015-03-02"
    assert (me, "CAN_CU", "84-QĐ/TWĐTN@2013-02-22") in edges
    assert (me, "THAY_THE", "900-QĐ/TWĐTN@2006-06-23") in edges
    assert all(
        c.evidence.line == 1 for c in parse_text(ONE_LINE, "x.txt").citations
    )  # evidence on the source line


SCRAMBLED = """KẾT LỦẬN 12-KL/TW CỦÀ BỘ CHÍNH TRỊ, BẠN BÍ THƯ VỀ TRỈỂN KHÀÌ SẮP XẾP TỔ CHỨC BỘ MÁỲ
Tạĩ phĩên họp ngàỷ 28/2/2025, Bộ Chính trị, Bạn Bí thư có ý kỉến như sạú:
Để bảỏ đảm thực hịện qủỹết lịệt các nhĩệm vụ nêủ tạí Kết lúận số 121-KL/TW, ngàỷ 24/01/2025 củà Bạn Chấp hành Trũng ương Đảng, Bộ Chính trị, Bạn Bí thư ýêụ cầú các cấp úỷ thực hịện tốt các nộí đùng sàũ:
1. Bảọ đảm các ngưỷên tắc."""


def test_scrambled_diacritics_are_read_through_the_vocabulary():
    (d,) = _docs(SCRAMBLED)
    assert (d.symbol, d.issuer, d.date) == (
        "12-KL/TW",
        "Bộ Chính trị, Ban Bí thư",
        "2025",
    )  # the meeting's year
    assert ("12-KL/TW@2025", "THUC_HIEN", "121-KL/TW@2025-01-24") in _edges(SCRAMBLED)


@pytest.mark.parametrize(
    ("line", "type_", "number", "body", "date", "title"),
    [
        (
            "Ngày 23/8/2017, Tỉnh ủy Phú Yên đã ban hành Chương trình số 27-CTr/TU về thực hiện Chỉ thị.",
            "Chương trình",
            None,
            "Tỉnh ủy Phú Yên",
            "2017-08-23",
            "về thực hiện Chỉ thị",
        ),
        (
            "Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về việc tăng cường công tác.",
            "Chỉ thị",
            "17",
            "Ban Thường vụ Tỉnh ủy Yên Bái",
            None,
            "về việc tăng cường công tác",
        ),
        (
            "Ngày 21/ 5, UBND tỉnh banh Công văn số 846 /UBND-TH về việc báo cáo.",  # 'banh': a dropped syllable
            "Công văn",
            None,
            "UBND tỉnh",
            None,
            "về việc báo cáo",
        ),  # the symbol is the citation's to read
        (
            "Ban Tuyên giáo Quận ủy ban hành Hướng dẫn công tác tuyên truyền năm 2019.",
            "Hướng dẫn",
            None,
            "Ban Tuyên giáo Quận ủy",
            None,
            "công tác tuyên truyền năm 2019",
        ),
        (
            "UBND tỉnh xây dựng Kế hoạch hành động thực hiện Chương trình đến năm 2025 như sau:",
            "Kế hoạch",
            None,
            "UBND tỉnh",
            None,
            "hành động thực hiện Chương trình đến năm 2025",
        ),
    ],
)
def test_what_a_lead_or_enacting_line_says(line, type_, number, body, date, title):
    st = identify.statement(line, lead=signals.is_lead(line))
    assert (st.type, st.number, st.body, st.date, st.title) == (type_, number, body, date, title)


@pytest.mark.parametrize(
    "line",
    [
        "Hội nghị đã thảo luận Tờ trình của Ban Thường vụ Tỉnh ujy",  # no issuing verb
        "đề nghị các phòng chuyên môn tổ chức xây dựng kế hoạch thực hiện",  # no body that issues
    ],
)
def test_lines_that_report_no_issuing(line):
    assert identify.statement(line) is None


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Ban Thường vụ Tỉnh ủy Yên Bái", "TU"),
        ("UBND tỉnh", "UBND"),
        ("Ban Thường vụ Huyện ủy", "HU"),
        ("Bộ Chính trị", None),
    ],
)
def test_issuer_code_a_body_writes(body, code):
    assert identify.issuer_code_for(body) == code


def test_a_chunk_header_names_its_document():
    assert identify.chunk_symbol("# 48_2013_NĐ_CP_art1_part1") == "48/2013/NĐ-CP"
    assert identify.chunk_symbol("# Điều 1. Phạm vi") is None


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # an issuer the tables do not know, then the subject that states the relation
        (
            "Căn cứ Quyết định số 765/QĐ-BTTTT ngày 28/4/2023 của Bộ Thông tin và Truyền thông về ban hành Chương "
            "trình hành động thực hiện Chỉ thị số 07/CT-TTg;",
            ("765/QĐ-BTTTT@2023-04-28", "THUC_HIEN", "07/CT-TTg"),
        ),
        (
            "Căn cứ Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành một số "
            "quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;",
            ("01/2018/TT-VPCP@2018-11-23", "HUONG_DAN", "61/2018/NĐ-CP@2018-04-23"),
        ),
        (
            "Quyết định 41/2018/QĐ-UBND bãi bỏ Quyết định 75/2006/QĐ-UBND của UBND Thành phố Hồ Chí Minh.",
            ("41/2018/QĐ-UBND@2018", "BAI_BO", "75/2006/QĐ-UBND@2006"),
        ),
        (
            "Quyết định số 12/2010/QĐ-UBND của UBND tỉnh Long An đã được thay thế bởi Quyết định số 30/2015/QĐ-UBND.",
            ("30/2015/QĐ-UBND@2015", "THAY_THE", "12/2010/QĐ-UBND@2010"),
        ),
        (
            "Căn cứ Thông tư số 135/2008/TT-BTC ngày 31/12/2008 của Bộ Tài chính hướng dẫn Nghị định số "
            "69/2008/NĐ-CP ngày 30/5/2008 của Chính phủ;",
            ("135/2008/TT-BTC@2008-12-31", "HUONG_DAN", "69/2008/NĐ-CP@2008-05-30"),
        ),
        # 'và Chỉ thị B' is coordinated with the Chỉ thị inside the subject, not with the Công văn
        (
            "Thực hiện Công văn số 51/BTTTT-PTTH của Bộ Thông tin và Truyền thông về việc triển khai các nhiệm vụ "
            "tại Chỉ thị 09/CT-TTg ngày 31/3/2021 về việc nâng cao hiệu quả công tác thông tin và Chỉ thị 07/CT-TTg "
            "ngày 21/3/2023 về việc tăng cường công tác truyền thông;",
            ("51/BTTTT-PTTH", "THUC_HIEN", "07/CT-TTg@2023-03-21"),
        ),
    ],
)
def test_relations_stated_between_two_cited_documents(text, edge):
    """Ids end with the symbol and date; a local one starts with its jurisdiction when the text names it."""
    source, rel, target = edge
    assert any(s.endswith(source) and r == rel and t.endswith(target) for s, r, t in _edges(text)), _edges(
        text
    )


def test_a_document_implements_no_document_issued_after_it():
    text = (
        "Thực hiện Kết luận số 100-KL/TW ngày 18/8/2014 của Ban Bí thư, Kế hoạch số 25-KH/TU ngày 30/11/2016 "
        "của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 100-KL/TW của Ban Bí thư và Kết luận số 111-KL/TU ngày "
        "14/8/2017 của Ban Thường vụ Tỉnh ủy về công tác tư tưởng, các cấp ủy đã đạt nhiều kết quả."
    )
    edges = _edges(text)
    assert any(
        s.endswith("25-KH/TU@2016-11-30") and r == "THUC_HIEN" and t == "100-KL/TW@2014-08-18"
        for s, r, t in edges
    )
    assert not any(
        s.endswith("25-KH/TU@2016-11-30") and t.endswith("111-KL/TU@2017-08-14") for s, _, t in edges
    )


def test_a_basis_carried_by_a_decision_is_a_basis_not_an_attachment():
    text = FLATTENED_STATE_HEADER.replace(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Quy chế quản lý chợ ban hành kèm theo Quyết định số 15/2012/QĐ-UBND ngày 02/5/2012 của UBND tỉnh;",
    )
    me = "ben-tre:12/2020/QĐ-UBND@2020-04-03"
    assert (me, "CAN_CU", "ben-tre:15/2012/QĐ-UBND@2012-05-02") in _edges(text)


LOCAL_HEADERS = {
    "district Party committee": (
        "ĐẢNG BỘ TỈNH BÌNH THUẬN\nHUYỆN ỦY TUY PHONG\n*\nSố 93-KL/HU\nTuy Phong, ngày 14 tháng 4 năm 2021\n\n"
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ HUYỆN ỦY\nvề tiếp tục thực hiện Chỉ thị số 42-CT/TW của Bộ Chính trị\n\n"
        "Thực hiện Kết luận số 93-KL/TW ngày 20/11/2020 của Ban Bí thư, Ban Thường vụ Huyện ủy kết luận như sau:\n",
        ("Ban Thường vụ Huyện ủy Tuy Phong", "Bình Thuận", "district"),
    ),
    "district People's Committee": (
        "ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIỜ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\nCần Giờ, ngày 05 tháng 3 năm 2022\nKẾ HOẠCH\nTriển khai thực hiện Kế hoạch số 35/KH-UBND\n"
        "Căn cứ Kế hoạch số 35/KH-UBND ngày 10/1/2022 của Ủy ban nhân dân Thành phố;\n"
        "Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n",
        ("Ủy ban nhân dân huyện Cần Giờ", "Thành phố Hồ Chí Minh", "district"),
    ),
    "commune Party committee": (
        "ĐẢNG BỘ HUYỆN TUY PHONG\nĐẢNG ỦY XÃ PHƯỚC THỂ\n*\nSố 05-NQ/ĐU\nPhước Thể, ngày 10 tháng 5 năm 2021\n"
        "NGHỊ QUYẾT\nvề phát triển kinh tế - xã hội năm 2021\n"
        "Thực hiện Nghị quyết số 12-NQ/HU của Huyện ủy, Đảng ủy xã ban hành Nghị quyết như sau:\n1. Mục tiêu.\n",
        ("Đảng ủy xã Phước Thể", "Bình Thuận", "commune"),
    ),
    "standing committee under its committee": (
        "ĐẢNG BỘ TỈNH BÌNH ĐỊNH\nHUYỆN ỦY PHÙ CÁT\nBAN THƯỜNG VỤ\n*\nSố 30-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Phù Cát, ngày 10 tháng 4 năm 2024\nKẾ HOẠCH\nvề tổ chức phong trào năm 2024\n1. Nâng cao nhận thức.\n",
        ("Ban Thường vụ Huyện ủy Phù Cát", "Bình Định", "district"),
    ),
    "provincial department": (
        "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 250/SNV-CCVC\nLâm Đồng, ngày 12 tháng 2 năm 2020\nV/v hướng dẫn thực hiện chế độ báo cáo\n"
        "Kính gửi: Các cơ quan, đơn vị\n",
        ("Sở Nội vụ tỉnh Lâm Đồng", "Lâm Đồng", "province"),
    ),
}


@pytest.mark.parametrize("case", LOCAL_HEADERS)
def test_issuer_jurisdiction_and_level_of_local_bodies(case):
    text, expected = LOCAL_HEADERS[case]
    (d,) = [x for x in resolve([parse_text(text, "x.txt")]).documents if x["in_corpus"]]
    assert (d["issuer"], d["jurisdiction"], d["level"]) == expected


@pytest.mark.parametrize(
    "between",
    ["", "\n"],  # the place-and-date line right under the subject, or after a blank
)
def test_a_letters_subject_ends_at_its_place_and_date_line(between):
    """A letter (công văn) whose 'V/v' subject comes before its place and date: the date line is
    the date, not more of the subject; 'V/v' is spelt out as its subject is cited."""
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC THỌ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"Số: 1520/UBND-VP\nV/v triển khai thực hiện Chỉ thị số 05/CT-UBND\n{between}"
        "Đức Thọ, ngày 02 tháng 5 năm 2024\n\nKính gửi: Các phòng, ban, ngành cấp huyện\n\n"
        "Ủy ban nhân dân huyện yêu cầu các cơ quan thực hiện tốt nội dung sau:\n1. Rà soát các cơ sở.\n"
    )
    (d,) = [x for x in resolve([parse_text(text, "x.txt")]).documents if x["in_corpus"]]
    assert (d["type"], d["date"], d["title"]) == (
        "Công văn",
        "2024-05-02",
        "về việc triển khai thực hiện Chỉ thị số 05/CT-UBND",
    )


def test_section_headings_inside_a_document_open_no_document():
    text = (
        FLATTENED_STATE_HEADER
        + "\nQUY CHẾ\nQUẢN LÝ CHỢ\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nKẾ HOẠCH THỰC HIỆN\nĐiều 2. Các chợ.\n"
    )
    assert len(_docs(text)) == 2  # the decision and its attached Quy chế; no 'Quy định CHUNG', no 'Kế hoạch'


def test_a_line_of_separators_keeps_the_line_numbers():
    text = "*" * 650 + "\nCăn cứ Nghị định số 15/2013/NĐ-CP ngày 06/02/2013 của Chính phủ;\n"
    assert [c.evidence.line for c in parse_text(text, "x.txt").citations] == [2]


def test_a_lead_without_a_full_symbol_does_not_hide_a_closing_line_that_has_one():
    text = (
        "Ngày 6/8, Ban Tuyên giáo Quận ủy đã ban hành Kế hoạch số 17 về tuyên truyền năm 2019.\n"
        "Thực hiện Hướng dẫn số 70-HD/BTGTU ngày 14/12/2018, Ban Tuyên giáo Quận ủy ban hành Kế hoạch như sau:\n"
        "1. Tuyên truyền.\n"
        "Phòng Văn hóa đăng tải Kế hoạch số 17-KH/BTGQU ngày 25/12/2018 của Ban Tuyên giáo Quận ủy.\n"
    )
    (d,) = _docs(text)
    assert d.symbol == "17-KH/BTGQU"


def test_a_local_committees_tu_read_as_tw_under_a_header_ocr_broke_is_not_the_centres():
    """'Số 45 -KH/TƯ' whose header lines a scan's date ('2O22') cut off: the enacting line's committee
    is local, so 'TƯ' is its 'TU', and the document the province's the file names, not the centre's."""
    text = (
        "ĐẢNG BỘ TỈNH BÌNH ĐỊNH          ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY BÌNH ĐỊNH\n"
        "       *                  Bình Định, ngày 2O tháng 3 năm 2O22\nSố 45 -KH/TƯ\n\nKẾ HOẠCH\n"
        "thực hiện Nghị quyết về phát triển kinh tế biển\n\n"
        "Thực hiện Nghị quyết số 09-NQ/TU ngày 12/5/2021, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    (d,) = _docs(text)
    assert (d.symbol, d.jurisdiction) == ("45-KH/TU", "Bình Định")


@pytest.mark.parametrize(
    "headline", ["", "Tỉnh ủy Quảng Nam ban hành nghị quyết về phát triển kinh tế ban đêm\n"]
)
def test_a_news_reports_issuer_is_its_leads_not_a_body_a_task_names(headline):
    """The lead names the organ that issued ('Ban Thường vụ Tỉnh ủy …'); neither the headline's
    shorter name nor the body a reported task directs ('… lãnh đạo UBND tỉnh xây dựng …') replaces it."""
    text = headline + (
        "(QNO) - Ngày 16/10, Ban Thường vụ Tỉnh ủy Quảng Nam ban hành Nghị quyết số 22-NQ/TU về phát triển.\n"
        "Theo nghị quyết, mục tiêu đến năm 2025 hình thành 3 khu phố đêm.\n"
        "Ban Thường vụ Tỉnh ủy giao Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh xây dựng kế hoạch thực hiện "
        "nghị quyết, hoàn thành trong quý 4/2023.\n"
    )
    (d,) = _docs(text)
    assert (d.symbol, d.issuer) == ("22-NQ/TU", "Ban Thường vụ Tỉnh ủy Quảng Nam")


SESSION_NEWS = (
    "Trang chủ / Thời sự / Chính trị\n"
    "HĐND tỉnh Khánh Hòa thông qua 18 nghị quyết tại kỳ họp thứ 13\n"
    "(Báo Khánh Hòa) - Chiều 6/12, HĐND tỉnh Khánh Hòa khóa VII bế mạc kỳ họp thứ 13.\n"
    "Tại kỳ họp, HĐND tỉnh đã thông qua 18 nghị quyết.\n"
    "{speech} UBND tỉnh khẩn trương triển khai các nghị quyết vừa được thông qua.\n"
    "Trước đó, HĐND tỉnh đã xem xét báo cáo sơ kết 2 năm thực hiện Nghị quyết số 09-NQ/TW ngày 28/1/2022 "
    "của Bộ Chính trị.\n"
)


@pytest.mark.parametrize(
    ("speech", "found"),
    [  # a person's speech the page reports: no document speaks
        ("Phát biểu bế mạc, ông Nguyễn Hải Ninh, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh đề nghị", []),
        # a body speaks: the page's document, of the province the page prints after its name
        ("Thường trực HĐND tỉnh đề nghị", [("Hội đồng nhân dân tỉnh Khánh Hòa", "Khánh Hòa")]),
    ],
)
def test_a_news_page_on_a_session_holds_a_document_only_where_a_body_speaks(speech, found):
    docs = _docs(SESSION_NEWS.format(speech=speech))
    assert [(d.issuer, d.jurisdiction) for d in docs] == found


def test_a_lowercase_issuer_line_under_the_heading_gives_issuer_and_subject():
    text = (
        "TỈNH ỦY HÀ TĨNH\n*\nSố 250-TB/TU\nHà Tĩnh, ngày 10 tháng 5 năm 2023\nTHÔNG BÁO KẾT LUẬN\n"
        "của Ban Thường vụ Tỉnh ủy về tình hình thực hiện Nghị quyết số 05-NQ/TU\n"
        "Ngày 08/5/2023, Ban Thường vụ Tỉnh ủy họp nghe báo cáo. Sau khi thảo luận, Ban Thường vụ Tỉnh ủy kết luận:\n"
        "1. Đánh giá chung.\n"
    )
    (d,) = [x for x in resolve([parse_text(text, "x.txt")]).documents if x["in_corpus"]]
    assert (d["issuer"], d["title"]) == (
        "Ban Thường vụ Tỉnh ủy Hà Tĩnh",
        "về tình hình thực hiện Nghị quyết số 05-NQ/TU",
    )


def test_a_text_that_lost_all_its_diacritics():
    text = (
        "TINH UY NGHE AN\nSo 12-KH/TU\nNghe An, ngay 10 thang 5 nam 2021\nKE HOACH\n"
        "thuc hien Nghi quyet so 52-NQ/TW cua Bo Chinh tri\n"
        "Thuc hien Nghi quyet so 52-NQ/TW ngay 27/9/2019 cua Bo Chinh tri ve mot so chu truong, chinh sach chu "
        "dong tham gia cuoc Cach mang cong nghiep lan thu tu, Ban Thuong vu Tinh uy ban hanh Ke hoach nhu sau:\n"
        "I. MUC DICH, YEU CAU\n1. Quan triet sau sac noi dung Nghi quyet.\n"
    )
    (d,) = _docs(text)
    assert (d.type, d.symbol, d.date, d.jurisdiction) == ("Kế hoạch", "12-KH/TU", "2021-05-10", "Nghệ An")
    assert ("nghe-an:12-KH/TU@2021-05-10", "THUC_HIEN", "52-NQ/TW@2019-09-27") in _edges(text)
