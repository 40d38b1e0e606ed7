"""`dealcheck scan` on a LocalCluster: throughput, scaling and memory per worker. Prints figures; asserts nothing.

    python benchmarks/scale.py                       # 20 and 100 MB of prose, 20,000 deal sentences; 1 and 2 workers
    python benchmarks/scale.py --sizes 20 --dense 4000 --workers 1 2

The corpora are benchmarks/corpus.py's (prose with a deal sentence in about 50, and deal-dense text), written
under benchmarks/corpus/ (git-ignored) in files of about --file-mb each: a file is the unit a worker takes.
Deal-dense text is cut in files of --dense-file-kb, so that its few MB still make partitions for every worker.
Each run is timed from the first task to the last, on a cluster already started and warmed (the claim base
loaded in each worker); its start and a worker's cold start are reported apart. "workers' CPU" is the CPU time the workers got over the run's wall time and their number: below 100% they waited
(for a core another process held, or for work). Peak memory is each worker
process's maximum RSS over its whole life (distributed's own share included), the largest of the workers.
Needs `pip install '.[dask]'`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
sys.path.insert(0, str(HERE))

from corpus import write_corpus, write_deal_dense  # noqa: E402


def split(source: Path, folder: Path, file_bytes: int) -> None:
    """`source` in files of about `file_bytes`, cut at blank lines (between paragraphs)."""
    folder.mkdir(parents=True)
    text = source.read_text(encoding="utf-8")
    start = number = 0
    while start < len(text):
        cut = text.find("\n\n", start + file_bytes)
        end = len(text) if cut == -1 else cut + 2
        (folder / f"part-{number:04d}.txt").write_text(text[start:end], encoding="utf-8")
        start, number = end, number + 1


def corpus(kind: str, amount: int, file_bytes: int) -> tuple[Path, int, int]:
    """The folder of a corpus, its bytes and its sentences: `amount` MB of prose, or `amount` deal sentences."""
    folder = CORPUS / f"scale-{kind}-{amount}-{file_bytes}"
    meta = folder.with_suffix(".json")
    if not meta.exists():
        CORPUS.mkdir(exist_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
        whole = CORPUS / f"scale-{kind}-{amount}.txt"
        if kind == "prose":
            sentences = write_corpus(whole, amount)
        else:
            write_deal_dense(whole, amount)
            sentences = amount
        split(whole, folder, file_bytes)
        whole.unlink()
        meta.write_text(json.dumps({"sentences": sentences, "bytes": sum(p.stat().st_size for p in folder.iterdir())}))
    data = json.loads(meta.read_text())
    return folder, data["bytes"], data["sentences"]


def _peak_rss_mb() -> float:
    # VmHWM, not getrusage's ru_maxrss: Linux keeps ru_maxrss across exec, so a worker would report the peak of
    # the process it was spawned from (this one, after reading the corpus).
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def _cold_start() -> float:
    """In a fresh worker: importing the checker and loading the bundled base from the compiled-base cache."""
    started = time.perf_counter()
    from dealcheck import dask as stage
    from dealcheck.checker import Options

    stage.worker_base(stage.settings(None, Options(), None, "text"))
    return time.perf_counter() - started


def measure(workers: int, runs: list[tuple[str, Path, int, int]]) -> list[dict[str, Any]]:
    import dask.bag as db
    from distributed import Client, LocalCluster

    from dealcheck import dask as stage
    from dealcheck import scan
    from dealcheck.checker import Options

    started = time.perf_counter()
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
        scheduler_kwargs={"dashboard": False}, silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        up = time.perf_counter() - started
        idle = max(client.run(_peak_rss_mb).values())
        cold = max(client.run(_cold_start).values())
        settings = stage.settings(None, Options(semantic=False), None, "text")
        found = []
        for label, folder, size, sentences in runs:
            files = scan.expand([str(folder / "*.txt")])
            parts = scan.partitions(files, workers)
            output = tempfile.mkdtemp(prefix="dealcheck-scale-")
            try:
                cpu = client.run(time.process_time)
                t = time.perf_counter()
                tallies = db.from_sequence(parts, npartitions=len(parts)).map(stage.scan_partition, settings, output).compute()
                seconds = time.perf_counter() - t
                cpu = {w: used - cpu[w] for w, used in client.run(time.process_time).items()}
            finally:
                shutil.rmtree(output)
            found.append({
                "corpus": label, "workers": workers, "seconds": seconds, "mb_s": size / 1e6 / seconds, "sentences_s": sentences / seconds,
                "findings": sum(sum(t.by_claim.values()) for t in tallies), "peak_mb": max(client.run(_peak_rss_mb).values()),
                "idle_mb": idle, "busy": sum(cpu.values()) / (seconds * workers), "cluster_start": up, "cold_start": cold, "partitions": len(parts),
            })
            print(f"  {label}, {workers} worker(s): {seconds:.1f}s", file=sys.stderr, flush=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 100], help="MB of prose")
    parser.add_argument("--dense", type=int, default=20000, help="deal sentences (0: none)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--file-mb", type=float, default=1.0, help="size of the prose corpus files")
    parser.add_argument("--dense-file-kb", type=int, default=64, help="size of the deal-dense corpus files")
    args = parser.parse_args()
    file_bytes = int(args.file_mb * 1e6)
    runs = [(f"prose {mb} MB", *corpus("prose", mb, file_bytes)) for mb in args.sizes]
    if args.dense:
        runs.append((f"deal-dense {args.dense:,} sentences", *corpus("dense", args.dense, args.dense_file_kb * 1000)))
    from dealcheck import claimbase

    claimbase.load()  # compiled into the cache first, as `dealcheck scan` does: a worker's cold start reads it
    print(f"{os.cpu_count()} cores; {', '.join(f'{label}: {size / 1e6:.1f} MB' for label, _, size, _ in runs)}", file=sys.stderr)
    results = [r for w in args.workers for r in measure(w, runs)]
    print("| corpus | workers | seconds | MB/s | sentences/s | findings | workers' CPU | peak RSS per worker (idle) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['corpus']} | {r['workers']} | {r['seconds']:.1f} | {r['mb_s']:.2f} | {r['sentences_s']:,.0f} | {r['findings']:,} "
            f"| {r['busy']:.0%} | {r['peak_mb']:.0f} MB ({r['idle_mb']:.0f} MB) |"
        )
    one = {r["corpus"]: r for r in results if r["workers"] == 1}
    for r in results:
        if r["workers"] > 1 and r["corpus"] in one:
            print(f"scaling, {r['corpus']}: {r['workers']} workers {one[r['corpus']]['seconds'] / r['seconds']:.2f}× one worker")
    for w in args.workers:
        r = next(r for r in results if r["workers"] == w)
        print(f"{w} worker(s): cluster start {r['cluster_start']:.2f}s; a worker's cold start (import, base from the cache) {r['cold_start']:.2f}s")


if __name__ == "__main__":
    main()
