"""An animated GIF encoder (LZW) in pure Python.

Every row is compressed on its own, starting with a clear code, so a row's codes depend
only on the row: rows that repeat (the fake server draws bands of constant colour) are
compressed once and their bit strings reused.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

__all__ = ["encode_gif"]

_MIN_CODE_SIZE = 8
_CLEAR = 1 << _MIN_CODE_SIZE
_END = _CLEAR + 1
_FIRST_FREE = _CLEAR + 2
_MAX_CODES = 4096


def _row_codes(row: bytes) -> tuple[list[tuple[int, int]], int]:
    """LZW codes `(code, width)` of one row after a clear code, and the width it ends at."""
    codes: list[tuple[int, int]] = []
    width = _MIN_CODE_SIZE + 1
    table: dict[tuple[int, int], int] = {}
    emitted = 0

    def emit(code: int) -> None:
        nonlocal width, emitted
        codes.append((code, width))
        emitted += 1
        # The decoder adds its entry one code late, so it widens after `emitted` codes
        # make the next free entry reach 2**width.
        if _FIRST_FREE + emitted - 1 >= (1 << width) and width < 12:
            width += 1

    current = row[0]
    for pixel in row[1:]:
        key = (current, pixel)
        found = table.get(key)
        if found is not None:
            current = found
            continue
        emit(current)
        free = _FIRST_FREE + len(table)
        if free < _MAX_CODES:
            table[key] = free
        else:
            codes.append((_CLEAR, width))
            width, emitted = _MIN_CODE_SIZE + 1, 0
            table.clear()
        current = pixel
    emit(current)
    return codes, width


def _bits(codes: Sequence[tuple[int, int]]) -> str:
    """Codes as one binary string, last code first (so int(s, 2) packs them LSB first)."""
    return "".join(format(code, f"0{width}b") for code, width in reversed(codes))


def _frame_data(rows: Sequence[bytes], cache: dict[bytes, tuple[str, int]]) -> bytes:
    blocks: list[str] = []
    width = _MIN_CODE_SIZE + 1
    for row in rows:
        blocks.append(format(_CLEAR, f"0{width}b"))
        cached = cache.get(row)
        if cached is None:
            codes, end = _row_codes(row)
            cached = cache[row] = (_bits(codes), end)
        blocks.append(cached[0])
        width = cached[1]
    blocks.append(format(_END, f"0{width}b"))
    stream = "".join(reversed(blocks))
    data = int(stream, 2).to_bytes(-(-len(stream) // 8), "little")
    chunks = [data[i : i + 255] for i in range(0, len(data), 255)]
    return bytes([_MIN_CODE_SIZE]) + b"".join(bytes([len(c)]) + c for c in chunks) + b"\x00"


def encode_gif(
    width: int,
    height: int,
    palette: Sequence[tuple[int, int, int]],
    frames: Sequence[Sequence[bytes]],
    *,
    delay_ms: int = 200,
) -> bytes:
    """An animated GIF, looping forever; each frame is `height` rows of palette indices.

    `delay_ms` is rounded to the GIF's 10 ms unit.
    """
    if not (0 < width < 65536 and 0 < height < 65536):
        raise ValueError(f"GIF dimensions out of range: {width}x{height}")
    if not frames or any(len(rows) != height for rows in frames):
        raise ValueError("every frame needs exactly `height` rows")
    if any(len(row) != width for rows in frames for row in rows):
        raise ValueError("every row needs exactly `width` indices")
    colours = list(palette)[:256]
    colours += [(0, 0, 0)] * (256 - len(colours))
    table = b"".join(bytes(colour) for colour in colours)
    delay = max(0, round(delay_ms / 10))
    out = [
        b"GIF89a",
        struct.pack("<HHBBB", width, height, 0xF7, 0, 0),
        table,
        b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00",  # loop forever
    ]
    cache: dict[bytes, tuple[str, int]] = {}
    for rows in frames:
        out.append(struct.pack("<BBBBHBB", 0x21, 0xF9, 4, 0x04, delay, 0, 0))
        out.append(struct.pack("<BHHHHB", 0x2C, 0, 0, width, height, 0))
        out.append(_frame_data(rows, cache))
    out.append(b"\x3b")
    return b"".join(out)
