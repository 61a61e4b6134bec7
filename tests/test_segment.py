"""Splitting compilations into documents and identifying documents that lost their header."""

from __future__ import annotations

import pytest

from vbgraph.loaders.header import spelt_out
from vbgraph.loaders.parse import parse_text
from vbgraph.loaders.signals import table as signals_table
from vbgraph.ontology import tables

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


HEADERS = [
    # (the lines above the heading, the issuer read, its jurisdiction)
    (["ỦY BAN NHÂN DÂN", "HUYỆN PHÙ CÁT", "Số: 79/QĐ-UBND"], "Ủy ban nhân dân huyện Phù Cát", "Bình Định"),
    (["ỦY BAN NHÂN DÂN", "THỊ XÃ KỲ ANH", "Số: 78/QĐ-UBND"], "Ủy ban nhân dân thị xã Kỳ Anh", "Hà Tĩnh"),
    (["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "Số: 15/KH-UBND"], "Ủy ban nhân dân tỉnh Đồng Tháp", "Đồng Tháp"),
    # a district named with its province's name first
    (
        ["ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "HUYỆN ỦY ĐIỆN BIÊN ĐÔNG", "*", "Số 12-KH/HU"],
        "Huyện ủy Điện Biên Đông",
        "Điện Biên",
    ),
    # the executive committee under its organisation's line
    (["ĐẢNG BỘ TỈNH LÀO CAI", "BAN CHẤP HÀNH", "*", "Số 145-QĐ/TU"], "Tỉnh ủy Lào Cai", "Lào Cai"),
    # a board of a Party committee, under the committee's line
    (
        ["TỈNH ỦY PHÚ THỌ", "ỦY BAN KIỂM TRA", "*", "Số 215-QĐ/UBKTTU"],
        "Ủy ban Kiểm tra Tỉnh ủy Phú Thọ",
        "Phú Thọ",
    ),
    (
        ["TỈNH ỦY BẮC GIANG", "BAN TUYÊN GIÁO", "*", "Số 15-HD/BTGTU"],
        "Ban Tuyên giáo Tỉnh ủy Bắc Giang",
        "Bắc Giang",
    ),
    # a board under its Party organisation's line is its committee's board
    (
        ["ĐẢNG BỘ TỈNH LÀO CAI", "BAN TỔ CHỨC", "*", "Số 14-HD/BTCTU"],
        "Ban Tổ chức Tỉnh ủy Lào Cai",
        "Lào Cai",
    ),
    (
        ["ĐẢNG BỘ HUYỆN CAN LỘC", "BAN TUYÊN GIÁO", "*", "Số 14-HD/BTGHU"],
        "Ban Tuyên giáo Huyện ủy Can Lộc",
        "Hà Tĩnh",
    ),
    (
        ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC", "*", "Số 12-HD/BTCTW"],
        "Ban Tổ chức Trung ương",
        "Trung ương",
    ),
    (
        ["TỈNH THÁI BÌNH", "HUYỆN ỦY KIẾN XƯƠNG", "ỦY BAN KIỂM TRA", "*", "Số 05-KH/UBKTHU"],
        "Ủy ban Kiểm tra Huyện ủy Kiến Xương",
        "Thái Bình",
    ),
    # a former province, for the documents of its time: neither Hà Nội nor Quảng Nam
    (["ỦY BAN NHÂN DÂN", "TỈNH HÀ TÂY", "Số: 2150/2005/QĐ-UBND"], "Ủy ban nhân dân tỉnh Hà Tây", "Hà Tây"),
    (
        ["TỈNH ỦY QUẢNG NAM - ĐÀ NẴNG", "*", "Số 15-CT/TU"],
        "Tỉnh ủy Quảng Nam - Đà Nẵng",
        "Quảng Nam - Đà Nẵng",
    ),
    # two columns on one line: a tab, or a PDF's text layer running them together
    (["TỈNH ỦY ĐIỆN BIÊN\tĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số 12-QĐ/TU"], "Tỉnh ủy Điện Biên", "Điện Biên"),
    (
        ["ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 15/KH-UBND"],
        "Ủy ban nhân dân tỉnh Đồng Tháp",
        "Đồng Tháp",
    ),
    # a joint document's header names each issuer: on one line with a dash, or each on its line
    (
        [
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ - ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH QUẢNG TRỊ",
            "Số: 01/CTPH-UBND-MTTQ",
        ],
        "Ủy ban nhân dân tỉnh Quảng Trị, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị",
        "Quảng Trị",
    ),
    (
        ["ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG TRỊ", "Số: 02/QCPH-UBND-MTTQ"],
        "Ủy ban nhân dân tỉnh Quảng Trị, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị",
        "Quảng Trị",
    ),
    # ... but an office under its parent, numbered with its department's code, is one issuer
    (["UBND TỈNH QUẢNG TRỊ", "SỞ Y TẾ", "Số: 12/BC-SYT-KHTC"], "Sở Y tế tỉnh Quảng Trị", "Quảng Trị"),
    # a head the line shortens, under the province's Party organisation
    (
        ["ĐẢNG BỘ TỈNH CÀ MAU", "BCS ĐẢNG UBND TỈNH", "*", "Số 35-TTr/BCSĐ"],
        "Ban cán sự đảng Ủy ban nhân dân tỉnh Cà Mau",
        "Cà Mau",
    ),
]


@pytest.mark.parametrize(("top", "issuer", "jurisdiction"), HEADERS, ids=lambda x: str(x)[:40])
def test_the_issuer_a_header_names(top, issuer, jurisdiction):
    text = "\n".join(
        [*top, "Thôn Một, ngày 10 tháng 3 năm 2023", "", "KẾ HOẠCH", "về việc tổ chức", "", "Nội dung."]
    )
    (doc,) = parse_text(text, "a.txt").documents
    assert (doc.issuer, doc.jurisdiction) == (issuer, jurisdiction)


def test_a_web_pages_one_line_signature_closes_its_document_before_the_pages_links():
    text = "\n".join(
        [
            "Trang chủ > Văn bản chỉ đạo",
            "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
            "Số: 58/KH-UBND Ninh Bình, ngày 10 tháng 4 năm 2024",
            "KẾ HOẠCH Triển khai thực hiện Nghị quyết số 18/NQ-CP ngày 16/02/2024 của Chính phủ",
            "Thực hiện Nghị quyết số 18/NQ-CP ngày 16/02/2024 của Chính phủ, UBND tỉnh ban hành Kế hoạch:",
            "1. Sở Kế hoạch và Đầu tư chủ trì tham mưu, hoàn thành trong Quý III/2024.",
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Song Tùng",
            "Tin liên quan:",
            "- Quyết định số 1234/QĐ-UBND về việc phê duyệt Kế hoạch đầu tư công năm 2024 (05/04/2024)",
        ]
    )
    rec = parse_text(text, "a.txt")
    (doc,) = rec.documents
    assert (doc.signer, doc.last_line) == ("Trần Song Tùng", 7)
    assert doc.issuer == "Ủy ban nhân dân tỉnh Ninh Bình"
    # the page's list of links is its chrome: no document of it is cited (signals.toml [chrome] related)
    assert [c.symbol for c in rec.citations if c.symbol == "1234/QĐ-UBND"] == []
    assert [[a.name for a in o.assignees] for o in rec.obligations] == [["Sở Kế hoạch và Đầu tư"]]


@pytest.mark.parametrize("by", ["T/M", "T/L", "TL.", "T.M."])
@pytest.mark.parametrize("organ", ["BAN THƯỜNG VỤ", "BAN THƯỜNG VỤ HUYỆN ỦY"])
def test_who_a_letter_is_signed_for_issues_it(by, organ):
    text = (
        "HUYỆN ỦY YÊN SƠN\n*\nSố 245-CV/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nYên Sơn, ngày 10 tháng 3 năm 2023\n\n"
        f"V/v triển khai thực hiện\n\nKính gửi: Các chi bộ\n\nNội dung.\n\n{by} {organ}\nCHÁNH VĂN PHÒNG\n\n"
        "Nguyễn Văn Bình\n"
    )
    (doc,) = parse_text(text, "a.txt").documents
    assert (doc.issuer, doc.signer) == ("Ban Thường vụ Huyện ủy Yên Sơn", "Nguyễn Văn Bình")


@pytest.mark.parametrize("gap", ["                              ", "\t", " | "])
@pytest.mark.parametrize(
    "first", ["Nơi nhận:{gap}T/M BAN THƯỜNG VỤ", "Nơi nhận:\n- Ban Bí thư,{gap}T/M BAN THƯỜNG VỤ"]
)
def test_a_signature_in_the_column_beside_the_recipients_names_the_issuer(gap, first):
    """Web copies and a PDF's text layer set the signature block beside 'Nơi nhận:' on the same
    lines: 'T/M BAN THƯỜNG VỤ' in the right-hand column still says who issues."""
    block = first.format(gap=gap) + f"\n- Lưu Văn phòng Tỉnh ủy.{gap}BÍ THƯ\n{gap}Hoàng Trung Dũng\n"
    text = party_doc(body="1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.").split("Nơi nhận:")[0] + block
    (doc,) = parse_text(text, "a.txt").documents
    assert doc.issuer == "Ban Thường vụ Tỉnh ủy Bắc Giang"


@pytest.mark.parametrize(
    ("line", "signs"),
    [
        ("- Như trên; KT. CHỦ TỊCH", True),
        ("Nơi nhận: TM. ỦY BAN NHÂN DÂN", True),
        ("- Trụ sở: số 10, Q. Hoàn Kiếm, Hà Nội;", False),  # an address's 'Q.' (quận) signs nothing
        ("- Ban Bí thư (b/c), BÍ THƯ", False),
    ],
)
def test_which_lines_open_a_signature(line, signs):
    from vbgraph.loaders.segment import signature_line

    assert signature_line(line) is signs


LETTERS = [
    # (the lines of a letter's header, its date, issuer, subject)
    (
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN TUY AN",
            "Số: 412/UBND-NV",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Tuy An, ngày 08 tháng 3 năm 2024",
            "V/v triển khai công tác thi đua",
        ],
        "2024-03-08",
        "Ủy ban nhân dân huyện Tuy An",
        "về việc triển khai công tác thi đua",
    ),
    (  # the subject under the number, then the motto, a rule and the place and date
        [
            "UBND TỈNH GIA LAI",
            "SỞ Y TẾ",
            "Số: 2021/SYT-NVY",
            "V/v phòng, chống dịch bệnh sốt xuất huyết",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "---------------",
            "Gia Lai, ngày 14 tháng 7 năm 2023",
        ],
        "2023-07-14",
        "Sở Y tế tỉnh Gia Lai",
        "về việc phòng, chống dịch bệnh sốt xuất huyết",
    ),
    (  # a numbered ward as the place
        [
            "ỦY BAN NHÂN DÂN",
            "PHƯỜNG 7",
            "Số: 88/UBND-VP",
            "Phường 7, ngày 27 tháng 3 năm 2025",
            "V/v ra quân vệ sinh",
        ],
        "2025-03-27",
        "Ủy ban nhân dân phường 7",
        "về việc ra quân vệ sinh",
    ),
    (  # the date in figures
        ["ỦY BAN NHÂN DÂN", "HUYỆN CAN LỘC", "Số: 58/UBND-VP", "Can Lộc, ngày 12/3/2025", "V/v thi đua"],
        "2025-03-12",
        "Ủy ban nhân dân huyện Can Lộc",
        "về việc thi đua",
    ),
    (  # the date cut by a PDF's narrow column: its year on the next line, or its month and year
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN CAN LỘC",
            "Số: 58/UBND-VP",
            "Can Lộc, ngày 12 tháng 3 năm",
            "2025",
            "V/v thi đua",
        ],
        "2025-03-12",
        "Ủy ban nhân dân huyện Can Lộc",
        "về việc thi đua",
    ),
    (
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN CAN LỘC",
            "Số: 58/UBND-VP",
            "Can Lộc, ngày 12 tháng",
            "3 năm 2025",
            "V/v thi đua",
        ],
        "2025-03-12",
        "Ủy ban nhân dân huyện Can Lộc",
        "về việc thi đua",
    ),
    (  # the other column's number between the date and its year
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN CAN LỘC",
            "Can Lộc, ngày 12 tháng 3 năm",
            "Số: 58/UBND-VP",
            "2025",
            "V/v thi đua",
        ],
        "2025-03-12",
        "Ủy ban nhân dân huyện Can Lộc",
        "về việc thi đua",
    ),
]


