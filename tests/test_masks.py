from __future__ import annotations

import io
import pathlib
import sys

import pytest
from _upload_ops import EDIT, jpeg, png

from openai_images_sdk._inputs._checks import overlay_violations
from openai_images_sdk._inputs._formats import ImageHeader, probe_bytes
from openai_images_sdk._masks import (
    add_alpha_to_mask,
    mask_for_image,
    mask_from_pil,
    mask_from_rectangles,
)
from openai_images_sdk._types import ImageInfo
from openai_images_sdk._uploads import build_request_body


def _alpha(data: bytes) -> list[list[int]]:
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    assert image.mode == "RGBA"
    alpha = image.getchannel("A")
    return [[int(alpha.getpixel((x, y))) for x in range(image.width)] for y in range(image.height)]  # type: ignore[arg-type]


def test_single_rectangle() -> None:
    data = mask_from_rectangles(6, 4, (1, 1, 3, 2))
    assert probe_bytes(data) == ImageHeader(format="png", width=6, height=4, has_alpha=True)
    assert _alpha(data) == [
        [255, 255, 255, 255, 255, 255],
        [255, 0, 0, 0, 255, 255],
        [255, 0, 0, 0, 255, 255],
        [255, 255, 255, 255, 255, 255],
    ]


def test_several_overlapping_rectangles() -> None:
    data = mask_from_rectangles(5, 3, [(0, 0, 2, 2), (1, 1, 2, 2), (4, 0, 1, 3)])
    assert _alpha(data) == [
        [0, 0, 255, 255, 0],
        [0, 0, 0, 255, 0],
        [255, 0, 0, 255, 0],
    ]
    assert _alpha(mask_from_rectangles(2, 2, [])) == [[255, 255], [255, 255]]
    assert _alpha(mask_from_rectangles(2, 2, [[0, 0, 2, 2]])) == [[0, 0], [0, 0]]  # type: ignore[list-item]


def test_large_mask_is_small_and_accepted_by_the_upload_rules() -> None:
    data = mask_from_rectangles(1536, 1024, (100, 200, 300, 400))
    assert len(data) < 20_000
    body = build_request_body(
        EDIT, {"image": png(1536, 1024), "mask": data, "prompt": "p"}, extra_body=None
    )
    assert body.inputs[-1].has_alpha is True


@pytest.mark.parametrize(
    ("size", "rects", "message"),
    [
        ((0, 4), [], "must be positive"),
        ((4, 4), (3, 0, 2, 1), "outside the 4x4 image"),
        ((4, 4), (0, 0, 0, 1), "is empty"),
        ((4, 4), (-1, 0, 1, 1), "outside"),
        ((4, 4), [(0, 0, 1)], r"is \(x, y, width, height\)"),
    ],
)
def test_bad_rectangles(size: tuple[int, int], rects: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        mask_from_rectangles(*size, rects)  # type: ignore[arg-type]


def test_mask_for_image(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg(30, 20))
    data = mask_for_image(path, (0, 0, 10, 10))
    assert probe_bytes(data).dimensions == (30, 20)
    with pytest.raises(ValueError, match="cannot read the width and height"):
        mask_for_image(b"\x89PNG\r\n\x1a\n", (0, 0, 1, 1))


def test_mask_from_pil() -> None:
    from PIL import Image

    picture = Image.new("LA", (3, 2), (0, 255))
    picture.putpixel((1, 1), (0, 0))
    data = mask_from_pil(picture)
    assert _alpha(data) == [[255, 255, 255], [255, 0, 255]]
    assert probe_bytes(mask_from_pil(png(4, 4, "RGBA"))).has_alpha is True
    with pytest.raises(ValueError, match="has no alpha channel"):
        mask_from_pil(Image.new("RGB", (2, 2)))


@pytest.mark.parametrize(("edit", "expected"), [("white", [[255, 0]]), ("black", [[0, 255]])])
def test_add_alpha_to_mask(tmp_path: pathlib.Path, edit: str, expected: list[list[int]]) -> None:
    from PIL import Image

    drawing = Image.new("RGB", (2, 1), (0, 0, 0))
    drawing.putpixel((1, 0), (255, 255, 255))
    assert _alpha(add_alpha_to_mask(drawing, edit=edit)) == expected  # type: ignore[arg-type]
    path = tmp_path / "drawing.png"
    drawing.convert("L").save(path)
    assert _alpha(add_alpha_to_mask(path, edit=edit)) == expected  # type: ignore[arg-type]
    assert _alpha(add_alpha_to_mask(path.read_bytes(), edit=edit)) == expected  # type: ignore[arg-type]


def test_pillow_helpers_explain_a_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(ImportError, match=r"pip install 'openai-images-sdk\[pillow\]'"):
        mask_from_pil(b"")
    with pytest.raises(ImportError, match="needs Pillow"):
        add_alpha_to_mask(b"")
    # The pure-Python builder does not need it.
    assert mask_from_rectangles(1, 1, (0, 0, 1, 1)).startswith(b"\x89PNG")


def _info(
    label: str,
    fmt: str | None = "png",
    size: tuple[int, int] | None = (4, 4),
    alpha: bool | None = True,
) -> ImageInfo:
    return ImageInfo(
        label=label,
        filename="" if label.startswith("image") else f"{label}.png",
        content_type=None,
        format=fmt,  # type: ignore[arg-type]
        width=size[0] if size else None,
        height=size[1] if size else None,
        size=100,
        has_alpha=alpha,
    )


def test_overlay_violations() -> None:
    first = _info("image[0]", size=(8, 4))
    assert overlay_violations("mask", _info("mask", size=(8, 4)), first) == []
    assert overlay_violations("mask", _info("mask", fmt=None, size=None, alpha=None), first) == []
    assert overlay_violations("mask", _info("mask"), None) == []
    [wrong] = overlay_violations("mask", _info("mask"), first)
    assert wrong.rule.startswith("'mask.png' is 4x4 but image[0] is 8x4")
    [unknown] = overlay_violations("markup", _info("markup", alpha=None, size=(8, 4)), first)
    assert unknown.rule.startswith("'markup.png' has no alpha channel")
