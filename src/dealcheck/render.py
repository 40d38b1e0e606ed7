"""Output formats: text for people, json/jsonl for scripts, line for editors, github for CI."""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from .atomic import atomic_write
from .checker import Finding
from .claimbase import Citation, Verdict
from .errors import DealcheckError
from .i18n import label, message
from .printable import json_safe, printable


def citation_dict(c: Citation) -> dict[str, Any]:
    s = c.source
    return {"source": s.id, "title": s.title, "publisher": s.publisher, "date": s.date, "url": s.url, "quote": c.quote}


def finding_dict(f: Finding) -> dict[str, Any]:
    """The stable JSON shape of a finding (documented in the README)."""
    out: dict[str, Any] = {
        "text": f.text,
        "verdict": f.verdict,
        "score": round(f.score, 3),
        "claim": {"id": f.claim.id, "text": f.claim.text} if f.claim else None,
        "matched": f.matched,
        "explanation": f.explanation,
        "citations": [citation_dict(c) for c in f.citations],
        "lang": f.lang,
        "hedged": f.hedged,
        "path": f.path,
        "statement": f.statement,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
    }
    if f.candidates:
        out["candidates"] = [
            {"claim": c.claim.id, "text": c.claim.text, "matched": c.matched.text, "score": round(c.score, 3)} for c in f.candidates
        ]
    return out


def location(f: Finding) -> str:
    return f"{printable(f.path) if f.path else '<statement>'}:{f.line}:{f.column}"


def one_line(f: Finding) -> str:
    """Exactly one line, whatever the file name and the explanation hold."""
    claim = f" [{printable(f.claim.id)}]" if f.claim else ""
    return f"{location(f)}: {f.verdict}: {printable(' '.join(f.explanation.split()))}{claim}"


class Renderer(Protocol):
    def add(self, finding: Finding) -> None: ...
    def close(self) -> None: ...


class JsonRenderer:
    """One JSON array, written when the run ends."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.items: list[dict[str, Any]] = []

    def add(self, finding: Finding) -> None:
        self.items.append(finding_dict(finding))

    def close(self) -> None:
        import json

        self.out.write(json_safe(json.dumps(self.items, ensure_ascii=False, indent=2)) + "\n")


class JsonLinesRenderer:
    """One object per line, flushed at once so that `| head` and `| jq` see it immediately."""

    def __init__(self, out: IO[str]) -> None:
        import json

        self.out = out
        self.dumps = json.dumps

    def add(self, finding: Finding) -> None:
        self.out.write(json_safe(self.dumps(finding_dict(finding), ensure_ascii=False)) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


class LineRenderer:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def add(self, finding: Finding) -> None:
        self.out.write(one_line(finding) + "\n")

    def close(self) -> None:
        pass


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubRenderer:
    """GitHub Actions workflow commands: an annotation on the line of each finding."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def add(self, f: Finding) -> None:
        level = Verdict.of(f.verdict).github_level
        props = [f"title={_escape_property('dealcheck: ' + f.verdict)}"]
        if f.path:
            props = [
                f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}",
                f"endLine={f.end_line}", f"endColumn={f.end_column}", *props,
            ]
        claim = f" [{f.claim.id}]" if f.claim else ""
        self.out.write(f"::{level} {','.join(props)}::{_escape_data(printable(f.text + ' — ' + f.explanation + claim))}\n")

    def close(self) -> None:
        pass


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


class StatisticsRenderer:
    """`--statistics`: counts by verdict and by claim instead of the findings, like `ruff --statistics`."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out, self.fmt = out, fmt
        self.by_claim: Counter[tuple[str, str]] = Counter()

    def add(self, f: Finding) -> None:
        self.by_claim[(f.verdict + (" (suppressed)" if f.suppressed else ""), f.claim.id if f.claim else "-")] += 1

    def close(self) -> None:
        rows = sorted(self.by_claim.items(), key=lambda kv: (-kv[1], kv[0]))
        if self.fmt in ("json", "jsonl"):
            import json

            by_verdict: Counter[str] = Counter()
            for (verdict, _), n in rows:
                by_verdict[verdict] += n
            data = {"by_verdict": dict(by_verdict.most_common()), "by_claim": [{"verdict": v, "claim": c, "count": n} for (v, c), n in rows]}
            self.out.write(json_safe(json.dumps(data, ensure_ascii=False, indent=None if self.fmt == "jsonl" else 2)) + "\n")
            return
        width = len(str(rows[0][1])) if rows else 1
        for (verdict, claim), n in rows:
            self.out.write(f"{n:>{width}}  {verdict:<10}  {printable(claim)}\n")


def make_renderer(fmt: str, out: IO[str], color: str, lang: str = "auto", statistics: bool = False) -> Renderer:
    if statistics:
        return StatisticsRenderer(out, fmt)
    if fmt == "json":
        return JsonRenderer(out)
    if fmt == "jsonl":
        return JsonLinesRenderer(out)
    if fmt == "line":
        return LineRenderer(out)
    if fmt == "github":
        return GithubRenderer(out)
    return TextRenderer(out, color, lang)


# Inputs smaller than this finish before a progress bar would be worth drawing.
PROGRESS_BYTES = 4 * 1024 * 1024


@contextlib.contextmanager
def progress(total_bytes: int, quiet: bool = False) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for big inputs on a terminal; None (no bar) otherwise."""
    if quiet or total_bytes < PROGRESS_BYTES or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

    with Progress(
        BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
        console=Console(file=sys.stderr), transient=True,
    ) as bar:
        task = bar.add_task("checking", total=total_bytes)
        yield lambda n: bar.advance(task, n)


def summary(sentences: int, counts: Counter[str], seconds: float) -> str:
    parts = ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
    found = sum(counts.values())
    return f"{sentences} sentence{'s' if sentences != 1 else ''} checked, {found} finding{'s' if found != 1 else ''}" + (
        f" ({parts})" if parts else ""
    ) + f" in {seconds:.2f}s"


def write_text(text: str, output: Path | None, force: bool) -> None:
    """To stdout, or to a file written atomically; never clobbers without `force`, never a non-regular file."""
    if output is None:
        sys.stdout.write(text)
        return
    if not str(output).strip():
        raise DealcheckError("--output: empty file name")
    if os.path.lexists(output) and not force:
        raise DealcheckError(f"{output}: already exists (use --force to overwrite)")
    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as exc:
        raise DealcheckError(f"{output}: cannot write: {exc.strerror}") from None
