"""Obligations: sections, tables as they really are, deadlines, bodies, fulfilment."""

from __future__ import annotations

from unittest.mock import ANY

import pytest

from vbgraph.graph.store import build_graph
from vbgraph.graph.tasks import implementing_fulfilment
from vbgraph.loaders.bodies import canonical_name, parse_subject, split_bodies
from vbgraph.loaders.deadlines import cell_deadlines, find_deadlines, find_recurrence
from vbgraph.loaders.normalize import strip_markup
from vbgraph.loaders.obligations import implementing_section, produces
from vbgraph.loaders.parse import parse_text
from vbgraph.loaders.records import Assignment, Evidence, ObligationRecord
from vbgraph.ontology import tables
from vbgraph.queries.obligations import plan

from factories import party_doc


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Quý II/2021", [("2021-04-01", "2021-06-30")]),
        ("Tháng 9/2021", [("2021-09-01", "2021-09-30")]),
        ("Cuối quý IV/2021", [("2021-10-01", "2021-12-31")]),
        ("xây dựng kế hoạch thực hiện (xong trong tháng 7/2021)", [("2021-07-01", "2021-07-31")]),
        ("báo cáo trước ngày 30/11/2020", [(None, "2020-11-30")]),
        ("hoàn thành trong năm 2021", [("2021-01-01", "2021-12-31")]),
        ("xong trong tháng 9 năm 2021", [("2021-09-01", "2021-09-30")]),
        (
            "sơ kết vào Quý II/2023 và tổng kết vào Quý II/2025",
            [("2023-04-01", "2023-06-30"), ("2025-04-01", "2025-06-30")],
        ),
        ("giai đoạn 2021-2025", []),
        ("trước ngày 31/2/2021", []),
        ("hoàn thành trước 30/6/2024", [(None, "2024-06-30")]),  # no "ngày"
        ("hoàn thành trong nửa đầu năm 2025", [("2025-01-01", "2025-06-30")]),  # a half year
        ("hoàn thành trong nửa cuối năm 2025", [("2025-07-01", "2025-12-31")]),
        ("báo cáo kết quả nửa đầu năm 2025", []),  # the period a report is about
        ("hoàn thành trước 31-12-2025", [(None, "2025-12-31")]),
        ("trước ngày 31.12.2025", [(None, "2025-12-31")]),
        ("xong trước ngày 30 tháng 6 năm 2024", [(None, "2024-06-30")]),
        ("hoàn thành trong 6 tháng đầu năm 2024", [("2024-01-01", "2024-06-30")]),
        ("trong 6 tháng cuối năm 2024", [("2024-07-01", "2024-12-31")]),
        ("báo cáo kết quả 6 tháng đầu năm 2024", []),  # a report's period, no lead word
        ("ngày 30 tháng 6 năm 2024", []),  # a date of issue
        ("trước ngày 30/6-2024", []),  # two separators
        ("thời gian hoàn thành: năm 2024", [("2024-01-01", "2024-12-31")]),  # a lead word and a colon
        ("Thời hạn hoàn thành: trước ngày 15/5/2024", [(None, "2024-05-15")]),
        ("treo băng rôn từ ngày 01/5/2023 đến hết ngày 20/5/2023", [("2023-05-01", "2023-05-20")]),
        ("từ 01/5/2023 - 20/5/2023", [("2023-05-01", "2023-05-20")]),
        # an hour before the day, as a telegram sets it
        ("hoàn thành trước 17 giờ ngày 21 tháng 9 năm 2025", [(None, "2025-09-21")]),
        ("báo cáo trước 17h00 ngày 21/9/2025", [(None, "2025-09-21")]),
        ("trước 10 giờ 30 phút, ngày 22/9/2025", [(None, "2025-09-22")]),
        # months, both ends
        ("thời gian thực hiện từ tháng 10 đến tháng 12/2023", [("2023-10-01", "2023-12-31")]),
        ("từ tháng 11/2023 đến hết tháng 02/2024", [("2023-11-01", "2024-02-29")]),
        ("từ tháng 11 đến tháng 2/2024", [("2023-11-01", "2024-02-29")]),
        # quarters and months listed or joined: from the first to the last
        ("hoàn thành trong quý III, IV/2025", [("2025-07-01", "2025-12-31")]),
        ("Quý III - IV/2025", [("2025-07-01", "2025-12-31")]),
        ("trong quý III và quý IV/2025", [("2025-07-01", "2025-12-31")]),
        ("trong quý I, II và III năm 2025", [("2025-01-01", "2025-09-30")]),
        ("hoàn thành trong tháng 9, 10/2025", [("2025-09-01", "2025-10-31")]),
        ("xong trong tháng 9 và tháng 10/2025", [("2025-09-01", "2025-10-31")]),
        ("trong tháng 12, 01/2026", [("2025-12-01", "2026-01-31")]),
        ("trong tháng 9 - 2025", [("2025-09-01", "2025-09-30")]),  # one month, its year after a dash
        ("chậm nhất là ngày 15 tháng 10 năm 2025", [(None, "2025-10-15")]),
        # years: a period after a lead word, or from one year to another
        ("thực hiện trong giai đoạn 2026-2030", [("2026-01-01", "2030-12-31")]),
        ("thời gian thực hiện: 2026 - 2030", [("2026-01-01", "2030-12-31")]),
        ("từ năm 2026 đến năm 2030", [("2026-01-01", "2030-12-31")]),
        ("trong giai đoạn 2030-2026", []),
        ("hoàn thành trong năm học 2025-2026", [(None, None)]),  # a school year: its words only
        # the period a report is about, with no lead word, is no time to be done by
        ("báo cáo kết quả thực hiện quý III/2025 trước ngày 10/11/2025", [(None, "2025-11-10")]),
        ("báo cáo kết quả 6 tháng cuối năm 2024", []),
        ("báo cáo trong quý III/2025", [("2025-07-01", "2025-09-30")]),  # a lead word: a time
        # a time counted from a day the text names ends that many days or months after it
        ("hoàn thành thu thập dữ liệu trong thời hạn 30 ngày kể từ ngày 15/6/2024", [(None, "2024-07-15")]),
        ("gửi hồ sơ trong vòng 20 ngày, kể từ ngày 20/12/2024", [(None, "2025-01-09")]),
        ("chậm nhất 05 ngày kể từ ngày 28/02/2024", [(None, "2024-03-04")]),
        ("hoàn thành trong thời hạn 03 tháng kể từ ngày 31/8/2025", [(None, "2025-11-30")]),
        ("trong 15 ngày làm việc kể từ ngày 01/7/2025", []),  # working days: no calendar fixes them
    ],
)
def test_deadline_forms(text, ends):
    assert [(d.start, d.end) for d in find_deadlines(text)] == ends


@pytest.mark.parametrize("example", tables.load("obligations.toml")["deadline"]["reported_examples"])
def test_the_period_a_report_is_about_is_no_deadline(example):
    assert find_deadlines(example) == []


@pytest.mark.parametrize(
    ("cell", "span"),
    [
        ("6 tháng đầu năm 2026", ("2026-01-01", "2026-06-30")),
        ("6 tháng cuối năm 2025", ("2025-07-01", "2025-12-31")),  # the half, not the whole year
        ("01/10/2025", (None, "2025-10-01")),
        ("Ngày 15 tháng 10 năm 2025", (None, "2025-10-15")),
        ("Quý III - IV/2025", ("2025-07-01", "2025-12-31")),
        ("Tháng 9, 10/2025", ("2025-09-01", "2025-10-31")),
        ("2026-2030", ("2026-01-01", "2030-12-31")),
        ("Giai đoạn 2026 - 2030", ("2026-01-01", "2030-12-31")),
        ("Năm học 2025-2026", (None, None)),
        ("2025", ("2025-01-01", "2025-12-31")),
        ("Hoàn thành trước ngày 30/6/2025", (None, "2025-06-30")),
    ],
)
def test_a_time_column_needs_no_lead_word(cell, span):
    """The column's heading ('Thời gian hoàn thành') is the lead word its cells leave out."""
    assert [(d.start, d.end) for d in cell_deadlines(cell)] == [span]


@pytest.mark.parametrize("example", tables.load("obligations.toml")["deadline"]["examples"])
def test_every_deadline_example_is_read(example):
    assert find_deadlines(example), example


@pytest.mark.parametrize(
    ("text", "rec"),
    [
        ("hằng năm báo cáo", "hằng năm"),
        ("định kỳ 6 tháng", "định kỳ 6 tháng"),
        ("báo cáo hàng quý", "hàng quý"),
        ("báo cáo kết quả", None),
    ],
)
def test_recurrence(text, rec):
    assert find_recurrence(text) == rec


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch",
            ["huyện ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"],
        ),
        ("Ủy ban MTTQ và các đoàn thể tỉnh xây dựng kế hoạch", ["Ủy ban MTTQ tỉnh", "đoàn thể tỉnh"]),
        (
            "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông chỉ đạo Báo Bắc Giang",
            ["Ban Tuyên giáo Tỉnh ủy"],
        ),
        ("Các cơ quan tham mưu, giúp việc Tỉnh ủy quán triệt", ["cơ quan tham mưu, giúp việc Tỉnh ủy"]),
        (
            "Đảng đoàn Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội tỉnh căn cứ chức năng",
            ["Đảng đoàn Ủy ban Mặt trận Tổ quốc tỉnh", "tổ chức chính trị - xã hội tỉnh"],
        ),
        ("Tăng cường định hướng các cơ quan thông tin", []),
        (  # "các tổ chức" are organisations, not "to organise"
            "Giám đốc Sở Tài chính và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
            ["Giám đốc Sở Tài chính", "tổ chức có liên quan", "cá nhân có liên quan"],
        ),
        ("UBND các huyện tổ chức tuyên truyền", ["UBND huyện"]),
        (  # a unit named before "các" goes to each place listed after it
            "Trung tâm Y tế các huyện, thị xã, thành phố tham mưu UBND cùng cấp",
            ["Trung tâm Y tế huyện", "Trung tâm Y tế thị xã", "Trung tâm Y tế thành phố"],
        ),
        ("Đoàn kiểm tra báo cáo kết quả kiểm tra", ["Đoàn kiểm tra"]),  # a body, not "to inspect"
        ("Tổ công tác tổng hợp ý kiến", ["Tổ công tác"]),
        # a verb the tables do not list ends a name that a committee or the vocabulary closes
        ("Ủy ban Kiểm tra Thành ủy thẩm tra, xác minh nhân sự", ["Ủy ban Kiểm tra Thành ủy"]),
        ("Ban Tổ chức Thị ủy treo băng rôn, khẩu hiệu", ["Ban Tổ chức Thị ủy"]),
        ("Tiểu ban Văn kiện chủ trì xây dựng dự thảo Báo cáo chính trị", ["Tiểu ban Văn kiện"]),
        ("Tổ chức treo băng rôn, khẩu hiệu", []),  # the verb, no body
        ("Ủy ban nhân dân thị trấn phát động phong trào thi đua", ["Ủy ban nhân dân thị trấn"]),
        ("Phòng Tham mưu Công an tỉnh là cơ quan thường trực", ["Phòng Tham mưu Công an tỉnh"]),
        # the units of the mass organisations
        ("Các cơ sở Đoàn xây dựng chương trình hoạt động", ["cơ sở Đoàn"]),
        ("Chi đoàn các thôn tổ chức ra quân", ["Chi đoàn thôn"]),
        ("Cơ sở Hội các xã, thị trấn báo cáo kết quả", ["Cơ sở Hội xã", "Cơ sở Hội thị trấn"]),
        (
            "Công đoàn cơ sở các trường học tổ chức cho đoàn viên đăng ký thi đua",
            ["Công đoàn cơ sở các trường học"],
        ),
        ("Nhà Thiếu nhi tỉnh tổ chức các hoạt động", ["Nhà Thiếu nhi tỉnh"]),
        # a part singled out ('nhất là …') is no other body; an election's committee keeps its name
        ("Chính quyền địa phương, nhất là cấp cơ sở phải quản lý chặt", ["Chính quyền địa phương"]),
        ("Ủy ban bầu cử tỉnh có phương án, kịch bản", ["Ủy ban bầu cử tỉnh"]),
        # a unit's word then a verb in lower case ends the name
        ("Công an huyện thu gom vỏ bao bì", ["Công an huyện"]),
        ("Trung tâm Dịch vụ nông nghiệp huyện pha chế hóa chất", ["Trung tâm Dịch vụ nông nghiệp huyện"]),
        ("UBND các xã, thị trấn niêm yết công khai", ["UBND xã", "UBND thị trấn"]),
        ("Văn phòng Tỉnh ủy chuyển đổi số hồ sơ đảng viên", ["Văn phòng Tỉnh ủy"]),  # a committee's word too
        ("Tỉnh ủy viên phụ trách địa bàn chỉ đạo", ["Tỉnh ủy viên phụ trách địa bàn"]),
        # but a committee word, a list or 'xã hội' goes on
        ("Ban Tuyên giáo huyện ủy xây dựng chuyên mục", ["Ban Tuyên giáo huyện ủy"]),
        ("Bảo hiểm xã hội huyện chi trả chế độ", ["Bảo hiểm xã hội huyện"]),
        # a committee shared with the units listed after it
        (
            "Ban Thường vụ các đảng ủy xã, phường, đặc khu tổ chức quán triệt",
            ["Ban Thường vụ đảng ủy xã", "Ban Thường vụ đảng ủy phường", "Ban Thường vụ đảng ủy đặc khu"],
        ),
        # a name of the tables with 'các' in it is one body
        (
            "Ủy ban Kiểm tra Đảng ủy các cơ quan Đảng tỉnh chủ trì",
            ["Ủy ban Kiểm tra Đảng ủy các cơ quan Đảng tỉnh"],
        ),
        # units' names listed after them, with a colon or without
        (
            "Ủy ban nhân dân các huyện Bình Đại, Ba Tri chủ trì",
            ["Ủy ban nhân dân huyện Bình Đại", "Ủy ban nhân dân huyện Ba Tri"],
        ),
        ("UBND các huyện: Bình Đại, Ba Tri chủ trì", ["UBND huyện Bình Đại", "UBND huyện Ba Tri"]),
        # an organ's names listed after a colon: 'Xây dựng' is a department's
        (
            "Giám đốc các Sở: Nội vụ, Xây dựng, Khoa học và Công nghệ chịu trách nhiệm thi hành",
            ["Giám đốc Sở Nội vụ", "Giám đốc Sở Xây dựng", "Giám đốc Sở Khoa học và Công nghệ"],
        ),
        # a commune, ward or special zone a province addresses directly (since 2025); 'xã hội' is none
        ("Đặc khu Phú Quý tổ chức chương trình nghệ thuật", ["Đặc khu Phú Quý"]),
        ("Xã Đạ Huoai tổ chức chương trình nghệ thuật", ["Xã Đạ Huoai"]),
        ("Phường 7 tổ chức ra quân", ["Phường 7"]),
        ("Xã hội hóa nguồn lực đầu tư", []),
        # the Party-building boards, named by their field; a name written with a dash or a comma
        ("Các ban xây dựng Đảng Huyện ủy hướng dẫn, kiểm tra", ["ban xây dựng Đảng Huyện ủy"]),
        (
            "Trung tâm Văn hóa - Thông tin, Thể thao và Du lịch huyện tuyên truyền",
            ["Trung tâm Văn hóa - Thông tin, Thể thao và Du lịch huyện"],
        ),
        (
            "Ủy ban nhân dân tỉnh và các sở, ngành xây dựng kế hoạch",
            ["Ủy ban nhân dân tỉnh", "sở", "ngành"],
        ),
        # kinds of school share 'trường' (and the office before it); 'trên địa bàn' only says where
        (
            "Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở trên địa bàn huyện triển khai",
            [
                "Hiệu trưởng trường mầm non trên địa bàn huyện",
                "Hiệu trưởng trường tiểu học trên địa bàn huyện",
                "Hiệu trưởng trường trung học cơ sở trên địa bàn huyện",
            ],
        ),
        ("Các trường tiểu học, trung học cơ sở triển khai", ["trường tiểu học", "trường trung học cơ sở"]),
        ("UBND các xã, thị trấn trên địa bàn huyện triển khai", ["UBND xã", "UBND thị trấn"]),
        ("Các cơ quan tài chính, thuế phối hợp", ["cơ quan tài chính", "cơ quan thuế"]),
        # a ministry's departments, institutes, enterprises, a school's and a hospital's units: by name
        ("Vụ Tổ chức cán bộ chủ trì, phối hợp", ["Vụ Tổ chức cán bộ"]),
        ("Khoa Dược rà soát danh mục thuốc", ["Khoa Dược"]),
        ("Khoa học và công nghệ là động lực", []),
        # what the units belong to is no modifier's word
        (
            "Các đảng ủy xã, thị trấn trực thuộc Huyện ủy tổ chức quán triệt",
            ["đảng ủy xã", "đảng ủy thị trấn trực thuộc Huyện ủy"],
        ),
        # a district's office beside a commune's body is no commune's
        (
            "Phòng Tài nguyên và Môi trường và Ủy ban nhân dân xã kiểm tra hiện trạng",
            ["Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân xã"],
        ),
        # persons of their own, not modifiers of the kind before them
        ("Các bộ phận, cá nhân được phân công căn cứ nội dung Kế hoạch tổ chức triển khai thực hiện", []),
        ("Tổ chức các hoạt động văn hóa", []),
        ("Giáo viên chủ nhiệm lớp 9 tổ chức họp cha mẹ học sinh", ["Giáo viên chủ nhiệm lớp 9"]),
        (
            "Thủ trưởng các Vụ, Cục, Tổng cục thuộc Bộ chịu trách nhiệm thi hành",
            ["Thủ trưởng Vụ", "Thủ trưởng Cục", "Thủ trưởng Tổng cục thuộc Bộ"],
        ),
        ("Giám đốc các đại học, học viện chịu trách nhiệm", ["Giám đốc đại học", "Giám đốc học viện"]),
        # the Youth Union's committees said short, the head shared by each
        (
            "Ban Thường vụ các huyện, thị, thành đoàn xây dựng kế hoạch",
            ["Ban Thường vụ huyện đoàn", "Ban Thường vụ thị đoàn", "Ban Thường vụ thành đoàn"],
        ),
        ("Khối dân vận các huyện, thị xã hướng dẫn", ["Khối dân vận huyện", "Khối dân vận thị xã"]),
        # offices inside a ministry, a department or a hospital, by the names the vocabulary gives them
        ("Phòng Tổ chức cán bộ rà soát nhân lực", ["Phòng Tổ chức cán bộ"]),
        ("Phòng Tài chính kế toán bố trí kinh phí", ["Phòng Tài chính kế toán"]),
        ("Cục Quản lý Khám, chữa bệnh chủ trì", ["Cục Quản lý Khám, chữa bệnh"]),
        ("Phòng Quản lý đào tạo lập kế hoạch giảng dạy", ["Phòng Quản lý đào tạo"]),  # a school's
        # a commune's Front and organisations, the place word shared as a province's is
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội xã tuyên truyền",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "đoàn thể chính trị - xã hội xã"],
        ),
        # a compound verb capitalised opens a name; nouns holding a predicate word are no predicate
        ("Văn phòng Điều phối nông thôn mới huyện tham mưu", ["Văn phòng Điều phối nông thôn mới huyện"]),
        (
            "Ban Điều hành Chương trình giảm nghèo huyện chỉ đạo",
            ["Ban Điều hành Chương trình giảm nghèo huyện"],
        ),
        (
            "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh hoàn thành thủ tục",
            ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"],
        ),
        ("Ủy ban nhân dân tỉnh điều hành ngân sách", ["Ủy ban nhân dân tỉnh"]),
        # 'trường hợp' (a case) is no school
        ("Trường hợp có khó khăn, vướng mắc, các sở, ngành báo cáo", []),
        ("Trường Chính trị tỉnh tổ chức bồi dưỡng", ["Trường Chính trị tỉnh"]),
        # 'tổng' before a predicate makes one predicate ('an overall review'); alone it is no predicate
        ("Các sở, ngành tổng rà soát văn bản", ["sở", "ngành"]),
        ("Các sở, ngành tổng kết việc thực hiện", ["sở", "ngành"]),
        ("Tổng giám đốc các tổng công ty thực hiện", ["Tổng giám đốc các tổng công ty"]),
        # words referring back to bodies named before are no part of their names
        (
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên khẩn trương rà soát",
            ["Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch Ủy ban nhân dân thành phố"],
        ),
        ("Các địa phương nói trên tổ chức cấp nước", ["địa phương"]),
        # a unit named after another's organ shares it; a commune has no Sở
        (
            "Ủy ban nhân dân xã Phú Quý, xã Tuy Phong, đặc khu Phú Quý bổ sung số liệu",
            ["Ủy ban nhân dân xã Phú Quý", "Ủy ban nhân dân xã Tuy Phong", "Ủy ban nhân dân đặc khu Phú Quý"],
        ),
        ("Sở Y tế tỉnh Lâm Đồng, xã Phú Quý kiểm tra", ["Sở Y tế tỉnh Lâm Đồng", "xã Phú Quý"]),
        # after a body the tables know, one named by a proper name they lack; a person is none
        (
            "Công an tỉnh, Hạt Kiểm lâm Bảo Lộc, Trạm Cứu hộ Phú Quý kiểm tra",
            ["Công an tỉnh", "Hạt Kiểm lâm Bảo Lộc", "Trạm Cứu hộ Phú Quý"],
        ),
        ("Công an tỉnh, Tổng đài Cứu nạn quốc gia kiểm tra", ["Công an tỉnh", "Tổng đài Cứu nạn quốc gia"]),
        ("Sở Y tế, Trần Văn Nam kiểm tra", []),
        ("Tổng đài Cứu nạn quốc gia, Công an tỉnh kiểm tra", []),
        # an abbreviation is no person's name: the body is kept beside the known one
        ("Công an tỉnh, VNPT Nghệ An kiểm tra", ["Công an tỉnh", "VNPT Nghệ An"]),
        ("Sở Y tế, TRẦN VĂN NAM kiểm tra", []),
        # a bare place after one named with its unit's word is of that unit and shares its organ
        (
            "Chánh Văn phòng UBND tỉnh, Chủ tịch UBND các huyện, thành phố Đà Lạt, Bảo Lộc chịu trách nhiệm",
            [
                "Chánh Văn phòng UBND tỉnh",
                "Chủ tịch UBND huyện",
                "Chủ tịch UBND thành phố Đà Lạt",
                "Chủ tịch UBND thành phố Bảo Lộc",
            ],
        ),
        (
            "Chủ tịch UBND thành phố Đà Lạt và Bảo Lộc chịu trách nhiệm",
            ["Chủ tịch UBND thành phố Đà Lạt", "Chủ tịch UBND thành phố Bảo Lộc"],
        ),
        (
            "UBND huyện Đơn Dương, Lâm Hà và Đức Trọng thực hiện",
            ["UBND huyện Đơn Dương", "UBND huyện Lâm Hà", "UBND huyện Đức Trọng"],
        ),
        (
            "Ủy ban nhân dân tỉnh Đồng Nai, Bà Rịa - Vũng Tàu phối hợp",
            ["Ủy ban nhân dân tỉnh Đồng Nai", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"],
        ),
        ("UBND phường 5, 7 thực hiện", ["UBND phường 5", "UBND phường 7"]),
        # not a body's name going on in lower case, nor an abbreviation
        (
            "UBND tỉnh Lâm Đồng, Kho bạc Nhà nước tỉnh thực hiện",
            ["UBND tỉnh Lâm Đồng", "Kho bạc Nhà nước tỉnh"],
        ),
        ("UBND tỉnh Lâm Đồng, VNPT Lâm Đồng thực hiện", ["UBND tỉnh Lâm Đồng", "VNPT Lâm Đồng"]),
        # a person ('ông', 'bà' in lower case) takes no organ and is left out; 'Ông' before an office is dropped
        (
            "Chủ tịch UBND huyện Đơn Dương và ông Nguyễn Văn A chịu trách nhiệm",
            ["Chủ tịch UBND huyện Đơn Dương"],
        ),
        ("Giám đốc Sở Y tế, bà Trần Thị B chịu trách nhiệm", ["Giám đốc Sở Y tế"]),
        ("Giám đốc Sở Y tế và đồng chí Trần Thị B chịu trách nhiệm", ["Giám đốc Sở Y tế"]),
        (
            "Ông Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm",
            ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính"],
        ),
        # the Youth Union's shorthand shares its committee word; a central body before its task's colon
        (
            "Các huyện, thị, thành đoàn, đoàn trực thuộc xây dựng kế hoạch",
            ["huyện đoàn", "thị đoàn", "thành đoàn", "đoàn trực thuộc"],
        ),
        ("Huyện đoàn, thị đoàn, thành đoàn tổ chức quán triệt", ["Huyện đoàn", "thị đoàn", "thành đoàn"]),
        ("Thị đoàn Đông Triều tổ chức quán triệt", ["Thị đoàn Đông Triều"]),
        (
            "Trung ương Đoàn, Hội Liên hiệp Phụ nữ Việt Nam phối hợp",
            ["Trung ương Đoàn", "Hội Liên hiệp Phụ nữ Việt Nam"],
        ),
        ("Tổng cục Thuế: Hoàn thành việc sử dụng số định danh", ["Tổng cục Thuế"]),
        # a level closing a list is no ministry's nor another level's body's
        (
            "Các bộ, cơ quan trung ương, UBND cấp tỉnh có trách nhiệm hướng dẫn",
            ["bộ", "cơ quan trung ương", "UBND cấp tỉnh"],
        ),
        ("Bộ Y tế và Sở Y tế tỉnh kiểm tra", ["Bộ Y tế", "Sở Y tế tỉnh"]),
        ("Sở Tư pháp và Phòng Tư pháp huyện kiểm tra", ["Sở Tư pháp", "Phòng Tư pháp huyện"]),
        # a steering committee named by the work it steers, capitalised after its verb
        (
            "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã đôn đốc các thôn",
            ["Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã"],
        ),
        # a council's parts before its members share the council
        (
            "Thường trực HĐND huyện, các Tổ đại biểu và đại biểu HĐND huyện giám sát",
            ["Thường trực HĐND huyện", "Tổ đại biểu HĐND huyện", "đại biểu HĐND huyện"],
        ),
        (
            "Thường trực, các Ban và đại biểu Hội đồng nhân dân xã giám sát",
            ["Thường trực Hội đồng nhân dân xã", "Ban Hội đồng nhân dân xã", "đại biểu Hội đồng nhân dân xã"],
        ),
        (
            "Thường trực HĐND, các Ban HĐND, các Tổ đại biểu HĐND tỉnh giám sát",
            ["Thường trực HĐND tỉnh", "Ban HĐND tỉnh", "Tổ đại biểu HĐND tỉnh"],
        ),
        (
            "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân thành phố giám sát",
            ["Thường trực Hội đồng nhân dân thành phố", "Ban của Hội đồng nhân dân thành phố"],
        ),
        (
            "Ban Kinh tế - Ngân sách, Pháp chế HĐND tỉnh thẩm tra",
            ["Ban Kinh tế - Ngân sách HĐND tỉnh", "Ban Pháp chế HĐND tỉnh"],
        ),
        (
            "Thường trực HĐND, Văn phòng HĐND và UBND huyện tham mưu",
            ["Thường trực HĐND", "Văn phòng HĐND và UBND huyện"],
        ),
        # a Party committee closing a list of its boards and offices is each one's
        ("Ban Tuyên giáo, Dân vận Huyện ủy phối hợp", ["Ban Tuyên giáo Huyện ủy", "Ban Dân vận Huyện ủy"]),
        ("Ban Tổ chức, Ban Tuyên giáo Tỉnh ủy hướng dẫn", ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"]),
        ("Văn phòng, Ban Tổ chức Thành ủy tham mưu", ["Văn phòng Thành ủy", "Ban Tổ chức Thành ủy"]),
        (
            "Ban Tổ chức, Tuyên giáo và Dân vận Đảng ủy xã phối hợp",
            ["Ban Tổ chức Đảng ủy xã", "Ban Tuyên giáo và Dân vận Đảng ủy xã"],
        ),
        (
            "Ủy ban Kiểm tra, Văn phòng Quận ủy theo dõi",
            ["Ủy ban Kiểm tra Quận ủy", "Văn phòng Quận ủy"],
        ),
        (
            "Ban Tổ chức, Ban Tuyên giáo Trung ương hướng dẫn",
            ["Ban Tổ chức Trung ương", "Ban Tuyên giáo Trung ương"],
        ),
        (
            "Ban Tổ chức, Ủy ban Kiểm tra Huyện ủy theo dõi",
            ["Ban Tổ chức Huyện ủy", "Ủy ban Kiểm tra Huyện ủy"],
        ),
        (
            "Ban Tuyên giáo, Dân vận Tỉnh ủy; Sở Văn hóa, Thể thao và Du lịch phối hợp",
            ["Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Sở Văn hóa, Thể thao và Du lịch"],
        ),
        # ... not a board of another owner, nor one the owner has no board of
        ("Ban Tuyên giáo và Dân vận Thị ủy chủ trì", ["Ban Tuyên giáo và Dân vận Thị ủy"]),
        ("Ban Dân tộc, Văn phòng UBND tỉnh theo dõi", ["Ban Dân tộc", "Văn phòng UBND tỉnh"]),
        ("Ban Dân tộc, Văn phòng HĐND tỉnh theo dõi", ["Ban Dân tộc", "Văn phòng HĐND tỉnh"]),
        ("Ban Dân tộc, Ban Pháp chế HĐND tỉnh thẩm tra", ["Ban Dân tộc HĐND tỉnh", "Ban Pháp chế HĐND tỉnh"]),
        ("Sở Nội vụ, Ban Tổ chức Tỉnh ủy hướng dẫn", ["Sở Nội vụ", "Ban Tổ chức Tỉnh ủy"]),
        ("Ban Chỉ đạo, Văn phòng UBND huyện theo dõi", ["Ban Chỉ đạo", "Văn phòng UBND huyện"]),
        # boards listed before the committees after 'các' are each committee's
        (
            "Ban Tuyên giáo, Dân vận các huyện ủy, thành ủy phối hợp với Ủy ban Mặt trận Tổ quốc cùng cấp",
            [
                "Ban Tuyên giáo huyện ủy",
                "Ban Tuyên giáo thành ủy",
                "Ban Dân vận huyện ủy",
                "Ban Dân vận thành ủy",
            ],
        ),
        (
            "Ban Tổ chức, Ủy ban Kiểm tra các huyện ủy, thị ủy theo dõi",
            [
                "Ban Tổ chức huyện ủy",
                "Ban Tổ chức thị ủy",
                "Ủy ban Kiểm tra huyện ủy",
                "Ủy ban Kiểm tra thị ủy",
            ],
        ),
        (
            "Ban Tuyên giáo, Ban Dân vận các đảng ủy xã, phường hướng dẫn",
            [
                "Ban Tuyên giáo đảng ủy xã",
                "Ban Tuyên giáo đảng ủy phường",
                "Ban Dân vận đảng ủy xã",
                "Ban Dân vận đảng ủy phường",
            ],
        ),
        ("Sở Nội vụ, Ban Tổ chức các huyện ủy hướng dẫn", ["Sở Nội vụ", "Ban Tổ chức huyện ủy"]),
        ("Các huyện ủy, thị ủy và UBND huyện triển khai", ["huyện ủy", "thị ủy", "UBND huyện"]),
        # a level after a kind that no body of it is goes to the last item only
        ("Các phòng, ban và UBND xã triển khai", ["phòng", "ban", "UBND xã"]),
        ("Các phòng, ban và UBND huyện triển khai", ["phòng huyện", "ban huyện", "UBND huyện"]),
        ("Các ban, ngành, đoàn thể xã triển khai", ["ban xã", "ngành xã", "đoàn thể xã"]),
        # a role goes to the bodies after it, not to another office holder
        ("Bí thư chi bộ, trưởng thôn chịu trách nhiệm", ["Bí thư chi bộ", "trưởng thôn"]),
        ("Bí thư chi bộ, thôn trưởng chịu trách nhiệm", ["Bí thư chi bộ", "thôn trưởng"]),
        ("Bí thư chi bộ, đảng bộ cơ sở chịu trách nhiệm", ["Bí thư chi bộ", "Bí thư đảng bộ cơ sở"]),
        (
            "Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm",
            ["Người đứng đầu cơ quan", "Người đứng đầu đơn vị"],
        ),
        # a level after kinds listed with 'bộ' or 'sở' is the last item's
        ("Các bộ, ngành và UBND tỉnh tổ chức thực hiện", ["bộ", "ngành", "UBND tỉnh"]),
        ("Các sở, ngành và UBND huyện triển khai", ["sở", "ngành", "UBND huyện"]),
        (
            "Các bộ, ngành trung ương, sở, ngành tỉnh triển khai",
            ["bộ", "ngành trung ương", "sở tỉnh", "ngành tỉnh"],
        ),
        # where places are is no part of their name
        ("Phòng Văn hóa và các xã, thị trấn trên địa bàn huyện tổ chức", ["Phòng Văn hóa", "xã", "thị trấn"]),
        ("UBND các phường, xã trên địa bàn thị xã triển khai", ["UBND phường", "UBND xã"]),
        # places of one level after a unit's organ closed by one each have that organ
        (
            "Chi hội Người cao tuổi thôn, tổ dân phố tổ chức",
            ["Chi hội Người cao tuổi thôn", "Chi hội Người cao tuổi tổ dân phố"],
        ),
        (
            "Chi đoàn thanh niên thôn, bản tổ chức ra quân",
            ["Chi đoàn thanh niên thôn", "Chi đoàn thanh niên bản"],
        ),
        ("Các chi bộ thôn, khối phối hợp", ["chi bộ thôn", "chi bộ khối"]),
        ("Hội Người cao tuổi xã, thị trấn tổ chức", ["Hội Người cao tuổi xã", "Hội Người cao tuổi thị trấn"]),
        ("UBND huyện, xã tổ chức", ["UBND huyện", "UBND xã"]),
        # the last unit of a list closes the name before a verb the tables lack
        ("Hội CCB các xã, thị trấn đăng ký xây dựng mô hình", ["Hội CCB xã", "Hội CCB thị trấn"]),
        (
            "Đảng uỷ xã, phường, thị trấn xác nhận phiếu nhận xét",
            ["Đảng uỷ xã", "Đảng uỷ phường", "Đảng uỷ thị trấn"],
        ),
        # a ministry's departments and institutes by their kind, named as names are ('các vụ' are cases)
        ("các Vụ, Cục liên quan rà soát văn bản", ["Vụ liên quan", "Cục liên quan"]),
        (
            "các Vụ, Cục, Viện có liên quan xây dựng đề án",
            ["Vụ có liên quan", "Cục có liên quan", "Viện có liên quan"],
        ),
        ("các Khoa, Phòng liên quan kiểm tra hồ sơ", ["Khoa liên quan", "Phòng liên quan"]),
        ("các vụ liên quan đến ma túy được xử lý nghiêm", []),
        ("các Viện nghiên cứu triển khai đề tài", []),
        # an item with no head of its own, in lower case after its capital, is part of the name before it
        ("Cục Thông tin, Thống kê hướng dẫn", ["Cục Thông tin, Thống kê"]),
        ("Cục Thông tin, Thống kê, Vụ Pháp chế hướng dẫn", ["Cục Thông tin, Thống kê", "Vụ Pháp chế"]),
        ("Sở Y tế, Nguyễn Văn An kiểm tra", []),  # a person's name
    ],
)
def test_subjects_and_coordinated_lists(text, names):
    assert parse_subject(text)[0] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the departments of a Sở Nội vụ, a Ban Tổ chức and a ministry: a capitalised unit's name goes
        # on after its comma or 'và' with words in lower case that open no body
        (
            "Phòng Tổ chức, biên chế và tổ chức phi chính phủ chủ trì",
            ["Phòng Tổ chức, biên chế và tổ chức phi chính phủ"],
        ),
        ("Phòng Công chức, viên chức tổ chức bồi dưỡng", ["Phòng Công chức, viên chức"]),
        (
            "Phòng Cải cách hành chính và văn thư, lưu trữ chủ trì",
            ["Phòng Cải cách hành chính và văn thư, lưu trữ"],
        ),
        (
            "Phòng Xây dựng chính quyền và công tác thanh niên chủ trì",
            ["Phòng Xây dựng chính quyền và công tác thanh niên"],
        ),
        ("Phòng Tổ chức đảng, đảng viên (Ban Tổ chức Tỉnh ủy) tổng hợp", ["Phòng Tổ chức đảng, đảng viên"]),
        (
            "Vụ Tổ chức đảng, đảng viên chủ trì, phối hợp với Cục Quản lý đảng viên",
            ["Vụ Tổ chức đảng, đảng viên"],
        ),
        ("Phòng Thi đua, khen thưởng tổng hợp danh sách", ["Phòng Thi đua, khen thưởng"]),
        # verbs coordinated in a name ('Đào tạo, bồi dưỡng'); the civil service's pair is one phrase
        (
            "Trường Đào tạo, bồi dưỡng cán bộ, công chức tổ chức lớp",
            ["Trường Đào tạo, bồi dưỡng cán bộ, công chức"],
        ),
        # central bodies of the tables named with a comma (2025)
        ("Ban Chính sách, chiến lược Trung ương chủ trì", ["Ban Chính sách, chiến lược Trung ương"]),
        (
            "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương chỉ đạo",
            ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương"],
        ),
        # district offices and centres the vocabulary names with a comma
        (
            "Trung tâm Văn hóa, Thể thao và Truyền thông huyện tuyên truyền",
            ["Trung tâm Văn hóa, Thể thao và Truyền thông huyện"],
        ),
        ("Phòng Văn hóa, Khoa học và Thông tin tham mưu", ["Phòng Văn hóa, Khoa học và Thông tin"]),
        # a kind, a head, 'các' or a name of the vocabulary after the comma is a body of its own
        ("Sở Y tế, cơ quan liên quan phối hợp", ["Sở Y tế", "cơ quan liên quan"]),
        ("Trung tâm Y tế, trạm y tế xã thực hiện", ["Trung tâm Y tế", "trạm y tế xã"]),
        ("UBND Tỉnh, các sở triển khai", ["UBND Tỉnh", "sở"]),
        ("Sở Nội vụ, tài chính chủ trì", ["Sở Nội vụ", "Sở tài chính"]),
        # a field of the vocabulary listed bare after an office named by its field shares the office
        ("Sở Nội vụ, Tài chính chủ trì", ["Sở Nội vụ", "Sở Tài chính"]),
        ("Sở Tài chính, Kế hoạch và Đầu tư tham mưu", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]),
        ("Sở Tư pháp, Công an phối hợp", ["Sở Tư pháp", "Công an"]),
        ("Sở Y tế và cơ quan liên quan phối hợp", ["Sở Y tế", "cơ quan liên quan"]),
        # a name with a figure is closed (a numbered school, a meeting of '6 tháng đầu năm')
        ("Trường THPT số 1, giáo viên chủ nhiệm thực hiện", ["Trường THPT số 1", "giáo viên chủ nhiệm"]),
        # words referring back close the list, no verb closing a unit's name (a Công điện's heading)
        (
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên:",
            ["Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch Ủy ban nhân dân thành phố"],
        ),
        ("Chủ tịch Ủy ban nhân dân các tỉnh nêu trên:", ["Chủ tịch Ủy ban nhân dân tỉnh"]),
        ("Ủy ban nhân dân các huyện nói trên:", ["Ủy ban nhân dân huyện"]),
        ("Công an các huyện, thành phố thu hồi giấy phép", ["Công an huyện", "Công an thành phố"]),
    ],
)
def test_a_unit_name_goes_on_after_its_comma_in_lower_case(text, names):
    assert parse_subject(text)[0] == names


