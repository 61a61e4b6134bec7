"""Which part of the graph a view shows: a document's neighbourhood along chosen relation types,
a jurisdiction, the tasks set out and the bodies assigned. A pure selection, tested without a
browser; exports/html_view.py draws what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from vbgraph.errors import DocumentNotFound, VbgraphError
from vbgraph.graph import store as st
from vbgraph.loaders.normalize import slug
from vbgraph.ontology.relations import Edge, Rel
from vbgraph.queries.research import depths, relation_view

DIRECTIONS = ("up", "down", "both")
#: the most nodes an overview holds (groups closed, every node in the page): beyond it the page
#: would be tens of megabytes and slow to open, so the view is refused as before
OVERVIEW_MAX_NODES = 10_000
LAYOUTS = ("hierarchical", "date", "force", "tree")
REL_CODES = tuple(r.value for r in Rel)


class ViewError(VbgraphError):
    """A view that cannot be drawn as asked."""


class ViewOptionError(ViewError, ValueError):
    """An option of the view is not one of its choices (a usage error)."""


class ViewTooLarge(ViewError):
    """The selection has more nodes than anyone can read; the message says how to narrow it."""

    def __init__(self, count: int, limit: int, ref_id: str | None, depth: int | None, overview: bool = False):
        hints = []
        if ref_id is None:
            hints.append("pass a REF (one document's neighbourhood)")
        elif depth is None or depth > 1:
            hints.append(f"--depth {1 if depth is None else depth - 1}")
        hints += ["--relations THUC_HIEN,THAY_THE", "--jurisdiction 'Bắc Giang'"]
        if overview:
            message = f"an overview of {count} nodes is too large for one page (limit {limit})"
        else:
            message = f"the view would draw {count} nodes (limit {limit}), too many to read"
        message += f"; narrow it: {', '.join(hints)}"
        super().__init__(message if overview else f"{message}; or raise --max-nodes")
        self.count, self.limit = count, limit


@dataclass(frozen=True)
class ViewResult:
    """The selected subgraph and the options that chose it."""

    graph: nx.MultiDiGraph
    ref_id: str | None
    depth: int | None
    direction: str
    relations: tuple[str, ...]
    jurisdiction: str | None
    with_obligations: bool
    layout: str
    hops: dict[str, int] = field(default_factory=dict)  # document -> distance from ref_id
    overview: bool = False  # drawn as groups (jurisdiction and level) that open in the page

    @property
    def nodes(self) -> list[str]:
        return sorted(self.graph.nodes)

    @property
    def edges(self) -> list[tuple[str, str, str]]:
        return sorted(self.graph.edges(keys=True))


# -- selection ------------------------------------------------------------------------------------


def as_overview(
    count: int, max_nodes: int, overview: bool | None, ref_id: str | None, depth: int | None
) -> bool:
    """Whether `count` selected nodes are drawn as an overview, or raise `ViewTooLarge`.

    `overview` False draws node by node up to `max_nodes` and refuses more; True always draws the
    overview; None (auto) draws node by node up to `max_nodes` and the overview above it. An
    overview holds at most `OVERVIEW_MAX_NODES`.

    >>> as_overview(500, 400, None, None, None), as_overview(300, 400, None, None, None)
    (True, False)
    """
    if overview is False or (overview is None and count <= max_nodes):
        if count > max_nodes:
            raise ViewTooLarge(count, max_nodes, ref_id, depth)
        return False
    if count > OVERVIEW_MAX_NODES:
        raise ViewTooLarge(count, OVERVIEW_MAX_NODES, ref_id, depth, overview=True)
    return True


def parse_relations(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """`"THUC_HIEN,thay_the"` -> `("THAY_THE", "THUC_HIEN")`; None or empty means all types."""
    if value is None:
        return REL_CODES
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    codes = {i.strip().upper() for i in items if i.strip()}
    if not codes:
        return REL_CODES
    unknown = sorted(codes - set(REL_CODES))
    if unknown:
        raise ViewOptionError(
            f"unknown relation type {', '.join(unknown)}; choose from {', '.join(REL_CODES)}"
        )
    return tuple(c for c in REL_CODES if c in codes)


def _documents_of(G: nx.MultiDiGraph, jurisdiction: str) -> set[str]:
    want = slug(jurisdiction)
    hits = {n for n, a in st.documents(G) if slug(a.get("jurisdiction")) == want}
    if not hits:
        known = sorted({str(a["jurisdiction"]) for _, a in st.documents(G) if a.get("jurisdiction")})
        raise ViewOptionError(f"no document of jurisdiction {jurisdiction!r}; known: {', '.join(known)}")
    return hits


def _check_options(
    G: nx.MultiDiGraph, ref_id: str | None, depth: int | None, direction: str, layout: str
) -> None:
    if direction not in DIRECTIONS:
        raise ViewOptionError(f"unknown direction {direction!r}; choose from {', '.join(DIRECTIONS)}")
    if layout not in LAYOUTS:
        raise ViewOptionError(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    if depth is not None and depth < 0:
        raise ViewOptionError(f"depth must be 0 or more, not {depth}")
    if ref_id is not None and (ref_id not in G or G.nodes[ref_id].get("kind") != "Document"):
        raise DocumentNotFound(f"no document {ref_id!r} in the graph")


def _allowed(
    G: nx.MultiDiGraph, related: nx.MultiDiGraph, jurisdiction: str | None, ref_id: str | None
) -> set[str]:
    """The documents a view may show: all, or a jurisdiction's and those directly related to them."""
    if not jurisdiction:
        return {n for n, _ in st.documents(G)}
    own = _documents_of(G, jurisdiction)
    allowed = own | {m for n in own for m in nx.all_neighbors(related, n)}
    if ref_id is not None:
        allowed.add(ref_id)
    return allowed


