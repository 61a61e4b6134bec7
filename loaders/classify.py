"""Which relation a citation states, from where it stands. One place for every relation type.

- In a document's own subject line, the cue before the citation decides
  ("về tiếp tục thực hiện Nghị quyết số 109-NQ/TU" -> THUC_HIEN).
- In the opening paragraphs, a sentence that begins with a cue governs every document it lists
  ("Thực hiện Chỉ thị số 45-CT/TW …; Nghị quyết số 133/2020/QH14 …" -> THUC_HIEN, "Căn cứ" -> CAN_CU).
- Anywhere, a sentence whose subject is the document itself may replace, amend or repeal
  ("Quy định này thay thế Quy định số 76-QĐ/TW" -> THAY_THE). "thay thế cán bộ" names no document.
- In the subject of a cited document, the cue states a relation between two other documents
  ("Kế hoạch số 82-KH/TU … thực hiện Nghị quyết số 29-NQ/TW").
- Everything else is DAN_CHIEU: tasks such as "tiếp tục thực hiện có hiệu quả Nghị quyết …" or
  "Tham mưu sửa đổi, bổ sung Quy định …" are no accomplished relation.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from vbgraph.loaders import cite as cit
from vbgraph.loaders import identify, named, patterns, signals
from vbgraph.loaders.identify import Draft
from vbgraph.loaders.normalize import NOISY, fold, lower_vn, tone_noise
from vbgraph.loaders.patterns import alt
from vbgraph.loaders.records import Citation, Evidence, Issue
from vbgraph.loaders.segment import Paragraph, Paragraphs, quote
from vbgraph.loaders.spans import Span, evolve
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import KIND, fold_aligned
from vbgraph.ontology.relations import Rel


def _words_re(words: list[str], *, anchored: str = "") -> re.Pattern:
    alt = "|".join(
        re.escape(lower_vn(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(anchored + r"(?:" + alt + r")\b")


@cache
def _title_cues() -> list[tuple[Rel, re.Pattern]]:
    c = tables.cues()
    out = []
    for code in c["precedence"]["order"]:
        words = c.get(code, {}).get("title")
        if words:
            out.append((Rel(code), _words_re(words)))
    return out


@cache
def _preamble_openers() -> list[tuple[Rel, re.Pattern]]:
    c = tables.cues()
    lead = "|".join(re.escape(lower_vn(w)) for w in c["preamble_lead"]["words"])
    out = []
    for code in ("CAN_CU", "THUC_HIEN"):
        out.append(
            (Rel(code), _words_re(c[code]["preamble"], anchored=rf"^[\s\-–+•*]*(?:(?:{lead})\s*,?\s*)?"))
        )
    return out


@cache
def _transparent_re() -> re.Pattern:
    words = tables.cues()["governed"]["transparent"]
    return _words_re(words, anchored=r"(?<!\w)")


def without_transparent(text: str) -> str:
    """`text` without the words an opening cue reaches through ('Để bảo đảm thực hiện quyết liệt,
    có hiệu quả các nhiệm vụ, giải pháp nêu tại Kết luận …': the cue governs the Kết luận)."""
    if tone_noise(text) > NOISY:
        return _fold_pattern(_transparent_re().pattern).sub(" ", fold(text))
    return _transparent_re().sub(" ", lower_vn(text))


# The part of a document an act names: "khoản 2 Điều 4", "Điều 6 và Điều 7", "khoản 1, khoản 3 Điều 5".
_PART = r"(?:khoản|điểm|điều|mục|chương|phần|phụ lục)\s+[\w.]{1,6}"
_PARTS = rf"{_PART}(?:(?:\s*,|\s+và)?\s+{_PART}){{0,7}}"


@cache
def _self_cues() -> list[tuple[Rel, re.Pattern]]:
    c = tables.cues()
    out = []
    names = {lower_vn(w) for t in tables.doc_types() for w in (t.name, *t.aliases)}
    types = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    for code in ("THAY_THE", "SUA_DOI", "BAI_BO", "HUONG_DAN"):
        words = c[code].get("self", [])
        alt = "|".join(re.escape(lower_vn(w)) for w in sorted(words, key=len, reverse=True))
        # The cue right before the citation: "… thay thế Quy định số …", "… bãi bỏ các …".
        # "sửa đổi, bổ sung, bãi bỏ một số điều, khoản của …": the first verb of a list decides.
        verbs = r"(?:\s*,\s*|\s+và\s+)(?:sửa đổi|bổ sung|bãi bỏ|thay thế|hủy bỏ|cập nhật|điều chỉnh)"
        # "hướng dẫn một số nội dung của …", "… một số quy định của …", "… việc thực hiện …"
        fill = (
            r"\s+(?:cho|các|toàn bộ|một số điều, khoản của|một số điều của|một số điều|một số|nội dung|quy định"
            r"|việc thực hiện|khoản|điều|của)"
        )
        # the part of it acted on: "khoản 2 Điều 4", "Điều 5 của", "điểm a khoản 1 Điều 3 tại", and
        # a list of parts: "Điều 6 và Điều 7 của", "khoản 1, khoản 3 Điều 5 của"
        part = rf"(?:\s+{_PARTS})(?:\s+(?:của|tại))?"
        # a text issued with the decision cited: "… Quy chế làm việc ban hành kèm theo"
        # ('bãi bỏ thủ tục hành chính số 3, số 4 Mục I … danh mục ban hành kèm theo': a part of it)
        carried = r"(?:,?\s+\w+){1,16}?\s+ban hành kèm theo"
        # the kind of the documents listed after a colon: "… thay thế các Quyết định: số …"
        listed = r"(?:\s+[^\W\d_]+){1,2}\s*:(?:\s*số)?"
        # the document's type named with more words before its number, which the citation starts
        # after: "… thay thế Quy chế làm việc số …", "… Kế hoạch kiểm tra, giám sát số …"
        # (its words name no other document nor what it acts on: "thay thế Kế hoạch thực hiện Chỉ
        # thị số 05-CT/TW …" replaces that plan, not the directive)
        named = rf"(?:\s+(?:{types})(?:,?\s+(?!(?:thực|triển|của|về|do|theo|tại|số)(?!\w))[^\W\d_]+){{1,6}})"
        out.append(
            (
                Rel(code),
                re.compile(
                    r"(?:" + alt + r")(?:" + verbs + r"){0,4}(?:" + fill + r"){0,4}"
                    r"(?:" + part + r")?(?:" + carried + r")?(?:" + listed + r")?(?:" + named + r")?\s*$"
                ),
            )
        )
    return out


_ARTICLE_RE = re.compile(r"^\s*điều\s+\d{1,3}[a-z]?\s*[.:]\s*")


@cache
def _act_opening() -> re.Pattern:
    """A sentence that opens with the document's own act ('bãi bỏ', 'thay thế', 'sửa đổi')."""
    words = [
        lower_vn(w) for code in ("THAY_THE", "SUA_DOI", "BAI_BO") for w in tables.cues()[code].get("self", [])
    ]
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


@cache
def _after_repeal() -> re.Pattern:
    words = tables.cues()["BAI_BO"].get("after", [])
    return re.compile(r"^\s*,?\s*(?:" + "|".join(re.escape(lower_vn(w)) for w in words) + r")\b")


# An expiry this text sets: from a day ('… hết hiệu lực kể từ ngày …'), not one the cited document
# set itself ('… hết hiệu lực vào ngày 31/12/2025 theo quy định tại Điều 5 của Nghị quyết đó').
_EXPIRES_FROM_RE = re.compile(r"\s*(?:thi hành\s+)?(?:kể\s+)?từ\b")
_OWN_EFFECT_RE = re.compile(r"(?<!\w)này\s+có\s+hiệu\s+lực(?!\w)", re.IGNORECASE)


@cache
def _expires_re() -> re.Pattern:
    """'… của Bộ trưởng Bộ Y tế hết hiệu lực …': a cited document's expiry, after its issuer phrase."""
    words = tables.cues()["BAI_BO"].get("after", [])
    alt = "|".join(re.escape(lower_vn(w)) for w in words)
    return re.compile(r"\s*,?\s*(?:(?:của|do)\s[^,;.]{1,80}?\s)?(?:" + alt + r")\b")


@cache
def _self_ref() -> re.Pattern:
    types = "|".join(re.escape(lower_vn(w)) for t in tables.doc_types() for w in (t.name, *t.aliases))
    return re.compile(r"\b(?:" + types + r")\s+này\b")


@cache
def _type_by_word() -> dict[str, str]:
    return {lower_vn(w): t.name for t in tables.doc_types() for w in (t.name, *t.aliases)}


def _speaks_of_another(sentence: str, own_type: str | None, spans: list[Span], start: int) -> bool:
    """'Thông tư này … thay thế …' in a letter that relays the Thông tư it cited before: that
    document speaks, not the letter (a '<type> này' of another type than its own)."""
    if own_type is None or _THIS not in sentence.lower():
        return False
    for m in _self_ref().finditer(lower_vn(sentence)):
        kind = _type_by_word().get(m.group(0)[: -len(" này")].strip())
        if kind and kind != own_type and any(o.type == kind and o.start < start for o in spans):
            return True
    return False


def _cue_text(text: str) -> str:
    """Lowercased text for cue matching; without diacritics when they are scrambled."""
    return fold(text) if tone_noise(text) > NOISY else lower_vn(text)


def _folded_words_re(rx: re.Pattern) -> re.Pattern:
    return _fold_pattern(rx.pattern)


@cache
def _fold_pattern(pattern: str) -> re.Pattern:
    return re.compile(fold(pattern.replace(r"\ ", " ")).replace(" ", r"\s+"))


def _search(rx: re.Pattern, f: str, folded: bool) -> re.Match | None:
    return (_folded_words_re(rx) if folded else rx).search(f)


def title_cue(text_before: str, proposal: bool = False) -> Rel | None:
    """The relation a subject line states about the citation that follows `text_before`. A cue whose
    object is another document named before the citation governs that one, and the cue after it
    the citation ('Sửa đổi, bổ sung Chương trình hành động … thực hiện Nghị quyết số 57-NQ/TW': the
    programme is amended, the resolution implemented). A cue after a document drafted or
    proposed, or after unnamed ones ('… một số nghị định quy định chi tiết thi hành Luật …'), is
    theirs: none of the subject's own (cues.toml [drafted]). `proposal`: the subject is a
    proposal's ('Tờ trình về việc ban hành Nghị quyết bãi bỏ …' asks for the act)."""
    folded = fold_aligned(text_before)
    types = list(_type_word_re().finditer(folded))
    drafted, plural = _unissued_res(proposal)
    for m in types[-_TYPES_BACK:]:
        after = text_before[m.end() :]
        if drafted.search(folded, 0, m.start()) and _title_cue(after) is not None:
            return None  # the drafted document's act, not this one's
        if plural.search(folded, 0, m.start()) and _adjacent_verb_re().match(_cue_text(after).lstrip()):
            return None  # the unnamed documents' verb, right before the citation
    last = types[-1] if types else None
    if last is not None and last.start() > 0:
        tail = _title_cue(text_before[last.end() :])
        if tail is not None and _title_cue(text_before[: last.start()]) is not None:
            return tail
    return _title_cue(text_before)


_TYPES_BACK = 3  # the type words nearest the citation that may name what its cue is about


def _proposes(doc_type: str | None) -> bool:
    """Is a document of this type a proposal, whose subject names the issuing it asks for?"""
    return doc_type is not None and doc_type in tables.cues()["drafted"]["proposals"]


@cache
def _unissued_res(proposal: bool) -> tuple[re.Pattern, re.Pattern]:
    """(drafted or proposed, quantifier): words right before a type word, on folded text, that
    name a document not issued, or ones not named (cues.toml [drafted])."""
    t = tables.cues()["drafted"]
    drafted = [*t["words"], *(t["proposal_words"] if proposal else ())]
    drafted_re, plural_re = (
        re.compile(rf"(?<!\w)(?:{alt([fold(w) for w in ws])})\s+$") for ws in (drafted, t["plural"])
    )
    return drafted_re, plural_re


def _title_cue(text_before: str) -> Rel | None:
    folded = tone_noise(text_before) > NOISY
    f = _cue_text(text_before)
    cues = _title_cues()
    if cues and cues[0][0] is Rel.TONG_KET and _search(cues[0][1], f, folded):
        return Rel.TONG_KET  # 'tổng kết việc thực hiện …' reviews, whatever verb comes last
    m = _adjacent_verb_re().search(f)
    if m:  # '… hướng dẫn thi hành một số quy định của Nghị định …': the verb right before decides
        return Rel(next(k for k, v in m.groupdict().items() if v))
    g = _guides_object_re().search(f) if not folded else None
    if g and not _names_another(" ".join(text_before.split()[-len(g.group("object").split()) - 1 : -1])):
        return Rel.HUONG_DAN  # '… hướng dẫn cơ chế tài chính của đơn vị … theo Nghị định …'
    for code, rx in cues:
        if _search(rx, f, folded):
            return code
    return None


def _names_another(words: str) -> bool:
    """Do the words a guide guides name a document ('lập Kế hoạch phát triển …', its type word in
    capitals; 'chế độ … quy định tại' names none) or an act of their own ('sửa đổi quy định …')?"""
    folded = fold_aligned(words)
    if any(words[m.start() : m.start() + 1].isupper() for m in _type_word_re().finditer(folded)):
        return True
    low = lower_vn(words)
    return any(rx.search(low) for _, rx in _title_cues())


_OBJECT_WORDS = 16  # the longest object of a guide before its word ("chế độ phụ cấp đối với cán bộ không …")


@cache
def _guides_object_re() -> re.Pattern:
    """A guiding verb, what it guides, and the word before the document it guides it under (cues.toml
    [HUONG_DAN] object_ends), right before the citation: 'hướng dẫn cơ chế tài chính của đơn vị sự
    nghiệp công lập theo ' (lowercased)."""
    verbs = alt([lower_vn(w) for w in tables.cues()["between"]["HUONG_DAN"]])
    ends = alt([lower_vn(w) for w in tables.cues()["HUONG_DAN"]["object_ends"]])
    return re.compile(
        rf"(?<!\w)(?:{verbs})(?P<object>(?:,?\s+[^\W\d_]+){{1,{_OBJECT_WORDS}}}?)\s+(?:{ends})\s*+$"
    )


@cache
def _adjacent_verb_re() -> re.Pattern:
    """A verb of guiding, amending, repealing or replacing right before the cited document."""
    table = tables.cues()["between"]
    alts = []
    for code in ("HUONG_DAN", "SUA_DOI", "BAI_BO", "THAY_THE"):
        words = "|".join(
            re.escape(lower_vn(w)).replace(r"\ ", r"\s+") for w in sorted(table[code], key=len, reverse=True)
        )
        alts.append(f"(?P<{code}>{words})")
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")" + _FILLER + r"\s*+$")


