"""HTML as a reader reads it, with the standard library's html.parser.

html.parser needs no dependency, is tolerant of broken pages, and tells where each tag and piece of
text starts (getpos), which is all a position needs. Entities are decoded; attributes are never text.
Left out: what a browser does not show or a reader skips (scripts, styles, forms, code, navigation,
asides, footers). A page with an <article> or <main> is read there only: the rest is the site around it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..document import PARAGRAPH_BREAK, Reading

SKIPPED = frozenset("script style noscript template head nav footer aside pre code form svg math iframe object button select textarea".split())
BLOCKS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 td th tr table caption thead tbody tfoot blockquote section article main "
    "header figure figcaption address details summary hr body html title".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_MAIN = re.compile(r"<(?:article|main)[\s>]", re.IGNORECASE)
_OPEN_AT_END = re.compile(r"<[A-Za-z/!?]")


def read(source: str) -> Reading:
    reading = Reading(source)
    page = _Page(reading, source, main_only=_MAIN.search(source) is not None)
    page.feed(source[: _readable_end(source)])
    page.close()
    return reading


def _readable_end(source: str) -> int:
    """Where what html.parser can finish ends. A tag or comment still open at the end of the input is
    shown by no browser, and html.parser would rescan from each of its `<` to the end: quadratic on
    "<p <p <p …" or "<!-- <!-- …". What follows the last complete one is left out when it opens one."""
    last_close = source.rfind(">") + 1
    end = len(source)
    opened = _OPEN_AT_END.search(source, last_close)
    if opened is not None:
        end = opened.start()
    last_comment_end = source.rfind("-->") + 3 if "-->" in source else 0
    comment = source.find("<!--", last_comment_end)
    if comment >= 0:
        end = min(end, comment)
    return end


class _Page(HTMLParser):
    def __init__(self, reading: Reading, source: str, main_only: bool) -> None:
        # convert_charrefs=False: text comes as slices of the file and each entity on its own, with its place.
        super().__init__(convert_charrefs=False)
        self.reading, self.source = reading, source
        self.lines = [0, *(m.end() for m in re.finditer("\n", source))]
        self.skipping: list[str] = []  # open elements whose content is left out
        self.in_main = 0 if main_only else 1
        self.after_break = False  # only whitespace since a <br>: a second one ends the paragraph

    def here(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    @property
    def reading_here(self) -> bool:
        return not self.skipping and self.in_main > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("article", "main"):
            self.in_main += 1
        if tag in SKIPPED:
            self.skipping.append(tag)
            return
        self.tag(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipping:
            while self.skipping.pop() != tag:
                pass
            return
        if tag in ("article", "main"):
            self.in_main = max(self.in_main - 1, 0)
        self.tag(tag, opening=False)

    def tag(self, tag: str, opening: bool) -> None:
        if not self.reading_here:
            return
        at = self.here()
        if tag == "br":
            if self.after_break:
                self.reading.block_end(at)
            else:
                # A line break inside a paragraph is not the end of a sentence: "half<br>of OpenAI" is one.
                self.reading.put(" ", at)
            self.after_break = True
        elif tag in BLOCKS:
            self.reading.block_end(at)
            if opening and tag in HEADINGS:
                self.reading.put("# ", at)  # the splitter and the headline finder know a heading by its mark

    def handle_data(self, data: str) -> None:
        if not self.reading_here:
            return
        start = self.here()
        if data.strip():
            self.after_break = False
        # HTML folds line breaks into spaces: a sentence wrapped in the source is one sentence.
        self.reading.copy(start, start + len(data), data.replace("\r", " ").replace("\n", " "))

    def handle_entityref(self, name: str) -> None:
        self.entity(f"&{name};", name)

    def handle_charref(self, name: str) -> None:
        self.entity(f"&#{name};", name)

    def entity(self, spelled: str, name: str) -> None:
        if not self.reading_here:
            return
        at = self.here()
        width = len(spelled) if self.source.startswith(spelled, at) else len(spelled) - 1  # `&amp` without `;`
        decoded = html.unescape(spelled)
        if decoded == spelled:  # not an entity after all: its text as written
            self.reading.copy(at, at + width)
        else:
            self.reading.put(decoded.replace(PARAGRAPH_BREAK, " "), at, width)
        self.after_break = self.after_break and not decoded.strip()

    def handle_comment(self, data: str) -> None:
        self.reading.comment(data)
