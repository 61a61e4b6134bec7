"""The closed set of relation codes: the one source for JSON codes, Neo4j types and RDF terms."""

from __future__ import annotations

from enum import StrEnum


class Rel(StrEnum):
    """Document-to-document relation types of graph-json-v1."""

    THUC_HIEN = "THUC_HIEN"
    THAY_THE = "THAY_THE"
    CAN_CU = "CAN_CU"
    SUA_DOI = "SUA_DOI"
    BAI_BO = "BAI_BO"
    HUONG_DAN = "HUONG_DAN"
    TONG_KET = "TONG_KET"
    DAN_CHIEU = "DAN_CHIEU"

    @property
    def label(self) -> str:
        """The Vietnamese edge label."""
        return LABELS_VI[self]

    @property
    def label_en(self) -> str:
        return LABELS_EN[self]


LABELS_VI = {
    Rel.THUC_HIEN: "thực hiện",
    Rel.THAY_THE: "thay thế",
    Rel.CAN_CU: "căn cứ",
    Rel.SUA_DOI: "sửa đổi, bổ sung",
    Rel.BAI_BO: "bãi bỏ",
    Rel.HUONG_DAN: "hướng dẫn",
    Rel.TONG_KET: "sơ kết / tổng kết",
    Rel.DAN_CHIEU: "dẫn chiếu",
}

LABELS_EN = {
    Rel.THUC_HIEN: "implements",
    Rel.THAY_THE: "replaces",
    Rel.CAN_CU: "is based on",
    Rel.SUA_DOI: "amends",
    Rel.BAI_BO: "repeals",
    Rel.HUONG_DAN: "guides the implementation of",
    Rel.TONG_KET: "reviews the implementation of",
    Rel.DAN_CHIEU: "cites",
}


class Edge(StrEnum):
    """The graph's other edges, between documents, bodies and obligations (closed like Rel)."""

    BAN_HANH = "BAN_HANH"  # Body -> Document: issues
    DAT_RA = "DAT_RA"  # Document -> Obligation: sets out
    GIAO_CHO = "GIAO_CHO"  # Obligation -> Body: assigns to (property vai_tro)
    THUOC = "THUOC"  # Body -> Body: is part of
    DUOC_THUC_HIEN_BOI = "DUOC_THUC_HIEN_BOI"  # Obligation -> Document: is fulfilled by

    @property
    def label(self) -> str:
        return EDGE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return EDGE_LABELS[self][1]

    @property
    def endpoints(self) -> tuple[str, str]:
        return EDGE_ENDPOINTS[self]


EDGE_LABELS = {
    Edge.BAN_HANH: ("ban hành", "issues"),
    Edge.DAT_RA: ("đặt ra", "sets out"),
    Edge.GIAO_CHO: ("giao cho", "assigns to"),
    Edge.THUOC: ("thuộc", "is part of"),
    Edge.DUOC_THUC_HIEN_BOI: ("được thực hiện bởi", "is fulfilled by"),
}

EDGE_ENDPOINTS = {
    Edge.BAN_HANH: ("Body", "Document"),
    Edge.DAT_RA: ("Document", "Obligation"),
    Edge.GIAO_CHO: ("Obligation", "Body"),
    Edge.THUOC: ("Body", "Body"),
    Edge.DUOC_THUC_HIEN_BOI: ("Obligation", "Document"),
}
