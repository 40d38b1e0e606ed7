"""`dealcheck claims …`: list, show, validate; the bundled base's examples are a test suite."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import MINI


def test_bundled_base_validates(run):
    r = run("claims", "validate")
    assert r.code == 0, r.out
    assert "examples pass" in r.out.splitlines()[-1]
    passed, total = r.out.split("; ")[-1].split()[0].split("/")
    assert passed == total and int(total) >= 100


def test_bundled_base_size(run):
    from dealcheck import claimbase
    from dealcheck.curate import counts

    n = counts(claimbase.load())
    assert n["claims"] >= 40
    assert n["variants"] + n["paraphrases"] >= 150


def test_every_claim_has_english_and_french(run):
    from dealcheck import claimbase
    from dealcheck.normalize import detect_language, fold

    for claim in claimbase.load().claims:
        langs = {detect_language(fold(p)) for p in (claim.text, *claim.paraphrases)}
        assert langs == {"en", "fr"}, claim.id


def test_validate_reports_a_failing_example(run, tmp_path: Path):
    text = MINI.read_text(encoding="utf-8").replace(
        "      - text: Redmond now owns roughly 27 percent of the ChatGPT maker.\n        verdict: \"true\"",
        "      - text: Redmond now owns roughly 27 percent of the ChatGPT maker.\n        verdict: \"false\"",
    )
    base = tmp_path / "claims.yaml"
    base.write_text(text, encoding="utf-8")
    r = run("claims", "validate", str(base))
    assert r.code == 1
    assert r.out.splitlines()[0].startswith(f"{base}:")
    assert "example of stake-27: expected false, got true (stake-27, score" in r.out
    assert r.out.splitlines()[-1].endswith("0/1 examples pass")


def test_validate_schema_error_exits_2(run, tmp_path: Path):
    base = tmp_path / "claims.yaml"
    base.write_text(MINI.read_text(encoding="utf-8").replace("verdict: \"true\"", "verdict: sure", 1), encoding="utf-8")
    r = run("claims", "validate", str(base))
    assert r.code == 2 and "is not one of" in r.err


def test_list_filters(run):
    r = run("claims", "list", "--claims", str(MINI))
    assert [line.split()[0] for line in r.out.splitlines()] == ["stake-27", "commitments-13b", "azure-exclusive", "rofr"]
    r = run("claims", "list", "--claims", str(MINI), "cloud")
    assert [line.split()[0] for line in r.out.splitlines()] == ["azure-exclusive", "rofr"]
    r = run("claims", "list", "--claims", str(MINI), "--format", "json", "détient")
    assert [c["id"] for c in json.loads(r.out)] == ["stake-27"]
    assert run("claims", "list", "--verdict", "nope").code == 2


def test_list_bundled_by_verdict(run):
    r = run("claims", "list", "--verdict", "unverified", "--format", "json")
    rows = json.loads(r.out)
    assert rows and all(c["verdict"] == "unverified" for c in rows)
    assert "profit-share-75-49" in {c["id"] for c in rows}


def test_show(run):
    r = run("claims", "show", "--claims", str(MINI), "azure-exclusive")
    assert r.code == 0
    assert "azure-exclusive  [true]  2019-07-22..2025-01-20" in r.out
    assert "replaced by: rofr" in r.out
    assert "“Microsoft will become our exclusive cloud provider”" in r.out
    data = json.loads(run("claims", "show", "--claims", str(MINI), "--format", "json", "stake-27").out)
    assert data["variants"][0]["verdict"] == "false"
    assert data["citations"][0]["url"] == "https://example.org/10q"


def test_show_unknown_id(run):
    r = run("claims", "show", "--claims", str(MINI), "nope")
    assert r.code == 2 and "no claim with id 'nope'" in r.err


def test_claims_without_subcommand_shows_help(run):
    r = run("claims")
    assert r.code == 2 and "list" in r.err and "validate" in r.err
