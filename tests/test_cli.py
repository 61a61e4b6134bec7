"""The command line, as a user runs it: exit codes and what is printed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
import typer
from test_neo4j import DB, neo4j_conn, neo4j_driver  # noqa: F401  (fixtures: one server per session)
from typer.testing import CliRunner

from vbgraph.cli import app, main

from conftest import CORPUS_003, ROOT
from factories import party_doc


def command_paths(hidden: bool = True) -> list[tuple[str, ...]]:
    """Every command and sub-command of the app, discovered from typer; the root is ()."""

    def walk(cmd, path: tuple[str, ...]):
        yield path
        for name, sub in sorted(getattr(cmd, "commands", {}).items()):
            if hidden or not sub.hidden:
                yield from walk(sub, (*path, name))

    return list(walk(typer.main.get_command(app), ()))


def command(path: tuple[str, ...]):
    cmd = typer.main.get_command(app)
    for name in path:
        cmd = cmd.commands[name]
    return cmd


def options(path: tuple[str, ...]) -> dict[str, object]:
    """The command's parameters by name (the Python name typer gives them)."""
    return {p.name: p for p in command(path).params}


LEAVES = [p for p in command_paths() if p and not hasattr(command(p), "commands")]


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


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "vbgraph")
def test_help_everywhere(path, capsys):
    assert main([*path, "--help"]) == 0
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
    assert f"skipped: {folder / 'c.jpg'}: an image (a scan?): pass --ocr to recognise it" in err
    assert (
        "no file to read (2 skipped); vbgraph reads .txt, .md, .markdown, .pdf, .docx, .doc, .odt, .rtf, .html, .htm;"
        " with --ocr .png, .jpg, .jpeg, .tif, .tiff" in err
    )


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


@pytest.mark.parametrize(
    "ref", ["109-NQ/TU@2016", "109-NQ/TU@2016-07-04", "NQ 109 2016", "bac-giang:109-NQ/TU@2016-07-04"]
)
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


# -- one style: the README table, shared options, formats, errors ------------------------------

runner = CliRunner()


