"""Loads larger than one transaction of the server can hold, and the batched load's guarantee.

The tests marked `server` need Neo4j; the others check the writer's pure parts (the Cypher it
builds, how it sizes batches and reads the server's memory settings).

The server is the project's own (`scripts/neo4j-local start`, its default 1 GiB heap, as CI
starts it in .ci/run) or NEO4J_URI; see tests/test_neo4j.py. The large graph is built in this
process, sized from what the server says one transaction may use
(`dbms.memory.transaction.total.max`), and the test first shows that a one-transaction load of
it fails there.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx
import pytest
from test_neo4j import DB, all_ids, expected_counts, neo4j_conn, neo4j_driver  # noqa: F401  (fixtures: one server per session)

from vbgraph.exports import neo4j_writer as w
from vbgraph.graph import store as st
from vbgraph.queries.neo4j_runner import Connection

from conftest import in_ci

server = pytest.mark.neo4j  # the tests that need one; the others check the writer's pure parts

MiB = 1 << 20
# Above this much transaction memory the large graph would take too long to build and load
# here; such a server is not the script's default one.
LARGEST_SERVER = 2048 * MiB
TEXT = (
    "Tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; "
    "đẩy mạnh chuyển đổi số, phát triển kinh tế - xã hội nhanh và bền vững. "
)


@pytest.fixture()
def db(neo4j_driver, neo4j_conn: Connection) -> DB:  # noqa: F811
    d = DB(neo4j_driver, neo4j_conn)
    d.wipe()
    return d


def big_graph(n_docs: int, title_chars: int = 3000, quote_chars: int = 1000) -> nx.MultiDiGraph:
    """Documents with long titles, each implementing an earlier one (a tree) and citing another,
    with long evidence quotes; issuing bodies; obligations on a tenth of the documents."""
    G = nx.MultiDiGraph()
    title = (TEXT * (title_chars // len(TEXT) + 1))[:title_chars]
    quote = (TEXT * (quote_chars // len(TEXT) + 1))[:quote_chars]
    bodies = [f"tinh:ban-{j}" for j in range(20)]
    for j, b in enumerate(bodies):
        G.add_node(b, kind="Body", name=f"Ban {j}", jurisdiction="Tỉnh", level="province")
    for i in range(n_docs):
        d = f"tinh:{i}-KH/TU@2021-01-01"
        G.add_node(
            d,
            kind="Document",
            type="Kế hoạch",
            type_code="KH",
            number=str(i),
            symbol=f"{i}-KH/TU",
            date="2021-01-01",
            issuer="Tỉnh ủy",
            jurisdiction="Tỉnh",
            title=f"{i} {title}",
            in_corpus=True,
            source={"file": f"{i}.txt", "first_line": 1, "last_line": 90},
        )
        G.add_edge(bodies[i % len(bodies)], d, key="BAN_HANH")
        for k, target in (("THUC_HIEN", i // 2), ("CAN_CU", i // 3)):
            if target < i:
                ev = [{"document": d, "file": f"{i}.txt", "line": 7, "quote": f"{k} {i} {quote}"}]
                G.add_edge(d, f"tinh:{target}-KH/TU@2021-01-01", key=k, label=k.lower(), evidence=ev)
        if i % 10 == 0:
            o = f"obl:{i:012x}"
            G.add_node(
                o,
                kind="Obligation",
                document=d,
                text=f"{i} {quote}",
                assignees=[{"body": bodies[0], "role": "chu_tri"}],
                status="open",
                source="section",
                evidence={"file": f"{i}.txt", "line": 9, "quote": quote[:200]},
            )
            G.add_edge(d, o, key="DAT_RA")
            G.add_edge(o, bodies[0], key="GIAO_CHO", vai_tro="chu_tri")
    return G


def state(db: DB) -> tuple[set, set]:
    """Every node (label, id, properties) and relationship (type, ends, properties), comparable."""

    def frozen(p: dict[str, Any]) -> str:
        return json.dumps(p, sort_keys=True, ensure_ascii=False)

    nodes = {
        (r["label"], r["id"], frozen(r["p"]))
        for r in db.run("MATCH (n) RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS p")
    }
    rels = {
        (r["t"], r["s"], r["e"], frozen(r["p"]))
        for r in db.run("MATCH (a)-[x]->(b) RETURN type(x) AS t, a.id AS s, b.id AS e, properties(x) AS p")
    }
    return nodes, rels


def outline(db: DB) -> tuple[set, set]:
    """`state` in outline, for a large graph: each item's property names and the length of its
    text (as the server counts it), not the text itself; `lastupdated` left out."""
    shape = (
        "[k IN keys({v}) WHERE k <> 'lastupdated' | k] AS keys, "
        "reduce(total = 0, k IN keys({v}) | total + CASE WHEN {v}[k] IS :: STRING THEN size({v}[k]) ELSE 0 END) AS size"
    )
    nodes = {
        (r["id"], tuple(sorted(r["keys"])), r["size"])
        for r in db.run(f"MATCH (n) RETURN n.id AS id, {shape.format(v='n')}")
    }
    rels = {
        (r["t"], r["s"], r["e"], tuple(sorted(r["keys"])), r["size"])
        for r in db.run(
            f"MATCH (a)-[x]->(b) RETURN type(x) AS t, a.id AS s, b.id AS e, {shape.format(v='x')}"
        )
    }
    return nodes, rels


NO_BOOKKEEPING = dict.fromkeys(w.BOOKKEEPING_LABELS, 0)


# -- a graph one transaction of the server cannot hold ------------------------------------------


@pytest.fixture(scope="module")
def server_limit(neo4j_driver, neo4j_conn: Connection) -> int:  # noqa: F811
    limit, source = w.transaction_memory(neo4j_driver, neo4j_conn.database)
    if limit > LARGEST_SERVER:
        message = (
            f"the server allows {limit / MiB:,.0f} MiB per transaction ({source}); this test needs one "
            f"of at most {LARGEST_SERVER / MiB:,.0f} MiB, such as scripts/neo4j-local's default"
        )
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return limit


@pytest.fixture(scope="module")
def too_big(server_limit: int) -> nx.MultiDiGraph:
    """4,000 documents whose titles make the rows about a third of what the server allows one
    transaction: with long texts a load needs about 4.5 bytes of transaction memory per byte of
    rows (at 1 GiB of heap, 131 MB loaded in one transaction, 160 MB did not), so this is about
    1.5 times too big."""
    docs = 4000
    probe = w.plan(big_graph(docs, title_chars=1000)).size
    per_char = (w.plan(big_graph(docs, title_chars=2000)).size - probe) / 1000
    return big_graph(docs, title_chars=int(1000 + (server_limit / 3 - probe) / per_char))


@server
def test_a_load_bigger_than_one_transaction_is_batched_and_idempotent(
    db: DB, too_big: nx.MultiDiGraph, server_limit: int
):
    G = too_big
    assert w.one_transaction_memory(w.plan(G)) > server_limit
    nodes, rels = expected_counts(G)

    # The one-transaction path cannot hold it: the server runs out of transaction memory, and
    # the failed transaction leaves nothing behind.
    with pytest.raises(w.TooBigForOneTransaction, match=r"transaction memory|MemoryPool"):
        db.load(G, single_transaction=True)
    assert db.counts() == ({}, {}) and db.bookkeeping() == NO_BOOKKEEPING

    first = db.load(G, batch_size=5000)
    assert first.batched and first.why_batched.startswith("one transaction would need about")
    assert first.transactions > sum(-(-n // 5000) for n in (*nodes.values(), *rels.values()))  # and by bytes
    assert db.counts() == (nodes, rels) and db.bookkeeping() == NO_BOOKKEEPING
    assert (first.nodes_created, first.relationships_created) == (sum(nodes.values()), sum(rels.values()))
    assert db.run("MATCH (n) WHERE n.run_id <> $r RETURN count(n) AS n", r=first.run_id) == [{"n": 0}]
    before = outline(db)

    again = db.load(G, batch_size=5000, lastupdated=first.lastupdated + 1)
    assert again.batched and again.run_id == first.run_id
    counts = (
        again.nodes_created,
        again.relationships_created,
        again.nodes_deleted,
        again.relationships_deleted,
    )
    assert counts == (0, 0, 0, 0)
    assert outline(db) == before and db.bookkeeping() == NO_BOOKKEEPING
    assert db.run("MATCH (n) WHERE n.lastupdated <> $t RETURN count(n) AS n", t=again.lastupdated) == [
        {"n": 0}
    ]

    gone = {n for n, _ in sorted(st.documents(G))[-50:]}
    smaller = G.copy()
    smaller.remove_nodes_from(gone)
    attached = {(s, t, k) for s, t, k in G.edges(keys=True) if {s, t} & gone}
    shrunk = db.load(smaller, batch_size=5000)
    assert (shrunk.nodes_created, shrunk.relationships_created) == (0, 0)
    assert (shrunk.nodes_deleted, shrunk.relationships_deleted) == (len(gone), len(attached))
    assert db.ids() == set(smaller.nodes) and db.counts() == expected_counts(smaller)
    assert db.bookkeeping() == NO_BOOKKEEPING


# -- all or nothing, a transaction per batch ------------------------------------------------------


def changed(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`G` after a re-ingest: a title rewritten, a source gone (a property to remove), three
    documents gone, a document and a body new, a relationship new and one with other evidence."""
    H = G.copy()
    docs = sorted(n for n, _ in st.documents(H))
    titled = next(n for n in docs if H.nodes[n].get("title"))
    H.nodes[titled]["title"] = "Kế hoạch đã sửa"
    sourced = next(n for n in docs if H.nodes[n].get("source") and n != titled)
    H.nodes[sourced]["source"] = None
    H.remove_nodes_from([n for n in docs[-3:] if n not in (titled, sourced)])
    H.add_node(
        "new:1-KH/TU@2024-01-01", kind="Document", symbol="1-KH/TU", title="Kế hoạch mới", type="Kế hoạch"
    )
    H.add_node("new:ban", kind="Body", name="Ban mới")
    ev = [{"document": "new:1-KH/TU@2024-01-01", "file": "new.txt", "line": 1, "quote": "thực hiện"}]
    H.add_edge("new:1-KH/TU@2024-01-01", titled, key="THUC_HIEN", label="thực hiện", evidence=ev)
    H.add_edge("new:ban", "new:1-KH/TU@2024-01-01", key="BAN_HANH")
    s, t, k = next((s, t, k) for s, t, k in sorted(H.edges(keys=True)) if k == "DAN_CHIEU")
    H.edges[s, t, k]["evidence"] = [{**H.edges[s, t, k]["evidence"][0], "quote": "trích dẫn khác"}]
    return H


