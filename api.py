"""The Python API: what the command line does, for notebooks and scripts.

Open a store, read files into it, and ask it the research questions; answers are the model's
objects (graph/model.py: Document, Body, Relation, Obligation), or tables with `to_pandas`.

>>> import tempfile, vbgraph
>>> corpus = vbgraph.open_store(tempfile.mkdtemp())
>>> report = corpus.ingest(*vbgraph.sample_files())
>>> len(report.added)
2
>>> doc = corpus.document("53-KL/TU")
>>> doc.type, doc.date, doc.in_corpus
('Kết luận', '2021-03-03', True)
>>> [(step.document.symbol, step.document.date, step.depth) for step in corpus.lineage("53-KL/TU")]
[('109-NQ/TU', '2016-07-04', 1)]
>>> [d.symbol for d in corpus.implementers("52-NQ/TW")]
['175-KH/TU']
>>> task = corpus.obligations(document="109-NQ/TU@2021")[0]
>>> task.deadline.end, task.assignees[0].role
('2021-07-31', 'thuc_hien')
>>> corpus.search("chuyển đổi số", limit=1)[0].document.symbol
'111-NQ/TU'
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from vbgraph.graph import store as st
from vbgraph.graph.model import Body, Document, Obligation, Relation
from vbgraph.graph.store import IngestReport, Store
from vbgraph.ontology.relations import Rel

__all__ = ["Corpus", "Hit", "Step", "open_store", "sample_files"]


@dataclass(frozen=True)
class Step:
    """One document on a lineage, `depth` relation steps from where it started."""

    document: Document
    depth: int


@dataclass(frozen=True)
class Hit:
    """A document found by words, with the line that matched (None when its title or symbol did)."""

    document: Document
    score: float
    line: int | None
    context: str | None


def sample_files() -> list[Path]:
    """The two real compilations bundled with vbgraph (Bắc Giang, Đắk Lắk)."""
    return sorted(Path(str(resources.files("vbgraph").joinpath("sample"))).glob("*.txt"))


def open_store(path: str | Path | None = None) -> Corpus:
    """The store in `path` (default: $VBGRAPH_STORE or ./.vbgraph); created on the first ingest."""
    return Corpus(path)


class Corpus:
    """A store of documents and the questions researchers ask of it."""

    def __init__(self, path: str | Path | None = None):
        self.store = Store(path)

    def __repr__(self) -> str:
        return f"Corpus({str(self.store.dir)!r})"

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx graph itself, for anything the API does not ask."""
        return self.store.graph

    # -- reading ------------------------------------------------------------------------------
    def ingest(self, *paths: str | Path, ocr: bool = False) -> IngestReport:
        """Read files and folders (text, PDF, Word, web pages); see `report.failed` and `report.skipped`."""
        return self.store.ingest(paths, ocr=ocr)

    # -- looking up -----------------------------------------------------------------------------
    def document(self, ref: str) -> Document:
        """One document by symbol ('109-NQ/TU', '109-NQ/TU@2016'), id or words of its name.
        Raises DocumentNotFound, or AmbiguousReference listing the candidates."""
        from vbgraph.queries.lookup import resolve_ref

        nid = resolve_ref(self.graph, ref)
        return Document.from_node(nid, self.graph.nodes[nid])

    def documents(
        self, *, jurisdiction: str | None = None, type: str | None = None, in_corpus: bool | None = None
    ) -> list[Document]:
        """Documents, sorted by id; filters combine."""
        out = [Document.from_node(n, a) for n, a in st.documents(self.graph)]
        return [
            d
            for d in out
            if (jurisdiction is None or d.jurisdiction == jurisdiction)
            and (type is None or d.type == type)
            and (in_corpus is None or d.in_corpus == in_corpus)
        ]

    def relations(self, ref: str | None = None, *, type: str | None = None) -> list[Relation]:
        """Relations from or to `ref` (all when None), of one type ('THUC_HIEN') or any."""
        nid = self.document(ref).id if ref else None
        return [
            Relation.from_edge(s, t, k, a)
            for s, t, k, a in st.relations(self.graph)
            if (nid is None or nid in (s, t)) and (type is None or k == type)
        ]

    def bodies(self, *, jurisdiction: str | None = None, named_only: bool = False) -> list[Body]:
        """Bodies, sorted by id; `named_only` leaves out kinds of units ('sở', 'ngành tỉnh')."""
        out = [Body.from_node(n, a) for n, a in st.bodies(self.graph)]
        return [
            b
            for b in out
            if (jurisdiction is None or b.jurisdiction == jurisdiction) and not (named_only and b.generic)
        ]

    # -- research questions ----------------------------------------------------------------------
    def lineage(self, ref: str, *, direction: str = "up", depth: int | None = None) -> list[Step]:
        """What `ref` implements, transitively, up to the central documents ("up"), or everything
        that implements it ("down"), nearest first."""
        from vbgraph.queries import research

        if direction not in ("up", "down"):
            raise ValueError(f"direction is 'up' or 'down', not {direction!r}")
        rows = research.lineage(self.graph, self.document(ref).id, direction, depth)
        return [
            Step(Document.from_node(r["document"], self.graph.nodes[r["document"]]), r["depth"]) for r in rows
        ]

    def implementers(self, ref: str) -> list[Document]:
        """The documents that directly implement `ref` (THUC_HIEN), by date."""
        nid = self.document(ref).id
        found = {s for s, _, k in self.graph.in_edges(nid, keys=True) if k == Rel.THUC_HIEN.value}
        docs = [Document.from_node(n, self.graph.nodes[n]) for n in found]
        return sorted(docs, key=lambda d: (d.date or "", d.id))

    def obligations(
        self,
        *,
        body: str | None = None,
        document: str | None = None,
        due_before: str | None = None,
        status: str | None = None,
    ) -> list[Obligation]:
        """Tasks, by deadline: of a body (words of its name), set out by a document, due before a
        day (ISO), with a status (open, late, done)."""
        from vbgraph.queries.obligations import obligations

        doc_id = self.document(document).id if document else None
        rows = obligations(self.graph, body=body, document=doc_id, due_before=due_before, status=status)
        return [Obligation.from_node(r["id"], self.graph.nodes[r["id"]]) for r in rows]

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Documents whose symbol, title or text hold the words, best first."""
        from vbgraph.queries.search import search

        rows = search(self.graph, self.store.texts, text, limit=limit)
        return [
            Hit(
                Document.from_node(r["document"], self.graph.nodes[r["document"]]),
                r["score"],
                r["line"],
                r["context"],
            )
            for r in rows
        ]

    # -- out --------------------------------------------------------------------------------------
    def export(self, path: str | Path, format: str = "json") -> Path:
        """Write the graph: json (graph-json-v1), ttl, jsonld, nt, graphml, csv (a folder)."""
        from vbgraph.exports import FORMATS

        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; choose one of: {', '.join(sorted(FORMATS))}")
        FORMATS[format](self.graph, Path(path))
        return Path(path)

    def view(self, path: str | Path, ref: str | None = None, **options: Any) -> Path:
        """An interactive HTML map (one file, works offline) of `ref`'s neighbourhood or the whole
        graph; options as `vbgraph view` (depth, direction, relations, jurisdiction, …)."""
        from vbgraph.exports.html_view import build_view, write_html

        ref_id = self.document(ref).id if ref else None
        return write_html(build_view(self.graph, ref_id, **options), path)

    def to_pandas(self, what: str = "documents") -> Any:
        """A pandas DataFrame of documents, bodies, relations or obligations (pip install pandas)."""
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError("to_pandas needs pandas: pip install 'vbgraph[pandas]'") from e
        from vbgraph.exports.json_export import generate

        data = generate(self.graph)
        if what not in ("documents", "bodies", "relations", "obligations"):
            raise ValueError(f"what is documents, bodies, relations or obligations, not {what!r}")
        return pd.json_normalize(data[what])
