"""Retry policy (pure) and the send loop's retries, with respx and over a loopback server."""

from __future__ import annotations

import email.utils
import http.server
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import attrs
import httpx
import pytest
import respx
from conftest import TINY_GENERATE, Driver, TinyImagesResponse, sent_requests

from openai_images_sdk import _uploads
from openai_images_sdk._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    RateLimitError,
)
from openai_images_sdk._retries import (
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_DELAY,
    backoff_delay,
    is_retryable_status,
    retry_after_seconds,
    retry_delay,
)
from openai_images_sdk._types import RequestOptions

API = "https://api.openai.com/v1/images/generations"
OK_BODY = {"created": 7}
OPTIONS = RequestOptions()


# -- the pure policy -------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 599])
def test_retryable_statuses(status: int) -> None:
    assert is_retryable_status(status, {})


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 413, 415, 422])
def test_other_client_errors_are_not_retried(status: int) -> None:
    assert not is_retryable_status(status, {})


def test_x_should_retry_wins() -> None:
    assert is_retryable_status(400, {"x-should-retry": "true"})
    assert is_retryable_status(400, httpx.Headers({"X-Should-Retry": " True "}))
    assert not is_retryable_status(503, {"x-should-retry": "false"})
    assert is_retryable_status(503, {"x-should-retry": "maybe"})


def test_retry_after_seconds_forms() -> None:
    now = 1_700_000_000.0
    assert retry_after_seconds({"retry-after": "1"}) == 1.0
    assert retry_after_seconds({"retry-after": "2.5"}) == 2.5
    assert retry_after_seconds({"retry-after-ms": "250"}) == 0.25
    assert retry_after_seconds({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert retry_after_seconds({"retry-after": date}, now=lambda: now) == 30.0
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert retry_after_seconds({"retry-after": past}, now=lambda: now) == 0.0
    for bad in ("soon", "", "-1", "nan", "inf"):
        assert retry_after_seconds({"retry-after": bad}) is None, bad
    assert retry_after_seconds({"retry-after-ms": "x"}) is None
    assert retry_after_seconds({}) is None


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    no_jitter = [backoff_delay(n, rand=lambda: 0.0) for n in range(6)]
    assert no_jitter == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert no_jitter[0] == INITIAL_RETRY_DELAY
    assert backoff_delay(100, rand=lambda: 0.0) == MAX_RETRY_DELAY
    assert backoff_delay(1, rand=lambda: 1.0) == 0.75
    for n in range(8):
        assert 0.75 * min(0.5 * 2**n, 8.0) <= backoff_delay(n) <= min(0.5 * 2**n, 8.0)


def test_retry_delay_honours_sensible_server_waits_only() -> None:
    assert retry_delay(0, {"retry-after": "1"}) == 1.0
    assert retry_delay(3, {"retry-after-ms": "1500"}) == 1.5
    assert retry_delay(0, {"retry-after": "60"}) == 60.0
    too_long = retry_delay(0, {"retry-after": "3600"}, rand=lambda: 0.0)
    assert too_long == INITIAL_RETRY_DELAY
    assert retry_delay(2, None, rand=lambda: 0.0) == 2.0
    assert retry_delay(2, {"retry-after": "nonsense"}, rand=lambda: 0.0) == 2.0


# -- the send loop ---------------------------------------------------------------------------


async def call(driver: Driver, client: Any, params: Any = None, **kw: Any) -> Any:
    return await driver.run(
        client._request(TINY_GENERATE, params or {"prompt": "a"}, OPTIONS, **kw)
    )


def error(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"message": f"status {status}"}}, headers=headers)


@pytest.mark.anyio
@pytest.mark.parametrize("status", [408, 409, 429, 500, 503])
async def test_retryable_status_then_success(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float], status: int
) -> None:
    route = respx_mock.post(API).mock(
        side_effect=[error(status), httpx.Response(200, json=OK_BODY)]
    )
    raw = await call(driver, driver.client(), mode="raw")
    assert route.call_count == 2
    assert raw.retries_taken == 1
    assert isinstance(await driver.run(raw.parse()), TinyImagesResponse)
    assert len(retry_sleeps) == 1
    assert 0.375 <= retry_sleeps[0] <= 0.5


@pytest.mark.anyio
@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
async def test_other_4xx_are_never_retried(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float], status: int
) -> None:
    route = respx_mock.post(API).mock(return_value=error(status))
    with pytest.raises(APIStatusError) as info:
        await call(driver, driver.client())
    assert info.value.status_code == status
    assert route.call_count == 1
    assert retry_sleeps == []


