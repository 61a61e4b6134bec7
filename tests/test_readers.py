"""Real files of every supported kind, made from one known text, give the same graph as the text.

Word files are written by python-docx, PDFs by reportlab with a Unicode font, web pages with a
menu, related news and a footer around the article; evidence points at the page and line, or the
paragraph, it came from.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vbgraph.errors import UnreadableFile
from vbgraph.graph.store import Store, build_graph
from vbgraph.loaders.parse import parse, parse_text
from vbgraph.loaders.read import collect, read_source

HEADER = [
    "TỈNH ỦY BẮC GIANG",
    "Số 175-KH/TU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bắc Giang, ngày 08 tháng 6 năm 2021",
    "KẾ HOẠCH",
    "thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách "
    "chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
]
BODY = [
    "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành "
    "Kế hoạch thực hiện như sau:",
    "I- MỤC ĐÍCH, YÊU CẦU",
    "1. Quán triệt sâu sắc nội dung Nghị quyết đến cán bộ, đảng viên và Nhân dân.",
    "II- TỔ CHỨC THỰC HIỆN",
    "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông tổ chức tuyên truyền "
    "Nghị quyết, xong trong quý III/2021.",
    "2. Ban cán sự đảng UBND tỉnh xây dựng kế hoạch thực hiện Nghị quyết, hoàn thành trước ngày 30/9/2021.",
]
TABLE = [
    ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    [
        "1",
        "Xây dựng đề án chuyển đổi số tỉnh Bắc Giang",
        "Sở Thông tin và Truyền thông",
        "Sở Nội vụ",
        "Quý IV/2021",
    ],
]
SIGNATURE = ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Thị Thu Hồng"]


def known_text() -> str:
    lines = [*HEADER, *BODY]
    text = "\n\n".join(lines) + "\n\nPHỤ LỤC\n\n" + "\n".join("\t".join(r) for r in TABLE) + "\n\n"
    return text + "\n\n".join(SIGNATURE) + "\n"


def write_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    for line in [*HEADER, *BODY, "PHỤ LỤC"]:
        d.add_paragraph(line)
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    for line in SIGNATURE:
        d.add_paragraph(line)
    d.save(str(path))
    return path


def write_html(path: Path) -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TABLE)
    paras = "".join(f"<p>{x}</p>" for x in [*HEADER, *BODY, "PHỤ LỤC"])
    sig = "".join(f"<p>{x}</p>" for x in SIGNATURE)
    path.write_text(
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Cổng thông tin điện tử</title>"
        "<meta property='article:published_time' content='2021-06-10T08:00:00+07:00'></head><body>"
        "<nav><a href='/'>Trang chủ</a> <a href='/tin'>Tin tức</a> <a href='/vb'>Văn bản</a></nav>"
        f"<article>{paras}<table>{rows}</table>{sig}</article>"
        "<aside><h3>Tin liên quan</h3><ul><li><a href='/x'>Kết luận số 93-KL/TW ngày 20/11/2020 của Ban Bí thư"
        "</a></li><li><a href='/y'>Chỉ thị số 05-CT/TW ngày 15/5/2016</a></li></ul></aside>"
        "<footer>Bản quyền thuộc Tỉnh ủy Bắc Giang. Quyết định số 12/QĐ-TTĐT cấp phép.</footer></body></html>",
        encoding="utf-8",
    )
    return path


# As Word and web pages lay them out: the header's two columns and the signature's in a table of one
# row, each cell's lines stacked in it.
HEADER_CELLS = [HEADER[:2], HEADER[2:4]]
SIGNATURE_CELLS = [["Nơi nhận:", "- Ban Bí thư Trung ương Đảng,", "- Lưu Văn phòng Tỉnh ủy."], SIGNATURE]


def write_docx_layout(path: Path, breaks: bool = False) -> Path:
    """The cells' lines as paragraphs, or (`breaks`) as one paragraph cut by line breaks (Shift+Enter)."""
    import docx

    d = docx.Document()

    def layout(cells: list[list[str]]) -> None:
        row = d.add_table(rows=1, cols=len(cells)).rows[0]
        for cell, lines in zip(row.cells, cells, strict=True):
            cell.text = lines[0]
            for line in lines[1:]:
                if breaks:
                    run = cell.paragraphs[0].add_run()
                    run.add_break()
                    run.add_text(line)
                else:
                    cell.add_paragraph(line)

    return _save_laid_out(d, layout, path)


