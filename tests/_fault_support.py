"""What the fault-matrix tests share: canned bodies, stream events, pool and error checks."""

from __future__ import annotations

import base64
import json
import random
import struct
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from _loopback import LoopbackServer, Step, sse
from conftest import Driver

from openai_images_sdk import APIError

IMAGE = b"\x89PNG\r\n\x1a\n" + b"fault-matrix" * 4
RESULT = {"created": 1_700_000_000, "data": [{"b64_json": base64.b64encode(IMAGE).decode()}]}
PROMPT = {"prompt": "a red fox in the snow", "model": "gpt-image-1.5"}
COMMON = {"created_at": 1, "size": "1024x1024", "quality": "low", "background": "opaque"}
USAGE = {
    "input_tokens": 5,
    "output_tokens": 7,
    "total_tokens": 12,
    "input_tokens_details": {"text_tokens": 5, "image_tokens": 0},
}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def partial(index: int, prefix: str = "image_generation") -> dict[str, object]:
    return {
        "type": f"{prefix}.partial_image",
        "b64_json": b64(IMAGE + bytes([index])),
        "partial_image_index": index,
        "output_format": "png",
        **COMMON,
    }


def completed(prefix: str = "image_generation") -> dict[str, object]:
    body = {"type": f"{prefix}.completed", "b64_json": b64(IMAGE), "output_format": "png"}
    return {**body, **COMMON, "usage": USAGE}


STREAM = sse(partial(0), partial(1), completed())
"""Two partial images and the completed event, one SSE event per item."""


def error_body(message: str, code: str | None = None, kind: str = "server_error") -> bytes:
    return json.dumps({"error": {"message": message, "type": kind, "code": code}}).encode()


def status(code: int, message: str, **headers: str) -> Step:
    body = error_body(message, "rate_limit_exceeded" if code == 429 else None)
    return Step(
        status=code, headers=(("Content-Type", "application/json"), *headers.items()), body=body
    )


def noise_png(width: int, height: int, seed: int) -> bytes:
    """A valid RGB PNG of random pixels (it does not compress, so it is about w*h*3 bytes)."""
    noise = random.Random(seed).randbytes
    rows = b"".join(b"\0" + noise(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(rows, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def pool(client: Any) -> list[Any]:
    """The open connections of a client's httpcore pool."""
    return [c for c in client._http_client._transport._pool.connections if not c.is_closed()]


async def released(driver: Driver, client: Any, server: LoopbackServer) -> None:
    """Nothing is in use: pooled connections are idle, the server holds no others; then close."""
    connections = pool(client)
    assert all(c.is_idle() for c in connections), connections
    assert len(connections) <= 1, connections
    assert server.wait_connections(len(connections)) <= len(connections)
    await driver.close(client)
    assert server.wait_connections(0) == 0


async def drain(driver: Driver, stream: Any) -> tuple[list[Any], BaseException | None]:
    """The events a stream yields before it ends, and the error it ends with (or None)."""
    events: list[Any] = []
    try:
        async with driver.enter(stream):
            if driver.is_async:
                async for event in stream:
                    events.append(event)
            else:
                events.extend(stream)
    except APIError as error:
        return events, error
    return events, None


async def expect_error(driver: Driver, call: Callable[[], Any], kind: type[APIError]) -> Any:
    with pytest.raises(kind) as caught:
        await driver.run(call())
    assert type(caught.value) is kind
    return caught.value
