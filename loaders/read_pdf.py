"""Read a PDF into text lines, each with the page and the line on that page it came from.

Why it reads glyph positions rather than a library's text dump: the pipeline needs one line per
printed line, in reading order, with a blank line where the layout leaves a gap between
paragraphs, and the two columns of a document header ("TỈNH ỦY BẮC GIANG" beside "ĐẢNG CỘNG SẢN
VIỆT NAM") as separate lines. Both permissive readers were tried on Vietnamese PDFs made with a
Unicode TrueType font (reportlab + DejaVuSans, and LibreOffice from a .docx):

- pypdf (BSD) keeps the letters of the reportlab file, but its plain mode follows the content
  stream (a running header drawn first comes first) and has no paragraph gaps; its layout mode
  pads lines with spaces and glues the header's two columns into one line. On the LibreOffice
  file, which draws each line's Vietnamese letters last from a fallback font, both modes give
  "K  ho ch th c hi n ... ế ạ ự ệ". It is pure Python (about 1 s for 175 pages, plain mode).
- pypdfium2 (BSD/Apache, PDFium, C speed) gives the same letters in stream order, with the same
  fault on the LibreOffice file, but also every character's box.

So we use pypdfium2's character boxes and order the glyphs ourselves: every character with its
loose box (the font's ascent and descent, the same for every letter of a line, so gaps between
lines measure the layout, not the glyphs' shapes) is grouped into runs, rows and lines by
position (`_layout`): the LibreOffice line reads "Kế hoạch thực hiện". Recognised words from
Tesseract go through the same layout, so a scan comes out shaped like a text PDF. PyMuPDF (AGPL)
is not used, and pdfminer.six was not needed.

A ruled table is read as the Word and HTML readers write one, which is how the pipeline reads
assignment tables: one line per table row, its cells joined by a tab, a cell's wrapped lines joined
by a space, a blank line before and after the table (`_tables`). The grid comes from the page's
ruling lines (PDFium's path objects), so only ruled tables are found; text in aligned columns
without rules stays line by line, as a header block's two columns must.

Around the layout: running headers, footers and page numbers are dropped (`_drop_furniture`);
a word broken by a hyphen at a line end is mended (`_mend_hyphens`); a page break opens a
paragraph only where one ends or begins (`_page_break`); a scanned page is recognised by
Tesseract when asked (`ocr=True`), since it needs an optional program and is slow.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vbgraph.errors import UnreadableFile
from vbgraph.loaders.signals import is_motto
from vbgraph.loaders.sources import Place, Source, from_pieces

OCR_DPI = 300  # Tesseract is trained on text of about 300 dpi; small tone marks suffer below it
OCR_LANG = "vie"
# --psm 3 (automatic page segmentation, Tesseract's default) finds text blocks anywhere on the
# page; the order of lines comes from our own layout, so its block order does not matter.
OCR_CONFIG = "--psm 3"
# A page whose words Tesseract is on average less sure of (in %) is named in a warning: at 200 dpi
# or skewed, numbers, tones and points are misread and a researcher should look at the scan.
OCR_DOUBTFUL = 90
MIN_TEXT_CHARS = 20  # fewer readable characters than this: the page has (almost) no text layer

# A gap wider than this many line heights splits a printed line into two lines (the columns of a
# header, the cells of a table); word spaces, even in justified text, stay well under it. Loose
# boxes (text layer) are about 1.2 em high, recognised words' boxes about 1 em.
_SPLIT_TEXT = 1.5
_SPLIT_OCR = 2.0
# A gap between rows wider than the page's usual gap by this many line heights is a paragraph
# break: 6 pt "space after" at 14 pt type is 0.37 loose line heights.
_PARAGRAPH_GAP = 0.3
_EDGE_ROWS = 2  # rows at the top and at the bottom of a page where headers and footers stand
# A table's ruling lines, in points: a stroke is a rule when it runs straight across or down (its
# ends at most _RULE_SKEW apart the other way) and is at least _RULE_MIN long (the short ends of
# a border drawn as a thin filled rectangle are not); rules within _SNAP of each other meet, or
# are one boundary (a double rule, both long sides of a thin rectangle). A page with more rules
# than _MAX_RULES is a drawing (a map, a chart), not a table, and is not searched.
_RULE_SKEW = 1.0
_RULE_MIN = 4.0
_SNAP = 2.5
_MAX_RULES = 5000

# What a PDF's text layer writes for a hyphen that ends a line: PDFium marks one it took for a
# hyphenation with U+FFFE (or U+0002); a soft hyphen prints as a hyphen there. Ligatures become
# their letters.
_CHAR_MAP = {
    "\ufffe": "-",
    "\x02": "-",
    "\u00ad": "-",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_SPACES_RE = re.compile(r"\s+")
# What a text layer holds that means nothing: spaces, controls, private-use glyphs, U+FFFD.
_UNREADABLE_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]+")
_COLUMNS_RE = re.compile(r"\t|\s{3,}")
# "3", "- 3 -", "Trang 3", "Trang 3/12", "3/12", "Page 3 of 12", "[3]"
_PAGE_NUMBER_RE = re.compile(
    r"[-–—\[(]?\s*(?:trang|page|tr\.)?\s*\d{1,4}\s*(?:(?:/|của|of|trên)\s*\d{1,4})?\s*[-–—\])]?",
    re.IGNORECASE,
)
_DIGITS_RE = re.compile(r"\d+")


# --- reading ----------------------------------------------------------------------------------------


def read_pdf(path: Path, *, ocr: bool = False) -> Source:
    """The text of a PDF, line by line, with the page and page line of each (format "pdf").

    Pages with a text layer are read from it. A page with (almost) none is an image: with `ocr`,
    Tesseract recognises it; without, a PDF made only of such pages raises `UnreadableFile` (the
    message says to use --ocr) and a mixed one gets a warning naming the pages not recognised.
    A file that is not a readable PDF (encrypted, damaged, missing) raises `UnreadableFile` with
    a one-line reason.
    """
    path = Path(path)
    pdf = _open(path)
    try:
        pages, warnings = _read_pages(pdf, path, ocr=ocr)
    except pdfium.PdfiumError as e:  # a page that PDFium cannot load: the file is damaged
        raise UnreadableFile(str(path), f"not a readable PDF ({_reason(e)})") from None
    finally:
        pdf.close()
    if not any(pages):
        raise UnreadableFile(str(path), f"no text in the PDF ({_pages(len(pages))}, all blank)")
    pages, dropped = _drop_furniture(pages)
    if dropped:
        warnings.append(_dropped_warning(dropped))
    pieces = _mend_hyphens(_pieces(_join_split_rows(pages)))
    return from_pieces([(p.text, p.place) for p in pieces], "pdf", warnings=tuple(warnings))


def read_image(path: Path, *, ocr: bool = False) -> Source:
    """A scan delivered as an image (PNG, JPEG, TIFF: every frame of a multi-page TIFF is a page)
    read as a scanned PDF is: each page recognised by Tesseract, then laid out, its running
    headers dropped and its hyphens mended (format "image", places name page and line, OCR).
    Without `ocr` it is refused in one line that says to pass --ocr: recognising is slow and needs
    Tesseract, so it is asked for, never done in silence."""
    path = Path(path)
    if not ocr:
        raise UnreadableFile(
            str(path),
            f"an image ({path.suffix.lower() or 'no suffix'}, a scan?): run with --ocr to recognise it "
            "(needs Tesseract and its Vietnamese model: scripts/install-ocr)",
        )
    frames = _image_frames(path)
    tess = _tesseract(str(path), len(frames))
    pages: list[list[_Line]] = []
    doubtful: list[str] = []
    for i, frame in enumerate(frames):
        try:
            runs, confidence = _image_runs(frame, tess)
        except tess.TesseractError as e:
            raise UnreadableFile(
                str(path), f"Tesseract failed on page {i + 1}: {e.message or e.status}"
            ) from None
        pages.append([replace(line, ocr=True) for line in _layout(runs, _SPLIT_OCR)])
        if confidence is not None and confidence < OCR_DOUBTFUL:
            doubtful.append(f"{i + 1} ({confidence:.0f}%)")
    if not any(pages):
        raise UnreadableFile(str(path), f"no text recognised in the image ({_pages(len(pages))})")
    warnings = _ocr_notes(len(pages), doubtful)
    pages, dropped = _drop_furniture(pages)
    if dropped:
        warnings.append(_dropped_warning(dropped))
    pieces = _mend_hyphens(_pieces(_join_split_rows(pages)))
    return from_pieces([(p.text, p.place) for p in pieces], "image", warnings=tuple(warnings))


def _image_frames(path: Path) -> list:
    """The pages of an image file in grey, each at `OCR_DPI` at least when the file says its
    resolution (a 150 dpi scan is enlarged, as a PDF page is rendered at that resolution); or
    UnreadableFile in one line."""
    try:
        from PIL import Image, ImageSequence, UnidentifiedImageError
    except ImportError:
        raise UnreadableFile(
            str(path), "an image needs Pillow to be read: pip install 'vbgraph[ocr]'"
        ) from None
    try:
        with Image.open(path) as image:
            frames = []
            for frame in ImageSequence.Iterator(image):
                grey = frame.convert("L")
                dpi = frame.info.get("dpi", (0, 0))[0] or 0
                if 0 < dpi < OCR_DPI - 1:
                    scale = OCR_DPI / float(dpi)
                    grey = grey.resize(
                        (round(grey.width * scale), round(grey.height * scale)), Image.Resampling.LANCZOS
                    )
                frames.append(grey)
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise UnreadableFile(str(path), f"not a readable image ({type(e).__name__})") from None
    return frames


def _open(path: Path) -> pdfium.PdfDocument:
    """The document, or `UnreadableFile` with a one-line reason (encrypted, damaged, missing)."""
    if not path.is_file():
        raise UnreadableFile(str(path), "no such file" if not path.exists() else "not a file")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise UnreadableFile(str(path), "encrypted PDF: it opens only with its password") from None
        raise UnreadableFile(str(path), f"not a readable PDF ({_reason(e)})") from None
    except OSError as e:
        raise UnreadableFile(str(path), f"not a readable PDF ({e.strerror or e})") from None


def _reason(e: Exception) -> str:
    """PDFium's own words, without the wrapper's: 'Data format error'. PDFium's error code is
    global and can be stale ('Success' for a PDF without pages): then say less."""
    m = re.search(r"PDFium: ([^)]+)", str(e))
    said = m.group(1).strip(" .") if m else str(e)
    return "PDFium cannot load it" if said.lower() == "success" else said


def _pages(n: int) -> str:
    return f"{n} page" if n == 1 else f"{n} pages"


@dataclass(frozen=True)
class _Line:
    """One line of a page: its text, its row from the top (the page line), a gap above it."""

    text: str
    row: int
    gap_before: bool = False
    ocr: bool = False
    table: tuple[float, ...] | None = None  # a table row (cells parted by tabs): the table's columns


def _read_pages(pdf: pdfium.PdfDocument, path: Path, *, ocr: bool) -> tuple[list[list[_Line]], list[str]]:
    """The lines of every page, and the warnings about pages read by OCR or left out."""
    pages: list[list[_Line]] = []
    images: list[int] = []  # 0-based pages with no text layer
    for i in range(len(pdf)):
        page = pdf[i]
        runs, scan = _text_page(page)
        pages.append(_layout(runs, _SPLIT_TEXT, _tables(page) if runs else ()))
        if scan:
            images.append(i)
        page.close()
    if not images:
        return pages, []
    if not ocr:
        return pages, _without_ocr(path, pages, images)
    tess = _tesseract(str(path), len(images))
    doubtful: list[str] = []
    for i in images:
        page = pdf[i]
        try:
            runs, confidence = _ocr_runs(page, tess)
            pages[i] = [replace(line, ocr=True) for line in _layout(runs, _SPLIT_OCR)]
            if confidence is not None and confidence < OCR_DOUBTFUL:
                doubtful.append(f"{i + 1} ({confidence:.0f}%)")
        except tess.TesseractError as e:
            raise UnreadableFile(
                str(path), f"Tesseract failed on page {i + 1}: {e.message or e.status}"
            ) from None
        finally:
            page.close()
    return pages, _ocr_notes(len(images), doubtful)


def _ocr_notes(pages: int, doubtful: list[str]) -> list[str]:
    """What the user should know of pages read by OCR: that they were, and those it is unsure of."""
    notes = [f"recognised {_pages(pages)} by OCR (Tesseract {OCR_LANG}); check quotes against the scan"]
    if doubtful:
        notes.append(
            f"OCR unsure of page {', '.join(doubtful)}: mean word confidence below {OCR_DOUBTFUL}%; "
            "numbers, dates and tasks may be misread (a scan of 300 dpi, straight, reads best)"
        )
    return notes


def _without_ocr(path: Path, pages: list[list[_Line]], images: list[int]) -> list[str]:
    """A scan with nothing else is unreadable without OCR; a mixed PDF is read without its
    scanned pages, and a warning names them."""
    if len(images) == len(pages) or not any(pages[i] for i in range(len(pages)) if i not in images):
        raise UnreadableFile(
            str(path),
            f"scanned PDF with no text layer ({_pages(len(pages))}); run with --ocr to recognise it "
            "(needs Tesseract and its Vietnamese model: scripts/install-ocr)",
        )
    named = ("page " if len(images) == 1 else "pages ") + ", ".join(str(i + 1) for i in images)
    return [f"{named}: no text layer (scanned), text not read; run with --ocr to recognise it"]


# --- the text layer ---------------------------------------------------------------------------------


_Cell = tuple[int, int, int]  # a table cell on a page: table, row band, column


class _Glyph(NamedTuple):
    """A character of the text layer (with any combining marks), or a word recognised by OCR."""

    text: str
    x0: float
    x1: float
    word: bool = False  # an OCR word: a space always parts it from the one before


@dataclass
class _Run:
    """Glyphs printed in one go along one line, with their box (y grows downwards, as one reads)."""

    x0: float
    x1: float
    top: float
    bottom: float
    glyphs: list[_Glyph] = field(default_factory=list)
    cell: _Cell | None = None  # the table cell it stands in, if any

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1e-3)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    def add(self, glyph: _Glyph, top: float, bottom: float) -> None:
        self.glyphs.append(glyph)
        self.x0, self.x1 = min(self.x0, glyph.x0), max(self.x1, glyph.x1)
        self.top, self.bottom = min(self.top, top), max(self.bottom, bottom)


def _text_page(page: pdfium.PdfPage) -> tuple[list[_Run], bool]:
    """The runs of the page's text layer, and whether the page is an image (no text layer)."""
    tp = page.get_textpage()
    try:
        text = tp.get_text_range()
        n = tp.count_chars()
        if len(text) != n:  # never seen; read one character at a time rather than misplace them
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i)) for i in range(n))
        runs = _runs(tp, text, page.get_rotation())
    finally:
        tp.close()
    return runs, _is_scan(page, text)


