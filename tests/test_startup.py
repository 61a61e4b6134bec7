"""Start-up: `vbgraph --version` and help pages come from vbgraph/__main__.py without typer, exactly
as typer prints them, and never from a recording the CLI has outgrown; the rest is unchanged.

The speed itself is measured by benchmarks/startup.py, not here: these machines are too noisy
for a timed test.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tomllib

import pytest
import typer

from vbgraph import __main__ as entry
from vbgraph.cli import app
from vbgraph.cli import main as cli_main

from conftest import ROOT

# Runs the entry point in a fresh process, then writes to argv[1] which renderers were loaded.
RUN = (
    "import sys, vbgraph.__main__ as m; code = m.main(sys.argv[2:]); "
    "open(sys.argv[1], 'w').write(' '.join(x for x in ('typer', 'rich') if x in sys.modules)); "
    "raise SystemExit(code)"
)


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the app, hidden ones too; the root is ()."""

    def walk(cmd, path: tuple[str, ...]):
        yield path
        for name, sub in sorted(getattr(cmd, "commands", {}).items()):
            yield from walk(sub, (*path, name))

    return list(walk(typer.main.get_command(app), ()))


def run(args: list[str], cache, tmp_path, **env: str) -> tuple[int, str, str, str]:
    """(exit code, stdout, stderr, renderers loaded) of the entry point in a fresh process."""
    marker = tmp_path / "loaded"
    proc = subprocess.run(
        [sys.executable, "-c", RUN, str(marker), *args],
        env={**os.environ, "VBGRAPH_CACHE_DIR": str(cache), "NO_COLOR": "1", "COLUMNS": "80", **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    return proc.returncode, proc.stdout, proc.stderr, marker.read_text()


def typer_prints(args: list[str], capsys, monkeypatch, width: int = 80) -> tuple[int, str, str]:
    """What typer itself prints, in this process (no entry point, no cache)."""
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    capsys.readouterr()
    code = cli_main(args)
    out, err = capsys.readouterr()
    return code, out, err


def recordings(cache) -> list:
    return sorted((cache / "help").glob("*.bin"))


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "vbgraph")
def test_recorded_help_is_what_typer_prints(path, width, tmp_path, capsys, monkeypatch):
    args = [*path, "--help"]
    expected = typer_prints(args, capsys, monkeypatch, width)
    cache = tmp_path / "cache"
    code, out, err, loaded = run(args, cache, tmp_path, COLUMNS=str(width))
    assert (code, out, err) == expected and loaded == "typer rich"  # rendered, and recorded:
    assert len(recordings(cache)) == 1
    code, out, err, loaded = run(args, cache, tmp_path, COLUMNS=str(width))
    assert (code, out, err) == expected and loaded == ""  # played back


def _recording(tmp_path, cli) -> tuple[str, str]:
    """A recording of `vbgraph --help` made against a copy of cli.py; (its path, its key)."""
    k = entry.key(["--help"], cli=str(cli))
    path = str(tmp_path / "cache" / "help" / "test.bin")
    dep = tmp_path / "dep.py"
    dep.write_text("x = 1\n")
    st = dep.stat()
    entry.save(
        path, (k, ((str(dep), st.st_mtime_ns, st.st_size),), (("LANG", "C.UTF-8"),), ((1, "page\n"),), 0)
    )
    return path, k


def _edit(tmp_path, monkeypatch, change: str) -> None:
    cli, dep = tmp_path / "cli.py", tmp_path / "dep.py"
    if change == "cli.py grows":
        cli.write_text(cli.read_text() + "# a new option\n")
    elif change == "cli.py edited, same size":
        cli.write_text(cli.read_text().replace("Knowledge graph", "Knowledge-graph", 1))
    elif change == "a module file changed":
        dep.write_text("x = 22\n")
    elif change == "a module file is gone":
        dep.unlink()
    elif change == "a variable read changed":
        monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    elif change == "recording corrupt":
        (tmp_path / "cache" / "help" / "test.bin").write_bytes(b"\x00garbage")
    elif change == "recording empty":
        (tmp_path / "cache" / "help" / "test.bin").write_bytes(b"")


@pytest.mark.parametrize(
    ("change", "played"),
    [
        ("nothing", True),
        ("cli.py grows", False),
        ("cli.py edited, same size", False),
        ("a module file changed", False),
        ("a module file is gone", False),
        ("a variable read changed", False),
        ("recording corrupt", False),
        ("recording empty", False),
    ],
)
def test_a_recording_is_played_only_while_nothing_it_depends_on_changed(
    change, played, tmp_path, monkeypatch, capsys
):
    shutil.copy(ROOT / "cli.py", tmp_path / "cli.py")
    monkeypatch.setenv("LANG", "C.UTF-8")
    path, _ = _recording(tmp_path, tmp_path / "cli.py")
    _edit(tmp_path, monkeypatch, change)
    k = entry.key(["--help"], cli=str(tmp_path / "cli.py"))
    assert entry.replay(path, k) == (0 if played else None)
    assert capsys.readouterr().out == ("page\n" if played else "")


def test_another_command_does_not_play_this_recording(tmp_path):
    shutil.copy(ROOT / "cli.py", tmp_path / "cli.py")
    path, k = _recording(tmp_path, tmp_path / "cli.py")
    assert entry.replay(path, entry.key(["stats", "--help"], cli=str(tmp_path / "cli.py"))) is None
    assert entry.replay(path, k) == 0


def test_a_stale_recording_is_rendered_again(tmp_path, capsys, monkeypatch):
    """End to end: a recording whose cli.py has changed since is not played but replaced."""
    import marshal

    expected = typer_prints(["--help"], capsys, monkeypatch)
    cache = tmp_path / "cache"
    run(["--help"], cache, tmp_path)
    (file,) = recordings(cache)
    k, files, variables, _, code = marshal.loads(file.read_bytes())
    files = tuple((f, 0 if f == entry.CLI else m, s) for f, m, s in files)
    assert entry.CLI in {f for f, _, _ in files}
    file.write_bytes(marshal.dumps((k, files, variables, ((1, "stale page\n"),), code)))
    code, out, err, loaded = run(["--help"], cache, tmp_path)
    assert (code, out, err) == expected and loaded == "typer rich"
    assert run(["--help"], cache, tmp_path)[1:] == (expected[1], expected[2], "")


@pytest.mark.parametrize(
    ("cache", "xdg"),
    [("{tmp}/file/cache", ""), ("/dev/null/cache", ""), ("", "{tmp}/file"), ("", "{tmp}/file/xdg")],
    ids=["VBGRAPH_CACHE_DIR under a file", "under /dev/null", "XDG_CACHE_HOME a file", "under a file"],
)
def test_help_without_a_writable_cache(cache, xdg, tmp_path, capsys, monkeypatch):
    expected = typer_prints(["ingest", "--help"], capsys, monkeypatch)
    (tmp_path / "file").write_text("not a folder")
    env = {"XDG_CACHE_HOME": xdg.format(tmp=tmp_path)}  # one run tries to play back, then to record
    assert run(["ingest", "--help"], cache.format(tmp=tmp_path), tmp_path, **env)[:3] == expected


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG layout")
@pytest.mark.parametrize(
    ("env", "folder"),
    [
        ({"VBGRAPH_CACHE_DIR": "/c/v", "XDG_CACHE_HOME": "/c/x"}, "/c/v"),
        ({"VBGRAPH_CACHE_DIR": "", "XDG_CACHE_HOME": "/c/x"}, "/c/x/vbgraph"),
        ({"XDG_CACHE_HOME": "relative/x"}, "/h/.cache/vbgraph"),  # not absolute: ignored (XDG spec)
        ({"XDG_CACHE_HOME": ""}, "/h/.cache/vbgraph"),
    ],
)
def test_cache_folder(env, folder, monkeypatch):
    monkeypatch.delenv("VBGRAPH_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", "/h")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert entry.cache_dir() == folder


def test_the_default_cache_folder_is_used(tmp_path):
    run(["--help"], "", tmp_path, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert len(recordings(tmp_path / "xdg" / "vbgraph")) == 1


@pytest.mark.parametrize(
    ("args", "code", "recorded"),
    [
        (["--help"], 0, True),
        (["neo4j", "cypher", "--help"], 0, True),
        ([], 2, True),  # no words: the app's help, as a usage error
        (["nosuch"], 2, False),
        (["nosuch", "--help"], 2, True),
        (["--version"], 0, False),
        (["stats", "--store", "--help"], 1, False),  # --help is the store here: the command runs
        (["--debug", "--help"], 0, False),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_exit_codes_and_output_are_the_clis(args, code, recorded, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # `stats --store --help` looks for a store named --help here
    expected = typer_prints(args, capsys, monkeypatch)
    assert expected[0] == code
    cache = tmp_path / "cache"
    for _ in range(2):  # cold, then warm
        assert run(args, cache, tmp_path)[:3] == expected
    assert len(recordings(cache)) == (1 if recorded else 0)


def test_a_process_that_loaded_typer_already_does_not_record(tmp_path, capsys, monkeypatch):
    """Modules loaded before the watch read their variables unseen: their page is not kept."""
    monkeypatch.setenv("VBGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    expected = typer_prints(["show", "--help"], capsys, monkeypatch)
    assert entry.main(["show", "--help"]) == 0
    assert capsys.readouterr() == expected[1:]
    assert recordings(tmp_path / "cache") == []


def test_version_is_the_clis(capsys, monkeypatch, tmp_path):
    expected = typer_prints(["--version"], capsys, monkeypatch)
    assert expected[1] == f"vbgraph {importlib.metadata.version('vbgraph')}\n"
    assert run(["--version"], tmp_path / "cache", tmp_path) == (*expected, "")


@pytest.mark.parametrize(
    ("module", "not_loaded"),
    [
        ("vbgraph.__main__", ("typer", "rich", "vbgraph.cli", "vbgraph.graph")),
        (
            "vbgraph.cli",
            ("rich", "pydantic", "networkx", "vbgraph.graph", "vbgraph.loaders", "vbgraph.queries"),
        ),
    ],
)
def test_importing_loads_only_what_start_up_needs(module, not_loaded):
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.split())
    assert module in loaded
    assert not {m for m in loaded if any(m == n or m.startswith(f"{n}.") for n in not_loaded)}


@pytest.mark.parametrize(
    ("args", "networkx"),
    [
        (["implements"], False),  # every implementation: edges and labels from the store's tables
        (["implements", "--since", "2020-01-01"], False),
        (["stats"], False),
        (["implements", "--central"], False),  # the closure the store keeps (graph.reach)
        (["implements", "--central", "--jurisdiction", "Bắc Giang"], False),
    ],
)
def test_commands_answered_from_the_tables_never_load_networkx(args, networkx, corpus_store):
    """networkx takes ~80 ms to import: a third of a small command's time."""
    code = (
        "import sys, io, contextlib; from vbgraph.cli import main; sys.argv = ['vbgraph', *sys.argv[1:]]\n"
        "with contextlib.redirect_stdout(io.StringIO()): main()\n"
        "print('networkx' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, *args, "--store", str(corpus_store.dir)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(networkx)]


def test_the_console_script_resolves():
    target = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["vbgraph"]
    module, _, name = target.partition(":")
    assert callable(getattr(importlib.import_module(module), name))
    (installed,) = importlib.metadata.entry_points(group="console_scripts", name="vbgraph")
    assert installed.value == target, "the installed script is stale: pip install -e . --no-deps"


@pytest.mark.parametrize(("args", "code"), [(["--help"], 0), (["nosuch"], 2)])
def test_python_dash_m_vbgraph(args, code, tmp_path):
    env = {**os.environ, "VBGRAPH_CACHE_DIR": str(tmp_path)}
    assert (
        subprocess.run([sys.executable, "-m", "vbgraph", *args], env=env, capture_output=True).returncode
        == code
    )
