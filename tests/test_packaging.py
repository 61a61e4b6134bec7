"""The wheel installs one namespace, vbgraph.*, with its data: nothing generic in site-packages."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_holds_only_the_vbgraph_namespace(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("vbgraph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"vbgraph", next(t for t in tops if t.endswith(".dist-info"))}
    for needed in (
        "vbgraph/cli.py",
        "vbgraph/graph/store.py",
        "vbgraph/loaders/parse.py",
        "vbgraph/queries/catalog.py",
        "vbgraph/queries/lineage_up.cypher",
        "vbgraph/ontology/cues.toml",
        "vbgraph/ontology/vbgraph.ttl",
        "vbgraph/exports/json_export.py",
        "vbgraph/sample/003_845be7d462c89c00.txt",
    ):
        assert needed in names, needed
    assert not [n for n in names if n.startswith("vbgraph/tests/") or n.startswith("vbgraph/benchmarks/")]
    info = next(t for t in tops if t.endswith(".dist-info"))
    licence = zipfile.ZipFile(wheel).read(f"{info}/licenses/LICENSE").decode()
    assert "Apache License" in licence and "Version 2.0, January 2004" in licence
    metadata = zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode()
    assert "License-Expression: Apache-2.0" in metadata.splitlines()


def _runtime_licences() -> dict[str, str]:
    """Every distribution vbgraph needs at run time (no extras), with its licence as declared."""
    import importlib.metadata as md

    from packaging.requirements import Requirement

    found: dict[str, str] = {}

    def walk(name: str) -> None:
        key = name.lower().replace("_", "-")
        if key in found:
            return
        meta = md.metadata(name)
        classifiers = [
            c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")
        ]
        found[key] = (
            meta.get("License-Expression") or "; ".join(classifiers) or (meta.get("License") or "")[:200]
        )
        for r in meta.get_all("Requires-Dist") or []:
            req = Requirement(r)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                walk(req.name)

    walk("vbgraph")
    return found


PERMISSIVE = (
    "MIT",
    "BSD",
    "Apache",
    "ISC",
    "PSF",
    "Python",
    "MPL",
    "Mozilla",
    "LGPL",
    "Artistic",
    "Unlicense",
)


def test_no_runtime_dependency_is_gpl_or_agpl_only():
    """PyMuPDF (AGPL) and friends stay out: a (A)GPL licence needs a permissive alternative beside it."""
    licences = _runtime_licences()
    assert {"pypdfium2", "python-docx", "trafilatura", "charset-normalizer"} <= licences.keys()
    copyleft_only = {
        name: lic
        for name, lic in licences.items()
        if "GPL" in lic.replace("LGPL", "") and not any(p in lic for p in PERMISSIVE)
    }
    assert copyleft_only == {}


def test_layers_import_downward_only():
    """ontology -> loaders -> graph -> queries -> exports -> cli (pyproject [tool.importlinter])."""
    import shutil
    import subprocess

    exe = shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency: pip install -e '.[test]'"
    run = subprocess.run(
        [exe, "--no-cache"], capture_output=True, text=True, cwd=Path(__file__).parent.parent
    )
    assert run.returncode == 0, run.stdout[-2000:]
    assert "1 kept, 0 broken" in run.stdout


@pytest.mark.parametrize("name", ["vbgraph.tests", "vbgraph.benchmarks", "vbgraph.build", "vbgraph.scripts"])
def test_folders_beside_the_package_are_not_part_of_it(name):
    import importlib

    with pytest.raises(ModuleNotFoundError, match="not part of vbgraph"):
        importlib.import_module(name)
