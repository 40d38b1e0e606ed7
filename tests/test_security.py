"""Hostile files, caches, names, streams and signals: each defect of the audit, through the CLI.

Every test runs with its own cache folder (conftest) and, where a process could run away,
in a subprocess with a memory limit and a timeout that guards against a hang (not a timing target).
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINI

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
STAKE = "Microsoft owns 49% of OpenAI."


def _dealcheck(*args: str, cache: Path, stdin: bytes | None = None, memory: int = 2 * 2**30, timeout: float = 120, **kw):
    """The installed program in a fresh process, with an address-space limit."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "DEALCHECK_CACHE_DIR": str(cache)}
    env.pop("DEALCHECK_CLAIMS", None)
    return subprocess.run(
        [sys.executable, "-m", "dealcheck", *args], input=stdin, capture_output=True, timeout=timeout, env=env, preexec_fn=limit, **kw
    )


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests tamper with the cache: each gets its own, not the session's."""
    monkeypatch.setenv("DEALCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def _cache_dir() -> Path:
    return Path(os.environ["DEALCHECK_CACHE_DIR"])


class _Payload:
    """What an attacker plants: unpickling it creates a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


# --- the cache -------------------------------------------------------------------------------


def test_cache_entries_are_private_even_under_umask_000(tmp_path: Path):
    cache = tmp_path / "fresh" / "cache"
    old = os.umask(0)
    try:
        r = _dealcheck("--claims", str(MINI), STAKE, cache=cache)
    finally:
        os.umask(old)
    assert r.returncode == 1, r.stderr
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    [entry] = _entries(cache)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_a_pickle_others_could_write_is_never_loaded(run, tmp_path: Path):
    assert run("--claims", str(MINI), "x").code == 0
    marker = tmp_path / "pwned"
    for entry in _entries(_cache_dir()):
        entry.write_bytes(pickle.dumps(_Payload(marker)))
        entry.chmod(0o666)  # as in a shared or umask-000 cache: anyone could have put it there
    [f] = run("--claims", str(MINI), "--format", "json", STAKE).json()
    assert f["verdict"] == "false"
    assert not marker.exists()


@pytest.mark.skipif(not ROOT, reason="needs root to give a file to another user")
def test_a_pickle_owned_by_another_user_is_never_loaded(run, tmp_path: Path):
    assert run("--claims", str(MINI), "x").code == 0
    marker = tmp_path / "pwned"
    for entry in _entries(_cache_dir()):
        entry.write_bytes(pickle.dumps(_Payload(marker)))
        os.chown(entry, 12345, 12345)
    [f] = run("--claims", str(MINI), "--format", "json", STAKE).json()
    assert f["verdict"] == "false" and not marker.exists()


@pytest.mark.skipif(not ROOT, reason="needs root to give a folder to another user")
def test_a_cache_folder_of_another_user_is_not_used(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    os.chown(shared, 12345, 12345)
    r = _dealcheck("--claims", str(MINI), STAKE, cache=shared)
    assert r.returncode == 1
    assert "cache not used" in r.stderr.decode() and "not yours alone" in r.stderr.decode()
    assert list(shared.iterdir()) == []


def test_cache_entry_through_a_symlink_is_not_followed(run, tmp_path: Path):
    assert run("--claims", str(MINI), "x").code == 0
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    for entry in _entries(_cache_dir()):
        entry.unlink()
        entry.symlink_to(victim)
    [f] = run("--claims", str(MINI), "--format", "json", STAKE).json()
    assert f["verdict"] == "false"
    assert victim.read_bytes() == b"precious"  # the link was replaced by a new entry, not written through
    assert all(not e.is_symlink() for e in _entries(_cache_dir()))


def test_any_edit_of_a_base_gets_a_new_cache_entry(run, tmp_path: Path):
    """27% → 47% keeps the length: a checksum key could be kept by adjusting a comment; a hash cannot."""
    base = tmp_path / "base.yaml"
    base.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    [before] = run("--claims", str(base), "--format", "json", "Microsoft owns 27% of OpenAI.").json()
    assert before["verdict"] == "true"
    text = base.read_text(encoding="utf-8")
    assert "27%" in text
    base.write_text(text.replace("27%", "47%"), encoding="utf-8")
    [after] = run("--claims", str(base), "--format", "json", "Microsoft owns 27% of OpenAI.").json()
    assert after["verdict"] != "true"


def test_cache_key_covers_subpackages_and_every_byte():
    from dealcheck import cache

    assert cache.key([b"ab", b"c"]) != cache.key([b"a", b"bc"])
    assert cache.key([b"x" * 100]) != cache.key([b"x" * 99 + b"y"])
    assert len(cache.key([b""])) == 40


def test_cache_info_and_clear_touch_only_dealcheck_entries(run):
    assert run("--claims", str(MINI), "x").code == 0
    mine = _cache_dir() / "notes.txt"
    mine.write_text("a file of the user's, in a folder they pointed the cache at")
    info = run("cache", "info", "--format", "json").json()
    assert info["directory"] == str(_cache_dir()) and info["entries"] >= 1 and info["usable"]
    r = run("cache", "clear")
    assert r.code == 0 and r.out.startswith("removed ")
    assert _entries(_cache_dir()) == [] and mine.exists()
    assert run("--claims", str(MINI), "--format", "json", STAKE).json()[0]["verdict"] == "false"


def test_cache_is_bounded_and_stale_temporaries_go(tmp_path: Path):
    from dealcheck import cache

    folder = tmp_path / "c"
    folder.mkdir(mode=0o700)
    old = time.time() - 2 * cache.STALE_SECONDS
    stale = folder / ".base-00ff.pickle.abc123.tmp"
    stale.write_bytes(b"x")
    os.utime(stale, (old, old))
    for i in range(5):
        entry = folder / f"base-{i:040x}.pickle"
        entry.write_bytes(b"x" * 1000)
        os.utime(entry, (old + i, old + i))
    mp = pytest.MonkeyPatch()
    mp.setenv("DEALCHECK_CACHE_DIR", str(folder))
    try:
        cache.prune(max_bytes=2500)
    finally:
        mp.undo()
    assert not stale.exists()
    assert sorted(p.name for p in folder.iterdir()) == [f"base-{i:040x}.pickle" for i in (3, 4)]


# --- output files ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_force_never_replaces_what_is_not_a_regular_file(run, tmp_path: Path, kind: str):
    target = tmp_path / "out"
    os.mkfifo(target) if kind == "fifo" else target.mkdir()
    r = run("claims", "export", "--claims", str(MINI), "-o", str(target), "--force")
    assert r.code == 2 and "not a regular file" in r.err
    assert (stat.S_ISFIFO if kind == "fifo" else stat.S_ISDIR)(target.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary left


def test_a_failed_write_leaves_no_temporary(run, tmp_path: Path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("the user's old file")

    def refuse(*args, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    r = run("claims", "export", "--claims", str(MINI), "-o", str(target), "--force")
    assert r.code == 2 and "No space left on device" in r.err
    assert target.read_text() == "the user's old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_force_keeps_a_symlink_and_the_mode_of_the_file(run, tmp_path: Path):
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run("claims", "export", "--claims", str(MINI), "-o", str(link), "--force").code == 0
    assert link.is_symlink() and json.loads(real.read_text())[0]["@type"] == "ClaimReview"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


# --- what reaches the terminal ---------------------------------------------------------------


def test_line_output_is_one_line_per_finding_whatever_the_file_name(mini, tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "evil\nname\x1b]0;owned\x07.txt").write_text(f"{STAKE}\n")
    r = mini("-f", "line", str(folder))
    assert r.code == 1
    [line] = r.out.splitlines()
    assert "\x1b" not in r.out and "\x07" not in r.out
    assert "evil\\x0aname\\x1b]0;owned\\x07.txt:1:1: false:" in line


def test_text_and_warnings_escape_control_sequences(mini, tmp_path: Path):
    doc = tmp_path / "a\x9bb.txt"
    doc.write_bytes(b"Microsoft owns 49% of \x1b[2JOpenAI.\n\xff\n")
    r = mini("--color", "never", "--all", str(doc))
    assert "\x1b" not in r.out and "\x9b" not in r.out and "\x9b" not in r.err
    assert "\\x9b" in r.out and "\\x1b[2J" in r.out
    for fmt in ("json", "jsonl"):
        out = mini("-f", fmt, "--all", str(doc)).out
        assert "\x1b" not in out and "\x9b" not in out and "\\u009b" in out


def test_imported_reviews_lose_their_escape_sequences(run, tmp_path: Path):
    review = {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://f.example/1",
        "claimReviewed": "Acme\x1b]8;;http://evil\x1b\\ sold \u202e3 plants.\x9b2J",
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "author": {"@type": "Organization", "name": "F\x1b[31m"},
    }
    src = tmp_path / "r.json"
    src.write_text(json.dumps(review))
    out = tmp_path / "base.yaml"
    assert run("claims", "import", str(src), "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    assert not any(c in text for c in "\x1b\x9b\u202e")
    listed = run("claims", "list", "--claims", str(out)).out
    assert "Acme" in listed and "\x1b" not in listed


def test_claims_list_and_show_escape_what_a_base_holds(run, tmp_path: Path):
    base = tmp_path / "b.yaml"
    text = MINI.read_text(encoding="utf-8")
    base.write_text(
        text.replace("explanation: The filing gives about 27 percent.", 'explanation: "The filing \\e]0;owned\\a gives 27."', 1)
        .replace("text: Microsoft holds about 27% of OpenAI.", 'text: "Microsoft holds about 27% of \\x9bOpenAI."', 1),
        encoding="utf-8",
    )
    shown = run("claims", "show", "stake-27", "--claims", str(base))
    assert shown.code == 0, shown.err
    assert not any(c in shown.out for c in "\x1b\x07\x9b")
    assert "The filing \\x1b]0;owned\\x07 gives 27." in shown.out
    listed = run("claims", "list", "--claims", str(base))
    assert "\\x9bOpenAI" in listed.out and "\x9b" not in listed.out


# --- resources -------------------------------------------------------------------------------


def test_jobs_are_capped_at_the_cores(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text(f"{STAKE}\n")
    r = mini("-j", "1000", "-f", "jsonl", str(doc))
    assert r.code == 1 and len(r.jsonl()) == 1
    assert f"--jobs 1000: this machine has {os.cpu_count()} cores" in r.err


def test_a_stream_without_newlines_is_read_in_pieces(tmp_path: Path):
    data = b"Microsoft owns 49% of OpenAI. " + b"a" * (60 * 2**20) + b" " + STAKE.encode()
    r = _dealcheck("--claims", str(MINI), "-f", "jsonl", "-j", "1", "-", cache=tmp_path / "c", stdin=data, memory=1536 * 2**20)
    assert r.returncode == 1, r.stderr[-500:]
    assert [json.loads(line)["verdict"] for line in r.stdout.splitlines()] == ["false", "false"]


@pytest.mark.parametrize("args", [
    ("--claims", "/dev/zero", "x"),
    ("claims", "validate", "/dev/urandom"),
    ("claims", "import", "/dev/zero"),
    ("claims", "import", str(MINI), "--rating-map", "/dev/zero"),
])
def test_devices_are_refused_not_read(tmp_path: Path, args: tuple[str, ...]):
    r = _dealcheck(*args, cache=tmp_path / "c", memory=1024 * 2**20, timeout=60)
    assert r.returncode == 2
    [line] = r.stderr.decode().splitlines()
    assert "/dev/" in line and "not a regular file" in line


def test_max_size_bounds_a_pipe(tmp_path: Path):
    r = _dealcheck("--claims", "/dev/stdin", "--max-size", "1k", "x", cache=tmp_path / "c", stdin=MINI.read_bytes())
    assert r.returncode == 2 and "larger than 1,024 bytes (see --max-size)" in r.stderr.decode()
    r = _dealcheck("--max-size", "lots", "x", cache=tmp_path / "c")
    assert r.returncode == 2 and "--max-size: 'lots' is not a size" in r.stderr.decode()


def test_a_fifo_in_a_folder_is_skipped_not_waited_for(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{STAKE}\n")
    os.mkfifo(folder / "b.txt")
    r = _dealcheck("--claims", str(MINI), "-f", "line", str(folder), cache=tmp_path / "c", timeout=60)
    assert r.returncode == 1
    assert len(r.stdout.splitlines()) == 1
    assert "b.txt: not a regular file, skipped" in r.stderr.decode()


def test_unclosed_elements_are_scanned_once():
    """Each unclosed opener used to search to the end of the text: quadratic. Now one search ends the scan."""
    import re

    from dealcheck.inputs import element_spans

    calls = []
    closer = re.compile("-->")

    def find_closer(_):
        calls.append(1)
        return closer

    spans = list(element_spans("<!-- " * 20000 + "text", re.compile("<!--"), find_closer))
    assert len(spans) == 1 and spans[0][1] is None and len(calls) == 1


@pytest.mark.parametrize("name, text", [
    ("a.html", "<script " * 20000 + "<p>Microsoft owns 49% of OpenAI.</p>"),
    ("b.md", "<!-- " * 20000 + "\n\nMicrosoft owns 49% of OpenAI.\n"),
    ("c.html", "<" * 100000 + "<p>Microsoft owns 49% of OpenAI.</p>"),
    ("d.md", "`" * 200000 + " x\n"),
    ("e.html", "<p>Microsoft owns 49% of OpenAI.</p>" + "<p " * 20000),  # html.parser rescans an unclosed tag from each "<"
    ("f.html", "<p>Microsoft owns 49% of OpenAI.</p>" + "<!-- " * 20000),
    ("g.rst", "".join(" " * 3 * k + ".. note::\n\n" for k in range(1500))),  # nesting deeper than the stack
    ("h.rst", "![" * 30000 + "\n"),
])
def test_hostile_markup_finishes(tmp_path: Path, name: str, text: str):
    doc = tmp_path / name
    doc.write_text(text)
    r = _dealcheck("--claims", str(MINI), "-f", "jsonl", str(doc), cache=tmp_path / "c", timeout=60)
    assert r.returncode in (0, 1), r.stderr[-300:]


def test_import_of_a_page_of_unclosed_json_ld_finishes(tmp_path: Path):
    page = tmp_path / "p.html"
    page.write_text('<script type="application/ld+json">' * 20000)
    r = _dealcheck("claims", "import", str(page), cache=tmp_path / "c", timeout=60)
    assert r.returncode == 2 and "no <script type=" in r.stderr.decode()


def test_sigterm_stops_the_workers(tmp_path: Path):
    doc = tmp_path / "big.txt"
    doc.write_text(("An unrelated sentence about the weather in Lyon.\n" * 20 + f"{STAKE}\n") * 20000)
    env = {**os.environ, "DEALCHECK_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dealcheck", "--claims", str(MINI), "-j", "2", "-f", "jsonl", str(doc)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    # Findings from the workers are arriving: they have started (a worker still being spawned when
    # its parent goes cannot be told to stop, and says so on stderr; see the README).
    for _ in range(200):
        proc.stdout.readline()
    children = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    if proc.poll() is not None or len(children) < 2:
        proc.kill()
        pytest.skip("the run ended before its workers could be seen")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)  # reads what was written meanwhile, as a reader would
    assert proc.returncode == 143
    assert err.decode().strip() == "dealcheck: terminated"
    time.sleep(0.5)
    assert [c for c in children if Path(f"/proc/{c}").exists() and "zombie" not in Path(f"/proc/{c}/status").read_text()] == []


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("body, expected", [
    ("version: 1\nclaims: !!python/object:os.system {}\n", "YAML: could not determine a constructor"),
    ("version: 1\nclaims: " + "[" * 5000 + "]" * 5000 + "\n", "YAML:"),
    ("version: " + "9" * 5000 + "\nclaims: []\n", "a number with thousands of digits"),
    ("version: 1\nentities: []\nsources: []\nclaims: []\n", "no claims: a claim base needs at least one"),
    ("version: 1\nrelations: [{id: owns}]\nclaims: []\n", "relations"),  # found by benchmarks/hostile.py: a KeyError
])
def test_odd_yaml_is_one_line_error(run, tmp_path: Path, body: str, expected: str):
    base = tmp_path / "b.yaml"
    base.write_text(body)
    r = run("--claims", str(base), "x")
    assert r.code == 2
    assert r.err.splitlines() and all(line.startswith("dealcheck: error: ") for line in r.err.splitlines())
    assert expected in r.err.splitlines()[0]


@pytest.mark.parametrize("body, expected", [
    ('{"a": ' + "1" * 5000 + "}", "a number with thousands of digits"),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
])
def test_odd_json_is_one_line_error(run, tmp_path: Path, body: str, expected: str):
    src = tmp_path / "r.json"
    src.write_text(body)
    r = run("claims", "import", str(src))
    assert r.code == 2 and expected in r.err and len(r.err.splitlines()) == 1


@pytest.mark.parametrize("value", ["20251028", "2025-W44-2", "2025-10-28T00:00", "28/10/2025"])
def test_as_of_is_strictly_a_date(mini, value: str):
    r = mini("--as-of", value, STAKE)
    assert r.code == 2 and f"--as-of: {value!r} is not a date (expected YYYY-MM-DD)" in r.err


@pytest.mark.parametrize("args, code", [
    (("--claims", str(MINI), STAKE), 1),
    (("--claims", str(MINI), "-f", "jsonl", "-j", "1", "-"), 1),
    (("claims", "list"), 0),
    (("claims", "show", "ms-stake-27pct"), 0),
    (("claims", "export"), 0),
    (("claims", "validate", str(MINI), "--no-semantic"), 0),
    (("cache", "info"), 0),
])
def test_a_closed_pipe_ends_every_command_quietly(tmp_path: Path, args: tuple[str, ...], code: int):
    env = {**os.environ, "DEALCHECK_CACHE_DIR": str(tmp_path / "c")}
    feed = tmp_path / "in.txt"
    feed.write_text((STAKE + "\n") * 50000)
    gone, stdout = os.pipe()
    os.close(gone)  # the reader (`head`) has gone before the first byte: every write meets a closed pipe
    with feed.open("rb") as stdin:
        r = subprocess.run([sys.executable, "-m", "dealcheck", *args], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=60)
    os.close(stdout)
    assert (r.returncode, r.stderr.decode()) == (code, "")


def test_a_temporary_file_is_never_a_predictable_name_followed(tmp_path: Path):
    from dealcheck.atomic import atomic_write

    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    target = tmp_path / "entry.pickle"
    for name in (f"{target.name}.{os.getpid()}.tmp", f"entry.{os.getpid()}.tmp", f".{target.name}.tmp"):
        (tmp_path / name).symlink_to(victim)
    atomic_write(target, b"new", private=True)
    assert victim.read_bytes() == b"precious" and target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# --- ClaimReview keeps what the base holds ---------------------------------------------------


def test_claimreview_round_trip_keeps_numbers_replacements_and_examples(run, tmp_path: Path):
    from dealcheck import claimbase

    exported = tmp_path / "reviews.json"
    assert run("claims", "export", "-o", str(exported)).code == 0
    back_path = tmp_path / "back.yaml"
    assert run("claims", "import", str(exported), "-o", str(back_path)).code == 0
    original, back = claimbase.load(), claimbase.load(back_path)
    for claim in original.claims:
        again = back.by_id[claim.id]
        assert again.numbers == claim.numbers, claim.id
        assert again.replaced_by == claim.replaced_by, claim.id
        assert [(e.text, e.verdict, e.as_of) for e in again.examples] == [(e.text, e.verdict, e.as_of) for e in claim.examples], claim.id
    assert run("claims", "validate", str(back_path), "--no-semantic").code == 0
