"""Obligations across the graph: body nodes, PART_OF, and which document fulfilled a planned one.

A planned document ("Nghị quyết về phát triển du lịch …, Ban cán sự đảng UBND tỉnh, Quý
II/2021") is fulfilled by the document of that type, issuing level and jurisdiction whose
subject repeats its content words, issued in a window around the deadline. Wording drift
("2021-2025" vs "2021-2030", "du lịch - dịch vụ" vs "du lịch") is tolerated: years and
function words do not count, but a plan for one year ("… năm 2025") is that year's. Its issuer
stays at a level of the task (the assigner's or an assignee's: a commune's plan never realises a
province department's) and in the assigner's system (a Tỉnh ủy's planned Nghị quyết is no HĐND
resolution) unless the task names the other (ontology/fulfilment.toml).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from vbgraph.graph.identity import CENTRAL, hash_record
from vbgraph.loaders import bodies as bd
from vbgraph.loaders import signals
from vbgraph.loaders.header import find_provinces
from vbgraph.loaders.memo import text_cache
from vbgraph.loaders.normalize import fold, lower_vn, slug, tokens
from vbgraph.loaders.records import Assignment, ObligationRecord
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


_YEAR = re.compile(r"(?:19|20)\d{2}")


def content_words(text: str | None) -> set[str]:
    return {t for t in tokens(text) if t not in _STOP and not _YEAR.fullmatch(t) and len(t) > 1}


def subject_score(planned: str | None, title: str | None) -> float:
    return _overlap(content_words(planned), content_words(title))


def _overlap(p: set[str] | frozenset[str], d: set[str] | frozenset[str]) -> float:
    """`subject_score` of two sets of content words: the index keeps a candidate's words, computed once."""
    if not p or not d:
        return 0.0
    return _score(len(p & d), len(p), len(d))


def _score(common: int, a: int, b: int) -> float:
    """The subject score of titles of a and b content words sharing `common`."""
    return min(common / a, common / b) * 0.5 + common / min(a, b) * 0.5


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
        before = issuer[: -len(jurisdiction) - 1]
        # 'Hiệu trưởng Trường Đại học Hà Tĩnh': the place is part of the school's own name
        return issuer if signals.place_in_name(before) else before
    return issuer


def issuing_bodies(issuer: str | None, jurisdiction: str | None) -> list[str]:
    """The level names of the bodies that issue a document: each of joint issuers ('Ủy ban nhân
    dân tỉnh Quảng Trị, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị' -> both, without the province)."""
    if not issuer:
        return []
    names = (body_level_name(n, jurisdiction) for n in bd.joint_issuers(issuer))
    return list(dict.fromkeys(n for n in names if n))


def _window(ob: ObligationRecord, assigning: dict) -> tuple[dt.date | None, dt.date | None]:
    """The dates a planned document may bear: from WINDOW_DAYS before the assigning document to
    WINDOW_DAYS after the deadline (three years after the assigning document when none is set);
    None: no bound on that side."""
    start = _date(assigning.get("date"))
    deadline = _date((ob.deadline or {}).get("end"))
    lo = start - dt.timedelta(days=WINDOW_DAYS) if start else None
    hi_base = deadline or (start + dt.timedelta(days=3 * 365) if start else None)
    hi = hi_base + dt.timedelta(days=WINDOW_DAYS) if hi_base else None
    return lo, hi


def district_place(issuer: str | None) -> str | None:
    """The place of a district's body ('Huyện ủy Duy Xuyên' -> 'Duy Xuyên'), else None: a district's
    task is fulfilled by its own documents, not by another district's of the same words."""
    if not issuer or signals.body_level(issuer) != "district":
        return None
    from vbgraph.loaders.places import place_name

    return place_name(issuer)


def _communes_only(ob: ObligationRecord) -> bool:
    """Are all the task's assignees communes' bodies ('Đảng ủy các phường, xã xây dựng kế hoạch …')?
    Then their own documents fulfil it, not the district's that assigned it."""
    return bool(ob.assignees) and all(signals.body_level(a.name) == "commune" for a in ob.assignees)


