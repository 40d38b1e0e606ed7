"""Text normalisation shared by the claim base and the sentences checked against it.

Both sides go through the same `Normalizer`, so that "$13B", "13 billion dollars"
and "13 milliards de dollars" become one token, "the ChatGPT maker" becomes
`openai`, and each language's words are stemmed with its own stemmer. What is
particular to a language (its stop words, negations, hedges, qualifiers…) is in languages/.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from .languages import LANGUAGES, Language
from .languages import get as get_language
from .referents import Referents

RELATIONS = ("exactly", "about", "more_than", "at_least", "less_than", "at_most")

# How far "about 27%" may stray: 28% agrees with it, 30% does not.
ABOUT_TOLERANCE = 0.05
# Figures the sources give as exact still allow rounding ("$13.0B", "27.0%").
EXACT_TOLERANCE = 0.005


# Outlets are names, the same in every language.
_OUTLETS = (
    r"(?:bloomberg|reuters|the information|semafor|the wall street journal|wsj|the financial times|financial times|ft"
    r"|cnbc|axios|the new york times|new york times|the verge|fortune|le monde|les echos|le figaro|bfm|afp|ap)"
)
# The one-letter scales ("13b", "5 m$") are read apart, where they cannot be the start of a word.
_SCALE_LETTERS: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9}


@dataclass(frozen=True)
class _Reading:
    """The patterns a sentence is read with: those of the languages it may be written in (see `_reading`)."""

    stop_words: frozenset[str]
    qualifiers: dict[str, str]
    scales: dict[str, float]
    quantity: re.Pattern[str]
    units: list[tuple[re.Pattern[str], str]]  # a unit word as matched → pint's name of the unit
    year_context: re.Pattern[str]
    fractions: list[tuple[re.Pattern[str], str]]
    percent_words: re.Pattern[str]
    spelled: re.Pattern[str]  # any of the fractions and percent words: most sentences have none
    number_words: re.Pattern[str]
    # The polarity patterns run on clauses whose entity names are already ids and whose words are joined by
    # single spaces ("n'a plus" is "n a plus"), so that a name such as "no binding force" or "non lucratif"
    # is never read as a negation.
    negation: re.Pattern[str]
    negation_opener: re.Pattern[str] | None
    not_denial: re.Pattern[str]
    contrast: re.Pattern[str]
    may_deny: re.Pattern[str]
    privative: re.Pattern[str]  # never turns a verdict by itself (see match.opposite)
    # A rumour is not a report: "never `true` for a rumour" (a report of a confirmed fact is judged on the fact).
    rumour: re.Pattern[str]
    conditional: re.Pattern[str]
    past: re.Pattern[str]
    ordinal: re.Pattern[str]
    clause: re.Pattern[str]
    hedge: re.Pattern[str]
    from_to: re.Pattern[str]


def _reading(lang: str) -> _Reading:
    """Language detection is rough on one sentence, and deal news mixes English and French: a sentence is
    read with the cues of every mixed language (see Language.mixed), and of its own."""
    own = get_language(lang)
    return _compiled(tuple(language.code for language in LANGUAGES if language.mixed or language is own))


@cache
def _compiled(codes: tuple[str, ...]) -> _Reading:
    languages = [get_language(code) for code in codes]

    def each(field: Callable[[Language], Iterable[str]]) -> list[str]:
        # In the order the languages give them: where two alternatives match at one place, the first wins.
        return list(dict.fromkeys(entry for language in languages for entry in field(language)))

    def words(field: Callable[[Language], Iterable[str]]) -> str:
        return r"\b(?:" + "|".join(each(field)) + r")\b" if each(field) else "(?!)"  # none: it never matches

    def cues(field: Callable[[Language], Iterable[str]]) -> re.Pattern[str]:
        return re.compile(words(field))

    qualifiers = {q: r for language in languages for q, r in language.qualifiers.items()}
    scales = {**_SCALE_LETTERS, **{w: v for language in languages for w, v in language.scales.items()}}
    # Longest first: "milliards" before "milliard".
    scale_words = "|".join(sorted((w for w in scales if len(w) > 1), key=len, reverse=True))
    qualifier_words = "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True))
    units = [(re.compile(fragment), unit) for language in languages for unit, fragments in language.units.items() for fragment in fragments]
    # Longest first, "metres?" before "m"; then alphabetically, so that the pattern is the same on every run.
    unit_words = "|".join(sorted({u.pattern for u, _ in units}, key=lambda fragment: (-len(fragment), fragment)))
    quantity = re.compile(
        rf"(?:(?P<qual>{qualifier_words})\s*)?"
        r"(?P<cur1>us\$|\$|usd\s?|€|eur\s?)?"
        r"(?<![\w.,])(?P<num>\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
        rf"(?:[\s-]?(?P<scalew>{scale_words})\b\.?"
        r"|(?P<scalel>[kmbg])\b|\s(?P<scalec>[mg])(?=\s?(?:\$|€|eur\b)))?"
        rf"(?:\s?(?P<cur2>(?:{'|'.join(each(lambda language: language.currency_links))})?"
        r"(?:dollars?|us\$|\$|usd|euros?|€|eur)(?![\w])))?"
        r"(?:\s?(?P<pct>%))?"
        # A unit word, unless a currency came first ("$10 m" is money); "an 80-million-year-old shark" too.
        rf"(?(cur1)|(?(cur2)|(?(pct)|(?:(?:\s*|-)(?P<unit>{unit_words})(?!\w))?)))"
    )
    openers = each(lambda language: language.negation_openers)

    def fraction(share: str) -> re.Pattern[str]:
        return cues(lambda language: language.fractions.get(share, ()))

    fractions = [(fraction(share), share) for share in each(lambda language: language.fractions)]
    percent_words = re.compile(r"\s*" + words(lambda language: language.percent_words))
    return _Reading(
        stop_words=frozenset(each(lambda language: language.stop_words)),
        qualifiers=qualifiers,
        scales=scales,
        quantity=quantity,
        units=units,
        year_context=re.compile(rf"\b(?:{'|'.join(each(lambda language: language.year_context))})\s+$"),
        # Fractions people write instead of percentages (text2num reads cardinals, not these), replaced share by
        # share in the order the languages give them: "a quarter" before "three quarters".
        fractions=fractions,
        percent_words=percent_words,
        spelled=re.compile("|".join(f"(?:{p.pattern})" for p in [percent_words, *(pattern for pattern, _ in fractions)])),
        number_words=cues(lambda language: language.number_words),
        negation=cues(lambda language: language.negations),
        negation_opener=re.compile(rf"\b(?:{'|'.join(openers)}) (?:\w+ ){{0,3}}$") if openers else None,
        not_denial=cues(lambda language: language.not_denials),
        contrast=cues(lambda language: language.contrasts),
        may_deny=cues(lambda language: language.denial_cues),
        privative=cues(lambda language: language.privatives),
        rumour=cues(lambda language: language.rumours),
        conditional=cues(lambda language: language.conditionals),
        past=cues(lambda language: language.past),
        ordinal=cues(lambda language: language.ordinals),
        clause=re.compile(r"[,;:()\"]|\s[-–—]\s|" + words(lambda language: language.scope_breaks)),
        hedge=re.compile(words(lambda language: (h.replace("{outlet}", _OUTLETS) for h in language.hedges))),
        # "fell from 32.5% to 27%", « passée de 32,5 % à 27 % »: the first figure is what was, the second what is.
        from_to=re.compile(
            rf"\b(?:{'|'.join(each(lambda language: language.range_from))})\s*(q[a-z]+[0-9_]+)"
            rf"\s+(?:{'|'.join(each(lambda language: language.range_to))})\s+(q[a-z]+[0-9_]+)"
        ),
    )


def stop_words(lang: str) -> frozenset[str]:
    """The words that never count as matching terms in a sentence read in `lang`."""
    return _reading(lang).stop_words


_WORD_RE = re.compile(r"[a-z0-9_]+")
# Names are read before any language is known.
_NEGATING_WORDS = frozenset(word for language in LANGUAGES for word in language.name_negators)
# A link's words ("https", "t", "co", a hash) say nothing about what a sentence claims, and
# pasted posts are full of them.
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.twitter\.com|t\.co|bit\.ly)/\S+", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                              "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-", "—": "-", "€": " eur ",
                              "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


# "°C" and "°F" are units; a lone "°" (« n°1 ») is not, and is dropped with the other symbols.
_DEGREES_RE = re.compile(r"°\s*([cf])\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case, strip accents and unify quotes, so both languages compare plainly.

    Characters with no ASCII form left after stripping accents carry nothing the matcher
    reads (the symbols it needs, like € and ’, are mapped first), so they are dropped.
    """
    if "°" in text:
        text = _DEGREES_RE.sub(r" deg \1", text)
    text = text.translate(_APOSTROPHES).casefold()
    if not text.isascii():
        # Lower-cased again after NFKD: a letter such as "𝐀" or "Ⅻ" only becomes ASCII capitals there.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return text.replace("n't", " not")


