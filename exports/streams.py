"""Streamed text output for the exports: a path is written atomically, a stream as it is.

An export is written piece by piece (a subject, a node, an edge at a time) instead of as one
string, so its memory does not grow with the file. A path still never holds half a file: the
pieces go to a temporary file in the same folder, which is synced and then renamed over the
path, like `graph.store.atomic_write_text`; on any error the temporary file is removed and the
path is left as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO

from vbgraph.graph import store as st

BUFFER = 1 << 20  # bytes the file object gathers before each write to the disk


def atomic_text(path: Path) -> AbstractContextManager[IO[str]]:
    """The store's atomic text file, with a large buffer: an export is written in many pieces."""
    return st.atomic_text(path, buffering=BUFFER)


@contextmanager
def text_output(out: str | Path | IO[str]) -> Iterator[IO[str]]:
    """`out` itself when it is a text stream (left open), else the atomic file at that path."""
    if isinstance(out, str | Path):
        with atomic_text(Path(out)) as fh:
            yield fh
    else:
        yield out
