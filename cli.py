"""The `vbgraph` command: thin typer wiring over library functions.

One way to do each thing. The store is `--store` (or VBGRAPH_STORE). A command that prints rows or
a card takes `--format table|json|csv` (`--json` is the same as `--format json`) and prints
through `_emit`. A command that cannot go on ends in `_fail`: one line `error: …` on stderr and
the exit code. Everything that talks to a Neo4j server is under `vbgraph neo4j`.

Exit codes: 0 ok, 1 failure (a file could not be read, a store problem, a document not found,
Neo4j refused), 2 usage error or an ambiguous REF (the candidates are listed).
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import textwrap
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from vbgraph import __version__
from vbgraph.errors import AmbiguousReference, DocumentNotFound, VbgraphError

if TYPE_CHECKING:  # imported where used: `vbgraph --help` and the Neo4j commands never load them
    from rich.console import Console

    from vbgraph.graph.store import Store

app = typer.Typer(
    help="Knowledge graph of Vietnamese Party and State documents: what implements, replaces and cites what.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
neo4j_app = typer.Typer(
    help="Neo4j: load the graph into a server, run Cypher or a canned research question there.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(neo4j_app, name="neo4j")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"vbgraph {__version__}")  # the same line as the entry point's (__main__.py)
        raise typer.Exit()


@app.callback()
def _options(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help="On an unexpected error, show its traceback too (also after the command, "
            "or VBGRAPH_DEBUG=1).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and stop."),
    ] = False,
) -> None:
    # `main` reads --debug wherever it stands; declared here so that --help lists it.
    pass


FORMATS = ("table", "json", "csv")
# neo4j_runner's defaults, repeated: importing it loads the driver, too slow for every command.
DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"


# -- errors and output ------------------------------------------------------------------------


# and lone surrogates: the bytes of a file name in another encoding (they cannot be printed)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)


def _visible(text: Any) -> str:
    """Text from a document or a file name as a terminal must show it: control characters (ESC and
    OSC sequences, carriage returns, bidirectional overrides) written as escapes, never acted on."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", str(text))


def _shown(text: Any) -> str:
    """`_visible` text inside Rich markup: its own brackets are not markup ("[/dim]" in a title)."""
    from rich.markup import escape

    return escape(_visible(text))


def _error(message: str) -> None:
    """`error: message` as one line on stderr (red on a terminal, plain in a pipe)."""
    typer.echo(f"{typer.style('error:', fg='red')} {_visible(message)}", err=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    """The one way a command stops: print the error line now; the caller raises what this returns.
    Code 1 for a failure, 2 for a usage error."""
    _error(message)
    return typer.Exit(code)


def _deprecated(old: str, new: str) -> None:
    typer.echo(f"note: `vbgraph {old}` is now `vbgraph {new}`; the old spelling will go", err=True)


def _console(err: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=err, highlight=False, soft_wrap=False)


def _json_default(value: Any) -> Any:
    from vbgraph.queries.neo4j_runner import json_default  # only rows from Neo4j hold dates

    return json_default(value)


def _cell(value: Any) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


Columns = Sequence[tuple[str, str]]  # (key in the rows, heading in the table)
LONG_TABLE = 200  # rows beyond which a table is printed as plain aligned text (a framed one takes seconds)
WIDEST = 60  # characters a column of a plain table is padded to at most


def _plain_table(headings: list[str], columns: list[list[str]]) -> None:
    """Columns of cells under their headings, aligned, as plain text: a long listing (every body of
    a store, every implementation) prints in a blink, and no cell is read as markup. Control
    characters are looked for once in all the cells, escaped only where there are any."""
    if _CONTROL.search("\n".join(map("\n".join, columns))):
        columns = [list(map(_visible, column)) for column in columns]
    widths = [
        min(WIDEST, max(len(h), max(map(len, c), default=0))) for h, c in zip(headings, columns, strict=True)
    ]
    line = "  ".join(f"{{:<{w}}}" for w in widths).format
    rows = [headings, ["-" * w for w in widths], *zip(*columns, strict=True)]
    typer.echo("\n".join(line(*row).rstrip() for row in rows))


def _cells(rows: list[dict], key: str) -> list[str]:
    """A column's cells: its values as text (most are text already: no call for them)."""
    return [v if type(v) is str else _cell(v) for v in map(methodcaller("get", key), rows)]


def _json_text(data: Any) -> str:
    """`data` as the json format prints it (`_json_pieces`)."""
    return "".join(_json_pieces(data))


JSON_PIECE = 2000  # rows written at a time: a listing of 400,000 tasks is never one string


def _json_pieces(data: Any) -> Iterator[str]:
    """Rows (a list of objects) one to a line, as sqlite-utils prints them: a file that `grep`,
    `head` and `diff` read a row at a time, written by the JSON module's C encoder (indenting
    takes its Python one: twice as slow on 100k rows), a few thousand rows at a time. Anything
    else indented by two."""
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        encode = _row_encoder()
        for i in range(0, len(data), JSON_PIECE):
            yield ("[\n" if i == 0 else ",\n") + ",\n".join(map(encode, data[i : i + JSON_PIECE]))
        yield "\n]"
        return
    yield json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)


