"""The embedded store: idempotent ingest, merging, bad files, never half-written."""

from __future__ import annotations

import json

import pytest

from vbgraph.errors import StoreError
from vbgraph.graph import incremental
from vbgraph.graph import store as st
from vbgraph.graph.store import Store

from factories import party_doc


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def snapshot(store_dir) -> str:
    """What a user sees of a store: its JSON export, read by a new process's worth of state."""
    from vbgraph.exports.json_export import generate

    return json.dumps(generate(Store(store_dir).graph), ensure_ascii=False, sort_keys=True)


def test_reingest_changes_nothing_and_parses_nothing(tmp_path, monkeypatch):
    f = write(tmp_path, "a.txt", party_doc())
    s = Store(tmp_path / "store")
    assert s.ingest([f]).added == [str(f)]
    before = snapshot(tmp_path / "store")

    def no_parsing(*_a, **_k):
        raise AssertionError("an unchanged file was parsed")

    monkeypatch.setattr("vbgraph.loaders.parse.parse_source", no_parsing)
    report = Store(tmp_path / "store").ingest([f])
    assert report.unchanged == [str(f)] and not report.changed and not report.failed
    assert snapshot(tmp_path / "store") == before


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
    before = snapshot(tmp_path / "store")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(incremental._Run, "graph_attributes", boom)  # the last step of resolving
    with pytest.raises(StoreError, match=r"store: cannot write \(disk full\); the store is as it was before"):
        Store(tmp_path / "store").ingest([write(tmp_path, "b.txt", party_doc(number="13"))])
    monkeypatch.undo()
    assert snapshot(tmp_path / "store") == before
    assert sorted(Store(tmp_path / "store").records) == ["a.txt"]  # b.txt's record rolled back too
    assert not (tmp_path / "store" / "lock").exists()


def test_the_store_is_one_sqlite_file_with_a_schema_version_and_a_row_per_file(tmp_path):
    import sqlite3

    Store(tmp_path / "store").ingest([write(tmp_path, "a.txt", party_doc())])
    con = sqlite3.connect(tmp_path / "store" / "store.sqlite")
    meta = dict(con.execute("SELECT key, value FROM meta"))
    assert meta["format"] == "vbgraph-store" and meta["schema_version"] == "9"
    assert [r[0] for r in con.execute("SELECT name FROM files")] == ["a.txt"]
    assert ("bac-giang:12-NQ/TU@2021-06-08",) in con.execute("SELECT id FROM nodes WHERE kind = 'Document'")


def _schema(path) -> set[tuple]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return set(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        con.close()


@pytest.mark.parametrize("version", [3, 4, 6, 7, 8])
def test_a_migrated_store_has_the_tables_and_indexes_of_a_new_one(tmp_path, version):
    """Version 3 had no count indexes; version 4 made them only when migrating from 3, so the stores
    it made new lacked them (and `bodies` read every assignment at 100k documents); version 6 had
    no labels of the documents, version 7 had them as an index of json_extract; version 8 kept no
    closure of the central documents' implementations."""
    import sqlite3

    preamble = "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về chuyển đổi số,"
    f = write(tmp_path, "a.txt", party_doc(preamble=preamble))
    Store(tmp_path / "new").ingest([f])
    Store(tmp_path / "old").ingest([f])
    con = sqlite3.connect(tmp_path / "old" / "store.sqlite")
    con.execute("DROP TABLE central_reach")
    if version < 8:
        con.execute("DROP TABLE doc_labels")
    if version < 7:
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE '%json_extract%'"
        ).fetchall():
            con.execute(f"DROP INDEX {name}")
    elif version == 7:
        con.executescript(
            "DROP INDEX edges_key; DROP INDEX edges_source; DROP INDEX edges_target;"
            "CREATE INDEX edges_key ON edges (key, target, json_extract(attrs, '$.vai_tro'));"
            "CREATE INDEX edges_source ON edges (source, key); CREATE INDEX edges_target ON edges (target, key);"
        )
        con.execute(
            "CREATE INDEX nodes_labels ON nodes (id, json_extract(attrs, '$.symbol'), json_extract(attrs, "
            "'$.name'), json_extract(attrs, '$.date'), json_extract(attrs, '$.jurisdiction')) WHERE kind = 'Document'"
        )
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    con.commit()
    con.close()
    assert _schema(tmp_path / "old" / "store.sqlite") != _schema(tmp_path / "new" / "store.sqlite")
    before = snapshot(tmp_path / "old")  # opening it migrates it
    assert _schema(tmp_path / "old" / "store.sqlite") == _schema(tmp_path / "new" / "store.sqlite")
    assert before == snapshot(tmp_path / "new")
    old, new = Store(tmp_path / "old"), Store(tmp_path / "new")
    assert old.direct_reach() == new.direct_reach() != []
    assert old.central_reach() == new.central_reach() != []


