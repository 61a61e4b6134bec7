"""The Neo4j writer, runner and CLI against a real server (cartography-style integration tests).

The server: NEO4J_URI (+ NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE) when set, as CI does
after `scripts/neo4j-local start`; otherwise this session starts its own with that script in a
temporary run dir and stops it at the end. If no server can be had, the tests fail under CI=true
and skip elsewhere with a message saying how to get one. One server serves the whole session;
tests that need a known state wipe the database first (which is why a database holding anything
but vbgraph labels is refused).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import typer
from neo4j.exceptions import ConstraintError
from typer.testing import CliRunner

from vbgraph.cli import app, parse_params
from vbgraph.errors import AmbiguousReference, DocumentNotFound
from vbgraph.exports import neo4j_writer as w
from vbgraph.graph import store as st
from vbgraph.graph.store import build_graph
from vbgraph.loaders.normalize import fold
from vbgraph.queries import lookup, neo4j_lookup
from vbgraph.queries.neo4j_runner import (
    START_HINT,
    BadUri,
    Connection,
    Neo4jAuthError,
    Neo4jProblem,
    Neo4jUnavailable,
    ReadOnlyViolation,
    connect,
    redact_uri,
    run_cypher,
    run_on,
)

from conftest import CORPUS_000, ROOT, in_ci

pytestmark = pytest.mark.neo4j

SCRIPT = ROOT / "scripts" / "neo4j-local"
START_DEADLINE = float(os.environ.get("VBGRAPH_NEO4J_TEST_START_DEADLINE", "300"))  # a first install included
READY_DEADLINE = float(os.environ.get("VBGRAPH_NEO4J_TEST_READY_DEADLINE", "60"))
HOW_TO = (
    'start one with `eval "$(scripts/neo4j-local start)"` (needs Java 17 or 21) or set NEO4J_URI, '
    "NEO4J_USERNAME and NEO4J_PASSWORD"
)

# The lineage named in the issue: a plan implementing a programme implementing the congress resolution.
PLAN = "bac-giang:20-KH/TU@2021-06-09"
PROGRAMME = "bac-giang:03-CTr/TU@2020-12-04"
CONGRESS = "bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix"
HOSTILE = "x'}) DETACH DELETE n //"
READ_ONLY_MESSAGE = (
    "error: the query writes to the database but runs read-only; nothing was changed "
    "(allow writes with --write)\n"
)


# -- the server ---------------------------------------------------------------------------------

# Shared by every module that imports these fixtures (test_query_parity), so one server serves
# the session even though pytest makes one fixture instance per importing module.
_SHARED: dict[str, Any] = {}


def _local_env(run_dir: Path) -> dict[str, str]:
    return {**os.environ, "VBGRAPH_NEO4J_RUN": str(run_dir), "VBGRAPH_NEO4J_PYTHON": sys.executable}


def _stop_local(run_dir: Path) -> None:
    subprocess.run(
        ["bash", str(SCRIPT), "stop"], env=_local_env(run_dir), capture_output=True, timeout=120, check=False
    )
    shutil.rmtree(run_dir / "data", ignore_errors=True)  # hundreds of MB of store files


def _start_local(run_dir: Path) -> Connection:
    try:
        proc = subprocess.run(
            ["bash", str(SCRIPT), "start"],
            env=_local_env(run_dir),
            capture_output=True,
            text=True,
            timeout=START_DEADLINE,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"scripts/neo4j-local start did not finish within {START_DEADLINE:.0f}s") from None
    if proc.returncode != 0:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"scripts/neo4j-local start failed (exit {proc.returncode}): {tail}")
    conn = Connection.from_env(dict(re.findall(r"^export (NEO4J_[A-Z]+)=(\S*)$", proc.stdout, re.M)))
    if conn is None:
        raise RuntimeError("scripts/neo4j-local start printed no NEO4J_URI")
    return conn


def _wait_ready(conn: Connection, timeout: float) -> None:
    """Poll RETURN 1 until it answers or the deadline passes; refused credentials do not get better."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            run_cypher("RETURN 1 AS ok", **conn.kwargs())
            return
        except Neo4jAuthError:
            raise
        except Neo4jProblem as e:
            if time.monotonic() >= deadline:
                raise RuntimeError(
                    f"{str(e).removesuffix('; ' + START_HINT)} (waited {timeout:.0f}s)"
                ) from None
            time.sleep(0.5)


