"""HTTP responses handed to the caller: `with_raw_response` and `with_streaming_response`."""

from __future__ import annotations

import datetime
import functools
import json
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from types import TracebackType
from typing import Any, Final, Generic, Protocol, Self, TypeVar, cast

import httpx

from ._async.closing import AsyncClosesOnExit, AsyncClosing
from ._exceptions import APIConnectionError, APIResponseValidationError, APITimeoutError
from ._read_only import ReadOnly
from ._sync.closing import ClosesOnExit, Closing

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncRawAPIResponse",
    "AsyncResponseContextManager",
    "BinaryContent",
    "RawAPIResponse",
    "ResponseContextManager",
    "as_raw_response",
    "as_sync_raw_response",
    "connection_errors",
    "structure_response",
]

R = TypeVar("R")


class connection_errors:
    """Turn httpx request failures into `APITimeoutError` / `APIConnectionError`.

    Besides network errors this covers a body that cannot be decoded (bad gzip), which
    is a transfer problem too. (A class, not a generator: it wraps every attempt.)
    """

    __slots__ = ("_request",)

    def __init__(self, request: httpx.Request | None) -> None:
        self._request = request

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if isinstance(error, httpx.TimeoutException):
            raise APITimeoutError(self._request) from error
        if isinstance(error, httpx.RequestError):
            raise APIConnectionError(
                message=f"Connection error: {type(error).__name__}: {error}",
                request=self._request,
            ) from error


class BinaryContent(bytes):
    """The bytes of a binary answer (`files.content`), also readable the way the official
    SDK's binary content is: `content`, `text` (properties), `read()`, `json()` and
    `write_to_file()`. It is `bytes`, so code that treats the answer as bytes works too.

    The methods are annotated as answering `bytes` (mypy's ``b"x" in answer`` check knows
    only the builtin); ``isinstance(answer, BinaryContent)`` narrows to this class."""

    @property
    def content(self) -> bytes:
        """The bytes, as a plain `bytes`."""
        return bytes(self)

    @property
    def text(self) -> str:
        """The bytes decoded as UTF-8 (the JSONL of a batch's output file)."""
        return self.decode("utf-8")

    def read(self) -> bytes:
        """The bytes, as a plain `bytes`."""
        return bytes(self)

    def json(self) -> Any:
        """The bytes decoded as one JSON document."""
        return json.loads(self)

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the bytes to `file` (replaced if it exists)."""
        with open(file, "wb") as out:
            out.write(self)


def structure_response(
    response: httpx.Response, response_type: object, *, dispose: bool = False
) -> object:
    """The typed result of a 2xx response whose body has been read.

    Raises `APIResponseValidationError` when the body is not JSON or does not structure.
    When `dispose` is set (the transport parses a response no caller will see again), a
    large body's bytes are released before the JSON is parsed.
    """
    if response_type is bytes:
        return BinaryContent(response.content)
    disposed = dispose and len(response.content) >= _DISPOSE_FROM
    taken = _take_body(response) if disposed else None
    try:
        data = json.loads(taken[0] if taken else response.content)
    except ValueError as exc:
        if taken:
            _restore_body(response, *taken)
        raise APIResponseValidationError(
            response, response.text, message="The response body is not valid JSON"
        ) from exc
    cls = cast("type[object]", response_type)
    hook_for, errors, attach_meta = _structuring()
    try:
        result = hook_for(cls)(data, cls)
    except errors as exc:
        if taken:
            _restore_body(response, *taken)
        raise APIResponseValidationError(
            response, data, message=f"The response body does not match {cls.__name__}: {_why(exc)}"
        ) from exc
    attach_meta(result, response)
    return result


_DISPOSE_FROM: Final = 1 << 16
"""Bodies this big or bigger are let go before parsing; smaller ones are not worth the copy."""

_StructureHook = Callable[[object, type[Any]], Any]


@functools.cache
def _structuring() -> tuple[
    Callable[[type[Any]], _StructureHook],
    tuple[type[Exception], ...],
    Callable[[object, httpx.Response], None],
]:
    """The converter's hook look-up, the errors its hooks raise and what records the
    response's metadata on a result: imported with the first response parsed (not at
    import)."""
    from ._converter import STRUCTURE_ERRORS, structure_hook
    from ._results import attach_meta

    return structure_hook, STRUCTURE_ERRORS, attach_meta


def _why(error: BaseException) -> str:
    import cattrs

    if isinstance(error, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(error))
    return f"{type(error).__name__}: {error}"


def _take_body(response: httpx.Response) -> tuple[str, str]:
    """The body of a disposed response as text, and its encoding; the bytes are let go
    (the text is what the error paths restore them from), so at most two copies of a
    large payload are alive at once: bytes and text, then text and parsed strings."""
    content = response.content
    vars(response).pop("_content", None)
    encoding = json.detect_encoding(content)
    return content.decode(encoding, "surrogatepass"), encoding


def _restore_body(response: httpx.Response, text: str, encoding: str) -> None:
    """Put back the exact body bytes, for an error that carries the response."""
    vars(response)["_content"] = text.encode(encoding, "surrogatepass")


_V = TypeVar("_V")


def _raw_attr(get: Callable[[httpx.Response], _V], doc: str) -> ReadOnly[_BaseAPIResponse[Any], _V]:
    """A response attribute read from its httpx response."""
    return ReadOnly(lambda response: get(response._raw), doc)


def _header(name: str) -> Callable[[httpx.Response], str | None]:
    def get(raw: httpx.Response) -> str | None:
        value: str | None = raw.headers.get(name)
        return value

    return get


class _BaseAPIResponse(Generic[R]):
    """What both response twins know without I/O."""

    def __init__(
        self,
        *,
        raw: httpx.Response,
        parser: Callable[[httpx.Response], R],
        stream: bool,
        retries_taken: int = 0,
        started: float | None = None,
    ) -> None:
        self._raw = raw
        self._parser = parser
        self._stream = stream
        self._parsed: list[R] = []
        self._started = started
        self.retries_taken = retries_taken
        """How many retries were made before this response (0 when the first attempt
        answered), as in the official SDK."""

    http_response = _raw_attr(lambda raw: raw, "The underlying httpx response.")
    http_request = _raw_attr(
        lambda raw: raw.request, "The request that was sent (the last attempt's, after retries)."
    )
    http_version = _raw_attr(
        lambda raw: raw.http_version, "The HTTP version of the response (``HTTP/1.1``)."
    )
    headers = _raw_attr(lambda raw: raw.headers, "The response headers.")
    status_code = _raw_attr(lambda raw: raw.status_code, "The HTTP status code.")
    request_id = _raw_attr(
        _header("x-request-id"), "The ``x-request-id`` header, for support requests."
    )
    url = _raw_attr(lambda raw: raw.request.url, "The URL that was requested.")
    method = _raw_attr(lambda raw: raw.request.method, "The HTTP method that was used.")
    content_type = _raw_attr(_header("content-type"), "The ``content-type`` header.")
    is_closed = _raw_attr(
        lambda raw: raw.is_closed,
        "Whether the body has been read to the end or the response closed.",
    )

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to the end of the body (to now while it is unread)."""
        try:
            return self._raw.elapsed
        except RuntimeError:
            if self._started is None:
                return datetime.timedelta(0)
            return datetime.timedelta(seconds=time.monotonic() - self._started)

    def _parse_into(self, convert: Callable[[Any], object]) -> Self:
        """This response, with `parse()` handing its typed result through `convert` (the
        cursor pages of a list operation)."""
        parser = self._parser

        def parse(raw: httpx.Response) -> R:
            return cast("R", convert(parser(raw)))

        self._parser = parse
        return self

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"<{name} [{self.status_code} {self._raw.reason_phrase}] {self.method} {self.url}>"


