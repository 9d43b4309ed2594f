from __future__ import annotations

import base64
import enum
import io
import json
import os
import pathlib
from typing import Any

import attrs
import pytest
from _upload_ops import (
    EDIT,
    GENERATE,
    VARIATION,
    Unseekable,
    drain,
    jpeg,
    parse_multipart,
    pil_image,
    png,
    png_header,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk._operation import OperationSpec
from openai_images_sdk._uploads import (
    IMAGE_MAX_BYTES,
    PreparedBody,
    build_request_body,
    data_url,
)


def build(
    op: OperationSpec = EDIT, extra_body: dict[str, object] | None = None, **params: object
) -> PreparedBody:
    return build_request_body(op, params, extra_body=extra_body)


async def body_bytes(body: PreparedBody, driver: Any) -> bytes:
    return await drain(driver, body.iter_sync, body.iter_async)


def violations(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(v.param, v.rule) for v in error.value.violations]


# Multipart bodies


@pytest.mark.anyio
async def test_one_image_goes_as_plain_image_part(tmp_path: pathlib.Path, driver: Any) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(png(32, 16))
    body = build(image=path, prompt="a hat", n=2, stream=False, model="gpt-image-1.5")
    assert (body.kind, body.json, body.replayable) == ("multipart", None, True)
    data = await body_bytes(body, driver)
    assert len(data) == body.content_length
    parts = parse_multipart(data, body.content_type)
    assert [(p.name, p.filename, p.content_type, p.data) for p in parts] == [
        ("prompt", None, None, b"a hat"),
        ("model", None, None, b"gpt-image-1.5"),
        ("n", None, None, b"2"),
        ("stream", None, None, b"false"),
        ("image", "cat.png", "image/png", png(32, 16)),
    ]
    (info,) = body.inputs
    assert (info.label, info.filename, info.width, info.height) == ("image", "cat.png", 32, 16)


@pytest.mark.anyio
async def test_sixteen_images_and_a_mask(tmp_path: pathlib.Path, driver: Any) -> None:
    images: list[pathlib.Path] = []
    for i in range(16):
        path = tmp_path / f"img{i:02}.png"
        path.write_bytes(png(40, 30, "RGB") + bytes([i]) * (1000 * i))
        images.append(path)
    mask = png(40, 30, "RGBA")
    body = build(
        image=images,
        mask=("m.png", mask),
        prompt="p",
        stream=True,
        svg={"model": "m", "reasoning": {"effort": "high"}},
    )
    data = await body_bytes(body, driver)
    assert len(data) == body.content_length
    parts = parse_multipart(data, body.content_type)
    files = [p for p in parts if p.filename]
    assert [p.name for p in files] == ["image[]"] * 16 + ["mask"]
    assert [p.data for p in files[:16]] == [p.read_bytes() for p in images]
    assert [p.filename for p in files[:16]] == [p.name for p in images]
    assert files[16].data == mask
    fields = {p.name: p.data for p in parts if not p.filename}
    assert fields == {
        "prompt": b"p",
        "stream": b"true",
        "svg[model]": b"m",
        "svg[reasoning][effort]": b"high",
    }
    assert [i.label for i in body.inputs] == [f"image[{i}]" for i in range(16)] + ["mask"]
    # Every retry sends the same bytes from each file's first byte.
    assert await body_bytes(body, driver) == data


@pytest.mark.anyio
async def test_markup_and_inputs_order(driver: Any) -> None:
    body = build(
        markup=png(20, 10), image=[jpeg(20, 10), ("b.webp", pil_image("WEBP", 20, 10))], prompt="p"
    )
    parts = parse_multipart(await body_bytes(body, driver), body.content_type)
    assert [(p.name, p.filename, p.content_type) for p in parts if p.filename] == [
        ("image[]", "image_0.jpg", "image/jpeg"),
        ("image[]", "b.webp", "image/webp"),
        ("markup", "markup.png", "image/png"),
    ]
    assert [(i.label, i.format) for i in body.inputs] == [
        ("image[0]", "jpeg"),
        ("image[1]", "webp"),
        ("markup", "png"),
    ]


@pytest.mark.anyio
async def test_replay_for_every_kind_of_source(tmp_path: pathlib.Path, driver: Any) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(png(8, 8) + b"\x01" * 3000)
    mid = io.BytesIO(b"JUNK" + png(8, 8) + b"\x02" * 3000)
    mid.seek(4)
    stream_data = png(8, 8) + b"\x03" * 3000
    body = build(image=[path, mid, Unseekable(stream_data), png(8, 8)], prompt="p")
    first = await body_bytes(body, driver)
    mid.seek(0, io.SEEK_END)  # wherever the caller leaves it
    second = await body_bytes(body, driver)
    assert first == second
    files = [p.data for p in parse_multipart(first, body.content_type) if p.filename]
    assert files == [path.read_bytes(), mid.getvalue()[4:], stream_data, png(8, 8)]
    body.close()


def test_async_and_sync_bytes_match_for_json() -> None:
    body = build(GENERATE, prompt="x")
    assert b"".join(body.iter_sync()) == body.encoded


@pytest.mark.anyio
async def test_async_iteration_equals_sync(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(png(8, 8) + b"\x07" * 600_000)
    body = build(image=[path, path], mask=png(8, 8), prompt="p")
    assert b"".join([c async for c in body.iter_async()]) == b"".join(body.iter_sync())


def test_jpeg_named_png_is_sent_as_jpeg(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(jpeg(10, 10))
    body = build(image=path, prompt="p")
    (part,) = [
        p for p in parse_multipart(b"".join(body.iter_sync()), body.content_type) if p.filename
    ]
    assert (part.filename, part.content_type) == ("photo.png", "image/jpeg")


def test_variation_takes_one_file() -> None:
    body = build(VARIATION, image=png(), n=1)
    assert [p.name for p in parse_multipart(b"".join(body.iter_sync()), body.content_type)] == [
        "n",
        "image",
    ]
    with pytest.raises(ValidationError) as caught:
        build(VARIATION, image=[png(), png()])
    assert violations(caught) == [("image", "takes one file, got 2")]


def test_extra_body_in_multipart() -> None:
    body = build(
        image=png(),
        prompt="p",
        svg={"model": "a"},
        extra_body={"prompt": "override", "svg": {"model": "b"}, "new": 1, "doc": b"raw"},
    )
    parts = parse_multipart(b"".join(body.iter_sync()), body.content_type)
    assert [(p.name, p.data) for p in parts if not p.filename] == [
        ("prompt", b"override"),
        ("svg[model]", b"b"),
        ("new", b"1"),
    ]
    assert [(p.name, p.filename, p.data) for p in parts if p.filename] == [
        ("image", "image.png", png()),
        ("doc", "doc", b"raw"),
    ]


# Upload rules


def test_seventeen_images() -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=[png()] * 17, prompt="p")
    assert violations(caught) == [("image", "takes at most 16 images per request, got 17")]


def test_empty_list() -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=[], prompt="p")
    assert violations(caught) == [("image", "needs at least one input, got none")]


def test_empty_file_and_text_posing_as_png_are_all_reported(tmp_path: pathlib.Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    text = tmp_path / "image.png"
    text.write_text("I am not an image")
    truncated = png_header(10, 10)[:20]
    with pytest.raises(ValidationError) as caught:
        build(image=[png(), empty, text, ("t.png", truncated)], prompt="p")
    assert violations(caught) == [
        ("image", "[1] 'empty.png' is empty"),
        (
            "image",
            "[2] 'image.png' is not a PNG, JPEG, WEBP or GIF image (judged by its content, not its name)",
        ),
        (
            "image",
            "[3] 't.png' looks like a PNG file but its header is truncated or corrupt (no width and height)",
        ),
    ]
    assert "nothing was sent" in str(caught.value)


def test_image_of_fifty_megabytes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as file:
        file.write(png(8, 8))
        file.truncate(IMAGE_MAX_BYTES)  # sparse: no disk used, not read by the SDK
    with pytest.raises(ValidationError) as caught:
        build(image=path, prompt="p")
    assert violations(caught) == [
        (
            "image",
            f"'huge.png' is {IMAGE_MAX_BYTES} bytes; each file must be under 50 MB ({IMAGE_MAX_BYTES} bytes)",
        )
    ]
    with path.open("r+b") as file:
        file.truncate(IMAGE_MAX_BYTES - 1)
    assert (build(image=path, prompt="p").content_length or 0) > IMAGE_MAX_BYTES - 1


def test_missing_path_is_a_validation_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=[png(), tmp_path / "nope.png"], prompt="p")
    ((param, rule),) = violations(caught)
    assert param == "image"
    assert rule.startswith("[1] ")
    assert rule.endswith("nope.png' cannot be read: No such file or directory")


def test_mask_rules_with_the_values_seen() -> None:
    with pytest.raises(ValidationError) as caught:
        build(
            image=[png(1536, 1024, "RGB"), png(10, 10)],
            mask=("m.png", png(1024, 1024, "RGB")),
            prompt="p",
        )
    assert violations(caught) == [
        (
            "mask",
            "'m.png' has no alpha channel: a mask needs an alpha channel (PNG colour type RGBA or LA, or a tRNS chunk)",
        ),
        (
            "mask",
            "'m.png' is 1024x1024 but image[0] is 1536x1024: the mask must have the same width and height as the first image",
        ),
    ]
    assert caught.value.violations[1].value == {"mask": "1024x1024", "image[0]": "1536x1024"}


def test_mask_must_be_png_and_small() -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=jpeg(10, 10), mask=pil_image("WEBP", 10, 10, "RGBA"), prompt="p")
    assert violations(caught) == [
        ("mask", "'mask.webp' must be a PNG (the only format a mask can be), got webp")
    ]
    big = png_header(10, 10, 6) + b"\x00" * (4 * 1024 * 1024)
    with pytest.raises(ValidationError) as caught:
        build(image=jpeg(10, 10), mask=big, prompt="p")
    (violation,) = caught.value.violations
    assert (violation.param, violation.value) == ("mask", len(big))
    assert "a mask must be under 4 MB" in violation.rule