_FILLER = (
    r"(?:\s+một\s+số\s+(?:điều|quy\s+định|nội\s+dung)(?:,?\s*khoản)?(?:\s+và\s+biện\s+pháp\s+thi\s+hành)?"
    r"(?:\s+của)?)?"
)


_NUMBERED_HEAD_RE = re.compile(r"(?:^|\s)(?:Điều|ĐIỀU|Khoản|khoản|Điểm|điểm)\s+\d{1,3}[a-z]?$")


# A sentence reaches back at most this far: cues open a sentence within a few lines of what they
# govern, and a paragraph with no full stop (a page joined into one line, a hostile text) must not
# make every citation re-read everything before it (quadratic).
SENTENCE_MAX = 2000


def sentence_start(text: str, pos: int, cuts: list[int] | None = None) -> int:
    """Start of the sentence holding `pos`: after the last '. ' (or the paragraph start), at most
    SENTENCE_MAX characters back. `cuts` (`sentence_cuts(text)`) spares a text with many
    citations reading back from each of them."""
    lo = max(0, pos - SENTENCE_MAX)
    end = pos
    while True:
        if cuts is None:
            cut = max(text.rfind(". ", lo, end), text.rfind(".\n", lo, end))
        else:
            k = bisect_right(cuts, end - 2) - 1  # the last '. ' that ends by `end`, from `lo`
            cut = cuts[k] if k >= 0 and cuts[k] >= lo else -1
        if cut < 0:
            return lo
        if not _NUMBERED_HEAD_RE.search(text, max(0, cut - 16), cut):
            return cut + 2
        end = cut  # 'Điều 1. Sửa đổi …': the article's number opens the sentence, it does not end one


_CUT_RE = re.compile(r"\.[ \n]")


def sentence_cuts(text: str) -> list[int]:
    """Where '. ' and '.\n' stand in `text`, in order: what `sentence_start` looks back for."""
    return [m.start() for m in _CUT_RE.finditer(text)]


def preamble_relation(sentence_before: str) -> Rel | None:
    """'Thực hiện …' / 'Căn cứ …' at the start of an opening sentence."""
    folded = tone_noise(sentence_before) > NOISY
    f = _cue_text(sentence_before)
    review, reviewed = _REVIEW_RES[folded]
    for code, rx in _preamble_openers():
        if _search(rx, f, folded):
            if code is Rel.THUC_HIEN and review.search(f):
                return Rel.TONG_KET
            return code
    if reviewed.search(f):
        return Rel.TONG_KET
    return None


