"""Word documents (.docx) as a reader reads them, with the standard library's zipfile and ElementTree.

A .docx is a zip whose part word/document.xml holds the body: paragraphs (w:p) of runs of text (w:t), and
tables whose cells hold paragraphs. python-docx reads the same XML through lxml, 15 MB installed and about
100 ms to import, to give what one walk of that part gives here.

A Word document has no lines, so its paragraphs are the lines: line N is the Nth paragraph in document order
(every w:p, those of table cells and empty ones included), and the column counts characters within it.
Read: the body's paragraphs, tables cell by cell, text boxes (after the paragraph that anchors them), tracked
insertions. Left out: tracked deletions, field codes, headers, footers, footnotes and comments (other parts).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from ..document import Reading
from ..errors import InputError

_PART = "word/document.xml"
# Transitional OOXML (what Word writes) and Strict OOXML name the same elements in two namespaces.
_W = ("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "{http://purl.oclc.org/ooxml/wordprocessingml/main}")
_P = frozenset(w + "p" for w in _W)
_TEXT = frozenset(w + "t" for w in _W)
_TAB = frozenset(w + "tab" for w in _W)
_BREAK = frozenset(w + name for w in _W for name in ("br", "cr"))
_HYPHEN = frozenset(w + "noBreakHyphen" for w in _W)
# A text box is written twice, as DrawingML and as a VML fallback for old readers: the fallback is skipped.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read(data: bytes, name: str, limit: int) -> Reading:
    """The paragraphs of a .docx, one a line; `limit` bounds the XML inflated from the zip."""
    try:
        paragraphs = [" ".join(p.splitlines()) for p in _paragraphs(_root(data, name, limit))]
    except RecursionError:
        raise InputError(f"{name}: not read as a Word document: nested too deeply") from None
    reading = Reading("\n".join(paragraphs))
    at = 0
    for text in paragraphs:
        reading.copy(at, at + len(text))
        reading.block_end(at + len(text))
        at += len(text) + 1
    return reading


def _root(data: bytes, name: str, limit: int) -> ElementTree.Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(_PART) as part:
            xml = part.read(limit + 1)  # the size the zip declares may lie: a zip bomb stops here
    except KeyError:
        raise InputError(f"{name}: not a Word document (no {_PART} in it)") from None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted part; NotImplementedError: a compression zipfile does not know.
        raise InputError(f"{name}: not a Word document ({exc})") from None
    if len(xml) > limit:
        raise InputError(f"{name}: {_PART} larger than {limit:,} bytes (see --max-size)")
    if b"<!DOCTYPE" in xml:  # Word never writes one; entities declared in one are how XML bombs expand
        raise InputError(f"{name}: not read as a Word document: its XML declares a DOCTYPE")
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise InputError(f"{name}: not a Word document (damaged XML: {exc})") from None


def _paragraphs(element: ElementTree.Element) -> Iterator[str]:
    for child in element:
        if child.tag in _P:
            yield from _paragraph(child)
        elif child.tag != _FALLBACK:
            yield from _paragraphs(child)


def _paragraph(p: ElementTree.Element) -> Iterator[str]:
    """A paragraph's text, then the paragraphs of the text boxes anchored in it."""
    pieces: list[str] = []
    inner: list[ElementTree.Element] = []
    _runs(p, pieces, inner)
    yield "".join(pieces)
    for q in inner:
        yield from _paragraph(q)


def _runs(element: ElementTree.Element, pieces: list[str], inner: list[ElementTree.Element]) -> None:
    for child in element:
        tag = child.tag
        if tag in _TEXT:
            pieces.append(child.text or "")
        elif tag in _TAB:
            pieces.append("\t")
        elif tag in _BREAK:  # a line break inside a paragraph: the sentence goes on
            pieces.append(" ")
        elif tag in _HYPHEN:
            pieces.append("-")
        elif tag in _P:
            inner.append(child)
        elif tag != _FALLBACK:
            _runs(child, pieces, inner)
