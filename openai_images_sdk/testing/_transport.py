"""In-process transports over the fake server's application: no socket, no thread.

    client = fake_client()                       # an ImagesClient on a fresh fake API
    client = ImagesClient(api_key="sk-test", base_url="http://fake.test/v1",
                          http_client=httpx.Client(transport=FakeTransport()))

Each request goes straight to the fake server's request handling (`fake_server._app`):
the same routes, checks, faults and recorded requests as over a socket. A dropped
connection fault raises `httpx.RemoteProtocolError` mid-body, as a real one does.
Latency and ``stream_interval`` are waited for (``anyio.sleep`` in the async twin).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, Final

import anyio
import httpx

from openai_images_sdk.fake_server._app import (
    Exchange,
    HangUp,
    handle,
    reply_body,
    response_headers,
)
from openai_images_sdk.fake_server._faults import Latency
from openai_images_sdk.fake_server._server import FakeImagesServer

if TYPE_CHECKING:
    from openai_images_sdk import AsyncImagesClient, ImagesClient

__all__ = ["AsyncFakeTransport", "FakeTransport", "async_fake_client", "fake_client"]

FAKE_BASE_URL: Final = "https://fake-images.test/v1"
"""The base URL the ready clients use (any host works: nothing is resolved)."""
FAKE_API_KEY: Final = "sk-fake-images-test"


class _Body:
    """A request body already in memory, as the application reads it."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    def chunks(self, limit: int) -> Iterator[bytes]:
        from openai_images_sdk.fake_server._app import BodyTooLarge

        if len(self._content) > limit:
            raise BodyTooLarge
        yield self._content

    def discard(self) -> None:
        return None


def _exchange(server: FakeImagesServer, request: httpx.Request, content: bytes) -> Exchange:
    headers: dict[str, str] = {}
    for name, value in request.headers.multi_items():
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    target = request.url.raw_path.decode("ascii")
    return handle(
        server, method=request.method, target=target, headers=headers, body=_Body(content)
    )


def _delay(server: FakeImagesServer, exchange: Exchange) -> float:
    if not exchange.is_api:
        return 0.0
    return server.latency + sum(f.seconds for f in exchange.faults if isinstance(f, Latency))


def _response(exchange: Exchange, request: httpx.Request, stream: Any) -> httpx.Response:
    headers = response_headers(exchange.reply)
    if exchange.reply.events is None:
        headers["content-length"] = str(len(exchange.reply.body))
    return httpx.Response(exchange.reply.status, headers=headers, stream=stream, request=request)


_DROPPED: Final = "the fake server closed the connection mid-body (DropConnection)"


class _SyncBody(httpx.SyncByteStream):
    def __init__(self, server: FakeImagesServer, exchange: Exchange) -> None:
        self._parts = reply_body(server, exchange)

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._parts
        except HangUp:
            raise httpx.RemoteProtocolError(_DROPPED) from None


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, server: FakeImagesServer, exchange: Exchange) -> None:
        self._parts = reply_body(server, exchange)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            for part in self._parts:
                yield part
        except HangUp:
            raise httpx.RemoteProtocolError(_DROPPED) from None


def _server(server: FakeImagesServer | None, options: dict[str, Any]) -> FakeImagesServer:
    if server is not None and options:
        raise TypeError("pass either a server or FakeImagesServer options, not both")
    return server if server is not None else FakeImagesServer(**options)


class FakeTransport(httpx.BaseTransport):
    """An `httpx` transport answering from a `FakeImagesServer`'s application in-process.

    :param server: the server whose routes, faults and records to use; it need not be
        started. Without one, a new server is made from `options`
        (`FakeImagesServer`'s keyword arguments).
    """

    def __init__(self, server: FakeImagesServer | None = None, **options: Any) -> None:
        self.server = _server(server, options)
        """The fake server behind this transport (its ``requests``, ``enqueue``, ...)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer `request` from the fake server."""
        exchange = _exchange(self.server, request, request.read())
        self.server.pause(exchange.faults if exchange.is_api else ())
        return _response(exchange, request, _SyncBody(self.server, exchange))


class AsyncFakeTransport(httpx.AsyncBaseTransport):
    """The async twin of `FakeTransport`."""

    def __init__(self, server: FakeImagesServer | None = None, **options: Any) -> None:
        self.server = _server(server, options)
        """The fake server behind this transport (its ``requests``, ``enqueue``, ...)."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer `request` from the fake server."""
        exchange = _exchange(self.server, request, await request.aread())
        delay = _delay(self.server, exchange)
        if delay > 0:
            await anyio.sleep(delay)
        return _response(exchange, request, _AsyncBody(self.server, exchange))


def fake_client(server: FakeImagesServer | None = None, **client_options: Any) -> ImagesClient:
    """An `ImagesClient` over a `FakeTransport` (a new fake server unless `server` is given).

    `client_options` go to `ImagesClient` (``max_retries=0``, ``validation="off"``, ...).
    Pass your own `server` to enqueue faults or read what was sent::

        server = FakeImagesServer(api_key="sk-test")
        client = fake_client(server)
    """
    from openai_images_sdk import ImagesClient

    transport = FakeTransport(server)
    options: dict[str, Any] = {"api_key": transport.server.api_key or FAKE_API_KEY}
    options["base_url"] = FAKE_BASE_URL
    options.update(client_options)
    return ImagesClient(**options, http_client=httpx.Client(transport=transport))


def async_fake_client(
    server: FakeImagesServer | None = None, **client_options: Any
) -> AsyncImagesClient:
    """An `AsyncImagesClient` over an `AsyncFakeTransport` (see `fake_client`)."""
    from openai_images_sdk import AsyncImagesClient

    transport = AsyncFakeTransport(server)
    options: dict[str, Any] = {"api_key": transport.server.api_key or FAKE_API_KEY}
    options["base_url"] = FAKE_BASE_URL
    options.update(client_options)
    return AsyncImagesClient(**options, http_client=httpx.AsyncClient(transport=transport))