def _review_res(review: str, thuc_hien: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """('tổng kết', 'sơ kết'; the same, then 'thực hiện' closing the text)."""
    return re.compile(review), re.compile(review + r"[^;]*\b" + thuc_hien + r"\s*$")


# by whether the text is folded (its diacritics scrambled)
_REVIEW_RES = {
    True: _review_res(r"\b(?:tong ket|so ket)\b", "thuc hien"),
    False: _review_res(r"\b(?:tổng kết|sơ kết)\b", "thực hiện"),
}


_THIS = "này"  # 'Quy định này …': the document speaks of itself
_THIS_RE = re.compile(_THIS)
_LONG = 400  # a paragraph longer than this is read once for all its citations (`_Facts`)


_OWN_ACT_RE = re.compile(r"\s+(?:thay thế|bãi bỏ|sửa đổi|có hiệu lực)(?!\w)")


def opens_with_own_type(sentence: str, own_type: str | None) -> bool:
    """'Kế hoạch thay thế Kế hoạch số 56-KH/TU …', 'Quyết định có hiệu lực … và thay thế …' in a
    document of that type: its type word and right after it its act open the sentence (or a
    point of it); the document speaks of itself without 'này' (a report of it, a web page). Not
    'Quy định của Bộ Chính trị … thay thế …': another's."""
    if not own_type:
        return False
    item = _LIST_ITEM_RE.match(sentence)  # '- Kế hoạch thay thế …': a point's mark opens no subject
    s = lower_vn(sentence[item.end() if item else 0 :].lstrip()[: len(own_type) + 16])
    t = lower_vn(own_type)
    return s.startswith(t) and _OWN_ACT_RE.match(s, len(t)) is not None


def self_relation(
    sentence_before: str,
    text_after: str,
    in_article: bool = False,
    masked_before: str = "",
    own_type: str | None = None,
    own_clause: bool = False,
) -> Rel | None:
    """THAY_THE, SUA_DOI or BAI_BO when the document itself is the subject of the sentence: it says
    so ('Quy định này thay thế …', or its type word opens the sentence: `opens_with_own_type`), or
    its article does ('Điều 1. Bãi bỏ …'; a later sentence of an article, `in_article`, that opens
    with the act: '… kể từ ngày ký. Bãi bỏ Quyết định số …'). `own_clause`: the citation has a
    predicate of its own (`_own_predicate`), no object of an act listed before it."""
    opens_act = in_article and _act_opening().match(lower_vn(sentence_before.lstrip()[:12])) is not None
    own = opens_with_own_type(sentence_before, own_type)
    if (
        _THIS not in sentence_before.lower()
        and sentence_before.lstrip()[:4].lower() != "điều"
        and not opens_act
        and not own
    ):
        return None  # neither test below can pass: the long sentences of a hostile text stay cheap
    f = lower_vn(sentence_before)
    if not own and not _self_ref().search(f) and not _ARTICLE_RE.match(f) and not opens_act:
        return None  # the document speaks of itself ('Quy định này …') or in its own article ('Điều 1. Sửa đổi …')
    for code, rx in _self_cues():
        if rx.search(f):
            return code
    folded = fold(sentence_before)  # a tone misread ('thay thể' for 'thay thế'): the cue's letters
    for code, rx in _self_cues():
        if _folded_words_re(rx).search(folded):
            return code
    # 'thay thế Quy định số 05 … (trước sắp xếp) và Quy định số 07': the act governs the list
    if masked_before:
        before = _PAREN_RE.sub(" ", lower_vn(masked_before))
        listed = _listed_head(before)
        if listed != before and not own_clause:
            for code, rx in _self_cues():
                if rx.search(listed):
                    return code
    if _after_repeal().search(lower_vn(text_after)):
        return Rel.BAI_BO
    return None


@cache
def _purpose_re(own_type: str | None) -> re.Pattern:
    """The opening of a sentence in which the document states its purpose (cues.toml [THUC_HIEN]
    purpose): its own type word ('Kế hoạch này', or alone as a report of it writes), maybe 'được ban
    hành', then 'nhằm'/'để'. Another type's 'này' is another document's (`_speaks_of_another`), or
    a text the document issues with it. On a page of no type of its own (a news report), any type
    word with 'này' or 'được ban hành': the document the page announces, whose words the page's are."""
    t = tables.cues()["THUC_HIEN"]
    verbs = alt([lower_vn(w) for w in t["purpose_verbs"]])
    if own_type is None:  # a page that announces the document it is about: the one it says is issued
        subject = rf"(?:{alt(list(_type_by_word()))})(?:\s+này(?:\s+(?:{verbs}))?|\s+(?:{verbs}))"
    else:
        own = [w for w, name in _type_by_word().items() if name == own_type] or ["\x00"]
        subject = rf"(?:{alt(own)})(?:\s+này)?(?:\s+(?:{verbs}))?"
    return re.compile(
        r"^[\s\-–+•*]*(?:(?:\d{1,2}|[a-zđ])\s*[.)]\s*)?"
        rf"{subject}\s+(?:{alt([lower_vn(w) for w in t['purpose']])})(?!\w)"
    )


_PURPOSE_HEAD = 120  # the opening that holds a purpose's subject, verb and word


def purpose_relation(masked_before: str, own_type: str | None) -> Rel | None:
    """THUC_HIEN (or TONG_KET) when the sentence before a citation (`masked_before`, earlier
    citations and their subjects blanked out) opens with the document's own purpose and its cue
    governs the citation: 'Nghị quyết được ban hành nhằm cụ thể hóa Quyết định số …, đồng thời tiếp
    tục thực hiện Nghị quyết số …', 'Kế hoạch này nhằm triển khai thực hiện Chỉ thị số …'. The words
    after the purpose word read as a preamble's opening cue (`_clause_cue`, `_governs`)."""
    if _purpose_re(own_type).match(lower_vn(masked_before[:_PURPOSE_HEAD])) is None:
        return None  # most sentences: their opening is read, not all of them
    low = lower_vn(masked_before)
    m = _purpose_re(own_type).match(low)
    if m is None:
        return None
    rest = low[m.end() :]
    code = _clause_cue(rest.lstrip())
    if code in (Rel.THUC_HIEN, Rel.TONG_KET) and _governs(rest.lstrip()):
        return code
    return None


def _expires_after_this(before: str, after: str) -> bool:
    """'Quy định này có hiệu lực kể từ ngày ký. Quy định số 105-QĐ/TU … hết hiệu lực thi hành.': the
    sentence a citation opens says it expires, after one where the document speaks of itself."""
    return (
        _after_repeal().search(lower_vn(after)) is not None
        and _self_ref().search(lower_vn(before)) is not None
    )


# What stands between the documents of a list, their citations blanked out: 'và', ',', 'cùng'; and
# before it, after ',' or 'và', the part of the next one the act names ('bãi bỏ Điều 6 của A và
# Điều 7 của B': B's too). Not after ';': 'Bãi bỏ A; khoản 2 Điều 7 của B được sửa đổi như sau' is
# the next clause's.
# The tail of separators is matched on the reversed text from its start: one match, linear (a
# pattern anchored at the end is tried from every position of a run of commas: quadratic). The
# next part opens where blanks open ('(?<!\s)'): a blanked citation's run of blanks is read once.
_LISTED_TAIL_REVERSED_RE = re.compile(
    r"\s*(?:(?:,|;|(?<!\w)(?:" + "|".join(w[::-1] for w in ("và", "cùng", "các")) + r")(?!\w))\s*)+"
)
_NEXT_PART_RE = re.compile(rf"(?<!\s)\s*(?:,|\bvà\b)\s+{_PARTS}\s+(?:của|tại)\s*$")
_LISTED_BACK = 8  # at most so many documents listed before the one an act governs


def _listed_head(before: str) -> str:
    """`before` (lowercased, citations blanked out) without the documents listed after the act that
    governs the last ('bãi bỏ khoản 3 Điều 4 của A, Điều 7 của B và ' -> 'bãi bỏ khoản 3 Điều 4 của'),
    each with the part of it the act names; `before` itself when no list ends it."""
    for _ in range(_LISTED_BACK):
        head = _NEXT_PART_RE.sub(",", before)
        if tail := _LISTED_TAIL_REVERSED_RE.match(head[::-1]):
            head = head[: len(head) - tail.end()]
        if head == before:
            break
        before = head
    return before


# What of the document itself an agent may name before its 'Quyết định này': 'bởi Điều 1 của',
# 'bằng Quy định ban hành kèm theo'; nothing else, so that a later clause's self-reference ('… bởi
# Quyết định số B kể từ ngày Quyết định này có hiệu lực') never makes it the agent.
_OWN_PART = rf"(?:{_PARTS}\s+(?:của\s+)?)?(?:(?:[^\W\d_]+\s+){{1,3}}?ban\s+hành\s+kèm\s+theo\s+)?"
# A lone 'bổ sung' (not 'sửa đổi, bổ sung') amends the text only with 'như sau' right after it or a
# part of it as its object: 'được bổ sung khoản 4 như sau:'; not 'được bổ sung kinh phí từ ngày …'.
_LONE_ADD_RE = re.compile(rf"\s*(?:như\s+sau|{_PARTS}(?!\w)[^.;:]{{0,60}}?như\s+sau)(?!\w)")

_PASSIVE_REACH = 120  # the words after a citation read for an act in the passive and its agent


@cache
def _passive_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(act, condition, own predicate) of cues.toml [passive], on lowercased text: the act right
    after a citation ('được sửa đổi, bổ sung như sau:', 'bị bãi bỏ.', 'được thay thế bởi Điều 1 của
    Quyết định này': `own`), a condition before it, a predicate that gives it a clause of its own."""
    t, between = tables.cues()["passive"], tables.cues()["between"]
    verbs = "|".join(f"(?P<{code}>{alt([lower_vn(w) for w in between[code]])})" for code in _ACTS)
    word = r"\s+[^\W\d_]+,?"  # one word of what is amended, before 'như sau' (letters, then blanks),
    # after the part it adds or amends: 'được bổ sung khoản 4 như sau:'
    act = re.compile(
        rf"\s*,?\s*(?P<past>(?:{alt(t['past'])})\s+)?(?:{alt(t['auxiliaries'])})\s+(?:{verbs})"
        rf"(?:\s*(?:[.;:]|$)|(?:\s+{_PARTS})?(?:{word}){{0,6}}?\s+(?:{alt(t['closers'])})(?!\w)"
        rf"|(?P<own>\s+(?:{alt(t['agents'])})\s+{_OWN_PART}{_self_ref().pattern}))"
    )
    condition = re.compile(rf"(?<!\w)(?:{alt(t['conditions'])})(?!\w)")
    own = re.compile(rf"\s*,?\s*(?:{alt(t['own_predicates'])})(?!\w)")
    return act, condition, own


def passive_relation(before: str, after: str) -> tuple[Rel, bool] | None:
    """The act in the passive right after a citation ('Khoản 2 Điều 7 của Quyết định số … được sửa
    đổi như sau:'), and whether it names the document itself as its agent; `before` is the sentence
    up to the citation, `after` the words after it. None without one, under a condition ('Trường hợp
    … được sửa đổi, bổ sung hoặc thay thế thì …'), or when another document is the agent ('… đã được
    sửa đổi, bổ sung bởi Luật số …' states no act of the citing text: `_between`)."""
    act, condition, _ = _passive_res()
    low = lower_vn(after)
    m = act.match(low)
    if m is None or condition.search(lower_vn(before)) or (m.group("past") and m.group("own") is None):
        return None  # 'A đã được sửa đổi, bổ sung.' tells its history; '… đã được thay thế bằng Quyết định này' is this act
    if m.group("SUA_DOI") == "bổ sung" and not _LONE_ADD_RE.match(low, m.end("SUA_DOI")):
        return None
    return Rel(next(code for code in _ACTS if m.group(code))), m.group("own") is not None


def _own_predicate(text: str, s: Span) -> bool:
    """Does a predicate of its own follow citation `s` ('… tiếp tục thực hiện', 'vẫn còn hiệu lực'),
    after its subject or right after its date (where a subject without 'về' would be read)?"""
    own = _passive_res()[2]
    return any(own.match(lower_vn(text[at : at + 40])) for at in {s.end, s.scope_end})


@cache
def _reviews_re() -> re.Pattern:
    """A report's words of review (cues.toml [TONG_KET] report)."""
    return _words_re(tables.cues()["TONG_KET"]["report"], anchored=r"(?<!\w)")


def document_title_relation(doc_type: str | None, title_before: str) -> Rel:
    """The relation a document's own subject states (`subject_relation`), DAN_CHIEU without a cue."""
    return subject_relation(doc_type, title_before) or Rel.DAN_CHIEU


def subject_relation(doc_type: str | None, title_before: str) -> Rel | None:
    """The relation the subject of a document of `doc_type` states about the citation after
    `title_before`, its own or a cited one's alike: a guide guides what it says to carry out
    ('Hướng dẫn số 01-HD/TW … về một số vấn đề cụ thể thi hành Điều lệ Đảng'), a report on carrying
    out a document ('Báo cáo kết quả 5 năm thực hiện Chỉ thị …') reviews it."""
    cue = title_cue(title_before, _proposes(doc_type))
    if cue is Rel.THUC_HIEN and doc_type == "Hướng dẫn":
        return Rel.HUONG_DAN
    if cue is Rel.THUC_HIEN and doc_type == "Báo cáo" and _reviews_re().search(lower_vn(title_before)):
        return Rel.TONG_KET
    return cue


@cache
def _attach_re() -> re.Pattern:
    return re.compile(r"(?<!\w)kèm\s+theo\s*+$", re.IGNORECASE)


_ISSUED_WITH_RE = re.compile(r"(?<!\w)ban\s+hanh\s+kem\s+theo\s*$")


@cache
def _type_word_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alt(tables.type_names())})(?!\w)")


def _carries_another(before: str) -> bool:
    """Does the decision cited after `before` carry another document named before it ('Sửa đổi …
    Quy chế … ban hành kèm theo Quyết định số …': that decision is amended, it is not this text's
    attachment)? On the folded sentence: two searches, each linear."""
    folded = fold(before)
    m = _ISSUED_WITH_RE.search(folded)
    return m is not None and _type_word_re().search(folded, 0, m.start()) is not None


@cache
def _issued_here_re() -> re.Pattern:
    """'… kèm theo Quyết định này' right before a named text: the text the document issues with it."""
    names = sorted(
        {lower_vn(w) for t in tables.doc_types() for w in (t.name, *t.aliases)}, key=len, reverse=True
    )
    return re.compile(rf"kèm\s+theo\s+(?:{'|'.join(re.escape(n) for n in names)})\s+này\s*$", re.IGNORECASE)


@cache
def _carrier_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alt(tables.cues()['governed']['carriers'])})\s*+$", re.IGNORECASE)


def region_citations(
    clean: list[str],
    first: int,
    last: int,
    k: int | None,
    d: Draft | None,
    jur: str | None,
    file: str,
    issues: list[Issue],
    base: int = 0,
    paras: Paragraphs | None = None,
) -> list[Citation]:
    """Citations of lines first..last; `about` indexes count from `base` (the file's list).
    `paras`: the file's paragraphs, if remembered."""
    read = paras if paras is not None else Paragraphs(clean)
    expanded = _paragraph_spans(read(first, last), jur)
    if d is not None:
        _date_repeated_symbols(expanded)
    out: list[Citation] = []
    amended_by: tuple[int, str] | None = None
    acting: tuple[str, str | None] | None = None  # the act of a list and the mark of its items
    article = False  # the paragraphs since an article's heading are its clauses ('Điều 10. Hiệu lực thi hành' / '1. …')
    articles = False  # since an article's heading, up to a signature's or a heading's capitals, 'Nơi nhận'
    page_type = _page_type(clean, first, last) if d is not None and d.header.type is None else None
    for p, spans in expanded:
        local: list[int] = []
        acts = (
            False  # a paragraph of an article that opens with the document's act ('Bãi bỏ Quyết định số …')
        )
        if _ARTICLE_RE.match(lower_vn(p.text[:16])):
            article, clause, articles = True, False, True
        else:
            clause = article and _LIST_ITEM_RE.match(p.text) is not None
            article = clause
            articles = articles and _in_articles(p.text)
            acts = articles and (
                _act_opening().match(lower_vn(p.text.lstrip()[:12])) is not None
                or _passive_verb_re().search(p.text) is not None  # 'Khoản 2 … của A được sửa đổi như sau:'
            )
        if spans:  # most paragraphs cite nothing: nothing to relate
            local = _paragraph_citations(
                clean, p, spans, d, k, jur, file, issues, out, clause, acts, page_type
            )
            _subject_relations(p.text, spans, local, out, base)
            _between_relations(p.text, spans, local, out, base)
            _reported_relations(p.text, spans, local, out, base)
            _anaphoric_relations(p.text, spans, local, out, base)
            _untitled_relations(p.text, spans, local, out, base)
        amended_by = _amenders_list(p.text, spans, local, out, base, amended_by)
        acting = _acts_on_list(p.text, spans, local, out, acting, clause or acts) if d is not None else None
    # A document acts on earlier ones only: no relation from a text to one issued after it.
    return [
        replace(c, about=tuple(a for a in c.about if not _later(out[a[0] - base], c))) if c.about else c
        for c in out
    ]