def _save_laid_out(d: Any, lay_out: Callable[[list[list[str]]], None], path: Path) -> Path:
    """The document with its header's and signature's cells laid out by `lay_out`, the text and
    the task table between them."""
    lay_out(HEADER_CELLS)
    for line in [*HEADER[4:], *BODY, "PHỤ LỤC"]:
        d.add_paragraph(line)
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    lay_out(SIGNATURE_CELLS)
    d.save(str(path))
    return path


def write_html_layout(path: Path) -> Path:
    def layout(cells: list[list[str]], join: str) -> str:
        return "<table><tr>" + "".join(f"<td>{join.join(c)}</td>" for c in cells) + "</tr></table>"

    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TABLE)
    paras = "".join(f"<p>{x}</p>" for x in [*HEADER[4:], *BODY, "PHỤ LỤC"])
    path.write_text(
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Văn bản</title></head><body><article>"
        f"{layout(HEADER_CELLS, '<br>')}{paras}<table>{rows}</table>{layout(SIGNATURE_CELLS, '</p><p>')}"
        "</article></body></html>",
        encoding="utf-8",
    )
    return path


def graph_facts(G) -> dict:
    """What must not depend on the format: documents, relations, obligations (not their evidence)."""
    docs = sorted(
        (
            n,
            a.get("type"),
            a.get("symbol"),
            a.get("date"),
            a.get("title"),
            a.get("issuer"),
            bool(a.get("in_corpus")),
        )
        for n, a in G.nodes(data=True)
        if a.get("kind") == "Document"
    )
    rels = sorted(
        (s, t, k)
        for s, t, k in G.edges(keys=True)
        if G.nodes[s].get("kind") == "Document" and G.nodes[t].get("kind") == "Document"
    )
    obls = sorted(
        (
            a["document"],
            a["text"],
            tuple(sorted((x["body"], x["role"]) for x in a["assignees"])),
            (a.get("deadline") or {}).get("end"),
        )
        for _, a in G.nodes(data=True)
        if a.get("kind") == "Obligation"
    )
    return {"documents": docs, "relations": rels, "obligations": obls}


@pytest.fixture(scope="module")
def from_text() -> dict:
    facts = graph_facts(build_graph([parse_text(known_text(), "k.txt")]))
    assert len(facts["obligations"]) >= 3 and facts["relations"]  # the known text says something
    return facts


@pytest.mark.parametrize("maker", [write_docx, write_html], ids=["docx", "html"])
def test_the_same_document_from_any_format_gives_the_same_graph(tmp_path, maker, from_text):
    path = maker(tmp_path / ("k" + {"write_docx": ".docx", "write_html": ".html"}[maker.__name__]))
    assert graph_facts(build_graph([parse(path)])) == from_text


def write_docx_breaks(path: Path) -> Path:
    return write_docx_layout(path, breaks=True)


def write_docx_rows(path: Path) -> Path:
    """The header's and the signature's tables laid out a printed line a row: 'Nơi nhận:' beside
    'T/M BAN THƯỜNG VỤ', then '- Ban Bí thư …' beside 'PHÓ BÍ THƯ', and so on."""
    import docx

    d = docx.Document()

    def rows(cells: list[list[str]]) -> None:
        height = max(map(len, cells))
        t = d.add_table(rows=height, cols=len(cells))
        for c, lines in enumerate(cells):
            for r, line in enumerate(lines):
                t.cell(r, c).text = line

    return _save_laid_out(d, rows, path)


@pytest.mark.parametrize(
    ("maker", "suffix"),
    [
        (write_docx_layout, ".docx"),
        (write_docx_breaks, ".docx"),
        (write_docx_rows, ".docx"),
        (write_html_layout, ".html"),
    ],
    ids=["docx", "docx-breaks", "docx-rows", "html"],
)
def test_a_header_and_a_signature_stacked_in_table_cells_read_as_lines(tmp_path, maker, suffix, from_text):
    """'TỈNH ỦY BẮC GIANG' over 'Số 175-KH/TU' in one cell, or a row each: the number and the
    issuer are the header's, the signer is the signature column's last line."""
    path = maker(tmp_path / f"k{suffix}")
    rec = parse(path)
    assert graph_facts(build_graph([rec])) == from_text
    assert rec.documents[0].signer == SIGNATURE[-1]


