"""The languages dealcheck reads and writes, one module each; adding one is adding its module here.

The order matters where languages compete: language detection breaks a tie in favour of the
language registered first, and English is the fallback for a code no module defines.
"""

from __future__ import annotations

from .en import ENGLISH
from .es import SPANISH
from .fr import FRENCH
from .language import Language

LANGUAGES: tuple[Language, ...] = (ENGLISH, FRENCH, SPANISH)
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
_BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}


def get(code: str) -> Language:
    """The language of `code`, English for a code no module defines ("auto", a claim base's own tag)."""
    return _BY_CODE.get(code, ENGLISH)


__all__ = ["CODES", "LANGUAGES", "Language", "get"]
