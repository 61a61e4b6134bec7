"""PDFs as the reader meets them: real files written in tmp_path (reportlab with a Unicode font,
drawn line by line or laid out by platypus with ruled tables; scans drawn with PIL), each case
naming what it shows. The OCR tests need Tesseract with its Vietnamese model
(scripts/install-ocr): they fail, never skip, without it."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf.generic import ContentStream, DecodedStreamObject, DictionaryObject, NameObject
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from vbgraph.errors import UnreadableFile
from vbgraph.loaders.read_pdf import read_pdf
from vbgraph.loaders.sources import Place, Source

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
GAP = None  # a paragraph gap in a page's lines
RUNNING = "Kế hoạch số 175-KH/TU của Tỉnh ủy Bắc Giang"

# A three-page plan: the header block in two columns (a tuple is a row: left column, right column),
# paragraphs parted by gaps. Pages 2 and 3 carry the running title; every page has "Trang N/3".
PLAN = [
    [
        ("TỈNH ỦY BẮC GIANG", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("*", ""),
        ("Số 175-KH/TU", "Bắc Giang, ngày 08 tháng 6 năm 2021"),
        GAP,
        "KẾ HOẠCH",
        "thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị",
        "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng",
        "công nghiệp lần thứ tư",
        GAP,
        "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị,",
        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:",
        GAP,
        "I. MỤC ĐÍCH, YÊU CẦU",
    ],
    [
        "1. Quán triệt sâu sắc nội dung Nghị quyết trong toàn Đảng bộ, gắn với",
        "phát triển kinh tế - xã hội của tỉnh và Quyết định số 749/QĐ-",
        "TTg ngày 03/6/2020 của Thủ tướng Chính phủ về chuyển đổi số;",
        "ứng dụng công nghệ block-",
        "chain trong quản lý, học tập chủ nghĩa Mác-",
        "Lênin, tư tưởng Hồ Chí Minh.",
        GAP,
        unicodedata.normalize("NFD", "2. Các cấp ủy thực hiện Nghị quyết nghiêm túc."),
    ],
    [
        "II. TỔ CHỨC THỰC HIỆN",
        "Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 15/12/2021.",
        GAP,
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Văn A",
    ],
]


def write_pdf(path: Path, pages: list[list], *, running: str | None = RUNNING, rotate: int = 0) -> Path:
    """Each page's lines drawn where a word processor would put them, 18 pt apart, a gap 12 pt
    more; the running title (pages 2 on) at the top and "Trang N/M" at the bottom, in the margins."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for n, lines in enumerate(pages, start=1):
        if rotate:  # the page is shown turned by /Rotate, so its text is drawn turned back
            c.translate(width / 2, height / 2)
            c.rotate(rotate)
            c.translate(-width / 2, -height / 2)
        c.setFont("DejaVu", 9)
        if running and n > 1:
            c.drawCentredString(width / 2, height - 36, running)
        c.drawCentredString(width / 2, 30, f"Trang {n}/{len(pages)}")
        c.setFont("DejaVu", 11)
        y = height - 80
        for line in lines:
            if line is GAP:
                y -= 12
                continue
            if isinstance(line, tuple):
                c.drawCentredString(150, y, line[0])
                c.drawCentredString(420, y, line[1])
            else:
                c.drawString(70, y, line)
            y -= 18
        c.showPage()
    c.save()
    if rotate:
        reader, writer = pypdf.PdfReader(path), pypdf.PdfWriter()
        for page in reader.pages:
            writer.add_page(page.rotate(rotate))
        writer.write(path)
    return path


def scan_image(lines: list[str]) -> Image.Image:
    """An A4 page at 300 dpi with the lines typed on it, as a scanner gives it (no text layer)."""
    img = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    for i, line in enumerate(lines):
        draw.text((300, 300 + 70 * i), line, font=font, fill=0)
    return img


SCANNED = [
    "Số 175-KH/TU",
    "Bắc Giang, ngày 08 tháng 6 năm 2021",
    "KẾ HOẠCH",
    "thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị",
]


def lines_of(source: Source, page: int) -> list[str]:
    """The text lines of one page, with the blank lines between them."""
    return [
        line for line, place in zip(source.text.split("\n"), source.places, strict=True) if place.page == page
    ]


