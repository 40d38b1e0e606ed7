"""What the user hands dealcheck: statements, files, folders and stdin, read as text blocks.

Files are read in blocks that end at line boundaries, so memory stays flat on big
inputs and every offset maps back to a line and column of the original file.
Markdown code and front matter are blanked out (not removed) for the same reason.
"""

from __future__ import annotations

import codecs
import io
import itertools
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from .errors import InputError, unreadable

# Extensions that make an argument look like a file name rather than a statement.
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".rst", ".html", ".htm", ".text", ".adoc", ".tex", ".csv", ".json", ".yaml", ".yml")
DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.rst", "*.html", "*.htm")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
BLOCK_BYTES = 256 * 1024
STDIN = "<stdin>"
PARAGRAPH_BREAK = "\u2029"

_FILE_LIKE = re.compile(r"\S*(?:[/\\]\S*|\.(?:" + "|".join(e[1:] for e in TEXT_EXTENSIONS) + r"))", re.IGNORECASE)


@dataclass(frozen=True)
class Input:
    """One thing to check. `path` is None for a statement given on the command line."""

    name: str
    path: Path | None = None
    text: str | None = None
    walked: bool = False  # found in a folder, not named by the user: a bad one is skipped with a warning

    @property
    def is_statement(self) -> bool:
        return self.text is not None

    @property
    def size(self) -> int:
        """Bytes to read (0 for statements and stdin, whose size is unknown)."""
        try:
            return self.path.stat().st_size if self.path is not None else 0
        except OSError:
            return 0


@dataclass(frozen=True)
class Block:
    """A run of whole lines of an input; `first_line` is the 1-based line of text[0]."""

    text: str
    first_line: int


Warn = Callable[[str], None]


def resolve(
    args: Iterable[str], stdin_is_tty: bool, globs: Iterable[str] = DEFAULT_GLOBS, warn: Warn | None = None
) -> list[Input]:
    """Turn command-line arguments into inputs, the way vale and ruff do.

    An existing path is a file (or a folder, walked for `globs`); `-` is stdin; an
    argument that looks like a file name but does not exist is an error, so that a
    typo in a CI job fails loudly; anything else is a statement.
    """
    inputs: list[Input] = []
    args = list(args)
    if not args:
        if stdin_is_tty:
            raise InputError("nothing to check: give a statement, a file, or pipe text on stdin (see --help)")
        args = ["-"]
    globs = tuple(globs)
    for pattern in globs:
        try:
            Path("x").match(pattern)
        except ValueError:
            raise InputError(f"--glob: {pattern!r} is not a file pattern (e.g. '*.md')") from None
    for arg in args:
        if not arg.strip():
            raise InputError("an argument is empty: give a statement, a file or '-'")
        if arg == "-":
            inputs.append(Input(STDIN, None))
            continue
        path = Path(arg)
        if _exists(path):
            if path.is_dir():
                found = walk(path, globs)
                if not found and warn is not None:  # like ruff: a CI job pointed at the wrong folder should say so
                    warn(f"{arg}: no files matching {' '.join(globs)}")
                inputs.extend(Input(str(p), p, walked=True) for p in found)
            else:
                inputs.append(Input(arg, path))
        elif _FILE_LIKE.fullmatch(arg.strip()) and not arg.strip().startswith(("$", "€")):
            raise InputError(f"{arg}: no such file")
        elif arg.strip():
            inputs.append(Input("<statement>", None, arg))
    return inputs


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a statement too long to be a file name
        return False


def walk(folder: Path, globs: Iterable[str]) -> list[Path]:
    """Files under `folder` matching any of `globs`, in a stable order, skipping hidden folders."""
    patterns = tuple(globs)
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if any(p.match(g) for g in patterns):
                found.append(p)
    return found


class _Decoder:
    """UTF-8 with replacement, remembering the first line where bytes were invalid."""

    def __init__(self) -> None:
        self.bad_line: int | None = None

    def decode(self, data: bytes, first_line: int) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if self.bad_line is None:
                self.bad_line = first_line + data.count(b"\n", 0, exc.start)
            return data.decode("utf-8", errors="replace")


