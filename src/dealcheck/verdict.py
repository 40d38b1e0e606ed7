"""Turn a sentence and its best-matching claim into a verdict with its reason and citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .claimbase import Citation, Claim, ClaimBase
from .i18n import message
from .match import Candidate, opposite
from .normalize import Analysis, Quantity

# Ordered from most to least serious; `unknown` means no claim matched.
VERDICTS = ("false", "misleading", "outdated", "unverified", "true", "unknown")


@dataclass
class Verdict:
    verdict: str
    explanation: str
    citations: tuple[Citation, ...] = ()


def judge(sentence: Analysis, match: Candidate | None, base: ClaimBase, as_of: dt.date, lang: str = "en") -> Verdict:
    """Apply, in order: no match, number contradiction, negation, outdated, then the matched verdict.

    `lang` is the language of the messages dealcheck adds; curators' explanations stay as written.
    """
    if match is None:
        return Verdict("unknown", message(lang, "no_match"))
    claim = match.claim
    variant = claim.variants[match.variant] if match.variant >= 0 else None
    verdict = variant.verdict if variant else claim.verdict
    explanation = variant.explanation if variant else (claim.explanation or claim.text)
    citations = variant.citations if variant else claim.citations

    negated = opposite(sentence, match.matched)
    conflicts = _number_conflicts(sentence, claim, match)
    if conflicts and negated and verdict == "true":
        said, allowed = conflicts[0]
        return Verdict("true", message(lang, "denies_wrong_figure", said=said.describe(lang), allowed=_figures(allowed, lang)), citations)
    if conflicts:
        said, allowed = conflicts[0]
        text = message(lang, "number", said=said.describe(lang), allowed=_figures(allowed, lang), claim=claim.text)
        if variant:
            text += f" {variant.explanation}"
        return Verdict("false", text, citations)

    if negated:
        if _outdated(claim, as_of) and (not variant or variant.verdict == claim.verdict) and claim.verdict == "true":
            since = _since(claim, base, lang)
            return Verdict("true", message(lang, "no_longer", since=since), _with_replacement(claim, base))
        if verdict == "true":
            return Verdict("false", message(lang, "denies_true", claim=claim.text), citations)
        if verdict == "false":
            return Verdict("true", message(lang, "rejects_false", explanation=explanation), citations)
        return Verdict(verdict, message(lang, "denies_other", verdict=verdict, explanation=explanation), citations)

    if (not variant or variant.verdict == claim.verdict) and _outdated(claim, as_of):
        return Verdict("outdated", f"{claim.text} {_since(claim, base, lang)}", _with_replacement(claim, base))
    return Verdict(verdict, explanation, citations)


def _figures(quantities: list[Quantity], lang: str) -> str:
    return message(lang, "and").join(q.describe(lang) for q in quantities)


def _outdated(claim: Claim, as_of: dt.date) -> bool:
    return claim.valid_until is not None and claim.valid_until < as_of


def _since(claim: Claim, base: ClaimBase, lang: str) -> str:
    held = message(lang, "held_until", date=claim.valid_until.isoformat()) if claim.valid_until else message(lang, "no_longer_holds")
    replacement = base.by_id.get(claim.replaced_by or "")
    if replacement is None:
        return held + "."
    return message(lang, "since_then", held=held, text=replacement.text, id=replacement.id)


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
        if not said.unit or said.token in sentence.negated_terms:  # "27%, not 49%" rejects the 49%
            continue
        allowed = [n.quantity for n in claim.numbers if n.quantity.unit == said.unit]
        if not allowed or any(said.agrees_with(q) for q in allowed):
            continue
        if any(other.unit == said.unit and any(other.agrees_with(q) for q in allowed) for other in sentence.quantities):
            continue  # "27%, up from 32.5%": the sentence gives the claim's figure, and another beside it
        if match.variant >= 0 and any(q.unit == said.unit and said.same_figure(q) for q in match.matched.quantities):
            continue
        conflicts.append((said, allowed))
    return conflicts