def place_of(source: Source, text: str) -> Place:
    lines = source.text.split("\n")
    return source.places[lines.index(text)]


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Source:
    return read_pdf(write_pdf(tmp_path_factory.mktemp("pdf") / "175-KH-TU.pdf", PLAN))


@pytest.fixture(scope="module")
def tesseract() -> None:
    """Tesseract with its Vietnamese model: the OCR tests fail, never skip, without it."""
    import pytesseract

    try:
        langs = pytesseract.get_languages(config="")
    except pytesseract.TesseractNotFoundError:
        pytest.fail("the OCR tests need Tesseract: run scripts/install-ocr")
    if "vie" not in langs:
        pytest.fail("the OCR tests need Tesseract's Vietnamese model (vie): run scripts/install-ocr")


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "scan.pdf"
    scan_image(SCANNED).save(path, "PDF", resolution=300.0)
    return path


# --- the text layer ----------------------------------------------------------------------------------


def test_the_header_block_comes_out_line_by_line_in_reading_order(plan):
    # the two columns of a row are two lines, left first; a gap in the layout is a blank line
    assert lines_of(plan, 1) == [
        "TỈNH ỦY BẮC GIANG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "*",
        "Số 175-KH/TU",
        "Bắc Giang, ngày 08 tháng 6 năm 2021",
        "",
        "KẾ HOẠCH",
        "thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị",
        "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng",
        "công nghiệp lần thứ tư",
        "",
        "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị,",
        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ]


@pytest.mark.parametrize(
    "kept",
    [
        "175-KH/TU",
        "52-NQ/TW",
        "Nghị quyết",
        "Bộ Chính trị",
        "thực hiện",
        "Ban Thường vụ Tỉnh ủy",
        "Nguyễn Văn A",
    ],
)
def test_symbols_and_vietnamese_words_are_intact(plan, kept):
    assert kept in plan.text


@pytest.mark.parametrize(
    "gone",
    [RUNNING, "Trang 1/3", "Trang 2/3", "Trang 3/3", "Trang"],
    ids=["running title", "footer p1", "footer p2", "footer p3", "any footer"],
)
def test_running_title_and_page_numbers_are_dropped(plan, gone):
    assert gone not in plan.text


def test_a_warning_names_the_running_title_dropped(plan):
    assert plan.warnings == (f"dropped running headers or footers: {RUNNING!r}",)


