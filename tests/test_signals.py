"""Line signals (loaders/signals.py), each on short lines written for the test, traps included."""

from __future__ import annotations

import pytest

from vbgraph.loaders import signals
from vbgraph.loaders.normalize import tone_noise


def _examples(section: str) -> list[str]:
    return list(signals.table()[section]["examples"])


# Every example in ontology/signals.toml is recognised by the signal it illustrates.
CHECKS = {
    "motto": signals.is_motto,
    "chrome": signals.is_chrome,
    "reprint": signals.is_reprint_intro,
    "preamble": signals.preamble_opener,
    "lead": signals.is_lead,
    "authority": signals.authority,
    "stamp": signals.stamp,
}


@pytest.mark.parametrize(("section", "example"), [(s, e) for s in CHECKS for e in _examples(s)])
def test_every_table_example_gives_its_signal(section, example):
    assert CHECKS[section](example), example


@pytest.mark.parametrize("example", signals.table()["motto"]["organisation_examples"])
def test_every_organisation_motto_example_is_one(example):
    assert signals.organisation_motto(example) and not signals.organisation_motto("BAN CHẤP HÀNH ĐOÀN TỈNH")


def test_every_issuing_example_names_what_is_issued():
    from vbgraph.loaders.identify import statement

    for ex in _examples("issuing"):
        assert statement(ex) is not None, ex


def test_every_speaker_example_has_a_speaker():
    for ex in _examples("speaker"):
        assert signals.speaker(ex), ex


@pytest.mark.parametrize("example", signals.table()["speaker"]["object_examples"])
def test_a_body_a_verb_directs_or_one_it_is_under_speaks_in_no_line(example):
    """'yêu cầu Ủy ban nhân dân các tỉnh …', 'trực thuộc Trung ương', 'lãnh đạo UBND huyện': objects."""
    assert signals.speaker(example) is None


@pytest.mark.parametrize("example", signals.table()["speaker"]["persons_examples"])
def test_a_persons_office_speaking_on_a_page_is_no_document(example):
    """'…, ông Nguyễn Hải Ninh, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh đề nghị …': a speech a page reports."""
    assert signals.speaker(example) and not signals.document_evidence(example)


@pytest.mark.parametrize(
    "line",
    [  # a body speaking, or a person named as its object, still shows a document
        "Ban Thường vụ Huyện ủy đề nghị cấp ủy các chi bộ tổ chức quán triệt Kết luận số 93-KL/TW.",
        "Ủy ban nhân dân tỉnh yêu cầu ông Nguyễn Văn A, Giám đốc Sở Y tế, báo cáo trước ngày 30/6.",
    ],
)
def test_a_body_speaking_shows_a_document(line):
    assert signals.document_evidence(line)


@pytest.mark.parametrize("example", signals.table()["meeting"]["occasions_examples"])
def test_a_notices_body_then_the_occasion_of_its_conclusions(example):
    assert signals.occasion_re().search(example)


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("Ngày 30/5/2024, Thường trực Huyện ủy đã làm việc với Ban Thường vụ Đảng ủy xã.", True),
        ("Hôm nay 12/3/2024, tại Hội trường Huyện ủy, Ban Thường vụ họp.", True),
        ("về kết quả thực hiện Nghị quyết số 05-NQ/TU ngày 20/12/2023, và nhiệm vụ tới", False),
    ],
)
def test_a_line_that_opens_with_a_date_as_a_narrative_does(line, dated):
    assert signals.opens_with_date(line) is dated


@pytest.mark.parametrize(
    "example", signals.table()["speaker"]["subordinate_examples"], ids=lambda e: e["line"]
)
def test_a_body_in_a_subordinate_clause_does_not_speak(example):
    """'Trong khi chờ Bộ Nội vụ ban hành …, UBND tỉnh hướng dẫn': the main clause's body speaks."""
    assert (signals.speaker(example["line"]) or "") == example["speaker"]


