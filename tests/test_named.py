"""Documents cited by name: laws, the constitution, charters, working rules, congress and plenum
resolutions. The examples in ontology/named.toml are checked first, then snippets with traps,
then what a caller builds from the spans (identity keys, SUA_DOI between an amending law and the
law it amends)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbgraph.graph.resolve import Resolver
from vbgraph.loaders.cite import find_citations
from vbgraph.loaders.named import find_named
from vbgraph.loaders.normalize import normalize_text, slug
from vbgraph.loaders.parse import parse_text
from vbgraph.ontology import tables

from factories import party_doc


def named(text: str, province: str | None = "Bắc Giang"):
    """The named citations `find_citations` keeps in `text` (numbered ones win over them)."""
    return [s for s in find_citations(normalize_text(text), province=province) if s.kind == "named"]


def names(text: str, province: str | None = "Bắc Giang") -> list[str]:
    return [s.name for s in named(text, province)]


def _table_examples():
    for section, cfg in tables.named_table().items():
        if not isinstance(cfg, dict):
            continue
        for key in (k for k in cfg if k == "examples" or k.endswith("_examples")):
            for i, ex in enumerate(cfg[key]):
                if isinstance(ex, dict):
                    yield pytest.param(ex["text"], ex["names"], id=f"{section}-{key}-{i}")


@pytest.mark.parametrize(("text", "expected"), list(_table_examples()))
def test_every_table_example_gives_exactly_its_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text", [ex for e in tables.named_table()["named"] for ex in e.get("practices_examples", ())]
)
def test_a_practice_named_with_a_head_word_is_no_document(text):
    """'thực hiện Quy chế dân chủ ở cơ sở năm 2024': the year's work, no Quy chế of 2024."""
    assert not names(text)


def test_every_table_section_has_examples():
    table = tables.named_table()
    for section in (
        "boundary",
        "law",
        "constitution",
        "charter",
        "working_rules",
        "congress",
        "plenum",
        "planned",
    ):
        assert table[section]["examples"], section
    for entry in table["named"]:
        assert entry["examples"], entry["head"]
        assert entry.get("matcher") in (None, "law", "constitution", "charter"), entry["head"]


# ---------------------------------------------------------------- laws and ordinances


