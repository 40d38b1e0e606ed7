"""Figures, aliases and negation as written in English and French."""

from __future__ import annotations

import pytest

from dealcheck.normalize import Normalizer, alias_table, extract_quantities

B = 1e9


@pytest.mark.parametrize(
    ("text", "value", "unit", "relation"),
    [
        ("13 milliards de dollars", 13 * B, "usd", "exactly"),
        ("13 Md$", 13 * B, "usd", "exactly"),
        ("13 Mds $", 13 * B, "usd", "exactly"),
        ("13 000 000 000 $", 13 * B, "usd", "exactly"),
        ("13\u202f000\u202f000\u202f000 $", 13 * B, "usd", "exactly"),
        ("13,5 milliards", 13.5 * B, "count", "exactly"),
        ("treize milliards de dollars", 13 * B, "usd", "exactly"),
        ("thirteen billion dollars", 13 * B, "usd", "exactly"),
        ("$13.5bn", 13.5 * B, "usd", "exactly"),
        ("US$13 billion", 13 * B, "usd", "exactly"),
        ("$13B", 13 * B, "usd", "exactly"),
        ("$13,000,000,000", 13 * B, "usd", "exactly"),
        ("more than $13 billion", 13 * B, "usd", "more_than"),
        ("plus de 13 milliards de dollars", 13 * B, "usd", "more_than"),
        ("environ 135 milliards de dollars", 135 * B, "usd", "about"),
        ("13 milliards d'euros", 13 * B, "eur", "exactly"),
        ("49%", 49, "pct", "exactly"),
        ("49 %", 49, "pct", "exactly"),
        ("49 percent", 49, "pct", "exactly"),
        ("49 per cent", 49, "pct", "exactly"),
        ("49 pour cent", 49, "pct", "exactly"),
        ("quarante-neuf pour cent", 49, "pct", "exactly"),
        ("32,5 %", 32.5, "pct", "exactly"),
        ("half", 50, "pct", "exactly"),
        ("la moitié", 50, "pct", "exactly"),
        ("près de la moitié", 50, "pct", "about"),
        ("près d'un quart", 25, "pct", "about"),
        ("roughly a third", 33.3, "pct", "about"),
        ("through 2032", 2032, "year", "exactly"),
        ("jusqu'en deux mille trente", 2030, "year", "exactly"),
    ],
)
def test_figures(text: str, value: float, unit: str, relation: str):
    _, [q] = extract_quantities(text)
    assert (q.unit, q.relation) == (unit, relation)
    assert q.value == pytest.approx(value)


def test_plain_numbers_and_distances_are_not_money():
    _, found = extract_quantities("It has 12 board members and a 13 m tower.")
    assert [(q.value, q.unit, q.noun) for q in found] == [(12, "", "board"), (13, "length", "")]


def test_a_scaled_figure_without_a_currency_is_money_only_where_the_base_says_so():
    assert [(q.value, q.unit) for q in extract_quantities("13,5 milliards", currency="usd")[1]] == [(13.5 * B, "usd")]
    assert [(q.value, q.unit, q.noun) for q in extract_quantities("20 million visitors")[1]] == [(20e6, "count", "visitors")]


def test_years_are_exact_not_within_a_percentage():
    _, [claim] = extract_quantities("2030")
    _, [said] = extract_quantities("2029")
    assert not said.agrees_with(claim)


def test_about_allows_five_percent():
    _, [claim] = extract_quantities("about 27%")
    assert extract_quantities("28%")[1][0].agrees_with(claim)
    assert not extract_quantities("30%")[1][0].agrees_with(claim)


NORM = Normalizer(
    alias_table(
        [
            ("microsoft", "Microsoft", ["Redmond", "le géant de Redmond"]),
            ("openai", "OpenAI", ["Open AI", "the ChatGPT maker"]),
            ("foundation", "OpenAI Foundation", ["Fondation OpenAI"]),
            ("mou", "memorandum of understanding", ["MOU", "protocole d'accord"]),
            ("pbc", "public benefit corporation", ["PBC", "société d'intérêt général", "entreprise à mission"]),
        ]
    )
)


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Le géant de Redmond a signé un protocole d'accord avec Open AI.", {"microsoft", "mou", "openai"}),
        ("The ChatGPT maker signed an MOU.", {"openai", "mou"}),
        ("La Fondation OpenAI contrôle l'entreprise à mission.", {"foundation", "openai", "pbc"}),
        ("OpenAI deviendra une société d'intérêt général.", {"openai", "pbc"}),
    ],
)
def test_aliases(text: str, entities: set[str]):
    assert NORM.analyse(text).entities == entities


def test_a_negated_name_does_not_name_what_it_negates():
    norm = Normalizer(alias_table([("nonprofit", "nonprofit", ["not-for-profit"]), ("forprofit", "for-profit", ["for profit"])]))
    assert norm.analyse("OpenAI's not-for-profit parent keeps control.").entities == {"nonprofit"}
    assert norm.analyse("OpenAI's for-profit arm.").entities == {"forprofit"}


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Microsoft n'a pas investi dans OpenAI.", True),
        ("Microsoft ne possède aucune part d'OpenAI.", True),
        ("Microsoft n'a jamais investi.", True),
        ("Microsoft ne détient plus d'exclusivité.", True),
        ("Microsoft has not invested.", True),
        ("Microsoft doesn't own OpenAI.", True),
        ("Microsoft has no stake.", True),
        ("Microsoft a investi plus de 13 milliards.", False),
        ("OpenAI reste une organisation à but non lucratif.", False),
        ("The MOU is non-binding.", False),
        # "tant que … n'a pas", "jusqu'à ce que … ne l'ait pas" say "until", and "que" is spelt out as often as elided
        ("OpenAI partage ses revenus tant que le panel n'a pas vérifié l'IAG.", False),
        ("OpenAI partage ses revenus tant qu'aucun panel n'a vérifié l'IAG.", False),
        # « en tant que » means "as": the negation after it still counts
        ("Microsoft agit en tant que partenaire et ne contrôle pas OpenAI.", True),
        ("OpenAI partage ses revenus jusqu'à ce que le panel ne l'ait pas vérifiée.", False),
    ],
)
def test_negation(text: str, negated: bool):
    assert NORM.analyse(text).negated is negated


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Selon des sources, Microsoft aurait droit à 49 %.", True),
        ("Microsoft reportedly gets 49% of profits.", True),
        ("Microsoft gets 49% of profits, according to reports.", True),
        ("According to press reports, Microsoft gets 49% of profits.", True),
        ("D'après la presse, Microsoft aurait droit à 49 %.", True),
        ("Selon la presse, Microsoft touche 49 % des bénéfices.", True),
        ("Selon l'accord, Microsoft touche une part des revenus.", False),
        ("Microsoft a droit à 49 % des bénéfices.", False),
    ],
)
def test_hedging(text: str, hedged: bool):
    assert NORM.analyse(text).hedged is hedged


def test_language_detection():
    assert NORM.analyse("Microsoft détient 27 % du capital d'OpenAI.").lang == "fr"
    assert NORM.analyse("Microsoft holds 27% of OpenAI's equity.").lang == "en"