@pytest.mark.parametrize(
    "example",
    tables.load("obligations.toml")["bodies"]["named_heads_examples"]
    + tables.load("obligations.toml")["bodies"]["heads_examples"],
)
def test_every_named_head_example_names_its_body(example):
    names, _ = parse_subject(example)
    assert len(names) == 1 and example.startswith(names[0]) and names[0][0].isupper(), names


@pytest.mark.parametrize(("text", "names"), tables.load("obligations.toml")["bodies"]["run_examples"])
def test_a_name_opened_by_a_capital_runs_on_in_lower_case_to_its_unit(text, names):
    assert parse_subject(text)[0] == names


def test_a_name_spelt_as_the_vocabulary_spells_it_is_not_read_as_one_folding_alike():
    assert canonical_name("Quân uỷ Trung ương") == "Quân ủy Trung ương"
    assert canonical_name("Quận uỷ Ba Đình") == "Quận ủy Ba Đình"


@pytest.mark.parametrize(
    "example", tables.load("obligations.toml")["lists"]["example"], ids=lambda e: e["text"]
)
def test_list_grammar_examples(example):
    """obligations.toml [lists]: shared heads, qualifiers and committee words, names kept whole."""
    assert split_bodies(example["text"]) == example["names"]


def test_canonical_names_expand_abbreviations_and_fix_typos():
    assert canonical_name("BAN CÁNSỰ ĐẢNG UBND TỈNH") == "Ban cán sự đảng Ủy ban nhân dân tỉnh"
    assert canonical_name("TRƯỞNG CHÍNH TRỊ TỈNH") == "Trường Chính trị tỉnh"
    assert canonical_name("Sở TT&TT") == "Sở Thông tin và Truyền thông"


@pytest.mark.parametrize(
    ("written", "read"),
    [  # a name in capitals takes the capitals of the names the tables spell within it
        ("BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", "Ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh"),
        ("HỘI NÔNG DÂN TỈNH NGHỆ AN", "Hội Nông dân tỉnh Nghệ An"),
        ("HỘI LIÊN HIỆP PHỤ NỮ HUYỆN", "Hội Liên hiệp Phụ nữ huyện"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ TĨNH", "Liên đoàn Lao động tỉnh Hà Tĩnh"),
        ("TRUNG TÂM Y TẾ HUYỆN", "Trung tâm y tế huyện"),  # no table spells it: as before
        # a district's offices and the mass organisations, as their names are shortened
        ("Phòng TN&MT", "Phòng Tài nguyên và Môi trường"),
        ("Phòng Nông nghiệp và PTNT", "Phòng Nông nghiệp và Phát triển nông thôn"),
        ("Phòng GD&ĐT", "Phòng Giáo dục và Đào tạo"),
        ("Phòng LĐ-TB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
        ("Phòng KT&HT", "Phòng Kinh tế và Hạ tầng"),
        ("Ban CHQS huyện", "Ban Chỉ huy Quân sự huyện"),
        ("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh"),
        ("Hội CCB huyện", "Hội Cựu chiến binh huyện"),
    ],
)
def test_a_name_in_capitals_is_spelt_as_the_tables_spell_its_parts(written, read):
    assert canonical_name(written) == read


SECTION = """III- TỔ CHỨC THỰC HIỆN

1. Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy quán triệt và xây dựng kế hoạch thực hiện Nghị quyết (xong trong tháng 7/2021). Các đồng chí Tỉnh ủy viên có trách nhiệm đôn đốc việc thực hiện.

2. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông chỉ đạo Báo Bắc Giang tuyên truyền.

3. Ban cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh xây dựng Kế hoạch thực hiện.

4. Ủy ban Kiểm tra Tỉnh ủy:

- Chủ trì, phối hợp với Văn phòng Tỉnh ủy và các cơ quan liên quan theo dõi việc thực hiện Nghị quyết. Hằng năm, tham mưu báo cáo kết quả; tham mưu giúp Tỉnh ủy sơ kết vào Quý II/2023 và tổng kết vào Quý II/2025."""


def assignments(text):
    rec = parse_text(text, "o.txt")
    return {(a.name, a.role) for o in rec.obligations for a in o.assignees}, rec


def test_implementing_section():
    got, rec = assignments(party_doc(body=SECTION))
    assert got == {
        ("huyện ủy", "thuc_hien"),
        ("thành ủy", "thuc_hien"),
        ("đảng ủy trực thuộc Tỉnh ủy", "thuc_hien"),
        ("Tỉnh ủy viên", "thuc_hien"),
        ("Ban Tuyên giáo Tỉnh ủy", "chu_tri"),
        ("Sở Thông tin và Truyền thông", "phoi_hop"),
        ("Ban cán sự đảng UBND tỉnh", "thuc_hien"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "chu_tri"),
        ("Văn phòng Tỉnh ủy", "phoi_hop"),
        ("cơ quan liên quan", "phoi_hop"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "thuc_hien"),
    }
    # objects of "chỉ đạo" are not assignees
    assert not any(a.name in ("Báo Bắc Giang", "UBND tỉnh") for o in rec.obligations for a in o.assignees)
    ends = sorted((o.deadline or {}).get("end") or "" for o in rec.obligations)
    assert {"2021-07-31", "2023-06-30", "2025-06-30"} <= set(ends)
    plans = [o for o in rec.obligations if (o.produces or {}).get("type") == "Kế hoạch"]
    assert plans


@pytest.mark.parametrize(
    ("heading", "kind"),
    [(h, "heading") for h in tables.load("obligations.toml")["section"]["examples"]]
    + [(h, "addressing") for h in tables.load("obligations.toml")["section"]["tasks_examples"]],
)
def test_the_headings_that_open_the_implementing_part(heading, kind):
    clean = ["", "I. MỤC ĐÍCH", strip_markup(heading), "1. Sở Y tế tuyên truyền."]
    assert implementing_section(clean, 1, 3) == (3, 3, kind)


@pytest.mark.parametrize("sentence", tables.load("obligations.toml")["appeal"]["conditions_examples"])
def test_a_request_on_a_condition_is_a_closing_no_task(sentence):
    rec = parse_text(
        party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính hướng dẫn thực hiện.\n\n{sentence}"),
        "c.txt",
    )
    assert [o.text for o in rec.obligations] == ["Sở Tài chính hướng dẫn thực hiện."]


@pytest.mark.parametrize(
    "task",
    [
        "Ủy ban nhân dân các xã, thị trấn rà soát hộ nghèo, nếu có phát sinh hộ nghèo mới thì lập danh sách "
        "báo cáo trước ngày 20/11/2024.",
        "Các huyện ủy, thành ủy xây dựng kế hoạch, hoàn thành trước ngày 30/4/2024; quá trình thực hiện, nếu có "
        "khó khăn, vướng mắc báo cáo về Ban Thường vụ Tỉnh ủy.",
    ],
)
def test_a_condition_inside_a_task_keeps_the_task(task):
    rec = parse_text(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {task}"), "c.txt")
    assert rec.obligations and all(o.deadline for o in rec.obligations[:1])


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        # a case ('trường hợp') is no school: the clause of a rule, or a closing as 'nếu có vướng mắc' is
        (
            "Trường hợp các văn bản dẫn chiếu tại Nghị quyết này được sửa đổi, bổ sung hoặc thay thế thì áp "
            "dụng theo văn bản sửa đổi, bổ sung hoặc thay thế đó.",
            set(),
        ),
        ("Trường hợp có khó khăn, vướng mắc, các sở, ngành kịp thời báo cáo Ủy ban nhân dân tỉnh.", set()),
        # every partner of the list, those the tables lack by name too
        (
            "Sở Y tế chủ trì, phối hợp với Công an tỉnh, Hạt Kiểm lâm Bảo Lộc, Tổng đài Cứu nạn quốc gia kiểm tra.",
            {
                ("Sở Y tế", "chu_tri"),
                ("Công an tỉnh", "phoi_hop"),
                ("Hạt Kiểm lâm Bảo Lộc", "phoi_hop"),
                ("Tổng đài Cứu nạn quốc gia", "phoi_hop"),
            },
        ),
        (
            "Ủy ban nhân dân xã Phú Quý, xã Tuy Phong bổ sung số liệu lao động.",
            {("Ủy ban nhân dân xã Phú Quý", "thuc_hien"), ("Ủy ban nhân dân xã Tuy Phong", "thuc_hien")},
        ),
        (
            "Trung tâm Dịch vụ tổng hợp xã kiểm tra hệ thống neo đậu.",
            {("Trung tâm Dịch vụ tổng hợp xã", "thuc_hien")},
        ),
        # places closed by what they are: each place is
        (
            "Các phường, xã có liên quan lập danh sách hộ dân, gửi trước ngày 20/8/2024.",
            {("phường có liên quan", "thuc_hien"), ("xã có liên quan", "thuc_hien")},
        ),
        (
            "Sở Xây dựng chủ trì, phối hợp với các phường, xã có liên quan kiểm tra công trình.",
            {
                ("Sở Xây dựng", "chu_tri"),
                ("phường có liên quan", "phoi_hop"),
                ("xã có liên quan", "phoi_hop"),
            },
        ),
        # a commune's workers and village heads are partners too
        (
            "Công chức Văn hóa - Xã hội xã chủ trì, phối hợp với Khuyến nông viên xã và Trưởng các ấp vận động "
            "nhân dân, xong trước ngày 15/6/2024.",
            {
                ("Công chức Văn hóa - Xã hội xã", "chu_tri"),
                ("Khuyến nông viên xã", "phoi_hop"),
                ("Trưởng ấp", "phoi_hop"),
            },
        ),
    ],
)
def test_who_a_point_of_the_implementing_part_assigns(point, expected):
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp theo dõi.\n\n2. {point}"))
    assert got - {("Sở Tư pháp", "thuc_hien")} == expected


@pytest.mark.parametrize("point", tables.load("obligations.toml")["appeal"]["statement_examples"])
def test_a_point_that_says_what_a_body_is_or_has_done_assigns_nothing(point):
    body = f"II. NHIỆM VỤ, GIẢI PHÁP\n\n1. {point}.\n\n2. Sở Y tế tuyên truyền về đề án."
    rec = parse_text(party_doc(heading="KẾ HOẠCH", code="KH", body=body), "o.txt")
    assert [a.name for o in rec.obligations for a in o.assignees] == ["Sở Y tế"]


def test_a_body_named_in_a_point_of_a_part_of_tasks_is_assigned_it():
    """Under 'II. NHIỆM VỤ CỤ THỂ' of a plan with no implementing section, each point a body opens
    is its task, with or without a time; everyone ('Các cấp ủy, tổ chức đảng …') is exhorted."""
    body = (
        "II. NHIỆM VỤ CỤ THỂ\n\n1. Các cấp ủy, tổ chức đảng tăng cường lãnh đạo công tác kiểm tra.\n\n"
        "2. Ủy ban Kiểm tra Huyện ủy giám sát việc thực hiện Kế hoạch, định kỳ 6 tháng báo cáo Ban Thường vụ.\n\n"
        "3. Chi bộ các thôn tổ chức quán triệt Kế hoạch đến đảng viên trong tháng 9/2024."
    )
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", body=body))
    assert got == {("Ủy ban Kiểm tra Huyện ủy", "thuc_hien"), ("Chi bộ thôn", "thuc_hien")}


@pytest.mark.parametrize("number", ["1.", "1-", "1–"])
def test_a_party_style_point_under_a_heading_in_capitals_is_its_own_paragraph(number):
    """'II- THỜI GIAN THỰC HIỆN' / '1- Đảng ủy các xã, phường tổ chức kiểm điểm trước ngày …': the
    point opens a paragraph as '1.' does, and its body is assigned the task."""
    body = f"II- THỜI GIAN THỰC HIỆN\n{number} Đảng ủy các xã tổ chức kiểm điểm trước ngày 31/12/2021."
    got, _ = assignments(party_doc(heading="HƯỚNG DẪN", code="HD", body=body))
    assert got == {("Đảng ủy xã", "thuc_hien")}


@pytest.mark.parametrize("mark", ["2", "…", "* * *"])
def test_a_line_without_words_under_a_bodys_item_is_no_task(mark):
    """A page's number or a rule left between two points ('2' under '2. Sở Giáo dục và Đào tạo')
    assigns nothing, and the item goes on past it."""
    body = (
        f"III. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo Tỉnh ủy\n\n- Chủ trì tuyên truyền.\n\n{mark}\n\n"
        "- Hướng dẫn các chi bộ triển khai trước ngày 30/6/2021."
    )
    _, rec = assignments(party_doc(heading="KẾ HOẠCH", code="KH", body=body))
    assert [o.text[:9] for o in rec.obligations] == ["Chủ trì t", "Hướng dẫn"]


def test_an_inspection_plans_contents_are_no_tasks():
    """'II. NỘI DUNG, ĐỐI TƯỢNG KIỂM TRA' names the bodies inspected and what is looked at: they are
    not assigned it; the plan's tasks are in its 'Tổ chức thực hiện' part."""
    body = (
        "II. NỘI DUNG, ĐỐI TƯỢNG KIỂM TRA\n\n1. Ban Thường vụ Đảng ủy xã Yên Đĩnh lãnh đạo, chỉ đạo việc "
        "thực hiện Nghị quyết.\n\nIII. TỔ CHỨC THỰC HIỆN\n\nGiao Văn phòng Tỉnh ủy bảo đảm kinh phí."
    )
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", body=body))
    assert got == {("Văn phòng Tỉnh ủy", "thuc_hien")}


@pytest.mark.parametrize(
    "implementing",
    [
        "",
        "III. TỔ CHỨC THỰC HIỆN\n\nVăn phòng Ban Tuyên giáo có trách nhiệm theo dõi thực hiện Kế hoạch này.",
    ],
)
def test_points_under_a_bodys_header_in_a_part_of_tasks_are_its_tasks(implementing):
    """'1. Văn phòng Sở:' over '- Theo dõi …' in a plan's part of tasks: each point is that body's
    task, whether or not a 'Tổ chức thực hiện' part follows."""
    body = (
        "II. NHIỆM VỤ CỤ THỂ\n\n1. Văn phòng Huyện ủy:\n\n- Theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch;\n\n"
        "- Tổng hợp báo cáo kết quả trước ngày 10/6/2025.\n\n2. Ban Tuyên giáo Huyện ủy:\n\n"
        "- Chủ trì tuyên truyền Kế hoạch; hoàn thành trong năm 2025.\n\n"
        "- Hướng dẫn các chi bộ triển khai trước ngày 30/6/2025.\n\n" + implementing
    )
    _, rec = assignments(party_doc(heading="KẾ HOẠCH", code="KH", body=body))
    got = {(o.text[:9], a.name) for o in rec.obligations for a in o.assignees}
    assert {
        ("Theo dõi,", "Văn phòng Huyện ủy"),
        ("Tổng hợp ", "Văn phòng Huyện ủy"),
        ("Chủ trì t", "Ban Tuyên giáo Huyện ủy"),
        ("Hướng dẫn", "Ban Tuyên giáo Huyện ủy"),
    } <= got


@pytest.mark.parametrize(
    ("body", "got"),
    [
        # the body that signs an attached text, in capitals, after its last article: no task
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng Tỉnh ủy theo dõi việc thực hiện Quy chế.\n\nỦY BAN KIỂM TRA TỈNH ỦY",
            [("Văn phòng Tỉnh ủy", "thuc_hien")],
        ),
        # in capitals over its points: who they speak to
        (
            "III. TỔ CHỨC THỰC HIỆN\n\nBAN TUYÊN GIÁO TỈNH ỦY\n\n- Chủ trì tuyên truyền Nghị quyết.",
            [("Ban Tuyên giáo Tỉnh ủy", "chu_tri")],
        ),
    ],
)
def test_a_bodys_name_alone_in_capitals_is_no_task(body, got):
    rec = parse_text(party_doc(body=body), "o.txt")
    assert [(canonical_name(a.name), a.role) for o in rec.obligations for a in o.assignees] == got


