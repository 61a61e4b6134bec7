"""An interactive HTML view of part of the graph: one self-contained file that works offline.

Two steps, so that the selection can be tested without a browser (queries/view.py selects,
exports/palette.py holds the look):

- `build_view(G, ref_id, depth, direction, relations, jurisdiction, with_obligations, layout,
  max_nodes)` picks the subgraph (a pure function) and refuses, with `ViewTooLarge`, a view
  that would be too big to read;
- `write_html(view, path, assets)` draws it with pyvis/vis-network.

The file is meant to be mailed around and opened anywhere, so it loads nothing: the
vis-network script and stylesheet that ship inside the pyvis package are inlined (pyvis's own
templates still point at Bootstrap on a CDN, so they are not used), and a Content-Security-
Policy with `default-src 'none'` and script hashes forbids every request and every script but
ours. Text from documents never becomes markup: the graph data sits in a JSON block with `<`,
`>` and `&` escaped, and tooltips and panels are built as DOM text nodes.

A folder of views can share one copy of vis-network instead (`assets="shared"`): it is written
once into `vbgraph-assets/` beside the page, under a name that carries its SHA-256, and the page
loads it from there. Subresource Integrity cannot pin it: Chromium refuses an `integrity`
attribute on a file:// script ("requires the request to be CORS enabled"), and no CSP source
names one local file, so the policy allows `'self'` (the page's own origin; on file:// the local
files) besides the hash of the page's own script; everything else stays `'none'`.

Large views are laid out here, not by the browser: above `LARGE_VIEW_NODES` nodes every layout
is a grid computed in Python with the physics off (tree and force fall back to the hierarchical
grid, since vis-network's physics takes over a minute at 2,000 nodes), so the page only draws.
An overview (`view.overview`) draws one box per group of documents (jurisdiction and level), with
the relations between groups counted; a group opens in the page, which swaps the box for the
group's nodes in vis-network's data sets. (vis-network's own clustering, `network.cluster` per
group, took 5 s to close 169 groups of 10,000 nodes and drew every node once before; the swap
draws the boxes only: 1 s from navigation to stable for the same page.)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from vbgraph.exports.palette import (
    CENTRAL,
    DIRECTION_LABELS,
    EDGE_LABELS,
    EDGE_STYLE,
    GROUP_LABELS,
    LEVEL_LABELS,
    LEVEL_ROW,
    NO_PLACE,
    NODE_COLORS,
    ROLE_LABELS,
    STATUS_BORDER,
    STATUS_LABELS,
    TOOLTIP,
    edge_color,
    format_date,
    level_of,
    node_color,
    node_label,
)
from vbgraph.graph import store as st
from vbgraph.loaders.normalize import slug
from vbgraph.queries.view import (
    DIRECTIONS,
    LAYOUTS,
    OVERVIEW_MAX_NODES,
    REL_CODES,
    ViewError,
    ViewOptionError,
    ViewResult,
    ViewTooLarge,
    build_view,
    parse_relations,
)

# The selection lives in queries/view.py and the look in exports/palette.py; both are named here
# too, so `from vbgraph.exports.html_view import build_view, write_html` keeps working.
__all__ = [
    "ASSETS",
    "ASSET_DIR",
    "DIRECTIONS",
    "EDGE_STYLE",
    "LARGE_VIEW_NODES",
    "LAYOUTS",
    "NODE_COLORS",
    "OVERVIEW_MAX_NODES",
    "REL_CODES",
    "Group",
    "ViewError",
    "ViewOptionError",
    "ViewResult",
    "ViewTooLarge",
    "build_view",
    "drawn_layout",
    "edge_color",
    "format_date",
    "node_color",
    "node_label",
    "overview_groups",
    "parse_relations",
    "render_html",
    "shared_assets",
    "view_note",
    "view_title",
    "write_assets",
    "write_html",
]

#: a view with more nodes is large: every layout is computed here with the physics off (tree and
#: force fall back to the hierarchical grid) so that the browser only draws, edge labels start
#: hidden and edges hide while the picture is dragged. In headless Chromium on a 2-core machine
#: the force layout's physics took 3.5 s at 200 nodes, 7 s at 300 and over a minute at 2,000
#: (tree: 1.5 s at 200); the grid is drawn in 0.4 s at 300 and about a second at 2,000.
LARGE_VIEW_NODES = 200
#: where vis-network comes from: inlined in each page, or one copy shared by a folder of pages
ASSETS = ("inline", "shared")
#: the folder, beside the page, of the shared copy
ASSET_DIR = "vbgraph-assets"


def view_title(view: ViewResult) -> str:
    """The page's title: the document and how far the view reaches, or the whole graph."""
    if view.ref_id is None:
        scope = f"toàn bộ văn bản{f' của {view.jurisdiction}' if view.jurisdiction else ''}"
    else:
        depth = "mọi bậc" if view.depth is None else f"{view.depth} bậc"
        scope = (
            f"{node_label(view.ref_id, view.graph.nodes[view.ref_id], one_line=True)}: {depth}, "
            f"{DIRECTION_LABELS[view.direction]}"
        )
    return f"vbgraph — {scope}"


