"""Read a document's identity from its header block and its signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vbgraph.loaders import patterns
from vbgraph.loaders.dates import PLACE_DATE_RE, iso_date
from vbgraph.loaders.normalize import fold, is_upper_text, segments, strip_markup
from vbgraph.loaders.segment import (
    _FRAGMENT_RE,
    _SIG_RE,
    _STAMP_RE,
    Block,
    heading_type,
    so_symbol,
    symbol_in_so_line,
)
from vbgraph.loaders.signals import body_at, is_motto
from vbgraph.ontology import tables


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
_TITLE_OPEN_RE = re.compile(r"^(?:về|v/v|thực hiện|triển khai|tiếp tục|đào tạo|xây dựng)\b", re.IGNORECASE)


def find_provinces(text: str) -> list[str]:
    f = fold(text)
    found = []
    for written, canon in sorted(tables.provinces().items(), key=lambda x: -len(x[0])):
        if re.search(r"(?<![a-z])" + re.escape(written) + r"(?![a-z])", f):
            if canon not in found:
                found.append(canon)
            f = f.replace(written, " ")
    return found


def parse_header(lines: list[str], block: Block, clean: list[str] | None = None) -> Header:
    clean = clean if clean is not None else [strip_markup(x) for x in lines]
    heading_line = block.heading_line
    dtype = heading_rest = None
    title_parts: list[str] = []
    title_lines: list[int] = []
    org: list[str] = []
    date = place = bad = None
    provinces: list[str] = []
    symbol_text = None
    end = heading_line or block.symbol_line or block.first
    scan_to = max(end, block.symbol_line or 0)
    # Header lines above and around the heading.
    for i in range(block.first, scan_to + 1):
        segs = segments(lines[i])
        sym = so_symbol(clean, i)
        if sym and not symbol_text:
            symbol_text = sym
        for seg in segs:
            pm = PLACE_DATE_RE.search(seg)
            if pm and date is None:
                date = iso_date(pm.group("d"), pm.group("m"), pm.group("y"))
                if date is None:
                    bad = pm.group(0)
                place = pm.group("place").strip()
                prev = next((clean[x].strip() for x in range(i - 1, max(block.first, i - 3) - 1, -1) if clean[x].strip()), "")
                if pm.start() == 0 and _FRAGMENT_RE.match(prev) and len(prev) <= 30:
                    place = f"{prev} {place}"  # 'Hà' / 'Nội, ngày …' from a flattened header table
                provinces += find_provinces(place)
                continue
            if heading_type(seg):
                break
            if (is_upper_text(seg) and fold(seg) != _CPV and not _STAMP_RE.match(seg) and seg not in {"*"}
                    and not symbol_in_so_line(seg) and not is_motto(seg) and not patterns.symbol_re().match(seg)):
                org.append(seg)
                provinces += find_provinces(seg)
    # The heading and the subject lines after it.
    if heading_line:
        segs = segments(lines[heading_line])
        k = next(i for i, s in enumerate(segs) if heading_type(s))
        rest, dtype = heading_type(segs[k])
        sym_in, heading_rest, rest_title = _split_rest(rest)
        symbol_text = symbol_text or sym_in
        if rest_title:
            title_parts.append(rest_title)
            title_lines.append(heading_line)
        for seg in segs[k + 1 :]:
            if (is_upper_text(seg) and fold(seg).startswith("cua ")) or (is_upper_text(seg) and heading_type(seg) is None and not title_parts and fold(seg).startswith("ket luan")):
                heading_rest = seg
            else:
                title_parts.append(seg)
                title_lines.append(heading_line)
        i = heading_line + 1
        # Contiguous lines: more of the heading ("CỦA BAN BÍ THƯ") and the subject.
        while i <= block.last and (clean[i].strip() or _title_goes_on(clean, i, title_parts)):
            s = clean[i].strip()
            if not s:
                i += 1
                continue
            if title_parts and _ends_subject(clean, i, title_parts):
                break
            if is_upper_text(s) and not title_parts:
                ht = heading_type(s)
                if (fold(s).startswith(("cua ", "hoi nghi ", "ban chap hanh ")) or (ht and not ht[0])
                        or fold(s).startswith("ket luan")):
                    heading_rest = s if fold(s).startswith("cua ") or heading_rest is None else heading_rest
                    i += 1
                    continue
                if _STAMP_RE.match(s):
                    i += 1
                    continue
            if symbol_in_so_line(s) or PLACE_DATE_RE.search(s):
                i += 1
                continue
            if not title_parts and fold(s).startswith("cua "):
                # 'của Ban Thường vụ Tỉnh ủy về …' under the heading: the issuer, then the subject
                _, of, subject = _split_rest(s)
                heading_rest = of or heading_rest
                if not subject:
                    i += 1
                    continue
                s = subject
            title_parts.append(s)
            title_lines.append(i)
            i += 1
        end = i - 1
        if not title_parts:
            # After a blank line: a subtitle, skipping stamps and capitals ("CÔNG VĂN ĐẾN").
            j = i
            first_text = next((x for x in range(i, min(block.last, i + 4) + 1) if clean[x].strip()), None)
            if first_text is not None and _subject_line(clean[first_text]):
                k2 = first_text
                while k2 <= block.last and clean[k2].strip() and _subject_line(clean[k2]):
                    title_parts.append(clean[k2].strip())
                    title_lines.append(k2)
                    k2 += 1
                end = k2 - 1
                j = block.last + 1  # found
            while j <= block.last and j - i < 8:
                s = clean[j].strip()
                if not s or _STAMP_RE.match(s) or (is_upper_text(s) and len(s) < 80):
                    if is_upper_text(s) and fold(s).startswith("cua "):
                        heading_rest = s
                    j += 1
                    continue
                if _TITLE_OPEN_RE.match(s) and not s.rstrip().endswith(":") and len(s) < 400:
                    k2 = j
                    while k2 <= block.last and (clean[k2].strip() or _title_goes_on(clean, k2, title_parts)):
                        if clean[k2].strip():
                            if title_parts and _ends_subject(clean, k2, title_parts):
                                break
                            title_parts.append(clean[k2].strip())
                            title_lines.append(k2)
                        k2 += 1
                    end = k2 - 1
                break
    else:
        # A letter: "V/v …" lines give the subject.
        for i in range(block.first, min(block.last, scan_to + 8) + 1):
            s = clean[i].strip()
            if re.match(r"^V/v\b", s, re.IGNORECASE):
                j = i
                while j <= block.last and clean[j].strip() and not clean[j].strip().startswith("Kính gửi"):
                    title_parts.append(clean[j].strip())
                    title_lines.append(j)
                    j += 1
                end = j - 1
                dtype = "Công văn"
                break
        if dtype is None and block.kind == "body" and block.symbol_line:
            end = max(end, _caps_title(clean, block, scan_to, title_parts, title_lines))
    title = re.sub(r"\s+", " ", " ".join(title_parts)).strip(" *") or None
    if title:
        title = title.replace("“", "“").strip()
        if title[:2] == "Về":
            title = "về" + title[2:]
    signed_for = signer = None
    if block.signature_line:
        for i in range(block.signature_line, (block.signer_line or block.signature_line) + 1):
            m = _SIG_RE.match(clean[i].strip())
            if m:
                signed_for = m.group("who").strip(" *")
        if block.signer_line:
            signer = clean[block.signer_line].strip(" *")
    return Header(
        type=dtype, heading_rest=heading_rest, symbol_text=symbol_text, date=date, place=place,
        org_lines=tuple(_join_org(org)), title=title, title_lines=tuple(title_lines),
        header_end=block.first - 1 if block.kind == "body" and not block.symbol_line and not title_parts else max(end, scan_to),
        signed_for=signed_for, signer=signer, provinces=tuple(dict.fromkeys(provinces)), bad_date=bad,
    )


_OF_RE = re.compile(r"^(?P<of>(?:CỦA|CUA)\b.*?)(?=\s+(?:VỀ|VỀ\s+VIỆC)\b|$)", re.IGNORECASE)


_CONNECTOR_END_RE = re.compile(r"(?:,|\b(?:và|của|về|với|cho|đối với|trong|tại|theo|các|những|-|–))\s*$", re.IGNORECASE)


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
    if set(s) <= set("_-=*. ") or enact_heading(s) or re.match(r"^(?:Điều\s+\d|[IVXL]+\.\s|\d+\.\s)", s):
        return True
    bare = s.lstrip("-–+•* ")
    if bare[:1].isupper() and preamble_opener(bare):
        return True
    nxt = next((clean[j].strip() for j in range(i + 1, min(len(clean), i + 3)) if clean[j].strip()), "")
    if authority(s) and preamble_opener(nxt):
        return True  # 'ỦY BAN NHÂN DÂN TỈNH LONG AN' above 'Căn cứ …'
    prev = parts[-1]
    sentence = s[:1].isupper() and not is_upper_text(s) and s[1:2].islower()
    if sentence and is_upper_text(prev):
        return True  # a subject in capitals, then running text
    if sentence and re.search(r"[.;:](?:\s|$)", s):
        return True  # a line of prose ('Ngày 08/5/2023, Ban Thường vụ … họp. Sau khi …:')
    return len(parts) >= 2 and sentence and not _CONNECTOR_END_RE.search(prev)


def _subject_line(line: str) -> bool:
    """A subject standing alone under a heading, after a blank line: capitals that are no stamp,
    body or motto ('CHỨC NĂNG, NHIỆM VỤ …'), or one sentence-case line that is no preamble,
    no numbered section and no sentence ('Quản lý và cung cấp thông tin …')."""
    from vbgraph.loaders.signals import body_at, is_chrome, preamble_opener

    s = line.strip()
    if not s or _STAMP_RE.match(s) or is_motto(s) or PLACE_DATE_RE.search(s) or is_chrome(s):
        return False
    if s[:1] in "-–+•*(" or re.match(r"^(?:[IVXL]+|\d+)[.)/]", s) or preamble_opener(s) or body_at(s):
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
        if not s or is_motto(s) or PLACE_DATE_RE.search(s) or so_symbol(clean, i):
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
            return {"type_code": s.type_code, "number": s.number, "issuer_code": s.issuer_code, "symbol": s.symbol,
                    "type": s.type}
    m = patterns.symbol_re().search(text)
    return {"symbol": m.group(0)} if m else None
