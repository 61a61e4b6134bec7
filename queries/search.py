"""Search over symbols, titles and document text, insensitive to diacritics, case and tone placement.

"chuyen doi so" finds "chuyển đổi số"; "uy ban kiem tra" finds "Ủy ban Kiểm tra" and "Uỷ ban kiểm tra".
Ranking: a hit in the symbol or name counts most, then the title, then each line of the text.
"""

from __future__ import annotations

import bisect
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
        line_no = None
        named = titled is None or nid in titled
        score, where, context = _by_name(a, rx) if named else (0.0, None, None)
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


def _head(a: dict) -> str:
    return " ".join(x for x in (a.get("symbol"), a.get("name")) if x)


def _by_name(a: dict, rx: re.Pattern) -> tuple[float, str | None, str | None]:
    """What a document's symbol or name and its title score, where the first match is, and the
    title as context when it matches."""
    score, where, context = 0.0, None, None
    if rx.search(fold(_head(a))):
        score += WEIGHTS["symbol"]
        where = "symbol"
    if a.get("title") and rx.search(fold(a["title"])):
        score += WEIGHTS["title"]
        where = where or "title"
        context = a["title"]
    return score, where, context


def _in_range(lines: Sequence[str] | Mapping[int, str], first: int, last: int) -> Iterable[int]:
    """Numbers of the lines from `first` to `last` there are: all of a file's, or the ones a
    full-text index found (a mapping of line number to text)."""
    if isinstance(lines, Mapping):
        return sorted(i for i in lines if first <= i <= last)
    return range(first, min(last, len(lines) - 1) + 1)


def search_store(
    store: st.Store, query: str, limit: int = 20, *, notes: list[str] | None = None
) -> list[dict]:
    """`search` over a store, reading only what can rank among the first `limit`.

    The full-text indexes give the lines and titles that may match, without their text; with each
    document's place in its file, that bounds every document's score from above (the index finds
    a superset of what `search` matches). The documents are then ranked by `search` in batches,
    best bound first, until the next bound cannot beat the last row kept: a phrase found in many
    documents costs their line numbers and places, not their text and attributes.

    Bounded: a phrase in more than LINES_READ lines (TITLES_READ titles) is ranked among the
    documents of the first of them the index holds, and `notes` gets a line saying so; below
    that, the ranking is `search`'s."""
    words = fold(query).split()
    if not store.indexed or not any(c.isalnum() for c in query):  # the index holds words only
        return search(store.graph, store.texts, query, limit)
    rx = _phrase(query)
    titled = store.documents_titled(words, limit=TITLES_READ)
    places = store.line_places(words, limit=LINES_READ)
    if notes is not None and (len(titled) >= TITLES_READ or sum(map(len, places.values())) >= LINES_READ):
        notes.append(
            f"{query!r} is in more than {LINES_READ:,} lines or {TITLES_READ:,} titles: ranked among "
            "the first of them only; add words to narrow it"
        )
    order = _best_first(store, rx, titled, places)
    G = nx.MultiDiGraph()
    texts: dict[str, dict[int, str]] = {}
    folded: dict[str, dict[int, str]] = {}
    rows: list[dict] = []
    start, size = 0, len(order) if limit < 1 else max(2 * limit, 50)
    while start < len(order):
        _read(store, [n for _, n in order[start : start + size]], G, (texts, folded))
        start, size = start + size, 2 * size
        rows = search(G, texts, query, limit, folded=folded)  # a few documents: every title folded
        if len(rows) == limit and start < len(order) and order[start][0] > _rank(rows[-1]):
            break
    return rows


LINES_READ = 20_000  # matching lines a search reads at most (a phrase in most documents has more)
TITLES_READ = 5_000  # matching symbols, names and titles a search reads at most

Bound = tuple[float, str, str]  # (-score at best, date, id): `search`'s order, from its best case


def _rank(row: dict) -> Bound:
    return (-row["score"], row["date"] or "", row["document"])


def _best_first(
    store: st.Store, rx: re.Pattern, titled: set[str], places: Mapping[str, list[int]]
) -> list[tuple[Bound, str]]:
    """Every document that may match, best possible rank first: its symbol or name scored as
    `search` scores it, its title as if it matched, its lines in the index counted (no fewer
    than `search` matches). Titles are long, and folding them is most of ranking."""
    best: dict[str, float] = {}
    dates: dict[str, str | None] = {}
    for n, a in store.skeleton(titled, (), ("symbol", "name", "date")).nodes(data=True):
        best[n] = (WEIGHTS["symbol"] if rx.search(fold(_head(a))) else 0.0) + WEIGHTS["title"]
        dates[n] = a.get("date")
    for n, file, first, last, date in store.document_spans(places):
        lines = places[file]
        found = bisect.bisect_right(lines, last) - bisect.bisect_left(lines, first)
        if found:
            best[n] = best.get(n, 0.0) + WEIGHTS["text"] * min(found, 10)
            dates[n] = date
    return sorted(((-round(v, 1), dates[n] or "", n), n) for n, v in best.items() if v)


def _read(
    store: st.Store,
    ids: list[str],
    G: nx.MultiDiGraph,
    lines: tuple[dict[str, dict[int, str]], dict[str, dict[int, str]]],
) -> None:
    """Add the documents `ids` to `G`, and their lines to (texts, folded), as `search` reads them."""
    texts, folded = lines
    part = store.subgraph(ids, codes=())
    G.add_nodes_from(part.nodes(data=True))
    spans = [
        (a["source"]["file"], a["source"]["first_line"], a["source"]["last_line"])
        for _, a in part.nodes(data=True)
        if a.get("source")
    ]
    for (f, n), (text, low) in store.lines_within(spans).items():
        texts.setdefault(f, {})[n] = text
        folded.setdefault(f, {})[n] = low


def _snippet(line: str, rx: re.Pattern, width: int = 160) -> str:
    """The part of `line` around the match (fold keeps one char per char, so offsets carry over)."""
    f = fold(line)
    m = rx.search(f)
    if not m or len(f) != len(line):
        return line[:width]
    start = max(0, m.start() - width // 3)
    out = line[start : start + width].strip()
    return ("…" if start else "") + out + ("…" if start + width < len(line) else "")
