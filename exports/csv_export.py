"""CSV files in the header format of `neo4j-admin database import`, for a bulk load into Neo4j.

One file per node label and per relationship type, always the same set of files, each with its
header on the first line: `id:ID` and `:LABEL` for nodes, `:START_ID`, `:END_ID` and `:TYPE`
for relationships, then the model's fields flattened by exports/flat.py, the same properties
under the same names as the Neo4j writer (so Cypher written for one works on the other), typed
from the model (`in_corpus:boolean`, `source_first_line:int`, `fulfilment_score:double`,
`evidence_lines:int[]`; text has no type, so a document's `date`, which may be a bare year, and
the ISO deadline dates stay text as the writer stores them). Arrays are joined with `;`,
neo4j-admin's default delimiter; evidence quotes may contain `;`, so the full evidence is a JSON
text column and only files and lines are arrays. Rows are sorted by id, so two exports of the
same store are identical. `import.sh` holds the neo4j-admin command for these files.
"""

from __future__ import annotations

import csv
import io
import shlex
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from vbgraph.exports import flat
from vbgraph.graph import store as st
from vbgraph.graph.model import NODE_CLASSES

_KIND_NODES = {"Document": st.documents, "Body": st.bodies, "Obligation": st.obligations}


def node_header(label: str) -> list[str]:
    """`id:ID`, `:LABEL` and the typed columns of one node label."""
    return ["id:ID", ":LABEL", *(c.header for c in flat.columns(NODE_CLASSES[label]))]


def relationship_header(code: str) -> list[str]:
    """`:START_ID`, `:END_ID`, `:TYPE` and the typed columns of one relationship type."""
    return [":START_ID", ":END_ID", ":TYPE", *(c.header for c in flat.edge_columns(code))]


def _cell(header: str, value: Any) -> str:
    """neo4j-admin text for one value: empty for null, true/false, arrays joined with ';'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        parts = [_cell(header, v) for v in value]
        if header.endswith("[]") and any(";" in p for p in parts):
            raise ValueError(f"{header}: an element contains ';', the array delimiter: {parts!r}")
        return ";".join(parts)
    return unicodedata.normalize("NFC", str(value))


def _cells(headers: list[str], values: dict[str, Any]) -> list[str]:
    """The cells of one row: `values` are in the columns' order."""
    return [_cell(h, v) for h, v in zip(headers, values.values(), strict=True)]


def _csv_text(header: list[str], rows: Iterable[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def node_files(G: nx.MultiDiGraph) -> dict[str, str]:
    """`Document.csv` etc. -> text, one per node label."""
    out = {}
    for label in flat.NODE_LABELS:
        header = node_header(label)
        rows = (
            [n, label, *_cells(header[2:], flat.node_values(label, n, a))] for n, a in _KIND_NODES[label](G)
        )
        out[f"{label}.csv"] = _csv_text(header, rows)
    return out


def relationship_files(G: nx.MultiDiGraph) -> dict[str, str]:
    """`THUC_HIEN.csv` etc. -> text, one per relationship type; edges between known nodes only."""
    kinds = {n: a.get("kind") for n, a in G.nodes(data=True)}
    out = {}
    for code in flat.EDGE_TYPES:
        header = relationship_header(code)
        edges = sorted(
            (s, t, a)
            for s, t, k, a in G.edges(keys=True, data=True)
            if k == code and kinds.get(s) in _KIND_NODES and kinds.get(t) in _KIND_NODES
        )
        rows = ([s, t, code, *_cells(header[3:], flat.edge_values(s, t, code, a))] for s, t, a in edges)
        out[f"{code}.csv"] = _csv_text(header, rows)
    return out


def import_arguments(files: Iterable[str], database: str = "neo4j") -> list[str]:
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
        "--array-delimiter=;",
        *(f"--nodes={f}" for f in names if f[:-4] in flat.NODE_LABELS),
        *(f"--relationships={f}" for f in names if f[:-4] in flat.EDGE_TYPES),
    ]


def import_command(files: Iterable[str]) -> str:
    """`import.sh`: the neo4j-admin command for these files, run from their folder."""
    args = [shlex.quote(a) for a in import_arguments(files, database="DATABASE")]
    args[3] = '"${1:-neo4j}"'
    return (
        "#!/bin/sh\n# Load these files into an empty Neo4j 5 database (stop the server first): sh import.sh [DATABASE]\n"
        "# Text may span lines (obligation text, quotes), hence --multiline-fields.\n"
        'set -e\ncd "$(dirname "$0")"\n'
        "neo4j-admin " + " ".join(args[:4]) + " \\\n  " + " \\\n  ".join(args[4:]) + "\n"
    )


def write_csv(G: nx.MultiDiGraph, directory: str | Path) -> list[Path]:
    """Write the CSV files and `import.sh` into `directory` (created if needed); returns the paths."""
    if hasattr(directory, "write"):
        raise ValueError("csv writes one file per label and type into a folder; pass -o FOLDER")
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise ValueError(f"{root}: not a folder; csv writes one file per label and type into a folder")
    files = {**node_files(G), **relationship_files(G)}
    files["import.sh"] = import_command(files)
    written = []
    for name in sorted(files):
        path = root / name
        st.atomic_write_text(path, files[name])
        written.append(path)
    return written
