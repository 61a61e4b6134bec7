"""Obligations across the graph: body nodes, PART_OF, and which document fulfilled a planned one.

A planned document ("Nghị quyết về phát triển du lịch …, Ban cán sự đảng UBND tỉnh, Quý
II/2021") is fulfilled by the document of that type, issuing level and jurisdiction whose
subject repeats its content words, issued in a window around the deadline. Wording drift
("2021-2025" vs "2021-2030", "du lịch - dịch vụ" vs "du lịch") is tolerated: years and
function words do not count.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from vbgraph.graph.identity import CENTRAL, hash_record
from vbgraph.loaders import bodies as bd
from vbgraph.loaders.normalize import fold, slug, tokens
from vbgraph.loaders.records import ObligationRecord
from vbgraph.ontology import tables

_STOP = {
    "ve",
    "va",
    "cua",
    "cac",
    "trong",
    "giai",
    "doan",
    "den",
    "nam",
    "dinh",
    "huong",
    "tren",
    "dia",
    "ban",
    "nhung",
    "theo",
    "so",
    "ngay",
    "viec",
    "cho",
    "voi",
    "la",
    "tai",
    "hien",
    "nay",
    "moi",
    "thoi",
    "ky",
    "tinh",
    "tu",
    "phan",
}
WINDOW_DAYS = 400
FULFIL_SCORE = 0.6
PARENTS = (
    "Tỉnh ủy",
    "Tỉnh đoàn",
    "Ủy ban nhân dân tỉnh",
    "Hội đồng nhân dân tỉnh",
    "Ủy ban Mặt trận Tổ quốc tỉnh",
)


def content_words(text: str | None) -> set[str]:
    return {
        t for t in tokens(text) if t not in _STOP and not re.fullmatch(r"(?:19|20)\d{2}", t) and len(t) > 1
    }


def subject_score(planned: str | None, title: str | None) -> float:
    p, d = content_words(planned), content_words(title)
    if not p or not d:
        return 0.0
    common = len(p & d)
    return min(common / len(p), common / len(d)) * 0.5 + common / min(len(p), len(d)) * 0.5


def _date(s: str | None) -> dt.date | None:
    if not s or len(s) != 10:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None


def body_level_name(issuer: str | None, jurisdiction: str | None) -> str | None:
    """'Ban Thường vụ Tỉnh ủy Bắc Giang' -> 'Ban Thường vụ Tỉnh ủy'."""
    if not issuer:
        return None
    if jurisdiction and jurisdiction != CENTRAL and issuer.endswith(" " + jurisdiction):
        return issuer[: -len(jurisdiction) - 1]
    return issuer


def fulfilment(ob: ObligationRecord, assigning: dict, docs: list[dict]) -> tuple[str | None, float]:
    """(id of the document that realised a planned one, score) or (None, 0)."""
    made = ob.produces or {}
    if not made.get("type") or not made.get("title"):
        return None, 0.0
    start = _date(assigning.get("date"))
    deadline = _date((ob.deadline or {}).get("end"))
    lo = start - dt.timedelta(days=WINDOW_DAYS) if start else None
    hi_base = deadline or (start + dt.timedelta(days=3 * 365) if start else None)
    hi = hi_base + dt.timedelta(days=WINDOW_DAYS) if hi_base else None
    level = ob.produces_level
    best, best_score = None, 0.0
    for d in docs:
        if d["type"] != made["type"] or not d.get("title"):
            continue
        if d.get("jurisdiction") != assigning.get("jurisdiction"):
            continue
        when = _date(d.get("date"))
        if when is None or (lo and when < lo) or (hi and when > hi):
            continue
        if level and body_level_name(d.get("issuer"), d.get("jurisdiction")) != level:
            continue
        s = subject_score(made["title"], d["title"])
        if s > best_score or (s == best_score and best is not None and d["id"] < best):
            best, best_score = d["id"], s
    return (best, best_score) if best_score >= FULFIL_SCORE else (None, 0.0)


_PLANS = {"Chương trình", "Chương trình hành động", "Kế hoạch"}
_TO_IMPLEMENT = re.compile(r"\b(?:thực hiện|triển khai|cụ thể hóa|quán triệt)\b", re.IGNORECASE)


def implementing_fulfilment(ob: ObligationRecord, assigning: dict, implementers: list[dict]) -> str | None:
    """A task to draw up a programme or plan to implement the assigning document ("các huyện ủy …
    xây dựng kế hoạch thực hiện Chỉ thị") is fulfilled by such a document that THUC_HIEN it, issued
    after it, in the assigner's jurisdiction or, for a central document, in any: the earliest."""
    made = ob.produces or {}
    if made.get("type") not in _PLANS or (made.get("title") and not _TO_IMPLEMENT.search(made["title"])):
        return None
    start = assigning.get("date") or ""
    central = assigning.get("jurisdiction") == CENTRAL
    level = ob.produces_level
    found = [
        d
        for d in implementers
        if d.get("type") in _PLANS
        and d.get("in_corpus")
        and (d.get("date") or "") >= start
        and (central or d.get("jurisdiction") == assigning.get("jurisdiction"))
        and (not level or body_level_name(d.get("issuer"), d.get("jurisdiction")) == level)
    ]
    return min(found, key=lambda d: (d.get("date") or "", d["id"]))["id"] if found else None


def status(ob: ObligationRecord, fulfilled: dict | None, as_of: dt.date) -> tuple[str, str | None]:
    """(status, fulfilment): status done|late|open; fulfilment on_time|late|not_found|None."""
    end = _date((ob.deadline or {}).get("end"))
    if fulfilled is not None:
        when = _date(fulfilled.get("date"))
        if end and when and when > end:
            return "late", "late"
        return "done", "on_time"
    if end and end < as_of:
        return "late", "not_found" if ob.produces else None
    return "open", None


def body_id(name: str, jurisdiction: str | None) -> str:
    """By the name without its connectives: 'cơ quan tham mưu, giúp việc của Tỉnh ủy' and '… giúp việc
    Tỉnh ủy' are one body (connectives in obligations.toml [identity])."""
    return f"{slug(jurisdiction) or 'unknown'}:{slug(identity_name(name))}"


@cache
def _connectives() -> frozenset[str]:
    return frozenset(fold(w) for w in tables.load("obligations.toml")["identity"]["connectives"])


def identity_name(name: str) -> str:
    return " ".join(w for w in re.sub(r"[,;]", " ", name).split() if fold(w) not in _connectives())


def preferred_name(a: str, b: str) -> str:
    """Of two spellings of one body, the one a reader expects: without connectives, then the shorter,
    then the first in order, so the choice never depends on which file came first."""
    return min(a, b, key=lambda n: (any(fold(w) in _connectives() for w in n.split()), len(n), n))


def body_jurisdiction(name: str, doc_jurisdiction: str | None) -> str | None:
    entry = tables.canonical_body(name)
    if entry is not None and entry.level == "central":
        return CENTRAL
    if re.search(r"\bTrung ương\b|\bTW\b", name):
        return CENTRAL
    return doc_jurisdiction


def part_of(name: str) -> str | None:
    """The body a name says it belongs to: 'Ban Tuyên giáo Tỉnh ủy' -> 'Tỉnh ủy'."""
    entry = tables.canonical_body(name)
    if entry is not None and entry.part_of:
        return entry.part_of
    f = fold(name)
    for parent in PARENTS:
        if f.endswith(" " + fold(parent)) and f != fold(parent):
            return parent
    return None


def canonical_body_name(name: str) -> str:
    return bd.canonical_name(name)


def obligation_id(doc_id: str, ob: ObligationRecord, assignees: list[dict]) -> str:
    """By the document and the task, never by the line it was read from: one document in two
    compilations gives one set of obligations, each with two pieces of evidence. `assignees` are
    the resolved ones ({"body", "role"})."""
    return (
        "obl:"
        + hash_record(
            {
                "document": doc_id,
                "text": fold(ob.text),
                "deadline": (ob.deadline or {}).get("end"),
                "assignees": assignees,
            }
        )[:16]
    )
