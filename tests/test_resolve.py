"""Identity across citations and files: terms, jurisdictions, undated and ambiguous references."""

from __future__ import annotations

import pytest

from vbgraph.graph.store import build_graph
from vbgraph.loaders.parse import parse_text
from vbgraph.ontology import tables

from factories import party_doc


def graph(*texts):
    return build_graph([parse_text(t, f"f{i}.txt") for i, t in enumerate(texts)])


def ids(G):
    return sorted(n for n, a in G.nodes(data=True) if a.get("kind") == "Document")


def body(text):
    return f"I- NHIỆM VỤ\n\n1. {text}"


def test_same_symbol_in_two_terms_is_two_documents():
    G = graph(
        party_doc(
            number="53",
            code="KL",
            heading="KẾT LUẬN",
            body=body(
                "Tiếp tục thực hiện Nghị quyết số 109-NQ/TU ngày 04/7/2016 và Nghị quyết số 109-NQ/TU ngày 08/6/2021."
            ),
        )
    )
    assert {"bac-giang:109-NQ/TU@2016-07-04", "bac-giang:109-NQ/TU@2021-06-08"} <= set(ids(G))


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_date_written_after_the_symbol_beats_a_lists_date(order):
    listed = "Thực hiện Nghị quyết số 68-NQ/TW và Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị."
    day = "ngày 08 tháng 9 năm 2025"
    texts = [
        party_doc(date=day, body=body(listed)),
        party_doc(
            number="14",
            date=day,
            body=body("Thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị."),
        ),
    ]
    G = graph(*(texts[k] for k in order))
    assert {"68-NQ/TW@2025-05-04", "66-NQ/TW@2025-04-30"} <= set(ids(G))
    assert "68-NQ/TW@2025-04-30" not in G
    assert not [i for i in G.graph["issues"] if i["kind"] == "date-conflict"]


def test_undated_reference_goes_to_the_only_candidate():
    G = graph(
        party_doc(body=body("Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.")),
        party_doc(number="13", body=body("Tiếp tục quán triệt Nghị quyết số 52-NQ/TW.")),
    )
    assert G.has_edge("bac-giang:13-NQ/TU@2021-06-08", "52-NQ/TW@2019-09-27", key="DAN_CHIEU")
    assert "52-NQ/TW" not in G


def test_undated_reference_with_two_candidates_is_reported_not_guessed():
    G = graph(
        party_doc(
            body=body("Nghị quyết số 109-NQ/TU ngày 04/7/2016 và Nghị quyết số 109-NQ/TU ngày 08/6/2021.")
        ),
        party_doc(number="14", body=body("Quán triệt Nghị quyết số 109-NQ/TU.")),
    )
    assert not [t for _, t in G.out_edges("bac-giang:14-NQ/TU@2021-06-08") if t.startswith("bac-giang:109")]
    (issue,) = [i for i in G.graph["issues"] if i["kind"] == "ambiguous-reference"]
    assert issue["candidates"] == ["bac-giang:109-NQ/TU@2016-07-04", "bac-giang:109-NQ/TU@2021-06-08"]


def test_local_symbols_of_two_provinces_never_merge():
    bg = party_doc(body=body("Thực hiện Kế hoạch số 82-KH/TU ngày 19/11/2018 của Tỉnh ủy."))
    dl = party_doc(
        province="ĐẮK LẮK",
        place="Đắk Lắk",
        number="13",
        body=body("Thực hiện Kế hoạch số 82-KH/TU ngày 19/11/2018 của Tỉnh ủy."),
    )
    G = graph(bg, dl)
    assert {"bac-giang:82-KH/TU@2018-11-19", "dak-lak:82-KH/TU@2018-11-19"} <= set(ids(G))
    assert G.nodes["dak-lak:82-KH/TU@2018-11-19"]["jurisdiction"] == "Đắk Lắk"


