"""The check command and the error handling every command shares (`run_guarded`).

`entry.main` calls `run_check` directly for a run with no options; `cli.py` parses options
and calls the same `run_check`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import interrupt
from .errors import DealcheckError, ExitCode, Terminated
from .languages import CODES
from .printable import printable

if TYPE_CHECKING:
    from .checker import Options

DEFAULT_FAIL_ON = "false,misleading"
# The choices of --format, --color and --lang, for the option parser and for configuration files.
FORMATS = ("text", "json", "jsonl", "line", "github", "sarif")
COLORS = ("auto", "always", "never")
LANGS = ("auto", *CODES)
# The first arguments that name a command other than the check: `entry` sends them to the option parser.
SUBCOMMANDS = ("claims", "cache", "config", "completion", "scan")


def warn(message: str) -> None:
    sys.stderr.write(f"dealcheck: warning: {printable(message)}\n")


def fail(lines: tuple[str, ...], code: int) -> NoReturn:
    for line in lines:
        sys.stderr.write(f"dealcheck: error: {printable(line)}\n")
    sys.exit(code)


def parse_date(value: str | None, option: str) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        # Only YYYY-MM-DD: fromisoformat alone would also take "20251028" and "2025-W44-2".
        if len(value) != 10 or value[4] != "-" or value[7] != "-":
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DealcheckError(f"{option}: {value!r} is not a date (expected YYYY-MM-DD)") from None


_SIZE_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}


def parse_size(value: str | None, option: str = "--max-size") -> int | None:
    """`--max-size`: bytes, or a number with k, M or G (powers of 1024)."""
    if value is None:
        return None
    text = value.strip().lower().removesuffix("b").removesuffix("i")
    number, unit = (text[:-1], text[-1]) if text[-1:] in _SIZE_UNITS else (text, "")
    if not number.isdigit() or int(number) == 0:
        raise DealcheckError(f"{option}: {value!r} is not a size (e.g. 64M, 500k, 1G)")
    return int(number) * _SIZE_UNITS[unit]


def cap_jobs(jobs: int | None, known_bytes: int | None) -> int:
    """Worker processes: at most one per core, and no more than the blocks known inputs will make."""
    from .inputs import BLOCK_BYTES

    cores = os.cpu_count() or 1
    if jobs is not None and jobs > cores:
        warn(f"--jobs {jobs}: this machine has {cores} cores, using {cores}")
    wanted = min(jobs or cores, cores)
    if known_bytes is not None:
        wanted = min(wanted, max(1, -(-known_bytes // BLOCK_BYTES)))
    return wanted


def parse_levels(value: str, option: str = "--fail-on") -> frozenset[str]:
    from .model import VERDICTS

    levels = frozenset(v.strip().lower() for v in value.split(",") if v.strip())
    unknown = sorted(levels - set(VERDICTS))
    if unknown:
        raise DealcheckError(f"{option}: unknown verdict {unknown[0]!r} (choose from {', '.join(VERDICTS)})")
    return levels


def use_semantic(asked: bool | None) -> bool:
    """--semantic / --no-semantic; by default, on when the extra is installed."""
    from . import semantic

    if asked is None:
        return semantic.available()
    if asked and not semantic.available():
        raise DealcheckError(semantic.NOT_INSTALLED)
    return asked


def engine_options(as_of: str | None, top: int, report_all: bool, lang: str, semantic: bool | None) -> Options:
    """The checker's options from what a command was asked (`check`, `scan`): the date read, the extra looked for."""
    from .checker import Options

    return Options(as_of=parse_date(as_of, "--as-of"), top=top, report_all=report_all, lang=lang, semantic=use_semantic(semantic))