@pytest.mark.anyio
async def test_retries_stop_after_max_retries(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).mock(return_value=error(500))
    with pytest.raises(InternalServerError):
        await call(driver, driver.client())
    assert route.call_count == 1 + DEFAULT_MAX_RETRIES == 3
    assert len(retry_sleeps) == 2
    assert retry_sleeps[1] > retry_sleeps[0] * 0.75 * 2 - 1e-9  # grew

    route.reset()
    with pytest.raises(InternalServerError):
        await call(driver, driver.client(max_retries=0))
    assert route.call_count == 1

    route.reset()
    with pytest.raises(InternalServerError):
        await call(driver, driver.client(max_retries=5))
    assert route.call_count == 6


@pytest.mark.anyio
async def test_x_should_retry_header(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).mock(
        side_effect=[error(400, **{"x-should-retry": "true"}), httpx.Response(200, json=OK_BODY)]
    )
    await call(driver, driver.client())
    assert route.call_count == 2

    route.reset()
    route.mock(return_value=error(503, **{"x-should-retry": "false"}))
    with pytest.raises(InternalServerError):
        await call(driver, driver.client())
    assert route.call_count == 1


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "1"}, 1.0),
        ({"retry-after": "0"}, 0.0),
        ({"retry-after-ms": "1200"}, 1.2),
        ({"retry-after": "61"}, None),
    ],
)
async def test_server_wait_is_honoured(
    driver: Driver,
    respx_mock: respx.MockRouter,
    retry_sleeps: list[float],
    headers: dict[str, str],
    expected: float | None,
) -> None:
    respx_mock.post(API).mock(
        side_effect=[error(429, **headers), httpx.Response(200, json=OK_BODY)]
    )
    await call(driver, driver.client())
    if expected is None:
        assert 0.375 <= retry_sleeps[0] <= 0.5, "an unreasonable wait falls back to the backoff"
    else:
        assert retry_sleeps == [expected]


@pytest.mark.anyio
async def test_connection_errors_are_retried(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.RemoteProtocolError("cut"),
            httpx.Response(200, json=OK_BODY),
        ]
    )
    raw = await call(driver, driver.client(), mode="raw")
    assert route.call_count == 3
    assert raw.retries_taken == 2
    assert len(retry_sleeps) == 2