def test_an_article_of_a_committees_duties_is_no_part_of_tasks():
    """'Điều 2. Nhiệm vụ' / 'Ban Chỉ đạo có nhiệm vụ giúp …': what the committee is for, not a plan's tasks."""
    body = (
        "Điều 1. Thành lập Ban Chỉ đạo gồm các đồng chí có tên sau.\n\nĐiều 2. Nhiệm vụ\n\n"
        "Trưởng Ban Chỉ đạo phân công nhiệm vụ cho các thành viên.\n\n"
        "Điều 3. Văn phòng Tỉnh ủy và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành."
    )
    got, _ = assignments(party_doc(heading="QUYẾT ĐỊNH", code="QĐ", body=body))
    assert ("Trưởng Ban Chỉ đạo", "thuc_hien") not in got
    assert ("Văn phòng Tỉnh ủy", "thuc_hien") in got


def test_a_sentence_of_the_document_itself_is_no_task_of_the_body_before():
    """'Ban Chỉ đạo có nhiệm vụ … Quyết định này thay thế …': the decision's own words, no task of the
    committee; nor is its dissolving itself."""
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ban Chỉ đạo có nhiệm vụ giúp Ban Thường vụ chỉ đạo công tác phòng, chống tham nhũng. "
        "Quyết định này thay thế Quyết định số 05-QĐ/TU ngày 12/7/2021. Ban Chỉ đạo tự giải thể sau khi "
        "hoàn thành nhiệm vụ."
    )
    rec = parse_text(party_doc(heading="QUYẾT ĐỊNH", code="QĐ", body=body), "o.txt")
    assert [o.text[:20] for o in rec.obligations] == ["Ban Chỉ đạo có nhiệm"]


def test_shared_words_only_in_their_order():
    assert split_bodies("Các cấp ủy đảng, chi bộ") == ["cấp ủy đảng", "chi bộ"]


def test_exhortations_outside_the_section_are_not_obligations():
    body = (
        "II- NHIỆM VỤ\n\n1. Các cấp ủy, tổ chức đảng tăng cường lãnh đạo công tác kiểm tra.\n\n"
        "2. Ban Thường vụ Tỉnh đoàn chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn tiêu chuẩn cán bộ đoàn."
    )
    got, _ = assignments(party_doc(body=body))
    assert got == {("Ban Thường vụ Tỉnh đoàn", "chu_tri"), ("Ban Tổ chức Tỉnh ủy", "phoi_hop")}


TABLE_BODY_COLUMN = """I- MỤC ĐÍCH

1. Quán triệt.

Nơi nhận:
- Lưu.

T/M TỈNH ỦY
BÍ THƯ

(đã ký)

Dương Văn Thái

PHỤ LỤC

TT\tThể loại văn bản\tCơ quan chủ trì chuẩn bị\tThời gian trình
I\tTỉnh ủy ban hành\t\t
1.\tNghị quyết về phát triển du lịch - dịch vụ giai đoạn 2021-2025 và định hướng đến năm 2030.\tBan cán sự đảng UBND tỉnh\tQuý II/2021
II\tBan Thường vụ Tỉnh ủy ban hành\t\t
2.\tChỉ thị về nâng cao năng lực công tác y tế dự phòng.\tBan cán sự đảng UBND tỉnh\tTháng 4/2021
"""

TABLE_GROUPS = """PHỤ LỤC

TT\tNội dung, nhiệm vụ cụ thể của các cơ quan, đơn vị\tCấp ban hành văn bản\t\tThời gian trình và thực hiện
\t\tTỉnh ủy\tBTV Tỉnh ủy\t
I- BAN CÁNSỰ ĐẢNG UBND TỈNH\t\t\t\t
1\tChủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên quan tham mưu xây dựng cơ chế thu hút nhân tài.\t\t\tThực hiện theo chỉ đạo của BTV Tỉnh ủy
II- TRƯỞNG CHÍNH TRỊ TỈNH\t\t\t\t
1\tTham mưu xây dựng Quy định của Ban Thường vụ Tỉnh ủy về khen thưởng tổ chức đảng, đảng viên trong Đảng bộ\t\tX\tTháng 10/2021

TT\tNội dung, nhiệm vụ cụ thể của các cơ quan, đơn vị\tCấp ban hành văn bản\t\tThời gian trình và thực hiện
\t\tTỉnh ủy\tBTV Tỉnh ủy\t
\ttỉnh Bắc Giang (thay Quyết định số 148-QĐ/TU ngày 09/09/2016 của Ban Thường vụ Tỉnh ủy).\t\t\t
"""


def test_table_with_a_drafting_body_column_and_level_sections():
    text = party_doc(heading="CHƯƠNG TRÌNH HÀNH ĐỘNG", code="CTr", body=TABLE_BODY_COLUMN)
    obs = [o for o in parse_text(text, "t.txt").obligations if o.kind == "table"]
    nq, ct = obs
    assert [(a.name, a.role) for a in nq.assignees] == [("Ban cán sự đảng Ủy ban nhân dân tỉnh", "chu_tri")]
    assert nq.produces["type"] == "Nghị quyết" and nq.produces_level == "Tỉnh ủy"
    assert nq.deadline == {"text": "Quý II/2021", "start": "2021-04-01", "end": "2021-06-30"}
    assert ct.produces["type"] == "Chỉ thị" and ct.produces_level == "Ban Thường vụ Tỉnh ủy"


def test_a_markdown_appendix_table_assigns_as_a_word_table_does():
    """An appendix written as a Markdown table (a .md file, a page saved as text): each row's
    lead, partners and deadline, the evidence on the row's own line."""
    table = (
        "PHỤ LỤC\n| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Xây dựng Đề án phát triển công nghiệp chế biến | Sở Công Thương | Sở Tài chính | Quý III/2024 |\n"
        "| 2 | Rà soát quy hoạch các khu công nghiệp | Ban Quản lý các khu kinh tế tỉnh | UBND các huyện | Năm 2025 |\n"
    )
    text = party_doc(heading="KẾ HOẠCH", code="KH", body="I- MỤC ĐÍCH\n\n1. Quán triệt.") + "\n" + table
    lines = text.split("\n")
    obs = [o for o in parse_text(text, "t.md").obligations if o.kind == "table"]
    assert [
        (lines[o.evidence.line - 1][:7], [(a.name, a.role) for a in o.assignees], o.deadline["text"])
        for o in obs
    ] == [
        ("| 1 | X", [("Sở Công Thương", "chu_tri"), ("Sở Tài chính", "phoi_hop")], "Quý III/2024"),
        (
            "| 2 | R",
            [("Ban Quản lý các khu kinh tế tỉnh", "chu_tri"), ("Ủy ban nhân dân huyện", "phoi_hop")],
            "Năm 2025",
        ),
    ]


def test_table_with_group_rows_x_marks_typos_and_a_row_split_by_a_page_break():
    text = (
        party_doc(
            heading="KẾ HOẠCH",
            code="KH",
            body="I- MỤC ĐÍCH\n\n1. Quán triệt.",
        )
        + "\n"
        + TABLE_GROUPS
    )
    obs = [o for o in parse_text(text, "t.txt").obligations if o.kind == "table"]
    lead, rule = obs
    assert {(a.name, a.role) for a in lead.assignees} == {
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "chu_tri"),
        ("Ban Tổ chức Tỉnh ủy", "phoi_hop"),
        ("cơ quan liên quan", "phoi_hop"),
    }
    assert lead.deadline["end"] is None and lead.deadline["text"].startswith("Thực hiện theo chỉ đạo")
    assert [(a.name, a.role) for a in rule.assignees] == [("Trường Chính trị tỉnh", "chu_tri")]
    assert rule.produces["type"] == "Quy định" and rule.produces_level == "Ban Thường vụ Tỉnh ủy"
    assert "148-QĐ/TU" in rule.text  # the continuation row after the repeated header
    assert rule.deadline["end"] == "2021-10-31"


APPENDIX_PLAN = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 700/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Nghệ An, ngày 01 tháng 8 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa các nhiệm vụ.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Hồng Vinh

PHỤ LỤC
"""

PDF_TEXT_TABLES = [  # an appendix copied out of a PDF as text -> (row's line, lead, partners, deadline's end)
    (
        "STT   Nội dung nhiệm vụ                 Cơ quan chủ trì   Cơ quan phối hợp      Thời gian hoàn thành   Sản phẩm\n"
        "1     Xây dựng Đề án chuyển đổi số      Sở Khoa học và    Các sở, ban, ngành    Quý IV/2025            Quyết định phê duyệt\n"
        "      tỉnh Nghệ An                      Công nghệ                                                      Đề án\n"
        "2     Xây dựng cơ sở dữ liệu dùng       Sở Tư pháp        UBND các xã,          Trong năm 2026         Cơ sở dữ liệu\n"
        "      chung của tỉnh                                      phường\n",
        [
            (
                "1     X",
                [
                    ("Sở Khoa học và Công nghệ", "chu_tri"),
                    ("sở", "phoi_hop"),
                    ("ban", "phoi_hop"),
                    ("ngành", "phoi_hop"),
                ],
                "2025-12-31",
            ),
            (
                "2     X",
                [
                    ("Sở Tư pháp", "chu_tri"),
                    ("Ủy ban nhân dân xã", "phoi_hop"),
                    ("Ủy ban nhân dân phường", "phoi_hop"),
                ],
                "2026-12-31",
            ),
        ],
    ),
    (
        "STT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n"
        "1\nSố hóa hồ sơ hộ tịch\nSở Tư pháp\nUBND các xã, phường\nTháng 12/2025\n"
        "2\nTổ chức tập huấn kỹ năng số\nSở Nội vụ\nSở Khoa học và\nCông nghệ\nQuý IV/2025\n",
        [
            (
                "1",
                [
                    ("Sở Tư pháp", "chu_tri"),
                    ("Ủy ban nhân dân xã", "phoi_hop"),
                    ("Ủy ban nhân dân phường", "phoi_hop"),
                ],
                "2025-12-31",
            ),
            ("2", [("Sở Nội vụ", "chu_tri"), ("Sở Khoa học và Công nghệ", "phoi_hop")], "2025-12-31"),
        ],
    ),
    (  # one column for both roles, the cell saying them
        "STT\nNội dung nhiệm vụ\nĐơn vị thực hiện\nThời gian hoàn thành\n"
        "1\nSố hóa hồ sơ hộ tịch\nSở Tư pháp chủ trì; Công an tỉnh phối hợp\nTháng 12/2025\n",
        [("1", [("Sở Tư pháp", "chu_tri"), ("Công an tỉnh", "phoi_hop")], "2025-12-31")],
    ),
]


ROLES_IN_A_CELL = [  # a 'Đơn vị thực hiện' cell -> its bodies with their roles
    (
        "Sở Văn hóa, Thể thao và Du lịch chủ trì; Sở Khoa học và Công nghệ phối hợp",
        [("Sở Văn hóa, Thể thao và Du lịch", "chu_tri"), ("Sở Khoa học và Công nghệ", "phoi_hop")],
    ),
    (
        "Văn phòng UBND tỉnh (chủ trì), Sở Khoa học và Công nghệ (phối hợp)",
        [("Văn phòng Ủy ban nhân dân tỉnh", "chu_tri"), ("Sở Khoa học và Công nghệ", "phoi_hop")],
    ),
    (
        "Sở Nội vụ chủ trì, phối hợp với Trường Chính trị tỉnh",
        [("Sở Nội vụ", "chu_tri"), ("Trường Chính trị tỉnh", "phoi_hop")],
    ),
    # the names after the lead's, with no role of their own, are its partners
    (
        "Sở Nội vụ (chủ trì), Sở Tài chính, Sở Tư pháp",
        [("Sở Nội vụ", "chu_tri"), ("Sở Tài chính", "phoi_hop"), ("Sở Tư pháp", "phoi_hop")],
    ),
    ("Sở Y tế; các sở, ngành phối hợp", [("Sở Y tế", "chu_tri"), ("sở", "phoi_hop"), ("ngành", "phoi_hop")]),
    # without role words, or with the words of a name, the cell is a list of leads
    ("Sở Nội vụ, Sở Tài chính", [("Sở Nội vụ", "chu_tri"), ("Sở Tài chính", "chu_tri")]),
    ("Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh", ANY),
]


@pytest.mark.parametrize("sep", ["\t", " | "])
@pytest.mark.parametrize(("cell", "expected"), ROLES_IN_A_CELL)
def test_a_cell_that_says_the_roles_gives_each_body_its_own(cell, expected, sep):
    """As a .docx or a PDF table gives the cells (tabs), or a text's '|' table."""
    rows = ["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"], ["1", "Số hóa hồ sơ", cell, "Quý I/2026"]
    text = APPENDIX_PLAN + "\n".join(sep.join(r) for r in rows) + "\n"
    (task,) = [o for o in parse_text(text, "t.txt").obligations if o.kind == "table"]
    got = [(a.name, a.role) for a in task.assignees]
    assert got == expected and all(r in ("chu_tri", "phoi_hop") for _, r in got)
    assert (
        not any(w in n for n, _ in got for w in ("chủ trì", "(", ")"))
        and task.deadline["end"] == "2026-03-31"
    )


@pytest.mark.parametrize(("table", "expected"), PDF_TEXT_TABLES)
def test_an_appendix_copied_out_of_a_pdf_assigns_as_the_pdf_does(table, expected):
    """A table's text as pdftotext -layout gives it (cells apart by spaces, a wide cell going on
    below) or as a text layer gives it (a cell a line): each row's lead, partners and deadline, the
    evidence on the row's first line; a cell's words going on below cite no document ('Đề án' /
    '2 Xây dựng …' was a named Đề án)."""
    text = APPENDIX_PLAN + table
    lines = text.split("\n")
    rec = parse_text(text, "t.txt")
    obs = [o for o in rec.obligations if o.kind == "table"]
    assert [
        (lines[o.evidence.line - 1][:7], [(a.name, a.role) for a in o.assignees], o.deadline["end"])
        for o in obs
    ] == expected
    assert not [c for c in rec.citations if c.type == "Đề án"]


def test_fulfilment_on_time_and_late():
    programme = party_doc(
        number="03",
        code="CTr",
        heading="CHƯƠNG TRÌNH HÀNH ĐỘNG",
        date="ngày 04 tháng 12 năm 2020",
        signed_for="TỈNH ỦY",
        of="",
        body=TABLE_BODY_COLUMN,
    )
    tourism = party_doc(
        number="112",
        date="ngày 15 tháng 6 năm 2021",
        signed_for="TỈNH ỦY",
        of="CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
        subject="về phát triển du lịch giai đoạn 2021-2025, định hướng đến năm 2030",
    )
    health = party_doc(
        number="05",
        code="CT",
        heading="CHỈ THỊ",
        date="ngày 05 tháng 5 năm 2021",
        subject="về nâng cao năng lực công tác y tế dự phòng, đáp ứng yêu cầu trong tình hình mới",
    )
    G = build_graph([parse_text(t, f"{i}.txt") for i, t in enumerate((programme, tourism, health))])
    rows = {r["planned_type"]: r for r in plan(G, "bac-giang:03-CTr/TU@2020-12-04")}
    assert rows["Nghị quyết"]["fulfilled_by"] == "bac-giang:112-NQ/TU@2021-06-15"
    assert rows["Nghị quyết"]["fulfilment"] == "on_time"
    assert rows["Chỉ thị"]["fulfilled_by"] == "bac-giang:05-CT/TU@2021-05-05"
    assert rows["Chỉ thị"]["fulfilment"] == "late"


def test_a_plan_never_fulfils_its_own_task_to_draw_up_plans():
    body = (
        "II- TỔ CHỨC THỰC HIỆN\n\n1. Các huyện ủy, thành ủy xây dựng kế hoạch kiểm tra, giám sát năm 2024, "
        "hoàn thành trước ngày 31/01/2024."
    )
    text = party_doc(
        code="KH",
        heading="KẾ HOẠCH",
        date="ngày 08 tháng 01 năm 2024",
        subject="kiểm tra, giám sát năm 2024",
        body=body,
    )
    G = build_graph([parse_text(text, "kh.txt")])
    (task,) = [a for _, a in G.nodes(data=True) if a.get("kind") == "Obligation"]
    assert task["fulfilled_by"] is None


def test_corpus_109_gives_the_inspection_commission_the_lead(corpus_graph):
    G = corpus_graph
    doc = "bac-giang:109-NQ/TU@2021-06-08"
    roles = {
        (G.nodes[b]["name"], G.edges[o, b, "GIAO_CHO"]["vai_tro"])
        for _, o, k in G.out_edges(doc, keys=True)
        if k == "DAT_RA"
        for _, b, k2 in G.out_edges(o, keys=True)
        if k2 == "GIAO_CHO"
    }
    assert ("Ủy ban Kiểm tra Tỉnh ủy", "chu_tri") in roles


def test_corpus_planned_inspection_resolution_is_fulfilled_on_time(corpus_graph):
    rows = plan(corpus_graph, "bac-giang:03-CTr/TU@2020-12-04")
    (row,) = [
        r
        for r in rows
        if r["planned_type"] == "Nghị quyết" and "kiểm tra, giám sát, thi hành kỷ luật" in r["planned_title"]
    ]
    assert row["fulfilled_by"] == "bac-giang:109-NQ/TU@2021-06-08"
    assert row["fulfilment"] == "on_time"


def test_bodies_have_part_of_and_jurisdiction(corpus_graph):
    G = corpus_graph
    b = G.nodes["bac-giang:ban-tuyen-giao-tinh-uy"]
    assert b["part_of"] == "bac-giang:tinh-uy" and G.has_edge(
        "bac-giang:ban-tuyen-giao-tinh-uy", "bac-giang:tinh-uy", key="THUOC"
    )
    assert "dak-lak:ban-tuyen-giao-tinh-uy" in G  # Đắk Lắk's is another body
    assert G.has_edge("bac-giang:tinh-uy", "bac-giang:109-NQ/TU@2021-06-08", key="BAN_HANH")


def test_dates_of_cited_documents_are_not_deadlines():
    assert find_deadlines("tuyên truyền Chỉ thị số 42-CT/TW, ngày 24/3/2020 của Ban Bí thư") == []
    assert find_deadlines("Quyết định ngày 27 tháng 9 năm 2019 của Bộ") == []


def test_the_body_asked_is_assigned_not_the_one_asking():
    body = "III- TỔ CHỨC THỰC HIỆN\n\n1. Ban Thường vụ Tỉnh ủy yêu cầu các huyện ủy, thành ủy xây dựng kế hoạch thực hiện."
    got, _ = assignments(party_doc(body=body))
    assert got == {("huyện ủy", "thuc_hien"), ("thành ủy", "thuc_hien")}


def test_asking_everyone_outside_the_section_is_no_obligation():
    pre = (
        "Để giải quyết vấn đề nhà ở cho công nhân, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy đảng, chính quyền, "
        "mặt trận Tổ quốc và các đoàn thể tập trung thực hiện tốt nhiệm vụ sau:"
    )
    got, _ = assignments(party_doc(preamble=pre))
    assert got == set()


# -- discourse: who is assigned, in any part of a document -------------------------------------------

