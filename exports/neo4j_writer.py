"""Write the graph to Neo4j: the property-graph twin of graph-json-v1.

How (cartography's habits, kgx's neo sink):

* constraints and indexes first, `IF NOT EXISTS`, each in its own schema transaction (Neo4j
  does not allow schema and data changes in one transaction);
* the ids (and relationship ends) the database already holds are read first: rows not there
  are written with `CREATE`, the others updated by id (`MATCH … SET n += props`), in batches of
  `UNWIND $rows AS row`, each row a list of values (a map would repeat every key);
* relationships one query per type, the type taken from the closed set `REL_ENDPOINTS`
  (the `Rel` enum plus the structural types), never from text;
* every node and relationship gets `run_id` and `lastupdated`; once everything is written,
  nodes and relationships of vbgraph labels and types that carry another `run_id` are deleted,
  so a re-load after the store changed removes what disappeared.

All or nothing, two ways:

* **One transaction** when the load fits the server's transaction memory. The estimate
  (`one_transaction_memory`) is `TX_MEMORY_AT_COMMIT × (TX_MEMORY_PER_BYTE × the rows' JSON
  bytes + TX_MEMORY_PER_PROPERTY × their property values)`, measured on Neo4j 5.26; the limit
  is the smallest the server reports (`SHOW SETTINGS`: `dbms.memory.transaction.total.max`,
  `db.memory.transaction.total.max`, `db.memory.transaction.max`), else 70 % of its heap, else
  `DEFAULT_TRANSACTION_MEMORY` (`transaction_memory`). The database shows the previous load or
  this one, never a mix, as sqlite-utils `atomic()` does. Should the server run out of memory
  anyway, the transaction is not retried (it would fail again) and the load goes batched.
* **A transaction per batch** otherwise (or `single_transaction=False`, `vbgraph neo4j load
  --batched`), each batch at most `batch_size` rows and about a quarter of the server's
  transaction memory (long texts make smaller batches), with a journal in the database:

  1. a lock, `(:VbgraphLoad {key: 'load'})` (unique), holds the run id, the owner
     (host:pid:thread), a state (`writing`) and a heartbeat that every batch refreshes; another
     load meanwhile stops at once with `LoadInProgress` (a one-transaction load takes the same
     lock inside its transaction, so loads never interleave, and one-transaction loads wait for
     each other);
  2. each batch writes, in the same transaction, a `(:VbgraphJournal)` entry: the ids it
     created, and for the items it updated their previous `run_id` and `lastupdated`, plus a
     `(:VbgraphBackup)` node with all previous properties of each item whose other properties
     it changes. A label or type the database had none of needs no list of what was created:
     a rollback deletes its items that carry this run id;
  3. after the last batch the lock's state becomes `committed`: the commit point;
  4. then the journal and backups are dropped, stale items of other runs deleted (`CALL … IN
     TRANSACTIONS` of `DELETE_BATCH`), the lock dropped.

  A failure before the commit point rolls the load back (`rollback`), relationships first,
  then nodes: what it created is deleted; what it updated gets back its previous `run_id` and
  `lastupdated` and, from its backup, every previous property (changed, removed or added by
  this load, other tools' properties too); nothing had been deleted, since stale items go only
  after the commit point. The database then holds the same nodes, relationships and
  properties as before the load (tests/test_neo4j_scale.py compares them all). One limit: a
  value whose type changed but not its value (`1` and `1.0` are equal in Cypher) is not seen
  as changed, so it keeps the new type. A failure after the commit point still finishes the
  load (stale items deleted, bookkeeping dropped); if that fails too (the server went away),
  the next load finishes it first. A process that dies before it can roll back leaves its lock
  and journal: the next load rolls that run back (or finishes it, had it committed) before
  its own, at once from the same thread or when the owner's process is gone from this machine,
  else once the heartbeat is `STALE_AFTER_SECONDS` old (`recover`). While a batched load runs,
  readers see old and new rows side by side: the guarantee is about the state it ends in.

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

A created item gets no null property (a null in `CREATE` is not stored); an updated one is sent
every property of its label or type, null for those it no longer has, which `SET n += …`
removes. Properties that other tools added to vbgraph nodes are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import operator
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
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


# -- Cypher builders for loads: rows are lists, [id, *values] or [source, target, *values] ------
#
# A row's values follow `keys` (the properties of its label or type, sorted): a list packs
# faster than a map that repeats every key, and `CREATE` drops a null instead of storing it.
# Property names come from the model's fields (exports/flat.py) and are quoted when they are
# not plain names, so no text of a row ever becomes Cypher.

# The bookkeeping of a load that spans several transactions (see the module docstring).
LOAD_LABEL = "VbgraphLoad"
JOURNAL_LABEL = "VbgraphJournal"
BACKUP_LABEL = "VbgraphBackup"
BOOKKEEPING_LABELS = (LOAD_LABEL, JOURNAL_LABEL, BACKUP_LABEL)
BACKUP_KEYS = ("vbgraph_backup_run", "vbgraph_backup_kind", "vbgraph_backup_name", "vbgraph_backup_of")
_NODE_RESERVED = frozenset({"id", "run_id", "lastupdated"})
_REL_RESERVED = frozenset({"label", "run_id", "lastupdated"})


# Items per transaction when a rollback or the stale cleanup deletes or restores (`CALL … IN
# TRANSACTIONS`): deleting an item costs transaction memory in proportion to its properties.
DELETE_BATCH = 1000


def _prop(key: str) -> str:
    """A property name as Cypher writes it: plain, or backquoted (a backquote doubled)."""
    if _IDENT.match(key):
        return key
    return "`" + key.replace("`", "``") + "`"


def _values_map(keys: Iterable[str], first: int, reserved: frozenset[str]) -> str:
    """`{key: row[first], …}`, the row's values under their property names."""
    keys = list(keys)
    clash = sorted(reserved.intersection(keys))
    if clash:
        raise ValueError(f"{', '.join(clash)}: set by the writer itself, not a row property")
    return "{" + ", ".join(f"{_prop(k)}: row[{i}]" for i, k in enumerate(keys, first)) + "}"