def without_links(text: str) -> str:
    return _URL_RE.sub(" ", text) if "/" in text else text


def words(folded: str) -> list[str]:
    return _WORD_RE.findall(folded)


def detect_language(folded: str) -> str:
    """The code of the language with most of its marker words in the text (the first registered on a tie):
    cheap, and right for news sentences. A language that is not mixed needs two: one may be part of a name
    ("Los Angeles")."""
    found = _WORD_RE.findall(folded)
    counts = [
        n if language.mixed or n >= 2 else 0
        for language in LANGUAGES
        for n in [sum(1 for w in found if w in language.markers)]
    ]
    return LANGUAGES[counts.index(max(counts))].code


def unit_term(unit: str) -> str:
    """The term that stands for "a figure in `unit`" among a sentence's terms, matched like a word: a
    sentence and a claim string that both give an amount in dollars share it, whatever the amounts."""
    return f"q{unit}"


# The units of amounts (a year is a date, not an amount), by the term that stands for each.
AMOUNT_UNITS: dict[str, str] = {
    unit_term(u): u for u in ("usd", "eur", "pct", "length", "mass", "temperature", "duration", "area", "volume")
}
# Points on a scale rather than sizes: a tolerance in per cent of 373 K or of 2030 would be meaningless.
# (exact, about) slack, in the unit's own terms.
_SCALE_SLACK = {"year": (0.0, 1.0), "temperature": (0.5, 2.0)}


