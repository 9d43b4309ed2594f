"""Command-line options derived from OperationSpec fields (no generated code needed)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import Literal

import attrs
import pytest

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk._operation import FieldSpec, OperationSpec
from openai_images_sdk.cli._output import Progress, save_new, slugify
from openai_images_sdk.cli._params import (
    ParamOption,
    add_param_options,
    collect_params,
    param_options,
)


@attrs.frozen(kw_only=True)
class Reasoning:
    effort: Literal["low", "high"] | None = None


@attrs.frozen(kw_only=True)
class SvgOptions:
    model: str
    reasoning: Reasoning | None = None
    strict: bool | None = None
    depth: int | None = None


def field(name: str, *kinds: str, python_name: str | None = None, **extra: object) -> FieldSpec:
    return FieldSpec(
        name=name,
        python_name=python_name or name,
        bodies=("multipart",) if "file" in kinds else ("json",),
        required=bool(extra.pop("required", False)),
        kinds=kinds,  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def nested(name: str, *kinds: str, **extra: object) -> FieldSpec:
    spec = field(name, *kinds, **extra)  # type: ignore[arg-type]
    return attrs.evolve(spec, bodies=())


SVG_FIELDS = (
    nested("model", "string", required=True, description="The model that writes the SVG."),
    nested(
        "reasoning",
        "object",
        model="Reasoning",
        fields=(nested("effort", "string", enum=("low", "high")),),
    ),
    nested("strict", "boolean"),
    nested("depth", "integer"),
)
REFERENCE = (nested("image_url", "string"), nested("file_id", "string"))
MODELS: dict[str, type] = {"SvgOptions": SvgOptions, "Reasoning": Reasoning}

FIELDS = (
    field("prompt", "string", required=True, max_length=32000, description="What to draw."),
    field("image", "file", "array", multipart_array_name="image[]", max_items=16),
    field("images", "array", python_name="image", model="ImageRef", fields=REFERENCE),
    field("mask", "file"),
    field("model", "string", "null", known_values=("gpt-image-2", "gpt-image-1.5")),
    field("quality", "string", "null", enum=("low", "medium", "high")),
    field("n", "integer", "null", minimum=1, maximum=10),
    field("stream", "boolean", "null"),
    field("scale", "number"),
    field(
        "svg", "object", "null", multipart_style="brackets", model="SvgOptions", fields=SVG_FIELDS
    ),
    field("json", "string"),
    field("tags", "array"),
    field("user", "string", deprecated=True, description="Deprecated. Who asks."),
    field("steps", "integer", "null", default=9),
)


def make_op(*fields: FieldSpec) -> OperationSpec:
    return OperationSpec(
        operation_id="createThing",
        method_name="edit",
        http_method="POST",
        path="/things",
        bodies=("multipart",),
        fields=fields,
        response_type=object,
        stream_event_type=None,
        capability_key="edit",
    )


OP = make_op(*FIELDS)


def parser_for(op: OperationSpec = OP) -> tuple[argparse.ArgumentParser, list[ParamOption]]:
    options = param_options(op, positional="prompt", reserved={"--json"})
    parser = argparse.ArgumentParser(exit_on_error=False)
    add_param_options(parser, options)
    return parser, options


def parse(argv: list[str], op: OperationSpec = OP) -> dict[str, object]:
    parser, options = parser_for(op)
    return collect_params(parser.parse_args(argv), options, MODELS.get)


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "a.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    return path


def test_every_field_has_an_option() -> None:
    _, options = parser_for()
    named = {o.python_name for o in options}
    assert named == {f.python_name for f in FIELDS}
    flags = {flag for o in options for flag in o.flags}
    assert {"--image", "--mask", "--model", "--quality", "--n", "--stream", "--scale"} <= flags
    assert {"--svg", "--svg-model", "--svg-reasoning-effort", "--svg-strict"} <= flags
    assert "--param-json" in flags  # clashes with the command's own --json
    assert "--prompt" not in flags  # positional


def test_types_choices_and_absent_options() -> None:
    params = parse(["a fox", "--n", "3", "--quality", "high", "--scale", "1.5", "--stream"])
    assert params == {"prompt": "a fox", "n": 3, "quality": "high", "scale": 1.5, "stream": True}
    assert parse(["x", "--no-stream"]) == {"prompt": "x", "stream": False}
    assert parse(["x", "--model", "my-own-model"])["model"] == "my-own-model"
    assert parse(["x", "--param-json", "v"])["json"] == "v"
    assert parse(["x", "--tags", "a", "--tags", "b"])["tags"] == ["a", "b"]


def test_usage_errors() -> None:
    parser, _ = parser_for()
    with pytest.raises(argparse.ArgumentError, match="invalid choice"):
        parser.parse_args(["x", "--quality", "ultra"])
    with pytest.raises(argparse.ArgumentError, match="invalid int value"):
        parser.parse_args(["x", "--n", "many"])
    with pytest.raises(argparse.ArgumentError, match="no such file"):
        parser.parse_args(["x", "--image", "/nonexistent/a.png"])
    with pytest.raises(argparse.ArgumentError, match="expected a JSON object"):
        parser.parse_args(["x", "--svg", "[1]"])


def test_files_one_or_many(png: Path, tmp_path: Path) -> None:
    other = tmp_path / "b.png"
    other.write_bytes(b"x")
    assert parse(["x", "--image", str(png)])["image"] == png
    assert parse(["x", "--image", str(png), "--image", str(other), "--mask", str(png)]) == {
        "prompt": "x",
        "image": [png, other],
        "mask": png,
    }


def test_file_options_take_references_when_the_json_body_has_the_field() -> None:
    _, options = parser_for()
    by_name = {o.python_name: o for o in options if o.kind == "file"}
    assert by_name["image"].references  # "images" is in the JSON body too
    assert not by_name["mask"].references  # multipart only here
    assert "Files API id like file-abc123" in by_name["image"].help
    usage = parser_for()[0].format_usage()
    assert "--image FILE|URL|ID" in usage
    assert "--mask FILE" in usage


def test_references_are_collected_in_the_wire_shape(png: Path) -> None:
    params = parse(["x", "--image", "https://e.com/a.png", "--image", "file-abc"])
    assert params["image"] == [{"image_url": "https://e.com/a.png"}, {"file_id": "file-abc"}]
    assert parse(["x", "--image", "data:image/png;base64,AA=="])["image"] == {
        "image_url": "data:image/png;base64,AA=="
    }
    parser, _ = parser_for()
    with pytest.raises(argparse.ArgumentError, match="takes a local file only"):
        parser.parse_args(["x", "--mask", "https://e.com/m.png"])


def test_mixing_files_and_references_is_refused(png: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        parse(["x", "--image", str(png), "--image", "file-abc", "--mask", str(png)])
    (violation,) = caught.value.violations
    assert violation.param == "image"
    assert violation.rule.startswith("--image #2 is a reference (URL or file id) but --image #1")
    assert "(--image, --mask)" in violation.rule


def test_a_reference_is_not_structured_as_an_object() -> None:
    op = make_op(
        field("prompt", "string"),
        field("mask", "file"),
        FieldSpec(name="mask", python_name="mask", bodies=("json",), required=False,
                  kinds=("object",), model="ImageRef", fields=REFERENCE),
    )  # fmt: skip
    parser, options = parser_for(op)
    args = parser.parse_args(["x", "--mask", "file-m1"])
    assert collect_params(args, options, {"ImageRef": SvgOptions}.get) == {
        "prompt": "x",
        "mask": {"file_id": "file-m1"},
    }


def test_object_from_leaves_and_json() -> None:
    params = parse(["x", "--svg-model", "m1", "--svg-reasoning-effort", "high"])
    assert params["svg"] == SvgOptions(model="m1", reasoning=Reasoning(effort="high"))
    merged = parse(["x", "--svg", '{"model": "m0", "depth": 2}', "--svg-model", "m2"])
    assert merged["svg"] == SvgOptions(model="m2", depth=2)
    assert parse(["x", "--svg-model", "m", "--svg-strict"])["svg"] == SvgOptions(
        model="m", strict=True
    )
    parser, _ = parser_for()
    with pytest.raises(argparse.ArgumentError, match="invalid choice"):
        parser.parse_args(["x", "--svg-reasoning-effort", "extreme"])


def test_a_missing_required_leaf_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="--svg: model is required"):
        parse(["x", "--svg-reasoning-effort", "low"])


def test_an_object_that_does_not_structure_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="--svg: not a valid SvgOptions"):
        parse(["x", "--svg", '{"model": "m", "depth": "deep"}'])


def test_objects_stay_dicts_without_a_model_class() -> None:
    parser, options = parser_for()
    args = parser.parse_args(["x", "--svg", '{"model": "m"}', "--svg-depth", "2"])
    assert collect_params(args, options, None)["svg"] == {"model": "m", "depth": 2}
    no_classes: dict[str, type] = {}
    assert collect_params(args, options, no_classes.get)["svg"] == {"model": "m", "depth": 2}


def test_an_object_without_nested_fields_is_json_only() -> None:
    op = make_op(field("prompt", "string"), field("extra", "object", "null"))
    options = param_options(op, positional="prompt")
    flags = {flag for o in options for flag in o.flags}
    assert flags == {"--extra"}


def test_a_new_spec_field_becomes_an_option() -> None:
    op = make_op(*FIELDS, field("sharpness", "integer", "null", minimum=0, maximum=5))
    assert parse(["x", "--sharpness", "4"], op)["sharpness"] == 4


def test_a_new_nested_field_becomes_a_leaf_option() -> None:
    svg = attrs.evolve(FIELDS[9], fields=(*SVG_FIELDS, nested("tone", "string", enum=("a", "b"))))
    op = make_op(*FIELDS[:9], svg, *FIELDS[10:])
    parser, options = parser_for(op)
    args = parser.parse_args(["x", "--svg-model", "m", "--svg-tone", "b"])
    assert collect_params(args, options, None)["svg"] == {"model": "m", "tone": "b"}
    with pytest.raises(argparse.ArgumentError, match="invalid choice"):
        parser.parse_args(["x", "--svg-tone", "c"])


def test_required_fields_are_required(png: Path) -> None:
    op = make_op(field("prompt", "string", required=True), field("image", "file", required=True))
    parser, options = parser_for(op)
    with pytest.raises(SystemExit):
        parser.parse_args(["x"])
    assert collect_params(parser.parse_args(["x", "--image", str(png)]), options) == {
        "prompt": "x",
        "image": png,
    }


def test_enum_of_integers() -> None:
    op = make_op(field("prompt", "string"), field("steps", "integer", enum=(10, 20)))
    assert parse(["x", "--steps", "20"], op)["steps"] == 20


def test_known_values_of_a_leaf_are_in_its_help() -> None:
    flavour = nested("flavour", "string", known_values=("a", "b"))
    op = make_op(field("thing", "object", fields=(flavour,)))
    (_, leaf) = param_options(op)
    assert leaf.flags == ("--thing-flavour",)
    assert leaf.choices is None
    assert "known values: a, b" in leaf.help


def test_help_comes_from_the_field_descriptions() -> None:
    by_name = {o.flags[0] if o.flags else o.python_name: o for o in parser_for()[1]}
    assert by_name["prompt"].help == "What to draw (at most 32000 characters)"
    assert by_name["--user"].help == "Who asks (deprecated)"
    assert by_name["--svg-model"].help == "The model that writes the SVG."
    assert by_name["--steps"].help == "server default 9"


def test_help_mentions_limits_and_known_values() -> None:
    parser, _ = parser_for()
    text = parser.format_help()
    assert "gpt-image-2" in text
    assert "range 1..10" in text
    assert "deprecated" in text


# --- output naming and progress ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("A red fox, at dawn!", "a-red-fox-at-dawn"),
        ("Crème brûlée über alles", "creme-brulee-uber-alles"),
        ("日本", "image"),
        ("x" * 80, "x" * 48),
        (
            "one two three four five six seven eight nine ten eleven",
            "one-two-three-four-five-six-seven-eight-nine-ten",
        ),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_save_new_never_overwrites(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    (tmp_path / "fox.png").write_bytes(b"mine")
    first = save_new(tmp_path, "fox", png)
    second = save_new(tmp_path, "fox", png)
    assert [first.name, second.name] == ["fox-1.png", "fox-2.png"]
    assert (tmp_path / "fox.png").read_bytes() == b"mine"
    assert save_new(tmp_path / "new", "fox", png, "webp").name == "fox.webp"


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_quiet_when_not_a_terminal() -> None:
    stream = io.StringIO()
    out = io.StringIO()
    with Progress(stream, "working") as progress:
        progress.partial_received()
        progress.echo("saved a.png", out)
    assert stream.getvalue() == ""
    assert out.getvalue() == "saved a.png\n"


def test_progress_on_a_terminal() -> None:
    stream = FakeTTY()
    with Progress(stream, "working") as progress:
        assert progress.enabled
        progress.echo("saved a.png", stream)
    assert "saved a.png\n" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")
    progress.partial_received()
    progress.partial_received()
    assert progress.render(12.34) == "working... 12.3s, 2 partial images received"
    assert Progress(stream, "w").render(0) == "w... 0.0s"
