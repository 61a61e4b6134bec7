"""The research questions answered from a store's indexes: each reads only the part of the graph its
question can see, and asks the networkx function (the reference) on that part.

Loading a whole store costs seconds and gigabytes at 100k documents; a question about one document
needs its neighbourhood, and a question about one relation needs that relation's edges. Each
`*_part` below says which part, and why the reference gives on it the answer it gives on the whole
graph; tests/test_store_indexes.py checks every one against the whole graph. A store whose tables
cannot answer (a graph built in memory, not yet saved) gives its whole graph.

Parts read whole attributes when they are small (a document's chain) and a `skeleton` (labels,
dates and jurisdictions, edges without evidence) when they span a relation or a jurisdiction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from vbgraph.graph import store as st
from vbgraph.graph.database import LABEL_FIELDS
from vbgraph.ontology.relations import Edge
from vbgraph.queries import lineage as ln
from vbgraph.queries import obligations as ob
from vbgraph.queries import research as rs

if TYPE_CHECKING:  # annotations only: a command answered from the store's indexes never loads networkx
    import networkx as nx

# What the questions below read of a document (its label, date and jurisdiction; the store keeps
# an index of them), of a task.
FIELDS = LABEL_FIELDS
TASK_FIELDS = ("document", "assignees", "deadline", "status")

Part = Callable[..., "nx.MultiDiGraph"]


def part_of(store: st.Store, select: Part, **params: Any) -> nx.MultiDiGraph:
    """The part `select` reads for these parameters, or the whole graph when the tables cannot say."""
    return select(store, **params) if store.indexed else store.graph


def _bound(depth: int | None) -> int:
    """The depth a walk needs to see what a question bounded by MAX_DEPTH sees."""
    return rs.MAX_DEPTH if depth is None else min(depth, rs.MAX_DEPTH)


def chain_part(store: st.Store, id: str, direction: str, depth: int | None = None) -> nx.MultiDiGraph:
    """A lineage's documents (`depth` implementation steps up or down, at most MAX_DEPTH) and their
    links: every shortest path from `id` is in it."""
    return store.around(id, rs.IMPLEMENTS, direction=direction, depth=_bound(depth))


def _local(store: st.Store, jurisdiction: str) -> list[str]:
    """The documents of one jurisdiction."""
    return store.ids_where("Document", "jurisdiction", [jurisdiction])


def implementation_part(store: st.Store, jurisdiction: str | None, transitive: bool) -> nx.MultiDiGraph:
    """What implementations of a jurisdiction's documents can see: the documents and everything
    they implement (directly, or `transitive`ly: a path from a central document down to one of
    them runs only through what it implements), with the implementation edges among them. Every
    implementation when `jurisdiction` is None: a whole relation, read as a skeleton."""
    if jurisdiction is None:
        return store.relation_skeleton(rs.IMPLEMENTS, FIELDS)
    own = _local(store, jurisdiction)
    ids = store.reach_from(own, rs.IMPLEMENTS, direction="up", depth=None if transitive else 1)
    return store.skeleton(ids, rs.IMPLEMENTS, FIELDS)


def not_implemented_part(store: st.Store, jurisdiction: str | None) -> nx.MultiDiGraph:
    """A jurisdiction's documents, what they implement within MAX_DEPTH steps, and what they cite,
    with every document relation among them. For every jurisdiction, every document relation (a
    document without one cites nothing), read as a skeleton."""
    if jurisdiction is None:
        return store.relation_skeleton(rs.DOC_RELS, FIELDS)
    own = _local(store, jurisdiction)
    ids = store.reach_from(own, rs.IMPLEMENTS, direction="up", depth=rs.MAX_DEPTH)
    ids |= store.reach_from(own, rs.DOC_RELS, direction="up", depth=1)
    return store.skeleton(ids, rs.DOC_RELS, FIELDS)


def supersession_part(store: st.Store, id: str | None) -> nx.MultiDiGraph:
    """The replacement chain holding `id` (MAX_DEPTH links either way) and what its documents
    replace; every replacement and repeal when `id` is None."""
    if id is None:
        return store.relation_skeleton(rs.ENDS_IN_FORCE, FIELDS)
    chain = store.reach_from([id], rs.ENDS_IN_FORCE, direction="both", depth=rs.MAX_DEPTH)
    ids = store.reach_from(chain, rs.ENDS_IN_FORCE, direction="up", depth=1)
    return store.skeleton(ids, rs.ENDS_IN_FORCE, FIELDS)


def citing_part(store: st.Store, id: str) -> nx.MultiDiGraph:
    """A document and the documents relating to it, with those relations."""
    return store.skeleton(store.reach_from([id], rs.DOC_RELS, direction="down", depth=1), rs.DOC_RELS, FIELDS)


def body_tasks_part(store: st.Store, body: str | None, status: str | None) -> nx.MultiDiGraph:
    """The tasks given to the bodies `body` may mean (all tasks, of a `status`, when None) and
    every body they are given to."""
    import networkx as nx

    bodies = store.of_kind("Body", ("name",))
    if not body:  # as the reference: no words, no filter
        if status is None:  # every task: only what a row reads of each
            return nx.compose(store.of_kind("Obligation", TASK_FIELDS), bodies)
        tasks = set(store.ids_where("Obligation", "status", [status]))
    else:
        q = body.lower()
        named = {b for b, a in bodies.nodes(data=True) if b == body or q in (a.get("name") or "").lower()}
        tasks = store.step(named, Edge.GIAO_CHO.value, forward=False)
    return nx.compose(store.skeleton(tasks, (), TASK_FIELDS), bodies)


def tasks_part(store: st.Store, id: str) -> nx.MultiDiGraph:
    """A document, the tasks it sets out, the bodies they are given to and the documents that
    fulfilled them: all a programme's planned documents read."""
    return ob.tasks_in_store(store, store.step([id], Edge.DAT_RA.value, forward=True), {id})


