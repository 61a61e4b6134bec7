"""The `vbgraph` command (console script and `python -m vbgraph`): `--version` and help pages
without loading the CLI.

Why: typer, rich and pydantic take a third of a second to import and lay out a help page, ten
times a bare Python start. What a help request prints depends only on the CLI's code, the words
typed, the terminal and a few environment variables; so the first time, the page typer prints
is also recorded (copied as it is written, never rendered twice) in the user's cache folder, and
played back while none of those changed. Every other command goes straight to `vbgraph.cli.main`.

A recording is played back only when
- its key matches: the words, Python, vbgraph's version, cli.py's size and checksum, and for
  each std stream whether it is a terminal, its size and its encoding;
- every environment variable read while the page was rendered has the same value (os.environ is
  watched meanwhile: COLUMNS, NO_COLOR, TERM, FORCE_COLOR, LANG …);
- every module file loaded by then (vbgraph.cli, typer, rich …) has the same size and mtime.
A cache folder that cannot be read or written is no cache: the page is rendered as before. The
folder is help/ in VBGRAPH_CACHE_DIR, else in $XDG_CACHE_HOME/vbgraph or ~/.cache/vbgraph.

This module imports nothing beyond the standard library's built-ins until it must: it is the
layer above `vbgraph.cli` (pyproject [tool.importlinter]). Its name is `__main__` because the
package's import guard (vbgraph/__init__.py) admits only the package's own parts.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not typing's: importing typing costs more than playing a page back
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, TextIO

FORMAT = 1  # of a recording; a new layout gets a new number, and old files are simply not matched
KEEP = 64  # recordings kept: one per command, width and terminal, the most recent
CLI = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cli.py")
# Variables that change the page often enough to deserve a recording each (the rest are checked).
KEY_VARIABLES = ("COLUMNS", "LINES", "TERM", "NO_COLOR", "FORCE_COLOR", "TERMINAL_WIDTH")
# Loaded already, these have read their environment before it was watched: nothing is recorded.
RENDERERS = ("typer", "rich", "click", "pydantic", "vbgraph.cli")

Recording = tuple[str, tuple, tuple, tuple, int]  # key, module files, variables read, output, code


def main(argv: list[str] | None = None) -> int:
    """The console script; returns the exit code, as `vbgraph.cli.main` does."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from vbgraph import __version__

        sys.stdout.write(f"vbgraph {__version__}\n")  # cli._print_version prints the same line
        return 0
    if asks_for_help(args):
        return help_page(args)
    from vbgraph.cli import main as run

    return run(args)


def asks_for_help(args: list[str]) -> bool:
    """No words (the app prints its help), or up to two command words and `--help`. No command
    runs then (--help is eager), so the page is a function of the key and the environment. An
    option before --help could take it as its value and run the command: not a help request."""
    if not args:
        return True
    return args[-1] == "--help" and len(args) <= 3 and not any(a.startswith("-") for a in args[:-1])


def help_page(args: list[str]) -> int:
    """Play the recorded page back, or render it through typer and record it."""
    folder = cache_dir()
    try:
        k = key(args) if folder is not None else None
    except OSError:  # no cli.py beside this file (a zip?): nothing to key on
        k = None
    if folder is None or k is None:
        from vbgraph.cli import main as run

        return run(args)
    path = os.path.join(folder, "help", f"{_crc(k.encode()):08x}.bin")
    code = replay(path, k)
    return record(args, path, k) if code is None else code


def cache_dir() -> str | None:
    """VBGRAPH_CACHE_DIR, else the platform's user cache folder + vbgraph (as platformdirs has it)."""
    if os.environ.get("VBGRAPH_CACHE_DIR"):
        return os.environ["VBGRAPH_CACHE_DIR"]
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME", "")
        base = base if os.path.isabs(base) else os.path.expanduser("~/.cache")
    return os.path.join(base, "vbgraph") if base and os.path.isabs(base) else None


def key(args: list[str], cli: str = CLI) -> str:
    """What a help page depends on, apart from what `replay` checks."""
    from vbgraph import __version__

    with open(cli, "rb") as f:
        source = f.read()
    streams = [
        (_isatty(s), getattr(s, "encoding", None), _size(fd))
        for fd, s in enumerate((sys.stdin, sys.stdout, sys.stderr))
    ]
    variables = [os.environ.get(name) for name in KEY_VARIABLES]
    return repr(
        (FORMAT, sys.version, sys.prefix, __version__, len(source), _crc(source), args, streams, variables)
    )