def test_a_whole_resolution_puts_back_the_indexes_it_set_aside(tmp_path):
    """A first ingest fills the tasks' tables without their indexes and makes them after; another
    ingest (that resolves only what changed) keeps them: the tables and indexes of an empty store."""
    from vbgraph.graph import database as db

    con = db.build(tmp_path / "empty")
    db.publish(con, tmp_path / "empty")
    a, b = write(tmp_path, "a.txt", party_doc()), write(tmp_path, "b.txt", party_doc(number="13"))
    Store(tmp_path / "store").ingest([a])
    assert _schema(tmp_path / "store" / "store.sqlite") == _schema(tmp_path / "empty" / "store.sqlite")
    Store(tmp_path / "store").ingest([b])
    assert _schema(tmp_path / "store" / "store.sqlite") == _schema(tmp_path / "empty" / "store.sqlite")


def _titles_apart(path) -> tuple[int, int, list[tuple]]:
    """Title rows, document nodes, and the title rows whose rowid is not their document node's seq."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        apart = con.execute(
            "SELECT t.rowid, t.id FROM titles_fts t LEFT JOIN nodes n ON n.seq = t.rowid WHERE n.id IS NOT t.id"
        ).fetchall()
        (titles,) = con.execute("SELECT count(*) FROM titles_fts").fetchone()
        (docs,) = con.execute("SELECT count(*) FROM nodes WHERE kind = 'Document'").fetchone()
        return titles, docs, apart
    finally:
        con.close()


def test_a_changed_documents_title_replaces_its_old_one_in_the_title_index(tmp_path):
    """A title's row is numbered by its document node's seq, so a change deletes it by rowid (by
    its id, every title of the store would be read for each document changed)."""
    a = write(tmp_path, "a.txt", party_doc(subject="về phát triển du lịch"))
    b = write(tmp_path, "b.txt", party_doc(number="13", subject="về chuyển đổi số"))
    Store(tmp_path / "store").ingest([a, b])
    write(tmp_path, "b.txt", party_doc(number="13", subject="về xây dựng nông thôn mới"))
    Store(tmp_path / "store").ingest([a, b])
    titles, docs, apart = _titles_apart(tmp_path / "store" / "store.sqlite")
    assert (titles, apart) == (docs, []) and docs >= 2
    s = Store(tmp_path / "store")
    assert s.documents_titled(["nong", "thon", "moi"]) == {"bac-giang:13-NQ/TU@2021-06-08"}
    assert s.documents_titled(["chuyen", "doi", "so"]) == set()


def test_a_version_5_stores_titles_are_numbered_by_their_nodes(tmp_path):
    import sqlite3

    f = write(tmp_path, "a.txt", party_doc())
    Store(tmp_path / "store").ingest([f, write(tmp_path, "b.txt", party_doc(number="13"))])
    path = tmp_path / "store" / "store.sqlite"
    con = sqlite3.connect(path)
    rows = con.execute("SELECT rowid, id, words FROM titles_fts").fetchall()
    con.execute("DELETE FROM titles_fts")
    con.executemany(
        "INSERT INTO titles_fts (rowid, id, words) VALUES (?, ?, ?)", [(r + 1000, i, w) for r, i, w in rows]
    )
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    assert _titles_apart(path)[2]
    before = snapshot(tmp_path / "store")  # opening it migrates it
    titles, docs, apart = _titles_apart(path)
    assert (titles, apart) == (docs, [])
    write(tmp_path, "a.txt", party_doc(subject="về xây dựng nông thôn mới"))
    Store(tmp_path / "store").ingest([f])
    assert Store(tmp_path / "store").documents_titled(["nong", "thon"]) == {"bac-giang:12-NQ/TU@2021-06-08"}
    assert before != snapshot(tmp_path / "store") and _titles_apart(path)[2] == []


def test_bodies_and_stats_are_counted_from_the_count_indexes(tmp_path):
    """The counts `bodies` and `stats` make are read from the indexes made for them, not by walking
    the table (whose rows hold every edge's evidence: gigabytes at 100k documents)."""
    import re

    from vbgraph.graph import database as db
    from vbgraph.queries.obligations import bodies_in_store

    Store(tmp_path / "store").ingest([write(tmp_path, "a.txt", party_doc())])
    s = Store(tmp_path / "store")
    con = s._db()
    statements: list[str] = []
    con.set_trace_callback(statements.append)
    assert bodies_in_store(s) and s.counts()["documents"]
    con.set_trace_callback(None)
    counts = [x for x in statements if "count(" in x and ("FROM edges" in x or "FROM nodes" in x)]
    assert len(counts) >= 3
    for sql in counts:
        plan = " ".join(row[-1] for row in con.execute("EXPLAIN QUERY PLAN " + sql))
        assert any(f"INDEX {name}" in plan for name in re.findall(r"EXISTS (\w+) ON", db.COUNTS)), (sql, plan)


def test_a_store_from_a_newer_version_is_refused_clearly(tmp_path):
    import sqlite3

    from vbgraph.errors import StoreError

    Store(tmp_path / "store").ingest([write(tmp_path, "a.txt", party_doc())])
    con = sqlite3.connect(tmp_path / "store" / "store.sqlite")
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    with pytest.raises(StoreError, match="store version 99 is newer than this vbgraph reads"):
        _ = Store(tmp_path / "store").graph


def test_a_version_1_store_is_migrated_and_gives_the_same_graph(tmp_path):
    """Version 1 kept records, texts and the graph in one graph.json: its records move into the
    database, the graph is resolved again from them, and the old file stays as graph.json.migrated."""
    import networkx as nx

    a, b = write(tmp_path, "a.txt", party_doc()), write(tmp_path, "b.txt", party_doc(number="13"))
    Store(tmp_path / "fresh").ingest([a, b])
    fresh = Store(tmp_path / "fresh")
    v1 = {
        "format": "vbgraph-store",
        "version": 1,
        "records": {k: r.to_dict() for k, r in fresh.records.items()},
        "texts": {k: fresh.texts[k] for k in fresh.records},
        "graph": nx.node_link_data(fresh.graph, edges="edges"),
    }
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "graph.json").write_text(json.dumps(v1, ensure_ascii=False), encoding="utf-8")
    assert snapshot(tmp_path / "old") == snapshot(tmp_path / "fresh")
    assert (tmp_path / "old" / "graph.json.migrated").exists() and not (
        tmp_path / "old" / "graph.json"
    ).exists()
    assert Store(tmp_path / "old").texts["a.txt"] == fresh.texts["a.txt"]
    report = Store(tmp_path / "old").ingest([a, b])  # the same texts: nothing changes
    assert sorted(report.unchanged) == [str(a), str(b)] and not report.changed
    assert snapshot(tmp_path / "old") == snapshot(tmp_path / "fresh")