def fail_on(stage: str, nth: int = 2) -> Any:
    """A progress callback that fails when `stage` comes the `nth` time (after that batch)."""
    seen: list[str] = []

    def progress(at: str, done: int, total: int) -> None:
        seen.append(at)
        if at == stage and seen.count(stage) == nth:
            raise RuntimeError("the lights went out")

    return progress


@server
@pytest.mark.parametrize("stage", ["Document", "Obligation", "DAN_CHIEU", "BAN_HANH", "THUOC"])
def test_a_batched_load_that_fails_leaves_the_database_as_it_was(
    db: DB, corpus_graph: nx.MultiDiGraph, stage: str
):
    """Created items deleted; updated ones given back their run, time and every property
    (changed, removed or added); stale ones never deleted; no bookkeeping left."""
    db.load(corpus_graph, lastupdated=1)
    before = state(db)
    G = changed(corpus_graph)
    with pytest.raises(RuntimeError, match="lights"):
        db.load(G, single_transaction=False, batch_size=60, progress=fail_on(stage, 1), lastupdated=2)
    assert state(db) == before and db.bookkeeping() == NO_BOOKKEEPING

    # Uninterrupted, the same load ends where one transaction does.
    done = db.load(G, single_transaction=False, batch_size=60, lastupdated=3)
    assert done.batched and (done.nodes_deleted, done.relationships_created) == (3, 2)
    batched = state(db)
    db.wipe()
    db.load(corpus_graph, lastupdated=1)
    db.load(G, lastupdated=3)
    assert state(db) == batched


