"""`AsyncClosing`: ``async with`` for anything with an `aclose()`."""

from __future__ import annotations

from types import TracebackType
from typing import Self

__all__ = ["AsyncClosesOnExit", "AsyncClosing"]


class AsyncClosesOnExit:
    """Leaving the ``async with`` block calls `aclose()`; the class says what entering gives."""

    __slots__ = ()

    async def aclose(self) -> None:
        """Release what the object holds (each class that mixes this in says what)."""
        raise NotImplementedError

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class AsyncClosing(AsyncClosesOnExit):
    """Entering gives the object itself; leaving the block calls `aclose()`."""

    __slots__ = ()

    async def __aenter__(self) -> Self:
        return self
