"""`-f jsonl`: one finding object per line, as soon as it is found."""

from __future__ import annotations

from typing import IO

from ..model import Finding
from ..printable import json_safe
from ..render import finding_dict


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