def _row_encoder() -> Callable[[Any], str]:
    """`JSONEncoder.encode` with one C encoder for all the rows: `encode` makes a new one for each
    call, 40 % of the time of 100k rows. Where the C encoder is not there, or takes other
    arguments than CPython's of 3.11 to 3.14, the encoder as documented."""
    encoder = json.JSONEncoder(ensure_ascii=False, default=_json_default)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    try:
        one = make({}, encoder.default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
        sample = {"a": [1, 2.5, None, True], "b": '"ơ"\n'}
        if "".join(one(sample, 0)) != encoder.encode(sample):
            return encoder.encode
    except TypeError:  # another signature
        return encoder.encode
    return lambda row: "".join(one(row, 0))


def _emit(
    data: Any,
    columns: Columns,
    fmt: str,
    json_out: bool = False,
    *,
    rows: list[dict] | None = None,
    table: Callable[[Any], None] | None = None,
    empty: str = "(nothing matches)",
) -> None:
    """The one output helper. json: `data` as it is. csv: `rows` (default: `data`) flat, one column
    per key, with the csv module. table: `table(data)` for a command's own view (a card, a tree),
    else the rows under the headings. A pipe gets no colour codes; an empty list says so on stderr."""
    if json_out or fmt == "json":
        for piece in _json_pieces(data):
            sys.stdout.write(piece)
        sys.stdout.write("\n")
        return
    rows = data if rows is None else rows
    keys = [k for k, _ in columns] or list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "csv":  # text that a spreadsheet would run as a formula gets a ' in front (exports/cells.py)
        from vbgraph.exports.cells import csv_line, neutral

        sys.stdout.write(csv_line(keys))
        for r in rows:
            sys.stdout.write(
                csv_line(neutral(v) if isinstance(v, str) else _cell(v) for v in map(r.get, keys))
            )
        return
    if table is not None:
        table(data)
    elif len(rows) > LONG_TABLE:
        _plain_table([h for _, h in columns] or keys, [_cells(rows, k) for k in keys])
    else:
        from rich.table import Table
        from rich.text import Text

        t = Table(show_lines=False)
        for heading in [h for _, h in columns] or keys:
            t.add_column(heading, overflow="fold")
        for r in rows:
            t.add_row(*(Text(_visible(_cell(r.get(k)))) for k in keys))
        _console().print(t)
    if isinstance(data, list) and not data:
        typer.echo(empty, err=True)


@contextmanager
def _progress(what: str, quiet: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A transient bar on a stderr terminal (none in a pipe or with -q); yields step(label, done, total)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=_console(err=True), transient=True, disable=quiet or not sys.stderr.isatty()
    ) as bar:
        task = bar.add_task(what, total=None)
        yield lambda label, done, total: bar.update(
            task, description=_visible(label), completed=done, total=total
        )


# -- options, declared once -------------------------------------------------------------------


def _check_format(value: str) -> str:
    if value not in FORMATS:
        raise _fail(f"unknown --format {value!r}; choose table, json or csv", 2)
    return value


StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store", envvar="VBGRAPH_STORE", help="Store folder (default ./.vbgraph).", show_default=False
    ),
]
FormatOpt = Annotated[
    str,
    typer.Option("--format", callback=_check_format, metavar="table|json|csv", help="table, json or csv."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="The same as --format json.")]
UriOpt = Annotated[str, typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI of the server.")]
UserOpt = Annotated[str, typer.Option("--user", envvar="NEO4J_USERNAME", help="Neo4j user.")]
PasswordOpt = Annotated[
    str | None,
    typer.Option(
        "--password",
        envvar="NEO4J_PASSWORD",
        show_default=False,
        help="Neo4j password; prefer the NEO4J_PASSWORD variable (a flag shows in `ps`). "
        "Asked for, hidden, when missing in a terminal.",
    ),
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        envvar="NEO4J_DATABASE",
        show_default=False,
        help="Database (default: the server's default database).",
    ),
]


# -- argument handling ------------------------------------------------------------------------


def _new_store(store: Path | None) -> Store:
    """A `Store` at `store`, imported on first use: the model and its loaders cost a tenth of a
    second, which `vbgraph --help` and the Neo4j commands need not pay."""
    from vbgraph.graph.store import Store

    return Store(store)


def _open(store: Path | None) -> tuple[Store, Any]:
    """The store and its graph; a missing or unreadable store is one line and exit 1."""
    s = _new_store(store)
    if not s.exists():
        raise _fail(f"{s.dir}: no store here yet; run `vbgraph ingest PATH…` first (or pass --store)")
    try:
        return s, s.graph
    except VbgraphError as e:
        raise _fail(str(e)) from e


def _graph(store: Path | None):
    return _open(store)[1]


def _resolve(G, ref: str) -> str:
    from vbgraph.queries.lookup import resolve_ref

    try:
        return resolve_ref(G, ref)
    except (DocumentNotFound, AmbiguousReference) as e:
        raise _not_one(e, G) from e


def _not_one(e: DocumentNotFound | AmbiguousReference, G) -> typer.Exit:
    """No document, or several: one line, and the candidates when there are some."""
    from vbgraph.queries.lookup import describe

    if isinstance(e, DocumentNotFound):
        return _fail(str(e))
    stop = _fail(f"{e}; candidates:", 2)
    described = getattr(e, "described", None)  # found in Neo4j: described by the server's rows
    for i, c in enumerate(e.candidates):
        typer.echo(f"  {c}  {described[i] if described else describe(G, c)}", err=True)
    return stop


def _store(store: Path | None) -> Store:
    """The store, for questions its indexes answer without loading the whole graph."""
    s = _new_store(store)
    if not s.exists():
        raise _fail(f"{s.dir}: no store here yet; run `vbgraph ingest PATH…` first (or pass --store)")
    return s


def _resolve_in(s: Store, ref: str):
    """(id, the part of the graph holding it) of the one document `ref` means, or exit."""
    from vbgraph.queries.lookup import resolve_in_store

    try:
        return resolve_in_store(s, ref)
    except DocumentNotFound as e:
        raise _not_one(e, None) from e
    except AmbiguousReference as e:
        raise _not_one(e, s.subgraph(e.candidates)) from e
    except VbgraphError as e:
        raise _fail(str(e)) from e


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


