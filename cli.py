"""The `vbgraph` command: thin typer wiring over library functions.

Exit codes: 0 ok, 1 failure (a file could not be read, a store problem), 2 usage error or an
ambiguous REF (the candidates are listed).
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from vbgraph import cli_neo4j as cn
from vbgraph.errors import AmbiguousReference, DocumentNotFound, VbgraphError
from vbgraph.graph import store as st
from vbgraph.graph.store import Store

app = typer.Typer(
    help="Knowledge graph of Vietnamese Party and State documents: what implements, replaces and cites what.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

app.add_typer(cn.neo4j_app, name="neo4j")
app.command("cypher")(cn.cypher)

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", envvar="VBGRAPH_STORE", help="Store folder (default ./.vbgraph).", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, json or csv.")]


def _emit(rows: list[dict], columns: list[tuple[str, str]], json_out: bool, fmt: str, title: str | None = None) -> None:
    """Print rows as a table (default), JSON or CSV; a pipe gets no colour codes."""
    if json_out or fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow([c for c, _ in columns])
        for r in rows:
            w.writerow(["" if r.get(c) is None else r.get(c) for c, _ in columns])
        return
    if fmt != "table":
        raise _fail(f"unknown --format {fmt!r}; choose table, json or csv", 2)
    t = Table(title=title, title_justify="left", show_lines=False)
    for _, label in columns:
        t.add_column(label, overflow="fold")
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c, _ in columns))
    _console().print(t)
    if not rows:
        _console(err=True).print("(nothing matches)")


def _console(err: bool = False) -> Console:
    return Console(stderr=err, highlight=False, soft_wrap=False)


def _fail(message: str, code: int = 1) -> typer.Exit:
    _console(err=True).print(f"[red]error:[/red] {message}", markup=True)
    return typer.Exit(code)


def _store(store: Path | None) -> Store:
    return Store(store)


def _graph(store: Path | None):
    s = _store(store)
    if not s.exists():
        raise _fail(f"{s.dir}: no store here yet; run `vbgraph ingest PATH…` first (or pass --store)")
    try:
        return s.graph
    except VbgraphError as e:
        raise _fail(str(e)) from e


def _resolve(G, ref: str) -> str:
    from vbgraph.queries.lookup import describe, resolve_ref

    try:
        return resolve_ref(G, ref)
    except DocumentNotFound as e:
        raise _fail(str(e)) from e
    except AmbiguousReference as e:
        err = _console(err=True)
        err.print(f"[yellow]{e}[/yellow]; candidates:")
        for c in e.candidates:
            err.print(f"  {c}  {describe(G, c)}", markup=False)
        raise typer.Exit(2) from e


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .md, .pdf, .docx, .doc, .html, .htm) or folders, read recursively.")],
    store: StoreOpt = None,
    ocr: Annotated[bool, typer.Option("--ocr", help="Recognise scanned PDF pages with Tesseract (Vietnamese model).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also print every warning.")] = False,
) -> None:
    """Read texts into the store. Re-ingesting a file changes nothing; new files merge in."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    s = _store(store)
    out = _console()
    err = _console(err=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=err, transient=True, disable=quiet or not sys.stderr.isatty()) as bar:
            task = bar.add_task("reading", total=None)

            def progress(f: Path, done: int, total: int) -> None:
                bar.update(task, description=f"reading {f.name}", completed=done, total=total)

            report = s.ingest(paths, progress=progress, ocr=ocr)
    except VbgraphError as e:
        raise _fail(str(e)) from e
    for path, reason in report.failed:
        err.print(f"error: {path}: {reason}", markup=False, highlight=False)
    if not quiet:
        for path, reason in report.skipped:
            err.print(f"skipped: {path}: {reason}", markup=False, highlight=False)
    if verbose:
        for w in report.warnings:
            err.print(f"warning: {w}", markup=False)
    read = report.added + report.updated + report.unchanged
    if not read and not report.failed:
        from vbgraph.loaders.read import supported

        raise _fail(f"no file to read ({len(report.skipped)} skipped); vbgraph reads {supported()}")
    if not quiet:
        G = s.graph
        kinds = Counter(a.get("kind") for _, a in G.nodes(data=True))
        out.print(
            f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            f"{len(report.failed)} failed, {len(report.skipped)} skipped; store {s.dir}: "
            f"{kinds.get('Document', 0)} documents, {sum(1 for _ in st.relations(G))} relations, "
            f"{kinds.get('Obligation', 0)} obligations, {len(G.graph.get('issues', []))} warnings"
        )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json (graph-json-v1), ttl, jsonld, nt (RDF), graphml (Gephi), csv (neo4j-admin; -o FOLDER).")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    store: StoreOpt = None,
) -> None:
    """Write the graph in an open format."""
    from vbgraph.exports import FORMATS

    G = _graph(store)
    writer = FORMATS.get(format)
    if writer is None:
        raise _fail(f"unknown format {format!r}; choose one of: {', '.join(sorted(FORMATS))}", 2)
    try:
        if output is None:
            writer(G, sys.stdout)
        else:
            writer(G, output)
    except ValueError as e:
        raise _fail(str(e), 2) from e
    if output is not None:
        _console(err=True).print(f"wrote {output}")


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="109-NQ/TU, 109-NQ/TU@2016, 'NQ 109', an id or words of a name.")],
    store: StoreOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """One document's card: identity, issuer, date, title, source lines, relations with evidence."""
    from vbgraph.queries.lookup import document_card

    G = _graph(store)
    card = document_card(G, _resolve(G, ref))
    if json_out:
        typer.echo(json.dumps(card, ensure_ascii=False, indent=2))
        return
    _print_card(card)


