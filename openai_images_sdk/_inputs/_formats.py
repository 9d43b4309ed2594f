"""Recognise PNG, JPEG, WEBP and GIF files and read their dimensions from the headers.

The one place that tells an image format from its bytes. Each format has one canonical
name (``jpeg``, never ``jpg``), one MIME type and one file extension (``.jpg``);
`sniff` knows the raster formats the API takes as input, `sniff_format` adds SVG (an
output format of some models).

Sans-I/O: the parsers pull bytes through a `ReadAt` callable, so the same code serves
paths, file objects, bytes and base64 data URLs. Only headers are read, never pixels:
a few dozen bytes for PNG, WEBP and GIF, the segment headers up to the frame header
for JPEG (skipping EXIF and ICC blocks without reading them).
"""

from __future__ import annotations

import base64
import binascii
import struct
from collections.abc import Callable, Mapping
from typing import Final, Literal, TypeAlias

import attrs

from openai_images_sdk._types import ImageInfo

__all__ = [
    "CONTENT_TYPES",
    "EXTENSIONS",
    "OCTET_STREAM",
    "ImageFormat",
    "ImageHeader",
    "ReadAt",
    "probe",
    "probe_bytes",
    "probe_data_url",
    "sniff",
    "sniff_format",
    "suffix_for",
]

ImageFormat: TypeAlias = Literal["png", "jpeg", "webp", "gif"]
ReadAt: TypeAlias = Callable[[int, int], bytes]
"""`read_at(offset, n)`: up to `n` bytes starting at `offset` (fewer only at the end)."""

CONTENT_TYPES: Final[Mapping[ImageFormat, str]] = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "gif": "image/gif",
}
EXTENSIONS: Final[Mapping[ImageFormat, str]] = {
    "png": ".png",
    "jpeg": ".jpg",
    "webp": ".webp",
    "gif": ".gif",
}

OCTET_STREAM: Final = "application/octet-stream"
"""The content type of a file that is not a recognised image."""
_OUTPUT_EXTENSIONS: Final[Mapping[str, str]] = dict([*EXTENSIONS.items(), ("svg", ".svg")])

_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_HEAD: Final = 4096
_MAX_BLOCKS: Final = 10_000  # bounds every header walk on hostile input
# SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
_JPEG_SOF: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_JPEG_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})


@attrs.frozen(kw_only=True)
class ImageHeader:
    """What the header of a file says: its format, size in pixels and whether it has alpha.

    `format` is None when the bytes are not a recognised image; `width`/`height` are None
    when the format is recognised but the header is truncated or corrupt. `has_alpha` is
    None when unknown (a GIF whose first frame declares no transparent colour).
    """

    format: ImageFormat | None
    width: int | None = None
    height: int | None = None
    has_alpha: bool | None = None

    @property
    def content_type(self) -> str | None:
        """The MIME type of `format`, or None."""
        return CONTENT_TYPES[self.format] if self.format else None

    @property
    def dimensions(self) -> tuple[int, int] | None:
        """`(width, height)`, or None when unknown."""
        if self.width is None or self.height is None:
            return None
        return (self.width, self.height)

    def info(
        self, *, label: str, filename: str, size: int | None, content_type: str | None = None
    ) -> ImageInfo:
        """The `ImageInfo` of an input with this header; `content_type` (when given) stands
        for the header's own (a type the caller declared)."""
        return ImageInfo(
            label=label,
            filename=filename,
            content_type=content_type or self.content_type,
            format=self.format,
            width=self.width,
            height=self.height,
            size=size,
            has_alpha=self.has_alpha,
        )


def sniff(head: bytes) -> ImageFormat | None:
    """The image format whose magic bytes start `head` (16 bytes suffice), or None."""
    if head.startswith(_PNG_SIGNATURE):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def sniff_format(data: bytes) -> str | None:
    """The format of `data` from its first bytes: png, jpeg, webp, gif, svg or None."""
    raster = sniff(data[:16])
    if raster is not None:
        return raster
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml", b"<!doctype svg", b"<!--")) and b"<svg" in head:
        return "svg"
    return None


def suffix_for(fmt: str) -> str:
    """The file extension, with its dot, of a format name (``jpeg`` or ``jpg`` -> ``.jpg``).

    Names are case-insensitive; an unknown name becomes its own extension.
    """
    name = fmt.lower()
    name = "jpeg" if name == "jpg" else name
    return _OUTPUT_EXTENSIONS.get(name, f".{name}")


def probe_bytes(data: bytes) -> ImageHeader:
    """`probe` over bytes in memory."""
    view = memoryview(data)
    return probe(lambda offset, n: bytes(view[offset : offset + n]))


def probe(read_at: ReadAt) -> ImageHeader:
    """Identify an image and read its header through `read_at`."""
    head = read_at(0, _HEAD)

    def read(offset: int, n: int) -> bytes:
        if offset + n <= len(head):
            return head[offset : offset + n]
        return read_at(offset, n)

    fmt = sniff(head)
    if fmt == "png":
        return _png(read)
    if fmt == "jpeg":
        return _jpeg(read)
    if fmt == "webp":
        return _webp(head)
    if fmt == "gif":
        return _gif(read)
    return ImageHeader(format=None)


