"""What a folder walk leaves out: ignore files (`.gitignore`, `.ignore`, `.git/info/exclude`) and excludes.

Patterns follow git's rules, as pathspec's GitIgnoreSpec reads them: the last pattern that matches
wins, `!` re-includes, a trailing `/` matches folders only, a `/` elsewhere anchors the pattern to the
folder of the file that holds it. A deeper ignore file wins over a shallower one, and `.ignore` over
`.gitignore` in the same folder (as in ripgrep). Excludes win over every ignore file.

Paths are matched as strings relative to the folder walked ("a/b.md", "a/" for a folder), so a walk
of thousands of files costs no `Path` arithmetic per file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, unreadable

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

IGNORE_FILES = (".gitignore", ".ignore")  # in this order, so that .ignore's patterns win
MAX_IGNORE_FILE_BYTES = 2**20


@dataclass(frozen=True)
class Excludes:
    """Gitignore-style patterns and the folder they are relative to (None: each folder walked)."""

    patterns: tuple[str, ...]
    root: Path | None = None
    option: str = "--exclude"  # where they were given, for the error a bad one makes


def compile_patterns(patterns: Sequence[str], option: str) -> GitIgnoreSpec:
    """The spec of user-given patterns; a pattern git would not read is a usage error."""
    from pathspec import GitIgnoreSpec

    if not _compiles(patterns):
        bad = next(p for p in patterns if not _compiles([p]))
        raise InputError(f"{option}: {bad!r} is not a gitignore-style pattern")
    return GitIgnoreSpec.from_lines(patterns)


def _compiles(patterns: Sequence[str]) -> bool:
    from pathspec import GitIgnoreSpec

    try:
        GitIgnoreSpec.from_lines(patterns)
    except ValueError:
        return False
    return True


@dataclass
class _Layer:
    """One set of patterns: it applies to paths under `anchor` (relative to the folder walked, "" or
    ending in "/"), matched as `prefix` + the rest of the path."""

    spec: GitIgnoreSpec
    anchor: str = ""
    prefix: str = ""

    def verdict(self, path: str) -> bool | None:
        """True: ignored; False: re-included by a `!` pattern; None: no pattern matches."""
        if not path.startswith(self.anchor):
            return None
        return self.spec.check_file(self.prefix + path[len(self.anchor):]).include


class Rules:
    """The ignore files and excludes in force while walking `folder` top-down."""

    def __init__(self, folder: Path, excludes: Sequence[Excludes], ignore_files: bool, warn: Callable[[str], None] | None) -> None:
        self.folder = folder
        self.warn = warn
        self.ignore_files = ignore_files
        here = _absolute(folder)
        # A folder named on the command line is walked even when patterns outside it leave it out;
        # they are dropped rather than asked about each path inside, which they would match too.
        overrides = [layer for e in excludes if e.patterns and (layer := _rooted(e, here)) is not None]
        self.overrides = [layer for layer in overrides if not layer.verdict("")]
        self.inner: dict[str, _Layer] = {}  # a folder inside the walk ("" or "a/b/") -> its ignore files
        outer = list(self._above(here)) if ignore_files else []  # nearest first
        self.outer = [] if _first_verdict(outer, "") else outer

    def enter(self, rel_dir: str, dirs: Collection[str], files: Collection[str]) -> None:
        """Read the ignore files of a folder just reached (`rel_dir`: "" or "a/b/")."""
        if not self.ignore_files:
            return
        lines = self._lines(self.folder / rel_dir, dirs, files)
        if lines:
            self.inner[rel_dir] = _Layer(self._spec(lines), anchor=rel_dir)

    def ignored(self, path: str) -> bool:
        """Whether a path relative to the folder walked ("a/b.md", or "a/" for a folder) is left out."""
        if any(layer.verdict(path) for layer in self.overrides):
            return True
        inner = _first_verdict(self._inner_for(path), path)
        return inner if inner is not None else bool(_first_verdict(self.outer, path))

    def _inner_for(self, path: str) -> Iterator[_Layer]:
        """The inner layers that can match `path`, deepest first."""
        end = len(path.rstrip("/"))
        while True:
            end = path.rfind("/", 0, end)
            layer = self.inner.get(path[: end + 1])  # end == -1 gives "", the folder walked
            if layer is not None:
                yield layer
            if end < 0:
                return

    def _above(self, here: Path) -> Iterator[_Layer]:
        """The ignore files of the folders above the one walked, up to the root of its git repository.

        Outside a repository there is no telling where a project begins, so nothing above is read.
        """
        if (here / ".git").exists():  # the folder walked is a repository's root
            return
        chain = []
        for parent in here.parents:
            chain.append(parent)
            if (parent / ".git").exists():
                break
        else:
            return
        for parent in chain:
            try:
                listing = set(os.listdir(parent))
            except OSError:
                continue
            lines = self._lines(parent, listing, listing)
            if lines:
                yield _Layer(self._spec(lines), prefix=_prefix(here, parent))

    def _lines(self, folder: Path, dirs: Collection[str], files: Collection[str]) -> list[str]:
        lines: list[str] = []
        if ".git" in dirs:  # the repository's own excludes, below every .gitignore
            exclude = folder / ".git" / "info" / "exclude"
            if exclude.is_file():
                lines += self._read(exclude)
        for name in IGNORE_FILES:
            if name in files:
                lines += self._read(folder / name)
        return lines

    def _read(self, path: Path) -> list[str]:
        try:
            with path.open("rb") as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    return []
                data = fh.read(MAX_IGNORE_FILE_BYTES)
        except OSError as exc:
            self._warn(unreadable(str(path), exc, "ignore file") + ", not used")
            return []
        lines = data.decode("utf-8", errors="replace").splitlines()
        if _compiles(lines):
            return lines
        kept = []
        for n, line in enumerate(lines, 1):  # git skips a line it cannot read; so does the walk, saying so
            if _compiles([line]):
                kept.append(line)
            else:
                self._warn(f"{path}:{n}: not a gitignore pattern, line not used")
        return kept

    def _spec(self, lines: list[str]) -> GitIgnoreSpec:
        from pathspec import GitIgnoreSpec

        return GitIgnoreSpec.from_lines(lines)

    def _warn(self, message: str) -> None:
        if self.warn is not None:
            self.warn(message)


def _first_verdict(layers: Iterable[_Layer], path: str) -> bool | None:
    """The verdict of the first layer with a pattern that matches `path`."""
    return next((v for layer in layers if (v := layer.verdict(path)) is not None), None)


def _rooted(excludes: Excludes, here: Path) -> _Layer | None:
    """Excludes as a layer of the walk of `here`; None when their folder and `here` do not overlap."""
    spec = compile_patterns(excludes.patterns, excludes.option)
    if excludes.root is None:
        return _Layer(spec)
    root = _absolute(excludes.root)
    if here == root or root in here.parents:
        return _Layer(spec, prefix=_prefix(here, root))
    if here in root.parents:
        return _Layer(spec, anchor=root.relative_to(here).as_posix() + "/")
    return None


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # a loop of links: the path as written
        return Path(os.path.abspath(path))


def _prefix(path: Path, ancestor: Path) -> str:
    """`path` relative to `ancestor`, as a prefix of the paths below it ("" when they are one)."""
    rel = path.relative_to(ancestor).as_posix()
    return "" if rel == "." else rel + "/"
