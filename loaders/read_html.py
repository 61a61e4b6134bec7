"""Saved web pages (.html, .htm) as the lines of their main text.

Why trafilatura: portal pages wrap a document in menus, breadcrumbs, related-news lists and
footers that name other documents and dates; read as text they would give false citations. The
extractor keeps the article (with its tables, as "| a | b |" rows that `clean.cells` reads) and
drops the rest. The page's own date (its publication metadata) is kept as `date_hint` only: a
notice posted in 2019 may relay a plan of 2011.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from vbgraph.errors import UnreadableFile
from vbgraph.loaders.sources import Source, layout_lines

_BLOCKS = re.compile(r"</(?:p|div|h[1-6]|li|tr|table|section|article|br)\s*>|<br\s*/?>", re.IGNORECASE)


def read_html(path: Path, data: bytes | None = None) -> Source:
    """The main text of a saved page, paragraphs apart, table rows together."""
    import trafilatura

    data = path.read_bytes() if data is None else data
    data, notes, legacy = _as_utf8(data, str(path))
    data, stood_in = _keep_soft_hyphens(data, legacy)
    warnings: list[str] = [*notes]
    text = trafilatura.extract(
        _cell_lines_marked(data),
        output_format="txt",
        include_tables=True,
        include_comments=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not text or len(text.strip()) < 200:
        # A short page or an unusual layout: every block of the body, menus and all, with a warning.
        whole = _all_text(data)
        if len(whole.strip()) > len((text or "").strip()):
            text = whole
            warnings.append("no main article found; read the whole page, menus and footers included")
    if not text or not text.strip():
        raise UnreadableFile(str(path), "a web page with no text")
    meta = trafilatura.extract_metadata(data)
    date = meta.date if meta is not None and meta.date else None
    if date:
        warnings.append(f"the page is dated {date}: a hint only, never taken as a document's date")
    text = _paragraphs(text)
    if stood_in:
        text = text.replace(_SOFT_HYPHEN_STAND_IN, _SOFT_HYPHEN)
    return Source(text=text, format="html", warnings=tuple(warnings), date_hint=date)


_CHARSET_RE = re.compile(rb"(charset\s*=\s*[\"']?)[-\w]+", re.IGNORECASE)


def _as_utf8(data: bytes, name: str) -> tuple[bytes, tuple[str, ...], bool]:
    """A page that is not UTF-8, decoded as a text file is (`encodings.decode`: Windows-1258,
    Windows-1258 bytes) and written back as UTF-8, its charset declaration saying so, with the
    decoder's warnings; TCVN3 or VNI bytes as Windows-1252 shows them (and True: legacy letters). Why: an old portal page typed in .VnTime declares Windows-1252 or
    nothing, and the extractor's own guess reads its bytes as a Baltic code page."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return data, (), False
    from vbgraph.loaders.encodings import as_windows_1252, decode

    found = decode(data, name)
    if found.encoding in ("tcvn3", "vni"):
        # the letters as the font's bytes show them: converted after extraction, line by line
        # (read.py), where a heading's line holds its words only and not the page's markup
        return _CHARSET_RE.sub(rb"\1utf-8", as_windows_1252(data).encode("utf-8")), (), True
    return _CHARSET_RE.sub(rb"\1utf-8", found.text.encode("utf-8")), found.warnings, False


# TCVN3's 'ư' is the byte Windows-1252 calls a soft hyphen, which the extractor drops as invisible:
# on a page in a legacy font it stands in as this character until the text is out.
_SOFT_HYPHEN = "\u00ad"
_SOFT_HYPHEN_STAND_IN = "\u2e17"
_LEGACY_FONT_RE = re.compile(rb"(?:face|font-family)\s*[=:]\s*[\"']?\s*(?:\.vn|vni[- ])", re.IGNORECASE)


def _keep_soft_hyphens(data: bytes, legacy: bool) -> tuple[bytes, bool]:
    """The page with its soft hyphens stood in for when it is in legacy letters or names a legacy
    font, and whether it did."""
    soft = _SOFT_HYPHEN.encode("utf-8")
    if soft not in data or not (legacy or _LEGACY_FONT_RE.search(data)):
        return data, False
    return data.replace(soft, _SOFT_HYPHEN_STAND_IN.encode("utf-8")), True


_RULE = re.compile(r"[\s|:-]+")
# Where a table cell's lines part ('<br>', a paragraph after another): the extractor joins a cell
# into one line, and a header's cell stacks the issuer, its place and the number. A
# reversed pilcrow, outside Latin-1: a pilcrow would not do, it is TCVN3's 'ả'.
_CELL_BREAK = "⁋"


def _cell_lines_marked(data: bytes) -> bytes:
    """The page with a mark where a table cell's lines part; the page as it was when no cell has
    several lines, or when it does not parse."""
    import lxml.html

    if not re.search(rb"<t[dh]\b", data, re.IGNORECASE):
        return data
    try:
        root = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return data
    marked = False
    for cell in root.iter("td", "th"):
        for br in cell.iter("br"):
            br.tail = f" {_CELL_BREAK} {br.tail or ''}"
            marked = True
        blocks = [b for b in cell.iter("p", "div") if b is not cell]
        for b in blocks[1:]:
            b.text = f" {_CELL_BREAK} {b.text or ''}"
            marked = True
    return lxml.html.tostring(root, encoding="utf-8") if marked else data


def _row_lines(line: str) -> list[str]:
    """A table row's lines: a header's or signature's cells line by line (`layout_lines`), else one
    line of cells apart by tabs."""
    cells = [
        [" ".join(x.split()) for x in c.split(_CELL_BREAK) if x.strip()] for c in line.strip("|").split("|")
    ]
    stacked = layout_lines(cells)
    if stacked is not None:
        return stacked
    return ["\t".join(" ".join(c) for c in cells).rstrip("\t")]


def _paragraphs(text: str) -> str:
    """A blank line after each paragraph; the rows of a table stay together, cells apart by tabs
    (as a Word table is read), the "|---|" rule under the header dropped."""
    out: list[str] = []
    in_table = False
    for line in unicodedata.normalize("NFC", text).split("\n"):
        line = line.strip()
        if not line:
            continue
        row = line.startswith("|")
        if row and _RULE.fullmatch(line):
            continue
        if out and not (row and in_table):
            out.append("")
        if row:
            out.extend(_row_lines(line))
        else:
            out.append(" ".join(line.replace(_CELL_BREAK, " ").split()) if _CELL_BREAK in line else line)
        in_table = row
    return "\n".join(out) + "\n"


def _all_text(data: bytes) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(_BLOCKS.sub(lambda m: m.group(0) + "\n", data.decode("utf-8", "replace")))
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return root.text_content()
