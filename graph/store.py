"""The embedded store: the extraction record of every file, and the networkx graph resolved from them.

Layout: `<store>/store.sqlite` (see `graph.database`): one row per file record (the source of
truth), the files' text lines with a full-text index, and the resolved graph as node and edge
rows. Every ingest is one transaction, so a crash or a bad file never leaves it half-written.
Edges are keyed by relation code, so the graph is a MultiDiGraph keyed (source, target, code), as
in kgx. A file is known by its path inside the folder it was given in and by the hash of its
bytes: an unchanged file is skipped before it is parsed, a moved one is recognised, and a record
made by another version of the extractor is made again.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

from vbgraph.errors import StoreError, UnreadableFile
from vbgraph.graph import database as db
from vbgraph.graph.rows import symbol_key
from vbgraph.loaders.records import FileRecord, Issue
from vbgraph.ontology.relations import Rel

if TYPE_CHECKING:
    import networkx as nx

    from vbgraph.graph.resolve import Resolved
    from vbgraph.loaders.read import Collected

STORE_FORMAT = db.STORE_FORMAT
DEFAULT_STORE = ".vbgraph"
PARALLEL_FROM = 8  # files to parse before parsing is spread over processes

Progress = Callable[[Path, int, int], None]


def default_store_dir() -> Path:
    return Path(os.environ.get("VBGRAPH_STORE") or DEFAULT_STORE)


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@cache
def extractor_version() -> str:
    """A digest of the extraction code and its tables: any change to them, by an upgrade or an
    edit, makes the records it made stale, so they are made again instead of trusted."""
    from importlib.metadata import PackageNotFoundError, version

    from vbgraph import loaders, ontology

    try:
        release = version("vbgraph")
    except PackageNotFoundError:  # run from a source tree
        release = "0"
    h = hashlib.sha256(release.encode())
    for package in (loaders, ontology):
        root = Path(str(package.__file__)).parent
        for f in sorted(root.rglob("*")):
            if f.suffix in {".py", ".toml", ".json", ".txt"} and "__pycache__" not in f.parts:
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return f"{release}+{h.hexdigest()[:12]}"


def resolver_version() -> str:
    """The extractor's version and a digest of the graph code (identities, relations, bodies,
    obligations are resolved there, with the extractor's tables): a store resolved by other code
    is resolved again whole at its next ingest, so an upgrade reaches the files whose records it
    leaves unchanged."""
    return f"{extractor_version()}+{_graph_digest()}"


@cache
def _graph_digest() -> str:
    from vbgraph import graph

    h = hashlib.sha256()
    for f in sorted(Path(str(graph.__file__)).parent.glob("*.py")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


@contextmanager
def atomic_text(path: Path, buffering: int = -1) -> Iterator[IO[str]]:
    """A UTF-8 text file (line feeds as written) that replaces `path` only when the block ends
    without an error: readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n", buffering=buffering) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (see `atomic_text`)."""
    with atomic_text(path) as fh:
        fh.write(text)


def new_graph() -> nx.MultiDiGraph:
    """An empty store graph. networkx is imported here, not with the module: commands that
    read rows only start without it."""
    import networkx as nx

    return nx.MultiDiGraph(format=STORE_FORMAT)


def build_graph(records: Iterable[FileRecord]) -> nx.MultiDiGraph:
    """The graph of all records, resolved together."""
    from vbgraph.graph.resolve import resolve  # not imported by commands that only read the store

    records = list(records)
    return graph_of(resolve(records), sorted(r.file for r in records))


def graph_of(res: Resolved, files: list[str]) -> nx.MultiDiGraph:
    """The networkx graph of a resolution. It empties `res` as it goes, so the two are never
    both whole in memory."""
    G = new_graph()
    for d in _drain(res.documents):
        G.add_node(d.pop("id"), kind="Document", **d)
    for r in _drain(res.relations):
        G.add_edge(
            r["source"], r["target"], key=r["type"], label=Rel(r["type"]).label, evidence=r["evidence"]
        )
    for b in _drain(res.bodies):
        G.add_node(b.pop("id"), kind="Body", **b)
    for o in _drain(res.obligations):
        G.add_node(o.pop("id"), kind="Obligation", **o)
    for s, t, k, a in _drain(res.task_edges):
        G.add_edge(s, t, key=k, **a)
    G.graph["issues"] = res.issues
    G.graph["as_of"] = res.as_of
    G.graph["files"] = files
    return G


def _drain(items: list) -> Iterator:
    """The items of a list in order, each let go of as it is taken."""
    items.reverse()
    while items:
        yield items.pop()