def lock_constraint_query() -> str:
    """At most one batched load at a time: its `(:VbgraphLoad {key: 'load'})` is the lock."""
    return f"CREATE CONSTRAINT vbgraph_load_key IF NOT EXISTS FOR (n:{LOAD_LABEL}) REQUIRE n.key IS UNIQUE"


def existing_nodes_query(label: str) -> str:
    """The ids already in the database under `label`: their rows are updated, the others created."""
    _label(label)
    return f"MATCH (n:{label})\nRETURN n.id AS id"


def existing_relationships_query(rel_type: str) -> str:
    """The (source, target) pairs of `rel_type` already in the database."""
    src, dst = REL_ENDPOINTS[_rel_type(rel_type)]
    return f"MATCH (a:{src})-[:{rel_type}]->(b:{dst})\nRETURN a.id AS source, b.id AS target"


def _journal(kind: str, name: str, op: str, fields: str) -> str:
    return (
        f"CREATE (:{JOURNAL_LABEL} {{run_id: $run_id, kind: '{kind}', name: '{name}', op: '{op}', {fields}}})\n"
        "RETURN written"
    )


def create_nodes_query(label: str, keys: Iterable[str], *, journal: bool = False) -> str:
    """Create the nodes of one batch of rows [id, *values], none of them in the database yet.

    The properties are written in the CREATE itself (a null is not stored): a third faster
    than a `SET` after it. With `journal`, the same statement records their ids for a rollback (a batched load)."""
    _label(label)
    values = _values_map(keys, 1, _NODE_RESERVED)[1:-1]
    head = (
        "UNWIND $rows AS row\n"
        f"CREATE (n:{label} {{id: row[0], {values}{', ' if values else ''}run_id: $run_id, lastupdated: $lastupdated}})\n"
    )
    if not journal:
        return head + "RETURN count(*) AS written"
    return (
        head
        + "WITH count(*) AS written, collect(row[0]) AS ids\n"
        + _journal("node", label, "created", "ids: ids")
    )


def _backup(var: str, kind: str, name: str, of: str) -> str:
    """Keep `var`'s properties in a backup node before a batched load changes them."""
    return (
        "FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |\n"
        f"  CREATE (x:{BACKUP_LABEL})\n"
        f"  SET x = properties({var}), x.vbgraph_backup_run = $run_id, x.vbgraph_backup_kind = '{kind}',\n"
        f"      x.vbgraph_backup_name = '{name}', x.vbgraph_backup_of = {of})\n"
    )


def _was(var: str, extra: str = "") -> str:
    """The run and time `var` had, and whether this load changes more than those."""
    return (
        f"WITH {var}, row, props,\n"
        f"     CASE WHEN {var}.run_id IS :: STRING NOT NULL THEN {var}.run_id ELSE '' END AS was_run,\n"
        f"     CASE WHEN {var}.lastupdated IS :: INTEGER NOT NULL THEN {var}.lastupdated ELSE -1 END AS was_at,\n"
        f"     NOT ({var}.run_id IS :: STRING NOT NULL AND {var}.lastupdated IS :: INTEGER NOT NULL){extra}\n"
        f"     OR any(k IN keys(props) WHERE NOT coalesce({var}[k] = props[k], {var}[k] IS NULL AND props[k] IS NULL))"
        " AS changed\n"
    )


def update_nodes_query(label: str, keys: Iterable[str], *, journal: bool = False) -> str:
    """Overwrite the nodes of one batch of rows [id, *values], all of them in the database.

    A null value removes the property. With `journal`, the same statement keeps what a rollback
    needs: each node's previous `run_id` and `lastupdated` in a journal entry, and all its
    properties in a backup node when this load changes more than those two."""
    _label(label)
    head = (
        "UNWIND $rows AS row\n"
        f"MATCH (n:{label} {{id: row[0]}})\n"
        f"WITH n, row, {_values_map(keys, 1, _NODE_RESERVED)} AS props\n"
    )
    write = "SET n += props, n.run_id = $run_id, n.lastupdated = $lastupdated\n"
    if not journal:
        return head + write + "RETURN count(*) AS written"
    return (
        head
        + _was("n")
        + _backup("n", "node", label, "row[0]")
        + write
        + "WITH count(*) AS written, collect(row[0]) AS ids, collect(was_run) AS runs, collect(was_at) AS ats\n"
        + _journal("node", label, "touched", "ids: ids, prev_run: runs, prev_at: ats")
    )


def create_relationships_query(rel_type: str, keys: Iterable[str], *, journal: bool = False) -> str:
    """Create one batch of relationships [source, target, *values], none of them there yet.

    Returns how many rows found both ends, so a row pointing at a missing node is noticed."""
    src, dst = REL_ENDPOINTS[_rel_type(rel_type)]
    values = _values_map(keys, 2, _REL_RESERVED)[1:-1]
    head = (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{src} {{id: row[0]}})\n"
        f"MATCH (b:{dst} {{id: row[1]}})\n"
        f"CREATE (a)-[r:{rel_type} {{{values}{', ' if values else ''}label: $label, run_id: $run_id, "
        "lastupdated: $lastupdated}]->(b)\n"
    )
    if not journal:
        return head + "RETURN count(*) AS written"
    return (
        head
        + "WITH count(*) AS written, collect(row[0]) AS sources, collect(row[1]) AS targets\n"
        + _journal("relationship", rel_type, "created", "sources: sources, targets: targets")
    )