def _may_fulfil(issuer: str | None, place: str | None, communes: bool) -> bool:
    """May a document of `issuer` fulfil a task assigned in the district `place` (None: no district)
    to communes' bodies only (`communes`)?"""
    if place and (other := district_place(issuer)) and other != place:
        return False
    return not communes or not issuer or signals.body_level(issuer) in ("commune", None)


# -- who may issue a planned document, and for which year (ontology/fulfilment.toml) ------------


@cache
def _fulfilment_table() -> dict:
    return tables.load("fulfilment.toml")


def _words_alt(words: Iterable[str]) -> str:
    """Folded words as one alternation, the longest first."""
    return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))


@cache
def _kind_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, what makes a folded body name that kind's), the Party's first: its words anywhere
    ('ban can su dang ubnd tinh'), the others' anywhere or, `opens` words, opening the name."""
    t = _fulfilment_table()["kind"]
    out = []
    for kind in ("party", "council", "government", "department"):
        alts = [rf"\b(?:{_words_alt(t[kind])})\b"] if t[kind] else []
        if opens := t.get("opens", {}).get(kind):
            alts.append(rf"^(?:{_words_alt(opens)})\b")
        out.append((kind, re.compile("|".join(alts))))
    return tuple(out)


def body_kind(name: str | None) -> str | None:
    """'party' (a committee or board of the Party), 'council' (HĐND), 'government' (UBND),
    'department' (a Sở) or None (a mass organisation, a name of no kind): who issues what."""
    return _body_kind(name) if name else None


@text_cache(1 << 14)
def _body_kind(name: str) -> str | None:
    f = fold(name)
    return next((kind for kind, r in _kind_res() if r.search(f)), None)


def _system(kind: str | None) -> str | None:
    """The Party's or the State's (a council's, a government's or a department's), None: neither."""
    return None if kind is None else "party" if kind == "party" else "state"


@cache
def _named_state_re() -> re.Pattern[str]:
    """A council or government named on its own in folded text, not as the State body inside the
    name of the Party's body that leads it ('lanh dao ubnd tinh', not 'dang uy ubnd tinh')."""
    t = _fulfilment_table()["kind"]
    behind = "".join(f"(?<!\\b{re.escape(fold(w))} )" for w in t["leads"])
    return re.compile(
        rf"{behind}\b(?:(?P<council>{_words_alt(t['council'])})|(?P<government>{_words_alt(t['government'])}))\b"
    )


def named_state(text: str | None) -> frozenset[str]:
    """The State kinds ('council', 'government') a task names on its own: 'lãnh đạo UBND tỉnh
    trình HĐND tỉnh ban hành' names both, 'Ban cán sự đảng UBND tỉnh chủ trì' neither."""
    return frozenset(str(m.lastgroup) for m in _named_state_re().finditer(fold(text)))


def _named_kinds(ob: ObligationRecord) -> frozenset[str]:
    """The kinds of body a task's words name, outside its planned document's title (a title's
    'hoạt động của HĐND' is its subject, not its issuer)."""
    text = ob.text
    title = (ob.produces or {}).get("title")
    if title:
        text = text.replace(title, " ")
    party = next(r for kind, r in _kind_res() if kind == "party")
    return named_state(text) | ({"party"} if party.search(fold(text)) else set())


def doc_kind(d: dict) -> str | None:
    """`body_kind` of a document's issuer; of an unnamed one, of its symbol's code's body ('ĐU')."""
    if d.get("issuer"):
        return body_kind(d["issuer"])
    info = tables.issuer_code_info(d.get("issuer_code"), party=tables.party_symbol(d.get("symbol")))
    return body_kind(info["body"]) if info else None


def doc_level(d: dict) -> str | None:
    """central | province | district | commune of a document's issuer, None: not known."""
    if d.get("jurisdiction") == CENTRAL:
        return "central"
    return signals.body_level(d.get("issuer"))


_YEAR_NUMBER_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_FOR_YEAR_RE = re.compile(r"\bnam ((?:19|20)\d{2})\b")


