"""One file in, one FileRecord out: documents with their identity, and every citation with evidence.

`parse_text` is pure; `parse(path)` only adds reading the file. Problems with single items go to
the record's issues and reading goes on; a file that cannot be read raises UnreadableFile.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from vbgraph.errors import UnreadableFile
from vbgraph.graph.model import Citation, Evidence, FileRecord, Issue, TextDocument
from vbgraph.loaders import citations as cit
from vbgraph.loaders import identify, patterns, signals
from vbgraph.loaders import relations as rel
from vbgraph.loaders.clean import clean_lines, unscramble
from vbgraph.loaders.dates import DATE_RE, iso_date
from vbgraph.loaders.header import Header, find_provinces, parse_header, parse_symbol
from vbgraph.loaders.normalize import containment, fold, lower_vn, normalize_text, strip_markup
from vbgraph.loaders.segment import Block, body_block, find_blocks, section_start, split_long_lines
from vbgraph.loaders.spans import Span
from vbgraph.ontology import tables
from vbgraph.ontology.relations import Rel


@dataclass
class Paragraph:
    text: str
    starts: list[tuple[int, int]]  # (offset in text, line number)

    def line_at(self, offset: int) -> int:
        line = self.starts[0][1]
        for off, ln in self.starts:
            if off > offset:
                break
            line = ln
        return line


_END_PUNCT = tuple(".;:!?)")
# A line that stops on one of these words goes on in the next one ("… chủ trì, phối hợp với").
_CONNECTOR_END = re.compile(r"(?:\b(?:với|và|của|các|cho|về|theo|tại|số|ngày|tháng|năm|Số)|,)\s*$")
# A line that goes on with a number ("Căn cứ Nghị định số" / "69/2008/NĐ-CP ngày …"), not a list item.
_NUMBER_GOES_ON = re.compile(r"^\d(?!\d{0,2}\s*[.)/:]\s)")


@cache
def _type_word_end() -> re.Pattern:
    """A line that stops on a type word goes on in the next one: a type word ends no sentence."""
    return re.compile(rf"(?<!\w)(?:{patterns.type_alt()})\s*$", re.IGNORECASE)


def paragraphs(clean: list[str], first: int, last: int) -> list[Paragraph]:
    """Paragraphs of lines first..last; a sentence broken across lines (or a page) is joined."""
    out: list[Paragraph] = []
    cur: Paragraph | None = None
    blank_run = 0
    for i in range(first, last + 1):
        s = clean[i].strip()
        if not s:
            blank_run += 1
            continue
        table = "\t" in clean[i]
        text = " ¦ ".join(c.strip() for c in clean[i].split("\t") if c.strip()) if table else s
        joinable = (
            cur is not None and not table and blank_run <= 1 and "¦" not in cur.text[-200:]
            and not cur.text.rstrip().endswith(_END_PUNCT)
            and (text[:1].islower() or _CONNECTOR_END.search(cur.text[-20:]) is not None
                 or (_type_word_end().search(cur.text[-40:]) is not None and not cur.text.isupper())
                 or (_NUMBER_GOES_ON.match(text) is not None and not cur.text.rstrip().endswith(_END_PUNCT)
                     and cur.text.rstrip()[-1:].isalpha()))
        )
        if joinable:
            cur.starts.append((len(cur.text) + 1, i))
            cur.text += " " + text
        else:
            cur = Paragraph(text, [(0, i)])
            out.append(cur)
        blank_run = 0
    return out


def _quote(clean_line: str, col: int, width: int = 320) -> str:
    s = clean_line.strip().replace("\t", " | ")
    if len(s) <= width:
        return s
    start = max(0, min(col - 80, len(s) - width))
    return ("…" if start else "") + s[start : start + width].strip() + ("…" if start + width < len(s) else "")


def _doc_issuer(h: Header, listing_issuer: str | None, issuer_code: str | None) -> tuple[str | None, str | None]:
    """(canonical issuing body, its level) from the signature, the heading, a listing, the symbol."""
    sig = tables.signature_table()
    org = None
    joined = " ".join(h.org_lines)
    for line in [*reversed(h.org_lines), joined] if len(h.org_lines) > 1 else h.org_lines:
        stripped = line
        for p in find_provinces(line):
            stripped = re.sub(re.escape(p), "", stripped, flags=re.IGNORECASE)
        # remove the folded province words too (OCR capitals)
        f = fold(line)
        for written in tables.provinces():
            f = re.sub(r"\b" + re.escape(written) + r"\b", "", f)
        org = tables.canonical_body(stripped.strip()) or _body_by_fold(f) or _canonical_local(line)
        if org:
            break
    code_body = None
    info = tables.issuer_code_info(issuer_code)
    if info:
        code_body = tables.canonical_body(info["body"])
    if h.signed_for:
        who = h.signed_for
        if fold(who) in {fold(x) for x in sig["standing_committee"]}:
            base = org or (tables.canonical_body(listing_issuer) if listing_issuer else None) or code_body
            if base and fold(base.name).startswith("ban thuong vu"):
                return base.name, base.level
            if base:
                b = tables.canonical_body(f"Ban Thường vụ {base.name}")
                return (b.name, b.level) if b else (f"Ban Thường vụ {base.name}", base.level)
        elif fold(who) in {fold(x) for x in sig["executive_committee"]}:
            if org:
                return org.name, org.level
        else:
            b = tables.canonical_body(who) or _body_by_fold(fold(who))
            if b:
                return b.name, b.level
    if h.heading_rest:
        rest = re.sub(r"^.*?\bCỦA\s+", "", h.heading_rest, flags=re.IGNORECASE)
        joint = [tables.canonical_body(p) for p in re.split(r"\s*,\s*|\s+(?:và|VÀ)\s+", rest)]
        if joint and all(joint):  # 'CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ': issued jointly
            return ", ".join(dict.fromkeys(b.name for b in joint if b)), joint[0].level if joint[0] else None
    if listing_issuer:
        b = _canonical_local(listing_issuer)
        if b:
            return b.name, b.level
        if signals.find_body(listing_issuer):
            return _recase(listing_issuer), signals.body_level(listing_issuer)
    if org:
        return org.name, org.level
    if code_body:
        return code_body.name, code_body.level
    return None, None


def _local_name(issuer: str, jurisdiction: str) -> str:
    """The name a province body goes by: 'Tỉnh ủy Long An', but 'Thành ủy Hải Phòng' and 'Ủy ban
    nhân dân Thành phố Hồ Chí Minh' in a city directly under the centre (provinces.toml)."""
    if jurisdiction in signals.cities():
        issuer = re.sub(r"\bTỉnh ủy\b", "Thành ủy", issuer)
        issuer = re.sub(r"\btỉnh\b", "thành phố", issuer)
        if jurisdiction.lower().startswith("thành phố"):
            issuer = re.sub(r"\s+thành phố$", "", issuer)
    if fold(jurisdiction) in fold(issuer):
        return issuer
    return f"{issuer} {jurisdiction}"