def documents(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    for n in sorted(G.nodes):
        a = G.nodes[n]
        if a.get("kind") == "Document":
            yield n, a


def bodies(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    for n in sorted(G.nodes):
        a = G.nodes[n]
        if a.get("kind") == "Body":
            yield n, a


def obligations(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    for n in sorted(G.nodes):
        a = G.nodes[n]
        if a.get("kind") == "Obligation":
            yield n, a


_REL_CODES = {r.value for r in Rel}


def relations(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, dict]]:
    """Document-to-document relations, sorted (source, target, code)."""
    out = [(s, t, k, a) for s, t, k, a in G.edges(keys=True, data=True) if k in _REL_CODES]
    yield from sorted(out, key=lambda x: (x[0], x[1], x[2]))


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)  # (name it had, path it is at now)
    reextracted: list[str] = field(default_factory=list)  # made again by a newer extractor
    reresolved: bool = False  # the store, resolved by another version, resolved again whole
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # inside folders: (path, reason)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.moved or self.reextracted)


def _holder(lock: Path) -> int | None:
    """The pid written in a lock file, or None when it holds none."""
    try:
        return int(lock.read_text(encoding="ascii").strip() or "x")
    except (OSError, ValueError):
        return None


def _holder_alive(lock: Path) -> bool:
    """Whether the process that wrote the lock still runs (same machine: the store is a local folder)."""
    pid = _holder(lock)
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by another user
    return True


@contextmanager
def _paused_gc():
    """No cyclic garbage collection while the records are read and resolved: they are all kept
    to the end, so the collector's full passes over them free nothing and grow with the store."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _UseWholeGraph(Exception):
    """The store's tables cannot answer (a graph built in memory, not yet saved): use the whole graph."""


class TextLines(Mapping[str, list[str]]):
    """The normalised lines of every file (index 0 unused), read from the store when asked for."""

    def __init__(self, con: sqlite3.Connection | None):
        self._con = con
        self._cache: dict[str, list[str]] = {}

    def __getitem__(self, name: str) -> list[str]:
        if name not in self._cache:
            rows = self._rows("SELECT line, text FROM lines WHERE file = ? ORDER BY line", (name,))
            if not rows and name not in self:
                raise KeyError(name)
            out = [""] * ((rows[-1][0] + 1) if rows else 1)
            for i, t in rows:
                out[i] = t
            self._cache[name] = out
        return self._cache[name]

    def __contains__(self, name: object) -> bool:
        return bool(self._rows("SELECT 1 FROM files WHERE name = ?", (name,)))

    def __iter__(self) -> Iterator[str]:
        return iter([r[0] for r in self._rows("SELECT name FROM files ORDER BY name", ())])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def _rows(self, sql: str, args: tuple) -> list[tuple]:
        return self._con.execute(sql, args).fetchall() if self._con is not None else []


@dataclass(frozen=True)
class _Job:
    path: Path
    name: str
    digest: str
    old: str | None  # the name of the record it replaces, if any
    where: str = ""  # the resolved path it is read from


@dataclass(frozen=True)
class _Parsed:
    """What a worker sends back: the record already as the JSON the store keeps (a string crosses
    processes far cheaper than the record's objects, and the parent has less to do), with what
    the parent reads of it."""

    file: str
    sha256: str
    record_json: str
    warnings: tuple[Issue, ...]
    lines: list[tuple[int, str, str]]
    error: tuple[str, str] | None

    @classmethod
    def of(cls, rec: FileRecord, lines: list[tuple[int, str, str]]) -> _Parsed:
        warnings = tuple(i for i in rec.issues if i.level == "warning")
        return cls(rec.file, rec.sha256, record_json(rec), warnings, lines, None)

    @classmethod
    def failed(cls, path: str, why: str) -> _Parsed:
        return cls("", "", "", (), [], (path, why))


def _parse_one(args: tuple[Path, str, bool]) -> _Parsed:
    """Read and parse one file (in a worker process when there are many): the record, its
    normalised and folded lines, or why it cannot be read."""
    from vbgraph.loaders.normalize import fold, normalize_text
    from vbgraph.loaders.parse import parse_source
    from vbgraph.loaders.read import read_source

    path, name, ocr = args
    try:
        src = read_source(path, ocr=ocr)
        rec = parse_source(src, name)
    except UnreadableFile as e:
        return _Parsed.failed(e.path, e.reason)
    except Exception as e:  # a reader's or a stage's bug must not cost the other files
        why = f"could not be read ({type(e).__name__}: {e}); please report it with the file"
        return _Parsed.failed(str(path), why)
    lines = [
        (i, t, fold(t)) for i, t in enumerate(normalize_text(src.text).split("\n"), start=1) if t.strip()
    ]
    return _Parsed.of(rec, lines)


def _parse_all(jobs: list[_Job], ocr: bool, workers: int, progress: Progress | None) -> Iterator[_Parsed]:
    """The parsed files in the order given; spread over `workers` processes when there are many."""
    args = [(j.path, j.name, ocr) for j in jobs]
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        results: Iterator[_Parsed] = map(_parse_one, args)
        pool = None
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        results = pool.map(_parse_one, args, chunksize=max(1, min(32, len(jobs) // (4 * workers))))
    try:
        for n, j in enumerate(jobs):
            if progress:
                progress(j.path, n, len(jobs))
            yield next(results)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _fts_phrase(words: list[str]) -> str:
    """An FTS5 query for these words as one phrase; quotes inside are doubled, so no word is syntax."""
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def _plain(o: object) -> dict:
    """A dataclass's fields, one level deep: json.dumps walks the rest."""
    names = _FIELDS.get(type(o))
    if names is None:
        if not dataclasses.is_dataclass(o):
            raise TypeError(f"{type(o).__name__} is not JSON serialisable")
        names = _FIELDS[type(o)] = tuple(f.name for f in dataclasses.fields(o))
    return {n: getattr(o, n) for n in names}


_FIELDS: dict[type, tuple[str, ...]] = {}


def record_json(rec: FileRecord) -> str:
    """`json.dumps(rec.to_dict())`, without `asdict`'s deep copy of every nested record (ten
    times the cost of writing it)."""
    return json.dumps(rec, default=_plain, ensure_ascii=False)


def _renamed(rec: dict, old: str, new: str) -> dict:
    """A record's JSON with every `file` that named `old` naming `new` (a moved file)."""

    def walk(x):
        if isinstance(x, dict):
            return {k: (new if k == "file" and v == old else walk(v)) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x

    return walk(rec)


class Store:
    """An embedded store in a folder. Load it, ingest into it, read its graph."""

    def __init__(self, directory: str | Path | None = None):
        self.dir = Path(directory) if directory else default_store_dir()
        self.path = self.dir / db.DB_FILE
        self._con: sqlite3.Connection | None = None
        self._records: dict[str, FileRecord] | None = None
        self._graph: nx.MultiDiGraph | None = None

    # -- reading ---------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.is_file() or (self.dir / db.V1_FILE).is_file()

    def _db(self, *, create: bool = False) -> sqlite3.Connection | None:
        if self._con is None:
            self._con = db.connect(self.dir, create=create)
        return self._con

    @property
    def records(self) -> dict[str, FileRecord]:
        if self._records is None:
            con = self._db()
            rows = con.execute("SELECT name, record FROM files ORDER BY name").fetchall() if con else []
            self._records = {name: FileRecord.from_dict(json.loads(r)) for name, r in rows}
        return self._records

    @property
    def texts(self) -> Mapping[str, list[str]]:
        """Normalised lines of every ingested file (index 0 unused), for search and context."""
        return TextLines(self._db())

    @property
    def graph(self) -> nx.MultiDiGraph:
        if self._graph is None:
            con = self._db()
            if con is None:
                self._graph = build_graph([])
            elif db.get_meta(con, "graph_stale"):  # migrated from an earlier layout
                self._graph = build_graph(self.records.values())
            else:
                self._graph = _load_graph(con)
        return self._graph

    def counts(self) -> dict[str, int]:
        """Documents, relations, bodies, obligations and warnings, counted in the store's tables."""
        if self.indexed:
            kinds = Counter(dict(self._rows("SELECT kind, count(*) FROM nodes GROUP BY kind", ())))
            rels = sum(self.count_relations().values())
        else:
            kinds = Counter(a.get("kind") for _, a in self.graph.nodes(data=True))
            rels = sum(1 for _ in relations(self.graph))
        return {
            "documents": kinds["Document"],
            "relations": rels,
            "bodies": kinds["Body"],
            "obligations": kinds["Obligation"],
            "warnings": len(self.graph_attributes().get("issues", [])),
        }

    # -- parts of the graph, read without loading it all --------------------------------------
    @property
    def indexed(self) -> bool:
        """Whether the store's tables answer questions about parts of the graph (else: load it all)."""
        try:
            self._rows("SELECT 1", ())
        except _UseWholeGraph:
            return False
        return self._db() is not None

    def _rows(self, sql: str, args: Iterable) -> list[tuple]:
        con = self._db()
        if con is None:
            return []
        if db.get_meta(con, "graph_stale"):
            raise _UseWholeGraph
        return con.execute(sql, tuple(args)).fetchall()

    def _in(self, sql: str, values: Iterable[str], *extra: str) -> list[tuple]:
        """`sql` with `{}` standing for a list of values, run in chunks SQLite accepts."""
        values = list(values)
        out: list[tuple] = []
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            out += self._rows(sql.format(",".join("?" * len(chunk))), [*chunk, *extra])
        return out

    def subgraph(self, ids: Iterable[str], codes: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The nodes `ids` with their attributes and the edges among them (of `codes`, if given),
        in the order of the whole graph: what a question about them sees of it."""
        ids, codes = set(ids), None if codes is None else set(codes)
        try:
            return self._subgraph(ids, codes)
        except _UseWholeGraph:
            G = self.graph
            H = type(G)(G.subgraph([n for n in G if n in ids]))
            H.remove_edges_from([e for e in H.edges(keys=True) if codes is not None and e[2] not in codes])
            return H

    def _subgraph(self, ids: set[str], codes: set[str] | None) -> nx.MultiDiGraph:
        G = new_graph()
        for _, n, kind, attrs in sorted(
            self._in("SELECT seq, id, kind, attrs FROM nodes WHERE id IN ({})", ids)
        ):
            G.add_node(n, kind=kind, **json.loads(attrs))
        if codes is not None and not codes:
            return G
        edges = self._in("SELECT seq, source, target, key, attrs FROM edges WHERE source IN ({})", ids)
        for _, s, t, k, attrs in sorted(edges):
            if t in ids and (codes is None or k in codes):
                G.add_edge(s, t, key=k, **json.loads(attrs))
        return G

    def reach(self, start: str, codes: Iterable[str], *, up: bool, depth: int | None) -> set[str]:
        """The nodes `depth` steps (None: any) from `start` along edges of `codes`, forward when
        `up`, backward otherwise, `start` among them; by indexed lookups, not by loading the graph."""
        return self.reach_from([start], codes, direction="up" if up else "down", depth=depth)

    def reach_from(
        self,
        starts: Iterable[str],
        codes: Iterable[str],
        *,
        direction: str,
        depth: int | None,
        within: Container[str] | None = None,
    ) -> set[str]:
        """The nodes `depth` steps (None: any) from any of `starts` along edges of `codes`, the starts
        among them: forward ("up"), backward ("down") or either way ("both", as on the undirected
        graph), stepping only on nodes `within` when given. One indexed query per step and side."""
        codes = sorted(set(codes))
        keys = ",".join("?" * len(codes))
        sides = {"up": [("target", "source")], "down": [("source", "target")]}.get(direction)
        sides = sides or [("target", "source"), ("source", "target")]
        sqls = [
            f"SELECT {there} FROM edges WHERE {here} IN ({{}}) AND key IN ({keys})" for there, here in sides
        ]
        seen = set(starts)
        frontier, steps = sorted(seen), 0
        while frontier and (depth is None or steps < depth):
            found = {r[0] for sql in sqls for r in self._in(sql, frontier, *codes)} - seen
            frontier = sorted(n for n in found if within is None or n in within)
            seen.update(frontier)
            steps += 1
        return seen

    def step(self, ids: Iterable[str], code: str, *, forward: bool) -> set[str]:
        """The other ends of the `code` edges out of `ids` (into them, when not `forward`)."""
        there, here = ("target", "source") if forward else ("source", "target")
        try:
            return {
                r[0]
                for r in self._in(f"SELECT {there} FROM edges WHERE {here} IN ({{}}) AND key = ?", ids, code)
            }
        except _UseWholeGraph:
            G = self.graph
            edges = G.out_edges if forward else G.in_edges
            return {
                e[1] if forward else e[0] for n in ids if n in G for e in edges(n, keys=True) if e[2] == code
            }

    def of_kind(self, kind: str, fields: Sequence[str] | None = None) -> nx.MultiDiGraph:
        """Every node of one kind (e.g. the bodies, a few thousand however large the store), no edges;
        with only the attributes `fields` when given (as `skeleton`), in one pass over the kind."""
        try:
            if fields is not None:
                return self._skeleton_nodes(self._rows(self._fields_sql(fields, "kind = ?"), (kind,)), fields)
            G = new_graph()
            for _, n, attrs in sorted(self._rows("SELECT seq, id, attrs FROM nodes WHERE kind = ?", (kind,))):
                G.add_node(n, kind=kind, **json.loads(attrs))
            return G
        except _UseWholeGraph:
            return self.subgraph(self.ids_of_kind(kind), codes=())

    def ids_of_kind(self, kind: str) -> list[str]:
        """The ids of every node of one kind, from the kinds' index."""
        try:
            return [r[0] for r in self._rows("SELECT id FROM nodes WHERE kind = ?", (kind,))]
        except _UseWholeGraph:
            return [n for n, a in self.graph.nodes(data=True) if a.get("kind") == kind]

    def nodes_of_kind(self, kind: str) -> Iterator[tuple[str, dict]]:
        """(id, attributes) of every node of a kind, by id, decoded one at a time as the caller
        asks: a listing of 400,000 tasks holds what it makes of each, not all the tasks."""
        con = self._db()
        if con is None or not self.indexed:  # a store migrated from an earlier layout: from its graph
            yield from ((n, a) for n, a in sorted(self.graph.nodes(data=True)) if a.get("kind") == kind)
            return
        for n, attrs in con.execute("SELECT id, attrs FROM nodes WHERE kind = ? ORDER BY id", (kind,)):
            yield n, {"kind": kind, **json.loads(attrs)}

    def nodes_with(self, kind: str, **equal: str) -> list[tuple[str, dict]]:
        """(id, attributes) of every node of a kind whose attributes `equal` say, sorted by id: a
        list of every document is a list (100k rows at 100k documents), not the whole graph (3 GB)."""
        names = sorted(equal)
        tests = "".join(f" AND json_extract(attrs, '$.{self._attribute(k)}') = ?" for k in names)
        sql = f"SELECT id, attrs FROM nodes WHERE kind = ?{tests} ORDER BY id"
        try:
            rows = self._rows(sql, [kind, *(equal[k] for k in names)])
        except _UseWholeGraph:
            G = self.graph
            return [
                (n, a)
                for n in sorted(G.nodes)
                if (a := G.nodes[n]).get("kind") == kind and all(a.get(k) == v for k, v in equal.items())
            ]
        return [(n, {"kind": kind, **json.loads(a)}) for n, a in rows]

    def edges_of(self, codes: Iterable[str], node: str | None = None) -> list[tuple[str, str, str, dict]]:
        """(source, target, code, attributes) of every edge of `codes` (from or to `node`, when
        given), sorted by source, target and code: by the edges' indexes, not the whole graph."""
        codes = sorted(set(codes))
        sql = f"SELECT source, target, key, attrs FROM edges WHERE key IN ({','.join('?' * len(codes))})"
        ends = [] if node is None else [node, node]
        if node is not None:
            sql += " AND (source = ? OR target = ?)"
        try:
            rows = self._rows(sql + " ORDER BY source, target, key", [*codes, *ends])
        except _UseWholeGraph:
            G = self.graph
            wanted = set(codes)
            found = [
                (s, t, k, a)
                for s, t, k, a in G.edges(keys=True, data=True)
                if k in wanted and (node is None or node in (s, t))
            ]
            return sorted(found, key=lambda e: e[:3])
        return [(s, t, k, json.loads(a)) for s, t, k, a in rows]

    def around(
        self, start: str, codes: Iterable[str], *, direction: str, depth: int | None
    ) -> nx.MultiDiGraph:
        """The part of the graph a walk from `start` along `codes` can see (direction up, down or
        both): a lineage or a tree on it is the one on the whole graph."""
        codes = list(codes)
        try:
            ids: set[str] = set()
            if direction in ("up", "both"):
                ids |= self.reach(start, codes, up=True, depth=depth)
            if direction in ("down", "both"):
                ids |= self.reach(start, codes, up=False, depth=depth)
        except _UseWholeGraph:
            return self.graph
        return self.subgraph(ids, codes)

    def neighbours(self, node: str) -> nx.MultiDiGraph:
        """A node, every node one edge from it, and the edges between it and them."""
        sql = "SELECT target FROM edges WHERE source = ? UNION SELECT source FROM edges WHERE target = ?"
        try:
            others = {r[0] for r in self._rows(sql, (node, node))}
        except _UseWholeGraph:
            return self.graph
        G = self.subgraph({node, *others})
        G.remove_edges_from([(s, t, k) for s, t, k in G.edges(keys=True) if node not in (s, t)])
        return G

    def documents_by(
        self, *, symbol: str | None = None, number: str | None = None, file: str | None = None
    ) -> list[str] | None:
        """Ids of the documents with this symbol (as `symbol_key` folds it), number or file, by the
        store's indexes; None when the store cannot say without its whole graph."""
        given = {
            "symbol_key": symbol and symbol_key(symbol),
            "number": number and number.lstrip("0"),
            "file": file,
        }
        where = [(f"{column} = ?", value) for column, value in given.items() if value is not None]
        sql = "SELECT id FROM nodes WHERE kind = 'Document'" + "".join(f" AND {w}" for w, _ in where)
        try:
            return [r[0] for r in self._rows(sql + " ORDER BY id", [v for _, v in where])]
        except _UseWholeGraph:
            return None

    def count_documents_by(self, *fields: str) -> Counter:
        """How many documents have each combination of these attributes' values."""
        if not all(f.isidentifier() for f in fields):
            raise ValueError(f"not attribute names: {fields}")
        cols = ", ".join(f"json_extract(attrs, '$.{f}')" for f in fields)
        rows = self._rows(f"SELECT {cols}, count(*) FROM nodes WHERE kind = 'Document' GROUP BY {cols}", ())
        return Counter({tuple(r[:-1]): r[-1] for r in rows})

    def count_relations(self) -> Counter:
        """How many document relations of each code."""
        codes = sorted(_REL_CODES)
        sql = f"SELECT key, count(*) FROM edges WHERE key IN ({','.join('?' * len(codes))}) GROUP BY key"
        return Counter(dict(self._rows(sql, codes)))

    def graph_attributes(self) -> dict:
        """The graph's own attributes (issues, as_of, files) without its nodes."""
        if not self.indexed:
            return dict(self.graph.graph)
        con = self._db()
        assert con is not None
        return {"format": STORE_FORMAT, **json.loads(db.get_meta(con, "graph") or "{}")}

    def documents_with_lines(self, hits: Iterable[tuple[str, int]]) -> dict[str, dict]:
        """{id: attributes} of the documents whose text holds any of these (file, line)."""
        by_file: dict[str, list[int]] = {}
        for f, line in hits:
            by_file.setdefault(f, []).append(line)
        out = {}
        for n, attrs in self._in("SELECT id, attrs FROM nodes WHERE file IN ({})", by_file):
            a = json.loads(attrs)
            src = a.get("source") or {}
            if any(src.get("first_line", 0) <= x <= src.get("last_line", -1) for x in by_file[src["file"]]):
                out[n] = a
        return out

    def documents_titled(self, words: list[str], limit: int | None = None) -> set[str]:
        """Documents whose symbol, name or title holds these folded words in this order (the first
        `limit` the index holds, when given)."""
        phrase = _fts_phrase(words)
        sql = "SELECT id FROM titles_fts WHERE titles_fts MATCH ?" + (" LIMIT ?" if limit is not None else "")
        return {r[0] for r in self._rows(sql, (phrase,) if limit is None else (phrase, limit))}

    def line_hits(self, words: list[str]) -> dict[tuple[str, int], tuple[str, str]]:
        """{(file, line): (text, folded text)} of every line holding these folded words in this order
        (a superset of the lines a phrase search matches), by the full-text index."""
        con = self._db()
        if con is None or not words:
            return {}
        phrase = _fts_phrase(words)
        rows = con.execute(
            "SELECT l.file, l.line, l.text, l.folded FROM lines_fts JOIN lines l ON l.id = lines_fts.rowid "
            "WHERE lines_fts MATCH ?",
            (phrase,),
        )
        return {(f, n): (t, folded) for f, n, t, folded in rows}

    def line_places(self, words: list[str], limit: int | None = None) -> dict[str, list[int]]:
        """{file: line numbers, sorted} of the lines `line_hits` finds (the first `limit` the index
        holds, when given), without their text: enough to bound a search's scores."""
        con = self._db()
        if con is None or not words:
            return {}
        sql = "SELECT rowid FROM lines_fts WHERE lines_fts MATCH ?" + (
            " LIMIT ?" if limit is not None else ""
        )
        rows = con.execute(
            f"SELECT file, line FROM lines WHERE id IN ({sql})",
            (_fts_phrase(words),) if limit is None else (_fts_phrase(words), limit),
        )
        out: dict[str, list[int]] = {}
        for f, n in rows:
            out.setdefault(f, []).append(n)
        for lines in out.values():
            lines.sort()
        return out

    def lines_within(self, spans: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], tuple[str, str]]:
        """{(file, line): (text, folded text)} of the lines from first to last of each (file, first,
        last): a few documents' text, by the index of lines."""
        con = self._db()
        if con is None:
            return {}
        sql = "SELECT line, text, folded FROM lines WHERE file = ? AND line BETWEEN ? AND ?"
        return {
            (f, n): (text, folded)
            for f, first, last in spans
            for n, text, folded in con.execute(sql, (f, first, last))
        }

    def document_spans(self, files: Iterable[str]) -> list[tuple[str, str, int, int, str | None]]:
        """(id, file, first line, last line, date) of every document whose text is in these files:
        where each stands, to count a search's line hits per document without reading it."""
        sql = (
            "SELECT id, file, json_extract(attrs, '$.source.first_line'), "
            "json_extract(attrs, '$.source.last_line'), json_extract(attrs, '$.date') "
            "FROM nodes WHERE file IN ({}) AND +kind = 'Document'"  # + : by the file's index, not the kind's
        )
        return sorted(self._in(sql, files))

    def skeleton(self, ids: Iterable[str], codes: Iterable[str], fields: Sequence[str]) -> nx.MultiDiGraph:
        """The nodes `ids` with their kind and only the attributes `fields`, and the edges of `codes`
        among them without attributes, in the order of the whole graph: the shape a question walks
        or counts, for a fraction of the cost of whole attributes (most of reading a part)."""
        ids, codes = set(ids), sorted(set(codes))
        try:
            G = self._skeleton_nodes(self._in(self._fields_sql(fields, "id IN ({})"), ids), fields)
            if not codes:
                return G
            keys = ",".join("?" * len(codes))
            sql = f"SELECT seq, source, target, key FROM edges WHERE source IN ({{}}) AND key IN ({keys})"
            G.add_edges_from((s, t, k, {}) for _, s, t, k in sorted(self._in(sql, ids, *codes)) if t in ids)
            return G
        except _UseWholeGraph:
            return self.subgraph(ids, codes)

    def relation_skeleton(self, codes: Iterable[str], fields: Sequence[str]) -> nx.MultiDiGraph:
        """`skeleton` of every edge of `codes` and the nodes at their ends: for a question about a whole
        relation (every implementation), which reads neither the other edges nor any evidence."""
        codes = sorted(set(codes))
        keys = f"key IN ({','.join('?' * len(codes))})"
        ends = (
            f"id IN (SELECT source FROM edges WHERE {keys}) OR id IN (SELECT target FROM edges WHERE {keys})"
        )
        try:
            edges = self._rows(f"SELECT source, target, key FROM edges WHERE {keys} ORDER BY seq", codes)
            G = self._skeleton_nodes(self._rows(self._fields_sql(fields, ends), [*codes, *codes]), fields)
        except _UseWholeGraph:
            G = self.graph
            return self.subgraph({n for s, t, k in G.edges(keys=True) if k in codes for n in (s, t)}, codes)
        G.add_edges_from((s, t, k, {}) for s, t, k in edges)
        return G

    def direct_reach(self, jurisdiction: str | None = None, since: str | None = None) -> list[tuple]:
        """Each implementation edge from a local document (of `jurisdiction`, dated `since` or
        later) as (source, target, the source's label, date and jurisdiction, the target's label),
        a label being the symbol or else the name (`graph.reach`), by jurisdiction, date, source
        and target as the table's key holds them: no join, no sort, no graph."""
        columns = "local, target, local_label, local_date, jurisdiction, target_label"
        return self._listing("direct_reach", columns, "target", jurisdiction, since)

    def central_reach(self, jurisdiction: str | None = None, since: str | None = None) -> list[tuple]:
        """Each local document (of `jurisdiction`, dated `since` or later) with each central one it
        implements, transitively (`graph.reach`): local id, label, date, jurisdiction, central id,
        label, depth; by jurisdiction, date, local and central id, as the table's key holds them."""
        columns = "local, local_label, local_date, jurisdiction, central, central_label, depth"
        return self._listing("central_reach", columns, "central", jurisdiction, since)

    def _listing(
        self, table: str, columns: str, other: str, jurisdiction: str | None, since: str | None
    ) -> list[tuple]:
        """A listing's rows (`graph.reach`) of a jurisdiction, from a date, in its key's order."""
        where, args = [], []
        if jurisdiction is not None:
            where.append("jurisdiction = ?")
            args.append(jurisdiction)
        if since:
            where.append("day >= ?")
            args.append(since)
        sql = f"SELECT {columns} FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        return self._rows(f"{sql} ORDER BY jurisdiction, day, local, {other}", args)

    @staticmethod
    def _fields_sql(fields: Sequence[str], where: str) -> str:
        """The nodes `where` says, ordered as the whole graph, with `fields` of their attributes as one
        JSON array (json_extract of two paths or more keeps true and false, not 1 and 0)."""
        paths = ", ".join(f"'$.{Store._attribute(f)}'" for f in [*fields, *fields[:1]])  # two paths or more
        values = f"json_extract(attrs, {paths})" if fields else "'[]'"
        return f"SELECT seq, id, kind, {values} FROM nodes WHERE {where}"

    @staticmethod
    def _skeleton_nodes(rows: list[tuple], fields: Sequence[str]) -> nx.MultiDiGraph:
        G = new_graph()
        for _, n, kind, values in sorted(rows):
            G.add_node(n, kind=kind, **dict(zip(fields, json.loads(values), strict=False)))
        return G

    @staticmethod
    def _attribute(name: str) -> str:
        """An attribute's name, checked to be one before it goes into a JSON path in SQL."""
        if not name.isidentifier():
            raise ValueError(f"not an attribute name: {name!r}")
        return name

    def values_of(self, kind: str, name: str) -> set:
        """The values one attribute takes on the nodes of a kind (None for nodes without it; a
        string or a number: true and false come from SQL as 1 and 0)."""
        try:
            sql = (
                f"SELECT DISTINCT json_extract(attrs, '$.{self._attribute(name)}') FROM nodes WHERE kind = ?"
            )
            return {r[0] for r in self._rows(sql, (kind,))}
        except _UseWholeGraph:
            return {a.get(name) for _, a in self.graph.nodes(data=True) if a.get("kind") == kind}

    def ids_where(self, kind: str, name: str, values: Iterable) -> list[str]:
        """Ids, sorted, of the nodes of a kind whose attribute `name` is one of `values` (None: has none)."""
        values = set(values)
        given = sorted(v for v in values if v is not None)
        value = f"json_extract(attrs, '$.{self._attribute(name)}')"
        test = f"{value} IN ({','.join('?' * len(given))})" + (
            f" OR {value} IS NULL" if None in values else ""
        )
        try:
            return [
                r[0]
                for r in self._rows(
                    f"SELECT id FROM nodes WHERE kind = ? AND ({test}) ORDER BY id", [kind, *given]
                )
            ]
        except _UseWholeGraph:
            G = self.graph
            return sorted(n for n, a in G.nodes(data=True) if a.get("kind") == kind and a.get(name) in values)

    def count_edges(
        self,
        code: str,
        *,
        by: str,
        ids: Iterable[str] | None = None,
        attribute: str | None = None,
        most: int | None = None,
    ) -> Counter:
        """How many `code` edges each node has at its end `by` ("source" or "target"), among `ids`
        when given; keyed (node, value) of an edge attribute when `attribute` is given; only the
        `most` counted first (most edges, then node) when given. A count in SQL, for a question
        about every node of a kind (how many tasks each body was given)."""
        end = {"source": "source", "target": "target"}[by]
        group = f"{end}, json_extract(attrs, '$.{self._attribute(attribute)}')" if attribute else end
        top = f" ORDER BY count(*) DESC, {group} LIMIT {int(most)}" if most is not None else ""
        out: Counter = Counter()
        try:
            if ids is None:  # the edges_key index holds the ends and the role: counted from it alone
                rows = self._rows(
                    f"SELECT {group}, count(*) FROM edges WHERE key = ? GROUP BY {group}{top}", (code,)
                )
            else:
                sql = (
                    f"SELECT {group}, count(*) FROM edges WHERE {end} IN ({{}}) AND key = ? GROUP BY {group}"
                )
                rows = self._in(sql, ids, code)
        except _UseWholeGraph:
            out = self._count_edges_in_graph(code, end, ids, attribute)
        else:
            for *key, n in rows:
                out[tuple(key) if attribute else key[0]] += n
        return (
            out if most is None else Counter(dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))[:most]))
        )

    def _count_edges_in_graph(
        self, code: str, end: str, ids: Iterable[str] | None, attribute: str | None
    ) -> Counter:
        wanted = None if ids is None else set(ids)
        out: Counter = Counter()
        for s, t, k, a in self.graph.edges(keys=True, data=True):
            n = s if end == "source" else t
            if k == code and (wanted is None or n in wanted):
                out[(n, a.get(attribute)) if attribute else n] += 1
        return out

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def _lock(self):
        self.dir.mkdir(parents=True, exist_ok=True)
        lock = self.dir / "lock"
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError as e:
            if _holder_alive(lock):
                raise StoreError(
                    f"{self.dir}: another vbgraph (pid {_holder(lock)}) is writing this store"
                ) from e
            # A lock left by a process that died (killed mid-ingest): its transaction never
            # committed, so the store holds the previous state whole, and the lock is taken over.
            lock.unlink(missing_ok=True)
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        try:
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            yield
        finally:
            lock.unlink(missing_ok=True)

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        progress: Progress | None = None,
        ocr: bool = False,
        jobs: int | None = None,
    ) -> IngestReport:
        """Read files into the store; unreadable files are reported and the rest still ingest.

        `progress(path, done, total)` is called before each file parsed. Nothing is skipped in
        silence: files inside folders that are not read are in `report.skipped` with their reason.
        Files whose bytes the store already holds, read by this extractor, are not parsed again.
        `jobs` processes parse (default: all cores)."""
        from vbgraph.loaders.read import collect

        report = IngestReport()
        found = collect(paths, ocr=ocr)
        report.failed.extend(found.failed)
        report.skipped.extend(found.skipped)
        try:
            self._ingest(found, report, progress, ocr, jobs)
        except (sqlite3.OperationalError, sqlite3.DatabaseError, OSError) as e:
            # A full disk, a file size limit, a folder turned read-only: the transaction rolled
            # back, so the store is as it was; one line names it and the reason.
            why = (e.strerror or str(e)) if isinstance(e, OSError) else str(e)
            raise StoreError(f"{self.dir}: cannot write ({why}); the store is as it was before") from e
        return report

    def _ingest(
        self, found: Collected, report: IngestReport, progress: Progress | None, ocr: bool, jobs: int | None
    ) -> None:
        with self._lock():
            if self.exists():
                con = self._db(create=True)
                assert con is not None
                self._ingest_into(con, found, report, progress, ocr, jobs)
                return
            con = db.build(self.dir)  # a new store: made beside its place, then put there whole
            try:
                self._ingest_into(con, found, report, progress, ocr, jobs)
                db.publish(con, self.dir)
            except BaseException:
                db.discard(con, self.dir)
                raise

    def _ingest_into(
        self,
        con: sqlite3.Connection,
        found: Collected,
        report: IngestReport,
        progress: Progress | None,
        ocr: bool,
        jobs: int | None,
    ) -> None:
        plan = _Plan(con, report)
        todo = [
            j
            for f in found.files
            if (j := plan.job(f, found.names.get(f, f.name), found.real.get(f))) is not None
        ]
        todo += plan.stale_elsewhere({j.name for j in todo} | set(found.names.values()))
        done = _parse_all(todo, ocr, jobs or default_jobs(), progress)
        with db.transaction(con):
            plan.keep_unchanged()
            fresh: set[str] = set()
            first_line = db.next_line_id(con)
            for job, parsed in zip(todo, done, strict=True):
                if (file := plan.store(job, parsed)) is not None:
                    fresh.add(file)
            db.index_lines_from(con, first_line)
            other = db.get_meta(con, "resolver") != resolver_version()
            report.reresolved = other and bool(plan.known) and not db.get_meta(con, "graph_stale")
            if report.changed or other or db.get_meta(con, "graph_stale"):
                self._resolve(con, fresh, plan, whole=other)

    def _resolve(self, con: sqlite3.Connection, fresh: set[str], plan: _Plan, *, whole: bool = False) -> None:
        """Bring the resolved graph up to date with the files changed (inside the ingest's
        transaction): only what they touch is resolved again, unless the store holds no
        resolution yet (migrated from an earlier layout) or one made by other code (`whole`),
        when every record is. Records are read back from the store as each step needs them, so
        memory does not grow with the corpus."""
        from vbgraph.graph import incremental  # not imported by commands that only read the store

        gone = set(plan.gone)
        if whole or db.get_meta(con, "graph_stale"):
            for table in db.RESOLVED_TABLES:
                con.execute(f"DELETE FROM {table}")
            fresh, gone = {name for (name,) in con.execute("SELECT name FROM files")}, set()
        with _paused_gc():
            incremental.update(con, incremental.Update(fresh | set(plan.renamed), gone), STORE_FORMAT)
        db.set_meta(con, "resolver", resolver_version())
        self._graph = None
        self._records = None


class _Plan:
    """What an ingest does with each file: skip it, move its record, or parse it; then store it."""

    def __init__(self, con: sqlite3.Connection, report: IngestReport):
        self.con = con
        self.report = report
        self.version = extractor_version()
        rows = con.execute("SELECT name, path, digest, extractor FROM files").fetchall()
        self.known = {name: (path, digest, extractor) for name, path, digest, extractor in rows}
        self.by_digest: dict[str, list[str]] = {}
        for name, (_, digest, _) in sorted(self.known.items()):
            if digest:
                self.by_digest.setdefault(digest, []).append(name)
        self.unchanged: list[tuple[str, str]] = []  # (name, path): only where it was read from changes
        self.moves: list[tuple[str, str, str]] = []  # (old name, new name, path)
        self.gone: list[str] = []  # names whose records left the store (moved away)
        self.renamed: list[str] = []  # new names of records moved without being read again

    def job(self, path: Path, name: str, where: str | None = None) -> _Job | None:
        """What to do with the file at `path` (real path `where`, when known) named `name`."""
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as e:
            self.report.failed.append((str(path), f"cannot be read ({e.strerror or e})"))
            return None
        where = where or str(path.resolve())
        old = self.known.get(name)
        if old is not None and old[1] == digest and old[2] == self.version:
            self.report.unchanged.append(str(path))
            self.unchanged.append((name, where))
            return None
        if old is None and (was := self._moved_from(digest)) is not None:
            extractor = self.known.pop(was)[2]
            self.report.moved.append((was, str(path)))
            if extractor != self.version:
                return _Job(path, name, digest, was, where)
            self.moves.append((was, name, where))  # the same bytes, read by this extractor: renamed only
            return None
        return _Job(path, name, digest, name if old is not None else None, where)

    def _moved_from(self, digest: str) -> str | None:
        """The record of a file with these bytes that is no longer where it was read from."""
        for name in self.by_digest.get(digest, []):
            path = self.known.get(name, (None,))[0]
            if path and not Path(path).exists():
                return name
        return None

    def stale_elsewhere(self, given: set[str]) -> list[_Job]:
        """Records made by another extractor whose file is still where it was, unchanged: made again."""
        out = []
        for name, (path, digest, extractor) in sorted(self.known.items()):
            if name in given or extractor == self.version or not path or not digest:
                continue
            p = Path(path)
            try:
                same = hashlib.sha256(p.read_bytes()).hexdigest() == digest
            except OSError:
                same = False
            if same:
                out.append(_Job(p, name, digest, name))
        return out

    def keep_unchanged(self) -> None:
        """Files skipped before parsing: where they were read from, and the new names of moved ones."""
        self.con.executemany("UPDATE files SET path = ? WHERE name = ?", [(w, n) for n, w in self.unchanged])
        for was, name, where in self.moves:
            (record,) = self.con.execute("SELECT record FROM files WHERE name = ?", (was,)).fetchone()
            record = json.dumps(_renamed(json.loads(record), was, name), ensure_ascii=False)
            self.con.execute(
                "UPDATE files SET name = ?, path = ?, record = ? WHERE name = ?", (name, where, record, was)
            )
            self.con.execute("UPDATE lines SET file = ? WHERE file = ?", (name, was))
            self.gone.append(was)
            self.renamed.append(name)

    def store(self, job: _Job, parsed: _Parsed) -> str | None:
        """Write a parsed file's record and lines; the record's file name, or None when it could
        not be read."""
        report = self.report
        if parsed.error is not None:
            report.failed.append(parsed.error)
            return None
        text = parsed.record_json
        old = self._old(job)
        if job.old is not None and job.old != job.name:
            self.gone.append(job.old)
            self.con.execute("DELETE FROM files WHERE name = ?", (job.old,))
            self.con.execute("DELETE FROM lines WHERE file = ?", (job.old,))
        elif old is None:
            report.added.append(str(job.path))
        elif old.get("sha256") != parsed.sha256:
            report.updated.append(str(job.path))
            report.warnings.append(f"{job.path}: replaces the earlier version of {parsed.file}")
        elif json.dumps(old, sort_keys=True) == json.dumps(json.loads(text), sort_keys=True):
            report.unchanged.append(str(job.path))
        else:
            report.reextracted.append(str(job.path))
        self.con.execute(
            "INSERT OR REPLACE INTO files (name, path, digest, extractor, record) VALUES (?, ?, ?, ?, ?)",
            (
                job.name,
                job.where or str(job.path.resolve()),
                job.digest,
                self.version,
                text,
            ),
        )
        db.put_lines(self.con, job.name, parsed.lines)
        report.warnings.extend(
            f"{i.file}:{i.line}: {i.message}" if i.line is not None else f"{job.path}: {i.message}"
            for i in parsed.warnings
        )
        return parsed.file

    def _old(self, job: _Job) -> dict | None:
        if job.old is None:
            return None
        row = self.con.execute("SELECT record FROM files WHERE name = ?", (job.old,)).fetchone()
        return json.loads(row[0]) if row else None


def _load_graph(con: sqlite3.Connection) -> nx.MultiDiGraph:
    """The graph from its rows, in the order `graph_of` builds it: documents, bodies, obligations,
    each by id; document relations, then the other edges, by source, target and code."""
    G = new_graph()
    G.graph.update(json.loads(db.get_meta(con, "graph") or "{}"))
    kinds = "CASE kind WHEN 'Document' THEN 0 WHEN 'Body' THEN 1 ELSE 2 END"
    for n, kind, attrs in con.execute(f"SELECT id, kind, attrs FROM nodes ORDER BY {kinds}, id"):
        G.add_node(n, kind=kind, **json.loads(attrs))
    codes = ",".join(f"'{r.value}'" for r in Rel)
    rows = con.execute(
        f"SELECT source, target, key, attrs FROM edges ORDER BY key NOT IN ({codes}), source, target, key"
    )
    for s, t, k, attrs in rows:
        G.add_edge(s, t, key=k, **json.loads(attrs))
    return G
