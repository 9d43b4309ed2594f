"""The fault matrix: what a user gets from the real clients when the network or server misbehaves.

Every case runs over real loopback sockets (`tests/_loopback.py`, a raw-socket server
that can reset, stall and trickle), sync and async (asyncio and trio) from one test body.
For each case the test checks the outcome (the result after retries, or the typed error
and its message), that nothing was silently dropped (requests sent, events and images
received) and that the connection went back to the pool or was closed. The leak tests
run 1,000 calls through every quick fault and count connections and file descriptors.
A few cases are cross-checked against the fake images server's own faults. Under trio,
pytest's warnings-as-errors also catches any of httpx's async generators that a stream
stopping early (error event, bad event, leaving the loop) drops unclosed.
"""

from __future__ import annotations

import base64
import json
import random
import struct
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest
from _loopback import LoopbackServer, Step, open_fds, sse
from conftest import Driver

from openai_images_sdk import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ContentPolicyViolationError,
    InternalServerError,
    RateLimitError,
)
from openai_images_sdk.testing import FakeImagesServer

pytestmark = pytest.mark.anyio

IMAGE = b"\x89PNG\r\n\x1a\n" + b"fault-matrix" * 4
RESULT = {"created": 1_700_000_000, "data": [{"b64_json": base64.b64encode(IMAGE).decode()}]}
PROMPT = {"prompt": "a red fox in the snow", "model": "gpt-image-1.5"}
COMMON = {"created_at": 1, "size": "1024x1024", "quality": "low", "background": "opaque"}
USAGE = {
    "input_tokens": 5,
    "output_tokens": 7,
    "total_tokens": 12,
    "input_tokens_details": {"text_tokens": 5, "image_tokens": 0},
}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def partial(index: int, prefix: str = "image_generation") -> dict[str, object]:
    return {
        "type": f"{prefix}.partial_image",
        "b64_json": b64(IMAGE + bytes([index])),
        "partial_image_index": index,
        "output_format": "png",
        **COMMON,
    }


def completed(prefix: str = "image_generation") -> dict[str, object]:
    body = {"type": f"{prefix}.completed", "b64_json": b64(IMAGE), "output_format": "png"}
    return {**body, **COMMON, "usage": USAGE}


STREAM = sse(partial(0), partial(1), completed())
"""Two partial images and the completed event, one SSE event per item."""


def error_body(message: str, code: str | None = None, kind: str = "server_error") -> bytes:
    return json.dumps({"error": {"message": message, "type": kind, "code": code}}).encode()


def status(code: int, message: str, **headers: str) -> Step:
    body = error_body(message, "rate_limit_exceeded" if code == 429 else None)
    return Step(
        status=code, headers=(("Content-Type", "application/json"), *headers.items()), body=body
    )


