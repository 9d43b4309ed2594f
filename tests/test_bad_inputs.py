"""The bad-input matrix: bad calls of generate, edit and create_variation through the real clients.

Each call must raise `ValidationError` naming exactly the broken parameters, and send
nothing (every route of the mocked API, and a catch-all, stay uncalled). Sync and async
(asyncio and trio) run from one test body.
"""

from __future__ import annotations

import struct
import warnings
import zlib
from collections.abc import Callable
from typing import Any

import attrs
import pytest
import respx
from conftest import Driver

from openai_images_sdk import ValidationError

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

API = "https://api.openai.com/v1"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, *, alpha: bool = False, level: int = 9) -> bytes:
    """A black PNG (RGB, or RGBA fully opaque); `level` 0 stores it uncompressed."""
    row = b"\0" + (b"\0\0\0\xff" if alpha else b"\0\0\0") * width
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    idat = zlib.compress(row * height, level)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int) -> bytes:
    """The header of a baseline JPEG (SOI, SOF0 with the size, EOI): enough to be sniffed."""
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x11\x00\x02\x11\x00\x03\x11\x00"
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def gif(width: int, height: int) -> bytes:
    """A GIF header with its logical screen size."""
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b";"


IMAGE = ("photo.png", png(64, 64))
MASK = ("mask.png", png(64, 64, alpha=True))
BIG = png(1024, 1024)
BIG_MASK = png(1024, 1024, alpha=True, level=0)  # stored: just over 4 MiB
REF = {"image_url": "https://example.com/photo.png"}
GPT = {"model": "gpt-image-1.5"}
GPT2 = {"model": "gpt-image-2"}
SVG = {"output_format": "svg", "svg": {"model": "svg-writer"}}


@attrs.frozen
class Case:
    """One bad call: the operation, its arguments, and the parameters it must be blamed on."""

    id: str
    op: str
    kwargs: dict[str, Any]
    params: tuple[str, ...]


def gen(id: str, params: str, **kwargs: Any) -> Case:
    return Case(
        f"generate: {id}",
        "generate",
        {"prompt": "a red fox", **GPT, **kwargs},
        tuple(params.split()),
    )


def edit(id: str, params: str, **kwargs: Any) -> Case:
    base = {"prompt": "add a hat", "image": IMAGE, **GPT}
    return Case(f"edit: {id}", "edit", {**base, **kwargs}, tuple(params.split()))


def var(id: str, params: str, **kwargs: Any) -> Case:
    return Case(
        f"variation: {id}", "create_variation", {"image": IMAGE, **kwargs}, tuple(params.split())
    )


