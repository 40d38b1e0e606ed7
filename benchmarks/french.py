"""French/English agreement: do a French statement and its English twin get the same claim and verdict?

    python benchmarks/french.py                          # tests/data/twins.yaml and twins_heldout.yaml
    python benchmarks/french.py --semantic --verbose     # with the semantic re-ranking; list failing pairs
    python benchmarks/french.py my-twins.yaml

Per file it prints: pairs; agree (both sides got the same claim id and verdict, right or wrong);
both right (they agree and match the expected claim and verdict); French right; English right.
twins.yaml is what the claim base was tuned on, so only twins_heldout.yaml measures agreement on
wording the base has not seen. Runs through the library API, not the CLI. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import yaml

import dealcheck

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = [ROOT / "tests" / "data" / "twins.yaml", ROOT / "tests" / "data" / "twins_heldout.yaml"]

Answer = tuple[str | None, str]  # (claim id, verdict)


def answer(text: str, base: dealcheck.ClaimBase, as_of: dt.date | None, semantic: bool) -> Answer:
    # Without as_of a pair is judged as of today, as the CLI and tests/test_french.py do.
    options = dealcheck.Options(as_of=as_of or dt.date.today(), semantic=semantic)
    finding = dealcheck.check_sentence(text, base, options)
    return (finding.claim.id if finding.claim else None, finding.verdict)


def show(got: Answer) -> str:
    return f"{got[0]}/{got[1]}"


def measure(path: Path, base: dealcheck.ClaimBase, semantic: bool, verbose: bool) -> None:
    pairs = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    agree = both = fr_right = en_right = 0
    failures: list[str] = []
    for n, pair in enumerate(pairs, 1):
        # str(): YAML reads an unquoted true as a bool, and the verdict names are strings.
        expected: Answer = (pair["claim"], str(pair["verdict"]).lower())
        fr = answer(pair["fr"], base, pair.get("as_of"), semantic)
        en = answer(pair["en"], base, pair.get("as_of"), semantic)
        agree += fr == en
        both += fr == en == expected
        fr_right += fr == expected
        en_right += en == expected
        if not fr == en == expected:
            failures.append(f"  #{n} expected {show(expected)}: fr {show(fr)}, en {show(en)}")
    total = len(pairs)

    def pct(k: int) -> str:
        return f"{k:3d} ({100 * k / total:5.1f}%)" if total else f"{k:3d}"

    try:
        name = path.resolve().relative_to(ROOT)
    except ValueError:
        name = path
    print(f"{name}: {total} pairs")
    print(f"  agree         {pct(agree)}")
    print(f"  both right    {pct(both)}")
    print(f"  French right  {pct(fr_right)}")
    print(f"  English right {pct(en_right)}")
    if verbose and failures:
        print("  failing pairs:")
        print("\n".join(failures))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES, metavar="TWINS_YAML")
    parser.add_argument("--semantic", action="store_true", help="re-rank candidates with the semantic extra")
    parser.add_argument("--verbose", action="store_true", help="one line per failing pair")
    args = parser.parse_args(argv)
    base = dealcheck.load_claims()
    print(f"semantic: {'on' if args.semantic else 'off'}; as of {dt.date.today()} unless a pair sets as_of")
    for path in args.files:
        measure(path, base, args.semantic, args.verbose)


if __name__ == "__main__":
    main()
