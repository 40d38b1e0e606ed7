"""Configuration files (.dealcheck.yaml, pyproject.toml [tool.dealcheck]) and precedence, through the real entry point."""

from __future__ import annotations

import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from conftest import MINI
from dealcheck.commands import CheckOptions
from dealcheck.config import KEYS, NOT_KEYS

FALSE = "Microsoft owns 49% of OpenAI."
MINI_ANSWER = "<statement>:1:1: false: The 49% was a reported profit share, not ownership. [stake-27]\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with its own claim base in claims/, run from its docs/ folder."""
    (tmp_path / "claims").mkdir()
    shutil.copy(MINI, tmp_path / "claims" / "ours.yaml")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    return tmp_path


def claim_ids(result) -> list[str]:
    return [f["claim"]["id"] for f in result.jsonl()]


# --- finding the file ----------------------------------------------------------------


def test_dealcheck_yaml_found_going_up_with_claims_relative_to_it(run, project: Path):
    (project / ".dealcheck.yaml").write_text("claims: claims/ours.yaml\nformat: line\n", encoding="utf-8")
    r = run(FALSE)  # no option at all: the fast path, which must read the file too
    assert (r.code, r.out) == (1, MINI_ANSWER)
    assert run("--quiet", FALSE).out == MINI_ANSWER  # and the option parser's path


def test_pyproject_tool_table(run, project: Path):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.dealcheck]\nclaims = ["claims/ours.yaml"]\nformat = "line"\nfail-on = "outdated"\n',
        encoding="utf-8",
    )
    assert (run(FALSE).code, run(FALSE).out) == (0, MINI_ANSWER)


