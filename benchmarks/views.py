#!/usr/bin/env python3
"""HTML view benchmark: building a large view and drawing it in headless Chromium.

For one selection of a store (by default the central documents and what implements them,
`--jurisdiction 'Trung ương' --relations THUC_HIEN`: about 2,000 nodes at 10,000 documents, too
many to draw at 100,000; `--near-nodes N` takes instead the jurisdiction whose selection is
nearest N nodes, a province at 100,000), it measures three pages, each inlined and with shared
assets:

- nodes: every node drawn (the hierarchical grid computed in Python, physics off);
- overview: one box per jurisdiction and level, opened in the page;
- physics (with --physics only): the force layout left to vis-network's physics, as every large
  tree or force view was drawn before (minutes at 2,000 nodes);
- neighbourhood: a small view (the first document of the selection, depth 2, every relation),
  where vis-network is most of an inlined page.

    python benchmarks/views.py --store /tmp/views10k
    python benchmarks/views.py --docs 10000 --workdir /tmp/scale --jobs 2   # generate, ingest
    python benchmarks/views.py --store STORE --ref 1-NQ/TW@2017 --depth 3 --relations ''
    python benchmarks/views.py --store /tmp/views10k --physics --baseline HEAD
    python benchmarks/views.py --store /tmp/scale/store-100000 --near-nodes 2000 --relations THUC_HIEN

The figures, one row per page:

- select s: the selection from the store's indexes (`build_view_in_store`), median of --repeat;
- render s: the page as text (`render_html`), median of --repeat;
- page MB inline / shared: the page with vis-network inlined, and without it (its shared copy,
  written once into `vbgraph-assets/`, is given in the notes);
- stable ms inline / shared: in Chromium, the time from navigation start until the page says
  it is drawn and stable (`data-vb-stable`, set on vis-network's first drawing when the physics
  is off, after `stabilizationIterationsDone` otherwise), median of --repeat;
- wall s over blank: the whole `chromium --headless` run (start, load, draw, exit) less the same
  run on a blank page, measured in the same session (median of --repeat each). This is the
  figure to compare: the page's own clock runs on headless Chromium's virtual time, which agrees
  with the wall for a page drawn at once but falls far behind it while vis-network's physics
  works through its timers.

With --baseline GIT_REF the nodes and neighbourhood pages are also made by that ref's package
(`git archive`, imported in a child process; read-only for the repository) and timed in the
same run: the figures before and after a change, side by side.

Chromium runs with every host mapped to nothing (no network) and a probe script added at the top
of a copy of the page, as tests/test_browser.py does; the probe takes the page's scripts out of
the DOM once it has measured, so that the size of `--dump-dom` does not weigh on the wall time.
Nothing here asserts on time. These machines are noisy: compare figures of one run.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import measure  # benchmarks/measure.py, beside this script

HERE = Path(__file__).resolve().parent
PROBE = r"""<script>
(function () {
  function done(out) {
    Array.prototype.slice.call(document.querySelectorAll("script, style")).forEach(function (s) { s.remove(); });
    var pre = document.createElement("pre");
    pre.id = "vb-bench";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }
  window.addEventListener("load", function () {
    var loaded = performance.now(), started = Date.now();
    (function wait() {
      var root = document.documentElement;
      if (!document.getElementById("vb-network")) return done({ stableMs: loaded });
      if (root.getAttribute("data-vb-stable")) return done({ stableMs: window.__vbStable || performance.now() });
      if (Date.now() - started > %TIMEOUT%) return done({ stableMs: null });
      setTimeout(wait, 20);
    }());
  });
  new MutationObserver(function () {
    if (!window.__vbStable && document.documentElement.getAttribute("data-vb-stable")) {
      window.__vbStable = performance.now();
    }
  }).observe(document.documentElement, { attributes: true });
}());
</script>"""
BLANK = '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>blank</title>\n</head>\n<body></body>\n</html>\n'


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median_time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of `repeat` calls, and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def chromium() -> str:
    found = os.environ.get("VBGRAPH_CHROMIUM") or next(
        (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None
    )
    if not found:
        raise SystemExit("chromium not found: scripts/install-chromium")
    return found


def open_page(browser: str, page: Path, work: Path, timeout_s: int) -> tuple[float, float | None]:
    """(wall seconds of the chromium run, ms from navigation start to stable) for `page`, opened
    through a copy with the probe, written beside it (so that shared assets resolve)."""
    text = page.read_text("utf-8")
    probed = page.with_name(f"probed-{page.name}")
    probe = PROBE.replace("%TIMEOUT%", str(timeout_s * 1000))
    probed.write_text(text.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{probe}', 1), "utf-8")
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        "--window-size=1400,860",
        f"--virtual-time-budget={(timeout_s + 30) * 1000}",
        "--dump-dom",
        probed.as_uri(),
    ]
    try:
        t = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s + 120)
        wall = time.perf_counter() - t
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        probed.unlink(missing_ok=True)
    m = re.search(r'<pre id="vb-bench">(.*?)</pre>', done.stdout, re.S)
    if not m:
        raise SystemExit(
            f"the probe wrote nothing for {page} (exit {done.returncode}):\n{done.stderr[-2000:]}"
        )
    stable = json.loads(m.group(1).replace("&quot;", '"'))["stableMs"]
    return wall, stable


def measure_browser(browser: str, page: Path, work: Path, repeat: int, timeout_s: int) -> dict[str, Any]:
    runs = [open_page(browser, page, work, timeout_s) for _ in range(repeat)]
    stable = [s for _, s in runs if s is not None]
    return {
        "wall_s": statistics.median(w for w, _ in runs),
        "stable_ms": statistics.median(stable) if len(stable) == len(runs) else None,
    }


@contextlib.contextmanager
def as_before(html_view: Any) -> Any:
    """No view large enough to be placed in advance: tree and force left to the physics."""
    large = html_view.LARGE_VIEW_NODES
    html_view.LARGE_VIEW_NODES = 10**9
    try:
        yield
    finally:
        html_view.LARGE_VIEW_NODES = large


def prepare_store(args: argparse.Namespace) -> Path:
    """The store to read: --store, or a synthetic corpus of --docs documents ingested into --workdir."""
    if args.store:
        return args.store
    workdir = args.workdir
    corpus = workdir / f"corpus-{args.docs}-seed{args.seed}"
    if not corpus.is_dir() or not any(corpus.glob("*.txt")):
        log(f"generating {args.docs} documents into {corpus}")
        measure.load("synthetic").generate(args.docs, corpus, args.seed)
    store = workdir / f"views-store-{args.docs}-seed{args.seed}"
    if not store.is_dir():
        log(f"ingesting {corpus} into {store}")
        vbgraph = shutil.which("vbgraph", path=str(Path(sys.executable).parent)) or "vbgraph"
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        subprocess.run([vbgraph, "ingest", str(corpus), "--store", str(store), "-q", *jobs], check=True)
    return store


BASELINE = r"""
import json, sys, time
from vbgraph.exports.html_view import render_html
from vbgraph.graph.store import Store
from vbgraph.queries.view import build_view_in_store

