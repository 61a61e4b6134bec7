"""The embedded store: idempotent ingest, merging, bad files, never half-written."""

from __future__ import annotations

import json

import pytest

from vbgraph.graph import store as st
from vbgraph.graph.store import Store

from factories import party_doc


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reingest_changes_nothing(tmp_path):
    f = write(tmp_path, "a.txt", party_doc())
    s = Store(tmp_path / "store")
    assert s.ingest([f]).added == [str(f)]
    before = (tmp_path / "store" / "graph.json").read_bytes()
    report = Store(tmp_path / "store").ingest([f])
    assert report.unchanged == [str(f)] and not report.changed
    assert (tmp_path / "store" / "graph.json").read_bytes() == before


def test_folders_are_read_recursively_and_only_text(tmp_path):
    write(tmp_path, "a.txt", party_doc())
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.md", party_doc(number="13"))
    write(tmp_path / "sub", "c.pdf", "not this")
    s = Store(tmp_path / "store")
    report = s.ingest([tmp_path])
    assert sorted(p.rsplit("/", 1)[-1] for p in report.added) == ["a.txt", "b.md"]
    assert {"bac-giang:12-NQ/TU@2021-06-08", "bac-giang:13-NQ/TU@2021-06-08"} <= set(s.graph.nodes)


def test_bad_files_are_named_with_a_reason_and_the_rest_ingests(tmp_path):
    good = write(tmp_path, "good.txt", party_doc())
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    fake_pdf = tmp_path / "scan.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4\x00\x01\x02")
    empty = write(tmp_path, "empty.txt", "  \n")
    s = Store(tmp_path / "store")
    report = s.ingest([binary, fake_pdf, empty, tmp_path / "missing.txt", good])
    reasons = dict(report.failed)
    assert reasons[str(binary)] == "not a text file (binary content)"
    assert reasons[str(fake_pdf)].startswith("not a readable PDF")
    assert reasons[str(empty)] == "empty file"
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or folder"
    assert report.added == [str(good)]
    assert "bac-giang:12-NQ/TU@2021-06-08" in Store(tmp_path / "store").graph


def test_a_windows_1258_text_ingests_with_a_warning_naming_its_encoding(tmp_path):
    from test_encodings import to_cp1258

    from vbgraph.loaders.encodings import decode

    data = to_cp1258(party_doc())
    assert decode(data, "x").encoding == "cp1258"
    f = tmp_path / "legacy.txt"
    f.write_bytes(data)
    report = Store(tmp_path / "store").ingest([f])
    assert report.added == [str(f)]
    assert any("Windows-1258" in w for w in report.warnings)
    assert "bac-giang:12-NQ/TU@2021-06-08" in Store(tmp_path / "store").graph


def test_a_crash_while_saving_leaves_the_old_store(tmp_path, monkeypatch):
    s = Store(tmp_path / "store")
    s.ingest([write(tmp_path, "a.txt", party_doc())])
    before = (tmp_path / "store" / "graph.json").read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(st.os, "fsync", boom)
    with pytest.raises(OSError, match="disk full"):
        Store(tmp_path / "store").ingest([write(tmp_path, "b.txt", party_doc(number="13"))])
    assert (tmp_path / "store" / "graph.json").read_bytes() == before
    assert not [p for p in (tmp_path / "store").iterdir() if p.name.endswith(".tmp")]
    assert not (tmp_path / "store" / "lock").exists()


def test_store_file_is_node_link_json_with_records(tmp_path):
    s = Store(tmp_path / "store")
    s.ingest([write(tmp_path, "a.txt", party_doc())])
    data = json.loads((tmp_path / "store" / "graph.json").read_text(encoding="utf-8"))
    assert data["format"] == "vbgraph-store" and data["version"] == 1
    assert list(data["records"]) == ["a.txt"]
    assert {n["id"] for n in data["graph"]["nodes"]} >= {"bac-giang:12-NQ/TU@2021-06-08"}


def test_a_store_from_another_version_is_refused_clearly(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "graph.json").write_text(
        '{"format": "vbgraph-store", "version": 99}', encoding="utf-8"
    )
    from vbgraph.errors import StoreError

    with pytest.raises(StoreError, match="version 99"):
        _ = Store(tmp_path / "store").graph


def test_a_reader_that_breaks_costs_only_its_file(tmp_path, monkeypatch):
    import vbgraph.loaders.read_html as read_html

    def broken(*_a, **_k):
        raise ValueError("unexpected markup")

    monkeypatch.setattr(read_html, "read_html", broken)
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    good = write(tmp_path, "good.txt", party_doc())
    report = Store(tmp_path / "store").ingest([page, good])
    assert report.failed == [
        (str(page), "could not be read (ValueError: unexpected markup); please report it with the file")
    ]
    assert report.added == [str(good)]


def test_progress_is_told_each_file_with_how_many_are_done_of_all(tmp_path):
    files = [write(tmp_path, f"{n}.txt", party_doc(number=str(n))) for n in (11, 12, 13)]
    seen = []
    Store(tmp_path / "store").ingest(
        files, progress=lambda f, done, total: seen.append((f.name, done, total))
    )
    assert seen == [("11.txt", 0, 3), ("12.txt", 1, 3), ("13.txt", 2, 3)]


def test_a_killed_ingest_leaves_the_store_readable_and_the_next_ingest_runs(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import CORPUS_003

    first = write(tmp_path, "a.txt", party_doc())
    Store(tmp_path / "store").ingest([first])
    before = (tmp_path / "store" / "graph.json").read_bytes()
    code = "import sys; from vbgraph.graph.store import Store; Store(sys.argv[1]).ingest([sys.argv[2]])"
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "store"), str(CORPUS_003)])
    deadline = time.monotonic() + 30
    while not (tmp_path / "store" / "lock").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)  # mid-ingest: the lock stays behind
    proc.wait()
    assert (tmp_path / "store" / "lock").exists()
    assert (tmp_path / "store" / "graph.json").read_bytes() == before  # the previous state, whole
    report = Store(tmp_path / "store").ingest([write(tmp_path, "b.txt", party_doc(number="13"))])
    assert report.added and "bac-giang:13-NQ/TU@2021-06-08" in Store(tmp_path / "store").graph


def test_a_lock_held_by_a_running_vbgraph_is_respected(tmp_path):
    import os

    from vbgraph.errors import StoreError

    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "lock").write_text(str(os.getpid()), encoding="ascii")
    with pytest.raises(StoreError, match=f"another vbgraph \\(pid {os.getpid()}\\) is writing this store"):
        Store(tmp_path / "store").ingest([write(tmp_path, "a.txt", party_doc())])


@pytest.mark.parametrize("given", ["folder", "files"])
def test_two_files_of_one_name_in_two_folders_both_stay(tmp_path, given):
    for sub, number in (("a", "12"), ("b", "13")):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "nq.txt").write_text(party_doc(number=number), encoding="utf-8")
    paths = (
        [tmp_path / "in"]
        if given == "folder"
        else [tmp_path / "in" / "a" / "nq.txt", tmp_path / "in" / "b" / "nq.txt"]
    )
    report = Store(tmp_path / "store").ingest(paths)
    assert len(report.added) == 2
    s = Store(tmp_path / "store")
    assert len(s.records) == 2
    assert {"bac-giang:12-NQ/TU@2021-06-08", "bac-giang:13-NQ/TU@2021-06-08"} <= set(s.graph.nodes)
    if given == "folder":
        assert sorted(s.records) == ["a/nq.txt", "b/nq.txt"]
