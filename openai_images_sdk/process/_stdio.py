"""Bytes in from stdin and out to stdout/stderr, for the async engine.

`PipeReader` reads in a daemon thread, one chunk per `read` call (never ahead of
demand), so a read blocked on a quiet pipe can be abandoned at shutdown without keeping
the interpreter alive. `StdioSink` writes every frame and failure line whole, under one
lock, in a worker thread: a large image is never interleaved with another write, and a
slow reader on the other end holds back the writer, not the event loop.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from typing import Final, Protocol

import anyio
import anyio.from_thread
import anyio.lowlevel
import anyio.to_thread

__all__ = ["CHUNK_SIZE", "ByteSource", "PipeReader", "ReplySink", "StdioSink", "write_all"]

CHUNK_SIZE: Final = 64 * 1024


class ByteSource(Protocol):
    """Where messages come from: `read` returns the next bytes, b"" at the end."""

    async def read(self) -> bytes:
        """The next chunk of the stream (b"" once it has ended)."""
        ...


class ReplySink(Protocol):
    """Where replies and failure lines go; each call writes its bytes whole."""

    async def reply(self, frame: bytes) -> None:
        """Write one framed reply."""
        ...

    async def fail(self, line: bytes) -> None:
        """Write one failure line."""
        ...


class PipeReader:
    """`ByteSource` over a file descriptor, read in a daemon thread on demand."""

    def __init__(self, fd: int, *, chunk_size: int = CHUNK_SIZE) -> None:
        self.fd = fd
        self.chunk_size = chunk_size
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        while True:
            self._jobs.get()()

    async def read(self) -> bytes:
        """The next chunk; b"" at the end of the stream (or when the read fails)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="stdin reader", daemon=True)
            self._thread.start()
        token = anyio.lowlevel.current_token()
        done = anyio.Event()
        box: list[bytes] = []

        def deliver(data: bytes) -> None:
            box.append(data)
            done.set()

        def job() -> None:
            try:
                data = os.read(self.fd, self.chunk_size)
            except OSError:
                data = b""
            try:
                anyio.from_thread.run_sync(deliver, data, token=token)
            except Exception:  # the event loop has finished: nobody waits for this chunk
                return

        self._jobs.put(job)
        await done.wait()
        return box[0]


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd` (blocking), however many writes it takes."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class StdioSink:
    """`ReplySink` writing frames to `out_fd` and failure lines to `err_fd`, one at a time."""

    def __init__(self, out_fd: int = 1, err_fd: int = 2) -> None:
        self.out_fd = out_fd
        self.err_fd = err_fd
        self._lock = threading.Lock()

    def _write(self, fd: int, data: bytes) -> None:
        with self._lock:
            write_all(fd, data)

    async def reply(self, frame: bytes) -> None:
        """Write one framed reply to stdout."""
        await anyio.to_thread.run_sync(self._write, self.out_fd, frame)

    async def fail(self, line: bytes) -> None:
        """Write one failure line to stderr."""
        await anyio.to_thread.run_sync(self._write, self.err_fd, line)
