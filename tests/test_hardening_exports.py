"""Hostile text in every export, one finding per table (issue 14: every field of a document is
untrusted input).

* N-Triples, Turtle and JSON-LD read back a literal holding any line break or control character;
* GraphML replaces what XML 1.0 cannot carry by U+FFFD and says how many; all else reads back;
* no NUL character reaches the records or the store; a binary file is refused with one line;
* CSV cells that a spreadsheet would run as a formula get a `'` in front (exports and `--format
  csv` listings), never a typed number; a carriage return or an array delimiter inside text no
  longer cuts a row or fails the export.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
import unicodedata
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rdflib import Graph, Literal
from test_rdf import BTG, C52, D15, OB1, P82, mini_graph
from typer.testing import CliRunner

from vbgraph.errors import UnreadableFile
from vbgraph.exports.cells import csv_line, neutral, restored
from vbgraph.exports.csv_export import csv_files, write_csv
from vbgraph.exports.graphml import REPLACED, replaced_note, write_graphml
from vbgraph.exports.rdf import doc_iri, relation_iri, serialize
from vbgraph.loaders.encodings import BINARY, decode
from vbgraph.loaders.read import read_source
from vbgraph.ontology.terms import VBO

from factories import party_doc

# -- 1. RDF: a literal keeps every character, and N-Triples one triple per line --------------------

# Python's str.splitlines() splits on all of these; N-Triples is read line by line
LINE_BREAKS = ["\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
CONTROLS = ["\x00", "\x01", "\x08", "\x1f", "\x7f"]
KEPT = ["\t", "\n", "\r", "\r\n", '"', '"""', "\\", "\\u000B", "'''"]


@pytest.mark.parametrize("fmt", ["nt", "turtle", "json-ld"])
@pytest.mark.parametrize("char", LINE_BREAKS + CONTROLS + KEPT, ids=repr)
def test_rdf_reads_back_a_literal_with_any_character(fmt, char):
    G = mini_graph()
    title = f"về chuyển đổi số{char}giai đoạn 2021{char}"
    quote = f"{char}Kế hoạch thực hiện Nghị quyết số 52-NQ/TW"
    G.nodes[P82]["title"] = title
    G[P82][C52]["THUC_HIEN"]["evidence"][0]["quote"] = quote
    text = serialize(G, fmt)
    back = Graph().parse(data=text, format=fmt)
    assert back.value(doc_iri(P82), VBO.title) == Literal(title, lang="vi")
    ev = f"{relation_iri(P82, 'THUC_HIEN', C52)}/evidence/1"
    assert str(back.value(back.resource(ev).identifier, VBO.quote)) == quote
    if fmt != "json-ld":  # escaped as \uXXXX, never written raw
        assert not any(c in text for c in LINE_BREAKS + CONTROLS)
    if fmt == "nt":
        assert len(text.splitlines()) == len(back)


# -- 2. GraphML: what XML cannot carry becomes U+FFFD, counted; the rest reads back ----------------

NOT_XML = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\ufffe", "\uffff", "\ud800"]
XML_KEEPS = ["\t", "\n", "\r", "\r\n", "\x7f", "\x85", "\u2028", "\u2029", "\ufffd", "]]>", "&#1;"]


def _graphml(G: nx.MultiDiGraph) -> tuple[str, int, nx.MultiDiGraph]:
    buf = io.StringIO()
    replaced = write_graphml(G, buf)
    text = buf.getvalue()
    ET.fromstring(text.encode("utf-8"))  # well-formed XML 1.0 (expat refuses what it cannot carry)
    return text, replaced, nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)


@pytest.mark.parametrize("char", NOT_XML, ids=repr)
def test_graphml_replaces_what_xml_cannot_carry_and_says_how_many(char):
    G = mini_graph()
    G.nodes[P82]["title"] = f"a{char}b{char}"
    _, replaced, back = _graphml(G)
    assert back.nodes[P82]["title"] == "a\ufffdb\ufffd"
    assert replaced == back.graph[REPLACED] == 2
    assert replaced_note(replaced) == (
        "graphml: 2 character(s) that XML cannot carry (control characters, U+FFFE, U+FFFF) "
        "were replaced by U+FFFD"
    )


@pytest.mark.parametrize("char", XML_KEEPS, ids=repr)
def test_graphml_keeps_every_other_character(char):
    G = mini_graph()
    G.nodes[P82]["title"] = f"{char}a{char}"
    G.nodes[BTG]["aliases"] = [f"b{char}"]
    _, replaced, back = _graphml(G)
    assert back.nodes[P82]["title"] == f"{char}a{char}"
    assert json.loads(back.nodes[BTG]["aliases"]) == [f"b{char}"]
    assert replaced == 0 and REPLACED not in back.graph