STATE = {
    "heading": "QUYẾT ĐỊNH",
    "code": "QĐ",
    "of": "CỦA ỦY BAN NHÂN DÂN TỈNH",
    "signed_for": "ỦY BAN NHÂN DÂN",
}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a State decision's articles assign by their own words
        (
            "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n\n"
            "Điều 2. Giao cho Sở Xây dựng chủ trì, phối hợp các Sở, ngành tỉnh, Ủyban nhân dân các huyện, thị xã tổ chức "
            "triển khai Quyết định này.",
            {
                ("Sở Xây dựng", "chu_tri"),
                ("Sở tỉnh", "phoi_hop"),
                ("ngành tỉnh", "phoi_hop"),
                ("Ủy ban nhân dân huyện", "phoi_hop"),
                ("Ủy ban nhân dân thị xã", "phoi_hop"),
            },
        ),
        (
            "QUYẾT ĐỊNH:\n\nĐiều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ và các thành viên Ban Tổ chức "
            "chịu trách nhiệm thi hành Quyết định này./.",
            {
                ("Bộ trưởng", "thuc_hien"),
                ("Thủ trưởng cơ quan ngang Bộ", "thuc_hien"),
                ("thành viên Ban Tổ chức", "thuc_hien"),
            },
        ),
        # a local decision's executing article: offices of bodies, a colon list, persons named in it
        (
            "QUYẾT ĐỊNH:\n\nĐiều 4. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Nội vụ, Tài chính; Chủ tịch UBND các "
            "huyện, thành phố và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            {
                ("Chánh Văn phòng UBND tỉnh", "thuc_hien"),
                ("Giám đốc Sở Nội vụ", "thuc_hien"),
                ("Giám đốc Sở Tài chính", "thuc_hien"),
                ("Chủ tịch UBND huyện", "thuc_hien"),
                ("Chủ tịch UBND thành phố", "thuc_hien"),
                ("cá nhân có tên tại Điều 1", "thuc_hien"),
            },
        ),
        # persons: those an article names are assignees, one named by name is no body and costs
        # the others nothing; "Các ông, bà:" before the list is no body either
        (
            "Điều 3. Văn phòng Tỉnh ủy, các huyện ủy, thành ủy và các đồng chí có tên tại Điều 1 căn cứ Quyết định "
            "thi hành.\n\nĐiều 4. Ban Tổ chức Tỉnh ủy và đồng chí Nguyễn Văn A căn cứ Quyết định thi hành.\n\n"
            "Điều 5. Các ông, bà: Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết "
            "định này.",
            {
                ("Văn phòng Tỉnh ủy", "thuc_hien"),
                ("huyện ủy", "thuc_hien"),
                ("thành ủy", "thuc_hien"),
                ("đồng chí có tên tại Điều 1", "thuc_hien"),
                ("Ban Tổ chức Tỉnh ủy", "thuc_hien"),
                ("Chánh Văn phòng UBND tỉnh", "thuc_hien"),
                ("Giám đốc Sở Nội vụ", "thuc_hien"),
            },
        ),
        # an item's header before a colon, its task after it (also after an opening phrase);
        # "các huyện, thành, thị" said short
        (
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính: Trên cơ sở đề xuất của các cơ quan, tham mưu bố trí kinh phí."
            "\n\n2. Các sở, ngành, UBND các huyện, thành, thị: Căn cứ nhiệm vụ được giao, xây dựng kế hoạch.",
            {
                ("Sở Tài chính", "thuc_hien"),
                ("sở", "thuc_hien"),
                ("ngành", "thuc_hien"),
                ("UBND huyện", "thuc_hien"),
                ("UBND thành phố", "thuc_hien"),
                ("UBND thị xã", "thuc_hien"),
            },
        ),
        # a council's resolution: its standing body, committees and members supervise
        (
            "Điều 2. Tổ chức thực hiện\n\n1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này."
            "\n\n2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh và đại biểu Hội đồng "
            "nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
            {
                ("Ủy ban nhân dân tỉnh", "thuc_hien"),
                ("Thường trực Hội đồng nhân dân tỉnh", "thuc_hien"),
                ("Ban của Hội đồng nhân dân tỉnh", "thuc_hien"),
                ("đại biểu Hội đồng nhân dân tỉnh", "thuc_hien"),
            },
        ),
        # an item header without its colon governs its points as one with it does
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo Tỉnh ủy\n\n- Chủ trì, phối hợp với Trường Chính trị tỉnh "
            "hướng dẫn học tập.\n\n2. Văn phòng Tỉnh ủy\n\n- Theo dõi, đôn đốc việc thực hiện.",
            {
                ("Ban Tuyên giáo Tỉnh ủy", "chu_tri"),
                ("Trường Chính trị tỉnh", "phoi_hop"),
                ("Văn phòng Tỉnh ủy", "thuc_hien"),
            },
        ),
        # a commune's posts, its health station, the heads of its villages
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Công chức Văn hóa - Xã hội xã chủ trì, phối hợp với Trạm Y tế xã tuyên "
            "truyền.\n\n2. Trưởng các thôn, tổ dân phố tổ chức họp dân.",
            {
                ("Công chức Văn hóa - Xã hội xã", "chu_tri"),
                ("Trạm Y tế xã", "phoi_hop"),
                ("Trưởng thôn", "thuc_hien"),
                ("Trưởng tổ dân phố", "thuc_hien"),
            },
        ),
        # an inspectorate by its level; the heads of a department's units
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Thanh tra Sở chủ trì kiểm tra công tác cải cách hành chính.\n\n"
            "2. Trưởng các phòng, đơn vị thuộc Sở xây dựng kế hoạch của đơn vị.",
            {
                ("Thanh tra Sở", "chu_tri"),
                ("Trưởng phòng thuộc Sở", "thuc_hien"),
                ("Trưởng đơn vị thuộc Sở", "thuc_hien"),
            },
        ),
        (
            "Điều 4. Các tỉnh, thành đoàn, các ban, đơn vị thuộc Trung ương Đoàn căn cứ Quyết định thi hành./.",
            {
                ("tỉnh đoàn", "thuc_hien"),
                ("thành đoàn", "thuc_hien"),
                ("ban thuộc Trung ương Đoàn", "thuc_hien"),
                ("đơn vị thuộc Trung ương Đoàn", "thuc_hien"),
            },
        ),
        # an article that states a rule assigns nothing
        (
            "QUYẾT ĐỊNH:\n\nĐiều 1. Các đơn vị hành chính cấp huyện thuộc diện sắp xếp gồm: huyện A, huyện B.",
            set(),
        ),
        # an addressing line governs the items after it
        (
            "UBND quận yêu cầu các cơ quan, đơn vị thuộc Quận, UBND 21 phường nội dung sau:\n\n"
            "1.Chỉ đạo, tổ chức triển khai tham gia Giải báo chí.\n\n2. Tổ chức tuyên truyền bằng nhiều hình thức.",
            {
                ("cơ quan thuộc Quận", "thuc_hien"),
                ("đơn vị thuộc Quận", "thuc_hien"),
                ("UBND phường", "thuc_hien"),
            },
        ),
        # items with subjects of their own; "1/" numbering; a later sentence after an opening phrase
        (
            "Ban Thường vụ Thành ủy yêu cầu :\n\n1/ Ban cán sự đảng Ủy ban nhân dân thành phố chỉ đạo Ban Tổ chức các "
            "ngày lễ lớn chuẩn bị Lễ mít-tinh.\n\n2/ Các quận - huyện ủy tổ chức kỷ niệm tại địa phương. Sau lễ phát "
            "động, các địa phương, đơn vị chọn triển khai cuộc vận động ở một số chi bộ.",
            {
                ("Ban cán sự đảng Ủy ban nhân dân thành phố", "thuc_hien"),
                ("quận ủy", "thuc_hien"),
                ("huyện ủy", "thuc_hien"),
                ("địa phương", "thuc_hien"),
                ("đơn vị", "thuc_hien"),
            },
        ),
        # everyone, after an addressing line, is an exhortation
        (
            "Ban Chấp hành Đảng bộ tỉnh yêu cầu:\n\n1. Các cấp ủy đảng, chính quyền, mặt trận Tổ quốc và đoàn thể các cấp "
            "nêu cao tinh thần trách nhiệm. Người đứng đầu cấp ủy chịu trách nhiệm trực tiếp về kết quả.",
            set(),
        ),
        # "Đề nghị X" after an opening phrase; a principle in a policy part is no duty
        (
            "Trên cơ sở kế hoạch của Ủy ban nhân dân huyện, đề nghị các phòng chuyên môn và UBND các xã, thị trấn xây "
            "dựng kế hoạch thực hiện.\n\nNgười đứng đầu chịu trách nhiệm nếu không kịp thời phát hiện vi phạm.",
            {("phòng chuyên môn", "thuc_hien"), ("UBND xã", "thuc_hien"), ("UBND thị trấn", "thuc_hien")},
        ),
        # a participle qualifies the list before it, its object names no body; a colon ends an opening phrase
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Căn cứ Kế hoạch này: các đảng đoàn, ban cán sự đảng xây dựng kế hoạch.\n\n"
            "2. Các cơ quan, đơn vị được giao chủ trì soạn thảo các đề án, kế hoạch của Ủy ban nhân dân huyện khẩn "
            "trương hoàn thành.",
            {
                ("đảng đoàn", "thuc_hien"),
                ("ban cán sự đảng", "thuc_hien"),
                ("cơ quan được giao chủ trì", "thuc_hien"),
                ("đơn vị được giao chủ trì", "thuc_hien"),
            },
        ),
        # a lead word after a short opening clause; a partner list after an opening phrase is no subject
        (
            "Đề nghị cấp ủy các tổ chức cơ sở đảng nghiên cứu các văn bản. Đồng thời, phối hợp với lãnh đạo "
            "cơ quan, đơn vị, doanh nghiệp xây dựng kế hoạch.\n\nNhận được Công văn này, đề nghị Ban Tuyên giáo "
            "huyện ủy báo cáo kết quả trước ngày 30/11/2020.",
            {("cấp ủy tổ chức cơ sở đảng", "thuc_hien"), ("Ban Tuyên giáo huyện ủy", "thuc_hien")},
        ),
        # an article that lists a body's duties assigns each of its points to that body
        (
            "QUYẾT ĐỊNH:\n\nĐiều 5. Trách nhiệm của Phòng Quản lý đô thị\n\n1. Chủ trì, phối hợp với Phòng "
            "Tài nguyên và Môi trường kiểm tra trật tự xây dựng.\n\n2. Hướng dẫn UBND các xã thực hiện Quy chế "
            "này.\n\nĐiều 6. Nhiệm vụ của UBND các xã\n\n1. Lập biên bản các trường hợp vi phạm.",
            {
                ("Phòng Quản lý đô thị", "chu_tri"),
                ("Phòng Tài nguyên và Môi trường", "phoi_hop"),
                ("Phòng Quản lý đô thị", "thuc_hien"),
                ("UBND xã", "thuc_hien"),
            },
        ),
        # a report's recipients listed after its verb are no subject: the point is the article's body's
        (
            "QUYẾT ĐỊNH:\n\nĐiều 5. Trách nhiệm của Sở Công Thương\n\n1. Định kỳ trước ngày 15 tháng 12 hằng "
            "năm, tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Bộ Công Thương tình hình hoạt động của các cụm công "
            "nghiệp.",
            {("Sở Công Thương", "thuc_hien")},
        ),
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Sau khi kiểm tra, rà soát, Sở Tài chính tổng hợp kinh phí.",
            {("Sở Tài chính", "thuc_hien")},
        ),
        # a time phrase opens a sentence whose subject follows; 'mỗi …' is each of those named before
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n5. Các huyện ủy xây dựng kế hoạch. Hằng năm, mỗi cơ quan, địa phương, "
            "đơn vị xác định nhiệm vụ trọng tâm.\n\n6. Định kỳ 6 tháng, Ban Tổ chức Tỉnh ủy tổng hợp, báo cáo.",
            {("huyện ủy", "thuc_hien"), ("Ban Tổ chức Tỉnh ủy", "thuc_hien")},
        ),
        # the standing agency or the focal point leads
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Lao động - Thương binh và Xã hội là cơ quan thường trực, chủ trì, "
            "phối hợp với Phòng Tài chính - Kế hoạch rà soát hộ nghèo.\n\n2. Giao Phòng Nội vụ làm đầu mối, chủ "
            "trì, phối hợp với Văn phòng UBND huyện theo dõi.",
            {
                ("Phòng Lao động - Thương binh và Xã hội", "chu_tri"),
                ("Phòng Tài chính - Kế hoạch", "phoi_hop"),
                ("Phòng Nội vụ", "chu_tri"),
                ("Văn phòng UBND huyện", "phoi_hop"),
            },
        ),
        # a guide's addressing line names who its points are for; the closing paragraph is no task
        (
            "Phòng Giáo dục và Đào tạo hướng dẫn các trường thực hiện như sau:\n\n1. Xây dựng kế hoạch giáo dục "
            "nhà trường.\n\n2. UBND các xã\n\nXây dựng kế hoạch triển khai.\n\nTrên đây là Kế hoạch cải cách hành "
            "chính; yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện.",
            {("trường", "thuc_hien"), ("UBND xã", "thuc_hien")},
        ),
        # an opening phrase ending in a list goes on over its comma: no subject in it
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n8. Ủy ban MTTQ tỉnh quán triệt Chỉ thị này. Thực hiện tốt công tác giám "
            "sát tại các địa phương, đơn vị theo chức năng, nhiệm vụ được giao.",
            {("Ủy ban MTTQ tỉnh", "thuc_hien")},
        ),
        # a body the tables do not know, named by the lead role after it; a verb before it is no name
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Khối dân vận xã chủ trì, phối hợp với Ủy ban MTTQ xã tham mưu tổ chức "
            "thực hiện.\n\n2. Tiếp tục chủ trì tổ chức các hội nghị.",
            {("Khối dân vận xã", "chu_tri"), ("Ủy ban MTTQ xã", "phoi_hop")},
        ),
        # a PDF's lines: an office whose name ends in a type word heads its article; the recipients
        # list ('Nơi nhận:', '- Như Điều 5;', 'Lưu: VT.') is no task of the last article's body
        (
            "QUYẾT ĐỊNH:\nĐiều 4. Phòng Tài chính - Kế hoạch\nChủ trì, phối hợp với Phòng Nội vụ tham mưu bố "
            "trí kinh phí.\nĐiều 5. Ủy ban nhân dân các xã\nTổ chức quản lý chợ trên địa bàn.\nNơi nhận:\n"
            "- Như Điều 5;\nLưu: VT.",
            {
                ("Phòng Tài chính - Kế hoạch", "chu_tri"),
                ("Phòng Nội vụ", "phoi_hop"),
                ("Ủy ban nhân dân xã", "thuc_hien"),
            },
        ),
        # the article of who executes a decree: its points assign to their subjects
        (
            "Điều 35. Trách nhiệm thi hành\n\n1. Bộ trưởng Bộ Nội vụ có trách nhiệm hướng dẫn, kiểm tra việc thực "
            "hiện Nghị định này.\n\n2. Ủy ban nhân dân các tỉnh trình Hội đồng nhân dân cùng cấp quy định số "
            "lượng công chức cấp xã.",
            {("Bộ trưởng Bộ Nội vụ", "thuc_hien"), ("Ủy ban nhân dân tỉnh", "thuc_hien")},
        ),
        # a line a PDF ends on a parenthesis goes on in lower case; the apposition is no part of the name
        (
            "III. TỔ CHỨC THỰC HIỆN\n1. Giao Công an huyện (Cơ quan thường trực Tổ công tác Đề án 06 huyện)\n"
            "chủ trì, phối hợp với Phòng Nội vụ tổng hợp, báo cáo UBND huyện.",
            {("Công an huyện", "chu_tri"), ("Phòng Nội vụ", "phoi_hop")},
        ),
        # an office holder named with an honorific is assigned as the office
        (
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Giao đồng chí Phó Bí thư Thường trực Đảng ủy chủ trì, phối hợp với Ủy ban "
            "Mặt trận Tổ quốc xã tổ chức quán triệt.",
            {("Phó Bí thư Thường trực Đảng ủy", "chu_tri"), ("Ủy ban Mặt trận Tổ quốc xã", "phoi_hop")},
        ),
    ],
    ids=[
        "giao-cho",
        "chiu-trach-nhiem-thi-hanh",
        "thi-hanh-offices",
        "persons",
        "item-header-colon",
        "council-supervises",
        "bare-item-header",
        "commune-posts",
        "inspectorate-and-unit-heads",
        "can-cu-thi-hanh",
        "a-rule",
        "addressing-line",
        "own-subjects",
        "everyone",
        "opening-phrase",
        "participle",
        "lead-after-an-opening-clause",
        "article-of-duties",
        "report-recipients-after-an-opening",
        "verbs-alone-in-an-opening",
        "time-phrase-opening",
        "standing-agency-leads",
        "guided-bodies-and-the-close",
        "opening-phrase-ending-in-a-list",
        "named-by-its-role",
        "office-article-and-recipients",
        "decree-executors",
        "parenthesis-wrap",
        "deputy-secretary",
    ],
)
def test_who_is_assigned(body, expected):
    got, _ = assignments(party_doc(body=body, **STATE))
    assert got == expected


@pytest.mark.parametrize(
    "recipients",
    [
        "Nơi nhận:\n- Như Điều 5;\n- Lưu: VT.",  # bulleted
        "Nơi nhận:\nNhư Điều 5;\nLưu VT, KT.",  # a PDF's column without bullets
        "Nơi nhận:\n- Như Điều 5;\nTM. ỦY BAN NHÂN DÂN\n- Lưu: VT.",  # interleaved with the signature
    ],
)
def test_the_recipients_list_is_no_task_of_the_last_article(recipients):
    body = f"QUYẾT ĐỊNH:\nĐiều 5. Ủy ban nhân dân các xã\nTổ chức quản lý chợ trên địa bàn.\n{recipients}"
    _, rec = assignments(party_doc(body=body, **STATE))
    assert [o.text for o in rec.obligations] == ["Tổ chức quản lý chợ trên địa bàn."]


@pytest.mark.parametrize(
    ("clause", "end"),
    [
        ("hoàn thành trước ngày 31/12/2023", "2023-12-31"),
        ("thời gian hoàn thành: Quý III/2024", "2024-09-30"),
        ("thời hạn: trước ngày 15/5/2024", "2024-05-15"),
    ],
)
def test_a_deadline_clause_after_a_semicolon_is_the_time_of_the_task_before_it(clause, end):
    body = f"Giao Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức quán triệt Nghị quyết; {clause}."
    got, rec = assignments(party_doc(body=body, date="ngày 21 tháng 5 năm 2023", **STATE))
    (task,) = rec.obligations
    assert got == {("Ban Tuyên giáo Tỉnh ủy", "chu_tri")}
    assert task.deadline["end"] == end and task.text.endswith(f"Nghị quyết; {clause}.")


LETTERED = """III. TỔ CHỨC THỰC HIỆN
1. Sở Thông tin và Truyền thông
a) Chủ trì, phối hợp với Sở Nội vụ xây dựng kho dữ liệu dùng chung, hoàn thành trong Quý II/2023.
b) Hướng dẫn các sở, ngành triển khai nền tảng số.
2. Sở Văn hóa, Thể thao và Du lịch chủ trì số hóa di sản, hoàn thành trong năm 2023.
3. Sở Nội vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính rà soát vị trí việc làm."""


def test_lettered_points_under_a_body_and_names_with_commas():
    rec = parse_text(party_doc(body=LETTERED), "o.txt")
    got = [
        (o.text[:9], [(a.name, a.role) for a in o.assignees], (o.deadline or {}).get("end"))
        for o in rec.obligations
    ]
    assert got == [
        ("Chủ trì, ", [("Sở Thông tin và Truyền thông", "chu_tri"), ("Sở Nội vụ", "phoi_hop")], "2023-06-30"),
        ("Hướng dẫn", [("Sở Thông tin và Truyền thông", "thuc_hien")], None),
        ("Sở Văn hó", [("Sở Văn hóa, Thể thao và Du lịch", "chu_tri")], "2023-12-31"),
        (
            "Sở Nội vụ",
            [
                ("Sở Nội vụ", "chu_tri"),
                ("Sở Văn hóa, Thể thao và Du lịch", "phoi_hop"),
                ("Sở Tài chính", "phoi_hop"),
            ],
            None,
        ),
    ]


def test_a_lead_role_under_a_bodys_item_assigns_outside_the_implementing_part():
    body = "Điều 1. Phê duyệt Đề án với các nội dung sau:\n2. Bộ Tài chính\na) Chủ trì, phối hợp với Bộ Nội vụ hướng dẫn kinh phí."
    got, _ = assignments(party_doc(body=body, **STATE))
    assert got == {("Bộ Tài chính", "chu_tri"), ("Bộ Nội vụ", "phoi_hop")}


def test_a_clause_a_line_break_puts_after_a_semicolon_goes_on_with_the_item():
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tổ chức Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, "
        "tổng hợp;\nhằng năm báo cáo Thường trực Huyện ủy.\n2. Hội Nông dân huyện tổ chức tập huấn."
    )
    rec = parse_text(party_doc(body=body), "o.txt")
    assert [(o.text, [a.name for a in o.assignees]) for o in rec.obligations] == [
        ("Ban Tổ chức Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, tổng hợp", ANY),
        ("hằng năm báo cáo Thường trực Huyện ủy.", ["Ban Tổ chức Huyện ủy", "Văn phòng Huyện ủy"]),
        ("Hội Nông dân huyện tổ chức tập huấn.", ["Hội Nông dân huyện"]),
    ]  # no empty task after the semicolon


@pytest.mark.parametrize("example", tables.load("obligations.toml")["appeal"]["examples"])
def test_an_appeal_assigns_nothing(example):
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n{example}"))
    assert got == set()


ATTACHED_PLAN = """BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
Số: 1234/QĐ-BNN-TT
Hà Nội, ngày 15 tháng 4 năm 2024

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Đề án phát triển cây ăn quả năm 2024

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Đề án phát triển cây ăn quả năm 2024.
Điều 2. Chánh Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT, TT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Trần Thanh Nam

KẾ HOẠCH
Thực hiện Đề án phát triển cây ăn quả đến năm 2030 trong năm 2024
(Ban hành kèm theo Quyết định số 1234/QĐ-BNN-TT ngày 15 tháng 4 năm 2024 của Bộ trưởng)

I. NHIỆM VỤ
1. Cục Trồng trọt chủ trì xây dựng quy trình kỹ thuật, hoàn thành trong Quý II/2024.
"""


def test_a_plan_attached_after_the_signature_is_no_sentence_of_the_last_article():
    rec = parse_text(ATTACHED_PLAN, "q.txt")
    assert sorted((o.text[:12], (o.deadline or {}).get("end")) for o in rec.obligations) == [
        ("Chánh Văn ph", None),
        ("Cục Trồng tr", "2024-06-30"),
    ]


def test_a_signature_block_without_recipients_assigns_nothing():
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Ban Phong trào Tỉnh đoàn chủ trì tham mưu tổ chức.\n\n"
        "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nBÍ THƯ\n\n(đã ký)\n\nNguyễn Văn Cường"
    )
    got, _ = assignments(party_doc(body=body))
    assert got == {("Ban Phong trào Tỉnh đoàn", "chu_tri")}  # not 'BÍ THƯ'


def test_a_signature_run_into_one_line_assigns_nothing():
    body = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì rà soát.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Song Tùng"
    got, _ = assignments(
        party_doc(body=body, signed_for=None, **{k: v for k, v in STATE.items() if k != "signed_for"})
    )
    assert got == {("Sở Nội vụ", "chu_tri")}


@pytest.mark.parametrize(
    ("task", "planned"),
    [
        (
            "xây dựng kế hoạch thực hiện Nghị quyết (xong trong tháng 7/2021)",
            ("Kế hoạch", "thực hiện Nghị quyết"),
        ),
        (
            "xây dựng kế hoạch thực hiện Nghị quyết, ban hành trong tháng 11/2023",
            ("Kế hoạch", "thực hiện Nghị quyết"),
        ),
        (
            "xây dựng Đề án sắp xếp mạng lưới trường, trình Ban Thường vụ Huyện ủy trước ngày 30/9/2022",
            ("Đề án", "sắp xếp mạng lưới trường"),
        ),
        (
            "ban hành Kế hoạch tổ chức đại hội cấp mình, gửi về Ban Thường vụ Thành ủy",
            ("Kế hoạch", "tổ chức đại hội cấp mình"),
        ),
        (  # a time inside the subject stays
            "xây dựng Kế hoạch phát triển du lịch giai đoạn 2021 - 2025, định hướng đến năm 2030",
            ("Kế hoạch", "phát triển du lịch giai đoạn 2021 - 2025, định hướng đến năm 2030"),
        ),
    ],
)
def test_a_planned_documents_subject_ends_where_the_task_goes_on(task, planned):
    made, _ = produces(task)
    assert (made["type"], made["title"]) == planned


@pytest.mark.parametrize(
    "task",
    [
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2015, Sở Tư pháp rà soát văn bản.",
        "tham mưu báo cáo kết quả thực hiện",  # to report, not a Báo cáo
    ],
)
def test_a_verb_before_a_common_noun_plans_no_document(task):
    assert produces(task) == (None, None)


def test_a_deadline_sentence_continues_the_assignment_before_it():
    body = (
        "Giao Sở Kế hoạch và Đầu tư chủ trì phối hợp với các đơn vị liên quan tổng hợp chung báo cáo. "
        "Yêu cầu hoàn thiện gửi Văn phòng Ủy ban nhân dân trước ngày 24/5/2019."
    )
    got, rec = assignments(party_doc(body=body, date="ngày 21 tháng 5 năm 2019", **STATE))
    assert got == {("Sở Kế hoạch và Đầu tư", "chu_tri"), ("đơn vị liên quan", "phoi_hop")}
    (task,) = rec.obligations  # the deadline sentence completes the task, it makes no new one
    assert task.deadline["end"] == "2019-05-24" and task.text.endswith("trước ngày 24/5/2019.")


@pytest.mark.parametrize(
    ("text", "issued", "end"),
    [
        ("chuẩn bị Lễ mít-tinh vào lúc 15 giờ 00 chiều thứ sáu 02/02/2007", "2007-01-25", "2007-02-02"),
        ("tổ chức kỷ niệm ngay sau Lễ mít-tinh của Thành phố (03/02/2007)", "2007-01-25", "2007-02-03"),
        (
            "thực hiện Chỉ thị số 42-CT/TW, ngày 16/4/2010 của Bộ Chính trị",
            "2021-05-01",
            None,
        ),  # a cited date
        # a day without its year: the next such day after the document's own
        ("cung ứng hóa chất, hoàn thành trước ngày 25/7", "2023-07-18", "2023-07-25"),
        ("báo cáo kết quả chậm nhất ngày 15/8.", "2023-07-18", "2023-08-15"),
        ("báo cáo trước ngày 15/01", "2023-11-20", "2024-01-15"),
        ("báo cáo trước ngày 30/11 hằng năm", "2023-07-18", None),  # every year's day: no one date
        # the day and month in words, as a decree writes them
        ("báo cáo kết quả trước ngày 15 tháng 12.", "2023-07-18", "2023-12-15"),
        ("định kỳ hằng năm báo cáo kết quả trước ngày 15 tháng 12.", "2023-07-18", None),
        ("báo cáo trước ngày 15 tháng 12 năm 2021", "2023-07-18", None),  # a year of its own, and past
        # a month without its year: the next such month not ended by the document's own day
        ("bố trí kinh phí, hoàn thành trong tháng 12.", "2025-10-10", "2025-12-31"),
        ("tổng kết, xong trước tháng 3", "2025-10-10", "2026-03-31"),
        ("báo cáo trong tháng 10", "2025-10-10", "2025-10-31"),
        ("báo cáo trong tháng 12 hằng năm", "2025-10-10", None),  # every year's month: no one date
        ("tập huấn trong 6 tháng", "2025-10-10", None),  # a length of time, no month
    ],
)
def test_a_date_later_than_the_document_is_the_task_s_day(text, issued, end):
    from vbgraph.loaders.deadlines import dated_after

    found = dated_after(text, issued)
    assert (found.end if found else None) == end