@pytest.mark.parametrize(("top", "date", "issuer", "title"), LETTERS, ids=lambda x: str(x)[:30])
def test_a_letters_date_issuer_and_subject(top, date, issuer, title):
    text = "\n".join([*top, "", "Kính gửi: Các cơ quan, đơn vị.", "", "Nội dung."])
    (doc,) = parse_text(text, "a.txt").documents
    assert (doc.date, doc.issuer, doc.title) == (date, issuer, title)


# A local Youth Union's plan, its header's two columns on each line.
_LAO_CAI_UNION = [
    "BAN CHẤP HÀNH ĐOÀN TỈNH LÀO CAI                 ĐOÀN TNCS HỒ CHÍ MINH",
    "***",
    "Số: 215-KH/TĐTN-PT                  Lào Cai, ngày 20 tháng 02 năm 2024",
    "",
    "KẾ HOẠCH",
    "Tổ chức các hoạt động Tháng Thanh niên năm 2024",
    "",
    "Nội dung.",
]


def _signed_by_the_standing_board(top: list[str], symbol: str, place: str) -> list[str]:
    """A plan under the header lines `top`, signed 'TM. BAN THƯỜNG VỤ'."""
    return [
        *top,
        "***",
        f"Số: {symbol}",
        f"{place}, ngày 28 tháng 02 năm 2023",
        "KẾ HOẠCH",
        "Tổ chức các hoạt động năm 2023",
        "",
        "Nội dung.",
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Nguyễn Văn Ba",
    ]


WHOLE_TEXTS = [
    # (the text, its document's (issuer, jurisdiction, title))
    (  # a council's subject ends above its name and session line
        [
            "HỘI ĐỒNG NHÂN DÂN HUYỆN NGHI XUÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 45/NQ-HĐND | Nghi Xuân, ngày 20 tháng 7 năm 2023",
            "NGHỊ QUYẾT",
            "VỀ VIỆC ĐIỀU CHỈNH KẾ HOẠCH ĐẦU TƯ CÔNG TRUNG HẠN GIAI ĐOẠN 2021 - 2025",
            "HỘI ĐỒNG NHÂN DÂN HUYỆN NGHI XUÂN",
            "KHÓA XX, KỲ HỌP THỨ 12",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "QUYẾT NGHỊ:",
            "Điều 1. Điều chỉnh kế hoạch.",
        ],
        (
            "Hội đồng nhân dân huyện Nghi Xuân",
            "Hà Tĩnh",
            "VỀ VIỆC ĐIỀU CHỈNH KẾ HOẠCH ĐẦU TƯ CÔNG TRUNG HẠN GIAI ĐOẠN 2021 - 2025",
        ),
    ),
    (  # the Youth Union's name beside a local union is no place
        _LAO_CAI_UNION,
        ("Ban Chấp hành Đoàn tỉnh Lào Cai", "Lào Cai", "Tổ chức các hoạt động Tháng Thanh niên năm 2024"),
    ),
    (  # a board's enacting line keeps its whole name
        [
            "ĐẢNG BỘ TỈNH THÁI BÌNH",
            "HUYỆN ỦY KIẾN XƯƠNG",
            "ỦY BAN KIỂM TRA",
            "*",
            "Số: 05-KH/UBKTHU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Kiến Xương, ngày 02 tháng 7 năm 2024",
            "",
            "KẾ HOẠCH",
            "kiểm tra năm 2024",
            "",
            "Ủy ban Kiểm tra Huyện ủy xây dựng Kế hoạch kiểm tra như sau:",
            "1. Kiểm tra Đảng ủy xã.",
        ],
        ("Ủy ban Kiểm tra Huyện ủy Kiến Xương", "Thái Bình", "kiểm tra năm 2024"),
    ),
    (  # a local union's standing board signs for it
        [*_LAO_CAI_UNION, "", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "BÍ THƯ", "Nguyễn Văn Cường"],
        ("Ban Thường vụ Tỉnh đoàn Lào Cai", "Lào Cai", "Tổ chức các hoạt động Tháng Thanh niên năm 2024"),
    ),
    (  # the organisation's name above a district union's line names no place and no issuer
        [
            "ĐOÀN TNCS HỒ CHÍ MINH",
            "BCH HUYỆN ĐOÀN MỘC CHÂU",
            "***",
            "Số: 58-KH/HĐ",
            "Mộc Châu, ngày 02 tháng 02 năm 2024",
            "KẾ HOẠCH",
            "Tổ chức Tháng Thanh niên năm 2024",
            "",
            "Nội dung.",
            "TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN",
            "BÍ THƯ",
            "Lò Văn Minh",
        ],
        ("Ban Thường vụ Huyện đoàn Mộc Châu", "Sơn La", "Tổ chức Tháng Thanh niên năm 2024"),
    ),
    (
        [
            "ĐOÀN TNCS HỒ CHÍ MINH",
            "BCH ĐOÀN TỈNH TIỀN GIANG",
            "***",
            "Số: 245-KH/TĐTN-BTG",
            "Tiền Giang, ngày 09 tháng 11 năm 2023",
            "KẾ HOẠCH",
            "Tổ chức Tháng Thanh niên năm 2024",
            "",
            "Nội dung.",
            "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
            "BÍ THƯ",
            "Nguyễn Văn Hai",
        ],
        ("Ban Thường vụ Tỉnh đoàn Tiền Giang", "Tiền Giang", "Tổ chức Tháng Thanh niên năm 2024"),
    ),
    (  # a city's union, under the centre: its board goes by the city's union, 'Thành đoàn'
        [
            "BCH ĐOÀN TP. ĐÀ NẴNG",
            "Số: 120-KH/TĐTN-BTG",
            "ĐOÀN TNCS HỒ CHÍ MINH",
            "Đà Nẵng, ngày 10 tháng 10 năm 2025",
            "KẾ HOẠCH",
            "tổ chức các hoạt động Tháng Thanh niên năm 2026",
            "",
            "Nội dung.",
            "TM. BAN THƯỜNG VỤ",
            "BÍ THƯ",
            "Võ Văn Hưng",
        ],
        ("Ban Thường vụ Thành đoàn Đà Nẵng", "Đà Nẵng", "tổ chức các hoạt động Tháng Thanh niên năm 2026"),
    ),
    (  # a city of a province on the line under its committee: the district-level city's committee
        [
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ TAM KỲ",
            "Số: 125/KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Tam Kỳ, ngày 05 tháng 9 năm 2023",
            "",
            "KẾ HOẠCH",
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2023",
            "",
            "Nội dung.",
        ],
        (
            "Ủy ban nhân dân thành phố Tam Kỳ",
            "Quảng Nam",
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2023",
        ),
    ),
    (  # a district's office under the district's committee
        [
            "UBND HUYỆN THANH BA",
            "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
            "Số: 315/PGDĐT-THCS",
            "V/v hướng dẫn nhiệm vụ năm học 2023 - 2024",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Thanh Ba, ngày 05 tháng 9 năm 2023",
            "",
            "Kính gửi: Các trường THCS trên địa bàn huyện.",
        ],
        (
            "Phòng Giáo dục và Đào tạo huyện Thanh Ba",
            "Phú Thọ",
            "về việc hướng dẫn nhiệm vụ năm học 2023 - 2024",
        ),
    ),
    (  # a letter of a district's centre: its symbol is its own code
        [
            "UBND HUYỆN QUẢNG XƯƠNG",
            "TRUNG TÂM Y TẾ",
            "Số: 33/TTYT",
            "V/v phòng chống sốt xuất huyết",
            "Quảng Xương, ngày 05 tháng 8 năm 2023",
            "",
            "Kính gửi: Trạm Y tế các xã, thị trấn.",
        ],
        ("Trung tâm Y tế huyện Quảng Xương", "Thanh Hóa", "về việc phòng chống sốt xuất huyết"),
    ),
    (  # a city's Party committee signs for itself, not as the province's
        [
            "ĐẢNG BỘ TỈNH THANH HÓA",
            "THÀNH ỦY SẦM SƠN",
            "*",
            "Số 27-CTr/TU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Sầm Sơn, ngày 03 tháng 10 năm 2023",
            "CHƯƠNG TRÌNH HÀNH ĐỘNG",
            "phát triển du lịch",
            "",
            "Nội dung.",
            "T/M THÀNH ỦY",
            "BÍ THƯ",
            "Lê Văn Tám",
        ],
        ("Thành ủy Sầm Sơn", "Thanh Hóa", "phát triển du lịch"),
    ),
    (  # another body's past act told in the opening prose is not this text's enacting line
        [
            "TỈNH ỦY BẮC GIANG",
            "*",
            "Số 08-CT/TU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Bắc Giang, ngày 02 tháng 7 năm 2021",
            "CHỈ THỊ",
            "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
            "về bảo hiểm xã hội tự nguyện",
            "",
            "Trong những năm qua, nhất là từ khi Ban Chấp hành Trung ương Đảng ban hành Nghị quyết số 28-NQ/TW "
            "ngày 23/5/2018 về cải cách chính sách bảo hiểm xã hội, công tác phát triển đối tượng có chuyển biến.",
            "",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
            "Dương Văn Thái",
        ],
        ("Ban Thường vụ Tỉnh ủy Bắc Giang", "Bắc Giang", "về bảo hiểm xã hội tự nguyện"),
    ),
    # mass organisations sign as the standing board of their executive committee
    *(
        (_signed_by_the_standing_board(top, symbol, place), (issuer, place, "Tổ chức các hoạt động năm 2023"))
        for top, symbol, place, issuer in [
            (
                ["HỘI NÔNG DÂN VIỆT NAM", "BCH HỘI NÔNG DÂN TỈNH THÁI BÌNH"],
                "102-KH/HNDT",
                "Thái Bình",
                "Ban Thường vụ Hội Nông dân tỉnh Thái Bình",
            ),
            (
                ["TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH ĐỒNG THÁP"],
                "156/KH-LĐLĐ",
                "Đồng Tháp",
                "Ban Thường vụ Liên đoàn Lao động tỉnh Đồng Tháp",
            ),
            (
                ["BCH ĐOÀN TỈNH TIỀN GIANG"],
                "245-KH/TĐTN-BTG",
                "Tiền Giang",
                "Ban Thường vụ Tỉnh đoàn Tiền Giang",
            ),
        ]
    ),
    (  # a commune's place from the district it cites
        [
            "ỦY BAN NHÂN DÂN",
            "XÃ TAM DÂN",
            "Số: 42/KH-UBND",
            "Tam Dân, ngày 09 tháng 8 năm 2023",
            "KẾ HOẠCH",
            "Tổ chức Ngày hội Đại đoàn kết năm 2023",
            "",
            "Thực hiện Kế hoạch số 210/KH-UBND ngày 02/8/2023 của UBND huyện Núi Thành, UBND xã xây dựng "
            "Kế hoạch như sau:",
        ],
        ("Ủy ban nhân dân xã Tam Dân", "Quảng Nam", "Tổ chức Ngày hội Đại đoàn kết năm 2023"),
    ),
    (  # a subject whose lines cut a symbol after its number
        [
            "HUYỆN ỦY THANH CHƯƠNG",
            "*",
            "Số 12-KH/HU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Thanh Chương, ngày 10 tháng 3 năm 2024",
            "",
            "KẾ HOẠCH",
            "thực hiện Quy định số 69-",
            "QĐ/TW ngày 06/7/2022 của Bộ Chính trị",
            "",
            "Nội dung.",
        ],
        (
            "Huyện ủy Thanh Chương",
            "Nghệ An",
            "thực hiện Quy định số 69-QĐ/TW ngày 06/7/2022 của Bộ Chính trị",
        ),
    ),
]


def _office_notice(top: list[str], place: str) -> list[str]:
    """A notice under the header lines `top`, unsigned."""
    return [
        *top,
        "Số: 215/TB-VP",
        f"{place}, ngày 08 tháng 10 năm 2024",
        "THÔNG BÁO",
        "Kết luận giao ban",
        "",
        "Nội dung.",
    ]


