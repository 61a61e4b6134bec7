"""The embedded store: a networkx MultiDiGraph on disk, next to the records it was built from.

Layout: `<store>/graph.json` holds the per-file extraction records (the source of truth) and
the resolved graph (node-link JSON). It is written to a temporary file and moved into place,
so a crash or a bad file never leaves it half-written. Edges are keyed by relation code, so the
graph is a MultiDiGraph keyed (source, target, code), as in kgx.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from vbgraph.errors import StoreError, UnreadableFile
from vbgraph.graph.resolve import resolve
from vbgraph.loaders.records import FileRecord
from vbgraph.ontology.relations import Rel

STORE_FORMAT = "vbgraph-store"
STORE_VERSION = 1
GRAPH_FILE = "graph.json"
DEFAULT_STORE = ".vbgraph"


def default_store_dir() -> Path:
    return Path(os.environ.get("VBGRAPH_STORE") or DEFAULT_STORE)


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_graph(records: Iterable[FileRecord]) -> nx.MultiDiGraph:
    """The graph of all records, resolved together."""
    records = list(records)
    res = resolve(records)
    G = nx.MultiDiGraph(format=STORE_FORMAT)
    for d in res.documents:
        G.add_node(d["id"], kind="Document", **{k: v for k, v in d.items() if k != "id"})
    for r in res.relations:
        G.add_edge(
            r["source"], r["target"], key=r["type"], label=Rel(r["type"]).label, evidence=r["evidence"]
        )
    for b in res.bodies:
        G.add_node(b["id"], kind="Body", **{k: v for k, v in b.items() if k != "id"})
    for o in res.obligations:
        G.add_node(o["id"], kind="Obligation", **{k: v for k, v in o.items() if k != "id"})
    for s, t, k, a in res.task_edges:
        G.add_edge(s, t, key=k, **a)
    G.graph["issues"] = res.issues
    G.graph["as_of"] = res.as_of
    G.graph["files"] = sorted(r.file for r in records)
    return G


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
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # inside folders: (path, reason)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


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


class Store:
    """An embedded store in a folder. Load it, ingest into it, read its graph."""

    def __init__(self, directory: str | Path | None = None):
        self.dir = Path(directory) if directory else default_store_dir()
        self.path = self.dir / GRAPH_FILE
        self._records: dict[str, FileRecord] | None = None
        self._graph: nx.MultiDiGraph | None = None
        self._texts: dict[str, list[str]] = {}

    # -- reading ---------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.is_file()

    def _load(self) -> None:
        if self._records is not None:
            return
        if not self.exists():
            self._records, self._graph = {}, None
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise StoreError(f"{self.path}: unreadable store ({e}); remove it and ingest again") from e
        if data.get("format") != STORE_FORMAT:
            raise StoreError(f"{self.path}: not a vbgraph store")
        if data.get("version") != STORE_VERSION:
            raise StoreError(
                f"{self.path}: store version {data.get('version')} (this vbgraph reads {STORE_VERSION}); "
                "ingest the texts again into a new store"
            )
        self._records = {k: FileRecord.from_dict(v) for k, v in data["records"].items()}
        self._texts = data.get("texts", {})
        self._graph = nx.node_link_graph(data["graph"], directed=True, multigraph=True, edges="edges")

    @property
    def records(self) -> dict[str, FileRecord]:
        self._load()
        assert self._records is not None
        return self._records

    @property
    def texts(self) -> dict[str, list[str]]:
        """Normalised lines of every ingested file (index 0 unused), for search and context."""
        self._load()
        return self._texts

    @property
    def graph(self) -> nx.MultiDiGraph:
        self._load()
        if self._graph is None:
            self._graph = build_graph(self.records.values())
        return self._graph

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
            # A lock left by a process that died (killed mid-ingest): the store file was never
            # half-written (it is replaced atomically), so the lock is taken over.
            lock.unlink(missing_ok=True)
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        try:
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            yield
        finally:
            lock.unlink(missing_ok=True)

    def save(self) -> None:
        G = self.graph
        data = {
            "format": STORE_FORMAT,
            "version": STORE_VERSION,
            "records": {k: self.records[k].to_dict() for k in sorted(self.records)},
            "texts": {k: self._texts[k] for k in sorted(self._texts) if k in self.records},
            "graph": nx.node_link_data(G, edges="edges"),
        }
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True))

    def ingest(self, paths: Iterable[str | Path], *, progress=None, ocr: bool = False) -> IngestReport:
        """Read files into the store; unreadable files are reported and the rest still ingest.

        `progress(path, done, total)` is called before each file. Nothing is skipped in silence:
        files inside folders that are not read are in `report.skipped` with their reason."""
        from vbgraph.loaders.normalize import normalize_text
        from vbgraph.loaders.parse import parse_source
        from vbgraph.loaders.read import collect, read_source

        report = IngestReport()
        found = collect(paths)
        report.failed.extend(found.failed)
        report.skipped.extend(found.skipped)
        with self._lock():
            self._records = None
            self._load()
            records = dict(self.records)
            for n, f in enumerate(found.files):
                if progress:
                    progress(f, n, len(found.files))
                try:
                    src = read_source(f, ocr=ocr)
                    rec = parse_source(src, found.names.get(f, f.name))
                except UnreadableFile as e:
                    report.failed.append((e.path, e.reason))
                    continue
                except Exception as e:  # a reader's or a stage's bug must not cost the other files
                    report.failed.append(
                        (
                            str(f),
                            f"could not be read ({type(e).__name__}: {e}); please report it with the file",
                        )
                    )
                    continue
                old = records.get(rec.file)
                if old is not None and old.sha256 == rec.sha256:
                    report.unchanged.append(str(f))
                    continue
                if old is not None:
                    report.updated.append(str(f))
                    report.warnings.append(f"{f}: replaces the earlier version of {rec.file}")
                else:
                    report.added.append(str(f))
                records[rec.file] = rec
                self._texts[rec.file] = ["", *normalize_text(src.text).split("\n")]
                report.warnings.extend(
                    f"{i.file}:{i.line}: {i.message}" if i.line is not None else f"{f}: {i.message}"
                    for i in rec.issues
                    if i.level == "warning"
                )
            if report.changed:
                self._records = records
                self._graph = build_graph(records.values())
                self.save()
        return report
