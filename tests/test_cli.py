"""Input modes, output formats, exit codes and errors, through the real entry point."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI
from dealcheck.formats.text import label_width
from dealcheck.languages import CODES

ANSI = "\x1b["

# Where the text column starts with --lang auto: after the widest label of any language, and two spaces.
AUTO = label_width(CODES) + 2


# --- input modes -----------------------------------------------------------------------


def test_file_reports_positions(mini, tmp_path: Path):
    doc = tmp_path / "draft.txt"
    doc.write_text("An intro line.\n\nLater, Microsoft owns 49% of OpenAI. Another one.\n", encoding="utf-8")
    r = mini("--format", "jsonl", str(doc))
    [f] = r.jsonl()
    assert (f["path"], f["line"], f["column"], f["verdict"]) == (str(doc), 3, 1, "false")
    assert f["text"] == "Later, Microsoft owns 49% of OpenAI."
    assert (f["end_line"], f["end_column"]) == (3, 36)
    assert r.code == 1


def test_column_counts_characters_not_bytes(mini, tmp_path: Path):
    doc = tmp_path / "fr.txt"
    doc.write_text("Éléphant à côté. Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    [f] = mini("--format", "jsonl", str(doc)).jsonl()
    assert f["column"] == 18


def test_stdin_dash_and_implicit(mini):
    for args in (("-",), ()):
        r = mini("--format", "line", *args, stdin="Microsoft owns 49% of OpenAI.\n")
        assert r.out == "<stdin>:1:1: false: The 49% was a reported profit share, not ownership. [stake-27]\n"
        assert r.code == 1


def test_no_argument_on_a_terminal_is_a_usage_error(mini):
    r = mini(tty=True)
    assert r.code == 2
    assert r.err.startswith("dealcheck: error: nothing to check")


def test_mixed_inputs_in_order(mini, tmp_path: Path):
    doc = tmp_path / "a.md"
    doc.write_text("Azure is OpenAI's exclusive cloud provider.\n", encoding="utf-8")
    r = mini("--format", "jsonl", "Microsoft owns 49% of OpenAI.", str(doc), "-", stdin="Microsoft holds 30% of OpenAI.")
    assert [(f["path"], f["verdict"]) for f in r.jsonl()] == [(None, "false"), (str(doc), "outdated"), ("<stdin>", "false")]


def test_folder_is_walked(mini, tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Microsoft holds 30% of OpenAI.\n", encoding="utf-8")
    (tmp_path / "skip.py").write_text("# Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    r = mini("--format", "jsonl", str(tmp_path))
    assert [Path(f["path"]).name for f in r.jsonl()] == ["a.txt", "b.md"]


def test_missing_file_like_argument_is_an_error(mini):
    for arg in ("drafts/article.md", "missing.txt", "notes.html"):
        r = mini(arg)
        assert r.code == 2, arg
        assert r.err == f"dealcheck: error: {arg}: no such file\n"


def test_statement_with_a_slash_is_still_a_statement(mini):
    r = mini("--format", "json", "Microsoft owns 49% of OpenAI, says a 2023/2024 report.")
    assert r.code == 1


def test_binary_file_is_refused(mini, tmp_path: Path):
    blob = tmp_path / "image.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    r = mini(str(blob))
    assert r.code == 2
    assert r.err == f"dealcheck: error: {blob}: binary file, not checked\n"


def test_invalid_utf8_is_replaced_with_a_warning(mini, tmp_path: Path):
    doc = tmp_path / "bad.txt"
    doc.write_bytes(b"Fine line.\nMicrosoft owns 49% of OpenAI \xff\xfe today.\n")
    r = mini("--format", "jsonl", str(doc))
    [f] = r.jsonl()
    assert f["verdict"] == "false" and "\ufffd" in f["text"]
    assert f"{doc}:2: invalid UTF-8, replaced with U+FFFD" in r.err


def test_empty_input_is_not_an_error(mini, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert mini(str(empty)).code == 0
    r = mini("--format", "json", "-", stdin="")
    assert (r.code, r.json()) == (0, [])


def test_statements_are_always_reported_files_only_matches(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("Nothing to see here. Microsoft owns 49% of OpenAI.", encoding="utf-8")
    assert len(mini("--format", "jsonl", str(doc)).jsonl()) == 1
    assert [f["verdict"] for f in mini("--format", "jsonl", "--all", str(doc)).jsonl()] == ["unknown", "false"]
    assert mini("--format", "jsonl", "Nothing to see here.").jsonl()[0]["verdict"] == "unknown"


# --- output formats --------------------------------------------------------------------


def test_json_fields(mini):
    [f] = mini("--format", "json", "Microsoft owns 49% of OpenAI.").json()
    assert set(f) >= {"text", "verdict", "score", "claim", "explanation", "citations", "path", "line", "column"}
    assert isinstance(f["score"], float) and 0 < f["score"] <= 1
    assert f["claim"] == {"id": "stake-27", "text": "Microsoft holds about 27% of OpenAI."}
    assert set(f["citations"][0]) == {"source", "title", "publisher", "date", "url", "quote"}
    assert f["path"] is None


def test_jsonl_one_object_per_line(mini):
    r = mini("--format", "jsonl", "Microsoft owns 49% of OpenAI. Microsoft holds 30% of OpenAI.")
    assert [json.loads(line)["verdict"] for line in r.out.splitlines()] == ["false", "false"]


def test_line_format(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("A title\n\n  Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    r = mini("--format", "line", str(doc))
    assert r.out == f"{doc}:3:3: false: The 49% was a reported profit share, not ownership. [stake-27]\n"


def test_github_format(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("Microsoft owns 49% of OpenAI.\nAzure is OpenAI's exclusive cloud provider.\n", encoding="utf-8")
    lines = mini("--format", "github", str(doc)).out.splitlines()
    assert lines[0].startswith(f"::error file={doc},line=1,col=1,endLine=1,endColumn=29,title=dealcheck%3A false::")
    assert "49%25 was a reported profit share" in lines[0]
    assert lines[1].startswith("::warning ")


def test_text_format_has_no_colour_when_piped(mini):
    r = mini("Microsoft owns 49% of OpenAI.")
    assert ANSI not in r.out
    assert "FALSE" in r.out and re.search(r"^  claim +stake-27: ", r.out, flags=re.M)
    assert "Example Filings, “Quarterly report”, 2025-10-29" in r.out
    assert "https://example.org/10q" in r.out


def test_colour_always_and_never(mini, monkeypatch):
    assert ANSI in mini("--color", "always", "Microsoft owns 49% of OpenAI.").out
    assert ANSI not in mini("--color", "never", "Microsoft owns 49% of OpenAI.").out


def test_colour_auto_on_a_terminal_and_no_color(mini, monkeypatch):
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm")
    for no_color, expected in (("", True), ("1", False)):
        monkeypatch.setenv("NO_COLOR", no_color)
        screen = Terminal()
        monkeypatch.setattr("sys.stdout", screen)
        mini("Microsoft owns 49% of OpenAI.")
        assert (ANSI in screen.getvalue()) is expected


# --- text output: the terminal's width, a hanging indent, quotes cut short --------------------

LONG = Path(__file__).parent / "data" / "long.yaml"
LONG_EN = "Microsoft owns half of OpenAI, investors said in a long sentence that keeps going past the width."
LONG_FR = "Microsoft détient la moitié d'OpenAI."
URL = "https://example.org/filings/2025/quarterly-report-with-a-path-long-enough-to-pass-eighty-columns-alone.html"
ANSI_CODE = re.compile("\x1b\\[[0-9;]*m")


def _fields(out: str, column: int) -> list[tuple[str, list[str]]]:
    """Each labelled field of each finding, and its lines as they start in the text column (a citation's URL
    and quote, which have no label, are lines of its source)."""
    fields: list[tuple[str, list[str]]] = []
    for line in out.splitlines():
        if not line:
            continue
        head, text = line[:column], line[column:]
        assert head.endswith("  ") and not text.startswith(" "), f"not in column {column}: {line!r}"
        if head.strip() or not fields:
            fields.append((head.strip(), [text]))
        else:
            fields[-1][1].append(text)
    return fields


@pytest.mark.parametrize("width", [80, 120])
def test_text_wraps_to_columns_with_a_hanging_indent(run, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    r = run("--claims", str(LONG), "--top", "1", LONG_EN)
    lines = r.out.splitlines()
    assert all(len(line) <= width or line.strip() == URL for line in lines)  # a URL is never broken
    assert URL in lines[-4] and max(map(len, lines)) > width
    fields = _fields(r.out, AUTO)  # the widest label of any language (`--lang auto`), and two spaces
    assert [name for name, _ in fields] == ["FALSE", "claim", "why", "source", "candidate"]
    why = dict(fields)["why"]
    assert len(why) > 1 and " ".join(why) == (
        "The reported 49% was a share of profits, never ownership; the filing gives 32.5% before the "
        "recapitalisation and about 27% after it, on an as-converted diluted basis."
    )  # broken between words, and only there
    assert re.search(r"\(score [01]\.\d\d\)$", fields[0][1][-1])  # the score, whichever matcher gave it


def test_french_labels_keep_the_text_column(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    fr = run("--claims", str(LONG), "--lang", "fr", "--top", "1", LONG_EN, LONG_FR).out
    assert [name for name, _ in _fields(fr, label_width(("fr",)) + 2)][:3] == ["FAUX", "affirmation", "pourquoi"]
    # English alone needs a narrower label column; with `auto` both languages share the widest.
    assert [name for name, _ in _fields(run("--claims", str(LONG), "--lang", "en", LONG_EN).out, 13)][:3] == ["FALSE", "claim", "why"]
    auto = [name for name, _ in _fields(run("--claims", str(LONG), LONG_EN, LONG_FR).out, AUTO)]
    assert auto[0] == "FALSE" and "FAUX" in auto and "affirmation" in auto


def test_quotes_are_cut_to_two_lines_unless_verbose(run, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("COLUMNS", "80")
    quote = "“Following the recapitalization, Microsoft holds an investment in OpenAI Group PBC valued"

    def quoted(*args: str) -> list[str]:
        source = dict(_fields(run("--claims", str(LONG), *args, LONG_EN).out, AUTO))["source"]
        return source[source.index(URL) + 1:]

    cut = quoted()
    assert len(cut) == 2 and cut[1].endswith("…") and " ".join(cut).startswith(quote)
    for verbose in ("--verbose", "-v"):
        whole = quoted(verbose)
        assert len(whole) > 2 and " ".join(whole).endswith("Microsoft held a 32.5 percent stake.”")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".dealcheck.yaml").write_text("verbose: true\n", encoding="utf-8")
    assert quoted() == whole


def test_colour_wraps_by_visible_width(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    plain = run("--claims", str(LONG), "--color", "never", LONG_EN).out
    coloured = run("--claims", str(LONG), "--color", "always", LONG_EN).out
    assert ANSI in coloured and ANSI_CODE.sub("", coloured) == plain


def test_piped_text_wraps_at_100_columns_or_columns(run, monkeypatch):
    lines = run("--claims", str(LONG), LONG_EN).out.splitlines()
    assert max(len(line) for line in lines if URL not in line) in range(81, 101)
    monkeypatch.setenv("COLUMNS", "0")  # not a width: ignored
    assert run("--claims", str(LONG), LONG_EN).out.splitlines() == lines


def test_text_wraps_to_the_terminal(tmp_path: Path):
    import fcntl
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 70, 0, 0))
    env = {k: v for k, v in _env(tmp_path).items() if k != "COLUMNS"} | {"NO_COLOR": "1"}
    with subprocess.Popen([sys.executable, "-m", "dealcheck", "--claims", str(LONG), LONG_EN], stdout=secondary, env=env) as p:
        os.close(secondary)
        out = b""
        while chunk := _read_or_nothing(primary):
            out += chunk
    os.close(primary)
    lines = out.decode().splitlines()
    assert p.returncode == 1 and len(lines) > 10
    assert all(len(line) <= 70 for line in lines if URL not in line) and any(len(line) > 60 for line in lines)


def _read_or_nothing(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the other side has closed (EIO on Linux)
        return b""


def test_text_summary_on_stderr_for_files(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("One. Microsoft owns 49% of OpenAI.", encoding="utf-8")
    r = mini(str(doc))
    assert r.err.startswith("2 sentences checked, 1 finding (1 false) in ")


# --- exit codes ------------------------------------------------------------------------


def test_exit_codes(mini):
    assert mini("Microsoft owns 49% of OpenAI.").code == 1
    assert mini("Redmond now owns roughly 27 percent of the ChatGPT maker.").code == 0
    assert mini("--exit-zero", "Microsoft owns 49% of OpenAI.").code == 0
    assert mini("--fail-on", "outdated", "Microsoft owns 49% of OpenAI.").code == 0
    assert mini("--fail-on", "outdated", "Azure is OpenAI's exclusive cloud provider.").code == 1
    assert mini("--fail-on", "true,false", "Redmond now owns roughly 27 percent of the ChatGPT maker.").code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--fail-on", "wrong", "x"), "--fail-on: unknown verdict 'wrong'"),
        (("--as-of", "yesterday", "x"), "--as-of: 'yesterday' is not a date (expected YYYY-MM-DD)"),
        (("--format", "xml", "x"), "Invalid value for '--format'"),
        (("--top", "-1", "x"), "Invalid value for '--top'"),
        (("--bogus", "x"), "No such option: --bogus"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(mini, args, message):
    r = mini(*args)
    assert r.code == 2
    assert r.err.startswith("dealcheck: error: ") and message in r.err
    assert r.err.count("\n") == 1 and "Traceback" not in r.err


def test_exit_code_constants():
    from dealcheck import ExitCode

    assert (ExitCode.OK, ExitCode.FINDINGS, ExitCode.ERROR, ExitCode.INTERRUPTED) == (0, 1, 2, 130)


def test_claims_from_environment(run, monkeypatch):
    monkeypatch.setenv("DEALCHECK_CLAIMS", str(MINI))
    [f] = run("--format", "json", "Microsoft owns 49% of OpenAI.").json()
    assert f["claim"]["id"] == "stake-27"


def test_version(run):
    from dealcheck import __version__

    r = run("--version")
    assert (r.code, r.out) == (0, f"dealcheck {__version__}\n")


# --- real processes: pipes, signals, python -m --------------------------------------------


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "DEALCHECK_CACHE_DIR": str(tmp_path / "cache"), "DEALCHECK_CLAIMS": str(MINI)}


def test_python_m_and_pipe_into_head(tmp_path: Path):
    doc = tmp_path / "big.txt"
    doc.write_text("Microsoft owns 49% of OpenAI.\n" * 20000, encoding="utf-8")
    cmd = f"{sys.executable} -m dealcheck --format jsonl {doc} | head -2"
    p = subprocess.run(["bash", "-c", f"set -o pipefail; {cmd}"], capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    assert len(p.stdout.splitlines()) == 2
    assert p.stderr == ""
    assert p.returncode == 1  # the findings it showed are false ones


@pytest.mark.parametrize(
    ("options", "delay"),
    [
        # Early, Ctrl-C finds the program importing: the package, the matcher, typer (with an option).
        ((), 0.05), ((), 0.2), ((), 0.5), (("-f", "line"), 0.05), (("-f", "line"), 0.2), (("-f", "line"), 0.5),
        (("-",), 2.5),  # started, and blocked reading stdin
    ],
)
def test_ctrl_c_at_any_moment_exits_130_without_traceback(tmp_path: Path, options: tuple[str, ...], delay: float):
    import signal
    import time

    doc = tmp_path / "big.txt"
    doc.write_text("Microsoft owns 49% of OpenAI. Nothing else happened.\n" * 50000, encoding="utf-8")
    args = options if "-" in options else (*options, str(doc))
    for _attempt in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "dealcheck", *args], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, env=_env(tmp_path),
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        # On a busy machine the interpreter can still be starting at 0.05 s, before `entry.main`'s first line
        # (a traceback with no frame of it, or killed before Python handles SIGINT): Python's, not ours. Again.
        if (b"Traceback" not in err or b"in main" in err) and proc.returncode != -signal.SIGINT:
            break
    assert b"Traceback" not in err, err.decode()
    assert proc.returncode == 130, err.decode()
    assert err.endswith(b"dealcheck: interrupted\n")


# --- shell completion ------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script_for_each_shell(run, shell):
    r = run("completion", shell)
    assert r.code == 0 and r.err == ""
    assert "dealcheck" in r.out and "_DEALCHECK_COMPLETE=complete_" + shell in r.out


def test_completion_without_a_known_shell_is_a_usage_error(run):
    for args in (("completion",), ("completion", "ksh")):
        r = run(*args)
        assert r.code == 2 and r.err.startswith("dealcheck: error: ") and r.err.count("\n") == 1, args


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("dealcheck --for", ["--format"]),
        ("dealcheck c", ["claims", "cache", "config", "completion"]),
        ("dealcheck --format j", ["json", "jsonl"]),
        ("dealcheck claims ", ["list", "show", "validate", "export", "import"]),
        ("dealcheck claims list --ver", ["--verdict"]),
        ("dealcheck completion ", ["bash", "zsh", "fish"]),
    ],
)
def test_completion_requests_go_where_the_words_would(run, monkeypatch, words, expected):
    """What the bash script asks: the words so far and which one is being completed."""
    monkeypatch.setenv("_DEALCHECK_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split(" ")) - 1))
    r = run()
    assert (r.code, r.out.splitlines()) == (0, expected)


def test_completion_requests_from_zsh_and_fish(run, monkeypatch):
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "dealcheck --for")
    monkeypatch.setenv("_DEALCHECK_COMPLETE", "complete_zsh")
    assert '"--format"' in run().out
    monkeypatch.setenv("_DEALCHECK_COMPLETE", "complete_fish")
    monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", "get-args")
    assert run().out.startswith("--format\t")
    monkeypatch.setenv("_DEALCHECK_COMPLETE", "complete_ksh")
    r = run()
    assert r.code == 2 and r.err.count("\n") == 1 and "complete_bash" in r.err


def test_bash_completes_with_the_script(tmp_path: Path):
    """The printed script, sourced by a real bash, completes an option through the real program."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "dealcheck"
    program.write_text(f"#!/bin/sh\nexec {sys.executable} -m dealcheck \"$@\"\n")
    program.chmod(0o755)
    script = 'eval "$(dealcheck completion bash)"; COMP_WORDS=(dealcheck --for); COMP_CWORD=1; _dealcheck_completion dealcheck; echo "${COMPREPLY[@]}"'
    env = _env(tmp_path) | {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    p = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert p.stdout == "--format\n"


def test_empty_argument_and_bad_glob_are_errors(mini, tmp_path: Path):
    r = mini("")
    assert (r.code, r.err) == (2, "dealcheck: error: an argument is empty: give a statement, a file or '-'\n")
    for pattern in ("", "."):
        r = mini("--glob", pattern, str(tmp_path))
        assert r.code == 2 and r.err.startswith("dealcheck: error: --glob:"), pattern


def test_unreadable_file_in_a_folder_is_skipped_with_a_warning(mini, tmp_path: Path):
    (tmp_path / "a.txt").write_text("Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text("Microsoft holds 30% of OpenAI.\n", encoding="utf-8")
    r = mini("--format", "json", str(tmp_path))
    assert [Path(f["path"]).name for f in r.json()] == ["a.txt", "c.txt"]
    assert r.err == f"dealcheck: warning: {tmp_path / 'b.txt'}: binary file, not checked\n"
    assert r.code == 2


def test_alias_without_latin_letters_does_not_hang(run, tmp_path: Path):
    base = tmp_path / "claims.yaml"
    base.write_text(
        "version: 1\nentities:\n  - {id: yandex, name: Yandex, aliases: [\"Яндекс\"]}\n"
        "sources:\n  - {id: S, title: T, publisher: P, quotes: [\"Yandex sells maps.\"]}\n"
        "claims:\n  - {id: y, text: Yandex sells maps., verdict: \"true\", subject: [yandex],"
        " citations: [{source: S, quote: \"Yandex sells maps.\"}]}\n",
        encoding="utf-8",
    )
    doc = tmp_path / "d.txt"
    doc.write_text("Nothing here.\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "dealcheck", "--claims", str(base), str(doc)], capture_output=True,
                       text=True, env=_env(tmp_path), timeout=60)
    assert p.returncode == 0


def test_short_help_and_subcommands_in_help(run):
    r = run("-h")
    assert r.code == 0 and "--statistics" in r.out and "dealcheck claims" in r.out and "dealcheck cache" in r.out
    assert run("claims", "-h").out.startswith("Usage: dealcheck claims")


def test_options_before_a_command_go_to_the_command(run):
    # As with git or ruff: `dealcheck -c BASE claims list` lists BASE, rather than checking the words "claims list".
    listed = run("--claims", str(MINI), "-f", "json", "claims", "list")
    assert listed.code == 0 and {c["id"] for c in listed.json()} == {c["id"] for c in run("claims", "list", "-f", "json", "--claims", str(MINI)).json()}
    assert "stake-27" in {c["id"] for c in listed.json()}
    r = run("--as-of", "2025-01-01", "claims", "import", "x.json")
    assert r.code == 2 and "No such option: --as-of" in r.err
    # After `--`, a command's name is a statement like any other.
    [f] = run("-f", "json", "--", "claims").json()
    assert f["text"] == "claims"


def test_quiet_drops_the_summary_not_the_findings(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("Microsoft owns 49% of OpenAI.\nMicrosoft holds about 27% of OpenAI.\n")
    loud, quiet = mini("--color", "never", str(doc)), mini("--color", "never", "-q", str(doc))
    assert "2 sentences checked" in loud.err and quiet.err == ""
    assert quiet.out == loud.out and quiet.code == loud.code == 1


def test_statistics_count_by_verdict_and_claim(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("Microsoft owns 49% of OpenAI.\n\nMicrosoft owns half of OpenAI.\n\nMicrosoft holds about 27% of OpenAI.\n")
    r = mini("--statistics", str(doc))
    assert r.code == 1
    assert [line.split() for line in r.out.splitlines()] == [["2", "false", "stake-27"], ["1", "true", "stake-27"]]
    data = mini("--statistics", "-f", "json", str(doc)).json()
    assert data["by_verdict"] == {"false": 2, "true": 1}
    assert data["by_claim"][0] == {"verdict": "false", "claim": "stake-27", "count": 2}


def test_pre_commit_hook_runs_the_installed_command(tmp_path: Path):
    """`.pre-commit-hooks.yaml` names the console script with options that exist, for the files dealcheck reads."""
    import yaml

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    root = Path(__file__).resolve().parents[1]
    [hook] = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    scripts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    program, *options = hook["entry"].split()
    assert hook["id"] == program == "dealcheck" and program in scripts
    assert set(hook["types_or"]) == {"markdown", "plain-text", "html", "rst"}
    doc = tmp_path / "draft.md"
    doc.write_text("Microsoft owns 49% of OpenAI.\n")
    r = subprocess.run([sys.executable, "-m", "dealcheck", *options, str(doc)], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr == "" and r.stdout.startswith(f"{doc}:1:1: false:")


def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path):
    """What a user of pre-commit sees: `pre-commit try-repo` installs this repository's hook and fails a commit
    that misstates the deal (pre-commit builds the hook's environment from PyPI, as it does for its users)."""
    pytest.importorskip("pre_commit")
    root = Path(__file__).resolve().parents[1]
    if not (root / ".git").exists():
        pytest.skip("try-repo needs the project as a git checkout")
    project = tmp_path / "site"
    project.mkdir()
    (project / "bad.md").write_text("Microsoft owns half of OpenAI.\n", encoding="utf-8")
    (project / "good.txt").write_text("Microsoft invested $1 billion in OpenAI in 2019.\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    r = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(root), "dealcheck", "--files", "bad.md", "good.txt"],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )
    assert r.returncode == 1, r.stdout + r.stderr
    assert "bad.md:1:1: false:" in r.stdout and "[ms-stake-27pct]" in r.stdout
    assert "good.txt:1:1: true:" in r.stdout