@pytest.mark.parametrize(
    ("task", "deadlines"),
    [
        # one task at two times: one deadline over both
        (
            "Phòng Nội vụ kiểm tra công vụ tại các xã trong Quý IV/2023 và Quý I/2024.",
            [("2023-10-01", "2024-03-31")],
        ),
        # two steps, each at its time: one obligation each
        (
            "Ban Tuyên giáo Tỉnh ủy tham mưu sơ kết vào Quý II/2023 và tổng kết vào Quý II/2025.",
            [("2023-04-01", "2023-06-30"), ("2025-04-01", "2025-06-30")],
        ),
        # the horizon in a planned document's title is its subject's, no time of the task
        (
            "Sở Khoa học và Công nghệ xây dựng Đề án phát triển khởi nghiệp tỉnh đến năm 2030, "
            "trình Ủy ban nhân dân tỉnh trong Quý IV/2025.",
            [("2025-10-01", "2025-12-31")],
        ),
        (
            "Hội Nông dân tỉnh xây dựng Chương trình hỗ trợ nông dân đến năm 2030, tầm nhìn đến năm 2045.",
            [(None, None)],
        ),
        (
            "Sở Khoa học và Công nghệ xây dựng Đề án phát triển khởi nghiệp trong giai đoạn 2026-2030, "
            "trình Ủy ban nhân dân tỉnh trong Quý IV/2025.",
            [("2025-10-01", "2025-12-31")],
        ),
        # a period for the task itself
        ("Sở Nội vụ thực hiện chuyển đổi số trong giai đoạn 2026-2030.", [("2026-01-01", "2030-12-31")]),
        # a day or a month to do it by, after the planned document, is the task's
        (
            "Sở Tư pháp xây dựng Kế hoạch kiểm tra liên ngành đến hết tháng 6/2024.",
            [("2024-06-01", "2024-06-30")],
        ),
    ],
)
def test_times_of_one_task_and_of_two_steps(task, deadlines):
    rec = parse_text(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {task}"), "o.txt")
    assert [tuple((o.deadline or {}).get(k) for k in ("start", "end")) for o in rec.obligations] == deadlines


@pytest.mark.parametrize(
    "task",
    [
        "Sở Nội vụ báo cáo kết quả thực hiện quý III/2025 về Công an tỉnh trước ngày 10/11/2025.",
        # words between the report and its period: the period ended before the letter, the hand-in after
        "Sở Nội vụ báo cáo kết quả công tác tháng 10/2025 về Công an tỉnh trước ngày 10/11/2025.",
    ],
)
def test_the_period_a_report_is_about_makes_no_second_task(task):
    rec = parse_text(
        party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {task}", date="ngày 03 tháng 11 năm 2025"), "o.txt"
    )
    assert [(o.deadline or {}).get("end") for o in rec.obligations] == ["2025-11-10"]


@pytest.mark.parametrize(
    ("text", "words"), tables.load("obligations.toml")["deadline"]["period_days_examples"]
)
def test_a_day_of_every_quarter_or_month_is_a_deadline_in_words_only(text, words):
    """'hằng quý, trước ngày 20 của tháng cuối quý': as a day of every year, its words, no date."""
    from vbgraph.loaders.deadlines import dated_after

    found = dated_after(text, "2024-04-10")
    assert found is not None and (found.text, found.start, found.end) == (words, None, None)


def test_a_day_of_a_named_quarter_is_no_day_of_every_quarter():
    from vbgraph.loaders.deadlines import dated_after

    assert dated_after("báo cáo trước ngày 20 tháng cuối quý III/2024", "2024-04-10") is None


def test_a_task_due_every_quarter_keeps_its_day_and_its_recurrence():
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ban, ngành báo cáo kết quả thực hiện hằng quý, trước ngày 20 "
        "của tháng cuối quý."
    )
    (task,) = parse_text(party_doc(heading="KẾ HOẠCH", code="KH", body=body), "o.txt").obligations
    assert (task.deadline, task.recurring) == (
        {"text": "trước ngày 20 của tháng cuối quý", "start": None, "end": None},
        "hằng quý",
    )


def test_every_years_day_is_a_deadline_in_words_only():
    from vbgraph.loaders.deadlines import dated_after

    found = dated_after("báo cáo Ban Thường vụ trước ngày 15/12 hằng năm", "2023-07-18")
    assert found is not None and (found.text, found.start, found.end) == ("trước ngày 15/12", None, None)
    found = dated_after("định kỳ hằng năm tổng hợp, báo cáo trước ngày 15 tháng 12.", "2023-07-18")
    assert found is not None and (found.text, found.start, found.end) == (
        "trước ngày 15 tháng 12",
        None,
        None,
    )


def test_one_document_in_two_compilations_gives_one_set_of_obligations():
    text = party_doc(body=SECTION)
    once = build_graph([parse_text(text, "a.txt")])
    twice = build_graph([parse_text(text, "a.txt"), parse_text("Lời giới thiệu\n\n" * 3 + text, "b.txt")])
    obls = [n for n, a in twice.nodes(data=True) if a.get("kind") == "Obligation"]
    assert len(obls) == len([n for n, a in once.nodes(data=True) if a.get("kind") == "Obligation"])
    assert all(twice.nodes[n]["more_evidence"][0]["file"] == "b.txt" for n in obls)


TABLE_ANY_ORDER = """PHỤ LỤC

Nhiệm vụ\tThời hạn\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm
Rà soát quy hoạch cán bộ lãnh đạo, quản lý các cấp\tQuý III/2021\tBan Tổ chức Tỉnh ủy\tVăn phòng Tỉnh ủy, các cơ quan liên quan\tBáo cáo
Xây dựng cơ chế thu hút nhân tài\tTháng 12/2021\tBan cán sự đảng UBND tỉnh\tSở Nội vụ\tĐề án
"""


def test_a_table_with_columns_in_any_order_and_no_number_column():
    text = (
        party_doc(heading="KẾ HOẠCH", code="KH", body="I- MỤC ĐÍCH\n\n1. Quán triệt.")
        + "\n"
        + TABLE_ANY_ORDER
    )
    review, scheme = [o for o in parse_text(text, "t.txt").obligations if o.kind == "table"]
    assert [(a.name, a.role) for a in review.assignees] == [
        ("Ban Tổ chức Tỉnh ủy", "chu_tri"),
        ("Văn phòng Tỉnh ủy", "phoi_hop"),
        ("cơ quan liên quan", "phoi_hop"),
    ]
    assert review.deadline["end"] == "2021-09-30" and review.produces["type"] == "Báo cáo"
    assert scheme.produces == {"type": "Đề án", "title": "Xây dựng cơ chế thu hút nhân tài"}
    assert ("Sở Nội vụ", "phoi_hop") in [(a.name, a.role) for a in scheme.assignees]


CENTRAL_DIRECTIVE = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 05-CT/TW

ĐẢNG CỘNG SẢN VIỆT NAM

Hà Nội, ngày 15 tháng 5 năm 2016

CHỈ THỊ
CỦA BỘ CHÍNH TRỊ
về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh

III- TỔ CHỨC THỰC HIỆN

1. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương xây dựng chương trình thực hiện Chỉ thị này.

Nơi nhận:
- Các tỉnh ủy, thành ủy,
- Lưu Văn phòng Trung ương Đảng.

T/M BỘ CHÍNH TRỊ
TỔNG BÍ THƯ

(đã ký)

Nguyễn Phú Trọng
"""


def test_a_central_task_is_fulfilled_by_a_province_s_programme_that_implements_it():
    programme = party_doc(
        number="20",
        code="CTr",
        heading="CHƯƠNG TRÌNH HÀNH ĐỘNG",
        of="",
        date="ngày 10 tháng 8 năm 2016",
        subject="thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 "
        "của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    )
    G = build_graph([parse_text(CENTRAL_DIRECTIVE, "tw.txt"), parse_text(programme, "bg.txt")])
    (task,) = [
        a
        for _, a in G.nodes(data=True)
        if a.get("kind") == "Obligation" and a["document"] == "05-CT/TW@2016-05-15"
    ]
    assert task["fulfilled_by"] == "bac-giang:20-CTr/TU@2016-08-10"
    assert task["fulfilment"] == "on_time"


def _implementer(id_: str, issuer: str | None, date: str, **more: str) -> dict:
    return {
        "id": id_,
        "type": "Kế hoạch",
        "in_corpus": True,
        "date": date,
        "jurisdiction": "Ninh Bình",
        "issuer": issuer,
        "title": "thực hiện Kế hoạch số 05-KH/TU",
        **more,
    }


UBND_PLAN = _implementer("ubnd", "Ủy ban nhân dân tỉnh Ninh Bình", "2025-09-05")
COMMUNE_PLAN = _implementer("xa", "Ban Thường vụ Đảng ủy xã Gia Viễn", "2025-09-20")
POLICE_PLAN = _implementer("ca", "Ban Thường vụ Đảng ủy Công an tỉnh Ninh Bình", "2025-09-10")
DISTRICT_PLAN = _implementer("huyen", "Ủy ban nhân dân huyện Gia Viễn", "2025-09-01")
SO_PLAN = _implementer("so", "Sở Giáo dục và Đào tạo", "2025-09-15")


@pytest.mark.parametrize(
    ("text", "assignees", "implementers", "fulfilled_by"),
    [
        # the earliest implementing plan of a body the task is given to, not of any body
        (
            "Đảng ủy các xã, phường xây dựng kế hoạch thực hiện",
            ("Đảng ủy xã", "Đảng ủy phường"),
            [UBND_PLAN, COMMUNE_PLAN],
            "xa",
        ),
        (
            "Đảng ủy các xã, phường xây dựng kế hoạch thực hiện",
            ("Đảng ủy xã", "Đảng ủy phường"),
            [UBND_PLAN],
            None,
        ),
        (
            "Các đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện",
            ("đảng ủy trực thuộc Tỉnh ủy",),
            [UBND_PLAN, POLICE_PLAN],
            "ca",
        ),
        (
            "Các sở, ban, ngành xây dựng kế hoạch thực hiện",
            ("sở", "ban", "ngành"),
            [DISTRICT_PLAN, UBND_PLAN, SO_PLAN],
            "so",
        ),
        (
            "UBND các huyện xây dựng kế hoạch thực hiện",
            ("Ủy ban nhân dân huyện",),
            [UBND_PLAN, COMMUNE_PLAN, DISTRICT_PLAN],
            "huyen",
        ),
        # a Party body that leads the UBND: its own plan, or the UBND's when the task names it
        (
            "Ban cán sự đảng UBND tỉnh xây dựng kế hoạch thực hiện",
            ("Ban cán sự đảng UBND tỉnh",),
            [UBND_PLAN],
            None,
        ),
        (
            "Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh xây dựng kế hoạch thực hiện",
            ("Đảng ủy UBND tỉnh",),
            [UBND_PLAN],
            "ubnd",
        ),
        # bodies of no known level or kind: the earliest plan
        (
            "Các cơ quan, đơn vị xây dựng kế hoạch thực hiện",
            ("cơ quan", "đơn vị"),
            [COMMUNE_PLAN, UBND_PLAN],
            "ubnd",
        ),
        # an issuer known to be of the body's level and kind before one not known
        (
            "Văn phòng Tỉnh ủy xây dựng kế hoạch thực hiện",
            ("Văn phòng Tỉnh ủy",),
            [
                _implementer("x", None, "2025-09-01"),
                _implementer("tu", "Ban Thường vụ Tỉnh ủy Ninh Bình", "2025-10-01"),
            ],
            "tu",
        ),
        # an issuer known by its symbol only
        (
            "Văn phòng Tỉnh ủy xây dựng kế hoạch thực hiện",
            ("Văn phòng Tỉnh ủy",),
            [_implementer("x", None, "2025-09-01", symbol="301/KH-UBND", issuer_code="UBND")],
            None,
        ),
        # a plan for one year: that year's
        ("Đảng ủy các xã xây dựng kế hoạch thực hiện năm 2027", ("Đảng ủy xã",), [COMMUNE_PLAN], None),
    ],
)
def test_an_implementing_plan_fulfils_a_task_of_the_body_that_issues_it(
    text, assignees, implementers, fulfilled_by
):
    made, _ = produces(text)
    task = ObligationRecord(
        text=text,
        assignees=tuple(Assignment(a, "thuc_hien") for a in assignees),
        deadline=None,
        recurring=None,
        produces=made,
        produces_level=None,
        kind="section",
        evidence=Evidence("kh.txt", 1, text),
    )
    assigning = {
        "id": "tu",
        "date": "2025-08-15",
        "jurisdiction": "Ninh Bình",
        "issuer": "Ban Thường vụ Tỉnh ủy Ninh Bình",
    }
    assert implementing_fulfilment(task, assigning, implementers) == fulfilled_by


def test_a_commune_s_plan_fulfils_the_communes_task_though_the_province_s_came_first():
    """The Tỉnh ủy asks the communes' Party committees for plans; the UBND tỉnh's plan implementing
    it came first, the commune's is theirs."""
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n1. Đảng ủy các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch thực hiện, "
        "hoàn thành trong tháng 9/2025."
    )
    tu = party_doc(
        number="05",
        code="KH",
        heading="KẾ HOẠCH",
        of="",
        date="ngày 15 tháng 8 năm 2025",
        subject="thực hiện Nghị quyết số 71-NQ/TW của Bộ Chính trị về giáo dục",
        body=body,
        province="NINH BÌNH",
        place="Ninh Bình",
    )
    cue = "Thực hiện Kế hoạch số 05-KH/TU ngày 15/8/2025 của Ban Thường vụ Tỉnh ủy"
    ubnd = (
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 301/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Ninh Bình, ngày 05 tháng 9 năm 2025\n\nKẾ HOẠCH\n{cue}\n\n{cue}, UBND tỉnh ban hành Kế hoạch.\n"
        "1. Giao Sở Giáo dục và Đào tạo chủ trì tham mưu thực hiện.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Quang Ngọc\n"
    )
    xa = (
        "ĐẢNG BỘ TỈNH NINH BÌNH\nĐẢNG ỦY XÃ GIA VIỄN\n*\nSố 09-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        f"Gia Viễn, ngày 20 tháng 9 năm 2025\n\nKẾ HOẠCH\n{cue.replace('Thực', 'thực')}\n\n"
        f"{cue}, Ban Thường vụ Đảng ủy xã ban hành Kế hoạch.\n"
        "1. Các chi bộ trực thuộc tổ chức quán triệt.\n\nT/M ĐẢNG ỦY\nBÍ THƯ\nPhạm Văn Hà\n"
    )
    G = build_graph([parse_text(t, f"{i}.txt") for i, t in enumerate((tu, ubnd, xa))])
    (task,) = [
        a for _, a in G.nodes(data=True) if a.get("kind") == "Obligation" and "05-KH/TU" in a["document"]
    ]
    assert task["fulfilled_by"] == "ninh-binh:09-KH/ĐU@2025-09-20"


def test_one_body_spelt_two_ways_is_one_node_with_an_alias():
    body = (
        "III- TỔ CHỨC THỰC HIỆN\n\n1. Các cơ quan tham mưu, giúp việc của Tỉnh ủy xây dựng kế hoạch thực hiện.\n\n"
        "2. Văn phòng Tỉnh ủy chủ trì, phối hợp với các cơ quan tham mưu, giúp việc Tỉnh ủy theo dõi."
    )
    G = build_graph([parse_text(party_doc(body=body), "a.txt")])
    named = [a for _, a in G.nodes(data=True) if a.get("kind") == "Body" and "giúp việc" in a["name"]]
    assert [(a["name"], a["aliases"]) for a in named] == [
        ("cơ quan tham mưu, giúp việc Tỉnh ủy", ["cơ quan tham mưu, giúp việc của Tỉnh ủy"])
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("cơ quan tham mưu, giúp việc của Tỉnh ủy", "bac-giang:co-quan-tham-muu-giup-viec-tinh-uy"),
        # a word that folds to a connective is none: 'cửa' (door) is no 'của' (of)
        ("Bộ phận Một cửa tỉnh", "bac-giang:bo-phan-mot-cua-tinh"),
        ("Đồn Biên phòng Cửa khẩu Lao Bảo", "bac-giang:don-bien-phong-cua-khau-lao-bao"),
    ],
)
def test_a_bodys_key_drops_its_connectives_only(name, key):
    from vbgraph.graph.tasks import body_id

    assert body_id(name, "Bắc Giang") == key


@pytest.mark.parametrize(
    ("subject", "level"),
    [
        ("Ban Tuyên giáo Tỉnh ủy", "province"),
        ("Ủy ban nhân dân huyện Lục Nam", "district"),
        ("Ban Thường vụ Quận ủy", "district"),
        ("Đảng ủy xã Minh Quang", "commune"),
        ("Ủy ban Mặt trận Tổ quốc xã", "commune"),
        ("Ban Chỉ đạo 35 Trung ương", "central"),
    ],
)
def test_a_body_has_the_level_its_name_says(subject, level):
    """A body named as a district's or a commune's is one (for views and questions by level), as
    its issuer makes a document one; a province's plan may assign a district's or commune's body."""
    body = f"III- TỔ CHỨC THỰC HIỆN\n\n1. {subject} chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi."
    G = build_graph([parse_text(party_doc(body=body), "a.txt")])
    got = {a["name"]: a["level"] for _, a in G.nodes(data=True) if a.get("kind") == "Body"}
    assert got[subject] == level and got["Văn phòng Tỉnh ủy"] == "province"


def test_a_notice_relays_the_tasks_of_the_plan_it_announces():
    page = (
        "Hà Nam, ngày 02 tháng 3 năm 2020\n\n"
        "Thực hiện Chương trình số 12-CTr/TU ngày 05/01/2019 của Ban Thường vụ Tỉnh ủy, ngày 20/02/2020 Ủy ban "
        "nhân dân huyện ban hành Kế hoạch số 31/KH-UBND về chuyển đổi số năm 2020.\n\n"
        "Trên cơ sở kế hoạch của Ủy ban nhân dân huyện, đề nghị các phòng chuyên môn và UBND các xã, thị trấn "
        "xây dựng kế hoạch thực hiện tại cơ quan, đơn vị mình.\n"
    )
    G = build_graph([parse_text(page, "notice.html.txt")])
    tasks = [(n, a) for n, a in G.nodes(data=True) if a.get("kind") == "Obligation"]
    assert [a["document"].split(":")[-1].split("@")[0] for _, a in tasks] == ["31/KH-UBND"]
    assert {G.nodes[b]["name"] for _, b, k in G.out_edges(tasks[0][0], keys=True) if k == "GIAO_CHO"} == {
        "phòng chuyên môn",
        "Ủy ban nhân dân xã",
        "Ủy ban nhân dân thị trấn",
    }


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("sở", True),
        ("ngành tỉnh", True),
        ("cơ quan liên quan", True),
        ("địa phương", True),
        ("Sở Nội vụ", False),
        ("Ban Tuyên giáo Tỉnh ủy", False),
        ("huyện ủy", False),
    ],
)
def test_a_name_of_a_kind_of_unit_is_flagged_generic(name, generic):
    from vbgraph.loaders.bodies import names_a_kind

    assert names_a_kind(name) is generic


@pytest.mark.parametrize(("text", "names"), tables.load("obligations.toml")["bodies"]["organs_examples"])
def test_a_predicate_word_inside_an_office_name_is_no_predicate(text, names):
    """'Ban Tuyên giao Huyện ủy' (a lost tone mark on 'giáo'), 'Ủy ban kiểm tra Huyện ủy' (in lower
    case): the name goes on over the word, and is read as the vocabulary spells it."""
    found, _ = parse_subject(text)
    assert [canonical_name(n) for n in found] == names


@pytest.mark.parametrize(
    ("text", "names"), tables.load("obligations.toml")["bodies"]["named_offices_examples"]
)
def test_an_office_named_whole_ends_before_a_word_no_name_goes_on_with(text, names):
    """'Phòng Tài chính - Kế hoạch thanh toán …': a verb the predicates lack after an office the
    vocabulary names whole is no part of its name; a place, a list or 'khu vực' goes on with it."""
    found, _ = parse_subject(text)
    assert [canonical_name(n) for n in found] == names


@pytest.mark.parametrize(("text", "names"), tables.load("obligations.toml")["bodies"]["closed_examples"])
def test_a_place_name_or_co_lien_quan_closes_a_name_before_a_verb_the_tables_lack(text, names):
    """'Công an huyện Ba Tri quản lý …': a unit's place name (or a list of them) ends the name when a
    word in lower case follows that no name goes on with; so does 'có liên quan'."""
    found, _ = parse_subject(text)
    assert [canonical_name(n) for n in found] == names


@pytest.mark.parametrize(("text", "names"), tables.load("obligations.toml")["bodies"]["times_examples"])
def test_how_often_a_body_does_its_task_is_no_part_of_its_name(text, names):
    """'Sở Y tế 02 lần/năm tổ chức …': the count of times ends the name."""
    found, _ = parse_subject(text)
    assert [canonical_name(n) for n in found] == names


def test_a_point_that_goes_on_assigns_outside_the_implementing_part():
    """'…, thường xuyên.' closing a plan's point is its time, as a date to be done by is."""
    body = (
        "II. NHIỆM VỤ\n\n1. Trung tâm Phục vụ hành chính công tỉnh thực hiện tiếp nhận hồ sơ trực tuyến, thường "
        "xuyên.\n\n2. Các chỉ tiêu phát triển thường xuyên được theo dõi."
    )
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    assert got == {("Trung tâm Phục vụ hành chính công tỉnh", "thuc_hien")}


def test_a_point_with_a_time_to_do_it_by_assigns_outside_the_implementing_part():
    """A plan's tasks under 'NHIỆM VỤ, GIẢI PHÁP': a body and a time to be done by; a target's horizon
    ('đến năm 2025 đạt …') is no such time."""
    body = (
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí, hoàn thành trong quý "
        "II năm 2025.\n\n2. Trường Cao đẳng Y tế là trường chất lượng cao; đến năm 2025 đạt chuẩn kiểm định."
    )
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    assert got == {("Phòng Tài chính - Kế hoạch", "thuc_hien")}


@pytest.mark.parametrize(
    ("item", "end"),
    [
        ("Phòng Nội vụ chủ trì đẩy mạnh tuyên truyền; thời gian: năm 2025.", "2025-12-31"),
        ("Phòng Nội vụ chủ trì rà soát thủ tục; thời gian thực hiện: thường xuyên.", None),
        (
            "Phòng Nội vụ chủ trì tuyên truyền pháp luật. Thời gian hoàn thành: trước ngày 30/9/2025.",
            "2025-09-30",
        ),
        ("Phòng Nội vụ chủ trì kiểm tra an toàn thực phẩm, hoàn thành đến hết năm 2025.", "2025-12-31"),
    ],
)
def test_a_time_label_after_a_task_is_its_time_not_a_task(item, end):
    """'thời gian: …' after a semicolon or in the next sentence gives the task its time, whatever
    its value; the lead keeps its role."""
    _, rec = assignments(
        party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {item}", date="ngày 05 tháng 3 năm 2025")
    )
    (task,) = rec.obligations
    assert [(a.name, a.role) for a in task.assignees] == [("Phòng Nội vụ", "chu_tri")]
    assert (task.deadline or {}).get("end") == end


@pytest.mark.parametrize(
    "part", ["II. NHIỆM VỤ CỤ THỂ\n\n1. Công tác tuyên truyền", "III. TỔ CHỨC THỰC HIỆN"]
)
def test_a_time_after_a_task_with_partners_is_the_tasks_time(part):
    """'X chủ trì, phối hợp với Y …. Thời gian hoàn thành: …': the time of X's and Y's task."""
    item = (
        "- Phòng Văn hóa chủ trì, phối hợp với Đài Truyền thanh huyện tổ chức tuyên truyền. "
        "Thời gian hoàn thành: Quý III/2025."
    )
    _, rec = assignments(party_doc(body=f"{part}\n\n{item}", date="ngày 05 tháng 3 năm 2025"))
    (task,) = rec.obligations
    assert [(a.name, a.role) for a in task.assignees] == [
        ("Phòng Văn hóa", "chu_tri"),
        ("Đài Truyền thanh huyện", "phoi_hop"),
    ]
    assert task.deadline["end"] == "2025-09-30"


@pytest.mark.parametrize(
    ("cell", "end", "recurring"),
    [
        ("Năm 2025", "2025-12-31", None),  # a bare year in the time column is the year
        ("Quý IV/2025", "2025-12-31", None),
        ("Định kỳ hằng tháng, trước ngày 20", None, "định kỳ hằng tháng"),  # the column's recurrence
        ("Trước ngày 30/10", "2025-10-30", None),  # the year of the document's date, as in a sentence
        ("Trước ngày 15/01", "2026-01-15", None),  # a day already past that year: the next year's
        ("01/10/2025", "2025-10-01", None),
        ("Thường xuyên", None, None),
    ],
)
def test_a_task_tables_time_column(cell, end, recurring):
    table = (
        "PHỤ LỤC\n\nSTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        f"1\tTriển khai thanh toán không dùng tiền mặt\tPhòng Giáo dục và Đào tạo\tPhòng Nội vụ\t{cell}"
    )
    _, rec = assignments(party_doc(body=table, date="ngày 05 tháng 3 năm 2025"))
    (task,) = rec.obligations
    assert ((task.deadline or {}).get("end"), task.recurring) == (end, recurring)


