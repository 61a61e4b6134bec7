"""What the benchmark scripts share: run one command and measure it, find `vbgraph`, load a
sibling script as a module, and say whether a time grows linearly.

The scripts are run from this folder (`python benchmarks/scale.py`), so Python finds this module
beside them with a plain `import measure`; `load("exports")` gives scale.py another script's
functions the same way.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SLACK = 1.2  # a ratio of times up to 1.2x the ratio of documents still counts as linear

# Runs one command and reports its wall time and its peak RSS: RUSAGE_CHILDREN of this fresh
# wrapper covers only that command (ru_maxrss is the largest over the children so far).
WRAPPER = r"""
import json, resource, subprocess, sys, time
report, cmd = sys.argv[1], sys.argv[2:]
t = time.perf_counter()
rc = subprocess.call(cmd)
seconds = time.perf_counter() - t
maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(report, "w") as f:
    json.dump({"rc": rc, "seconds": seconds, "maxrss": maxrss}, f)
"""


class BenchError(RuntimeError):
    """A command failed: the benchmark says which and why."""


@dataclass
class Measured:
    seconds: float
    rss_mb: float
    stdout: str = ""
    stderr: str = ""


def tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run(cmd: list[str], cwd: Path) -> Measured:
    """Run `cmd` in a fresh wrapper process: its wall time, peak RSS and output, or BenchError
    with the last lines of its stderr. No colours, a wide terminal, no VBGRAPH_STORE, and Python
    allowed to cache bytecode as an installed package has it (pip compiles it at install): with
    PYTHONDONTWRITEBYTECODE from a shell, every call would compile the package anew (~60 ms)."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    for name in ("VBGRAPH_STORE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    with tempfile.NamedTemporaryFile("r", suffix=".json", dir=cwd, delete=False) as f:
        report_path = Path(f.name)
    try:
        out = subprocess.run(
            [sys.executable, "-c", WRAPPER, str(report_path), *cmd],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        report = json.loads(report_path.read_text() or "{}") if report_path.exists() else {}
    finally:
        report_path.unlink(missing_ok=True)
    if out.returncode != 0 or report.get("rc") != 0:
        raise BenchError(
            f"command failed (exit {report.get('rc', out.returncode)}): {' '.join(cmd)}\n{tail(out.stderr)}"
        )
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Measured(report["seconds"], report["maxrss"] * scale / 1e6, out.stdout, out.stderr)


def vbgraph_command() -> list[str]:
    """The `vbgraph` program next to this interpreter, else on PATH, else `python -m vbgraph`."""
    exe = shutil.which("vbgraph", path=str(Path(sys.executable).parent)) or shutil.which("vbgraph")
    return [exe] if exe else [sys.executable, "-m", "vbgraph"]


def load(name: str) -> ModuleType:
    """The script benchmarks/NAME.py as the module NAME (loaded once)."""
    path = HERE / f"{name}.py"
    known = sys.modules.get(name)
    if known is not None and Path(getattr(known, "__file__", "") or "").resolve() == path:
        return known
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def linear(time_ratio: float, size_ratio: float) -> bool:
    """Whether a time that grew `time_ratio` times for `size_ratio` times the documents grew
    linearly, with SLACK for noise (10,000 -> 100,000 documents: at most 12x)."""
    return time_ratio <= SLACK * size_ratio
