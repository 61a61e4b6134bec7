"""Search over symbols, titles and document text, insensitive to diacritics, case and tone placement.

"chuyen doi so" finds "chuyển đổi số"; "uy ban kiem tra" finds "Ủy ban Kiểm tra" and "Uỷ ban kiểm tra".
Ranking: a hit in the symbol or name counts most, then the title, then each line of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from vbgraph.graph import store as st
from vbgraph.loaders.normalize import fold, strip_markup

WEIGHTS = {"symbol": 10.0, "title": 8.0, "text": 1.0}


def _phrase(q: str) -> re.Pattern:
    words = [re.escape(w) for w in fold(q).split()]
    return re.compile(r"(?<![a-z0-9])" + r"\W+".join(words) + r"(?![a-z0-9])")


def search(
    G: nx.MultiDiGraph, texts: Mapping[str, Sequence[str] | Mapping[int, str]], query: str, limit: int = 20
) -> list[dict]:
    """Ranked documents matching `query`, each with its best matching line as context."""
    rx = _phrase(query)
    words = fold(query).split()
    if not words:
        return []
    rows: list[dict[str, Any]] = []
    for nid, a in st.documents(G):
        score = 0.0
        where = None
        context = None
        line_no = None
        head = " ".join(x for x in (a.get("symbol"), a.get("name")) if x)
        if rx.search(fold(head)):
            score += WEIGHTS["symbol"]
            where = "symbol"
        if a.get("title") and rx.search(fold(a["title"])):
            score += WEIGHTS["title"]
            where = where or "title"
            context = context or a["title"]
        src = a.get("source")
        if src and src["file"] in texts:
            lines = texts[src["file"]]
            hits = [
                i for i in _in_range(lines, src["first_line"], src["last_line"]) if rx.search(fold(lines[i]))
            ]
            if hits:
                score += WEIGHTS["text"] * min(len(hits), 10)
                where = where or "text"
                line_no = hits[0]
                context = context or _snippet(strip_markup(lines[hits[0]]), rx)
        if score:
            rows.append(
                {
                    "document": nid,
                    "symbol": a.get("symbol") or a.get("name"),
                    "type": a.get("type"),
                    "date": a.get("date"),
                    "score": round(score, 1),
                    "where": where,
                    "line": line_no,
                    "context": context,
                }
            )
    rows.sort(key=lambda r: (-r["score"], r["date"] or "", r["document"]))
    return rows[:limit]


def _in_range(lines: Sequence[str] | Mapping[int, str], first: int, last: int) -> Iterable[int]:
    """Numbers of the lines from `first` to `last` there are: all of a file's, or the ones a
    full-text index found (a mapping of line number to text)."""
    if isinstance(lines, Mapping):
        return sorted(i for i in lines if first <= i <= last)
    return range(first, min(last, len(lines) - 1) + 1)


def search_store(store: st.Store, query: str, limit: int = 20) -> list[dict]:
    """`search` over a store: the full-text indexes of its lines and titles find the candidates,
    `search` ranks them as it would over the whole graph."""
    words = fold(query).split()
    if not store.indexed or not any(c.isalnum() for c in query):  # the index holds words only
        return search(store.graph, store.texts, query, limit)
    hits = store.line_hits(words)
    found = store.documents_titled(words) | store.documents_with_lines(hits)
    by_file: dict[str, dict[int, str]] = {}
    for (file, line), text in hits.items():
        by_file.setdefault(file, {})[line] = text
    return search(store.subgraph(found), by_file, query, limit)


def _snippet(line: str, rx: re.Pattern, width: int = 160) -> str:
    """The part of `line` around the match (fold keeps one char per char, so offsets carry over)."""
    f = fold(line)
    m = rx.search(f)
    if not m or len(f) != len(line):
        return line[:width]
    start = max(0, m.start() - width // 3)
    out = line[start : start + width].strip()
    return ("…" if start else "") + out + ("…" if start + width < len(line) else "")
