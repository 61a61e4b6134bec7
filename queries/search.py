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
    G: nx.MultiDiGraph,
    texts: Mapping[str, Sequence[str] | Mapping[int, str]],
    query: str,
    limit: int = 20,
    *,
    folded: Mapping[str, Mapping[int, str]] | None = None,
    titled: set[str] | None = None,
) -> list[dict]:
    """Ranked documents matching `query`, each with its best matching line as context. An index
    may give the lines `folded` already and the documents whose symbol, name or title can match
    (`titled`): the others' are not folded again."""
    rx = _phrase(query)
    words = fold(query).split()
    if not words:
        return []
    rows: list[dict[str, Any]] = []
    first_hit: dict[str, str] = {}  # document -> its first matching line, made a snippet if shown
    for nid, a in st.documents(G):
        score = 0.0
        where = None
        context = None
        line_no = None
        head = " ".join(x for x in (a.get("symbol"), a.get("name")) if x)
        named = titled is None or nid in titled
        if named and rx.search(fold(head)):
            score += WEIGHTS["symbol"]
            where = "symbol"
        if named and a.get("title") and rx.search(fold(a["title"])):
            score += WEIGHTS["title"]
            where = where or "title"
            context = context or a["title"]
        src = a.get("source")
        if src and src["file"] in texts:
            lines = texts[src["file"]]
            low = folded.get(src["file"], {}) if folded is not None else None
            hits = [
                i
                for i in _in_range(lines, src["first_line"], src["last_line"])
                if rx.search(low[i] if low is not None else fold(lines[i]))
            ]
            if hits:
                score += WEIGHTS["text"] * min(len(hits), 10)
                where = where or "text"
                line_no = hits[0]
                first_hit[nid] = lines[hits[0]]
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
    for r in rows[:limit]:
        if r["context"] is None and r["document"] in first_hit:
            r["context"] = _snippet(strip_markup(first_hit[r["document"]]), rx)
    return rows[:limit]


def _in_range(lines: Sequence[str] | Mapping[int, str], first: int, last: int) -> Iterable[int]:
    """Numbers of the lines from `first` to `last` there are: all of a file's, or the ones a
    full-text index found (a mapping of line number to text)."""
    if isinstance(lines, Mapping):
        return sorted(i for i in lines if first <= i <= last)
    return range(first, min(last, len(lines) - 1) + 1)


def search_store(store: st.Store, query: str, limit: int = 20) -> list[dict]:
    """`search` over a store: the full-text indexes of its lines and titles find the candidates
    (and give each line folded as it was indexed), `search` ranks them as over the whole graph."""
    words = fold(query).split()
    if not store.indexed or not any(c.isalnum() for c in query):  # the index holds words only
        return search(store.graph, store.texts, query, limit)
    hits = store.line_hits(words)
    found = store.documents_with_lines(hits)
    titled = store.documents_titled(words)
    G = store.subgraph(titled - found.keys(), codes=())
    for n, a in found.items():
        G.add_node(n, kind="Document", **a)
    texts: dict[str, dict[int, str]] = {}
    folded: dict[str, dict[int, str]] = {}
    for (file, line), (text, low) in hits.items():
        texts.setdefault(file, {})[line] = text
        folded.setdefault(file, {})[line] = low
    return search(G, texts, query, limit, folded=folded, titled=titled)


def _snippet(line: str, rx: re.Pattern, width: int = 160) -> str:
    """The part of `line` around the match (fold keeps one char per char, so offsets carry over)."""
    f = fold(line)
    m = rx.search(f)
    if not m or len(f) != len(line):
        return line[:width]
    start = max(0, m.start() - width // 3)
    out = line[start : start + width].strip()
    return ("…" if start else "") + out + ("…" if start + width < len(line) else "")