CASES = [
    # wrong types
    gen("prompt=1", "prompt", prompt=1),
    gen("prompt=None", "prompt", prompt=None),
    gen("n='2'", "n", n="2"),
    gen("n=True", "n", n=True),
    gen("n=2.0", "n", n=2.0),
    gen("stream='yes'", "stream", stream="yes"),
    gen("stream=1", "stream", stream=1),
    gen("size=1024", "size", size=1024),
    gen("model=123", "model", model=123),
    gen("svg='fancy'", "svg", output_format="svg", svg="fancy"),
    gen(
        "frame_duration_ms='fast'",
        "frame_duration_ms",
        output_format="gif",
        frame_duration_ms="fast",
    ),
    gen("safety_identifier=5", "safety_identifier", safety_identifier=5),
    gen("quality=['high']", "quality", quality=["high"]),
    # out-of-range numbers
    gen("n=0", "n", n=0),
    gen("n=11", "n", n=11),
    gen("n=-3", "n", n=-3),
    gen(
        "output_compression=101", "output_compression", output_format="jpeg", output_compression=101
    ),
    gen("output_compression=-1", "output_compression", output_format="webp", output_compression=-1),
    gen("partial_images=4", "partial_images", stream=True, partial_images=4),
    gen("partial_images=-1", "partial_images", stream=True, partial_images=-1),
    gen("frame_count=1", "frame_count", output_format="gif", frame_count=1),
    gen("frame_count=17", "frame_count", output_format="gif", frame_count=17),
    gen("prompt of 32001 chars", "prompt", prompt="x" * 32001),
    # unknown values of closed enums
    gen("quality='ultra'", "quality", quality="ultra"),
    gen("output_format='bmp'", "output_format", output_format="bmp"),
    gen("background='clear'", "background", background="clear"),
    gen("moderation='strict'", "moderation", moderation="strict"),
    gen("style='bold'", "style", style="bold"),
    gen("response_format='file'", "response_format", response_format="file"),
    gen("complexity='extreme'", "complexity", complexity="extreme"),
    # what the model does not take
    gen("style on a GPT image model", "style", style="vivid"),
    gen("response_format on a GPT image model", "response_format", response_format="url"),
    gen("size 1792x1024 on gpt-image-1.5", "size", size="1792x1024"),
    gen("custom size on gpt-image-1.5", "size", size="1536x864"),
    gen("retired dall-e-3", "model", model="dall-e-3"),
    # parameters that need another one
    gen(
        "output_compression with png",
        "output_compression",
        output_format="png",
        output_compression=50,
    ),
    gen("output_compression, default png", "output_compression", output_compression=50),
    gen("partial_images without stream", "partial_images", partial_images=2),
    gen(
        "transparent background with jpeg",
        "background",
        background="transparent",
        output_format="jpeg",
    ),
    gen("frame_count without gif", "frame_count", output_format="png", frame_count=5),
    gen(
        "frame_duration_ms with webp",
        "frame_duration_ms",
        output_format="webp",
        frame_duration_ms=100,
    ),
    gen("svg options without svg output", "svg", svg={"model": "svg-writer"}),
    gen("svg with n=2", "n", **SVG, n=2),
    gen("svg with stream", "stream", **SVG, stream=True),
    gen("svg with stream and n=3", "n stream", **SVG, stream=True, n=3),
    gen("svg with partial_images", "partial_images", **SVG, partial_images=1),
    gen("svg with output_compression", "output_compression", **SVG, output_compression=50),
    # gpt-image-2 sizes
    gen("gpt-image-2 1000x1000 (not /16)", "size", **GPT2, size="1000x1000"),
    gen("gpt-image-2 ratio 3.01:1", "size", **GPT2, size="3088x1024"),
    gen("gpt-image-2 ratio 1:3.02", "size", **GPT2, size="512x1552"),
    gen("gpt-image-2 3856 wide", "size", **GPT2, size="3856x2160"),
    gen("gpt-image-2 size '1024'", "size", **GPT2, size="1024"),
    # several at once: each is reported
    gen("n=0 and quality='ultra'", "n quality", n=0, quality="ultra"),
    gen("prompt with a lone surrogate", "prompt", prompt="a \ud800 fox"),
    # edit: the files
    edit("17 images", "image", image=[IMAGE] * 17),
    edit("no images", "image", image=[]),
    edit("empty file", "image", image=("empty.png", b"")),
    edit("text posing as png", "image", image=("photo.png", b"just some text, not pixels")),
    edit("truncated png", "image", image=("cut.png", IMAGE[1][:20])),
    edit("gif input", "image", image=("anim.gif", gif(64, 64))),
    edit("image=123", "image", image=123),
    edit("second of two is not an image", "image", image=[IMAGE, ("b.png", b"nope")]),
    edit("mask without alpha", "mask", mask=("mask.png", png(64, 64))),
    edit("mask of the wrong size", "mask", mask=("mask.png", png(32, 64, alpha=True))),
    edit("jpeg mask", "mask", mask=("mask.jpg", jpeg(64, 64))),
    edit("mask over 4 MB", "mask", image=("big.png", BIG), mask=("mask.png", BIG_MASK)),
    edit("empty mask", "mask", mask=("mask.png", b"")),
    edit("mask plus markup", "markup", mask=MASK, markup=("markup.png", png(64, 64, alpha=True))),
    edit("markup not png", "markup", markup=("markup.jpg", jpeg(64, 64))),
    edit("markup of the wrong size", "markup", markup=("markup.png", png(64, 32, alpha=True))),
    edit("markup without transparency", "markup", markup=("markup.png", png(64, 64))),
    edit("reference mixed with a file", "image", image=[IMAGE, REF]),
    edit("reference mask with a file image", "mask", mask={"file_id": "file-123"}),
    edit("file markup with reference images", "markup", image=[REF], markup=MASK),
    edit(
        "reference with url and file id",
        "image",
        image=[{"image_url": REF["image_url"], "file_id": "f"}],
    ),
    edit("17 references", "image", image=[REF] * 17),
    edit("path with a NUL byte", "image", image="photo\x00.png"),
    edit("path of a directory", "image", image="."),
    edit("path that does not exist", "image", image="/nonexistent/photo.png"),
    edit("prompt with a lone surrogate", "prompt", prompt="add a \udcff hat"),
    edit("data url that is not an image", "image", image=["data:image/png;base64,aGVsbG8="]),
    edit("empty data url", "image", image=["data:image/png;base64,"]),
    # edit: the parameters
    edit("n=0", "n", n=0),
    edit("n=11", "n", n=11),
    edit("quality='ultra'", "quality", quality="ultra"),
    edit("stream='yes'", "stream", stream="yes"),
    edit("partial_images=4", "partial_images", stream=True, partial_images=4),
    edit("output_format='bmp'", "output_format", output_format="bmp"),
    edit("moderation='strict' with references", "moderation", image=[REF], moderation="strict"),
    edit("moderation with file uploads", "moderation", moderation="low"),
    edit("input_fidelity='medium'", "input_fidelity", input_fidelity="medium"),
    edit("input_fidelity on gpt-image-2", "input_fidelity", **GPT2, input_fidelity="high"),
    edit(
        "input_fidelity high on gpt-image-1-mini",
        "input_fidelity",
        model="gpt-image-1-mini",
        input_fidelity="high",
    ),
    edit("custom size on gpt-image-1.5", "size", size="1536x864"),
    edit("gpt-image-2 size not /16", "size", **GPT2, size="1030x1030"),
    edit(
        "transparent background with jpeg",
        "background",
        background="transparent",
        output_format="jpeg",
    ),
    edit("svg with n=2", "n", **SVG, n=2),
    edit("frame_count=17", "frame_count", output_format="gif", frame_count=17),
    edit("prompt of 32001 chars", "prompt", prompt="x" * 32001),
    edit("prompt=1", "prompt", prompt=1),
    # variations (deprecated; no model given, so only the operation's own limits apply)
    var("n=0", "n", n=0),
    var("n=11", "n", n=11),
    var("n='2'", "n", n="2"),
    var("response_format='file'", "response_format", response_format="file"),
    var("size 1024x1536", "size", size="1024x1536"),
    var("size=512", "size", size=512),
    var("empty file", "image", image=("a.png", b"")),
    var("text posing as png", "image", image=("a.png", b"plain text")),
    var("two images", "image", image=[IMAGE, IMAGE]),
    var("a reference", "image", image=REF),
    var("retired dall-e-2", "model", model="dall-e-2"),
]


