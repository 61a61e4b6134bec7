"""The canned research questions: each a `.cypher` file beside this module and its embedded twin.

Both sides take the same parameters and return rows with the same columns, so a question asked
of the embedded store and of Neo4j gets the same answer (tests/test_query_parity.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from vbgraph.graph.store import Store
from vbgraph.queries import indexed as ix
from vbgraph.queries import obligations as ob
from vbgraph.queries import research as rs

if TYPE_CHECKING:  # annotations only: commands that read the store's indexes never load networkx
    import networkx as nx


@dataclass(frozen=True)
class CannedQuery:
    name: str
    embedded_fn: Callable[..., list[dict]]
    columns: tuple[str, ...]
    params: dict = field(default_factory=dict)  # name -> default
    required: tuple[str, ...] = ()

    @property
    def cypher(self) -> str:
        return _cypher_text(self.name)

    @property
    def description(self) -> str:
        first = self.cypher.splitlines()[0]
        return first.removeprefix("//").strip()

    def bind(self, params: dict | None) -> dict:
        """Defaults filled in; unknown names refused."""
        params = dict(params or {})
        unknown = set(params) - set(self.params)
        if unknown:
            raise ValueError(
                f"{self.name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                f"it takes {', '.join(self.params) or 'none'}"
            )
        out = {**self.params, **params}
        missing = [p for p in self.required if out.get(p) is None]
        if missing:
            raise ValueError(f"{self.name}: needs --param {missing[0]}=…")
        for name, (lo, hi) in WHOLE.items():
            if name in out and (name != "depth" or out[name] is not None):
                out[name] = _whole(name, out[name], lo, hi)
        return out

    def embedded(self, G: nx.MultiDiGraph, **params) -> list[dict]:
        rows = self.embedded_fn(G, **self.bind(params))
        return [{c: r.get(c) for c in self.columns} for r in rows]

    def in_store(self, store: Store, **params) -> list[dict]:
        """The embedded answer from a store's indexes: `embedded` on the part of the graph the
        question reads (queries/indexed.py), not on the whole graph."""
        bound = self.bind(params)
        return self.embedded(ix.part_of(store, ix.CANNED_PARTS[self.name], **bound), **bound)


WHOLE = {"depth": (0, 1_000), "limit": (0, 1_000_000)}  # whole-number parameters and their bounds


def _whole(name: str, value: object, lo: int, hi: int) -> int:
    """A whole-number parameter from the command line ("3" or 3), refused by name when it is
    anything else or out of bounds (a number past 64 bits reaches no database)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"--param {name}: {value!r} is not a whole number")
    try:
        n = int(value)
    except ValueError:
        raise ValueError(f"--param {name}: {value!r} is not a whole number") from None
    if not lo <= n <= hi:
        raise ValueError(f"--param {name}: {n} is out of range ({lo} to {hi:,})")
    return n


@cache
def _cypher_text(name: str) -> str:
    return resources.files("vbgraph.queries").joinpath(f"{name}.cypher").read_text(encoding="utf-8")


_LINEAGE = ("document", "depth", "symbol", "type", "date", "level", "jurisdiction")

QUERIES: dict[str, CannedQuery] = {
    q.name: q
    for q in (
        CannedQuery(
            "lineage_up",
            lambda G, id, depth: rs.lineage(G, id, "up", depth),
            _LINEAGE,
            {"id": None, "depth": None},
            ("id",),
        ),
        CannedQuery(
            "lineage_down",
            lambda G, id, depth: rs.lineage(G, id, "down", depth),
            _LINEAGE,
            {"id": None, "depth": None},
            ("id",),
        ),
        CannedQuery(
            "central_implementations",
            lambda G, jurisdiction: rs.central_implementations(G, jurisdiction),
            ("central", "central_symbol", "jurisdiction", "local", "local_symbol", "local_date", "depth"),
            {"jurisdiction": None},
        ),
        CannedQuery(
            "central_not_implemented",
            lambda G, jurisdiction: rs.central_not_implemented(G, jurisdiction),
            ("jurisdiction", "central", "label", "citations"),
            {"jurisdiction": None},
        ),
        CannedQuery(
            "supersession",
            lambda G, id: rs.supersession(G, id),
            ("document", "label", "replaced_by", "by_label", "relation"),
            {"id": None},
        ),
        CannedQuery(
            "citing",
            lambda G, id: rs.citing(G, id),
            ("source", "label", "relation", "date"),
            {"id": None},
            ("id",),
        ),
        CannedQuery(
            "obligations_of_body",
            lambda G, body, status: rs.obligations_of_body(G, body, status),
            ("obligation", "document", "body", "role", "due", "status"),
            {"body": None, "status": None},
        ),
        CannedQuery(
            "planned_documents",
            lambda G, id: ob.planned_documents(G, id),
            (
                "obligation",
                "planned_type",
                "planned_title",
                "due",
                "fulfilled_by",
                "fulfilled_date",
                "fulfilment",
            ),
            {"id": None},
            ("id",),
        ),
        CannedQuery(
            "most_implemented",
            lambda G, limit: rs.most_implemented(G, limit),
            ("document", "label", "implementers"),
            {"limit": 10},
        ),
        CannedQuery(
            "unresolved_references",
            lambda G: rs.unresolved_references(G),
            ("kind", "file", "line", "message"),
        ),
    )
}


def get(name: str) -> CannedQuery:
    try:
        return QUERIES[name]
    except KeyError:
        raise ValueError(f"unknown query {name!r}; `vbgraph queries` lists them") from None


def run(
    name: str,
    backend: str = "embedded",
    G: nx.MultiDiGraph | None = None,
    params: dict | None = None,
    conn: dict | None = None,
    store: Store | None = None,
    resolve: bool = False,
) -> list[dict]:
    """Run a canned query on the embedded graph `G`, or on a `store` by its indexes, or on Neo4j
    (conn: uri, user, password, database).

    With `resolve`, on Neo4j, a REF in `id` (`52-NQ/TW`, `NQ 52`, words of a name) is first
    resolved by the server (queries/neo4j_lookup.py, the twin of lookup.py) on the same
    connection: DocumentNotFound or AmbiguousReference if it is not one document. The embedded
    side resolves REFs with lookup.py before calling this."""
    q = get(name)
    if backend == "embedded":
        if store is not None:
            return q.in_store(store, **(params or {}))
        if G is None:
            raise ValueError("the embedded backend needs a graph or a store")
        return q.embedded(G, **(params or {}))
    if backend == "neo4j":
        from vbgraph.queries.neo4j_runner import reader, run_cypher

        bound = q.bind(params)
        if not (resolve and isinstance(bound.get("id"), str)):
            rows = run_cypher(q.cypher, bound, **(conn or {}))
        else:
            from vbgraph.queries.neo4j_lookup import resolve_ref

            with reader(**(conn or {})) as read:
                bound["id"] = resolve_ref(read, bound["id"])
                rows = read(q.cypher, bound)
        return [{c: r.get(c) for c in q.columns} for r in rows]
    raise ValueError(f"unknown backend {backend!r}; choose embedded or neo4j")
