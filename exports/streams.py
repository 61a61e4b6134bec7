"""Streamed text output for the exports: a path is written atomically, a stream as it is.

An export is written piece by piece (a subject, a node, an edge at a time) instead of as one
string, so its memory does not grow with the file. A path still never holds half a file: the
pieces go to a temporary file in the same folder, which is synced and then renamed over the
path, like `graph.store.atomic_write_text`; on any error the temporary file is removed and the
path is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

BUFFER = 1 << 20  # bytes the file object gathers before each write to the disk


@contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """A UTF-8 text file (line feeds as written) that replaces `path` only when the block ends
    without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n", buffering=BUFFER) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def text_output(out: str | Path | IO[str]) -> Iterator[IO[str]]:
    """`out` itself when it is a text stream (left open), else the atomic file at that path."""
    if isinstance(out, str | Path):
        with atomic_text(Path(out)) as fh:
            yield fh
    else:
        yield out
