"""Write the graph to Neo4j: the property-graph twin of graph-json-v1.

How (cartography's habits, kgx's neo sink):

* constraints and indexes first, `IF NOT EXISTS`, each in its own schema transaction (Neo4j
  does not allow schema and data changes in one transaction);
* nodes in batches: `UNWIND $rows AS row MERGE (n:Label {id: row.id}) SET n += row.props`;
* relationships one query per type, the type taken from the closed set `REL_ENDPOINTS`
  (the `Rel` enum plus the structural types), never from text;
* every node and relationship gets `run_id` and `lastupdated`; after the writes, nodes and
  relationships of vbgraph labels and types that carry another `run_id` are deleted, so a
  re-load after the store changed removes what disappeared;
* the whole data load runs in ONE managed write transaction (`session.execute_write`, which
  retries transient errors such as deadlocks or a leader switch). At our scale (thousands of
  documents and relationships) this is cheap, and the database shows either the previous load
  or this one, never a half-written mix, as sqlite-utils `atomic()` does. A graph that outgrows
  the server's transaction memory can be loaded a transaction per batch instead
  (`single_transaction=False`, `vbgraph neo4j load --batched`).

Concurrent loads cannot duplicate a relationship: MERGE locks both ends, and every load writes
(and so locks) the end nodes before their relationships, holding the locks until it commits.

Schema (properties are primitives or arrays of primitives, as Neo4j requires): the model's
fields flattened by exports/flat.py, under the same names as the CSV export's columns:

* `(:Document)`: `id`, `type`, `type_code`, `number`, `issuer_code`, `symbol`, `date` (a string:
  an ISO date, or a year) and `year` (a number), `issuer`, `jurisdiction`, `title`, `name`,
  `in_corpus`, `source_file`, `source_first_line`, `source_last_line`, `level`, `signer`,
  `identified_by`;
* `(:Body)`: `id`, `name`, `jurisdiction`, `part_of`, `level`, `aliases` (other spellings merged
  into it) and `aliases_count`, `generic` (a kind of unit, not one body);
* `(:Obligation)`: `id`, `document`, `text`, `assignees` (JSON) with `assignees_count` and the
  parallel arrays `assignees_body` and `assignees_role`, `deadline_text`, `deadline_start`,
  `deadline_end` (ISO date strings), `recurring`, `produces_type`, `produces_title`,
  `produces_level`, `fulfilled_by`, `fulfilment`, `fulfilment_score`, `status`, `source`,
  `evidence_file`, `evidence_line`, `evidence_quote` (and, when known, `evidence_page`,
  `evidence_page_line`, `evidence_paragraph`, `evidence_ocr`), `more_evidence` (JSON) with
  `more_evidence_count`, `more_evidence_files`, `more_evidence_lines`, `more_evidence_quote`;
* `(:Issue)`: `id` (`issue:` + sha1 of the issue's canonical JSON), `kind`, `file`, `line`,
  `message` and, when present, `candidates`, `document`, `quote`;
* relationships carry `label` (Vietnamese, from the closed set); document relations also
  `evidence` (JSON string of graph-json-v1 evidence: document, file, line, quote of each),
  `evidence_count`, `evidence_files` and `evidence_lines` (parallel arrays) and
  `evidence_quote` (the first quote); `GIAO_CHO` carries `vai_tro`.

A property that a node no longer has is sent as null, which `SET n += …` removes; properties
that other tools added to vbgraph nodes are left alone.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import neo4j
import networkx as nx

from vbgraph.errors import VbgraphError
from vbgraph.exports import flat
from vbgraph.ontology.relations import Edge, Rel

NODE_LABELS = (
    flat.NODE_LABELS
)  # the model's node kinds (Document, Body, Obligation), written under the same label
ISSUE_LABEL = "Issue"
LABELS = (*NODE_LABELS, ISSUE_LABEL)

# The closed set of relationship types and the labels they join.
REL_ENDPOINTS: dict[str, tuple[str, str]] = {
    **{r.value: ("Document", "Document") for r in Rel},
    **{e.value: e.endpoints for e in Edge},
}
REL_TYPES = tuple(REL_ENDPOINTS)
REL_LABELS: dict[str, str] = {**{r.value: r.label for r in Rel}, **{e.value: e.label for e in Edge}}
QUERY_PROPERTIES = ("label",)  # set on every relationship by its query, from the closed set, not per row
INDEXES: tuple[tuple[str, str], ...] = (
    ("Document", "symbol"),
    ("Document", "jurisdiction"),
    ("Body", "name"),
)

DEFAULT_BATCH_SIZE = 2000
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Progress = Callable[[str, int, int], None]  # (stage, rows done, rows in all)


class GraphShapeError(VbgraphError):
    """The graph holds something the writer has no place for (a new kind or edge type, a dangling end)."""


# -- Cypher builders: pure functions over the closed sets, tested on their exact text ----------


def _label(label: str) -> str:
    if label not in LABELS:
        raise ValueError(f"{label!r} is not a vbgraph label; expected one of {', '.join(LABELS)}")
    return label


def _rel_type(rel_type: str) -> str:
    if rel_type not in REL_ENDPOINTS:
        raise ValueError(
            f"{rel_type!r} is not a vbgraph relationship type; expected one of {', '.join(REL_TYPES)}"
        )
    return rel_type


def constraint_query(label: str) -> str:
    """Uniqueness of `id` on `label` (also the index every MERGE and MATCH by id uses)."""
    _label(label)
    return (
        f"CREATE CONSTRAINT vbgraph_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    )


def index_query(label: str, prop: str) -> str:
    """A range index on one property, for the lookups researchers type (symbol, jurisdiction, name)."""
    _label(label)
    if not _IDENT.match(prop):
        raise ValueError(f"{prop!r} is not a property name")
    return f"CREATE INDEX vbgraph_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"


def schema_queries() -> list[str]:
    """Every constraint, then every index, in a fixed order."""
    return [constraint_query(label) for label in LABELS] + [index_query(label, p) for label, p in INDEXES]


def merge_nodes_query(label: str) -> str:
    """Upsert one batch of nodes of `label`; rows are {id, props}."""
    _label(label)
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{label} {{id: row.id}})\n"
        "SET n += row.props, n.run_id = $run_id, n.lastupdated = $lastupdated"
    )


def merge_relationships_query(rel_type: str) -> str:
    """Upsert one batch of relationships of one type; rows are {source, target, props}.

    `$label` (the same for the whole type) is a parameter, not a per-row property: the driver
    packs every row in Python, so each value left out of the rows is time saved. Returns how
    many rows found both ends, so a row pointing at a missing node is noticed.
    """
    src, dst = REL_ENDPOINTS[_rel_type(rel_type)]
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{src} {{id: row.source}})\n"
        f"MATCH (b:{dst} {{id: row.target}})\n"
        f"MERGE (a)-[r:{rel_type}]->(b)\n"
        "SET r += row.props, r.label = $label, r.run_id = $run_id, r.lastupdated = $lastupdated\n"
        "RETURN count(r) AS written"
    )


def stale_relationships_query(rel_type: str) -> str:
    """Delete relationships of `rel_type` between vbgraph nodes written by another run."""
    src, dst = REL_ENDPOINTS[_rel_type(rel_type)]
    return f"MATCH (:{src})-[r:{rel_type}]->(:{dst})\nWHERE r.run_id <> $run_id\nDELETE r"


def stale_nodes_query(label: str) -> str:
    """Delete nodes of `label` written by another run (nodes without a run_id are not vbgraph's)."""
    _label(label)
    return f"MATCH (n:{label})\nWHERE n.run_id <> $run_id\nDETACH DELETE n"


# -- rows: the graph as primitive properties -----------------------------------------------------

_PRIMITIVES = (str, bool, int, float)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _array(items: list[Any]) -> list[Any] | None:
    """`items` if Neo4j can store it as an array (no nulls, one primitive type), else None."""
    if not items:
        return []
    kinds = {type(x) for x in items}
    return list(items) if len(kinds) == 1 and next(iter(kinds)) in _PRIMITIVES else None


def _value(value: Any) -> Any:
    if value is None or isinstance(value, _PRIMITIVES):
        return value
    if isinstance(value, list | tuple):
        arr = _array(list(value))
        return arr if arr is not None else _json(list(value))
    return _json(value)


def flatten_props(attrs: Mapping[str, Any], skip: Iterable[str] = ("kind",)) -> dict[str, Any]:
    """Primitive properties of a record the model does not flatten (an issue, with its extra
    fields): dicts become `{key}_{sub}` scalars, lists of dicts a JSON string plus one array per
    sub-key; anything else Neo4j cannot store becomes JSON."""
    skip = set(skip)
    out: dict[str, Any] = {}
    for k in sorted(attrs):
        if k in skip:
            continue
        v = attrs[k]
        if isinstance(v, dict):
            for sk in sorted(v):
                out[f"{k}_{sk}"] = _value(v[sk])
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            out[k] = _json(v)
            for sk in sorted({s for x in v for s in x}):
                arr = _array([x.get(sk) for x in v])
                if arr is not None:
                    out[f"{k}_{sk}"] = arr
        else:
            out[k] = _value(v)
    return out


def node_props(label: str, nid: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of one Document, Body or Obligation: its model fields, flattened (exports/flat.py)."""
    if label not in NODE_LABELS:
        raise ValueError(f"{label!r} is not a label of the model; expected one of {', '.join(NODE_LABELS)}")
    return {k: _value(v) for k, v in flat.node_values(label, nid, attrs).items()}


def relationship_props(rel_type: str, source: str, target: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of one relationship, flattened (exports/flat.py), but `label`, which the
    query sets per type from the closed set."""
    _rel_type(rel_type)
    values = flat.edge_values(source, target, rel_type, attrs)
    return {k: _value(v) for k, v in values.items() if k not in QUERY_PROPERTIES}


def issue_id(issue: Mapping[str, Any]) -> str:
    """A stable id for an issue: the same issue in two stores gets the same id."""
    return "issue:" + hashlib.sha1(_json(dict(issue)).encode("utf-8")).hexdigest()[:16]


def _fill(rows: list[dict]) -> list[dict]:
    """Give every row of one label/type the same keys (missing → null, which SET += removes)."""
    keys = sorted({k for r in rows for k in r["props"]})
    for r in rows:
        r["props"] = {k: r["props"].get(k) for k in keys}
    return rows


def node_rows(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows {id, props} per label, sorted by id; issues included. Unknown node kinds are an error."""
    rows: dict[str, list[dict]] = {label: [] for label in LABELS}
    for nid in sorted(G.nodes):
        a = G.nodes[nid]
        kind = a.get("kind")
        if kind not in NODE_LABELS:
            raise GraphShapeError(
                f"node {nid!r} has kind {kind!r}; the Neo4j writer knows {', '.join(NODE_LABELS)}"
            )
        rows[kind].append({"id": nid, "props": node_props(kind, nid, a)})
    seen: set[str] = set()
    for issue in G.graph.get("issues", []):
        iid = issue_id(issue)
        if iid not in seen:
            seen.add(iid)
            rows[ISSUE_LABEL].append({"id": iid, "props": flatten_props(issue, skip=())})  # kind is data here
    rows[ISSUE_LABEL].sort(key=lambda r: r["id"])
    return {label: _fill(r) for label, r in rows.items()}


def relationship_rows(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows {source, target, props} per type, sorted; a type or ends outside the closed set are an error."""
    rows: dict[str, list[dict]] = {t: [] for t in REL_TYPES}
    for s, t, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        if k not in REL_ENDPOINTS:
            raise GraphShapeError(
                f"edge {s!r} -[{k}]-> {t!r}: {k!r} is not a relationship type the Neo4j writer knows"
            )
        want = REL_ENDPOINTS[k]
        got = (G.nodes[s].get("kind"), G.nodes[t].get("kind"))
        if got != want:
            raise GraphShapeError(
                f"edge {s!r} -[{k}]-> {t!r} joins {got[0]} to {got[1]}; {k} joins {want[0]} to {want[1]}"
            )
        rows[k].append({"source": s, "target": t, "props": relationship_props(k, s, t, a)})
    return {k: _fill(r) for k, r in rows.items()}


@dataclass(frozen=True)
class Plan:
    """Everything one load writes, computed before connecting (so a bad graph fails early)."""

    nodes: dict[str, list[dict]]
    relationships: dict[str, list[dict]]

    @property
    def total(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.relationships.values()))

    def digest(self) -> str:
        """A content hash: the default run_id, so loading the same store twice is the same run."""
        h = hashlib.sha1()
        for part in (self.nodes, self.relationships):
            h.update(_json(part).encode("utf-8"))
        return h.hexdigest()[:16]


def plan(G: nx.MultiDiGraph) -> Plan:
    return Plan(node_rows(G), relationship_rows(G))


# -- writing ----------------------------------------------------------------------------------


@dataclass
class LoadResult:
    """What one load wrote (rows per label and type) and what the stale cleanup removed."""

    run_id: str
    lastupdated: int
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0

    @property
    def node_total(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_total(self) -> int:
        return sum(self.relationships.values())


def _batches(rows: list[dict], size: int) -> Iterable[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _run_schema(tx: neo4j.ManagedTransaction, query: str) -> None:
    tx.run(query).consume()


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the constraints and indexes if missing; idempotent."""
    with driver.session(database=database) as session:
        for q in schema_queries():
            session.execute_write(_run_schema, q)


def write_nodes_tx(
    tx: neo4j.ManagedTransaction,
    label: str,
    rows: list[dict],
    *,
    run_id: str,
    lastupdated: int,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> int:
    """Upsert the nodes of one label in batches; returns how many were new."""
    query = merge_nodes_query(label)
    created = 0
    for batch in _batches(rows, batch_size):
        created += (
            tx.run(query, rows=batch, run_id=run_id, lastupdated=lastupdated).consume().counters.nodes_created
        )
    return created


def write_relationships_tx(
    tx: neo4j.ManagedTransaction,
    rel_type: str,
    rows: list[dict],
    *,
    run_id: str,
    lastupdated: int,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> int:
    """Upsert the relationships of one type; returns how many were new.

    A row whose ends are missing aborts the transaction, so it is rolled back.
    """
    query = merge_relationships_query(rel_type)
    created = 0
    for batch in _batches(rows, batch_size):
        result = tx.run(query, rows=batch, label=REL_LABELS[rel_type], run_id=run_id, lastupdated=lastupdated)
        n = result.single(strict=True)["written"]
        if n != len(batch):
            raise GraphShapeError(
                f"{rel_type}: {len(batch) - n} of {len(batch)} relationships have an end that is "
                "not in the database; the transaction was rolled back"
            )
        created += result.consume().counters.relationships_created
    return created


def delete_stale_tx(tx: neo4j.ManagedTransaction, run_id: str) -> tuple[int, int]:
    """Remove vbgraph relationships, then nodes, written by another run; (nodes, relationships) deleted."""
    nodes = rels = 0
    for t in REL_TYPES:
        rels += tx.run(stale_relationships_query(t), run_id=run_id).consume().counters.relationships_deleted
    for label in LABELS:
        c = tx.run(stale_nodes_query(label), run_id=run_id).consume().counters
        nodes += c.nodes_deleted
        rels += c.relationships_deleted
    return nodes, rels


def _load(
    call: Callable[..., Any],
    p: Plan,
    *,
    run_id: str,
    lastupdated: int,
    batch_size: int,
    progress: Progress | None,
) -> LoadResult:
    """Every batch, then the stale cleanup, each through `call(fn, *args, **kwargs)`: `fn(tx, …)`
    inside one transaction, or `session.execute_write(fn, …)` for a transaction per batch."""
    result = LoadResult(run_id, lastupdated)
    done = 0

    def tick(stage: str, n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(stage, done, p.total)

    tick("nodes", 0)
    for label, rows in p.nodes.items():
        result.nodes[label] = len(rows)
        for batch in _batches(rows, batch_size):
            result.nodes_created += call(
                write_nodes_tx, label, batch, run_id=run_id, lastupdated=lastupdated, batch_size=batch_size
            )
            tick(label, len(batch))
    for t, rows in p.relationships.items():
        result.relationships[t] = len(rows)
        for batch in _batches(rows, batch_size):
            result.relationships_created += call(
                write_relationships_tx,
                t,
                batch,
                run_id=run_id,
                lastupdated=lastupdated,
                batch_size=batch_size,
            )
            tick(t, len(batch))
    tick("removing stale", 0)
    result.nodes_deleted, result.relationships_deleted = call(delete_stale_tx, run_id)
    return result


def load_graph(
    G: nx.MultiDiGraph,
    driver: neo4j.Driver,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    run_id: str | None = None,
    lastupdated: int | None = None,
    single_transaction: bool = True,
) -> LoadResult:
    """Make the database hold exactly the vbgraph part of `G`.

    By default all of it happens in one write transaction, so the database shows the previous
    load or this one, never a mix. A graph too big for the server's transaction memory
    (`dbms.memory.transaction.total.max`; tens of thousands of relationships with evidence on a
    1 GiB heap) can be loaded with `single_transaction=False`: one transaction per batch, the
    stale cleanup last, so a failure part-way leaves new and old rows side by side but deletes
    nothing, and running the load again completes it.

    Loading the same graph twice changes no counts; loading after new ingests adds what is new
    and removes what the store no longer has. `run_id` defaults to a hash of the content and
    `lastupdated` to the current Unix time (seconds).
    """
    p = plan(G)
    run_id = run_id or p.digest()
    lastupdated = int(time.time()) if lastupdated is None else lastupdated
    ensure_schema(driver, database)
    opts: dict[str, Any] = {
        "run_id": run_id,
        "lastupdated": lastupdated,
        "batch_size": batch_size,
        "progress": progress,
    }
    with driver.session(database=database) as session:
        if not single_transaction:
            return _load(session.execute_write, p, **opts)

        def work(tx: neo4j.ManagedTransaction) -> LoadResult:
            # A retried transaction starts again from nothing, and so does the progress count.
            return _load(lambda fn, *a, **k: fn(tx, *a, **k), p, **opts)

        return session.execute_write(neo4j.unit_of_work(metadata={"app": "vbgraph", "run_id": run_id})(work))


def write_neo4j(
    G: nx.MultiDiGraph, *, uri: str, user: str, password: str, database: str | None = None, **kwargs: Any
) -> LoadResult:
    """Connect, load `G` (see `load_graph`), close; errors are one-line `Neo4jProblem`s."""
    from vbgraph.queries.neo4j_runner import connect, explained

    with explained(uri=uri, user=user, password=password):
        driver = connect(uri, user, password)
        try:
            return load_graph(G, driver, database=database, **kwargs)
        finally:
            driver.close()