def _is_scan(page: pdfium.PdfPage, text: str) -> bool:
    """Whether a page shows its text only as an image: (almost) no readable text layer, and an
    image over a quarter of the page at least (a scan), or unreadable glyphs, or shapes alone
    (text drawn as outlines). A signature page with a small stamp and a name is no scan."""
    good = len(_UNREADABLE_RE.sub("", text))
    if good >= MIN_TEXT_CHARS:
        return False
    if len(_SPACES_RE.sub("", text)) - good >= MIN_TEXT_CHARS:
        return True  # glyphs without Unicode (private-use codes): the text layer means nothing
    width, height = page.get_size()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH)):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            if not good:
                return True
            continue
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= 0.25 * width * height:
            return True
    return False


def _runs(tp: pdfium.PdfTextPage, text: str, rotation: int) -> list[_Run]:
    """Characters in the order the PDF draws them, cut into runs where a line ends or jumps.

    PDFium's own line breaks end a run. The spaces it makes up are ignored: it guesses them in
    stream order, and a producer that draws a line's Vietnamese letters last, from a fallback
    font, gets spaces inside words ("th c hi n ... ự ệ"); `_Row.of` puts spaces back by position.
    The loop is the reader's hot spot (every character of the file), so it stays flat.
    """
    runs: list[_Run] = []
    run: _Run | None = None
    rect = pdfium_c.FS_RECTF()
    for i, ch in enumerate(text):
        if ch in "\r\n":
            run = None
            continue
        c = _CHAR_MAP.get(ch, ch)
        if not c.isprintable():
            if not c.isspace():
                continue  # controls, format characters, private-use glyphs
            c = " "
        if c > "\u02ff" and run and unicodedata.combining(c[0]):  # a mark goes with its letter
            run.glyphs[-1] = run.glyphs[-1]._replace(text=run.glyphs[-1].text + c)
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(tp, i, rect) or rect.top <= rect.bottom:
            continue  # a space PDFium made up, or a character drawn nowhere
        x0, x1, top, bottom = _upright(rect.left, rect.bottom, rect.right, rect.top, rotation)
        if (
            run is not None
            and run.top <= (top + bottom) / 2 <= run.bottom  # on the run's line
            and run.x1 - run.height <= x0 <= run.x1 + _SPLIT_TEXT * run.height  # no jump back or ahead
        ):
            run.glyphs.append(_Glyph(c, x0, x1))
            run.x1 = max(run.x1, x1)
            continue
        run = _Run(x0, x1, top, bottom, [_Glyph(c, x0, x1)])
        runs.append(run)
    return runs