@server
def test_a_failure_past_the_commit_point_still_finishes_the_load(db: DB, corpus_graph: nx.MultiDiGraph):
    db.load(corpus_graph, lastupdated=1)
    G = changed(corpus_graph)
    with pytest.raises(RuntimeError, match="lights"):
        db.load(
            G, single_transaction=False, batch_size=50, progress=fail_on("removing stale", 1), lastupdated=2
        )
    assert db.ids() == all_ids(G) and db.counts() == expected_counts(G)
    assert db.bookkeeping() == NO_BOOKKEEPING


@server
@pytest.mark.parametrize("owner", ["this thread", "another machine"])
def test_a_load_that_died_is_rolled_back_by_the_next(
    db: DB, corpus_graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch, owner: str
):
    """A load whose process died (so it could not roll back) leaves its lock and journal; the
    next load waits for it while it may still be running, then rolls it back before its own."""
    db.load(corpus_graph, lastupdated=1)
    before = state(db)
    G = changed(corpus_graph)
    with monkeypatch.context() as m:
        m.setattr(w, "_try_rollback", lambda *args: None)  # died: nothing rolled back
        with pytest.raises(RuntimeError, match="lights"):
            db.load(
                G, single_transaction=False, batch_size=60, progress=fail_on("DAN_CHIEU", 1), lastupdated=2
            )
    left = db.bookkeeping()
    assert left[w.LOAD_LABEL] == 1 and left[w.JOURNAL_LABEL] > 0 and left[w.BACKUP_LABEL] > 0
    if owner == "another machine":
        db.run(f"MATCH (l:{w.LOAD_LABEL}) SET l.owner = 'elsewhere:1:1', l.heartbeat = timestamp()")
        for single in (None, True, False):
            with pytest.raises(w.LoadInProgress, match=r"another vbgraph load \(run \w+, elsewhere:1:1\)"):
                db.load(G, single_transaction=single)
        silent = (w.STALE_AFTER_SECONDS + 1) * 1000
        db.run(f"MATCH (l:{w.LOAD_LABEL}) SET l.heartbeat = timestamp() - $ms", ms=silent)
    assert w.recover(db.driver, db.database).startswith("rolled back load")
    assert state(db) == before and db.bookkeeping() == NO_BOOKKEEPING
    again = db.load(G, lastupdated=3)
    assert again.recovered == "" and db.ids() == all_ids(G)