@pytest.mark.parametrize(
    ("text", "name", "date"),
    [
        ("Căn cứ Luật Xây dựng ngày 26/11/2003;", "Luật Xây dựng năm 2003", "2003-11-26"),
        ("Căn cứ Luật Xây dựng ngày26/11/2003;", "Luật Xây dựng năm 2003", "2003-11-26"),
        (
            "Căn cứ Luật tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 26 tháng 11 năm 2003;",
            "Luật tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 2003",
            "2003-11-26",
        ),
        (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Luật Tổ chức chính quyền địa phương năm 2015",
            "2015-06-19",
        ),
        (
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "Luật Tổ chức chính quyền địa phương năm 2015",
            "2015-06-19",
        ),
        (
            "Căn cứ Pháp lệnh Cán bộ, công chức ngày 26 tháng 02 năm 1998;",
            "Pháp lệnh Cán bộ, công chức năm 1998",
            "1998-02-26",
        ),
        (
            "Căn cứ Luật tổ chức Chính phủngày 25 tháng 12 năm 2001;",
            "Luật tổ chức Chính phủ năm 2001",
            "2001-12-25",
        ),
        (
            "Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015 của Quốc hội khóa XIII;",
            "Luật Ngân sách nhà nước năm 2015",
            "2015-06-25",
        ),
        ("thực hiện Luật Du lịch năm 2017 và các văn bản hướng dẫn", "Luật Du lịch năm 2017", "2017"),
        ("Bộ Luật Lao động 2019 có hiệu lực từ năm 2021", "Bộ luật Lao động 2019", "2019"),
        ("Luật Lao động năm 2019 quy định", "Bộ luật Lao động năm 2019", "2019"),
        ("theo Luật Ban hành văn bản quy phạm pháp luật;", "Luật Ban hành văn bản quy phạm pháp luật", None),
        (
            "biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật.",
            "Luật Ban hành văn bản quy phạm pháp luật",
            None,
        ),
        ("Căn cứ Luật Tổ chức chính quyền địa phương[1].", "Luật Tổ chức chính quyền địa phương", None),
        ("theo Luật Cán bộ, công chức, Luật Viên chức", "Luật Cán bộ, công chức", None),
        (
            "Luật Phổ biến, giáo dục pháp luật; Luật Hòa giải ở cơ sở",
            "Luật Phổ biến, giáo dục pháp luật",
            None,
        ),
        ("xử lý vi phạm Luật Công đoàn,.. Chỉ đạo chủ doanh nghiệp", "Luật Công đoàn", None),
        # a comma before a list of lower-case words that 'và' closes: the name goes on
        (
            "Sở Khoa học và Công nghệ tham mưu triển khai Luật Khoa học, công nghệ và đổi mới sáng tạo, "
            "hoàn thành trong quý IV/2025.",
            "Luật Khoa học, công nghệ và đổi mới sáng tạo",
            None,
        ),
        (
            "phổ biến Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ cho nhân dân",
            "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
            None,
        ),
        (
            "tuyên truyền Luật Bảo vệ, chăm sóc và giáo dục trẻ em đến nhân dân.",
            "Luật Bảo vệ, chăm sóc và giáo dục trẻ em",
            None,
        ),
        (
            "triển khai Luật Trật tự, an toàn giao thông đường bộ, hoàn thành trong năm 2025.",
            "Luật Trật tự, an toàn giao thông đường bộ",
            None,
        ),
        # … not a list of what goes with the law, nor a verb's clause
        ("triển khai Luật Đầu tư công, các nghị định và thông tư hướng dẫn.", "Luật Đầu tư công", None),
        ("triển khai Luật Giáo dục, tuyên truyền và phổ biến pháp luật.", "Luật Giáo dục", None),
        ("thực hiện Luật Đầu tư, doanh nghiệp và các luật có liên quan.", "Luật Đầu tư", None),
        # a stop word that ends a compound ('sáng tạo') stops no name; alone, it does
        ("Luật Đầu tư tạo hành lang pháp lý", "Luật Đầu tư", None),
        # the citing task after the name: its deadline closes no name and gives the law no date
        (
            "xử lý theo quy định của Luật Đầu tư công, báo cáo Ủy ban nhân dân tỉnh trong quý III năm 2023.",
            "Luật Đầu tư công",
            None,
        ),
        (
            "thực hiện theo Luật Đất đai, trình Ủy ban nhân dân tỉnh trước ngày 30/9/2023.",
            "Luật Đất đai",
            None,
        ),
        ("thực hiện đúng quy định của Luật Xây dựng và hoàn thành trong năm 2024.", "Luật Xây dựng", None),
        ("theo Luật Đầu tư công, báo cáo kết quả thực hiện năm 2023.", "Luật Đầu tư công", None),
        ("triển khai Luật Đất đai hằng năm;", "Luật Đất đai", None),
        # … while a name's own comma and words a date closes stay in it
        (
            "Căn cứ Luật ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 02/12/2004;",
            "Luật ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân năm 2004",
            "2004-12-02",
        ),
        (
            "Căn cứ Luật Phòng, chống tham nhũng ngày 20/11/2018;",
            "Luật Phòng, chống tham nhũng năm 2018",
            "2018-11-20",
        ),
        # 'của Quốc hội' listed with another body is of the name: a law has one issuer
        (
            "Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;",
            "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân năm 2015",
            "2015-11-20",
        ),
        (
            "theo Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân năm 2015, Thường trực HĐND huyện",
            "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân năm 2015",
            "2015",
        ),
        # … alone, or before another citation or the sentence's words, it is the issuer
        ("Căn cứ Luật Đất đai của Quốc hội ngày 18/01/2024;", "Luật Đất đai năm 2024", "2024-01-18"),
        (
            "Căn cứ Luật Đất đai của Quốc hội và Nghị định số 102/2024/NĐ-CP ngày 30/7/2024;",
            "Luật Đất đai",
            None,
        ),
        (
            "thực hiện Luật Đất đai của Quốc hội và Ủy ban nhân dân tỉnh đã ban hành kế hoạch ngày 05/3/2024",
            "Luật Đất đai",
            None,
        ),
    ],
)
def test_a_law_name_ends_where_the_name_ends(text, name, date):
    spans = named(text)
    assert spans, text
    assert (spans[0].name, spans[0].date, spans[0].central) == (name, date, True)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Căn cứ Luật Xây dựng ngày 26/11/2003;", "luat-xay-dung-nam-2003"),
        (
            "Căn cứ Luật tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
            "luat-to-chuc-hoi-dong-nhan-dan-va-uy-ban-nhan-dan-nam-2003",
        ),
        (
            "Căn cứ Pháp lệnh Cán bộ, công chức ngày 26 tháng 02 năm 1998;",
            "phap-lenh-can-bo-cong-chuc-nam-1998",
        ),
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật;", "luat-ban-hanh-van-ban-quy-pham-phap-luat"),
        (
            "Căn cứ Luật Sửa đổi, bổ sung mộtsố điều của các Luật liên quan đến đầu tư xây dựng cơ bản ngày 19/6/2009;",
            "luat-sua-doi-bo-sung-mot-so-dieu-cua-cac-luat-lien-quan-den-dau-tu-xay-dung-co-ban-nam-2009",
        ),
        (
            "Căn cứ Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992;",
            "hien-phap-nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam-nam-1992",
        ),
    ],
)
def test_spellings_meet_in_the_annotators_key(text, key):
    assert [slug(n) for n in names(text)] == [key]


