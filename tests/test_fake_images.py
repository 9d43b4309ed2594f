"""The fake server's image encoders: every file opens in Pillow at the requested size."""

from __future__ import annotations

import io
import random
import xml.etree.ElementTree as ET

import attrs
import pytest
from PIL import Image, ImageSequence

from openai_images_sdk.fake_server import _images
from openai_images_sdk.fake_server._encoders.gif import encode_gif
from openai_images_sdk.fake_server._encoders.huffman import canonical_codes, code_lengths
from openai_images_sdk.fake_server._encoders.jpeg import encode_jpeg_gradient
from openai_images_sdk.fake_server._encoders.webp import encode_webp_diagonal
from openai_images_sdk.fake_server._images import OutputFormat, Picture, encode_png, render

SIZES = [(1024, 1024), (1536, 1024), (1024, 1536), (17, 9), (1, 1), (256, 48)]
PIL_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP", "gif": "GIF"}


def open_image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def evolve(picture: Picture, **changes: object) -> Picture:
    return attrs.evolve(picture, **changes)  # type: ignore[arg-type]


@pytest.fixture(params=[False, True], ids=["pure", "pillow"])
def draw_text(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp", "gif"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_format_opens_at_the_requested_size(
    fmt: OutputFormat, width: int, height: int, draw_text: bool
) -> None:
    picture = Picture(
        prompt="A lighthouse at dawn, oil painting",
        width=width,
        height=height,
        output_format=fmt,
        frame_count=3,
        draw_text=draw_text,
    )
    image = open_image(render(picture))
    assert image.format == PIL_FORMATS[fmt]
    assert image.size == (width, height)


def test_pure_encoders_are_used_without_pillow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_images, "_pillow", lambda: None)
    formats: list[OutputFormat] = ["png", "jpeg", "webp", "gif"]
    for fmt in formats:
        picture = Picture(prompt="words to draw", width=64, height=32, output_format=fmt)
        data = render(picture)
        assert data == render(evolve(picture, draw_text=False))
        assert open_image(data).size == (64, 32)


def test_pillow_draws_the_prompt_words() -> None:
    plain = Picture(prompt="hello there", width=200, height=100, draw_text=False)
    with_text = evolve(plain, draw_text=True)
    a = open_image(render(plain)).convert("RGB")
    b = open_image(render(with_text)).convert("RGB")
    assert a.size == b.size
    assert a.tobytes() != b.tobytes()


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp", "gif", "svg"])
def test_output_is_deterministic_per_prompt_seed_and_index(
    fmt: OutputFormat, draw_text: bool
) -> None:
    picture = Picture(
        prompt="a cat", width=96, height=64, output_format=fmt, seed="7", draw_text=draw_text
    )
    same = render(evolve(picture))
    assert render(picture) == same
    assert render(evolve(picture, prompt="a dog")) != same
    assert render(evolve(picture, seed="8")) != same
    assert render(evolve(picture, index=1)) != same
    assert render(evolve(picture, salt=b"edit input")) != same


def expected_colour(picture: Picture, x: int, y: int) -> tuple[int, int, int]:
    start, end = picture.colours()
    t = (x + y) / max(1, picture.width + picture.height - 2)
    r, g, b = (round(a + (z - a) * t) for a, z in zip(start, end, strict=True))
    return (r, g, b)


@pytest.mark.parametrize("fmt", ["png", "webp"])
def test_lossless_formats_hold_the_exact_gradient(fmt: OutputFormat) -> None:
    picture = Picture(prompt="exact", width=40, height=24, output_format=fmt, draw_text=False)
    image = open_image(render(picture)).convert("RGB")
    for x, y in [(0, 0), (39, 23), (20, 5), (39, 0), (0, 23)]:
        assert image.getpixel((x, y)) == expected_colour(picture, x, y)


def test_jpeg_decodes_close_to_the_gradient() -> None:
    picture = Picture(prompt="jpeg", width=333, height=211, output_format="jpeg", draw_text=False)
    image = open_image(render(picture)).convert("RGB")
    assert image.mode == "RGB"
    total = 0
    count = 0
    for y in range(0, 211, 7):
        for x in range(0, 333, 7):
            got = image.getpixel((x, y))
            assert isinstance(got, tuple)
            want = expected_colour(picture, x, y)
            total += sum(abs(a - b) for a, b in zip(got, want, strict=True))
            count += 3
    assert total / count < 3


def test_jpeg_compression_shrinks_the_file() -> None:
    start, end = (250, 10, 10), (10, 10, 250)
    fine = encode_jpeg_gradient(512, 512, start, end, compression=100)
    coarse = encode_jpeg_gradient(512, 512, start, end, compression=0)
    assert len(coarse) < len(fine)
    assert open_image(coarse).size == (512, 512)


def test_jpeg_rejects_sizes_it_cannot_hold() -> None:
    with pytest.raises(ValueError, match="JPEG dimensions"):
        encode_jpeg_gradient(70000, 10, (0, 0, 0), (1, 1, 1))


def test_transparent_pictures_carry_alpha() -> None:
    for fmt in ("png", "webp"):
        picture = Picture(
            prompt="glass",
            width=50,
            height=30,
            output_format=fmt,
            transparent=True,
            draw_text=False,
        )
        image = open_image(render(picture))
        assert image.mode == "RGBA"
        alpha = image.getchannel("A")
        assert alpha.getpixel((0, 0)) == 255
        corner = alpha.getpixel((49, 29))
        assert isinstance(corner, int)
        assert corner < 100
    jpeg = Picture(prompt="glass", width=50, height=30, output_format="jpeg", transparent=True)
    assert not jpeg.has_alpha
    assert open_image(render(jpeg)).mode == "RGB"


