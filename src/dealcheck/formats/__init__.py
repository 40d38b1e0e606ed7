"""The output formats, a module each; `make_renderer` imports only the one asked for.

A run prints one format, so it pays for one: `dealcheck "…"` never imports the others.
Helpers the formats share (the JSON shape of a finding, its location) live in `render`.
"""

from __future__ import annotations

from typing import IO

from ..errors import DealcheckError
from ..render import Renderer


def make_renderer(
    fmt: str, out: IO[str], color: str, lang: str = "auto", statistics: bool = False, verbose: bool = False
) -> Renderer:
    if statistics:
        if fmt == "sarif":
            # Counts in place of the results would not be a SARIF log, and a CI job would upload it all the same.
            raise DealcheckError("--statistics: not available with --format sarif (a SARIF log holds results, not counts)")
        from .statistics import StatisticsRenderer

        return StatisticsRenderer(out, fmt)
    if fmt == "json":
        from .json import JsonRenderer

        return JsonRenderer(out)
    if fmt == "jsonl":
        from .jsonl import JsonLinesRenderer

        return JsonLinesRenderer(out)
    if fmt == "line":
        from .line import LineRenderer

        return LineRenderer(out)
    if fmt == "github":
        from .github import GithubRenderer

        return GithubRenderer(out)
    if fmt == "sarif":
        from .sarif import SarifRenderer

        return SarifRenderer(out)
    from .text import TextRenderer

    return TextRenderer(out, color, lang, verbose)
