"""Small realistic texts for tests: a header block, a body, a signature."""

from __future__ import annotations


def party_doc(
    *,
    number: str | None = "12",
    code: str = "NQ",
    heading: str = "NGHỊ QUYẾT",
    of: str = "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
    date: str = "ngày 08 tháng 6 năm 2021",
    subject: str = "về phát triển du lịch",
    body: str = "I- QUAN ĐIỂM, MỤC TIÊU\n\n1. Phát triển du lịch bền vững.",
    preamble: str = "",
    signed_for: str = "BAN THƯỜNG VỤ",
    province: str = "BẮC GIANG",
    place: str = "Bắc Giang",
) -> str:
    header = f"TỈNH ỦY {province}\n\n*\n\n"
    if number:
        header += f"Số {number}-{code}/TU\n\n"
    header += f"ĐẢNG CỘNG SẢN VIỆT NAM\n\n{place}, {date}\n\n{heading}\n{of}\n{subject}\n\n"
    if preamble:
        header += preamble + "\n\n"
    sig = (
        "\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng,\n- Lưu Văn phòng Tỉnh ủy.\n\n"
        f"T/M {signed_for}\nBÍ THƯ\n\n(đã ký)\n\nNguyễn Văn An\n"
    )
    return header + body + sig
