"""`dealcheck scan` and `dealcheck.dask.check_bag`: the findings of the check command, on a Dask cluster.

One LocalCluster of two worker processes serves the module (starting one costs seconds); `scan` reaches it with
--scheduler. Without the dask extra only the message that asks for it is tested.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dealcheck import dask as stage

needs_dask = pytest.mark.skipif(not stage.available(), reason="the dask extra is not installed")

DEAL_MD = """# Microsoft and OpenAI sign a new deal

The tech giant now owns half of the startup, the companies said on Tuesday. It also gets IP rights until 2032.

```
Microsoft owns 49% of OpenAI.
```
"""
PROSE_TXT = """Microsoft and OpenAI signed a new agreement in October.
Microsoft, which owns 49% of OpenAI, declined to comment.

The regulator said that talks with suppliers had stalled. Azure is OpenAI's exclusive cloud provider.
OpenAI est désormais contrôlée par la Fondation OpenAI, une organisation à but non lucratif.
"""
PAGE_HTML = """<!doctype html><html><body>
<h1>OpenAI's new structure</h1>
<p>Microsoft has invested more than $13 billion in OpenAI. <b>The startup</b> will buy an additional
$250 billion of Azure services.</p><script>var x = "Microsoft owns 49% of OpenAI.";</script>
</body></html>
"""
RECORDS = [
    "Microsoft owns half of OpenAI. It happened in 2019.",
    "# Microsoft and OpenAI\n\nThe startup gets a $250 billion Azure contract, the company said.",
    "Nothing about the deal here.",
]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Two worker processes: what the findings must not depend on (partitions, processes) is then in play."""
    if not stage.available():
        pytest.skip("the dask extra is not installed")
    import logging

    from distributed import Client, LocalCluster

    with pytest.MonkeyPatch.context() as mp:
        # The workers inherit the environment they start in: the session's cache, no base from the environment.
        mp.setenv("DEALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        mp.delenv("DEALCHECK_CLAIMS", raising=False)
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False},
            silence_logs=logging.ERROR,
        ) as local, Client(local) as client:
            yield client


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "2025" / "10").mkdir(parents=True)
    (folder / "deal.md").write_text(DEAL_MD, encoding="utf-8")
    (folder / "2025" / "prose.txt").write_text(PROSE_TXT * 3, encoding="utf-8")
    (folder / "2025" / "10" / "page.html").write_text(PAGE_HTML, encoding="utf-8")
    (folder / "2025" / "10" / "more.txt").write_text(PROSE_TXT.replace("49%", "27%"), encoding="utf-8")
    return folder