def _recase(name: str) -> str:
    """'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG' -> 'Chủ tịch ủy ban nhân dân tỉnh Kiên Giang'."""
    if not name.isupper():
        return name
    out = name.lower()
    for canon in find_provinces(name):
        out = re.sub(re.escape(canon.lower()), canon, out)
    return out[:1].upper() + out[1:]


def _canonical_local(text: str) -> tables.BodyEntry | None:
    """The body entry of a name written with its place ('Ban Thường vụ Tỉnh ủy Yên Bái')."""
    b = tables.canonical_body(text)
    if b:
        return b
    stripped = re.sub(r"\s*\([^()]*\)", "", text)
    f = fold(stripped)
    for written in sorted(tables.provinces(), key=len, reverse=True):
        f = re.sub(r"\b" + re.escape(written) + r"\b", " ", f)
    f = re.sub(r"\s+", " ", f).strip()
    if f in ("uy ban nhan dan", "hoi dong nhan dan"):
        f += " tinh"  # a header's 'ỦY BAN NHÂN DÂN' whose place line was lost
    return _body_by_fold(f) or _body_by_fold(re.sub(r"\s+(?:tinh|thanh pho|tp\.?)$", "", f))


def _body_by_fold(f: str) -> tables.BodyEntry | None:
    f = re.sub(r"\s+", " ", f).strip()
    for b in tables.bodies():
        for a in (b.name, *b.aliases):
            if fold(a) == f:
                return b
    return None


@dataclass
class _Draft:
    block: Block
    header: Header
    ids: dict
    identified_by: str
    jurisdiction: str | None
    body_start: int


def _file_jurisdiction(headers: list[Header], clean: list[str]) -> str | None:
    votes: Counter[str] = Counter()
    for h in headers:
        votes.update(h.provinces)
    for line in clean[1:30]:
        if line.isupper():
            votes.update(find_provinces(line))
        elif (pm := signals.place_date(line)) and pm.start() == 0:
            votes.update(find_provinces(pm.group("place")))  # 'Hải Phòng, ngày 18 tháng 11 năm 2019'
    return votes.most_common(1)[0][0] if votes else None


_ATTACH_RE = re.compile(r"kèm\s+theo\s*$", re.IGNORECASE)


