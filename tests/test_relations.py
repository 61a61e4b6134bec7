"""Which relation a text states, and the traps where it states none."""

from __future__ import annotations

import re

import pytest

from vbgraph.graph.store import build_graph
from vbgraph.loaders.parse import parse_text

from factories import party_doc


def relations(text: str) -> set[tuple[str, str, str]]:
    G = build_graph([parse_text(text, "t.txt")])
    out = set()
    for s, t, k in G.edges(keys=True):
        out.add(
            (
                G.nodes[s].get("symbol") or G.nodes[s].get("name"),
                k,
                G.nodes[t].get("symbol") or G.nodes[t].get("name"),
            )
        )
    return out


@pytest.mark.parametrize(
    "of",
    [
        "của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 68-NQ/TW, ngày\n04/5/2025 của Bộ Chính trị về "
        "phát triển kinh tế tư nhân",
        "của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính trị về "
        "phát triển kinh tế tư nhân",
    ],
)
def test_a_subject_line_that_names_the_issuer_before_what_it_implements(of):
    text = party_doc(heading="CHƯƠNG TRÌNH HÀNH ĐỘNG", code="CTr", of=of, subject="")
    assert ("12-CTr/TU", "THUC_HIEN", "68-NQ/TW") in relations(text)
    (td,) = parse_text(text, "t.txt").documents
    assert td.title.startswith("thực hiện Nghị quyết số 68-NQ/TW")


def _follow_up_examples() -> list[str]:
    from vbgraph.ontology import tables

    return tables.cues()["follow_up"]["examples"]


@pytest.mark.parametrize(
    ("preamble", "implemented", "referred"),
    [
        *((p, "174-KL/TW", "1950/UBND-KGVX") for p in _follow_up_examples()),
        (
            "Thực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị; tiếp theo Công điện số 12-CĐ/TU ngày "
            "02/5/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Tỉnh ủy yêu cầu:",
            "45-CT/TW",
            "12-CĐ/TU",
        ),
    ],
)
def test_a_follow_up_clause_ends_the_opening_cue(preamble, implemented, referred):
    """cues.toml [follow_up]: 'Thực hiện A, tiếp theo B': A is implemented, B only referred to."""
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", of="", preamble=preamble))
    assert ("12-KH/TU", "THUC_HIEN", implemented) in rels
    assert ("12-KH/TU", "DAN_CHIEU", referred) in rels


@pytest.mark.parametrize(
    ("preamble", "cited"),
    [
        (
            "Căn cứ Chương trình phối hợp và thống nhất hành động số 05/CTPH-MTTW-ĐCT ngày 10/01/2024 của Đoàn Chủ "
            "tịch Ủy ban Trung ương MTTQ Việt Nam;",
            "05/CTPH-MTTW-ĐCT",
        ),
        ("Căn cứ Kế hoạch liên tịch số 04/KHLT-MTTQ-UBND ngày 20/02/2024;", "04/KHLT-MTTQ-UBND"),
        ("Căn cứ Hướng dẫn liên tịch số 07/HDLT-MTTQ-HND ngày 20/02/2024;", "07/HDLT-MTTQ-HND"),
        ("Căn cứ Chương trình liên ngành số 08/CTrLN-HPN-SYT ngày 20/02/2024;", "08/CTrLN-HPN-SYT"),
    ],
)
def test_a_joint_text_is_a_basis_as_its_type_is(preamble, cited):
    """doc_types.toml joint_words: the joint form of a type is that type, cited as any other."""
    assert ("12-KH/TU", "CAN_CU", cited) in relations(
        party_doc(heading="KẾ HOẠCH", code="KH", of="", preamble=preamble)
    )


def test_a_preamble_wrapped_after_a_symbols_number_and_a_model_issued_with_a_decision():
    """'… ban hành kèm theo Quyết định số' / '244-QĐ/TW ngày …' is no enacting line (its 'thành ủy' no
    issuer) and no numbered part (the basis after it is still the preamble's)."""
    pre = (
        "- Căn cứ Quy chế làm việc mẫu của tỉnh ủy, thành ủy ban hành kèm theo Quyết định số\n"
        "244-QĐ/TW ngày 09/6/2014 của Ban Bí thư (khoá XI);\n\n"
        "- Căn cứ Quy định số 29-QĐ/TW ngày 25/7/2016 của Ban Chấp hành Trung ương,"
    )
    text = party_doc(
        heading="QUYẾT ĐỊNH", code="QĐ", of="", subject="ban hành Quy chế làm việc", preamble=pre
    )
    rels = relations(text)
    assert {("12-QĐ/TU", "CAN_CU", "244-QĐ/TW"), ("12-QĐ/TU", "CAN_CU", "29-QĐ/TW")} <= rels
    G = build_graph([parse_text(text, "t.txt")])
    (own,) = [d for _, d in G.nodes(data=True) if d.get("symbol") == "12-QĐ/TU"]
    assert own["issuer"] == "Ban Thường vụ Tỉnh ủy Bắc Giang"


def test_subject_line_states_implementation():
    text = party_doc(
        heading="KẾT LUẬN",
        code="KL",
        number="53",
        subject="về tiếp tục thực hiện Nghị quyết số 109-NQ/TU ngày 04/7/2016 của Ban Chấp hành Đảng bộ tỉnh",
    )
    assert ("53-KL/TU", "THUC_HIEN", "109-NQ/TU") in relations(text)


def test_preamble_governs_every_document_it_lists():
    pre = (
        "Thực hiện Chỉ thị số 45-CT/TW ngày 20/6/2020 của Bộ Chính trị về lãnh đạo cuộc bầu cử; Nghị quyết số "
        "133/2020/QH14 của Quốc hội về Ngày bầu cử; để lãnh đạo thực hiện cuộc bầu cử, Ban Thường vụ Tỉnh ủy yêu cầu:"
    )
    rels = relations(party_doc(heading="CHỈ THỊ", code="CT", number="03", preamble=pre))
    assert ("03-CT/TU", "THUC_HIEN", "45-CT/TW") in rels
    assert ("03-CT/TU", "THUC_HIEN", "133/2020/QH14") in rels


def test_a_clause_with_its_own_verb_is_not_governed():
    pre = (
        "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập; ngày 01/3/2017, "
        "Ban Thường vụ Tỉnh ủy ban hành Công văn số 624-CV/TU về chế độ tự phê bình."
    )
    rels = relations(party_doc(heading="CHỈ THỊ", code="CT", number="10", preamble=pre))
    assert ("10-CT/TU", "THUC_HIEN", "05-CT/TW") in rels
    assert ("10-CT/TU", "DAN_CHIEU", "624-CV/TU") in rels


def test_a_clause_after_a_semicolon_with_its_own_cue_takes_that_cue():
    pre = (
        "Căn cứ Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị; thực hiện Kế hoạch số 210-KH/TU ngày "
        "05/01/2023 của Ban Thường vụ Tỉnh ủy; căn cứ Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành "
        "Trung ương và Hướng dẫn số 02-HD/UBKTTW ngày 9/12/2021 của Ủy ban Kiểm tra Trung ương, Ban Thường vụ "
        "Tỉnh ủy ban hành Kế hoạch."
    )
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", number="187", preamble=pre))
    assert {r for r in rels if r[0] == "187-KH/TU" and r[1] in ("THUC_HIEN", "CAN_CU")} == {
        ("187-KH/TU", "CAN_CU", "01-KL/TW"),
        ("187-KH/TU", "THUC_HIEN", "210-KH/TU"),
        ("187-KH/TU", "CAN_CU", "22-QĐ/TW"),
        ("187-KH/TU", "CAN_CU", "02-HD/UBKTTW"),
    }


@pytest.mark.parametrize(
    ("preamble", "relation"),
    [
        (
            "Thực hiện Quy định số 69-\nQĐ/TW ngày 06/7/2022 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.",
            ("THUC_HIEN", "69-QĐ/TW"),
        ),
        (
            "Căn cứ Quyết định số 15/\nQĐ-UBND ngày 02/3/2023 của Ủy ban nhân dân tỉnh, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.",
            ("CAN_CU", "15/QĐ-UBND"),
        ),
        (
            "Căn cứ Nghị định số 34/2016/\nNĐ-CP ngày 14/5/2016 của Chính phủ, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.",
            ("CAN_CU", "34/2016/NĐ-CP"),
        ),
    ],
)
def test_a_symbol_a_line_cuts_after_its_number_is_one_citation(preamble, relation):
    """A PDF's text layer wraps a symbol at its hyphen or slash ('… số 69-' / 'QĐ/TW …')."""
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", number="187", preamble=preamble))
    assert {r[1:] for r in rels if r[0] == "187-KH/TU" and r[1] in ("THUC_HIEN", "CAN_CU")} == {relation}


def test_a_task_to_go_on_implementing_is_a_citation_only():
    body = "II- NHIỆM VỤ\n\n1. Tiếp tục thực hiện có hiệu quả Nghị quyết số 37-NQ/TW ngày 09/10/2014 của Bộ Chính trị."
    assert ("12-NQ/TU", "DAN_CHIEU", "37-NQ/TW") in relations(party_doc(body=body))


def test_replacement_needs_the_document_itself_as_subject():
    body = "Điều 5. Tổ chức thực hiện\n\n3. Quy định này thay thế Quy định số 76-QĐ/TW, ngày 15/6/2000 của Bộ Chính trị."
    rels = relations(party_doc(heading="QUY ĐỊNH", code="QĐ", body=body))
    assert ("12-QĐ/TU", "THAY_THE", "76-QĐ/TW") in rels


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # the document's type named with more words before its number
        ("Quy chế này thay thế Quy chế làm việc số 02-QC/TU ngày 12/10/2015.", "THAY_THE"),
        ("Quy chế này thay thế Kế hoạch kiểm tra, giám sát số 02-QC/TU ngày 12/10/2015.", "THAY_THE"),
        ("Quy chế này bãi bỏ Quy chế làm việc số 02-QC/TU ngày 12/10/2015.", "BAI_BO"),
        ("Quy chế này được xây dựng trên cơ sở Quy chế làm việc số 02-QC/TU ngày 12/10/2015.", "DAN_CHIEU"),
        # its type word opens the sentence, without 'này' (a report of it, a web page)
        ("Quy chế có hiệu lực từ ngày ký và thay thế Quy chế số 02-QC/TU ngày 12/10/2015.", "THAY_THE"),
        ("Quy chế số 02-QC/TU ngày 12/10/2015 thay thế quy chế cũ.", "DAN_CHIEU"),
        # a scan's tone misread in the cue
        ("Quy chế này thay thể Quy chế số 02-QC/TU ngày 12/10/2015.", "THAY_THE"),
        ("Quy chế này bải bỏ Quy chế số 02-QC/TU ngày 12/10/2015.", "BAI_BO"),
    ],
)
def test_a_self_act_on_a_document_named_with_more_words(sentence, relation):
    body = f"Điều 20. Hiệu lực thi hành\n\n{sentence}"
    rels = relations(party_doc(heading="QUY CHẾ", code="QC", body=body))
    assert [r for r in rels if r[2] == "02-QC/TU"] == [("12-QC/TU", relation, "02-QC/TU")]