# -- the pure parts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("716.80MiB", int(716.8 * MiB)),
        ("2.00GiB", 2 << 30),
        ("512.00KiB", 512 << 10),
        ("0B", 0),
        ("4g", 4 << 30),
        ("1024", 1024),
        ("", None),
        (None, None),
        ("lots", None),
    ],
)
def test_parse_size(text: str | None, want: int | None):
    assert w.parse_size(text) == want


def test_create_queries_write_the_properties_in_the_create():
    assert w.create_nodes_query("Body", ["name", "aliases"]) == (
        "UNWIND $rows AS row\n"
        "CREATE (n:Body {id: row[0], name: row[1], aliases: row[2], run_id: $run_id, lastupdated: $lastupdated})\n"
        "RETURN count(*) AS written"
    )
    assert w.create_relationships_query("GIAO_CHO", ["vai_tro"], journal=True) == (
        "UNWIND $rows AS row\n"
        "MATCH (a:Obligation {id: row[0]})\n"
        "MATCH (b:Body {id: row[1]})\n"
        "CREATE (a)-[r:GIAO_CHO {vai_tro: row[2], label: $label, run_id: $run_id, lastupdated: $lastupdated}]->(b)\n"
        "WITH count(*) AS written, collect(row[0]) AS sources, collect(row[1]) AS targets\n"
        "CREATE (:VbgraphJournal {run_id: $run_id, kind: 'relationship', name: 'GIAO_CHO', op: 'created', "
        "sources: sources, targets: targets})\n"
        "RETURN written"
    )


