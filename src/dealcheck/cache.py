"""The cache: compiled claim bases and their embeddings, kept between runs.

A compiled base is a pickle, and reading a pickle runs code. So a cache file is only read back
when nobody but the user running dealcheck could have written it: the directory must be owned by
that user and writable by nobody else (dealcheck makes it 0700), and the file must be a regular
file (opened without following symlinks) owned by that user and writable by nobody else
(dealcheck writes 0600). Anything else is ignored, with one warning for a directory that fails.

The key is a BLAKE2b hash of the bases' bytes and of every source file of the package, so any
edit to a base or to the code gives a new key, and no crafted edit can keep an old one.
The cache is bounded: past `MAX_BYTES` the entries used longest ago are removed, and temporary
files that an interrupted run left behind are removed once they are an hour old.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

try:  # the hash itself: importing hashlib would load OpenSSL, a tenth of a quick run's start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

from .atomic import atomic_write

ENV_CACHE = "DEALCHECK_CACHE_DIR"
MAX_BYTES = 256 * 2**20
STALE_SECONDS = 3600
_TEMPORARY = ".tmp"
# What dealcheck's entries are called (`base-<hex>.pickle`, `e5q4-<hex>-<hex>.npz`, their
# temporaries, and the bare `<hex>.pickle` of earlier versions): pruning and clearing touch
# nothing else, so a cache folder pointed at the wrong place loses no file of the user's.
_ENTRY = re.compile(r"\.?(?:[a-z0-9]+-)*[0-9a-f]+\.(?:pickle|npz)(?:\.\w+)?(?:\.tmp)?")
_warned: set[str] = set()


def directory() -> Path:
    """$DEALCHECK_CACHE_DIR, else $XDG_CACHE_HOME/dealcheck, else ~/.cache/dealcheck."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dealcheck"


@lru_cache(maxsize=1)
def code_digest() -> bytes:
    """Every source file of the package, subpackages included, and the Python version."""
    h = blake2b(digest_size=20)
    h.update(f"{sys.implementation.cache_tag}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix().encode()
        data = path.read_bytes()
        h.update(len(name).to_bytes(8, "little") + name + len(data).to_bytes(8, "little") + data)
    return h.digest()


def key(parts: Sequence[bytes]) -> str:
    """A name for what `parts` compile to: each part is length-prefixed, so no two lists collide."""
    h = blake2b(code_digest(), digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _owner() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def _trusted(st: os.stat_result) -> bool:
    owner = _owner()
    return owner is None or (st.st_uid == owner and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _usable(folder: Path, create: bool) -> bool:
    """Whether `folder` is one this user alone can write (made 0700 when `create`)."""
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return False
    try:
        st = folder.stat()
    except OSError:
        return False
    if stat.S_ISDIR(st.st_mode) and _trusted(st):
        return True
    if stat.S_ISDIR(st.st_mode) and st.st_uid == _owner():
        # Ours, but opened to others (made under umask 000): close it. What others may have put
        # in it meanwhile is owned by them, and `read` refuses it file by file.
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
            return True
    if str(folder) not in _warned:
        _warned.add(str(folder))
        sys.stderr.write(
            f"dealcheck: warning: {folder}: cache not used, the folder is not yours alone "
            "(owned by another user, or writable by others); see 'dealcheck cache info'\n"
        )
    return False


def read(name: str) -> bytes | None:
    """The entry's bytes, or None when it is missing or not to be trusted."""
    folder = directory()
    if not _usable(folder, create=False):
        return None
    path = folder / name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or not _trusted(st) or st.st_size > MAX_BYTES:
            return None
        data = fh.read()
    with contextlib.suppress(OSError):
        os.utime(path)  # the bound removes what was used longest ago, not what was made first
    return data


def write(name: str, data: bytes) -> None:
    """Best effort: a read-only or full disk, or a folder not to be trusted, only costs speed."""
    folder = directory()
    if not _usable(folder, create=True):
        return
    with contextlib.suppress(OSError):
        atomic_write(folder / name, data, private=True)
        prune(keep=name)


def entries() -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory()) as it:
            return [e for e in it if _ENTRY.fullmatch(e.name) and (e.is_file(follow_symlinks=False) or e.is_symlink())]
    except OSError:
        return []


def prune(keep: str = "", max_bytes: int = MAX_BYTES) -> None:
    """Remove stale temporaries, then the entries used longest ago until the cache fits `max_bytes`."""
    now = time.time()
    kept = []
    for e in entries():
        st = e.stat(follow_symlinks=False)
        if e.name.endswith(_TEMPORARY):
            if now - st.st_mtime > STALE_SECONDS:
                with contextlib.suppress(OSError):
                    os.unlink(e.path)
            continue
        kept.append((st.st_mtime, st.st_size, e))
    total = sum(size for _, size, _ in kept)
    for _, size, e in sorted(kept, key=lambda t: t[0]):
        if total <= max_bytes:
            break
        if e.name != keep:
            with contextlib.suppress(OSError):
                os.unlink(e.path)
                total -= size


def info() -> dict[str, Any]:
    folder = directory()
    found = entries()
    return {
        "directory": str(folder),
        "exists": folder.is_dir(),
        "usable": folder.is_dir() and _usable(folder, create=False),
        "entries": len(found),
        "bytes": sum(e.stat(follow_symlinks=False).st_size for e in found),
        "max_bytes": MAX_BYTES,
    }


def clear() -> int:
    """Remove every entry; returns how many were removed."""
    removed = 0
    for e in entries():
        with contextlib.suppress(OSError):
            os.unlink(e.path)
            removed += 1
    return removed