def test_a_citation_naming_another_province_belongs_to_it():
    G = graph(party_doc(body=body("Học tập Nghị quyết số 12-NQ/TU ngày 01/3/2020 của Tỉnh ủy Hà Nam.")))
    assert "ha-nam:12-NQ/TU@2020-03-01" in G


def test_reference_becomes_the_document_when_its_text_arrives():
    citing = party_doc(
        number="20",
        code="KH",
        heading="KẾ HOẠCH",
        body=body(
            "Triển khai Nghị quyết số 12-NQ/TU ngày 08/6/2021 của Ban Thường vụ Tỉnh ủy về phát triển du lịch."
        ),
    )
    only_citing = graph(citing)
    assert only_citing.nodes["bac-giang:12-NQ/TU@2021-06-08"]["in_corpus"] is False
    both = graph(citing, party_doc())
    node = both.nodes["bac-giang:12-NQ/TU@2021-06-08"]
    assert node["in_corpus"] is True and node["source"]["file"] == "f1.txt"
    assert both.has_edge("bac-giang:20-KH/TU@2021-06-08", "bac-giang:12-NQ/TU@2021-06-08")


def test_same_subject_with_another_date_is_a_conflict_of_one_document():
    G = graph(
        party_doc(
            body=body(
                "Thực hiện Kế hoạch số 20-KH/TU ngày 09/6/2021 của Tỉnh ủy về đào tạo nguồn lao động; "
                "Kế hoạch số 20-KH/TU ngày 09/6/2020 của Tỉnh ủy về đào tạo nguồn lao động."
            )
        )
    )
    assert [n for n in ids(G) if "20-KH" in n] == ["bac-giang:20-KH/TU@2021-06-09"]
    assert [i["kind"] for i in G.graph["issues"]] == ["date-conflict"]


def test_descriptive_citation_resolves_by_subject():
    G = graph(
        party_doc(
            body=body(
                "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, "
                "đạo đức, phong cách Hồ Chí Minh.\n\n2. Gắn với Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo "
                "tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với chỉnh đốn Đảng."
            )
        )
    )
    (edge,) = [
        d for _, t, d in G.out_edges("bac-giang:12-NQ/TU@2021-06-08", data=True) if t == "05-CT/TW@2016-05-15"
    ]
    assert len(edge["evidence"]) == 2


def test_a_named_law_is_dated_by_the_most_precise_citation():
    G = graph(
        party_doc(body=body("Căn cứ Luật Đất đai năm 2013;")),
        party_doc(number="13", body=body("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;")),
    )
    assert G.nodes["name:luat-dat-dai-nam-2013"]["date"] == "2013-11-29"


def test_a_national_organisations_document_is_the_centres_whatever_its_code():
    G = graph(
        party_doc(
            body=body(
                "Thực hiện Kế hoạch số 15/KH-ĐCT ngày 02/3/2023 của Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam; "
                "Chỉ thị số 07-CT/CCB ngày 10/7/2024 của Ban Thường vụ Trung ương Hội Cựu chiến binh Việt Nam."
            )
        )
    )
    assert {"15/KH-ĐCT@2023-03-02", "07-CT/CCB@2024-07-10"} <= set(ids(G))
    assert G.nodes["07-CT/CCB@2024-07-10"]["jurisdiction"] == "Trung ương"


def test_a_districts_number_is_not_another_districts():
    """Numbers restart in every district: a commune's plan that implements Diễn Châu's 45-KH/HU does
    not implement Nghi Lộc's 45-KH/HU of the same province and year."""
    nghi_loc = party_doc(number="45", code="KH", heading="KẾ HOẠCH", date="ngày 12 tháng 3 năm 2024")
    nghi_loc = nghi_loc.replace("TỈNH ỦY BẮC GIANG", "ĐẢNG BỘ TỈNH BẮC GIANG\nHUYỆN ỦY LỤC NAM").replace(
        "Số 45-KH/TU", "Số 45-KH/HU"
    )
    commune = party_doc(
        number="20",
        code="KH",
        heading="KẾ HOẠCH",
        body=body(
            "Thực hiện Kế hoạch số 45-KH/HU ngày 20/3/2024 của Ban Thường vụ Huyện ủy Yên Dũng, "
            "Ban Thường vụ Đảng ủy xây dựng kế hoạch."
        ),
    )
    G = graph(nghi_loc, commune)
    hu = sorted(n for n in ids(G) if "45-KH/HU" in n)
    assert hu == ["bac-giang:45-KH/HU@2024-03-12", "bac-giang:45-KH/HU@2024-03-20"]
    assert G.nodes["bac-giang:45-KH/HU@2024-03-20"]["issuer"].endswith("Yên Dũng")


