"""reStructuredText as a reader reads it, line by line.

Not docutils: it is a large dependency, it reports positions by line only (not the column a finding
needs), and it resolves includes and runs directives, which a linter must not do to a draft. reST's block
structure is in its lines and indentation, which this reads: section titles (their under- and overlines
left out), paragraphs, lists, block quotes, grid and simple tables (cell by cell), and the directives
whose content is prose (admonitions, topics, figures' captions…), without their option lines. Left out:
literal blocks after `::`, code and other directives, comments (where dealcheck directives live),
hyperlink targets, substitution definitions, doctest blocks. Inline markup is read as its text.
"""

from __future__ import annotations

import re

from ..document import Reading

# Directives whose content is prose; the content of any other (code-block, math, raw, include,
# toctree, image, an extension's) is not read.
PROSE_DIRECTIVES = frozenset(
    "note warning tip important hint caution danger attention error admonition seealso topic sidebar rubric "
    "epigraph highlights pull-quote compound container table list-table figure versionadded versionchanged "
    "deprecated centered hlist glossary".split()
)
# Those whose argument is a title to read (the others' argument is a file, a language, a version).
TITLED = frozenset("admonition topic sidebar rubric table list-table centered".split())

# Deeper than this, a directive's content is not read: each level is a call, and a page of nested notes must not end the run.
MAX_DEPTH = 50

_ADORNMENT = re.compile(r"([!-/:-@\[-`{-~])\1{2,}[ \t]*")
_EXPLICIT = re.compile(r"([ \t]*)\.\.(?:[ \t]+(.*))?")
_DIRECTIVE = re.compile(r"([\w:+.-]+?)[ \t]*::(?:[ \t]+(.*))?")
_OPTION = re.compile(r"[ \t]*:[\w-]+:(?:[ \t]|$)")
_GRID_BORDER = re.compile(r"[ \t]*\+(?:[-=]+\+)+[ \t]*")
_SIMPLE_BORDER = re.compile(r"[ \t]*=+(?:[ \t]+=+)+[ \t]*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022\u2023\u2043]|\(?(?:\d+|[a-zA-Z]|#|[ivxlcdm]+)[.)])[ \t]+")
_FIELD = re.compile(r"[ \t]*:[^:\s][^:]*:[ \t]+")
_LINE_BLOCK = re.compile(r"[ \t]*\|[ \t]+")
# Inline markup, each alternative's text group the words a reader reads; `` ``code`` `` and
# footnote references ([1]_) read as nothing.
_INLINE = re.compile(
    r"``.+?``"
    r"|:[\w.+-]+:`(?P<role>[^`<]*?)(?:\s*<[^`>]*>)?`"
    r"|`(?P<link>[^`<]*?)(?:\s*<[^`>]*>)?`(?:__?|:[\w.+-]+:)?"
    r"|\*\*(?P<strong>[^*]+?)\*\*"
    r"|\*(?P<em>[^*\s][^*]*?)\*"
    r"|\|(?P<sub>[^|\s][^|]*?)\|_{0,2}"
    r"|\[[^\]\s]{1,64}\]_"
    r"|\b(?P<ref>\w[\w.-]*?)__?(?!\w)"
    r"|\\(?P<escaped>.)"
)
_MATH_ROLE = re.compile(r":math:`")


def read(source: str) -> Reading:
    reading = Reading(source)
    _Rest(reading, source).lines_of(0, None)
    return reading


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


