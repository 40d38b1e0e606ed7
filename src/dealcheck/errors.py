"""Exit codes and the errors a user can cause.

Every `DealcheckError` is something the user can fix: the CLI prints its lines
and exits with `ExitCode.ERROR`, never with a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130  # 128 + SIGINT
    TERMINATED = 143  # 128 + SIGTERM


class DealcheckError(Exception):
    """A usage, input or claim-base problem, reported as one line per problem."""

    def __init__(self, *lines: str) -> None:
        super().__init__(lines[0] if lines else "error")
        self.lines: tuple[str, ...] = lines or ("error",)


class Terminated(Exception):
    """SIGTERM arrived: unwound like Ctrl-C, so that worker processes are stopped, not orphaned."""


class ClaimBaseError(DealcheckError):
    """The claim base cannot be loaded; each line names file, line and field."""


class InputError(DealcheckError):
    """A file or argument cannot be read as text."""


def unreadable(name: str, exc: OSError, what: str = "file") -> str:
    """The one-line message for a file that cannot be opened."""
    if isinstance(exc, FileNotFoundError):
        return f"{name}: no such {what}"
    if isinstance(exc, IsADirectoryError):
        return f"{name}: is a directory, not a {what}"
    return f"{name}: cannot read {what}: {exc.strerror}"


def data_oddity(exc: ValueError | RecursionError) -> str:
    """What a YAML or JSON parser that gave up on a hostile document met, in one line."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "digits" in str(exc):
        return "a number with thousands of digits"
    return str(exc).splitlines()[0] if str(exc) else "unreadable value"
