"""Turn a sentence and its best-matching claim into a verdict with its reason and citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .i18n import message
from .match import Candidate, opposite
from .model import Citation, Claim, ClaimBase
from .normalize import Analysis, Quantity


@dataclass
class Verdict:
    verdict: str
    explanation: str
    citations: tuple[Citation, ...] = ()


def judge(sentence: Analysis, match: Candidate, base: ClaimBase, as_of: dt.date, lang: str = "en") -> Verdict:
    """Apply, in order: figures, negation, time, then the matched verdict; a rumour is never `true`.

    A sentence that matches no claim never gets here: the checker says it is `unknown`. `lang` is the
    language of the messages dealcheck adds; curators' explanations stay as written.
    """
    result = _judge(sentence, match, base, as_of, lang)
    if sentence.rumour and result.verdict == "true" and not base.index.reported(match.claim):
        return Verdict("unverified", message(lang, "rumour", explanation=result.explanation), result.citations)
    return result


def _judge(sentence: Analysis, match: Candidate, base: ClaimBase, as_of: dt.date, lang: str) -> Verdict:
    claim = match.claim
    variant = claim.variants[match.variant] if match.variant >= 0 else None
    verdict = variant.verdict if variant else claim.verdict
    explanation = variant.explanation if variant else (claim.explanation or claim.text)
    citations = variant.citations if variant else claim.citations

    figures = _Figures.of(sentence, claim, match, base)
    if figures.wrong:
        said, allowed = figures.wrong[0]
        text = message(lang, "number", said=said.describe(lang), allowed=_figures(allowed, lang), claim=claim.text)
        if variant:
            text += f" {variant.explanation}"
        return _reported(sentence, Verdict("false", text, citations), lang)
    if figures.denied_wrong and claim.verdict == "true" and not figures.denied_right:
        said, allowed = figures.denied_wrong[0]
        return Verdict("true", message(lang, "denies_wrong_figure", said=said.describe(lang), allowed=_figures(allowed, lang)), citations)
    if figures.denied_right and claim.verdict == "true":
        said, _ = figures.denied_right[0]
        return Verdict("false", message(lang, "denies_figure", said=said.describe(lang), claim=claim.text), citations)
    if figures.overstated and claim.verdict == "true" and verdict == "true":
        said, allowed = figures.overstated[0]
        return Verdict("misleading", message(lang, "overstates", said=said.describe(lang), allowed=_figures(allowed, lang), claim=claim.text), citations)

    ended = (not variant or variant.verdict == claim.verdict) and _outdated(claim, as_of)
    if opposite(sentence, match.matched):
        if ended and claim.verdict == "true":
            since = _since(claim, base, lang)
            return Verdict("true", message(lang, "no_longer", since=since), _with_replacement(claim, base))
        if verdict == "true":
            return Verdict("false", message(lang, "denies_true", claim=claim.text), citations)
        if verdict == "false":
            return Verdict("true", message(lang, "rejects_false", explanation=explanation), citations)
        return Verdict(verdict, message(lang, "denies_other", verdict=verdict, explanation=explanation), citations)

    if ended:
        # "The earlier agreement ran until 2030": true of its time, and the sentence says it is past. A claim
        # that was never confirmed (a press figure) is not `outdated` when it ends: it stays what it was.
        if sentence.past or _placed_when_it_held(sentence, claim) or claim.verdict != "true":
            return Verdict(verdict, f"{explanation} {_since(claim, base, lang)}", _with_replacement(claim, base))
        return Verdict("outdated", f"{claim.text} {_since(claim, base, lang)}", _with_replacement(claim, base))
    later = None if variant else _later_figure(sentence, claim, base, as_of)
    if later is not None:
        said, claim_date, newer = later
        return Verdict(
            "misleading", message(lang, "later_figure", said=said.describe(lang), date=claim_date, text=newer.text, id=newer.id),
            citations + tuple(c for c in newer.citations if c not in citations),
        )
    if variant and variant.verdict == "false" and match.matched.quantities:
        return _reported(sentence, Verdict(verdict, explanation, citations), lang)
    return Verdict(verdict, explanation, citations)


def _later_figure(sentence: Analysis, claim: Claim, base: ClaimBase, as_of: dt.date) -> tuple[Quantity, str, Claim] | None:
    """A figure of one dated occasion told as if it were the whole, once a later confirmed claim of the same
    relation between the same parties gives another: "Microsoft has invested $1 billion in OpenAI", said after
    its $13 billion of commitments were filed, is true of 2019 and misleading now. A year, "first" or "the
    earlier" places the figure, and then it is true."""
    if claim.verdict != "true" or claim.valid_from is None or claim.valid_until is not None:
        return None
    if sentence.past or sentence.first or any(q.unit == "year" for q in sentence.quantities):
        return None
    figures = [q for q in sentence.quantities if q.unit and q.token not in sentence.former]
    said = next((q for q in figures if any(q.agrees_with(n.quantity) for n in claim.numbers)), None)
    if said is None:
        return None
    for other in base.index.kin(claim):
        since = _known_since(other)
        if other is claim or other.verdict != "true" or since is None or not claim.valid_from < since <= as_of:
            continue
        if other.valid_until is not None and other.valid_until < as_of:
            continue
        theirs = other.figures.get(said.unit, ())
        if theirs and not any(said.agrees_with(q) for q in theirs):
            return said, claim.valid_from.isoformat(), other
    return None