def test_the_issuer_of_a_law_and_of_an_ordinance():
    assert [
        s.issuer for s in named("Căn cứ Luật Đất đai ngày 29/11/2013; Pháp lệnh Dân số ngày 09/01/2003;")
    ] == [
        "Quốc hội",
        "Ủy ban Thường vụ Quốc hội",
    ]


def test_a_law_with_a_number_is_the_numbered_citation_only():
    for text in (
        "Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;",
        "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 năm 2023; Luật Sở hữu trí tuệ số 07/2022/QH15 năm 2022;",
        "1. Luật Quy hoạch số 21/2017/QH14 ngày 24 tháng 11 năm 2017 của Quốc hội",
    ):
        assert not find_named(normalize_text(text)), text
        assert not named(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Luật này quy định về tổ chức chính quyền địa phương",
        "Bộ luật này có hiệu lực",
        "Pháp lệnh này có hiệu lực thi hành",
        "rà soát các Luật liên quan đến đầu tư",
        "theo quy định của Luật và các văn bản hướng dẫn",
        "ý kiến của Luật sư",
        "sinh viên Trường Đại học Luật Hà Nội",
        "theo Luật định",
        "Luật số 47/2019/QH14 ngày 22 tháng 11 năm 2019",
        "Luật",
        "Luật:",
        # documents to be drafted
        "sẽ ban hành Luật Thủ đô (sửa đổi)",
        "trình Quốc hội ban hành Luật Đất đai năm 2024",
        "xây dựng Luật Thực hiện dân chủ ở cơ sở;",
        "dự thảo Luật Tổ chức chính quyền địa phương",
        "tham gia ý kiến dự án Luật Thanh niên",
        "góp ý Luật Đất đai (sửa đổi)",
        "Quốc hội ban hành Luật Tổ chức chính quyền địa phương.",
    ],
)
def test_no_law_is_cited(text):
    assert not [s for s in named(text) if s.type in ("Luật", "Bộ luật", "Pháp lệnh")], text


def test_a_done_enactment_is_a_citation():
    assert names("Quốc hội đã ban hành Luật Thanh niên năm 2020;") == ["Luật Thanh niên năm 2020"]