class _Rest:
    def __init__(self, reading: Reading, source: str) -> None:
        self.reading, self.source = reading, source
        self.lines = source.split("\n")
        self.depth = 0  # prose directives within prose directives
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def end_of_line(self, i: int) -> int:
        return self.starts[i] + len(self.lines[i].rstrip(" \t\r"))

    def body_end(self, i: int, indent: int) -> int:
        """After the block that the line `i` opens: the lines that follow, blank or indented past `indent`."""
        j = i + 1
        while j < len(self.lines) and (not self.lines[j].strip() or _indent(self.lines[j]) > indent):
            j += 1
        return j

    def lines_of(self, lo: int, hi: int | None) -> None:
        """Read lines lo…hi (hi None: to the end)."""
        lines = self.lines
        hi = len(lines) if hi is None else hi
        paragraph: list[tuple[int, int]] = []  # (start, end) in the file of the current paragraph's lines
        paragraph_indent = 0
        literal_after = -1  # after a paragraph ending in `::`, its indent: a block indented past it is literal
        i = lo
        while i < hi:
            line = lines[i].rstrip("\r")
            stripped = line.strip()
            indent = _indent(line)
            start = self.starts[i] + indent
            if not stripped:
                if paragraph:
                    literal_after = self.flush(paragraph, paragraph_indent)
                    paragraph = []
                i += 1
                continue
            if literal_after >= 0:
                literal_indent, literal_after = literal_after, -1
                if indent > literal_indent:
                    i = self.body_end(i, literal_indent)
                    continue
            explicit = _EXPLICIT.fullmatch(line)
            if explicit is not None and (paragraph == [] or indent <= paragraph_indent):
                if paragraph:
                    self.flush(paragraph, paragraph_indent)
                    paragraph = []
                i = self.explicit(i, explicit)
                continue
            if _ADORNMENT.fullmatch(line):
                if len(paragraph) == 1 and paragraph[0][1] == self.end_of_line(i - 1):  # the title's underline
                    self.flush(paragraph, paragraph_indent, heading=True)
                    paragraph = []
                    i += 1
                    continue
                if not paragraph and i + 2 < hi and lines[i + 2].rstrip("\r") == line and lines[i + 1].strip():  # overline, title, underline
                    title = self.starts[i + 1] + _indent(lines[i + 1])
                    self.flush([(title, self.end_of_line(i + 1))], 0, heading=True)
                    i += 3
                    continue
                if paragraph:
                    self.flush(paragraph, paragraph_indent)
                    paragraph = []
                i += 1  # a transition, or a table's border
                continue
            if _GRID_BORDER.fullmatch(line) or _SIMPLE_BORDER.fullmatch(line):
                if paragraph:
                    self.flush(paragraph, paragraph_indent)
                    paragraph = []
                i = self.table(i, hi)
                continue
            if stripped.startswith(">>>"):  # a doctest block: code
                if paragraph:
                    self.flush(paragraph, paragraph_indent)
                    paragraph = []
                i = self.body_end(i, indent - 1)
                continue
            marker = _LIST_ITEM.match(line) or _LINE_BLOCK.match(line) or _FIELD.match(line)
            if marker is not None or (paragraph and indent != paragraph_indent):
                if paragraph:
                    self.flush(paragraph, paragraph_indent)
                    paragraph = []
                if marker is not None:
                    start = self.starts[i] + marker.end()
                    indent = marker.end()
            if not paragraph:
                paragraph_indent = indent
            paragraph.append((start, self.end_of_line(i)))
            i += 1
        if paragraph:
            self.flush(paragraph, paragraph_indent)

    def nested(self, lo: int, hi: int) -> None:
        """The content of a directive or footnote, read as prose unless it is nested too deep."""
        if self.depth < MAX_DEPTH:
            self.depth += 1
            self.lines_of(lo, hi)
            self.depth -= 1

    def explicit(self, i: int, explicit: re.Match[str]) -> int:
        """A directive, comment, footnote, target or substitution at line `i`; the line after it."""
        indent = len(explicit.group(1))
        rest = explicit.group(2) or ""
        end = self.body_end(i, indent) if rest or (i + 1 < len(self.lines) and self.lines[i + 1].strip()) else i + 1
        directive = _DIRECTIVE.fullmatch(rest)
        if directive is not None:
            name = directive.group(1).lower().rpartition(":")[2]  # "rst:note" / "note"
            if name in PROSE_DIRECTIVES:
                if name in TITLED and directive.group(2):
                    title = self.starts[i] + explicit.start(2) + directive.start(2)
                    self.flush([(title, self.end_of_line(i))], 0)
                body = i + 1
                while body < end and (_OPTION.match(self.lines[body]) or (body > i + 1 and self.lines[body].strip() and _OPTION.match(self.lines[body - 1]) and _indent(self.lines[body]) > _indent(self.lines[body - 1]))):
                    body += 1  # the options, and what continues them
                self.nested(body, end)
            return end
        if rest.startswith("[") and "]" in rest:  # a footnote or citation: its text is prose
            label_end = self.starts[i] + explicit.start(2) + rest.index("]") + 1
            self.flush([(label_end, self.end_of_line(i))], 0)
            self.nested(i + 1, end)
            return end
        if not rest.startswith(("_", "|")):  # a comment
            self.reading.comment(" ".join(self.lines[j].strip() for j in range(i, end)).removeprefix(".."))
        return end

    def table(self, i: int, hi: int) -> int:
        """A grid or simple table from its first border: each cell of each row a block of its own."""
        border = self.lines[i].rstrip("\r")
        grid = _GRID_BORDER.fullmatch(border) is not None
        columns = [(m.start(), m.end()) for m in re.finditer(r"=+", border)]
        j = i + 1
        while j < hi:
            line = self.lines[j].rstrip("\r")
            if not line.strip():
                if grid or (j + 1 < hi and not self.lines[j + 1].strip()) or j + 1 >= hi:
                    break
                j += 1
                continue
            if _GRID_BORDER.fullmatch(line) or _SIMPLE_BORDER.fullmatch(line) or re.fullmatch(r"[ \t]*[-=+ ]+", line):
                j += 1
                if not grid and _SIMPLE_BORDER.fullmatch(line) and (j >= hi or not self.lines[j].strip()):
                    break
                continue
            if grid:
                cells = [(m.start(), m.end()) for m in re.finditer(r"[^|]+", line)]
            else:
                cells = [(a, b if k + 1 < len(columns) else len(line)) for k, (a, b) in enumerate(columns) if a < len(line)]
                if cells:
                    cells[0] = (0, cells[0][1])
            for a, b in cells:
                text = line[a:b]
                if text.strip():
                    lead = a + _indent(text)
                    self.flush([(self.starts[j] + lead, self.starts[j] + a + len(text.rstrip()))], 0)
            j += 1
        return j

    def flush(self, paragraph: list[tuple[int, int]], indent: int, heading: bool = False) -> int:
        """Read a paragraph's lines; returns its indent if it ends with `::` (a literal block follows), else -1."""
        reading, source = self.reading, self.source
        start, end = paragraph[-1]
        literal = source.endswith("::", start, end)
        if literal:
            paragraph[-1] = (start, end - 1 if end - start > 2 and source[end - 3] not in " \t" else max(start, source.rfind("::", start, end)))
        if heading:
            reading.block_end(paragraph[0][0])
            reading.put("# ", paragraph[0][0])
        for n, (a, b) in enumerate(paragraph):
            if n:
                newline = source.rfind("\n", 0, a)
                reading.copy(newline, newline + 1)
            self.inline(a, b)
        reading.block_end(end)
        return indent if literal else -1

    def inline(self, start: int, end: int) -> None:
        reading, source = self.reading, self.source
        pos = start
        for m in _INLINE.finditer(source, start, end):
            reading.copy(pos, m.start())
            group = next((g for g in ("role", "link", "strong", "em", "sub", "ref", "escaped") if m.group(g) is not None), None)
            if group is not None and not (group == "role" and _MATH_ROLE.match(source, m.start())):
                reading.copy(m.start(group), m.end(group))
            pos = m.end()
        reading.copy(pos, end)