def update_relationships_query(rel_type: str, keys: Iterable[str], *, journal: bool = False) -> str:
    """Overwrite one batch of relationships [source, target, *values], all of them there (see
    `update_nodes_query` for the journal)."""
    src, dst = REL_ENDPOINTS[_rel_type(rel_type)]
    head = (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{src} {{id: row[0]}})\n"
        f"MATCH (b:{dst} {{id: row[1]}})\n"
        f"CALL (a, b) {{ MATCH (a)-[r:{rel_type}]->(b) RETURN r }}\n"
        f"WITH r, row, {_values_map(keys, 2, _REL_RESERVED)} AS props\n"
    )
    write = "SET r += props, r.label = $label, r.run_id = $run_id, r.lastupdated = $lastupdated\n"
    if not journal:
        return head + write + "RETURN count(*) AS written"
    return (
        head
        + _was("r", " OR NOT coalesce(r.label = $label, false)")
        + _backup("r", "relationship", rel_type, "[row[0], row[1]]")
        + write
        + "WITH count(*) AS written, collect(row[0]) AS sources, collect(row[1]) AS targets,\n"
        "     collect(was_run) AS runs, collect(was_at) AS ats\n"
        + _journal(
            "relationship",
            rel_type,
            "touched",
            "sources: sources, targets: targets, prev_run: runs, prev_at: ats",
        )
    )


_ENTRY = f"MATCH (j:{JOURNAL_LABEL}) WHERE elementId(j) = $entry\n"
_PREVIOUS = (
    "SET {v}.run_id = CASE j.prev_run[i] WHEN '' THEN null ELSE j.prev_run[i] END,\n"
    "    {v}.lastupdated = CASE j.prev_at[i] WHEN -1 THEN null ELSE j.prev_at[i] END"
)


def undo_query(kind: str, name: str, op: str) -> str:
    """Undo one journal entry: delete what it created, or give what it touched its previous run
    and time back (backups, restored afterwards, bring back the other properties)."""
    if kind == "node":
        _label(name)
        if op == "created":
            return _ENTRY + f"UNWIND j.ids AS id\nMATCH (n:{name} {{id: id}})\nDETACH DELETE n"
        if op == "touched":
            return (
                _ENTRY
                + f"UNWIND range(0, size(j.ids) - 1) AS i\nMATCH (n:{name} {{id: j.ids[i]}})\n"
                + _PREVIOUS.format(v="n")
            )
    elif kind == "relationship":
        src, dst = REL_ENDPOINTS[_rel_type(name)]
        match = (
            "UNWIND range(0, size(j.sources) - 1) AS i\n"
            f"MATCH (a:{src} {{id: j.sources[i]}})\nMATCH (b:{dst} {{id: j.targets[i]}})\n"
            f"CALL (a, b) {{ MATCH (a)-[r:{name}]->(b) RETURN r }}\n"
        )
        if op == "created":
            return _ENTRY + match + "DELETE r"
        if op == "touched":
            return _ENTRY + match + _PREVIOUS.format(v="r")
    raise ValueError(f"no journal entry of kind {kind!r} and op {op!r}")


def _restore_from(var: str) -> str:
    nulls = ", ".join(f"{k}: null" for k in BACKUP_KEYS)
    return f"  FOREACH (_ IN CASE WHEN {var} IS NULL THEN [] ELSE [1] END | SET {var} = x {{.*, {nulls}}})\n"


def restore_backups_query(kind: str, name: str, rows: int = DELETE_BATCH) -> str:
    """Give the items a failed batched load changed their backed-up properties, and drop the
    backups; an implicit transaction (`CALL … IN TRANSACTIONS`), resumable."""
    where = f"MATCH (x:{BACKUP_LABEL} {{vbgraph_backup_run: $run_id, vbgraph_backup_kind: '{kind}', vbgraph_backup_name: '{name}'}})\n"
    if kind == "node":
        _label(name)
        find = f"  OPTIONAL MATCH (n:{name} {{id: x.vbgraph_backup_of}})\n" + _restore_from("n")
    elif kind == "relationship":
        src, dst = REL_ENDPOINTS[_rel_type(name)]
        find = (
            f"  OPTIONAL MATCH (a:{src} {{id: x.vbgraph_backup_of[0]}})\n"
            f"  OPTIONAL MATCH (b:{dst} {{id: x.vbgraph_backup_of[1]}})\n"
            f"  OPTIONAL MATCH (a)-[r:{name}]->(b)\n" + _restore_from("r")
        )
    else:
        raise ValueError(f"no backup of kind {kind!r}")
    return where + "CALL (x) {\n" + find + "  DELETE x\n" + f"}} IN TRANSACTIONS OF {int(rows)} ROWS"


def delete_run_query(kind: str, name: str, rows: int = DELETE_BATCH) -> str:
    """Delete every node of label (or relationship of type) `name` that carries `$run_id`: the
    rollback of a label or type the database had none of before this load."""
    if kind == "node":
        _label(name)
        return (
            f"MATCH (n:{name})\nWHERE n.run_id = $run_id\n"
            f"CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF {int(rows)} ROWS"
        )
    src, dst = REL_ENDPOINTS[_rel_type(name)]
    return (
        f"MATCH (:{src})-[r:{name}]->(:{dst})\nWHERE r.run_id = $run_id\n"
        f"CALL (r) {{ DELETE r }} IN TRANSACTIONS OF {int(rows)} ROWS"
    )


def delete_stale_query(kind: str, name: str, rows: int = DELETE_BATCH) -> str:
    """`stale_nodes_query` / `stale_relationships_query` a transaction per `rows` (implicit)."""
    if kind == "node":
        _label(name)
        return (
            f"MATCH (n:{name})\nWHERE n.run_id <> $run_id\n"
            f"CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF {int(rows)} ROWS"
        )
    src, dst = REL_ENDPOINTS[_rel_type(name)]
    return (
        f"MATCH (:{src})-[r:{name}]->(:{dst})\nWHERE r.run_id <> $run_id\n"
        f"CALL (r) {{ DELETE r }} IN TRANSACTIONS OF {int(rows)} ROWS"
    )


