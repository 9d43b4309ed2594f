"""Typed wrappers that make `with_raw_response` and `with_streaming_response` methods.

Each wrapper takes a method of a resource built in ``raw`` or ``streaming`` mode (see
`_resource`) and keeps its parameters, overloads included (`ParamSpec`), while its
answer type becomes the response object that mode gives: the signatures are written
once, on the main resource methods.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar, cast

from ._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncRawAPIResponse,
    AsyncResponseContextManager,
    RawAPIResponse,
    ResponseContextManager,
    as_raw_response,
    as_sync_raw_response,
)

__all__ = [
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]

P = ParamSpec("P")
R = TypeVar("R")


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, RawAPIResponse[R]]:
    """A raw-mode method, answering with the `RawAPIResponse` of its result (body read)."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawAPIResponse[R]:
        return as_sync_raw_response(cast("APIResponse[R]", func(*args, **kwargs)))

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[P, R],
) -> Callable[P, ResponseContextManager[APIResponse[R]]]:
    """A streaming-mode method: a context manager that sends on entry, body unread."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[APIResponse[R]]:
        return cast("ResponseContextManager[APIResponse[R]]", func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[AsyncRawAPIResponse[R]]]:
    """The async twin of `to_raw_response_wrapper`: an `AsyncRawAPIResponse`, whose
    `parse()` is synchronous (the body is read before the await returns)."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncRawAPIResponse[R]:
        response = cast("AsyncAPIResponse[R]", await func(*args, **kwargs))
        return as_raw_response(response)

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[AsyncAPIResponse[R]]]:
    """The async twin of `to_streamed_response_wrapper`: send on ``async with`` (or await)."""

    @functools.wraps(func)
    def wrapped(
        *args: P.args, **kwargs: P.kwargs
    ) -> AsyncResponseContextManager[AsyncAPIResponse[R]]:
        send = cast("Callable[[], Awaitable[AsyncAPIResponse[R]]]", lambda: func(*args, **kwargs))
        return AsyncResponseContextManager(send)

    return wrapped