def test_a_running_title_goes_from_a_page_without_a_paragraph_gap_too(tmp_path):
    """A compilation's last page holds only the signature block, right under the running title:
    known to repeat from the other pages' margins, the title goes from its top rows as well."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    path = tmp_path / "tap.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    bodies = [PLAN[0][4:8], PLAN[2][:2], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"]]
    for n, body in enumerate(bodies):
        c.setFont("DejaVu", 11)
        y = A4[1] - 40
        c.drawString(70, y, RUNNING)
        y -= 18 if n == len(bodies) - 1 else 40  # the last page: no gap under the title
        for line in body:
            c.drawString(70, y, line)
            y -= 18
        c.showPage()
    c.save()
    source = read_pdf(path)
    assert RUNNING not in source.text
    assert lines_of(source, 3) == ["", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"]


@pytest.mark.parametrize(
    ("line", "page", "page_line"),
    [
        ("TỈNH ỦY BẮC GIANG", 1, 1),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", 1, 1),  # beside it, on the same printed line
        ("Số 175-KH/TU", 1, 3),
        ("KẾ HOẠCH", 1, 4),
        # the running title was page 2's first line: dropped, still counted
        ("1. Quán triệt sâu sắc nội dung Nghị quyết trong toàn Đảng bộ, gắn với", 2, 2),
        ("Nguyễn Văn A", 3, 6),
    ],
)
def test_each_line_has_its_page_and_line_on_the_page(plan, line, page, page_line):
    assert place_of(plan, line) == Place(page=page, page_line=page_line)


def test_every_line_has_a_place_and_the_text_is_nfc(plan):
    assert len(plan.places) == len(plan.text.split("\n"))
    assert plan.format == "pdf"
    assert unicodedata.is_normalized("NFC", plan.text)
    # drawn with combining marks (NFD), read back composed
    assert "2. Các cấp ủy thực hiện Nghị quyết nghiêm túc." in plan.text.split("\n")


@pytest.mark.parametrize(
    "line",
    [
        # Vietnamese is not hyphenated: a line ending in a hyphen was broken after a hyphen of the text
        "phát triển kinh tế - xã hội của tỉnh và Quyết định số 749/QĐ-TTg",
        "ngày 03/6/2020 của Thủ tướng Chính phủ về chuyển đổi số;",
        "trong quản lý, học tập chủ nghĩa Mác-Lênin,",  # its first word went up
        "tư tưởng Hồ Chí Minh.",
        # a foreign word split by hyphenation: neither part is a Vietnamese syllable
        "ứng dụng công nghệ blockchain",
    ],
)
def test_words_broken_at_a_line_end_are_made_whole(plan, line):
    assert line in plan.text.split("\n")


def test_a_page_shown_turned_reads_upright(tmp_path):
    source = read_pdf(write_pdf(tmp_path / "landscape.pdf", [PLAN[2]], running=None, rotate=90))
    assert lines_of(source, 1) == [
        "II. TỔ CHỨC THỰC HIỆN",
        "Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 15/12/2021.",
        "",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Văn A",
    ]


def _tj(line: str, keep, size: float = 12) -> str:
    """A PDF TJ array drawing the characters of `line` that `keep` accepts, moving over the others."""
    parts, hole = [], 0.0
    for c in line:
        if keep(c):
            if hole:
                parts.append(f"{-hole * 1000 / size:.1f}")
                hole = 0.0
            parts.append(f"({c})" if c.isascii() else f"(\\{c.encode('cp1252')[0]:03o})")
        else:
            hole += pdfmetrics.stringWidth(c, "Helvetica", size)
    return "[" + " ".join(parts) + "] TJ"


def drawn_in_two_passes(path: Path, line: str) -> Path:
    """A page that draws the line's ASCII letters first, leaving holes, then its Vietnamese
    letters (as LibreOffice does when they come from a fallback font)."""
    first = next(i for i, c in enumerate(line) if not c.isascii())
    x = 70 + pdfmetrics.stringWidth(line[:first], "Helvetica", 12)
    content = (
        f"BT /F1 12 Tf 70 700 Td {_tj(line, str.isascii)} ET\n"
        f"BT /F1 12 Tf {x:.2f} 700 Td {_tj(line[first:], lambda c: not c.isascii())} ET\n"
    )
    font = {
        "/Type": "/Font",
        "/Subtype": "/Type1",
        "/BaseFont": "/Helvetica",
        "/Encoding": "/WinAnsiEncoding",
    }
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject(
                {NameObject("/F1"): DictionaryObject({NameObject(k): NameObject(v) for k, v in font.items()})}
            )
        }
    )
    stream = DecodedStreamObject()
    stream.set_data(content.encode("latin-1"))
    page.replace_contents(ContentStream(stream, writer))
    writer.write(path)
    return path


def test_letters_drawn_out_of_order_are_read_in_place(tmp_path):
    # in drawing order the line reads "Th ng b o cho c c x ô á á ã" (PDFium and pypdf alike);
    # the glyphs' positions give the words back
    line = "Thông báo cho các xã"  # letters Helvetica's WinAnsi encoding has
    assert read_pdf(drawn_in_two_passes(tmp_path / "fallback.pdf", line)).text == line


def test_a_page_with_a_name_and_a_small_stamp_is_read_as_text(tmp_path):
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    path = tmp_path / "signed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(Image.new("L", (300, 300), 128)), 300, 600, 100, 100)  # the stamp
    c.setFont("DejaVu", 11)
    c.drawString(300, 580, "Nguyễn Văn A")
    c.showPage()
    c.save()
    source = read_pdf(path)
    assert (source.text, source.warnings) == ("Nguyễn Văn A", ())


# --- ruled tables -----------------------------------------------------------------------------------

HEAD = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
TASK = [
    "1",
    "Xây dựng đề án chuyển đổi số tỉnh Bắc Giang",
    "Sở Thông tin và Truyền thông",
    "Sở Nội vụ",
    "Quý IV/2021",
]
GROUP = "I. Nhóm nhiệm vụ về tuyên truyền"  # a group row, merged across the table
PROPAGANDA = [
    "2",
    "Tổ chức tuyên truyền, quán triệt Nghị quyết số 52-NQ/TW đến cán bộ, đảng viên và Nhân dân",
    "Ban Tuyên giáo Tỉnh ủy",
    "Sở Thông tin và Truyền thông, Báo Bắc Giang",
    "Thường xuyên",
]
ASSIGNMENTS = [HEAD, TASK, [GROUP, "", "", "", ""], PROPAGANDA]
WIDTHS = [25, 150, 110, 80, 90]  # narrow enough that most cells wrap


def ruled(rows: list[list[str]], *, spans: tuple[int, ...] = (), repeat: int = 0) -> Table:
    """A table ruled by a grid, each cell a paragraph (long text wraps inside its cell); the rows in
    `spans` merged across the table; the first `repeat` rows repeated on every page."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=9, leading=11)
    table = Table([[Paragraph(v, cell) for v in row] for row in rows], colWidths=WIDTHS, repeatRows=repeat)
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    table.setStyle(TableStyle(grid + [("SPAN", (0, r), (-1, r)) for r in spans]))
    return table


