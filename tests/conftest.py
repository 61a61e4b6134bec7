"""Shared fixtures: the bundled sample, an ingested store, the shared yardstick."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
SHARED = ROOT.parent / "shared"
CORPUS_003 = SAMPLE / "003_845be7d462c89c00.txt"
CORPUS_000 = SAMPLE / "000_7c4a6313622df1c1.txt"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """A store with both sample compilations ingested (once per test session)."""
    from vbgraph.graph.store import Store

    store = Store(tmp_path_factory.mktemp("store"))
    report = store.ingest([CORPUS_000, CORPUS_003])
    assert not report.failed
    return store


@pytest.fixture(scope="session")
def corpus_graph(corpus_store):
    return corpus_store.graph


@pytest.fixture(scope="session")
def corpus_export(corpus_graph):
    from vbgraph.exports.json_export import generate

    return generate(corpus_graph)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