@pytest.mark.parametrize("heading", tables.load("obligations.toml")["proposals"]["examples"])
def test_a_reports_proposals_to_the_bodies_above_assign_nothing(heading):
    """'Đề nghị UBND thị xã …' under a report's proposals asks the body above; the next part reads on."""
    body = (
        f"II. KẾT QUẢ\n\nGiao Phòng Nội vụ tổng hợp kết quả.\n\n{heading}\n\nĐề nghị UBND thị xã quan tâm hỗ "
        "trợ kinh phí.\n\nV. TỔ CHỨC THỰC HIỆN\n\nGiao Phòng Tư pháp theo dõi."
    )
    got, _ = assignments(party_doc(heading="BÁO CÁO", code="BC", of="", body=body))
    assert got == {("Phòng Nội vụ", "thuc_hien"), ("Phòng Tư pháp", "thuc_hien")}


@pytest.mark.parametrize("heading", tables.load("obligations.toml")["proposals"]["tasks_examples"])
def test_a_part_that_proposes_tasks_keeps_them(heading):
    """'II. ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP …': the tasks proposed to the text's own addressees."""
    from vbgraph.loaders.obligations import _proposals_heading

    assert not _proposals_heading(heading)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a meeting's conclusions open a scope; a notice's close assigns nothing
            "Tại phiên họp ngày 08/3/2024, Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n"
            "1. Sở Nông nghiệp và Môi trường kiểm tra hệ thống đê điều trước ngày 30/4/2024.\n\n"
            "Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.",
            {("Sở Nông nghiệp và Môi trường", "thuc_hien")},
        ),
        (  # what bodies have done is no task; those that have not yet done it are the bodies
            "Ban Thường vụ Tỉnh ủy kết luận:\n\nMặt trận Tổ quốc và các tổ chức đoàn thể đã tích cực vào cuộc.\n\n"
            "Các đơn vị chưa gửi báo cáo khẩn trương gửi về Văn phòng Tỉnh ủy trước ngày 15/4/2024.",
            {("đơn vị", "thuc_hien")},
        ),
    ],
)
def test_a_meetings_conclusions(body, expected):
    got, _ = assignments(party_doc(heading="THÔNG BÁO", code="TB", of="", body=body))
    assert got == expected


@pytest.mark.parametrize(
    "header", ["1. Đối với Sở Tư pháp:", "1. Trách nhiệm của Sở Tư pháp", "1. Nhiệm vụ của Sở Tư pháp:"]
)
def test_a_point_that_says_whose_duties_follow_assigns_them(header):
    body = f"III. TỔ CHỨC THỰC HIỆN\n\n{header}\n\nCập nhật dữ liệu hộ tịch, hoàn thành trong tháng 12/2025."
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    assert got == {("Sở Tư pháp", "thuc_hien")}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a heading that names places by their units' words: the points under it are theirs
        ("2. Đối với các xã, thị trấn:", {("xã", "thuc_hien"), ("thị trấn", "thuc_hien")}),
        ("2. Các phường, xã:", {("phường", "thuc_hien"), ("xã", "thuc_hien")}),
        ("3. Đối với các thôn, tổ dân phố:", {("thôn", "thuc_hien"), ("tổ dân phố", "thuc_hien")}),
        # a topic heading names no one
        ("2. Đối với công tác tuyên truyền:", set()),
    ],
)
def test_points_under_a_heading_of_places_are_their_tasks(header, expected):
    body = (
        f"II. NHIỆM VỤ\n\n{header}\n\n- Niêm yết công khai thủ tục hành chính.\n\n"
        "- Báo cáo kết quả về Phòng Nội vụ trước ngày 15/12/2024.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
        "Phòng Nội vụ theo dõi, đôn đốc thực hiện."
    )
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    assert got - {("Phòng Nội vụ", "thuc_hien")} == expected


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        # places listed after a body, or as its partners, are bodies of the list
        (
            "Phòng Nông nghiệp và Phát triển nông thôn, các xã, thị trấn triển khai tiêu độc khử trùng.",
            {
                ("Phòng Nông nghiệp và Phát triển nông thôn", "thuc_hien"),
                ("xã", "thuc_hien"),
                ("thị trấn", "thuc_hien"),
            },
        ),
        (
            "Công an huyện chủ trì, phối hợp với các xã, thị trấn kiểm tra an toàn phòng cháy.",
            {("Công an huyện", "chu_tri"), ("xã", "phoi_hop"), ("thị trấn", "phoi_hop")},
        ),
        # the province said alone is no partner
        ("Công an huyện phối hợp chặt chẽ với tỉnh kiểm tra.", {("Công an huyện", "thuc_hien")}),
        # places alone opening a sentence may say how they are: no task
        ("Các xã, phường vận hành cơ bản thông suốt.", set()),
    ],
)
def test_places_named_by_their_units_words_in_a_list(point, expected):
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {point}"))
    assert got == expected


@pytest.mark.parametrize(
    ("part", "point", "expected"),
    [
        # units' words alone opening a sentence in a part of tasks are its subject
        (
            "III. TỔ CHỨC THỰC HIỆN",
            "Các xã, thị trấn xây dựng kế hoạch, gửi về Phòng Nội vụ trước ngày 15/3/2024.",
            {("xã", "thuc_hien"), ("thị trấn", "thuc_hien")},
        ),
        (
            "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM",
            "Các phường, xã báo cáo kết quả hằng quý, chậm nhất ngày 10 tháng cuối quý.",
            {("phường", "thuc_hien"), ("xã", "thuc_hien")},
        ),
        (
            "III. TỔ CHỨC THỰC HIỆN",
            "Các phường, xã, các cơ quan, đơn vị báo cáo kết quả về Công an thị xã.",
            {("phường", "thuc_hien"), ("xã", "thuc_hien"), ("cơ quan", "thuc_hien"), ("đơn vị", "thuc_hien")},
        ),
        # ... after an opening clause too
        (
            "III. TỔ CHỨC THỰC HIỆN",
            "Sau khi Sở Y tế cấp vắc xin, các xã, thị trấn tổ chức tiêm phòng trước ngày 30/4/2025.",
            {("xã", "thuc_hien"), ("thị trấn", "thuc_hien")},
        ),
        # outside a part of tasks they say how the places are
        ("I. KẾT QUẢ THỰC HIỆN", "Các xã, thị trấn tiếp nhận 12.450 hồ sơ trước ngày 30/6/2024.", set()),
        # the places a body gives the task to, not the giver
        (
            "III. TỔ CHỨC THỰC HIỆN",
            "Ủy ban nhân dân thành phố giao các phường, xã kiểm tra hiện trạng, báo cáo trước ngày 20/5/2024.",
            {("phường", "thuc_hien"), ("xã", "thuc_hien")},
        ),
        (
            "I. KẾT QUẢ THỰC HIỆN",
            "Ủy ban nhân dân huyện đã giao các xã, thị trấn rà soát hộ nghèo.",
            set(),
        ),
        # the places a topic names, when nothing after its colon does
        (
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "Đối với các xã, thị trấn: tập trung hoàn thiện hồ sơ công nhận, hoàn thành trước ngày 31/10/2024.",
            {("xã", "thuc_hien"), ("thị trấn", "thuc_hien")},
        ),
        ("II. NHIỆM VỤ VÀ GIẢI PHÁP", "Đối với các xã, thị trấn: đã cơ bản hoàn thành các tiêu chí.", set()),
        # where the places are, before the predicate
        (
            "III. TỔ CHỨC THỰC HIỆN",
            "Các xã, thị trấn trên địa bàn huyện rà soát hộ nghèo, báo cáo trước ngày 15/7/2024.",
            {("xã", "thuc_hien"), ("thị trấn", "thuc_hien")},
        ),
        (
            "III. TỔ CHỨC THỰC HIỆN",
            "Các phường, xã trên địa bàn thành phố Bảo Lộc xây dựng kế hoạch thực hiện.",
            {("phường", "thuc_hien"), ("xã", "thuc_hien")},
        ),
        (
            "II. NHIỆM VỤ CỤ THỂ",
            "Các tổ dân phố trên địa bàn phường báo cáo kết quả về UBND phường trước ngày 25/11/2024.",
            {("tổ dân phố", "thuc_hien")},
        ),
        # words in lower case after the places say which of them: the places still
        (
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "Các xã, thị trấn biên giới tăng cường tuần tra, kiểm soát địa bàn.",
            {("xã", "thuc_hien"), ("thị trấn", "thuc_hien")},
        ),
        (
            "II. NHIỆM VỤ CỤ THỂ",
            "Các phường trung tâm hoàn thành chỉnh trang vỉa hè trước ngày 30/9/2024.",
            {("phường", "thuc_hien")},
        ),
        ("II. NHIỆM VỤ CỤ THỂ", "Các xã vùng sâu đã hoàn thành chỉnh trang đường làng.", set()),
        (  # named places are no qualifier
            "II. NHIỆM VỤ CỤ THỂ",
            "Các xã Phú Lộc, Vinh Hưng hoàn thành chỉnh trang đường làng.",
            {("xã Phú Lộc", "thuc_hien"), ("xã Vinh Hưng", "thuc_hien")},
        ),
    ],
)
def test_places_opening_a_sentence_of_a_part_of_tasks_are_its_subject(part, point, expected):
    body = f"{part}\n\n1. {point}"
    got, _ = assignments(
        party_doc(heading="KẾ HOẠCH", code="KH", of="", date="ngày 08 tháng 1 năm 2024", body=body)
    )
    assert got == expected


@pytest.mark.parametrize(
    "point",
    tables.load("obligations.toml")["appeal"]["assessment_examples"]
    + tables.load("obligations.toml")["appeal"]["targets_examples"]
    + ["Các huyện, thị xã giữ vững ổn định.", "Các phường, xã vận hành cơ bản thông suốt."],
)
def test_places_that_say_how_they_are_in_a_part_of_tasks_are_assigned_nothing(point):
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {point}"))
    assert got == set()


@pytest.mark.parametrize(
    "point",
    tables.load("obligations.toml")["appeal"]["assessed_tasks"]
    + ["Các xã, thị trấn bảo đảm an ninh trật tự ổn định trong dịp Tết."],
)
def test_an_assessments_word_that_qualifies_the_places_or_the_task_leaves_the_task(point):
    """'Các huyện chưa hoàn thành … khẩn trương hoàn thành trước ngày …': the places that must."""
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {point}"))
    units = {"huyện", "thị xã", "thành phố", "xã", "thị trấn", "phường"}
    assert got and {name for name, _ in got} <= units and {role for _, role in got} == {"thuc_hien"}


@pytest.mark.parametrize(("sentence", "end"), tables.load("obligations.toml")["appeal"]["arising_examples"])
def test_something_arising_is_the_occasion_of_a_task_no_closing(sentence, end):
    """'Khi có phát sinh ổ dịch, tổ chức khoanh vùng …': the task of the body heading the points."""
    rec = parse_text(
        party_doc(
            body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ\n\n- {sentence}", date="ngày 10 tháng 3 năm 2024"
        ),
        "a.txt",
    )
    assert [
        ([a.name for a in o.assignees], (o.deadline or {}).get("end") or "") for o in rec.obligations
    ] == [(["Phòng Nội vụ"], end)]


@pytest.mark.parametrize(
    ("point", "tasks"),
    [
        # only the closing goes: the clauses after it are the body's tasks still
        (
            "Sở Y tế giám sát ca bệnh; nếu có khó khăn, vướng mắc, báo cáo UBND tỉnh; tổng hợp kết quả trước "
            "ngày 20/12/2024.",
            [("Sở Y tế giám sát ca bệnh", None), ("tổng hợp kết quả trước ngày 20/12/2024.", "2024-12-20")],
        ),
        (
            "Trung tâm Y tế huyện giám sát ca bệnh; khi có phát sinh ca bệnh, tổ chức xử lý ổ dịch; báo cáo UBND "
            "huyện trước ngày 25/6/2024.",
            [
                ("Trung tâm Y tế huyện giám sát ca bệnh", None),
                (
                    "khi có phát sinh ca bệnh, tổ chức xử lý ổ dịch; báo cáo UBND huyện trước ngày 25/6/2024.",
                    "2024-06-25",
                ),
            ],
        ),
    ],
)
def test_a_closing_clause_inside_a_sentence_drops_only_itself(point, tasks):
    rec = parse_text(
        party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {point}", date="ngày 10 tháng 3 năm 2024"), "c.txt"
    )
    assert [(o.text, (o.deadline or {}).get("end")) for o in rec.obligations] == tasks


@pytest.mark.parametrize(
    ("point", "names"),
    [  # after an opening phrase that is no condition, a body followed by 'khi …' is the subject
        (
            "Ngoài ra, Ủy ban nhân dân các xã, phường khi tổ chức lễ hội phải báo cáo Ủy ban nhân dân thành phố.",
            {"Ủy ban nhân dân xã", "Ủy ban nhân dân phường"},
        ),
        ("Đồng thời, Công an thị xã khi phát hiện vi phạm xử lý nghiêm theo quy định.", {"Công an thị xã"}),
        ("Hằng năm, các sở, ngành khi xây dựng dự toán phải bố trí kinh phí.", {"sở", "ngành"}),
        # a village's head keeps its tone: no 'trưởng ban'
        (
            "Khi xảy ra sạt lở đất, trưởng thôn, bản báo cáo ngay Ủy ban nhân dân xã.",
            {"trưởng thôn", "trưởng bản"},
        ),
        # an opening that is a condition goes on after the comma of its list: no 'chi bộ'
        (
            "Khi kiểm điểm trong sinh hoạt cấp ủy, chi bộ nếu có sai phạm, Ủy ban Kiểm tra Huyện ủy xem xét.",
            {"Ủy ban Kiểm tra Huyện ủy"},
        ),
    ],
)
def test_a_subject_after_an_opening_phrase_may_do_its_task_on_a_condition(point, names):
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {point}"))
    assert {name for name, _ in got} == names


@pytest.mark.parametrize(
    "sentence",
    [
        "Khi Ban Chỉ huy Phòng thủ dân sự tỉnh ban hành lệnh sơ tán, Ủy ban nhân dân huyện tổ chức di dời dân.",
        "Nếu Ủy ban nhân dân xã chưa xây dựng phương án, Phòng Kinh tế hướng dẫn xây dựng trước ngày 15/4/2025.",
    ],
)
def test_what_a_condition_names_is_made_by_no_assignee(sentence):
    rec = parse_text(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {sentence}"), "p.txt")
    assert rec.obligations and all(o.produces is None for o in rec.obligations)


def test_the_one_date_of_an_events_line_of_time_is_its_day():
    """'Thời gian tổ chức: từ ngày 20/6/2025.': the day it is held, though 'từ ngày' opens it."""
    body = "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Văn hóa chủ trì tổ chức Liên hoan. Thời gian tổ chức: từ ngày 20/6/2025."
    rec = parse_text(party_doc(body=body, date="ngày 10 tháng 3 năm 2025"), "e.txt")
    assert [(o.deadline or {}).get("end") for o in rec.obligations] == [None, "2025-06-20"]


@pytest.mark.parametrize(
    ("sentence", "subject"), tables.load("obligations.toml")["opening"]["conditions_examples"]
)
def test_the_task_after_a_conditional_clause_is_the_main_clauses(sentence, subject):
    """'Khi X ban hành lệnh …, Y chỉ đạo …': Y's task; X, inside the condition, has none."""
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {sentence}"))
    assert {name for name, _ in got} == {subject}


@pytest.mark.parametrize(("sentence", "due"), tables.load("obligations.toml")["deadline"]["start_examples"])
def test_a_time_a_task_starts_from_is_no_deadline(sentence, due):
    """'từ ngày 01/7/2024 tổng hợp …, báo cáo trước ngày 05 hàng tháng': due on the 5th of each month."""
    rec = parse_text(
        party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {sentence}", date="ngày 10 tháng 3 năm 2024"), "s.txt"
    )
    assert [(o.deadline or {}).get("text", "") for o in rec.obligations] == [due]
    assert all((o.deadline or {}).get("end") is None for o in rec.obligations)


@pytest.mark.parametrize(
    ("persons", "named"),
    [  # a personnel decision's executing article names the persons of its Điều 1 last
        ("các ông (bà) có tên tại Điều 1", "ông (bà) có tên tại Điều 1"),
        ("các ông, bà có tên tại Điều 1", "ông, bà có tên tại Điều 1"),
        ("các cá nhân có tên tại Điều 1", "cá nhân có tên tại Điều 1"),
    ],
)
def test_the_persons_an_executing_article_names_last_are_one_of_its_list(persons, named):
    body = (
        "QUYẾT ĐỊNH:\n\nĐiều 1. Thành lập Tổ công tác.\n\nĐiều 2. Chánh Văn phòng UBND tỉnh, Giám đốc Sở "
        f"Nội vụ và {persons} chịu trách nhiệm thi hành Quyết định này./."
    )
    got, _ = assignments(party_doc(heading="QUYẾT ĐỊNH", code="QĐ", of="", body=body))
    assert got == {
        ("Chánh Văn phòng UBND tỉnh", "thuc_hien"),
        ("Giám đốc Sở Nội vụ", "thuc_hien"),
        (named, "thuc_hien"),
    }


@pytest.mark.parametrize(
    "lead", ["Các ông (bà):", "Các ông, bà:", "Các Ông/Bà:", "Ông (bà):", "Các đồng chí:"]
)
def test_the_persons_an_executing_article_addresses_before_the_offices_are_no_subject(lead):
    """'Các ông (bà): Chánh Văn phòng …, Giám đốc Sở …' as without its lead-in: each office executes."""
    body = (
        f"QUYẾT ĐỊNH:\n\nĐiều 1. Thành lập Tổ công tác.\n\nĐiều 2. {lead} Chánh Văn phòng UBND tỉnh, "
        "Giám đốc Sở Nội vụ, Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này./."
    )
    got, _ = assignments(party_doc(heading="QUYẾT ĐỊNH", code="QĐ", of="", body=body))
    assert got == {
        ("Chánh Văn phòng UBND tỉnh", "thuc_hien"),
        ("Giám đốc Sở Nội vụ", "thuc_hien"),
        ("Chủ tịch UBND huyện", "thuc_hien"),
    }


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (
            "Bảo hiểm xã hội tỉnh phối hợp chặt chẽ với Sở Y tế kiểm tra việc thanh toán.",
            {("Bảo hiểm xã hội tỉnh", "thuc_hien"), ("Sở Y tế", "phoi_hop")},
        ),
        (
            "Sở Y tế phối hợp với các nhà trường tổ chức khám sức khỏe cho học sinh.",
            {("Sở Y tế", "thuc_hien"), ("nhà trường", "phoi_hop")},
        ),
        (  # a partner no list knows: still the subject's own task
            "Sở Y tế phối hợp với các lực lượng chức năng kiểm tra an toàn thực phẩm.",
            {("Sở Y tế", "thuc_hien")},
        ),
        ("Sở Y tế phối hợp tổ chức khám sức khỏe.", {("Sở Y tế", "phoi_hop")}),  # no partner: it helps
        (
            "Sở Y tế chủ trì, Sở Tài chính phối hợp tham mưu UBND tỉnh ban hành kế hoạch.",
            {("Sở Y tế", "chu_tri"), ("Sở Tài chính", "phoi_hop")},
        ),
        (
            "Sở Y tế là cơ quan chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tổ chức thực hiện.",
            {("Sở Y tế", "chu_tri"), ("Bảo hiểm xã hội tỉnh", "phoi_hop")},
        ),
        (  # a province's press after 2025, its comma inside its name
            "Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo và Phát thanh, Truyền hình Nghệ An, "
            "Sở Nội vụ tuyên truyền.",
            {
                ("Sở Văn hóa, Thể thao và Du lịch", "chu_tri"),
                ("Báo và Phát thanh, Truyền hình Nghệ An", "phoi_hop"),
                ("Sở Nội vụ", "phoi_hop"),
            },
        ),
    ],
)
def test_roles_of_a_task_and_its_partners(point, expected):
    got, _ = assignments(party_doc(body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {point}"))
    assert got == expected


@pytest.mark.parametrize(
    ("point", "tasks"),
    [
        # the partners after the lead's semicolon: one task, with its time
        (
            "Sở Nông nghiệp và Môi trường chủ trì; Sở Tài chính, Sở Xây dựng phối hợp thực hiện chuyển đổi số, "
            "hoàn thành năm 2026.",
            [
                (
                    [
                        ("Sở Nông nghiệp và Môi trường", "chu_tri"),
                        ("Sở Tài chính", "phoi_hop"),
                        ("Sở Xây dựng", "phoi_hop"),
                    ],
                    "2026-12-31",
                )
            ],
        ),
        (
            "Sở Nội vụ chủ trì, các sở, ngành phối hợp rà soát biên chế, hoàn thành trong quý I/2026.",
            [([("Sở Nội vụ", "chu_tri"), ("sở", "phoi_hop"), ("ngành", "phoi_hop")], "2026-03-31")],
        ),
        (
            "Sở Y tế chủ trì, Sở Tài chính phối hợp với Kho bạc Nhà nước tỉnh kiểm tra, hoàn thành năm 2026.",
            [
                (
                    [
                        ("Sở Y tế", "chu_tri"),
                        ("Sở Tài chính", "phoi_hop"),
                        ("Kho bạc Nhà nước tỉnh", "phoi_hop"),
                    ],
                    "2026-12-31",
                )
            ],
        ),
        # each role in parentheses after its name
        (
            "Giao Sở Tư pháp (chủ trì), Công an tỉnh (phối hợp) rà soát thủ tục, hoàn thành năm 2026.",
            [([("Sở Tư pháp", "chu_tri"), ("Công an tỉnh", "phoi_hop")], "2026-12-31")],
        ),
        (
            "Sở Tư pháp (chủ trì) phối hợp với Văn phòng Ủy ban nhân dân tỉnh rà soát thủ tục, hoàn thành năm 2026.",
            [([("Sở Tư pháp", "chu_tri"), ("Văn phòng Ủy ban nhân dân tỉnh", "phoi_hop")], "2026-12-31")],
        ),
        # a ministry's departments and institutes as partners
        (
            "Vụ Pháp chế chủ trì, phối hợp với các Cục, Vụ liên quan rà soát văn bản, hoàn thành năm 2026.",
            [
                (
                    [("Vụ Pháp chế", "chu_tri"), ("Cục liên quan", "phoi_hop"), ("Vụ liên quan", "phoi_hop")],
                    "2026-12-31",
                )
            ],
        ),
        (
            "Bộ Chỉ huy Quân sự tỉnh phối hợp với Cục Thông tin, Thống kê hướng dẫn, hoàn thành năm 2026.",
            [
                (
                    [("Bộ Chỉ huy Quân sự tỉnh", "thuc_hien"), ("Cục Thông tin, Thống kê", "phoi_hop")],
                    "2026-12-31",
                )
            ],
        ),
        # a partner of 'phối hợp với' ends at its semicolon: a clause with a subject of its own after it
        (
            "Sở Y tế chủ trì, phối hợp với Sở Tài chính; Sở Nội vụ kiểm tra, hoàn thành năm 2026.",
            [
                ([("Sở Y tế", "chu_tri"), ("Sở Tài chính", "phoi_hop")], None),
                ([("Sở Nội vụ", "thuc_hien")], "2026-12-31"),
            ],
        ),
    ],
)
def test_a_lead_and_its_partners_said_apart_make_one_task(point, tasks):
    _, rec = assignments(
        party_doc(heading="KẾ HOẠCH", code="KH", of="", body=f"II. NHIỆM VỤ CỤ THỂ\n\n1. {point}")
    )
    got = [([(a.name, a.role) for a in o.assignees], (o.deadline or {}).get("end")) for o in rec.obligations]
    assert got == tasks


@pytest.mark.parametrize("part", ["III. TỔ CHỨC THỰC HIỆN", "II. NHIỆM VỤ CỤ THỂ"])
def test_a_point_with_its_fields_is_a_task_of_the_bodies_they_name(part):
    body = (
        f"{part}\n\n1. Số hóa hồ sơ hộ tịch\n\n- Cơ quan chủ trì: Sở Tư pháp.\n\n"
        "- Cơ quan phối hợp: UBND các xã, phường.\n\n- Thời gian hoàn thành: Tháng 12/2025.\n\n"
        "2. Cập nhật dữ liệu dân cư\n\n- Đơn vị thực hiện: Công an tỉnh.\n\n"
        "3. Tổ chức tập huấn cán bộ cấp xã.\n\nCơ quan thực hiện: Văn phòng Điều phối nông thôn mới tỉnh; "
        "thời gian: tháng 3/2026."
    )
    _, rec = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    got = [([(a.name, a.role) for a in o.assignees], (o.deadline or {}).get("end")) for o in rec.obligations]
    assert got == [
        ([("Sở Tư pháp", "chu_tri"), ("UBND xã", "phoi_hop"), ("UBND phường", "phoi_hop")], "2025-12-31"),
        ([("Công an tỉnh", "thuc_hien")], None),
        ([("Văn phòng Điều phối nông thôn mới tỉnh", "thuc_hien")], "2026-03-31"),
    ]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (
            "- Đơn vị thực hiện: Sở Công Thương chủ trì; Sở Tài chính phối hợp.\n\n- Thời gian: năm 2026.",
            ([("Sở Công Thương", "chu_tri"), ("Sở Tài chính", "phoi_hop")], "2026-12-31"),
        ),
        (
            "- Cơ quan thực hiện: Sở Nội vụ (chủ trì), Công an tỉnh (phối hợp).",
            ([("Sở Nội vụ", "chu_tri"), ("Công an tỉnh", "phoi_hop")], None),
        ),
        # a section's heading words with a value after the colon: a field, its time after the sentence
        (
            "Trách nhiệm thực hiện: Sở Y tế chủ trì, phối hợp với Sở Tài chính. Thời gian: năm 2026.",
            ([("Sở Y tế", "chu_tri"), ("Sở Tài chính", "phoi_hop")], "2026-12-31"),
        ),
        (
            "Cơ quan chủ trì: Sở Nội vụ; phối hợp: Trường Chính trị tỉnh; thời gian: tháng 11/2025.",
            ([("Sở Nội vụ", "chu_tri"), ("Trường Chính trị tỉnh", "phoi_hop")], "2025-11-30"),
        ),
        (
            "- Phân công thực hiện: Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì; Văn phòng Tỉnh ủy, Trường Chính trị "
            "tỉnh phối hợp.",
            (
                [
                    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "chu_tri"),
                    ("Văn phòng Tỉnh ủy", "phoi_hop"),
                    ("Trường Chính trị tỉnh", "phoi_hop"),
                ],
                None,
            ),
        ),
    ],
)
def test_a_points_field_that_says_the_roles_gives_each_body_its_own(field, expected):
    body = f"II. NHIỆM VỤ CỤ THỂ\n\n1. Đào tạo kỹ năng số cho cán bộ cấp xã.\n\n{field}"
    _, rec = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    got = [([(a.name, a.role) for a in o.assignees], (o.deadline or {}).get("end")) for o in rec.obligations]
    assert got == [expected]


