"""`-f sarif`: a SARIF 2.1.0 log, for code-scanning dashboards (GitHub code scanning) and SARIF viewers.

Each claim is a rule; each finding is a result of its claim's rule, at the span of the sentence or clause
that makes it. Section numbers (§) are those of the OASIS standard,
https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from .. import __version__
from ..inputs import STDIN
from ..model import Claim, Finding, Verdict
from ..printable import json_safe
from ..render import citation_dict

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# Every result names a rule (§3.27.5), and a sentence that matches no claim (`--all`) has no claim to be its
# rule. A claim id cannot hold "/", so this one cannot be a claim's.
NO_CLAIM = "dealcheck/no-claim"
# A relative reference SHOULD name the base it is relative to (§3.4.4): the working directory, which in CI
# is the checkout, so that code scanning finds the file in the repository.
SRCROOT = "%SRCROOT%"


def working_directory() -> Path | None:
    try:
        return Path.cwd()
    except OSError:  # removed before the run: then only absolute paths can be read, and none is relative to it
        return None


def artifact_location(path: str, root: Path | None) -> dict[str, str]:
    """A file under `root`, the working directory, as a path relative to it; any other as an absolute file URI."""
    absolute = Path(os.path.normpath(root / path)) if root else Path(path)
    if root and absolute.is_relative_to(root):
        return {"uri": quote(absolute.relative_to(root).as_posix(), safe="/"), "uriBaseId": SRCROOT}
    return {"uri": absolute.as_uri()}  # an absolute URI takes no uriBaseId (§3.4.4)


def result_location(f: Finding, root: Path | None) -> dict[str, Any]:
    if f.path is None or f.path == STDIN:
        # A statement argument and stdin are no artifact a URI could name, and a physicalLocation SHALL NOT be
        # given without one (§3.28.3); a logical location still says where the sentence came from, so that a
        # result is not left with no location at all (§3.27.12). None of §3.33.7's kinds fits either.
        name = STDIN if f.path == STDIN else f"statement {f.statement}"
        return {"logicalLocations": [{"name": name}]}
    region = {
        "startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
        "endColumn": f.end_column + 1,  # dealcheck's end column is the span's last character; SARIF's is one past it (§3.30.8)
    }
    return {"physicalLocation": {"artifactLocation": artifact_location(f.path, root), "region": region}}


def rule(claim: Claim | None) -> dict[str, Any]:
    if claim is None:
        return {"id": NO_CLAIM, "shortDescription": {"text": "A sentence about the deal that matches no claim in the base."}}
    descriptor: dict[str, Any] = {"id": claim.id, "shortDescription": {"text": claim.text}}
    url = next((c.source.url for c in claim.citations if c.source.url), None)
    if url:
        descriptor["helpUri"] = url
    return descriptor


class SarifRenderer:
    """One SARIF log with one run, written when the run ends."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.root = working_directory()  # now, before any input is read: the directory relative paths were read from
        self.rules: dict[str, int] = {}  # rule id → index in `descriptors`, in order of first finding
        self.descriptors: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []

    def add(self, f: Finding) -> None:
        rule_id = f.claim.id if f.claim else NO_CLAIM
        if rule_id not in self.rules:
            self.rules[rule_id] = len(self.descriptors)
            self.descriptors.append(rule(f.claim))
        kind, level = Verdict.of(f.verdict).sarif
        self.results.append({
            "ruleId": rule_id,
            "ruleIndex": self.rules[rule_id],
            "kind": kind,
            "level": level,
            "message": {"text": f.explanation},
            "locations": [result_location(f, self.root)],
            "properties": {
                "verdict": f.verdict, "claim": f.claim.id if f.claim else None, "text": f.text,
                "citations": [citation_dict(c) for c in f.citations],
            },
        })

    def close(self) -> None:
        import json

        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "dealcheck", "version": __version__, "rules": self.descriptors}},
                # dealcheck counts columns in characters (code points), not in UTF-16 code units, the default.
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        }
        self.out.write(json_safe(json.dumps(log, ensure_ascii=False, indent=2)) + "\n")
