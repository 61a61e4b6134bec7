"""CSV files in the header format of `neo4j-admin database import`, for a bulk load into Neo4j.

One file per node label and per relationship type, always the same set of files, each with its
header on the first line: `id:ID` and `:LABEL` for nodes, `:START_ID`, `:END_ID` and `:TYPE`
for relationships, typed columns (`in_corpus:boolean`, `source_first_line:int`,
`deadline_end:date`, `evidence_lines:int[]`) and arrays joined with `;`, neo4j-admin's default
delimiter. Rows are sorted by id, so two exports of the same store are identical. Property names
are those of graph-json-v1 (nested fields flattened, `source_file`), so Cypher written for the
Neo4j writer works on the imported database. A document's `date` stays text because it may be a
bare year ("2021"); `year:int` is there for range queries. Evidence quotes may contain `;`, so
the full evidence is a JSON text column and only files and lines are arrays. `import.sh` holds
the neo4j-admin command for these files.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from vbgraph.graph import store as st
from vbgraph.ontology.relations import Rel
from vbgraph.ontology.terms import STRUCTURAL_PROPERTY

Row = dict[str, Any]
Column = tuple[str, Callable[[str, dict], Any]]  # (header, value from (id, attributes))


def _get(*path: str) -> Callable[[str, dict], Any]:
    def value(_: str, a: dict) -> Any:
        for p in path:
            a = a.get(p) if isinstance(a, dict) else None  # type: ignore[assignment]
        return a
    return value


def _year(_: str, a: dict) -> int | None:
    m = re.match(r"(\d{4})", a.get("date") or "")
    return int(m.group(1)) if m else None


def _assignees(key: str) -> Callable[[str, dict], list[str]]:
    return lambda _, a: [x.get(key) or "" for x in a.get("assignees") or []]


def _evidence(a: dict) -> list[dict]:
    ev = a.get("evidence") or []
    return [ev] if isinstance(ev, dict) else list(ev)


NODE_COLUMNS: dict[str, list[Column]] = {
    "Document": [
        ("id:ID", lambda n, _: n), (":LABEL", lambda *_: "Document"),
        *[(f, _get(f)) for f in ("type", "type_code", "number", "issuer_code", "symbol", "date")],
        ("year:int", _year),
        *[(f, _get(f)) for f in ("issuer", "jurisdiction", "title", "name")],
        ("in_corpus:boolean", lambda _, a: bool(a.get("in_corpus"))),
        *[(f, _get(f)) for f in ("level", "signer", "identified_by")],
        ("source_file", _get("source", "file")), ("source_first_line:int", _get("source", "first_line")),
        ("source_last_line:int", _get("source", "last_line")),
    ],
    "Body": [
        ("id:ID", lambda n, _: n), (":LABEL", lambda *_: "Body"),
        *[(f, _get(f)) for f in ("name", "jurisdiction", "level", "part_of")],
        ("aliases:string[]", lambda _, a: list(a.get("aliases") or [])),
        ("generic:boolean", lambda _, a: bool(a.get("generic"))),
    ],
    "Obligation": [
        ("id:ID", lambda n, _: n), (":LABEL", lambda *_: "Obligation"),
        ("document", _get("document")), ("text", _get("text")),
        ("deadline_text", _get("deadline", "text")), ("deadline_start:date", _get("deadline", "start")),
        ("deadline_end:date", _get("deadline", "end")), ("recurring", _get("recurring")),
        ("produces_type", _get("produces", "type")), ("produces_title", _get("produces", "title")),
        ("produces_level", _get("produces_level")), ("status", _get("status")),
        ("fulfilled_by", _get("fulfilled_by")), ("fulfilment", _get("fulfilment")),
        ("fulfilment_score:float", _get("fulfilment_score")),
        ("assignees:string[]", _assignees("body")), ("roles:string[]", _assignees("role")),
        ("evidence_file", _get("evidence", "file")), ("evidence_line:int", _get("evidence", "line")),
        ("evidence_quote", _get("evidence", "quote")),
    ],
}

_REL_EDGE_COLUMNS: list[tuple[str, Callable[[dict], Any]]] = [
    ("label", lambda a: a.get("label")),
    ("evidence_count:int", lambda a: len(_evidence(a))),
    ("evidence_files:string[]", lambda a: [e.get("file") or "" for e in _evidence(a)]),
    ("evidence_lines:int[]", lambda a: [e.get("line") for e in _evidence(a) if e.get("line") is not None]),
    ("quote", lambda a: next((e.get("quote") for e in _evidence(a) if e.get("quote")), None)),
    ("evidence", lambda a: json.dumps(_evidence(a), ensure_ascii=False, sort_keys=True) if _evidence(a) else None),
]

#: relationship type -> property columns after :START_ID, :END_ID, :TYPE
EDGE_COLUMNS: dict[str, list[tuple[str, Callable[[dict], Any]]]] = {
    **{r.value: _REL_EDGE_COLUMNS for r in Rel},
    **{code: [] for code in STRUCTURAL_PROPERTY},
    "GIAO_CHO": [("vai_tro", lambda a: a.get("vai_tro"))],
}

_KIND_NODES = {"Document": st.documents, "Body": st.bodies, "Obligation": st.obligations}


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


def _csv_text(header: list[str], rows: Iterable[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def node_files(G: nx.MultiDiGraph) -> dict[str, str]:
    """`Document.csv` etc. -> text, one per node label."""
    out = {}
    for label, columns in NODE_COLUMNS.items():
        header = [h for h, _ in columns]
        rows = ([_cell(h, f(n, a)) for h, f in columns] for n, a in _KIND_NODES[label](G))
        out[f"{label}.csv"] = _csv_text(header, rows)
    return out


def relationship_files(G: nx.MultiDiGraph) -> dict[str, str]:
    """`THUC_HIEN.csv` etc. -> text, one per relationship type; edges between known nodes only."""
    kinds = {n: a.get("kind") for n, a in G.nodes(data=True)}
    out = {}
    for code, columns in EDGE_COLUMNS.items():
        header = [":START_ID", ":END_ID", ":TYPE", *(h for h, _ in columns)]
        edges = sorted((s, t, a) for s, t, k, a in G.edges(keys=True, data=True)
                       if k == code and kinds.get(s) in _KIND_NODES and kinds.get(t) in _KIND_NODES)
        rows = ([s, t, code, *(_cell(h, f(a)) for h, f in columns)] for s, t, a in edges)
        out[f"{code}.csv"] = _csv_text(header, rows)
    return out


def import_arguments(files: Iterable[str], database: str = "neo4j") -> list[str]:
    """`neo4j-admin` arguments that load these files into an empty database (Neo4j 5).

    The database comes first: `--nodes` and `--relationships` take several values, so a name
    after them would be read as one more file.
    """
    names = sorted(files)
    return ["database", "import", "full", database, "--multiline-fields=true", "--array-delimiter=;",
            *(f"--nodes={f}" for f in names if f[:-4] in NODE_COLUMNS),
            *(f"--relationships={f}" for f in names if f[:-4] in EDGE_COLUMNS)]


def import_command(files: Iterable[str]) -> str:
    """`import.sh`: the neo4j-admin command for these files, run from their folder."""
    args = [shlex.quote(a) for a in import_arguments(files, database="DATABASE")]
    args[3] = '"${1:-neo4j}"'
    return ("#!/bin/sh\n# Load these files into an empty Neo4j 5 database (stop the server first): sh import.sh [DATABASE]\n"
            "# Text may span lines (obligation text, quotes), hence --multiline-fields.\n"
            "set -e\ncd \"$(dirname \"$0\")\"\n"
            "neo4j-admin " + " ".join(args[:4]) + " \\\n  " + " \\\n  ".join(args[4:]) + "\n")


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