def _print_card(card: dict) -> None:
    out = _console()
    title = card.get("symbol") or card.get("name") or card["id"]
    out.print(f"[bold]{card.get('type') or ''} {title}[/bold]".strip())
    rows = [
        ("id", card["id"]), ("date", card.get("date")), ("issuer", card.get("issuer")),
        ("jurisdiction", card.get("jurisdiction")), ("title", card.get("title")), ("signer", card.get("signer")),
    ]
    src = card.get("source")
    rows.append(("source", f"{src['file']} lines {src['first_line']}–{src['last_line']}" if src else "not in corpus (cited only)"))
    for k, v in rows:
        if v:
            out.print(f"  [dim]{k:>12}[/dim]  {v}")
    if card.get("obligations"):
        out.print(f"\n[bold]Obligations it sets[/bold] ({card['obligations']}): "
                  f"vbgraph obligations --document {card['id']}", markup=True)
    for heading, key, arrow in (("Relations from this document", "relations_out", "→"),
                                ("Relations to this document", "relations_in", "←")):
        rels = card[key]
        if not rels:
            continue
        out.print(f"\n[bold]{heading}[/bold] ({len(rels)})")
        for r in rels:
            out.print(f"  {arrow} [cyan]{r['label']}[/cyan] ({r['type']}) {r['other_label']}", markup=True)
            for e in r["evidence"][:3]:
                out.print(f"      [dim]{_where(e)}[/dim] “{e['quote'][:160]}”")
            if len(r["evidence"]) > 3:
                out.print(f"      [dim]… {len(r['evidence']) - 3} more[/dim]")


@app.command()
def stats(store: StoreOpt = None, json_out: JsonOpt = False, fmt: FormatOpt = "table") -> None:
    """Counts by type, level and relation; ambiguous references and date conflicts."""
    from vbgraph.queries.stats import graph_stats

    G = _graph(store)
    data = graph_stats(G)
    if json_out or fmt == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        rows = [{"group": "total", "key": k, "count": data[k]} for k in ("files", "documents", "in_corpus", "relations")]
        rows += [{"group": g, "key": k, "count": v} for g in ("by_type", "by_level", "by_relation")
                 for k, v in data[g].items()]
        rows += [{"group": "issues", "key": k, "count": v}
                 for k, v in sorted(Counter(i["kind"] for i in data["issues"]).items())]
        _emit(rows, [("group", "group"), ("key", "key"), ("count", "count")], False, "csv")
        return
    out = _console()
    out.print(f"[bold]{data['documents']} documents[/bold] ({data['in_corpus']} with text), "
              f"{data['relations']} relations, {data['files']} files")
    for title, key in (("documents by type", "by_type"), ("documents by level", "by_level"),
                       ("relations by type", "by_relation")):
        t = Table(title=title, title_justify="left", show_edge=False)
        t.add_column("")
        t.add_column("count", justify="right")
        for k, v in data[key].items():
            t.add_row(str(k), str(v))
        out.print(t)
    for kind in ("ambiguous-reference", "date-conflict", "unresolved-reference"):
        items = [i for i in data["issues"] if i["kind"] == kind]
        if items:
            out.print(f"\n[bold]{kind}[/bold] ({len(items)})")
            for i in items:
                out.print(f"  {_where(i)}  {i['message']}", markup=False)
    other = Counter(i["kind"] for i in data["issues"] if i["kind"] not in
                    ("ambiguous-reference", "date-conflict", "unresolved-reference"))
    if other:
        out.print("\nother warnings: " + ", ".join(f"{k} {v}" for k, v in sorted(other.items())))


