"""Parties a sentence refers to without naming them: "the company", « la start-up », "it".

Journalists name a party once and refer to it afterwards. A reader resolves "Nearly half of the
company is owned by Microsoft" to OpenAI because the company is not Microsoft, and because the
headline or the sentence before named OpenAI. The same is done here, with what the claim base
declares: each entity's `referents` (phrases that may stand for it), the base's `topic` (the
entities a lone statement may refer to, in order of preference, and the phrases that name all of
them at once: "the two companies"), and the document's context (entities named before the
sentence, most recent first).

A phrase stands for an entity the sentence does not name itself: "Microsoft injected $1 billion
into the company" is about another company than Microsoft. When the sentence names a party outside
the topic, the phrases that may mean it, pronouns and "the companies" are left alone ("Amazon will
invest in the company"); « la start-up » still means OpenAI. A pronoun ("it", « elle ») is resolved
only before the sentence names anyone, where it is the subject a reader carries over; "OpenAI says
its nonprofit" is about OpenAI already. Phrases are resolved before pronouns, because they say more
about whom they mean.

Phrases arrive here as folded word tuples, so this module needs nothing from the normaliser; each
language's pronouns are in languages/.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .languages import LANGUAGES, get

_ALL_PRONOUNS = frozenset().union(*(language.pronouns for language in LANGUAGES))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    candidates: tuple[str, ...]
    every: bool  # the phrase names all its candidates at once ("the two companies")
    pronoun: bool


@dataclass
class Referents:
    """What a claim base says about unnamed parties; see the module's docstring."""

    phrases: dict[tuple[str, ...], tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    topic: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.longest = max((len(p) for p in self.phrases), default=0)
        self.first_words = frozenset(p[0] for p in self.phrases)
        # Parties: the entities some phrase may stand for. One outside the topic, named in a sentence, may be
        # whom its phrases and pronouns mean ("Amazon will invest … in the company", "the companies said").
        self.outsiders = frozenset(e for candidates, _ in self.phrases.values() for e in candidates) - frozenset(self.topic)

    @classmethod
    def build(
        cls, entities: Iterable[tuple[str, Iterable[tuple[str, ...]]]], topic: Sequence[str] = (), group: Iterable[tuple[str, ...]] = ()
    ) -> Referents:
        """From (entity id, its referent phrases) pairs, the topic entities, and the phrases naming all of them."""
        phrases: dict[tuple[str, ...], tuple[tuple[str, ...], bool]] = {}
        for entity, words in entities:
            for w in words:
                if w:
                    known = phrases.get(w, ((), False))[0]
                    phrases[w] = ((*known, entity) if entity not in known else known, False)
        for w in group:
            if w and topic:
                phrases[w] = (tuple(topic), True)
        return cls(phrases, tuple(topic))

    def __bool__(self) -> bool:
        return bool(self.phrases or self.topic)

    def may_refer(self, words: Iterable[str]) -> bool:
        """A cheap test: does any word begin a phrase or pronoun that could stand for a party?"""
        return any(w in self.first_words or (self.topic and w in _ALL_PRONOUNS) for w in words)

    def mentions(self, words: Sequence[str], entity_ids: frozenset[str], lang: str) -> list[Mention]:
        found: list[Mention] = []
        pronouns = get(lang).pronouns
        first_named = next((i for i, w in enumerate(words) if w in entity_ids), len(words))
        i, n = 0, len(words)
        while i < n:
            if words[i] in self.first_words:
                length = next((size for size in range(min(self.longest, n - i), 0, -1) if tuple(words[i : i + size]) in self.phrases), 0)
                if length:
                    parties, group = self.phrases[tuple(words[i : i + length])]
                    found.append(Mention(i, i + length, parties, group, False))
                    i += length
                    continue
            # "its" begins "its partner", and is a pronoun when no such phrase follows.
            if i < first_named and words[i] in pronouns and self.topic:
                found.append(Mention(i, i + 1, (), False, True))
            i += 1
        return found

    def resolve(
        self, words: list[str], named: set[str], entity_ids: frozenset[str], lang: str, context: Sequence[str] = ()
    ) -> tuple[list[str], list[tuple[str, str]]]:
        """`words` with the entity id of each resolved mention after it, and (phrase, entity) for each."""
        mentions = self.mentions(words, entity_ids, lang)
        if not mentions:
            return words, []
        outsider_named = not self.outsiders.isdisjoint(named)
        preference = {e: i for i, e in enumerate(dict.fromkeys([*context, *self.topic]))}
        taken = set(named)
        picked: dict[int, tuple[str, ...]] = {}
        for m in sorted(mentions, key=lambda m: m.pronoun):  # phrases first: they say more about whom they mean
            candidates = m.candidates or tuple(preference)
            if outsider_named and (m.every or m.pronoun or not self.outsiders.isdisjoint(candidates)):
                continue  # "Amazon will invest in the company", "the companies said": it may be Amazon
            free = [e for e in candidates if e not in taken]
            if not free:
                continue
            if m.every:
                chosen = tuple(free)
            else:
                chosen = (min(free, key=lambda e: preference.get(e, len(preference) + candidates.index(e))),)
            taken.update(chosen)
            picked[m.start] = chosen
        if not picked:
            return words, []
        # The phrase's own words stay: "OpenAI said the nonprofit stays in charge of the company" may mean
        # OpenAI after all, and the entity only has to be there for the claims that need it.
        out: list[str] = []
        resolved: list[tuple[str, str]] = []
        ends = {m.start: m.end for m in mentions}
        for i, word in enumerate(words):
            out.append(word)
            for start, chosen in picked.items():
                if ends[start] == i + 1:
                    out.extend(chosen)
                    resolved.extend((" ".join(words[start : ends[start]]), e) for e in chosen)
        return out, resolved
