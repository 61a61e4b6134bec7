"""Research questions as pure functions over the graph. Each has a Cypher twin in catalog.py.

Examples
--------
A central resolution, a provincial plan implementing it, a district plan implementing that:

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for nid, jur in [("tw", "Trung ương"), ("tu", "Bắc Giang"), ("hu", "Bắc Giang")]:
...     G.add_node(nid, kind="Document", jurisdiction=jur, symbol=nid)
>>> G.add_edge("tu", "tw", key="THUC_HIEN"); G.add_edge("hu", "tu", key="THUC_HIEN")
'THUC_HIEN'
'THUC_HIEN'
>>> [(r["document"], r["depth"]) for r in lineage_up(G, "hu")]
[('tu', 1), ('tw', 2)]
>>> [(r["document"], r["depth"]) for r in lineage_down(G, "tw")]
[('tu', 1), ('hu', 2)]
"""

from __future__ import annotations

from collections import deque

import networkx as nx

from vbgraph.errors import DocumentNotFound
from vbgraph.graph import store as st
from vbgraph.graph.identity import CENTRAL
from vbgraph.ontology.relations import Rel

MAX_DEPTH = 20  # the Cypher twins use [:THUC_HIEN*1..20]
DOC_RELS = {r.value for r in Rel}


def _check(G: nx.MultiDiGraph, doc_id: str) -> None:
    if doc_id not in G or G.nodes[doc_id].get("kind") != "Document":
        raise DocumentNotFound(f"no document {doc_id!r}")


def _label(a: dict) -> str | None:
    return a.get("symbol") or a.get("name")


def reach(G: nx.MultiDiGraph, start: str, *, codes=("THUC_HIEN",), reverse: bool = False,
          max_depth: int = MAX_DEPTH) -> dict[str, int]:
    """Shortest depth to every document reachable from `start` over edges of `codes`."""
    seen = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        d = seen[n]
        if d >= max_depth:
            continue
        edges = G.in_edges(n, keys=True) if reverse else G.out_edges(n, keys=True)
        for s, t, k in edges:
            m = s if reverse else t
            if k in codes and m not in seen and G.nodes[m].get("kind") == "Document":
                seen[m] = d + 1
                queue.append(m)
    seen.pop(start)
    return seen


def _rows(G: nx.MultiDiGraph, depths: dict[str, int], depth: int | None) -> list[dict]:
    rows = []
    for n, d in depths.items():
        if depth is not None and d > depth:
            continue
        a = G.nodes[n]
        rows.append({"document": n, "depth": d, "symbol": _label(a), "type": a.get("type"), "date": a.get("date"),
                     "level": a.get("level"), "jurisdiction": a.get("jurisdiction")})
    return sorted(rows, key=lambda r: (r["depth"], r["date"] or "", r["document"]))


def lineage_up(G: nx.MultiDiGraph, doc_id: str, depth: int | None = None) -> list[dict]:
    """What `doc_id` implements, transitively, up to the central documents."""
    _check(G, doc_id)
    return _rows(G, reach(G, doc_id), depth)


def lineage_down(G: nx.MultiDiGraph, doc_id: str, depth: int | None = None) -> list[dict]:
    """Everything that implements `doc_id`, transitively, with its depth."""
    _check(G, doc_id)
    return _rows(G, reach(G, doc_id, reverse=True), depth)


def central_implementations(G: nx.MultiDiGraph, jurisdiction: str | None = None) -> list[dict]:
    """Central directives with the local documents implementing them, by jurisdiction."""
    rows = []
    for n, a in st.documents(G):
        if a.get("jurisdiction") in (None, CENTRAL):
            continue
        if jurisdiction is not None and a.get("jurisdiction") != jurisdiction:
            continue
        for c, d in reach(G, n).items():
            ca = G.nodes[c]
            if ca.get("jurisdiction") == CENTRAL:
                rows.append({"central": c, "central_symbol": _label(ca), "jurisdiction": a.get("jurisdiction"),
                             "local": n, "local_symbol": _label(a), "local_date": a.get("date"), "depth": d})
    return sorted(rows, key=lambda r: (r["central"], r["jurisdiction"], r["depth"], r["local"]))


def central_not_implemented(G: nx.MultiDiGraph, jurisdiction: str | None = None) -> list[dict]:
    """Central documents a jurisdiction's documents cite but none of them implements."""
    cited: dict[tuple[str, str], set[str]] = {}
    implemented: dict[str, set[str]] = {}
    for n, a in st.documents(G):
        j = a.get("jurisdiction")
        if j in (None, CENTRAL) or (jurisdiction is not None and j != jurisdiction):
            continue
        for _, t, k in G.out_edges(n, keys=True):
            if k in DOC_RELS and G.nodes[t].get("kind") == "Document" and G.nodes[t].get("jurisdiction") == CENTRAL:
                cited.setdefault((j, t), set()).add(n)
        implemented.setdefault(j, set()).update(reach(G, n))
    rows = [
        {"jurisdiction": j, "central": c, "label": _label(G.nodes[c]), "citations": len(srcs)}
        for (j, c), srcs in cited.items() if c not in implemented.get(j, set())
    ]
    return sorted(rows, key=lambda r: (r["jurisdiction"], -r["citations"], r["central"]))


