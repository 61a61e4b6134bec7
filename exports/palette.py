"""How the graph looks wherever it is drawn (the HTML view, GraphML for Gephi): labels in
Vietnamese, colours by level and relation type, the short text a node shows."""

from __future__ import annotations

import re

from vbgraph.ontology.relations import Rel
from vbgraph.ontology.terms import STRUCTURAL_LABELS

CENTRAL = "Trung ương"

LEVEL_LABELS = {
    "central": "Trung ương",
    "province": "Tỉnh, thành phố",
    "district": "Huyện, thị xã",
    "commune": "Xã, phường, thị trấn",
}
LEVEL_ROW = {"central": 0, "province": 1, "district": 2, "commune": 3}
ROLE_LABELS = {"chu_tri": "chủ trì", "phoi_hop": "phối hợp", "thuc_hien": "thực hiện"}
STATUS_LABELS = {"open": "đang thực hiện", "late": "quá hạn", "done": "đã hoàn thành"}
DIRECTION_LABELS = {"up": "chiều lên", "down": "chiều xuống", "both": "hai chiều"}
#: the groups of an overview, in the order of its bands (a level of LEVEL_ROW, documents of no
#: known level, then tasks and bodies) -> what the group's box says it holds
GROUP_LABELS = {
    "central": "văn bản Trung ương",
    "province": "văn bản cấp tỉnh",
    "district": "văn bản cấp huyện",
    "commune": "văn bản cấp xã",
    "unknown": "văn bản chưa rõ cấp",
    "Obligation": "nhiệm vụ",
    "Body": "cơ quan được giao",
}
NO_PLACE = "Chưa rõ địa bàn"

NODE_COLORS = {
    "central": "#a93226",
    "province": "#1f618d",
    "district": "#1e8449",
    "commune": "#7e5109",
    "unknown": "#566573",
    "Body": "#ca6f1e",
    "Obligation": "#7d3c98",
}
STATUS_BORDER = {"open": "#4a235a", "late": "#e74c3c", "done": "#27ae60"}
# code -> (colour, width, dashed)
EDGE_STYLE: dict[str, tuple[str, float, bool]] = {
    "THUC_HIEN": ("#e67e22", 3.0, False),
    "THAY_THE": ("#c0392b", 3.0, False),
    "CAN_CU": ("#2e86c1", 2.0, False),
    "SUA_DOI": ("#8e44ad", 2.5, False),
    "BAI_BO": ("#17202a", 2.5, True),
    "HUONG_DAN": ("#16a085", 2.0, False),
    "TONG_KET": ("#27ae60", 2.0, True),
    "DAN_CHIEU": ("#aab7b8", 1.0, True),
    "DAT_RA": ("#a569bd", 1.5, False),
    "GIAO_CHO": ("#d4ac0d", 1.5, False),
    "BAN_HANH": ("#7f8c8d", 1.0, True),
    "THUOC": ("#b2babb", 1.0, True),
    "DUOC_THUC_HIEN_BOI": ("#229954", 2.0, True),
}
EDGE_LABELS = {r.value: r.label for r in Rel} | {k: v[0] for k, v in STRUCTURAL_LABELS.items()}


def level_of(a: dict) -> str:
    level = a.get("level")
    if level in LEVEL_ROW:
        return level
    if a.get("jurisdiction") == CENTRAL:
        return "central"
    return "province" if a.get("jurisdiction") else "unknown"


def format_date(value: str | None) -> str:
    """`2021-06-09` -> `09/06/2021`, the way the documents write it; a bare year stays."""
    if not value:
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else value


def short(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_label(nid: str, a: dict, one_line: bool = False) -> str:
    """What a node shows: symbol (or name) and date; a body's name; the start of a task."""
    sep = " " if one_line else "\n"
    kind = a.get("kind")
    if kind == "Body":
        return short(a.get("name") or nid, 40)
    if kind == "Obligation":
        return short(a.get("text") or nid, 48)
    head = a.get("symbol") or short(a.get("name") or nid, 60)
    when = format_date(a.get("date"))
    if one_line:
        return f"{head} ({when})" if when else head
    return f"{head}{sep}{when}" if when else head


def node_color(a: dict) -> str:
    kind = a.get("kind")
    if kind in ("Body", "Obligation"):
        return NODE_COLORS[kind]
    return NODE_COLORS[level_of(a)]


def edge_color(code: str) -> str:
    return EDGE_STYLE.get(code, ("#95a5a6", 1.0, False))[0]


# -- what the view's tooltips show of the model (graph/model.py) -----------------------------------

#: model class name -> {field: the Vietnamese label its tooltip row carries}
TOOLTIP: dict[str, dict[str, str]] = {
    "Document": {
        "symbol": "Số ký hiệu",
        "name": "Tên",
        "type": "Loại",
        "date": "Ngày",
        "issuer": "Cơ quan ban hành",
        "title": "Trích yếu",
        "jurisdiction": "Địa bàn",
        "level": "Cấp",
        "signer": "Người ký",
        "source": "Nguồn",
        "in_corpus": "Nguồn",
        "id": "Mã",
    },
    "Body": {"name": "Cơ quan", "jurisdiction": "Địa bàn", "part_of": "Thuộc", "id": "Mã"},
    "Obligation": {
        "text": "Nhiệm vụ",
        "assignees": "Giao cho",
        "deadline": "Thời hạn",
        "recurring": "Định kỳ",
        "produces": "Sản phẩm",
        "status": "Tình trạng",
        "fulfilled_by": "Thực hiện bằng",
        "document": "Văn bản giao",
        "evidence": "Căn cứ",
        "id": "Mã",
    },
}

#: model fields a tooltip leaves out, and why: a test holds TOOLTIP and this to the model
NOT_IN_TOOLTIP: dict[str, dict[str, str]] = {
    "Document": {
        "type_code": "the symbol shows it",
        "number": "the symbol shows it",
        "issuer_code": "the symbol shows it",
        "identified_by": "how vbgraph found the number: for the JSON, not for readers of the map",
    },
    "Body": {
        "level": "the colour and band show it",
        "aliases": "spellings, not facts",
        "generic": "the name says it ('sở', 'ngành tỉnh')",
    },
    "Obligation": {
        "produces_level": "the planned document's level is in the band of its fulfilment",
        "fulfilment": "Tình trạng says it",
        "fulfilment_score": "a matching score for the JSON",
        "source": "where vbgraph read it (section, sentence, table): for the JSON",
        "more_evidence": "the first reading is shown; the others are the same task read again",
    },
}