store, ref, selection, out = sys.argv[1], sys.argv[2] or None, json.loads(sys.argv[3]), sys.argv[4]
figures = {}
t = time.perf_counter()
view = build_view_in_store(Store(store), ref, max_nodes=10**9, **selection)
select_s = time.perf_counter() - t
for name, v in (("nodes", view), ("neighbourhood", build_view_in_store(Store(store), view.nodes[0], depth=2))):
    t = time.perf_counter()
    page = render_html(v)
    figures[name] = {"select_s": select_s if name == "nodes" else None, "render_s": time.perf_counter() - t,
                     "nodes": len(v.nodes), "edges": len(v.edges), "drawn": v.layout}
    open(f"{out}/{name}.html", "w", encoding="utf-8").write(page)
print(json.dumps(figures))
"""


@dataclass
class Run:
    """What one run measures with: the browser, a scratch folder, the blank page's wall time."""

    browser: str
    work: Path
    repeat: int
    timeout: int
    blank_s: float = 0.0

    def time_page(self, path: Path, repeat: int | None = None) -> dict[str, Any]:
        timed = measure_browser(self.browser, path, self.work, repeat or self.repeat, self.timeout)
        return {"stable_ms": timed["stable_ms"], "wall_over_blank_s": timed["wall_s"] - self.blank_s}


