"""A PNG encoder (8-bit RGB or RGBA, zlib) in pure Python."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

__all__ = ["encode_png", "png_file"]


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_file(width: int, height: int, *, alpha: bool, filtered: bytes, level: int) -> bytes:
    """A PNG from already filtered scanlines (each led by its filter-type byte)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(filtered, level))
        + _chunk(b"IEND", b"")
    )


def encode_png(width: int, height: int, rows: Sequence[bytes], *, alpha: bool = False) -> bytes:
    """A PNG (8-bit RGB, or RGBA when `alpha`) from raw rows of pixels."""
    filtered = b"".join(b"\x00" + row for row in rows)
    return png_file(width, height, alpha=alpha, filtered=filtered, level=6)