@pytest.mark.anyio
async def test_connection_error_after_retries(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as info:
        await call(driver, driver.client())
    assert not isinstance(info.value, APITimeoutError)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert info.value.request is not None
    assert route.call_count == 3


@pytest.mark.anyio
async def test_timeouts_are_retried_then_raise_timeout_error(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError):
        await call(driver, driver.client())
    assert route.call_count == 3


@pytest.mark.anyio
async def test_retried_request_is_identical(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).mock(
        side_effect=[error(500), error(429), httpx.Response(200, json=OK_BODY)]
    )
    client = driver.client(organization="org-1", default_headers={"X-A": "1"})
    await call(driver, client, {"prompt": "same", "n": 2})
    first, *rest = sent_requests(route)
    for other in rest:
        assert other.method == first.method
        assert other.url == first.url
        assert other.headers.multi_items() == first.headers.multi_items()
        assert other.content == first.content == b'{"prompt": "same", "n": 2}'


@attrs.frozen(kw_only=True)
class FakeMultipartBody:
    """Stands in for an uploads `PreparedBody` to watch how the transport replays it."""

    payload: bytes
    replayable: bool = True
    known_length: bool = True
    kind: str = "multipart"
    json: None = None
    content_type: str = "multipart/form-data; boundary=xyz"
    inputs: tuple[Any, ...] = ()
    violations: tuple[Any, ...] = ()
    iterations: list[str] = attrs.field(factory=list[str])
    closed: list[bool] = attrs.field(factory=list[bool])

    @property
    def content_length(self) -> int | None:
        return len(self.payload) if self.known_length else None

    def iter_sync(self) -> Iterator[bytes]:
        self.iterations.append("sync")
        half = len(self.payload) // 2
        return iter([self.payload[:half], self.payload[half:]])

    async def _chunks(self) -> AsyncIterator[bytes]:
        half = len(self.payload) // 2
        yield self.payload[:half]
        yield self.payload[half:]

    def iter_async(self) -> AsyncIterator[bytes]:
        self.iterations.append("async")
        return self._chunks()

    def close(self) -> None:
        self.closed.append(True)


@attrs.define
class FakeBodies:
    made: list[FakeMultipartBody] = attrs.field(factory=list[FakeMultipartBody])
    settings: dict[str, Any] = attrs.field(factory=dict[str, Any])


@pytest.fixture
def fake_body(monkeypatch: pytest.MonkeyPatch) -> FakeBodies:
    """`build_request_body` replaced: every call makes a `FakeMultipartBody`."""
    bodies = FakeBodies()

    def build(op: Any, params: Any, *, extra_body: Any, validation: Any) -> FakeMultipartBody:
        body = FakeMultipartBody(payload=b"--xyz\r\npart\r\n--xyz--\r\n", **bodies.settings)
        bodies.made.append(body)
        return body

    monkeypatch.setattr(_uploads, "build_request_body", build)
    return bodies


@pytest.mark.anyio
async def test_multipart_body_is_streamed_and_recreated_per_attempt(
    driver: Driver,
    respx_mock: respx.MockRouter,
    retry_sleeps: list[float],
    fake_body: FakeBodies,
) -> None:
    route = respx_mock.post(API).mock(side_effect=[error(502), httpx.Response(200, json=OK_BODY)])
    await call(driver, driver.client())
    body = fake_body.made[0]
    assert body.iterations == ["async" if driver.is_async else "sync"] * 2
    assert body.closed == [True], "the body's resources are released after the request"
    for sent in sent_requests(route):
        assert sent.content == body.payload
        assert sent.headers["Content-Length"] == str(len(body.payload))
        assert sent.headers["Content-Type"] == body.content_type
        assert "Transfer-Encoding" not in sent.headers


@pytest.mark.anyio
async def test_multipart_body_of_unknown_length_is_chunked(
    driver: Driver, respx_mock: respx.MockRouter, fake_body: FakeBodies
) -> None:
    fake_body.settings["known_length"] = False
    route = respx_mock.post(API).respond(json=OK_BODY)
    await call(driver, driver.client())
    request = route.calls.last.request
    assert request.headers["Transfer-Encoding"] == "chunked"
    assert "Content-Length" not in request.headers


@pytest.mark.anyio
async def test_one_shot_body_is_not_retried(
    driver: Driver,
    respx_mock: respx.MockRouter,
    retry_sleeps: list[float],
    fake_body: FakeBodies,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_body.settings["replayable"] = False
    route = respx_mock.post(API).mock(return_value=error(503))
    with (
        caplog.at_level(logging.INFO, logger="openai_images_sdk"),
        pytest.raises(InternalServerError),
    ):
        await call(driver, driver.client())
    assert route.call_count == 1
    assert retry_sleeps == []
    assert any(
        record.levelno == logging.WARNING and "one-shot" in record.getMessage()
        for record in caplog.records
    )


@pytest.mark.anyio
async def test_rate_limit_error_after_retries_keeps_last_response(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    responses = [
        httpx.Response(
            429, json={"error": {"message": f"try {n}"}}, headers={"x-request-id": f"req_{n}"}
        )
        for n in range(3)
    ]
    respx_mock.post(API).mock(side_effect=responses)
    with pytest.raises(RateLimitError, match="try 2") as info:
        await call(driver, driver.client())
    assert info.value.request_id == "req_2"


@pytest.mark.anyio
async def test_bad_request_is_not_retried_even_with_retry_after(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).mock(return_value=error(400, **{"retry-after": "1"}))
    with pytest.raises(BadRequestError):
        await call(driver, driver.client())
    assert route.call_count == 1


# -- real sockets ----------------------------------------------------------------------------


class _RateLimitedOnce(http.server.BaseHTTPRequestHandler):
    """Answers 429 with ``Retry-After: 1`` to the first POST, 200 afterwards."""

    protocol_version = "HTTP/1.1"
    seen: list[float]

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        server: Any = self.server
        server.times.append(time.monotonic())
        body: object
        if len(server.times) == 1:
            status, body, extra = 429, {"error": {"message": "slow down"}}, {"Retry-After": "1"}
        else:
            status, body, extra = 200, {"created": 1}, {"x-request-id": "req_loop"}
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def loopback_server() -> Iterator[Any]:
    server: Any = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RateLimitedOnce)
    server.daemon_threads = True
    server.times = []
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.mark.anyio
async def test_retry_after_over_real_sockets(
    driver: Driver, loopback_server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    host, port = loopback_server.server_address
    client = driver.client(base_url=f"http://{host}:{port}/v1", timeout=10.0)
    started = time.monotonic()
    with caplog.at_level(logging.INFO, logger="openai_images_sdk"):
        raw = await call(driver, client, mode="raw")
    elapsed = time.monotonic() - started
    await driver.close(client)

    assert raw.status_code == 200
    assert raw.request_id == "req_loop"
    assert raw.retries_taken == 1
    assert len(loopback_server.times) == 2
    # the wait really happened (a sleep is never shorter); how long it was meant to be is
    # pinned by the log line below, so the upper bounds only catch a hang, not a busy machine
    gap = loopback_server.times[1] - loopback_server.times[0]
    assert 0.9 <= gap < 30
    assert 0.9 <= elapsed < 30
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Retrying")]
    assert len(retries) == 1
    assert "in 1.00 s (retry 1 of 2) after 429 Too Many Requests" in retries[0]