def test_mask_with_trns_and_grey_alpha_pass() -> None:
    for mask in (png_header(10, 10, 2, trns=True), png_header(10, 10, 4), png(10, 10, "LA")):
        assert build(image=png(10, 10), mask=mask, prompt="p").inputs[-1].has_alpha


def test_markup_rules() -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=png(20, 20), mask=png(20, 20), markup=png(20, 10, "RGB"), prompt="p")
    assert violations(caught) == [
        (
            "markup",
            "'markup.png' has no alpha channel: a markup needs transparency (PNG colour type RGBA or LA, or a tRNS chunk)",
        ),
        (
            "markup",
            "'markup.png' is 20x10 but image is 20x20: the markup must have the same width and height as the first image",
        ),
        ("markup", "cannot be combined with mask; send one of them"),
    ]


def test_every_file_violation_is_collected_at_once(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=[b"", b"text"] * 9, mask=png(1, 1, "RGB"), prompt="p")
    params = caught.value.params
    assert params.count("image") == 19  # the count plus each of the 18 files
    assert "mask" in params


def test_a_rejected_call_closes_its_spool_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    made: list[tempfile.SpooledTemporaryFile[bytes]] = []
    original = tempfile.SpooledTemporaryFile

    def spy(*args: object, **kwargs: object) -> tempfile.SpooledTemporaryFile[bytes]:
        made.append(original(*args, **kwargs))  # type: ignore[call-overload]
        return made[-1]

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", spy)
    keep: list[PreparedBody] = []
    with pytest.raises(ValidationError):
        keep.append(build(image=[Unseekable(png(4, 4)), b""], prompt="p"))
    assert len(made) == 1
    assert made[0].closed


