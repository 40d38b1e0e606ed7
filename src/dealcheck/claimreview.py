"""schema.org ClaimReview in and out: publish a claim base, or build one from fact-checks.

Export writes one ClaimReview per claim and per variant, using standard properties only:
- `itemReviewed.alternateName` carries the paraphrases;
- `itemReviewed.about` carries the subject entities with their aliases;
- `itemReviewed.temporalCoverage` carries the dates the claim holds for;
- the review's `citation` carries the evidence (url, headline, date, publisher, quote as `text`), and its
  `expires` the day the claim stopped holding;
- what schema.org has no property for is carried in `dealcheck:` extension properties: the claim's
  figures (`dealcheck:numbers`), the claim that replaced it (`dealcheck:replacedBy`), the curators'
  examples with their expected verdicts (`dealcheck:examples`), its relations
  with their cues (`dealcheck:relation`) and parties (`dealcheck:parties`), an entity's
  referents (`dealcheck:referents`), and, on the first review, the base's topic with its currency (`dealcheck:topic`).
Import reads that back. It also reads what fact-checkers publish: JSON-LD objects, arrays, `@graph`,
HTML pages with `<script type="application/ld+json">`, and the Fact Check Tools API's
`claims[].claimReview[]`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, data_oddity
from .i18n import format_figure
from .inputs import MAX_FILE_BYTES, element_spans, read_limited
from .model import CURRENCIES, ENTITY_ID_RE, EXAMPLE_VERDICTS, ID_RE, WEB_URL_RE, ClaimBase, Verdict, iso, verdict_word
from .normalize import Quantity, extract_quantities, fold, parse_quantity
from .printable import strip_controls
from .serialise import numbers_data

# Free-text ratings of fact-checkers → our verdicts. Keys are folded (lower case, no accents,
# single spaces); `--rating-map` adds to or overrides them.
DEFAULT_RATING_MAP: dict[str, str] = {
    **dict.fromkeys(
        ["true", "correct", "accurate", "mostly true", "vrai", "exact", "plutot vrai", "verdadero", "cierto", "wahr",
         "vero", "verified", "confirmed"], "true"),
    **dict.fromkeys(
        ["false", "mostly false", "pants on fire", "pants on fire!", "fake", "incorrect", "wrong", "faux", "inexact",
         "plutot faux", "completement faux", "totalement faux", "fausse information", "infox", "intox", "falso", "falsch",
         "four pinocchios", "fabricated", "scam", "hoax"], "false"),
    **dict.fromkeys(
        ["misleading", "half true", "half-true", "mixture", "mixed", "partly false", "partly true", "missing context",
         "needs context", "out of context", "exaggerated", "exaggeration", "distorts the facts", "cherry picks",
         "trompeur", "en partie faux", "partiellement faux", "partiellement vrai", "a nuancer", "manque de contexte",
         "sorti de son contexte", "hors contexte", "exagere", "engañoso", "enganoso", "impreciso", "irrefuhrend",
         "three pinocchios", "two pinocchios"], "misleading"),
    **dict.fromkeys(
        ["unproven", "unverified", "unverifiable", "no evidence", "unsupported", "research in progress", "not proven",
         "sin evidencia", "sin pruebas", "non verifie", "invérifiable", "inverifiable", "sans preuve", "non prouve",
         "pas de preuve", "insuffisamment etaye"], "unverified"),
}


def read_rating_map(path: Path, max_bytes: int = MAX_FILE_BYTES) -> dict[str, str]:
    """A `--rating-map` file: YAML or JSON, rating text → verdict."""
    import yaml

    from .model import CLAIM_VERDICTS

    try:
        data = yaml.safe_load(_utf8(read_limited(path, "rating map", max_bytes), path))
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not a YAML or JSON mapping: {str(exc).splitlines()[0]}") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{path}: not a usable YAML or JSON mapping: {data_oddity(exc)}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a rating map is a mapping of rating text to verdict")
    table = {}
    for rating, verdict in data.items():
        verdict = verdict_word(verdict)
        if verdict not in CLAIM_VERDICTS:
            raise InputError(f"{path}: {rating!r} maps to {verdict!r}, not one of {', '.join(CLAIM_VERDICTS)}")
        table[str(rating)] = str(verdict)
    return table


def rating_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s!-]", " ", fold(text)).split())


# --- export ----------------------------------------------------------------------------


def export(base: ClaimBase, *, author: str = "dealcheck", published: dt.date | None = None, base_url: str | None = None) -> list[dict[str, Any]]:
    """The claim base as a JSON-LD array of ClaimReview objects."""
    published = published or dt.date.today()
    entities = {e.id: e for e in base.entities}
    out: list[dict[str, Any]] = []
    for claim in base.claims:
        about = [_thing(entities[s]) for s in claim.subject if s in entities]
        named = set().union(*(base.normalizer.analyse(t).entities for t, _ in claim.texts())) - set(claim.subject)
        mentions = [_thing(entities[e]) for e in sorted(named) if e in entities]
        coverage = None
        if claim.valid_from or claim.valid_until:
            coverage = f"{iso(claim.valid_from) or '..'}/{iso(claim.valid_until) or '..'}"
        reviews = [(claim.id, claim.text, claim.verdict, claim.explanation, claim.citations, list(claim.paraphrases))]
        reviews += [
            (f"{claim.id}#variant-{i + 1}", v.text, v.verdict, v.explanation, v.citations, [])
            for i, v in enumerate(claim.variants)
        ]
        for identifier, text, verdict, explanation, citations, paraphrases in reviews:
            rating = Verdict.of(verdict).rating
            assert rating is not None  # a base's verdicts are CLAIM_VERDICTS, which all have a rating
            value, name = rating
            # A claim curated from the sources is said by no one in particular: its Claim has an `author` (the
            # claimant) and an `appearance` (where it was made) only when a fact-check named them. The sources
            # are the review's evidence, its `citation`.
            item: dict[str, Any] = {"@type": "Claim"}
            if claim.claimant:
                item["author"] = {"@type": "Thing", "name": claim.claimant}
            if claim.appearance:
                item["appearance"] = [{"@type": "CreativeWork", "url": url} for url in claim.appearance]
            if claim.valid_from:
                item["datePublished"] = claim.valid_from.isoformat()
            if paraphrases:
                item["alternateName"] = paraphrases
            if about:
                item["about"] = about
            if mentions:
                item["mentions"] = mentions
            if coverage:
                item["temporalCoverage"] = coverage
            if identifier == claim.id:  # written when empty too: "no figures", not "read them off the text"
                item["dealcheck:numbers"] = numbers_data(claim)
            if identifier == claim.id and claim.replaced_by:
                item["dealcheck:replacedBy"] = claim.replaced_by
            if identifier == claim.id and claim.examples:
                item["dealcheck:examples"] = [
                    {"text": e.text, "verdict": e.verdict, **({"asOf": e.as_of.isoformat()} if e.as_of else {})} for e in claim.examples
                ]
            if claim.relations and identifier == claim.id:
                item["dealcheck:relation"] = [
                    {"identifier": r, "dealcheck:cues": base.relations[r].cues_by_language()} for r in claim.relations if r in base.relations
                ]
                if claim.parties:
                    item["dealcheck:parties"] = list(claim.parties)
            if not out and (base.topic.entities or base.topic.referents or base.topic.currency):
                item["dealcheck:topic"] = {
                    "entities": list(base.topic.entities), "referents": list(base.topic.referents),
                    **({"currency": base.topic.currency} if base.topic.currency else {}),
                }
            review: dict[str, Any] = {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": identifier,
                "url": f"{base_url}#{identifier}" if base_url else f"urn:dealcheck:{identifier}",
                "datePublished": published.isoformat(),
                "author": {"@type": "Organization", "name": author},
                "claimReviewed": text,
                "reviewBody": explanation,
                "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1, "alternateName": name},
                "itemReviewed": item,
                "citation": [_evidence(c) for c in citations],
            }
            if claim.valid_until:  # a fact-check's shelf life: the claim no longer holds after it
                review["expires"] = claim.valid_until.isoformat()
            out.append(review)
    return out


def _thing(e: Any) -> dict[str, Any]:
    thing = {"@type": "Thing", "identifier": e.id, "name": e.name, "alternateName": list(e.aliases)}
    if e.referents:
        thing["dealcheck:referents"] = list(e.referents)
    return thing




def _evidence(c: Any) -> dict[str, Any]:
    s = c.source
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": s.id, "headline": s.title, "text": c.quote}
    if s.url:
        work["url"] = s.url
    if s.date:
        work["datePublished"] = s.date
    if s.publisher:
        work["publisher"] = {"@type": "Organization", "name": s.publisher}
    return work


# --- import ----------------------------------------------------------------------------


@dataclass
class ImportResult:
    """A claim base as plain data (ready for YAML), and what could not be mapped."""

    base: dict[str, Any]
    unmapped: dict[str, int] = field(default_factory=dict)
    reviews: int = 0

    @property
    def imported(self) -> int:
        return sum(1 + len(c.get("variants", [])) for c in self.base["claims"])

    def skipped(self) -> str:
        """What could not be imported, for the curator: "2 reviews skipped, rating not mapped: 'Spicy' (2) …"."""
        listed = ", ".join(f"{k!r} ({n})" for k, n in sorted(self.unmapped.items(), key=lambda kv: -kv[1]))
        return f"{sum(self.unmapped.values())} reviews skipped, rating not mapped: {listed} (see --rating-map)"


_SCRIPT = re.compile(r"<script\b[^<>]*type\s*=\s*[\"']application/ld\+json[\"'][^<>]*>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)


def _utf8(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def read_documents(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Any]:
    """The JSON documents in a file: the file itself, or each JSON-LD block of an HTML page."""
    text = _utf8(read_limited(path, "review file", max_bytes), path)
    if text.lstrip().startswith("<") or path.suffix.lower() in (".html", ".htm"):
        blocks = [(start.end(), close.start()) for start, close in element_spans(text, _SCRIPT, lambda _: _SCRIPT_END) if close]
        if not blocks:
            raise InputError(f"{path}: no <script type=\"application/ld+json\"> block in this page")
        line, counted = 0, 0
        for begin, end in blocks:
            line, counted = line + text.count("\n", counted, begin), begin
            yield _parse_json(text[begin:end], path, line)
        return
    yield _parse_json(text, path, 0)


def _parse_json(text: str, path: Path, line_offset: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno + line_offset}: not valid JSON: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{path}: not usable JSON: {data_oddity(exc)}") from None


def iter_reviews(doc: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview in a JSON-LD document or a Fact Check Tools API response, in API shape too."""
    if isinstance(doc, list):
        for item in doc:
            yield from iter_reviews(item)
        return
    if not isinstance(doc, dict):
        return
    if "@graph" in doc:
        yield from iter_reviews(doc["@graph"])
    if isinstance(doc.get("claims"), list):  # Fact Check Tools API: claims[].claimReview[]
        for claim in doc["claims"]:
            if not isinstance(claim, dict):
                continue
            for review in _list(claim.get("claimReview")):
                if isinstance(review, dict):
                    yield {
                        "@type": "ClaimReview",
                        "claimReviewed": claim.get("text"),
                        "url": review.get("url"),
                        "headline": review.get("title"),
                        "datePublished": review.get("reviewDate"),
                        "author": review.get("publisher"),
                        "reviewRating": {"alternateName": review.get("textualRating")},
                        "inLanguage": review.get("languageCode"),
                        "itemReviewed": {"author": {"name": claim.get("claimant")}, "datePublished": claim.get("claimDate")},
                    }
    types = doc.get("@type")
    if types == "ClaimReview" or (isinstance(types, list) and "ClaimReview" in types):
        yield doc


