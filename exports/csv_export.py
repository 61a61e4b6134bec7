"""CSV files in the header format of `neo4j-admin database import`, for a bulk load into Neo4j.

One file per node label and per relationship type, always the same set of files, each with its
header on the first line: `id:ID` and `:LABEL` for nodes, `:START_ID`, `:END_ID` and `:TYPE`
for relationships, then the model's fields flattened by exports/flat.py, the same properties
under the same names as the Neo4j writer (so Cypher written for one works on the other), typed
from the model (`in_corpus:boolean`, `source_first_line:int`, `fulfilment_score:double`,
`evidence_lines:int[]`; text has no type, so a document's `date`, which may be a bare year, and
the ISO deadline dates stay text as the writer stores them). Arrays are joined with `;`,
neo4j-admin's default delimiter; evidence quotes may contain `;`, so the full evidence is a JSON
text column and only files and lines are arrays. When an element of an array holds a `;` (a file
named `a;b.txt`), every array of the export is joined with the first of `|`, U+001F, U+E000, …
that no element holds, and `import.sh` names it (`--array-delimiter`). Rows are sorted by id, so
two exports of the same store are identical. `import.sh` holds the neo4j-admin command for these
files.

Text is untrusted input: every text cell and text array element (ids too, in every column that
holds them, so relationships still find their nodes) goes through exports/cells.py `neutral`,
which puts a `'` in front of text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
a tab, a carriage return, or `'` itself). Typed cells (`int`, `double`, `boolean`, `int[]`) are
numbers and flags and never change.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

import networkx as nx

from vbgraph.exports import flat
from vbgraph.exports.cells import csv_line, neutral
from vbgraph.exports.streams import text_output
from vbgraph.graph import store as st
from vbgraph.graph.model import NODE_CLASSES

_KIND_NODES = {"Document": st.documents, "Body": st.bodies, "Obligation": st.obligations}


def node_header(label: str) -> list[str]:
    """`id:ID`, `:LABEL` and the typed columns of one node label."""
    return ["id:ID", ":LABEL", *(c.header for c in flat.columns(NODE_CLASSES[label]))]


def relationship_header(code: str) -> list[str]:
    """`:START_ID`, `:END_ID`, `:TYPE` and the typed columns of one relationship type."""
    return [":START_ID", ":END_ID", ":TYPE", *(c.header for c in flat.edge_columns(code))]


# a cell, or the elements of an array, joined once the export's array delimiter is known
Cell = str | list[str]

#: `;` is neo4j-admin's default; the others only when an array element holds every one before
ARRAY_DELIMITERS: tuple[str, ...] = (";", "|", "\x1f", *map(chr, range(0xE000, 0xF900)))


def _is_text(header: str) -> bool:
    """A text column: no type (`title`), or `string[]`."""
    return header.partition(":")[2] in ("", "string", "string[]")


def _scalar(header: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = flat.nfc(value) if isinstance(value, str) else str(value)
    return neutral(text) if _is_text(header) else text


def _cell(header: str, value: Any) -> Cell:
    """neo4j-admin text for one value: empty for null, true/false, text neutralised (exports/cells.py),
    an array as its elements."""
    if isinstance(value, list | tuple):
        return [_scalar(header, v) for v in value]
    return _scalar(header, value)


def _cells(headers: list[str], values: dict[str, Any]) -> list[Cell]:
    """The cells of one row: `values` are in the columns' order."""
    return [_cell(h, v) for h, v in zip(headers, values.values(), strict=True)]


Table = tuple[list[str], list[list[Cell]]]  # header, rows
Rows = Iterator[list[Cell]]


def _node_rows(G: nx.MultiDiGraph, label: str, header: list[str]) -> Rows:
    for n, a in _KIND_NODES[label](G):
        yield [neutral(n), label, *_cells(header[2:], flat.node_values(label, n, a))]


def _edges_by_code(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, str, dict]]]:
    """(source, target, attributes) of each relationship type between known nodes, sorted; the
    edges are read once for every type."""
    kinds = {n: a.get("kind") for n, a in G.nodes(data=True)}
    out: dict[str, list[tuple[str, str, dict]]] = {code: [] for code in flat.EDGE_TYPES}
    for s, t, k, a in G.edges(keys=True, data=True):
        if k in out and kinds.get(s) in _KIND_NODES and kinds.get(t) in _KIND_NODES:
            out[k].append((s, t, a))
    for edges in out.values():
        edges.sort(key=itemgetter(0, 1))  # (source, target) is unique within a type
    return out


def _relationship_rows(code: str, header: list[str], edges: list[tuple[str, str, dict]]) -> Rows:
    for s, t, a in edges:
        yield [neutral(s), neutral(t), code, *_cells(header[3:], flat.edge_values(s, t, code, a))]


def _streams(G: nx.MultiDiGraph) -> Iterator[tuple[str, list[str], Rows]]:
    """(file name, header, rows made one at a time) of every table, nodes first."""
    for label in flat.NODE_LABELS:
        header = node_header(label)
        yield f"{label}.csv", header, _node_rows(G, label, header)
    by_code = _edges_by_code(G)
    for code in flat.EDGE_TYPES:
        header = relationship_header(code)
        yield f"{code}.csv", header, _relationship_rows(code, header, by_code[code])


def node_tables(G: nx.MultiDiGraph) -> dict[str, Table]:
    """`Document.csv` etc. -> header and rows, one per node label."""
    return {name: (h, list(rows)) for name, h, rows in _streams(G) if name[:-4] in flat.NODE_LABELS}


