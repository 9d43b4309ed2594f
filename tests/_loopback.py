"""A scriptable raw-socket HTTP/1.1 server on 127.0.0.1 for fault tests.

Unlike the fake images server it answers at the socket level, so a test can break the
conversation anywhere: reset before answering, reset after N bytes of the request body,
reset or stall after N chunks of the answer, trickle the answer, or never answer.

    with LoopbackServer() as server:
        server.script(Step.reset(), Step.json({"created": 1, "data": []}))
        client = ImagesClient(api_key="sk-test", base_url=server.base_url)

Each request takes the next scripted `Step` (first in, first out); with the script empty
it gets `server.default`. Connections are kept alive between requests unless a step says
otherwise. The server is bounded: at most `max_connections` connection threads at once,
every socket has a timeout, and `stop` closes and joins everything.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import socket
import struct
import threading
import time
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Self

import attrs

__all__ = ["LoopbackServer", "Received", "Step", "open_fds", "sse"]

_REASONS = {
    200: "OK",
    400: "Bad Request",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_MAX_HEAD = 64 * 1024


def sse(*events: Mapping[str, object] | str, event: str | None = None) -> tuple[bytes, ...]:
    """Server-sent events, one per item: a mapping becomes its JSON, a string is sent as is."""
    out: list[bytes] = []
    for item in events:
        data = item if isinstance(item, str) else json.dumps(item)
        head = f"event: {event}\n" if event else ""
        out.append(f"{head}data: {data}\n\n".encode())
    return tuple(out)


def open_fds() -> int:
    """How many file descriptors this process has open (Linux), or -1 where unknown."""
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return -1


@attrs.frozen(kw_only=True)
class Step:
    """What the server does with one request.

    The answer is `status` with `headers` and `body`; with `chunks` the body is sent in
    chunked transfer encoding, one HTTP chunk per item (an SSE event each, typically).
    """

    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    chunks: tuple[bytes, ...] | None = None
    reset_before_response: bool = False
    """Read the request, then reset the connection (SO_LINGER 0) instead of answering."""
    reset_after_request_bytes: int | None = None
    """Read the request head and this many body bytes, then reset."""
    reset_after_chunks: int | None = None
    """Send the head and this many chunks, then reset."""
    stall_after_chunks: int | None = None
    """Send the head and this many chunks (0: not even the head), then wait for the client to go."""
    trickle: float = 0.0
    """Seconds between pieces of the answer; the body goes out `trickle_bytes` at a time."""
    trickle_bytes: int = 16
    close: bool = False
    """Close the connection after answering (``Connection: close``)."""

    @classmethod
    def json(
        cls, payload: object, *, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> Step:
        """A JSON answer."""
        return cls(
            status=status,
            headers=(("Content-Type", "application/json"), *(headers or {}).items()),
            body=json.dumps(payload).encode(),
        )

    @classmethod
    def raw(cls, body: bytes, *, status: int = 200, content_type: str = "application/json") -> Step:
        """An answer with exactly these body bytes."""
        return cls(status=status, headers=(("Content-Type", content_type),), body=body)

    @classmethod
    def events(cls, chunks: Iterable[bytes], **changes: object) -> Step:
        """A ``text/event-stream`` answer in chunked encoding, one chunk per item."""
        step = cls(headers=(("Content-Type", "text/event-stream"),), chunks=tuple(chunks))
        return attrs.evolve(step, **changes)  # type: ignore[arg-type]

    @classmethod
    def reset(cls) -> Step:
        """Reset the connection instead of answering."""
        return cls(reset_before_response=True)

    @classmethod
    def stall(cls) -> Step:
        """Read the request and never answer."""
        return cls(stall_after_chunks=0)


@attrs.frozen(kw_only=True)
class Received:
    """A request as the server read it."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    complete: bool
    """Whether the whole body was read (False when the step reset the upload)."""


