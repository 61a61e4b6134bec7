"""Run Cypher against Neo4j: connect with one-line errors, read-only by default, rows as plain dicts.

Both `vbgraph neo4j load` and `vbgraph neo4j cypher` connect through `connect()`, so every failure
reads the same way: an unreachable server names the URI and how to start one, refused
credentials name the user and never the password. Values reach Cypher only as parameters;
the text of a query is never assembled from user input here.

Read-only means a READ access-mode transaction (`session.execute_read`): the server itself
refuses any write in it, whatever the statement looks like. What a READ transaction still
allows but reaches outside the graph is refused before connecting: `LOAD CSV` (files and URLs
the server can read), procedures in `REFUSED_PROCEDURES` (server configuration, files, URLs,
background jobs, schema tokens) and `SHOW SETTINGS`. Clauses are found by a one-pass tokenizer
that skips string literals and comments, so text inside a string is never taken for a clause.

Errors leave this module through `explained` (so `explain`), which scrubs the password from the
message in every spelling: as given, lower-case (Neo4j lower-cases database names), upper-case.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import neo4j
from neo4j import exceptions as nx4

from vbgraph.errors import VbgraphError

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
START_HINT = "start one with scripts/neo4j-local start"


class Neo4jProblem(VbgraphError):
    """Base of the Neo4j errors: one line, never containing the password."""


class Neo4jUnavailable(Neo4jProblem):
    """The server cannot be reached (nothing listening, DNS, TLS, a dropped connection)."""


class Neo4jAuthError(Neo4jProblem):
    """The server refused the user name or password."""


class CypherError(Neo4jProblem):
    """The server refused a statement (syntax, unknown database, constraint violation …)."""


class ReadOnlyViolation(CypherError):
    """A statement tried to write in a read-only run."""


class UnsafeInReadOnly(ReadOnlyViolation):
    """A statement uses a clause that reaches outside the graph (LOAD CSV, CALL dbms.…) in a
    read-only run; it is refused before it reaches the server."""


class BadUri(Neo4jProblem, ValueError):
    """A URI the driver cannot use: `uri` (shown without any user:password@) and `reason`."""

    def __init__(self, uri: str, reason: str) -> None:
        super().__init__(redact_uri(uri), reason)

    @property
    def uri(self) -> str:
        return str(self.args[0])

    @property
    def reason(self) -> str:
        return str(self.args[1])

    def __str__(self) -> str:
        return f"cannot use Neo4j URI {shown_uri(self.uri)}: {self.reason}"


@dataclass(frozen=True)
class Connection:
    """Where and as whom to connect; the password is left out of repr() so it never lands in logs."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Connection | None:
        """NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE, or None without NEO4J_URI."""
        env = os.environ if env is None else env
        if not env.get("NEO4J_URI"):
            return None
        return cls(
            env["NEO4J_URI"],
            env.get("NEO4J_USERNAME") or DEFAULT_USER,
            env.get("NEO4J_PASSWORD") or "",
            env.get("NEO4J_DATABASE") or None,
        )

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `connect` / `run_cypher`."""
        return {"uri": self.uri, "user": self.user, "password": self.password, "database": self.database}


def redact_uri(uri: str) -> str:
    """The URI without any user:password@ part, safe to print; string work only, so a URI that
    does not parse (`bolt://u:pw@[::1`) loses its user part too. Everything up to the last "@"
    before any ?query or #fragment goes, even a "/" in a password (`bolt://u:p/w@h`)."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        scheme, rest = "", uri
    cut = [i for i in (rest.find(c) for c in "?#") if i >= 0]
    end = min(cut, default=len(rest))
    at = rest.rfind("@", 0, end)
    if at < 0:
        return uri
    return f"{scheme}{sep}{rest[at + 1 :]}"


def shown_uri(uri: str) -> str:
    """`uri` as an error line shows it: redacted, and "" rather than nothing."""
    return redact_uri(uri) or '""'


