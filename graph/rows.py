"""The graph as the store's table rows: a node's row with the columns its lookups use."""

from __future__ import annotations

import json


def symbol_key(symbol: str) -> str:
    """A symbol as people type it: '109-NQ/TU', '109 - nq/tu' and '109–NQ/TU' are one key."""
    from vbgraph.loaders.normalize import fold  # not imported by commands that only read

    return "".join(fold(symbol).split()).replace("–", "-")


def label_row(n: str, a: dict) -> tuple[str, str | None, str | None, str | None]:
    """(id, label, date, jurisdiction) of a document: what a table of a whole relation shows of
    each end (`vbgraph implements`), its label being the symbol or else the name."""
    return (n, a.get("symbol") or a.get("name"), a.get("date"), a.get("jurisdiction"))


# `json.dumps(…, ensure_ascii=False, sort_keys=True)` with its encoder made once, not per call
_to_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def node_row(n: str, a: dict) -> tuple:
    """(id, kind, attributes as JSON, symbol key, number, file): a document's lookups by symbol,
    number and file read the last three."""
    attrs = _to_json({k: v for k, v in a.items() if k != "kind"})
    if a["kind"] != "Document":
        return (n, a["kind"], attrs, None, None, None)
    symbol, number, source = a.get("symbol"), a.get("number"), a.get("source") or {}
    return (
        n,
        a["kind"],
        attrs,
        symbol_key(symbol) if symbol else None,
        number.lstrip("0") if number else None,
        source.get("file"),
    )


def title_words(a: dict) -> str:
    """What the titles index holds of a document: its symbol, name and title, folded."""
    from vbgraph.loaders.normalize import fold

    return fold(" ".join(x for x in (a.get("symbol"), a.get("name"), a.get("title")) if x))