@cache
def _horizon_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words_alt(_fulfilment_table()['year']['horizon'])})\s*$")


def title_year(title: str | None) -> int | None:
    """The one year a planned title is for ('Kế hoạch tuyên truyền … năm 2025' -> 2025); None when it
    names none, several ('giai đoạn 2021-2025'), or a horizon or target ('đến năm 2030')."""
    f = fold(title)
    if len(_YEAR_NUMBER_RE.findall(f)) != 1 or not (m := _FOR_YEAR_RE.search(f)):
        return None
    return None if _horizon_re().search(f, 0, m.start()) else int(m.group(1))


def title_years(title: str | None) -> frozenset[int]:
    """Every year a title names ('giai đoạn 2021-2025' -> 2021, 2025)."""
    return frozenset(int(y) for y in _YEAR_NUMBER_RE.findall(title or ""))


def _year_fits(year: int | None, years: frozenset[int], when: dt.date | None) -> bool:
    """May a document of a title naming `years`, dated `when`, be the plan for `year`? Its title
    names that year; a title of no year is dated within a year of it."""
    if year is None:
        return True
    if years:
        return year in years
    return when is not None and abs(when.year - year) <= 1


class Demand(NamedTuple):
    """What the issuer and title of a document must be to realise a task's planned one, beyond its
    type, place, window and words (None: any)."""

    levels: frozenset[str] | None  # the issuer's level: the assigner's or a leading assignee's
    systems: frozenset[str] | None  # 'party' | 'state': the assigner's, or one the task names
    year: int | None  # the one year the planned title is for


def _leading(ob: ObligationRecord) -> tuple[Assignment, ...]:
    """The bodies a task is given to, without its partners (all of them when it names only partners)."""
    return tuple(a for a in ob.assignees if a.role != "phoi_hop") or ob.assignees


def demand(ob: ObligationRecord, assigning: dict) -> Demand:
    """The task's `Demand`: with its issuing level named (`produces_level`), that name decides who."""
    year = title_year((ob.produces or {}).get("title"))
    if ob.produces_level:
        return Demand(None, None, year)
    lead = _leading(ob)
    level = doc_level(assigning)
    levels = None
    if level is not None:
        levels = frozenset({level, *(lv for a in lead if (lv := signals.body_level(a.name)))})
    kind = doc_kind(assigning)
    systems = None
    if kind is not None:
        kinds = {kind, *_named_kinds(ob), *(body_kind(a.name) for a in lead)}
        systems = frozenset(s for k in kinds if (s := _system(k)))
    return Demand(levels, systems, year)


def _meets(need: Demand, level: str | None, system: str | None, years: frozenset[int], when: dt.date) -> bool:
    """Does a document of this issuer's level and system, title years and date meet `need`? An
    issuer of no known level or system meets any."""
    if need.levels is not None and level is not None and level not in need.levels:
        return False
    if need.systems is not None and system is not None and system not in need.systems:
        return False
    return _year_fits(need.year, years, when)


def _own_id(ob: ObligationRecord, assigning: dict) -> str | None:
    """The assigning document's id when it cannot fulfil its own task: a plan asking the districts
    to draw up plans of its subject ('Các huyện ủy xây dựng kế hoạch kiểm tra, giám sát năm 2024')
    is not one of them. It may when the planned document is issued at its own level: a work
    programme's appendix lists the programme itself ('Chương trình hành động …', Tỉnh ủy)."""
    if ob.produces_level and ob.produces_level == body_level_name(
        assigning.get("issuer"), assigning.get("jurisdiction")
    ):
        return None
    return assigning.get("id")