# Choosing the body kind, JSON references


@attrs.frozen(kw_only=True)
class GeneratedRef:
    """Shaped like codegen's ImageRefParam (tested for real in test_real_operations)."""

    image_url: str | None = None
    file_id: str | None = None


def test_references_make_a_json_edit() -> None:
    data_url = "data:image/png;base64," + base64.b64encode(png(64, 48)).decode()
    body = build(
        image=[
            "https://example.com/a.png",
            data_url,
            {"file_id": "file-abc"},
            GeneratedRef(file_id="file-x"),
        ],
        mask={"image_url": "data:image/png;base64," + base64.b64encode(png(64, 48)).decode()},
        prompt="p",
        moderation="low",
        n=1,
    )
    assert body.kind == "json"
    assert body.content_type == "application/json"
    assert body.json is not None
    assert body.json["images"] == [
        {"image_url": "https://example.com/a.png"},
        {"image_url": data_url},
        {"file_id": "file-abc"},
        {"file_id": "file-x"},
    ]
    assert body.json["mask"] == {"image_url": body.json["mask"]["image_url"]}  # type: ignore[index]
    assert json.loads(b"".join(body.iter_sync())) == body.json
    assert body.content_length == len(body.encoded)
    infos = [(i.label, i.format, i.width, i.height, i.size) for i in body.inputs]
    assert infos == [
        ("image[0]", None, None, None, None),
        ("image[1]", "png", 64, 48, len(png(64, 48))),
        ("image[2]", None, None, None, None),
        ("image[3]", None, None, None, None),
        ("mask", "png", 64, 48, len(png(64, 48))),
    ]
    assert body.inputs[2].filename == "file-abc"


