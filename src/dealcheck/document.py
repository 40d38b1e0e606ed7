"""A document's text as the checker reads it, and where each of its characters came from.

Plain text is checked as it is. A marked-up document (Markdown, HTML, reST) is first turned by its reader
into what a person reads: markup gone, entities decoded, code and comments left out, each block (paragraph,
heading, list item, table cell) ending with PARAGRAPH_BREAK. That reading is shorter than the file, so it
carries an `Origin`: runs of characters that each come from one place of the file, and the file's line
starts, from which any offset of the reading maps back to the line and column of the original file.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

# U+2029 ends a sentence and a paragraph for the splitter (segment.py), is whitespace, and is not a line break.
PARAGRAPH_BREAK = "\u2029"


@dataclass(frozen=True)
class Origin:
    """Offset `at[i]` of a block's text and the characters after it, up to `at[i + 1]`, are the
    characters at `source[i]`… of the file; `lines` are the file offsets of the block's lines' starts."""

    at: array[int]
    source: array[int]
    lines: array[int]

    def offset(self, i: int) -> int:
        run = bisect.bisect_right(self.at, i) - 1
        return self.source[run] + i - self.at[run]


@dataclass(frozen=True)
class Block:
    """A run of whole lines of an input; `first_line` is the 1-based line of text[0].

    `origin` is None when the text is the file's own (plain text); `silenced` are the spans of the text
    between `dealcheck off` and `dealcheck on`, and `ignores` the offsets of `dealcheck-ignore` comments,
    each with the claim ids it names (empty: any claim), which silence the next sentence."""

    text: str
    first_line: int
    origin: Origin | None = None
    silenced: tuple[tuple[int, int], ...] = ()
    ignores: tuple[tuple[int, tuple[str, ...]], ...] = ()


# `dealcheck off`, `dealcheck on`, `dealcheck-ignore [CLAIM-ID ...]`, as the body of a comment.
_DIRECTIVE = re.compile(r"\s*dealcheck(?:\s+(?P<switch>off|on)|-ignore(?P<ids>(?:[\s,]+[\w.:/-]+)*))[\s,]*", re.IGNORECASE)


class Reading:
    """What a reader builds: the text a person reads, each piece tied to the file offset it came from.

    Pieces must come in file order; one that would go back (a reader that lost its place) is tied to
    where the last one ended, so a position is at worst approximate, never out of order.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.size = 0
        self.at = array("q")
        self.from_ = array("q")
        self.end = 0  # file offset after the last piece
        self.continues = False  # the next copy from `end` extends the last run
        self.silenced: list[tuple[int, int]] = []
        self.off_since: int | None = None
        self.ignores: list[tuple[int, tuple[str, ...]]] = []

    def copy(self, start: int, end: int, text: str | None = None) -> None:
        """source[start:end] as it is, or `text` of the same length in its place (newlines made spaces)."""
        if end <= start:
            return
        if start < self.end:
            if end <= self.end:
                return
            start = self.end  # overlapping what was read already: only the new part
            text = None if text is None else text[-(end - start):]
        if not (self.continues and start == self.end):
            self.at.append(self.size)
            self.from_.append(start)
        piece = self.source[start:end] if text is None else text
        self.parts.append(piece)
        self.size += len(piece)
        self.end, self.continues = end, True

    def put(self, text: str, at: int, width: int = 0) -> None:
        """`text` read in place of the `width` characters at `at` (an entity, or 0 for a break or a
        heading mark): each of its characters maps to `at`."""
        at = max(at, self.end)
        for ch in text:
            self.at.append(self.size)
            self.from_.append(at)
            self.parts.append(ch)
            self.size += 1
        self.end, self.continues = max(self.end, at + width), False

    def block_end(self, at: int) -> None:
        """A paragraph, heading, list item or cell ends here: no sentence runs on into the next one."""
        if self.parts and self.parts[-1] != PARAGRAPH_BREAK:
            self.put(PARAGRAPH_BREAK, at)

    def comment(self, body: str) -> bool:
        """A comment's text: a dealcheck directive takes effect here. True if it was one."""
        m = _DIRECTIVE.fullmatch(body)
        if m is None:
            return False
        switch = (m.group("switch") or "").lower()
        if switch == "off" and self.off_since is None:
            self.off_since = self.size
        elif switch == "on" and self.off_since is not None:
            self.silenced.append((self.off_since, self.size))
            self.off_since = None
        elif not switch:
            self.ignores.append((self.size, tuple(re.findall(r"[\w.:/-]+", m.group("ids") or ""))))
        return True

    def blocks(self, first: int, largest: int) -> Iterator[tuple[Block, int]]:
        """The reading cut into blocks at paragraph ends, the first about `first` characters and each next
        twice as big up to `largest`, as plain text is streamed; each with the file offset where it ends."""
        if self.off_since is not None:
            self.silenced.append((self.off_since, self.size))
            self.off_since = None
        text = "".join(self.parts)
        lines = array("q", [0])
        lines.extend(m.end() for m in re.finditer("\n", self.source))
        cuts = _Cuts(text)
        start, target = 0, first
        while start < len(text):
            end = cuts.after(start + target) if start + target < len(text) else len(text)
            yield self._block(text, start, end, lines), self._file_offset(end) if end < len(text) else len(self.source)
            start, target = end, min(2 * target, largest)

    def _file_offset(self, i: int) -> int:
        run = bisect.bisect_right(self.at, i) - 1
        return self.from_[run] + i - self.at[run] if run >= 0 else 0

    def _block(self, text: str, start: int, end: int, lines: array[int]) -> Block:
        lo = max(bisect.bisect_right(self.at, start) - 1, 0)
        hi = bisect.bisect_left(self.at, end)
        at = array("q", [0])
        source = array("q", [self._file_offset(start)])
        for i in range(lo + 1, hi):
            at.append(self.at[i] - start)
            source.append(self.from_[i])
        first_row = bisect.bisect_right(lines, source[0]) - 1
        last_row = bisect.bisect_right(lines, self._file_offset(max(end - 1, start)))
        origin = Origin(at, source, lines[first_row:last_row])
        silenced = tuple((max(s, start) - start, min(e, end) - start) for s, e in self.silenced if s < end and e > start)
        ignores = tuple((max(_next_word(text, i), start) - start, ids) for i, ids in self.ignores if start <= _next_word(text, i) < end)
        return Block(text[start:end], first_row + 1, origin, silenced, ignores)


_NON_SPACE = re.compile(r"\S")


def _next_word(text: str, i: int) -> int:
    """Where the text goes on after `i`: a directive at the end of one block silences the next block's first sentence."""
    m = _NON_SPACE.search(text, i)
    return m.start() if m else len(text)


class _Cuts:
    """Places a block may end: after a paragraph break, where no sentence runs on."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pattern = re.compile(f"[{PARAGRAPH_BREAK}]|\n[ \t]*\n")

    def after(self, i: int) -> int:
        m = self.pattern.search(self.text, i)
        return m.end() if m else len(self.text)
