"""Hand-built operation specs mirroring spec/openapi.yaml, for the upload layer's tests.

Kept independent of `_generated/` so the upload tests run before and without codegen.
"""

from __future__ import annotations

from openai_images_sdk._operation import BodyKind, FieldSpec, OperationSpec, ValueKind

BOTH: tuple[BodyKind, ...] = ("multipart", "json")
MULTIPART: tuple[BodyKind, ...] = ("multipart",)
JSON: tuple[BodyKind, ...] = ("json",)


def _field(
    name: str,
    bodies: tuple[BodyKind, ...],
    kinds: tuple[ValueKind, ...],
    *,
    python_name: str | None = None,
    required: bool = False,
    **extra: object,
) -> FieldSpec:
    return FieldSpec(
        name=name,
        python_name=python_name or name,
        bodies=bodies,
        required=required,
        kinds=kinds,
        **extra,  # type: ignore[arg-type]
    )


EDIT = OperationSpec(
    operation_id="createImageEdit",
    method_name="edit",
    http_method="POST",
    path="/images/edits",
    bodies=BOTH,
    fields=(
        _field(
            "image",
            MULTIPART,
            ("file", "array"),
            required=True,
            multipart_array_name="image[]",
            max_items=16,
            min_items=1,
        ),
        _field("images", JSON, ("array",), python_name="image", required=True, max_items=16),
        _field("prompt", BOTH, ("string",), required=True),
        _field("mask", BOTH, ("file", "object")),
        _field("markup", MULTIPART, ("file",)),
        _field("model", BOTH, ("string", "null")),
        _field("n", BOTH, ("integer", "null"), minimum=1, maximum=10),
        _field("quality", BOTH, ("string", "null")),
        _field("size", BOTH, ("string", "null")),
        _field("response_format", MULTIPART, ("string", "null")),
        _field("output_compression", BOTH, ("integer", "null")),
        _field("svg", BOTH, ("object", "null"), multipart_style="brackets"),
        _field("moderation", JSON, ("string", "null")),
        _field("stream", BOTH, ("boolean", "null")),
        _field("partial_images", BOTH, ("integer", "null")),
        _field("user", BOTH, ("string",)),
    ),
    response_type=dict,
    stream_event_type=None,
    capability_key="edit",
)

GENERATE = OperationSpec(
    operation_id="createImage",
    method_name="generate",
    http_method="POST",
    path="/images/generations",
    bodies=JSON,
    fields=(
        _field("prompt", JSON, ("string",), required=True),
        _field("model", JSON, ("string", "null")),
        _field("n", JSON, ("integer", "null")),
        _field("svg", JSON, ("object", "null"), multipart_style="brackets"),
        _field("stream", JSON, ("boolean", "null")),
        _field("quality", JSON, ("string", "null")),
    ),
    response_type=dict,
    stream_event_type=None,
    capability_key="generate",
)

VARIATION = OperationSpec(
    operation_id="createImageVariation",
    method_name="create_variation",
    http_method="POST",
    path="/images/variations",
    bodies=MULTIPART,
    fields=(
        _field("image", MULTIPART, ("file",), required=True),
        _field("model", MULTIPART, ("string", "null")),
        _field("n", MULTIPART, ("integer", "null")),
    ),
    response_type=dict,
    stream_event_type=None,
    capability_key="variation",
    deprecated=True,
)


# Images and an independent multipart reader for the upload tests.

import io  # noqa: E402
import struct  # noqa: E402
import zlib  # noqa: E402

import attrs  # noqa: E402


def pil_image(fmt: str, width: int, height: int, mode: str = "RGB", **save: object) -> bytes:
    """A real image file made by Pillow (a dev dependency)."""
    from PIL import Image

    colour = {"RGBA": (10, 20, 30, 128), "LA": (10, 128), "L": 77, "1": 1, "P": 3}.get(
        mode, (10, 20, 30)
    )
    image = Image.new(mode, (width, height), colour)  # type: ignore[arg-type]
    out = io.BytesIO()
    image.save(out, format=fmt, **save)
    return out.getvalue()


def png(width: int = 8, height: int = 6, mode: str = "RGBA") -> bytes:
    return pil_image("PNG", width, height, mode)


def jpeg(width: int = 8, height: int = 6) -> bytes:
    return pil_image("JPEG", width, height, "RGB")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header(
    width: int, height: int, colour_type: int = 6, *, trns: bool = False, before: bytes = b""
) -> bytes:
    """A minimal PNG written by hand: IHDR, optional chunks and tRNS, an IDAT, IEND."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    body = _chunk(b"IHDR", ihdr) + before
    if trns:
        body += _chunk(b"tRNS", b"\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + body + _chunk(b"IDAT", zlib.compress(b"")) + _chunk(b"IEND", b"")


@attrs.frozen
class ParsedPart:
    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def parse_multipart(body: bytes, content_type: str) -> list[ParsedPart]:
    """Read a multipart body with python-multipart's low-level parser (not our code)."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    kind, options = parse_options_header(content_type)
    assert kind == b"multipart/form-data"
    parts: list[ParsedPart] = []
    state: dict[str, object] = {}
    headers: dict[bytes, bytes] = {}
    field = bytearray()
    value = bytearray()
    data = bytearray()
    ended: list[bool] = []

    def on_part_begin() -> None:
        headers.clear()
        data.clear()

    def on_header_field(buf: bytes, start: int, end: int) -> None:
        field.extend(buf[start:end])

    def on_header_value(buf: bytes, start: int, end: int) -> None:
        value.extend(buf[start:end])

    def on_header_end() -> None:
        headers[bytes(field).lower()] = bytes(value)
        field.clear()
        value.clear()

    def on_part_data(buf: bytes, start: int, end: int) -> None:
        data.extend(buf[start:end])

    def on_part_end() -> None:
        _, disposition = parse_options_header(headers[b"content-disposition"])
        filename = disposition.get(b"filename")
        ctype = headers.get(b"content-type")
        parts.append(
            ParsedPart(
                name=disposition[b"name"].decode(),
                filename=None if filename is None else filename.decode(),
                content_type=None if ctype is None else ctype.decode(),
                data=bytes(data),
            )
        )

    def on_end() -> None:
        ended.append(True)

    parser = MultipartParser(
        options[b"boundary"],
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
            "on_end": on_end,
        },
        max_header_count=16,
    )
    # Feed in uneven pieces: the parser must find every boundary across feeds.
    for start in range(0, len(body), 7919):
        parser.write(body[start : start + 7919])
    parser.finalize()
    del state
    assert ended == [True], "the body did not end with the closing boundary"
    return parts


# One test body for sync and async iteration (with conftest's `driver` fixture).

from collections.abc import AsyncIterator, Callable, Iterator  # noqa: E402
from typing import Any  # noqa: E402


async def drain(
    driver: Any, sync: Callable[[], Iterator[bytes]], aio: Callable[[], AsyncIterator[bytes]]
) -> bytes:
    """All bytes of a fresh sync or async iterator, as the driver's kind asks."""
    chunks: list[bytes] = await driver.collect(aio() if driver.is_async else sync())
    return b"".join(chunks)


class Unseekable(io.RawIOBase):
    """A binary stream that cannot seek (a pipe, a socket, an HTTP response body)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self._data.read(min(len(buffer), 1000))
        buffer[: len(chunk)] = chunk
        return len(chunk)
