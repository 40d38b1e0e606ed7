"""`-f text`, the default: a block per finding, for people, wrapped to the terminal.

Each field of a finding wraps at word boundaries, its continuation lines under the text column (a hanging
indent). The label column is as wide as the widest label of the language in use (of both languages with
`--lang auto`, whose findings may come in either), so text starts in the same column in every finding. A
citation's quote is cut to two lines unless `verbose`. Widths count the terminal cells a character takes
(an accent that combines takes none, a wide CJK character two), never ANSI codes; a word longer than the
line (a URL) is not broken. The width is $COLUMNS, else the terminal's; piped, 100 columns: ruff and vale,
whose lines are short, do not wrap when piped, but a finding here runs to hundreds of characters, and a file
or a pager shows it better wrapped (`-f line` is the one-line form).

Wrapped here, with plain ANSI styles, rather than by rich: this is what a one-statement run prints, and
rich would cost that run a sixth to a quarter of its time for the same lines. Measured on this project's
2-core machine (busy: load about 2.4), two rounds of 30 interleaved runs of `python -m dealcheck "Microsoft
owns half of OpenAI"` on a terminal, median (min): 169 (135) and 165 (127) ms before wrapping; 165 (134)
and 163 (128) with this module; 193 (153) and 204 (152) with a rich `Table.grid` laying out the same
columns. Importing rich.console, rich.table and rich.text alone takes 73 ms more than `python -c pass`. The
README's target for that run is 250 ms, which a busier machine already nears. textwrap does not fit either:
it counts characters, not cells, and wraps a plain string, where a line here holds several styles.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from typing import IO

from ..i18n import label, message
from ..languages import CODES
from ..model import Finding, Verdict
from ..printable import printable
from ..render import location

_SGR = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35"}
# Without a terminal or $COLUMNS, the width a file or a pager shows well; output then does not depend on where it runs.
PIPED_WIDTH = 100
# Narrower than this, the text column would hold a word or two a line: lines run past the width instead.
MIN_TEXT_WIDTH = 20
QUOTE_LINES = 2
FIELDS = ("claim", "why", "source", "candidate")
FIELD_INDENT = 2
GAP = 2  # between the label column and the text column

# Breaks only at ASCII spaces: a no-break space (French puts one before « : ») holds its words together.
_WORD = re.compile(r"( *)([^ ]+)")

Styles = tuple[str, ...]
Word = tuple[int, str, Styles]  # spaces before it, the word (what is never broken), its styles


def cells(text: str) -> int:
    """The terminal cells `text` takes."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def terminal_width(out: IO[str]) -> int:
    """$COLUMNS when it is a positive number, else the terminal's width, else `PIPED_WIDTH`."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if out.isatty():
        try:
            return os.get_terminal_size(out.fileno()).columns or PIPED_WIDTH
        except (OSError, ValueError):  # a terminal-like stream with no descriptor
            pass
    return PIPED_WIDTH


def words(text: str, *styles: str) -> list[Word]:
    """Text from anywhere, made printable, as words that may go on separate lines."""
    return [(len(m.group(1)), m.group(2), styles) for m in _WORD.finditer(printable(text))]


def wrap(text: Sequence[Word], width: int) -> list[list[Word]]:
    """Words into lines of at most `width` cells; a longer word gets a line of its own."""
    lines: list[list[Word]] = [[]]
    used = 0
    for gap, word, styles in text:
        size = cells(word)
        if lines[-1] and used + gap + size > width:
            lines.append([])
            used = 0
        if not lines[-1]:
            gap = 0
        lines[-1].append((gap, word, styles))
        used += gap + size
    return lines


def cut(lines: list[list[Word]], keep: int, width: int) -> list[list[Word]]:
    """The first `keep` lines, the last ending in "…" within `width`, when there are more."""
    if len(lines) <= keep:
        return lines
    last = list(lines[keep - 1])
    while len(last) > 1 and sum(gap + cells(word) for gap, word, _ in last) + 1 > width:
        last.pop()
    gap, word, styles = last[-1]
    last[-1] = (gap, word + "…", styles)
    return [*lines[: keep - 1], last]


def label_width(langs: Sequence[str]) -> int:
    """The label column: the widest verdict label, or field label with its indent, of these languages."""
    verdicts = max(cells(label(lang, v.value)) for lang in langs for v in Verdict)
    return max(verdicts, FIELD_INDENT + max(cells(message(lang, k)) for lang in langs for k in FIELDS))


class TextRenderer:
    """A block per finding, coloured by verdict when the terminal allows it."""

    def __init__(self, out: IO[str], color: str, lang: str = "auto", verbose: bool = False) -> None:
        self.out = out
        self.lang = lang
        self.verbose = verbose
        self.color = color == "always" or (
            color == "auto" and out.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        )
        # --lang auto follows each sentence: the column fits every language's labels, so findings line up.
        self.label_width = label_width(CODES if lang == "auto" else (lang,))
        self.text_width = max(terminal_width(out) - self.label_width - GAP, MIN_TEXT_WIDTH)
        self.count = 0

    def _paint(self, text: str, styles: Styles) -> str:
        if not self.color or not styles or not text:
            return text
        return f"\x1b[{';'.join(_SGR[s] for s in styles)}m{text}\x1b[0m"

    def _line(self, line: list[Word]) -> str:
        """One line, each stretch of words of one style painted once."""
        out: list[str] = []
        stretch = ""
        stretch_styles: Styles = ()
        for gap, word, styles in line:
            if stretch and styles != stretch_styles:
                out.append(self._paint(stretch, stretch_styles))
                stretch = ""
            if stretch:
                stretch += " " * gap + word
            else:
                out.append(" " * gap)
                stretch, stretch_styles = word, styles
        if stretch:
            out.append(self._paint(stretch, stretch_styles))
        return "".join(out)

    def _field(self, name: str, name_styles: Styles, indent: int, text: Sequence[Word], keep: int = 0) -> list[str]:
        """A label and its text, wrapped under the text column; at most `keep` lines when `keep`."""
        lines = wrap(text, self.text_width)
        if keep:
            lines = cut(lines, keep, self.text_width)
        first = " " * indent + self._paint(name, name_styles) + " " * (self.label_width - indent - cells(name) + GAP)
        hanging = " " * (self.label_width + GAP)
        # A field with no text (an empty explanation) would end in its padding.
        return [((first if i == 0 else hanging) + self._line(line)).rstrip(" ") for i, line in enumerate(lines)]

    def add(self, f: Finding) -> None:
        lang = f.lang if self.lang == "auto" else self.lang
        lines = [""] if self.count else []
        self.count += 1
        if f.path:
            lines.append(location(f))
        # The score and the hearsay note are words of their own: "(reported as" never ends a line.
        head = [*words(f.text), (GAP, f"(score {f.score:.2f})", ("dim",))]
        if f.hedged:
            head.append((GAP, f"({message(lang, 'hedged')})", ("dim",)))
        lines += self._field(label(lang, f.verdict), Verdict.of(f.verdict).style, 0, head)
        claim_label, why_label, source_label = (message(lang, k) for k in ("claim", "why", "source"))
        if f.claim:
            lines += self._field(claim_label, ("bold",), FIELD_INDENT, words(f"{f.claim.id}: {f.claim.text}"))
        lines += self._field(why_label, ("bold",), FIELD_INDENT, words(f.explanation))
        for i, c in enumerate(f.citations):
            s = c.source
            source = ", ".join(x for x in (s.publisher, f"“{s.title}”", s.date) if x)
            lines += self._field(source_label if i == 0 else "", ("bold",), FIELD_INDENT, words(source))
            if s.url:
                lines += self._field("", (), FIELD_INDENT, words(s.url, "underline"))
            quote = words(f"“{c.quote}”", "italic")
            lines += self._field("", (), FIELD_INDENT, quote, keep=0 if self.verbose else QUOTE_LINES)
        for candidate in f.candidates:
            text = words(f"{candidate.score:.2f}  {candidate.claim.id}: {candidate.matched.text}", "dim")
            lines += self._field(message(lang, "candidate"), ("dim",), FIELD_INDENT, text)
        self.out.write("\n".join(lines) + "\n")

    def close(self) -> None:
        pass
