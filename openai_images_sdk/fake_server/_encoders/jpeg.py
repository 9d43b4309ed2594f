"""A baseline JPEG encoder for linear gradients, in pure Python.

The fake server's images are diagonal gradients: each colour channel is
``base + slope * (x + y)``. For such a picture the discrete cosine transform of every 8x8
block has the same AC coefficients (only the first row and column are non-zero) and a DC
coefficient that depends on ``bx + by`` alone, so the whole image costs a handful of
transforms and one Huffman-coded string per block diagonal, fast even at 3840x2160.
The Huffman tables are built from the image's own symbol counts (an "optimised" JPEG).
"""

from __future__ import annotations

import math
import struct
from collections import Counter
from collections.abc import Sequence

from .huffman import canonical_codes, code_lengths

__all__ = ["encode_jpeg_gradient"]

_ZIGZAG: list[tuple[int, int]] = sorted(
    ((row, col) for row in range(8) for col in range(8)),
    key=lambda rc: (rc[0] + rc[1], rc[0] if (rc[0] + rc[1]) % 2 else -rc[0]),
)
# Sum over x of x * cos((2x + 1) u pi / 16): the transform of a unit ramp, frequency u.
_RAMP = [sum(x * math.cos((2 * x + 1) * u * math.pi / 16) for x in range(8)) for u in range(8)]
_PSEUDO = 256  # reserves the all-ones code, which JPEG forbids


def _ycbcr(rgb: Sequence[float]) -> tuple[float, float, float]:
    r, g, b = rgb
    return (
        0.299 * r + 0.587 * g + 0.114 * b,
        -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
        0.5 * r - 0.418688 * g - 0.081312 * b + 128,
    )


def _quant_table(base: int, step: int, compression: int) -> list[int]:
    """Quantiser steps in zigzag order; compression 100 keeps every coefficient exact."""
    scale = (101 - max(0, min(100, compression))) / 25
    return [max(1, min(255, round((base + step * (r + c)) * scale))) for r, c in _ZIGZAG]


def _category(value: int) -> tuple[int, str]:
    """The size category of a coefficient and its extra bits, as JPEG codes them."""
    size = abs(value).bit_length()
    if size == 0:
        return 0, ""
    bits = value if value > 0 else value + (1 << size) - 1
    return size, format(bits, f"0{size}b")


def _ac_symbols(coefficients: Sequence[int]) -> list[tuple[int, str]]:
    """Run-length symbols (with their extra bits) of AC coefficients 1..63 in zigzag order."""
    symbols: list[tuple[int, str]] = []
    run = 0
    last = max((k for k in range(1, 64) if coefficients[k]), default=0)
    for k in range(1, last + 1):
        value = coefficients[k]
        if value == 0:
            run += 1
            continue
        while run > 15:
            symbols.append((0xF0, ""))
            run -= 16
        size, bits = _category(value)
        symbols.append(((run << 4) | size, bits))
        run = 0
    if last < 63:
        symbols.append((0x00, ""))
    return symbols


