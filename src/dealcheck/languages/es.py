"""Spanish: a small definition, enough for claim bases written in Spanish.

Spanish is not mixed (see Language.mixed): its cues are looked for in Spanish sentences only, so that
"Los Angeles" or "El Chapo" in an English sentence keep their words, and it is detected on two of its
markers at least, so neither name makes a sentence Spanish. What every sentence is read with leaves out
words that English or French text uses: no "han" among the markers ("Han Solo"), no "ago" among the
abbreviations, no "si bien" (« si bien que ») among the clause openers, no ", y" (« , y compris ») among
the joins.
"""

from __future__ import annotations

from .language import Language

SPANISH = Language(
    code="es",
    stemmer="spanish",
    text2num="es",
    mixed=False,
    stop_words=frozenset(
        "el los las lo del al una unos unas y e o u que de la en un por con para sin sobre entre se su sus es son fue era ha han "
        "habia ser este esta estos estas ese esa como pero mas muy ya tambien le les nos mi".split()
    ),
    markers=frozenset("el los las del la de en que una por con para es fue pero tiene segun esta muy".split()),
    negations=("no", "nunca", "jamas", "ningun", "ninguna", "ninguno", "nadie", "nada", "tampoco", "ya no"),
    negation_openers=(),
    denial_cues=("no", "nunca", "jamas", "ningun", "ninguna", "ninguno", "nadie", "nada", "tampoco", "lugar", "vez"),
    not_denials=(r"no (?:\w+ ){1,2}mas que", "nada mas que"),
    privatives=(r"dej(?:o|a|an|aron) de", r"abandon\w*", r"suspend\w*", r"cancel\w*"),
    contrasts=("en lugar de", "en vez de"),
    name_negators=frozenset({"sin", "no"}),
    rumours=("rumores?", "se rumorea"),
    hedges=(
        "segun fuentes", "segun (?:la|las|los|el|un|una|varias)? ?(?:\\w+ ){0,2}?(?:fuentes?|informes?|medios|prensa)",
        "segun {outlet}", "supuestamente", "presuntamente", "habria", "habrian",
    ),
    conditionals=(),
    past=("anteriormente", "antes", "en aquel momento", "en el pasado", "inicialmente", "originalmente"),
    ordinals=("primer[ao]s?", "inicial(?:es)?", "inicialmente", "originalmente"),
    scope_breaks=("pero", "mientras que", "aunque", "sin embargo"),
    qualifiers={
        "mas de": "more_than", "alrededor de": "about", "cerca de": "about", "casi": "about", "unos": "about",
        "menos de": "less_than", "al menos": "at_least", "hasta": "at_most", "exactamente": "exactly", "desde": "since",
    },
    scales={"mil millones": 1e9, "mil": 1e3, "millon": 1e6, "millones": 1e6, "billon": 1e12, "billones": 1e12},
    fractions={"50%": ("la mitad",), "25%": ("un cuarto",), "33.3%": ("un tercio",), "66.7%": ("dos tercios",)},
    percent_words=("por ?ciento",),
    number_words=(
        "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "veinte", "treinta",
        "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien", "ciento", "quinientos", "mil",
        "millon(?:es)?",
    ),
    currency_links=("de ",),
    units={
        "meter": ("metros?",), "kilometer": ("kilometros?",), "centimeter": ("centimetros?",),
        "kilogram": ("kilogramos?", "kilos?"), "tonne": ("toneladas?",),
        "degC": ("grados? celsius", "grados? centigrados?", "grados?"),
        "year": ("anos?",), "month": ("mes", "meses"), "week": ("semanas?",), "day": ("dias?",), "hour": ("horas?",),
        "meter ** 2": ("metros? cuadrados?",), "liter": ("litros?",),
    },
    year_context=("en", "desde", "hasta", "ano"),
    range_from=("de",),
    range_to=("a",),
    pronouns=frozenset({"ella", "su", "sus"}),
    abbreviations=frozenset("Sr Sra Srta Dña Ud Uds ene abr dic".split()),
    sentence_starters=frozenset("El Los Las Una Según Pero Además Sin Por Para Con".split()),
    relatives=("el cual", "la cual", "los cuales", "las cuales", "cuyo", "cuya"),
    clause_openers=("mientras que", "aunque"),
    comma_joins=("pero",),
    verb_joins=(),
    leading_conjunctions=("pero",),
    verdict_labels={
        "true": "VERDADERO", "false": "FALSO", "misleading": "ENGAÑOSO", "unverified": "NO VERIFICADO",
        "outdated": "OBSOLETO", "unknown": "DESCONOCIDO",
    },
    messages={
        "no_match": "Ninguna afirmación de la base corresponde a esta frase.",
        "number": "La frase dice {said}, pero las fuentes dan {allowed}: {claim}",
        "denies_true": "La frase niega lo que confirman las fuentes: {claim}",
        "denies_wrong_figure": "La frase niega con razón {said}: las fuentes dan {allowed}.",
        "denies_figure": "La frase niega {said}, que es lo que dan las fuentes: {claim}",
        "overstates": "La frase dice {said}, pero las fuentes dan exactamente {allowed}: {claim}",
        "later_figure": "{said} es la cifra del {date}, presentada como si fuera el total; desde entonces: {text} (afirmación {id})",
        "report_contradicted": "La frase transmite una información que las fuentes no confirman. {explanation}",
        "rumour": "La frase transmite un rumor; lo que dice concuerda con las fuentes, pero un rumor no es una fuente. {explanation}",
        "rejects_false": "La frase rechaza una afirmación errónea. {explanation}",
        "denies_other": "La frase lo niega, pero la afirmación misma se considera «{verdict}»: {explanation}",
        "no_longer": "Ya no es así. {since}",
        "held_until": "Válido hasta el {date}",
        "no_longer_holds": "Ya no es válido",
        "since_then": "{held}; desde entonces: {text} (afirmación {id})",
        "and": " y ",
        "claim": "afirmación",
        "why": "por qué",
        "source": "fuente",
        "candidate": "candidato",
        "hedged": "presentado como rumor",
        "more_than": "más de ", "at_least": "al menos ", "about": "alrededor de ", "less_than": "menos de ",
        "at_most": "como máximo ", "exactly": "",
    },
    percent="{number} %",
    amount_words=((1e12, "billón", "billones"), (1e9, "mil millones", "mil millones"), (1e6, "millón", "millones")),
    scaled_amount="{number} {word} {name}",
    plain_amount="{number} {symbol}",
    decimal_mark=",",
    currency_names={"usd": "de dólares", "eur": "de euros"},
)
