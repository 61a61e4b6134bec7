"""Obligations ("giao cho"): who must do what, by when, and which document a task should produce.

Three sources in a document:
- its implementing section ("Tổ chức thực hiện"), item by item: the subject of each sentence
  is assigned; "X chủ trì, phối hợp với Y" gives the lead and the partners; an item header
  "4. Ủy ban Kiểm tra Tỉnh ủy:" is the subject of the points under it;
- its appendix tables of planned documents and tasks (group rows name the body, a "Cơ quan chủ
  trì" column or X marks under "Tỉnh ủy" / "BTV Tỉnh ủy" give the issuing level);
- any other sentence that assigns work by name ("Giao …", "X chủ trì, phối hợp với …").
Bodies named only as objects of "chỉ đạo"/"hướng dẫn" are not assignees, and exhortations to
"các cấp ủy, tổ chức đảng" outside the implementing section are not obligations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, partial
from typing import Any

from vbgraph.loaders import bodies as bd
from vbgraph.loaders.deadlines import (
    Deadline,
    cell_deadlines,
    dated_after,
    find_deadlines,
    find_recurrence,
    from_issue,
)
from vbgraph.loaders.normalize import is_upper_text, lower_vn
from vbgraph.loaders.patterns import UPPER, alt, opens_with, type_alt
from vbgraph.loaders.records import Assignment, Evidence, Issue, ObligationRecord, TextDocument
from vbgraph.loaders.segment import (
    SIGNED_RE,
    Paragraph,
    Paragraphs,
    is_person_name,
    quote,
    recipients_line,
    signature_line,
)
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import Correction, Vocabulary


@cache
def _table() -> dict:
    return tables.load("obligations.toml")


@cache
def _part_number() -> str:
    """'PHẦN II', 'Phần thứ hai', 'Phần 3' (obligations.toml [parts]): a part's word and number."""
    t = _table()["parts"]
    return rf"(?:{alt(t['words'])})\s+(?:[IVXL]+|\d+|{alt(t['ordinals'])})(?!\w)"


@cache
def _part_prefix() -> str:
    """The prefix of a part's heading, case aside: 'PHẦN II.', 'Phần thứ hai:', 'II.', 'B.', '2.1.'."""
    return rf"(?:{_part_number()}\s*[.\-–:)]?|(?:[IVXL]+|[A-ZĐ]|\d+(?:\.\d+)*)\s*[.\-–)])\s*"


@cache
def _bare_part_re() -> re.Pattern:
    """A part's word and number on a line of their own ('Phần thứ ba'): its heading is the next line."""
    return re.compile(rf"^\s*{_part_number()}\s*[.:]?\s*$", re.IGNORECASE)


@cache
def _section_re(key: str = "headings", prefixed: bool = False) -> re.Pattern:
    """A heading of [section] `key`; a part of tasks is a plan's part, never an article ('Điều 2.
    Nhiệm vụ' lists a committee's functions). `prefixed`: only with a part's prefix."""
    words = _table()["proposals"]["headings"] if key == "proposals" else _table()["section"][key]
    alt = "|".join(re.escape(h) for h in words)
    if key == "closing":  # an article's only: 'Điều 3. Hiệu lực thi hành'
        return re.compile(rf"^\s*Điều\s+\d+\s*[.:]\s*(?:{alt})\s*:?\s*$", re.IGNORECASE)
    article = r"(?:Điều\s+\d+\s*[.:]\s*)?" if key == "headings" else ""
    more = r"(?:\s+và\s+[^\W\d][^.:;]{0,60})?" if key == "headings" else ""  # '… và hiệu lực thi hành'
    return re.compile(
        rf"^\s*{article}(?:{_part_prefix()}){'' if prefixed else '?'}(?:{alt}){more}\s*:?\s*$", re.IGNORECASE
    )


_END_RE = re.compile(
    r"^\s*(?:Nơi nhận|T/M|TM\.|KT\.|PHỤ LỤC|Phụ lục)\b|(?:này|Kết luận|Nghị quyết|Chỉ thị)\s+(?:được\s+)?phổ biến đến",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"^\s*(?:\(?\d+(?:\.\d+)*\)?[.\-–)/]?|[a-zđ][)/]|[IVXL]+[.\-–/])\s*(?=[^\W\d])")
_BULLET_RE = re.compile(r"^\s*[-+•–]\s*")
_LETTERED_RE = re.compile(r"^\s*[a-zđ][).]\s")
_LETTER_RE = re.compile(r"[^\W\d_]")
_RECIPIENT_RE = re.compile(r"^\s*Lưu\b|[;,]\s*$", re.IGNORECASE)  # 'Như Điều 3;', 'Lưu VT.'

# a time to be done by: 'hoàn thành …', 'trước ngày …', 'trong quý IV/2025', 'trong tháng 9/2025' (not
# a year's 'trong năm 2025', which a target's 'phấn đấu trong năm 2025 đạt …' also says); the day of
# an event ('tổ chức Lễ khai giảng … vào ngày 05/9/2019')
_DUE_RE = re.compile(r"(?:hoàn thành|xong|trước|chậm nhất|trong\s+(?:quý|tháng)|vào\s+ngày)\b", re.IGNORECASE)


def _due(text: str, issued: str | None = None, *, whole_years: bool = True) -> bool:
    """Does `text` give a time to be done by ('hoàn thành trong quý II năm 2025', 'chậm nhất ngày …',
    a labelled 'thời gian: hoàn thành trước ngày …', or a year closing it: '…, trong năm 2026.'),
    not one over before the document was issued (a report's 'trong tháng 5/2024')? Without
    `whole_years`, a time finer than a year: a resolution's 'Các cấp ủy … trong năm 2025' is a target."""
    return any(
        (_DUE_RE.match(d.text) or _TIME_LABEL_OPEN_RE.match(lower_vn(d.text)) or _closing_year(text, d))
        and not _over(d, issued)
        and (whole_years or not _whole_years(d))
        for d in find_deadlines(text)
    )


def _whole_years(d: Deadline) -> bool:
    """A time of whole years ('trong năm 2025', 'giai đoạn 2021-2025')."""
    return bool(d.start and d.end and d.start[4:] == "-01-01" and d.end[4:] == "-12-31")


# A year the task is done in, closing it: '… an ninh mạng trong năm 2026.' (a target's 'phấn đấu
# trong năm 2025 đạt …' goes on after its year).
_YEAR_DUE_RE = re.compile(r"trong\s+năm\s+\d{4}$", re.IGNORECASE)


def _closing_year(text: str, d: Deadline) -> bool:
    return _YEAR_DUE_RE.match(d.text) is not None and not text[d.at + len(d.text) :].strip(" .;)")


def _over(d: Deadline, issued: str | None) -> bool:
    return bool(issued and d.end and len(issued) == 10 and d.end < issued)


# A task's closing time that it goes on: '…, thường xuyên.', '…; thực hiện thường xuyên.' (or
# that comes back: '… báo cáo kết quả định kỳ hằng tháng.', `find_recurrence`)
_STANDING_RE = re.compile(r"[,;]\s*(?:thực hiện\s+)?thường xuyên\s*[.;]?\s*$", re.IGNORECASE)


_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")


@cache
def _lead_re() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(_table()["lead"]["words"], key=len, reverse=True))
    return re.compile(rf"^(?:{alt})\s+", re.IGNORECASE)


# 'X chủ trì, …', 'X là cơ quan chủ trì, …'
_CHU_TRI_RE = re.compile(r"\s*,?\s*(?:là\s+(?:cơ quan|đơn vị)\s+)?chủ trì\s*,?\s*")


@cache
def _phoi_hop_re() -> re.Pattern:
    """'phối hợp (chặt chẽ) với …': `with` says a partner is named, though the lists may not know it."""
    adverbs = alt(_table()["roles"]["adverbs"])
    return re.compile(rf"\s*(?:và\s+)?phối hợp(?:\s+(?:{adverbs}))?(?P<with>\s+với|\s+cùng)?\s+")


_PARTNER_FIRST_RE = re.compile(r"\s*phối hợp(?!\s+(?:với|cùng)\b)")  # 'X chủ trì, Y phối hợp tham mưu'
_ISSUED_BY_RE = re.compile(
    r"(?:của|do)\s+(Ban Thường vụ Tỉnh ủy|BTV Tỉnh ủy|Tỉnh ủy|Ban Chấp hành Đảng bộ tỉnh)\b\s*"
)
_BLANKS_RE = re.compile(r"\s+")
# "X theo chức năng, nhiệm vụ, phối hợp với Y": the partners still follow.
_INTRO_ROLE_RE = re.compile(
    r"\s*,?\s*(?:(?:theo|căn cứ)\s+chức năng,?\s*nhiệm vụ(?:,?\s*quyền hạn)?(?:\s+được giao)?(?:\s+của mình)?"
    # "X là cơ quan thường trực, chủ trì, phối hợp với Y", "X làm đầu mối, chủ trì …"
    r"|(?:là|làm)\s+(?:cơ quan\s+)?(?:thường trực|đầu mối)(?=\s*,\s*(?:chủ trì|phối hợp)))\s*,?\s*"
)


@dataclass
class Line:
    text: str
    line: int


@cache
def _addressing_re() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in _table()["section"]["addressing"])
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])")


# A council's or a decision's enacting word on its own line ('QUYẾT NGHỊ:'): articles follow, which
# assign by their own words; a committee's sentence that resolves ('… Đảng ủy xã quyết nghị:') addresses.
_ENACTING_ALONE_RE = re.compile(r"^(?:quyết nghị|quyết định)\s*:$")


def opens_scope(line: str) -> bool:
    """An addressing line ending with a colon ('… yêu cầu:'): what follows assigns."""
    s = line.strip()
    if not s.endswith(":") or len(s) > 600:
        return False
    low = lower_vn(s)
    return bool(_addressing_re().search(low)) and not _ENACTING_ALONE_RE.match(low)


@cache
def _lead_words_re(key: str, table: str = "section") -> re.Pattern:
    """A heading that opens with the words of [`table`] `key`, after a part's prefix or none."""
    alt = "|".join(re.escape(h) for h in sorted(_table()[table][key], key=len, reverse=True))
    return re.compile(rf"^\s*(?:{_part_prefix()})?(?:{alt})(?!\w)", re.IGNORECASE)


def _part_heading(line: str, key: str, after_part: bool = False) -> bool:
    """A part's heading: as the table writes it, or in capitals (or on the line after a bare
    'Phần thứ hai') with more words after its lead words ('PHẦN II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN
    TỚI', 'III. KIẾN NGHỊ VỚI TRUNG ƯƠNG')."""
    if _section_re(key).match(line):
        return True
    lead = _lead_words_re("tasks") if key == "tasks" else _lead_words_re("lead", "proposals")
    return len(line) <= 120 and (after_part or is_upper_text(line)) and lead.match(line) is not None


def _tasks_heading(line: str, after_part: bool = False) -> bool:
    """A part of tasks ('II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI', 'III. NHIỆM VỤ TRỌNG TÂM NĂM 2024')."""
    return _part_heading(line, "tasks", after_part)


def _proposals_heading(line: str, after_part: bool = False) -> bool:
    """A report's part of proposals to the bodies above it (obligations.toml [proposals]): in
    lower case, only as the table writes it after a part's prefix ('3. Đề xuất, kiến nghị'); a
    point '3. Đề xuất UBND tỉnh …' is no heading."""
    if len(line) >= 120:
        return False
    if _section_re("proposals", prefixed=True).match(line) or (
        after_part and _section_re("proposals").match(line)
    ):
        return True
    return (
        (after_part or is_upper_text(line))
        and _lead_words_re("lead", "proposals").match(line) is not None
        and _proposed_tasks_re().search(lower_vn(line)) is None
    )


@cache
def _proposed_tasks_re() -> re.Pattern:
    """Words of a heading that proposes tasks ([proposals] tasks), not proposals to the bodies above."""
    return re.compile(rf"(?<!\w)(?:{alt(_table()['proposals']['tasks'])})(?!\w)")


