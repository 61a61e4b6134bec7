"""The JSON export follows graph-json-v1 field by field and is byte-stable."""

from __future__ import annotations

import io
import json
import unicodedata

from vbgraph.exports.json_export import write_json

DOC_FIELDS = {
    "id",
    "type",
    "type_code",
    "number",
    "issuer_code",
    "symbol",
    "date",
    "issuer",
    "jurisdiction",
    "title",
    "name",
    "in_corpus",
    "source",
}
REL_TYPES = {"THUC_HIEN", "THAY_THE", "CAN_CU", "SUA_DOI", "BAI_BO", "HUONG_DAN", "TONG_KET", "DAN_CHIEU"}


def test_top_level(corpus_export):
    assert corpus_export["format"] == "vbgraph-json"
    assert corpus_export["version"] == 1
    assert {"documents", "bodies", "relations", "obligations"} <= set(corpus_export)


def test_documents_have_every_field(corpus_export):
    ids = set()
    for d in corpus_export["documents"]:
        assert set(d) >= DOC_FIELDS, d
        assert d["id"] not in ids
        ids.add(d["id"])
        if d["in_corpus"]:
            assert set(d["source"]) == {"file", "first_line", "last_line"}
            assert d["source"]["first_line"] <= d["source"]["last_line"]
        else:
            assert d["source"] is None
        if d["symbol"] is None:
            assert d["name"] and d["type_code"] is None and d["number"] is None
        if d["date"]:
            assert len(d["date"]) in (4, 10)


def test_relations_carry_evidence(corpus_export):
    ids = {d["id"] for d in corpus_export["documents"]}
    for r in corpus_export["relations"]:
        assert r["type"] in REL_TYPES
        assert r["source"] in ids and r["target"] in ids and r["source"] != r["target"]
        assert r["evidence"]
        for e in r["evidence"]:
            assert set(e) == {"document", "file", "line", "quote"}
            assert e["line"] >= 1 and e["quote"]
            assert e["document"] is None or e["document"] in ids


def test_sorted_nfc_and_byte_stable(corpus_graph):
    a, b = io.StringIO(), io.StringIO()
    write_json(corpus_graph, a)
    write_json(corpus_graph, b)
    assert a.getvalue() == b.getvalue()
    data = json.loads(a.getvalue())
    assert [d["id"] for d in data["documents"]] == sorted(d["id"] for d in data["documents"])
    keys = [(r["source"], r["target"], r["type"]) for r in data["relations"]]
    assert keys == sorted(keys)
    assert unicodedata.normalize("NFC", a.getvalue()) == a.getvalue()