def test_a_section_heading_is_one_only_with_nothing_after_its_colon():
    clean = [
        "",
        "I. MỤC ĐÍCH",
        "1. Đào tạo kỹ năng số.",
        "Trách nhiệm thực hiện: Sở Y tế chủ trì.",
        "2. Tập huấn.",
    ]
    assert implementing_section(clean, 1, 4) is None


@pytest.mark.parametrize(
    ("point", "end"),
    [
        ("2. Sở Nội vụ tổ chức tập huấn kỹ năng số cho cán bộ.\n\nThời gian: Quý IV/2025.", "2025-12-31"),
        ("2. Sở Nội vụ tổ chức đánh giá chỉ số chuyển đổi số trong quý IV/2025.", "2025-12-31"),
        ("2. Sở Nội vụ tổ chức tập huấn kỹ năng số cho cán bộ.", None),  # no time: a solution, no task
    ],
)
def test_a_numbered_point_with_a_time_is_a_task_outside_the_implementing_part(point, end):
    """In a resolution's tasks and solutions (a plan's points are each a task: see below)."""
    body = f"II. NHIỆM VỤ CỤ THỂ\n\n{point}\n\nIII. TỔ CHỨC THỰC HIỆN\n\nGiao Văn phòng theo dõi, đôn đốc."
    _, rec = assignments(party_doc(body=body))
    timed = [o for o in rec.obligations if o.assignees[0].name == "Sở Nội vụ"]
    assert [(o.deadline or {}).get("end") for o in timed] == ([end] if end else [])


def test_a_plan_without_parts_assigns_the_points_after_its_enacting_line():
    body = (
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
        "1. Các sở, ban, ngành; Ủy ban nhân dân các huyện báo cáo kết quả về Sở Nội vụ trước ngày 15/12 hằng năm.\n\n"
        "2. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc."
    )
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    assert got == {
        ("sở", "thuc_hien"),
        ("ban", "thuc_hien"),
        ("ngành", "thuc_hien"),
        ("Ủy ban nhân dân huyện", "thuc_hien"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "thuc_hien"),
    }


def test_an_aside_after_the_subject_is_no_part_of_its_name():
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n2. Giao Văn phòng Huyện ủy (cơ quan thường trực Chương trình) chủ trì, phối hợp "
        "với Ban Tổ chức Huyện ủy chuẩn bị cơ sở vật chất.\n\n3. Ban Tuyên giáo Huyện ủy xây dựng kế hoạch tuyên "
        "truyền (hoàn thành trước ngày 15/7/2025), bảo đảm tiến độ."
    )
    _, rec = assignments(party_doc(body=body))
    got = [([(a.name, a.role) for a in o.assignees], (o.deadline or {}).get("end")) for o in rec.obligations]
    assert got == [
        ([("Văn phòng Huyện ủy", "chu_tri"), ("Ban Tổ chức Huyện ủy", "phoi_hop")], None),
        ([("Ban Tuyên giáo Huyện ủy", "thuc_hien")], "2025-07-15"),
    ]


def test_a_listed_position_is_no_task():
    body = (
        "Điều 2. Ban Thường vụ Tỉnh ủy trực tiếp quản lý các chức danh sau:\n\n1. Ủy viên Ban Chấp hành Đảng bộ "
        "tỉnh.\n\n2. Chủ tịch, Phó Chủ tịch Hội đồng nhân dân, Ủy ban nhân dân tỉnh."
    )
    got, _ = assignments(party_doc(heading="QUY ĐỊNH", code="QĐ", of="", body=body))
    assert got == {("Ban Thường vụ Tỉnh ủy", "thuc_hien")}


@pytest.mark.parametrize(
    ("cell", "made"),
    [
        (
            "Kế hoạch thực hiện Kết luận số 150-KL/TW về hướng dẫn xây dựng phương án nhân sự",
            ("Kế hoạch", "thực hiện Kết luận số 150-KL/TW về hướng dẫn xây dựng phương án nhân sự"),
        ),
        (
            "Đề án xây dựng quy chế phối hợp giữa các cơ quan",
            ("Đề án", "xây dựng quy chế phối hợp giữa các cơ quan"),
        ),
        ("Xây dựng Kế hoạch tuyên truyền", ("Kế hoạch", "tuyên truyền")),
    ],
)
def test_a_task_cell_that_opens_with_a_type_names_the_document_it_makes(cell, made):
    body = (
        "PHỤ LỤC\n\nSTT\tNội dung\tCơ quan chủ trì\tThời gian trình\n"
        f"1\t{cell}\tBan Tổ chức Tỉnh ủy\tTháng 10/2025\n"
    )
    _, rec = assignments(party_doc(heading="CHƯƠNG TRÌNH", code="CTr", of="", body=body))
    (task,) = rec.obligations
    assert (task.produces["type"], task.produces["title"]) == made


@pytest.mark.parametrize(
    ("heading", "body", "expected"),
    [
        (  # a signature without its 'T/M' line: the signer is no task's
            "KẾ HOẠCH",
            "Sở Nội vụ ban hành Kế hoạch như sau:\n\n1. Phòng Tổ chức chủ trì rà soát hạ tầng số.\n\n"
            "GIÁM ĐỐC\n\nPhạm Văn Khương",
            {("Phòng Tổ chức", "chu_tri")},
        ),
        (  # an item's header that ends with a full stop
            "KẾ HOẠCH",
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo Tỉnh ủy.\n\n- Chủ trì xây dựng đề cương tuyên truyền, "
            "hoàn thành trước ngày 20/5/2024.",
            {("Ban Tuyên giáo Tỉnh ủy", "chu_tri")},
        ),
        (  # who chairs a conference is no body's task
            "KẾ HOẠCH",
            "Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch tổ chức hội nghị như sau:\n\n1. Chủ trì hội nghị\n\n"
            "- Chủ trì: Thường trực Tỉnh ủy.\n\n- Thời gian: 01 ngày, ngày 15/10/2024.",
            set(),
        ),
        (  # a report's work done, with its time, is no task
            "BÁO CÁO",
            "I. KẾT QUẢ THỰC HIỆN\n\n1. Phòng Nội vụ huyện tổ chức tập huấn cho cán bộ cấp xã.\n\nThời gian: Tháng 5/2024.",
            set(),
        ),
        (  # a task to inform households is no notice's close
            "KẾ HOẠCH",
            "I. NHIỆM VỤ\n\n- Ủy ban nhân dân các xã, thị trấn thông báo đến từng hộ gia đình biết để chủ động diệt "
            "lăng quăng, hoàn thành trước ngày 30/11/2024.",
            {("Ủy ban nhân dân xã", "thuc_hien"), ("Ủy ban nhân dân thị trấn", "thuc_hien")},
        ),
        (  # an aside that holds the task's time is no aside to drop
            "KẾ HOẠCH",
            "II. NHIỆM VỤ CỤ THỂ\n\n1. Chi cục Kiểm lâm (hoàn thành trước ngày 30/12/2024) rà soát diện tích rừng.\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n\nGiao Văn phòng theo dõi.",
            {("Chi cục Kiểm lâm", "thuc_hien"), ("Văn phòng", "thuc_hien")},
        ),
    ],
)
def test_readings_a_review_of_new_rules_kept(heading, body, expected):
    got, _ = assignments(
        party_doc(heading=heading, code="KH", of="", body=body, date="ngày 20 tháng 11 năm 2024")
    )
    assert got == expected


@pytest.mark.parametrize(
    ("text", "deadline"), tables.load("obligations.toml")["deadline"]["not_lead_examples"]
)
def test_a_noun_that_ends_in_a_lead_word_leads_no_time(text, deadline):
    """'dịch vụ công trực tuyến toàn trình trước ngày …': due 'trước ngày …', no 'trình' (submit)."""
    assert [d.text for d in find_deadlines(text)] == [deadline]


@pytest.mark.parametrize(
    ("body", "task", "ends"),
    [
        ("Phòng Kinh tế", "bảo đảm kinh phí; thời gian: hoàn thành trước ngày 30/11/2025.", ["2025-11-30"]),
        ("Phòng Kinh tế", "rà soát hồ sơ (thời gian hoàn thành: tháng 10/2025).", ["2025-10-31"]),
        ("Công an xã", "bảo đảm an ninh mạng trong năm 2026.", ["2026-12-31"]),
        (
            "Phòng Văn hóa - Xã hội",
            "bảo đảm cung cấp dịch vụ công trực tuyến toàn trình trước ngày 31/12/2025.",
            ["2025-12-31"],
        ),
        ("Trung tâm Phục vụ hành chính công xã", "báo cáo kết quả định kỳ hằng tháng.", [None]),
        ("Công an xã", "phấn đấu trong năm 2026 đạt 100% hồ sơ trực tuyến.", []),  # a target's year goes on
        ("Công an xã", "tuyên truyền, vận động Nhân dân.", []),  # no time: a solution, no task
    ],
)
def test_a_timed_point_of_a_part_of_tasks_is_a_task_though_a_part_of_implementation_follows(body, task, ends):
    """'II. NHIỆM VỤ, GIẢI PHÁP' before 'III. TỔ CHỨC THỰC HIỆN' in a resolution: a point with its own
    body is a task when it says a time in any form (labelled, a closing year, a recurrence)."""
    text = f"II. NHIỆM VỤ, GIẢI PHÁP\n\n1. {body} {task}\n\nIII. TỔ CHỨC THỰC HIỆN\n\nCác chi bộ thực hiện Nghị quyết này."
    _, rec = assignments(party_doc(body=text))
    assert [(o.deadline or {}).get("end") for o in rec.obligations if o.assignees[0].name == body] == ends


@pytest.mark.parametrize(
    ("text", "issued", "end"),
    [
        ("tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2026)", "2025-12-08", None),
        ("kỷ niệm 50 năm Ngày giải phóng miền Nam (30/4/1975 – 30/4/2025)", "2025-03-01", None),
        (
            "tổ chức các hoạt động (01/12/2025 - 31/12/2025)",
            "2025-11-20",
            "2025-12-01",
        ),  # a period: its first day
    ],
)
def test_an_anniversarys_span_of_years_gives_no_day(text, issued, end):
    from vbgraph.loaders.deadlines import dated_after

    found = dated_after(text, issued)
    assert (found.end if found else None) == end


@pytest.mark.parametrize(
    "opening",
    [
        "Thực hiện Công văn số 6512/BNV-VLATLĐ ngày 25/9/2025 của Bộ Nội vụ về việc báo cáo tình hình thực hiện "
        "chính sách lao động, việc làm, giáo dục nghề nghiệp, an toàn, vệ sinh lao động năm 2025 và kế hoạch năm "
        "2026; thực hiện nhiệm vụ quản lý nhà nước về lao động, việc làm được chuyển giao từ Sở Lao động - Thương "
        "binh và Xã hội (cũ) theo Quyết định số 1285/QĐ-UBND ngày 28/02/2025 của Ủy ban nhân dân tỉnh về việc "
        "chuyển giao chức năng, nhiệm vụ,",
        "Thực hiện Công văn số 6512/BNV-VLATLĐ của Bộ Nội vụ,",
    ],
)
def test_the_bodies_asked_after_a_long_opening_are_assigned_the_points(opening):
    body = (
        f"{opening} Sở Nội vụ đề nghị Ủy ban nhân dân các xã, phường thực hiện một số nội dung sau:\n\n"
        "1. Báo cáo tình hình lao động, gửi về Sở Nội vụ trước ngày 25/10/2025."
    )
    got, _ = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    assert got == {("Ủy ban nhân dân xã", "thuc_hien"), ("Ủy ban nhân dân phường", "thuc_hien")}


def test_an_assessment_after_a_semicolon_names_no_assignee():
    """'…; một số xã như xã A, xã B còn thiếu công chức': the examples of a state, no subject asked."""
    body = (
        "1. Sau 3 tháng, các xã, phường của tỉnh vận hành cơ bản thông suốt; một số xã như xã Thái Thụy, "
        "xã Tiên Lữ còn thiếu công chức chuyên môn.\n\n2. Ủy ban Kiểm tra Tỉnh ủy đưa nội dung giám sát vào "
        "chương trình kiểm tra năm 2026."
    )
    got, _ = assignments(
        party_doc(heading="THÔNG BÁO", code="TB", of="KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY", body=body)
    )
    assert got == {("Ủy ban Kiểm tra Tỉnh ủy", "thuc_hien")}


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (
            "2. Về bổ sung vốn cho dự án đê biển: Bộ Kế hoạch và Đầu tư, Bộ Tài chính xem xét, báo cáo cấp có "
            "thẩm quyền trong quý III năm 2023.",
            {("Bộ Kế hoạch và Đầu tư", "thuc_hien"), ("Bộ Tài chính", "thuc_hien")},
        ),
        (
            "5. Về dự án đường: Bộ Giao thông vận tải chủ trì, phối hợp với Ủy ban nhân dân tỉnh Sóc Trăng báo cáo "
            "trước ngày 30 tháng 10 năm 2023.",
            {("Bộ Giao thông vận tải", "chu_tri"), ("Ủy ban nhân dân tỉnh Sóc Trăng", "phoi_hop")},
        ),
        (
            "Đối với dự án cảng: Bộ Giao thông vận tải nghiên cứu, báo cáo Thủ tướng Chính phủ.",
            {("Bộ Giao thông vận tải", "thuc_hien")},
        ),
        # a topic that lists bodies ends at its colon: they are the subject, never a place of the list
        (
            "1. Đối với UBND các huyện, thị xã, thành phố: Tập trung giải phóng mặt bằng, hoàn thành trước "
            "ngày 15/7/2025.",
            {("UBND huyện", "thuc_hien"), ("UBND thị xã", "thuc_hien"), ("UBND thành phố", "thuc_hien")},
        ),
        (
            "2. Đối với các dự án trên địa bàn huyện, thị xã, thành phố: Tập trung giải phóng mặt bằng, hoàn "
            "thành trước ngày 15/7/2025.",
            set(),
        ),
        # a topic heading without a colon, its point on the next line
        (
            "3. Về chế độ báo cáo\nỦy ban kiểm tra huyện ủy gửi báo cáo trước ngày 15/6/2023.",
            {("Ủy ban kiểm tra huyện ủy", "thuc_hien")},
        ),
        # ... but a comma ends an opening topic before its colon, and a body the topic takes as its
        # object is none of the subject
        (
            "4. Về việc triển khai Đề án 06 trên địa bàn tỉnh, Công an tỉnh chủ trì thực hiện các nội dung "
            "sau: rà soát dữ liệu, hoàn thành trước ngày 30/7/2025.",
            {("Công an tỉnh", "chu_tri")},
        ),
        (
            "5. Về hỗ trợ Hội Nông dân tỉnh, Sở Nông nghiệp và Môi trường chủ trì tập huấn, hoàn thành trước "
            "ngày 30/9/2025.",
            {("Sở Nông nghiệp và Môi trường", "chu_tri")},
        ),
        (
            "6. Về phối hợp với Công an tỉnh trong công tác phòng dịch bố trí lực lượng trước ngày 30/9/2025.",
            set(),
        ),
    ],
)
def test_a_conclusions_topic_before_a_colon_is_no_part_of_the_subject(point, expected):
    body = f"Thủ tướng Chính phủ kết luận như sau:\n\n{point}"
    got, _ = assignments(party_doc(heading="THÔNG BÁO", code="TB", of="KẾT LUẬN CỦA THỦ TƯỚNG", body=body))
    assert got == expected


@pytest.mark.parametrize("article", tables.load("obligations.toml")["duty"]["article_examples"])
def test_a_councils_supervision_as_an_article_of_its_own_is_a_task(article):
    """'Điều 3. Thường trực HĐND, … giám sát việc thực hiện Nghị quyết này.': each body supervises, as it
    does when the same words are a numbered point of 'Điều 2. Tổ chức thực hiện'."""
    body = f"Điều 1. Thông qua dự toán ngân sách xã năm 2024.\n\n{article}"
    _, rec = assignments(party_doc(body=body))
    assert [o.text for o in rec.obligations] == [article.split(". ", 1)[1]]
    assert {a.role for a in rec.obligations[0].assignees} == {"thuc_hien"}


@pytest.mark.parametrize("line", tables.load("obligations.toml")["section"]["addressing_examples"])
def test_every_addressing_example_opens_the_part_that_assigns(line):
    from vbgraph.loaders.obligations import opens_scope

    assert opens_scope(line)


@pytest.mark.parametrize("line", ["QUYẾT NGHỊ:", "QUYẾT ĐỊNH:", "Quyết nghị:"])
def test_an_enacting_word_alone_opens_no_part_that_assigns(line):
    """A council's 'QUYẾT NGHỊ:' is followed by articles, which assign by their own words."""
    from vbgraph.loaders.obligations import opens_scope

    assert not opens_scope(line)


def test_a_header_with_roles_gives_them_to_each_point_under_it_and_each_bullet_is_a_task():
    """'1. Công an tỉnh chủ trì, phối hợp với …:' over 'a) …; b) …': a task per point, each with its
    time and the header's roles; two bullets under '2. Sở Công Thương:' are two tasks."""
    body = (
        "Để chủ động phòng ngừa cháy, nổ trong mùa khô, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n\n"
        "1. Công an tỉnh chủ trì, phối hợp với Sở Xây dựng:\n"
        "a) Tổ chức kiểm tra an toàn phòng cháy tại các chợ, hoàn thành trước ngày 30/4/2016;\n"
        "b) Tổ chức thực tập phương án chữa cháy tại các chợ trong quý II năm 2016.\n\n"
        "2. Sở Công Thương:\n"
        "- Chịu trách nhiệm kiểm tra các cửa hàng xăng dầu;\n"
        "- Chỉ đạo các đơn vị kiện toàn lực lượng trước ngày 31/3/2016."
    )
    _, rec = assignments(
        party_doc(heading="CHỈ THỊ", code="CT", of="", date="ngày 22 tháng 02 năm 2016", body=body)
    )
    got = [
        (tuple((a.name, a.role) for a in o.assignees), (o.deadline or {}).get("end"), o.text.split()[0])
        for o in rec.obligations
    ]
    lead = (("Công an tỉnh", "chu_tri"), ("Sở Xây dựng", "phoi_hop"))
    assert sorted(got, key=str) == sorted(
        [
            (lead, "2016-04-30", "Tổ"),
            (lead, "2016-06-30", "Tổ"),
            ((("Sở Công Thương", "thuc_hien"),), None, "Chịu"),
            ((("Sở Công Thương", "thuc_hien"),), "2016-03-31", "Chỉ"),
        ],
        key=str,
    )


@pytest.mark.parametrize(
    ("text", "issued", "end"),
    [
        (
            "trình Chủ tịch phê duyệt trong thời hạn 10 ngày kể từ ngày ký Quyết định này.",
            "2020-09-18",
            "2020-09-28",
        ),
        ("báo cáo chậm nhất 15 ngày kể từ ngày ban hành Kế hoạch.", "2025-12-20", "2026-01-04"),
        ("trong thời hạn 30 ngày kể từ ngày được phê duyệt", "2017-05-02", None),  # not the document's day
        (
            "Quyết định có hiệu lực sau 10 ngày kể từ ngày ký.",
            "2008-03-01",
            None,
        ),  # its effect, no task's time
    ],
)
def test_a_time_counted_from_the_documents_own_day(text, issued, end):
    from vbgraph.loaders.deadlines import from_issue

    found = from_issue(text, issued)
    assert (found.end if found else None) == end
    assert found is None or found.start is None


def test_the_part_of_the_day_after_an_hour_keeps_the_day_a_deadline():
    """'trước 8 giờ sáng ngày 15/9/2017': due by that day, no event on it (no start)."""
    assert [(d.start, d.end) for d in find_deadlines("báo cáo kết quả trước 8 giờ sáng ngày 15/9/2017.")] == [
        (None, "2017-09-15")
    ]


@pytest.mark.parametrize(
    ("heading", "code", "tasks"),
    [
        ("KẾ HOẠCH", "KH", [("Ủy ban Mặt trận Tổ quốc Việt Nam xã", None), ("Công an xã", "2026-12-31")]),
        (
            "CHƯƠNG TRÌNH",
            "CTr",
            [("Ủy ban Mặt trận Tổ quốc Việt Nam xã", None), ("Công an xã", "2026-12-31")],
        ),
        ("NGHỊ QUYẾT", "NQ", [("Công an xã", "2026-12-31")]),  # a resolution's solution: no one's task
    ],
)
def test_each_point_of_a_plans_part_of_tasks_with_a_body_is_its_task(heading, code, tasks):
    """A plan's 'II. NHIỆM VỤ, GIẢI PHÁP' before its 'III. TỔ CHỨC THỰC HIỆN': each point whose subject
    is a body is that body's task, with a time or without, as in a plan with no implementing part."""
    body = (
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Ủy ban Mặt trận Tổ quốc Việt Nam xã tuyên truyền, vận động Nhân dân.\n\n"
        "2. Công an xã bảo đảm an ninh mạng trong năm 2026.\n\n3. Các cấp ủy, tổ chức đảng tăng cường lãnh đạo."
        "\n\nIII. TỔ CHỨC THỰC HIỆN\n\nVăn phòng Đảng ủy xã theo dõi, đôn đốc việc thực hiện."
    )
    _, rec = assignments(party_doc(heading=heading, code=code, of="", body=body))
    got = [(o.assignees[0].name, (o.deadline or {}).get("end")) for o in rec.obligations]
    assert sorted(got, key=str) == sorted([*tasks, ("Văn phòng Đảng ủy xã", None)], key=str)


def test_a_header_with_roles_that_no_point_follows_is_a_task_of_its_own():
    body = (
        "Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n\n1. Công an tỉnh chủ trì, phối hợp với Sở Xây dựng:\n\n"
        "2. Sở Công Thương kiểm tra các cửa hàng xăng dầu trước ngày 15/4/2016."
    )
    got, _ = assignments(
        party_doc(heading="CHỈ THỊ", code="CT", of="", date="ngày 22 tháng 02 năm 2016", body=body)
    )
    assert got == {("Công an tỉnh", "chu_tri"), ("Sở Xây dựng", "phoi_hop"), ("Sở Công Thương", "thuc_hien")}


def test_a_request_on_a_condition_after_a_semicolon_is_a_closing_no_second_task():
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\nThủ trưởng các cơ quan, đơn vị căn cứ Kế hoạch này tổ chức thực hiện; trong quá "
        "trình thực hiện nếu có khó khăn, vướng mắc báo cáo Ủy ban nhân dân phường để xem xét, giải quyết."
    )
    _, rec = assignments(party_doc(heading="KẾ HOẠCH", code="KH", of="", body=body))
    assert [o.text for o in rec.obligations] == [
        "Thủ trưởng các cơ quan, đơn vị căn cứ Kế hoạch này tổ chức thực hiện"
    ]


@pytest.mark.parametrize("heading", tables.load("obligations.toml")["parts"]["examples"])
def test_a_reports_part_of_tasks_opens_with_any_parts_prefix(heading):
    """'PHẦN II. PHƯƠNG HƯỚNG …', 'B. …', 'Phần thứ hai' over its heading: the points under it are tasks."""
    body = (
        f"I. KẾT QUẢ\n\nCác huyện ủy đã quán triệt Nghị quyết.\n\n{heading}\n\n"
        "1. Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền kết quả tổng kết."
    )
    got, _ = assignments(party_doc(heading="BÁO CÁO", code="BC", of="", body=body))
    assert got == {("Ban Tuyên giáo Tỉnh ủy", "thuc_hien")}