def drawn_layout(view: ViewResult) -> str:
    """The layout the page draws: "overview" for an overview; "hierarchical" for a large view
    asked as tree or force (placed here, not by the browser's physics); else the one asked."""
    if view.overview:
        return "overview"
    if view.layout in ("tree", "force") and len(view.graph) > LARGE_VIEW_NODES:
        return "hierarchical"
    return view.layout


def view_note(view: ViewResult) -> str | None:
    """What the page does differently from what was asked, in one line (for the command line)."""
    if view.overview:
        return (
            f"drew an overview in {len(overview_groups(view))} groups by jurisdiction and level; "
            "double-click a group (or select it and press Enter) to open it"
        )
    if drawn_layout(view) != view.layout:
        return (
            f"the {view.layout} layout of {len(view.graph):,} nodes is drawn as hierarchical, placed "
            f"in advance (above {LARGE_VIEW_NODES} nodes the browser only draws)"
        )
    return None


def _layout_note(view: ViewResult) -> str:
    """The page's own line about its layout."""
    drawn = drawn_layout(view)
    if drawn == "overview":
        return "tổng quan theo địa bàn và cấp: nhấp đúp vào một nhóm (hoặc chọn rồi nhấn Enter) để mở"
    if drawn != view.layout:
        return f"{view.layout} → {drawn} (hơn {LARGE_VIEW_NODES} nút: vị trí tính sẵn)"
    return view.layout


# -- presentation: labels, colours, levels, tooltips ------------------------------------------------


def _bands(view: ViewResult) -> list[tuple[str, list[str]]]:
    """Horizontal bands of the page, top-down: by level, or by year; then tasks, then bodies."""
    G = view.graph
    docs = list(st.documents(G))
    if view.layout == "date":
        years = sorted({(a.get("date") or "")[:4] for _, a in docs})  # "" (undated, mostly named) first
        bands = [(y or "chưa rõ năm", [n for n, a in docs if (a.get("date") or "")[:4] == y]) for y in years]
    else:
        bands = [
            (LEVEL_LABELS.get(lv, "Văn bản chưa rõ cấp"), [n for n, a in docs if level_of(a) == lv])
            for lv in (*LEVEL_ROW, "unknown")
        ]
    bands.append(("Nhiệm vụ", [n for n, _ in st.obligations(G)]))
    bands.append(("Cơ quan được giao", [n for n, _ in st.bodies(G)]))
    return [(name, members) for name, members in bands if members]


NODE_SPACING, LEVEL_SEPARATION, SCREEN_ASPECT = 210, 170, 1.5


def _row_width(sizes: list[int], dx: float = NODE_SPACING, dy: float = LEVEL_SEPARATION) -> int:
    """Nodes per row that make the drawing about as wide, relative to its height, as a screen:
    bands of `sizes` nodes, wrapped at that width, `dx` apart in a row and `dy` between rows."""
    if not sizes:
        return 1

    def aspect(w: int) -> float:
        n_rows = sum(math.ceil(n / w) for n in sizes)
        return min(w, max(sizes)) * dx / (n_rows * dy)

    return min(range(3, max(sizes) + 4), key=lambda w: (abs(math.log(aspect(w) / SCREEN_ASPECT)), w))


def levels(view: ViewResult, per_row: int | None = None) -> tuple[dict[str, int], list[tuple[str, int, int]]]:
    """Row of each node and the bands as (name, first row, last row).

    Rows read top-down by level (central, province, district) or by year, and left to right by
    date; a band with more than `per_row` nodes wraps onto several rows, so that a neighbourhood
    of forty documents is not one unreadable line.
    """
    G = view.graph
    groups = _bands(view)
    width = per_row or _row_width([len(m) for _, m in groups])
    rows: dict[str, int] = {}
    bands: list[tuple[str, int, int]] = []
    row = 0
    for name, members in groups:
        members.sort(key=lambda n: (G.nodes[n].get("date") or "", G.nodes[n].get("document") or "", n))
        first = row
        for i in range(0, len(members), width):
            for n in members[i : i + width]:
                rows[n] = row
            row += 1
        bands.append((name, first, row - 1))
    return rows, bands


