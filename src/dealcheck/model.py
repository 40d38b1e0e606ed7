"""The data model: claims, their citations and sources, the verdict enum, a claim base, and a finding.

Everything else reads and writes these: `validation` builds them from YAML or plain data, `claimbase` finds,
loads and merges bases, `serialise` writes them back, `checker` makes findings.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .normalize import Normalizer, Quantity

if TYPE_CHECKING:
    from .match import Candidate


class Verdict(str, Enum):
    """Every verdict dealcheck gives, with what each output shows for it: the one table of verdicts.

    A claim in a base is one of the first four; `outdated` (a claim that has ended) and `unknown`
    (no claim matched) are given to sentences only. Members are strings, so they compare equal to
    the values the YAML and the JSON hold. Labels, being words of a language, are in `i18n`.
    """

    style: tuple[str, ...]
    severity: int
    github_level: str
    sarif: tuple[str, str]
    rating: tuple[int, str] | None

    def __new__(
        cls, value: str, style: tuple[str, ...], severity: int, github_level: str, sarif: tuple[str, str], rating: tuple[int, str] | None
    ) -> Verdict:
        member = str.__new__(cls, value)
        member._value_ = value
        member.style, member.severity, member.github_level, member.sarif, member.rating = style, severity, github_level, sarif, rating
        return member

    @classmethod
    def of(cls, value: str) -> Verdict:
        """The member for a verdict as findings and bases hold it (a plain string)."""
        return cls(value)  # type: ignore[call-arg]  # a lookup by value; mypy reads __new__'s signature

    # value, text style, severity (0: most serious), GitHub annotation level, SARIF result (kind, level),
    # schema.org Rating (1–5 scale). SARIF allows level "none" only with a kind other than "fail" (§3.27.10):
    # a true sentence passes its claim's rule; one that matches no claim is "open", neither passed nor failed.
    TRUE = ("true", ("bold", "green"), 4, "notice", ("pass", "none"), (5, "True"))
    FALSE = ("false", ("bold", "red"), 0, "error", ("fail", "error"), (1, "False"))
    MISLEADING = ("misleading", ("bold", "yellow"), 1, "warning", ("fail", "warning"), (2, "Misleading"))
    UNVERIFIED = ("unverified", ("bold", "blue"), 3, "notice", ("fail", "note"), (3, "Unverified"))
    OUTDATED = ("outdated", ("bold", "magenta"), 2, "warning", ("fail", "note"), None)
    UNKNOWN = ("unknown", ("dim",), 5, "notice", ("open", "none"), None)


# What the format allows, wherever a base's data comes from (YAML, ClaimReview, a configuration file).
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # claims and sources
ENTITY_ID_RE = re.compile(r"[a-z][a-z0-9_]*")  # entities: they become words of the matched text
WEB_URL_RE = re.compile(r"https?://\S+")


def verdict_word(value: object) -> object:
    """A verdict as written: YAML reads a bare `true` or `false` as a boolean, and the verdict is the word."""
    return ("true" if value else "false") if isinstance(value, bool) else value


CLAIM_VERDICTS = tuple(v.value for v in Verdict if v.rating is not None)
EXAMPLE_VERDICTS = tuple(v.value for v in Verdict)
# From most to least serious (`--fail-on` lists them so).
VERDICTS = tuple(v.value for v in sorted(Verdict, key=lambda v: v.severity))
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    aliases: tuple[str, ...]
    referents: tuple[str, ...] = ()  # phrases that may stand for it when a sentence does not name it


@dataclass(frozen=True)
class Relation:
    """What a claim asserts between its parties ("owns a stake in", "invested in"), and the words that say it.

    A sentence that names a claim's parties and says one of its relation's cues states that relation,
    whatever its other words: "Nearly half of the company is owned by Microsoft" is about Microsoft's stake.
    """

    id: str
    cues: tuple[tuple[str, str], ...]  # (language, cue as written)

    def cues_by_language(self) -> dict[str, list[str]]:
        """The cues as the base writes them: {language: [cue, …]}."""
        by_lang: dict[str, list[str]] = {}
        for lang, cue in self.cues:
            by_lang.setdefault(lang, []).append(cue)
        return by_lang


# The currencies a base may declare for its figures (see Topic.currency).
CURRENCIES = ("usd", "eur")


@dataclass(frozen=True)
class Topic:
    """The entities a sentence may refer to without naming them, and the phrases that name them all; and the
    currency of the base's scaled figures written without one (deal news writes « 13 milliards » for dollars),
    "" where such a figure is a count ("20 million visitors")."""

    entities: tuple[str, ...] = ()
    referents: tuple[str, ...] = ()
    currency: str = ""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str | None
    url: str | None
    quotes: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Citation:
    source: Source
    quote: str


@dataclass(frozen=True)
class Variant:
    text: str
    verdict: str
    explanation: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Example:
    text: str
    verdict: str
    as_of: dt.date | None
    line: int


@dataclass(frozen=True)
class ClaimNumber:
    quantity: Quantity
    text: str
    unit: str = ""  # as the claim declares it for a bare figure ("year" of "1889")


@dataclass
class Claim:
    id: str
    text: str
    verdict: str
    explanation: str
    citations: tuple[Citation, ...]
    subject: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    replaced_by: str | None = None
    numbers: tuple[ClaimNumber, ...] = ()
    paraphrases: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()
    examples: tuple[Example, ...] = ()
    line: int = 0
    relations: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()  # whom its relations hold between; default: the subject
    # Who made the claim and where (a post, a speech), as a fact-checker's review names them; a fact curated
    # from sources has neither.
    claimant: str | None = None
    appearance: tuple[str, ...] = ()

    @property
    def related(self) -> tuple[str, ...]:
        return self.parties or self.subject

    @cached_property
    def figures(self) -> dict[str, tuple[Quantity, ...]]:
        """Its figures by unit, in order: every sentence that may make the claim compares its own with them."""
        by_unit: dict[str, list[Quantity]] = {}
        for n in self.numbers:
            by_unit.setdefault(n.quantity.unit, []).append(n.quantity)
        return {unit: tuple(quantities) for unit, quantities in by_unit.items()}

    def texts(self) -> Iterator[tuple[str, int]]:
        """Every string that should match the claim: (text, variant index or -1)."""
        yield self.text, -1
        for p in self.paraphrases:
            yield p, -1
        for i, v in enumerate(self.variants):
            yield v.text, i


class LazyClaims(Sequence[Claim]):
    """Claims kept pickled one by one, each unpickled when first used.

    A cached base of 50,000 claims then loads in a fraction of a second: a check touches
    only the few claims its sentences match.
    """

    def __init__(self, blobs: list[bytes]) -> None:
        self._blobs = blobs
        self._loaded: dict[int, Claim] = {}

    def __len__(self) -> int:
        return len(self._blobs)

    def __getitem__(self, i: int) -> Claim:  # type: ignore[override]
        claim = self._loaded.get(i)
        if claim is None:
            claim = self._loaded[i] = pickle.loads(self._blobs[i])
        return claim

    def __iter__(self) -> Iterator[Claim]:
        return (self[i] for i in range(len(self._blobs)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyClaims, (self._blobs,))

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> LazyClaims:
        if isinstance(claims, LazyClaims):
            return claims
        return cls([pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL) for c in claims])


class ClaimsById(Mapping[str, Claim]):
    """Claims by id, without unpickling the ones nobody asks for."""

    def __init__(self, claims: Sequence[Claim], ids: list[str]) -> None:
        self._claims = claims
        self._index = {claim_id: i for i, claim_id in enumerate(ids)}

    def __getitem__(self, claim_id: str) -> Claim:
        return self._claims[self._index[claim_id]]

    def position(self, claim_id: str) -> int:
        """Where the claim is in the base's list."""
        return self._index[claim_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


@dataclass
class ClaimBase:
    path: str
    entities: tuple[Entity, ...]
    sources: dict[str, Source]
    claims: Sequence[Claim]
    normalizer: Normalizer
    ids: list[str] = field(default_factory=list)
    topic: Topic = field(default_factory=Topic)
    relations: dict[str, Relation] = field(default_factory=dict)
    _index: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.ids:
            self.ids = [c.id for c in self.claims]
        self.by_id = ClaimsById(self.claims, self.ids)

    def __getstate__(self) -> dict[str, Any]:
        state = {k: v for k, v in self.__dict__.items() if k != "by_id"}
        state["claims"] = LazyClaims.of(self.claims)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.by_id = ClaimsById(self.claims, self.ids)

    @property
    def index(self) -> Any:
        """The retrieval index, built on first use and kept in the cache file."""
        if self._index is None:
            from .match import Index

            self._index = Index(self)
        return self._index


@dataclass
class Finding:
    """The verdict on one sentence (or clause). `path` is None for a statement given directly."""

    text: str
    verdict: str
    score: float
    claim: Claim | None
    explanation: str
    citations: tuple[Citation, ...]
    path: str | None = None
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    lang: str = "en"
    hedged: bool = False
    matched: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    # The span of the finding in the text checked, 0-based character offsets (a clause, or the sentence).
    start: int = 0
    end: int = 0
    statement: int | None = None  # which statement argument it came from (1 for the first), None for files
    # Silenced by a `dealcheck off` or `dealcheck-ignore` comment: not reported, not in the exit code, counted by --statistics.
    suppressed: bool = False


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
