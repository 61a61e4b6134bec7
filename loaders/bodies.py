"""Bodies named in a text: who a sentence's subject is, lists split, names made canonical.

"Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch" has three bodies as its
subject; "Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh" has two, both of the province.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from vbgraph.loaders import signals
from vbgraph.loaders.memo import CACHED_LEN, text_cache
from vbgraph.loaders.normalize import lower_vn, modern_tones
from vbgraph.loaders.patterns import UPPER, opens_with
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import Correction, fold, fold_aligned


def _head_cac(piece: str) -> tuple[str, str] | None:
    """("Ban Thường vụ", "huyện ủy …") of "Ban Thường vụ các huyện ủy …": the words before the first
    "các" and after it; None without one (or with nothing before it)."""
    if "\n" in piece:
        return None
    m = next((m for m in _CAC_RE.finditer(piece) if m.start() >= 1), None)
    return (piece[: m.start()], piece[m.end() :]) if m else None


@cache
def _table() -> dict:
    return tables.load("obligations.toml")


@cache
def _heads() -> list[str]:
    heads = [*_table()["bodies"]["heads"], *_table()["bodies"]["staff"]]
    return sorted({lower_vn(h) for h in heads}, key=len, reverse=True)


@cache
def _predicates_re() -> re.Pattern:
    """A predicate word, with the prefix that makes one predicate of it ('tổng rà soát')."""
    words = sorted({lower_vn(w) for w in _table()["bodies"]["predicates"]}, key=len, reverse=True)
    prefixes = sorted({lower_vn(w) for w in _table()["bodies"]["predicate_prefixes"]}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    pre = "|".join(re.escape(w) for w in prefixes)
    return re.compile(opens_with([*words, *prefixes]) + rf"(?<![\w])(?:(?:{pre})\s+)?(?:{alt})(?![\w])")


def predicate_at(low: str) -> int | None:
    """Where the predicate word that opens the lowercase `low` ends ('báo cáo' of 'báo cáo UBND
    tỉnh'), or None when it opens with none."""
    m = _predicates_re().match(low.lstrip())
    return m.end() + len(low) - len(low.lstrip()) if m else None


def predicate_in(low: str) -> bool:
    """Does the lowercase `low` hold a predicate word of the tables ('xây dựng', 'tham mưu')?"""
    return _predicates_re().search(low) is not None


@cache
def _protected() -> list[str]:
    """The protected phrases, and every name of the bodies' vocabulary that holds a comma or a
    conjunction ("Văn hóa, Thể thao và Du lịch"): one name, never a list."""
    names = tables.load("bodies.toml")["vocabulary"]["names"]
    joined = [n for n in names if "," in n or " và " in n or " - " in n]
    # a body of the tables named with a comma: 'Ban Chính sách, chiến lược Trung ương'
    bodies = [a for b in tables.bodies() for a in (b.name, *b.aliases) if "," in a]
    return sorted(
        {lower_vn(w) for w in [*_table()["bodies"]["protected"], *joined, *bodies]}, key=len, reverse=True
    )


# A comma between the words of a name may be written as a dash: "Văn hóa - Thông tin, Thể thao và
# Du lịch". Not the other way: "Tài chính, Kế hoạch và Đầu tư" lists two departments.
_NAME_SEP_RE = re.compile(r"\s*,\s*")


@cache
def _protected_re() -> re.Pattern:
    alt = "|".join(r"\s*[,\-–]\s*".join(map(re.escape, _NAME_SEP_RE.split(p))) for p in _protected())
    return re.compile(opens_with(_protected()) + r"(?<![\w])(?:" + alt + r")(?![\w])")


def _mask(low: str) -> str:
    """Hide protected phrases (so 'cơ quan tham mưu, giúp việc' is not cut at 'tham mưu')."""
    return _protected_re().sub(lambda m: "_" * len(m.group(0)), low)


_PLURAL_RE = re.compile(r"^(?:các|những|toàn thể)\s+")
_PLURAL_CI_RE = re.compile(r"^(?:các|những|toàn thể)\s+", re.IGNORECASE)
_CAC_CI_RE = re.compile(r"^(?:các|những)\s+", re.IGNORECASE)
_CAC_OPENS_RE = re.compile(r"(?:các|những)\s", re.IGNORECASE)
_LIST_END_RE = re.compile(r"[,;:]\s*$")
# An organ's names listed after a colon, up to a comma: "Giám đốc các Sở: Nội vụ, Tài chính, "
_ORGANS_LISTED_RE = re.compile(
    rf"(?<!\w)(?:Sở|Ban|Phòng|Bộ|Cục|sở|ban|phòng|bộ|cục)\s*:\s*(?:[{UPPER}][^,;:.]*,\s*)+$"
)
_TO_CHUC_BODY_RE = re.compile(r"tổ chức\s+(?:chính trị|đảng|cơ sở đảng|công đoàn|đoàn)\b")
_PLURAL_BEFORE_RE = re.compile(r"(?<!\w)(?:các|những)\s+$")  # "các tổ chức": organisations
_AND_PERSONS_RE = re.compile(r"\s*(?:,|và)\s*cá nhân\b")  # "tổ chức, cá nhân"
_LIST_SEP_RE = re.compile(r"[,;]")
_CAC_CAP_RE = re.compile(r"\s*các cấp")
_CAC_CAP_END_RE = re.compile(r"\s+các cấp$")
# "các" between a head and its kinds; a match starts only where a run of whitespace starts, so a
# long run costs one pass, not one per space ("^(.+?)\s+các\s+(.+)$" was quadratic in it)
_CAC_RE = re.compile(r"(?<!\s)\s+các\s+(?=.)")
_DIGIT_RE = re.compile(r"\d")
_BLANKS_RE = re.compile(r"\s+")
_ROLE_LIST_RE = re.compile(
    r"^(người đứng đầu|bí thư|thủ trưởng|lãnh đạo chủ chốt|ban thường vụ|thường trực)\s+các\s+(.+)$|"
    r"^(người đứng đầu|bí thư|thủ trưởng|lãnh đạo chủ chốt)\s+(.+)$",
    re.IGNORECASE,
)
_ROLE_RE = re.compile(r"^(người đứng đầu|bí thư|thủ trưởng|lãnh đạo chủ chốt)\s+(.+)$", re.IGNORECASE)
_TINH_END_RE = re.compile(r"\stỉnh$")


@cache
def _honorific_res(*, lowered: bool) -> tuple[re.Pattern, ...]:
    """'đồng chí …' opening an item, longest first: on lowered text, or on text as written."""
    # "các đồng chí có tên tại Điều 1" keeps its honorific: the persons an article names
    if lowered:
        words = sorted({lower_vn(x) for x in _table()["bodies"]["honorifics"]}, key=len, reverse=True)
        return tuple(re.compile(r"^" + re.escape(h) + r"\s+(?!có tên)") for h in words)
    words = sorted(_table()["bodies"]["honorifics"], key=len, reverse=True)
    return tuple(re.compile(r"^" + re.escape(h) + r"\s+(?!có tên)", re.IGNORECASE) for h in words)


@cache
def _honorific_words() -> frozenset[str]:
    return frozenset(_PLURAL_RE.sub("", lower_vn(h)) for h in _table()["bodies"]["honorifics"])


@cache
def _person_re(*, opening: bool = False) -> re.Pattern:
    """'ông ', 'bà ' in lower case before a capitalised name: a person ([bodies] persons), as
    written, so that 'Bà Rịa - Vũng Tàu' stays a place; `opening`: capitalised too, as a sentence
    opens ('Ông Chánh Văn phòng …'), to be dropped only before a head."""
    words = _table()["bodies"]["persons"]
    if opening:
        words = [w[:1].upper() + w[1:] for w in words]
    return re.compile(rf"^(?:{'|'.join(re.escape(w) for w in words)})\s+(?=[{UPPER}])")


def _named_person(name: str, subject: str) -> bool:
    """'Nguyễn Văn A' of '… và đồng chí Nguyễn Văn A' or '… và ông Nguyễn Văn A': a person named
    with an honorific, no body; left out of a subject's bodies rather than costing it all of them."""
    if _head_of(name) is not None or not all(w[:1].isupper() for w in name.split()):
        return False
    low, person = lower_vn(subject), lower_vn(name)
    return any(f"{h} {person}" in low for h in _honorific_words()) or any(
        f"{w} {name}" in subject for w in _table()["bodies"]["persons"]
    )


@cache
def _head_set() -> tuple[frozenset[str], tuple[str, ...]]:
    """The heads, and each with the space after it: `low` opens with a head when it is one or
    starts with one and a space."""
    return frozenset(_heads()), tuple(h + " " for h in _heads())


@cache
def _not_heads() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [lower_vn(w) for w in _table()["bodies"]["not_heads"]]
    return frozenset(words), tuple(w + " " for w in words)


def _is_or_opens(low: str, words: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    """`low` is one of the words, or opens with one and a space (one set test, one startswith)."""
    whole, spaced = words
    return low in whole or low.startswith(spaced)


@lru_cache(maxsize=1 << 14)
def starts_with_head(item: str) -> bool:
    """Does `item` open with a body's head word ('các sở', 'đồng chí Bí thư')? Pure: cached, since
    list items recur."""
    low = _PLURAL_RE.sub("", lower_vn(item))
    for rx in _honorific_res(lowered=True):
        low = rx.sub("", low)
    if (m := _person_re(opening=True).match(item)) and starts_with_head(item[m.end() :]):
        return True  # 'Ông Chánh Văn phòng UBND tỉnh': an office said of its holder
    if _is_or_opens(low, _not_heads()):
        return False
    return (
        _is_or_opens(low, _head_set())
        or _unit_head(lower_vn(item), item) is not None
        or _unit_committee_res()[0].match(low) is not None  # 'thị đoàn', 'xã đội': a place's committee
    )


def subject_end(text: str) -> int:
    """Where the subject of `text` ends: at the first predicate word outside a body's name, or
    after a unit's word that a verb the tables lack follows ('Công an huyện thu hồi …')."""
    low_text = lower_vn(text)
    plain = low_text if len(low_text) == len(text) else text.lower()
    low = _mask(plain)
    end = _predicate_end(text, plain, low)
    times = _times_re().search(plain, 0, end) if _DIGIT_RE.search(text, 0, end) else None
    if times is not None:
        end = times.start()  # 'Sở Y tế 02 lần/năm tổ chức …': how often, no part of the name
    for unit in _UNIT_THEN_VERB_RE.finditer(low, 0, end):
        if text[unit.end() : unit.end() + 1].islower() and not _refers_back(plain, unit.end("unit")):
            return unit.end("unit")  # 'huyện thu hồi', not 'huyện Lục Nam' nor 'thành phố nêu trên'
    closed = _closed_name_end(text, plain, end)
    if closed is not None:
        return closed
    if end > 0 and any(o in plain for o in _named_office_words()):
        offices, go_on = _named_office_res()
        for office in offices.finditer(fold_aligned(plain)):  # (a name may end where the subject does)
            if office.end() > end:
                break
            # 'Phòng Tài chính - Kế hoạch thanh toán …': a word no name goes on with
            at = office.end() + 1
            if text[at : at + 1].islower() and not go_on.match(plain, at):
                return office.end()
    return end


_RELATED_RE = re.compile(r"(?<=\w )(?:có )?liên quan (?=\w)")
# A unit's number closing a name ('Quân khu 9', 'Đồn Biên phòng 5'), a word in lower case after it.
_NUMBERED_NAME_RE = re.compile(rf"(?<!\w)[{UPPER}][^\W\d_]*(?: [^\W\d_]+)? (?P<n>\d{{1,3}})(?= [a-zà-ỹđ])")
_LEVELS_RE = re.compile(r"(?<=\w )các cấp(?= (?!ủy(?!\w))\w)")  # not 'các cấp ủy'


def _closed_name_end(text: str, plain: str, end: int) -> int | None:
    """Where a name closed by a unit's place name ('Công an huyện Ba Tri'), by 'các cấp' or by 'có
    liên quan' ends, when a word in lower case follows that no name goes on with: a verb the predicates lack
    ('… quản lý vùng biển', '… cắm mốc giới'); see `closed_go_on` in ontology/obligations.toml."""
    go_on = _closed_go_on_re()
    for m in _PLACE_UNIT_RE.finditer(text, 0, end):
        names, last = _place_names(text, m.end())
        pos = last + 1
        if (
            names
            and last < end
            and text[last:pos] == " "
            and text[pos : pos + 1].islower()
            and not go_on.match(plain, pos)
        ):
            return last
    for m in _NUMBERED_NAME_RE.finditer(text, 0, end):  # 'Bộ Tư lệnh Quân khu 9 tuần tra …'
        count = _count_re().match(text, m.end() - len(m.group("n")) - 1)  # 'UBND 21 phường': a count
        if count is None and not go_on.match(plain, m.end() + 1):
            return m.end()
    if "các cấp" in plain:  # 'Hội LHPN các cấp giới thiệu …': every level's, then a verb
        for m in _LEVELS_RE.finditer(plain, 0, end):
            if text[m.end() + 1 : m.end() + 2].islower() and not go_on.match(plain, m.end() + 1):
                return m.end()
    if "liên quan" in plain:
        for m in _RELATED_RE.finditer(plain, 0, end):
            if m.end() < end and text[m.end() : m.end() + 1].islower() and not go_on.match(plain, m.end()):
                return m.end() - 1
    return None


@cache
def _times_re() -> re.Pattern:
    """A count of times after a name ('02 lần/năm'), or a span then '/' or 'một lần' ('15 ngày một
    lần'; obligations.toml [bodies] times, spans): not 'Quân khu 9 tuần tra', not '30 tháng 4'."""
    t = _table()["bodies"]
    times = "|".join(re.escape(w) for w in sorted(t["times"], key=len, reverse=True))
    spans = "|".join(re.escape(w) for w in sorted(t["spans"], key=len, reverse=True))
    return re.compile(
        rf"\s\d{{1,4}}\s?(?:(?:{times})(?!\w)|(?:{spans})\s?(?:/|(?:một\s|1\s)?(?:{times})(?!\w)))"
    )


@cache
def _closed_go_on_re() -> re.Pattern:
    words = sorted((lower_vn(w) for w in _table()["bodies"]["closed_go_on"]), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(w) for w in words)})(?!\w)")