def _upright(left: float, bottom: float, right: float, top: float, rotation: int) -> tuple[float, ...]:
    """A box in PDF space (y up) as the reader sees the page turned by /Rotate: x0, x1, top, bottom
    with y growing downwards. Only order and distances matter, so no page size is needed."""
    if rotation == 90:  # turned clockwise: the page's bottom edge is now on the left
        return bottom, top, left, right
    if rotation == 180:
        return -right, -left, bottom, top
    if rotation == 270:
        return -top, -bottom, -right, -left
    return left, right, -top, -bottom


# --- layout: runs -> rows -> lines ------------------------------------------------------------------


def _layout(runs: Sequence[_Run], split: float, tables: Sequence[_Table] = ()) -> list[_Line]:
    """Lines of a page in reading order: rows from the top, in a row from the left.

    Runs on one row that stand apart (two header columns) stay separate lines; runs close together
    are one line. Every line of a row has the row's number as its page line. A row further below
    the one above than the page's usual line gap opens a paragraph (`gap_before`). Text inside a
    ruled table is gathered by cell instead, and each table row becomes one line (`_table_rows`).
    """
    rows = [
        row for row in (_Row.of(group, split) for group in _rows(_in_cells(runs, tables))) if row.has_text
    ]
    usual = _usual_gap([b.top - a.bottom for a, b in pairwise(rows) if _one_paragraph(a, b)])
    lines: list[_Line] = []
    for n, row in enumerate(rows):
        above = rows[n - 1] if n else None
        gap = above is not None and row.top - above.bottom > usual + _PARAGRAPH_GAP * min(
            row.height, above.height
        )
        lines.extend(_Line(t, n + 1, gap_before=gap and k == 0) for k, t in enumerate(row.texts))
    if not tables:
        return lines
    # a stable sort: a table row comes after any text beside its first line
    return _part_tables(sorted(lines + _table_rows(rows, tables), key=lambda line: line.row))


