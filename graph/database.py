"""The store's database: one SQLite file, its schema, and the migrations from every earlier layout.

SQLite from the standard library: transactions make every ingest all or nothing (a crash at any
point leaves the previous state readable), WAL lets queries read while an ingest writes, and
FTS5 indexes the folded text lines for `search`.

Tables:
- `meta`: format, schema version, the extractor version of the last ingest, graph attributes;
- `files`: one row per ingested file: its name in the store, where it was read from, the sha256
  of its bytes, the extractor version, and its extraction record (JSON);
- `lines` (+ `lines_fts`): the normalised text lines of every file, folded for search;
- `nodes`, `edges`: the resolved graph; loaded in the order building it gives (documents,
  bodies, obligations by id; relations, then the other edges, by ends and code), so loading it
  gives the same networkx graph (and the same exports) as building it;
- `r_*`: what resolution made of each file, so a change re-resolves only what it touches
  (`graph.incremental`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vbgraph.errors import StoreError
from vbgraph.graph.rows import label_row

STORE_FORMAT = "vbgraph-store"
SCHEMA_VERSION = 9  # 1: graph.json (records, texts and node-link graph in one JSON file); 2: no r_* tables;
# 3: no COUNTS indexes; 4: the COUNTS indexes only in stores migrated from 3 (new ones lacked them);
# 5: titles_fts rows numbered in insertion order (now: the seq of their document's node); 6: no
# labels of documents; 7: the labels as an index of json_extract (SQLite before 3.41 parses each
# node's JSON to read them all the same), edge indexes without the other end; 8: no closure of the
# implementations of central documents (graph.reach)
DB_FILE = "store.sqlite"
V1_FILE = "graph.json"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    name TEXT PRIMARY KEY,      -- the file's path inside the folder it was given in
    path TEXT,                  -- where it was read from (absolute), to recognise moves
    digest TEXT,                -- sha256 of its bytes: unchanged files are skipped before parsing
    extractor TEXT NOT NULL,    -- the extractor version that made the record
    record TEXT NOT NULL        -- loaders.records.FileRecord as JSON
);
CREATE INDEX files_digest ON files (digest);
CREATE TABLE lines (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    text TEXT NOT NULL,         -- normalised (tones, NFC), as shown in context
    folded TEXT NOT NULL        -- lowercase, no diacritics: what search matches
);
CREATE INDEX lines_file ON lines (file, line);
CREATE VIRTUAL TABLE lines_fts USING fts5 (folded, content='lines', content_rowid='id');
-- new lines enter the index in bulk (index_lines_from); removed ones leave it one by one
CREATE TRIGGER lines_ad AFTER DELETE ON lines BEGIN
    INSERT INTO lines_fts (lines_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
END;
CREATE TABLE nodes (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, attrs TEXT NOT NULL,
    symbol_key TEXT,            -- a document's symbol as people type it (graph.store.symbol_key)
    number TEXT,                -- a document's number without leading zeros
    file TEXT                   -- the file a document's text is in
);
CREATE INDEX nodes_kind ON nodes (kind);
CREATE INDEX nodes_symbol ON nodes (symbol_key);
CREATE INDEX nodes_number ON nodes (number);
CREATE INDEX nodes_file ON nodes (file);
CREATE VIRTUAL TABLE titles_fts USING fts5 (id UNINDEXED, words);  -- folded symbol, name, title;
-- rowid: the seq of the document's node (an UNINDEXED column is found by reading every row)
CREATE TABLE edges (
    seq INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL,
    attrs TEXT NOT NULL
);
"""
# Each holds the other end too: a step of a lineage, and every edge of a relation (`edges_key`),
# is read from an index alone, none of the edges' rows (which hold their evidence)
EDGE_INDEXES = """
CREATE INDEX IF NOT EXISTS edges_source ON edges (source, key, target);
CREATE INDEX IF NOT EXISTS edges_target ON edges (target, key, source);
"""
SCHEMA += EDGE_INDEXES

