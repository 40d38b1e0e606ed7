"""Read a claim base from YAML or plain data into the data model, validating as it goes.

Validation collects every problem before failing, and each problem names the file, the line and the
field, because curators edit these files by hand. Which keys each mapping must and may have comes from
the JSON Schema shipped beside the package (`schema/claimbase.schema.json`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .errors import ClaimBaseError, data_oddity
from .model import (
    CLAIM_VERDICTS,
    CURRENCIES,
    ENTITY_ID_RE,
    EXAMPLE_VERDICTS,
    FORMAT_VERSION,
    ID_RE,
    WEB_URL_RE,
    Citation,
    Claim,
    ClaimBase,
    ClaimNumber,
    Entity,
    Example,
    Relation,
    Source,
    Topic,
    Variant,
    verdict_word,
)
from .normalize import RELATIONS, Normalizer, Quantity, alias_table, fold, parse_quantity, words
from .referents import Referents

# --- YAML with line numbers ---------------------------------------------------------


class _Mapping(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of `key`, or of the mapping when the key is missing (its absence is the problem)."""
        return self.key_lines.get(key, self.line)


def _make_loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        """safe_load's loader, plus line numbers and duplicate-key detection."""

    def construct_mapping(loader: Any, node: Any) -> _Mapping:
        mapping = _Mapping()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                loader.bad_keys.append(key_node.start_mark.line + 1)
                continue
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, str) and key in mapping:
                loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
            mapping[key] = loader.construct_object(value_node, deep=True)
            if isinstance(key, str):
                mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError:  # "2024-13-40": left as text, so validation names the field
            return node.value

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    return LineLoader


class _Checker:
    """Collects problems as `file:line: field: message`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []

    def error(self, line: int, where: str, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {where}: {message}")

    def mapping(self, value: Any, line: int, where: str, required: AbstractSet[str], optional: AbstractSet[str]) -> bool:
        if not isinstance(value, _Mapping):
            self.error(line, where, f"expected a mapping, got {_kind(value)}")
            return False
        for key in value:
            if key not in required and key not in optional:
                allowed = ", ".join(sorted(required | optional))
                self.error(value.line_of(key), f"{where}.{key}", f"unknown key (allowed: {allowed})")
        for key in sorted(required - set(value)):
            self.error(value.line, f"{where}.{key}", "missing")
        return True

    def text(self, m: _Mapping, key: str, where: str) -> str | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.error(m.line_of(key), f"{where}.{key}", f"expected non-empty text, got {_kind(value)}")
            return None
        return value.strip()

    def date(self, m: _Mapping, key: str, where: str) -> dt.date | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(m.line_of(key), f"{where}.{key}", f"expected a date YYYY-MM-DD, got {value!r}")
        return None

    def choice(self, m: _Mapping, key: str, where: str, allowed: tuple[str, ...]) -> str | None:
        value = verdict_word(m.get(key))
        if value not in allowed:
            self.error(m.line_of(key), f"{where}.{key}", f"{value!r} is not one of {', '.join(allowed)}")
            return None
        return str(value)

    def items(self, m: _Mapping, key: str, where: str) -> list[Any]:
        value = m.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(m.line_of(key), f"{where}.{key}", f"expected a list, got {_kind(value)}")
            return []
        return value

    def ident(self, m: _Mapping, key: str, where: str, seen: dict[str, int]) -> str | None:
        value = self.text(m, key, where)
        if value is None:
            return None
        line = m.line_of(key)
        if not ID_RE.fullmatch(value):
            self.error(line, f"{where}.{key}", f"{value!r} is not a valid id (letters, digits, '-', '_', '.')")
        if value in seen:
            self.error(line, f"{where}.{key}", f"duplicate id {value!r} (first at line {seen[value]})")
        seen[value] = line
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    return {dict: "a mapping", _Mapping: "a mapping", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _line_of(items: list[Any], i: int, parent: _Mapping) -> int:
    item = items[i]
    return item.line if isinstance(item, _Mapping) else parent.line


def _citations(
    ck: _Checker, m: _Mapping, where: str, sources: dict[str, Source], required: bool
) -> tuple[Citation, ...]:
    raw = ck.items(m, "citations", where)
    if required and not raw and "citations" in m:
        ck.error(m.line_of("citations"), f"{where}.citations", "at least one citation is required")
    out = []
    for i, item in enumerate(raw):
        w = f"{where}.citations[{i}]"
        if not ck.mapping(item, _line_of(raw, i, m), w, *_keys("citation")):
            continue
        source_id, quote = ck.text(item, "source", w), ck.text(item, "quote", w)
        if source_id is None or quote is None:
            continue
        source = sources.get(source_id)
        if source is None:
            ck.error(item.line_of("source"), f"{w}.source", f"no source with id {source_id!r}")
            continue
        if source.quotes and not any(quote in q for q in source.quotes):
            ck.error(item.line_of("quote"), f"{w}.quote", f"not found in the quotes of source {source_id!r}")
        out.append(Citation(source, quote))
    return tuple(out)


def _strings(ck: _Checker, m: _Mapping, key: str, where: str) -> tuple[str, ...]:
    out = []
    for i, item in enumerate(ck.items(m, key, where)):
        if not isinstance(item, str) or not item.strip():
            ck.error(m.line_of(key), f"{where}.{key}[{i}]", f"expected text, got {_kind(item)}")
        else:
            out.append(item.strip())
    return tuple(out)


def parse_claim_base(text: str, path: str) -> ClaimBase:
    """Validate a claim base given as YAML text; raise `ClaimBaseError` listing every problem."""
    import yaml

    ck = _Checker(path)
    loader_class = _make_loader()
    loader = loader_class(text)
    loader.duplicate_keys = []
    loader.bad_keys = []
    try:
        doc = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ClaimBaseError(f"{path}:{line}: YAML: {problem}") from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits; nesting past the stack
        raise ClaimBaseError(f"{path}: YAML: {data_oddity(exc)}") from None
    finally:
        loader.dispose()
    for key, line in loader.duplicate_keys:
        ck.error(line, key, "duplicate key")
    for line in loader.bad_keys:
        ck.error(line, "(key)", "a key must be plain text, not a list or mapping")
    if doc is None:
        raise ClaimBaseError(f"{path}:1: claim base is empty")
    return _build(ck, doc, path)


def from_data(data: dict[str, Any], name: str = "<data>") -> ClaimBase:
    """Validate a claim base given as plain data (what `to_data` returns, or what a program builds);
    the Python API's way to make a base without writing YAML. Errors name the field, line 0."""

    def wrap(value: Any) -> Any:
        if isinstance(value, dict):
            mapping = _Mapping({k: wrap(v) for k, v in value.items()})
            mapping.line, mapping.key_lines = 0, dict.fromkeys(mapping, 0)
            return mapping
        if isinstance(value, list):
            return [wrap(v) for v in value]
        return value

    return _build(_Checker(name), wrap(data), name)


