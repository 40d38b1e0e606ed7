"""`-f github`: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from typing import IO

from ..model import Finding, Verdict
from ..printable import printable


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
