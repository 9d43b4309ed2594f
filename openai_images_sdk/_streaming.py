"""Typed iterators over a streamed (`text/event-stream`) response.

`Stream` and `AsyncStream` differ only in how they read bytes; everything else (content
type check, SSE decoding, JSON, typed events, error events, truncation) is the sans-I/O
`_stream_core.StreamCore` they share, and `save_to` writes files with `_stream_files.Saver`.

Rules every stream follows:

- The content type is checked when iteration starts: a 2xx answer that is not
  `text/event-stream` raises `APIResponseValidationError` (with the start of its body)
  from the first `next()` / `until_done()` / `save_to()`, after closing the response.
- Events of a `type` the union does not know are kept in `unknown_events` and logged at
  DEBUG on the `openai_images_sdk` logger; they are never yielded.
- An `error` event, or data carrying an `error` object or `"type": "error"`, raises
  `APIError` with the server's message and code.
- A body that ends early (transport error, an unterminated last event that is not whole
  JSON, or no `*.completed` event at all) raises `APIConnectionError` naming how many
  events arrived.
- The response is closed by: reading to the end, any error, `close()` / `aclose()`,
  leaving a `with` / `async with` block, and (sync) leaving a `for` loop early. An
  `async for` left early keeps its place (trio would report a dropped async generator):
  close with `async with` or `aclose()`; a stream dropped unclosed is closed by the
  event loop's async-generator finalizer.
"""

from __future__ import annotations

import os
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from pathlib import Path
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Generic,
    Self,
    TypeVar,
    overload,
)

import httpx

from ._sse import ServerSentEvent
from ._stream_core import HEAD_LIMIT, EventDecoder, StreamCore
from ._stream_files import Saver, event_kind, image_bytes

if TYPE_CHECKING:
    from ._generated.models import (
        ImageEditCompletedEvent,
        ImageEditPartialImageEvent,
        ImageGenCompletedEvent,
        ImageGenPartialImageEvent,
    )

