"""The byte-moving half of a stream, written twice: the read loops and iteration.

`StreamReader` and `AsyncStreamReader` hold a generator that reads the response and feeds
the sans-I/O `StreamCore`; `Stream` and `AsyncStream` (`_async/streaming.py`, and its
generated twin) build the typed helpers on top. The two differ where reading differs:
the sync loop is a fresh generator per ``for`` (so ``break`` closes the response), the async
one keeps its place, and the async reader drains httpx's nested iterators after closing.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from typing import Final, Generic, Self, TypeVar

import httpx

from ._sse import DEFAULT_MAX_EVENT_BYTES, EventTooLargeError, ServerSentEvent
from ._stream_core import HEAD_LIMIT, EventDecoder, StreamCore
from ._stream_files import event_kind
from ._telemetry import OperationSpan

__all__ = ["AsyncStreamReader", "StreamReader", "async_read_events", "read_events"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

_DRAIN_LIMIT: Final = 1024
"""How many chunks a closed response may still yield before it is given up on (`_release`)."""


def read_events(core: StreamCore[T]) -> Generator[T, None, None]:
    """The typed events of `core`'s response, read as they arrive; closes the response."""
    # A function of the core, not a method: a generator frame holding the stream would
    # make a cycle, and a dropped stream would wait for the cyclic collector to close.
    response = core.response
    try:
        if not core.is_event_stream():
            raise core.not_event_stream(*_head(response))
        try:
            feed = core.decoder.feed
            for chunk in response.iter_raw() if _identity(response) else response.iter_bytes():
                events = feed(chunk)
                if events:
                    yield from core.typed(events)
        except httpx.RequestError as exc:  # the core raises only the SDK's own errors
            raise core.connection_lost(exc) from exc
        except EventTooLargeError as exc:
            raise core.too_large(exc) from None
        yield from core.finish()
    except Exception as exc:
        core.end_span(exc)
        raise
    finally:
        core.end_span()
        response.close()


def _identity(response: httpx.Response) -> bool:
    """No content coding: the raw body is the bytes, read without httpx's decoder layers."""
    coding = str(response.headers.get("content-encoding", "identity"))
    return coding.strip().lower() == "identity"


def _head(response: httpx.Response) -> tuple[bytes, bool]:
    head = bytearray()
    try:
        for chunk in response.iter_bytes():
            head += chunk
            if len(head) >= HEAD_LIMIT:
                return bytes(head), False
    except httpx.RequestError:
        return bytes(head), False
    return bytes(head), True


async def async_read_events(core: StreamCore[T]) -> AsyncGenerator[T, None]:
    """`read_events` for an async response."""
    response = core.response
    try:
        if not core.is_event_stream():
            raise core.not_event_stream(*await _async_head(response))
        chunks = response.aiter_raw() if _identity(response) else response.aiter_bytes()
        try:
            feed = core.decoder.feed
            async for chunk in chunks:
                events = feed(chunk)
                if events:
                    for event in core.typed(events):
                        yield event
        except httpx.RequestError as exc:  # the core raises only the SDK's own errors
            raise core.connection_lost(exc) from exc
        except EventTooLargeError as exc:
            raise core.too_large(exc) from None
        finally:
            await _release(response, chunks)
        for event in core.finish():
            yield event
    except Exception as exc:
        core.end_span(exc)
        raise
    finally:
        core.end_span()
        await response.aclose()


async def _async_head(response: httpx.Response) -> tuple[bytes, bool]:
    head = bytearray()
    chunks = response.aiter_bytes()
    try:
        async for chunk in chunks:
            head += chunk
            if len(head) >= HEAD_LIMIT:
                return bytes(head), False
    except httpx.RequestError:
        return bytes(head), False
    finally:
        await _release(response, chunks)
    return bytes(head), True