def test_a_city_named_after_its_short_word_is_no_district_of_the_citing_text():
    """'… của UBND TP. Vinh' in a district's plan names its city: not the citing district's body."""
    plan = party_doc(
        number="20",
        code="KH",
        heading="KẾ HOẠCH",
        body=body("Căn cứ Kế hoạch số 120/KH-UBND ngày 02/4/2021 của UBND TP. Vinh về quản lý đô thị."),
    ).replace("TỈNH ỦY BẮC GIANG", "ĐẢNG BỘ TỈNH BẮC GIANG\nHUYỆN ỦY LỤC NAM")
    G = graph(plan)
    (cited,) = [n for n in ids(G) if "120/KH-UBND" in n]
    assert G.nodes[cited]["issuer"] == "UBND TP. Vinh"


@pytest.mark.parametrize(
    ("commune_under", "resolves_to"),
    [
        ("ĐẢNG BỘ HUYỆN LỤC NAM", "bac-giang:45-KH/HU@2024-03-12"),  # its own district's plan
        ("ĐẢNG BỘ HUYỆN YÊN DŨNG", "bac-giang:45-KH/HU"),  # another district's: not Lục Nam's
    ],
)
def test_a_bare_district_body_cited_by_a_commune_is_its_own_district(commune_under, resolves_to):
    """'… của Ban Thường vụ Huyện ủy' in a commune's plan names the district it stands under."""
    lục_nam = party_doc(number="45", code="KH", heading="KẾ HOẠCH", date="ngày 12 tháng 3 năm 2024")
    lục_nam = lục_nam.replace("TỈNH ỦY BẮC GIANG", "ĐẢNG BỘ TỈNH BẮC GIANG\nHUYỆN ỦY LỤC NAM").replace(
        "Số 45-KH/TU", "Số 45-KH/HU"
    )
    commune = (
        party_doc(
            number="20",
            code="KH",
            heading="KẾ HOẠCH",
            of="",
            date="ngày 02 tháng 4 năm 2024",
            preamble="Thực hiện Kế hoạch số 45-KH/HU của Ban Thường vụ Huyện ủy, Đảng ủy xã xây dựng kế hoạch.",
        )
        .replace("TỈNH ỦY BẮC GIANG", f"{commune_under}\nĐẢNG ỦY XÃ TAM DỊ")
        .replace("Số 20-KH/TU", "Số 20-KH/ĐU")
    )
    G = graph(lục_nam, commune)
    (implemented,) = [t for s, t, k in G.edges(keys=True) if k == "THUC_HIEN" and "20-KH" in s]
    assert implemented == resolves_to


def _thanh_hoa_plan(committee: str, day: str) -> str:
    return (
        f"{committee}\n*\nSố 215-KH/TU\nThanh Hóa, ngày {day} tháng 3 năm 2025\n\nKẾ HOẠCH\ntuyên truyền năm 2025\n\n"
        "Thực hiện Kết luận số 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương, Ban Thường vụ ban hành "
        "Kế hoạch.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n"
    )


WARD = (
    "ĐẢNG BỘ THÀNH PHỐ SẦM SƠN\nĐẢNG ỦY PHƯỜNG TRƯỜNG SƠN\n*\nSố 30-KH/ĐU\nTrường Sơn, ngày 10 tháng 4 năm 2025\n\n"
    "KẾ HOẠCH\nthực hiện Kế hoạch số 215-KH/TU của Ban Thường vụ Thành ủy\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần B\n"
)


