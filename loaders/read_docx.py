"""Word files (.docx, and .doc through LibreOffice) as lines of text with their paragraph numbers.

Why this shape: the pipeline reads paragraphs separated by blank lines and assignment tables as
rows of tab-separated cells (what `clean.cells` makes of "a | b" in a text file), so a Word file is
written out the same way: each paragraph, then a blank line; each table row as its cells joined by
tabs (a merged cell once), then a blank line after the table. Word's automatic numbering ("1.",
"a)", "-") is not in a paragraph's text; it is rebuilt from the numbering definitions, because
the numbers carry the structure the obligations reader follows (2. -> 2.1 -> a)).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from vbgraph.errors import UnreadableFile
from vbgraph.loaders.sources import Place, Source, from_pieces, layout_columns, layout_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Source:
    """The text of a .docx: the first section's header, then the body's paragraphs and tables in order."""
    document = _open_docx(path)
    numbering = _Numbering(document)
    out = _Pieces(_Fonts(document))
    header = document.sections[0].header if document.sections else None
    if header is not None and not header.is_linked_to_previous:
        for block in header.iter_inner_content():
            out.block(block)
        out.count = 0  # body paragraphs are numbered from the body's start
        out.pieces[:] = [
            (text, None) for text, _ in out.pieces
        ]  # the header's lines have no paragraph number
    for block in document.iter_inner_content():
        out.block(block, numbering)
    if not any(text.strip() for text, _ in out.pieces):
        raise UnreadableFile(
            str(path), "a Word file with no text (a scan pasted as pictures? save it as PDF and use --ocr)"
        )
    return from_pieces(out.legacy_headings(), "docx", warnings=out.fonts.warnings())


def _open_docx(path: Path):
    """The python-docx Document, or UnreadableFile in one line for the user."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError as e:
        raise UnreadableFile(str(path), "not a readable Word .docx file (no document part)") from e
    except Exception as e:  # a zip that is not a package, a broken part: one line for the user
        raise UnreadableFile(str(path), f"not a readable Word .docx file ({type(e).__name__}: {e})") from e


class _Pieces:
    """The lines written out so far, each with its paragraph number (tables count one per row)."""

    def __init__(self, fonts: _Fonts) -> None:
        self.pieces: list[tuple[str, Place | None]] = []
        self.count = 0
        self.fonts = fonts
        self.tcvn3: set[int] = set()  # pieces converted from a TCVN3 font that is no capitals font

    def block(self, block, numbering: _Numbering | None = None) -> None:
        """A table, or a paragraph with its automatic number when `numbering` is given."""
        if hasattr(block, "rows"):
            self.table(block)
        else:
            text, tcvn3 = self.fonts.text(block._p)
            self.paragraph((numbering.label(block._p) if numbering is not None else "") + text, tcvn3)

    def paragraph(self, text: str, tcvn3: bool = False) -> None:
        self.count += 1
        text = _tidy(text)
        if text:
            if tcvn3:
                self.tcvn3.add(len(self.pieces))
            self.pieces.extend([(text, Place(paragraph=self.count)), ("", None)])

    def legacy_headings(self) -> list[tuple[str, Place | None]]:
        """The pieces, those typed in a TCVN3 font with the look of its capitals font in capitals
        (`capitals_font_lines`: a heading typed in lowercase codes that the file names in .VnTime)."""
        if not self.tcvn3:
            return self.pieces
        from vbgraph.loaders.encodings import capitals_font_lines

        lines = capitals_font_lines([text for text, _ in self.pieces], self.tcvn3)
        return [(text, place) for text, (_, place) in zip(lines, self.pieces, strict=True)]

    def table(self, t) -> None:
        grid: list[tuple[list[list[str]], Place, bool]] = []  # each row's cells, place, TCVN3
        for row in t.rows:
            self.count += 1
            cells: list[list[str]] = []
            tcvn3 = False
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue  # a cell merged across columns is read once
                seen.add(id(cell._tc))
                # a cell's lines: its paragraphs, and the lines a break cuts one into (Shift+Enter)
                texts = [self.fonts.text(p._p) for p in cell.paragraphs]
                cells.append([t for text, _ in texts for part in text.split("\n") if (t := _tidy(part))])
                tcvn3 |= any(legacy for _, legacy in texts)
            grid.append((cells, Place(paragraph=self.count), tcvn3))
        columns = layout_columns([cells for cells, _, _ in grid])
        rows: list[tuple[str, Place, bool]] = []
        if columns is not None:
            rows = [(x, grid[r][1], grid[r][2]) for x, r in columns]
        for cells, place, tcvn3 in grid if columns is None else ():
            stacked = layout_lines(cells)
            if stacked is not None:
                rows.extend((x, place, tcvn3) for x in stacked)
            elif any(cells):
                rows.append(("\t".join(" ".join(c) for c in cells).rstrip("\t"), place, tcvn3))
        if rows:
            self.tcvn3.update(len(self.pieces) + i for i, row in enumerate(rows) if row[2])
            self.pieces.extend([*((text, place) for text, place, _ in rows), ("", None)])


