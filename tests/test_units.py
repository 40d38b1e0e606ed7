"""Figures with units (issue 14), through the real CLI on a small base that is not about money
(tests/data/tower.yaml): lengths and temperatures converted with pint, counts that are never dollars,
years of any era, and the default currency a base may declare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import DATA
from dealcheck.languages import LANGUAGES
from dealcheck.normalize import extract_quantities
from dealcheck.units import DIMENSIONS, in_base_units

TOWER = DATA / "tower.yaml"


@pytest.fixture
def tower(run):
    def check(sentence: str) -> dict:
        r = run("--claims", str(TOWER), "--format", "json", sentence)
        [finding] = r.json()
        return finding

    return check


@pytest.mark.parametrize(
    ("sentence", "claim", "verdict", "said", "allowed"),
    [
        ("The Test Tower is 300 metres tall.", "tower-height", "false", "300 m", "330 m"),
        ("Water boils at 90 degrees Celsius at sea level.", "water-boils", "false", "90 °C", "100 °C"),
        ("The Test Tower was built in 1899.", "tower-built", "false", "1899", "1889"),
    ],
)
def test_a_wrong_figure_with_a_unit_is_false_with_both_figures(tower, sentence: str, claim: str, verdict: str, said: str, allowed: str):
    f = tower(sentence)
    assert (f["claim"]["id"], f["verdict"]) == (claim, verdict)
    assert f["explanation"].startswith(f"The sentence says {said}, but the sources give {allowed}")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("The Test Tower is 1,083 feet tall.", "tower-height"),  # 330.1 m
        ("The Test Tower is 0.33 km tall.", "tower-height"),
        ("Water boils at 212 °F at sea level.", "water-boils"),
        ("Water boils at 100°C at sea level.", "water-boils"),
        ("The Test Tower was built in 1889.", "tower-built"),
        ("The Test Tower has 1,665 steps.", "tower-steps"),
    ],
)
def test_the_same_figure_in_another_unit_is_true(tower, sentence: str, claim: str):
    f = tower(sentence)
    assert (f["claim"]["id"], f["verdict"]) == (claim, "true")


def test_a_count_is_a_plain_number_never_dollars(tower):
    f = tower("The Test Tower has 1,700 steps.")
    assert (f["claim"]["id"], f["verdict"]) == ("tower-steps", "false")
    assert f["explanation"].startswith("The sentence says 1700 steps, but the sources give 1665 steps")
    f = tower("The Test Tower receives 20 million visitors a year.")
    assert (f["claim"]["id"], f["verdict"]) == ("tower-visitors", "false")
    assert f["explanation"].startswith("The sentence says 20 million visitors, but the sources give 6 million visitors")
    for finding in (f, tower("The Test Tower has 1,700 steps.")):
        assert "$" not in finding["explanation"] and "dollar" not in finding["explanation"]


def test_a_count_of_another_thing_is_not_compared(tower):
    f = tower("The Test Tower has 1,665 steps and 3 lifts.")
    assert (f["claim"]["id"], f["verdict"]) == ("tower-steps", "true")


def test_a_declared_default_currency_reads_scaled_figures_as_money(run, tmp_path: Path):
    base = yaml.safe_load(TOWER.read_text(encoding="utf-8"))
    base["topic"] = {"currency": "eur"}
    base["claims"][3]["numbers"] = [{"value": "€6 million"}]
    path = tmp_path / "eur.yaml"
    path.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    [f] = run("--claims", str(path), "-f", "json", "The Test Tower receives 20 million visitors a year.").json()
    assert f["explanation"].startswith("The sentence says €20 million, but the sources give €6 million")


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ({"value": "330", "unit": "furlongs"}, "numbers[0].unit: cannot read '330' as a figure in 'furlongs'"),
        ({"value": "330"}, "numbers[0].value: cannot read '330' as one figure with a unit"),
        ({"value": "27%", "unit": "year"}, "numbers[0].unit: cannot read '27%' as a figure in 'year'"),
    ],
)
def test_a_figure_the_validator_cannot_read_is_one_line_and_exit_2(run, tmp_path: Path, number: dict, message: str):
    base = yaml.safe_load(TOWER.read_text(encoding="utf-8"))
    base["claims"][0]["numbers"] = [number]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    r = run("claims", "validate", "--claims", str(path))
    assert r.code == 2
    [line] = [x for x in r.err.splitlines() if "numbers[0]" in x]
    assert message in line


def test_a_bad_default_currency_is_one_line_and_exit_2(run, tmp_path: Path):
    base = yaml.safe_load(TOWER.read_text(encoding="utf-8"))
    base["topic"] = {"currency": "gbp"}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    r = run("claims", "validate", "--claims", str(path))
    assert r.code == 2 and "topic.currency: 'gbp' is not one of usd, eur" in r.err


def test_import_writes_counts_and_old_years_that_read_back(run, tmp_path: Path):
    reviews = [
        {"@context": "https://schema.org", "@type": "ClaimReview", "url": f"https://factcheck.example/{i}",
         "claimReviewed": text, "author": {"@type": "Organization", "name": "Example Checks"},
         "reviewRating": {"@type": "Rating", "alternateName": rating}}
        for i, (text, rating) in enumerate([
            ("The Test Tower receives 20 million visitors a year.", "True"),
            ("The Test Tower has 1,665 steps.", "Mostly True"),
            ("The Test Tower was built in 1889.", "True"),
        ])
    ]
    f = tmp_path / "reviews.json"
    f.write_text(json.dumps(reviews), encoding="utf-8")
    out = tmp_path / "imported.yaml"
    assert run("claims", "import", str(f), "-o", str(out)).code == 0
    claims = yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
    assert [c["numbers"] for c in claims] == [
        [{"value": "20 million visitors", "relation": "exactly"}],
        [{"value": "1665 steps", "relation": "exactly", "unit": "count"}],
        [{"value": "1889", "relation": "exactly", "unit": "year"}],
    ]
    assert "$" not in out.read_text(encoding="utf-8")
    [finding] = run("--claims", str(out), "-f", "json", "The Test Tower has 1,700 steps.").json()
    assert finding["verdict"] == "false"


def test_declared_units_survive_export_and_import(run, tmp_path: Path):
    exported = tmp_path / "tower.json"
    exported.write_text(run("claims", "export", "--claims", str(TOWER)).out, encoding="utf-8")
    back = tmp_path / "back.yaml"
    assert run("claims", "import", str(exported), "-o", str(back)).code == 0
    units = {c["id"]: [n.get("unit") for n in c["numbers"]] for c in yaml.safe_load(back.read_text(encoding="utf-8"))["claims"]}
    assert units == {"tower-height": ["metres"], "tower-built": ["year"], "tower-steps": ["count"], "tower-visitors": [None], "water-boils": [None]}


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("built in 1889", "year", 1889),
        ("« en 1889 »", "year", 1889),
        ("in 1500 cities", "", 1500),  # a noun after it: a count, not a year
        ("1500 employees", "", 1500),
        ("an 80-million-year-old shark", "duration", 80e6 * 31557600),
        ("5 ans", "duration", 5 * 31557600),
        ("a 13 m tower", "length", 13),
        ("20 kilomètres", "length", 20000),
        ("3 tonnes", "mass", 3000),
    ],
)
def test_what_a_figure_is_read_as(text: str, unit: str, value: float):
    [q] = extract_quantities(text)[1]
    assert q.unit == unit and q.value == pytest.approx(value)


def test_every_unit_word_of_every_language_is_a_dimension_dealcheck_compares():
    for language in LANGUAGES:
        for unit in language.units:
            assert in_base_units(1.0, unit)[0] in DIMENSIONS, (language.code, unit)
