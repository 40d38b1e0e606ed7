"""A language is one module in languages/: Spanish, defined there and nowhere else, through the real CLI."""

from __future__ import annotations

import re

import pytest

from conftest import DATA
from dealcheck.languages import LANGUAGES, get
from dealcheck.normalize import Normalizer

PUENTE = DATA / "puente.yaml"


@pytest.fixture
def puente(run):
    def invoke(*args: str):
        return run("--claims", str(PUENTE), *args)

    return invoke


def test_a_wrong_figure_is_false_in_spanish(puente):
    r = puente("La construcción del Puente de Ejemplo costó 300 millones de euros.")
    assert r.code == 1
    assert r.out.split()[:2] == ["FALSO", "La"] and "La construcción del Puente de Ejemplo" in r.out
    assert "La frase dice 300 millones de euros, pero las fuentes dan 120 millones de euros: " in " ".join(r.out.split())
    assert re.search(r"^  afirmación +puente-coste: ", r.out, flags=re.M)


def test_a_spanish_fraction_is_a_figure(puente):
    [f] = puente("--format", "json", "El río Ejemplo aporta la mitad del agua de la ciudad.").json()
    assert (f["claim"]["id"], f["verdict"], f["lang"]) == ("rio-agua", "false", "es")
    assert f["explanation"].startswith("La frase dice 50 %, pero las fuentes dan 40 %")


def test_a_spanish_negation_denies_the_claim(puente):
    [f] = puente("--format", "json", "El Puente de Ejemplo no tiene peaje para los camiones.").json()
    assert (f["claim"]["id"], f["verdict"]) == ("puente-peaje", "false")
    assert f["explanation"].startswith("La frase niega lo que confirman las fuentes")
    [f] = puente("--format", "json", "El Puente de Ejemplo tiene un peaje para los camiones.").json()
    assert f["verdict"] == "true"


def test_spanish_qualifiers_and_hedges(puente):
    [f] = puente("--format", "json", "El Puente de Ejemplo costó más de 100 millones de euros.").json()
    assert (f["claim"]["id"], f["verdict"]) == ("puente-coste", "true")
    [f] = puente("--format", "json", "Según fuentes, el puente costó 120 millones de euros.").json()
    assert (f["claim"]["id"], f["hedged"]) == ("puente-coste", True)


def test_spanish_function_words_are_not_matching_terms(puente):
    only_function_words = "Por la mañana, con los amigos, para ella es una de las mejores."
    [f] = puente("--format", "json", only_function_words).json()
    assert (f["verdict"], f["claim"], f["explanation"]) == ("unknown", None, "Ninguna afirmación de la base corresponde a esta frase.")
    normalizer = Normalizer({})
    assert {"los", "para", "con", "una", "las"} <= set(normalizer.analyse(only_function_words, lang="en").tokens)
    assert normalizer.analyse(only_function_words, lang="es").tokens == ["manan", "amig", "ella", "mejor"]


def test_lang_auto_detects_spanish_and_lang_es_is_a_choice(puente):
    sentence = "El Puente de Ejemplo no tiene peaje para los camiones."
    assert puente(sentence).out.startswith("FALSO  ")
    assert puente("--lang", "auto", sentence).out == puente(sentence).out
    assert puente("--lang", "es", "The bridge is long.").out.startswith("DESCONOCIDO  ")
    assert puente("--lang", "en", sentence).out.startswith("FALSE  ")


def test_names_with_spanish_articles_leave_an_english_sentence_english():
    normalizer = Normalizer({})
    for sentence in ("Los Angeles Freeway Chickens", "El Paso Gun Battle", "Lana Del Rey Bans Flags"):
        assert normalizer.analyse(sentence).lang == "en"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_language_writes_every_message(language):
    english = get("en")
    assert language.messages.keys() == english.messages.keys()
    assert language.verdict_labels.keys() == english.verdict_labels.keys()
    assert language.currency_names.keys() == english.currency_names.keys()
