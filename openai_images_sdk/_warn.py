"""Warnings that point at the caller's line rather than at the SDK's."""

from __future__ import annotations

import sys
import warnings
from types import FrameType
from typing import Final

__all__ = ["warn"]

_PACKAGE: Final = __name__.rpartition(".")[0]


def warn(message: str, category: type[Warning]) -> None:
    """`warnings.warn` attributed to the first frame outside this package."""
    frame: FrameType | None = sys._getframe(1)
    level = 2
    while frame is not None and str(frame.f_globals.get("__name__")).startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    warnings.warn(message, category, stacklevel=level)