class _Fonts:
    """The text of a paragraph, its runs typed in a legacy font (.VnTime, VNI-Times) converted
    to Unicode by the font's encoding, a capitals font's runs (.VnTimeH) in capitals.

    Why by run: Word files of the 1990s and 2000s keep TCVN3 or VNI codes in Unicode runs, and
    the run's font name says which encoding they are (a Unicode run beside them stays as typed);
    .VnTimeH draws lowercase codes as capitals, which only the font name tells. A run without a
    font of its own takes its character style's, its paragraph style's (through the styles it is
    based on) or the document's default. A file with no legacy font costs one look at its fonts.
    """

    def __init__(self, document) -> None:
        self.styles: dict[str, tuple[str | None, str | None]] = {}  # styleId -> (font, basedOn)
        self.default: str | None = None
        self.normal: str | None = None  # the default paragraph style ('Normal')
        self.used: set[str] = set()
        try:
            root = document.part.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for st in root.findall(f"{_W}style"):
                if st.get(f"{_W}type") == "paragraph" and st.get(f"{_W}default") in ("1", "true", "on"):
                    self.normal = st.get(f"{_W}styleId")
                based = st.find(f"{_W}basedOn")
                self.styles[st.get(f"{_W}styleId")] = (
                    _font_of(st.find(f"{_W}rPr")),
                    based.get(f"{_W}val") if based is not None else None,
                )
            defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
            self.default = _font_of(defaults)
        from vbgraph.loaders.encodings import legacy_font

        names = {f for f, _ in self.styles.values()} | {self.default}
        names |= {el.get(f"{_W}ascii") or el.get(f"{_W}hAnsi") for el in document.element.iter(f"{_W}rFonts")}
        self.active = any(legacy_font(n) for n in names if n)

    def style_font(self, style_id: str | None) -> str | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            font, based = self.styles.get(style_id, (None, None))
            if font:
                return font
            style_id = based
        return None

    def text(self, p) -> tuple[str, bool]:
        """The paragraph `p`'s text (as python-docx reads it), and whether a run of it was converted
        from a TCVN3 font that is no capitals font (its lowercase lines may be .VnTimeH headings)."""
        if not self.active:
            return p.text, False
        from vbgraph.loaders.encodings import from_legacy, legacy_font

        ppr = p.pPr
        pstyle = ppr.find(f"{_W}pStyle") if ppr is not None else None
        para_font = (
            self.style_font(pstyle.get(f"{_W}val") if pstyle is not None else self.normal) or self.default
        )
        out: list[str] = []
        tcvn3 = False
        for r in p.xpath("w:r | w:hyperlink/w:r"):
            rpr = r.find(f"{_W}rPr")
            rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
            font = (
                _font_of(rpr)
                or self.style_font(rstyle.get(f"{_W}val") if rstyle is not None else None)
                or para_font
            )
            legacy = legacy_font(font)
            text = r.text if legacy is None else _legacy_run_text(r)
            if legacy is not None and text:
                key, capitals = legacy
                new = from_legacy(text, key)
                if new != text:
                    self.used.add(key)
                    tcvn3 |= key == "tcvn3" and not capitals
                text = new.upper() if capitals else new
            out.append(text)
        return "".join(out), tcvn3

    def warnings(self) -> tuple[str, ...]:
        from vbgraph.loaders.encodings import legacy_label

        return tuple(f"converted the runs typed in {legacy_label(key)} fonts" for key in sorted(self.used))