def _known_since(claim: Claim) -> dt.date | None:
    """When a claim began to hold, or else when its earliest dated source said so."""
    if claim.valid_from is not None:
        return claim.valid_from
    dates = []
    for c in claim.citations:
        try:
            dates.append(dt.date.fromisoformat((c.source.date or "")[:10]))
        except ValueError:
            continue
    return min(dates, default=None)


def _reported(sentence: Analysis, result: Verdict, lang: str) -> Verdict:
    """A wrong figure passed on as a report ("49%, according to people familiar") is `unverified`.

    What was reported cannot be confirmed from the sources, which give another figure (the explanation says
    which), and a press figure is often of another deal or date than the claim it resembles ("could value
    it at $850 billion" of a round in talks). Said without attribution, the same figure is `false`.
    """
    if not (sentence.hedged or sentence.conditional) or sentence.negated:
        return result
    return Verdict("unverified", message(lang, "report_contradicted", explanation=result.explanation), result.citations)


def _years_of(claim: Claim) -> set[float]:
    return {float(d.year) for d in (claim.valid_from, claim.valid_until) if d is not None}


def _placed_when_it_held(sentence: Analysis, claim: Claim) -> bool:
    """The sentence names a year in which the claim held ("In 2023 Azure was OpenAI's exclusive cloud")."""
    years = [q.value for q in sentence.quantities if q.unit == "year"]
    if not years or claim.valid_until is None:
        return False
    first = claim.valid_from.year if claim.valid_from else float("-inf")
    return all(first <= y <= claim.valid_until.year for y in years)


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


# "More than X" and "less than X" exclude X itself; "at least" and "up to" include it.
_BOUNDS = frozenset({"more_than", "less_than"})


@dataclass
class _Figures:
    """The sentence's figures against the claim's, in the units the claim states.

    - wrong: asserted, and allowed by no figure of the claim;
    - denied_wrong: negated, and wrong ("doesn't own 49%" rightly denies the 49%);
    - denied_right: negated, and the claim's ("doesn't own 27%" denies what the sources give).
    - overstated: a bound that only the edge of an exact figure meets ("more than $13 billion" of a sourced
      $13 billion): not wrong to the letter, but it says more (or less) than the sources give.

    A wrong figure beside one that agrees is allowed only when it is the figure of a kindred claim (the
    same relation between the same parties): "fell from 32.5% to 27%" gives the stake before and after.
    "27% for Microsoft and 49% for the Foundation" does not excuse the 49%.
    """

    wrong: list[tuple[Quantity, list[Quantity]]]
    denied_wrong: list[tuple[Quantity, list[Quantity]]]
    denied_right: list[tuple[Quantity, list[Quantity]]]
    overstated: list[tuple[Quantity, list[Quantity]]]

    @classmethod
    def of(cls, sentence: Analysis, claim: Claim, match: Candidate, base: ClaimBase) -> _Figures:
        wrong, denied_wrong, denied_right, overstated = [], [], [], []
        agreeing_units = set()
        for written in sentence.quantities:
            said = _as_count(written, claim)
            if not said.unit:
                continue
            allowed = [q for q in claim.figures.get(said.unit, ()) if _same_noun(said, q)]
            if not allowed:
                continue
            if said.unit == "year" and said.value in _years_of(claim):
                continue  # "since the April 2026 amendment" dates the claim itself
            # A figure the matched variant states itself is not a conflict: the variant's own verdict and
            # explanation already say what is wrong with it.
            if match.variant >= 0 and any(q.unit == said.unit and said.same_figure(q) for q in match.matched.quantities):
                continue
            denied = written.token in sentence.negated_terms or written.token in sentence.set_aside
            agrees = any(said.agrees_with(q) for q in allowed)
            if agrees and denied:
                denied_right.append((said, allowed))
            elif agrees:
                agreeing_units.add(said.unit)
                if said.relation in _BOUNDS and all(q.relation == "exactly" and said.same_figure(q) for q in allowed if said.agrees_with(q)):
                    overstated.append((said, allowed))
            elif denied:
                denied_wrong.append((said, allowed))
            else:
                wrong.append((said, allowed))
        if wrong and agreeing_units:
            kin = base.index.kin(claim)
            wrong = [
                (said, allowed) for said, allowed in wrong
                if said.unit not in agreeing_units or not any(said.agrees_with(q) for c in kin for q in c.figures.get(said.unit, ()))
            ]
        return cls(wrong, denied_wrong, denied_right, overstated)


def _as_count(said: Quantity, claim: Claim) -> Quantity:
    """A bare number counts what the claim counts when the word after it is the claim's: "1,700 steps" of
    a claim of 1,665 steps. Without that word it may be anything ("3 lifts")."""
    if said.unit or not said.noun:
        return said
    if any(n.quantity.unit == "count" and n.quantity.noun and _same_noun(said, n.quantity) for n in claim.numbers):
        return Quantity(said.value, "count", said.relation, said.text, said.noun)
    return said


def _same_noun(said: Quantity, stated: Quantity) -> bool:
    """Counts compare when they count one thing ("visitors", "visitor"), or when either leaves it unsaid."""
    if said.unit != "count" or not said.noun or not stated.noun:
        return True
    return said.noun.rstrip("s") == stated.noun.rstrip("s")
