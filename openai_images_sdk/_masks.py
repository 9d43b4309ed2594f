"""Helpers that build mask PNGs.

A mask is a PNG with an alpha channel, the size of the first image; its fully
transparent pixels mark where the image is edited. The builders here write masks in
pure Python (zlib); the Pillow-based ones import PIL only when called. The rules a mask
or markup file is checked by live with the other input rules, in `_inputs._checks`.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

from ._inputs._checks import MASK_MAX_BYTES
from ._inputs._sources import prepare_file

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = [
    "MASK_MAX_BYTES",
    "Rect",
    "add_alpha_to_mask",
    "mask_for_image",
    "mask_from_pil",
    "mask_from_rectangles",
]

Rect: TypeAlias = tuple[int, int, int, int]
"""``(x, y, width, height)`` in pixels, from the top-left corner."""

_OPAQUE: Final = b"\x00\x00\x00\xff"
_CLEAR: Final = b"\x00\x00\x00\x00"


def mask_from_rectangles(width: int, height: int, rects: Rect | Sequence[Rect]) -> bytes:
    """An RGBA mask PNG of `width` x `height`: transparent (edited) inside `rects`.

    `rects` is one ``(x, y, width, height)`` rectangle or a sequence of them; each must
    lie within the image. Everything outside them is opaque black (kept).
    """
    if width <= 0 or height <= 0:
        raise ValueError(f"the mask size must be positive, got {width}x{height}")
    boxes = _as_rects(rects)
    for x, y, w, h in boxes:
        if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > width or y + h > height:
            raise ValueError(
                f"rectangle {(x, y, w, h)} (x, y, width, height) is empty or "
                f"outside the {width}x{height} image"
            )
    return _png_rgba(width, height, _rows(width, height, boxes))


def mask_for_image(image: object, rects: Rect | Sequence[Rect]) -> bytes:
    """`mask_from_rectangles` sized like `image` (any file input), read from its header."""
    upload = prepare_file(image, param="image", label="image", stem="image")
    try:
        size = upload.header.dimensions
    finally:
        upload.close()
    if size is None:
        raise ValueError(f"cannot read the width and height of {upload.filename}")
    return mask_from_rectangles(size[0], size[1], rects)


def _as_rects(rects: Rect | Sequence[Rect]) -> list[Rect]:
    if len(rects) == 4 and all(isinstance(v, int) for v in rects):
        return [rects]  # type: ignore[list-item]  # one (x, y, w, h) tuple
    boxes: list[Rect] = []
    for rect in rects:
        if not isinstance(rect, Sequence) or len(rect) != 4:
            raise ValueError(f"a rectangle is (x, y, width, height), got {rect!r}")
        x, y, w, h = (int(v) for v in rect)
        boxes.append((x, y, w, h))
    return boxes


def _rows(width: int, height: int, boxes: Sequence[Rect]) -> Iterator[bytes]:
    cache: dict[tuple[tuple[int, int], ...], bytes] = {}
    for row in range(height):
        spans = tuple(sorted((x, x + w) for x, y, w, h in boxes if y <= row < y + h))
        line = cache.get(spans)
        if line is None:
            clear = bytearray(width)
            for start, stop in spans:
                clear[start:stop] = b"\x01" * (stop - start)
            pixels = b"".join(_CLEAR if flag else _OPAQUE for flag in clear)
            line = cache[spans] = b"\x00" + pixels  # filter type 0 (None)
        yield line


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_rgba(width: int, height: int, rows: Iterator[bytes]) -> bytes:
    compressor = zlib.compressobj(9)
    compressed = [compressor.compress(row) for row in rows]
    compressed.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(compressed))
        + _chunk(b"IEND", b"")
    )


def _pil_image(image: Image | str | os.PathLike[str] | bytes) -> Image:
    try:
        from PIL import Image as PILImage
    except ImportError as error:
        raise ImportError(
            "this helper needs Pillow: pip install 'openai-images-sdk[pillow]'"
        ) from error
    if isinstance(image, PILImage.Image):
        return image
    if isinstance(image, bytes):
        return PILImage.open(io.BytesIO(image))
    return PILImage.open(image)


def _png_bytes(image: Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def mask_from_pil(image: Image | str | os.PathLike[str] | bytes) -> bytes:
    """A mask PNG from an image that already has alpha (a PIL image, path or bytes).

    Needs the ``pillow`` extra. Raises `ValueError` for an image without alpha: use
    `add_alpha_to_mask` to turn a black-and-white drawing into a mask.
    """
    picture = _pil_image(image)
    if (
        picture.mode not in ("RGBA", "LA", "PA", "RGBa", "La")
        and "transparency" not in picture.info
    ):
        raise ValueError(
            f"the image (mode {picture.mode}) has no alpha channel; "
            "use add_alpha_to_mask to derive one from its brightness"
        )
    return _png_bytes(picture.convert("RGBA"))


def add_alpha_to_mask(
    image: Image | str | os.PathLike[str] | bytes, *, edit: Literal["white", "black"] = "white"
) -> bytes:
    """A mask PNG from a greyscale or colour drawing: its `edit`-coloured areas become transparent.

    Brightness sets the alpha: with ``edit="white"`` white pixels become fully
    transparent (edited) and black ones opaque (kept); ``edit="black"`` inverts that.
    Needs the ``pillow`` extra.
    """
    grey = _pil_image(image).convert("L")
    from PIL import Image as PILImage
    from PIL import ImageOps

    alpha = ImageOps.invert(grey) if edit == "white" else grey
    mask = PILImage.new("RGBA", grey.size, (0, 0, 0, 255))
    mask.putalpha(alpha)
    return _png_bytes(mask)
