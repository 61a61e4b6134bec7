"""Who was assigned what, by when, and what became of planned documents.

The obligations hang off their document by `DAT_RA` edges; each names its assignees with a
role (chủ trì leads, phối hợp cooperates, thực hiện does) and, for a task of drafting a
document, what it `produces` and which document `fulfilled_by` it.

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

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from vbgraph.graph import store as st
from vbgraph.loaders.normalize import fold
from vbgraph.ontology.relations import Edge
from vbgraph.queries.research import _check, _label

if TYPE_CHECKING:  # annotations only: commands that read the store's indexes never load networkx
    import networkx as nx


def _match_body(G: nx.MultiDiGraph, query: str) -> set[str]:
    if query in G and G.nodes[query].get("kind") == "Body":
        return {query}
    q = fold(query)
    return {n for n, a in st.bodies(G) if q in fold(a.get("name"))}


def _assignees(nodes: Mapping[str, Mapping], a: dict) -> str:
    """Every assignee with its role, as one cell: "Ban Tuyên giáo Tỉnh ủy (chu_tri); Sở Nội vụ (phoi_hop)"."""
    return "; ".join(f"{nodes[x['body']].get('name')} ({x['role']})" for x in a.get("assignees") or [])


def obligations(
    G: nx.MultiDiGraph,
    *,
    body: str | None = None,
    document: str | None = None,
    due_before: str | None = None,
    status: str | None = None,
) -> list[dict]:
    """Obligations as table rows, sorted by deadline then document; filters combine."""
    wanted = _match_body(G, body) if body else None
    return _rows(st.obligations(G), G.nodes, wanted, document=document, due_before=due_before, status=status)


def _rows(
    tasks: Iterable[tuple[str, dict]],
    nodes: Mapping[str, Mapping],
    wanted: set[str] | None,
    *,
    document: str | None = None,
    due_before: str | None = None,
    status: str | None = None,
) -> list[dict]:
    """The rows of `tasks` (id, attributes) that the filters keep, sorted by deadline then document;
    `nodes` holds the documents and bodies the rows name (their labels and names)."""
    rows = []
    for oid, a in tasks:
        if document and a.get("document") != document:
            continue
        assignees = a.get("assignees") or []
        if wanted is not None and not any(x["body"] in wanted for x in assignees):
            continue
        end = (a.get("deadline") or {}).get("end")
        if due_before and not (end and end < due_before):
            continue
        if status and a.get("status") != status:
            continue
        mine = [x for x in assignees if wanted is None or x["body"] in wanted]
        rows.append(
            {
                "id": oid,
                "document": a["document"],
                "document_symbol": _label(nodes[a["document"]]),
                "assignees": _assignees(nodes, a),
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
            }
        )
    return sorted(rows, key=lambda r: (r["due"] or "9999", r["document"], r["line"], r["id"]))


def obligation_rows(
    store: st.Store,
    *,
    body: str | None = None,
    document: str | None = None,
    due_before: str | None = None,
    status: str | None = None,
) -> list[dict]:
    """`obligations_in_store`'s rows alone (`vbgraph obligations`). A listing of every task reads
    the tasks one at a time and keeps their rows, not the tasks: no graph of 400,000 nodes."""
    if body or document or not store.indexed:
        return obligations_in_store(
            store, body=body, document=document, due_before=due_before, status=status
        )[0]
    nodes = dict(store.of_kind("Document", ("symbol", "name")).nodes(data=True))
    nodes.update(store.of_kind("Body", ("name",)).nodes(data=True))
    return _rows(store.nodes_of_kind("Obligation"), nodes, None, due_before=due_before, status=status)


def obligations_in_store(
    store: st.Store,
    *,
    body: str | None = None,
    document: str | None = None,
    due_before: str | None = None,
    status: str | None = None,
) -> tuple[list[dict], nx.MultiDiGraph]:
    """`obligations` of a store, and the part of its graph the rows are in. With a body or a
    document, only their tasks are read (by the GIAO_CHO and DAT_RA edges); else every task (of
    the status), with the documents and bodies its row names: no edge, no other node."""
    if not store.indexed:
        G = store.graph
        return obligations(G, body=body, document=document, due_before=due_before, status=status), G
    if not (body or document):
        part = every_task(store, status)
        return obligations(part, due_before=due_before, status=status), part
    ids: set[str] | None = None
    if body:
        ids = store.step(_match_body(store.of_kind("Body"), body), Edge.GIAO_CHO.value, forward=False)
    if document:
        set_out = store.step([document], Edge.DAT_RA.value, forward=True)
        ids = set_out if ids is None else ids & set_out
    assert ids is not None
    part = tasks_in_store(store, ids)
    return obligations(part, body=body, document=document, due_before=due_before, status=status), part


def every_task(store: st.Store, status: str | None = None) -> nx.MultiDiGraph:
    """Every task (with `status`) and the documents and bodies it names, without edges: a listing
    of all tasks reads none of the relations and their evidence (at 100,000 documents the whole
    graph took minutes to load)."""
    if status:
        ids = set(store.ids_where("Obligation", "status", [status]))
        tasks = store.subgraph(ids, codes=())
    else:  # one read of the kind, not 400,000 ids asked for 500 at a time
        tasks = store.of_kind("Obligation")
        ids = set(tasks)
    linked = {
        n
        for _, a in tasks.nodes(data=True)
        for n in (a.get("document"), a.get("fulfilled_by"), *(x["body"] for x in a.get("assignees", [])))
        if n is not None
    }
    tasks.update(nodes=store.subgraph(linked - ids, codes=()).nodes(data=True))
    return tasks


def tasks_in_store(store: st.Store, ids: Iterable[str], more: Iterable[str] = ()) -> nx.MultiDiGraph:
    """The tasks `ids` (and the nodes `more`) with all a task's row reads: its assigning document,
    the bodies it is given to and the document that fulfilled it; two reads of the indexes."""
    ids, more = set(ids), set(more)
    tasks = store.subgraph(ids | more)
    linked = {
        n
        for t in ids
        if t in tasks
        for n in (
            tasks.nodes[t].get("document"),
            tasks.nodes[t].get("fulfilled_by"),
            *(x["body"] for x in tasks.nodes[t].get("assignees", [])),
        )
        if n is not None
    }
    return store.subgraph(ids | more | linked)


def _role_counts(G: nx.MultiDiGraph) -> dict[str, Counter]:
    """{body: {role: tasks}} from the tasks' assignees."""
    counts: dict[str, Counter] = {}
    for _, a in st.obligations(G):
        for x in a.get("assignees", []):
            counts.setdefault(x["body"], Counter())[x["role"]] += 1
    return counts


