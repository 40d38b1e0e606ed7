"""Turn a sentence and its best-matching claim into a verdict with its reason and citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .claimbase import Citation, Claim, ClaimBase
from .match import Candidate, negates
from .normalize import Analysis, Quantity

# Ordered from most to least serious; `unknown` means no claim matched.
VERDICTS = ("false", "misleading", "outdated", "unverified", "true", "unknown")
DEFAULT_FAIL_ON = frozenset({"false", "misleading"})


@dataclass
class Verdict:
    verdict: str
    explanation: str
    citations: tuple[Citation, ...] = ()
    reasons: list[str] = field(default_factory=list)


def judge(sentence: Analysis, match: Candidate | None, base: ClaimBase, as_of: dt.date) -> Verdict:
    """Apply, in order: no match, number contradiction, negation, outdated, then the matched verdict."""
    if match is None:
        return Verdict("unknown", "No claim in the claim base matches this sentence.")
    claim = match.claim
    variant = claim.variants[match.variant] if match.variant >= 0 else None
    verdict = variant.verdict if variant else claim.verdict
    explanation = variant.explanation if variant else (claim.explanation or claim.text)
    citations = variant.citations if variant else claim.citations

    conflicts = _number_conflicts(sentence, claim, match)
    if conflicts:
        said, allowed = conflicts[0]
        message = (
            f"The sentence says {said.describe()}, but the sources give "
            f"{' and '.join(q.describe() for q in allowed)}: {claim.text}"
        )
        if variant:
            message += f" {variant.explanation}"
        return Verdict("false", message, citations, ["number"])

    if negates(sentence, match.matched) != match.matched.negated:
        if _outdated(claim, as_of) and not variant and claim.verdict == "true":
            return Verdict("true", f"This is no longer the case. {_since(claim, base)}", _with_replacement(claim, base), ["negation", "outdated"])
        if verdict == "true":
            return Verdict("false", f"The sentence denies what the sources confirm: {claim.text}", citations, ["negation"])
        if verdict == "false":
            return Verdict("true", f"The sentence rejects a misstatement. {explanation}", citations, ["negation"])
        return Verdict(verdict, f"The sentence denies it, but the claim itself is {verdict}: {explanation}", citations, ["negation"])

    if not variant and _outdated(claim, as_of):
        return Verdict("outdated", f"{claim.text} {_since(claim, base)}", _with_replacement(claim, base), ["outdated"])
    return Verdict(verdict, explanation, citations, ["variant" if variant else "claim"])


def _outdated(claim: Claim, as_of: dt.date) -> bool:
    return claim.valid_until is not None and claim.valid_until < as_of


def _since(claim: Claim, base: ClaimBase) -> str:
    held = f"It held until {claim.valid_until.isoformat()}" if claim.valid_until else "It no longer holds"
    replacement = base.by_id.get(claim.replaced_by or "")
    if replacement is None:
        return held + "."
    return f"{held}; since then: {replacement.text} (claim {replacement.id})"


def _with_replacement(claim: Claim, base: ClaimBase) -> tuple[Citation, ...]:
    replacement = base.by_id.get(claim.replaced_by or "")
    extra = tuple(c for c in replacement.citations if c not in claim.citations) if replacement else ()
    return claim.citations + extra


def _number_conflicts(sentence: Analysis, claim: Claim, match: Candidate) -> list[tuple[Quantity, list[Quantity]]]:
    """Figures in the sentence that no figure of the claim, in the same unit, allows.

    A figure the matched variant states itself is not a conflict: the variant's own
    verdict and explanation already say what is wrong with it.
    """
    conflicts = []
    for said in sentence.quantities:
        if not said.unit:
            continue
        allowed = [n.quantity for n in claim.numbers if n.quantity.unit == said.unit]
        if not allowed or any(said.agrees_with(q) for q in allowed):
            continue
        if match.variant >= 0 and any(q.unit == said.unit and said.agrees_with(q) for q in match.matched.quantities):
            continue
        conflicts.append((said, allowed))
    return conflicts
