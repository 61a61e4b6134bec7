"""Memory for pure functions of a text: the loaders ask the same questions of the same lines.

A line is read by several stages (segment, identify, cite, assign) and a corpus repeats lines
(headers, boilerplate, blank lines), so a pure function of one line or paragraph is worth
remembering, bounded. Texts longer than `CACHED_LEN` are computed each time and not kept: they
rarely repeat and would hold memory. A remembered value is shared by every caller, so it must
be immutable (a tuple, a frozen dataclass, a str, a Match read only).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Concatenate, ParamSpec, TypeVar

# Texts up to this length are remembered: words, phrases, lines and the windows the matchers look
# at repeat across a corpus; whole texts do not.
CACHED_LEN = 2000

P = ParamSpec("P")
R = TypeVar("R")


def text_cache(
    maxsize: int,
) -> Callable[[Callable[Concatenate[str, P], R]], Callable[Concatenate[str, P], R]]:
    """`functools.lru_cache(maxsize)` for a function whose first argument is a text, kept only
    for texts of at most `CACHED_LEN` characters; the other arguments must be hashable."""

    def decorate(fn: Callable[Concatenate[str, P], R]) -> Callable[Concatenate[str, P], R]:
        cached: Callable[..., R] = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def call(text: str, *args: P.args, **kwargs: P.kwargs) -> R:
            if len(text) <= CACHED_LEN:
                return cached(text, *args, **kwargs)
            return fn(text, *args, **kwargs)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call

    return decorate