# an office named without its body, which the header line above names
WHOLE_TEXTS += [
    (_office_notice(top, place), (issuer, province, "Kết luận giao ban"))
    for top, place, province, issuer in [
        (
            ["UBND TỈNH NINH BÌNH", "VĂN PHÒNG"],
            "Ninh Bình",
            "Ninh Bình",
            "Văn phòng Ủy ban nhân dân tỉnh Ninh Bình",
        ),
        (
            ["UBND HUYỆN KIM SƠN", "VĂN PHÒNG HĐND VÀ UBND"],
            "Kim Sơn",
            "Ninh Bình",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Kim Sơn",
        ),
        (
            ["HĐND HUYỆN KIM SƠN", "THƯỜNG TRỰC"],
            "Kim Sơn",
            "Ninh Bình",
            "Thường trực Hội đồng nhân dân huyện Kim Sơn",
        ),
    ]
]
# the Front's standing board under its abbreviated name
WHOLE_TEXTS.append(
    (
        [
            "UBMTTQ VIỆT NAM",
            "TỈNH QUẢNG NGÃI",
            "BAN THƯỜNG TRỰC",
            "Số 45/KH-MTTQ-BTT",
            "Quảng Ngãi, ngày 05 tháng 3 năm 2025",
            "KẾ HOẠCH",
            "Tuyên truyền năm 2025",
            "",
            "Nội dung.",
            "TM. BAN THƯỜNG TRỰC",
            "CHỦ TỊCH",
            "Trần Văn A",
        ],
        (
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ngãi",
            "Quảng Ngãi",
            "Tuyên truyền năm 2025",
        ),
    )
)
# a province's board whose code opens like a ministry's ('BQLKCN', 'B…'): the province's
WHOLE_TEXTS.append(
    (
        [
            "UBND TỈNH NINH BÌNH",
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
            "Số: 55/KH-BQLKCN",
            "Ninh Bình, ngày 08 tháng 9 năm 2025",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2025",
            "",
            "Nội dung.",
        ],
        ("Ban Quản lý các khu công nghiệp tỉnh Ninh Bình", "Ninh Bình", "Cải cách hành chính năm 2025"),
    )
)


@pytest.mark.parametrize(("lines", "expected"), WHOLE_TEXTS, ids=lambda x: str(x)[:30])
def test_the_issuer_place_and_subject_of_a_whole_text(lines, expected):
    (doc,) = parse_text("\n".join(lines), "a.txt").documents
    assert (doc.issuer, doc.jurisdiction, doc.title) == expected
    assert doc.symbol is None or doc.number  # a symbol is read whole: number and codes


def test_a_pdfs_wrapped_task_lines_are_one_task_each():
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu\n"
        "Ban Thường vụ Tỉnh ủy kiểm tra, giám sát việc thực hiện.\n"
        "2. Văn phòng Tỉnh ủy theo dõi, báo cáo Ban Thường vụ Tỉnh ủy (qua\n"
        "Ban Tổ chức Tỉnh ủy) trước ngày 15/11/2022."
    )
    rec = parse_text(party_doc(body=body), "a.txt")
    assert [[a.name for a in o.assignees] for o in rec.obligations] == [
        ["Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"],
        ["Văn phòng Tỉnh ủy"],
    ]


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        (  # the next document of a list the opening cue governs goes on after a semicolon
            [
                "Thực hiện Nghị quyết số 19-NQ/TW của Bộ Chính trị;",
                "Chương trình hành động số 20-CTr/TU của Tỉnh ủy,",
            ],
            [
                "Thực hiện Nghị quyết số 19-NQ/TW của Bộ Chính trị; Chương trình hành động số 20-CTr/TU của Tỉnh ủy,"
            ],
        ),
        (  # another opening cue opens a paragraph; a clause in lower case goes on after a semicolon
            ["Căn cứ Nghị quyết số 19-NQ/TW;", "Căn cứ Quyết định số 12/QĐ-UBND;", "các đơn vị thực hiện."],
            ["Căn cứ Nghị quyết số 19-NQ/TW;", "Căn cứ Quyết định số 12/QĐ-UBND; các đơn vị thực hiện."],
        ),
        (  # a new item in capitals after a semicolon opens a paragraph
            ["1. Ban Tổ chức Huyện ủy theo dõi, tổng hợp;", "Hội Nông dân huyện tổ chức tập huấn."],
            ["1. Ban Tổ chức Huyện ủy theo dõi, tổng hợp;", "Hội Nông dân huyện tổ chức tập huấn."],
        ),
        (  # a body's name the line cuts after 'của' or on a head of a name
            ["Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ", "Tỉnh ủy Thái Bình về chuyển đổi số,"],
            ["Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Tỉnh ủy Thái Bình về chuyển đổi số,"],
        ),
        (
            ["1. Văn phòng Huyện ủy theo dõi, báo cáo Ban Thường vụ", "Huyện ủy; tham mưu sơ kết."],
            ["1. Văn phòng Huyện ủy theo dõi, báo cáo Ban Thường vụ Huyện ủy; tham mưu sơ kết."],
        ),
        (  # a whole name at the end of a line: the next line opens a paragraph
            ["Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy chủ trì."],
            ["Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy chủ trì."],
        ),
        (  # a number goes on after 'số', 'năm'; a point does not: 'chuyển đổi số', 'hằng năm' end lines
            ["2. Hoàn thiện hạ tầng số", "- Sở Khoa học và Công nghệ chủ trì."],
            ["2. Hoàn thiện hạ tầng số", "- Sở Khoa học và Công nghệ chủ trì."],
        ),
        (
            ["Các đơn vị báo cáo hằng năm", "+ Sở Tài chính tổng hợp."],
            ["Các đơn vị báo cáo hằng năm", "+ Sở Tài chính tổng hợp."],
        ),
        (
            ["Căn cứ Nghị quyết số", "52-NQ/TW của Bộ Chính trị;"],
            ["Căn cứ Nghị quyết số 52-NQ/TW của Bộ Chính trị;"],
        ),
        (  # a place's name the line cut from its level's word
            [
                "Thực hiện Kế hoạch số 112/KH-UBND của UBND tỉnh",
                "Thanh Hóa về thực hiện Chỉ thị số 02/CT-TTg,",
            ],
            ["Thực hiện Kế hoạch số 112/KH-UBND của UBND tỉnh Thanh Hóa về thực hiện Chỉ thị số 02/CT-TTg,"],
        ),
        (
            ["Giao Phòng Tư pháp phối hợp với UBND huyện", "Hoằng Hóa tuyên truyền."],
            ["Giao Phòng Tư pháp phối hợp với UBND huyện Hoằng Hóa tuyên truyền."],
        ),
        (
            ["Thực hiện Kế hoạch số 112/KH-UBND của UBND tỉnh", "Sở Nội vụ chủ trì."],
            ["Thực hiện Kế hoạch số 112/KH-UBND của UBND tỉnh", "Sở Nội vụ chủ trì."],
        ),
        (  # a quarter the line cut
            ["2. Ban Tuyên giáo tổ chức quán triệt, hoàn thành trong Quý", "III/2022."],
            ["2. Ban Tuyên giáo tổ chức quán triệt, hoàn thành trong Quý III/2022."],
        ),
    ],
)
def test_where_a_line_break_goes_on_with_the_paragraph(lines, paragraphs):
    assert _paragraph_texts(lines) == paragraphs


def _paragraph_texts(lines):
    from vbgraph.loaders.segment import paragraphs as read

    return [p.text for p in read(["", *lines], 1, len(lines))]


@pytest.mark.parametrize("lines", tables.load("obligations.toml")["bodies"]["unfinished_examples"])
def test_every_unfinished_head_example_goes_on_in_the_next_line(lines):
    assert _paragraph_texts(lines) == [" ".join(lines)]


def test_a_text_issued_with_the_decision_before_it_is_part_of_it():
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "THỊ XÃ ĐÔNG TRIỀU",
            "Số: 2845/QĐ-UBND",
            "Đông Triều, ngày 22 tháng 9 năm 2023",
            "QUYẾT ĐỊNH",
            "Ban hành Quy chế phối hợp quản lý trật tự xây dựng",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý trật tự xây dựng.",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Nguyễn Văn Thành",
            "QUY CHẾ",
            "Phối hợp quản lý trật tự xây dựng trên địa bàn thị xã",
            "(Ban hành kèm theo Quyết định số 2845/QĐ-UBND ngày 22/9/2023 của UBND thị xã Đông Triều)",
            "Điều 5. Trách nhiệm của Phòng Quản lý đô thị",
            "1. Chủ trì kiểm tra công tác quản lý trật tự xây dựng.",
        ]
    )
    rec = parse_text(text, "a.txt")
    assert [(d.symbol, d.first_line, d.last_line) for d in rec.documents] == [("2845/QĐ-UBND", 1, 16)]
    assert [(a.name, a.role) for o in rec.obligations for a in o.assignees] == [
        ("Phòng Quản lý đô thị", "chu_tri")
    ]


@pytest.mark.parametrize(
    "first_point",
    [
        "1. Các huyện ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện.",
        "- Ban Dân vận Tỉnh ủy hướng dẫn các cấp ủy triển khai.",
    ],
)
def test_a_task_right_after_the_title_is_no_enacting_line(first_point):
    """A plan that opens on its tasks: the body a point names is no issuer ('T/M BAN THƯỜNG VỤ' is)."""
    text = party_doc(of="", heading="KẾ HOẠCH", code="KH", body=f"III. TỔ CHỨC THỰC HIỆN\n{first_point}")
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.issuer == "Ban Thường vụ Tỉnh ủy Bắc Giang"


@pytest.mark.parametrize(
    ("header", "place", "signed_for", "jurisdiction", "issuer"),
    [
        # a commune named after a province, under a district that says which province it is in
        (
            "ĐẢNG BỘ HUYỆN CHỢ GẠO\nĐẢNG ỦY XÃ HÒA BÌNH",
            "Hòa Bình",
            "ĐẢNG ỦY",
            "Tiền Giang",
            "Đảng ủy xã Hòa Bình",
        ),
        # a village named after a province: neither its place nor its name's province
        ("ĐẢNG BỘ XÃ TỊNH HÀ\nCHI BỘ THÔN PHÚ THỌ", "Tịnh Hà", "CHI BỘ", None, "Chi bộ thôn Phú Thọ"),
        # a province the header names is the document's, whatever the list of districts says
        (
            "ĐẢNG BỘ TỈNH HƯNG YÊN\nHUYỆN ỦY SƠN ĐỘNG",
            "Hưng Yên",
            "BAN THƯỜNG VỤ",
            "Hưng Yên",
            "Ban Thường vụ Huyện ủy Sơn Động",
        ),
    ],
)
def test_a_unit_named_after_a_province_places_nothing_there(header, place, signed_for, jurisdiction, issuer):
    text = party_doc(heading="KẾ HOẠCH", code="KH", of="", place=place, signed_for=signed_for)
    (doc,) = parse_text(text.replace("TỈNH ỦY BẮC GIANG", header), "k.txt").documents
    assert (doc.jurisdiction, doc.issuer) == (jurisdiction, issuer)


def test_an_enacting_line_that_abbreviates_the_header_keeps_the_headers_name():
    """'UBND thành phố ban hành …' under 'ỦY BAN NHÂN DÂN / THÀNH PHỐ QUY NHƠN': the city's committee,
    not a 'UBND thành phố' of the province."""
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ QUY NHƠN",
            "Số: 178/KH-UBND",
            "Quy Nhơn, ngày 20 tháng 5 năm 2025",
            "KẾ HOẠCH",
            "Triển khai công tác truyền thông năm 2025",
            "Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ, UBND thành phố ban hành "
            "Kế hoạch như sau:",
        ]
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert (doc.issuer, doc.jurisdiction) == ("Ủy ban nhân dân thành phố Quy Nhơn", "Bình Định")


SIGNED_UBND = ["1. Sở Nội vụ chủ trì.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Võ Trọng Hải"]
SIGNED_BTV = ["2. Văn phòng Huyện ủy theo dõi.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Hùng"]


