"""Find documents by the references people type, and gather one document's card.

A REF may be an id (`bac-giang:109-NQ/TU@2021-06-08`), a symbol (`109-NQ/TU`), a symbol with a
year or date (`109-NQ/TU@2016`), a type and number (`NQ 109`, `Nghị quyết 109`, `nghi quyet
109 2021`) or words of a name (`Điều lệ Đảng`). Matching ignores case, diacritics and tone
placement.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vbgraph.errors import AmbiguousReference, DocumentNotFound
from vbgraph.graph import store as st
from vbgraph.loaders.normalize import fold, tokens
from vbgraph.ontology import tables

if TYPE_CHECKING:  # annotations only: commands that read the store's indexes never load networkx
    import networkx as nx

_norm_symbol = st.symbol_key

_NUMBERED = re.compile(
    r"^(?P<type>.*?)\s*(?:số\s+)?(?P<num>\d{1,5})(?:\s*[/@ ]\s*(?P<year>(?:19|20)\d{2}))?$", re.IGNORECASE
)


def find_documents(G: nx.MultiDiGraph, ref: str) -> list[str]:
    """Ids of the documents that `ref` may mean, best matches only, sorted."""
    ref = ref.strip()
    if ref in G and G.nodes[ref].get("kind") == "Document":
        return [ref]
    docs = list(st.documents(G))
    sym, _, when = ref.partition("@")
    nsym = _norm_symbol(sym)
    hits = [n for n, a in docs if a.get("symbol") and _norm_symbol(a["symbol"]) == nsym]
    if hits:
        if when:
            hits = [n for n in hits if (G.nodes[n].get("date") or "").startswith(when.strip())]
        return sorted(hits)
    # "NQ 109", "Nghị quyết 109", "nghi quyet 109 2021"
    m = _NUMBERED.match(ref)
    if m and m.group("type"):
        type_words = fold(m.group("type")).replace(" so", "").strip()
        codes = {c.upper() for c, names in tables.types_by_code().items() if fold(c) == type_words}
        names = {n for w, n in tables.type_names().items() if w == type_words}
        out = []
        for n, a in docs:
            if (a.get("number") or "").lstrip("0") != m.group("num").lstrip("0"):
                continue
            if (a.get("type_code") or "").upper() in codes or a.get("type") in names:
                if m.group("year") and not (a.get("date") or "").startswith(m.group("year")):
                    continue
                out.append(n)
        if out:
            return sorted(out)
    # Words of a name or title.
    want = tokens(ref)
    if not want:
        return []
    scored = []
    for n, a in docs:
        have = tokens(
            " ".join(x for x in (a.get("name"), a.get("type"), a.get("title"), a.get("symbol")) if x)
        )
        if want <= have:
            scored.append((len(have), n))
    if not scored:
        return []
    exact = [n for _, n in scored if tokens(G.nodes[n].get("name")) == want]
    return sorted(exact) if exact else sorted(n for _, n in scored)


def find_in_store(store: st.Store, ref: str) -> tuple[list[str], nx.MultiDiGraph]:
    """`find_documents` over a store, with the part of its graph that holds the answers. An id, a
    symbol or a number is looked up in the store's indexes; only words of a name need the whole graph."""
    if not store.indexed:
        return find_documents(store.graph, ref), store.graph
    ref = ref.strip()
    if ref in (one := store.subgraph([ref])) and one.nodes[ref].get("kind") == "Document":
        return [ref], one
    ids = store.documents_by(symbol=ref.partition("@")[0])
    if not ids and (m := _NUMBERED.match(ref)) and m.group("type"):
        ids = store.documents_by(number=m.group("num"))
    if ids:
        part = store.subgraph(ids)
        if found := find_documents(part, ref):
            return found, part
    return find_documents(store.graph, ref), store.graph


def resolve_in_store(store: st.Store, ref: str) -> tuple[str, nx.MultiDiGraph]:
    """`resolve_ref` over a store: the one document `ref` means, and the part of the graph it is in."""
    ids, part = find_in_store(store, ref)
    if not ids:
        raise DocumentNotFound(f"no document matches {ref!r}")
    if len(ids) > 1:
        raise AmbiguousReference(ref, ids)
    return ids[0], part


def resolve_ref(G: nx.MultiDiGraph, ref: str) -> str:
    """The one document `ref` means; DocumentNotFound or AmbiguousReference otherwise."""
    ids = find_documents(G, ref)
    if not ids:
        raise DocumentNotFound(f"no document matches {ref!r}")
    if len(ids) > 1:
        raise AmbiguousReference(ref, ids)
    return ids[0]


def describe(G: nx.MultiDiGraph, nid: str) -> str:
    """One line: symbol or name, type, date, issuer."""
    a = G.nodes[nid]
    head = a.get("symbol") or a.get("name") or nid
    bits = [x for x in (a.get("type") if a.get("symbol") else None, a.get("date"), a.get("issuer")) if x]
    return f"{head} ({', '.join(bits)})" if bits else head


def document_card(G: nx.MultiDiGraph, nid: str) -> dict:
    """A document with its relations in both directions, each with evidence."""
    a = dict(G.nodes[nid])
    out_rel = [
        {
            "type": k,
            "label": d.get("label"),
            "other": t,
            "other_label": describe(G, t),
            "evidence": d.get("evidence", []),
        }
        for _, t, k, d in sorted(G.out_edges(nid, keys=True, data=True), key=lambda e: (e[2], e[1]))
        if G.nodes[t].get("kind") == "Document"
    ]
    in_rel = [
        {
            "type": k,
            "label": d.get("label"),
            "other": s,
            "other_label": describe(G, s),
            "evidence": d.get("evidence", []),
        }
        for s, _, k, d in sorted(G.in_edges(nid, keys=True, data=True), key=lambda e: (e[2], e[0]))
        if G.nodes[s].get("kind") == "Document"
    ]
    a.pop("kind", None)
    obligations = sum(1 for _, _, k in G.out_edges(nid, keys=True) if k == "DAT_RA")
    return {"id": nid, **a, "obligations": obligations, "relations_out": out_rel, "relations_in": in_rel}