@app.command("obligations")
def obligations_cmd(
    body: Annotated[str | None, typer.Option("--body", help="Body name (words, diacritics optional) or id.")] = None,
    document: Annotated[str | None, typer.Option("--document", help="REF of the assigning document.")] = None,
    due_before: Annotated[str | None, typer.Option("--due-before", help="ISO date: deadlines before it.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="late, open or done.")] = None,
    store: StoreOpt = None,
    json_out: JsonOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Who must do what by when: assignments with roles, deadlines and status."""
    from vbgraph.queries.obligations import obligations

    if status and status not in ("late", "open", "done"):
        raise _fail(f"--status {status!r}: choose late, open or done", 2)
    G = _graph(store)
    doc = _resolve(G, document) if document else None
    rows = obligations(G, body=body, document=doc, due_before=due_before, status=status)
    if fmt == "table" and not json_out:
        _obligation_cards(rows)
        return
    _emit(rows, [("document_symbol", "document"), ("text", "task"), ("assignees", "assignees (role)"),
                 ("deadline", "deadline"), ("due", "due"), ("recurring", "recurring"), ("status", "status"),
                 ("produces", "produces"), ("fulfilled_by", "fulfilled by"), ("file", "file"), ("line", "line")],
          json_out, fmt)


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


def _obligation_cards(rows: list[dict]) -> None:
    """One short block per task, readable at 80 columns: the document, due date and status; the
    task shortened to two lines of the width; who, by role. The full text: --format csv or json."""
    from rich.text import Text

    con = _console()
    width = max(40, min(con.width, 120))
    for r in rows:
        head = Text(r["document_symbol"] or r["document"], style="bold")
        head.append(f"  line {r['line']}", style="dim")
        if r["due"] or r["deadline"]:
            head.append(f"  due {r['due'] or r['deadline']}")
        if r["recurring"]:
            head.append(f"  ({r['recurring']})")
        head.append(f"  {r['status']}", style={"late": "red", "done": "green"}.get(r["status"] or "", ""))
        con.print(head)
        task = textwrap.wrap(" ".join((r["text"] or "").split()), width - 2, max_lines=2, placeholder=" …")
        con.print(Text("\n".join("  " + x for x in task)), soft_wrap=True)
        by_role: dict[str, list[str]] = {}
        for part in (r["assignees"] or "").split("; "):
            name, _, role = part.rpartition(" (")
            if name:
                by_role.setdefault(role.rstrip(")"), []).append(name)
        for role in ("chu_tri", "phoi_hop", "thuc_hien"):
            if role in by_role:
                label = f"  {_ROLE_LABELS[role]}: "
                lines = textwrap.wrap(", ".join(by_role[role]), width, initial_indent=label,
                                      subsequent_indent=" " * len(label))
                con.print(Text("\n".join(lines)), soft_wrap=True)
        if r["produces"]:
            done = f" → {r['fulfilled_by']}" if r["fulfilled_by"] else ""
            con.print(Text(f"  produces {r['produces']}{done}", style="dim"), width=width)
        con.print()
    if not rows:
        _console(err=True).print("(nothing matches)")


@app.command("bodies")
def bodies_cmd(
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="Province, or 'Trung ương'.")] = None,
    store: StoreOpt = None,
    json_out: JsonOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Bodies with their counts of assignments by role and of documents issued."""
    from vbgraph.queries.obligations import bodies

    rows = bodies(_graph(store), jurisdiction=jurisdiction)
    _emit(rows, [("name", "body"), ("jurisdiction", "jurisdiction"), ("chu_tri", "chủ trì"), ("phoi_hop", "phối hợp"),
                 ("thuc_hien", "thực hiện"), ("issued", "issued"), ("id", "id")], json_out, fmt)


@app.command("plan")
def plan_cmd(
    ref: Annotated[str, typer.Argument(help="The programme or plan (REF).")],
    store: StoreOpt = None,
    json_out: JsonOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """A programme's planned documents, with the document that fulfilled each and when."""
    from vbgraph.queries.obligations import plan

    G = _graph(store)
    rows = plan(G, _resolve(G, ref))
    _emit(rows, [("planned_type", "planned"), ("planned_title", "subject"), ("assignees", "drafting body"),
                 ("deadline", "deadline"), ("fulfilled_symbol", "fulfilled by"), ("fulfilled_date", "issued"),
                 ("fulfilment", "on time?")], json_out, fmt)


@app.command("queries")
def queries_cmd(json_out: JsonOpt = False, fmt: FormatOpt = "table") -> None:
    """List the canned research questions with their parameters."""
    from vbgraph.queries.catalog import QUERIES

    rows = [{"name": q.name, "params": ", ".join(f"{k}={'' if v is None else v}" for k, v in q.params.items()),
             "columns": ", ".join(q.columns), "description": q.description} for q in QUERIES.values()]
    _emit(rows, [("name", "query"), ("params", "parameters"), ("description", "question")], json_out, fmt)


def _parse_params(items: list[str] | None) -> dict:
    out = {}
    for item in items or []:
        if "=" not in item:
            raise _fail(f"--param {item!r}: write NAME=VALUE", 2)
        k, v = item.split("=", 1)
        out[k.strip()] = v
    return out


@app.command("query")
def query_cmd(
    name: Annotated[str, typer.Argument(help="A canned query (see `vbgraph queries`).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE; a document id may be a REF.")] = None,
    backend: Annotated[str, typer.Option("--backend", help="embedded (the store) or neo4j.")] = "embedded",
    store: StoreOpt = None,
    uri: cn.UriOpt = cn.DEFAULT_URI,
    user: cn.UserOpt = cn.DEFAULT_USER,
    password: cn.PasswordOpt = None,
    database: cn.DatabaseOpt = None,
    json_out: JsonOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Run a canned research question on the embedded store or on Neo4j (same answer, same columns)."""
    from vbgraph.queries import catalog

    try:
        q = catalog.get(name)
    except ValueError as e:
        raise _fail(str(e), 2) from e
    params = _parse_params(param)
    G = None
    if backend == "embedded" or "id" in params:
        G = _graph(store)
    if "id" in params and G is not None:
        params["id"] = _resolve(G, params["id"])
    conn = None
    if backend == "neo4j":
        conn = {"uri": uri, "user": user, "password": cn._password(password), "database": database}
    try:
        rows = catalog.run(name, backend, G=G, params=params, conn=conn)
    except ValueError as e:
        raise _fail(str(e), 2) from e
    except VbgraphError as e:
        raise _fail(str(e)) from e
    _emit(rows, [(c, c) for c in q.columns], json_out, fmt)


def _tree_label(n: dict) -> str:
    from rich.markup import escape

    bits = [x for x in (n.get("type"), n.get("date"), n.get("issuer"), n.get("jurisdiction")) if x]
    rel = f"[cyan]{n['relation']}[/cyan] " if n.get("relation") else ""
    mark = " [yellow](only cited in another document)[/yellow]" if n.get("indirect") else ""
    return f"{rel}[bold]{escape(n['symbol'] or n['id'])}[/bold] {escape(' · '.join(bits))}{mark}"


def _add_children(node, children: list[dict]) -> None:
    for c in children:
        _add_children(node.add(_tree_label(c)), c["children"])


@app.command()
def lineage(
    ref: Annotated[str, typer.Argument(help="The document (REF).")],
    up: Annotated[bool, typer.Option("--up", help="What it implements, up to the central level (default).")] = False,
    down: Annotated[bool, typer.Option("--down", help="Everything implementing it.")] = False,
    both: Annotated[bool, typer.Option("--both", help="Up and down.")] = False,
    depth: Annotated[int | None, typer.Option("--depth", help="Levels to follow (default: all).")] = None,
    store: StoreOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """A tree from a document to what it implements, or down to everything implementing it."""
    from rich.tree import Tree

    from vbgraph.queries.lineage import tree

    G = _graph(store)
    direction = "both" if both or (up and down) else "down" if down else "up"
    t = tree(G, _resolve(G, ref), direction, depth)
    if json_out:
        typer.echo(json.dumps(t, ensure_ascii=False, indent=2))
        return
    root = Tree(_tree_label(t))
    if direction == "both":
        _add_children(root.add("[bold]implements ↑[/bold]"), t["up"])
        _add_children(root.add("[bold]implemented by ↓[/bold]"), t["down"])
    else:
        _add_children(root, t["children"])
        if not t["children"]:
            root.add("[dim](nothing " + ("it implements is known" if direction == "up" else "implements it yet") + ")[/dim]")
    _console().print(root)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find; diacritics and case do not matter.")],
    limit: Annotated[int, typer.Option("--limit", help="Most results to show.")] = 20,
    store: StoreOpt = None,
    json_out: JsonOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Search symbols, titles and document text ("chuyen doi so" finds "chuyển đổi số")."""
    from vbgraph.queries.search import search as run_search

    s = _store(store)
    G = _graph(store)
    rows = run_search(G, s.texts, text, limit)
    _emit(rows, [("symbol", "document"), ("type", "type"), ("date", "date"), ("score", "score"), ("line", "line"),
                 ("context", "context")], json_out, fmt)


@app.command()
def implements(
    central: Annotated[bool, typer.Option("--central", help="Only central targets, followed transitively.")] = False,
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="Only local documents of this province.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only local documents dated on or after (ISO).")] = None,
    store: StoreOpt = None,
    json_out: JsonOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Which local documents implement which (central) ones, as a table."""
    from vbgraph.queries.lineage import implementations

    rows = implementations(_graph(store), central=central, jurisdiction=jurisdiction, since=since)
    _emit(rows, [("local_symbol", "local document"), ("local_date", "date"), ("jurisdiction", "jurisdiction"),
                 ("implements_symbol", "implements"), ("depth", "depth")], json_out, fmt)


@app.command()
def timeline(
    ref: Annotated[str, typer.Argument(help="The directive (REF).")],
    store: StoreOpt = None,
    json_out: JsonOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """A directive's implementations in date order, with the delay after the directive."""
    from vbgraph.queries.lineage import timeline as run_timeline

    G = _graph(store)
    rows = run_timeline(G, _resolve(G, ref))
    _emit(rows, [("date", "date"), ("symbol", "document"), ("type", "type"), ("issuer", "issuer"),
                 ("jurisdiction", "jurisdiction"), ("depth", "depth"), ("delay_months", "months after")],
          json_out, fmt)


@app.command()
def view(
    ref: Annotated[str | None, typer.Argument(help="Document to centre on (as for `show`); omit it to draw the whole graph.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("view.html"),
    depth: Annotated[int, typer.Option("--depth", min=0, help="Relation steps from REF.")] = 2,
    direction: Annotated[str, typer.Option("--direction", help="up (what REF implements, cites…), down (what implements or cites REF) or both.")] = "both",
    relations: Annotated[str | None, typer.Option("--relations", help="Relation types to walk and draw, e.g. THUC_HIEN,THAY_THE (default: all).")] = None,
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="Documents of one province (or 'Trung ương') and those they are directly related to.")] = None,
    with_obligations: Annotated[bool, typer.Option("--with-obligations", help="Add the tasks the documents set out and the bodies they are assigned to.")] = False,
    layout: Annotated[str, typer.Option("--layout", help="hierarchical (rows by level), date (rows by year), tree or force.")] = "hierarchical",
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Refuse to draw more nodes than this.")] = 400,
    store: StoreOpt = None,
) -> None:
    """An interactive HTML view of a document's neighbourhood (or the whole graph): one file that works offline."""
    from vbgraph.exports.html_view import ViewOptionError, ViewTooLarge, build_view, write_html

    G = _graph(store)
    ref_id = _resolve(G, ref) if ref else None
    try:
        v = build_view(G, ref_id, depth=depth, direction=direction, relations=relations, jurisdiction=jurisdiction,
                       with_obligations=with_obligations, layout=layout, max_nodes=max_nodes)
    except (ViewOptionError, ViewTooLarge) as e:
        raise _fail(str(e), 2) from e
    write_html(v, output)
    _console(err=True).print(f"wrote {output}: {len(v.nodes)} nodes, {len(v.edges)} edges", markup=False)


@app.command()
def demo(
    store: StoreOpt = None,
    ref: Annotated[str, typer.Argument(help="Document to show after ingesting.")] = "53-KL/TU",
) -> None:
    """Ingest the bundled sample (two real compilations) and show one document."""
    sample = resources.files("vbgraph").joinpath("sample")
    files = sorted(Path(str(sample)).glob("*.txt"))
    if not files:
        raise _fail("the bundled sample is missing from this installation")
    s = _store(store)
    report = s.ingest(files)
    _console().print(f"sample: {len(report.added)} added, {len(report.unchanged)} unchanged → {s.dir}\n")
    from vbgraph.queries.lookup import document_card

    G = s.graph
    _print_card(document_card(G, _resolve(G, ref)))


def main(argv: list[str] | None = None) -> int:
    """Entry point; callable from tests with an argv list. Returns the exit code."""
    try:
        app(args=argv, prog_name="vbgraph")
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except VbgraphError as e:
        _console(err=True).print(f"error: {e}", markup=False)
        return 1
    return 0