def test_none_inputs_are_left_out_of_a_json_edit_as_of_multipart() -> None:
    # No input is nullable; a plain field given as None is still sent as null.
    body = build(
        image=[{"file_id": "f"}], prompt="p", mask=None, markup=None, model=None, moderation=None
    )
    assert body.json == {
        "images": [{"file_id": "f"}],
        "prompt": "p",
        "model": None,
        "moderation": None,
    }
    assert json.loads(body.encoded) == body.json
    assert [info.label for info in body.inputs] == ["image"]
    upload = build(image=png(), prompt="p", mask=None, markup=None)
    parts = parse_multipart(b"".join(upload.iter_sync()), upload.content_type)
    assert [part.name for part in parts] == ["prompt", "image"]


def test_single_reference_still_goes_as_a_list() -> None:
    body = build(image=GeneratedRef(image_url="https://x/y.png"), prompt="p")
    assert body.json == {"images": [{"image_url": "https://x/y.png"}], "prompt": "p"}
    body = build(image=data_url(jpeg(3, 3)), prompt="p")
    assert body.json["images"][0]["image_url"].startswith("data:image/jpeg;base64,")  # type: ignore[index]
    assert (body.inputs[0].width, body.inputs[0].height) == (3, 3)


def test_reference_mask_is_checked_when_its_bytes_are_known() -> None:
    def url(data: bytes) -> str:
        return "data:image/png;base64," + base64.b64encode(data).decode()

    with pytest.raises(ValidationError) as caught:
        build(image=url(png(30, 20)), mask=url(png(20, 20, "RGB")), prompt="p")
    assert [p for p, _ in violations(caught)] == ["mask", "mask"]
    # Unknown sizes (URLs, file ids) are left to the server.
    build(image="https://x/a.png", mask={"file_id": "file-m"}, prompt="p")


def test_mixing_references_and_files() -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=[png(), {"file_id": "file-abc"}], mask=png(), prompt="p")
    assert violations(caught) == [
        (
            "image",
            "[1] is a reference (image_url/file_id) but image[0] is a file upload: "
            "send every input as a reference (JSON body) or every one as a file (multipart)",
        )
    ]
    with pytest.raises(ValidationError) as caught:
        build(image={"file_id": "file-abc"}, mask=png(), prompt="p")
    assert [p for p, _ in violations(caught)] == ["mask"]


def test_bad_references() -> None:
    with pytest.raises(ValidationError) as caught:
        build(
            image=[
                {"image_url": "https://a", "file_id": "f"},
                {"file_id": 3},
                "data:image/png;base64,!!!!",
            ],
            markup={"file_id": "file-m"},
            prompt="p",
        )
    assert violations(caught) == [
        ("image", "[0]: a reference has exactly one of image_url and file_id (both strings)"),
        ("image", "[1]: a reference has exactly one of image_url and file_id (both strings)"),
        ("image", "[2]: the data: URL's base64 payload is not valid base64"),
        (
            "markup",
            "edit does not take it in its JSON body (used when inputs are references); send files instead",
        ),
    ]


