"""Text made safe for a terminal and for one-line formats.

File names, sentences, explanations and imported reviews come from people dealcheck does not
know. A newline in a file name would split one `line` finding over two lines; an ESC, OSC or
8-bit CSI (U+009B) sequence would reach the terminal; a bidirectional override would make a
line read differently from what it says. Each such character is shown as a visible escape.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NOT_ESCAPED_BY_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def printable(text: str) -> str:
    """`text` with every control, line-separating or direction-changing character escaped."""
    return _CONTROL.sub(_escape, text)


def json_safe(encoded: str) -> str:
    """JSON text with C1 and direction controls as `\\u` escapes (json.dumps escapes only C0): the same data."""
    return _NOT_ESCAPED_BY_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def strip_controls(text: str) -> str:
    """For text that is kept (an imported review): controls become spaces, directions are dropped."""
    return _CONTROL.sub(lambda m: " " if m.group() <= "\x9f" or m.group() in "\u2028\u2029" else "", text)
