"""The socket side of the fake server: read a request, write a reply (or break it on purpose).

What to answer is decided by `_app.handle` and `_app.reply_body`; this module moves the
bytes: request bodies (``Content-Length`` or chunked) in, replies (whole or chunked) out.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Final, cast

from ._app import BodyTooLarge, Exchange, HangUp, drops, handle, reply_body, response_headers
from ._http import Reply

if TYPE_CHECKING:
    from ._server import FakeImagesServer

__all__ = ["GONE", "RequestHandler"]

logger = logging.getLogger("openai_images_sdk.fake_server")

_READ_CHUNK: Final = 64 * 1024
GONE: Final = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)
"""What a client that went away raises on its socket."""


class RequestHandler(BaseHTTPRequestHandler):
    """One connection; HTTP/1.1 keep-alive; every method goes through `_dispatch`."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes
    server_version = "FakeImagesServer"
    timeout = 30  # seconds a kept-alive connection may sit idle or stall mid-body
    _consumed = False

    @property
    def owner(self) -> FakeImagesServer:
        """The `FakeImagesServer` this handler serves."""
        return cast("FakeImagesServer", getattr(self.server, "owner"))  # noqa: B009

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("%s - " + format, self.address_string(), *args)

    # Reading

    def _body_chunks(self, limit: int) -> Iterator[bytes]:
        """The request body as it arrives; `_consumed` is set once all of it is read."""
        total = 0
        if "chunked" in self.headers.get("transfer-encoding", "").lower():
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";")[0].strip(), 16)
                except ValueError:
                    raise ConnectionError("malformed chunked request body") from None
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    self._consumed = True
                    return
                total += size
                if total > limit:
                    raise BodyTooLarge
                yield from self._read_exactly(size)
                self.rfile.readline(8)
        length = int(self.headers.get("content-length") or 0)
        if length > limit:
            raise BodyTooLarge
        yield from self._read_exactly(length)
        self._consumed = True

    def _read_exactly(self, size: int) -> Iterator[bytes]:
        while size > 0:
            data = self.rfile.read(min(size, _READ_CHUNK))
            if not data:
                raise ConnectionError("the client closed the connection mid-body")
            size -= len(data)
            yield data

    def chunks(self, limit: int) -> Iterator[bytes]:
        """The request body (the `_app.BodySource` this handler is)."""
        return self._body_chunks(limit)

    def discard(self) -> None:
        """Read and drop the body, so the client gets the answer rather than a reset."""
        try:
            for _ in self._body_chunks(self.owner.options.max_body_bytes):
                pass
        except BodyTooLarge:
            pass  # too large to drain: the connection closes after the answer

    # Dispatch

    def _dispatch(self) -> None:
        owner = self.owner
        headers = {k.lower(): v for k, v in self.headers.items()}
        self._consumed = False
        try:
            exchange = handle(
                owner, method=self.command, target=self.path, headers=headers, body=self
            )
        except (ConnectionError, *GONE) as error:
            self._gone(error, "mid-request")
            return
        if not self._consumed:
            self.close_connection = True  # the unread body would be taken for the next request
        if exchange.is_api:
            owner.pause(exchange.faults)
        try:
            self._write(exchange)
        except GONE as error:
            self._gone(error, "mid-response")

    def _gone(self, error: BaseException, when: str) -> None:
        """The client went away: one log line, and this connection ends."""
        self.close_connection = True
        logger.info(
            "client %s:%s dropped the connection %s (%s %s: %s)",
            *self.client_address[:2],
            when,
            self.command,
            self.path,
            type(error).__name__,
        )

    # Writing

    def _start(self, reply: Reply) -> None:
        self.send_response(reply.status)
        headers = response_headers(reply)
        for name, value in headers.items():
            self.send_header(name, value)
        if self.close_connection and not any(k.lower() == "connection" for k in headers):
            self.send_header("connection", "close")

    def _write(self, exchange: Exchange) -> None:
        reply = exchange.reply
        if drops(exchange.faults):
            self.close_connection = True
        streamed = reply.events is not None
        self._start(reply)
        if streamed:
            self.send_header("transfer-encoding", "chunked")
            self.send_header("cache-control", "no-cache")
        else:
            self.send_header("content-length", str(len(reply.body)))
        self.end_headers()
        try:
            for data in reply_body(self.owner, exchange):
                if streamed:
                    self._chunk(data)
                else:
                    self.wfile.write(data)
        except HangUp:
            self._hang_up()
            return
        if streamed:
            self.wfile.write(b"0\r\n\r\n")

    def _chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

    def _hang_up(self) -> None:
        """Close the connection now, mid-body."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