def _neighbourhood(
    related: nx.MultiDiGraph, allowed: set[str], ref_id: str, depth: int | None, direction: str
) -> dict[str, int]:
    """Distance from `ref_id` of every allowed document within `depth` steps, walking `direction`.

    A breadth-first walk (networkx's `bfs_layers`) of the relations view kept to the allowed
    documents, turned round for "down" and made undirected for "both".
    """
    walk = nx.subgraph_view(related, filter_node=allowed.__contains__)
    if direction == "down":
        walk = nx.reverse_view(walk)
    elif direction == "both":
        walk = nx.to_undirected(walk)
    return depths(walk, ref_id, depth)


def _tasks_and_bodies(G: nx.MultiDiGraph, docs: set[str]) -> set[str]:
    """The obligations the documents set out (DAT_RA) and the bodies they are assigned to (GIAO_CHO)."""
    tasks = {
        o
        for d in docs
        for _, o, k in G.out_edges(d, keys=True)
        if k == Edge.DAT_RA and G.nodes[o].get("kind") == "Obligation"
    }
    bodies = {
        b
        for o in tasks
        for _, b, k in G.out_edges(o, keys=True)
        if k == Edge.GIAO_CHO and G.nodes[b].get("kind") == "Body"
    }
    return tasks | bodies


