"""Extraction records as the store keeps them: to_dict and from_dict, also for a store written
before a field was removed (TextDocument.issuer_level, Citation.alias_of)."""

from __future__ import annotations

import json

import pytest

from vbgraph.graph.store import Store
from vbgraph.loaders.parse import parse_text
from vbgraph.loaders.records import FileRecord

from factories import party_doc

# Fields earlier versions wrote, as they wrote them: (part of the record, field, a value).
REMOVED = [
    ("documents", "issuer_level", "province"),
    ("citations", "alias_of", None),
    ("citations", "alias_of", 3),
]


TEXT = party_doc(preamble="Thực hiện Nghị quyết số 52-NQ/TW ngày 01/5/2019 của Bộ Chính trị;")


def _record() -> FileRecord:
    return parse_text(TEXT, "a.txt")


def _with_old_fields(d: dict, part: str, name: str, value) -> dict:
    return {**d, part: [{**x, name: value} for x in d[part]]}


def test_round_trip():
    rec = _record()
    assert rec.documents and rec.citations  # the test needs both parts
    assert FileRecord.from_dict(json.loads(json.dumps(rec.to_dict()))) == rec


@pytest.mark.parametrize(("part", "name", "value"), REMOVED)
def test_fields_since_removed_are_left_out(part, name, value):
    rec = _record()
    old = _with_old_fields(rec.to_dict(), part, name, value)
    assert FileRecord.from_dict(old) == rec


def test_a_store_written_before_still_loads(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    Store(tmp_path / "store").ingest([f])
    path = tmp_path / "store" / "graph.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    new = {k: FileRecord.from_dict(v) for k, v in data["records"].items()}
    for part, name, value in REMOVED:
        data["records"] = {k: _with_old_fields(v, part, name, value) for k, v in data["records"].items()}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert Store(tmp_path / "store").records == new
