"""Claim-base validation: every error names file, line and field, and exits 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINI

GOOD = """\
version: 1
entities:
  - id: acme
    name: Acme
sources:
  - id: S1
    title: A title
    publisher: A publisher
    date: 2024-01-02
    quotes: ["Acme made 10 widgets."]
claims:
  - id: c1
    text: Acme made 10 widgets.
    verdict: "true"
    citations:
      - source: S1
        quote: "Acme made 10 widgets."
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "claims.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_good_base_loads(run, tmp_path: Path):
    r = run("--claims", str(write(tmp_path, GOOD)), "--format", "json", "Acme made 10 widgets.")
    assert r.json()[0]["verdict"] == "true"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    text: Acme", "    colour: red\n    text: Acme", ":13: claims[c1].colour: unknown key"),
        ('    verdict: "true"', "    verdict: maybe", ":14: claims[c1].verdict: 'maybe' is not one of true, false, misleading, unverified"),
        ("      - source: S1", "      - source: S9", ":16: claims[c1].citations[0].source: no source with id 'S9'"),
        ("    date: 2024-01-02", "    date: 2024-13-40", ":9: sources[0].date: expected a date YYYY-MM-DD"),
        ('        quote: "Acme made 10 widgets."', '        quote: "Acme made 11 widgets."', ":17: claims[c1].citations[0].quote: not found in the quotes of source 'S1'"),
        ("  - id: c1", "  - id: S 1", ":12: claims[0].id: 'S 1' is not a valid id"),
        ("    citations:\n      - source: S1\n        quote: \"Acme made 10 widgets.\"\n", "", ":12: claims[c1].citations: missing"),
        ("    text: Acme made 10 widgets.", "    text: Acme made 10 widgets.\n    replaced_by: c7", ":12: claims[c1].replaced_by: no claim with id 'c7'"),
        ("    text: Acme made 10 widgets.", "    text: Acme made 10 widgets.\n    subject: [globex]", ":14: claims[c1].subject: no entity with id 'globex'"),
        ("    text: Acme made 10 widgets.", "    text: Acme made 10 widgets.\n    numbers:\n      - value: lots", ":15: claims[c1].numbers[0].value: cannot read 'lots'"),
        ("    text: Acme made 10 widgets.", "    text: Acme made 10 widgets.\n    valid_from: 2024-05-01\n    valid_until: 2024-01-01", ":15: claims[c1].valid_until: is before valid_from"),
        ("version: 1", "version: 1\nversion: 1", ":2: version: duplicate key"),
        ("claims:", "claims:\n  - [", ":13: YAML:"),
        ("    text: Acme", "    ? [a]\n    : 1\n    text: Acme", ":13: (key): a key must be plain text"),
    ],
)
def test_each_error_names_file_line_and_field(run, tmp_path: Path, old: str, new: str, expected: str):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    r = run("--claims", str(path), "Acme made 10 widgets.")
    assert r.code == 2
    assert f"dealcheck: error: {path}{expected}" in r.err, r.err
    assert "Traceback" not in r.err


def test_duplicate_claim_id(run, tmp_path: Path):
    claim = GOOD[GOOD.index("  - id: c1"):]
    path = write(tmp_path, GOOD + claim)
    r = run("--claims", str(path), "x")
    assert r.code == 2
    assert f"{path}:18: claims[c1].id: duplicate id 'c1' (first at line 12)" in r.err


def test_all_problems_reported_at_once(run, tmp_path: Path):
    text = GOOD.replace('verdict: "true"', "verdict: maybe").replace("date: 2024-01-02", "date: soon")
    r = run("--claims", str(write(tmp_path, text)), "x")
    assert r.code == 2 and r.err.count("dealcheck: error:") == 2


def test_missing_empty_and_unreadable_bases(run, tmp_path: Path):
    assert run("--claims", str(tmp_path / "nope.yaml"), "x").err == f"dealcheck: error: {tmp_path / 'nope.yaml'}: no such claim base\n"
    r = run("--claims", str(write(tmp_path, "")), "x")
    assert (r.code, "claim base is empty" in r.err) == (2, True)
    r = run("--claims", str(write(tmp_path, "- just a list\n")), "x")
    assert r.code == 2 and "expected a mapping" in r.err
    assert run("--claims", str(tmp_path), "x").code == 2


def test_unsafe_yaml_is_rejected(run, tmp_path: Path):
    r = run("--claims", str(write(tmp_path, GOOD.replace("version: 1", "version: !!python/object/apply:os.system ['true']"))), "x")
    assert r.code == 2 and "YAML" in r.err


def test_cache_is_rebuilt_when_the_base_changes(run, tmp_path: Path):
    path = write(tmp_path, GOOD)
    assert run("--claims", str(path), "--format", "json", "Acme made 10 widgets.").json()[0]["verdict"] == "true"
    path.write_text(GOOD.replace('verdict: "true"', 'verdict: "false"'), encoding="utf-8")
    assert run("--claims", str(path), "--format", "json", "Acme made 10 widgets.").json()[0]["verdict"] == "false"


def test_bundled_base_is_schema_valid_and_shipped():
    from dealcheck import claimbase

    base = claimbase.load(claimbase.bundled_path(), use_cache=False)
    assert len(base.claims) >= 40
    assert "ms-stake-27pct" in base.by_id


def test_a_base_with_no_readable_words_still_answers(run, tmp_path):
    base = tmp_path / "zh.yaml"
    base.write_text(
        "version: 1\n"
        "sources:\n  - {id: s, title: 来源, publisher: 出版者, quotes: [微软投资了]}\n"
        "claims:\n  - {id: c, text: 微软投资了开放人工智能, verdict: 'true', citations: [{source: s, quote: 微软投资了}]}\n",
        encoding="utf-8",
    )
    r = run("--claims", str(base), "--format", "json", "Microsoft invested in OpenAI.")
    assert r.code == 0, r.err
    assert r.json()[0]["verdict"] == "unknown"


def test_the_json_schema_accepts_the_bases_and_agrees_with_the_validator(run, tmp_path: Path):
    """The published schema is the one the validator reads its keys from; editors check bases with it."""
    jsonschema = pytest.importorskip("jsonschema")
    from dealcheck import claimbase, model, serialise, validation
    from dealcheck.normalize import RELATIONS

    schema = validation.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for base in (claimbase.load(), claimbase.load(MINI)):
        assert list(check.iter_errors(serialise.to_data(base))) == []
    defs = schema["$defs"]
    assert tuple(defs["claimVerdict"]["enum"]) == model.CLAIM_VERDICTS
    assert tuple(defs["example"]["properties"]["verdict"]["enum"]) == model.EXAMPLE_VERDICTS
    assert tuple(defs["number"]["properties"]["relation"]["enum"]) == RELATIONS
    broken = serialise.to_data(claimbase.load(MINI))
    broken["claims"][0]["colour"] = "red"
    assert [e.message for e in check.iter_errors(broken)] == ["Additional properties are not allowed ('colour' was unexpected)"]
    base = tmp_path / "b.yaml"
    base.write_text(serialise.to_yaml(broken), encoding="utf-8")
    r = run("--claims", str(base), "x")
    assert r.code == 2 and "claims[stake-27].colour: unknown key" in r.err
