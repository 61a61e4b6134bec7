"""The read stage: any supported file -> `Source` (text lines and where each came from).

One table says which suffix goes to which reader; the file's first bytes overrule a suffix that
lies (a PDF saved as .doc, a .docx named .doc, a page saved as .txt), because researchers rename
downloads. Every failure is an `UnreadableFile` naming the file and the reason.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from vbgraph.errors import UnreadableFile
from vbgraph.loaders.sources import Source

# suffix -> reader name; README "Supported files" lists the same
READERS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".odt": "doc",  # OpenDocument and RTF: converted by LibreOffice as a .doc is
    ".rtf": "doc",
    ".html": "html",
    ".htm": "html",
    # scans delivered as images: read by OCR with --ocr (loaders/read_pdf.py)
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
}


def supported() -> str:
    """'.txt, .md, …; with --ocr .png, …' for messages."""
    images = [s for s, kind in READERS.items() if kind == "image"]
    return ", ".join(s for s in READERS if s not in images) + "; with --ocr " + ", ".join(images)


def reader_for(path: Path, head: bytes) -> str | None:
    """The reader of a file by its first bytes, else by its suffix; None: not a supported type."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() in (".docx", ".doc", ".odt"):
        return "doc" if b"vnd.oasis" in head else "docx"  # an OpenDocument text, whatever its name
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.suffix.lower() in (".doc", ".docx"):
        return "doc"  # the OLE2 container of Word 97-2003
    kind = READERS.get(path.suffix.lower())
    if path.suffix.lower() in (".doc", ".rtf") and not head.startswith(b"{\\rtf"):
        kind = "text"  # neither Word's container nor RTF: a page or a text named .doc, or no text
    if kind == "text" and head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return kind


def read_source(path: Path, *, ocr: bool = False) -> Source:
    """Read one file. Raises UnreadableFile with a one-line reason. The text holds no NUL character
    (removed with a warning: NUL is never text; loaders/encodings.py refuses a binary file)."""
    return _without_nul(_legacy_letters(_read(path, ocr)))


def _legacy_letters(src: Source) -> Source:
    """A Word file, a page or a PDF whose text still holds a legacy font's letters (TCVN3 or VNI
    typed into Unicode runs, a .VnTime page read as Windows-1252) or mojibake, read as the text
    reader reads a .txt: the same check, so no format is left with 'uû ban nh©n d©n'. Line for
    line, so every place stays right."""
    if src.format == "text":
        return src
    from vbgraph.loaders.encodings import repair_letters

    found = repair_letters(src.text)
    if found is None:
        return src
    text, note = found
    return replace(src, text=text, warnings=(*src.warnings, note))


def _without_nul(src: Source) -> Source:
    from vbgraph.loaders.encodings import without_nul

    text, note = without_nul(src.text)
    return replace(src, text=text, warnings=(*src.warnings, *note)) if note else src


def _read(path: Path, ocr: bool) -> Source:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UnreadableFile(str(path), f"cannot be read ({e.strerror or e})") from e
    if not data.strip():
        raise UnreadableFile(str(path), "empty file")
    kind = reader_for(path, data[:64])
    if kind is None:
        raise UnreadableFile(
            str(path), f"unsupported file type {path.suffix or '(no suffix)'}; vbgraph reads {supported()}"
        )
    if kind == "text":
        return _read_text(path, data)
    if kind == "pdf":
        from vbgraph.loaders.read_pdf import read_pdf

        return read_pdf(path, ocr=ocr)
    if kind == "image":
        from vbgraph.loaders.read_pdf import read_image

        return read_image(path, ocr=ocr)
    if kind == "docx":
        from vbgraph.loaders.read_docx import read_docx

        return read_docx(path)
    if kind == "doc":
        from vbgraph.loaders.read_docx import read_doc

        return read_doc(path)
    from vbgraph.loaders.encodings import BINARY, looks_binary
    from vbgraph.loaders.read_html import read_html

    if looks_binary(data):
        raise UnreadableFile(str(path), BINARY)
    return read_html(path, data)


def _read_text(path: Path, data: bytes) -> Source:
    from vbgraph.loaders.encodings import decode

    decoded = decode(data, str(path))
    if not decoded.text.strip():
        raise UnreadableFile(str(path), "empty file")
    return Source(text=decoded.text, format="text", encoding=decoded.encoding, warnings=decoded.warnings)


# -- which files a command line names ---------------------------------------------------------------


