"""French."""

from __future__ import annotations

from .language import Language

FRENCH = Language(
    code="fr",
    stemmer="french",
    text2num="fr",
    mixed=True,
    stop_words=frozenset(
        "le la les l un une des du de d et ou a au aux en dans sur sous par pour avec sans que qu qui quoi dont "
        "ce cet cette ces son sa ses leur leurs il elle ils elles on nous vous je me se s est sont etait ete etre "
        "a ont avait avoir fait plus moins tres aussi ainsi comme mais donc or ni car ne n pas jamais aucun aucune "
        "y c j m t lui eux notre nos votre vos mon ma mes ton ta tes tout tous toute toutes autre autres rien sans personne".split()
    ),
    markers=frozenset(
        "le la les de des du et est une dans pour avec qui que sur au aux sont ont ses cette ce pas d l qu n selon "
        "en il elle ne mais leur son sa aussi jusqu".split()
    ),
    # The patterns run on words joined by single spaces: « n'a plus » is "n a plus".
    negations=(
        "pas", "jamais", "aucune?", "ni", "nullement", "guere", "rien", "personne", r"ne? \w+ plus", "(?:et|mais|ou) non",
        "non pas",
        # « il est faux que … », « il est faux de dire qu'… »: the sentence rejects what follows.
        "(?:inexact|faux|erronee?s?) que?", r"faux de (?:dire|pretendre|croire|penser) qu\w*",
    ),
    negation_openers=("ne?",),
    denial_cues=(
        "pas", "jamais", "aucune?", "ni", "nullement", "guere", "rien", "personne", "plus", "non", "inexact", "faux",
        "erronee?s?", "plutot", "lieu", "contrairement",
    ),
    # « ne … plus que », « rien d'autre que » say "only"; « tant que le panel n'a pas vérifié l'IAG » says
    # "until" (but « en tant que » is "as").
    not_denials=(
        r"ne? \w+ plus qu", r"ne? (?:\w+ ){1,2}qu(?:e)?", "rien d autre que", r"aucune? autres? (?:\w+ ){0,6}?que",
        r"(?<!\ben )(?:tant|aussi longtemps|jusqu a ce) que?\b.*",
    ),
    privatives=(
        r"arret\w*", "cess(?:e|ent|er|era|erait|ation)", "exclu(?:t|ent|re|e|es|s)?", r"renonc\w*", r"supprim\w*",
        r"echapp\w*", r"remplac\w*", r"perd\w*", "met(?:tre|tent)? fin", "mis fin", r"secret\w*", r"confidenti\w*",
    ),
    contrasts=("plutot que", "plutot qu", "au lieu de", "au lieu d", "contrairement a"),
    name_negators=frozenset({"non", "sans"}),
    rumours=("rumeurs?", "speculation", r"specule\w*", "pourparlers", "la rumeur", "bruits? de couloir"),
    hedges=(
        "(?:selon|d'apres) (?:des|les) (?:sources|rapports|medias|informations)",
        "(?:selon|d'apres) (?:plusieurs|certaines) sources", "(?:selon|d'apres) la presse",
        "des sources (?:suggerent|indiquent)", "des rapports (?:suggerent|indiquent)",
        "aurait", "auraient", "serait", "seraient", "rumeurs?", "apparemment", "supposement", "pretendument",
        r"(?:selon|d'apres) (?:un|une|le|la|les|des|plusieurs|deux|trois)? ?(?:\w+ ){0,2}?"
        r"(?:sources?|rapports?|medias|presse|informations|personnes|proches|initie)",
        "(?:selon|d'apres) {outlet}",
        "(?:a|avait|ont|avaient|aurait) (?:rapporte|revele)", r"rapporte (?:le|la|les) \w+", "{outlet} (?:rapporte|revele|indique)",
    ),
    conditionals=(),  # its conditional of hearsay (« aurait ») is among the hedges
    past=(
        "auparavant", "precedemment", "precedente?s?", "anciennement",
        "ancienn?e?s? (?:accord|contrat|clause|structure|partenariat|regle)s?", "a l'epoque", "a cette epoque",
        "jusqu'alors", "jusque-la", "initialement", "a l'origine", "autrefois", "naguere", "par le passe",
        # « l'accord initial », « le premier contrat », « avant les récentes levées de fonds », « jusqu'à récemment »
        "(?:accord|contrat|partenariat|arrangement|clause)s? (?:initiale?s?|d'origine|originele?s?)",
        "(?:premiere?|ancienne?) (?:accord|contrat|partenariat|version)", "jusqu'a recemment", "au depart", "a ses debuts",
        "avant (?:les|la|le|sa|son|ses) (?:recente?s?|nouvelle?s?|nouvel|derniere?s?) (?:levees?|tours?|investissements?|restructuration|recapitalisation)",
    ),
    ordinals=("premiere?s?", "initiale?s?", "initialement", "d'abord", "a l'origine"),
    scope_breaks=("mais", "alors que", "tandis que", "bien que", "quoique"),
    qualifiers={
        "plus de": "more_than", "plus d'": "more_than", "un peu plus de": "more_than", "au-dela de": "more_than",
        "au dela de": "more_than", "superieure a": "more_than", "superieur a": "more_than",
        "au moins": "at_least", "pas moins de": "at_least",
        "environ": "about", "pres de": "about", "pres d'": "about", "quelque": "about", "autour de": "about",
        "approximativement": "about", "a peu pres": "about", "presque": "about", "pratiquement": "about",
        "quasiment": "about", "de l'ordre de": "about", "une part d'environ": "about",
        "moins de": "less_than", "moins d'": "less_than", "jusqu'a": "at_most", "au plus": "at_most",
        "au maximum": "at_most", "exactement": "exactly", "depuis": "since",
    },
    scales={
        "mille": 1e3, "million": 1e6, "millions": 1e6, "mio": 1e6,
        "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
    },
    fractions={
        "50%": ("la moitie", "moitie"),
        "25%": ("un quart", "quart"),
        "75%": ("trois quarts",),
        "33.3%": ("un tiers", "tiers"),
        "66.7%": ("deux tiers",),
        "20%": ("un cinquieme",),
        "10%": ("un dixieme",),
    },
    percent_words=("pour ?cent", "pourcent"),
    number_words=(
        "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze",
        "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "mille",
        r"(?:un|une)\s+(?:milliard|million|billion|trillion)s?",
    ),
    currency_links=("de ", "d'"),
    units={
        "meter": ("metres?",), "kilometer": ("kilometres?",), "centimeter": ("centimetres?",),
        "kilogram": ("kilogrammes?", "kilos?"), "tonne": ("tonnes?",),
        # « 100 degrés » is Celsius: French writes no other scale for the weather or the kitchen.
        "degC": ("degres? celsius", "degres?"),
        "year": ("ans?", "annees?"), "month": ("mois",), "week": ("semaines?",), "day": ("jours?",), "hour": ("heures?",),
        "meter ** 2": ("metres? carres?",), "liter": ("litres?",),
    },
    year_context=("en", "depuis", "jusqu'en", "annee", "l'an"),
    range_from=("de", "d'"),
    range_to=("a",),
    pronouns=frozenset({"elle", "il", "sa", "son", "ses"}),
    abbreviations=frozenset(
        # titles
        "Mme Mlle Mmes Mlles MM Me Mgr Pr Dre Ste "
        # months
        "janv févr fév avr juil sept déc "
        # references
        "av Av bd Bd boul env éd chap n° N° tél Tél art.-L art.-R".split()
    ),
    sentence_starters=frozenset(
        "Le La Les L Un Une Des Ce Cet Cette Ces Il Elle Ils Elles On Nous Vous Je "
        "Son Sa Ses Leur Leurs Mais Et Or Donc Puis Ensuite Cependant Toutefois Pourtant "
        "En Dans Pour Par Selon Après Avant Lorsque Quand Alors Ainsi Depuis Si C D Au Aux "
        "Du À Comment Pourquoi Qui Où Est M Mme".split()
    ),
    relatives=("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "ce qui"),
    clause_openers=("tandis que", "alors que", "bien que", "tout en", "mais"),
    comma_joins=("et", "mais"),
    verb_joins=("et (?:a|ont|va|vont|sera|seront|devra|peut|pourra|doit|aura|est)",),
    leading_conjunctions=("et", "mais"),
    verdict_labels={
        "true": "VRAI", "false": "FAUX", "misleading": "TROMPEUR", "unverified": "NON VÉRIFIÉ",
        "outdated": "DÉPASSÉ", "unknown": "INCONNU",
    },
    messages={
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
    percent="{number} %",
    amount_words=((1e12, "billion", "billions"), (1e9, "milliard", "milliards"), (1e6, "million", "millions")),
    scaled_amount="{number} {word} {name}",
    plain_amount="{number} {symbol}",
    decimal_mark=",",
    currency_names={"usd": "de dollars", "eur": "d'euros"},
)
