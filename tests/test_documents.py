"""Whole documents: Markdown and HTML positions, folders and globs, --all, --jobs order, big files."""

from __future__ import annotations

from pathlib import Path

MARKDOWN = """\
---
title: "Microsoft owns 49% of OpenAI"
---
# A heading about the deal

Intro paragraph. Microsoft owns 49% of OpenAI, a blog said.

```python
print("Microsoft owns 49% of OpenAI")
```

- First item mentions nothing.
- Azure is OpenAI's exclusive cloud provider.

Inline `Microsoft owns 49% of OpenAI` code is skipped. <!-- Microsoft owns 49% of OpenAI -->
Tout le monde sait que Microsoft détient 49 % d'OpenAI.
"""


def test_markdown_positions_skip_code_and_front_matter(mini, tmp_path: Path):
    doc = tmp_path / "draft.md"
    doc.write_text(MARKDOWN, encoding="utf-8")
    found = [(f["line"], f["column"], f["verdict"], f["text"]) for f in mini("--format", "jsonl", str(doc)).jsonl()]
    assert found == [
        (6, 18, "false", "Microsoft owns 49% of OpenAI, a blog said."),
        (13, 3, "outdated", "Azure is OpenAI's exclusive cloud provider."),
        (16, 1, "false", "Tout le monde sait que Microsoft détient 49 % d'OpenAI."),
    ]


def test_markdown_code_is_checked_in_a_txt_file(mini, tmp_path: Path):
    doc = tmp_path / "draft.txt"
    doc.write_text(MARKDOWN, encoding="utf-8")
    texts = [f["text"] for f in mini("--format", "jsonl", str(doc)).jsonl()]
    assert any('print("Microsoft owns 49% of OpenAI")' in t for t in texts)  # not Markdown: code is prose


def test_html_visible_text_only(mini, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>x</title><script>var s = 'Microsoft owns 49% of OpenAI.';</script></head>\n"
        "<body><h1>News</h1><p>Microsoft owns 49% of&nbsp;OpenAI.</p>\n"
        "<p class=\"x\">Azure is OpenAI&#39;s exclusive cloud provider.</p></body></html>\n",
        encoding="utf-8",
    )
    found = [(f["line"], f["column"], f["verdict"]) for f in mini("--format", "jsonl", str(page)).jsonl()]
    assert found == [(2, 23, "false"), (3, 14, "outdated")]


def test_plain_text_positions_across_lines(mini, tmp_path: Path):
    doc = tmp_path / "notes.txt"
    doc.write_text("First line.\nSecond line: the\nnews is that Microsoft owns 49% of\nOpenAI. End.\n", encoding="utf-8")
    [f] = mini("--format", "jsonl", str(doc)).jsonl()
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (2, 1, 4, 7)


