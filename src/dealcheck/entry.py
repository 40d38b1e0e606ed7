"""The `dealcheck` program's entry point.

A run with no options at all (only statements, paths and `-`) has nothing for the option parser
to do, so it settles the options from the environment and the configuration file and calls
`run_check` directly, never importing typer: that halves the start-up of `dealcheck "one statement"`.
Anything else goes through `cli.py`, which parses the options and calls the same `run_check`. Living apart from both, it lets neither import the other's caller.

Its own imports are only what Ctrl-C needs (`interrupt`): everything else is imported once SIGINT is handled.
"""

from __future__ import annotations

import sys

from . import interrupt

TYPE_CHECKING = False  # as in __init__: typing is imported once Ctrl-C is handled
if TYPE_CHECKING:
    from typing import NoReturn


def main(argv: list[str] | None = None) -> NoReturn:
    """The `dealcheck` program."""
    interrupt.exit_at_once()
    from .commands import DEFAULTS, SUBCOMMANDS, run_check, run_guarded
    from .config import settle

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] not in SUBCOMMANDS and all(a == "-" or not a.startswith("-") for a in argv):
        run_guarded(lambda: run_check(argv, settle(DEFAULTS).options))
    from .cli import main as parse_options_and_run  # typer takes a tenth of a second to import

    parse_options_and_run(argv)
    raise AssertionError("unreachable: the CLI exits")