def test_a_soft_hyphen_in_a_vntime_run_is_tcvn3s_u_with_horn(tmp_path):
    """Word and LibreOffice keep a soft hyphen as its own element; in a .VnTime run it is 'ư'."""
    import docx
    from docx.oxml import OxmlElement

    d = docx.Document()
    run = d.add_paragraph().add_run("Ch")
    run.font.name = ".VnTime"
    run._r.append(OxmlElement("w:softHyphen"))
    run._r.append(OxmlElement("w:t"))
    run._r[-1].text = "¬ng tr×nh hµnh ®éng"
    d.save(str(tmp_path / "c.docx"))
    assert read_source(tmp_path / "c.docx").text.split("\n")[0] == "Chương trình hành động"


def test_word_evidence_names_the_paragraph(tmp_path):
    rec = parse(write_docx(tmp_path / "k.docx"))
    cite = next(c for c in rec.citations if c.symbol == "52-NQ/TW")
    assert cite.evidence.paragraph == 6  # the title line, sixth paragraph of the body
    row = next(o for o in rec.obligations if "chuyển đổi số" in o.text)
    assert row.evidence.paragraph == len(HEADER) + len(BODY) + 1 + 2  # PHỤ LỤC, header row, this row


def test_a_web_page_keeps_its_article_and_only_hints_its_date(tmp_path):
    src = read_source(write_html(tmp_path / "k.html"))
    assert "Số 175-KH/TU" in src.text and "Trang chủ" not in src.text
    assert "93-KL/TW" not in src.text and "12/QĐ-TTĐT" not in src.text  # related news and footer dropped
    assert src.date_hint == "2021-06-10"
    rec = parse(tmp_path / "k.html")
    assert [d.date for d in rec.documents] == ["2021-06-08"]


WORD_NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def _numbered_document():
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    d = docx.Document()
    if not any(r.reltype == RT.NUMBERING for r in d.part.rels.values()):
        part = Part(
            PackURI("/word/numbering.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
            WORD_NUMBERING.encode(),
            d.part.package,
        )
        d.part.relate_to(part, RT.NUMBERING)
    else:
        d.part.numbering_part.element.getparent()  # a template with numbering: replace its definitions
        d.part.numbering_part._element = parse_xml(WORD_NUMBERING)
    return d


def _num_pr(level: int):
    from docx.oxml import parse_xml

    return parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr>'
    )


def test_word_automatic_numbering_is_written_out(tmp_path):
    d = _numbered_document()
    for text, level in [
        ("Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền.", 0),
        ("Tổ chức hội nghị.", 1),
        ("Viết bài.", 1),
        ("Sở Nội vụ rà soát.", 0),
    ]:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(_num_pr(level))
    d.save(str(tmp_path / "n.docx"))
    lines = [x for x in read_source(tmp_path / "n.docx").text.split("\n") if x]
    assert lines == [
        "1. Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền.",
        "a) Tổ chức hội nghị.",
        "b) Viết bài.",
        "2. Sở Nội vụ rà soát.",
    ]


