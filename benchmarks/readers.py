#!/usr/bin/env python3
"""Readers benchmark: the same text read from .txt, .docx, .html and .pdf, in the same run.

The bundled Bắc Giang compilation (sample/003_*.txt, 4,700 lines) is written as a Word file
(python-docx), a web page (menus and footer around the article) and a PDF (reportlab, DejaVu
Sans); each is then read (`read_source`) and read + parsed (`parse`), best of --repeat. Times are
printed as ratios to the plain text read in the same run: these machines are noisy. With --ocr,
one page rendered as an image is also recognised (Tesseract vie) and compared with reading the
same page from its text layer.

    python benchmarks/readers.py
    python benchmarks/readers.py --repeat 3 --ocr
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _paragraphs(text: str) -> list[str]:
    return [p.replace("\n", " ").strip() for p in text.split("\n\n") if p.strip()]


def write_docx(text: str, path: Path) -> None:
    import docx

    d = docx.Document()
    for p in _paragraphs(text):
        d.add_paragraph(p.replace("\t", " "))
    d.save(str(path))


def write_html(text: str, path: Path) -> None:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(text))
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><nav><a href='/'>Trang chủ"
        f"</a></nav><article>{body}</article><footer>Bản quyền</footer></body></html>",
        encoding="utf-8",
    )


def write_pdf(text: str, path: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    style = ParagraphStyle("p", fontName="DejaVu", fontSize=11, leading=14, spaceAfter=8)
    story = [Paragraph(html.escape(p.replace("\t", " ")), style) for p in _paragraphs(text)]
    SimpleDocTemplate(str(path), pagesize=(595, 842)).build(story)


def best(fn: Callable[[], object], repeat: int) -> float:
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        dt = time.perf_counter() - t
        out = dt if out is None else min(out, dt)
    return out or 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--ocr", action="store_true", help="also time OCR of one page against its text layer")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from vbgraph.loaders.parse import parse
    from vbgraph.loaders.read import read_source

    sample = next((ROOT / "sample").glob("003_*.txt"))
    text = sample.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        files = {"txt": sample}
        for kind, writer in (("docx", write_docx), ("html", write_html), ("pdf", write_pdf)):
            files[kind] = Path(tmp) / f"sample.{kind}"
            writer(text, files[kind])
        rows = []
        for kind, f in files.items():
            read = best(lambda f=f: read_source(f), args.repeat)
            full = best(lambda f=f: parse(f), args.repeat)
            rows.append((kind, f.stat().st_size, read, full))
        base_read, base_full = rows[0][2], rows[0][3]
        print(f"{sample.name}: {len(text.splitlines())} lines; best of {args.repeat}")
        print("| file | size | read (s) | read ratio | read + parse (s) | ratio |")
        print("|---|---|---|---|---|---|")
        for kind, size, read, full in rows:
            print(
                f"| .{kind} | {size / 1e6:.2f} MB | {read:.2f} | {read / base_read:.1f} | {full:.2f} | "
                f"{full / base_full:.2f} |"
            )
        if args.ocr:
            _ocr(Path(tmp), args.repeat)
    return 0


def _ocr(tmp: Path, repeat: int) -> None:
    """One A4 page as text layer and as a 300 dpi scan of itself."""
    import pypdfium2 as pdfium

    from vbgraph.loaders.read import read_source

    text_pdf = tmp / "sample.pdf"
    page = pdfium.PdfDocument(str(text_pdf))[0]
    image = page.render(scale=300 / 72).to_pil().convert("L")
    one = tmp / "page.pdf"
    doc = pdfium.PdfDocument.new()
    doc.import_pages(pdfium.PdfDocument(str(text_pdf)), [0])
    doc.save(str(one))
    scan = tmp / "scan.pdf"
    image.save(str(scan), "PDF", resolution=300)
    layer = best(lambda: read_source(one), repeat)
    ocr = best(lambda: read_source(scan, ocr=True), repeat)
    print(f"\none page: text layer {layer:.3f} s, OCR {ocr:.2f} s (ratio {ocr / layer:.0f})")


if __name__ == "__main__":
    raise SystemExit(main())