def _name(G: nx.MultiDiGraph, nid: str) -> str:
    return node_label(nid, G.nodes[nid], one_line=True) if nid in G else nid


def _rows(pairs: Iterable[tuple[str, Any]]) -> list[list[str]]:
    return [[k, unicodedata.normalize("NFC", str(v))] for k, v in pairs if v not in (None, "", [])]


def node_info(G: nx.MultiDiGraph, nid: str) -> list[list[str]]:
    """The tooltip of a node as (label, text) rows; plain text, never markup."""
    a = G.nodes[nid]
    kind = a.get("kind")
    doc_, body_, task_ = TOOLTIP["Document"], TOOLTIP["Body"], TOOLTIP["Obligation"]
    if kind == "Body":
        parent = a.get("part_of")
        return _rows(
            [
                (body_["name"], a.get("name")),
                (body_["jurisdiction"], a.get("jurisdiction")),
                (body_["part_of"], _name(G, parent) if parent else None),
                (body_["id"], nid),
            ]
        )
    if kind == "Obligation":
        dl = a.get("deadline") or {}
        span = " – ".join(format_date(x) for x in (dl.get("start"), dl.get("end")) if x)
        deadline = " ".join(x for x in (dl.get("text"), f"({span})" if span else None) if x)
        who = "; ".join(
            f"{_name(G, x['body'])} ({ROLE_LABELS.get(x.get('role'), x.get('role'))})"
            for x in a.get("assignees") or []
        )
        prod = a.get("produces") or {}
        ev = a.get("evidence") or {}
        return _rows(
            [
                (task_["text"], a.get("text")),
                (task_["assignees"], who),
                (task_["deadline"], deadline),
                (task_["recurring"], a.get("recurring")),
                (task_["produces"], " ".join(x for x in (prod.get("type"), prod.get("title")) if x)),
                (task_["status"], STATUS_LABELS.get(a.get("status"), a.get("status"))),
                (task_["fulfilled_by"], _name(G, a["fulfilled_by"]) if a.get("fulfilled_by") else None),
                (task_["document"], _name(G, a["document"]) if a.get("document") else None),
                (
                    task_["evidence"],
                    f"{ev.get('file')}, dòng {ev.get('line')}: “{ev.get('quote')}”" if ev else None,
                ),
                (task_["id"], nid),
            ]
        )
    src = a.get("source")
    where = (
        f"{src['file']}, dòng {src['first_line']}–{src['last_line']}"
        if src
        else "chỉ được dẫn chiếu, không có toàn văn trong kho"
    )
    return _rows(
        [
            (doc_["symbol"], a.get("symbol")),
            (doc_["name"], a.get("name")),
            (doc_["type"], a.get("type")),
            (doc_["date"], format_date(a.get("date"))),
            (doc_["issuer"], a.get("issuer")),
            (doc_["title"], a.get("title")),
            (doc_["jurisdiction"], a.get("jurisdiction")),
            (doc_["level"], LEVEL_LABELS.get(level_of(a))),
            (doc_["signer"], a.get("signer")),
            (doc_["source"], where),
            (doc_["id"], nid),
        ]
    )


def edge_info(G: nx.MultiDiGraph, s: str, t: str, k: str, a: dict) -> list[list[str]]:
    """The tooltip of an edge: its type, its ends and every line of evidence."""
    rows: list[tuple[str, Any]] = [
        ("Quan hệ", f"{EDGE_LABELS.get(k, k)} ({k})"),
        ("Từ", _name(G, s)),
        ("Đến", _name(G, t)),
    ]
    if k == "GIAO_CHO":
        role = a.get("vai_tro")
        rows.append(("Vai trò", ROLE_LABELS.get(role, role) if role else None))
    evidence = a.get("evidence") or []
    if isinstance(evidence, dict):
        evidence = [evidence]
    for i, ev in enumerate(evidence, start=1):
        stated = ev.get("document")
        also = f" (trong {_name(G, stated)})" if stated and stated not in (s, t) else ""
        rows.append((f"Căn cứ {i}", f"{ev.get('file')}, dòng {ev.get('line')}{also}: “{ev.get('quote')}”"))
    return _rows(rows)


