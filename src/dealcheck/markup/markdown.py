"""Markdown as a reader reads it, with markdown-it-py (CommonMark, plus GFM tables and strikethrough).

markdown-it gives each block its lines but not the offsets of inline pieces, so each piece of an inline
token is found again in the file, in order, from where the last one ended: text is where it is, emphasis
and link syntax are what lies between. Left out: front matter, code (fenced, indented, inline), raw HTML
blocks and tags, HTML comments (where dealcheck directives live), images, struck-out text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..document import Reading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # text_join would merge a decoded entity or escape into the text around it, which then is not
    # in the file as such; kept apart, each keeps its original spelling in `markup`.
    md.core.ruler.disable("text_join")
    # Inline content is parsed by the walk, and only where it has some syntax: most prose has none.
    md.core.ruler.disable("inline")
    return md


# A long document is parsed a section of about this many characters at a time: markdown-it's tokens
# take some 60 times the text they stand for, which a 64 MB file read whole would not fit.
SECTION_CHARS = 64 * 1024
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RAW_OPEN = re.compile(r" {0,3}<(script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE)
_REFERENCE = re.compile(r"^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:", re.MULTILINE)
# Inline content without any of these is text as it stands: markdown-it's inline parser is not needed.
_INLINE_SYNTAX = re.compile(r"[*_`\[\]<>&\\!~]|  \n|https?:|www\.", re.IGNORECASE)


def read(source: str) -> Reading:
    from markdown_it.common.utils import normalizeReference

    reading = Reading(source)
    body = _without_front_matter(source)
    md = _parser()
    # Sections are parsed apart, but a link may use a reference defined in another one: all are known up front.
    env: dict[str, Any] = {"references": {normalizeReference(m.group(1)): {"href": "", "title": ""} for m in _REFERENCE.finditer(body)}}
    walk = _Walk(reading, source, _line_starts(source), env)
    body_lines = _line_starts(body)
    for first, last in _sections(body):
        section = body[body_lines[first] : body_lines[last] if last < len(body_lines) else len(body)]
        walk.blocks(md.parse(section, env), first)
    return reading


def _sections(body: str) -> Iterator[tuple[int, int]]:
    """Line ranges of about SECTION_CHARS that markdown-it reads the same apart as together: each starts
    after a blank line, at a line that starts at the margin, outside fenced code, raw HTML and comments."""
    start = size = 0
    blank = True
    fence: str | None = None
    raw: str | None = None  # the closing tag (or "-->") of an HTML block that runs over blank lines
    n = 0
    for n, line in enumerate(body.split("\n")):
        if size >= SECTION_CHARS and blank and fence is None and raw is None and line[:1] not in ("", " ", "\t"):
            yield start, n
            start, size = n, 0
        size += len(line) + 1
        if fence is not None:
            closing = _FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) and not line[closing.end():].strip():
                fence = None
        elif raw is not None:
            if raw in line.lower():
                raw = None
        elif (opening := _FENCE.match(line)) is not None:
            fence = opening.group(1)
        elif (tag := _RAW_OPEN.match(line)) is not None and f"</{tag.group(1).lower()}>" not in line.lower():
            raw = f"</{tag.group(1).lower()}>"
        elif "<!--" in line and "-->" not in line[line.rindex("<!--"):]:
            raw = "-->"
        blank = not line.strip()
    yield start, n + 1


def _comments(html: str) -> Iterator[str]:
    """The bodies of an HTML block's comments. Not a `<!--(.*?)-->` search: on comments never closed,
    that rescans to the end from each `<!--` (quadratic); an unclosed one ends the search here."""
    pos = 0
    while (start := html.find("<!--", pos)) >= 0:
        end = html.find("-->", start + 4)
        if end < 0:
            return
        yield html[start + 4 : end]
        pos = end + 3


def _line_starts(source: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", source))]


def _without_front_matter(source: str) -> str:
    """The source with its front matter (YAML `---` or TOML `+++` at the top, closed) blanked to empty
    lines, so markdown-it's line numbers stay the file's."""
    first, _, rest = source.partition("\n")
    closers = _FRONT_MATTER_FENCES.get(first.strip())
    if closers is None:
        return source
    lines = rest.split("\n")
    for n, line in enumerate(lines):
        if line.strip() in closers:
            return "\n" * (n + 2) + "\n".join(lines[n + 1:])
    return source  # never closed: a rule, then text


class _Walk:
    def __init__(self, reading: Reading, source: str, lines: list[int], env: dict[str, Any]) -> None:
        self.reading, self.source, self.lines, self.env = reading, source, lines, env
        self.pos = 0  # where in the file the next inline piece is looked for

    def line_offset(self, line: int) -> int:
        return self.lines[line] if line < len(self.lines) else len(self.source)

    def blocks(self, tokens: list[Token], first_line: int) -> None:
        """The tokens of a section that starts at line `first_line` (0-based) of the file."""
        for token in tokens:
            if token.map is not None:
                self.pos = max(self.pos, self.line_offset(first_line + token.map[0]))
            if token.type == "heading_open":
                self.reading.block_end(self.pos)
                self.reading.put("# ", self.pos)  # the splitter and the headline finder know a heading by its mark
            elif token.type == "inline" and token.map is not None:
                limit = self.line_offset(first_line + token.map[1])
                if _INLINE_SYNTAX.search(token.content) is None:
                    for n, line in enumerate(token.content.split("\n")):
                        if n:
                            self.newline(limit)
                        self.text(line, limit)
                else:
                    children: list[Token] = []
                    _parser().inline.parse(token.content, _parser(), self.env, children)
                    self.inline(children, limit)
                self.reading.block_end(self.pos)
            elif token.type == "html_block":
                for body in _comments(token.content):
                    self.reading.comment(body)

    def find(self, text: str, limit: int) -> int:
        """Where `text` is next, from the current place up to `limit`; -1 if not there."""
        return self.source.find(text, self.pos, limit) if text else -1

    def inline(self, children: list[Token], limit: int) -> None:
        struck = 0
        for child in children:
            kind = child.type
            if kind == "s_open":
                struck += 1
            elif kind == "s_close":
                struck = max(struck - 1, 0)
            elif kind == "text" and not struck:
                self.text(child.content, limit)
            elif kind == "text_special" and not struck:
                at = self.find(child.markup, limit)
                if at >= 0:
                    self.reading.put(child.content, at, len(child.markup))
                    self.pos = at + len(child.markup)
            elif kind in ("softbreak", "hardbreak"):
                self.newline(limit)
            elif kind == "code_inline":
                self.skip_code(child.markup, limit)
            elif kind == "html_inline":
                at = self.find(child.content, limit)
                if at >= 0:
                    self.pos = at + len(child.content)
                comment = _COMMENT.fullmatch(child.content)
                if comment is not None:
                    self.reading.comment(comment.group(1))
            elif kind == "image":
                at = self.find("![", limit)
                if at >= 0:
                    self.pos = _after_link(self.source, _after_brackets(self.source, at + 1, limit), limit)
            elif kind == "link_close":
                self.pos = _after_autolink(self.source, self.pos, limit) if child.markup == "autolink" else _after_link(
                    self.source, _after_bracket(self.source, self.pos, limit), limit
                )
            elif kind == "link_open" and child.markup == "autolink":
                at = self.find("<", limit)
                if at >= 0:
                    self.pos = at + 1

    def newline(self, limit: int) -> None:
        at = self.find("\n", limit)
        if at >= 0:
            self.reading.copy(at, at + 1)
            self.pos = at + 1

    def text(self, text: str, limit: int) -> None:
        at = self.find(text, limit)
        if at >= 0:
            self.reading.copy(at, at + len(text))
            self.pos = at + len(text)
            return
        # Not in the file as such (a table cell's `\|` is `|` in its text): tied to the current place.
        self.reading.put(text.replace("\n", " "), self.pos)

    def skip_code(self, fence: str, limit: int) -> None:
        opener = re.compile(f"(?<!`){re.escape(fence)}(?!`)")
        start = opener.search(self.source, self.pos, limit)
        if start is None:
            return
        end = opener.search(self.source, start.end(), limit)
        self.pos = end.end() if end else start.end()


def _after_bracket(source: str, at: int, limit: int) -> int:
    """After the next `]`: a link's text has been read, its brackets are what follows."""
    close = source.find("]", at, limit)
    return close + 1 if close >= 0 else at


def _after_brackets(source: str, at: int, limit: int) -> int:
    """After the `]` that closes the `[` at `at`."""
    depth, i = 0, at
    while i < limit:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return at + 1


def _after_link(source: str, at: int, limit: int) -> int:
    """After a link's destination `(url "title")` or reference `[ref]` starting at `at`, if there is one."""
    pairs = {"(": ")", "[": "]"}
    if at >= limit or source[at] not in pairs:
        return at
    opener, closer = source[at], pairs[source[at]]
    depth, i, quote = 0, at, ""
    while i < limit:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and opener == "(":
            quote = ch
        elif ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return at


def _after_autolink(source: str, at: int, limit: int) -> int:
    close = source.find(">", at, limit)
    return close + 1 if close >= 0 else at
