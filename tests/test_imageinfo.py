from __future__ import annotations

import base64
import io
import pathlib
import struct
from types import SimpleNamespace

import pytest
from _upload_ops import jpeg, pil_image, png_header
from hypothesis import given
from hypothesis import strategies as st

from openai_images_sdk._inputs._formats import (
    ImageHeader,
    probe,
    probe_bytes,
    probe_data_url,
    sniff,
)


@pytest.mark.parametrize(
    ("fmt", "mode", "save", "alpha"),
    [
        ("PNG", "RGB", {}, False),
        ("PNG", "RGBA", {}, True),
        ("PNG", "LA", {}, True),
        ("PNG", "L", {}, False),
        ("PNG", "1", {}, False),
        ("PNG", "P", {}, False),
        ("PNG", "P", {"transparency": 3}, True),
        ("PNG", "RGB", {"transparency": (10, 20, 30)}, True),
        ("JPEG", "RGB", {}, False),
        ("JPEG", "L", {}, False),
        ("JPEG", "CMYK", {}, False),
        ("JPEG", "RGB", {"progressive": True}, False),
        ("WEBP", "RGB", {}, False),
        ("WEBP", "RGBA", {}, True),
        ("WEBP", "RGBA", {"lossless": True}, True),
        ("WEBP", "RGB", {"lossless": True}, False),
        ("GIF", "P", {}, None),
        ("GIF", "P", {"transparency": 3}, True),
    ],
)
def test_pillow_images(fmt: str, mode: str, save: dict[str, object], alpha: bool | None) -> None:
    data = pil_image(fmt, 37, 23, mode, **save)
    header = probe_bytes(data)
    assert header == ImageHeader(
        format=fmt.lower(),  # type: ignore[arg-type]
        width=37,
        height=23,
        has_alpha=alpha,
    )
    assert header.content_type == f"image/{fmt.lower()}"
    assert header.dimensions == (37, 23)


def test_animated_gif_transparency_before_first_frame() -> None:
    from PIL import Image

    frames = [Image.new("P", (5, 4), i) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], loop=0, transparency=0)
    assert probe_bytes(out.getvalue()) == ImageHeader(
        format="gif", width=5, height=4, has_alpha=True
    )


def test_large_dimensions() -> None:
    assert probe_bytes(png_header(16383, 9000)).dimensions == (16383, 9000)
    assert probe_bytes(pil_image("JPEG", 3000, 7)).dimensions == (3000, 7)


def test_jpeg_frame_header_after_big_metadata_is_found_by_skipping() -> None:
    """EXIF/ICC blocks are skipped by their lengths: only a few bytes are read."""
    from PIL import Image

    out = io.BytesIO()
    profile = b"\x00" * 60_000
    Image.new("RGB", (640, 480)).save(
        out, "JPEG", icc_profile=profile, exif=b"Exif\x00\x00" + b"\x01" * 30_000
    )
    data = out.getvalue()
    reads: list[tuple[int, int]] = []

    def read_at(offset: int, n: int) -> bytes:
        reads.append((offset, n))
        return data[offset : offset + n]

    assert probe(read_at).dimensions == (640, 480)
    assert sum(n for _, n in reads) < 4096 + 200
    assert max(offset for offset, _ in reads) > 90_000  # reached past the metadata


def test_hand_built_png_colour_types() -> None:
    for colour_type, alpha in [(0, False), (2, False), (3, False), (4, True), (6, True)]:
        header = probe_bytes(png_header(10, 20, colour_type))
        assert header == ImageHeader(format="png", width=10, height=20, has_alpha=alpha)
    assert probe_bytes(png_header(10, 20, 2, trns=True)).has_alpha is True
    # tRNS after other ancillary chunks, beyond the first bytes read.
    text = struct.pack(">I", 9000) + b"tEXt" + b"a" * 9000 + b"\x00" * 4
    assert probe_bytes(png_header(1, 1, 3, trns=True, before=text)).has_alpha is True
    assert probe_bytes(png_header(1, 1, 3, before=text)).has_alpha is False


def test_png_truncated_or_corrupt() -> None:
    whole = png_header(10, 20, 2)
    assert probe_bytes(whole[:20]) == ImageHeader(format="png")
    assert probe_bytes(png_header(0, 20)) == ImageHeader(format="png", has_alpha=True)
    # Colour type 2 cut before IDAT: alpha unknown, size still read.
    assert probe_bytes(whole[:33]) == ImageHeader(format="png", width=10, height=20)
    broken = whole[:12] + b"XXXX" + whole[16:]
    assert probe_bytes(broken) == ImageHeader(format="png")


