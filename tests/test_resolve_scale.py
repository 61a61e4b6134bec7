"""Resolution by indexes: the indexed look-ups give what comparing every pair gave.

Fulfilment, descriptive citations and yearless law names are found through indexes (by type,
jurisdiction, level, date window, words, name stem) so resolving grows with the records, not with
their square; each index is checked here against the all-pairs rule it replaces.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import fields

import pytest

from vbgraph.graph import tasks
from vbgraph.graph.resolve import SAME_SUBJECT, Doc, Resolved, _edition_of, _Subjects, resolve
from vbgraph.loaders.normalize import containment, fold
from vbgraph.loaders.parse import parse_text
from vbgraph.loaders.records import Assignment, Citation, Evidence, ObligationRecord

from factories import party_doc

BG = "Bắc Giang"
START = "2021-06-08"  # the assigning document's date
LO = dt.date(2021, 6, 8) - dt.timedelta(days=tasks.WINDOW_DAYS)  # first day of its window
DEADLINE = "2021-12-31"
HI = dt.date(2021, 12, 31) + dt.timedelta(days=tasks.WINDOW_DAYS)  # last day with that deadline
HI_NO_DEADLINE = dt.date(2021, 6, 8) + dt.timedelta(days=3 * 365 + tasks.WINDOW_DAYS)
TOURISM = "về phát triển du lịch giai đoạn 2021-2025, định hướng đến năm 2030"


def day(d: dt.date, shift: int = 0) -> str:
    return (d + dt.timedelta(days=shift)).isoformat()


def doc(
    id: str,
    date: str | None,
    *,
    title: str | None = "về phát triển du lịch giai đoạn 2021-2030",
    type: str = "Nghị quyết",
    jurisdiction: str | None = BG,
    issuer: str | None = f"Ban Thường vụ Tỉnh ủy {BG}",
) -> dict:
    return {
        "id": id,
        "date": date,
        "title": title,
        "type": type,
        "jurisdiction": jurisdiction,
        "issuer": issuer,
    }


def planned(
    title: str = TOURISM,
    *,
    type: str = "Nghị quyết",
    deadline: str | None = DEADLINE,
    level: str | None = None,
    assignees: tuple[str, ...] = (),
    text: str = "Xây dựng nghị quyết",
) -> ObligationRecord:
    return ObligationRecord(
        text=text,
        assignees=tuple(Assignment(a, "thuc_hien") for a in assignees),
        deadline={"end": deadline} if deadline else None,
        recurring=None,
        produces={"type": type, "title": title},
        produces_level=level,
        kind="section",
        evidence=Evidence("f.txt", 1, "Xây dựng nghị quyết"),
    )


ASSIGNING = {"id": "bac-giang:03-CTr/TU@2021-06-08", "date": START, "jurisdiction": BG}

# (case, planned document, assigning document, candidates, the one that fulfils it)
CASES = [
    ("first day of the window", planned(), ASSIGNING, [doc("a", day(LO))], "a"),
    ("day before the window", planned(), ASSIGNING, [doc("a", day(LO, -1))], None),
    ("last day after the deadline", planned(), ASSIGNING, [doc("a", day(HI))], "a"),
    ("day after that", planned(), ASSIGNING, [doc("a", day(HI, 1))], None),
    ("no deadline: three years on", planned(deadline=None), ASSIGNING, [doc("a", day(HI_NO_DEADLINE))], "a"),
    ("no deadline: a day later", planned(deadline=None), ASSIGNING, [doc("a", day(HI_NO_DEADLINE, 1))], None),
    (
        "undated assigner: no lower bound",
        planned(),
        {**ASSIGNING, "date": None},
        [doc("a", "1990-01-01")],
        "a",
    ),
    (
        "undated assigner, deadline bounds",
        planned(),
        {**ASSIGNING, "date": None},
        [doc("a", day(HI, 1))],
        None,
    ),
    (
        "no dates at all: any",
        planned(deadline=None),
        {**ASSIGNING, "date": "2021"},
        [doc("a", "2099-01-01")],
        "a",
    ),
    ("a year is not a date", planned(), ASSIGNING, [doc("a", "2021")], None),
    (
        "ties go to the smaller id",
        planned(),
        ASSIGNING,
        [doc("b", "2021-09-01"), doc("a", "2021-10-01")],
        "a",
    ),
    (
        "the better subject wins over the smaller id",
        planned(),
        ASSIGNING,
        [
            doc("a", "2021-09-01", title="về phát triển du lịch và dịch vụ"),
            doc("b", "2021-10-01", title=TOURISM),
        ],
        "b",
    ),
    ("another type", planned(type="Chỉ thị"), ASSIGNING, [doc("a", "2021-09-01")], None),
    ("another province", planned(), ASSIGNING, [doc("a", "2021-09-01", jurisdiction="Nghệ An")], None),
    (
        "level named, matching",
        planned(level="Ban Thường vụ Tỉnh ủy"),
        ASSIGNING,
        [doc("a", "2021-09-01")],
        "a",
    ),
    (
        "level named, other level",
        planned(level="Ban Thường vụ Tỉnh ủy"),
        ASSIGNING,
        [doc("a", "2021-09-01", issuer=f"Ủy ban nhân dân tỉnh {BG}")],
        None,
    ),
    (
        "level named: the other level's better title loses",
        planned(level="Ban Thường vụ Tỉnh ủy"),
        ASSIGNING,
        [
            doc("a", "2021-09-01", issuer=f"Ủy ban nhân dân tỉnh {BG}", title=TOURISM),
            doc("b", "2021-09-02", title="về phát triển du lịch giai đoạn 2021-2030"),
        ],
        "b",
    ),
    (
        "level named, no issuer",
        planned(level="Ban Thường vụ Tỉnh ủy"),
        ASSIGNING,
        [doc("a", "2021-09-01", issuer=None)],
        None,
    ),
    ("subject too far", planned(), ASSIGNING, [doc("a", "2021-09-01", title="về công tác cán bộ")], None),
    ("no title", planned(), ASSIGNING, [doc("a", "2021-09-01", title=None)], None),
    (
        "a title of years and function words",
        planned("về giai đoạn 2021-2025"),
        ASSIGNING,
        [doc("a", "2021-09-01")],
        None,
    ),
    (
        "a district's task: another district's document of its words does not fulfil it",
        planned(),
        {**ASSIGNING, "issuer": "Ban Thường vụ Huyện ủy Tân Yên"},
        [
            doc("a", "2021-09-01", issuer="Ban Thường vụ Huyện ủy Lạng Giang"),
            doc("b", "2021-09-02", issuer="Ban Thường vụ Huyện ủy Tân Yên"),
        ],
        "b",
    ),
    (
        "communes' task: not the district's own document",
        planned(assignees=("Đảng ủy xã", "Đảng ủy phường")),
        {**ASSIGNING, "issuer": "Ban Thường vụ Huyện ủy Tân Yên"},
        [
            doc("a", "2021-09-01", issuer="Ban Thường vụ Huyện ủy Tân Yên"),
            doc("b", "2021-09-02", issuer="Đảng ủy xã Ngọc Lý"),
        ],
        "b",
    ),
    (
        "a province's task given to a Sở: not a commune's document of its words",
        planned(assignees=("Sở Y tế",)),
        {**ASSIGNING, "issuer": f"Ủy ban nhân dân tỉnh {BG}"},
        [
            doc("a", "2021-09-01", issuer="UBND xã Ngọc Lý"),
            doc("b", "2021-09-02", issuer=f"Ủy ban nhân dân tỉnh {BG}"),
        ],
        "b",
    ),
    (
        "a province's task given to a district: the district's document or the province's",
        planned(assignees=("Huyện ủy Việt Yên",)),
        {**ASSIGNING, "issuer": f"Tỉnh ủy {BG}"},
        [doc("a", "2021-09-01", issuer="UBND xã Ngọc Lý"), doc("b", "2021-09-02")],
        "b",
    ),
    (
        "a plan for one year: not another year's of its words",
        planned("tuyên truyền phòng, chống tác hại của thuốc lá năm 2021", type="Kế hoạch"),
        ASSIGNING,
        [
            doc(
                "a",
                "2021-09-01",
                type="Kế hoạch",
                title="tuyên truyền phòng, chống tác hại của thuốc lá năm 2022",
            ),
            doc(
                "b",
                "2021-09-02",
                type="Kế hoạch",
                title="tuyên truyền phòng, chống tác hại của thuốc lá năm 2021",
            ),
        ],
        "b",
    ),
    (
        "a plan for one year: a title of no year is dated within a year of it",
        planned("tuyên truyền phòng, chống tác hại của thuốc lá năm 2021", type="Kế hoạch"),
        ASSIGNING,
        [doc("a", "2022-03-01", type="Kế hoạch", title="tuyên truyền phòng, chống tác hại của thuốc lá")],
        "a",
    ),
    (
        "a plan for one year: nor two years on",
        planned("tuyên truyền phòng, chống tác hại của thuốc lá năm 2021", type="Kế hoạch", deadline=None),
        ASSIGNING,
        [doc("a", "2023-03-01", type="Kế hoạch", title="tuyên truyền phòng, chống tác hại của thuốc lá")],
        None,
    ),
    (
        "a horizon is no year of the plan",
        planned("về phát triển du lịch đến năm 2030"),
        ASSIGNING,
        [doc("a", "2021-09-01", title="về phát triển du lịch")],
        "a",
    ),
    (
        "a Party task's resolution: not the council's",
        planned(assignees=("Đảng ủy Ủy ban nhân dân tỉnh",)),
        {**ASSIGNING, "issuer": f"Tỉnh ủy {BG}"},
        [doc("a", "2021-09-01", issuer=f"Hội đồng nhân dân tỉnh {BG}")],
        None,
    ),
    (
        "a Party task's resolution: the Party's, though the council's has a better title",
        planned(TOURISM, assignees=("Ban cán sự đảng UBND tỉnh",)),
        {**ASSIGNING, "issuer": f"Tỉnh ủy {BG}"},
        [
            doc("a", "2021-09-01", issuer=f"Hội đồng nhân dân tỉnh {BG}", title=TOURISM),
            doc("b", "2021-09-02"),
        ],
        "b",
    ),
    (
        "a Party task that names the council: its resolution",
        planned(
            assignees=("Đảng ủy Ủy ban nhân dân tỉnh",),
            text="Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh trình HĐND tỉnh ban hành Nghị quyết",
        ),
        {**ASSIGNING, "issuer": f"Tỉnh ủy {BG}"},
        [doc("a", "2021-09-01", issuer=f"Hội đồng nhân dân tỉnh {BG}")],
        "a",
    ),
    (
        "a Party task given to the UBND: its document",
        planned(type="Quyết định", assignees=("UBND tỉnh",)),
        {**ASSIGNING, "issuer": f"Tỉnh ủy {BG}"},
        [doc("a", "2021-09-01", type="Quyết định", issuer=f"Ủy ban nhân dân tỉnh {BG}")],
        "a",
    ),
    (
        "a State task's resolution: not the Party's",
        planned(assignees=("Sở Văn hóa, Thể thao và Du lịch",)),
        {**ASSIGNING, "issuer": f"Ủy ban nhân dân tỉnh {BG}"},
        [doc("a", "2021-09-01"), doc("b", "2021-09-02", issuer=f"Hội đồng nhân dân tỉnh {BG}")],
        "b",
    ),
    (
        "an issuer known by its symbol only",
        planned(assignees=("Ban cán sự đảng UBND tỉnh",)),
        {**ASSIGNING, "issuer": f"Tỉnh ủy {BG}"},
        [{**doc("a", "2021-09-01", issuer=None), "symbol": "88/NQ-HĐND", "issuer_code": "HĐND"}],
        None,
    ),
    (
        "a mass organisation's task: any system",
        planned(assignees=("Liên đoàn Lao động tỉnh",)),
        {**ASSIGNING, "issuer": "Liên đoàn Lao động tỉnh"},
        [doc("a", "2021-09-01", issuer=f"Hội đồng nhân dân tỉnh {BG}")],
        "a",
    ),
    (
        "no jurisdiction meets no jurisdiction",
        planned(),
        {**ASSIGNING, "jurisdiction": None},
        [doc("a", "2021-09-01", jurisdiction=None), doc("b", "2021-09-01")],
        "a",
    ),
]


@pytest.mark.parametrize(("case", "ob", "assigning", "docs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_indexed_fulfilment_agrees_with_all_pairs(case, ob, assigning, docs, expected):
    reference = tasks.fulfilment(ob, assigning, docs)
    assert reference[0] == expected
    assert tasks.FulfilmentIndex(docs).fulfilment(ob, assigning) == reference


WORDS = [f"w{i}" for i in range(60)]
TYPES = ["Nghị quyết", "Kế hoạch", "Chỉ thị"]
PROVINCES = [BG, "Nghệ An", None]
ISSUERS = ["Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "UBND xã Ngọc Lý", None]
ASSIGNEES = [
    (),
    ("Sở Y tế",),
    ("Đảng ủy xã",),
    ("Ban cán sự đảng UBND tỉnh",),
    ("Huyện ủy Tân Yên", "UBND tỉnh"),
]


def _title(rng: random.Random) -> str:
    """A few words, the first of the vocabulary far more often than the last (as in real titles),
    now and then for one year."""
    k = rng.randint(1, 9)
    words = "về " + " ".join(rng.choices(WORDS, weights=[1 / (i + 1) for i in range(len(WORDS))], k=k))
    return words + rng.choice(["", "", "", f" năm {rng.randint(2015, 2026)}"])


def _candidates(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        jur, issuer = rng.choice(PROVINCES), rng.choice(ISSUERS)
        when = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        out.append(
            doc(
                f"d{i:05d}",
                rng.choice([when.isoformat(), when.isoformat(), str(when.year)]),
                title=rng.choice([_title(rng), _title(rng), None]),
                type=rng.choice(TYPES),
                jurisdiction=jur,
                issuer=f"{issuer} {jur}" if issuer and jur else issuer,
            )
        )
    # the same title again under other ids: ties
    out += [{**d, "id": d["id"] + "-bis"} for d in rng.sample(out, n // 10)]
    return out


@pytest.mark.parametrize("seed", range(4))
def test_indexed_fulfilment_agrees_with_all_pairs_on_many_candidates(seed):
    rng = random.Random(seed)
    docs = _candidates(rng, 1500)
    index = tasks.FulfilmentIndex(docs)
    found = 0
    for _ in range(300):
        when = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        assigning = {
            "id": "x",
            "date": rng.choice([when.isoformat(), None]),
            "jurisdiction": rng.choice(PROVINCES),
            "issuer": rng.choice(ISSUERS),
        }
        deadline = rng.choice([None, (when + dt.timedelta(days=rng.randrange(900))).isoformat()])
        ob = planned(
            _title(rng),
            type=rng.choice(TYPES),
            deadline=deadline,
            level=rng.choice(["Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh", None, None]),
            assignees=rng.choice(ASSIGNEES),
        )
        reference = tasks.fulfilment(ob, assigning, docs)
        assert index.fulfilment(ob, assigning) == reference
        found += reference[0] is not None
    assert found > 30  # the cases are not all "nothing found"


@pytest.mark.parametrize("a", range(1, 25))
def test_prefix_is_exact(a):
    """Sharing c words reaches the score exactly when c >= a - prefix + 1."""
    for b in range(1, 25):
        reach = [
            c
            for c in range(1, min(a, b) + 1)
            if tasks._overlap(set(range(a)), set(range(a - c, a - c + b))) >= tasks.FULFIL_SCORE
        ]
        prefix = tasks._prefix(a, b)
        assert (a - reach[0] + 1 if reach else 0) == prefix
        assert reach == list(range(a - prefix + 1, min(a, b) + 1)) if prefix else not reach


EDITIONS = [
    ("bo-luat-lao-dong-nam-2019", {"bo-luat-lao-dong", "bo-luat-lao-dong-nam"}),
    ("luat-dat-dai-2013", {"luat-dat-dai"}),
    ("luat-dat-dai-1993", {"luat-dat-dai"}),
    ("luat-dat-dai-2113", set()),
    ("luat-dat-dai-nam", set()),
    ("dieu-le-dang", set()),
    ("luat-so-2013", {"luat-so"}),
    ("2013", set()),
    ("a-2013", {"a"}),
    ("nam-2013", {"nam"}),
    ("luat-dat-dai-20133", set()),
]


@pytest.mark.parametrize(("name", "stems"), EDITIONS)
def test_edition_stems_are_what_the_edition_pattern_matches(name, stems):
    assert _edition_of(name) == stems
    for stem in {name, *(name[:k] for k in range(len(name)))}:
        matches = re.fullmatch(re.escape(stem) + r"-(?:nam-)?(?:19|20)\d{2}", name) is not None
        assert matches == (stem in stems)


def cite(title: str, type: str = "Chỉ thị", issuer: str | None = None) -> Citation:
    return Citation(
        kind="descriptive",
        type=type,
        type_code=None,
        number=None,
        issuer_code=None,
        symbol=None,
        date=None,
        issuer=issuer,
        jurisdiction=None,
        title=title,
        name=None,
        evidence=Evidence("f.txt", 1, title),
        stated_by=None,
        relation=None,
    )


def known(
    key: str, title: str | None, type: str = "Chỉ thị", jur: str | None = BG, issuer: str | None = None
) -> Doc:
    return Doc(key=("name", key, ""), type=type, title=title, jurisdiction=jur, issuer=issuer)


def all_docs_best(docs: list[Doc], c: Citation, jur: str | None) -> Doc | None:
    """The look-up `_Subjects` replaces: every known document, the first best."""
    best, best_score = None, 0.0
    for d in docs:
        if d.type != c.type or not d.title or not c.title:
            continue
        if jur and d.jurisdiction and jur != d.jurisdiction:
            continue
        if c.issuer and d.issuer and fold(c.issuer) not in fold(d.issuer):
            continue
        s = containment(d.title, c.title)
        if s > best_score:
            best, best_score = d, s
    return best if best is not None and best_score >= SAME_SUBJECT else None


SUBJECT = "về tăng cường công tác phòng, chống tham nhũng"
DOCS = [
    known("a", "về công tác cán bộ"),
    known("b", SUBJECT, jur="Nghệ An"),
    known("c", SUBJECT + " trong tình hình mới"),
    known("d", SUBJECT),
    known("e", SUBJECT, jur=None),
    known("f", SUBJECT, type="Nghị quyết"),
    known("g", SUBJECT, issuer="Ban Thường vụ Tỉnh ủy Bắc Giang"),
    known("h", None),
    known("i", "về công tác cán bộ", jur=None),
    known("j", "về công tác cán bộ", jur="Nghệ An"),
]
DESCRIBED = [
    ("first of equals, across jurisdiction and none", cite(SUBJECT), BG),
    ("another province", cite(SUBJECT), "Nghệ An"),
    ("no jurisdiction: any", cite(SUBJECT), None),
    ("issuer contained", cite(SUBJECT, issuer="Ban Thường vụ Tỉnh ủy"), BG),
    ("issuer not contained", cite(SUBJECT, issuer="Ủy ban nhân dân tỉnh"), BG),
    ("another type", cite(SUBJECT, type="Nghị quyết"), BG),
    ("no such type", cite(SUBJECT, type="Kết luận"), BG),
    ("subject not repeated", cite("về xây dựng nông thôn mới"), BG),
    ("shorter title contained", cite("về công tác cán bộ trong tình hình mới"), None),
]


@pytest.mark.parametrize(("case", "c", "jur"), DESCRIBED, ids=[x[0] for x in DESCRIBED])
@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_descriptive_index_agrees_with_all_documents(case, c, jur, order):
    docs = DOCS if order == "as listed" else DOCS[::-1]
    assert _Subjects(docs).best(c, jur) is all_docs_best(docs, c, jur)


def test_descriptive_index_sees_documents_added_after_it():
    subjects = _Subjects(DOCS[:2])
    late = known("z", "về xây dựng nông thôn mới")
    subjects.add(late)
    assert subjects.best(cite("về xây dựng nông thôn mới"), BG) is late


PROGRAMME_BODY = """I- MỤC ĐÍCH