def silence_stdout() -> None:
    """Point stdout at /dev/null so Python does not complain about the unflushed pipe at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@dataclass(frozen=True)
class CheckOptions:
    """What the check command was asked, as the user wrote it. Its defaults are the CLI's defaults.

    `config.settle` fills in what the command line left out from the environment and the configuration file.
    """

    claims: tuple[str | os.PathLike[str], ...] = ()  # empty: $DEALCHECK_CLAIMS, else the bundled base
    fmt: str = "text"
    color: str = "auto"
    as_of: str | None = None  # None: today
    top: int = 0
    report_all: bool = False
    lang: str = "auto"
    globs: tuple[str, ...] = ()  # empty: inputs.DEFAULT_GLOBS
    exclude: tuple[str, ...] = ()  # gitignore-style, relative to each folder walked (or to exclude_root)
    no_ignore: bool = False
    jobs: int | None = None  # None: every core
    fail_on: str = DEFAULT_FAIL_ON
    exit_zero: bool = False
    semantic: bool | None = None  # None: on when the extra is installed
    max_size: str | None = None  # None: inputs.MAX_FILE_BYTES
    quiet: bool = False
    verbose: bool = False  # text output: quotes whole, not cut to two lines
    statistics: bool = False
    stdin_filename: str | None = None  # None: stdin is `<stdin>`, its markup sniffed
    config: str | None = None  # None: the nearest configuration file up from the current folder
    no_config: bool = False
    # The folder `exclude` is relative to when a configuration file gave it (that file's); None: each folder walked.
    exclude_root: str | None = None


DEFAULTS = CheckOptions()


def run_check(args: list[str], asked: CheckOptions = DEFAULTS) -> int:
    """Check statements, files, folders or stdin and render the findings; return the exit code."""
    from . import claimbase
    from .checker import Stats, check_inputs
    from .formats import make_renderer
    from .inputs import MAX_FILE_BYTES, STDIN, resolve
    from .render import progress, summary

    started = time.perf_counter()
    levels = parse_levels(asked.fail_on)
    options = engine_options(asked.as_of, asked.top, asked.report_all, asked.lang, asked.semantic)
    if asked.stdin_filename is not None and not asked.stdin_filename.strip():
        raise DealcheckError("--stdin-filename: empty file name")
    excludes = []
    if asked.exclude:  # ignore.py is left unimported by a run that walks no folder
        from .ignore import Excludes

        excludes.append(Excludes(asked.exclude, Path(asked.exclude_root) if asked.exclude_root else None))
    inputs = resolve(
        args, stdin_is_tty=sys.stdin is None or sys.stdin.isatty(), globs=asked.globs, warn=warn, excludes=excludes,
        ignore_files=not asked.no_ignore,
    )
    if asked.stdin_filename is not None:  # like ruff and vale: stdin is shown and read as that file
        inputs = [dataclasses.replace(i, name=asked.stdin_filename) if i.name == STDIN and i.path is None else i for i in inputs]
    max_bytes = parse_size(asked.max_size)
    base = claimbase.load(list(asked.claims) or None, max_bytes=max_bytes)
    renderer = make_renderer(asked.fmt, sys.stdout, asked.color, asked.lang, asked.statistics, asked.verbose)
    stats = Stats(counting=asked.fmt == "text")  # only the text summary reports the count
    counts: Counter[str] = Counter()
    code = ExitCode.OK
    try:
        sizes = [i.known_size for i in inputs]  # one stat per input, for the bar and for --jobs
        with progress(sum(s or 0 for s in sizes), asked.quiet) as on_read:
            known = None if None in sizes else sum(s or 0 for s in sizes)
            found = check_inputs(inputs, base, options, warn, stats, cap_jobs(asked.jobs, known), on_read, max_bytes or MAX_FILE_BYTES)
            for finding in found:
                if finding.suppressed:
                    if asked.statistics:
                        renderer.add(finding)
                    continue
                counts[finding.verdict] += 1
                if finding.verdict in levels and not asked.exit_zero:
                    code = ExitCode.FINDINGS
                renderer.add(finding)  # counted first: a finding cut short by a closed pipe was still found
    except BrokenPipeError:
        # The reader (`head`, `less`) has gone: stop quietly, with the exit code of what was shown.
        silence_stdout()
        return code
    finally:
        with contextlib.suppress(BrokenPipeError):
            renderer.close()  # what was found is written, even when an input fails midway
    if asked.fmt == "text" and not asked.quiet and any(not i.is_statement for i in inputs):
        sys.stderr.write(summary(stats.sentences, counts, time.perf_counter() - started) + "\n")
    return ExitCode.ERROR if stats.skipped else code


def _terminate(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one unwinding, even if a second SIGTERM follows
    raise Terminated


def run_guarded(command: Callable[[], int]) -> NoReturn:
    """Run a command and exit with its code; user errors become one-line messages, never tracebacks.

    Ctrl-C is a KeyboardInterrupt only while the command runs; before and after, `interrupt` ends the process.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        interrupt.unwind()
        code = command()
    except DealcheckError as exc:
        fail(exc.lines, ExitCode.ERROR)
    except KeyboardInterrupt:
        interrupt.exit_at_once()  # a second Ctrl-C while this one is reported
        sys.stderr.write("dealcheck: interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
    except Terminated:
        sys.stderr.write("dealcheck: terminated\n")
        sys.exit(ExitCode.TERMINATED)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(ExitCode.OK)
    finally:
        interrupt.exit_at_once()  # the interpreter's shutdown (flushing, atexit) is no place for a traceback
    sys.exit(code)