@pytest.mark.parametrize(
    ("sentence", "implements"),
    [
        # the plan implements the resolution the sentence named before, by its type alone
        (
            "Ngay sau khi Tỉnh ủy ban hành Nghị quyết số 08-NQ/TU ngày 26/8/2021, Ban Thường vụ Huyện ủy đã ban "
            "hành Kế hoạch số 35-KH/HU ngày 15/10/2021 thực hiện Nghị quyết; kết quả bước đầu tích cực.",
            True,
        ),
        (
            "Sau Nghị quyết số 08-NQ/TU ngày 26/8/2021, Huyện ủy ban hành Kế hoạch số 35-KH/HU ngày 15/10/2021 "
            "triển khai thực hiện Nghị quyết này.",
            True,
        ),
        # no document of that type before it: nothing
        ("Huyện ủy ban hành Kế hoạch số 35-KH/HU ngày 15/10/2021 thực hiện Nghị quyết.", False),
        # another type named: not that one
        (
            "Sau Chỉ thị số 08-CT/TU ngày 26/8/2021, Huyện ủy ban hành Kế hoạch số 35-KH/HU ngày 15/10/2021 "
            "thực hiện Nghị quyết.",
            False,
        ),
    ],
)
def test_a_cited_document_implements_the_one_its_type_names_before_it(sentence, implements):
    rels = relations(party_doc(heading="BÁO CÁO", code="BC", body=sentence))
    assert {r for r in rels if r[0] == "35-KH/HU"} == (
        {("35-KH/HU", "THUC_HIEN", "08-NQ/TU")} if implements else set()
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # the plan replaced is named; the directive it implemented is not replaced
        "Kế hoạch này thay thế Kế hoạch thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
        # another body's document of the same type: not this one's act
        "Kế hoạch của Bộ Chính trị về phát triển du lịch thay thế Chỉ thị số 05-CT/TW ngày 15/5/2016.",
    ],
)
def test_a_self_act_needs_the_document_itself(sentence):
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", body=sentence))
    assert ("12-KH/TU", "DAN_CHIEU", "05-CT/TW") in rels


def test_a_text_issued_with_the_decision_is_no_other_document():
    """'Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của …': the decision's own text."""
    body = "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ban Thường vụ Tỉnh ủy.\n\nĐiều 2. Hiệu lực."
    g = build_graph([parse_text(party_doc(heading="QUYẾT ĐỊNH", code="QĐ", body=body), "q.txt")])
    assert [
        a.get("symbol") or a.get("name") for _, a in g.nodes(data=True) if a.get("kind") == "Document"
    ] == ["12-QĐ/TU"]


def test_thay_the_can_bo_is_no_document_relation():
    body = "II- NHIỆM VỤ\n\n1. Kịp thời thay thế cán bộ yếu kém theo Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị."
    rels = relations(party_doc(body=body))
    assert not [r for r in rels if r[1] == "THAY_THE"]
    assert ("12-NQ/TU", "DAN_CHIEU", "205-QĐ/TW") in rels


def test_a_task_to_amend_is_no_amendment():
    body = "II- NHIỆM VỤ\n\n1. Tham mưu sửa đổi, bổ sung Quy định số 148-QĐ/TU ngày 09/9/2016 của Ban Thường vụ Tỉnh ủy."
    rels = relations(party_doc(body=body))
    assert not [r for r in rels if r[1] == "SUA_DOI"]


def test_amendment_by_the_document_itself():
    body = "Điều 1. Quy định này sửa đổi, bổ sung một số điều của Quy định số 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị."
    assert ("12-QĐ/TU", "SUA_DOI", "105-QĐ/TW") in relations(
        party_doc(heading="QUY ĐỊNH", code="QĐ", body=body)
    )


def test_amending_a_text_issued_with_a_decision_amends_that_decision():
    """'Sửa đổi … Quy chế … ban hành kèm theo Quyết định số …' in a decision's subject: the decision
    that carries the Quy chế is amended; the subject is not this decision's own attachment line."""
    subject = (
        "Sửa đổi, bổ sung một số điều của Quy chế quản lý cụm công nghiệp ban hành kèm theo Quyết định số "
        "20-QĐ/TU ngày 05/3/2020 của Ban Thường vụ Tỉnh ủy"
    )
    got = relations(party_doc(heading="QUYẾT ĐỊNH", code="QĐ", subject=subject))
    assert ("12-QĐ/TU", "SUA_DOI", "20-QĐ/TU") in got


def test_repeal():
    body = "Điều 3. Quyết định này bãi bỏ Quyết định số 90-QĐ/TU ngày 01/3/2015 của Ban Thường vụ Tỉnh ủy."
    assert ("12-QĐ/TU", "BAI_BO", "90-QĐ/TU") in relations(
        party_doc(heading="QUYẾT ĐỊNH", code="QĐ", body=body)
    )


def test_basis():
    pre = "- Căn cứ Điều lệ Đảng;\n- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh;"
    assert ("12-QĐ/TU", "CAN_CU", "Điều lệ Đảng") in relations(
        party_doc(heading="QUY ĐỊNH", code="QĐ", preamble=pre)
    )


def test_review_of_implementation():
    pre = "Tại phiên họp, sau khi nghe báo cáo tổng kết 10 năm thực hiện Kết luận số 62-KL/TW, ngày 08/12/2009 của Bộ Chính trị, Ban Thường vụ kết luận:"
    assert ("12-KL/TU", "TONG_KET", "62-KL/TW") in relations(
        party_doc(heading="KẾT LUẬN", code="KL", preamble=pre)
    )


@pytest.mark.parametrize(
    ("subject", "relation"),
    [
        (  # a report that answers a letter carries it out
            "thực hiện Công văn số 1850-CV/BTCTU ngày 10/6/2021 của Ban Tổ chức Tỉnh ủy",
            ("12-BC/TU", "THUC_HIEN", "1850-CV/BTCTU"),
        ),
        (  # a report on carrying out a document reviews it
            "kết quả 05 năm thực hiện Chỉ thị số 42-CT/TW, ngày 24/3/2015 của Ban Bí thư",
            ("12-BC/TU", "TONG_KET", "42-CT/TW"),
        ),
    ],
)
def test_what_a_report_does_to_the_document_its_subject_names(subject, relation):
    assert relation in relations(party_doc(heading="BÁO CÁO", code="BC", subject=subject))


def test_so_ket_is_not_so_ket_qua():
    pre = "Bước đầu đạt một số kết quả đáng phấn khởi, nhất là sau 05 năm thực hiện Nghị quyết số 44-NQ/TU ngày 30/3/2016 của Ban Thường vụ Tỉnh ủy."
    rels = relations(party_doc(preamble=pre))
    assert ("12-NQ/TU", "DAN_CHIEU", "44-NQ/TU") in rels
    assert not [r for r in rels if r[1] == "TONG_KET"]


def test_guidance():
    text = party_doc(
        heading="HƯỚNG DẪN",
        code="HD",
        of="CỦA BAN TỔ CHỨC TỈNH ỦY",
        subject="thực hiện Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương",
    )
    assert ("12-HD/TU", "HUONG_DAN", "08-QĐi/TW") in relations(text)


@pytest.mark.parametrize(
    ("heading", "code", "subject", "preamble", "kept"),
    [
        (  # a guide that also says it carries the rule out in its preamble guides it, once
            "HƯỚNG DẪN",
            "HD",
            "thực hiện Quy định số 09-QĐi/TU ngày 25/8/2023 của Ban Thường vụ Tỉnh ủy về đánh giá cán bộ",
            "Thực hiện Quy định số 09-QĐi/TU ngày 25/8/2023 của Ban Thường vụ Tỉnh ủy, Ban Tổ chức Tỉnh ủy "
            "hướng dẫn như sau:",
            {"HUONG_DAN"},
        ),
        (  # a plan to review what it carried out reviews it
            "KẾ HOẠCH",
            "KH",
            "tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị",
            "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế "
            "hoạch như sau:",
            {"TONG_KET"},
        ),
        (  # a basis is a relation of its own beside the way the document carries another out
            "HƯỚNG DẪN",
            "HD",
            "thực hiện Quy định số 09-QĐi/TU ngày 25/8/2023 của Ban Thường vụ Tỉnh ủy về đánh giá cán bộ",
            "Căn cứ Quy định số 09-QĐi/TU ngày 25/8/2023 của Ban Thường vụ Tỉnh ủy, Ban Tổ chức Tỉnh ủy hướng "
            "dẫn như sau:",
            {"HUONG_DAN", "CAN_CU"},
        ),
    ],
)
def test_one_document_carries_out_one_target_one_way(heading, code, subject, preamble, kept):
    """cues.toml [precedence] one_per_target: the first of TONG_KET, HUONG_DAN, THUC_HIEN said
    anywhere in the text, as the keys record one relation for such a pair."""
    rels = relations(party_doc(heading=heading, code=code, subject=subject, preamble=preamble))
    target = re.search(r"số (\S+)", subject).group(1)
    assert {k for s, k, t in rels if s == f"12-{code}/TU" and t == target} == kept


def test_relation_stated_about_two_other_documents():
    body = (
        "II- NHIỆM VỤ\n\n- Tiếp tục triển khai thực hiện có hiệu quả Kế hoạch số 82-KH/TU, ngày 19/11/2018 của Tỉnh ủy "
        "thực hiện Nghị quyết số 29-NQ/TW, ngày 25/7/2018 của Bộ Chính trị về Chiến lược bảo vệ Tổ quốc trên không gian mạng."
    )
    rels = relations(party_doc(body=body))
    assert ("82-KH/TU", "THUC_HIEN", "29-NQ/TW") in rels
    assert ("12-NQ/TU", "DAN_CHIEU", "82-KH/TU") in rels


def test_defined_short_name_resolves_to_its_document():
    pre = (
        "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025 (sau đây viết tắt là "
        "*Nghị quyết Đại hội*); Ban Chấp hành Đảng bộ tỉnh ban hành Kế hoạch."
    )
    body = "I- MỤC ĐÍCH\n\n1. Cụ thể hóa Nghị quyết Đại hội thành các chương trình."
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre, body=body))
    target = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX"
    assert ("12-KH/TU", "THUC_HIEN", target) in rels
    assert not [r for r in rels if r[1] == "DAN_CHIEU" and r[2] == target]  # the specific relation wins