def parse_text(text: str, file: str) -> FileRecord:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines, origin = split_long_lines(["", *unscramble(clean_lines(normalize_text(text).split("\n")))])
    clean = [strip_markup(x) for x in lines]
    issues: list[Issue] = []
    blocks = find_blocks(lines, clean)
    if not blocks:
        only = body_block(clean)
        blocks = [only] if only else []
    headers = [parse_header(lines, b, clean) for b in blocks]
    file_jur = _file_jurisdiction(headers, clean)
    regions: list[tuple[int | None, int, int]] = []
    covered = 1
    for k, b in enumerate(blocks):
        if b.first > covered:
            regions.append((None, covered, b.first - 1))
        regions.append((k, b.first, b.last))
        covered = b.last + 1
    if covered <= len(lines) - 1:
        regions.append((None, covered, len(lines) - 1))

    drafts: list[_Draft] = []
    for b, h in zip(blocks, headers, strict=True):
        ids = parse_symbol(h.symbol_text) or {}
        if h.symbol_text and not ids.get("number") and h.type:
            ids = parse_symbol(h.symbol_text, h.type) or ids  # '653/2019/UBTVQH14' under NGHỊ QUYẾT
        jur = h.provinces[0] if h.provinces else file_jur
        body_start = section_start(clean, h.header_end + 1, b.last)
        drafts.append(_Draft(b, h, ids, "header" if ids.get("symbol") else "none", jur, body_start))

    # Citations, region by region.
    out: list[Citation] = []
    for k, first, last in regions:
        d = drafts[k] if k is not None else None
        jur = d.jurisdiction if d else file_jur
        out.extend(_region_citations(clean, first, last, k, d, jur, file, issues, base=len(out)))

    # Documents without a header number: identify them from listings in the same file.
    docs: list[TextDocument] = []
    for k, d in enumerate(drafts):
        listing_issuer = None
        if not d.ids.get("symbol"):
            found = _identify_from_listing(k, d, out, file, issues)
            if found:
                d.ids, listing_issuer, d.identified_by = found
        page = _page_identity(clean, drafts, k, out, file_jur)
        if not d.ids.get("symbol") and page.get("ids"):
            d.ids, d.identified_by = page["ids"], "lead"
        h = d.header
        if page.get("fill"):
            h = replace(h, **{f: v for f, v in page["fill"].items() if not getattr(h, f)})
        listing_issuer = page.get("issuer") or listing_issuer
        dtype = h.type
        if d.ids.get("type_code") and dtype:
            codes = {c.upper() for t in tables.doc_types() if t.name == dtype for c in t.codes}
            if d.ids["type_code"].upper() not in codes:
                issues.append(Issue(file, d.block.first, "type-mismatch",
                                    f"heading says {dtype} but the symbol {d.ids['symbol']} has code {d.ids['type_code']}"))
        issuer, level = _doc_issuer(h, listing_issuer, d.ids.get("issuer_code"))
        if page.get("speaker"):
            issuer, level = _speaker_issuer(page["speaker"], issuer, level)
        if page.get("jurisdiction") and not d.jurisdiction:
            d.jurisdiction = page["jurisdiction"]
        if d.ids.get("issuer_code") == "TW" and "TƯ" in (h.symbol_text or "") and level not in (None, "central"):
            # 'Số 445-KL/TƯ' under 'TỈNH ỦY …': a PDF glyph 'Ư' for the 'U' of a local committee
            d.ids = {**d.ids, "issuer_code": "TU", "symbol": re.sub(r"/TW$", "/TU", d.ids.get("symbol") or "")}
        if tables.is_central_code(d.ids.get("issuer_code")) or level == "central":
            jurisdiction = "Trung ương"
            level = "central"
        else:
            jurisdiction = d.jurisdiction
        if issuer and level == "province" and jurisdiction:
            issuer = _local_name(issuer, jurisdiction)
        date = h.date or d.ids.get("date") or page.get("date") or _implied_date(clean, d.block, page.get("day_month"))
        dtype = dtype or d.ids.get("type") or page.get("type") or ("Văn bản" if d.block.kind == "body" else None)
        if h.bad_date:
            issues.append(Issue(file, d.block.first, "bad-date", f"impossible date in header: {h.bad_date}"))
        if not d.ids.get("symbol") and not h.title:
            issues.append(Issue(file, d.block.first, "unidentified", "document with neither number nor subject"))
        docs.append(
            TextDocument(
                index=k, type=dtype, type_code=d.ids.get("type_code"), number=d.ids.get("number"),
                issuer_code=d.ids.get("issuer_code"), symbol=d.ids.get("symbol"), date=date, issuer=issuer,
                issuer_level=level, jurisdiction=jurisdiction, title=h.title,
                name=None if d.ids.get("symbol") else _unnumbered_name(dtype, h.title),
                signer=h.signer, first_line=d.block.first, last_line=d.block.last,
                identified_by=d.identified_by, header_end=h.header_end, body_start=d.body_start,
            )
        )
    obligations = []
    for td in docs:
        obligations.extend(_document_obligations(clean, td, file))
    if file_jur is None:  # a page that names its place only in a lead or an issuer
        local = {td.jurisdiction for td in docs if td.jurisdiction and td.jurisdiction != "Trung ương"}
        file_jur = local.pop() if len(local) == 1 else None
    record = FileRecord(file=file, sha256=sha, jurisdiction=file_jur, documents=tuple(docs), citations=tuple(out),
                        issues=tuple(issues), obligations=tuple(obligations))
    return _to_source_lines(record, origin) if len(origin) != len(set(origin)) else record


