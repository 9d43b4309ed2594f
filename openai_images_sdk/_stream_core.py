"""The sans-I/O half of a stream: content type, SSE decoding, typed events, errors, counts.

`Stream` and `AsyncStream` (`_streaming`) feed it bytes and yield what it returns.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Final, Generic, TypeAlias, TypeVar, cast

import httpx

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    ErrorObject,
    StreamEventTooLargeError,
)
from ._sse import DEFAULT_MAX_EVENT_BYTES, EventTooLargeError, ServerSentEvent, SSEDecoder
from ._stream_files import event_kind
from ._telemetry import OperationSpan

__all__ = ["HEAD_LIMIT", "EventDecoder", "StreamCore"]

T_co = TypeVar("T_co", covariant=True)
_E = TypeVar("_E", bound=APIError)

EventDecoder: TypeAlias = Callable[[Mapping[str, object], object], object | None]
"""Maps an event's JSON object to a typed event of the union, or None for an unknown type."""

_logger = logging.getLogger("openai_images_sdk")

HEAD_LIMIT: Final = 8192
"""How much of a non-event-stream body is read to show in the error."""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class StreamCore(Generic[T_co]):
    """What a stream does with bytes and events, without I/O."""

    def __init__(
        self,
        response: httpx.Response,
        event_type: object,
        decode: EventDecoder | None,
        *,
        max_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        self.response = response
        self.event_type = event_type
        self.decode = decode
        self.decoder = SSEDecoder(max_event_bytes=max_event_bytes)
        self.received = 0
        self.partials = 0
        self.completed: T_co | None = None
        self.unknown_events: list[ServerSentEvent] = []
        self.done = False
        self.span: OperationSpan | None = None
        """The operation's OpenTelemetry span, ended when the stream ends (`end_span`)."""

    def end_span(self, error: BaseException | None = None) -> None:
        """End the operation's span: its usage from the completed event, or the error."""
        span, self.span = self.span, None
        if span is None:
            return
        if error is not None:
            span.fail(error)
            return
        if self.completed is not None:
            span.result(self.completed)
        span.end()

    def _tagged(self, error: _E) -> _E:
        error.request_id = self.response.headers.get("x-request-id")
        return error

    @property
    def request(self) -> httpx.Request | None:
        try:
            return self.response.request
        except RuntimeError:
            return None

    def is_event_stream(self) -> bool:
        media_type = str(self.response.headers.get("content-type", "")).split(";", 1)[0]
        return media_type.strip().lower() == "text/event-stream"

    def not_event_stream(self, head: bytes, complete: bool) -> APIResponseValidationError:
        text = head[:HEAD_LIMIT].decode("utf-8", "replace")
        body: object = text or None
        if complete and text:
            with contextlib.suppress(ValueError):
                body = json.loads(text)
        got = self.response.headers.get("content-type") or "no content type"
        message = (
            f"A stream request was answered with {got!r} (HTTP {self.response.status_code}), "
            "not 'text/event-stream'; no events can be read from it"
        )
        return APIResponseValidationError(self.response, body, message=message)

    def summary(self) -> str:
        return f"{_plural(self.received, 'event')} ({_plural(self.partials, 'partial image')})"

    def connection_lost(self, exc: Exception) -> APIConnectionError:
        message = f"The connection was lost mid-stream after {self.summary()}: {exc}"
        if isinstance(exc, httpx.TimeoutException):
            return self._tagged(APITimeoutError(self.request, message=message))
        return self._tagged(APIConnectionError(message=message, request=self.request))

    def too_large(self, exc: EventTooLargeError) -> StreamEventTooLargeError:
        message = (
            f"A server-sent event grew past {exc.limit:,} bytes without ending, after "
            f"{self.summary()}; the stream was closed. Raise the client option "
            "max_stream_event_bytes (or set it to None) if the server really sends "
            "events that large"
        )
        return StreamEventTooLargeError(self.response, None, message=message, limit=exc.limit)

    def typed(self, events: list[ServerSentEvent]) -> Iterator[T_co]:
        """The typed events of `SSEDecoder.feed`'s answer, lazily: events before an error
        event in the same chunk come out first."""
        for sse in events:
            event = self._event(sse, False)
            if event is not None:
                yield event

    def finish(self) -> Iterator[T_co]:
        for sse in self.decoder.finish():
            event = self._event(sse, True)
            if event is not None:
                yield event
        if self.completed is None and not self.done:
            message = f"The stream ended after {self.summary()} without a completed event"
            raise self._tagged(APIConnectionError(message=message, request=self.request))

    def final(self) -> T_co:
        if self.completed is None:
            message = f"The stream was closed after {self.summary()}, before its completed event"
            raise self._tagged(APIConnectionError(message=message, request=self.request))
        return self.completed

    def _event(self, sse: ServerSentEvent, at_eof: bool) -> T_co | None:
        if sse.data_bytes == b"[DONE]":
            self.done = True
            return None
        number = self.received + 1
        try:
            payload = sse.json()
        except ValueError as exc:
            if at_eof:
                message = (
                    f"The connection was lost mid-event after {self.summary()}: "
                    f"event {number} ended before its data was complete"
                )
                error = APIConnectionError(message=message, request=self.request)
                raise self._tagged(error) from exc
            if sse.event == "error":
                raise self._error(sse.data, sse.data) from exc
            message = f"Event {number} of the stream is not JSON: {sse.data[:200]!r}"
            raise APIResponseValidationError(self.response, sse.data, message=message) from exc
        if sse.event == "error":
            raise self._error(payload, sse.data)
        event: object = None
        kind: object = type(payload).__name__
        if isinstance(payload, dict):
            obj = cast("dict[str, object]", payload)
            kind = obj.get("type")
            if kind == "error" or isinstance(obj.get("error"), Mapping):
                raise self._error(obj, sse.data)
            if kind is None and sse.event:
                kind = sse.event
                obj = {**obj, "type": kind}
            from . import _converter  # cattrs loads with the first stream, not at import

            decode = self.decode or _converter.structure_event
            try:
                event = decode(obj, self.event_type)
            except Exception as exc:
                message = f"Event {number} ({kind!r}) does not match the spec: {exc}"
                raise APIResponseValidationError(self.response, obj, message=message) from exc
        self.received = number
        if event is None:
            self.unknown_events.append(sse)
            _logger.debug("Stream event %d of unknown type %r kept aside", number, kind)
            return None
        typed = cast("T_co", event)
        kind = event_kind(typed)
        if kind == "partial":
            self.partials += 1
        elif kind == "completed":
            self.completed = typed
        return typed

    def _error(self, body: object, data: str) -> APIError:
        error = ErrorObject.from_body(body)
        detail = (error.message if error else None) or data[:500] or "no details"
        message = f"The stream reported an error after {self.summary()}: {detail}"
        if error is not None and error.code:
            message += f" [code: {error.code}]"
        return self._tagged(APIError(message, self.request, body=body))
