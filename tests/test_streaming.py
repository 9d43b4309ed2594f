"""Stream / AsyncStream: typed events, errors, truncation, helpers, and closing on every exit.

Each test body runs against the sync and the async stream (the `driver` fixture); the
response body is a byte stream that yields chosen chunks, can fail after them, and
records whether it was closed.
"""

from __future__ import annotations

import base64
import gc
import gzip
import inspect
import json
import logging
import re
import warnings
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
)
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import anyio
import attrs
import httpx
import pytest
from _loopback import LoopbackServer, Step
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_images_sdk._converter import structure_event
from openai_images_sdk._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    ValidationError,
)
from openai_images_sdk._generated.models import (
    ImageEditCompletedEvent,
    ImageEditPartialImageEvent,
    ImageEditStreamEvent,
    ImageGenCompletedEvent,
    ImageGenPartialImageEvent,
    ImageGenStreamEvent,
)
from openai_images_sdk._streaming import AsyncStream, Stream, image_bytes

REQUEST = httpx.Request("POST", "https://api.test/v1/images/generations")
PNGS = [b"\x89PNG\r\n\x1a\n" + bytes([i]) * 40 for i in range(4)]
COMMON: dict[str, object] = {
    "created_at": 1_700_000_000,
    "size": "1024x1024",
    "quality": "high",
    "background": "opaque",
    "output_format": "png",
}
USAGE = {
    "input_tokens": 10,
    "output_tokens": 20,
    "total_tokens": 30,
    "input_tokens_details": {"text_tokens": 10, "image_tokens": 0},
}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def partial(
    index: int, prefix: str = "image_generation", image: str | None = None
) -> dict[str, object]:
    return {
        "type": f"{prefix}.partial_image",
        "b64_json": image or b64(PNGS[index]),
        "partial_image_index": index,
        **COMMON,
    }


def completed(prefix: str = "image_generation", image: str | None = None) -> dict[str, object]:
    return {
        "type": f"{prefix}.completed",
        "b64_json": image or b64(PNGS[3]),
        "usage": USAGE,
        **COMMON,
    }


def sse(data: object, event: str | None = "", *, end: str = "\n\n") -> bytes:
    """One event; `event` defaults to the data's type, None leaves the `event:` line out."""
    if event == "" and isinstance(data, dict):
        event = str(cast("dict[str, object]", data).get("type"))
    text = data if isinstance(data, str) else json.dumps(data)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {text}{end}".encode()


