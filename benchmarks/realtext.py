"""Real published sentences: does dealcheck find the claims they make, and give a fact-checker's verdict?

    python benchmarks/realtext.py                        # our dev and held-out halves, and the shared dev set
    python benchmarks/realtext.py --semantic             # the same with the semantic extra
    python benchmarks/realtext.py --context              # documents: headline and the sentence before, then the sentence
    python benchmarks/realtext.py -v FILE.jsonl          # one file; list every row dealcheck gets wrong
    python benchmarks/realtext.py --paraphrases 0.5      # the bundled base with half of each claim's paraphrases

Rows are read from JSONL files where they live: `benchmarks/realtext/dev.jsonl` and `heldout.jsonl`
(ours, ClaimReview-shaped: the sentence as published, where and when, attributed, with a reviewer's
label and reason), and the project's shared dev set `../shared/eval/realtext/dev.jsonl` (plain rows),
which is read from there and never copied. Tune on the dev files; only report `heldout.jsonl`.

Each sentence is checked as a statement given on the command line, as of its publication date (today
when a row has none). Its verdict is the most serious of its findings (false > misleading > unverified
> outdated/true). Per language it prints:
- detect: positives that get any verdict;
- claim: positives where some finding names a claim of the row's facts (`realtext/facts.yaml`);
- specificity: negatives that get none;
- agree: positives whose verdict is the reviewer's (true/outdated = accurate, false = inaccurate,
  misleading = misleading, unverified = unverifiable; an undetected positive disagrees);
- the reviewer-by-dealcheck table, and the errors by where they arise (missed, wrong claim, right claim
  with another verdict, false alarm on a negative).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import dealcheck

HERE = Path(__file__).resolve().parent
OURS = [HERE / "realtext" / "dev.jsonl", HERE / "realtext" / "heldout.jsonl"]
SHARED = HERE.parent.parent / "shared" / "eval" / "realtext" / "dev.jsonl"
FACTS = HERE / "realtext" / "facts.yaml"

LABEL_OF = {"true": "accurate", "outdated": "accurate", "false": "inaccurate", "misleading": "misleading", "unverified": "unverifiable"}
SEVERITY = ("false", "misleading", "unverified", "outdated", "true")
LABELS = ("accurate", "inaccurate", "misleading", "unverifiable")


@dataclass(frozen=True)
class Row:
    text: str
    lang: str
    label: str
    facts: tuple[str, ...]
    date: dt.date | None
    url: str
    headline: str | None = None
    before: str | None = None


def _date(value: Any, url: str) -> dt.date | None:
    if value:
        return dt.date.fromisoformat(str(value)[:10])
    m = re.search(r"/(20\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)", url)
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def read_rows(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("@type") == "ClaimReview":
            claim = r["itemReviewed"]
            where = claim.get("appearance") or {}
            rows.append(Row(
                text=r["claimReviewed"], lang=claim.get("inLanguage", "en"), label=r["reviewRating"]["alternateName"],
                facts=tuple(k for k in r.get("keywords", "").split(";") if k and k != "none"),
                date=_date(where.get("datePublished"), where.get("url", "")), url=where.get("url", ""),
                headline=where.get("headline"), before=r.get("dealcheck:contextBefore"),
            ))
        else:
            rows.append(Row(
                text=r["text"], lang=r["lang"], label=r["label"],
                facts=tuple(k for k in r["fact"].split(";") if k and k != "none"),
                date=_date(r.get("date"), r.get("url", "")), url=r.get("url", ""),
                headline=r.get("headline"), before=r.get("context_before"),
            ))
    return rows


@dataclass
class Result:
    row: Row
    verdict: str  # the sentence's verdict: the most serious of its findings, or "unknown"
    claims: tuple[str, ...]

    @property
    def detected(self) -> bool:
        return self.verdict != "unknown"

    @property
    def agrees(self) -> bool:
        return LABEL_OF.get(self.verdict) == self.row.label

    def names_a_fact(self, mapping: dict[str, set[str]]) -> bool:
        """Whether some finding names a claim of the row's facts."""
        return any(c in mapping.get(f, ()) for f in self.row.facts for c in self.claims)


def run(row: Row, base: dealcheck.ClaimBase, semantic: bool, context: bool) -> Result:
    options = dealcheck.Options(as_of=row.date or dt.date.today(), semantic=semantic)
    if context and (row.headline or row.before):
        # As a file: the headline, a blank line, then the paragraph up to and including the sentence.
        head = f"{row.headline}\n\n" if row.headline else ""
        before = f"{row.before} " if row.before else ""
        document = head + before + row.text
        start = len(head) + len(before)
        findings = [f for f in dealcheck.check(document, base, options) if f.start >= start]
    else:
        findings = dealcheck.check(row.text, base, options)
    verdicts = [f.verdict for f in findings if f.verdict != "unknown"]
    verdict = min(verdicts, key=SEVERITY.index) if verdicts else "unknown"
    return Result(row, verdict, tuple(f.claim.id for f in findings if f.claim))


