"""vbgraph: a knowledge graph of Vietnamese Party and State documents.

>>> import vbgraph
>>> corpus = vbgraph.open_store("my-store")          # doctest: +SKIP
>>> corpus.ingest("documents/")                       # doctest: +SKIP
>>> corpus.lineage("175-KH/TU")                       # doctest: +SKIP

See `vbgraph.api` for every call; the answers are the model's objects (`vbgraph.graph.model`).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Body",
    "Corpus",
    "Document",
    "Hit",
    "Obligation",
    "Relation",
    "Step",
    "__version__",
    "open_store",
    "sample_files",
]

_API = {"Corpus", "Hit", "Step", "open_store", "sample_files"}

# The package is the design card's folders and the modules beside them. Installed from a checkout
# (`pip install -e .`), the package's folder is the repository's, so tests/, benchmarks/, build/
# and scripts/ would import as `vbgraph.tests` …; this finder refuses them.
_PARTS = frozenset(
    {"graph", "loaders", "ontology", "queries", "exports", "api", "cli", "errors", "__main__", "sample"}
)


class _OnlyThePackage:
    """A meta-path finder that says no to `vbgraph.<folder>` for folders that are not the package's."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        parts = name.split(".")
        if len(parts) > 1 and parts[0] == __name__ and parts[1] not in _PARTS:
            raise ModuleNotFoundError(f"No module named {name!r}: not part of vbgraph", name=name)
        return None


def _guard() -> None:
    import sys

    if not any(isinstance(f, _OnlyThePackage) for f in sys.meta_path):
        sys.meta_path.insert(0, _OnlyThePackage())


_guard()
_MODEL = {"Body", "Document", "Obligation", "Relation"}


def __getattr__(name: str) -> Any:
    """Names are imported when first used, so `import vbgraph` stays cheap and the CLI starts fast."""
    if name in _API:
        from vbgraph import api

        return getattr(api, name)
    if name in _MODEL:
        from vbgraph.graph import model

        return getattr(model, name)
    raise AttributeError(f"module 'vbgraph' has no attribute {name!r}")
