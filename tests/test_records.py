"""Extraction records as the store keeps them: to_dict and from_dict, also for a store written
before a field was removed (TextDocument.issuer_level, Citation.alias_of)."""

from __future__ import annotations

import json

import pytest

from vbgraph.graph.store import Store
from vbgraph.loaders.parse import parse_text
from vbgraph.loaders.records import Assignment, FileRecord, ObligationRecord

from factories import party_doc

# Fields earlier versions wrote, as they wrote them: (part of the record, field, a value).
REMOVED = [
    ("documents", "issuer_level", "province"),
    ("citations", "alias_of", None),
    ("citations", "alias_of", 3),
]


TEXT = party_doc(
    preamble="Thực hiện Nghị quyết số 52-NQ/TW ngày 01/5/2019 của Bộ Chính trị;",
    body="I- QUAN ĐIỂM, MỤC TIÊU\n\n1. Phát triển du lịch bền vững.\n\nII- TỔ CHỨC THỰC HIỆN\n\n"
    "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch xây dựng Kế hoạch"
    " thực hiện Nghị quyết, hoàn thành trong Quý III/2021.",
)

# An obligation of TEXT as versions before ObligationRecord stored it: a plain dict, `document`
# only when it applies, evidence without the empty places.
OLD_OBLIGATION = {
    "text": "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch xây dựng Kế hoạch"
    " thực hiện Nghị quyết, hoàn thành trong Quý III/2021.",
    "assignees": [
        {"name": "Ban Tuyên giáo Tỉnh ủy", "role": "chu_tri"},
        {"name": "Sở Văn hóa, Thể thao và Du lịch", "role": "phoi_hop"},
    ],
    "recurring": None,
    "produces": {"type": "Kế hoạch", "title": "thực hiện Nghị quyết"},
    "produces_level": None,
    "kind": "section",
    "deadline": {"text": "hoàn thành trong Quý III/2021", "start": "2021-07-01", "end": "2021-09-30"},
    "document": 0,
    "evidence": {
        "file": "a.txt",
        "line": 23,
        "quote": "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch xây dựng"
        " Kế hoạch thực hiện Nghị quyết, hoàn thành trong Quý III/2021.",
    },
}


def _record() -> FileRecord:
    return parse_text(TEXT, "a.txt")


def _with_old_fields(d: dict, part: str, name: str, value) -> dict:
    return {**d, part: [{**x, name: value} for x in d[part]]}


def test_round_trip():
    rec = _record()
    assert rec.documents and rec.citations and rec.obligations  # the test needs all three parts
    assert all(isinstance(o, ObligationRecord) for o in rec.obligations)
    assert FileRecord.from_dict(json.loads(json.dumps(rec.to_dict()))) == rec


def test_obligations_stored_as_plain_dicts_still_load():
    rec = _record()
    old = {**rec.to_dict(), "obligations": [OLD_OBLIGATION]}
    assert FileRecord.from_dict(old) == rec
    assert rec.obligations[0].as_dict() == OLD_OBLIGATION


def test_a_relayed_obligation_stored_as_a_plain_dict_loads_with_its_citation():
    old = {k: v for k, v in OLD_OBLIGATION.items() if k != "document"} | {"cited": 2}
    (o,) = FileRecord.from_dict({**_record().to_dict(), "obligations": [old]}).obligations
    assert (o.document, o.cited, o.assignees) == (
        None,
        2,
        (
            Assignment("Ban Tuyên giáo Tỉnh ủy", "chu_tri"),
            Assignment("Sở Văn hóa, Thể thao và Du lịch", "phoi_hop"),
        ),
    )


@pytest.mark.parametrize(("part", "name", "value"), REMOVED)
def test_fields_since_removed_are_left_out(part, name, value):
    rec = _record()
    old = _with_old_fields(rec.to_dict(), part, name, value)
    assert FileRecord.from_dict(old) == rec


def test_a_store_written_before_still_loads(tmp_path):
    """A version-1 store (graph.json) whose records carry fields since removed, and obligations as
    plain dicts, is migrated with the records it had."""
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    Store(tmp_path / "fresh").ingest([f])
    new = Store(tmp_path / "fresh").records
    assert [o for r in new.values() for o in r.obligations]
    records = {k: r.to_dict() for k, r in new.items()}
    for part, name, value in REMOVED:
        records = {k: _with_old_fields(v, part, name, value) for k, v in records.items()}
    for v in records.values():  # obligations as plain dicts, as before ObligationRecord
        v["obligations"] = [o.as_dict() for o in FileRecord.from_dict(v).obligations]
    data = {"format": "vbgraph-store", "version": 1, "records": records, "texts": {}, "graph": {}}
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert Store(tmp_path / "store").records == new
