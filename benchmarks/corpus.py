"""Generate news-like English and French prose with deal sentences mixed in (about 1 in 50).

The filler is built from a small grammar, so the corpus is reproducible (seeded) and of any
size without shipping text; the deal sentences are statements a newspaper could print,
true and false, in both languages.
"""

from __future__ import annotations

import random
from pathlib import Path

SUBJECTS_EN = ["The company", "The regulator", "Analysts", "The chief executive", "Investors", "The board", "A spokesperson",
               "The startup", "Shareholders", "The ministry", "Local officials", "The union", "Researchers", "The court"]
VERBS_EN = ["said", "expects", "announced", "warned", "reported", "confirmed", "denied", "estimated", "predicted", "noted"]
OBJECTS_EN = ["that sales would rise in the third quarter", "a new round of layoffs in its hardware unit",
              "that the merger would close by March", "higher energy costs across Europe", "a 4.2% drop in revenue",
              "plans for a new data centre in Ohio", "that talks with suppliers had stalled", "record traffic on its platform",
              "a delay to the product launch", "that inflation was easing", "a $2.5B bond issue", "new rules for app stores"]
TAILS_EN = ["", " on Tuesday", " in a statement", ", according to Reuters", " after markets closed", " despite the weather",
            ", Dr. Smith added", " at 3 p.m. local time", " in Washington, D.C.", " (see Fig. 2)"]

SUBJECTS_FR = ["L'entreprise", "Le régulateur", "Les analystes", "Le directeur général", "Les investisseurs", "Le conseil",
               "Une porte-parole", "La start-up", "Les actionnaires", "Le ministère", "Les élus locaux", "Le syndicat", "M. Dupont"]
VERBS_FR = ["a indiqué", "prévoit", "a annoncé", "a averti", "a confirmé", "a démenti", "estime", "a rappelé", "a souligné"]
OBJECTS_FR = ["que les ventes progresseraient au troisième trimestre", "une nouvelle vague de suppressions de postes",
              "que la fusion serait bouclée d'ici mars", "une hausse des coûts de l'énergie en Europe", "un recul de 4,2 % du chiffre d'affaires",
              "un projet de centre de données près de Lyon", "que les discussions avec les fournisseurs étaient bloquées",
              "une fréquentation record de sa plateforme", "un report du lancement", "une émission obligataire de 2,5 Md€"]
TAILS_FR = ["", " mardi", " dans un communiqué", ", selon l'AFP", " après la clôture", " malgré la grève", " à Paris", " (voir p. 4)"]

DEAL_SENTENCES = [
    "Microsoft owns 49% of OpenAI, according to several reports.",
    "Microsoft has invested more than $13 billion in OpenAI.",
    "After the recapitalisation, Microsoft holds about 27% of OpenAI Group PBC.",
    "Azure is OpenAI's exclusive cloud provider.",
    "OpenAI's nonprofit will receive a stake worth more than $100 billion.",
    "Microsoft's rights to OpenAI's models and products run through 2032.",
    "OpenAI has committed to buy an additional $250 billion of Azure services.",
    "Microsoft a investi plus de 13 milliards de dollars dans OpenAI.",
    "Microsoft détient 49 % du capital d'OpenAI.",
    "La Fondation OpenAI contrôle désormais OpenAI Group PBC.",
    "Microsoft et OpenAI ont signé un protocole d'accord non contraignant.",
    "Microsoft a droit à 49 % des bénéfices futurs d'OpenAI.",
]