def test_partial_stages_wash_the_colours_out() -> None:
    final = Picture(prompt="x", width=8, height=8)
    grey = evolve(final, stage=0.0)
    assert grey.colours() == ((128, 128, 128), (128, 128, 128))
    half_start, _ = evolve(final, stage=0.5).colours()
    start, _ = final.colours()
    assert all(abs(h - 128) <= abs(s - 128) for h, s in zip(half_start, start, strict=True))


@pytest.mark.parametrize("frames", [2, 9, 16])
def test_gif_is_animated_with_frame_count_frames(frames: int, draw_text: bool) -> None:
    picture = Picture(
        prompt="spinning",
        width=120,
        height=80,
        output_format="gif",
        frame_count=frames,
        frame_duration_ms=130,
        draw_text=draw_text,
    )
    image = Image.open(io.BytesIO(render(picture)))
    assert image.size == (120, 80)
    assert getattr(image, "n_frames", 1) == frames
    assert image.info["duration"] == 130
    assert image.info["loop"] == 0
    distinct = {frame.convert("RGB").tobytes() for frame in ImageSequence.Iterator(image)}
    assert len(distinct) > 1


def test_gif_lzw_round_trips_random_rows_through_table_resets() -> None:
    rng = random.Random(3)
    palette = [(i, 255 - i, (i * 7) % 256) for i in range(256)]
    width, height = 5000, 3  # one row overflows the 4096-entry code table
    frames = [
        [bytes(rng.randrange(256) for _ in range(width)) for _ in range(height)],
        [bytes(rng.randrange(3) for _ in range(width)) for _ in range(height)],
    ]
    image = Image.open(io.BytesIO(encode_gif(width, height, palette, frames, delay_ms=50)))
    for frame, rows in zip(ImageSequence.Iterator(image), frames, strict=True):
        want = b"".join(bytes(c for i in row for c in palette[i]) for row in rows)
        assert frame.convert("RGB").tobytes() == want


def test_gif_rejects_rows_of_the_wrong_shape() -> None:
    with pytest.raises(ValueError, match="rows"):
        encode_gif(4, 2, [(0, 0, 0)], [[b"\x00" * 4]])
    with pytest.raises(ValueError, match="indices"):
        encode_gif(4, 1, [(0, 0, 0)], [[b"\x00" * 3]])


def test_webp_round_trips_an_arbitrary_line() -> None:
    rng = random.Random(5)
    width, height = 300, 70
    line = [
        (rng.randrange(256), rng.randrange(256), rng.randrange(256), rng.randrange(256))
        for _ in range(width + height - 1)
    ]
    image = open_image(encode_webp_diagonal(width, height, line, has_alpha=True))
    assert image.mode == "RGBA"
    got = image.tobytes()
    want = b"".join(
        bytes((line[x + y][1], line[x + y][2], line[x + y][3], line[x + y][0]))
        for y in range(height)
        for x in range(width)
    )
    assert got == want


def test_webp_copies_longer_than_one_reference() -> None:
    width, height = 4200, 3  # rows longer than the longest backward reference (4096)
    line = [(255, i % 256, (i * 3) % 256, 9) for i in range(width + height - 1)]
    image = open_image(encode_webp_diagonal(width, height, line))
    assert image.size == (width, height)
    assert image.convert("RGB").getpixel((4199, 2)) == (line[4201][1], line[4201][2], 9)


def test_webp_rejects_a_short_line() -> None:
    with pytest.raises(ValueError, match="shorter"):
        encode_webp_diagonal(10, 10, [(255, 0, 0, 0)] * 5)


def test_png_encoder_writes_given_rows() -> None:
    rows = [bytes([0, y * 10, 0]) for y in range(3)]
    image = open_image(encode_png(1, 3, rows))
    assert [image.getpixel((0, y)) for y in range(3)] == [(0, 0, 0), (0, 10, 0), (0, 20, 0)]


def test_svg_is_well_formed_with_the_size_and_escaped_words() -> None:
    picture = Picture(
        prompt='<b>fish & "chips"</b> forever', width=640, height=480, output_format="svg"
    )
    data = render(picture)
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == ("640", "480")
    text = root.find("{http://www.w3.org/2000/svg}text")
    assert text is not None
    assert text.text == picture.words()


def test_words_are_the_first_few_of_the_prompt() -> None:
    assert Picture(prompt="one two three four five six", width=1, height=1).words() == (
        "one two three four five"
    )
    long_word = "x" * 60
    assert len(Picture(prompt=long_word, width=1, height=1).words()) == 40


def test_render_rejects_an_empty_size() -> None:
    with pytest.raises(ValueError, match="size"):
        render(Picture(prompt="x", width=0, height=10))


def test_huffman_lengths_respect_the_limit_and_stay_complete() -> None:
    skewed = {symbol: 2**symbol for symbol in range(30)}  # Fibonacci-like: deep unlimited tree
    lengths = code_lengths(skewed, 15)
    assert max(lengths.values()) <= 15
    assert sum(2.0**-length for length in lengths.values()) == 1.0
    codes = canonical_codes(lengths)
    words = [format(code, f"0{width}b") for code, width in codes.values()]
    assert not any(a != b and b.startswith(a) for a in words for b in words)  # prefix-free


def test_huffman_gives_a_lone_symbol_a_partner() -> None:
    assert code_lengths({7: 10}, 15) == {7: 1, 0: 1}
    assert code_lengths({0: 3}, 15) == {0: 1, 1: 1}
    assert code_lengths({}, 15) == {0: 1, 1: 1}