def _to_source_lines(rec: FileRecord, origin: list[int]) -> FileRecord:
    """Line numbers of the pieces a long line was cut into, back to the file's own lines."""
    docs = tuple(replace(d, first_line=origin[d.first_line], last_line=origin[d.last_line],
                         header_end=origin[min(d.header_end, len(origin) - 1)],
                         body_start=origin[min(d.body_start, len(origin) - 1)]) for d in rec.documents)
    cits = tuple(replace(c, evidence=replace(c.evidence, line=origin[c.evidence.line])) for c in rec.citations)
    obls = tuple({**o, "evidence": {**o["evidence"], "line": origin[o["evidence"]["line"]]}} for o in rec.obligations)
    issues = tuple(replace(i, line=origin[i.line]) if i.line is not None else i for i in rec.issues)
    return replace(rec, documents=docs, citations=cits, obligations=obls, issues=issues)


def _page_identity(clean: list[str], drafts: list[_Draft], k: int, cits: list[Citation], file_jur: str | None) -> dict:
    """What the page around document k says of it: a lead or headline before it ('Ngày 23/8/2017,
    Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU …'), a closing line ('… đăng tải Hướng dẫn số
    35-HD/BTG …'), its own enacting line ('…, Ban Thường vụ Tỉnh ủy ban hành …')."""
    d = drafts[k]
    b = d.block
    n = len(clean) - 1
    prev_end = drafts[k - 1].block.last if k else 0
    nxt = drafts[k + 1].block.first if k + 1 < len(drafts) else n + 1
    around = [*range(prev_end + 1, b.first), *range(b.last + 1, nxt)]
    inside = [i for i in range(b.first, b.last + 1) if signals.is_lead(clean[i])]
    dtype = d.header.type
    out: dict = {}
    fill: dict = {}
    for i in [*around, *inside]:
        line = clean[i].strip()
        if not line:
            continue
        st = identify.statement(line)
        lead = signals.is_lead(line)
        span = None
        if st is None and lead:
            # '… đăng tải Hướng dẫn số 35-HD/BTG …': the document named after the reporting verb
            span = next((s for s in cit.find_citations(line[signals.lead_end(line) :])
                         if s.kind == "numbered" and (not dtype or s.type in (dtype, None))), None)
        elif st and (lead or i in around):
            if dtype and st.type and st.type != dtype:
                continue
            span = next((s for s in cit.find_citations(line[st.start :]) if s.kind == "numbered" and s.start == 0), None)
        elif i in around and i < b.first:
            first = next(iter(cit.find_citations(line)), None)
            if first and first.kind == "numbered" and first.start == 0 and (not dtype or first.type in (dtype, None)):
                span, st = first, None  # a headline that opens with the document's designation
        if span is None and st is None:
            continue
        if span is not None and span.symbol and "ids" not in out:
            out["ids"] = {"type_code": span.type_code, "number": span.number, "issuer_code": span.issuer_code,
                          "symbol": span.symbol, "date": span.date if span.date and len(span.date) == 10 else None,
                          "type": span.type}
            if span.issuer:
                out.setdefault("issuer", span.issuer)
            if span.province:
                out.setdefault("jurisdiction", span.province)
            if span.title:
                fill.setdefault("title", span.title)
        if st is not None:
            if st.body:
                out.setdefault("issuer", st.body)
                provs = find_provinces(st.body)
                if provs:
                    out.setdefault("jurisdiction", provs[0])
            if st.date:
                out.setdefault("date", st.date)
            elif identify.lead_date_without_year(line):
                out.setdefault("day_month", identify.lead_date_without_year(line))
            if st.type:
                out.setdefault("type", st.type)
            if st.title:
                fill.setdefault("title", st.title)
            if st.number and "ids" not in out and st.type:
                out["ids"] = _number_only(st, d.ids)
    # A data set's chunk names its document: '# 48_2013_NĐ_CP_art1_part1'.
    if "ids" not in out and not d.ids.get("symbol"):
        for i in range(max(1, prev_end + 1), min(b.first + 1, n) + 1):
            sym = identify.chunk_symbol(clean[i])
            if sym:
                ids = parse_symbol(sym)
                if ids and ids.get("number"):
                    out["ids"] = {**ids, "date": None}
                    out.setdefault("type", ids.get("type"))
                break
    # A consolidated text names itself right under its heading ('LUẬT …' / 'Luật Tổ chức chính
    # quyền địa phương số 77/2015/QH13 ngày …, được sửa đổi, bổ sung bởi:').
    if "ids" not in out and not d.ids.get("symbol") and dtype:
        head = " ".join(clean[i].strip() for i in range(d.header.header_end + 1, min(b.last, d.header.header_end + 6) + 1))
        first = next((x for x in cit.find_citations(head) if x.kind == "numbered"), None)
        if first is not None and first.start == 0 and first.type == dtype and first.symbol:
            out["ids"] = {"type_code": first.type_code, "number": first.number, "issuer_code": first.issuer_code,
                          "symbol": first.symbol, "date": first.date if first.date and len(first.date) == 10 else None,
                          "type": first.type}
            if first.issuer:
                out.setdefault("issuer", first.issuer)
    # The document's own enacting line or directive names who speaks.
    for i in range(d.header.header_end + 1, min(b.last, d.body_start + 2) + 1):
        who = signals.speaker(clean[i]) if not signals.is_lead(clean[i]) else None
        if not who and _authority_line(clean, i):
            who = clean[i].strip()  # 'ỦY BAN NHÂN DÂN TỈNH LONG AN' above 'Căn cứ …'
        if who:
            out["speaker"] = who
            st = identify.statement(clean[i])  # '…, Ban Tuyên giáo Quận ủy ban hành Hướng dẫn công tác …'
            if st and st.title and (not dtype or st.type in (dtype, None)):
                fill.setdefault("title", st.title)
            break
    if fill:
        out["fill"] = fill
    return out


