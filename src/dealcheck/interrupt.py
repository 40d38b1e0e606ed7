"""Ctrl-C while no command is running: one line and exit 130, never a traceback.

SIGINT raises KeyboardInterrupt wherever Python is, and during start-up that is inside some import, where no
`except` of ours can be. So from the first statement of `entry.main` until `run_guarded` starts the command,
and again once the command is over, SIGINT ends the process at once: nothing is open yet, or nothing is left
to tidy. While the command runs, SIGINT is a KeyboardInterrupt again, so that the command unwinds: worker
processes are stopped and temporary files removed.

Only os and signal here: whatever this module imports is imported before Ctrl-C is taken care of.
"""

from __future__ import annotations

import os
import signal

_INTERRUPTED = 130  # ExitCode.INTERRUPTED, which would cost the enum module before the handler is in place


def _exit_now(signum: int, frame: object) -> None:
    os.write(2, b"dealcheck: interrupted\n")  # not sys.stderr: the signal may arrive midway through its own write
    os._exit(_INTERRUPTED)


def exit_at_once() -> None:
    """From now on, Ctrl-C ends the process with the message and exit 130."""
    signal.signal(signal.SIGINT, _exit_now)


def unwind() -> None:
    """From now on, Ctrl-C raises KeyboardInterrupt, for the command to unwind and `run_guarded` to report."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
