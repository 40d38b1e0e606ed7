"""dealcheck as a Dask stage: `check_bag` turns a bag of documents into a bag of findings, and `scan_partition`
is the worker's side of `dealcheck scan` (scan.py is the command's).

A finding is a plain dict with exactly the fields of a line of `dealcheck --format jsonl` (render.finding_dict),
and a document is read by the reader its name's extension chooses, as the CLI reads a file of that name: the
findings, their lines and columns, are the CLI's. A worker process loads a claim base once, whatever the number
of partitions it runs, from dealcheck's compiled-base cache when it is there.

Named after what it plugs into: inside it `import dask` is the top-level package (imports are absolute). Dask is
imported only when a bag is made, so that `dealcheck scan` can say the extra is missing (`available`), as
semantic.py does.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import logging
import os
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from . import claimbase
from .checker import Options, check_document
from .errors import InputError, unreadable
from .formats.jsonl import JsonLinesRenderer
from .inputs import MAX_FILE_BYTES, markup_of, read_stream
from .model import ClaimBase, Finding
from .render import finding_dict

if TYPE_CHECKING:
    import dask.bag

NOT_INSTALLED = "dealcheck scan needs the dask extra: pip install 'dealcheck[dask]'"
# Extensions of files whose every line is a JSON record holding a document (after a compression suffix).
RECORD_EXTENSIONS = (".jsonl", ".ndjson")
# Warnings a partition sends back word for word; past them it only counts (a wrong --text-field warns on every record).
KEPT_WARNINGS = 20

# What reading a damaged compressed file raises: gzip's BadGzipFile (an OSError without strerror), EOFError when it
# ends early, zlib.error from within; and OSError for a file that cannot be read at all.
DAMAGED = (OSError, EOFError, zlib.error)

logger = logging.getLogger(__name__)


def available() -> bool:
    """Whether the extra is installed, without importing it: `distributed` for the clusters, which brings dask."""
    return importlib.util.find_spec("distributed") is not None and importlib.util.find_spec("dask") is not None


@dataclass(frozen=True)
class Settings:
    """What every task of a run is given: small, since it travels with each task."""

    claims: tuple[str, ...]  # absolute paths, resolved where the graph is made: a worker's cwd and environment may differ
    options: Options
    max_bytes: int = MAX_FILE_BYTES
    text_field: str = "text"


def settings(
    claims: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None, options: Options, max_bytes: int | None, text_field: str
) -> Settings:
    """Settings for `claims` as `claimbase.load` takes them (None: $DEALCHECK_CLAIMS, else the bundled base)."""
    if claims is None:
        paths = claimbase.default_paths()
    elif isinstance(claims, (str, os.PathLike)):
        paths = [claimbase.base_path(claims)]
    else:
        paths = [claimbase.base_path(p) for p in claims]
    return Settings(tuple(os.path.abspath(p) for p in paths), options, max_bytes or MAX_FILE_BYTES, text_field)


# A worker's claim bases, by their files' paths, sizes and modification times: loaded by the first task that needs
# one, then shared by every later task and thread of the process. A base edited during a run is loaded again.
_bases: dict[tuple[Any, ...], ClaimBase] = {}
_bases_lock = threading.Lock()


def worker_base(s: Settings) -> ClaimBase:
    """The claim base of `s` in this process, loaded once."""
    try:
        key = (s.max_bytes, *((p, st.st_size, st.st_mtime_ns) for p in s.claims for st in [os.stat(p)]))
    except OSError:
        key = (s.max_bytes, *s.claims)  # claimbase.load names the missing file
    with _bases_lock:
        if key not in _bases:
            _bases[key] = claimbase.load(list(s.claims), max_bytes=s.max_bytes)
        return _bases[key]


@dataclass
class Tally:
    """What one partition met besides its findings, sent back to `dealcheck scan` for the summary."""

    documents: int = 0
    skipped: int = 0  # documents and records not checked (their warnings say why)
    warnings: list[str] = field(default_factory=list)
    unsaid: int = 0  # warnings past KEPT_WARNINGS, counted only
    by_claim: Counter[tuple[str, str]] = field(default_factory=Counter)  # (verdict, claim id or "-") → findings
    echo: Callable[[str], object] | None = None  # told every warning, kept or not

    def warn(self, message: str) -> None:
        if self.echo is not None:
            self.echo(message)
        if len(self.warnings) < KEPT_WARNINGS:
            self.warnings.append(message)
        else:
            self.unsaid += 1


def findings(name: str | None, stream: BinaryIO, markup: str, s: Settings, base: ClaimBase, tally: Tally) -> Iterator[Finding]:
    """The reported findings of one document, as `dealcheck --format jsonl` reports them (suppressed ones left out);
    one that cannot be read is skipped with a warning, as a file found in a folder is."""
    tally.documents += 1
    try:
        blocks = read_stream(stream, name or "<document>", tally.warn, markup, s.max_bytes)
        for finding in check_document(blocks, base, s.options, name, s.options.report_all):
            if not finding.suppressed:
                tally.by_claim[(finding.verdict, finding.claim.id if finding.claim else "-")] += 1
                yield finding
    except InputError as exc:
        tally.warn(exc.lines[0])
        tally.skipped += 1
    except DAMAGED as exc:  # the reading of a compressed file is where its damage shows
        tally.warn(_cannot_read(name or "<document>", exc))
        tally.skipped += 1


def _cannot_read(name: str, exc: Exception) -> str:
    return unreadable(name, exc) if isinstance(exc, OSError) and exc.strerror else f"{name}: cannot read: {exc or type(exc).__name__}"


def _text(text: str) -> BinaryIO:
    # A str is read through the bytes a file of it would hold: the same reader, the same blocks, the same positions.
    return io.BytesIO(text.encode("utf-8", "surrogatepass"))


def _document(item: Any, text_field: str) -> tuple[str | None, str]:
    """A bag item as (path, text): a dict with `text_field` (and "path"), a (path, text) pair, or a text alone."""
    if isinstance(item, str):
        return None, item
    if isinstance(item, dict) and isinstance(item.get(text_field), str):
        path = item.get("path")
        return (str(path) if path is not None else None), item[text_field]
    if isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[1], str):
        return (str(item[0]) if item[0] is not None else None), item[1]
    raise TypeError(f"check_bag: a document is a text, a (path, text) pair or a dict with a {text_field!r} text, not {type(item).__name__}")


def check_partition(items: Iterable[Any], s: Settings) -> list[dict[str, Any]]:
    """The findings of a partition of documents, as `--format jsonl` records; warnings go to this module's logger.

    A list: a partition's result may travel between processes, and a generator cannot be pickled.
    """
    base = worker_base(s)
    tally = Tally(echo=logger.warning)
    found: list[dict[str, Any]] = []
    for item in items:
        path, text = _document(item, s.text_field)
        found.extend(finding_dict(f) for f in findings(path, _text(text), markup_of(path or ""), s, base, tally))
    return found


def check_bag(
    bag: dask.bag.Bag,
    claims: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    as_of: dt.date | str | None = None,
    *,
    report_all: bool = False,
    top: int = 0,
    lang: str = "auto",
    semantic: bool | None = None,
    max_size: int | None = None,
    text_field: str = "text",
) -> dask.bag.Bag:
    """A bag of findings (dicts, the fields of `--format jsonl`) from a bag of documents, in document order, then
    by position in each.

    A document is a text, a `(path, text)` pair, or a dict holding its text at `text_field` and its path at "path".
    Its path's extension says how it is read (Markdown, HTML, reST, else plain text), as the CLI reads a file of that
    name; `path` is the findings' path (None without one). `claims` is what `load_claims` takes, resolved here:
    its files must be readable where the workers run. `as_of` is a date or YYYY-MM-DD (default: today); `semantic`,
    None, is on when the semantic extra is installed, as in the CLI. A document that cannot be read (binary, larger
    than `max_size` bytes as markup) is skipped with a warning on this module's logger, in the worker.
    """
    from .commands import parse_date, use_semantic

    day = as_of if isinstance(as_of, dt.date) else parse_date(as_of, "as_of")
    options = Options(as_of=day, top=top, report_all=report_all, lang=lang, semantic=use_semantic(semantic))
    return bag.map_partitions(check_partition, settings(claims, options, max_size, text_field))


def _records(fh: BinaryIO, name: str, s: Settings, tally: Tally) -> Iterator[tuple[str, str]]:
    """The documents of a JSON Lines file, named `FILE:recordN` with N the line the record is on."""
    number = 0
    while line := fh.readline(s.max_bytes + 1):
        number += 1
        if len(line) > s.max_bytes:
            while line and not line.endswith(b"\n"):  # the rest of the line is the same record
                line = fh.readline(s.max_bytes + 1)
            tally.warn(f"{name}:{number}: a record larger than {s.max_bytes:,} bytes, skipped (see --max-size)")
            tally.skipped += 1
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:  # not JSON, or not UTF-8
            record = None
        text = record.get(s.text_field) if isinstance(record, dict) else None
        if not isinstance(text, str):
            said = "not a JSON object" if not isinstance(record, dict) else f"no text in field {s.text_field!r} (see --text-field)"
            tally.warn(f"{name}:{number}: {said}, skipped")
            tally.skipped += 1
            continue
        yield f"{name}:record{number}", text


def scan_partition(part: tuple[int, list[tuple[str, str]]], s: Settings, output: str) -> Tally:
    """Check one partition of `dealcheck scan`'s files, `(number, [(name, url), …])`, into OUTPUT/part-NNNNN.jsonl.

    Each task writes its own file, so findings stream to storage (a worker's memory stays flat) and only the
    tallies come back.
    """
    import fsspec
    from fsspec.utils import infer_compression

    number, files = part
    base = worker_base(s)
    tally = Tally()
    with fsspec.open(f"{output.rstrip('/')}/part-{number:05d}.jsonl", "w", encoding="utf-8", newline="\n") as out:
        write = JsonLinesRenderer(out).add  # the CLI's own lines
        for name, url in files:
            compression = infer_compression(name)
            inner = name.rsplit(".", 1)[0] if compression else name  # `a.md.gz` is read as Markdown
            try:
                with fsspec.open(url, "rb", compression=compression) as fh:
                    if inner.lower().endswith(RECORD_EXTENSIONS):
                        for record, text in _records(fh, name, s, tally):
                            for finding in findings(record, _text(text), "", s, base, tally):
                                write(finding)
                    else:
                        for finding in findings(name, fh, markup_of(inner), s, base, tally):
                            write(finding)
            except DAMAGED as exc:  # opening, or a damaged archive read record by record
                tally.warn(_cannot_read(name, exc))
                tally.skipped += 1
    return tally
