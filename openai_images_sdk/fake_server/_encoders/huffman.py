"""Huffman code lengths and canonical codes, shared by the JPEG and WEBP encoders."""

from __future__ import annotations

import heapq
from collections.abc import Mapping

__all__ = ["BitWriter", "canonical_codes", "code_lengths"]


def code_lengths(freqs: Mapping[int, int], limit: int) -> dict[int, int]:
    """Code length per symbol for a Huffman code no longer than `limit` bits.

    Symbols with a zero count get no code. At least two symbols always get one (a dummy
    is added next to a lone symbol), so the code is complete and every decoder accepts it.
    """
    counts = {symbol: count for symbol, count in freqs.items() if count > 0}
    if not counts:
        counts = {0: 1}
    if len(counts) == 1:
        (only,) = counts
        counts[0 if only != 0 else 1] = 1
    while True:
        lengths = _unlimited(counts)
        if max(lengths.values()) <= limit:
            return lengths
        # Flattening the distribution shortens the longest codes; repeat until they fit.
        counts = {symbol: (count + 1) // 2 for symbol, count in counts.items()}


def _unlimited(counts: Mapping[int, int]) -> dict[int, int]:
    heap: list[tuple[int, int, list[int]]] = [
        (count, symbol, [symbol]) for symbol, count in sorted(counts.items())
    ]
    heapq.heapify(heap)
    depth = dict.fromkeys(counts, 0)
    tiebreak = max(counts) + 1
    while len(heap) > 1:
        count_a, _, group_a = heapq.heappop(heap)
        count_b, _, group_b = heapq.heappop(heap)
        for symbol in group_a:
            depth[symbol] += 1
        for symbol in group_b:
            depth[symbol] += 1
        heapq.heappush(heap, (count_a + count_b, tiebreak, group_a + group_b))
        tiebreak += 1
    return depth


def canonical_codes(lengths: Mapping[int, int]) -> dict[int, tuple[int, int]]:
    """`symbol -> (code, length)` for canonical codes: shorter first, then by symbol."""
    codes: dict[int, tuple[int, int]] = {}
    code = 0
    previous = 0
    for symbol, length in sorted(lengths.items(), key=lambda item: (item[1], item[0])):
        if length == 0:
            continue
        code <<= length - previous
        codes[symbol] = (code, length)
        code += 1
        previous = length
    return codes


def reverse_bits(value: int, width: int) -> int:
    """`value`'s lowest `width` bits in reverse order."""
    result = 0
    for _ in range(width):
        result = (result << 1) | (value & 1)
        value >>= 1
    return result


class BitWriter:
    """Packs values least significant bit first (the WEBP and GIF bit order)."""

    def __init__(self) -> None:
        self._out = bytearray()
        self._acc = 0
        self._bits = 0

    def write(self, value: int, width: int) -> None:
        """Append the lowest `width` bits of `value`."""
        self._acc |= value << self._bits
        self._bits += width
        while self._bits >= 8:
            self._out.append(self._acc & 0xFF)
            self._acc >>= 8
            self._bits -= 8

    def write_code(self, code: tuple[int, int]) -> None:
        """Append a Huffman code, its first bit first."""
        value, width = code
        self.write(reverse_bits(value, width), width)

    def getvalue(self) -> bytes:
        """The bytes written so far, the last one padded with zero bits."""
        tail = bytes([self._acc]) if self._bits else b""
        return bytes(self._out) + tail