def _table(counts: Counter[int]) -> tuple[dict[int, str], bytes]:
    """Bit strings per symbol and the DHT payload (counts per length, then symbols)."""
    freqs = dict(counts)
    freqs[_PSEUDO] = 1
    lengths = code_lengths(freqs, 16)
    del lengths[_PSEUDO]
    codes = canonical_codes(lengths)
    bits_per_length = [0] * 16
    order = sorted(codes, key=lambda s: (codes[s][1], s))
    for symbol in order:
        bits_per_length[codes[symbol][1] - 1] += 1
    strings = {s: format(code, f"0{length}b") for s, (code, length) in codes.items()}
    return strings, bytes(bits_per_length) + bytes(order)


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def encode_jpeg_gradient(
    width: int,
    height: int,
    start: Sequence[float],
    end: Sequence[float],
    *,
    compression: int = 100,
) -> bytes:
    """A baseline JPEG of the gradient from `start` (top left) to `end` (bottom right)."""
    if not (0 < width < 65536 and 0 < height < 65536):
        raise ValueError(f"JPEG dimensions out of range: {width}x{height}")
    span = max(1, width + height - 2)
    cols, rows = -(-width // 8), -(-height // 8)
    diagonals = cols + rows - 1
    tables = [_quant_table(4, 3, compression), _quant_table(6, 4, compression)]
    a, b = _ycbcr(start), _ycbcr(end)

    dc_by_diagonal: list[list[int]] = []
    ac: list[list[tuple[int, str]]] = []
    for comp in range(3):
        quant = tables[0 if comp == 0 else 1]
        slope = (b[comp] - a[comp]) / span
        # Block (bx, by) has its centre at x + y = 8 * (bx + by) + 7.
        dc_by_diagonal.append(
            [round(8 * (a[comp] + slope * (8 * s + 7) - 128) / quant[0]) for s in range(diagonals)]
        )
        coefficients = [0] * 64
        for k, (row, col) in enumerate(_ZIGZAG):
            if k and (row == 0 or col == 0):
                coefficients[k] = round(math.sqrt(2) * slope * _RAMP[row + col] / quant[k])
        ac.append(_ac_symbols(coefficients))

    # DC differences: along a block row the diagonal index grows by one; a row starts from
    # the last block of the row above (prediction runs on through the scan).
    def diff(comp: int, s: int, by: int, bx: int) -> int:
        dcs = dc_by_diagonal[comp]
        if bx:
            return dcs[s] - dcs[s - 1]
        return dcs[s] - (dcs[by - 1 + cols - 1] if by else 0)

    dc_counts = [Counter[int](), Counter[int]()]
    ac_counts = [Counter[int](), Counter[int]()]
    # A block row starts with its own cell; interior blocks share a cell per diagonal.
    usage: Counter[tuple[int, int, int]] = Counter()
    for by in range(rows):
        usage[(by, by, 0)] += 1
        for bx in range(1, cols):
            usage[(by + bx, 0, 1)] += 1
    for cell, times in usage.items():
        s, by, bx = cell
        for comp in range(3):
            dc_counts[comp > 0][_category(diff(comp, s, by, bx))[0]] += times
    for comp in range(3):
        for symbol, _ in ac[comp]:
            ac_counts[comp > 0][symbol] += cols * rows

    dc_tables = [_table(counts) for counts in dc_counts]
    ac_tables = [_table(counts) for counts in ac_counts]
    ac_strings = [
        "".join(ac_tables[comp > 0][0][sym] + bits for sym, bits in ac[comp]) for comp in range(3)
    ]

    def mcu(cell: tuple[int, int, int]) -> str:
        parts: list[str] = []
        for comp in range(3):
            size, bits = _category(diff(comp, *cell))
            parts.append(dc_tables[comp > 0][0][size] + bits + ac_strings[comp])
        return "".join(parts)

    strings = {cell: mcu(cell) for cell in usage}
    scan = "".join(
        strings[(by, by, 0)] + "".join(strings[(by + bx, 0, 1)] for bx in range(1, cols))
        for by in range(rows)
    )
    scan += "1" * (-len(scan) % 8)
    entropy = int(scan, 2).to_bytes(len(scan) // 8, "big").replace(b"\xff", b"\xff\x00")

    header = [
        b"\xff\xd8",
        _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
        _segment(0xDB, b"\x00" + bytes(tables[0]) + b"\x01" + bytes(tables[1])),
        _segment(
            0xC0,
            struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x11\x00\x02\x11\x01\x03\x11\x01",
        ),
        _segment(
            0xC4,
            b"\x00"
            + dc_tables[0][1]
            + b"\x10"
            + ac_tables[0][1]
            + b"\x01"
            + dc_tables[1][1]
            + b"\x11"
            + ac_tables[1][1],
        ),
        _segment(0xDA, b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"),
    ]
    return b"".join(header) + entropy + b"\xff\xd9"
