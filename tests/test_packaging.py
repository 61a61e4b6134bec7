"""The wheel installs one namespace, vbgraph.*, with its data: nothing generic in site-packages."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_holds_only_the_vbgraph_namespace(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("vbgraph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"vbgraph", next(t for t in tops if t.endswith(".dist-info"))}
    for needed in ("vbgraph/cli.py", "vbgraph/graph/store.py", "vbgraph/loaders/parse.py", "vbgraph/queries/catalog.py",
                   "vbgraph/queries/lineage_up.cypher", "vbgraph/ontology/cues.toml", "vbgraph/ontology/vbgraph.ttl",
                   "vbgraph/exports/json_export.py", "vbgraph/sample/003_845be7d462c89c00.txt"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith("vbgraph/tests/") or n.startswith("vbgraph/benchmarks/")]
