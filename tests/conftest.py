from __future__ import annotations

import io
import json
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
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


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # One cache for the session (fast), never the user's; and no claim base from the environment.
    monkeypatch.setenv("DEALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("DEALCHECK_CLAIMS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
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
