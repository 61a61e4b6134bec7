#!/usr/bin/env python3
"""Extraction benchmark: this working tree against a baseline git ref, in the same run.

For each side it ingests the texts (default: the bundled sample) into a fresh store, times it
(best of --repeat runs), and lists the relations and obligations per document; then it prints
the time ratio and what each document gained or lost (like eyecite's benchmark.py).

    python benchmarks/extraction.py --baseline HEAD~5
    python benchmarks/extraction.py --baseline main --texts ../shared/corpus

The baseline is checked out with `git worktree` into a temporary folder and imported from there,
so nothing is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import json, sys, time, tempfile, tracemalloc
from pathlib import Path
from vbgraph.graph.store import Store
files = sorted(p for a in sys.argv[2:] for p in (Path(a).rglob('*.txt') if Path(a).is_dir() else [Path(a)]))
best, G = None, None
for _ in range(int(sys.argv[1])):
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        s = Store(d); s.ingest(files); G = s.graph
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
tracemalloc.start()
with tempfile.TemporaryDirectory() as d:
    Store(d).ingest(files)
peak = tracemalloc.get_traced_memory()[1]
rels, obls = {}, {}
for s_, t_, k in G.edges(keys=True):
    if G.nodes[s_].get("kind") == "Document" and G.nodes[t_].get("kind") == "Document":
        rels.setdefault(s_, []).append(f"{k} {t_}")
    if k == "GIAO_CHO":
        doc = G.nodes[s_]["document"]
        obls.setdefault(doc, []).append(f"{G.edges[s_, t_, k]['vai_tro']} {G.nodes[t_]['name']}")
print(json.dumps({"seconds": best, "peak_bytes": peak, "relations": {k: sorted(set(v)) for k, v in rels.items()},
                  "obligations": {k: sorted(set(v)) for k, v in obls.items()}}))
"""


def run_side(pkg_root: Path, texts: list[str], repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as d:
        link = Path(d) / "vbgraph"
        link.symlink_to(pkg_root, target_is_directory=True)
        env = {**os.environ, "PYTHONPATH": d}
        out = subprocess.run([sys.executable, "-c", WORKER, str(repeat), *texts], env=env, check=True,
                             capture_output=True, text=True, cwd=d)
    return json.loads(out.stdout)


def diff(base: dict, new: dict, key: str) -> tuple[int, int, list[str]]:
    gained = lost = 0
    lines = []
    for doc in sorted(set(base[key]) | set(new[key])):
        b, n = set(base[key].get(doc, [])), set(new[key].get(doc, []))
        if b != n:
            gained += len(n - b)
            lost += len(b - n)
            lines.append(f"  {doc}: +{len(n - b)} -{len(b - n)}")
            lines += [f"      + {x}" for x in sorted(n - b)[:5]] + [f"      - {x}" for x in sorted(b - n)[:5]]
    return gained, lost, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default="HEAD", help="git ref to compare with (default HEAD)")
    ap.add_argument("--texts", nargs="*", default=[str(ROOT / "sample")])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as wt:
        tree = Path(wt) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.baseline],
                       check=True, capture_output=True)
        try:
            base = run_side(tree, args.texts, args.repeat)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    new = run_side(ROOT, args.texts, args.repeat)
    print(f"baseline {args.baseline}: {base['seconds']:.2f} s, peak {base['peak_bytes'] / 1e6:.1f} MB")
    print(f"working tree: {new['seconds']:.2f} s, peak {new['peak_bytes'] / 1e6:.1f} MB")
    print(f"time ratio (working tree / baseline): {new['seconds'] / base['seconds']:.2f}")
    print(f"memory ratio (working tree / baseline): {new['peak_bytes'] / base['peak_bytes']:.2f}")
    for key in ("relations", "obligations"):
        g, lo, lines = diff(base, new, key)
        print(f"{key}: +{g} -{lo} against the baseline")
        print("\n".join(lines[:60]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
