"""Shared fixtures: the bundled sample, an ingested store, the shared yardstick."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests (@given without max_examples) take their size from the profile: in CI every
# extractor and exporter sees >= 10,000 generated inputs; locally a few hundred, for speed.
# HYPOTHESIS_PROFILE=ci runs the CI size anywhere.
settings.register_profile(
    "ci", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile(
    "dev", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if _CI else "dev"))

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


@pytest.fixture
def stale_corpus_dir(corpus_store, tmp_path) -> Path:
    """A copy of the corpus store marked as migrated from an earlier layout (its graph not saved
    yet): its tables cannot answer, so every question goes to its whole graph."""
    import shutil

    from vbgraph.graph import database as db

    shutil.copytree(corpus_store.dir, tmp_path / "stale")
    con = db.connect(tmp_path / "stale", create=False)
    assert con is not None
    with db.transaction(con):
        db.set_meta(con, "graph_stale", "1")
    con.close()
    return tmp_path / "stale"


@pytest.fixture(scope="session")
def corpus_export(corpus_graph):
    from vbgraph.exports.json_export import generate

    return generate(corpus_graph)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
