from __future__ import annotations

import contextlib
import http.server
import io
import json
import signal
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from dealcheck.entry import main

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def jsonl(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]


class _Stdin(io.TextIOWrapper):
    def __init__(self, data: bytes, tty: bool) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture(scope="session", autouse=True)
def _embedded_bundled_base(tmp_path_factory: pytest.TempPathFactory) -> None:
    """With the semantic extra, embed the bundled base once, up front: whichever test came first would
    otherwise wait for it and see the "embedding … claim strings" notice on its stderr."""
    from dealcheck import semantic

    if not semantic.available():
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DEALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        from dealcheck import claimbase

        semantic.embeddings(claimbase.load(use_cache=False).index.texts)


_getaddrinfo = socket.getaddrinfo


def _loopback_only(host: Any, *args: Any, **kw: Any) -> Any:
    if host not in ("127.0.0.1", "localhost"):
        raise socket.gaierror(socket.EAI_NONAME, f"tests never reach the network ({host})")
    return _getaddrinfo(host, *args, **kw)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # One cache for the session (fast), never the user's; and no claim base from the environment.
    monkeypatch.setenv("DEALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("DEALCHECK_CLAIMS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    # Every connection starts with a name lookup: one to anything but this machine fails, as offline.
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only)
    monkeypatch.delenv("COLUMNS", raising=False)  # text output wraps to it


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the real `dealcheck` entry point in-process: exit code, stdout, stderr."""

    def invoke(*args: str, stdin: bytes | str | None = None, tty: bool | None = None) -> Result:
        data = stdin.encode() if isinstance(stdin, str) else (stdin or b"")
        monkeypatch.setattr(sys, "stdin", _Stdin(data, tty if tty is not None else stdin is None))
        capsys.readouterr()
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        finally:  # the program's own handlers would outlive it in pytest's process: Ctrl-C would end pytest silently
            for number, handler in handlers.items():
                signal.signal(number, handler)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def mini(run: Callable[..., Result]) -> Callable[..., Result]:
    """`dealcheck --claims tests/data/mini.yaml …`"""

    def invoke(*args: str, **kw: Any) -> Result:
        return run("--claims", str(MINI), *args, **kw)

    return invoke


@dataclass
class Route:
    """What the test server answers on one path."""

    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    length: bool = True  # send Content-Length; without it the body ends when the connection does


@dataclass
class Server:
    """The test server: the routes a test sets, and how often each path was asked for."""

    base: str
    routes: dict[str, Route]
    hits: Counter[str]

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        state: Server = self.server.state  # type: ignore[attr-defined]
        state.hits[self.path] += 1
        route = state.routes.get(self.path, Route(b"not here", "text/plain", 404))
        time.sleep(route.delay)
        self.send_response(route.status)
        if route.content_type is not None:
            self.send_header("Content-Type", route.content_type)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.length:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # a client that refused the body hangs up
            self.wfile.write(route.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """An HTTP server on 127.0.0.1, on a port the system picks, for URL arguments: no test touches the network."""
    for proxy in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)  # 127.0.0.1 must be asked directly, not through a proxy
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    state = Server(f"http://127.0.0.1:{httpd.server_address[1]}", {}, Counter())
    httpd.state = state  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