def import_reviews(paths: list[Path], rating_map: dict[str, str] | None = None, max_bytes: int = MAX_FILE_BYTES) -> ImportResult:
    """Build a claim base from ClaimReview files. Reviews whose rating is not mapped are counted, not guessed."""
    table = {**DEFAULT_RATING_MAP, **{rating_key(k): v for k, v in (rating_map or {}).items()}}
    result = ImportResult({"version": 1, "entities": [], "sources": [], "claims": []})
    entities: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    claims: dict[str, dict[str, Any]] = {}
    extensions = _Extensions()
    for path in paths:
        for doc in read_documents(path, max_bytes):
            for review in iter_reviews(doc):
                result.reviews += 1
                extensions.read_topic(review)
                _add_review(review, table, result, entities, sources, claims, extensions.currency)
                extensions.read(review, claims)
    base = result.base
    extensions.write(base)
    base["entities"] = list(entities.values())
    base["sources"] = list(sources.values())
    base["claims"] = list(claims.values())
    for claim in base["claims"]:
        if claim.get("replaced_by") not in claims:  # from a partial export: its successor is not here
            claim.pop("replaced_by", None)
    if not base["entities"]:
        del base["entities"]
    return result


class _Extensions:
    """dealcheck's own properties in an export (see the module's docstring), read back into base data."""

    def __init__(self) -> None:
        self.relations: dict[str, dict[str, list[str]]] = {}
        self.topic: dict[str, list[str]] = {}
        self.currency = ""

    def read_topic(self, review: dict[str, Any]) -> None:
        """The base's topic, before the review's claim: its currency says how to read the claim's figures."""
        topic = _item(review).get("dealcheck:topic")
        if isinstance(topic, dict):
            for key in ("entities", "referents"):
                known = self.topic.setdefault(key, [])
                known += [t for t in _list(topic.get(key)) if isinstance(t, str) and t not in known]
            if topic.get("currency") in CURRENCIES and not self.currency:
                self.currency = topic["currency"]

    def read(self, review: dict[str, Any], claims: dict[str, dict[str, Any]]) -> None:
        item = _item(review)
        claim = claims.get(_text(review.get("identifier")) or "")
        if claim is None:
            return
        for relation in _list(item.get("dealcheck:relation")):
            if not isinstance(relation, dict) or not _text(relation.get("identifier")):
                continue
            relation_id = _text(relation["identifier"]) or ""
            cues = relation.get("dealcheck:cues")
            known_cues = self.relations.setdefault(relation_id, {})
            for lang, words in (cues.items() if isinstance(cues, dict) else ()):
                known_cues.setdefault(lang, []).extend(w for w in _list(words) if isinstance(w, str) and w not in known_cues.get(lang, []))
            claim.setdefault("relation", []).append(relation_id)
        parties = [p for p in _list(item.get("dealcheck:parties")) if isinstance(p, str)]
        if parties:
            claim["parties"] = parties
        if "dealcheck:numbers" in item:  # the curators' figures (perhaps none), not the ones read off the text
            numbers = [
                {"value": _text(n["value"]), "relation": _text(n.get("relation")) or "exactly",
                 **({"unit": _text(n["unit"])} if _text(n.get("unit")) else {})}
                for n in _list(item["dealcheck:numbers"]) if isinstance(n, dict) and _text(n.get("value"))
            ]
            if numbers:
                claim["numbers"] = numbers
            else:
                claim.pop("numbers", None)
        replaced_by = _text(item.get("dealcheck:replacedBy"))
        if replaced_by:
            claim["replaced_by"] = replaced_by
        examples = []
        for e in _list(item.get("dealcheck:examples")):
            if isinstance(e, dict) and _text(e.get("text")) and e.get("verdict") in EXAMPLE_VERDICTS:
                as_of = _date(e.get("asOf"))
                examples.append({"text": _text(e["text"]), "verdict": e["verdict"], **({"as_of": as_of} if as_of else {})})
        if examples:  # a curator's checks travel with the claims they check
            claim["examples"] = examples

    def write(self, base: dict[str, Any]) -> None:
        if self.topic.get("entities") or self.topic.get("referents") or self.currency:
            base["topic"] = {**{k: v for k, v in self.topic.items() if v}, **({"currency": self.currency} if self.currency else {})}
        if self.relations:
            base["relations"] = [{"id": r, "cues": cues} for r, cues in self.relations.items() if cues]