GEN_BODY = sse(partial(0)) + sse(partial(1)) + sse(completed())


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that yields the given chunks, may then raise, and records closing.

    Like a connection, it yields nothing once closed (`ignores_close` keeps it going). Its
    async side is a plain iterator object, not an async generator, so that closing early
    leaves nothing of its own for trio to warn about.
    """

    def __init__(
        self,
        chunks: Iterable[bytes],
        error: Exception | None = None,
        *,
        ignores_close: bool = False,
    ) -> None:
        self.chunks = list(chunks)
        self.error = error
        self.ignores_close = ignores_close
        self.closed = False
        self.sent = 0

    def _next(self) -> bytes | None:
        if self.closed and not self.ignores_close:
            return None
        if self.sent < len(self.chunks):
            self.sent += 1
            return self.chunks[self.sent - 1]
        if self.error is not None:
            raise self.error
        return None

    def __iter__(self) -> Iterator[bytes]:
        while (chunk := self._next()) is not None:
            yield chunk

    def __aiter__(self) -> Body:
        return self

    async def __anext__(self) -> bytes:
        await anyio.lowlevel.checkpoint()
        chunk = self._next()
        if chunk is None:
            raise StopAsyncIteration
        return chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def chunked(body: bytes, size: int) -> list[bytes]:
    return [body[i : i + size] for i in range(0, len(body), size)]


@attrs.define
class StreamDriver:
    """Opens a `Stream` or an `AsyncStream` and drives it from one async test body."""

    kind: Literal["sync", "async"]

    @property
    def is_async(self) -> bool:
        return self.kind == "async"

    def open(
        self,
        chunks: bytes | Iterable[bytes],
        *,
        error: Exception | None = None,
        content_type: str | None = "text/event-stream",
        event_type: object = ImageGenStreamEvent,
        ignores_close: bool = False,
        **options: Any,
    ) -> tuple[Any, Body]:
        body = Body(
            [chunks] if isinstance(chunks, bytes) else chunks, error, ignores_close=ignores_close
        )
        headers = {"content-type": content_type} if content_type else {}
        response = httpx.Response(200, headers=headers, stream=body, request=REQUEST)
        cls: Any = AsyncStream if self.is_async else Stream
        return cls(response, event_type=event_type, **options), body

    async def run(self, value: Any) -> Any:
        return await value if inspect.isawaitable(value) else value

    async def collect(self, iterable: Any) -> list[Any]:
        if self.is_async:
            return [item async for item in iterable]
        return list(iterable)

    async def drain(self, stream: Any, into: list[Any]) -> None:
        """Read `stream` to its end (or error), keeping each event as it arrives."""
        if self.is_async:
            async for event in stream:
                into.append(event)
        else:
            into.extend(stream)

    async def next(self, stream: Any) -> Any:
        return await anext(stream) if self.is_async else next(stream)

    async def take_then_break(self, iterable: Any, count: int) -> list[Any]:
        taken: list[Any] = []
        if self.is_async:
            async for item in iterable:
                taken.append(item)
                if len(taken) == count:
                    break
        else:
            for item in iterable:
                taken.append(item)
                if len(taken) == count:
                    break
        return taken

    async def raise_in_loop(self, stream: Any) -> None:
        if self.is_async:
            async for _ in stream:
                raise LookupError("raised in the loop body")
        else:
            for _ in stream:
                raise LookupError("raised in the loop body")

    async def enter_and_take_one(self, stream: Any) -> Any:
        if self.is_async:
            async with stream as entered:
                return await anext(entered)
        with stream as entered:
            return next(entered)

    @asynccontextmanager
    async def entered(self, stream: Any) -> AsyncGenerator[Any, None]:
        if self.is_async:
            async with stream as entered:
                yield entered
        else:
            with stream as entered:
                yield entered

    async def close(self, stream: Any) -> None:
        await self.run(stream.aclose() if self.is_async else stream.close())


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Async bodies run under asyncio and under trio."""
    return str(request.param)


@pytest.fixture(params=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> StreamDriver:
    """The same test body against `Stream` and `AsyncStream` (overrides conftest's driver)."""
    return StreamDriver(request.param)


pytestmark = pytest.mark.anyio


async def test_events_come_out_typed_and_the_response_is_closed(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 7))
    events = await driver.collect(stream)
    assert [type(e) for e in events] == [
        ImageGenPartialImageEvent,
        ImageGenPartialImageEvent,
        ImageGenCompletedEvent,
    ]
    assert [e.partial_image_index for e in events[:2]] == [0, 1]
    assert events[2].usage.total_tokens == 30
    assert stream.completed is events[2]
    assert stream.events_received == 3
    assert stream.unknown_events == []
    assert body.closed


@pytest.mark.parametrize("encoding", ["gzip", "identity", " Identity"])
async def test_content_coded_bodies_are_decoded(driver: StreamDriver, encoding: str) -> None:
    """An identity body is read raw (no decoder layers); any other coding is decoded."""
    raw = gzip.compress(GEN_BODY) if encoding == "gzip" else GEN_BODY
    body = Body(chunked(raw, 5))
    headers = {"content-type": "text/event-stream", "content-encoding": encoding}
    response = httpx.Response(200, headers=headers, stream=body, request=REQUEST)
    cls: Any = AsyncStream if driver.is_async else Stream
    events = await driver.collect(cls(response, event_type=ImageGenStreamEvent))
    assert [type(e) for e in events] == [
        ImageGenPartialImageEvent,
        ImageGenPartialImageEvent,
        ImageGenCompletedEvent,
    ]
    assert body.closed