RESOLUTION = """
-- what resolution made of each file, kept so that a change re-resolves only what it touches
-- (graph.incremental): the partitions of its items, the documents each partition made, the
-- document each citation names, relation evidence by document key, obligation readings, the
-- bodies named in resolution order, and the issues met
CREATE TABLE r_parts (part TEXT NOT NULL, file TEXT NOT NULL, PRIMARY KEY (part, file)) WITHOUT ROWID;
CREATE INDEX r_parts_file ON r_parts (file);
CREATE TABLE r_docs (
    key TEXT PRIMARY KEY, part TEXT NOT NULL, id TEXT NOT NULL, type TEXT, jurisdiction TEXT,
    date TEXT, in_corpus INTEGER NOT NULL, created TEXT NOT NULL, attrs TEXT NOT NULL
);
CREATE INDEX r_docs_part ON r_docs (part);
CREATE INDEX r_docs_id ON r_docs (id);
CREATE INDEX r_docs_type ON r_docs (type, jurisdiction);
CREATE TABLE r_places (
    file TEXT NOT NULL, item INTEGER NOT NULL, part TEXT, key TEXT, PRIMARY KEY (file, item)
) WITHOUT ROWID;  -- item: a citation's index, or -1 - index of a text document
CREATE INDEX r_places_part ON r_places (part);
CREATE INDEX r_places_key ON r_places (key);
CREATE TABLE r_evidence (
    file TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,
    stating TEXT, evidence TEXT NOT NULL
);
CREATE INDEX r_evidence_file ON r_evidence (file);
CREATE INDEX r_evidence_source ON r_evidence (source);
CREATE INDEX r_evidence_target ON r_evidence (target);
CREATE TABLE r_tasks (
    file TEXT NOT NULL, n INTEGER NOT NULL, oid TEXT NOT NULL, doc TEXT NOT NULL, doc_id TEXT NOT NULL,
    type TEXT, jurisdiction TEXT, level TEXT, lo TEXT, hi TEXT, words TEXT NOT NULL,
    fulfilled_by TEXT, deadline TEXT, plan INTEGER NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (file, n)
) WITHOUT ROWID;
CREATE INDEX r_tasks_oid ON r_tasks (oid, file, n);
CREATE INDEX r_tasks_doc ON r_tasks (doc);
CREATE INDEX r_tasks_doc_id ON r_tasks (doc_id);
CREATE INDEX r_tasks_group ON r_tasks (type, jurisdiction);
CREATE INDEX r_tasks_fulfilled ON r_tasks (fulfilled_by);
CREATE INDEX r_tasks_deadline ON r_tasks (deadline);
CREATE TABLE r_calls (file TEXT, n INTEGER, doc TEXT, ord TEXT NOT NULL, name TEXT NOT NULL, jurisdiction TEXT);
CREATE INDEX r_calls_item ON r_calls (file, n);
CREATE INDEX r_calls_doc ON r_calls (doc);
CREATE INDEX r_calls_name ON r_calls (name, jurisdiction, ord);
CREATE TABLE r_issues (owner TEXT NOT NULL, ord TEXT NOT NULL, issue TEXT NOT NULL);
CREATE INDEX r_issues_owner ON r_issues (owner);
"""

COUNTS = """
-- what `stats`, `bodies` and a jurisdiction's documents count and find, read from indexes alone
CREATE INDEX IF NOT EXISTS nodes_documents ON nodes (
    kind, json_extract(attrs, '$.type'), json_extract(attrs, '$.level'), json_extract(attrs, '$.in_corpus')
);
CREATE INDEX IF NOT EXISTS nodes_jurisdiction ON nodes (kind, json_extract(attrs, '$.jurisdiction'));
CREATE INDEX IF NOT EXISTS edges_key ON edges (key, target, json_extract(attrs, '$.vai_tro'), source);
"""

# What a question about a whole relation shows of each document at its ends (`vbgraph implements`
# without a filter: 100k rows at 100k documents), as columns (graph.rows.label_row): reading them
# from the nodes' JSON, or from an index of json_extract (SQLite before 3.41 parses the JSON all
# the same), cost half a second at 100k documents.
LABEL_FIELDS = ("symbol", "name", "date", "jurisdiction")
LABELS = """
CREATE TABLE IF NOT EXISTS doc_labels (id TEXT PRIMARY KEY, label TEXT, date TEXT, jurisdiction TEXT) WITHOUT ROWID;
"""

