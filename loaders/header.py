"""Read a document's identity from its header block and its signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from vbgraph.loaders import patterns
from vbgraph.loaders.bodies import canonical_name
from vbgraph.loaders.dates import date_from_match, search_place_date
from vbgraph.loaders.normalize import fold, is_upper_text, segments, strip_markup
from vbgraph.loaders.places import titled
from vbgraph.loaders.segment import (
    _FRAGMENT_RE,
    _SIG_RE,
    _STAMP_RE,
    Block,
    columns,
    heading_type,
    one_line_signature,
    so_symbol,
    symbol_in_so_line,
)
from vbgraph.loaders.signals import (
    body_at,
    is_motto,
    occasion_re,
    opens_with_date,
    organisation_motto,
    stamp,
    telegraph_sender,
)
from vbgraph.loaders.signals import table as signals_table
from vbgraph.ontology import tables
from vbgraph.ontology.fuzzy import fold_aligned


@dataclass(frozen=True)
class Header:
    type: str | None
    heading_rest: str | None  # "CỦA BAN THƯỜNG VỤ TỈNH ỦY"
    symbol_text: str | None  # as written after "Số"
    date: str | None
    place: str | None
    org_lines: tuple[str, ...]  # issuing organisation lines above the heading
    title: str | None
    title_lines: tuple[int, ...]
    header_end: int
    signed_for: str | None  # "TỈNH ỦY" in "T/M TỈNH ỦY"
    signer: str | None
    provinces: tuple[str, ...]  # provinces named in the header lines
    bad_date: str | None = None


_CPV = "dang cong san viet nam"
_VV_RE = re.compile(r"^V/v\b", re.IGNORECASE)
_BLANKS_RE = re.compile(r"\s+")
# 'Điều 1', 'I. …', '1. …', and as Party texts number them, 'I- MỤC ĐÍCH, YÊU CẦU', '1- …'
_SECTION_OPEN_RE = re.compile(r"^(?:Điều\s+\d|[IVXL]+\s?[.\-–]\s|\d+\.\s|\d{1,2}\s?[\-–]\s)")
_STOP_RE = re.compile(r"[.;:](?:\s|$)")
_NUMBERED_RE = re.compile(r"^(?:[IVXL]+|\d+)[.)/]")
_TITLE_OPEN_RE = re.compile(r"^(?:về|v/v|thực hiện|triển khai|tiếp tục|đào tạo|xây dựng)\b", re.IGNORECASE)


@cache
def _province_res() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(folded written form, canonical name, its pattern as a whole word), longest first."""
    return tuple(
        (written, canon, re.compile(r"(?<![a-z])" + re.escape(written) + r"(?![a-z])"))
        for written, canon in sorted(tables.provinces().items(), key=lambda x: -len(x[0]))
    )


_LETTERS_RE = re.compile(r"[a-z]+")