def _parts(output: Path) -> list[str]:
    return [line for part in sorted(output.glob("part-*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]


def test_without_the_extra_scan_says_how_to_get_it(run, monkeypatch, tmp_path):
    monkeypatch.setattr(stage, "available", lambda: False)
    r = run("scan", str(tmp_path / "*.txt"), "-o", str(tmp_path / "out"))
    assert r.code == 2
    assert r.err == "dealcheck: error: dealcheck scan needs the dask extra: pip install 'dealcheck[dask]'\n"


@needs_dask
def test_scan_writes_the_lines_of_format_jsonl_in_file_order(run, cluster, archive, tmp_path, monkeypatch):
    monkeypatch.chdir(archive.parent)
    out = tmp_path / "out"
    r = run("scan", "archive/**/*.*", "--scheduler", cluster.scheduler.address, "-o", str(out))
    files = sorted(str(p.relative_to(archive.parent)) for p in archive.rglob("*.*"))
    check = run("-f", "jsonl", *files)
    assert check.code == r.code == 1  # a false finding
    assert _parts(out) == check.out.splitlines()  # line for line, in the same order: by file, then position
    assert len(list(out.glob("part-*.jsonl"))) > 1  # partitions of neighbouring files, on two workers
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    verdicts = [json.loads(line)["verdict"] for line in check.out.splitlines()]
    assert summary["files"] == summary["documents"] == len(files) and summary["findings"] == len(verdicts)
    assert summary["by_verdict"] == {v: verdicts.count(v) for v in set(verdicts)}
    assert r.err.splitlines()[-1].startswith(f"{len(files)} files, {len(files)} documents: {len(verdicts)} findings (")


@needs_dask
def test_records_of_json_lines_are_documents_named_by_their_line(run, cluster, tmp_path):
    archive = tmp_path / "news.jsonl.gz"
    lines = [json.dumps({"body": RECORDS[0]}), "", json.dumps({"body": RECORDS[1], "id": 7}), "{broken", json.dumps({"title": "x"}), json.dumps({"body": RECORDS[2]})]
    with gzip.open(archive, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    out = tmp_path / "out"
    r = run("scan", str(archive), "--text-field", "body", "--scheduler", cluster.scheduler.address, "-o", str(out))
    expected = []
    for number, text in ((1, RECORDS[0]), (3, RECORDS[1]), (6, RECORDS[2])):
        document = tmp_path / f"record{number}.txt"  # a record's text is read as a plain-text file of it would be
        document.write_text(text, encoding="utf-8")
        for line in run("-f", "jsonl", str(document)).out.splitlines():
            expected.append({**json.loads(line), "path": f"{archive}:record{number}"})
    assert [json.loads(line) for line in _parts(out)] == expected and len(expected) >= 2
    assert r.code == 2  # two records were not checked, and say why
    assert r.err.splitlines()[:2] == [
        f"dealcheck: warning: {archive}:4: not a JSON object, skipped",
        f"dealcheck: warning: {archive}:5: no text in field 'body' (see --text-field), skipped",
    ]
    assert "1 file, 3 documents, 2 skipped: " in r.err.splitlines()[-1]
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["skipped"] == 2


@needs_dask
def test_a_damaged_archive_is_skipped_with_a_warning(run, cluster, archive, tmp_path):
    (archive / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    r = run("scan", str(archive / "*.*"), "--scheduler", cluster.scheduler.address, "-o", str(tmp_path / "out"))
    assert r.code == 2
    assert r.err.startswith(f"dealcheck: warning: {archive / 'bad.txt.gz'}: cannot read")
    assert len(_parts(tmp_path / "out")) == len(run("-f", "jsonl", str(archive / "deal.md")).out.splitlines())


@needs_dask
def test_the_output_folder_is_never_written_over_without_force(run, cluster, archive, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    args = ("scan", str(archive / "deal.md"), "--scheduler", cluster.scheduler.address, "-o", str(out))
    r = run(*args)
    assert (r.code, r.err) == (2, f"dealcheck: error: --output {out}: not empty (use --force to replace an earlier run's files)\n")
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    (out / "part-00007.jsonl").write_text("from an earlier run\n", encoding="utf-8")
    r = run(*args, "--force", "--exit-zero", "-q")
    assert (r.code, r.err) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "part-00000.jsonl", "summary.json"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


@needs_dask
@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("nowhere/*.txt",), "nowhere/*.txt: no file matches"),
        (("nowhere.jsonl",), "nowhere.jsonl: no such file"),
        (("{archive}",), "{archive}: is a folder; give a pattern such as '{archive}/**/*.jsonl.gz'"),
        (("{archive}/deal.md", "--as-of", "yesterday"), "--as-of: 'yesterday' is not a date (expected YYYY-MM-DD)"),
        (("{archive}/deal.md", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"),
         "--workers: only for the cluster scan starts itself; a --scheduler's cluster has the workers it has"),
        (("{archive}/deal.md", "--claims", "nowhere.yaml"), "nowhere.yaml: no such claim base"),
        (("nope://x/*.txt",), "nope://x/*.txt: Protocol not known: nope"),
    ],
)
def test_usage_errors_are_one_line(run, archive, tmp_path, monkeypatch, args, error):
    monkeypatch.chdir(tmp_path)
    r = run("scan", *(a.format(archive=archive) for a in args), "-o", str(tmp_path / "out"))
    assert r.code == 2
    assert len(r.err.splitlines()) == 1 and r.err.startswith("dealcheck: error: ")
    assert error.format(archive=archive) in r.err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@needs_dask
def test_a_scheduler_that_does_not_answer_is_one_line(run, archive, tmp_path, monkeypatch):
    from dealcheck import scan

    monkeypatch.setattr(scan, "CONNECT_TIMEOUT", "0.5s")
    r = run("scan", str(archive / "deal.md"), "--scheduler", "tcp://127.0.0.1:9", "-o", str(tmp_path / "out"))
    assert r.code == 2 and len(r.err.splitlines()) == 1
    assert r.err.startswith("dealcheck: error: --scheduler tcp://127.0.0.1:9: cannot connect")


@needs_dask
def test_scan_starts_a_cluster_of_its_own(run, archive, tmp_path):
    out = tmp_path / "out"
    r = run("scan", str(archive / "deal.md"), "--workers", "1", "-o", str(out), "--fail-on", "true")
    assert r.code == 1  # the true findings are at the fail level
    assert _parts(out) == run("-f", "jsonl", str(archive / "deal.md")).out.splitlines()


@needs_dask
def test_check_bag_gives_the_records_of_format_jsonl(run, cluster, tmp_path):
    import dask.bag as db

    documents = [{"path": "a.md", "text": DEAL_MD}, ("b.html", PAGE_HTML), RECORDS[0], {"text": PROSE_TXT}]
    bag = db.from_sequence(documents * 2, npartitions=4)
    found = stage.check_bag(bag, as_of="2026-01-15").compute()
    expected = []
    for path, text in (("a.md", DEAL_MD), ("b.html", PAGE_HTML), (None, RECORDS[0]), (None, PROSE_TXT)):
        file = tmp_path / (path or "doc.txt")
        file.write_text(text, encoding="utf-8")
        for line in run("-f", "jsonl", "--as-of", "2026-01-15", str(file)).out.splitlines():
            expected.append({**json.loads(line), "path": path})
    assert found == expected * 2
    # Partitions on two workers, and each worker that ran one loaded the claim base once.
    assert max(cluster.run(lambda: len(stage._bases)).values()) == 1


def test_check_bag_refuses_what_is_not_a_document():
    with pytest.raises(TypeError, match="a document is a text, a \\(path, text\\) pair or a dict"):
        stage._document(42, "text")