# -- rendering ------------------------------------------------------------------------------------

#: the tooltip rows the search box reads: symbol, name, title, issuer and id of a document, a task's
#: text, a body's name (the page folds their text; it carries no second copy of it)
SEARCH_ROWS = sorted(
    {
        *(TOOLTIP["Document"][k] for k in ("symbol", "name", "title", "issuer", "id")),
        TOOLTIP["Obligation"]["text"],
        TOOLTIP["Body"]["name"],
    }
)


@functools.cache
def _vis_assets() -> tuple[str, str, str]:
    """(version, vis-network.min.js, vis-network.css) from the copy that ships inside pyvis."""
    root = resources.files("pyvis")
    found = []
    for base in (root / "templates" / "lib", root / "lib"):
        if not base.is_dir():
            continue
        for d in base.iterdir():
            m = re.fullmatch(r"vis-(\d+)\.(\d+)\.(\d+)", d.name)
            if m and (d / "vis-network.min.js").is_file() and (d / "vis-network.css").is_file():
                found.append((tuple(int(x) for x in m.groups()), d))
    if not found:
        raise ViewError(
            "the pyvis package here ships no vis-network; reinstall it: pip install 'pyvis>=0.3.2'"
        )
    version, d = max(found, key=lambda x: x[0])
    return (
        ".".join(map(str, version)),
        (d / "vis-network.min.js").read_text("utf-8"),
        (d / "vis-network.css").read_text("utf-8"),
    )


def _template(name: str) -> str:
    return resources.files("vbgraph.exports").joinpath("templates", name).read_text("utf-8")


def _csp_hash(script: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
    )


def _safe_json(data: Any) -> str:
    """JSON that cannot close its <script> element nor start markup: <, >, & are escaped."""
    text = unicodedata.normalize(
        "NFC", json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    )
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _mode(view: ViewResult) -> str:
    """How the page lays the view out: "grid", "tree", "force" or "overview".

    "hierarchical" and "date" are drawn as a grid computed here (`grid_positions`): rows by
    level or year, each row ordered to keep edges short, positions fixed. vis-network's own
    hierarchical layout ("tree") also fixes rows by `level`, but lays each connected part out as
    a separate tree side by side, which turns a province's map into a long strip of small text.
    A large view is always a grid (`drawn_layout`); an overview places its boxes in the page.
    """
    return {"hierarchical": "grid", "date": "grid", "tree": "tree", "overview": "overview"}.get(
        drawn_layout(view), "force"
    )


def grid_positions(view: ViewResult, rows: dict[str, int], sweeps: int = 8) -> dict[str, tuple[float, float]]:
    """(x, y) of each node: its row's height, and a place in the row that keeps edges short.

    Rows start in date order; then each row is sorted by the mean position of its neighbours in
    other rows (the barycentre heuristic of layered drawing), sweeping down and up, so that
    related documents line up across levels and the edges cross less. Deterministic.
    """
    G = view.graph
    order: dict[int, list[str]] = {}
    for n in sorted(
        rows, key=lambda n: (rows[n], G.nodes[n].get("date") or "", G.nodes[n].get("document") or "", n)
    ):
        order.setdefault(rows[n], []).append(n)
    neighbours: dict[str, set[str]] = {n: set() for n in rows}
    for s, t, _ in view.edges:
        if rows.get(s) != rows.get(t):
            neighbours[s].add(t)
            neighbours[t].add(s)

    def place(members: list[str]) -> None:
        x.update((n, i - (len(members) - 1) / 2) for i, n in enumerate(members))

    x: dict[str, float] = {}
    for members in order.values():
        place(members)
    for sweep in range(sweeps):
        for r in sorted(order, reverse=bool(sweep % 2)):
            members = order[r]
            key = {
                n: (sum(x[m] for m in neighbours[n]) / len(neighbours[n]) if neighbours[n] else x[n], x[n], n)
                for n in members
            }
            order[r] = sorted(members, key=key.__getitem__)
            place(order[r])  # only this row moved: the next row sorts against it
    return {n: (x[n] * NODE_SPACING, rows[n] * LEVEL_SEPARATION) for n in rows}


# -- overview: groups of documents by jurisdiction and level ---------------------------------------

