"""PLACEHOLDER (streaming helper replaces this file): typed iterators over SSE responses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Generic, TypeVar

import httpx

__all__ = ["AsyncStream", "Stream"]

T = TypeVar("T")


class Stream(Generic[T]):
    """Iterates the typed events of a streamed response."""

    def __init__(self, response: httpx.Response, *, event_type: object) -> None:
        self.response = response
        self._event_type = event_type

    def __iter__(self) -> Iterator[T]:
        raise NotImplementedError

    def close(self) -> None:
        self.response.close()


class AsyncStream(Generic[T]):
    """Iterates the typed events of a streamed response, asynchronously."""

    def __init__(self, response: httpx.Response, *, event_type: object) -> None:
        self.response = response
        self._event_type = event_type

    def __aiter__(self) -> AsyncIterator[T]:
        raise NotImplementedError

    async def aclose(self) -> None:
        await self.response.aclose()
