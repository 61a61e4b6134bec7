"""Resolution kept current file by file: a change re-resolves only what it touches.

`graph.resolve` resolves all records at once; this module gives the same graph (tests compare
them byte for byte) by keeping the resolver's intermediate results in the store (`r_*` tables,
see `graph.database`) and redoing, for the files an ingest adds, changes or removes:

1. identities: the partitions of their items (`resolve.partitions`: numbered documents by
   everything of their symbol but the date, named ones by the root of their name), each
   resolved again from every file holding an item of it;
2. descriptive citations of the types whose documents changed, against those documents;
3. relations between the documents whose evidence changed or whose id did;
4. obligations of the changed files and those the changes can reach: their document changed, a
   document that may fulfil them (same type, place, level, date window, a shared word) or one
   implementing theirs changed, or the date statuses are judged on moved past their deadline;
5. bodies, replayed from the first mention of each name (a few thousand), and the graph's
   attributes.

Each step's rows are compared with what the store held, and only the differences reach the node
and edge tables. A first ingest is the same run with every partition changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import operator
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from vbgraph.graph import database as db
from vbgraph.graph import reach, tasks
from vbgraph.graph import resolve as rs
from vbgraph.graph.rows import label_row, node_row, title_words
from vbgraph.loaders.records import (
    Citation,
    FileRecord,
    ObligationRecord,
)
from vbgraph.ontology.relations import Edge, Rel

REL_CODES = frozenset(r.value for r in Rel)
# the fields of a document `Doc.as_dict` gives back (not its key, place made, the issuer its
# first citation named, or citation tallies)
DOC_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(rs.Doc)
    if f.name not in {"key", "created", "named_by", "titles", "issuers", "types"}
)
CHUNK = db.CHUNK  # rows written in one statement
SLIM = ("type", "title", "date", "issuer", "jurisdiction", "in_corpus")  # what `_Run.changed` keeps
HELD = 20_000  # documents' attributes kept for lookups by id before they are let go
CACHE_KIB = 32 * 1024  # SQLite's page cache while resolving (a fixed bound, whatever the corpus)


# `json.dumps(x, ensure_ascii=False[, sort_keys=True])`, without making an encoder for every call
_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_plain_dumps = json.JSONEncoder(ensure_ascii=False).encode


def key_text(key: tuple) -> str:
    return _plain_dumps(key)


def _text_of(texts: dict[tuple, str], key: tuple) -> str:
    """`key_text(key)`, from `texts` when it holds it."""
    text = texts.get(key)
    return key_text(key) if text is None else text


def key_of(text: str) -> tuple:
    k = json.loads(text)
    return (k[0], tuple(k[1]), *k[2:]) if k[0] == "num" else tuple(k)


def _identity_part(key: tuple) -> str:
    """The identity partition a document of this key is made in (see `resolve.partitions`)."""
    if key[0] == "num":
        return rs._partition("n", *key[1])
    return rs._partition("m", rs._edition_root(key[1]), key[2])


def _order(*parts: object) -> str:
    """A sort key SQL compares as Python compares the tuple (text as code points, numbers padded)."""
    return "\0".join(f"{p:09d}" if isinstance(p, int) else str(p) for p in parts)


@dataclass
class _DocRow:
    key: str
    part: str
    id: str
    created: tuple
    attrs: dict

    @classmethod
    def of(cls, d: rs.Doc, part: str) -> _DocRow:
        return cls(key_text(d.key), part, d.id, tuple(d.created), d.as_dict())

    def same(self, other: _DocRow | None) -> bool:
        return other is not None and (self.id, self.created, self.attrs) == (
            other.id,
            other.created,
            other.attrs,
        )

    def slim(self) -> _DocRow:
        """The row with only the attributes the later steps look at (a first ingest changes every
        document: they are all held)."""
        return _DocRow(self.key, self.part, self.id, self.created, {k: self.attrs.get(k) for k in SLIM})

    def doc(self) -> rs.Doc:
        fields: dict[str, Any] = {k: self.attrs.get(k) for k in DOC_FIELDS}
        return rs.Doc(key=key_of(self.key), created=self.created, **fields)

    def sql(self) -> tuple:
        a = self.attrs
        return (
            self.key,
            self.part,
            self.id,
            a.get("type"),
            a.get("jurisdiction"),
            a.get("date"),
            int(bool(a.get("in_corpus"))),
            _plain_dumps(self.created),
            _dumps(a),
        )


_DOC_COLS = "key, part, id, created, attrs"


def _doc_row(row: tuple) -> _DocRow:
    key, part, id_, created, attrs = row
    return _DocRow(key, part, id_, tuple(json.loads(created)), json.loads(attrs))


@dataclass
class Update:
    """One ingest's changes: the names of the files added, changed or moved in (their records are
    in the store's `files` table), and the names gone."""

    fresh: set[str]
    gone: set[str] = field(default_factory=set)


LOADED = 2000  # records decoded at a time where every changed file is read again in turn
MANY_CHANGED = 2000  # documents changed beyond which every obligation is read again


