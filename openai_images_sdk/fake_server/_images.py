"""Real, valid images for the fake server: deterministic gradients in five formats.

Each picture is a diagonal gradient between two colours taken from a hash of the prompt,
the seed and the image's index (GIF frames are bands that move from frame to frame).
Every format has a pure-Python encoder; when Pillow is importable and `draw_text` is
set, the prompt's first words are drawn on the picture and Pillow writes the file.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Sequence
from typing import Any, Final, Literal, TypeAlias
from xml.sax.saxutils import escape

import attrs

from ._encoders.gif import encode_gif
from ._encoders.jpeg import encode_jpeg_gradient
from ._encoders.png import encode_png, png_file
from ._encoders.webp import encode_webp_diagonal

__all__ = ["CONTENT_TYPES", "OutputFormat", "Picture", "encode_png", "render"]

OutputFormat: TypeAlias = Literal["png", "jpeg", "webp", "gif", "svg"]
RGB: TypeAlias = tuple[int, int, int]

CONTENT_TYPES: Final[dict[str, str]] = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "gif": "image/gif",
    "svg": "image/svg+xml",
}
_TEXT_INDEX: Final = 255  # the GIF palette entry kept for the prompt's words
_WORDS: Final = 5


@attrs.frozen(kw_only=True)
class Picture:
    """What to draw: the same fields always give the same bytes."""

    prompt: str
    width: int
    height: int
    output_format: OutputFormat = "png"
    seed: str = ""
    index: int = 0
    salt: bytes = b""
    """Mixed into the colours, e.g. a digest of an edit's input images."""
    transparent: bool = False
    compression: int = 100
    frame_count: int = 9
    frame_duration_ms: int = 200
    stage: float = 1.0
    """1.0 for a final image; partial images use less, which washes the colours out."""
    draw_text: bool = True

    def colours(self) -> tuple[RGB, RGB]:
        """The gradient's two ends, from the prompt, seed, index and salt."""
        key = f"{self.prompt}\x00{self.seed}\x00{self.index}".encode() + self.salt
        digest = hashlib.sha256(key).digest()
        start: RGB = (digest[0], digest[1], digest[2])
        end: RGB = (digest[3], digest[4], digest[5])
        if sum(abs(a - b) for a, b in zip(start, end, strict=True)) < 96:
            end = (255 - start[0], 255 - start[1], 255 - start[2])
        stage = max(0.0, min(1.0, self.stage))

        def wash(colour: RGB) -> RGB:
            r, g, b = (round(128 + (c - 128) * stage) for c in colour)
            return (r, g, b)

        return wash(start), wash(end)

    @property
    def has_alpha(self) -> bool:
        """Whether the file carries alpha: transparent pictures in PNG or WEBP."""
        return self.transparent and self.output_format in ("png", "webp")

    def words(self) -> str:
        """The prompt's first words, as drawn on the picture."""
        words = " ".join(self.prompt.split()[:_WORDS])
        return words if len(words) <= 40 else words[:39] + "\u2026"


def render(picture: Picture) -> bytes:
    """The encoded image file for `picture`."""
    if picture.width <= 0 or picture.height <= 0:
        raise ValueError(f"bad image size {picture.width}x{picture.height}")
    if picture.output_format == "svg":
        return _svg(picture)
    if picture.draw_text and picture.words():
        pil = _pillow()
        if pil is not None:
            return _render_with_pillow(picture, pil)
    start, end = picture.colours()
    w, h = picture.width, picture.height
    if picture.output_format == "jpeg":
        return encode_jpeg_gradient(w, h, start, end, compression=picture.compression)
    if picture.output_format == "gif":
        return encode_gif(
            w,
            h,
            _palette(start, end),
            _gif_frames(picture),
            delay_ms=picture.frame_duration_ms,
        )
    line = _line(picture, start, end)
    if picture.output_format == "webp":
        return encode_webp_diagonal(w, h, line, has_alpha=picture.has_alpha)
    return _png_diagonal(picture, line)


def _line(picture: Picture, start: RGB, end: RGB) -> list[tuple[int, int, int, int]]:
    """ARGB pixels along x + y: pixel (x, y) of the gradient is ``line[x + y]``."""
    count = picture.width + picture.height - 1
    span = max(1, count - 1)
    line: list[tuple[int, int, int, int]] = []
    for i in range(count):
        t = i / span
        r, g, b = (round(a + (z - a) * t) for a, z in zip(start, end, strict=True))
        # Transparent pictures fade from opaque (top left) to mostly clear (bottom right).
        alpha = round(255 - 200 * t) if picture.has_alpha else 255
        line.append((alpha, r, g, b))
    return line


def _flat(picture: Picture, line: Sequence[tuple[int, int, int, int]]) -> tuple[bytes, int]:
    """The line as RGB or RGBA bytes, and the bytes per pixel."""
    if picture.has_alpha:
        return bytes(c for a, r, g, b in line for c in (r, g, b, a)), 4
    return bytes(c for _, r, g, b in line for c in (r, g, b)), 3


