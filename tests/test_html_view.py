"""The HTML view: which part of the graph it draws, how it refuses a huge one, and a page that is
self-contained and never runs text from a document. (The page is opened in a real browser in
test_browser.py.)
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from test_rdf import BTG, C52, D15, DL, NEW, OB1, OLD, P82, STT, TU, XSS, mini_graph

from vbgraph.errors import DocumentNotFound
from vbgraph.exports.html_view import (
    ASSET_DIR,
    EDGE_STYLE,
    LARGE_VIEW_NODES,
    OVERVIEW_MAX_NODES,
    ViewOptionError,
    ViewTooLarge,
    build_view,
    drawn_layout,
    grid_positions,
    group_block,
    levels,
    overview_groups,
    parse_relations,
    render_html,
    shared_assets,
    view_note,
    view_title,
    write_html,
)

# -- selection -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ref,kwargs,expected",
    [
        (D15, {"depth": 1, "direction": "up"}, {D15, P82}),
        (D15, {"depth": 2, "direction": "up"}, {D15, P82, C52, DL, NEW}),
        (C52, {"depth": None, "direction": "down"}, {C52, P82, D15}),
        (OLD, {"depth": 1}, {OLD, NEW}),
        (OLD, {"depth": 2}, {OLD, NEW, P82}),
        (OLD, {"depth": 0}, {OLD}),
        (D15, {"depth": None, "direction": "up", "relations": "THUC_HIEN"}, {D15, P82, C52}),
        (P82, {"depth": 1, "relations": ["can_cu", "THAY_THE"]}, {P82, DL}),
    ],
)
def test_neighbourhood(ref, kwargs, expected):
    view = build_view(mini_graph(), ref, **kwargs)
    assert set(view.nodes) == expected
    assert all(view.graph.nodes[n]["kind"] == "Document" for n in view.nodes)  # no bodies unless asked


def test_edges_are_every_selected_relation_between_selected_documents():
    view = build_view(mini_graph(), D15, depth=None, direction="up", relations="THUC_HIEN,CAN_CU")
    assert view.edges == sorted([(D15, P82, "THUC_HIEN"), (P82, C52, "THUC_HIEN"), (P82, DL, "CAN_CU")])
    assert view.hops == {C52: 2, D15: 0, DL: 2, P82: 1}
    assert view.graph.edges[P82, C52, "THUC_HIEN"]["evidence"][0]["line"] == 12


def test_whole_graph_when_no_ref():
    G = mini_graph()
    view = build_view(G)
    assert set(view.nodes) == {n for n, a in G.nodes(data=True) if a["kind"] == "Document"}
    assert len(view.edges) == 5
    assert view_title(view) == "vbgraph — toàn bộ văn bản"


def test_jurisdiction_keeps_its_documents_and_their_direct_neighbours():
    view = build_view(mini_graph(), jurisdiction="Trung ương")
    assert set(view.nodes) == {C52, DL, P82}  # 82-KH/TU implements 52-NQ/TW and is based on Điều lệ Đảng
    assert (
        set(build_view(mini_graph(), jurisdiction="bac-giang").nodes)
        == set(build_view(mini_graph(), jurisdiction="Bắc Giang").nodes)
        == {P82, D15, OLD, NEW, C52, DL}
    )
    with pytest.raises(ViewOptionError, match="known: Bắc Giang, Trung ương"):
        build_view(mini_graph(), jurisdiction="Hà Nội")


def test_with_obligations_adds_tasks_bodies_and_their_edges():
    G = mini_graph()
    view = build_view(G, P82, depth=0, with_obligations=True)
    assert set(view.nodes) == {P82, OB1, BTG, STT}
    assert view.edges == sorted([(P82, OB1, "DAT_RA"), (OB1, BTG, "GIAO_CHO"), (OB1, STT, "GIAO_CHO")])
    assert view.graph.edges[OB1, BTG, "GIAO_CHO"]["vai_tro"] == "chu_tri"
    wider = build_view(G, P82, depth=1, direction="down", with_obligations=True)
    assert (OB1, D15, "DUOC_THUC_HIEN_BOI") in wider.edges and TU not in wider.nodes


def test_too_large_a_view_is_refused_with_a_way_out():
    with pytest.raises(ViewTooLarge) as err:
        build_view(mini_graph(), D15, depth=2, direction="up", max_nodes=3)
    message = str(err.value)
    assert "5 nodes (limit 3)" in message
    assert "--depth 1" in message and "--relations" in message and "--jurisdiction" in message
    with pytest.raises(ViewTooLarge, match="pass a REF"):
        build_view(mini_graph(), max_nodes=5)
    assert len(build_view(mini_graph(), max_nodes=6).nodes) == 6  # the limit itself is allowed


def test_the_sample_neighbourhood_and_limit(corpus_graph):
    view = build_view(
        corpus_graph, "bac-giang:20-KH/TU@2021-06-09", depth=1, direction="up", relations="THUC_HIEN"
    )
    assert set(view.nodes) == {
        "bac-giang:20-KH/TU@2021-06-09",
        "bac-giang:03-CTr/TU@2020-12-04",
        "bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix",
    }
    with pytest.raises(ViewTooLarge):
        build_view(corpus_graph, with_obligations=True)


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"direction": "sideways"}, "up, down, both"),
        ({"layout": "circle"}, "hierarchical, date, force"),
        ({"relations": "THUC_HIEN,IMPLEMENTS"}, "unknown relation type IMPLEMENTS"),
        ({"depth": -1}, "depth"),
    ],
)
def test_bad_options_are_usage_errors(kwargs, message):
    with pytest.raises(ViewOptionError, match=message):
        build_view(mini_graph(), P82, **kwargs)


def test_ref_must_be_a_document():
    for ref in ("nope", BTG):
        with pytest.raises(DocumentNotFound):
            build_view(mini_graph(), ref)


def test_parse_relations():
    assert parse_relations(None) == parse_relations("") == parse_relations(" , ")
    assert parse_relations("thay_the, THUC_HIEN") == ("THUC_HIEN", "THAY_THE")  # enum order


# -- layout ----------------------------------------------------------------------------------------


def test_hierarchical_rows_go_central_province_district_then_tasks_then_bodies():
    view = build_view(mini_graph(), with_obligations=True, max_nodes=100)
    rows, bands = levels(view, per_row=100)
    assert rows[C52] == rows[DL] < rows[P82] == rows[OLD] < rows[D15] < rows[OB1] < rows[BTG]
    assert [b[0] for b in bands] == [
        "Trung ương",
        "Tỉnh, thành phố",
        "Huyện, thị xã",
        "Nhiệm vụ",
        "Cơ quan được giao",
    ]


def test_rows_wrap_and_keep_date_order():
    view = build_view(mini_graph())
    rows, bands = levels(view, per_row=2)
    assert rows[OLD] < rows[NEW]  # province, by date: 76-QĐ (2018), 82-KH (2020), 90-QĐ (2021)
    assert bands[1] == ("Tỉnh, thành phố", 1, 2)


def test_date_layout_puts_years_top_down():
    view = build_view(mini_graph(), layout="date")
    rows, bands = levels(view, per_row=100)
    assert rows[DL] < rows[OLD] < rows[C52] < rows[P82] < rows[NEW] == rows[D15]
    assert [b[0] for b in bands] == ["chưa rõ năm", "2018", "2019", "2020", "2021"]


# -- the page --------------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Tags, their attributes and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script, self._text = dict(attrs), []

    def handle_data(self, data):
        if self._in_script is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._text)))
            self._in_script = None


def _evil_graph() -> nx.MultiDiGraph:
    """The mini graph plus an unnumbered document whose name is markup."""
    G = mini_graph()
    G.add_node(
        "name:evil",
        kind="Document",
        type="Nghị quyết",
        name=f"Nghị quyết {XSS}",
        jurisdiction="Trung ương",
        level="central",
        in_corpus=False,
        source=None,
        date=None,
        title=None,
        symbol=None,
    )
    G.add_edge(
        P82,
        "name:evil",
        key="DAN_CHIEU",
        label="dẫn chiếu",
        evidence=[{"document": P82, "file": "f.txt", "line": 3, "quote": f"{XSS} & <b>đậm</b>"}],
    )
    return G


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[str, _Page, dict]:
    path = write_html(
        build_view(_evil_graph(), "name:evil", depth=2, with_obligations=True),
        tmp_path_factory.mktemp("html") / "view.html",
    )
    html = path.read_text("utf-8")
    parsed = _Page()
    parsed.feed(html)
    data = json.loads(next(text for attrs, text in parsed.scripts if attrs.get("type") == "application/json"))
    return html, parsed, data


def test_no_markup_from_documents_reaches_the_page(page):
    html, parsed, _ = page
    assert "<img" not in html
    assert "<b>đậm" not in html
    assert html.count("</script>") == len(parsed.scripts) == 3  # the quote's </script> is escaped too
    assert not [t for t, _ in parsed.tags if t in ("img", "b", "iframe", "object", "embed")]
    assert "<title>vbgraph — Nghị quyết &lt;img src=x onerror=alert(1)&gt;: 2 bậc, hai chiều</title>" in html


def test_nothing_is_loaded_from_anywhere(page):
    html, parsed, _ = page
    for tag, attrs in parsed.tags:
        for key in ("src", "href", "data", "action", "poster"):
            value = attrs.get(key) or ""
            assert not re.match(r"\s*(https?:)?//", value, re.IGNORECASE), (tag, key, value)
        if tag == "script":
            assert "src" not in attrs
        if tag == "link":
            assert attrs.get("rel") == "icon" and attrs.get("href") == "data:,"
    assert not re.search(
        r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I
    )


def test_content_security_policy_allows_only_the_inlined_scripts(page):
    _, parsed, _ = page
    csp = next(
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    code = [text for attrs, text in parsed.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2  # vis-network, then the view
    assert {base64.b64encode(hashlib.sha256(t.encode()).digest()).decode() for t in code} == allowed
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_vis_network_is_inlined_with_its_licence(page):
    html, parsed, _ = page
    vis = parsed.scripts[1][1]
    assert "vis-network" in vis[:400] and "Apache" in vis[:1000] and "MIT" in vis[:1000]
    assert len(vis) > 100_000
    assert "vis-tooltip" in html  # its stylesheet too


def test_page_data_draws_nodes_styled_by_kind_and_level_and_labelled_edges(page):
    _, _, data = page
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == {"name:evil", P82, C52, DL, NEW, D15, OB1, BTG, STT}
    assert nodes[C52]["shape"] == nodes[P82]["shape"] == "box"
    assert nodes[C52]["color"]["border"] != nodes[P82]["color"]["border"]  # central vs province
    assert nodes[P82]["color"]["background"] != "#ffffff" and nodes[C52]["color"]["background"] == "#ffffff"
    assert nodes[OB1]["shape"] == "diamond" and nodes[BTG]["shape"] == "ellipse"
    assert nodes["name:evil"]["borderWidth"] == 4  # the document the view is about
    assert nodes[C52]["label"] == "52-NQ/TW\n27/09/2019"
    edges = {e["id"]: e for e in data["edges"]}
    thuc_hien = edges[f"{P82}|THUC_HIEN|{C52}"]
    assert (thuc_hien["label"], thuc_hien["from"], thuc_hien["to"]) == ("thực hiện", P82, C52)
    assert thuc_hien["color"]["color"] == EDGE_STYLE["THUC_HIEN"][0] != EDGE_STYLE["DAN_CHIEU"][0]
    assert edges[f"{OB1}|GIAO_CHO|{BTG}"]["label"] == "giao cho"
    assert {e["code"] for e in data["edges"]} == {
        "THUC_HIEN",
        "CAN_CU",
        "DAN_CHIEU",
        "DAT_RA",
        "GIAO_CHO",
        "DUOC_THUC_HIEN_BOI",
    }
    assert (
        nodes[C52]["level"]
        < nodes[P82]["level"]
        < nodes[D15]["level"]
        < nodes[OB1]["level"]
        < nodes[BTG]["level"]
    )
    assert nodes[C52]["y"] < nodes[P82]["y"] < nodes[D15]["y"] < nodes[OB1]["y"] < nodes[BTG]["y"]  # top-down
    assert data["options"]["physics"] == {"enabled": False} and data["layered"] is True


def test_tooltips_carry_symbol_date_issuer_title_and_evidence(page):
    _, _, data = page
    info = {n["id"]: dict(n["info"]) for n in data["nodes"]}
    assert info[P82]["Số ký hiệu"] == "82-KH/TU" and info[P82]["Ngày"] == "10/03/2020"
    assert info[P82]["Cơ quan ban hành"] == "Tỉnh ủy Bắc Giang" and info[P82]["Trích yếu"].endswith(XSS)
    assert info[P82]["Nguồn"] == "003_845be7d462c89c00.txt, dòng 10–90"
    assert (
        info[OB1]["Giao cho"] == "Ban Tuyên giáo Tỉnh ủy (chủ trì); Sở Thông tin và Truyền thông (phối hợp)"
    )
    assert info[OB1]["Thời hạn"] == "Quý II/2023 (01/04/2023 – 30/06/2023)"
    edge = next(dict(e["info"]) for e in data["edges"] if e["id"] == f"{P82}|THUC_HIEN|{C52}")
    assert (
        edge["Căn cứ 1"]
        == "003_845be7d462c89c00.txt, dòng 12: “Kế hoạch thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019”"
    )


def test_legend_filters_and_search_box(page):
    html, parsed, _ = page
    codes = [a["data-code"] for t, a in parsed.tags if t == "input" and "data-code" in a]
    assert codes == ["THUC_HIEN", "CAN_CU", "DAN_CHIEU", "DAT_RA", "GIAO_CHO", "DUOC_THUC_HIEN_BOI"]
    assert any(t == "input" and a.get("id") == "vb-search" for t, a in parsed.tags)
    for text in (
        "Văn bản Trung ương",
        "Văn bản cấp tỉnh",
        "Văn bản cấp huyện",
        "Nhiệm vụ",
        "Cơ quan được giao",
    ):
        assert text in html


def test_rendering_is_deterministic():
    view = build_view(mini_graph(), D15, with_obligations=True)
    assert render_html(view) == render_html(build_view(mini_graph(), D15, with_obligations=True))


def _data(view) -> dict:
    return json.loads(render_html(view).split('id="vbgraph-data">')[1].split("</script>")[0])


def test_grid_places_every_node_once_on_its_row():
    view = build_view(mini_graph(), with_obligations=True)
    rows, _ = levels(view)
    pos = grid_positions(view, rows)
    assert set(pos) == set(view.nodes)
    assert len(set(pos.values())) == len(pos)
    assert all(y == rows[n] * 170 for n, (_, y) in pos.items())
    assert pos == grid_positions(view, rows)


def test_tree_layout_is_vis_networks_hierarchical_one_and_force_has_none():
    tree = _data(build_view(mini_graph(), D15, layout="tree"))
    assert tree["options"]["layout"]["hierarchical"]["direction"] == "UD"
    assert all("x" not in n for n in tree["nodes"])  # vis places them
    force = _data(build_view(mini_graph(), layout="force"))
    assert "hierarchical" not in force["options"]["layout"] and force["layered"] is False


# -- large views and overviews ---------------------------------------------------------------------

PROVINCES = ("Bắc Giang", "Cao Bằng", "Đắk Lắk", "Hà Nội", "Lai Châu", "Phú Thọ")


def synthetic_graph(central: int = 20, per_province: int = 100, provinces: tuple[str, ...] = PROVINCES):
    """Central resolutions, and in each province plans implementing them and district plans
    implementing those, some citing a second one: `central + 2 * per_province * len(provinces)`
    documents, deterministic."""
    G = nx.MultiDiGraph(format="vbgraph-store")

    def doc(nid: str, symbol: str, date: str, place: str, level: str) -> None:
        G.add_node(
            nid,
            kind="Document",
            type="Kế hoạch",
            symbol=symbol,
            date=date,
            jurisdiction=place,
            level=level,
            in_corpus=True,
            title=f"thực hiện văn bản {symbol}",
            source={"file": f"{nid}.txt", "first_line": 1, "last_line": 40},
        )

    def rel(s: str, t: str, code: str) -> None:
        G.add_edge(s, t, key=code, evidence=[{"document": s, "file": f"{s}.txt", "line": 3, "quote": t}])

    tops = [f"{i}-NQ/TW@2019" for i in range(1, central + 1)]
    for i, n in enumerate(tops, start=1):
        doc(n, f"{i}-NQ/TW", f"2019-{1 + i % 12:02d}-01", "Trung ương", "central")
    for p, place in enumerate(provinces):
        code = f"p{p}"
        for i in range(per_province):
            tu, hu = f"{code}:{i}-KH/TU", f"{code}:{i}-KH/HU"
            doc(tu, f"{i}-KH/TU", f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}", place, "province")
            doc(hu, f"{i}-KH/HU", f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}", place, "district")
            rel(tu, tops[(i + p) % central], "THUC_HIEN")
            rel(hu, tu, "THUC_HIEN")
            if i % 3 == 0:
                rel(hu, tops[i % central], "CAN_CU")
    return G


@pytest.mark.parametrize(
    "count,max_nodes,overview,expected",
    [
        (1_220, 400, False, ViewTooLarge),  # the library's default: refuse, as before
        (1_220, 2_000, False, False),
        (1_220, 400, None, True),  # auto (the command line's default): an overview above the limit
        (1_220, 2_000, None, False),
        (1_220, 2_000, True, True),  # asked for
        (2 * 4_995 + 20, 400, True, ViewTooLarge),  # above OVERVIEW_MAX_NODES even an overview is refused
    ],
)
def test_an_overview_is_drawn_when_asked_or_above_the_limit(count, max_nodes, overview, expected):
    per = (count - 20) // 2 // len(PROVINCES) if count < OVERVIEW_MAX_NODES else (count - 20) // 2
    G = synthetic_graph(per_province=per, provinces=PROVINCES if count < OVERVIEW_MAX_NODES else ("Huế",))
    assert len(G) == count
    if expected is ViewTooLarge:
        with pytest.raises(ViewTooLarge, match="overview" if overview else "or raise --max-nodes"):
            build_view(G, max_nodes=max_nodes, overview=overview)
        return
    view = build_view(G, max_nodes=max_nodes, overview=overview)
    assert view.overview is expected and len(view.nodes) == count


def test_overview_groups_by_level_and_jurisdiction_in_band_order():
    G = synthetic_graph(central=3, per_province=4, provinces=("Phú Thọ", "Bắc Giang"))
    G.nodes["p0:0-KH/TU"]["jurisdiction"] = "Phu Tho"  # another spelling of the same province
    G.nodes["p1:1-KH/TU"]["jurisdiction"] = None
    view = build_view(G, overview=True)
    groups = overview_groups(view)
    assert [(g.id, len(g.members)) for g in groups] == [
        ("vbgroup:central:trung-uong", 3),
        ("vbgroup:province:bac-giang", 3),
        ("vbgroup:province:phu-tho", 4),
        ("vbgroup:province:-", 1),  # no jurisdiction: last in its band
        ("vbgroup:district:bac-giang", 4),
        ("vbgroup:district:phu-tho", 4),
    ]
    assert groups[2].place == "Phú Thọ" and groups[2].label == "Phú Thọ\n4 văn bản cấp tỉnh"
    assert groups[3].label == "Chưa rõ địa bàn\n1 văn bản cấp tỉnh"
    assert [G.nodes[n]["date"] for n in groups[2].members] == sorted(
        G.nodes[n]["date"] for n in groups[2].members
    )
    assert sorted(n for g in groups for n in g.members) == view.nodes


def test_tasks_and_bodies_are_grouped_by_jurisdiction_after_the_documents():
    view = build_view(mini_graph(), overview=True, with_obligations=True)
    assert [(g.kind, g.place, len(g.members)) for g in overview_groups(view)] == [
        ("central", "Trung ương", 2),
        ("province", "Bắc Giang", 3),
        ("district", "Bắc Giang", 1),
        ("Obligation", "Bắc Giang", 1),  # its document's jurisdiction
        ("Body", "Bắc Giang", 2),
    ]


def test_overview_page_data_places_each_node_in_its_groups_block():
    view = build_view(synthetic_graph(), overview=True)
    data = _data(view)
    groups = {g["id"]: g for g in data["overview"]["groups"]}
    assert len(groups) == 13 and groups["vbgroup:district:ha-noi"]["count"] == 100
    assert groups["vbgroup:district:ha-noi"]["band"] > groups["vbgroup:province:ha-noi"]["band"]
    cols, rows = group_block(100)
    assert (groups["vbgroup:district:ha-noi"]["w"], groups["vbgroup:district:ha-noi"]["h"]) == (
        cols * 210,
        rows * 110,
    )
    nodes = [n for n in data["nodes"] if n["vbGroup"] == "vbgroup:district:ha-noi"]
    assert len({(n["dx"], n["dy"]) for n in nodes}) == 100  # one place each, centred on the box
    assert min(n["dx"] for n in nodes) == -max(n["dx"] for n in nodes)
    assert all("x" not in n for n in data["nodes"])  # the page packs the boxes
    assert data["options"]["physics"] == {"enabled": False} and data["layered"] is False
    assert view_note(view).startswith("drew an overview in 13 groups by jurisdiction and level;")


@pytest.mark.parametrize(
    "layout,size,drawn,placed",
    [
        ("force", "small", "force", False),
        ("tree", "small", "tree", False),
        ("hierarchical", "small", "hierarchical", True),
        ("force", "large", "hierarchical", True),  # vis-network's physics would take minutes
        ("tree", "large", "hierarchical", True),
        ("date", "large", "date", True),
    ],
)
def test_a_large_view_is_placed_in_advance_whatever_the_layout(layout, size, drawn, placed):
    G = mini_graph() if size == "small" else synthetic_graph(per_province=30)
    view = build_view(G, layout=layout, max_nodes=5_000)
    assert (len(view.nodes) > LARGE_VIEW_NODES) is (size == "large")
    assert drawn_layout(view) == drawn
    data = _data(view)
    assert all(("x" in n and "y" in n) is placed for n in data["nodes"])
    if placed:
        assert data["options"]["physics"] == {"enabled": False}
        assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(view.nodes)
    if size == "large":
        assert all(e["label"] == "" and e["vbLabel"] for e in data["edges"])  # labels start off
        assert data["options"]["interaction"]["hideEdgesOnDrag"] is True
        assert (view_note(view) is None) is (drawn == layout)
    assert _data(build_view(G, layout=layout, max_nodes=5_000)) == data  # deterministic


def test_shared_assets_are_written_once_and_referenced_by_their_hash(tmp_path):
    view = build_view(mini_graph(), D15)
    page = write_html(view, tmp_path / "a.html", assets="shared")
    folder = tmp_path / ASSET_DIR
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == sorted(shared_assets())
    html = page.read_text("utf-8")
    parsed = _Page()
    parsed.feed(html)
    for f in files:
        text = f.read_text("utf-8")
        assert f.name.split("-")[3].split(".")[0] == hashlib.sha256(text.encode()).hexdigest()[:16]
        assert f"{ASSET_DIR}/{f.name}" in html
    css, js = (f"{ASSET_DIR}/{f.name}" for f in files)
    assert [a["src"] for a, _ in parsed.scripts if a.get("src")] == [js]
    assert [a["href"] for t, a in parsed.tags if t == "link" and a.get("rel") == "stylesheet"] == [css]
    assert len(html) < 200_000 < len(render_html(view))  # vis-network is not in the page
    csp = next(a["content"] for t, a in parsed.tags if a.get("http-equiv") == "Content-Security-Policy")
    code = [t for a, t in parsed.scripts if not a.get("src") and a.get("type") != "application/json"]
    app_hash = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{app_hash}';" in csp and "default-src 'none'" in csp
    # a second page in the folder: the files are left alone; a changed one is put right
    stamps = [f.stat().st_mtime_ns for f in files]
    write_html(build_view(mini_graph(), P82), tmp_path / "b.html", assets="shared")
    assert [f.stat().st_mtime_ns for f in files] == stamps and sorted(folder.iterdir()) == files
    files[0].write_text("tampered", "utf-8")
    write_html(view, tmp_path / "a.html", assets="shared")
    assert files[0].read_text("utf-8") == shared_assets()[files[0].name]


def test_unknown_assets_are_a_usage_error(tmp_path):
    with pytest.raises(ViewOptionError, match="inline, shared"):
        write_html(build_view(mini_graph(), D15), tmp_path / "a.html", assets="cdn")
    assert not list(tmp_path.iterdir())


def test_the_command_line_tells_the_same_limits():
    import typer

    from vbgraph.cli import app

    params = {p.name: p for p in typer.main.get_command(app).commands["view"].params}
    assert f"above {LARGE_VIEW_NODES} nodes: hierarchical" in params["layout"].help
    assert params["overview"].default is None and params["assets"].default == "inline"