async def test_edit_events(driver: StreamDriver) -> None:
    raw = sse(partial(0, "image_edit")) + sse(completed("image_edit"))
    stream, _ = driver.open(raw, event_type=ImageEditStreamEvent)
    events = await driver.collect(stream)
    assert [type(e) for e in events] == [ImageEditPartialImageEvent, ImageEditCompletedEvent]


async def test_generation_events_on_an_edit_stream_are_unknown(driver: StreamDriver) -> None:
    raw = sse(partial(0)) + sse(completed("image_edit"))
    stream, _ = driver.open(raw, event_type=ImageEditStreamEvent)
    assert [type(e) for e in await driver.collect(stream)] == [ImageEditCompletedEvent]
    assert [e.event for e in stream.unknown_events] == ["image_generation.partial_image"]


async def test_type_taken_from_the_event_name_when_data_has_none(driver: StreamDriver) -> None:
    data = completed()
    del data["type"]
    stream, _ = driver.open(sse(data, "image_generation.completed"))
    assert [type(e) for e in await driver.collect(stream)] == [ImageGenCompletedEvent]


async def test_unknown_events_are_kept_aside_and_logged(
    driver: StreamDriver, caplog: pytest.LogCaptureFixture
) -> None:
    raw = (
        sse({"type": "image_generation.progress", "percent": 40})
        + sse(partial(0))
        + sse([1, 2], None)
        + sse({"no_type": True}, None)
        + sse(completed())
    )
    caplog.set_level(logging.DEBUG, logger="openai_images_sdk")
    stream, body = driver.open(raw)
    events = await driver.collect(stream)
    assert [type(e) for e in events] == [ImageGenPartialImageEvent, ImageGenCompletedEvent]
    assert [e.data for e in stream.unknown_events] == [
        '{"type": "image_generation.progress", "percent": 40}',
        "[1, 2]",
        '{"no_type": true}',
    ]
    assert stream.events_received == 5
    logged = [r.getMessage() for r in caplog.records if r.name == "openai_images_sdk"]
    assert logged == [
        "Stream event 1 of unknown type 'image_generation.progress' kept aside",
        "Stream event 3 of unknown type 'list' kept aside",
        "Stream event 4 of unknown type None kept aside",
    ]
    assert all(r.levelno == logging.DEBUG for r in caplog.records)
    assert body.closed


ERROR_BODIES = {
    "event error, error object": sse(
        {"error": {"message": "Your request was rejected", "code": "moderation_blocked"}}, "error"
    ),
    "event error, flat object": sse(
        {"message": "Your request was rejected", "code": "moderation_blocked"}, "error"
    ),
    "type error, flat": sse(
        {"type": "error", "message": "Your request was rejected", "code": "moderation_blocked"},
        None,
    ),
    "error object only": sse(
        {"error": {"message": "Your request was rejected", "code": "moderation_blocked"}}, None
    ),
}


@pytest.mark.parametrize("raw", ERROR_BODIES.values(), ids=ERROR_BODIES.keys())
async def test_error_event_raises_api_error(driver: StreamDriver, raw: bytes) -> None:
    stream, body = driver.open(sse(partial(0)) + raw + sse(completed()))
    assert isinstance(await driver.next(stream), ImageGenPartialImageEvent)
    with pytest.raises(APIError) as caught:
        await driver.next(stream)
    assert type(caught.value) is APIError
    assert caught.value.code == "moderation_blocked"
    assert str(caught.value) == (
        "The stream reported an error after 1 event (1 partial image): "
        "Your request was rejected [code: moderation_blocked]"
    )
    assert caught.value.request is REQUEST
    assert body.closed


async def test_error_event_with_text_data(driver: StreamDriver) -> None:
    stream, _ = driver.open(sse("upstream failure", "error"))
    with pytest.raises(APIError, match=r"after 0 events \(0 partial images\): upstream failure$"):
        await driver.collect(stream)


