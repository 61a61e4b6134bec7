"""Which local documents implement which: the listings of the relation the store keeps.

`vbgraph implements --central` lists every central directive's implementations at every level
below it. At 100,000 documents walking the whole relation for each call costs about a second
(reading it, the walks, sorting the rows); the store keeps the walk's rows instead, in the order
the command lists them (table `central_reach` of `database.LISTINGS`, ordered by its key, with
the labels a listing shows), and an ingest walks again only from the central documents its changes can reach
(`refresh`). The walk is the one
`queries.research.central_implementations` makes over a graph: breadth first, at most
`MAX_DEPTH` steps, each document at its shortest depth, rows for local documents only.

`vbgraph implements` without `--central` lists each local document's implementation edges; they
are kept too (table `direct_reach`, in the listing's order with the labels): a join of the edges
with the labels of both ends, sorted, took a third of a second of that command at 100k.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence

from vbgraph.graph import database as db
from vbgraph.graph.identity import CENTRAL
from vbgraph.ontology.relations import Rel

MAX_DEPTH = 20  # the Cypher twins use [:THUC_HIEN*1..20]
CODE = Rel.THUC_HIEN.value
MANY = 5000  # documents touched beyond which both listings are made again whole

# A document's label, date and jurisdiction, by its id (the table doc_labels).
Label = tuple[str | None, str | None, str | None]
# A row of the closure: local jurisdiction, local date ("" for none), local id, central id, depth,
# then what a listing shows of the two: the local label and date, the central label.
Row = tuple[str, str, str, str, int, str | None, str | None, str | None]

# The rows of direct_reach: each implementation edge from a local document, with the labels.
_DIRECT = (
    "SELECT a.jurisdiction, coalesce(a.date, ''), e.source, e.target, a.label, a.date, b.label FROM edges e "
    "JOIN doc_labels a ON a.id = e.source JOIN doc_labels b ON b.id = e.target "
    "WHERE e.key = ? AND a.jurisdiction IS NOT NULL AND a.jurisdiction != ?"
)


def walk(
    down: Mapping[str, Sequence[str]], labels: Mapping[str, Label], centrals: Iterable[str]
) -> list[Row]:
    """The rows of each central document of `centrals` (others give none), over the implementation
    edges `down` (target -> sources), in the table's order.

    Examples
    --------
    >>> labels = {"tw": ("1-NQ/TW", "2020-01-01", CENTRAL), "tu": ("2-KH/TU", "2020-03-01", "Bắc Giang"),
    ...           "hu": ("3-KH/HU", None, "Bắc Giang")}
    >>> walk({"tw": ["tu"], "tu": ["hu"]}, labels, ["tw", "tu"])
    [('Bắc Giang', '', 'hu', 'tw', 2, '3-KH/HU', None, '1-NQ/TW'), ('Bắc Giang', '2020-03-01', 'tu', 'tw', 1, '2-KH/TU', '2020-03-01', '1-NQ/TW')]
    """
    found: list[Row] = []
    for c in centrals:
        if c not in labels or labels[c][2] != CENTRAL:
            continue
        central_label = labels[c][0]
        seen, layer = {c}, [c]
        for depth in range(1, MAX_DEPTH + 1):
            below = []
            for n in layer:
                for m in down.get(n, ()):
                    if m not in seen:
                        seen.add(m)
                        below.append(m)
            if not below:
                break
            layer = below
            for n in layer:
                label, date, j = labels[n]
                if j is not None and j != CENTRAL:
                    found.append((j, date or "", n, c, depth, label, date, central_label))
    found.sort()  # (jurisdiction, day, local, central) is unique to a row
    return found


def ends(edges: Iterable[tuple[str, str]], labels: Mapping[str, Label]) -> dict[str, list[str]]:
    """Implementation edges (source, target) between documents, as target -> sources."""
    down: dict[str, list[str]] = {}
    for s, t in edges:
        if s in labels and t in labels:
            down.setdefault(t, []).append(s)
    return down


def rebuild(con: sqlite3.Connection) -> None:
    """Both tables again, from every implementation edge (a first ingest, a migration)."""
    labels = {i: (label, date, j) for i, label, date, j in con.execute("SELECT * FROM doc_labels")}
    down = ends(con.execute("SELECT source, target FROM edges WHERE key = ?", (CODE,)), labels)
    con.execute("DELETE FROM central_reach")
    _insert(con, walk(down, labels, sorted(down)))
    con.execute("DELETE FROM direct_reach")
    con.execute(f"INSERT INTO direct_reach {_DIRECT} ORDER BY 1, 2, 3, 4", (CODE, CENTRAL))


def refresh(con: sqlite3.Connection, changed: set[str], sources: set[str], targets: set[str]) -> None:
    """The rows a change can have changed, again: `changed` are the documents whose labels changed,
    `sources` those whose relation edges were made again, `targets` the targets of implementation
    edges made or removed."""
    if len(changed | sources | targets) > MANY:
        rebuild(con)
        return
    _refresh_central(con, changed | targets)
    _refresh_direct(con, changed | sources, changed)


def _refresh_direct(con: sqlite3.Connection, sources: set[str], targets: set[str]) -> None:
    """The edges of `sources` and to `targets` again (a document's own edges change only where
    resolution made its relations again, their labels where its node changed)."""
    for end, ids in (("local", sources), ("target", targets)):
        for chunk in db.chunks(ids):
            con.execute(f"DELETE FROM direct_reach WHERE {end} IN ({','.join('?' * len(chunk))})", chunk)
    for end, ids in (("source", sources), ("target", targets)):
        for chunk in db.chunks(ids):
            con.execute(
                f"INSERT OR IGNORE INTO direct_reach {_DIRECT} AND e.{end} IN ({','.join('?' * len(chunk))})",
                (CODE, CENTRAL, *chunk),
            )


def _refresh_central(con: sqlite3.Connection, touched: set[str]) -> None:
    """The rows of the central documents a change can have reached again: `touched` are the
    documents whose labels changed and the targets of implementation edges made or removed. A
    central document's rows change only if it reaches one of them, before or after the change;
    after, a walk up from them finds it (an edge it reached them by that is gone has its own
    target in `touched`, and that target is reached by a path the change left); before, its
    rows name them."""
    centrals = _centrals_above(con, touched)
    for chunk in db.chunks(touched):
        marks = ",".join("?" * len(chunk))
        centrals.update(
            c
            for (c,) in con.execute(
                f"SELECT central FROM central_reach WHERE local IN ({marks}) OR central IN ({marks})",
                chunk * 2,
            )
        )
    if not centrals:
        return
    for chunk in db.chunks(centrals):
        con.execute(f"DELETE FROM central_reach WHERE central IN ({','.join('?' * len(chunk))})", chunk)
    down, labels = _below(con, centrals)
    _insert(con, walk(down, labels, sorted(centrals)))


def _centrals_above(con: sqlite3.Connection, ids: set[str]) -> set[str]:
    """The central documents among `ids` and those MAX_DEPTH implementation steps above them."""
    seen, layer = set(ids), sorted(ids)
    for _ in range(MAX_DEPTH):
        up = {t for s, t in _edges(con, "source", layer) if t not in seen}
        if not up:
            break
        seen |= up
        layer = sorted(up)
    return {i for i, j in _labels(con, seen) if j == CENTRAL}


def _below(con: sqlite3.Connection, centrals: set[str]) -> tuple[dict[str, list[str]], dict[str, Label]]:
    """The implementation edges MAX_DEPTH steps below `centrals`, and their documents' labels."""
    edges: list[tuple[str, str]] = []
    seen, layer = set(centrals), sorted(centrals)
    for _ in range(MAX_DEPTH):
        found = _edges(con, "target", layer)
        edges += found
        below = {s for s, _ in found if s not in seen}
        if not below:
            break
        seen |= below
        layer = sorted(below)
    labels: dict[str, Label] = {}
    for chunk in db.chunks(seen):
        marks = ",".join("?" * len(chunk))
        for i, label, date, j in con.execute(f"SELECT * FROM doc_labels WHERE id IN ({marks})", chunk):
            labels[i] = (label, date, j)
    return ends(sorted(edges), labels), labels


def _edges(con: sqlite3.Connection, end: str, ids: Sequence[str]) -> list[tuple[str, str]]:
    """The implementation edges (source, target) whose `end` is one of `ids`."""
    out: list[tuple[str, str]] = []
    for chunk in db.chunks(ids):
        marks = ",".join("?" * len(chunk))
        out += con.execute(
            f"SELECT source, target FROM edges WHERE {end} IN ({marks}) AND key = ?", (*chunk, CODE)
        ).fetchall()
    return out


def _labels(con: sqlite3.Connection, ids: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    for chunk in db.chunks(ids):
        marks = ",".join("?" * len(chunk))
        yield from con.execute(f"SELECT id, jurisdiction FROM doc_labels WHERE id IN ({marks})", chunk)


def _insert(con: sqlite3.Connection, rows: list[Row]) -> None:
    con.executemany("INSERT INTO central_reach VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
