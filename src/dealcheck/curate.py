"""Curator tools: list and validate a claim base (its examples are its test suite), import ClaimReview files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .checker import Options, check_sentence
from .errors import InputError
from .model import Claim, ClaimBase, Finding

if TYPE_CHECKING:
    from .claimreview import ImportResult


@dataclass(frozen=True)
class ExampleFailure:
    claim: Claim
    text: str
    expected: str
    got: Finding
    line: int

    def describe(self, path: str) -> str:
        got = self.got.claim.id if self.got.claim else "no claim"
        return (
            f"{path}:{self.line}: example of {self.claim.id}: expected {self.expected}, "
            f"got {self.got.verdict} ({got}, score {self.got.score:.2f}): {self.text}"
        )


def run_examples(base: ClaimBase, semantic: bool = False) -> tuple[int, list[ExampleFailure]]:
    """Check every example through the real matcher; (examples run, failures).

    An example passes when it gets its verdict from its own claim (or, for `unknown`,
    matches nothing): the right verdict from the wrong claim is luck, not a pass.
    """
    failures = []
    count = 0
    if semantic:
        from . import semantic as embedding

        # The examples' vectors from the cache: a curator re-validating after an edit waits for the
        # strings that changed, not for all of them (about 40 ms each).
        embedding.remember([e.text for claim in base.claims for e in claim.examples])
    for claim in base.claims:
        for example in claim.examples:
            count += 1
            finding = check_sentence(example.text, base, Options(as_of=example.as_of or dt.date.today(), semantic=semantic))
            own = finding.claim is not None and finding.claim.id == claim.id
            ok = finding.verdict == example.verdict and (own or example.verdict == "unknown")
            if not ok:
                failures.append(ExampleFailure(claim, example.text, example.verdict, finding, example.line))
    return count, failures


def list_claims(base: ClaimBase, text: str | None = None, verdict: str | None = None) -> list[Claim]:
    """Claims whose id, text or paraphrases contain `text` (accents and case ignored)."""
    from .normalize import fold

    needle = fold(text) if text else None
    out = []
    for claim in base.claims:
        if verdict and claim.verdict != verdict:
            continue
        if needle and not any(needle in fold(s) for s in (claim.id, claim.text, *claim.paraphrases)):
            continue
        out.append(claim)
    return out


def counts(base: ClaimBase) -> dict[str, int]:
    return {
        "claims": len(base.claims),
        "paraphrases": sum(len(c.paraphrases) for c in base.claims),
        "variants": sum(len(c.variants) for c in base.claims),
        "examples": sum(len(c.examples) for c in base.claims),
        "sources": len(base.sources),
        "entities": len(base.entities),
    }


def import_claim_reviews(files: list[Path], rating_map: Path | None, max_bytes: int, output: Path | None, force: bool) -> ImportResult:
    """`claims import`: ClaimReview files → a claim base written as YAML to `output` (stdout when None).

    The base is validated before it is written, so a file that would not load is never produced; and the
    compiled base is cached under the written text's key, so the first check against it skips the YAML.
    """
    from . import claimbase, claimreview, serialise, validation
    from .render import write_text

    table = claimreview.read_rating_map(rating_map, max_bytes) if rating_map else None
    result = claimreview.import_reviews(files, table, max_bytes)
    if not result.base["claims"]:  # nothing to write: say why rather than that the base would be empty
        raise InputError(f"no claim imported: {result.skipped()}" if result.unmapped else "no ClaimReview found in the files given")
    base = validation.from_data(result.base, str(output or "<imported>"))
    text = serialise.to_yaml(result.base)
    write_text(text, output, force)
    if output is not None:
        claimbase.cached([text.encode("utf-8")], lambda: base)
    return result