def test_graphml_node_ids_and_edges_are_replaced_alike():
    G = mini_graph()
    nx.relabel_nodes(G, {D15: D15 + "\x01"}, copy=False)
    _, replaced, back = _graphml(G)
    bad = D15 + "\ufffd"
    assert bad in back and (P82, bad) not in back.edges  # P82 -> D15 is D15's edge, kept on it
    assert (bad, P82, f"{bad}|THUC_HIEN|{P82}") in back.edges(keys=True)
    assert replaced >= 1


def test_graphml_refuses_two_ids_that_xml_would_make_one():
    G = mini_graph()
    G.add_node("x\x01", kind="Body", name="a")
    G.add_node("x\x02", kind="Body", name="b")
    with pytest.raises(ValueError, match="differ only in characters XML cannot carry"):
        write_graphml(G, io.StringIO())


# -- JSON text inside a CSV cell or a GraphML value: NFC never breaks it ----------------------------


@pytest.mark.parametrize("quote", ["a\n\u0301b", "\t\u030c", "\x1f\u0307", "e\u0301"], ids=repr)
def test_evidence_json_stays_json_after_nfc(quote):
    """NFC over JSON text folds an escape and the combining mark after it (`\\n` + U+0301 ->
    `\\ń`): the text inside is normalised, not the JSON."""
    G = mini_graph()
    G[P82][C52]["THUC_HIEN"]["evidence"][0]["quote"] = quote
    nfc = unicodedata.normalize("NFC", quote)
    (row,) = (r for r in _rows(csv_files(G), "THUC_HIEN.csv") if (r[":START_ID"], r[":END_ID"]) == (P82, C52))
    assert json.loads(row["evidence"])[0]["quote"] == nfc
    _, _, back = _graphml(G)
    assert json.loads(back.edges[P82, C52, f"{P82}|THUC_HIEN|{C52}"]["evidence"])[0]["quote"] == nfc


# -- 3. NUL never reaches the records; binary content is refused in one line ------------------------

BODY = party_doc(body="I- MỤC TIÊU\n\n1. Phát triển du lịch bền vững.\n" + "Nội dung kế hoạch.\n" * 600)
UTF8 = BODY.encode("utf-8")
assert len(UTF8) > 9000  # NULs past the 8 KB that the binary check reads

NUL_TEXTS = [
    ("in the first 8 KB", UTF8[:200] + b"\x00" + UTF8[200:], 1),
    ("past the first 8 KB", UTF8[:9000] + b"\x00\x00" + UTF8[9000:], 2),
    ("padding at the end", UTF8 + b"\x00" * 5000, 5000),
    ("UTF-8 with a byte-order mark", codecs.BOM_UTF8 + UTF8[:300] + b"\x00" + UTF8[300:], 1),
    (
        "UTF-16 with a byte-order mark",
        codecs.BOM_UTF16_LE + BODY.replace("Nội", "\x00Nội", 3).encode("utf-16-le"),
        3,
    ),
]


@pytest.mark.parametrize(("what", "data", "nuls"), NUL_TEXTS, ids=[t[0] for t in NUL_TEXTS])
def test_stray_nul_bytes_are_removed_with_a_warning(tmp_path, what, data, nuls):
    path = tmp_path / "kh.txt"
    path.write_bytes(data)
    src = read_source(path)
    assert "\x00" not in src.text
    assert "Phát triển du lịch bền vững" in src.text and "BẮC GIANG" in src.text
    assert f"{nuls} NUL character(s) removed (NUL is not text: the file is damaged or padded)" in src.warnings


@pytest.mark.parametrize(("what", "data", "nuls"), NUL_TEXTS[3:], ids=[t[0] for t in NUL_TEXTS[3:]])
def test_a_file_with_a_byte_order_mark_decodes_without_nul(what, data, nuls):
    decoded = decode(data, "kh.txt")
    assert "\x00" not in decoded.text
    assert decoded.warnings[-1].startswith(f"{nuls} NUL character(s) removed")


def test_no_reader_hands_on_a_nul(tmp_path, monkeypatch):
    """PDF, Word and web pages have their own readers: read_source removes a NUL any of them gives."""
    from vbgraph.loaders import read_html
    from vbgraph.loaders.sources import Source

    monkeypatch.setattr(read_html, "read_html", lambda path, data: Source("Kế\x00 hoạch\n\x00", "html"))
    path = tmp_path / "page.html"
    path.write_text("<html><body>Kế hoạch</body></html>", "utf-8")
    src = read_source(path)
    assert (src.text, src.warnings[-1][:26]) == ("Kế hoạch\n", "2 NUL character(s) removed")