def _rows(runs: Sequence[_Run]) -> list[list[_Run]]:
    """Runs grouped into printed rows: a run joins a row it overlaps by half its own height or
    the row's (a superscript joins its line; the next line, overlapping a little, does not)."""
    rows: list[list[_Run]] = []
    top = bottom = 0.0
    for run in sorted(runs, key=lambda r: (r.middle, r.x0)):
        if rows:
            overlap = min(bottom, run.bottom) - max(top, run.top)
            if overlap >= 0.5 * min(run.height, bottom - top):
                rows[-1].append(run)
                top, bottom = min(top, run.top), max(bottom, run.bottom)
                continue
        rows.append([run])
        top, bottom = run.top, run.bottom
    return rows


@dataclass(frozen=True)
class _Row:
    """One printed row: its box, its lines outside tables (left to right), and its text in each
    table cell it crosses."""

    height: float
    top: float
    bottom: float
    texts: list[str]
    cells: dict[_Cell, str] = field(default_factory=dict)
    left: float = 0.0
    right: float = 0.0

    @property
    def has_text(self) -> bool:
        return bool(self.texts or self.cells)

    @classmethod
    def of(cls, runs: list[_Run], split: float) -> _Row:
        """The row's lines outside tables, and the text of each cell on it (its pieces, should
        a gap part them, joined by a space)."""
        free = [r for r in runs if r.cell is None]
        in_cells: dict[_Cell, list[_Run]] = {}
        for r in runs:
            if r.cell is not None:
                in_cells.setdefault(r.cell, []).append(r)
        cells = {c: " ".join(_texts(rs, split)) for c, rs in in_cells.items()}
        top, bottom = min(r.top for r in runs), max(r.bottom for r in runs)
        height = max(r.height for r in runs)
        return cls(
            height,
            top,
            bottom,
            _texts(free, split) if free else [],
            {c: t for c, t in cells.items() if t},
            min(r.x0 for r in runs),
            max(r.x1 for r in runs),
        )


def _texts(runs: list[_Run], split: float) -> list[str]:
    """The runs' glyphs left to right (whatever order the PDF drew them in), with a space where
    a gap is wider than a sixth of the line height and a new line where it is wider than `split`
    line heights. A tab or three spaces also part columns: typists line up a header's right
    column with spaces. A glyph drawn twice in place (fake bold) counts once."""
    height = max(r.height for r in runs)
    glyphs = sorted((g for r in sorted(runs, key=lambda r: r.x0) for g in r.glyphs), key=lambda g: g.x0)
    texts: list[list[str]] = []
    last: _Glyph | None = None
    end = 0.0  # right edge of the line so far
    for g in glyphs:
        gap = g.x0 - end
        if last is None or gap > split * height:
            texts.append([])
            end = g.x1
        elif g.text == last.text and g.x0 - last.x0 < 0.1 * height and not g.text.isspace():
            continue
        elif (g.word or gap > height / 6) and not (last.text.isspace() or g.text.isspace()):
            texts[-1].append(" ")
        texts[-1].append(g.text)
        last, end = g, max(end, g.x1)
    lines = [_SPACES_RE.sub(" ", c).strip() for t in texts for c in _COLUMNS_RE.split("".join(t))]
    return [unicodedata.normalize("NFC", t) for t in lines if t]