@cache
def _named_office_words() -> tuple[str, ...]:
    return tuple(_table()["bodies"]["named_offices"])


@cache
def _named_office_res() -> tuple[re.Pattern, re.Pattern]:
    """A State office named whole and a word after it, on folded text; the words that go on with a
    name, on lower-case text (folded, 'thành' would be 'thanh' of 'thanh toán'): see
    `named_offices` in ontology/obligations.toml."""

    def alt(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    names = tables.load("bodies.toml")["vocabulary"]["names"]
    lists = _lists()
    go_on = [
        *_table()["bodies"]["named_offices_go_on"],
        *lists["places"],
        *lists["qualifiers"],
        *lists["belongs"],
        *lists["kinds"],
    ]
    offices = alt(fold(w) for w in _named_office_words())
    return (
        re.compile(rf"(?<!\w)(?:{offices})\s+(?:{alt(fold(n) for n in names)})(?= [a-z])"),
        re.compile(rf"(?:{alt(lower_vn(w) for w in go_on)})(?!\w)"),
    )


# A unit's word after a name or a comma, then a word in lower case that is no part of a name: 'công
# an huyện thu hồi', 'trung tâm dịch vụ nông nghiệp huyện cung ứng', 'các xã, thị trấn lập'. Not 'huyện ủy',
# 'tỉnh đoàn', 'huyện đội', 'xã hội', 'tỉnh ủy viên', nor a list going on ('tỉnh và các sở').
_UNITS = "huyện|quận|thị xã|thành phố|tỉnh|xã|phường|thị trấn|đặc khu"  # the units' words, lower case
_PLACE_UNIT_RE = re.compile(rf"(?<!\w)(?:{_UNITS}) ", re.IGNORECASE)  # a unit's word before its name
_UNIT_THEN_VERB_RE = re.compile(
    rf"(?<=\w |, )(?P<unit>(?:tỉnh|huyện|thành|quận|thị) ủy|{_UNITS}) "
    r"(?!(?:ủy|đoàn|đội|hội|viên|và|cùng|với|các|hoặc|khóa|nhiệm kỳ|cấp|trực thuộc|có liên quan|liên quan)\b)"
    r"(?=[a-zà-ỹđ])"
)


@cache
def _office_name_re() -> re.Pattern:
    """An organ and a part of the vocabulary's names that holds a predicate word, on folded text:
    see `organs` in ontology/obligations.toml."""
    predicates = {fold(w) for w in _table()["bodies"]["predicates"]}
    parts = {fold(n) for n in tables.load("bodies.toml")["vocabulary"]["names"]}
    holding = {p for p in parts if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", p) for w in predicates)}

    def alt(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    organs = alt(fold(o) for o in _table()["bodies"]["organs"])
    after = alt([*(fold(w) for w in _lists()["places"]), "dang uy", "trung uong"])
    return re.compile(
        rf"(?<!\w)(?:{organs})\s+(?:(?:{alt(holding - predicates)})"
        rf"|(?P<verb>{alt(holding & predicates)})(?=\s+(?:cac\s+)?(?:{after})(?!\w)))(?!\w)"
    )


@cache
def _level_after_re() -> re.Pattern:
    """The level or committee after a part of a name that is all a verb, on lower-case text with its
    marks: folded, 'quán triệt' would be 'quận', 'thi đua' 'thị' ('các chi bộ khoa, phòng tổ chức
    quán triệt …': the rooms' branches organise)."""
    after = [*(lower_vn(w) for w in _lists()["places"]), "đảng ủy", "trung ương"]
    return re.compile(
        rf"\s+(?:các\s+)?(?:{'|'.join(map(re.escape, sorted(after, key=len, reverse=True)))})(?!\w)"
    )


def _office_names(plain: str, folded: str) -> Iterable[re.Match[str]]:
    """The organs named with a part of the vocabulary's names (`_office_name_re`) in `folded`, the
    folded `plain`: a part that is all a verb only when a level follows it as written."""
    for m in _office_name_re().finditer(folded):
        if m.group("verb") is None or _level_after_re().match(plain, m.end()):
            yield m


@cache
def _run_head_re() -> re.Pattern:
    """A head named by a field of work and the blank before the capitalised word that opens its
    name, on lowered text (obligations.toml [bodies] run_heads)."""
    heads = sorted({lower_vn(h) for h in _table()["bodies"]["run_heads"]}, key=len, reverse=True)
    return re.compile(rf"{opens_with(heads)}(?<!\w)(?:{'|'.join(map(re.escape, heads))}) (?=\w)")


@cache
def _committee_runs() -> tuple[tuple[str, ...], re.Pattern]:
    """(the committees named by the work they steer, followed by a blank; the verbs after which
    that work's capitalised name goes on in theirs), obligations.toml [bodies] committee_runs."""
    t = _table()["bodies"]
    verbs = "|".join(re.escape(lower_vn(v)) for v in t["committee_verbs"])
    return tuple(lower_vn(c) + " " for c in t["committee_runs"]), re.compile(rf"(?:{verbs})(?!\w)")


@cache
def _run_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(the words a name's run stops at, the vocabulary's names in lower case)."""
    stops = frozenset(lower_vn(w) for w in _table()["bodies"]["run_stops"])
    return stops, tuple(lower_vn(n) for n in tables.load("bodies.toml")["vocabulary"]["names"])


_RUN_TOKEN_RE = re.compile(r" ?(?:(?P<sep>,)|(?P<word>[^\W\d_]+))")
# A unit's word closing a name, not a committee's ('huyện ủy') nor 'xã hội'
_RUN_UNIT_RE = re.compile(rf"(?:{_UNITS})(?!\w)(?! (?:ủy|đoàn|đội|hội)(?!\w))")
_RUN_REACH = 12  # words of a name after its capitalised first one


def _name_runs(text: str, plain: str, low: str) -> list[tuple[int, int]]:
    """The spans of the names that a capitalised word opens after a head named by a field of work
    and that run on in lower case to their unit's word (and its place name): 'Trung tâm Hỗ trợ
    phát triển doanh nghiệp tỉnh', 'Hội đồng Phối hợp phổ biến, giáo dục pháp luật tỉnh'. `plain`
    is `text` lowered, `low` the same with protected phrases masked. What follows a span is the
    caller's to judge (the sentence's predicate, or the end of a list's item)."""
    spans = []
    for head in _run_head_re().finditer(plain):
        at = head.end()
        if not text[at : at + 1].isupper():
            continue
        steers = plain.startswith(_committee_runs()[0], head.start())
        end = _run_end(text, plain, low, at, steers=steers)
        if end is not None:
            spans.append((head.start(), end))
    return spans


def _run_end(text: str, plain: str, low: str, at: int, *, steers: bool = False) -> int | None:
    """Where the name opened by the capitalised word at `at` ends: after the unit's word (and a
    place name after it) that the words in lower case after it reach, through one predicate word
    at most and commas or 'và' before words that open no body; None when it reaches none, or the
    capitalised words are a name of the vocabulary ('Y tế', closed). A committee that `steers` a
    work names it after its verb, capitalised ('Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện')."""
    stops, names = _run_words()
    first = _RUN_TOKEN_RE.match(plain, at)
    if first is None or first.group("word") is None:
        return None
    pos, predicates, opener = first.end(), 0, first.group("word")
    work = False  # after the verb of the work a committee steers
    for count in range(_RUN_REACH):
        tok = _RUN_TOKEN_RE.match(plain, pos)
        if tok is None:
            return None
        word = tok.group("word")
        if word is None or word == "và":  # a comma or 'và' inside the name, before no other body
            nxt = tok.end() + (text[tok.end() : tok.end() + 1] == " ")
            if not text[nxt : nxt + 1].islower() or starts_with_head(text[nxt : nxt + 60]):
                return None
            pos = tok.end()
            continue
        start = tok.start("word")
        if word in stops or not (
            text[start].islower() or (work and not starts_with_head(text[start : start + 60]))
        ):
            return None
        unit = _RUN_UNIT_RE.match(plain, start)
        if unit is not None:
            if count == 0 or lower_vn(text[at:start].strip()) in names:
                return None  # 'Ban Dân tộc tỉnh …', 'Trung tâm Y tế huyện': closed before its unit
            end = unit.end()
            while (
                (place := _RUN_TOKEN_RE.match(plain, end))
                and place.group("word")
                and text[place.start("word")].isupper()
            ):
                end = place.end()  # 'tỉnh Thái Nguyên'
            return end
        if count == 0 and f"{opener} {word}" in names:
            return None  # 'Trung tâm Y tế tổng hợp …': a name of the vocabulary, closed
        pred = _predicates_re().match(low, start)
        if pred is not None:
            predicates += 1
            if predicates > 1:
                return None
            work = steers and _committee_runs()[1].fullmatch(low, start, pred.end()) is not None
            pos = pred.end()
            continue
        pos = tok.end()
    return None


def _predicate_end(text: str, plain: str, low: str) -> int:
    participles = [p.span() for p in _participle_re().finditer(plain)]
    named: list[tuple[int, int]] | None = None  # the office names holding a predicate word
    runs: list[tuple[int, int]] | None = None  # the names run on in lower case ('Trung tâm Hỗ trợ …')
    pos = 0
    named_verb = -1  # where a predicate word capitalised in a name ends ('Trường Đào tạo')
    while True:
        m = _predicates_re().search(low, pos)
        if not m:
            return len(text)
        w = m.group(0)
        if named_verb > 0 and _COMMA_ONLY_RE.fullmatch(low, named_verb, m.start()):
            pos = named_verb = m.end()  # 'Trường Đào tạo, bồi dưỡng cán bộ': verbs of a name, coordinated
            continue
        # "các cơ quan được giao chủ trì …": the verbs of a participle qualify the subject.
        if any(a < m.start() < b for a, b in participles):
            pos = m.end()
            continue
        if w == "đã" and low.startswith("đã được", m.start()):
            pos = m.end()  # "các đơn vị đã được giao nhiệm vụ …": a participle's, no predicate
            continue
        # "tổ chức chính trị - xã hội", "tổ chức đảng", "các tổ chức", "tổ chức, cá nhân" are
        # bodies; "tổ chức" alone is a verb.
        if w == "tổ chức" and (
            _TO_CHUC_BODY_RE.match(plain, m.start())
            or _PLURAL_BEFORE_RE.search(plain, max(0, m.start() - 8), m.start())
            or _AND_PERSONS_RE.match(plain, m.end())
        ):
            pos = m.end()
            continue
        # "Ban Chỉ đạo", "Thường trực Tỉnh ủy" … are names: the predicate word sits inside a capitalised
        # name, or is one of an organ's names listed after a colon ("các Sở: Nội vụ, Xây dựng, …").
        if (
            text[m.start() : m.start() + 1].isupper()
            and m.start() > 0
            and (
                not _LIST_END_RE.search(text[: m.start()])
                or _ORGANS_LISTED_RE.search(text, max(0, m.start() - 200), m.start())
            )
        ):
            pos = named_verb = m.end()
            continue
        if w == "lãnh đạo" and _CAC_CAP_RE.match(plain, m.end()):
            pos = m.end()  # "lãnh đạo các cấp, các ngành" is a who
            continue
        if named is None:
            named = [o.span() for o in _office_names(plain, fold_aligned(plain))]
        if any(a < m.start() < b for a, b in named):
            pos = m.end()  # 'Ban Tuyên giao Huyện ủy', 'Ủy ban kiểm tra Huyện ủy': a name
            continue
        if runs is None:  # before the sentence's predicate: 'Quỹ Đầu tư phát triển tỉnh bố trí vốn'
            # the run's unit closes the name: a word in lower case after it is the sentence's verb,
            # known or not ('… tỉnh cho vay ưu đãi …')
            runs = [
                (a, b)
                for a, b in _name_runs(text, plain, low)
                if _predicates_re().match(low, b + 1)
                or (text[b : b + 1] == " " and text[b + 1 : b + 2].islower())
            ]
        run_end = next((b for a, b in runs if a < m.start() < b), None)
        if run_end is not None:
            pos = run_end
            continue
        return m.start()


_SPLIT_RE = re.compile(r"\s*;\s*|\s*,\s*|\s+(?:và|cùng|với)\s+")
_COMMA_ONLY_RE = re.compile(r" ?, ?")


@cache
def _lists() -> dict:
    return _table()["lists"]


@cache
def _places_and_committees() -> tuple[str, str]:
    """The place words and the committee words of obligations.toml [lists], as alternations."""
    return tuple("|".join(re.escape(w) for w in _lists()[k]) for k in ("places", "committees"))  # type: ignore[return-value]


@cache
def _shared_committee_re() -> re.Pattern:
    """'quận - huyện ủy', 'huyện, thị, thành ủy', 'huyện, thành, thị Đoàn': place words sharing the
    committee word after the last of them."""
    places, committees = _places_and_committees()
    return re.compile(
        rf"(?<![\w])((?:{places})(?:\s*[-,]\s*(?:{places}))+)\s+({committees})(?![\w])", re.IGNORECASE
    )


@cache
def _place_committee_re() -> re.Pattern:
    """'thị Đoàn', 'xã đội': a place word and a committee word, a body's whole name."""
    places, committees = _places_and_committees()
    return re.compile(rf"(?:{places})\s+(?:{committees})", re.IGNORECASE)


_PLACE_SEP_RE = re.compile(r"\s*[-,]\s*")
_PARENS_RE = re.compile(r"\s*\(([^()]*)\)")


def _apposition(m: re.Match[str]) -> str:
    """Words in parentheses dropped, one word kept: 'các ông (bà)' is an honorific's."""
    return "" if " " in m.group(1).strip() else m.group(0)


@cache
def _shared_word_re() -> re.Pattern:
    """'chi, đảng bộ': words sharing the word after the last of them (obligations.toml [lists] shared_word)."""
    alts = []
    for entry in _lists()["shared_word"]:  # the words in their order: 'chi, đảng bộ', not 'đảng, chi bộ'
        alts.append(
            r"\s*,\s*".join(re.escape(w) for w in entry["words"]) + rf"\s+{re.escape(entry['shared'])}"
        )
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)


def _shared_word(m: re.Match[str]) -> str:
    firsts, shared = m.group(0).rsplit(" ", 1)
    return ", ".join(f"{w} {shared}" for w in _PLACE_SEP_RE.split(firsts.strip()))


def _shared_committee(m: re.Match[str]) -> str:
    """'huyện, thị, thành ủy' -> 'huyện ủy, thị ủy, thành ủy'; but a capitalised place word after the
    first in lower case opens a committee's name of its own ('Hội Liên hiệp Phụ nữ huyện, Huyện
    đoàn': the women's union of the district and the district's Youth Union), shared by none."""
    places = _PLACE_SEP_RE.split(m.group(1))
    if places[0][:1].islower() and any(p[:1].isupper() for p in places[1:]):
        return m.group(0)
    return ", ".join(f"{p} {m.group(2)}" for p in places)


@cache
def _kinds() -> frozenset[str]:
    return frozenset(lower_vn(k) for k in _lists()["kinds"])


@cache
def _count_re() -> re.Pattern:
    """'UBND 21 phường': a count before a kind is no part of the name."""
    kinds = "|".join(re.escape(k) for k in sorted(_kinds(), key=len, reverse=True))
    return re.compile(rf"\s\d{{1,4}}\s+(?=(?:{kinds})(?![\w]))", re.IGNORECASE)


@cache
def _designated_re() -> re.Pattern:
    """A word that a number after it designates (obligations.toml [lists] designated), at the end."""
    words = "|".join(re.escape(w) for w in sorted(_lists()["designated"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})$", re.IGNORECASE)


def _drop_counts(piece: str) -> str:
    """'UBND 21 phường' -> 'UBND phường': a count before a kind is no part of the name; a number
    that designates the body ('Ban Chỉ đạo 389 tỉnh', 'Trường THCS số 2 thị trấn …') is."""
    if not _DIGIT_RE.search(piece):
        return piece
    return _count_re().sub(
        lambda m: m.group(0) if _designated_re().search(piece, 0, m.start()) else " ", piece
    )


@cache
def _qualifier_re() -> re.Pattern:
    """The qualifier that closes an item: 'thuộc Trung ương Đoàn', 'liên quan', 'tỉnh', 'cơ sở trực thuộc'."""
    words = "|".join(re.escape(w) for w in sorted(_lists()["qualifiers"], key=len, reverse=True))
    belongs = "|".join(re.escape(w) for w in sorted(_lists()["belongs"], key=len, reverse=True))
    return re.compile(rf"(?:\s(?:{words})){{1,6}}$|\s(?:{belongs})\s.+$", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def _head_of(item: str) -> str | None:
    """The head word(s) an item opens with, as written: 'đảng ủy' of 'đảng ủy cấp trên cơ sở'."""
    low = lower_vn(item)
    if len(low) != len(item) or _is_or_opens(low, _not_heads()):
        return None
    whole, _ = _head_set()
    words = low.split(" ")
    for n in range(min(len(words), _head_words()), 0, -1):  # the longest head first, as `_heads` orders them
        if (head := " ".join(words[:n])) in whole:
            return item[: len(head)]
    return _unit_head(low, item)


@cache
def _named_units() -> tuple[str, ...]:
    units = [*_place_units(), *_table()["bodies"]["named_heads"]]
    return tuple(sorted((lower_vn(u) + " " for u in units), key=len, reverse=True))


@cache
def _place_units() -> frozenset[str]:
    """Units named by their names, and alone a list's places: 'xã', 'thị trấn', 'thôn'."""
    t = _table()["bodies"]
    return frozenset(lower_vn(u) for u in (*t["named_units"], *t["villages"]))


def _unit_head(low: str, item: str) -> str | None:
    """The unit's word `item` opens with, when its name or number follows ('Xã Đạ Huoai', 'Phường 7')."""
    for u in _named_units():
        if low.startswith(u) and (item[len(u) : len(u) + 1].isupper() or item[len(u) : len(u) + 1].isdigit()):
            if u.strip() in _place_units() and starts_with_head(item[len(u) :]):
                return None  # 'Tỉnh Hội Nông dân …': a body's name after a place's word, no place
            return item[: len(u) - 1]
    return _kind_named_head(low, item)


def _kind_named_head(low: str, item: str) -> str | None:
    """The head of a kind of unit the tables name by its name ([bodies] named_heads that are [lists]
    kinds: 'vụ', 'viện', 'khoa'), written as a name with no name after it but a list's qualifier:
    'Vụ', 'Viện có liên quan' of 'các Vụ, Cục, Viện có liên quan' ('các vụ' in lower case may be cases)."""
    head, _, rest = low.partition(" ")
    if not item[:1].isupper() or head not in _named_kinds():
        return None
    return item[: len(head)] if rest and _qualifier_re().fullmatch(" " + rest) else None


@cache
def _named_kinds() -> frozenset[str]:
    named = {lower_vn(u) for u in _table()["bodies"]["named_heads"]}
    return frozenset(k for k in _kinds() if k in named and " " not in k)


@cache
def _head_words() -> int:
    return max(len(h.split(" ")) for h in _heads())


def _qualifier(item: str) -> str:
    """The qualifier closing `item`, after its head, or ending a head made with one ('cá nhân có
    liên quan': 'tổ chức, cá nhân có liên quan' are both 'có liên quan')."""
    m = _qualifier_re().search(item)
    head = _head_of(item) or "x"
    if not m or (m.start() < len(head) and not lower_vn(head).endswith(lower_vn(m.group(0)))):
        return ""
    low = lower_vn(item)
    if any(low.endswith(p) and m.start() > len(low) - len(p) for p in _protected()):
        return ""  # 'trường trung học cơ sở': the words of a name, no qualifier
    return item[m.start() :].strip()


@cache
def _anaphora_re() -> re.Pattern:
    """A word referring back, closing an item (obligations.toml [lists] anaphora)."""
    words = sorted((lower_vn(w) for w in _lists()["anaphora"]), key=len, reverse=True)
    return re.compile(rf"(?<!\s)\s+(?:{'|'.join(map(re.escape, words))})(?=\s*(?:[,;]|$))", re.IGNORECASE)


def _refers_back(plain: str, at: int) -> bool:
    """Do the words at `at` refer back to bodies named before ('… các tỉnh, thành phố nêu trên:'),
    no verb closing a name?"""
    return "trên" in plain[at : at + 12] and _anaphora_re().match(plain, at) is not None


_ITEM_END_RE = re.compile(r"\s*(?:$|[,;]|(?:và|cùng|với)\s)")  # where a list's item ends


def _items(text: str) -> list[tuple[str, str]]:
    """(item, separator before it), split on commas, semicolons and 'và'/'cùng'/'với' outside names."""
    if "(" in text:  # 'Công an huyện (Cơ quan thường trực Tổ công tác …)': an apposition, no part of the name
        text = _PARENS_RE.sub(_apposition, text)
    if "trên" in text:  # '… các tỉnh, thành phố nêu trên': the bodies named before
        text = _anaphora_re().sub("", text)
    text = _shared_committee_re().sub(_shared_committee, text)
    if "," in text:
        text = _shared_word_re().sub(_shared_word, text)
    if "," in text or " và " in text:
        text = _places_listed(text)
    low_vn = lower_vn(text)  # old tone places ("Văn hoá") as the protected phrases write them
    plain = low_vn if len(low_vn) == len(text) else text.lower()
    low = _mask(plain)
    if "," in text or " và " in text:  # 'Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh': one name
        for a, b in _name_runs(text, plain, low):
            if _ITEM_END_RE.match(text, b):
                low = low[:a] + "_" * (b - a) + low[b:]
    spans: list[tuple[int, int, str]] = []
    pos, sep = 0, ""
    for m in _SPLIT_RE.finditer(low):
        nxt = text[m.end() : m.end() + 40]
        sep_text = m.group(0).strip()
        if sep_text == "và" and nxt[:1].isupper() and not starts_with_head(nxt.split(",")[0]):
            continue  # "Sở Thông tin và Truyền thông": one name
        spans.append((pos, m.start(), sep))
        sep, pos = sep_text, m.end()
    spans.append((pos, len(text), sep))
    spans = _names_going_on(text, spans)
    if len(spans) == 2 and spans[1][2] == "," and _part_of(text[: spans[0][1]], text[spans[1][0] :]):
        spans = [(0, len(text), "")]  # 'Vụ Tuyên truyền, Ban Tuyên giáo và Dân vận Trung ương': one body
    items = [(text[a:b], s) for a, b, s in spans]
    out = []
    for piece, s in items:
        piece = _drop_counts(piece.strip(" .:-–"))
        if _CAC_OPENS_RE.match(piece):
            s = "[" + s  # "các" opens a run: nothing after it qualifies what stands before
        piece = _PLURAL_CI_RE.sub("", piece)
        piece = _CAC_CI_RE.sub("", _drop_honorifics(piece))
        if piece:
            out.append((piece, s))
    return out


# A unit's word before its name ('thành phố Đà Lạt'), and a place's name: capitalised words (a
# part after a dash: 'Bà Rịa - Vũng Tàu') or a number ('phường 7').
_UNIT_BEFORE_NAME_RE = re.compile(rf"(?<!\w)((?i:{_UNITS})) (?=[{UPPER}\d])")
_PLACE_NAME_RE = re.compile(
    rf"[{UPPER}][^\W\d_]*(?: [{UPPER}][^\W\d_]*){{0,3}}(?: [-–] [{UPPER}][^\W\d_]*(?: [{UPPER}][^\W\d_]*){{0,2}})?"
    r"(?![\w-])|\d{1,3}(?!\w)"
)
_PLACES_SEP_RE = re.compile(r", | và ")


def _places_listed(text: str) -> str:
    """'thành phố Đà Lạt, Bảo Lộc' (or '… Đà Lạt và Bảo Lộc') as 'thành phố Đà Lạt, thành phố Bảo
    Lộc': a bare place's name listed after a place named with its unit's word is a unit of that
    level, which then shares the organ before it (`_unit_organ`: 'Chủ tịch UBND thành phố Đà Lạt,
    Bảo Lộc' names two chairmen). Not a person ('… và ông Nguyễn Văn A': a word in lower case
    stands before), a body ('…, Sở Y tế'), an abbreviation ('VNPT Lâm Đồng'), nor a name that
    goes on in lower case ('Kho bạc Nhà nước')."""
    out, pos = [], 0
    for m in _UNIT_BEFORE_NAME_RE.finditer(text):
        first = _PLACE_NAME_RE.match(text, m.end())
        if m.start() < pos or first is None:
            continue
        numbered, at = first.group(0)[0].isdigit(), first.end()
        names: list[tuple[str, str]] = []
        while (sep := _PLACES_SEP_RE.match(text, at)) and (name := _PLACE_NAME_RE.match(text, sep.end())):
            words = name.group(0)
            if (
                words[0].isdigit() != numbered
                or not _ITEM_END_RE.match(text, name.end())
                or starts_with_head(text[name.start() : name.start() + 60])
                or any(_ABBREVIATION_RE.fullmatch(w) for w in words.split())
            ):
                break
            names.append((sep.group(0), words))
            at = name.end()
        if names:
            unit = lower_vn(m.group(1))
            out.append(text[pos : first.end()] + "".join(f"{sep}{unit} {words}" for sep, words in names))
            pos = at
    return "".join(out) + text[pos:]


def _drop_honorifics(piece: str) -> str:
    """An item without the words said of a person: 'đồng chí Bí thư …' -> 'Bí thư …', 'ông Nguyễn
    Văn A' -> 'Nguyễn Văn A' (a person, left out later), 'Ông Chánh Văn phòng …' -> 'Chánh Văn phòng …'."""
    for rx in _honorific_res(lowered=False):
        piece = rx.sub("", piece)
    piece = _person_re().sub("", piece)
    if (m := _person_re(opening=True).match(piece)) and starts_with_head(piece[m.end() :]):
        piece = piece[m.end() :]
    return piece


def _names_going_on(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The items' spans, a capitalised unit's name joined with the words in lower case after its
    comma or 'và' that open no body: 'Phòng Công chức, viên chức', 'Vụ Tổ chức đảng, đảng viên',
    'Phòng Cải cách hành chính và văn thư, lưu trữ', 'Phòng Tổ chức, biên chế và tổ chức phi chính
    phủ' (after such words, whatever 'và' adds in lower case goes on with the name too).
    Not after a name closed by a place or a committee ('Công an Tỉnh', 'Văn phòng Sở'), nor before
    a kind, a head, a qualifier, 'các' or a name of the vocabulary ('Sở Nội vụ, tài chính')."""
    out: list[tuple[int, int, str]] = []
    going = False  # the last item's name went on after a comma
    for a, b, sep in spans:
        if out and _goes_on(text[out[-1][0] : out[-1][1]], text[a:b], sep, going):
            out[-1] = (out[-1][0], b, out[-1][2])
            going = True
            continue
        out.append((a, b, sep))
        going = False
    return out


def _goes_on(name: str, words: str, sep: str, going: bool) -> bool:
    """Do the lower-case `words` after `sep` go on with the capitalised unit's `name` (`going`: it
    already went on after a comma)?"""
    words, name = words.strip(), name.strip()
    if not words[:1].islower() or _CAC_OPENS_RE.match(words) or _qualifier(words):
        return False
    if any(ch.isdigit() for ch in name + words):
        return False  # '… Hội nghị sơ kết 6 tháng đầu năm và nhiệm vụ …': a meeting, no unit's name
    if _person_re().match(words) or any(rx.match(words) for rx in _honorific_res(lowered=False)):
        return False  # '…, đồng chí Trần Thị B', '… và bà Trần Thị B': a person of its own
    if sep == "và" and going:
        return True
    if sep not in (",", "và") or starts_with_head(words) or _is_kind(words) or _is_place_kind(words):
        return False
    low = lower_vn(words)
    if any(low == n or low.startswith(n + " ") for n in _vocabulary_names()):
        return False
    if going:
        return True
    head = _head_of(name)
    rest = name[len(head) :].strip() if head else ""
    if not rest[:1].isupper() or _place_words_re().search(_mask(lower_vn(name))):
        return False
    return not (rest.isupper() or lower_vn(rest) in _organ_words())


def _part_of(part: str, whole: str) -> bool:
    """Is `part` a department named by its own name ('Vụ Tuyên truyền') and `whole`, after its
    comma, the body it belongs to ('Ban Tuyên giáo và Dân vận Trung ương'): a name in apposition,
    no list of two (obligations.toml [lists] parts)?"""
    part, whole = part.strip(), whole.strip()
    head, parent = _head_of(part), _head_of(whole)
    if not head or not parent or not part[len(head) :].strip()[:1].isupper():
        return False
    parents = _parts().get(lower_vn(head), frozenset())
    return lower_vn(parent) in parents and whole[len(parent) :].strip()[:1].isupper()


@cache
def _parts() -> dict[str, frozenset[str]]:
    return {lower_vn(k): frozenset(lower_vn(w) for w in v) for k, v in _lists()["parts"].items()}


@cache
def _organ_words() -> frozenset[str]:
    return frozenset(lower_vn(o) for o in _table()["bodies"]["organs"])


def _share_heads(items: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], frozenset[int]]:
    """'UBND các huyện, thành phố', 'Thủ trưởng các cơ quan, đơn vị': the head before 'các' goes to
    each kind listed after it; 'cơ quan tài chính, thuế': an item with no head takes the one before.
    Also the items given a head before 'các': their last word is the unit they name, no qualifier
    for the items before them ('các sở, ngành, UBND các huyện')."""
    units: set[int] = set()
    out: list[tuple[str, str]] = []
    shared: str | None = None
    places = False  # the kinds after the shared head are places ('UBND các xã, phường')
    named: str | None = None  # "Giám đốc Sở" while the names after "Giám đốc các Sở:" run
    for piece, s in items:
        split = None if _names_with_cac(piece) else _head_cac(piece)
        sep = s.lstrip("[")
        listed = _named_list(piece)
        if listed:
            named, shared = listed[0], None
            piece = f"{named} {listed[1]}"
        elif named and s == "," and piece[:1].isupper() and _head_of(piece) is None:
            piece = f"{named} {piece}"
        elif out and sep in (",", "và") and (head := _field_head(out[-1][0], piece)):
            named = shared = None  # 'Sở Tài chính, Kế hoạch và Đầu tư': the fields share the office
            piece = f"{head} {piece}"
        elif (
            split
            and (
                _is_heads(split[0])
                or _named_unit(split[0])
                or _office_before_cac(piece, split[0])
                # 'Trạm y tế các xã, thị trấn': a common organ that each place listed has
                or (_common_noun(split[0]) and _head_of(split[0]) is not None and _is_place_kind(split[1]))
            )
            and (starts_with_head(split[1]) or _is_kind(split[1]))
        ):
            named, shared = None, split[0]
            places = _is_place_kind(split[1])
            piece = f"{shared} {split[1]}"
            inner = _head_of(split[1])
            if inner and lower_vn(split[1][len(inner) :].strip()) in _kinds():
                shared = f"{shared} {inner}"  # 'Ban Thường vụ các đảng ủy xã, phường': the committees' too
            units.add(len(out))
        elif (
            shared
            and s in (",", "và")
            and (piece[:1].islower() or _bare_kind(piece))  # 'Thủ trưởng các Vụ, Cục, Tổng cục thuộc Bộ'
            and (_is_kind(piece) or piece in _short_kinds() or _committee_re().fullmatch(lower_vn(piece)))
            # 'Đảng ủy các xã, thị trấn và chi, đảng bộ cơ sở': places share it, other kinds do not
            and (s != "và" or _is_place_kind(piece) == places)
        ):
            named = None  # (not after a new "các": its separator is marked)
            if not lower_vn(piece).startswith(
                lower_vn(shared) + " "
            ):  # 'Đảng ủy các xã, …, đảng ủy trực thuộc'
                piece = f"{shared} {_short_kinds().get(piece, piece)}"
            units.add(len(out))
        elif out and sep in (",", "và") and (organ := _unit_organ(out[-1][0], piece)):
            named = shared = None
            piece = f"{organ} {piece}"
        elif out and sep in (",", "và") and (lead := _place_lead(out[-1][0], piece)):
            named = shared = None  # 'chi hội người cao tuổi thôn, khu': that branch of each
            piece = f"{lead} {piece}"
        elif (
            out
            and (s in (",", "và") or _level_organ(out[-1][0], piece, sep))
            and _modifies(piece, out[-1][0])
        ):
            named = shared = None
            piece = f"{_modified(out[-1][0])} {piece}"
        elif out and s in (",", "và") and (lead := _unit_lead(out[-1][0], piece)):
            named = shared = None
            piece = f"{lead} {piece}"
            units.add(len(out))
        else:
            named = shared = None
        out.append((piece, s))
    return out, frozenset(units)


_UNIT_NAMED_RE = re.compile(rf"(?<!\w)(?:{_UNITS}) (?=[{UPPER}\d])")  # 'xã Phú Quý', 'phường 7'


@cache
def _unit_committee_res() -> tuple[re.Pattern, re.Pattern]:
    """'huyện ủy', 'đảng ủy', 'thị đoàn': a committee named by its unit's word, in lower case;
    opening a text, and closing one."""
    places, committees = _place_committee_words()
    unit = rf"(?:{'|'.join(sorted(places))}|đảng) (?P<c>{'|'.join(sorted(committees))})"
    return re.compile(rf"{unit}(?!\w)"), re.compile(rf"(?<!\w){unit}$")


def _unit_lead(before: str, piece: str) -> str | None:
    """'Ủy ban kiểm tra' of 'Ủy ban kiểm tra huyện ủy' before 'thị ủy', 'chi bộ' of 'chi bộ khoa'
    before 'phòng': the body that the unit in lower case closing `before` has, which each unit of
    the same sort listed after it without 'các' has too (committees of one word, or kinds that are
    no place: 'UBND tỉnh, sở, ngành' lists the departments themselves); None otherwise."""
    if not piece[:1].islower() or not before[-1:].islower():
        return None
    opening, closing = _unit_committee_res()
    item = opening.match(lower_vn(piece))
    if item is not None:
        last = closing.search(before)
        if last is None or last.group("c") != item.group("c"):
            return None
        lead = before[: last.start()].strip()
    else:
        # a place after a place ('LĐLĐ huyện, thị xã, thành phố'), or a kind of unit after one
        place = _is_place_unit(piece)
        if not place and not _is_unit_kind(piece[: len(piece) - len(_qualifier(piece))].strip()):
            return None
        kind = _is_place_unit if place else _is_unit_kind
        words = before.split()
        lead = next(
            (
                " ".join(words[:-n])
                for n in (2, 1)
                if len(words) > n and kind(" ".join(words[-n:])) and words[-n][:1].islower()
            ),
            "",
        )
        if place and lead and _common_noun(lead) and _head_of(lead) is not None:
            return lead  # 'trạm y tế phường, xã': a common organ in lower case, each place has one
    return lead if lead and (_is_heads(lead) or _named_unit(lead)) else None


def _place_lead(before: str, piece: str) -> str | None:
    """'chi hội người cao tuổi' of 'chi hội người cao tuổi thôn' before 'khu', 'Hội Người cao tuổi'
    of '… xã' before 'thị trấn': the unit that the place closing `before` has, which each place of
    its level listed bare after it has too; None unless both are places of one level."""
    level = _place_level(piece) if piece == lower_vn(piece) else None
    if level is None:
        return None
    words = before.split()
    for n in (3, 2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n and tail == lower_vn(tail) and _place_level(tail) == level:
            lead = " ".join(words[:-n])
            return lead if _head_of(lead) is not None else None
    return None


def _place_level(words: str) -> str | None:
    """The level of a place's word: 'commune' of 'thị trấn', 'hamlet' of 'thôn', 'khu' ([lists]
    qualifier_levels, hamlets); None for anything else."""
    low = lower_vn(words)
    return "hamlet" if low in _hamlets() else _qualifier_levels().get(low)


@cache
def _hamlets() -> frozenset[str]:
    return frozenset(lower_vn(w) for w in _lists()["hamlets"])


def _common_noun(words: str) -> bool:
    """Words in lower case, but maybe the first letter, as a sentence opens ('Trạm y tế xã, thị
    trấn …'): a common organ, no body's proper name ('Phòng Y tế')."""
    return words == lower_vn(words) or (words[:1].isupper() and words[1:] == words[1:].lower())


def _is_place_unit(words: str) -> bool:
    """A unit's word that is a place, alone and in lower case: 'huyện', 'thị xã', 'thành phố'."""
    low = lower_vn(words)
    return words == low and low in _kinds() and _is_place_kind(low)


def _is_unit_kind(words: str) -> bool:
    """A kind of unit that is no place nor a qualifier: 'phòng', 'khoa', 'cơ quan', not 'xã', 'cơ sở'."""
    low = lower_vn(words)
    return low in _kinds() and not _is_place_kind(low) and low not in _qualifier_words()


@cache
def _qualifier_words() -> frozenset[str]:
    return frozenset(lower_vn(w) for w in _lists()["qualifiers"])


def _unit_organ(before: str, piece: str) -> str | None:
    """'Ủy ban nhân dân' of 'Ủy ban nhân dân xã Phú Quý' before 'xã Tuy Phong': the organ of a unit
    named by its name, which a unit named after it without one shares ('Ủy ban nhân dân xã Phú
    Quý, xã Tuy Phong' -> … Ủy ban nhân dân xã Tuy Phong); None unless both units are named."""
    if not piece[:1].islower() or not _UNIT_NAMED_RE.match(piece):
        return None
    unit = _UNIT_NAMED_RE.search(before)
    organ = before[: unit.start()].strip() if unit else ""
    if not organ or _head_of(organ) is None or _office_of_a_level(organ):
        return None  # 'Sở Y tế tỉnh Lâm Đồng, xã Phú Quý': a commune has no Sở
    return organ


@cache
def _known_with_cac() -> tuple[str, ...]:
    """The tables' names with 'các' in them ('Đảng ủy các cơ quan Đảng tỉnh'): one body, no list."""
    names = {lower_vn(w) for b in tables.bodies() for w in (b.name, *b.aliases)}
    return tuple(sorted(n for n in names if " các " in n))


def _names_with_cac(piece: str) -> bool:
    low = lower_vn(piece)
    return " các " in low and any(f" {n} " in f" {low} " for n in _known_with_cac())


@cache
def _place_kinds() -> frozenset[str]:
    """The kinds that are places: [locality] words, the units named by their names, the short kinds."""
    words = [
        *_table()["locality"]["words"],
        *_table()["bodies"]["named_units"],
        *_lists()["short_kinds"].values(),
    ]
    return frozenset(lower_vn(w) for w in words)


def names_a_place(name: str) -> bool:
    """'thành phố', 'huyện': a kind of place, no body ('UBND thành phố' is one)."""
    return _is_place_kind(name)


def _is_place_kind(piece: str) -> bool:
    low = lower_vn(piece)
    return low in _place_kinds() or low in _short_kinds()


@cache
def _short_kinds() -> dict[str, str]:
    """'thành' -> 'thành phố', 'thị' -> 'thị xã': kinds said short in a list after 'các'."""
    return dict(_lists()["short_kinds"])


@cache
def _committee_re() -> re.Pattern:
    """A committee said as a kind after "các": "Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy",
    "Ban Thường vụ các huyện đoàn, thị đoàn, thành đoàn" ([lists] places and committees)."""
    places, committees = _place_committee_words()
    return re.compile(rf"(?:{'|'.join(sorted(places))}|đảng) (?:{'|'.join(sorted(committees))})(?: [^,;]*)?")


def _bare_kind(piece: str) -> bool:
    """A kind written capitalised, alone or with its qualifier ('Cục', 'Tổng cục thuộc Bộ …'), not
    a body's proper name ('Sở Tài chính')."""
    q = _qualifier(piece)
    core = piece[: len(piece) - len(q)].strip() if q and piece.endswith(q) else piece
    return lower_vn(core) in _kinds()


def _named_unit(words: str) -> bool:
    """'Phòng Giáo dục và Đào tạo', 'Ban Tuyên giáo', 'Trung tâm Y tế': a unit named by its head and
    its capitalised name, which each place or committee listed after 'các' has one of."""
    head = _head_of(words)
    rest = words[len(head) :].strip() if head else ""
    return bool(head) and words[:1].isupper() and rest[:1].isupper() and len(words.split()) <= 8


def _office_before_cac(piece: str, before: str) -> bool:
    """'Ủy ban kiểm tra các huyện ủy': an organ and a part of the vocabulary's names in lower case
    (`_office_name_re`) is what goes to each committee listed after 'các'."""
    folded = fold(piece)
    m = _office_name_re().match(folded)
    if m is None or len(folded) != len(piece) or m.end() != len(before.rstrip()):
        return False
    return m.group("verb") is None or _level_after_re().match(piece.lower(), m.end()) is not None


def _is_heads(words: str) -> bool:
    """'UBND', or an office and its body ('Chủ tịch UBND', 'Giám đốc Sở'): what goes to each kind
    listed after 'các' ('Chủ tịch UBND các huyện, thành phố')."""
    head = _head_of(words)
    if head is None:
        return False
    rest = words[len(head) :].strip()
    return not rest or _head_of(rest) == rest


def _named_list(piece: str) -> tuple[str, str] | None:
    """("Giám đốc Sở", "Nội vụ") of "Giám đốc các Sở: Nội vụ": heads and a kind before 'các' and a
    colon, then the first of the names of that kind, which the names after it (capitalised, up to
    a semicolon) share: "Giám đốc các Sở: Nội vụ, Tài chính" -> Giám đốc Sở Nội vụ, Giám đốc Sở
    Tài chính."""
    left, colon, right = piece.partition(":")
    right = right.strip()
    split = _head_cac(left.rstrip()) if colon and right[:1].isupper() else None
    if not split or not _is_heads(split[0]) or lower_vn(split[1].strip()) not in _kinds():
        return None
    return f"{split[0]} {split[1].strip()}", right


def _modifies(piece: str, before: str) -> bool:
    """'thuế' after 'cơ quan tài chính': a headless word or two that names another of the kind
    before it (never a document type: 'các chỉ thị, nghị quyết' lists documents, not bodies)."""
    head = _head_of(before)
    if not head or not piece[:1].islower() or _head_of(piece) is not None or " các " in f" {before} ":
        return False
    if _place_committee_re().fullmatch(piece) or _holder_re().search(lower_vn(piece)):
        return False  # 'thị Đoàn' after 'thành Đoàn': a committee of its own; 'thôn trưởng': a person
    if _is_place_kind(piece) and _is_place_kind(before):
        return False  # 'huyện, thị xã': places listed, no kind of the one before
    if _is_place_unit(piece) and _common_noun(before) and _ends_with_place(before):
        return False  # 'trạm y tế phường, xã': the organ's place, each place has one (`_unit_lead`)
    # 'tiểu học trên địa bàn huyện', 'thị trấn trực thuộc Huyện ủy': where they are or belong is no
    # modifier's word; a participle's tail is ('cá nhân được phân công …': persons of their own)
    q = _qualifier(piece)
    kept = q and piece.endswith(q) and not lower_vn(q).startswith(_lists()["participle"])
    core = piece[: len(piece) - len(q)] if kept else piece
    if len(core.split()) > 4 or len(before.split()) > len(head.split()) + 4 or _DIGIT_RE.search(piece):
        return False
    from vbgraph.loaders.normalize import fold

    return not any(fold(piece).startswith(t) for t in tables.type_names())


def _ends_with_place(name: str) -> bool:
    """Does `name` close on a place's unit word in lower case ('trạm y tế phường', '… thị xã')?"""
    words = name.split()
    return any(len(words) > n and _is_place_unit(" ".join(words[-n:])) for n in (2, 1))


def _level_organ(before: str, piece: str, sep: str) -> bool:
    """After a new 'các', a place goes on with the organ of a unit's level before it ('UBND huyện,
    các xã, thị trấn' -> UBND xã, UBND thị trấn); anything else is a body of its own ('Sở Công
    Thương, các doanh nghiệp', 'Phòng Y tế, các xã': a district's office has no commune's)."""
    head = _head_of(before)
    return (
        sep in (",", "và")
        and head is not None
        and _is_place_kind(piece)
        and _is_place_unit(before[len(head) :].strip())
        and not _office_of_a_level(before)
    )


def _modified(before: str) -> str:
    """What a modifier after `before` shares: its head ('cơ quan' of 'cơ quan tài chính'), and the
    head after it that the modifiers qualify ('Hiệu trưởng trường' of 'Hiệu trưởng trường mầm non',
    so 'tiểu học' after it is 'Hiệu trưởng trường tiểu học')."""
    head = _head_of(before) or ""
    rest = before[len(head) :].strip()
    inner = _head_of(rest)
    return f"{head} {inner}" if inner and rest[len(inner) :].strip() else head


@cache
def _kind_set() -> tuple[frozenset[str], tuple[str, ...]]:
    return _kinds(), tuple(k + " " for k in _kinds())


def _is_kind(piece: str) -> bool:
    return _is_or_opens(lower_vn(piece), _kind_set())


@cache
def _place_committee_words() -> tuple[frozenset[str], frozenset[str]]:
    places = frozenset(lower_vn(w) for w in _lists()["places"])
    return places, frozenset(lower_vn(w) for w in _lists()["committees"])


def _share_committees(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'các tỉnh, thành đoàn' -> tỉnh đoàn, thành đoàn."""
    places, committees = _place_committee_words()
    out = list(items)
    for i in range(len(out) - 2, -1, -1):
        word, nxt = lower_vn(out[i][0]), lower_vn(out[i + 1][0]).split()
        if (
            word in places
            and len(nxt) == 2
            and nxt[0] in places
            and nxt[1] in committees
            and out[i + 1][1].lstrip("[") == ","
        ):
            out[i] = (f"{out[i][0]} {out[i + 1][0].split()[1]}", out[i][1])
    return out


def _share_qualifiers(
    items: list[tuple[str, str]], units: frozenset[int] = frozenset()
) -> list[tuple[str, str]]:
    """The qualifier closing an item goes to the bare items of its run before it: 'các sở, ngành
    tỉnh', 'tòa án nhân dân, công an cùng cấp'; 'thuộc …' also to items with the same head
    ('đảng ủy cấp trên cơ sở và cơ sở trực thuộc'), and any qualifier to the items one head shares
    ('Thủ trưởng các cơ quan, đơn vị có liên quan'). An item of `units` whose qualifier follows its
    head ('UBND huyện' of 'UBND các huyện') names a unit and qualifies nothing."""
    out = list(items)
    for j in range(len(out) - 1, 0 if len(out) > 1 else -1, -1):  # one item alone for its area
        q = _qualifier(out[j][0])
        if q and _area_re().match(lower_vn(q)) and (j in units or _bare_unit(out[j][0][: -len(q)].rstrip())):
            # 'UBND thị trấn trên địa bàn huyện', 'các xã, thị trấn trên địa bàn huyện': the units
            # of the place, where each is says nothing more
            out[j] = (out[j][0][: -len(q)].rstrip(), out[j][1])
            continue
        if not q or (j in units and _after_head(out[j][0]) == q):
            continue
        head = lower_vn(_head_of(out[j][0]) or "")
        belongs_q = _belongs_re().search(lower_vn(q))
        i = j - 1
        given: list[int] = []  # the items given the qualifier
        while i >= 0 and out[i + 1][1] in (",", "và"):  # not past a "các" that opened the run
            piece = out[i][0]
            if _other_level(piece, q):  # 'Các bộ, cơ quan trung ương, UBND cấp tỉnh': no province's bộ
                if lower_vn(piece) in _kinds() or lower_vn(piece) in _central()[0]:  # a kind alone
                    for k in given:  # 'các bộ, ngành và UBND tỉnh': the kinds of no level go with 'bộ'
                        if _level_of(items[k][0]) is None:
                            out[k] = items[k]
                break
            own = _qualifier(piece)
            bare = (
                (piece[:1].islower() or lower_vn(piece) in _kinds())
                and not own
                and not _has_place(piece)
                # 'công đoàn ngành' beside 'công đoàn cơ sở trực thuộc': a kind of its own, only
                # what it belongs to goes to it
                and not (head and _same_head(piece, head) and _after_head(piece))
            )
            if bare:
                out[i] = (f"{piece} {q}", out[i][1])
                given.append(i)
            elif (
                (belongs_q or (i in units and j in units))  # 'Thủ trưởng các cơ quan, đơn vị có liên quan'
                and head
                and _same_head(piece, head)
                and not _has_place(piece)
                and not _narrower_kind(piece, out[j][0], q)
            ):
                missing = q[belongs_q.start() :].strip() if belongs_q else q
                if lower_vn(missing) not in lower_vn(piece):
                    out[i] = (f"{piece} {missing}", out[i][1])
            else:
                break
            i -= 1
    return out


def _share_place_qualifiers(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Các xã, thị trấn có liên quan' -> xã có liên quan, thị trấn có liên quan: what the place
    closing a run is ('có liên quan'; no level, nor where it is or belongs), each place of
    one level before it in the run is too, alone or with its organ ('UBND các xã, thị trấn có liên quan')."""
    out = list(items)
    for j in range(len(out) - 1, 0, -1):
        q = _qualifier(out[j][0])
        while (
            lead := next((w for w in _qualifier_levels() if lower_vn(q).startswith(w + " ")), None)
        ) is not None:
            q = q[len(lead) :].strip()  # 'thị trấn có liên quan': the place, then what it is
        low = lower_vn(q)
        # where they are or what they belong to says nothing of which places they are
        shares = (
            q
            and low not in _qualifier_levels()
            and not _area_re().match(low)
            and not _belongs_re().search(low)
        )
        place = _place_of(out[j][0][: -len(q)].strip()) if shares else None
        i = j - 1
        while place and i >= 0 and out[i + 1][1] in (",", "và"):  # not past a "các" that opened the run
            other = _place_of(out[i][0])
            if other is None or not _same_level(place, other):
                break
            out[i] = (f"{out[i][0]} {q}", out[i][1])
            i -= 1
    return out


def _place_of(piece: str) -> str | None:
    """The place's kind an item is or names the organ of: 'xã' of 'xã' and of 'UBND xã'; else None."""
    for words in (piece, _after_head(piece)):
        if words and _is_place_kind(words):
            return lower_vn(words)
    return None


def _same_level(place: str, other: str) -> bool:
    """Are two places' kinds of one level ('xã', 'thị trấn'), or either of no known level ('thành phố')?"""
    levels = _qualifier_levels()
    return place not in levels or other not in levels or levels[place] == levels[other]


@cache
def _qualifier_levels() -> dict[str, str]:
    """Each level's qualifier (lower case) -> its level: 'cấp tỉnh' -> 'province'."""
    return {lower_vn(w): lvl for lvl, words in _lists()["qualifier_levels"].items() for w in words}


@cache
def _central() -> tuple[frozenset[str], re.Pattern]:
    """The heads of central bodies, and the words that say one ([lists] central_heads, central_words)."""
    words = "|".join(re.escape(lower_vn(w)) for w in _lists()["central_words"])
    return frozenset(lower_vn(h) for h in _lists()["central_heads"]), re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _level_of(piece: str) -> str | None:
    """'central' for 'bộ', 'cơ quan trung ương', 'Bộ Công an'; else the level the name says ('Sở …':
    'province'), or None."""
    heads, words = _central()
    low = lower_vn(piece)
    if lower_vn(_head_of(piece) or "") in heads or words.search(low):
        return "central"
    return signals.body_level(piece)


def _other_level(piece: str, q: str) -> bool:
    """Is `piece` a body of another level than the level qualifier `q` names, or a kind that no
    body of that level is ('phòng' before 'xã')? Then `q` is not its."""
    level = _qualifier_levels().get(lower_vn(q))
    if level is None:
        return False
    own = _level_of(piece)
    return (own is not None and own != level) or lower_vn(piece) in _kinds_without().get(level, frozenset())


@cache
def _kinds_without() -> dict[str, frozenset[str]]:
    """Each level -> the kinds no body of it is ([lists] kinds_without)."""
    return {lvl: frozenset(lower_vn(k) for k in kinds) for lvl, kinds in _lists()["kinds_without"].items()}


@cache
def _area_re() -> re.Pattern:
    """'trên địa bàn', opening a qualifier that only says where the bodies are."""
    return re.compile("|".join(re.escape(lower_vn(w)) + r"\s" for w in _lists()["area"]))


def _narrower_kind(piece: str, qualified: str, q: str) -> bool:
    """Is `piece` a narrower kind of what `qualified` names before its qualifier `q` ('Thủ trưởng cơ
    quan ngang bộ' beside 'Thủ trưởng cơ quan thuộc Chính phủ')? Then it is a kind of its own."""
    core = lower_vn(_after_head(qualified)[: -len(q)].strip()) if qualified.endswith(q) else ""
    return bool(core) and lower_vn(_after_head(piece)).startswith(core + " ")


def _after_head(piece: str) -> str:
    """What follows an item's head: 'huyện' of 'UBND huyện'."""
    return piece[len(_head_of(piece) or "") :].strip()


def _same_head(piece: str, head: str) -> bool:
    """Does `piece` open with `head`, also as part of a longer head ('Trưởng phòng' of the run
    'Trưởng các phòng, ban, ngành thuộc UBND huyện', whose last item opens with 'Trưởng')?"""
    own = lower_vn(_head_of(piece) or "")
    return own == head or own.startswith(head + " ")


@cache
def _belongs_re() -> re.Pattern:
    """'thuộc', 'trực thuộc' as a word of a qualifier."""
    belongs = [lower_vn(b) for b in _lists()["belongs"]]
    alt = "|".join(re.escape(b.strip()) for b in [*(b + " " for b in belongs), *belongs])
    return re.compile(r"(?:^|\s)(?:" + alt + r")(?:\s|$)")


@cache
def _place_words_re() -> re.Pattern:
    words = {lower_vn(w) for w in [*_lists()["places"], *_table()["locality"]["words"]]}
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w])(?:{alt})(?![\w])|(?:tỉnh|Tỉnh|Thành|thành|huyện|quận|thị|xã|phường) ?(?:ủy|Ủy)"
    )


def _has_place(piece: str) -> bool:
    """'huyện ủy', 'Ban Tổ chức Tỉnh ủy', 'Sở Tài chính' (a proper name): no room for a shared qualifier."""
    return bool(_place_words_re().search(_mask(lower_vn(piece)))) or any(
        w[:1].isupper() for w in piece.split()[1:]
    )


def split_bodies(text: str) -> list[str]:
    """One grammar for every list of bodies: 'các ban, cơ quan, sở, ngành, Ủy ban MTTQ và các tổ
    chức chính trị - xã hội tỉnh', 'UBND các huyện, thành phố', 'quận - huyện ủy' -> items.
    The rules and their examples are in obligations.toml [lists]."""
    return list(_split_bodies(text))


@text_cache(maxsize=1 << 13)
def _split_bodies(text: str) -> tuple[str, ...]:
    heads, units = _share_heads(_share_boards(_items(text)))
    out = [
        (p, s.lstrip("["))
        for p, s in _share_qualifiers(_share_place_qualifiers(_share_committees(_share_organ(heads))), units)
    ]
    # A role shared by a list: "người đứng đầu các cơ quan, đơn vị", "Bí thư các huyện ủy, thành ủy".
    shared = None
    distributed: list[tuple[str, str]] = []
    for piece, s in out:
        m = _ROLE_LIST_RE.match(piece)
        if m and m.group(1) is None:
            m = _ROLE_RE.match(piece)
        if m:
            shared = m.group(1)
            piece = f"{m.group(1)} {m.group(2)}"
        elif (
            shared
            and s == ","
            and piece[:1].islower()
            and not piece.lower().startswith(shared.lower())
            and not _holder_re().search(lower_vn(piece))  # 'Bí thư chi bộ, trưởng thôn': two persons
        ):
            piece = f"{shared} {piece}"
        else:
            shared = None
        distributed.append((piece, s))
    out = distributed
    names = [p for p, _ in out]
    # A locality shared by a coordinated pair: "Ủy ban MTTQ và các đoàn thể tỉnh".
    locs, own = _locality_ends()
    for i in range(len(out) - 1, 0, -1):
        if out[i][1] != "và" or i in units:  # 'UBND các huyện' names units: no place for another body
            continue
        loc = next((w for w, rx in locs if rx.search(names[i])), None)
        if (
            loc
            and not any(rx.search(names[i - 1]) for rx in own)
            and not _unit_committee_res()[1].search(lower_vn(names[i - 1]))  # 'thị ủy': a place's own
            and len(names[i - 1].split()) > 1
            and lower_vn(names[i - 1]) not in _kinds()  # a kind's level is `_share_qualifiers`'s
            and not _other_level(names[i - 1], loc)  # 'Bộ Công an và Công an tỉnh'
        ):
            if signals.body_level(loc) == "commune" and _office_of_a_level(names[i - 1]):
                continue  # 'Phòng Tài nguyên và Môi trường và UBND xã': the district's office, no commune's
            names[i - 1] = f"{names[i - 1]} {loc}"
    # Provincial mass organisations listed beside "… tỉnh" bodies are the province's too.
    if any(_TINH_END_RE.search(n) for n in names):
        mass = _provincial_organisations()
        names = [f"{n} tỉnh" if lower_vn(n) in mass else n for n in names]
    # Renames compare names with abbreviations spelled out: "Đảng đoàn MTTQ" is "Đảng đoàn Mặt trận Tổ quốc".
    out_names = []
    for n in names:
        full = _expand(n)
        low = lower_vn(full)
        for k, v in _renames().items():
            if low == k or low.startswith(k + " "):
                n = v + full[len(k) :]
                break
        out_names.append(n)
    return tuple(out_names)


@cache
def _holder_re() -> re.Pattern:
    """A word of an office holder's title, on lower-case text ([lists] holders)."""
    words = sorted((lower_vn(w) for w in _lists()["holders"]), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


@cache
def _members() -> frozenset[str]:
    return frozenset(lower_vn(w) for w in _lists()["members"])


def _share_organ(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Văn phòng, Ban Tổ chức Thành ủy' -> Văn phòng Thành ủy, Ban Tổ chức Thành ủy; 'Thường trực
    HĐND, các Ban HĐND, các Tổ đại biểu HĐND tỉnh' -> … HĐND tỉnh each: the owner closing the last
    item of a list of its parts and members ([lists] owners, members) goes to the parts named
    before it bare ('Văn phòng', 'Tổ đại biểu') or by the same member's word and a field ('Ban
    Tuyên giáo'), and its place to those that name the owner without it ('Thường trực HĐND');
    its place alone would make 'Tổ đại biểu tỉnh'."""
    out = list(items)
    j = len(out) - 1
    while j > 0:
        owned = _owned(out[j][0])
        i = j - 1
        while owned is not None and i >= 0 and (named := _owned_part(out[i][0], out[i + 1][1], owned)):
            out[i] = (named, out[i][1])
            i -= 1
        j = min(i, j - 1)
    return out


def _share_boards(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Ban Tuyên giáo, Dân vận các huyện ủy, thành ủy' -> the two boards of each committee: the
    boards listed before the last of them, which opens the committees after 'các' ([lists] members
    and boards; a bare field lends the member word before it), are each committee's too. Without
    a board before it, `_share_heads` gives the one board to each committee."""
    out = list(items)
    for j in range(len(out) - 1, 0, -1):
        split = _head_cac(out[j][0])
        if split is None or not _committees_only([split[1]]):
            continue
        inner = _head_of(split[1])  # 'đảng ủy' of 'đảng ủy xã', which the places after it have
        if inner is None or lower_vn(split[1][len(inner) :].strip()) not in _kinds():
            inner = None
        committees, k = [split[1]], j + 1
        while k < len(out) and out[k][1] in (",", "và"):
            if _committees_only([out[k][0]]):
                committees.append(out[k][0])
            elif inner and out[k][0] == lower_vn(out[k][0]) and _is_place_kind(out[k][0]):
                committees.append(f"{inner} {out[k][0]}")  # 'các đảng ủy xã, phường'
            else:
                break
            k += 1
        boards = _board_run([*(p for p, _ in out[:j]), split[0]], [s for _, s in out[: j + 1]])
        if len(boards) < 2:
            continue
        named = [f"{b} {c}" for b in boards for c in committees]
        i = j + 1 - len(boards)
        out[i:k] = [(named[0], out[i][1]), *((n, ",") for n in named[1:])]
    return out


def _committees_only(pieces: list[str]) -> bool:
    """Are `pieces` committees named by their unit's word ('huyện ủy', 'thành ủy', 'đảng ủy trực thuộc')?"""
    return all(_committee_re().fullmatch(lower_vn(p)) for p in pieces)


def _board_run(pieces: list[str], seps: list[str]) -> list[str]:
    """The boards that close `pieces`, listed with commas or 'và' ('Ban Tuyên giáo', 'Dân vận' ->
    'Ban Tuyên giáo', 'Ban Dân vận'; 'Ban Tổ chức', 'Ủy ban Kiểm tra'), each named with its member
    word; [] when the last piece is none."""
    run: list[tuple[str, str]] = []  # (piece, its member word as written, '' for a bare field)
    for i in range(len(pieces) - 1, -1, -1):
        piece, low = pieces[i], lower_vn(pieces[i])
        if not piece[:1].isupper() or len(low) != len(piece):
            break
        member = next((m for m in _members_longest() if low == m or low.startswith(m + " ")), None)
        field = low[len(member) :].strip() if member else low
        if (member is None and field not in _boards()) or (member and field and field not in _boards()):
            break
        run.append((piece, piece[: len(member)] if member else ""))
        if i == 0 or seps[i].lstrip("[") not in (",", "và") or seps[i].startswith("["):
            break
    run.reverse()
    while run and not run[0][1]:
        run.pop(0)  # a bare field needs a member word before it
    names, word = [], ""
    for piece, member in run:
        word = member or word
        names.append(piece if member else f"{word} {piece}")
    return names


def _owned_part(piece: str, sep: str, owned: tuple[str, str, str]) -> str | None:
    """`piece` named with the owner of the part or member after it (`_owned`), when it is one of
    that owner's too: bare, by the same member's word and a field, or with the owner alone."""
    member, owner, place = owned
    if sep.lstrip("[") not in (",", "và") or not piece[:1].isupper():
        return None
    own = _owned(piece)
    if own is not None:  # 'Thường trực HĐND' before '… HĐND tỉnh'
        same = not own[2] and lower_vn(own[1]) == lower_vn(owner) and _LEVEL_PLACE_RE.fullmatch(place)
        return f"{piece} {place}" if same else None
    low = lower_vn(piece)
    field = next((low[len(m) + 1 :] for m in _members_longest() if low.startswith(m + " ")), None)
    # a committee's boards are all its own ('Ban Tổ chức, Ủy ban Kiểm tra Huyện ủy'); a council's
    # only beside its boards ('Ban Dân tộc, Văn phòng UBND tỉnh': the province's Ban Dân tộc)
    committee = lower_vn(owner).rsplit(" ", 1)[-1] in _place_committee_words()[1]
    if low not in _members() and not (
        field and field in _boards() and (committee or low.startswith(member + " "))
    ):
        return None
    return f"{piece} {owner} {place}".rstrip()


# A place or a level alone after an owner ('tỉnh', 'huyện Cẩm Xuyên', 'cấp xã'), no body ('và UBND huyện').
_LEVEL_PLACE_RE = re.compile(rf"(?:cấp )?(?:{_UNITS})(?: [{UPPER}][^\W\d_]*)*")


def _owned(item: str) -> tuple[str, str, str] | None:
    """(the member's word, the owner, its place) of a part or member of an owner named with it:
    ('ban', 'Thành ủy', '') of 'Ban Tổ chức Thành ủy', ('thường trực', 'HĐND', 'tỉnh') of
    'Thường trực HĐND tỉnh'; None for any other item ('Sở Tài chính', 'Ban Tổ chức')."""
    low = lower_vn(item)
    m = _owner_re().search(low) if len(low) == len(item) else None
    if m is None:
        return None
    unit = _OF_END_RE.sub("", low[: m.start()].strip())  # 'các Ban của Hội đồng nhân dân'
    member = next((w for w in _members_longest() if unit == w or unit.startswith(w + " ")), None)
    rest = item[len(member) : len(unit)].strip() if member else ""
    if member is None or (rest and (not rest[:1].isupper() or lower_vn(rest) not in _boards())):
        return None  # 'Ban Quản lý dự án …': none of an owner's boards
    return member, item[m.start() : m.end()], item[m.end() :].strip()


@cache
def _owner_re() -> re.Pattern:
    """An owner's word after a part's or member's name, on lower-case text ([lists] owners)."""
    words = sorted((lower_vn(w) for w in _lists()["owners"]), key=len, reverse=True)
    return re.compile(rf"(?<=\s)(?:{'|'.join(map(re.escape, words))})(?!\w)")


_OF_END_RE = re.compile(r" của$")


@cache
def _boards() -> frozenset[str]:
    return frozenset(lower_vn(w) for w in _lists()["boards"])


@cache
def _members_longest() -> tuple[str, ...]:
    return tuple(sorted(_members(), key=len, reverse=True))


@cache
def _locality_ends() -> tuple[tuple[tuple[str, re.Pattern], ...], tuple[re.Pattern, ...]]:
    """((locality word, pattern of a name ending with it), longest first; patterns of the endings
    that give a name its own place: those words, 'Tỉnh ủy', 'Trung ương', 'Thành ủy')."""
    locs = sorted(_table()["locality"]["words"], key=len, reverse=True)
    ends = {w: re.compile(r"\s" + re.escape(w) + r"$") for w in [*locs, "Tỉnh ủy", "Trung ương", "Thành ủy"]}
    own = tuple(ends[w] for w in [*locs, "Tỉnh ủy", "Trung ương", "Thành ủy"])
    return tuple((w, ends[w]) for w in locs), own


def _office_of_a_level(name: str) -> bool:
    """A State office of a province or a district ('Sở …', 'Phòng …', 'Chi cục …'): no commune's."""
    return lower_vn(name).startswith(tuple(w + " " for w in _named_office_words()))


@cache
def _provincial_organisations() -> frozenset[str]:
    return frozenset(lower_vn(x) for x in _table()["locality"].get("provincial_organisations", []))


@cache
def _renames() -> dict[str, str]:
    return {lower_vn(_expand(k)): v for k, v in _table().get("renames", {}).items()}


@cache
def _participle_re() -> re.Pattern:
    """'được phân công chuẩn bị', 'được giao': a passive participle and the verbs that follow it."""
    verbs = "|".join(
        re.escape(w)
        for w in sorted({lower_vn(w) for w in _table()["bodies"]["predicates"]}, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w])(?:{_lists()['participle']})(?:\s+(?:{verbs})(?![\w])){{1,4}}")


def _participle_end(text: str) -> int | None:
    """Where a restrictive participle closes the subject: 'Các cơ quan, đơn vị được phân công chuẩn
    bị các chỉ thị …' ends after 'chuẩn bị'; its object names no body."""
    low = lower_vn(text)
    m = _participle_re().search(low) if len(low) == len(text) else None
    return m.end() if m and m.start() > 0 else None


def parse_subject(text: str) -> tuple[list[str], int]:
    """(bodies, end offset) of the subject that opens `text`; ([], 0) when it opens with no body.
    A participle ('… được phân công chuẩn bị …') closes the names; its object is skipped."""
    names, end = _parse_subject(text)
    return list(names), end


@cache
def _head_word_re() -> re.Pattern:
    """The first word of every head, old name of a rename and abbreviation, lowercased: one of them
    stands in any sentence that opens with a body (`_may_have_subject`)."""
    named = [*_place_units(), *(lower_vn(u) for u in _table()["bodies"]["named_heads"])]
    words = [*_heads(), *named, *_renames(), *(lower_vn(a) for a in _table()["abbreviations"])]
    firsts = {w.split(" ")[0] for w in words if w}
    alt = "|".join(re.escape(w) for w in sorted(firsts, key=len, reverse=True))
    return re.compile(opens_with(firsts) + r"(?:" + alt + r")")


# A character outside Latin letters and punctuation, or 'İ': one whose lowering or NFC may change
# a text's length ('İ' lowers to two characters, a combining mark joins the letter before it).
# Then an offset found in a lowered copy may fall inside a word, and `_may_have_subject` does not
# judge. Within these ranges both keep one character for one, whatever stands next to it.
_SHIFTING_RE = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]|\u0130")


def _may_have_subject(text: str) -> bool:
    """False when no body can open `text`: one search instead of the predicate, the list and
    the item tests, for the many sentences that assign nothing ("Số 12-NQ/TU", "Điều 1000.").

    Necessary: `_parse_subject` keeps names that each open with a head (`starts_with_head`:
    exact words, the fuzzy reading of names comes later), after 'các'/'đồng chí'. A name is made
    of pieces of the text cut at blanks and separators, joined by spaces, maybe with a word of the
    tables after it (qualifier, locality, 'tỉnh'), so its words are words of the text; a rename
    puts a new name first only where the old one (or an abbreviation) opened it. So the first
    word of a head, of a renamed name or an abbreviation is in lower_vn(text), unless offsets
    shift (`_SHIFTING_RE`). Texts longer than `lower_vn` remembers are not searched:
    `subject_end` would lower them a second time."""
    if len(text) > CACHED_LEN:
        return True
    return _head_word_re().search(lower_vn(text)) is not None or _SHIFTING_RE.search(text) is not None


def may_name_a_body(text: str) -> bool:
    """False when no piece of `text` cut at a blank (a sentence, a clause, what follows a lead
    word or a comma) can open with a body: the search `_may_have_subject` makes is for a
    substring, so what the whole text lacks, each piece lacks."""
    return _may_have_subject(text)


@text_cache(maxsize=1 << 13)
def _parse_subject(text: str) -> tuple[tuple[str, ...], int]:
    """parse_subject, remembered: a sentence's subject is read again for its clauses and roles.
    When no predicate word of the tables closes a body's name, the first word of the text in lower
    case that no name holds does ('Ủy ban Kiểm tra Thành ủy thẩm tra, xác minh …')."""
    if not _may_have_subject(text):
        return (), 0
    end = subject_end(text)
    emphasis = _EMPHASIS_RE.search(text, 0, end + 16)  # 'là' of 'nhất là' is a predicate of its own
    if (
        emphasis and emphasis.start() < end
    ):  # 'Chính quyền địa phương, nhất là cấp cơ sở phải …': the part named is no other body
        return _subject_until(text, emphasis.start())
    found = _subject_until(text, end)
    if found[0]:
        return found
    cut = _cased_name_end(text)
    return _subject_until(text, cut) if cut is not None else found


_WORDS_RE = re.compile(r"[^\W\d_]+")
# A part of the bodies before it singled out: '…, nhất là cấp cơ sở', '…, đặc biệt là người đứng đầu'.
_EMPHASIS_RE = re.compile(r",\s*(?:nhất là|đặc biệt là|trước hết là|trong đó)\s", re.IGNORECASE)


@cache
def _name_words() -> frozenset[str]:
    """Words in lower case that a body's name may hold: those of the heads, kinds and qualifiers
    of the tables, and the joining ones ('Ủy ban nhân dân huyện', 'Ban cán sự đảng các sở')."""
    lists = _lists()
    phrases = [*_heads(), *lists["kinds"], *lists["qualifiers"], *lists["belongs"], "nhân dân", "và", "các"]
    return frozenset(w for p in phrases for w in lower_vn(p).split())


def _cased_name_end(text: str) -> int | None:
    """Where the name of the body that opens `text` ends by its words: after its head, at the
    first word in lower case that no name holds (a verb the tables do not list: 'treo', 'thẩm
    tra'), when what stands before it closes a name: a committee ('… Thành ủy') or a name of the
    bodies' vocabulary ('… Du lịch'). None when the text opens with no head or no such word follows."""
    head = _head_of(text)
    if head is None:
        return None
    words = _name_words()
    last = ""
    for m in _WORDS_RE.finditer(text, len(head)):
        w = m.group(0)
        if w[:1].islower() and lower_vn(w) not in words:
            # a name closes on a committee ('… Thành ủy') or a name of the vocabulary ('… Du lịch')
            named = lower_vn(text[len(head) : m.start()])  # after the head: 'Tổ chức' alone is a verb
            closed = last == "ủy" or (named != "" and named.endswith(_vocabulary_names()))
            return m.start() if closed else None
        last = lower_vn(w)
    return None


def _field_head(before: str, piece: str) -> str | None:
    """The head an office named by its field lends the next field listed bare ('Sở Tài chính,
    Kế hoạch và Đầu tư': Sở; 'Ban Tuyên giáo, Dân vận Huyện ủy': Ban, the owner after the field
    shared later, `_share_organ`), or None: both are names of the vocabulary, the second with no head."""
    if not piece[:1].isupper() or _head_of(piece) is not None:
        return None
    low = lower_vn(piece)
    owner = _owner_re().search(low) if len(low) == len(piece) else None
    if (low[: owner.start()].strip() not in _boards()) if owner else (low not in _vocabulary_names()):
        return None  # with an owner, one of its boards ('Dân vận Huyện ủy')
    head = _head_of(before)
    field = lower_vn(before[len(head) :].strip()) if head else ""
    if head is None or (field not in _vocabulary_names() and not (owner and field in _boards())):
        return None
    return head


@cache
def _vocabulary_names() -> tuple[str, ...]:
    return tuple(lower_vn(n) for n in tables.load("bodies.toml")["vocabulary"]["names"])


_UNITS_NAMED_RE = re.compile(rf"(?<!\w)các\s+(?:{_UNITS})(?=\s|:)")
_LIST_TOKEN_RE = re.compile(r"\s*(?:(?P<sep>,|và(?=\s))|(?P<word>[^\W_]+))")


def _place_names(text: str, pos: int) -> tuple[list[str], int]:
    """The place names listed from `pos` ('Bình Đại, Ba Tri', 'Bình Đại và Ba Tri', 'Phường 7'):
    words capitalised or numbers, apart at ',' or 'và' before another such name that opens no
    body's name ('… và Sở Y tế' goes on to a body); with where the last one ends."""
    names: list[str] = []
    words: list[str] = []
    end = pos
    while m := _LIST_TOKEN_RE.match(text, pos):
        word = m.group("word")
        if word is not None and (word[0].isupper() or word[0].isdigit()):
            words.append(word)
            end = pos = m.end()
            continue
        if word is None and words and (nxt := _LIST_TOKEN_RE.match(text, m.end())):
            w = nxt.group("word")
            if (
                w
                and w[0].isupper()
                and not starts_with_head(text[nxt.start("word") : nxt.start("word") + 60])
            ):
                names.append(" ".join(words))
                words, pos = [], m.end()
                continue
        break
    if words:
        names.append(" ".join(words))
    return names, end


def _units_named(subj: str) -> str:
    """'UBND các huyện Bình Đại, Ba Tri' (or '… Bình Đại và Ba Tri', '…: Bình Đại và Ba Tri') as
    'UBND các huyện: Bình Đại, Ba Tri': the names of the units listed after them, as after a colon."""
    m = _UNITS_NAMED_RE.search(subj)
    if m is None:
        return subj
    colon = subj[m.end() :].lstrip().startswith(":")
    start = subj.index(":", m.end()) + 1 if colon else m.end()
    names, end = _place_names(subj, start)
    if len(names) < (1 if colon else 2):
        return subj
    return f"{subj[: m.end()]}: {', '.join(names)}{subj[end:]}"


def _subject_until(text: str, end: int) -> tuple[tuple[str, ...], int]:
    """The bodies of the subject `text[:end]` (and `end`), or ((), 0) when it names none."""
    subj = text[:end].strip(" ,;:")
    cut = _participle_end(subj)
    if cut is not None:
        subj = subj[:cut]
    if "các" in subj:  # 'UBND các huyện Bình Đại, Ba Tri': the units' names listed, as after a colon
        subj = _units_named(subj)
    colon = subj.find(":")
    if colon > 0 and _PLURAL_RE.sub("", lower_vn(subj[:colon]).strip()) in _honorific_words():
        subj, colon = subj[colon + 1 :].strip(), -1  # 'Các ông, bà: Chánh Văn phòng …, Giám đốc …'
    if colon > 0 and _named_list(_LIST_SEP_RE.split(subj[:colon])[-1].strip() + subj[colon:]) is None:
        lead = len(text) - len(text.lstrip(" ,;:"))  # 'Sở Tài chính: Trên cơ sở …': the item's
        subj, end = subj[:colon], lead + colon  # header, then its task
    if not subj or len(subj) > 300:
        return (), 0
    names = tuple(n for n in _split_bodies(subj) if not _named_person(n, subj))
    if names and starts_with_head(names[0]) and not all(_listed_body(n) for n in names[1:]):
        names = _names_with_commas(subj)
    if not names or not starts_with_head(names[0]) or not all(_listed_body(n) for n in names[1:]):
        return (), 0
    return names, end


def _names_with_commas(subj: str) -> tuple[str, ...]:
    """The names of a list whose items did not all name a body, each item with no head of its own,
    capitalised with a word in lower case (no person's name), kept in the body's name before it:
    'Cục Thông tin, Thống kê' is one department, 'Cục Thông tin, Thống kê, Vụ Pháp chế' two
    bodies. () when no such item stands after a body."""
    groups: list[str] = []
    joined = False
    for piece in subj.split(", "):
        named = piece[:1].isupper() and any(w[:1].islower() for w in piece.split()[1:])
        if groups and named and _head_of(groups[-1]) and _head_of(piece) is None and not _listed_body(piece):
            groups[-1] = f"{groups[-1]}, {piece}"
            joined = True
        else:
            groups.append(piece)
    if not joined:
        return ()
    return tuple(n for g in groups for n in ((g,) if ", " in g else _split_bodies(g)))


def _bare_unit(name: str) -> bool:
    """A unit's word alone in lower case, the places themselves: 'xã', 'thị trấn' of 'Phòng Nông
    nghiệp và Phát triển nông thôn, các xã, thị trấn' ('Xã Đạ Huoai' has its name; a sentence
    that opens with places alone, 'Các xã, phường vận hành thông suốt', may say how they are)."""
    return name == lower_vn(name) and name in _place_units()


def _bare_place(name: str) -> bool:
    """A unit's word alone (`_bare_unit`), maybe with what the places are: 'xã có liên quan'."""
    q = _qualifier(name)
    return _bare_unit(name) or (bool(q) and name.endswith(q) and _bare_unit(name[: -len(q)].strip()))


def parse_places(text: str) -> tuple[list[str], int]:
    """(places, end) of a list of units' words alone that opens `text`, where a body is read
    ('các xã, thị trấn' of a heading '2. Đối với các xã, thị trấn:', whose points are their tasks,
    or of a partner's '… phối hợp với các xã, thị trấn kiểm tra …'); ([], 0) for anything else,
    and for a place said alone ('… phối hợp với tỉnh': the province as a whole, no body)."""
    if not _CAC_OPENS_RE.match(text.lstrip()):
        return [], 0
    end = subject_end(text)
    names = split_bodies(text[:end].strip(" ,;:")) if 0 < end <= 120 else []
    return (names, end) if names and all(_bare_place(n) for n in names) else ([], 0)


def places_subject(text: str) -> tuple[list[str], int]:
    """(places, end) of units' words alone, maybe with kinds after them ('Các xã, thị trấn', 'Các
    phường, xã, các cơ quan, đơn vị'), that open `text` as its subject: a predicate of the tables
    follows them ('… xây dựng kế hoạch'). Only a part of tasks reads them so (`_bare_unit`: alone,
    they may say how the places are)."""
    if not _CAC_OPENS_RE.match(text.lstrip()):
        return [], 0
    end = subject_end(text)
    names = split_bodies(text[:end].strip(" ,;:")) if 0 < end <= 120 else []
    if not units_only(names):
        return [], 0
    area = _area_place_re().match(text, end)  # 'Các xã, thị trấn trên địa bàn huyện': where they are
    for words in _PLACE_QUALIFIER_RES:
        # the predicate, maybe after words in lower case that say which of the places ('Các xã, thị
        # trấn vùng cao ưu tiên …', 'Các phường nội thành hoàn thành …')
        q = words.match(text, area.end() if area else end)
        if q is None or q.group() != q.group().lower() or _says_how_re().search(q.group()):
            break  # 'Các xã, thị trấn vẫn duy trì …': no qualifier, how the places are
        if _predicates_re().match(lower_vn(text[q.end() :])):
            return names, q.end()
    return [], 0


@cache
def _says_how_re() -> re.Pattern:
    """A word that says how places are or what they did (obligations.toml [appeal] statement,
    assessment: 'đã', 'vẫn'), never one of a qualifier that says which they are."""
    t = _table()["appeal"]
    words = sorted({*t["statement"], *t["assessment"]}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})(?!\w)")


@cache
def _area_place_re() -> re.Pattern:
    """'trên địa bàn huyện', 'trên địa bàn thành phố Bảo Lộc': where places are ([lists] area),
    then a unit's word, maybe with its name."""
    area = "|".join(re.escape(lower_vn(w)) for w in _lists()["area"])
    return re.compile(rf"\s*(?:{area})\s+(?:toàn )?(?:cấp )?(?:{_UNITS})(?: [{UPPER}][^\W\d_]*)*(?!\w)")


# Blanks, then none to three words: a qualifier of places before the predicate ('vùng cao', 'nội thành').
_PLACE_QUALIFIER_RES = tuple(re.compile(rf"\s*(?:[^\W\d_]+\s+){{{n}}}") for n in (0, 1, 2, 3))


def units_only(names: list[str]) -> bool:
    """Are `names` units' words alone, with kinds maybe ('xã', 'thị trấn', 'cơ quan'): places?"""
    place = [_bare_place(n) or _is_place_unit(n) for n in names]
    return bool(names) and place[0] and all(p or _is_kind(n) for p, n in zip(place, names, strict=True))


def _listed_body(name: str) -> bool:
    """A body in a list after one the tables know: it opens with a head, or it is named by words
    the tables lack, capitalised as a body's proper name is ('Hạt Kiểm lâm Bảo Lộc': its first word
    and another capitalised, a word in lower case or an abbreviation ('VNPT Nghệ An'), as a
    person's name has none)."""
    if starts_with_head(name) or (name == lower_vn(name) and (_bare_unit(name) or _is_kind(name))):
        return True  # '…, các xã, thị trấn', '…, các doanh nghiệp': places, a kind of its own
    words = name.split()
    return (
        2 <= len(words) <= _NAMED_REACH
        and words[0][:1].isupper()
        and any(w[:1].isupper() for w in words[1:])
        and (
            any(w[:1].islower() for w in words[1:])
            or (any(_ABBREVIATION_RE.fullmatch(w) for w in words) and not name.isupper())
        )
    )


_ABBREVIATION_RE = re.compile(rf"[{UPPER}][{UPPER}&\-]+")  # 'VNPT', 'KH&KT': no person's name


_NAMED_REACH = 8  # words of a body's proper name the tables lack


@text_cache(maxsize=1 << 13)
def is_generic(subject_text: str) -> bool:
    """'các cấp ủy, tổ chức đảng', 'cấp ủy, chính quyền, mặt trận và các đoàn thể': everyone, so no one."""
    low = lower_vn(subject_text).strip(" ,;:")
    generic, generic_levels, kinds = _generic_words()
    if low in generic or low.startswith(generic_levels):
        return True
    items = [_CAC_CAP_END_RE.sub("", lower_vn(n)) for n in split_bodies(subject_text)]
    return bool(items) and all(i in kinds for i in items)


@cache
def _generic_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(generic subjects, each followed by ' các cấp', generic items): obligations.toml [bodies]."""
    generic = [lower_vn(g) for g in _table()["bodies"]["generic"]]
    items = frozenset(lower_vn(x) for x in _table()["bodies"]["generic_items"])
    return frozenset(generic), tuple(g + " các cấp" for g in generic), items


def names_a_kind(name: str) -> bool:
    """'sở', 'ban', 'cơ quan liên quan', 'ngành tỉnh': a kind of unit, not one body. Such names come
    from lists ('các ban, sở, ngành tỉnh') and stay assignees, flagged `generic` on their node."""
    low = lower_vn(name).strip()
    q = _qualifier(name)
    if q:
        low = lower_vn(name[: len(name) - len(q)]).strip()
    return low in _kinds() or low in _generic_words()[2]


JOINT = ", "  # between the names of joint issuers: 'Bộ Chính trị, Ban Bí thư'


def joint_issuers(issuer: str) -> list[str]:
    """The bodies of a joint issuer, each of which names a body: 'Bộ Chính trị, Ban Bí thư' is two,
    'Sở Văn hóa, Thể thao và Du lịch' one."""
    parts = issuer.split(JOINT)
    if len(parts) > 1 and all(signals.names_body(p) or tables.canonical_body(p) for p in parts):
        return parts
    return [issuer]


def canonical_name(name: str) -> str:
    """A body's name with abbreviations expanded, modern tones, misspellings read, spaces tidied."""
    return read_name(name)[0]


@lru_cache(maxsize=1 << 16)
def read_name(name: str) -> tuple[str, tuple[Correction, ...]]:
    """(canonical name, corrections): 'BAN TUYỂN GIÁO TỈNH ỦY' -> 'Ban Tuyên giáo Tỉnh ủy', with the
    correction "'TUYỂN GIÁO' read as 'Tuyên giáo' (score 100)" for the caller to report."""
    s, corrections = tables.body_vocabulary().read(modern_tones(name.strip()))
    if s.isupper():  # abbreviations spelt out first, as written: 'ỦY BAN MTTQ VIỆT NAM'
        rx, table = _abbreviations_re()
        found = iter([table[m.group(0)] for m in rx.finditer(s)])
        s = _title_words(re.sub("\x00", lambda _: next(found), _title_case(rx.sub("\x00", s))))
    s = executive_committee(_expand(s))
    # "huyện ủy" (any district committee) stays lower case; "Huyện ủy Việt Yên" is written so.
    return _BLANKS_RE.sub(" ", s).strip(" ,.;:"), corrections


@cache
def _executive_committees() -> tuple[re.Pattern, dict[str, str]]:
    units = tables.load("bodies.toml")["executive_committees"]["units"]
    alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    rx = re.compile(rf"\b(?:ban chấp hành|bch) đảng bộ ({alt})\b", re.IGNORECASE)
    return rx, {lower_vn(u): c for u, c in units.items()}


def executive_committee(s: str) -> str:
    """'Ban Chấp hành Đảng bộ huyện Cẩm Xuyên' -> 'Huyện ủy Cẩm Xuyên': the committee of its level."""
    if "đảng bộ" not in s.lower():
        return s
    rx, committees = _executive_committees()
    return rx.sub(lambda m: committees[lower_vn(m.group(1))], s)


@cache
def _abbreviations_re() -> tuple[re.Pattern, dict[str, str]]:
    table = _table()["abbreviations"]
    alt = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(opens_with(table) + r"(?<![\w])(?:" + alt + r")(?![\w])"), table


def _expand(s: str) -> str:
    """'Sở TT&TT' -> 'Sở Thông tin và Truyền thông'."""
    rx, table = _abbreviations_re()
    return rx.sub(lambda m: table[m.group(0)], s)


_KEEP_UPPER = {"tỉnh ủy": "Tỉnh ủy", "ubnd": "UBND", "hđnd": "HĐND"}


def _title_case(s: str) -> str:
    """'BAN TUYÊN GIÁO TỈNH ỦY' -> 'Ban Tuyên giáo Tỉnh ủy', using known names where possible."""
    low = lower_vn(s)
    known = _names_by_lower().get(low)
    if known is not None:
        return known
    words = low.split()
    out = [words[0].capitalize(), *words[1:]]
    text = " ".join(out)
    text = _TINH_UY_RE.sub("Tỉnh ủy", text)
    text = _BOARD_RE.sub(lambda m: m.group(1).capitalize(), text)
    return _spelt_as_known(_title_words(text))


def _title_words(text: str) -> str:
    for rx, written in _TITLE_WORDS:
        text = rx.sub(written, text)
    return text


_NAME_WORD_RE = re.compile(r"[^\W\d_]+")
_SPELLING_REACH = 8  # words in the longest phrase looked up


def _spelt_as_known(text: str) -> str:
    """Each run of two words or more that the tables spell (a body's name, an organisation, a
    province) spelt so, its capitals with it: 'ban bí thư trung ương đoàn tncs hồ chí minh' ->
    'ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh'. A name read from capitals has lost them."""
    known = _known_spellings()
    found = list(_NAME_WORD_RE.finditer(text))
    words = [m.group(0).lower() for m in found]
    out = list(text)
    i = 0
    while i < len(found):
        for n in range(min(_SPELLING_REACH, len(found) - i), 1, -1):
            spelt = known.get(tuple(words[i : i + n]))
            if spelt is not None:
                for m, w in zip(found[i : i + n], spelt, strict=True):
                    out[m.start() : m.end()] = [w] + [""] * (len(w) - 1)
                i += n
                break
        else:
            i += 1
    return "".join(out)


@cache
def _known_spellings() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Lowercase words -> their spelling, for every name of two words or more in the tables: bodies
    and their aliases, the vocabulary, provincial organisations, the organisations of a header,
    provinces. Only spellings with a capital past their first letter say more than lowercase."""
    obl = tables.load("obligations.toml")
    names = [
        *(a for b in tables.bodies() for a in (b.name, *b.aliases)),
        *tables.load("bodies.toml")["vocabulary"]["names"],
        *obl["locality"]["provincial_organisations"],
        *tables.load("signals.toml")["motto"]["organisations"],
        *tables.load("provinces.toml")["names"],
    ]
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in names:
        spelt = tuple(_NAME_WORD_RE.findall(modern_tones(name)))
        if len(spelt) >= 2 and "".join(spelt)[1:] != "".join(spelt)[1:].lower():
            out.setdefault(tuple(w.lower() for w in spelt), spelt)
    return out


@cache
def _names_by_lower() -> dict[str, str]:
    """Every body name and alias by its lowercase form (the first one the tables list)."""
    out: dict[str, str] = {}
    for b in tables.bodies():
        for a in (b.name, *b.aliases):
            out.setdefault(lower_vn(a), a)
    return out


_TINH_UY_RE = re.compile(r"\btỉnh ủy\b")
_BOARD_RE = re.compile(r"\b(tuyên giáo|tổ chức|dân vận|nội chính|kiểm tra|kinh tế)\b")
# Words a name in capitals keeps capitalised, after the boards above.
_TITLE_WORDS = tuple(
    (re.compile(pattern, re.IGNORECASE), written)
    for pattern, written in (
        (r"\b(tỉnh đoàn)\b", "Tỉnh đoàn"),
        (r"\bubnd\b", "UBND"),
        (r"\bthường vụ\b", "Thường vụ"),
        (r"\bchính trị tỉnh\b", "Chính trị tỉnh"),
        (r"\bviệt nam\b", "Việt Nam"),
        (r"\bban thường trực\b", "Ban Thường trực"),
        # the people's committees and councils inside an office holder's or a committee's name
        (r"\bủy ban nhân dân\b", "Ủy ban nhân dân"),
        (r"\bhội đồng nhân dân\b", "Hội đồng nhân dân"),
        (r"\bủy ban mặt trận tổ quốc\b", "Ủy ban Mặt trận Tổ quốc"),
    )
)
