# generated from openai_images_sdk/_async/closing.py by scripts/unasync.py; do not edit
"""`Closing`: ``with`` for anything with an `close()`."""

from __future__ import annotations

from types import TracebackType
from typing import Self

__all__ = ["Closing"]


class Closing:
    """Entering gives the object itself; leaving the block calls `close()`."""

    __slots__ = ()

    def close(self) -> None:
        """Release what the object holds (each class that mixes this in says what)."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