@cache
def _passive_verb_re() -> re.Pattern:
    """An auxiliary and an act's verb (cues.toml [passive], [between]): where `passive_relation` may read one."""
    verbs = [w for code in _ACTS for w in tables.cues()["between"][code]]
    return re.compile(rf"(?<!\w)(?:{alt(tables.cues()['passive']['auxiliaries'])})\s+(?:{alt(verbs)})(?!\w)")


_LEAD_BACK = 40


def _page_type(clean: list[str], first: int, last: int) -> str | None:
    """The type of the document a page without a heading of its own reports issued, in its lead
    ('Ngày 05/9/2025, Ban Thường vụ Thành ủy Cần Thơ ban hành Kế hoạch số 12-KH/TU …'): the page's
    document, which its later 'Kế hoạch thay thế …' speaks of (`opens_with_own_type`). The nearest
    lead before the document's lines (a page's lead stands near its text: `_LEAD_BACK` lines at
    most), else the first among them."""
    for i in (*range(first - 1, max(first - 1 - _LEAD_BACK, -1), -1), *range(first, last + 1)):
        if signals.is_lead(clean[i]) and (st := identify.statement(clean[i], lead=True)) is not None:
            return st.type
    return None


def _in_articles(text: str) -> bool:
    """Does a paragraph after an article go on with the articles? Not a signature's or a heading's
    capitals ('TM. ỦY BAN NHÂN DÂN', 'PHỤ LỤC'), nor the list of recipients."""
    return not text.isupper() and not lower_vn(text.lstrip()[:8]).startswith("nơi nhận")


def _paragraph_spans(paras: list[Paragraph], jur: str | None) -> list[tuple[Paragraph, list[Span]]]:
    """Each paragraph with its citations: defined short names, then their uses, then short
    forms ("Nghị quyết 52"), which take the full citation of the same number before them."""
    # a paragraph without a letter ('1.', '- ', a rule of dots) names nothing
    found = [
        (
            p,
            _amending_numbered(p.text, cit.find_citations(p.text, province=jur))
            if _LETTER_RE.search(p.text)
            else None,
        )
        for p in paras
    ]
    # A short name that names its document alone ('Đề án 06', not 'Chương trình') stands for it also
    # before the sentence that defines it: the title "Thực hiện Đề án 06 …" above "… Quyết định số
    # 06/QĐ-TTg … (gọi tắt là Đề án 06)"; any other, after it.
    early: dict[str, Span] = {}
    for p, spans in found:
        if spans:
            for alias, target in cit.find_aliases(p.text, spans):
                if _names_alone(alias):
                    early.setdefault(alias, target)
    aliases = dict(early)
    full_by_number: dict[tuple[str, str], Span] = {}
    numbered_names = _numbered_names(found)
    out: list[tuple[Paragraph, list[Span]]] = []
    for p, spans in found:
        if spans is None:
            out.append((p, []))
            continue
        for alias, target in cit.find_aliases(p.text, spans) if spans else ():
            aliases.setdefault(alias, target)
        if numbered_names:
            spans = [_by_number(s, numbered_names) for s in spans]
        out.append((p, _with_short_names(p.text, spans, aliases, full_by_number)))
    return out


@cache
def _amending_opening_re() -> re.Pattern:
    """An amending law's opening and the names after it up to a law cited by its number, in one
    clause: 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và ' before 'Luật Tổ chức
    chính quyền địa phương số 47/2019/QH14' (no date or number between: 'Luật sửa đổi … của Luật A
    ngày …' is closed)."""
    heads = alt([w for t in tables.doc_types() if not t.codes for w in (t.name, *t.aliases)])
    phrases = alt(tables.named_table()["law"]["amend"])
    return re.compile(rf"(?<!\w)(?:{heads})\s+(?P<amend>(?i:{phrases}))(?!\w)[^;:.()“”\"\d\n]{{0,200}}$")


_AMEND_REACH = 300  # the amending law's opening stands this close before the law the number closes
_SO_RE = re.compile(r"\s+số(?!\w)")
_AMEND_HINT_RE = re.compile("sửa đổi", re.IGNORECASE)


def _amending_numbered(text: str, spans: list[Span]) -> list[Span]:
    """`spans`, where an amending law cited by its number was read as the last law it amends ('Luật
    sửa đổi, bổ sung một số điều của Luật A và Luật B số 47/2019/QH14': the number is the amending
    law's): that law with its phrase as its subject, and the laws it amends cited in that subject,
    which states SUA_DOI as it does for one cited by name."""
    if not spans or _AMEND_HINT_RE.search(text) is None:
        return spans  # most paragraphs cite no amending law
    out: list[Span] = []
    for s in spans:
        m = so = None
        if s.kind == "numbered" and not s.type_code and s.title and s.title_start is None and s.start > 0:
            m = _amending_opening_re().search(text, max(0, s.start - _AMEND_REACH), s.start)
            so = _SO_RE.search(text, s.start, s.end) if m else None
        if m is None or so is None:
            out.append(s)
            continue
        title = " ".join(text[m.start("amend") : so.start()].split())
        out.append(
            evolve(s, start=m.start(), title=title, title_start=m.start("amend"), title_end=s.scope_end)
        )
        out.extend(named.amended_laws(text, m.end("amend"), so.start()))
    return sorted(out, key=lambda x: (x.start, x.end)) if len(out) > len(spans) else out


_NAME_YEAR_RE = re.compile(r"\s+năm\s+(?P<y>\d{4})$")


def _numbered_names(found: list[tuple[Paragraph, list[Span] | None]]) -> dict[tuple[str, str | None], Span]:
    """The text's laws cited by name and number ('Luật Đất đai số 31/2024/QH15'), by folded name
    and year, and by name alone when one number has it: the name alone is that law elsewhere in
    the text ('theo Luật Đất đai', 'Luật Đất đai năm 2024'), not a second document."""
    by_year: dict[tuple[str, str | None], Span] = {}
    symbols: dict[str, set[str]] = {}
    for _, spans in found:
        for s in spans or ():
            if s.kind == "numbered" and s.symbol and s.title and s.type and not s.type_code:
                name = fold(f"{s.type} {s.title}")
                by_year.setdefault((name, s.date[:4] if s.date else None), s)
                symbols.setdefault(name, set()).add(s.symbol)
    for (name, _), s in list(by_year.items()):
        if len(symbols[name]) == 1:
            by_year.setdefault((name, None), s)
    return by_year


def _by_number(s: Span, names: dict[tuple[str, str | None], Span]) -> Span:
    """A law named without its number, as the text cited it with its number (see `_numbered_names`)."""
    if s.kind != "named" or not s.name or s.title:
        return s
    m = _NAME_YEAR_RE.search(s.name)
    name = fold(s.name[: m.start()] if m else s.name)
    full = names.get((name, m.group("y") if m else None))
    if full is None:
        return s
    return evolve(full, kind="short", start=s.start, end=s.end, title=None, title_start=None, title_end=None)


def _names_alone(alias: str) -> bool:
    """Does a short name say which document it is ('Đề án 06', 'Nghị quyết Đại hội XIII'), not
    only its type ('Chương trình', 'Nghị quyết', 'Kế hoạch này')?"""
    low = lower_vn(alias).strip()
    return low not in _type_by_word() and (any(c.isdigit() for c in low) or len(low.split()) > 3)


_LETTER_RE = re.compile(r"[^\W\d_]")


def _with_short_names(
    text: str, spans: list[Span], aliases: dict[str, Span], full_by_number: dict[tuple[str, str], Span]
) -> list[Span]:
    """`spans` and the short names and short forms of `text`, ordered; `aliases` and
    `full_by_number` carry what earlier paragraphs defined and cited."""
    if aliases:  # a name the text defines as a short name is that document, not one of its own
        spans = [s for s in spans if s.kind != "named" or text[s.start : s.end] not in aliases]
    out = spans + (cit.find_alias_uses(text, aliases, _ranges(spans)) if aliases else [])
    for s in out:
        if s.kind == "numbered" and s.type and s.number:
            full_by_number[(s.type, s.number.lstrip("0"))] = s
    # a short form takes a full citation made before it; without one, a number the centre's name
    # after it completes ('Kết luận số 123 … của Ban Chấp hành Trung ương': 123-KL/TW)
    for a, b, t, num in cit.find_short_forms(text, out):
        full = full_by_number.get((t, num.lstrip("0")))
        if full:
            out.append(
                evolve(full, kind="short", start=a, end=b, title=None, title_start=None, title_end=None)
            )
        elif (own := cit.centre_number_only(text, a, b, t, num)) is not None:
            out.append(own)
            full_by_number[(t, num.lstrip("0"))] = own
    # `spans` come ordered: only what was added needs sorting in
    return sorted(out, key=lambda s: (s.start, s.end)) if len(out) > len(spans) else out


