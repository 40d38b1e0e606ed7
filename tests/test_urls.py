"""URLs as arguments: fetched from a server on 127.0.0.1 started here, never from the network."""

from __future__ import annotations

import gzip
import socket
from pathlib import Path

import pytest

from conftest import Route, Server

ARTICLE = """\
<!doctype html>
<html><head><title>Deal news</title><script>var claim = "Microsoft owns 49% of OpenAI.";</script></head>
<body><nav>Microsoft owns 49% of OpenAI.</nav>
<article>
  <h1>Microsoft and OpenAI</h1>
  <p>The partnership was renewed.
     Microsoft now owns 49% of OpenAI, the post said.</p>
</article>
<footer>Microsoft owns 49% of OpenAI.</footer>
</body></html>
"""
FALSE_CLAIM = "Microsoft now owns 49% of OpenAI, the post said."


def _position(body: str, sentence: str) -> tuple[int, int]:
    at = body.index(sentence)
    return body.count("\n", 0, at) + 1, at - (body.rfind("\n", 0, at) + 1) + 1


def test_html_article_is_read_where_its_article_is(mini, server: Server):
    server.routes["/news/deal"] = Route(ARTICLE.encode())
    url = server.url("/news/deal")
    [f] = mini("-f", "jsonl", url).jsonl()
    assert (f["path"], f["verdict"], f["text"]) == (url, "false", FALSE_CLAIM)
    # Line and column are those of the body served, as in a file.
    assert (f["line"], f["column"]) == _position(ARTICLE, "Microsoft now owns")
    assert server.hits["/news/deal"] == 1


def test_markdown_by_content_type(mini, server: Server):
    text = "# Notes\n\n```\nMicrosoft owns 49% of OpenAI.\n```\n\nAzure is *OpenAI's* exclusive cloud provider.\n"
    server.routes["/notes"] = Route(text.encode(), "text/markdown; charset=utf-8")
    [f] = mini("-f", "jsonl", server.url("/notes")).jsonl()
    assert (f["line"], f["column"], f["verdict"]) == (7, 1, "outdated")  # the fenced code was skipped


def test_text_plain_is_read_by_the_urls_extension(mini, server: Server):
    # Raw file hosts serve Markdown as text/plain: the extension says how to read it.
    server.routes["/raw/notes.md"] = Route(b"`Microsoft owns 49% of OpenAI.`\n\nMicrosoft holds 30% of OpenAI.\n", "text/plain; charset=utf-8")
    found = mini("-f", "jsonl", server.url("/raw/notes.md")).jsonl()
    assert [(f["line"], f["verdict"]) for f in found] == [(3, "false")]


def test_latin1_charset_is_decoded(mini, server: Server):
    text = "Les faits, résumés.\nÀ ce jour, Microsoft détient 49 % d'OpenAI.\n"
    server.routes["/fr.txt"] = Route(text.encode("latin-1"), "text/plain; charset=ISO-8859-1")
    r = mini("-f", "jsonl", server.url("/fr.txt"))
    [f] = r.jsonl()
    assert (f["line"], f["column"], f["text"]) == (2, 1, "À ce jour, Microsoft détient 49 % d'OpenAI.")
    assert r.err == ""


def test_bytes_invalid_in_the_charset_are_replaced_with_a_warning(mini, server: Server):
    server.routes["/bad.txt"] = Route(b"Fine.\nMicrosoft owns 49% of OpenAI \xff today.\n", "text/plain")
    r = mini("-f", "jsonl", server.url("/bad.txt"))
    assert [f["line"] for f in r.jsonl()] == [2]
    assert r.err == f"dealcheck: warning: {server.url('/bad.txt')}:2: invalid UTF-8, replaced with U+FFFD\n"


def test_gzip_body_is_inflated(mini, server: Server):
    server.routes["/z"] = Route(gzip.compress(ARTICLE.encode()), headers={"Content-Encoding": "gzip"})
    assert [f["text"] for f in mini("-f", "jsonl", server.url("/z")).jsonl()] == [FALSE_CLAIM]


def test_redirect_is_followed(mini, server: Server):
    server.routes["/old"] = Route(b"", None, 301, {"Location": "/new"})
    server.routes["/new"] = Route(ARTICLE.encode())
    [f] = mini("-f", "jsonl", server.url("/old")).jsonl()
    assert f["path"] == server.url("/old")  # the URL the user named
    assert f["text"] == FALSE_CLAIM


def test_redirect_loop_is_one_line(mini, server: Server):
    server.routes["/loop"] = Route(b"", None, 302, {"Location": "/loop"})
    r = mini(server.url("/loop"))
    assert r.code == 2
    assert r.err.startswith(f"dealcheck: error: {server.url('/loop')}: cannot fetch URL: ") and r.err.count("\n") == 1


def test_http_404_is_one_line(mini, server: Server):
    r = mini(server.url("/missing"))
    assert (r.code, r.out, r.err) == (2, "", f"dealcheck: error: {server.url('/missing')}: HTTP 404 Not Found\n")


def test_http_500_is_one_line(mini, server: Server):
    server.routes["/boom"] = Route(b"oops", "text/plain", 500)
    r = mini(server.url("/boom"))
    assert (r.code, r.err) == (2, f"dealcheck: error: {server.url('/boom')}: HTTP 500 Internal Server Error\n")