def test_a_short_name_used_before_the_sentence_that_defines_it():
    pre = (
        "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển "
        "ứng dụng dữ liệu về dân cư (gọi tắt là Đề án 06), Ban Thường vụ Tỉnh ủy ban hành Kế hoạch."
    )
    rels = relations(
        party_doc(heading="KẾ HOẠCH", code="KH", subject="thực hiện Đề án 06 năm 2023", preamble=pre)
    )
    assert ("12-KH/TU", "THUC_HIEN", "06/QĐ-TTg") in rels
    assert not [r for r in rels if r[2] == "Đề án 06"]  # no document of the province named so


def test_a_text_issued_with_a_decision_is_no_subject_of_its_issuer():
    body = (
        "Điều 1. Sửa đổi, bổ sung khoản 3 Điều 5 của Quy chế phối hợp của Ủy ban nhân dân tỉnh ban hành kèm theo "
        "Quyết định số 12/2020/QĐ-UBND ngày 15/5/2020 của Ủy ban nhân dân tỉnh."
    )
    assert ("12-QĐ/TU", "SUA_DOI", "12/2020/QĐ-UBND") in relations(
        party_doc(heading="QUYẾT ĐỊNH", code="QĐ", body=body)
    )


def test_a_generic_short_name_stands_for_its_document_only_after_its_definition():
    pre = (
        "Căn cứ Chương trình công tác năm của Tỉnh ủy;\n\n"
        "Thực hiện Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu "
        "quốc gia xây dựng nông thôn mới (sau đây gọi tắt là Chương trình)."
    )
    text = party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre)
    before = text.split("\n").index("Căn cứ Chương trình công tác năm của Tỉnh ủy;")
    rec = parse_text(text, "t.txt")
    assert {c.evidence.line for c in rec.citations if c.symbol == "263/QĐ-TTg"} == {before + 3}  # (1-based)


def test_a_decisions_subject_opens_with_what_it_approves_or_issues():
    pre = "Căn cứ Quyết định số 1896/QĐ-TTg ngày 25/12/2019 của Thủ tướng Chính phủ ban hành Chương trình dinh dưỡng;"
    G = build_graph([parse_text(party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre), "t.txt")])
    assert G.nodes["1896/QĐ-TTg@2019-12-25"]["title"] == "ban hành Chương trình dinh dưỡng"


def test_short_form_resolves_to_the_earlier_full_citation():
    body = (
        "I- NHIỆM VỤ\n\n1. Quán triệt Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.\n\n"
        "2. Định kỳ báo cáo kết quả thực hiện Nghị quyết 52."
    )
    G = build_graph([parse_text(party_doc(body=body), "t.txt")])
    (edge,) = [d for s, t, k, d in G.edges(keys=True, data=True) if t == "52-NQ/TW@2019-09-27"]
    assert [e["line"] for e in edge["evidence"]] == sorted(e["line"] for e in edge["evidence"])
    assert len(edge["evidence"]) == 2


@pytest.mark.parametrize(
    ("preamble", "relations_"),
    [
        (  # a comma or 'và' and a cue of its own open the next clause of a cue's sentence
            "Căn cứ Quyết định số 120/QĐ-UBND ngày 15/01/2024 của UBND tỉnh, thực hiện Kế hoạch số "
            "30-KH/TU ngày 01/02/2024 của Ban Thường vụ Tỉnh ủy về chuyển đổi số, Ban Thường vụ Tỉnh ủy quyết nghị:",
            {("120/QĐ-UBND", "CAN_CU"), ("30-KH/TU", "THUC_HIEN")},
        ),
        (
            "Căn cứ Quyết định số 120/QĐ-UBND ngày 15/01/2024 của UBND tỉnh và thực hiện Kế hoạch số "
            "30-KH/TU ngày 01/02/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Tỉnh ủy quyết nghị:",
            {("120/QĐ-UBND", "CAN_CU"), ("30-KH/TU", "THUC_HIEN")},
        ),
        (
            "Thực hiện Quy định số 22-QĐ/TU ngày 15/3/2024 của Ban Thường vụ Tỉnh ủy, căn cứ Quy định số "
            "80-QĐ/TW ngày 18/8/2022 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy quyết nghị:",
            {("22-QĐ/TU", "THUC_HIEN"), ("80-QĐ/TW", "CAN_CU")},
        ),
        (  # a narrative that opens with no cue: its 'quán triệt và thực hiện' implements nothing
            "Trong những năm qua, quán triệt và thực hiện Kết luận số 100-KL/TW ngày 18/8/2014 của Ban Bí "
            "thư, công tác dư luận xã hội đạt nhiều kết quả.",
            {("100-KL/TW", "DAN_CHIEU")},
        ),
    ],
)
def test_each_clause_of_a_preamble_sentence_takes_its_own_cue(preamble, relations_):
    got = {(t, k) for s, k, t in relations(party_doc(preamble=preamble)) if s == "12-NQ/TU"}
    assert got == relations_


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        (
            "1. Quyết định số 30-QĐ/TW ngày 26/7/2016 của Ban Chấp hành Trung ương đã được thay thế bằng "
            "Quy định số 22-QĐ/TW ngày 28/7/2021.",
            ("22-QĐ/TW", "THAY_THE", "30-QĐ/TW"),
        ),
        (
            "2. Đã kiểm tra theo Quyết định số 30-QĐ/TW ngày 26/7/2016 của Ban Chấp hành Trung ương (nay được "
            "thay thế bằng Quy định số 22-QĐ/TW ngày 28/7/2021).",
            ("22-QĐ/TW", "THAY_THE", "30-QĐ/TW"),
        ),
        (  # a list of texts that lost force: the reason's label between the two
            "1. Quyết định số 20/2015/QĐ-UBND ngày 10/12/2015 của Ủy ban nhân dân tỉnh ban hành Quy định về quản "
            "lý cụm công nghiệp; lý do hết hiệu lực: được thay thế bởi Quyết định số 15/2023/QĐ-UBND ngày "
            "12/6/2023 của Ủy ban nhân dân tỉnh.",
            ("15/2023/QĐ-UBND", "THAY_THE", "20/2015/QĐ-UBND"),
        ),
        (
            "2. Nghị quyết số 08/2016/NQ-HĐND ngày 20/7/2016 của Hội đồng nhân dân tỉnh; lý do hết hiệu lực: bị "
            "bãi bỏ bởi Nghị quyết số 05/2023/NQ-HĐND ngày 14/7/2023 của Hội đồng nhân dân tỉnh.",
            ("05/2023/NQ-HĐND", "BAI_BO", "08/2016/NQ-HĐND"),
        ),
        (  # a table's row: the reason in its last cell
            "1 | Quyết định số 20/2015/QĐ-UBND ngày 10/12/2015 | Ban hành Quy định về quản lý cụm công nghiệp | "
            "Được thay thế bởi Quyết định số 15/2023/QĐ-UBND ngày 12/6/2023",
            ("15/2023/QĐ-UBND", "THAY_THE", "20/2015/QĐ-UBND"),
        ),
        (
            "2\tNghị quyết số 08/2016/NQ-HĐND ngày 20/7/2016\tQuy định mức chi\tBị bãi bỏ bởi Nghị quyết số "
            "05/2023/NQ-HĐND ngày 14/7/2023",
            ("05/2023/NQ-HĐND", "BAI_BO", "08/2016/NQ-HĐND"),
        ),
    ],
)
def test_a_document_replaced_by_another_in_the_passive(sentence, relation):
    assert relation in relations(party_doc(body=f"I- KẾT QUẢ\n\n{sentence}"))


def test_a_passive_act_after_a_subject_that_names_another_document_is_about_the_cited_one():
    """'A … triển khai Đề án 06 (nay được sửa đổi, bổ sung bằng B)': B amends A, not the Đề án."""
    pre = (
        "Căn cứ Quyết định số 2345/QĐ-UBND ngày 10/9/2022 của Ủy ban nhân dân tỉnh về việc thành lập Tổ công tác "
        "triển khai Đề án 06 (nay được sửa đổi, bổ sung bằng Quyết định số 456/QĐ-UBND ngày 20/02/2023);"
    )
    rels = relations(party_doc(preamble=pre))
    assert ("456/QĐ-UBND", "SUA_DOI", "2345/QĐ-UBND") in rels
    assert not any(k == "SUA_DOI" and t == "Đề án 06" for _, k, t in rels)


def test_a_points_act_after_the_documents_own_effect_is_the_documents():
    """Party texts state their effect in a numbered point of 'Tổ chức thực hiện', not an article."""
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n2. Nghị quyết này có hiệu lực từ ngày ký. Bãi bỏ Công văn số 16-CV/TU "
        "ngày 02/9/2021 của Ban Thường vụ Tỉnh ủy."
    )
    assert ("12-NQ/TU", "BAI_BO", "16-CV/TU") in relations(party_doc(body=body))


def test_the_second_object_of_a_cited_plans_verb_is_that_plans():
    """'Thực hiện Kế hoạch số 145 … của UBND tỉnh thực hiện Nghị quyết A … và Chương trình B …, Sở …
    xây dựng': the plan carries out both; the citing text carries out the plan."""
    pre = (
        "Thực hiện Kế hoạch số 145/KH-UBND ngày 24/02/2025 của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số "
        "03/NQ-CP ngày 09/01/2025 của Chính phủ và Chương trình hành động số 28-CTr/TU ngày 10/02/2025 của Ban "
        "Thường vụ Tỉnh ủy, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:"
    )
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre))
    assert {("145/KH-UBND", "THUC_HIEN", "03/NQ-CP"), ("145/KH-UBND", "THUC_HIEN", "28-CTr/TU")} <= rels
    assert ("12-KH/TU", "THUC_HIEN", "145/KH-UBND") in rels
    assert not {r for r in rels if r[0] == "12-KH/TU" and r[2] in ("03/NQ-CP", "28-CTr/TU")}


def test_a_symbol_cited_without_its_date_before_its_dated_citation_is_that_document():
    """The subject names the programme by its number alone, the preamble dates it and names its
    central issuers ('giữa Trung ương Hội … và Ban Bí thư Trung ương Đoàn'): one document, the centre's."""
    text = party_doc(
        heading="KẾ HOẠCH",
        code="KH",
        date="ngày 26 tháng 3 năm 2024",
        subject="Thực hiện Chương trình phối hợp số 01/CTrPH-CCB-TWĐ giai đoạn 2023 - 2027 về giáo dục truyền thống",
        preamble="Căn cứ Chương trình phối hợp số 01/CTrPH-CCB-TWĐ ngày 15/02/2023 giữa Trung ương Hội Cựu chiến "
        "binh Việt Nam và Ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh;",
    )
    G = build_graph([parse_text(text, "t.txt")])
    (cited,) = [d for _, d in G.nodes(data=True) if d.get("symbol") == "01/CTrPH-CCB-TWĐ"]
    assert (cited["date"], cited["jurisdiction"]) == ("2023-02-15", "Trung ương")
    assert ("12-KH/TU", "THUC_HIEN", "01/CTrPH-CCB-TWĐ") in relations(text)


