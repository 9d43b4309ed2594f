"""Image files of a run: written atomically, named after record keys, partials cleaned up.

Paths are plain strings here: `pathlib` interns every path part it parses, which would
grow memory with each new file name over a long run.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from openai_images_sdk import _atomic
from openai_images_sdk._results import extension_for

__all__ = ["PARTIAL_SUFFIX", "image_paths", "remove_partials", "write_file_atomic"]

PARTIAL_SUFFIX: Final = ".bulk-partial"
"""Temporary files end with this; a file with it is an unfinished write of a killed run."""


def write_file_atomic(path: str | os.PathLike[str], data: bytes) -> str:
    """Write `data` to a hidden temporary file beside `path`, fsync, then rename over `path`.

    A reader never sees a half-written `path`; a crash leaves at most a temporary file,
    which `remove_partials` deletes on the next run. Returns `path` as a string.
    """
    return _atomic.write_atomic(path, data, suffix=PARTIAL_SUFFIX)


def image_paths(
    folder: str | os.PathLike[str], stem: str, images: Sequence[bytes], output_format: str | None
) -> list[str]:
    """Where the images of one record go: ``stem.ext``, or ``stem-0.ext``, ... for several."""
    base = os.fspath(folder)
    paths: list[str] = []
    for index, data in enumerate(images):
        ext = extension_for(data, output_format)
        name = f"{stem}.{ext}" if len(images) == 1 else f"{stem}-{index}.{ext}"
        paths.append(os.path.join(base, name))
    return paths


def remove_partials(folder: str | os.PathLike[str]) -> int:
    """Delete the temporary files an interrupted run left in `folder`; returns how many."""
    removed = 0
    if not Path(folder).is_dir():
        return 0
    for path in Path(folder).glob(f".*{PARTIAL_SUFFIX}"):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed += 1
    return removed