def _legacy_run_text(r) -> str:
    """A legacy font run's text with its soft hyphens: TCVN3's 'ư' is the byte Windows calls a
    soft hyphen, which Word (and LibreOffice converting a .doc) stores as a w:softHyphen element
    that python-docx's text leaves out ('Ch\u00ad¬ng' would read 'Chơng')."""
    return "".join(
        "\u00ad" if e.tag == f"{_W}softHyphen" else str(e)
        for e in r.xpath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab | w:softHyphen")
    )


def _font_of(rpr) -> str | None:
    """The font a w:rPr names for Latin text (w:rFonts ascii, else hAnsi), or None."""
    fonts = rpr.find(f"{_W}rFonts") if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi")


def read_doc(path: Path) -> Source:
    """A legacy .doc (or an OpenDocument .odt, an .rtf), converted to .docx by LibreOffice
    (`soffice --headless`) when it is installed."""
    kind = path.suffix.lower() or ".doc"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UnreadableFile(
            str(path),
            f"a {kind} file needs LibreOffice to be read: install LibreOffice (apt install "
            "libreoffice-writer), or save the file as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="vbgraph-doc-") as tmp:
        try:
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(path),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
        except (subprocess.SubprocessError, OSError) as e:
            raise UnreadableFile(
                str(path), f"LibreOffice could not convert this {kind} file ({type(e).__name__})"
            ) from e
        out = Path(tmp) / (path.stem + ".docx")
        if not out.is_file():
            raise UnreadableFile(str(path), f"LibreOffice could not convert this {kind} file (no output)")
        src = read_docx(out)
    return Source(
        text=src.text,
        format=kind.lstrip("."),
        places=src.places,
        warnings=(f"converted from {kind} by LibreOffice", *src.warnings),
    )


def _tidy(text: str) -> str:
    """One line: tabs and breaks inside a paragraph are spaces (a tab would read as a table cell)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# -- automatic numbering --------------------------------------------------------------------------

_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


def _num_pr(numpr) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a w:numPr, each None where it is not given."""
    num_id = numpr.find(f"{_W}numId")
    ilvl = numpr.find(f"{_W}ilvl")
    return (
        num_id.get(f"{_W}val") if num_id is not None else None,
        int(ilvl.get(f"{_W}val")) if ilvl is not None else None,
    )


def _style_numbering(document) -> dict[str, tuple[str | None, int | None]]:
    """styleId -> (numId, ilvl) of the paragraph styles that number their paragraphs, through the
    styles they are based on."""
    try:
        root = document.part.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for s in root.findall(f"{_W}style"):
        sid = s.get(f"{_W}styleId")
        ppr = s.find(f"{_W}pPr")
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None:
            own[sid] = _num_pr(numpr)
        if (b := s.find(f"{_W}basedOn")) is not None:
            based[sid] = b.get(f"{_W}val")
    out = {}
    for sid in {*own, *based}:
        seen: set[str] = set()
        cur: str | None = sid
        while cur is not None and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in own:
            out[sid] = own[cur]
    return out


class _Numbering:
    """Counters of Word's list numbering: numId -> abstract levels (format, text, start)."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.by_style: dict[str, tuple[str | None, int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in a.findall(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )
            abstract[a.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                self.levels[num.get(f"{_W}numId")] = abstract[ref.get(f"{_W}val")]
        self.by_style = _style_numbering(document)

    def label(self, p) -> str:
        """The number Word shows before paragraph `p` ("2.1. ", "a) ", "- "), or "": its own
        numbering, or its style's ("List Number", a heading style linked to a list)."""
        ppr = p.pPr
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        style = ppr.find(f"{_W}pStyle") if ppr is not None else None
        own = _num_pr(numpr) if numpr is not None else (None, None)
        styled = self.by_style.get(style.get(f"{_W}val"), (None, None)) if style is not None else (None, None)
        nid = own[0] or styled[0] or ""
        level = own[1] if own[1] is not None else styled[1] or 0
        levels = self.levels.get(nid)
        if not levels or level not in levels:
            return ""
        fmt, text, _ = levels[level]
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        counts = self.counters.setdefault(nid, [levels.get(i, ("", "", 1))[2] - 1 for i in range(9)])
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        out = text
        for i in range(level + 1):
            out = out.replace(f"%{i + 1}", _format(counts[i], levels.get(i, ("decimal", "", 1))[0]))
        return out + " " if out else ""