def _build(ck: _Checker, doc: Any, path: str) -> ClaimBase:
    if not ck.mapping(doc, 1, "(top)", *_keys("")):
        raise ClaimBaseError(*ck.problems)
    if doc.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        ck.error(doc.line_of("version"), "version", f"unsupported version {doc['version']!r} (expected {FORMAT_VERSION})")

    entities = _load_entities(ck, doc)
    topic = _load_topic(ck, doc, {e.id for e in entities})
    relations = _load_relations(ck, doc)
    sources = _load_sources(ck, doc)
    claims = _load_claims(ck, doc, sources, {e.id for e in entities}, relations, topic.currency)
    if not claims and not ck.problems:
        ck.error(doc.line_of("claims"), "claims", "no claims: a claim base needs at least one")
    if ck.problems:
        raise ClaimBaseError(*ck.problems)
    return ClaimBase(path, tuple(entities), sources, claims, make_normalizer(entities, topic), topic=topic, relations=relations)


def _each(ck: _Checker, doc: _Mapping, key: str, required: AbstractSet[str], optional: AbstractSet[str]) -> Iterator[tuple[str, _Mapping]]:
    """The items of a top-level list that are mappings with the right keys, with where each is."""
    raw = ck.items(doc, key, key)
    for i, item in enumerate(raw):
        where = f"{key}[{i}]"
        if ck.mapping(item, _line_of(raw, i, doc), where, required, optional):
            yield where, item


def _load_relations(ck: _Checker, doc: _Mapping) -> dict[str, Relation]:
    relations: dict[str, Relation] = {}
    seen: dict[str, int] = {}
    for where, item in _each(ck, doc, "relations", *_keys("relation")):
        relation_id = ck.ident(item, "id", where, seen)
        cues = item.get("cues")
        if not isinstance(cues, _Mapping) or not cues:
            ck.error(item.line_of("cues"), f"{where}.cues", f"expected a mapping of language to cue words (en: [...], fr: [...]), got {_kind(cues)}")
            continue
        written = [(str(lang), cue) for lang in cues for cue in _strings(ck, cues, str(lang), f"{where}.cues")]
        if relation_id:
            relations[relation_id] = Relation(relation_id, tuple(written))
    return relations


def make_normalizer(entities: Sequence[Entity], topic: Topic) -> Normalizer:
    def phrases(texts: Sequence[str]) -> list[tuple[str, ...]]:
        return [tuple(words(fold(t))) for t in texts]

    referents = Referents.build(((e.id, phrases(e.referents)) for e in entities), topic.entities, phrases(topic.referents))
    return Normalizer(alias_table((e.id, e.name, e.aliases) for e in entities), referents, topic.currency)


