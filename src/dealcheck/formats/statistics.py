"""`--statistics`: counts by verdict and by claim, in any format's place."""

from __future__ import annotations

from collections import Counter
from typing import IO, Any

from ..model import Finding
from ..printable import json_safe, printable


def _rows(by_claim: Counter[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    return sorted(by_claim.items(), key=lambda kv: (-kv[1], kv[0]))  # the most found first


def counts(by_claim: Counter[tuple[str, str]]) -> dict[str, Any]:
    """Findings by verdict and by (verdict, claim id): the JSON of `--statistics`, and of `dealcheck scan`'s summary."""
    rows = _rows(by_claim)
    by_verdict: Counter[str] = Counter()
    for (verdict, _), n in rows:
        by_verdict[verdict] += n
    return {"by_verdict": dict(by_verdict.most_common()), "by_claim": [{"verdict": v, "claim": c, "count": n} for (v, c), n in rows]}


class StatisticsRenderer:
    """`--statistics`: counts by verdict and by claim instead of the findings, like `ruff --statistics`."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out, self.fmt = out, fmt
        self.by_claim: Counter[tuple[str, str]] = Counter()

    def add(self, f: Finding) -> None:
        self.by_claim[(f.verdict + (" (suppressed)" if f.suppressed else ""), f.claim.id if f.claim else "-")] += 1

    def close(self) -> None:
        if self.fmt in ("json", "jsonl"):
            import json

            data = counts(self.by_claim)
            self.out.write(json_safe(json.dumps(data, ensure_ascii=False, indent=None if self.fmt == "jsonl" else 2)) + "\n")
            return
        rows = _rows(self.by_claim)
        width = len(str(rows[0][1])) if rows else 1
        for (verdict, claim), n in rows:
            self.out.write(f"{n:>{width}}  {verdict:<10}  {printable(claim)}\n")