def fulfilment(ob: ObligationRecord, assigning: dict, docs: list[dict]) -> tuple[str | None, float]:
    """(id of the document that realised a planned one, score) or (None, 0), looking at every
    document: the reference `FulfilmentIndex.fulfilment` must agree with (it is what tests compare)."""
    made = ob.produces or {}
    if not made.get("type") or not made.get("title"):
        return None, 0.0
    lo, hi = _window(ob, assigning)
    level = ob.produces_level
    place, communes = district_place(assigning.get("issuer")), _communes_only(ob)
    need = demand(ob, assigning)
    best, best_score = None, 0.0
    own = _own_id(ob, assigning)
    for d in docs:
        if d["type"] != made["type"] or not d.get("title") or d["id"] == own:
            continue
        if d.get("jurisdiction") != assigning.get("jurisdiction"):
            continue
        if not _may_fulfil(d.get("issuer"), place, communes):
            continue
        when = _date(d.get("date"))
        if when is None or (lo and when < lo) or (hi and when > hi):
            continue
        if level and body_level_name(d.get("issuer"), d.get("jurisdiction")) != level:
            continue
        if not _meets(need, doc_level(d), _system(doc_kind(d)), title_years(d["title"]), when):
            continue
        s = subject_score(made["title"], d["title"])
        if s > best_score or (s == best_score and best is not None and d["id"] < best):
            best, best_score = d["id"], s
    return (best, best_score) if best_score >= FULFIL_SCORE else (None, 0.0)


class _Candidate(NamedTuple):
    when: dt.date
    id: str
    words: frozenset[str]
    issuer: str | None
    level: str | None  # `doc_level`
    system: str | None  # of `doc_kind`
    years: frozenset[int]  # `title_years`


def _candidate(d: dict, when: dt.date) -> _Candidate:
    title = d["title"]
    return _Candidate(
        when,
        d["id"],
        frozenset(content_words(title)),
        d.get("issuer"),
        doc_level(d),
        _system(doc_kind(d)),
        title_years(title),
    )


GroupKey = tuple[str, str | None, str | None]  # (type, jurisdiction, issuing level or None: any)


@cache
def _prefix(a: int, b: int) -> int:
    """How many of a planned title's `a` content words, rarest first, a title of `b` words must
    share one of to score FULFIL_SCORE: a title sharing the least c words that reaches it shares
    one of any a - c + 1 of them. 0: none can."""
    for c in range(1, min(a, b) + 1):
        if _score(c, a, b) >= FULFIL_SCORE:
            return a - c + 1
    return 0


