"""Uploads through the real clients against a loopback server that drops the first attempt."""

from __future__ import annotations

import io
import json
import pathlib
import socket
import struct
import threading
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from _upload_ops import Unseekable, parse_multipart, png

RESPONSE = json.dumps({"created": 7, "data": [{"b64_json": "aGk="}]}).encode()


@attrs.define
class Attempt:
    headers: dict[str, str]
    body: bytes
    complete: bool


@attrs.define
class LoopbackServer:
    """Answers edits on 127.0.0.1; with `drop_first`, resets the first one mid-body."""

    sock: socket.socket
    drop_first: bool
    attempts: list[Attempt] = attrs.field(factory=list[Attempt])
    stop: threading.Event = attrs.field(factory=threading.Event)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"

    def serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(10)
                self._handle(conn)

    def _handle(self, conn: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            data = conn.recv(65536)
            if not data:
                return
            head += data
        raw_headers, _, body = head.partition(b"\r\n\r\n")
        lines = raw_headers.decode("latin-1").split("\r\n")[1:]
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)
        }
        length = int(headers["content-length"])
        drop = self.drop_first and not self.attempts
        wanted = length // 3 if drop else length
        while len(body) < wanted:
            data = conn.recv(min(1 << 20, wanted - len(body)))
            if not data:
                break
            body += data
        self.attempts.append(Attempt(headers=headers, body=body, complete=len(body) == length))
        if drop:
            # Reset the connection mid-body (SO_LINGER 0 sends RST, not a clean close).
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(RESPONSE)}\r\n\r\n".encode()
            + RESPONSE
        )


@pytest.fixture
def server_factory() -> Iterator[Any]:
    started: list[tuple[LoopbackServer, threading.Thread]] = []

    def start(*, drop_first: bool) -> LoopbackServer:
        server = LoopbackServer(sock=socket.create_server(("127.0.0.1", 0)), drop_first=drop_first)
        thread = threading.Thread(target=server.serve, daemon=True)
        thread.start()
        started.append((server, thread))
        return server

    yield start
    for server, thread in started:
        server.stop.set()
        thread.join(timeout=10)
        server.sock.close()


def _inputs(tmp_path: pathlib.Path) -> tuple[list[Any], list[bytes], bytes]:
    """16 images of every kind of source (paths, a seekable object mid-file, a stream)."""
    contents = [png(64, 48, "RGB") + bytes([i]) * 200_000 for i in range(16)]
    images: list[Any] = []
    for i, content in enumerate(contents[:14]):
        path = tmp_path / f"image{i:02}.png"
        path.write_bytes(content)
        images.append(path)
    mid = io.BytesIO(b"IGNORED PREFIX" + contents[14])
    mid.seek(len(b"IGNORED PREFIX"))
    images.append(("from-object.png", mid))
    images.append(Unseekable(contents[15]))
    return images, contents, png(64, 48, "RGBA")


@pytest.mark.anyio
async def test_retry_resends_every_file_from_byte_zero(
    driver: Any, server_factory: Any, retry_sleeps: list[float], tmp_path: pathlib.Path
) -> None:
    server = server_factory(drop_first=True)
    images, contents, mask = _inputs(tmp_path)
    client = driver.client(base_url=server.base_url, max_retries=2)
    try:
        result = await driver.run(
            client.images.edit(
                image=images, mask=("mask.png", mask), prompt="edit", model="gpt-image-1.5"
            )
        )
    finally:
        await driver.close(client)
    assert result.created == 7
    assert len(retry_sleeps) == 1  # one retry after the reset
    first, second = server.attempts
    assert not first.complete
    assert second.complete
    assert second.headers["content-length"] == str(len(second.body))
    assert first.body == second.body[: len(first.body)]
    parts = parse_multipart(second.body, second.headers["content-type"])
    files = [p for p in parts if p.filename]
    assert [p.name for p in files] == ["image[]"] * 16 + ["mask"]
    assert [p.data for p in files] == [*contents, mask]
    assert [p.content_type for p in files] == ["image/png"] * 17
    assert {p.name: p.data for p in parts if not p.filename} == {
        "prompt": b"edit",
        "model": b"gpt-image-1.5",
    }


@pytest.mark.anyio
async def test_bad_files_send_nothing(
    driver: Any, server_factory: Any, tmp_path: pathlib.Path
) -> None:
    from openai_images_sdk._exceptions import ValidationError

    server = server_factory(drop_first=False)
    client = driver.client(base_url=server.base_url)
    text = tmp_path / "image.png"
    text.write_text("not an image")
    try:
        with pytest.raises(ValidationError) as caught:
            await driver.run(
                client.images.edit(image=[png()] * 16 + [text], mask=png(3, 3, "RGB"), prompt="p")
            )
    finally:
        await driver.close(client)
    assert set(caught.value.params) == {"image", "mask"}
    assert server.attempts == []


@pytest.mark.anyio
async def test_references_go_as_json(driver: Any, server_factory: Any) -> None:
    server = server_factory(drop_first=False)
    client = driver.client(base_url=server.base_url)
    try:
        await driver.run(
            client.images.edit(
                image=[{"file_id": "file-1"}, "https://example.com/a.png"], prompt="p"
            )
        )
    finally:
        await driver.close(client)
    (attempt,) = server.attempts
    assert attempt.headers["content-type"] == "application/json"
    assert json.loads(attempt.body) == {
        "images": [{"file_id": "file-1"}, {"image_url": "https://example.com/a.png"}],
        "prompt": "p",
    }