def test_an_amending_law_is_one_name_whose_subject_holds_the_laws_it_amends():
    text = normalize_text(
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
        "địa phương ngày 22 tháng 11 năm 2019;"
    )
    outer, *inner = named(text)
    assert outer.name == (
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
        "quyền địa phương năm 2019"
    )
    assert outer.date == "2019-11-22"
    assert [s.name for s in inner] == ["Luật Tổ chức Chính phủ", "Luật Tổ chức chính quyền địa phương"]
    assert text[outer.title_start :].startswith("sửa đổi, bổ sung")
    assert all(outer.title_start <= s.start < outer.title_end for s in inner)


def test_an_amending_law_of_unnamed_laws_amends_no_named_document():
    spans = named(
        "Căn cứ Luật Sửa đổi, bổ sung một số điều của các Luật liên quan đến đầu tư xây dựng cơ bản ngày "
        "19/6/2009;"
    )
    assert len(spans) == 1


def test_the_caller_states_sua_doi_between_amending_and_amended():
    preamble = (
        "Căn cứ Pháp lệnh Cán bộ, công chức ngày 26 tháng 02 năm 1998 và Pháp lệnh sửa đổi, bổ sung một số "
        "điều của Pháp lệnh Cán bộ, công chức ngày 29 tháng 4 năm 2003;\n\nCăn cứ Luật sửa đổi, bổ sung một "
        "số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;"
    )
    record = parse_text(party_doc(preamble=preamble), "t.txt")
    resolved = Resolver().run([record])
    edges = {(r["type"], r["source"], r["target"]) for r in resolved.relations}
    doc = "bac-giang:12-NQ/TU@2021-06-08"
    ordinance_2003 = "name:phap-lenh-sua-doi-bo-sung-mot-so-dieu-cua-phap-lenh-can-bo-cong-chuc-nam-2003"
    law_2019 = (
        "name:luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-to-chuc-chinh-phu-va-luat-to-chuc-chinh-quyen-dia-"
        "phuong-nam-2019"
    )
    assert {
        ("CAN_CU", doc, "name:phap-lenh-can-bo-cong-chuc-nam-1998"),
        ("CAN_CU", doc, ordinance_2003),
        ("CAN_CU", doc, law_2019),
        ("SUA_DOI", ordinance_2003, "name:phap-lenh-can-bo-cong-chuc-nam-1998"),
        ("SUA_DOI", law_2019, "name:luat-to-chuc-chinh-phu"),
        ("SUA_DOI", law_2019, "name:luat-to-chuc-chinh-quyen-dia-phuong"),
    } <= edges


# ---------------------------------------------------------------- the constitution, charters, working rules


def test_every_constitution_of_one_year_is_one_document():
    assert set(
        names(
            "Hiến pháp năm 2013; Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013; "
            "Hiến pháp nước CHXHCN Việt Nam năm 2013; Hiến pháp 2013"
        )
    ) == {"Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013"}
    assert named("theo Hiến pháp năm 2013")[0].date == "2013"


