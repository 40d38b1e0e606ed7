"""English. Its messages are the reference: every language gives the same keys."""

from __future__ import annotations

from .language import Language

ENGLISH = Language(
    code="en",
    stemmer="english",
    text2num="en",
    mixed=True,
    stop_words=frozenset(
        "a an the of and or to in on at by for with from as is are was were be been being has have had do does did "
        "it its this that these those which who whom whose what will would shall should can could may might must "
        "than then so such into onto over under about after before since until through also just only its their "
        "they them he she his her we our you your i me my us there here now all any some each more most other "
        "s t not no never none nor neither cannot other nothing without".split()
    ),
    markers=frozenset("the of and is to in has have its that with for on by was are it will be an".split()),
    negations=(
        "not", "never", "no", "none", "neither", "nor", "cannot", "nobody", "nothing", "no longer",
        # "It is false that …": the sentence rejects what follows.
        "(?:false|untrue|wrong|incorrect|a myth|inexact) (?:to (?:say|claim|suggest|believe) )?that",
    ),
    negation_openers=(),
    denial_cues=(
        "not", "never", "no", "none", "neither", "nor", "cannot", "nobody", "nothing", "longer", "false", "untrue",
        "wrong", "incorrect", "myth", "inexact", "rather", "instead",
    ),
    # "nothing but" says "only".
    not_denials=(
        "nothing (?:but|more than|other than|else than)", "no (?:more|other) than", "none other than",
        r"not (?:\w+ ){0,6}?any (?:\w+ ){0,3}?other than",
    ),
    privatives=(
        "stop(?:s|ped|ping)?", "ceas(?:e|es|ed|ing)", "exclud(?:e|es|ed|ing)", "scrap(?:s|ped)?", "abandon(?:s|ed)?",
        r"replac(?:e|es|ed|ing)", r"terminat\w*", "los(?:e|es|t|ing)", "gave up", "give up", "gives up", "put an end",
        "ends?", "ended", r"secret\w*", r"confidenti\w*", "undisclosed", "under wraps",
    ),
    contrasts=("rather than", "instead of"),
    name_negators=frozenset({"not", "non", "no"}),
    rumours=(r"rumou?r(?:s|ed)?", r"speculat\w*", "in talks", "is said to", "are said to"),
    hedges=(
        "reportedly", "allegedly", "rumou?red", "rumou?rs?", "is said to", "are said to",
        "apparently", "supposedly", "purportedly", "(?:is|are|was|were) believed to",
        "according to (?:(?:press|media|news) )?(?:reports|sources|people|a report|the press|the media)",
        "sources (?:say|said|suggest)", "reports (?:say|said|suggest)", "people familiar",
        r"according to (?:an?|the|one|two|three|several|multiple|anonymous|unnamed)? ?(?:\w+ ){0,2}?"
        r"(?:reports?|sources?|people|persons?|insiders?|documents?|memo)",
        "according to {outlet}",
        "(?:the|a|media|press|news) reports? (?:said|says|mentioned|added|suggested|suggests|indicated|claimed|stated)",
        "(?:the (?:media|press)|media|press|news outlets?|{outlet}) (?:has |had |have )?(?:reported|revealed)",
        "(?:told|to|with) {outlet}",
        "sources? (?:added|told|close to|familiar)", "(?:a|one|two|three) sources?", "people (?:close|briefed|with knowledge)",
        "an? (?:person|people|insider) (?:familiar|close|briefed)", "insiders? (?:said|say)",
    ),
    conditionals=("would",),
    past=(
        "previously", "formerly", "(?:the|an|its|their) earlier", "previous",
        "prior (?:agreement|deal|contract|arrangement|terms|to)", "originally", "initially", "at the time", "back then",
        "until then", "used to", "in the past",
        "old (?:deal|agreement|contract|terms|clause|arrangement|structure|partnership)",
        # An arrangement named by its place in time, or a state said to be over: "was once", "until recently".
        "(?:original|initial|first|former) (?:deal|agreement|contract|terms|clause|arrangement|structure|partnership)",
        "(?:was|were|had been) once", "until recently", "at first",
        "before (?:the|its|openai's) (?:new|latest|recent|last|most recent) (?:funding|fundraising|round|investment|restructuring|recapitali[sz]ation)",
    ),
    ordinals=("first", "initial", "initially", "original", "originally", "opening"),
    scope_breaks=("but", "while", "whereas", "although", "though"),
    qualifiers={
        "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
        "in excess of": "more_than", "at least": "at_least", "no less than": "at_least",
        "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
        "close to": "about", "nearly": "about", "almost": "about", "an estimated": "about", "approx.": "about",
        "less than": "less_than", "under": "less_than", "below": "less_than", "up to": "at_most", "at most": "at_most",
        "exactly": "exactly", "since": "since",
    },
    scales={
        "thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
        "trillion": 1e12, "trillions": 1e12, "tn": 1e12,
    },
    fractions={
        "50%": ("one half", "a half", "half"),
        "25%": ("a quarter", "one quarter"),
        "75%": ("three quarters",),
        "33.3%": ("a third", "one third"),
        "66.7%": ("two thirds",),
        "20%": ("a fifth", "one fifth"),
        "10%": ("a tenth", "one tenth"),
    },
    percent_words=("per ?cent", "pct"),
    number_words=(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", r"(?:a|one)\s+(?:million|billion|trillion)s?",
    ),
    currency_links=(),
    # Symbols are international: English is read in every sentence (it is mixed), so they are given here once.
    # A lone "m" after a number is a metre; "13m", written close, is 13 million (see normalize._SCALE_LETTERS).
    units={
        "meter": ("metres?", "meters?", "m"), "kilometer": ("kilometres?", "kilometers?", "km"),
        "centimeter": ("centimetres?", "centimeters?", "cm"), "foot": ("feet", "foot", "ft"), "mile": ("miles?",),
        "kilogram": ("kilograms?", "kilogrammes?", "kilos?", "kg"), "tonne": ("tonnes?", "metric tons?"),
        "pound": ("pounds?", "lbs?"),
        # "°" folds to " deg " (see normalize.fold); a bare "degrees" may be an angle, so the scale is required.
        "degC": ("deg c", "degrees? celsius", "degrees? c", "celsius"),
        "degF": ("deg f", "degrees? fahrenheit", "degrees? f", "fahrenheit"),
        "year": ("years?",), "month": ("months?",), "week": ("weeks?",), "day": ("days?",), "hour": ("hours?",),
        "meter ** 2": ("square (?:metres?|meters?)", "sq m", "m2"), "kilometer ** 2": ("square (?:kilometres?|kilometers?)", "km2"),
        "liter": ("litres?", "liters?"),
    },
    year_context=("in", "since", "until", "till", "year"),
    range_from=("from",),
    range_to=("to",),
    pronouns=frozenset({"it", "its"}),
    abbreviations=frozenset(
        # titles and honorifics
        "Mr Mrs Ms Mx Dr Prof Sr Sen Rep Gov Gen Lt Col Capt Cmdr Sgt Rev Hon Pres Supt Insp Messrs Mt Ft St "
        # months
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
        # references
        "No Nos Vol vol p pp Fig fig Art art ch Ch sect e.g i.e E.g I.e viz vs v approx dept Dept".split()
    ),
    sentence_starters=frozenset(
        "The A An This That These Those It Its He She They We I You His Her Their Our "
        "In On At For But And However Yet So Then There Here As After Before When While "
        "Although Since If Meanwhile Still Also Shares Analysts According "
        "How What Why Who Where Which Did Do Does Is Are Was Were Can Will Mr Mrs Ms Dr".split()
    ),
    relatives=("which", "who", "whose"),
    clause_openers=("while", "whereas", "although", "though", "even as", "even though"),
    comma_joins=("and", "but", "as"),
    # "holds $130 billion in equity and will direct $25 billion"
    verb_joins=("and (?:will|would|has|have|had|is|was|were|can|could|may|must|also|now)",),
    leading_conjunctions=("and", "but"),
    verdict_labels={
        "true": "TRUE", "false": "FALSE", "misleading": "MISLEADING", "unverified": "UNVERIFIED",
        "outdated": "OUTDATED", "unknown": "UNKNOWN",
    },
    messages={
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
    percent="{number}%",
    amount_words=((1e12, "trillion", "trillion"), (1e9, "billion", "billion"), (1e6, "million", "million")),
    scaled_amount="{symbol}{number} {word}",
    plain_amount="{symbol}{number}",
    decimal_mark=".",
    currency_names={"usd": "dollars", "eur": "euros"},
)