def replay(path: str, k: str) -> int | None:
    """Print the recording at `path` and return its exit code; None if it is missing, unreadable,
    for another key, or anything it depends on has changed."""
    import marshal

    try:
        with open(path, "rb") as f:
            recorded, files, variables, chunks, code = marshal.loads(f.read())
        if recorded != k or any(os.environ.get(name) != value for name, value in variables):
            return None
        for file, mtime, size in files:
            st = os.stat(file)
            if st.st_mtime_ns != mtime or st.st_size != size:
                return None
    except (OSError, ValueError, EOFError, TypeError):
        return None
    for fd, text in chunks:
        (sys.stdout if fd == 1 else sys.stderr).write(text)
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def record(args: list[str], path: str, k: str) -> int:
    """Run the CLI as usual while keeping what it writes and the variables it reads; save that
    if it can be trusted: a fresh process (typer and rich load under watch), the environment
    read by name, nothing written past the text streams, a help page or a usage error."""
    fresh = not any(m in sys.modules for m in RENDERERS)
    chunks: list[tuple[int, str]] = []
    spoiled: list[str] = []
    original, watched = os.environ, _Watched.of(os.environ)
    out, err = sys.stdout, sys.stderr
    os.environ = watched  # noqa: B003  (the same variables, read through the watcher)
    sys.stdout, sys.stderr = _Tee(out, 1, chunks, spoiled), _Tee(err, 2, chunks, spoiled)
    try:
        from vbgraph.cli import main as run  # typer and rich read some variables as they load

        code = run(args)
    finally:
        os.environ = original  # noqa: B003
        sys.stdout, sys.stderr = out, err
    if fresh and code in (0, 2) and not spoiled and not watched.whole:
        entry = (k, _module_files(), tuple(sorted(watched.read.items())), tuple(chunks), code)
        save(path, entry)
    return code


def save(path: str, entry: Recording) -> None:
    """Write atomically, keep the newest KEEP recordings; any OSError means no cache, silently."""
    import marshal

    folder = os.path.dirname(path)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(marshal.dumps(entry))
        os.replace(tmp, path)
        olds = sorted((e.stat().st_mtime_ns, e.path) for e in os.scandir(folder) if e.name.endswith(".bin"))
        for _, old in olds[:-KEEP]:
            os.remove(old)
    except OSError:
        import contextlib

        with contextlib.suppress(OSError):
            os.remove(tmp)


def _module_files() -> tuple[tuple[str, int, int], ...]:
    """(path, mtime_ns, size) of every module file loaded so far, but the standard library's
    (sys.version is in the key): fewer files to look at on every play-back."""
    stdlib = os.path.dirname(os.__file__) + os.sep
    out = []
    for m in list(sys.modules.values()):
        file = getattr(m, "__file__", None)
        if isinstance(file, str) and (not file.startswith(stdlib) or "-packages" + os.sep in file):
            try:
                st = os.stat(file)
            except OSError:
                continue
            out.append((file, st.st_mtime_ns, st.st_size))
    return tuple(sorted(set(out)))


class _Watched(os._Environ):
    """os.environ noting the first value of each variable read (not one the run set itself), and
    whether it was read whole (then the page may depend on anything in it)."""

    read: dict[str, str | None]
    written: set[str]
    whole: bool

    @classmethod
    def of(cls, env: Any) -> _Watched:
        w = cls(env._data, env.encodekey, env.decodekey, env.encodevalue, env.decodevalue)
        w.read, w.written, w.whole = {}, set(), False
        return w

    def __getitem__(self, name: str) -> str:
        try:
            value = super().__getitem__(name)
        except KeyError:
            self._note(name, None)
            raise
        self._note(name, value)
        return value

    def _note(self, name: str, value: str | None) -> None:
        if name not in self.written:
            self.read.setdefault(name, value)

    def __setitem__(self, name: str, value: str) -> None:
        self.written.add(name)
        super().__setitem__(name, value)

    def __delitem__(self, name: str) -> None:
        self.written.add(name)
        super().__delitem__(name)

    def __iter__(self) -> Iterator[str]:
        self.whole = True
        return super().__iter__()


class _Tee:
    """A text stream that also keeps what is written to it. Reaching for its binary buffer spoils
    the recording: bytes written there would be missed."""

    def __init__(self, stream: TextIO, fd: int, chunks: list[tuple[int, str]], spoiled: list[str]):
        self._stream, self._fd, self._chunks, self._spoiled = stream, fd, chunks, spoiled

    def write(self, text: str) -> int:
        n = self._stream.write(text)
        self._chunks.append((self._fd, text))
        return n

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":
            self._spoiled.append(name)
        return getattr(self._stream, name)


def _isatty(stream: TextIO | None) -> bool | None:
    try:
        return stream.isatty() if stream is not None else None
    except (OSError, ValueError):
        return None


def _size(fd: int) -> tuple[int, int] | None:
    """The terminal's size as rich asks for it: os.get_terminal_size on each std descriptor."""
    try:
        return tuple(os.get_terminal_size(fd))  # type: ignore[return-value]
    except (OSError, ValueError):
        return None


def _crc(data: bytes) -> int:
    import zlib

    return zlib.crc32(data)


if __name__ == "__main__":
    raise SystemExit(main())