@pytest.mark.parametrize(
    ("city", "issuer"),
    [
        ("THÀNH ỦY SẦM SƠN", "Ban Thường vụ Thành ủy Sầm Sơn"),
        ("THÀNH ỦY THANH HÓA", "Ban Thường vụ Thành ủy Thanh Hóa"),  # the city named as its province
    ],
)
def test_a_provinces_city_is_no_province(city, issuer):
    """A province and its city both number their plans '-KH/TU': two documents, two levels; a ward of
    the city that cites 'Ban Thường vụ Thành ủy' implements the city's plan."""
    G = graph(
        _thanh_hoa_plan("TỈNH ỦY THANH HÓA", "10"),
        _thanh_hoa_plan(city, "25"),
        WARD.replace("SẦM SƠN", city[9:]),
    )
    plans = {n: G.nodes[n]["issuer"] for n in ids(G) if "215-KH" in n}
    assert plans == {
        "thanh-hoa:215-KH/TU@2025-03-10": "Ban Thường vụ Tỉnh ủy Thanh Hóa",
        "thanh-hoa:215-KH/TU@2025-03-25": issuer,
    }
    assert G.nodes["thanh-hoa:215-KH/TU@2025-03-25"]["level"] == "district"
    (implemented,) = [t for s, t, k in G.edges(keys=True) if k == "THUC_HIEN" and "30-KH" in s]
    assert implemented == "thanh-hoa:215-KH/TU@2025-03-25"


def test_two_texts_of_one_number_and_year_dated_two_days_are_both_kept():
    G = graph(_thanh_hoa_plan("TỈNH ỦY THANH HÓA", "10"), _thanh_hoa_plan("TỈNH ỦY THANH HÓA", "25"))
    assert sorted(n for n in ids(G) if "215-KH" in n) == [
        "thanh-hoa:215-KH/TU@2025-03-10",
        "thanh-hoa:215-KH/TU@2025-03-25",
    ]


def _commune_plan(header: str, place: str, task: str) -> str:
    return (
        f"ĐẢNG BỘ TỈNH ĐIỆN BIÊN\n{header}\n*\nSố 12-KH/ĐU\n{place}, ngày 10 tháng 6 năm 2024\n\nKẾ HOẠCH\n"
        f"thực hiện Kế hoạch số 40-KH/TU ngày 20/5/2024 của Ban Thường vụ Tỉnh ủy\n\n1. {task}, hoàn thành trước "
        "ngày 31/12/2024.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLò Văn A\n"
    )


@pytest.mark.parametrize(
    ("second", "place", "tag"),
    [
        ("ĐẢNG ỦY XÃ MƯỜNG CHÀ", "Mường Chà", "muong-cha"),
        ("ĐẢNG ỦY PHƯỜNG HÀ GIANG 1", "Hà Giang 1", "ha-giang-1"),  # a ward's number ends its name
        ("ĐẢNG ỦY PHƯỜNG 7", "Phường 7", "7"),
    ],
)
def test_two_places_texts_of_one_number_and_day_are_both_kept(second, place, tag):
    """Numbers restart in every commune: two communes' plans numbered alike on one day are two
    documents, each with its own tasks; the later read is named by its place too."""
    G = graph(
        _commune_plan("ĐẢNG ỦY XÃ TUẦN GIÁO", "Tuần Giáo", "Văn phòng Đảng ủy chủ trì chuẩn bị tài liệu"),
        _commune_plan(second, place, "Ủy ban Mặt trận Tổ quốc xã chủ trì vận động nhân dân"),
    )
    plans = sorted(n for n in ids(G) if "12-KH" in n)
    assert plans == ["dien-bien:12-KH/ĐU@2024-06-10", f"dien-bien:{tag}:12-KH/ĐU@2024-06-10"]
    assert sorted(s for s, _, k in G.edges(keys=True) if k == "DAT_RA") == plans  # a task each


