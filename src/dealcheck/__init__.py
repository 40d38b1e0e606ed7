"""dealcheck: check statements against a claim base of verified facts.

The library API, for use without the CLI::

    import dealcheck
    base = dealcheck.load_claims()                 # the bundled base, or a path
    for f in dealcheck.check("Microsoft owns half of OpenAI.", base):
        print(f.verdict, f.claim.id if f.claim else None, f.explanation)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .checker import Options, check_sentence
from .checker import check_text as check
from .claimbase import load as load_claims
from .errors import ClaimBaseError, DealcheckError, ExitCode, InputError
from .model import Claim, ClaimBase, Finding

__all__ = [
    "Claim", "ClaimBase", "ClaimBaseError", "DealcheckError", "ExitCode", "Finding", "InputError", "Options",
    "__version__", "check", "check_sentence", "load_claims",
]
