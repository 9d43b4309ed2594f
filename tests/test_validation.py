"""validate_request: operation-wide limits, per-model rules from the table, modes, warnings."""

from __future__ import annotations

import datetime
import json
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from _validation_ops import HAND_BUILT, generated
from hypothesis import given
from hypothesis import strategies as st

from openai_images_sdk._capabilities import (
    CapabilityTable,
    default_table,
    is_experimental_size,
    load_table,
)
from openai_images_sdk._exceptions import ValidationError, Violation
from openai_images_sdk._operation import OperationSpec
from openai_images_sdk._types import ImageInfo
from openai_images_sdk._validation import validate_request

ROOT = Path(__file__).resolve().parents[1]
SPEC_YAML = ROOT / "spec" / "model-capabilities.yaml"
TODAY = datetime.date(2026, 11, 21)

OP_SETS: dict[str, Mapping[str, OperationSpec]] = {"hand-built": HAND_BUILT}
if (_generated := generated()) is not None:
    OP_SETS["generated"] = _generated

# Fragments of Violation.rule, one per kind of rule.
INTEGER = "must be an integer"
STRING = "must be a string"
ONE_OF = "must be one of"
BETWEEN = "must be between"
TOO_LONG = "characters"
ITEMS = "takes at most 16 items"
UNSUPPORTED = "is not supported by this model"
FOR_MODEL = "for this model"
_FACTS: Any = yaml.safe_load(SPEC_YAML.read_text(encoding="utf-8"))
_CUSTOM = _FACTS["templates"]["gpt-image-flexible-size"]["operations"]["generate"]["size"]["custom"]
STEP: int = _CUSTOM["multiple_of"]
LONG, SHORT = sorted((int(n) for n in _CUSTOM["max_size"].split("x")), reverse=True)
RATIO_MAX = int(_CUSTOM["aspect_ratio"]["max"].split(":")[0])
FRAME_CAP: int = _FACTS["templates"]["gpt-image"]["operations"]["generate"]["parameters"][
    "frame_duration_ms"
]["max"]
RETIRED = f"was retired on {_FACTS['models']['dall-e-3']['lifecycle']['shutdown_date']}"
_G1_LIFE = default_table().models["gpt-image-1"].lifecycle
assert _G1_LIFE is not None
SHUT_DOWN = f"was shut down on {_G1_LIFE.shutdown_date}; use {_G1_LIFE.replacement!r} instead"
NO_EDITS = "does not support image edits"
NO_VARIATIONS = "does not support image variations"
MULTIPLE = "width and height must both be multiples of 16"
RATIO = "aspect ratio must be between 1:3 and 3:1"
MAX_SIZE = f"must be at most {LONG}x{SHORT} or {SHORT}x{LONG}"
WXH = "or WIDTHxHEIGHT"
SVG_N = "must be 1 when output_format is 'svg'"
SVG_STREAM = "must not be true when output_format is 'svg'"
SVG_ONLY = "is not allowed when output_format is 'svg'"
NEEDS_SVG = "is only allowed when output_format is 'svg'"
NEEDS_STREAM = "is only allowed when stream is true"
NEEDS_WEBP_JPEG = "is only allowed when output_format is 'webp' or 'jpeg'"
NEEDS_GIF = "is only allowed when output_format is 'gif'"
GIF_STREAM = "must not be true when output_format is 'gif'"
GIF_ONLY = "is not allowed when output_format is 'gif'"
WITH_MASK = "cannot be combined with mask"
TRANSPARENT = "'transparent' needs output_format 'png' or 'webp'"
ONE_IMAGE = "takes at most 1 image with this model (got 2)"
SQUARE = "must be square"
UNDER_4 = "must be smaller than 4 MiB"
UNDER_50 = "must be smaller than 50 MiB"

# Fragments of DeprecationWarning messages.
DEP_USER = "user is deprecated: pass safety_identifier"
DEP_HD = "quality='hd' is deprecated"
DEP_STANDARD = "quality='standard' is deprecated"
DEP_VARIATIONS = "create_variation is deprecated"

MiB = 1024 * 1024


def img(
    label: str = "image",
    fmt: Any = "png",
    width: int = 1024,
    height: int = 1024,
    size: int = 100_000,
) -> ImageInfo:
    """An ImageInfo as the uploads layer would describe a file."""
    return ImageInfo(
        label=label,
        filename=f"{label}.{fmt}",
        content_type=f"image/{fmt}",
        format=fmt,
        width=width,
        height=height,
        size=size,
        has_alpha=False,
    )


