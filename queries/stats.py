"""Counts that tell a researcher what the store holds and what it could not resolve."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from vbgraph.graph import store as st


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
