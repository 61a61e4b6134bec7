"""Splitting compilations into documents and identifying documents that lost their header."""

from __future__ import annotations

from vbgraph.loaders.parse import parse_text

from factories import party_doc

TOC = """TỈNH ỦY BẮC GIANG

MỤC LỤC

TT\tSố, ký hiệu, ngày/tháng/năm\tTrích yếu văn bản\tTrang
1\tKế hoạch số 24-KH/TU ngày 15/7/2021\tVề xây dựng Đảng và hệ thống chính trị vững mạnh giai đoạn 2021-2025\t80
2\tNghị quyết số 12-NQ/TU ngày 08/6/2021\tVề phát triển du lịch\t90

"""

HEADERLESS = """KẾ HOẠCH**xây dựng Đảng và hệ thống chính trị
vững mạnh giai đoạn 2021-2025**

Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, Ban Chấp hành Đảng bộ tỉnh ban hành Kế hoạch.

A. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao năng lực lãnh đạo.

Nơi nhận:
- Lưu Văn phòng Tỉnh ủy.

T/M TỈNH ỦY
BÍ THƯ

(đã ký)

Dương Văn Thái

"""


def test_compilation_with_toc_and_a_headerless_document():
    text = TOC + HEADERLESS + party_doc() + "\n\nChịu trách nhiệm xuất bản\n\nGiấy phép số 86/GP-STTTT\n"
    rec = parse_text(text, "c.txt")
    kh, nq = rec.documents
    assert (kh.symbol, kh.date, kh.type, kh.identified_by) == (
        "24-KH/TU",
        "2021-07-15",
        "Kế hoạch",
        "listing",
    )
    assert kh.issuer == "Tỉnh ủy Bắc Giang"
    assert kh.first_line == text.split("\n").index("KẾ HOẠCH**xây dựng Đảng và hệ thống chính trị") + 1
    assert (nq.symbol, nq.date, nq.issuer) == ("12-NQ/TU", "2021-06-08", "Ban Thường vụ Tỉnh ủy Bắc Giang")
    assert nq.signer == "Nguyễn Văn An"
    # the colophon after the last signature belongs to no document
    assert nq.last_line < text.split("\n").index("Chịu trách nhiệm xuất bản") + 1


def test_signature_decides_the_issuing_body():
    assert (
        parse_text(party_doc(signed_for="TỈNH ỦY", of="CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"), "a.txt")
        .documents[0]
        .issuer
        == "Tỉnh ủy Bắc Giang"
    )
    assert (
        parse_text(party_doc(signed_for="BAN THƯỜNG VỤ"), "a.txt").documents[0].issuer
        == "Ban Thường vụ Tỉnh ủy Bắc Giang"
    )


def test_attachment_line_identifies_and_a_wrong_year_is_a_conflict():
    toc = "MỤC LỤC\n\n1\tChương trình hành động số 15-CTr/TU ngày 31/5/2021\tVề thực hiện Nghị quyết Đại hội XIII của Đảng\t21\n\n"
    doc = (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG**thực hiện Nghị quyết Đại hội XIII của Đảng**\n\nI- MỤC ĐÍCH\n\n1. Quán triệt.\n\n"
        "Nơi nhận:\n- Lưu.\n\nT/M TỈNH ỦY\nBÍ THƯ\n\n(đã ký)\n\nDương Văn Thái\n\nPHỤ LỤC\n\n"
        "(kèm theo Chương trình hành động số 15-CTr/TU ngày 31/5/2020 của Tỉnh ủy)\n\n1.\tKế hoạch về du lịch\tSở\tQuý II/2021\n"
    )
    rec = parse_text("TỈNH ỦY BẮC GIANG\n\n" + toc + doc, "c.txt")
    (d,) = rec.documents
    assert (d.symbol, d.date) == ("15-CTr/TU", "2021-05-31")
    assert d.last_line == len(
        ("TỈNH ỦY BẮC GIANG\n\n" + toc + doc).rstrip("\n").split("\n")
    )  # the appendix belongs to it
    assert [i.kind for i in rec.issues] == ["date-conflict"]


def test_cover_letter_and_forwarded_documents_without_header():
    letter = """**ĐẢNG BỘ TỈNH ĐẮK LẮK
ĐẢNG ỦY KHỐI CÁC CƠ QUAN
VÀ DOANH NGHIỆP TỈNH**

Đắk Lắk, ngày 23 tháng 10 năm 2020

Số 32 - CV/ĐUK

V/v quán triệt các văn bản mới

Ban Thường vụ Đảng ủy khối sao gửi đến các đồng chí một số văn bản sau:

1- Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị quy định về trách nhiệm của đảng viên đang công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú.

Nơi nhận:
- Lưu VT.

T/M BAN THƯỜNG VỤ

PHÓ BÍ THƯ

Nguyễn Đình Hoàng

## **QUY ĐỊNH**

**về trách nhiệm của đảng viên đang công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú**

- Căn cứ Điều lệ Đảng;

Điều 1. Trách nhiệm

Nơi nhận:
- Các tỉnh uỷ.

T/M BỘ CHÍNH TRỊ

Trần Quốc Vượng
"""
    rec = parse_text(letter, "l.txt")
    cv, qd = rec.documents
    assert (cv.type, cv.symbol, cv.date, cv.jurisdiction) == (
        "Công văn",
        "32-CV/ĐUK",
        "2020-10-23",
        "Đắk Lắk",
    )
    assert cv.issuer == "Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Đắk Lắk"
    assert (qd.type, qd.symbol, qd.date, qd.issuer, qd.jurisdiction) == (
        "Quy định",
        "213-QĐ/TW",
        "2020-01-02",
        "Bộ Chính trị",
        "Trung ương",
    )


def test_received_stamp_is_not_the_number():
    doc = (
        "## KẾ HOẠCH\n\nCÔNG VĂN ĐẾN\nSố 740... Ngày 21.6.2020.\n\nThực hiện Nghị quyết số 52-NQ/TW, ngày 27/9/2019 "
        "của Bộ Chính trị về một số chủ trương\n\nTriển khai thực hiện, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch:\n\n"
        "I- MỤC ĐÍCH\n\n1. Quán triệt.\n\nNơi nhận:\n- Lưu.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nPhạm Minh Tấn\n"
    )
    (d,) = parse_text("TỈNH ỦY ĐẮK LẮK\n\n" + doc, "k.txt").documents
    assert d.symbol is None and d.date is None
    assert d.title.startswith("Thực hiện Nghị quyết số 52-NQ/TW")