def test_word_numbering_of_a_paragraphs_style_is_written_out(tmp_path):
    """Paragraphs in a numbered style ('List Number', or a style based on one) have no numbering of
    their own: the style's is theirs."""
    from docx.enum.style import WD_STYLE_TYPE

    d = _numbered_document()
    points = d.styles.add_style("Điểm", WD_STYLE_TYPE.PARAGRAPH)
    points.element.get_or_add_pPr().append(_num_pr(0))
    tasks = d.styles.add_style("Nhiệm vụ", WD_STYLE_TYPE.PARAGRAPH)
    tasks.base_style = points
    d.add_paragraph("Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền.", style=points)
    d.add_paragraph("Các huyện ủy xây dựng kế hoạch.", style=tasks)
    d.add_paragraph("Kế hoạch này được phổ biến đến chi bộ.")
    d.save(str(tmp_path / "s.docx"))
    lines = [x for x in read_source(tmp_path / "s.docx").text.split("\n") if x]
    assert lines == [
        "1. Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền.",
        "2. Các huyện ủy xây dựng kế hoạch.",
        "Kế hoạch này được phổ biến đến chi bộ.",
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("a.docx", b"PK\x03\x04not really a zip", "not a readable Word .docx file"),
        ("a.pdf", b"%PDF-1.4\nbroken", "PDF"),
        ("a.xlsx", b"PK\x03\x04", "unsupported file type .xlsx"),
        ("a.txt", b"   \n", "empty file"),
        ("a.doc", bytes(range(256)) * 8, "not a text file (binary content)"),  # no Word container, no text
        ("a.html", b"<html>" + bytes(range(256)) * 8, "not a text file (binary content)"),
    ],
    ids=["broken-docx", "broken-pdf", "unsupported", "empty", "binary-doc", "binary-html"],
)
def test_a_file_that_cannot_be_read_says_why_in_one_line(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as e:
        read_source(path)
    assert reason in e.value.reason and "\n" not in str(e.value)


def test_a_legacy_doc_without_libreoffice_names_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on it
    with pytest.raises(UnreadableFile, match="install LibreOffice"):
        read_source(path)


def test_a_folder_accounts_for_every_file(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(known_text(), encoding="utf-8")
    write_docx(folder / "sub" / "b.docx")
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "~$b.docx").write_bytes(b"lock")
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    got = collect([folder])
    assert [p.name for p in got.files] == ["a.txt", "b.docx"]
    reasons = {Path(p).name: why for p, why in got.skipped}
    assert reasons == {
        "notes.xlsx": "unsupported type .xlsx",
        ".hidden.txt": "hidden file",
        "~$b.docx": "a lock file of Word",
        "pipe.txt": "not a regular file (a FIFO)",
        "loop": "symbolic-link loop (a folder already read)",
    }


def test_a_file_reached_by_links_is_read_once_from_where_it_is(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(known_text(), encoding="utf-8")
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "to-a.txt").symlink_to(real / "a.txt")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    for given in (
        [real],
        [tmp_path / "alias"],
        [linked],
        [real / "a.txt"],
        [tmp_path / "alias" / "a.txt", linked, real],
    ):
        got = collect(given)
        assert [got.real[f] for f in got.files] == [os.path.realpath(real / "a.txt")], given


def test_ingest_reads_mixed_formats_and_reports_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_docx(folder / "a.docx")
    write_html(folder / "b.html")
    (folder / "c.xlsx").write_bytes(b"PK\x03\x04")
    report = Store(tmp_path / "store").ingest([folder])
    assert sorted(Path(p).name for p in report.added) == ["a.docx", "b.html"]
    assert [(Path(p).name, why) for p, why in report.skipped] == [("c.xlsx", "unsupported type .xlsx")]


@pytest.mark.parametrize(
    ("to", "name", "fmt"),
    [
        ("doc", "k.doc", "doc"),
        ("odt", "k.odt", "odt"),  # OpenDocument
        ("rtf", "k.rtf", "rtf"),
        ("odt", "k.doc", "doc"),  # an OpenDocument file named .doc
    ],
)
def test_a_legacy_or_open_word_file_is_converted_by_libreoffice(tmp_path, from_text, to, name, fmt):
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed for .doc files: scripts/install-libreoffice"
    write_docx(tmp_path / "k.docx")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            to,
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "k.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (tmp_path / "out" / f"k.{to}").rename(tmp_path / "out" / name)
    rec = parse(tmp_path / "out" / name)
    assert rec.format == fmt
    assert graph_facts(build_graph([rec])) == from_text


def _encodings():
    from test_encodings import to_cp1258, to_tcvn3, to_vni

    return {
        "utf-16-le": lambda t: t.encode("utf-16"),
        "utf-16-be": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        "cp1258": to_cp1258,
        "tcvn3": lambda t: to_tcvn3(t).encode("cp1252"),
        "vni": lambda t: to_vni(t).encode("cp1252"),
    }


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1258", "tcvn3", "vni"])
def test_the_same_text_in_any_encoding_gives_the_same_graph(tmp_path, encoding, from_text):
    path = tmp_path / "k.txt"
    path.write_bytes(_encodings()[encoding](known_text()))
    src = read_source(path)
    assert src.encoding == encoding
    assert graph_facts(build_graph([parse(path)])) == from_text


# A line in capitals is a heading: typed in an old office in the capitals font, in lowercase codes.
def _legacy_docx(path: Path, body_font: str, heading_font: str) -> Path:
    """The known text typed in a legacy font: the Normal style's font is `body_font`, each heading
    (a line in capitals) a run in `heading_font` typed in lowercase codes when that is a TCVN3
    font, and the signer's name a Unicode run in Times New Roman."""
    import docx
    from test_encodings import to_tcvn3, to_vni

    tcvn3 = body_font.startswith(".Vn")
    encode = to_tcvn3 if tcvn3 else to_vni
    d = docx.Document()
    d.styles["Normal"].font.name = body_font

    def line(text: str) -> None:
        if text == SIGNATURE[-1]:
            d.add_paragraph().add_run(text).font.name = "Times New Roman"
        elif text.isupper():
            d.add_paragraph().add_run(encode(text.lower() if tcvn3 else text)).font.name = heading_font
        else:
            d.add_paragraph(encode(text))

    for x in [*HEADER, *BODY, "PHỤ LỤC"]:
        line(x)
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            t.cell(r, c).text = encode(value)
    for x in SIGNATURE:
        line(x)
    d.save(str(path))
    return path


def write_docx_vntimeh(path: Path) -> Path:
    return _legacy_docx(path, ".VnTime", ".VnTimeH")


def write_docx_vntime_lowercase_headings(path: Path) -> Path:
    return _legacy_docx(path, ".VnTime", ".VnTime")


def write_docx_vni(path: Path) -> Path:
    return _legacy_docx(path, "VNI-Times", "VNI-Times")


def write_html_tcvn3(path: Path, utf8: bool = False) -> Path:
    """An old portal page in TCVN3, declared Windows-1252: its bytes, or (`utf8`) the same letters
    saved as UTF-8 in <font face=".VnTime"> (whose 'ư' is a soft hyphen, which extractors drop)."""
    from test_encodings import to_tcvn3

    face = '<font face=".VnTime">{}</font>' if utf8 else "{}"
    paras = "".join(f"<p>{face.format(to_tcvn3(x))}</p>" for x in [*HEADER, *BODY, "PHỤ LỤC"])
    rows = "".join("<tr>" + "".join(f"<td>{to_tcvn3(c)}</td>" for c in r) + "</tr>" for r in TABLE)
    sig = "".join(f"<p>{to_tcvn3(x)}</p>" for x in SIGNATURE)
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={"utf-8" if utf8 else "windows-1252"}">'
        f"<title>Ke hoach</title></head><body><div class='nav'><a href='/'>Trang chu</a></div>"
        f"<div class='content'>{paras}<table>{rows}</table>{sig}</div></body></html>"
    )
    path.write_bytes(page.encode("utf-8" if utf8 else "cp1252"))
    return path