def _params(items: list[str] | None) -> dict[str, Any]:
    try:
        return parse_params(items)
    except typer.BadParameter as e:
        raise _fail(f"--param {e.message}", 2) from e


def _password(password: str | None) -> str:
    """The password from the option or NEO4J_PASSWORD, else a hidden prompt in a terminal; never echoed."""
    if password:
        return password
    if sys.stdin.isatty():
        return typer.prompt("Neo4j password", hide_input=True)
    raise _fail('no Neo4j password: set NEO4J_PASSWORD (e.g. eval "$(scripts/neo4j-local start)")', 2)


def _check_uri(uri: str, user: str, password: str | None) -> None:
    """Go on if the driver can use `uri`, else one line `--uri VALUE: reason` and exit 2 (the value
    without any user:password@, the password scrubbed)."""
    from vbgraph.queries.neo4j_runner import BadUri, check_uri, explained

    try:
        with explained(uri=uri, user=user, password=password):
            check_uri(uri)
    except BadUri as e:
        raise _bad_uri(e.uri, e.reason) from None


def _bad_uri(uri: str, reason: str) -> typer.Exit:
    """A `BadUri` (already scrubbed by the Neo4j layer) as the usage error `--uri VALUE: reason`."""
    from vbgraph.queries.neo4j_runner import shown_uri

    return _fail(f"--uri {shown_uri(uri)}: {reason}", 2)


def _alias(command: Callable[..., None], old: str, new: str) -> Callable[..., None]:
    """`command` under its old name, with the same options and a one-line note on stderr."""

    @functools.wraps(command)
    def alias(*args: Any, **kwargs: Any) -> None:
        _deprecated(old, new)
        command(*args, **kwargs)

    return alias