def write_story(path: Path, *flowables: str | Table | PageBreak) -> Path:
    """Paragraphs (a str each) and tables laid out by platypus as a word processor would, with a
    page number at the foot of every page."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=11, leading=14, spaceAfter=10)

    def page_number(c: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        c.setFont("DejaVu", 9)
        c.drawCentredString(A4[0] / 2, 30, f"Trang {doc.page}")

    story = [Paragraph(f, body) if isinstance(f, str) else f for f in flowables]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=page_number, onLaterPages=page_number)
    return path


def tabbed(*rows: list[str]) -> list[str]:
    return ["\t".join(row).rstrip("\t") for row in rows]


@pytest.fixture(scope="module")
def assignments(tmp_path_factory) -> Source:
    path = tmp_path_factory.mktemp("table") / "phu-luc.pdf"
    return read_pdf(write_story(path, "PHỤ LỤC", ruled(ASSIGNMENTS, spans=(2,)), "T/M BAN THƯỜNG VỤ"))


def test_a_ruled_table_gives_a_line_per_row_its_cells_parted_by_tabs(assignments):
    # a cell's wrapped lines are one; the group row is one cell; a blank line before and after
    assert assignments.text.split("\n") == [
        "PHỤ LỤC",
        "",
        "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
        "1\tXây dựng đề án chuyển đổi số tỉnh Bắc Giang\tSở Thông tin và Truyền thông\tSở Nội vụ\tQuý IV/2021",
        "I. Nhóm nhiệm vụ về tuyên truyền",
        "2\tTổ chức tuyên truyền, quán triệt Nghị quyết số 52-NQ/TW đến cán bộ, đảng viên và Nhân dân"
        "\tBan Tuyên giáo Tỉnh ủy\tSở Thông tin và Truyền thông, Báo Bắc Giang\tThường xuyên",
        "",
        "T/M BAN THƯỜNG VỤ",
    ]


@pytest.mark.parametrize(
    ("row", "page_line"),
    [
        (HEAD, 2),  # "Thời gian hoàn" / "thành": two printed lines
        (TASK, 4),  # "Xây dựng đề án chuyển đổi số" / "tỉnh Bắc Giang"
        ([GROUP], 6),
        (PROPAGANDA, 7),
    ],
    ids=["header row", "task", "group row", "long task"],
)
def test_a_table_row_is_placed_at_its_first_printed_line(assignments, row, page_line):
    assert place_of(assignments, tabbed(row)[0]) == Place(page=1, page_line=page_line)


def test_a_table_across_pages_goes_on_row_after_row(tmp_path):
    tasks = [
        [
            str(k),
            f"Nhiệm vụ số {k} về chuyển đổi số trong cơ quan nhà nước",
            "Sở Nội vụ",
            "Sở Tài chính",
            "Quý IV/2021",
        ]
        for k in range(1, 61)
    ]
    source = read_pdf(write_story(tmp_path / "long.pdf", "PHỤ LỤC", ruled([HEAD, *tasks], repeat=1)))
    lines = source.text.split("\n")
    pages = sorted({place.page for place in source.places})
    assert len(pages) >= 2
    assert lines[:2] == ["PHỤ LỤC", ""]
    # every task once, in order, no blank line where a page breaks the table
    assert [line for line in lines[2:] if line != tabbed(HEAD)[0]] == tabbed(*tasks)
    # the header row, repeated, heads the table on every page (no running title to drop)
    assert [
        place.page for line, place in zip(lines, source.places, strict=True) if line == tabbed(HEAD)[0]
    ] == pages


def test_a_row_a_page_break_cut_in_two_is_made_whole(tmp_path):
    # Word lets a row break across pages: the rest of its cells opens the next page, after the
    # repeated header row, its number cell empty
    cut = ["2", "Tổ chức tuyên truyền, quán triệt Nghị quyết", "Ban Tuyên giáo Tỉnh ủy", "", "Thường"]
    rest = ["", "số 52-NQ/TW đến cán bộ, đảng viên và Nhân dân", "", "Báo Bắc Giang", "xuyên"]
    path = write_story(tmp_path / "cut.pdf", ruled([HEAD, TASK, cut]), PageBreak(), ruled([HEAD, rest]))
    source = read_pdf(path)
    assert source.text.split("\n") == tabbed(
        HEAD,
        TASK,
        ["2", *PROPAGANDA[1:3], "Báo Bắc Giang", "Thường xuyên"],
        HEAD,
    )
    assert place_of(source, source.text.split("\n")[2]) == Place(page=1, page_line=5)  # where it starts


def test_a_table_on_a_page_shown_turned_reads_upright(tmp_path):
    # a landscape appendix: the page is shown turned by /Rotate, its table drawn turned back
    path = tmp_path / "landscape.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.translate(A4[0] / 2, A4[1] / 2)
    c.rotate(90)
    c.translate(-A4[0] / 2, -A4[1] / 2)
    table = ruled(ASSIGNMENTS, spans=(2,))
    _, height = table.wrapOn(c, *A4)
    table.drawOn(c, 80, A4[1] - 100 - height)
    c.showPage()
    c.save()
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(path).pages[0].rotate(90))
    writer.write(path)
    assert read_pdf(path).text.split("\n") == tabbed(HEAD, TASK, [GROUP], PROPAGANDA)


def ruled_header(path: Path) -> Path:
    """The header block with a short rule under each column's last line, and a box around a
    paragraph: rules that make no grid of rows and columns."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVu", 11)
    for y, (left, right) in zip((760, 742), PLAN[0][:2], strict=True):
        c.drawCentredString(150, y, left)
        c.drawCentredString(420, y, right)
    c.line(120, 737, 180, 737)  # under "*"
    c.line(360, 755, 480, 755)  # under "ĐẢNG CỘNG SẢN VIỆT NAM"
    c.line(300, 520, 300, 800)  # a bar down the page, across the box
    c.drawString(70, 700, "KẾ HOẠCH")
    c.rect(64, 640, 460, 40)  # a framed note
    c.drawString(70, 662, "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị,")
    c.drawString(70, 646, "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:")
    c.showPage()
    c.save()
    return path