# Deal-dense text: statements about the deal back to back, as a newswire or a fact-checker's queue has them,
# from templates with the parties named or referred to, figures, years and clauses varied (EN and FR).
_PARTIES_EN = ["Microsoft", "the tech giant", "Redmond", "the software maker"]
_OTHER_EN = ["OpenAI", "the ChatGPT maker", "the startup", "the company"]
_PARTIES_FR = ["Microsoft", "le géant de Redmond", "le groupe américain", "la firme de Redmond"]
_OTHER_FR = ["OpenAI", "la start-up", "le créateur de ChatGPT", "la société"]
_DEAL_TEMPLATES_EN = [
    "{a} owns {pct}% of {b}, according to {src}.",
    "{a} has invested ${amt} billion in {b} since {year}.",
    "{a} holds a stake of about {pct}% in {b}, worth roughly ${amt} billion.",
    "Under the {year} agreement, {a} keeps exclusive rights to {b}'s models until {year2}.",
    "{a} said {b} will buy an additional ${amt} billion of Azure services, while its right of first refusal ends.",
    "{b}'s nonprofit parent will receive a stake valued at more than ${amt} billion, the companies said.",
    "Previously, {b}'s board could declare AGI and cut {a} off from its most advanced models.",
    "{a} does not own {pct}% of {b}: its stake is about 27% after the recapitalisation.",
    "The revenue share between {a} and {b} runs until {year2}, reportedly at {pct}%.",
    "An independent expert panel must now verify any AGI declaration by {b}, {src} reported.",
]
_DEAL_TEMPLATES_FR = [
    "{a} détient {pct} % du capital de {b}, selon {src}.",
    "{a} a investi {amt} milliards de dollars dans {b} depuis {year}.",
    "{a} conserve une participation d'environ {pct} % dans {b}, valorisée quelque {amt} milliards de dollars.",
    "Selon l'accord de {year}, {a} garde des droits exclusifs sur les modèles de {b} jusqu'en {year2}.",
    "{b} achètera {amt} milliards de dollars de services Azure, tandis que {a} perd son droit de premier refus.",
    "L'organisation à but non lucratif de {b} recevra une participation de plus de {amt} milliards de dollars.",
    "Auparavant, le conseil de {b} pouvait déclarer l'AGI et priver {a} de ses modèles les plus avancés.",
    "{a} ne détient pas {pct} % de {b} : sa part est d'environ 27 % depuis la recapitalisation.",
    "Le partage des revenus entre {a} et {b} court jusqu'en {year2}, à hauteur de {pct} % selon la presse.",
    "Un panel d'experts indépendants devra désormais vérifier toute annonce d'AGI par {b}, selon {src}.",
]
_SOURCES = ["Reuters", "Bloomberg", "the Financial Times", "CNBC", "l'AFP", "Les Échos"]


def deal_sentence(rng: random.Random) -> str:
    fr = rng.random() < 0.45
    text = rng.choice(_DEAL_TEMPLATES_FR if fr else _DEAL_TEMPLATES_EN).format(
        a=rng.choice(_PARTIES_FR if fr else _PARTIES_EN), b=rng.choice(_OTHER_FR if fr else _OTHER_EN),
        pct=rng.choice(["27", "32.5", "49", "20", "26", "50", "75"]), amt=rng.choice([1, 10, 13, 100, 135, 250, 500]),
        year=rng.choice([2019, 2023, 2025]), year2=rng.choice([2030, 2032]), src=rng.choice(_SOURCES),
    )
    if fr:
        text = text.replace("32.5 %", "32,5 %").replace(" de OpenAI", " d'OpenAI")
    return text[0].upper() + text[1:]


def write_deal_dense(path: Path, sentences: int, seed: int = 5) -> None:
    """Write `sentences` deal sentences, a few to a paragraph."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < sentences:
            n = min(rng.randint(2, 5), sentences - written)
            out.write(" ".join(deal_sentence(rng) for _ in range(n)) + "\n\n")
            written += n


def _filler(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(SUBJECTS_EN)} {rng.choice(VERBS_EN)} {rng.choice(OBJECTS_EN)}{rng.choice(TAILS_EN)}."
    return f"{rng.choice(SUBJECTS_FR)} {rng.choice(VERBS_FR)} {rng.choice(OBJECTS_FR)}{rng.choice(TAILS_FR)}."


def write_corpus(path: Path, megabytes: float, seed: int = 7) -> int:
    """Write about `megabytes` MB of prose to `path`; return the number of sentences."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    size = sentences = 0
    with path.open("w", encoding="utf-8") as out:
        while size < target:
            paragraph = []
            for _ in range(rng.randint(3, 8)):
                sentence = rng.choice(DEAL_SENTENCES) if rng.random() < 0.02 else _filler(rng)
                paragraph.append(sentence)
            text = " ".join(paragraph) + "\n\n"
            out.write(text)
            size += len(text.encode("utf-8"))
            sentences += len(paragraph)
    return sentences


