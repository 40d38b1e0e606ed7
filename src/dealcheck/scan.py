"""`dealcheck scan`: check an archive on a Dask cluster (dask.py holds the workers' side).

The files the patterns name (local globs, or any fsspec URL) are cut into partitions of neighbouring files of
about equal size; each task checks one partition into OUTPUT/part-NNNNN.jsonl and sends back its counts, which
become the summary (stderr and OUTPUT/summary.json, written last: a folder without it holds an unfinished run).
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .commands import DEFAULT_FAIL_ON
from .errors import DealcheckError, ExitCode
from .printable import printable

if TYPE_CHECKING:
    from distributed import Client

    from .dask import Tally

# Partitions per worker at least, so that a worker done early takes another; and the most bytes of input in one.
PARTS_PER_WORKER = 4
PART_BYTES = 64 * 2**20
# What a run writes in OUTPUT, and all that --force removes from it.
OURS = re.compile(r"part-\d{5}\.jsonl|summary\.json")
SUMMARY = "summary.json"
CONNECT_TIMEOUT = "10s"  # to reach a --scheduler: distributed retries until then


@dataclass(frozen=True)
class ScanOptions:
    """What the scan command was asked; the check options mean what they mean for the check command."""

    output: str
    scheduler: str | None = None  # None: a LocalCluster on this machine
    workers: int | None = None  # of the LocalCluster; None: one per core
    force: bool = False
    text_field: str = "text"
    claims: tuple[str | os.PathLike[str], ...] = ()
    as_of: str | None = None
    top: int = 0
    report_all: bool = False
    lang: str = "auto"
    fail_on: str = DEFAULT_FAIL_ON
    exit_zero: bool = False
    semantic: bool | None = None
    max_size: str | None = None
    quiet: bool = False


@dataclass(frozen=True)
class File:
    name: str  # as findings name it: a local path as the pattern gave it, else the URL
    url: str  # where a worker opens it
    size: int


def run_scan(patterns: list[str], asked: ScanOptions) -> int:
    """Check the files `patterns` name on a cluster into `asked.output`; return the exit code."""
    from . import claimbase
    from . import dask as stage
    from .commands import engine_options, parse_levels, parse_size, warn

    if not stage.available():
        raise DealcheckError(stage.NOT_INSTALLED)
    started = time.perf_counter()
    levels = parse_levels(asked.fail_on)
    if asked.scheduler is not None and asked.workers is not None:
        raise DealcheckError("--workers: only for the cluster scan starts itself; a --scheduler's cluster has the workers it has")
    if not asked.text_field.strip():
        raise DealcheckError("--text-field: empty field name")
    options = engine_options(asked.as_of, asked.top, asked.report_all, asked.lang, asked.semantic)
    max_bytes = parse_size(asked.max_size)
    # Loaded here once: a bad base is one error before any cluster starts, and workers find it compiled in the cache.
    claimbase.load(list(asked.claims) or None, max_bytes=max_bytes)
    settings = stage.settings(list(asked.claims) or None, options, max_bytes, asked.text_field)
    files = expand(patterns)
    output = prepare_output(asked.output, asked.force)
    with _client(asked.scheduler, asked.workers) as client:
        import dask.bag as db

        parts = partitions(files, sum(client.nthreads().values()))
        tallies: list[Tally] = db.from_sequence(parts, npartitions=len(parts)).map(stage.scan_partition, settings, output).compute()
    by_claim: Counter[tuple[str, str]] = sum((t.by_claim for t in tallies), Counter())
    warnings = [w for t in tallies for w in t.warnings]
    for message in warnings[: stage.KEPT_WARNINGS]:
        warn(message)
    unsaid = len(warnings) - stage.KEPT_WARNINGS + sum(t.unsaid for t in tallies)
    if unsaid > 0:
        warn(f"{unsaid} more warnings")
    summary = summarise(files, tallies, by_claim, len(parts), time.perf_counter() - started)
    _write_summary(output, summary)
    if not asked.quiet:
        sys.stderr.write(describe(summary, asked.output) + "\n")
    if summary["skipped"]:
        return ExitCode.ERROR
    found_at_level = any(verdict in levels for verdict, _ in by_claim)
    return ExitCode.FINDINGS if found_at_level and not asked.exit_zero else ExitCode.OK


def expand(patterns: list[str]) -> list[File]:
    """The files the patterns name, in pattern order, each pattern's sorted by name, once each.

    A pattern with a protocol (`s3://…`, `file://…`) is fsspec's; any other is a local path or glob (`**` is any
    number of folders), named in findings as it was typed, as the shell would expand it.
    """
    found: dict[str, File] = {}
    for pattern in patterns:
        if not pattern.strip():
            raise DealcheckError("an argument is empty: give a file or a pattern such as 'archive/**/*.jsonl.gz'")
        matched = _remote(pattern) if "://" in pattern else _local(pattern)
        if not matched:
            raise DealcheckError(f"{pattern}: {'no file matches' if glob.has_magic(pattern) else 'no such file'}")
        for file in matched:
            found.setdefault(file.url, file)
    return list(found.values())


def _local(pattern: str) -> list[File]:
    if os.path.isdir(pattern):
        raise DealcheckError(f"{pattern}: is a folder; give a pattern such as '{pattern.rstrip('/')}/**/*.jsonl.gz'")
    names = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
    return [File(n, os.path.abspath(n), os.path.getsize(n)) for n in names if os.path.isfile(n)]


def _remote(pattern: str) -> list[File]:
    from fsspec.core import url_to_fs

    try:
        fs, path = url_to_fs(pattern)
        infos = fs.glob(path, detail=True) if glob.has_magic(path) else ({path: fs.info(path)} if fs.exists(path) else {})
    except (ImportError, ValueError, OSError) as exc:  # an unknown protocol, its package missing, the store refusing
        raise DealcheckError(f"{pattern}: {' '.join(str(exc).split()) or type(exc).__name__}") from None
    files = sorted((p, info) for p, info in infos.items() if info.get("type") == "file")
    return [File(fs.unstrip_protocol(p), fs.unstrip_protocol(p), int(info.get("size") or 0)) for p, info in files]


def partitions(files: list[File], workers: int) -> list[tuple[int, list[tuple[str, str]]]]:
    """Neighbouring files in partitions of about equal bytes: PARTS_PER_WORKER a worker at least, PART_BYTES at most
    (unless one file is bigger: a file is never split, so that its records and positions are read in order)."""
    total = sum(f.size for f in files)
    count = min(len(files), max(PARTS_PER_WORKER * max(workers, 1), -(-total // PART_BYTES)))
    parts: list[list[tuple[str, str]]] = [[]]
    filled = 0
    for file in files:
        if parts[-1] and len(parts) < count and filled >= total * len(parts) / count:
            parts.append([])  # cut where the running total passes the next share: sizes even out
        parts[-1].append((file.name, file.url))
        filled += file.size
    return list(enumerate(parts))


def prepare_output(output: str, force: bool) -> str:
    """The output folder, made if need be, as workers open it; a folder that holds anything is refused without
    `force`, and with it only the files of an earlier run are removed."""
    from fsspec.core import url_to_fs

    if not output.strip():
        raise DealcheckError("--output: empty folder name")
    try:
        fs, root = url_to_fs(output)
        if fs.exists(root):
            if not fs.isdir(root):
                raise DealcheckError(f"--output {output}: not a folder")
            held = fs.ls(root, detail=False)
            if held and not force:
                raise DealcheckError(f"--output {output}: not empty (use --force to replace an earlier run's files)")
            for path in held:
                if OURS.fullmatch(path.rstrip("/").rsplit("/", 1)[-1]):
                    fs.rm(path)
        else:
            fs.makedirs(root, exist_ok=True)
    except (ImportError, ValueError, OSError) as exc:
        raise DealcheckError(f"--output {output}: {' '.join(str(exc).split()) or type(exc).__name__}") from None
    return output if "://" in output else os.path.abspath(output)


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    from distributed import Client, LocalCluster

    # On Ctrl-C the client's event loop, in its own thread, reports the gather it cancels as a task exception
    # "never retrieved", traceback and all, on the asyncio logger: `run_guarded` says "interrupted" instead.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DealcheckError(f"--scheduler {scheduler}: cannot connect ({' '.join(str(exc).split())})") from None
        with client:
            yield client
        return
    # Processes of one thread each: checking is Python code, which threads of one process would run one at a time.
    # No dashboard, and the scheduler's HTTP server on a free port of this machine alone: on 8787 a second cluster would warn.
    with LocalCluster(
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
        scheduler_kwargs={"dashboard": False}, silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        yield client


def summarise(files: list[File], tallies: list[Tally], by_claim: Counter[tuple[str, str]], parts: int, seconds: float) -> dict[str, Any]:
    from .formats.statistics import counts

    counted = counts(by_claim)
    return {
        "files": len(files), "bytes": sum(f.size for f in files), "partitions": parts, "documents": sum(t.documents for t in tallies),
        "skipped": sum(t.skipped for t in tallies), "findings": sum(by_claim.values()), **counted, "seconds": round(seconds, 2),
    }


def describe(summary: dict[str, Any], output: str) -> str:
    """The summary line on stderr."""
    parts = ", ".join(f"{n} {v}" for v, n in sorted(summary["by_verdict"].items()))
    skipped = f", {summary['skipped']} skipped" if summary["skipped"] else ""
    files, documents, found = summary["files"], summary["documents"], summary["findings"]
    return (
        f"{files} file{'s' if files != 1 else ''}, {documents} document{'s' if documents != 1 else ''}{skipped}: "
        f"{found} finding{'s' if found != 1 else ''}" + (f" ({parts})" if parts else "") + f" in {summary['seconds']:.2f}s, written to {printable(output)}"
    )


def _write_summary(output: str, summary: dict[str, Any]) -> None:
    import fsspec

    with fsspec.open(f"{output.rstrip('/')}/{SUMMARY}", "w", encoding="utf-8") as out:
        out.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