def most_implemented_part(store: st.Store, limit: int) -> nx.MultiDiGraph:
    """The `limit` documents with the most implementers, counted in SQL, with their implementers:
    any other document in it has no more implementers than the last of them (or it would be one).
    The whole relation for a limit below 1 (a slice from the end)."""
    if limit < 1:
        return store.relation_skeleton(rs.IMPLEMENTS, FIELDS)
    top = store.count_edges(rs.IMPLEMENTS[0], by="target", most=limit)
    ids = store.reach_from(top, rs.IMPLEMENTS, direction="down", depth=1)
    return store.skeleton(ids, rs.IMPLEMENTS, FIELDS)


def issues_part(store: st.Store) -> nx.MultiDiGraph:
    """No node: only the graph's attributes, where the issues are."""
    import networkx as nx

    G = nx.MultiDiGraph()
    G.graph.update(store.graph_attributes())
    return G


# -- the commands' questions -------------------------------------------------------------------


def implementations(
    store: st.Store, *, central: bool = False, jurisdiction: str | None = None, since: str | None = None
) -> list[dict]:
    """`lineage.implementations` of a store (`vbgraph implements`), from the listings the store
    keeps (`graph.reach`), in their order; from the part of the graph it asks about where the
    store's tables cannot answer."""
    if store.indexed:
        if central:
            return ln.reach_rows(store.central_reach(jurisdiction, since))
        # as the reference: the direct rows take an empty jurisdiction for none, the central ones do not
        return ln.direct_rows(store.direct_reach(jurisdiction or None, since), None)
    wanted = jurisdiction if central else (jurisdiction or None)
    part = part_of(store, implementation_part, jurisdiction=wanted, transitive=central)
    return ln.implementations(part, central=central, jurisdiction=jurisdiction, since=since)


def timeline(store: st.Store, id: str) -> list[dict]:
    """`lineage.timeline` of a store: the document's implementations, MAX_DEPTH steps down."""
    return ln.timeline(part_of(store, chain_part, id=id, direction="down"), id)


def plan(store: st.Store, id: str) -> list[dict]:
    """`obligations.plan` of a store (`vbgraph plan`)."""
    return ob.plan(part_of(store, tasks_part, id=id), id)


# -- the canned queries' parts, by query name: each takes the store and the query's parameters --

CANNED_PARTS: dict[str, Part] = {
    "lineage_up": lambda s, id, depth: chain_part(s, id, "up", depth),
    "lineage_down": lambda s, id, depth: chain_part(s, id, "down", depth),
    "central_implementations": lambda s, jurisdiction: implementation_part(s, jurisdiction, True),
    "central_not_implemented": lambda s, jurisdiction: not_implemented_part(s, jurisdiction),
    "supersession": lambda s, id: supersession_part(s, id),
    "citing": lambda s, id: citing_part(s, id),
    "obligations_of_body": lambda s, body, status: body_tasks_part(s, body, status),
    "planned_documents": lambda s, id: tasks_part(s, id),
    "most_implemented": lambda s, limit: most_implemented_part(s, limit),
    "unresolved_references": lambda s: issues_part(s),
}
