"""Configuration files, and which value of each check option is in force, and why.

A project keeps its options in `.dealcheck.yaml` (or `.dealcheck.yml`), or in `[tool.dealcheck]` of
its `pyproject.toml`: the nearest one going up from the current folder is read, as ruff does. A value
on the command line beats the environment, which beats the configuration file, which beats the default.

yaml and tomllib are imported only when there is a file to read: a plain run stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .commands import COLORS, DEFAULTS, FORMATS, LANGS, CheckOptions, parse_date, parse_levels, parse_size
from .errors import DealcheckError
from .model import verdict_word

CONFIG_FILES = (".dealcheck.yaml", ".dealcheck.yml")  # before pyproject.toml in the same folder
PYPROJECT = "pyproject.toml"
ENVIRONMENT = {"claims": "DEALCHECK_CLAIMS"}  # CheckOptions field -> the variable that sets it
COMMAND_LINE = "command line"
DEFAULT = "default"

# Where a TOML file can open [tool.dealcheck]: its header, a `[tool]` table, or a dotted or inline `tool` key.
# A string, not a compiled pattern: compiling it costs a plain run a millisecond for nothing.
_MAY_HAVE_TABLE = r"""(?m)^[ \t]*(?:\[[ \t]*tool[ \t]*(?:\]|\.[ \t]*["']?dealcheck)|tool[ \t]*(?:=|\.[ \t]*["']?dealcheck))"""

Reader = Callable[[Any, str], Any]  # (value as parsed, "file: key") -> the CheckOptions value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise DealcheckError(f"{where}: expected true or false, got {value!r}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    """A string, or a list of strings."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise DealcheckError(f"{where}: expected a string or a list of strings, got {value!r}")
    return tuple(items)


def _choice(choices: tuple[str, ...]) -> Reader:
    def read(value: Any, where: str) -> str:
        if value not in choices:
            raise DealcheckError(f"{where}: expected one of {', '.join(choices)}, got {value!r}")
        return str(value)

    return read


def _globs(value: Any, where: str) -> tuple[str, ...]:
    globs = _strings(value, where)
    negated = next((g for g in globs if g.startswith("!")), None)
    if negated is not None:  # one meaning per key: a file's excludes are relative to its folder, globs are not
        raise DealcheckError(f"{where}: {negated!r} is an exclude; in a configuration file, list it under 'exclude'")
    return globs


def _fail_on(value: Any, where: str) -> str:
    verdicts = [verdict_word(v) for v in (value if isinstance(value, list) else [value])]
    text = ",".join(_strings(verdicts, where))
    parse_levels(text, where)
    return text


def _as_of(value: Any, where: str) -> str:
    if type(value) is dt.date:  # YAML and TOML read a bare 2025-10-28 as a date
        return value.isoformat()
    if not isinstance(value, str):
        raise DealcheckError(f"{where}: expected a date, YYYY-MM-DD, got {value!r}")
    parse_date(value, where)
    return value


def _size(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise DealcheckError(f"{where}: expected a size such as 64M, got {value!r}")
    parse_size(str(value), where)
    return str(value)


@dataclass(frozen=True)
class Key:
    """A check option as it is named on the command line (without `--`) and in configuration files."""

    name: str
    field: str  # of CheckOptions
    read: Reader | None  # None: an option of one run, given only on the command line


KEYS = (
    Key("claims", "claims", _strings),  # made relative to the file's folder by `load`
    Key("format", "fmt", _choice(FORMATS)),
    Key("color", "color", _choice(COLORS)),
    Key("as-of", "as_of", _as_of),
    Key("top", "top", None),
    Key("all", "report_all", _bool),
    Key("lang", "lang", _choice(LANGS)),
    Key("glob", "globs", _globs),
    Key("exclude", "exclude", _strings),
    Key("no-ignore", "no_ignore", _bool),
    Key("jobs", "jobs", None),
    Key("fail-on", "fail_on", _fail_on),
    Key("exit-zero", "exit_zero", _bool),
    Key("semantic", "semantic", _bool),
    Key("max-size", "max_size", _size),
    Key("quiet", "quiet", _bool),
    Key("verbose", "verbose", _bool),
    Key("statistics", "statistics", None),
    Key("stdin-filename", "stdin_filename", None),  # names one run's stdin
)
_BY_NAME = {k.name: k for k in KEYS}
# CheckOptions fields that are not options of the check itself: where the configuration comes from.
NOT_KEYS = frozenset({"config", "no_config", "exclude_root"})


@dataclass(frozen=True)
class Settled:
    """The options in force, where each came from (key -> origin), and the configuration file read."""

    options: CheckOptions
    origins: dict[str, str]
    path: Path | None
    why: str  # how `path` was chosen, or why there is none


def settle(asked: CheckOptions, given: Collection[str] = frozenset()) -> Settled:
    """The options of a check: `asked`'s values for the fields in `given` (those on the command line),
    then the environment's, the configuration file's and the defaults, in that order."""
    if asked.config is not None and asked.no_config:
        raise DealcheckError("--config and --no-config cannot be used together")
    if asked.no_config:
        path, raw, why = None, None, "none (--no-config)"
    elif asked.config is not None:
        path = Path(asked.config)
        if not path.is_file():
            raise DealcheckError(f"--config: {path}: no such file")
        raw = _read(path)
        if raw is None:
            raise DealcheckError(f"--config: {path} has no [tool.dealcheck] table")
        why = "--config"
    else:
        found = discover()
        path, raw = found if found else (None, None)
        why = "found going up from the current folder" if found else "none found going up from the current folder"
    from_file = load(raw, path) if raw is not None and path is not None else {}
    chosen: dict[str, Any] = {}
    origins = {}
    for key in KEYS:
        variable = ENVIRONMENT.get(key.field)
        env = os.environ.get(variable, "") if variable else ""
        if key.field in given:
            origins[key.name] = COMMAND_LINE
        elif env:
            chosen[key.field] = tuple(p for p in env.split(os.pathsep) if p)  # as claimbase reads it
            origins[key.name] = f"${variable}"
        elif key.field in from_file:
            chosen[key.field] = from_file[key.field]
            origins[key.name] = str(path)
        else:
            chosen[key.field] = getattr(DEFAULTS, key.field)
            origins[key.name] = DEFAULT
    if origins["exclude"] == str(path) and path is not None:
        chosen["exclude_root"] = str(path.parent)
    return Settled(replace(asked, **chosen), origins, path, why)


def discover() -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file from the current folder up, with its contents."""
    try:
        here = Path.cwd()
    except OSError:  # the current folder was removed
        return None
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                return candidate, _read(candidate) or {}
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            table = _read(pyproject)
            if table is not None:
                return pyproject, table
    return None


def _read(path: Path) -> dict[str, Any] | None:
    """The mapping a configuration file holds; None for a TOML file without [tool.dealcheck]."""
    from .inputs import read_limited

    data = read_limited(path, "configuration file", 2**20)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DealcheckError(f"{path}: not valid UTF-8") from None
    if path.suffix == ".toml":
        if not re.search(_MAY_HAVE_TABLE, text):  # most pyproject.toml files: not worth importing a TOML parser for
            return None
        doc = _toml(text, path).get("tool", {})
        table = doc.get("dealcheck") if isinstance(doc, dict) else None
        if table is None:
            return None
        where = f"{path}: [tool.dealcheck]"
    else:
        table = _yaml(text, path)
        where = str(path)
    if table is None:  # an empty YAML file
        return {}
    if not isinstance(table, dict):
        raise DealcheckError(f"{where}: expected a mapping of option names to values")
    return table


def _toml(text: str, path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DealcheckError(f"{path}: not valid TOML: {exc}") from None


def _yaml(text: str, path: Path) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DealcheckError(f"{path}{line}: not valid YAML: {problem}") from None
    except (ValueError, RecursionError) as exc:
        from .errors import data_oddity

        raise DealcheckError(f"{path}: not valid YAML: {data_oddity(exc)}") from None


def load(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """A configuration file's mapping as CheckOptions values, checked key by key."""
    values: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for written, value in table.items():
        name = str(written).replace("_", "-")  # `fail_on` reads as `fail-on`
        where = f"{path}: {written}"
        key = _BY_NAME.get(name)
        if key is None:
            raise DealcheckError(f"{where}: unknown key (known: {', '.join(k.name for k in KEYS if k.read)})")
        if key.read is None:
            raise DealcheckError(f"{where}: only a command-line option (--{name}), not a project's")
        if name in seen:
            raise DealcheckError(f"{where}: given twice (also as {seen[name]})")
        seen[name] = str(written)
        values[key.field] = key.read(value, where)
    if "claims" in values:  # relative to the file's folder, wherever dealcheck is run from
        from .claimbase import BUNDLED

        values["claims"] = tuple(c if c == BUNDLED else str(path.parent / c) for c in values["claims"])
    return values


def describe(settled: Settled) -> list[str]:
    """The options in force, one a line, with where each came from: `dealcheck config`."""
    import shlex

    from .inputs import DEFAULT_GLOBS, MAX_FILE_BYTES

    o = settled.options
    shown = {
        "claims": " ".join(shlex.quote(os.fspath(c)) for c in o.claims) or "@bundled",
        "format": o.fmt, "color": o.color, "as-of": o.as_of or "today", "top": str(o.top), "all": _yes(o.report_all),
        "lang": o.lang, "glob": " ".join(shlex.quote(g) for g in o.globs or DEFAULT_GLOBS),
        "exclude": " ".join(shlex.quote(g) for g in o.exclude) or "(none)", "no-ignore": _yes(o.no_ignore),
        "jobs": str(o.jobs or "all cores"), "fail-on": o.fail_on, "exit-zero": _yes(o.exit_zero),
        "semantic": "auto" if o.semantic is None else _yes(o.semantic), "max-size": o.max_size or f"{MAX_FILE_BYTES // 2**20}M",
        "quiet": _yes(o.quiet), "verbose": _yes(o.verbose), "statistics": _yes(o.statistics), "stdin-filename": o.stdin_filename or "(sniffed)",
    }
    width = max(len(v) for v in shown.values())
    lines = [f"configuration file: {settled.path} ({settled.why})" if settled.path else f"configuration file: {settled.why}"]
    name_width = max(len(k.name) for k in KEYS)
    lines.append(f"{'option':<{name_width}} {'value':<{width}}  from")
    lines += [f"{k.name:<{name_width}} {shown[k.name]:<{width}}  {settled.origins[k.name]}" for k in KEYS]
    return lines


def _yes(value: bool) -> str:
    return "true" if value else "false"
