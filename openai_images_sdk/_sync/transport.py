# generated from openai_images_sdk/_async/transport.py by scripts/unasync.py; do not edit
"""`SyncAPIClient`: the send loop (send, wait, retry) over the I/O-free `BaseClient`."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

import httpx

from openai_images_sdk import _concurrency
from openai_images_sdk._base_client import BaseClient, Call
from openai_images_sdk._concurrency import begin, run_blocking
from openai_images_sdk._config import DEFAULT_LIMITS, POOL_HEADERS, ClientConfig
from openai_images_sdk._exceptions import APIConnectionError
from openai_images_sdk._operation import OperationSpec
from openai_images_sdk._response import (
    APIResponse,
    ResponseContextManager,
    connection_errors,
)
from openai_images_sdk._sync.closing import Closing
from openai_images_sdk._telemetry import OperationSpan, start_operation_span
from openai_images_sdk._types import RequestOptions, ResponseMode

if TYPE_CHECKING:
    from .streaming import Stream

__all__ = ["SyncAPIClient"]


class SyncAPIClient(BaseClient[httpx.Client], Closing):
    """The transport over one `httpx.Client`, safe to share."""

    def __init__(self, *, config: ClientConfig, http_client: httpx.Client | None = None) -> None:
        owns = http_client is None
        if http_client is None:
            http_client = httpx.Client(
                limits=DEFAULT_LIMITS, timeout=config.timeout, headers=POOL_HEADERS
            )
        super().__init__(config=config, http_client=http_client, owns_http_client=owns)

    def _stream(self, call: Call, response: httpx.Response) -> object:
        from .streaming import Stream  # with the first streamed call

        stream: Stream[Any] = Stream(
            response,
            event_type=call.op.stream_event_type,
            max_event_bytes=self._config.max_stream_event_bytes,
        )
        return stream

    def close(self) -> None:
        """Close the connection pool, unless it was passed in or this is a `with_options` copy."""
        if self._owns_http_client:
            self._http_client.close()

    def _request(
        self,
        op: OperationSpec,
        params: Mapping[str, object],
        options: RequestOptions | None = None,
        *,
        mode: ResponseMode = "parsed",
    ) -> Any:
        """Send one operation call (for the async client, awaited).

        ``parsed``: the typed result (the stream when ``stream=True``); ``raw``: the
        `APIResponse`; ``streaming``: a context manager that sends on entry and leaves
        the body unread. The checks run at the call; for the async client, whose body may
        be built in a worker thread, when the result is awaited or entered.
        """
        options = options or RequestOptions()
        given = self._given(op, params)
        if mode == "streaming":
            prepared = begin(self._prepare, op, given, options)
            return ResponseContextManager(lambda: self._open(prepared, op, given))
        return self._finish(op, given, options, raw=mode == "raw")

    def _prepare(
        self, op: OperationSpec, given: dict[str, object], options: RequestOptions
    ) -> Call:
        """Check the call and compute what every attempt sends; raises `ValidationError`."""
        if "multipart" in op.bodies:
            # File headers are read, and unseekable streams spooled: async, in a worker thread.
            body = run_blocking(self._body, op, given, options)
        else:
            body = self._body(op, given, options)
        return self._call(op, given, options, body)

    def _open(
        self, prepared: Callable[[], Call], op: OperationSpec, given: dict[str, object]
    ) -> APIResponse[Any]:
        span = start_operation_span(op, given, self._config.base_url)
        try:
            call = prepared()
            response = self._respond(call, read_body=False, span=span)
        except BaseException as error:
            if span is not None:
                span.fail(error)
            raise
        if span is not None:
            span.end()  # the body is the caller's to read: the span covers the answer's head
        return response

    def _finish(
        self, op: OperationSpec, given: dict[str, object], options: RequestOptions, *, raw: bool
    ) -> object:
        span = start_operation_span(op, given, self._config.base_url)
        try:
            if "multipart" in op.bodies:
                call = self._prepare(op, given, options)
            else:  # nothing to read from files: no coroutine of its own
                call = self._call(op, given, options, self._body(op, given, options))
            read_body = not call.stream
            result: object
            if raw:
                result = self._respond(call, read_body=read_body, span=span)
            else:
                result = self._parse(call, (self._send(call, read_body=read_body, span=span))[0])
        except BaseException as error:
            if span is not None:
                span.fail(error)
            raise
        if span is None:
            return result
        if call.stream and not raw:
            stream = cast("Stream[object]", result)
            stream._watch(span)  # pyright: ignore[reportPrivateUsage]
        else:
            span.result(result)
            span.end()
        return result

    def _respond(
        self, call: Call, *, read_body: bool, span: OperationSpan | None = None
    ) -> APIResponse[Any]:
        response, retries_taken, started = self._send(call, read_body=read_body, span=span)
        return APIResponse(
            raw=response, parser=functools.partial(self._parse, call, dispose=False),
            stream=call.stream, retries_taken=retries_taken, started=started,
        )  # fmt: skip

    def _send(
        self, call: Call, *, read_body: bool, span: OperationSpan | None = None
    ) -> tuple[httpx.Response, int, float]:
        """Send `call` until it is answered with a 2xx (retrying as the config allows):
        the response, how many retries that took, and when the answering attempt began."""
        try:
            call.auth = self._auth_headers()
            call.span = span
            retries_taken = 0
            while True:
                content = self._content(call)
                request = self._build_request(call, content, retries_taken)
                if isinstance(content, _BodyStream):
                    request.stream = content
                started = time.monotonic()
                try:
                    # The bytes move here: the request goes out, the body is read unless streaming.
                    with connection_errors(request):
                        response = self._http_client.send(
                            request, stream=True, follow_redirects=False
                        )
                        try:
                            if read_body or not response.is_success:
                                response.read()
                        except BaseException:
                            response.close()
                            raise
                except APIConnectionError as error:
                    delay = self._after_error(call, request, retries_taken, error)
                else:
                    wait = self._after_response(call, response, started, retries_taken)
                    if wait is None:
                        return response, retries_taken, started
                    delay = wait
                finally:
                    if isinstance(content, _BodyStream):
                        content.close()
                _concurrency.sleep(delay)
                retries_taken += 1
        finally:
            if call.body is not None:
                call.body.close()

    def _content(self, call: Call) -> bytes | _BodyStream | None:
        if call.body is None:
            return None
        if call.body.kind == "json":
            return call.body.encoded
        return _BodyStream(call.body.iter_sync())


class _BodyStream(httpx.SyncByteStream):
    """Gives httpx the body's own iterator, closed after each attempt.

    httpx would wrap a plain iterator in a generator of its own, which an abandoned
    attempt leaves unfinished (trio warns when it is collected, a reader thread runs on).
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()