def _load_topic(ck: _Checker, doc: _Mapping, entity_ids: set[str]) -> Topic:
    raw = doc.get("topic")
    if raw is None:
        return Topic()
    if not ck.mapping(raw, doc.line_of("topic"), "topic", *_keys("topic")):
        return Topic()
    named = _strings(ck, raw, "entities", "topic")
    for name in named:
        if name not in entity_ids:
            ck.error(raw.line_of("entities"), "topic.entities", f"no entity with id {name!r}")
    currency = ck.choice(raw, "currency", "topic", CURRENCIES) if "currency" in raw else ""
    return Topic(named, _strings(ck, raw, "referents", "topic"), currency or "")


def _load_entities(ck: _Checker, doc: _Mapping) -> list[Entity]:
    entities: list[Entity] = []
    seen: dict[str, int] = {}
    for where, item in _each(ck, doc, "entities", *_keys("entity")):
        entity_id = ck.ident(item, "id", where, seen)
        name = ck.text(item, "name", where)
        if entity_id and not ENTITY_ID_RE.fullmatch(entity_id):
            ck.error(item.line_of("id"), f"{where}.id", "entity ids are lower-case words ([a-z][a-z0-9_]*)")
        if entity_id and name:
            entities.append(Entity(entity_id, name, _strings(ck, item, "aliases", where), _strings(ck, item, "referents", where)))
    return entities