@pytest.mark.parametrize("example", signals.table()["speaker"]["holder_examples"], ids=lambda e: e["line"])
def test_an_office_holder_issues_what_it_says_unless_its_body_relays_it(example):
    from vbgraph.loaders.identify import holder_before

    who = signals.speaker(example["line"])
    assert who and (holder_before(example["line"], who) or "") == example["holder"]


@pytest.mark.parametrize("line", signals.table()["authority"]["examples"])
def test_every_authority_example_is_an_enacting_authority(line):
    """[authority] roles: 'CHỈ HUY TRƯỞNG BỘ CHỈ HUY QUÂN SỰ TỈNH …' enacts above the preamble."""
    assert signals.authority(line)


@pytest.mark.parametrize(
    "example", signals.table()["authority"]["telegraph_examples"], ids=lambda e: e["line"]
)
def test_every_telegraph_example_names_its_sender(example):
    assert (signals.telegraph_sender(example["line"]) or "") == example["sender"]


def test_every_stamp_is_a_whole_mark_not_a_word_of_a_subject():
    assert not signals.stamp("KHẨN TRƯƠNG ỨNG PHÓ VỚI MƯA LŨ") and not signals.stamp("Mật độ dân số")


def test_every_adoption_example_dates_its_own_text():
    from vbgraph.loaders.identify import adopted_date
    from vbgraph.loaders.segment import Block

    for ex in _examples("adoption"):
        dtype = "Luật" if ex.startswith("Luật") else "Nghị quyết"
        assert adopted_date(["", ex], Block(1, 1, None, None, None, None), dtype), ex
        assert adopted_date(["", ex], Block(1, 1, None, None, None, None), "Quyết định") is None, ex


def test_every_meeting_example_dates_its_conclusion():
    from vbgraph.loaders.identify import implied_date
    from vbgraph.loaders.segment import Block

    for ex in _examples("meeting"):
        assert implied_date(["", ex], Block(1, 1, None, None, None, None), None) == "2025", ex


