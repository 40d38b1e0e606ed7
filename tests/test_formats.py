"""The output formats as modules: each run imports only its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI

FORMATS = ("text", "json", "jsonl", "line", "github")


def _format_modules_imported(tmp_path: Path, *args: str) -> list[str]:
    report = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from dealcheck.entry import main\n"
        "try:\n"
        f"    main({list(args)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"open({str(report)!r}, 'w').write(json.dumps(sorted(m for m in sys.modules if m.startswith('dealcheck.formats.'))))\n"
    )
    env = {**os.environ, "DEALCHECK_CACHE_DIR": str(tmp_path / "cache"), "DEALCHECK_CLAIMS": str(MINI)}
    subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=True)
    return json.loads(report.read_text())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_imports_only_its_format(tmp_path: Path, fmt: str):
    assert _format_modules_imported(tmp_path, "-f", fmt, "Microsoft owns 49% of OpenAI.") == [f"dealcheck.formats.{fmt}"]


def test_a_statement_alone_imports_only_text(tmp_path: Path):
    assert _format_modules_imported(tmp_path, "Microsoft owns 49% of OpenAI.") == ["dealcheck.formats.text"]


def test_statistics_imports_only_statistics(tmp_path: Path):
    assert _format_modules_imported(tmp_path, "--statistics", "-f", "json", "Microsoft owns 49% of OpenAI.") == ["dealcheck.formats.statistics"]
