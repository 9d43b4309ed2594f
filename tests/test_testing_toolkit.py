"""The users' testing toolkit: canned answers, in-process transports, request assertions."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import httpx
import pytest
import respx
from conftest import Driver
from PIL import Image as PILImage

from openai_images_sdk import (
    APIConnectionError,
    APIError,
    AsyncImagesClient,
    AuthenticationError,
    BadRequestError,
    ImagesClient,
    RateLimitError,
)
from openai_images_sdk._sse import SSEDecoder
from openai_images_sdk.testing import (
    AsyncFakeTransport,
    DropConnection,
    FakeImagesServer,
    FakeTransport,
    SentRequests,
    StatusFault,
    async_fake_client,
    error_body,
    error_response,
    fake_client,
    images_response,
    images_response_body,
    rate_limit_headers,
    sample_image,
    stream_events,
    stream_response,
)

API = "https://api.openai.com/v1"
PIL_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP", "gif": "GIF"}


@pytest.mark.parametrize("output_format", ["png", "jpeg", "webp", "gif"])
def test_sample_images_decode_at_their_size(output_format: str) -> None:
    data = sample_image(output_format, size="48x32")  # type: ignore[arg-type]
    with PILImage.open(io.BytesIO(data)) as image:
        assert image.format == PIL_FORMATS[output_format]
        assert image.size == (48, 32)
        image.load()


def test_sample_svg_and_bad_sizes() -> None:
    assert sample_image("svg", size="10x20").startswith(b"<svg")
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        sample_image(size="big")
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        sample_image(size="0x10")


@pytest.mark.parametrize("output_format", ["png", "jpeg", "webp", "gif"])
def test_images_response_parses_into_images(output_format: str) -> None:
    transport = httpx.MockTransport(
        lambda request: images_response(n=2, output_format=output_format, request_id="req_1")  # type: ignore[arg-type]
    )
    with ImagesClient(api_key="sk-test", http_client=httpx.Client(transport=transport)) as client:
        result = client.images.generate(prompt="x")
    assert result.request_id == "req_1"
    assert result.output_format == output_format
    assert result.usage is not None
    assert result.usage.output_tokens > 0
    assert result.data is not None
    assert len(result.data) == 2
    first, second = (image.bytes() for image in result.data)
    assert first != second  # each index gets its own colours
    with PILImage.open(io.BytesIO(first)) as image:
        assert image.format == PIL_FORMATS[output_format]


def test_images_response_body_shapes() -> None:
    links: dict[str, Any] = images_response_body(response_format="url", n=2, output_format="jpeg")
    assert [d["url"] for d in links["data"]] == [
        "https://images.example.test/img-000001.jpg",
        "https://images.example.test/img-000002.jpg",
    ]
    dalle = images_response_body(model="dall-e-3", prompt="a cat", created=7)
    assert dalle["created"] == 7
    assert "usage" not in dalle
    assert dalle["data"][0]["revised_prompt"] == "An image of: a cat"  # type: ignore[index]
    png = base64.b64decode(images_response_body()["data"][0]["b64_json"])  # type: ignore[index]
    assert png.startswith(b"\x89PNG")


@respx.mock
def test_respx_routes_answer_our_client() -> None:
    route = respx.post(f"{API}/images/generations").mock(
        side_effect=[
            error_response(429, request_id="req_busy", retry_after=0),
            images_response(request_id="req_ok"),
        ]
    )
    with ImagesClient(api_key="sk-test") as client:
        result = client.images.generate(prompt="retried once")
    assert result.request_id == "req_ok"
    assert route.call_count == 2


def test_error_response_carries_request_id_and_rate_limits() -> None:
    response = error_response(429, request_id="req_limit", retry_after=2)
    assert response.headers["retry-after"] == "2"
    assert response.headers["x-ratelimit-remaining-requests"] == "0"
    transport = httpx.MockTransport(lambda request: response)
    client = ImagesClient(
        api_key="sk-test", max_retries=0, http_client=httpx.Client(transport=transport)
    )
    with pytest.raises(RateLimitError) as caught:
        client.images.generate(prompt="x")
    assert caught.value.request_id == "req_limit"
    assert caught.value.code == "rate_limit_exceeded"
    assert "fake server" not in str(caught.value)


def test_error_body_and_rate_limit_headers() -> None:
    body = error_body(400, "Bad size.", param="size", code="invalid_value")
    assert body == {
        "error": {
            "message": "Bad size.",
            "type": "invalid_request_error",
            "param": "size",
            "code": "invalid_value",
        }
    }
    assert error_body(503)["error"]["type"] == "server_error"  # type: ignore[index]
    headers = rate_limit_headers(limit_tokens=100, remaining_tokens=5, reset_tokens="6m0s")
    assert headers["x-ratelimit-limit-tokens"] == "100"
    assert headers["x-ratelimit-reset-tokens"] == "6m0s"
    assert "x-ratelimit-limit-tokens" not in rate_limit_headers()


def test_stream_events_decode() -> None:
    events = SSEDecoder().feed(stream_events(n=2, partial_images=1, output_format="webp"))
    types = [json.loads(e.data)["type"] for e in events]
    assert types == [
        "image_generation.partial_image",
        "image_generation.completed",
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    edit = SSEDecoder().feed(stream_events(operation="edit", partial_images=0))
    assert [e.event for e in edit] == ["image_edit.completed"]


@pytest.mark.anyio
async def test_stream_response_split_at_every_offset_parses(driver: Driver) -> None:
    data = stream_events(partial_images=1, size="16x16")
    splits = [[data[:i], data[i:]] for i in range(0, len(data), 97)]
    for chunks in splits:
        transport = httpx.MockTransport(lambda r, c=chunks: stream_response(c))
        client = driver.client(http_client=driver.http_client(transport=transport))
        stream = await driver.run(client.images.generate(prompt="x", stream=True))
        events = await driver.collect(stream)
        assert [e.type for e in events] == [
            "image_generation.partial_image",
            "image_generation.completed",
        ]
        await driver.close(client)


def test_stream_error_event_raises() -> None:
    body = stream_events(partial_images=1, error={"message": "boom", "code": "server_error"})
    transport = httpx.MockTransport(lambda request: stream_response(body))
    client = ImagesClient(api_key="sk-test", http_client=httpx.Client(transport=transport))
    with pytest.raises(APIError, match="boom"):
        list(client.images.generate(prompt="x", stream=True))
    with pytest.raises(TypeError, match="either events"):
        stream_response(body, n=2)


def test_fake_client_answers_in_process_and_records() -> None:
    server = FakeImagesServer(api_key="sk-secret-key")
    client = fake_client(server, max_retries=0)
    result = client.images.generate(prompt="in process", output_format="jpeg", size="1024x1024")
    assert result.data is not None
    assert result.data[0].bytes().startswith(b"\xff\xd8")
    client.images.edit(image=("cat.png", sample_image()), prompt="add a hat")
    sent = SentRequests(server)
    sent.assert_sent(
        "/v1/images/edits",
        fields={"prompt": "add a hat"},
        files=[("image", "cat.png", len(sample_image()))],
        headers={"authorization": "REDACTED"},
    )
    assert sent.headers()["authorization"] == "REDACTED"
    assert "sk-secret-key" not in repr(sent.headers())
    assert [r.path for r in sent] == ["/v1/images/generations", "/v1/images/edits"]
    assert sent[0].fields["output_format"] == "jpeg"
    assert server.port == 0  # never bound a socket


def test_sent_requests_assertions_say_what_differs() -> None:
    server = FakeImagesServer()
    sent = SentRequests(server)
    with pytest.raises(AssertionError, match="received no request"):
        _ = sent.last
    with pytest.raises(AssertionError, match="no POST /v1/images/edits was sent"):
        sent.assert_sent("/v1/images/edits")
    client = fake_client(server)
    client.images.generate(prompt="one")
    assert sent.last.fields["prompt"] == "one"
    with pytest.raises(AssertionError, match="1 requests to /v1/images/generations"):
        sent.assert_sent("/v1/images/generations", count=2)
    with pytest.raises(AssertionError, match="field 'size' was not sent"):
        sent.assert_sent("/v1/images/generations", fields={"size": "auto"})
    with pytest.raises(AssertionError, match="files were"):
        sent.assert_sent("/v1/images/generations", files=[("image", None, None)])
    with pytest.raises(AssertionError, match="header 'x-custom'"):
        sent.assert_sent("/v1/images/generations", headers={"X-Custom": "1"})


def test_in_process_faults_and_checks() -> None:
    server = FakeImagesServer(api_key="sk-right")
    with pytest.raises(AuthenticationError):
        fake_client(server, api_key="sk-wrong", max_retries=0).images.generate(prompt="x")
    client = fake_client(server, max_retries=0)
    server.enqueue(StatusFault(status=400, message="queued refusal"))
    with pytest.raises(BadRequestError, match="queued refusal"):
        client.images.generate(prompt="x")
    server.enqueue(DropConnection())
    with pytest.raises(APIConnectionError, match="mid-body"):
        client.images.generate(prompt="x")
    server.enqueue(DropConnection(after_events=1))
    with pytest.raises(APIConnectionError):
        list(client.images.generate(prompt="x", stream=True, partial_images=2))
    retried = fake_client(server, max_retries=1)
    server.enqueue(StatusFault(status=500))
    assert retried.images.generate(prompt="x").data
    with pytest.raises(TypeError, match="either a server"):
        FakeTransport(server, latency=1.0)


@pytest.mark.anyio
async def test_async_in_process_client(anyio_backend: str) -> None:
    server = FakeImagesServer(latency=0.001)
    client = async_fake_client(server)
    result = await client.images.generate(prompt="async in process")
    assert result.data is not None
    assert result.data[0].bytes().startswith(b"\x89PNG")
    stream = await client.images.generate(prompt="x", stream=True, partial_images=1)
    assert [e.type async for e in stream] == [
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    server.enqueue(DropConnection(after_bytes=10))
    with pytest.raises(APIConnectionError):
        await async_fake_client(server, max_retries=0).images.generate(prompt="x")
    own = AsyncImagesClient(
        api_key="sk-x",
        base_url="https://fake.test/v1",
        http_client=httpx.AsyncClient(transport=AsyncFakeTransport(seed=4)),
    )
    assert (await own.images.generate(prompt="seeded")).data


def test_url_results_are_served_in_process() -> None:
    server = FakeImagesServer()
    transport = FakeTransport(server)
    with httpx.Client(transport=transport, base_url="https://fake.test") as http:
        answer = http.post(
            "/v1/images/generations",
            json={"prompt": "x", "model": "dall-e-2", "size": "256x256"},
            headers={"authorization": "Bearer k"},
        )
        url = answer.json()["data"][0]["url"]
        assert url.startswith("http://fake.test/v1/_files/")
        image = http.get(url)
    assert image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
