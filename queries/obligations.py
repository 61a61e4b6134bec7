"""Who was assigned what, by when, and what became of planned documents.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("d", kind="Document", symbol="1-NQ/TU", date="2021-01-01", title="về x")
>>> G.add_node("b", kind="Body", name="Ban Tuyên giáo Tỉnh ủy", jurisdiction="Bắc Giang")
>>> G.add_node("o", kind="Obligation", document="d", text="Ban Tuyên giáo Tỉnh ủy chủ trì …",
...            assignees=[{"body": "b", "role": "chu_tri"}], deadline={"text": "Quý II/2021",
...            "start": "2021-04-01", "end": "2021-06-30"}, status="open", fulfilled_by=None,
...            evidence={"file": "a.txt", "line": 9, "quote": "…"})
>>> [r["roles"] for r in obligations(G, body="tuyen giao")]
['chu_tri']
"""

from __future__ import annotations

import networkx as nx

from vbgraph.graph import store as st
from vbgraph.loaders.normalize import fold


def _match_body(G: nx.MultiDiGraph, query: str) -> set[str]:
    if query in G and G.nodes[query].get("kind") == "Body":
        return {query}
    q = fold(query)
    return {n for n, a in st.bodies(G) if q in fold(a.get("name"))}


def obligations(
    G: nx.MultiDiGraph, *, body: str | None = None, document: str | None = None,
    due_before: str | None = None, status: str | None = None,
) -> list[dict]:
    """Obligations as table rows, sorted by deadline then document; filters combine."""
    wanted = _match_body(G, body) if body else None
    rows = []
    for oid, a in st.obligations(G):
        if document and a.get("document") != document:
            continue
        assignees = a.get("assignees", [])
        if wanted is not None and not any(x["body"] in wanted for x in assignees):
            continue
        end = (a.get("deadline") or {}).get("end")
        if due_before and not (end and end < due_before):
            continue
        if status and a.get("status") != status:
            continue
        mine = [x for x in assignees if wanted is None or x["body"] in wanted]
        doc = G.nodes[a["document"]]
        rows.append({
            "id": oid,
            "document": a["document"],
            "document_symbol": doc.get("symbol") or doc.get("name"),
            "assignees": "; ".join(f"{G.nodes[x['body']].get('name')} ({x['role']})" for x in assignees),
            "roles": ", ".join(sorted({x["role"] for x in mine})),
            "deadline": (a.get("deadline") or {}).get("text"),
            "due": end,
            "recurring": a.get("recurring"),
            "produces": (a.get("produces") or {}).get("type"),
            "fulfilled_by": a.get("fulfilled_by"),
            "status": a.get("status"),
            "text": a.get("text"),
            "file": a["evidence"]["file"],
            "line": a["evidence"]["line"],
        })
    return sorted(rows, key=lambda r: (r["due"] or "9999", r["document"], r["line"], r["id"]))


def bodies(G: nx.MultiDiGraph, *, jurisdiction: str | None = None) -> list[dict]:
    """Bodies with how many obligations assign them each role, and how many documents they issued."""
    counts: dict[str, dict[str, int]] = {}
    for _, a in st.obligations(G):
        for x in a.get("assignees", []):
            c = counts.setdefault(x["body"], {"chu_tri": 0, "phoi_hop": 0, "thuc_hien": 0})
            c[x["role"]] += 1
    rows = []
    for bid, a in st.bodies(G):
        if jurisdiction and fold(a.get("jurisdiction")) != fold(jurisdiction):
            continue
        c = counts.get(bid, {"chu_tri": 0, "phoi_hop": 0, "thuc_hien": 0})
        issued = sum(1 for _, _, k in G.out_edges(bid, keys=True) if k == "BAN_HANH")
        rows.append({"id": bid, "name": a.get("name"), "jurisdiction": a.get("jurisdiction"),
                     "part_of": a.get("part_of"), **c, "total": sum(c.values()), "issued": issued})
    return sorted(rows, key=lambda r: (-r["total"], r["id"]))


def plan(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """A programme's planned documents: what fulfilled each, when, and whether on time."""
    rows = []
    for r in obligations(G, document=doc_id):
        a = G.nodes[r["id"]]
        if not a.get("produces"):
            continue
        f = r["fulfilled_by"]
        fd = G.nodes[f] if f else {}
        rows.append({
            **{k: r[k] for k in ("id", "assignees", "deadline", "due", "status", "line")},
            "planned_type": a["produces"].get("type"),
            "planned_title": a["produces"].get("title"),
            "level": a.get("produces_level"),
            "fulfilled_by": f,
            "fulfilled_symbol": fd.get("symbol") or fd.get("name"),
            "fulfilled_date": fd.get("date"),
            "fulfilment": a.get("fulfilment"),
        })
    return sorted(rows, key=lambda r: r["line"])
