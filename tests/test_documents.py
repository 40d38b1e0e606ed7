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


# Each format's reading, through the CLI. A finding's line/column span must point into the original file:
# `_span` slices the file by it, and the finding's text is what that slice reads, markup aside.


def _span(doc: str, f: dict) -> str:
    """The original text from (line, column) to (end_line, end_column), both ends included."""
    lines = doc.split("\n")
    if f["line"] == f["end_line"]:
        return lines[f["line"] - 1][f["column"] - 1 : f["end_column"]]
    middle = lines[f["line"] : f["end_line"] - 1]
    return "\n".join([lines[f["line"] - 1][f["column"] - 1 :], *middle, lines[f["end_line"] - 1][: f["end_column"]]])


def _check(mini, name: str, doc: str, *args: str, stdin: bool = False) -> list[dict]:
    if stdin:
        found = mini("--format", "jsonl", *args, "-", stdin=doc).jsonl()
    else:
        path = Path(name)
        path.write_text(doc, encoding="utf-8")
        found = mini("--format", "jsonl", *args, str(path)).jsonl()
    for f in found:  # the span starts and ends where the finding's text does
        span = _span(doc, f)
        first, last = f["text"].split()[0], f["text"][-1]
        assert span.startswith(first) and span.endswith(last), (span, f["text"])
    return found


def test_markdown_on_stdin_named_by_stdin_filename(mini):
    doc = (
        "---\ntitle: Microsoft owns 49% of OpenAI\n---\n"
        "<!-- Microsoft owns 49% of OpenAI. -->\n\n"
        "```\nMicrosoft owns 49% of OpenAI.\n```\n\n"
        "Intro. Microsoft holds 30% of OpenAI.\n"
    )
    found = _check(mini, "", doc, "--stdin-filename", "post.md", stdin=True)
    assert [(f["path"], f["line"], f["column"], f["text"]) for f in found] == [("post.md", 10, 8, "Microsoft holds 30% of OpenAI.")]
    unnamed = mini("--format", "jsonl", "-", stdin=doc).jsonl()  # front matter: sniffed as Markdown too
    assert [(f["path"], f["line"]) for f in unnamed] == [("<stdin>", 10)]
    as_text = mini("--format", "jsonl", "--stdin-filename", "post.txt", "-", stdin=doc).jsonl()
    assert [(f["path"], f["line"]) for f in as_text] == [("post.txt", 1), ("post.txt", 6), ("post.txt", 10)]  # plain text: all prose


def test_markdown_inline_markup_is_read_as_its_text(mini, tmp_path: Path):
    doc = "Intro. **Microsoft** owns *49%* of [OpenAI](https://openai.com \"Microsoft owns 49% of OpenAI\").\n"
    [f] = _check(mini, str(tmp_path / "a.md"), doc)
    assert f["text"] == "Microsoft owns 49% of OpenAI."
    assert _span(doc, f) == 'Microsoft** owns *49%* of [OpenAI](https://openai.com "Microsoft owns 49% of OpenAI").'
    assert (f["line"], f["column"]) == (1, 10)


def test_markdown_indented_code_tables_lists_quotes(mini, tmp_path: Path):
    doc = (
        "Some text.\n\n"
        "    Microsoft owns 49% of OpenAI.\n\n"
        "| claim | other |\n|---|---|\n| Microsoft holds 30% of OpenAI | Azure is OpenAI's exclusive cloud provider |\n\n"
        "> - Microsoft owns 49%\n>   of OpenAI.\n"
    )
    found = _check(mini, str(tmp_path / "a.md"), doc)
    assert [(f["line"], f["column"], f["text"]) for f in found] == [
        (7, 3, "Microsoft holds 30% of OpenAI"),
        (7, 35, "Azure is OpenAI's exclusive cloud provider"),
        (9, 5, "Microsoft owns 49% of OpenAI."),
    ]
    assert (found[2]["end_line"], found[2]["end_column"]) == (10, 14)
    assert not any("|" in f["text"] or ">" in f["text"] for f in found)


def test_markdown_entities_escapes_and_struck_text(mini, tmp_path: Path):
    doc = "~~Microsoft owns 49% of OpenAI.~~ Microsoft&nbsp;owns 49\\% of OpenAI.\n"
    [f] = _check(mini, str(tmp_path / "a.md"), doc)
    assert f["text"] == "Microsoft owns 49% of OpenAI." and (f["column"], f["end_column"]) == (35, 69)