def test_update_query_keeps_what_a_rollback_needs():
    q = w.update_nodes_query("Document", ["title"], journal=True)
    assert q.startswith(
        "UNWIND $rows AS row\nMATCH (n:Document {id: row[0]})\nWITH n, row, {title: row[1]} AS props\n"
    )
    assert "CREATE (x:VbgraphBackup)\n  SET x = properties(n)" in q
    assert q.endswith(
        "CREATE (:VbgraphJournal {run_id: $run_id, kind: 'node', name: 'Document', op: 'touched', "
        "ids: ids, prev_run: runs, prev_at: ats})\nRETURN written"
    )
    assert w.update_nodes_query("Document", ["title"]) == (
        "UNWIND $rows AS row\nMATCH (n:Document {id: row[0]})\nWITH n, row, {title: row[1]} AS props\n"
        "SET n += props, n.run_id = $run_id, n.lastupdated = $lastupdated\nRETURN count(*) AS written"
    )


@pytest.mark.parametrize(
    ("build", "args"),
    [
        (w.create_nodes_query, ("Document", ["id"])),
        (w.update_nodes_query, ("Document", ["run_id"])),
        (w.create_relationships_query, ("THUC_HIEN", ["label"])),
        (w.update_relationships_query, ("THUC_HIEN", ["lastupdated"])),
    ],
)
def test_a_row_property_cannot_take_a_name_the_writer_sets(build: Any, args: tuple):
    with pytest.raises(ValueError, match="set by the writer itself"):
        build(*args)


def test_a_property_name_that_is_not_plain_is_quoted():
    assert "`odd name``x`: row[1]" in w.create_nodes_query("Issue", ["odd name`x"])


def test_undo_queries_cover_every_journal_entry():
    for label in w.LABELS:
        for op in ("created", "touched"):
            assert w.undo_query("node", label, op).startswith(
                "MATCH (j:VbgraphJournal) WHERE elementId(j) = $entry"
            )
    for t in w.REL_TYPES:
        for op in ("created", "touched"):
            assert f"-[r:{t}]->" in w.undo_query("relationship", t, op)
    with pytest.raises(ValueError):
        w.undo_query("node", "Document", "deleted")


def test_batches_are_bounded_by_rows_and_by_memory():
    rows = [{"id": str(i), "props": {"title": "x" * (100 if i % 2 else 100_000)}} for i in range(10)]
    assert [len(b) for b in w.sized_batches(rows, 4, None)] == [4, 4, 2]
    long_and_short = w.row_memory(rows[0]) + w.row_memory(rows[1])
    assert [len(b) for b in w.sized_batches(rows, 4, long_and_short)] == [2, 2, 2, 2, 2]
    assert [len(b) for b in w.sized_batches(rows, 4, w.row_memory(rows[0]))] == [1] * 10
    assert [len(b) for b in w.sized_batches(rows[:1], 4, 1)] == [1]  # a batch holds at least a row


def test_the_10k_store_is_too_big_for_one_default_transaction_and_the_sample_is_not(corpus_graph):
    """The estimate on the sample and on a graph of the 10,000-document store's shape (74 MB of
    rows, 0.92 million values), against scripts/neo4j-local's default 716.8 MiB."""
    default = int(716.8 * MiB)
    assert w.one_transaction_memory(w.plan(corpus_graph)) < default / 10
    store_10k = w.TX_MEMORY_AT_COMMIT * (w.TX_MEMORY_PER_BYTE * 74e6 + w.TX_MEMORY_PER_PROPERTY * 0.92e6)
    assert store_10k > default