def delete_bookkeeping_query(label: str, rows: int = DELETE_BATCH) -> str:
    """Drop the journal entries or backups of `$run_id` (after it committed or rolled back)."""
    if label not in (JOURNAL_LABEL, BACKUP_LABEL):
        raise ValueError(f"{label!r} is not a bookkeeping label")
    key = "run_id" if label == JOURNAL_LABEL else "vbgraph_backup_run"
    return (
        f"MATCH (x:{label} {{{key}: $run_id}})\nCALL (x) {{ DELETE x }} IN TRANSACTIONS OF {int(rows)} ROWS"
    )


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

    @cached_property
    def _encoded(self) -> tuple[str, int]:
        """(sha1 of the rows' JSON, its size in bytes), encoded a row at a time."""
        h = hashlib.sha1()
        size = 0
        for part in (self.nodes, self.relationships):
            for chunk in _json_chunks(part):
                data = chunk.encode("utf-8")
                h.update(data)
                size += len(data)
        return h.hexdigest()[:16], size

    def digest(self) -> str:
        """A content hash: the default run_id, so loading the same store twice is the same run."""
        return self._encoded[0]

    @property
    def size(self) -> int:
        """Bytes of the rows as JSON: what `one_transaction_memory` estimates from."""
        return self._encoded[1]

    @cached_property
    def properties(self) -> int:
        """How many property values the rows hold (nulls are not stored)."""
        return sum(
            sum(v is not None for v in r["props"].values())
            for rows in (*self.nodes.values(), *self.relationships.values())
            for r in rows
        )


def _json_chunks(part: Mapping[str, list[dict]]) -> Iterable[str]:
    """`_json(part)` in pieces, a row at a time (the same text, without holding it all)."""
    yield "{"
    for i, key in enumerate(sorted(part)):
        yield (", " if i else "") + _json(key) + ": ["
        for j, row in enumerate(part[key]):
            yield (", " if j else "") + _json(row)
        yield "]"
    yield "}"


def plan(G: nx.MultiDiGraph) -> Plan:
    return Plan(node_rows(G), relationship_rows(G))


# -- writing ----------------------------------------------------------------------------------

MiB = 1 << 20
# The transaction memory of a one-transaction load, as Neo4j 5.26 counts it: the transaction
# state grows by about TX_MEMORY_PER_BYTE per byte of the rows' JSON (`Plan.size`) and
# TX_MEMORY_PER_PROPERTY per property value (`Plan.properties`), and the commit roughly doubles
# it (TX_MEMORY_AT_COMMIT). Fitted on the stores of benchmarks/scale.py, the synthetic graphs of
# benchmarks/neo4j_load.py and graphs of long texts, rounded up so no measured load is
# underestimated: 10,000 documents (74 MB, 0.95 M values) hold 453 MiB before the commit and fail
# it past 716 MiB; 5,000 synthetic documents (22 MB) peak at 200 MiB.
TX_MEMORY_PER_BYTE = 3.3
TX_MEMORY_PER_PROPERTY = 240
TX_MEMORY_AT_COMMIT = 2.1
# Assumed when the server does not say (SHOW SETTINGS refused): 70 % of a 1 GiB heap, the
# transaction memory of scripts/neo4j-local's default server.
DEFAULT_TRANSACTION_MEMORY = 716 * MiB
# A batched load whose lock has not been refreshed for this long is taken to have died.
STALE_AFTER_SECONDS = 300
TRANSACTION_MEMORY_SETTINGS = (
    "dbms.memory.transaction.total.max",
    "db.memory.transaction.total.max",
    "db.memory.transaction.max",
)
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B?|B)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


class LoadInProgress(VbgraphError):
    """Another batched load holds the database's load lock and was seen recently."""


class LoadInterrupted(VbgraphError):
    """This batched load lost its lock (another load took it over as abandoned)."""


