"""Which part of the graph a view shows: a document's neighbourhood along chosen relation types,
a jurisdiction, the tasks set out and the bodies assigned. A pure selection, tested without a
browser; exports/html_view.py draws what it returns.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from vbgraph.errors import DocumentNotFound, VbgraphError
from vbgraph.graph import store as st
from vbgraph.loaders.normalize import slug
from vbgraph.ontology.relations import Rel

DIRECTIONS = ("up", "down", "both")
LAYOUTS = ("hierarchical", "date", "force", "tree")
REL_CODES = tuple(r.value for r in Rel)


class ViewError(VbgraphError):
    """A view that cannot be drawn as asked."""


class ViewOptionError(ViewError, ValueError):
    """An option of the view is not one of its choices (a usage error)."""


class ViewTooLarge(ViewError):
    """The selection has more nodes than anyone can read; the message says how to narrow it."""

    def __init__(self, count: int, limit: int, ref_id: str | None, depth: int | None):
        hints = []
        if ref_id is None:
            hints.append("pass a REF (one document's neighbourhood)")
        elif depth is None or depth > 1:
            hints.append(f"--depth {1 if depth is None else depth - 1}")
        hints += ["--relations THUC_HIEN,THAY_THE", "--jurisdiction 'Bắc Giang'"]
        super().__init__(f"the view would draw {count} nodes (limit {limit}), too many to read; narrow it: "
                         f"{', '.join(hints)}; or raise --max-nodes")
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

    @property
    def nodes(self) -> list[str]:
        return sorted(self.graph.nodes)

    @property
    def edges(self) -> list[tuple[str, str, str]]:
        return sorted(self.graph.edges(keys=True))



# -- selection ------------------------------------------------------------------------------------

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
        raise ViewOptionError(f"unknown relation type {', '.join(unknown)}; choose from {', '.join(REL_CODES)}")
    return tuple(c for c in REL_CODES if c in codes)


def _documents_of(G: nx.MultiDiGraph, jurisdiction: str) -> set[str]:
    want = slug(jurisdiction)
    hits = {n for n, a in st.documents(G) if slug(a.get("jurisdiction")) == want}
    if not hits:
        known = sorted({a.get("jurisdiction") for _, a in st.documents(G) if a.get("jurisdiction")})
        raise ViewOptionError(f"no document of jurisdiction {jurisdiction!r}; known: {', '.join(known)}")
    return hits


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
) -> ViewResult:
    """The documents within `depth` relation steps of `ref_id` (all documents when None).

    `direction` "up" follows relations from source to target (a plan up to the resolution it
    implements), "down" the other way (a resolution down to what implements it), "both" either;
    `depth=None` is unlimited. `relations` restricts the relation types walked and drawn; without
    `ref_id` it also drops the documents that have none of them. `jurisdiction` keeps the
    documents of that province (or "Trung ương") and, for context, those they are directly
    related to. `with_obligations` adds the tasks the selected documents set out, the bodies they
    are assigned to, and the fulfilling documents already in the view. A pure function: G is not
    changed and the result is a copy.
    """
    if direction not in DIRECTIONS:
        raise ViewOptionError(f"unknown direction {direction!r}; choose from {', '.join(DIRECTIONS)}")
    if layout not in LAYOUTS:
        raise ViewOptionError(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    if depth is not None and depth < 0:
        raise ViewOptionError(f"depth must be 0 or more, not {depth}")
    if ref_id is not None and (ref_id not in G or G.nodes[ref_id].get("kind") != "Document"):
        raise DocumentNotFound(f"no document {ref_id!r} in the graph")
    rels = set(parse_relations(relations))

    def rel_edges(n: str, out: bool):
        edges = G.out_edges(n, keys=True) if out else G.in_edges(n, keys=True)
        for s, t, k in edges:
            other = t if out else s
            if k in rels and G.nodes[other].get("kind") == "Document":
                yield other

    allowed = {n for n, _ in st.documents(G)}
    if jurisdiction:
        own = _documents_of(G, jurisdiction)
        allowed = own | {m for n in own for out in (True, False) for m in rel_edges(n, out)}
        if ref_id is not None:
            allowed.add(ref_id)

    hops: dict[str, int] = {}
    if ref_id is None:
        docs = allowed
        if relations:  # the map of some relation types: documents without one of them are noise
            docs = {n for n in allowed if any(m in allowed for out in (True, False) for m in rel_edges(n, out))}
    else:
        hops[ref_id] = 0
        queue = deque([ref_id])
        while queue:
            n = queue.popleft()
            if depth is not None and hops[n] >= depth:
                continue
            for out in (True, False):
                if (out and direction == "down") or (not out and direction == "up"):
                    continue
                for m in sorted(rel_edges(n, out)):
                    if m in allowed and m not in hops:
                        hops[m] = hops[n] + 1
                        queue.append(m)
        docs = set(hops)
    if not docs:
        raise ViewError("nothing to draw: the graph has no documents")

    keep: set[str] = set(docs)
    if with_obligations:
        for d in sorted(docs):
            for _, o, k in G.out_edges(d, keys=True):
                if k == "DAT_RA" and G.nodes[o].get("kind") == "Obligation":
                    keep.add(o)
        for o in {n for n in keep if G.nodes[n].get("kind") == "Obligation"}:
            for _, b, k in G.out_edges(o, keys=True):
                if k == "GIAO_CHO" and G.nodes[b].get("kind") == "Body":
                    keep.add(b)
    if len(keep) > max_nodes:
        raise ViewTooLarge(len(keep), max_nodes, ref_id, depth)

    H = nx.MultiDiGraph(**{k: v for k, v in G.graph.items() if k in ("format", "as_of")})
    for n in sorted(keep):
        H.add_node(n, **G.nodes[n])
    for s, t, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if s in keep and t in keep and (k in rels or (with_obligations and k not in REL_CODES)):
            H.add_edge(s, t, key=k, **a)
    return ViewResult(H, ref_id, depth, direction, tuple(sorted(rels, key=REL_CODES.index)), jurisdiction,
                      with_obligations, layout, dict(sorted(hops.items())))