# The listings of the implementation relation the store keeps, each in its command's order with
# the labels it shows (`graph.reach` fills them).
LISTINGS = """
CREATE TABLE IF NOT EXISTS central_reach (
    jurisdiction TEXT NOT NULL, day TEXT NOT NULL, local TEXT NOT NULL, central TEXT NOT NULL,
    depth INTEGER NOT NULL, local_label TEXT, local_date TEXT, central_label TEXT,
    PRIMARY KEY (jurisdiction, day, local, central)
) WITHOUT ROWID;  -- the labels with the rows: a listing joining doc_labels twice takes half again as long
CREATE INDEX IF NOT EXISTS central_reach_central ON central_reach (central);
CREATE INDEX IF NOT EXISTS central_reach_local ON central_reach (local);
CREATE TABLE IF NOT EXISTS direct_reach (
    jurisdiction TEXT NOT NULL, day TEXT NOT NULL, local TEXT NOT NULL, target TEXT NOT NULL,
    local_label TEXT, local_date TEXT, target_label TEXT, PRIMARY KEY (jurisdiction, day, local, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS direct_reach_local ON direct_reach (local);
CREATE INDEX IF NOT EXISTS direct_reach_target ON direct_reach (target);
"""


def connect(directory: Path, *, create: bool) -> sqlite3.Connection | None:
    """The open database of the store in `directory`, migrated to this version; None when there is
    no store there and `create` is false. A store written by a newer vbgraph is refused."""
    path = directory / DB_FILE
    v1 = directory / V1_FILE
    if not path.exists() and not (create or v1.exists()):
        return None
    directory.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists()
    con = None
    try:
        con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("PRAGMA busy_timeout=30000")
        if fresh:
            _create(con, v1 if v1.exists() else None)
        _check_version(con, path)
    except BaseException as e:
        if fresh:  # a creation that did not finish leaves nothing behind
            if con is not None:
                con.close()
            for p in (path, path.with_name(DB_FILE + "-wal"), path.with_name(DB_FILE + "-shm")):
                p.unlink(missing_ok=True)
        if isinstance(e, sqlite3.DatabaseError):
            raise StoreError(f"{path}: unreadable store ({e}); remove it and ingest again") from e
        raise
    return con


BUILD_SUFFIX = ".new"  # a new store's database while its first ingest writes it


def build(directory: Path) -> sqlite3.Connection:
    """The database of a store that has none yet, made in a file of its own beside its place and
    put there whole by `publish`. A first ingest writes every row of the store: in WAL mode each
    page is written twice, to the log and then into the database (15 s of the first ingest of
    100k documents, a fifteenth of it). Here the journal is kept in memory and nothing is
    synced until the end; a crash leaves no store (as before it) and a build that the next
    ingest removes."""
    directory.mkdir(parents=True, exist_ok=True)
    _remove_build(directory)  # left by an ingest that was killed
    con = sqlite3.connect(directory / (DB_FILE + BUILD_SUFFIX), isolation_level=None, check_same_thread=False)
    try:
        con.execute("PRAGMA journal_mode=MEMORY")
        con.execute("PRAGMA synchronous=OFF")
        _create(con, None)
    except BaseException:
        discard(con, directory)
        raise
    return con


def publish(con: sqlite3.Connection, directory: Path) -> None:
    """A built database (`build`) in its place, in the WAL mode `connect` opens it in: synced, then
    renamed into place in one step (a reader finds no store, or the whole of it)."""
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    built = directory / (DB_FILE + BUILD_SUFFIX)
    _fsync(built)
    os.replace(built, directory / DB_FILE)
    if os.name == "posix":  # the rename itself made durable (a folder cannot be opened elsewhere)
        _fsync(directory)


def discard(con: sqlite3.Connection, directory: Path) -> None:
    """A build that failed: closed and removed, so that no store is left where there was none."""
    con.close()
    _remove_build(directory)