TRUNCATIONS: dict[str, tuple[list[bytes], Exception | None, type[APIConnectionError], str]] = {
    "reset mid-event": (
        [GEN_BODY[:-10]],
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
        APIConnectionError,
        "The connection was lost mid-stream after 2 events (2 partial images): peer closed",
    ),
    "read error between events": (
        [sse(partial(0))],
        httpx.ReadError("connection reset"),
        APIConnectionError,
        "after 1 event (1 partial image): connection reset",
    ),
    "read timeout": (
        [sse(partial(0)), b"data: {"],
        httpx.ReadTimeout("timed out"),
        APITimeoutError,
        "after 1 event (1 partial image): timed out",
    ),
    "clean end mid-event": (
        [sse(partial(0)), sse(completed())[:-40]],
        None,
        APIConnectionError,
        "lost mid-event after 1 event (1 partial image): event 2 ended before its data",
    ),
    "clean end before the completed event": (
        [sse(partial(0)), sse(partial(1))],
        None,
        APIConnectionError,
        "The stream ended after 2 events (2 partial images) without a completed event",
    ),
    "empty body": ([], None, APIConnectionError, "ended after 0 events"),
}


@pytest.mark.parametrize(
    ("chunks", "error", "raises", "message"), TRUNCATIONS.values(), ids=TRUNCATIONS.keys()
)
async def test_truncated_streams_raise_with_the_event_count(
    driver: StreamDriver,
    chunks: list[bytes],
    error: Exception | None,
    raises: type[APIConnectionError],
    message: str,
) -> None:
    stream, body = driver.open(chunks, error=error)
    received: list[Any] = []
    with pytest.raises(raises, match=re.escape(message)) as caught:
        await driver.drain(stream, received)
    assert len(received) == stream.events_received
    assert caught.value.request is REQUEST
    assert body.closed


async def test_last_event_without_blank_line_is_accepted(driver: StreamDriver) -> None:
    stream, _ = driver.open(sse(partial(0)) + sse(completed(), end=""))
    assert [type(e) for e in await driver.collect(stream)] == [
        ImageGenPartialImageEvent,
        ImageGenCompletedEvent,
    ]


async def test_done_sentinel_ends_without_a_completed_event(driver: StreamDriver) -> None:
    stream, _ = driver.open(sse(partial(0)) + b"data: [DONE]\n\n")
    assert len(await driver.collect(stream)) == 1


@pytest.mark.parametrize(
    ("content_type", "chunks", "body_seen"),
    [
        ("application/json", [b'{"created": 1, ', b'"data": []}'], {"created": 1, "data": []}),
        (None, [b"plain words"], "plain words"),
        ("text/html", [b"<p>" * 5000], ("<p>" * 5000)[:8192]),
    ],
    ids=["json", "no content type", "long html"],
)
async def test_non_event_stream_2xx_raises_and_closes(
    driver: StreamDriver, content_type: str | None, chunks: list[bytes], body_seen: object
) -> None:
    stream, body = driver.open(chunks, content_type=content_type)
    with pytest.raises(APIResponseValidationError, match="not 'text/event-stream'") as caught:
        await driver.next(stream)
    assert caught.value.body == body_seen
    assert caught.value.status_code == 200
    assert body.closed


async def test_non_event_stream_body_is_read_only_in_part(driver: StreamDriver) -> None:
    stream, body = driver.open([b"x" * 1000] * 100, content_type="application/octet-stream")
    with pytest.raises(APIResponseValidationError) as caught:
        await driver.collect(stream)
    assert caught.value.body == "x" * 8192
    assert body.sent == 9
    assert body.closed


async def test_content_type_parameters_and_case_are_accepted(driver: StreamDriver) -> None:
    stream, _ = driver.open(GEN_BODY, content_type="Text/Event-Stream; charset=utf-8")
    assert len(await driver.collect(stream)) == 3