@pytest.mark.parametrize(
    ("top", "opening", "issuer"),
    [
        # the bodies a directive addresses ('yêu cầu …', 'trực thuộc Trung ương') speak in none of it
        (
            ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "Số: 89/KH-UBND"],
            [
                "Thực hiện Chỉ thị số 05/CT-TTg ngày 23/02/2023 của Thủ tướng Chính phủ yêu cầu Ủy ban nhân dân "
                "các tỉnh, thành phố trực thuộc Trung ương xây dựng kế hoạch thực hiện, Ủy ban nhân dân tỉnh "
                "ban hành Kế hoạch như sau:",
                *SIGNED_UBND,
            ],
            "Ủy ban nhân dân tỉnh Hà Tĩnh",
        ),
        # a point the page wrapped: the body its first line directs is no speaker of the next one
        (
            ["ĐẢNG BỘ TỈNH ĐỒNG NAI", "HUYỆN ỦY XUÂN LỘC", "*", "Số 18-KH/HU"],
            [
                "1. Ban cán sự đảng Ủy ban nhân dân huyện lãnh đạo Ủy ban nhân dân huyện",
                "xây dựng Đề án phát triển vùng sản xuất rau an toàn, hoàn thành trong Quý III/2022.",
                *SIGNED_BTV,
            ],
            "Ban Thường vụ Huyện ủy Xuân Lộc",
        ),
        # a generic committee speaking is the header's, not the province's Tỉnh ủy (no signature read)
        (
            ["ĐẢNG BỘ TỈNH ĐỒNG NAI", "THÀNH ỦY LONG KHÁNH", "*", "Số 18-KH/TU"],
            ["Ban Thường vụ Thành ủy xây dựng Kế hoạch thực hiện như sau:"],
            "Ban Thường vụ Thành ủy Long Khánh",
        ),
        # a body of another level does not replace the local one the header names
        (
            ["ĐẢNG BỘ TỈNH ĐỒNG NAI", "HUYỆN ỦY XUÂN LỘC", "*", "Số 18-KH/HU"],
            ["Thực hiện chủ trương trên, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:", *SIGNED_BTV],
            "Ban Thường vụ Huyện ủy Xuân Lộc",
        ),
        # ... nor does one a header names on two lines ('ỦY BAN NHÂN DÂN' / 'TỈNH ĐỒNG NAI')
        (
            ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", "Số: 18/KH-UBND"],
            ["Thủ tướng Chính phủ yêu cầu các địa phương rà soát; UBND tỉnh ban hành Kế hoạch như sau:"],
            "Ủy ban nhân dân tỉnh Đồng Nai",
        ),
        # a body in a subordinate clause waits for its act: the main clause's body speaks
        (
            ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", "Số: 18/KH-UBND"],
            ["Trong khi chờ Chính phủ ban hành Nghị định hướng dẫn, UBND tỉnh ban hành Kế hoạch như sau:"],
            "Ủy ban nhân dân tỉnh Đồng Nai",
        ),
        (
            ["ĐẢNG BỘ TỈNH ĐỒNG NAI", "HUYỆN ỦY XUÂN LỘC", "*", "Số 18-KH/HU"],
            ["Sau khi Bộ Chính trị ban hành Kết luận, Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:"],
            "Ban Thường vụ Huyện ủy Xuân Lộc",
        ),
    ],
)
def test_only_the_documents_own_body_speaks_in_its_opening(top, opening, issuer):
    text = "\n".join(
        [*top, "Xuân Lộc, ngày 15 tháng 02 năm 2022", "KẾ HOẠCH", "về cải cách hành chính", "", *opening]
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.issuer == issuer


@pytest.mark.parametrize(
    ("top", "authority", "issuer"),
    [
        (
            ["ỦY BAN NHÂN DÂN", "TỈNH KIÊN GIANG"],
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
            "Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang",
        ),
        (["BỘ TÀI CHÍNH"], "BỘ TRƯỞNG BỘ TÀI CHÍNH", "Bộ trưởng Bộ Tài chính"),
        (["ỦY BAN DÂN TỘC"], "BỘ TRƯỞNG, CHỦ NHIỆM ỦY BAN DÂN TỘC", "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc"),
    ],
)
def test_the_office_holder_line_above_the_preamble_ends_the_subject_and_issues(top, authority, issuer):
    """'BỘ TRƯỞNG BỘ TÀI CHÍNH' above 'Căn cứ …' is the enacting authority, no more of the subject."""
    text = "\n".join(
        [
            *top,
            "Số: 1342/QĐ-BTC",
            "Hà Nội, ngày 07 tháng 6 năm 2024",
            "QUYẾT ĐỊNH",
            "Ban hành Kế hoạch hành động thực hiện Chỉ thị số 04/CT-TTg của Thủ tướng Chính phủ",
            authority,
            "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20 tháng 4 năm 2023 của Chính phủ;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động.",
        ]
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert (doc.title, doc.issuer) == (
        "Ban hành Kế hoạch hành động thực hiện Chỉ thị số 04/CT-TTg của Thủ tướng Chính phủ",
        issuer,
    )


@pytest.mark.parametrize(
    ("top", "symbol", "authority", "issuer"),
    [
        (
            ["UBND TỈNH BẮC NINH", "SỞ TƯ PHÁP"],
            "Số: 56/QĐ-STP",
            "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH BẮC NINH",
            "Giám đốc Sở Tư pháp tỉnh Bắc Ninh",
        ),
        (
            ["BỘ TÀI CHÍNH", "CỤC THUẾ TỈNH NAM ĐỊNH"],
            "Số: 56/QĐ-CTNĐI",
            "CỤC TRƯỞNG CỤC THUẾ TỈNH NAM ĐỊNH",
            "Cục trưởng Cục Thuế tỉnh Nam Định",
        ),
    ],
)
def test_a_local_offices_holder_issues_by_the_office_and_the_body_as_tables_spell_them(
    top, symbol, authority, issuer
):
    """'GIÁM ĐỐC SỞ TƯ PHÁP TỈNH BẮC NINH' under 'SỞ TƯ PHÁP': the Giám đốc of the Sở, each word
    cased as the tables write it, with the province, as the header's body is named."""
    text = "\n".join(
        [
            *top,
            symbol,
            "Bắc Ninh, ngày 07 tháng 6 năm 2024",
            "QUYẾT ĐỊNH",
            "Ban hành Quy chế làm việc",
            authority,
            "Căn cứ Quyết định số 15/2021/QĐ-UBND ngày 10/6/2021 của UBND tỉnh;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.",
        ]
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.issuer == issuer


@pytest.mark.parametrize(
    ("top", "symbol", "issuer"),
    [
        (["THANH TRA CHÍNH PHỦ"], "12/KH-TTCP", "Thanh tra Chính phủ"),
        (["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM"], "22/2019/TT-NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ],
)
def test_an_agency_of_the_government_is_the_centres(top, symbol, issuer):
    """Dated 'Hà Nội, ngày …' as every central text is: the centre's, not the capital's."""
    text = "\n".join(
        [*top, f"Số: {symbol}", "Hà Nội, ngày 08 tháng 01 năm 2025", "KẾ HOẠCH", "Công tác năm 2025"]
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert (doc.issuer, doc.jurisdiction) == (issuer, "Trung ương")


@pytest.mark.parametrize(
    "above",
    [
        # a chain compilation's summary of the central resolution
        "Nghị quyết số 22-NQ/TW ngày 17/4/2024 của Bộ Chính trị về phát triển kinh tế vùng.",
        # the last entry of a table of contents, its page after dot leaders
        "Quyết định số 412/QĐ-UBND ngày 15/3/2024 của UBND huyện thành lập Ban Chỉ đạo .......... 12",
    ],
)
def test_a_citation_just_above_a_header_is_not_its_number(above):
    """'Nghị quyết số: 653/2019/UBTVQH14' may open a header; a line that goes on as a citation
    ('… ngày … của …') does not, and leaves the header below its own number."""
    text = f"{above}\n\n" + party_doc(heading="KẾ HOẠCH", code="KH", of="")
    (doc,) = parse_text(text, "c.txt").documents
    assert (doc.symbol, doc.issuer, doc.first_line) == ("12-KH/TU", "Ban Thường vụ Tỉnh ủy Bắc Giang", 3)


@pytest.mark.parametrize(("text", "kept"), tables.load("doc_types.toml")["copies"]["examples"])
def test_a_copys_note_is_read_as_blank_lines(text, kept):
    from vbgraph.loaders.copies import copy_notes

    assert "\n".join(copy_notes(text.split("\n"))) == kept


def test_a_copys_note_on_top_leaves_the_copied_text_its_number_and_date():
    """'Số 85-SY/VPTU / SAO Y BẢN CHÍNH' above the Ban Thường vụ's plan: the plan keeps 12-KH/TU and
    its day; the copy is no document."""
    note = "TỈNH ỦY BẮC GIANG\nVĂN PHÒNG\n*\nSố 85-SY/VPTU\nSAO Y BẢN CHÍNH\nBắc Giang, ngày 20 tháng 6 năm 2021\n\n"
    (doc,) = parse_text(note + party_doc(heading="KẾ HOẠCH", code="KH", of=""), "c.txt").documents
    assert (doc.symbol, doc.date, doc.issuer) == ("12-KH/TU", "2021-06-08", "Ban Thường vụ Tỉnh ủy Bắc Giang")


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        (["a,", "- 2 -", "b"], ["a,", "\f", "b"]),
        (["a,", "Trang 3/12", "b"], ["a,", "\f", "b"]),
        (["12", "Page 3 of 12"], ["12", "\f"]),  # a bare number may be a table's cell
        # a running header: the same words next to page numbers twice
        (
            ["a", "- 2 -", "TẬP VĂN BẢN", "b", "- 3 -", "TẬP VĂN BẢN", "c"],
            ["a", "\f", "\f", "b", "\f", "\f", "c"],
        ),
        (["a", "- 2 -", "TẬP VĂN BẢN", "b"], ["a", "\f", "TẬP VĂN BẢN", "b"]),  # once: a line of the text
    ],
)
def test_page_furniture_becomes_page_breaks(lines, kept):
    from vbgraph.loaders.furniture import page_furniture

    assert page_furniture(lines) == kept


def test_a_task_broken_by_a_page_goes_on_past_it():
    body = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì,\n- 2 -\nTẬP VĂN BẢN NĂM 2024\nphối hợp với "
        "Báo Bắc Giang tuyên truyền,\n- 3 -\nTẬP VĂN BẢN NĂM 2024\nhoàn thành trước ngày 31/3/2024."
    )
    (o,) = parse_text(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body), "c.txt").obligations
    assert [(a.name, a.role) for a in o.assignees] == [
        ("Ban Tuyên giáo Tỉnh ủy", "chu_tri"),
        ("Báo Bắc Giang", "phoi_hop"),
    ]
    assert o.deadline["end"] == "2024-03-31"


def test_a_telegram_heads_its_document():
    """'CÔNG ĐIỆN' under the Prime Minister's header opens a document, with its date and tasks."""
    text = "\n".join(
        [
            "THỦ TƯỚNG CHÍNH PHỦ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 120/CĐ-TTg",
            "Hà Nội, ngày 18 tháng 9 năm 2025",
            "",
            "CÔNG ĐIỆN",
            "Về việc tập trung ứng phó bão số 8",
            "",
            "1. Bộ Xây dựng chỉ đạo bảo đảm an toàn giao thông, hoàn thành trước ngày 20/9/2025.",
        ]
    )
    rec = parse_text(text, "k.txt")
    (doc,) = rec.documents
    assert (doc.symbol, doc.type, doc.date, doc.issuer) == (
        "120/CĐ-TTg",
        "Công điện",
        "2025-09-18",
        "Thủ tướng Chính phủ",
    )
    assert [a.name for o in rec.obligations for a in o.assignees] == ["Bộ Xây dựng"]


@pytest.mark.parametrize(
    ("title", "jurisdiction"),
    [
        # the province the subject names; else the one of the province's document it implements
        ("về kiện toàn Tổ công tác xã Bố Trạch, tỉnh Quảng Trị", "Quảng Trị"),
        ("Thực hiện Kế hoạch số 245/KH-UBND ngày 15/8/2025 của Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai"),
        ("về chuyển đổi số năm 2025", None),  # nothing says
    ],
)
def test_a_communes_province_its_header_does_not_name(title, jurisdiction):
    text = f"ỦY BAN NHÂN DÂN\nXÃ MƯỜNG HUM\nSố: 38/KH-UBND\nMường Hum, ngày 05 tháng 9 năm 2025\n\nKẾ HOẠCH\n{title}\n"
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.jurisdiction == jurisdiction


_DISTRICT_NQ = "\n".join(
    [
        "HUYỆN ỦY MAI SƠN",
        "*",
        "Số 05-NQ/HU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Mai Sơn, ngày 10 tháng 3 năm 2021",
        "",
        "NGHỊ QUYẾT",
        "về phát triển cây ăn quả giai đoạn 2021-2025",
        "",
        "1. Giao Ban cán sự đảng UBND huyện chủ trì xây dựng kế hoạch, hoàn thành trước ngày 30/4/2021.",
        "",
        "T/M HUYỆN ỦY",
        "BÍ THƯ",
        "",
        "Lò Văn Sơn",
        "",
    ]
)


@pytest.mark.parametrize(
    "heading",
    [
        "2. Kết luận số 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy về việc tiếp tục thực hiện"
        " Nghị quyết số 05-NQ/HU (trích)",
        "Trích Kết luận số 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy về việc tiếp tục thực hiện"
        " Nghị quyết số 05-NQ/HU",
        # the heading wrapped, its '(trích phần nhiệm vụ)' on the next line
        "b) Kết luận số 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy về việc tiếp tục thực hiện\n"
        "Nghị quyết số 05-NQ/HU (Trích phần nhiệm vụ)",
    ],
)
def test_an_extract_under_an_editors_heading_is_a_document_with_its_tasks(heading):
    """A compilation gives a document without its header: the editor's heading names it, its
    district is the compilation's, its subject implements what the heading says, its tasks are its own."""
    text = (
        _DISTRICT_NQ
        + "\n"
        + heading
        + "\n\n...\nBan Thường vụ Huyện ủy kết luận như sau:\n"
        + (
            "1. Giao Ủy ban nhân dân huyện chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc huyện hỗ trợ nông dân"
            " tiêu thụ sản phẩm, hoàn thành trước ngày 31/12/2021.\n...\n"
        )
    )
    rec = parse_text(text, "c.txt")
    _, kl = rec.documents
    assert (kl.symbol, kl.type, kl.date, kl.issuer, kl.identified_by) == (
        "112-KL/HU",
        "Kết luận",
        "2021-09-15",
        "Ban Thường vụ Huyện ủy Mai Sơn",
        "extract",
    )
    assert kl.title == "về việc tiếp tục thực hiện Nghị quyết số 05-NQ/HU"
    assert [(c.symbol, c.relation) for c in rec.citations if c.stated_by == 1 and c.role == "cite"] == [
        ("05-NQ/HU", "THUC_HIEN")
    ]
    (task,) = [o for o in rec.obligations if o.document == 1]
    assert [(a.name, a.role) for a in task.assignees] == [
        ("Ủy ban nhân dân huyện", "chu_tri"),
        ("Ủy ban Mặt trận Tổ quốc huyện", "phoi_hop"),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # a table of contents' entries: no text of their own
        [
            "MỤC LỤC",
            "1. Kết luận số 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy (trích) ........ 5",
            "2. Chỉ thị số 07-CT/HU ngày 02/11/2021 của Ban Thường vụ Huyện ủy (trích) ........ 9",
            "",
        ],
        # a heading with only an ellipsis under it
        ["2. Kết luận số 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy (trích)", "", "...", ""],
        # an editor's heading without 'trích' opens no document without its header
        [
            "2. Kết luận số 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy",
            "Ban Thường vụ Huyện ủy kết luận như sau:",
            "",
        ],
    ],
)
def test_no_extract_without_text_or_without_trich(lines):
    rec = parse_text("\n".join(lines) + "\n" + _DISTRICT_NQ, "c.txt")
    assert [d.symbol for d in rec.documents] == ["05-NQ/HU"]


@pytest.mark.parametrize(
    "so_line",
    [
        "Số 12-KH/TU",
        "_Số: 12-KH/TU",  # a scan's debris before the number line
        "| Số: 12-KH/TU",
        "§ố: 12-KH/TU",  # '§' read for 'S'
        "Sô 12-KH/TU",  # a tone mark lost
        "Số 12‑KH/TU",  # Word's non-breaking hyphen (U+2011)
        "Số 12—KH/TU",  # an em dash
        "Số 12－KH／TU",  # fullwidth forms
    ],
)
def test_a_number_line_read_through_a_scans_debris_and_odd_dashes(so_line):
    text = party_doc(heading="KẾ HOẠCH", code="KH", of="").replace("Số 12-KH/TU", so_line)
    (doc,) = parse_text(text, "k.txt").documents
    assert (doc.symbol, doc.identified_by) == ("12-KH/TU", "header")


_WRAPPED_PLAN = """TỈNH ỦY NGHỆ AN
ĐẢNG CỘNG SẢN VIỆT NAM

Số: 12-KH/TU
Nghệ An, ngày 15 tháng 3 năm 2024

KẾ HOẠCH

thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung
ương Đảng khóa XIII về tiếp tục phát huy truyền thống, sức mạnh đại đoàn
kết toàn dân tộc

I. MỤC ĐÍCH, YÊU CẦU

1. Tổ chức quán triệt sâu sắc, đầy đủ nội dung Nghị quyết đến cán bộ, đảng
viên và các tầng lớp nhân dân trên địa bàn toàn tỉnh trong năm 2024 này.

III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt
Nam tỉnh hướng dẫn tổ chức học tập, quán triệt Nghị quyết, hoàn thành trong
Quý II/2024.
2. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tham mưu
xây dựng Đề án nâng cao hiệu quả công tác dân vận, trình Ban Thường vụ Tỉnh
ủy trước ngày 30/9/2024.
3. Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế
hoạch thực hiện, hoàn thành trước ngày 30/4/2024.
"""


def test_a_hard_wrapped_texts_full_lines_go_on_whatever_the_next_opens_with():
    """A PDF's text layer breaks its lines at a width: '… Tổ quốc Việt' / 'Nam tỉnh …', '… trong' /
    'Quý II/2024.' are one sentence; a point's number still opens its own."""
    rec = parse_text(_WRAPPED_PLAN, "k.txt")
    got = [([a.name for a in o.assignees], (o.deadline or {}).get("text")) for o in rec.obligations]
    assert got == [
        (["Ban Tuyên giáo Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "hoàn thành trong Quý II/2024"),
        (["Ban Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"], "trước ngày 30/9/2024"),
        (["huyện ủy", "thành ủy", "thị ủy", "đảng ủy trực thuộc Tỉnh ủy"], "hoàn thành trước ngày 30/4/2024"),
    ]


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        # lower case, after a blank line (as Word and PDF files have it)
        (
            "tổng kết 10 năm thực hiện Nghị quyết số 43-NQ/TW",
            "tổng kết 10 năm thực hiện Nghị quyết số 43-NQ/TW",
        ),
        ("sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW", "sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW"),
        ("Về phát triển du lịch", "về phát triển du lịch"),
    ],
)
def test_a_subject_after_a_blank_line_under_the_heading(subject, title):
    text = party_doc(heading="KẾ HOẠCH", code="KH", of="", subject="\n" + subject)
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.title == title


@pytest.mark.parametrize("star", ["*", "»", "%", "|", "_ _."])
def test_the_party_star_as_a_scan_reads_it_keeps_the_header_above_it(star):
    """A short line with neither letter nor digit is the star or a rule: the lines above stay the header."""
    text = "\n".join(
        [
            "ĐẢNG BỘ TỈNH KHÁNH HÒA",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "HUYỆN ỦY CAM LÂM",
            star,
            "Cam Lâm, ngày 12 tháng 3 năm 2023",
            "Số 45-KH/HU",
            "",
            "KẾ HOẠCH",
            "về phát triển du lịch cộng đồng",
            "",
            "Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:",
            "1. Ban Tuyên giáo Huyện ủy tổ chức quán triệt, hoàn thành trong Quý II/2023.",
        ]
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert (doc.issuer, doc.jurisdiction) == ("Ban Thường vụ Huyện ủy Cam Lâm", "Khánh Hòa")


def test_a_joint_plans_heading_is_its_type_and_its_symbol_joint():
    """'KẾ HOẠCH PHỐI HỢP' is the type phrase of a plan two bodies issue ('12/KHPH-CCB-TĐTN'), no subject."""
    text = party_doc(
        heading="KẾ HOẠCH PHỐI HỢP", code="KHPH", of="", subject="về giáo dục truyền thống năm 2024"
    )
    (doc,) = parse_text(text.replace("12-KHPH/TU", "12/KHPH-CCB-TĐTN"), "k.txt").documents
    assert (doc.type, doc.title, doc.symbol) == (
        "Kế hoạch",
        "về giáo dục truyền thống năm 2024",
        "12/KHPH-CCB-TĐTN",
    )
    assert tables.joint_symbol(doc.type_code, doc.issuer_code)


@pytest.mark.parametrize("section", ["I- MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU", "1- Mục đích"])
def test_a_numbered_section_right_under_the_subject_ends_it(section):
    """No rule under the subject: the first section, numbered 'I-' as Party texts do, is no part of it."""
    text = party_doc(
        heading="HƯỚNG DẪN", code="HD", of="", subject=f"kiểm điểm năm 2025\n{section}", body="Nội dung."
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.title == "kiểm điểm năm 2025"


@pytest.mark.parametrize(
    "text",
    ["Hôm nay trời đẹp, chúng tôi đi chơi công viên.", "@@ ## 12 34 ~~ ..", "Trang chủ | Tin tức | Liên hệ"],
)
def test_a_text_with_no_document_says_so(text):
    rec = parse_text(text, "x.txt")
    assert rec.documents == ()
    assert [(i.kind, i.file) for i in rec.issues] == [("no-document", "x.txt")]


@pytest.mark.parametrize(
    "place_date",
    [
        "Bắc Giang, ngày 08 tháng 6 năm 2021",
        "Bắc Giang, ngày 08 tháng. 6 năm 2021 _",  # a scan's debris
        "Bắc Giang, 3 ngày 08 tháng 6 năm 2021",  # a speck read as a figure
    ],
)
def test_a_place_and_date_line_read_through_a_scans_debris(place_date):
    text = party_doc().replace("Bắc Giang, ngày 08 tháng 6 năm 2021", place_date)
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.date == "2021-06-08"


@pytest.mark.parametrize(
    "place_date",
    [
        "Bắc Giang, ngày      tháng 6 năm 2021",
        "Bắc Giang, ngày … tháng … năm 2021",
        "Bắc Giang, ngày   tháng   năm 2021",
    ],
)
def test_a_day_left_blank_to_be_written_by_hand_keeps_the_header_and_its_year(place_date):
    text = party_doc().replace("Bắc Giang, ngày 08 tháng 6 năm 2021", place_date)
    (doc,) = parse_text(text, "k.txt").documents
    assert (doc.symbol, doc.date, doc.issuer, doc.jurisdiction) == (
        "12-NQ/TU",
        "2021",
        "Ban Thường vụ Tỉnh ủy Bắc Giang",
        "Bắc Giang",
    )


def test_a_notices_conclusions_line_is_its_subject():
    """'THÔNG BÁO' / 'KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY' / 'tại buổi làm việc …': whose conclusions
    the notice gives opens its subject."""
    text = party_doc(
        heading="THÔNG BÁO",
        code="TB",
        of="KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY",
        subject="tại buổi làm việc với Ban Thường vụ Thành ủy",
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.title == "kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Thành ủy"


_WORKED = (
    "Ngày 20/5/2024, Thường trực Tỉnh ủy đã làm việc với Ban Thường vụ Huyện ủy Lục Nam. Đồng chí Bí thư "
    "Tỉnh ủy kết luận như sau:"
)


@pytest.mark.parametrize(
    ("heading", "of", "subject", "title"),
    [  # 'THÔNG BÁO KẾT LUẬN' / 'của <body> tại …': whose conclusions, and where, are its subject
        (
            "THÔNG BÁO KẾT LUẬN",
            "của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Lục Nam",
            "",
            "kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Lục Nam",
        ),
        (  # the account of the meeting right under it is no part of it
            "THÔNG BÁO KẾT LUẬN",
            "của đồng chí Bí thư Tỉnh ủy trong chuyến công tác tại huyện Sơn Động",
            _WORKED,
            "kết luận của đồng chí Bí thư Tỉnh ủy trong chuyến công tác tại huyện Sơn Động",
        ),
        (
            "THÔNG BÁO",
            "của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Lục Nam",
            _WORKED,
            "của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Lục Nam",
        ),
        # a subject 'về …' after the body, on its line or the next, is the subject as before
        ("THÔNG BÁO KẾT LUẬN", "của Ban Thường vụ Tỉnh ủy về tình hình quý II", "", "về tình hình quý II"),
        ("THÔNG BÁO KẾT LUẬN", "của Ban Thường vụ Tỉnh ủy", "về tình hình quý II", "về tình hình quý II"),
        # no subject: a sentence that opens with a date or ends with a colon is none
        ("THÔNG BÁO KẾT LUẬN", _WORKED, "", None),
    ],
)
def test_a_notice_of_conclusions_whose_subject_opens_with_cua(heading, of, subject, title):
    body = f"{_WORKED}\n1. Huyện ủy Lục Nam chỉ đạo giải phóng mặt bằng trước ngày 30/7/2024."
    text = party_doc(heading=heading, code="TB", of=of, subject=subject, body=body)
    (doc,) = parse_text(text, "k.txt").documents
    assert doc.title == title


@pytest.mark.parametrize(
    "text",
    [
        # a quotation's '(trích):' in a text of no header: the text stays one document, with its tasks
        "Thực hiện Kế hoạch của Ban Thường vụ Huyện ủy, Đảng ủy xã Tân Lập triển khai các nội dung sau:\n\n"
        '1. Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị nêu rõ (trích): "Tiếp tục học tập".\n'
        "Các chi bộ tổ chức quán triệt đến toàn thể đảng viên trong tháng 6/2022.\n",
        # a register's 'Trích yếu:' is no extract's mark
        "DANH MỤC VĂN BẢN NĂM 2022\n\n1. Quyết định số 123-QĐ/HU ngày 05/01/2022\nTrích yếu: về việc thành "
        "lập Ban Chỉ đạo.\n\n2. Chỉ thị số 07-CT/HU ngày 15/3/2022\nTrích yếu: về phòng, chống cháy rừng.\n",
    ],
)
def test_no_extract_from_a_quotation_or_a_registers_trich_yeu(text):
    docs = parse_text(text, "x.txt").documents
    assert all(d.identified_by != "extract" for d in docs) and len(docs) <= 1


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        ("Nam tỉnh hướng dẫn tổ chức học tập.", True),
        ("– Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch.", False),  # a dash's point
        ("(3) Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch.", False),  # '(3)'
        ("II. TỔ CHỨC THỰC HIỆN", False),
        ("Đề án trước ngày 31 tháng 12.", True),  # a document's name goes on; 'Để' (a cue) would not
        ("Để triển khai có hiệu quả Kế hoạch, Sở Nội vụ hướng dẫn như sau.", False),
        ("Căn cứ Quyết định số 146/QĐ-TTg ngày 28/01/2022;", False),
        ("III/2022.", True),  # a roman numeral and figures put no line in capitals
    ],
)
def test_a_hard_wrapped_full_line_goes_on_but_not_into_a_point(second, joined):
    from vbgraph.loaders.segment import _wrapped_on

    full = "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt"
    assert _wrapped_on(full, second, 60) is joined
    # a heading in capitals does not run into the paragraph under it
    assert (
        _wrapped_on("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU ĐỂ THỰC HIỆN NGHỊ QUYẾT TRONG", "thời gian tới", 60)
        is False
    )


def test_an_extracts_heading_without_brackets_does_not_take_its_first_line():
    text = _DISTRICT_NQ + (
        "\nTrích Kết luận số 112-KL/HU ngày 15/9/2021 của Ban Thường vụ Huyện ủy về phát triển cây ăn quả.\n"
        "Ban Thường vụ Huyện ủy kết luận như sau:\n"
        "1. Giao Ủy ban nhân dân huyện hỗ trợ nông dân tiêu thụ sản phẩm, hoàn thành trước ngày 31/12/2021.\n"
    )
    _, kl = parse_text(text, "c.txt").documents
    assert (kl.symbol, kl.title) == ("112-KL/HU", "về phát triển cây ăn quả")


@pytest.mark.parametrize(
    ("lines", "start"),
    [
        (["Căn cứ Luật …;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành …"], 2),
        (["Căn cứ Luật …;", "1. Mục đích"], 1),
        # a consolidated text's note lists the amending acts before the act's preamble
        (
            [
                "Luật Tổ chức chính quyền địa phương số 77/2015/QH13 …, được sửa đổi, bổ sung bởi:",
                "1. Luật Quy hoạch số 21/2017/QH14 …;",
                "2. Luật số 47/2019/QH14 ngày 22 tháng 11 năm 2019 của",
                "Quốc hội sửa đổi, bổ sung …",
                "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
                "1. Tỉnh, thành phố trực thuộc Trung ương;",
            ],
            5,
        ),
        (
            [
                "Nghị định số 06/2010/NĐ-CP …, được sửa đổi, bổ sung bởi:",
                "1. Nghị định số 161/2018/NĐ-CP …",
                "Điều 1. Phạm vi",
            ],
            2,
        ),
    ],
)
def test_where_a_documents_body_starts(lines, start):
    """The first numbered section after the preamble; the items of a consolidation note's list of
    amending acts are no section."""
    from vbgraph.loaders.segment import section_start

    assert section_start(lines, 0, len(lines) - 1) == start


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # a bare number inside a sentence: the line before ends in no full stop, the next goes on
        (
            ["triển khai Đề án hằng năm;", "2", "định kỳ báo cáo kết quả."],
            ["triển khai Đề án hằng năm;", "\f", "định kỳ báo cáo kết quả."],
        ),
        (["phối hợp với", "", "12", "", "các sở, ngành."], ["phối hợp với", "", "\f", "", "các sở, ngành."]),
        (
            ["kết quả thực hiện.", "2", "định kỳ báo cáo."],
            ["kết quả thực hiện.", "2", "định kỳ báo cáo."],
        ),  # a full stop
        (
            ["phối hợp với", "2", "Sở Tài chính."],
            ["phối hợp với", "2", "Sở Tài chính."],
        ),  # capitals: a cell, a count
        (
            ["Quý IV/2025", "2", "rà soát\tSở Nội vụ"],
            ["Quý IV/2025", "2", "rà soát\tSở Nội vụ"],
        ),  # a table's row
        (["số lượng", "2025", "người"], ["số lượng", "2025", "người"]),  # a year is no page's number
    ],
)
def test_a_bare_page_number_inside_a_sentence_is_a_page_break(lines, kept):
    """A PDF's text layer leaves a page's number '2' alone between two lines of a task: the task
    goes on past it ('… triển khai Đề án hằng năm;' / '2' / 'định kỳ … báo cáo …' lost its clause)."""
    from vbgraph.loaders.furniture import page_furniture

    assert page_furniture(lines) == kept


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # between two whole paragraphs, pages counting up: '… năm 2023.' / '2' / '3. Bộ Nội vụ …'
        (
            ["hoàn thành trước tháng 6 năm 2023.", "2", "3. Bộ Nội vụ chủ trì.", *["a."] * 10, "3", "B."],
            ["hoàn thành trước tháng 6 năm 2023.", "\f", "3. Bộ Nội vụ chủ trì.", *["a."] * 10, "\f", "B."],
        ),
        (["Danh sách.", "2", "Sở Nội vụ.", "3", "Sở Tài chính."],) * 2,  # a list numbered line by line
        (["Xong.", "3", "Sở Nội vụ.", "Xong.", "2", "Sở Tài chính."],) * 2,  # counting down: no pages
        (["Xong.", "1", "Sở Nội vụ."],) * 2,  # a first page is not numbered: '1' is a count
        (["Tổng số:", "25", "Sở Nội vụ."],) * 2,  # after a colon: a count
    ],
)
def test_a_bare_page_number_between_paragraphs_is_a_page_break(lines, kept):
    from vbgraph.loaders.furniture import page_furniture

    assert page_furniture(lines) == kept