# -- commands ---------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files (.txt, .md, .pdf, .docx, .doc, .odt, .rtf, .html, .htm; scans as .png, .jpg, .tif "
            "with --ocr) or folders, read recursively."
        ),
    ],
    store: StoreOpt = None,
    ocr: Annotated[
        bool,
        typer.Option(
            "--ocr", help="Recognise scanned PDF pages and scan images with Tesseract (Vietnamese model)."
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes that parse files (default: all cores)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also print every warning.")] = False,
) -> None:
    """Read texts into the store. Unchanged files are skipped unread; new files merge in."""
    s = _new_store(store)
    try:
        with _progress("reading", quiet) as step:
            report = s.ingest(
                paths,
                ocr=ocr,
                jobs=jobs,
                progress=lambda f, done, total: step(f"reading {f.name}", done, total),
            )
    except VbgraphError as e:
        raise _fail(str(e)) from e
    _print_ingest_notes(report, quiet, verbose)
    if not (report.changed or report.unchanged or report.failed):
        from vbgraph.loaders.read import supported

        raise _fail(f"no file to read ({len(report.skipped)} skipped); vbgraph reads {supported()}")
    if not quiet:
        n = s.counts()
        _console().print(
            f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            + (f"{len(report.moved)} moved, " if report.moved else "")
            + (f"{len(report.reextracted)} re-extracted, " if report.reextracted else "")
            + f"{len(report.failed)} failed, {len(report.skipped)} skipped; store {_shown(s.dir)}: "
            f"{n['documents']} documents, {n['relations']} relations, "
            f"{n['obligations']} obligations, {n['warnings']} warnings"
        )
    if report.failed:
        raise typer.Exit(1)


def _print_ingest_notes(report, quiet: bool, verbose: bool) -> None:
    for path, reason in report.failed:
        _error(f"{path}: {reason}")
    for path, reason in [] if quiet else report.skipped:
        typer.echo(f"skipped: {_visible(path)}: {_visible(reason)}", err=True)
    for was, now in [] if quiet else report.moved:
        typer.echo(f"moved: {_visible(was)} is now {_visible(now)}", err=True)
    if report.reextracted and not quiet:
        typer.echo(
            f"re-extracted {len(report.reextracted)} files read by an earlier version of vbgraph", err=True
        )
    if report.reresolved and not quiet:
        typer.echo("resolved the whole store again: another version of vbgraph had resolved it", err=True)
    for w in report.warnings if verbose else []:
        typer.echo(f"warning: {_visible(w)}", err=True)


@app.command()
def export(
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json (graph-json-v1), ttl, jsonld, nt (RDF), graphml (Gephi), csv (neo4j-admin; -o FOLDER).",
        ),
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Write the graph in an open format."""
    from vbgraph.exports import FORMATS as WRITERS

    G = _graph(store)
    writer = WRITERS.get(format)
    if writer is None:
        raise _fail(f"unknown format {format!r}; choose one of: {', '.join(sorted(WRITERS))}", 2)
    if output is not None and format != "csv" and output.is_dir():
        raise _fail(f"{output}: is a folder; give the file to write (only csv writes a folder)", 2)
    try:
        result = writer(G, sys.stdout if output is None else output)
    except ValueError as e:
        raise _fail(str(e), 2) from e
    except OSError as e:  # a full disk, no permission: the file is left as it was (written atomically)
        where = output if output is not None else e.filename  # the file asked for, not a temporary one
        raise _fail(f"{where}: cannot write ({e.strerror or e})") from e
    if format == "graphml" and result:  # how many characters XML cannot carry were replaced
        from vbgraph.exports.graphml import replaced_note

        typer.echo(f"note: {replaced_note(result)}", err=True)
    if output is not None:
        typer.echo(f"wrote {_visible(output)}", err=True)


_CARD_COLUMNS = [
    (k, k)
    for k in ("document", "direction", "type", "label", "other", "other_label", "file", "line", "quote")
]


@app.command()
def show(
    ref: Annotated[
        str, typer.Argument(help="109-NQ/TU, 109-NQ/TU@2016, 'NQ 109', an id or words of a name.")
    ],
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """One document's card: identity, issuer, date, title, source lines, relations with evidence.

    With --format csv: one row per relation and quote."""
    from vbgraph.queries.lookup import document_card

    s = _store(store)
    nid, _ = _resolve_in(s, ref)
    card = document_card(s.neighbours(nid), nid)
    _emit(card, _CARD_COLUMNS, fmt, json_out, rows=_card_rows(card), table=_print_card)


def _card_rows(card: dict) -> list[dict]:
    """A card's relations, flat: one row per relation and piece of evidence."""
    return [
        {
            "document": card["id"],
            "direction": direction,
            **{k: r.get(k) for k in ("type", "label", "other", "other_label")},
            **{k: e.get(k) for k in ("file", "line", "quote")},
        }
        for direction, key in (("out", "relations_out"), ("in", "relations_in"))
        for r in card[key]
        for e in (r["evidence"] or [{}])
    ]


def _print_card(card: dict) -> None:
    out = _console()
    title = card.get("symbol") or card.get("name") or card["id"]
    out.print(f"[bold]{_shown(card.get('type') or '')} {_shown(title)}[/bold]".strip())
    rows = [
        ("id", card["id"]),
        ("date", card.get("date")),
        ("issuer", card.get("issuer")),
        ("jurisdiction", card.get("jurisdiction")),
        ("title", card.get("title")),
        ("signer", card.get("signer")),
    ]
    src = card.get("source")
    rows.append(
        (
            "source",
            f"{src['file']} lines {src['first_line']}–{src['last_line']}"
            if src
            else "not in corpus (cited only)",
        )
    )
    for k, v in rows:
        if v:
            out.print(f"  [dim]{k:>12}[/dim]  {_shown(v)}")
    if card.get("obligations"):
        out.print(
            f"\n[bold]Obligations it sets[/bold] ({card['obligations']}): "
            f"vbgraph obligations --document {_shown(card['id'])}",
            markup=True,
        )
    for heading, key, arrow in (
        ("Relations from this document", "relations_out", "→"),
        ("Relations to this document", "relations_in", "←"),
    ):
        rels = card[key]
        if not rels:
            continue
        out.print(f"\n[bold]{heading}[/bold] ({len(rels)})")
        for r in rels:
            out.print(
                f"  {arrow} [cyan]{_shown(r['label'])}[/cyan] ({r['type']}) {_shown(r['other_label'])}",
                markup=True,
            )
            for e in r["evidence"][:3]:
                out.print(f"      [dim]{_shown(_where(e))}[/dim] “{_shown(e['quote'][:160])}”")
            if len(r["evidence"]) > 3:
                out.print(f"      [dim]… {len(r['evidence']) - 3} more[/dim]")


@app.command()
def stats(store: StoreOpt = None, fmt: FormatOpt = "table", json_out: JsonOpt = False) -> None:
    """Counts by type, level and relation; ambiguous references and date conflicts."""
    from vbgraph.queries.stats import store_stats

    data = store_stats(_store(store))
    _emit(
        data,
        [("group", "group"), ("key", "key"), ("count", "count")],
        fmt,
        json_out,
        rows=_stats_rows(data),
        table=_print_stats,
    )


_NAMED_ISSUES = ("ambiguous-reference", "date-conflict")


def _stats_rows(data: dict) -> list[dict]:
    rows = [
        {"group": "total", "key": k, "count": data[k]}
        for k in ("files", "documents", "in_corpus", "relations")
    ]
    rows += [
        {"group": g, "key": k, "count": v}
        for g in ("by_type", "by_level", "by_relation")
        for k, v in data[g].items()
    ]
    return rows + [
        {"group": "issues", "key": k, "count": v}
        for k, v in sorted(Counter(i["kind"] for i in data["issues"]).items())
    ]


def _print_stats(data: dict) -> None:
    from rich.table import Table

    out = _console()
    out.print(
        f"[bold]{data['documents']} documents[/bold] ({data['in_corpus']} with text), "
        f"{data['relations']} relations, {data['files']} files"
    )
    for title, key in (
        ("documents by type", "by_type"),
        ("documents by level", "by_level"),
        ("relations by type", "by_relation"),
    ):
        t = Table(title=title, title_justify="left", show_edge=False)
        t.add_column("")
        t.add_column("count", justify="right")
        for k, v in data[key].items():
            t.add_row(str(k), str(v))
        out.print(t)
    for kind in _NAMED_ISSUES:
        items = [i for i in data["issues"] if i["kind"] == kind]
        if items:
            out.print(f"\n[bold]{kind}[/bold] ({len(items)})")
            for i in items:
                out.print(f"  {_visible(_where(i))}  {_visible(i['message'])}", markup=False)
    other = Counter(i["kind"] for i in data["issues"] if i["kind"] not in _NAMED_ISSUES)
    if other:
        out.print("\nother warnings: " + ", ".join(f"{k} {v}" for k, v in sorted(other.items())))


_OBLIGATION_COLUMNS = [
    ("document_symbol", "document"),
    ("text", "task"),
    ("assignees", "assignees (role)"),
    ("deadline", "deadline"),
    ("due", "due"),
    ("recurring", "recurring"),
    ("status", "status"),
    ("produces", "produces"),
    ("fulfilled_by", "fulfilled by"),
    ("file", "file"),
    ("line", "line"),
]


@app.command("obligations")
def obligations_cmd(
    body: Annotated[
        str | None, typer.Option("--body", help="Body name (words, diacritics optional) or id.")
    ] = None,
    document: Annotated[str | None, typer.Option("--document", help="REF of the assigning document.")] = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="ISO date: deadlines before it.")
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="late, open or done.")] = None,
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """Who must do what by when: assignments with roles, deadlines and status."""
    from vbgraph.queries.obligations import obligation_rows

    if status and status not in ("late", "open", "done"):
        raise _fail(f"--status {status!r}: choose late, open or done", 2)
    s = _store(store)
    doc = _resolve_in(s, document)[0] if document else None
    rows = obligation_rows(s, body=body, document=doc, due_before=due_before, status=status)
    _emit(rows, _OBLIGATION_COLUMNS, fmt, json_out, table=_obligation_cards)