def test_every_enact_example_is_an_enacting_line():
    for ex in _examples("enact"):
        assert signals.enact_heading(ex) or signals.directive(ex), ex


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CỘNG", True),  # a piece of a motto broken across lines
        ("HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |", True),
        ("Độc lập  Tự do  Hạnh phúc", True),  # PDF text layer lost the dashes
        # traps: a subject that names the Party, an issuing body
        ("Quản lý và cung cấp thông tin trên Cổng thông tin điện tử Đảng Cộng sản Việt Nam", False),
        ("TỈNH ỦY BẮC GIANG", False),
    ],
)
def test_mottos_and_their_pieces(line, expected):
    assert signals.is_motto(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về việc tăng cường", True),
        ("CTTĐT - Ngày 6/8, Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 17", True),
        ("Sở Tư pháp đăng tải Hướng dẫn số 12-HD/BTG ngày 25/12/2018 của Ban Tuyên giáo", True),
        # traps: the document's own enacting line and a directive are no report of it
        ("Thực hiện Chỉ thị số 05-CT/TW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:", False),
        ("Ban Thường vụ Huyện ủy yêu cầu các chi bộ tổ chức quán triệt Kết luận số 01-KL/TW", False),
    ],
)
def test_news_leads(line, expected):
    assert signals.is_lead(line) is expected


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Theo đó, Ban Thường vụ Huyện ủy đề nghị cấp ủy các chi bộ", "Ban Thường vụ Huyện ủy"),
        (
            "…, Ban Thường vụ Tỉnh ủy (khóa XV) ban hành chương trình thực hiện như sau:",
            "Ban Thường vụ Tỉnh ủy",
        ),
        ("UBND quận yêu cầu các cơ quan, đơn vị", "UBND quận"),
        (
            "Ban Thường vụ Tỉnh ủy giao Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh xây dựng",
            "Ban Thường vụ Tỉnh ủy",
        ),
        ("Ban Tuyên giáo Quận ủy ban hành Hướng dẫn công tác tuyên truyền", "Ban Tuyên giáo Quận ủy"),
        ("Bộ Chính trị, Ban Bí thư yêu cầu các cấp ủy", "Bộ Chính trị, Ban Bí thư"),  # speaking together
        # traps: a body after 'của' is an object; a body without a verb of its own says nothing
        ("Trên cơ sở kế hoạch của Ủy ban nhân dân huyện, đề nghị các phòng", None),
        ("Hội nghị đã thảo luận Tờ trình của Ban Thường vụ Tỉnh ủy", None),
        # a head inside the object's name ('Trung ương', 'Chính phủ', 'Tỉnh ủy') speaks with no one
        (
            "Thực hiện Kế hoạch số 01-KH/BCĐTW của Ban Chỉ đạo Trung ương, Ban Thường vụ Tỉnh ủy xây dựng "
            "Chương trình",
            "Ban Thường vụ Tỉnh ủy",
        ),
        ("Thực hiện Kết luận của Đảng ủy Chính phủ, Ban Thường vụ Tỉnh ủy ban hành", "Ban Thường vụ Tỉnh ủy"),
        (
            "Thực hiện Kế hoạch của Ban Chỉ đạo 35 Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành",
            "Ban Thường vụ Huyện ủy",
        ),
        # the bodies addressed ('các …') act, none of them speaks
        ("Các tỉnh ủy, thành ủy ban hành kế hoạch, hoàn thành trước ngày 30/9/2025.", None),
        # a name in lower case is a common noun ('tỉnh ủy, thành ủy' of any province), no speaker
        ("Quy chế mẫu gửi tỉnh ủy, thành ủy ban hành trước ngày 30/9/2025.", None),
        # the committees and boards of 2025: a known name that a generic one opens is all of it
        ("Đảng ủy Chính phủ quyết nghị:", "Đảng ủy Chính phủ"),
        ("Đảng ủy Ủy ban nhân dân tỉnh quyết nghị:", "Đảng ủy Ủy ban nhân dân tỉnh"),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn như sau:", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("Ban Chính sách, chiến lược Trung ương hướng dẫn như sau:", "Ban Chính sách, chiến lược Trung ương"),
    ],
)
def test_the_body_that_speaks(line, speaker):
    assert signals.speaker(line) == speaker


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Ban Tuyên giáo Quận ủy", "district"),
        ("UBND quận Đống Đa", "district"),
        # the Youth Union's committees: a district's, a province's city's, a province's
        ("Ban Thường vụ Huyện đoàn Cao Lãnh", "district"),
        ("Thành đoàn Cao Lãnh", "district"),
        ("Ban Thường vụ Tỉnh đoàn", "province"),
        ("Thành đoàn TP. Hồ Chí Minh", "province"),
        ("Huyện ủy Tuy Phong", "district"),
        ("Đảng ủy xã Tân Hòa", "commune"),
        ("UBND phường 5", "commune"),
        ("Ban Thường vụ Tỉnh ủy", "province"),
        ("Sở Xây dựng", "province"),
        ("Đảng ủy cơ sở Trường Đại học X", None),  # 'cơ sở' is no Sở
        ("Bộ Chính trị", None),  # central bodies are told by the tables, not by place words
        ("Ủy ban Mặt trận Tổ quốc xã", "commune"),  # a unit's word ends the name
        ("Công an các xã, thị trấn", "commune"),
        ("Phòng Tài chính - Kế hoạch huyện Lục Nam", "district"),
        ("Công an thị xã", "district"),  # "thị xã", not "xã"
        ("HỘI NÔNG DÂN XÃ PHƯỚC THỂ", "commune"),
        ("Trung tâm Y tế quận 3", "district"),
        ("đoàn thể chính trị - xã hội", None),  # society, no xã
        ("ĐOÀN THỂ CHÍNH TRỊ - XÃ HỘI TỈNH", None),
        ("Ban Chỉ đạo xã hội hóa giáo dục", None),
        # a city of a province is a district; the six directly under the centre are provinces
        ("UBND THÀNH PHỐ TAM KỲ", "district"),
        ("Thành ủy Sầm Sơn", "district"),
        ("Thành ủy thành phố Thủ Đức", "district"),
        ("UBND thành phố Hà Nội", "province"),
        ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "province"),
        ("Thành ủy Hải Phòng", "province"),
        ("Ban Thường vụ Thành ủy", "province"),
        # words folded alike, spelt apart: the army's committee is no district's
        ("Quân ủy Trung ương", None),
        ("Quận ủy Ba Đình", "district"),
        ("Quan uy Ba Dinh", "district"),  # a text without its marks
    ],
)
def test_level_of_a_body(name, level):
    assert signals.body_level(name) == level