@pytest.mark.parametrize("example", tables.load("signals.toml")["chrome"]["related_examples"])
def test_every_related_links_label_example_is_blanked(example):
    from vbgraph.loaders.furniture import related_links

    assert related_links(["Nguyễn Văn An", example]) == ["Nguyễn Văn An", ""]


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # the links on the label's line, or one a line under it, up to a blank line
        (
            ["Trương Hải Long", "Văn bản liên quan: Thông tư 02/2021/TT-BNV | Nghị định 138/2020/NĐ-CP"],
            ["Trương Hải Long", ""],
        ),
        (
            [
                "Tin liên quan",
                "Kết luận số 35-KL/TU ngày 20/01/2022 (20/01/2022)",
                "Tin mới",
                "UBND tỉnh ban hành …",
                "",
                "x",
            ],
            ["", "", "", "", "", "x"],
        ),
        # a document's header in capitals after the list is the document's
        (["Tin liên quan", "Kế hoạch số 12-KH/TU", "TỈNH ỦY GIA LAI"], ["", "", "TỈNH ỦY GIA LAI"]),
        # a label's line that ends a sentence is the text's own; a point of the text ends a list
        (
            [
                "Văn bản liên quan: Nghị định số 48/2023/NĐ-CP sửa đổi Nghị định số 90/2020/NĐ-CP.",
                "1. Các sở …",
            ],
            [
                "Văn bản liên quan: Nghị định số 48/2023/NĐ-CP sửa đổi Nghị định số 90/2020/NĐ-CP.",
                "1. Các sở …",
            ],
        ),
        (["Tin liên quan", "Kế hoạch số 12-KH/TU", "2. UBND các huyện …"], ["", "", "2. UBND các huyện …"]),
        # the words inside a sentence are no label
        (
            ["Các tin khác về chuyển đổi số được đăng tải.", "x"],
            ["Các tin khác về chuyển đổi số được đăng tải.", "x"],
        ),
    ],
)
def test_a_sites_list_of_links_in_a_saved_page_is_blank(lines, kept):
    from vbgraph.loaders.furniture import related_links

    assert related_links(lines) == kept


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_compilations_heading_over_an_unsigned_document_is_not_the_one_befores(wrapped):
    """'2. Chỉ thị số 08-CT/HU ngày 20/5/2022 về …' right above the header of 08-CT/HU, in a compilation
    whose texts carry no signature: the heading is the next document's, the plan before it cites nothing."""
    heading = (
        "2. Chỉ thị số 08-CT/HU ngày 20/5/2022 về phòng," + ("\n" if wrapped else " ") + "chống đuối nước"
    )
    text = (
        "1. Kế hoạch số 30-KH/HU ngày 12/3/2022 về chuyển đổi số\nHUYỆN ỦY NAM ĐÀN\nSố 30-KH/HU\n"
        "Nam Đàn, ngày 12 tháng 3 năm 2022\nKẾ HOẠCH\nvề chuyển đổi số\n"
        "1. Ủy ban nhân dân huyện xây dựng Đề án chuyển đổi số, hoàn thành trong Quý III/2022.\n\n"
        f"{heading}\nHUYỆN ỦY NAM ĐÀN\nSố 08-CT/HU\nNam Đàn, ngày 20 tháng 5 năm 2022\nCHỈ THỊ\n"
        "về phòng, chống đuối nước cho trẻ em\n"
        "1. Phòng Giáo dục và Đào tạo huyện chủ trì dạy bơi cho học sinh, hoàn thành trước ngày 31/8/2022.\n"
    )
    rec = parse_text(text, "c.txt")
    plan = next(d for d in rec.documents if d.symbol == "30-KH/HU")
    assert plan.last_line == 7
    assert [c.symbol for c in rec.citations if c.stated_by == plan.index and c.symbol == "08-CT/HU"] == []


