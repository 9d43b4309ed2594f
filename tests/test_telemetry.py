"""OpenTelemetry spans: GenAI attributes, retry events, error status; nothing without OTel."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx
from conftest import Driver

pytest.importorskip("opentelemetry.sdk")

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from openai_images_sdk._exceptions import BadRequestError, RateLimitError, ValidationError
from openai_images_sdk._generated.operations import CREATE_FILE, CREATE_IMAGE
from openai_images_sdk._telemetry import start_operation_span

_EXPORTER = InMemorySpanExporter()
_PROVIDER = TracerProvider()
_PROVIDER.add_span_processor(SimpleSpanProcessor(_EXPORTER))
URL = httpx.URL("https://api.openai.com/v1/images/generations")


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    # The global provider can be set once per process; every test shares it.
    if trace.get_tracer_provider() is not _PROVIDER:
        trace.set_tracer_provider(_PROVIDER)
    _EXPORTER.clear()
    yield _EXPORTER
    _EXPORTER.clear()


class _Usage:
    input_tokens = 12
    output_tokens = 4160


class _Result:
    def __init__(self) -> None:
        self.usage = _Usage()
        self.data = [object(), object()]


def test_a_generate_span_carries_the_genai_attributes(spans: InMemorySpanExporter) -> None:
    params = {
        "prompt": "a fox",
        "model": "gpt-image-1.5",
        "n": 2,
        "size": "1024x1024",
        "quality": "high",
        "output_format": "webp",
    }
    span = start_operation_span(CREATE_IMAGE, params, URL)
    assert span is not None
    span.attempt_failed(attempt=1, delay=0.5, reason="503 Service Unavailable")
    span.response(httpx.Response(200, headers={"x-request-id": "req_1"}), retries=1)
    span.result(_Result())
    span.end()
    span.end()
    (done,) = spans.get_finished_spans()
    assert done.name == "image_generation gpt-image-1.5"
    assert done.kind is trace.SpanKind.CLIENT
    assert dict(done.attributes or {}) == {
        "gen_ai.operation.name": "image_generation",
        "gen_ai.provider.name": "openai",
        "gen_ai.output.type": "image",
        "gen_ai.request.model": "gpt-image-1.5",
        "gen_ai.request.choice.count": 2,
        "openai.image.size": "1024x1024",
        "openai.image.quality": "high",
        "openai.image.output_format": "webp",
        "server.address": "api.openai.com",
        "http.response.status_code": 200,
        "openai.request.retries": 1,
        "openai.request.id": "req_1",
        "gen_ai.usage.input_tokens": 12,
        "gen_ai.usage.output_tokens": 4160,
        "openai.image.count": 2,
    }
    (event,) = done.events
    assert event.name == "retry"
    assert dict(event.attributes or {}) == {
        "attempt": 1,
        "delay_s": 0.5,
        "reason": "503 Service Unavailable",
    }
    assert "prompt" not in str(done.attributes)


def test_a_failure_marks_the_span(spans: InMemorySpanExporter) -> None:
    span = start_operation_span(
        CREATE_FILE, {"purpose": "batch"}, httpx.URL("http://127.0.0.1:4010/v1/files")
    )
    assert span is not None
    response = httpx.Response(
        429,
        headers={"x-request-id": "req_2"},
        request=httpx.Request("POST", "http://127.0.0.1:4010/v1/files"),
    )
    span.fail(RateLimitError("slow down", response=response, body=None))
    (done,) = spans.get_finished_spans()
    assert done.name == "createFile"
    assert done.status.status_code is StatusCode.ERROR
    attributes = dict(done.attributes or {})
    assert attributes["error.type"] == "RateLimitError"
    assert attributes["openai.request.id"] == "req_2"
    assert attributes["server.port"] == 4010
    assert "gen_ai.output.type" not in attributes


def test_nothing_is_imported_or_started_without_opentelemetry() -> None:
    code = (
        "import sys, httpx\n"
        "from openai_images_sdk._telemetry import start_operation_span\n"
        "from openai_images_sdk._generated.operations import CREATE_IMAGE\n"
        "assert start_operation_span(CREATE_IMAGE, {}, httpx.URL('https://x/')) is None\n"
        "assert not [m for m in sys.modules if m.startswith('opentelemetry')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- through the real client ----------------------------------------------------------------

API = "https://api.openai.com/v1/images/generations"
USAGE = {
    "input_tokens": 9,
    "output_tokens": 4160,
    "total_tokens": 4169,
    "input_tokens_details": {"text_tokens": 9, "image_tokens": 0},
}
OK_BODY = {"created": 1, "data": [{"b64_json": "aGk="}], "usage": USAGE}


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
async def test_one_span_per_call_with_retry_events_and_usage(
    driver: Driver,
    respx_mock: respx.MockRouter,
    spans: InMemorySpanExporter,
    retry_sleeps: list[float],
) -> None:
    respx_mock.post(API).mock(
        side_effect=[
            httpx.Response(503, json={"error": {"message": "busy"}}),
            httpx.Response(200, json=OK_BODY, headers={"x-request-id": "req_ok"}),
        ]
    )
    client = driver.client()
    try:
        await driver.run(client.images.generate(prompt="a fox", size="1024x1024"))
    finally:
        await driver.close(client)
    (span,) = spans.get_finished_spans()
    assert span.name == "image_generation"
    attributes = dict(span.attributes or {})
    assert attributes["gen_ai.operation.name"] == "image_generation"
    assert attributes["openai.image.size"] == "1024x1024"
    assert attributes["gen_ai.usage.input_tokens"] == 9
    assert attributes["gen_ai.usage.output_tokens"] == 4160
    assert attributes["openai.request.retries"] == 1
    assert attributes["openai.request.id"] == "req_ok"
    assert attributes["http.response.status_code"] == 200
    assert [event.name for event in span.events] == ["retry"]
    assert dict(span.events[0].attributes or {})["reason"] == "503 Service Unavailable"
    assert span.status.status_code is not StatusCode.ERROR


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
async def test_a_failed_call_is_an_error_span(
    driver: Driver, respx_mock: respx.MockRouter, spans: InMemorySpanExporter
) -> None:
    respx_mock.post(API).respond(
        400, json={"error": {"message": "no", "code": "x"}}, headers={"x-request-id": "req_bad"}
    )
    client = driver.client()
    try:
        with pytest.raises(BadRequestError):
            await driver.run(client.images.generate(prompt="a fox"))
        with pytest.raises(ValidationError):
            await driver.run(
                client.images.generate(prompt="a fox", model="gpt-image-1.5", size="big")
            )
    finally:
        await driver.close(client)
    failed, invalid = spans.get_finished_spans()
    assert failed.status.status_code is StatusCode.ERROR
    assert dict(failed.attributes or {})["error.type"] == "BadRequestError"
    assert dict(failed.attributes or {})["openai.request.id"] == "req_bad"
    assert dict(invalid.attributes or {})["error.type"] == "ValidationError"


def _stream_body() -> bytes:
    completed = {
        "type": "image_generation.completed",
        "b64_json": "aGk=",
        "created_at": 1,
        "size": "1024x1024",
        "quality": "high",
        "background": "opaque",
        "output_format": "png",
        "usage": USAGE,
    }
    return f"event: image_generation.completed\ndata: {json.dumps(completed)}\n\n".encode()


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
async def test_a_stream_span_ends_when_the_stream_does(
    driver: Driver, respx_mock: respx.MockRouter, spans: InMemorySpanExporter
) -> None:
    respx_mock.post(API).respond(
        200, content=_stream_body(), headers={"content-type": "text/event-stream"}
    )
    client = driver.client()
    try:
        stream: Any = await driver.run(client.images.generate(prompt="a fox", stream=True))
        assert spans.get_finished_spans() == ()
        events = await driver.collect(stream)
        stream_left: Any = await driver.run(client.images.generate(prompt="a fox", stream=True))
        await driver.run(stream_left.close())
    finally:
        await driver.close(client)
    assert len(events) == 1
    finished, closed = spans.get_finished_spans()
    assert dict(finished.attributes or {})["gen_ai.usage.output_tokens"] == 4160
    assert dict(finished.attributes or {})["openai.request.stream"] is True
    assert "gen_ai.usage.output_tokens" not in dict(closed.attributes or {})


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
async def test_a_streaming_response_call_has_its_span(
    driver: Driver, respx_mock: respx.MockRouter, spans: InMemorySpanExporter
) -> None:
    respx_mock.post(API).mock(
        side_effect=[
            httpx.Response(200, json=OK_BODY, headers={"x-request-id": "req_sr"}),
            httpx.Response(429, json={"error": {"message": "slow"}}),
        ]
    )
    client = driver.client(max_retries=0)
    try:
        async with driver.enter(
            client.images.with_streaming_response.generate(prompt="a fox", model="gpt-image-1.5")
        ) as response:
            assert response.status_code == 200
        with pytest.raises(RateLimitError):
            async with driver.enter(client.images.with_streaming_response.generate(prompt="a fox")):
                pass
    finally:
        await driver.close(client)
    done, failed = spans.get_finished_spans()
    assert done.name == "image_generation gpt-image-1.5"
    assert dict(done.attributes or {})["openai.request.id"] == "req_sr"
    assert dict(done.attributes or {})["http.response.status_code"] == 200
    assert failed.status.status_code is StatusCode.ERROR
    assert dict(failed.attributes or {})["error.type"] == "RateLimitError"
