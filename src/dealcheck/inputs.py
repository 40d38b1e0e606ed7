"""What the user hands dealcheck: statements, files, folders, URLs and stdin, read as text blocks.

Plain text (files and stdin) is read in blocks that end at line boundaries, so memory stays flat on
big inputs and the first findings of a stream come out at once. Markdown, HTML, reST and Word documents are
read whole, by their readers (markup.markdown, markup.html, markup.rest, markup.docx), into what a person
reads, with an Origin that maps every offset back to a line and column of the original file (see document.py).
A URL is fetched whole (remote.py), then read as a file of its content type would be.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .document import Block, Reading
from .errors import InputError, unreadable

if TYPE_CHECKING:
    from .ignore import Excludes

# Extensions that make an argument look like a file name rather than a statement.
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".rst", ".html", ".htm", ".text", ".adoc", ".tex", ".csv", ".json", ".yaml", ".yml")
DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.rst", "*.html", "*.htm")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
REST_EXTENSIONS = (".rst", ".rest")
DOCX_EXTENSIONS = (".docx",)
BLOCK_BYTES = 256 * 1024
# The first block is small and each next one twice as big, up to BLOCK_BYTES: with worker processes
# a block's findings come back when the whole block is checked, and a stream's first findings
# should not wait for a quarter of a megabyte of deal-dense text (seconds).
FIRST_BLOCK_BYTES = 8 * 1024
# The most read whole into memory from one file that is not checked as a stream: a claim base,
# a review to import, a rating map. `--max-size` changes it.
MAX_FILE_BYTES = 64 * 2**20
MAX_BLOCK_BYTES = 4 * BLOCK_BYTES  # a block with no blank line is cut anyway here; also the longest line read at once
STDIN = "<stdin>"

_FILE_LIKE = re.compile(r"\S*(?:[/\\]\S*|\.(?:" + "|".join(e[1:] for e in (*TEXT_EXTENSIONS, *DOCX_EXTENSIONS)) + r"))", re.IGNORECASE)
_URL = re.compile(r"https?://\S*", re.IGNORECASE)


@dataclass(frozen=True)
class Input:
    """One thing to check. `path` is None for a statement given on the command line, for stdin and for a URL."""

    name: str
    path: Path | None = None
    text: str | None = None
    walked: bool = False  # found in a folder, not named by the user: a bad one is skipped with a warning
    url: bool = False  # `name` is a URL, fetched when its turn comes

    @property
    def is_statement(self) -> bool:
        return self.text is not None

    @property
    def known_size(self) -> int | None:
        """Bytes to read (0 for a statement); None for stdin and pipes, which give what they give."""
        if self.path is None:
            return 0 if self.is_statement else None
        try:
            st = self.path.stat()
        except OSError:
            return 0
        return st.st_size if stat.S_ISREG(st.st_mode) else None


Warn = Callable[[str], None]


def resolve(
    args: Iterable[str], stdin_is_tty: bool, globs: Iterable[str] = DEFAULT_GLOBS, warn: Warn | None = None,
    excludes: Sequence[Excludes] = (), ignore_files: bool = True,
) -> list[Input]:
    """Turn command-line arguments into inputs, the way vale and ruff do.

    An existing path is a file (or a folder, walked for `globs`); `-` is stdin; an http or
    https URL is a document to fetch (once, however often it is named); an argument that
    looks like a file name but does not exist is an error, so that a typo in a CI job fails
    loudly; anything else is a statement. Nothing found in a folder is ever fetched.

    A glob that starts with `!` is an exclude, as in ripgrep; with only those, the
    default globs choose the files. A file named here is read even if ignored.
    """
    inputs: list[Input] = []
    urls: set[str] = set()
    args = list(args)
    if not args:
        if stdin_is_tty:
            raise InputError("nothing to check: give a statement, a file, or pipe text on stdin (see --help)")
        args = ["-"]
    globs = tuple(globs)
    negated = tuple(g[1:] for g in globs if g.startswith("!"))
    globs = tuple(g for g in globs if not g.startswith("!")) or DEFAULT_GLOBS
    if negated:
        from .ignore import Excludes

        excludes = [*excludes, Excludes(negated, option="--glob")]
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
                found = walk(path, globs, warn, excludes, ignore_files)
                if not found and warn is not None:  # like ruff: a CI job pointed at the wrong folder should say so
                    # Walked again, ignoring nothing, only to say why a folder with matching files gave none.
                    left_out = (ignore_files or excludes) and walk(path, globs, ignore_files=False)
                    warn(f"{arg}: no files matching {' '.join(globs)}" + (" that are not ignored (see --no-ignore)" if left_out else ""))
                inputs.extend(Input(str(p), p, walked=True) for p in found)
            else:
                inputs.append(Input(arg, path))
        elif _URL.fullmatch(arg.strip()):
            if arg.strip() not in urls:
                urls.add(arg.strip())
                inputs.append(Input(arg.strip(), url=True))
        elif _FILE_LIKE.fullmatch(arg.strip()) and not arg.strip().startswith(("$", "€")):
            raise InputError(f"{arg}: no such file")
        elif arg.strip():
            inputs.append(Input("<statement>", None, arg))
    return inputs


def read_limited(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """A whole file, refused past `limit` bytes: `/dev/zero` or a runaway pipe fails at once
    instead of filling the memory. Pipes (`<(…)`) are read; folders and devices are refused."""
    try:
        with path.open("rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
                raise InputError(f"{path}: not a regular file, not read as a {what}")
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(unreadable(str(path), exc, what)) from None
    if len(data) > limit:
        raise InputError(f"{path}: {what} larger than {limit:,} bytes (see --max-size)")
    return data


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a statement too long to be a file name
        return False


def walk(
    folder: Path, globs: Iterable[str], warn: Warn | None = None, excludes: Sequence[Excludes] = (), ignore_files: bool = True
) -> list[Path]:
    """Files under `folder` matching any of `globs`, in a stable order, skipping hidden folders
    (`.git` among them) and what ignore files and `excludes` leave out (see `ignore.Rules`).

    Only regular files: a FIFO or a device found in a folder would block the run or never end,
    so it is skipped, with a warning.
    """
    from .ignore import Rules

    rules = Rules(folder, excludes, ignore_files, warn)
    patterns = tuple(globs)
    found = []
    for root, dirs, files in os.walk(folder):
        below = Path(os.path.relpath(root, folder)).as_posix()
        below = "" if below == "." else below + "/"
        rules.enter(below, dirs, files)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not rules.ignored(f"{below}{d}/"))
        for name in sorted(files):
            p = Path(root) / name
            if any(p.match(g) for g in patterns) and not rules.ignored(below + name):
                try:
                    regular = stat.S_ISREG(p.stat().st_mode)
                except OSError:
                    regular = True  # a broken link: reading it gives the clear error
                if regular:
                    found.append(p)
                elif warn is not None:
                    warn(f"{p}: not a regular file, skipped")
    return found


class _Decoder:
    """UTF-8 (or the charset a server named) with replacement, remembering the first line where bytes were invalid."""

    def __init__(self, encoding: str = "utf-8", label: str = "UTF-8") -> None:
        self.encoding, self.label = encoding, label
        self.bad_line: int | None = None

    def decode(self, data: bytes, first_line: int) -> str:
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError as exc:
            if self.bad_line is None:
                self.bad_line = first_line + data.count(b"\n", 0, exc.start)
            return data.decode(self.encoding, errors="replace")

    def report(self, name: str, warn: Warn) -> None:
        if self.bad_line is not None:
            warn(f"{name}:{self.bad_line}: invalid {self.label}, replaced with U+FFFD")


def markup_of(name: str) -> str:
    """How a file of this name is read: "markdown", "html", "rest", "docx", or "" for plain text."""
    suffix = os.path.splitext(name)[1].lower()
    for markup, extensions in (
        ("markdown", MARKDOWN_EXTENSIONS), ("html", HTML_EXTENSIONS), ("rest", REST_EXTENSIONS), ("docx", DOCX_EXTENSIONS),
    ):
        if suffix in extensions:
            return markup
    return ""


# What a server's Content-Type says of how to read the body; text/plain is left to the URL's extension,
# since raw file hosts (GitHub's among them) serve .md and .rst as text/plain.
_MEDIA_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "text/markdown": "markdown", "text/x-markdown": "markdown",
    "text/x-rst": "rest", "text/prs.fallenstein.rst": "rest",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
# Types that say nothing of the content, which the URL's extension then decides when it names a known format.
_UNTYPED = ("", "application/octet-stream", "binary/octet-stream")


def _markup_of_page(media_type: str, url: str, name: str) -> str:
    """How a fetched body is read, from its media type, else the extension of the URL it came from (`url`,
    where the redirects led; `name` is the one the user gave)."""
    if media_type in _MEDIA_TYPES:
        return _MEDIA_TYPES[media_type]
    from urllib.parse import urlsplit

    path = urlsplit(url).path
    if media_type.startswith("text/"):
        return markup_of(path)
    suffix = os.path.splitext(path)[1].lower()
    if media_type in _UNTYPED and suffix in (*TEXT_EXTENSIONS, *HTML_EXTENSIONS, *REST_EXTENSIONS, *DOCX_EXTENSIONS):
        return markup_of(path)
    raise InputError(f"{name}: {media_type or 'content of no type'} is not a document dealcheck reads, not checked")


def read_blocks(
    item: Input, warn: Warn, on_read: Callable[[int], None] | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Block]:
    """The text of an input as blocks: plain text as it is, markup as it reads (see document.py).

    `on_read` is told how many bytes each block took (for a progress bar); a marked-up input is read
    whole, and refused past `max_bytes`.
    """
    if item.text is not None:
        yield Block(item.text, 1)
        return
    if item.url:
        from .remote import fetch

        page = fetch(item.name, max_bytes)
        read_as = _markup_of_page(page.media_type, page.url, item.name)
        data = page.data if read_as == "docx" else _as_utf8(page.data, page.charset, item.name, warn)
        yield from _blocks_of(io.BytesIO(data), item.name, warn, read_as, on_read, max_bytes)
        return
    if item.path is None:
        stream: BinaryIO = sys.stdin.buffer
        # Named by --stdin-filename, stdin is read as that file would be; unnamed, its first bytes tell.
        markup = markup_of(item.name) if item.name != STDIN else None
        yield from _blocks_of(stream, item.name, warn, markup, on_read, max_bytes)
        return
    try:
        fh = item.path.open("rb")
    except OSError as exc:
        raise InputError(unreadable(item.name, exc)) from None
    with fh:
        yield from _blocks_of(fh, item.name, warn, markup_of(item.path.name), on_read, max_bytes)


def read_stream(stream: BinaryIO, name: str, warn: Warn, markup: str, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Block]:
    """A document that is not an `Input` (an archive member, a record's text: see dask.py) as blocks, read as a file
    of that `markup` is (markup_of), so that its findings are placed as that file's would be."""
    yield from _blocks_of(stream, name, warn, markup, None, max_bytes)


def _as_utf8(data: bytes, charset: str | None, name: str, warn: Warn) -> bytes:
    """A body in the charset its server named, as the UTF-8 that every reader reads (characters, hence columns, unchanged)."""
    if charset is None:
        return data
    try:
        encoding = codecs.lookup(charset).name
        if encoding == "utf-8":
            return data
        decoder = _Decoder(encoding, charset)
        text = decoder.decode(data, 1)
    except LookupError:  # a name Python does not know, or a codec that is not a text encoding ("base64")
        warn(f"{name}: unknown charset {charset!r}, read as UTF-8")
        return data
    decoder.report(name, warn)
    return text.encode("utf-8")


_HTML_START = re.compile(rb"\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(?:body|p|article|main)[\s>]", re.IGNORECASE)
_FRONT_MATTER = re.compile(rb"---\r?\n(?:[ \t]*(?:[\w-]+[ \t]*:.*|-[ \t].*|#.*)?\r?\n)*?(?:---|\.\.\.)[ \t]*\r?\n")
_FENCES = re.compile(rb"^[ \t]{0,3}(?:```|~~~)", re.MULTILINE)
SNIFF_BYTES = 4096


def sniff(head: bytes) -> str:
    """The markup of unnamed stdin from its first bytes, conservatively: a page that says it is HTML (a
    doctype, <html>, or markup that opens with a tag and has <body> or <p>), Markdown with YAML front matter
    or fenced code; anything else stays plain text, which is what most piped text is."""
    if _HTML_START.match(head) or (head.lstrip().startswith(b"<") and _HTML_TAGS.search(head)):
        return "html"
    if _FRONT_MATTER.match(head.lstrip()) or len(_FENCES.findall(head)) >= 2:
        return "markdown"
    return ""


def _blocks_of(
    stream: BinaryIO, name: str, warn: Warn, markup: str | None, on_read: Callable[[int], None] | None, max_bytes: int
) -> Iterator[Block]:
    if markup == "docx":  # a zip of XML, not text: never sniffed, decoded or streamed
        from .markup import docx

        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(_too_big(name, max_bytes, markup))
        yield from _handed_out(docx.read(data, name, max_bytes), len(data), on_read)
        return
    read1 = getattr(stream, "read1", stream.read)
    head = read1(8192)  # read1: a slow pipe is not waited on for 8 KiB
    if markup is None:
        # Text that opens like markup is waited on for a few KiB more, to be sure; other text never is.
        while head.lstrip()[:1] in (b"<", b"-", b"`", b"~") and len(head) < SNIFF_BYTES and (more := read1(SNIFF_BYTES)):
            head += more
        markup = sniff(head.removeprefix(codecs.BOM_UTF8))
    if b"\0" in head:
        raise InputError(f"{name}: binary file, not checked")
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    if markup:
        yield from _marked_up(head, stream, name, warn, markup, on_read, max_bytes)
        return
    decoder = _Decoder()
    pending: list[bytes] = []
    size = 0
    line = 1
    target = FIRST_BLOCK_BYTES
    for raw in _lines(io.BufferedReader(_Prefixed(head, stream))):
        pending.append(raw)
        size += len(raw)
        # Cut at a blank line once the block is big, or anywhere once it is far too big: a paragraph
        # stays in one block, since a sentence reads the parties of the sentences before it.
        if size >= target and (not raw.strip() or size >= 4 * target):
            if on_read is not None:
                on_read(size)
            yield Block(decoder.decode(b"".join(pending), line), line)
            line += sum(r.endswith(b"\n") for r in pending)
            pending, size, target = [], 0, min(2 * target, BLOCK_BYTES)
    if pending:
        if on_read is not None:
            on_read(size)
        yield Block(decoder.decode(b"".join(pending), line), line)
    decoder.report(name, warn)


_MARKUP_NAMES = {"markdown": "Markdown", "html": "HTML", "rest": "reStructuredText", "docx": "a Word document"}


def _too_big(name: str, max_bytes: int, markup: str) -> str:
    return f"{name}: larger than {max_bytes:,} bytes, too big to read as {_MARKUP_NAMES[markup]} (see --max-size)"


def _marked_up(
    head: bytes, stream: BinaryIO, name: str, warn: Warn, markup: str, on_read: Callable[[int], None] | None, max_bytes: int
) -> Iterator[Block]:
    """A marked-up input, read whole (its structure is the whole file's) then handed out in blocks."""
    data = head + stream.read(max(max_bytes + 1 - len(head), 0))
    if len(data) > max_bytes:
        raise InputError(_too_big(name, max_bytes, markup))
    decoder = _Decoder()
    yield from _handed_out(_reader(markup)(decoder.decode(data, 1)), len(data), on_read)
    decoder.report(name, warn)


def _handed_out(reading: Reading, size: int, on_read: Callable[[int], None] | None) -> Iterator[Block]:
    """A reading in blocks, each telling `on_read` the share of the input's `size` bytes it took."""
    done = 0
    for block, end in reading.blocks(FIRST_BLOCK_BYTES, BLOCK_BYTES):
        if on_read is not None:
            now = size * end // max(len(reading.source), 1)
            on_read(now - done)
            done = now
        yield block


def _reader(markup: str) -> Callable[[str], Reading]:
    # Imported here: markdown-it is imported only for Markdown, and a statement run imports none of them.
    if markup == "markdown":
        from .markup import markdown

        return markdown.read
    if markup == "html":
        from .markup import html

        return html.read
    from .markup import rest

    return rest.read


def _lines(stream: BinaryIO) -> Iterator[bytes]:
    """Lines of at most MAX_BLOCK_BYTES: a stream with no newline (a FIFO, a huge minified file)
    is read in pieces rather than whole into memory. A piece ends on a whole UTF-8 character."""
    carry = b""
    while True:
        piece = stream.readline(MAX_BLOCK_BYTES - len(carry))
        raw, carry = carry + piece, b""
        if not piece:  # the end: what is left is yielded, complete or not
            if raw:
                yield raw
            return
        if not raw.endswith(b"\n"):
            cut = _incomplete_utf8(raw)
            if cut:
                raw, carry = raw[:-cut], raw[-cut:]
        yield raw


class _Prefixed(io.RawIOBase):
    """The bytes already read to sniff the input, then the rest of the stream, as one stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head = memoryview(head)
        self.read_rest = getattr(rest, "read1", rest.read)  # read1: a pipe gives what it has, no waiting for more

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.read_rest(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _incomplete_utf8(data: bytes) -> int:
    """How many bytes at the end of `data` begin a UTF-8 character that is not complete."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 != 0x80:  # a lead byte (or ASCII): does its sequence fit?
            need = 2 if byte >> 5 == 0b110 else 3 if byte >> 4 == 0b1110 else 4 if byte >> 3 == 0b11110 else 1
            return back if need > back else 0
    return 0


def element_spans(
    text: str, opener: re.Pattern[str], closer: Callable[[re.Match[str]], re.Pattern[str]], pos: int = 0
) -> Iterator[tuple[re.Match[str], re.Match[str] | None]]:
    """Each element `opener` starts, with the `closer` match that ends it (None: never closed).

    An element never closed runs to the end of the text, as in a browser, and ends the scan:
    searching on for a closer from every later opener is what made pages with thousands of
    unclosed `<script` quadratic (claim import finds JSON-LD with it). This stays linear in the text.
    """
    while (start := opener.search(text, pos)) is not None:
        end = closer(start).search(text, start.end())
        yield start, end
        if end is None:
            return
        pos = end.end()