async def test_event_not_matching_the_spec_raises_validation_error(driver: StreamDriver) -> None:
    stream, body = driver.open(sse({"type": "image_generation.completed", "b64_json": "AA=="}))
    with pytest.raises(APIResponseValidationError, match=r"Event 1 .*does not match the spec"):
        await driver.collect(stream)
    assert body.closed


async def test_data_that_is_not_json_raises_validation_error(driver: StreamDriver) -> None:
    stream, _ = driver.open(sse(partial(0)) + b"data: {oops\n\n" + sse(completed()))
    with pytest.raises(APIResponseValidationError, match="Event 2 of the stream is not JSON"):
        await driver.collect(stream)


async def test_custom_decoder_seam(driver: StreamDriver) -> None:
    seen: list[tuple[Mapping[str, object], object]] = []

    def decode(data: Mapping[str, object], union: object) -> object | None:
        seen.append((data, union))
        return structure_event(data, union)

    stream, _ = driver.open(GEN_BODY, decode=decode)
    assert len(await driver.collect(stream)) == 3
    assert [data["type"] for data, _ in seen] == [
        "image_generation.partial_image",
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    assert {union for _, union in seen} == {ImageGenStreamEvent}


async def test_eight_megabyte_events(driver: StreamDriver) -> None:
    image = b64(bytes(range(256)) * (6 * 1024 * 1024 // 256))
    raw = sse(partial(0, image=image)) + sse(completed(image=image[::-1]))
    stream, _ = driver.open(chunked(raw, 65536))
    events = await driver.collect(stream)
    assert [len(e.b64_json) for e in events] == [8 * 1024 * 1024] * 2
    assert events[0].b64_json == image
    assert events[1].b64_json == image[::-1]


# Exits: consumed, break, exception in the body, with, close(), error event, truncation.


async def test_closed_after_full_consumption(driver: StreamDriver) -> None:
    stream, body = driver.open(GEN_BODY)
    await driver.collect(stream)
    assert body.closed


async def test_close_is_the_official_sdks_name_in_both(driver: StreamDriver) -> None:
    """`Stream.close()` closes; `AsyncStream.close()` is awaitable, like `aclose()`."""
    stream, body = driver.open(chunked(GEN_BODY, 50))
    await driver.next(stream)
    closing = stream.close()
    if driver.is_async:
        assert inspect.isawaitable(closing)
        assert not body.closed, "nothing happens before it is awaited"
        await closing
    else:
        assert closing is None
    assert body.closed
    assert await driver.collect(stream) == []


def abandoned_generators(seen: list[warnings.WarningMessage]) -> list[str]:
    return [
        str(w.message)
        for w in seen
        if issubclass(w.category, ResourceWarning) and "openai_images_sdk" in str(w.message)
    ]


async def test_break_inside_with_closes_without_warnings(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        async with driver.entered(stream):
            assert len(await driver.take_then_break(stream, 1)) == 1
        assert body.closed
        assert body.sent < len(body.chunks)
        gc.collect()
    assert abandoned_generators(seen) == []
    # httpx's byte iterators (`aiter_bytes` and the `aiter_raw` inside it) are run to their
    # end once the response is closed, not left to a finalizer (trio would report them).
    assert [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)] == []


# Given up on, httpx's generators go to the finalizer as before the drain (trio reports them).
@pytest.mark.filterwarnings(r"ignore:Async generator 'httpx\.:ResourceWarning")
async def test_a_body_yielding_after_close_is_read_only_so_far(driver: StreamDriver) -> None:
    many = chunked(GEN_BODY, 1) * 10  # more chunks than a closed response is drained for
    stream, body = driver.open(many, ignores_close=True)
    async with driver.entered(stream):
        assert isinstance(await driver.next(stream), ImageGenPartialImageEvent)
    assert body.closed
    assert body.sent < len(body.chunks)


async def test_exception_in_the_loop_body_inside_with_closes(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))
    with pytest.raises(LookupError):
        async with driver.entered(stream):
            await driver.raise_in_loop(stream)
    assert body.closed


async def test_break_without_with(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))
    assert len(await driver.take_then_break(stream, 1)) == 1
    if driver.is_async:
        # No finalizer runs while the stream is referenced: the loop can resume.
        assert not body.closed
        assert [type(e) for e in await driver.collect(stream)] == [
            ImageGenPartialImageEvent,
            ImageGenCompletedEvent,
        ]
    else:
        # The loop's generator is dropped at `break`, and closing it closes the response.
        assert body.closed
        assert await driver.collect(stream) == []
    assert body.closed


def raise_in_sync_loop(stream: Stream[ImageGenStreamEvent]) -> None:
    for _ in stream:
        raise LookupError


def test_sync_loop_body_raising_closes_at_once() -> None:
    stream, body = StreamDriver("sync").open(chunked(GEN_BODY, 50))
    with pytest.raises(LookupError):
        raise_in_sync_loop(stream)
    assert body.closed


async def test_stream_dropped_unclosed_is_closed(driver: StreamDriver, anyio_backend: str) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        await driver.next(stream)
        del stream
        # Sync: closed as the generator is freed. Async: by the event loop's finalizer.
        for _ in range(10):
            if body.closed:
                break
            await anyio.sleep(0)
    assert body.closed
    # trio says that `async with` or `aclose()` should have closed it; asyncio is silent.
    trio_async = driver.is_async and anyio_backend == "trio"
    assert len(abandoned_generators(seen)) == (1 if trio_async else 0)


async def test_closed_when_leaving_with(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))
    assert isinstance(await driver.enter_and_take_one(stream), ImageGenPartialImageEvent)
    assert body.closed
    assert body.sent < len(body.chunks)


