"""Hardening of the Neo4j part: what read-only Cypher refuses, where the password never shows, bad URIs.

* read-only `vbgraph neo4j cypher` refuses LOAD CSV and procedures that reach outside the graph,
  found by a linear tokenizer that skips strings and comments; refused before connecting;
* `scripts/neo4j-local` confines LOAD CSV (no file:// URLs, an empty import folder) and never puts
  the password in any process's argv, log or configuration file;
* the password is scrubbed, in any letter case, from every error the Neo4j layer gives;
* a malformed --uri is one line `--uri VALUE: reason` and exit 2 (README: a usage error).

Tests marked neo4j need a server: the session's (see test_neo4j) or, for the start-up checks, one
this module starts itself in its own run dir on its own port. With CI=true they fail instead of
skipping when there is none.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from neo4j import exceptions as nx4
from test_neo4j import free_port, invoke, neo4j_conn  # noqa: F401  (fixture: one server per session)
from typer.testing import CliRunner

from vbgraph.cli import app
from vbgraph.queries.neo4j_runner import (
    BadUri,
    Connection,
    CypherError,
    UnsafeInReadOnly,
    check_uri,
    connect,
    cypher_tokens,
    explain,
    redact_uri,
    run_cypher,
    scrub,
    unsafe_clause,
)

from conftest import ROOT, in_ci

SCRIPT = ROOT / "scripts" / "neo4j-local"
START_DEADLINE = float(os.environ.get("VBGRAPH_NEO4J_TEST_START_DEADLINE", "300"))
PW = "S3cretPassw0rdXy"  # a password with both letter cases, as the script makes them


def _unreachable() -> str:
    return f"bolt://127.0.0.1:{free_port()}"


def _cli(args: list[str], **env: str | None) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, args, env={"COLUMNS": "200", **env}, catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _refusal(clause: str, why: str) -> str:
    return f"{clause} {why}; a read-only query may not use it, nothing was run (allow it with --write)"


# -- what read-only Cypher refuses -------------------------------------------------------------

FILES = "reads files and URLs on the server"
OUTSIDE = "reaches outside the graph"


@pytest.mark.parametrize(
    ("statement", "clause", "why"),
    [
        ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV", FILES),
        ("load csv with headers from $url as row return row", "LOAD CSV", FILES),
        (
            "MATCH (n) WITH n LIMIT 1\nLoAd\t/* between */ CsV FROM 'https://x' AS l RETURN l",
            "LOAD CSV",
            FILES,
        ),
        ("CALL { LOAD CSV FROM 'file:///etc/hosts' AS l RETURN l } RETURN l", "LOAD CSV", FILES),
        ("CALL dbms.listConfig() YIELD name RETURN name", "CALL dbms.listConfig", OUTSIDE),
        ("call DBMS.components", "CALL DBMS.components", OUTSIDE),
        ("CALL `dbms`.`listConfig`()", "CALL dbms.listConfig", OUTSIDE),
        ("CALL dbms . security . listUsers()", "CALL dbms.security.listUsers", OUTSIDE),
        ("CALL db.createLabel('X')", "CALL db.createLabel", OUTSIDE),
        (
            "CALL db.create.setNodeVectorProperty(n, 'p', [1])",
            "CALL db.create.setNodeVectorProperty",
            OUTSIDE,
        ),
        ("CALL apoc.load.json('file:///etc/passwd')", "CALL apoc.load.json", OUTSIDE),
        ("CALL apoc.import.csv([], [], {})", "CALL apoc.import.csv", OUTSIDE),
        ("CALL apoc.export.csv.all('/tmp/x.csv', {})", "CALL apoc.export.csv.all", OUTSIDE),
        ("CALL apoc.cypher.runFile('x.cypher')", "CALL apoc.cypher.runFile", OUTSIDE),
        ("CALL apoc.periodic.submit('j', 'RETURN 1')", "CALL apoc.periodic.submit", OUTSIDE),
        (
            "MATCH (n) CALL { WITH n CALL dbms.info() YIELD id RETURN id } RETURN id",
            "CALL dbms.info",
            OUTSIDE,
        ),
        ("SHOW SETTINGS YIELD name, value", "SHOW SETTINGS", "reads the server's configuration"),
        ("RETURN 'it''s' AS s; LOAD CSV FROM 'x' AS l RETURN l", "LOAD CSV", FILES),
    ],
)
def test_read_only_refuses_what_reaches_outside_the_graph(statement: str, clause: str, why: str):
    assert unsafe_clause(statement) == clause
    # Refused before connecting: nothing listens at this URI, yet the error is the refusal.
    with pytest.raises(UnsafeInReadOnly) as e:
        run_cypher(statement, uri=_unreachable(), user="neo4j", password=PW)
    assert str(e.value) == _refusal(clause, why)
    code, out, err = _cli(["neo4j", "cypher", statement], NEO4J_URI=_unreachable(), NEO4J_PASSWORD=PW)
    assert (code, out, err) == (1, "", f"error: {_refusal(clause, why)}\n")


@pytest.mark.parametrize(
    "statement",
    [
        "RETURN 'LOAD CSV FROM \"file:///etc/passwd\"' AS s",
        'RETURN "load csv" AS s, "CALL dbms.listConfig()" AS t',
        "RETURN 'a\\'load csv' AS s",
        "MATCH (n) // LOAD CSV FROM 'file:///etc/passwd'\nRETURN n",
        "MATCH (n) /* CALL dbms.listConfig() */ RETURN n",
        "CALL db.labels() YIELD label RETURN label",
        "CALL db.schema.visualization()",
        "CALL { MATCH (n) RETURN count(n) AS c } RETURN c",
        "MATCH (load:Document) RETURN load.csv AS csv",
        "WITH {dbms: 1} AS call RETURN call.dbms",
        "MATCH (n:`LOAD CSV`) RETURN n",
        "MATCH (n) WHERE n.note = $load RETURN n",
        "SHOW PROCEDURES YIELD name",
        "RETURN 'unterminated /* CALL dbms.x()",
        "",
    ],
)
def test_read_only_allows_the_rest(statement: str):
    assert unsafe_clause(statement) is None


def test_tokens_skip_strings_and_comments_and_unquote_names():
    assert cypher_tokens("CALL `db`.`la``bels`() // CALL dbms.x()\nRETURN 'load csv', $p /* x */") == [
        ("word", "CALL"),
        ("name", "db"),
        ("other", "."),
        ("name", "la`bels"),
        ("other", "("),
        ("other", ")"),
        ("word", "RETURN"),
        ("string", ""),
        ("other", ","),
        ("word", "$p"),
    ]


def _cypher_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


@given(st.text())
def test_text_in_a_string_or_comment_is_never_a_clause(text: str):
    assert unsafe_clause(f"RETURN {_cypher_string(text)} AS s") is None
    assert unsafe_clause(f"RETURN 1 /* {text.replace('*', '')} */") is None
    assert unsafe_clause(f"RETURN 1 // {text.replace(chr(10), ' ')}") is None


@pytest.mark.parametrize(
    "text",
    [
        "'" * 400_000,
        "\\'" * 200_000,
        "/*" * 200_000,
        "`" * 400_000,
        "``" * 200_000,
        "LOAD " * 80_000,
        "CALL " * 80_000 + "a." * 100_000,
        "CALL a." * 60_000,
        "$" * 400_000,
        "x" * 400_000,
    ],
    ids=lambda t: f"{t[:8]!r}x{len(t)}",
)
def test_the_tokenizer_is_linear(text: str):
    # Hundreds of kilobytes of the worst inputs: a linear scan takes well under a second; a
    # backtracking or quadratic one would not finish.
    start = time.perf_counter()
    unsafe_clause(text)
    assert time.perf_counter() - start < 3.0


# -- the password never shows -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret", "want"),
    [
        (f"Graph not found: {PW.lower()}", PW, "Graph not found: ***"),
        (f"{PW} {PW.upper()} {PW.swapcase()}", PW, "*** *** ***"),
        (f"user neo4j at bolt://h:{PW}@x", PW, "user neo4j at bolt://h:***@x"),
        ("a.b*c (a.b*c) aXbYc", "a.b*c", "*** (***) aXbYc"),  # a literal, not a pattern
        ("Straße STRASSE strasse", "straße", "*** *** ***"),  # case forms that change length
        ("nothing to hide", "", "nothing to hide"),
        ("nothing to hide", None, "nothing to hide"),
    ],
)
def test_scrub(text: str, secret: str | None, want: str):
    assert scrub(text, secret) == want


@pytest.mark.parametrize(
    "error",
    [
        CypherError(f"Neo4j at bolt://h:7687: Graph not found: {PW.lower()}"),
        BadUri(f"bolt://h:7687/{PW}", "a server URI has no path or #fragment"),
        nx4.ServiceUnavailable(f"Couldn't connect (reason {PW.upper()})"),
        nx4.ConfigurationError(f"Given URI: 'bolt://x:{PW}@h'"),
    ],
    ids=["problem", "bad-uri", "unavailable", "configuration"],
)
def test_errors_leaving_the_neo4j_layer_never_hold_the_password(error: Exception):
    problem = explain(error, uri="bolt://h:7687", user="neo4j", password=PW)
    assert "***" in str(problem)
    assert PW.lower() not in str(problem).lower()


@pytest.mark.parametrize("command", ["cypher", "load", "query"])
def test_unreachable_server_errors_scrub_the_password_in_any_case(command: str, corpus_store):
    # The password is also the database name here: Neo4j would echo it lower-cased.
    args = {
        "cypher": ["neo4j", "cypher", "RETURN 1"],
        "load": ["neo4j", "load", "--store", str(corpus_store.dir)],
        "query": ["neo4j", "query", "most_implemented"],
    }[command]
    code, out, err = _cli(
        [*args, "--database", PW.lower()], NEO4J_URI=f"bolt://{PW.lower()}.invalid:7687", NEO4J_PASSWORD=PW
    )
    assert code == 1 and err.startswith("error: cannot reach Neo4j at bolt://***.invalid:7687"), err
    assert PW.lower() not in (out + err).lower()


# -- a malformed --uri ------------------------------------------------------------------------

SCHEME_REASON = (
    "the scheme must be one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc (e.g. bolt://localhost:7687)"
)
BAD_URIS = [
    ("bolt://[::1", "bolt://[::1", "invalid IPv6 URL"),
    ("nope://x", "nope://x", SCHEME_REASON),
    ("localhost:7687", "localhost:7687", SCHEME_REASON),
    ("", '""', "empty; write e.g. bolt://localhost:7687"),
    ("   ", "   ", "empty; write e.g. bolt://localhost:7687"),
    ("bolt://", "bolt://", "no host (e.g. bolt://localhost:7687)"),
    ("bolt://h:99999", "bolt://h:99999", "port out of range 0-65535"),
    ("bolt://h:x", "bolt://h:x", "port could not be cast to integer value as 'x'"),
    ("bolt://h:0", "bolt://h:0", "port 0 is not a port"),
    (
        f"bolt://neo4j:{PW}@h:7687",
        "bolt://h:7687",
        "no user or password in the URI; use --user and NEO4J_PASSWORD",
    ),
    (f"bolt://neo4j:{PW}@[::1", "bolt://[::1", "invalid IPv6 URL"),
    (
        "bolt://h:7687/db",
        "bolt://h:7687/db",
        "a server URI has no path or #fragment (e.g. bolt://localhost:7687)",
    ),
    ("bolt://h:7687?policy=x", "bolt://h:7687?policy=x", "only neo4j:// URIs take a ?routing context"),
]


@pytest.mark.parametrize(("uri", "shown", "reason"), BAD_URIS)
@pytest.mark.parametrize("command", ["cypher", "load", "query"])
def test_a_malformed_uri_is_a_one_line_usage_error(command: str, uri: str, shown: str, reason: str, tmp_path):
    args = {
        "cypher": ["neo4j", "cypher", "RETURN 1"],
        "load": ["neo4j", "load", "--store", str(tmp_path / "none")],  # the URI is checked first
        "query": ["neo4j", "query", "most_implemented"],
    }[command]
    code, out, err = _cli([*args, "--uri", uri], NEO4J_PASSWORD=PW)
    assert (code, out, err) == (2, "", f"error: --uri {shown}: {reason}\n")


@pytest.mark.parametrize(("uri", "shown", "reason"), BAD_URIS)
def test_connect_refuses_a_malformed_uri(uri: str, shown: str, reason: str):
    with pytest.raises(BadUri) as e:
        connect(uri, "neo4j", PW)
    assert (e.value.uri, e.value.reason) == (shown.replace('""', ""), reason)
    assert isinstance(e.value, ValueError) and PW not in str(e.value)


@pytest.mark.parametrize(
    "uri", ["bolt://localhost:7687", "BOLT://h", "bolt://[::1]:7687", "neo4j+s://db.example:7687?region=eu"]
)
def test_check_uri_accepts_what_the_driver_takes(uri: str):
    check_uri(uri)


@pytest.mark.parametrize(
    ("uri", "want"),
    [
        ("bolt://u:secret@host:7687", "bolt://host:7687"),
        ("bolt://u:secret@[::1]:7687", "bolt://[::1]:7687"),
        ("bolt://u:secret@[::1", "bolt://[::1"),
        ("u:secret@host:7687", "host:7687"),
        ("bolt://u:se/cr@et@host:7687", "bolt://host:7687"),
        ("neo4j+s://db.example:7687/x?a=b@c", "neo4j+s://db.example:7687/x?a=b@c"),
        ("", ""),
    ],
)
def test_redact_uri(uri: str, want: str):
    assert redact_uri(uri) == want


# -- with the session's server ----------------------------------------------------------------


@pytest.mark.neo4j
def test_a_wrong_database_does_not_show_the_password(neo4j_conn: Connection):  # noqa: F811
    pw = neo4j_conn.password
    for database in (pw, pw.upper()):
        r = invoke(["neo4j", "cypher", "RETURN 1", "--database", database], neo4j_conn)
        assert (r.exit_code, r.stdout) == (1, "")
        assert r.stderr.startswith("error: Neo4j at ") and r.stderr.endswith(": Graph not found: ***\n"), (
            r.stderr
        )
        assert pw.lower() not in r.stderr.lower()
    with pytest.raises(CypherError) as e:
        run_cypher("RETURN 1", **{**neo4j_conn.kwargs(), "database": pw})
    assert pw.lower() not in str(e.value).lower()


@pytest.mark.neo4j
def test_read_only_runs_what_only_mentions_a_refused_clause(neo4j_conn: Connection):  # noqa: F811
    r = invoke(
        ["neo4j", "cypher", "RETURN 'LOAD CSV FROM x' AS s // CALL dbms.listConfig()", "--format", "json"],
        neo4j_conn,
    )
    assert (r.exit_code, json.loads(r.stdout)) == (0, [{"s": "LOAD CSV FROM x"}])
    assert (
        run_cypher("CALL db.labels() YIELD label RETURN count(label) AS n", **neo4j_conn.kwargs())[0]["n"]
        >= 0
    )
    r = invoke(["neo4j", "cypher", "CALL dbms.components() YIELD name RETURN name"], neo4j_conn)
    assert (r.exit_code, r.stdout, r.stderr) == (
        1,
        "",
        f"error: {_refusal('CALL dbms.components', OUTSIDE)}\n",
    )


# -- a server this module starts: argv, logs, configuration ------------------------------------


@dataclass
class Started:
    conn: Connection
    run_dir: Path
    argv: set[str]  # every command line `ps` showed while `start` ran
    polls: int


def _poll_argv(seen: set[str], done: threading.Event, counter: list[int]) -> None:
    while not done.is_set():
        out = subprocess.run(["ps", "-eww", "-o", "args="], capture_output=True, text=True, check=True).stdout
        seen.update(out.splitlines())
        counter[0] += 1
        time.sleep(0.01)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Started]:
    """`scripts/neo4j-local start` in a fresh run dir on a port of its own, with `ps` polled all along."""
    run_dir = tmp_path_factory.mktemp("neo4j-own")
    env = {
        **os.environ,
        "VBGRAPH_NEO4J_RUN": str(run_dir),
        "VBGRAPH_NEO4J_PYTHON": sys.executable,
        "VBGRAPH_NEO4J_PORT": str(free_port()),
        "VBGRAPH_NEO4J_HEAP": "512m",
        "VBGRAPH_NEO4J_PAGECACHE": "64m",
    }
    seen: set[str] = set()
    counter = [0]
    done = threading.Event()
    poller = threading.Thread(target=_poll_argv, args=(seen, done, counter), daemon=True)
    poller.start()
    try:
        proc = subprocess.run(
            ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=START_DEADLINE
        )
    finally:
        done.set()
        poller.join()
    try:
        if proc.returncode != 0:
            tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
            message = f"scripts/neo4j-local start failed (exit {proc.returncode}): {tail}"
            if in_ci():
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        conn = Connection.from_env(dict(re.findall(r"^export (NEO4J_[A-Z]+)=(\S*)$", proc.stdout, re.M)))
        assert conn is not None and conn.password, proc.stdout
        yield Started(conn, run_dir, seen, counter[0])
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=120, check=False)
        shutil.rmtree(run_dir / "data", ignore_errors=True)


@pytest.mark.neo4j
def test_start_never_shows_the_password_in_argv(own_server: Started):
    # The poll saw the admin tool that sets the password and the server itself: it was watching.
    assert any("org.neo4j.cli.AdminTool" in a and "set-initial-password" in a for a in own_server.argv)
    assert any("org.neo4j.server.CommunityEntryPoint" in a for a in own_server.argv)
    leaks = [a for a in own_server.argv if own_server.conn.password.lower() in a.lower()]
    assert leaks == [], f"password in argv ({own_server.polls} polls)"


@pytest.mark.neo4j
def test_logs_and_configuration_never_hold_the_password(own_server: Started):
    pw = own_server.conn.password.lower()
    files = [p for d in ("logs", "conf") for p in (own_server.run_dir / d).rglob("*") if p.is_file()]
    assert any(p.name == "console.log" for p in files) and any(p.name == "neo4j.log" for p in files)
    assert [p for p in files if pw in p.read_text(errors="replace").lower()] == []
    for holder in ("password", "env"):  # where it must be: readable by the owner only
        assert stat.S_IMODE((own_server.run_dir / holder).stat().st_mode) == 0o600


@pytest.mark.neo4j
def test_the_server_confines_file_access(own_server: Started):
    conf = (own_server.run_dir / "conf" / "neo4j.conf").read_text().splitlines()
    assert "dbms.security.allow_csv_import_from_file_urls=false" in conf
    assert f"server.directories.import={own_server.run_dir / 'import'}" in conf
    assert list((own_server.run_dir / "import").iterdir()) == []
    # Even with --write (no client-side refusal), the server reads no file.
    for url in ("file:///etc/passwd", "file:///../../../../etc/passwd", "file:///password"):
        with pytest.raises(CypherError, match="allow_csv_import_from_file_urls"):
            run_cypher(f"LOAD CSV FROM '{url}' AS l RETURN l", **own_server.conn.kwargs(), write=True)
