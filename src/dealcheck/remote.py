"""Documents named by URL, fetched with the standard library's urllib.

One GET of a page is all dealcheck asks of HTTP, so a client library (requests, httpx) would be a dependency
for nothing. Only the URLs a user names are fetched, only over http and https, and only when one is named:
this module (and urllib) is imported for nothing else.
"""

from __future__ import annotations

import http
import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .errors import InputError

# The whole fetch, connection and body, must end within this: a server that trickles bytes is not waited on forever.
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "dealcheck (fact-checker; fetches only the URLs it is given)"  # no version: __init__ would import this module in a circle
_ACCEPT = "text/html, application/xhtml+xml, text/markdown, text/x-rst, text/plain;q=0.9, */*;q=0.5"
_CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Page:
    """What a server sent: `url` is where the last redirect led, `media_type` lower case without parameters."""

    url: str
    data: bytes
    media_type: str
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def _opener() -> urllib.request.OpenerDirector:
    """http and https only: no file:, ftp: or data: handler that a redirect could reach (urllib's default opener has them)."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # $https_proxy and $no_proxy, as curl reads them
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, limit: int) -> Page:
    """The body of `url`, refused past `limit` bytes; every failure is an InputError of one line."""
    try:
        parts = urllib.parse.urlsplit(url)
        if not parts.hostname or parts.port == 0:  # .port raises ValueError past 65535
            raise ValueError("no host" if not parts.hostname else "port 0")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip"})
    except ValueError as exc:  # an unclosed [IPv6 bracket, a port that is not a number
        raise InputError(f"{url}: not a valid URL ({exc})") from None
    deadline = time.monotonic() + TIMEOUT_SECONDS
    try:
        with _opener().open(request, timeout=TIMEOUT_SECONDS) as response:
            size = response.headers.get("Content-Length", "")
            if size.isdigit() and int(size) > limit:
                raise InputError(_too_large(url, limit))
            data = b"".join(_body(response, url, deadline, limit))
            headers = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:  # urllib stopped following: a loop, too many redirects, or one to another scheme
            raise InputError(_failed(url, str(exc.reason).splitlines()[0])) from None
        raise InputError(f"{url}: {_status(exc.code, exc.reason)}") from None
    except urllib.error.URLError as exc:
        raise InputError(_failed(url, exc.reason)) from None
    except (OSError, http.client.HTTPException) as exc:
        raise InputError(_failed(url, exc)) from None
    except ValueError as exc:  # what urlsplit lets through: an empty host label ("a..b"), a control character
        raise InputError(f"{url}: not a valid URL ({exc})") from None
    if headers.get("Content-Encoding", "").strip().lower() in ("gzip", "x-gzip", "deflate"):
        data = _inflated(data, url, limit)
    return Page(final, data, headers.get_content_type().lower() if headers.get("Content-Type") else "", headers.get_content_charset())


def _body(response: Any, url: str, deadline: float, limit: int) -> Iterator[bytes]:
    got = 0
    while chunk := response.read1(_CHUNK_BYTES):
        got += len(chunk)
        if got > limit:
            raise InputError(_too_large(url, limit))
        if time.monotonic() > deadline:
            raise InputError(_timed_out(url))
        yield chunk


def _inflated(data: bytes, url: str, limit: int) -> bytes:
    """A compressed body, inflated no further than `limit` bytes: a small gzip bomb stays small."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # | 32: a gzip or a zlib header, whichever it has
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise InputError(f"{url}: cannot fetch URL: the compressed body is damaged") from None
    if len(out) > limit:
        raise InputError(_too_large(url, limit))
    return out


def _status(code: int, reason: object) -> str:
    """"HTTP 404 Not Found", with the standard phrase: the one a server sends may be anything, or nothing."""
    try:
        phrase = http.HTTPStatus(code).phrase
    except ValueError:
        phrase = (str(reason).splitlines() or [""])[0]
    return f"HTTP {code} {phrase}".strip()


def _too_large(url: str, limit: int) -> str:
    return f"{url}: larger than {limit:,} bytes (see --max-size)"


def _timed_out(url: str) -> str:
    return f"{url}: cannot fetch URL: no answer within {TIMEOUT_SECONDS:g} s"


def _failed(url: str, reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return _timed_out(url)
    said = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return f"{url}: cannot fetch URL: {said}"
