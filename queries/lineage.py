"""Lineage trees and timelines: how a directive travels down, or what a document rests on above.

A link is marked `indirect` when no evidence comes from the source document itself: it rests only
on a citation inside another document ("Kế hoạch số 82-KH/TU … thực hiện Nghị quyết số 29-NQ/TW"
said in a third document).
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from vbgraph.queries.research import _check

IMPLEMENTS = ("THUC_HIEN",)


def _node(G: nx.MultiDiGraph, nid: str) -> dict:
    a = G.nodes[nid]
    return {"id": nid, "symbol": a.get("symbol") or a.get("name"), "type": a.get("type"), "date": a.get("date"),
            "issuer": a.get("issuer"), "jurisdiction": a.get("jurisdiction"), "in_corpus": bool(a.get("in_corpus"))}


def _indirect(source: str, data: dict) -> bool:
    return all(e.get("document") != source for e in data.get("evidence", []))


def tree(G: nx.MultiDiGraph, doc_id: str, direction: str = "up", depth: int | None = None,
         codes: tuple[str, ...] = IMPLEMENTS) -> dict:
    """{document…, children: [{…, relation, indirect, children}]}; each document once per branch."""
    _check(G, doc_id)

    def grow(nid: str, level: int, path: frozenset) -> list[dict]:
        if depth is not None and level >= depth:
            return []
        kids = []
        edges = (G.out_edges(nid, keys=True, data=True) if direction == "up"
                 else G.in_edges(nid, keys=True, data=True))
        for s, t, k, d in sorted(edges, key=lambda e: (e[2], G.nodes[e[1] if direction == "up" else e[0]].get("date") or "", e[0], e[1])):
            other = t if direction == "up" else s
            if k not in codes or other in path or G.nodes[other].get("kind") != "Document":
                continue
            kids.append({**_node(G, other), "relation": k, "indirect": _indirect(s, d),
                         "children": grow(other, level + 1, path | {other})})
        return kids

    root = _node(G, doc_id)
    if direction == "both":
        up = tree(G, doc_id, "up", depth, codes)["children"]
        down = tree(G, doc_id, "down", depth, codes)["children"]
        return {**root, "up": up, "down": down}
    return {**root, "direction": direction, "children": grow(doc_id, 0, frozenset({doc_id}))}


def _months(a: str, b: str) -> float | None:
    try:
        da, db = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    except (TypeError, ValueError):
        return None
    return round((db - da).days / 30.44, 1)


def timeline(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """A directive's implementations (transitive) in date order, with the delay after it."""
    _check(G, doc_id)
    from vbgraph.queries.research import reach

    base = G.nodes[doc_id].get("date")
    rows = []
    for n, d in reach(G, doc_id, reverse=True).items():
        a = G.nodes[n]
        date = a.get("date")
        days = None
        if base and date and len(base) == 10 and len(date) == 10:
            days = (dt.date.fromisoformat(date) - dt.date.fromisoformat(base)).days
        rows.append({**_node(G, n), "depth": d, "delay_days": days,
                     "delay_months": _months(base, date) if days is not None else None})
    return sorted(rows, key=lambda r: (r["date"] or "9999", r["id"]))


def implementations(G: nx.MultiDiGraph, *, central: bool = False, jurisdiction: str | None = None,
                    since: str | None = None) -> list[dict]:
    """Which local documents implement which documents (with --central: which central ones, transitively)."""
    from vbgraph.graph.identity import CENTRAL
    from vbgraph.queries.research import central_implementations

    if central:
        rows = [{"local": r["local"], "local_symbol": r["local_symbol"], "local_date": r["local_date"],
                 "jurisdiction": r["jurisdiction"], "implements": r["central"], "implements_symbol": r["central_symbol"],
                 "depth": r["depth"]} for r in central_implementations(G, jurisdiction)]
    else:
        rows = []
        for s, t, k in G.edges(keys=True):
            if k != "THUC_HIEN":
                continue
            a, b = G.nodes[s], G.nodes[t]
            if a.get("jurisdiction") in (None, CENTRAL) or (jurisdiction and a.get("jurisdiction") != jurisdiction):
                continue
            rows.append({"local": s, "local_symbol": a.get("symbol") or a.get("name"), "local_date": a.get("date"),
                         "jurisdiction": a.get("jurisdiction"), "implements": t,
                         "implements_symbol": b.get("symbol") or b.get("name"), "depth": 1})
    if since:
        rows = [r for r in rows if (r["local_date"] or "") >= since]
    return sorted(rows, key=lambda r: (r["jurisdiction"] or "", r["local_date"] or "", r["local"], r["implements"]))