def test_rules_that_make_no_table_leave_the_lines_as_they_are(tmp_path):
    source = read_pdf(ruled_header(tmp_path / "ruled.pdf"))
    assert "\t" not in source.text
    assert [line for line in source.text.split("\n") if line] == [
        "TỈNH ỦY BẮC GIANG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "*",
        "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị,",
        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:",
    ]


# --- page breaks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "first", "parted"),
    [
        # a sentence cut by the page break runs on
        (
            "2. Ban cán sự đảng UBND tỉnh xây dựng kế hoạch thực hiện Nghị quyết, hoàn",
            "thành trước ngày 30/9/2021.",
            False,
        ),
        (
            "Các sở, ngành triển khai thực hiện Nghị quyết số",
            "52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.",
            False,
        ),
        (
            "Tổng kinh phí thực hiện giai đoạn 2021 - 2025 khoảng",
            "30.000 triệu đồng từ ngân sách tỉnh.",
            False,
        ),
        # a paragraph ends, or the next begins
        ("2. Ban cán sự đảng UBND tỉnh hoàn thành trước ngày 30/9/2021.", "PHỤ LỤC", True),
        ("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:", "nâng cao nhận thức của cán bộ", True),
        ("I. MỤC ĐÍCH, YÊU CẦU", "nâng cao nhận thức của cán bộ, đảng viên", True),
        ("nâng cao nhận thức của cán bộ, đảng viên", "2. Các cấp ủy thực hiện Nghị quyết nghiêm túc", True),
        ("nâng cao nhận thức của cán bộ, đảng viên", "II- TỔ CHỨC THỰC HIỆN", True),
        ("nâng cao nhận thức của cán bộ, đảng viên", "a) Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền", True),
        ("nâng cao nhận thức của cán bộ, đảng viên", "- Sở Nội vụ hướng dẫn các cơ quan, đơn vị", True),
        ("nâng cao nhận thức của cán bộ, đảng viên", "Điều 3. Quyết định này có hiệu lực từ ngày ký", True),
    ],
)
def test_a_page_break_parts_paragraphs_only_where_one_ends_or_begins(tmp_path, last, first, parted):
    pages = [["Thực hiện Nghị quyết số 52-NQ/TW của Bộ Chính trị,", last], [first, "Nguyễn Văn A"]]
    lines = read_pdf(write_pdf(tmp_path / "two.pdf", pages, running=None)).text.split("\n")
    assert lines[lines.index(last) + 1 :][:3] == (
        ["", first, "Nguyễn Văn A"] if parted else [first, "Nguyễn Văn A"]
    )