async def test_closed_by_close_and_iteration_then_ends(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))
    await driver.next(stream)
    await driver.close(stream)
    assert body.closed
    assert await driver.collect(stream) == []
    with pytest.raises(APIConnectionError, match=r"closed after 1 event .* before its completed"):
        await driver.run(stream.until_done())


async def test_close_before_iteration(driver: StreamDriver) -> None:
    stream, body = driver.open(GEN_BODY)
    await driver.close(stream)
    assert body.closed
    assert body.sent == 0
    assert await driver.collect(stream) == []


async def test_next_and_loops_share_one_position(driver: StreamDriver) -> None:
    stream, _ = driver.open(GEN_BODY)
    first = await driver.next(stream)
    rest = await driver.collect(stream)
    assert [first.partial_image_index, len(rest)] == [0, 2]


async def test_until_done_returns_the_completed_event_and_calls_back(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 33))
    partials: list[int] = []
    finals: list[object] = []

    def on_partial(event: ImageGenPartialImageEvent) -> None:
        partials.append(event.partial_image_index)

    done = await driver.run(stream.until_done(on_partial=on_partial, on_completed=finals.append))
    assert isinstance(done, ImageGenCompletedEvent)
    assert done.usage.input_tokens == 10
    assert partials == [0, 1]
    assert finals == [done]
    assert body.closed


async def test_final_is_until_done(driver: StreamDriver) -> None:
    stream, _ = driver.open(GEN_BODY)
    assert isinstance(await driver.run(stream.final()), ImageGenCompletedEvent)


async def test_until_done_raises_on_truncation(driver: StreamDriver) -> None:
    stream, body = driver.open([sse(partial(0))], error=httpx.ReadError("gone"))
    with pytest.raises(APIConnectionError, match="after 1 event"):
        await driver.run(stream.until_done())
    assert body.closed


async def test_partial_images_yields_partials_only(driver: StreamDriver) -> None:
    stream, body = driver.open(GEN_BODY)
    partials = await driver.collect(stream.partial_images())
    assert [e.partial_image_index for e in partials] == [0, 1]
    assert isinstance(stream.completed, ImageGenCompletedEvent)
    assert body.closed