def test_a_cited_regulation_that_carries_out_the_charter_is_no_act_of_the_citing_text():
    """'Căn cứ Điều lệ Đảng; Quy định số 24-QĐ/TW … thi hành Điều lệ Đảng': the regulation's
    subject, not the decision's implementing of the charter."""
    pre = "Căn cứ Điều lệ Đảng; Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương thi hành Điều lệ Đảng;"
    rels = relations(party_doc(preamble=pre))
    assert ("12-NQ/TU", "THUC_HIEN", "Điều lệ Đảng") not in rels
    assert {("12-NQ/TU", "CAN_CU", "24-QĐ/TW"), ("12-NQ/TU", "CAN_CU", "Điều lệ Đảng")} <= rels
    assert ("24-QĐ/TW", "THUC_HIEN", "Điều lệ Đảng") in rels


@pytest.mark.parametrize(
    ("rest", "governed"),
    [
        # the guide's own words, not read as its subject, name the charter: the cue governs the guide
        (" (khóa XIII) một số vấn đề cụ thể thi hành Điều lệ Đảng;", False),
        (", một số vấn đề cụ thể thi hành Điều lệ Đảng;", False),
        # a list, or a clause of its own: the cue (or its own) governs the charter too
        (" và Điều lệ Đảng;", True),
        ("; Điều lệ Đảng;", True),
    ],
)
def test_a_named_document_in_a_cited_documents_untitled_words_is_not_the_citing_texts(rest, governed):
    pre = f"- Căn cứ Hướng dẫn số 01-HD/TW, ngày 28/9/2021 của Ban Bí thư{rest}"
    rels = relations(party_doc(preamble=pre))
    assert ("12-NQ/TU", "CAN_CU", "01-HD/TW") in rels
    assert {k for s, k, t in rels if s == "12-NQ/TU" and t == "Điều lệ Đảng"} == (
        {"CAN_CU"} if governed else {"DAN_CHIEU"}
    )
    # the guide's words state its own relation to the charter, as its subject would
    assert (("01-HD/TW", "HUONG_DAN", "Điều lệ Đảng") in rels) is not governed


@pytest.mark.parametrize(
    ("words", "relation"),
    [
        (" về thực hiện", "THUC_HIEN"),  # a subject that was not read as one: it opens with 'về'
        (" thực hiện", "THUC_HIEN"),
        (", thực hiện", None),  # a clause of the citing sentence
        (" và", None),  # a list
        # a task the cited text sets, no act of its own
        (" giao Ban Tuyên giáo Tỉnh ủy tổng hợp kết quả thực hiện", None),
    ],
)
def test_a_cited_documents_untitled_words_state_its_relation(words, relation):
    """Only after the issuer: 'Việc thực hiện Nghị quyết 18-NQ/TW phải gắn với thực hiện Nghị quyết
    số 19-NQ/TW' is the sentence's predicate (`test_a_task_is_not_an_untitled_subject`)."""
    pre = (
        "Thực hiện Kế hoạch số 14-KH/ĐUK, ngày 10/5/2022 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh"
        f"{words} Kết luận số 21-KL/TW, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:"
    )
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre))
    assert {k for s, k, t in rels if s == "14-KH/ĐUK" and t == "21-KL/TW"} == (
        {relation} if relation else set()
    )


@pytest.mark.parametrize(
    ("later", "target"),
    [
        ("Luật Đất đai", "31/2024/QH15"),
        ("Luật Đất đai năm 2024", "31/2024/QH15"),
        ("Luật Đất đai năm 2013", "Luật Đất đai năm 2013"),  # another edition: another document
        ("Bộ luật Lao động", "45/2019/QH14"),
        # a name with a comma and a list of lower-case words that 'và' closes
        ("Luật Khoa học, công nghệ và đổi mới sáng tạo", "93/2025/QH15"),
    ],
)
def test_a_law_named_without_the_number_the_text_cited_it_by_is_that_law(later, target):
    pre = (
        "Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024; Căn cứ Bộ luật Lao động số "
        "45/2019/QH14 ngày 20 tháng 11 năm 2019; Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo "
        "số 93/2025/QH15 ngày 27 tháng 6 năm 2025;"
    )
    body = f"I- NHIỆM VỤ\n\n1. Tuyên truyền, phổ biến {later}, hoàn thành trong quý IV/2025."
    rels = relations(party_doc(preamble=pre, body=body, date="ngày 08 tháng 10 năm 2025"))
    assert ("12-NQ/TU", "DAN_CHIEU" if target.startswith("Luật") else "CAN_CU", target) in rels
    assert not any(
        t.startswith(("Luật Đất đai", "Bộ luật", "Luật Khoa học")) for _, _, t in rels if t != target
    )


STATE_TEXT = """BỘ TÀI CHÍNH
Số: 10/2024/TT-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 10 tháng 3 năm 2024

THÔNG TƯ
Bãi bỏ một số văn bản quy phạm pháp luật

Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20/4/2023 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Tài chính;

Điều 1. Bãi bỏ toàn bộ các văn bản sau:
1. Thông tư số 23/2014/TT-BTC ngày 29/8/2014 của Bộ trưởng Bộ Tài chính hướng dẫn Nghị định số 03/2014/NĐ-CP.
2. Thông tư số 11/2015/TT-BTC ngày 10/3/2015 của Bộ trưởng Bộ Tài chính.
Điều 2. Thông tư này có hiệu lực từ ngày 01/5/2024.
"""


def test_a_basis_under_a_subject_ending_in_a_type_word_and_repeals_listed_after_an_article():
    rels = {r for r in relations(STATE_TEXT) if r[0] == "10/2024/TT-BTC" and r[1] != "DAN_CHIEU"}
    assert rels == {
        ("10/2024/TT-BTC", "CAN_CU", "14/2023/NĐ-CP"),  # "… pháp luật" / "Căn cứ …": two paragraphs
        ("10/2024/TT-BTC", "BAI_BO", "23/2014/TT-BTC"),
        ("10/2024/TT-BTC", "BAI_BO", "11/2015/TT-BTC"),
    }


def test_an_articles_own_items_that_open_with_its_act():
    text = STATE_TEXT.replace(
        "Điều 1. Bãi bỏ toàn bộ các văn bản sau:\n1. Thông tư số 23/2014/TT-BTC",
        "Điều 1. Bãi bỏ một số quy định\n1. Bãi bỏ khoản 4 Điều 7 của Thông tư số 05/2019/TT-BTC.\n"
        "2. Bãi bỏ Thông tư số 23/2014/TT-BTC",
    ).replace("2. Thông tư số 11/2015/TT-BTC", "3. Thông tư số 11/2015/TT-BTC")
    rels = {r for r in relations(text) if r[0] == "10/2024/TT-BTC" and r[1] == "BAI_BO"}
    assert rels == {
        (
            "10/2024/TT-BTC",
            "BAI_BO",
            "05/2019/TT-BTC",
        ),  # a part repealed, as "bãi bỏ một số điều, khoản của …"
        ("10/2024/TT-BTC", "BAI_BO", "23/2014/TT-BTC"),
        ("10/2024/TT-BTC", "BAI_BO", "11/2015/TT-BTC"),
    }


@pytest.mark.parametrize(
    ("replaced_mark", "repealed_mark"),
    [("a)", "a)"), ("-", "-"), ("a)", "-")],
)
def test_a_new_clause_that_repeals_a_list_is_not_an_item_of_the_list_replaced_before_it(
    replaced_mark, repealed_mark
):
    """'2. … thay thế các Thông tư sau: a) … b) …' then '3. Bãi bỏ các văn bản sau: a) … b) …': the
    numbered clause ends the first list and opens its own; a part of a document may open an item."""
    text = STATE_TEXT.split("Điều 1.")[0] + (
        "Điều 5. Điều khoản thi hành\n"
        "1. Thông tư này có hiệu lực từ ngày 01 tháng 6 năm 2024.\n"
        "2. Thông tư này thay thế các Thông tư sau:\n"
        f"{replaced_mark} Thông tư số 31/2017/TT-BTC ngày 12 tháng 4 năm 2017 của Bộ trưởng Bộ Tài chính;\n"
        f"{replaced_mark} Thông tư số 19/2019/TT-BTC ngày 03 tháng 4 năm 2019 của Bộ trưởng Bộ Tài chính.\n"
        "3. Bãi bỏ các văn bản sau:\n"
        f"{repealed_mark} Khoản 3 Điều 2 của Thông tư số 08/2016/TT-BTC ngày 18 tháng 1 năm 2016;\n"
        f"{repealed_mark} Quyết định số 1520/2015/QĐ-BTC ngày 05 tháng 8 năm 2015.\n"
        "4. Thông tư số 44/2018/TT-BTC ngày 07 tháng 5 năm 2018 vẫn được áp dụng.\n"
    )
    rels = {(k, t) for s, k, t in relations(text) if s == "10/2024/TT-BTC" and k != "CAN_CU"}
    assert rels == {
        ("THAY_THE", "31/2017/TT-BTC"),
        ("THAY_THE", "19/2019/TT-BTC"),
        ("BAI_BO", "08/2016/TT-BTC"),
        ("BAI_BO", "1520/2015/QĐ-BTC"),
        ("DAN_CHIEU", "44/2018/TT-BTC"),  # a clause of its own after the list: no item of it
    }


def test_a_plans_point_that_proposes_repeals_repeals_nothing():
    """'1. Rà soát, đề xuất bãi bỏ các văn bản sau:' in a plan (no articles): a task, not an act."""
    text = STATE_TEXT.replace("THÔNG TƯ\nBãi bỏ", "KẾ HOẠCH\nRà soát, bãi bỏ").split("Điều 1.")[0] + (
        "I. NỘI DUNG\n1. Rà soát, đề xuất bãi bỏ các văn bản sau:\n"
        "a) Thông tư số 31/2017/TT-BTC ngày 12 tháng 4 năm 2017 của Bộ trưởng Bộ Tài chính;\n"
        "2. Bãi bỏ các văn bản sau:\n"
        "a) Thông tư số 19/2019/TT-BTC ngày 03 tháng 4 năm 2019 của Bộ trưởng Bộ Tài chính.\n"
    )
    assert not {k for s, k, _ in relations(text) if k in ("BAI_BO", "THAY_THE")}