def check_uri(uri: str) -> None:
    """Raise `BadUri` unless the driver can use `uri`: a known scheme, a host, a port in range, no
    user or password (they go in --user and NEO4J_PASSWORD), no path or fragment, and no query
    on a bolt:// URI (a routing context is for neo4j://)."""
    if not uri.strip():
        raise BadUri(uri, "empty; write e.g. bolt://localhost:7687")
    scheme, sep, _ = uri.partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        raise BadUri(uri, f"the scheme must be one of {', '.join(SCHEMES)} (e.g. bolt://localhost:7687)")
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as e:
        raise BadUri(uri, _lower_first(_one_line(str(e)))) from None
    if parts.username is not None or parts.password is not None:
        raise BadUri(uri, "no user or password in the URI; use --user and NEO4J_PASSWORD")
    if not parts.hostname:
        raise BadUri(uri, "no host (e.g. bolt://localhost:7687)")
    if port == 0:
        raise BadUri(uri, "port 0 is not a port")
    if parts.path not in ("", "/") or parts.fragment:
        raise BadUri(uri, "a server URI has no path or #fragment (e.g. bolt://localhost:7687)")
    if parts.query and not scheme.lower().startswith("neo4j"):
        raise BadUri(uri, "only neo4j:// URIs take a ?routing context")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def scrub(text: str, secret: str | None) -> str:
    """`text` with `secret` written as *** wherever it appears, in any letter case (Neo4j
    lower-cases database names, so a password given as one comes back lower-cased)."""
    if not secret:
        return text
    for form in dict.fromkeys((secret, secret.lower(), secret.upper(), secret.casefold())):
        # A literal (escaped) pattern, no quantifier: no backtracking, linear in the text.
        text = re.sub(re.escape(form), "***", text, flags=re.IGNORECASE)
    return text


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _reason(e: BaseException) -> str:
    """The useful part of a driver message: "(reason [Errno 111] Connection refused)" → the reason."""
    text = _one_line(str(e)) or type(e).__name__
    m = re.search(r"\(reason (.+?)\)\s*$", text)
    return m.group(1) if m else text


def _problem(e: BaseException, *, where: str, user: str) -> Neo4jProblem:
    """The one-line error for a driver exception, not yet scrubbed."""
    if isinstance(e, nx4.AuthError):
        return Neo4jAuthError(
            f"Neo4j refused the credentials for user {user} at {where}; check NEO4J_USERNAME and NEO4J_PASSWORD"
        )
    if isinstance(e, nx4.ServiceUnavailable | nx4.SessionExpired | ConnectionError):
        return Neo4jUnavailable(f"cannot reach Neo4j at {where}: {_reason(e)}; {START_HINT}")
    if isinstance(e, nx4.ConfigurationError):
        return Neo4jUnavailable(f"cannot use Neo4j URI {where}: {_reason(e)}")
    if isinstance(e, nx4.Neo4jError):
        message = _one_line(e.message or str(e))
        if e.code == "Neo.ClientError.Statement.AccessMode":
            return ReadOnlyViolation(
                "the query writes to the database but runs read-only; nothing was changed "
                "(allow writes with --write)"
            )
        if e.code and e.code.endswith("MemoryPoolOutOfMemoryError"):
            return CypherError(
                f"Neo4j at {where} ran out of transaction memory ({message}); give the server more memory "
                "(e.g. VBGRAPH_NEO4J_HEAP=4g scripts/neo4j-local start) or load a transaction per batch "
                "(vbgraph neo4j load --batched)"
            )
        if e.code == "Neo.ClientError.Database.DatabaseNotFound":
            return CypherError(f"Neo4j at {where}: {message}")
        return CypherError(f"Neo4j: {message} ({e.code})")
    if isinstance(e, nx4.DriverError):
        return CypherError(f"Neo4j driver: {_one_line(str(e))}")
    raise TypeError(f"not a Neo4j error: {type(e).__name__}") from e


def explain(e: BaseException, *, uri: str, user: str, password: str | None = None) -> Neo4jProblem:
    """The one-line error a person can act on, for a driver exception or a `Neo4jProblem`.

    The one place messages leave this layer: every argument of the returned error has the
    password scrubbed (`scrub`), in any letter case."""
    problem = e if isinstance(e, Neo4jProblem) else _problem(e, where=redact_uri(uri), user=user)
    problem.args = tuple(scrub(str(a), password) for a in problem.args)
    return problem