def test_unknown_http_status_is_one_line(mini, server: Server):
    server.routes["/odd"] = Route(b"", "text/plain", 599)
    r = mini(server.url("/odd"))
    assert (r.code, r.err) == (2, f"dealcheck: error: {server.url('/odd')}: HTTP 599\n")


def test_connection_refused_is_one_line(mini):
    with socket.socket() as probe:  # a port nobody listens on: bound, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page"
    r = mini(url)
    assert (r.code, r.err) == (2, f"dealcheck: error: {url}: cannot fetch URL: Connection refused\n")


def test_name_lookup_failure_is_one_line(mini):
    # conftest makes every name but this machine's unknown, as on a machine offline.
    r = mini("https://example.invalid/news")
    assert (r.code, r.err) == (2, "dealcheck: error: https://example.invalid/news: cannot fetch URL: tests never reach the network (example.invalid)\n")


def test_timeout_is_one_line(mini, server: Server, monkeypatch: pytest.MonkeyPatch):
    from dealcheck import remote

    monkeypatch.setattr(remote, "TIMEOUT_SECONDS", 0.2)
    server.routes["/slow"] = Route(ARTICLE.encode(), delay=1.0)
    r = mini(server.url("/slow"))
    assert (r.code, r.err) == (2, f"dealcheck: error: {server.url('/slow')}: cannot fetch URL: no answer within 0.2 s\n")


@pytest.mark.parametrize("length", [True, False])
def test_oversize_is_refused(mini, server: Server, length: bool):
    server.routes["/big.txt"] = Route(b"Microsoft owns 49% of OpenAI.\n" * 1000, "text/plain", length=length)
    r = mini("--max-size", "10k", server.url("/big.txt"))
    assert (r.code, r.err) == (2, f"dealcheck: error: {server.url('/big.txt')}: larger than 10,240 bytes (see --max-size)\n")


def test_gzip_bomb_stops_at_the_size_limit(mini, server: Server):
    server.routes["/bomb"] = Route(gzip.compress(b" " * 10_000_000), "text/plain", headers={"Content-Encoding": "gzip"})
    r = mini("--max-size", "1M", server.url("/bomb"))
    assert (r.code, r.err) == (2, f"dealcheck: error: {server.url('/bomb')}: larger than 1,048,576 bytes (see --max-size)\n")


@pytest.mark.parametrize("content_type", ["application/octet-stream", "image/png", None])
def test_content_that_is_not_a_document_is_refused(mini, server: Server, content_type: str | None):
    server.routes["/blob"] = Route(b"\x89PNG\r\n\x1a\n\x00\x00", content_type)
    r = mini(server.url("/blob"))
    said = content_type or "content of no type"
    assert (r.code, r.err) == (2, f"dealcheck: error: {server.url('/blob')}: {said} is not a document dealcheck reads, not checked\n")


def test_octet_stream_with_a_text_extension_is_read(mini, server: Server):
    server.routes["/notes.txt"] = Route(b"Microsoft owns 49% of OpenAI.\n", "application/octet-stream")
    assert [f["verdict"] for f in mini("-f", "jsonl", server.url("/notes.txt")).jsonl()] == ["false"]


def test_each_url_is_fetched_once_and_works_with_every_option(mini, server: Server):
    filler = "".join(f"<p>Paragraph {i} of the archive says nothing of note.</p>\n" for i in range(2000))
    server.routes["/a"] = Route(ARTICLE.replace("</article>", filler + "</article>").encode())  # blocks for two workers
    url = server.url("/a")
    r = mini("--statistics", "-j", "2", "--fail-on", "false", url, url)
    assert r.code == 1
    assert r.out.split() == ["1", "false", "stake-27"]
    assert server.hits["/a"] == 1
    for fmt in ("text", "json", "line", "github", "sarif"):
        r = mini("-f", fmt, "--fail-on", "outdated", url)
        assert r.code == 0 and "127.0.0.1" in r.out, fmt


def test_a_statement_with_a_url_in_it_is_a_statement(mini, server: Server):
    r = mini("-f", "jsonl", f"{server.url('/a')} says Microsoft owns 49% of OpenAI.")
    assert [f["verdict"] for f in r.jsonl()] == ["false"]
    assert not server.hits


def test_a_folder_walk_fetches_nothing(mini, server: Server, tmp_path: Path):
    server.routes["/a"] = Route(ARTICLE.encode())
    (tmp_path / "links.txt").write_text(f"{server.url('/a')}\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(f'<p><a href="{server.url("/a")}">Microsoft owns 49% of OpenAI.</a></p>', encoding="utf-8")
    r = mini("-f", "jsonl", str(tmp_path))
    assert [Path(f["path"]).name for f in r.jsonl()] == ["page.html"]
    assert not server.hits


def test_an_existing_path_wins_over_a_url(mini, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "http:").mkdir()
    (tmp_path / "http:" / "x.txt").write_text("Microsoft owns 49% of OpenAI.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [f["verdict"] for f in mini("-f", "jsonl", "http://x.txt").jsonl()] == ["false"]
    assert not server.hits


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999/", "http://"])
def test_malformed_url_is_one_line(mini, url: str):
    r = mini(url)
    assert r.code == 2 and r.err.startswith(f"dealcheck: error: {url}: ") and r.err.count("\n") == 1
