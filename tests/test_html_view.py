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
    EDGE_STYLE,
    ViewOptionError,
    ViewTooLarge,
    build_view,
    grid_positions,
    levels,
    parse_relations,
    render_html,
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