@dataclass(frozen=True)
class Quantity:
    """A figure with its unit: `usd`, `eur`, `pct`, `year`, `count`, a physical dimension (`length`, `mass`,
    `temperature`, `duration`, `area`, `volume`: the value is then in SI base units, so 1 km is 1000), or ``
    for a bare number. A count or a bare number keeps the word after it, what it counts ("visitors")."""

    value: float
    unit: str
    relation: str = "exactly"
    text: str = ""
    noun: str = ""

    # Cached: a sentence's figures are compared with those of every candidate claim, and a claim's with
    # those of every sentence.
    @cached_property
    def token(self) -> str:
        return f"q{self.unit}{self.value:g}".replace(".", "_").replace("+", "")

    @cached_property
    def interval(self) -> tuple[float, float, bool, bool]:
        """(low, high, low_open, high_open) of the values this statement allows."""
        v = self.value
        if self.unit in _SCALE_SLACK:  # 2029 is not "about 2030", nor 95 °C "about 100 °C"
            slack = _SCALE_SLACK[self.unit][self.relation == "about"]
            about = exact = (v - slack, v + slack, False, False)
        else:
            about = (v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE), False, False)
            exact = (v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE), False, False)
        if self.relation == "about":
            return about
        if self.relation == "more_than":
            return v, float("inf"), True, False
        if self.relation == "at_least":
            return v, float("inf"), False, False
        if self.relation == "less_than":
            return float("-inf"), v, False, True
        if self.relation == "at_most":
            return float("-inf"), v, False, False
        return exact

    def agrees_with(self, other: Quantity) -> bool:
        """Whether two statements of the same unit can both be true."""
        lo1, hi1, lo1_open, hi1_open = self.interval
        lo2, hi2, lo2_open, hi2_open = other.interval
        if hi1 < lo2 or hi2 < lo1:
            return False
        if hi1 == lo2 and (hi1_open or lo2_open):
            return False
        if hi2 == lo1 and (hi2_open or lo1_open):
            return False
        return True

    def same_figure(self, other: Quantity) -> bool:
        """The same number in the same unit, whatever is said around it ("more than", "about")."""
        return self.unit == other.unit and abs(self.value - other.value) <= EXACT_TOLERANCE * abs(other.value)

    def describe(self, lang: str = "en") -> str:
        from .i18n import format_figure

        return format_figure(self.value, self.unit, self.relation, lang, self.noun)


