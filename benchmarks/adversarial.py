#!/usr/bin/env python3
"""Adversarial benchmark: hostile text shapes at growing sizes, with their growth exponents.

Documents come from the web and from OCR, so any text can arrive. Each generator below makes one
shape that once made (or could make) a stage of extraction super-linear: backtracking patterns,
loops over pairs of spans, a whole text on one line. For each shape and size the benchmark times
`parse_text` (every text stage: clean, segment, identify, cite, classify, assign) on one document
whose body is that shape, and fits the growth exponent k of time ~ size^k over the largest sizes
(1 is linear). The real corpus (`../shared/corpus`, the bundled sample when absent) is timed in the
same run, so the seconds per MB of each shape can be read against ordinary text on the same machine.

    python benchmarks/adversarial.py                    # 16 KB .. 1 MB
    python benchmarks/adversarial.py --max-kb 256 --only numbers,titles
    python benchmarks/adversarial.py --json out.json

Goals (issue 14): every shape grows linearly (k <= 1.2) and costs <= 2 s per MB at the largest size.
A shape that runs past --cap seconds is stopped and reported as such (the run goes on).
"""

from __future__ import annotations

import argparse
import json
import math
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# -- generators: (size in bytes) -> body text of about that size -----------------------------------
_REAL_PARAGRAPH = (
    "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách "
    "chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư, Ban Thường vụ Tỉnh ủy giao Ban cán sự đảng "
    "UBND tỉnh chủ trì, phối hợp với các sở, ngành liên quan xây dựng kế hoạch, hoàn thành trước ngày "
    "30/6/2021; Sở Thông tin và Truyền thông tham mưu triển khai thực hiện trong quý III/2021. "
)


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    n = max(1, (size - len(head.encode()) - len(tail.encode())) // max(1, len(unit.encode())))
    return head + unit * n + tail


def _cycle(units: Callable[[int], str], size: int, head: str = "") -> str:
    out, total, i = [head], len(head.encode()), 0
    while total < size:
        u = units(i)
        out.append(u)
        total += len(u.encode())
        i += 1
    return "".join(out)


GENERATORS: dict[str, tuple[str, Callable[[int], str]]] = {
    "lead_words": (
        "deadline lead words, two whitespace characters each",
        lambda s: _repeat("trong \v", s, "hoàn thành ", "x"),
    ),
    "numbers": ("a list of numbers '1, 1, 1, …'", lambda s: _repeat("1, ", s, "Các Nghị quyết số ", "1.")),
    "so_va": ("'Nghị quyết số 1 và 1 và …'", lambda s: _repeat("1 và ", s, "Thực hiện Nghị quyết số ", "1.")),
    "titles": (
        "cited documents with titles, one after another",
        lambda s: _cycle(lambda i: f"Nghị quyết số {i + 1}-NQ/TW về việc phát triển du lịch, ", s, "Căn cứ "),
    ),
    "one_line": ("real text joined into one line", lambda s: _repeat(_REAL_PARAGRAPH, s)),
    "paragraphs": ("real text, one paragraph a line", lambda s: _repeat(_REAL_PARAGRAPH + "\n", s)),
    "cac": ("a head shared by 'các', repeated", lambda s: _repeat("các ", s, "Giao ", "sở chủ trì.")),
    "spaces": ("a whitespace run inside a line", lambda s: _repeat(" ", s, "Nghị quyết số", "52-NQ/TW")),
    "one_word": ("one word without spaces", lambda s: _repeat("a", s, "Giao ", ".")),
    "slashes": ("digits and slashes '1/1/1/…'", lambda s: _repeat("1/", s, "Số ", "NQ")),
    "dashes": ("digits and dashes '1-1-1-…'", lambda s: _repeat("1-", s, "Số ", "NQ/TU")),
    "dots": ("a run of dots", lambda s: _repeat(".", s, "Nghị quyết ", "")),
    "parens": ("nested parentheses", lambda s: _repeat("(", s, "Nghị quyết số 1 ", "") + ")" * 10),
    "quotes": ("unclosed quotes", lambda s: _repeat('"Đề án ', s, "Thực hiện ", "")),
    "headings": ("document headings, one a line", lambda s: _repeat("NGHỊ QUYẾT\n", s)),
    "symbols_lines": ("'Số N-NQ/TU' lines", lambda s: _cycle(lambda i: f"Số {i}-NQ/TU\n", s)),
    "bullets": ("empty bullets", lambda s: _repeat("- \n", s)),
    "articles": ("'Điều N.' lines", lambda s: _cycle(lambda i: f"Điều {i}. Giao Sở Nội vụ chủ trì.\n", s)),
    "dates": ("dates one after another", lambda s: _repeat("ngày 1 tháng 1 năm 2020 ", s, "Ban hành ", "")),
    "tasks": (
        "assigned tasks with deadlines, one a line",
        lambda s: _cycle(
            lambda i: f"{i}. Giao Sở Tài chính chủ trì thực hiện, hoàn thành trước ngày 30/6/2021.\n", s
        ),
    ),
    "bodies": (
        "bodies listed in one sentence",
        lambda s: _repeat("Sở Nội vụ, Sở Tài chính, UBND huyện Yên Thế, ", s, "Giao ", "chủ trì thực hiện."),
    ),
    "citing": (
        "'căn cứ' lines",
        lambda s: _cycle(lambda i: f"Căn cứ Quyết định số {i}/QĐ-UBND ngày 1/2/2020 của UBND tỉnh;\n", s),
    ),
}


def wrap(body: str) -> str:
    """One Party document around the body, the way a province's resolution looks."""
    return (
        "TỈNH ỦY BẮC GIANG\n*\nSố 12-NQ/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nBắc Giang, ngày 08 tháng 6 năm 2021\n\n"
        "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề phát triển du lịch\n\n"
        f"I- QUAN ĐIỂM, MỤC TIÊU\n\n{body}\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n(đã ký)\n\nNguyễn Văn An\n"
    )


# -- measuring ----------------------------------------------------------------------------------------
class Stopped(Exception):
    pass


def forget_texts() -> None:
    """Empty the loaders' bounded caches (what they remember of lines and phrases; the unbounded
    ones hold compiled tables and stay): each run parses the text cold, as an ingest meets it.
    Without this a text of fewer lines than a cache holds is answered from the run before, and
    small sizes look cheaper than large ones (a growth exponent of 1.5 for a linear shape)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("vbgraph.loaders."):
            continue
        for fn in vars(module).values():
            info = getattr(fn, "cache_info", None)
            if callable(info) and hasattr(fn, "cache_clear") and info().maxsize is not None:
                fn.cache_clear()


def timed(text: str, cap: float) -> float:
    """Seconds to parse `text` (best of two runs, of more when fast: the machine is noisy), or
    raise Stopped past `cap` for one run."""
    from vbgraph.loaders.parse import parse_text

    def stop(*_: object) -> None:
        raise Stopped

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    try:
        best, runs = math.inf, 0
        deadline = time.perf_counter() + 0.3  # repeat short runs to see past timer noise
        while True:
            forget_texts()
            signal.setitimer(signal.ITIMER_REAL, cap)
            t = time.perf_counter()
            parse_text(text, "adversarial.txt")
            best, runs = min(best, time.perf_counter() - t), runs + 1
            if runs >= 2 and time.perf_counter() > deadline:
                return best
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) on log(size) over the largest three sizes."""
    pts = [(math.log(s), math.log(t)) for s, t in points[-3:] if t > 0]
    if len(pts) < 2:
        return math.nan
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else math.nan


@dataclass
class Shape:
    name: str
    what: str
    points: list[tuple[int, float]] = field(default_factory=list)
    stopped_at: int | None = None
    k: float = math.nan
    s_per_mb: float = math.nan

    @property
    def ok(self) -> bool:
        return self.stopped_at is None and self.k <= 1.2 and self.s_per_mb <= 2.0


def run_shape(name: str, sizes: list[int], cap: float) -> Shape:
    what, gen = GENERATORS[name]
    shape = Shape(name, what)
    for size in sizes:
        text = wrap(gen(size))
        try:
            t = timed(text, cap)
        except Stopped:
            shape.stopped_at = size
            break
        shape.points.append((len(text.encode()), t))
    shape.k = exponent(shape.points)
    if shape.points:
        size, t = shape.points[-1]
        shape.s_per_mb = t / (size / 1e6)
    return shape


def real_corpus() -> tuple[str, float]:
    """Seconds per MB of the real texts, parsed the same way."""
    from vbgraph.loaders.parse import parse_text

    folder = SHARED / "corpus"
    files = sorted(folder.glob("*.txt")) + sorted((folder / "external").glob("*.txt"))
    if not files:
        files = sorted((ROOT / "sample").glob("*.txt"))
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    size = sum(len(t.encode()) for _, t in texts)
    t0 = time.perf_counter()
    for name, text in texts:
        parse_text(text, name)
    return f"{len(files)} files, {size / 1e6:.2f} MB", (time.perf_counter() - t0) / (size / 1e6)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-kb", type=int, default=16)
    ap.add_argument("--max-kb", type=int, default=1024)
    ap.add_argument("--cap", type=float, default=60.0, help="seconds before a size is stopped")
    ap.add_argument("--only", help="comma-separated shape names: " + ", ".join(GENERATORS))
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else list(GENERATORS)
    unknown = [n for n in names if n not in GENERATORS]
    if unknown:
        ap.error(f"unknown shape(s): {', '.join(unknown)}")
    sizes, kb = [], args.min_kb
    while kb <= args.max_kb:
        sizes.append(kb * 1024)
        kb *= 2

    corpus, corpus_s_per_mb = real_corpus()
    print(f"real corpus ({corpus}): {corpus_s_per_mb:.2f} s/MB", file=sys.stderr)
    shapes = []
    for name in names:
        shape = run_shape(name, sizes, args.cap)
        shapes.append(shape)
        print(f"  {name}: k={shape.k:.2f} {shape.s_per_mb:.2f} s/MB", file=sys.stderr)

    print("| shape | what | largest KB | s | s/MB | × real corpus | growth k | ok |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    print(f"| (real corpus) | {corpus} | | | {corpus_s_per_mb:.2f} | 1.00 | | |")
    for s in shapes:
        size, t = s.points[-1] if s.points else (0, math.nan)
        note = f" (stopped past {args.cap:.0f} s at {s.stopped_at // 1024} KB)" if s.stopped_at else ""
        print(
            f"| {s.name} | {s.what}{note} | {size // 1024} | {t:.3f} | {s.s_per_mb:.2f} | "
            f"{s.s_per_mb / corpus_s_per_mb:.2f} | {s.k:.2f} | {'yes' if s.ok else 'NO'} |"
        )
    if args.json:
        args.json.write_text(
            json.dumps({"corpus_s_per_mb": corpus_s_per_mb, "shapes": [asdict(s) for s in shapes]}, indent=1)
        )
    return 0 if all(s.ok for s in shapes) else 1


if __name__ == "__main__":
    sys.exit(main())
