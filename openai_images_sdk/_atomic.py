"""The one file writer: whole files appear at once, with the permissions the umask allows.

Every image the SDK saves (results, streams, the CLI, bulk runs, batch collection) goes
through `write_atomic`: a hidden temporary file beside the target, fsynced, then renamed
over it, so a reader never sees half a file. The temporary file is created with mode
0o666 less the process umask, like `open(path, "wb")` would (0644 under umask 022).
Paths stay plain strings: `pathlib` interns every part it parses, which grows memory with
each new name over a long run.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from typing import Final

__all__ = ["TEMPORARY_SUFFIX", "write_atomic"]

TEMPORARY_SUFFIX: Final = ".partial"
"""Temporary files end with this; one left behind is an unfinished write of a killed run."""

_FLAGS: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    overwrite: bool = True,
    suffix: str = TEMPORARY_SUFFIX,
    make_parents: bool = False,
) -> str:
    """Write `data` to `path` whole, or not at all; return `path` as a string.

    With ``overwrite=False`` an existing file is left alone and `FileExistsError` raised,
    with no window in which two writers both succeed. `suffix` ends the temporary file's
    name (so a caller can find and remove what a crash left); `make_parents` creates
    missing parent folders first.
    """
    target = os.fspath(path)
    folder, name = os.path.split(target)
    if make_parents and folder:
        os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}{suffix}")
    try:
        with os.fdopen(os.open(tmp, _FLAGS, 0o666), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            _link_new(tmp, target, data)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def _link_new(tmp: str, target: str, data: bytes) -> None:
    # A hard link fails when the target exists, which makes "create, never replace" atomic.
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: an exclusive create instead
        with open(target, "xb") as handle:
            handle.write(data)
    os.unlink(tmp)