def _authority_line(clean: list[str], i: int) -> bool:
    """The enacting authority of a State text: a body in capitals right above its preamble."""
    if not signals.authority(clean[i]):
        return False
    nxt = next((clean[j] for j in range(i + 1, min(len(clean), i + 3)) if clean[j].strip()), "")
    return signals.preamble_opener(nxt)


def _implied_date(clean: list[str], b: Block, day_month: tuple[int, int] | None) -> str | None:
    """A date the text implies: a lead's 'Ngày 21/5' in the one year all the text's dates share,
    or the year of the meeting a conclusion reports ('Tại phiên họp ngày 28/2/2025')."""
    text = " ".join(clean[b.first : b.last + 1])
    if day_month:
        years = {m.group("y") or m.group("y2") for m in DATE_RE.finditer(text)}
        if len(years) == 1:
            return iso_date(day_month[0], day_month[1], years.pop())
        return None
    meetings = {m.group("y") for m in _MEETING_RE.finditer(text)}
    return meetings.pop() if len(meetings) == 1 else None


_MEETING_RE = re.compile(
    r"\b(?:phiên\s+họp|[Hh]ội\s+nghị|họp)\s+(?:[^\W\d_]+\s+){0,6}?ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
)


def _number_only(st: identify.Statement, ids: dict) -> dict | None:
    """'Chỉ thị số 17' of 'Ban Thường vụ Tỉnh ủy': the symbol the type and issuer imply (17-CT/TU)."""
    codes = [c for t in tables.doc_types() if t.name == st.type for c in t.codes]
    issuer_code = identify.issuer_code_for(st.body) if st.body else None
    if not codes or not issuer_code:
        return None
    party = identify.is_party_code(issuer_code)
    sym = f"{st.number}-{codes[0]}/{issuer_code}" if party else f"{st.number}/{codes[0]}-{issuer_code}"
    return {"type_code": codes[0], "number": st.number, "issuer_code": issuer_code, "symbol": sym, "date": None,
            "type": st.type}


def _speaker_issuer(who: str, issuer: str | None, level: str | None) -> tuple[str | None, str | None]:
    """The body that speaks in the document's own enacting line decides its issuer ('Ban Bí thư
    ban hành Quy chế …'), unless it only repeats less of what the header says."""
    if issuer and fold(issuer).startswith(fold(who)) and fold(issuer) != fold(who):
        return issuer, level  # 'UBND quận' speaks; the lead named it in full
    parts = [_canonical_local(p) for p in re.split(r"\s*,\s*|\s+và\s+", who)]
    if len(parts) > 1 and all(parts):
        return ", ".join(dict.fromkeys(p.name for p in parts if p)), parts[0].level if parts[0] else level
    b = _canonical_local(who)
    if b is None:
        return _recase(who), signals.body_level(who) or level
    if issuer and fold(issuer).startswith(fold(b.name)) and fold(issuer) != fold(b.name):
        return issuer, level
    return b.name, b.level