async def test_leaving_partial_images_early(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        async with driver.entered(stream):
            assert len(await driver.take_then_break(stream.partial_images(), 1)) == 1
            assert body.closed is not driver.is_async
        assert body.closed
    assert abandoned_generators(seen) == []


async def test_until_done_closes_when_a_callback_raises(driver: StreamDriver) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 50))

    def fail(event: object) -> None:
        raise LookupError(event)

    with pytest.raises(LookupError):
        await driver.run(stream.until_done(on_partial=fail))
    assert body.closed
    assert body.sent < len(body.chunks)


async def test_save_to_writes_each_image_as_it_arrives(
    driver: StreamDriver, tmp_path: Path
) -> None:
    stream, body = driver.open(chunked(GEN_BODY, 64))
    paths = await driver.run(stream.save_to(tmp_path / "out" / "{index}.{ext}"))
    assert paths == [tmp_path / "out" / name for name in ("0.png", "1.png", "final.png")]
    assert [p.read_bytes() for p in paths] == [PNGS[0], PNGS[1], PNGS[3]]
    assert body.closed


async def test_save_to_final_only_and_other_fields(driver: StreamDriver, tmp_path: Path) -> None:
    stream, _ = driver.open(GEN_BODY)
    paths = await driver.run(stream.save_to(str(tmp_path / "{kind}-{n}.{ext}"), partials=False))
    assert paths == [tmp_path / "final-0.png"]
    assert paths[0].read_bytes() == PNGS[3]


@pytest.mark.parametrize(
    ("template", "partials", "rule"),
    [
        ("{index}-{size}.png", True, "may only use the fields .*unknown: 'size'"),
        ("image.{ext}", True, r"must contain \{index\} or \{n\}"),
        ("{index", True, "is not a valid template"),
        ("{}.png", False, "unknown: ''"),
    ],
)
async def test_save_to_rejects_bad_templates_before_reading(
    driver: StreamDriver, template: str, partials: bool, rule: str
) -> None:
    stream, body = driver.open(GEN_BODY)
    with pytest.raises(ValidationError, match=rule) as caught:
        await driver.run(stream.save_to(template, partials=partials))
    assert caught.value.params == ("path_template",)
    assert body.sent == 0
    assert not body.closed


async def test_save_to_sniffs_the_extension_without_output_format(
    driver: StreamDriver, tmp_path: Path
) -> None:
    done = completed(image=b64(b"RIFF\0\0\0\0WEBPVP8 "))
    done["output_format"] = ""
    stream, _ = driver.open(sse(done))
    assert await driver.run(stream.save_to(tmp_path / "{n}.{ext}")) == [tmp_path / "0.webp"]


def test_image_bytes_decodes_on_request() -> None:
    event = structure_event(partial(2), ImageGenStreamEvent)
    assert image_bytes(event) == PNGS[2]
    with pytest.raises(TypeError, match="carries no b64_json"):
        image_bytes(object())


@pytest.mark.parametrize(
    ("image", "ext"),
    [
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"\xff\xd8\xff\xe0", "jpg"),  # the extension every saver uses
        (b"GIF89a", "gif"),
        (b"<svg/>", "svg"),
        (b"??", "bin"),
    ],
)
def test_extension_sniffing(image: bytes, ext: str, tmp_path: Path) -> None:
    done = completed(image=b64(image))
    done["output_format"] = ""
    response = httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        stream=Body([sse(done)]),
        request=REQUEST,
    )
    stream: Stream[ImageGenStreamEvent] = Stream(response, event_type=ImageGenStreamEvent)
    assert stream.save_to(tmp_path / "{n}.{ext}") == [tmp_path / f"0.{ext}"]


def sync_events(chunks: list[bytes]) -> list[object]:
    response = httpx.Response(
        200, headers={"content-type": "text/event-stream"}, stream=Body(chunks), request=REQUEST
    )
    return list(Stream(response, event_type=ImageGenStreamEvent))


RECORDED = (
    b": recorded from a generation with partial_images=2\n\n"
    + sse(partial(0)).replace(b"\n", b"\r\n")
    + sse(partial(1))
    + sse(completed())
)