def test_a_related_links_line_after_the_signature_makes_no_document():
    text = party_doc() + "Văn bản liên quan: Thông tư 02/2021/TT-BNV | Nghị định 138/2020/NĐ-CP\n"
    rec = parse_text(text, "w.txt")
    assert [c.symbol for c in rec.citations if c.symbol and "BNV" in c.symbol + "NĐ-CP"] == []


def test_a_task_goes_on_past_a_bare_page_number():
    body = (
        "1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng kế hoạch triển khai hằng năm;\n"
        "                                                    2\n"
        "định kỳ trước ngày 15 tháng 12 hằng năm tổng hợp, báo cáo Tỉnh ủy kết quả thực hiện."
    )
    rec = parse_text(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body), "c.txt")
    assert any("định kỳ trước ngày 15 tháng 12" in o.text for o in rec.obligations)


PIPE_HEADER = [
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "HUYỆN PHÚ LƯƠNG | Độc lập - Tự do - Hạnh phúc",
    "Số: 112/KH-UBND | Phú Lương, ngày 08 tháng 4 năm 2019",
    "KẾ HOẠCH",
    "Xây dựng nông thôn mới năm 2019",
]
PIPE_SIGNED = [
    "Nơi nhận: | TM. ỦY BAN NHÂN DÂN",
    "- UBND tỉnh (b/c); | KT. CHỦ TỊCH",
    "- Lưu: VT. | PHÓ CHỦ TỊCH",
    "- Lưu: VT. | Trần Văn Lương",
]
PIPE_APPENDIX = [
    "PHỤ LỤC",
    "PHÂN CÔNG NHIỆM VỤ",
    "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian thực hiện",
    "1 | Hoàn thiện hồ sơ xã đạt chuẩn nông thôn mới | UBND xã Yên Lạc | Trước 30/10/2019",
    "2 | Cứng hóa 25 km đường giao thông nông thôn | Phòng Kinh tế và Hạ tầng | Quý III/2019",
]


@pytest.mark.parametrize(
    "appendix",
    [
        PIPE_APPENDIX,
        [
            *PIPE_APPENDIX[:2],
            "(Kèm theo Kế hoạch số 112/KH-UBND ngày 08/4/2019 của UBND huyện)",
            *PIPE_APPENDIX[2:],
        ],
    ],
)
def test_an_appendix_after_a_signature_flattened_with_pipes_is_the_documents(appendix):
    """The signer's name in the last recipients' row ('- Lưu: VT. | Trần Văn Lương'): the 'PHỤ
    LỤC' under it is no name that closes the text, its task table is the plan's (all was lost)."""
    text = "\n".join(
        [
            *PIPE_HEADER,
            "(Chi tiết tại Phụ lục kèm theo)",
            *PIPE_SIGNED,
            *appendix,
        ]
    )
    rec = parse_text(text, "k.txt")
    (doc,) = rec.documents
    assert doc.last_line == len(text.split("\n"))
    assert [(a.name, (o.deadline or {}).get("end")) for o in rec.obligations for a in o.assignees] == [
        ("Ủy ban nhân dân xã Yên Lạc", "2019-10-30"),
        ("Phòng Kinh tế và Hạ tầng", "2019-09-30"),
    ]


