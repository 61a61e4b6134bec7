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