def write_html_vntime_utf8(path: Path) -> Path:
    return write_html_tcvn3(path, utf8=True)


@pytest.mark.parametrize(
    ("maker", "suffix", "warning"),
    [
        (write_docx_vntimeh, ".docx", "converted the runs typed in TCVN3 (ABC) fonts"),
        (write_docx_vntime_lowercase_headings, ".docx", "converted the runs typed in TCVN3 (ABC) fonts"),
        (write_docx_vni, ".docx", "converted the runs typed in VNI (VNI-Times) fonts"),
        (write_html_tcvn3, ".htm", "converted from TCVN3 (ABC) font encoding"),
        (write_html_vntime_utf8, ".htm", "converted from TCVN3 (ABC) font encoding"),
    ],
    ids=["docx-vntimeh", "docx-vntime-lowercase-headings", "docx-vni", "htm-tcvn3", "htm-vntime-utf8"],
)
def test_a_word_file_or_page_typed_in_a_legacy_font_gives_the_same_graph(
    tmp_path, maker, suffix, warning, from_text
):
    """'uû ban nh©n d©n' in a .VnTime run, a .VnTimeH heading typed in lowercase codes, a portal
    page in TCVN3 bytes: read as the Unicode text, headings in capitals, a Unicode run untouched."""
    path = maker(tmp_path / f"k{suffix}")
    src = read_source(path)
    assert warning in src.warnings
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in src.text and "Lê Thị Thu Hồng" in src.text
    assert graph_facts(build_graph([parse(path)])) == from_text


def write_scan(path: Path) -> Path:
    """The first page of the known text as a 300 dpi image in a PDF: no text layer at all."""
    scan_page().save(str(path), "PDF", resolution=300)
    return path


