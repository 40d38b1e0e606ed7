"""What the output formats share (the JSON shape of a finding, its location, the Renderer protocol), and the
rest of a run's output: the progress bar, the summary line, files written with `-o`. The formats are in `formats`."""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from .atomic import atomic_write
from .errors import DealcheckError
from .model import Citation, Finding
from .printable import printable


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
