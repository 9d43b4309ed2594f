"""Fault injection of FakeImagesServer: statuses, latency, broken bodies and streams."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from openai_images_sdk._exceptions import (
    APIConnectionError,
    ContentPolicyViolationError,
    RateLimitError,
)
from openai_images_sdk.fake_server import (
    ContentPolicy,
    DropConnection,
    FakeImagesServer,
    FaultSyntaxError,
    Latency,
    StatusFault,
    TruncateStream,
    parse_fault_header,
)

KEY = {"Authorization": "Bearer sk-test"}
PROMPT = {"prompt": "a fox"}
STREAM = {"prompt": "a fox", "stream": True, "partial_images": 2}


def _fake_threads() -> int:
    """How many of the fake server's threads (accept loop, connections) are alive."""
    return sum(t.name.startswith("fake-images") for t in threading.enumerate())


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    before = _fake_threads()
    with FakeImagesServer(draw_text=False) as running:
        yield running
    assert running.errors == ()
    assert _fake_threads() == before


@pytest.fixture
def http(server: FakeImagesServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=KEY, timeout=30) as client:
        yield client


# Error statuses


def test_queued_429_with_retry_after_then_success(
    server: FakeImagesServer, http: httpx.Client
) -> None:
    server.enqueue(StatusFault(status=429, retry_after=1))
    limited = http.post("/images/generations", json=PROMPT)
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "1"
    assert limited.headers["retry-after-ms"] == "1000"
    error = limited.json()["error"]
    assert error["code"] == "rate_limit_exceeded"
    assert set(error) == {"message", "type", "param", "code"}
    assert http.post("/images/generations", json=PROMPT).status_code == 200
    first, second = server.requests
    assert first.status == 429
    assert first.faults == (StatusFault(status=429, retry_after=1),)
    assert second.faults == ()


def test_status_from_the_header(http: httpx.Client) -> None:
    response = http.post(
        "/images/generations",
        json=PROMPT,
        headers={"X-Fake-Fault": "status=503; retry_after=0.5; code=overloaded"},
    )
    assert response.status_code == 503
    assert response.headers["retry-after"] == "0.5"
    assert response.json()["error"]["code"] == "overloaded"
    assert response.json()["error"]["type"] == "server_error"


def test_custom_status_fault_fields(http: httpx.Client, server: FakeImagesServer) -> None:
    server.enqueue(
        StatusFault(status=418, message="teapot", type="odd", code="c", headers={"x-extra": "1"})
    )
    response = http.post("/images/generations", json=PROMPT)
    assert response.status_code == 418
    assert response.headers["x-extra"] == "1"
    assert response.json()["error"] == {
        "message": "teapot",
        "type": "odd",
        "param": None,
        "code": "c",
    }


def test_sdk_retries_honour_retry_after(
    server: FakeImagesServer, retry_sleeps: list[float]
) -> None:
    from openai_images_sdk._client import ImagesClient

    server.enqueue(StatusFault(status=429, retry_after=2), StatusFault(status=429, retry_after=2))
    with ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=2) as client:
        result = client.images.generate(prompt="retry me")
    assert result.data is not None
    assert len(result.data) == 1
    assert retry_sleeps == [2.0, 2.0]
    assert [r.status for r in server.requests] == [429, 429, 200]


def test_sdk_gives_up_with_a_rate_limit_error(
    server: FakeImagesServer, retry_sleeps: list[float]
) -> None:
    from openai_images_sdk._client import ImagesClient

    server.faults = (StatusFault(status=429, retry_after=1),)
    client = ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=1)
    with client, pytest.raises(RateLimitError):
        client.images.generate(prompt="always limited")
    assert len(server.requests) == 2


def test_queued_faults_wait_for_a_request_to_their_path(
    server: FakeImagesServer, http: httpx.Client
) -> None:
    server.enqueue(StatusFault(status=500, path="/v1/images/edits"))
    assert http.post("/images/generations", json=PROMPT).status_code == 200
    response = http.post("/images/edits", data={"prompt": "x"}, files={"image": b"1"})
    assert response.status_code == 500
    assert (
        http.post("/images/edits", data={"prompt": "x"}, files={"image": b"1"}).status_code == 400
    )


def test_probability_faults_are_reproducible_from_the_fault_seed() -> None:
    def statuses(fault_seed: int) -> list[int]:
        fault = StatusFault(status=503, probability=0.5)
        server = FakeImagesServer(faults=[fault], fault_seed=fault_seed, draw_text=False)
        with server, httpx.Client(base_url=server.base_url, headers=KEY) as client:
            return [
                client.post("/images/generations", json={"prompt": "p"}).status_code
                for _ in range(12)
            ]

    first = statuses(1)
    assert set(first) == {200, 503}
    assert statuses(1) == first


