"""OpenTelemetry spans: GenAI attributes, retry events, error status; nothing without OTel."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

pytest.importorskip("opentelemetry.sdk")

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from openai_images_sdk._exceptions import RateLimitError
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
