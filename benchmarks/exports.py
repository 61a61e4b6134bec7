#!/usr/bin/env python3
"""Export benchmark: time and peak memory of every export format, against the cost of loading.

For each store given (`--store DIR`, repeatable), every format is written by the command line as a
user runs it, one fresh process each:

    vbgraph export --format F -o OUT --store DIR        # F: json ttl jsonld nt graphml csv

    python benchmarks/exports.py --store /tmp/scale/store-1000 --store /tmp/scale/store-10000
    python benchmarks/exports.py --store S1 --store S2 --formats ttl,nt --workdir /tmp/exportbench
    python benchmarks/exports.py --store S --json /tmp/exports.json --keep

The figures, one row per store and format:

- s: wall time of the command (start of the interpreter and loading of the store included);
- peak RSS MB: the largest resident set of that process (getrusage of a wrapper process that
  runs only that command);
- over load s: s less the `load` baseline, what the writer itself costs;
- output MB: the size of the file written (of the folder, for csv).

Two baselines are measured in the same run, for the same store, in fresh processes too:

- read: a plain read of the store's database file, 1 MiB at a time (the disk and the page cache);
- load: `vbgraph.graph.store.Store(DIR).graph`, the graph every export starts from.

Then, for each store and the next larger one, the ratio of documents and the ratio of each
format's time and peak RSS: an export is linear when its time grows no faster than the documents,
with 20% for noise (10,000 -> 100,000 documents: at most 12x).

The stores are never written: each is copied into --workdir first (opening a store with SQLite
creates its -wal and -shm files beside it), and the copy and the outputs are removed at the end
unless --keep. A large store takes as much room again (the 100,000-document store is 3.5 GB).
A command that fails stops that store with its last lines of stderr; the rows already measured
are still printed. Nothing here asserts on time. These machines are noisy: compare figures of
one run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import measure  # benchmarks/measure.py, beside this script

FORMATS = ("json", "ttl", "jsonld", "nt", "graphml", "csv")
SLACK = measure.SLACK  # a ratio of times up to 1.2x the ratio of documents still counts as linear
BenchError = measure.BenchError

READ = r"""
import sys
with open(sys.argv[1], "rb", buffering=0) as f:
    while f.read(1 << 20):
        pass
"""

LOAD = r"""
import sys
from vbgraph.graph.store import Store
G = Store(sys.argv[1]).graph
print(G.number_of_nodes(), G.number_of_edges())
"""


@dataclass
class Measured:
    seconds: float
    rss_mb: float
    output_mb: float | None = None


@dataclass
class StoreResult:
    store: str
    documents: int
    relations: int
    nodes: int = 0
    edges: int = 0
    baselines: dict[str, Measured] = field(default_factory=dict)
    formats: dict[str, Measured] = field(default_factory=dict)
    error: str | None = None


def timed(cmd: list[str], cwd: Path) -> tuple[Measured, str]:
    """Run `cmd` in a fresh wrapper process: its wall time and peak RSS, and its stdout."""
    m = measure.run(cmd, cwd)
    return Measured(m.seconds, m.rss_mb), m.stdout


def size_mb(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
    return path.stat().st_size / 1e6


def copy_store(store: Path, workdir: Path) -> Path:
    """A copy of the store's folder to run on: the original is only read."""
    if not (store / "store.sqlite").is_file():
        raise BenchError(f"{store}: no store.sqlite there")
    need = sum(p.stat().st_size for p in store.iterdir() if p.is_file())
    if shutil.disk_usage(workdir).free < need * 1.2:
        raise BenchError(f"{workdir}: not enough room to copy {store} ({need / 1e9:.1f} GB)")
    copy = workdir / f"store-{store.name}"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    for p in store.iterdir():
        if p.is_file() and not p.name.endswith(("-wal", "-shm")):
            shutil.copy2(p, copy / p.name)
    return copy