def _one_paragraph(above: _Row, below: _Row) -> bool:
    """Whether two printed rows may be lines of one paragraph, so their gap says what a line gap
    is: both outside tables, or both in one cell (not the next row's line in another cell, nor a
    short cell's line centred beside a long one's: those overlap or stand far apart). Rows that
    overlap, or share no stretch across the page, are none: a header's right column set half a
    line below its left one (a short page would take every line of its body for a paragraph)."""
    if below.top <= above.bottom or below.left >= above.right or above.left >= below.right:
        return False
    if above.cells or below.cells:
        return not (above.texts or below.texts) and not above.cells.keys().isdisjoint(below.cells)
    return True


def _usual_gap(gaps: list[float]) -> float:
    """The page's gap between lines of one paragraph: the lower quartile of its row gaps, since
    paragraph breaks are the wider ones and rarely the most."""
    if not gaps:
        return 0.0
    return sorted(gaps)[len(gaps) // 4]


# --- ruled tables -----------------------------------------------------------------------------------


class _Rule(NamedTuple):
    """A straight stroke across (or down) the page in reading coordinates: its y (or x), and
    where it starts and ends along the other axis."""

    at: float
    start: float
    end: float


@dataclass(frozen=True)
class _Table:
    """A ruled table (reading coordinates): the y of its rules across, top to bottom; for each row
    band between two of them, the x of the column boundaries ruled through it (cells merged across
    columns have no rule between them); and all its column boundaries, left to right."""

    rows: tuple[float, ...]
    cuts: tuple[tuple[float, ...], ...]
    columns: tuple[float, ...]

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """The (band, column) holding the point, or None outside the table."""
        if not (self.columns[0] <= x <= self.columns[-1] and self.rows[0] <= y <= self.rows[-1]):
            return None
        band = min(bisect_right(self.rows, y) - 1, len(self.cuts) - 1)
        cuts = self.cuts[band]
        return band, min(bisect_right(cuts, x) - 1, len(cuts) - 2)


def _tables(page: pdfium.PdfPage) -> list[_Table]:
    """The page's ruled tables: rules that meet make one grid; a grid is a table when it has two
    rules across at least and a rule down between its left and right edges (an underline, a box
    around a paragraph, a page frame are no tables)."""
    rules = _rules(page)
    if rules is None:
        return []
    tables = (_table(across, down) for across, down in _grids(*rules))
    return [t for t in tables if t is not None]


def _rules(page: pdfium.PdfPage) -> tuple[list[_Rule], list[_Rule]] | None:
    """The page's straight strokes across and down, in reading coordinates, from the paths it
    draws (stroked or filled; curves are no rules); None when there are more than `_MAX_RULES`."""
    rotation = page.get_rotation()
    across: list[_Rule] = []
    down: list[_Rule] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        if not _drawn(obj):
            continue
        for (ax, ay), (bx, by) in _segments(obj):
            x0, _, y0, _ = _upright(ax, ay, ax, ay, rotation)
            x1, _, y1, _ = _upright(bx, by, bx, by, rotation)
            if abs(y1 - y0) <= _RULE_SKEW and abs(x1 - x0) >= _RULE_MIN:
                across.append(_Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
            elif abs(x1 - x0) <= _RULE_SKEW and abs(y1 - y0) >= _RULE_MIN:
                down.append(_Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
        if len(across) + len(down) > _MAX_RULES:
            return None
    return across, down


def _drawn(obj: pdfium.PdfObject) -> bool:
    """Whether a path shows (a clipping path is neither stroked nor filled)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)) and bool(fill.value or stroke.value)


def _segments(obj: pdfium.PdfObject) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path in page space: its points go through its own matrix and
    those of the forms it is drawn in; a closed subpath adds its closing piece."""
    matrix = obj.get_matrix()
    form = obj.container
    while form is not None:
        matrix = matrix.multiply(form.get_matrix())
        form = form.container
    x, y = ctypes.c_float(), ctypes.c_float()
    start = here = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        point = matrix.on_point(x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and here is not None:
            yield here, point
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or start is None:
            start = point
        here = point
        if pdfium_c.FPDFPathSegment_GetClose(seg):
            if here != start:
                yield here, start
            here = start


def _grids(across: list[_Rule], down: list[_Rule]) -> list[tuple[list[_Rule], list[_Rule]]]:
    """Rules grouped into grids: a rule down and a rule across that meet (within `_SNAP`) are in
    one grid. Rules across are looked up by their y, so the cost is the number of meetings."""
    parent = list(range(len(across) + len(down)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(across)), key=lambda i: across[i].at)
    ys = [across[i].at for i in order]
    for j, rule in enumerate(down, start=len(across)):
        for i in order[bisect_left(ys, rule.start - _SNAP) : bisect_right(ys, rule.end + _SNAP)]:
            if across[i].start - _SNAP <= rule.at <= across[i].end + _SNAP:
                parent[root(i)] = root(j)
    grids: dict[int, tuple[list[_Rule], list[_Rule]]] = defaultdict(lambda: ([], []))
    for i, rule in enumerate(across):
        grids[root(i)][0].append(rule)
    for j, rule in enumerate(down, start=len(across)):
        grids[root(j)][1].append(rule)
    return list(grids.values())


def _table(across: list[_Rule], down: list[_Rule]) -> _Table | None:
    """A grid as a table, or None when it is none. Its left and right edges are where its rules
    across end (a table may have no outer rules down); its columns are parted by rules down that
    stay between its top and bottom rules (a bar that runs on past a box parts no columns); a
    band's cells are parted by the rules down that cross the band's middle."""
    if len(across) < 2:
        return None
    left, right = min(r.start for r in across), max(r.end for r in across)
    rows = _clusters([r.at for r in across])
    down = [r for r in down if rows[0] - _SNAP <= r.start and r.end <= rows[-1] + _SNAP]
    inner = [x for x in _clusters([r.at for r in down]) if left + _SNAP < x < right - _SNAP]
    if len(rows) < 2 or not inner:
        return None
    cuts = tuple(
        (left, *(x for x in inner if _ruled(down, x, (top + bottom) / 2)), right)
        for top, bottom in pairwise(rows)
    )
    return _Table(tuple(rows), cuts, (left, *inner, right))


def _clusters(values: list[float]) -> list[float]:
    """Positions within `_SNAP` of the one before taken as one (their mean), in order."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= _SNAP:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _ruled(down: list[_Rule], x: float, y: float) -> bool:
    """Whether a rule down stands at `x` through height `y`."""
    return any(abs(r.at - x) <= _SNAP and r.start - _SNAP <= y <= r.end + _SNAP for r in down)


def _in_cells(runs: Sequence[_Run], tables: Sequence[_Table]) -> list[_Run]:
    """Runs cut where they cross a cell boundary, each piece marked with its cell: a glyph goes
    to the cell holding its centre (a cell's text can run close to its neighbour's). A run whose
    first and last glyphs stand in one cell (or in none) is not cut: most are."""
    if not tables:
        return list(runs)
    out: list[_Run] = []
    for run in runs:
        head, tail = run.glyphs[0], run.glyphs[-1]
        cell = _cell_at(tables, (head.x0 + head.x1) / 2, run.middle)
        if cell == _cell_at(tables, (tail.x0 + tail.x1) / 2, run.middle):
            out.append(replace(run, cell=cell))
            continue
        pieces: dict[_Cell | None, _Run] = {}
        for g in run.glyphs:
            cell = _cell_at(tables, (g.x0 + g.x1) / 2, run.middle)
            if cell in pieces:
                pieces[cell].add(g, run.top, run.bottom)
            else:
                pieces[cell] = _Run(g.x0, g.x1, run.top, run.bottom, [g], cell)
        out.extend(pieces.values())
    return out


def _cell_at(tables: Sequence[_Table], x: float, y: float) -> _Cell | None:
    for t, table in enumerate(tables):
        where = table.cell(x, y)
        if where is not None:
            return t, *where
    return None


def _table_rows(rows: list[_Row], tables: Sequence[_Table]) -> list[_Line]:
    """One line per table row: each cell's lines, top to bottom, joined by a space; the cells
    joined by tabs, empty ones at the end left out (as the Word reader writes them); the page
    line that of the row's first printed line."""
    bands: dict[tuple[int, int], dict[int, list[str]]] = {}
    first: dict[tuple[int, int], int] = {}
    for n, row in enumerate(rows, start=1):
        for (t, band, col), text in row.cells.items():
            first.setdefault((t, band), n)
            bands.setdefault((t, band), {}).setdefault(col, []).append(text)
    lines: list[_Line] = []
    for (t, band), cells in bands.items():
        width = len(tables[t].cuts[band]) - 1
        text = "\t".join(_join_wrapped(cells.get(c, [])) for c in range(width)).rstrip("\t")
        lines.append(_Line(text, first[t, band], table=tables[t].columns))
    return lines


def _part_tables(lines: list[_Line]) -> list[_Line]:
    """A paragraph gap (a blank line) before a table and after it, none between its rows."""
    out: list[_Line] = []
    for k, line in enumerate(lines):
        above = lines[k - 1].table if k else None
        if line.table is not None:
            out.append(replace(line, gap_before=k > 0 and line.table != above))
        else:
            out.append(replace(line, gap_before=True) if above is not None else line)
    return out


# --- OCR -------------------------------------------------------------------------------------------


def _tesseract(path: str, pages: int) -> ModuleType:
    """pytesseract, once Tesseract and its Vietnamese model are known to be there (the message
    names what to install: the Python package, the program, the model)."""
    need = f"scanned PDF ({_pages(pages)} without a text layer): OCR needs"
    fix = "apt install tesseract-ocr tesseract-ocr-vie, or run scripts/install-ocr"
    try:
        import pytesseract
    except ImportError:
        raise UnreadableFile(path, f"{need} pytesseract: pip install 'vbgraph[ocr]'") from None
    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError):
        cmd = pytesseract.pytesseract.tesseract_cmd
        raise UnreadableFile(path, f"{need} the Tesseract program ({cmd!r} not found): {fix}") from None
    if OCR_LANG not in langs:
        raise UnreadableFile(path, f"{need} Tesseract's Vietnamese model ({OCR_LANG}), not installed: {fix}")
    return pytesseract


def _ocr_runs(page: pdfium.PdfPage, tess: ModuleType) -> tuple[list[_Run], float | None]:
    """The words Tesseract reads on the page rendered at `OCR_DPI` (see `_image_runs`)."""
    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    try:
        return _image_runs(bitmap.to_pil(), tess)
    finally:
        bitmap.close()


def _image_runs(image, tess: ModuleType) -> tuple[list[_Run], float | None]:
    """The words Tesseract reads on a page image, as runs: the words of one recognised line,
    cut where a gap is wider than `_SPLIT_OCR` word heights (the columns of a header); and its
    mean confidence in them (0-100; None: no word)."""
    data = tess.image_to_data(image, lang=OCR_LANG, config=OCR_CONFIG, output_type=tess.Output.DICT)
    runs: list[_Run] = []
    heights: dict[tuple[int, int, int], int] = {}  # Tesseract's line boxes: one height per line
    confidences: list[float] = []
    last = None
    for i, text in enumerate(data["text"]):
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        if data["level"][i] == 4:
            heights[key] = h
        if data["level"][i] != 5 or not text.strip():
            continue
        if float(data["conf"][i]) >= 0:
            confidences.append(float(data["conf"][i]))
        glyph = _Glyph(text.strip(), x, x + w, word=True)
        run = runs[-1] if runs and key == last else None
        if run is not None and x - run.x1 <= _SPLIT_OCR * heights.get(key, run.height):
            run.add(glyph, y, y + h)
        else:
            runs.append(_Run(x, x + w, y, y + h, [glyph]))
        last = key
    return runs, (sum(confidences) / len(confidences) if confidences else None)


# --- running headers, footers, page numbers ---------------------------------------------------------


def _drop_furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[str]]:
    """Pages without their running headers, footers and page numbers; the repeated texts dropped.

    Only a page's margins are looked at: the top rows above the first paragraph gap and the bottom
    rows below the last one, at most `_EDGE_ROWS` rows each (a header stands apart from the body;
    the lines of a document's own header block do not). A line there goes when it is a page
    number alone on its row ("3", "- 3 -", "Trang 3/12"), or when its text, digits aside, stands
    in the margins of at least half of the pages with text (two at least): a running title,
    "Kế hoạch 175-KH/TU - Trang 3". Such a repeated text also goes from the top or bottom rows of
    a page with no paragraph gap to set it apart (a page whose body is one table or one block),
    where it would read as the first or last line of the document. A motto never goes.
    """
    margins = [_margin_lines(lines) for lines in pages]
    counts = Counter(k for lines in margins for k in {_key(line.text) for line in lines})
    texted = sum(1 for lines in pages if lines)
    repeated = {k for k, n in counts.items() if texted >= 2 and n >= max(2, (texted + 1) // 2)}
    dropped: dict[str, None] = {}
    out: list[list[_Line]] = []
    for lines, margin in zip(pages, margins, strict=True):
        per_row = Counter(line.row for line in lines)
        drop = [
            line
            for line in margin
            if (per_row[line.row] == 1 and _PAGE_NUMBER_RE.fullmatch(line.text))
            or _key(line.text) in repeated
        ]
        if repeated and lines:
            drop += [
                line
                for line in _edge_lines(lines)
                if _key(line.text) in repeated and not any(line is d for d in drop)
            ]
        dropped.update((line.text, None) for line in drop if not _PAGE_NUMBER_RE.fullmatch(line.text))
        out.append([line for line in lines if not any(line is d for d in drop)])
    return out, list(dropped)


def _margin_lines(lines: list[_Line]) -> list[_Line]:
    """The lines a paragraph gap sets apart at the top or bottom of a page (mottos and table rows
    aside: a long table's header row repeats at the top of every page, and is text)."""
    gaps = [k for k, line in enumerate(lines) if line.gap_before]
    if not gaps:
        return []
    first, last = lines[0].row, lines[-1].row
    top = lines[: gaps[0]] if lines[gaps[0]].row <= first + _EDGE_ROWS else []
    bottom = lines[gaps[-1] :] if lines[gaps[-1]].row > last - _EDGE_ROWS else []
    return [line for line in top + bottom if line.table is None and not is_motto(line.text)]


def _edge_lines(lines: list[_Line]) -> list[_Line]:
    """The lines of a page's top and bottom `_EDGE_ROWS` rows, gap or no gap (mottos aside)."""
    first, last = lines[0].row, lines[-1].row
    return [
        line
        for line in lines
        if (line.row < first + _EDGE_ROWS or line.row > last - _EDGE_ROWS) and not is_motto(line.text)
    ]


def _key(text: str) -> str:
    """A line's text as repeated on every page: case, spacing and numbers aside."""
    return _SPACES_RE.sub(" ", _DIGITS_RE.sub("#", text.casefold())).strip()


def _dropped_warning(texts: list[str]) -> str:
    """One line naming the first few running headers or footers dropped."""
    shown = "; ".join(repr(t) for t in texts[:3]) + ("; …" if len(texts) > 3 else "")
    return f"dropped running headers or footers: {shown}"


# --- lines and places -------------------------------------------------------------------------------


def _join_split_rows(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Table rows a page break cut in two, made whole. Word lets a row break across pages: the
    rest of its cells then opens the next page (after a repeated header row), its first cell (the
    number) empty. Those cells join the cut row's on the page before, which keeps its place."""
    out = [list(lines) for lines in pages]
    prev: _Line | None = None  # the last line so far, at out[where[0]][where[1]]
    where = (0, 0)
    head = ""  # the first row of the table `prev` is in
    for p, lines in enumerate(out):
        if prev is not None and prev.table is not None and lines:
            k = 1 if len(lines) > 1 and lines[0].text == head else 0
            rest = lines[k]
            if _same_columns(prev.table, rest.table) and _cut_row(prev.text, rest.text):
                out[where[0]][where[1]] = prev = replace(prev, text=_join_rows(prev.text, rest.text))
                del lines[k]
        for k, line in enumerate(lines):
            if line.table is not None and not (prev is not None and _same_columns(prev.table, line.table)):
                head = line.text
            prev, where = line, (p, k)
    return out


def _cut_row(above: str, below: str) -> bool:
    """Whether `below` holds the rest of a row cut after `above`: its first cell is empty, the
    row above has a first cell and more (a group row spanning the table is not cut this way)."""
    return below.startswith("\t") and "\t" in above and not above.startswith("\t")


def _join_rows(above: str, below: str) -> str:
    """Two parts of one table row as one, cell by cell."""
    a, b = above.split("\t"), below.split("\t")
    width = max(len(a), len(b))
    a, b = a + [""] * (width - len(a)), b + [""] * (width - len(b))
    return "\t".join(_join_wrapped([x for x in pair if x]) for pair in zip(a, b, strict=True)).rstrip("\t")


class _Piece(NamedTuple):
    """A line of the document, where it came from, and whether it is a table row (left whole)."""

    text: str
    place: Place
    table: bool = False


def _pieces(pages: list[list[_Line]]) -> list[_Piece]:
    """The lines of the whole document: a blank line where a page shows a paragraph gap, and at a
    page break where a paragraph ends or begins (`_page_break`); else the paragraph runs on across
    the page break (the pipeline joins such lines)."""
    out: list[_Piece] = []
    last: _Line | None = None  # the last line kept before this page
    for p, lines in enumerate(pages, start=1):
        for k, line in enumerate(lines):
            if (line.gap_before and k > 0) or (k == 0 and last is not None and _page_break(last, line)):
                out.append(_Piece("", Place(page=p)))
            out.append(
                _Piece(line.text, Place(page=p, page_line=line.row, ocr=line.ocr), line.table is not None)
            )
        last = lines[-1] if lines else last
    return out


# What ends a sentence or a clause ("… như sau:", "… 30/9/2021."), and what may close it after.
_SENTENCE_END = ".:;!?…"
_CLOSERS = "\"'”’»)]"
# A line that starts a block: "2.", "2.1.", "1)", "II.", "I-", "a)", "-", "+", "•", "Điều 3",
# "Chương II". A number has at most three digits ("2021. …" and "30.000 đồng" start no item).
_STARTS_BLOCK_RE = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})*[.)]|[IVXLC]+[.)\-–]|[a-zđ]\)|[-–—+•*]|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\.?)"
    r"(?:\s|$)"
)


