"""`-f text`, the default: a block per finding, for people."""

from __future__ import annotations

import os
from typing import IO

from ..i18n import label, message
from ..model import Finding, Verdict
from ..printable import printable
from ..render import location

_SGR = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35"}


class TextRenderer:
    """A block per finding, coloured by verdict when the terminal allows it.

    Plain ANSI styles rather than rich: this is what a one-statement run prints, and
    importing rich's console would cost that run more than everything else it does.
    """

    def __init__(self, out: IO[str], color: str, lang: str = "auto") -> None:
        self.out = out
        self.lang = lang
        self.color = color == "always" or (
            color == "auto" and out.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        )
        self.count = 0

    def _style(self, text: str, *styles: str) -> str:
        text = printable(text)  # text from the input must not drive the terminal
        if not self.color or not styles:
            return text
        return f"\x1b[{';'.join(_SGR[s] for s in styles)}m{text}\x1b[0m"

    def add(self, f: Finding) -> None:
        lang = f.lang if self.lang == "auto" else self.lang
        st = self._style
        lines = [""] if self.count else []
        self.count += 1
        where = f"{location(f)}  " if f.path else ""
        hedge = "  " + st(f"({message(lang, 'hedged')})", "dim") if f.hedged else ""
        lines.append(f"{st(where)}{st(label(lang, f.verdict), *Verdict.of(f.verdict).style)}  {st(f.text)}  {st(f'(score {f.score:.2f})', 'dim')}{hedge}")
        claim_label, why_label, source_label = (message(lang, k) for k in ("claim", "why", "source"))
        width = max(len(claim_label), len(why_label), len(source_label))
        if f.claim:
            lines.append(f"  {st(f'{claim_label:<{width}}', 'bold')}  {st(f.claim.id)}: {st(f.claim.text)}")
        lines.append(f"  {st(f'{why_label:<{width}}', 'bold')}  {st(f.explanation)}")
        indent = " " * (width + 4)
        for i, c in enumerate(f.citations):
            s = c.source
            head = ", ".join(x for x in (s.publisher, f"“{s.title}”", s.date) if x)
            lines.append(f"  {st(f'{source_label if i == 0 else str():<{width}}', 'bold')}  {st(head)}")
            if s.url:
                lines.append(indent + st(s.url, "underline"))
            lines.append(indent + st(f"“{c.quote}”", "italic"))
        for candidate in f.candidates:
            lines.append("  " + st(f"{message(lang, 'candidate')} {candidate.score:.2f}  {candidate.claim.id}: {candidate.matched.text}", "dim"))
        self.out.write("\n".join(lines) + "\n")

    def close(self) -> None:
        pass