def counts(vbgraph: list[str], store: Path, cwd: Path) -> tuple[int, int]:
    out = subprocess.run(
        [*vbgraph, "stats", "--store", str(store), "--json"],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    data = json.loads(out.stdout)
    return int(data["documents"]), int(data["relations"])


def bench_store(store: Path, formats: list[str], workdir: Path, keep: bool) -> StoreResult:
    vbgraph = measure.vbgraph_command()
    print(f"[{store}] copying", file=sys.stderr, flush=True)
    copy = copy_store(store, workdir)
    try:
        documents, relations = counts(vbgraph, copy, workdir)
        result = StoreResult(str(store), documents, relations)
        try:
            result.baselines["read"], _ = timed(
                [sys.executable, "-c", READ, str(copy / "store.sqlite")], workdir
            )
            result.baselines["load"], out = timed([sys.executable, "-c", LOAD, str(copy)], workdir)
            result.nodes, result.edges = map(int, out.split())
            print(
                f"[{store}] {documents} documents, load {result.baselines['load'].seconds:.1f} s",
                file=sys.stderr,
            )
            for fmt in formats:
                target = workdir / f"export-{store.name}.{fmt}"
                m, _ = timed(
                    [*vbgraph, "export", "--format", fmt, "-o", str(target), "--store", str(copy)], workdir
                )
                m.output_mb = size_mb(target)
                result.formats[fmt] = m
                print(f"[{store}] {fmt}: {m.seconds:.1f} s, {m.rss_mb:.0f} MB", file=sys.stderr, flush=True)
                if not keep:
                    shutil.rmtree(target) if target.is_dir() else target.unlink()
        except BenchError as e:
            result.error = str(e)
            print(f"[{store}] {e}", file=sys.stderr)
        return result
    finally:
        if not keep:
            shutil.rmtree(copy, ignore_errors=True)


def table(results: list[StoreResult], formats: list[str]) -> str:
    rows = [
        "| documents | export | s | peak RSS MB | over load s | output MB |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for r in results:
        for name, label in (("read", "(read the store file)"), ("load", "(load the graph)")):
            if (m := r.baselines.get(name)) is not None:
                rows.append(f"| {r.documents:,} | {label} | {m.seconds:.1f} | {m.rss_mb:.0f} | | |")
        load = r.baselines.get("load")
        for fmt in formats:
            if (m := r.formats.get(fmt)) is None:
                continue
            over = f"{m.seconds - load.seconds:.1f}" if load is not None else ""
            rows.append(
                f"| {r.documents:,} | {fmt} | {m.seconds:.1f} | {m.rss_mb:.0f} | {over} | {m.output_mb or 0:.1f} |"
            )
    return "\n".join(rows)


def ratios(results: list[StoreResult], formats: list[str]) -> str:
    done = sorted((r for r in results if r.documents), key=lambda r: r.documents)
    rows = [
        "| documents | export | time ratio | RSS ratio | linear (time ≤ 1.2 × documents) |",
        "|---|---|---:|---:|---|",
    ]
    for small, large in itertools.pairwise(done):
        n = large.documents / small.documents
        for fmt in ["load", *formats]:
            a = small.baselines.get(fmt) or small.formats.get(fmt)
            b = large.baselines.get(fmt) or large.formats.get(fmt)
            if a is None or b is None:
                continue
            t = b.seconds / a.seconds
            verdict = "yes" if measure.linear(t, n) else "no"
            rows.append(
                f"| {small.documents:,} → {large.documents:,} ({n:.0f}×) | {fmt} | {t:.1f}× | "
                f"{b.rss_mb / a.rss_mb:.1f}× | {verdict} |"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store", action="append", type=Path, required=True, help="a store folder (repeatable)"
    )
    parser.add_argument(
        "--formats", default=",".join(FORMATS), help=f"comma-separated (default: {','.join(FORMATS)})"
    )
    parser.add_argument(
        "--workdir", type=Path, help="where the copies and outputs go (default: a temporary folder)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the copies of the stores and the outputs")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    if unknown := [f for f in formats if f not in FORMATS]:
        parser.error(f"unknown format(s): {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="vbgraph-exports-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: list[StoreResult] = []
    try:
        for store in args.store:
            try:
                results.append(bench_store(store.resolve(), formats, workdir, args.keep))
            except (BenchError, subprocess.CalledProcessError) as e:
                print(f"[{store}] {e}", file=sys.stderr)
    finally:
        if args.workdir is None and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(table(results, formats))
    print()
    print(ratios(results, formats))
    for r in results:
        if r.error:
            print(f"\n{r.store}: {r.error}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n", "utf-8")
    return 1 if any(r.error for r in results) or len(results) < len(args.store) else 0


if __name__ == "__main__":
    sys.exit(main())