def _rows(picture: Picture, line: Sequence[tuple[int, int, int, int]]) -> list[bytes]:
    flat, step = _flat(picture, line)
    w = picture.width
    return [flat[y * step : (y + w) * step] for y in range(picture.height)]


def _png_diagonal(picture: Picture, line: Sequence[tuple[int, int, int, int]]) -> bytes:
    """The gradient as a PNG with the Sub filter: each row is a slice of one filtered line."""
    flat, step = _flat(picture, line)
    sub = bytes(step) + bytes((flat[i] - flat[i - step]) & 0xFF for i in range(step, len(flat)))
    w = picture.width
    filtered = b"".join(
        b"\x01" + flat[y * step : (y + 1) * step] + sub[(y + 1) * step : (y + w) * step]
        for y in range(picture.height)
    )
    return png_file(w, picture.height, alpha=picture.has_alpha, filtered=filtered, level=1)


def _palette(start: RGB, end: RGB) -> list[RGB]:
    colours: list[RGB] = []
    for i in range(_TEXT_INDEX):
        t = i / (_TEXT_INDEX - 1)
        r, g, b = (round(a + (z - a) * t) for a, z in zip(start, end, strict=True))
        colours.append((r, g, b))
    colours.append(_contrast(start, end))
    return colours


def _contrast(start: RGB, end: RGB) -> RGB:
    light = sum(start) + sum(end) > 3 * 255
    return (0, 0, 0) if light else (255, 255, 255)


def _gif_frames(picture: Picture) -> list[list[bytes]]:
    """Horizontal bands of the palette's gradient, shifted a little each frame."""
    w, h = picture.width, picture.height
    count = max(1, picture.frame_count)
    bands = [bytes([i]) * w for i in range(_TEXT_INDEX)]
    frames: list[list[bytes]] = []
    for k in range(count):
        rows: list[bytes] = []
        for y in range(h):
            u = (y / h + k / count) % 1.0
            level = 1 - abs(2 * u - 1)  # a triangle wave, so the bands wrap without a seam
            rows.append(bands[round(level * (_TEXT_INDEX - 1))])
        frames.append(rows)
    return frames


def _svg(picture: Picture) -> bytes:
    start, end = picture.colours()
    w, h = picture.width, picture.height
    size = max(10, min(w, h) // 12)
    text = escape(picture.words())
    colour = "#{:02x}{:02x}{:02x}".format(*_contrast(start, end))
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}">'
        '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">'
        '<stop offset="0" stop-color="#{:02x}{:02x}{:02x}"/>'.format(*start)
        + '<stop offset="1" stop-color="#{:02x}{:02x}{:02x}"/>'.format(*end)
        + f'</linearGradient></defs><rect width="{w}" height="{h}" fill="url(#g)"/>'
        f'<text x="{size}" y="{2 * size}" font-family="sans-serif" font-size="{size}" '
        f'fill="{colour}">{text}</text></svg>\n'
    )
    return svg.encode()


def _pillow() -> Any:
    """The PIL package with Image, ImageDraw and ImageFont loaded, or None."""
    try:
        pil = importlib.import_module("PIL")
        for module in ("PIL.Image", "PIL.ImageDraw", "PIL.ImageFont"):
            importlib.import_module(module)
    except ImportError:
        return None
    return pil


def _render_with_pillow(picture: Picture, pil: Any) -> bytes:
    import io

    start, end = picture.colours()
    w, h = picture.width, picture.height
    size = max(10, min(w, h) // 12)
    try:
        font = pil.ImageFont.load_default(size=size)
    except (TypeError, ImportError, OSError):  # an old Pillow or one without FreeType
        font = pil.ImageFont.load_default()
    out = io.BytesIO()
    if picture.output_format == "gif":
        frames: list[Any] = []
        for rows in _gif_frames(picture):
            frame = pil.Image.frombytes("P", (w, h), b"".join(rows))
            frame.putpalette(b"".join(bytes(c) for c in _palette(start, end)))
            pil.ImageDraw.Draw(frame).text(
                (size, size), picture.words(), fill=_TEXT_INDEX, font=font
            )
            frames.append(frame)
        frames[0].save(
            out,
            "GIF",
            save_all=True,
            append_images=frames[1:],
            duration=max(10, round(picture.frame_duration_ms / 10) * 10),
            loop=0,
            optimize=False,
        )
        return out.getvalue()
    mode = "RGBA" if picture.has_alpha else "RGB"
    image = pil.Image.frombytes(mode, (w, h), b"".join(_rows(picture, _line(picture, start, end))))
    colour = _contrast(start, end)
    fill = (*colour, 255) if picture.has_alpha else colour
    pil.ImageDraw.Draw(image).text((size, size), picture.words(), fill=fill, font=font)
    if picture.output_format == "jpeg":
        image.save(out, "JPEG", quality=max(1, min(95, picture.compression)))
    elif picture.output_format == "webp":
        lossless = picture.compression >= 100
        image.save(out, "WEBP", lossless=lossless, quality=max(1, picture.compression), method=0)
    else:
        image.save(out, "PNG", compress_level=1)
    return out.getvalue()
