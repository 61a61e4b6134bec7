"""Research questions as pure functions over the graph, graph first. Each has a Cypher twin (catalog.py).

Every traversal walks a `relation_view`: the documents and only the relations a question counts,
a read-only networkx view built once per question. Which edges count is then said in one place,
and the walking is networkx's own (`bfs_layers`, `all_simple_edge_paths`), not ours.

Depths stop at `MAX_DEPTH` steps because the Cypher twins do (`[:THUC_HIEN*1..20]`): the two
backends must give the same rows.

Examples
--------
The fixture of the Examples in this package: a central resolution ``tw`` that replaced ``tw-old``,
a provincial plan ``tu`` implementing it and citing the directive ``ct``, a district plan ``hu``
implementing ``tu``:

>>> G = example_graph()
>>> [(r["document"], r["depth"]) for r in lineage(G, "hu")]
[('tu', 1), ('tw', 2)]
>>> [(r["document"], r["depth"]) for r in lineage(G, "tw", "down")]
[('tu', 1), ('hu', 2)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from vbgraph.errors import DocumentNotFound
from vbgraph.graph import reach
from vbgraph.graph import store as st
from vbgraph.graph.identity import CENTRAL
from vbgraph.ontology.relations import Rel

if TYPE_CHECKING:  # annotations only: a command answered from the store's indexes never loads networkx
    import networkx as nx

MAX_DEPTH = reach.MAX_DEPTH  # the Cypher twins use [:THUC_HIEN*1..20]
DOC_RELS: tuple[str, ...] = tuple(r.value for r in Rel)
IMPLEMENTS: tuple[str, ...] = (Rel.THUC_HIEN.value,)
ENDS_IN_FORCE: tuple[str, ...] = (Rel.THAY_THE.value, Rel.BAI_BO.value)  # replaced or repealed
# The issue kinds about references, as graph/resolve.py and loaders/identify.py produce them.
REFERENCE_ISSUES: tuple[str, ...] = ("ambiguous-reference", "date-conflict")


def example_graph() -> nx.MultiDiGraph:
    """The five-document fixture of the Examples (doctests) in `vbgraph.queries`.

    Central: ``tw`` (replaces ``tw-old``) and the directive ``ct``; Bắc Giang: the plan ``tu``
    (implements ``tw``, cites ``ct``, sets out the task ``o`` of drafting a Kế hoạch, fulfilled
    by ``hu``) and the district plan ``hu`` (implements ``tu``).
    """
    import networkx as nx

    G = nx.MultiDiGraph()
    for nid, jur, symbol, date in [
        ("tw", CENTRAL, "1-NQ/TW", "2019-01-10"),
        ("tw-old", CENTRAL, "9-NQ/TW", "2009-05-04"),
        ("ct", CENTRAL, "5-CT/TW", "2016-05-15"),
        ("tu", "Bắc Giang", "2-KH/TU", "2019-06-01"),
        ("hu", "Bắc Giang", "3-KH/HU", "2019-09-01"),
    ]:
        G.add_node(nid, kind="Document", jurisdiction=jur, symbol=symbol, date=date, in_corpus=True)
    for s, t, k in [
        ("tu", "tw", "THUC_HIEN"),
        ("hu", "tu", "THUC_HIEN"),
        ("tw", "tw-old", "THAY_THE"),
        ("tu", "ct", "CAN_CU"),
    ]:
        G.add_edge(s, t, key=k, evidence=[{"document": s, "file": "a.txt", "line": 1, "quote": "…"}])
    G.add_node("b", kind="Body", name="Ban Tuyên giáo Huyện ủy", jurisdiction="Bắc Giang")
    G.add_node(
        "o",
        kind="Obligation",
        document="tu",
        assignees=[{"body": "b", "role": "chu_tri"}],
        deadline={"text": "Quý III/2019", "start": "2019-07-01", "end": "2019-09-30"},
        status="done",
        produces={"type": "Kế hoạch", "title": "thực hiện Kế hoạch 2-KH/TU"},
        fulfilled_by="hu",
        fulfilment="on_time",
        text="Ban Tuyên giáo Huyện ủy chủ trì xây dựng kế hoạch …",
        evidence={"file": "a.txt", "line": 7, "quote": "…"},
    )
    G.add_edge("tu", "o", key="DAT_RA")
    G.add_edge("o", "b", key="GIAO_CHO", vai_tro="chu_tri")
    G.add_edge("o", "hu", key="DUOC_THUC_HIEN_BOI")
    return G


def _check(G: nx.MultiDiGraph, doc_id: str) -> None:
    if doc_id not in G or G.nodes[doc_id].get("kind") != "Document":
        raise DocumentNotFound(f"no document {doc_id!r}")


def _label(a: Mapping) -> str | None:
    return a.get("symbol") or a.get("name")


def relation_view(G: nx.MultiDiGraph, codes: Iterable[str] = IMPLEMENTS) -> nx.MultiDiGraph:
    """The documents of `G` and only their relations of type `codes`: a read-only view, no copy.

    A question about implementation must not wander over a citation, nor through a body or an
    obligation; filtering the graph once keeps every walk on the edges the question means.

    Examples
    --------
    >>> G = example_graph()
    >>> sorted(relation_view(G, ["THAY_THE"]).edges(keys=True))
    [('tw', 'tw-old', 'THAY_THE')]
    """
    import networkx as nx

    codes = frozenset(codes)
    return nx.subgraph_view(
        G, filter_node=lambda n: G.nodes[n].get("kind") == "Document", filter_edge=lambda s, t, k: k in codes
    )


def relation_edges(G: nx.MultiDiGraph, codes: Iterable[str] = IMPLEMENTS) -> Iterator[tuple[str, str, str]]:
    """The edges of `relation_view(G, codes)` as (source, target, code), in its order: one pass over
    the edges, for a question about a whole relation (a view tests both ends of every edge through
    three layers of filters: three times as slow on 100,000 implementations).

    Examples
    --------
    >>> list(relation_edges(example_graph(), ["THAY_THE"]))
    [('tw', 'tw-old', 'THAY_THE')]
    """
    codes = frozenset(codes)
    nodes = G.nodes
    for s, t, k in G.edges(keys=True):
        if k in codes and nodes[s].get("kind") == "Document" and nodes[t].get("kind") == "Document":
            yield s, t, k


def depths(
    view: nx.MultiDiGraph, sources: str | list[str], max_depth: int | None = MAX_DEPTH
) -> dict[str, int]:
    """Every node reachable from `sources` in at most `max_depth` steps (None: any), with its fewest steps.

    The sources themselves are at 0. Breadth-first layers give the shortest depth that the
    Cypher twins compute as `min(length(p))`, without enumerating paths.

    Examples
    --------
    >>> import networkx as nx
    >>> G = example_graph()
    >>> depths(relation_view(G), "hu")
    {'hu': 0, 'tu': 1, 'tw': 2}
    >>> depths(nx.reverse_view(relation_view(G)), "tw", max_depth=1)
    {'tw': 0, 'tu': 1}
    """
    import networkx as nx

    out: dict[str, int] = {}
    for d, layer in enumerate(nx.bfs_layers(view, sources)):
        if max_depth is not None and d > max_depth:
            break
        out.update(dict.fromkeys(layer, d))
    return out


def _doc_rows(G: nx.MultiDiGraph, found: dict[str, int]) -> list[dict]:
    rows = []
    for n, d in found.items():
        a = G.nodes[n]
        rows.append(
            {
                "document": n,
                "depth": d,
                "symbol": _label(a),
                "type": a.get("type"),
                "date": a.get("date"),
                "level": a.get("level"),
                "jurisdiction": a.get("jurisdiction"),
            }
        )
    return sorted(rows, key=lambda r: (r["depth"], r["date"] or "", r["document"]))


def lineage(G: nx.MultiDiGraph, doc_id: str, direction: str = "up", depth: int | None = None) -> list[dict]:
    """What `doc_id` implements, transitively (up), or everything implementing it (down).

    One row per document at its shortest distance: the flat answer the canned queries
    `lineage_up` and `lineage_down` give. `lineage.tree` answers the other question, every path
    with its evidence, for reading a document's chain.

    Examples
    --------
    >>> G = example_graph()
    >>> [(r["document"], r["symbol"], r["depth"]) for r in lineage(G, "hu", "up", depth=1)]
    [('tu', '2-KH/TU', 1)]
    """
    import networkx as nx

    _check(G, doc_id)
    if direction not in ("up", "down"):
        raise ValueError(f"direction {direction!r}: choose up or down")
    view = relation_view(G)
    if direction == "down":
        view = nx.reverse_view(view)
    found = depths(view, doc_id, MAX_DEPTH if depth is None else min(depth, MAX_DEPTH))
    del found[doc_id]
    return _doc_rows(G, found)


def lineage_up(G: nx.MultiDiGraph, doc_id: str, depth: int | None = None) -> list[dict]:
    """`lineage(G, doc_id, "up", depth)`, under the name api.py calls."""
    return lineage(G, doc_id, "up", depth)


def lineage_down(G: nx.MultiDiGraph, doc_id: str, depth: int | None = None) -> list[dict]:
    """`lineage(G, doc_id, "down", depth)`, under the name api.py calls."""
    return lineage(G, doc_id, "down", depth)


def _is_local(a: dict, jurisdiction: str | None) -> bool:
    j = a.get("jurisdiction")
    return j not in (None, CENTRAL) and (jurisdiction is None or j == jurisdiction)


def central_implementations(G: nx.MultiDiGraph, jurisdiction: str | None = None) -> list[dict]:
    """Central directives with the local documents implementing them (transitively), by jurisdiction.

    Walked up from each central document over reversed implementation edges, so each
    directive costs one breadth-first search however many local documents there are.

    Examples
    --------
    >>> [(r["central"], r["local"], r["depth"]) for r in central_implementations(example_graph())]
    [('tw', 'tu', 1), ('tw', 'hu', 2)]
    """
    import networkx as nx

    down = nx.reverse_view(relation_view(G))
    rows = []
    for c, ca in st.documents(G):
        if ca.get("jurisdiction") != CENTRAL:
            continue
        for n, d in depths(down, c).items():
            a = G.nodes[n]
            if _is_local(a, jurisdiction):
                rows.append(
                    {
                        "central": c,
                        "central_symbol": _label(ca),
                        "jurisdiction": a.get("jurisdiction"),
                        "local": n,
                        "local_symbol": _label(a),
                        "local_date": a.get("date"),
                        "depth": d,
                    }
                )
    return sorted(rows, key=lambda r: (r["central"], r["jurisdiction"], r["depth"], r["local"]))


def central_not_implemented(G: nx.MultiDiGraph, jurisdiction: str | None = None) -> list[dict]:
    """Central documents a jurisdiction's documents relate to (cite) but none of them implements.

    `citations` counts the jurisdiction's documents citing it. What the jurisdiction implements
    is one multi-source search from all its documents at once.

    Examples
    --------
    >>> central_not_implemented(example_graph())
    [{'jurisdiction': 'Bắc Giang', 'central': 'ct', 'label': '5-CT/TW', 'citations': 1}]
    """
    by_jurisdiction: dict[str, list[str]] = {}
    for n, a in st.documents(G):
        if _is_local(a, jurisdiction):
            by_jurisdiction.setdefault(a["jurisdiction"], []).append(n)
    implements, cites = relation_view(G), relation_view(G, DOC_RELS)
    rows: list[dict] = []
    for j, docs in by_jurisdiction.items():
        implemented = depths(implements, docs)
        citations = Counter(
            c
            for n in docs
            for c in cites.successors(n)
            if G.nodes[c].get("jurisdiction") == CENTRAL and c not in implemented
        )
        rows.extend(
            {"jurisdiction": j, "central": c, "label": _label(G.nodes[c]), "citations": k}
            for c, k in citations.items()
        )
    return sorted(rows, key=lambda r: (r["jurisdiction"], -r["citations"], r["central"]))


def supersession(G: nx.MultiDiGraph, doc_id: str | None = None) -> list[dict]:
    """Replacements and repeals (THAY_THE, BAI_BO): documents no longer in force and what ended them.

    With `doc_id`, only the chain that holds it: the links whose replacing document is at most
    `MAX_DEPTH` links away from it, whichever way each link points (a replacement of a
    replacement is the same chain), as the twin's `[:THAY_THE|BAI_BO*0..20]`. One
    breadth-first walk of the two relations' view finds them.

    Examples
    --------
    >>> supersession(example_graph(), "tw-old")
    [{'document': 'tw-old', 'label': '9-NQ/TW', 'replaced_by': 'tw', 'by_label': '1-NQ/TW', 'relation': 'THAY_THE'}]
    >>> supersession(example_graph(), "hu")
    []
    """
    import networkx as nx

    links: Iterable[tuple[str, str, str]] = relation_edges(G, ENDS_IN_FORCE)
    if doc_id is not None:
        _check(G, doc_id)
        view = relation_view(G, ENDS_IN_FORCE)
        links = view.out_edges(depths(nx.to_undirected(view), doc_id), keys=True)
    rows = [
        {
            "document": t,
            "label": _label(G.nodes[t]),
            "replaced_by": s,
            "by_label": _label(G.nodes[s]),
            "relation": k,
        }
        for s, t, k in links
    ]
    return sorted(rows, key=lambda r: (r["document"], r["replaced_by"], r["relation"]))


def citing(G: nx.MultiDiGraph, doc_id: str) -> list[dict]:
    """Documents whose text relates to `doc_id` in any way, with the relation type.

    Examples
    --------
    >>> [(r["source"], r["relation"]) for r in citing(example_graph(), "tu")]
    [('hu', 'THUC_HIEN')]
    """
    _check(G, doc_id)
    rows = [
        {"source": s, "label": _label(G.nodes[s]), "relation": k, "date": G.nodes[s].get("date")}
        for s, _, k in relation_view(G, DOC_RELS).in_edges(doc_id, keys=True)
    ]
    return sorted(rows, key=lambda r: (r["date"] or "", r["source"], r["relation"]))


def obligations_of_body(G: nx.MultiDiGraph, body: str | None = None, status: str | None = None) -> list[dict]:
    """Obligations assigned to a body (its id, or words of its name, case-insensitive), one row per role.

    Matching is `toLower(name) CONTAINS toLower(body)`, as in the Cypher twin, rather than the
    diacritic-blind matching of `obligations.obligations`, so both backends agree.

    Examples
    --------
    >>> [(r["obligation"], r["role"], r["due"]) for r in obligations_of_body(example_graph(), "tuyên giáo")]
    [('o', 'chu_tri', '2019-09-30')]
    """
    rows = []
    q = body.lower() if body else None
    for oid, o in st.obligations(G):
        if status is not None and o.get("status") != status:
            continue
        for x in o.get("assignees", []):
            b = G.nodes[x["body"]]
            if q is not None and not (x["body"] == body or q in (b.get("name") or "").lower()):
                continue
            rows.append(
                {
                    "obligation": oid,
                    "document": o["document"],
                    "body": x["body"],
                    "role": x["role"],
                    "due": (o.get("deadline") or {}).get("end"),
                    "status": o.get("status"),
                }
            )
    return sorted(rows, key=lambda r: (r["due"] or "9999", r["document"], r["obligation"], r["body"]))


def most_implemented(G: nx.MultiDiGraph, limit: int = 10) -> list[dict]:
    """Documents with the most documents implementing them directly.

    Examples
    --------
    >>> most_implemented(example_graph(), 1)
    [{'document': 'tu', 'label': '2-KH/TU', 'implementers': 1}]
    """
    implements = relation_view(G)
    rows: list[dict[str, Any]] = []
    for n, a in st.documents(G):
        k = len(set(implements.predecessors(n)))
        if k:
            rows.append({"document": n, "label": _label(a), "implementers": k})
    return sorted(rows, key=lambda r: (-r["implementers"], r["document"]))[: int(limit)]


def unresolved_references(G: nx.MultiDiGraph) -> list[dict]:
    """References the store could not resolve to one document, and dates that disagree.

    The kinds are `REFERENCE_ISSUES`, the ones resolution produces; the other warnings (bad
    dates, unknown codes, corrections) are in `vbgraph stats`.

    Examples
    --------
    >>> G = example_graph()
    >>> G.graph["issues"] = [{"kind": "date-conflict", "file": "a.txt", "line": 3, "message": "m"},
    ...                      {"kind": "bad-date", "file": "a.txt", "line": 2, "message": "m"}]
    >>> [(r["kind"], r["line"]) for r in unresolved_references(G)]
    [('date-conflict', 3)]
    """
    rows = [
        {"kind": i["kind"], "file": i.get("file"), "line": i.get("line"), "message": i.get("message")}
        for i in G.graph.get("issues", [])
        if i["kind"] in REFERENCE_ISSUES
    ]
    return sorted(rows, key=lambda r: (r["kind"], r["file"] or "", r["line"] or 0, r["message"] or ""))
