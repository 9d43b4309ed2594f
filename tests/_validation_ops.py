"""Hand-built OperationSpecs mirroring spec/openapi.yaml's three image operations.

Validation tests use these so that they do not depend on codegen's output; the generated
constants are used as well when they exist (see `operations()`).
"""

from __future__ import annotations

import importlib

from openai_images_sdk._operation import BodyKind, FieldSpec, OperationSpec, ValueKind

MULTI: tuple[BodyKind, ...] = ("multipart",)
JSON: tuple[BodyKind, ...] = ("json",)
BOTH: tuple[BodyKind, ...] = ("multipart", "json")

QUALITY = ("auto", "low", "medium", "high", "xhigh", "max", "standard", "hd")
EDIT_QUALITY = ("auto", "low", "medium", "high", "xhigh", "max", "standard")
OUTPUT_FORMAT = ("png", "jpeg", "webp", "gif", "svg")
BACKGROUND = ("transparent", "opaque", "auto")
MODERATION = ("low", "auto")
RESPONSE_FORMAT = ("url", "b64_json")
STYLE = ("vivid", "natural")
COMPLEXITY = ("low", "medium", "high")
FIDELITY = ("high", "low")
GENERATE_SIZES = (
    *("auto", "1024x1024", "1536x1024", "1024x1536"),
    *("256x256", "512x512", "1792x1024", "1024x1792"),
)
EDIT_SIZES = ("auto", "1024x1024", "1536x1024", "1024x1536", "256x256", "512x512")
VARIATION_SIZES = ("256x256", "512x512", "1024x1024")


def _field(
    name: str,
    kinds: tuple[ValueKind, ...],
    bodies: tuple[BodyKind, ...] = JSON,
    *,
    required: bool = False,
    python_name: str | None = None,
    **limits: object,
) -> FieldSpec:
    return FieldSpec(
        name=name,
        python_name=python_name or name,
        bodies=bodies,
        required=required,
        kinds=kinds,
        **limits,  # type: ignore[arg-type]
    )


def _shared(bodies: tuple[BodyKind, ...], quality: tuple[str, ...]) -> list[FieldSpec]:
    """Fields generate and edit have in common."""
    return [
        _field("n", ("integer", "null"), bodies, minimum=1, maximum=10),
        _field("quality", ("string", "null"), bodies, enum=quality),
        _field("complexity", ("string", "null"), bodies, enum=COMPLEXITY),
        _field("output_format", ("string", "null"), bodies, enum=OUTPUT_FORMAT),
        _field("output_compression", ("integer", "null"), bodies, minimum=0, maximum=100),
        _field("frame_count", ("integer", "null"), bodies, minimum=2, maximum=16),
        _field("frame_duration_ms", ("integer", "null"), bodies),
        _field("svg", ("object", "null"), bodies),
        _field("background", ("string", "null"), bodies, enum=BACKGROUND),
        _field("stream", ("boolean", "null"), bodies),
        _field("partial_images", ("integer", "null"), bodies, minimum=0, maximum=3),
        _field("safety_identifier", ("string",), bodies),
        _field("user", ("string",), bodies, deprecated=True),
    ]


CREATE_IMAGE = OperationSpec(
    operation_id="createImage",
    method_name="generate",
    http_method="POST",
    path="/images/generations",
    bodies=JSON,
    fields=(
        _field("prompt", ("string",), required=True, max_length=32000),
        _field("model", ("string", "null"), known_values=("gpt-image-2", "dall-e-2")),
        _field("size", ("string", "null"), known_values=GENERATE_SIZES),
        _field("response_format", ("string", "null"), enum=RESPONSE_FORMAT),
        _field("moderation", ("string", "null"), enum=MODERATION),
        _field("style", ("string", "null"), enum=STYLE),
        *_shared(JSON, QUALITY),
    ),
    response_type=dict,
    stream_event_type=object,
    capability_key="generate",
)

CREATE_IMAGE_EDIT = OperationSpec(
    operation_id="createImageEdit",
    method_name="edit",
    http_method="POST",
    path="/images/edits",
    bodies=BOTH,
    fields=(
        _field(
            "image",
            ("file", "array"),
            BOTH,
            required=True,
            min_items=1,
            max_items=16,
            multipart_array_name="image[]",
        ),
        _field("prompt", ("string",), BOTH, required=True, max_length=32000),
        _field("mask", ("file", "object"), BOTH),
        _field("markup", ("file",), MULTI),
        _field("model", ("string", "null"), BOTH, known_values=("gpt-image-2", "dall-e-2")),
        _field("size", ("string", "null"), BOTH, known_values=EDIT_SIZES),
        _field("response_format", ("string", "null"), MULTI, enum=RESPONSE_FORMAT),
        _field("moderation", ("string", "null"), JSON, enum=MODERATION),
        _field("input_fidelity", ("string", "null"), BOTH, enum=FIDELITY),
        *_shared(BOTH, EDIT_QUALITY),
    ),
    response_type=dict,
    stream_event_type=object,
    capability_key="edit",
)

CREATE_IMAGE_VARIATION = OperationSpec(
    operation_id="createImageVariation",
    method_name="create_variation",
    http_method="POST",
    path="/images/variations",
    bodies=MULTI,
    fields=(
        _field("image", ("file",), MULTI, required=True),
        _field("model", ("string", "null"), MULTI, known_values=("dall-e-2",)),
        _field("n", ("integer", "null"), MULTI, minimum=1, maximum=10),
        _field("response_format", ("string", "null"), MULTI, enum=RESPONSE_FORMAT),
        _field("size", ("string", "null"), MULTI, enum=VARIATION_SIZES),
        _field("user", ("string",), MULTI, deprecated=True),
    ),
    response_type=dict,
    stream_event_type=None,
    capability_key="variation",
    deprecated=True,
)

HAND_BUILT = {
    "generate": CREATE_IMAGE,
    "edit": CREATE_IMAGE_EDIT,
    "variation": CREATE_IMAGE_VARIATION,
}


def generated() -> dict[str, OperationSpec] | None:
    """codegen's constants, or None until `_generated/operations.py` exists and imports."""
    try:
        module = importlib.import_module("openai_images_sdk._generated.operations")
    except ImportError:
        return None
    names = {
        "generate": "CREATE_IMAGE",
        "edit": "CREATE_IMAGE_EDIT",
        "variation": "CREATE_IMAGE_VARIATION",
    }
    found = {key: getattr(module, name, None) for key, name in names.items()}
    ops = {key: op for key, op in found.items() if isinstance(op, OperationSpec)}
    return ops if len(ops) == len(names) else None
