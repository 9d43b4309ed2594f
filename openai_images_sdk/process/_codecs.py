"""Message framing on a byte stream: ``lines``, ``length_prefixed_uint32_be``, ``netstring``.

The codecs of Redpanda Connect's ``subprocess`` processor (``codec_send`` /
``codec_recv``), plus ``raw`` (the whole stream is one message) for one-off runs. No I/O:
a `Decoder` is fed bytes and hands out one message at a time, so its caller decides how
far to read ahead; an encoder turns one payload into one frame.

- ``lines``: a message ends at ``\\n`` (a ``\\r`` before it is dropped); an empty line is
  an empty message; the last line may lack its ``\\n``.
- ``length_prefixed_uint32_be``: 4 bytes of big-endian length, then that many bytes.
- ``netstring``: ``<decimal length>:<bytes>,`` (no leading zeros, no sign, no spaces).
- ``raw``: all bytes up to the end of the stream, one message.

A message longer than the decoder's `max_size` is not kept: its bytes are skipped and
`next_message` returns a `TooLarge` in its place, so one oversized message fails alone.
Bytes that break the framing itself (a netstring without its comma, a stream that ends
inside a frame) raise `FramingError`: after that the stream cannot be re-synchronised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, Protocol, TypeAlias

import attrs

__all__ = [
    "CODECS",
    "DEFAULT_MAX_SIZE",
    "Codec",
    "Decoder",
    "FramingError",
    "TooLarge",
    "decoder_for",
    "encode",
]

Codec: TypeAlias = Literal["lines", "length_prefixed_uint32_be", "netstring", "raw"]
CODECS: Final[tuple[Codec, ...]] = ("lines", "length_prefixed_uint32_be", "netstring", "raw")
DEFAULT_MAX_SIZE: Final = 16 * 1024 * 1024
"""The largest message a decoder keeps by default (16 MiB)."""
_MAX_UINT32: Final = 2**32 - 1
_MAX_DIGITS: Final = 20  # a netstring length longer than this is not a length


class FramingError(ValueError):
    """The bytes do not follow the codec's framing; the stream cannot go on."""


@attrs.frozen
class TooLarge:
    """A message over the size limit, skipped; `size` is its length, or at least that."""

    size: int
    limit: int
    exact: bool = True
    """False when only a lower bound is known (a line still without its end)."""

    def __str__(self) -> str:
        size = f"{self.size}" if self.exact else f"more than {self.limit}"
        return f"the message has {size} bytes, over the limit of {self.limit}"


class Decoder(Protocol):
    """An incremental decoder: `feed` bytes, take messages with `next_message`."""

    def feed(self, data: bytes) -> None:
        """Add bytes read from the stream."""
        ...

    def next_message(self) -> bytes | TooLarge | None:
        """The next whole message, or None until more bytes are fed."""
        ...

    def finish(self) -> bytes | TooLarge | None:
        """The stream has ended: its last message, if any; raises `FramingError` when the
        stream stopped inside a frame. Call it once `next_message` returns None."""
        ...


class _Buffer:
    """Bytes fed and not yet consumed (consumed bytes are dropped in bulk, not per message)."""

    def __init__(self, max_size: int) -> None:
        if max_size < 0:
            raise ValueError(f"max_size must be 0 or more, got {max_size}")
        self.max_size = max_size
        self.data = bytearray()
        self.pos = 0
        self.offset = 0
        """Stream position of ``data[0]`` (for error messages)."""
        self.skip = 0
        """Bytes of an oversized message still to drop as they arrive."""

    def feed(self, data: bytes) -> None:
        if self.skip:
            dropped = min(self.skip, len(data))
            self.skip -= dropped
            self.offset += dropped
            data = data[dropped:]
        if self.pos and self.pos >= len(self.data) // 2:
            del self.data[: self.pos]
            self.offset += self.pos
            self.pos = 0
        self.data += data

    @property
    def left(self) -> int:
        return len(self.data) - self.pos

    def take(self, count: int) -> bytes:
        chunk = bytes(self.data[self.pos : self.pos + count])
        self.pos += count
        return chunk

    def drop(self, count: int) -> None:
        """Consume `count` bytes; those not fed yet are dropped when they arrive."""
        here = min(count, self.left)
        self.pos += here
        self.skip = count - here

    @property
    def at(self) -> int:
        return self.offset + self.pos