1. Quán triệt Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị và Bộ luật Lao động năm 2019.

Nơi nhận:
- Lưu.

T/M TỈNH ỦY
BÍ THƯ

(đã ký)

Nguyễn Văn An

PHỤ LỤC

TT\tThể loại văn bản\tCơ quan chủ trì chuẩn bị\tThời gian trình
I\tTỉnh ủy ban hành\t\t
1.\tNghị quyết về phát triển du lịch - dịch vụ giai đoạn 2021-2025 và định hướng đến năm 2030.\tBan cán sự đảng UBND tỉnh\tQuý II/2021
II\tBan Thường vụ Tỉnh ủy ban hành\t\t
2.\tChỉ thị về nâng cao năng lực công tác y tế dự phòng.\tBan cán sự đảng UBND tỉnh\tTháng 4/2021
"""


def _corpus() -> list:
    """A programme planning two documents, both issued later (one late), and a text citing a
    central resolution without its date and a law without its year (the only edition known)."""
    texts = [
        party_doc(
            number="03",
            code="CTr",
            heading="CHƯƠNG TRÌNH HÀNH ĐỘNG",
            date="ngày 04 tháng 12 năm 2020",
            signed_for="TỈNH ỦY",
            of="",
            body=PROGRAMME_BODY,
        ),
        party_doc(
            number="112",
            date="ngày 15 tháng 6 năm 2021",
            signed_for="TỈNH ỦY",
            of="CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
            subject=TOURISM,
        ),
        party_doc(
            number="05",
            code="CT",
            heading="CHỈ THỊ",
            date="ngày 05 tháng 5 năm 2021",
            subject="về nâng cao năng lực công tác y tế dự phòng, đáp ứng yêu cầu trong tình hình mới",
            body="I- NHIỆM VỤ\n\n1. Tiếp tục quán triệt Nghị quyết số 52-NQ/TW và Bộ luật Lao động.",
        ),
    ]
    return [parse_text(t, f"f{i}.txt") for i, t in enumerate(texts)]


def _dump(r: Resolved) -> str:
    return json.dumps(
        {f.name: getattr(r, f.name) for f in fields(r)}, ensure_ascii=False, sort_keys=True, default=str
    )


def test_the_order_records_come_in_does_not_matter():
    records = _corpus()
    first = _dump(resolve(records))
    for seed in range(3):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert _dump(resolve(shuffled)) == first
    assert '"fulfilled_by": "bac-giang:112-NQ/TU@2021-06-15"' in first
    assert '"fulfilled_by": "bac-giang:05-CT/TU@2021-05-05"' in first
    assert '"name:bo-luat-lao-dong-nam-2019"' in first and '"name:bo-luat-lao-dong"' not in first