class _SyncBody(_BaseAPIResponse[R], Closing):
    """Reading and closing a sync response's body (``with`` closes it)."""

    def read(self) -> bytes:
        """The whole body."""
        with connection_errors(self._raw.request):
            return self._raw.read()

    def json(self) -> Any:
        """The whole body, decoded as JSON."""
        self.read()
        return self._raw.json()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks as it arrives (decompressed)."""
        with connection_errors(self._raw.request):
            yield from self._raw.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body in decoded chunks as it arrives."""
        with connection_errors(self._raw.request):
            yield from self._raw.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line as it arrives."""
        with connection_errors(self._raw.request):
            yield from self._raw.iter_lines()

    def close(self) -> None:
        """Release the connection; the rest of the body is discarded."""
        self._raw.close()


class APIResponse(_SyncBody[R]):
    """A response whose body the caller reads when it wants (what `with_streaming_response`
    gives); `parse()` gives the typed result, `read()`, `text()` and `json()` the body."""

    def parse(self) -> R:
        """The typed result (read once, then cached); a `Stream` for a streamed request."""
        if not self._parsed:
            if not self._stream:
                self.read()
            self._parsed.append(self._parser(self._raw))
        return self._parsed[0]

    def text(self) -> str:
        """The whole body, decoded."""
        self.read()
        return self._raw.text


class _ReadBody(_BaseAPIResponse[R]):
    """The body of a response read before the call returned (what `with_raw_response`
    gives): `content` and `text` are properties, as on the official SDK's raw response."""

    @property
    def content(self) -> bytes:
        """The whole body (for a streamed request, only once it has been read)."""
        return self._raw.content

    @property
    def text(self) -> str:
        """The whole body, decoded (for a streamed request, only once it has been read)."""
        return self._raw.text

    def parse(self) -> R:
        """The typed result (parsed once, then cached); the stream for a streamed request."""
        if not self._parsed:
            self._parsed.append(self._parser(self._raw))
        return self._parsed[0]