def _remove_build(directory: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        (directory / (DB_FILE + BUILD_SUFFIX + suffix)).unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create(con: sqlite3.Connection, v1: Path | None) -> None:
    """A new database, holding the records of a version-1 store when there is one (migration 1 -> 2)."""
    old = _read_v1(v1) if v1 else None
    meta = {"format": STORE_FORMAT, "schema_version": str(SCHEMA_VERSION)}
    con.executescript(
        "BEGIN IMMEDIATE;" + SCHEMA + LABELS + RESOLUTION + COUNTS + LISTINGS
    )  # the transaction stays open until COMMIT below
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    if old is not None:
        _migrate_v1(con, old)
    con.execute("COMMIT")
    if v1 is not None:
        v1.rename(v1.with_name(V1_FILE + ".migrated"))


def _read_v1(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"{path}: unreadable store ({e}); remove it and ingest again") from e
    if data.get("format") != STORE_FORMAT:
        raise StoreError(f"{path}: not a vbgraph store")
    if data.get("version") != 1:
        raise StoreError(
            f"{path}: store version {data.get('version')} (this vbgraph reads 1 and {SCHEMA_VERSION}); "
            "ingest the texts again into a new store"
        )
    return data


def _migrate_v1(con: sqlite3.Connection, data: dict[str, Any]) -> None:
    """Records and texts of a graph.json store. Its files' bytes were never hashed and their
    extractor is unknown: the next ingest of each re-reads it and keeps it if its text is the same."""
    from vbgraph.loaders.normalize import fold

    for name, rec in sorted(data["records"].items()):
        con.execute(
            "INSERT INTO files (name, path, digest, extractor, record) VALUES (?, NULL, NULL, 'v1', ?)",
            (name, json.dumps(rec, ensure_ascii=False, sort_keys=True)),
        )
    first = next_line_id(con)
    for name, lines in sorted(data.get("texts", {}).items()):
        if name in data["records"]:
            con.executemany(
                "INSERT INTO lines (file, line, text, folded) VALUES (?, ?, ?, ?)",
                [(name, i, t, fold(t)) for i, t in enumerate(lines) if i and t.strip()],
            )
    index_lines_from(con, first)
    set_meta(con, "graph_stale", "1")  # built again from the records on first use


def _check_version(con: sqlite3.Connection, path: Path) -> None:
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") != STORE_FORMAT:
        raise StoreError(f"{path}: not a vbgraph store")
    version = int(meta.get("schema_version", "0"))
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: store version {version} is newer than this vbgraph reads ({SCHEMA_VERSION}); "
            "upgrade vbgraph"
        )
    for start in range(version, SCHEMA_VERSION):
        with transaction(con):  # a step and its version number, or neither
            MIGRATIONS[start](con)
            set_meta(con, "schema_version", str(start + 1))


RESOLVED_TABLES = (
    "nodes",
    "doc_labels",
    "central_reach",
    "direct_reach",
    "edges",
    "titles_fts",
    "r_parts",
    "r_docs",
    "r_places",
    "r_evidence",
    "r_tasks",
    "r_calls",
    "r_issues",
)  # what a resolution of every record makes again


def _statements(script: str) -> list[str]:
    """The statements of a script of this module (no ";" inside them), to run one by one inside a
    transaction (`executescript` would commit it)."""
    return [x for x in script.split(";") if x.strip()]


def _resolution_tables(con: sqlite3.Connection) -> None:
    """2 -> 3: the tables incremental resolution keeps; the graph is resolved again from the
    records on first use, which fills them."""
    for statement in _statements(RESOLUTION):
        con.execute(statement)
    set_meta(con, "graph_stale", "1")


def _count_indexes(con: sqlite3.Connection) -> None:
    """3 -> 4: the indexes counts read; 4 -> 5: again, for the stores version 4 made new without them;
    6 -> 7: the documents' labels (now their own table: `_label_table`)."""
    for statement in _statements(COUNTS):
        con.execute(statement)


def _titles_by_seq(con: sqlite3.Connection) -> None:
    """5 -> 6: each title's row numbered by its node's seq, so that a changed document's title is
    deleted by rowid."""
    con.execute("CREATE TEMP TABLE old_titles AS SELECT id, words FROM titles_fts")
    con.execute("DELETE FROM titles_fts")
    con.execute(
        "INSERT INTO titles_fts (rowid, id, words) SELECT n.seq, t.id, t.words FROM temp.old_titles t "
        "JOIN nodes n ON n.id = t.id ORDER BY n.seq"
    )
    con.execute("DROP TABLE temp.old_titles")