@pytest.mark.parametrize(
    ("issued_with", "tasks"),
    [
        ("(Kèm theo Kế hoạch số 112/KH-UBND ngày 08/4/2019 của UBND huyện)", 2),  # its own number
        ("(Kèm theo Quyết định số 99/QĐ-UBND ngày 08/4/2019 của UBND tỉnh)", 0),  # another text's
    ],
)
def test_a_table_after_the_signer_that_goes_with_the_texts_own_number_is_its(issued_with, tasks):
    """No 'PHỤ LỤC' over the table, the name on its own line: '(Kèm theo Kế hoạch số <its own
    number> …)' keeps the table in the plan, which ended at the signer's name."""
    text = "\n".join(
        [
            *PIPE_HEADER,
            *PIPE_SIGNED[:3],
            "Trần Văn Lương",
            "PHÂN CÔNG NHIỆM VỤ",
            issued_with,
            *PIPE_APPENDIX[2:],
        ]
    )
    rec = parse_text(text, "k.txt")
    assert [(d.symbol, d.signer) for d in rec.documents][:1] == [("112/KH-UBND", "Trần Văn Lương")]
    assert len([o for o in rec.obligations if o.document == 0]) == tasks


# State texts in which another than the header's body speaks: (the text, its document's (issuer,
# type, date, title))
SPEAKERS = [
    (  # a telegram's sender, its addressees right under its subject; urgency stamped on the heading
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH QUẢNG BÌNH",
            "Số: 19/CĐ-UBND",
            "Quảng Bình, ngày 17 tháng 10 năm 2020",
            heading,
            "Về việc khẩn trương ứng phó với mưa lũ",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
            "- Giám đốc Sở Nông nghiệp và Phát triển nông thôn;",
            "- Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố.",
            "1. Chủ tịch UBND các huyện khẩn trương sơ tán dân, hoàn thành trước 17 giờ ngày 17/10/2020.",
        ],
        (
            "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình",
            "Công điện",
            "2020-10-17",
            "về việc khẩn trương ứng phó với mưa lũ",
        ),
    )
    for heading in ("CÔNG ĐIỆN", "CÔNG ĐIỆN KHẨN", "CÔNG ĐIỆN HỎA TỐC")
] + [
    (  # the holder of an office directs in the committee's name
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH AN GIANG",
            "Số: 05/CT-UBND",
            "An Giang, ngày 22 tháng 02 năm 2016",
            "CHỈ THỊ",
            "Về tăng cường công tác phòng cháy, chữa cháy mùa khô năm 2016",
            "Để chủ động phòng ngừa cháy, nổ trong mùa khô năm 2016, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
            "1. Công an tỉnh kiểm tra an toàn phòng cháy tại các chợ, hoàn thành trước ngày 30/4/2016.",
        ],
        (
            "Chủ tịch Ủy ban nhân dân tỉnh An Giang",
            "Chỉ thị",
            "2016-02-22",
            "về tăng cường công tác phòng cháy, chữa cháy mùa khô năm 2016",
        ),
    ),
    (  # ... but whose conclusions a notice relays does not issue it: the committee does
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN GÒ DẦU",
            "Số: 145/TB-UBND",
            "Gò Dầu, ngày 08 tháng 6 năm 2018",
            "THÔNG BÁO",
            "Kết luận của Chủ tịch Ủy ban nhân dân huyện tại cuộc họp giao ban tháng 5 năm 2018",
            "",
            "Sau khi nghe báo cáo, Chủ tịch UBND huyện kết luận như sau:",
            "1. Phòng Tài chính - Kế hoạch đôn đốc thu ngân sách trước ngày 30/6/2018.",
        ],
        (
            "Ủy ban nhân dân huyện Gò Dầu",
            "Thông báo",
            "2018-06-08",
            "Kết luận của Chủ tịch Ủy ban nhân dân huyện tại cuộc họp giao ban tháng 5 năm 2018",
        ),
    ),
    (  # ... nor one who asks in a letter signed on behalf of the committee
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH BÌNH ĐỊNH",
            "Số: 500/UBND-KT",
            "Bình Định, ngày 25 tháng 4 năm 2025",
            "V/v tăng cường quản lý giá",
            "Kính gửi: Các sở, ngành.",
            "Chủ tịch UBND tỉnh yêu cầu:",
            "1. Sở Tài chính theo dõi diễn biến giá, báo cáo trước ngày 25/5/2025.",
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn An",
        ],
        ("Ủy ban nhân dân tỉnh Bình Định", "Công văn", "2025-04-25", "về việc tăng cường quản lý giá"),
    ),
    (  # ... nor the Prime Minister the notice of his office
        [
            "VĂN PHÒNG CHÍNH PHỦ",
            "Số: 245/TB-VPCP",
            "Hà Nội, ngày 16 tháng 6 năm 2023",
            "THÔNG BÁO",
            "Kết luận của Thủ tướng Chính phủ tại buổi làm việc với Ban Thường vụ Tỉnh ủy Sóc Trăng",
            "Thủ tướng Chính phủ kết luận như sau:",
            "1. Giao Bộ Giao thông vận tải chủ trì nghiên cứu, báo cáo trước ngày 30 tháng 9 năm 2023.",
        ],
        (
            "Văn phòng Chính phủ",
            "Thông báo",
            "2023-06-16",
            "Kết luận của Thủ tướng Chính phủ tại buổi làm việc với Ban Thường vụ Tỉnh ủy Sóc Trăng",
        ),
    ),
]
SPEAKERS += [
    (  # a letter with no 'Kính gửi' line: its subject ends where its preamble opens
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH SÓC TRĂNG",
            "Số: 88/UBND-KT",
            "Sóc Trăng, ngày 16 tháng 6 năm 2023",
            "V/v triển khai nhiệm vụ cải cách hành chính",
            opening,
            "1. Sở Tư pháp tiếp tục thực hiện Quyết định số 26/2021/QĐ-UBND ngày 10/5/2021 của UBND tỉnh.",
        ],
        (
            "Ủy ban nhân dân tỉnh Sóc Trăng",
            "Công văn",
            "2023-06-16",
            "về việc triển khai nhiệm vụ cải cách hành chính",
        ),
    )
    for opening in (
        "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:",
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện tốt các nội dung sau:",
    )
] + [
    (  # a portal's copy that lost its place-and-date line: the adoption sentence dates it
        [
            "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH",
            "Số: 45/2022/NQ-HĐND",
            "NGHỊ QUYẾT",
            "Quy định mức hỗ trợ đối với lực lượng dân quân tự vệ trên địa bàn tỉnh Hà Tĩnh",
            "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH",
            "KHÓA XVIII, KỲ HỌP THỨ 9",
            "Căn cứ Luật Dân quân tự vệ ngày 22 tháng 11 năm 2019;",
            "QUYẾT NGHỊ:",
            "Điều 1. Quy định mức hỗ trợ.",
            "Nghị quyết này đã được Hội đồng nhân dân tỉnh Hà Tĩnh khóa XVIII, Kỳ họp thứ 9 thông qua ngày 09"
            " tháng 12 năm 2022 và có hiệu lực từ ngày 20 tháng 12 năm 2022./.",
        ],
        (
            "Hội đồng nhân dân tỉnh Hà Tĩnh",
            "Nghị quyết",
            "2022-12-09",
            "Quy định mức hỗ trợ đối với lực lượng dân quân tự vệ trên địa bàn tỉnh Hà Tĩnh",
        ),
    ),
]


@pytest.mark.parametrize(("lines", "expected"), SPEAKERS, ids=lambda x: str(x)[:40])
def test_who_issues_a_state_text_its_date_and_subject(lines, expected):
    (doc,) = parse_text("\n".join(lines), "a.txt").documents
    assert (doc.issuer, doc.type, doc.date, doc.title) == expected


def test_a_text_only_dated_by_another_types_adoption_stays_undated():
    """'Luật này … thông qua ngày …' quoted in a resolution dates the law, not the resolution."""
    lines = [*SPEAKERS[-1][0][:-1], "Luật này được Quốc hội thông qua ngày 22 tháng 11 năm 2019."]
    (doc,) = parse_text("\n".join(lines), "a.txt").documents
    assert doc.date is None


# The mergers of 1 July 2025: a text's place is the province of the day. (the header's lines, the
# place and date, the text's opening line) -> (its jurisdiction, the jurisdiction of what it cites)
MERGERS = [
    # a ward named after a former province, after it: the successor's
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG HÀ GIANG 1"], "Hà Giang, ngày 05 tháng 9 năm 2025", "", "Tuyên Quang", None),
    # ... before it: the province's own
    (["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"], "Hà Giang, ngày 05 tháng 5 năm 2025", "", "Hà Giang", None),
    # a former district's text of its time is of its province then, not of the citing text's
    (
        ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG ỦY XÃ TUY PHONG"],
        "Tuy Phong, ngày 10 tháng 9 năm 2025",
        "Trên cơ sở Chương trình số 21-CTr/HU, ngày 10/3/2025 của Ban Thường vụ Huyện ủy Tuy Phong"
        " (trước sắp xếp), Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch như sau:",
        "Lâm Đồng",
        "Bình Thuận",
    ),
    # a former province the text names as such places what it cites, and the text in its successor
    (
        ["ĐẢNG ỦY XÃ MAI CHÂU"],
        "Mai Châu, ngày 10 tháng 9 năm 2025",
        "Trên cơ sở Chương trình số 21-CTr/HU, ngày 10/3/2025 của Ban Thường vụ Huyện ủy Mai Châu"
        " (trước sắp xếp), tỉnh Hòa Bình (cũ), Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch như sau:",
        "Phú Thọ",
        "Hòa Bình",
    ),
]


@pytest.mark.parametrize(("top", "place_date", "opening", "jurisdiction", "cited"), MERGERS, ids=str)
def test_a_place_is_of_the_province_of_its_day(top, place_date, opening, jurisdiction, cited):
    text = "\n".join(
        [*top, "Số 07-KH/ĐU", place_date, "", "KẾ HOẠCH", "thực hiện chuyển đổi số năm 2025", "", opening]
    )
    rec = parse_text(text, "a.txt")
    (doc,) = rec.documents
    assert doc.jurisdiction == jurisdiction
    assert [c.jurisdiction for c in rec.citations if c.symbol == "21-CTr/HU"] == ([cited] if cited else [])


@pytest.mark.parametrize("example", signals_table()["body"]["proper_named_examples"], ids=lambda e: e["line"])
def test_a_bodys_own_name_read_from_capitals_gets_its_capitals_back(example):
    """signals.toml [body] proper_named: a school's name after its kind is a person's or a place's."""
    from vbgraph.loaders.identify import _named_body

    assert _named_body(example["line"]).name == example["name"]


