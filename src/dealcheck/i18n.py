"""The messages dealcheck writes itself, in English and French.

Explanations and citations written by curators stay in the claim base's words; what
the engine adds around them (verdict labels, number and negation reasons, the
outdated notice, field labels) follows `--lang`, or each sentence's language.
"""

from __future__ import annotations

VERDICT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "true": "TRUE", "false": "FALSE", "misleading": "MISLEADING", "unverified": "UNVERIFIED",
        "outdated": "OUTDATED", "unknown": "UNKNOWN",
    },
    "fr": {
        "true": "VRAI", "false": "FAUX", "misleading": "TROMPEUR", "unverified": "NON VÉRIFIÉ",
        "outdated": "DÉPASSÉ", "unknown": "INCONNU",
    },
}

_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "no_match": "No claim in the claim base matches this sentence.",
        "number": "The sentence says {said}, but the sources give {allowed}: {claim}",
        "denies_true": "The sentence denies what the sources confirm: {claim}",
        "denies_wrong_figure": "The sentence rightly denies {said}: the sources give {allowed}.",
        "denies_figure": "The sentence denies {said}, which is what the sources give: {claim}",
        "overstates": "The sentence says {said}, but the sources give exactly {allowed}: {claim}",
        "later_figure": "{said} is the figure of {date}, told as if it were the whole; since then: {text} (claim {id})",
        "report_contradicted": "The sentence passes on a report that the sources do not confirm. {explanation}",
        "rumour": "The sentence passes on a rumour; what it says agrees with the sources, but a rumour is not a source. {explanation}",
        "rejects_false": "The sentence rejects a misstatement. {explanation}",
        "denies_other": "The sentence denies it, but the claim itself is {verdict}: {explanation}",
        "no_longer": "This is no longer the case. {since}",
        "held_until": "It held until {date}",
        "no_longer_holds": "It no longer holds",
        "since_then": "{held}; since then: {text} (claim {id})",
        "and": " and ",
        "claim": "claim",
        "why": "why",
        "source": "source",
        "candidate": "candidate",
        "hedged": "reported as hearsay",
        "more_than": "more than ", "at_least": "at least ", "about": "about ", "less_than": "less than ",
        "at_most": "at most ", "exactly": "",
    },
    "fr": {
        "no_match": "Aucune affirmation de la base ne correspond à cette phrase.",
        "number": "La phrase avance {said}, mais les sources donnent {allowed} : {claim}",
        "denies_true": "La phrase nie ce que confirment les sources : {claim}",
        "denies_wrong_figure": "La phrase écarte à raison {said} : les sources donnent {allowed}.",
        "denies_figure": "La phrase nie {said}, qui est pourtant le chiffre des sources : {claim}",
        "overstates": "La phrase avance {said}, mais les sources donnent exactement {allowed} : {claim}",
        "later_figure": "{said} est le chiffre du {date}, présenté comme s'il était le tout ; depuis : {text} (affirmation {id})",
        "report_contradicted": "La phrase relaie une information que les sources ne confirment pas. {explanation}",
        "rumour": "La phrase relaie une rumeur ; ce qu'elle dit concorde avec les sources, mais une rumeur n'est pas une source. {explanation}",
        "rejects_false": "La phrase rejette une affirmation erronée. {explanation}",
        "denies_other": "La phrase le nie, mais l'affirmation elle-même est jugée « {verdict} » : {explanation}",
        "no_longer": "Ce n'est plus le cas. {since}",
        "held_until": "Valable jusqu'au {date}",
        "no_longer_holds": "Ce n'est plus valable",
        "since_then": "{held} ; depuis : {text} (affirmation {id})",
        "and": " et ",
        "claim": "affirmation",
        "why": "pourquoi",
        "source": "source",
        "candidate": "candidat",
        "hedged": "rapporté au conditionnel",
        "more_than": "plus de ", "at_least": "au moins ", "about": "environ ", "less_than": "moins de ",
        "at_most": "au plus ", "exactly": "",
    },
}


def message(lang: str, key: str, **values: str) -> str:
    return _MESSAGES.get(lang, _MESSAGES["en"])[key].format(**values)


def label(lang: str, verdict: str) -> str:
    return VERDICT_LABELS.get(lang, VERDICT_LABELS["en"])[verdict]


def format_figure(value: float, unit: str, relation: str, lang: str) -> str:
    """A figure as a reader of `lang` writes it: "about $13 billion", « environ 13 milliards de dollars »."""
    prefix = message(lang, relation)
    if unit == "pct":
        return f"{prefix}{value:g}{' %' if lang == 'fr' else '%'}"
    if unit in ("usd", "eur"):
        scales = ((1e12, "trillion", "billions"), (1e9, "billion", "milliards"), (1e6, "million", "millions"))
        for scale, en_word, fr_word in scales:
            if abs(value) >= scale:
                number = f"{value / scale:g}"
                if lang == "fr":
                    currency = "de dollars" if unit == "usd" else "d'euros"
                    word = fr_word if abs(value) >= 2 * scale else fr_word.rstrip("s")
                    return f"{prefix}{number.replace('.', ',')} {word} {currency}"
                return f"{prefix}{'$' if unit == 'usd' else '€'}{number} {en_word}"
        if lang == "fr":
            return f"{prefix}{value:g} {'$' if unit == 'usd' else '€'}"
        return f"{prefix}{'$' if unit == 'usd' else '€'}{value:g}"
    return f"{prefix}{value:g}"