def _document_obligations(clean: list[str], td: TextDocument, file: str) -> list[dict]:
    """Obligations of one document, each with its evidence."""
    from vbgraph.loaders import obligations as ob

    first, last = td.header_end + 1, td.last_line
    sec = ob.implementing_section(clean, first, last)
    found: list[dict] = []
    text_lines = [i for i in range(first, last + 1) if "\t" not in clean[i]]
    if sec:
        found += ob.section_obligations(paragraphs(_no_tables(clean), sec[0], sec[1]), True, td.type)
        found += ob.section_obligations(paragraphs(_no_tables(clean), first, sec[0] - 2), False, td.type)
    elif text_lines:
        found += ob.section_obligations(paragraphs(_no_tables(clean), first, last), False, td.type)
    rows = [ob.Line(clean[i], i) for i in range(first, last + 1) if "\t" in clean[i]]
    if rows:
        found += ob.table_obligations(rows)
    out = []
    for o in found:
        line = o.pop("line")
        o["document"] = td.index
        o["evidence"] = {"file": file, "line": line, "quote": _quote(o["text"], 0)}
        out.append(o)
    return out


def _no_tables(clean: list[str]) -> list[str]:
    return [("" if "\t" in x else x) for x in clean]


def _unnumbered_name(dtype: str | None, title: str | None) -> str | None:
    if not title:
        return dtype
    return f"{dtype} {title}" if dtype else title


def _identify_from_listing(k: int, d: _Draft, cits: list[Citation], file: str, issues: list[Issue]):
    """Number, date and issuer of a headerless document from a table of contents, a cover
    letter's list or an attachment line ("kèm theo Chương trình hành động số …")."""
    dtype = d.header.type
    codes = {c.upper() for t in tables.doc_types() if t.name == dtype for c in t.codes}
    votes: dict[str, list[tuple[float, Citation]]] = {}
    for c in cits:
        if c.kind != "numbered" or not c.symbol or (c.type_code or "").upper() not in codes:
            continue
        if c.role == "attachment" and c.stated_by == k:
            votes.setdefault(c.symbol, []).append((2.0, c))
            continue
        if c.stated_by == k or not c.title or not d.header.title:
            continue
        score = containment(c.title, d.header.title)
        if score >= 0.75:
            votes.setdefault(c.symbol, []).append((score, c))
    if not votes:
        return None
    symbol, group = max(votes.items(), key=lambda kv: (sum(s for s, _ in kv[1]), kv[0]))
    dates = Counter(c.date for _, c in group if c.date)
    date = None
    if dates:
        date = max(dates.items(), key=lambda kv: (kv[1], -min(c.evidence.line for _, c in group if c.date == kv[0])))[0]
        if len(dates) > 1:
            others = ", ".join(f"{x} (line {min(c.evidence.line for _, c in group if c.date == x)})"
                               for x in sorted(dates) if x != date)
            issues.append(Issue(file, d.block.first, "date-conflict",
                                f"{symbol}: listed as {date}, elsewhere as {others}"))
    best = max(group, key=lambda sc: sc[0])[1]
    ids = {"type_code": best.type_code, "number": best.number, "issuer_code": best.issuer_code,
           "symbol": symbol, "date": date, "type": best.type}
    issuer = next((c.issuer for _, c in group if c.issuer), None)
    how = "attachment-line" if any(c.role == "attachment" for _, c in group) else "listing"
    return ids, issuer, how