#: the bands of an overview, top-down: documents by level, then tasks, then bodies
GROUP_ORDER = tuple(GROUP_LABELS)
#: a closed group's box takes GROUP_CELL (x, y) of the overview; an open group's nodes stand
#: NODE_SPACING apart in a row and GROUP_ROW between rows, in a block centred where its box was
GROUP_CELL, GROUP_ROW = (250, 150), 110
TOOLTIP_KIND = {"Document": "văn bản", "Obligation": "nhiệm vụ", "Body": "cơ quan"}


@dataclass(frozen=True)
class Group:
    """Nodes of the view drawn as one box of an overview until opened."""

    id: str  # "vbgroup:<kind>:<jurisdiction slug or ->", stable across runs
    kind: str  # a key of GROUP_LABELS: a level, "unknown", "Obligation" or "Body"
    place: str | None  # the jurisdiction, as most of its members spell it
    members: tuple[str, ...]  # by date, then document, then id: the order they open in

    @property
    def label(self) -> str:
        return f"{self.place or NO_PLACE}\n{len(self.members)} {GROUP_LABELS[self.kind]}"


def _group_key(G: nx.MultiDiGraph, nid: str) -> tuple[str, str | None]:
    """(kind, jurisdiction) of a node's group: a document's level and jurisdiction; a task's are
    its document's; a body's its own."""
    a = G.nodes[nid]
    kind = a.get("kind") or "Document"
    if kind == "Obligation":
        doc = a.get("document")
        return kind, G.nodes[doc].get("jurisdiction") if doc in G else None
    if kind == "Body":
        return kind, a.get("jurisdiction")
    return level_of(a), a.get("jurisdiction")


def overview_groups(view: ViewResult) -> list[Group]:
    """The groups of an overview in band order: documents by level (central, province, district,
    commune, unknown), then tasks, then bodies; in a band, the central jurisdiction first, then
    by name (as its slug), the nodes of no jurisdiction last. Spellings of one jurisdiction that
    fold to the same slug ("Bắc Giang", "Bac Giang") are one group.
    """
    G = view.graph
    members: dict[tuple[str, str], list[str]] = {}
    spellings: dict[tuple[str, str], Counter[str]] = {}
    for n in view.nodes:
        kind, place = _group_key(G, n)
        members.setdefault((kind, slug(place)), []).append(n)
        if place:
            spellings.setdefault((kind, slug(place)), Counter())[
                unicodedata.normalize("NFC", str(place))
            ] += 1
    central = slug(CENTRAL)
    groups = []
    for kind, key in sorted(
        members, key=lambda k: (GROUP_ORDER.index(k[0]), k[1] != central, not k[1], k[1])
    ):
        names = spellings.get((kind, key))
        spelled = min(names.items(), key=lambda kv: (-kv[1], kv[0]))[0] if names else None
        nodes = sorted(
            members[kind, key],
            key=lambda n: (G.nodes[n].get("date") or "", G.nodes[n].get("document") or "", n),
        )
        groups.append(Group(f"vbgroup:{kind.lower()}:{key or '-'}", kind, spelled, tuple(nodes)))
    return groups


def group_block(count: int) -> tuple[int, int]:
    """(columns, rows) of an open group of `count` nodes: about as wide, relative to its height,
    as a screen."""
    cols = _row_width([count], NODE_SPACING, GROUP_ROW)
    return cols, math.ceil(count / cols)


def _overview_data(view: ViewResult, groups: list[Group]) -> tuple[dict, dict[str, dict]]:
    """The overview's part of the page data, and each node's group and place in its group's block.

    The page packs the boxes (and the blocks of open groups) in bands, `width` wide; see
    `pack` in view.js.
    """
    G = view.graph
    per_band = Counter(g.kind for g in groups)
    width = _row_width([per_band[k] for k in GROUP_ORDER if per_band[k]], *GROUP_CELL)
    placed: dict[str, dict] = {}
    entries = []
    for g in groups:
        cols, rows = group_block(len(g.members))
        for i, n in enumerate(g.members):
            r, c = divmod(i, cols)
            placed[n] = {
                "vbGroup": g.id,
                "dx": (c - (cols - 1) / 2) * NODE_SPACING,
                "dy": (r - (rows - 1) / 2) * GROUP_ROW,
            }
        kinds = Counter(G.nodes[n].get("kind") or "Document" for n in g.members)
        entries.append(
            {
                "id": g.id,
                "band": GROUP_ORDER.index(g.kind),
                "label": g.label,
                "color": NODE_COLORS[g.kind],
                "count": len(g.members),
                "w": cols * NODE_SPACING,
                "h": rows * GROUP_ROW,
                "ref": view.ref_id in g.members,
                "info": _rows(
                    [
                        ("Địa bàn", g.place or NO_PLACE),
                        ("Nhóm", GROUP_LABELS[g.kind]),
                        *((f"Số {TOOLTIP_KIND[k]}", kinds[k]) for k in sorted(kinds)),
                        ("Mở", "nhấp đúp, hoặc chọn rồi nhấn Enter"),
                    ]
                ),
            }
        )
    return {"groups": entries, "width": width * GROUP_CELL[0], "cell": list(GROUP_CELL)}, placed