def _item(review: dict[str, Any]) -> dict[str, Any]:
    """The reviewed Claim, or an empty one."""
    item = review.get("itemReviewed")
    return item if isinstance(item, dict) else {}


_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")  # markup a fact-checker's JSON-LD text may carry


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id")
    if isinstance(value, list):
        value = next((_text(v) for v in value if _text(v)), None)
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    # Fact-checkers' JSON-LD text may carry the page's markup ("<br />"); a hostile page's escape sequences
    # are not kept in the base, where they would reach a terminal later.
    return " ".join(strip_controls(_TAG_RE.sub(" ", html.unescape(value))).split()) or None



def _date(value: Any) -> str | None:
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def _verdict(review: dict[str, Any], table: dict[str, str]) -> tuple[str | None, str]:
    rating = review.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    words = _text(rating.get("alternateName")) or _text(rating.get("name")) if isinstance(rating, dict) else None
    words = words or _text(review.get("textualRating")) or ""
    verdict = table.get(rating_key(words))
    if verdict is None and isinstance(rating, dict):
        verdict = _numeric_verdict(rating)
    return verdict, words


# A rating on a 1–5 scale, as dealcheck exports it (see Verdict.rating); 4, which it never writes, is the
# "mostly true" of the scales fact-checkers use.
_SCALE_VERDICTS = {**{v.rating[0]: v.value for v in Verdict if v.rating is not None}, 4: "true"}