def readme_table_commands() -> list[str]:
    """The `vbgraph …` code spans in the first column of README.md's "Command line" table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    cells = [
        re.split(r"(?<!\\)\|", line)[1] for line in section.splitlines() if line.startswith("| `vbgraph")
    ]
    return [
        span.replace("\\|", "|")
        for cell in cells
        for span in re.findall(r"`([^`]+)`", cell)
        if span.startswith("vbgraph ")
    ]


@pytest.mark.parametrize("path", [p for p in command_paths(hidden=False) if p], ids=" ".join)
def test_every_command_is_in_the_readme_table(path):
    name = "vbgraph " + " ".join(path)
    assert any(span == name or span.startswith(name + " ") for span in readme_table_commands()), (
        f"README.md's Command line table has no row for `{name}`"
    )


@pytest.mark.parametrize("path", [p for p in command_paths() if p and command(p).hidden], ids=" ".join)
def test_hidden_aliases_are_not_advertised(path):
    name = "vbgraph " + " ".join(path)
    assert not [s for s in readme_table_commands() if s == name or s.startswith(name + " ")]


@pytest.mark.parametrize("path", LEAVES, ids=" ".join)
def test_shared_options_are_one_declaration(path):
    opts = options(path)
    if "store" in opts:
        assert (opts["store"].opts, opts["store"].envvar) == (["--store"], "VBGRAPH_STORE")
    if "fmt" in opts or "json_out" in opts:
        assert (opts["fmt"].opts, opts["fmt"].default, opts["json_out"].opts) == (
            ["--format"],
            "table",
            ["--json"],
        )


def test_every_command_reads_the_store_through_store_but_those_that_need_none():
    assert {p for p in LEAVES if "store" not in options(p)} == {
        ("queries",),
        ("neo4j", "cypher"),
        ("cypher",),
    }


def test_the_neo4j_commands_are_grouped():
    assert {p for p in command_paths(hidden=False) if p[:1] == ("neo4j",)} == {
        ("neo4j",),
        ("neo4j", "load"),
        ("neo4j", "cypher"),
        ("neo4j", "query"),
    }
    old, new = command(("cypher",)), command(("neo4j", "cypher"))
    assert old.hidden and [p.opts for p in old.params] == [p.opts for p in new.params]


# Every command that prints rows or a card, with arguments that give some, and what its JSON is.
LISTINGS = [
    (["show", "53-KL/TU"], "card"),
    (["stats"], "stats"),
    (["lineage", "03-CTr/TU", "--both"], "tree"),
    (["obligations", "--document", "bac-giang:109-NQ/TU@2021-06-08"], "rows"),
    (["bodies", "--jurisdiction", "Đắk Lắk"], "rows"),
    (["plan", "03-CTr/TU"], "rows"),
    (["queries"], "rows"),
    (["query", "lineage_down", "-p", "id=52-NQ/TW"], "rows"),
    (["search", "chuyen doi so", "--limit", "3"], "rows"),
    (["implements", "--central"], "rows"),
    (["timeline", "42-CT/TW"], "rows"),
]


def test_the_listings_cover_every_command_with_a_format():
    offline = {p for p in LEAVES if "fmt" in options(p) and not command(p).hidden and p[0] != "neo4j"}
    assert offline == {(args[0],) for args, _ in LISTINGS}


def _cell(value) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)


def _tree_ids(nodes: list[dict]) -> list[str]:
    return [x for n in nodes for x in (n["id"], *_tree_ids(n["children"]))]


CSV_IS_THE_JSON = {  # shape -> (json, csv rows) -> the csv rows as the json has them
    "rows": lambda data, rows: rows == [{k: _cell(d.get(k)) for k in rows[0]} for d in data],
    "card": lambda data, rows: (
        [(r["direction"], r["other"], r["line"]) for r in rows]
        == [
            (d, r["other"], str(e["line"]))
            for d, key in (("out", "relations_out"), ("in", "relations_in"))
            for r in data[key]
            for e in r["evidence"]
        ]
    ),
    "tree": lambda data, rows: (
        [r["id"] for r in rows] == [data["id"], *_tree_ids(data["up"]), *_tree_ids(data["down"])]
    ),
    "stats": lambda data, rows: (
        {(r["group"], r["key"]): int(r["count"]) for r in rows}.items()
        >= {
            ("total", "documents"): data["documents"],
            ("total", "relations"): data["relations"],
            **{("by_type", k): v for k, v in data["by_type"].items()},
        }.items()
    ),
}


@pytest.mark.parametrize(("args", "shape"), LISTINGS, ids=lambda x: x[0] if isinstance(x, list) else x)
def test_formats(ingested, args, shape):
    default, table, as_json, alias, as_csv = (
        runner.invoke(app, [*args, *extra])
        for extra in ([], ["--format", "table"], ["--format", "json"], ["--json"], ["--format", "csv"])
    )
    assert [r.exit_code for r in (default, table, as_json, alias, as_csv)] == [0] * 5, default.output
    assert table.stdout == default.stdout and default.stdout.strip()
    assert alias.stdout == as_json.stdout
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and CSV_IS_THE_JSON[shape](json.loads(as_json.stdout), rows)


NO_PASSWORD = 'error: no Neo4j password: set NEO4J_PASSWORD (e.g. eval "$(scripts/neo4j-local start)")\n'
CYPHER_NOTE = "note: `vbgraph cypher` is now `vbgraph neo4j cypher`; the old spelling will go\n"
BACKEND_NOTE = (
    "note: `vbgraph query --backend neo4j` is now `vbgraph neo4j query`; the old spelling will go\n"
)

ERRORS = [  # (argv, exit code, stderr exactly: one line each, however narrow the terminal)
    (["show", "999-NQ/TW"], 1, "error: no document matches '999-NQ/TW'\n"),
    (["stats", "--format", "xml"], 2, "error: unknown --format 'xml'; choose table, json or csv\n"),
    (
        ["neo4j", "cypher", "RETURN 1", "--format", "yaml"],
        2,
        "error: unknown --format 'yaml'; choose table, json or csv\n",
    ),
    (["obligations", "--status", "soon"], 2, "error: --status 'soon': choose late, open or done\n"),
    (["query", "nope"], 2, "error: unknown query 'nope'; `vbgraph queries` lists them\n"),
    (["query", "citing", "-p", "noequals"], 2, "error: --param 'noequals': write name=value or name:=JSON\n"),
    (
        ["neo4j", "cypher", "RETURN $x", "-p", "x:=nope"],
        2,
        "error: --param 'x:=nope': not JSON (Expecting value: line 1 column 1 (char 0))\n",
    ),
    (["query", "citing", "-p", "idd=1"], 2, "error: citing: unknown parameter(s) idd; it takes id\n"),
    (
        ["query", "citing", "-p", "id=52-NQ/TW", "--backend", "nowhere"],
        2,
        "error: unknown backend 'nowhere'; choose embedded or neo4j\n",
    ),
    (["neo4j", "cypher", "RETURN 1"], 2, NO_PASSWORD),
    (["neo4j", "query", "most_implemented"], 2, NO_PASSWORD),
    (["cypher", "RETURN 1"], 2, CYPHER_NOTE + NO_PASSWORD),
    (["query", "most_implemented", "--backend", "neo4j"], 2, BACKEND_NOTE + NO_PASSWORD),
]


@pytest.mark.parametrize(
    ("args", "code", "stderr"), ERRORS, ids=lambda x: " ".join(x) if isinstance(x, list) else ""
)
def test_errors_are_one_line_and_an_exit_code(ingested, args, code, stderr):
    r = runner.invoke(app, args, env={"COLUMNS": "40", "NEO4J_PASSWORD": None, "NEO4J_URI": None})
    assert (r.exit_code, r.stdout, r.stderr) == (code, "", stderr)


def test_no_store_is_one_line_at_any_width(store_env):
    r = runner.invoke(app, ["stats"], env={"COLUMNS": "40"})
    assert (r.exit_code, r.stderr) == (
        1,
        f"error: {store_env}: no store here yet; run `vbgraph ingest PATH…` first (or pass --store)\n",
    )


def test_an_ambiguous_ref_is_an_error_line_then_the_candidates(ingested):
    r = runner.invoke(app, ["show", "109-NQ/TU"])
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "error: '109-NQ/TU' matches 2 documents: narrow it down; candidates:",
        "  bac-giang:109-NQ/TU@2016-07-04  109-NQ/TU (Nghị quyết, 2016-07-04, Tỉnh ủy Bắc Giang)",
        "  bac-giang:109-NQ/TU@2021-06-08  109-NQ/TU (Nghị quyết, 2021-06-08, Tỉnh ủy Bắc Giang)",
    ]


def test_the_show_csv_has_a_row_per_relation_and_quote(ingested):
    r = runner.invoke(app, ["show", "53-KL/TU", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == [
        "document",
        "direction",
        "type",
        "label",
        "other",
        "other_label",
        "file",
        "line",
        "quote",
    ]
    assert {
        "document": "bac-giang:53-KL/TU@2021-03-03",
        "direction": "out",
        "type": "THUC_HIEN",
        "other": "bac-giang:109-NQ/TU@2016-07-04",
        "file": "003_845be7d462c89c00.txt",
        "line": "59",
    }.items() <= next(x for x in rows if x["type"] == "THUC_HIEN").items()


def test_the_lineage_csv_is_the_tree_flat(ingested):
    r = runner.invoke(app, ["lineage", "20-KH/TU", "--format", "csv"])
    rows = [
        (x["direction"], x["depth"], x["parent"], x["relation"], x["symbol"])
        for x in csv.DictReader(io.StringIO(r.stdout))
    ]
    congress = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX"
    assert rows == [
        ("", "0", "", "", "20-KH/TU"),
        ("up", "1", "bac-giang:20-KH/TU@2021-06-09", "THUC_HIEN", congress),
        ("up", "1", "bac-giang:20-KH/TU@2021-06-09", "THUC_HIEN", "03-CTr/TU"),
        ("up", "2", "bac-giang:03-CTr/TU@2020-12-04", "THUC_HIEN", congress),
    ]


# -- vbgraph neo4j, against a real server (the session's, as tests/test_neo4j.py finds it) ------

PLAN = "bac-giang:20-KH/TU@2021-06-09"
BY_ID = "MATCH (d:Document {id: $id}) RETURN d.id AS id, d.symbol AS symbol, d.date AS date"


@pytest.fixture(scope="module")
def neo4j_loaded(neo4j_conn, neo4j_driver, corpus_graph):  # noqa: F811
    """The corpus in the test database (once for this module); the connection as environment."""
    db = DB(neo4j_driver, neo4j_conn)
    db.wipe()
    db.load(corpus_graph)
    return {
        "NEO4J_URI": neo4j_conn.uri,
        "NEO4J_USERNAME": neo4j_conn.user,
        "NEO4J_PASSWORD": neo4j_conn.password,
        "NEO4J_DATABASE": neo4j_conn.database or "",
        "COLUMNS": "200",
    }


ON_NEO4J = [  # (argv, stdin, stdout exactly, stderr exactly)
    (
        ["neo4j", "cypher", BY_ID, "-p", f"id={PLAN}", "--format", "csv"],
        None,
        f"id,symbol,date\n{PLAN},20-KH/TU,2021-06-09\n",
        "",
    ),
    (
        ["neo4j", "cypher", "-", "-p", f"id={PLAN}", "--format", "csv"],
        BY_ID,
        f"id,symbol,date\n{PLAN},20-KH/TU,2021-06-09\n",
        "",
    ),
    (
        [
            "neo4j",
            "cypher",
            "RETURN date($d) AS d, $n + 1 AS n",
            "-p",
            "d=2021-06-09",
            "-p",
            "n:=41",
            "--json",
        ],
        None,
        '[\n{"d": "2021-06-09", "n": 42}\n]\n',  # rows one to a line
        "",
    ),
    (
        ["neo4j", "cypher", "MATCH (d:Document {id: 'none'}) RETURN d.id AS id", "--format", "csv"],
        None,
        "id\n",
        "",
    ),
    (
        ["neo4j", "cypher", "MATCH (d:Document {id: 'none'}) RETURN d.id AS id"],
        None,
        "┏━━━━┓\n┃ id ┃\n┡━━━━┩\n└────┘\n",
        "(no rows)\n",
    ),
    (
        ["cypher", BY_ID, "-p", f"id={PLAN}", "--format", "csv"],
        None,
        f"id,symbol,date\n{PLAN},20-KH/TU,2021-06-09\n",
        CYPHER_NOTE,
    ),
    (
        ["neo4j", "cypher", "CREATE (n:Document {id: 'probe'})"],
        None,
        "",
        "error: the query writes to the database but runs read-only; nothing was changed (allow writes with --write)\n",
    ),
]


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("args", "stdin", "stdout", "stderr"),
    ON_NEO4J,
    ids=lambda x: " ".join(x)[:60] if isinstance(x, list) else "",
)
def test_neo4j_cypher(neo4j_loaded, args, stdin, stdout, stderr):
    r = runner.invoke(app, args, input=stdin, env=neo4j_loaded)
    assert (r.exit_code, r.stdout, r.stderr) == (1 if stderr.startswith("error:") else 0, stdout, stderr)


@pytest.mark.neo4j
def test_neo4j_load_of_the_same_store_changes_nothing(neo4j_loaded, ingested):
    r = runner.invoke(app, ["neo4j", "load"], env=neo4j_loaded)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("loaded into ") and r.stdout.splitlines()[-1] == (
        "  new: 0 nodes, 0 relationships; removed: 0 stale nodes, 0 stale relationships"
    )


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "question",
    [
        ["lineage_up", "-p", "id=20-KH/TU"],
        ["citing", "-p", "id=52-NQ/TW"],
        ["planned_documents", "-p", "id=03-CTr/TU"],
        ["unresolved_references"],
    ],
    ids=lambda q: q[0],
)
def test_neo4j_query_answers_as_the_store_does(neo4j_loaded, ingested, question):
    store = runner.invoke(app, ["query", *question, "--format", "csv"], env=neo4j_loaded)
    server = runner.invoke(app, ["neo4j", "query", *question, "--format", "csv"], env=neo4j_loaded)
    old = runner.invoke(app, ["query", *question, "--format", "csv", "--backend", "neo4j"], env=neo4j_loaded)
    assert (server.exit_code, server.stderr, old.exit_code, old.stderr) == (0, "", 0, BACKEND_NOTE)
    assert old.stdout == server.stdout
    assert sorted(server.stdout.splitlines()) == sorted(store.stdout.splitlines())
    assert len(store.stdout.splitlines()) > 1


def test_the_neo4j_defaults_are_the_runners():
    from vbgraph import cli
    from vbgraph.queries import neo4j_runner

    assert (cli.DEFAULT_URI, cli.DEFAULT_USER) == (neo4j_runner.DEFAULT_URI, neo4j_runner.DEFAULT_USER)


def test_a_long_table_prints_as_plain_aligned_text(monkeypatch, capsys):
    """Past LONG_TABLE rows a table is plain text under its headings (a framed one takes seconds
    for thousands of rows), and a cell is never read as markup."""
    from vbgraph import cli

    monkeypatch.setattr(cli, "LONG_TABLE", 2)
    rows = [{"a": "x" * n, "b": f"[bold]{n}[/bold]"} for n in range(1, 4)]
    cli._emit(rows, [("a", "A"), ("b", "B")], "table")
    assert capsys.readouterr().out.splitlines() == [
        "A    B",
        "---  --------------",
        "x    [bold]1[/bold]",
        "xx   [bold]2[/bold]",
        "xxx  [bold]3[/bold]",
    ]


def test_obligation_cards_read_the_same_in_colour_and_as_plain_text(ingested, capsys, monkeypatch):
    """A terminal gets the blocks through rich, in colour; a pipe, or a long listing, as plain text
    in one write: the same text."""
    import io

    from rich.console import Console

    from vbgraph import cli

    monkeypatch.setenv("COLUMNS", "80")
    args = ["obligations", "--document", "bac-giang:109-NQ/TU@2021-06-08"]
    assert main(args) == 0
    plain = capsys.readouterr().out
    screen = io.StringIO()
    terminal = Console(
        file=screen, force_terminal=True, color_system=None, width=80, highlight=False, soft_wrap=False
    )
    monkeypatch.setattr(cli, "_console", lambda err=False: terminal)
    assert main(args) == 0
    assert screen.getvalue() == plain and plain.count("109-NQ/TU  line ") >= 3


@pytest.mark.parametrize(
    ("cells", "lines"),
    [
        # a control character anywhere is escaped, and the column is as wide as the escape
        (
            [["a\x1b[31m", "b"], ["c", "d"]],
            ["A            B", "-----------  -", "a\\u001b[31m  b", "c            d"],
        ),
        ([["a", "\u202eb"], ["c", "d"]], ["A  B", "-  -------", "a  \\u202eb", "c  d"]),
        # none: the cells as they are; a tab is not a control character here
        ([["a\tb", "x"], ["c", "y"]], ["A    B", "---  -", "a\tb  x", "c    y"]),
        # a cell wider than WIDEST is never cut; the others are padded to WIDEST only
        (
            [["x" * 70, "b"], ["c", "d"]],
            ["A" + " " * 61 + "B", "-" * 60 + "  -", "x" * 70 + "  b", "c" + " " * 61 + "d"],
        ),
    ],
)
def test_a_plain_table_escapes_what_a_terminal_would_act_on(cells, lines, capsys):
    from vbgraph import cli

    cli._plain_table(["A", "B"], [list(column) for column in zip(*cells, strict=True)])  # rows as columns
    assert capsys.readouterr().out.splitlines() == lines


def test_long_table_cells_of_other_types(monkeypatch, capsys):
    from vbgraph import cli

    monkeypatch.setattr(cli, "LONG_TABLE", 1)
    cli._emit([{"a": None, "b": 3}, {"a": ["x"], "b": {"k": True}}], [("a", "A"), ("b", "B")], "table")
    assert capsys.readouterr().out.splitlines() == [
        "A      B",
        "-----  -----------",
        "       3",
        '["x"]  {"k": true}',
    ]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ([{"a": 1, "b": "Bắc Giang"}, {"a": None}], '[\n{"a": 1, "b": "Bắc Giang"},\n{"a": null}\n]'),
        ([{"a": ["x", "y"], "b": {"c": True}}], '[\n{"a": ["x", "y"], "b": {"c": true}}\n]'),
        ([], "[]"),
        ({"a": [1]}, '{\n  "a": [\n    1\n  ]\n}'),
        (["x", {"a": 1}], '[\n  "x",\n  {\n    "a": 1\n  }\n]'),
    ],
)
def test_json_rows_print_one_to_a_line(data, text):
    """A list of rows prints a row to a line (grep, head and diff read it a row at a time); any
    other value indented. Both read back as the value."""
    from vbgraph import cli

    out = cli._json_text(data)
    assert out == text and json.loads(out) == data


@pytest.mark.parametrize("piece", [1, 2, 3, 1000])
def test_json_rows_print_the_same_a_few_at_a_time(monkeypatch, piece):
    """A long listing is written a few thousand rows at a time, never one string; the bytes are the
    same whatever the piece."""
    from vbgraph import cli

    rows = [{"n": i, "name": f"Sở {i}"} for i in range(5)]
    monkeypatch.setattr(cli, "JSON_PIECE", piece)
    pieces = list(cli._json_pieces(rows))
    assert len(pieces) == -(-5 // piece) + 1
    assert "".join(pieces) == "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]"


ROWS_TO_ENCODE = [  # what rows hold: text with quotes, escapes and Vietnamese, numbers, nested values, dates
    {"symbol": '"52-NQ/TW"\tdòng\n', "depth": 1, "share": 0.25, "ok": True, "none": None},
    {"assignees": ["Sở Tài chính", "UBND"], "counts": {"chu_tri": 3}, "nan": float("nan")},
    {"date": dt.date(2021, 3, 7), "at": dt.datetime(2021, 3, 7, 8, 30), "big": 10**20},
]


@pytest.mark.parametrize("c_encoder", ["as built", "missing"])
def test_rows_are_encoded_as_the_documented_encoder_encodes_them(monkeypatch, c_encoder):
    """One C encoder serves every row (a new one per row was 40 % of the time of 100k rows); its
    text is `JSONEncoder.encode`'s, and so is the fallback's where the C encoder is missing."""
    from vbgraph import cli

    if c_encoder == "missing":
        monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    reference = json.JSONEncoder(ensure_ascii=False, default=cli._json_default).encode
    assert [cli._row_encoder()(r) for r in ROWS_TO_ENCODE] == [reference(r) for r in ROWS_TO_ENCODE]
    with pytest.raises(TypeError, match="set is not JSON serialisable"):
        cli._row_encoder()({"x": {1}})