@pytest.mark.parametrize("by", ["được sửa đổi, bổ sung bởi", "đã được sửa đổi, bổ sung tại"])
def test_a_basis_named_with_its_amendment(by):
    text = STATE_TEXT.replace(
        "quy định chức năng, nhiệm vụ của Bộ Tài chính;",
        f"quy định chức năng, nhiệm vụ của Bộ Tài chính, {by} Nghị định số 25/2024/NĐ-CP ngày 05/3/2024;",
    )
    rels = relations(text)
    assert ("25/2024/NĐ-CP", "SUA_DOI", "14/2023/NĐ-CP") in rels
    assert {
        ("10/2024/TT-BTC", "CAN_CU", "14/2023/NĐ-CP"),
        ("10/2024/TT-BTC", "CAN_CU", "25/2024/NĐ-CP"),
    } <= rels


def test_a_letter_relaying_a_circular_does_not_replace_what_the_circular_replaces():
    text = STATE_TEXT.replace(
        "THÔNG TƯ\nBãi bỏ một số văn bản quy phạm pháp luật", "CÔNG VĂN\nV/v triển khai Thông tư"
    )
    text = text.replace("Số: 10/2024/TT-BTC", "Số: 10/BTC-PC").split("Điều 1.")[0] + (
        "Ngày 20/8/2024, Bộ Y tế ban hành Thông tư số 12/2024/TT-BYT quy định về khám bệnh. Thông tư này có "
        "hiệu lực kể từ ngày 05/10/2024 và thay thế Thông tư số 33/2015/TT-BYT ngày 27/10/2015 của Bộ Y tế.\n"
    )
    assert not [r for r in relations(text) if r[1] == "THAY_THE" and r[0] == "10/BTC-PC"]


@pytest.mark.parametrize("subject", ["", " quy định về quản lý chợ", " về quản lý chợ trên địa bàn tỉnh"])
def test_a_clause_that_ends_a_document_from_a_day_repeals_it(subject):
    """Whether or not the expiring document is cited with its subject ('… về quản lý chợ hết hiệu lực')."""
    text = STATE_TEXT.split("Điều 1.")[0] + (
        "Điều 2. Hiệu lực thi hành\n"
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2024.\n"
        "2. Thông tư số 12/2020/TT-BTC ngày 15 tháng 5 năm 2020 của Bộ trưởng Bộ Tài chính"
        f"{subject} hết hiệu lực kể từ ngày 01 tháng 8 năm 2024.\n"
    )
    assert ("10/2024/TT-BTC", "BAI_BO", "12/2020/TT-BTC") in relations(text)


def test_an_effect_article_that_ends_a_document_cited_with_its_subject_repeals_it():
    text = STATE_TEXT.split("Điều 1.")[0] + (
        "Điều 3. Thông tư này có hiệu lực kể từ ngày ký; Thông tư số 12/2020/TT-BTC ngày 15/5/2020 "
        "của Bộ trưởng Bộ Tài chính về quản lý chợ hết hiệu lực.\n"
    )
    assert ("10/2024/TT-BTC", "BAI_BO", "12/2020/TT-BTC") in relations(text)


@pytest.mark.parametrize(
    "before",
    [
        "Xét đề nghị của Giám đốc Sở Nội vụ.",
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "BỘ TRƯỞNG BỘ TÀI CHÍNH",
    ],
)
def test_an_enacting_word_without_its_colon_before_the_first_article_is_no_new_document(before):
    text = STATE_TEXT.split("Căn cứ")[0] + (
        f"{before}\nQUYẾT ĐỊNH\nĐiều 1. Bãi bỏ Thông tư số 23/2014/TT-BTC ngày 29/8/2014 của Bộ trưởng Bộ Tài chính.\n"
        "Điều 2. Thông tư này có hiệu lực từ ngày 01/5/2024.\n"
    )
    rec = parse_text(text, "t.txt")
    assert [td.symbol for td in rec.documents] == ["10/2024/TT-BTC"]
    assert ("10/2024/TT-BTC", "BAI_BO", "23/2014/TT-BTC") in relations(text)


def test_a_clause_reporting_a_documents_own_end_is_no_repeal():
    text = STATE_TEXT.split("Điều 1.")[0] + (
        "Điều 5. Tổ chức thực hiện\n"
        "2. Thông tư số 33/2015/TT-BTC ngày 27/10/2015 của Bộ trưởng Bộ Tài chính hết hiệu lực vào ngày 31/12/2025 "
        "theo quy định tại Điều 5 của Thông tư đó.\n"
    )
    assert not [r for r in relations(text) if r[1] == "BAI_BO"]


def test_the_clauses_of_an_effect_article_repeal():
    text = STATE_TEXT.split("Điều 1.")[0] + (
        "Điều 2. Hiệu lực thi hành\n"
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024.\n"
        "2. Thông tư số 33/2015/TT-BTC ngày 27 tháng 10 năm 2015 của Bộ trưởng Bộ Tài chính hết hiệu lực kể từ "
        "ngày Thông tư này có hiệu lực thi hành.\n"
        "3. Bãi bỏ Điều 4 của Thông tư số 07/2013/TT-BTC ngày 08 tháng 3 năm 2013 của Bộ trưởng Bộ Tài chính.\n"
    )
    rels = {r for r in relations(text) if r[0] == "10/2024/TT-BTC" and r[1] == "BAI_BO"}
    assert rels == {
        ("10/2024/TT-BTC", "BAI_BO", "33/2015/TT-BTC"),
        ("10/2024/TT-BTC", "BAI_BO", "07/2013/TT-BTC"),
    }


def test_a_direction_conveyed_by_an_office_keeps_the_offices_name_and_subject():
    pre = (
        "Thực hiện chỉ đạo của Thường trực Tỉnh ủy tại Công văn số 1234-CV/VPTU ngày 15/9/2021 của Văn phòng "
        "Tỉnh ủy về tăng cường công tác phòng, chống dịch, Ban Thường vụ ban hành Kế hoạch."
    )
    G = build_graph([parse_text(party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre), "t.txt")])
    node = G.nodes["bac-giang:1234-CV/VPTU@2021-09-15"]
    assert node["issuer"].startswith("Văn phòng Tỉnh ủy") and node["title"].startswith("về tăng cường")


@pytest.mark.parametrize(
    "opening",
    [
        "Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy tại",
        "Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy tại",
    ],
)
def test_a_direction_given_in_a_document_is_implemented(opening):
    pre = f"{opening} Thông báo số 96-TB/TU ngày 05/10/2020 về công tác quản lý đất đai, Ban Thường vụ ban hành Kế hoạch."
    text = party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre)
    assert ("12-KH/TU", "THUC_HIEN", "96-TB/TU") in relations(text)
    G = build_graph([parse_text(text, "t.txt")])
    assert "Tỉnh ủy" in G.nodes["bac-giang:96-TB/TU@2020-10-05"]["issuer"]


@pytest.mark.parametrize(
    "ministry", ["Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch"]
)
def test_an_issuer_named_with_a_dash_or_a_comma_keeps_the_subject_after_it(ministry):
    pre = (
        f"Căn cứ Thông tư số 17/2016/TT-BLĐTBXH ngày 28/6/2016 của {ministry} hướng dẫn thực hiện "
        "một số điều của Nghị định số 86/2015/NĐ-CP ngày 02/10/2015 của Chính phủ;"
    )
    assert ("17/2016/TT-BLĐTBXH", "HUONG_DAN", "86/2015/NĐ-CP") in relations(party_doc(preamble=pre))


def _preamble_entries() -> list[tuple[str, str]]:
    from vbgraph.ontology import tables

    cues = tables.cues()
    return [(code, w) for code in ("THUC_HIEN", "CAN_CU") for w in cues[code]["preamble"]]


@pytest.mark.parametrize(("code", "opener"), _preamble_entries())
def test_every_preamble_cue_of_the_table_opens_its_relation(code, opener):
    pre = f"{opener} có hiệu quả Nghị quyết số 45-NQ/TW ngày 20/6/2020 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu:"
    assert ("03-CT/TU", code, "45-NQ/TW") in relations(
        party_doc(heading="CHỈ THỊ", code="CT", number="03", preamble=pre)
    )


@pytest.mark.parametrize(
    ("article", "relation"),
    [  # a decision's articles act on other documents in the words decisions use
        (
            "Điều 2. Sửa đổi khoản 2 Điều 4 Quy chế làm việc ban hành kèm theo Quyết định số 1105/QĐ-UBND.",
            "SUA_DOI",
        ),
        ("Điều 2. Sửa đổi, bổ sung Điều 3 của Quyết định số 1105/QĐ-UBND như sau.", "SUA_DOI"),
        ("Điều 2. Bãi bỏ Điều 5 của Quyết định số 1105/QĐ-UBND.", "BAI_BO"),
        ("Điều 2. Bãi bỏ Điều 5 và Điều 6 của Quyết định số 1105/QĐ-UBND.", "BAI_BO"),
        ("Điều 2. Bãi bỏ khoản 1, khoản 3 Điều 5 của Quyết định số 1105/QĐ-UBND.", "BAI_BO"),
        ("Điều 2. Hiệu lực thi hành\n\n2. Bãi bỏ Điều 5 và Điều 6 của Quyết định số 1105/QĐ-UBND.", "BAI_BO"),
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Bãi bỏ Quyết định số 1105/QĐ-UBND.", "BAI_BO"),
        (
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Thay thế Quyết định số 1105/QĐ-UBND.",
            "THAY_THE",
        ),
        (
            "Điều 2. Quyết định số 1105/QĐ-UBND ngày 16/9/2021 của UBND thị xã hết hiệu lực thi hành.",
            "BAI_BO",
        ),
        (  # the kind of the listed documents before a colon
            "Điều 2. Quyết định này thay thế các Quyết định: số 1105/QĐ-UBND ngày 16/9/2021, số 1200/QĐ-UBND "
            "ngày 10/10/2021 của UBND tỉnh.",
            "THAY_THE",
        ),
        (  # under the article's heading, in the sentence after the decision's own
            "Điều 2. Hiệu lực thi hành\n\nQuyết định này có hiệu lực kể từ ngày ký. Quyết định số 1105/QĐ-UBND "
            "ngày 16/9/2021 của UBND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
            "BAI_BO",
        ),
        (  # a paragraph of the article that opens with the act, after the decision's own effect
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nBãi bỏ Quyết định số 1105/QĐ-UBND ngày 16/9/2021 "
            "của UBND tỉnh.",
            "BAI_BO",
        ),
        (  # a part of a decision of the citing one's type: no attachment of its own
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nBãi bỏ thủ tục hành chính số 3, số 4 Mục I Phần "
            "A danh mục ban hành kèm theo Quyết định số 1105/QĐ-UBND ngày 16/9/2021 của UBND tỉnh.",
            "BAI_BO",
        ),
        (  # the document details or guides what it names (cues.toml [HUONG_DAN] self)
            "Điều 2. Phạm vi điều chỉnh\n\nQuyết định này quy định chi tiết khoản 3 Điều 5 của Quyết định số "
            "1105/QĐ-UBND ngày 16/9/2021 của UBND tỉnh.",
            "HUONG_DAN",
        ),
        ("Điều 2. Quyết định này hướng dẫn thi hành Quyết định số 1105/QĐ-UBND.", "HUONG_DAN"),
        (  # a paragraph of the article with another verb: a task, no act
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nGiao Sở Nội vụ rà soát Quyết định số "
            "1105/QĐ-UBND ngày 16/9/2021 của UBND tỉnh.",
            "DAN_CHIEU",
        ),
    ],
)
def test_an_articles_act_on_another_decision(article, relation):
    body = f"QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế làm việc.\n\n{article}"
    text = party_doc(heading="QUYẾT ĐỊNH", code="QĐ", of="CỦA ỦY BAN NHÂN DÂN TỈNH", body=body)
    assert {r[1] for r in relations(text) if r[0] == "12-QĐ/TU" and r[2] == "1105/QĐ-UBND"} == {relation}