def test_a_version_1_store_of_another_version_is_refused_clearly(tmp_path):
    from vbgraph.errors import StoreError

    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "graph.json").write_text(
        '{"format": "vbgraph-store", "version": 99}', encoding="utf-8"
    )
    with pytest.raises(StoreError, match="version 99"):
        _ = Store(tmp_path / "store").graph
    assert not (tmp_path / "store" / "store.sqlite").exists()  # nothing half-made


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
    before = snapshot(tmp_path / "store")
    code = "import sys; from vbgraph.graph.store import Store; Store(sys.argv[1]).ingest([sys.argv[2]])"
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "store"), str(CORPUS_003)])
    deadline = time.monotonic() + 30
    while not (tmp_path / "store" / "lock").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)  # mid-ingest: the lock stays behind
    proc.wait()
    assert (tmp_path / "store" / "lock").exists()
    assert snapshot(tmp_path / "store") == before  # the previous state, whole
    report = Store(tmp_path / "store").ingest([write(tmp_path, "b.txt", party_doc(number="13"))])
    assert report.added and "bac-giang:13-NQ/TU@2021-06-08" in Store(tmp_path / "store").graph


def test_a_first_ingest_killed_leaves_no_store_and_the_next_one_runs(tmp_path):
    """A new store is built beside its place and put there whole: killed before, there is none
    (as before the ingest), and the next ingest starts afresh over what the killed one left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import CORPUS_003

    store = tmp_path / "store"
    code = "import sys; from vbgraph.graph.store import Store; Store(sys.argv[1]).ingest([sys.argv[2]])"
    proc = subprocess.Popen([sys.executable, "-c", code, str(store), str(CORPUS_003)])
    built = store / "store.sqlite.new"
    deadline = time.monotonic() + 30
    while not built.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)  # while the build is written
    proc.wait()
    assert built.exists() and not (store / "store.sqlite").exists()
    assert not Store(store).exists() and len(Store(store).graph) == 0
    report = Store(store).ingest([write(tmp_path, "a.txt", party_doc())])
    assert report.added and "bac-giang:12-NQ/TU@2021-06-08" in Store(store).graph
    assert not [p.name for p in store.iterdir() if p.name.startswith("store.sqlite.new")]


def test_a_first_ingest_that_fails_leaves_no_store(tmp_path, monkeypatch):
    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(incremental._Run, "graph_attributes", boom)  # the last step of resolving
    with pytest.raises(StoreError, match=r"store: cannot write \(disk full\); the store is as it was before"):
        Store(tmp_path / "store").ingest([write(tmp_path, "a.txt", party_doc())])
    monkeypatch.undo()
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == []
    assert not Store(tmp_path / "store").exists()


def test_a_first_ingest_that_cannot_be_put_in_place_leaves_no_store(tmp_path, monkeypatch):
    import os

    def refused(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(StoreError, match=r"store: cannot write \(No space left on device\); the store is as"):
        Store(tmp_path / "store").ingest([write(tmp_path, "a.txt", party_doc())])
    monkeypatch.undo()
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == []


def test_a_first_ingest_makes_the_store_other_ingests_make(tmp_path):
    """The build (journal in memory, no syncs, published in WAL mode) gives the store an ingest
    into an existing store gives: the same rows, and a database in WAL mode like any other."""
    import sqlite3

    a, b = write(tmp_path, "a.txt", party_doc()), write(tmp_path, "b.txt", party_doc(number="13"))
    Store(tmp_path / "first").ingest([a, b])
    Store(tmp_path / "second").ingest([])  # an empty store first
    Store(tmp_path / "second").ingest([a, b])
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "second")
    con = sqlite3.connect(tmp_path / "first" / "store.sqlite")
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


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


def test_a_moved_file_is_recognised_by_its_bytes_and_not_parsed_again(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    f = write(tmp_path / "in", "a.txt", party_doc())
    Store(tmp_path / "store").ingest([tmp_path / "in"])
    (tmp_path / "in" / "2021").mkdir()
    moved = f.rename(tmp_path / "in" / "2021" / "a.txt")
    monkeypatch.setattr("vbgraph.loaders.parse.parse_source", lambda *a, **k: pytest.fail("parsed again"))
    report = Store(tmp_path / "store").ingest([tmp_path / "in"])
    assert report.moved == [("a.txt", str(moved))] and not report.added
    s = Store(tmp_path / "store")
    assert sorted(s.records) == ["2021/a.txt"]
    assert s.graph.nodes["bac-giang:12-NQ/TU@2021-06-08"]["source"]["file"] == "2021/a.txt"
    assert s.texts["2021/a.txt"][1] and "a.txt" not in s.texts


def test_a_copy_of_a_file_still_in_place_is_a_file_of_its_own(tmp_path):
    (tmp_path / "in").mkdir()
    f = write(tmp_path / "in", "a.txt", party_doc())
    Store(tmp_path / "store").ingest([f])
    copy = write(tmp_path / "in", "copy.txt", party_doc())
    report = Store(tmp_path / "store").ingest([copy])
    assert report.added == [str(copy)] and not report.moved


def test_records_of_another_extractor_are_made_again_saying_so(tmp_path, monkeypatch):
    a, b = write(tmp_path, "a.txt", party_doc()), write(tmp_path, "b.txt", party_doc(number="13"))
    Store(tmp_path / "store").ingest([a, b])
    before = snapshot(tmp_path / "store")
    monkeypatch.setattr(st, "extractor_version", lambda: "9.9+upgraded")
    report = Store(tmp_path / "store").ingest([a])  # b.txt is not given, but it is still in place
    assert sorted(report.unchanged) == [str(a), str(b)] and not report.reextracted  # the same records
    assert snapshot(tmp_path / "store") == before
    rows = st.db.connect(tmp_path / "store", create=False).execute("SELECT DISTINCT extractor FROM files")
    assert rows.fetchall() == [("9.9+upgraded",)]


def test_a_record_an_upgrade_changes_is_reported_as_re_extracted(tmp_path, monkeypatch):
    import sqlite3

    a = write(tmp_path, "a.txt", party_doc())
    Store(tmp_path / "store").ingest([a])
    con = sqlite3.connect(tmp_path / "store" / "store.sqlite")  # as an older extractor had made it
    record = json.loads(con.execute("SELECT record FROM files").fetchone()[0])
    record["documents"][0]["title"] = "an older reading"
    con.execute("UPDATE files SET record = ?, extractor = 'old'", (json.dumps(record, ensure_ascii=False),))
    con.commit()
    report = Store(tmp_path / "store").ingest([a])
    assert report.reextracted == [str(a)] and report.changed


def _tamper_titles(store_dir, resolver: str | None) -> None:
    """A resolved graph as other code left it: titles it read otherwise (and its resolver's name)."""
    import sqlite3

    con = sqlite3.connect(store_dir / "store.sqlite")
    con.execute(
        "UPDATE nodes SET attrs = json_set(attrs, '$.title', 'an older reading') WHERE kind = 'Document'"
    )
    if resolver is not None:
        con.execute("UPDATE meta SET value = ? WHERE key = 'resolver'", (resolver,))
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("resolver", "again"),
    [
        ("0.0.9+old+0123456789ab", True),  # resolved by another version: all of it again
        (None, False),  # by this one: unchanged files cost no resolution
    ],
)
def test_a_store_resolved_by_other_code_is_resolved_again_whole(tmp_path, resolver, again):
    """An upgrade that changes how the graph is resolved, not what the files' records hold, still
    reaches the store: its next ingest resolves every file again, and says so."""
    a, b = write(tmp_path, "a.txt", party_doc()), write(tmp_path, "b.txt", party_doc(number="13"))
    Store(tmp_path / "store").ingest([a, b])
    fresh = snapshot(tmp_path / "store")
    _tamper_titles(tmp_path / "store", resolver)
    report = Store(tmp_path / "store").ingest([a])  # unchanged, b.txt not even given
    assert report.reresolved is again and report.unchanged == [str(a)] and not report.changed
    assert (snapshot(tmp_path / "store") == fresh) is again


