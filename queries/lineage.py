"""Lineage trees and timelines: how a directive travels down, or what a document rests on above.

A link is marked `indirect` when no evidence comes from the source document itself: it rests only
on a citation inside another document ("Kế hoạch số 82-KH/TU … thực hiện Nghị quyết số 29-NQ/TW"
said in a third document).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from vbgraph.graph.identity import CENTRAL
from vbgraph.queries.research import (
    IMPLEMENTS,
    _check,
    _label,
    central_implementations,
    lineage,
    relation_edges,
    relation_view,
)

if TYPE_CHECKING:  # annotations only: a command answered from the store's indexes never loads networkx
    import networkx as nx

# An implementation edge as a table shows it: source, target, the source's label, date and
# jurisdiction, the target's label.
Labelled = tuple[str, str, str | None, str | None, str | None, str | None]


def _node(G: nx.MultiDiGraph, nid: str) -> dict:
    a = G.nodes[nid]
    return {
        "id": nid,
        "symbol": _label(a),
        "type": a.get("type"),
        "date": a.get("date"),
        "issuer": a.get("issuer"),
        "jurisdiction": a.get("jurisdiction"),
        "in_corpus": bool(a.get("in_corpus")),
    }


def _indirect(source: str, data: dict) -> bool:
    return all(e.get("document") != source for e in data.get("evidence", []))


def _order(parent: str, up: bool) -> Callable[[dict], tuple]:
    """Children by relation, then date, then the edge's (source, target)."""

    def key(c: dict) -> tuple:
        return (c["relation"], c["date"] or "", *((parent, c["id"]) if up else (c["id"], parent)))

    return key


def _branches(
    G: nx.MultiDiGraph, doc_id: str, up: bool, depth: int | None, codes: tuple[str, ...]
) -> list[dict]:
    """Every simple path of `codes` edges out of `doc_id` (into it, when not `up`), as nested children."""
    import networkx as nx

    view = relation_view(G, codes)
    walk = view if up else nx.reverse_view(view)
    children: dict[tuple, list[dict]] = {(): []}
    for path in nx.all_simple_edge_paths(walk, doc_id, nx.descendants(walk, doc_id), cutoff=depth):
        here, other, k = path[-1]
        s, t = (here, other) if up else (other, here)
        node = {**_node(G, other), "relation": k, "indirect": _indirect(s, G.edges[s, t, k]), "children": []}
        children[tuple(path[:-1])].append(node)
        children[tuple(path)] = node["children"]
    for path, kids in children.items():
        kids.sort(key=_order(path[-1][1] if path else doc_id, up))
    return children[()]


def tree(
    G: nx.MultiDiGraph,
    doc_id: str,
    direction: str = "up",
    depth: int | None = None,
    codes: tuple[str, ...] = IMPLEMENTS,
) -> dict:
    """{document…, children: [{…, relation, indirect, children}]}: every path, each document once per branch.

    Where `research.lineage` lists each document once at its shortest distance, the tree keeps
    every simple path (networkx's `all_simple_edge_paths`), so a plan implementing both a
    programme and the resolution above it shows both routes, each link with its evidence flag.
    `direction` is up (what it implements), down (what implements it) or both.

    Examples
    --------
    >>> from vbgraph.queries.research import example_graph
    >>> t = tree(example_graph(), "hu")
    >>> [(c["id"], c["relation"], [g["id"] for g in c["children"]]) for c in t["children"]]
    [('tu', 'THUC_HIEN', ['tw'])]
    >>> sorted(tree(example_graph(), "tu", "both", depth=1))[-3:]
    ['symbol', 'type', 'up']
    """
    _check(G, doc_id)
    root = _node(G, doc_id)
    if direction == "both":
        return {
            **root,
            "up": _branches(G, doc_id, True, depth, codes),
            "down": _branches(G, doc_id, False, depth, codes),
        }
    if direction not in ("up", "down"):
        raise ValueError(f"direction {direction!r}: choose up, down or both")
    return {**root, "direction": direction, "children": _branches(G, doc_id, direction == "up", depth, codes)}


def _months(a: str, b: str) -> float | None:
    try:
        da, db = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    except (TypeError, ValueError):
        return None
    return round((db - da).days / 30.44, 1)