_ROLE_LABELS = {"chu_tri": "chủ trì", "phoi_hop": "phối hợp", "thuc_hien": "thực hiện"}


def _where(e: dict) -> str:
    """Where evidence stands, as the researcher finds it in the file they hold: 'a.txt:27',
    'a.pdf p. 3 line 12', 'a.docx ¶ 41', with '(OCR)' when read from a scan."""
    if e.get("line") is None:
        return str(e.get("file") or "")
    if e.get("page"):
        at = f"{e['file']} p. {e['page']}" + (f" line {e['page_line']}" if e.get("page_line") else "")
    elif e.get("paragraph"):
        at = f"{e['file']} ¶ {e['paragraph']}"
    else:
        at = f"{e['file']}:{e['line']}"
    return at + (" (OCR)" if e.get("ocr") else "")


Segments = list[tuple[str, str]]  # a printed line as (text, style) pieces


def _obligation_card(r: dict, width: int) -> list[Segments]:
    """One task's block as lines: the document, due date and status; the task shortened to two
    lines of the width; who, by role; what it produces; a blank line."""
    head = [(_visible(r["document_symbol"] or r["document"]), "bold"), (f"  line {r['line']}", "dim")]
    if r["due"] or r["deadline"]:
        head.append((f"  due {r['due'] or r['deadline']}", ""))
    if r["recurring"]:
        head.append((f"  ({r['recurring']})", ""))
    head.append((f"  {r['status']}", {"late": "red", "done": "green"}.get(r["status"] or "", "")))
    task = textwrap.wrap(
        _visible(" ".join((r["text"] or "").split())), width - 2, max_lines=2, placeholder=" …"
    )
    lines = [head, *([("  " + x, "")] for x in task)]
    by_role: dict[str, list[str]] = {}
    for part in (r["assignees"] or "").split("; "):
        name, _, role = part.rpartition(" (")
        if name:
            by_role.setdefault(role.rstrip(")"), []).append(name)
    for role in ("chu_tri", "phoi_hop", "thuc_hien"):
        if role in by_role:
            label = f"  {_ROLE_LABELS[role]}: "
            wrapped = textwrap.wrap(
                _visible(", ".join(by_role[role])),
                width,
                initial_indent=label,
                subsequent_indent=" " * len(label),
            )
            lines += ([(x, "")] for x in wrapped)
    if r["produces"]:
        done = f" → {r['fulfilled_by']}" if r["fulfilled_by"] else ""
        lines.append([(_visible(f"  produces {r['produces']}{done}"), "dim")])
    return [*lines, []]


def _obligation_cards(rows: list[dict]) -> None:
    """The tasks' blocks, readable at 80 columns (the full text: --format csv or json). In colour
    on a terminal; past LONG_TABLE tasks, or into a pipe, as plain text in one write: printing
    each block through rich took 0.3 ms a task (five minutes for 460k tasks at 100k documents)."""
    con = _console()
    width = max(40, min(con.width, 120))
    if len(rows) > LONG_TABLE or not con.is_terminal:
        out = sys.stdout
        for r in rows:
            out.write(
                "\n".join("".join(text for text, _ in line) for line in _obligation_card(r, width)) + "\n"
            )
        return
    from rich.text import Text

    for r in rows:
        for line in _obligation_card(r, width):
            con.print(Text.assemble(*line), soft_wrap=True)


@app.command("bodies")
def bodies_cmd(
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", help="Province, or 'Trung ương'.")
    ] = None,
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """Bodies with their counts of assignments by role and of documents issued."""
    from vbgraph.queries.obligations import bodies_in_store

    rows = bodies_in_store(_store(store), jurisdiction=jurisdiction)
    _emit(
        rows,
        [
            ("name", "body"),
            ("jurisdiction", "jurisdiction"),
            ("chu_tri", "chủ trì"),
            ("phoi_hop", "phối hợp"),
            ("thuc_hien", "thực hiện"),
            ("issued", "issued"),
            ("id", "id"),
        ],
        fmt,
        json_out,
    )