def _ranges(spans: list[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _date_repeated_symbols(expanded: list[tuple[Paragraph, list[Span]]]) -> None:
    """Within one document, "Nghị quyết số 109-NQ/TU" before or after "… 109-NQ/TU ngày 04/7/2016" is
    that one: it takes the date (and issuer, and whether it is the centre's) of the first dated
    citation of its symbol (a title 'Thực hiện Chương trình phối hợp số 01/CTrPH-CCB-TWĐ giai đoạn
    …' above 'Căn cứ Chương trình phối hợp số 01/CTrPH-CCB-TWĐ ngày 15/02/2023 giữa Trung ương …')."""
    kinds = ("numbered", "alias", "short")
    dated: dict[str, Span] = {}
    for _, spans in expanded:
        for s in spans:
            if not (s.kind in kinds and s.symbol and s.date and len(s.date) == 10):
                continue
            if (first := dated.get(s.symbol)) is None or (first.date_shared and not s.date_shared):
                dated[s.symbol] = s  # a date written after the symbol beats a list's
    if not dated:
        return
    for _, spans in expanded:
        for i, s in enumerate(spans):
            if s.kind in kinds and s.symbol and not s.date and (d := dated.get(s.symbol)) is not None:
                central = s.central if s.central is not None or s.issuer else d.central
                spans[i] = evolve(
                    s, date=d.date, issuer=s.issuer or d.issuer, central=central, date_shared=d.date_shared
                )


def _paragraph_citations(
    clean: list[str],
    p: Paragraph,
    spans: list[Span],
    d: Draft | None,
    k: int | None,
    jur: str | None,
    file: str,
    issues: list[Issue],
    out: list[Citation],
    clause: bool = False,
    acts: bool = False,
    page_type: str | None = None,
) -> list[int]:
    """Append a Citation to `out` for each span of paragraph `p`; returns, parallel to `spans`,
    the index in `out` of each one (-1 for a document attached to the next, which is no citation).
    `clause`: `p` is a numbered clause of an article; `acts`: a paragraph of one that opens with
    the document's act; `page_type`: `_page_type`."""
    local: list[int] = []
    subjects = _Subjects(spans)
    facts = _Facts(p.text, spans, clause, acts)
    for s in spans:
        # the paragraph's line that holds the citation, by bisection (Paragraph.line_at)
        if len(p.starts) == 1:  # most paragraphs are one line
            off, line = p.starts[0]
        else:
            off, line = p.starts[max(bisect_right(p.starts, (s.start, math.inf)) - 1, 0)]
        col = s.start - off
        _report_span(s, file, line, issues)
        if s.attached_to_next:
            local.append(-1)
            continue
        role, relation = _classify(facts, s, subjects, line, d, k, page_type)
        c = _citation(s, jur, _evidence(file, line, quote(clean[line], col)), k, relation, role)
        if relation in _ACTS:  # an act: others may be named with parts of their own before it
            start = facts.sentence_start(s.start)
            if also := other_acts(lower_vn(facts.masked()[start : s.start]), relation):
                c = replace(c, also=also)
        out.append(c)
        local.append(len(out) - 1)
    return local


# Citation and Evidence made as `spans._with_fields` makes a Span: their frozen __init__ sets each
# field through object.__setattr__ (18 and 7 of them), and a text of symbols makes one of each per
# citation. Neither has a __post_init__; every field is written out in its order (a test compares).


def _citation(
    s: Span, jur: str | None, evidence: Evidence, k: int | None, relation: str | None, role: str
) -> Citation:
    """`Citation(...)` of span `s`, as `_paragraph_citations` states it."""
    new = object.__new__(Citation)
    object.__setattr__(
        new,
        "__dict__",
        {
            "kind": s.kind,
            "type": s.type,
            "type_code": s.type_code,
            "number": s.number,
            "issuer_code": s.issuer_code,
            "symbol": s.symbol,
            "date": s.date,
            "issuer": s.issuer,
            "jurisdiction": s.province or (None if s.central else jur),
            "title": s.title,
            "name": s.name,
            "evidence": evidence,
            "stated_by": k,
            "relation": relation,
            "about": (),
            "role": role,
            "central": s.central,
            "also": (),
            "date_shared": s.date_shared,
        },
    )
    return new


def _evidence(file: str, line: int, words: str) -> Evidence:
    """`Evidence(file, line, quote)`."""
    new = object.__new__(Evidence)
    object.__setattr__(
        new,
        "__dict__",
        {
            "file": file,
            "line": line,
            "quote": words,
            "page": None,
            "page_line": None,
            "paragraph": None,
            "ocr": False,
        },
    )
    return new


def _report_span(s: Span, file: str, line: int, issues: list[Issue]) -> None:
    """Issues of one citation: an impossible date, a type or issuer code the tables do not know."""
    if s.bad_date:
        issues.append(
            Issue(file, line, "bad-date", f"impossible date {s.bad_date!r} in citation of {s.symbol}")
        )
    if s.written_code and s.kind == "numbered":  # where it is written ('Nghị quyết 29' after it: not)
        issues.append(
            Issue(file, line, KIND, f"{s.symbol}: issuer code {s.written_code} read as {s.issuer_code}")
        )
    if s.unknown_type_code:
        issues.append(
            Issue(file, line, "unknown-code", f"{s.symbol}: type code {s.type_code} is not in the tables")
        )
    elif s.symbol and not _is_known_code(s.issuer_code):
        issues.append(
            Issue(
                file,
                line,
                "unknown-code",
                f"{s.symbol}: issuer code {s.issuer_code} is not in the tables; read as local",
            )
        )


# Whether an issuer code is in the tables, remembered: a text writes few codes, each many times.
_is_known_code = lru_cache(maxsize=1 << 10)(tables.is_known_code)


class _Subjects:
    """Which offsets lie inside the subject of some citation: the subjects' union as sorted
    disjoint intervals, so each question is a bisection, not a pass over every citation."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        subjects = [(o.title_start, o.title_end or 0) for o in spans if o.title_start is not None]
        if not subjects:  # most citations have no subject
            self._starts: list[int] = []
            self._ends: list[int] = []
            return
        for a, b in sorted(subjects):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            elif a < b:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]


def _add_about(out: list[Citation], x: int, about: tuple[int, str]) -> None:
    out[x] = replace(out[x], about=(*out[x].about, about))


def _subject_relations(
    text: str, spans: list[Span], local: list[int], out: list[Citation], base: int
) -> None:
    """Relations stated about a cited document by its own subject ('Kế hoạch số 82-KH/TU … thực
    hiện Nghị quyết số 29-NQ/TW')."""
    titled = [i for i, o in enumerate(spans) if o.title_start is not None and local[i] >= 0]
    if not titled:
        return  # no subject: nothing stated in one
    by_start = sorted(range(len(spans)), key=lambda j: spans[j].start)
    starts = [spans[j].start for j in by_start]
    for i in titled:
        outer = spans[i]
        title_start = outer.title_start
        assert title_start is not None  # `titled` holds these only
        lo, hi = bisect_left(starts, title_start), bisect_left(starts, outer.title_end or 0)
        if lo >= hi:
            continue  # no citation inside this subject: most subjects
        inside = sorted(j for j in by_start[lo:hi] if j != i)
        about = _stated_in_subject(text, spans, local, inside, title_start, base, outer.type)
        if about:
            out[local[i]] = replace(out[local[i]], about=tuple(about))


def _stated_in_subject(
    text: str,
    spans: list[Span],
    local: list[int],
    inside: list[int],
    title_start: int,
    base: int,
    doc_type: str | None = None,
) -> list[tuple[int, str]]:
    """(citation, relation code) for each document cited (`inside`) in a subject from `title_start`
    of a document of `doc_type` (`subject_relation`)."""
    nested = _Subjects(spans[m] for m in inside)  # a citation's own subject starts after it
    about = []
    for j in inside:
        inner = spans[j]
        if local[j] < 0:
            continue
        if inner.start in nested:
            continue  # said by a document cited inside this subject, not by this one
        code = subject_relation(doc_type, text[title_start : inner.start])
        if code is not None:
            about.append((base + local[j], code.value))
    return about


def _between_relations(
    text: str, spans: list[Span], local: list[int], out: list[Citation], base: int
) -> None:
    """ "Quyết định B bãi bỏ Quyết định A", "A … đã được thay thế bởi B": a verb between two citations."""
    for i, j, code in _between(text, spans):
        if local[i] >= 0 and local[j] >= 0 and (base + local[j], code) not in out[local[i]].about:
            _add_about(out, local[i], (base + local[j], code))


def _reported_relations(
    text: str, spans: list[Span], local: list[int], out: list[Citation], base: int
) -> None:
    """ "Thực hiện A …, ngày …, UBND huyện ban hành Kế hoạch số 42/KH-UBND": the plan implements A."""
    for i, j, code in _reported_issuing(text, spans):
        if local[i] >= 0 and local[j] >= 0:
            _add_about(out, local[i], (base + local[j], code))


@cache
def _anaphor_re() -> re.Pattern:
    """A cited document's subject that implements a document of a type it names without its number
    ('… Kế hoạch số 35-KH/TU ngày 15/10/2021 thực hiện Nghị quyết;'): the one of that type the
    sentence named before."""
    verbs = "|".join(
        re.escape(w) for w in ("triển khai thực hiện", "tổ chức thực hiện", "thực hiện", "triển khai")
    )
    return re.compile(
        rf"\s*,?\s*(?:để\s+)?(?:{verbs})\s+(?:có hiệu quả\s+)?(?P<type>{patterns.type_alt()})"
        r"(?:\s+(?:này|trên|nói trên|của\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,3}))?\s*(?:[;,.)]|$)",
        re.IGNORECASE,
    )


def _anaphoric_relations(
    text: str, spans: list[Span], local: list[int], out: list[Citation], base: int
) -> None:
    """'Ngay sau khi Tỉnh ủy ban hành Nghị quyết số 08-NQ/TU, Ban Thường vụ Thị ủy đã ban hành Kế
    hoạch số 35-KH/TU … thực hiện Nghị quyết': the plan implements the resolution named before it."""
    for j, b in enumerate(spans):
        if j == 0 or local[j] < 0 or not b.symbol:
            continue
        m = _anaphor_re().match(text, b.end)
        if m is None:
            continue
        kind = fold(m.group("type"))
        before = [
            i for i in range(j) if local[i] >= 0 and spans[i].symbol and fold(spans[i].type or "") == kind
        ]
        if before and spans[before[-1]].symbol != b.symbol:
            about = (base + local[before[-1]], Rel.THUC_HIEN.value)
            if about not in out[local[j]].about:
                _add_about(out, local[j], about)


def _amenders_list(
    text: str,
    spans: list[Span],
    local: list[int],
    out: list[Citation],
    base: int,
    amended_by: tuple[int, str] | None,
) -> tuple[int, str] | None:
    """ "A …, được sửa đổi, bổ sung bởi: 1. B …; 2. C …": each listed document amends A.

    `amended_by` is the (A, relation) an earlier paragraph opened, kept while list items follow;
    returns what the next paragraph gets."""
    if amended_by is not None:
        # an item: numbered, or a paragraph that opens with the act it names ('Nghị định số …')
        if not (_LIST_ITEM_RE.match(text) or (spans and spans[0].start == 0)):
            amended_by = None
        elif spans and local[0] >= 0:
            _add_about(out, local[0], amended_by)
            for x in local:  # the list names the amenders; the document itself cites none of them
                if x >= 0 and out[x].relation == Rel.DAN_CHIEU.value:
                    out[x] = replace(out[x], relation=None, role="listing")
    bm = _BY_LIST_RE.search(text) if text.rstrip().endswith(":") else None  # the list follows a colon
    if bm:
        before = [j for j, x in enumerate(spans) if x.start < bm.start() and local[j] >= 0 and x.symbol]
        code = title_cue(bm.group("cue"))
        if before and code is not None:
            return (base + local[before[-1]], code.value)
    return amended_by


def _acts_on_list(
    text: str,
    spans: list[Span],
    local: list[int],
    out: list[Citation],
    acting: tuple[str, str | None] | None,
    own: bool = False,
) -> tuple[str, str | None] | None:
    """ "Điều 1. Bãi bỏ các văn bản sau: / 1. Thông tư số … / 2. Thông tư số …", "Điều 2. Bãi bỏ
    một số quy định / 1. … / 2. Bãi bỏ Thông tư số …": the document repeals (replaces, amends)
    each document that opens an item of the list after its own article, or that the item's own
    cue or the part of it acted on opens ('a) Điều 3 của Thông tư số …'). `acting` is the relation
    an earlier paragraph opened and the mark of the list's items ('a)', '1.', '-'), kept while items
    so marked follow: '3. Bãi bỏ các văn bản sau:' after '2. … thay thế các Thông tư sau: / a) … /
    b) …' is a clause of its own, which may open a list. `own`: the paragraph is a clause of the
    document's articles, whose opening act is its own ('2. Bãi bỏ các văn bản sau:'). Returns what
    the next paragraph gets."""
    if acting is not None:
        code, mark = acting
        item = _LIST_ITEM_RE.match(text)
        kind = _item_mark(item.group()) if item else None
        if item is not None and mark in (None, kind):
            if spans and local[0] >= 0 and _opens_item(text, item.end(), spans[0].start, code):
                c = out[local[0]]
                if c.relation == _DAN_CHIEU:
                    out[local[0]] = replace(c, relation=code)
            return code, kind
    # the list has ended (or none was open): this paragraph may open another
    if not (text.rstrip().endswith(":") or text.lstrip()[:4].lower() == "điều"):
        return None  # neither a list's opening nor an article: what `_list_act` reads
    opened = _list_act(text, bool(spans), own)
    return (opened, None) if opened else None


def _item_mark(marker: str) -> str:
    """The kind of an item's mark: a number, a letter or a dash (the items of one list share one)."""
    m = marker.strip()[:1]
    return "number" if m.isdigit() else "letter" if m.isalpha() else "dash"


@cache
def _item_opening_re(acting: str) -> re.Pattern:
    """What may stand before the document that opens an item of a list of `acting`: its cue, the
    part of it acted on ('Điều 3 của', 'khoản 2 Điều 5 tại'), both, or nothing (lowercased)."""
    cue = alt([lower_vn(w) for w in tables.cues()[acting].get("self", [])])
    return re.compile(rf"(?:(?:{cue})(?:\s+|$))?(?:{_PARTS}\s+(?:của|tại))?")


def _opens_item(text: str, start: int, at: int, acting: str) -> bool:
    """Does the citation at `at` open the item whose text starts at `start`, alone, after the
    list's own cue ('2. Bãi bỏ Thông tư số …') or after the part of it acted on ('a) Điều 3 của …')?"""
    return _item_opening_re(acting).fullmatch(lower_vn(text[start:at]).strip()) is not None


_LIST_INTRO_RE = re.compile(r"\bsau(?:\s+đây)?\s*:\s*$")


def _list_act(text: str, cites: bool, own: bool = False) -> str | None:
    """The act of a paragraph of the document's own that opens a list: the last cue before it
    ("Điều 1. Bãi bỏ toàn bộ các văn bản sau:", "Quyết định này thay thế các văn bản sau đây:", or
    a clause of its articles that opens with its act, `own`: "2. Bãi bỏ các văn bản sau:"), or the
    cue of an article's heading that cites nothing ("Điều 2. Bãi bỏ một số quy định")."""
    low = lower_vn(text)
    m = _LIST_INTRO_RE.search(low)
    article = _ARTICLE_RE.match(low)
    item = _LIST_ITEM_RE.match(low)
    opens_act = own and _act_opening().match(low, item.end() if item else len(low) - len(low.lstrip()))
    if m is not None and (article or opens_act or _self_ref().search(low)):
        head = low[: m.start()]
    elif article is not None and not cites and len(low) < 200:
        head = low
    else:
        return None
    found = [(head.rfind(lower_vn(w)), code) for code in _ACTS for w in tables.cues()[code].get("self", [])]
    at, code = max(found, default=(-1, ""))
    return code if at >= 0 else None


_ACTS = ("THAY_THE", "SUA_DOI", "BAI_BO")
_ACT_REACH = 160  # the words before a citation that name the acts on its parts, a few of them
_ACTS_BACK = 4  # at most so many acts listed before the last


@cache
def _acts_res() -> tuple[re.Pattern, re.Pattern]:
    """(last, earlier): an act and the part it names, right before the document ('bãi bỏ Điều 9
    của'), and one more before it, with a list's 'và' or comma ('sửa đổi Điều 8 và ')
    (cues.toml [between]); on lowercased text."""
    table = tables.cues()["between"]
    verbs = "|".join(f"(?P<{code}>{alt([lower_vn(w) for w in table[code]])})" for code in _ACTS)
    return (
        re.compile(rf"(?<!\w)(?:{verbs})\s+{_PARTS}(?:\s+(?:của|tại))?\s*$"),
        re.compile(rf"(?<!\w)(?:{verbs})\s+{_PARTS}(?:\s*,\s*|\s+và\s+)$"),
    )


def other_acts(before: str, code: str) -> tuple[str, ...]:
    """The relations other than `code` of the acts listed, each with its part, before the act on
    a citation (`before`: its sentence up to it, lowercased, other citations blanked out): 'sửa
    đổi Điều 8 và bãi bỏ Điều 9 của Quyết định số …' amends the decision as well as repealing it.
    Verbs of one act on one part ('sửa đổi, bổ sung, bãi bỏ một số điều của …') state the first."""
    last, earlier = _acts_res()
    tail = before[-_ACT_REACH:]
    m = last.search(tail)
    out: list[str] = []
    for _ in range(_ACTS_BACK):
        if m is None:
            break
        tail = tail[: m.start()]
        m = earlier.search(tail)
        if m is not None:
            out.extend(k for k, v in m.groupdict().items() if v and k != code and k not in out)
    return tuple(out)


def _later(target: Citation, source: Citation) -> bool:
    """Is `target` dated after `source` (both with a full date)?"""
    return bool(
        target.date
        and source.date
        and len(target.date) == len(source.date) == 10
        and target.date > source.date
    )


_LIST_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}|[a-zđ])\s*[.)/]\s+|^\s*[-–+•]\s+")