def _district_plan(preamble: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nHUYỆN KIM SƠN\nSố: 80/KH-UBND\nKim Sơn, ngày 12 tháng 5 năm 2023\n\nKẾ HOẠCH\n"
        f"Triển khai thực hiện chuyển đổi số\n\n{preamble}\n\n1. Phòng Văn hóa và Thông tin huyện chủ trì "
        "thực hiện.\n"
    )


PROVINCE_45 = "Kế hoạch số 45/KH-UBND ngày 10/3/2023 của Ủy ban nhân dân tỉnh Ninh Bình về chuyển đổi số"


@pytest.mark.parametrize(
    ("second", "plans"),
    [
        # the province's and the district's plans of one number, on two days or on one
        (
            "Kế hoạch số 45/KH-UBND ngày 02/3/2023 của Ủy ban nhân dân huyện về cải cách hành chính",
            ["ninh-binh:45/KH-UBND@2023-03-02", "ninh-binh:45/KH-UBND@2023-03-10"],
        ),
        (
            "Kế hoạch số 45/KH-UBND ngày 10/3/2023 của Ủy ban nhân dân huyện về cải cách hành chính",
            ["ninh-binh:45/KH-UBND@2023-03-10", "ninh-binh:kim-son:45/KH-UBND@2023-03-10"],
        ),
        # the same plan cited again, with its issuer or without: one document
        (
            "Kế hoạch số 45/KH-UBND ngày 10/3/2023 của Chủ tịch Ủy ban nhân dân tỉnh",
            ["ninh-binh:45/KH-UBND@2023-03-10"],
        ),
        ("Kế hoạch số 45/KH-UBND ngày 10/3/2023", ["ninh-binh:45/KH-UBND@2023-03-10"]),
    ],
)
def test_documents_cited_by_issuers_of_two_levels_stay_two(second, plans):
    """Numbers restart at every level: the UBND tỉnh's 45/KH-UBND and the UBND huyện's cited in one
    plan are two documents, each implemented (not one with a date conflict)."""
    G = graph(_district_plan(f"Thực hiện {PROVINCE_45}; {second}, Ủy ban nhân dân huyện ban hành Kế hoạch:"))
    assert sorted(n for n in ids(G) if "45/KH" in n) == plans
    assert sorted(t for _, t, k in G.edges(keys=True) if k == "THUC_HIEN") == plans
    assert not G.graph["issues"]


def test_an_undated_citation_goes_to_the_document_of_the_level_it_names():
    G = graph(
        _district_plan(
            f"Thực hiện {PROVINCE_45}; Kế hoạch số 45/KH-UBND ngày 02/3/2023 của Ủy ban nhân dân huyện; "
            "Ủy ban nhân dân huyện ban hành Kế hoạch:"
        ),
        _district_plan(
            "Tiếp tục thực hiện Kế hoạch số 45/KH-UBND của Ủy ban nhân dân huyện về cải cách hành chính,"
        ).replace("80/", "81/"),
    )
    assert G.has_edge("ninh-binh:81/KH-UBND@2023-05-12", "ninh-binh:45/KH-UBND@2023-03-02")
    assert not G.has_edge("ninh-binh:81/KH-UBND@2023-05-12", "ninh-binh:45/KH-UBND@2023-03-10")


@pytest.mark.parametrize(
    ("cited", "issuer"),
    [
        ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025", "Quốc hội"),
        ("Nghị định số 150/2025/NĐ-CP ngày 12/6/2025", "Chính phủ"),
        ("Nghị quyết số 18-NQ/TW ngày 25/10/2017", None),  # the centre's: Bộ Chính trị, Ban Bí thư or the BCH
    ],
)
def test_a_document_cited_without_its_issuer_is_its_codes_only_issuers(cited, issuer):
    G = graph(party_doc(heading="KẾ HOẠCH", code="KH", of="", preamble=f"Căn cứ {cited};"))
    (doc,) = [n for n in ids(G) if not G.nodes[n]["in_corpus"]]
    assert G.nodes[doc]["issuer"] == issuer


