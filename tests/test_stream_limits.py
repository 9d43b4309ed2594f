"""The cap on one server-sent event: a line that never ends is refused, typed, and closed.

A loopback server answers a stream request with ``data: xxxx...`` and never sends a line
break; the client must raise `StreamEventTooLargeError` (naming the limit and the option)
once the line passes ``max_stream_event_bytes``, and close the connection, which the
server sees as a failed send.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any, Final

import pytest
from conftest import Driver

from openai_images_sdk._exceptions import APIResponseValidationError, StreamEventTooLargeError
from openai_images_sdk._sse import DEFAULT_MAX_EVENT_BYTES

pytestmark = pytest.mark.anyio

CHUNK: Final = b"x" * 4096


class EndlessLineServer:
    """Answers one request with an event stream whose first line never ends."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self.closed_by_client = threading.Event()
        self.sent = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        connection, _ = self._listener.accept()
        with connection:
            connection.settimeout(10)
            head = b""
            while b"\r\n\r\n" not in head:
                head += connection.recv(65536)
            connection.sendall(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                b"connection: close\r\n\r\ndata: "
            )
            try:
                while self.sent < 64 * 1024 * 1024:
                    connection.sendall(CHUNK)
                    self.sent += len(CHUNK)
            except OSError:
                self.closed_by_client.set()

    def stop(self) -> None:
        self._listener.close()
        self._thread.join(timeout=10)


@pytest.fixture
def endless() -> Iterator[EndlessLineServer]:
    server = EndlessLineServer()
    yield server
    server.stop()


async def test_a_never_ending_line_raises_a_typed_error_and_closes(
    driver: Driver, endless: EndlessLineServer
) -> None:
    limit = 64 * 1024
    client = driver.client(
        base_url=f"http://127.0.0.1:{endless.port}/v1", max_stream_event_bytes=limit
    )
    try:
        stream: Any = await driver.run(client.images.generate(prompt="a cat", stream=True))
        with pytest.raises(StreamEventTooLargeError) as caught:
            await driver.collect(stream)
    finally:
        await driver.close(client)
    error = caught.value
    assert isinstance(error, APIResponseValidationError)
    assert error.limit == limit
    assert "65,536 bytes" in error.message
    assert "max_stream_event_bytes" in error.message
    assert stream.response.is_closed
    assert endless.closed_by_client.wait(timeout=10)
    assert endless.sent < 16 * 1024 * 1024


async def test_the_cap_is_an_option(driver: Driver) -> None:
    client = driver.client()
    try:
        assert client.max_stream_event_bytes == DEFAULT_MAX_EVENT_BYTES == 64 * 1024 * 1024
        assert client.with_options(max_stream_event_bytes=None).max_stream_event_bytes is None
        assert client.with_options(max_stream_event_bytes=10).max_stream_event_bytes == 10
        with pytest.raises(ValueError, match="max_stream_event_bytes"):
            client.with_options(max_stream_event_bytes=0)
        with pytest.raises(ValueError, match="max_stream_event_bytes"):
            driver.client(max_stream_event_bytes=-1)
    finally:
        await driver.close(client)