class _Group:
    """The candidates of one type, jurisdiction and level, sorted by date, and the positions (in
    that order) of those holding each word, by title size: a planned document is compared only
    with the candidates in its date window that share one of its rarer words."""

    def __init__(self, cands: list[_Candidate]) -> None:
        self.cands = sorted(cands, key=lambda c: (c.when, c.id))
        self.postings: defaultdict[str, defaultdict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for pos, c in enumerate(self.cands):
            for w in c.words:
                self.postings[w][len(c.words)].append(pos)
        self.freq = {w: sum(map(len, by_size.values())) for w, by_size in self.postings.items()}

    def best(
        self,
        words: set[str],
        lo: dt.date | None,
        hi: dt.date | None,
        place: str | None = None,
        communes: bool = False,
        exclude: str | None = None,
        need: Demand | None = None,
    ) -> tuple[str | None, float]:
        """As `fulfilment`'s loop over the candidates dated in [lo, hi] that may fulfil the task
        (`_may_fulfil`) and meet its `need`: the best score, ties to the smaller id; the candidates
        sharing no word of the prefix cannot reach FULFIL_SCORE."""
        i = bisect_left(self.cands, lo, key=_when) if lo else 0
        j = bisect_right(self.cands, hi, key=_when) if hi else len(self.cands)
        rarest = sorted(words, key=lambda w: (self.freq.get(w, 0), w))
        found: set[int] = set()
        for rank, w in enumerate(rarest):
            for size, positions in self.postings.get(w, {}).items():
                if rank < _prefix(len(words), size):
                    found.update(positions[bisect_left(positions, i) : bisect_left(positions, j)])
        best, best_score = None, 0.0
        for c in (self.cands[k] for k in found):
            if c.id == exclude or ((place or communes) and not _may_fulfil(c.issuer, place, communes)):
                continue
            if need is not None and not _meets(need, c.level, c.system, c.years, c.when):
                continue
            s = _overlap(words, c.words)
            if s > best_score or (s == best_score and best is not None and c.id < best):
                best, best_score = c.id, s
        return (best, best_score) if best_score >= FULFIL_SCORE else (None, 0.0)


def _when(c: _Candidate) -> dt.date:
    return c.when


class FulfilmentIndex:
    """What `fulfilment` finds, without comparing every planned document with every document:
    the candidates (a type, a title and a full date) are grouped by type, jurisdiction and
    issuing level (`_Group`), so a planned document meets only those of its kind, in its date
    window, sharing its rarer words. One wording in one place and window (a task repeated down
    a chain) is looked up once."""

    def __init__(self, docs: Iterable[dict]) -> None:
        groups: defaultdict[GroupKey, list[_Candidate]] = defaultdict(list)
        for d in docs:
            when = _date(d.get("date"))
            if when is None or not d.get("type") or not d.get("title"):
                continue
            c = _candidate(d, when)
            jur = d.get("jurisdiction")
            groups[(d["type"], jur, None)].append(c)
            if level := body_level_name(d.get("issuer"), jur):
                groups[(d["type"], jur, level)].append(c)
        self._candidates = groups  # by group, made into a `_Group` when one is first asked for
        self._groups: dict[GroupKey, _Group] = {}
        self._found: dict[tuple, tuple[str | None, float]] = {}

    def _group(self, key: GroupKey) -> _Group | None:
        """The group of these candidates, made the first time a task asks for it: groups no task
        asks for (many of those by issuing level) are never made, and making one costs more than a
        lookup in it."""
        if key not in self._groups and key in self._candidates:
            self._groups[key] = _Group(self._candidates.pop(key))
        return self._groups.get(key)

    def fulfilment(self, ob: ObligationRecord, assigning: dict) -> tuple[str | None, float]:
        """(id of the document that realised a planned one, score) or (None, 0), as `fulfilment`."""
        made = ob.produces or {}
        if not made.get("type") or not made.get("title"):
            return None, 0.0
        lo, hi = _window(ob, assigning)
        group: GroupKey = (made["type"], assigning.get("jurisdiction"), ob.produces_level or None)
        place, communes = district_place(assigning.get("issuer")), _communes_only(ob)
        need = demand(ob, assigning)
        key = (*group, lo, hi, made["title"], place, communes, need)
        if key not in self._found:
            g = self._group(group)
            self._found[key] = (
                g.best(content_words(made["title"]), lo, hi, place, communes, need=need) if g else (None, 0.0)
            )
        found = self._found[key]
        if found[0] is not None and found[0] == _own_id(ob, assigning):
            own = (*key, found[0])
            if own not in self._found:
                g = self._group(group)
                assert g is not None
                self._found[own] = g.best(
                    content_words(made["title"]), lo, hi, place, communes, exclude=found[0], need=need
                )
            found = self._found[own]
        return found


_PLANS = {"Chương trình", "Chương trình hành động", "Kế hoạch"}
_TO_IMPLEMENT = re.compile(r"\b(?:thực hiện|triển khai|cụ thể hóa|quán triệt)\b", re.IGNORECASE)


def implementing_fulfilment(ob: ObligationRecord, assigning: dict, implementers: list[dict]) -> str | None:
    """A task to draw up a programme or plan to implement the assigning document ("các huyện ủy …
    xây dựng kế hoạch thực hiện Chỉ thị") is fulfilled by such a document that THUC_HIEN it, issued
    after it, in the assigner's jurisdiction or, for a central document, in any, by a body the task
    is given to (`_fit`): the one that fits best, then the earliest."""
    made = ob.produces or {}
    if made.get("type") not in _PLANS or (made.get("title") and not _TO_IMPLEMENT.search(made["title"])):
        return None
    start = assigning.get("date") or ""
    central = assigning.get("jurisdiction") == CENTRAL
    level = ob.produces_level
    year = title_year(made.get("title"))
    fits = []
    for d in implementers:
        if not (
            d.get("type") in _PLANS
            and d.get("in_corpus")
            and (d.get("date") or "") >= start
            and (central or d.get("jurisdiction") == assigning.get("jurisdiction"))
            and (not level or body_level_name(d.get("issuer"), d.get("jurisdiction")) == level)
            and _year_fits(year, title_years(d.get("title")), _date(d.get("date")))
        ):
            continue
        fit = 0 if level else _fit(ob, d)
        if fit is not None:
            fits.append((-fit, d.get("date") or "", d["id"]))
    return min(fits)[2] if fits else None


def _fit(ob: ObligationRecord, d: dict) -> int | None:
    """How well the issuer of `d` is one of the bodies a task is given to: None when it is of
    another level or kind than each ('Đảng ủy các xã' draw up plans: not the UBND tỉnh's, nor a
    Sở's), else how many of level and kind are known to agree for the best. The kinds the task
    names count for every assignee ('Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh xây dựng kế hoạch': the
    UBND's plan too); an assignee of no known level or kind agrees with any."""
    level, kind = doc_level(d), doc_kind(d)
    named = _named_kinds(ob)
    best = None
    for a in _leading(ob) or (Assignment("", "thuc_hien"),):
        own, kinds = signals.body_level(a.name), named | ({k} if (k := body_kind(a.name)) else set())
        if (level and own and level != own) or (kind and kinds and kind not in kinds):
            continue
        fit = bool(level and own) + bool(kind and kinds)
        best = fit if best is None else max(best, fit)
    return best


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
    """The connectives in lower case with their tones: folded, 'của' would be 'cửa' ('Bộ phận Một
    cửa tỉnh' is no 'Bộ phận Một tỉnh')."""
    return frozenset(lower_vn(w) for w in tables.load("obligations.toml")["identity"]["connectives"])


def identity_name(name: str) -> str:
    return " ".join(w for w in re.sub(r"[,;]", " ", name).split() if lower_vn(w) not in _connectives())


def preferred_name(a: str, b: str) -> str:
    """Of two spellings of one body, the one a reader expects: without connectives, then the shorter,
    then the first in order, so the choice never depends on which file came first."""
    return min(a, b, key=lambda n: (any(lower_vn(w) in _connectives() for w in n.split()), len(n), n))


def body_jurisdiction(name: str, doc_jurisdiction: str | None) -> str | None:
    """The body's province: the centre's for a central body; none for a local one a central
    document addresses ('Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương': every
    province's, no central body); else the assigning document's."""
    entry = tables.canonical_body(name)
    if entry is not None and entry.level == "central":
        return CENTRAL
    if doc_jurisdiction == CENTRAL and signals.body_level(name) in ("province", "district", "commune"):
        named = find_provinces(name)  # 'Ủy ban nhân dân tỉnh Sóc Trăng': that province's
        return named[0] if len(named) == 1 else None
    if re.search(r"\bTrung ương\b|\bTW\b", name) or _central_by_name(name):
        return CENTRAL
    return doc_jurisdiction


_LOCAL_WORD_RE = re.compile(r"(?<!\w)(?:tỉnh|thành phố)(?!\w)", re.IGNORECASE)


@cache
def _central_names() -> dict[str, tuple[str, ...]]:
    t = tables.load("bodies.toml")["central_names"]
    return {k: tuple(fold(w) for w in t[k]) for k in ("ends", "not_ends", "opens", "not_opens")}


def _central_by_name(name: str) -> bool:
    """A body of the centre by the shape of its name (bodies.toml [central_names]): 'Hội Liên hiệp
    Phụ nữ Việt Nam', 'Bộ Nội vụ', even in a province's text; never one that names a place."""
    t = _central_names()
    f = fold(name)
    if any(f == w or f.startswith(w + " ") for w in t["not_opens"]):
        return False
    if any(f.endswith(" " + w) for w in t["ends"]) and not any(f.endswith(" " + w) for w in t["not_ends"]):
        return True
    return (
        any(f == w or f.startswith(w + " ") for w in t["opens"])
        and signals.body_level(name) is None
        and not _LOCAL_WORD_RE.search(name)
        and not find_provinces(name)
    )


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