def _copy(G: nx.MultiDiGraph, keep: set[str], rels: set[str], with_obligations: bool) -> nx.MultiDiGraph:
    """`keep` and the edges among it that the view draws, copied in sorted order (a stable page)."""
    H = nx.MultiDiGraph(**{k: v for k, v in G.graph.items() if k in ("format", "as_of")})
    for n in sorted(keep):
        H.add_node(n, **G.nodes[n])
    for s, t, k, a in sorted(G.subgraph(keep).edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if k in rels or (with_obligations and k not in REL_CODES):
            H.add_edge(s, t, key=k, **a)
    return H


def build_view(
    G: nx.MultiDiGraph,
    ref_id: str | None = None,
    depth: int | None = 2,
    direction: str = "both",
    relations: str | Iterable[str] | None = None,
    jurisdiction: str | None = None,
    with_obligations: bool = False,
    layout: str = "hierarchical",
    max_nodes: int = 400,
    overview: bool | None = False,
) -> ViewResult:
    """The documents within `depth` relation steps of `ref_id` (all documents when None).

    `direction` "up" follows relations from source to target (a plan up to the resolution it
    implements), "down" the other way (a resolution down to what implements it), "both" either;
    `depth=None` is unlimited. `relations` restricts the relation types walked and drawn; without
    `ref_id` it also drops the documents that have none of them. `jurisdiction` keeps the
    documents of that province (or "Trung ương") and, for context, those they are directly
    related to. `with_obligations` adds the tasks the selected documents set out, the bodies they
    are assigned to, and the fulfilling documents already in the view. More than `max_nodes`
    nodes are refused, or drawn as an overview by groups as `overview` says (`as_overview`). A
    pure function: G is not changed and the result is a copy.

    Examples
    --------
    >>> from vbgraph.queries.research import example_graph
    >>> v = build_view(example_graph(), "tu", depth=1, direction="up")
    >>> v.nodes, v.hops
    (['ct', 'tu', 'tw'], {'ct': 1, 'tu': 0, 'tw': 1})
    """
    _check_options(G, ref_id, depth, direction, layout)
    rels = set(parse_relations(relations))
    related = relation_view(G, rels)
    allowed = _allowed(G, related, jurisdiction, ref_id)
    hops: dict[str, int] = {}
    if ref_id is not None:
        hops = _neighbourhood(related, allowed, ref_id, depth, direction)
        docs = set(hops)
    elif relations:  # the map of some relation types: documents without one of them are noise
        docs = {n for n in allowed if any(m in allowed for m in nx.all_neighbors(related, n))}
    else:
        docs = allowed
    if not docs:
        raise ViewError("nothing to draw: the graph has no documents")
    keep = docs | _tasks_and_bodies(G, docs) if with_obligations else set(docs)
    grouped = as_overview(len(keep), max_nodes, overview, ref_id, depth)
    return ViewResult(
        _copy(G, keep, rels, with_obligations),
        ref_id,
        depth,
        direction,
        tuple(sorted(rels, key=REL_CODES.index)),
        jurisdiction,
        with_obligations,
        layout,
        dict(sorted(hops.items())),
        grouped,
    )


# -- selection from a store's indexes ---------------------------------------------------------------


def build_view_in_store(
    store: st.Store,
    ref_id: str | None = None,
    depth: int | None = 2,
    direction: str = "both",
    relations: str | Iterable[str] | None = None,
    jurisdiction: str | None = None,
    with_obligations: bool = False,
    layout: str = "hierarchical",
    max_nodes: int = 400,
    overview: bool | None = False,
) -> ViewResult:
    """`build_view` of a store, selected by its indexes: the walk from `ref_id` steps from node to
    node by indexed lookups, and only the nodes drawn are read, so the cost grows with the view,
    not with the store. The same choices, in the same order, as `build_view`."""
    if not store.indexed:
        G = store.graph
        return build_view(
            G,
            ref_id,
            depth,
            direction,
            relations,
            jurisdiction,
            with_obligations,
            layout,
            max_nodes,
            overview,
        )
    _check_options(store.subgraph([ref_id] if ref_id else []), ref_id, depth, direction, layout)
    rels = set(parse_relations(relations))
    allowed = _allowed_in_store(store, rels, jurisdiction, ref_id) if jurisdiction else None
    hops: dict[str, int] = {}
    if ref_id is not None:
        reached = store.reach_from([ref_id], rels, direction=direction, depth=depth, within=allowed)
        related = relation_view(store.subgraph(reached, rels), rels)
        hops = _neighbourhood(related, reached, ref_id, depth, direction)
        docs = set(hops)
    elif relations:
        docs = _related_among(store, rels, allowed)
    else:
        docs = allowed if allowed is not None else set(store.documents_by() or [])
    if not docs:
        raise ViewError("nothing to draw: the graph has no documents")
    keep = docs | _tasks_and_bodies_in_store(store, docs) if with_obligations else set(docs)
    grouped = as_overview(len(keep), max_nodes, overview, ref_id, depth)
    part = store.subgraph(keep)
    part.graph.update({k: v for k, v in store.graph_attributes().items() if k in ("format", "as_of")})
    return ViewResult(
        _copy(part, keep, rels, with_obligations),
        ref_id,
        depth,
        direction,
        tuple(sorted(rels, key=REL_CODES.index)),
        jurisdiction,
        with_obligations,
        layout,
        dict(sorted(hops.items())),
        grouped,
    )


def _allowed_in_store(store: st.Store, rels: set[str], jurisdiction: str, ref_id: str | None) -> set[str]:
    """`_allowed` by the indexes: a jurisdiction's documents (its spellings found among the
    jurisdictions' values) and the documents one relation of `rels` away from them."""
    want = slug(jurisdiction)
    values = store.values_of("Document", "jurisdiction")
    own = store.ids_where("Document", "jurisdiction", {v for v in values if slug(v) == want})
    if not own:
        known = sorted({str(v) for v in values if v})
        raise ViewOptionError(f"no document of jurisdiction {jurisdiction!r}; known: {', '.join(known)}")
    allowed = store.reach_from(own, rels, direction="both", depth=1)
    return allowed | {ref_id} if ref_id is not None else allowed


def _related_among(store: st.Store, rels: set[str], allowed: set[str] | None) -> set[str]:
    """The documents (among `allowed`; all when None) with a relation of `rels` to another of them."""
    part = store.relation_skeleton(rels, ()) if allowed is None else store.skeleton(allowed, rels, ())
    related = relation_view(part, rels)
    return {n for n in related if any(True for _ in nx.all_neighbors(related, n))}


def _tasks_and_bodies_in_store(store: st.Store, docs: set[str]) -> set[str]:
    """`_tasks_and_bodies` by the indexes: the DAT_RA and GIAO_CHO steps, then the kinds checked."""
    tasks = store.step(docs, Edge.DAT_RA.value, forward=True)
    bodies = store.step(tasks, Edge.GIAO_CHO.value, forward=True)
    codes = (Edge.DAT_RA.value, Edge.GIAO_CHO.value)
    return _tasks_and_bodies(store.skeleton(docs | tasks | bodies, codes, ()), docs)