def _region_citations(clean, first, last, k, d: _Draft | None, jur, file, issues, base: int = 0) -> list[Citation]:
    """Citations of lines first..last; `about` indexes count from `base` (the file's list)."""
    paras = paragraphs(clean, first, last)
    found: list[tuple[Paragraph, list[Span]]] = []
    for p in paras:
        found.append((p, cit.find_citations(p.text, province=jur)))
    # Defined short names, then their uses, then short forms ("Nghị quyết 52").
    aliases: dict[str, Span] = {}
    full_by_number: dict[tuple[str, str], Span] = {}
    expanded: list[tuple[Paragraph, list[Span]]] = []
    for p, spans in found:
        for alias, target in cit.find_aliases(p.text, spans):
            aliases.setdefault(alias, target)
        taken = [(s.start, s.end) for s in spans]
        spans = spans + cit.find_alias_uses(p.text, aliases, taken)
        for s in spans:
            if s.kind == "numbered" and s.type and s.number:
                full_by_number[(s.type, s.number.lstrip("0"))] = s
        taken = [(s.start, s.end) for s in spans]
        for a, b, t, num in cit.find_short_forms(p.text, taken):
            target = full_by_number.get((t, num.lstrip("0")))
            if target:
                spans.append(replace(target, kind="short", start=a, end=b, title=None, title_start=None, title_end=None))
        expanded.append((p, sorted(spans, key=lambda s: (s.start, s.end))))
    # Within one document, "Nghị quyết số 109-NQ/TU" after "… 109-NQ/TU ngày 04/7/2016" is that one.
    if d is not None:
        dated: dict[str, Span] = {}
        for _, spans in expanded:
            for i, s in enumerate(spans):
                if s.kind in ("numbered", "alias", "short") and s.symbol:
                    if s.date and len(s.date) == 10:
                        dated.setdefault(s.symbol, s)
                    elif not s.date and s.symbol in dated:
                        spans[i] = replace(s, date=dated[s.symbol].date, issuer=s.issuer or dated[s.symbol].issuer)

    out: list[Citation] = []
    amended_by: tuple[int, str] | None = None
    for p, spans in expanded:
        local: list[int] = []  # indexes into `out`, parallel to `spans`
        for s in spans:
            line = p.line_at(s.start)
            col = s.start - max(off for off, ln in p.starts if off <= s.start)
            ev = Evidence(file, line, _quote(clean[line], col))
            if s.bad_date:
                issues.append(Issue(file, line, "bad-date", f"impossible date {s.bad_date!r} in citation of {s.symbol}"))
            if s.attached_to_next:
                local.append(-1)
                continue
            role, relation = _classify(p.text, s, spans, line, d, k)
            out.append(
                Citation(
                    kind=s.kind, type=s.type, type_code=s.type_code, number=s.number, issuer_code=s.issuer_code,
                    symbol=s.symbol, date=s.date, issuer=s.issuer, jurisdiction=s.province or (None if s.central else jur),
                    title=s.title, name=s.name, evidence=ev, stated_by=k, relation=relation, role=role,
                    central=s.central,
                )
            )
            local.append(len(out) - 1)
        # Relations stated about a cited document by its own subject.
        for i, outer in enumerate(spans):
            if local[i] < 0 or outer.title_start is None:
                continue
            about = []
            inside = [j for j, x in enumerate(spans) if j != i and outer.title_start <= x.start < (outer.title_end or 0)]
            for j in inside:
                inner = spans[j]
                if local[j] < 0:
                    continue
                if any(spans[m].title_start is not None and spans[m].title_start <= inner.start < (spans[m].title_end or 0)
                       for m in inside if m != j):
                    continue  # said by a document cited inside this subject, not by this one
                code = rel.title_cue(p.text[outer.title_start : inner.start])
                if code is not None:
                    about.append((base + local[j], code.value))
            if about:
                out[local[i]] = replace(out[local[i]], about=tuple(about))
        # "Thực hiện A …, ngày …, UBND huyện ban hành Kế hoạch số 42/KH-UBND": the plan implements A.
        for i, j, code in _reported_issuing(p.text, spans):
            if local[i] >= 0 and local[j] >= 0:
                c = out[local[i]]
                out[local[i]] = replace(c, about=(*c.about, (base + local[j], code)))
        # "A …, được sửa đổi, bổ sung bởi: 1. B …; 2. C …": each listed document amends A.
        if amended_by is not None and _LIST_ITEM_RE.match(p.text) and spans and local[0] >= 0:
            c = out[local[0]]
            out[local[0]] = replace(c, about=(*c.about, amended_by))
            for x in local:  # the list names the amenders; the document itself cites none of them
                if x >= 0 and out[x].relation == Rel.DAN_CHIEU.value:
                    out[x] = replace(out[x], relation=None, role="listing")
        elif amended_by is not None and not _LIST_ITEM_RE.match(p.text):
            amended_by = None
        bm = _BY_LIST_RE.search(p.text)
        if bm:
            before = [k for k, x in enumerate(spans) if x.start < bm.start() and local[k] >= 0 and x.symbol]
            code = rel.title_cue(bm.group("cue"))
            if before and code is not None:
                amended_by = (base + local[before[-1]], code.value)
    return out


_LIST_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}|[a-zđ])\s*[.)/]\s+|^\s*[-–+•]\s+")
_BY_LIST_RE = re.compile(r"(?:được\s+)?(?P<cue>sửa đổi,?\s*bổ sung|sửa đổi|bổ sung|thay thế|bãi bỏ)\s+bởi\s*:\s*$",
                         re.IGNORECASE)