def _numeric_verdict(rating: dict[str, Any]) -> str | None:
    """A `ratingValue` read on its `bestRating`/`worstRating` scale (schema.org's defaults: 5 and 1), brought
    to 1–5 and rounded; None when it is not a number inside its scale."""
    try:
        value, best, worst = (float(rating.get(k, default)) for k, default in (("ratingValue", "nan"), ("bestRating", 5), ("worstRating", 1)))
    except (TypeError, ValueError):
        return None
    if not (best != worst and min(best, worst) <= value <= max(best, worst)):  # NaN fails here too
        return None
    return _SCALE_VERDICTS.get(round(1 + 4 * (value - worst) / (best - worst)))


def _add_review(
    review: dict[str, Any], table: dict[str, str], result: ImportResult,
    entities: dict[str, dict[str, Any]], sources: dict[str, dict[str, Any]], claims: dict[str, dict[str, Any]], currency: str,
) -> None:
    text = _text(review.get("claimReviewed"))
    if not text:
        result.unmapped["(no claimReviewed)"] = result.unmapped.get("(no claimReviewed)", 0) + 1
        return
    verdict, words = _verdict(review, table)
    if verdict is None:
        key = words or "(no rating)"
        result.unmapped[key] = result.unmapped.get(key, 0) + 1
        return
    identifier = _text(review.get("identifier"))
    if identifier and "#variant-" in identifier and identifier.split("#variant-")[0] in claims:
        parent = claims[identifier.split("#variant-")[0]]
        variant: dict[str, Any] = {"text": text, "verdict": verdict, "explanation": _explanation(review, words)}
        citations = _citations(review, sources)
        if citations != parent["citations"]:
            variant["citations"] = citations
        parent.setdefault("variants", []).append(variant)
        return
    item = _item(review)
    claim_id = _unique(identifier or _slug(review, text), claims)
    claim: dict[str, Any] = {"id": claim_id, "text": text, "verdict": verdict, "explanation": _explanation(review, words)}
    subject = [e for e in (_entity(thing, entities) for thing in _list(item.get("about"))) if e]
    for thing in _list(item.get("mentions")):
        _entity(thing, entities)
    if subject:
        claim["subject"] = subject
    coverage = _text(item.get("temporalCoverage"))
    if coverage and "/" in coverage:
        start, end = (_date(part) for part in coverage.split("/", 1))
        if start:
            claim["valid_from"] = start
        if end:
            claim["valid_until"] = end
    expires = _date(review.get("expires"))
    if expires and "valid_until" not in claim:
        claim["valid_until"] = expires
    claim["citations"] = _citations(review, sources)
    claimant = _text(item.get("author"))
    if claimant:
        claim["claimant"] = claimant
    # Where the claim was made: its `appearance`, or, as some fact-checkers write it, the Claim's own `url`.
    appeared = [_text(w.get("url")) if isinstance(w, dict) else _text(w) for w in _list(item.get("appearance")) or [item]]
    appearance = list(dict.fromkeys(u for u in appeared if u and WEB_URL_RE.fullmatch(u)))
    if appearance:
        claim["appearance"] = appearance
    if verdict == "true":  # a debunked claim's figures are what is wrong, not what the sources give
        _, figures = extract_quantities(text, currency=currency)
        numbers = [_number_data(q, currency) for q in figures if q.unit or (q.noun and q.value >= _LEAST_COUNT)]
        if numbers:
            claim["numbers"] = numbers
    paraphrases = [p for p in map(_text, _list(item.get("alternateName"))) if p]
    if paraphrases:
        claim["paraphrases"] = paraphrases
    claims[claim_id] = claim


