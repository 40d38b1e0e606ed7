"""Speed and memory of dealcheck end to end, through the CLI. Prints figures; asserts nothing.

    python benchmarks/bench.py                 # 1, 10 and 100 MB; bundled base and 10,000 claims
    python benchmarks/bench.py --sizes 1 10    # quicker

Corpus and the synthetic base are generated under benchmarks/corpus/ (git-ignored) on first use.
Peak RSS is the largest single process of a run (dealcheck or one of its workers).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
sys.path.insert(0, str(HERE))

from corpus import synthetic_claimreviews, synthetic_claims, write_corpus, write_deal_dense  # noqa: E402

DEALCHECK = [sys.executable, "-m", "dealcheck"]

# Runs a command and reports its wall time and the peak RSS of it and all its descendants.
_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, env=env, check=True)
    seconds, rss_kb, code = out.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return float(seconds), int(rss_kb) / 1024


def corpus(megabytes: int) -> tuple[Path, int]:
    CORPUS.mkdir(exist_ok=True)
    path, meta = CORPUS / f"news-{megabytes}mb.txt", CORPUS / f"news-{megabytes}mb.json"
    if not meta.exists():
        meta.write_text(json.dumps({"sentences": write_corpus(path, megabytes)}))
    return path, json.loads(meta.read_text())["sentences"]


def big_base(n: int) -> Path:
    """The bundled base plus `n` synthetic claims, so deal sentences meet a 10,000-claim index."""
    import yaml

    from dealcheck.claimbase import bundled_path

    path = CORPUS / f"claims-{n}.yaml"
    if not path.exists():
        CORPUS.mkdir(exist_ok=True)
        synthetic = CORPUS / f"synthetic-{n}.yaml"
        synthetic_claims(synthetic, n)
        base = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
        extra = yaml.safe_load(synthetic.read_text(encoding="utf-8"))
        known = {e["id"] for e in base["entities"]}
        base["entities"] += [e for e in extra["entities"] if e["id"] not in known]
        base["sources"] += extra["sources"]
        base["claims"] += extra["claims"]
        path.write_text(yaml.safe_dump(base, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _on_a_terminal(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of a command whose output goes to a pseudo-terminal, as when a person types it."""
    import pty

    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return time.perf_counter() - t


def cold_start(env: dict[str, str], runs: int = 11) -> dict[str, float]:
    """Median wall time of one statement, through the installed `dealcheck` script (not `python -m`)."""
    script = str(Path(sys.executable).parent / "dealcheck")
    statement = "Microsoft owns half of OpenAI"
    _on_a_terminal([script, statement], env)  # build the cache

    def median(cmd: list[str]) -> float:
        return statistics.median(_on_a_terminal(cmd, env) for _ in range(runs)) * 1000

    times = {
        "python -c pass": median([sys.executable, "-c", "pass"]),
        "dealcheck STATEMENT (text, terminal)": median([script, statement]),
        "dealcheck --format json STATEMENT": median([script, "--format", "json", statement]),
        "dealcheck --no-semantic STATEMENT": median([script, "--no-semantic", statement]),
    }
    if semantic_available():
        _on_a_terminal([script, "--semantic", statement], env)  # embed the claim base once
        times["dealcheck --semantic STATEMENT"] = median([script, "--semantic", statement])
    return times


def print_cold_start(env: dict[str, str]) -> None:
    print("\ncold start on a terminal, median of 11 runs (ms); bytecode as pip installs it")
    for label, ms in cold_start(env).items():
        print(f"  {label:<36} {ms:8.1f}")


