# generated from openai_images_sdk/_async/closing.py by scripts/unasync.py; do not edit
"""`Closing`: ``with`` for anything with an `close()`."""

from __future__ import annotations

from types import TracebackType
from typing import Self

__all__ = ["ClosesOnExit", "Closing"]


class ClosesOnExit:
    """Leaving the ``with`` block calls `close()`; the class says what entering gives."""

    __slots__ = ()

    def close(self) -> None:
        """Release what the object holds (each class that mixes this in says what)."""
        raise NotImplementedError

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class Closing(ClosesOnExit):
    """Entering gives the object itself; leaving the block calls `close()`."""

    __slots__ = ()

    def __enter__(self) -> Self:
        return self
