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

import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from vbgraph.graph import store as st
from vbgraph.graph.model import Body, Document, Obligation, Relation
from vbgraph.graph.store import IngestReport, Store
from vbgraph.ontology.relations import Rel

__all__ = ["Corpus", "Hit", "Step", "example_corpus", "open_store", "sample_files"]


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


_EXAMPLE = {
    "kh-175.txt": """TỈNH ỦY BẮC GIANG

Số 175-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Bắc Giang, ngày 08 tháng 6 năm 2021

KẾ HOẠCH

thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư

Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:

II- TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông tổ chức tuyên truyền Nghị quyết, xong trong quý III/2021.

2. Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện Nghị quyết, hoàn thành trước ngày 30/9/2021.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Lê Thị Thu Hồng
""",
    "kh-20.txt": """HUYỆN ỦY LỤC NAM

Số 20-KH/HU

ĐẢNG CỘNG SẢN VIỆT NAM

Lục Nam, ngày 20 tháng 7 năm 2021

KẾ HOẠCH

thực hiện Kế hoạch số 175-KH/TU ngày 08/6/2021 của Ban Thường vụ Tỉnh ủy về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư

Thực hiện Kế hoạch số 175-KH/TU ngày 08/6/2021 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn An
""",
}


def example_corpus() -> Corpus:
    """A small corpus for examples and tests: a province's plan implementing 52-NQ/TW, with two
    tasks, and a district's plan implementing it, ingested into a temporary store."""
    folder = Path(tempfile.mkdtemp(prefix="vbgraph-example-"))
    for name, text in _EXAMPLE.items():
        (folder / name).write_text(text, encoding="utf-8")
    corpus = Corpus(folder / "store")
    corpus.ingest(folder / "kh-175.txt", folder / "kh-20.txt")
    return corpus


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
    def ingest(self, *paths: str | Path, ocr: bool = False, jobs: int | None = None) -> IngestReport:
        """Read files and folders (text, PDF, Word, web pages); see `report.failed` and `report.skipped`.
        Unchanged files are not read again; `jobs` processes parse (default: all cores).

        >>> corpus = open_store(tempfile.mkdtemp())
        >>> report = corpus.ingest(*sample_files())
        >>> len(report.added), report.failed, report.skipped
        (2, [], [])
        """
        return self.store.ingest(paths, ocr=ocr, jobs=jobs)

    # -- looking up -----------------------------------------------------------------------------
    def document(self, ref: str) -> Document:
        """One document by symbol ('109-NQ/TU', '109-NQ/TU@2016'), id or words of its name.
        Raises DocumentNotFound, or AmbiguousReference listing the candidates.

        >>> corpus = example_corpus()
        >>> doc = corpus.document("175-KH/TU")
        >>> doc.id, doc.type, doc.issuer, doc.source.first_line
        ('bac-giang:175-KH/TU@2021-06-08', 'Kế hoạch', 'Ban Thường vụ Tỉnh ủy Bắc Giang', 1)
        """
        from vbgraph.queries.lookup import resolve_in_store

        nid, part = resolve_in_store(self.store, ref)
        return Document.from_node(nid, part.nodes[nid])

    def documents(
        self, *, jurisdiction: str | None = None, type: str | None = None, in_corpus: bool | None = None
    ) -> list[Document]:
        """Documents, sorted by id; filters combine.

        >>> [d.symbol for d in example_corpus().documents(in_corpus=False)]
        ['52-NQ/TW']
        """
        equal = {k: v for k, v in (("jurisdiction", jurisdiction), ("type", type)) if v is not None}
        out = [Document.from_node(n, a) for n, a in self.store.nodes_with("Document", **equal)]
        return [d for d in out if in_corpus is None or d.in_corpus == in_corpus]

    def relations(self, ref: str | None = None, *, type: str | None = None) -> list[Relation]:
        """Relations from or to `ref` (all when None), of one type ('THUC_HIEN') or any.

        >>> rel = example_corpus().relations("20-KH/HU", type="THUC_HIEN")[0]
        >>> rel.target, rel.label, rel.evidence[0].file, rel.evidence[0].line
        ('bac-giang:175-KH/TU@2021-06-08', 'thực hiện', 'kh-20.txt', 11)
        """
        nid = self.document(ref).id if ref else None
        codes = [r.value for r in Rel if type is None or r.value == type]
        return (
            [Relation.from_edge(s, t, k, a) for s, t, k, a in self.store.edges_of(codes, nid)]
            if codes
            else []
        )

    def bodies(self, *, jurisdiction: str | None = None, named_only: bool = False) -> list[Body]:
        """Bodies, sorted by id; `named_only` leaves out kinds of units ('sở', 'ngành tỉnh').

        >>> [b.name for b in example_corpus().bodies() if b.name.startswith("Ban")]
        ['Ban Thường vụ Huyện ủy Lục Nam', 'Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy']
        """
        out = [Body.from_node(n, a) for n, a in st.bodies(self.store.of_kind("Body"))]
        return [
            b
            for b in out
            if (jurisdiction is None or b.jurisdiction == jurisdiction) and not (named_only and b.generic)
        ]

    # -- research questions ----------------------------------------------------------------------
    def lineage(self, ref: str, *, direction: str = "up", depth: int | None = None) -> list[Step]:
        """What `ref` implements, transitively, up to the central documents ("up"), or everything
        that implements it ("down"), nearest first.

        >>> [(s.document.symbol, s.depth) for s in example_corpus().lineage("20-KH/HU")]
        [('175-KH/TU', 1), ('52-NQ/TW', 2)]
        >>> [(s.document.symbol, s.depth) for s in example_corpus().lineage("52-NQ/TW", direction="down")]
        [('175-KH/TU', 1), ('20-KH/HU', 2)]
        """
        from vbgraph.queries import research

        if direction not in ("up", "down"):
            raise ValueError(f"direction is 'up' or 'down', not {direction!r}")
        nid = self.document(ref).id
        part = self.store.around(nid, research.IMPLEMENTS, direction=direction, depth=depth)
        rows = research.lineage(part, nid, direction, depth)
        return [Step(Document.from_node(r["document"], part.nodes[r["document"]]), r["depth"]) for r in rows]

    def implementers(self, ref: str) -> list[Document]:
        """The documents that directly implement `ref` (THUC_HIEN), by date.

        >>> [d.symbol for d in example_corpus().implementers("175-KH/TU")]
        ['20-KH/HU']
        """
        nid = self.document(ref).id
        part = self.store.around(nid, [Rel.THUC_HIEN.value], direction="down", depth=1)
        found = {s for s, _, k in part.in_edges(nid, keys=True) if k == Rel.THUC_HIEN.value}
        docs = [Document.from_node(n, part.nodes[n]) for n in found]
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
        day (ISO), with a status (open, late, done).

        >>> task = example_corpus().obligations(body="Ban Tuyên giáo")[0]
        >>> [(a.body, a.role) for a in task.assignees], task.deadline.end
        ([('bac-giang:ban-tuyen-giao-tinh-uy', 'chu_tri'), ('bac-giang:so-thong-tin-va-truyen-thong', 'phoi_hop')], '2021-09-30')
        """
        from vbgraph.queries.obligations import obligations_in_store

        doc_id = self.document(document).id if document else None
        rows, part = obligations_in_store(
            self.store, body=body, document=doc_id, due_before=due_before, status=status
        )
        return [Obligation.from_node(r["id"], part.nodes[r["id"]]) for r in rows]

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Documents whose symbol, title or text hold the words, best first.

        >>> hit = example_corpus().search("Cách mạng công nghiệp", limit=1)[0]
        >>> hit.document.symbol, hit.score > 0
        ('175-KH/TU', True)
        """
        from vbgraph.queries.search import search_store

        rows = search_store(self.store, text, limit=limit)
        found = self.store.subgraph(r["document"] for r in rows)
        return [
            Hit(
                Document.from_node(r["document"], found.nodes[r["document"]]),
                r["score"],
                r["line"],
                r["context"],
            )
            for r in rows
        ]

    # -- out --------------------------------------------------------------------------------------
    def export(self, path: str | Path, format: str = "json") -> Path:
        """Write the graph: json (graph-json-v1), ttl, jsonld, nt, graphml, csv (a folder).

        >>> import json
        >>> path = example_corpus().export(Path(tempfile.mkdtemp()) / "graph.json")
        >>> len(json.loads(path.read_text(encoding="utf-8"))["documents"])
        3
        """
        from vbgraph.exports import FORMATS

        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; choose one of: {', '.join(sorted(FORMATS))}")
        FORMATS[format](self.graph, Path(path))
        return Path(path)

    def view(self, path: str | Path, ref: str | None = None, assets: str = "inline", **options: Any) -> Path:
        """An interactive HTML map (one file, works offline) of `ref`'s neighbourhood or the whole
        graph; options as `vbgraph view` (depth, direction, relations, jurisdiction, max_nodes,
        overview: None, the default, draws an overview above max_nodes, False refuses, True always;
        assets "inline" or "shared", vis-network written once into vbgraph-assets/ beside the page).

        >>> page = example_corpus().view(Path(tempfile.mkdtemp()) / "view.html", "175-KH/TU", depth=1)
        >>> page.suffix, page.stat().st_size > 10_000
        ('.html', True)
        """
        from vbgraph.exports.html_view import write_html
        from vbgraph.queries.view import build_view_in_store

        ref_id = self.document(ref).id if ref else None
        options.setdefault("overview", None)
        return write_html(build_view_in_store(self.store, ref_id, **options), path, assets=assets)

    def to_pandas(self, what: str = "documents") -> Any:
        """A pandas DataFrame of documents, bodies, relations or obligations (pip install pandas).

        >>> frame = example_corpus().to_pandas("obligations")
        >>> list(frame["deadline.end"])
        ['2021-09-30', '2021-09-30']
        """
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError("to_pandas needs pandas: pip install 'vbgraph[pandas]'") from e
        from vbgraph.exports.json_export import nfc

        # each section as graph-json-v1 writes it, read from its own table (not the whole graph)
        kinds: dict[str, type[Document] | type[Body] | type[Obligation]] = {
            "documents": Document,
            "bodies": Body,
            "obligations": Obligation,
        }
        if what == "relations":
            items = [r.to_dict() for r in self.relations()]
        elif what in kinds:
            model = kinds[what]
            items = [model.from_node(n, a).to_dict() for n, a in self.store.nodes_with(model.__name__)]
        else:
            raise ValueError(f"what is documents, bodies, relations or obligations, not {what!r}")
        return pd.json_normalize([nfc(item) for item in items])
