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
import heapq
from array import array
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .normalize import Analysis, Quantity, fold, words

if TYPE_CHECKING:
    from .claimbase import Claim, ClaimBase

# A sentence "makes" a claim at or above this score; tuned on the bundled base's examples.
THRESHOLD = 0.4
# Recall of the candidate string counts BETA² times as much as precision: a claim stated
# inside a long sentence is still stated, but a sentence about other things is not this claim.
BETA2 = 0.5
# "Microsoft controls OpenAI" and "the nonprofit controls OpenAI" differ only by an entity
# that is in almost every claim, so its idf says little: each entity the candidate names and
# the sentence does not, and each the sentence names that the claim never mentions, costs this.
MISSING_ENTITY_PENALTY = 0.15
EXTRA_ENTITY_PENALTY = 0.2
# A candidate that states a figure (a share, an amount) the sentence has no figure of
# that kind for: the sentence makes at most a vaguer claim.
MISSING_FIGURE_PENALTY = 0.15
# A misstatement of a figure made with another figure ("$5 billion" against "$10 billion") is
# less likely that misstatement than the claim itself said wrongly.
OTHER_FIGURE_PENALTY = 0.3
# A misstatement differs from its claim by a few words ("only", "minority", "49%"); a sentence
# with none of them is not making that misstatement, however many other words it shares.
UNMARKED_VARIANT_PENALTY = 0.5
# A word no claim uses still says the sentence is about something else: it counts this much
# against precision (a known word counts its idf, typically 2 to 6).
UNKNOWN_WEIGHT = 1.0
SIMILARITY_WEIGHT = 0.15
# How many index strings reach stage 2; more only costs time.
SHORTLIST = 20
COMMON_FRACTION = 0.1
COMMON_MIN = 20


@dataclass(frozen=True)
class IndexedText:
    claim: int
    variant: int  # -1: the claim's own text or a paraphrase
    text: str
    tokens: tuple[str, ...]
    negated: bool
    quantities: tuple[Quantity, ...]
    privative: bool = False
    lang: str = "en"


@dataclass(frozen=True)
class Candidate:
    """One claim a sentence may make, with the string that matched it best and the score."""

    claim: Claim
    matched: IndexedText
    score: float

    @property
    def variant(self) -> int:
        return self.matched.variant


@dataclass(frozen=True)
class _Doc:
    """What stage 2 needs about one indexed string, derived when it is first shortlisted."""

    text: IndexedText
    terms: frozenset[str]
    related: frozenset[str]  # the terms of its claim's text and paraphrases, and its own
    entities: frozenset[str]
    claim_entities: frozenset[str]
    marks: frozenset[str]  # a misstatement's words that its claim never uses
    sorted_tokens: str