# A small bare number is as often part of a name ("the GPT-4 model") as a count; "1,665 steps" is a count.
_LEAST_COUNT = 100


def _number_data(q: Quantity, currency: str) -> dict[str, str]:
    """A figure of a claim's text as the base writes it, with its unit where the value alone would not say it:
    "1889" (a year only after "in"), "1665 steps" (a count)."""
    unit = q.unit or "count"
    value = format_figure(q.value, unit, "exactly", "en", q.noun if unit == "count" else "")
    read = parse_quantity(value, currency)
    declared = {} if read is not None and read.unit == unit else {"unit": unit}
    return {"value": value, "relation": q.relation, **declared}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _entity(thing: Any, entities: dict[str, dict[str, Any]]) -> str | None:
    """Record a schema.org Thing with an identifier as an entity; return its id."""
    if not (isinstance(thing, dict) and _text(thing.get("identifier")) and _text(thing.get("name"))):
        return None
    entity_id = _text(thing["identifier"]) or ""
    if not ENTITY_ID_RE.fullmatch(entity_id):
        return None
    aliases = [a for a in _list(thing.get("alternateName")) if isinstance(a, str)]
    entry = entities.setdefault(entity_id, {"id": entity_id, "name": _text(thing["name"]), "aliases": []})
    entry["aliases"] += [a for a in aliases if a not in entry["aliases"]]
    referents = [r for r in _list(thing.get("dealcheck:referents")) if isinstance(r, str)]
    if referents:
        known = entry.setdefault("referents", [])
        known += [r for r in referents if r not in known]
    return entity_id