def deal_dense(sentences: int, jobs: list[int], env: dict[str, str]) -> None:
    """Statements about the deal back to back (benchmarks/corpus.py): every sentence is analysed and matched."""
    CORPUS.mkdir(exist_ok=True)
    path = CORPUS / f"deal-dense-{sentences}.txt"
    if not path.exists():
        write_deal_dense(path, sentences)
    subprocess.run([*DEALCHECK, "x"], stdout=subprocess.DEVNULL, env=env, check=False)  # cache
    print(f"\ndeal-dense: {sentences:,} deal sentences back to back ({path.stat().st_size / 1e6:.1f} MB), --no-semantic --format jsonl")
    print(f"{'jobs':>5} {'seconds':>8} {'sentences/s':>12} {'peak RSS MB':>12}")
    for n in jobs:
        job_args = ["--jobs", str(n)] if n else []
        seconds, rss = measure([*DEALCHECK, *job_args, "--no-semantic", "--format", "jsonl", str(path)], env)
        print(f"{n or os.cpu_count():>5} {seconds:>8.2f} {sentences / seconds:>12,.0f} {rss:>12.1f}")


def first_finding(sentences: int, jobs: list[int], env: dict[str, str], megabytes: int = 6) -> None:
    """`dealcheck -f jsonl FILE | head -1` on deal sentences back to back: how long the first finding takes
    to reach a reader, and how long the run takes to end once the reader has gone."""
    dense = CORPUS / f"deal-dense-{sentences}.txt"
    if not dense.exists():
        write_deal_dense(dense, sentences)
    path = CORPUS / f"deal-dense-{megabytes}mb.txt"
    if not path.exists():
        chunk = dense.read_text(encoding="utf-8")
        path.write_text(chunk * max(1, round(megabytes * 1e6 / len(chunk.encode("utf-8")))), encoding="utf-8")
    print(f"\nfirst finding: dealcheck --no-semantic -f jsonl FILE | head -1, {path.stat().st_size / 1e6:.1f} MB of deal sentences")
    print(f"{'jobs':>5} {'first line s':>13} {'run ended s':>12}")
    for n in jobs:
        job_args = ["--jobs", str(n)] if n else []
        started = time.perf_counter()
        proc = subprocess.Popen([*DEALCHECK, *job_args, "--no-semantic", "--format", "jsonl", str(path)], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=env)
        assert proc.stdout is not None
        proc.stdout.readline()
        first = time.perf_counter() - started
        proc.stdout.close()  # what `head` does after one line: the next write gets a closed pipe
        proc.wait()
        print(f"{n or os.cpu_count():>5} {first:>13.2f} {time.perf_counter() - started:>12.2f}")


def semantic_available() -> bool:
    from dealcheck import semantic

    return semantic.available()