class Index:
    """Inverted index over every string that should match a claim.

    Stored compactly (flat arrays, one string per indexed text) so that a cached base of
    tens of thousands of claims loads fast; what scoring needs about a string is derived
    the first time the string is shortlisted, and kept for the rest of the run.
    """

    def __init__(self, base: ClaimBase) -> None:
        from .claimbase import iter_texts

        self.base = base
        self.normalizer = base.normalizer
        self.texts: list[str] = []
        self.tokens: list[str] = []
        self.claim_of = array("l")
        self.variant_of = array("l")
        self.first_doc = array("l")  # first string of each claim; its strings are contiguous
        postings: dict[str, list[int]] = defaultdict(list)
        for ci, claim in enumerate(base.claims):
            self.first_doc.append(len(self.texts))
            for text, variant in iter_texts(claim):
                tokens = base.normalizer.analyse(text).tokens
                doc = len(self.texts)
                for term in set(tokens):
                    postings[term].append(doc)
                self.texts.append(text)
                self.tokens.append(" ".join(tokens))
                self.claim_of.append(ci)
                self.variant_of.append(variant)
        self.first_doc.append(len(self.texts))
        self.n = len(self.texts)
        self.term_ids: dict[str, int] = {}
        self.offsets = array("l", [0])
        self.flat = array("l")
        for term, docs in postings.items():
            self.term_ids[term] = len(self.offsets) - 1
            self.flat.extend(docs)
            self.offsets.append(len(self.flat))
        self.weight = array("d", (sum(self.idf(t) for t in set(tokens.split())) or 1.0 for tokens in self.tokens))
        # Terms in more strings than this (entity names, mostly) do not pick candidates, they only
        # score them: on a deal sentence they would otherwise touch every string of the base.
        self.common = max(COMMON_MIN, int(COMMON_FRACTION * self.n))
        self.trigger = _trigger(base)
        forms = set(self.trigger or ()) | base.normalizer.key_word_forms(self.trigger or ())
        self.trigger_forms = sorted(f for f in forms if f)  # an empty form would match everywhere
        self.subjects = {frozenset(c.subject) for c in base.claims}
        self._docs: dict[int, _Doc] = {}

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_docs"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._docs = {}

    def df(self, term: str) -> int:
        j = self.term_ids.get(term)
        return 0 if j is None else self.offsets[j + 1] - self.offsets[j]

    def idf(self, term: str) -> float:
        f = self.df(term)
        return math.log(1 + (self.n - f + 0.5) / (f + 0.5))

    def postings(self, term: str) -> array[int]:
        j = self.term_ids[term]
        return self.flat[self.offsets[j] : self.offsets[j + 1]]

    def doc(self, i: int) -> _Doc:
        found = self._docs.get(i)
        if found is not None:
            return found
        ci, variant = self.claim_of[i], self.variant_of[i]
        claim = self.base.claims[ci]
        a = self.normalizer.analyse(self.texts[i])
        text = IndexedText(ci, variant, self.texts[i], tuple(a.tokens), a.negated, tuple(a.quantities), a.privative, a.lang)
        terms = frozenset(self.tokens[i].split())
        vocabulary = frozenset(
            t for d in range(self.first_doc[ci], self.first_doc[ci + 1]) if self.variant_of[d] < 0 for t in self.tokens[d].split()
        )
        entity_ids = self.normalizer.entity_ids
        found = self._docs[i] = _Doc(
            text=text,
            terms=terms,
            related=vocabulary | terms,
            entities=terms & entity_ids,
            claim_entities=vocabulary & entity_ids,
            marks=terms - vocabulary if _disagrees(claim, variant) else frozenset(),
            sorted_tokens=" ".join(sorted(a.tokens)),
        )
        return found

    def subject_hits(self, text: str) -> list[int] | None:
        """Offsets in raw text where a subject entity may be named; None: every sentence may matter.

        Searched over a whole block with `str.find` (C speed) for each key word as curators
        wrote it and as folded, so that in a long document only the few sentences near a hit
        are split, analysed and scored.
        """
        if self.trigger is None:
            return None
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter whose lower case is longer: offsets would shift
            lowered = "".join(c.lower()[0] for c in text)
        hits = []
        for word in self.trigger_forms:
            at = lowered.find(word)
            while at != -1:
                end = at + len(word)
                if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                    hits.append(at)
                at = lowered.find(word, end)
        hits.sort()
        return hits

    def mentions_subject(self, text: str) -> bool:
        """A cheap test on raw text: can this sentence name every subject entity of some claim?"""
        if self.trigger is None:
            return True
        found = words(fold(text))
        if self.trigger.isdisjoint(found):
            return False
        _, named = self.normalizer.entities_in(found)
        return any(named.issuperset(subject) for subject in self.subjects)

    def search(self, sentence: Analysis, as_of: dt.date | None = None, limit: int = 5) -> list[Candidate]:
        """The best-scoring claims for a sentence, best first, one entry per claim."""
        from rapidfuzz.fuzz import ratio

        terms = sentence.terms
        idf = {x: self.idf(x) for x in terms if x in self.term_ids}
        known = sum(idf.values()) + UNKNOWN_WEIGHT * (len(terms) - len(idf))
        rare = [x for x in idf if self.df(x) <= self.common]
        found: dict[int, float] = defaultdict(float)
        for term in rare:
            w = idf[term]
            for i in self.postings(term):
                found[i] += w
        if len(found) < SHORTLIST:  # too few rare terms to choose from: let every term propose
            for term in idf.keys() - set(rare):
                w = idf[term]
                for i in self.postings(term):
                    found[i] += w
        if not found:
            return []
        weight = self.weight
        # `--top N` asks for N claims: shortlist enough strings that N distinct claims can be among them.
        shortlist = heapq.nlargest(max(SHORTLIST, 4 * limit), found, key=lambda i: found[i] / weight[i])
        sentence_terms = " ".join(sorted(sentence.tokens))
        units = {q.unit for q in sentence.quantities}
        best: dict[int, Candidate] = {}
        for i in shortlist:
            d = self.doc(i)
            t = d.text
            claim = self.base.claims[t.claim]
            if claim.subject and not sentence.entities.issuperset(claim.subject):
                continue
            if as_of is not None and claim.valid_from is not None and claim.valid_from > as_of:
                continue
            if t.variant >= 0 and _states_the_truth_instead(sentence, claim, t):
                continue
            hit = sum(idf[x] for x in d.terms & terms)
            recall = hit / weight[i]
            own = hit / known
            related = sum(idf[x] for x in terms & d.related) / known
            precision = (own + related) / 2
            f_score = (1 + BETA2) * precision * recall / (BETA2 * precision + recall) if recall else 0.0
            similarity = ratio(d.sorted_tokens, sentence_terms) / 100
            score = (1 - SIMILARITY_WEIGHT) * f_score + SIMILARITY_WEIGHT * similarity
            missing = len(d.entities - sentence.entities)
            extra = len(sentence.entities - d.entities - d.claim_entities)
            score *= max(0.0, 1 - MISSING_ENTITY_PENALTY * missing) * max(0.0, 1 - EXTRA_ENTITY_PENALTY * extra)
            if _disagrees(claim, t.variant) and _states_other_figures(sentence, t):
                score *= 1 - OTHER_FIGURE_PENALTY
            if d.marks and d.marks.isdisjoint(terms):
                score *= 1 - UNMARKED_VARIANT_PENALTY
            if _disagrees(claim, t.variant) and opposite(sentence, t):
                score *= 1 - UNMARKED_VARIANT_PENALTY  # the sentence says the opposite of this misstatement
            score *= (1 - MISSING_FIGURE_PENALTY) ** len({q.unit for q in t.quantities if q.unit not in ("", "year")} - units)
            score = round(score, 4)
            held = best.get(t.claim)
            # Between equally good strings of a claim, the one in the sentence's language explains it in that language.
            if held is None or (score, t.lang == sentence.lang) > (held.score, held.matched.lang == sentence.lang):
                best[t.claim] = Candidate(claim, t, score)
        return sorted(best.values(), key=lambda c: c.score, reverse=True)[:limit]