_BY_LIST_RE = re.compile(
    r"(?:được\s+)?(?P<cue>sửa đổi,?\s*bổ sung|sửa đổi|bổ sung|thay thế|bãi bỏ)\s+bởi\s*:\s*$", re.IGNORECASE
)


@cache
def _between_res() -> tuple[re.Pattern, re.Pattern]:
    """(active, passive): 'B bãi bỏ A' and 'A … đã được thay thế bởi (bằng) B'."""
    table = tables.cues()["between"]
    alts = []
    for code in ("BAI_BO", "THAY_THE", "SUA_DOI", "HUONG_DAN", "THUC_HIEN"):
        words = "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(table[code], key=len, reverse=True)
        )
        alts.append(f"(?P<{code}>{words})")
    verb = "(?:" + "|".join(alts) + ")"
    active = re.compile(r"\s*+,?\s*+" + verb + _FILLER + r"\s*+", re.IGNORECASE)
    passive = re.compile(r"(?:đã\s+)?(?:được|bị)\s+" + verb + r"\s+(?:bởi|tại|bằng)\s*+$", re.IGNORECASE)
    return active, passive


# What may stand between a cited document's subject and a passive act on it: a comma, or a table's
# cell break before the row's last cell ('… | Ban hành Quy định về … | Được thay thế bởi B').
_SUBJECT_CLOSE = " ,|¦\t"


@cache
def _reason_re() -> re.Pattern:
    """A reason's label right after a document, which a verb between two documents reaches
    through (cues.toml [between] reasons)."""
    words = tables.cues()["between"]["reasons"]
    return re.compile(rf"\s*+[;,.]?\s*+(?:{alt([lower_vn(w) for w in words])})\s*:\s*", re.IGNORECASE)


def _between(text: str, spans: list[Span]) -> list[tuple[int, int, str]]:
    """(source, target, relation) for consecutive citations with a relation verb between them."""
    out: list[tuple[int, int, str]] = []
    if len(spans) < 2:
        return out  # a relation verb stands between two citations
    active, passive = _between_res()
    reason = _reason_re()
    for j in range(len(spans) - 1):
        b = spans[j + 1]
        # a document named inside another's subject is no end of a relation after that subject:
        # 'A … về … Đề án 06 (nay được sửa đổi, bổ sung bằng B)' is about A
        i = next(
            (k for k in range(j) if spans[k].title_start is not None and spans[k].scope_end >= spans[j].end),
            j,
        )
        a = spans[i]
        if a.scope_end > b.start:
            continue  # b is inside a's subject: the subject states the relation
        gap = text[a.scope_end : b.start]
        if r := reason.match(gap):  # '…; lý do hết hiệu lực: được thay thế bởi B'
            gap = gap[r.end() :]
        m = active.fullmatch(gap) if a.title_start is None else None
        if m:
            out.append((i, j + 1, next(k for k, v in m.groupdict().items() if v)))
            continue
        m = passive.search(gap)
        # after a's subject, only right after it: 'A … Trung ương, được sửa đổi, bổ sung bởi B'
        if (
            m
            and not _CLAUSE_END_RE.search(gap[: m.start()])
            and (a.title_start is None or not gap[: m.start()].strip(_SUBJECT_CLOSE))
        ):
            out.append((j + 1, i, next(k for k, v in m.groupdict().items() if v)))
    return out


def _reported_issuing(text: str, spans: list[Span]) -> list[tuple[int, int, str]]:
    """(issued, cited, relation) for a sentence that reports an issuing under an opening cue:
    'Thực hiện A; B, ngày 13/5/2011, Ủy ban nhân dân huyện ban hành Kế hoạch số 42/KH-UBND'."""
    if len(spans) < 2:
        return []  # the issued document lists none: no other citation to govern
    st = identify.statement(text)
    if st is None:
        return []
    issued = next((i for i, x in enumerate(spans) if x.start == st.start and x.symbol), None)
    if issued is None:
        return []
    start = sentence_start(text, st.start)
    masked = _masked(text, tuple((o.start, o.scope_end) for o in spans))
    code = preamble_relation(masked[start : st.start])
    if code is None or code is Rel.CAN_CU:
        return []
    listed = [j for j, x in enumerate(spans) if j != issued and start <= x.start < st.start]
    # A sentence lists a few documents; past _MAX_LISTED the cue reaches no further (linear time).
    return [(issued, j, code.value) for j in listed[:_MAX_LISTED] if _governed(masked, spans[j], start)]


_MAX_LISTED = 40


