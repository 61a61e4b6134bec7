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

import re
from functools import cache

from vbgraph.loaders.normalize import fold, lower_vn, tone_noise
from vbgraph.ontology import tables
from vbgraph.ontology.relations import Rel


def _words_re(words: list[str], *, anchored: str = "") -> re.Pattern:
    alt = "|".join(re.escape(lower_vn(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
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
        out.append((Rel(code), _words_re(c[code]["preamble"], anchored=rf"^[\s\-–+•*]*(?:(?:{lead})\s*,?\s*)?")))
    return out


@cache
def _transparent_re() -> re.Pattern:
    words = tables.cues()["governed"]["transparent"]
    return _words_re(words, anchored=r"(?<!\w)")


def without_transparent(text: str) -> str:
    """`text` without the words an opening cue reaches through ('Để bảo đảm thực hiện quyết liệt,
    có hiệu quả các nhiệm vụ, giải pháp nêu tại Kết luận …': the cue governs the Kết luận)."""
    if tone_noise(text) > _NOISY:
        return _fold_pattern(_transparent_re().pattern).sub(" ", fold(text))
    return _transparent_re().sub(" ", lower_vn(text))


@cache
def _self_cues() -> list[tuple[Rel, re.Pattern]]:
    c = tables.cues()
    out = []
    for code in ("THAY_THE", "SUA_DOI", "BAI_BO"):
        words = c[code].get("self", [])
        alt = "|".join(re.escape(lower_vn(w)) for w in sorted(words, key=len, reverse=True))
        # The cue right before the citation: "… thay thế Quy định số …", "… bãi bỏ các …".
        # "sửa đổi, bổ sung, bãi bỏ một số điều, khoản của …": the first verb of a list decides.
        verbs = r"(?:\s*,\s*|\s+và\s+)(?:sửa đổi|bổ sung|bãi bỏ|thay thế|hủy bỏ)"
        fill = r"\s+(?:cho|các|toàn bộ|một số điều, khoản của|một số điều của|một số điều|nội dung|khoản|điều|của)"
        out.append((Rel(code), re.compile(r"(?:" + alt + r")(?:" + verbs + r"){0,4}(?:" + fill + r"){0,4}\s*$")))
    return out


_ARTICLE_RE = re.compile(r"^\s*điều\s+\d{1,3}[a-z]?\s*[.:]\s*")


@cache
def _after_repeal() -> re.Pattern:
    words = tables.cues()["BAI_BO"].get("after", [])
    return re.compile(r"^\s*,?\s*(?:" + "|".join(re.escape(lower_vn(w)) for w in words) + r")\b")


@cache
def _self_ref() -> re.Pattern:
    types = "|".join(
        re.escape(lower_vn(w)) for t in tables.doc_types() for w in (t.name, *t.aliases)
    )
    return re.compile(r"\b(?:" + types + r")\s+này\b")


_NOISY = 0.05  # share of words with two tone marks above which diacritics are not trusted


def _cue_text(text: str) -> str:
    """Lowercased text for cue matching; without diacritics when they are scrambled."""
    return fold(text) if tone_noise(text) > _NOISY else lower_vn(text)


def _folded_words_re(rx: re.Pattern) -> re.Pattern:
    return _fold_pattern(rx.pattern)


@cache
def _fold_pattern(pattern: str) -> re.Pattern:
    return re.compile(fold(pattern.replace(r"\ ", " ")).replace(" ", r"\s+"))


def _search(rx: re.Pattern, f: str, folded: bool) -> re.Match | None:
    return (_folded_words_re(rx) if folded else rx).search(f)


def title_cue(text_before: str) -> Rel | None:
    """The relation a subject line states about the citation that follows `text_before`."""
    folded = tone_noise(text_before) > _NOISY
    f = _cue_text(text_before)
    for code, rx in _title_cues():
        if _search(rx, f, folded):
            return code
    return None


_NUMBERED_HEAD_RE = re.compile(r"(?:^|\s)(?:Điều|ĐIỀU|Khoản|khoản|Điểm|điểm)\s+\d{1,3}[a-z]?$")


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding `pos`: after the last '. ' (or the paragraph start)."""
    end = pos
    while True:
        cut = max(text.rfind(". ", 0, end), text.rfind(".\n", 0, end))
        if cut < 0:
            return 0
        if not _NUMBERED_HEAD_RE.search(text, max(0, cut - 16), cut):
            return cut + 2
        end = cut  # 'Điều 1. Sửa đổi …': the article's number opens the sentence, it does not end one


def preamble_relation(sentence_before: str) -> Rel | None:
    """'Thực hiện …' / 'Căn cứ …' at the start of an opening sentence."""
    folded = tone_noise(sentence_before) > _NOISY
    f = _cue_text(sentence_before)
    review = r"\b(?:tong ket|so ket)\b" if folded else r"\b(?:tổng kết|sơ kết)\b"
    for code, rx in _preamble_openers():
        if _search(rx, f, folded):
            if code is Rel.THUC_HIEN and re.search(review, f):
                return Rel.TONG_KET
            return code
    if re.search(review + (r"[^;]*\bthuc hien\s*$" if folded else r"[^;]*\bthực hiện\s*$"), f):
        return Rel.TONG_KET
    return None


def self_relation(sentence_before: str, text_after: str) -> Rel | None:
    """THAY_THE, SUA_DOI or BAI_BO when the document itself is the subject of the sentence."""
    f = lower_vn(sentence_before)
    if not _self_ref().search(f) and not _ARTICLE_RE.match(f):
        return None  # the document speaks of itself ('Quy định này …') or in its own article ('Điều 1. Sửa đổi …')
    for code, rx in _self_cues():
        if rx.search(f):
            return code
    if _after_repeal().search(lower_vn(text_after)):
        return Rel.BAI_BO
    return None


def document_title_relation(doc_type: str | None, title_before: str) -> Rel:
    cue = title_cue(title_before)
    if cue is Rel.THUC_HIEN and doc_type == "Hướng dẫn":
        return Rel.HUONG_DAN
    return cue or Rel.DAN_CHIEU
