"""In a project: ignore files and excludes when walking folders, through the real entry point."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FALSE = "Microsoft owns 49% of OpenAI.\n"


def write(root: Path, *names: str, text: str = FALSE) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def checked(result) -> list[str]:
    """The files a run reported on, relative to the current folder, as the user sees them."""
    return sorted(Path(f["path"]).as_posix() for f in result.jsonl())


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder as the current folder: docs, a build output and installed packages."""
    write(tmp_path, "docs/intro.md", "build/out.md", "node_modules/pkg/README.md", "docs/drafts/wip.md", "docs/drafts/keep.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- ignore files --------------------------------------------------------------------


def test_gitignore_leaves_out_build_and_node_modules(mini, project: Path):
    (project / ".gitignore").write_text("build/\nnode_modules\n", encoding="utf-8")
    r = mini("-f", "jsonl", ".")
    assert checked(r) == ["docs/drafts/keep.md", "docs/drafts/wip.md", "docs/intro.md"]
    assert r.code == 1


def test_nested_gitignore_and_negation(mini, project: Path):
    (project / ".gitignore").write_text("build/\nnode_modules/\n", encoding="utf-8")
    (project / "docs" / ".gitignore").write_text("drafts/*\n!keep.md\n", encoding="utf-8")
    assert checked(mini("-f", "jsonl", ".")) == ["docs/drafts/keep.md", "docs/intro.md"]


def test_a_deeper_gitignore_wins(mini, project: Path):
    (project / ".gitignore").write_text("*.md\nnode_modules/\n", encoding="utf-8")
    (project / "docs" / ".gitignore").write_text("!intro.md\n", encoding="utf-8")
    assert checked(mini("-f", "jsonl", ".")) == ["docs/intro.md"]


def test_dot_ignore_file_and_its_precedence_over_gitignore(mini, project: Path):
    (project / ".gitignore").write_text("build/\n", encoding="utf-8")
    (project / ".ignore").write_text("node_modules/\ndocs/drafts/\n", encoding="utf-8")
    assert checked(mini("-f", "jsonl", ".")) == ["docs/intro.md"]
    (project / ".ignore").write_text("!build/\n", encoding="utf-8")
    assert "build/out.md" in checked(mini("-f", "jsonl", "."))


def test_git_info_exclude_and_the_repository_above_the_folder_walked(mini, project: Path):
    (project / ".git" / "info").mkdir(parents=True)
    (project / ".git" / "info" / "exclude").write_text("drafts/\n", encoding="utf-8")
    (project / ".git" / "HEAD.md").write_text(FALSE, encoding="utf-8")  # .git itself is never walked
    (project / ".gitignore").write_text("/docs/intro.md\n", encoding="utf-8")
    assert checked(mini("-f", "jsonl", ".")) == ["build/out.md", "node_modules/pkg/README.md"]
    # Walking docs/ alone, the repository's root .gitignore and its excludes still apply.
    assert mini("-f", "jsonl", "docs").out == ""


def test_no_gitignore_is_read_above_a_folder_outside_any_repository(mini, project: Path):
    (project / ".gitignore").write_text("intro.md\n", encoding="utf-8")
    assert checked(mini("-f", "jsonl", "docs")) == ["docs/drafts/keep.md", "docs/drafts/wip.md", "docs/intro.md"]
    assert checked(mini("-f", "jsonl", ".")) == [
        "build/out.md", "docs/drafts/keep.md", "docs/drafts/wip.md", "node_modules/pkg/README.md",
    ]


def test_a_file_named_on_the_command_line_is_checked_even_if_ignored(mini, project: Path):
    (project / ".gitignore").write_text("build/\n*.md\n", encoding="utf-8")
    r = mini("-f", "jsonl", "build/out.md", "--exclude", "out.md", "-g", "!*.md")
    assert checked(r) == ["build/out.md"]
    assert r.code == 1


def test_a_folder_named_on_the_command_line_is_walked_even_if_ignored(mini, project: Path):
    (project / ".git").mkdir()
    (project / ".gitignore").write_text("build/\n", encoding="utf-8")
    assert checked(mini("-f", "jsonl", "build")) == ["build/out.md"]


def test_no_ignore_walks_everything_but_hidden_folders(mini, project: Path):
    (project / ".gitignore").write_text("*\n", encoding="utf-8")
    write(project, ".hidden/x.md")
    assert mini("-f", "jsonl", ".").out == ""
    assert checked(mini("-f", "jsonl", "--no-ignore", ".")) == [
        "build/out.md", "docs/drafts/keep.md", "docs/drafts/wip.md", "docs/intro.md", "node_modules/pkg/README.md",
    ]


def test_a_folder_whose_files_are_all_ignored_says_so(mini, project: Path):
    (project / "docs" / ".gitignore").write_text("*.md\n", encoding="utf-8")
    r = mini("-f", "jsonl", "docs")
    assert r.code == 0
    assert r.err == "dealcheck: warning: docs: no files matching *.txt *.md *.markdown *.rst *.html *.htm that are not ignored (see --no-ignore)\n"


def test_an_unreadable_gitignore_line_is_skipped_with_a_warning(mini, project: Path):
    (project / ".gitignore").write_text("build/\nfoo\\\nnode_modules/\n", encoding="utf-8")
    r = mini("-f", "jsonl", ".")
    assert checked(r) == ["docs/drafts/keep.md", "docs/drafts/wip.md", "docs/intro.md"]
    assert r.err == f"dealcheck: warning: {Path('.gitignore')}:2: not a gitignore pattern, line not used\n"


# --- excludes --------------------------------------------------------------------------


def test_exclude_is_relative_to_the_folder_walked(mini, project: Path):
    # "/drafts/" is anchored: it leaves out docs/drafts when docs is walked, not when "." is.
    r = mini("-f", "jsonl", "--exclude", "/drafts/", "--exclude", "node_modules", "docs", ".")
    assert checked(r) == ["build/out.md", "docs/drafts/keep.md", "docs/drafts/wip.md", "docs/intro.md", "docs/intro.md"]


def test_exclude_wins_over_a_gitignore_negation_and_can_negate_itself(mini, project: Path):
    (project / ".gitignore").write_text("!docs/intro.md\n", encoding="utf-8")
    r = mini("-f", "jsonl", "--exclude", "docs/", "--exclude", "!docs/drafts/", "--exclude", "node_modules/", ".")
    assert checked(r) == ["build/out.md"]


def test_negated_glob_is_an_exclude(mini, project: Path):
    assert checked(mini("-f", "jsonl", "-g", "!node_modules/**", "-g", "!drafts/", ".")) == ["build/out.md", "docs/intro.md"]
    # With an include pattern too, the include replaces the default set.
    write(project, "docs/notes.txt")
    assert checked(mini("-f", "jsonl", "-g", "*.txt", "-g", "!build/", ".")) == ["docs/notes.txt"]


def test_a_bad_exclude_pattern_is_a_usage_error(mini, project: Path):
    for option, args in (("--exclude", ("--exclude", "docs\\")), ("--glob", ("-g", "!docs\\"))):
        r = mini(*args, ".")
        assert r.code == 2
        assert r.err == f"dealcheck: error: {option}: 'docs\\\\' is not a gitignore-style pattern\n"


@pytest.mark.skipif(os.name == "nt", reason="POSIX paths")
def test_an_absolute_folder_is_matched_like_a_relative_one(mini, project: Path):
    (project / ".gitignore").write_text("node_modules/\nbuild/\n", encoding="utf-8")
    r = mini("-f", "jsonl", "--exclude", "drafts/", str(project))
    assert [Path(f["path"]).relative_to(project).as_posix() for f in r.jsonl()] == ["docs/intro.md"]