def _reported_issuing(text: str, spans: list[Span]) -> list[tuple[int, int, str]]:
    """(issued, cited, relation) for a sentence that reports an issuing under an opening cue:
    'Thực hiện A; B, ngày 13/5/2011, Ủy ban nhân dân huyện ban hành Kế hoạch số 42/KH-UBND'."""
    st = identify.statement(text)
    if st is None:
        return []
    issued = next((i for i, x in enumerate(spans) if x.start == st.start and x.symbol), None)
    if issued is None:
        return []
    start = rel.sentence_start(text, st.start)
    out = []
    for j, x in enumerate(spans):
        if j == issued or not start <= x.start < st.start:
            continue
        code = rel.preamble_relation(_masked_gap(text, x, spans, start))
        if code is not None and code is not Rel.CAN_CU and _governed(text, x, spans, start):
            out.append((issued, j, code.value))
    return out


def _classify(text: str, s: Span, spans: list[Span], line: int, d: _Draft | None, k: int | None):
    """(role, relation code from the citing document) for one citation."""
    if d is None:
        return "listing", None
    h = d.header
    before = text[max(0, s.start - 40) : s.start]
    if _ATTACH_RE.search(before) and s.type == h.type:
        return "attachment", None
    if line <= h.header_end and line not in h.title_lines:
        return "self", None
    nested_in = [o for o in spans if o is not s and o.title_start is not None and o.title_start <= s.start < (o.title_end or 0)]
    if nested_in:
        return "cite", Rel.DAN_CHIEU.value
    if line in h.title_lines:
        title_text = text[: s.start]
        return "cite", rel.document_title_relation(h.type, title_text).value
    sent = text[rel.sentence_start(text, s.start) : s.start]
    after = text[s.scope_end : s.scope_end + 40]
    selfrel = rel.self_relation(sent, after)
    if selfrel:
        return "cite", selfrel.value
    if h.header_end < line < d.body_start:
        start = rel.sentence_start(text, s.start)
        code = rel.preamble_relation(_masked_gap(text, s, spans, start))
        if code is Rel.TONG_KET or (code and _governed(text, s, spans, start)):
            return "cite", code.value
    return "cite", Rel.DAN_CHIEU.value


_PAREN_RE = re.compile(r"\([^()]*\)")
_OPENER_WORDS = 4  # "Để triển khai thực hiện"


def _governed(text: str, s: Span, spans: list[Span], sent_start: int) -> bool:
    """Is citation `s` in the list that the sentence's opening cue governs?

    "Thực hiện A (…) và B; C …; ngày 01/3/2017, Ban Thường vụ ban hành D": A, B and C are
    governed; D has a verb of its own. Words of earlier citations and their subjects, and
    parentheses, do not count.
    """
    gap = _PAREN_RE.sub(" ", _masked_gap(text, s, spans, sent_start))
    clauses = gap.split(";")
    last = rel.without_transparent(clauses[-1])
    words = re.findall(r"[^\W\d_]+", last, re.UNICODE)
    if len(clauses) == 1:
        return len(words) <= _OPENER_WORDS + 6
    return len([w for w in words if lower_vn(w) not in {"và", "các", "cùng"}]) <= 2


def _masked_gap(text: str, s: Span, spans: list[Span], sent_start: int) -> str:
    """The sentence before citation `s`, with earlier citations and their subjects blanked out:
    the words of the sentence itself ('tổng kết' in a cited document's subject is not its own)."""
    gap = text[sent_start : s.start]
    for o in spans:
        if o is s or o.start >= s.start or o.start < sent_start:
            continue
        a, b = o.start - sent_start, min(o.scope_end, s.start) - sent_start
        gap = gap[:a] + " " * (b - a) + gap[b:]
    return gap


def read_text(path: Path) -> str:
    """The text of a file, or UnreadableFile naming the reason."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot be read ({e.strerror or e})") from e
    if not data.strip():
        raise UnreadableFile(str(path), "empty file")
    if b"\x00" in data[:4096]:
        raise UnreadableFile(str(path), "not a text file (binary content)")
    for enc in ("utf-8-sig",):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError as e:
            raise UnreadableFile(
                str(path), f"not UTF-8 text (byte {e.start}: {data[e.start:e.start + 1]!r}); convert it to UTF-8"
            ) from e
    if not text.strip():
        raise UnreadableFile(str(path), "empty file")
    return text


def parse(path: str | Path) -> FileRecord:
    path = Path(path)
    return parse_text(read_text(path), path.name)
