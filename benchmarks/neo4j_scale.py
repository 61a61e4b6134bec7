#!/usr/bin/env python3
"""The scale-out path, timed: one store into Neo4j both ways, the writer and the bulk import.

For a store that outgrows one machine's embedded graph (see benchmarks/scale.py for making one
of 10k–100k synthetic documents), it measures in one run:

1. `vbgraph export --format csv -o DIR` (the neo4j-admin header format, with `import.sh`);
2. `neo4j-admin database import full` of those files into an empty database (the jars of
   scripts/neo4j-local, run as org.neo4j.cli.AdminTool, as `import.sh` runs neo4j-admin), then
   the server started on that database, counting what it holds;
3. `vbgraph neo4j load` (the batched MERGE writer, one transaction, or one per batch with
   --batched, which a 100k-document store needs at a 4 GiB heap) into a fresh server;

and prints the wall times, nodes and relationships per second, and the ratio of the two loads.

    .venv/bin/python benchmarks/neo4j_scale.py --store /tmp/scale/store-100000

It starts and stops its own servers (scripts/neo4j-local, heap VBGRAPH_NEO4J_HEAP, default 4g
here) in temporary run folders; nothing else is touched.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"
VBGRAPH = [sys.executable, "-m", "vbgraph.cli"] if shutil.which("vbgraph") is None else ["vbgraph"]


def run(cmd: list[str], **kw) -> tuple[float, str]:
    """Wall time and output of a command that must succeed."""
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    took = time.perf_counter() - t
    if done.returncode:
        sys.exit(f"{' '.join(cmd[:4])} … failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return took, done.stdout + done.stderr


def neo4j_lib() -> Path:
    run([str(SCRIPT), "install"], timeout=1800)
    version = os.environ.get("VBGRAPH_NEO4J_VERSION") or re.search(
        r"VBGRAPH_NEO4J_VERSION:-([0-9.]+)", SCRIPT.read_text("utf-8")
    ).group(1)
    home = Path(os.environ.get("VBGRAPH_NEO4J_HOME") or Path.home() / ".cache" / "vbgraph" / "neo4j")
    return home / version / "lib"


def server_env(run_dir: Path) -> dict[str, str]:
    """Start scripts/neo4j-local in `run_dir`; its NEO4J_* exports."""
    env = os.environ | {
        "VBGRAPH_NEO4J_RUN": str(run_dir),
        "VBGRAPH_NEO4J_HEAP": os.environ.get("VBGRAPH_NEO4J_HEAP", "4g"),
    }
    _, out = run([str(SCRIPT), "start"], env=env, timeout=600)
    for m in re.finditer(r"export (NEO4J_\w+)=(\S+)", out):
        env[m.group(1)] = m.group(2).strip("'\"")
    return env


def stop(run_dir: Path) -> None:
    subprocess.run(
        [str(SCRIPT), "stop"], env=os.environ | {"VBGRAPH_NEO4J_RUN": str(run_dir)}, capture_output=True
    )


def counts(env: dict[str, str]) -> tuple[int, int]:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(env["NEO4J_URI"], auth=(env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"])) as d:
        nodes = d.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        rels = d.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return nodes, rels


def bulk(store: Path, work: Path) -> dict:
    """Export CSV, import it with neo4j-admin into a fresh run folder's database, start on it."""
    from vbgraph.exports.csv_export import import_arguments

    csv_dir = work / "csv"
    export_s, _ = run([*VBGRAPH, "export", "--format", "csv", "-o", str(csv_dir), "--store", str(store)])
    run_dir = work / "bulk-run"
    env = server_env(run_dir)  # creates the run folder, its conf and an empty database
    stop(run_dir)
    data = run_dir / "data"
    for db in ("databases/neo4j", "transactions/neo4j"):
        shutil.rmtree(data / db, ignore_errors=True)
    files = sorted(p.name for p in csv_dir.iterdir() if p.suffix == ".csv")
    java = os.environ.get("VBGRAPH_NEO4J_JAVA") or shutil.which("java") or "java"
    conf = run_dir / "conf"
    import_s, _ = run(
        [java, "-Xmx4g", "-cp", f"{neo4j_lib()}/*", "org.neo4j.cli.AdminTool", *import_arguments(files)],
        cwd=csv_dir,
        env=os.environ | {"NEO4J_HOME": str(run_dir), "NEO4J_CONF": str(conf)},
        timeout=3600,
    )
    env = server_env_keep(run_dir)
    try:
        nodes, rels = counts(env)
    finally:
        stop(run_dir)
    return {"export_s": export_s, "import_s": import_s, "nodes": nodes, "relationships": rels}


def server_env_keep(run_dir: Path) -> dict[str, str]:
    env = os.environ | {
        "VBGRAPH_NEO4J_RUN": str(run_dir),
        "VBGRAPH_NEO4J_HEAP": os.environ.get("VBGRAPH_NEO4J_HEAP", "4g"),
    }
    _, out = run([str(SCRIPT), "start", "--keep-data"], env=env, timeout=600)
    for m in re.finditer(r"export (NEO4J_\w+)=(\S+)", out):
        env[m.group(1)] = m.group(2).strip("'\"")
    return env


def writer(store: Path, work: Path, batched: bool) -> dict:
    run_dir = work / "writer-run"
    env = server_env(run_dir)
    extra = ["--batched"] if batched else []
    try:
        load_s, _ = run([*VBGRAPH, "neo4j", "load", "--store", str(store), *extra], env=env, timeout=7200)
        nodes, rels = counts(env)
    finally:
        stop(run_dir)
    return {"load_s": load_s, "nodes": nodes, "relationships": rels}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--workdir", type=Path)
    ap.add_argument(
        "--batched",
        action="store_true",
        help="Load with a transaction per batch (needed where one transaction exceeds the server's memory).",
    )
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="vbgraph-neo4j-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    b = bulk(args.store, work)
    w = writer(args.store, work, args.batched)
    bulk_total = b["export_s"] + b["import_s"]
    print("| way | nodes | relationships | time s | relationships/s | ratio |")
    print("|---|---|---|---|---|---|")
    print(
        f"| `vbgraph neo4j load{' --batched' if args.batched else ''}` (MERGE writer) | {w['nodes']:,} | {w['relationships']:,} | "
        f"{w['load_s']:.0f} | {w['relationships'] / w['load_s']:,.0f} | 1.00 |"
    )
    print(
        f"| `vbgraph export --format csv` + `neo4j-admin database import full` | {b['nodes']:,} | "
        f"{b['relationships']:,} | {bulk_total:.0f} ({b['export_s']:.0f} + {b['import_s']:.0f}) | "
        f"{b['relationships'] / bulk_total:,.0f} | {bulk_total / w['load_s']:.2f} |"
    )
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