def _options(mode: str, large: bool = False) -> dict:
    options: dict[str, Any] = {
        "autoResize": True,
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "navigationButtons": False,
            "multiselect": False,
            "hideEdgesOnDrag": large,
        },
        "nodes": {
            "font": {"face": "Liberation Sans, Arial, Helvetica, sans-serif", "size": 14},
            "borderWidth": 1.5,
            "margin": 8,
            "widthConstraint": {"maximum": 190},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "selectionWidth": 2,
            "font": {
                "face": "Liberation Sans, Arial, Helvetica, sans-serif",
                "size": 11,
                "align": "horizontal",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
        },
    }
    if mode == "tree":
        options["layout"] = {
            "hierarchical": {
                "enabled": True,
                "direction": "UD",
                "sortMethod": "directed",
                "levelSeparation": LEVEL_SEPARATION,
                "nodeSpacing": NODE_SPACING,
                "treeSpacing": 220,
                "blockShifting": True,
                "edgeMinimization": True,
                "parentCentralization": True,
                "shakeTowards": "roots",
            }
        }
        options["physics"] = {
            "enabled": True,
            "solver": "hierarchicalRepulsion",
            "hierarchicalRepulsion": {"nodeDistance": NODE_SPACING, "avoidOverlap": 1},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
        options["edges"]["smooth"] = {
            "enabled": True,
            "type": "cubicBezier",
            "forceDirection": "vertical",
            "roundness": 0.45,
        }
    elif mode == "overview":  # boxes placed by the page (pack in view.js), no physics
        options["layout"] = {"randomSeed": 7, "improvedLayout": False}
        options["physics"] = {"enabled": False}
        options["edges"]["smooth"] = {"enabled": False}
    elif mode == "grid":  # positions computed here (grid_positions): nothing left for physics to do
        options["layout"] = {"randomSeed": 7, "improvedLayout": False}
        options["physics"] = {"enabled": False}
        options["edges"]["smooth"] = {
            "enabled": True,
            "type": "cubicBezier",
            "forceDirection": "vertical",
            "roundness": 0.45,
        }
    else:
        options["layout"] = {"randomSeed": 7, "improvedLayout": True}
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 500, "fit": True},
        }
        options["edges"]["smooth"] = {"enabled": True, "type": "dynamic"}
    return options


def _node_style(view: ViewResult, nid: str, a: dict) -> dict[str, Any]:
    """How a node looks: shape and colours by kind and level, a dashed outline for a document
    only cited, a gold border for the document the view is about."""
    kind = a.get("kind") or "Document"
    color = node_color(a)
    style: dict[str, Any]
    if kind == "Obligation":
        style = {
            "shape": "diamond",
            "size": 11,
            "color": {"background": color, "border": STATUS_BORDER.get(str(a.get("status")), color)},
            "borderWidth": 2,
            "font": {"size": 11, "color": "#4a235a"},
        }
    elif kind == "Body":
        style = {
            "shape": "ellipse",
            "color": {"background": "#fdebd0", "border": color},
            "font": {"color": "#6e2c00"},
        }
    elif a.get("in_corpus"):
        style = {
            "shape": "box",
            "color": {
                "background": color,
                "border": color,
                "highlight": {"background": color, "border": "#f1c40f"},
            },
            "font": {"color": "#ffffff"},
        }
    else:
        style = {
            "shape": "box",
            "color": {
                "background": "#ffffff",
                "border": color,
                "highlight": {"background": "#fef9e7", "border": "#f1c40f"},
            },
            "font": {"color": color},
            "shapeProperties": {"borderDashes": [5, 3]},
        }
    if nid == view.ref_id:
        style.update(
            borderWidth=4,
            color={**style["color"], "border": "#f1c40f"},
            font={**style.get("font", {}), "size": 16},
        )
    return style