def supersession(G: nx.MultiDiGraph, doc_id: str | None = None) -> list[dict]:
    """Replacements and repeals (THAY_THE, BAI_BO): documents no longer in force and what ended them.

    With `doc_id`, only the chain of replacements that holds it."""
    codes = ("THAY_THE", "BAI_BO")
    chain: set[str] | None = None
    if doc_id is not None:
        _check(G, doc_id)
        chain = {doc_id} | set(reach(G, doc_id, codes=codes)) | set(reach(G, doc_id, codes=codes, reverse=True))
        grew = True
        while grew:  # the whole undirected component
            grew = False
            for n in list(chain):
                for m in set(reach(G, n, codes=codes)) | set(reach(G, n, codes=codes, reverse=True)):
                    if m not in chain:
                        chain.add(m)
                        grew = True
    rows = []
    for s, t, k in G.edges(keys=True):
        if k in codes and (chain is None or s in chain):
            rows.append({"document": t, "label": _label(G.nodes[t]), "replaced_by": s, "by_label": _label(G.nodes[s]),
                         "relation": k})
    return sorted(rows, key=lambda r: (r["document"], r["replaced_by"], r["relation"]))


def citing(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """Documents whose text relates to `doc_id`, with the relation type."""
    _check(G, doc_id)
    rows = [
        {"source": s, "label": _label(G.nodes[s]), "relation": k, "date": G.nodes[s].get("date")}
        for s, _, k in G.in_edges(doc_id, keys=True) if k in DOC_RELS
    ]
    return sorted(rows, key=lambda r: (r["date"] or "", r["source"], r["relation"]))


def obligations_of_body(G: nx.MultiDiGraph, body: str | None = None, status: str | None = None) -> list[dict]:
    """Obligations assigned to a body (its id, or words of its name, case-insensitive)."""
    rows = []
    q = body.lower() if body else None
    for oid, o in st.obligations(G):
        if status is not None and o.get("status") != status:
            continue
        for x in o.get("assignees", []):
            b = G.nodes[x["body"]]
            if q is not None and not (x["body"] == body or q in (b.get("name") or "").lower()):
                continue
            rows.append({"obligation": oid, "document": o["document"], "body": x["body"], "role": x["role"],
                         "due": (o.get("deadline") or {}).get("end"), "status": o.get("status")})
    return sorted(rows, key=lambda r: (r["due"] or "9999", r["document"], r["obligation"], r["body"]))


def planned_documents(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """A programme's planned documents and what fulfilled each."""
    _check(G, doc_id)
    rows = []
    for _, oid, k in G.out_edges(doc_id, keys=True):
        if k != "DAT_RA":
            continue
        o = G.nodes[oid]
        made = o.get("produces") or {}
        if not made.get("type"):
            continue
        f = o.get("fulfilled_by")
        rows.append({"obligation": oid, "planned_type": made.get("type"), "planned_title": made.get("title"),
                     "due": (o.get("deadline") or {}).get("end"), "fulfilled_by": f,
                     "fulfilled_date": G.nodes[f].get("date") if f else None, "fulfilment": o.get("fulfilment")})
    return sorted(rows, key=lambda r: (r["due"] or "9999", r["obligation"]))


def most_implemented(G: nx.MultiDiGraph, limit: int = 10) -> list[dict]:
    """Documents with the most documents implementing them directly."""
    rows = []
    for n, a in st.documents(G):
        impl = {s for s, _, k in G.in_edges(n, keys=True) if k == "THUC_HIEN"}
        if impl:
            rows.append({"document": n, "label": _label(a), "implementers": len(impl)})
    return sorted(rows, key=lambda r: (-r["implementers"], r["document"]))[: int(limit)]


ISSUE_KINDS = ("ambiguous-reference", "unresolved-reference", "date-conflict")


def unresolved_references(G: nx.MultiDiGraph) -> list[dict]:
    """References the store could not resolve to one document, and dates that disagree."""
    rows = [
        {"kind": i["kind"], "file": i.get("file"), "line": i.get("line"), "message": i.get("message")}
        for i in G.graph.get("issues", []) if i["kind"] in ISSUE_KINDS
    ]
    return sorted(rows, key=lambda r: (r["kind"], r["file"] or "", r["line"] or 0, r["message"] or ""))