def test_too_many_references_and_huge_data_url() -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=[{"file_id": f"file-{i}"} for i in range(17)], prompt="p")
    assert violations(caught) == [("image", "takes at most 16 images per request, got 17")]
    huge = "data:image/png;base64," + "A" * (20 * 1024 * 1024)
    with pytest.raises(ValidationError) as caught:
        build(image=huge, prompt="p")
    assert "a data: URL is at most 20971520 characters" in caught.value.violations[0].rule


def test_references_need_a_json_body() -> None:
    with pytest.raises(ValidationError) as caught:
        build(VARIATION, image={"file_id": "file-x"})
    assert violations(caught) == [("image", "create_variation takes file uploads only")]


def test_json_only_field_with_files() -> None:
    with pytest.raises(ValidationError) as caught:
        build(image=png(), prompt="p", moderation="low")
    assert [p for p, _ in violations(caught)] == ["moderation"]


class Quality(enum.Enum):
    HIGH = "high"


@attrs.frozen
class SvgOptions:
    model: str
    reasoning: dict[str, str] | None = None


def test_generate_json_body() -> None:
    body = build(
        GENERATE,
        extra_body={"quality": "low", "new_flag": True},
        prompt="ünï",
        n=None,
        stream=True,
        quality=Quality.HIGH,
        svg=SvgOptions(model="m", reasoning={"effort": "low"}),
    )
    assert body.kind == "json"
    assert body.inputs == ()
    assert body.json == {
        "prompt": "ünï",
        "n": None,
        "stream": True,
        "quality": "low",
        "svg": {"model": "m", "reasoning": {"effort": "low"}},
        "new_flag": True,
    }
    assert json.loads(body.encoded.decode()) == body.json
    assert body.content_length == len(body.encoded)


def test_multipart_unstructures_attrs_values() -> None:
    body = build(
        image=png(),
        prompt="p",
        svg=SvgOptions(model="m", reasoning={"effort": "low"}),
        quality=Quality.HIGH,
    )
    fields = {
        p.name: p.data
        for p in parse_multipart(b"".join(body.iter_sync()), body.content_type)
        if not p.filename
    }
    assert fields == {
        "prompt": b"p",
        "quality": b"high",
        "svg[model]": b"m",
        "svg[reasoning][effort]": b"low",
    }


def test_json_that_cannot_be_encoded() -> None:
    with pytest.raises(ValidationError) as caught:
        build(GENERATE, prompt="p", extra_body={"x": float("nan")})
    assert caught.value.params == ("body",)


def test_no_inputs_uses_the_default_body() -> None:
    assert build(prompt="p").kind == "multipart"
    assert build(prompt="p", mask=None).kind == "multipart"


@pytest.mark.anyio
async def test_json_async_iteration() -> None:
    body = build(GENERATE, prompt="p")
    assert b"".join([c async for c in body.iter_async()]) == body.encoded


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=16), st.binary(max_size=300))
def test_property_counts_and_contents(count: int, tail: bytes) -> None:
    images = [png(6, 5) + tail + bytes([i]) for i in range(count)]
    body = build(image=images, prompt="p")
    data = b"".join(body.iter_sync())
    assert len(data) == body.content_length
    files = [p for p in parse_multipart(data, body.content_type) if p.filename]
    assert [p.data for p in files] == images
    assert {p.name for p in files} == ({"image"} if count == 1 else {"image[]"})


# The operations codegen emits from spec/openapi.yaml


def test_real_edit_operation_multipart() -> None:
    from openai_images_sdk._generated.models import ImageSvgOptions, ImageSvgReasoning
    from openai_images_sdk._generated.operations import CREATE_IMAGE_EDIT

    images = [png(48, 32, "RGB") + bytes([i]) * 10 for i in range(16)]
    body = build(
        CREATE_IMAGE_EDIT,
        image=images,
        mask=png(48, 32),
        prompt="p",
        n=1,
        stream=False,
        svg=ImageSvgOptions(model="m", reasoning=ImageSvgReasoning(effort="high")),
    )
    parts = parse_multipart(b"".join(body.iter_sync()), body.content_type)
    assert [p.data for p in parts if p.name == "image[]"] == images
    assert {p.name: p.data for p in parts if not p.filename} == {
        "prompt": b"p",
        "n": b"1",
        "stream": b"false",
        "svg[model]": b"m",
        "svg[reasoning][effort]": b"high",
    }
    assert [p.name for p in parts if p.filename][-1] == "mask"
    with pytest.raises(ValidationError) as caught:
        build(CREATE_IMAGE_EDIT, image=[png()] * 17, mask=png(9, 9), markup=png(), prompt="p")
    assert set(caught.value.params) == {"image", "mask", "markup"}