def measure_view(run: Run, name: str, view: Any, select_s: float, physics: bool = False) -> dict[str, Any]:
    """A row: the page's build time and sizes, and Chromium's time, inlined and shared."""
    from vbgraph.exports import html_view

    with as_before(html_view) if physics else contextlib.nullcontext():
        render_s, page = median_time(lambda: html_view.render_html(view), run.repeat)
        shared = html_view.render_html(view, "shared")
        drawn = "force (physics)" if physics else html_view.drawn_layout(view)
    row: dict[str, Any] = {
        "page": name,
        "nodes": len(view.nodes),
        "edges": len(view.edges),
        "drawn": drawn,
        "select_s": select_s,
        "render_s": render_s,
        "inline_mb": len(page.encode()) / 1e6,
        "shared_mb": len(shared.encode()) / 1e6,
    }
    for assets, text in (("inline", page), ("shared", shared)):
        folder = run.work / assets
        folder.mkdir(exist_ok=True)
        if assets == "shared":
            html_view.write_assets(folder / html_view.ASSET_DIR)
        path = folder / f"{name}.html"
        path.write_text(text, "utf-8")
        for key, value in run.time_page(path, 1 if physics else None).items():
            row[f"{key}_{assets}"] = value
    log(f"{name}: {json.dumps(row)}")
    return row


def measure_baseline(run: Run, git_ref: str, store: Path, ref: str | None, selection: dict) -> list[dict]:
    """Rows for the nodes and neighbourhood pages as `git_ref` made them (inlined, as it could only
    do), in this run: its package from `git archive`, run in a child process."""
    src = run.work / "baseline"
    (src / "vbgraph").mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(HERE.parent), "archive", git_ref], capture_output=True, check=True
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(src / "vbgraph", filter="data")
    out = run.work / "baseline-pages"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", BASELINE, str(store), ref or "", json.dumps(selection), str(out)],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for name, figures in json.loads(done.stdout).items():
        path = out / f"{name}.html"
        row = {
            "page": f"{name} ({git_ref})",
            **figures,
            "inline_mb": path.stat().st_size / 1e6,
            "shared_mb": None,
        }
        row.update({f"{k}_inline": v for k, v in run.time_page(path).items()})
        row.update({"stable_ms_shared": None, "wall_over_blank_s_shared": None})
        log(f"{row['page']}: {json.dumps(row)}")
        rows.append(row)
    return rows


def jurisdiction_near(store: Any, nodes: int, relations: str | None = "THUC_HIEN") -> tuple[str, int]:
    """The jurisdiction whose selection (`--jurisdiction J --relations R`, no REF) has the number
    of nodes nearest `nodes`, and that number: every jurisdiction of the store is counted, by the
    selection alone (the nodes are not read)."""
    from vbgraph.queries.view import ViewError, ViewTooLarge, build_view_in_store

    sizes: dict[str, int] = {}
    for jurisdiction in sorted({str(v) for v in store.values_of("Document", "jurisdiction") if v}):
        try:
            build_view_in_store(store, None, relations=relations, jurisdiction=jurisdiction, max_nodes=0)
        except ViewTooLarge as e:
            sizes[jurisdiction] = e.count
        except ViewError:
            continue  # nothing to draw there
    if not sizes:
        raise SystemExit(f"{store.dir}: no jurisdiction has a view with relations {relations!r}")
    best = min(sizes, key=lambda j: (abs(sizes[j] - nodes), j))
    return best, sizes[best]


PAGES = ("nodes", "overview", "neighbourhood")


def bench(args: argparse.Namespace) -> dict[str, Any]:
    from vbgraph.graph.store import Store

    path = prepare_store(args)
    jurisdiction = args.jurisdiction or None
    if args.near_nodes:
        jurisdiction, count = jurisdiction_near(Store(path), args.near_nodes, args.relations or None)
        log(f"jurisdiction {jurisdiction!r}: {count} nodes, the nearest {args.near_nodes}")
    selection = {"depth": args.depth, "relations": args.relations or None, "jurisdiction": jurisdiction}
    return bench_store(
        path,
        selection,
        args.ref,
        repeat=args.repeat,
        timeout=args.timeout,
        physics=args.physics,
        baseline=args.baseline,
    )


