"""Questions about one document read the store by its indexes, never by a walk over a whole table.

The answers are the same either way (tests/test_store_indexes.py), so only the plans show it:
a covering index that leads with the relation code, for one, makes SQLite read every edge of a
relation for each step of a lineage (30 ms at 100k documents instead of 0.7). Without statistics
(the store keeps none) a plan depends on the schema and the statement, not on the data, so the
sample's plans are those of a store of any size."""

from __future__ import annotations

import re
import sqlite3

import pytest

import vbgraph
from vbgraph.queries import indexed

DOCS = [
    "dak-lak:175-KH/TU@2020-06-08",  # a province's plan implementing a central resolution
    "52-NQ/TW@2019-09-27",  # the central resolution
    "bac-giang:03-CTr/TU@2020-12-04",  # a programme with tasks
]
# Plan details that read a table or a relation whole: "SCAN nodes", "SCAN edges USING INDEX …",
# an edge search on its relation code alone ("(key=?)").
WHOLE = re.compile(r"^SCAN (nodes|edges|r_\w+|lines)\b|^SEARCH edges USING (COVERING )?INDEX \w+ \(key=\?\)$")

QUESTIONS = [
    ("document", lambda c, s, d: c.document(d)),
    ("lineage up", lambda c, s, d: c.lineage(d, direction="up", depth=5)),
    ("lineage down", lambda c, s, d: c.lineage(d, direction="down", depth=5)),
    ("implementers", lambda c, s, d: c.implementers(d)),
    ("relations", lambda c, s, d: c.relations(d)),
    ("plan", lambda c, s, d: indexed.plan(s, d)),
    ("timeline", lambda c, s, d: indexed.timeline(s, d)),
]


def _plans(con: sqlite3.Connection, statements: list[str]) -> list[tuple[str, str]]:
    out = []
    for sql in dict.fromkeys(statements):
        if sql.lstrip().upper().startswith("SELECT"):
            out += [(sql, row[-1]) for row in con.execute("EXPLAIN QUERY PLAN " + sql)]
    return out


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize(("name", "ask"), QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_a_question_about_one_document_reads_no_table_whole(name, ask, doc, corpus_store):
    corpus = vbgraph.open_store(corpus_store.dir)
    store = corpus.store
    con = store._db()
    statements: list[str] = []
    con.set_trace_callback(statements.append)
    try:
        ask(corpus, store, doc)
    finally:
        con.set_trace_callback(None)
    assert statements, "the question read nothing from the store"
    whole = [(sql, detail) for sql, detail in _plans(con, statements) if WHOLE.search(detail)]
    assert whole == []


@pytest.mark.parametrize(
    ("detail", "whole"),
    [
        ("SCAN nodes", True),
        ("SCAN edges USING INDEX edges_key", True),
        ("SEARCH edges USING COVERING INDEX edges_relation (key=?)", True),
        ("SEARCH edges USING INDEX edges_source (source=? AND key=?)", False),
        ("SEARCH edges USING COVERING INDEX edges_key (key=? AND target=?)", False),
        ("SEARCH nodes USING INDEX sqlite_autoindex_nodes_1 (id=?)", False),
        ("SCAN titles_fts VIRTUAL TABLE INDEX 0:M2", False),
    ],
)
def test_what_counts_as_reading_a_table_whole(detail, whole):
    assert bool(WHOLE.search(detail)) is whole