def test_glob_changes_what_folders_yield(mini, tmp_path: Path):
    (tmp_path / "a.txt").write_text("Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    (tmp_path / "b.post").write_text("Microsoft holds 30% of OpenAI.\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    names = [Path(f["path"]).name for f in mini("--format", "jsonl", str(tmp_path)).jsonl()]
    assert names == ["a.txt"]
    names = [Path(f["path"]).name for f in mini("--format", "jsonl", "--glob", "*.post", str(tmp_path)).jsonl()]
    assert names == ["b.post"]
    names = [Path(f["path"]).name for f in mini("--format", "jsonl", "-g", "*.post", "-g", "*.txt", str(tmp_path)).jsonl()]
    assert names == ["a.txt", "b.post"]


def test_all_reports_every_sentence_with_unknown(mini, tmp_path: Path):
    doc = tmp_path / "d.md"
    doc.write_text("# Title\n\nNothing here. Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    r = mini("--format", "jsonl", "--all", str(doc))
    assert [(f["line"], f["verdict"]) for f in r.jsonl()] == [(1, "unknown"), (3, "unknown"), (3, "false")]


def test_summary_counts_sentences_and_verdicts(mini, tmp_path: Path):
    doc = tmp_path / "d.txt"
    doc.write_text("One. Two. Microsoft owns 49% of OpenAI. Azure is OpenAI's exclusive cloud provider.", encoding="utf-8")
    r = mini(str(doc))
    assert r.err.startswith("4 sentences checked, 2 findings (1 false, 1 outdated) in ")


def _big_document(path: Path, paragraphs: int) -> list[str]:
    """Many blocks' worth of text; returns the deal sentences in order."""
    deal = ["Microsoft owns 49% of OpenAI.", "Microsoft holds 30% of OpenAI.", "Azure is OpenAI's exclusive cloud provider."]
    expected = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(paragraphs):
            sentence = deal[i % 3]
            out.write(f"Paragraph {i} has some filler text about the weather and markets. {sentence}\n\n")
            expected.append(sentence)
    return expected


def test_jobs_keep_input_order(mini, tmp_path: Path):
    doc = tmp_path / "big.txt"
    expected = _big_document(doc, 12000)  # about 1 MB: several blocks
    serial = mini("--format", "jsonl", "--jobs", "1", str(doc)).jsonl()
    parallel = mini("--format", "jsonl", "--jobs", "3", str(doc)).jsonl()
    assert [f["text"] for f in parallel] == expected
    assert parallel == serial
    assert [f["line"] for f in parallel] == [1 + 2 * i for i in range(12000)]


def test_jobs_with_all_and_text_summary(mini, tmp_path: Path):
    doc = tmp_path / "big.txt"
    _big_document(doc, 9000)
    r = mini("--jobs", "2", "--all", "--format", "jsonl", str(doc))
    assert len(r.jsonl()) == 18000
    r = mini("--jobs", "2", str(doc))
    assert r.err.startswith("18000 sentences checked, 9000 findings (6000 false, 3000 outdated)")


def test_invalid_utf8_in_the_middle_of_a_big_file(mini, tmp_path: Path):
    doc = tmp_path / "big.txt"
    _big_document(doc, 6000)
    data = doc.read_bytes()
    middle = data.index(b"\n\n", len(data) // 2) + 2
    line = data[:middle].count(b"\n") + 1
    doc.write_bytes(data[:middle] + b"Bad \xff\xfe bytes, and Microsoft owns 49% of OpenAI.\n\n" + data[middle:])
    r = mini("--format", "jsonl", "--jobs", "2", str(doc))
    found = r.jsonl()
    assert len(found) == 6001
    bad = [f for f in found if "\ufffd" in f["text"]]
    assert [(f["line"], f["verdict"]) for f in bad] == [(line, "false")]
    assert r.err == f"dealcheck: warning: {doc}:{line}: invalid UTF-8, replaced with U+FFFD\n"


def test_markdown_opening_with_a_rule_is_not_front_matter(mini, tmp_path: Path):
    doc = tmp_path / "d.md"
    doc.write_text("---\n\nMicrosoft owns 49% of OpenAI.\n", encoding="utf-8")
    [f] = mini("--format", "jsonl", str(doc)).jsonl()
    assert (f["line"], f["verdict"]) == (3, "false")


def test_progress_bar_on_a_terminal_only(mini, monkeypatch, tmp_path: Path):
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    doc = tmp_path / "big.txt"
    doc.write_text("The weather was mild and markets were calm on Tuesday.\n\n" * 80000, encoding="utf-8")  # over 4 MB
    assert mini("--format", "jsonl", "--jobs", "1", str(doc)).err == ""  # piped: no bar
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    mini("--format", "jsonl", "--jobs", "1", str(doc))
    assert "MB" in screen.getvalue()  # the bar counts megabytes read


def test_folder_with_no_matching_files_warns(mini, tmp_path: Path):
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")
    r = mini("--format", "json", str(tmp_path))
    assert r.code == 0 and r.json() == []
    assert r.err == f"dealcheck: warning: {tmp_path}: no files matching *.txt *.md *.markdown *.rst *.html *.htm\n"