@pytest.fixture
def api(respx_mock: respx.MockRouter) -> list[respx.Route]:
    """A mocked API that answers every operation (and anything else) with success."""
    ok = {"created": 1, "data": [{"b64_json": "aGk="}]}
    routes = [
        respx_mock.post(f"{API}/images/{path}").respond(json=ok)
        for path in ("generations", "edits", "variations")
    ]
    return [*routes, respx_mock.route().respond(json=ok)]


async def call(
    driver: Driver, method: Callable[..., Any], kwargs: dict[str, Any]
) -> ValidationError:
    """The `ValidationError` of one call; deprecation warnings (variations, user) are let pass."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(ValidationError) as caught:
            await driver.run(method(**kwargs))
    return caught.value


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
async def test_bad_call_is_refused_before_sending(
    driver: Driver, api: list[respx.Route], case: Case
) -> None:
    client = driver.client()
    error = await call(driver, getattr(client.images, case.op), case.kwargs)
    assert sorted(set(error.params)) == sorted(case.params), [str(v) for v in error.violations]
    for violation in error.violations:
        assert violation.rule
        assert f"{violation.param}: " in str(error)
    assert [route.call_count for route in api] == [0] * len(api)
    await driver.close(client)


def test_the_matrix_is_wide() -> None:
    ops = {case.op for case in CASES}
    assert ops == {"generate", "edit", "create_variation"}
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.op == "generate"][:3], ids=lambda c: c.id)
async def test_validation_off_sends_the_same_call(
    driver: Driver, api: list[respx.Route], case: Case
) -> None:
    """The control: with validation off the same call reaches the (mocked) API."""
    client = driver.client(validation="off")
    await driver.run(client.images.generate(**case.kwargs))
    assert api[0].call_count == 1
    await driver.close(client)


UNSENDABLE = (
    "edit: path with a NUL byte",
    "edit: path of a directory",
    "edit: path that does not exist",
    "edit: prompt with a lone surrogate",
    "generate: prompt with a lone surrogate",
)
UPLOAD_RULES = (
    "edit: 17 images",
    "edit: empty file",
    "edit: text posing as png",
    "edit: second of two is not an image",
    "edit: mask without alpha",
    "edit: jpeg mask",
    "edit: mask plus markup",
    "edit: 17 references",
)
_BY_ID = {case.id: case for case in CASES}


@pytest.mark.parametrize("mode", ["off", "warn"])
@pytest.mark.parametrize("case", [_BY_ID[i] for i in UNSENDABLE], ids=lambda c: c.id)
async def test_what_cannot_be_sent_is_refused_in_every_mode(
    driver: Driver, api: list[respx.Route], case: Case, mode: str
) -> None:
    client = driver.client(validation=mode)
    error = await call(driver, getattr(client.images, case.op), case.kwargs)
    assert error.params == case.params
    assert [route.call_count for route in api] == [0] * len(api)
    await driver.close(client)


@pytest.mark.parametrize("case", [_BY_ID[i] for i in UPLOAD_RULES], ids=lambda c: c.id)
async def test_upload_rules_are_sent_as_given_with_validation_off(
    driver: Driver, api: list[respx.Route], case: Case
) -> None:
    client = driver.client(validation="off")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        await driver.run(getattr(client.images, case.op)(**case.kwargs))
    assert api[1].call_count == 1
    await driver.close(client)
