"""`-f line`: `path:line:column: verdict: explanation [claim]`, one line per finding, for editors."""

from __future__ import annotations

from typing import IO

from ..model import Finding
from ..render import one_line


class LineRenderer:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def add(self, finding: Finding) -> None:
        self.out.write(one_line(finding) + "\n")

    def close(self) -> None:
        pass