def test_the_cli_says_when_it_resolved_the_store_again(tmp_path):
    from typer.testing import CliRunner

    from vbgraph.cli import app

    a = write(tmp_path, "a.txt", party_doc())
    store = str(tmp_path / "store")
    assert CliRunner().invoke(app, ["ingest", str(a), "--store", store]).exit_code == 0
    _tamper_titles(tmp_path / "store", "0.0.9+old+0123456789ab")
    again = CliRunner().invoke(app, ["ingest", str(a), "--store", store])
    assert again.exit_code == 0 and "another version of vbgraph had resolved it" in again.stderr
    quiet = CliRunner().invoke(app, ["ingest", str(a), "--store", store])
    assert quiet.exit_code == 0 and "resolved" not in quiet.stderr


@pytest.mark.parametrize("order", [("a", "b", "c"), ("c", "a", "b")])
def test_ingesting_file_by_file_equals_one_full_ingest(tmp_path, order):
    """The incremental path (each ingest adds to the store) gives the byte-identical export of
    one ingest of all the files into a new store."""
    files = {
        "a": write(tmp_path, "a.txt", party_doc()),
        "b": write(
            tmp_path,
            "b.txt",
            party_doc(
                number="13",
                preamble="Thực hiện Nghị quyết số 12-NQ/TU ngày 08/6/2021 của Ban Thường vụ Tỉnh ủy,",
            ),
        ),
        "c": write(
            tmp_path,
            "c.txt",
            party_doc(
                number="14",
                code="KH",
                heading="KẾ HOẠCH",
                body="1. Sở Tài chính chủ trì thực hiện, hoàn thành trước ngày 30/12/2021.",
            ),
        ),
    }
    Store(tmp_path / "full").ingest(list(files.values()))
    for k in order:
        Store(tmp_path / "step").ingest([files[k]])
    assert snapshot(tmp_path / "step") == snapshot(tmp_path / "full")