class _Lines:
    def __init__(self, max_size: int) -> None:
        self._buf = _Buffer(max_size)
        self._scanned = 0
        self._oversized = False

    def feed(self, data: bytes) -> None:
        if self._oversized:
            end = data.find(b"\n")
            if end < 0:
                return
            data = data[end + 1 :]
            self._oversized = False
        self._buf.feed(data)

    def next_message(self) -> bytes | TooLarge | None:
        buf = self._buf
        end = buf.data.find(b"\n", buf.pos + self._scanned)
        if end < 0:
            self._scanned = buf.left
            if buf.left > buf.max_size + 1:  # + 1: the line's "\r"
                size = buf.left
                buf.drop(buf.left)
                self._scanned = 0
                self._oversized = True
                return TooLarge(size=size, limit=buf.max_size, exact=False)
            return None
        self._scanned = 0
        line = buf.take(end - buf.pos)
        buf.pos += 1  # the "\n"
        if line.endswith(b"\r"):
            line = line[:-1]
        if len(line) > buf.max_size:
            return TooLarge(size=len(line), limit=buf.max_size)
        return line

    def finish(self) -> bytes | TooLarge | None:
        if self._oversized or not self._buf.left:
            return None
        line = self._buf.take(self._buf.left).removesuffix(b"\r")
        if len(line) > self._buf.max_size:
            return TooLarge(size=len(line), limit=self._buf.max_size)
        return line


class _LengthPrefixed:
    def __init__(self, max_size: int) -> None:
        self._buf = _Buffer(max_size)

    def feed(self, data: bytes) -> None:
        self._buf.feed(data)

    def next_message(self) -> bytes | TooLarge | None:
        buf = self._buf
        if buf.skip or buf.left < 4:
            return None
        size = int.from_bytes(buf.data[buf.pos : buf.pos + 4], "big")
        if size > buf.max_size:
            buf.pos += 4
            buf.drop(size)
            return TooLarge(size=size, limit=buf.max_size)
        if buf.left < 4 + size:
            return None
        buf.pos += 4
        return buf.take(size)

    def finish(self) -> bytes | TooLarge | None:
        buf = self._buf
        if buf.skip:
            raise FramingError(
                f"length_prefixed_uint32_be: the stream ended {buf.skip} bytes before the end "
                "of an oversized message"
            )
        if buf.left == 0:
            return None
        if buf.left < 4:
            raise FramingError(
                f"length_prefixed_uint32_be: the stream ended inside a length prefix "
                f"({buf.left} of 4 bytes, at byte {buf.at})"
            )
        size = int.from_bytes(buf.data[buf.pos : buf.pos + 4], "big")
        raise FramingError(
            f"length_prefixed_uint32_be: the stream ended inside a message of {size} bytes "
            f"({buf.left - 4} received, at byte {buf.at})"
        )