# --- scans -----------------------------------------------------------------------------------------


def test_a_scan_without_ocr_is_unreadable_and_says_how_to_read_it(scan):
    with pytest.raises(UnreadableFile) as e:
        read_pdf(scan)
    assert e.value.reason == (
        "scanned PDF with no text layer (1 page); run with --ocr to recognise it "
        "(needs Tesseract and its Vietnamese model: scripts/install-ocr)"
    )


@pytest.fixture(scope="module")
def recognised(scan, tesseract) -> Source:
    return read_pdf(scan, ocr=True)


@pytest.mark.parametrize("line", SCANNED[:3])
def test_a_scan_is_recognised_line_by_line(recognised, line):
    assert line in recognised.text.split("\n")


@pytest.mark.parametrize("kept", ["175-KH/TU", "52-NQ/TW", "ngày 08 tháng 6 năm 2021", "27/9/2019"])
def test_ocr_keeps_the_symbol_the_date_and_the_cited_symbol(recognised, kept):
    assert kept in recognised.text


def test_recognised_lines_are_marked_ocr_with_their_place(recognised):
    lines = recognised.text.split("\n")
    assert recognised.places[lines.index("KẾ HOẠCH")] == Place(page=1, page_line=3, ocr=True)
    assert all(p.ocr for line, p in zip(lines, recognised.places, strict=True) if line)
    assert recognised.warnings == ("recognised 1 page by OCR (Tesseract vie); check quotes against the scan",)