def _page_break(last: _Line, first: _Line) -> bool:
    """Whether a page break parts two paragraphs: the last line of the page ends a sentence or is a
    heading (all capitals), or the first line of the next starts a block (a numbered item, a dash,
    a heading, an article). A table parts from text around it, and goes on across the break when
    the next page goes on with its columns."""
    if last.table is not None or first.table is not None:
        return not _same_columns(last.table, first.table)
    return (
        _ends_sentence(last.text)
        or _capitals(last.text)
        or _STARTS_BLOCK_RE.match(first.text) is not None
        or _capitals(first.text)
    )


def _ends_sentence(text: str) -> bool:
    end = text.rstrip(_CLOSERS)[-1:]
    return bool(end) and end in _SENTENCE_END


def _capitals(text: str) -> bool:
    """A heading's line: three letters at least, none lowercase ("PHỤ LỤC", "I. MỤC ĐÍCH")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def _same_columns(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> bool:
    """Whether two tables' column boundaries are the same (a table going on on the next page)."""
    return (
        a is not None
        and b is not None
        and len(a) == len(b)
        and all(abs(x - y) <= _SNAP for x, y in zip(a, b, strict=True))
    )


# A line ending in a hyphen that follows a letter or digit, and the first word of the next line.
_HYPHEN_END_RE = re.compile(r"(?<=\w)-$")
_FIRST_WORD_RE = re.compile(r"(\w[^\s]*)\s+(?=\S)")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _mend_hyphens(pieces: list[_Piece]) -> list[_Piece]:
    """Words broken at a line end after a hyphen, made whole on the first line.

    Vietnamese is not hyphenated: a line that ends in "52-", "kinh tế-" or "Mác-" was broken
    after a hyphen of the text ("52-NQ/TW", "Mác-Lênin"), so the next line's first word moves up,
    hyphen kept. Only a foreign word split by hyphenation ("informa-" / "tion": neither part a
    Vietnamese syllable) loses its hyphen. "kinh tế - xã hội" (spaced dash) is left alone. The next
    line keeps the rest of its words, so every line keeps its place; a next line of one word is
    left as it is rather than emptied. Table rows are whole already (`_join_wrapped`).
    """
    out = list(pieces)
    for i in range(len(out) - 1):
        line, nxt = out[i], out[i + 1]
        m = _FIRST_WORD_RE.match(nxt.text)
        if not line.text or not m or line.table or nxt.table or not _HYPHEN_END_RE.search(line.text):
            continue
        word = m.group(1)
        left = line.text[:-1].rsplit(" ", 1)[-1]
        joined = line.text[:-1] + word if _hyphenated(left, word) else line.text + word
        out[i] = line._replace(text=joined)
        out[i + 1] = nxt._replace(text=nxt.text[m.end() :])
    return out