class _Run:
    """The steps of one update inside the ingest's transaction, and what each hands the next."""

    def __init__(self, con: sqlite3.Connection, change: Update):
        self.con = con
        self.fresh = change.fresh
        self.delta = change.fresh | change.gone
        self.gone = change.gone - change.fresh
        self.cache: dict[str, FileRecord] = {}  # held from identities to descriptive citations
        self.changed: dict[str, tuple[_DocRow | None, _DocRow | None]] = {}  # by key: (before, after)
        self.moved_places: set[str] = set()  # files whose citations now name other documents
        self.desc_dirty: set[str] = set()  # descriptive partitions to resolve again
        self.pairs: set[tuple[str, str]] = set()  # (source id, target id) of relations to make again
        self.implemented: set[str] = set()  # ids whose THUC_HIEN sources changed
        self.whole = False  # every record resolved again (no relation evidence before)
        self._ids: dict[str, str | None] = {}

    # -- reading -------------------------------------------------------------------------------
    def rows(self, sql: str, values: Iterable[Any], *extra: Any) -> Iterator[tuple]:
        """The rows of `sql` with its `{}` an IN (…) over `values`, in chunks."""
        for chunk in db.chunks(values):
            yield from self.con.execute(sql.format(",".join("?" * len(chunk))), (*chunk, *extra))

    def records(self, names: Iterable[str]) -> list[FileRecord]:
        """The records of these files without their obligations (what identities and citations
        need), kept for the next step that asks."""
        missing = [n for n in names if n not in self.cache]
        self.cache.update(self.load(missing))
        return sorted((self.cache[n] for n in set(names) if n in self.cache), key=lambda r: r.file)

    def load(self, names: Iterable[str]) -> dict[str, FileRecord]:
        """The records of these files read from the store, without their obligations (their own
        step reads those alone: `obligations_of`)."""
        out = {}
        for name, rec in self.rows("SELECT name, record FROM files WHERE name IN ({})", names):
            d = json.loads(rec)
            d["obligations"] = []
            out[name] = FileRecord.from_dict(d)
        return out

    def stream(self, names: Iterable[str], held: dict[str, FileRecord]) -> Iterator[FileRecord]:
        """The records of these files without their obligations, in name order, LOADED at a time;
        those in `held` (read by an earlier step) taken out of it rather than decoded again."""
        ordered = sorted(names)
        for i in range(0, len(ordered), LOADED):
            part = ordered[i : i + LOADED]
            read = self.load([n for n in part if n not in held])
            for n in part:
                if n in held:
                    yield held.pop(n)
                elif n in read:
                    yield read[n]

    def id_of(self, key: str | None) -> str | None:
        if key is None:
            return None
        if key not in self._ids:
            row = self.con.execute("SELECT id FROM r_docs WHERE key = ?", (key,)).fetchone()
            self._ids[key] = row[0] if row else None
        return self._ids[key]

    def old_id(self, key: str) -> str | None:
        if key in self.changed:
            before = self.changed[key][0]
            return before.id if before else None
        return self.id_of(key)

    # -- 1. identities -------------------------------------------------------------------------
    def identities(self) -> None:
        con = self.con
        old = {p for (p,) in self.rows("SELECT part FROM r_parts WHERE file IN ({})", self.delta)}
        con.executemany("DELETE FROM r_parts WHERE file = ?", [(f,) for f in sorted(self.delta)])
        # their citations may have changed partition (a descriptive one now numbered): made again below
        con.executemany("DELETE FROM r_places WHERE file = ?", [(f,) for f in sorted(self.delta)])
        new: set[str] = set()
        # the partition of every item, worked out once: for r_parts, the items to resolve, r_places
        parts: dict[str, rs.RecordParts] = {}
        rows: list[tuple[str, str]] = []
        for rec in self.records(self.fresh):
            held = parts[rec.file] = rs.record_partitions(rec)
            found = rs.partitions(rec, held)
            new |= found
            rows += [(p, rec.file) for p in sorted(found)]
        con.executemany("INSERT INTO r_parts (part, file) VALUES (?, ?)", rows)
        touched = old | new
        ident = {p for p in touched if not p.startswith('["d"')}
        self.desc_dirty |= touched - ident
        files = {f for (f,) in self.rows("SELECT DISTINCT file FROM r_parts WHERE part IN ({})", ident)}
        r = rs.Resolver()
        records = self.records(files)
        for rec in records:
            if rec.file not in parts:
                parts[rec.file] = rs.record_partitions(rec)
        text_docs, cits, target = r.identities(records, only=ident, parts=parts)
        texts = {key: key_text(key) for key in r.docs}  # many citations name one document
        after = {texts[k]: _DocRow.of(d, _identity_part(k)) for k, d in r.docs.items()}
        before = {
            x.key: x
            for x in map(_doc_row, self.rows(f"SELECT {_DOC_COLS} FROM r_docs WHERE part IN ({{}})", ident))
        }
        self._replace_docs(before, after, "part IN ({})", ident)
        places: list[tuple[str, int, str | None, str | None]] = [
            (f, -1 - i, _identity_part(d.key), _text_of(texts, d.key)) for (f, i), d in text_docs.items()
        ]
        places += [
            (
                rec.file,
                i,
                parts[rec.file][1][i],
                _text_of(texts, d.key) if (d := target.get((rec.file, i))) else None,
            )
            for rec, i, c in cits
        ]
        self._replace_places(places, "part IN ({})", ident)
        self._replace_issues(r, ident)

    def _replace_docs(
        self, before: dict[str, _DocRow], after: dict[str, _DocRow], where: str, values: set[str]
    ) -> None:
        con = self.con
        for chunk in db.chunks(values):
            con.execute(f"DELETE FROM r_docs WHERE {where.format(','.join('?' * len(chunk)))}", chunk)
        # a name a descriptive citation made, now made by a document's own partition
        for x in map(_doc_row, list(self.rows(f"SELECT {_DOC_COLS} FROM r_docs WHERE key IN ({{}})", after))):
            self.desc_dirty.add(x.part)
            self._changed(x.key, x, None)
            con.execute("DELETE FROM r_docs WHERE key = ?", (x.key,))
        con.executemany(
            "INSERT INTO r_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [after[k].sql() for k in sorted(after)]
        )
        for key in sorted(set(before) | set(after)):
            b, a = before.get(key), after.get(key)
            if a is None or not a.same(b):
                self._changed(key, b, a)

    def _changed(self, key: str, before: _DocRow | None, after: _DocRow | None) -> None:
        if key in self.changed:
            before = self.changed[key][0]
        self.changed[key] = (before and before.slim(), after and after.slim())
        self._ids[key] = after.id if after else None

    def _replace_places(self, places: list[tuple], where: str, values: set[str]) -> None:
        con = self.con
        before: dict[tuple[str, int], str | None] = {}
        q = f"SELECT file, item, key FROM r_places WHERE {where}"
        for f, i, k in self.rows(q, values):
            before[(f, i)] = k
        for chunk in db.chunks(values):
            con.execute(f"DELETE FROM r_places WHERE {where.format(','.join('?' * len(chunk)))}", chunk)
        con.executemany("INSERT INTO r_places (file, item, part, key) VALUES (?, ?, ?, ?)", places)
        after = {(f, i): k for f, i, _, k in places}
        for place in set(before) | set(after):
            if before.get(place) != after.get(place):
                self.moved_places.add(place[0])

    def _replace_issues(self, r: rs.Resolver, owners: set[str]) -> None:
        con = self.con
        for chunk in db.chunks(owners):
            con.execute(f"DELETE FROM r_issues WHERE owner IN ({','.join('?' * len(chunk))})", chunk)
        rows = []
        for issue, (step, file, i) in zip(r.issues, r.issued_at, strict=True):
            rec = self.cache[file]
            owner = rs.citation_partition(rec, rec.citations[i])
            rows.append((owner, _order(step, file, i), _dumps(issue)))
        con.executemany("INSERT INTO r_issues (owner, ord, issue) VALUES (?, ?, ?)", rows)

    # -- 2. descriptive citations --------------------------------------------------------------
    def descriptive(self) -> None:
        con = self.con
        types = {a.attrs.get("type") for b, a in self.changed.values() for a in (b, a) if a is not None}
        for t in sorted(types, key=str):
            part = rs._partition("d", t)
            if con.execute("SELECT 1 FROM r_parts WHERE part = ? LIMIT 1", (part,)).fetchone():
                self.desc_dirty.add(part)
        names = [k for k in self.changed if k.startswith('["name"')]
        self.desc_dirty |= {
            p
            for (p,) in self.rows(
                "SELECT DISTINCT part FROM r_places WHERE key IN ({}) AND part LIKE '[\"d\"%'", names
            )
        }
        for part in sorted(self.desc_dirty):
            self._descriptive(part)

    def _descriptive(self, part: str) -> None:
        con = self.con
        (t,) = json.loads(part)[1:]
        files = [f for (f,) in con.execute("SELECT file FROM r_parts WHERE part = ?", (part,))]
        subjects = [
            _doc_row(row)
            for row in con.execute(
                f"SELECT {_DOC_COLS} FROM r_docs WHERE type IS ? AND part NOT LIKE '[\"d\"%'", (t,)
            )
        ]
        r = rs.Resolver()
        r.docs = _Known(con, part, {key_of(x.key): x.doc() for x in subjects})
        r.subjects = rs._Subjects(d for d in sorted(r.docs.values(), key=lambda d: d.created))
        places = []
        for rec in self.records(files):
            for i, c in enumerate(rec.citations):
                if rs.citation_partition(rec, c) == part:
                    d = r.resolving(rs.DESCRIPTIVE, rec.file, i)._descriptive(c, rs._jur(c, rec.jurisdiction))
                    places.append((rec.file, i, part, key_text(d.key)))
        made = {
            key_text(d.key): _DocRow.of(d, part)
            for d in r.docs.values()
            if d.created[:1] == (rs.DESCRIPTIVE,)
        }
        before = {
            x.key: x
            for x in map(_doc_row, con.execute(f"SELECT {_DOC_COLS} FROM r_docs WHERE part = ?", (part,)))
        }
        self._replace_docs(before, made, "part IN ({})", {part})
        self._replace_places(places, "part IN ({})", {part})

    # -- 3. relations --------------------------------------------------------------------------
    def relations(self) -> None:
        con = self.con
        files = (self.delta | self.moved_places) - self.gone
        old = list(
            self.rows(
                "SELECT source, target FROM r_evidence WHERE file IN ({})", self.delta | self.moved_places
            )
        )
        self.pairs |= {(s, t) for k1, k2 in old if (s := self.old_id(k1)) and (t := self.old_id(k2))}
        con.executemany(
            "DELETE FROM r_evidence WHERE file = ?", [(f,) for f in sorted(self.delta | self.moved_places)]
        )
        con.executemany("DELETE FROM r_issues WHERE owner = ?", [("file:" + f,) for f in sorted(self.delta)])
        # identities and descriptive citations are done: the records they read are let go as they
        # are used here, not decoded again
        held, self.cache = self.cache, {}
        whole = self.whole = con.execute("SELECT 1 FROM r_evidence LIMIT 1").fetchone() is None
        with db.indexes_after(con, "r_evidence") if whole else nullcontext():
            self._all_evidence(files, held)
        held.clear()
        keys = list(self.changed)
        q = "SELECT source, target FROM r_evidence WHERE {} IN ({{}})"
        for col in ("source", "target"):
            for k1, k2 in self.rows(q.format(col), keys):
                if (s := self.id_of(k1)) and (t := self.id_of(k2)):
                    self.pairs.add((s, t))
        for k1, k2 in self.rows("SELECT source, target FROM r_evidence WHERE file IN ({})", files):
            if (s := self.id_of(k1)) and (t := self.id_of(k2)):
                self.pairs.add((s, t))
        ids = {x.id for b, a in self.changed.values() for x in (b, a) if x is not None}
        for col in ("source", "target"):
            q = f"SELECT source, target FROM edges WHERE {col} IN ({{}}) AND key IN ({','.join('?' * len(REL_CODES))})"
            for s, t in self.rows(q, ids, *sorted(REL_CODES)):
                self.pairs.add((s, t))
        self._relations_of(self.pairs)

    def central_reach(self) -> None:
        """The listings of implementations the store keeps (`graph.reach`), made again where the
        documents' labels or implementation edges changed."""
        if self.whole:
            reach.rebuild(self.con)
        else:
            ids = {x.id for b, a in self.changed.values() for x in (b, a) if x is not None}
            reach.refresh(self.con, ids, {s for s, _ in self.pairs}, self.implemented)

    def _all_evidence(self, files: set[str], held: dict[str, FileRecord]) -> None:
        """The files' statements of relations (`r_evidence`) and their issues (`r_issues`)."""
        evidence: list[tuple] = []
        issues: list[tuple] = []
        for rec in self.stream(files, held):
            evidence += self._evidence(rec)
            if rec.file in self.fresh:
                issues += [
                    ("file:" + rec.file, _order(9, rec.file, k), _dumps(x))
                    for k, x in enumerate(rs._file_issues([rec]))
                ]
            if len(evidence) >= CHUNK:  # the files' rows in their order, a few hundred at a time
                self._write_evidence(evidence, issues)
        self._write_evidence(evidence, issues)

    def _write_evidence(self, evidence: list[tuple], issues: list[tuple]) -> None:
        """Relation evidence and file issues, written in one statement each (then emptied)."""
        self.con.executemany(
            "INSERT INTO r_evidence (file, source, target, code, stating, evidence) VALUES (?, ?, ?, ?, ?, ?)",
            evidence,
        )
        self.con.executemany("INSERT INTO r_issues (owner, ord, issue) VALUES (?, ?, ?)", issues)
        evidence.clear()
        issues.clear()

    def _evidence(self, rec: FileRecord) -> Iterator[tuple]:
        """The file's statements of relations, by the keys of the documents they join."""
        at = dict(self.con.execute("SELECT item, key FROM r_places WHERE file = ?", (rec.file,)).fetchall())
        acts = rs.consolidated_acts(rec)
        for i, c in enumerate(rec.citations):
            stating = at.get(-1 - c.stated_by) if c.stated_by is not None else None
            dst = at.get(i)
            if c.relation and stating is not None:
                speaker = stating if (act := acts.get(i)) is None else at.get(act)
                for code in (c.relation, *c.also):
                    yield from _statement(rec.file, speaker, dst, code, c, stating)
            for j, code in c.about:
                yield from _statement(rec.file, dst, at.get(j), code, c, stating)

    def _relations_of(self, pairs: set[tuple[str, str]]) -> None:
        """The relation edges between these (source id, target id), made again from their evidence."""
        con = self.con
        codes = sorted(REL_CODES)
        targets: defaultdict[str, set[str]] = defaultdict(set)
        for s, t in pairs:
            targets[s].add(t)
        for chunk in db.chunks(targets):
            old = con.execute(
                f"SELECT seq, source, target, key FROM edges WHERE source IN ({','.join('?' * len(chunk))}) "
                f"AND key IN ({','.join('?' * len(codes))})",
                (*chunk, *codes),
            ).fetchall()
            gone = [(seq,) for seq, s, t, k in old if t in targets[s]]
            self.implemented |= {t for _, s, t, k in old if t in targets[s] and k == Rel.THUC_HIEN.value}
            con.executemany("DELETE FROM edges WHERE seq = ?", gone)
            ids = set(chunk) | {t for s in chunk for t in targets[s]}
            keys: defaultdict[str, list[str]] = defaultdict(list)
            for i, k in self.rows("SELECT id, key FROM r_docs WHERE id IN ({})", ids):
                keys[i].append(k)
                self._ids[k] = i
            found: defaultdict[tuple[str, str, str], dict[tuple, dict]] = defaultdict(dict)
            rows = list(
                self.rows(
                    "SELECT source, target, code, stating, evidence FROM r_evidence WHERE source IN ({})",
                    [k for s in chunk for k in keys[s]],
                )
            )
            self._known_ids({x[3] for x in rows if x[3]} | {x[1] for x in rows})
            for k1, k2, code, stating, ev in rows:
                src, dst = self._ids[k1], self._ids.get(k2)
                if src is None or dst is None or dst not in targets[src]:
                    continue
                e = {"document": self._ids.get(stating) if stating else None, **json.loads(ev)}
                found[(src, dst, code)][(e["file"], e["line"], e["quote"], e["document"] or "")] = e
            stated = rs.codes_of_pairs(found)
            edges = []
            for (s, t, code), uniq in sorted(found.items()):
                if rs.outranked(code, stated[(s, t)]):
                    continue
                attrs = {"label": Rel(code).label, "evidence": [uniq[k] for k in sorted(uniq)]}
                edges.append((s, t, code, _dumps(attrs)))
                if code == Rel.THUC_HIEN.value:
                    self.implemented.add(t)
            con.executemany("INSERT INTO edges (source, target, key, attrs) VALUES (?, ?, ?, ?)", edges)

    def _known_ids(self, keys: set[str]) -> None:
        """Look up the ids of these document keys at once (`id_of` then has them)."""
        missing = [k for k in keys if k not in self._ids]
        for k in missing:
            self._ids[k] = None
        for k, i in self.rows("SELECT key, id FROM r_docs WHERE key IN ({})", missing):
            self._ids[k] = i

    def document_nodes(self) -> None:
        """The nodes of the documents whose rows changed, by id (the last made of one id)."""
        con = self.con
        ids = {x.id for b, a in self.changed.values() for x in (b, a) if x is not None}
        for chunk in db.chunks(ids):
            marks = ",".join("?" * len(chunk))
            # a title's row is its node's seq: found by rowid (by id, the index reads every title)
            con.execute(
                f"DELETE FROM titles_fts WHERE rowid IN (SELECT seq FROM nodes WHERE id IN ({marks}))", chunk
            )
            con.execute(f"DELETE FROM nodes WHERE id IN ({marks})", chunk)
            con.execute(f"DELETE FROM doc_labels WHERE id IN ({marks})", chunk)
            latest: dict[str, _DocRow] = {}
            for x in map(
                _doc_row, con.execute(f"SELECT {_DOC_COLS} FROM r_docs WHERE id IN ({marks})", chunk)
            ):
                if x.id not in latest or x.created > latest[x.id].created:
                    latest[x.id] = x
            nodes, titles, labels = [], [], []
            for i, x in sorted(latest.items()):
                attrs = {"kind": "Document", **x.attrs}
                del attrs["id"]
                nodes.append(node_row(i, attrs))
                titles.append((i, title_words(attrs)))
                labels.append(label_row(i, attrs))
            con.executemany(
                "INSERT INTO nodes (id, kind, attrs, symbol_key, number, file) VALUES (?, ?, ?, ?, ?, ?)",
                nodes,
            )
            con.executemany("INSERT INTO doc_labels VALUES (?, ?, ?, ?)", labels)
            seqs = dict(con.execute(f"SELECT id, seq FROM nodes WHERE id IN ({marks})", chunk))
            con.executemany(
                "INSERT INTO titles_fts (rowid, id, words) VALUES (?, ?, ?)",
                [(seqs[i], i, w) for i, w in titles],
            )

    # -- 4. obligations ------------------------------------------------------------------------
    def obligations(self) -> None:
        con = self.con
        files = self.delta | self.moved_places
        if len(self.changed) > MANY_CHANGED:  # reading every obligation again costs less than finding them
            files |= {f for (f,) in con.execute("SELECT DISTINCT file FROM r_tasks")}
        before_as_of = json.loads(db.get_meta(con, "graph") or "{}").get("as_of")
        self.as_of = con.execute(
            "SELECT max(date) FROM r_docs WHERE in_corpus = 1 AND length(date) = 10"
        ).fetchone()[0]
        inside = [o for (o,) in self.rows("SELECT oid FROM r_tasks WHERE file IN ({})", files)]
        oids = set(inside)
        outside = con.execute("SELECT count(*) FROM r_tasks").fetchone()[0] > len(inside)
        redo = self._reached(files, before_as_of) if outside else set()
        again: list[tuple[str, int, ObligationRecord, str | None]] = []
        held = self.obligations_of({f for f, _ in redo})
        for f, n in sorted(redo):
            oid, doc = con.execute("SELECT oid, doc FROM r_tasks WHERE file = ? AND n = ?", (f, n)).fetchone()
            oids.add(oid)
            again.append((f, n, held[f][n], doc))
        con.executemany("DELETE FROM r_tasks WHERE file = ?", [(f,) for f in sorted(files)])
        con.executemany("DELETE FROM r_calls WHERE file = ?", [(f,) for f in sorted(files)])
        con.executemany("DELETE FROM r_tasks WHERE file = ? AND n = ?", sorted(redo))
        con.executemany("DELETE FROM r_calls WHERE file = ? AND n = ?", sorted(redo))
        self.calls_changed = bool(files) or bool(redo)
        by_id = _ById(con)
        implementers = _Implementers(con, by_id)
        book = rs._Obligations(
            documents=by_id,
            candidates=_Candidates(con),  # type: ignore[arg-type]
            implementers=implementers,  # type: ignore[arg-type]
            as_of=dt.date.fromisoformat(self.as_of) if self.as_of else dt.date.max,
            bodies=_Calls(),
        )
        chunks = itertools.chain([again], self._readings(files - self.gone))
        whole = con.execute("SELECT 1 FROM r_tasks LIMIT 1").fetchone() is None  # and none read below
        with db.indexes_after(con, "r_tasks", "r_calls") if whole else nullcontext():
            self._read_all(book, by_id, implementers, chunks, oids)
        self._obligation_nodes(oids)

    def _read_all(
        self,
        book: rs._Obligations,
        by_id: _ById,
        implementers: _Implementers,
        chunks: Iterable[list[tuple[str, int, ObligationRecord, str | None]]],
        oids: set[str],
    ) -> None:
        """Each obligation read, its row and the bodies it names written (`r_tasks`, `r_calls`)."""
        rows: list[tuple] = []
        named: list[tuple] = []
        calls = book.bodies
        assert isinstance(calls, _Calls)
        for readings in chunks:
            # the documents these readings belong to, read at once rather than one by one
            owners = {
                k: _Owner(i, j)
                for k, i, j in self.rows(
                    "SELECT key, id, jurisdiction FROM r_docs WHERE key IN ({})",
                    {key for *_, key in readings if key is not None},
                )
            }
            by_id.fetch({x.id for x in owners.values()})
            implementers.fetch({x.id for x in owners.values()})
            for f, n, o, key in readings:
                if key is None or (doc := owners.get(key)) is None:
                    continue
                calls.calls.clear()
                oid, assignees = book.reading(o, doc)  # type: ignore[arg-type]
                record = book.record(oid, doc, o, assignees)  # type: ignore[arg-type]
                assigning = by_id[doc.id]
                made = o.produces or {}
                lo, hi = tasks._window(o, assigning)
                rows.append(
                    (
                        f,
                        n,
                        oid,
                        key,
                        doc.id,
                        made.get("type") if made.get("title") else None,
                        assigning.get("jurisdiction"),
                        o.produces_level or None,
                        _iso(lo),
                        _iso(hi),
                        _plain_dumps(sorted(tasks.content_words(made.get("title")))),
                        record["fulfilled_by"],
                        _deadline(o),
                        int(made.get("type") in tasks._PLANS),
                        _dumps(record),
                    ),
                )
                named += [(f, n, _order(1, f, n, m), name, jur) for m, (name, jur) in enumerate(calls.calls)]
                if len(rows) >= CHUNK:
                    self._write_readings(rows, named)
                oids.add(oid)
        self._write_readings(rows, named)

    def _write_readings(self, rows: list[tuple], named: list[tuple]) -> None:
        """Obligation readings and the bodies they name, written in one statement each (then emptied)."""
        self.con.executemany(
            "INSERT INTO r_tasks (file, n, oid, doc, doc_id, type, jurisdiction, level, lo, hi, words, "
            "fulfilled_by, deadline, plan, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.con.executemany(
            "INSERT INTO r_calls (file, n, doc, ord, name, jurisdiction) VALUES (?, ?, NULL, ?, ?, ?)", named
        )
        rows.clear()
        named.clear()

    def _readings(self, files: set[str]) -> Iterator[list[tuple[str, int, ObligationRecord, str | None]]]:
        """Every obligation these files read, in file order, with the key of the document it
        belongs to: LOADED files at a time, their obligations and places read together."""
        ordered = sorted(files)
        for start in range(0, len(ordered), LOADED):
            held = self.obligations_of(ordered[start : start + LOADED])
            places: defaultdict[str, dict[int, str | None]] = defaultdict(dict)
            q = "SELECT file, item, key FROM r_places WHERE file IN ({})"
            for f, item, key in self.rows(q, [f for f, obs in held.items() if obs]):
                places[f][item] = key
            out = []
            for f in ordered[start : start + LOADED]:
                at = places.get(f, {})
                for n, o in enumerate(held.get(f, ())):
                    if o.cited is not None:
                        out.append((f, n, o, at.get(o.cited)))
                    else:
                        out.append((f, n, o, at.get(-1 - o.document) if o.document is not None else None))
            yield out

    def obligations_of(self, names: Iterable[str]) -> dict[str, tuple[ObligationRecord, ...]]:
        """The obligations of these files' records, by name: only that part of each record is
        decoded (SQLite cuts it out), not its citations and documents."""
        q = "SELECT name, json_extract(record, '$.obligations') FROM files WHERE name IN ({})"
        return {
            name: tuple(ObligationRecord.from_dict(o) for o in json.loads(obs)) if obs else ()
            for name, obs in self.rows(q, names)
        }

    def _reached(self, files: set[str], before_as_of: str | None) -> set[tuple[str, int]]:
        """The obligations outside `files` the changes can reach: of a changed document, fulfillable
        by one, of a document whose implementers changed, or with a deadline the new as_of passed."""
        con = self.con
        found: set[tuple[str, int]] = set()
        found.update(self.rows("SELECT file, n FROM r_tasks WHERE doc IN ({})", list(self.changed)))
        ids = {x.id for b, a in self.changed.values() for x in (b, a) if x is not None}
        found.update(self.rows("SELECT file, n FROM r_tasks WHERE fulfilled_by IN ({})", ids))
        found.update(
            self.rows("SELECT file, n FROM r_tasks WHERE doc_id IN ({}) AND plan = 1", self.implemented)
        )
        for x in (x for b, a in self.changed.values() for x in (b, a) if x is not None):
            a = x.attrs
            when = tasks._date(a.get("date"))
            if when is None or not a.get("type") or not a.get("title"):
                continue
            words = tasks.content_words(a["title"])
            level = tasks.body_level_name(a.get("issuer"), a.get("jurisdiction"))
            rows = con.execute(
                "SELECT file, n, level, words FROM r_tasks WHERE type = ? AND jurisdiction IS ? "
                "AND (lo IS NULL OR lo <= ?) AND (hi IS NULL OR hi >= ?)",
                (a["type"], a.get("jurisdiction"), when.isoformat(), when.isoformat()),
            )
            found.update(
                (f, n) for f, n, lv, w in rows if (lv is None or lv == level) and words & set(json.loads(w))
            )
        if before_as_of != self.as_of:
            ends = sorted(x for x in (before_as_of, self.as_of) if x)
            if before_as_of and self.as_of:
                q, args = "deadline >= ? AND deadline < ?", ends
            else:
                q, args = "deadline >= ?", ends[:1]
            found.update(con.execute(f"SELECT file, n FROM r_tasks WHERE deadline IS NOT NULL AND {q}", args))
        return {(f, n) for f, n in found if f not in files}

    def _obligation_nodes(self, oids: set[str]) -> None:
        """The nodes of these obligations and their edges, each from its readings in file order."""
        con = self.con
        stream = self._task_records(oids)
        pending = next(stream, None)
        for chunk in db.chunks(oids):
            marks = ",".join("?" * len(chunk))
            con.execute(f"DELETE FROM nodes WHERE id IN ({marks})", chunk)
            con.execute(
                f"DELETE FROM edges WHERE target IN ({marks}) AND key = ?", (*chunk, Edge.DAT_RA.value)
            )
            con.execute(
                f"DELETE FROM edges WHERE source IN ({marks}) AND key IN (?, ?)",
                (*chunk, Edge.GIAO_CHO.value, Edge.DUOC_THUC_HIEN_BOI.value),
            )
            readings: list[tuple[str, list[str]]] = []
            while pending is not None and pending[0] <= chunk[-1]:  # the stream is in the chunks' order
                readings.append(pending)
                pending = next(stream, None)
            nodes, edges = [], []
            for oid, (first, *others) in readings:
                record = json.loads(first)
                for other in others:
                    rs._more_evidence(record, json.loads(other)["evidence"])
                if others or (text := _without_id(first, oid)) is None:
                    attrs = {"kind": "Obligation", **record}
                    del attrs["id"]
                    nodes.append(node_row(oid, attrs))
                else:  # one reading: its record is the node's attributes, but for the id
                    nodes.append((oid, "Obligation", text, None, None, None))
                edges += [
                    (s, t, k, _dumps(a) if a else "{}")
                    for (s, t, k), a in sorted(rs.obligation_edges(record).items())
                ]
            con.executemany(
                "INSERT INTO nodes (id, kind, attrs, symbol_key, number, file) VALUES (?, ?, ?, ?, ?, ?)",
                nodes,
            )
            con.executemany("INSERT INTO edges (source, target, key, attrs) VALUES (?, ?, ?, ?)", edges)

    def _task_records(self, oids: set[str]) -> Iterator[tuple[str, list[str]]]:
        """(oid, the records of its readings in file order) of these obligations, by oid. When they
        are most of the table, one pass over it sorted by oid: reading each by its id is a random
        read of a table stored in file order, which at 100,000 documents cost three times as much
        per task as at 10,000."""
        con = self.con
        if len(oids) * 4 >= con.execute("SELECT count(*) FROM r_tasks").fetchone()[0]:
            # +oid: sorted by SQLite's sorter after a scan in stored order, not through the oid index
            rows: Iterable[tuple[str, str]] = con.execute(
                "SELECT oid, record FROM r_tasks ORDER BY +oid, file, n"
            )
        else:
            rows = self.rows("SELECT oid, record FROM r_tasks WHERE oid IN ({}) ORDER BY oid, file, n", oids)
        for oid, group in itertools.groupby(rows, key=operator.itemgetter(0)):
            if oid in oids:
                yield oid, [r for _, r in group]

    # -- 5. bodies -----------------------------------------------------------------------------
    def bodies(self) -> None:
        con = self.con
        ids: set[str] = set()
        calls = []
        for key, (b, a) in sorted(self.changed.items()):
            ids |= {x.id for x in (b, a) if x is not None}
            if a is not None and a.attrs.get("in_corpus"):
                for name in tasks.issuing_bodies(a.attrs.get("issuer"), a.attrs.get("jurisdiction")):
                    calls.append((key, _order(0, a.id), name, a.attrs.get("jurisdiction")))
        con.executemany("DELETE FROM r_calls WHERE doc = ?", [(key,) for key in sorted(self.changed)])
        con.executemany(
            "INSERT INTO r_calls (file, n, doc, ord, name, jurisdiction) VALUES (NULL, NULL, ?, ?, ?, ?)",
            calls,
        )
        bodies = rs._Bodies()
        for name, jur, _ in con.execute(
            "SELECT name, jurisdiction, min(ord) AS o FROM r_calls GROUP BY name, jurisdiction ORDER BY o"
        ):
            bodies.add(name, jur)
        self._issued(ids, bodies)
        if self.calls_changed or ids:
            self._body_nodes(bodies)

    def _issued(self, ids: set[str], bodies: rs._Bodies) -> None:
        """BAN_HANH edges into the documents of these ids, from their issuing bodies. Each id's
        edges are deleted and made again in id order, as ever (edge rows keep their order), but the
        documents are read a chunk at a time, and the inserts between two deletes go in together."""
        con = self.con
        code = Edge.BAN_HANH.value
        insert = "INSERT INTO edges (source, target, key, attrs) VALUES (?, ?, ?, '{}')"
        for chunk in db.chunks(ids):
            marks = ",".join("?" * len(chunk))
            had = {
                t
                for (t,) in con.execute(
                    f"SELECT DISTINCT target FROM edges WHERE target IN ({marks}) AND key = ?", (*chunk, code)
                )
            }
            docs: defaultdict[str, list[tuple]] = defaultdict(list)
            for i, *doc in con.execute(
                "SELECT id, json_extract(attrs, '$.issuer'), jurisdiction, in_corpus FROM r_docs "
                f"WHERE id IN ({marks}) ORDER BY id, rowid",
                chunk,
            ):
                docs[i].append(doc)
            edges: list[tuple[str, str, str]] = []
            for i in chunk:
                if i in had:
                    con.executemany(insert, edges)
                    edges.clear()
                    con.execute("DELETE FROM edges WHERE target = ? AND key = ?", (i, code))
                issuers: set[str] = set()
                for issuer, jurisdiction, in_corpus in docs[i]:
                    if in_corpus:
                        issuers.update(
                            bodies.add(n, jurisdiction) for n in tasks.issuing_bodies(issuer, jurisdiction)
                        )
                edges += [(b, i, code) for b in sorted(issuers)]
            con.executemany(insert, edges)

    def _body_nodes(self, bodies: rs._Bodies) -> None:
        con = self.con
        stored = dict(con.execute("SELECT id, attrs FROM nodes WHERE kind = 'Body'").fetchall())
        for bid in sorted(set(stored) | set(bodies.by_id)):
            b = bodies.by_id.get(bid)
            attrs = {"kind": "Body", **{k: v for k, v in b.items() if k != "id"}} if b else None
            row = node_row(bid, attrs) if attrs else None
            if row is not None and stored.get(bid) == row[2]:
                continue
            con.execute("DELETE FROM nodes WHERE id = ?", (bid,))
            if row is not None:
                con.execute(
                    "INSERT INTO nodes (id, kind, attrs, symbol_key, number, file) VALUES (?, ?, ?, ?, ?, ?)",
                    row,
                )
        stored_edges = set(
            con.execute("SELECT source, target FROM edges WHERE key = ?", (Edge.THUOC.value,)).fetchall()
        )
        edges = {(s, t) for s, t, _ in bodies.edges}
        for s, t in sorted(stored_edges - edges):
            con.execute(
                "DELETE FROM edges WHERE source = ? AND target = ? AND key = ?", (s, t, Edge.THUOC.value)
            )
        con.executemany(
            "INSERT INTO edges (source, target, key, attrs) VALUES (?, ?, ?, '{}')",
            [(s, t, Edge.THUOC.value) for s, t in sorted(edges - stored_edges)],
        )

    # -- 6. the graph's attributes -------------------------------------------------------------
    def graph_attributes(self, store_format: str) -> None:
        con = self.con
        rows = [(json.loads(i), o) for i, o in con.execute("SELECT issue, ord FROM r_issues")]
        rows.sort(key=lambda x: (x[0]["file"] or "", x[0]["line"] or 0, x[0]["kind"], x[0]["message"], x[1]))
        files = [f for (f,) in con.execute("SELECT name FROM files ORDER BY name")]
        graph = {"format": store_format, "issues": [i for i, _ in rows], "as_of": self.as_of, "files": files}
        db.set_meta(con, "graph", _dumps(graph))
        con.execute("DELETE FROM meta WHERE key = 'graph_stale'")