def _jpeg_segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def test_hand_built_jpeg_walk() -> None:
    sof = b"\x08" + struct.pack(">HH", 300, 200) + b"\x03" + b"\x00" * 9
    data = (
        b"\xff\xd8"
        + _jpeg_segment(0xE0, b"JFIF\x00" + b"\x00" * 9)
        + b"\xff\xff\xff"  # fill bytes
        + b"\xff\xd0"  # a standalone marker
        + _jpeg_segment(0xC4, b"\x00" * 20)  # DHT sits inside the SOF range
        + _jpeg_segment(0xC2, sof)
    )
    assert probe_bytes(data) == ImageHeader(format="jpeg", width=200, height=300, has_alpha=False)
    assert probe_bytes(data.replace(b"\xff\xc2", b"\xff\xc1")).dimensions == (200, 300)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff",  # nothing after the start
        b"\xff\xd8" + _jpeg_segment(0xDA, b"\x00\x00") + b"\x00" * 50,  # scan before a frame
        b"\xff\xd8\xff\xd9",  # end of image
        b"\xff\xd8" + b"\xff\xe0\x00\x01",  # segment length below 2
        b"\xff\xd8" + _jpeg_segment(0xC0, b"\x08\x00\x00\x00\x10\x03"),  # height 0 (DNL)
        b"\xff\xd8\xff\xc0\x00\x11\x08",  # cut inside the frame header
        b"\xff\xd8" + _jpeg_segment(0xE0, b"\x00\x00") + b"\x00\x00",  # not a marker next
    ],
)
def test_jpeg_without_a_readable_frame(data: bytes) -> None:
    header = probe_bytes(data)
    assert header.format == "jpeg"
    assert header.dimensions is None


def _riff(fourcc: bytes, payload: bytes) -> bytes:
    chunk = fourcc + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def test_hand_built_webp_variants() -> None:
    lossy = b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", 640 | 0x4000, 480)
    assert probe_bytes(_riff(b"VP8 ", lossy)) == ImageHeader(
        format="webp", width=640, height=480, has_alpha=False
    )
    bits = (99 - 1) | ((77 - 1) << 14) | (1 << 28)
    lossless = b"\x2f" + struct.pack("<I", bits)
    assert probe_bytes(_riff(b"VP8L", lossless)) == ImageHeader(
        format="webp", width=99, height=77, has_alpha=True
    )
    extended = bytes([0x10, 0, 0, 0]) + (3999).to_bytes(3, "little") + (2).to_bytes(3, "little")
    assert probe_bytes(_riff(b"VP8X", extended)) == ImageHeader(
        format="webp", width=4000, height=3, has_alpha=True
    )
    no_alpha = bytes([0, 0, 0, 0]) + extended[4:]
    assert probe_bytes(_riff(b"VP8X", no_alpha)).has_alpha is False
    assert probe_bytes(_riff(b"VP8 ", b"\x00" * 10)) == ImageHeader(format="webp")
    assert probe_bytes(_riff(b"ALPH", b"\x00" * 10)) == ImageHeader(format="webp")


def test_hand_built_gif() -> None:
    screen = struct.pack("<HH", 320, 200) + bytes([0x80 | 1, 0, 0])  # 4-colour table
    table = b"\x00" * 12
    comment = b"\x21\xfe\x03abc\x00"
    control = b"\x21\xf9\x04\x01\x00\x00\x00\x00"
    frame = b"\x2c" + b"\x00" * 9
    assert probe_bytes(b"GIF89a" + screen + table + comment + control + frame) == ImageHeader(
        format="gif", width=320, height=200, has_alpha=True
    )
    opaque = control.replace(b"\x04\x01", b"\x04\x00")
    assert probe_bytes(b"GIF89a" + screen + table + opaque + frame).has_alpha is None
    assert probe_bytes(b"GIF87a" + screen[:3]) == ImageHeader(format="gif")
    assert probe_bytes(b"GIF89a" + screen + table + b"\x21\xfe\x05ab").dimensions == (320, 200)


def test_sniff() -> None:
    assert sniff(png_header(1, 1)[:16]) == "png"
    assert sniff(jpeg()[:16]) == "jpeg"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff(b"RIFF\x00\x00\x00\x00WAVEfmt ") is None
    assert sniff(b"GIF87a") == sniff(b"GIF89a") == "gif"
    assert sniff(b"hello, I am text") is None
    assert sniff(b"") is None
    assert probe_bytes(b"not an image at all") == ImageHeader(format=None)
    assert ImageHeader(format=None).content_type is None