@pytest.mark.parametrize(
    ("level", "name"),
    [(lvl, n) for lvl, names in signals.table()["level"]["units_examples"].items() for n in names],
)
def test_the_unit_examples_have_their_level(level, name):
    assert signals.body_level(name) == level


PAGE = """Tìm kiếm tin tức
Tin nổi bật trong tuần
Kế hoạch thực hiện Chỉ thị 05-CT/TW của Ban Bí thư về phát triển rừng
Ngày cập nhật 30/10/2017

Ngày 23/8/2017, Tỉnh ủy Phú Yên đã ban hành Kế hoạch số 27-KH/TU về thực hiện Chỉ thị 05-CT/TW.

Ban quản trị website xin đăng toàn văn Kế hoạch này:

Thực hiện Chỉ thị 05-CT/TW của Ban Bí thư, Ban Thường vụ Tỉnh ủy ban hành kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
"""


def test_a_reprint_starts_after_the_page_front_matter():
    clean = ["", *PAGE.split("\n")]
    first, _last = signals.single_document_span(clean, 1, len(clean) - 1)
    assert clean[first].startswith("Thực hiện Chỉ thị 05-CT/TW")


NEWS_ONLY = """Hơn 200 đồng chí dự hội nghị quán triệt các nghị quyết của Tỉnh ủy.
Các đồng chí dự hội nghị đã được quán triệt Nghị quyết số 02-NQ/TU, ngày 04/11/2016 của Tỉnh ủy.
Trên cơ sở những nội dung đã quán triệt, các đơn vị xây dựng kế hoạch thực hiện.
"""


def test_a_news_report_of_a_conference_holds_no_document():
    clean = ["", *NEWS_ONLY.split("\n")]
    assert signals.single_document_span(clean, 1, len(clean) - 1) is None


@pytest.mark.parametrize(
    ("text", "noisy"),
    [
        ("Tạĩ phĩên họp ngàỷ 28/2/2025, sãù khỉ nghé Bàn Tổ chức Trũng ương báỏ cáọ", True),
        ("Tại phiên họp ngày 28/2/2025, sau khi nghe Ban Tổ chức Trung ương báo cáo", False),
    ],
)
def test_scrambled_diacritics_are_told_by_double_tone_marks(text, noisy):
    assert (tone_noise(text) > 0.05) is noisy