@pytest.mark.parametrize(
    "heading",
    [
        "Phần thứ ba\n\nĐỀ XUẤT, KIẾN NGHỊ",
        "PHẦN III. ĐỀ XUẤT, KIẾN NGHỊ",
        "C. KIẾN NGHỊ, ĐỀ XUẤT",
        "III. ĐỀ XUẤT VÀ KIẾN NGHỊ",
        "III. KIẾN NGHỊ VỚI TRUNG ƯƠNG",
    ],
)
def test_proposals_to_the_bodies_above_after_a_part_of_tasks_assign_nothing(heading):
    body = (
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI\n\n1. Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền.\n\n"
        f"{heading}\n\n1. Đề nghị Bộ Chính trị ban hành Nghị quyết mới về phát triển tỉnh.\n\n"
        "2. Đề nghị Ban Kinh tế Trung ương tham mưu Bộ Chính trị ban hành Kết luận về phát triển tỉnh."
    )
    got, _ = assignments(party_doc(heading="BÁO CÁO", code="BC", of="", body=body))
    assert got == {("Ban Tuyên giáo Tỉnh ủy", "thuc_hien")}


def test_a_point_that_proposes_is_no_heading_of_proposals():
    """'3. Đề xuất UBND tỉnh …' in lower case is one point; the next point is still a task."""
    body = (
        "II. NHIỆM VỤ CỤ THỂ\n\n1. Đề xuất UBND tỉnh bố trí kinh phí.\n\n"
        "2. Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền."
    )
    got, _ = assignments(party_doc(heading="BÁO CÁO", code="BC", of="", body=body))
    assert got == {("Ban Tuyên giáo Tỉnh ủy", "thuc_hien")}


@pytest.mark.parametrize("heading", tables.load("obligations.toml")["duty"]["competences_examples"])
def test_a_bodys_competences_are_functions_no_tasks(heading):
    """A Quy chế's 'Trách nhiệm, quyền hạn của X' lists standing functions; a chapter line closes it."""
    body = (
        f"{heading}\n\n1. Lãnh đạo, kiểm tra việc thực hiện nghị quyết của Ban Chấp hành Đảng bộ tỉnh.\n\n"
        "2. Chuẩn bị nội dung các kỳ họp.\n\nChương II\n\nCHẾ ĐỘ LÀM VIỆC\n\n"
        "Điều 4. Chế độ họp\n\nBan Thường vụ Tỉnh ủy họp thường lệ mỗi tháng một lần."
    )
    rec = parse_text(party_doc(heading="QUY CHẾ", code="QC", of="LÀM VIỆC", body=body), "q.txt")
    assert rec.obligations == ()


def test_a_chapter_line_closes_the_articles_subject():
    """'Điều 3. Trách nhiệm của Sở Tư pháp' assigns its points, not the chapter's heading after them."""
    body = (
        "Điều 3. Trách nhiệm của Sở Tư pháp\n\n1. Rà soát các văn bản trước ngày 30/6/2021.\n\n"
        "Chương III\n\nĐIỀU KHOẢN THI HÀNH"
    )
    rec = parse_text(party_doc(heading="QUY ĐỊNH", code="QĐi", of="", body=body), "q.txt")
    assert [(o.text, [a.name for a in o.assignees]) for o in rec.obligations] == [
        ("Rà soát các văn bản trước ngày 30/6/2021.", ["Sở Tư pháp"])
    ]


@pytest.mark.parametrize(
    ("doc", "point", "assigned"),
    [
        ("THÔNG TRI", "1. Các cấp ủy đảng lãnh đạo chặt chẽ công tác nhân sự.", True),
        ("CHỈ THỊ", "1. Cấp ủy, tổ chức đảng các cấp chỉ đạo tuyên truyền sâu rộng.", True),
        ("CÔNG VĂN", "1. Cấp ủy các cấp tổ chức quán triệt Chỉ thị; hoàn thành trước ngày 30/7/2021.", True),
        ("CÔNG VĂN", "1. Cấp ủy các cấp tổ chức quán triệt Chỉ thị đến cán bộ, đảng viên.", False),
    ],
)
def test_everyone_asked_by_a_directive_or_with_a_time_is_assigned(doc, point, assigned):
    """After 'Ban Thường vụ Tỉnh ủy yêu cầu:', a point to every committee is a task in a directive or
    when it has its own time; elsewhere it exhorts."""
    code = {"THÔNG TRI": "TT", "CHỈ THỊ": "CT", "CÔNG VĂN": "CV"}[doc]
    body = f"Ban Thường vụ Tỉnh ủy yêu cầu:\n\n{point}"
    rec = parse_text(party_doc(heading=doc, code=code, of="", body=body), "d.txt")
    assert bool(rec.obligations) is assigned


@pytest.mark.parametrize("text", tables.load("obligations.toml")["deadline"]["horizon_examples"])
def test_a_plans_horizon_is_no_deadline(text):
    assert find_deadlines(f"hoàn thành {text}, trình Thủ tướng phê duyệt trong quý II/2023") == [ANY]


def test_a_plans_horizon_in_a_task_gives_one_obligation():
    body = (
        "Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n1. Ban cán sự đảng UBND tỉnh chủ trì hoàn thành Quy hoạch "
        "tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050, trình Thủ tướng Chính phủ phê duyệt trong quý II/2023."
    )
    rec = parse_text(
        party_doc(heading="THÔNG BÁO", code="TB", of="", date="ngày 10 tháng 3 năm 2023", body=body), "t.txt"
    )
    assert [(o.deadline or {}).get("end") for o in rec.obligations] == ["2023-06-30"]


def test_a_resolutions_point_on_the_day_of_an_event_and_a_product_that_is_handed_in():
    """'… vào ngày 05/9/2019' is a time to be done by; a document's title stops at ', nộp về …'."""
    body = (
        "II. NHIỆM VỤ THÁNG 9\n\n1. Ban Giám hiệu tổ chức Lễ khai giảng năm học vào ngày 05/9/2019.\n\n"
        "2. Đồng chí Hiệu trưởng chỉ đạo các tổ chuyên môn xây dựng kế hoạch giáo dục năm học, nộp về Ban Giám "
        "hiệu trước ngày 20/9/2019."
    )
    rec = parse_text(party_doc(date="ngày 03 tháng 9 năm 2019", body=body), "n.txt")
    got = {
        o.evidence.line: ((o.deadline or {}).get("end"), (o.produces or {}).get("title"))
        for o in rec.obligations
    }
    assert sorted(got.values()) == [("2019-09-05", None), ("2019-09-20", "giáo dục năm học")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a head spread over the units of its sort listed after it, with the verb after them
        (
            "Ủy ban kiểm tra huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc xây dựng chương trình giám sát",
            [
                "Ủy ban kiểm tra huyện ủy",
                "Ủy ban kiểm tra thị ủy",
                "Ủy ban kiểm tra thành ủy",
                "Ủy ban kiểm tra đảng ủy trực thuộc",
            ],
        ),
        ("Các chi bộ khoa, phòng tổ chức quán triệt Kết luận", ["chi bộ khoa", "chi bộ phòng"]),
        ("Các chi bộ khối, ban tổ chức học tập chuyên đề", ["chi bộ khối", "chi bộ ban"]),
        # 'kiểm tra' after 'Ủy ban' is its name, no verb
        ("Ủy ban kiểm tra các cấp báo cáo định kỳ 6 tháng", ["Ủy ban kiểm tra các cấp"]),
        ("Ủy ban kiểm tra xây dựng kế hoạch giám sát", ["Ủy ban kiểm tra"]),
        # a part of a name that is all a verb needs a level as written ('quán' is no 'quận')
        ("Ban tổ chức các huyện ủy, thành ủy hướng dẫn", ["Ban tổ chức huyện ủy", "Ban tổ chức thành ủy"]),
        ("Các phòng tổ chức thi đua", ["phòng"]),
        # a province addressed by its name, as a commune is; 'Tỉnh ủy' stays the committee
        ("Tỉnh Sóc Trăng tập trung hoàn thiện Quy hoạch tỉnh", ["Tỉnh Sóc Trăng"]),
        ("Tỉnh ủy lãnh đạo, chỉ đạo", ["Tỉnh ủy"]),
        ("Tỉnh Hội Nông dân phối hợp tập huấn", []),  # a body's name after the word: no province
        ("Trên địa bàn tỉnh Sóc Trăng, các sở tổ chức", []),
    ],
)
def test_a_head_goes_to_each_unit_of_its_sort_and_a_verb_is_no_part_of_the_units(text, names):
    assert parse_subject(text)[0] == names


def test_a_province_a_conclusion_addresses_by_its_name_is_assigned():
    body = (
        "Thủ tướng Chính phủ kết luận như sau:\n\n1. Tỉnh Sóc Trăng tập trung hoàn thiện Quy hoạch tỉnh, trình Thủ "
        "tướng Chính phủ phê duyệt trong tháng 7 năm 2023.\n\n2. Các bộ, ngành hỗ trợ tỉnh trên địa bàn tỉnh."
    )
    got, _ = assignments(party_doc(heading="THÔNG BÁO", code="TB", of="KẾT LUẬN CỦA THỦ TƯỚNG", body=body))
    assert ("Tỉnh Sóc Trăng", "thuc_hien") in got and not any(name.lower() == "tỉnh" for name, _ in got)


def test_a_resolutions_solutions_part_stays_free_of_topics_and_targets():
    """'Các cấp ủy đảng … trong năm 2025' (a target of whole years), 'Về chính quyền: …', 'Về Mặt trận
    Tổ quốc và các đoàn thể: …' (what a point is about, no addressee) in 'NHIỆM VỤ, GIẢI PHÁP'."""
    body = (
        "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Các cấp ủy đảng thực hiện tốt công tác cán bộ trong năm 2025.\n\n"
        "2. Về chính quyền: Tiếp tục nâng cao hiệu lực, hiệu quả quản lý nhà nước.\n\n3. Về Mặt trận Tổ quốc "
        "và các đoàn thể: Đổi mới nội dung, phương thức hoạt động."
    )
    got, _ = assignments(party_doc(body=body))
    assert got == set()


def _hdnd_resolution(articles: str) -> str:
    """A district council's resolution whose articles are `articles`."""
    return (
        "HỘI ĐỒNG NHÂN DÂN\nHUYỆN CAM LÂM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 18/NQ-HĐND\n\nCam Lâm, ngày 15 tháng 7 năm 2024\n\nNGHỊ QUYẾT\nVề kế hoạch đầu tư công năm 2025\n\n"
        "HỘI ĐỒNG NHÂN DÂN HUYỆN CAM LÂM\nKHÓA VII, KỲ HỌP THỨ 12\n\n"
        "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;\n\nQUYẾT NGHỊ:\n\n"
        f"Điều 1. Thông qua kế hoạch đầu tư công năm 2025.\n\n{articles}\n\nCHỦ TỊCH\n\nLê Văn Bình\n"
    )


def _tasks(rec) -> set[tuple[str, str, str | None]]:
    return {(a.name, a.role, (o.deadline or {}).get("end")) for o in rec.obligations for a in o.assignees}


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        (  # an article that gives the council's executive its points
            "Điều 2. Giao Ủy ban nhân dân huyện:\n\n1. Phân bổ vốn cho các chủ đầu tư, hoàn thành trước ngày "
            "30/9/2024.\n\n2. Chủ trì, phối hợp với Kho bạc Nhà nước huyện giải ngân vốn.",
            {
                ("Ủy ban nhân dân huyện", "thuc_hien", "2024-09-30"),
                ("Ủy ban nhân dân huyện", "chu_tri", None),
                ("Kho bạc Nhà nước huyện", "phoi_hop", None),
            },
        ),
        (  # the lead line says a task and lists its parts: each part is the body's task
            "Điều 2. Tổ chức thực hiện\n\nGiao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết, cụ thể:\n\n"
            "- Giao vốn cho các xã trước ngày 31/3/2025.\n\n- Báo cáo kết quả tại kỳ họp giữa năm 2025.",
            {
                ("Ủy ban nhân dân huyện", "thuc_hien", "2025-03-31"),
                ("Ủy ban nhân dân huyện", "thuc_hien", None),
            },
        ),
        (  # an article on its effect whose later points say who implements it
            "Điều 2. Hiệu lực thi hành\n\n1. Nghị quyết này có hiệu lực từ ngày ký.\n\n"
            "2. Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này.\n\n"
            "3. Thường trực Hội đồng nhân dân huyện giám sát việc thực hiện Nghị quyết.",
            {
                ("Ủy ban nhân dân huyện", "thuc_hien", None),
                ("Thường trực Hội đồng nhân dân huyện", "thuc_hien", None),
            },
        ),
        (
            "Điều 2. Điều khoản thi hành\n\nỦy ban nhân dân huyện tổ chức thực hiện Nghị quyết này.",
            {("Ủy ban nhân dân huyện", "thuc_hien", None)},
        ),
        (
            "Điều 2. Tổ chức thực hiện và hiệu lực thi hành\n\n"
            "1. Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này.\n\n"
            "2. Nghị quyết này có hiệu lực từ ngày ký.",
            {("Ủy ban nhân dân huyện", "thuc_hien", None)},
        ),
    ],
)
def test_a_councils_articles_give_their_points_to_the_body_they_name(articles, expected):
    """'Điều 2. Giao Ủy ban nhân dân huyện:' over its points, or an article on the resolution's effect
    whose points name who implements it: each point is a task, with its own time."""
    rec = parse_text(_hdnd_resolution(articles), "nq.txt")
    assert _tasks(rec) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # bodies asked on a line of their own, each over its points
            "Thường trực Huyện ủy kết luận như sau:\n\n1. Giao Ban cán sự đảng Ủy ban nhân dân tỉnh:\n"
            "- Chỉ đạo Sở Xây dựng hoàn thiện hồ sơ dự án, hoàn thành trong quý IV/2024.\n\n"
            "2. Đề nghị Đảng ủy Công an tỉnh:\n- Lãnh đạo bảo đảm an ninh trước ngày 30/11/2024.\n\n"
            "3. Yêu cầu Ủy ban nhân dân xã Tân Lập:\n- Lập phương án tái định cư, trình trước ngày 31/10/2024.",
            {
                ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "thuc_hien", "2024-12-31"),
                ("Đảng ủy Công an tỉnh", "thuc_hien", "2024-11-30"),
                ("Ủy ban nhân dân xã Tân Lập", "thuc_hien", "2024-10-31"),
            },
        ),
        (  # the speaker names itself before its verb: the points are the subjects' own
            "Ban Thường vụ Tỉnh ủy yêu cầu:\n\n- Các cấp ủy, tổ chức đảng tăng cường lãnh đạo.\n\n"
            "- Ban Dân vận Tỉnh ủy hướng dẫn thực hiện trước ngày 15/10/2024.",
            {("Ban Dân vận Tỉnh ủy", "thuc_hien", "2024-10-15")},
        ),
        (  # a request to everyone names no assignee
            "Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n1. Đề nghị các cấp ủy, tổ chức đảng:\n"
            "- Tăng cường lãnh đạo công tác cải cách hành chính.",
            set(),
        ),
    ],
)
def test_bodies_a_lead_word_asks_on_a_colon_line_are_given_the_points_under_it(body, expected):
    _, rec = assignments(
        party_doc(heading="THÔNG BÁO", code="TB", of="", date="ngày 05 tháng 9 năm 2024", body=body)
    )
    assert _tasks(rec) == expected


def test_a_plans_lead_line_over_bullets_gives_each_its_own_time():
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Giao Sở Tài chính:\n- Bố trí kinh phí, hoàn thành trước ngày 15/8/2024.\n"
        "- Hướng dẫn thanh quyết toán kinh phí.\n\n2. Giao Ủy ban nhân dân các huyện:\n"
        "a) Xây dựng kế hoạch của địa phương trước ngày 30/8/2024;\nb) Bố trí lực lượng ứng trực."
    )
    _, rec = assignments(
        party_doc(heading="KẾ HOẠCH", code="KH", of="", date="ngày 20 tháng 7 năm 2024", body=body)
    )
    assert sorted(
        ((o.assignees[0].name, (o.deadline or {}).get("end")) for o in rec.obligations), key=str
    ) == sorted(
        [
            ("Sở Tài chính", "2024-08-15"),
            ("Sở Tài chính", None),
            ("Ủy ban nhân dân huyện", "2024-08-30"),
            ("Ủy ban nhân dân huyện", None),
        ],
        key=str,
    )


def test_a_reports_requests_to_the_bodies_above_on_colon_lines_are_no_tasks():
    """'II. KIẾN NGHỊ, ĐỀ XUẤT' / '1. Đề nghị Ủy ban nhân dân tỉnh:' / '- Bổ sung kinh phí …': a report
    asks the level above; its part of proposals is no implementing part, whatever its lines say."""
    body = (
        "I. KẾT QUẢ THỰC HIỆN\n\nThu ngân sách đạt 52% dự toán.\n\nII. KIẾN NGHỊ, ĐỀ XUẤT\n\n"
        "1. Đề nghị Ủy ban nhân dân tỉnh:\n- Bổ sung kinh phí cho huyện trước ngày 30/8/2024.\n\n"
        "2. Đề nghị Sở Tài chính:\n- Sở Tài chính hướng dẫn quyết toán."
    )
    got, _ = assignments(
        party_doc(heading="BÁO CÁO", code="BC", of="", date="ngày 20 tháng 6 năm 2024", body=body)
    )
    assert got == set()


def test_numbered_points_under_a_lead_line_without_a_number_are_its_tasks():
    """'Giao Ban cán sự đảng Ủy ban nhân dân tỉnh:' over '1. …' '2. …': each is its task, until the
    next lead line."""
    body = (
        "Thường trực Tỉnh ủy kết luận như sau:\n\nGiao Ban cán sự đảng Ủy ban nhân dân tỉnh:\n\n"
        "1. Chỉ đạo hoàn thiện hồ sơ dự án, hoàn thành trong quý IV/2024.\n\n2. Bố trí vốn đối ứng.\n\n"
        "Đề nghị Đảng ủy Công an tỉnh:\n\n1. Bảo đảm an ninh trước ngày 30/11/2024."
    )
    _, rec = assignments(
        party_doc(heading="THÔNG BÁO", code="TB", of="", date="ngày 05 tháng 9 năm 2024", body=body)
    )
    assert _tasks(rec) == {
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "thuc_hien", "2024-12-31"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "thuc_hien", None),
        ("Đảng ủy Công an tỉnh", "thuc_hien", "2024-11-30"),
    }
    assert len(rec.obligations) == 3


_CONCLUDES = "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền thực hiện tốt một số nhiệm vụ sau:\n\n"


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (  # a body's header over sub-points numbered under its own number: each is its task
            "2. Ủy ban nhân dân tỉnh:\n\n2.1. Ban hành quy định quản lý chất thải rắn, hoàn thành trước ngày "
            "30/9/2023.\n\n2.2. Bố trí vốn cho các lò đốt rác.\n\n3. Ban Tuyên giáo Tỉnh ủy tuyên truyền Kết luận.",
            {
                ("Ủy ban nhân dân tỉnh", "thuc_hien", "2023-09-30"),
                ("Ủy ban nhân dân tỉnh", "thuc_hien", None),
                ("Ban Tuyên giáo Tỉnh ủy", "thuc_hien", None),
            },
        ),
        (  # a point that does a task of its own, then lists more after its colon: all are its subject's
            "3. Huyện ủy, Ủy ban nhân dân các huyện chỉ đạo rà soát các nhiệm vụ thu gom rác thải; xây dựng "
            "kế hoạch của địa phương, trong đó tập trung một số nhiệm vụ sau:\n\n3.1. Bố trí quỹ đất cho điểm "
            "tập kết rác, xong trong quý III/2023.",
            {
                ("Huyện ủy", "thuc_hien", None),
                ("Ủy ban nhân dân huyện", "thuc_hien", None),
                ("Huyện ủy", "thuc_hien", "2023-09-30"),
                ("Ủy ban nhân dân huyện", "thuc_hien", "2023-09-30"),
            },
        ),
        (  # only roles before the colon: the roles of each point under it, no task of the header itself
            "3. Bộ Chỉ huy Quân sự tỉnh phối hợp với Công an tỉnh:\n\n- Sẵn sàng lực lượng cứu hộ.",
            {("Bộ Chỉ huy Quân sự tỉnh", "thuc_hien", None), ("Công an tỉnh", "phoi_hop", None)},
        ),
        (  # a time that opens the point, before its subject; a level 'và tương đương' is one kind of body
            "3. Hằng quý, đảng ủy cơ sở, ban thường vụ cấp ủy cấp huyện và tương đương tự kiểm điểm tập thể, "
            "báo cáo kết quả với cấp ủy cấp trên.",
            {
                ("đảng ủy cơ sở", "thuc_hien", None),
                ("ban thường vụ cấp ủy cấp huyện và tương đương", "thuc_hien", None),
            },
        ),
        (  # only a verb before the colon: the body's header, its sub-points its tasks, the line none
            "2. Ủy ban nhân dân tỉnh chỉ đạo:\n\n2.1. Ban hành văn bản hướng dẫn xử lý vi phạm; hoàn thành trước "
            "ngày 31/10/2023.\n\n2.2. Chỉ đạo các cơ quan chuyên môn tập huấn nghiệp vụ.",
            {
                ("Ủy ban nhân dân tỉnh", "thuc_hien", "2023-10-31"),
                ("Ủy ban nhân dân tỉnh", "thuc_hien", None),
            },
        ),
        (  # two verbs before the colon, lettered points under it
            "2. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo:\n\na) Rà soát quy hoạch sử dụng đất, "
            "hoàn thành trong quý IV/2023.\n\nb) Bố trí kinh phí đo đạc bản đồ địa chính.",
            {
                ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "thuc_hien", "2023-12-31"),
                ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "thuc_hien", None),
            },
        ),
        (  # a speaker over the points stays the speaker: its addressees are asked, it is given nothing
            "2. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành thực hiện một số nội dung sau:\n\n"
            "- Sở Tài chính bố trí kinh phí trước ngày 30/6/2023.",
            {("Sở Tài chính", "thuc_hien", "2023-06-30")},
        ),
    ],
)
def test_points_of_a_conclusion_under_a_body_and_after_a_time(points, expected):
    _, rec = assignments(
        party_doc(heading="KẾT LUẬN", code="KL", date="ngày 12 tháng 4 năm 2023", body=_CONCLUDES + points)
    )
    assert _tasks(rec) == expected


@pytest.mark.parametrize(
    ("task", "end"),
    [
        # a day before the document's own qualifies what the task is about: no time to do it by
        ("Phòng Kinh tế giải quyết dứt điểm hồ sơ tiếp nhận trước ngày 01/7/2025.", None),
        (
            "Phòng Kinh tế rà soát hồ sơ phát sinh trước ngày 01/7/2025, hoàn thành trước ngày 15/12/2025.",
            "2025-12-15",
        ),
        ("Phòng Kinh tế báo cáo kết quả trước ngày 15/12/2025.", "2025-12-15"),
    ],
)
def test_a_day_before_the_document_in_a_task_is_no_deadline(task, end):
    _, rec = assignments(
        party_doc(
            heading="KẾ HOẠCH",
            code="KH",
            date="ngày 10 tháng 10 năm 2025",
            body=f"III. TỔ CHỨC THỰC HIỆN\n\n1. {task}",
        )
    )
    assert [(o.deadline or {}).get("end") for o in rec.obligations] == [end]


def test_a_plan_of_points_alone_gives_each_point_to_its_subject():
    """A district's programme with no part, heading or lead line: '1. Hội Cựu chiến binh quận tuyên
    truyền …' is the body's task, with no time of its own as with one."""
    body = (
        "1. Hội Cựu chiến binh quận tuyên truyền Chỉ thị đến hội viên.\n\n"
        "2. Đồn Biên phòng Cồn Thoi tuần tra bờ biển, hoàn thành trong năm 2024."
    )
    _, rec = assignments(
        party_doc(heading="CHƯƠNG TRÌNH", code="CTr", of="", date="ngày 05 tháng 3 năm 2024", body=body)
    )
    assert _tasks(rec) == {
        ("Hội Cựu chiến binh quận", "thuc_hien", None),
        ("Đồn Biên phòng Cồn Thoi", "thuc_hien", "2024-12-31"),
    }


NEWS = (
    "Cổng Thông tin điện tử tỉnh Hà Tĩnh\nTrang chủ > Tin tức\nTỉnh ủy triển khai Nghị quyết 57-NQ/TW\n"
    "(HT) - Ngày 05/9/2025, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 20-KH/TU về thực hiện Nghị "
    "quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n{opening}Ban Thường vụ Tỉnh ủy yêu cầu Đảng ủy "
    "UBND tỉnh lãnh đạo xây dựng kế hoạch thực hiện, hoàn thành trong tháng 10/2025.\n"
    "Các đảng ủy xã, phường xây dựng chương trình hành động, gửi về Tỉnh ủy trước ngày 30/9/2025.\n"
    "Phóng viên"
)


@pytest.mark.parametrize(
    ("opening", "reported"),
    [("Theo Kế hoạch, ", True), ("Theo Kế hoạch số 20-KH/TU, ", True), ("", False)],
)
def test_a_news_page_reporting_a_document_goes_on_reporting_its_tasks(opening, reported):
    got, _ = assignments(NEWS.format(opening=opening))
    assert ("Đảng ủy UBND tỉnh", "thuc_hien") in got
    assert (("đảng ủy xã", "thuc_hien") in got) is reported


@pytest.mark.parametrize("example", tables.load("obligations.toml")["opening"]["reporting_examples"])
def test_every_reporting_opening_example_opens_a_report_of_a_document(example):
    from vbgraph.loaders.obligations import _reporting_re

    assert _reporting_re().match(example)


def test_what_a_reported_document_says_after_its_colon_is_read_as_its_words():
    text = NEWS.format(opening="Theo Kế hoạch, ").replace(
        "Phóng viên",
        "Kế hoạch nêu rõ: Công an tỉnh bảo đảm an ninh, báo cáo trước ngày 10/10/2025.\nPhóng viên",
    )
    got, _ = assignments(text)
    assert ("Công an tỉnh", "thuc_hien") in got