@attrs.frozen
class Case:
    """One call and exactly what validation should say about it."""

    id: str
    op: str
    params: dict[str, object]
    expect: tuple[tuple[str, str], ...] = ()
    """(param, fragment of the rule) for each violation, nothing more."""
    warns: tuple[str, ...] = ()
    """A fragment of each DeprecationWarning, nothing more."""
    inputs: tuple[ImageInfo, ...] = ()


def gen(model: str | None, **params: object) -> dict[str, object]:
    out: dict[str, object] = {"prompt": "a lighthouse at dusk", **params}
    if model is not None:
        out["model"] = model
    return out


def edit(model: str | None, **params: object) -> dict[str, object]:
    return {"image": b"png bytes", **gen(model, **params)}


def var(model: str | None, **params: object) -> dict[str, object]:
    out: dict[str, object] = {"image": b"png bytes", **params}
    if model is not None:
        out["model"] = model
    return out


G2 = "gpt-image-2"
CASES = [
    # gpt-image-2, generate: sizes
    Case("g2 minimal", "generate", gen(G2)),
    Case("g2 custom size", "generate", gen(G2, size="1536x864")),
    Case("g2 portrait max", "generate", gen(G2, size="2160x3840")),
    Case("g2 landscape max", "generate", gen(G2, size="3840x2160")),
    Case("g2 3:1", "generate", gen(G2, size="3840x1280")),
    Case("g2 1:3", "generate", gen(G2, size="720x2160")),
    Case("g2 auto", "generate", gen(G2, size="auto")),
    Case("g2 not x16", "generate", gen(G2, size="1000x1000"), (("size", MULTIPLE),)),
    Case("g2 too big", "generate", gen(G2, size="4096x2048"), (("size", MAX_SIZE),)),
    Case("g2 3856 wide", "generate", gen(G2, size="3856x1296"), (("size", MAX_SIZE),)),
    Case("g2 short edge", "generate", gen(G2, size="2176x2176"), (("size", MAX_SIZE),)),
    Case("g2 ratio", "generate", gen(G2, size="3200x1024"), (("size", RATIO),)),
    Case("g2 not WxH", "generate", gen(G2, size="big"), (("size", WXH),)),
    Case("g2 leading zero", "generate", gen(G2, size="01024x1024"), (("size", WXH),)),
    Case("g2 zero", "generate", gen(G2, size="0x0"), (("size", "at least 16"),)),
    # gpt-image-2, generate: parameters
    Case("g2 style", "generate", gen(G2, style="vivid"), (("style", UNSUPPORTED),)),
    Case("g2 url", "generate", gen(G2, response_format="url"), (("response_format", UNSUPPORTED),)),
    Case("g2 hd", "generate", gen(G2, quality="hd"), (("quality", FOR_MODEL),), (DEP_HD,)),
    Case(
        "g2 standard",
        "generate",
        gen(G2, quality="standard"),
        (("quality", FOR_MODEL),),
        (DEP_STANDARD,),
    ),
    Case("g2 xhigh", "generate", gen(G2, quality="xhigh"), (("quality", FOR_MODEL),)),
    Case(
        "g2.5 xhigh", "generate", gen("gpt-image-2.5-sunburst", quality="xhigh", complexity="high")
    ),
    Case("g2.5 flare max", "generate", gen("gpt-image-2.5-flare-2026-09-08", quality="max")),
    Case("g2.6 max", "generate", gen("gpt-image-2.6-flare", quality="max")),
    Case("g1.5 max", "generate", gen("gpt-image-1.5", quality="max"), (("quality", FOR_MODEL),)),
    Case(
        "g2 gif",
        "generate",
        gen(G2, output_format="gif", frame_count=16, frame_duration_ms=FRAME_CAP),
    ),
    Case(
        "g2 gif frame duration cap",
        "generate",
        gen(G2, output_format="gif", frame_duration_ms=FRAME_CAP + 10),
        (("frame_duration_ms", f"at most {FRAME_CAP}"),),
    ),
    Case(
        "g2 gif stream",
        "generate",
        gen(G2, output_format="gif", stream=True, partial_images=2),
        (("stream", GIF_STREAM), ("partial_images", GIF_ONLY)),
    ),
    Case(
        "g2 gif compression",
        "generate",
        gen(G2, output_format="gif", output_compression=50),
        (("output_compression", GIF_ONLY),),
    ),
    Case(
        "g2 complexity enum", "generate", gen(G2, complexity="extreme"), (("complexity", ONE_OF),)
    ),
    Case("g2 webp compression", "generate", gen(G2, output_format="webp", output_compression=80)),
    Case("g2 jpeg compression 0", "generate", gen(G2, output_format="jpeg", output_compression=0)),
    Case(
        "g2 compression default png",
        "generate",
        gen(G2, output_compression=80),
        (("output_compression", NEEDS_WEBP_JPEG),),
    ),
    Case(
        "g2 compression png",
        "generate",
        gen(G2, output_format="png", output_compression=80),
        (("output_compression", NEEDS_WEBP_JPEG),),
    ),
    Case(
        "g2 compression 101",
        "generate",
        gen(G2, output_format="webp", output_compression=101),
        (("output_compression", BETWEEN),),
    ),
    Case("g2 stream partial", "generate", gen(G2, stream=True, partial_images=2)),
    Case(
        "g2 partial no stream",
        "generate",
        gen(G2, partial_images=2),
        (("partial_images", NEEDS_STREAM),),
    ),
    Case(
        "g2 partial stream false",
        "generate",
        gen(G2, stream=False, partial_images=0),
        (("partial_images", NEEDS_STREAM),),
    ),
    Case(
        "g2 partial 4",
        "generate",
        gen(G2, stream=True, partial_images=4),
        (("partial_images", BETWEEN),),
    ),
    Case(
        "g2 gif",
        "generate",
        gen(G2, output_format="gif", frame_count=8, frame_duration_ms=120),
    ),
    Case("g2 frames no gif", "generate", gen(G2, frame_count=8), (("frame_count", NEEDS_GIF),)),
    Case(
        "g2 duration png",
        "generate",
        gen(G2, output_format="png", frame_duration_ms=100),
        (("frame_duration_ms", NEEDS_GIF),),
    ),
    Case(
        "g2 frames 17",
        "generate",
        gen(G2, output_format="gif", frame_count=17),
        (("frame_count", BETWEEN),),
    ),
    Case("g2 svg", "generate", gen(G2, output_format="svg", svg={"model": "gpt-5"}, n=1)),
    Case("g2 svg opts no svg", "generate", gen(G2, svg={"model": "gpt-5"}), (("svg", NEEDS_SVG),)),
    Case("g2 svg n", "generate", gen(G2, output_format="svg", n=2), (("n", SVG_N),)),
    Case(
        "g2 svg stream",
        "generate",
        gen(G2, output_format="svg", stream=True),
        (("stream", SVG_STREAM),),
    ),
    Case(
        "g2 svg stream partial",
        "generate",
        gen(G2, output_format="svg", stream=True, partial_images=1),
        (("stream", SVG_STREAM), ("partial_images", SVG_ONLY)),
    ),
    Case(
        "g2 svg compression",
        "generate",
        gen(G2, output_format="svg", output_compression=50),
        (("output_compression", SVG_ONLY),),
    ),
    Case(
        "g2 transparent jpeg",
        "generate",
        gen(G2, background="transparent", output_format="jpeg"),
        (("background", TRANSPARENT),),
    ),
    Case(
        "g2 transparent webp", "generate", gen(G2, background="transparent", output_format="webp")
    ),
    Case("g2 transparent default", "generate", gen(G2, background="transparent")),
    Case("g2 n str", "generate", gen(G2, n="2"), (("n", INTEGER),)),
    Case("g2 n bool", "generate", gen(G2, n=True), (("n", INTEGER),)),
    Case("g2 n float", "generate", gen(G2, n=2.0), (("n", INTEGER),)),
    Case("g2 n 11", "generate", gen(G2, n=11), (("n", BETWEEN),)),
    Case("g2 n 0", "generate", gen(G2, n=0), (("n", BETWEEN),)),
    Case("g2 prompt long", "generate", gen(G2, prompt="x" * 32001), (("prompt", TOO_LONG),)),
    Case("g2 prompt type", "generate", gen(G2, prompt=7), (("prompt", STRING),)),
    Case("g2 moderation", "generate", gen(G2, moderation="low", safety_identifier="u-1")),
    Case("g2 moderation enum", "generate", gen(G2, moderation="high"), (("moderation", ONE_OF),)),
    Case("g2 stream type", "generate", gen(G2, stream="yes"), (("stream", "true or false"),)),
    Case("g2 user", "generate", gen(G2, user="u-1"), warns=(DEP_USER,)),
    Case("g2 nulls", "generate", gen(G2, style=None, quality=None, n=None)),
    Case(
        "g2 many at once",
        "generate",
        gen(G2, n="3", style="vivid", size="1000x1000", output_compression=9, user="u"),
        (
            ("n", INTEGER),
            ("style", UNSUPPORTED),
            ("size", MULTIPLE),
            ("output_compression", NEEDS_WEBP_JPEG),
        ),
        (DEP_USER,),
    ),
    # no model (or None): tests/test_validation_defaults.py checks against the spec's default
    Case(
        "model type",
        "generate",
        {**gen(None, size="999x999"), "model": 5},
        (("model", "a string"),),
    ),
    # the other GPT image models
    Case(
        "g2 snapshot not x16",
        "generate",
        gen("gpt-image-2-2026-04-21", size="1000x1000"),
        (("size", MULTIPLE),),
    ),
    Case("g1.5 standard size", "generate", gen("gpt-image-1.5", size="1536x1024")),
    Case(
        "g1.5 custom size",
        "generate",
        gen("gpt-image-1.5", size="1536x864"),
        (("size", ONE_OF),),
    ),
    Case("mini low", "generate", gen("gpt-image-1-mini", quality="low", n=10)),
    Case(
        "latest custom size",
        "generate",
        gen("chatgpt-image-latest", size="2048x2048"),
        (("size", ONE_OF),),
    ),
    Case("2.5 flare custom", "generate", gen("gpt-image-2.5-flare", size="2048x1152")),
    Case(
        "2.5 snapshot ratio",
        "generate",
        gen("gpt-image-2.5-sunburst-2026-09-08", size="3840x1264"),
        (("size", RATIO),),
    ),
    Case("2.6 custom", "generate", gen("gpt-image-2.6-sunburst", size="1536x864")),
    Case("g1 shut down", "generate", gen("gpt-image-1"), (("model", SHUT_DOWN),)),
    # DALL·E
    Case("d3 retired", "generate", gen("dall-e-3"), (("model", RETIRED),)),
    Case(
        "d3 valid otherwise",
        "generate",
        gen("dall-e-3", style="natural", quality="hd", size="1792x1024", response_format="url"),
        (("model", RETIRED),),
        (DEP_HD,),
    ),
    Case("d3 n 2", "generate", gen("dall-e-3", n=2), (("model", RETIRED), ("n", "must be 1 for"))),
    Case(
        "d3 size",
        "generate",
        gen("dall-e-3", size="1536x1024"),
        (("model", RETIRED), ("size", ONE_OF)),
    ),
    Case(
        "d3 prompt",
        "generate",
        gen("dall-e-3", prompt="x" * 4001),
        (("model", RETIRED), ("prompt", "at most 4000 characters")),
    ),
    Case(
        "d3 output format",
        "generate",
        gen("dall-e-3", output_format="png"),
        (("model", RETIRED), ("output_format", UNSUPPORTED)),
    ),
    Case(
        "d2 prompt",
        "generate",
        gen("dall-e-2", prompt="x" * 1001, size="256x256"),
        (("model", RETIRED), ("prompt", "at most 1000 characters")),
    ),
    Case(
        "d2 style",
        "generate",
        gen("dall-e-2", style="natural"),
        (("model", RETIRED), ("style", UNSUPPORTED)),
    ),
    Case(
        "d2 stream",
        "generate",
        gen("dall-e-2", stream=True),
        (("model", RETIRED), ("stream", UNSUPPORTED)),
    ),
    Case(
        "d2 hd",
        "generate",
        gen("dall-e-2", quality="hd"),
        (("model", RETIRED), ("quality", FOR_MODEL)),
        (DEP_HD,),
    ),
    # edits
    Case("g2 edit", "edit", edit(G2, size="2048x1152", moderation="low"), inputs=(img(),)),
    Case(
        "g2 edit fidelity",
        "edit",
        edit(G2, input_fidelity="high"),
        (("input_fidelity", UNSUPPORTED),),
    ),
    Case("g1.5 edit fidelity high", "edit", edit("gpt-image-1.5", input_fidelity="high")),
    Case("mini edit fidelity low", "edit", edit("gpt-image-1-mini", input_fidelity="low")),
    Case(
        "mini edit fidelity high",
        "edit",
        edit("gpt-image-1-mini", input_fidelity="high"),
        (("input_fidelity", FOR_MODEL),),
    ),
    Case(
        "edit fidelity enum",
        "edit",
        edit("gpt-image-1.5", input_fidelity="medium"),
        (("input_fidelity", ONE_OF),),
    ),
    Case(
        "g2 edit 16 images",
        "edit",
        edit(G2, image=[b"x"] * 16),
        inputs=tuple(img(f"image[{i}]") for i in range(16)),
    ),
    Case("g2 edit 17 images", "edit", edit(G2, image=[b"x"] * 17), (("image", ITEMS),)),
    Case(
        "g2 edit gif input",
        "edit",
        edit(G2),
        (("image", "is a gif image, which this model does not take (it takes: png, jpeg, webp)"),),
        inputs=(img(fmt="gif"),),
    ),
    Case(
        "g2 edit 50 MiB",
        "edit",
        edit(G2),
        (("image", UNDER_50),),
        inputs=(img(size=50 * MiB),),
    ),
    Case(
        "g2 edit jpeg mask ignored",
        "edit",
        edit(G2),
        inputs=(img(fmt="jpeg", width=3000, height=1000), img("mask", fmt="gif", size=90 * MiB)),
    ),
    Case(
        "g2 edit svg stream",
        "edit",
        edit(G2, output_format="svg", stream=True),
        (("stream", SVG_STREAM),),
    ),
    Case(
        "g2 edit gif mask",
        "edit",
        edit(G2, output_format="gif", mask=b"mask"),
        (("mask", GIF_ONLY),),
    ),
    Case("g2 edit markup", "edit", edit(G2, markup=b"markup"), (("markup", UNSUPPORTED),)),
    Case("g2.5 edit markup", "edit", edit("gpt-image-2.5-flare", markup=b"markup")),
    Case(
        "g2.5 edit markup and mask",
        "edit",
        edit("gpt-image-2.5-sunburst", markup=b"markup", mask=b"mask"),
        (("markup", WITH_MASK),),
    ),
    Case("g2 edit hd", "edit", edit(G2, quality="hd"), (("quality", ONE_OF),), (DEP_HD,)),
    Case(
        "d2 edit valid otherwise",
        "edit",
        edit("dall-e-2", size="512x512", response_format="b64_json"),
        (("model", RETIRED),),
        inputs=(img(width=512, height=512),),
    ),
    Case(
        "d2 edit inputs",
        "edit",
        edit("dall-e-2", image=[b"a", b"b"]),
        (
            ("model", RETIRED),
            ("image", ONE_IMAGE),
            (
                "image",
                "[0] 'image[0].jpeg' is a jpeg image, which this model does not take (it takes: png)",
            ),
            ("image", f"[0] 'image[0].jpeg' {UNDER_4}"),
            ("image", f"[1] 'image[1].png' {SQUARE}"),
        ),
        inputs=(img("image[0]", fmt="jpeg", size=4 * MiB), img("image[1]", width=512, height=256)),
    ),
    Case(
        "d2 edit just under 4 MiB",
        "edit",
        edit("dall-e-2"),
        (("model", RETIRED),),
        inputs=(img(size=4 * MiB - 1),),
    ),
    Case(
        "d2 edit background",
        "edit",
        edit("dall-e-2", background="opaque"),
        (("model", RETIRED), ("background", UNSUPPORTED)),
    ),
    Case("d3 edit", "edit", edit("dall-e-3"), (("model", RETIRED), ("model", NO_EDITS))),
    Case("unknown edit 17", "edit", edit("my-editor", image=[b"x"] * 17), (("image", ITEMS),)),
    Case("unknown edit fidelity", "edit", edit("my-editor", input_fidelity="high")),
    # variations (deprecated endpoint)
    Case("var no model", "variation", var(None, size="512x512"), warns=(DEP_VARIATIONS,)),
    Case(
        "var d2",
        "variation",
        var("dall-e-2", n=2),
        (("model", RETIRED),),
        (DEP_VARIATIONS,),
        inputs=(img(),),
    ),
    Case(
        "var d2 inputs",
        "variation",
        var("dall-e-2"),
        (
            ("model", RETIRED),
            ("image", SQUARE),
            ("image", "is a webp image, which this model does not take (it takes: png)"),
        ),
        (DEP_VARIATIONS,),
        inputs=(img(fmt="webp", width=1024, height=512),),
    ),
    Case(
        "var g2",
        "variation",
        var(G2),
        (("model", NO_VARIATIONS),),
        (DEP_VARIATIONS,),
    ),
    Case(
        "var size enum",
        "variation",
        var(None, size="1536x1024"),
        (("size", ONE_OF),),
        (DEP_VARIATIONS,),
    ),
    Case("var user", "variation", var(None, user="u"), warns=(DEP_VARIATIONS, DEP_USER)),
    # unknown models: only the operation-wide limits
    Case(
        "unknown passes",
        "generate",
        gen("my-local-model", size="999x999", style="vivid", response_format="url", n=10),
    ),
    Case("unknown n 11", "generate", gen("my-local-model", n=11), (("n", BETWEEN),)),
    Case(
        "unknown quality",
        "generate",
        gen("my-local-model", quality="ultra"),
        (("quality", ONE_OF),),
    ),
    Case(
        "unknown svg combo",
        "generate",
        gen("my-local-model", output_format="svg", n=4, stream=True, output_compression=3),
    ),
]


