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
    "Body", "Corpus", "Document", "Hit", "Obligation", "Relation", "Step", "__version__", "open_store",
    "sample_files",
]

_API = {"Corpus", "Hit", "Step", "open_store", "sample_files"}
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