def test_data_url() -> None:
    data = pil_image("PNG", 40, 30, "RGBA")
    url = "data:image/png;base64," + base64.b64encode(data).decode()
    assert probe_data_url(url) == (
        ImageHeader(format="png", width=40, height=30, has_alpha=True),
        len(data),
    )
    big = jpeg(500, 400)
    assert probe_data_url("data:image/jpeg;base64," + base64.b64encode(big).decode()) == (
        ImageHeader(format="jpeg", width=500, height=400, has_alpha=False),
        len(big),
    )
    assert probe_data_url("data:text/plain,hello") is None
    assert isinstance(probe_data_url("data:image/png;base64,abc"), str)
    assert isinstance(probe_data_url("data:image/png;base64,ab!d"), str)


@given(st.binary(max_size=300))
def test_probe_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    for prefix in (
        b"",
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff",
        b"RIFF\x00\x00\x00\x00WEBP",
        b"GIF89a",
    ):
        header = probe_bytes(prefix + data)
        assert header.format == sniff(prefix + data)
        assert header.width is None or header.width > 0


@given(st.integers(min_value=0, max_value=2000))
def test_every_prefix_of_a_real_file_is_handled(cut: int) -> None:
    for data in (_REAL_PNG, _REAL_JPEG, _REAL_WEBP, _REAL_GIF):
        header = probe_bytes(data[:cut])
        whole = probe_bytes(data)
        assert header.dimensions in (None, whole.dimensions)


_REAL_PNG = pil_image("PNG", 9, 7, "RGB")
_REAL_JPEG = pil_image("JPEG", 9, 7, "RGB")
_REAL_WEBP = pil_image("WEBP", 9, 7, "RGBA")
_REAL_GIF = pil_image("GIF", 9, 7, "P", transparency=1)


# One name per format, one extension per name (the stream saver once wrote .jpeg, save .jpg)


def test_jpeg_has_one_name_and_one_extension() -> None:
    from openai_images_sdk._inputs._formats import sniff_format, suffix_for

    data = b"\xff\xd8\xff\xe0" + b"\x00" * 16
    assert sniff(data) == sniff_format(data) == "jpeg"
    assert suffix_for("jpeg") == suffix_for("jpg") == suffix_for("JPEG") == ".jpg"
    assert [suffix_for(f) for f in ("png", "webp", "gif", "svg")] == [
        ".png",
        ".webp",
        ".gif",
        ".svg",
    ]


def test_stream_saver_and_save_name_a_jpeg_alike(tmp_path: pathlib.Path) -> None:
    from openai_images_sdk._results import extension_for
    from openai_images_sdk._stream_files import Saver

    data = b"\xff\xd8\xff\xe0" + b"\x00" * 16
    event = SimpleNamespace(
        type="image_generation.completed", b64_json=base64.b64encode(data).decode()
    )
    for output_format in ("jpeg", None):
        event.output_format = output_format
        saver = Saver(tmp_path / f"{output_format}-{{n}}.{{ext}}", partials=False)
        saver.save(event)
        (path,) = saver.paths
        assert path.suffix == f".{extension_for(data, output_format)}" == ".jpg"


def test_old_import_path_is_the_same_sniffer() -> None:
    from openai_images_sdk import _imageinfo
    from openai_images_sdk._inputs import _formats

    assert _imageinfo.sniff is _formats.sniff
    assert _imageinfo.probe_bytes is _formats.probe_bytes
    assert _imageinfo.sniff_format is _formats.sniff_format


def test_header_info_carries_the_header_and_the_given_type() -> None:
    from openai_images_sdk._inputs._formats import ImageHeader
    from openai_images_sdk._types import ImageInfo

    header = ImageHeader(format="png", width=3, height=2, has_alpha=True)
    own = header.info(label="image[0]", filename="a.png", size=10)
    assert own == ImageInfo(
        label="image[0]",
        filename="a.png",
        content_type="image/png",
        format="png",
        width=3,
        height=2,
        size=10,
        has_alpha=True,
    )
    declared = header.info(label="mask", filename="m", size=None, content_type="image/x-mine")
    assert declared.content_type == "image/x-mine"
    assert declared.size is None
    assert ImageHeader(format=None).info(label="x", filename="y", size=1).content_type is None