def update(con: sqlite3.Connection, change: Update, store_format: str) -> None:
    """Bring the resolved graph in the store up to date with a change of files (inside the
    ingest's transaction)."""
    with _page_cache(con, CACHE_KIB):
        run = _Run(con, change)
        run.identities()
        run.descriptive()
        run.document_nodes()
        run.relations()
        run.central_reach()
        run.obligations()
        run.bodies()
        run.graph_attributes(store_format)


@contextmanager
def _page_cache(con: sqlite3.Connection, kib: int) -> Iterator[None]:
    """At least `kib` KiB of SQLite page cache while resolution writes: its rows go into indexes in
    no order of theirs (document keys, obligation ids), and with the default 2 MiB most of those
    writes miss the cache and are spilled and read back. The connection's own size comes back after."""
    (size,) = con.execute("PRAGMA cache_size").fetchone()
    held = -size if size < 0 else size * con.execute("PRAGMA page_size").fetchone()[0] // 1024
    if held < kib:
        con.execute(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        if held < kib:
            con.execute(f"PRAGMA cache_size = {int(size)}")


def _statement(
    file: str, src: str | None, dst: str | None, code: str, c: Citation, stating: str | None
) -> Iterator[tuple]:
    """One piece of evidence for src -code-> dst; none for an unresolved end or a document citing itself."""
    if src is None or dst is None or src == dst:
        return
    ev = {"file": c.evidence.file, "line": c.evidence.line, "quote": c.evidence.quote, **c.evidence.where()}
    yield (file, src, dst, code, stating, _plain_dumps(ev))


class _Known(dict):
    """Documents by key for the descriptive pass of one type: those loaded, and any other the
    store holds outside that pass (a name a descriptive citation may repeat)."""

    def __init__(self, con: sqlite3.Connection, part: str, docs: dict[tuple, rs.Doc]):
        super().__init__(docs)
        self.con = con
        self.part = part

    def get(self, key: tuple, default: Any = None) -> Any:
        if key in self:
            return self[key]
        row = self.con.execute(
            f"SELECT {_DOC_COLS} FROM r_docs WHERE key = ? AND part != ?", (key_text(key), self.part)
        ).fetchone()
        return _doc_row(row).doc() if row else default


class _Owner(NamedTuple):
    """What the obligations of a document read of it (`resolve._Obligations.reading`), from its
    row's columns: no need to decode its attributes and make a `resolve.Doc` of them."""

    id: str
    jurisdiction: str | None


class _Calls(rs._Bodies):
    """A body registry that keeps the names it is asked for and answers with the id
    `resolve._Bodies.add` gives: the bodies themselves are registered when `bodies` replays the
    names, so none (nor its parents) is made here. An id depends on the name and place alone:
    each pair is worked out once."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str | None]] = []
        self._ids: dict[tuple[str, str | None], str] = {}

    def add(self, name: str, jurisdiction: str | None) -> str:
        self.calls.append((name, jurisdiction))
        bid = self._ids.get((name, jurisdiction))
        if bid is None:
            canon = tasks.canonical_body_name(name)
            bid = self._ids[(name, jurisdiction)] = tasks.body_id(
                canon, tasks.body_jurisdiction(canon, jurisdiction)
            )
        return bid


class _ById(dict):
    """Documents' attributes by id, read from the store as asked (the last made of one id)."""

    def __init__(self, con: sqlite3.Connection):
        super().__init__()
        self.con = con

    def _load(self, i: str) -> dict | None:
        rows = [_doc_row(r) for r in self.con.execute(f"SELECT {_DOC_COLS} FROM r_docs WHERE id = ?", (i,))]
        return max(rows, key=lambda x: x.created).attrs if rows else None

    def __missing__(self, i: str) -> dict:
        found = self._load(i)
        if found is None:
            raise KeyError(i)
        self._hold(i, found)
        return found

    def _hold(self, i: str, attrs: dict) -> None:
        if len(self) >= HELD:  # readings come file by file: the documents of the last ones matter
            self.clear()
        self[i] = attrs

    def fetch(self, ids: Iterable[str]) -> None:
        """Read the attributes of these ids not held yet in one query (a chunk of readings asks
        for them in turn): what `__missing__` would read of each."""
        found: defaultdict[str, list[_DocRow]] = defaultdict(list)
        for chunk in db.chunks(i for i in ids if not dict.__contains__(self, i)):
            q = f"SELECT {_DOC_COLS} FROM r_docs WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id, rowid"
            for x in map(_doc_row, self.con.execute(q, chunk)):
                found[x.id].append(x)
        for i, rows in found.items():
            self._hold(i, max(rows, key=lambda x: x.created).attrs)

    def get(self, i: Any, default: Any = None) -> Any:
        if i is None:
            return default
        try:
            return self[i]
        except KeyError:
            return default

    def __contains__(self, i: object) -> bool:
        return self.get(i) is not None


class _Candidates:
    """`tasks.FulfilmentIndex` of the documents of one type and place, made when first asked for."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.groups: dict[tuple, tasks.FulfilmentIndex] = {}

    def fulfilment(self, ob: ObligationRecord, assigning: dict) -> tuple[str | None, float]:
        made = ob.produces or {}
        if not made.get("type") or not made.get("title"):  # what any index answers: no index made for it
            return None, 0.0
        group = (made.get("type"), assigning.get("jurisdiction"))
        if group not in self.groups:
            rows = [
                _doc_row(r)
                for r in self.con.execute(
                    f"SELECT {_DOC_COLS} FROM r_docs WHERE type IS ? AND jurisdiction IS ?", group
                )
            ]
            self.groups[group] = tasks.FulfilmentIndex(
                x.attrs for x in sorted(rows, key=lambda x: (x.id, x.created))
            )
        return self.groups[group].fulfilment(ob, assigning)


class _Implementers:
    """The documents that THUC_HIEN a document, by its id, from the relations already made."""

    def __init__(self, con: sqlite3.Connection, by_id: _ById):
        self.con = con
        self.by_id = by_id
        self.found: dict[str, list[dict]] = {}
        self.sources: dict[str, list[str]] = {}  # fetched for the readings at hand, not asked for yet

    def get(self, i: str, default: Any = None) -> list[dict]:
        if i not in self.found:
            if len(self.found) >= HELD:
                self.found.clear()
            if i in self.sources:
                sources = self.sources.pop(i)
            else:
                rows = self.con.execute(
                    "SELECT source FROM edges WHERE target = ? AND key = ? ORDER BY source",
                    (i, Rel.THUC_HIEN.value),
                )
                sources = [s for (s,) in rows]
            self.found[i] = [self.by_id[s] for s in sources if s in self.by_id]
        return self.found[i]

    def fetch(self, ids: Iterable[str]) -> None:
        """Read the sources of these ids' THUC_HIEN edges in one query (`get` would read each),
        in place of those read for the chunk before."""
        self.sources = {i: [] for i in ids if i not in self.found}
        for chunk in db.chunks(self.sources):
            q = (
                f"SELECT target, source FROM edges WHERE target IN ({','.join('?' * len(chunk))}) "
                "AND key = ? ORDER BY target, source"
            )
            for t, s in self.con.execute(q, (*chunk, Rel.THUC_HIEN.value)):
                self.sources[t].append(s)


def _without_id(text: str, oid: str) -> str | None:
    """A record's JSON (as `_dumps` wrote it) without its "id" member: the attributes of its
    obligation's node as `node_row` writes them, cut out rather than encoded again. Exact: outside
    strings every quote is a delimiter, so `, "id": "<oid>"` can only be a member (not the first)
    of an object; found once, it is the record's own ("fulfilment_score" sorts before it). None
    when found more often: the caller encodes the node."""
    member = ', "id": ' + _plain_dumps(oid)
    return text.replace(member, "", 1) if text.count(member) == 1 else None


def _deadline(ob: ObligationRecord) -> str | None:
    end = tasks._date((ob.deadline or {}).get("end"))
    return end.isoformat() if end else None


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