def _load_sources(ck: _Checker, doc: _Mapping) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    seen: dict[str, int] = {}
    for where, item in _each(ck, doc, "sources", *_keys("source")):
        source_id = ck.ident(item, "id", where, seen)
        title, publisher = ck.text(item, "title", where), ck.text(item, "publisher", where)
        day = ck.date(item, "date", where)
        url = ck.text(item, "url", where)
        if url and not WEB_URL_RE.fullmatch(url):
            ck.error(item.line_of("url"), f"{where}.url", f"not an http(s) URL: {url!r}")
        if source_id and title and publisher:
            sources[source_id] = Source(
                source_id, title, publisher, day.isoformat() if day else None, url,
                _strings(ck, item, "quotes", where), ck.text(item, "note", where),
            )
    return sources


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the format (`schema/claimbase.schema.json`): editors check a base with it,
    and the validator takes from it which keys each mapping must and may have."""
    import json

    return json.loads((Path(__file__).parent / "schema" / "claimbase.schema.json").read_text(encoding="utf-8"))


@cache
def _keys(definition: str) -> tuple[frozenset[str], frozenset[str]]:
    """Required and optional keys of one kind of mapping ("" for the top, "topic", or a `$defs` name)."""
    root = schema()
    node = root if not definition else root["properties"]["topic"] if definition == "topic" else root["$defs"][definition]
    required = frozenset(node.get("required", ()))
    return required, frozenset(node["properties"]) - required



def _load_claims(
    ck: _Checker, doc: _Mapping, sources: dict[str, Source], entity_ids: set[str], relations: dict[str, Relation], currency: str
) -> list[Claim]:
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    raw = ck.items(doc, "claims", "claims")
    for i, item in enumerate(raw):
        line = _line_of(raw, i, doc)
        named = isinstance(item, dict) and isinstance(item.get("id"), str) and ID_RE.fullmatch(item["id"])
        where = f"claims[{item['id'] if named else i}]"
        if not ck.mapping(item, line, where, *_keys("claim")):
            continue
        claim_id = ck.ident(item, "id", where, seen)
        text = ck.text(item, "text", where)
        verdict = ck.choice(item, "verdict", where, CLAIM_VERDICTS)
        citations = _citations(ck, item, where, sources, required=True)
        subject = _strings(ck, item, "subject", where)
        for name in subject:
            if name not in entity_ids:
                ck.error(item.line_of("subject"), f"{where}.subject", f"no entity with id {name!r}")
        related = _strings(ck, item, "relation", where) if isinstance(item.get("relation"), list) else tuple(
            r for r in [ck.text(item, "relation", where)] if r
        )
        for name in related:
            if name not in relations:
                ck.error(item.line_of("relation"), f"{where}.relation", f"no relation with id {name!r}")
        parties = _strings(ck, item, "parties", where)
        for name in parties:
            if name not in entity_ids:
                ck.error(item.line_of("parties"), f"{where}.parties", f"no entity with id {name!r}")
        if related and not (parties or subject):
            ck.error(item.line_of("relation"), f"{where}.relation", "a relation holds between parties: give `parties` or a `subject`")
        valid_from, valid_until = ck.date(item, "valid_from", where), ck.date(item, "valid_until", where)
        if valid_from and valid_until and valid_until < valid_from:
            ck.error(item.line_of("valid_until"), f"{where}.valid_until", "is before valid_from")
        appearance = _strings(ck, item, "appearance", where)
        for url in appearance:
            if not WEB_URL_RE.fullmatch(url):
                ck.error(item.line_of("appearance"), f"{where}.appearance", f"not an http(s) URL: {url!r}")
        claim = Claim(
            id=claim_id or "", text=text or "", verdict=verdict or "true",
            explanation=ck.text(item, "explanation", where) or "", citations=citations, subject=subject,
            valid_from=valid_from, valid_until=valid_until, replaced_by=ck.text(item, "replaced_by", where),
            numbers=_numbers(ck, item, where, currency), paraphrases=_strings(ck, item, "paraphrases", where),
            variants=_variants(ck, item, where, sources, citations), examples=_examples(ck, item, where), line=line,
            relations=related, parties=parties, claimant=ck.text(item, "claimant", where), appearance=appearance,
        )
        claims.append(claim)
    ids = {c.id for c in claims}
    for claim in claims:
        if claim.replaced_by and claim.replaced_by not in ids:
            ck.error(claim.line, f"claims[{claim.id}].replaced_by", f"no claim with id {claim.replaced_by!r}")
    return claims


# The units a claim may give a bare figure ("1889", "330") besides the unit words of languages/.
_DECLARED = ("year", "count")


def _numbers(ck: _Checker, m: _Mapping, where: str, currency: str) -> tuple[ClaimNumber, ...]:
    out = []
    raw = ck.items(m, "numbers", where)
    for i, item in enumerate(raw):
        w = f"{where}.numbers[{i}]"
        if not ck.mapping(item, _line_of(raw, i, m), w, *_keys("number")):
            continue
        text = ck.text(item, "value", w)
        relation = ck.choice(item, "relation", w, RELATIONS) if "relation" in item else "exactly"
        unit = ck.text(item, "unit", w) if "unit" in item else ""
        if text is None or relation is None or unit is None:
            continue
        quantity = _declared(text, unit, currency)
        if quantity is None and unit:
            ck.error(item.line_of("unit"), f"{w}.unit", f"cannot read {text!r} as a figure in {unit!r} (units: year, count, or a unit word such as metres, km, kg, °C, days)")
            continue
        if quantity is None or not quantity.unit:
            ck.error(item.line_of("value"), f"{w}.value", f"cannot read {text!r} as one figure with a unit (e.g. '27%', '$13 billion', '2032', '330 metres'; or give `unit: year` or `unit: count`)")
            continue
        out.append(ClaimNumber(Quantity(quantity.value, quantity.unit, relation, text, quantity.noun), text, unit))
    return tuple(out)


def _declared(text: str, unit: str, currency: str) -> Quantity | None:
    """The figure `text` in the `unit` its claim declares, if any: "1889" as a year, "1,665 steps" as a count,
    "330" as metres (a unit word is read as if written after the number)."""
    if unit and unit not in _DECLARED:
        quantity = parse_quantity(f"{text} {unit}", currency)
        return quantity if quantity and quantity.unit not in ("", "year", "count", "pct", "usd", "eur") else None
    quantity = parse_quantity(text, currency)
    if not unit or quantity is None:
        return quantity
    if unit == "count" and quantity.unit in ("", "count", "year"):
        return Quantity(quantity.value, "count", quantity.relation, quantity.text, quantity.noun)
    if unit == "year" and quantity.unit in ("", "year") and quantity.value.is_integer():
        return Quantity(quantity.value, "year", quantity.relation, quantity.text)
    return None


def _variants(
    ck: _Checker, m: _Mapping, where: str, sources: dict[str, Source], default: tuple[Citation, ...]
) -> tuple[Variant, ...]:
    out = []
    raw = ck.items(m, "variants", where)
    for i, item in enumerate(raw):
        w = f"{where}.variants[{i}]"
        if not ck.mapping(item, _line_of(raw, i, m), w, *_keys("variant")):
            continue
        text, verdict, explanation = ck.text(item, "text", w), ck.choice(item, "verdict", w, CLAIM_VERDICTS), ck.text(item, "explanation", w)
        citations = _citations(ck, item, w, sources, required=False) or default
        if text and verdict and explanation:
            out.append(Variant(text, verdict, explanation, citations))
    return tuple(out)


def _examples(ck: _Checker, m: _Mapping, where: str) -> tuple[Example, ...]:
    out = []
    raw = ck.items(m, "examples", where)
    for i, item in enumerate(raw):
        w = f"{where}.examples[{i}]"
        line = _line_of(raw, i, m)
        if not ck.mapping(item, line, w, *_keys("example")):
            continue
        text, verdict = ck.text(item, "text", w), ck.choice(item, "verdict", w, EXAMPLE_VERDICTS)
        if text and verdict:
            out.append(Example(text, verdict, ck.date(item, "as_of", w), line))
    return tuple(out)