def synthetic_claims(path: Path, n: int, seed: int = 11) -> None:
    """A claim base of `n` distinct synthetic claims, for scaling measurements."""
    rng = random.Random(seed)
    nouns = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne",
             "Soylent", "Wonka", "Gringotts", "Oscorp", "Nakatomi", "Pied Piper", "Monarch", "Massive", "Aperture", "Black Mesa"]
    verbs = ["acquired", "invested in", "partnered with", "sued", "licensed technology from", "sold a stake to",
             "signed a cloud deal with", "merged with", "lent money to", "hired executives from"]
    words = ["solar", "battery", "chip", "robot", "drone", "satellite", "vaccine", "fibre", "quantum", "lithium",
             "wind", "hydrogen", "rail", "shipping", "steel", "cocoa", "coffee", "timber", "copper", "nickel"]
    lines = ["version: 1", "entities:"]
    for noun in nouns:
        lines += [f"  - id: {noun.lower().replace(' ', '_')}", f"    name: {noun}"]
    lines += ["sources:", "  - id: S1", "    title: Synthetic source", "    publisher: Benchmark", '    quotes: ["synthetic"]', "claims:"]
    for i in range(n):
        a, b = rng.sample(nouns, 2)
        w1, w2 = rng.sample(words, 2)
        amount = rng.randint(1, 900)
        year = rng.randint(1990, 2030)
        text = f"{a} {rng.choice(verbs)} {b}'s {w1} and {w2} business for ${amount} million in {year} (deal {i})."
        lines += [
            f"  - id: c{i}",
            f'    text: "{text}"',
            "    verdict: \"true\"",
            f"    subject: [{a.lower().replace(' ', '_')}, {b.lower().replace(' ', '_')}]",
            "    citations: [{source: S1, quote: synthetic}]",
            f'    numbers: [{{value: "${amount} million"}}]',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def synthetic_claimreviews(path: Path, n: int, seed: int = 13) -> None:
    """`n` ClaimReview objects shaped like a fact-checker's feed, for the import and big-base figures."""
    import json

    rng = random.Random(seed)
    people = ["The senator", "A viral post", "The minister", "A campaign ad", "The mayor", "An influencer", "The CEO",
              "A blog", "Le ministre", "Un député", "Une publication virale", "La porte-parole"]
    topics = ["unemployment", "vaccines", "tax cuts", "crime rates", "school funding", "wind farms", "electric cars",
              "inflation", "housing prices", "immigration", "le chômage", "les retraites", "la dette publique", "les impôts"]
    verbs = ["doubled", "fell by half", "rose", "cost", "saved", "created", "destroyed", "a augmenté de", "a baissé de"]
    ratings = ["False", "Mostly false", "Misleading", "True", "Half true", "Faux", "Trompeur", "Unproven", "Pants on Fire"]
    reviews = []
    for i in range(n):
        amount, year = rng.randint(2, 900), rng.randint(1990, 2025)
        text = f"{rng.choice(people)} says {rng.choice(topics)} {rng.choice(verbs)} {amount}% in {year} (claim {i})."
        reviews.append({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"https://factcheck.example/reviews/{i}", "claimReviewed": text,
            "author": {"@type": "Organization", "name": "Example Fact Check"}, "datePublished": "2025-01-01",
            "reviewRating": {"@type": "Rating", "alternateName": rng.choice(ratings)},
        })
    path.write_text(json.dumps(reviews), encoding="utf-8")
