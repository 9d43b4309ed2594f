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

import json
from collections.abc import Iterator

import attrs
import httpx
import pytest
from _fault_support import (
    IMAGE,
    PROMPT,
    RESULT,
    STREAM,
    b64,
    completed,
    drain,
    expect_error,
    noise_png,
    partial,
    released,
    status,
)
from _loopback import LoopbackServer, Step, sse
from conftest import Driver

from openai_images_sdk import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    InternalServerError,
    RateLimitError,
)

pytestmark = pytest.mark.anyio


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        running.default = Step.json(RESULT)
        yield running


# -- status errors and retries ----------------------------------------------------------------


async def test_429_waits_retry_after_then_succeeds(
    driver: Driver, server: LoopbackServer, retry_sleeps: list[float]
) -> None:
    server.script(status(429, "Slow down", **{"Retry-After": "0.2"}))
    client = driver.client(base_url=server.base_url, max_retries=2)
    raw = await driver.run(client.images.with_raw_response.generate(**PROMPT))
    result = raw.parse()  # synchronous on both clients, as in the official SDK
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
    assert raw.parse().data[0].bytes() == IMAGE
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
    assert raw.parse().data[0].bytes() == IMAGE
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
