"""The one way dealcheck writes a file: whole or not at all, and only over a regular file.

A temporary file is made with `mkstemp` beside the target (never a predictable name, never
through a symlink), filled, and renamed over the target, so a reader sees the old file or the
new one, and a failed or interrupted write leaves neither a half-written target nor a
temporary behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import DealcheckError


def atomic_write(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path`, replacing it only if it is a regular file.

    `private` files (the cache) are made 0600 and a symlink at `path` is replaced, not followed.
    Other files keep the mode of the file they replace (a new one gets 0666 less the umask), and
    a symlink to a regular file is kept: the file it points at is what is rewritten.
    Raises OSError when the disk refuses, DealcheckError when `path` is not a regular file.
    """
    mode = 0o600
    if not private:
        path = Path(os.path.realpath(path))
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(st.st_mode) and not (private and stat.S_ISLNK(st.st_mode)):
            raise DealcheckError(f"{path}: not a regular file; dealcheck only replaces regular files")
        if not private:
            mode = stat.S_IMODE(st.st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if not private:
                fh.flush()
                os.fsync(fh.fileno())  # what the user asked to keep survives a crash, not only a rename
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        # Interrupted or refused: the target is untouched and the temporary is not left behind.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