BINARY_FILES = [
    ("PNG image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))),
    ("a NUL in a Windows-1258 file", BODY.encode("cp1258", errors="replace")[:5000] + b"\x00" + b"x" * 100),
    ("a NUL past 8 KB of a Windows-1258 file", BODY.encode("cp1258", errors="replace") + b"\x00"),
    ("NUL bytes only", b"\x00" * 100),
    ("NUL bytes and spaces", b"\x00 \n" * 100),
]


@pytest.mark.parametrize(("what", "data"), BINARY_FILES, ids=[b[0] for b in BINARY_FILES])
def test_binary_content_is_refused_in_one_line(tmp_path, what, data):
    path = tmp_path / "scan.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as caught:
        read_source(path)
    assert str(caught.value) == f"{path}: {BINARY}"


def test_no_nul_reaches_the_store(tmp_path):
    from vbgraph.exports.json_export import generate
    from vbgraph.graph.store import Store

    path = tmp_path / "kh.txt"
    path.write_bytes(
        UTF8[:9000] + b"\x00" + UTF8[9000:].replace("Nội dung".encode(), b"N\x00\xe1\xbb\x99i dung", 1)
    )
    store = Store(tmp_path / "store")
    report = store.ingest([path], jobs=1)
    assert not report.failed
    assert "\x00" not in json.dumps(generate(store.graph), ensure_ascii=False)
    hits = store.line_hits(["noi", "dung"])
    assert hits and not any("\x00" in text for text, _ in hits.values())


# -- 4. CSV: formulas neutralised, typed numbers kept, rows never cut ------------------------------

CELLS = [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+84 912 345 678", "'+84 912 345 678"),
    ("- Căn cứ Điều lệ Đảng;", "'- Căn cứ Điều lệ Đảng;"),
    ("-1", "'-1"),  # text that looks like a number is still text
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("'quoted", "''quoted"),  # so that dropping one ' always gives the text back
    ("Căn cứ Điều lệ Đảng", "Căn cứ Điều lệ Đảng"),
    ("a=b", "a=b"),
    (" =1", " =1"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "cell"), CELLS, ids=[repr(c[0]) for c in CELLS])
def test_a_formula_cell_is_written_as_text(text, cell):
    assert neutral(text) == cell
    assert restored(neutral(text)) == text


@pytest.mark.parametrize(
    "row",
    [["a\rb", "c"], ["a\r", "\r"], ["x\r\ny", "z"], ['"', ","], ["", ""], [""]],
    ids=repr,
)
def test_csv_lines_read_back_as_the_same_row(row):
    assert list(csv.reader(io.StringIO(csv_line(row), newline=""))) == [row]


def _hostile() -> nx.MultiDiGraph:
    G = mini_graph()
    G.nodes[P82]["title"] = '=HYPERLINK("http://evil","x")'
    G.nodes[P82]["source"]["first_line"] = -3  # a typed number stays a number
    G.nodes[BTG]["aliases"] = ["@a", "b;c", "x|y"]
    G.nodes[OB1]["fulfilment_score"] = -0.5
    G.add_node("-neg", kind="Document", type="Kế hoạch", in_corpus=False, title="+1")
    G.add_edge(
        "-neg",
        C52,
        key="THUC_HIEN",
        label="thực hiện",
        evidence=[{"document": "-neg", "file": "a;b\r.txt", "line": -7, "quote": "\t- quote"}],
    )
    return G


def _rows(files: dict[str, str], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[name], newline="")))


def test_csv_export_neutralises_text_and_keeps_numbers():
    files = csv_files(_hostile())
    docs = {r["id:ID"]: r for r in _rows(files, "Document.csv")}
    assert docs[P82]["title"] == '\'=HYPERLINK("http://evil","x")'
    assert docs[P82]["source_first_line:int"] == "-3"
    assert docs["'-neg"]["title"] == "'+1"  # an id too, and the same in every column that names it
    (rel,) = (r for r in _rows(files, "THUC_HIEN.csv") if r[":START_ID"] == "'-neg")
    assert (rel[":END_ID"], rel["evidence_quote"], rel["evidence_lines:int[]"]) == (C52, "'\t- quote", "-7")
    (ob,) = _rows(files, "Obligation.csv")
    assert ob["fulfilment_score:double"] == "-0.5"


