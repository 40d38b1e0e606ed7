"""The messages dealcheck writes itself, in the language of `--lang` or of each sentence.

Explanations and citations written by curators stay in the claim base's words; what
the engine adds around them (verdict labels, number and negation reasons, the
outdated notice, field labels) is each language's own (see languages/); a language
no module defines is written in English.
"""

from __future__ import annotations

from .languages import get
from .units import DIMENSIONS

_SYMBOLS = {"usd": "$", "eur": "€"}


def message(lang: str, key: str, **values: str) -> str:
    return get(lang).messages[key].format(**values)


def label(lang: str, verdict: str) -> str:
    return get(lang).verdict_labels[verdict]


def format_figure(value: float, unit: str, relation: str, lang: str, noun: str = "") -> str:
    """A figure as a reader of `lang` writes it: "about $13 billion", « environ 13 milliards de dollars »,
    "1665 steps", "330 m"."""
    language = get(lang)
    prefix = language.messages[relation]
    if unit == "pct":
        return prefix + language.percent.format(number=f"{value:g}")
    if unit in _SYMBOLS:
        return prefix + _amount(value, lang, _SYMBOLS[unit], language.currency_names[unit])
    if unit == "count":  # a plain number: never a currency's symbol or name
        return prefix + " ".join(part for part in (_amount(value, lang, "", ""), noun) if part)
    if unit in DIMENSIONS:
        from .units import shown  # lazy: pint is only loaded to write a figure it read

        number, symbol = shown(value, unit)
        return f"{prefix}{number:g} {symbol}"
    return f"{prefix}{value:g}"


def _amount(value: float, lang: str, symbol: str, name: str) -> str:
    language = get(lang)
    for scale, singular, plural in language.amount_words:
        if abs(value) >= scale:
            number = f"{value / scale:g}".replace(".", language.decimal_mark)
            word = plural if abs(value) >= 2 * scale else singular
            return language.scaled_amount.format(number=number, word=word, symbol=symbol, name=name).strip()
    return language.plain_amount.format(number=f"{value:g}", symbol=symbol, name=name).strip()