class _Reset(Exception):
    """The step ends the connection abruptly."""


class LoopbackServer:
    """The server; see the module docstring. `base_url` ends in ``/v1``."""

    def __init__(self, *, max_connections: int = 64, io_timeout: float = 10.0) -> None:
        self.default = Step.json({"created": 0, "data": []})
        self.max_connections = max_connections
        self.io_timeout = io_timeout
        self.requests: list[Received] = []
        self.accepted = 0
        self._steps: collections.deque[Step] = collections.deque()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        """Notified when a step is taken or a connection ends."""
        self._stop = threading.Event()
        self._slots = threading.BoundedSemaphore(max_connections)
        self._open: dict[threading.Thread, socket.socket] = {}
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and start accepting."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(128)
        listener.settimeout(0.05)
        self._listener = listener
        self._acceptor = threading.Thread(target=self._accept_loop, name="loopback-accept")
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Stop accepting, close every connection and join every thread."""
        self._stop.set()
        if self._acceptor is not None:
            self._acceptor.join(5)
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            workers = dict(self._open)
        for conn in workers.values():
            _shutdown(conn)
        for thread in workers:
            thread.join(5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The port it listens on."""
        assert self._listener is not None, "the server is not started"
        return int(self._listener.getsockname()[1])

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting and inspection ------------------------------------------------------------

    def script(self, *steps: Step) -> None:
        """Queue steps for the next requests, in order."""
        with self._lock:
            self._steps.extend(steps)

    def clear(self) -> None:
        """Forget queued steps and recorded requests."""
        with self._lock:
            self._steps.clear()
            self.requests.clear()

    @property
    def pending(self) -> int:
        """Scripted steps not yet used."""
        with self._lock:
            return len(self._steps)

    @property
    def open_connections(self) -> int:
        """Connections the server holds open now."""
        with self._lock:
            return len(self._open)

    def wait_connections(self, at_most: int, *, within: float = 5.0) -> int:
        """Wait (bounded) until at most `at_most` connections are open; the count then."""
        with self._changed:
            self._changed.wait_for(lambda: len(self._open) <= at_most, timeout=within)
            return len(self._open)

    def wait_claimed(self, *, within: float = 5.0) -> bool:
        """Wait (bounded) until a request has taken every scripted step; whether one has.

        Steps go to requests in the order the server reads them, so a test that gives up on
        a request early (a client-side timeout) waits here before the next request, which
        could otherwise reach the server first on a new connection and take the old step.
        """
        with self._changed:
            return self._changed.wait_for(lambda: not self._steps, timeout=within)

    # -- serving -------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            if not self._slots.acquire(timeout=0.05):
                continue
            try:
                conn, _ = self._listener.accept()
            except (TimeoutError, OSError):
                self._slots.release()
                continue
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            thread = threading.Thread(target=self._serve, args=(conn,), name="loopback-conn")
            with self._lock:
                self.accepted += 1
                self._open[thread] = conn
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(self.io_timeout)
        buffer = bytearray()
        try:
            while not self._stop.is_set():
                head = _read_head(conn, buffer)
                if head is None:
                    return
                method, path, headers = head
                with self._changed:
                    step = self._steps.popleft() if self._steps else self.default
                    self._changed.notify_all()
                body, complete = _read_body(conn, buffer, headers, step.reset_after_request_bytes)
                with self._lock:
                    self.requests.append(
                        Received(
                            method=method, path=path, headers=headers, body=body, complete=complete
                        )
                    )
                if not complete or step.reset_before_response:
                    raise _Reset
                self._answer(conn, step)
                if step.close or headers.get("connection", "").lower() == "close":
                    return
        except _Reset:
            _reset(conn)
        except OSError:
            pass  # the client went away or the server is stopping
        finally:
            conn.close()
            with self._changed:
                self._open.pop(threading.current_thread(), None)
                self._changed.notify_all()
            self._slots.release()

    def _answer(self, conn: socket.socket, step: Step) -> None:
        reason = _REASONS.get(step.status, "Status")
        lines = [f"HTTP/1.1 {step.status} {reason}", *(f"{k}: {v}" for k, v in step.headers)]
        if step.chunks is not None:
            lines.append("Transfer-Encoding: chunked")
            pieces = [b"%x\r\n%s\r\n" % (len(c), c) for c in step.chunks if c]
            tail = b"0\r\n\r\n"
        else:
            lines.append(f"Content-Length: {len(step.body)}")
            pieces = [step.body] if step.body else []
            tail = b""
        if step.close:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if step.stall_after_chunks == 0:
            self._stall(conn)
        if step.trickle:
            self._trickle(conn, head + b"".join(pieces) + tail, step)
            return
        conn.sendall(head)
        for index, piece in enumerate(pieces):
            if step.reset_after_chunks == index:
                raise _Reset
            if step.stall_after_chunks == index:
                self._stall(conn)
            conn.sendall(piece)
        if step.reset_after_chunks is not None:
            raise _Reset
        if step.stall_after_chunks is not None:
            self._stall(conn)
        conn.sendall(tail)

    def _trickle(self, conn: socket.socket, data: bytes, step: Step) -> None:
        for start in range(0, len(data), step.trickle_bytes):
            if self._stop.wait(step.trickle):
                raise OSError("stopping")
            conn.sendall(data[start : start + step.trickle_bytes])

    def _stall(self, conn: socket.socket) -> None:
        """Wait until the client closes the connection (or the server stops); then end."""
        conn.settimeout(0.05)
        deadline = time.monotonic() + self.io_timeout
        while not self._stop.is_set() and time.monotonic() < deadline:
            try:
                if not conn.recv(65536):
                    break
            except TimeoutError:
                continue
        raise OSError("stalled until the client left")