def test_a_poor_scan_is_named_in_a_warning(tmp_path, tesseract):
    """A page scanned coarse and askew reads with many misread figures and tones: the warning says
    which page Tesseract was unsure of, so a researcher looks at the scan (a good one says nothing)."""
    from PIL import ImageFilter

    img = scan_image(SCANNED).rotate(1.5, fillcolor=255)
    img = img.resize((img.width // 3, img.height // 3)).filter(ImageFilter.GaussianBlur(1.5))
    img.save(tmp_path / "poor.pdf", "PDF", resolution=100.0)
    warnings = read_pdf(tmp_path / "poor.pdf", ocr=True).warnings
    assert len(warnings) == 2 and warnings[1].startswith("OCR unsure of page 1 (")


def mixed_pdf(path: Path) -> Path:
    """Page 1 typed (a text layer), page 2 a scanned image."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVu", 11)
    for i, line in enumerate(PLAN[0][4:8]):
        c.drawString(70, 760 - 18 * i, line)
    c.showPage()
    c.drawImage(ImageReader(scan_image(SCANNED)), 0, 0, *A4)
    c.showPage()
    c.save()
    return path


def test_a_mixed_pdf_without_ocr_names_the_scanned_pages(tmp_path):
    source = read_pdf(mixed_pdf(tmp_path / "mixed.pdf"))
    assert source.text.split("\n")[0] == "KẾ HOẠCH"
    assert {p.page for p in source.places} == {1}
    assert source.warnings == (
        "page 2: no text layer (scanned), text not read; run with --ocr to recognise it",
    )


def test_a_mixed_pdf_with_ocr_recognises_only_the_scanned_pages(tmp_path, tesseract):
    source = read_pdf(mixed_pdf(tmp_path / "mixed.pdf"), ocr=True)
    assert {(p.page, p.ocr) for p in source.places if p.page_line} == {(1, False), (2, True)}
    assert place_of(source, "Số 175-KH/TU") == Place(page=2, page_line=1, ocr=True)


def _no_pytesseract(monkeypatch):
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # `import pytesseract` raises ImportError


def _no_tesseract(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")


def _no_vie(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract, "get_languages", lambda config="": ["eng", "osd"])


@pytest.mark.parametrize(
    ("missing", "says"),
    [
        (_no_pytesseract, "OCR needs pytesseract: pip install 'vbgraph[ocr]'"),
        (
            _no_tesseract,
            "OCR needs the Tesseract program ('/nonexistent/tesseract' not found): apt install "
            "tesseract-ocr tesseract-ocr-vie, or run scripts/install-ocr",
        ),
        (
            _no_vie,
            "OCR needs Tesseract's Vietnamese model (vie), not installed: apt install tesseract-ocr "
            "tesseract-ocr-vie, or run scripts/install-ocr",
        ),
    ],
    ids=["no pytesseract", "no tesseract program", "no vie model"],
)
def test_ocr_without_its_tools_names_what_to_install(scan, monkeypatch, missing, says):
    missing(monkeypatch)
    with pytest.raises(UnreadableFile) as e:
        read_pdf(scan, ocr=True)
    assert e.value.reason == f"scanned PDF (1 page without a text layer): {says}"


# --- files that are not readable PDFs ------------------------------------------------------------------


def _encrypted(path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=write_pdf(path, PLAN[:1]))
    writer.encrypt("mật khẩu")
    writer.write(path)


def _blank(path: Path) -> None:
    c = canvas.Canvas(str(path))
    c.showPage()
    c.save()


def _truncated(path: Path) -> None:
    path.write_bytes(write_pdf(path, PLAN).read_bytes()[:2000])


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_encrypted, "encrypted PDF: it opens only with its password"),
        (_truncated, "not a readable PDF (Data format error)"),
        (lambda p: p.write_text("<html>not a PDF</html>"), "not a readable PDF (Data format error)"),
        (lambda p: p.write_bytes(b""), "not a readable PDF (Data format error)"),
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "not a file"),
        (_blank, "no text in the PDF (1 page, all blank)"),
    ],
    ids=["encrypted", "truncated", "html", "empty", "missing", "folder", "blank page"],
)
def test_an_unreadable_pdf_gives_a_one_line_reason(tmp_path, make, reason):
    path = tmp_path / "file.pdf"
    make(path)
    with pytest.raises(UnreadableFile) as e:
        read_pdf(path)
    assert e.value.reason == reason
    assert e.value.path == str(path)


def test_a_pdf_that_only_forbids_changes_is_read(tmp_path):
    path = write_pdf(tmp_path / "owner.pdf", PLAN[:1])
    writer = pypdf.PdfWriter(clone_from=path)
    writer.encrypt(user_password="", owner_password="chủ sở hữu")
    writer.write(path)
    assert "Số 175-KH/TU" in read_pdf(path).text.split("\n")


def test_a_header_whose_columns_sit_half_a_line_apart_parts_no_paragraph(tmp_path):
    """Party headers often set the right column half a line lower than the left: their rows overlap
    and tell nothing of the page's line gap, so a short page's wrapped title stays one paragraph."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    path = tmp_path / "offset.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    c.setFont("DejaVu", 11)
    header = [("HUYỆN ỦY BẢO THẮNG", "ĐẢNG CỘNG SẢN VIỆT NAM"), ("*", "Bảo Thắng, ngày 25 tháng 10 năm 2024")]
    for i, (left, right) in enumerate([*header, ("Số 312-BC/HU", "")]):
        c.drawCentredString(150, height - 60 - 18 * i, left)
        c.drawCentredString(420, height - 68 - 18 * i, right)
    body = [
        "BÁO CÁO",
        "tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ",
        "Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách",
        "Hồ Chí Minh",
    ]
    for i, line in enumerate(body):
        c.drawString(60, height - 140 - 15 * i, line)
    c.showPage()
    c.save()
    lines = read_pdf(path).text.split("\n")
    start = lines.index(body[1])
    assert lines[start : start + 3] == body[1:]