def scan_page():
    """The first page of the known text as a 300 dpi image (A4, grey)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 38)
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    y = 200
    for line in [
        *HEADER[:5],
        "thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị",
        "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng",
        "công nghiệp lần thứ tư",
    ]:
        draw.text((220, y), line, font=font, fill=0)
        y += 90 if line in HEADER[:5] else 60
    return page


def test_a_scan_is_read_with_ocr_its_symbol_date_and_relation_right(tmp_path, monkeypatch, capsys):
    from vbgraph.cli import main

    scan = write_scan(tmp_path / "scan.pdf")
    monkeypatch.setenv("VBGRAPH_STORE", str(tmp_path / "store"))
    assert main(["ingest", str(scan)]) == 1
    assert "scanned PDF with no text layer (1 page); run with --ocr" in capsys.readouterr().err
    assert main(["ingest", "--ocr", str(scan)]) == 0
    G = Store(tmp_path / "store").graph
    doc = G.nodes["bac-giang:175-KH/TU@2021-06-08"]
    assert (doc["type"], doc["in_corpus"]) == ("Kế hoạch", True)
    edges = [
        (t, a["evidence"][0])
        for _, t, k, a in G.out_edges("bac-giang:175-KH/TU@2021-06-08", keys=True, data=True)
        if k == "THUC_HIEN"
    ]
    assert [t for t, _ in edges] == ["52-NQ/TW@2019-09-27"]
    assert edges[0][1]["ocr"] is True and edges[0][1]["page"] == 1


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".tif"])
def test_a_scan_delivered_as_an_image_is_read_with_ocr(tmp_path, suffix):
    """Photos and scanner TIFFs go the scanned PDF's way: Tesseract, then the same layout."""
    path = tmp_path / f"scan{suffix}"
    scan_page().save(str(path), dpi=(300, 300))
    rec = parse(path, ocr=True)
    assert rec.format == "image"
    assert [(d.symbol, d.date) for d in rec.documents] == [("175-KH/TU", "2021-06-08")]
    cite = next(c for c in rec.citations if c.symbol == "52-NQ/TW")
    assert (cite.evidence.page, cite.evidence.ocr) == (1, True)


def test_an_image_without_ocr_is_refused_in_one_line_or_skipped_in_a_folder(tmp_path, monkeypatch, capsys):
    from vbgraph.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(known_text(), encoding="utf-8")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # never opened without --ocr
    monkeypatch.setenv("VBGRAPH_STORE", str(tmp_path / "store"))
    assert main(["ingest", str(folder / "scan.png")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ")
    assert "scan.png: an image (.png, a scan?): run with --ocr to recognise it" in err[0]
    assert {Path(p).name: why for p, why in collect([folder]).skipped} == {
        "scan.png": "an image (a scan?): pass --ocr to recognise it"
    }
    assert [p.name for p in collect([folder], ocr=True).files] == ["a.txt", "scan.png"]


def write_pdf(path: Path) -> Path:
    """The known text typeset by reportlab: wrapped paragraphs, the table ruled, a running title
    and a page number on every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    style = ParagraphStyle("p", fontName="DejaVu", fontSize=11, leading=14, spaceAfter=10)
    cell = ParagraphStyle("c", fontName="DejaVu", fontSize=9, leading=11)

    def furniture(c, doc):
        c.setFont("DejaVu", 8)
        c.drawString(72, A4[1] - 40, "Kế hoạch 175-KH/TU - Tỉnh ủy Bắc Giang")
        c.drawString(A4[0] / 2, 30, f"Trang {doc.page}")

    story = [Paragraph(x, style) for x in [*HEADER, *BODY]] + [PageBreak(), Paragraph("PHỤ LỤC", style)]
    table = Table([[Paragraph(v, cell) for v in row] for row in TABLE], colWidths=[25, 150, 110, 80, 90])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story += [table, Paragraph("", style)] + [Paragraph(x, style) for x in SIGNATURE]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def test_a_pdf_gives_the_same_graph_and_evidence_names_page_and_line(tmp_path, from_text):
    rec = parse(write_pdf(tmp_path / "k.pdf"))
    assert graph_facts(build_graph([rec])) == from_text
    cite = next(c for c in rec.citations if c.symbol == "52-NQ/TW")
    assert (cite.evidence.page, cite.evidence.page_line) == (1, 7)
    row = next(o for o in rec.obligations if "chuyển đổi số" in o.text)
    assert row.evidence.page == 2