def test_auth_comes_before_faults_and_storage_links_take_none(server: FakeImagesServer) -> None:
    server.enqueue(StatusFault(status=500))
    response = httpx.post(f"{server.base_url}/images/generations", json=PROMPT)
    assert response.status_code == 401
    assert len(server.requests) == 1
    with httpx.Client(base_url=server.base_url, headers=KEY) as client:
        assert client.post("/images/generations", json=PROMPT).status_code == 500  # still queued


# Latency


def test_latency_of_the_server_and_of_faults(server: FakeImagesServer, http: httpx.Client) -> None:
    server.latency = 0.2
    started = time.monotonic()
    assert http.post("/images/generations", json=PROMPT).status_code == 200
    assert 0.2 <= time.monotonic() - started < 10
    server.latency = 0.0
    server.enqueue([Latency(seconds=0.3), StatusFault(status=500)])
    started = time.monotonic()
    assert http.post("/images/generations", json=PROMPT).status_code == 500
    assert 0.3 <= time.monotonic() - started < 10
    started = time.monotonic()
    response = http.post(
        "/images/generations", json=PROMPT, headers={"X-Fake-Fault": "latency=0.25"}
    )
    assert response.status_code == 200
    assert 0.25 <= time.monotonic() - started < 10


def test_latency_spares_storage_links() -> None:
    with FakeImagesServer(latency=60, draw_text=False) as server:
        server.latency = 0.0
        body = httpx.post(
            f"{server.base_url}/images/generations",
            json={"prompt": "x", "model": "dall-e-2"},
            headers=KEY,
        ).json()
        server.latency = 60
        image = httpx.get(body["data"][0]["url"], timeout=10)  # would time out if delayed
        assert image.status_code == 200


def test_stop_cuts_a_long_latency_short() -> None:
    before = _fake_threads()
    server = FakeImagesServer(latency=60, draw_text=False).start()
    outcome: list[object] = []

    def call() -> None:
        try:
            outcome.append(
                httpx.post(
                    f"{server.base_url}/images/generations", json=PROMPT, headers=KEY, timeout=30
                ).status_code
            )
        except httpx.HTTPError as error:
            outcome.append(error)

    caller = threading.Thread(target=call)
    caller.start()
    for _ in range(200):  # wait until the request is in (bounded)
        if server.requests:
            break
        time.sleep(0.01)
    assert server.requests
    server.stop()
    caller.join(10)
    assert not caller.is_alive()
    assert len(outcome) == 1
    assert _fake_threads() == before


# Broken bodies and streams


def test_dropped_connection_mid_body(http: httpx.Client, server: FakeImagesServer) -> None:
    server.enqueue(DropConnection())
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/images/generations", json=PROMPT)
    response = http.post("/images/generations", json=PROMPT)
    assert response.status_code == 200  # the next request on a fresh connection is fine
    assert server.requests[-1].faults == ()


def test_header_drop_after_bytes(http: httpx.Client) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(
            "/images/generations", json=PROMPT, headers={"X-Fake-Fault": "drop; after_bytes=10"}
        )


def test_sdk_reports_a_dropped_body_as_a_connection_error(
    server: FakeImagesServer, retry_sleeps: list[float]
) -> None:
    from openai_images_sdk._client import ImagesClient

    server.enqueue(DropConnection())
    with ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0) as client:
        with pytest.raises(APIConnectionError):
            client.images.generate(prompt="cut")
        server.enqueue(DropConnection())
        retried = client.with_options(max_retries=1).images.generate(prompt="cut then whole")
    assert retried.data is not None
    assert len(retried.data) == 1


def test_dropped_connection_mid_stream(http: httpx.Client) -> None:
    received: list[bytes] = []

    def read_all() -> None:
        with http.stream(
            "POST",
            "/images/generations",
            json=STREAM,
            headers={"X-Fake-Fault": "drop; after_events=1"},
        ) as response:
            assert response.status_code == 200
            received.extend(response.iter_bytes())

    with pytest.raises(httpx.RemoteProtocolError):
        read_all()
    events = [block for block in b"".join(received).split(b"\n\n") if block]
    assert len(events) == 1
    assert events[0].startswith(b"event: image_generation.partial_image\n")


def test_sdk_stream_cut_mid_stream_raises(server: FakeImagesServer) -> None:
    from openai_images_sdk._client import ImagesClient

    server.enqueue(DropConnection(after_events=2))
    seen: list[str] = []
    client = ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0)

    def consume() -> None:
        for event in client.images.generate(prompt="x", stream=True, partial_images=3):
            seen.append(event.type)

    with client, pytest.raises(APIConnectionError):
        consume()
    assert seen == ["image_generation.partial_image"] * 2