def _join_wrapped(lines: list[str]) -> str:
    """A table cell's lines as one: joined by a space, or, after a line ending in a hyphen, by
    nothing (the hyphen dropped only where hyphenation put it, as in `_mend_hyphens`)."""
    out = ""
    for line in lines:
        if out and _HYPHEN_END_RE.search(out):
            left = out[:-1].rsplit(" ", 1)[-1]
            out = (out[:-1] if _hyphenated(left, line.split(" ", 1)[0]) else out) + line
        else:
            out = f"{out} {line}" if out else line
    return out


def _hyphenated(left: str, right: str) -> bool:
    """Whether a hyphen between `left` and `right` was put there by hyphenation: both parts are
    bare letters, the second lowercase, and neither is a Vietnamese syllable on its own."""
    head = _LETTERS_RE.match(right)
    return (
        _LETTERS_RE.fullmatch(left) is not None
        and head is not None
        and right[:1].islower()
        and not _vietnamese(left)
        and not _vietnamese(head.group())
    )


def _vietnamese(word: str) -> bool:
    """A syllable that only Vietnamese writes: a letter beyond ASCII ('nghị', 'đề'); short ASCII
    syllables ('tin', 'con') cannot be told from English and count as foreign."""
    return any(c.isalpha() and not c.isascii() for c in word)
