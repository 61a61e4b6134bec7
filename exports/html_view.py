"""An interactive HTML view of part of the graph: one self-contained file that works offline.

Two steps, so that the selection can be tested without a browser (queries/view.py selects,
exports/palette.py holds the look):

- `build_view(G, ref_id, depth, direction, relations, jurisdiction, with_obligations, layout,
  max_nodes)` picks the subgraph (a pure function) and refuses, with `ViewTooLarge`, a view
  that would be too big to read;
- `write_html(view, path)` draws it with pyvis/vis-network.

The file is meant to be mailed around and opened anywhere, so it loads nothing: the
vis-network script and stylesheet that ship inside the pyvis package are inlined (pyvis's own
templates still point at Bootstrap on a CDN, so they are not used), and a Content-Security-
Policy with `default-src 'none'` and script hashes forbids every request and every script but
ours. Text from documents never becomes markup: the graph data sits in a JSON block with `<`,
`>` and `&` escaped, and tooltips and panels are built as DOM text nodes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from vbgraph.exports.palette import (
    DIRECTION_LABELS,
    EDGE_LABELS,
    EDGE_STYLE,
    LEVEL_LABELS,
    LEVEL_ROW,
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
from vbgraph.queries.view import (
    DIRECTIONS,
    LAYOUTS,
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
    "DIRECTIONS",
    "EDGE_STYLE",
    "LAYOUTS",
    "NODE_COLORS",
    "REL_CODES",
    "ViewError",
    "ViewOptionError",
    "ViewResult",
    "ViewTooLarge",
    "build_view",
    "edge_color",
    "format_date",
    "node_color",
    "node_label",
    "parse_relations",
    "render_html",
    "view_title",
    "write_html",
]


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


def _row_width(sizes: list[int]) -> int:
    """Nodes per row that make the drawing about as wide, relative to its height, as a screen."""
    if not sizes:
        return 1

    def aspect(w: int) -> float:
        n_rows = sum(math.ceil(n / w) for n in sizes)
        return min(w, max(sizes)) * NODE_SPACING / (n_rows * LEVEL_SEPARATION)

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
    """How the page lays the view out: "grid", "tree" or "force".

    "hierarchical" and "date" are drawn as a grid computed here (`grid_positions`): rows by
    level or year, each row ordered to keep edges short, positions fixed. vis-network's own
    hierarchical layout ("tree") also fixes rows by `level`, but lays each connected part out as
    a separate tree side by side, which turns a province's map into a long strip of small text.
    """
    return {"hierarchical": "grid", "date": "grid", "tree": "tree"}.get(view.layout, "force")


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

    def x_of() -> dict[str, float]:
        return {n: i - (len(m) - 1) / 2 for m in order.values() for i, n in enumerate(m)}

    for sweep in range(sweeps):
        for r in sorted(order, reverse=bool(sweep % 2)):
            x = x_of()
            members = order[r]
            key = {
                n: (sum(x[m] for m in neighbours[n]) / len(neighbours[n]) if neighbours[n] else x[n], x[n], n)
                for n in members
            }
            order[r] = sorted(members, key=key.__getitem__)
    x = x_of()
    return {n: (x[n] * NODE_SPACING, rows[n] * LEVEL_SEPARATION) for n in rows}


def _options(mode: str) -> dict:
    options: dict[str, Any] = {
        "autoResize": True,
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "navigationButtons": False,
            "multiselect": False,
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


def _network_data(view: ViewResult) -> tuple[list[dict], list[dict], dict]:
    """Nodes, edges and options as vis-network wants them, assembled with pyvis."""
    from pyvis.network import Network

    G = view.graph
    rows, _ = levels(view)
    mode = _mode(view)
    grid = grid_positions(view, rows) if mode == "grid" else {}
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    for nid in view.nodes:
        a = G.nodes[nid]
        kind = a.get("kind") or "Document"
        color = node_color(a)
        style: dict[str, Any] = {"level": rows.get(nid, 0)}
        if mode == "grid":
            style.update(x=grid[nid][0], y=grid[nid][1])
        if kind == "Obligation":
            style.update(
                shape="diamond",
                size=11,
                color={"background": color, "border": STATUS_BORDER.get(a.get("status"), color)},
                borderWidth=2,
                font={"size": 11, "color": "#4a235a"},
            )
        elif kind == "Body":
            style.update(
                shape="ellipse", color={"background": "#fdebd0", "border": color}, font={"color": "#6e2c00"}
            )
        elif a.get("in_corpus"):
            style.update(
                shape="box",
                color={
                    "background": color,
                    "border": color,
                    "highlight": {"background": color, "border": "#f1c40f"},
                },
                font={"color": "#ffffff"},
            )
        else:
            style.update(
                shape="box",
                color={
                    "background": "#ffffff",
                    "border": color,
                    "highlight": {"background": "#fef9e7", "border": "#f1c40f"},
                },
                font={"color": color},
                shapeProperties={"borderDashes": [5, 3]},
            )
        if nid == view.ref_id:
            style.update(
                borderWidth=4,
                color={**style["color"], "border": "#f1c40f"},
                font={**style.get("font", {}), "size": 16},
            )
        search = " ".join(
            str(x)
            for x in (a.get("symbol"), a.get("name"), a.get("title"), a.get("text"), a.get("issuer"), nid)
            if x
        )
        net.add_node(nid, label=node_label(nid, a), info=node_info(G, nid), search=search, kind=kind, **style)
    pairs: Counter[tuple[str, str]] = Counter()
    for s, t, k in view.edges:
        a = G.edges[s, t, k]
        color, width, dashed = EDGE_STYLE.get(k, ("#95a5a6", 1.0, False))
        pair = (min(s, t), max(s, t))
        nth = pairs[pair]
        pairs[pair] += 1
        extra: dict[str, Any] = {}
        span = abs(rows.get(s, 0) - rows.get(t, 0))
        if nth or (mode != "force" and span != 1):
            # a second edge between two nodes bends away from the first; an edge within a row, or
            # across several, arcs so that it does not run through the nodes on its way
            extra["smooth"] = {
                "enabled": True,
                "type": "curvedCCW" if nth % 2 else "curvedCW",
                "roundness": (0.25 if span == 0 else 0.12) + 0.1 * (nth // 2),
            }
        label = EDGE_LABELS.get(k, k)
        quiet = k in ("DAN_CHIEU", "THUOC", "BAN_HANH")  # the commonest, drawn light so the others stand out
        font = {"color": "#99a3a4" if quiet else color, "size": 9 if quiet else 12}
        net.add_edge(
            s,
            t,
            id=f"{s}|{k}|{t}",
            code=k,
            label=label,
            vbLabel=label,
            width=width,
            dashes=dashed,
            color={"color": color, "highlight": color, "hover": color},
            font=font,
            info=edge_info(G, s, t, k, a),
            **extra,
        )
    net.options = _options(mode)  # a dict: pyvis's own set_options() strips spaces from strings
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return nodes, edges, json.loads(options)


def render_html(view: ViewResult) -> str:
    """The page as text (deterministic: the same view gives the same bytes)."""
    import jinja2
    from markupsafe import Markup

    G = view.graph
    nodes, edges, options = _network_data(view)
    _, bands = levels(view)
    vis_version, vis_js, vis_css = _vis_assets()
    app_js = _template("view.js").replace("\r\n", "\n")
    vis_js = vis_js.replace("\r\n", "\n")
    for script in (vis_js, app_js):
        if re.search(r"</script|<!--", script, re.IGNORECASE):
            raise ViewError("an inlined script contains '</script' or '<!--' and cannot be embedded")
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
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "ref": view.ref_id,
        "layered": _mode(view) != "force",
        "bands": [{"name": name, "first": first, "last": last} for name, first, last in bands],
    }
    n_docs = sum(1 for _, a in st.documents(G))
    summary = f"{n_docs} văn bản, {sum(counts[c] for c in REL_CODES)} quan hệ"
    if view.with_obligations:
        summary += f", {sum(1 for _ in st.obligations(G))} nhiệm vụ, {sum(1 for _ in st.bodies(G))} cơ quan"
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    # Markup: our own assets and the escaped JSON go in verbatim; everything else is autoescaped
    return env.from_string(_template("view.html.j2")).render(
        title=view_title(view),
        summary=summary,
        layout=view.layout,
        has_obligations=bool(kinds["Obligation"]),
        node_legend=node_legend,
        edge_legend=edge_legend,
        vis_version=vis_version,
        vis_css=Markup(vis_css),
        app_css=Markup(_template("view.css")),
        vis_js=Markup(vis_js),
        app_js=Markup(app_js),
        data_json=Markup(_safe_json(data)),
        script_hashes=" ".join(_csp_hash(s) for s in (vis_js, app_js)),
    )


def write_html(view: ViewResult, path: str | Path) -> Path:
    """Write the page atomically; returns the path."""
    path = Path(path)
    st.atomic_write_text(path, render_html(view))
    return path
