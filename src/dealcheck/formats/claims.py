"""`dealcheck claims list` and `claims show`: a claim base as people (text) and scripts (JSON) read it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..model import Claim, iso
from ..printable import printable
from ..render import citation_dict
from ..serialise import claim_data


def claim_list(claims: Sequence[Claim], fmt: str) -> str:
    """One line per claim (id, verdict, dates, text), or a JSON array of the same fields."""
    if fmt == "json":
        rows = [{"id": c.id, "verdict": c.verdict, "valid_from": iso(c.valid_from), "valid_until": iso(c.valid_until), "text": c.text} for c in claims]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    return "\n".join(printable(f"{c.id:<32} {c.verdict:<10} {_dates(c):<22} {c.text}") for c in claims)


def claim_detail(claim: Claim, fmt: str) -> str:
    """Everything about one claim, its citations spelled out; JSON in the claim base's own shape."""
    data: dict[str, Any] = {**claim_data(claim), "citations": [citation_dict(c) for c in claim.citations]}
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [f"{claim.id}  [{claim.verdict}]  {_dates(claim)}", f"  {claim.text}"]
    if claim.explanation:
        lines.append(f"  why: {claim.explanation}")
    if claim.replaced_by:
        lines.append(f"  replaced by: {claim.replaced_by}")
    for c in data["citations"]:
        lines.append(f"  source: {c['publisher']}, “{c['title']}”" + (f", {c['date']}" if c["date"] else ""))
        if c["url"]:
            lines.append(f"          {c['url']}")
        lines.append(f"          “{c['quote']}”")
    lines += [f"  number: {n['value']} ({n['relation']})" for n in data.get("numbers", [])]
    lines += [f"  paraphrase: {p}" for p in claim.paraphrases]
    for v in claim.variants:
        lines += [f"  variant [{v.verdict}]: {v.text}", f"      {v.explanation}"]
    lines += [f"  example [{e.verdict}{', as of ' + e.as_of.isoformat() if e.as_of else ''}]: {e.text}" for e in claim.examples]
    return "\n".join(map(printable, lines))


def _dates(c: Claim) -> str:
    return f"{iso(c.valid_from) or '…'}..{iso(c.valid_until) or '…'}"