def bench_store(
    path: Path,
    selection: dict[str, Any],
    ref: str | None = None,
    *,
    repeat: int = 3,
    timeout: int = 300,
    pages: tuple[str, ...] = PAGES,
    physics: bool = False,
    baseline: str | None = None,
) -> dict[str, Any]:
    """The figures of `pages` (of PAGES; the physics and `baseline` rows on request) for one
    selection of the store at `path`, with the blank page's time, as `markdown` prints them."""
    from vbgraph.exports import html_view
    from vbgraph.graph.store import Store
    from vbgraph.queries.view import OVERVIEW_MAX_NODES, build_view_in_store

    store = Store(path)
    run = Run(chromium(), Path(tempfile.mkdtemp(prefix="vbgraph-views-")), repeat, timeout)
    try:
        blank = run.work / "blank.html"
        blank.write_text(BLANK, "utf-8")
        run.blank_s = measure_browser(run.browser, blank, run.work, repeat, timeout)["wall_s"]
        log(f"blank page: {run.blank_s:.2f} s")

        def select(ref: str | None, **options: Any) -> tuple[float, Any]:
            return median_time(lambda: build_view_in_store(store, ref, **options), repeat)

        big = {**selection, "max_nodes": OVERVIEW_MAX_NODES}
        select_s, view = select(ref, **big, overview=False)
        rows = [measure_view(run, "nodes", view, select_s)] if "nodes" in pages else []
        if "overview" in pages:
            rows.append(measure_view(run, "overview", *reversed(select(ref, **big, overview=True))))
        if physics:
            rows.append(
                measure_view(
                    run,
                    "physics",
                    dataclasses.replace(view, layout="force"),
                    select_s,
                    physics=True,
                )
            )
        if "neighbourhood" in pages:
            rows.append(measure_view(run, "neighbourhood", *reversed(select(view.nodes[0], depth=2))))
        if baseline:
            rows += measure_baseline(run, baseline, store.dir, ref, selection)
        return {
            "store": str(store.dir),
            "documents": store.counts()["documents"],
            "ref": ref,
            "selection": selection,
            "blank_wall_s": run.blank_s,
            "shared_assets_mb": sum(len(t.encode()) for t in html_view.shared_assets().values()) / 1e6,
            "rows": rows,
        }
    finally:
        shutil.rmtree(run.work, ignore_errors=True)


def fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def markdown(result: dict[str, Any]) -> str:
    head = (
        "| page | nodes | edges | drawn as | select s | render s | page MB inline / shared "
        "| stable ms inline / shared | wall s over blank inline / shared |\n"
        "|---|---:|---:|---|---:|---:|---:|---:|---:|\n"
    )
    lines = [
        f"| {r['page']} | {fmt(r['nodes'])} | {fmt(r['edges'])} | {r['drawn']} | {fmt(r['select_s'])} "
        f"| {fmt(r['render_s'])} | {fmt(r['inline_mb'])} / {fmt(r['shared_mb'])} "
        f"| {fmt(r['stable_ms_inline'], 0)} / {fmt(r['stable_ms_shared'], 0)} "
        f"| {fmt(r['wall_over_blank_s_inline'])} / {fmt(r['wall_over_blank_s_shared'])} |"
        for r in result["rows"]
    ]
    ref = f", ref {result['ref']}" if result["ref"] else ""
    notes = (
        f"\n{fmt(result['documents'])} documents in {result['store']}; selection {result['selection']}{ref}; "
        f"blank page {fmt(result['blank_wall_s'])} s; shared vis-network {fmt(result['shared_assets_mb'])} MB, "
        "once per folder."
    )
    return head + "\n".join(lines) + notes


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--store", type=Path, help="An existing store (only read).")
    ap.add_argument("--docs", type=int, default=10_000, help="Without --store: documents to generate.")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "vbgraph-views")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, help="Passed to `vbgraph ingest --jobs`.")
    ap.add_argument("--ref", help="A document id to centre the view on (default: none).")
    ap.add_argument("--depth", type=int, default=2)
    ap.add_argument("--jurisdiction", default="Trung ương")
    ap.add_argument(
        "--near-nodes",
        type=int,
        metavar="N",
        help="Instead of --jurisdiction: the jurisdiction whose view is nearest N nodes.",
    )
    ap.add_argument("--relations", default="THUC_HIEN", help="'' for every relation type.")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=int, default=300, help="Seconds a page may take to be stable.")
    ap.add_argument("--physics", action="store_true", help="Also time the force layout with physics.")
    ap.add_argument("--baseline", metavar="GIT_REF", help="Also time the pages a git ref made (e.g. HEAD).")
    ap.add_argument("--json", type=Path, dest="json_out", metavar="OUT", help="Also write the figures here.")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.store:
        args.workdir.mkdir(parents=True, exist_ok=True)
    result = bench(args)
    print(markdown(result))
    if args.json_out:
        args.json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