def bodies(G: nx.MultiDiGraph, *, jurisdiction: str | None = None) -> list[dict]:
    """Bodies with how many obligations assign them each role, and how many documents they issued."""
    issued = Counter(s for s, _, k in G.edges(keys=True) if k == Edge.BAN_HANH)
    return _body_rows(st.bodies(G), _role_counts(G), issued, jurisdiction)


def bodies_in_store(store: st.Store, *, jurisdiction: str | None = None) -> list[dict]:
    """`bodies` of a store, counted in SQL: the GIAO_CHO edges by body and role (one per assignee
    of a task: resolution names each body of a task once, with its role) and the BAN_HANH edges by
    issuer. Only the bodies are read, a few thousand however large the store."""
    if not store.indexed:
        return bodies(store.graph, jurisdiction=jurisdiction)
    found = list(st.bodies(store.of_kind("Body")))
    ids = [b for b, a in found if _in_jurisdiction(a, jurisdiction)] if jurisdiction else None
    roles: dict[str, Counter] = {}
    for (b, role), n in store.count_edges(
        Edge.GIAO_CHO.value, by="target", ids=ids, attribute="vai_tro"
    ).items():
        roles.setdefault(b, Counter())[role] += n
    issued = store.count_edges(Edge.BAN_HANH.value, by="source", ids=ids)
    return _body_rows(found, roles, issued, jurisdiction)


def _in_jurisdiction(a: dict, jurisdiction: str | None) -> bool:
    return not jurisdiction or fold(a.get("jurisdiction")) == fold(jurisdiction)


def _body_rows(
    found: Iterable[tuple[str, dict]],
    roles: Mapping[str, Counter],
    issued: Mapping[str, int],
    jurisdiction: str | None,
) -> list[dict]:
    """One row per body of the jurisdiction: its tasks by role, their total and the documents it issued."""
    rows = []
    for bid, a in found:
        if not _in_jurisdiction(a, jurisdiction):
            continue
        c = {"chu_tri": 0, "phoi_hop": 0, "thuc_hien": 0}
        for role, n in roles.get(bid, Counter()).items():
            c[role] += n
        rows.append(
            {
                "id": bid,
                "name": a.get("name"),
                "jurisdiction": a.get("jurisdiction"),
                "part_of": a.get("part_of"),
                **c,
                "total": sum(c.values()),
                "issued": issued.get(bid, 0),
            }
        )
    return sorted(rows, key=lambda r: (-r["total"], r["id"]))


def planned_documents(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """A programme's planned documents: the task planning each, what fulfilled it, when, and whether on time.

    The one answer behind the canned query `planned_documents` (which shows some of the
    columns) and `vbgraph plan` (`plan`). A task plans a document when it says what type of
    document it produces, as `o.produces_type IS NOT NULL` in the Cypher twin. Sorted by due
    date, as the twin is.

    Examples
    --------
    >>> from vbgraph.queries.research import example_graph
    >>> [(r["planned_type"], r["assignees"], r["fulfilled_symbol"], r["fulfilment"])
    ...  for r in planned_documents(example_graph(), "tu")]
    [('Kế hoạch', 'Ban Tuyên giáo Huyện ủy (chu_tri)', '3-KH/HU', 'on_time')]
    """
    _check(G, doc_id)
    rows = []
    for _, oid, k in G.out_edges(doc_id, keys=True):
        a = G.nodes[oid]
        made = a.get("produces") or {}
        if k != Edge.DAT_RA or not made.get("type"):
            continue
        f = a.get("fulfilled_by")
        done = G.nodes[f] if f else {}
        rows.append(
            {
                "obligation": oid,
                "assignees": _assignees(G.nodes, a),
                "deadline": (a.get("deadline") or {}).get("text"),
                "due": (a.get("deadline") or {}).get("end"),
                "status": a.get("status"),
                "line": a["evidence"]["line"],
                "planned_type": made["type"],
                "planned_title": made.get("title"),
                "level": a.get("produces_level"),
                "fulfilled_by": f,
                "fulfilled_symbol": _label(done),
                "fulfilled_date": done.get("date"),
                "fulfilment": a.get("fulfilment"),
            }
        )
    return sorted(rows, key=lambda r: (r["due"] or "9999", r["obligation"]))


def plan(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """`planned_documents` in reading order, the task as `id`: the rows of `vbgraph plan`.

    Kept as a name because the command line and tests/test_obligations.py use it.
    """
    rows = [
        {"id": r["obligation"], **{k: v for k, v in r.items() if k != "obligation"}}
        for r in planned_documents(G, doc_id)
    ]
    return sorted(rows, key=lambda r: r["line"])