@contextmanager
def explained(*, uri: str, user: str, password: str | None = None) -> Iterator[None]:
    """Turn driver exceptions and `Neo4jProblem`s raised in the block into scrubbed one-line errors."""
    try:
        yield
    except (Neo4jProblem, nx4.Neo4jError, nx4.DriverError, ConnectionError) as e:
        raise explain(e, uri=uri, user=user, password=password) from None


# -- what a read-only run refuses --------------------------------------------------------------

# Procedures a READ transaction may run that reach outside the graph, by lower-cased name prefix:
# server configuration and administration (dbms.*), schema tokens (db.create*), files and URLs
# (APOC load/import/export, runFile), the system database, the server log and background jobs
# that outlive the query (apoc.periodic).
REFUSED_PROCEDURES = (
    "dbms.",
    "db.create",
    "apoc.load.",
    "apoc.import.",
    "apoc.export.",
    "apoc.cypher.runfile",
    "apoc.cypher.runschemafile",
    "apoc.systemdb.",
    "apoc.log.",
    "apoc.periodic.",
)

# One token per match. Alternatives start with different characters and no quantifier is nested
# in another over the same characters, so a scan is linear in the text. Unterminated strings and
# comments run to the end.
_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>//[^\n]*|/\*(?:[^*]|\*(?!/))*(?:\*/)?)
    | (?P<string>'[^'\\]*(?:\\.[^'\\]*)*'?|"[^"\\]*(?:\\.[^"\\]*)*"?)
    | (?P<name>`[^`]*(?:``[^`]*)*`?)
    | (?P<word>\$?\w+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def cypher_tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every token of `text` but spaces and comments: `word`, `name` (a
    backquoted name, unquoted), `string` (a literal, its text left out) or `other` (one character)."""
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        value = m.group()
        if kind == "string":
            value = ""
        elif kind == "name":
            value = value[1:].removesuffix("`").replace("``", "`")
        out.append((kind, value))
    return out


def _dotted_name(tokens: list[tuple[str, str]], start: int) -> str:
    """The procedure name (`db.labels`, `` `dbms`.`listConfig` ``) that starts at `tokens[start]`."""
    parts: list[str] = []
    i = start
    while i < len(tokens) and tokens[i][0] in ("word", "name"):
        parts.append(tokens[i][1])
        if i + 1 < len(tokens) and tokens[i + 1] == ("other", "."):
            i += 2
        else:
            break
    return ".".join(parts)


def unsafe_clause(text: str) -> str | None:
    """The first clause of `text` a read-only run refuses ("LOAD CSV", "CALL dbms.listConfig",
    "SHOW SETTINGS"), or None. Keywords in any letter case; strings and comments are skipped.

    Examples
    --------
    >>> unsafe_clause("load /* x */ csv from 'file:///etc/passwd' as l return l")
    'LOAD CSV'
    >>> unsafe_clause("RETURN 'LOAD CSV FROM x' AS s // CALL dbms.listConfig()") is None
    True
    >>> unsafe_clause("CALL `dbms`.listConfig()")
    'CALL dbms.listConfig'
    """
    tokens = cypher_tokens(text)
    for i, (kind, value) in enumerate(tokens):
        if kind != "word":
            continue
        word = value.upper()
        after = tokens[i + 1][1].upper() if i + 1 < len(tokens) and tokens[i + 1][0] == "word" else ""
        if word == "LOAD" and after == "CSV":
            return "LOAD CSV"
        if word == "SHOW" and after in ("SETTING", "SETTINGS"):
            return "SHOW SETTINGS"
        if word == "CALL":
            name = _dotted_name(tokens, i + 1)
            if name.lower().startswith(REFUSED_PROCEDURES):
                return f"CALL {name}"
    return None


_WHY = {
    "LOAD CSV": "reads files and URLs on the server",
    "SHOW SETTINGS": "reads the server's configuration",
}


def check_read_only(text: str) -> None:
    """Raise `UnsafeInReadOnly` if `text` uses a clause a read-only run refuses (`unsafe_clause`)."""
    clause = unsafe_clause(text)
    if clause is not None:
        why = _WHY.get(clause, "reaches outside the graph")
        raise UnsafeInReadOnly(
            f"{clause} {why}; a read-only query may not use it, nothing was run (allow it with --write)"
        )


def connect(
    uri: str = DEFAULT_URI,
    user: str = DEFAULT_USER,
    password: str = "",
    *,
    database: str | None = None,
    timeout: float = 5.0,
    **config: Any,
) -> neo4j.Driver:
    """An open, verified driver (connectivity and credentials checked now, not at the first query).

    `database` is accepted so a `Connection.kwargs()` can be passed as is; sessions choose it.
    `config` goes to the driver (e.g. `max_transaction_retry_time`).
    """
    del database
    with explained(uri=uri, user=user, password=password):
        check_uri(uri)
        try:
            driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=timeout, user_agent="vbgraph", **config
            )
        except (ValueError, nx4.ConfigurationError) as e:  # what check_uri does not know about
            raise BadUri(uri, _lower_first(_one_line(str(e)))) from None
        try:
            driver.verify_connectivity()
        except BaseException:
            driver.close()
            raise
    return driver


class Rows(list):
    """A list of row dicts that also knows its column names (kept when there are no rows)."""

    def __init__(self, rows: list[dict] | None = None, columns: list[str] | None = None):
        super().__init__(rows or [])
        self.columns: list[str] = list(columns or [])


def to_plain(value: Any) -> Any:
    """Neo4j values as plain Python: temporal → datetime types, nodes/relationships → dicts."""
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: to_plain(v) for k, v in sorted(value.items())}}
    if isinstance(value, neo4j.graph.Relationship):
        ends = {
            f"_{side}": node.get("id")
            for side, node in (("start", value.start_node), ("end", value.end_node))
            if node is not None and node.get("id") is not None
        }
        return {"_type": value.type, **ends, **{k: to_plain(v) for k, v in sorted(value.items())}}
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time):
        return value.to_native()
    if isinstance(value, neo4j.spatial.Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


def read_list_of_dicts_tx(tx: neo4j.ManagedTransaction, query: str, params: Mapping[str, Any]) -> Rows:
    """Transaction function: all rows of `query` as plain dicts (cartography's read_list_of_dicts_tx)."""
    result = tx.run(query, dict(params))
    keys = list(result.keys())
    return Rows([{k: to_plain(v) for k, v in zip(keys, rec.values(), strict=True)} for rec in result], keys)


def run_on(
    driver: neo4j.Driver,
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str | None = None,
    write: bool = False,
) -> Rows:
    """Run one query on an open driver: a READ transaction unless `write`, retried on transient errors.

    Read-only, a query using a clause that reaches outside the graph is refused (`check_read_only`)."""
    if not isinstance(text, str) or not text.strip():
        raise CypherError("empty Cypher query")
    if not write:
        check_read_only(text)
    with driver.session(
        database=database, default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    ) as session:
        fn = session.execute_write if write else session.execute_read
        return fn(read_list_of_dicts_tx, text, dict(params or {}))


def run_cypher(
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    uri: str,
    user: str,
    password: str,
    database: str | None = None,
    write: bool = False,
) -> Rows:
    """Connect, run `text` with `params` (read-only unless `write`) and return the rows as plain dicts."""
    with explained(uri=uri, user=user, password=password):
        if not write and isinstance(text, str):
            check_read_only(text)  # before connecting: a refused query needs no server
        driver = connect(uri, user, password)
        try:
            return run_on(driver, text, params, database=database, write=write)
        finally:
            driver.close()


@contextmanager
def reader(
    *, uri: str, user: str, password: str, database: str | None = None
) -> Iterator[Callable[[str, Mapping[str, Any] | None], Rows]]:
    """One connection for several read-only queries: yields `run(text, params)`, which is
    `run_cypher` without connecting each time. Errors are one-line `Neo4jProblem`s; other
    exceptions raised in the block (a REF that matches nothing) pass through as they are."""
    with explained(uri=uri, user=user, password=password):
        driver = connect(uri, user, password)

        def read(text: str, params: Mapping[str, Any] | None = None) -> Rows:
            return run_on(driver, text, params, database=database)

        try:
            yield read
        finally:
            driver.close()


def json_default(value: Any) -> Any:
    """`json.dumps(default=…)` for rows: dates and times as ISO strings."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