def _read_head(conn: socket.socket, buffer: bytearray) -> tuple[str, str, dict[str, str]] | None:
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > _MAX_HEAD:
            raise OSError("request head too large")
        data = conn.recv(65536)
        if not data:
            return None
        buffer += data
    end = buffer.index(b"\r\n\r\n")
    lines = bytes(buffer[:end]).decode("latin-1").split("\r\n")
    del buffer[: end + 4]
    method, path, _ = lines[0].split(" ", 2)
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, path, headers


def _fill(conn: socket.socket, buffer: bytearray, want: int = 65536) -> None:
    data = conn.recv(min(max(65536, want), 1 << 20))
    if not data:
        raise OSError("the client closed mid-request")
    buffer += data


def _take(conn: socket.socket, buffer: bytearray, count: int) -> bytes:
    while len(buffer) < count:
        _fill(conn, buffer, count - len(buffer))
    out = bytes(buffer[:count])
    del buffer[:count]
    return out


def _read_body(
    conn: socket.socket, buffer: bytearray, headers: Mapping[str, str], limit: int | None
) -> tuple[bytes, bool]:
    """The request body; with `limit`, at most that many bytes and False (cut short)."""
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            while b"\r\n" not in buffer:
                _fill(conn, buffer)
            end = buffer.index(b"\r\n")
            size = int(bytes(buffer[:end]).split(b";")[0], 16)
            del buffer[: end + 2]
            if limit is not None and len(body) + size >= limit:
                return bytes(body) + _take(conn, buffer, limit - len(body)), False
            body += _take(conn, buffer, size + 2)[:size]
            if size == 0:
                return bytes(body), True
    length = int(headers.get("content-length", "0"))
    if limit is not None and limit < length:
        return _take(conn, buffer, limit), False
    return _take(conn, buffer, length), True


def _reset(conn: socket.socket) -> None:
    """Set SO_LINGER 0, so that closing sends a TCP reset, not an orderly end."""
    with contextlib.suppress(OSError):
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _shutdown(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)