def test_real_edit_operation_json() -> None:
    from openai_images_sdk._generated.models import ImageRefParam
    from openai_images_sdk._generated.operations import CREATE_IMAGE_EDIT

    body = build(
        CREATE_IMAGE_EDIT,
        image=[ImageRefParam(file_id="file-1"), {"image_url": "https://x/a.png"}],
        mask=ImageRefParam(image_url=data_url(png(8, 8))),
        prompt="p",
        moderation="low",
    )
    assert body.kind == "json"
    assert body.json is not None
    assert body.json["images"] == [{"file_id": "file-1"}, {"image_url": "https://x/a.png"}]
    assert body.json["mask"] == {"image_url": data_url(png(8, 8))}
    assert body.json["moderation"] == "low"


def test_real_generate_and_variation_operations() -> None:
    from openai_images_sdk._generated.operations import CREATE_IMAGE, CREATE_IMAGE_VARIATION

    body = build(CREATE_IMAGE, prompt="p", n=2, extra_body={"x": 1})
    assert body.json == {"prompt": "p", "n": 2, "x": 1}
    body = build(CREATE_IMAGE_VARIATION, image=png(16, 16))
    assert [p.name for p in parse_multipart(b"".join(body.iter_sync()), body.content_type)] == [
        "image"
    ]


def test_edge_inputs(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "p.png"
    path.write_bytes(png(4, 4))
    assert build(image=str(path), prompt="p").inputs[0].filename == "p.png"  # a str path
    with pytest.raises(ValidationError) as caught:
        build(image={"url": "https://x"}, prompt="p")  # neither image_url nor file_id
    assert "expected a path, bytes" in caught.value.violations[0].rule
    # A data: URL that is not base64 is passed on unjudged.
    body = build(image="data:image/png,%89PNG", prompt="p")
    assert body.inputs[0].format is None
    body = build(GENERATE, prompt="p", extra_body={"tags": ("a", {"b": Quality.HIGH})})
    assert body.json is not None
    assert body.json["tags"] == ["a", {"b": "high"}]


@pytest.mark.anyio
async def test_overlapping_attempts_on_a_shared_file_object_do_not_interfere() -> None:
    """An abandoned attempt may still be reading ahead when the retry starts."""
    shared = io.BytesIO(b"JUNK" + png(8, 8) + os.urandom(3_000_000))
    shared.seek(4)
    spooled = Unseekable(png(8, 8) + os.urandom(2_000_000))
    body = build(image=[shared, spooled], prompt="p")
    expected = b"".join(body.iter_sync())
    abandoned = body.iter_async()
    await abandoned.__anext__()  # its thread now reads ahead from both shared files
    assert b"".join([c async for c in body.iter_async()]) == expected
    await abandoned.aclose()  # type: ignore[attr-defined]
    # Interleaved sync attempts each see the whole body too.
    first, second = body.iter_sync(), body.iter_sync()
    assert b"".join(a + b for a, b in zip(first, second, strict=True)) == b"".join(
        a + a for a in body.iter_sync()
    )
    body.close()


def test_files_api_uploads_any_file_but_images_api_wants_images() -> None:
    from openai_images_sdk._generated.operations import CREATE_FILE, CREATE_IMAGE_EDIT

    jsonl = ("batch.jsonl", b'{"custom_id": "a"}\n', "application/jsonl")
    body = build_request_body(CREATE_FILE, {"file": jsonl, "purpose": "batch"}, extra_body=None)
    assert body.kind == "multipart"
    assert b'{"custom_id": "a"}' in b"".join(body.iter_sync())
    with pytest.raises(ValidationError) as caught:
        build_request_body(CREATE_IMAGE_EDIT, {"image": jsonl, "prompt": "x"}, extra_body=None)
    assert caught.value.params == ("image",)