def read_blocks(item: Input, warn: Warn, on_read: Callable[[int], None] | None = None) -> Iterator[Block]:
    """The text of an input as blocks of whole lines, Markdown code blanked out.

    `on_read` is told how many bytes each block took (for a progress bar).
    """
    if item.text is not None:
        yield Block(item.text, 1)
        return
    if item.path is None:
        stream: BinaryIO = sys.stdin.buffer
        yield from _blocks_of(stream, item.name, warn, "", on_read)
        return
    try:
        fh = item.path.open("rb")
    except OSError as exc:
        raise InputError(unreadable(item.name, exc)) from None
    suffix = item.path.suffix.lower()
    markup = "markdown" if suffix in MARKDOWN_EXTENSIONS else "html" if suffix in HTML_EXTENSIONS else ""
    with fh:
        yield from _blocks_of(fh, item.name, warn, markup, on_read)


def _blocks_of(
    stream: BinaryIO, name: str, warn: Warn, markup: str, on_read: Callable[[int], None] | None
) -> Iterator[Block]:
    decoder = _Decoder()
    mask = _MarkdownMask() if markup == "markdown" else _HtmlMask() if markup == "html" else None
    pending: list[bytes] = []
    size = 0
    line = 1
    head = stream.read(8192)
    if b"\0" in head:
        raise InputError(f"{name}: binary file, not checked")
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    head += stream.readline()  # finish the line the 8 KiB cut through
    for raw in itertools.chain(io.BytesIO(head), stream):
        pending.append(raw)
        size += len(raw)
        # Cut at a blank line once the block is big, or anywhere once it is far too big.
        if size >= BLOCK_BYTES and (not raw.strip() or size >= 4 * BLOCK_BYTES):
            if on_read is not None:
                on_read(size)
            yield _block(pending, line, decoder, mask)
            line += len(pending)
            pending, size = [], 0
    if pending:
        if on_read is not None:
            on_read(size)
        yield _block(pending, line, decoder, mask)
    if decoder.bad_line is not None:
        warn(f"{name}:{decoder.bad_line}: invalid UTF-8, replaced with U+FFFD")


def _block(lines: list[bytes], first_line: int, decoder: _Decoder, mask: _MarkdownMask | _HtmlMask | None) -> Block:
    text = decoder.decode(b"".join(lines), first_line)
    if mask is not None:
        text = mask.apply(text)
    return Block(text, first_line)


_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)[^`\n]+?\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class _MarkdownMask:
    """Blanks out front matter, fenced code, inline code and comments, keeping every offset."""

    def __init__(self) -> None:
        self.fence: str | None = None
        self.front_matter: bool | None = None  # None: not decided yet (first line unseen)

    def apply(self, text: str) -> str:
        out = []
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            if self.front_matter is None:
                # A first line "---" opens front matter only if a closing line follows; else it is a rule.
                opener = body.strip()
                self.front_matter = opener in ("---", "+++") and any(
                    rest.strip() in (opener, "...") for rest in text.splitlines()[1:]
                )
                if self.front_matter:
                    out.append(_blank(line))
                    continue
            if self.front_matter:
                if body.strip() in ("---", "+++", "..."):
                    self.front_matter = False
                out.append(_blank(line))
                continue
            fence = _FENCE.match(body)
            if self.fence is not None:
                if fence and fence.group(1)[0] == self.fence[0] and len(fence.group(1)) >= len(self.fence):
                    self.fence = None
                out.append(_blank(line))
                continue
            if fence:
                self.fence = fence.group(1)
                out.append(_blank(line))
                continue
            out.append(_INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line))
        return _HTML_COMMENT.sub(lambda m: _blank(m.group(0)), "".join(out))


def _blank(text: str) -> str:
    """Spaces in place of everything but line breaks, so offsets do not move."""
    return re.sub(r"[^\n]", " ", text)


_HTML_HIDDEN = re.compile(r"<(script|style|head|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
_HTML_BREAK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|section|article|header|footer|blockquote|title)\b[^>]*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]*>")
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class _HtmlMask:
    """The visible text of HTML: tags and hidden elements blanked, block tags turned into
    sentence breaks, entities decoded and padded, so offsets stay those of the file."""

    def apply(self, text: str) -> str:
        import html

        text = _HTML_HIDDEN.sub(lambda m: _blank(m.group(0)), text)
        # U+2029 ends a sentence for the splitter but is not a line break, so lines still count right.
        text = _HTML_BREAK.sub(lambda m: _blank(m.group(0))[:-1] + PARAGRAPH_BREAK, text)
        text = _HTML_TAG.sub(lambda m: _blank(m.group(0)), text)
        return _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)).ljust(len(m.group(0))), text)