def _explanation(review: dict[str, Any], words: str) -> str:
    body = _text(review.get("reviewBody")) or _text(review.get("description"))
    if body:
        return body
    who = _text(review.get("author")) or "The fact-checker"
    return f"{who} rated this claim “{words}”."


def _citations(review: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[dict[str, str]]:
    """The evidence: the works a review cites (`citation`, `isBasedOn`), else the fact-check itself.

    Earlier exports of dealcheck listed the evidence as the Claim's `appearance`, each work with its quote
    as `text`; such a work is read as evidence too. A fact-checker's `appearance` (where the claim was made:
    a post, a speech) has no quote, and is not evidence.
    """
    item = _item(review)
    found = []
    for work in [*_list(review.get("citation")), *_list(review.get("isBasedOn")), *_list(item.get("appearance"))]:
        if isinstance(work, dict) and _text(work.get("text")):
            url = _text(work.get("url"))
            found.append((
                _text(work.get("identifier")) or _source_id(url or _text(work.get("headline")) or ""),
                _text(work.get("headline")) or _text(work.get("name")),
                _text(work.get("publisher")) or _text(work.get("author")),
                _date(work.get("datePublished")),
                url,
                _text(work["text"]) or "",
            ))
    if not found:
        url = _text(review.get("url"))
        title = _text(review.get("headline")) or _text(review.get("name"))
        publisher = _text(review.get("author")) or _text(review.get("publisher"))
        quote = title or _verdict(review, DEFAULT_RATING_MAP)[1] or "rated"
        found.append((_source_id(url or f"{publisher}:{quote}"), title, publisher, _date(review.get("datePublished")), url, quote))
    citations = []
    for source_id, title, publisher, date, url, quote in found:
        source = sources.setdefault(source_id, {"id": source_id, "title": title or f"{publisher or 'Unknown'} fact-check",
                                                "publisher": publisher or "unknown"})
        if date:
            source.setdefault("date", date)
        if url and WEB_URL_RE.fullmatch(url):
            source.setdefault("url", url)
        quotes = source.setdefault("quotes", [])
        if quote not in quotes:
            quotes.append(quote)
        citations.append({"source": source_id, "quote": quote})
    return citations


def _source_id(key: str) -> str:
    return "src-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _slug(review: dict[str, Any], text: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(text))[:6]
    digest = hashlib.sha1(f"{_text(review.get('url'))}|{text}".encode()).hexdigest()[:6]
    return "-".join(words + [digest]) if words else f"claim-{digest}"


def _unique(claim_id: str, taken: dict[str, Any]) -> str:
    claim_id = re.sub(r"[^A-Za-z0-9_.-]+", "-", claim_id).strip("-.") or "claim"
    if not ID_RE.match(claim_id):
        claim_id = f"c{claim_id}"
    candidate, n = claim_id, 2
    while candidate in taken:
        candidate, n = f"{claim_id}-{n}", n + 1
    return candidate