def _positive(width: int, height: int) -> tuple[int, int] | tuple[None, None]:
    return (width, height) if width > 0 and height > 0 else (None, None)


def _png(read: ReadAt) -> ImageHeader:
    ihdr = read(8, 25)
    if len(ihdr) < 25 or ihdr[4:8] != b"IHDR":
        return ImageHeader(format="png")
    width, height = _positive(*struct.unpack(">II", ihdr[8:16]))
    colour_type = ihdr[17]
    if colour_type in (4, 6):
        return ImageHeader(format="png", width=width, height=height, has_alpha=True)
    # Other colour types have alpha only through a tRNS chunk, which precedes IDAT.
    has_alpha: bool | None = None
    offset = 33
    for _ in range(_MAX_BLOCKS):
        chunk = read(offset, 8)
        if len(chunk) < 8:
            break
        (length,) = struct.unpack(">I", chunk[:4])
        kind = chunk[4:8]
        if kind == b"tRNS":
            has_alpha = True
            break
        if kind in (b"IDAT", b"IEND"):
            has_alpha = False
            break
        offset += 12 + length
    return ImageHeader(format="png", width=width, height=height, has_alpha=has_alpha)


def _jpeg(read: ReadAt) -> ImageHeader:
    offset = 2
    for _ in range(_MAX_BLOCKS):
        pair = read(offset, 2)
        if len(pair) < 2 or pair[0] != 0xFF:
            break
        marker = pair[1]
        if marker == 0xFF:  # fill byte before a marker
            offset += 1
            continue
        if marker in _JPEG_STANDALONE:
            offset += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or scan data before any frame header
            break
        segment = read(offset + 2, 7)
        if len(segment) < 2:
            break
        (length,) = struct.unpack(">H", segment[:2])
        if length < 2:
            break
        if marker in _JPEG_SOF:
            if len(segment) < 7:
                break
            height, width = struct.unpack(">HH", segment[3:7])
            w, h = _positive(width, height)
            return ImageHeader(format="jpeg", width=w, height=h, has_alpha=False)
        offset += 2 + length
    return ImageHeader(format="jpeg")


def _webp(head: bytes) -> ImageHeader:
    fourcc, data = head[12:16], head[20:30]
    if fourcc == b"VP8 " and len(data) >= 10 and data[3:6] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[6:10])
        w, h = _positive(width & 0x3FFF, height & 0x3FFF)
        return ImageHeader(format="webp", width=w, height=h, has_alpha=False)
    if fourcc == b"VP8L" and len(data) >= 5 and data[0] == 0x2F:
        (bits,) = struct.unpack("<I", data[1:5])
        width = (bits & 0x3FFF) + 1
        height = ((bits >> 14) & 0x3FFF) + 1
        alpha = bool((bits >> 28) & 1)
        return ImageHeader(format="webp", width=width, height=height, has_alpha=alpha)
    if fourcc == b"VP8X" and len(data) >= 10:
        width = int.from_bytes(data[4:7], "little") + 1
        height = int.from_bytes(data[7:10], "little") + 1
        alpha = bool(data[0] & 0x10)
        return ImageHeader(format="webp", width=width, height=height, has_alpha=alpha)
    return ImageHeader(format="webp")


def _gif(read: ReadAt) -> ImageHeader:
    screen = read(6, 7)
    if len(screen) < 7:
        return ImageHeader(format="gif")
    width, height = struct.unpack("<HH", screen[:4])
    w, h = _positive(width, height)
    packed = screen[4]
    offset = 13 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0)
    # Transparency is declared by a graphic control extension before the first frame.
    has_alpha: bool | None = None
    for _ in range(_MAX_BLOCKS):
        intro = read(offset, 2)
        if len(intro) < 2 or intro[0] != 0x21:  # not an extension: first frame or end
            break
        if intro[1] == 0xF9:
            control = read(offset + 2, 2)
            if len(control) == 2 and control[1] & 1:
                has_alpha = True
                break
        offset += 2
        for _ in range(_MAX_BLOCKS):
            size = read(offset, 1)
            if not size:
                return ImageHeader(format="gif", width=w, height=h, has_alpha=has_alpha)
            offset += 1 + size[0]
            if size[0] == 0:
                break
    return ImageHeader(format="gif", width=w, height=h, has_alpha=has_alpha)


def probe_data_url(url: str) -> tuple[ImageHeader, int] | str | None:
    """The header and decoded size of a base64 ``data:`` URL, an error message, or None.

    Only the base64 groups that hold the header are decoded. None for a URL that is not
    base64 (percent-encoded data is left to the server).
    """
    meta, _, payload = url[5:].partition(",")
    if not meta.lower().endswith(";base64"):
        return None
    if len(payload) % 4:
        return "the data: URL's base64 payload is not a whole number of 4-character groups"
    try:
        header = probe(_base64_read_at(payload))
    except (binascii.Error, ValueError):
        return "the data: URL's base64 payload is not valid base64"
    size = len(payload) // 4 * 3 - payload[-2:].count("=")
    return header, size


def _base64_read_at(payload: str) -> ReadAt:
    def read_at(offset: int, n: int) -> bytes:
        first, last = offset // 3, -(-(offset + n) // 3)
        data = base64.b64decode(payload[first * 4 : last * 4], validate=True)
        skip = offset - first * 3
        return data[skip : skip + n]

    return read_at
