"""Find the claims a sentence makes: candidates from a lexical index, then a calibrated score.

Stage 1 scores every claim text, paraphrase and variant that shares a rare term with the
sentence by BM25 (stemmed terms, stop words dropped, entity aliases as one term), and keeps
the claims whose two best strings score highest. Stage 2 gives each candidate one score in
[0, 1], the one the threshold reads: how much of the candidate's weighted terms the sentence
contains and how much of the sentence the claim accounts for, rapidfuzz similarity of the two
term lists (near-verbatim statements and typos), lowered for disagreeing entities, figures and
polarity. With the semantic extra, the claims closest in meaning to the sentence join the
candidates, whatever their BM25, and every candidate is re-scored with sentence embeddings.

Candidates are ranked by that score, except that in a long sentence (a pasted post, a
paragraph without full stops) the score is weighed by the claim's BM25 against the best one's:
a long text covers many short claim strings by chance, so coverage alone ranks them poorly
there (measured on CheckThat!, see the README), while in a short statement it is the better guide.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import operator
from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .languages import CODES
from .normalize import AMOUNT_UNITS, Analysis, Quantity, detect_language, fold, stop_words, without_links, words

if TYPE_CHECKING:
    from .model import Claim, ClaimBase

# A sentence "makes" a claim at or above this score; tuned on the bundled base's examples.
THRESHOLD = 0.4
# Once some candidate reaches THRESHOLD the sentence makes a claim, and the best-ranked candidate scoring at
# least RANKED_FLOOR is the one it makes: ranking knows things the score does not (the sentence speaks of the
# past, a long sentence's BM25).
RANKED_FLOOR = 0.3
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
# Choosing the wording of a claim whose relation a sentence states, one of the sentence's polarity counts
# this much more.
OPPOSITE_WORDING_DISCOUNT = 0.3
# A misstatement that states the sentence's very figure ("invested $135 billion") is the error foreseen.
SAME_FIGURE_BONUS = 0.15
# A word no claim uses still says the sentence is about something else: it counts this much
# against precision (a known word counts its idf, typically 2 to 6).
UNKNOWN_WEIGHT = 1.0
SIMILARITY_WEIGHT = 0.15
# In sentences of LONG_SENTENCE terms or more, candidates are ranked by score × BM25 / best BM25;
# in sentences of up to SHORT_SENTENCE terms by score alone; in between, by score × (BM25 / best)^t,
# t rising from 0 to 1.
SHORT_SENTENCE = 10
LONG_SENTENCE = 18
# The semantic extra: each of a sentence's SEMANTIC_SHORTLIST candidates' scores becomes
# (1 - SEMANTIC_WEIGHT) × score + SEMANTIC_WEIGHT × its cosine similarity rescaled from
# [COSINE_FLOOR, 1] to [0, 1]; a long sentence's candidates are ranked by the same kind of mix,
# with RANK_SEMANTIC_WEIGHT and RANK_COSINE_FLOOR.
SEMANTIC_SHORTLIST = 50
# ... and the DENSE_CANDIDATES claims closest in meaning join them, whatever their BM25.
DENSE_CANDIDATES = 5
RANK_SEMANTIC_WEIGHT = 0.5
RANK_COSINE_FLOOR = 0.7
SEMANTIC_WEIGHT = 0.15
COSINE_FLOOR = 0.85
# Below this lexical score no candidate can reach the threshold even with a perfect cosine, so the
# sentence is not embedded: the verdict cannot change, and documents stay fast.
SEMANTIC_FLOOR = (THRESHOLD - SEMANTIC_WEIGHT) / (1 - SEMANTIC_WEIGHT)
# The weight of closeness of meaning in the ranking rises from 0 at SEMANTIC_SHORT terms to
# RANK_SEMANTIC_WEIGHT at SEMANTIC_LONG: in short statements the calibrated score ranks better.
SEMANTIC_SHORT = 8
SEMANTIC_LONG = 12
# A sentence that states a claim's relation between its parties scores RELATION_SCORE (a match), plus
# RELATION_AGREES when it gives a figure that agrees with one of the claim's, RELATION_YEAR when it
# names the claim's year, and RELATION_WORDS of its lexical score, so that between claims of one relation
# the closer wording wins.
RELATION_SCORE = 0.42
RELATION_AGREES = 0.05
RELATION_YEAR = 0.05
RELATION_WORDS = 0.2
# A wording in another language than the sentence's shares stems with it by chance more often.
OTHER_LANGUAGE_PENALTY = 0.1
# A claim matched by its words in a sentence that only refers to some of its parties scores this much less.
REFERRED_PARTY_PENALTY = 0.2
# A relation stated between a claim's parties, with a party outside the topic also in play ("Microsoft and
# SoftBank have invested …"), is this much less surely the claim's.
OUTSIDER_PENALTY = 0.1
# ... and a claim that names that party ranks this much higher.
OUTSIDER_PREFERENCE = 0.25
# A claim's wording matched in a sentence that states another relation, and none of the claim's, is less
# likely that claim.
UNSTATED_RELATION_PENALTY = 0.15
# A sentence that speaks of the past ("previously", « l'accord précédent ») ranks claims that have ended this
# much higher, and the claims that replaced them this much lower.
PAST_PREFERENCE = 0.2
# A sentence's figures raise the claims they agree with this much, and lower those they contradict.
FIGURE_PREFERENCE = 0.15
# A sentence's years raise the claims that held then (or name them) this much, and lower those begun after.
YEAR_PREFERENCE = 0.15
# BM25's saturation and length normalisation (strings are short, so each term counts once).
K1 = 1.2
B = 0.75
# How many claims reach stage 2, and how many of each claim's strings; more only costs time.
SHORTLIST = 12
SHORTLIST_STRINGS = 200
STRINGS_PER_CLAIM = 3
# A claim's BM25 is that of its best two strings: a claim whose text and title (or paraphrases)
# both match is better evidenced than one with a single matching string.
STRINGS_SUMMED = 2
COMMON_FRACTION = 0.1
COMMON_MIN = 20


@dataclass(frozen=True)
class IndexedText:
    variant: int  # -1: the claim's own text or a paraphrase
    text: str
    tokens: tuple[str, ...]
    negated: bool
    quantities: tuple[Quantity, ...]
    privative: bool = False
    hedged: bool = False  # it is itself about a report or rumour ("In 2024 reports said …")
    vocabulary: frozenset[str] = frozenset()  # the terms of its claim's own wordings
    set_aside: frozenset[str] = frozenset()  # what it sets aside itself ("rather than shares")
    privative_terms: frozenset[str] = frozenset()  # what its word that denies by meaning bears on


class Candidate:
    """One claim a sentence may make, with the string that matched it best and the score.

    The matched string is analysed when it is first read: a ranked list is mostly read for its
    claims and scores. The index it comes from is not part of the candidate's value, so copying
    or pickling a candidate never drags the whole claim base along.
    """

    __slots__ = ("claim", "string", "score", "_index", "_matched")

    def __init__(self, claim: Claim, string: int, score: float, index: Index) -> None:
        self.claim, self.string, self.score = claim, string, score
        self._index: Index | None = index
        self._matched: IndexedText | None = None

    @property
    def matched(self) -> IndexedText:
        if self._matched is None:
            assert self._index is not None
            self._matched = self._index.text(self.string)
        return self._matched

    @property
    def variant(self) -> int:
        return self.matched.variant

    def __getstate__(self) -> tuple[Claim, int, float, IndexedText]:
        return self.claim, self.string, self.score, self.matched

    def __setstate__(self, state: tuple[Claim, int, float, IndexedText]) -> None:
        self.claim, self.string, self.score, self._matched = state
        self._index = None

    def __repr__(self) -> str:
        return f"Candidate(claim={self.claim.id!r}, string={self.string}, score={self.score})"


@dataclass(frozen=True)
class _Doc:
    """What stage 2 needs about one indexed string, derived from its terms when it is first shortlisted.

    The full analysis (negation, figures) is only made for a variant, whose score needs it, and for
    a candidate whose matched string is read: on a big base most shortlisted strings need neither.
    """

    index: int
    variant: int
    lang: str
    misstated: bool  # a variant with another verdict than its claim's
    units: frozenset[str]  # of the amounts it states (a year is not one), from the figure markers among its terms
    terms: frozenset[str]
    related: frozenset[str]  # the terms of its claim's text and paraphrases, and its own
    weight: float  # of its terms (Index.weight)
    entities: frozenset[str]
    known: frozenset[str]  # the entities it or its claim's wordings name
    marks: frozenset[str]  # a misstatement's words that its claim never uses
    sorted_tokens: str
    # The relations it is judged by: a misstatement's are those it states itself (it may state another claim's).
    relations: frozenset[str] | tuple[str, ...] = ()


class Index:
    """Inverted index over every string that should match a claim.

    Stored compactly (flat arrays, one string per indexed text) so that a cached base of
    tens of thousands of claims loads fast; what scoring needs about a string is derived
    the first time the string is shortlisted, and kept for the rest of the run.
    """

    def __init__(self, base: ClaimBase) -> None:
        self.base = base
        self.normalizer = base.normalizer
        self.texts: list[str] = []
        self.tokens: list[str] = []
        self.claim_of = array("l")
        self.variant_of = array("l")
        self.first_doc = array("l")  # first string of each claim; its strings are contiguous
        # The position in LANGUAGES of each string's language: a byte each in the cached index.
        self.lang_of = array("B")
        lengths: list[int] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for ci, claim in enumerate(base.claims):
            self.first_doc.append(len(self.texts))
            for text, variant in claim.texts():
                analysis = base.normalizer.analyse(text)
                tokens = analysis.tokens
                self.lang_of.append(CODES.index(analysis.lang))
                lengths.append(len(tokens))
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
        # Each term's idf, by its id: every sentence looks up those of its terms.
        self.idf_of = array("d", (math.log(1 + (self.n - f + 0.5) / (f + 0.5)) for f in map(operator.sub, self.offsets[1:], self.offsets)))
        self.weight = array("d", (sum(self.idf_of[self.term_ids[t]] for t in set(tokens.split())) or 1.0 for tokens in self.tokens))
        average = sum(lengths) / len(lengths) if any(lengths) else 1.0  # a base may have no word we can read
        # BM25's term-frequency factor for a term that occurs once, per string.
        self.saturation = array("d", ((K1 + 1) / (1 + K1 * (1 - B + B * n / average)) for n in lengths))
        # Terms in more strings than this (entity names, mostly) do not pick candidates, they only
        # score them: on a deal sentence they would otherwise touch every string of the base.
        self.common = max(COMMON_MIN, int(COMMON_FRACTION * self.n))
        self.trigger = _trigger(base)
        forms = set(self.trigger or ()) | base.normalizer.key_word_forms(self.trigger or ())
        self.trigger_forms = sorted(f for f in forms if f)  # an empty form would match everywhere
        self.subjects = {frozenset(c.subject) for c in base.claims}
        self.successors = frozenset(c.replaced_by for c in base.claims if c.replaced_by)
        # Relations: each cue as its stemmed phrases (a gap "…" between them allows a few words), by language
        # (the English stem of "poured" is the French word "pour") and first word; and the claims that state
        # each relation.
        self.cues: dict[str, dict[str, list[tuple[tuple[tuple[str, ...], ...], str]]]] = {}
        for relation in base.relations.values():
            for lang, cue in relation.cues:
                parts = tuple(base.normalizer.analyse(part, lang=lang).stems for part in cue.replace("...", "…").split("…"))
                # A cue must keep a word that says something ("per cent of" is a figure and "of").
                stop = stop_words(lang)
                if parts and all(parts) and any(w not in stop for part in parts for w in part):
                    self.cues.setdefault(lang, {}).setdefault(parts[0][0], []).append((parts, relation.id))
        self.relation_claims: dict[str, list[int]] = defaultdict(list)
        for ci, claim in enumerate(base.claims):
            for r in claim.relations:
                self.relation_claims[r].append(ci)
        self.relation_claims = dict(self.relation_claims)
        self.every_claim_related = bool(base.claims) and all(c.relations for c in base.claims)
        self.claim_entities = [
            frozenset(t for d in range(self.first_doc[ci], self.first_doc[ci + 1]) for t in self.tokens[d].split() if t in base.normalizer.entity_ids)
            for ci in range(len(base.claims))
        ]
        self._docs: dict[int, _Doc] = {}
        self._texts: dict[int, IndexedText] = {}
        self._kin: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Claim]] = {}
        self._vectors: Any = None

    def __getstate__(self) -> dict[str, object]:
        # Embeddings, once computed, travel with the index to worker processes; the cache file of a
        # base is written before they exist.
        return {k: v for k, v in self.__dict__.items() if k not in ("_docs", "_texts", "_kin")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._docs = {}
        self._texts = {}
        self._kin = {}
        self.__dict__.setdefault("_vectors", None)

    def vectors(self) -> Any:
        """Every indexed string's embedding (the semantic extra), cached on disk by the strings themselves."""
        if self._vectors is None:
            from .semantic import embeddings

            self._vectors = embeddings(self.texts)
        return self._vectors

    def df(self, term: str) -> int:
        j = self.term_ids.get(term)
        return 0 if j is None else self.offsets[j + 1] - self.offsets[j]

    def postings(self, term: str) -> array[int]:
        j = self.term_ids[term]
        return self.flat[self.offsets[j] : self.offsets[j + 1]]

    def doc(self, i: int) -> _Doc:
        found = self._docs.get(i)
        if found is not None:
            return found
        ci, variant = self.claim_of[i], self.variant_of[i]
        claim = self.base.claims[ci]
        tokens = self.tokens[i].split()
        terms = frozenset(tokens)
        vocabulary = frozenset(
            t for d in range(self.first_doc[ci], self.first_doc[ci + 1]) if self.variant_of[d] < 0 for t in self.tokens[d].split()
        )
        entity_ids = self.normalizer.entity_ids
        misstated = _disagrees(claim, variant)
        entities = terms & entity_ids
        found = self._docs[i] = _Doc(
            index=i,
            variant=variant,
            lang=CODES[self.lang_of[i]],
            misstated=misstated,
            units=frozenset(AMOUNT_UNITS[t] for t in terms if t in AMOUNT_UNITS),
            terms=terms,
            related=vocabulary | terms,
            weight=self.weight[i],
            entities=entities,
            known=entities | (vocabulary & entity_ids),
            marks=terms - vocabulary if misstated else frozenset(),
            sorted_tokens=" ".join(sorted(tokens)),
            relations=frozenset(self.stated_relations(self.normalizer.analyse(self.texts[i]))) if misstated else claim.relations,
        )
        return found

    def text(self, i: int) -> IndexedText:
        """The fully analysed string `i`."""
        found = self._texts.get(i)
        if found is None:
            a = self.normalizer.analyse(self.texts[i])
            found = self._texts[i] = IndexedText(
                self.variant_of[i], self.texts[i], tuple(a.tokens), a.negated, tuple(a.quantities), a.privative, a.hedged,
                self.doc(i).related, a.set_aside, a.privative_terms,
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

    def named_in(self, text: str) -> list[str]:
        """The entities a piece of text names, in order (cheap: no analysis)."""
        found = words(fold(text))
        if self.trigger is not None and self.trigger.isdisjoint(found):
            return []
        out, _ = self.normalizer.entities_in(found)
        return [w for w in out if w in self.normalizer.entity_ids]

    def may_refer(self, text: str, lang: str | None = None) -> bool:
        """Whether the text has a phrase or pronoun that may stand for a party ("the company", "it"). A
        clause is read in its sentence's `lang`: a few words are too few to tell."""
        referents = self.normalizer.referents
        if not referents:
            return False
        folded = fold(text)
        found = words(folded)
        return referents.may_refer(found) and bool(referents.mentions(found, self.normalizer.entity_ids, lang or detect_language(folded)))

    def mentions_subject(self, text: str, context: Sequence[str] = ()) -> bool:
        """A cheap test on raw text: can this sentence name, or refer to, every subject entity of some claim?"""
        if self.trigger is None:
            return True
        folded = fold(text)
        found = words(folded)
        referents = self.normalizer.referents
        if self.trigger.isdisjoint(found) and not (referents and referents.may_refer(found)):
            return False
        found, named = self.normalizer.entities_in(found)
        if referents:
            _, resolved = referents.resolve(found, named, self.normalizer.entity_ids, detect_language(folded), context)
            named.update(e for _, e in resolved)
        return any(named.issuperset(subject) for subject in self.subjects)

    def search(
        self,
        sentence: Analysis,
        as_of: dt.date | None = None,
        limit: int = 5,
        text: str | None = None,
        semantic_floor: float | None = None,
        shortlist: int = SHORTLIST,
    ) -> list[Candidate]:
        """The best-ranked claims for a sentence, best first, one entry per claim.

        With `text` (the sentence as written), the semantic extra re-scores and re-ranks the candidates
        when the best of them scores at least `semantic_floor` (default: the lowest score that the
        semantic stage can lift to the threshold). A program that ranks claims for every text, as a
        retrieval benchmark does, passes 0.
        """
        run = _Search(self, sentence, as_of)
        if not run.gather(limit, SEMANTIC_SHORTLIST if text is not None else shortlist):
            return []
        shortlist = max(shortlist, 2 * limit)
        run.score(run.ranked[:shortlist])
        run.add_stated()
        floor = SEMANTIC_FLOOR if semantic_floor is None else semantic_floor
        if text is not None and any(s.score * s.factor >= floor for s in run.scored.values()):
            run.widen(text, shortlist)
        if not run.scored:
            return []
        rank = run.rank()
        order = sorted(run.scored, key=rank.__getitem__, reverse=True)[:limit]
        return [Candidate(self.base.claims[ci], run.scored[ci].doc.index, round(run.shown[ci] * run.scored[ci].factor, 4), self) for ci in order]

    def reported(self, claim: Claim) -> bool:
        """Whether the claim itself is about a report or rumour ("In September 2024 reports said …")."""
        return self.text(self.first_doc[self.base.by_id.position(claim.id)]).hedged

    def kin(self, claim: Claim) -> list[Claim]:
        """Claims that state one of `claim`'s relations between the same parties (the stake before and after)."""
        key = (claim.relations, claim.related)
        found = self._kin.get(key)
        if found is None:
            found = self._kin[key] = [
                c for r in claim.relations for ci in self.relation_claims.get(r, ()) for c in [self.base.claims[ci]] if c.related == claim.related
            ]
        return found

    def _closest_wording(self, ci: int, found: Sequence[int], scorer: _Scorer) -> _Doc:
        """Of the claim's text and the paraphrases that share a rare term with the sentence (`found`), the one
        the sentence is closest to, in its language if there is one."""
        claim = self.base.claims[ci]
        own = [self.doc(i) for i in [self.first_doc[ci], *found] if self.variant_of[i] < 0]
        same = [d for d in own if d.lang == scorer.sentence.lang]
        best, closest = None, 0.0
        for d in same or own:
            # A wording that cannot beat the closest so far is passed over before it is read: the discount only lowers it.
            got = scorer.score(claim, d, closest)
            closeness = got[0] * got[1] if got else 0.0
            if best is not None and closeness <= closest:
                continue
            # A wording of the sentence's polarity: "owned no part of OpenAI" is "does not own any portion".
            if opposite(scorer.sentence, self.text(d.index)):
                closeness *= 1 - OPPOSITE_WORDING_DISCOUNT
            if best is None or closeness > closest:
                best, closest = d, closeness
        assert best is not None  # the claim's own text is always among them
        return best

    def stated_relations(self, sentence: Analysis) -> set[str]:
        """The relations whose cues the sentence says."""
        stems = sentence.stems
        cues = self.cues.get(sentence.lang, {})
        said: set[str] = set()
        covered = 0  # a cue inside a longer one is part of it: "any cloud" in "not … any cloud other than"
        for i, stem in enumerate(stems):
            if i < covered:
                continue
            matches = [(end, r) for parts, r in cues.get(stem, ()) for end in [_says(stems, i, parts)] if end]
            if matches:
                longest = max(end for end, _ in matches)
                said.update(r for end, r in matches if end == longest)
                covered = longest
        return said

    def _propositions(self, sentence: Analysis, present: set[str], as_of: dt.date | None) -> dict[int, float]:
        """Claims whose relation the sentence states between the claim's parties, with a score in [0, 1]:
        enough to be a match, and more when the sentence gives a figure that agrees with the claim's, and
        when its year is the claim's."""
        if not present:
            return {}
        years = {q.value for q in sentence.quantities if q.unit == "year"}
        units = {q.unit for q in sentence.quantities if q.unit and q.unit != "year"}
        parties = sentence.entities | sentence.implied
        out: dict[int, float] = {}
        for ci in {ci for r in present for ci in self.relation_claims[r]}:
            claim = self.base.claims[ci]
            if not parties.issuperset(claim.related) or not parties.issuperset(claim.subject):
                continue
            unsaid = not sentence.entities.issuperset(claim.related) or not sentence.entities.issuperset(claim.subject)
            if unsaid and (_figure_fit(sentence, claim) < (0 if sentence.in_document else 1) or _year_fit(sentence, claim) < 0):
                # A party left unsaid needs the claim's own figure, or a document that named it: "Microsoft's
                # share fell from 32.5% to 27%" is about OpenAI, "Microsoft's Windows revenue grew 5%" is not.
                continue
            if as_of is not None and claim.valid_from is not None and claim.valid_from > as_of:
                continue
            score = RELATION_SCORE
            if any(q.agrees_with(n) for q in sentence.quantities if q.unit in units for n in claim.figures.get(q.unit, ())):
                score += RELATION_AGREES
            claim_years = {q.value for q in claim.figures.get("year", ())}
            if claim.valid_from is not None:
                claim_years.add(float(claim.valid_from.year))
            if years & claim_years:
                score += RELATION_YEAR
            # Another party in play ("Amazon will invest …") may be the one the relation is about.
            extra = len((sentence.named & self.normalizer.referents.outsiders) - self.claim_entities[ci])
            out[ci] = score * max(0.0, 1 - OUTSIDER_PENALTY * extra)
        return out

    def _cosines(self, text: str) -> tuple[Any, Any]:
        """Cosine similarity of the sentence to every indexed string, and to each claim's closest string."""
        import numpy as np

        from .semantic import encoder

        # einsum, not `@`: BLAS would spread this product over threads that then wait on the
        # encoder's own threads, which halved the queries per second on CheckThat!.
        sims = np.einsum("ij,j->i", self.vectors(), encoder().embed_sentence(without_links(text)))
        return sims, np.maximum.reduceat(sims, self.first_doc[:-1])

    @staticmethod
    def _closest(claim_cosines: Any) -> list[int]:
        """The DENSE_CANDIDATES claims closest in meaning, in no particular order (ranking comes later)."""
        import numpy as np

        k = min(DENSE_CANDIDATES, len(claim_cosines))
        return np.argpartition(-claim_cosines, k - 1)[:k].tolist()

    def _stage1(self, idf: dict[str, float]) -> dict[int, float]:
        """BM25 of every string that shares a rare term with the sentence (each term counted once)."""
        rare = [x for x in idf if self.df(x) <= self.common]
        found: dict[int, float] = defaultdict(float)
        saturation = self.saturation
        for term in rare:
            w = idf[term]
            for i in self.postings(term):
                found[i] += w * saturation[i]
        if len(found) < SHORTLIST:  # too few strings to choose claims from: let every term propose
            for term in idf.keys() - set(rare):
                w = idf[term]
                for i in self.postings(term):
                    found[i] += w * saturation[i]
        return found


@dataclass
class _Scored:
    """A claim's best string for the sentence so far: its score, the factor its penalties leave, the string."""

    score: float
    factor: float
    doc: _Doc

    @property
    def value(self) -> float:
        return self.score * self.factor


class _Search:
    """One sentence's search, in the order `Index.search` runs its steps: gather the strings that share a
    rare term and group them by claim (`gather`), score the best-grouped claims (`score`), add the claims
    whose relation the sentence states (`add_stated`), widen and re-score by meaning with the semantic
    extra (`widen`), then rank (`rank`)."""

    def __init__(self, index: Index, sentence: Analysis, as_of: dt.date | None) -> None:
        self.index, self.sentence, self.as_of = index, sentence, as_of
        term_ids, idf_of = index.term_ids, index.idf_of
        self.idf = {x: idf_of[j] for x in sentence.terms if (j := term_ids.get(x)) is not None}
        self.relations = index.stated_relations(sentence)
        self.found: dict[int, float] = {}  # BM25 of each string that shares a term with the sentence
        self.per_claim: dict[int, list[int]] = defaultdict(list)  # each claim's strings, best first
        self.lexical: dict[int, float] = {}  # each claim's BM25: that of its best strings
        self.ranked: list[int] = []  # claims by BM25, as many as may be scored
        self.scored: dict[int, _Scored] = {}
        self.shown: dict[int, float] = {}  # the score a candidate shows (blended with closeness by the extra)
        self.closeness: dict[int, float] = {}  # closeness in meaning, for ranking long sentences
        self.stated: dict[int, float] = {}
        self.scorer = _Scorer(index, sentence, self.idf, self.relations)

    def gather(self, limit: int, shortlist: int) -> bool:
        """Stage 1 and the relations the sentence states; False if neither finds a claim."""
        self.found = self.index._stage1(self.idf)
        self.stated = self.index._propositions(self.sentence, self.relations, self.as_of)
        if not self.found and not self.stated:
            return False
        # Each claim brings its best strings: a claim with many paraphrases must not crowd out
        # the others, and `--top N` needs N distinct claims to choose from.
        found, per_claim, claim_of = self.found, self.per_claim, self.index.claim_of
        for i in sorted(found, key=found.__getitem__, reverse=True)[:SHORTLIST_STRINGS]:  # sorted beats nlargest here
            per_claim[claim_of[i]].append(i)
        self.lexical = {c: sum(map(found.__getitem__, strings[:STRINGS_SUMMED])) for c, strings in per_claim.items()}
        self.ranked = heapq.nlargest(max(shortlist, 2 * limit), self.lexical, key=self.lexical.__getitem__)
        return True

    def score(self, claims: list[int]) -> None:
        """Stage 2 for each claim's best strings; a claim keeps its best one."""
        sentence, as_of, index, score, scored = self.sentence, self.as_of, self.index, self.scorer.score, self.scored
        lang, docs = sentence.lang, index._docs
        for ci in claims:
            claim = index.base.claims[ci]
            if claim.subject and not sentence.entities.issuperset(claim.subject):
                continue
            if as_of is not None and claim.valid_from is not None and claim.valid_from > as_of:
                continue
            # Words alone make a claim less surely when the sentence only refers to its parties: "L'entreprise
            # a indiqué …" shares a verb with "OpenAI a indiqué …". Its relation, stated, is another matter.
            referred = 1 - REFERRED_PARTY_PENALTY if claim.subject and not sentence.named.issuperset(claim.subject) else 1.0
            held = scored.get(ci)
            value = held.value if held else 0.0
            for i in self.per_claim[ci][:STRINGS_PER_CLAIM]:
                d = docs.get(i) or index.doc(i)
                got = score(claim, d, value)
                if got is None:
                    continue
                factor = got[1] * referred
                new = got[0] * factor
                # Between equally good strings of a claim, the one in the sentence's language explains it in that language.
                if held is None or new > value or (new == value and d.lang == lang and held.doc.lang != lang):
                    held = scored[ci] = _Scored(got[0], factor, d)
                    value = new
        self.shown = {ci: s.score for ci, s in self.scored.items()}

    def add_stated(self) -> None:
        """A sentence that states a claim's relation between its parties makes that claim, whatever its
        other words; its figures are then checked against the claim's."""
        for ci, p in self.stated.items():
            held = self.scored.get(ci)
            words = held.value if held else 0.0
            p += RELATION_WORDS * words  # between claims of one relation, the words decide
            if held is not None and held.doc.misstated and words >= THRESHOLD:
                self.scored[ci] = _Scored(max(p, words), 1.0, held.doc)  # a misstatement it makes in so many words
            elif p > words:
                # The claim's own wordings, not a misstatement: stating the relation does not make its error.
                self.scored[ci] = _Scored(p, 1.0, self.index._closest_wording(ci, self.per_claim.get(ci, ()), self.scorer))
                self.lexical[ci] = max(self.lexical.get(ci, 0.0), p * max(self.lexical.values(), default=0.0))
        self.shown = {ci: s.score for ci, s in self.scored.items()}

    def widen(self, text: str, shortlist: int) -> None:
        """The semantic stage: it may promote a claim the lexical one ranked lower, or one it missed, and it
        blends closeness in meaning into every candidate's score."""
        index = self.index
        cosines, claim_cosines = index._cosines(text)
        # The claims closest in meaning join the shortlist, each with its closest strings.
        later = self.ranked[shortlist:]
        shortlisted = set(self.ranked)
        for ci in index._closest(claim_cosines):
            if ci in shortlisted:
                continue
            if ci not in self.per_claim:
                strings = range(index.first_doc[ci], index.first_doc[ci + 1])
                self.per_claim[ci] = sorted(strings, key=cosines.__getitem__, reverse=True)
                self.lexical[ci] = sum(sorted((self.found.get(i, 0.0) for i in strings), reverse=True)[:STRINGS_SUMMED])
            later.append(ci)
        self.score(later)
        # Embeddings rank well but are poorly calibrated: any two sentences about the deal are close,
        # and "Microsoft pays OpenAI" is close to "OpenAI pays Microsoft". So closeness in meaning
        # counts a little in the score, and much in the ranking of long sentences only, where the
        # calibrated score is the weaker guide.
        for ci, scored in self.scored.items():
            cosine = float(claim_cosines[ci])
            self.shown[ci] = (1 - SEMANTIC_WEIGHT) * scored.score + SEMANTIC_WEIGHT * _ramp(cosine, COSINE_FLOOR, 1.0)
            self.closeness[ci] = _ramp(cosine, RANK_COSINE_FLOOR, 1.0)

    def rank(self) -> dict[int, float]:
        """Each scored claim's rank: its score (weighed by BM25 in long sentences, blended with closeness by
        the extra), then what the sentence's parties, figures, years and tense prefer."""
        sentence, index, scored, shown = self.sentence, self.index, self.scored, self.shown
        top = max(self.lexical[ci] for ci in scored) or 1.0
        # 0 for a short statement, 1 for a long sentence; see the module's docstring.
        long = _ramp(len(sentence.terms), SHORT_SENTENCE, LONG_SENTENCE)
        weight = RANK_SEMANTIC_WEIGHT * _ramp(len(sentence.terms), SEMANTIC_SHORT, SEMANTIC_LONG) if self.closeness else 0.0
        rank = {
            ci: ((1 - weight) * shown[ci] * (self.lexical[ci] / top) ** long + weight * self.closeness.get(ci, 0.0)) * s.factor
            for ci, s in scored.items()
        }
        outsiders = sentence.named & index.normalizer.referents.outsiders
        if outsiders:
            # "Amazon's arrival … ended Microsoft's exclusivity": a claim that speaks of Amazon, rather than one
            # that never mentions it.
            for ci in rank:
                if not outsiders.isdisjoint(index.claim_entities[ci]):
                    rank[ci] *= 1 + OUTSIDER_PREFERENCE
        if any(q.unit not in ("", "year") for q in sentence.quantities):
            # Between claims of one relation, the sentence's figure says which one it means: "could invest $10
            # billion" is the reported 2023 investment, not the 2019 one. A misstatement's figure counts as its own.
            for ci in rank:
                claim = index.base.claims[ci]
                if claim.relations:
                    d = scored[ci].doc
                    foreseen = d.misstated and not self.relations.isdisjoint(claim.relations) and _same_figure(sentence, index.text(d.index))
                    fit = 1 if foreseen else _figure_fit(sentence, claim)
                    rank[ci] *= 1 + FIGURE_PREFERENCE * fit
        if any(q.unit == "year" for q in sentence.quantities):
            # "Fin 2024, OpenAI envisageait …" is not about a claim that began in 2025.
            for ci in rank:
                rank[ci] *= 1 + YEAR_PREFERENCE * _year_fit(sentence, index.base.claims[ci])
        if sentence.past and self.as_of is not None:
            # "The earlier agreement ran until 2030": what held before the latest change rather than what
            # replaced it, and the claim whose figures the sentence gives.
            for ci in rank:
                claim = index.base.claims[ci]
                if claim.valid_until is not None and claim.valid_until < self.as_of:
                    rank[ci] *= 1 + PAST_PREFERENCE
                if claim.id in index.successors:
                    rank[ci] *= 1 - PAST_PREFERENCE
                rank[ci] *= 1 + PAST_PREFERENCE * _figure_fit(sentence, claim, years=True)
        return rank


class _Scorer:
    """Stage 2 for one sentence: what every candidate string is compared with, computed once."""

    def __init__(self, index: Index, sentence: Analysis, idf: dict[str, float], relations: set[str]) -> None:
        self.index = index
        self.sentence = sentence
        self.idf = idf
        self.relations = relations
        self.known = sum(idf.values()) + UNKNOWN_WEIGHT * (len(sentence.terms) - len(idf))
        self.sorted_terms = " ".join(sorted(sentence.tokens))
        self.units = {q.unit for q in sentence.quantities}
        # Each string scored in full, with the most it could score: a claim's best wording (Index._closest_wording)
        # is chosen among strings that stage 2 has mostly scored already.
        self.done: dict[int, tuple[float, tuple[float, float] | None]] = {}
        from rapidfuzz.fuzz import ratio

        self.ratio = ratio

    def score(self, claim: Claim, d: _Doc, beat: float = 0.0) -> tuple[float, float] | None:
        """How well the sentence matches the string, in [0, 1], and the factor its penalties leave;
        None when the sentence states the truth this misstatement gets wrong, or when the string cannot
        do better than `beat` (its claim's best string so far): the costly parts come last."""
        done = self.done.get(d.index)
        if done is not None:
            return None if beat and done[0] <= beat else done[1]
        sentence, weight = self.sentence, self.idf.__getitem__
        misstated = d.misstated
        terms = sentence.terms
        hit = sum(map(weight, d.terms & terms))
        recall = hit / d.weight
        own = hit / self.known
        related = sum(map(weight, terms & d.related)) / self.known
        precision = (own + related) / 2
        f_score = (1 + BETA2) * precision * recall / (BETA2 * precision + recall) if recall else 0.0
        missing = len(d.entities - sentence.entities)
        extra = len(sentence.named - d.known)  # a party it only refers to may be implicit
        factor = max(0.0, 1 - MISSING_ENTITY_PENALTY * missing) * max(0.0, 1 - EXTRA_ENTITY_PENALTY * extra)
        if d.marks and (d.marks.isdisjoint(terms) or not (d.marks & d.entities) <= sentence.entities):
            # Not this misstatement: none of its own words, or not the party or thing it wrongly brings in
            # ("under the September 2025 MOU, Microsoft retains a right of first refusal").
            factor *= 1 - UNMARKED_VARIANT_PENALTY
        if d.units:
            missing_units = d.units - self.units
            factor *= (1 - MISSING_FIGURE_PENALTY) ** len(missing_units)
            if misstated and missing_units:
                factor *= 1 - UNMARKED_VARIANT_PENALTY  # "acquired its stake for $135 billion" needs the $135 billion
        if d.lang != sentence.lang:
            factor *= 1 - OTHER_LANGUAGE_PENALTY  # across languages stems collide ("part", « partie »)
        # Its words, but another claim's relation. A misstatement is judged by the relation it states itself:
        # "Amazon's deal ended Microsoft's exclusive licence" is a misstatement about exclusivity.
        relations = d.relations
        if relations and self.relations and self.relations.isdisjoint(relations):
            factor *= 1 - UNSTATED_RELATION_PENALTY
        best_possible = ((1 - SIMILARITY_WEIGHT) * f_score + SIMILARITY_WEIGHT) * factor * (1 + SAME_FIGURE_BONUS * misstated)
        if beat and best_possible <= beat:
            return None
        t = self.index.text(d.index) if d.variant >= 0 else None
        if t is not None and _states_the_truth_instead(sentence, claim, t):
            self.done[d.index] = best_possible, None
            return None
        similarity = self.ratio(d.sorted_tokens, self.sorted_terms) / 100
        score = (1 - SIMILARITY_WEIGHT) * f_score + SIMILARITY_WEIGHT * similarity
        if misstated and t is not None:
            if _states_other_figures(sentence, t):
                factor *= 1 - OTHER_FIGURE_PENALTY
            if opposite(sentence, t):
                factor *= 1 - UNMARKED_VARIANT_PENALTY  # the sentence says the opposite of this misstatement
            if _same_figure(sentence, t):
                factor *= 1 + SAME_FIGURE_BONUS  # the curators foresaw this very figure as this misstatement
        got = score, min(factor, 1 / score) if score else factor
        self.done[d.index] = best_possible, got
        return got


def _ramp(x: float, low: float, high: float) -> float:
    """0 up to `low`, 1 from `high`, linear in between."""
    return min(1.0, max(0.0, (x - low) / (high - low)))


def plausible(candidates: list[Candidate]) -> list[Candidate]:
    """The claims a sentence may be making, best-ranked first: none unless some candidate reaches THRESHOLD,
    else those scoring at least RANKED_FLOOR."""
    if not any(c.score >= THRESHOLD for c in candidates):
        return []
    return [c for c in candidates if c.score >= RANKED_FLOOR]


def _year_fit(sentence: Analysis, claim: Claim) -> int:
    """1 if a year of the sentence is one in which the claim held (or one it names), -1 if every year it
    names is before the claim began, else 0."""
    years = [q.value for q in sentence.quantities if q.unit == "year" and q.relation != "at_least"]  # not "since 2019"
    if not years:
        return 0
    named = {q.value for q in claim.figures.get("year", ())}
    start = claim.valid_from.year if claim.valid_from else None
    end = claim.valid_until.year if claim.valid_until else None
    if any(y in named or (start is not None and start <= y and (end is None or y <= end)) for y in years):
        return 1
    if start is not None and all(y < start for y in years):
        return -1
    return 0


def _figure_fit(sentence: Analysis, claim: Claim, years: bool = False) -> int:
    """How well the claim accounts for the sentence's figures (years only with `years`): 1 if one of them
    agrees with a figure of the claim; 0 if the claim states figures of that kind and none agrees (it is
    about them: "worth $50 billion" is about the Foundation's $130 billion, and wrong); -1 if the claim
    states none of that kind, so it says nothing about them; 0 when the sentence gives no figure."""
    fit = 0
    for said in sentence.quantities:
        if not said.unit or (said.unit == "year" and not years) or said.token in sentence.former:
            continue  # "from 32.5% to 27%" is about the 27%
        stated = claim.figures.get(said.unit, ())
        if any(said.agrees_with(q) for q in stated):
            return 1
        fit = min(fit, 0 if stated else -1)
    return fit


# How many words a cue's "…" may stand for ("access … models": "access to OpenAI's models").
CUE_GAP = 4


def _says(stems: tuple[str, ...], at: int, parts: tuple[tuple[str, ...], ...]) -> int:
    """Where the cue ends if its phrases occur in order from `at`, each within CUE_GAP words of the one
    before; else 0."""
    first = parts[0]
    if stems[at : at + len(first)] != first:
        return 0
    end = at + len(first)
    for part in parts[1:]:
        for start in range(end, min(end + CUE_GAP + 1, len(stems) - len(part) + 1)):
            if stems[start : start + len(part)] == part:
                end = start + len(part)
                break
        else:
            return 0
    return end


def _disagrees(claim: Claim, variant: int) -> bool:
    """A variant whose verdict differs from its claim's: a misstatement, not another wording."""
    return variant >= 0 and claim.variants[variant].verdict != claim.verdict


def negates(sentence: Analysis, text: IndexedText) -> bool:
    """Whether a negation in the sentence bears on the words it shares with `text`, or, when `text` is itself
    negated, on words its claim uses elsewhere: "owned no part of OpenAI" and "has no equity in OpenAI"
    deny the same thing."""
    terms = sentence.negated_terms | (sentence.set_aside - text.set_aside)  # "rather than shares" on both sides
    return not terms.isdisjoint(text.tokens) or (text.negated and not terms.isdisjoint(text.vocabulary))


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
    # The string's own word that denies by meaning turns it around only where the sentence's denial bears:
    # "can no longer declare AGI on its own" denies the declaring of "if the board declared AGI, Microsoft
    # would lose access", not the losing.
    privative = text.privative and not (denies and sentence.negated_terms.isdisjoint(text.privative_terms))
    return (denies != sentence.privative) != (text.negated != privative)


def _same_figure(sentence: Analysis, variant: IndexedText) -> bool:
    return any(said.unit not in ("", "year") and said.same_figure(q) for said in sentence.quantities for q in variant.quantities)


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
        true = claim.figures.get(said.unit, ())
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
