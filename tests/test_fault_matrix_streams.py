"""The fault matrix, continued: streams that break, a huge answer, the fake server's own
faults, and no leak over 1,000 calls (see `test_fault_matrix.py`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _fault_support import (
    IMAGE,
    PROMPT,
    RESULT,
    STREAM,
    b64,
    drain,
    expect_error,
    noise_png,
    pool,
    released,
    status,
)
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


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        running.default = Step.json(RESULT)
        yield running


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
    # only the read may time out: a connect, write or pool timeout under load would leave
    # the stall step unclaimed; after a read timeout the loop waits until the server has
    # read the abandoned request (`wait_claimed`) before it sends the next one
    ("timeout", (Step.stall(),), {"timeout": httpx.Timeout(5.0, read=0.01)}, APITimeoutError),
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
        assert server.wait_claimed(), name
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