@pytest.mark.parametrize(
    ("article", "expected"),
    [  # an act on a part of each listed decision acts on each; acts on parts of one decision are all its
        (  # an expiry after a list of three, in a clause of the article on effect: each repealed
            "Điều 2. Hiệu lực thi hành\n\n1. Quyết định này có hiệu lực từ ngày 01/7/2024.\n\n2. Quyết định số "
            "1105/QĐ-UBND ngày 16/9/2021, Quyết định số 1200/QĐ-UBND ngày 10/10/2021 và Quyết định số 1300/QĐ-UBND "
            "ngày 11/11/2021 của UBND tỉnh hết hiệu lực thi hành kể từ ngày Quyết định này có hiệu lực.",
            {("BAI_BO", "1105/QĐ-UBND"), ("BAI_BO", "1200/QĐ-UBND"), ("BAI_BO", "1300/QĐ-UBND")},
        ),
        (
            "Điều 2. Bãi bỏ Điều 6 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021 và Điều 7 của Quyết định số "
            "1200/QĐ-UBND ngày 10/10/2021 của UBND tỉnh.",
            {("BAI_BO", "1105/QĐ-UBND"), ("BAI_BO", "1200/QĐ-UBND")},
        ),
        (
            "Điều 2. Bãi bỏ khoản 1 Điều 4 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021, khoản 2 Điều 3 của "
            "Quyết định số 1200/QĐ-UBND ngày 10/10/2021 của UBND tỉnh.",
            {("BAI_BO", "1105/QĐ-UBND"), ("BAI_BO", "1200/QĐ-UBND")},
        ),
        (
            "Điều 2. Sửa đổi Điều 8 và bãi bỏ Điều 9 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021.",
            {("SUA_DOI", "1105/QĐ-UBND"), ("BAI_BO", "1105/QĐ-UBND")},
        ),
        (
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Thay thế Điều 3, sửa đổi, bổ sung khoản 2 Điều 5 "
            "của Quyết định số 1105/QĐ-UBND ngày 16/9/2021.",
            {("THAY_THE", "1105/QĐ-UBND"), ("SUA_DOI", "1105/QĐ-UBND")},
        ),
        (  # one act with its verbs on one part: the first verb's
            "Điều 2. Sửa đổi, bổ sung, bãi bỏ một số điều của Quyết định số 1105/QĐ-UBND ngày 16/9/2021.",
            {("SUA_DOI", "1105/QĐ-UBND")},
        ),
        (  # each act on its own decision
            "Điều 2. Sửa đổi Điều 8 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021 và bãi bỏ Điều 9 của Quyết "
            "định số 1200/QĐ-UBND ngày 10/10/2021.",
            {("SUA_DOI", "1105/QĐ-UBND"), ("BAI_BO", "1200/QĐ-UBND")},
        ),
        (  # a task on parts of two decisions: no act
            "Điều 2. Giao Sở Nội vụ rà soát Điều 6 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021 và Điều 7 "
            "của Quyết định số 1200/QĐ-UBND ngày 10/10/2021.",
            set(),
        ),
        (  # after ';' the next clause's own: a part amended there (in the passive), a part that stays
            "Điều 2. Bãi bỏ Quyết định số 1105/QĐ-UBND ngày 16/9/2021 của UBND tỉnh; khoản 2 Điều 7 của Quyết "
            "định số 1200/QĐ-UBND ngày 10/10/2021 được sửa đổi như sau: hạn mức không quá 200 m2.",
            {("BAI_BO", "1105/QĐ-UBND"), ("SUA_DOI", "1200/QĐ-UBND")},
        ),
        (
            "Điều 2. Bãi bỏ Điều 3 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021; Điều 4 của Quyết định số "
            "1200/QĐ-UBND ngày 10/10/2021 tiếp tục thực hiện.",
            {("BAI_BO", "1105/QĐ-UBND")},
        ),
        (  # a whole decision with a predicate of its own after ';'
            "Điều 2. Bãi bỏ Điều 3 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021; Quyết định số 1200/QĐ-UBND "
            "ngày 10/10/2021 tiếp tục thực hiện.",
            {("BAI_BO", "1105/QĐ-UBND")},
        ),
        (  # a whole decision after parts of others: the act governs the list to its end
            "Điều 2. Bãi bỏ khoản 3 Điều 4 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021, Điều 7 của Quyết định "
            "số 1200/QĐ-UBND ngày 10/10/2021 và Quyết định số 1300/QĐ-UBND ngày 11/11/2021 của UBND tỉnh.",
            {("BAI_BO", "1105/QĐ-UBND"), ("BAI_BO", "1200/QĐ-UBND"), ("BAI_BO", "1300/QĐ-UBND")},
        ),
        (
            "Điều 2. Thay thế điểm b khoản 1 Điều 3 của Quyết định số 1105/QĐ-UBND ngày 16/9/2021, khoản 4 Điều 6 "
            "của Quyết định số 1200/QĐ-UBND ngày 10/10/2021, Quyết định số 1300/QĐ-UBND ngày 11/11/2021.",
            {("THAY_THE", "1105/QĐ-UBND"), ("THAY_THE", "1200/QĐ-UBND"), ("THAY_THE", "1300/QĐ-UBND")},
        ),
    ],
)
def test_acts_on_parts_of_listed_decisions(article, expected):
    body = f"QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế làm việc.\n\n{article}"
    text = party_doc(heading="QUYẾT ĐỊNH", code="QĐ", of="CỦA ỦY BAN NHÂN DÂN TỈNH", body=body)
    acts = {"BAI_BO", "SUA_DOI", "THAY_THE"}
    assert {r[1:] for r in relations(text) if r[0] == "12-QĐ/TU" and r[1] in acts} == expected


def _passive_doc(sentence: str) -> str:
    """A decision whose articles hold `sentence` (an article of its own, or a clause of 'Điều 2')."""
    article = sentence if sentence.startswith("Điều") else f"Điều 2. Hiệu lực thi hành\n\n{sentence}"
    body = f"QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế làm việc.\n\n{article}"
    return party_doc(heading="QUYẾT ĐỊNH", code="QĐ", of="CỦA ỦY BAN NHÂN DÂN TỈNH", body=body)


def _passive(key: str) -> list:
    from vbgraph.ontology import tables

    return tables.cues()["passive"][key]


@pytest.mark.parametrize("example", _passive("examples"), ids=lambda e: e["text"][:48])
def test_an_act_of_the_document_written_in_the_passive(example):
    """cues.toml [passive]: 'khoản 2 Điều 7 của Quyết định số … được sửa đổi như sau' amends it."""
    rels = relations(_passive_doc(example["text"]))
    assert {k for s, k, t in rels if s == "12-QĐ/TU" and t == "11/2019/QĐ-UBND"} == {example["relation"]}


@pytest.mark.parametrize(
    ("article", "relation"),
    [  # a Party committee's decision acts so too, with the issuer's name before the passive
        (
            "Điều 2. Quy chế ban hành kèm theo Quyết định số 09-QĐ/TU ngày 14/9/2020 của Ban Thường vụ Tỉnh ủy "
            "được thay thế bằng Quy chế ban hành kèm theo Quyết định này.",
            "THAY_THE",
        ),
        (
            "Điều 3. Quy định ban hành kèm theo Quyết định số 09-QĐ/TU ngày 14/9/2020 của Ban Thường vụ Tỉnh ủy "
            "đã được thay thế bằng Quy định ban hành kèm theo Quyết định này.",
            "THAY_THE",
        ),
        ("Điều 2. Quyết định số 09-QĐ/TU ngày 14/9/2020 của Ban Thường vụ Tỉnh ủy bị bãi bỏ.", "BAI_BO"),
        (  # a passive of another verb: the decision carries the document out, it does not act on it
            "Điều 2. Quyết định số 09-QĐ/TU ngày 14/9/2020 của Ban Thường vụ Tỉnh ủy được quán triệt đến các "
            "chi bộ.",
            "DAN_CHIEU",
        ),
    ],
)
def test_a_party_decisions_act_in_the_passive(article, relation):
    body = f"Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n\n{article}"
    rels = relations(party_doc(heading="QUYẾT ĐỊNH", code="QĐ", of="", subject="ban hành Quy chế", body=body))
    assert {k for s, k, t in rels if s == "12-QĐ/TU" and t == "09-QĐ/TU"} == {relation}


@pytest.mark.parametrize("sentence", _passive("not_examples"), ids=lambda e: e[:48])
def test_a_passive_under_a_condition_by_another_or_with_its_own_predicate_is_no_act(sentence):
    rels = relations(_passive_doc(sentence))
    assert {k for s, k, t in rels if s == "12-QĐ/TU" and t == "11/2019/QĐ-UBND"} == {"DAN_CHIEU"}


def test_a_basis_amended_by_another_law_is_a_basis_for_both():
    """'Căn cứ Luật … đã được sửa đổi, bổ sung bởi Luật số …': the citing text amends neither."""
    pre = (
        "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ quy định chi tiết một số điều và biện "
        "pháp thi hành Luật Ban hành văn bản quy phạm pháp luật đã được sửa đổi, bổ sung bởi Nghị định số "
        "154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ;"
    )
    text = party_doc(heading="QUYẾT ĐỊNH", code="QĐ", of="CỦA ỦY BAN NHÂN DÂN TỈNH", preamble=pre)
    rels = relations(text)
    assert {(k, t) for s, k, t in rels if s == "12-QĐ/TU" and "NĐ-CP" in t} == {
        ("CAN_CU", "34/2016/NĐ-CP"),
        ("CAN_CU", "154/2020/NĐ-CP"),
    }
    assert not {k for s, k, t in rels if s == "12-QĐ/TU"} & {"SUA_DOI", "BAI_BO", "THAY_THE"}