__all__ = ["AsyncStream", "EventDecoder", "Stream", "image_bytes"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


_DRAIN_LIMIT: Final = 1024
"""How many chunks a closed response may still yield before it is given up on (`_release`)."""


def _notify(
    event: object,
    on_partial: Callable[[Any], object] | None,
    on_completed: Callable[[Any], object] | None,
) -> None:
    kind = event_kind(event)
    if kind == "partial" and on_partial is not None:
        on_partial(event)
    elif kind == "completed" and on_completed is not None:
        on_completed(event)


def _read(core: StreamCore[T]) -> Generator[T, None, None]:
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
        yield from core.finish()
    finally:
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


async def _aread(core: StreamCore[T]) -> AsyncGenerator[T, None]:
    response = core.response
    try:
        if not core.is_event_stream():
            raise core.not_event_stream(*await _ahead(response))
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
        finally:
            await _release(response, chunks)
        for event in core.finish():
            yield event
    finally:
        await response.aclose()


async def _ahead(response: httpx.Response) -> tuple[bytes, bool]:
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
    """What `Stream` and `AsyncStream` share: the response, the core, the counters."""

    def __init__(
        self,
        response: httpx.Response,
        *,
        event_type: object,
        decode: EventDecoder | None = None,
    ) -> None:
        self.response = response
        self._core: StreamCore[T_co] = StreamCore(response, event_type, decode)

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


class Stream(_StreamBase[T_co]):
    """The typed events of a streamed response: an iterator and a context manager.

    `event_type` is the event union (e.g. `ImageGenStreamEvent`); `decode` stands in for
    `_converter.structure_event` (tests).
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        event_type: object,
        decode: EventDecoder | None = None,
    ) -> None:
        super().__init__(response, event_type=event_type, decode=decode)
        self._events = _read(self._core)

    def __next__(self) -> T_co:
        return next(self._events)

    def __iter__(self) -> Iterator[T_co]:
        # A fresh generator per loop: a loop left early drops it, and closing it closes
        # `_events` and so the response.
        yield from self._events

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and close the HTTP response; later iteration yields nothing."""
        self._events.close()
        self.response.close()

    @overload
    def until_done(
        self: Stream[ImageGenPartialImageEvent | ImageGenCompletedEvent],
        *,
        on_partial: Callable[[ImageGenPartialImageEvent], object] | None = None,
        on_completed: Callable[[ImageGenCompletedEvent], object] | None = None,
    ) -> ImageGenCompletedEvent: ...
    @overload
    def until_done(
        self: Stream[ImageEditPartialImageEvent | ImageEditCompletedEvent],
        *,
        on_partial: Callable[[ImageEditPartialImageEvent], object] | None = None,
        on_completed: Callable[[ImageEditCompletedEvent], object] | None = None,
    ) -> ImageEditCompletedEvent: ...
    @overload
    def until_done(
        self,
        *,
        on_partial: Callable[[T_co], object] | None = None,
        on_completed: Callable[[T_co], object] | None = None,
    ) -> T_co: ...
    def until_done(
        self,
        *,
        on_partial: Callable[[Any], object] | None = None,
        on_completed: Callable[[Any], object] | None = None,
    ) -> object:
        """Read the stream to its end and return the completed event.

        `on_partial` / `on_completed` are called with each such event as it arrives.
        """
        with self:
            for event in self:
                _notify(event, on_partial, on_completed)
        return self._core.final()

    final = until_done

    @overload
    def partial_images(
        self: Stream[ImageGenPartialImageEvent | ImageGenCompletedEvent],
    ) -> Iterator[ImageGenPartialImageEvent]: ...
    @overload
    def partial_images(
        self: Stream[ImageEditPartialImageEvent | ImageEditCompletedEvent],
    ) -> Iterator[ImageEditPartialImageEvent]: ...
    @overload
    def partial_images(self) -> Iterator[T_co]: ...
    def partial_images(self) -> Iterator[object]:
        """Iterate over the partial-image events only; the completed one lands in `completed`."""
        for event in self:
            if event_kind(event) == "partial":
                yield event

    def save_to(
        self, path_template: str | os.PathLike[str], *, partials: bool = True
    ) -> list[Path]:
        """Read the stream to its end, writing each image to a file as it arrives.

        `path_template` is formatted with `index` (the partial image index, or "final"),
        `kind` ("partial" or "final"), `ext` (the output format) and `n` (0, 1, ...);
        parent directories are created. Returns the paths written, the final image last.
        """
        saver = Saver(path_template, partials=partials)
        with self:
            for event in self:
                saver.save(event)
        self._core.final()
        return saver.paths


class AsyncStream(_StreamBase[T_co]):
    """The typed events of a streamed response: an async iterator and async context manager.

    `event_type` is the event union (e.g. `ImageGenStreamEvent`); `decode` stands in for
    `_converter.structure_event` (tests).
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        event_type: object,
        decode: EventDecoder | None = None,
    ) -> None:
        super().__init__(response, event_type=event_type, decode=decode)
        self._events = _aread(self._core)

    async def __anext__(self) -> T_co:
        return await anext(self._events)

    def __aiter__(self) -> Self:
        # Not a fresh async generator per loop as in `Stream.__iter__`: one left by `break`
        # inside `async with` would be garbage collected unexhausted, which trio reports.
        return self

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Stop reading and close the HTTP response; later iteration yields nothing."""
        await self._events.aclose()
        await self.response.aclose()

    @overload
    async def until_done(
        self: AsyncStream[ImageGenPartialImageEvent | ImageGenCompletedEvent],
        *,
        on_partial: Callable[[ImageGenPartialImageEvent], object] | None = None,
        on_completed: Callable[[ImageGenCompletedEvent], object] | None = None,
    ) -> ImageGenCompletedEvent: ...
    @overload
    async def until_done(
        self: AsyncStream[ImageEditPartialImageEvent | ImageEditCompletedEvent],
        *,
        on_partial: Callable[[ImageEditPartialImageEvent], object] | None = None,
        on_completed: Callable[[ImageEditCompletedEvent], object] | None = None,
    ) -> ImageEditCompletedEvent: ...
    @overload
    async def until_done(
        self,
        *,
        on_partial: Callable[[T_co], object] | None = None,
        on_completed: Callable[[T_co], object] | None = None,
    ) -> T_co: ...
    async def until_done(
        self,
        *,
        on_partial: Callable[[Any], object] | None = None,
        on_completed: Callable[[Any], object] | None = None,
    ) -> object:
        """Read the stream to its end and return the completed event.

        `on_partial` / `on_completed` are called with each such event as it arrives.
        """
        async with self:
            async for event in self:
                _notify(event, on_partial, on_completed)
        return self._core.final()

    final = until_done

    @overload
    def partial_images(
        self: AsyncStream[ImageGenPartialImageEvent | ImageGenCompletedEvent],
    ) -> AsyncIterator[ImageGenPartialImageEvent]: ...
    @overload
    def partial_images(
        self: AsyncStream[ImageEditPartialImageEvent | ImageEditCompletedEvent],
    ) -> AsyncIterator[ImageEditPartialImageEvent]: ...
    @overload
    def partial_images(self) -> AsyncIterator[T_co]: ...
    def partial_images(self) -> AsyncIterator[object]:
        """Iterate over the partial-image events only; the completed one lands in `completed`."""
        return _AsyncPartials(self)

    async def save_to(
        self, path_template: str | os.PathLike[str], *, partials: bool = True
    ) -> list[Path]:
        """Read the stream to its end, writing each image to a file as it arrives.

        `path_template` is formatted with `index` (the partial image index, or "final"),
        `kind` ("partial" or "final"), `ext` (the output format) and `n` (0, 1, ...);
        parent directories are created (with blocking writes of a few MB each). Returns
        the paths written, the final image last.
        """
        saver = Saver(path_template, partials=partials)
        async with self:
            async for event in self:
                saver.save(event)
        self._core.final()
        return saver.paths


class _AsyncPartials(Generic[T_co]):
    """The partial-image events of an `AsyncStream` (an iterator object: see `__aiter__`)."""

    def __init__(self, stream: AsyncStream[T_co]) -> None:
        self._stream = stream

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> T_co:
        while True:
            event = await anext(self._stream)
            if event_kind(event) == "partial":
                return event