def test_truncated_sse_event_ends_the_stream_cleanly(http: httpx.Client) -> None:
    with http.stream(
        "POST", "/images/generations", json=STREAM, headers={"X-Fake-Fault": "truncate"}
    ) as response:
        body = response.read()  # no transport error: the stream itself is well framed
    blocks = body.split(b"\n\n")
    whole, cut = blocks[:-1], blocks[-1]
    assert len(whole) == 2
    assert all(b"image_generation.partial_image" in block for block in whole)
    assert cut.startswith(b"event: image_generation.completed\ndata: {")
    with pytest.raises(json.JSONDecodeError):
        json.loads(cut.split(b"data: ", 1)[1])


def test_truncate_a_chosen_event_and_leave_json_answers_alone(
    server: FakeImagesServer, http: httpx.Client
) -> None:
    server.enqueue(TruncateStream(event_index=0))
    with http.stream("POST", "/images/generations", json=STREAM) as response:
        body = response.read()
    assert b"\n\n" not in body
    assert body.startswith(b"event: image_generation.partial_image")
    server.enqueue(TruncateStream())
    assert http.post("/images/generations", json=PROMPT).status_code == 200


def test_sdk_reports_a_truncated_event(server: FakeImagesServer) -> None:
    from openai_images_sdk._client import ImagesClient

    server.enqueue(TruncateStream())
    client = ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0)
    with client, pytest.raises(APIConnectionError):
        list(client.images.generate(prompt="x", stream=True, partial_images=1))


def test_stop_during_a_slow_stream() -> None:
    before = _fake_threads()
    server = FakeImagesServer(stream_interval=30, draw_text=False).start()
    client = httpx.Client(base_url=server.base_url, headers=KEY, timeout=30)
    with client, client.stream("POST", "/images/generations", json=STREAM) as response:
        chunks = response.iter_bytes()
        first = next(chunks)
        assert first.startswith(b"event: image_generation.partial_image")
        server.stop()
        with pytest.raises(httpx.RemoteProtocolError):
            list(chunks)
    assert _fake_threads() == before


# Content policy


def test_content_policy_refusal_shape(server: FakeImagesServer, http: httpx.Client) -> None:
    server.enqueue(ContentPolicy(stage="output", categories=("violence", "self-harm")))
    response = http.post("/images/generations", json=PROMPT)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "moderation_blocked"
    assert error["type"] == "image_generation_user_error"
    assert error["param"] is None
    assert error["moderation_details"] == {
        "moderation_stage": "output",
        "categories": ["violence", "self-harm"],
    }


def test_sdk_raises_content_policy_violation(server: FakeImagesServer) -> None:
    from openai_images_sdk._client import ImagesClient

    client = ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0)
    with client, pytest.raises(ContentPolicyViolationError) as caught:
        client.images.generate(
            prompt="x",
            extra_headers={"X-Fake-Fault": "moderation; stage=input; categories=sexual"},
        )
    assert caught.value.moderation_details == {
        "moderation_stage": "input",
        "categories": ["sexual"],
    }


# The header syntax


def test_parse_fault_header_builds_each_fault() -> None:
    assert parse_fault_header("status=429;retry_after=1") == (
        StatusFault(status=429, retry_after=1.0),
    )
    assert parse_fault_header(" latency=0.5 ; status=500 ") == (
        Latency(seconds=0.5),
        StatusFault(status=500),
    )
    assert parse_fault_header("drop") == (DropConnection(),)
    assert parse_fault_header("drop; after_events=2; after_bytes=7") == (
        DropConnection(after_bytes=7, after_events=2),
    )
    assert parse_fault_header("truncate; event_index=1") == (TruncateStream(event_index=1),)
    assert parse_fault_header("moderation") == (ContentPolicy(),)
    assert parse_fault_header("moderation; stage=output; categories=a, b") == (
        ContentPolicy(stage="output", categories=("a", "b")),
    )


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("", "names no fault"),
        ("status=abc", "not a number"),
        ("status=200", "400..599"),
        ("explode=1", "unknown X-Fake-Fault key"),
        ("status=429; status=500", "given twice"),
        ("retry_after=1", "belong to no fault"),
        ("moderation; stage=later", "input or output"),
    ],
)
def test_parse_fault_header_rejects_nonsense(header: str, message: str) -> None:
    with pytest.raises(FaultSyntaxError, match=message):
        parse_fault_header(header)


def test_a_bad_fault_header_is_a_400(http: httpx.Client) -> None:
    response = http.post("/images/generations", json=PROMPT, headers={"X-Fake-Fault": "boom"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_fake_fault"