@pytest.mark.parametrize(
    ("name", "doc_jurisdiction", "jurisdiction"),
    [
        ("Ban Tổ chức Trung ương", "Bắc Giang", "Trung ương"),  # a central body, whoever names it
        ("Ban Tuyên giáo Tỉnh ủy", "Bắc Giang", "Bắc Giang"),
        # a local body a central document addresses: every province's, none in particular
        ("Ủy ban nhân dân tỉnh", "Trung ương", None),
        ("Ủy ban nhân dân thành phố trực thuộc trung ương", "Trung ương", None),
        ("Đảng ủy xã", "Trung ương", None),
        # ... unless it names its province
        ("Ủy ban nhân dân tỉnh Sóc Trăng", "Trung ương", "Sóc Trăng"),
        ("Ban Tuyên giáo Trung ương", "Trung ương", "Trung ương"),
    ],
)
def test_a_bodys_province(name, doc_jurisdiction, jurisdiction):
    from vbgraph.graph.tasks import body_jurisdiction

    assert body_jurisdiction(name, doc_jurisdiction) == jurisdiction


@pytest.mark.parametrize(
    "example", tables.load("bodies.toml")["central_names"]["examples"], ids=lambda e: e["name"]
)
def test_a_national_organisation_or_a_ministry_is_the_centres_in_a_provinces_text(example):
    """'Hội Nông dân Việt Nam', 'Bộ Tư pháp' in a Quảng Ninh plan are the centre's; 'Ủy ban MTTQ
    Việt Nam tỉnh', 'Bộ Chỉ huy Quân sự tỉnh' the province's."""
    from vbgraph.graph.tasks import body_jurisdiction

    assert body_jurisdiction(example["name"], "Quảng Ninh") == (example["jurisdiction"] or "Quảng Ninh")


def _board_plan(committee: str, place: str, date: str, subject: str, body_text: str = "") -> str:
    """A Party board's plan: 'TỈNH ỦY HÀ TĨNH / BAN CHỈ ĐẠO 35 / Số 12-KH/BCĐ'."""
    text = body_text or "I- MỤC ĐÍCH\n\n1. Nâng cao chất lượng."
    return (
        f"{committee}\nBAN CHỈ ĐẠO 35\n*\nSố 12-KH/BCĐ\nĐẢNG CỘNG SẢN VIỆT NAM\n{place}, {date}\n\n"
        f"KẾ HOẠCH\n{subject}\n\n{text}\n\n"
        "T/M BAN CHỈ ĐẠO\nTRƯỞNG BAN\n\nNguyễn Văn An\n"
    )


def test_a_party_boards_code_is_no_ministrys():
    # 'BCĐ', 'BTG', 'BXDĐ': B… of a Party symbol is a committee's board, local; of a State one, a ministry
    a = _board_plan("TỈNH ỦY NAM ĐỊNH", "Nam Định", "ngày 20 tháng 5 năm 2024", "bảo vệ nền tảng tư tưởng")
    b = _board_plan("TỈNH ỦY HÀ TĨNH", "Hà Tĩnh", "ngày 20 tháng 5 năm 2024", "đấu tranh phản bác")
    G = graph(a, b)
    assert {"nam-dinh:12-KH/BCĐ@2024-05-20", "ha-tinh:12-KH/BCĐ@2024-05-20"} <= set(ids(G))
    ministry = graph(
        party_doc(body=body("Thực hiện Công văn số 3145/BKHĐT-KTĐPLT ngày 02/6/2021 của Bộ Kế hoạch."))
    )
    assert "3145/BKHĐT-KTĐPLT@2021-06-02" in ministry


