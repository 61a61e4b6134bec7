"""Run Cypher against Neo4j: connect with one-line errors, read-only by default, rows as plain dicts.

Both `vbgraph neo4j load` and `vbgraph neo4j cypher` connect through `connect()`, so every failure
reads the same way: an unreachable server names the URI and how to start one, refused
credentials name the user and never the password. Values reach Cypher only as parameters;
the text of a query is never assembled from user input here.

Read-only means a READ access-mode transaction (`session.execute_read`): the server itself
refuses any write in it, whatever the statement looks like, so there is no keyword guessing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

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
    """The URI without any user:password@ part, safe to print."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparsable URI>"
    if parts.username is None and parts.password is None:
        return uri
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _reason(e: BaseException) -> str:
    """The useful part of a driver message: "(reason [Errno 111] Connection refused)" → the reason."""
    text = _one_line(str(e)) or type(e).__name__
    m = re.search(r"\(reason (.+?)\)\s*$", text)
    return m.group(1) if m else text


def _scrub(text: str, password: str | None) -> str:
    return text.replace(password, "***") if password else text


def explain(e: BaseException, *, uri: str, user: str, password: str | None = None) -> Neo4jProblem:
    """The one-line error a person can act on, for a driver exception (the password is scrubbed)."""
    where = redact_uri(uri)
    if isinstance(e, Neo4jProblem):
        return e
    if isinstance(e, nx4.AuthError):
        msg = f"Neo4j refused the credentials for user {user} at {where}; check NEO4J_USERNAME and NEO4J_PASSWORD"
        return Neo4jAuthError(_scrub(msg, password))
    if isinstance(e, nx4.ServiceUnavailable | nx4.SessionExpired | ConnectionError):
        return Neo4jUnavailable(
            _scrub(f"cannot reach Neo4j at {where}: {_reason(e)}; {START_HINT}", password)
        )
    if isinstance(e, nx4.ConfigurationError):
        return Neo4jUnavailable(_scrub(f"cannot use Neo4j URI {where}: {_reason(e)}", password))
    if isinstance(e, nx4.Neo4jError):
        message = _one_line(e.message or str(e))
        if e.code == "Neo.ClientError.Statement.AccessMode":
            return ReadOnlyViolation(
                _scrub(
                    "the query writes to the database but runs read-only; nothing was changed "
                    "(allow writes with --write)",
                    password,
                )
            )
        if e.code and e.code.endswith("MemoryPoolOutOfMemoryError"):
            return CypherError(
                _scrub(
                    f"Neo4j at {where} ran out of transaction memory ({message}); give the server more memory "
                    "(e.g. VBGRAPH_NEO4J_HEAP=4g scripts/neo4j-local start) or load a transaction per batch "
                    "(vbgraph neo4j load --batched)",
                    password,
                )
            )
        if e.code == "Neo.ClientError.Database.DatabaseNotFound":
            return CypherError(_scrub(f"Neo4j at {where}: {message}", password))
        return CypherError(_scrub(f"Neo4j: {message} ({e.code})", password))
    if isinstance(e, nx4.DriverError):
        return CypherError(_scrub(f"Neo4j driver: {_one_line(str(e))}", password))
    raise TypeError(f"not a Neo4j error: {type(e).__name__}") from e


@contextmanager
def explained(*, uri: str, user: str, password: str | None = None) -> Iterator[None]:
    """Turn driver exceptions raised in the block into one-line `Neo4jProblem`s."""
    try:
        yield
    except (nx4.Neo4jError, nx4.DriverError, ConnectionError) as e:
        raise explain(e, uri=uri, user=user, password=password) from None


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
    scheme = uri.split("://", 1)[0] if "://" in uri else ""
    if scheme not in SCHEMES:
        raise Neo4jUnavailable(
            f"cannot use Neo4j URI {redact_uri(uri)}: the scheme must be one of "
            f"{', '.join(SCHEMES)} (e.g. bolt://localhost:7687)"
        )
    with explained(uri=uri, user=user, password=password):
        driver = neo4j.GraphDatabase.driver(
            uri, auth=(user, password), connection_timeout=timeout, user_agent="vbgraph", **config
        )
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
    """Run one query on an open driver: a READ transaction unless `write`, retried on transient errors."""
    if not isinstance(text, str) or not text.strip():
        raise CypherError("empty Cypher query")
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
        driver = connect(uri, user, password)
        try:
            return run_on(driver, text, params, database=database, write=write)
        finally:
            driver.close()


def json_default(value: Any) -> Any:
    """`json.dumps(default=…)` for rows: dates and times as ISO strings."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