@pytest.mark.parametrize(
    ("aliases", "file", "delimiter", "option"),
    [
        (["a", "b"], "f.txt", ";", "'--array-delimiter=;'"),
        (["a;b", "c"], "f.txt", "|", "'--array-delimiter=|'"),
        (["a", "b"], "x;y.txt", "|", "'--array-delimiter=|'"),
        (["a;b", "c|d"], "f.txt", "\x1f", "--array-delimiter=U+001F"),
    ],
)
def test_an_array_element_holding_the_delimiter_changes_it_for_the_whole_export(
    aliases, file, delimiter, option
):
    G = mini_graph()
    G.nodes[BTG]["aliases"] = aliases
    G[P82][C52]["THUC_HIEN"]["evidence"][0]["file"] = file
    files = csv_files(G)
    assert option in files["import.sh"]
    body = next(r for r in _rows(files, "Body.csv") if r["id:ID"] == BTG)
    assert body["aliases:string[]"].split(delimiter) == aliases
    (rel,) = (r for r in _rows(files, "THUC_HIEN.csv") if r[":START_ID"] == P82)
    assert rel["evidence_files:string[]"].split(delimiter) == [file]


@pytest.mark.parametrize(
    ("aliases", "file"),
    [
        (["a", "b"], "f.txt"),  # written once, with ';'
        (["a;b", "c"], "f.txt"),  # a body's alias holds ';': every file written again with '|'
        (["a", "b"], "x;y.txt"),  # a relationship's file (read after every node file)
        (["a;b", "c|d"], "f.txt"),  # '|' is held too: U+001F
    ],
)
def test_the_streamed_csv_files_are_the_ones_csv_files_makes(tmp_path, aliases, file):
    G = mini_graph()
    G.nodes[BTG]["aliases"] = aliases
    G[P82][C52]["THUC_HIEN"]["evidence"][0]["file"] = file
    expected = csv_files(G)
    (tmp_path / "THUC_HIEN.csv").write_text("an older export", "utf-8")
    written = write_csv(G, tmp_path)
    assert sorted(p.name for p in written) == sorted(expected)
    assert {p.name: p.read_text("utf-8") for p in tmp_path.iterdir()} == expected  # no temporary file left


def test_a_file_named_with_the_delimiter_no_longer_fails_the_export(tmp_path):
    G = mini_graph()
    G[P82][C52]["THUC_HIEN"]["evidence"][0]["file"] = "biên bản;bản 2.txt"
    written = write_csv(G, tmp_path)
    assert tmp_path / "THUC_HIEN.csv" in written
    assert "--array-delimiter=|" in (tmp_path / "import.sh").read_text("utf-8")


def test_listing_csv_neutralises_text_only(capsys):
    from vbgraph.cli import _emit

    rows = [{"quote": "- Căn cứ", "line": -3, "file": "a\rb", "title": "=1+1", "n": None, "ids": ["-x"]}]
    _emit(rows, [(k, k) for k in rows[0]], "csv")
    out = capsys.readouterr().out
    assert out == 'quote,line,file,title,n,ids\n\'- Căn cứ,-3,"a\rb",\'=1+1,,"[""-x""]"\n'
    assert list(csv.reader(io.StringIO(out, newline="")))[1] == [
        "'- Căn cứ",
        "-3",
        "a\rb",
        "'=1+1",
        "",
        '["-x"]',
    ]


def test_show_as_csv_neutralises_a_quote_that_starts_with_a_dash(tmp_path, monkeypatch, corpus_store):
    from vbgraph.cli import app

    shutil.copytree(corpus_store.dir, tmp_path / "store")
    monkeypatch.setenv("VBGRAPH_STORE", str(tmp_path / "store"))
    result = CliRunner().invoke(app, ["show", "213-QĐ/TW", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    quote = next(r["quote"] for r in rows if r["other"] == "name:dieu-le-dang")
    assert quote == "'- Căn cứ Điều lệ Đảng;"


def test_rdf_role_in_an_iri_is_quoted():
    G = mini_graph()
    G.nodes[OB1]["assignees"] = [{"body": BTG, "role": 'chủ trì "x" <y>\n'}]
    for _, _, k, e in G.out_edges(OB1, keys=True, data=True):
        if k == "GIAO_CHO":
            e.pop("vai_tro", None)
    for fmt in ("nt", "turtle", "json-ld"):
        back = Graph().parse(data=serialize(G, fmt), format=fmt)
        assert Literal('chủ trì "x" <y>\n') in set(back.objects(None, VBO.vaiTro)), fmt