def timeline(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """A directive's implementations (transitive, from `lineage` down) in date order, with the delay after it.

    Examples
    --------
    >>> from vbgraph.queries.research import example_graph
    >>> [(r["id"], r["depth"], r["delay_days"], r["delay_months"]) for r in timeline(example_graph(), "tw")]
    [('tu', 1, 142, 4.7), ('hu', 2, 234, 7.7)]
    """
    down = lineage(G, doc_id, "down")
    base = G.nodes[doc_id].get("date")
    rows = []
    for r in down:
        date = r["date"]
        days = None
        if base and date and len(base) == 10 and len(date) == 10:
            days = (dt.date.fromisoformat(date) - dt.date.fromisoformat(base)).days
        rows.append(
            {
                **_node(G, r["document"]),
                "depth": r["depth"],
                "delay_days": days,
                "delay_months": _months(base, date) if days is not None else None,
            }
        )
    return sorted(rows, key=lambda r: (r["date"] or "9999", r["id"]))


def direct_rows(edges: Iterable[Labelled], jurisdiction: str | None) -> list[dict]:
    """Local documents (of `jurisdiction`; any when empty) and the documents they name as
    implemented, one row per implementation edge given as a `Labelled` tuple."""
    jurisdiction = jurisdiction or None
    return [
        {
            "local": s,
            "local_symbol": label,
            "local_date": date,
            "jurisdiction": j,
            "implements": t,
            "implements_symbol": target_label,
            "depth": 1,
        }
        for s, t, label, date, j, target_label in edges
        if j not in (None, CENTRAL) and jurisdiction in (None, j)  # _is_local
    ]


def implementations(
    G: nx.MultiDiGraph, *, central: bool = False, jurisdiction: str | None = None, since: str | None = None
) -> list[dict]:
    """Which local documents implement which documents (with `central`: which central ones, transitively).

    Examples
    --------
    >>> from vbgraph.queries.research import example_graph
    >>> [(r["local"], r["implements"], r["depth"]) for r in implementations(example_graph())]
    [('tu', 'tw', 1), ('hu', 'tu', 1)]
    >>> [(r["local"], r["implements"], r["depth"]) for r in implementations(example_graph(), central=True)]
    [('tu', 'tw', 1), ('hu', 'tw', 2)]
    """
    if central:
        rows = [
            {
                "local": r["local"],
                "local_symbol": r["local_symbol"],
                "local_date": r["local_date"],
                "jurisdiction": r["jurisdiction"],
                "implements": r["central"],
                "implements_symbol": r["central_symbol"],
                "depth": r["depth"],
            }
            for r in central_implementations(G, jurisdiction)
        ]
    else:
        rows = direct_rows(labelled(G, relation_edges(G)), jurisdiction)
    return _in_order(rows, since)


def _in_order(rows: list[dict], since: str | None) -> list[dict]:
    """Rows dated `since` or later, by jurisdiction, date, document and what it implements."""
    if since:
        rows = [r for r in rows if (r["local_date"] or "") >= since]
    return sorted(
        rows, key=lambda r: (r["jurisdiction"] or "", r["local_date"] or "", r["local"], r["implements"])
    )


def reach_rows(rows: Iterable[tuple]) -> list[dict]:
    """`implementations(G, central=True)`'s rows of the store's closure (`Store.central_reach`),
    already in their order.

    Examples
    --------
    >>> reach_rows([("hu", "3-KH/HU", "2020-05-01", "Bắc Giang", "tw", "1-NQ/TW", 2)])[0]["implements_symbol"]
    '1-NQ/TW'
    """
    return [
        {
            "local": n,
            "local_symbol": label,
            "local_date": date,
            "jurisdiction": j,
            "implements": c,
            "implements_symbol": central_label,
            "depth": depth,
        }
        for n, label, date, j, c, central_label, depth in rows
    ]


def labelled(G: nx.MultiDiGraph, edges: Iterable[tuple[str, str, str]]) -> Iterator[Labelled]:
    """`edges` of `G` (source, target, key) with what a table of them shows of their ends."""
    nodes = G.nodes
    for s, t, _ in edges:
        a = nodes[s]
        yield s, t, _label(a), a.get("date"), a.get("jurisdiction"), _label(nodes[t])
