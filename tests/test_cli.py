"""The command line, as a user runs it: exit codes and what is printed."""

from __future__ import annotations

import json

import pytest

from vbgraph.cli import app, main

from conftest import CORPUS_003
from factories import party_doc

COMMANDS = ["ingest", "export", "show", "stats", "demo"]


@pytest.fixture()
def store_env(tmp_path, monkeypatch):
    monkeypatch.setenv("VBGRAPH_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path / "store"


@pytest.fixture()
def ingested(store_env, corpus_store):
    """The corpus store, copied: ingesting was tested once already."""
    import shutil

    shutil.copytree(corpus_store.dir, store_env)
    return store_env


@pytest.mark.parametrize("cmd", [None, *COMMANDS])
def test_help_everywhere(cmd, capsys):
    assert main([cmd, "--help"] if cmd else ["--help"]) == 0
    assert "Usage" in capsys.readouterr().out


def test_ingest_prints_a_summary(store_env, capsys):
    assert main(["ingest", str(CORPUS_003)]) == 0
    out = capsys.readouterr().out
    assert "1 added" in out and "40 documents" not in out  # cited documents are counted too
    assert main(["ingest", str(CORPUS_003)]) == 0
    assert "1 unchanged" in capsys.readouterr().out


def test_ingest_failure_names_the_file_and_exits_1(store_env, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = tmp_path / "good.txt"
    good.write_text(party_doc(), encoding="utf-8")
    assert main(["ingest", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}: not a text file" in captured.err
    assert "1 added" in captured.out


def test_a_folder_lists_what_it_skipped_and_why(store_env, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(party_doc(), encoding="utf-8")
    (folder / "b.xlsx").write_bytes(b"PK\x03\x04")
    assert main(["ingest", str(folder)]) == 0
    captured = capsys.readouterr()
    assert f"skipped: {folder / 'b.xlsx'}: unsupported type .xlsx" in captured.err
    assert "1 added, 0 updated, 0 unchanged, 0 failed, 1 skipped" in captured.out


def test_a_folder_with_nothing_to_read_is_an_error(store_env, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "c.jpg").write_bytes(b"\xff\xd8\xff")
    assert main(["ingest", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "no file to read (2 skipped); vbgraph reads .txt, .md, .markdown, .pdf, .docx, .doc, .html, .htm" in err


def test_an_unsupported_file_named_on_the_command_line_is_an_error(store_env, tmp_path, capsys):
    f = tmp_path / "table.xlsx"
    f.write_bytes(b"PK\x03\x04")
    assert main(["ingest", str(f)]) == 1
    assert f"{f}: unsupported file type .xlsx; vbgraph reads .txt" in capsys.readouterr().err


def test_show_card(ingested, capsys):
    assert main(["show", "53-KL/TU"]) == 0
    out = capsys.readouterr().out
    assert "Kết luận 53-KL/TU" in out
    assert "Ban Thường vụ Tỉnh ủy Bắc Giang" in out
    assert "003_845be7d462c89c00.txt lines 3967–4033" in out
    assert "thực hiện (THUC_HIEN) 109-NQ/TU (Nghị quyết, 2016-07-04" in out
    assert "003_845be7d462c89c00.txt:59" in out


@pytest.mark.parametrize("ref", ["109-NQ/TU@2016", "109-NQ/TU@2016-07-04", "NQ 109 2016", "bac-giang:109-NQ/TU@2016-07-04"])
def test_show_accepts_flexible_refs(ingested, capsys, ref):
    assert main(["show", ref, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "bac-giang:109-NQ/TU@2016-07-04"


@pytest.mark.parametrize("ref", ["109-NQ/TU", "NQ 109", "Nghị quyết 109"])
def test_ambiguous_ref_lists_candidates_and_exits_2(ingested, capsys, ref):
    assert main(["show", ref]) == 2
    err = capsys.readouterr().err
    assert "bac-giang:109-NQ/TU@2016-07-04" in err and "bac-giang:109-NQ/TU@2021-06-08" in err


def test_unknown_ref_exits_1(ingested, capsys):
    assert main(["show", "999-NQ/TW"]) == 1
    assert "no document matches" in capsys.readouterr().err


def test_export_json_to_file(ingested, tmp_path):
    out = tmp_path / "x.json"
    assert main(["export", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "vbgraph-json" and len(data["documents"]) > 100


def test_export_unknown_format_is_a_usage_error(ingested, capsys):
    assert main(["export", "--format", "docx"]) == 2
    assert "unknown format 'docx'" in capsys.readouterr().err


def test_commands_without_a_store_say_what_to_do(store_env, capsys):
    assert main(["stats"]) == 1
    assert "run `vbgraph ingest" in capsys.readouterr().err


def test_stats_reports_conflicts(ingested, capsys):
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["in_corpus"] == 46
    assert data["by_relation"]["THUC_HIEN"] >= 17
    assert any(i["kind"] == "date-conflict" for i in data["issues"])


def test_demo_ingests_the_bundled_sample(store_env, capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "sample: 2 added" in out and "Kết luận 53-KL/TU" in out


def test_typer_app_is_exposed():
    assert app.info.help


def test_obligations_show_the_task_at_80_columns_and_csv_carries_it_whole(ingested, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["obligations", "--document", "bac-giang:109-NQ/TU@2021-06-08"]) == 0
    out = capsys.readouterr().out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "109-NQ/TU" in out and "chủ trì: Ủy ban Kiểm tra Tỉnh ủy" in out
    assert "Chủ trì, phối hợp với Văn phòng Tỉnh ủy" in out  # the task itself, shortened
    assert main(["obligations", "--document", "bac-giang:109-NQ/TU@2021-06-08", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("document_symbol,text,")
    assert any("sơ kết" in r and "tổng kết" in r for r in rows[1:])  # full text, not cut


@pytest.mark.parametrize(
    ("evidence", "shown"),
    [
        ({"file": "a.txt", "line": 27}, "a.txt:27"),
        ({"file": "a.pdf", "line": 80, "page": 3, "page_line": 12}, "a.pdf p. 3 line 12"),
        ({"file": "a.pdf", "line": 80, "page": 3, "page_line": 12, "ocr": True}, "a.pdf p. 3 line 12 (OCR)"),
        ({"file": "a.docx", "line": 80, "paragraph": 41}, "a.docx ¶ 41"),
        ({"file": "a.txt", "line": None}, "a.txt"),
    ],
)
def test_evidence_is_shown_where_the_reader_finds_it(evidence, shown):
    from vbgraph.cli import _where

    assert _where(evidence) == shown
