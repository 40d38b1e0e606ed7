"""The readers of documents, a module each: Markdown, HTML, reST, Word (.docx).

Each turns a file's text into what a person reads, with an Origin back to the file (see `document`);
`inputs` imports only the reader a file needs.
"""