class _Netstring:
    def __init__(self, max_size: int) -> None:
        self._buf = _Buffer(max_size)
        self._comma = False
        """The next byte must be the ``,`` closing a skipped oversized message."""

    def feed(self, data: bytes) -> None:
        self._buf.feed(data)

    def _check_comma(self) -> bool:
        buf = self._buf
        if not self._comma:
            return True
        if buf.skip or not buf.left:
            return False
        if buf.data[buf.pos] != ord(","):
            raise FramingError(
                f"netstring: expected ',' after the message, got {bytes(buf.data[buf.pos : buf.pos + 1])!r} "
                f"at byte {buf.at}"
            )
        buf.pos += 1
        self._comma = False
        return True

    def next_message(self) -> bytes | TooLarge | None:
        buf = self._buf
        if not self._check_comma():
            return None
        colon = buf.data.find(b":", buf.pos, buf.pos + _MAX_DIGITS + 1)
        if colon < 0:
            head = bytes(buf.data[buf.pos : buf.pos + _MAX_DIGITS + 1])
            if head and (not head.isdigit() or len(head) > _MAX_DIGITS):
                self._bad_length(head)
            return None
        digits = bytes(buf.data[buf.pos : colon])
        if not digits.isdigit() or (len(digits) > 1 and digits.startswith(b"0")):
            self._bad_length(digits + b":")
        size = int(digits)
        start = colon + 1
        if size > buf.max_size:
            buf.pos = start
            buf.drop(size)
            self._comma = True
            return TooLarge(size=size, limit=buf.max_size)
        if len(buf.data) < start + size + 1:
            return None
        if buf.data[start + size] != ord(","):
            got = bytes(buf.data[start + size : start + size + 1])
            raise FramingError(
                f"netstring: expected ',' after the {size} bytes of the message, got {got!r} "
                f"at byte {buf.offset + start + size}"
            )
        buf.pos = start
        message = buf.take(size)
        buf.pos += 1
        return message

    def _bad_length(self, seen: bytes) -> None:
        shown = seen[:24]
        raise FramingError(
            f"netstring: expected a decimal length and ':' at byte {self._buf.at}, got {shown!r}"
        )

    def finish(self) -> bytes | TooLarge | None:
        buf = self._buf
        if buf.left == 0 and not buf.skip and not self._comma:
            return None
        raise FramingError(
            f"netstring: the stream ended inside a netstring (at byte {buf.at + buf.left})"
        )


class _Raw:
    def __init__(self, max_size: int) -> None:
        self._buf = _Buffer(max_size)
        self._size = 0

    def feed(self, data: bytes) -> None:
        self._size += len(data)
        if self._size <= self._buf.max_size:
            self._buf.feed(data)
        elif self._buf.data:
            self._buf = _Buffer(self._buf.max_size)  # over the limit: keep nothing

    def next_message(self) -> bytes | TooLarge | None:
        return None

    def finish(self) -> bytes | TooLarge | None:
        if self._size > self._buf.max_size:
            return TooLarge(size=self._size, limit=self._buf.max_size)
        return self._buf.take(self._buf.left)


def decoder_for(codec: Codec, *, max_size: int = DEFAULT_MAX_SIZE) -> Decoder:
    """A new decoder for `codec`; messages over `max_size` bytes come out as `TooLarge`."""
    decoders: dict[str, Callable[[int], Decoder]] = {
        "lines": _Lines,
        "length_prefixed_uint32_be": _LengthPrefixed,
        "netstring": _Netstring,
        "raw": _Raw,
    }
    if codec not in decoders:
        raise ValueError(f"unknown codec {codec!r}; choose one of {', '.join(CODECS)}")
    return decoders[codec](max_size)


def encode(codec: Codec, payload: bytes) -> bytes:
    """One frame carrying `payload`; raises `ValueError` when the codec cannot carry it."""
    if codec == "lines":
        if b"\n" in payload:
            raise ValueError("a lines frame cannot hold a line break; use a length-prefixed codec")
        return payload + b"\n"
    if codec == "length_prefixed_uint32_be":
        if len(payload) > _MAX_UINT32:
            raise ValueError(f"{len(payload)} bytes do not fit a uint32 length prefix")
        return len(payload).to_bytes(4, "big") + payload
    if codec == "netstring":
        return b"%d:%b," % (len(payload), payload)
    if codec == "raw":
        return payload
    raise ValueError(f"unknown codec {codec!r}; choose one of {', '.join(CODECS)}")
