"""The output formats as modules: each run imports only its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import MINI, Result

FORMATS = ("text", "json", "jsonl", "line", "github", "sarif")


def _format_modules_imported(tmp_path: Path, *args: str) -> list[str]:
    report = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from dealcheck.entry import main\n"
        "try:\n"
        f"    main({list(args)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"open({str(report)!r}, 'w').write(json.dumps(sorted(m for m in sys.modules if m.startswith('dealcheck.formats.'))))\n"
    )
    env = {**os.environ, "DEALCHECK_CACHE_DIR": str(tmp_path / "cache"), "DEALCHECK_CLAIMS": str(MINI)}
    subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=True)
    return json.loads(report.read_text())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_imports_only_its_format(tmp_path: Path, fmt: str):
    assert _format_modules_imported(tmp_path, "-f", fmt, "Microsoft owns 49% of OpenAI.") == [f"dealcheck.formats.{fmt}"]


def test_a_statement_alone_imports_only_text(tmp_path: Path):
    assert _format_modules_imported(tmp_path, "Microsoft owns 49% of OpenAI.") == ["dealcheck.formats.text"]


def test_statistics_imports_only_statistics(tmp_path: Path):
    assert _format_modules_imported(tmp_path, "--statistics", "-f", "json", "Microsoft owns 49% of OpenAI.") == ["dealcheck.formats.statistics"]


# --- SARIF ------------------------------------------------------------------------------

# The OASIS standard's schema (errata 01), as published in oasis-tcs/sarif-spec at sarif-2.1/schema/.
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def _sarif(result: Result, validator: jsonschema.Draft4Validator) -> dict[str, Any]:
    log = result.json()
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    [run] = log["runs"]
    return run


def test_sarif_false_finding_in_markdown(mini, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_validator):
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "notes.md"
    line = "Ça commence ici 🙂. Later, Microsoft owns 49% of OpenAI."
    doc.write_text(f"# Notes\n\nIntro.\n\n{line}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = mini("-f", "sarif", "docs")
    assert r.code == 1
    run = _sarif(r, sarif_validator)
    assert run["tool"]["driver"]["name"] == "dealcheck"
    assert run["tool"]["driver"]["rules"] == [
        {"id": "stake-27", "shortDescription": {"text": "Microsoft holds about 27% of OpenAI."}, "helpUri": "https://example.org/10q"}
    ]
    [result] = run["results"]
    assert (result["ruleId"], result["ruleIndex"], result["kind"], result["level"]) == ("stake-27", 0, "fail", "error")
    assert result["message"]["text"] == "The 49% was a reported profit share, not ownership."
    assert result["properties"]["verdict"] == "false" and result["properties"]["claim"] == "stake-27"
    assert [c["source"] for c in result["properties"]["citations"]] == ["S1"]
    [location] = result["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "docs/notes.md", "uriBaseId": "%SRCROOT%"}
    region = physical["region"]
    assert (region["startLine"], region["endLine"]) == (5, 5)
    # Columns count code points, as the run says: the emoji before the sentence is one column, not two.
    assert run["columnKind"] == "unicodeCodePoints"
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "Later, Microsoft owns 49% of OpenAI."


def test_sarif_gives_the_findings_json_gives(mini, tmp_path: Path, sarif_validator):
    doc = tmp_path / "a.md"
    doc.write_text(
        "# Microsoft and OpenAI\n\nMicrosoft holds about 27% of OpenAI. Azure is OpenAI's exclusive cloud provider.\n\n"
        "Microsoft owns half of OpenAI. The weather is fine.\n", encoding="utf-8",
    )
    for extra in ((), ("--all",)):
        findings = mini("-f", "json", *extra, str(doc)).json()
        r = mini("-f", "sarif", *extra, str(doc))
        results = _sarif(r, sarif_validator)["results"]
        assert [(x["properties"]["verdict"], x["properties"]["claim"], x["properties"]["text"]) for x in results] == [
            (f["verdict"], f["claim"]["id"] if f["claim"] else None, f["text"]) for f in findings
        ]
        assert [x["message"]["text"] for x in results] == [f["explanation"] for f in findings]
    verdicts = {f["verdict"] for f in findings}
    assert {"true", "false", "outdated", "unknown"} <= verdicts


def test_sarif_levels_and_kinds(mini, tmp_path: Path, sarif_validator):
    doc = tmp_path / "a.md"
    doc.write_text("Microsoft holds about 27% of OpenAI. Microsoft owns half of OpenAI.\n\nAzure is OpenAI's exclusive cloud provider. It rains.\n", encoding="utf-8")
    run = _sarif(mini("-f", "sarif", "--all", str(doc)), sarif_validator)
    seen = {x["properties"]["verdict"]: (x["kind"], x["level"]) for x in run["results"]}
    assert seen == {"true": ("pass", "none"), "false": ("fail", "error"), "outdated": ("fail", "note"), "unknown": ("open", "none")}
    # A sentence that matches no claim still names a rule (every result does), one no claim id can be.
    rules = run["tool"]["driver"]["rules"]
    unknown = next(x for x in run["results"] if x["properties"]["verdict"] == "unknown")
    assert unknown["ruleId"] == "dealcheck/no-claim" and rules[unknown["ruleIndex"]]["id"] == "dealcheck/no-claim"
    assert [r["id"] for r in rules] == list(dict.fromkeys(x["ruleId"] for x in run["results"]))
    # A claim whose citations give no URL has no helpUri.
    assert "helpUri" not in next(r for r in rules if r["id"] == "azure-exclusive")


def test_sarif_level_of_every_verdict():
    from dealcheck.model import Verdict

    assert {v.value: v.sarif for v in Verdict} == {
        "false": ("fail", "error"), "misleading": ("fail", "warning"), "unverified": ("fail", "note"),
        "outdated": ("fail", "note"), "true": ("pass", "none"), "unknown": ("open", "none"),
    }


def test_sarif_statements_and_stdin_have_logical_locations(mini, sarif_validator):
    r = mini("-f", "sarif", "The weather is fine.", "Microsoft owns half of OpenAI.")
    assert r.code == 1
    # A statement always gets an answer, in every format: `unknown` when it matches nothing.
    unknown, false = _sarif(r, sarif_validator)["results"]
    assert unknown["locations"] == [{"logicalLocations": [{"name": "statement 1"}]}] and unknown["level"] == "none"
    assert false["locations"] == [{"logicalLocations": [{"name": "statement 2"}]}] and false["level"] == "error"
    r = mini("-f", "sarif", "-", stdin="Intro.\nMicrosoft owns 49% of OpenAI.\n")
    [result] = _sarif(r, sarif_validator)["results"]
    assert result["locations"] == [{"logicalLocations": [{"name": "<stdin>"}]}]


def test_sarif_with_no_findings_is_a_valid_log(mini, tmp_path: Path, sarif_validator):
    doc = tmp_path / "empty.md"
    doc.write_text("Nothing about the deal here.\n", encoding="utf-8")
    for args, stdin in (((str(doc),), ""), (("-",), ""), (("-",), "Nor here.\n")):
        r = mini("-f", "sarif", *args, stdin=stdin)
        assert r.code == 0 and r.err == ""
        run = _sarif(r, sarif_validator)
        assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


def test_sarif_exit_codes_are_those_of_the_findings(mini, tmp_path: Path, sarif_validator):
    statement = "Microsoft owns half of OpenAI."
    assert mini("-f", "sarif", statement).code == 1
    assert mini("-f", "sarif", "--exit-zero", statement).code == 0
    assert mini("-f", "sarif", "--fail-on", "outdated", statement).code == 0
    r = mini("-f", "sarif", str(tmp_path / "missing.md"))
    assert r.code == 2 and r.out == "" and len(r.err.splitlines()) == 1 and "Traceback" not in r.err


def test_sarif_uris(mini, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_validator):
    work, outside = tmp_path / "work", tmp_path / "outside"
    (work / "sub dir").mkdir(parents=True)
    outside.mkdir()
    text = "Microsoft owns half of OpenAI.\n"
    (work / "sub dir" / "résumé.md").write_text(text, encoding="utf-8")
    (outside / "b.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(work)
    r = mini("-f", "sarif", str(work / "sub dir" / "résumé.md"), "../outside/b.md")
    uris = [x["locations"][0]["physicalLocation"]["artifactLocation"] for x in _sarif(r, sarif_validator)["results"]]
    assert uris == [
        {"uri": "sub%20dir/r%C3%A9sum%C3%A9.md", "uriBaseId": "%SRCROOT%"},  # relative, though it was named absolutely
        {"uri": (outside / "b.md").as_uri()},  # outside the working directory: absolute, so with no base
    ]


def test_sarif_with_statistics_is_a_usage_error(mini):
    r = mini("-f", "sarif", "--statistics", "Microsoft owns half of OpenAI.")
    assert r.code == 2 and r.out == ""
    assert r.err == "dealcheck: error: --statistics: not available with --format sarif (a SARIF log holds results, not counts)\n"


def test_sarif_is_a_listed_format(run):
    assert "sarif" in run("-h").out


def test_sarif_when_the_working_directory_is_gone(mini, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_validator):
    doc = tmp_path / "a.md"
    doc.write_text("Microsoft owns half of OpenAI.\n", encoding="utf-8")
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    r = mini("-f", "sarif", str(doc))
    assert r.code == 1 and "Traceback" not in r.err
    [result] = _sarif(r, sarif_validator)["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": doc.as_uri()}


# --- text: widths ----------------------------------------------------------------------


def test_text_widths_count_terminal_cells():
    from dealcheck.formats.text import cells, words, wrap

    assert cells("déjà") == cells("de\u0301ja\u0300") == 4  # a combining accent takes no cell
    assert cells("日本") == 4
    # Lines break at spaces only: a no-break space (« 27 % ») holds its words together.
    lines = wrap(words("la part est de 27\u00a0% :"), 17)
    assert [" ".join(word for _, word, _ in line) for line in lines] == ["la part est de", "27\u00a0% :"]
