"""OpenTelemetry spans for API operations, when the application uses OpenTelemetry.

One span per operation call, named ``{operation} {model}`` and following the GenAI
semantic conventions (``gen_ai.operation.name``, ``gen_ai.provider.name``,
``gen_ai.request.model``, ``gen_ai.usage.input_tokens`` / ``output_tokens``), plus the
image request's size, quality, count and output format. Each retry is an event on the
span; a failure sets the span's status and ``error.type``.

`opentelemetry-api` is optional (the ``otel`` extra). Nothing is imported unless the
application has already imported ``opentelemetry.trace`` (configuring a tracer provider
does), so a process without OpenTelemetry pays one dictionary look-up per call.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, cast

from ._version import __version__

if TYPE_CHECKING:
    import httpx

    from ._operation import OperationSpec

__all__ = ["OperationSpan", "start_operation_span"]

PROVIDER: Final = "openai"
_REQUEST_ATTRIBUTES: Final[Mapping[str, str]] = {
    "model": "gen_ai.request.model",
    "n": "gen_ai.request.choice.count",
    "size": "openai.image.size",
    "quality": "openai.image.quality",
    "output_format": "openai.image.output_format",
    "background": "openai.image.background",
    "stream": "openai.request.stream",
}
_IMAGE_OPERATIONS: Final[Mapping[str, str]] = {
    "generate": "image_generation",
    "edit": "image_edit",
    "variation": "image_variation",
}
"""`gen_ai.operation.name` of the image operations, by capability key; other operations
(files, batches) go by their operation id."""


def _attribute(value: object) -> str | bool | int | float | None:
    if isinstance(value, str | bool | int | float):
        return value
    return None


class OperationSpan:
    """The span of one operation call; every method is safe to call in any order."""

    def __init__(self, span: Any) -> None:
        self._span = span
        self._ended = False

    def attempt_failed(self, *, attempt: int, delay: float, reason: str) -> None:
        """A retry is coming: record why and after how long."""
        self._span.add_event(
            "retry", {"attempt": attempt, "delay_s": round(delay, 3), "reason": reason}
        )

    def response(self, response: httpx.Response, *, retries: int) -> None:
        """The final HTTP response arrived (any status)."""
        self._span.set_attribute("http.response.status_code", response.status_code)
        self._span.set_attribute("openai.request.retries", retries)
        request_id = response.headers.get("x-request-id")
        if request_id:
            self._span.set_attribute("openai.request.id", request_id)

    def result(self, value: object) -> None:
        """The typed result: its token usage, when it has one."""
        usage = getattr(value, "usage", None)
        for name, key in (
            ("input_tokens", "gen_ai.usage.input_tokens"),
            ("output_tokens", "gen_ai.usage.output_tokens"),
        ):
            count = getattr(usage, name, None)
            if isinstance(count, int):
                self._span.set_attribute(key, count)
        data: object = getattr(value, "data", None)
        if isinstance(data, list):
            self._span.set_attribute("openai.image.count", len(cast("list[object]", data)))

    def fail(self, error: BaseException) -> None:
        """The call raised: mark the span an error, then end it."""
        from opentelemetry.trace import Status, StatusCode

        self._span.set_attribute("error.type", type(error).__name__)
        request_id = getattr(error, "request_id", None)
        if isinstance(request_id, str):
            self._span.set_attribute("openai.request.id", request_id)
        self._span.set_status(Status(StatusCode.ERROR, type(error).__name__))
        self.end()

    def end(self) -> None:
        """End the span (once)."""
        if not self._ended:
            self._ended = True
            self._span.end()


def start_operation_span(
    op: OperationSpec, params: Mapping[str, object], url: httpx.URL
) -> OperationSpan | None:
    """A started span for this call, or None when the application does not use OpenTelemetry."""
    trace = sys.modules.get("opentelemetry.trace")
    if trace is None:
        return None
    tracer = trace.get_tracer("openai_images_sdk", __version__)
    operation = _IMAGE_OPERATIONS.get(op.capability_key, op.operation_id)
    model = params.get("model")
    name = f"{operation} {model}" if isinstance(model, str) else operation
    attributes: dict[str, str | bool | int | float] = {
        "gen_ai.operation.name": operation,
        "gen_ai.provider.name": PROVIDER,
        "server.address": url.host,
    }
    if url.port is not None:
        attributes["server.port"] = url.port
    if op.capability_key in _IMAGE_OPERATIONS:
        attributes["gen_ai.output.type"] = "image"
    for param, key in _REQUEST_ATTRIBUTES.items():
        value = _attribute(params.get(param))
        if value is not None:
            attributes[key] = value
    span = tracer.start_span(name, kind=trace.SpanKind.CLIENT, attributes=attributes)
    return OperationSpan(span)