def facts_to_claims() -> dict[str, set[str]]:
    data = yaml.safe_load(FACTS.read_text(encoding="utf-8")) if FACTS.exists() else {}
    return {k: set(v) for k, v in (data or {}).items()}


def report(name: str, results: list[Result], mapping: dict[str, set[str]], verbose: bool) -> None:
    print(f"\n{name}")
    print(f"  {'lang':<5} {'pos':>4} {'detect':>7} {'claim':>7} {'agree':>7}   {'neg':>4} {'specificity':>11}")
    by_lang: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_lang[r.row.lang].append(r)
    for lang, rs in [*sorted(by_lang.items()), ("all", results)]:
        pos = [r for r in rs if r.row.label != "negative"]
        neg = [r for r in rs if r.row.label == "negative"]
        right_claim = [r for r in pos if r.names_a_fact(mapping)]

        def share(k: int, n: int) -> str:
            return f"{k / n:7.2f}" if n else "      -"

        print(
            f"  {lang:<5} {len(pos):>4} {share(sum(r.detected for r in pos), len(pos))} {share(len(right_claim), len(pos))}"
            f" {share(sum(r.agrees for r in pos), len(pos))}   {len(neg):>4} {share(sum(not r.detected for r in neg), len(neg)):>11}"
        )
    confusion: Counter[tuple[str, str]] = Counter((r.row.label, LABEL_OF.get(r.verdict, "unknown")) for r in results)
    got = ("accurate", "inaccurate", "misleading", "unverifiable", "unknown")
    print(f"  reviewer \\ dealcheck  {'  '.join(f'{g[:7]:>7}' for g in got)}")
    for label in (*LABELS, "negative"):
        print(f"  {label:<20} {'  '.join(f'{confusion[(label, g)]:>7}' for g in got)}")
    # Where the disagreements come from, in the order of the pipeline: no claim found at all, a claim
    # found but not one of the row's facts, the right claim with another verdict, a verdict on a negative.
    pos = [r for r in results if r.row.label != "negative"]
    causes = {
        "missed": sum(not r.detected for r in pos),
        "wrong claim": sum(r.detected and not r.agrees and not r.names_a_fact(mapping) for r in pos),
        "right claim, other verdict": sum(r.detected and not r.agrees and r.names_a_fact(mapping) for r in pos),
        "false alarm": sum(r.detected for r in results if r.row.label == "negative"),
    }
    print("  errors: " + ", ".join(f"{k} {v}" for k, v in causes.items()))
    if verbose:
        for r in results:
            wrong = (r.row.label == "negative") == r.detected or (r.row.label != "negative" and not r.agrees)
            if wrong:
                print(f"  ✗ {r.row.label:<12} got {r.verdict:<10} {','.join(r.claims) or '-':<40} {r.row.text}")


def fewer_paraphrases(path: Path | None, fraction: float) -> dealcheck.ClaimBase:
    """The base with the first `fraction` of each claim's paraphrases: how much do they still matter?"""
    from dealcheck import serialise, validation

    data = serialise.to_data(dealcheck.load_claims(path))
    kept = removed = 0
    for claim in data["claims"]:
        paraphrases = claim.get("paraphrases", [])
        keep = round(len(paraphrases) * fraction)
        claim["paraphrases"] = paraphrases[:keep]
        kept, removed = kept + keep, removed + len(paraphrases) - keep
    print(f"paraphrases: {kept} kept, {removed} removed")
    return validation.from_data(data, f"paraphrases x{fraction}")


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--semantic", action="store_true", help="use the semantic extra")
    parser.add_argument("--context", action="store_true", help="check each sentence after its headline and the sentence before it")
    parser.add_argument("--claims", type=Path, help="claim base (default: the bundled one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the rows dealcheck gets wrong")
    parser.add_argument("--paraphrases", type=float, metavar="FRACTION", help="keep only this share of each claim's paraphrases (the first ones)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    files = args.files or [p for p in (*OURS, SHARED) if p.exists()]
    base = dealcheck.load_claims(args.claims) if args.paraphrases is None else fewer_paraphrases(args.claims, args.paraphrases)
    mapping = facts_to_claims()
    for path in files:
        rows = read_rows(path)
        started = time.perf_counter()
        results = [run(row, base, args.semantic, args.context) for row in rows]
        name = f"{path} ({len(rows)} rows, {time.perf_counter() - started:.1f}s{', semantic' if args.semantic else ''}{', in context' if args.context else ''})"
        report(name, results, mapping, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