@pytest.mark.parametrize(
    ("top", "symbol", "place", "authority", "issuer", "jurisdiction"),
    [
        (  # a unit of the army's command: its commander issues, the office first
            ["UBND TỈNH KON TUM", "BỘ CHỈ HUY QUÂN SỰ TỈNH"],
            "Số: 315/QĐ-BCH",
            "Kon Tum",
            "CHỈ HUY TRƯỞNG BỘ CHỈ HUY QUÂN SỰ TỈNH KON TUM",
            "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Kon Tum",
            "Kon Tum",
        ),
        (
            ["UBND HUYỆN ĐỨC CƠ", "BAN CHỈ HUY QUÂN SỰ HUYỆN"],
            "Số: 45/QĐ-BCH",
            "Đức Cơ",
            "CHỈ HUY TRƯỞNG BAN CHỈ HUY QUÂN SỰ HUYỆN ĐỨC CƠ",
            "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Đức Cơ",
            "Gia Lai",
        ),
        (  # a school of a provincial Party committee: local, though TCT is also a central code
            ["TỈNH ỦY NAM ĐỊNH", "TRƯỜNG CHÍNH TRỊ TRƯỜNG CHINH", "*"],
            "Số 145-QĐ/TCT",
            "Nam Định",
            "HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TRƯỜNG CHINH",
            "Hiệu trưởng Trường Chính trị Trường Chinh tỉnh Nam Định",
            "Nam Định",
        ),
        (
            ["TỈNH ỦY THỪA THIÊN HUẾ", "TRƯỜNG CHÍNH TRỊ NGUYỄN CHÍ THANH", "*"],
            "Số 58-QĐ/TCT",
            "Huế",
            "",
            "Trường Chính trị Nguyễn Chí Thanh Tỉnh ủy Thừa Thiên Huế",
            "Thừa Thiên Huế",
        ),
        (  # a province's police Party committee under its organisation: local, though ĐUCA is also
            # the code of the centre's (Đảng ủy Công an Trung ương)
            ["ĐẢNG BỘ TỈNH BÌNH DƯƠNG", "ĐẢNG ỦY CÔNG AN TỈNH", "*"],
            "Số 12-QĐ/ĐUCA",
            "Bình Dương",
            "",
            "Đảng ủy Công an tỉnh Bình Dương",
            "Bình Dương",
        ),
        (
            ["ĐẢNG BỘ HUYỆN NGHI LỘC", "ĐẢNG ỦY CÔNG AN HUYỆN", "*"],
            "Số 05-QĐ/ĐUCA",
            "Nghi Lộc",
            "",
            "Đảng ủy Công an huyện Nghi Lộc",
            "Nghệ An",
        ),
        (  # the central body the code names, under its ministry
            ["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"],
            "Số: 1566/QĐ-TCT",
            "Hà Nội",
            "TỔNG CỤC TRƯỞNG TỔNG CỤC THUẾ",
            "Tổng cục trưởng Tổng cục Thuế",
            "Trung ương",
        ),
        (  # a unit under its ministry, naming no place of its own, whatever its code
            ["BỘ QUỐC PHÒNG", "HỌC VIỆN QUÂN Y"],
            "Số: 640/QĐ-HVQY",
            "Hà Nội",
            "GIÁM ĐỐC HỌC VIỆN QUÂN Y",
            "Giám đốc Học viện Quân y",
            "Trung ương",
        ),
        (  # … a school whose own name holds a province's
            ["BỘ Y TẾ", "TRƯỜNG ĐẠI HỌC Y DƯỢC HẢI PHÒNG"],
            "Số: 1120/QĐ-YDHP",
            "Hải Phòng",
            "HIỆU TRƯỞNG TRƯỜNG ĐẠI HỌC Y DƯỢC HẢI PHÒNG",
            "Hiệu trưởng Trường Đại học Y Dược Hải Phòng",
            "Trung ương",
        ),
        (  # a body named as the nation's, alone in its header: its place line is no jurisdiction
            ["HỌC VIỆN HÀNH CHÍNH QUỐC GIA"],
            "Số: 1450/QĐ-HVHCQG",
            "Hà Nội",
            "GIÁM ĐỐC HỌC VIỆN HÀNH CHÍNH QUỐC GIA",
            "Giám đốc Học viện Hành chính quốc gia",
            "Trung ương",
        ),
        (  # a province's school named after the province: local, its name whole
            ["UBND TỈNH HÀ TĨNH", "TRƯỜNG ĐẠI HỌC HÀ TĨNH"],
            "Số: 301/QĐ-ĐHHT",
            "Hà Tĩnh",
            "HIỆU TRƯỞNG TRƯỜNG ĐẠI HỌC HÀ TĨNH",
            "Hiệu trưởng Trường Đại học Hà Tĩnh",
            "Hà Tĩnh",
        ),
        (  # a unit under its ministry that names its province: the province's
            ["BỘ CÔNG AN", "CÔNG AN TỈNH QUẢNG BÌNH"],
            "Số: 512/QĐ-CAT",
            "Quảng Bình",
            "GIÁM ĐỐC CÔNG AN TỈNH QUẢNG BÌNH",
            "Giám đốc Công an tỉnh Quảng Bình",
            "Quảng Bình",
        ),
        # a branch of a body of the centre, in a place of its own, signs: the place's
        (
            ["BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN"],
            "Số: 1234/QĐ-BHXH",
            "Nghệ An",
            None,
            "Bảo hiểm xã hội tỉnh Nghệ An",
            "Nghệ An",
        ),
        (
            ["KHO BẠC NHÀ NƯỚC", "KHO BẠC NHÀ NƯỚC TỈNH THANH HÓA"],
            "Số: 210/QĐ-KBTH",
            "Thanh Hóa",
            None,
            "Kho bạc Nhà nước tỉnh Thanh Hóa",
            "Thanh Hóa",
        ),
        (
            ["NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "CHI NHÁNH TỈNH QUẢNG NINH"],
            "Số: 45/QĐ-QNI",
            "Quảng Ninh",
            None,
            "Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh",
            "Quảng Ninh",
        ),
        (  # … of its place's level, whatever unit's word its name holds
            ["LIÊN MINH HỢP TÁC XÃ VIỆT NAM", "LIÊN MINH HỢP TÁC XÃ TỈNH THÁI BÌNH"],
            "Số: 15/QĐ-LMHTX",
            "Thái Bình",
            None,
            "Liên minh Hợp tác xã tỉnh Thái Bình",
            "Thái Bình",
        ),
        (  # … of a province's branch: the district's
            ["BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH", "BẢO HIỂM XÃ HỘI HUYỆN CAN LỘC"],
            "Số: 56/QĐ-BHXH",
            "Can Lộc",
            None,
            "Bảo hiểm xã hội huyện Can Lộc",
            "Hà Tĩnh",
        ),
        (
            ["TỔNG CỤC THUẾ", "CỤC THUẾ TỈNH BẮC NINH"],
            "Số: 789/QĐ-CTBNI",
            "Bắc Ninh",
            None,
            "Cục Thuế tỉnh Bắc Ninh",
            "Bắc Ninh",
        ),
        (  # the body of the centre alone: the centre's
            ["BẢO HIỂM XÃ HỘI VIỆT NAM"],
            "Số: 595/QĐ-BHXH",
            "Hà Nội",
            None,
            "Bảo hiểm xã hội Việt Nam",
            "Trung ương",
        ),
        # a body of the centre named with the place it stands in keeps it in its name
        (
            ["BỘ Y TẾ", "BỆNH VIỆN TRUNG ƯƠNG THÁI NGUYÊN"],
            "Số: 120/QĐ-BVTWTN",
            "Thái Nguyên",
            "GIÁM ĐỐC BỆNH VIỆN TRUNG ƯƠNG THÁI NGUYÊN",
            "Giám đốc Bệnh viện Trung ương Thái Nguyên",
            "Trung ương",
        ),
        (
            ["BỆNH VIỆN TRUNG ƯƠNG HUẾ"],
            "Số: 77/QĐ-BVH",
            "Huế",
            None,
            "Bệnh viện Trung ương Huế",
            "Trung ương",
        ),
        (  # … 'Trung ương' after its kind's words, spelt as a name spells it
            ["BỆNH VIỆN ĐA KHOA TRUNG ƯƠNG CẦN THƠ"],
            "Số: 12/QĐ-BVĐKTWCT",
            "Cần Thơ",
            None,
            "Bệnh viện Đa khoa Trung ương Cần Thơ",
            "Trung ương",
        ),
        (  # a kind only the centre has, alone in its header
            ["HỌC VIỆN CHÍNH TRỊ KHU VỰC III"],
            "Số: 300/QĐ-HVCTKVIII",
            "Đà Nẵng",
            None,
            "Học viện Chính trị khu vực III",
            "Trung ương",
        ),
        (  # a province's hospital stays the province's
            ["SỞ Y TẾ TỈNH NGHỆ AN", "BỆNH VIỆN ĐA KHOA TỈNH NGHỆ AN"],
            "Số: 88/QĐ-BVĐK",
            "Nghệ An",
            None,
            "Bệnh viện Đa khoa tỉnh Nghệ An",
            "Nghệ An",
        ),
    ],
)
def test_an_office_holder_or_a_unit_issues_at_the_level_its_header_says(
    top, symbol, place, authority, issuer, jurisdiction
):
    """'CHỈ HUY TRƯỞNG BỘ CHỈ HUY QUÂN SỰ TỈNH KON TUM' is the office and its body ('Chủ tịch UBND
    tỉnh …' as the keys write it); a body under 'TỈNH ỦY NAM ĐỊNH' is of the province, one under a
    ministry ('BỘ QUỐC PHÒNG' / 'HỌC VIỆN QUÂN Y') of the centre."""
    text = "\n".join(
        [
            *top,
            symbol,
            f"{place}, ngày 10 tháng 4 năm 2024",
            "QUYẾT ĐỊNH",
            "Về việc giao chỉ tiêu năm 2025",
            *([authority] if authority else []),
            "Căn cứ Quyết định số 150/QĐ-UBND ngày 01/3/2024;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Giao chỉ tiêu năm 2025.",
        ]
    )
    (doc,) = parse_text(text, "k.txt").documents
    assert (doc.issuer, doc.jurisdiction) == (issuer, jurisdiction)


@pytest.mark.parametrize(
    ("top", "authority", "issuer"),
    [
        (
            ["TỈNH ỦY THANH HÓA", "TRƯỜNG CHÍNH TRỊ"],
            "GIÁM ĐỐC TRƯỜNG CHÍNH TRỊ TỈNH QUYẾT ĐỊNH",
            "Giám đốc Trường Chính trị tỉnh Thanh Hóa",
        ),
        (["HUYỆN ỦY QUẢNG XƯƠNG"], "BAN THƯỜNG VỤ HUYỆN ỦY QUYẾT ĐỊNH", "Ban Thường vụ Huyện ủy Quảng Xương"),
    ],
)
def test_a_party_enacting_line_after_the_preamble_is_its_own_and_names_the_issuer(top, authority, issuer):
    """'- Căn cứ Kế hoạch … năm 2024,' / 'GIÁM ĐỐC TRƯỜNG CHÍNH TRỊ TỈNH QUYẾT ĐỊNH' / 'Điều 1. …': the
    authority issues, as it would above the preamble; the plan's subject ends before it."""
    text = "\n".join(
        [
            *top,
            "*",
            "Số 77-QĐ/TCT" if len(top) > 1 else "Số 77-QĐ/HU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Thanh Hóa, ngày 20 tháng 5 năm 2024",
            "QUYẾT ĐỊNH",
            "về việc cử cán bộ đi thực tế",
            "- Căn cứ Kế hoạch số 40-KH/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy về đào tạo cán bộ năm 2024,",
            authority,
            "Điều 1. Cử 05 cán bộ đi nghiên cứu thực tế.",
            "Điều 2. Văn phòng thi hành Quyết định này.",
        ]
    )
    rec = parse_text(text, "k.txt")
    assert [d.issuer for d in rec.documents] == [issuer]
    assert [c.title for c in rec.citations if c.symbol == "40-KH/TU"] == ["về đào tạo cán bộ năm 2024"]


@pytest.mark.parametrize(("written", "read"), list(signals_table()["body"]["shortened_examples"].items()))
def test_an_organisation_line_spells_out_the_heads_it_shortens(written, read):
    assert spelt_out(written) == read


@pytest.mark.parametrize(
    "second",
    [
        "BCS ĐẢNG UBND TỈNH\tCà Mau, ngày 14 tháng 02 năm 2024",
        "BCS ĐẢNG UBND TỈNH           Cà Mau, ngày 14 tháng 02 năm 2024",
    ],
)
def test_an_organisation_line_run_into_the_place_and_date_beside_it_is_still_the_issuer(second):
    text = "\n".join(
        [
            "ĐẢNG BỘ TỈNH CÀ MAU          ĐẢNG CỘNG SẢN VIỆT NAM",
            second,
            "*",
            "Số 35-TTr/BCSĐ",
            "",
            "TỜ TRÌNH",
            "Về việc ban hành Nghị quyết",
            "",
            "Nội dung.",
        ]
    )
    (doc,) = parse_text(text, "a.txt").documents
    assert (doc.issuer, doc.jurisdiction, doc.date) == (
        "Ban cán sự đảng Ủy ban nhân dân tỉnh Cà Mau",
        "Cà Mau",
        "2024-02-14",
    )


def test_a_districts_cited_text_stays_in_the_citing_province_when_no_merger_joins_them():
    """A district the gazetteer puts in another province than the text's, with no merger between
    the two: the text's own place decides (its chain of plans stays in one province)."""
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN VIỆT YÊN",
            "Số: 2/KH-UBND",
            "Lào Cai, ngày 01 tháng 09 năm 2019",
            "",
            "KẾ HOẠCH",
            "thực hiện chuyển đổi số năm 2019",
            "",
            "Thực hiện Chương trình số 21-CTr/HU, ngày 29/07/2019 của Ban Thường vụ Huyện ủy về chuyển đổi số,"
            " Ủy ban nhân dân huyện ban hành Kế hoạch như sau:",
        ]
    )
    rec = parse_text(text, "a.txt")
    (doc,) = rec.documents
    assert [c.jurisdiction for c in rec.citations if c.symbol == "21-CTr/HU"] == [doc.jurisdiction]