def test_stream_split_at_every_byte_offset() -> None:
    whole = sync_events([RECORDED])
    assert len(whole) == 3
    for cut in range(len(RECORDED) + 1):
        assert sync_events([RECORDED[:cut], RECORDED[cut:]]) == whole


@settings(max_examples=150, deadline=None)
@given(cuts=st.lists(st.integers(min_value=0, max_value=len(RECORDED)), max_size=30))
def test_stream_random_splits_give_identical_events(cuts: list[int]) -> None:
    points = sorted(set(cuts))
    chunks = [RECORDED[a:b] for a, b in zip([0, *points], [*points, len(RECORDED)], strict=True)]
    assert sync_events(chunks) == sync_events([RECORDED])


if TYPE_CHECKING:
    from typing import assert_type

    def on_gen_partial(event: ImageGenPartialImageEvent) -> None: ...

    def static_types(
        gen: Stream[ImageGenStreamEvent], edit: AsyncStream[ImageEditStreamEvent]
    ) -> None:
        # A callback taking only the partial class fits the generation overload alone.
        done = gen.until_done(on_partial=on_gen_partial)
        assert_type(done, ImageGenCompletedEvent)
        assert_type(done.usage.total_tokens, int)
        assert_type(gen.final(), ImageGenCompletedEvent)
        assert_type(gen.partial_images(), Iterator[ImageGenPartialImageEvent])
        assert_type(next(gen), ImageGenPartialImageEvent | ImageGenCompletedEvent)
        for event in gen:
            if event.type == "image_generation.completed":
                assert_type(event, ImageGenCompletedEvent)
        assert_type(edit.partial_images(), AsyncIterator[ImageEditPartialImageEvent])

    async def static_async_types(edit: AsyncStream[ImageEditStreamEvent]) -> None:
        assert_type(await edit.until_done(), ImageEditCompletedEvent)
        async for event in edit:
            assert_type(event, ImageEditPartialImageEvent | ImageEditCompletedEvent)


# Over a real connection: httpx's and httpcore's nested async generators


async def first_event_then_leave(stream: AsyncStream[ImageGenStreamEvent]) -> object:
    async with stream:
        return await anext(stream)


async def head_of_a_json_answer(stream: AsyncStream[ImageGenStreamEvent]) -> object:
    with pytest.raises(APIResponseValidationError, match="not 'text/event-stream'") as caught:
        await anext(stream)
    return caught.value


@pytest.mark.parametrize(
    ("step", "use", "outcome"),
    [
        pytest.param(
            Step.events((sse(partial(0)), sse(partial(1)), sse(completed())), stall_after_chunks=1),
            first_event_then_leave,
            ImageGenPartialImageEvent,
            id="left-after-one-event",
        ),
        pytest.param(
            Step.raw(json.dumps({"pad": "x" * 50_000}).encode()),
            head_of_a_json_answer,
            APIResponseValidationError,
            id="not-an-event-stream",
        ),
    ],
)
async def test_over_a_real_connection_nothing_is_left_behind(
    step: Step,
    use: Callable[[AsyncStream[ImageGenStreamEvent]], Awaitable[object]],
    outcome: type[object],
) -> None:
    """A response left half-read ends every generator under it (trio reports any that is
    collected unexhausted, encode/httpx#3686) and frees its connection for the next request."""
    limits = httpx.Limits(max_connections=1)
    timeout = httpx.Timeout(10.0, pool=5.0)
    with LoopbackServer() as server, warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        server.script(step, Step.json({"created": 1}))
        async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:
            response = await http.send(http.build_request("POST", server.base_url), stream=True)
            got = await use(AsyncStream(response, event_type=ImageGenStreamEvent))
            gc.collect()
            assert server.wait_connections(0) == 0, "the half-read connection was closed"
            again = await http.post(server.base_url)  # the pool's only slot is free
        gc.collect()
    assert isinstance(got, outcome)
    assert response.is_closed
    assert again.json() == {"created": 1}
    assert [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)] == []
