"""Cross-document resolution: every citation in every file meets one document node.

Pure: `resolve(records)` gives the same documents, relations and issues for the same records,
whatever order they were ingested in.

- A citation with a date goes to the document with that symbol and date; with another date of
  the same symbol it is a different document (numbers restart every term) unless both carry
  the same subject, which makes it a date conflict of one document.
- A citation without a date goes to the only document with that symbol; with several it stays
  an ambiguous reference, reported and never guessed.
- A document cited by issuer and subject ("Chỉ thị của Bộ Chính trị về …") goes to the known
  document of that type whose subject it repeats.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from vbgraph.graph.identity import CENTRAL, base_key, document_id
from vbgraph.loaders import bodies as bd
from vbgraph.loaders import signals
from vbgraph.loaders.normalize import containment, fold, slug
from vbgraph.loaders.records import Citation, FileRecord
from vbgraph.ontology import tables
from vbgraph.ontology.relations import Edge, Rel

SAME_SUBJECT = 0.8


@dataclass
class Doc:
    key: tuple
    type: str | None = None
    type_code: str | None = None
    number: str | None = None
    issuer_code: str | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    jurisdiction: str | None = None
    title: str | None = None
    name: str | None = None
    in_corpus: bool = False
    source: dict | None = None
    signer: str | None = None
    identified_by: str | None = None
    titles: Counter = field(default_factory=Counter)
    issuers: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)

    @property
    def id(self) -> str:
        return document_id(self.symbol, self.date, self.jurisdiction, self.issuer_code, self.name)

    def as_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "type_code": self.type_code, "number": self.number,
            "issuer_code": self.issuer_code, "symbol": self.symbol, "date": self.date, "issuer": self.issuer,
            "jurisdiction": self.jurisdiction, "title": self.title, "name": self.name, "in_corpus": self.in_corpus,
            "source": self.source, "signer": self.signer, "identified_by": self.identified_by,
            "level": level_of(self.jurisdiction, self.issuer),
        }


def level_of(jurisdiction: str | None, issuer: str | None) -> str:
    """central | province | district | commune: for styling and for "central directives" questions."""
    if jurisdiction == CENTRAL:
        return "central"
    level = signals.body_level(issuer)
    return level if level in ("district", "commune") else "province"


@dataclass
class Resolved:
    documents: list[dict]
    relations: list[dict]
    issues: list[dict]
    bodies: list[dict] = field(default_factory=list)
    obligations: list[dict] = field(default_factory=list)
    task_edges: list[tuple[str, str, str, dict]] = field(default_factory=list)  # BAN_HANH, THUOC, DAT_RA, GIAO_CHO, DUOC_THUC_HIEN_BOI: (source, target, key, attrs)
    as_of: str | None = None


def _jur(c: Citation, file_jur: str | None) -> str | None:
    if c.central:
        return CENTRAL
    if c.symbol and tables.is_central_code(c.issuer_code):
        return CENTRAL
    return c.jurisdiction or file_jur


def _year(date: str | None) -> str | None:
    return date[:4] if date else None


class Resolver:
    def __init__(self) -> None:
        self.docs: dict[tuple, Doc] = {}
        self.by_base: dict[tuple, list[tuple]] = defaultdict(list)
        self.issues: list[dict] = []

    # -- documents -------------------------------------------------------------------------
    def _new(self, key: tuple, **kw) -> Doc:
        d = Doc(key=key, **{k: v for k, v in kw.items() if v is not None})
        self.docs[key] = d
        if key[0] == "num":
            self.by_base[key[1]].append(key)
        return d

    def add_text_document(self, rec: FileRecord, td) -> Doc:
        src = {"file": rec.file, "first_line": td.first_line, "last_line": td.last_line}
        if td.symbol:
            base = base_key(td.type_code, td.type, td.number, td.issuer_code, td.jurisdiction)
            key: tuple = ("num", base, td.date)
            same_year = [k for k in self.by_base.get(base, []) if _year(k[2]) == _year(td.date)]
            if same_year:
                key = same_year[0]
        else:
            key = ("name", slug(td.name or td.title), slug(td.jurisdiction))
        d = self.docs.get(key) or self._new(key)
        if not d.in_corpus:
            d.type, d.type_code, d.number, d.issuer_code = td.type, td.type_code, td.number, td.issuer_code
            d.symbol, d.date, d.issuer, d.jurisdiction = td.symbol, td.date, td.issuer, td.jurisdiction
            d.title, d.name, d.signer, d.source = td.title, td.name, td.signer, src
            d.in_corpus, d.identified_by = True, td.identified_by
        return d

    def _numbered(self, c: Citation, jur: str | None, *, dated: bool) -> Doc | None:
        base = base_key(c.type_code, c.type, c.number, c.issuer_code, jur)
        cands = [self.docs[k] for k in self.by_base.get(base, [])]
        if dated:
            exact = [d for d in cands if d.date == c.date]
            if exact:
                return exact[0]
            same_year = [d for d in cands if _year(d.date) == _year(c.date)]
            if same_year:
                d = same_year[0]
                if d.date and len(d.date) == 10 and len(c.date or "") == 10:
                    self._conflict(d, c)
                elif len(c.date or "") == 10:
                    d.date = c.date  # a year known, now the day
                return d
            if c.title:
                similar = [d for d in cands if d.title and containment(d.title, c.title) >= SAME_SUBJECT]
                if similar:
                    self._conflict(similar[0], c)
                    return similar[0]
            undated = [d for d in cands if d.date is None and not d.in_corpus]
            if len(undated) == 1 and not [d for d in cands if d.date]:
                undated[0].date = c.date
                return undated[0]
            return self._new(("num", base, c.date), type=c.type, type_code=c.type_code, number=c.number,
                             issuer_code=c.issuer_code, symbol=c.symbol, date=c.date, jurisdiction=jur,
                             title=c.title)
        if len(cands) == 1:
            return cands[0]
        if not cands:
            return self._new(("num", base, None), type=c.type, type_code=c.type_code, number=c.number,
                             issuer_code=c.issuer_code, symbol=c.symbol, jurisdiction=jur)
        self.issues.append({
            "kind": "ambiguous-reference", "file": c.evidence.file, "line": c.evidence.line,
            "message": f"{c.symbol} without a date matches {len(cands)} documents",
            "candidates": sorted(d.id for d in cands), "quote": c.evidence.quote,
        })
        return None

    def _conflict(self, d: Doc, c: Citation) -> None:
        self.issues.append({
            "kind": "date-conflict", "file": c.evidence.file, "line": c.evidence.line,
            "message": f"{d.symbol} is dated {d.date} but cited here as {c.date}", "document": d.id,
            "quote": c.evidence.quote,
        })

    def _named(self, c: Citation, jur: str | None) -> Doc:
        key = ("name", slug(c.name), "" if jur == CENTRAL else slug(jur))
        if key not in self.docs:
            # "Bộ luật Lao động" without its year: the only known edition, if there is one.
            editions = [k for k in self.docs if k[0] == "name" and k[2] == key[2]
                        and re.fullmatch(re.escape(key[1]) + r"-(?:nam-)?(?:19|20)\d{2}", k[1])]
            if len(editions) == 1:
                return self.docs[editions[0]]
        return self.docs.get(key) or self._new(key, type=c.type, name=c.name, jurisdiction=jur,
                                              issuer=c.issuer)

    def _descriptive(self, c: Citation, jur: str | None) -> Doc:
        best, best_score = None, 0.0
        for d in self.docs.values():
            if d.type != c.type or not d.title or not c.title:
                continue
            if jur and d.jurisdiction and jur != d.jurisdiction:
                continue
            if c.issuer and d.issuer and fold(c.issuer) not in fold(d.issuer):
                continue
            s = containment(d.title, c.title)
            if s > best_score:
                best, best_score = d, s
        if best is not None and best_score >= SAME_SUBJECT:
            return best
        issuer = c.issuer
        if issuer and jur and jur != CENTRAL:
            issuer = f"{issuer} {jur}"
        name = " ".join(x for x in (c.type, f"của {issuer}" if issuer else None, c.title) if x)
        key = ("name", slug(name), "" if jur == CENTRAL else slug(jur))
        return self.docs.get(key) or self._new(key, type=c.type, name=name, jurisdiction=jur, issuer=issuer,
                                              title=c.title)

    # -- everything ------------------------------------------------------------------------
    def run(self, records: list[FileRecord]) -> Resolved:
        records = sorted(records, key=lambda r: r.file)
        text_docs: dict[tuple[str, int], Doc] = {}
        for rec in records:
            for td in rec.documents:
                text_docs[(rec.file, td.index)] = self.add_text_document(rec, td)
        target: dict[tuple[str, int], Doc | None] = {}
        cits = [(rec, i, c) for rec in records for i, c in enumerate(rec.citations)]

        def kind(c: Citation) -> str:
            if c.symbol:
                return "numbered"
            if c.name:
                return "named"
            return "descriptive" if c.title else "none"

        def is_self(rec, c):
            return c.role in ("self", "attachment")

        for rec, i, c in cits:  # dated numbered citations first: they create documents
            if kind(c) == "numbered" and c.date and not is_self(rec, c):
                target[(rec.file, i)] = self._numbered(c, _jur(c, rec.jurisdiction), dated=True)
        for rec, i, c in cits:
            if kind(c) == "numbered" and not c.date and not is_self(rec, c):
                target[(rec.file, i)] = self._numbered(c, _jur(c, rec.jurisdiction), dated=False)
            elif kind(c) == "named":
                target[(rec.file, i)] = self._named(c, _jur(c, rec.jurisdiction))
        for rec, i, c in cits:
            if kind(c) == "numbered" and is_self(rec, c) and c.stated_by is not None:
                target[(rec.file, i)] = text_docs[(rec.file, c.stated_by)]
        # Titles and issuers that citations give to documents known only by reference.
        for rec, i, c in cits:
            d = target.get((rec.file, i))
            if d is None:
                continue
            if c.title and c.kind == "numbered":
                d.titles[c.title] += 1
            if c.issuer:
                d.issuers[c.issuer] += 1
            if c.type:
                d.types[c.type] += 1
        for d in self.docs.values():
            if not d.in_corpus:
                if d.titles:
                    d.title = max(d.titles.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
                if d.issuers and not d.issuer:
                    iss = max(d.issuers.items(), key=lambda kv: (kv[1], kv[0]))[0]
                    b = tables.canonical_body(iss)
                    if b and b.level != "central" and d.jurisdiction and d.jurisdiction != CENTRAL:
                        iss = f"{iss} {d.jurisdiction}"
                    d.issuer = iss
                if d.types and d.type_code:
                    allowed = tables.types_by_code().get(d.type_code.upper(), ())
                    for t, _ in d.types.most_common():
                        if t in allowed:
                            d.type = t
                            break
        for rec, i, c in cits:
            if kind(c) == "descriptive":
                target[(rec.file, i)] = self._descriptive(c, _jur(c, rec.jurisdiction))

        # Relations with their evidence.
        edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)

        def add(src: Doc | None, dst: Doc | None, code: str, c: Citation, stating: Doc | None):
            if src is None or dst is None or src is dst:
                return
            edges[(src.id, dst.id, code)].append({
                "document": stating.id if stating else None, "file": c.evidence.file,
                "line": c.evidence.line, "quote": c.evidence.quote, **c.evidence.where(),
            })

        for rec, i, c in cits:
            stating = text_docs.get((rec.file, c.stated_by)) if c.stated_by is not None else None
            dst = target.get((rec.file, i))
            if c.relation and stating is not None:
                add(stating, dst, c.relation, c, stating)
            for j, code in c.about:
                add(dst, target.get((rec.file, j)), code, c, stating)
        # A pair with a specific relation needs no DAN_CHIEU beside it.
        specific = {(s, t) for (s, t, code) in edges if code != Rel.DAN_CHIEU.value}
        relations: list[dict[str, Any]] = []
        for (s, t, code), ev in sorted(edges.items()):
            if code == Rel.DAN_CHIEU.value and (s, t) in specific:
                continue
            uniq = {(e["file"], e["line"], e["quote"], e["document"] or ""): e for e in ev}
            relations.append({"source": s, "target": t, "type": code,
                              "evidence": [uniq[k] for k in sorted(uniq)]})
        for rec in records:
            for iss in rec.issues:
                self.issues.append({"kind": iss.kind, "file": iss.file, "line": iss.line, "message": iss.message})
        documents = sorted((d.as_dict() for d in self.docs.values()), key=lambda d: d["id"])
        issues = sorted(self.issues, key=lambda x: (x["file"] or "", x["line"] or 0, x["kind"], x["message"]))
        implementers: defaultdict[str, list[dict]] = defaultdict(list)
        by_id = {d["id"]: d for d in documents}
        for r in relations:
            if r["type"] == Rel.THUC_HIEN.value and r["source"] in by_id:
                implementers[r["target"]].append(by_id[r["source"]])
        relayed = {(rec.file, int(o["cited"])): target.get((rec.file, int(o["cited"]))) for rec in records
                   for o in rec.obligations if o.get("cited") is not None}
        bodies, obligations, task_edges, as_of = self._obligations(records, text_docs, relayed, documents,
                                                                   implementers)
        return Resolved(documents, relations, issues, bodies, obligations, task_edges, as_of)

    def _obligations(self, records, text_docs, relayed, documents, implementers):
        """Body nodes (assignees and issuers), obligations with fulfilment and status."""
        import datetime as dt

        from vbgraph.graph import tasks

        by_id = {d["id"]: d for d in documents}
        dated = sorted(d["date"] for d in documents if d["in_corpus"] and d.get("date") and len(d["date"]) == 10)
        as_of = dated[-1] if dated else None
        as_of_date = dt.date.fromisoformat(as_of) if as_of else dt.date.max
        bodies: dict[str, dict] = {}
        edges: dict[tuple[str, str, str], dict] = {}

        def add_body(name: str, jur: str | None) -> str:
            canon = tasks.canonical_body_name(name)
            j = tasks.body_jurisdiction(canon, jur)
            bid = tasks.body_id(canon, j)
            if bid in bodies and bodies[bid]["name"] != canon:
                # One body spelt two ways: keep the preferred name, the other as an alias.
                b = bodies[bid]
                name = tasks.preferred_name(b["name"], canon)
                b["aliases"] = sorted({*b["aliases"], b["name"], canon} - {name})
                b["name"] = name
            if bid not in bodies:
                bodies[bid] = {"id": bid, "name": canon, "jurisdiction": j, "part_of": None,
                               "level": "central" if j == CENTRAL else "province", "aliases": [],
                               "generic": bd.names_a_kind(canon)}
                parent = tasks.part_of(canon)
                if parent:
                    pid = add_body(parent, j)
                    if pid != bid:
                        bodies[bid]["part_of"] = pid
                        edges[(bid, pid, Edge.THUOC.value)] = {}
            return bid

        for d in documents:
            name = tasks.body_level_name(d.get("issuer"), d.get("jurisdiction"))
            if name and d.get("in_corpus"):
                edges[(add_body(name, d.get("jurisdiction")), d["id"], Edge.BAN_HANH.value)] = {}
        candidates = [d for d in documents if d.get("type") and d.get("title") and d.get("date")]
        out: list[dict] = []
        seen: dict[str, dict] = {}
        for rec in records:
            for o in rec.obligations:
                doc = (text_docs[(rec.file, o["document"])] if o.get("cited") is None
                       else relayed[(rec.file, o["cited"])])
                if doc is None:
                    continue
                assigning = by_id[doc.id]
                assignees = []
                for a in o["assignees"]:
                    bid = add_body(a["name"], doc.jurisdiction)
                    if all(x["body"] != bid for x in assignees):
                        assignees.append({"body": bid, "role": a["role"]})
                ob = {**o, "assignees": assignees}
                fid, score = tasks.fulfilment(ob, assigning, candidates)
                if fid is None:
                    fid = tasks.implementing_fulfilment(ob, assigning, implementers.get(doc.id, []))
                    score = 1.0 if fid else 0.0
                st, how = tasks.status(ob, by_id.get(fid), as_of_date)
                oid = tasks.obligation_id(doc.id, ob)
                if oid in seen:  # the same task read again (one document in two compilations)
                    if o["evidence"] != seen[oid]["evidence"] and o["evidence"] not in seen[oid]["more_evidence"]:
                        seen[oid]["more_evidence"].append(o["evidence"])
                    continue
                record = {
                    "id": oid, "document": doc.id, "text": o["text"], "assignees": assignees,
                    "deadline": o.get("deadline"), "recurring": o.get("recurring"), "produces": o.get("produces"),
                    "produces_level": o.get("produces_level"), "fulfilled_by": fid, "fulfilment": how,
                    "fulfilment_score": round(score, 3) if fid else None, "status": st, "source": o.get("kind"),
                    "evidence": o["evidence"], "more_evidence": [],
                }
                seen[oid] = record
                out.append(record)
                edges[(doc.id, oid, Edge.DAT_RA.value)] = {}
                for a in assignees:
                    edges[(oid, a["body"], Edge.GIAO_CHO.value)] = {"vai_tro": a["role"]}
                if fid:
                    edges[(oid, fid, Edge.DUOC_THUC_HIEN_BOI.value)] = {}
        task_edges = [(s, t, k, a) for (s, t, k), a in sorted(edges.items())]
        return (sorted(bodies.values(), key=lambda b: b["id"]), sorted(out, key=lambda o: o["id"]), task_edges, as_of)


def resolve(records: list[FileRecord]) -> Resolved:
    return Resolver().run(records)
