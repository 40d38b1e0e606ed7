"""Find the claims a sentence makes: candidates from a lexical index, then a calibrated score.

Stage 1 looks up the sentence's normalised terms in an inverted index over every
claim text, paraphrase and variant, weighting each term by its rarity (BM25's idf),
so only strings that share rare terms with the sentence are scored. Stage 2 gives
each candidate one score in [0, 1]: mostly how much of the candidate's weighted
terms the sentence contains, plus rapidfuzz similarity of the two term lists, which
rewards near-verbatim statements over long sentences that merely mention the terms.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .normalize import Analysis, Quantity, fold

if TYPE_CHECKING:
    from .claimbase import Claim, ClaimBase

# A sentence "makes" a claim at or above this score; tuned on the bundled base's examples.
THRESHOLD = 0.6
COVERAGE_WEIGHT = 0.75
# How many index strings reach stage 2; more only costs time.
SHORTLIST = 40


@dataclass(frozen=True)
class IndexedText:
    claim: int
    variant: int  # -1: the claim's own text or a paraphrase
    text: str
    tokens: tuple[str, ...]
    negated: bool
    quantities: tuple[Quantity, ...]


@dataclass(frozen=True)
class Candidate:
    """One claim a sentence may make, with the string that matched it best and the score."""

    claim: Claim
    matched: IndexedText
    score: float

    @property
    def variant(self) -> int:
        return self.matched.variant


class Index:
    """Inverted index over every string that should match a claim."""

    def __init__(self, base: ClaimBase) -> None:
        from .claimbase import iter_texts

        self.claims = base.claims
        self.normalizer = base.normalizer
        self.texts: list[IndexedText] = []
        for ci, claim in enumerate(base.claims):
            for text, variant in iter_texts(claim):
                a = base.normalizer.analyse(text)
                self.texts.append(IndexedText(ci, variant, text, tuple(a.tokens), a.negated, tuple(a.quantities)))
        df: dict[str, int] = defaultdict(int)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(self.texts):
            for term in set(t.tokens):
                df[term] += 1
                postings[term].append(i)
        n = len(self.texts)
        self.idf = {term: math.log(1 + (n - f + 0.5) / (f + 0.5)) for term, f in df.items()}
        self.postings = dict(postings)
        self.weight = [sum(self.idf[term] for term in set(t.tokens)) or 1.0 for t in self.texts]
        self.sorted_tokens = [" ".join(sorted(t.tokens)) for t in self.texts]
        self.trigger = _trigger(base)

    def mentions_subject(self, text: str) -> bool:
        """A cheap test on raw text: can this sentence be about any claim at all?"""
        return self.trigger is None or self.trigger.search(fold(text)) is not None

    def search(self, sentence: Analysis, as_of: dt.date | None = None, limit: int = 5) -> list[Candidate]:
        """The best-scoring claims for a sentence, best first, one entry per claim."""
        from rapidfuzz.fuzz import ratio

        found: dict[int, float] = defaultdict(float)
        for term in sentence.terms:
            ids = self.postings.get(term)
            if ids:
                w = self.idf[term]
                for i in ids:
                    found[i] += w
        if not found:
            return []
        shortlist = sorted(found, key=lambda i: found[i] / self.weight[i], reverse=True)[:SHORTLIST]
        sentence_terms = " ".join(sorted(sentence.tokens))
        best: dict[int, Candidate] = {}
        for i in shortlist:
            t = self.texts[i]
            claim = self.claims[t.claim]
            if claim.subject and not sentence.entities.issuperset(claim.subject):
                continue
            if as_of is not None and claim.valid_from is not None and claim.valid_from > as_of:
                continue
            coverage = found[i] / self.weight[i]
            similarity = ratio(self.sorted_tokens[i], sentence_terms) / 100
            score = COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * similarity
            if t.claim not in best or score > best[t.claim].score:
                best[t.claim] = Candidate(claim, t, round(score, 4))
        return sorted(best.values(), key=lambda c: c.score, reverse=True)[:limit]


def _trigger(base: ClaimBase) -> re.Pattern[str] | None:
    """Names of the entities every claim's subject needs; None when some claim has no subject."""
    if not base.claims or any(not c.subject for c in base.claims):
        return None
    needed = {entity for c in base.claims for entity in c.subject}
    names = [alias for alias, entity in base.normalizer.aliases.items() if entity in needed]
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
