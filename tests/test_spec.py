"""spec/openapi.yaml: valid OpenAPI 3.1, our extensions present, the newest surface covered."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

REPO = Path(__file__).resolve().parent.parent
SPEC_PATH = REPO / "spec" / "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return data


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _keys(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in cast("dict[str, object]", node).items():
            yield key
            yield from _keys(value)
    elif isinstance(node, list):
        for item in cast("list[object]", node):
            yield from _keys(item)


def _values(schema: dict[str, Any], spec: dict[str, Any]) -> list[str]:
    """Enum values of a schema, through refs and anyOf branches."""
    if "$ref" in schema:
        return _values(_schemas(spec)[schema["$ref"].rsplit("/", 1)[1]], spec)
    found = list(schema.get("enum", []))
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        found += _values(branch, spec)
    return found


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    errors = list(OpenAPIV31SpecValidator(spec).iter_errors())
    assert errors == []


def test_nullable_is_a_null_type_not_the_3_0_keyword(spec: dict[str, Any]) -> None:
    assert "nullable" not in set(_keys(spec))
    assert {"type": "null"} in _schemas(spec)["CreateImageRequest"]["properties"]["n"]["anyOf"]


def test_every_operation_names_its_python_method(spec: dict[str, Any]) -> None:
    found = {}
    for path, _method, operation in _operations(spec):
        assert operation.get("x-python-resource"), path
        found[operation["operationId"]] = (
            operation["x-python-resource"],
            operation["x-python-method"],
            operation.get("x-capability-key"),
        )
    assert found == {
        "createImage": ("images", "generate", "generate"),
        "createImageEdit": ("images", "edit", "edit"),
        "createImageVariation": ("images", "create_variation", "variation"),
        # Operations without model rules have no capability key.
        "createFile": ("files", "create", None),
        "retrieveFile": ("files", "retrieve", None),
        "deleteFile": ("files", "delete", None),
        "downloadFile": ("files", "content", None),
        "createBatch": ("batches", "create", None),
        "listBatches": ("batches", "list", None),
        "retrieveBatch": ("batches", "retrieve", None),
        "cancelBatch": ("batches", "cancel", None),
    }


def test_upstream_version_is_recorded(spec: dict[str, Any]) -> None:
    upstream = spec["info"]["x-upstream"]
    assert upstream["document-version"] == "2.3.0"
    assert upstream["document-last-changed"] == "2026-08-21"
    # The official package version the drift check installs (Makefile) is the one recorded.
    pin = re.search(r"^OPENAI_PIN := (\S+)$", (REPO / "Makefile").read_text(), re.MULTILINE)
    assert pin is not None
    assert upstream["package-version"] == pin.group(1)


def test_operations_bodies_and_responses(spec: dict[str, Any]) -> None:
    paths = spec["paths"]
    generate = paths["/images/generations"]["post"]
    edit = paths["/images/edits"]["post"]
    variation = paths["/images/variations"]["post"]
    assert list(generate["requestBody"]["content"]) == ["application/json"]
    assert list(edit["requestBody"]["content"]) == ["multipart/form-data", "application/json"]
    assert list(variation["requestBody"]["content"]) == ["multipart/form-data"]
    assert variation["deprecated"] is True
    for operation, events in ((generate, "ImageGenStreamEvent"), (edit, "ImageEditStreamEvent")):
        content = operation["responses"]["200"]["content"]
        assert content["application/json"]["schema"]["$ref"].endswith("/ImagesResponse")
        assert content["text/event-stream"]["schema"]["$ref"].endswith(f"/{events}")
    assert "text/event-stream" not in variation["responses"]["200"]["content"]


def test_wire_extensions(spec: dict[str, Any]) -> None:
    schemas = _schemas(spec)
    multipart = schemas["CreateImageEditRequest"]["properties"]
    assert multipart["image"]["x-multipart-array-name"] == "image[]"
    assert multipart["image"]["anyOf"][1]["maxItems"] == 16
    assert multipart["svg"]["x-multipart-style"] == "brackets"
    assert schemas["EditImageBodyJsonParam"]["properties"]["images"]["x-python-name"] == "image"
    assert (
        schemas["ImagesResponse"]["x-python-base"]
        == "openai_images_sdk._results:ImagesResponseMixin"
    )
    assert schemas["Image"]["x-python-base"] == "openai_images_sdk._results:ImageMixin"


@pytest.mark.parametrize(
    "body", ["CreateImageRequest", "CreateImageEditRequest", "EditImageBodyJsonParam"]
)
def test_newest_request_surface_is_covered(spec: dict[str, Any], body: str) -> None:
    properties = _schemas(spec)[body]["properties"]
    for name in ("complexity", "frame_count", "frame_duration_ms", "svg", "safety_identifier"):
        assert name in properties, name
    assert {"xhigh", "max"} <= set(_values(properties["quality"], spec))
    assert {"gif", "svg"} <= set(_values(properties["output_format"], spec))
    assert {"low", "medium", "high"} <= set(_values(properties["complexity"], spec))
    assert properties["frame_count"]["anyOf"][0] | {"type": "integer"} == {
        "type": "integer",
        "minimum": 2,
        "maximum": 16,
    }
    assert properties["user"]["deprecated"] is True
    models = set(_values(properties["model"], spec))
    assert {
        "gpt-image-2",
        "gpt-image-2.5-sunburst",
        "gpt-image-2.6-flare",
        "chatgpt-image-latest",
    } <= models
    assert {"type": "string"} in _schemas(spec)[
        properties["model"]["anyOf"][0]["$ref"].rsplit("/", 1)[1]
    ]["anyOf"]


def test_edit_specific_fields(spec: dict[str, Any]) -> None:
    multipart = _schemas(spec)["CreateImageEditRequest"]["properties"]
    assert multipart["markup"] == multipart["markup"] | {"type": "string", "format": "binary"}
    assert multipart["mask"]["format"] == "binary"
    assert {"high", "low"} <= set(_values(multipart["input_fidelity"], spec))
    assert set(_values(_schemas(spec)["SvgReasoningEffort"], spec)) >= {
        "none",
        "minimal",
        "low",
        "medium",
        "high",
        "xhigh",
        "max",
    }
    assert "moderation" in _schemas(spec)["CreateImageRequest"]["properties"]


def test_response_value_sets_are_open(spec: dict[str, Any]) -> None:
    schemas = _schemas(spec)
    for name in ("ImagesResponse", "ImageGenCompletedEvent", "ImageEditPartialImageEvent"):
        for field in ("size", "quality", "output_format", "background"):
            schema = schemas[name]["properties"][field]
            if "$ref" in schema:
                schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
            assert {"type": "string"} in schema["anyOf"], f"{name}.{field}"
    response = schemas["ImagesResponse"]["properties"]
    assert set(schemas["ImageSvgUsage"]["properties"]) >= {
        "input_tokens",
        "model",
        "output_tokens",
        "reasoning_tokens",
        "total_tokens",
    }
    assert {"svg_usage", "safety_identifier", "usage"} <= set(response)
    assert "output_tokens_details" in schemas["ImageGenUsage"]["properties"]
    assert "input_tokens_details" in schemas["ImagesUsage"]["properties"]


@pytest.mark.parametrize("union", ["ImageGenStreamEvent", "ImageEditStreamEvent"])
def test_event_unions_are_discriminated_by_type(spec: dict[str, Any], union: str) -> None:
    schemas = _schemas(spec)
    discriminator = schemas[union]["discriminator"]
    assert discriminator["propertyName"] == "type"
    assert len(discriminator["mapping"]) == len(schemas[union]["oneOf"]) == 2
    for tag, ref in discriminator["mapping"].items():
        event = schemas[ref.rsplit("/", 1)[1]]
        assert event["properties"]["type"]["enum"] == [tag]
        assert "type" in event["required"]


@pytest.mark.parametrize(
    "body", ["CreateImageRequest", "CreateImageEditRequest", "EditImageBodyJsonParam"]
)
def test_safety_identifier_is_nullable_and_defaults_are_recorded(
    spec: dict[str, Any], body: str
) -> None:
    properties = _schemas(spec)[body]["properties"]
    assert {"type": "null"} in properties["safety_identifier"]["anyOf"]
    documented = {
        "output_compression": 100,
        "output_format": "png",
        "frame_count": 9,
        "frame_duration_ms": 200,
        "model": "gpt-image-1.5",
    }
    for name, value in documented.items():
        assert properties[name]["default"] == value, name
    assert properties["frame_duration_ms"]["anyOf"][0]["maximum"] == 655350
    if "input_fidelity" in properties:
        assert properties["input_fidelity"]["default"] == "low"
    if "moderation" in properties:
        assert properties["moderation"]["default"] == "auto"


@pytest.mark.parametrize(
    ("body", "field", "schema"),
    [
        ("CreateFileRequest", "expires_after", "FileExpirationAfter"),
        ("CreateBatchRequest", "output_expires_after", "BatchFileExpirationAfter"),
    ],
)
def test_file_expiry_policies(spec: dict[str, Any], body: str, field: str, schema: str) -> None:
    schemas = _schemas(spec)
    assert schemas[body]["properties"][field]["$ref"].endswith(f"/{schema}")
    policy = schemas[schema]
    assert set(policy["required"]) == {"anchor", "seconds"}
    assert policy["properties"]["anchor"]["enum"] == ["created_at"]
    seconds = policy["properties"]["seconds"]
    assert (seconds["minimum"], seconds["maximum"]) == (3600, 2592000)


def test_batch_usage_has_its_token_details(spec: dict[str, Any]) -> None:
    schemas = _schemas(spec)
    assert "usage" in schemas["Batch"]["properties"]
    usage = schemas["BatchUsage"]["properties"]
    assert {"input_tokens", "output_tokens", "total_tokens"} <= set(usage)
    assert "cached_tokens" in schemas["BatchUsageInputTokensDetails"]["properties"]
    assert "reasoning_tokens" in schemas["BatchUsageOutputTokensDetails"]["properties"]