def _parse_number(raw: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", "").replace(" ", ""))
    return float(raw.replace(",", "."))


# What a count counts is the word after it, unless that word says nothing ("20 million of them").
_NOUN_RE = re.compile(r"\s*([a-z]{2,})")
_DIGIT_RE = re.compile(r"\d")
# Without a year word before it, only a number of this century or the last is a year: "1500 employees" is not.
_MODERN_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_YEAR_RE = re.compile(r"1\d{3}|20\d\d")


def _quantity(m: re.Match[str], reading: _Reading, currency: str) -> Quantity | None:
    value = _parse_number(m["num"])
    scale_word = m["scalew"] or m["scalel"] or m["scalec"]
    scale = reading.scales.get(scale_word, 1.0) if scale_word else 1.0
    relation = reading.qualifiers[m["qual"]] if m["qual"] else "exactly"
    written = (m["cur1"] or m["cur2"] or "").strip()
    text = m.group(0).strip()
    plain = not (written or scale_word or m["pct"] or m["unit"])
    # "in 1889", « en 1889 »: a year of any era; "since 1889" has its year word in the match, as a qualifier.
    dated = relation == "since" or reading.year_context.search(m.string, max(0, m.start() - 12), m.start()) is not None
    noun = _noun(m, reading)
    # "in 1500 cities" counts cities: an older year is one only when no noun follows it.
    year = plain and (_MODERN_YEAR_RE.fullmatch(m["num"]) is not None or (dated and not noun and _YEAR_RE.fullmatch(m["num"]) is not None))
    if relation == "since":
        # "since 2019", « depuis 2019 » is from then on; of any other figure it says nothing.
        relation = "at_least" if year else "exactly"
    if m["pct"]:
        return Quantity(value, "pct", relation, text)
    if m["unit"]:
        from .units import in_base_units  # lazy: only figures with a unit word pay for pint

        unit = next(u for pattern, u in reading.units if pattern.fullmatch(m["unit"]))
        dimension, size = in_base_units(value * scale, unit)
        return Quantity(size, dimension, relation, text)
    if written or ((scale >= 1e6 or value >= 1e6) and currency):
        unit = "eur" if "eur" in written or "€" in written else "usd" if written else currency
        return Quantity(value * scale, unit, relation, text)
    if scale_word:
        # A scaled number without a currency counts something ("20 million visitors", « 13,5 milliards »),
        # unless the base says its figures are money (see Topic.currency).
        return None if currency else Quantity(value * scale, "count", relation, text, noun)
    if value >= 1e6:
        return Quantity(value, "count", relation, text, noun)
    if year:
        return Quantity(value, "year", relation, text)
    return Quantity(value, "", relation, text, noun)


def _noun(m: re.Match[str], reading: _Reading) -> str:
    after = _NOUN_RE.match(m.string, m.end())
    return after[1] if after and after[1] not in reading.stop_words else ""


def _mark_quantities(folded: str, found: list[Quantity], reading: _Reading, currency: str) -> str:
    if _DIGIT_RE.search(folded) is None:  # every figure has a digit, and many sentences none
        return folded

    def replace(m: re.Match[str]) -> str:
        q = _quantity(m, reading, currency)
        if q is None:
            return m.group(0)
        found.append(q)
        return f" {q.token} "

    return reading.quantity.sub(replace, folded)


def extract_quantities(text: str, lang: str | None = None, currency: str = "") -> tuple[str, list[Quantity]]:
    """Return the folded text with each figure replaced by its token, and the figures. A scaled figure
    without a currency ("13 billion") is an amount in `currency` if given, else a count."""
    folded = fold(text)
    return _figures_in(folded, lang or detect_language(folded), currency)


def _figures_in(folded: str, lang: str, currency: str) -> tuple[str, list[Quantity]]:
    reading = _reading(lang)
    if reading.spelled.search(folded):
        folded = reading.percent_words.sub("%", folded)
        for pattern, replacement in reading.fractions:
            folded = pattern.sub(replacement, folded)
    found: list[Quantity] = []
    # Digits first: text2num would read the "milliards" of "13,5 milliards" as a number of its own.
    folded = _mark_quantities(folded, found, reading, currency)
    if reading.number_words.search(folded):
        from text_to_num import alpha2digit  # lazy: only sentences with number words pay for it

        folded = _mark_quantities(alpha2digit(folded, get_language(lang).text2num), found, reading, currency)
    return folded, found


def parse_quantity(text: str, currency: str = "") -> Quantity | None:
    """Parse one figure as curators write it in the claim base ("27%", "$13 billion", "2032", "330 metres")."""
    _, found = extract_quantities(text, currency=currency)
    return found[0] if len(found) == 1 else None


@cache
def _stemmer(lang: str) -> Any:
    import Stemmer

    return Stemmer.Stemmer(get_language(lang).stemmer)


@dataclass
class Analysis:
    """What matching needs to know about one sentence or one claim string."""

    lang: str
    tokens: list[str]
    entities: frozenset[str]
    quantities: list[Quantity]
    negated: bool
    hedged: bool
    privative: bool = False
    # What a word that denies by meaning bears on: the words of its clause. "If the board declared AGI,
    # Microsoft would lose access" takes away access, not the declaring.
    privative_terms: frozenset[str] = frozenset()
    # Stemmed words of the clauses that carry a negation: "Microsoft, which owns 49% of OpenAI,
    # said nothing" negates "said", not "owns".
    negated_terms: frozenset[str] = frozenset()
    # Stemmed words and figures it sets aside without a negation: "27%, rather than the 49% often cited".
    set_aside: frozenset[str] = frozenset()
    # Entities the sentence refers to without naming them ("the company" → openai), as (words, entity).
    resolved: tuple[tuple[str, str], ...] = ()
    named: frozenset[str] = frozenset()  # the entities it names itself; `entities` adds those it refers to
    rumour: bool = False  # it passes on a rumour: a true claim is then only `unverified`
    conditional: bool = False  # it gives terms in the conditional ("would receive"): a wrong figure is passed on
    past: bool = False  # it speaks of a time before the latest change ("previously", « à l'époque »)
    first: bool = False  # it ties its figures to one occasion ("its first $1 billion", « initial »)
    # Every word in order, stop words included, stemmed (entities and figures as their tokens): relation
    # cues are phrases, and "any cloud" is not "cloud".
    stems: tuple[str, ...] = ()
    implied: frozenset[str] = frozenset()  # parties it leaves unsaid, for claims whose relation it states
    in_document: bool = False  # read with the parties named before it (see checker.check_block)
    former: frozenset[str] = frozenset()  # tokens of figures it gives as what was before: "from 32.5% to 27%"
    terms: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.terms = frozenset(self.tokens)


class Normalizer:
    """Folds text, rewrites entity aliases to entity ids, extracts figures and stems words.

    Aliases are looked up as word sequences in a dict rather than with one big regex:
    the same result, but nothing to compile when a cached claim base is loaded.
    """

    def __init__(self, aliases: dict[str, str], referents: Referents | None = None, currency: str = "") -> None:
        self.referents = referents or Referents()
        self.currency = currency  # of scaled figures written without one (see Topic.currency)
        self.aliases: dict[tuple[str, ...], tuple[str, ...]] = {}
        # The word of each alias least likely to occur by chance: a proper noun if it has one
        # ("ChatGPT" in "the ChatGPT maker"), else its longest word. Cheap pre-filters look for it.
        self.key_words: dict[tuple[str, ...], str] = {}
        self._written: dict[str, set[str]] = {}
        for alias, entity in aliases.items():
            words = tuple(_WORD_RE.findall(fold(alias)))
            if words:
                self.aliases[words] = (entity,)
                written = [w for w in re.findall(r"\w+", alias) if _WORD_RE.fullmatch(fold(w))]
                proper = [w for w in written if w[:1].isupper()]
                key = max(proper or written or words, key=len)
                self.key_words[words] = fold(key)
                self._written.setdefault(fold(key), set()).add(key.lower())
        self.entity_ids = frozenset(aliases.values())
        # The lengths of the aliases each word starts, longest first: only those are looked up where it occurs.
        lengths: dict[str, set[int]] = {}
        for words in self.aliases:
            lengths.setdefault(words[0], set()).add(len(words))
        self.alias_lengths = {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}
        # "OpenAI Foundation" names the foundation, and OpenAI too. But "not-for-profit" does
        # not name the for-profit, nor « sans but lucratif » what is « à but lucratif ».
        for words, (entity,) in list(self.aliases.items()):
            inner = {
                other_entity
                for i in range(len(words))
                for j in range(i + 1, len(words) + 1)
                if (i, j) != (0, len(words)) and not (i and words[i - 1] in _NEGATING_WORDS)
                for other_entity in self.aliases.get(words[i:j], ())
                if other_entity != entity
            }
            self.aliases[words] = (entity, *sorted(inner))

    def key_word_forms(self, key_words: Iterable[str]) -> set[str]:
        """The key words as curators wrote them (lower case, accents kept): « société » for `societe`."""
        return {form for key in key_words for form in self._written.get(key, ())}

    def entities_in(self, words: list[str]) -> tuple[list[str], set[str]]:
        """Replace each alias (longest first) by its entity ids; return the words and the ids.

        A one-word name with a possessive "s" and no apostrophe ("OpenAIs") is the name.
        """
        out: list[str] = []
        found: set[str] = set()
        aliases, alias_lengths = self.aliases, self.alias_lengths
        i, n = 0, len(words)
        while i < n:
            word = words[i]
            lengths = alias_lengths.get(word)
            if lengths is None:
                possessive = aliases.get((word[:-1],)) if word.endswith("s") else None
                if possessive:
                    out.extend(possessive)
                    found.update(possessive)
                else:
                    out.append(word)
                i += 1
                continue
            for length in lengths:
                named = aliases.get(tuple(words[i : i + length])) if length <= n - i else None
                if named:
                    out.extend(named)
                    found.update(named)
                    i += length
                    break
            else:
                out.append(word)
                i += 1
        return out, found

    def analyse(
        self,
        text: str,
        *,
        refer: bool = False,
        context: Sequence[str] = (),
        inherit: Iterable[str] = (),
        imply: Iterable[str] = (),
        lang: str | None = None,
    ) -> Analysis:
        """Analyse one sentence or claim string.

        With `refer`, parties the sentence stands for without naming them are resolved (see referents.py);
        `context` lists the entities named before it, most recent first. Claim strings are not resolved:
        curators name what they mean. A clause `inherit`s the parties its sentence names, and is read in the
        sentence's `lang`; `imply` lists parties that only a statement of a claim's relation may leave unsaid.
        """
        folded = fold(without_links(text))
        lang = lang or detect_language(folded)
        reading = _reading(lang)
        rumour = reading.rumour.search(folded) is not None
        past = reading.past.search(folded) is not None
        conditional = reading.conditional.search(folded) is not None
        first = reading.ordinal.search(folded) is not None
        # A hedge says how a claim is reported, not what it claims: it is noted, then left out of
        # the words that are matched, so "reportedly X" and « X, selon des sources » score like X.
        folded, hedges = reading.hedge.subn(" ", folded)
        with_numbers, quantities = _figures_in(folded, lang, self.currency)
        former = frozenset(m[1] for m in reading.from_to.finditer(with_numbers))
        words, entities = self.entities_in(_WORD_RE.findall(with_numbers))
        resolved: list[tuple[str, str]] = []
        named = frozenset(entities)
        inherited = [e for e in inherit if e not in entities]
        if refer and self.referents:
            # A clause's referents are resolved knowing whom its sentence names.
            words, resolved = self.referents.resolve(words, entities | set(inherited), self.entity_ids, lang, context)
            entities.update(e for _, e in resolved)
        # Inherited parties satisfy a claim's subject, but are not words of the clause: "and has locked in a
        # $250 billion contract" states no more of a claim's wording for its sentence naming Microsoft.
        entities.update(inherited)
        kept = self.entity_ids | {q.token for q in quantities}
        plain = list({w: None for w in words if w not in kept})
        stemmed = dict(zip(plain, _stemmer(lang).stemWords(plain), strict=True))
        stems = tuple(stemmed.get(w, w) for w in words)
        tokens = [stem for w, stem in zip(words, stems, strict=True) if w not in reading.stop_words]
        # A count's kind is its noun, which stays a word of its own: "3 million votes" and "20 million visitors"
        # share no more than two bare numbers do.
        tokens.extend(unit_term(q.unit) for q in quantities if q.unit and q.unit != "count")
        # Only clauses with a negating or contrasting word are read again with names as ids (most have none). Such
        # a word in a clause is one in the sentence (clauses break where words do), so most sentences are not split.
        clauses = [
            reading.not_denial.sub(" ", " ".join(self.entities_in(_WORD_RE.findall(c))[0]))
            for c in reading.clause.split(with_numbers)
            if reading.may_deny.search(c)
        ] if reading.may_deny.search(with_numbers) else []
        negated = [c for c in clauses if reading.negation.search(c)]
        privative = reading.privative.search(" ".join(words)) is not None
        scoped = [self._privative_scope(c, reading) for c in reading.clause.split(with_numbers)] if privative else []
        set_aside = [m for c in clauses for m in [reading.contrast.search(c)] if m]
        return Analysis(
            lang=lang,
            tokens=tokens,
            entities=frozenset(entities),
            quantities=quantities,
            negated=bool(negated),
            hedged=hedges > 0 or rumour,
            rumour=rumour,
            past=past,
            conditional=conditional,
            first=first,
            privative=privative,
            privative_terms=self._content([p for p in scoped if p], kept, lang) if privative else frozenset(),
            negated_terms=self._content([_scope(c, reading) for c in negated], kept, lang) if negated else frozenset(),
            set_aside=self._content([m.string[m.end() :] for m in set_aside], kept, lang) if set_aside else frozenset(),
            resolved=tuple(resolved),
            named=named,
            stems=stems,
            former=former,
            in_document=bool(context),
            # Another party in play ("SoftBank's investment in OpenAI") may be whom the statement is about.
            implied=frozenset(imply) - entities if self.referents.outsiders.isdisjoint(named) else frozenset(),
        )

    def _privative_scope(self, clause: str, reading: _Reading) -> str:
        """The words of a clause with a word that denies by meaning, or "" when it has none. The whole clause:
        a passive takes away what comes before ("exclusivity was replaced by a right of first refusal")."""
        words = " ".join(self.entities_in(_WORD_RE.findall(clause))[0])
        return words if reading.privative.search(words) else ""

    def _content(self, clauses: list[str], kept: frozenset[str], lang: str) -> frozenset[str]:
        """Stemmed content words and figures of the clauses with a negation. Names are left out:
        "Microsoft did not comment" denies nothing about Microsoft's stake."""
        stop = stop_words(lang)
        words = [w for c in clauses for w in c.split() if w not in stop and w not in self.entity_ids]
        figures = [w for w in words if w in kept]
        return frozenset(_stemmer(lang).stemWords([w for w in words if w not in kept])) | frozenset(figures)


def _scope(clause: str, reading: _Reading) -> str:
    """What a negation in a clause denies: from the negation to the clause's end. The words before it are
    its subject: « le protocole signé par Microsoft n'est pas contraignant » denies « contraignant », not
    « signé ». A negation may open before the verb it denies: « ne détient pas » denies « détient »."""
    m = reading.negation.search(clause)
    if m is None:
        return clause
    ne = reading.negation_opener.search(clause, 0, m.start()) if reading.negation_opener else None
    return clause[ne.start() if ne else m.start() :]


def alias_table(entities: Iterable[tuple[str, str, Iterable[str]]]) -> dict[str, str]:
    """Map every name and alias of (id, name, aliases) triples to the entity id."""
    table: dict[str, str] = {}
    for entity_id, name, aliases in entities:
        table[entity_id] = entity_id
        table[name] = entity_id
        for alias in aliases:
            table[alias] = entity_id
    return table
