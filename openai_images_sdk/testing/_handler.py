"""The socket side of the fake server: read a request, write a reply (or break it on purpose)."""

from __future__ import annotations

import json
import logging
import socket
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Final, cast
from urllib.parse import parse_qsl, urlsplit

from ._azure_api import AzureApiError, is_azure_path
from ._faults import DropConnection, Fault, TruncateStream
from ._formdata import FormDataError, FormPart, MultipartParser, boundary_of
from ._http import ApiError, BodyKind, Incoming, Reply

if TYPE_CHECKING:
    from ._server import FakeImagesServer

__all__ = ["RequestHandler"]

logger = logging.getLogger("openai_images_sdk.testing")

_READ_CHUNK: Final = 64 * 1024
_MAX_PART_BYTES: Final = 64 * 1024 * 1024  # above the API's 50 MB, so validation words it
_GONE: Final = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


class _BodyTooLarge(Exception):
    pass


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
                    raise _BodyTooLarge
                yield from self._read_exactly(size)
                self.rfile.readline(8)
        length = int(self.headers.get("content-length") or 0)
        if length > limit:
            raise _BodyTooLarge
        yield from self._read_exactly(length)
        self._consumed = True

    def _read_exactly(self, size: int) -> Iterator[bytes]:
        while size > 0:
            data = self.rfile.read(min(size, _READ_CHUNK))
            if not data:
                raise ConnectionError("the client closed the connection mid-body")
            size -= len(data)
            yield data

    def _discard_body(self) -> None:
        """Read and drop the body, so the client gets the answer rather than a reset."""
        try:
            for _ in self._body_chunks(self.owner.options.max_body_bytes):
                pass
        except _BodyTooLarge:
            pass  # too large to drain: the connection closes after the answer

    def _read_body(self) -> tuple[BodyKind, object, tuple[FormPart, ...], bytes]:
        content_type = self.headers.get("content-type", "")
        limit = self.owner.options.max_body_bytes
        if content_type.lower().startswith("multipart/"):
            try:
                parser = MultipartParser(boundary_of(content_type), max_part_size=_MAX_PART_BYTES)
                for chunk in self._body_chunks(limit):
                    parser.feed(chunk)
                return "multipart", None, tuple(parser.finish()), b""
            except FormDataError as error:
                raise ApiError(400, f"Malformed multipart/form-data body: {error}.") from None
        raw = b"".join(self._body_chunks(limit))
        if not raw:
            return "empty", None, (), b""
        if content_type.lower().split(";")[0].strip() == "application/json":
            try:
                return "json", json.loads(raw), (), raw
            except ValueError:
                raise ApiError(
                    400,
                    "We could not parse the JSON body of your request (fake server). "
                    "The body must be valid JSON.",
                ) from None
        return "other", None, (), raw

    # Dispatch

    def _dispatch(self) -> None:
        received_at = time.monotonic()
        owner = self.owner
        split = urlsplit(self.path)
        path = split.path
        headers = {k.lower(): v for k, v in self.headers.items()}
        host = headers.get("host") or f"{owner.host}:{owner.port}"
        found = owner.find_route(self.command, path)
        self._consumed = False
        kind: BodyKind = "empty"
        payload: object = None
        parts: tuple[FormPart, ...] = ()
        raw = b""
        faults: tuple[Fault, ...] = ()
        is_api = False
        try:
            if found is None:
                self._discard_body()
                if is_azure_path(path):
                    raise AzureApiError(
                        404, f"Resource not found ({self.command} {path}).", code="404"
                    )
                raise ApiError(404, f"Invalid URL ({self.command} {path}).")
            route, is_api = found
            if is_api:
                try:
                    owner.check_auth(headers, path=path)
                except ApiError:
                    self._discard_body()
                    raise
            try:
                kind, payload, parts, raw = self._read_body()
            except _BodyTooLarge:
                raise ApiError(413, "The request body is too large.") from None
            incoming = Incoming(
                method=self.command,
                path=path,
                query=dict(parse_qsl(split.query)),
                headers=headers,
                body_kind=kind,
                json=payload,
                parts=parts,
                raw=raw,
                base_url=f"http://{host}",
            )
            if is_api:
                faults = owner.faults_for(path, headers)
            reply = owner.answer(route, incoming, faults)
        except ApiError as error:
            reply = error.reply()
        except (ConnectionError, *_GONE):
            self.close_connection = True
            return
        if not self._consumed:
            self.close_connection = True  # the unread body would be taken for the next request
        owner.record(
            method=self.command,
            path=path,
            query=dict(parse_qsl(split.query)),
            headers=headers,
            kind=kind,
            payload=payload,
            parts=parts,
            status=reply.status,
            faults=faults,
            received_at=received_at,
        )
        if is_api:
            owner.pause(faults)
        try:
            self._write(reply, faults)
        except _GONE:
            self.close_connection = True

    # Writing

    def _start(self, status: int, headers: Mapping[str, str]) -> None:
        self.send_response(status)
        sent = {k.lower() for k in headers}
        for name, value in headers.items():
            self.send_header(name, value)
        if "x-request-id" not in sent:
            self.send_header("x-request-id", f"req_{uuid.uuid4().hex}")
        self.send_header("openai-processing-ms", "1")
        if self.close_connection and "connection" not in sent:
            self.send_header("connection", "close")

    def _write(self, reply: Reply, faults: Sequence[Fault]) -> None:
        drop = next((f for f in faults if isinstance(f, DropConnection)), None)
        if drop is not None:
            self.close_connection = True
        if reply.events is not None:
            truncate = next((f for f in faults if isinstance(f, TruncateStream)), None)
            self._write_stream(reply, drop, truncate)
            return
        body = reply.body
        self._start(reply.status, reply.headers)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        if drop is None:
            self.wfile.write(body)
            return
        cut = len(body) // 2 if drop.after_bytes is None else drop.after_bytes
        self.wfile.write(body[: max(0, min(cut, len(body) - 1))])
        self._hang_up()

    def _write_stream(
        self, reply: Reply, drop: DropConnection | None, truncate: TruncateStream | None
    ) -> None:
        self._start(reply.status, reply.headers)
        self.send_header("transfer-encoding", "chunked")
        self.send_header("cache-control", "no-cache")
        self.end_headers()
        assert reply.events is not None
        events = iter(reply.events)
        upcoming = self._next_event(events)
        index = 0
        while upcoming is not None:
            event, upcoming = upcoming, self._next_event(events)
            if drop is not None and index >= drop.after_events:
                self._hang_up()
                return
            if truncate is not None and (
                index == truncate.event_index or (truncate.event_index is None and upcoming is None)
            ):
                self._chunk(event[: len(event) // 2])
                break
            if index and not self.owner.pause_between_events():
                self._hang_up()  # the server is stopping
                return
            self._chunk(event)
            index += 1
        if drop is not None and index >= drop.after_events:
            self._hang_up()
            return
        self.wfile.write(b"0\r\n\r\n")

    def _next_event(self, events: Iterator[bytes]) -> bytes | None:
        """The next event; a route failing mid-stream is recorded and the stream cut."""
        try:
            return next(events, None)
        except Exception:
            self.owner.note_error()
            self._hang_up()
            raise ConnectionAbortedError("the stream's route failed") from None

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