@pytest.mark.parametrize(
    ("body", "province"),
    [
        ("UBND quận Đống Đa", "Hà Nội"),
        ("Huyện ủy Tuy Phong", "Bình Thuận"),
        ("Ban Tuyên giáo Quận ủy Cầu Giấy", "Hà Nội"),
        ("UBND huyện Thủy Nguyên", "Hải Phòng"),
        ("UBND huyện Châu Thành", None),  # a name ten provinces share decides nothing
        ("Ban Thường vụ Huyện ủy", None),  # no place named
        ("thành phố Hà Nội", None),  # a province, not a district
        # names that differ in a tone mark are two places; without diacritics they are one name
        ("Huyện ủy Phú Ninh", "Quảng Nam"),
        ("Huyện ủy Phù Ninh", "Phú Thọ"),
        ("UBND huyện Phu Ninh", None),
        ("Huyện đoàn Mộc Châu", "Sơn La"),  # a district's union names its place as its committee does
        # a name with a hyphen or an apostrophe, spelt either way
        ("UBND thành phố Phan Rang - Tháp Chàm", "Ninh Thuận"),
        ("UBND THÀNH PHỐ PHAN RANG-THÁP CHÀM", "Ninh Thuận"),
        ("Huyện ủy Đắk R'Lấp", "Đắk Nông"),
        ("UBND huyện Đắk R’lấp", "Đắk Nông"),
        ("UBND huyện Ia H'Drai", "Kon Tum"),
        # the city's word said short
        ("UBND TP. Vinh", "Nghệ An"),
        ("UBND TP Vinh", "Nghệ An"),
    ],
)
def test_province_of_a_district_body(body, province):
    from vbgraph.loaders.places import province_of

    assert province_of(body) == province


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("HUYỆN ĐẮK R'LẤP", "Đắk R'Lấp"),
        ("THÀNH PHỐ PHAN RANG - THÁP CHÀM", "Phan Rang - Tháp Chàm"),
        ("Ủy ban nhân dân huyện Cư M'gar", "Cư M'Gar"),
        ("ĐẢNG ỦY XÃ HÒA BÌNH", "Hòa Bình"),
        ("Phường 7", "7"),
        ("UBND TP. Vinh", "Vinh"),
        ("Thành ủy Tp. Hà Tĩnh", "Hà Tĩnh"),
        ("UBND TP", None),
    ],
)
def test_the_place_a_local_bodys_name_ends_with(name, place):
    from vbgraph.loaders.places import place_name

    assert place_name(name) == place


@pytest.mark.parametrize(
    ("speaker", "header", "issuer"),
    [
        # the speaker names more than the header: it issues
        ("Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Bí thư"),
        # the speaker only repeats less of the header's issuer, or the body that one is part of
        ("UBND quận", "Ủy ban nhân dân quận Đống Đa", "Ủy ban nhân dân quận Đống Đa"),
        ("Tỉnh ủy", "Văn phòng Tỉnh ủy Sơn La", "Văn phòng Tỉnh ủy Sơn La"),
        (
            "Ủy ban nhân dân tỉnh",
            "Đảng ủy Ủy ban nhân dân tỉnh Đồng Nai",
            "Đảng ủy Ủy ban nhân dân tỉnh Đồng Nai",
        ),
        # an office holder's title a signature reads ('KT. THỦ TƯỚNG') yields to the body that speaks
        ("Chính phủ", "Thủ tướng Chính phủ", "Chính phủ"),
    ],
)
def test_the_speaker_decides_the_issuer_unless_it_says_less_than_the_header(speaker, header, issuer):
    from vbgraph.loaders.identify import speaker_issuer

    assert speaker_issuer(speaker, header, "province")[0] == issuer


@pytest.mark.parametrize(
    ("before", "in_name"),
    [  # the words before a place: a school's kind makes the place its own name's, a unit's word its unit's
        ("Trường Đại học", True),
        ("Hiệu trưởng Trường Đại học Sư phạm", True),
        ("TRƯỜNG THPT CHUYÊN", True),
        ("Trường Chính trị tỉnh", False),
        ("Bệnh viện Trung ương", True),  # where a body of the centre stands
        ("Bệnh viện Đa khoa", False),
        ("Ủy ban nhân dân", False),
        ("Sở Giáo dục và Đào tạo", False),
    ],
)
def test_a_place_after_a_kind_named_after_a_place_is_part_of_the_name(before, in_name):
    assert signals.place_in_name(before) is in_name


@pytest.mark.parametrize("example", signals.table()["enact"]["authority_examples"], ids=lambda e: e["line"])
def test_a_party_enacting_line_names_its_authority_before_its_verb(example):
    assert (signals.enacting_authority(example["line"]) or "") == example["authority"]


@pytest.mark.parametrize(
    ("name", "central"),
    [  # the academies are the centre's wherever they stand
        ("Học viện Chính trị khu vực III", True),
        ("HỌC VIỆN QUÂN Y", True),
        ("Trường Chính trị tỉnh", False),
        ("Bệnh viện Đa khoa tỉnh", False),
    ],
)
def test_a_kind_the_centre_alone_has(name, central):
    assert signals.central_kind(name) is central