@pytest.mark.parametrize(
    "text",
    ["theo Hiến pháp và pháp luật", "thi hành Hiến pháp,", "sửa đổi Hiến pháp năm 1992", "Hiến pháp Hoa Kỳ"],
)
def test_no_constitution_is_cited(text):
    assert not names(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;", ("Điều lệ Đoàn TNCS Hồ Chí Minh", True, None)),
        (
            "Căn cứ Quy chế quản lý nhà ở thành phố Hồ Chí Minh;",
            ("Quy chế quản lý nhà ở thành phố Hồ Chí Minh", False, "Thành phố Hồ Chí Minh"),
        ),
        (
            "Căn cứ Quy chế hoạt động của Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh khoá X;",
            ("Quy chế hoạt động của Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh khóa X", True, None),
        ),
        (
            "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXIII, nhiệm kỳ 2020 - 2025;",
            ("Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXIII", False, "Bắc Giang"),
        ),
        (
            "Quy chế làm việc của Ban Thường vụ Tỉnh ủy khóa XIX;",
            ("Quy chế làm việc của Ban Thường vụ Tỉnh ủy khóa XIX", False, "Bắc Giang"),
        ),
        (
            "Quy chế làm việc của Ban Chấp hành Trung ương Đảng, Bộ Chính trị và Ban Bí thư (khoá X);",
            (
                "Quy chế làm việc của Ban Chấp hành Trung ương Đảng, Bộ Chính trị và Ban Bí thư khóa X",
                True,
                None,
            ),
        ),
    ],
)
def test_a_place_in_a_name_is_a_province_only_when_named_as_one(text, expected):
    s = named(text)[0]
    assert (s.name, s.central, s.province) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Quy chế này có hiệu lực",
        "theo Điều lệ;",
        "Điều lệ này",
        "thông qua Điều lệ Hội",
        # an adverb of time after a head is the task's: the scheme named before, each year
        "xây dựng kế hoạch triển khai Đề án hằng năm;",
        "sơ kết Đề án hàng năm và định kỳ báo cáo",
        "rà soát Quy hoạch định kỳ 5 năm",
    ],
)
def test_a_generic_word_is_no_name(text):
    assert not names(text)


# ---------------------------------------------------------------- congress and plenum resolutions


@pytest.mark.parametrize(
    ("text", "province", "name", "jurisdiction"),
    [
        (
            "Nghị quyết Đại hội Đảng bộ Thuỷ Nguyên lần thứ XXIII",
            "Hải Phòng",
            "Nghị quyết Đại hội đại biểu Đảng bộ Thủy Nguyên lần thứ XXIII",
            "Hải Phòng",
        ),
        (
            "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX",
            "Long An",
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Long An lần thứ XIX",
            "Long An",
        ),
        (
            "Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XI",
            "Thành phố Hồ Chí Minh",
            "Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hồ Chí Minh lần thứ XI",
            "Thành phố Hồ Chí Minh",
        ),
        (
            "Nghị quyết Đại hội Đảng bộ tỉnh Bắc Giang lần thứ XIX",
            "Hà Nội",
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX",
            "Bắc Giang",
        ),
        (
            "Nghị quyết Đại hội X của Đảng",
            "Hà Nội",
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ X của Đảng",
            None,
        ),
    ],
)
def test_congress_resolutions_at_every_level(text, province, name, jurisdiction):
    s = named(text, province)[0]
    assert (s.name, s.province, s.central) == (name, jurisdiction, jurisdiction is None)


@pytest.mark.parametrize(
    ("text", "name", "province"),
    [  # in a central text, the province its sentence names
        (
            "Nhân dân tỉnh Sóc Trăng đã triển khai Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV.",
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Sóc Trăng lần thứ XIV",
            "Sóc Trăng",
        ),
        # none named in its sentence: no province, and never the centre
        (
            "Tỉnh Sóc Trăng báo cáo. Các địa phương triển khai Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV.",
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV",
            None,
        ),
        (
            "Các địa phương triển khai Nghị quyết Đại hội đại biểu Hội Nông dân tỉnh lần thứ X.",
            "Nghị quyết Đại hội đại biểu Hội Nông dân tỉnh lần thứ X",
            None,
        ),
    ],
)
def test_a_provinces_congress_cited_by_the_centre_is_no_central_one(text, name, province):
    s = named(text, "Trung ương")[0]
    assert (s.name, s.province, s.central) == (name, province, False)


def test_plenum_resolutions_written_two_ways_are_one():
    assert set(
        names(
            "Nghị quyết Trung ương 5 khóa X; Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương "
            "khoá X; Nghị quyết Hội nghị Trung ương 5 (khóa X)"
        )
    ) == {"Nghị quyết Trung ương 5 khóa X"}


# ---------------------------------------------------------------- any input


