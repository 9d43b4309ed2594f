"""One run per output folder: an exclusive lock on a lock file, released by the OS.

The lock is `fcntl.flock` (``msvcrt.locking`` on Windows) on ``.openai-images.lock`` in the
folder, held for the whole run. The operating system drops it when the process ends, so
a run killed with SIGKILL never leaves a stale lock behind; the file itself stays.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Generator
from pathlib import Path
from typing import Final

from openai_images_sdk._exceptions import ValidationError, Violation

__all__ = ["LOCK_FILE", "FolderBusyError", "folder_lock"]

LOCK_FILE: Final = ".openai-images.lock"
"""The lock file's name inside a locked folder."""


class FolderBusyError(ValidationError):
    """Another run (bulk or batch) is using the output folder or manifest."""

    def __init__(self, path: Path) -> None:
        rule = (
            f"another run is using it (the lock on {path} is held); wait for that run to "
            "finish or choose another folder"
        )
        super().__init__([Violation(param="out", rule=rule, value=str(path.parent))])
        self.path = path


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def folder_lock(*folders: str | os.PathLike[str]) -> Generator[None]:
    """Hold the lock of every folder (each once) for the block; `FolderBusyError` if taken."""
    with contextlib.ExitStack() as stack:
        seen: set[str] = set()
        for folder in folders:
            path = Path(folder).resolve() / LOCK_FILE
            if str(path) in seen:
                continue
            seen.add(str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            stack.callback(os.close, fd)  # closing the file releases the lock
            if not _try_lock(fd):
                raise FolderBusyError(path)
        yield
