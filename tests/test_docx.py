"""Word documents: built here as the zip of XML Word writes, read with paragraph numbers for lines."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import Route, Server

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs) + "</w:p>"


def _docx(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    return path


BODY = (
    _p("Microsoft and OpenAI")
    + _p()
    + _p("The deal was renewed. ", "Microsoft owns ", "49% of OpenAI, a blog said.")
    + "<w:tbl><w:tr><w:tc>" + _p("Claim") + "</w:tc><w:tc>" + _p("Azure is OpenAI's exclusive cloud provider.") + "</w:tc></w:tr></w:tbl>"
    + '<w:p><w:r><w:delText>Microsoft owns 49% of OpenAI.</w:delText></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r>'
    + "<w:r><w:t>Microsoft holds</w:t><w:br/><w:t>30% of OpenAI.</w:t></w:r></w:p>"
)


def test_paragraphs_are_lines_and_cells_are_paragraphs(mini, tmp_path: Path):
    doc = _docx(tmp_path / "memo.docx", BODY)
    found = [(f["line"], f["column"], f["verdict"], f["text"]) for f in mini("-f", "jsonl", str(doc)).jsonl()]
    assert found == [
        (3, 23, "false", "Microsoft owns 49% of OpenAI, a blog said."),
        (5, 1, "outdated", "Azure is OpenAI's exclusive cloud provider."),
        (6, 1, "false", "Microsoft holds 30% of OpenAI."),  # the tracked deletion and the field code are not text
    ]


def test_docx_in_a_folder_only_when_globbed(mini, tmp_path: Path):
    _docx(tmp_path / "memo.docx", BODY)
    assert mini("-f", "jsonl", str(tmp_path)).jsonl() == []
    assert len(mini("-f", "jsonl", "-g", "*.docx", str(tmp_path)).jsonl()) == 3


def test_a_docx_that_does_not_exist_is_no_such_file(mini):
    r = mini("drafts/memo.docx")
    assert (r.code, r.err) == (2, "dealcheck: error: drafts/memo.docx: no such file\n")


def test_not_a_word_document_is_one_line(mini, tmp_path: Path):
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with zipfile.ZipFile(tmp_path / "empty.docx", "w") as z:
        z.writestr("other.xml", "<x/>")
    with zipfile.ZipFile(tmp_path / "entities.docx", "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    for name, said in (
        ("fake.docx", "not a Word document (File is not a zip file)"),
        ("empty.docx", "not a Word document (no word/document.xml in it)"),
        ("entities.docx", "not read as a Word document: its XML declares a DOCTYPE"),
    ):
        r = mini(str(tmp_path / name))
        assert (r.code, r.err) == (2, f"dealcheck: error: {tmp_path / name}: {said}\n"), name


def test_inflated_xml_is_bounded_by_max_size(mini, tmp_path: Path):
    doc = _docx(tmp_path / "big.docx", _p("x" * 200_000))
    assert doc.stat().st_size < 10_000
    r = mini("--max-size", "100k", str(doc))
    assert (r.code, r.err) == (2, f"dealcheck: error: {doc}: word/document.xml larger than 102,400 bytes (see --max-size)\n")


def test_docx_from_a_url(mini, tmp_path: Path, server: Server):
    data = _docx(tmp_path / "memo.docx", BODY).read_bytes()
    server.routes["/memo"] = Route(data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    server.routes["/files/memo.docx"] = Route(data, "application/octet-stream")
    for path in ("/memo", "/files/memo.docx"):
        assert [f["line"] for f in mini("-f", "jsonl", server.url(path)).jsonl()] == [3, 5, 6], path