def _disagrees(claim: Claim, variant: int) -> bool:
    """A variant whose verdict differs from its claim's: a misstatement, not another wording."""
    return variant >= 0 and claim.variants[variant].verdict != claim.verdict


def negates(sentence: Analysis, text: IndexedText) -> bool:
    """Whether a negation in the sentence bears on the words it shares with `text`."""
    return not sentence.negated_terms.isdisjoint(text.tokens)


def opposite(sentence: Analysis, text: IndexedText) -> bool:
    """Whether the sentence says the opposite of `text`.

    Explicit negations ("not", « ne … pas ») and words that deny by meaning ("stopped",
    « met fin ») each turn a statement around, and two cancel out: "never gave up its right"
    affirms the right. Words that deny by meaning never turn a verdict by themselves, though:
    "the rights stop in 2028" is not the opposite of "the rights run through 2032".
    """
    denies = negates(sentence, text)
    if not denies and not text.negated:
        return False
    return (denies != sentence.privative) != (text.negated != text.privative)


def _states_other_figures(sentence: Analysis, variant: IndexedText) -> bool:
    for said in sentence.quantities:
        stated = [q for q in variant.quantities if q.unit == said.unit and q.unit not in ("", "year")]
        if stated and not any(said.agrees_with(q) for q in stated):
            return True
    return False


def _states_the_truth_instead(sentence: Analysis, claim: Claim, variant: IndexedText) -> bool:
    """A misstatement about a figure is not made by a sentence that gives the true figure."""
    for said in sentence.quantities:
        stated = [q for q in variant.quantities if q.unit == said.unit]
        true = [n.quantity for n in claim.numbers if n.quantity.unit == said.unit]
        if stated and true and any(said.agrees_with(q) for q in true) and not any(said.agrees_with(q) for q in stated):
            return True
    return False


def _trigger(base: ClaimBase) -> frozenset[str] | None:
    """The key word of each alias of an entity some claim's subject needs.

    A sentence with none of them cannot name a subject, so it is settled without analysis.
    None when some claim needs no subject: then every sentence has to be analysed.
    """
    if not base.claims or any(not c.subject for c in base.claims):
        return None
    needed = {entity for c in base.claims for entity in c.subject}
    normalizer = base.normalizer
    return frozenset(normalizer.key_words[alias] for alias, named in normalizer.aliases.items() if not needed.isdisjoint(named))
