"""`vbgraph neo4j load` and `vbgraph cypher`: thin typer wiring over the Neo4j writer and runner.

Wired into the main app with::

    from vbgraph.cli_neo4j import cypher, neo4j_app
    app.add_typer(neo4j_app, name="neo4j")
    app.command()(cypher)

Credentials come from NEO4J_USERNAME / NEO4J_PASSWORD (what `scripts/neo4j-local start`
exports) or a hidden prompt; `--password` exists but shows in `ps`. No message ever contains
the password. Exit codes: 0 ok, 1 Neo4j or store failure, 2 usage error.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from vbgraph.errors import VbgraphError

neo4j_app = typer.Typer(
    help="Neo4j: load the graph into a server (see also `vbgraph cypher`).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

UriOpt = Annotated[str, typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI of the server.")]
UserOpt = Annotated[str, typer.Option("--user", envvar="NEO4J_USERNAME", help="Neo4j user.")]
PasswordOpt = Annotated[
    str | None,
    typer.Option("--password", envvar="NEO4J_PASSWORD", show_default=False,
                 help="Neo4j password; prefer the NEO4J_PASSWORD variable (a flag shows in `ps`). "
                      "Asked for, hidden, when missing in a terminal."),
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option("--database", envvar="NEO4J_DATABASE", show_default=False,
                 help="Database (default: the server's default database)."),
]
StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", envvar="VBGRAPH_STORE", help="Store folder (default ./.vbgraph).", show_default=False),
]

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _password(password: str | None) -> str:
    """The password from the option/env, else a hidden prompt in a terminal; never echoed."""
    if password:
        return password
    if sys.stdin.isatty():
        return typer.prompt("Neo4j password", hide_input=True)
    raise _fail("no Neo4j password: set NEO4J_PASSWORD (e.g. eval \"$(scripts/neo4j-local start)\")", 2)


def _graph(store: Path | None):
    from vbgraph.cli import _graph as store_graph  # the main CLI's, so both say the same

    return store_graph(store)


@neo4j_app.command("load")
def load(
    store: StoreOpt = None,
    uri: UriOpt = DEFAULT_URI,
    user: UserOpt = DEFAULT_USER,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per UNWIND batch.")] = 2000,
    batched: Annotated[bool, typer.Option(
        "--batched", help="A transaction per batch, for graphs too big for one transaction; a failure "
                          "part-way leaves a partial load that running it again completes.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Write the store's graph to Neo4j in one transaction; a re-load removes what the store no longer has."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from vbgraph.exports.neo4j_writer import write_neo4j

    G = _graph(store)
    secret = _password(password)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   console=Console(stderr=True), transient=True, disable=quiet or not sys.stderr.isatty())
    try:
        with bar:
            task = bar.add_task("writing", total=None)
            result = write_neo4j(G, uri=uri, user=user, password=secret, database=database, batch_size=batch_size,
                                 single_transaction=not batched, progress=lambda stage, done, total: bar.update(
                                     task, description=f"writing {stage}", completed=done, total=total))
    except VbgraphError as e:
        raise _fail(str(e)) from e
    if quiet:
        return
    from vbgraph.queries.neo4j_runner import redact_uri

    def counts(d: dict[str, int]) -> str:
        return ", ".join(f"{v} {k}" for k, v in d.items() if v) or "none"

    typer.echo(f"loaded into {redact_uri(uri)} (database {database or 'default'}), run {result.run_id}")
    typer.echo(f"  nodes: {result.node_total} ({counts(result.nodes)})")
    typer.echo(f"  relationships: {result.relationship_total} ({counts(result.relationships)})")
    typer.echo(f"  new: {result.nodes_created} nodes, {result.relationships_created} relationships; removed: "
               f"{result.nodes_deleted} stale nodes, {result.relationships_deleted} stale relationships")


def parse_params(items: list[str] | None) -> dict[str, Any]:
    """`name=value` gives a string; `name:=JSON` a number, boolean, list, map or null."""
    out: dict[str, Any] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"{item!r}: write name=value or name:=JSON", param_hint="--param")
        if name.endswith(":"):
            name = name[:-1]
            try:
                out[name] = json.loads(value)
            except ValueError as e:
                raise typer.BadParameter(f"{item!r}: not JSON ({e})", param_hint="--param") from e
        else:
            out[name] = value
        if not name.isidentifier():
            raise typer.BadParameter(f"{item!r}: {name!r} is not a parameter name", param_hint="--param")
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def emit(rows: list[dict], columns: list[str], fmt: str) -> None:
    """Rows as a table (stdout; a note on stderr when empty), JSON or CSV."""
    columns = list(columns) or list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "json":
        from vbgraph.queries.neo4j_runner import json_default

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=json_default))
    elif fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table

        t = Table(show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*(_cell(r.get(c)) for c in columns))
        Console(highlight=False, soft_wrap=False).print(t)
        if not rows:
            typer.echo("(no rows)", err=True)


FORMATS = ("table", "json", "csv")


def cypher(
    query: Annotated[str, typer.Argument(help="Cypher text, or - to read it from stdin. Put values in --param.")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="name=value (a string) or name:=JSON (number, list, null…); repeatable. "
                              "Use as $name in the query.")] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to change the database.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    uri: UriOpt = DEFAULT_URI,
    user: UserOpt = DEFAULT_USER,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Run a Cypher query against Neo4j, read-only unless --write; values only as parameters."""
    from vbgraph.queries.neo4j_runner import connect, explained, run_on

    if fmt not in FORMATS:
        raise _fail(f"unknown --format {fmt!r}; choose table, json or csv", 2)
    params = parse_params(param)
    text = sys.stdin.read() if query == "-" else query
    secret = _password(password)
    try:
        with explained(uri=uri, user=user, password=secret):
            driver = connect(uri, user, secret)
            try:
                rows = run_on(driver, text, params, database=database, write=write)
            finally:
                driver.close()
    except VbgraphError as e:
        raise _fail(str(e)) from e
    emit(list(rows), rows.columns, fmt)