def _edge_style(k: str, nth: int, span: int | None) -> dict[str, Any]:
    """How an edge looks: colour, width and dashes by type; `nth` edge between its two nodes, its
    `span` in rows (None where rows mean nothing)."""
    color, width, dashed = EDGE_STYLE.get(k, ("#95a5a6", 1.0, False))
    quiet = k in ("DAN_CHIEU", "THUOC", "BAN_HANH")  # the commonest, drawn light so the others stand out
    style: dict[str, Any] = {
        "width": width,
        "dashes": dashed,
        "color": {"color": color, "highlight": color, "hover": color},
        "font": {"color": "#99a3a4" if quiet else color, "size": 9 if quiet else 12},
    }
    if nth or (span is not None and span != 1):
        # a second edge between two nodes bends away from the first; an edge within a row, or
        # across several, arcs so that it does not run through the nodes on its way
        style["smooth"] = {
            "enabled": True,
            "type": "curvedCCW" if nth % 2 else "curvedCW",
            "roundness": (0.25 if span == 0 else 0.12) + 0.1 * (nth // 2),
        }
    return style


class _Ids(list):
    """pyvis's list of node ids, with a set beside it: pyvis asks `id in list` for every node and
    both ends of every edge, which is quadratic at thousands of nodes."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._set.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def _network_data(
    view: ViewResult, placed: dict[str, dict] | None = None
) -> tuple[list[dict], list[dict], dict]:
    """Nodes, edges and options as vis-network wants them, assembled with pyvis. `placed`: each
    node's group and place in its block, for an overview."""
    from pyvis.network import Network

    G = view.graph
    rows, _ = levels(view)
    mode = _mode(view)
    large = len(G) > LARGE_VIEW_NODES
    grid = grid_positions(view, rows) if mode == "grid" else {}
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.node_ids = _Ids()
    for nid in view.nodes:
        a = G.nodes[nid]
        style = {"level": rows.get(nid, 0), **_node_style(view, nid, a), **(placed or {}).get(nid, {})}
        if mode == "grid":
            style.update(x=grid[nid][0], y=grid[nid][1])
        kind = a.get("kind") or "Document"
        net.add_node(nid, label=node_label(nid, a), info=node_info(G, nid), kind=kind, **style)
    pairs: Counter[tuple[str, str]] = Counter()
    for s, t, k in view.edges:
        pair = (min(s, t), max(s, t))
        nth = pairs[pair]
        pairs[pair] += 1
        span = abs(rows.get(s, 0) - rows.get(t, 0)) if mode in ("grid", "tree") else None
        label = EDGE_LABELS.get(k, k)
        net.add_edge(
            s,
            t,
            id=f"{s}|{k}|{t}",
            code=k,
            label="" if large else label,  # a large view starts without them: the box turns them on
            vbLabel=label,
            info=edge_info(G, s, t, k, G.edges[s, t, k]),
            **_edge_style(k, nth, span),
        )
    net.options = _options(mode, large)  # a dict: pyvis's own set_options() strips spaces from strings
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return nodes, edges, json.loads(options)


@dataclass(frozen=True)
class _Vis:
    """vis-network as the page gets it: inlined, or the names of the shared files."""

    version: str
    js: str
    css: str

    @property
    def files(self) -> dict[str, str]:
        """{name: text} of the shared copy; a name carries the start of its text's SHA-256, so a
        page refers to exactly the text it was made with and never to another build's."""

        def tag(text: str) -> str:
            return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

        return {
            f"vis-network-{self.version}-{tag(self.js)}.min.js": self.js,
            f"vis-network-{self.version}-{tag(self.css)}.css": self.css,
        }


def _vis() -> _Vis:
    version, js, css = _vis_assets()
    js = js.replace("\r\n", "\n")
    if re.search(r"</script|<!--", js, re.IGNORECASE):
        raise ViewError("an inlined script contains '</script' or '<!--' and cannot be embedded")
    return _Vis(version, js, css)


def shared_assets() -> dict[str, str]:
    """{file name: text} of what `assets="shared"` writes into ASSET_DIR: vis-network's script
    and stylesheet."""
    return _vis().files


def write_assets(folder: str | Path) -> list[Path]:
    """Write the shared copy of vis-network into `folder`; a file already there with the same
    text is left alone (not even touched), another one is replaced. Returns the files."""
    folder = Path(folder)
    out = []
    for name, text in shared_assets().items():
        path = folder / name
        if not (path.is_file() and path.read_bytes() == text.encode("utf-8")):
            st.atomic_write_text(path, text)
        out.append(path)
    return out


def _legends(view: ViewResult) -> tuple[list[dict], list[dict], Counter[str], Counter[str]]:
    """The legend of node kinds and the filter boxes of edge types; the counts of both."""
    G = view.graph
    counts = Counter(k for _, _, k in view.edges)
    edge_legend = [
        {
            "code": c,
            "label": EDGE_LABELS.get(c, c),
            "color": EDGE_STYLE[c][0],
            "dashed": EDGE_STYLE[c][2],
            "count": counts[c],
        }
        for c in EDGE_STYLE
        if counts[c]
    ]
    kinds = Counter(
        level_of(a) if a.get("kind") in (None, "Document") else a["kind"] for _, a in G.nodes(data=True)
    )
    node_legend = [
        {"label": label, "color": NODE_COLORS[key], "count": kinds[key], "shape": shape}
        for key, label, shape in (
            ("central", "Văn bản Trung ương", "box"),
            ("province", "Văn bản cấp tỉnh", "box"),
            ("district", "Văn bản cấp huyện", "box"),
            ("unknown", "Văn bản chưa rõ cấp", "box"),
            ("Obligation", "Nhiệm vụ", "diamond"),
            ("Body", "Cơ quan được giao", "ellipse"),
        )
        if kinds[key]
    ]
    return node_legend, edge_legend, kinds, counts


def render_html(view: ViewResult, assets: str = "inline") -> str:
    """The page as text (deterministic: the same view gives the same bytes). `assets` "inline"
    puts vis-network in the page; "shared" refers to the copy `write_assets` writes into
    ASSET_DIR beside it."""
    import jinja2
    from markupsafe import Markup

    if assets not in ASSETS:
        raise ViewOptionError(f"unknown assets {assets!r}; choose from {', '.join(ASSETS)}")
    G = view.graph
    groups = overview_groups(view) if view.overview else []
    overview, placed = _overview_data(view, groups) if view.overview else (None, None)
    nodes, edges, options = _network_data(view, placed)
    _, bands = levels(view)
    vis = _vis()
    app_js = _template("view.js").replace("\r\n", "\n")
    if re.search(r"</script|<!--", app_js, re.IGNORECASE):
        raise ViewError("an inlined script contains '</script' or '<!--' and cannot be embedded")
    node_legend, edge_legend, kinds, counts = _legends(view)
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "ref": view.ref_id,
        "layered": _mode(view) in ("grid", "tree"),
        "bands": [{"name": name, "first": first, "last": last} for name, first, last in bands],
        "overview": overview,
        "edgeNames": {c: EDGE_LABELS.get(c, c) for c in sorted(counts)},
        "searchRows": SEARCH_ROWS,
    }
    n_docs = sum(1 for _, a in st.documents(G))
    summary = f"{n_docs} văn bản, {sum(counts[c] for c in REL_CODES)} quan hệ"
    if view.with_obligations:
        summary += f", {kinds['Obligation']} nhiệm vụ, {kinds['Body']} cơ quan"
    if view.overview:
        summary += f" trong {len(groups)} nhóm"
    js_name, css_name = (f"{ASSET_DIR}/{name}" for name in vis.files)
    shared = assets == "shared"
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    # Markup: our own assets and the escaped JSON go in verbatim; everything else is autoescaped
    return env.from_string(_template("view.html.j2")).render(
        title=view_title(view),
        summary=summary,
        layout=_layout_note(view),
        has_obligations=bool(kinds["Obligation"]),
        overview=view.overview,
        edge_labels=len(G) <= LARGE_VIEW_NODES,
        node_legend=node_legend,
        edge_legend=edge_legend,
        vis_version=vis.version,
        shared=shared,
        vis_js_src=js_name,
        vis_css_href=css_name,
        vis_css=Markup("" if shared else vis.css),
        app_css=Markup(_template("view.css")),
        vis_js=Markup("" if shared else vis.js),
        app_js=Markup(app_js),
        data_json=Markup(_safe_json(data)),
        script_src=" ".join(["'self'"] if shared else [_csp_hash(vis.js)]) + " " + _csp_hash(app_js),
        style_src="'self' 'unsafe-inline'" if shared else "'unsafe-inline'",
    )


def write_html(view: ViewResult, path: str | Path, assets: str = "inline") -> Path:
    """Write the page atomically (and, for `assets="shared"`, vis-network into ASSET_DIR beside
    it, once); returns the path."""
    path = Path(path)
    page = render_html(view, assets)
    if assets == "shared":
        write_assets(path.parent / ASSET_DIR)
    st.atomic_write_text(path, page)
    return path
