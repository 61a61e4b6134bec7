#!/usr/bin/env python3
"""How fast the vbgraph Neo4j writer writes relationships, against a bare UNWIND … CREATE.

A script, not a test (eyecite's benchmark.py habit): it builds a large synthetic graph in the
shape of a real store (documents, bodies, obligations, every relationship type, evidence), then
in the same run and on the same server measures

1. relationships per second for the document relations, on a fresh database holding only the
   document nodes, with the same batches in one transaction each; best of --repeat runs,
   alternating, after a warm-up:
   * bare: `UNWIND $rows AS row MATCH (a:Document {id: row.s}) MATCH (b:Document {id: row.t})
     CREATE (a)-[:THUC_HIEN]->(b)`, no properties: the yardstick;
   * writer: what a load runs for relationships not in the database yet (`steps`): rows as
     lists, `CREATE (a)-[r:TYPE {evidence: row[2], …, label: $label, run_id: $run_id, …}]->(b)`;
   * merge: the previous writer, `MERGE (a)-[r:TYPE]->(b) SET r += row.props` with map rows
     (`write_relationships_tx`, still what a caller of it gets);
   * ceiling: a `CREATE` that writes the same properties inline from map rows (not idempotent):
     what any writer that stores the evidence pays for the data itself;
2. the whole `load_graph` (all nodes and relationships, stale cleanup) on a fresh database, as it
   decides for this server (one transaction, or a transaction per batch when the load would not
   fit the server's transaction memory), a re-load of the same graph, and a load after 5 % more
   documents arrived.

The bare query carries labels: without them (`MATCH (a {id: row.s})`) Neo4j cannot use the id
index and scans every node for every row, which measures nothing useful; --unlabelled-sample
times that form on a few rows to show it.

It uses NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE when set, else starts
scripts/neo4j-local in a temporary run dir (its default heap unless VBGRAPH_NEO4J_HEAP is set)
and stops it at the end. It WIPES the database, and refuses one that holds anything but vbgraph
labels.

    .venv/bin/python benchmarks/neo4j_load.py [--docs 20000 --relations 60000 …]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j
import networkx as nx

from vbgraph.exports import neo4j_writer as w
from vbgraph.ontology.relations import Rel
from vbgraph.queries.neo4j_runner import Connection, connect

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"

BARE = (
    "UNWIND $rows AS row MATCH (a:Document {id: row.s}) MATCH (b:Document {id: row.t}) "
    "CREATE (a)-[:THUC_HIEN]->(b)"
)
SIDES = ("bare", "writer", "merge", "ceiling")
BARE_UNLABELLED = (
    "UNWIND $rows AS row MATCH (a {id: row.s}) MATCH (b {id: row.t}) CREATE (a)-[:THUC_HIEN]->(b)"
)

# Roughly the mix of the sample: citations and implementations dominate.
REL_WEIGHTS = {
    Rel.DAN_CHIEU: 45,
    Rel.THUC_HIEN: 30,
    Rel.CAN_CU: 12,
    Rel.HUONG_DAN: 4,
    Rel.TONG_KET: 3,
    Rel.THAY_THE: 3,
    Rel.SUA_DOI: 2,
    Rel.BAI_BO: 1,
}
TYPES = [
    ("KH", "Kế hoạch"),
    ("NQ", "Nghị quyết"),
    ("CT", "Chỉ thị"),
    ("KL", "Kết luận"),
    ("CTr", "Chương trình"),
]
PROVINCES = [("bac-giang", "Bắc Giang"), ("dak-lak", "Đắk Lắk"), ("ha-noi", "Hà Nội"), ("nghe-an", "Nghệ An")]
WORDS = [
    "tăng",
    "cường",
    "sự",
    "lãnh",
    "đạo",
    "của",
    "Đảng",
    "đối",
    "với",
    "công",
    "tác",
    "phát",
    "triển",
    "kinh",
    "tế",
    "xã",
    "hội",
    "chuyển",
    "đổi",
    "số",
    "nâng",
    "cao",
    "chất",
    "lượng",
    "đội",
    "ngũ",
    "cán",
    "bộ",
    "đảng",
    "viên",
    "xây",
    "dựng",
    "nông",
    "thôn",
    "mới",
    "bảo",
    "vệ",
    "môi",
    "trường",
]


def _text(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n))


def synthetic_graph(
    docs: int, relations: int, bodies: int, obligations: int, seed: int = 1, start: int = 0
) -> nx.MultiDiGraph:
    """A graph in the store's shape; `start` offsets document numbers, so two graphs can overlap."""
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    doc_ids = []
    for i in range(start, start + docs):
        slug, prov = PROVINCES[i % len(PROVINCES)]
        code, tname = TYPES[i % len(TYPES)]
        date = f"{2010 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        did = f"{slug}:{i}-{code}/TU@{date}"
        doc_ids.append(did)
        in_corpus = i % 3 == 0
        G.add_node(
            did,
            kind="Document",
            type=tname,
            type_code=code,
            number=str(i),
            issuer_code="TU",
            symbol=f"{i}-{code}/TU",
            date=date,
            issuer=f"Tỉnh ủy {prov}",
            jurisdiction=prov,
            title="về " + _text(rnd, 12),
            name=None,
            in_corpus=in_corpus,
            level="province",
            source={"file": f"{i % 97:03d}.txt", "first_line": i, "last_line": i + 80} if in_corpus else None,
            signer="Nguyễn Văn A" if in_corpus else None,
            identified_by="header" if in_corpus else None,
        )
    body_ids = [f"{PROVINCES[j % len(PROVINCES)][0]}:ban-{j}" for j in range(bodies)]
    for j, bid in enumerate(body_ids):
        G.add_node(
            bid,
            kind="Body",
            name=f"Ban {_text(rnd, 3)} {j}",
            jurisdiction=PROVINCES[j % len(PROVINCES)][1],
            part_of=body_ids[j // 10] if j >= 10 else None,
            level="province",
        )
        if j >= 10:
            G.add_edge(bid, body_ids[j // 10], key="THUOC")
    types, weights = zip(*REL_WEIGHTS.items(), strict=True)
    made = 0
    while made < relations:
        s, t = rnd.sample(doc_ids, 2)
        k = rnd.choices(types, weights)[0].value
        if G.has_edge(s, t, k):
            continue
        ev = [
            {
                "document": s,
                "file": f"{rnd.randrange(97):03d}.txt",
                "line": rnd.randrange(1, 5000),
                "quote": "…" + _text(rnd, 30) + "…",
            }
            for _ in range(rnd.choice((1, 1, 1, 2)))
        ]
        G.add_edge(s, t, key=k, label=Rel(k).label, evidence=ev)
        made += 1
    for i, did in enumerate(doc_ids):
        if i % 2 == 0:
            G.add_edge(body_ids[i % bodies], did, key="BAN_HANH")
    for n in range(obligations):
        oid = f"obl:{seed:04x}{start + n:012x}"
        did = doc_ids[rnd.randrange(len(doc_ids))]
        assignees = [
            {"body": b, "role": r}
            for b, r in zip(
                rnd.sample(body_ids, rnd.randint(1, 3)), ("chu_tri", "phoi_hop", "phoi_hop"), strict=False
            )
        ]
        fulfilled = doc_ids[rnd.randrange(len(doc_ids))] if n % 7 == 0 else None
        G.add_node(
            oid,
            kind="Obligation",
            document=did,
            text=_text(rnd, 25),
            assignees=assignees,
            deadline={"text": "Quý II/2021", "start": "2021-04-01", "end": "2021-06-30"} if n % 3 else None,
            recurring=None,
            produces={"type": "Kế hoạch", "title": _text(rnd, 8)} if n % 4 == 0 else None,
            produces_level=None,
            fulfilled_by=fulfilled,
            fulfilment="on_time" if fulfilled else None,
            fulfilment_score=0.9 if fulfilled else None,
            status="open",
            source="section",
            evidence={"file": "003.txt", "line": n, "quote": _text(rnd, 20)},
        )
        G.add_edge(did, oid, key="DAT_RA")
        for a in assignees:
            G.add_edge(oid, a["body"], key="GIAO_CHO", vai_tro=a["role"])
        if fulfilled:
            G.add_edge(oid, fulfilled, key="DUOC_THUC_HIEN_BOI")
    G.graph["issues"] = [
        {
            "kind": "ambiguous-reference",
            "file": "003.txt",
            "line": i,
            "message": f"ref {i}",
            "candidates": rnd.sample(doc_ids, 2),
        }
        for i in range(200)
    ]
    return G


# -- the server ---------------------------------------------------------------------------------


@contextmanager
def server() -> Iterator[Connection]:
    """NEO4J_URI if set, else a scripts/neo4j-local server of our own, stopped afterwards."""
    conn = Connection.from_env()
    if conn is not None:
        yield conn
        return
    run_dir = Path(tempfile.mkdtemp(prefix="vbgraph-bench-neo4j-"))
    env = {
        **os.environ,
        "VBGRAPH_NEO4J_RUN": str(run_dir),
        "VBGRAPH_NEO4J_PYTHON": sys.executable,
    }
    try:
        print(f"starting Neo4j with scripts/neo4j-local (run dir {run_dir}) …", file=sys.stderr)
        proc = subprocess.run(
            ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            sys.exit(f"error: scripts/neo4j-local start failed: {proc.stderr.strip().splitlines()[-1:]}")
        conn = Connection.from_env(dict(re.findall(r"^export (NEO4J_[A-Z]+)=(\S*)$", proc.stdout, re.M)))
        assert conn is not None
        yield conn
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, check=False)
        shutil.rmtree(run_dir, ignore_errors=True)


def wipe(driver: neo4j.Driver, database: str | None) -> None:
    """An empty database with the vbgraph schema (Community edition cannot drop and create one)."""
    with driver.session(database=database) as s:
        mine = " OR ".join(f"n:{label}" for label in (*w.LABELS, *w.BOOKKEEPING_LABELS))
        foreign = s.run(f"MATCH (n) WHERE NOT ({mine}) RETURN count(n) AS n").single(strict=True)["n"]
        if foreign:
            sys.exit(
                f"error: the database holds {foreign} nodes that are not vbgraph's; this benchmark wipes it, "
                "so point NEO4J_URI at a throwaway server (or unset it)"
            )
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS").consume()
    w.ensure_schema(driver, database)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


# -- the measurements ---------------------------------------------------------------------------


def relation_phase(
    driver: neo4j.Driver,
    database: str | None,
    p: w.Plan,
    batch_size: int,
    which: str,
    limit: int | None = None,
) -> tuple[float, int]:
    """Fresh database with the document nodes, then time writing the document relations."""
    wipe(driver, database)
    docs = p.nodes["Document"]
    with driver.session(database=database) as s:
        s.execute_write(
            lambda tx: w.write_nodes_tx(
                tx, "Document", docs, run_id="bench", lastupdated=0, batch_size=batch_size
            )
        )
    by_type = {r.value: p.relationships[r.value] for r in Rel}
    if limit is not None:
        by_type = {
            k: v[: max(1, limit * len(v) // sum(map(len, by_type.values())))] for k, v in by_type.items()
        }
    n = sum(map(len, by_type.values()))

    def writer(tx: neo4j.ManagedTransaction) -> None:
        # What a load runs for relationships not in the database yet (all of them, here).
        for step in w.steps(w.Plan({}, by_type), {}, {}, batch_size=batch_size, journal=False):
            w.run_step(tx, step, "bench", 0)

    def merge(tx: neo4j.ManagedTransaction) -> None:
        for k, rows in by_type.items():
            w.write_relationships_tx(tx, k, rows, run_id="bench", lastupdated=0, batch_size=batch_size)

    def ceiling(tx: neo4j.ManagedTransaction) -> None:
        for k, rows in by_type.items():
            if not rows:
                continue
            inline = ", ".join(f"{p}: row.props.{p}" for p in rows[0]["props"])
            query = (
                "UNWIND $rows AS row MATCH (a:Document {id: row.source}) MATCH (b:Document {id: row.target}) "
                f"CREATE (a)-[r:{k} {{{inline}, label: $label, run_id: $run_id, lastupdated: 0}}]->(b)"
            )
            for i in range(0, len(rows), batch_size):
                tx.run(query, rows=rows[i : i + batch_size], label=w.REL_LABELS[k], run_id="bench").consume()

    def bare(tx: neo4j.ManagedTransaction, query: str) -> None:
        rows = [{"s": r["source"], "t": r["target"]} for rs in by_type.values() for r in rs]
        for i in range(0, len(rows), batch_size):
            tx.run(query, rows=rows[i : i + batch_size]).consume()

    with driver.session(database=database) as s:
        if which == "writer":
            secs, _ = timed(lambda: s.execute_write(writer))
        elif which == "merge":
            secs, _ = timed(lambda: s.execute_write(merge))
        elif which == "ceiling":
            secs, _ = timed(lambda: s.execute_write(ceiling))
        else:
            secs, _ = timed(lambda: s.execute_write(bare, BARE if which == "bare" else BARE_UNLABELLED))
        got = s.run("MATCH ()-[r]->() RETURN count(r) AS n").single(strict=True)["n"]
    assert got == n, (which, got, n)
    return secs, n


def _mode(r: w.LoadResult) -> str:
    return f"{r.transactions} transactions ({r.why_batched})" if r.batched else "one transaction"


def full_loads(driver: neo4j.Driver, db: str | None, G: nx.MultiDiGraph, args: argparse.Namespace) -> None:
    """The whole `load_graph` on a fresh database (one transaction or batched, as it decides for
    this server), a re-load of the same graph, a load after 5 % more documents."""
    wipe(driver, db)
    full, r = timed(lambda: w.load_graph(G, driver, database=db, batch_size=args.batch_size))
    assert isinstance(r, w.LoadResult)
    total = G.number_of_edges()
    print(
        f"full load_graph, {_mode(r)}: {full:.1f}s for {r.node_total:,} nodes and "
        f"{r.relationship_total:,} relationships = {total / full:,.0f} relationships/s overall"
    )
    again, r2 = timed(lambda: w.load_graph(G, driver, database=db, batch_size=args.batch_size))
    assert isinstance(r2, w.LoadResult)
    print(
        f"re-load, same graph, {_mode(r2)}: {again:.1f}s; new {r2.nodes_created} nodes, "
        f"{r2.relationships_created} relationships; removed {r2.nodes_deleted} nodes, "
        f"{r2.relationships_deleted} relationships"
    )
    more = nx.compose(
        G,
        synthetic_graph(
            args.docs // 20,
            args.relations // 20,
            args.bodies,
            args.obligations // 20,
            args.seed + 1,
            start=args.docs,
        ),
    )
    more.graph["issues"] = G.graph["issues"]
    grow, r3 = timed(lambda: w.load_graph(more, driver, database=db, batch_size=args.batch_size))
    assert isinstance(r3, w.LoadResult)
    print(
        f"load after 5% more documents, {_mode(r3)}: {grow:.1f}s; new {r3.nodes_created:,} nodes, "
        f"{r3.relationships_created:,} relationships; removed {r3.nodes_deleted}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--relations", type=int, default=60_000, help="document-to-document relations")
    ap.add_argument("--bodies", type=int, default=500)
    ap.add_argument("--obligations", type=int, default=10_000)
    ap.add_argument("--batch-size", type=int, default=w.DEFAULT_BATCH_SIZE)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each side (best is reported)")
    ap.add_argument(
        "--unlabelled-sample", type=int, default=2000, help="rows for the label-less bare query (0 to skip)"
    )
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    t, G = timed(lambda: synthetic_graph(args.docs, args.relations, args.bodies, args.obligations, args.seed))
    pt, p = timed(lambda: w.plan(G))
    assert isinstance(G, nx.MultiDiGraph) and isinstance(p, w.Plan)
    doc_rels = sum(len(p.relationships[r.value]) for r in Rel)
    print(
        f"synthetic graph: {G.number_of_nodes():,} nodes ({args.docs:,} documents), {G.number_of_edges():,} "
        f"relationships ({doc_rels:,} document relations); built in {t:.1f}s, rows in {pt:.1f}s"
    )

    with server() as conn:
        # No driver retries: a load too big for one transaction fails once instead of three times.
        driver = connect(**conn.kwargs(), max_transaction_retry_time=0)
        db = conn.database
        try:
            version = driver.get_server_info().agent
            print(f"server: {version} at {conn.uri}; batch size {args.batch_size}")
            # Warm-up: plans compiled and JIT warm for every side before anything is timed.
            for which in SIDES:
                relation_phase(driver, db, p, args.batch_size, which, limit=2000)
            best: dict[str, float] = {}
            for i in range(args.repeat):
                for which in SIDES if i % 2 == 0 else tuple(reversed(SIDES)):
                    secs, n = relation_phase(driver, db, p, args.batch_size, which)
                    best[which] = min(best.get(which, secs), secs)
                    print(
                        f"  run {i + 1} {which:>7}: {n:,} relationships in {secs:.2f}s = {n / secs:,.0f}/s",
                        file=sys.stderr,
                    )
            rate = {k: doc_rels / v for k, v in best.items()}
            for which, what in (
                ("bare", "bare UNWIND … CREATE (labelled MATCH, no properties)"),
                ("writer", "vbgraph writer (CREATE of new rows, list rows)"),
                ("merge", "MERGE writer (map rows, the previous writer)"),
                ("ceiling", "ceiling: CREATE with the same properties, map rows"),
            ):
                print(
                    f"{what:<55} {rate[which]:>9,.0f} relationships/s "
                    f"(best of {args.repeat}: {best[which]:.2f}s; {rate[which] / rate['bare']:.2f} of bare)"
                )
            print(
                f"ratio writer / bare: {rate['writer'] / rate['bare']:.0%} (aim: at least 70%); "
                f"writer / ceiling: {rate['writer'] / rate['ceiling']:.0%}; "
                f"writer / MERGE writer: {rate['writer'] / rate['merge']:.2f}x"
            )
            if args.unlabelled_sample:
                secs, n = relation_phase(
                    driver, db, p, args.batch_size, "unlabelled", limit=args.unlabelled_sample
                )
                print(
                    f"bare without labels, {n:,} rows only: {n / secs:,.0f} relationships/s "
                    "(every row scans every node)"
                )
            full_loads(driver, db, G, args)
        finally:
            driver.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