@cache
def _province_firsts() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Indexes into `_province_res` by the first word of the written form (a run of a-z), and
    those whose first word is not one: a province matches only where its first word stands as
    a whole run of letters of the folded text."""
    by_first: dict[str, list[int]] = {}
    always = []
    for k, (written, _, _) in enumerate(_province_res()):
        first = written.split(" ")[0]
        if _LETTERS_RE.fullmatch(first):
            by_first.setdefault(first, []).append(k)
        else:
            always.append(k)
    return {w: tuple(ks) for w, ks in by_first.items()}, tuple(always)


@cache
def _not_places_re() -> re.Pattern:
    """Names that hold a province's name but name no place (provinces.toml not_places), folded."""
    names = sorted({fold(n) for n in tables.load("provinces.toml")["not_places"]}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


@cache
def _sub_unit_before_re() -> re.Pattern:
    """A unit below a province ending where a province's name starts (provinces.toml sub_units), folded."""
    words = sorted({fold(w) for w in tables.load("provinces.toml")["sub_units"]}, key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")\s+$")


def _sub_unit_before(folded: str, start: int) -> bool:
    return _sub_unit_before_re().search(folded, max(0, start - 14), start) is not None


def find_provinces(text: str) -> list[str]:
    """The provinces named in `text`, longest written form first (a longer name takes its words
    from a shorter one inside it)."""
    f = fold(text)
    if "minh" in f:  # every name of `_not_places` ends so
        f = _not_places_re().sub(" ", f)
    found = []
    res = _province_res()
    by_first, always = _province_firsts()
    candidates = {k for w in set(_LETTERS_RE.findall(f)) for k in by_first.get(w, ())}
    for written, canon, rx in (res[k] for k in sorted(candidates.union(always))):
        # `written in f` is implied by a match: the substring test skips the regex for most provinces
        matches = list(rx.finditer(f)) if written in f else ()
        if matches:
            # 'xã Hòa Bình', 'thôn Phú Thọ': a unit of that name, no province
            if canon not in found and any(not _sub_unit_before(f, m.start()) for m in matches):
                found.append(canon)
            f = f.replace(written, " ")
    return found


@dataclass
class _HeaderReading:
    """What a header block has said so far. The readers below fill it in reading order (lines
    above the heading, the heading, the subject under it, or a letter's 'V/v' line), and the
    first of them to find a field keeps it."""

    dtype: str | None = None
    heading_rest: str | None = None
    symbol_text: str | None = None
    date: str | None = None
    place: str | None = None
    bad_date: str | None = None
    org: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    title_parts: list[str] = field(default_factory=list)
    title_lines: list[int] = field(default_factory=list)
    concludes: bool = False  # the heading names conclusions: 'THÔNG BÁO KẾT LUẬN'

    def add_title(self, text: str, line: int) -> None:
        self.title_parts.append(text)
        self.title_lines.append(line)


def parse_header(lines: list[str], block: Block, clean: list[str] | None = None) -> Header:
    clean = clean if clean is not None else [strip_markup(x) for x in lines]
    if block.kind == "extract":  # no header: the editor's heading names it (identify.draft)
        signed_for, signer = _signature(clean, block)
        return Header(None, None, None, None, None, (), None, (), block.first, signed_for, signer, ())
    st = _HeaderReading()
    end = block.heading_line or block.symbol_line or block.first
    scan_to = max(end, block.symbol_line or 0)
    _read_top(lines, clean, block, scan_to, st)
    if block.heading_line:
        end = _read_heading(lines, clean, block, block.heading_line, st)
    else:
        end = _read_letter_subject(clean, block, scan_to, end, st)
    signed_for, signer = _signature(clean, block)
    no_header = block.kind == "body" and not block.symbol_line and not st.title_parts
    return Header(
        type=st.dtype,
        heading_rest=st.heading_rest,
        symbol_text=st.symbol_text,
        date=st.date,
        place=st.place,
        org_lines=tuple(_join_org(st.org)),
        title=_tidy_title(st.title_parts),
        title_lines=tuple(st.title_lines),
        header_end=block.first - 1 if no_header else max(end, scan_to),
        signed_for=signed_for,
        signer=signer,
        provinces=tuple(dict.fromkeys(st.provinces)),
        bad_date=st.bad_date,
    )


def _read_top(lines: list[str], clean: list[str], block: Block, scan_to: int, st: _HeaderReading) -> None:
    """The header lines above and around the heading: 'Số …', the place-and-date line and the
    issuing organisation's lines (a line's cells are read up to a type heading among them)."""
    for i in range(block.first, scan_to + 1):
        sym = so_symbol(clean, i)
        if sym and not st.symbol_text:
            st.symbol_text = sym
        for seg in (c for x in segments(lines[i]) for c in columns(x)):
            pm = search_place_date(seg)
            if pm and st.date is None:
                beside = _org_beside_date(seg) if pm.start() == 0 else None
                if beside is not None:  # 'BCS ĐẢNG UBND TỈNH Cà Mau, ngày …'
                    org, pm = beside
                    st.org.append(spelt_out(org))
                    st.provinces += find_provinces(org)
                _read_place_date(clean, block, i, pm, st, joined=beside is None)
                continue
            if heading_type(seg):
                break
            if st.org and organisation_motto(seg):
                continue  # 'ĐOÀN TNCS HỒ CHÍ MINH' beside 'BAN CHẤP HÀNH ĐOÀN TỈNH LÀO CAI'
            if _org_line(seg):
                st.org.append(spelt_out(seg))
                st.provinces += find_provinces(seg)


_ORG_WORDS = 12  # an organisation line's words, at most


def _org_beside_date(seg: str) -> tuple[str, re.Match[str]] | None:
    """(the organisation line, the place and date's match) of a header line where the two columns
    ran together, the line's capitals before the place's first word in lower case: 'BCS ĐẢNG UBND
    TỈNH Cà Mau, ngày 14 tháng 02 năm 2024'."""
    words = seg.split()
    for k in range(min(len(words) - 1, _ORG_WORDS), 1, -1):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if is_upper_text(words[k]) or not words[k][:1].isupper() or not _org_line(head):
            continue
        m = search_place_date(rest)
        if m is not None and m.start() == 0:
            return head, m
    return None


def _read_place_date(
    clean: list[str], block: Block, i: int, pm: re.Match[str], st: _HeaderReading, joined: bool = True
) -> None:
    """The date and place of the first place-and-date line; an impossible date is kept as written.
    `joined`: the place may begin on the line above ('Hà' / 'Nội, ngày …')."""
    st.date = date_from_match(pm)
    if st.date is None:
        st.bad_date = pm.group(0)
    place = pm.group("place").strip()
    prev = next(
        (clean[x].strip() for x in range(i - 1, max(block.first, i - 3) - 1, -1) if clean[x].strip()), ""
    )
    if joined and pm.start() == 0 and _FRAGMENT_RE.match(prev) and len(prev) <= 30:
        place = f"{prev} {place}"  # 'Hà' / 'Nội, ngày …' from a flattened header table
    st.place = place
    st.provinces += find_provinces(place)


@cache
def _shortened() -> tuple[re.Pattern, dict[str, str]]:
    """The heads an organisation line shortens, folded, and what each spells out (signals.toml
    [body.shortened])."""
    table = {fold(k): v for k, v in signals_table()["body"]["shortened"].items()}
    return re.compile(rf"(?<!\w)(?:{patterns.alt(table)})(?!\w)"), table


def spelt_out(line: str) -> str:
    """An organisation line with the heads it shortens spelt out, in its case: 'BCS ĐẢNG UBND
    TỈNH' is 'BAN CÁN SỰ ĐẢNG UBND TỈNH', which names the Ban cán sự đảng that issues."""
    rx, table = _shortened()
    folded = fold_aligned(line)
    if len(folded) != len(line):
        return line  # offsets would not agree
    out, at = [], 0
    for m in rx.finditer(folded):
        full = table[" ".join(m.group(0).split())]
        out += [line[at : m.start()], full.upper() if line.isupper() else full]
        at = m.end()
    return "".join(out) + line[at:] if out else line


def _org_line(seg: str) -> bool:
    """A line of the issuing organisation: capitals that are not the Party's name, a stamp, a
    'Số' line, a motto or a symbol."""
    return (
        is_upper_text(seg)
        and fold(seg) != _CPV
        and not _STAMP_RE.match(seg)
        and not stamp(seg)
        and seg not in {"*"}
        and not symbol_in_so_line(seg)
        and not is_motto(seg)
        and not patterns.symbol_re().match(seg)
    )


def _first_heading(segs: list[str]) -> tuple[int, str, str]:
    """(index, rest, type name) of the first segment that is a type heading."""
    for k, seg in enumerate(segs):
        ht = heading_type(seg)
        if ht:
            return k, ht[0], ht[1]
    raise ValueError("no type heading on the heading line")  # segment.find_blocks found one there


def _read_heading(
    lines: list[str], clean: list[str], block: Block, heading_line: int, st: _HeaderReading
) -> int:
    """The type heading, the words after it on its line, and the subject under it; returns the
    last line of the subject."""
    segs = segments(lines[heading_line])
    k, rest, st.dtype = _first_heading(segs)
    st.concludes = "ket luan" in fold(segs[k])
    sym_in, st.heading_rest, rest_title = _split_rest(rest)
    st.symbol_text = st.symbol_text or sym_in
    if rest_title and not stamp(rest_title):  # 'CÔNG ĐIỆN KHẨN': urgency, no subject
        st.add_title(rest_title, heading_line)
    for seg in segs[k + 1 :]:
        if stamp(seg):
            continue
        if is_upper_text(seg) and (
            fold(seg).startswith("cua ")
            or (heading_type(seg) is None and not st.title_parts and fold(seg).startswith("ket luan"))
        ):
            st.heading_rest = seg
        else:
            st.add_title(seg, heading_line)
    i = _read_subject_lines(clean, block, heading_line + 1, st)
    end = i - 1
    if not st.title_parts:
        end = _subtitle_after_blank(clean, block, i, end, st)
    return end


def _read_subject_lines(clean: list[str], block: Block, i: int, st: _HeaderReading) -> int:
    """Contiguous lines under the heading: more of the heading ('CỦA BAN BÍ THƯ') and the
    subject; returns the first line after them."""
    while i <= block.last and (clean[i].strip() or _title_goes_on(clean, i, st.title_parts)):
        s = clean[i].strip()
        if s:
            if st.title_parts and _ends_subject(clean, i, st.title_parts):
                break
            if not st.title_parts and _narrative(s):
                break  # no subject under the heading: the text opens
            _read_subject_line(s, i, st)
        i += 1
    return i


def _read_subject_line(s: str, i: int, st: _HeaderReading) -> None:
    """One line under the heading: more of the heading, a stamp, a 'Số' or date line, or the subject."""
    if is_upper_text(s) and not st.title_parts:
        ht = heading_type(s)
        if st.dtype == "Thông báo" and fold(s).startswith("ket luan cua "):
            # 'THÔNG BÁO' / 'KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY' / 'tại buổi làm việc …': whose
            # conclusions it gives is its subject, written as running text writes it
            whose = s.split(None, 3)[3:]  # the words after 'KẾT LUẬN CỦA'
            st.add_title(f"kết luận của {titled(canonical_name(whose[0]))}" if whose else s, i)
            return
        if fold(s).startswith(("cua ", "hoi nghi ", "ban chap hanh ", "ket luan")) or (ht and not ht[0]):
            st.heading_rest = s if fold(s).startswith("cua ") or st.heading_rest is None else st.heading_rest
            return
        if _STAMP_RE.match(s) or stamp(s):
            return
    if symbol_in_so_line(s) or search_place_date(s):
        return
    if not st.title_parts and fold(s).startswith("cua "):
        # 'của Ban Thường vụ Tỉnh ủy về …' under the heading: the issuer, then the subject
        _, of, subject = _split_rest(s)
        st.heading_rest = of or st.heading_rest
        if not subject and st.dtype == "Thông báo" and occasion_re().search(s):
            # 'THÔNG BÁO KẾT LUẬN' / 'của Thường trực Huyện ủy tại buổi làm việc với …': whose
            # conclusions, given where, as 'KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY' / 'tại …' reads
            st.add_title(f"kết luận {s}" if st.concludes else s, i)
            return
        if not subject:
            return
        s = subject
    st.add_title(s, i)


def _narrative(line: str) -> bool:
    """A line of running text where a subject would stand: it opens with a date ('Ngày 30/5/2024,
    Thường trực Huyện ủy đã làm việc …') or ends with a colon ('… kết luận như sau:')."""
    return not is_upper_text(line) and (line.rstrip().endswith(":") or opens_with_date(line))


def _subtitle_after_blank(clean: list[str], block: Block, i: int, end: int, st: _HeaderReading) -> int:
    """A heading with no subject right under it: the subject after a blank line, skipping stamps
    and capitals ('CÔNG VĂN ĐẾN'); returns the header's last line (`end` when none is found)."""
    j = i
    first_text = next((x for x in range(i, min(block.last, i + 4) + 1) if clean[x].strip()), None)
    if first_text is not None and _subject_line(clean[first_text]):
        k = first_text
        while k <= block.last and clean[k].strip() and _subject_line(clean[k]):
            st.add_title(clean[k].strip(), k)
            k += 1
        end = k - 1
        j = block.last + 1  # found
    while j <= block.last and j - i < 8:
        s = clean[j].strip()
        if not s or _STAMP_RE.match(s) or (is_upper_text(s) and len(s) < 80):
            if is_upper_text(s) and fold(s).startswith("cua "):
                st.heading_rest = s
            j += 1
            continue
        # 'Về …', 'Thực hiện …', or any line in lower case ('tổng kết 10 năm thực hiện …'): a
        # text's sentences open in capitals
        if (_TITLE_OPEN_RE.match(s) or s[:1].islower()) and not s.rstrip().endswith(":") and len(s) < 400:
            end = _opened_subject(clean, block, j, st)
        break
    return end


def _opened_subject(clean: list[str], block: Block, j: int, st: _HeaderReading) -> int:
    """A subject opened by 'Về …', 'V/v …', 'Thực hiện …' from line `j`; returns its last line."""
    k = j
    while k <= block.last and (clean[k].strip() or _title_goes_on(clean, k, st.title_parts)):
        if clean[k].strip():
            if st.title_parts and _ends_subject(clean, k, st.title_parts):
                break
            st.add_title(clean[k].strip(), k)
        k += 1
    return k - 1


def _read_letter_subject(clean: list[str], block: Block, scan_to: int, end: int, st: _HeaderReading) -> int:
    """A header without a type heading: a letter's 'V/v …' lines give the subject and the type
    Công văn; a body block's subject may stand in capitals. Returns the header's last line."""
    for i in range(block.first, min(block.last, scan_to + 8) + 1):
        if _VV_RE.match(clean[i].strip()):
            for k in (
                range(scan_to + 1, i) if st.date is None else ()
            ):  # 'Số …' / motto / place, date / 'V/v …'
                if (pm := search_place_date(clean[k])) and pm.start() == 0:
                    _read_place_date(clean, block, k, pm, st)
                    break
            j = i
            while j <= block.last and clean[j].strip() and not clean[j].strip().startswith("Kính gửi"):
                pm = search_place_date(clean[j]) if j > i else None
                if (pm and pm.start() == 0) or (j > i and is_motto(clean[j])):
                    break  # the place and date (or the motto) beside or under the subject, not part of it
                if j > i and _ends_letter_subject(clean[j]):
                    break
                st.add_title(clean[j].strip(), j)
                j += 1
            if st.date is None:  # right under the subject or after a blank line
                _date_after_subject(clean, block, j, st)
            st.dtype = "Công văn"
            return j - 1
    if block.kind == "body" and block.symbol_line:
        return max(end, _caps_title(clean, block, scan_to, st.title_parts, st.title_lines))
    return end


def _ends_letter_subject(line: str) -> bool:
    """A line that no letter's subject runs into, when no 'Kính gửi' line ends it: the preamble
    ('Thực hiện …', 'Căn cứ …'), an addressing line ('Ủy ban nhân dân tỉnh yêu cầu:'), a numbered
    section or a separator."""
    from vbgraph.loaders.signals import enact_heading, preamble_opener

    s = line.strip()
    if set(s) <= set("_-=*. ") or enact_heading(s) or _SECTION_OPEN_RE.match(s) or s.endswith(":"):
        return True
    return s[:1].isupper() and preamble_opener(s)


def _date_after_subject(clean: list[str], block: Block, j: int, st: _HeaderReading) -> None:
    """The place and date on one of the next three lines of text after a letter's subject (the
    motto and its rule between them do not count)."""
    seen = 0
    while j <= block.last and seen < 3:
        if (s := clean[j].strip()) and not is_motto(s) and not set(s) <= set("_-=*. "):  # mottos, rules
            pm = search_place_date(clean[j])
            if pm and pm.start() == 0:
                _read_place_date(clean, block, j, pm, st)
                return
            seen += 1
        j += 1


def _tidy_title(parts: list[str]) -> str | None:
    """The subject's lines as one line; 'Về …' lowercased and a letter's 'V/v …' spelt out
    ('về việc …'), as subjects are cited."""
    joined = "".join(
        p if k == 0 or (patterns.symbol_cut(parts[k - 1]) and patterns.symbol_goes_on(p)) else " " + p
        for k, p in enumerate(parts)
    )  # a symbol the subject's lines cut ('Quy định số 69-' / 'QĐ/TW …') is one word again
    title = _BLANKS_RE.sub(" ", joined).strip(" *") or None
    if title and title[:2] == "Về":
        title = "về" + title[2:]
    elif title and _VV_RE.match(title):
        title = "về việc" + title[3:]
    return title


def _signature(clean: list[str], block: Block) -> tuple[str | None, str | None]:
    """(the body signed for: 'TỈNH ỦY' in 'T/M TỈNH ỦY', the signer's name)."""
    signed_for = signer = None
    if block.signature_line:
        for i in range(block.signature_line, (block.signer_line or block.signature_line) + 1):
            m = _SIG_RE.match(clean[i].strip())
            if m:
                signed_for = m.group("who").strip(" *")
        if block.signer_line:
            signer = clean[block.signer_line].strip(" *")
        if block.signer_line == block.signature_line and (one := one_line_signature(signer or "")):
            offices, signer = one  # 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH … Trần Song Tùng'
            m = _SIG_RE.match(offices)
            signed_for = _NEXT_SIG_RE.split(m.group("who"))[0].strip(" *") if m else signed_for
    return signed_for, signer


_NEXT_SIG_RE = re.compile(r"\s(?:T/M|T\.M\.|TM\.?|KT\.?|Q\.|T/L|T\.L\.|TL\.|TUQ\.)\s")


# 'của Ban Thường vụ Tỉnh ủy về …', 'của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số …': the
# issuer, up to where the subject opens (not inside a board's name, 'Ban Chỉ đạo thực hiện …')
_OF_RE = re.compile(
    r"^(?P<of>(?:CỦA|CUA)\b.*?)(?=\s+(?:VỀ|VỀ\s+VIỆC)\b|(?<!chỉ đạo)\s+(?:thực hiện|triển khai|tiếp tục|"
    r"quán triệt|tổng kết|sơ kết|hướng dẫn|(?-i:thi hành)(?!\s+án\b))\b|$)",
    re.IGNORECASE,
)


_CONNECTOR_END_RE = re.compile(
    r"(?:,|\b(?:và|của|về|với|cho|đối với|trong|tại|theo|các|những|-|–))\s*$", re.IGNORECASE
)


def _title_goes_on(clean: list[str], i: int, parts: list[str]) -> bool:
    """A blank line inside a subject: the next line goes on in lowercase ('… của Đảng' / '' /
    'đối với công tác …')."""
    if not parts or clean[i].strip():
        return False
    nxt = clean[i + 1].strip() if i + 1 < len(clean) else ""
    return bool(nxt) and nxt[:1].islower()


def _ends_subject(clean: list[str], i: int, parts: list[str]) -> bool:
    """Where a subject running over several lines ends: the preamble, the enacting authority,
    'QUYẾT ĐỊNH:', a numbered section, a separator, or a new sentence after a finished line."""
    from vbgraph.loaders.signals import authority, enact_heading, preamble_opener

    s = clean[i].strip()
    if set(s) <= set("_-=*. ") or enact_heading(s) or _SECTION_OPEN_RE.match(s) or telegraph_sender(s):
        return True  # … or 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:' over a telegram's addressees
    bare = s.lstrip("-–+•* ")
    if bare[:1].isupper() and preamble_opener(bare):
        return True
    ahead = [clean[j].strip() for j in range(i + 1, min(len(clean), i + 5)) if clean[j].strip()][:2]
    if authority(s) and any(preamble_opener(x) for x in ahead):
        # 'ỦY BAN NHÂN DÂN TỈNH LONG AN' above 'Căn cứ …', or above its session line first
        # ('HỘI ĐỒNG NHÂN DÂN HUYỆN NGHI XUÂN' / 'KHÓA XX, KỲ HỌP THỨ 12' / 'Căn cứ …')
        return True
    prev = parts[-1]
    sentence = s[:1].isupper() and not is_upper_text(s) and s[1:2].islower()
    if sentence and is_upper_text(prev):
        return True  # a subject in capitals, then running text
    if sentence and _STOP_RE.search(s):
        return True  # a line of prose ('Ngày 08/5/2023, Ban Thường vụ … họp. Sau khi …:')
    return len(parts) >= 2 and sentence and not _CONNECTOR_END_RE.search(prev)


def _subject_line(line: str) -> bool:
    """A subject standing alone under a heading, after a blank line: capitals that are no stamp,
    body or motto ('CHỨC NĂNG, NHIỆM VỤ …'), or one sentence-case line that is no preamble,
    no numbered section and no sentence ('Quản lý và cung cấp thông tin …')."""
    from vbgraph.loaders.signals import body_at, is_chrome, preamble_opener

    s = line.strip()
    if not s or _STAMP_RE.match(s) or is_motto(s) or search_place_date(s) or is_chrome(s):
        return False
    if s[:1] in "-–+•*(" or _NUMBERED_RE.match(s) or preamble_opener(s) or body_at(s):
        return False
    if fold(s).startswith("cua ") or set(s) <= set("_-=*. "):
        return False
    if is_upper_text(s):
        return len(s) >= 12
    return s[:1].isupper() and not s.rstrip().endswith((".", ":", ";")) and len(s) < 300


def _caps_title(clean: list[str], block: Block, after: int, parts: list[str], where: list[int]) -> int:
    """A subject written in capitals right under a header that has no type heading
    ('BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO …'); returns its last line (or `after`)."""
    for i in range(after + 1, min(block.last, after + 6) + 1):
        s = clean[i].strip()
        if not s or is_motto(s) or search_place_date(s) or so_symbol(clean, i):
            continue
        if is_upper_text(s) and len(s) >= 20 and not tables.canonical_body(s) and not body_at(s):
            parts.append(s)
            where.append(i)
            return i
        break
    return after


def _split_rest(rest: str) -> tuple[str | None, str | None, str | None]:
    """(symbol, 'CỦA …' issuer phrase, subject) from the words after a heading's type name:
    'QUY ĐỊNH (BỔ SUNG)', 'KẾ HOẠCH TỔ CHỨC …', 'KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ VỀ …'."""
    rest = rest.strip()
    if not rest or (rest.startswith("(") and rest.endswith(")")):
        return None, None, None
    symbol = None
    m = patterns.symbol_re().match(rest)
    if m:
        symbol, rest = m.group(0), rest[m.end() :].strip(" ,")
    of = None
    if fold(rest).startswith("cua "):
        om = _OF_RE.match(rest)
        if om:
            of, rest = om.group("of").strip(" ,"), rest[om.end() :].strip(" ,")
    return symbol, of, rest or None


def _join_org(lines: list[str]) -> list[str]:
    """Join wrapped organisation lines: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN' + 'VÀ DOANH NGHIỆP TỈNH'."""
    out: list[str] = []
    for s in lines:
        if out and (fold(s).startswith("va ") or fold(out[-1]).endswith((" cac", " va", " co quan"))):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


def parse_symbol(text: str | None, doc_type: str | None = None) -> dict | None:
    """Fields of the symbol written after "Số" in a header (read after the heading's type name
    when the symbol has no type code: '653/2019/UBTVQH14')."""
    if not text:
        return None
    from vbgraph.loaders.cite import find_citations

    for s in find_citations(f"{doc_type} số {text}" if doc_type else "Số " + text):
        if s.kind == "numbered":
            return {
                "type_code": s.type_code,
                "number": s.number,
                "issuer_code": s.issuer_code,
                "symbol": s.symbol,
                "type": s.type,
            }
    m = patterns.symbol_re().search(text)
    return {"symbol": m.group(0)} if m else None