_PIECES = [
    "Luật",
    "Bộ luật",
    "Pháp lệnh",
    "Hiến pháp",
    "Điều lệ",
    "Quy chế làm việc của",
    "Ban Bí thư",
    "Nghị quyết",
    "Đại hội",
    "Đảng bộ",
    "huyện",
    "Thủy Nguyên",
    "lần thứ",
    "XIX",
    "Trung ương",
    "khóa",
    "năm",
    "2013",
    "ngày",
    "26/11/2003",
    "số",
    "57/2014/QH13",
    "sửa đổi, bổ sung một số điều của",
    "và",
    "các",
    ",",
    ";",
    "của Quốc hội",
    "Cán bộ",
    "công chức",
    "(",
    ")",
    "\n",
    "dự thảo",
    "Căn cứ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_spans_lie_in_the_text_whatever_the_text(pieces):
    text = " ".join(pieces)
    for s in find_named(text, province="Bắc Giang"):
        assert 0 <= s.start < s.end <= len(text)
        assert s.name and s.name == s.name.strip()
        if s.title_start is not None:
            assert s.start < s.title_start < s.title_end <= s.end


@pytest.mark.parametrize(
    "text",
    [
        "Luật " * 20000,
        "Căn cứ Luật " + "a " * 50000,
        "Luật " + "Cán bộ, " * 20000,
        "Luật Khoa học, " + "công nghệ, đổi mới " * 20000 + "và sáng tạo",
        "Luật sửa đổi, bổ sung một số điều của " + "Luật A và " * 5000,
        "Nghị quyết Đại hội Đảng bộ " + "Thủy " * 30000,
        "Quy chế làm việc của " + "Ban Bí thư, " * 10000,
        "Nghị quyết Trung ương 4 khóa " + "XI, " * 20000,
        "Điều lệ " + "Đảng " * 30000,
        "Quy hoạch " * 10000,
    ],
    ids=["heads", "words", "commas", "lists", "amending", "places", "bodies", "terms", "charter", "plans"],
)
def test_reading_is_linear_on_adversarial_input(text):
    """Every head is read within a bounded window: 100k characters of the worst shapes take seconds,
    not the minutes a backtracking pattern would."""
    start = time.perf_counter()
    find_named(text, province="Bắc Giang")
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Căn cứ Luật Đất đai năm 2013;", "2013"),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "2015-06-19"),
        # a horizon is no date of issue
        ("Thực hiện Quy hoạch chung đô thị Việt Yên đến năm 2035;", None),
        ("theo Chiến lược phát triển ngành Y tế tầm nhìn đến năm 2045;", None),
    ],
)
def test_the_year_that_closes_a_name_is_its_date_unless_a_horizon(text, date):
    (s,) = named(text)
    assert s.date == date


@pytest.mark.parametrize(
    ("text", "central"),
    [
        ("Căn cứ Quy chế làm việc của Ủy ban Kiểm tra Tỉnh ủy nhiệm kỳ 2020 - 2025,", False),
        ("Căn cứ Quy chế làm việc của Ban Thường vụ Huyện ủy khóa XX,", False),
        ("Căn cứ Quy chế làm việc của Đảng ủy Công an Trung ương,", True),
    ],
)
def test_a_local_committees_working_rules_are_its_provinces(text, central):
    (span,) = named(text)
    assert span.central is central
    assert span.province == (None if central else "Bắc Giang")


def test_a_scheme_named_only_by_its_year_is_the_one_named_before():
    assert names("Vụ Kế hoạch tổng hợp nhu cầu kinh phí thực hiện Đề án năm 2025.") == []


def test_a_ministrys_named_documents_are_the_centres_not_its_place_lines():
    text = (
        "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nSố: 1234/QĐ-BNN-TT\nHà Nội, ngày 15 tháng 4 năm 2024\n\n"
        "QUYẾT ĐỊNH\nBan hành Kế hoạch thực hiện Đề án phát triển cây ăn quả chủ lực đến năm 2030\n"
    )
    rec = parse_text(text, "bnn.txt")
    (c,) = [c for c in rec.citations if c.name and c.name.startswith("Đề án")]
    assert c.jurisdiction in (None, "Trung ương") and rec.documents[0].jurisdiction == "Trung ương"