class _Facts:
    """What classifying the citations of one paragraph asks of the paragraph as a whole, read once
    and only when asked: asked per citation of its sentence (up to SENTENCE_MAX characters), each
    question would re-read the text before it. Where its sentences may end (`sentence_start`),
    the paragraph with its citations and their subjects blanked out (`_masked`), and where its
    lowercase says 'này' (`self_relation`)."""

    __slots__ = ("_cuts", "_masked", "_nay", "_read", "_starts", "acts", "clause", "spans", "text")

    def __init__(self, text: str, spans: list[Span], clause: bool = False, acts: bool = False) -> None:
        self.text, self.spans, self.clause, self.acts = text, spans, clause, acts
        self._masked: str | None = None
        self._read = False  # whether _nay and _cuts are read
        self._nay: list[int] | None = None  # None: each sentence is lowercased when asked
        self._cuts: list[int] | None = None  # None: each sentence start is looked for in the text
        self._starts: list[int] | None = None  # where the citations start, once asked

    def _read_long(self) -> None:
        """A long paragraph is read once for all its citations; a short one per citation."""
        self._read = True
        if len(self.text) > _LONG:
            self._cuts = sentence_cuts(self.text)
            low = self.text.lower()
            # str.lower() maps each character to one but 'İ' (to two): then offsets no longer agree
            if len(low) == len(self.text):
                self._nay = [m.start() for m in _THIS_RE.finditer(low)]

    def sentence_start(self, pos: int) -> int:
        """`sentence_start(text, pos)`."""
        if pos == 0:
            return 0  # nothing before: the citation opens the paragraph, as many do
        if not self._read:
            self._read_long()
        return sentence_start(self.text, pos, self._cuts)

    def before(self, pos: int) -> int:
        """How many citations start before `pos`."""
        if self._starts is None:
            self._starts = [o.start for o in self.spans]
        return bisect_left(self._starts, pos)

    def masked(self) -> str:
        """The paragraph with its citations blanked out: a sentence's own words ('tổng kết' in a
        cited document's subject is not its own)."""
        if self._masked is None:
            self._masked = _masked(self.text, tuple((o.start, o.scope_end) for o in self.spans))
        return self._masked

    def may_state_self(self, a: int, b: int) -> bool:
        """`self_relation`'s first test of the sentence text[a:b] ('này' in it, lowercased, or an
        article's 'Điều' opening it): False when `self_relation` would answer None."""
        if not self._read:
            self._read_long()
        if self._nay is None:  # the test itself, on the sentence
            sentence = self.text[a:b]
            return _THIS in sentence.lower() or sentence.lstrip()[:4].lower() == "điều"
        k = bisect_left(self._nay, a)  # the first 'này' from `a`: does it end by `b`?
        if k < len(self._nay) and self._nay[k] + len(_THIS) <= b:
            return True
        blanks = _BLANKS_RE.match(self.text, a, b)
        first = blanks.end() if blanks else a  # where text[a:b].lstrip() starts
        return self.text[first : min(first + 4, b)].lower() == "điều"


def _classify(
    facts: _Facts,
    s: Span,
    subjects: _Subjects,
    line: int,
    d: Draft | None,
    k: int | None,
    page_type: str | None = None,
):
    """(role, relation code from the citing document) for one citation; `page_type`: `_page_type`."""
    if d is None:
        return "listing", None
    text = facts.text
    h = d.header
    if (
        s.start  # a citation that opens its paragraph has no 'kèm theo' before it
        and _attach_re().search(text[max(0, s.start - 40) : s.start])
        and s.type == h.type
        and (
            not s.symbol or s.symbol == (d.ids.get("symbol") or s.symbol)
        )  # not '… kèm theo Quyết định số <another's>'
        and preamble_relation(text[facts.sentence_start(s.start) : s.start]) is None
        and not _carries_another(text[facts.sentence_start(s.start) : s.start])
    ):
        return (
            "attachment",
            None,
        )  # '(kèm theo Chương trình số …)'; 'Căn cứ … kèm theo Quyết định số …' is a basis
    if not s.symbol and s.name and _issued_here_re().search(text[max(0, s.start - 60) : s.start]):
        return "attachment", None  # 'Ban hành kèm theo Quyết định này Quy chế làm việc …': its own text
    if line <= h.header_end and (line not in h.title_lines or (s.symbol and s.symbol == d.ids.get("symbol"))):
        return "self", None  # an extract's heading names it first, then its subject
    own = (
        next((o for o in facts.spans if o.start < s.start and o.symbol == d.ids["symbol"]), None)
        if line in h.title_lines and d.ids.get("symbol")
        else None
    )
    if own is not None:  # in an extract's heading, its subject after its designation
        return "cite", document_title_relation(h.type, text[own.title_start or own.end : s.start]).value
    if d.block.kind == "extract" and line in h.title_lines and h.title and s.symbol and s.symbol in h.title:
        # the heading's second line: its subject as the heading gave it, up to the citation
        return "cite", document_title_relation(h.type, h.title[: h.title.index(s.symbol)]).value
    if s.start in subjects and _nested(facts.spans, facts.before(s.start), s):
        # named in a cited document's subject: that document states the relation (`about`), this
        # one cites it ('Căn cứ Quy định số 24-QĐ/TW … về thi hành Điều lệ Đảng' cites no Điều lệ)
        return "cite", None
    if line in h.title_lines:
        title_text = text[: s.start]
        return "cite", document_title_relation(h.type, title_text).value
    start = facts.sentence_start(s.start)
    # a later sentence of an article, or of a point after the document's own effect ('2. Quy định
    # này có hiệu lực từ ngày ký. Bãi bỏ Công văn số …'): its act is the document's
    in_article = facts.acts or (
        start > 0
        and (
            (text[:4].lower() == "điều" and _ARTICLE_RE.match(lower_vn(text[:12])) is not None)
            or _OWN_EFFECT_RE.search(text, 0, start) is not None
        )
    )
    # the active readings first: 'Bãi bỏ A được sửa đổi, bổ sung bởi B' repeals A, it amends nothing
    if (
        facts.clause
        and (act := _clause_act(text, s, start, h.type, facts.masked(), _list_bounds(facts, s))) is not None
    ):
        return "cite", act.value
    if (
        start == s.start
        and start > 0
        and _expires_after_this(text[:start], text[(end := _amender(facts, s).scope_end) : end + 40])
    ):
        return "cite", Rel.BAI_BO.value
    if (
        start < s.start
        and (own_act := _own_statement(facts, s, start, in_article, h.type, page_type)) is not None
    ):
        return "cite", own_act.value  # an empty sentence states nothing
    if (act := _own_passive(facts, s, start, in_article)) is not None:
        return "cite", act.value
    if h.header_end < line < d.body_start:
        masked = facts.masked()
        code = _clause_cue(masked[start : s.start])
        if code is Rel.TONG_KET or (
            code and _governed(masked, s, start) and not _object_of_previous(facts, s, start)
        ):
            return "cite", code.value
    return "cite", _DAN_CHIEU


def _own_passive(facts: _Facts, s: Span, start: int, in_article: bool) -> Rel | None:
    """The document's own act in the passive on citation `s`, in the sentence from `start`
    (`passive_relation`): in its articles, or by itself as the agent ('… bởi Quyết định này')."""
    text = facts.text
    last = _last_listed(facts, s)  # 'Điều 5 của A và khoản 2 Điều 3 của B được sửa đổi …': A's too
    passive = passive_relation(text[start : s.start], text[last.scope_end : last.scope_end + _PASSIVE_REACH])
    if passive is None:
        return None
    act, by_itself = passive
    if by_itself or (
        (in_article or facts.clause or _ARTICLE_RE.match(lower_vn(text[start : start + 16])))
        and _subject_of_clause(facts.masked()[start : s.start])
    ):
        return act
    return None


def _subject_of_clause(before: str) -> bool:
    """Is the citation after `before` (its sentence up to it, citations blanked out) the subject of
    its clause, which no request governs? '1. Khoản 2 Điều 7 của A được sửa đổi như sau:' is the
    document's act; '1. Sở Tư pháp tham mưu … để A được sửa đổi', 'Giao … kiến nghị A được bãi bỏ',
    '… có trách nhiệm cập nhật A được bãi bỏ' hope for it or name it as the object of another verb."""
    clause = lower_vn(before[before.rfind(";") + 1 :])
    return _requests_re().search(clause) is None


@cache
def _requests_re() -> re.Pattern:
    """cues.toml [passive] requests: the words of a request or a purpose before a passive."""
    return re.compile(rf"(?<!\w)(?:{alt([lower_vn(w) for w in tables.cues()['passive']['requests']])})(?!\w)")


# Between two documents of one list, the next maybe with the part of it named: ', khoản 2 Điều 3 của '.
_LIST_GAP_RE = re.compile(rf"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:{_PARTS}\s+(?:của\s+|tại\s+)?)?", re.IGNORECASE)


def _last_listed(facts: _Facts, s: Span) -> Span:
    """The last citation of the list that `s` opens or goes on ('Điều 5 của A và khoản 2 Điều 3 của
    B'), each after the one before with a list's comma or 'và' only: what is said after it is said of
    them all. `s` itself when none follows so."""
    k = facts.before(s.start)
    last = s
    for nxt in facts.spans[k + 1 : k + 1 + _LISTED_BACK]:
        if nxt.start < last.scope_end or not _LIST_GAP_RE.fullmatch(facts.text, last.scope_end, nxt.start):
            break
        last = nxt
    return last


_AMENDED_BY_RE = re.compile(
    r"\s*,?\s*(?:đã\s+)?được\s+(?:sửa\s+đổi,\s*bổ\s+sung|sửa\s+đổi|bổ\s+sung)\s+(?:bởi|tại|theo)\s+",
    re.IGNORECASE,
)


def _amender(facts: _Facts, s: Span) -> Span:
    """The citation right after `s` that names the document which amended it ('A được sửa đổi, bổ
    sung bởi B'): what follows B is said of A. `s` itself when none follows so."""
    k = facts.before(s.start)
    nxt = next((o for o in facts.spans[k + 1 : k + 3] if o.start >= s.scope_end), None)
    if nxt is not None and _AMENDED_BY_RE.fullmatch(facts.text, s.scope_end, nxt.start):
        return nxt
    return s


def _list_bounds(facts: _Facts, s: Span) -> tuple[int, int]:
    """Where the list that holds citation `s` opens, and where the subject it opens ends: after its
    last document, or the one that amended that (`_amender`): '2. A và B hết hiệu lực' says it of both."""
    k = facts.before(s.start)
    first = s
    for prev in reversed(facts.spans[max(0, k - _LISTED_BACK) : k]):
        if prev.scope_end > first.start or not _LIST_GAP_RE.fullmatch(
            facts.text, prev.scope_end, first.start
        ):
            break
        first = prev
    return first.start, _amender(facts, _last_listed(facts, s)).scope_end


def _own_statement(
    facts: _Facts, s: Span, start: int, in_article: bool, own_type: str | None, page_type: str | None = None
) -> Rel | None:
    """What the document says it does to citation `s` in the sentence from `start`: an act of its
    own ('Quy định này thay thế …', `self_relation`) or its purpose ('Kế hoạch này nhằm triển khai
    thực hiện …', `purpose_relation`). `page_type`: for a page with no heading of its own, the type
    of the document its lead reports (`_page_type`), whose bare type word is that document."""
    text = facts.text
    said = own_type or page_type
    if (
        in_article or facts.may_state_self(start, s.start) or opens_with_own_type(text[start : s.start], said)
    ) and not _speaks_of_another(text[start : s.start], said, facts.spans, start):
        selfrel = self_relation(
            text[start : s.start],
            text[s.scope_end : s.scope_end + 40],
            in_article,
            facts.masked()[start : s.start],
            said,
            _own_predicate(text, s),
        )
        if selfrel:
            return selfrel
    return purpose_relation(facts.masked()[start : s.start], own_type)


_OUTER_BACK = 8  # the citations before one that may hold it in their subject


def _nested(spans: list[Span], k: int, s: Span) -> bool:
    """Is `s` (after the first `k` of `spans`) named in the subject of the nearest citation before
    it whose subject holds it, and not dated after that one? A later document is no part of what an
    earlier one is about: 'Kế hoạch số 25-KH/TU ngày 30/11/2016 … thực hiện Kết luận số 100-KL/TW
    và Kết luận số 111-KL/TU ngày 14/8/2017 …' lists the Kết luận beside the plan."""
    for o in reversed(spans[max(0, k - _OUTER_BACK) : k]):
        if o.title_start is not None and o.title_start <= s.start < (o.title_end or 0):
            return not _dated_after(s.date, o.date)
    return True  # held by a subject further back


