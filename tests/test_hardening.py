"""Hostile text: shapes that once made extraction backtrack without end (issue 14).

Each case would take longer than the age of the universe with the old patterns; the guard only
stops a hang (it is no speed goal: benchmarks hold those)."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from vbgraph.loaders.deadlines import find_deadlines

GUARD_S = 60
SAMPLE = Path(__file__).resolve().parent.parent / "sample"
SHARED_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@contextmanager
def no_hang(seconds: int = GUARD_S):
    def stop(*_):
        raise TimeoutError(f"still running after {seconds} s: the pattern backtracks")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("gap", ["  ", " \v", " \u2005", "\u200a "])
def test_repeated_lead_words_before_no_deadline_do_not_backtrack(gap):
    text = "hoàn thành " + ("trong" + gap) * 40 + "x"
    with no_hang():
        assert find_deadlines(text) == []


@pytest.mark.parametrize("tail", [",", ", và", " ;", " các ,"])
def test_a_list_s_tail_of_separators_is_stripped_in_linear_time(tail):
    """`classify._listed_head` on a blanked sentence ending in a long run of separators (a pattern
    anchored at the end, tried from each position, took 8 s on 8,000 commas)."""
    from vbgraph.loaders.classify import _listed_head

    with no_hang(5):
        assert _listed_head("bãi bỏ điều 4 của " + tail * 100_000) == "bãi bỏ điều 4 của"


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("hoàn thành xong trước quý II/2021", "2021-06-30"),
        ("trong  trong   tháng 9/2021", "2021-09-30"),
        ("trước ngày 30/11/2020", "2020-11-30"),
        ("hoàn thành trong năm 2022", "2022-12-31"),
    ],
)
def test_deadlines_after_lead_words_are_still_read(text, end):
    assert [d.end for d in find_deadlines(text)] == [end]


# -- shapes that were quadratic or cubic: each size took minutes before ---------------------------------
def _repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit.encode()))


HOSTILE_BODIES = [
    # (what, body): sizes where the old stages ran past the guard
    ("a list of numbers", "Các Nghị quyết số " + _repeat("1, ", 200_000) + "1."),
    ("'số 1 và 1 và …'", "Thực hiện Nghị quyết số " + _repeat("1 và ", 200_000) + "1."),
    (
        "cited titles one after another (cubic)",
        "Căn cứ " + "".join(f"Nghị quyết số {i}-NQ/TW về việc phát triển du lịch, " for i in range(1, 2500)),
    ),
    (
        "cited titles inside one subject",
        "Căn cứ " + "".join(f"Nghị quyết số {i}-NQ/TW về việc thực hiện " for i in range(1, 1500)),
    ),
    ("lowercase lines joined into one paragraph", _repeat("a\n", 200_000)),
    ("sentences in one paragraph", "".join(f"Giao Sở Nội vụ chủ trì việc số {i}. " for i in range(8000))),
]


@pytest.mark.parametrize(("what", "body"), HOSTILE_BODIES, ids=[w for w, _ in HOSTILE_BODIES])
def test_hostile_paragraphs_parse_in_linear_time(what, body):
    from vbgraph.loaders.parse import parse_text

    from factories import party_doc

    with no_hang(30):
        record = parse_text(party_doc(body=body), "hostile.txt")
    assert record.documents  # the document around the hostile paragraph is still read


def test_a_page_joined_into_one_line_parses_in_linear_time():
    from vbgraph.loaders.parse import parse_text

    real = (SHARED_CORPUS / "external").glob("*.txt") if SHARED_CORPUS.exists() else SAMPLE.glob("*.txt")
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(real)).replace("\n", " ")
    text = (text * (1 + 5_000_000 // len(text)))[:3_500_000]  # about 5 MB of UTF-8
    with no_hang(40):  # 47 s before on this machine, ~6 s now
        record = parse_text(text, "joined.txt")
    assert record.citations


# -- the terminal shows document text, never obeys it ----------------------------------------------
HOSTILE_TITLE = (
    "về [/dim] du lịch [bold]x\x1b[2J\x1b]0;owned\x07 \x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\ \u202eabc"
)


def hostile_store(tmp_path):
    from typer.testing import CliRunner

    from vbgraph.cli import app

    from factories import party_doc

    d = tmp_path / "in"
    (d / "a[").mkdir(parents=True)
    (d / "a[" / "b]c.txt").write_text(party_doc(subject=HOSTILE_TITLE), encoding="utf-8")  # "a[/b]c.txt"
    runner = CliRunner()
    store = str(tmp_path / "s")
    result = runner.invoke(app, ["ingest", str(d), "--store", store])
    assert result.exit_code == 0, result.output
    return runner, app, store


@pytest.mark.parametrize(
    "command",
    [
        ["show", "12-NQ/TU"],
        ["search", "du lịch"],
        ["lineage", "12-NQ/TU"],
        ["stats"],
        ["implements"],
    ],
)
def test_document_text_reaches_the_terminal_as_text(tmp_path, command):
    runner, app, store = hostile_store(tmp_path)
    result = runner.invoke(app, [*command, "--store", store])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    if command[0] in ("show", "search"):
        assert "[/dim]" in result.output and "\\u001b" in result.output


# -- hostile parameters: one line naming the parameter, the usage exit code ------------------------
@pytest.mark.parametrize(
    ("param", "said"),
    [
        ("depth=1 OR 1=1", "--param depth: '1 OR 1=1' is not a whole number"),
        (
            "depth:=123456789012345678901234567890",
            "--param depth: 123456789012345678901234567890 is out of range",
        ),
        ("depth:=true", "--param depth: True is not a whole number"),
        ("depth:=2.5", "--param depth: 2.5 is not a whole number"),
        ("depth:=-1", "--param depth: -1 is out of range"),
    ],
)
def test_a_bad_whole_number_parameter_is_named(corpus_store, param, said):
    from typer.testing import CliRunner

    from vbgraph.cli import app

    ref = next(n for n, a in corpus_store.graph.nodes(data=True) if a.get("kind") == "Document")
    args = ["query", "lineage_up", "-p", f"id={ref}", "-p", param, "--store", str(corpus_store.dir)]
    result = CliRunner().invoke(app, args)
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and lines[0].startswith(f"error: {said}")


@pytest.mark.parametrize("limit", ["99999999999999999999999", "-2", "1000001"])
def test_a_limit_past_any_database_integer_is_refused(corpus_store, limit):
    from typer.testing import CliRunner

    from vbgraph.cli import app

    args = ["query", "most_implemented", "-p", f"limit:={limit}", "--store", str(corpus_store.dir)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and f"--param limit: {limit} is out of range" in result.stderr


@pytest.mark.parametrize(
    ("piece", "split"),
    [
        ("Ban Thường vụ các huyện ủy, thành ủy", ("Ban Thường vụ", "huyện ủy, thành ủy")),
        ("Thường trực  các  đảng ủy", ("Thường trực", "đảng ủy")),
        ("a các b các c", ("a", "b các c")),
        ("các huyện ủy", None),
        ("không có gì", None),
    ],
)
def test_a_head_shared_by_cac_is_split_as_before(piece, split):
    from vbgraph.loaders.bodies import _head_cac

    assert _head_cac(piece) == split


def test_a_long_whitespace_run_in_a_list_of_bodies_does_not_backtrack():
    from vbgraph.loaders.bodies import _head_cac

    with no_hang():
        assert _head_cac("Ban" + " " * 2_000_000 + "Sở") is None


# -- a failing export is one line naming the file and the reason -------------------------------------
def test_export_into_an_existing_folder_is_a_usage_error(corpus_store, tmp_path):
    from typer.testing import CliRunner

    from vbgraph.cli import app

    result = CliRunner().invoke(app, ["export", "-o", str(tmp_path), "--store", str(corpus_store.dir)])
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and lines == [
        f"error: {tmp_path}: is a folder; give the file to write (only csv writes a folder)"
    ]


def test_an_export_the_disk_refuses_is_one_line_and_leaves_no_part(corpus_store, tmp_path, monkeypatch):
    import errno

    from typer.testing import CliRunner

    from vbgraph.cli import app

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out.json"))

    monkeypatch.setattr("os.fsync", full)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["export", "-o", str(out), "--store", str(corpus_store.dir)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: {out}: cannot write (No space left on device)"]
    assert list(tmp_path.iterdir()) == []  # no partial file, no temporary one


# -- a full disk during ingest; an unexpected error is one line, --debug adds the traceback ------------
FILE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from vbgraph.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_an_ingest_the_disk_refuses_is_one_line_and_keeps_the_store(tmp_path):
    import subprocess
    import sys

    from vbgraph.graph.store import Store

    small, big = sorted(SAMPLE.glob("*.txt"), key=lambda p: p.stat().st_size)
    store = tmp_path / "store"
    assert (
        subprocess.run(
            [sys.executable, "-m", "vbgraph", "ingest", str(small), "--store", str(store), "-q"]
        ).returncode
        == 0
    )
    before = Store(store).counts()
    size = (store / "store.sqlite").stat().st_size
    # the file may not grow past its size: the real write fails as a full disk does
    run = [sys.executable, "-c", FILE_LIMIT, str(size), "ingest", str(big), "--store", str(store)]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {store}: cannot write ("), result.stderr
    assert "Traceback" not in result.stderr
    assert Store(store).counts() == before  # nothing half-written
    assert not (store / "lock").exists()


@pytest.mark.parametrize("debug", [[], ["--debug"]])
def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(
    corpus_store, monkeypatch, capsys, debug
):
    from vbgraph.cli import main

    def broken(*_a, **_k):
        raise RuntimeError("the stage broke")

    monkeypatch.setattr("vbgraph.queries.stats.store_stats", broken)
    assert main(["stats", "--store", str(corpus_store.dir), *debug]) == 1
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: unexpected RuntimeError: the stage broke")
    assert ("Traceback (most recent call last)" in err) == bool(debug)
    assert ("--debug" in last) != bool(debug)  # the hint, only when not debugging


def test_graphml_of_hostile_text_parses_back_and_says_what_it_replaced(tmp_path):
    import subprocess
    import sys

    import networkx as nx

    from factories import party_doc

    (tmp_path / "a.txt").write_text(party_doc(subject="về du lịch \x01\x1b[2J \ufffe x"), encoding="utf-8")
    store, out = tmp_path / "s", tmp_path / "g.graphml"
    vbgraph = [sys.executable, "-m", "vbgraph"]
    assert (
        subprocess.run([*vbgraph, "ingest", str(tmp_path / "a.txt"), "--store", str(store), "-q"]).returncode
        == 0
    )
    run = subprocess.run(
        [*vbgraph, "export", "--format", "graphml", "-o", str(out), "--store", str(store)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0
    assert "note: graphml: 3 character(s) that XML cannot carry" in run.stderr
    G = nx.read_graphml(out)
    titles = [a["title"] for _, a in G.nodes(data=True) if "du lịch" in (a.get("title") or "")]
    assert titles == ["về du lịch \ufffd\ufffd[2J \ufffd x"]


def test_a_file_name_in_another_encoding_is_one_line_and_the_others_ingest(tmp_path):
    import os
    import subprocess
    import sys

    from factories import party_doc

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(party_doc(), encoding="utf-8")
    with open(os.fsencode(folder) + b"/bad\xff.txt", "w", encoding="utf-8") as f:
        f.write(party_doc(number="13"))
    run = subprocess.run(
        [sys.executable, "-m", "vbgraph", "ingest", str(folder), "--store", str(tmp_path / "s")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder}/bad\\udcff.txt: its name is not valid UTF-8; rename the file"]
    assert "1 added" in run.stdout + run.stderr and "Traceback" not in run.stderr


def test_a_view_that_cannot_be_written_is_one_line(corpus_store, tmp_path):
    from typer.testing import CliRunner

    from vbgraph.cli import app

    (tmp_path / "afile").write_text("x")
    out = tmp_path / "afile" / "v.html"  # its folder is a file
    result = CliRunner().invoke(app, ["view", "-o", str(out), "--store", str(corpus_store.dir)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: {out}: cannot write (")
