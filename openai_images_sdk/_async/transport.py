"""`AsyncAPIClient`: the send loop (send, wait, retry) over the I/O-free `BaseClient`."""

from __future__ import annotations

import functools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

import httpx

from openai_images_sdk import _concurrency
from openai_images_sdk._async.closing import AsyncClosing
from openai_images_sdk._base_client import BaseClient, Call
from openai_images_sdk._concurrency import async_begin, async_run_blocking
from openai_images_sdk._config import DEFAULT_LIMITS, POOL_HEADERS, ClientConfig
from openai_images_sdk._exceptions import APIConnectionError
from openai_images_sdk._operation import OperationSpec
from openai_images_sdk._response import (
    AsyncAPIResponse,
    AsyncResponseContextManager,
    connection_errors,
)
from openai_images_sdk._telemetry import OperationSpan, start_operation_span
from openai_images_sdk._types import RequestOptions, ResponseMode

if TYPE_CHECKING:
    from .streaming import AsyncStream

__all__ = ["AsyncAPIClient"]


class AsyncAPIClient(BaseClient[httpx.AsyncClient], AsyncClosing):
    """The transport over one `httpx.AsyncClient`, safe to share."""

    def __init__(
        self, *, config: ClientConfig, http_client: httpx.AsyncClient | None = None
    ) -> None:
        owns = http_client is None
        if http_client is None:
            http_client = httpx.AsyncClient(
                limits=DEFAULT_LIMITS, timeout=config.timeout, headers=POOL_HEADERS
            )
        super().__init__(config=config, http_client=http_client, owns_http_client=owns)

    def _stream(self, call: Call, response: httpx.Response) -> object:
        from .streaming import AsyncStream  # with the first streamed call

        stream: AsyncStream[Any] = AsyncStream(
            response,
            event_type=call.op.stream_event_type,
            max_event_bytes=self._config.max_stream_event_bytes,
        )
        return stream

    async def aclose(self) -> None:
        """Close the connection pool, unless it was passed in or this is a `with_options` copy."""
        if self._owns_http_client:
            await self._http_client.aclose()

    # unasync: async-only
    async def close(self) -> None:
        """Same as `aclose`."""
        await self.aclose()

    # unasync: end
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
        `AsyncAPIResponse`; ``streaming``: a context manager that sends on entry and leaves
        the body unread. The checks run at the call; for the async client, whose body may
        be built in a worker thread, when the result is awaited or entered.
        """
        options = options or RequestOptions()
        given = self._given(op, params)
        if mode == "streaming":
            prepared = async_begin(self._async_prepare, op, given, options)
            return AsyncResponseContextManager(lambda: self._open(prepared, op, given))
        return self._finish(op, given, options, raw=mode == "raw")

    async def _async_prepare(
        self, op: OperationSpec, given: dict[str, object], options: RequestOptions
    ) -> Call:
        """Check the call and compute what every attempt sends; raises `ValidationError`."""
        if "multipart" in op.bodies:
            # File headers are read, and unseekable streams spooled: async, in a worker thread.
            body = await async_run_blocking(self._body, op, given, options)
        else:
            body = self._body(op, given, options)
        return self._call(op, given, options, body)

    async def _open(
        self, prepared: Callable[[], Awaitable[Call]], op: OperationSpec, given: dict[str, object]
    ) -> AsyncAPIResponse[Any]:
        span = start_operation_span(op, given, self._config.base_url)
        try:
            call = await prepared()
            response = await self._respond(call, read_body=False, span=span)
        except BaseException as error:
            if span is not None:
                span.fail(error)
            raise
        if span is not None:
            span.end()  # the body is the caller's to read: the span covers the answer's head
        return response

    async def _finish(
        self, op: OperationSpec, given: dict[str, object], options: RequestOptions, *, raw: bool
    ) -> object:
        span = start_operation_span(op, given, self._config.base_url)
        try:
            if "multipart" in op.bodies:
                call = await self._async_prepare(op, given, options)
            else:  # nothing to read from files: no coroutine of its own
                call = self._call(op, given, options, self._body(op, given, options))
            read_body = not call.stream
            result: object
            if raw:
                result = await self._respond(call, read_body=read_body, span=span)
            else:
                result = self._parse(
                    call, (await self._send(call, read_body=read_body, span=span))[0]
                )
        except BaseException as error:
            if span is not None:
                span.fail(error)
            raise
        if span is None:
            return result
        if call.stream and not raw:
            stream = cast("AsyncStream[object]", result)
            stream._watch(span)  # pyright: ignore[reportPrivateUsage]
        else:
            span.result(result)
            span.end()
        return result

    async def _respond(
        self, call: Call, *, read_body: bool, span: OperationSpan | None = None
    ) -> AsyncAPIResponse[Any]:
        response, retries_taken, started = await self._send(call, read_body=read_body, span=span)
        return AsyncAPIResponse(
            raw=response, parser=functools.partial(self._parse, call, dispose=False),
            stream=call.stream, retries_taken=retries_taken, started=started,
        )  # fmt: skip

    async def _send(
        self, call: Call, *, read_body: bool, span: OperationSpan | None = None
    ) -> tuple[httpx.Response, int, float]:
        """Send `call` until it is answered with a 2xx (retrying as the config allows):
        the response, how many retries that took, and when the answering attempt began."""
        try:
            call.auth = await self._async_auth_headers()
            call.span = span
            retries_taken = 0
            while True:
                content = self._content(call)
                request = self._build_request(call, content, retries_taken)
                if isinstance(content, _AsyncBodyStream):
                    request.stream = content
                # unasync: async-only
                elif isinstance(content, bytes):
                    request.stream = _AsyncBytes(content)
                # unasync: end
                started = time.monotonic()
                try:
                    # The bytes move here: the request goes out, the body is read unless streaming.
                    with connection_errors(request):
                        response = await self._http_client.send(
                            request, stream=True, follow_redirects=False
                        )
                        try:
                            if read_body or not response.is_success:
                                await response.aread()
                        except BaseException:
                            await response.aclose()
                            raise
                except APIConnectionError as error:
                    delay = self._after_error(call, request, retries_taken, error)
                else:
                    wait = self._after_response(call, response, started, retries_taken)
                    if wait is None:
                        return response, retries_taken, started
                    delay = wait
                finally:
                    if isinstance(content, _AsyncBodyStream):
                        await content.aclose()
                await _concurrency.async_sleep(delay)
                retries_taken += 1
        finally:
            if call.body is not None:
                call.body.close()

    def _content(self, call: Call) -> bytes | _AsyncBodyStream | None:
        if call.body is None:
            return None
        if call.body.kind == "json":
            return call.body.encoded
        return _AsyncBodyStream(call.body.iter_async())


class _AsyncBodyStream(httpx.AsyncByteStream):
    """Gives httpx the body's own iterator, closed after each attempt.

    httpx would wrap a plain iterator in a generator of its own, which an abandoned
    attempt leaves unfinished (trio warns when it is collected, a reader thread runs on).
    """

    def __init__(self, chunks: AsyncIterator[bytes]) -> None:
        self._chunks = chunks

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._chunks

    async def aclose(self) -> None:
        close = getattr(self._chunks, "aclose", None)
        if close is not None:
            await close()


# unasync: async-only
class _AsyncBytes(httpx.AsyncByteStream):
    """A whole body for httpx as an iterator object, not an async generator.

    httpx's own stream for bytes is an async generator; an attempt cancelled while sending
    leaves it unfinished, and trio warns when it is collected.
    """

    def __init__(self, body: bytes) -> None:
        self._body: bytes | None = body

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self

    async def __anext__(self) -> bytes:
        body, self._body = self._body, None
        if body is None:
            raise StopAsyncIteration
        return body


# unasync: end