def _dated_after(date: str | None, than: str | None) -> bool:
    return bool(date and than and len(date) == len(than) == 10 and date > than)


def _clause_act(
    text: str,
    s: Span,
    start: int,
    own_type: str | None,
    masked: str = "",
    listed: tuple[int, int] | None = None,
) -> Rel | None:
    """The act of a numbered clause of an article ('Điều 10. Hiệu lực thi hành') on the citation
    that follows its number: '2. Thông tư số … của Bộ trưởng … hết hiệu lực …', '3. Bãi bỏ Điều 4
    của Thông tư số …', and on each listed after it ('2. Bãi bỏ A và B'; `masked`: the paragraph
    with its citations blanked out). Its predicate may follow a list, or the document that amended
    it (`listed`: where the list `s` is in opens and its subject ends, `_list_bounds`): '2. A và B
    hết hiệu lực …', '2. A được sửa đổi, bổ sung bởi C hết hiệu lực …' repeal A (and B)."""
    item = _LIST_ITEM_RE.match(text)
    if item is None or not start <= item.end() <= s.start:
        return None
    first, end = listed or (s.start, s.scope_end)
    after = lower_vn(text[end : end + 160])
    if first == item.end() and (m := _expires_re().match(after)) and _EXPIRES_FROM_RE.match(after, m.end()):
        return Rel.BAI_BO  # '… hết hiệu lực kể từ ngày Thông tư này có hiệu lực': this text repeals it
    return self_relation(
        text[item.end() : s.start],
        text[s.scope_end : s.scope_end + 40],
        True,
        masked[item.end() : s.start],
        own_type,
        _own_predicate(text, s),
    )


def _clause_cue(before: str) -> Rel | None:
    """The cue that governs a citation of the preamble: its own clause's when a clause after a
    semicolon, a comma or 'và' opens with one ('Căn cứ Kết luận …; thực hiện Kế hoạch số …': the
    plan is implemented), else the sentence's."""
    whole = preamble_relation(before)
    seps = [m for m in _CLAUSE_SEP_RE.finditer(before) if whole is not None or m.group() == ";"]
    for m in reversed(seps[-_CLAUSES_BACK:]):
        clause = before[m.end() :].lstrip()
        if (own := preamble_relation(clause)) is not None:
            return own
        if _follow_up_re().match(lower_vn(clause)):
            return None  # '…, tiếp theo Công văn số …': referred to, the cue reaches no further
    return whole


@cache
def _follow_up_re() -> re.Pattern[str]:
    """A clause that refers to an earlier exchange (cues.toml [follow_up]), lowercased."""
    return re.compile(rf"(?:{alt([lower_vn(w) for w in tables.cues()['follow_up']['words']])})(?!\w)")


# Where a clause of the preamble may open with a cue of its own: after a semicolon; in a sentence
# that opens with a cue, also after a comma or 'và' ('Căn cứ Quyết định số …, thực hiện Kế hoạch
# số …': the plan is implemented; not 'Trong những năm qua, quán triệt và thực hiện …', a
# narrative). The nearest such clause before a citation governs it.
_CLAUSE_SEP_RE = re.compile(r"[;,]|(?<!\w)và(?!\w)")
_CLAUSES_BACK = 8


_DAN_CHIEU = Rel.DAN_CHIEU.value  # read once: an Enum member's value is a descriptor call


_PAREN_RE = re.compile(r"\([^()]*\)")
_BLANKS_RE = re.compile(r"\s*")  # the blanks str.strip() removes: both are str.isspace()
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_CLAUSE_END_RE = re.compile(r"[;]|\.\s")


_OPENER_WORDS = 4  # "Để triển khai thực hiện"


def _governed(masked: str, s: Span, sent_start: int) -> bool:
    """Is citation `s` in the list that the sentence's opening cue governs?

    "Thực hiện A (…) và B; C …; ngày 01/3/2017, Ban Thường vụ ban hành D": A, B and C are
    governed; D has a verb of its own; "…; tiếp tục thực hiện E": E, by its clause's own cue.
    Words of earlier citations and their subjects (blanked out in `masked`, the paragraph as
    `_masked` gives it), and parentheses, do not count.
    """
    return _governs(masked[sent_start : s.start])


def _governs(gap: str) -> bool:
    """`_governed` on the words from the opening cue to the citation, earlier ones blanked out."""
    gap = _PAREN_RE.sub(" ", gap)
    gap = _direction_re().sub(" ", gap)  # 'chỉ đạo của Chủ tịch UBND tỉnh tại': whose the document is
    clauses = gap.split(";")
    if len(clauses) == 1 and _carrier_re().search(clauses[0]):
        return True  # 'Căn cứ Quy chế … ban hành kèm theo Quyết định số …': the decision carries it
    last = without_transparent(clauses[-1])
    words = _LETTERS_RE.findall(last)
    # a clause that opens with a cue of its own ('…; tiếp tục thực hiện Chỉ thị …') is read as a sentence
    if len(clauses) == 1 or preamble_relation(last.lstrip()) is not None:
        return len(words) <= _OPENER_WORDS + 6 or _after_unnumbered(last[_opener_end(last) :])
    return len([w for w in words if lower_vn(w) not in {"và", "các", "cùng"}]) <= 2 or _after_unnumbered(last)


def _object_of_previous(facts: _Facts, s: Span, start: int) -> bool:
    """Is `s` the object of a verb in the untitled rest of the citation before it, in the sentence
    from `start`? '- Căn cứ Hướng dẫn số 01-HD/TW, ngày 28/9/2021 của Ban Bí thư (khóa XIII) một số
    vấn đề cụ thể thi hành Điều lệ Đảng;': the guide's words, whose subject was not read as one,
    name the Điều lệ; the citing text's cue governs the guide alone. Not a clause of its own
    after a comma or 'và' ('…, thực hiện Kế hoạch số …'), nor a list ('A, B và C')."""
    k = facts.before(s.start)
    prev = facts.spans[k - 1] if k else None
    return prev is not None and prev.start >= start and _untitled_words(facts.text, prev, s) is not None


_ISSUER_WORD_RE = re.compile(r"(?<!\w)(?:của|do)\s", re.IGNORECASE)  # '… của Ban Bí thư': the issuer written


def _untitled_words(text: str, prev: Span, s: Span) -> str | None:
    """The words of `prev` after its issuer up to `s`, lowercased, when they end with a relation's
    verb that governs `s` ('… của Ban Bí thư một số vấn đề cụ thể thi hành', `_object_of_previous`);
    None for a list, a clause of its own, or no verb, and after a citation that does not write its issuer, whose
    next words are the sentence's ('Việc thực hiện Nghị quyết 18-NQ/TW phải gắn với thực hiện …')."""
    if (
        prev.title_start is not None
        or prev.scope_end > s.start
        or not _ISSUER_WORD_RE.search(text, prev.start, prev.scope_end)
    ):
        return None
    tail = lower_vn(_PAREN_RE.sub(" ", text[prev.scope_end : s.start])).lstrip(" ,")
    if not tail or _CLAUSE_SEP_RE.search(tail) or preamble_relation(tail) is not None:
        return None
    if _directs_re().search(tail):  # '… của UBND tỉnh giao Sở Y tế tổng hợp kết quả thực hiện …'
        return None  # a task the cited text sets, no act of its own
    return tail if _verb_before_re().search(tail) is not None else None


@cache
def _directs_re() -> re.Pattern[str]:
    """A verb that directs a body (signals.toml [speaker] directs), as a whole word."""
    words = sorted(
        (lower_vn(w) for w in tables.load("signals.toml")["speaker"]["directs"]), key=len, reverse=True
    )
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


def _untitled_relations(
    text: str, spans: list[Span], local: list[int], out: list[Citation], base: int
) -> None:
    """ "Thực hiện Kế hoạch số 45-KH/ĐUK … của Ban Thường vụ Đảng ủy Khối về thực hiện Kết luận số
    21-KL/TW, …": the plan's own words, not read as its subject, state its relation to the next
    document (`_untitled_words`), as a subject would (`subject_relation`)."""
    for j in range(1, len(spans)):
        prev, s = spans[j - 1], spans[j]
        if local[j] < 0 or local[j - 1] < 0 or not prev.symbol:
            continue
        words = _untitled_words(text, prev, s)
        code = subject_relation(prev.type, words) if words is not None else None
        if code is not None and (base + local[j], code.value) not in out[local[j - 1]].about:
            _add_about(out, local[j - 1], (base + local[j], code.value))


@cache
def _verb_before_re() -> re.Pattern:
    """A relation's verb (cues.toml title cues) closing the words right before a citation."""
    words = [w for code in tables.cues()["precedence"]["order"] for w in tables.cues()[code].get("title", [])]
    return re.compile(rf"(?<!\w)(?:{alt([lower_vn(w) for w in words])})\s*+$")


def _opener_end(text: str) -> int:
    """Where the opening cue of a preamble's clause ends in `text` (lowercased or folded), 0 without one."""
    for _, rx in _preamble_openers():
        m = rx.match(text) or _fold_pattern(rx.pattern).match(text)
        if m:
            return m.end()
    return 0


def _after_unnumbered(objects: str) -> bool:
    """Do a cue's `objects` before a citation name a document without its number, then 'và' or a
    comma ('Thực hiện Chương trình làm việc năm 2024 của Ban Thường vụ Tỉnh ủy và Nghị quyết số
    36-NQ/TW'): the citation is the next of the list the cue governs. A document's type word, or a
    body's direction (cues.toml [governed] directions), opens the first; no verb's clause, with a
    comma of its own, stands between ('…, Ban Thường vụ ban hành Kế hoạch số …' is not listed)."""
    return any(rx.match(objects) for rx in _unnumbered_res())


@cache
def _unnumbered_res() -> tuple[re.Pattern, re.Pattern]:
    """(lowercased, folded) patterns of `_after_unnumbered`."""
    heads = [lower_vn(w) for w in (*_type_by_word(), *tables.cues()["governed"]["directions"])]
    out = []
    for words in (heads, [fold(w) for w in heads]):
        out.append(
            re.compile(
                rf"\s*(?:{alt(words)})(?!\w)[^,;:()]{{0,{_UNNUMBERED_MAX}}}?"
                rf"(?:,|\s(?:và|va))\s*$"
            )
        )
    return out[0], out[1]


_UNNUMBERED_MAX = 160  # a document named without its number: its type, year and body, a few words


@cache
def _direction_re() -> re.Pattern:
    """'(ý kiến) chỉ đạo của <body> tại' right before a citation (cues.toml [governed] directions)."""
    alt = "|".join(
        re.escape(w) for w in sorted(tables.cues()["governed"]["directions"], key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alt})\s+của\s[^;]{{1,80}}?\s+tại\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _masked(text: str, ranges: tuple[tuple[int, int], ...]) -> str:
    """`text` with every citation and its subject blanked out, built once per paragraph."""
    chars = list(text)
    covered = 0
    for a, b in sorted(ranges):
        lo, hi = max(a, covered), min(b, len(chars))
        if lo < hi:
            chars[lo:hi] = " " * (hi - lo)
        covered = max(covered, b)
    return "".join(chars)
