#!/usr/bin/env python3
"""Start-up benchmark: `vbgraph --help` and small commands against a bare Python start.

The issue's bar: help and small commands start in at most 3x `python -c pass`. Every command is
a fresh process of the installed console script (default: .venv/bin/vbgraph beside this
checkout), run --runs times in rounds (one of each per round, so a busy machine slows all
alike); the median is printed in milliseconds and as a ratio to `python -c pass` of the same
run and interpreter. "cold" help starts from an empty cache folder (typer renders the page and
it is recorded), "warm" plays the recording back (vbgraph/__main__.py).

Bytecode is written to a temporary PYTHONPYCACHEPREFIX even when PYTHONDONTWRITEBYTECODE is set
(an install has its .pyc files; recompiling cli.py alone costs 30 ms); --as-is keeps the
environment as it is.

    python benchmarks/startup.py
    python benchmarks/startup.py --runs 31 --vbgraph /tmp/ne/bin/vbgraph
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BAR = 3.0  # the acceptance bar, as a multiple of `python -c pass`


def cases(python: str, vbgraph: str, store: Path) -> list[tuple[str, list[str], bool]]:
    """(label, argv, cold): cold runs get an empty cache folder each time."""
    return [
        ("python -c pass", [python, "-c", "pass"], False),
        ("python -S -c pass", [python, "-S", "-c", "pass"], False),
        ("vbgraph --help (cold cache)", [vbgraph, "--help"], True),
        ("vbgraph --help (warm cache)", [vbgraph, "--help"], False),
        ("vbgraph ingest --help (warm)", [vbgraph, "ingest", "--help"], False),
        ("vbgraph neo4j cypher --help (warm)", [vbgraph, "neo4j", "cypher", "--help"], False),
        ("vbgraph --version", [vbgraph, "--version"], False),
        ("vbgraph queries --format json", [vbgraph, "queries", "--format", "json"], False),
        ("vbgraph stats --store S", [vbgraph, "stats", "--store", str(store)], False),
    ]


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    run = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: exit {run.returncode}\n{run.stderr.decode()[-2000:]}")
    return took


def where(python: str) -> str:
    """Where the interpreter finds vbgraph, and whether through an editable install's finder."""
    code = "import sys, vbgraph; print(vbgraph.__file__, any('__editable__' in m for m in sys.modules))"
    path, editable = subprocess.run([python, "-c", code], capture_output=True, text=True).stdout.split()
    return f"{'editable' if editable == 'True' else 'regular'} install, {Path(path).parent}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=21, help="Runs of each command (median taken).")
    ap.add_argument("--vbgraph", default=str(ROOT / ".venv" / "bin" / "vbgraph"), help="Console script.")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="Folder of .txt files for the store.")
    ap.add_argument("--as-is", action="store_true", help="Keep PYTHONDONTWRITEBYTECODE if set.")
    args = ap.parse_args()
    vbgraph = shutil.which(args.vbgraph) or sys.exit(f"{args.vbgraph}: no such console script")
    python = str(Path(vbgraph).parent / "python")  # the script's own interpreter, same site-packages
    files = sorted(args.corpus.glob("*.txt")) or sorted((ROOT / "sample").glob("*.txt"))

    with tempfile.TemporaryDirectory(prefix="vbgraph-startup-") as tmp:
        env = {**os.environ, "VBGRAPH_CACHE_DIR": f"{tmp}/cache"}
        if not args.as_is:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = f"{tmp}/pycache"
        store = Path(tmp) / "store"
        subprocess.run(
            [vbgraph, "ingest", *map(str, files), "--store", str(store), "-q"], env=env, check=True
        )
        todo = cases(python, vbgraph, store)
        for _, argv, _ in todo:  # warm-up: bytecode written, warm recordings made
            timed(argv, env)
        times: dict[str, list[float]] = {label: [] for label, _, _ in todo}
        for n in range(args.runs):
            for label, argv, cold in todo:
                run_env = {**env, "VBGRAPH_CACHE_DIR": f"{tmp}/cold-{n}"} if cold else env
                times[label].append(timed(argv, run_env))

    base = statistics.median(times["python -c pass"])
    print(f"{where(python)}; Python {sys.version.split()[0]}; median of {args.runs} runs\n")
    print("| command | median ms | × `python -c pass` | ≤ 3× |")
    print("|---|---:|---:|:---:|")
    for label, ts in times.items():
        ms = statistics.median(ts)
        print(f"| `{label}` | {ms * 1000:.1f} | {ms / base:.2f} | {'yes' if ms / base <= BAR else 'no'} |")


if __name__ == "__main__":
    main()
