"""Counts that tell a researcher what the store holds and what it could not resolve."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from vbgraph.graph import store as st

if TYPE_CHECKING:  # annotations only: commands that read the store's indexes never load networkx
    import networkx as nx


def graph_stats(G: nx.MultiDiGraph) -> dict:
    docs = list(st.documents(G))
    rels = list(st.relations(G))
    return {
        "files": len(G.graph.get("files", [])),
        "documents": len(docs),
        "in_corpus": sum(1 for _, a in docs if a.get("in_corpus")),
        "relations": len(rels),
        "by_type": dict(
            sorted(Counter(a.get("type") or "?" for _, a in docs).items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        "by_level": dict(sorted(Counter(a.get("level") or "?" for _, a in docs).items())),
        "by_relation": dict(sorted(Counter(k for _, _, k, _ in rels).items())),
        "issues": G.graph.get("issues", []),
    }


def store_stats(store: st.Store) -> dict:
    """`graph_stats` of a store, counted by its tables without loading the graph."""
    if not store.indexed:
        return graph_stats(store.graph)
    docs = store.count_documents_by("type", "level", "in_corpus")
    by_type: Counter = Counter()
    by_level: Counter = Counter()
    for (type_, level, _), n in docs.items():
        by_type[type_ or "?"] += n
        by_level[level or "?"] += n
    rels = store.count_relations()
    graph = store.graph_attributes()
    return {
        "files": len(graph.get("files", [])),
        "documents": sum(docs.values()),
        "in_corpus": sum(n for (_, _, inside), n in docs.items() if inside),
        "relations": sum(rels.values()),
        "by_type": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_level": dict(sorted(by_level.items())),
        "by_relation": dict(sorted(rels.items())),
        "issues": graph.get("issues", []),
    }