def cdist_floor(path: Path, claims: Path, limit_mb: float = 1.0) -> tuple[float, float]:
    """rapidfuzz process.cdist of every sentence against every claim string: seconds per MB."""
    from rapidfuzz import fuzz, process

    from dealcheck import claimbase
    from dealcheck.segment import split

    text = path.read_text(encoding="utf-8")[: int(limit_mb * 1_000_000)]
    sentences = [text[s:e] for s, e in split(text)]
    base = claimbase.load(claims)
    strings = [t for c in base.claims for t, _ in c.texts()]
    t = time.perf_counter()
    process.cdist(sentences, strings, scorer=fuzz.ratio, workers=-1, dtype="uint8")
    seconds = time.perf_counter() - t
    return seconds / (len(text.encode("utf-8")) / 1_000_000), len(strings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="corpus sizes in MB")
    parser.add_argument("--claims", type=int, default=10_000, help="synthetic claims in the big base (0: skip)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[0, 1], help="--jobs values (0: the default, all cores)")
    parser.add_argument("--imported", type=int, default=50_000, help="ClaimReviews in the imported-base figure (0: skip)")
    parser.add_argument("--dense", type=int, default=20_000, help="sentences in the deal-dense corpus (0: skip)")
    parser.add_argument("--only-dense", action="store_true", help="measure the deal-dense corpus and the cold start only")
    args = parser.parse_args()

    env = {**os.environ, "DEALCHECK_CACHE_DIR": str(CORPUS / "cache")}
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.dense:
        deal_dense(args.dense, args.jobs, env)
        first_finding(args.dense, args.jobs, env)
    if args.only_dense:
        print_cold_start(env)
        return
    bases = {"bundled": None, **({f"{args.claims:,} claims": big_base(args.claims)} if args.claims else {})}

    print("\nend to end: dealcheck --no-semantic --format jsonl FILE > /dev/null")
    print(f"{'base':<16} {'input':>7} {'jobs':>5} {'seconds':>8} {'MB/s':>7} {'sentences/s':>12} {'peak RSS MB':>12}")
    results: dict[tuple[str, int, int], float] = {}
    for name, claims in bases.items():
        claim_args = ["--claims", str(claims)] if claims else []
        subprocess.run([*DEALCHECK, *claim_args, "x"], stdout=subprocess.DEVNULL, env=env, check=False)  # cache
        for size in args.sizes:
            path, sentences = corpus(size)
            megabytes = path.stat().st_size / 1_000_000
            for jobs in args.jobs:
                job_args = ["--jobs", str(jobs)] if jobs else []
                seconds, rss = measure([*DEALCHECK, *claim_args, *job_args, "--no-semantic", "--format", "jsonl", str(path)], env)
                results[(name, size, jobs)] = megabytes / seconds
                shown = jobs or os.cpu_count()
                print(f"{name:<16} {size:>5}MB {shown:>5} {seconds:>8.2f} {megabytes / seconds:>7.2f} {sentences / seconds:>12,.0f} {rss:>12.1f}")
    for size in args.sizes:
        for jobs in args.jobs:
            small, big = results.get(("bundled", size, jobs)), results.get((f"{args.claims:,} claims", size, jobs))
            if small and big:
                print(f"slow-down with {args.claims:,} claims, {size} MB, jobs {jobs or os.cpu_count()}: {small / big:.2f}x")

    if semantic_available():
        print("\nthe same with --semantic (bundled base; only sentences that could reach the threshold are embedded)")
        for size in args.sizes[:2]:
            path, sentences = corpus(size)
            megabytes = path.stat().st_size / 1_000_000
            seconds, rss = measure([*DEALCHECK, "--semantic", "--format", "jsonl", str(path)], env)
            print(f"{'bundled':<16} {size:>5}MB {os.cpu_count():>5} {seconds:>8.2f} {megabytes / seconds:>7.2f} {sentences / seconds:>12,.0f} {rss:>12.1f}")

    print_cold_start(env)

    if args.imported:
        print(f"\nimported base: {args.imported:,} ClaimReviews → claims import → check one statement")
        reviews, imported = CORPUS / f"reviews-{args.imported}.json", CORPUS / f"imported-{args.imported}.yaml"
        if not reviews.exists():
            synthetic_claimreviews(reviews, args.imported)
        cold_env = {**env, "DEALCHECK_CACHE_DIR": str(CORPUS / "cache-import")}
        t = time.perf_counter()
        subprocess.run([*DEALCHECK, "claims", "import", str(reviews), "-o", str(imported), "--force"], env=cold_env, check=True, capture_output=True)
        print(f"  claims import (parse, write, validate, build the cache)  {time.perf_counter() - t:8.1f} s")
        statement = "The senator says unemployment doubled 40% in 2010."
        runs = [measure([*DEALCHECK, "--no-semantic", "--claims", str(imported), statement], cold_env) for _ in range(5)]
        seconds = statistics.median(r[0] for r in runs)
        print(f"  dealcheck --claims imported.yaml STATEMENT (cached), median of 5  {seconds:6.2f} s, peak RSS {max(r[1] for r in runs):.0f} MB")

    print("\nfloor: rapidfuzz process.cdist(sentences, every claim string, ratio, all cores), first 1 MB")
    for name, claims in bases.items():
        per_mb, strings = cdist_floor(corpus(args.sizes[0])[0], claims or Path(importlib.import_module("dealcheck.claimbase").bundled_path()))
        print(f"  {name:<16} {strings:>7,} strings  {per_mb:8.2f} s/MB  ({1 / per_mb:.2f} MB/s)")


if __name__ == "__main__":
    main()
