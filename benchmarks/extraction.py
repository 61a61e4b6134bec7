#!/usr/bin/env python3
"""Extraction benchmark: this working tree against a baseline git ref, in the same run.

For each dev set (the Bắc Giang compilation scored by `dev.json`, and the external texts from
other provinces and levels scored by `external-dev.json`) and for each side (baseline, working
tree), it ingests the texts into a fresh store, exports the JSON graph and scores it with the
shared yardstick (`../shared/eval/score.py`), file by file. It prints what each file gained or
lost, the totals, and the time per MB of text of both runs (best of --repeat), with their ratio:
these machines are noisy, so only the ratio measured in the same run means anything.

    python benchmarks/extraction.py --baseline HEAD~5
    python benchmarks/extraction.py --baseline 49aa370 --repeat 3

The baseline is checked out with `git worktree` into a temporary folder and imported from there,
so nothing is installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "dev": (SHARED / "corpus", "*.txt", SHARED / "gold" / "dev.json"),
    "external": (SHARED / "corpus" / "external", "*.txt", SHARED / "gold" / "external-dev.json"),
}

WORKER = r"""
import json, sys, time, tempfile
from pathlib import Path
from vbgraph.graph.store import Store
from vbgraph.exports.json_export import generate
files = [Path(p) for p in sys.argv[2:]]
best, G = None, None
for _ in range(int(sys.argv[1])):
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        s = Store(d); s.ingest(files); G = s.graph
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
print(json.dumps({"seconds": best, "export": generate(G)}))
"""


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def run_side(pkg_root: Path, files: list[Path], repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as d:
        link = Path(d) / "vbgraph"
        link.symlink_to(pkg_root, target_is_directory=True)
        env = {**os.environ, "PYTHONPATH": d}
        out = subprocess.run(
            [sys.executable, "-c", WORKER, str(repeat), *map(str, files)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=d,
        )
    return json.loads(out.stdout)


def per_file(score, gold: dict, export: dict) -> dict[str, dict]:
    """file -> its yardstick report (documents, links, THUC_HIEN, assignments)."""
    return {
        f: score.score(score.gold_of_file(gold, f), export)
        for f in sorted({p["source_file"] for p in gold["parts"]})
    }


def _cell(m: dict) -> str:
    return f"{m['tp']}/{m['fp']}/{m['fn']}"


def _gain(b: dict, n: dict) -> int:
    """Correct answers gained minus errors added, for one measure."""
    return (n["tp"] - b["tp"]) - (n["fp"] - b["fp"]) - (n["fn"] - b["fn"])


MEASURES = (
    ("docs", lambda r: r["documents_in_corpus"]),
    ("links", lambda r: r["links_any_type"]),
    ("THUC_HIEN", lambda r: r["relations"].get("THUC_HIEN", {"tp": 0, "fp": 0, "fn": 0})),
    ("assign", lambda r: r["obligation_assignments"]),
)


def compare(name: str, score, gold: dict, base: dict, new: dict, mb: float) -> None:
    print(f"\n== {name} ({mb:.3f} MB of text)")
    b_files, n_files = per_file(score, gold, base["export"]), per_file(score, gold, new["export"])
    print(f"{'file':44s} " + " ".join(f"{m:>19s}" for m, _ in MEASURES) + "   (tp/fp/fn baseline -> now)")
    for f in b_files:
        cells, marks = [], []
        for m, get in MEASURES:
            b, n = get(b_files[f]), get(n_files[f])
            cells.append(f"{_cell(b):>8s} -> {_cell(n):<8s}")
            g = _gain(b, n)
            if g:
                marks.append(f"{m} {'+' if g > 0 else ''}{g}")
        print(f"{f[:44]:44s} " + " ".join(cells) + ("   " + ", ".join(marks) if marks else ""))
    bt, nt = score.score(gold, base["export"]), score.score(gold, new["export"])
    for m, get in MEASURES:
        b, n = get(bt), get(nt)
        print(f"  {m:10s} F1 {b.get('f1', 0):.3f} -> {n.get('f1', 0):.3f}   ({_cell(b)} -> {_cell(n)})")
    for k in ("date", "issuer", "title", "type"):
        print(f"  {k:10s} accuracy {bt['metadata_accuracy'][k]} -> {nt['metadata_accuracy'][k]}")
    print(f"  referenced recall {bt['referenced_documents_recall']} -> {nt['referenced_documents_recall']}")
    bs, ns = base["seconds"] / mb, new["seconds"] / mb
    print(f"  time per MB: baseline {bs:.1f} s, now {ns:.1f} s, ratio {ns / bs:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default="HEAD", help="git ref to compare with (default HEAD)")
    ap.add_argument("--repeat", type=int, default=3, help="ingests per side; the best time counts")
    args = ap.parse_args(argv)
    score = _scorer()
    sets = {
        k: (sorted(folder.glob(glob)), json.loads(gold.read_text(encoding="utf-8")))
        for k, (folder, glob, gold) in SETS.items()
    }
    with tempfile.TemporaryDirectory() as wt:
        tree = Path(wt) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.baseline],
            check=True,
            capture_output=True,
        )
        try:
            base = {k: run_side(tree, files, args.repeat) for k, (files, _) in sets.items()}
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True
            )
    new = {k: run_side(ROOT, files, args.repeat) for k, (files, _) in sets.items()}
    print(f"baseline {args.baseline} against the working tree")
    for k, (files, gold) in sets.items():
        mb = sum(f.stat().st_size for f in files) / 1e6
        compare(k, score, gold, base[k], new[k], mb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