async def _release(response: httpx.Response, chunks: AsyncIterator[bytes]) -> None:
    """Close `response`, then run `chunks` to its end so that nothing is left half-read.

    httpx's byte iterators are async generators nested several deep (``aiter_bytes``,
    ``aiter_raw``, the transport's, httpcore's); closing the outer one leaves the inner
    ones to the garbage collector, which trio reports (encode/httpx#3686). Once the
    response is closed, the rest ends at once: a closed connection raises, a body held
    in memory yields what is left. A body that goes on yielding after being closed is
    read for at most `_DRAIN_LIMIT` chunks, then closed as before.
    """
    await response.aclose()
    try:
        drained = 0
        async for _ in chunks:
            drained += 1
            if drained >= _DRAIN_LIMIT:
                break
    except (httpx.HTTPError, httpx.StreamError):
        pass
    aclose = getattr(chunks, "aclose", None)
    if aclose is not None:
        await aclose()


class _StreamBase(Generic[T_co]):
    """What both readers share: the response, the core, the counters."""

    def __init__(
        self,
        response: httpx.Response,
        *,
        event_type: object,
        decode: EventDecoder | None = None,
        max_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        self.response = response
        self._core: StreamCore[T_co] = StreamCore(
            response, event_type, decode, max_event_bytes=max_event_bytes
        )
        self._begin()

    def _begin(self) -> None:
        """Set up the generator that reads the response (not started yet)."""
        raise NotImplementedError

    def _watch(self, span: OperationSpan) -> None:
        """End the operation's span when the stream ends (finished, failed or closed)."""
        self._core.span = span

    @property
    def unknown_events(self) -> list[ServerSentEvent]:
        """Events of a type the union does not know, as received."""
        return self._core.unknown_events

    @property
    def events_received(self) -> int:
        """How many events have been read (typed and unknown)."""
        return self._core.received

    @property
    def completed(self) -> T_co | None:
        """The completed event, once it has arrived."""
        return self._core.completed


class StreamReader(_StreamBase[T_co]):
    """Iterating a sync stream: `next()`, ``for`` loops, `close()`."""

    def _begin(self) -> None:
        self._events = read_events(self._core)

    def __next__(self) -> T_co:
        return next(self._events)

    def __iter__(self) -> Iterator[T_co]:
        # A fresh generator per loop: a loop left early drops it, and closing it closes
        # `_events` and so the response.
        yield from self._events

    def close(self) -> None:
        """Stop reading and close the HTTP response; later iteration yields nothing."""
        self._events.close()
        self._core.end_span()
        self.response.close()

    def _partials(self) -> Iterator[T_co]:
        # A generator over a fresh loop: leaving it early closes the response too.
        for event in self:
            if event_kind(event) == "partial":
                yield event


class AsyncStreamReader(_StreamBase[T_co]):
    """Iterating an async stream: `anext()`, ``async for`` loops, `aclose()` / `close()`."""

    def _begin(self) -> None:
        self._events = async_read_events(self._core)

    async def __anext__(self) -> T_co:
        return await anext(self._events)

    def __aiter__(self) -> Self:
        # Not a fresh async generator per loop as in `StreamReader.__iter__`: one left by
        # `break` inside `async with` would be garbage collected unexhausted (trio reports it).
        return self

    async def aclose(self) -> None:
        """Stop reading and close the HTTP response; later iteration yields nothing."""
        await self._events.aclose()
        self._core.end_span()
        await self.response.aclose()

    async def close(self) -> None:
        """Same as `aclose` (the official SDK's name)."""
        await self.aclose()

    def _partials(self) -> AsyncIterator[T_co]:
        return _AsyncPartials(self)


class _AsyncPartials(Generic[T_co]):
    """The partial-image events of an `AsyncStreamReader` (an iterator object, as it is)."""

    def __init__(self, stream: AsyncStreamReader[T_co]) -> None:
        self._stream = stream

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> T_co:
        while True:
            event = await anext(self._stream)
            if event_kind(event) == "partial":
                return event