def implementing_section(clean: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """(first, last, kind) of the implementing part, or None: after a "Tổ chức thực hiện" heading
    (kind "heading"), else from the first addressing line ending with a colon (kind "addressing")."""
    start, kind = None, "heading"
    for i in range(first, last + 1):
        if _section_re().match(clean[i].strip()):
            start = i + 1
    if start is None:  # a part of tasks ('II. NHIỆM VỤ CỤ THỂ'), else an addressing line
        start = _first_tasks_heading(clean, first, last)
        kind = "addressing"
    if start is None:
        start = _first_addressing(clean, first, last)
    if start is None:  # 'Điều 3. Hiệu lực thi hành': its points after the text's own effect
        start = next((i + 1 for i in range(first, last + 1) if _section_re("closing").match(clean[i])), None)
        kind = "heading"
    if start is None:
        return None
    end = last
    for i in range(start, last + 1):
        if _END_RE.search(clean[i].strip()):
            end = i - 1
            break
    return start, end, kind


def _first_addressing(clean: list[str], first: int, last: int) -> int | None:
    """The first addressing line in first..last outside a report's part of proposals to the bodies
    above it ('II. KIẾN NGHỊ, ĐỀ XUẤT' / '1. Đề nghị Ủy ban nhân dân tỉnh:' asks them, assigns nothing),
    as `_read_text_paragraph` reads that part."""
    proposing = after_part = False
    for i in range(first, last + 1):
        raw = clean[i].strip()
        if proposing and not (_next_part_re().match(raw) or (len(raw) < 80 and is_upper_text(raw))):
            continue
        proposing = _proposals_heading(raw, after_part)
        after_part = _bare_part_re().match(raw) is not None
        if not proposing and opens_scope(raw):
            return i
    return None


# 'Sở Nội vụ (chủ trì), Công an tỉnh (phối hợp)': a role in parentheses after a name
_ROLE_ASIDE_RE = re.compile(r"\((\s*(?:chủ trì|phối hợp)\s*)\)", re.IGNORECASE)
_SEMICOLON_RE = re.compile(r"\s*;\s*")


def _role_asides_opened(s: str) -> str:
    """`s` with the parentheses around a role blanked (offsets kept): 'Sở Nội vụ (chủ trì), Công an
    tỉnh (phối hợp) rà soát' says what 'Sở Nội vụ chủ trì, Công an tỉnh phối hợp rà soát' does."""
    return _ROLE_ASIDE_RE.sub(lambda m: f" {m.group(1)} ", s) if "(" in s else s


def _roles(rest: str) -> tuple[str, list[str], int]:
    """('chu_tri'|'thuc_hien'|'phoi_hop', partners, end in `rest`) from what follows a subject.
    The partners may follow the lead's role after a comma or a semicolon ('X chủ trì; Y, Z phối
    hợp thực hiện …'), or after 'phối hợp với' up to the clause's semicolon."""
    rest = _role_asides_opened(rest)
    low = lower_vn(rest)
    if len(low) != len(rest):  # lower_vn strips and joins blanks: keep `rest`'s offsets
        low = rest.lower()
    role = "thuc_hien"
    pos = 0
    intro = _INTRO_ROLE_RE.match(low)
    if intro:
        pos = intro.end()
    m = _CHU_TRI_RE.match(low, pos)
    if m:
        role, pos = "chu_tri", m.end()
        sep = _SEMICOLON_RE.match(low, pos)
        at = sep.end() if sep else pos
        named, end = bd.parse_subject(rest[at:])
        if named and _PARTNER_FIRST_RE.match(low, at + end):
            return role, named, at + end  # 'X chủ trì, Y phối hợp tham mưu …', 'X chủ trì; Y phối hợp …'
        if named and (m3 := _phoi_hop_re().match(low, at + end)) and m3.group("with"):
            more, mend = bd.parse_subject(rest[m3.end() :].split(";", 1)[0])
            if more:  # 'X chủ trì, Y phối hợp với Z kiểm tra …': Y and Z help
                return role, [*named, *more], m3.end() + mend
    m2 = _phoi_hop_re().match(low, pos)
    partners: list[str] = []
    if m2:
        after = rest[m2.end() :].split(";", 1)[0]  # '…; Sở B kiểm tra …': a clause of its own
        partners, end = bd.parse_subject(after)
        if not partners:
            partners, end = bd.parse_places(after)  # '… phối hợp với các xã, thị trấn kiểm tra …'
        if not partners and role != "chu_tri":
            # 'X phối hợp tổ chức …': X helps; 'X phối hợp với <a partner no list knows>': X's task
            return "thuc_hien" if m2.group("with") else "phoi_hop", [], m2.end()
        pos = m2.end() + end
    return role, partners, pos


@cache
def _produces_re() -> re.Pattern:
    verbs = sorted(_table()["produces"]["verbs"], key=len, reverse=True)
    alt = "|".join(re.escape(v) for v in verbs)
    return re.compile(
        rf"{opens_with(verbs)}(?:{alt})\s+(?:(?:Tỉnh ủy|Ban Thường vụ Tỉnh ủy|BTV Tỉnh ủy)\s+(?:xây dựng\s+|ban hành\s+|sửa đổi, bổ sung:?\s+)?)?"
        rf"(?:các\s+|:\s*)?(?:\(\d+\)\s*)?(?P<type>{type_alt()})\b(?P<rest>[^;(]*)",
        re.IGNORECASE,
    )


_VERB_LIKE_TYPES = {"bao cao", "to trinh", "thong bao", "huong dan", "cong van", "quy dinh", "van ban"}


def produces(text: str) -> tuple[dict | None, str | None]:
    """({type, title}, issuing level) when the task is to issue a document."""
    m = _produces_re().search(text)
    while m and m.group("type")[:1].islower() and _fold(m.group("type")) in _VERB_LIKE_TYPES:
        m = _produces_re().search(text, m.end())  # "tham mưu báo cáo kết quả": to report, not a Báo cáo
    if not m:
        return None, None
    t = tables.type_names().get(_fold(m.group("type")))
    rest = m.group("rest").strip(" ,.:")
    level = None
    lm = _ISSUED_BY_RE.match(rest)
    if lm:
        level = (
            "Ban Thường vụ Tỉnh ủy"
            if "thường vụ" in lower_vn(lm.group(1)) or "btv" in lower_vn(lm.group(1))
            else "Tỉnh ủy"
        )
        rest = rest[lm.end() :]
    else:
        pre = lower_vn(text[max(0, m.start() - 5) : m.start("type")])
        if "ban thường vụ tỉnh ủy" in pre or "btv tỉnh ủy" in pre:
            level = "Ban Thường vụ Tỉnh ủy"
        elif "tỉnh ủy" in pre:
            level = "Tỉnh ủy"
    title = _BLANKS_RE.sub(" ", _before_next_step(rest)).strip(" ,.")
    return {"type": t, "title": title or None}, level


_NEXT_STEP_RE = re.compile(r",\s+(?:trình|gửi|nộp|báo cáo)\s")
_STEP_VERBS = frozenset({"", "ban hành", "hoàn thành", "xong", "thực hiện", "ban hành xong"})


def _before_next_step(rest: str) -> str:
    """A planned document's subject without the clauses that follow it in the task: its time and
    where it goes ('…, ban hành trong tháng 11/2023', '…, trình Ban Thường vụ trước ngày …', '…, gửi
    về …', '…, nộp về …'). A time inside the subject stays ('…, định hướng đến năm 2030')."""
    cut = len(rest)
    for d in find_deadlines(rest):
        comma = rest.rfind(",", 0, d.at)
        if comma >= 0 and lower_vn(rest[comma + 1 : d.at]) in _STEP_VERBS:
            cut = comma
            break
    step = _NEXT_STEP_RE.search(rest, 0, cut)
    return rest[: step.start() if step else cut]


def _fold(s: str) -> str:
    from vbgraph.loaders.normalize import fold

    return fold(s)


# A planned document's horizon, in its title ('Đề án … đến năm 2030, tầm nhìn đến năm 2045'): a year
# or a period ('… trong giai đoạn 2026-2030'), never a day or a month to do it by ('… gửi về Sở Tư
# pháp đến hết ngày 30/4/2024').
_HORIZON_RE = re.compile(r"(?:trong\s+)?(?:tầm nhìn\s+|định hướng\s+)?(?:đến năm|giai đoạn)\b", re.IGNORECASE)


def _obligations_for(
    sentence: str, assignees: list[tuple[str, str]], line: int, kind: str
) -> list[ObligationRecord]:
    """One obligation per deadline (a 'sơ kết … và tổng kết …' sentence has two)."""
    if not assignees:
        return []
    deadlines = find_deadlines(sentence)
    made, level = produces(_main_clause(sentence))
    if made and made.get("title") and deadlines and (at := sentence.find(made["title"])) >= 0:
        # 'xây dựng Đề án … đến năm 2030, trình … trong Quý IV/2025': the title's period is its subject's
        end = at + len(made["title"])
        deadlines = [d for d in deadlines if not (at <= d.at < end and _HORIZON_RE.match(d.text))]
    base = ObligationRecord(
        text=sentence.strip(),
        assignees=_assignments(assignees),
        deadline=None,
        recurring=find_recurrence(sentence),
        produces=made,
        produces_level=level,
        kind=kind,
        evidence=_at(line),
    )
    if not deadlines:
        return [base]
    return [replace(base, deadline=d.as_dict()) for d in _one_task_times(sentence, deadlines)]


_TIMES_JOINED = frozenset({"", "và", "hoặc", ",", "-", "–"})
_BARE_TIMES = frozenset({"quý", "tháng", "năm", "ngày", "6"})


def _one_task_times(sentence: str, deadlines: list[Deadline]) -> list[Deadline]:
    """Times of one task joined by 'và' alone ('kiểm tra … trong Quý IV/2023 và Quý I/2024') as one
    deadline over them; times of two steps ('sơ kết vào Quý II/2023 và tổng kết vào …') apart."""
    out = [deadlines[0]]
    for d in deadlines[1:]:
        last = out[-1]
        between = sentence[last.at + len(last.text) : d.at].strip().lower()
        bare = d.text.split(" ", 1)[0].lower() in _BARE_TIMES  # no step of its own before it
        if between in _TIMES_JOINED and bare and last.end and d.end:
            starts = [x for x in (last.start, d.start) if x]
            out[-1] = Deadline(
                sentence[last.at : d.at + len(d.text)].strip(" ,;"),
                min(starts) if starts else None,
                max(last.end, d.end),
                last.at,
            )
        else:
            out.append(d)
    return out


def _assignments(assignees: list[tuple[str, str]]) -> tuple[Assignment, ...]:
    return tuple(Assignment(n, r) for n, r in assignees)


def _at(line: int) -> Evidence:
    """The line a task is read from; the document's stage gives the file and the quote."""
    return Evidence(file="", line=line, quote="")


def _strip_prefix(text: str) -> str:
    text = _ARTICLE_RE.sub("", text, count=1)
    text = _NUMBER_RE.sub("", text, count=1)
    return _BULLET_RE.sub("", text, count=1).strip()


_ARTICLE_RE = re.compile(r"^\s*Điều\s+\d{1,3}[a-z]?\s*[.:]\s*", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_RE.split(text) if s.strip()]


@cache
def _duty_re(kind: str) -> re.Pattern:
    """A duty as the predicate: within the first words after the subject ('lead': right after it)."""
    alt = "|".join(re.escape(w) for w in sorted(_table()["duty"][kind], key=len, reverse=True))
    gap = "" if kind == "lead" else r"(?:[^\s,;.]+\s+){0,4}?"
    return re.compile(rf"^\s*,?\s*{gap}(?:{alt})(?![\w])")


def _states_duty(after: str, article: bool) -> bool:
    low = lower_vn(after) if len(lower_vn(after)) == len(after) else after.lower()
    low = low[:200]
    return bool(
        _duty_re("words").match(low)
        or _duty_re("lead").match(low)
        or (article and _duty_re("article").match(low))
    )


@cache
def _opening_re() -> re.Pattern:
    """An opening phrase ('Theo đó, …') or the lead of a conditional clause ('Khi …, ', 'Nếu …, '):
    the subject comes after its comma (obligations.toml [opening] words, conditions)."""
    t = _table()["opening"]
    alt = "|".join(re.escape(w) for w in sorted({*t["words"], *t["conditions"]}, key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?![\w])")


@cache
def _reporting_re() -> re.Pattern:
    """An opening that reports what a document says: 'Theo Kế hoạch, …', 'Theo Kế hoạch số 12-KH/TU,
    …', 'Công văn nêu rõ:' (obligations.toml [opening] reporting, reporting_verbs)."""
    t = _table()["opening"]
    doc = rf"(?:{type_alt()})(?![\w])(?:\s+này|\s+số\s*[\w/.\-]+)?"
    return re.compile(
        rf"(?:{alt(t['reporting'])})\s+{doc}\s*[,:]|{doc}\s+(?:{alt(t['reporting_verbs'])})\s*:",
        re.IGNORECASE,
    )


@cache
def _topic_re() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(_table()["opening"]["topics"], key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?![\w])")


def _topic_subject(s: str, at: int, places: bool = False) -> tuple[list[str], int, str]:
    """(bodies, end, sentence from the subject on) of a point opening with a topic ('Về bổ sung vốn …:
    Bộ Tài chính xem xét …'): the subject after its colon, else the topic's own bodies ('Đối với UBND
    các huyện, thị xã, thành phố: Tập trung …'), in a part of tasks (`places`) its places named by
    their units' words alone ('Đối với các xã, thị trấn: tập trung …'), else none."""
    colon = s.find(":", at)
    if colon < 0:
        return [], 0, s
    rest = s[colon + 1 :].lstrip()
    lead = _lead_re().match(rest)
    names, end = bd.parse_subject(rest[lead.end() :] if lead else rest)
    if names and end < len(rest):
        return names, end, rest[lead.end() :] if lead else rest
    topic = s[at:colon].strip()
    if not _ADDRESSEE_TOPIC_RE.match(lower_vn(s)):
        return [], 0, s  # 'Về Mặt trận Tổ quốc và các đoàn thể: …': what a point is about, no addressee
    names, end = bd.parse_subject(topic)
    if names and end >= len(topic) - 1 and not any(bd.names_a_place(n) for n in names):
        return names, len(s[: colon + 1]), s  # the task after the colon is the topic's bodies'
    if places and _PLURAL_OPEN_RE.match(lower_vn(topic)):
        units = bd.split_bodies(topic)
        if bd.units_only(units):
            return units, len(s[: colon + 1]), s  # 'Đối với các xã, thị trấn: …': the places'
    return [], 0, s


_ADDRESSEE_TOPIC_RE = re.compile(r"\s*đối với\b")  # a topic that names whom it addresses
# Words of a heading that take the body after them as their object: 'phối hợp với', 'hỗ trợ', 'cho'.
_OBJECT_BEFORE_RE = re.compile(r"(?<!\w)(?:với|cho|hỗ trợ|của|giữa|đến)(?!\w)")
_CAPITAL_RE = re.compile(rf"(?<=\s)(?=[{UPPER}])")
_HEADING_REACH = 80  # a topic heading's length before the body that opens its point


def _after_heading(s: str, at: int) -> tuple[list[str], int, str]:
    """A topic heading without a colon, its point on the line after it ('2. Về chế độ báo cáo' /
    'Ủy ban kiểm tra huyện ủy gửi báo cáo trước ngày …', one paragraph): the first capitalised
    body after the heading's words is the subject, unless those words take it as their object
    ('Về phối hợp với Công an tỉnh …, Sở Y tế …') or a comma ends the heading before it."""
    for m in _CAPITAL_RE.finditer(s, at, at + _HEADING_REACH):
        between = lower_vn(s[at : m.start()])
        if "," in between or _OBJECT_BEFORE_RE.search(between):
            return [], 0, s
        rest = s[m.start() :]
        names, end = bd.parse_subject(rest)
        if names and end < len(rest):
            return names, end, rest
    return [], 0, s


_ASK_RE = re.compile(r"\s*(?:yêu cầu|đề nghị|giao cho|giao)\s+")
_EVERY_LEVEL_RE = re.compile(r"\s+(?:các cấp|từ tỉnh đến cơ sở|ở cơ sở|cùng cấp)$")
_COMMA_RE = re.compile(r"[,:]\s+(?=\S)")  # an opening phrase ends at a comma or a colon
# ... or a condition at its 'thì' ('Nếu lượng mưa thấp thì Phòng Nông nghiệp tham mưu …')
_CLAUSE_END_RE = re.compile(r"[,:]\s+(?=\S)|\s+thì\s+(?=\S)")
_MAX_INTRO = 60  # words of an opening phrase before the subject ("Sau lễ phát động, các địa phương …")


_CLOSING_RE = re.compile(r"\s*Trên đây là\b", re.IGNORECASE)
# A notice's close: '<office> thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.'
_ANNOUNCED_RE = re.compile(
    r"[^.;:]{0,120}?(?<!\w)thông báo\s+(?:để|cho|đến)\s[^.;]{0,200}?(?<!\w)biết"
    r"(?:[,\s]{1,3}(?:và\s+)?(?:phối hợp\s+)?(?:triển khai\s+)?thực hiện)?\s*[./]*\s*$"
)
_ROLE_IN_RE = re.compile(r"(?<!\w)(?:phối hợp|chủ trì)(?!\w)")
_PLURAL_END_RE = re.compile(r"(?<!\w)(?:các|những)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?$", re.IGNORECASE)


def _clause_ends(s: str, start: int = 0) -> Iterator[re.Match[str]]:
    """Where an opening phrase may end: at a comma or a colon, or at the 'thì' that closes a
    condition ('Nếu nguồn nước không bảo đảm thì UBND các xã …'); a 'thì' with no condition before
    it is no clause's end."""
    for m in _CLAUSE_END_RE.finditer(s, start):
        if s[m.start()] in ",:" or _conditional_re().search(lower_vn(s[: m.start()])):
            yield m


def _lead_after_intro(s: str) -> bool:
    """'Nhận được Công văn này, đề nghị cấp ủy …': a lead word right after a short opening clause."""
    cm = _COMMA_RE.search(s, 0, 80)
    return cm is not None and _lead_re().match(s[cm.end() :]) is not None


def _subject_of(text: str, places: bool) -> tuple[list[str], int]:
    """The bodies that open `text`, or, in a part of tasks (`places`), the places named by their
    units' words alone ('Các xã, thị trấn xây dựng kế hoạch …')."""
    names, end = bd.parse_subject(text)
    return (names, end) if names or not places else bd.places_subject(text)


def _subject(s: str, places: bool = False) -> tuple[list[str], int, str, bool, bool]:
    """(bodies, end of the subject, the sentence from the subject on, assigned by a lead word,
    the bodies are the ones asked).

    'Giao X …', 'Đề nghị X …'; 'Theo đó, X …' and any short opening phrase or conditional clause
    before a comma ('Khi …, X …'); 'X yêu cầu Y …', where Y, the body asked, is the subject.
    `places`: in a part of tasks, units' words alone may be the subject (`_subject_of`)."""
    lead, s2 = _after_lead(s)
    if "(" in s2[:_ASIDE_REACH]:  # 'Văn phòng Huyện ủy (cơ quan thường trực) chủ trì …': an aside
        names, end = _subject_before_asides(s2)
    else:
        names, end = _subject_of(s2, places)
    topic = _topic_re().match(lower_vn(s2[:40])) if not names else None
    if topic:
        names, end, s2 = _topic_subject(s2, topic.end(), places)
    if not names and (_opening_re().match(lower_vn(s2[:40])) or _lead_after_intro(s2)):
        within, prev = _condition_subject_end(s2), 0
        for n, cm in enumerate(_clause_ends(s2)):
            if cm.start() < within:
                continue  # 'Khi Bộ Y tế, Sở Y tế có hướng dẫn mới, …': the condition's list of bodies
            if _opening_over(s2, n, prev, cm.start()):
                break
            prev = cm.end()
            if _PLURAL_END_RE.search(s2, max(0, cm.start() - 30), cm.start()):
                continue  # '… tại các địa phương, đơn vị theo …': the comma goes on with a list
            rest = s2[cm.end() :]
            if rest[:4].lower() == "mỗi ":
                break  # 'Hằng năm, mỗi cơ quan, địa phương, đơn vị …': each of the bodies already named
            cond = _conditional_re().match(lower_vn(s2[: cm.start()])) is not None
            cand, cend, lead2 = _subject_after_comma(rest, topic is not None, places, cond)
            if cand:
                s2 = rest[lead2.end() :] if lead2 else rest
                names, end, lead = cand, cend, lead or lead2
                break
    if not names and topic:
        names, end, s2 = _after_heading(s2, topic.end())
    if not names:
        names, end = _named_by_role(s2)
    ask = _ASK_RE.match(lower_vn(s2[end:])) if names else None
    if ask:
        # 'UBND huyện giao các xã, thị trấn rà soát …': places asked by their units' words alone
        asked, aend = _subject_of(s2[end + ask.end() :], True)
        if asked:
            return asked, aend, s2[end + ask.end() :], True, True
    return names, end, s2, bool(lead), False


def _opening_over(s2: str, n: int, prev: int, at: int) -> bool:
    """Is no subject after the `n`th comma of an opening phrase, at `at` (the one before it at
    `prev`): the phrase ran too long to be one, or the sentence's predicate has begun before it?"""
    if n > 3 or len(s2[:at].split()) > _MAX_INTRO or ";" in s2[:at]:
        return True  # an opening phrase is no clause: '…; một số xã như xã A, xã B còn thiếu …'
    if _ROLE_IN_RE.search(lower_vn(s2[:at])):
        return True  # 'Đồng thời, phối hợp với lãnh đạo cơ quan, đơn vị …': the list is the partners
    # 'Định kỳ …, tổng hợp, báo cáo UBND tỉnh, Bộ Công Thương …': the objects go on
    return n > 0 and _verb_and_object(s2[prev:at])


def _verb_and_object(clause: str) -> bool:
    """Does `clause`, after an opening phrase's comma, open with a predicate of the tables and
    close on a body it names ('báo cáo Ủy ban nhân dân tỉnh')? Then the sentence's predicate has
    begun with no subject, and a body after the next comma is one more object ('…, Bộ Công Thương
    tình hình …'), no subject; a verb alone ('Sau khi kiểm tra, rà soát, Sở Tài chính …') is not."""
    low = lower_vn(clause)
    verb = bd.predicate_at(low) if len(low) == len(clause) else None
    if verb is None:
        return False
    for m in _OBJECT_START_RE.finditer(clause, verb):
        names, end = bd.parse_subject(clause[m.start() :])
        if names:
            return m.start() + end >= len(clause.rstrip())
    return False


_OBJECT_START_RE = re.compile(
    rf"(?<=\s)(?:[{UPPER}]|các\s)"
)  # a body's name after a verb: capitalised, or 'các'


def _subject_before_asides(s2: str) -> tuple[list[str], int]:
    """The bodies opening `s2` read with its inert asides blanked; a role in parentheses after a
    name ('Sở Tư pháp (chủ trì), Công an tỉnh (phối hợp) …') is left for `_roles` to read."""
    opened = _role_asides_opened(s2)
    names, end = bd.parse_subject(_blank_asides(opened))
    if opened is not s2:
        end = len(opened[:end].rstrip())
    return [n.rstrip(" (") for n in names], end  # 'Sở Nội vụ (chủ trì), …': the name before the aside


def _condition_subject_end(s: str) -> int:
    """Where the bodies a conditional opening names end ('Nếu Ban Thường vụ Huyện ủy, Thường trực
    Huyện ủy yêu cầu, …'): the commas of their list open no main clause; 0 with no such opening."""
    cond = _conditional_re().match(lower_vn(s))
    if cond is None:
        return 0
    at = cond.end() + len(s[cond.end() :]) - len(s[cond.end() :].lstrip())
    names, end = bd.parse_subject(s[at:])
    if not names or next(_clause_ends(s, at + end), None) is None:
        return (
            0  # 'Sau khi Sở Y tế cấp vắc xin, các xã, thị trấn tổ chức …': the list ran into the main clause
        )
    return at + end


def _main_clause(sentence: str) -> str:
    """The sentence after a conditional opening clause ('Khi Ban Chỉ huy tỉnh ban hành lệnh báo
    động, Ban Chỉ huy huyện chỉ đạo sơ tán dân'): what the condition names is made by no assignee."""
    within = _condition_subject_end(sentence)
    if not within and not _conditional_re().match(lower_vn(sentence)):
        return sentence
    cm = next(_clause_ends(sentence, within), None)
    return sentence[cm.end() :] if cm else sentence


_CONDITION_REACH = 8  # characters after a name a conditional's lead word may stand in


def _subject_after_comma(
    rest: str, topic: bool, places: bool, cond: bool
) -> tuple[list[str], int, re.Match[str] | None]:
    """The subject that opens `rest`, the words after an opening phrase's comma (after a lead word,
    maybe), with a predicate after it, and that lead word; ([], 0, None) when none does. After a
    conditional opening (`cond`), a condition word after the name says the condition goes on; after
    any other ('Ngoài ra, Công an huyện khi phát hiện vi phạm xử lý …') the name is the subject."""
    lead = _lead_re().match(rest)
    at = lead.end() if lead else 0
    names, end = _subject_of(rest[at:], places)
    if not names or end >= len(rest) - at:
        return [], 0, None
    if topic and all(bd.names_a_place(n) for n in names):
        return [], 0, None  # 'Đối với các dự án trên địa bàn huyện, thị xã, thành phố: …': the topic's places
    if cond and _conditional_re().search(lower_vn(rest[: at + end + _CONDITION_REACH])):
        return [], 0, None  # '… trong sinh hoạt cấp ủy, chi bộ nếu có …': the condition goes on, no subject
    return names, end, lead


def _after_lead(s: str) -> tuple[re.Match[str] | None, str]:
    """The lead word ('Giao …'), if any, and the words after it and after the persons addressed
    ('Các ông (bà): Chánh Văn phòng …': the offices after them are the subject)."""
    lead = _lead_re().match(s)
    s2 = s[lead.end() :] if lead else s
    vocative = _vocative_re().match(s2)
    return lead, s2[vocative.end() :] if vocative else s2


@cache
def _vocative_re() -> re.Pattern:
    """'Các ông (bà):', 'Các Ông/Bà:', 'Các đồng chí:' ([bodies] honorifics, then a colon): whom an
    article addresses, before the offices it names; read as an aside, its '(bà)' would hide them."""
    return re.compile(rf"(?:các\s+)?(?:{alt(sorted(_honorifics()))})\s*:\s*", re.IGNORECASE)


_PLURAL_OPEN_RE = re.compile(r"^các\s+")
# An aside in parentheses near a subject's start, blanked (offsets kept) before the subject is read.
_ASIDE_RE = re.compile(r"\([^()]{1,120}\)")
_ASIDE_REACH = 120
_LEADING_ASIDE_RE = re.compile(r"\s*\([^()]{1,120}\)")


def _blank_asides(s: str) -> str:
    """`s` with its inert asides blanked, but for the one an honorific is written with ('các ông
    (bà) có tên tại Điều 1': the persons an executing article names, a member of its list)."""
    head = s[:_ASIDE_REACH]
    return (
        _ASIDE_RE.sub(
            lambda m: (
                m.group() if not _inert(m.group()) or _honorific_ends(head, m.end()) else " " * len(m.group())
            ),
            head,
        )
        + s[_ASIDE_REACH:]
    )


def _honorific_ends(s: str, end: int) -> bool:
    """Does an honorific written with parentheses ('ông (bà)') end at `end`?"""
    low = lower_vn(s[max(0, end - 20) : end])
    return any(low.endswith(h) for h in _honorifics() if "(" in h)


@cache
def _honorifics() -> frozenset[str]:
    """'đồng chí', 'ông (bà)', 'ông, bà' ([bodies] honorifics, without 'các')."""
    return frozenset(_PLURAL_OPEN_RE.sub("", lower_vn(h)) for h in _table()["bodies"]["honorifics"])


def _inert(aside: str) -> bool:
    """An aside that says neither a role ('(chủ trì)') nor a time ('(hoàn thành trước ngày …)')."""
    return _ROLE_IN_RE.search(lower_vn(aside)) is None and not find_deadlines(aside)


# "Khối dân vận xã chủ trì, …": a name of two to eight words right before the lead role.
_ROLE_SUBJECT_RE = re.compile(r"(?P<name>[A-ZĐÀ-Ỹ][^\W\d_]*(?: [^\W\d_]+){1,7}?)\s*,?\s+chủ trì(?!\w)")


def _named_by_role(s: str) -> tuple[list[str], int]:
    """A subject the body tables do not know, named by the lead role after it ('Khối dân vận xã
    chủ trì, phối hợp với …'): no predicate, no opening phrase, no lead word in it."""
    m = _ROLE_SUBJECT_RE.match(s)
    if m is None:
        return [], 0
    low = lower_vn(m.group("name"))
    if bd.predicate_in(low) or _opening_re().match(low) or _lead_re().match(low + " "):
        return [], 0
    return [m.group("name")], m.end("name")


@cache
def _next_part_re() -> re.Pattern:
    """'IV. TỔ CHỨC THỰC HIỆN', 'Phần thứ tư': a report's next part."""
    return re.compile(rf"\s*(?:[IVXL]+\s*[.\-–)]\s*\S|{_part_number()})", re.IGNORECASE)


@cache
def _appeal_re(key: str = "words") -> re.Pattern:
    """A predicate with which a body addresses no task (obligations.toml [appeal]), or, `statement`,
    says what it is or has done."""
    words = sorted((lower_vn(w) for w in _table()["appeal"][key]), key=len, reverse=True)
    return re.compile(r"\s*,?\s*(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@cache
def _conditional_re() -> re.Pattern:
    """The lead of a conditional clause anywhere (obligations.toml [opening] conditions): a name
    that holds one, or is followed by one, is no subject."""
    words = sorted((lower_vn(w) for w in _table()["opening"]["conditions"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@cache
def _assessment_re(key: str = "assessment") -> re.Pattern:
    """A word of an assessment (obligations.toml [appeal] assessment: 'nhìn chung', 'thông suốt'),
    or of urging ([appeal] urging: 'khẩn trương', 'phải'), anywhere."""
    words = sorted((lower_vn(w) for w in _table()["appeal"][key]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _assessed(after: str, issued: str | None) -> bool:
    """Does the predicate after places say how they are, not what they are to do: a statement
    ('đã', 'đang', 'là'), or an assessment's word that opens its first clause ('nhìn chung ổn định')
    or closes it ('vận hành cơ bản thông suốt.')? Not with a time to be done by or a word of urging:
    'chưa hoàn thành giải phóng mặt bằng khẩn trương hoàn thành trước ngày …' picks the places
    that must; 'duy trì ổn định hoạt động của Tổ công tác' is a task."""
    low = lower_vn(after)
    if _appeal_re("statement").match(low):
        return True
    if _assessment_re("urging").search(low):
        return False
    if _target_re().match(low):
        return True  # 'Các xã, thị trấn có 95% hộ dân sử dụng nước hợp vệ sinh trong năm 2024': a target
    if _due(after, issued):
        return False
    head = low.split(",")[0].strip().rstrip(".;:!…").rstrip()
    if _assessment_re().match(head):
        return True
    # a short predicate that ends on the word; a longer one ('bảo đảm an ninh trật tự ổn định') is a task
    return any(
        m.end() == len(head) and len(head[: m.start()].split()) <= _PREDICATE_HEAD
        for m in _assessment_re().finditer(head)
    )


@cache
def _target_re() -> re.Pattern:
    """A predicate that gives a figure the places are to have (obligations.toml [appeal] targets):
    'có 95% hộ dân …', 'đạt trên 80% …'."""
    words = sorted((lower_vn(w) for w in _table()["appeal"]["targets"]), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:[^\W\d_]+\s+){0,2}\d")


_PREDICATE_HEAD = 4  # words of a predicate before an assessment's closing word ('vận hành cơ bản thông suốt')


@cache
def _condition_re() -> re.Pattern:
    """A condition a sentence opens with, after the time it holds in ('Trong quá trình thực hiện, nếu
    có vướng mắc, …'; obligations.toml [appeal] conditions): a closing. Inside a task ('…, nếu có
    phát sinh hộ nghèo mới thì lập danh sách …') it is no closing."""
    words = sorted((lower_vn(w) for w in _table()["appeal"]["conditions"]), key=len, reverse=True)
    leads = sorted((lower_vn(w) for w in _table()["opening"]["conditions"]), key=len, reverse=True)
    return re.compile(
        r"\s*(?:(?:trong\s+)?quá trình\s+(?:triển khai(?:\s+thực hiện)?|(?:tổ chức\s+)?thực hiện)\s*,?\s*)?"
        r"(?:" + "|".join(re.escape(w) for w in leads) + r")\s+"
        r"(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)"
    )


@cache
def _everyone_words() -> tuple[frozenset[str], tuple[str, ...]]:
    t = _table()["bodies"]
    roles = tuple(sorted((lower_vn(r) + " " for r in t["roles"]), key=len, reverse=True))
    return frozenset(lower_vn(w) for w in t["everyone"]), roles


def _everyone(subject_text: str) -> bool:
    """'các cấp ủy, tổ chức đảng', 'người đứng đầu cấp ủy, chính quyền các cấp': no one in particular
    (obligations.toml [bodies] everyone)."""
    words, roles = _everyone_words()
    items = []
    for n in bd.split_bodies(subject_text):
        low = _EVERY_LEVEL_RE.sub("", lower_vn(n))
        low = next((low[len(r) :] for r in roles if low.startswith(r)), low)
        items.append(low)
    return bool(items) and all(i in words for i in items)


def _everyone_assigned(after: str, st: _Discourse) -> bool:
    """'Cấp ủy các cấp …' after an addressing line is assigned when the point has a time of its own
    ('…; hoàn thành trước ngày 30/7/2025') or the text is a directive, whose points are all its
    addressees' tasks (obligations.toml [section] directives); else it exhorts."""
    return st.directive or _due(after, st.issued, whole_years=False)


def _completes(
    out: list[ObligationRecord], sentence: str, assignees: list[tuple[str, str]], joint: str = " "
) -> bool:
    """A sentence that only gives the time of the task before it ("Yêu cầu gửi báo cáo … trước
    ngày 23/5/2019.", "Thời gian hoàn thành …, chậm nhất ngày 14/5/2021") completes that task:
    its deadline and words join the task (after `joint`), no new one is made."""
    deadlines = find_deadlines(sentence)
    labelled = (
        _TIME_LABEL_OPEN_RE.match(lower_vn(sentence)) is not None
    )  # 'thời gian thực hiện: thường xuyên'
    if not (len(deadlines) == 1 or (labelled and not deadlines)) or not out or out[-1].deadline is not None:
        return False
    last = out[-1]
    # the same bodies, whatever the roles: 'X chủ trì …. Thời gian hoàn thành: …' carries X alone;
    # a time and nothing else also X without its partners ('X chủ trì, phối hợp với Y …. Thời gian …')
    names, last_names = [name for name, _ in assignees], [a.name for a in last.assignees]
    if last_names != names and not (last_names[: len(names)] == names and _time_only(sentence)):
        return False
    if bd.parse_subject(sentence)[0] or _produces_re().search(sentence):
        return False
    out[-1] = replace(
        last,
        # a task done every year ('Hằng năm, … lập kế hoạch …') keeps no one time of a later sentence
        deadline=deadlines[0].as_dict() if deadlines and not last.recurring else None,
        text=f"{last.text.rstrip(' ;')}{joint}{sentence.strip()}",
    )
    return True


_TIME_LABEL_RE = re.compile(r"(?:thời gian|thời hạn)?\s*(?:hoàn thành|thực hiện)?")


# A clause that opens with the label of a task's time: 'thời gian: …', 'thời hạn hoàn thành: …'.
_TIME_LABEL_OPEN_RE = re.compile(r"\s*(?:thời gian|thời hạn)(?:\s+(?:hoàn thành|thực hiện))?\s*:")


def _time_only(clause: str) -> bool:
    """A clause that is a deadline and nothing else ("hoàn thành trước ngày 31/12/2023", "thời
    gian hoàn thành: Quý III/2024", "thời gian thực hiện: thường xuyên"): the time of the clause
    before, not a task of its own."""
    if _TIME_LABEL_OPEN_RE.match(lower_vn(clause)):
        return True
    found = find_deadlines(clause)
    if len(found) != 1:
        return False
    rest = lower_vn(clause.replace(found[0].text, " ", 1)).strip(" ,;:.()-")
    return bool(_TIME_LABEL_RE.fullmatch(rest))


@cache
def _directives() -> frozenset[str]:
    return frozenset(_table()["section"]["directives"])


_NUMBERED_ITEM_TYPES = ("Chỉ thị", "Kết luận", "Thông báo", "Quy định", "Hướng dẫn")


@dataclass(frozen=True)
class _RoleHeader:
    """A header that names bodies with their roles ('1. Công an tỉnh chủ trì, phối hợp với các sở,
    ngành:'): its subject (the list the discourse holds while it governs), the assignees each point
    under it gets, and its words, line and the count of tasks before it."""

    names: list[str]
    assignees: list[tuple[str, str]]
    text: str
    line: int
    out_at: int


@dataclass
class _Discourse:
    """Who the sentences of a text speak of, as `section_obligations` reads them in order.

    It carries the bodies an addressing line asks (they govern the items after it), an item
    header's subject ("4. Ủy ban Kiểm tra Tỉnh ủy:", governing its sub-items), the assignees and
    subject of the current item (carried to its later sentences and clauses) and those of the
    paragraph before (a following "Thời gian hoàn thành …" is their task's time)."""

    scope: str | None  # "heading" | "addressing" | None: see section_obligations
    numbered_items: bool  # each numbered item of the document type assigns to its subject
    out: list[ObligationRecord] = field(default_factory=list)
    asked: list[str] | None = None  # from an addressing line, for the items after it
    header_subject: list[str] | None = None
    header_roles: _RoleHeader | None = None  # the roles the header states, for the points under it
    previous: list[tuple[str, str]] | None = None  # assignees of the paragraph before
    item: list[tuple[str, str]] | None = None  # assignees of this item so far, with roles
    item_names: list[str] = field(default_factory=list)  # its subject
    signing: bool = False  # in a signature block: its offices and signer assign nothing
    receiving: bool = False  # in the list after 'Nơi nhận:' ('- Như Điều 3;', '- Lưu: VT.')
    proposing: bool = False  # in a report's part of proposals to the bodies above it
    after_part: bool = False  # right after a part's word and number alone ('Phần thứ ba'), its heading
    article_header: bool = False  # the header subject is an article's, whose points it assigns
    # a numbered point outside a scope whose body is its subject, with no time of its own: a time
    # label after it ('Thời gian: Quý IV/2025.') makes it a task — (its words, assignees, line)
    untimed: tuple[str, list[tuple[str, str]], int] | None = None
    point: _Point | None = None  # a numbered point that assigned nothing, for the fields after it
    issued: str | None = None  # the document's date: a time before it is one a report tells of
    directive: bool = False  # a directive's text: its points to everyone are its addressees' tasks
    reporting: bool = False  # the sentences report what a document says ('Theo Kế hoạch, …')
    # in a part of tasks: a body's header ('1. Văn phòng Sở:') gives the points under it, as in scope
    headed: bool = False
    # the number of a numbered header ('2' of '2. Ủy ban nhân dân tỉnh:'): its sub-points ('2.1.')
    # are its own, where another number closes it
    header_number: str | None = None

    def emit(self, text: str, assignees: list[tuple[str, str]], line: int) -> None:
        self.out.extend(_obligations_for(text, assignees, line, "section" if self.scope else "sentence"))

    def header_assignees(self) -> list[tuple[str, str]] | None:
        """The assignees a header with roles gives each point under it, while it governs them."""
        h = self.header_roles
        return h.assignees if h is not None and h.names is self.header_subject else None

    def close_header(self) -> None:
        """A header with roles that no point under it made a task of is a task of its own."""
        h, self.header_roles = self.header_roles, None
        if h is not None and h.text and h.names is self.header_subject and len(self.out) == h.out_at:
            self.emit(h.text, h.assignees, h.line)

    def begin_item(self, assignees: list[tuple[str, str]], names: list[str]) -> None:
        self.item, self.item_names = assignees, names

    def forget(self) -> None:
        """The text is closed or signed: no one it spoke of is spoken of after it."""
        self.close_header()
        self.item, self.item_names, self.header_subject, self.asked, self.previous = (
            None,
            [],
            None,
            None,
            None,
        )


def _with_partners(names: list[str], role: str, partners: list[str]) -> list[tuple[str, str]]:
    return [(n, role) for n in names] + [(n, "phoi_hop") for n in partners]


def section_obligations(
    paras: Iterable[Paragraph],
    scope: str | None,
    doc_type: str | None,
    issued: str | None = None,
    points: bool = False,
    headed: bool = False,
) -> list[ObligationRecord]:
    """Obligations from paragraphs.

    `scope` is "heading" inside a "Tổ chức thực hiện" section, "addressing" after an addressing
    line ("… yêu cầu:"), None elsewhere. The discourse state is a `_Discourse`. `points`: each
    numbered point whose subject is a body assigns; `headed`: in a part of tasks, a body's header
    assigns the points under it.
    Outside a scope a sentence assigns only by its words: a lead ("Giao X"), "X yêu cầu Y", a duty
    ("X chịu trách nhiệm thi hành"), a lead role ("X chủ trì").
    """
    st = _Discourse(
        scope,
        points or doc_type in _NUMBERED_ITEM_TYPES,
        issued=issued,
        directive=doc_type in _directives(),
        headed=headed,
    )
    for p in paras:
        _read_paragraph(p, st)
    _flush_point(st)
    st.close_header()
    return st.out


def _read_paragraph(p: Paragraph, st: _Discourse) -> None:
    """One paragraph, or a field of the point before it ('- Cơ quan chủ trì: Sở Tư pháp.')."""
    if st.point is not None:
        if _reads_field(p.text, st):
            return
        _flush_point(st)
    before, header = len(st.out), st.header_subject
    _read_text_paragraph(p, st)
    if (
        len(st.out) == before
        and st.header_subject is header
        and not st.signing
        and len(p.text) <= _POINT_MAX
        and _NUMBER_RE.match(p.text)
        and not _BULLET_RE.match(p.text)
    ):
        st.point = _Point(_strip_prefix(p.text).strip(), p.line_at(0))


# -- a task written as a point and its fields ------------------------------------------------
# '1. Số hóa hồ sơ hộ tịch' / '- Cơ quan chủ trì: Sở Tư pháp.' / '- Cơ quan phối hợp: UBND các
# xã, phường.' / '- Thời gian hoàn thành: Tháng 12/2025.': the labels are the task tables' column
# words (obligations.toml [table]).
_POINT_MAX = 300
_ROLE_WORDS = frozenset({"chủ trì", "phối hợp", "thực hiện"})
_NEXT_FIELD_RE = re.compile(r"(?:;\s*|\.\s+)(?=[^\W\d_][^;:.]{2,40}?\s*:)")
_FIELD_RE = re.compile(r"\s*(?:[-–+•*]\s*)?(?P<label>[^\W\d_][^:;.]{2,40}?)\s*:\s*(?P<value>\S.*)")


@dataclass
class _Point:
    text: str
    line: int
    lead: list[tuple[str, str]] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)


def _field_kind(label: str) -> str | None:
    """The kind of column a field's label names, as a task table's header would ('Cơ quan chủ trì'
    -> body, 'Thời gian hoàn thành' -> deadline), by the longest table word it opens with."""
    low = lower_vn(label)
    found = [(len(w), kind) for w, kind in _header_words()[1].items() if low.startswith(w)]
    return max(found)[1] if found else None


def _reads_field(raw: str, st: _Discourse) -> bool:
    m = _FIELD_RE.match(raw)
    kind = _field_kind(m.group("label")) if m else None
    if m is None or kind not in ("body", "partner", "deadline"):
        return False
    if kind != "deadline" and lower_vn(m.group("label")).strip() in _ROLE_WORDS:
        return False  # '- Chủ trì: Thường trực Tỉnh ủy.' in a conference's plan: who chairs it
    point = st.point
    assert point is not None
    if kind == "deadline":
        if not (point.lead or point.partners):
            return False  # a time after a point with a subject of its own: that task's (`_completes`)
        point.times.append(raw.strip(" -–+•*"))
        return True
    # 'Cơ quan thực hiện: Văn phòng Điều phối nông thôn mới tỉnh; thời gian: tháng 3/2026.': more
    # fields after a semicolon or a sentence's end; the value is names, maybe with their roles
    # ('Sở Công Thương chủ trì; Sở Tài chính phối hợp'), read as a cell's (`_named_roles`)
    value, *more = _NEXT_FIELD_RE.split(m.group("value"))
    value = value.rstrip(" .;")
    role = (
        "phoi_hop"
        if kind == "partner"
        else "chu_tri"
        if "chủ trì" in lower_vn(m.group("label"))
        else "thuc_hien"
    )
    named = _named_roles(value, role) if bd.parse_subject(_role_asides_opened(value))[0] else []
    if not named:
        return False
    for f in more:  # 'Cơ quan chủ trì: Sở Nội vụ; phối hợp: Trường Chính trị tỉnh; thời gian: …'
        label, _, rest = f.partition(":")
        if (more_kind := _field_kind(label.strip())) == "deadline":
            point.times.append(f)
        elif more_kind == "partner":
            named += [(n, "phoi_hop") for n in bd.split_bodies(rest.strip(" .;"))]
    point.lead += [(n, r) for n, r in named if r != "phoi_hop"]
    point.partners += [n for n, r in named if r == "phoi_hop"]
    return True


def _flush_point(st: _Discourse) -> None:
    """The point read with its fields is a task of the bodies they name."""
    point, st.point = st.point, None
    if point is None or not point.lead:
        return
    text = " ".join([point.text.rstrip(" .;") + ".", *point.times])
    st.emit(text, [*point.lead, *((n, "phoi_hop") for n in point.partners)], point.line)


@cache
def _signer_roles() -> frozenset[str]:
    return frozenset(lower_vn(r) for r in tables.signature_table()["roles"])


def _signer_role(raw: str) -> bool:
    """'GIÁM ĐỐC', 'CHỦ TỊCH' on a line of its own: a signature without its 'T/M' line."""
    s = raw.strip()
    return len(s) < 40 and is_upper_text(s) and lower_vn(s) in _signer_roles()


def _read_text_paragraph(p: Paragraph, st: _Discourse) -> None:
    """One paragraph: an item header or addressing line sets who the next ones speak of; any
    other is read sentence by sentence."""
    raw = p.text
    if not _LETTER_RE.search(raw):
        return  # '2', '…', '* * *': a page's number or a rule says nothing, and the item goes on
    if st.proposing and not (_next_part_re().match(raw) or (len(raw) < 80 and is_upper_text(raw))):
        return  # 'Đề nghị UBND thị xã quan tâm hỗ trợ …' under 'III. ĐỀ XUẤT, KIẾN NGHỊ'
    after_part, st.after_part = st.after_part, _bare_part_re().match(raw) is not None
    st.proposing = _proposals_heading(raw.strip(), after_part)
    if st.proposing or st.after_part:
        return
    signed, listed = signature_line(raw) or _signer_role(raw), recipients_line(raw)
    if signed or listed:
        # the text is signed: who it spoke of speaks no more (an attached plan's title after it is
        # no sentence of the last article)
        st.signing, st.receiving = st.signing or signed, st.receiving or listed
        st.forget()
        return
    if st.receiving and (_BULLET_RE.match(raw) or _RECIPIENT_RE.search(raw)):
        return  # a recipient, in a column the signature block may interleave
    if _CLOSING_RE.match(raw) or _ANNOUNCED_RE.match(raw):
        # 'Trên đây là Kế hoạch …; yêu cầu các cơ quan …', '… thông báo để … biết, thực hiện': the close
        st.forget()
        return
    if st.signing and (is_upper_text(raw) or is_person_name(raw) or SIGNED_RE.match(raw)):
        return  # 'BÍ THƯ', '(đã ký)', 'Nguyễn Văn An' under 'T/M BAN THƯỜNG VỤ'
    st.signing = st.receiving = False
    if st.untimed is not None and _timed_point(_strip_prefix(raw), st):
        return  # '2. Sở Nội vụ tổ chức tập huấn …' / 'Thời gian: Quý IV/2025.'
    quiet = st.item is None and st.previous is None and not (st.header_subject or st.asked)
    if quiet and not (_LETTER_RE.search(raw) and bd.may_name_a_body(raw)):
        # No one is spoken of and it names no one ('- ', 'Số 12-NQ/TU'): nothing to carry
        # a task to, no subject to start one; it only closes the item before.
        st.item_names = []
        return
    if _chapter_re().match(raw) or (len(raw) < 80 and is_upper_text(raw)):
        # 'Chương II', 'CHẾ ĐỘ LÀM VIỆC': a new part, no longer the points of the article before (a
        # body's name in capitals is read as a header of its own below)
        st.close_header()
        st.header_subject, st.article_header, st.item, st.item_names = None, False, None, []
        if _chapter_re().match(raw):
            return
    article = bool(_ARTICLE_RE.match(raw))
    is_numbered = bool(_NUMBER_RE.match(raw) or article) and not _BULLET_RE.match(raw)
    body = _strip_prefix(raw)
    number = _point_number(raw) if is_numbered and not article else None
    # "a) Chủ trì …" under "1. Sở Tài chính" is its point, "1. Chủ trì …" under "Điều 5. Trách nhiệm của …"
    if (
        is_numbered
        and not _LETTERED_RE.match(raw)
        and (article or not st.article_header)
        and not _sub_point(number, st.header_number)
    ):
        st.close_header()
        st.header_subject, st.article_header, st.header_number = None, False, None
    # a body's name alone, numbered or in capitals ('ỦY BAN KIỂM TRA HUYỆN ỦY' over its points, or
    # closing an attached text as who signs it): who the points under it speak to, no task itself
    if _reads_header(raw, body, p.line_at(0), st, article, is_numbered, number):
        return
    st.item, st.item_names = None, []
    start = max(0, raw.find(body))  # the body is the paragraph less its number or bullet
    colon = body.find(":")
    pos = 0
    point = bool(is_numbered or _BULLET_RE.match(raw))
    for n, sent in enumerate(_sentences(body)):
        at = body.find(sent, pos)  # sentences follow one another: each is found where the last ended
        pos = at + len(sent) if at >= 0 else pos
        line = p.line_at(start + (at if at >= 0 else pos))
        listed = 0 <= colon < (at if at >= 0 else pos)  # a list after a colon before it
        _read_sentence(sent.strip(), line, listed, article, is_numbered, st, opens_point=point and n == 0)
    st.previous = st.item


def _reads_header(
    raw: str, body: str, line: int, st: _Discourse, article: bool, is_numbered: bool, number: str | None
) -> bool:
    """A header over the points after it (`_reads_colon_line`, `_reads_bare_header`); a numbered one
    keeps its number, so that its sub-points ('2.1.' under '2.') stay under it."""
    header = st.header_subject
    read = _reads_colon_line(body.rstrip(), st, line, article or not is_numbered) or (
        (is_numbered or (len(raw) < 80 and is_upper_text(raw)))
        and _reads_bare_header(body.strip(), st, article)
    )
    if st.header_subject is not header:
        st.header_number = number if st.header_subject else None
    return read


_POINT_NUMBER_RE = re.compile(r"^\s*\(?(\d+(?:\.\d+)*)")


def _point_number(raw: str) -> str | None:
    """The number of a numbered point ('2.1' of '2.1. Nghiên cứu …'), None for a letter or numeral."""
    m = _POINT_NUMBER_RE.match(raw)
    return m.group(1) if m else None


def _sub_point(number: str | None, header: str | None) -> bool:
    """'2.1' under the header '2.': a point of that header, not a new item."""
    return number is not None and header is not None and number.startswith(header + ".")


@cache
def _chapter_re() -> re.Pattern:
    """'Chương II', 'Mục 3', 'Phần thứ hai' on a line of their own: a text's division."""
    t = _table()["parts"]
    return re.compile(
        rf"^\s*(?:chương|mục|{alt(t['words'])})\s+(?:[IVXL]+|\d+|{alt(t['ordinals'])})\s*[.:]?\s*$",
        re.IGNORECASE,
    )


def _reads_colon_line(stripped: str, st: _Discourse, line: int = 0, over_numbered: bool = False) -> bool:
    """A line ending in a colon that names who the points after it speak to: an item header
    ("4. Ủy ban Kiểm tra Tỉnh ủy:") or an addressing line ("UBND quận yêu cầu các cơ quan, đơn
    vị … nội dung sau:", whose bodies asked govern). True when the line is one of them.
    `over_numbered`: numbered points under it are its own (an article's, or a line not numbered)."""
    if not stripped.endswith(":"):
        return False
    if _competences_re().match(stripped):
        st.header_subject, st.article_header = None, False
        return True
    whose = _whose(stripped.rstrip(" :"))
    names, end = bd.parse_subject(whose)
    if names and end >= len(whose) - 1:
        st.header_subject = names
        return True
    places, end = bd.parse_places(whose)
    if places and end >= len(whose) - 1:
        st.header_subject = places  # '2. Đối với các xã, thị trấn:' / '- Niêm yết …'
        return True
    if roles := _header_roles(whose):
        st.close_header()
        st.header_subject = [n for n, r in roles if r != "phoi_hop"]
        st.header_roles = _RoleHeader(st.header_subject, roles, stripped, line, len(st.out))
        return True
    if _reads_lead_header(whose, stripped, st, line, over_numbered):
        return True
    if not over_numbered and st.scope and (point := _point_over_points(stripped)):
        # '3. Huyện ủy, UBND các huyện chỉ đạo rà soát …, trong đó tập trung:' / '3.1. …': a task of
        # its subject, and its sub-points are theirs; with only roles before the colon ('3. Bộ Chỉ huy
        # Quân sự tỉnh phối hợp với Công an tỉnh:'), the roles of each point under it; with only a
        # verb ('2. Ủy ban nhân dân tỉnh chỉ đạo:'), a header
        names, assignees, own = point
        st.close_header()
        st.header_subject, st.article_header = names, False
        if assignees:
            st.header_roles = _RoleHeader(names, assignees, stripped, line, len(st.out))
        return not own
    if opens_scope(stripped):
        names, end, rest, _, was_asked = _subject(stripped)
        if not (names and was_asked) and (clause := _asking_clause(stripped)):
            names, end, rest, _, was_asked = _subject(clause)
        if names and was_asked and not _everyone(rest[:end]):
            st.asked = names
        elif guided := _GUIDED_RE.search(stripped):  # 'X hướng dẫn các trường thực hiện như sau:'
            names, end = bd.parse_subject(guided.group("who"))
            if names and not _everyone(guided.group("who")[:end]):
                st.asked = names
        return True
    return False


_SPEAKS_RE = re.compile(r"(?<!\w)sau\s*(?::\s*)?$")


def _point_over_points(line: str) -> tuple[list[str], list[tuple[str, str]] | None, bool] | None:
    """(bodies, assignees of each point, a task of its own) of a numbered point in scope over the
    points after its colon: one that does a task before its colon ('…; trong đó tập trung một số
    nhiệm vụ sau:' after a clause of its own), one that states only roles (each point's assignees),
    or only a verb ('Ủy ban nhân dân tỉnh chỉ đạo:'); None for a speaker ('Ban Thường vụ Huyện ủy
    yêu cầu:', 'UBND tỉnh chỉ đạo các sở thực hiện nội dung sau:')."""
    names, end, rest, _, was_asked = _subject(line)
    if not names or was_asked or _everyone(rest[:end]) or (";" not in line and _SPEAKS_RE.search(line)):
        return None
    after = rest[end:].rstrip(" :")
    role, partners, rend = _roles(after)
    if partners and not after[rend:].strip(" ,.;"):
        return names, _with_partners(names, role, partners), False
    verbs = [v.strip() for v in _VERB_LIST_RE.split(lower_vn(after).strip(" ,"))]
    if verbs[0] and all(v in _predicates() for v in verbs):
        return (names, None, False) if not _ASK_RE.match(verbs[0] + " ") else None
    return (names, None, True) if len(after.split()) >= 4 else None


_VERB_LIST_RE = re.compile(r"\s*,\s*|\s+và\s+")


@cache
def _predicates() -> frozenset[str]:
    """The words that end a subject and open its predicate (obligations.toml [bodies] predicates)."""
    return frozenset(lower_vn(w) for w in _table()["bodies"]["predicates"])


def _reads_lead_header(whose: str, stripped: str, st: _Discourse, line: int, over_numbered: bool) -> bool:
    """A lead word's bodies over the points after its colon ('1. Giao Sở Tài chính:', 'Điều 2. Giao
    Ủy ban nhân dân huyện:', 'Đề nghị Ban Thường vụ Huyện ủy Chư Sê:', 'Giao UBND huyện tổ chức thực
    hiện Nghị quyết, cụ thể:'): each point is their task, as '1. Giao Sở Tài chính bố trí …' would
    be, with its own time; the line is a task of its own only when it says one and no point does.
    A speaker names itself before its verb ('Ban Thường vụ Huyện ủy yêu cầu:') and stays an
    addressing line; a lead to everyone ('Đề nghị các cấp ủy, tổ chức đảng:') assigns no one."""
    lead = _lead_re().match(whose)
    if lead is None:
        return False
    rest = whose[lead.end() :].rstrip(" :")
    names, end = bd.parse_subject(rest)
    if not names or _everyone(rest[:end]):
        return False
    role, partners, _ = _roles(rest[end:])
    assignees = _with_partners(names, role, partners)
    st.close_header()
    st.header_subject, st.article_header = [n for n, r in assignees if r != "phoi_hop"], over_numbered
    said = stripped if _LETTER_RE.search(rest[end:]) else ""  # 'Giao Sở Tài chính:' says no task itself
    st.header_roles = _RoleHeader(st.header_subject, assignees, said, line, len(st.out))
    return True


_ASKING_RE = re.compile(r"(?<!\w)(?:đề nghị|yêu cầu)\s")


def _asking_clause(line: str) -> str | None:
    """The clause of an addressing line that asks, from the last comma before its asking verb: an
    opening too long to read as one ('Thực hiện Công văn số … của Bộ Nội vụ về …; thực hiện nhiệm vụ
    … theo Quyết định số …, Sở Nội vụ đề nghị Ủy ban nhân dân các xã … thực hiện một số nội dung sau:')."""
    asks = list(_ASKING_RE.finditer(line))
    comma = line.rfind(", ", 0, asks[-1].start()) if asks else -1
    return line[comma + 2 :] if comma >= 0 else None


def _header_roles(header: str) -> list[tuple[str, str]] | None:
    """The bodies of a header that names them with their roles and nothing else ('Công an tỉnh chủ
    trì, phối hợp với các sở, ngành, địa phương'): the task is each point under it."""
    names, end, rest, _, _ = _subject(header)
    if not names or not _ROLE_IN_RE.search(lower_vn(rest[end:])):
        return None
    role, partners, rend = _roles(rest[end:])
    if role == "thuc_hien" or rest[end + rend :].strip(" ,.;"):
        return None
    return _with_partners(names, role, partners)


# The bodies an addressing line guides: '… hướng dẫn các trường thực hiện (một số nội dung) như sau:'.
_GUIDED_RE = re.compile(
    r"hướng dẫn\s+(?P<who>[^:]{3,120}?)\s+(?:(?:triển khai\s+)?thực hiện\s+)?(?:(?:một số\s+)?nội dung\s+)?"
    r"(?:như\s+)?sau\s*:\s*$"
)


def _reads_bare_header(stripped: str, st: _Discourse, article: bool = False) -> bool:
    """A numbered item that is only who its points speak to, without the colon ("1. Ban Tuyên
    giáo Huyện ủy" over "- Chủ trì, phối hợp …"): an item header as well. An article that says
    whose duties it lists ("Điều 5. Trách nhiệm của Phòng Quản lý đô thị") assigns each point of it."""
    if _competences_re().match(stripped):
        st.header_subject, st.article_header = None, False  # its points are functions, no tasks
        return True
    stripped = _whose(stripped)
    if not stripped or stripped.endswith((":", ".", ";", ",")) or not bd.may_name_a_body(stripped):
        return False
    names, end = bd.parse_subject(stripped)
    if names and end >= len(stripped):
        st.header_subject = names
        st.article_header = article
        return True
    return False


# The heading of an article or a point that lists a body's duties: 'Trách nhiệm của', 'Nhiệm vụ,
# quyền hạn của', 'Đối với'.
_DUTY_OF_RE = re.compile(
    r"(?:(?:Trách nhiệm|Nhiệm vụ)(?:,?\s+(?:quyền hạn|nhiệm vụ|trách nhiệm))?\s+(?:của\s+)?|Đối với\s+)"
)


@cache
def _competences_re() -> re.Pattern:
    """A heading of a body's standing competences ('Trách nhiệm, quyền hạn của Thường trực Tỉnh ủy',
    'Chức năng, nhiệm vụ của Văn phòng'; obligations.toml [duty] competences): functions, no tasks."""
    words = alt(_table()["duty"]["competences"])
    return re.compile(
        rf"(?=[^.:;]{{0,60}}?(?<!\w)(?:{words})(?!\w))(?:chức năng|nhiệm vụ|trách nhiệm)(?!\w)"
        r"[^.:;]{0,60}?(?<!\w)của\s",
        re.IGNORECASE,
    )


def _whose(header: str) -> str:
    """The body a header names, without the words that say its points are that body's duties
    ('Trách nhiệm của Công an tỉnh', '1. Đối với Sở Tư pháp:')."""
    duty = _DUTY_OF_RE.match(header)
    return header[duty.end() :] if duty else header


@cache
def _of_itself_re() -> re.Pattern:
    """A sentence whose subject is the document itself ('Quyết định này thay thế …', '… có hiệu lực
    …'): no task, whoever the sentences before spoke of."""
    names = sorted({w for t in tables.doc_types() for w in (t.name, *t.aliases)}, key=len, reverse=True)
    return re.compile(
        rf"\s*(?:{'|'.join(re.escape(n) for n in names)})\s+này\s+(?:thay thế|có hiệu lực|bãi bỏ|sửa đổi|được)",
        re.IGNORECASE,
    )


def _timed_point(s: str, st: _Discourse) -> bool:
    """A time label ('Thời gian: Quý IV/2025.') after a numbered point that had none: the point is
    a task, with that time. Only the sentence right after the point may give it."""
    untimed, st.untimed = st.untimed, None
    if untimed is None or not _time_only(s.strip()) or any(_over(d, st.issued) for d in find_deadlines(s)):
        return False
    st.emit(f"{untimed[0].rstrip()} {s.strip()}", untimed[1], untimed[2])
    return True


def _read_sentence(
    s: str,
    line: int,
    listed: bool,
    article: bool,
    is_numbered: bool,
    st: _Discourse,
    opens_point: bool = False,
) -> None:
    """One sentence: with a subject of its own it starts an item; without, it goes on with the
    item's, the header's or the addressed bodies, or gives the time of the task before (unless it
    opens a point of its own, '- Chỉ đạo … trước ngày 31/3/2016.', and is more than a time)."""
    if _condition_re().match(lower_vn(s)):
        return  # 'Quá trình thực hiện, nếu có vướng mắc, đề nghị … phản ánh về Sở': a closing, no task
    if _timed_point(s, st):
        return
    if reporting := _reporting_re().match(s):
        st.reporting = True
        if reporting.group().endswith(":"):
            s = s[reporting.end() :].strip()  # 'Công văn nêu rõ: Sở Y tế chủ trì …': what it says
    names, end, s2, assign, _ = _subject(s, places=st.scope is not None or st.headed)
    if names:
        _read_subject_sentence(s, s2, names, end, assign, line, article, is_numbered, st)
        return
    if _of_itself_re().match(s):
        return  # 'Quyết định này thay thế …', '… có hiệu lực …': the document speaks of itself
    assignees = _carried_assignees(s, s2, listed, assign, is_numbered, st)
    if assignees is None or ((_time_only(s) or not opens_point) and _completes(st.out, s, assignees)):
        return
    st.emit(s, assignees, line)


def _read_subject_sentence(
    s: str,
    s2: str,
    names: list[str],
    end: int,
    assign: bool,
    line: int,
    article: bool,
    is_numbered: bool,
    st: _Discourse,
) -> None:
    """A sentence with its own subject (`s2[:end]`): assigned when a scope, a lead word, a duty or
    a numbered item says so, and not to everyone; its clauses after ';' may name subjects too."""
    subject_text = s2[:end]
    after = s2[end:]
    if (aside := _LEADING_ASIDE_RE.match(after)) and _inert(aside.group()):
        after = " " * aside.end() + after[aside.end() :]  # '… Huyện ủy (cơ quan thường trực) chủ trì, …'
    if not _LETTER_RE.search(after):
        # a name and nothing it does: a listed position ('1. Ủy viên Ban Chấp hành Đảng bộ tỉnh.'),
        # or, numbered, whose points follow ('1. Ban Tuyên giáo Tỉnh ủy.' / '- Chủ trì, …')
        if is_numbered:
            st.header_subject = names
        return
    duty = _states_duty(after, article)
    numbered_item = (
        is_numbered
        and st.item is None
        and not bd.is_generic(subject_text)
        # a kind of document whose points each assign, or a point with a time to do it by ('…,
        # hoàn thành trong quý II năm 2025'; a target's 'đến năm 2025 đạt …' is no such time) or
        # that it goes on ('…, thường xuyên.')
        and (
            st.numbered_items
            or _due(after, st.issued)
            or _STANDING_RE.search(after) is not None
            or find_recurrence(after) is not None
        )
    )
    # what a reported document asks of a body, with a time to do it by ('Theo Kế hoạch, …' / 'Các
    # đảng ủy xã, phường … xây dựng chương trình … trước ngày 30/9/2025')
    reported = st.reporting and _due(after, st.issued)
    if st.scope is None and not assign and not duty and not numbered_item and not reported:
        if is_numbered and st.item is None and not bd.is_generic(subject_text):
            role, partners, _ = _roles(after)
            st.untimed = (s, _with_partners(names, role, partners), line)
        return
    if (st.scope is None and bd.is_generic(subject_text)) or (
        st.scope == "addressing" and _everyone(subject_text) and not _everyone_assigned(after, st)
    ):
        return
    if _appeal_re().match(lower_vn(after)):
        return  # 'Ban Chấp hành Đảng bộ tỉnh kêu gọi toàn thể cán bộ …': an appeal, no task
    if st.scope != "heading" and not assign and not duty and _appeal_re("statement").match(lower_vn(after)):
        return  # 'Trường Cao đẳng Y tế là trường chất lượng cao': what it is, outside the tasks' part
    if bd.units_only(names) and not assign and not duty and _assessed(after, st.issued):
        return  # 'Các xã, thị trấn đã triển khai …', '… vận hành cơ bản thông suốt': how places are
    role, partners, rend = _roles(after)
    assignees = _with_partners(names, role, partners)
    st.begin_item(assignees, names)
    clauses = after[rend:].split(
        ";"
    )  # a semicolon between the roles ('X chủ trì; Y phối hợp …') ends no clause
    clauses[0] = after[:rend] + clauses[0]
    head = s if len(clauses) == 1 else s[: len(s) - len(s2) + end] + clauses[0]
    st.emit(head, assignees, line)
    _read_later_clauses(clauses[1:], assignees, line, st)


def _read_later_clauses(
    clauses: list[str], assignees: list[tuple[str, str]], line: int, st: _Discourse
) -> None:
    """Later clauses of a sentence: a subject of their own, or the same assignees (clauses
    without a subject in a row make one obligation)."""
    rest_clauses: list[str] = []
    for clause in clauses:
        c = clause.strip()
        if not c:
            continue  # '… theo dõi, tổng hợp;' at the end of a line: nothing after the semicolon
        if _condition_re().match(lower_vn(c)):
            if rest_clauses:
                st.emit("; ".join(rest_clauses), assignees, line)
                rest_clauses = []
            continue  # '…; nếu có khó khăn, vướng mắc báo cáo …': the closing, and only it
        if not rest_clauses and _time_only(c) and _completes(st.out, c, assignees, "; "):
            continue
        cnames, cend = bd.parse_subject(c)
        if cnames and cend < len(c) and (st.scope or not bd.is_generic(c[:cend])):
            if rest_clauses:
                st.emit("; ".join(rest_clauses), assignees, line)
                rest_clauses = []
            crole, cpartners, _ = _roles(c[cend:])
            assignees = _with_partners(cnames, crole, cpartners)
            st.begin_item(assignees, cnames)
            st.emit(c, assignees, line)
        else:
            rest_clauses.append(c)
    if rest_clauses:
        st.emit("; ".join(rest_clauses), assignees, line)


def _carried_assignees(
    s: str, s2: str, listed: bool, assign: bool, is_numbered: bool, st: _Discourse
) -> list[tuple[str, str]] | None:
    """The assignees of a sentence without a subject of its own, from the discourse (`listed`: a
    colon comes before it in its paragraph); None when it assigns nothing."""
    if _ROLE_START_RE.match(lower_vn(s2)):
        subject = (
            st.item_names if st.item_names and not st.header_subject else (st.header_subject or st.asked)
        )
        role, partners, _ = _roles(" " + s2)
        # "Chủ trì …" under an item's header assigns as "Sở X chủ trì …" would, in any part
        if not subject or not (st.scope or assign or (role == "chu_tri" and st.header_subject)):
            return None
        assignees = _with_partners(subject, role, partners)
        st.begin_item(assignees, subject)
        return assignees
    if st.item is not None and (st.scope or assign or find_deadlines(s)):
        # The item's subject goes on: with its roles through a list after a colon or a
        # requirement on the same task ("Yêu cầu hoàn thiện … trước ngày …"); a new task
        # in a new sentence is the subject's own ("Hằng năm, tham mưu báo cáo …").
        return st.item if (listed or assign) else [(n, "thuc_hien") for n in st.item_names]
    if st.header_subject or st.asked:
        if roles := st.header_assignees():
            return roles  # the roles a header states hold in any part: 'X chủ trì' assigns anywhere
        if not (st.scope or assign or (st.header_subject and (st.article_header or st.headed))):
            return None
        return [(n, "thuc_hien") for n in (st.header_subject or st.asked or [])]
    if st.previous is not None and not is_numbered and find_deadlines(s):
        return st.previous  # "Thời gian hoàn thành …, chậm nhất ngày 14/5/2021": the task before
    return None


# -- appendix tables ------------------------------------------------------------------------

_GROUP_RE = re.compile(r"^\s*(?P<num>[IVXL]+)\s*[-.–)]?\s*(?P<name>.+?)\s*$")


@dataclass
class _Columns:
    content: int | None = None
    body: int | None = None
    deadline: int | None = None
    level: dict | None = None  # column index -> issuing body
    corrections: tuple[Correction, ...] = ()  # header words read as the table's
    partner: int | None = None
    product: int | None = None
    numbered: bool = True  # a "TT" column numbers the tasks; without it each row is one


@cache
def _header_words() -> tuple[Vocabulary, dict[str, str]]:
    """The header words of obligations.toml [table], each with the kind of column it names."""
    kinds = {
        w: kind
        for kind in ("content", "body", "partner", "deadline", "product")
        for w in _table()["table"].get(kind, [])
    }
    return Vocabulary(kinds), kinds


def _header_columns(cells: list[str], sub: list[str] | None) -> _Columns | None:
    low = [lower_vn(c) for c in cells]
    numbered = any(c in ("tt", "stt") for c in low[:1])
    levels: dict[int, str] = {}  # column index -> issuing body
    col = _Columns(level=levels, numbered=numbered)
    words, kinds = _header_words()
    named = 0
    for i, c in enumerate(cells):
        found = {kinds[w] for _, _, w in words.spans(c)}
        if not found or len(c) > 60:
            continue
        named += 1
        col.corrections += words.read(c)[1]
        if "content" in found:
            col.content = col.content if col.content is not None else i
        elif "body" in found:
            col.body = i
        elif "partner" in found:
            col.partner = i
        elif "deadline" in found:
            col.deadline = i
        elif "product" in found:
            col.product = i
    if not numbered and (named < 2 or col.body is None):
        return None  # without "TT", a header names the task and who leads it
    if sub:
        for i, c in enumerate(sub):
            lc = lower_vn(c)
            if lc in ("tỉnh ủy", "btv tỉnh ủy", "ban thường vụ tỉnh ủy", "ban thường vụ"):
                levels[i] = "Ban Thường vụ Tỉnh ủy" if ("btv" in lc or "thường vụ" in lc) else "Tỉnh ủy"
    return col if col.content is not None else None


def _cell(cells: list[str], i: int | None) -> str | None:
    return cells[i] if i is not None and i < len(cells) and cells[i] else None


@dataclass
class _TableReading:
    """Where the reading of an appendix table stands: its columns, the group row's body and the
    section row's issuing level that govern the rows under them, the task row still open (a row
    can go on after a page break), and the corrections not yet given to an obligation."""

    out: list[ObligationRecord] = field(default_factory=list)
    pending: list[dict] = field(default_factory=list)
    cols: _Columns | None = None
    group_body: str | None = None
    section_level: str | None = None
    current: dict | None = None

    def flush(self) -> None:
        """Close the open task row: its obligation goes to `out`."""
        c, self.current = self.current, None
        if c is not None:
            _close_row(c, self)

    def take_header(self, header: _Columns, line: int) -> None:
        if self.cols is None:  # a repeated header after a page break keeps the open row open
            self.flush()
        if self.cols is None or header.content is not None:
            self.cols = (
                header
                if (self.cols is None or header.level or not self.cols.level)
                else _Columns(header.content, header.body, header.deadline, self.cols.level)
            )
        self.pending.extend(f.issue(line) for f in header.corrections)


def table_obligations(rows: list[Line]) -> list[ObligationRecord]:
    """Obligations from the tab-separated rows of a document's appendix.

    A misspelled header word or body name is read as the tables spell it; each reading goes once,
    as {"line", "kind", "message"}, to the "corrections" of the next obligation (the caller turns
    them into Issues: `Issue(file, **c)`).
    """
    st = _TableReading()
    for idx, r in enumerate(rows):
        cells = [x.strip() for x in r.text.split("\t")]
        nxt = [x.strip() for x in rows[idx + 1].text.split("\t")] if idx + 1 < len(rows) else None
        header = _header_columns(cells, nxt)
        if header:
            st.take_header(header, r.line)
        elif st.cols is not None:
            _read_row(cells, r.line, st.cols, st)
    st.flush()
    if st.pending and st.out:
        st.out[-1] = replace(st.out[-1], corrections=(*st.out[-1].corrections, *st.pending))
    return st.out


def _read_row(cells: list[str], line: int, cols: _Columns, st: _TableReading) -> None:
    """One row under a header: a section or group row, a new task (numbered, or any row with
    content in a table without a "TT" column), or more of the open task's content."""
    nonempty = [(i, c) for i, c in enumerate(cells) if c]
    if not nonempty:
        return
    if all(lower_vn(c) in ("tỉnh ủy", "btv tỉnh ủy", "ban thường vụ tỉnh ủy") for _, c in nonempty):
        return  # the second header row, repeated after a page break
    first = cells[0] if cells else ""
    if _reads_group_row(nonempty, first, line, st):
        return
    content = cells[cols.content] if cols.content is not None and cols.content < len(cells) else ""
    if _ROW_NUMBER_RE.match(first) or (not cols.numbered and content):
        st.flush()
        st.current = _open_row(cells, cols, content, line)
    elif st.current is not None and content:
        st.current["content"] += " " + content  # a row continued after a page break


def _reads_group_row(nonempty: list[tuple[int, str]], first: str, line: int, st: _TableReading) -> bool:
    """Section rows ("I | Tỉnh ủy ban hành") set the issuing level, group rows ("II- BAN TUYÊN
    GIÁO TỈNH ỦY") the body of the rows under them. True when the row is one of them."""
    if not (
        len(nonempty) <= 2
        and (
            not first
            or _ROMAN_LABEL_RE.fullmatch(first)
            or (_GROUP_RE.match(first) and not first[:1].isdigit())
        )
    ):
        return False
    label = " ".join(c for _, c in nonempty)
    gm = _GROUP_RE.match(label)
    if not gm or _DIGIT_START_RE.match(label):
        return False
    st.flush()
    name = gm.group("name")
    if _BAN_HANH_WORD_RE.search(lower_vn(name)):
        st.section_level = "Ban Thường vụ Tỉnh ủy" if "thường vụ" in lower_vn(name) else "Tỉnh ủy"
        st.group_body = None
    else:
        st.group_body, fixes = bd.read_name(name)
        st.pending.extend(f.issue(line) for f in fixes)
    return True


def _open_row(cells: list[str], cols: _Columns, content: str, line: int) -> dict:
    """The cells of a new task row; an X under a level column ('Tỉnh ủy', 'BTV Tỉnh ủy') gives
    the level that issues its product."""
    level = next(
        (lv for i, lv in (cols.level or {}).items() if i < len(cells) and cells[i].upper() == "X"), None
    )
    return {
        "content": content,
        "line": line,
        "body": cells[cols.body]
        if cols.body is not None and cols.body < len(cells) and cells[cols.body]
        else None,
        "deadline": cells[cols.deadline]
        if cols.deadline is not None and cols.deadline < len(cells)
        else None,
        "level": level,
        "partner": _cell(cells, cols.partner),
        "product": _cell(cells, cols.product),
    }


_ROLE_START_RE = re.compile(
    r"^(?:chủ trì|phối hợp|(?:là|làm)\s+(?:cơ quan\s+)?(?:thường trực|đầu mối)\s*,\s*chủ trì)"
)
_ROW_NUMBER_RE = re.compile(r"^\d+\.?$")
_ROMAN_LABEL_RE = re.compile(r"[IVXL]+[.\-–)]?")
_DIGIT_START_RE = re.compile(r"^\d")
_BAN_HANH_WORD_RE = re.compile(r"\bban hành\b")
_BAN_HANH_RE = re.compile(r"\bban hành\s+", re.IGNORECASE)
_CUA_TINH_UY_RE = re.compile(r"(?:của)\s+(Ban Thường vụ Tỉnh ủy|Tỉnh ủy)\b\s*")


def _close_row(c: dict, st: _TableReading) -> None:
    """The obligation of a finished task row, when it has content and a lead body (its own or
    its group's); corrections pending go with it."""
    content = _BLANKS_RE.sub(" ", c["content"]).strip()
    if not content:
        return
    made, level = _row_product(content)
    level = c["level"] or level or st.section_level
    lead = c["body"] or st.group_body
    if not lead:
        return
    assignees = _row_assignees(c, content, lead, st.pending)
    if made is None and c.get("product"):
        made = _product_cell(c["product"], content)
    deadlines = cell_deadlines(c["deadline"] or "") or find_deadlines(content)
    base = ObligationRecord(
        text=content,
        assignees=_assignments(assignees),
        deadline=None,
        recurring=find_recurrence(content) or find_recurrence(c["deadline"] or ""),
        produces=made,
        produces_level=level,
        kind="table",
        evidence=_at(c["line"]),
        deadline_text=(c["deadline"] or "").strip() or None,
        corrections=tuple(st.pending),
    )
    st.pending.clear()
    if deadlines:
        st.out.extend(
            replace(base, deadline=d.as_dict() | {"text": (c["deadline"] or d.text).strip()})
            for d in deadlines[:1]
        )
    else:
        text = (c["deadline"] or "").strip()
        st.out.append(replace(base, deadline={"text": text, "start": None, "end": None} if text else None))


def _row_product(content: str) -> tuple[dict | None, str | None]:
    """(the document a task produces, the level that issues it) from the task's words: 'Xây dựng
    Kế hoạch …' or a cell that opens with a type ('Chương trình hành động của Tỉnh ủy …')."""
    # a cell that opens with a type names the document, whatever its title says it is about
    # ('Kế hoạch thực hiện Kết luận … về hướng dẫn xây dựng phương án nhân sự' is a Kế hoạch)
    tm = _type_cell_re().match(content)
    dtype = tables.type_names().get(_fold(tm.group("type"))) if tm else None
    if tm and dtype:
        title = tm.group("rest").strip(" .") or None
        level = None
        lm = _CUA_TINH_UY_RE.match(title) if title else None
        if title and lm:
            level = "Ban Thường vụ Tỉnh ủy" if "thường vụ" in lower_vn(lm.group(1)) else "Tỉnh ủy"
            title = title[lm.end() :] or None
        return {"type": dtype, "title": title}, level
    return produces(content) if not _ROLE_START_RE.match(lower_vn(content)) else (None, None)


def _named_roles(value: str, role: str) -> list[tuple[str, str]]:
    """The bodies a cell or a field's value names, each with its role. A list of names alone gets
    `role`. Groups of names with their roles, one to a semicolon, are read as a sentence's subject
    and roles are ('Sở Văn hóa, Thể thao và Du lịch chủ trì; Sở Khoa học và Công nghệ phối hợp',
    'Văn phòng UBND tỉnh (chủ trì), Sở Tài chính (phối hợp)', 'Sở Nội vụ chủ trì, phối hợp với
    Trường Chính trị tỉnh'); a group without a role after a lead's is its partners. Role words that
    say no role ('Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh') are a name's: a list."""
    listed = [(n, role) for n in bd.split_bodies(value)]
    if not _ROLE_IN_RE.search(lower_vn(value)):
        return listed
    out: list[tuple[str, str]] = []
    led = False
    for group in value.split(";"):
        read = _group_roles(group)
        if read is None:
            return listed
        names, said, partners = read
        if said == "thuc_hien":
            said = "phoi_hop" if led else role
        led = led or said == "chu_tri"
        out += _with_partners(names, said, partners)
    return out


def _group_roles(group: str) -> tuple[list[str], str, list[str]] | None:
    """(names, role, partners) of names said with their roles and nothing else ('Sở Y tế chủ trì,
    phối hợp với Sở Tài chính', 'Sở Nội vụ (chủ trì), Công an tỉnh'), or None."""
    opened = _role_asides_opened(group) + " "  # a role closing the group: 'Sở Tài chính phối hợp'
    names, end = bd.parse_subject(opened)
    if not names:
        return None
    end = len(opened[:end].rstrip())
    said, partners, rend = _roles(opened[end:])
    tail = opened[end + rend :]
    if pm := _PARTNER_FIRST_RE.match(tail.lower()):
        tail = tail[pm.end() :]  # the partners' own role: 'X chủ trì, Y phối hợp'
    tail = tail.lstrip(" ,.")
    more, mend = bd.parse_subject(tail) if _LETTER_RE.search(tail) else ([], 0)
    if _LETTER_RE.search(tail[mend:]) or (more and said != "chu_tri"):
        return None
    return names, said, [*partners, *more]


def _row_assignees(c: dict, content: str, lead: str, pending: list[dict]) -> list[tuple[str, str]]:
    """The lead bodies of a row (chu_tri, unless the cell says their roles), then its partners:
    from 'phối hợp với …' in the task's words and from a partner column."""
    assignees = []
    for n, role in _named_roles(lead, "chu_tri"):
        name, fixes = bd.read_name(n)
        assignees.append((name, role))
        pending.extend(f.issue(c["line"]) for f in fixes)
    partners = _roles(" " + content)[1] if _ROLE_START_RE.match(lower_vn(content)) else []
    if c.get("partner"):
        partners = [*partners, *(bd.read_name(n)[0] for n in bd.split_bodies(c["partner"]))]
    assignees += [(n, "phoi_hop") for n in partners if all(n != a for a, _ in assignees)]
    return assignees


@cache
def _type_cell_re() -> re.Pattern[str]:
    """A cell that opens with a type word, and the rest of it."""
    return re.compile(rf"^(?P<type>{type_alt()})\b\s*(?P<rest>.*)$", re.IGNORECASE)


@cache
def _type_word_re() -> re.Pattern[str]:
    return re.compile(rf"^(?P<type>{type_alt()})\b", re.IGNORECASE)


def _product_cell(product: str, content: str) -> dict | None:
    """A product column that names a type ('Kế hoạch'): the task's words are its subject."""
    tm = _type_word_re().match(product)
    t = tables.type_names().get(_fold(tm.group("type"))) if tm else None
    return {"type": t, "title": content} if t else None


def document_obligations(
    clean: list[str], td: TextDocument, file: str, issues: list[Issue], paras: Paragraphs | None = None
) -> list[ObligationRecord]:
    """Obligations of one document, each with its evidence; words read as the vocabulary's despite
    a typo go to `issues` as fuzzy corrections. `paras`: the file's paragraphs, if remembered."""
    read = partial(paras if paras is not None else Paragraphs(clean), tables=False)
    first, last = td.header_end + 1, td.last_line
    sec = implementing_section(clean, first, last)
    found: list[ObligationRecord] = []
    text_lines = [i for i in range(first, last + 1) if "\t" not in clean[i]]
    if sec:
        found += section_obligations(read(sec[0], sec[1]), sec[2], td.type, td.date)
        before = sec[0] - 1 - (sec[2] == "heading")
        tasks = _plans_tasks_part(clean, td.type, first, before) if sec[2] == "heading" else None
        if tasks is None:
            found += section_obligations(read(first, before), None, td.type, td.date)
        else:
            found += section_obligations(read(first, tasks - 1), None, td.type, td.date)
            found += section_obligations(
                read(tasks, before), None, td.type, td.date, points=True, headed=True
            )
    elif text_lines:
        # a plan of points alone, no part, heading or lead line: each point whose subject is a body is its task
        found += section_obligations(read(first, last), None, td.type, td.date, points=td.type in _PLAN_TYPES)
    rows = [Line(clean[i], i) for i in range(first, last + 1) if "\t" in clean[i]]
    if rows:
        found += table_obligations(rows)
    out = []
    for o in _days_before_issue_dropped(_past_times_dropped(found, td.date), td.date):
        # "trước ngày 25/7", in a sentence or a time column: the day after the document's date
        cell = o.deadline_text if o.deadline and not o.deadline["end"] and not o.recurring else None
        if (o.deadline is None or cell) and td.date:
            dated = (None if cell else from_issue(o.text, td.date)) or dated_after(cell or o.text, td.date)
            deadline = (dated.as_dict() | ({"text": cell} if cell else {})) if dated else o.deadline
            out.append(_placed(o, file, issues, document=td.index, deadline=deadline))
        else:
            out.append(_placed(o, file, issues, document=td.index))
    return out


_PLAN_TYPES = ("Kế hoạch", "Chương trình", "Chương trình hành động")


def _plans_tasks_part(clean: list[str], doc_type: str | None, first: int, last: int) -> int | None:
    """The first line of a plan's part of tasks ('II. NHIỆM VỤ, GIẢI PHÁP') before its implementing
    part: each point there whose subject is a body is that body's task, and so is each point under
    a body's header ('1. Văn phòng Sở:' / '- Theo dõi …'), as in a plan without an implementing
    part. A resolution's tasks and solutions are its policy, no one's task."""
    if doc_type not in _PLAN_TYPES:
        return None
    return _first_tasks_heading(clean, first, last)


def _first_tasks_heading(clean: list[str], first: int, last: int) -> int | None:
    """The line after the first heading of a part of tasks in first..last, if any."""
    after_part = False
    for i in range(first, last + 1):
        line = clean[i].strip()
        if not line:
            continue
        if _tasks_heading(line, after_part):
            return i + 1
        after_part = _bare_part_re().match(line) is not None
    return None


def _days_before_issue_dropped(found: list[ObligationRecord], issued: str | None) -> list[ObligationRecord]:
    """A day before the document's own in a sentence ('giải quyết hồ sơ tiếp nhận trước ngày
    01/7/2025', dated 10/10/2025) qualifies what the task is about: no time the task can be done by.
    A table's time column keeps its days (a programme lists the texts it has already issued)."""
    if not issued or len(issued) != 10:
        return found
    return [
        replace(o, deadline=None)
        if o.kind != "table"
        and o.deadline
        and o.deadline["start"] is None
        and (o.deadline["end"] or issued) < issued
        else o
        for o in found
    ]


def _past_times_dropped(found: list[ObligationRecord], issued: str | None) -> list[ObligationRecord]:
    """Without the obligations whose time ended before the document was issued while the same
    task has a later one: that time is the period a report is about ('báo cáo kết quả công tác
    tháng 10/2025 … trước ngày 10/11/2025', dated 03/11/2025), not a second task."""
    if not issued or len(issued) != 10:
        return found

    def past(o: ObligationRecord) -> bool:
        return bool(o.deadline and o.deadline["end"] and o.deadline["end"] < issued)

    later = {(o.evidence.line, o.text) for o in found if o.deadline and o.deadline["end"] and not past(o)}
    return [o for o in found if not (past(o) and (o.evidence.line, o.text) in later)]


def _placed(o: ObligationRecord, file: str, issues: list[Issue], **fields: Any) -> ObligationRecord:
    """The obligation with its evidence in `file` (and `fields` set); its corrections go to
    `issues`."""
    issues.extend(Issue(file, **c) for c in o.corrections)
    return replace(
        o, evidence=replace(o.evidence, file=file, quote=quote(o.text, 0)), corrections=(), **fields
    )


def announced(clean: list[str], citations: list) -> int | None:
    """The citation a page announces as issued ("… ban hành Kế hoạch số 42/KH-UBND về …"), by index."""
    for i, c in enumerate(citations):
        if (
            c.symbol
            and c.evidence.line < len(clean)
            and _BAN_HANH_RE.search(clean[c.evidence.line])  # what the pattern below opens with
            and re.search(
                rf"\bban hành\s+(?:{type_alt()})\s+(?:số\s*)?{re.escape(c.symbol)}",
                clean[c.evidence.line],
                re.IGNORECASE,
            )
        ):
            return i
    return None


def relayed_obligations(
    clean: list[str], relayed: int, file: str, issues: list[Issue], paras: Paragraphs | None = None
) -> list[ObligationRecord]:
    """Tasks a page relays from a document whose text it does not hold: a portal notice that "Ủy ban
    nhân dân huyện ban hành Kế hoạch số 42/KH-UBND …" and then asks "đề nghị các phòng chuyên môn …"
    gives the tasks to the plan. Each carries `cited` (the citation's index), not `document`."""
    read = partial(paras if paras is not None else Paragraphs(clean), tables=False)
    return [
        _placed(o, file, issues, cited=relayed)
        for o in section_obligations(read(1, len(clean) - 1), None, None)
    ]