@pytest.mark.parametrize(
    ("cited", "node"),
    [
        # a province's board or hospital under a B… code: not a ministry's
        ("Kế hoạch số 12/KH-BCĐ ngày 22/7/2021 của Ban Chỉ đạo tỉnh", "bac-giang:12/KH-BCĐ@2021-07-22"),
        (
            "Công văn số 45/BVĐK-KHTH ngày 01/7/2021 của Bệnh viện Đa khoa tỉnh",
            "bac-giang:45/BVĐK-KHTH@2021-07-01",
        ),
        # a national board under a province-like B… code: the centre's by its name
        (
            "Kế hoạch số 160/KH-BCĐ389 ngày 05/02/2021 của Ban Chỉ đạo quốc gia chống buôn lậu",
            "160/KH-BCĐ389@2021-02-05",
        ),
        # a province's labour department writes the ministry's letter code too
        (
            "Công văn số 1520/LĐTBXH-BTXH ngày 03/6/2021 của Sở Lao động - Thương binh và Xã hội",
            "bac-giang:1520/LĐTBXH-BTXH@2021-06-03",
        ),
        # the centre's agencies whose codes are no ministry's
        ("Quyết định số 1566/QĐ-TCT ngày 18/10/2021 của Tổng cục Thuế", "1566/QĐ-TCT@2021-10-18"),
        ("Kế hoạch số 1256/KH-MTTW-BTT ngày 20/02/2021", "1256/KH-MTTW-BTT@2021-02-20"),
        # a province's police Party committee writes the centre's ĐUCA: the province its words name
        (
            "Kế hoạch số 18-KH/ĐUCA ngày 16/4/2021 của Đảng ủy Công an tỉnh Nghệ An",
            "nghe-an:18-KH/ĐUCA@2021-04-16",
        ),
        ("Nghị quyết số 40-NQ/ĐUCA ngày 16/4/2021 của Đảng ủy Công an Trung ương", "40-NQ/ĐUCA@2021-04-16"),
        ("Kế hoạch số 19-KH/ĐUCA ngày 16/4/2021 của Đảng ủy Công an tỉnh", "bac-giang:19-KH/ĐUCA@2021-04-16"),
        ("Nghị quyết số 41-NQ/ĐUCA ngày 16/4/2021", "41-NQ/ĐUCA@2021-04-16"),
        # a body above the provinces, whatever its code: of no province
        ("Chương trình số 1685-CTr/ĐU ngày 20/02/2021 của Đảng ủy Quân khu 4", "1685-CTr/ĐU@2021-02-20"),
        # another province's city, its unit word in capitals or said short
        (
            "Chỉ thị số 12-CT/TU ngày 10/4/2021 của Thành ủy Thành phố Hồ Chí Minh",
            "thanh-pho-ho-chi-minh:12-CT/TU@2021-04-10",
        ),
        ("Kế hoạch số 22/KH-UBND ngày 16/4/2021 của UBND TP. Cần Thơ", "can-tho:22/KH-UBND@2021-04-16"),
    ],
)
def test_a_codes_place_is_the_centres_only_for_the_centres_agencies(cited, node):
    assert node in graph(party_doc(body=body(f"Thực hiện {cited}.")))


PARTY_COMMITTEE_PLAN = """ĐẢNG BỘ TỈNH ĐỒNG NAI
ĐẢNG ỦY CÔNG AN TỈNH
*
Số 05-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Đồng Nai, ngày 02 tháng 9 năm 2025

KẾ HOẠCH
bảo đảm an ninh, trật tự dịp Quốc khánh

I- MỤC ĐÍCH

1. Bảo đảm tuyệt đối an toàn.
"""


@pytest.mark.parametrize(
    "cited",
    [
        "Kế hoạch số 05-KH/ĐU, ngày 12/9/2025 của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh",  # another day
        "Kế hoạch số 05-KH/ĐU của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh",  # no day
    ],
)
def test_a_code_many_committees_number_under_is_told_apart_by_the_issuer_named(cited):
    citing = party_doc(
        province="ĐỒNG NAI",
        place="Đồng Nai",
        number="03",
        code="KH",
        heading="KẾ HOẠCH",
        date="ngày 20 tháng 9 năm 2025",
        body=body(f"Thực hiện {cited}."),
    )
    G = graph(PARTY_COMMITTEE_PLAN, citing)
    assert not G.has_edge("dong-nai:03-KH/TU@2025-09-20", "dong-nai:05-KH/ĐU@2025-09-02")


