"""What dealcheck knows about one language, as data.

The matcher folds text (lower case, accents stripped, quotes unified; see `normalize.fold`) before
its patterns run, so every field read by normalize.py is written folded ("plutot que", "a l'epoque").
The sentence splitter reads the text as written, case-insensitively, so its fields keep accents and
capitals ("À", "Según"). Fields marked "fragments" are regular-expression alternatives, each matched
from the start of a word to the end of one; the others are plain words or phrases.

A sentence is read with the patterns of its own language and of every mixed one (see `mixed`),
combined. The sentence splitter and language detection run before any language is known, with
every registered language's words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


# One object per language, compared by identity: generating __eq__, __hash__ and __repr__ over these
# fields would cost every run start-up time for nothing.
@dataclass(frozen=True, eq=False, repr=False)
class Language:
    code: str  # ISO 639-1, as `--lang` takes it and as claim bases tag cues
    stemmer: str  # PyStemmer's algorithm name
    text2num: str  # text_to_num's language code, for number words ("thirteen billion")
    # Whether texts mix it with other languages: deal news in French quotes English and the other way round,
    # and language detection is rough on one sentence, so a mixed language's cues are looked for in every
    # sentence (a French sentence read as English still has its « ne … pas » seen). A language that is not
    # mixed has its cues looked for in the sentences detected as it only, with those of the mixed ones.
    mixed: bool

    # Words that say nothing about what a sentence claims: they never count as matching terms.
    stop_words: frozenset[str]
    # Frequent function words that tell the language of a sentence; the language with most wins.
    markers: frozenset[str]

    # Polarity and reporting (folded fragments).
    negations: tuple[str, ...]  # "not", « ne … plus », "it is false that"
    # Where a negation opens before the verb it denies (« ne détient pas » denies « détient »).
    negation_openers: tuple[str, ...]
    # A cheap first look for a negation or a contrast, on words not yet read for names.
    denial_cues: tuple[str, ...]
    # Constructions that look like negation and deny nothing: "nothing but", « ne … que ».
    not_denials: tuple[str, ...]
    # Words that deny by their meaning ("stopped paying"); they never turn a verdict by themselves.
    privatives: tuple[str, ...]
    # What follows is set aside, though nothing is denied: "27%, rather than the 49% often cited".
    contrasts: tuple[str, ...]
    # Words inside an entity's name that turn the rest of it around ("not-for-profit").
    name_negators: frozenset[str]
    rumours: tuple[str, ...]  # the sentence passes on a rumour
    # Phrases that say how a claim is reported ("reportedly", « selon des sources »); `{outlet}` stands
    # for any press outlet's name.
    hedges: tuple[str, ...]
    # The conditional of reported terms ("Microsoft would receive 75%"): a wrong figure said so is passed on,
    # not asserted. Unlike a hedge, it does not make a claim's own text a report ("OpenAI said it would …").
    conditionals: tuple[str, ...]
    past: tuple[str, ...]  # words that place a sentence before the latest change
    ordinals: tuple[str, ...]  # words that tie a figure to one occasion ("its first $1 billion")
    scope_breaks: tuple[str, ...]  # conjunctions where a negation's or a contrast's reach ends

    # Figures (folded).
    qualifiers: Mapping[str, str]  # phrase before a figure → its relation; "since" is "at least" of a year only
    scales: Mapping[str, float]  # scale words and their abbreviations ("milliards", "bn")
    fractions: Mapping[str, tuple[str, ...]]  # the percentage a fraction stands for → the phrases saying it
    percent_words: tuple[str, ...]  # fragments
    # Fragments: a sentence with none of them has no number word for text2num to read.
    number_words: tuple[str, ...]
    currency_links: tuple[str, ...]  # what joins a figure to its currency ("13 milliards de dollars")
    # Physical units: pint's name of each → the fragments that write it after a figure ("metres", « kilomètres »).
    units: Mapping[str, tuple[str, ...]]
    # Fragments right before a four-digit number that make it a year of any era ("in 1889", « en 1889 »);
    # without one, only 1900–2099 are years, since "1500 employees" is a count.
    year_context: tuple[str, ...]
    range_from: tuple[str, ...]  # "from" of "from 32.5% to 27%"
    range_to: tuple[str, ...]

    # Referents (folded): pronouns that can carry a party over from the sentence before.
    pronouns: frozenset[str]

    # Sentences and clauses, as written.
    abbreviations: frozenset[str]  # titles, months, references: their dot never ends a sentence
    sentence_starters: frozenset[str]  # after "Inc." or "U.S.", these start a new sentence
    relatives: tuple[str, ...]  # ", which …": a relative clause, up to the next comma
    clause_openers: tuple[str, ...]  # "while", « tandis que »: another statement starts here
    comma_joins: tuple[str, ...]  # ", and …" starts another statement
    verb_joins: tuple[str, ...]  # fragments: a bare "and" before a verb ("and will") starts one too
    leading_conjunctions: tuple[str, ...]  # left out where a clause begins: "and has locked in …"

    # What dealcheck writes. The keys are those of English (see en.py); a figure is written by the
    # scaled_amount or plain_amount template, from {number}, {word} (of amount_words), {symbol} and {name}.
    verdict_labels: Mapping[str, str]
    messages: Mapping[str, str]
    percent: str  # template of a percentage: "{number}%"
    amount_words: tuple[tuple[float, str, str], ...]  # (scale, singular, plural from two on), largest first
    scaled_amount: str
    plain_amount: str
    decimal_mark: str  # of an amount written with a scale word
    currency_names: Mapping[str, str]  # "usd" → « de dollars »