def _label_table(con: sqlite3.Connection) -> None:
    """7 -> 8: the documents' labels in a table of their own, in place of an index of json_extract;
    each edge index holding both ends."""
    con.execute("DROP INDEX IF EXISTS nodes_labels")
    for name in ("edges_key", "edges_source", "edges_target"):
        con.execute(f"DROP INDEX IF EXISTS {name}")
    for statement in _statements(EDGE_INDEXES + COUNTS):
        con.execute(statement)
    for statement in _statements(LABELS):
        con.execute(statement)
    con.execute("DELETE FROM doc_labels")
    rows = con.execute("SELECT id, attrs FROM nodes WHERE kind = 'Document'")
    con.executemany(
        "INSERT INTO doc_labels VALUES (?, ?, ?, ?)", (label_row(i, json.loads(a)) for i, a in rows)
    )


def _reach_table(con: sqlite3.Connection) -> None:
    """8 -> 9: the listings of implementations (`graph.reach`): the closure of the central
    documents', and each local document's edges."""
    from vbgraph.graph import reach  # it reads and writes through this module

    for statement in _statements(LISTINGS):
        con.execute(statement)
    reach.rebuild(con)


# The step from each database version to the next, by the version it starts from (version 1 is a
# JSON file, migrated when the database is created).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    2: _resolution_tables,
    3: _count_indexes,
    4: _count_indexes,
    5: _titles_by_seq,
    6: _count_indexes,
    7: _label_table,
    8: _reach_table,
}


class transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception: all or nothing."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def __enter__(self) -> sqlite3.Connection:
        self.con.execute("BEGIN IMMEDIATE")
        return self.con

    def __exit__(self, kind, value, tb) -> None:
        if kind is not None:
            if self.con.in_transaction:  # SQLite may have rolled back already (a full disk)
                self.con.execute("ROLLBACK")
            return
        try:
            self.con.execute("COMMIT")
        except sqlite3.Error:  # a full disk at the commit: undo, so the connection stays usable
            if self.con.in_transaction:
                self.con.execute("ROLLBACK")
            raise


@contextmanager
def indexes_after(con: sqlite3.Connection, *tables: str) -> Iterator[None]:
    """The tables' indexes dropped while a whole resolution fills them, and made again after (as
    they were declared): at 100,000 documents one CREATE INDEX over the finished rows costs a
    fraction of putting each row into six indexes in no order of theirs. Inside a transaction
    only: a failure rolls the drop back with the rest, so nothing reads the tables meanwhile."""
    marks = ",".join("?" * len(tables))
    made = con.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) "
        "ORDER BY name",
        tables,
    ).fetchall()
    for name, _ in made:
        con.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in made:
        con.execute(sql)


CHUNK = 500  # values bound in one IN (…)


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    """The values sorted, CHUNK at a time: what one IN (…) binds, in an order no set decides."""
    vals = sorted(values, key=str)
    for i in range(0, len(vals), CHUNK):
        yield vals[i : i + CHUNK]


def get_meta(con: sqlite3.Connection, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(con: sqlite3.Connection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def next_line_id(con: sqlite3.Connection) -> int:
    """The id the next line inserted gets: where `index_lines_from` starts."""
    return con.execute("SELECT coalesce(max(id), 0) + 1 FROM lines").fetchone()[0]


def index_lines_from(con: sqlite3.Connection, first: int) -> None:
    """Put the lines inserted since id `first` into the full-text index, in one statement (a
    trigger per row costs four times as much)."""
    con.execute("INSERT INTO lines_fts (rowid, folded) SELECT id, folded FROM lines WHERE id >= ?", (first,))


def put_lines(con: sqlite3.Connection, name: str, lines: Iterable[tuple[int, str, str]]) -> None:
    """The text of file `name` (line number, normalised, folded), replacing what it had."""
    con.execute("DELETE FROM lines WHERE file = ?", (name,))
    con.executemany(
        "INSERT INTO lines (file, line, text, folded) VALUES (?, ?, ?, ?)", ((name, *x) for x in lines)
    )