def test_a_miswritten_day_never_names_a_document_issued_after_the_citing_text():
    later = _board_plan("TỈNH ỦY HÀ TĨNH", "Hà Tĩnh", "ngày 20 tháng 5 năm 2024", "đấu tranh phản bác")
    citing = party_doc(
        province="HÀ TĨNH",
        place="Hà Tĩnh",
        code="KH",
        heading="KẾ HOẠCH",
        date="ngày 10 tháng 4 năm 2024",
        body=body("Thực hiện Kế hoạch số 12-KH/BCĐ, ngày 02/4/2024 của Ban Chỉ đạo 35 Tỉnh ủy."),
    )
    G = graph(later, citing)
    assert G.has_edge("ha-tinh:12-KH/TU@2024-04-10", "ha-tinh:12-KH/BCĐ@2024-04-02")


def test_a_units_plan_whose_header_names_no_province_takes_the_one_of_what_it_cites():
    school = (
        "PHÒNG GD&ĐT MỸ TÚ\nTRƯỜNG THCS LONG HƯNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 38/KH-THCSLH\nLong Hưng, ngày 16 tháng 9 năm 2024\n\nKẾ HOẠCH\nGiáo dục nhà trường năm học 2024-2025\n\n"
        "Căn cứ Kế hoạch số 215/KH-PGDĐT ngày 05/9/2024 của Phòng Giáo dục và Đào tạo huyện Mỹ Tú, tỉnh Sóc Trăng;\n"
    )
    assert "soc-trang:38/KH-THCSLH@2024-09-16" in graph(school)


def test_an_undated_citation_whose_issuer_is_written_short_is_the_document():
    plan = (
        "ĐẢNG BỘ HUYỆN TÂN YÊN\nĐẢNG ỦY XÃ TAM TIẾN\n*\nSố 05-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Tam Tiến, ngày 10 tháng 3 năm 2024\n\nNGHỊ QUYẾT\nvề phát triển kinh tế năm 2024\n\nI- MỤC TIÊU\n\n1. Tăng thu nhập.\n"
    )
    citing = party_doc(
        number="32",
        code="KH",
        heading="KẾ HOẠCH",
        date="ngày 25 tháng 4 năm 2024",
        body=body("Thực hiện Nghị quyết số 05-NQ/ĐU của Ban Chấp hành Đảng bộ xã Tam Tiến."),
    )
    G = graph(plan, citing)
    assert [n for n in ids(G) if "05-NQ/ĐU" in n] == ["bac-giang:05-NQ/ĐU@2024-03-10"]


def test_each_of_joint_issuers_issues_the_document(tmp_path):
    from vbgraph.graph.store import Store

    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ - ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH QUẢNG TRỊ",
            "Số: 01/CTPH-UBND-MTTQ",
            "Quảng Trị, ngày 15 tháng 4 năm 2023",
            "",
            "CHƯƠNG TRÌNH PHỐI HỢP",
            "giữa Ủy ban nhân dân tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "",
            "Nội dung.",
        ]
    )
    (tmp_path / "ctph.txt").write_text(text, encoding="utf-8")
    G = Store(tmp_path / "s").ingest([tmp_path / "ctph.txt"]) and Store(tmp_path / "s").graph
    issued = sorted(u for u, _, k in G.edges(keys=True) if k == "BAN_HANH")
    assert issued == ["quang-tri:uy-ban-mat-tran-to-quoc-viet-nam-tinh", "quang-tri:uy-ban-nhan-dan-tinh"]
    # one pass over the records gives the same edges as the store's incremental path
    whole = build_graph(Store(tmp_path / "s").records.values())
    assert sorted(u for u, _, k in whole.edges(keys=True) if k == "BAN_HANH") == issued