def test_pyproject_without_the_table_does_not_count(run, project: Path):
    (project / ".dealcheck.yml").write_text("claims: claims/ours.yaml\nformat: jsonl\n", encoding="utf-8")
    (project / "docs" / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n', encoding="utf-8")
    assert claim_ids(run(FALSE)) == ["stake-27"]


def test_nearest_wins_and_dealcheck_yaml_before_pyproject(run, project: Path):
    (project / ".dealcheck.yaml").write_text("format: jsonl\n", encoding="utf-8")
    (project / "docs" / ".dealcheck.yaml").write_text("claims: ../claims/ours.yaml\nformat: line\n", encoding="utf-8")
    (project / "docs" / "pyproject.toml").write_text('[tool.dealcheck]\nformat = "json"\n', encoding="utf-8")
    assert run(FALSE).out == MINI_ANSWER


def test_config_file_option_and_no_config(run, project: Path, tmp_path_factory: pytest.TempPathFactory):
    (project / ".dealcheck.yaml").write_text("format: json\n", encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "dealcheck.yaml"
    elsewhere.write_text(f"claims: {MINI}\nformat: line\n", encoding="utf-8")
    assert run("--config", str(elsewhere), FALSE).out == MINI_ANSWER
    for option in ("--no-config", "--isolated"):
        r = run(option, "-f", "jsonl", FALSE)
        assert claim_ids(r) == ["ms-stake-27pct"], option  # the bundled base: the file was not read


# --- precedence: command line > environment > configuration file > default ------------------


def test_fail_on_flag_beats_file_even_when_it_repeats_the_default(run, project: Path):
    (project / ".dealcheck.yaml").write_text("claims: claims/ours.yaml\nfail-on: outdated\n", encoding="utf-8")
    assert run(FALSE).code == 0  # the file's fail-on
    assert run("--fail-on", "false,misleading", FALSE).code == 1  # the flag, though it is the default value
    (project / ".dealcheck.yaml").write_text("claims: claims/ours.yaml\n", encoding="utf-8")
    assert run(FALSE).code == 1  # the default


def test_format_flag_beats_file(run, project: Path):
    (project / ".dealcheck.yaml").write_text("claims: claims/ours.yaml\nformat: json\n", encoding="utf-8")
    assert run(FALSE).out.startswith("[")
    assert run("-f", "line", FALSE).out == MINI_ANSWER
    assert run("-f", "text", FALSE).out.startswith("FALSE")  # the default value, given as a flag


def test_claims_flag_beats_environment_beats_file_beats_default(run, project: Path, monkeypatch: pytest.MonkeyPatch):
    assert claim_ids(run("-f", "jsonl", FALSE)) == ["ms-stake-27pct"]  # default: the bundled base
    (project / ".dealcheck.yaml").write_text("claims: [claims/ours.yaml]\n", encoding="utf-8")
    assert claim_ids(run("-f", "jsonl", FALSE)) == ["stake-27"]
    monkeypatch.setenv("DEALCHECK_CLAIMS", "@bundled")
    assert claim_ids(run("-f", "jsonl", FALSE)) == ["ms-stake-27pct"]
    assert claim_ids(run("-f", "jsonl", "--claims", str(project / "claims" / "ours.yaml"), FALSE)) == ["stake-27"]


def test_as_of_date_in_the_file(run, project: Path):
    (project / ".dealcheck.yaml").write_text("as-of: 2023-06-01\nformat: jsonl\n", encoding="utf-8")
    [f] = run("Azure is OpenAI's exclusive cloud provider.").jsonl()
    assert f["verdict"] == "true"
    assert run("--as-of", "2025-06-01", "Azure is OpenAI's exclusive cloud provider.").jsonl()[0]["verdict"] == "outdated"


def test_exclude_in_the_file_is_relative_to_its_folder(run, project: Path):
    (project / ".dealcheck.yaml").write_text("claims: claims/ours.yaml\nformat: jsonl\nexclude: [docs/drafts/]\n", encoding="utf-8")
    for name in ("intro.md", "drafts/wip.md"):
        (project / "docs" / name).parent.mkdir(exist_ok=True)
        (project / "docs" / name).write_text(FALSE + "\n", encoding="utf-8")
    assert [f["path"] for f in run(".").jsonl()] == ["intro.md"]  # walked from docs/, the file's pattern still holds
    assert len(run("--exclude", "nothing", ".").jsonl()) == 2  # a flag replaces the file's excludes


# --- `dealcheck config` and --show-config -------------------------------------------------


def test_config_command_shows_each_value_and_where_it_came_from(run, project: Path, monkeypatch: pytest.MonkeyPatch):
    config = project / ".dealcheck.yaml"
    config.write_text("claims: claims/ours.yaml\nformat: line\nfail_on: [false, misleading, outdated]\n", encoding="utf-8")
    monkeypatch.setenv("DEALCHECK_CLAIMS", "@bundled")
    r = run("config")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == f"configuration file: {config} (found going up from the current folder)"
    rows = {line.split()[0]: line.split() for line in lines[2:]}
    assert rows["claims"] == ["claims", "@bundled", "$DEALCHECK_CLAIMS"]
    assert rows["format"] == ["format", "line", str(config)]
    assert rows["fail-on"] == ["fail-on", "false,misleading,outdated", str(config)]
    assert rows["color"] == ["color", "auto", "default"]
    assert list(rows) == [k.name for k in KEYS]


def test_show_config_marks_the_flags(run, project: Path):
    (project / ".dealcheck.yaml").write_text("format: line\n", encoding="utf-8")
    r = run("--show-config", "-f", "json", "--fail-on", "true", FALSE)
    rows = {line.split()[0]: line.split() for line in r.out.splitlines()[2:]}
    assert r.code == 0  # nothing was checked
    assert rows["format"] == ["format", "json", "command", "line"]
    assert rows["fail-on"] == ["fail-on", "true", "command", "line"]


def test_config_command_without_a_file(run, project: Path):
    assert run("config").out.splitlines()[0] == "configuration file: none found going up from the current folder"
    (project / ".dealcheck.yaml").write_text("format: line\n", encoding="utf-8")
    r = run("config", "--no-config")
    assert r.out.splitlines()[0] == "configuration file: none (--no-config)"
    assert ["format", "text", "default"] in [line.split() for line in r.out.splitlines()]


# --- errors: one line naming the file and the key, exit 2 -------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".dealcheck.yaml", "formt: line\n", "formt: unknown key (known: claims, format, color, as-of, all, lang, glob, exclude, no-ignore, fail-on, exit-zero, semantic, max-size, quiet, verbose)"),
        (".dealcheck.yaml", "format: xml\n", "format: expected one of text, json, jsonl, line, github, sarif, got 'xml'"),
        (".dealcheck.yaml", "exit-zero: 1\n", "exit-zero: expected true or false, got 1"),
        (".dealcheck.yaml", "claims: {a: 1}\n", "claims: expected a string or a list of strings, got {'a': 1}"),
        (".dealcheck.yaml", "fail-on: [flase]\n", "fail-on: unknown verdict 'flase' (choose from false, misleading, outdated, unverified, true, unknown)"),
        (".dealcheck.yaml", "max-size: lots\n", "max-size: 'lots' is not a size (e.g. 64M, 500k, 1G)"),
        (".dealcheck.yaml", "jobs: 4\n", "jobs: only a command-line option (--jobs), not a project's"),
        (".dealcheck.yaml", "glob: ['!drafts/']\n", "glob: '!drafts/' is an exclude; in a configuration file, list it under 'exclude'"),
        (".dealcheck.yaml", "fail-on: true\nfail_on: false\n", "fail_on: given twice (also as fail-on)"),
        (".dealcheck.yaml", "format: [line\n", ":2: not valid YAML: did not find expected ',' or ']'"),
        (".dealcheck.yaml", "- format\n", ": expected a mapping of option names to values"),
        ("pyproject.toml", '[tool.dealcheck]\nformat = "line\n', ": not valid TOML: Illegal character '\\n' (at line 2, column 15)"),
        ("pyproject.toml", "[tool.dealcheck]\nquiet = 'yes'\n", "quiet: expected true or false, got 'yes'"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(run, project: Path, name: str, text: str, message: str):
    path = project / name
    path.write_text(text, encoding="utf-8")
    for args in ((FALSE,), ("-q", FALSE), ("config",)):
        r = run(*args)
        assert r.code == 2, args
        separator = "" if message.startswith(":") else ": "
        assert r.err == f"dealcheck: error: {path}{separator}{message}\n", args


def test_config_option_errors(run, project: Path):
    assert run("--config", "missing.yaml", FALSE).err == "dealcheck: error: --config: missing.yaml: no such file\n"
    (project / "docs" / "pyproject.toml").write_text("[tool.ruff]\n", encoding="utf-8")
    r = run("--config", "pyproject.toml", FALSE)
    assert (r.code, r.err) == (2, "dealcheck: error: --config: pyproject.toml has no [tool.dealcheck] table\n")
    r = run("--config", "pyproject.toml", "--no-config", FALSE)
    assert (r.code, r.err) == (2, "dealcheck: error: --config and --no-config cannot be used together\n")


def test_every_check_option_has_a_key():
    assert {f.name for f in fields(CheckOptions)} - NOT_KEYS == {k.field for k in KEYS}
