"""A lossless WEBP (VP8L) encoder for diagonal gradients, in pure Python.

The picture is ``pixel(x, y) = line[x + y]``, so every row repeats the row above shifted by
one pixel: apart from the first row and the last pixel of each row, the image is one
LZ77 backward reference per row (distance ``width - 1``). No transforms, no colour cache,
one group of prefix codes.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Sequence

from .huffman import BitWriter, canonical_codes, code_lengths, reverse_bits

__all__ = ["encode_webp_diagonal"]

_CODE_LENGTH_ORDER = (17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
_MAX_COPY = 4096
_DISTANCE_OFFSET = 120  # distance codes 1..120 name 2D neighbours; plain distances follow
_ALPHABETS = (256 + 24, 256, 256, 256, 40)  # green+lengths, red, blue, alpha, distance

Pixel = tuple[int, int, int, int]  # (a, r, g, b)
_Code = dict[int, tuple[int, int]]


def _prefix(value: int) -> tuple[int, int, int]:
    """VP8L prefix coding of a length or distance: (prefix symbol, extra bit count, extra)."""
    if value <= 4:
        return value - 1, 0, 0
    v = value - 1
    high = v.bit_length() - 1
    second = (v >> (high - 1)) & 1
    extra = high - 1
    return 2 * high + second, extra, v & ((1 << extra) - 1)


def _write_prefix_code(out: BitWriter, counts: Counter[int], alphabet: int) -> _Code:
    """Write a normal prefix code for `counts` and return its reversed codes for writing."""
    lengths = code_lengths(counts, 15)
    per_symbol = [lengths.get(symbol, 0) for symbol in range(alphabet)]
    length_code = canonical_codes(code_lengths(Counter(per_symbol), 7))
    out.write(0, 1)  # a normal (not simple) code
    out.write(len(_CODE_LENGTH_ORDER) - 4, 4)
    for symbol in _CODE_LENGTH_ORDER:
        out.write(length_code[symbol][1] if symbol in length_code else 0, 3)
    out.write(0, 1)  # code lengths are given for the whole alphabet
    for length in per_symbol:
        out.write_code(length_code[length])
    return {
        symbol: (reverse_bits(code, width), width)
        for symbol, (code, width) in canonical_codes(lengths).items()
    }


def encode_webp_diagonal(
    width: int, height: int, line: Sequence[Pixel], *, has_alpha: bool = False
) -> bytes:
    """A lossless WEBP whose pixel (x, y) is ``line[x + y]`` (ARGB tuples)."""
    if not (0 < width <= 16384 and 0 < height <= 16384):
        raise ValueError(f"WEBP dimensions out of range: {width}x{height}")
    if len(line) < width + height - 1:
        raise ValueError("the gradient line is shorter than width + height - 1")

    # Tokens: ("lit", pixel) or ("copy", length, distance); distance w - 1 repeats the row above.
    literals: list[Pixel] = []
    tokens: list[tuple[int, int]] = []  # (length, 0) for a copy, (-1, index) for a literal
    for y in range(height):
        if y == 0 or width == 1:
            first, count = 0, width
        else:
            remaining = width - 1
            while remaining:
                length = min(remaining, _MAX_COPY)
                tokens.append((length, 0))
                remaining -= length
            first, count = width - 1, 1
        for x in range(first, first + count):
            tokens.append((-1, len(literals)))
            literals.append(line[x + y])

    distance = _prefix(width - 1 + _DISTANCE_OFFSET) if width > 1 else (0, 0, 0)
    counts = [Counter[int]() for _ in _ALPHABETS]
    for a, r, g, b in literals:
        counts[0][g] += 1
        counts[1][r] += 1
        counts[2][b] += 1
        counts[3][a] += 1
    for length, _ in tokens:
        if length > 0:
            counts[0][256 + _prefix(length)[0]] += 1
            counts[4][distance[0]] += 1

    out = BitWriter()
    out.write(0x2F, 8)
    out.write(width - 1, 14)
    out.write(height - 1, 14)
    out.write(int(has_alpha), 1)
    out.write(0, 3)  # version
    out.write(0, 1)  # no transform
    out.write(0, 1)  # no colour cache
    out.write(0, 1)  # a single group of prefix codes
    green, red, blue, alpha, dist = (
        _write_prefix_code(out, c, size) for c, size in zip(counts, _ALPHABETS, strict=True)
    )
    for length, index in tokens:
        if length < 0:
            a, r, g, b = literals[index]
            for code in (green[g], red[r], blue[b], alpha[a]):
                out.write(*code)
            continue
        symbol, extra, bits = _prefix(length)
        out.write(*green[256 + symbol])
        out.write(bits, extra)
        out.write(*dist[distance[0]])
        out.write(distance[2], distance[1])

    payload = out.getvalue()
    chunk = b"VP8L" + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) % 2)
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk
