"""The messages dealcheck writes itself, in the language of `--lang` or of each sentence.

Explanations and citations written by curators stay in the claim base's words; what
the engine adds around them (verdict labels, number and negation reasons, the
outdated notice, field labels) is each language's own (see languages/); a language
no module defines is written in English.
"""

from __future__ import annotations

from .languages import get

_SYMBOLS = {"usd": "$", "eur": "€"}


def message(lang: str, key: str, **values: str) -> str:
    return get(lang).messages[key].format(**values)


def label(lang: str, verdict: str) -> str:
    return get(lang).verdict_labels[verdict]


def format_figure(value: float, unit: str, relation: str, lang: str) -> str:
    """A figure as a reader of `lang` writes it: "about $13 billion", « environ 13 milliards de dollars »."""
    language = get(lang)
    prefix = language.messages[relation]
    if unit == "pct":
        return prefix + language.percent.format(number=f"{value:g}")
    if unit in _SYMBOLS:
        symbol, name = _SYMBOLS[unit], language.currency_names[unit]
        for scale, singular, plural in language.amount_words:
            if abs(value) >= scale:
                number = f"{value / scale:g}".replace(".", language.decimal_mark)
                word = plural if abs(value) >= 2 * scale else singular
                return prefix + language.scaled_amount.format(number=number, word=word, symbol=symbol, name=name)
        return prefix + language.plain_amount.format(number=f"{value:g}", symbol=symbol, name=name)
    return f"{prefix}{value:g}"
