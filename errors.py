"""Exceptions raised by the library; the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations


class VbgraphError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""


class UnreadableFile(VbgraphError):
    """A file that cannot be ingested (not text, wrong encoding, empty)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DocumentNotFound(VbgraphError):
    """No document matches a REF."""


class AmbiguousReference(VbgraphError):
    """Several documents match a REF; `candidates` lists their ids."""

    def __init__(self, ref: str, candidates: list[str]):
        super().__init__(f"{ref!r} matches {len(candidates)} documents: narrow it down")
        self.ref = ref
        self.candidates = candidates


class StoreError(VbgraphError):
    """The on-disk store is missing, locked or unreadable."""
