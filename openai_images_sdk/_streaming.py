"""PLACEHOLDER (streaming helper replaces this file): typed iterators over SSE responses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Generic, TypeVar

import httpx

__all__ = ["AsyncStream", "Stream"]

T = TypeVar("T")


class Stream(Generic[T]):
    """Iterates the typed events of a streamed response."""

    def __init__(self, response: httpx.Response, *, decode: Callable[[Any], T | None]) -> None:
        self.response = response
        self._decode = decode

    def __iter__(self) -> Iterator[T]:
        raise NotImplementedError

    def close(self) -> None:
        self.response.close()


class AsyncStream(Generic[T]):
    """Iterates the typed events of a streamed response, asynchronously."""

    def __init__(self, response: httpx.Response, *, decode: Callable[[Any], T | None]) -> None:
        self.response = response
        self._decode = decode

    def __aiter__(self) -> AsyncIterator[T]:
        raise NotImplementedError

    async def aclose(self) -> None:
        await self.response.aclose()