class RawAPIResponse(_ReadBody[R], _SyncBody[R]):
    """What a sync client's `with_raw_response` gives: the body is already read (unless
    the request streams), `parse()` gives the typed result; `content`, `text` (properties),
    `read()` and `json()` the body."""

    def parse(self) -> R:
        """The typed result (read once, then cached); a `Stream` for a streamed request."""
        if not self._parsed and not self._stream:
            self.read()
        return super().parse()


class _AsyncBody(_BaseAPIResponse[R], AsyncClosing):
    """Reading and closing an async response's body: awaited (``async with`` closes it)."""

    async def read(self) -> bytes:
        """The whole body."""
        with connection_errors(self._raw.request):
            return await self._raw.aread()

    async def json(self) -> Any:
        """The whole body, decoded as JSON."""
        await self.read()
        return self._raw.json()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks as it arrives (decompressed)."""
        with connection_errors(self._raw.request):
            async for chunk in self._raw.aiter_bytes(chunk_size):
                yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        """The body in decoded chunks as it arrives."""
        with connection_errors(self._raw.request):
            async for chunk in self._raw.aiter_text(chunk_size):
                yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        """The body line by line as it arrives."""
        with connection_errors(self._raw.request):
            async for line in self._raw.aiter_lines():
                yield line

    async def aclose(self) -> None:
        """Release the connection; the rest of the body is discarded."""
        await self._raw.aclose()

    async def close(self) -> None:
        """The same as `aclose()` (the official SDK's name)."""
        await self.aclose()


class AsyncAPIResponse(_AsyncBody[R]):
    """The async twin of `APIResponse` (what `with_streaming_response` gives): parsing and
    reading are awaited, since the body may still be unread."""

    async def parse(self) -> R:
        """The typed result (read once, then cached); an `AsyncStream` for a streamed request."""
        if not self._parsed:
            if not self._stream:
                await self.read()
            self._parsed.append(self._parser(self._raw))
        return self._parsed[0]

    async def text(self) -> str:
        """The whole body, decoded."""
        await self.read()
        return self._raw.text


class AsyncRawAPIResponse(_ReadBody[R], _AsyncBody[R]):
    """What an async client's `with_raw_response` gives: the body is already read, so
    `parse()` is synchronous and `content` / `text` are properties, as in the official SDK
    (for a streamed request the body is left unread and `parse()` gives the `AsyncStream`
    over it). `await read()` and `await json()` read the body too."""


ResponseT = TypeVar("ResponseT", bound=_ReadBody[Any])


def _rewrap(response: _BaseAPIResponse[Any], cls: type[ResponseT]) -> ResponseT:
    """`response`'s state (every attribute, nothing parsed yet) under the class `cls`."""
    twin = cls.__new__(cls)
    vars(twin).update(vars(response), _parsed=[])
    return twin


def as_raw_response(response: AsyncAPIResponse[R]) -> AsyncRawAPIResponse[R]:
    """The `AsyncRawAPIResponse` of a response the transport returned in ``raw`` mode."""
    return cast("AsyncRawAPIResponse[R]", _rewrap(response, AsyncRawAPIResponse))


def as_sync_raw_response(response: APIResponse[R]) -> RawAPIResponse[R]:
    """The `RawAPIResponse` of a response the sync transport returned in ``raw`` mode."""
    return cast("RawAPIResponse[R]", _rewrap(response, RawAPIResponse))


class _Closes(Protocol):
    def close(self) -> object: ...


class _AsyncCloses(Protocol):
    def close(self) -> Awaitable[object]: ...


T = TypeVar("T", bound=_Closes)
AT = TypeVar("AT", bound=_AsyncCloses)


class ResponseContextManager(ClosesOnExit, Generic[T]):
    """Sends the request on entry and closes the response on exit, body unread until asked."""

    def __init__(self, send: Callable[[], T]) -> None:
        self._send = send
        self._response: T | None = None

    def __enter__(self) -> T:
        self._response = self._send()
        return self._response

    def close(self) -> None:
        """Close the response, once the block has opened it."""
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(AsyncClosesOnExit, Generic[AT]):
    """The async twin of `ResponseContextManager`.

    Also awaitable: ``await`` sends the request and gives the open response, which the
    caller then closes (or uses in ``async with``).
    """

    def __init__(self, send: Callable[[], Awaitable[AT]]) -> None:
        self._send = send
        self._response: AT | None = None

    async def __aenter__(self) -> AT:
        self._response = await self._send()
        return self._response

    async def aclose(self) -> None:
        """Close the response, once the block has opened it."""
        if self._response is not None:
            await self._response.close()

    def __await__(self) -> Generator[Any, None, AT]:
        return self._send().__await__()