@app.command("plan")
def plan_cmd(
    ref: Annotated[str, typer.Argument(help="The programme or plan (REF).")],
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """A programme's planned documents, with the document that fulfilled each and when."""
    from vbgraph.queries.indexed import plan

    s = _store(store)
    rows = plan(s, _resolve_in(s, ref)[0])
    _emit(
        rows,
        [
            ("planned_type", "planned"),
            ("planned_title", "subject"),
            ("assignees", "drafting body"),
            ("deadline", "deadline"),
            ("fulfilled_symbol", "fulfilled by"),
            ("fulfilled_date", "issued"),
            ("fulfilment", "on time?"),
        ],
        fmt,
        json_out,
    )


@app.command("queries")
def queries_cmd(fmt: FormatOpt = "table", json_out: JsonOpt = False) -> None:
    """List the canned research questions with their parameters."""
    from vbgraph.queries.catalog import QUERIES

    # TODO(issue 12): this listing of the catalog belongs in the library.
    rows = [
        {
            "name": q.name,
            "params": ", ".join(f"{k}={'' if v is None else v}" for k, v in q.params.items()),
            "columns": ", ".join(q.columns),
            "description": q.description,
        }
        for q in QUERIES.values()
    ]
    _emit(rows, [("name", "query"), ("params", "parameters"), ("description", "question")], fmt, json_out)


@app.command("query")
def query_cmd(
    name: Annotated[str, typer.Argument(help="A canned query (see `vbgraph queries`).")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE; a document id may be a REF.")
    ] = None,
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
    backend: Annotated[
        str,
        typer.Option(
            "--backend", hidden=True, help="Old spelling: `--backend neo4j` is `vbgraph neo4j query`."
        ),
    ] = "embedded",
    uri: Annotated[str, typer.Option("--uri", envvar="NEO4J_URI", hidden=True)] = DEFAULT_URI,
    user: Annotated[str, typer.Option("--user", envvar="NEO4J_USERNAME", hidden=True)] = DEFAULT_USER,
    password: Annotated[str | None, typer.Option("--password", envvar="NEO4J_PASSWORD", hidden=True)] = None,
    database: Annotated[str | None, typer.Option("--database", envvar="NEO4J_DATABASE", hidden=True)] = None,
) -> None:
    """Run a canned research question on the embedded store (`vbgraph neo4j query` asks Neo4j the same)."""
    if backend == "neo4j":
        _deprecated("query --backend neo4j", "neo4j query")
    _canned(name, param, store, fmt, json_out, backend, (uri, user, password, database))


def _canned(
    name: str,
    param: list[str] | None,
    store: Path | None,
    fmt: str,
    json_out: bool,
    backend: str,
    conn: tuple[str, str, str | None, str | None],
) -> None:
    """The body of `query` and `neo4j query`: a REF in `id` is resolved where the question is
    asked, on the store or by the Neo4j server (which never opens the store)."""
    from vbgraph.queries import catalog

    try:
        columns = catalog.get(name).columns
    except ValueError as e:
        raise _fail(str(e), 2) from e
    if backend not in ("embedded", "neo4j"):
        raise _fail(f"unknown backend {backend!r}; choose embedded or neo4j", 2)
    params = _params(param)
    s = _store(store) if backend == "embedded" else None
    if s is not None and "id" in params:
        params["id"] = _resolve_in(s, params["id"])[0]
    uri, user, password, database = conn
    neo4j = (
        {"uri": uri, "user": user, "password": _password(password), "database": database}
        if backend == "neo4j"
        else None
    )
    try:
        rows = catalog.run(name, backend, params=params, conn=neo4j, store=s, resolve=True)
    except ValueError as e:
        raise _fail(str(e), 2) from e
    except (DocumentNotFound, AmbiguousReference) as e:
        raise _not_one(e, None) from e
    except VbgraphError as e:
        raise _fail(str(e)) from e
    _emit(rows, [(c, c) for c in columns], fmt, json_out)


_TREE_FIELDS = ("id", "symbol", "type", "date", "issuer", "jurisdiction", "in_corpus")
_TREE_COLUMNS = [(k, k) for k in ("direction", "depth", "parent", "relation", *_TREE_FIELDS, "indirect")]


@app.command()
def lineage(
    ref: Annotated[str, typer.Argument(help="The document (REF).")],
    up: Annotated[
        bool, typer.Option("--up", help="What it implements, up to the central level (default).")
    ] = False,
    down: Annotated[bool, typer.Option("--down", help="Everything implementing it.")] = False,
    both: Annotated[bool, typer.Option("--both", help="Up and down.")] = False,
    depth: Annotated[int | None, typer.Option("--depth", help="Levels to follow (default: all).")] = None,
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """A tree from a document to what it implements, or down to everything implementing it.

    With --format csv: one row per document of the tree, with its direction, depth and parent."""
    from vbgraph.queries.lineage import IMPLEMENTS, tree

    s = _store(store)
    nid, _ = _resolve_in(s, ref)
    direction = "both" if both or (up and down) else "down" if down else "up"
    t = tree(s.around(nid, IMPLEMENTS, direction=direction, depth=depth), nid, direction, depth)
    _emit(t, _TREE_COLUMNS, fmt, json_out, rows=_tree_rows(t), table=_print_tree)


def _tree_rows(t: dict) -> list[dict]:
    """A tree, flat: the root, then every document under it with its direction, depth and parent."""
    rows = [{"direction": None, "depth": 0, **{k: t.get(k) for k in _TREE_FIELDS}}]

    def walk(nodes: list[dict], direction: str, depth: int, parent: str) -> None:
        for n in nodes:
            rows.append(
                {
                    "direction": direction,
                    "depth": depth,
                    "parent": parent,
                    "relation": n["relation"],
                    **{k: n.get(k) for k in _TREE_FIELDS},
                    "indirect": n["indirect"],
                }
            )
            walk(n["children"], direction, depth + 1, n["id"])

    for direction in ("up", "down"):
        walk(
            t.get(direction, []) + (t["children"] if t.get("direction") == direction else []),
            direction,
            1,
            t["id"],
        )
    return rows


def _tree_label(n: dict) -> str:

    bits = [x for x in (n.get("type"), n.get("date"), n.get("issuer"), n.get("jurisdiction")) if x]
    rel = f"[cyan]{n['relation']}[/cyan] " if n.get("relation") else ""
    mark = " [yellow](only cited in another document)[/yellow]" if n.get("indirect") else ""
    return f"{rel}[bold]{_shown(n['symbol'] or n['id'])}[/bold] {_shown(' · '.join(bits))}{mark}"


def _add_children(node, children: list[dict]) -> None:
    for c in children:
        _add_children(node.add(_tree_label(c)), c["children"])


def _print_tree(t: dict) -> None:
    from rich.tree import Tree

    root = Tree(_tree_label(t))
    if "up" in t:
        _add_children(root.add("[bold]implements ↑[/bold]"), t["up"])
        _add_children(root.add("[bold]implemented by ↓[/bold]"), t["down"])
    else:
        _add_children(root, t["children"])
        if not t["children"]:
            root.add(
                "[dim](nothing "
                + ("it implements is known" if t["direction"] == "up" else "implements it yet")
                + ")[/dim]"
            )
    _console().print(root)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find; diacritics and case do not matter.")],
    limit: Annotated[int, typer.Option("--limit", help="Most results to show.")] = 20,
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """Search symbols, titles and document text ("chuyen doi so" finds "chuyển đổi số")."""
    from vbgraph.queries.search import search_store

    notes: list[str] = []
    rows = search_store(_store(store), text, limit, notes=notes)
    for note in notes:
        _console(err=True).print(f"note: {_visible(note)}", markup=False, highlight=False)
    _emit(
        rows,
        [
            ("symbol", "document"),
            ("type", "type"),
            ("date", "date"),
            ("score", "score"),
            ("line", "line"),
            ("context", "context"),
        ],
        fmt,
        json_out,
    )


@app.command()
def implements(
    central: Annotated[
        bool, typer.Option("--central", help="Only central targets, followed transitively.")
    ] = False,
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", help="Only local documents of this province.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only local documents dated on or after (ISO).")
    ] = None,
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """Which local documents implement which (central) ones, as a table."""
    from vbgraph.queries.indexed import implementations

    rows = implementations(_store(store), central=central, jurisdiction=jurisdiction, since=since)
    _emit(
        rows,
        [
            ("local_symbol", "local document"),
            ("local_date", "date"),
            ("jurisdiction", "jurisdiction"),
            ("implements_symbol", "implements"),
            ("depth", "depth"),
        ],
        fmt,
        json_out,
    )


@app.command()
def timeline(
    ref: Annotated[str, typer.Argument(help="The directive (REF).")],
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
) -> None:
    """A directive's implementations in date order, with the delay after the directive."""
    from vbgraph.queries.indexed import timeline as run_timeline

    s = _store(store)
    rows = run_timeline(s, _resolve_in(s, ref)[0])
    _emit(
        rows,
        [
            ("date", "date"),
            ("symbol", "document"),
            ("type", "type"),
            ("issuer", "issuer"),
            ("jurisdiction", "jurisdiction"),
            ("depth", "depth"),
            ("delay_months", "months after"),
        ],
        fmt,
        json_out,
    )


@app.command()
def view(
    ref: Annotated[
        str | None,
        typer.Argument(help="Document to centre on (as for `show`); omit it to draw the whole graph."),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("view.html"),
    depth: Annotated[int, typer.Option("--depth", min=0, help="Relation steps from REF.")] = 2,
    direction: Annotated[
        str,
        typer.Option(
            "--direction",
            help="up (what REF implements, cites…), down (what implements or cites REF) or both.",
        ),
    ] = "both",
    relations: Annotated[
        str | None,
        typer.Option(
            "--relations", help="Relation types to walk and draw, e.g. THUC_HIEN,THAY_THE (default: all)."
        ),
    ] = None,
    jurisdiction: Annotated[
        str | None,
        typer.Option(
            "--jurisdiction",
            help="Documents of one province (or 'Trung ương') and those they are directly related to.",
        ),
    ] = None,
    with_obligations: Annotated[
        bool,
        typer.Option(
            "--with-obligations",
            help="Add the tasks the documents set out and the bodies they are assigned to.",
        ),
    ] = False,
    layout: Annotated[
        str,
        typer.Option(
            "--layout",
            help="hierarchical (rows by level), date (rows by year), tree or force (above 200 nodes: hierarchical).",
        ),
    ] = "hierarchical",
    max_nodes: Annotated[
        int,
        typer.Option(
            "--max-nodes",
            min=1,
            help="Draw at most this many nodes one by one; above it, an overview (or a refusal with --no-overview).",
        ),
    ] = 400,
    overview: Annotated[
        bool | None,
        typer.Option(
            "--overview/--no-overview",
            help="Draw one box per jurisdiction and level, opened in the page (default: above --max-nodes).",
        ),
    ] = None,
    assets: Annotated[
        str,
        typer.Option(
            "--assets",
            help="inline (the page works alone) or shared (vis-network written once to vbgraph-assets/ beside it).",
        ),
    ] = "inline",
    store: StoreOpt = None,
) -> None:
    """An interactive HTML view of a document's neighbourhood (or the whole graph): one file that works offline."""
    from vbgraph.exports.html_view import ViewOptionError, ViewTooLarge, view_note, write_html
    from vbgraph.queries.view import build_view_in_store

    s = _store(store)
    ref_id = _resolve_in(s, ref)[0] if ref else None
    try:
        v = build_view_in_store(
            s,
            ref_id,
            depth=depth,
            direction=direction,
            relations=relations,
            jurisdiction=jurisdiction,
            with_obligations=with_obligations,
            layout=layout,
            max_nodes=max_nodes,
            overview=overview,
        )
        write_html(v, output, assets=assets)
    except (ViewOptionError, ViewTooLarge) as e:
        raise _fail(str(e), 2) from e
    except OSError as e:  # a full disk, no permission: the page is written atomically or not at all
        raise _fail(f"{output}: cannot write ({e.strerror or e})") from e
    typer.echo(f"wrote {output}: {len(v.nodes)} nodes, {len(v.edges)} edges", err=True)
    note = view_note(v)
    if note and v.overview and overview is None:
        note = f"{len(v.nodes):,} nodes, more than --max-nodes {max_nodes}: {note} (--no-overview refuses instead)"
    if note:
        typer.echo(f"note: {note}", err=True)


@app.command()
def demo(
    store: StoreOpt = None,
    ref: Annotated[str, typer.Argument(help="Document to show after ingesting.")] = "53-KL/TU",
) -> None:
    """Ingest the bundled sample (two real compilations) and show one document."""
    from vbgraph.api import sample_files
    from vbgraph.queries.lookup import document_card

    files = sample_files()
    if not files:
        raise _fail("the bundled sample is missing from this installation")
    s = _new_store(store)
    report = s.ingest(files)
    _console().print(f"sample: {len(report.added)} added, {len(report.unchanged)} unchanged → {s.dir}\n")
    _print_card(document_card(s.graph, _resolve(s.graph, ref)))


# -- vbgraph neo4j ----------------------------------------------------------------------------


@neo4j_app.command("load")
def neo4j_load(
    store: StoreOpt = None,
    uri: UriOpt = DEFAULT_URI,
    user: UserOpt = DEFAULT_USER,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per UNWIND batch.")] = 2000,
    batched: Annotated[
        bool,
        typer.Option(
            "--batched",
            help="A transaction per batch even when one transaction would do (a graph too big for "
            "the server's transaction memory is batched anyway); still all or nothing.",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Write the store's graph to Neo4j, all or nothing: one transaction when it fits the server's
    transaction memory, else a transaction per batch that a failure rolls back. A re-load removes
    what the store no longer has."""
    from vbgraph.exports.neo4j_writer import write_neo4j
    from vbgraph.queries.neo4j_runner import BadUri

    _check_uri(uri, user, password)
    G = _graph(store)
    secret = _password(password)
    try:
        with _progress("writing", quiet) as step:
            result = write_neo4j(
                G,
                uri=uri,
                user=user,
                password=secret,
                database=database,
                batch_size=batch_size,
                single_transaction=False if batched else None,
                progress=lambda stage, done, total: step(f"writing {stage}", done, total),
            )
    except BadUri as e:
        raise _bad_uri(e.uri, e.reason) from None
    except VbgraphError as e:
        raise _fail(str(e)) from e
    if not quiet:
        _print_load(result, uri, database)


def _print_load(result, uri: str, database: str | None) -> None:
    from vbgraph.queries.neo4j_runner import redact_uri

    def counts(d: dict[str, int]) -> str:
        return ", ".join(f"{v} {k}" for k, v in d.items() if v) or "none"

    typer.echo(f"loaded into {redact_uri(uri)} (database {database or 'default'}), run {result.run_id}")
    typer.echo(f"  nodes: {result.node_total} ({counts(result.nodes)})")
    typer.echo(f"  relationships: {result.relationship_total} ({counts(result.relationships)})")
    if result.recovered:
        typer.echo(f"  first: {result.recovered}")
    if result.batched:
        typer.echo(f"  {result.transactions} transactions, one per batch ({result.why_batched})")
    else:
        typer.echo("  one transaction")
    typer.echo(
        f"  new: {result.nodes_created} nodes, {result.relationships_created} relationships; removed: "
        f"{result.nodes_deleted} stale nodes, {result.relationships_deleted} stale relationships"
    )


@neo4j_app.command("cypher")
def neo4j_cypher(
    query: Annotated[
        str, typer.Argument(help="Cypher text, or - to read it from stdin. Put values in --param.")
    ],
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="name=value (a string) or name:=JSON (number, list, null…); repeatable. "
            "Use as $name in the query.",
        ),
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to change the database.")] = False,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
    uri: UriOpt = DEFAULT_URI,
    user: UserOpt = DEFAULT_USER,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Run a Cypher query against Neo4j, read-only unless --write; values only as parameters."""
    from vbgraph.queries.neo4j_runner import BadUri, run_cypher

    params = _params(param)
    text = sys.stdin.read() if query == "-" else query
    _check_uri(uri, user, password)
    secret = _password(password)
    try:
        rows = run_cypher(text, params, uri=uri, user=user, password=secret, database=database, write=write)
    except BadUri as e:
        raise _bad_uri(e.uri, e.reason) from None
    except VbgraphError as e:
        raise _fail(str(e)) from e
    _emit(list(rows), [(c, c) for c in rows.columns], fmt, json_out, empty="(no rows)")


@neo4j_app.command("query")
def neo4j_query(
    name: Annotated[str, typer.Argument(help="A canned query (see `vbgraph queries`).")],
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="NAME=VALUE; a document id may be a REF (found by the server, not in a store).",
        ),
    ] = None,
    store: StoreOpt = None,
    fmt: FormatOpt = "table",
    json_out: JsonOpt = False,
    uri: UriOpt = DEFAULT_URI,
    user: UserOpt = DEFAULT_USER,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Run a canned research question on Neo4j: the same columns and answer as `vbgraph query NAME`."""
    _check_uri(uri, user, password)
    _canned(name, param, store, fmt, json_out, "neo4j", (uri, user, password, database))


# The old top-level name; scripts use it.
app.command("cypher", hidden=True)(_alias(neo4j_cypher, "cypher", "neo4j cypher"))


def _debugging(argv: list[str]) -> bool:
    """--debug anywhere before a lone `--`, or VBGRAPH_DEBUG=1."""
    words = argv[: argv.index("--")] if "--" in argv else argv
    return "--debug" in words or os.environ.get("VBGRAPH_DEBUG", "") not in ("", "0")


def main(argv: list[str] | None = None) -> int:
    """Entry point; callable from tests with an argv list. Returns the exit code.

    Every failure is one line on stderr; `--debug` (any command) adds the traceback."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = _debugging(args)
    args = [a for a in args if a != "--debug"] if debug else args
    try:
        app(args=args, prog_name="vbgraph")
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130).exit_code
    except Exception as e:
        if debug:
            traceback.print_exc()
        if isinstance(e, VbgraphError):
            return _fail(str(e)).exit_code
        name = type(e).__name__
        hint = "" if debug else "; run again with --debug for the traceback, and please report it"
        return _fail(f"unexpected {name}: {e}{hint}").exit_code
    return 0
