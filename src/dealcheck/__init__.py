"""dealcheck: check statements against a claim base of verified facts.

The library API, for use without the CLI::

    import dealcheck
    base = dealcheck.load_claims()                 # the bundled base, or a path
    for f in dealcheck.check("Microsoft owns half of OpenAI.", base):
        print(f.verdict, f.claim.id if f.claim else None, f.explanation)

The API's names are imported when first used. The `dealcheck` program imports this package before any
code of its own runs, and the matcher behind these names takes most of a second to import: Ctrl-C in that
time would be a traceback (see `interrupt`).
"""

from __future__ import annotations

TYPE_CHECKING = False  # what typing.TYPE_CHECKING is at run time, without importing typing before Ctrl-C is handled
__version__ = "0.1.0"

if TYPE_CHECKING:
    from .checker import Options, check_sentence
    from .checker import check_text as check
    from .claimbase import load as load_claims
    from .errors import ClaimBaseError, DealcheckError, ExitCode, InputError
    from .model import Claim, ClaimBase, Finding

__all__ = [
    "Claim", "ClaimBase", "ClaimBaseError", "DealcheckError", "ExitCode", "Finding", "InputError", "Options",
    "__version__", "check", "check_sentence", "load_claims",
]


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module 'dealcheck' has no attribute {name!r}")
    from .checker import Options, check_sentence, check_text
    from .claimbase import load
    from .errors import ClaimBaseError, DealcheckError, ExitCode, InputError
    from .model import Claim, ClaimBase, Finding

    api: dict[str, object] = {
        "Claim": Claim, "ClaimBase": ClaimBase, "ClaimBaseError": ClaimBaseError, "DealcheckError": DealcheckError,
        "ExitCode": ExitCode, "Finding": Finding, "InputError": InputError, "Options": Options,
        "check": check_text, "check_sentence": check_sentence, "load_claims": load,
    }
    globals().update(api)  # looked up once: later uses find them as plain attributes
    return api[name]
