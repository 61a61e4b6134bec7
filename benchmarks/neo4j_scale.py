#!/usr/bin/env python3
"""The scale-out paths, timed: one store into Neo4j by the writer and by the bulk import.

For a store of 10k–100k synthetic documents (benchmarks/scale.py makes them), it measures in
one run, each on a fresh server of scripts/neo4j-local with the script's default heap (1 GiB,
unless VBGRAPH_NEO4J_HEAP says otherwise), so the writer meets the server a user gets:

1. `vbgraph neo4j load` into an empty database (one transaction if the load fits the server's
   transaction memory, else a transaction per batch: it says which), then a second load of the
   same store (which must change nothing);
2. on the same server, emptied, a bare `UNWIND $rows … CREATE` of the same nodes (ids only) and
   relationships (no properties), a transaction per 10,000 rows: the yardstick the writer's time
   is a ratio of;
3. `vbgraph export --format csv -o DIR` (the neo4j-admin header format, with `import.sh`) and
   `neo4j-admin database import full` of those files into an empty database (the jars of
   scripts/neo4j-local, run as org.neo4j.cli.AdminTool, as `import.sh` runs neo4j-admin), then
   the server started on that database;

and prints a table (nodes, relationships, seconds, relationships per second, ratio of the bare
CREATE's time to each way's), then whether the two databases hold the same properties: every
node and relationship is compared (all properties but `run_id` and `lastupdated`), and the
differences are counted per label and type, with an example.

    .venv/bin/python benchmarks/neo4j_scale.py --store /tmp/scale/store-10000

It starts and stops its own servers in temporary run folders; nothing else is touched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import measure  # benchmarks/measure.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"
VBGRAPH = measure.vbgraph_command()
BARE_BATCH = 10_000
NOT_COMPARED = ("run_id", "lastupdated")


def run(cmd: list[str], **kw: Any) -> tuple[float, str]:
    """Wall time and output of a command that must succeed."""
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)
    took = time.perf_counter() - t
    if done.returncode:
        sys.exit(f"{' '.join(cmd[:4])} … failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return took, done.stdout + done.stderr


def neo4j_lib() -> Path:
    run([str(SCRIPT), "install"], timeout=1800)
    found = re.search(r"VBGRAPH_NEO4J_VERSION:-([0-9.]+)", SCRIPT.read_text("utf-8"))
    version = os.environ.get("VBGRAPH_NEO4J_VERSION") or (found.group(1) if found else "")
    home = Path(os.environ.get("VBGRAPH_NEO4J_HOME") or Path.home() / ".cache" / "vbgraph" / "neo4j")
    return home / version / "lib"


def _env(run_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return env | {"VBGRAPH_NEO4J_RUN": str(run_dir), "VBGRAPH_NEO4J_PYTHON": sys.executable}


@contextmanager
def server(run_dir: Path, keep_data: bool = False) -> Iterator[dict[str, str]]:
    """A scripts/neo4j-local server in `run_dir`, its NEO4J_* exports in the environment; stopped after."""
    env = _env(run_dir)
    _, out = run([str(SCRIPT), "start", *(["--keep-data"] if keep_data else [])], env=env, timeout=600)
    for m in re.finditer(r"export (NEO4J_\w+)=(\S+)", out):
        env[m.group(1)] = m.group(2).strip("'\"")
    try:
        yield env
    finally:
        subprocess.run([str(SCRIPT), "stop"], env=env, capture_output=True, check=False)


def driver(env: dict[str, str]) -> Any:
    from neo4j import GraphDatabase

    return GraphDatabase.driver(env["NEO4J_URI"], auth=(env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"]))


def counts(env: dict[str, str]) -> tuple[int, int]:
    with driver(env) as d:
        nodes = d.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        rels = d.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return nodes, rels


def _digest(props: dict[str, Any]) -> str:
    kept = {k: v for k, v in props.items() if k not in NOT_COMPARED}
    return hashlib.sha1(
        json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()


def fingerprint(env: dict[str, str]) -> dict[tuple[str, ...], tuple[str, dict[str, Any]]]:
    """(label, id) or (type, source id, target id) -> (digest of the properties, the properties)."""
    out: dict[tuple[str, ...], tuple[str, dict[str, Any]]] = {}
    with driver(env) as d, d.session() as s:
        for r in s.run("MATCH (n) RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS p"):
            out[(r["label"], r["id"])] = (_digest(r["p"]), r["p"])
        for r in s.run("MATCH (a)-[x]->(b) RETURN type(x) AS t, a.id AS s, b.id AS e, properties(x) AS p"):
            out[(r["t"], r["s"], r["e"])] = (_digest(r["p"]), r["p"])
    return out


def compare(bulk: dict, loaded: dict) -> list[str]:
    """Lines saying where the imported database and the loaded one differ: items only in one,
    and per label or type and property, how many items differ there, with an example."""
    lines = []
    only = [Counter(k[0] for k in a.keys() - b.keys()) for a, b in ((bulk, loaded), (loaded, bulk))]
    for side, c in zip(("only imported", "only loaded"), only, strict=True):
        if c:
            lines.append(f"  {side}: {dict(c)}")
    differ: Counter[tuple[str, str]] = Counter()
    example: dict[tuple[str, str], tuple] = {}
    for k in bulk.keys() & loaded.keys():
        if bulk[k][0] == loaded[k][0]:
            continue
        a, b = bulk[k][1], loaded[k][1]
        for x in sorted(a.keys() | b.keys()):
            if x not in NOT_COMPARED and a.get(x) != b.get(x):
                differ[k[0], x] += 1
                example.setdefault((k[0], x), (k[1:], a.get(x), b.get(x)))
    for (kind, prop), n in sorted(differ.items()):
        where, a, b = example[kind, prop]
        lines.append(f"  {kind}.{prop}: {n:,} differ, e.g. {where}: {a!r:.70} imported, {b!r:.70} loaded")
    return lines


def bare(env: dict[str, str], shape: dict) -> float:
    """Empty the database (keeping its schema), then CREATE the same nodes (ids only) and
    relationships (no properties) a transaction per BARE_BATCH rows; the seconds it took."""
    with driver(env) as d:
        with d.session() as s:  # relationships first: a body's thousands of them fit no one transaction
            s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()
            s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()
        t = time.perf_counter()
        with d.session() as s:
            for label, ids in shape["nodes"].items():
                q = f"UNWIND $rows AS id CREATE (:{label} {{id: id}})"
                for i in range(0, len(ids), BARE_BATCH):
                    s.execute_write(lambda tx, q=q, b=ids[i : i + BARE_BATCH]: tx.run(q, rows=b).consume())
            for (rel, src, dst), pairs in shape["relationships"].items():
                q = (
                    f"UNWIND $rows AS row MATCH (a:{src} {{id: row[0]}}) MATCH (b:{dst} {{id: row[1]}}) "
                    f"CREATE (a)-[:{rel}]->(b)"
                )
                for i in range(0, len(pairs), BARE_BATCH):
                    s.execute_write(lambda tx, q=q, b=pairs[i : i + BARE_BATCH]: tx.run(q, rows=b).consume())
        return time.perf_counter() - t


def shape_of(env: dict[str, str]) -> dict:
    """The ids of the nodes per label and the ends of the relationships per type."""
    nodes: dict[str, list[str]] = {}
    rels: dict[tuple[str, str, str], list[list[str]]] = {}
    with driver(env) as d, d.session() as s:
        for r in s.run("MATCH (n) RETURN labels(n)[0] AS label, n.id AS id"):
            nodes.setdefault(r["label"], []).append(r["id"])
        for r in s.run(
            "MATCH (a)-[x]->(b) RETURN type(x) AS t, labels(a)[0] AS sl, labels(b)[0] AS tl, a.id AS s, b.id AS e"
        ):
            rels.setdefault((r["t"], r["sl"], r["tl"]), []).append([r["s"], r["e"]])
    return {"nodes": nodes, "relationships": rels}


def writer(store: Path, work: Path, check: bool = True) -> dict:
    """`vbgraph neo4j load` twice into a fresh default server, then the bare CREATE on it.
    Without `check`, one load and no fingerprint (no "again" figures, nothing to compare)."""
    again_s, print_, fp = None, "", {}
    with server(work / "writer-run") as env:
        load_s, out = run([*VBGRAPH, "neo4j", "load", "--store", str(store)], env=env, timeout=7200)
        mode = next((ln.strip() for ln in out.splitlines() if "transaction" in ln), "?")
        nodes, rels = counts(env)
        if check:
            again_s, again = run([*VBGRAPH, "neo4j", "load", "--store", str(store)], env=env, timeout=7200)
            print_ = again.strip().splitlines()[-1].strip()
            fp = fingerprint(env)
        bare_s = bare(env, shape_of(env))
        with driver(env) as d:
            limit = d.execute_query(
                "SHOW SETTINGS YIELD name, value WHERE name = 'dbms.memory.transaction.total.max' RETURN value"
            ).records[0]["value"]
    return {
        "load_s": load_s,
        "mode": mode,
        "again_s": again_s,
        "again": print_,
        "nodes": nodes,
        "relationships": rels,
        "bare_s": bare_s,
        "fingerprint": fp,
        "limit": limit,
    }


def bulk(store: Path, work: Path, check: bool = True) -> dict:
    """Export CSV, import it with neo4j-admin into a fresh run folder's database, start on it.
    Without `check`, no fingerprint of what was imported."""
    from vbgraph.exports.csv_export import import_arguments

    csv_dir = work / "csv"
    export_s, _ = run([*VBGRAPH, "export", "--format", "csv", "-o", str(csv_dir), "--store", str(store)])
    run_dir = work / "bulk-run"
    with server(run_dir):  # creates the run folder, its conf and an empty database
        pass
    data = run_dir / "data"
    for db in ("databases/neo4j", "transactions/neo4j"):
        shutil.rmtree(data / db, ignore_errors=True)
    files = sorted(p.name for p in csv_dir.iterdir() if p.suffix == ".csv")
    java = os.environ.get("VBGRAPH_NEO4J_JAVA") or shutil.which("java") or "java"
    import_s, _ = run(
        [java, "-Xmx4g", "-cp", f"{neo4j_lib()}/*", "org.neo4j.cli.AdminTool", *import_arguments(files)],
        cwd=csv_dir,
        env=os.environ | {"NEO4J_HOME": str(run_dir), "NEO4J_CONF": str(run_dir / "conf")},
        timeout=3600,
    )
    with server(run_dir, keep_data=True) as env:
        nodes, rels = counts(env)
        fp = fingerprint(env) if check else {}
    return {
        "export_s": export_s,
        "import_s": import_s,
        "nodes": nodes,
        "relationships": rels,
        "fingerprint": fp,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="vbgraph-neo4j-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    w = writer(args.store, work)
    b = bulk(args.store, work)
    bulk_total = b["export_s"] + b["import_s"]
    heap = os.environ.get("VBGRAPH_NEO4J_HEAP", "1g (the script's default)")
    print(f"server: scripts/neo4j-local, heap {heap}, transaction memory {w['limit']}")
    print("| way | nodes | relationships | time s | relationships/s | bare CREATE time / this time |")
    print("|---|---:|---:|---:|---:|---:|")
    rows = [
        ("bare `UNWIND $rows … CREATE` (ids only, no properties)", w["bare_s"]),
        (f"`vbgraph neo4j load` ({w['mode']})", w["load_s"]),
        ("`vbgraph neo4j load` again (nothing changes)", w["again_s"]),
        (
            f"`vbgraph export --format csv` ({b['export_s']:.0f} s) + `neo4j-admin database import full` "
            f"({b['import_s']:.0f} s)",
            bulk_total,
        ),
    ]
    for what, secs in rows:
        n, r = (b if what.startswith("`vbgraph export") else w)["nodes"], w["relationships"]
        print(f"| {what} | {n:,} | {r:,} | {secs:.1f} | {r / secs:,.0f} | {w['bare_s'] / secs:.2f} |")
    print(f"second load: {w['again']}")
    same = (b["nodes"], b["relationships"]) == (w["nodes"], w["relationships"])
    print(
        f"counts: imported {b['nodes']:,} nodes, {b['relationships']:,} relationships; same as loaded: {same}"
    )
    diff = compare(b["fingerprint"], w["fingerprint"])
    print("properties: " + ("the same in both databases" if not diff else "imported and loaded differ:"))
    for line in diff:
        print(line)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