def run(
    op: OperationSpec,
    params: Mapping[str, object],
    *,
    inputs: Sequence[ImageInfo] = (),
    table: CapabilityTable | None = None,
    today: datetime.date | None = TODAY,
) -> tuple[tuple[Violation, ...], list[str]]:
    """The violations a strict call raises and the DeprecationWarnings it issues."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            validate_request(op, params, mode="strict", inputs=inputs, table=table, today=today)
        except ValidationError as exc:
            violations = exc.violations
        else:
            violations = ()
    assert all(w.category is DeprecationWarning for w in caught), caught
    return violations, [str(w.message) for w in caught]


def same_violations(found: Sequence[Violation], expected: Sequence[tuple[str, str]]) -> bool:
    """Whether each (param, rule fragment) matches exactly one violation, none left over."""
    remaining = list(found)
    for param, fragment in expected:
        hit = next((v for v in remaining if v.param == param and fragment in v.rule), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return not remaining


def same_warnings(found: Sequence[str], expected: Sequence[str]) -> bool:
    """Whether each fragment matches exactly one warning message, none left over."""
    remaining = list(found)
    for fragment in expected:
        hit = next((m for m in remaining if fragment in m), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return not remaining


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60
    assert {c.op for c in CASES} == {"generate", "edit", "variation"}
    assert sum(1 for c in CASES if c.expect) >= 30
    assert sum(1 for c in CASES if not c.expect) >= 20


@pytest.mark.parametrize("ops", list(OP_SETS))
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_table_driven(case: Case, ops: str) -> None:
    violations, warned = run(OP_SETS[ops][case.op], case.params, inputs=case.inputs)
    seen = [(v.param, v.rule) for v in violations]
    assert same_violations(violations, case.expect), f"violations {seen}, expected {case.expect}"
    assert same_warnings(warned, case.warns), f"warnings {warned}, expected {case.warns}"


def test_violations_name_model_and_value() -> None:
    op = HAND_BUILT["generate"]
    violations, _ = run(op, gen(G2, n="2", size="1000x1000", style="vivid"))
    by_param = {v.param: v for v in violations}
    assert by_param["n"].model is None  # operation-wide
    assert by_param["n"].value == "2"
    assert by_param["size"].model == G2
    assert by_param["size"].value == "1000x1000"
    assert by_param["style"].value == "vivid"


def test_strict_raises_one_error_listing_everything() -> None:
    with pytest.raises(ValidationError) as info:
        validate_request(
            HAND_BUILT["generate"],
            gen(G2, n=11, style="vivid", size="1000x1000"),
            mode="strict",
            today=TODAY,
        )
    assert isinstance(info.value, ValueError)
    assert sorted(info.value.params) == ["n", "size", "style"]
    text = str(info.value)
    assert "3 problems" in text
    assert "style: is not supported by this model (model gpt-image-2)" in text


def test_warn_mode_warns_with_the_same_lines_and_returns() -> None:
    op, params = HAND_BUILT["generate"], gen(G2, n=11, style="vivid")
    with pytest.raises(ValidationError) as info:
        validate_request(op, params, mode="strict", today=TODAY)
    with pytest.warns(UserWarning, match="sending it anyway") as record:
        validate_request(op, params, mode="warn", today=TODAY)
    assert len(record) == 1
    message = str(record[0].message)
    assert "validation='warn'" in message
    for violation in info.value.violations:
        assert f"  - {violation}" in message
    assert record[0].filename == __file__


def test_warn_mode_is_silent_for_a_valid_call() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate_request(HAND_BUILT["generate"], gen(G2), mode="warn", today=TODAY)


@pytest.mark.parametrize(
    ("op", "params"),
    [
        ("generate", gen("dall-e-3", n="x", quality="hd", user="u", size="1x1")),
        ("variation", var("dall-e-2", user="u")),
        ("edit", edit("gpt-image-1", image=[b"x"] * 40)),
    ],
)
def test_off_mode_checks_nothing_and_warns_nothing(op: str, params: dict[str, object]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate_request(HAND_BUILT[op], params, mode="off", inputs=(img(fmt="gif"),))


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="'strict', 'warn' or 'off'"):
        validate_request(HAND_BUILT["generate"], gen(G2), mode="lenient")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("model", "replacement"),
    [
        ("dall-e-2", "gpt-image-1-mini"),
        ("dall-e-3", "gpt-image-1.5"),
        ("gpt-image-1", "gpt-image-2.5-sunburst"),
    ],
)
def test_retired_models_name_the_replacement(model: str, replacement: str) -> None:
    violations, _ = run(HAND_BUILT["generate"], gen(model))
    assert len(violations) == 1
    assert violations[0].param == "model"
    assert violations[0].model == model
    assert f"use {replacement!r} instead" in violations[0].rule


def test_before_the_shutdown_date_a_model_only_warns() -> None:
    op = HAND_BUILT["generate"]
    with pytest.deprecated_call(match="gpt-image-1' shuts down on 2026-10-23; use 'gpt-image-2.5"):
        validate_request(op, gen("gpt-image-1"), mode="strict", today=datetime.date(2026, 10, 22))
    violations, _ = run(op, gen("gpt-image-1"), today=datetime.date(2026, 10, 23))
    assert [v.param for v in violations] == ["model"]


def test_the_lifecycle_uses_the_current_date_by_default() -> None:
    # The machine's clock is past 2026-10-23 (today is 2026-11-21).
    violations, _ = run(HAND_BUILT["generate"], gen("gpt-image-1"), today=None)
    assert [v.rule for v in violations] == [SHUT_DOWN]


def test_deprecation_warnings_point_at_the_caller() -> None:
    with pytest.deprecated_call() as record:
        validate_request(HAND_BUILT["generate"], gen(G2, user="u"), mode="strict")
    assert [w.filename for w in record] == [__file__]


def test_deprecations_from_field_specs_alone() -> None:
    """A FieldSpec marked deprecated warns even when the table says nothing about it."""
    op = HAND_BUILT["generate"]
    spec = attrs.evolve(op.field("style"), deprecated=True)
    changed = attrs.evolve(op, fields=(*(f for f in op.fields if f.name != "style"), spec))
    with pytest.deprecated_call(match="^style is deprecated$"):
        validate_request(changed, gen(None, style="vivid"), mode="warn")


def test_generated_edit_takes_one_file_or_references() -> None:
    """The JSON and multipart variants of `image` are merged: loosest limits win."""
    op = OP_SETS.get("generated", HAND_BUILT)["edit"]
    refs = [{"image_url": "https://example.com/a.png"}] * 16
    for image in (b"bytes", ("a.png", b"bytes"), refs, ("a.png", b"x", "image/png")):
        violations, _ = run(op, {"image": image, "prompt": "p", "model": G2})
        assert violations == (), image
    violations, _ = run(op, {"image": refs + refs[:1], "prompt": "p", "model": G2})
    assert [(v.param, v.rule) for v in violations] == [("image", "takes at most 16 items (got 17)")]


def test_an_edited_table_changes_behaviour_without_code_changes(tmp_path: Path) -> None:
    data = yaml.safe_load(SPEC_YAML.read_text(encoding="utf-8"))
    models = data["models"]
    models["gpt-image-2"]["operations"]["generate"] = {
        "parameters": {"prompt": {"max_length": 10, "source": "test", "date": "2026-11-21"}},
    }
    models["acme-image"] = {
        "extends": "gpt-image",
        "operations": {
            "generate": {"size": {"values": ["512x512"], "source": "test", "date": "2026-11-21"}}
        },
    }
    models["dall-e-3"]["lifecycle"]["shutdown_date"] = "2027-01-01"
    edited = tmp_path / "model-capabilities.yaml"
    edited.write_text(yaml.safe_dump(data), encoding="utf-8")
    # the same conversion codegen applies
    converted = tmp_path / "capabilities.json"
    text = json.dumps(
        yaml.safe_load(edited.read_text(encoding="utf-8")),
        indent=1,
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    converted.write_text(text + "\n", encoding="utf-8")
    op = HAND_BUILT["generate"]
    for table in (load_table(edited), load_table(converted)):
        long_prompt = gen(G2, prompt="eleven char")
        assert run(op, long_prompt)[0] == ()  # shipped table: 32000
        assert [v.param for v in run(op, long_prompt, table=table)[0]] == ["prompt"]
        assert [v.param for v in run(op, gen("acme-image", size="1024x1024"), table=table)[0]] == [
            "size"
        ]
        assert run(op, gen("acme-image", size="512x512"), table=table)[0] == ()
        assert run(op, gen("dall-e-3"), table=table)[0] == ()  # not retired yet
        assert run(op, gen("dall-e-3"))[0] != ()


def test_the_default_table_is_loaded_once() -> None:
    assert default_table() is default_table()


# -- sizes -----------------------------------------------------------------------------

SIZE_OP = HAND_BUILT["generate"]
sides = st.integers(min_value=1, max_value=240).map(lambda k: 16 * k)


def size_violations(width: int, height: int, model: str = G2) -> list[str]:
    violations, _ = run(SIZE_OP, gen(model, size=f"{width}x{height}"))
    return [v.rule for v in violations]


def accepted(width: int, height: int) -> bool:
    """The size rule of API-FACTS written out independently of the implementation.

    The numbers come from the table's raw data; the rule's logic is restated here.
    """
    return (
        width % STEP == 0
        and height % STEP == 0
        and width >= STEP
        and height >= STEP
        and RATIO_MAX * width >= height
        and RATIO_MAX * height >= width
        and max(width, height) <= LONG
        and min(width, height) <= SHORT
    )


@given(width=st.integers(0, 5000), height=st.integers(0, 5000))
def test_the_size_rule_accepts_exactly_the_documented_sizes(width: int, height: int) -> None:
    assert (size_violations(width, height) == []) == accepted(width, height)


@given(long=sides, short=sides, portrait=st.booleans())
def test_every_size_the_rule_allows_passes(long: int, short: int, portrait: bool) -> None:
    long, short = max(long, short), min(long, short)
    if long > RATIO_MAX * short or long > LONG or short > SHORT:
        short = max(short, -(-long // (RATIO_MAX * STEP)) * STEP)
        long = min(long, LONG, RATIO_MAX * short)
        short = min(short, SHORT, long)
        long = min(long, RATIO_MAX * short) // STEP * STEP
    width, height = (short, long) if portrait else (long, short)
    assert accepted(width, height)
    assert size_violations(width, height) == []


@given(side=sides, other=sides, off=st.integers(1, 15), which=st.booleans())
def test_one_pixel_off_a_multiple_of_16_fails(side: int, other: int, off: int, which: bool) -> None:
    width, height = (side + off, other) if which else (side, other + off)
    assert size_violations(width, height) == ["width and height must both be multiples of 16"]


@given(
    short=st.integers(1, 80).map(lambda k: 16 * k), extra=st.integers(1, 40), portrait=st.booleans()
)
def test_a_ratio_beyond_3_to_1_fails(short: int, extra: int, portrait: bool) -> None:
    long = 3 * short + 16 * extra
    width, height = (short, long) if portrait else (long, short)
    assert size_violations(width, height) == [RATIO]


def test_near_misses() -> None:
    assert size_violations(3856, 1296) == [MAX_SIZE]  # 16 more than 3840
    assert size_violations(1296, 3856) == [MAX_SIZE]
    assert size_violations(2176, 1280) == []  # the short-edge limit is 2160
    assert size_violations(2176, 2176) == [MAX_SIZE]
    assert size_violations(3008, 1000) == [MULTIPLE]
    assert size_violations(4816, 1600) == [RATIO]  # 3.01:1
    assert size_violations(1601, 4816) == [MULTIPLE]
    assert size_violations(3840, 1280) == []  # exactly 3:1
    assert size_violations(1280, 3840) == []


@pytest.mark.parametrize(
    ("model", "size", "expected"),
    [
        (G2, "2560x1440", False),  # the threshold itself
        (G2, "1440x2560", False),
        (G2, "2576x1440", True),
        (G2, "3840x2160", True),
        (G2, "2160x3840", True),
        (G2, "1024x1024", False),
        ("gpt-image-2.5-flare", "3072x1536", True),
        ("gpt-image-1.5", "3840x2160", False),  # no flexible sizes, no threshold
        ("my-local-model", "3840x2160", False),
        (G2, "auto", False),
        (G2, "huge", False),
    ],
)
def test_is_experimental_size(model: str, size: str, expected: bool) -> None:
    assert is_experimental_size(model, size) is expected


def test_experimental_sizes_pass_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate_request(SIZE_OP, gen(G2, size="3840x2160"), mode="strict", today=TODAY)


# -- the body kind chosen narrows plain fields to that body's rules ---------------------------


def test_json_edit_prompt_needs_a_character() -> None:
    from openai_images_sdk._generated.operations import CREATE_IMAGE_EDIT

    params = {"image": [{"file_id": "file-1"}], "prompt": ""}
    with pytest.raises(ValidationError) as caught:
        validate_request(CREATE_IMAGE_EDIT, params, mode="strict", body="json")
    assert [(v.param, v.rule) for v in caught.value.violations] == [("prompt", "must not be empty")]


def test_quality_standard_is_multipart_only() -> None:
    from openai_images_sdk._generated.operations import CREATE_IMAGE_EDIT

    refs = {"image": [{"file_id": "file-1"}], "prompt": "x", "quality": "standard"}
    with pytest.deprecated_call(), pytest.raises(ValidationError) as caught:
        validate_request(CREATE_IMAGE_EDIT, refs, mode="strict", body="json")
    assert caught.value.params == ("quality",)
    # A legacy value the multipart body takes: only the default model (none was given)
    # refuses it there.
    with pytest.deprecated_call(), pytest.raises(ValidationError) as caught:
        validate_request(CREATE_IMAGE_EDIT, dict(refs), mode="strict", body="multipart")
    assert [(v.param, v.model_defaulted) for v in caught.value.violations] == [("quality", True)]
