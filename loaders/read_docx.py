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
from vbgraph.loaders.sources import Place, Source, from_pieces, layout_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Source:
    """The text of a .docx: the first section's header, then the body's paragraphs and tables in order."""
    document = _open_docx(path)
    numbering = _Numbering(document)
    out = _Pieces()
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
    return from_pieces(out.pieces, "docx")


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

    def __init__(self) -> None:
        self.pieces: list[tuple[str, Place | None]] = []
        self.count = 0

    def block(self, block, numbering: _Numbering | None = None) -> None:
        """A table, or a paragraph with its automatic number when `numbering` is given."""
        if hasattr(block, "rows"):
            self.table(block)
        else:
            self.paragraph((numbering.label(block._p) if numbering is not None else "") + block.text)

    def paragraph(self, text: str) -> None:
        self.count += 1
        text = _tidy(text)
        if text:
            self.pieces.extend([(text, Place(paragraph=self.count)), ("", None)])

    def table(self, t) -> None:
        rows: list[tuple[str, Place]] = []
        for row in t.rows:
            self.count += 1
            cells: list[list[str]] = []
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue  # a cell merged across columns is read once
                seen.add(id(cell._tc))
                # a cell's lines: its paragraphs, and the lines a break cuts one into (Shift+Enter)
                cells.append(
                    [t for p in cell.paragraphs for part in p.text.split("\n") if (t := _tidy(part))]
                )
            place = Place(paragraph=self.count)
            stacked = layout_lines(cells)
            if stacked is not None:
                rows.extend((x, place) for x in stacked)
            elif any(cells):
                rows.append(("\t".join(" ".join(c) for c in cells).rstrip("\t"), place))
        if rows:
            self.pieces.extend([*rows, ("", None)])


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
        warnings=(f"converted from {kind} by LibreOffice",),
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