def test_an_act_governs_the_list_it_opens_and_ends_the_subject_before_another():
    body = (
        "Điều 3. Quy định này thay thế Quy định số 05-QĐ/TU ngày 15/3/2019 và Quy định số 07-QĐ/TU ngày "
        "20/4/2019 của Ban Thường vụ Tỉnh ủy về tiếp công dân và bãi bỏ Hướng dẫn số 03-HD/TU ngày 20/4/2019."
    )
    rels = relations(party_doc(heading="QUY ĐỊNH", code="QĐ", body=body))
    assert {r[1:] for r in rels if r[0] == "12-QĐ/TU" and r[1] != "DAN_CHIEU"} == {
        ("THAY_THE", "05-QĐ/TU"),
        ("THAY_THE", "07-QĐ/TU"),
        ("BAI_BO", "03-HD/TU"),
    }


def test_a_clause_that_goes_on_implementing_and_a_list_past_an_apposition():
    """'…; tiếp tục thực hiện Chỉ thị …' implements too; 'thay thế A (trước sắp xếp) và B' replaces both."""
    pre = (
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; tiếp tục thực hiện Chỉ thị số "
        "15-CT/TU ngày 12/4/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch."
    )
    body = (
        "Điều 3. Quy định này thay thế Quy định số 05-QĐ/TU ngày 15/3/2019 của Ban Thường vụ Tỉnh ủy (trước sắp "
        "xếp) và Quy định số 07-QĐ/TU ngày 20/4/2019 của Ban Thường vụ Tỉnh ủy."
    )
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", preamble=pre, body=body))
    assert {r[1:] for r in rels if r[1] != "DAN_CHIEU"} >= {
        ("THUC_HIEN", "57-NQ/TW"),
        ("THUC_HIEN", "15-CT/TU"),
        ("THAY_THE", "05-QĐ/TU"),
        ("THAY_THE", "07-QĐ/TU"),
    }


@pytest.mark.parametrize(
    ("title_before", "relation"),
    [
        # the cue before another document named governs that one, the cue after it the citation
        ("Sửa đổi, bổ sung Chương trình hành động của Chính phủ thực hiện ", "THUC_HIEN"),
        ("về sửa đổi, bổ sung một số điều của ", "SUA_DOI"),
        ("Hướng dẫn thực hiện ", "HUONG_DAN"),
        ("về tổng kết việc thực hiện ", "TONG_KET"),
        # unnamed documents: the verb right after them is theirs, a cue further on the subject's
        ("sửa đổi, bổ sung một số nghị định quy định chi tiết thi hành ", None),
        ("về lãnh đạo thực hiện các nghị quyết của Trung ương, trọng tâm là thực hiện ", "THUC_HIEN"),
        ("về dự thảo Kế hoạch thực hiện ", None),  # a draft's
        # a guide of what it names, under the document after 'theo' / 'tại' (cues.toml [HUONG_DAN] object_ends)
        ("hướng dẫn cơ chế tài chính của đơn vị sự nghiệp công lập theo ", "HUONG_DAN"),
        ("về việc hướng dẫn công tác bầu cử trưởng thôn, tổ dân phố theo ", "HUONG_DAN"),
        ("hướng dẫn chế độ phụ cấp đối với cán bộ không chuyên trách quy định tại ", "HUONG_DAN"),
        # … not when the words between name another act or document, or carry it out
        ("hướng dẫn sửa đổi quy định về giá dịch vụ theo ", "SUA_DOI"),
        ("hướng dẫn các đơn vị triển khai theo ", "THUC_HIEN"),
        ("hướng dẫn lập Kế hoạch phát triển kinh tế theo ", None),
    ],
)
def test_the_cue_of_the_document_a_title_names(title_before, relation):
    from vbgraph.loaders.classify import title_cue

    cue = title_cue(title_before)
    assert (cue.value if cue else None) == relation


def test_an_act_over_a_list_of_verbs_that_updates():
    body = "Điều 1. Sửa đổi, bổ sung, cập nhật Chương trình ban hành kèm theo Quyết định số 05-QĐ/TU ngày 15/3/2019."
    rels = relations(party_doc(heading="QUY ĐỊNH", code="QĐ", body=body))
    assert ("12-QĐ/TU", "SUA_DOI", "05-QĐ/TU") in rels


@pytest.mark.parametrize(
    "clause",
    [
        "2. Bãi bỏ Thông tư số 33/2015/TT-BTC ngày 27/10/2015 và Thông tư số 07/2013/TT-BTC ngày 08/3/2013 của "
        "Bộ trưởng Bộ Tài chính.",
        "2. Bãi bỏ các Thông tư: số 33/2015/TT-BTC ngày 27/10/2015; số 07/2013/TT-BTC ngày 08/3/2013 của Bộ "
        "trưởng Bộ Tài chính.",
    ],
)
def test_a_clause_that_repeals_two_documents_repeals_both(clause):
    text = STATE_TEXT.split("Điều 1.")[0] + (
        "Điều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024.\n"
        f"{clause}\n"
    )
    rels = {r for r in relations(text) if r[0] == "10/2024/TT-BTC" and r[1] == "BAI_BO"}
    assert rels == {
        ("10/2024/TT-BTC", "BAI_BO", "33/2015/TT-BTC"),
        ("10/2024/TT-BTC", "BAI_BO", "07/2013/TT-BTC"),
    }


@pytest.mark.parametrize(
    ("subject", "relation"),
    [
        ("quy định chi tiết thi hành một số điều của Luật Đất đai", "HUONG_DAN"),
        ("quy định chi tiết thi hành Luật Đất đai", "HUONG_DAN"),
        ("quy định chi tiết một số điều và biện pháp thi hành Luật Đất đai", "HUONG_DAN"),
        # the decrees it amends detail the law, unnamed: it states nothing of the law itself
        ("sửa đổi, bổ sung một số nghị định quy định chi tiết thi hành Luật Đất đai", None),
    ],
)
def test_a_decree_that_details_a_law(subject, relation):
    pre = f"Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ {subject};"
    text = STATE_TEXT.replace(
        "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20/4/2023 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Tài "
        "chính;",
        pre,
    )
    assert {k for s, k, _ in relations(text) if s == "43/2014/NĐ-CP"} == ({relation} if relation else set())


def test_a_replaced_circular_guides_the_decree_its_subject_names():
    """'… thay thế Thông tư số A … hướng dẫn cơ chế tài chính … theo Nghị định số B …': A guided B."""
    text = STATE_TEXT.split("Điều 1.")[0] + (
        "Điều 2. Hiệu lực thi hành\n"
        "1. Thông tư này thay thế Thông tư số 71/2014/TT-BTC ngày 30 tháng 5 năm 2014 của Bộ trưởng Bộ Tài chính "
        "hướng dẫn chế độ quản lý kinh phí của cơ quan nhà nước theo Nghị định số 130/2005/NĐ-CP ngày 17 tháng "
        "10 năm 2005 của Chính phủ.\n"
    )
    rels = relations(text)
    assert ("10/2024/TT-BTC", "THAY_THE", "71/2014/TT-BTC") in rels
    assert ("71/2014/TT-BTC", "HUONG_DAN", "130/2005/NĐ-CP") in rels
    assert not {k for s, k, t in rels if s == "10/2024/TT-BTC" and t == "130/2005/NĐ-CP"} - {"DAN_CHIEU"}


def _guides_examples() -> list[str]:
    from vbgraph.ontology import tables

    return tables.cues()["HUONG_DAN"]["object_examples"]


@pytest.mark.parametrize("example", _guides_examples())
def test_every_guides_object_example_guides_the_document_after_it(example):
    from vbgraph.loaders.classify import title_cue

    cue = title_cue(example[: example.index(" Nghị định")] + " ")
    assert cue is not None and cue.value == "HUONG_DAN"


@pytest.mark.parametrize(
    ("proposal", "acts"),
    [
        ("về dự thảo Nghị quyết sửa đổi, bổ sung một số điều của", False),
        ("đề nghị ban hành Nghị quyết bãi bỏ", False),
        ("về việc ban hành Nghị quyết bãi bỏ", False),  # what a proposal asks to issue
        ("về việc sửa đổi, bổ sung một số điều của", True),
    ],
)
def test_a_proposal_of_a_draft_acts_on_nothing(proposal, acts):
    pre = (
        f"Xét Tờ trình số 112/TTr-UBND ngày 10/6/2024 của Ủy ban nhân dân tỉnh {proposal} Nghị quyết số "
        "10/2019/NQ-HĐND ngày 12/7/2019 của Hội đồng nhân dân tỉnh;"
    )
    got = {
        k for s, k, t in relations(party_doc(preamble=pre)) if s == "112/TTr-UBND" and t == "10/2019/NQ-HĐND"
    }
    assert bool(got) == acts


def test_a_decision_that_issues_an_amending_text_amends():
    """'về việc ban hành' is a proposal's request only: a decision issues what it names."""
    pre = (
        "Căn cứ Quyết định số 15/2020/QĐ-UBND ngày 10/6/2020 của Ủy ban nhân dân tỉnh về việc ban hành Quy định "
        "sửa đổi, bổ sung một số điều của Quyết định số 10/2019/QĐ-UBND ngày 12/7/2019;"
    )
    assert ("15/2020/QĐ-UBND", "SUA_DOI", "10/2019/QĐ-UBND") in relations(party_doc(preamble=pre))


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        (  # the number after the amended law's name is the amending law's
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19/02/2025; Luật sửa đổi, bổ sung "
            "một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15 ngày 25/6/2025;",
            {("87/2025/QH15", "SUA_DOI", "64/2025/QH15"), ("10/2024/TT-BTC", "CAN_CU", "87/2025/QH15")},
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
            "phương số 47/2019/QH14 ngày 22/11/2019;",
            {
                ("47/2019/QH14", "SUA_DOI", "Luật Tổ chức Chính phủ"),
                ("47/2019/QH14", "SUA_DOI", "Luật Tổ chức chính quyền địa phương"),
                ("10/2024/TT-BTC", "CAN_CU", "47/2019/QH14"),
            },
        ),
        (  # a date closes the amending law's name: the number is the next law's
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ ngày 22/11/2019 và Luật Tổ chức "
            "chính quyền địa phương số 77/2015/QH13;",
            {("10/2024/TT-BTC", "CAN_CU", "77/2015/QH13")},
        ),
    ],
)
def test_an_amending_law_cited_by_its_number_after_the_laws_it_amends(basis, expected):
    text = STATE_TEXT.replace(
        "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20/4/2023 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Tài "
        "chính;",
        basis,
    )
    rels = relations(text)
    assert expected <= rels
    assert not [r for r in rels if r[1] == "SUA_DOI" and "77/2015/QH13" in r]