def noise_png(width: int, height: int, seed: int) -> bytes:
    """A valid RGB PNG of random pixels (it does not compress, so it is about w*h*3 bytes)."""
    noise = random.Random(seed).randbytes
    rows = b"".join(b"\0" + noise(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(rows, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        running.default = Step.json(RESULT)
        yield running


def pool(client: Any) -> list[Any]:
    """The open connections of a client's httpcore pool."""
    return [c for c in client._http_client._transport._pool.connections if not c.is_closed()]


async def released(driver: Driver, client: Any, server: LoopbackServer) -> None:
    """Nothing is in use: pooled connections are idle, the server holds no others; then close."""
    connections = pool(client)
    assert all(c.is_idle() for c in connections), connections
    assert len(connections) <= 1, connections
    assert server.wait_connections(len(connections)) <= len(connections)
    await driver.close(client)
    assert server.wait_connections(0) == 0


async def drain(driver: Driver, stream: Any) -> tuple[list[Any], BaseException | None]:
    """The events a stream yields before it ends, and the error it ends with (or None)."""
    events: list[Any] = []
    try:
        async with driver.enter(stream):
            if driver.is_async:
                async for event in stream:
                    events.append(event)
            else:
                events.extend(stream)
    except APIError as error:
        return events, error
    return events, None


async def expect_error(driver: Driver, call: Callable[[], Any], kind: type[APIError]) -> Any:
    with pytest.raises(kind) as caught:
        await driver.run(call())
    assert type(caught.value) is kind
    return caught.value


# -- status errors and retries ----------------------------------------------------------------


async def test_429_waits_retry_after_then_succeeds(
    driver: Driver, server: LoopbackServer, retry_sleeps: list[float]
) -> None:
    server.script(status(429, "Slow down", **{"Retry-After": "0.2"}))
    client = driver.client(base_url=server.base_url, max_retries=2)
    raw = await driver.run(client.images.with_raw_response.generate(**PROMPT))
    result = await driver.run(raw.parse())
    assert result.data[0].bytes() == IMAGE
    assert raw.retries_taken == 1
    assert retry_sleeps == [0.2]
    assert [r.body for r in server.requests] == [server.requests[0].body] * 2
    assert json.loads(server.requests[0].body) == PROMPT
    await released(driver, client, server)


async def test_429_gives_up_after_max_retries(
    driver: Driver, server: LoopbackServer, retry_sleeps: list[float]
) -> None:
    server.script(*[status(429, "Rate limit reached", **{"Retry-After": "0.2"})] * 3)
    client = driver.client(base_url=server.base_url, max_retries=2)
    error = await expect_error(driver, lambda: client.images.generate(**PROMPT), RateLimitError)
    assert error.status_code == 429
    assert error.code == "rate_limit_exceeded"
    assert "Rate limit reached" in error.message
    assert retry_sleeps == [0.2, 0.2]
    assert len(server.requests) == 3
    await released(driver, client, server)


FIVE_XX = [
    pytest.param(status(500, "The server had an error"), "The server had an error", id="500"),
    pytest.param(
        Step.raw(
            b"<html><body>502 Bad Gateway</body></html>", status=502, content_type="text/html"
        ),
        "502 Bad Gateway",
        id="502-html",
    ),
    pytest.param(status(503, "Overloaded, retry"), "Overloaded, retry", id="503"),
    pytest.param(Step.raw(b"", status=504), "Gateway Timeout", id="504-empty"),
]


@pytest.mark.parametrize(("step", "detail"), FIVE_XX)
async def test_5xx_is_retried_with_backoff(
    driver: Driver, server: LoopbackServer, retry_sleeps: list[float], step: Step, detail: str
) -> None:
    server.script(step, step)
    client = driver.client(base_url=server.base_url, max_retries=2)
    raw = await driver.run(client.images.with_raw_response.generate(**PROMPT))
    assert (await driver.run(raw.parse())).data[0].bytes() == IMAGE
    assert raw.retries_taken == 2
    assert 0.375 <= retry_sleeps[0] <= 0.5
    assert 0.75 <= retry_sleeps[1] <= 1.0

    server.script(step, step, step)
    error = await expect_error(
        driver, lambda: client.images.generate(**PROMPT), InternalServerError
    )
    assert error.status_code == step.status
    assert detail in error.message
    assert len(server.requests) == 6
    await released(driver, client, server)


async def test_x_should_retry_false_is_not_retried(
    driver: Driver, server: LoopbackServer, retry_sleeps: list[float]
) -> None:
    server.script(status(503, "Do not retry me", **{"x-should-retry": "false"}))
    client = driver.client(base_url=server.base_url, max_retries=2)
    error = await expect_error(
        driver, lambda: client.images.generate(**PROMPT), InternalServerError
    )
    assert "Do not retry me" in error.message
    assert (len(server.requests), retry_sleeps) == (1, [])
    await released(driver, client, server)


# -- connection failures ----------------------------------------------------------------------


async def test_reset_before_response(
    driver: Driver, server: LoopbackServer, retry_sleeps: list[float]
) -> None:
    server.script(Step.reset())
    client = driver.client(base_url=server.base_url, max_retries=1)
    result = await driver.run(client.images.generate(**PROMPT))
    assert result.data[0].bytes() == IMAGE
    assert len(retry_sleeps) == 1

    server.script(Step.reset(), Step.reset())
    error = await expect_error(driver, lambda: client.images.generate(**PROMPT), APIConnectionError)
    assert error.message.startswith("Connection error")
    assert isinstance(error.__cause__, httpx.ReadError | httpx.RemoteProtocolError)
    assert len(server.requests) == 4
    await released(driver, client, server)


@pytest.fixture(scope="module")
def uploads() -> list[tuple[str, bytes]]:
    """Two 256x256 noise PNGs (about 190 KB each): bigger than one socket write."""
    return [(f"img{i}.png", noise_png(256, 256, seed=i)) for i in range(2)]


async def test_reset_mid_upload_resends_the_whole_body(
    driver: Driver,
    server: LoopbackServer,
    retry_sleeps: list[float],
    uploads: list[tuple[str, bytes]],
) -> None:
    server.script(Step(reset_after_request_bytes=4096))
    client = driver.client(base_url=server.base_url, max_retries=1)
    result = await driver.run(
        client.images.edit(image=uploads, prompt="add a hat", model="gpt-image-1.5")
    )
    assert result.data[0].bytes() == IMAGE
    cut, whole = server.requests
    assert (cut.complete, len(cut.body)) == (False, 4096)
    assert whole.complete
    assert len(whole.body) == int(whole.headers["content-length"])
    assert whole.body.startswith(cut.body)  # the same bytes, boundary included, sent again
    assert all(data in whole.body for _, data in uploads)
    assert whole.body.count(b'name="image[]"') == 2

    server.script(Step(reset_after_request_bytes=4096))
    edit = client.with_options(max_retries=0).images.edit
    error = await expect_error(
        driver,
        lambda: edit(image=uploads, prompt="add a hat", model="gpt-image-1.5"),
        APIConnectionError,
    )
    assert isinstance(
        error.__cause__, httpx.WriteError | httpx.ReadError | httpx.RemoteProtocolError
    )
    assert len(server.requests) == 3
    await released(driver, client, server)


@pytest.mark.parametrize("prefix", ["image_generation", "image_edit"])
async def test_reset_mid_stream_keeps_the_events_received(
    driver: Driver, server: LoopbackServer, prefix: str
) -> None:
    events = sse(partial(0, prefix), partial(1, prefix), completed(prefix))
    server.script(Step.events(events, reset_after_chunks=2))
    client = driver.client(base_url=server.base_url, max_retries=2)
    if prefix == "image_edit":
        call = client.images.edit(image=("a.png", noise_png(8, 8, 0)), prompt="p", stream=True)
    else:
        call = client.images.generate(**PROMPT, stream=True)
    stream = await driver.run(call)
    received, error = await drain(driver, stream)
    assert [e.partial_image_index for e in received] == [0, 1]
    assert type(error) is APIConnectionError
    assert "lost mid-stream after 2 events (2 partial images)" in error.message
    assert stream.completed is None
    assert len(server.requests) == 1  # an answer that has begun is not retried
    await released(driver, client, server)


async def test_read_timeout(
    driver: Driver, server: LoopbackServer, retry_sleeps: list[float]
) -> None:
    server.script(Step.stall())
    client = driver.client(base_url=server.base_url, max_retries=1, timeout=0.3)
    raw = await driver.run(client.images.with_raw_response.generate(**PROMPT))
    assert (await driver.run(raw.parse())).data[0].bytes() == IMAGE
    assert raw.retries_taken == 1

    server.script(Step.stall())
    quick = client.with_options(max_retries=0)
    error = await expect_error(driver, lambda: quick.images.generate(**PROMPT), APITimeoutError)
    assert isinstance(error.__cause__, httpx.ReadTimeout)
    assert len(server.requests) == 3
    await released(driver, client, server)


async def test_read_timeout_mid_stream(driver: Driver, server: LoopbackServer) -> None:
    server.script(Step.events(STREAM, stall_after_chunks=1))
    client = driver.client(base_url=server.base_url, max_retries=2, timeout=0.3)
    stream = await driver.run(client.images.generate(**PROMPT, stream=True))
    received, error = await drain(driver, stream)
    assert [e.partial_image_index for e in received] == [0]
    assert type(error) is APITimeoutError
    assert "after 1 event (1 partial image)" in error.message
    await released(driver, client, server)


async def test_slow_trickle_completes_within_the_timeout(
    driver: Driver, server: LoopbackServer
) -> None:
    # 0.01 s between pieces, 0.25 s read timeout: the answer takes longer than the timeout
    # in all, but no single read waits that long.
    server.script(attrs.evolve(Step.json(RESULT), trickle=0.01, trickle_bytes=16))
    server.script(Step.events(STREAM, trickle=0.01, trickle_bytes=64))
    client = driver.client(base_url=server.base_url, max_retries=0, timeout=0.25)
    result = await driver.run(client.images.generate(**PROMPT))
    assert result.data[0].bytes() == IMAGE
    stream = await driver.run(client.images.generate(**PROMPT, stream=True))
    received, error = await drain(driver, stream)
    assert error is None
    assert [e.type for e in received] == [
        "image_generation.partial_image",
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    assert received[-1].b64_json == b64(IMAGE)
    await released(driver, client, server)


# -- bodies that do not parse -------------------------------------------------------------------


BAD_BODIES = [
    pytest.param(b'{"created": 1, "data": [', "is not valid JSON", id="invalid-json"),
    pytest.param(b"", "is not valid JSON", id="empty-200"),
    pytest.param(b'{"data": "nope"}', "does not match ImagesResponse", id="wrong-shape"),
    pytest.param(b"[1, 2, 3]", "does not match ImagesResponse", id="json-list"),
    pytest.param(
        b'{"created": "yesterday", "data": []}', "does not match ImagesResponse", id="wrong-type"
    ),
]


@pytest.mark.parametrize(("body", "detail"), BAD_BODIES)
async def test_a_2xx_body_that_does_not_parse(
    driver: Driver, server: LoopbackServer, body: bytes, detail: str
) -> None:
    server.script(Step.raw(body))
    client = driver.client(base_url=server.base_url, max_retries=2)
    error = await expect_error(
        driver, lambda: client.images.generate(**PROMPT), APIResponseValidationError
    )
    assert detail in error.message
    assert error.status_code == 200
    assert error.body == (json.loads(body) if detail.startswith("does not") else body.decode())
    assert len(server.requests) == 1  # a bad body is not retried
    await released(driver, client, server)


# -- streams that break ---------------------------------------------------------------------------


async def test_truncated_sse_event(driver: Driver, server: LoopbackServer) -> None:
    last = STREAM[-1]
    server.script(Step.events([*STREAM[:-1], last[: len(last) // 2]]))  # a clean end mid-event
    client = driver.client(base_url=server.base_url)
    stream = await driver.run(client.images.generate(**PROMPT, stream=True))
    received, error = await drain(driver, stream)
    assert [e.partial_image_index for e in received] == [0, 1]
    assert type(error) is APIConnectionError
    assert "lost mid-event after 2 events" in error.message
    await released(driver, client, server)


async def test_unknown_event_types_are_kept_aside(driver: Driver, server: LoopbackServer) -> None:
    heartbeat = {"type": "image_generation.heartbeat", "progress": 0.5}
    named = b'event: image_generation.thinking\ndata: {"note": "planning"}\n\n'
    server.script(Step.events([STREAM[0], *sse(heartbeat), named, *STREAM[1:]]))
    client = driver.client(base_url=server.base_url)
    stream = await driver.run(client.images.generate(**PROMPT, stream=True))
    received, error = await drain(driver, stream)
    assert error is None
    assert [e.type for e in received] == [
        "image_generation.partial_image",
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    assert [json.loads(e.data) for e in stream.unknown_events] == [heartbeat, {"note": "planning"}]
    assert stream.unknown_events[1].event == "image_generation.thinking"
    assert stream.events_received == 5
    await released(driver, client, server)


ERROR_EVENTS = [
    pytest.param(
        sse(
            {"error": {"message": "The image could not be finished", "code": "image_failed"}},
            event="error",
        ),
        id="event-error",
    ),
    pytest.param(
        sse(
            {"type": "error", "message": "The image could not be finished", "code": "image_failed"}
        ),
        id="type-error",
    ),
]


@pytest.mark.parametrize("error_event", ERROR_EVENTS)
async def test_error_event_raises_api_error(
    driver: Driver, server: LoopbackServer, error_event: tuple[bytes, ...]
) -> None:
    server.script(Step.events([STREAM[0], *error_event, *STREAM[1:]]))
    client = driver.client(base_url=server.base_url)
    stream = await driver.run(client.images.generate(**PROMPT, stream=True))
    received, error = await drain(driver, stream)
    assert [e.partial_image_index for e in received] == [0]
    assert type(error) is APIError
    assert "The image could not be finished" in error.message
    assert "after 1 event (1 partial image)" in error.message
    assert error.code == "image_failed"
    await released(driver, client, server)


STREAM_ANSWERS = [
    pytest.param(
        Step.events([]),
        (APIConnectionError, "ended after 0 events (0 partial images) without a completed", 0),
        id="empty-event-stream",
    ),
    pytest.param(
        Step.events(STREAM[:-1]),
        (APIConnectionError, "ended after 2 events (2 partial images) without a completed", 2),
        id="no-completed-event",
    ),
    pytest.param(
        Step.raw(b""),
        (APIResponseValidationError, "not 'text/event-stream'", 0),
        id="empty-json-200",
    ),
    pytest.param(
        Step.events([STREAM[0], b"data: {not json}\n\n"]),
        (APIResponseValidationError, "Event 2 of the stream is not JSON", 1),
        id="bad-json-event",
    ),
    pytest.param(
        Step.events(sse({"type": "image_generation.completed", "b64_json": 5})),
        (APIResponseValidationError, "does not match the spec", 0),
        id="wrong-shape-event",
    ),
]


@pytest.mark.parametrize(("step", "expected"), STREAM_ANSWERS)
async def test_stream_answers_that_are_not_a_whole_stream(
    driver: Driver, server: LoopbackServer, step: Step, expected: tuple[type[APIError], str, int]
) -> None:
    """The error class and message, and how many events came out before it."""
    kind, detail, count = expected
    server.script(step)
    client = driver.client(base_url=server.base_url, max_retries=2)
    stream = await driver.run(client.images.generate(**PROMPT, stream=True))
    received, error = await drain(driver, stream)
    assert isinstance(error, kind)
    assert type(error) is kind
    assert detail in error.message
    assert len(received) == count
    assert len(server.requests) == 1
    await released(driver, client, server)


# -- a huge answer --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def huge() -> tuple[list[bytes], bytes]:
    """Ten distinct images of 3 MiB (4 MiB of base64 each) and the 40 MiB body carrying them."""
    images = [bytes([index]) * (3 * 2**20) for index in range(10)]
    data = [
        {"b64_json": b64(image), "revised_prompt": f"image {i}"} for i, image in enumerate(images)
    ]
    return images, json.dumps({"created": 1, "data": data}).encode()


async def test_huge_response_parses_whole(
    driver: Driver, server: LoopbackServer, huge: tuple[list[bytes], bytes]
) -> None:
    images, body = huge
    server.script(Step.raw(body))
    client = driver.client(base_url=server.base_url)
    result = await driver.run(client.images.generate(**PROMPT, n=10))
    assert len(result.data) == 10
    assert all(len(image.b64_json) == 4 * 2**20 for image in result.data)
    assert [image.bytes() for image in result.data] == images
    assert [image.revised_prompt for image in result.data] == [f"image {i}" for i in range(10)]
    await released(driver, client, server)


# -- the fake server's own faults agree -------------------------------------------------------------


FAKE_FAULTS = [
    pytest.param("status=503", InternalServerError, "overloaded", id="status-503"),
    pytest.param(
        "moderation; stage=output", ContentPolicyViolationError, "safety system", id="moderation"
    ),
    pytest.param("drop; after_bytes=20", APIConnectionError, "Connection error", id="drop-body"),
]


@pytest.mark.parametrize(("header", "kind", "detail"), FAKE_FAULTS)
async def test_fake_server_faults(
    driver: Driver, retry_sleeps: list[float], header: str, kind: type[APIError], detail: str
) -> None:
    with FakeImagesServer(draw_text=False) as fake:
        client = driver.client(base_url=fake.base_url, max_retries=1)
        headers = {"X-Fake-Fault": header}
        error = await expect_error(
            driver, lambda: client.images.generate(**PROMPT, extra_headers=headers), kind
        )
        assert detail in error.message
        retried = not isinstance(error, APIStatusError) or error.status_code >= 500
        assert len(fake.requests) == (2 if retried else 1)
        await driver.close(client)


async def test_fake_server_truncated_stream(driver: Driver) -> None:
    with FakeImagesServer(draw_text=False) as fake:
        client = driver.client(base_url=fake.base_url)
        headers = {"X-Fake-Fault": "truncate"}
        stream = await driver.run(
            client.images.generate(**PROMPT, stream=True, partial_images=2, extra_headers=headers)
        )
        received, error = await drain(driver, stream)
        assert type(error) is APIConnectionError
        assert [e.partial_image_index for e in received] == [0, 1]
        await driver.close(client)


# -- no leak over 1,000 calls ------------------------------------------------------------------------


async def first_event_then_leave(driver: Driver, stream: Any) -> None:
    """Read one event and leave the stream's `with` block early."""
    async with driver.enter(stream):
        event = await anext(stream) if driver.is_async else next(stream)
    assert event.partial_image_index == 0


LEAK_CASES: list[tuple[str, tuple[Step, ...], dict[str, Any], type[APIError] | None]] = [
    ("ok", (Step.json(RESULT),), {}, None),
    ("500", (status(500, "boom"),), {}, InternalServerError),
    ("429", (status(429, "slow", **{"Retry-After": "0"}),), {}, RateLimitError),
    ("reset", (Step.reset(),), {}, APIConnectionError),
    ("invalid json", (Step.raw(b"{"),), {}, APIResponseValidationError),
    ("wrong shape", (Step.raw(b'{"data": 1}'),), {}, APIResponseValidationError),
    ("empty", (Step.raw(b""),), {}, APIResponseValidationError),
    ("timeout", (Step.stall(),), {"timeout": 0.01}, APITimeoutError),
    ("stream ok", (Step.events(STREAM),), {"stream": True}, None),
    (
        "stream reset",
        (Step.events(STREAM, reset_after_chunks=1),),
        {"stream": True},
        APIConnectionError,
    ),
    (
        "stream error",
        (Step.events(sse({"type": "error", "message": "x"})),),
        {"stream": True},
        APIError,
    ),
    (
        "stream truncated",
        (Step.events([STREAM[0], STREAM[1][:9]]),),
        {"stream": True},
        APIConnectionError,
    ),
    ("stream unknown", (Step.events([*sse({"type": "x"}), *STREAM]),), {"stream": True}, None),
    ("stream left early", (Step.events(STREAM),), {"stream": True, "leave": True}, None),
    ("edit ok", (Step.json(RESULT),), {"edit": True}, None),
    (
        "edit reset mid-upload",
        (Step(reset_after_request_bytes=64),),
        {"edit": True},
        APIConnectionError,
    ),
]


async def one_call(driver: Driver, client: Any, options: dict[str, Any]) -> None:
    options = dict(options)
    leave = options.pop("leave", False)
    if options.pop("edit", False):
        image = ("a.png", noise_png(4, 4, 0))
        result = await driver.run(client.images.edit(image=image, prompt="p", **options))
    else:
        result = await driver.run(client.images.generate(**PROMPT, **options))
    if not options.get("stream"):
        assert result.data[0].bytes() == IMAGE
    elif leave:
        await first_event_then_leave(driver, result)
    else:
        received, error = await drain(driver, result)
        if error is not None:
            raise error
        assert received[-1].type == "image_generation.completed"


async def test_no_connection_leak_over_1000_calls(driver: Driver, server: LoopbackServer) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    await one_call(driver, client, {})
    fds = open_fds()
    outcomes: dict[str, int] = {}
    for index in range(1000):
        name, steps, options, kind = LEAK_CASES[index % len(LEAK_CASES)]
        server.script(*steps)
        if kind is None:
            await one_call(driver, client, options)
        else:
            with pytest.raises(kind) as caught:
                await one_call(driver, client, options)
            assert type(caught.value) is kind, name
        outcomes[name] = outcomes.get(name, 0) + 1
    assert server.pending == 0
    assert len(server.requests) == 1001  # one attempt per call: none lost, none repeated
    assert min(outcomes.values()) >= 1000 // len(LEAK_CASES)
    connections = pool(client)
    assert len(connections) <= 1, connections
    assert all(c.is_idle() for c in connections), connections
    assert server.wait_connections(len(connections)) <= len(connections)
    assert open_fds() - fds <= 2
    await released(driver, client, server)