class TooBigForOneTransaction(VbgraphError):
    """The server ran out of transaction memory for a one-transaction load."""


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
    transactions: int = 0  # data transactions: 1 for a one-transaction load
    why_batched: str = ""  # why the load took a transaction per batch, when it did
    recovered: str = ""  # what an earlier, interrupted batched load needed first

    @property
    def node_total(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_total(self) -> int:
        return sum(self.relationships.values())

    @property
    def batched(self) -> bool:
        return bool(self.why_batched)


def parse_size(text: str | None) -> int | None:
    """Bytes of a Neo4j memory setting ('716.80MiB', '2g', '0B'); None if it is not a size.

    Examples
    --------
    >>> parse_size("716.80MiB"), parse_size("0B"), parse_size("2g"), parse_size("x")
    (751619276, 0, 2147483648, None)
    """
    m = _SIZE.match(text or "")
    if not m:
        return None
    unit = (m.group(2) or "").lower()[:1]
    return int(float(m.group(1)) * _UNITS[unit])


def transaction_memory(driver: neo4j.Driver, database: str | None = None) -> tuple[int, str]:
    """(bytes, where from) one transaction may use on this server: the smallest of the
    transaction memory limits it reports (SHOW SETTINGS), else 70 % of its heap (an unlimited
    transaction still has to fit the heap), else `DEFAULT_TRANSACTION_MEMORY`."""
    try:
        with driver.session(database=database) as s:
            rows = s.run(
                "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
                names=list(TRANSACTION_MEMORY_SETTINGS),
            ).data()
            limits = {r["name"]: parse_size(r["value"]) for r in rows}
            set_ = {k: v for k, v in limits.items() if v}
            if set_:
                name = min(set_, key=lambda k: set_[k])
                return set_[name], name
            heap = s.run(
                "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
                "RETURN attributes.HeapMemoryUsage.value.properties.max AS max"
            ).single()
            if heap and isinstance(heap["max"], int) and heap["max"] > 0:
                return int(heap["max"] * 0.7), "70% of the heap"
    except neo4j.exceptions.Neo4jError:
        pass
    return DEFAULT_TRANSACTION_MEMORY, "the default assumed when the server does not say"


def one_transaction_memory(p: Plan) -> int:
    """Estimated peak transaction memory, in bytes, of loading `p` in one transaction."""
    state = TX_MEMORY_PER_BYTE * p.size + TX_MEMORY_PER_PROPERTY * p.properties
    return int(TX_MEMORY_AT_COMMIT * state)


def _batches(rows: list, size: int) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _run_schema(tx: neo4j.ManagedTransaction, query: str) -> None:
    tx.run(query).consume()


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the constraints and indexes if missing (and the batched loads' lock); idempotent."""
    with driver.session(database=database) as session:
        for q in [*schema_queries(), lock_constraint_query()]:
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
    """Upsert the nodes of one label (rows {id, props}) with MERGE, in batches; returns how many were new."""
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
    """Upsert the relationships of one type (rows {source, target, props}) with MERGE; returns
    how many were new. A row whose ends are missing aborts the transaction, so it is rolled back.
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


def delete_stale_tx(
    tx: neo4j.ManagedTransaction | neo4j.Transaction,
    run_id: str,
    clean: Collection[str] = (),
) -> tuple[int, int]:
    """Remove vbgraph relationships, then nodes, written by another run; (nodes, relationships)
    deleted. Labels and types in `clean` (known to hold nothing stale) are not scanned."""
    nodes = rels = 0
    for t in REL_TYPES:
        if t not in clean:
            rels += (
                tx.run(stale_relationships_query(t), run_id=run_id).consume().counters.relationships_deleted
            )
    for label in LABELS:
        if label not in clean:
            c = tx.run(stale_nodes_query(label), run_id=run_id).consume().counters
            nodes += c.nodes_deleted
            rels += c.relationships_deleted
    return nodes, rels


def clean_of_stale(
    p: Plan, existing_nodes: Mapping[str, set[str]], existing_rels: Mapping[str, set[tuple[str, str]]]
) -> set[str]:
    """The labels and types of `p` whose every item in the database is one `p` writes again (so
    nothing of them is stale, and the stale cleanup need not scan them)."""
    clean = {
        label
        for label, rows in p.nodes.items()
        if label in existing_nodes and existing_nodes[label] <= {r["id"] for r in rows}
    }
    clean |= {
        t
        for t, rows in p.relationships.items()
        if t in existing_rels
        and existing_rels[t] <= {(r["source"], r["target"]) for r in rows}
        and set(REL_ENDPOINTS[t]) <= clean  # no end of it deleted as a stale node
    }
    return clean


# -- one load, as a list of steps ----------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One statement of a load: a batch of rows of one label or type, created or updated."""

    kind: str  # "node" or "relationship"
    name: str  # the label or type
    op: str  # "created" or "touched"
    query: str
    rows: list[list[Any]]
    label: str | None = None  # a relationship type's `label`, sent as a parameter


def _values(rows: list[dict], keys: list[str], ends: tuple[str, ...]) -> list[list[Any]]:
    """Each row as a list: its ends (`id`, or `source` and `target`), then its values in `keys` order."""
    if not keys:
        return [[r[e] for e in ends] for r in rows]
    pick = operator.itemgetter(*keys)
    if len(keys) == 1:
        return [[*(r[e] for e in ends), pick(r["props"])] for r in rows]
    if ends == ("id",):
        return [[r["id"], *pick(r["props"])] for r in rows]
    return [[r["source"], r["target"], *pick(r["props"])] for r in rows]


def _size(value: Any) -> int:
    """Bytes of a property value, about as JSON counts them."""
    if isinstance(value, str):
        return len(value.encode("utf-8")) + 2
    if isinstance(value, list | tuple):
        return sum(map(_size, value)) + 2
    return 8


def row_memory(row: Mapping[str, Any]) -> int:
    """Estimated transaction memory of writing one row (`one_transaction_memory`'s terms)."""
    values = [v for v in row["props"].values() if v is not None]
    state = TX_MEMORY_PER_BYTE * (sum(map(_size, values)) + 64) + TX_MEMORY_PER_PROPERTY * (len(values) + 3)
    return int(TX_MEMORY_AT_COMMIT * state)


def sized_batches(rows: list[dict], size: int, memory: int | None) -> Iterator[list[dict]]:
    """Batches of at most `size` rows and, past the first row, about `memory` bytes of
    transaction memory (long texts make fewer rows per batch)."""
    if memory is None:
        yield from _batches(rows, size)
        return
    batch: list[dict] = []
    used = 0
    for r in rows:
        need = row_memory(r)
        if batch and (len(batch) >= size or used + need > memory):
            yield batch
            batch, used = [], 0
        batch.append(r)
        used += need
    if batch:
        yield batch


def steps(
    p: Plan,
    existing_nodes: Mapping[str, set[str]],
    existing_rels: Mapping[str, set[tuple[str, str]]],
    *,
    batch_size: int,
    journal: bool,
    batch_memory: int | None = None,
) -> Iterator[Step]:
    """Every statement of a load, in order: nodes per label, then relationships per type, each
    split into rows to create (new) and rows to update (already in the database), in batches of
    `batch_size` rows and about `batch_memory` bytes of transaction memory. A label or type the
    database has none of needs no journal of what it created: a rollback deletes its items of
    this run. Made one at a time, so the values of one batch are in memory at once."""
    for label, rows in p.nodes.items():
        keys = sorted(rows[0]["props"]) if rows else []
        old = existing_nodes.get(label, set())
        parts = (
            ("created", [r for r in rows if r["id"] not in old]),
            ("touched", [r for r in rows if r["id"] in old]),
        )
        for op, part in parts:
            build = create_nodes_query if op == "created" else update_nodes_query
            query = build(label, keys, journal=journal and (op == "touched" or bool(old)))
            for batch in sized_batches(part, batch_size, batch_memory):
                yield Step("node", label, op, query, _values(batch, keys, ("id",)))
    for t, rows in p.relationships.items():
        keys = sorted(rows[0]["props"]) if rows else []
        had = existing_rels.get(t, set())
        parts = (
            ("created", [r for r in rows if (r["source"], r["target"]) not in had]),
            ("touched", [r for r in rows if (r["source"], r["target"]) in had]),
        )
        for op, part in parts:
            make = create_relationships_query if op == "created" else update_relationships_query
            query = make(t, keys, journal=journal and (op == "touched" or bool(had)))
            for batch in sized_batches(part, batch_size, batch_memory):
                ends = ("source", "target")
                yield Step("relationship", t, op, query, _values(batch, keys, ends), REL_LABELS[t])


def run_step(
    tx: neo4j.ManagedTransaction | neo4j.Transaction, step: Step, run_id: str, lastupdated: int
) -> int:
    """Run one step; returns how many items it created (journal entries and backups are not
    counted). A relationship row whose ends are missing (or an update whose item went away)
    aborts the transaction."""
    params: dict[str, Any] = {"rows": step.rows, "run_id": run_id, "lastupdated": lastupdated}
    if step.label is not None:
        params["label"] = step.label
    result = tx.run(step.query, params)
    written = result.single(strict=True)["written"]
    if written != len(step.rows):
        what = "relationships have an end" if step.kind == "relationship" else "nodes are"
        if step.op == "touched":
            what = f"{step.kind}s to update are"
        raise GraphShapeError(
            f"{step.name}: {len(step.rows) - written} of {len(step.rows)} {what} not in the database; "
            "the transaction was rolled back"
        )
    return written if step.op == "created" else 0


def _existing(
    tx: neo4j.ManagedTransaction | neo4j.Transaction, p: Plan
) -> tuple[dict[str, set[str]], dict[str, set[tuple[str, str]]]]:
    """What the database already holds of the labels and types `p` writes."""
    nodes = {
        label: {r["id"] for r in tx.run(existing_nodes_query(label))}
        for label, rows in p.nodes.items()
        if rows
    }
    rels = {
        t: {(r["source"], r["target"]) for r in tx.run(existing_relationships_query(t))}
        for t, rows in p.relationships.items()
        if rows
    }
    return nodes, rels


class _Ticker:
    """Progress over the rows of a plan: (stage, rows done, rows in all)."""

    def __init__(self, p: Plan, progress: Progress | None) -> None:
        self.total, self.done, self.progress = p.total, 0, progress

    def __call__(self, stage: str, n: int = 0) -> None:
        self.done += n
        if self.progress:
            self.progress(stage, self.done, self.total)


def _counts(result: LoadResult, p: Plan) -> None:
    result.nodes = {label: len(rows) for label, rows in p.nodes.items()}
    result.relationships = {t: len(rows) for t, rows in p.relationships.items()}


# -- the load lock and the journal of a batched load ---------------------------------------------


def _owner() -> str:
    """Who holds a lock: host, process and thread (loads of one thread come one after another)."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def _owner_is_gone(owner: str) -> bool:
    """True when the lock's owner cannot be loading any more: this very thread (which is not in
    that load now), or a process on this machine that no longer runs."""
    if owner == _owner():
        return True
    host, pid, _ = [*owner.rsplit(":", 2), "", ""][:3]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def read_lock(driver: neo4j.Driver, database: str | None = None) -> dict[str, Any] | None:
    """The load lock, if a batched load holds it: its properties and `age_s` (seconds since its
    last batch, by the server's clock)."""
    with driver.session(database=database) as s:
        row = s.run(
            f"MATCH (l:{LOAD_LABEL} {{key: 'load'}}) "
            "RETURN l {.*} AS lock, (timestamp() - l.heartbeat) / 1000.0 AS age_s"
        ).single()
    return {**row["lock"], "age_s": row["age_s"]} if row else None


def _in_progress(lock: Mapping[str, Any]) -> LoadInProgress:
    return LoadInProgress(
        f"another vbgraph load (run {lock.get('run_id')}, {lock.get('owner')}) is writing to this database, "
        f"last seen {lock.get('age_s') or 0:.0f}s ago; wait for it to finish (a load that stopped is rolled "
        f"back by the next load {STALE_AFTER_SECONDS}s after its last write, or at once from the machine it ran on)"
    )


def recover(driver: neo4j.Driver, database: str | None = None, *, force: bool = False) -> str:
    """Settle a batched load that stopped without settling itself: roll it back if it had not
    written all its batches, else finish it (drop its journal, delete stale items). Returns what
    was done ("" if there was nothing to do). A load still running (its lock refreshed within
    `STALE_AFTER_SECONDS`, or its process alive on this machine) is left alone and
    `LoadInProgress` raised, unless `force`."""
    lock = read_lock(driver, database)
    if lock is None:
        return ""
    run_id = str(lock.get("run_id"))
    abandoned = (lock.get("age_s") or 0) > STALE_AFTER_SECONDS or _owner_is_gone(str(lock.get("owner", "")))
    if not (abandoned or force):
        raise _in_progress(lock)
    if lock.get("state") == "committed":
        finish(driver, database, run_id)
        return f"finished the cleanup of load {run_id}, which had written everything"
    rollback(driver, database, run_id, lock)
    return f"rolled back load {run_id}, which had stopped part-way"


def _implicit(driver: neo4j.Driver, database: str | None, query: str, **params: Any) -> neo4j.SummaryCounters:
    """An auto-commit statement (`CALL … IN TRANSACTIONS` needs one); its counters."""
    with driver.session(database=database) as s:
        return s.run(query, params).consume().counters


def rollback(
    driver: neo4j.Driver, database: str | None, run_id: str, lock: Mapping[str, Any] | None = None
) -> None:
    """Undo a batched load that did not commit, from its journal, then drop the lock. Every step
    is idempotent, so a rollback that is itself interrupted is finished by the next one.

    Relationships first, then nodes: the journal's entries give back each touched item's run
    and time and delete what was created; backups give back the other properties; the labels
    and types the database had none of lose every item of this run."""
    lock = lock or read_lock(driver, database) or {}
    with driver.session(database=database) as s:
        entries = s.run(
            f"MATCH (j:{JOURNAL_LABEL} {{run_id: $run_id}}) RETURN elementId(j) AS entry, j.kind AS kind, "
            "j.name AS name, j.op AS op",
            run_id=run_id,
        ).data()
    for kind in ("relationship", "node"):
        for e in (e for e in entries if e["kind"] == kind):
            query = undo_query(e["kind"], e["name"], e["op"])

            def undo(tx: neo4j.ManagedTransaction, q: str = query, entry: str = e["entry"]) -> None:
                tx.run(q, entry=entry).consume()
                tx.run(
                    f"MATCH (j:{JOURNAL_LABEL}) WHERE elementId(j) = $entry DELETE j", entry=entry
                ).consume()

            with driver.session(database=database) as s:
                s.execute_write(undo)
        names = LABELS if kind == "node" else REL_TYPES
        for name in names:
            _implicit(driver, database, restore_backups_query(kind, name), run_id=run_id)
    for t in lock.get("fresh_types") or []:
        if t in REL_ENDPOINTS:
            _implicit(driver, database, delete_run_query("relationship", t), run_id=run_id)
    for label in lock.get("fresh_labels") or []:
        if label in LABELS:
            _implicit(driver, database, delete_run_query("node", label), run_id=run_id)
    _drop_bookkeeping(driver, database, run_id)


def _drop_bookkeeping(driver: neo4j.Driver, database: str | None, run_id: str) -> None:
    for label in (JOURNAL_LABEL, BACKUP_LABEL):
        _implicit(driver, database, delete_bookkeeping_query(label), run_id=run_id)
    _implicit(
        driver, database, f"MATCH (l:{LOAD_LABEL} {{key: 'load', run_id: $run_id}}) DELETE l", run_id=run_id
    )


def finish(
    driver: neo4j.Driver, database: str | None, run_id: str, clean: Collection[str] = ()
) -> tuple[int, int]:
    """After every batch of `run_id` is in: drop its journal and backups, delete what other runs
    wrote (relationships, then nodes; not scanning the labels and types in `clean`), drop the
    lock. Returns (nodes, relationships) deleted."""
    for label in (JOURNAL_LABEL, BACKUP_LABEL):
        _implicit(driver, database, delete_bookkeeping_query(label), run_id=run_id)
    nodes = rels = 0
    for t in REL_TYPES:
        if t not in clean:
            query = delete_stale_query("relationship", t)
            rels += _implicit(driver, database, query, run_id=run_id).relationships_deleted
    for label in LABELS:
        if label not in clean:
            c = _implicit(driver, database, delete_stale_query("node", label), run_id=run_id)
            nodes += c.nodes_deleted
            rels += c.relationships_deleted
    _drop_bookkeeping(driver, database, run_id)
    return nodes, rels


# -- loading -------------------------------------------------------------------------------------


def _out_of_memory(e: BaseException) -> bool:
    code = getattr(e, "code", None) or ""
    return code.endswith(("MemoryPoolOutOfMemoryError", "TransactionMemoryLimit", "General.OutOfMemoryError"))


def _one_transaction(
    session: neo4j.Session, work: Callable[[neo4j.Transaction], LoadResult], metadata: dict[str, Any]
) -> LoadResult:
    """`work` in one explicit transaction, retried on transient errors (a deadlock, a leader
    switch) for up to 30 s as `execute_write` does, but never when the server ran out of
    transaction memory: a retry would fail the same way, so that raises `TooBigForOneTransaction`
    at once."""
    deadline = time.monotonic() + 30.0
    delay = 0.2
    while True:
        try:
            with session.begin_transaction(metadata=metadata) as tx:
                out = work(tx)
                tx.commit()
                return out
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as e:
            if _out_of_memory(e):
                raise TooBigForOneTransaction(
                    f"one transaction ran out of the server's transaction memory ({_reason(e)})"
                ) from e
            if not e.is_retryable() or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 5.0)


def _reason(e: BaseException) -> str:
    return " ".join((getattr(e, "message", None) or str(e)).split())


def _load_one(
    driver: neo4j.Driver,
    database: str | None,
    p: Plan,
    result: LoadResult,
    *,
    batch_size: int,
    progress: Progress | None,
    batch_memory: int | None = None,
) -> LoadResult:
    """The whole load in one transaction: the database shows the previous load or this one."""
    run_id, lastupdated = result.run_id, result.lastupdated

    def work(tx: neo4j.Transaction) -> LoadResult:
        # A retried transaction starts again from nothing, and so does the progress count.
        tick = _Ticker(p, progress)
        result.nodes_created = result.relationships_created = 0
        tick("nodes")
        lock = tx.run(
            f"MERGE (l:{LOAD_LABEL} {{key: 'load'}})\n"
            "ON CREATE SET l.run_id = $run_id, l.state = 'single', l.owner = $owner, l.heartbeat = timestamp()\n"
            "RETURN l {.*} AS lock, (timestamp() - l.heartbeat) / 1000.0 AS age_s",
            run_id=run_id,
            owner=_owner(),
        ).single(strict=True)
        if (lock["lock"].get("state"), lock["lock"].get("run_id")) != ("single", run_id):
            raise _in_progress({**lock["lock"], "age_s": lock["age_s"]})
        nodes, rels = _existing(tx, p)
        for step in steps(p, nodes, rels, batch_size=batch_size, journal=False, batch_memory=batch_memory):
            created = run_step(tx, step, run_id, lastupdated)
            if step.kind == "node":
                result.nodes_created += created
            else:
                result.relationships_created += created
            tick(step.name, len(step.rows))
        tick("removing stale")
        result.nodes_deleted, result.relationships_deleted = delete_stale_tx(
            tx, run_id, clean_of_stale(p, nodes, rels)
        )
        tx.run(f"MATCH (l:{LOAD_LABEL} {{key: 'load', run_id: $run_id}}) DELETE l", run_id=run_id).consume()
        result.transactions = 1
        return result

    with driver.session(database=database) as session:
        return _one_transaction(session, work, {"app": "vbgraph", "run_id": run_id})


def _take_lock(tx: neo4j.ManagedTransaction, run_id: str, owner: str) -> None:
    tx.run(
        f"CREATE (:{LOAD_LABEL} {{key: 'load', run_id: $run_id, owner: $owner, state: 'writing', "
        "started: timestamp(), heartbeat: timestamp()})",
        run_id=run_id,
        owner=owner,
    ).consume()


def _set_lock(tx: neo4j.ManagedTransaction, run_id: str, **props: Any) -> None:
    tx.run(
        f"MATCH (l:{LOAD_LABEL} {{key: 'load', run_id: $run_id}}) SET l += $props", run_id=run_id, props=props
    ).consume()


def _batch_tx(tx: neo4j.ManagedTransaction, step: Step, run_id: str, lastupdated: int, owner: str) -> int:
    """One batch in its own transaction, after refreshing the lock (which must still be ours)."""
    held = tx.run(
        f"MATCH (l:{LOAD_LABEL} {{key: 'load', run_id: $run_id, owner: $owner, state: 'writing'}})\n"
        "SET l.heartbeat = timestamp()\nRETURN count(l) AS n",
        run_id=run_id,
        owner=owner,
    ).single(strict=True)["n"]
    if not held:
        raise LoadInterrupted(
            f"load {run_id} lost its lock part-way (another load took it over as abandoned and rolled "
            "this one back); run the load again"
        )
    return run_step(tx, step, run_id, lastupdated)


def _load_batched(
    driver: neo4j.Driver,
    database: str | None,
    p: Plan,
    result: LoadResult,
    *,
    batch_size: int,
    progress: Progress | None,
    batch_memory: int | None = None,
) -> LoadResult:
    """A transaction per batch, all or nothing by the journal (see the module docstring)."""
    run_id, lastupdated, owner = result.run_id, result.lastupdated, _owner()
    tick = _Ticker(p, progress)
    tick("nodes")
    with driver.session(database=database) as s:
        try:
            s.execute_write(_take_lock, run_id, owner)
        except neo4j.exceptions.ConstraintError:
            raise _in_progress(read_lock(driver, database) or {}) from None
    try:
        with driver.session(database=database) as s:
            nodes, rels = s.execute_read(_existing, p)
            s.execute_write(
                _set_lock,
                run_id,
                fresh_labels=[label for label, rows in p.nodes.items() if rows and not nodes.get(label)],
                fresh_types=[t for t, rows in p.relationships.items() if rows and not rels.get(t)],
            )
            for step in steps(p, nodes, rels, batch_size=batch_size, journal=True, batch_memory=batch_memory):
                created = s.execute_write(_batch_tx, step, run_id, lastupdated, owner)
                if step.kind == "node":
                    result.nodes_created += created
                else:
                    result.relationships_created += created
                result.transactions += 1
                tick(step.name, len(step.rows))
            s.execute_write(_set_lock, run_id, state="committed")
    except BaseException as e:
        if not isinstance(e, LoadInterrupted):
            _try_rollback(driver, database, run_id, owner)
        raise
    try:
        tick("removing stale")
    finally:  # past the commit point the load is finished whatever happens
        result.nodes_deleted, result.relationships_deleted = finish(
            driver, database, run_id, clean_of_stale(p, nodes, rels)
        )
    return result


def _try_rollback(driver: neo4j.Driver, database: str | None, run_id: str, owner: str) -> None:
    """Roll back this load if it still holds the lock. Whatever stops the rollback (the server
    went away), the error to report is the load's: the next load rolls it back instead."""
    with contextlib.suppress(Exception):
        lock = read_lock(driver, database)
        if lock and (lock.get("run_id"), lock.get("owner"), lock.get("state")) == (run_id, owner, "writing"):
            rollback(driver, database, run_id, lock)


def load_graph(
    G: nx.MultiDiGraph,
    driver: neo4j.Driver,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    run_id: str | None = None,
    lastupdated: int | None = None,
    single_transaction: bool | None = None,
) -> LoadResult:
    """Make the database hold exactly the vbgraph part of `G`, all or nothing.

    `single_transaction`: None (the default) loads in one transaction when the estimate of its
    transaction memory (`one_transaction_memory`) fits what the server allows
    (`transaction_memory`), else, or when the server runs out of it anyway, a transaction per
    batch with a journal; True or False forces one way. Either way a failure leaves the
    previous load (see the module docstring for what a batched rollback restores).

    Loading the same graph twice changes no counts; loading after new ingests adds what is new
    and removes what the store no longer has. `run_id` defaults to a hash of the content and
    `lastupdated` to the current Unix time (seconds). An earlier batched load that stopped
    part-way is settled first (`recover`).
    """
    p = plan(G)
    result = LoadResult(run_id or p.digest(), int(time.time()) if lastupdated is None else lastupdated)
    _counts(result, p)
    ensure_schema(driver, database)
    result.recovered = recover(driver, database)
    limit, source = transaction_memory(driver, database)
    # A batch takes at most a quarter of what the server allows, however long its texts.
    opts: dict[str, Any] = {"batch_size": batch_size, "progress": progress, "batch_memory": limit // 4}
    why = "asked for" if single_transaction is False else ""
    need = one_transaction_memory(p)
    if single_transaction is None and need > limit:
        why = (
            f"one transaction would need about {need / MiB:,.0f} MiB of transaction memory; "
            f"the server allows {limit / MiB:,.0f} MiB ({source})"
        )
    if not why:
        try:
            return _load_one(driver, database, p, result, **opts)
        except TooBigForOneTransaction as e:
            if single_transaction:
                raise
            why = str(e)
    result.why_batched = why
    result.nodes_created = result.relationships_created = result.transactions = 0
    return _load_batched(driver, database, p, result, **opts)


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