@pytest.mark.parametrize(
    ("basis", "guided"),
    [
        (
            "Hướng dẫn số 01-HD/TW ngày 28/9/2021 của Ban Bí thư về một số vấn đề cụ thể thi hành Điều lệ Đảng",
            "Điều lệ Đảng",
        ),
        (  # the subject without 'về', in lower case right after the issuer
            "Hướng dẫn số 01-HD/TW, ngày 28/9/2021 của Ban Bí thư một số vấn đề cụ thể thi hành Điều lệ Đảng",
            "Điều lệ Đảng",
        ),
        (
            "Hướng dẫn số 05-HD/BTCTW ngày 12/01/2022 của Ban Tổ chức Trung ương về thực hiện Quy định số "
            "24-QĐ/TW ngày 30/7/2021",
            "24-QĐ/TW",
        ),
    ],
)
def test_a_cited_guide_guides_what_its_subject_carries_out_and_the_citing_text_only_cites_it(basis, guided):
    """A cited Hướng dẫn 'về thực hiện / thi hành X' guides X, as a guide's own subject does; the
    document its subject names is that guide's, not the citing text's."""
    rels = relations(party_doc(heading="HƯỚNG DẪN", code="HD", preamble=f"- Căn cứ {basis};"))
    symbol = basis.split()[3].rstrip(",")
    assert (symbol, "HUONG_DAN", guided) in rels
    assert (symbol, "THUC_HIEN", guided) not in rels
    assert not {r for r in rels if r[0] == "12-HD/TU" and r[2] == guided}


@pytest.mark.parametrize(
    ("preamble", "relation"),
    [
        (
            "Thực hiện Chương trình làm việc năm 2024 của Ban Thường vụ Tỉnh ủy và Nghị quyết số 36-NQ/TW ngày "
            "22/10/2018 của Ban Chấp hành Trung ương, Ban cán sự đảng kính trình.",
            "THUC_HIEN",
        ),
        (
            "Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy, Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban "
            "Chấp hành Trung ương, Ban cán sự đảng kính trình.",
            "THUC_HIEN",
        ),
        (
            "Thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương và Chương trình làm "
            "việc năm 2024 của Ban Thường vụ Tỉnh ủy, Ban cán sự đảng kính trình.",
            "THUC_HIEN",
        ),
        # a clause with a verb of its own stands between: the cue governs no more
        (
            "Thực hiện Chương trình làm việc năm 2024 của Tỉnh ủy, Ban Thường vụ Tỉnh ủy đã chỉ đạo rà soát "
            "Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương.",
            "DAN_CHIEU",
        ),
    ],
)
def test_an_opening_cue_governs_a_document_listed_after_one_named_without_its_number(preamble, relation):
    rels = relations(party_doc(heading="TỜ TRÌNH", code="TTr", preamble=preamble))
    assert {r[1] for r in rels if r[0] == "12-TTr/TU" and r[2] == "36-NQ/TW"} == {relation}


def _purpose_doc(example: dict) -> tuple[str, str]:
    """A document of the example's type whose aims section holds its sentence, and its symbol."""
    from vbgraph.ontology import tables

    (kind,) = [t for t in tables.doc_types() if t.name == example["type"]]
    code = next(c for c in kind.codes if "-" not in c and c.isalpha())
    body = f"I- MỤC ĐÍCH, YÊU CẦU\n\n{example['text']}\n\nII- NHIỆM VỤ\n\n1. Tuyên truyền sâu rộng."
    return party_doc(heading=kind.name.upper(), code=code, body=body), f"12-{code}/TU"


def _purpose_examples(key: str) -> list[dict]:
    from vbgraph.ontology import tables

    return tables.cues()["THUC_HIEN"][key]


_CITED_RE = re.compile(r"số (\d+[-/][^\s,]+)")


@pytest.mark.parametrize("example", _purpose_examples("purpose_examples"), ids=lambda e: e["text"][:40])
def test_a_purpose_the_document_states_of_itself_is_implementation(example):
    text, own = _purpose_doc(example)
    rels = relations(text)
    cited = _CITED_RE.findall(example["text"])
    assert [next(k for s, k, t in rels if s == own and t == c) for c in cited] == example["relations"]


@pytest.mark.parametrize("example", _purpose_examples("purpose_not_examples"), ids=lambda e: e["text"][:40])
def test_another_documents_purpose_or_a_task_is_no_implementation(example):
    text, own = _purpose_doc(example)
    assert {k for s, k, t in relations(text) if s == own and t == "05-CT/TW"} == {"DAN_CHIEU"}


def test_a_news_page_states_the_purpose_of_the_document_it_announces():
    page = (
        "Tỉnh ủy Bắc Giang ban hành nghị quyết về chuyển đổi số\n\n"
        "Ngày 10/3/2023, Ban Thường vụ Tỉnh ủy Bắc Giang ban hành Nghị quyết số 30-NQ/TU về chuyển đổi số.\n\n"
        "Nghị quyết được ban hành nhằm triển khai thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ "
        "Chính trị về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư.\n"
    )
    assert ("30-NQ/TU", "THUC_HIEN", "52-NQ/TW") in relations(page)


_NEWS_PAGE = (
    "Cổng Thông tin điện tử thành phố Cần Thơ\n"
    "Thành ủy Cần Thơ triển khai thực hiện Nghị quyết 57-NQ/TW\n"
    "Cập nhật: 08/09/2025 10:15\n"
    "(CTO) - Ngày 05/9/2025, Ban Thường vụ Thành ủy Cần Thơ ban hành Kế hoạch số 12-KH/TU về thực hiện "
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n"
    "Theo Kế hoạch, Ban Thường vụ Thành ủy yêu cầu Ban Tuyên giáo và Dân vận Thành ủy chủ trì tuyên truyền, "
    "hoàn thành trong tháng 10/2025.\n"
    "{sentence}\n"
    "Minh Huyền\n"
)


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # the bare type word of the document the lead reports opens the sentence: that document acts
        ("Kế hoạch thay thế Kế hoạch số 150-KH/TU ngày 10/02/2025 của Ban Thường vụ Thành ủy.", "THAY_THE"),
        (
            "Kế hoạch này thay thế Kế hoạch số 150-KH/TU ngày 10/02/2025 của Ban Thường vụ Thành ủy.",
            "THAY_THE",
        ),
        # another plan named by its number, or another type's word: another document's act
        ("Kế hoạch số 30-KH/TU thay thế Kế hoạch số 150-KH/TU ngày 10/02/2025 của Thành ủy.", "DAN_CHIEU"),
        (
            "Quy định thay thế Quy định số 150-QĐ/TU ngày 10/02/2025 của Thành ủy vẫn được áp dụng.",
            "DAN_CHIEU",
        ),
    ],
)
def test_a_news_page_states_the_act_of_the_document_it_announces(sentence, relation):
    rels = relations(_NEWS_PAGE.format(sentence=sentence))
    assert {k for s, k, t in rels if s == "12-KH/TU" and (t or "").startswith("150-")} == {relation}


@pytest.mark.parametrize(
    ("point", "relation"),
    [
        ("- Kế hoạch thay thế Kế hoạch số 02-KH/TU ngày 12/10/2015.", "THAY_THE"),
        ("3. Kế hoạch thay thế Kế hoạch số 02-KH/TU ngày 12/10/2015.", "THAY_THE"),
        ("- Kế hoạch số 05-KH/TU thay thế Kế hoạch số 02-KH/TU ngày 12/10/2015.", "DAN_CHIEU"),
    ],
)
def test_a_plans_point_that_opens_with_its_type_word_is_its_own_act(point, relation):
    body = f"II- TỔ CHỨC THỰC HIỆN\n\n{point}"
    rels = relations(party_doc(heading="KẾ HOẠCH", code="KH", body=body))
    assert {k for s, k, t in rels if s == "12-KH/TU" and t == "02-KH/TU"} == {relation}


def test_a_task_is_not_an_untitled_subject():
    body = (  # its issuer known from its earlier citation, not written here
        "II- NHIỆM VỤ\n\n1. Quán triệt Nghị quyết 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương. Việc "
        "thực hiện Nghị quyết 18-NQ/TW phải gắn với thực hiện Nghị quyết số 19-NQ/TW "
        "của Ban Chấp hành Trung ương Đảng khóa XII."
    )
    assert not {k for s, k, t in relations(party_doc(body=body)) if s == "18-NQ/TW"}


@pytest.mark.parametrize(
    ("sentence", "implements"),
    [
        # a purpose's word before the cited plan's subject: what it carries out, as without it
        (
            "Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 35-KH/HU ngày 10/7/2016 để triển khai thực hiện "
            "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
            True,
        ),
        (
            "Huyện ủy ban hành Kế hoạch số 35-KH/HU ngày 10/7/2016 nhằm tiếp tục thực hiện Chỉ thị số 05-CT/TW "
            "ngày 15/5/2016 của Bộ Chính trị.",
            True,
        ),
        (
            "Huyện ủy ban hành Kế hoạch số 35-KH/HU ngày 10/7/2016 triển khai thực hiện Chỉ thị số 05-CT/TW "
            "ngày 15/5/2016 của Bộ Chính trị.",
            True,
        ),
        # a purpose that is no carrying out: a plan that only mentions the directive
        (
            "Huyện ủy dựa vào Kế hoạch số 35-KH/HU ngày 10/7/2016 để đánh giá kết quả học tập theo Chỉ thị số "
            "05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
            False,
        ),
    ],
)
def test_a_cited_plans_purpose_states_what_it_implements(sentence, implements):
    rels = relations(party_doc(heading="BÁO CÁO", code="BC", body=f"I. KẾT QUẢ\n\n{sentence}"))
    assert (("35-KH/HU", "THUC_HIEN", "05-CT/TW") in rels) is implements


@pytest.mark.parametrize(
    "sentence",
    [
        "Thông tư này hướng dẫn một số nội dung của Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ.",
        "Thông tư này hướng dẫn một số quy định của Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ.",
        "Thông tư này hướng dẫn việc thực hiện Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ.",
    ],
)
def test_a_circulars_scope_that_guides_part_of_a_decree(sentence):
    """'Điều 1. Phạm vi điều chỉnh' / 'Thông tư này hướng dẫn một số nội dung của Nghị định …': it guides it."""
    text = (
        "BỘ TÀI CHÍNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 56/2022/TT-BTC\n\n"
        "Hà Nội, ngày 16 tháng 9 năm 2022\n\nTHÔNG TƯ\nVề cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập\n\n"
        f"Điều 1. Phạm vi điều chỉnh\n\n{sentence}\n\nBỘ TRƯỞNG\n"
    )
    assert ("56/2022/TT-BTC", "HUONG_DAN", "60/2021/NĐ-CP") in relations(text)