def test_parsing_in_several_processes_gives_what_one_gives(tmp_path):
    files = [
        write(tmp_path, f"{n}.txt", party_doc(number=str(n))) for n in range(10, 10 + 2 * st.PARALLEL_FROM)
    ]
    one, two = Store(tmp_path / "one"), Store(tmp_path / "two")
    assert len(one.ingest(files, jobs=1).added) == len(two.ingest(files, jobs=2).added) == len(files)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert Store(tmp_path / "two").texts["10.txt"] == Store(tmp_path / "one").texts["10.txt"]


def test_the_command_line_says_what_moved_and_what_was_read_again(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from vbgraph.cli import app

    (tmp_path / "in").mkdir()
    f = write(tmp_path / "in", "a.txt", party_doc())
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--store", store]).exit_code == 0
    (tmp_path / "in" / "old").mkdir()
    f.rename(tmp_path / "in" / "old" / "a.txt")
    moved = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--store", store, "--jobs", "1"])
    assert moved.exit_code == 0, moved.output
    assert f"moved: a.txt is now {tmp_path / 'in' / 'old' / 'a.txt'}" in moved.stderr
    assert "0 added, 0 updated, 0 unchanged, 1 moved, 0 failed" in moved.stdout
    monkeypatch.setattr(st, "extractor_version", lambda: "9.9+upgraded")
    again = runner.invoke(app, ["ingest", str(tmp_path / "in" / "old" / "a.txt"), "--store", store])
    assert again.exit_code == 0 and "1 unchanged" in again.stdout  # read again, the same record