HTML_PAGE = """\
<!DOCTYPE html>
<html><head><title>Microsoft owns 49% of OpenAI</title>
<script>var s = "<p>Microsoft owns 49% of OpenAI.</p>";</script><style>p { content: "Microsoft owns 49% of OpenAI." }</style></head>
<body><nav><a href="/">Microsoft owns 49% of OpenAI.</a></nav>
<article><h1>Deal news</h1>
<p title="5 > 3 and Microsoft owns 49% of OpenAI">Microsoft holds&nbsp;30% of OpenAI.</p>
<p>Microsoft owns half<br>of OpenAI, said the post&#8217;s author.</p>
<pre><code>Microsoft owns 49% of OpenAI.</code></pre>
<div>Azure is OpenAI&#39;s exclusive
cloud provider.</div><footer>Microsoft owns 49% of OpenAI.</footer>
</article>
<aside>Microsoft owns 49% of OpenAI.</aside>
<footer>Microsoft owns 49% of OpenAI.</footer>
</body></html>
"""


def test_html_page_read_as_a_reader_reads_it(mini, tmp_path: Path):
    found = _check(mini, str(tmp_path / "page.html"), HTML_PAGE)
    assert [(f["line"], f["column"], f["end_line"], f["end_column"], f["text"]) for f in found] == [
        (6, 51, 6, 85, "Microsoft holds 30% of OpenAI."),
        (7, 4, 7, 66, "Microsoft owns half of OpenAI, said the post’s author."),
        (9, 6, 10, 15, "Azure is OpenAI's exclusive cloud provider."),
    ]


def test_html_on_stdin_is_sniffed(mini):
    found = _check(mini, "", HTML_PAGE, stdin=True)
    assert [(f["path"], f["line"]) for f in found] == [("<stdin>", 6), ("<stdin>", 7), ("<stdin>", 9)]
    fragment = "\n  <div><p>Microsoft owns 49% of OpenAI.</p></div>"
    assert [f["column"] for f in mini("--format", "jsonl", stdin=fragment).jsonl()] == [11]


def test_plain_stdin_with_angle_brackets_stays_plain(mini):
    text = "Microsoft owns 49% of OpenAI <sic>.\n"
    [f] = mini("--format", "jsonl", stdin=text).jsonl()
    assert f["text"] == "Microsoft owns 49% of OpenAI <sic>."


def test_html_without_article_reads_the_body(mini, tmp_path: Path):
    doc = "<p>Intro</p><p>Microsoft owns 49% of OpenAI.</p>\n<p>Microsoft holds 30% of OpenAI&#8217;s shares &amp; more.</p>"
    found = _check(mini, str(tmp_path / "a.htm"), doc)
    assert [(f["line"], f["column"]) for f in found] == [(1, 16), (2, 4)]


REST = """\
=====================
Microsoft and OpenAI
=====================

:Author: Microsoft owns 49% of OpenAI

Intro text, then **Microsoft** owns `49% <https://x.org>`_ of OpenAI.

.. code-block:: python
   :linenos:

   print("Microsoft owns 49% of OpenAI.")

.. Microsoft owns 49% of OpenAI.

.. note::
   :class: Microsoft owns 49% of OpenAI.

   Azure is OpenAI's exclusive cloud provider.

An example::

    Microsoft owns 49% of OpenAI.

Section title: Microsoft holds 30% of OpenAI
--------------------------------------------

+------------------------------+---------------+
| Microsoft owns 49% of OpenAI | and something |
+------------------------------+---------------+
"""


def test_rest_skips_code_comments_options_and_underlines(mini, tmp_path: Path):
    found = _check(mini, str(tmp_path / "a.rst"), REST)
    assert [(f["line"], f["column"], f["text"]) for f in found] == [
        (5, 10, "Microsoft owns 49% of OpenAI"),
        (7, 1, "Intro text, then Microsoft owns 49% of OpenAI."),
        (19, 4, "Azure is OpenAI's exclusive cloud provider."),
        (25, 1, "Section title: Microsoft holds 30% of OpenAI"),
        (29, 3, "Microsoft owns 49% of OpenAI"),
    ]


