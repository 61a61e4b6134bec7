"""The commands README.md shows run (sqlite-utils `test_docs.py`): every `vbgraph …` line of its code
blocks exits 0 against a store made from the bundled sample. Lines that need a Neo4j server (under
`vbgraph neo4j`, the old `vbgraph cypher`, `--backend neo4j`) run against the session's server, as
tests/test_neo4j.py finds it, with the sample loaded.

A line may carry a `$ ` prompt, leading `NAME=value` variables and a trailing `| …` pipe; the
variables are set and the pipe is dropped.
"""

from __future__ import annotations

import re
import shlex
import shutil
from itertools import pairwise

import pytest
from test_neo4j import DB, neo4j_conn, neo4j_driver  # noqa: F401  (fixtures: one server per session)

from vbgraph.cli import main

from conftest import ROOT, SAMPLE

README = ROOT / "README.md"


def readme_commands() -> list[tuple[int, str]]:
    """(line number, text) of each line in a fenced code block that runs vbgraph."""
    out, fenced = [], False
    for n, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            fenced = not fenced
        elif fenced and re.match(
            r"(?:[A-Z_][A-Z0-9_]*=\S*\s+)*vbgraph\s", text := line.removeprefix("$ ").strip()
        ):
            out.append((n, text))
    return out


def parse(text: str) -> tuple[dict[str, str], list[str]]:
    """The variables a line sets and the arguments it gives vbgraph."""
    words = shlex.split(text)
    words = words[: words.index("|")] if "|" in words else words
    at = words.index("vbgraph")
    return dict(w.split("=", 1) for w in words[:at]), words[at + 1 :]


def needs_neo4j(args: list[str]) -> bool:
    return (
        args[0] in ("neo4j", "cypher")
        or ("--backend", "neo4j") in pairwise(args)
        or "--backend=neo4j" in args
    )


COMMANDS = readme_commands()
OFFLINE = [(n, text) for n, text in COMMANDS if not needs_neo4j(parse(text)[1])]
ON_SERVER = [(n, text) for n, text in COMMANDS if needs_neo4j(parse(text)[1])]


def test_the_readme_shows_commands_of_both_kinds():
    assert len(OFFLINE) >= 5 and ON_SERVER


@pytest.fixture()
def session(tmp_path, monkeypatch, corpus_store):
    """A shell in a fresh folder holding `sample/`, with VBGRAPH_STORE made from the sample."""
    shutil.copytree(corpus_store.dir, tmp_path / "store")
    shutil.copytree(SAMPLE, tmp_path / "sample")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VBGRAPH_STORE", str(tmp_path / "store"))
    return monkeypatch


def run(session, text: str, capsys) -> tuple[int, str]:
    env, args = parse(text)
    for name, value in env.items():
        session.setenv(name, value)
    code = main(args)
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("line", "text"), OFFLINE, ids=[f"README:{n}" for n, _ in OFFLINE])
def test_readme_command_runs(session, capsys, line, text):
    code, err = run(session, text, capsys)
    assert code == 0, f"README.md line {line}: {text}\n{err}"


@pytest.fixture()
def server(session, neo4j_conn, neo4j_driver, corpus_graph):  # noqa: F811
    """The session's Neo4j server holding the sample, as the README's `eval "$(…)"` exports it."""
    DB(neo4j_driver, neo4j_conn).wipe()
    DB(neo4j_driver, neo4j_conn).load(corpus_graph)
    for name, value in (
        ("NEO4J_URI", neo4j_conn.uri),
        ("NEO4J_USERNAME", neo4j_conn.user),
        ("NEO4J_PASSWORD", neo4j_conn.password),
        ("NEO4J_DATABASE", neo4j_conn.database or ""),
    ):
        session.setenv(name, value)
    return session


@pytest.mark.neo4j
@pytest.mark.parametrize(("line", "text"), ON_SERVER, ids=[f"README:{n}" for n, _ in ON_SERVER])
def test_readme_neo4j_command_runs(server, capsys, line, text):
    code, err = run(server, text, capsys)
    assert code == 0, f"README.md line {line}: {text}\n{err}"
