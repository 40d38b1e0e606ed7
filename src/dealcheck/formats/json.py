"""`-f json`: one array of finding objects (their fields are a stable interface, listed in the README)."""

from __future__ import annotations

from typing import IO, Any

from ..model import Finding
from ..printable import json_safe
from ..render import finding_dict


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