def relationship_tables(G: nx.MultiDiGraph) -> dict[str, Table]:
    """`THUC_HIEN.csv` etc. -> header and rows, one per relationship type; edges between known nodes only."""
    return {name: (h, list(rows)) for name, h, rows in _streams(G) if name[:-4] in flat.EDGE_TYPES}


def _arrays(rows: Iterable[list[Cell]]) -> Iterator[list[str]]:
    for row in rows:
        for cell in row:
            if isinstance(cell, list):
                yield cell


def array_delimiter(tables: dict[str, Table]) -> str:
    """The first of ARRAY_DELIMITERS that no array element holds (`;` for any ordinary text)."""
    return _free_delimiter(a for _, rows in tables.values() for a in _arrays(rows))


def _free_delimiter(arrays: Iterable[list[str]]) -> str:
    held: set[str] = set()
    for cell in arrays:
        held.update(*cell)
    free = next((d for d in ARRAY_DELIMITERS if d not in held), None)
    if free is None:
        raise ValueError("every array delimiter vbgraph knows is held by some array element")
    return free


def _lines(header: list[str], rows: Iterable[list[Cell]], delimiter: str) -> Iterator[str]:
    yield csv_line(header)
    for row in rows:
        yield csv_line(c if isinstance(c, str) else delimiter.join(c) for c in row)


def _csv_text(table: Table, delimiter: str) -> str:
    return "".join(_lines(*table, delimiter))


def csv_files(G: nx.MultiDiGraph) -> dict[str, str]:
    """File name -> text: one CSV per node label and relationship type, and `import.sh`."""
    tables = {name: (header, list(rows)) for name, header, rows in _streams(G)}
    delimiter = array_delimiter(tables)
    files = {name: _csv_text(table, delimiter) for name, table in tables.items()}
    files["import.sh"] = import_command(files, delimiter)
    return files


def _delimiter_option(delimiter: str) -> str:
    """neo4j-admin's spelling: the character if printable ASCII, else `U+XXXX`."""
    return delimiter if delimiter.isascii() and delimiter.isprintable() else f"U+{ord(delimiter):04X}"


def import_arguments(files: Iterable[str], database: str = "neo4j", array_delimiter: str = ";") -> list[str]:
    """`neo4j-admin` arguments that load these files into an empty database (Neo4j 5).

    The database comes first: `--nodes` and `--relationships` take several values, so a name
    after them would be read as one more file.
    """
    names = sorted(files)
    return [
        "database",
        "import",
        "full",
        database,
        "--multiline-fields=true",
        f"--array-delimiter={_delimiter_option(array_delimiter)}",
        *(f"--nodes={f}" for f in names if f[:-4] in flat.NODE_LABELS),
        *(f"--relationships={f}" for f in names if f[:-4] in flat.EDGE_TYPES),
    ]


def import_command(files: Iterable[str], array_delimiter: str = ";") -> str:
    """`import.sh`: the neo4j-admin command for these files, run from their folder."""
    args = [shlex.quote(a) for a in import_arguments(files, "DATABASE", array_delimiter)]
    args[3] = '"${1:-neo4j}"'
    return (
        "#!/bin/sh\n# Load these files into an empty Neo4j 5 database (stop the server first): sh import.sh [DATABASE]\n"
        "# Text may span lines (obligation text, quotes), hence --multiline-fields.\n"
        'set -e\ncd "$(dirname "$0")"\n'
        "neo4j-admin " + " ".join(args[:4]) + " \\\n  " + " \\\n  ".join(args[4:]) + "\n"
    )


def write_csv(G: nx.MultiDiGraph, directory: str | Path) -> list[Path]:
    """Write the CSV files and `import.sh` into `directory` (created if needed); returns the paths.

    Each file is written a row at a time (atomically), with `;` between array elements; only
    when an element turns out to hold a `;` are the files written again with the delimiter
    `csv_files` would choose, so memory stays that of one row beside the graph."""
    if hasattr(directory, "write"):
        raise ValueError("csv writes one file per label and type into a folder; pass -o FOLDER")
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise ValueError(f"{root}: not a folder; csv writes one file per label and type into a folder")
    delimiter = ARRAY_DELIMITERS[0]
    names = _write_tables(G, root, delimiter)
    if names is None:  # an element holds ';': the delimiter no element holds, then again
        delimiter = _free_delimiter(a for _, _, rows in _streams(G) for a in _arrays(rows))
        names = _write_tables(G, root, delimiter)
        assert names is not None
    with text_output(root / "import.sh") as fh:
        fh.write(import_command(names, delimiter))
    return sorted(root / n for n in [*names, "import.sh"])


def _write_tables(G: nx.MultiDiGraph, root: Path, delimiter: str) -> list[str] | None:
    """The file names written, or None as soon as an array element holds `delimiter` (what was
    written of that file is discarded; the files before it are written again by the caller)."""
    names = []
    for name, header, rows in _streams(G):

        def checked(rows: Rows = rows) -> Rows:
            for row in rows:
                if any(delimiter in e for cell in row if isinstance(cell, list) for e in cell):
                    raise _Clash
                yield row

        try:
            with text_output(root / name) as fh:
                for line in _lines(header, checked(), delimiter):
                    fh.write(line)
        except _Clash:
            return None
        names.append(name)
    return names


class _Clash(Exception):
    """An array element holds the delimiter being written."""