SUPPRESSED = {
    "md": (
        "Microsoft owns 49% of OpenAI.\n\n<!-- dealcheck off -->\nMicrosoft owns 49% of OpenAI.\n\n<!-- dealcheck on -->\n"
        "<!-- dealcheck-ignore stake-27 -->\nMicrosoft owns 49% of OpenAI. Microsoft owns 49% of OpenAI.\n\n"
        "<!-- dealcheck-ignore commitments-13b -->\nMicrosoft owns 49% of OpenAI.\n"
        "Text. <!-- dealcheck-ignore --> Microsoft owns 49% of OpenAI.\n"
    ),
    "html": (
        "<p>Microsoft owns 49% of OpenAI.</p>\n<!-- dealcheck off -->\n<p>Microsoft owns 49% of OpenAI.</p>\n<!-- dealcheck on -->\n"
        "<!-- dealcheck-ignore stake-27 -->\n<p>Microsoft owns 49% of OpenAI. Microsoft owns 49% of OpenAI.</p>\n"
        "<!-- dealcheck-ignore commitments-13b --><p>Microsoft owns 49% of OpenAI.</p>\n"
        "<p>Text. <!-- dealcheck-ignore --> Microsoft owns 49% of OpenAI.</p>\n"
    ),
    "rst": (
        "Microsoft owns 49% of OpenAI.\n\n.. dealcheck off\n\nMicrosoft owns 49% of OpenAI.\n\n.. dealcheck on\n\n"
        ".. dealcheck-ignore stake-27\n\nMicrosoft owns 49% of OpenAI. Microsoft owns 49% of OpenAI.\n\n"
        ".. dealcheck-ignore commitments-13b\n\nMicrosoft owns 49% of OpenAI.\n\n.. dealcheck-ignore\n\nMicrosoft owns 49% of OpenAI.\n"
    ),
}


def test_suppression_comments(mini, tmp_path: Path):
    for ext, doc in SUPPRESSED.items():
        path = tmp_path / f"a.{ext}"
        path.write_text(doc, encoding="utf-8")
        found = mini("--format", "jsonl", str(path)).jsonl()
        lines = doc.split("\n")
        kept = [(f["line"], lines[f["line"] - 1][f["column"] - 1 :].startswith("Microsoft owns 49%")) for f in found]
        assert len(kept) == 3 and all(ok for _, ok in kept), (ext, kept)  # the first, the second of a pair, the wrong id
        r = mini("--format", "jsonl", "--statistics", str(path))
        assert r.json()["by_verdict"] == {"false (suppressed)": 3, "false": 3}, ext
        r = mini("--statistics", str(path))
        assert r.code == 1 and "3  false (suppressed)  stake-27" in r.out


def test_suppressed_findings_do_not_fail_the_run(mini, tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("<!-- dealcheck off -->\nMicrosoft owns 49% of OpenAI.\n", encoding="utf-8")
    r = mini(str(path))
    assert (r.code, r.out) == (0, "")
    assert r.err.startswith("1 sentence checked, 0 findings")


def test_markup_larger_than_max_size_is_refused(mini, tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("Microsoft owns 49% of OpenAI.\n" * 1000, encoding="utf-8")
    r = mini("--max-size", "8k", str(path))  # the claim base is smaller
    assert r.code == 2 and r.err == f"dealcheck: error: {path}: larger than 8,192 bytes, too big to read as Markdown (see --max-size)\n"


def test_big_markdown_in_blocks_keeps_positions_and_order(mini, tmp_path: Path):
    doc = tmp_path / "big.md"
    text = "".join(f"Paragraph {i} is *filler* about markets. **Microsoft** owns 49% of OpenAI.\n\n" for i in range(6000))
    doc.write_text(text, encoding="utf-8")  # about 470 KB: several blocks
    serial = mini("--format", "jsonl", "--jobs", "1", str(doc)).jsonl()
    parallel = mini("--format", "jsonl", "--jobs", "3", str(doc)).jsonl()
    assert parallel == serial
    assert [(f["line"], f["text"]) for f in serial] == [(1 + 2 * i, "Microsoft owns 49% of OpenAI.") for i in range(6000)]
    lines = text.split("\n")
    for f in serial:
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"]] == "Microsoft** owns 49% of OpenAI."


def test_long_markdown_is_parsed_in_sections_that_read_as_one(mini, tmp_path: Path):
    filler = "".join(f"Paragraph {i} is filler about the weather.\n\n" for i in range(2500))  # past a section
    doc = (
        "**Microsoft** owns 49% of [OpenAI][ref].\n\n" + filler + "```\n\n" + filler + "Microsoft owns 49% of OpenAI.\n```\n\n"
        + filler + "<!--\n\n" + filler + "Microsoft owns 49% of OpenAI.\n-->\n\n[ref]: https://openai.com\n"
    )
    found = _check(mini, str(tmp_path / "long.md"), doc)
    assert [(f["line"], f["text"]) for f in found] == [(1, "Microsoft owns 49% of OpenAI.")]