@dataclass
class Collected:
    """The files to read, and every other path with the reason it is not read."""

    files: list[Path] = field(default_factory=list)
    # file -> the name its records and evidence carry: its path inside the folder given ('a/x.txt'),
    # or its own name when given alone; two files never share one
    names: dict[Path, str] = field(default_factory=dict)
    # file -> its real path (links followed): a file given twice is read once, and the store keeps
    # where it was read from; worked out once, from its folder's when the file is no link itself
    real: dict[Path, str] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # inside folders: (path, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # named on the command line: (path, reason)


def _not_regular(path: Path) -> str | None:
    """Why a path that exists is no regular file (a FIFO would block a reader forever)."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return f"cannot be read ({e.strerror or e})"
    for test, what in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    ):
        if test(mode):
            return f"not a regular file ({what})"
    return None if stat.S_ISREG(mode) else "not a regular file"


_IMAGE_WITHOUT_OCR = "an image (a scan?): pass --ocr to recognise it"


def _why_not(path: Path, ocr: bool) -> str | None:
    """Why a file inside a folder is not read, or None when it is. An image is read only with
    `ocr` (a folder's logos and photos are no reason to fail; named alone, an image fails with
    the reason)."""
    name = path.name
    if name.startswith("."):
        return "hidden file"
    if name.startswith("~$"):
        return "a lock file of Word"
    if path.is_symlink() and not path.exists():
        return "broken symbolic link"
    why = _not_regular(path)
    if why:
        return why
    if path.suffix.lower() not in READERS:
        return f"unsupported type {path.suffix.lower() or '(no suffix)'}"
    if READERS[path.suffix.lower()] == "image" and not ocr:
        return _IMAGE_WITHOUT_OCR
    return None


def collect(paths: Iterable[str | Path], *, ocr: bool = False) -> Collected:
    """Files to read from files and folders (recursive, sorted), nothing skipped in silence: hidden
    files and folders, unsupported types, FIFOs, broken links, symbolic-link loops and (without
    `ocr`) images are listed with their reason. A file named on the command line that cannot be
    read is a failure."""
    out = Collected()
    for p in map(Path, paths):
        if _bad_name(p):
            out.failed.append((str(p), _BAD_NAME))
        elif p.is_dir():
            _walk(p, out, ocr)
        elif p.is_symlink() and not p.exists():
            out.failed.append((str(p), "broken symbolic link"))
        elif not p.exists():
            out.failed.append((str(p), "no such file or folder"))
        elif why := _not_regular(p):
            out.failed.append((str(p), why))
        elif p.suffix.lower() not in READERS:
            out.failed.append(
                (
                    str(p),
                    f"unsupported file type {p.suffix.lower() or '(no suffix)'}; vbgraph reads {supported()}",
                )
            )
        else:
            out.files.append(p)
            out.names[p] = p.name
            out.real[p] = os.path.realpath(p)
    seen: set[str] = set()
    uniq = []
    for f in out.files:
        r = out.real[f]
        if r not in seen:
            seen.add(r)
            uniq.append(f)
    out.files = uniq
    _distinct_names(out)
    return out


_BAD_NAME = "its name is not valid UTF-8; rename the file"


def _bad_name(p: Path) -> bool:
    """A name the file system holds in another encoding: Python keeps its bytes as lone
    surrogates, which no store, JSON or terminal can write."""
    try:
        str(p).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _walk(root: Path, out: Collected, ocr: bool) -> None:
    visited: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited:
            out.skipped.append((dirpath, "symbolic-link loop (a folder already read)"))
            dirnames[:] = []
            continue
        visited.add(real)
        for d in sorted(dirnames):
            if d.startswith("."):
                out.skipped.append((os.path.join(dirpath, d), "hidden folder"))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            f = Path(dirpath) / name
            why = _why_not(f, ocr)
            if _bad_name(f):  # a file meant to be read: a failure, not a skip
                out.failed.append((str(f), _BAD_NAME))
            elif why:
                out.skipped.append((str(f), why))
            else:
                out.files.append(f)
                out.names[f] = f.relative_to(root).as_posix()
                out.real[f] = os.path.realpath(f) if os.path.islink(f) else os.path.join(real, name)


def _distinct_names(out: Collected) -> None:
    """Two different files under one name ('x.txt' given from two folders) keep their paths as
    given, so neither replaces the other in the store."""
    by_name: dict[str, list[Path]] = {}
    for f in out.files:
        by_name.setdefault(out.names[f], []).append(f)
    for files in by_name.values():
        if len(files) > 1:
            for f in files:
                out.names[f] = f.as_posix()
