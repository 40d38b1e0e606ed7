"""Write a claim base back as plain data and YAML, in the claim-base format (`claims export`)."""

from __future__ import annotations

from typing import Any

from .model import FORMAT_VERSION, Citation, Claim, ClaimBase, iso


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, [], ())}


def _citations_data(cs: tuple[Citation, ...]) -> list[dict[str, str]]:
    return [{"source": c.source.id, "quote": c.quote} for c in cs]


def numbers_data(c: Claim) -> list[dict[str, str]]:
    """The claim's figures as curators write them."""
    return [{"value": n.text, "relation": n.quantity.relation, **({"unit": n.unit} if n.unit else {})} for n in c.numbers]


def claim_data(c: Claim) -> dict[str, Any]:
    """One claim as plain data in the claim-base format."""
    return _drop_empty({
        "id": c.id, "text": c.text, "verdict": c.verdict, "explanation": c.explanation or None,
        "claimant": c.claimant, "appearance": list(c.appearance),
        "subject": list(c.subject), "valid_from": iso(c.valid_from), "valid_until": iso(c.valid_until),
        "replaced_by": c.replaced_by, "relation": list(c.relations), "parties": list(c.parties), "citations": _citations_data(c.citations),
        "numbers": numbers_data(c),
        "paraphrases": list(c.paraphrases),
        "variants": [
            _drop_empty({"text": v.text, "verdict": v.verdict, "explanation": v.explanation,
                         "citations": _citations_data(v.citations) if v.citations != c.citations else None})
            for v in c.variants
        ],
        "examples": [_drop_empty({"text": e.text, "verdict": e.verdict, "as_of": iso(e.as_of)}) for e in c.examples],
    })


def to_data(base: ClaimBase) -> dict[str, Any]:
    """The base as plain data in the claim-base format (what `claims export --format yaml` writes)."""
    topic = _drop_empty({"entities": list(base.topic.entities), "referents": list(base.topic.referents), "currency": base.topic.currency or None})
    relations = [{"id": r.id, "cues": r.cues_by_language()} for r in base.relations.values()]
    return {
        "version": FORMAT_VERSION,
        **({"topic": topic} if topic else {}),
        **({"relations": relations} if relations else {}),
        "entities": [
            _drop_empty({"id": e.id, "name": e.name, "aliases": list(e.aliases), "referents": list(e.referents)}) for e in base.entities
        ],
        "sources": [
            _drop_empty({"id": s.id, "title": s.title, "publisher": s.publisher, "date": s.date, "url": s.url,
                         "note": s.note, "quotes": list(s.quotes)})
            for s in base.sources.values()
        ],
        "claims": [claim_data(c) for c in base.claims],
    }


def to_yaml(data: dict[str, Any]) -> str:
    """Claim-base data as YAML (the C emitter when PyYAML has it: bases of 50,000 claims are common)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)
