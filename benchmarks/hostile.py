"""Hostile inputs through the real CLI: how many were tried, how many were handled cleanly.

"Cleanly" means: the run ended within its time limit and under its memory limit, its exit code
is one dealcheck documents (0, 1, 2), nothing on stderr is a traceback, every stderr line starts
with "dealcheck:" (or is the text summary), and `line` output is one line per finding.

    python benchmarks/hostile.py [--random N] [--seed S]

Hand-made cases cover each defect class of the audit (devices, pipes, hostile YAML and JSON,
unclosed markup, control characters in names, bad options, non-regular outputs); random cases
are mutated claim bases, random bytes and random JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "claims.yaml"
MEMORY = 1536 * 2**20
TIMEOUT = 60.0


@dataclass
class Case:
    name: str
    args: list[str]
    stdin: bytes | None = None


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_case(case: Case, env: dict[str, str]) -> tuple[bool, str, float]:
    started = time.perf_counter()
    try:
        r = subprocess.run(
            [sys.executable, "-m", "dealcheck", *case.args], input=case.stdin, capture_output=True,
            timeout=TIMEOUT, env=env, preexec_fn=_limit, stdin=None if case.stdin is not None else subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return False, f"no answer in {TIMEOUT:.0f} s", time.perf_counter() - started
    seconds = time.perf_counter() - started
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode not in (0, 1, 2):
        return False, f"exit {r.returncode}: {err[-200:]}", seconds
    if "Traceback" in err or "Error:" in err.replace("dealcheck: error:", ""):
        return False, f"traceback: {err[-300:]}", seconds
    stray = [line for line in err.splitlines() if line and not line.startswith(("dealcheck:", "imported ")) and " checked, " not in line]
    if stray:
        return False, f"stray stderr: {stray[0][:200]}", seconds
    if "line" in case.args:
        bad = [line for line in r.stdout.decode("utf-8", "replace").splitlines() if not line.startswith(("/", "<statement>"))]
        if bad:
            return False, f"line output split: {bad[0][:100]}", seconds
    return True, "", seconds


def hand_made(tmp: Path) -> list[Case]:
    def write(name: str, data: bytes | str) -> str:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return str(path)

    stake = "Microsoft owns 49% of OpenAI."
    cases = [
        Case("base: /dev/zero", ["-c", "/dev/zero", "x"]),
        Case("base: /dev/urandom", ["claims", "validate", "/dev/urandom"]),
        Case("base: a folder", ["-c", str(tmp), "x"]),
        Case("base: python tag", ["-c", write("tag.yaml", "version: 1\nclaims: !!python/object/apply:os.system [echo pwned]\n"), "x"]),
        Case("base: nested 50k", ["-c", write("deep.yaml", "version: 1\nclaims: " + "[" * 50000 + "]" * 50000), "x"]),
        Case("base: 5000-digit int", ["-c", write("int.yaml", "version: " + "9" * 5000 + "\nclaims: []\n"), "x"]),
        Case("base: no claims", ["-c", write("none.yaml", "version: 1\nclaims: []\n"), "x"]),
        Case("base: binary", ["-c", write("bin.yaml", os.urandom(4096)), "x"]),
        Case("base: alias bomb", ["-c", write("bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{','.join('*' + chr(97 + i) for _ in range(9))}]\n" for i in range(8)) + "version: 1\nclaims: *i\n"), "x"]),
        Case("import: /dev/zero", ["claims", "import", "/dev/zero"]),
        Case("import: deep JSON", ["claims", "import", write("deep.json", "[" * 100000 + "]" * 100000)]),
        Case("import: huge int", ["claims", "import", write("int.json", '{"a": ' + "1" * 5000 + "}")]),
        Case("import: 20k unclosed JSON-LD", ["claims", "import", write("ld.html", '<script type="application/ld+json">' * 20000)]),
        Case("import: rating map /dev/zero", ["claims", "import", write("r.json", "{}"), "--rating-map", "/dev/zero"]),
        Case("input: 60 MB without newline on stdin", ["-f", "jsonl", "-j", "1", "-"], b"x" * (60 * 2**20)),
        Case("input: NUL bytes", [write("nul.txt", b"Microsoft\0owns")]),
        Case("input: invalid UTF-8", ["-f", "line", write("bad.txt", b"\xff\xfe " + stake.encode())]),
        Case("input: 20k unclosed <script", [write("s.html", "<script " * 20000 + stake)]),
        Case("input: 20k unclosed <!--", [write("c.md", "<!-- " * 20000 + "\n" + stake)]),
        Case("input: 100k '<'", [write("lt.html", "<" * 100000 + stake)]),
        Case("input: 200k backticks", [write("bt.md", "`" * 200000 + "\n")]),
        Case("input: control characters in a file name", ["-f", "line", write("n/evil\nname\x1b]0;x\x07.txt", stake + "\n")]),
        Case("input: ESC in text", ["-f", "line", "--all", write("esc.txt", "Microsoft owns 49% \x1b[2J\x9b of OpenAI.\n")]),
        Case("option: --as-of 20251028", ["--as-of", "20251028", stake]),
        Case("option: --jobs 0", ["--jobs", "0", stake]),
        Case("option: --jobs 100000", ["--jobs", "100000", write("j.txt", (stake + "\n") * 2000)]),
        Case("option: --max-size junk", ["--max-size", "lots", stake]),
        Case("option: unknown verdict in --fail-on", ["--fail-on", "maybe", stake]),
        Case("output: -o a folder --force", ["claims", "export", "-o", str(tmp), "--force"]),
        Case("output: -o /dev/null --force", ["claims", "export", "-o", "/dev/null", "--force"]),
        Case("output: -o in a missing folder", ["claims", "export", "-o", str(tmp / "missing" / "x.json")]),
    ]
    fifo_dir = tmp / "fifo"
    fifo_dir.mkdir()
    write("fifo/a.txt", stake + "\n")
    os.mkfifo(fifo_dir / "b.txt")
    cases.append(Case("walk: a FIFO in a folder", ["-f", "line", str(fifo_dir)]))
    return cases


def random_cases(tmp: Path, n: int, rng: random.Random) -> list[Case]:
    lines = BUNDLED.read_text(encoding="utf-8").splitlines(keepends=True)
    out = []
    for i in range(n):
        kind = i % 4
        path = tmp / f"r{i}"
        if kind == 0:  # a claim base with a few lines cut, swapped or garbled
            mutated = list(lines)
            for _ in range(rng.randint(1, 6)):
                j = rng.randrange(len(mutated))
                choice = rng.random()
                if choice < 0.4:
                    del mutated[j]
                elif choice < 0.7:
                    k = rng.randrange(len(mutated))
                    mutated[j], mutated[k] = mutated[k], mutated[j]
                else:
                    s = mutated[j]
                    p = rng.randrange(len(s) + 1)
                    mutated[j] = s[:p] + rng.choice(["", ":", "- ", "[", "{", "&a ", "*a", "!!", "\t", '"', "\x00", "9" * 40]) + s[p:]
            path = path.with_suffix(".yaml")
            path.write_text("".join(mutated), encoding="utf-8", errors="replace")
            out.append(Case(f"random base {i}", ["-c", str(path), "Microsoft owns 49% of OpenAI."]))
        elif kind == 1:  # random bytes as a document
            path = path.with_suffix(rng.choice([".txt", ".md", ".html", ".rst"]))
            path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randint(0, 4000))))
            out.append(Case(f"random bytes {i}", ["-f", "line", "--all", str(path)]))
        elif kind == 2:  # random JSON to import
            path = path.with_suffix(".json")
            path.write_text(json.dumps(_random_json(rng, 4)), encoding="utf-8")
            out.append(Case(f"random JSON {i}", ["claims", "import", str(path)]))
        else:  # random text on stdin
            text = "".join(rng.choice("Microsoft OpenAI owns 49% $13 billion 2032 « » . ; \n\x1b\x9b\u202e é") for _ in range(rng.randint(1, 300)))
            out.append(Case(f"random stdin {i}", ["-f", "jsonl", "-"], text.encode("utf-8")))
    return out


def _random_json(rng: random.Random, depth: int):
    keys = ["@type", "claimReviewed", "reviewRating", "ratingValue", "alternateName", "itemReviewed", "author", "url", "datePublished", "@graph", "claims"]
    if depth == 0 or rng.random() < 0.3:
        return rng.choice([None, True, 3, -1e308, "ClaimReview", "False", "", "x" * rng.randint(0, 50), "2025-13-45"])
    if rng.random() < 0.5:
        return [_random_json(rng, depth - 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(keys): _random_json(rng, depth - 1) for _ in range(rng.randint(0, 6))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=200, help="random cases besides the hand-made ones")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cache = tmp / "cache"
        env = {**os.environ, "DEALCHECK_CACHE_DIR": str(cache)}
        env.pop("DEALCHECK_CLAIMS", None)
        cases = hand_made(tmp) + random_cases(tmp, args.random, random.Random(args.seed))
        failed = []
        slowest = (0.0, "")
        for case in cases:
            ok, why, seconds = run_case(case, env)
            slowest = max(slowest, (seconds, case.name))
            if not ok:
                failed.append((case.name, why))
            if args.verbose:
                print(f"{'ok  ' if ok else 'FAIL'} {seconds:6.2f}s  {case.name}" + (f": {why}" if why else ""))
    print(f"hostile cases tried: {len(cases)} ({len(cases) - args.random} hand-made, {args.random} random, seed {args.seed})")
    print(f"handled cleanly:     {len(cases) - len(failed)}")
    print(f"slowest:             {slowest[0]:.2f} s ({slowest[1]})")
    for name, why in failed:
        print(f"  not clean: {name}: {why}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