def _provide(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Connection:
    conn = Connection.from_env()
    if conn is None:
        if not SCRIPT.is_file():
            raise RuntimeError(f"{SCRIPT} is missing")
        run_dir = tmp_path_factory.mktemp("neo4j-run")
        config.add_cleanup(lambda: _stop_local(run_dir))  # registered first: a half start is stopped too
        conn = _start_local(run_dir)
    _wait_ready(conn, READY_DEADLINE)
    return conn


@pytest.fixture(scope="session")
def neo4j_conn(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Connection:
    """Connection details of a running server; fails under CI, skips elsewhere, when there is none."""
    if "conn" not in _SHARED and "error" not in _SHARED:
        try:
            _SHARED["conn"] = _provide(request.config, tmp_path_factory)
        except (RuntimeError, Neo4jProblem, OSError) as e:
            _SHARED["error"] = f"no Neo4j server for the tests: {e}; {HOW_TO}"
    if "error" in _SHARED:
        if in_ci():
            pytest.fail(_SHARED["error"], pytrace=False)
        pytest.skip(_SHARED["error"])
    return _SHARED["conn"]


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_conn: Connection):
    driver = connect(**neo4j_conn.kwargs())
    yield driver
    driver.close()


@dataclass
class DB:
    """The test database: run queries, count things, wipe it."""

    driver: Any
    conn: Connection

    @property
    def database(self) -> str | None:
        return self.conn.database

    def run(self, text: str, **params: Any) -> list[dict]:
        return run_on(self.driver, text, params, database=self.database, write=True)

    def load(self, G: nx.MultiDiGraph, **kwargs: Any) -> w.LoadResult:
        return w.load_graph(G, self.driver, database=self.database, **kwargs)

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        nodes = {
            r["label"]: r["n"]
            for r in self.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
        }
        rels = {r["type"]: r["n"] for r in self.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
        return dict(sorted(nodes.items())), dict(sorted(rels.items()))

    def ids(self) -> set[str]:
        return {r["id"] for r in self.run("MATCH (n) RETURN n.id AS id")}

    def triples(self) -> set[tuple[str, str, str]]:
        return {
            (r["s"], r["t"], r["k"])
            for r in self.run("MATCH (a)-[r]->(b) RETURN a.id AS s, b.id AS t, type(r) AS k")
        }

    def wipe(self) -> None:
        """Delete everything: vbgraph's labels and a batched load's bookkeeping, a transaction per
        1,000 nodes (one for a large graph could exceed the server's transaction memory)."""
        mine = " OR ".join(f"n:{label}" for label in (*w.LABELS, *w.BOOKKEEPING_LABELS))
        foreign = self.run(f"MATCH (n) WHERE NOT ({mine}) RETURN count(n) AS n")[0]["n"]
        if foreign:
            pytest.fail(
                f"the test database at {redact_uri(self.conn.uri)} holds {foreign} nodes that are not "
                "vbgraph's; these tests wipe it, so point NEO4J_URI at a throwaway server "
                "(scripts/neo4j-local start)",
                pytrace=False,
            )
        with self.driver.session(database=self.database) as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS").consume()

    def bookkeeping(self) -> dict[str, int]:
        """Nodes a batched load keeps while it runs (its lock, journal and backups), per label."""
        return {
            label: self.run(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
            for label in w.BOOKKEEPING_LABELS
        }


@pytest.fixture()
def db(neo4j_driver, neo4j_conn: Connection) -> DB:
    """An empty database."""
    d = DB(neo4j_driver, neo4j_conn)
    d.wipe()
    return d


@pytest.fixture()
def loaded(db: DB, corpus_graph: nx.MultiDiGraph) -> w.LoadResult:
    """The corpus loaded into an empty database."""
    return db.load(corpus_graph)


# -- set-of-tuples helpers (cartography tests/integration/util.py) -------------------------------


def _ident(name: str) -> str:
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name), name
    return name


def _hashable(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def check_nodes(db: DB, label: str, attrs: list[str]) -> set[tuple]:
    """{(n.attr1, n.attr2, …)} over all nodes of `label`."""
    q = f"MATCH (n:{_ident(label)}) RETURN " + ", ".join(f"n.{_ident(a)} AS {a}" for a in attrs)
    return {tuple(_hashable(r[a]) for a in attrs) for r in db.run(q)}


def check_rels(
    db: DB,
    src_label: str,
    src_attr: str,
    rel: str,
    dst_label: str,
    dst_attr: str,
    rel_attrs: tuple[str, ...] = (),
) -> set[tuple]:
    """{(a.src_attr, b.dst_attr, r.attr…)} over all (a:src_label)-[r:rel]->(b:dst_label)."""
    cols = [f"a.{_ident(src_attr)} AS s", f"b.{_ident(dst_attr)} AS t"] + [
        f"r.{_ident(x)} AS {x}" for x in rel_attrs
    ]
    q = f"MATCH (a:{_ident(src_label)})-[r:{_ident(rel)}]->(b:{_ident(dst_label)}) RETURN {', '.join(cols)}"
    return {(r["s"], r["t"], *(_hashable(r[x]) for x in rel_attrs)) for r in db.run(q)}


def expected_counts(G: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    nodes = Counter(a["kind"] for _, a in G.nodes(data=True))
    issues = {w.issue_id(i) for i in G.graph.get("issues", [])}
    if issues:
        nodes["Issue"] = len(issues)
    rels = Counter(k for _, _, k in G.edges(keys=True))
    return dict(sorted(nodes.items())), dict(sorted(rels.items()))


def expected_rels(G: nx.MultiDiGraph, rel: str) -> set[tuple[str, str]]:
    return {(s, t) for s, t, k in G.edges(keys=True) if k == rel}


def all_ids(G: nx.MultiDiGraph) -> set[str]:
    return set(G.nodes) | {w.issue_id(i) for i in G.graph.get("issues", [])}


def all_triples(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return set(G.edges(keys=True))


def cli() -> typer.Typer:
    """The main app, as users run it."""
    return app


def invoke(args: list[str], conn: Connection | None = None, **env: str) -> Any:
    base = {"COLUMNS": "200"}
    if conn is not None:
        base |= {
            "NEO4J_URI": conn.uri,
            "NEO4J_USERNAME": conn.user,
            "NEO4J_PASSWORD": conn.password,
            "NEO4J_DATABASE": conn.database or "",
        }
    return CliRunner().invoke(cli(), args, env=base | env, catch_exceptions=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- loading ----------------------------------------------------------------------------------


def test_load_writes_every_node_and_relationship(db: DB, corpus_graph: nx.MultiDiGraph):
    G = corpus_graph
    result = db.load(G, lastupdated=1700000000)
    want_nodes, want_rels = expected_counts(G)
    assert db.counts() == (want_nodes, want_rels)
    assert {k: v for k, v in result.nodes.items() if v} == want_nodes
    assert {k: v for k, v in result.relationships.items() if v} == want_rels
    assert (result.nodes_created, result.relationships_created) == (
        sum(want_nodes.values()),
        sum(want_rels.values()),
    )
    assert (result.nodes_deleted, result.relationships_deleted) == (0, 0)
    for rel, (src, dst) in w.REL_ENDPOINTS.items():
        assert check_rels(db, src, "id", rel, dst, "id") == expected_rels(G, rel), rel
    # Every node and relationship is stamped with this run.
    assert db.run("MATCH (n) RETURN collect(DISTINCT [n.run_id, n.lastupdated]) AS s")[0]["s"] == [
        [result.run_id, 1700000000]
    ]
    assert db.run("MATCH ()-[r]->() RETURN collect(DISTINCT [r.run_id, r.lastupdated]) AS s")[0]["s"] == [
        [result.run_id, 1700000000]
    ]


def test_properties_are_flat_primitives(loaded, db: DB, corpus_graph: nx.MultiDiGraph):
    G = corpus_graph
    docs = dict(st.documents(G))
    assert check_nodes(
        db,
        "Document",
        [
            "id",
            "symbol",
            "date",
            "in_corpus",
            "level",
            "source_file",
            "source_first_line",
            "source_last_line",
        ],
    ) == {
        (
            n,
            a.get("symbol"),
            a.get("date"),
            bool(a.get("in_corpus")),
            a.get("level"),
            *(
                (a["source"]["file"], a["source"]["first_line"], a["source"]["last_line"])
                if a.get("source")
                else (None, None, None)
            ),
        )
        for n, a in docs.items()
    }
    assert check_nodes(db, "Body", ["id", "name", "jurisdiction", "part_of", "level"]) == {
        (n, a.get("name"), a.get("jurisdiction"), a.get("part_of"), a.get("level")) for n, a in st.bodies(G)
    }
    assert check_nodes(
        db,
        "Obligation",
        [
            "id",
            "document",
            "status",
            "deadline_end",
            "produces_type",
            "evidence_line",
            "assignees_body",
            "assignees_role",
        ],
    ) == {
        (
            n,
            a["document"],
            a.get("status"),
            (a.get("deadline") or {}).get("end"),
            (a.get("produces") or {}).get("type"),
            a["evidence"]["line"],
            tuple(x["body"] for x in a["assignees"]),
            tuple(x["role"] for x in a["assignees"]),
        )
        for n, a in st.obligations(G)
    }
    assert check_rels(db, "Obligation", "id", "GIAO_CHO", "Body", "id", ("vai_tro", "label")) == {
        (s, t, a["vai_tro"], "giao cho") for s, t, k, a in G.edges(keys=True, data=True) if k == "GIAO_CHO"
    }
    assert check_nodes(db, "Issue", ["kind", "file", "line", "message"]) == {
        (i["kind"], i["file"], i["line"], i["message"]) for i in G.graph["issues"]
    }
    # Evidence: a JSON string (graph-json-v1 evidence) plus parallel arrays and the first quote.
    rows = db.run(
        "MATCH (a:Document)-[r:THUC_HIEN]->(b:Document) RETURN a.id AS s, b.id AS t, r.label AS label, "
        "r.evidence AS evidence, r.evidence_files AS files, r.evidence_lines AS lines, "
        "r.evidence_quote AS quote"
    )
    assert len(rows) == len(expected_rels(G, "THUC_HIEN"))
    for r in rows:
        ev = G.edges[r["s"], r["t"], "THUC_HIEN"]["evidence"]
        assert (r["label"], json.loads(r["evidence"]), r["files"], r["lines"], r["quote"]) == (
            "thực hiện",
            ev,
            [e["file"] for e in ev],
            [e["line"] for e in ev],
            ev[0]["quote"],
        )


def test_reload_changes_nothing(db: DB, corpus_graph: nx.MultiDiGraph):
    first = db.load(corpus_graph, lastupdated=1)
    before = (db.counts(), db.ids(), db.triples())
    props = db.run("MATCH (n) RETURN n.id AS id, properties(n) AS p ORDER BY id")
    second = db.load(corpus_graph, lastupdated=2)
    assert (db.counts(), db.ids(), db.triples()) == before
    assert second.run_id == first.run_id
    assert (
        second.nodes_created,
        second.relationships_created,
        second.nodes_deleted,
        second.relationships_deleted,
    ) == (0, 0, 0, 0)
    after = db.run("MATCH (n) RETURN n.id AS id, properties(n) AS p ORDER BY id")
    assert [{**r["p"], "lastupdated": None} for r in after] == [
        {**r["p"], "lastupdated": None} for r in props
    ]
    assert {r["p"]["lastupdated"] for r in after} == {2}


def test_new_ingests_add_what_is_new_and_removed_things_go(db: DB, corpus_store, corpus_graph):
    """The store before and after ingesting the second compilation, and back again."""
    small = build_graph([r for f, r in corpus_store.records.items() if f == CORPUS_000.name])
    full = corpus_graph
    assert 0 < small.number_of_nodes() < full.number_of_nodes()
    db.load(small)
    assert (db.ids(), db.triples()) == (all_ids(small), all_triples(small))

    grown = db.load(full)
    assert (db.ids(), db.triples()) == (all_ids(full), all_triples(full))
    assert db.counts() == expected_counts(full)
    assert grown.nodes_created == len(all_ids(full) - all_ids(small))
    assert grown.relationships_created == len(all_triples(full) - all_triples(small))
    assert grown.nodes_deleted == len(all_ids(small) - all_ids(full))

    shrunk = db.load(small)
    assert (db.ids(), db.triples()) == (all_ids(small), all_triples(small))
    assert shrunk.nodes_deleted == len(all_ids(full) - all_ids(small))
    assert shrunk.nodes_created == len(all_ids(small) - all_ids(full))
    assert shrunk.relationships_created == len(all_triples(small) - all_triples(full))


def test_a_property_that_went_away_is_removed(db: DB, corpus_graph: nx.MultiDiGraph):
    doc = next(n for n, a in st.documents(corpus_graph) if a.get("source") and a.get("title"))
    db.load(corpus_graph)
    G = corpus_graph.copy()
    G.nodes[doc]["title"] = None
    G.nodes[doc]["source"] = None
    db.load(G)
    got = db.run("MATCH (d:Document {id: $id}) RETURN keys(d) AS keys", id=doc)[0]["keys"]
    assert {"title", "source_file", "source_first_line", "source_last_line"}.isdisjoint(got)
    assert "symbol" in got or "name" in got


def test_the_load_is_one_transaction(db: DB, corpus_store, corpus_graph):
    """A load that fails half-way leaves the previous load untouched, not a mix."""
    db.load(corpus_graph)
    before = (db.counts(), db.ids(), db.triples())
    small = build_graph([r for f, r in corpus_store.records.items() if f == CORPUS_000.name])

    def fail_midway(stage: str, done: int, total: int) -> None:
        if stage == "THUC_HIEN":
            raise RuntimeError("the lights went out")

    with pytest.raises(RuntimeError, match="lights"):
        db.load(small, progress=fail_midway)
    assert (db.counts(), db.ids(), db.triples()) == before


def test_batched_load_ends_in_the_same_state(db: DB, corpus_store, corpus_graph: nx.MultiDiGraph):
    small = build_graph([r for f, r in corpus_store.records.items() if f == CORPUS_000.name])
    db.load(small)
    result = db.load(corpus_graph, single_transaction=False, batch_size=200)
    assert (db.counts(), db.ids(), db.triples()) == (
        expected_counts(corpus_graph),
        all_ids(corpus_graph),
        all_triples(corpus_graph),
    )
    assert result.nodes_deleted == len(all_ids(small) - all_ids(corpus_graph))
    again = db.load(corpus_graph)
    assert (
        again.nodes_created,
        again.relationships_created,
        again.nodes_deleted,
        again.relationships_deleted,
    ) == (0, 0, 0, 0)
    assert again.run_id == result.run_id


def test_a_relationship_to_a_missing_node_rolls_back(db: DB):
    def work(tx) -> None:
        w.write_nodes_tx(tx, "Document", [{"id": "a", "props": {}}], run_id="r", lastupdated=0)
        w.write_relationships_tx(
            tx, "THUC_HIEN", [{"source": "a", "target": "missing", "props": {}}], run_id="r", lastupdated=0
        )

    with (
        db.driver.session(database=db.database) as s,
        pytest.raises(
            w.GraphShapeError, match="THUC_HIEN: 1 of 1 relationships have an end that is not in the database"
        ),
    ):
        s.execute_write(work)
    assert db.ids() == set()


def test_progress_counts_every_row(db: DB, corpus_graph: nx.MultiDiGraph):
    seen: list[tuple[str, int, int]] = []
    db.load(corpus_graph, progress=lambda *a: seen.append(a), batch_size=100)
    p = w.plan(corpus_graph)
    assert {t for _, _, t in seen} == {p.total}
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)
    assert seen[0] == ("nodes", 0, p.total)
    assert seen[-1] == ("removing stale", p.total, p.total)
    obligations_end = sum(len(p.nodes[x]) for x in ("Document", "Body", "Obligation"))
    assert ("Obligation", obligations_end, p.total) in seen  # batches end where a label ends
    assert sum(1 for stage, _, _ in seen if stage == "Obligation") == -(-len(p.nodes["Obligation"]) // 100)


def test_hostile_text_is_stored_verbatim(db: DB):
    """Ids, titles and quotes travel as parameters: Cypher in them is just text."""
    G = nx.MultiDiGraph()
    evil_id = "bac-giang:" + HOSTILE
    G.add_node(evil_id, kind="Document", title='"}]->() MATCH (m) DETACH DELETE m //', symbol=HOSTILE)
    G.add_node("other", kind="Document", title="bình thường")
    G.add_edge(
        evil_id,
        "other",
        key="THUC_HIEN",
        evidence=[{"document": evil_id, "file": "a.txt", "line": 1, "quote": "') DETACH DELETE n //"}],
    )
    db.load(G)
    assert check_nodes(db, "Document", ["id", "title", "symbol"]) == {
        (evil_id, '"}]->() MATCH (m) DETACH DELETE m //', HOSTILE),
        ("other", "bình thường", None),
    }
    assert check_rels(db, "Document", "id", "THUC_HIEN", "Document", "id", ("evidence_quote",)) == {
        (evil_id, "other", "') DETACH DELETE n //")
    }


# -- schema -----------------------------------------------------------------------------------


def test_constraints_and_indexes_are_there(loaded, db: DB):
    constraints = {
        (r["name"], r["type"], tuple(r["labelsOrTypes"]), tuple(r["properties"]))
        for r in db.run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")
    }
    assert {
        (f"vbgraph_{label.lower()}_id", "UNIQUENESS", (label,), ("id",)) for label in w.LABELS
    } <= constraints
    indexes = {
        (tuple(r["labelsOrTypes"] or ()), tuple(r["properties"] or ()), r["type"])
        for r in db.run("SHOW INDEXES YIELD type, labelsOrTypes, properties")
    }
    assert {((label,), (prop,), "RANGE") for label, prop in w.INDEXES} <= indexes
    with pytest.raises(ConstraintError, match="already exists"):
        db.run("CREATE (:Document {id: $id})", id=PLAN)


# -- querying ---------------------------------------------------------------------------------


def _paths(G: nx.MultiDiGraph, start: str, rel: str) -> set[tuple[str, ...]]:
    """Every path of `rel` edges from `start` (the graph of implementations is acyclic)."""
    out: set[tuple[str, ...]] = set()

    def walk(path: tuple[str, ...]) -> None:
        for _, t, k in G.out_edges(path[-1], keys=True):
            if k == rel and t not in path:
                out.add((*path, t))
                walk((*path, t))

    walk((start,))
    return out


def test_lineage_query_returns_the_chain(loaded, db: DB, corpus_graph: nx.MultiDiGraph):
    assert {PLAN, PROGRAMME, CONGRESS} <= set(corpus_graph)
    rows = db.run(
        "MATCH p = (a:Document {id: $id})-[:THUC_HIEN*1..]->(:Document) "
        "RETURN [n IN nodes(p) | n.id] AS chain",
        id=PLAN,
    )
    chains = {tuple(r["chain"]) for r in rows}
    assert (PLAN, PROGRAMME, CONGRESS) in chains
    assert chains == _paths(corpus_graph, PLAN, "THUC_HIEN")


def test_parameters_are_values_never_cypher(loaded, db: DB, neo4j_conn: Connection):
    before = (db.counts(), db.ids())
    assert (
        run_cypher(
            "MATCH (n:Document) WHERE n.id = $id RETURN n.id AS id",
            {"id": HOSTILE},
            **neo4j_conn.kwargs(),
            write=True,
        )
        == []
    )
    r = invoke(
        [
            "neo4j",
            "cypher",
            "MATCH (n:Document) WHERE n.symbol = $s RETURN n.id AS id",
            "-p",
            f"s={HOSTILE}",
            "--format",
            "json",
            "--write",
        ],
        neo4j_conn,
    )
    assert (r.exit_code, r.stdout) == (0, "[]\n")
    assert run_cypher(
        "MATCH (n:Document {id: $id}) SET n.note = $note RETURN n.note AS note",
        {"id": PLAN, "note": HOSTILE},
        **neo4j_conn.kwargs(),
        write=True,
    ) == [{"note": HOSTILE}]
    assert (db.counts(), db.ids()) == before


def test_cypher_is_read_only_without_write(loaded, db: DB, neo4j_conn: Connection):
    before = (db.counts(), db.ids())
    titles = check_nodes(db, "Document", ["id", "title"])
    for statement in (
        "CREATE (n:Document {id: 'probe'})",
        "MERGE (n:Body {id: 'probe'})",
        "MATCH (n:Document) SET n.title = 'changed'",
        "MATCH (n) DETACH DELETE n",
    ):
        r = invoke(["neo4j", "cypher", statement], neo4j_conn)
        assert (r.exit_code, r.stdout, r.stderr) == (1, "", READ_ONLY_MESSAGE), statement
    with pytest.raises(ReadOnlyViolation):
        run_cypher("CREATE (n:Document {id: 'probe'})", **neo4j_conn.kwargs())
    assert (db.counts(), db.ids()) == before
    assert check_nodes(db, "Document", ["id", "title"]) == titles
    r = invoke(
        [
            "neo4j",
            "cypher",
            "CREATE (n:Document {id: $id}) RETURN n.id AS id",
            "-p",
            "id=probe",
            "--write",
            "--format",
            "json",
        ],
        neo4j_conn,
    )
    assert (r.exit_code, json.loads(r.stdout)) == (0, [{"id": "probe"}])
    assert db.ids() == before[1] | {"probe"}


def test_cypher_formats_and_plain_values(loaded, neo4j_conn: Connection, corpus_graph: nx.MultiDiGraph):
    q = "MATCH (d:Document {id: $id}) RETURN d.id AS id, d.symbol AS symbol, d.date AS date"
    r = invoke(["neo4j", "cypher", q, "-p", f"id={PLAN}", "--format", "csv"], neo4j_conn)
    assert (r.exit_code, r.stdout) == (0, f"id,symbol,date\n{PLAN},20-KH/TU,2021-06-09\n")
    r = invoke(["neo4j", "cypher", q, "-p", f"id={PLAN}", "--format", "json"], neo4j_conn)
    assert json.loads(r.stdout) == [{"id": PLAN, "symbol": "20-KH/TU", "date": "2021-06-09"}]
    r = invoke(
        [
            "neo4j",
            "cypher",
            "RETURN $n + 1 AS n, date($d) AS d",
            "-p",
            "n:=41",
            "-p",
            "d=2021-06-09",
            "--format",
            "json",
        ],
        neo4j_conn,
    )
    assert (r.exit_code, json.loads(r.stdout)) == (0, [{"n": 42, "d": "2021-06-09"}])
    r = invoke(["neo4j", "cypher", q, "-p", f"id={PLAN}"], neo4j_conn)
    assert r.exit_code == 0 and "20-KH/TU" in r.stdout and "2021-06-09" in r.stdout
    import datetime as dt

    rows = run_cypher(
        "MATCH (d:Document {id: $id}) RETURN d, date(d.date) AS day", {"id": PLAN}, **neo4j_conn.kwargs()
    )
    assert rows[0]["day"] == dt.date(2021, 6, 9)
    assert rows[0]["d"]["_labels"] == ["Document"]
    assert (rows[0]["d"]["id"], rows[0]["d"]["symbol"]) == (PLAN, corpus_graph.nodes[PLAN]["symbol"])


# -- REFs resolved by the server (queries/neo4j_lookup.py, the twin of lookup.py) -----------------

# REFs of every form lookup.py knows, beyond those made from the sample's documents below:
# ambiguous ones, ones that match nothing, blanks, a number of zeros.
FIXED_REFS = [
    "52-NQ/TW",
    " 52 - nq/tw ",
    "52–NQ/TW",
    "52-NQ/TW@2019",
    "52-NQ/TW@2000",
    "NQ 52",
    "Nghị quyết 52",
    "nghi quyet so 52 2019",
    "Nghị quyết số 52/2019",
    "Điều lệ Đảng",
    "dieu le dang",
    "ĐIỀU LỆ ĐẢNG",
    "Chỉ thị 05",
    "CT 05",
    "Nghị quyết",
    "xây dựng Đảng",
    "999-NQ/TW",
    "NQ 999",
    "NQ 000",
    "no such words anywhere",
    "",
    "   ",
    "@2020",
]


def sample_refs(G: nx.MultiDiGraph, every: int = 3) -> list[str]:
    """FIXED_REFS and, for every `every`th document of the sample, its id, its symbol as typed
    in several ways (case, diacritics, blanks, a year, a date, a wrong year), its type and
    number, and words of its name and title."""
    refs = set(FIXED_REFS)
    for i, (n, a) in enumerate(sorted(st.documents(G))):
        if i % every:
            continue
        refs.add(n)
        date = a.get("date") or ""
        if a.get("symbol"):
            s = a["symbol"]
            refs |= {s, s.lower(), fold(s), f" {s.replace('-', ' - ')} ", f"{s}@{date[:4]}", f"{s}@{date}"}
            refs.add(f"{s}@1900")
        if a.get("number") and a.get("type_code"):
            refs |= {f"{a['type_code']} {a['number']}", f"{a.get('type')} số {a['number']}/{date[:4]}"}
        for f in ("name", "title"):
            words = (a.get(f) or "").split()
            if words:
                refs |= {" ".join(words[:3]), fold(" ".join(words[1:4]))}
    return sorted(refs)


def outcome(resolve: Any, ref: str) -> tuple:
    """("id", id), ("ambiguous", candidates) or ("none",): what resolving `ref` gives."""
    try:
        return ("id", resolve(ref))
    except AmbiguousReference as e:
        return ("ambiguous", tuple(e.candidates))
    except DocumentNotFound:
        return ("none",)


def test_refs_resolve_to_the_same_documents_in_neo4j(loaded, db: DB, corpus_graph: nx.MultiDiGraph):
    """Parity: every REF gives the same id, the same candidates or nothing, on both sides."""

    def run(text: str, params: Any) -> list[dict]:
        return run_on(db.driver, text, params, database=db.database)

    refs = sample_refs(corpus_graph)
    embedded = {ref: outcome(lambda r: lookup.resolve_ref(corpus_graph, r), ref) for ref in refs}
    server = {ref: outcome(lambda r: neo4j_lookup.resolve_ref(run, r), ref) for ref in refs}
    assert {ref: got for ref, got in server.items() if got != embedded[ref]} == {}
    kinds = Counter(o[0] for o in embedded.values())
    assert len(refs) > 300 and min(kinds["id"], kinds["ambiguous"], kinds["none"]) >= 5, kinds
    rows = neo4j_lookup.find_documents(run, "Chỉ thị 05")
    assert [neo4j_lookup.describe(r) for r in rows] == [
        lookup.describe(corpus_graph, n) for n in lookup.find_documents(corpus_graph, "Chỉ thị 05")
    ]


@pytest.mark.parametrize(
    "ref",
    ["52-NQ/TW", "nghi quyet 52", PLAN, "Kế hoạch 20", "Chỉ thị 05", "Điều lệ Đảng", "999-NQ/TW"],
)
def test_neo4j_query_resolves_a_ref_on_the_server_without_a_store(
    loaded, corpus_store, tmp_path: Path, neo4j_conn: Connection, ref: str
):
    """`neo4j query` and `query --backend neo4j` answer as `query` on the store, output and
    errors alike, with no store at all: the store folder is never opened, let alone made."""
    nowhere = tmp_path / "no-store"
    embedded = invoke(
        ["query", "citing", "-p", f"id={ref}", "--store", str(corpus_store.dir), "--format", "csv"]
    )
    for args in (["neo4j", "query", "citing"], ["query", "citing", "--backend", "neo4j"]):
        server = invoke(
            [*args, "-p", f"id={ref}", "--store", str(nowhere), "--format", "csv"],
            neo4j_conn,
            VBGRAPH_STORE=str(nowhere),
        )
        note = (
            "note: `vbgraph query --backend neo4j` is now `vbgraph neo4j query`; the old spelling will go\n"
        )
        assert server.exit_code == embedded.exit_code, server.stderr
        assert server.stderr == ("" if args[0] == "neo4j" else note) + embedded.stderr
        assert sorted(server.stdout.splitlines()) == sorted(embedded.stdout.splitlines())
    assert not nowhere.exists()


# -- the command line -------------------------------------------------------------------------


def test_cli_load_prints_counts_and_reloads_clean(db: DB, corpus_store, neo4j_conn: Connection):
    G = corpus_store.graph
    nodes, rels = expected_counts(G)
    run_id = w.plan(G).digest()
    r = invoke(["neo4j", "load", "--store", str(corpus_store.dir)], neo4j_conn)
    assert r.exit_code == 0, r.stderr
    order = [x for x in w.REL_TYPES if x in rels]
    head = [
        f"loaded into {neo4j_conn.uri} (database {neo4j_conn.database or 'default'}), run {run_id}",
        f"  nodes: {sum(nodes.values())} ({', '.join(f'{nodes[x]} {x}' for x in w.LABELS if x in nodes)})",
        f"  relationships: {sum(rels.values())} ({', '.join(f'{rels[x]} {x}' for x in order)})",
    ]
    assert r.stdout.splitlines() == [
        *head,
        "  one transaction",
        f"  new: {sum(nodes.values())} nodes, {sum(rels.values())} relationships; removed: 0 stale nodes, "
        "0 stale relationships",
    ]
    assert neo4j_conn.password not in r.stdout + r.stderr
    again = invoke(["neo4j", "load", "--store", str(corpus_store.dir)], neo4j_conn)
    assert again.stdout.splitlines() == [
        *head,
        "  one transaction",
        "  new: 0 nodes, 0 relationships; removed: 0 stale nodes, 0 stale relationships",
    ]
    batched = invoke(
        ["neo4j", "load", "--batched", "--batch-size", "500", "--store", str(corpus_store.dir)], neo4j_conn
    )
    transactions = sum(-(-n // 500) for n in (*nodes.values(), *rels.values()))
    assert batched.stdout.splitlines() == [
        *head,
        f"  {transactions} transactions, one per batch (asked for)",
        "  new: 0 nodes, 0 relationships; removed: 0 stale nodes, 0 stale relationships",
    ]
    assert db.counts() == (nodes, rels)


def test_cli_load_without_a_store(tmp_path: Path, neo4j_conn: Connection):
    r = invoke(["neo4j", "load", "--store", str(tmp_path / "none")], neo4j_conn)
    assert (r.exit_code, r.stderr) == (
        1,
        f"error: {tmp_path / 'none'}: no store here yet; run `vbgraph ingest PATH…` first (or pass --store)\n",
    )


def test_bad_password_is_one_clear_line_without_the_password(neo4j_conn: Connection, corpus_store):
    wrong = "Wr0ng-pa55word-for-the-test"
    want = (
        f"error: Neo4j refused the credentials for user {neo4j_conn.user} at {neo4j_conn.uri}; "
        "check NEO4J_USERNAME and NEO4J_PASSWORD\n"
    )
    # Two wrong attempts at most: Neo4j locks a user for 5 s after 3.
    for args in (["neo4j", "cypher", "RETURN 1"], ["neo4j", "load", "--store", str(corpus_store.dir)]):
        r = invoke(args, neo4j_conn, NEO4J_PASSWORD=wrong)
        assert (r.exit_code, r.stdout, r.stderr) == (1, "", want), args
    with pytest.raises(Neo4jAuthError) as e:
        run_cypher("RETURN 1", uri=neo4j_conn.uri, user="nobody", password=wrong)
    assert str(e.value) == want.removeprefix("error: ").rstrip("\n").replace(
        f"user {neo4j_conn.user} ", "user nobody "
    )
    assert neo4j_conn.password not in repr(neo4j_conn)


def test_unreachable_server_is_one_clear_line():
    uri = f"bolt://127.0.0.1:{free_port()}"
    r = CliRunner().invoke(
        cli(),
        ["neo4j", "cypher", "RETURN 1"],
        env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "secret-pw-1"},
        catch_exceptions=False,
    )
    assert r.exit_code == 1
    assert re.fullmatch(
        rf"error: cannot reach Neo4j at {re.escape(uri)}: [^\n]*refused[^\n]*; "
        r"start one with scripts/neo4j-local start\n",
        r.stderr,
    ), r.stderr
    assert "secret-pw-1" not in r.stdout + r.stderr
    with pytest.raises(Neo4jUnavailable, match="refused"):
        run_cypher("RETURN 1", uri=uri, user="neo4j", password="secret-pw-1")


def test_unreachable_server_on_load(corpus_store):
    uri = f"bolt://127.0.0.1:{free_port()}"
    r = CliRunner().invoke(
        cli(),
        ["neo4j", "load", "--store", str(corpus_store.dir)],
        env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "secret-pw-1"},
        catch_exceptions=False,
    )
    assert r.exit_code == 1
    assert r.stderr.startswith(f"error: cannot reach Neo4j at {uri}: ") and r.stderr.count("\n") == 1
    assert r.stderr.endswith("; start one with scripts/neo4j-local start\n")


def test_missing_password_is_asked_for_not_defaulted(corpus_store):
    r = CliRunner().invoke(
        cli(),
        ["neo4j", "cypher", "RETURN 1"],
        env={"NEO4J_PASSWORD": None, "NEO4J_URI": None},
        catch_exceptions=False,
    )
    assert (r.exit_code, r.stderr) == (
        2,
        'error: no Neo4j password: set NEO4J_PASSWORD (e.g. eval "$(scripts/neo4j-local start)")\n',
    )


def test_bad_uri_scheme():
    with pytest.raises(BadUri, match=r"cannot use Neo4j URI http://x:7474: the scheme must be"):
        connect("http://x:7474", "neo4j", "pw")
    r = invoke(["neo4j", "cypher", "RETURN 1", "--uri", "http://x:7474"], NEO4J_PASSWORD="pw")
    assert (r.exit_code, r.stderr) == (
        2,
        "error: --uri http://x:7474: the scheme must be one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, "
        "neo4j+ssc (e.g. bolt://localhost:7687)\n",
    )


@pytest.mark.parametrize(
    ("items", "want"),
    [
        (["id=bac-giang:20-KH/TU@2021-06-09"], {"id": "bac-giang:20-KH/TU@2021-06-09"}),
        (["n=3", "m:=3", 'l:=[1, "a"]', "z:=null"], {"n": "3", "m": 3, "l": [1, "a"], "z": None}),
        ([f"s={HOSTILE}"], {"s": HOSTILE}),
        (["q=a=b"], {"q": "a=b"}),
    ],
)
def test_parse_params(items: list[str], want: dict):
    assert parse_params(items) == want


@pytest.mark.parametrize("item", ["noequals", "bad name=1", "x:=not json", "=1"])
def test_parse_params_refuses(item: str):
    with pytest.raises(typer.BadParameter):
        parse_params([item])


def test_redact_uri():
    assert redact_uri("bolt://u:secret@host:7687") == "bolt://host:7687"
    assert redact_uri("neo4j+s://db.example:7687/x") == "neo4j+s://db.example:7687/x"
