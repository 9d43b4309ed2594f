"""Server-side request checks, made of the SDK's own rules so they live in one place.

`check_request` turns a wire body (JSON, or multipart parts) into the SDK's parameters
(python names, typed values, files as ``(filename, bytes, content_type)``), then runs
the SDK's upload rules (`_uploads.build_request_body`: file counts, sizes, images really
being images, mask and markup) and its validation (`_validation.validate_request`: the
spec's limits and the model capability table), after the nested objects' own rules
(`_shapes.check_nested`: ``expires_after.seconds``...). A broken rule becomes the API's 400.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import re
import threading
import warnings
from collections.abc import Mapping, Sequence
from typing import Final, Literal, cast

import attrs

from openai_images_sdk._exceptions import ValidationError, Violation
from openai_images_sdk._imageinfo import probe_bytes
from openai_images_sdk._operation import BodyKind, FieldSpec, OperationSpec
from openai_images_sdk._types import ImageInfo

from ._formdata import FormPart
from ._http import ApiError, Incoming
from ._shapes import check_nested

__all__ = ["Checked", "check_request", "digest"]

_BRACKETS: Final = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")
_INTEGER: Final = re.compile(r"^[+-]?\d+$")
# `warnings.catch_warnings` swaps process-wide state; one server thread at a time.
_WARNINGS_LOCK: Final = threading.Lock()
_SERVE_RETIRED_TODAY: Final = datetime.date(2000, 1, 1)


@attrs.frozen(kw_only=True)
class Checked:
    """A request that passed the checks: its parameters and its input images' bytes."""

    params: Mapping[str, object]
    """Keyed by python name; files as ``(filename, bytes, content_type)`` tuples."""
    inputs: tuple[ImageInfo, ...]
    sources: tuple[bytes, ...]
    """Input image bytes (a reference that is not a data: URL gives its URL or id)."""
    body_kind: BodyKind


def check_request(
    op: OperationSpec,
    incoming: Incoming,
    *,
    validation: Literal["strict", "off"] = "strict",
    retired: Literal["serve", "reject"] = "serve",
    default_model: str | None = None,
) -> Checked:
    """Parse and check a request for `op`; `ApiError` (400) for the first problem found.

    `retired="serve"` accepts models the capability table marks retired (as an
    OpenAI-compatible server would); ``"reject"`` answers like the API does today.
    A request without a model is held to `default_model`'s rules, as the API does.
    """
    kind = _body_kind(op, incoming)
    fields = {f.name: f for f in op.fields if kind in f.bodies}
    embedded: list[tuple[str, bytes]] = []
    if kind == "json":
        params, sources = _from_json(fields, incoming.json, embedded)
    else:
        params, sources = _from_parts(fields, incoming.parts)
    for spec in fields.values():
        if spec.required and params.get(spec.python_name) is None:
            raise ApiError(
                400,
                f"Missing required parameter: '{spec.name}'.",
                param=spec.name,
                code="missing_required_parameter",
            )
    inputs: tuple[ImageInfo, ...] = ()
    if validation == "strict":
        for where, data in embedded:
            if probe_bytes(data).format is None:
                raise ApiError(
                    400,
                    f"Invalid image in '{where}': the data: URL does not hold a PNG, JPEG, "
                    "WEBP or GIF image.",
                    param=where,
                    code="invalid_image",
                )
        check_nested(fields, params)
        inputs = _sdk_checks(op, params, fields)
        judged = params
        if default_model is not None and params.get("model") is None:
            judged = {**params, "model": default_model}
        _validate(op, judged, inputs, fields, retired=retired)
    return Checked(params=params, inputs=inputs, sources=tuple(sources), body_kind=kind)


def _body_kind(op: OperationSpec, incoming: Incoming) -> BodyKind:
    kind = incoming.body_kind
    if kind in ("json", "multipart") and kind in op.bodies:
        return kind
    if kind == "empty" and "json" in op.bodies:
        raise ApiError(400, "The request body is empty; expected a JSON object.")
    expected = " or ".join(
        {"json": "application/json", "multipart": "multipart/form-data"}[b] for b in op.bodies
    )
    got = incoming.headers.get("content-type", "none")
    raise ApiError(
        400,
        f"Invalid Content-Type header ({got}); this endpoint expects {expected}.",
        code="invalid_content_type",
    )


def _wire_name(fields: Mapping[str, FieldSpec], python_name: str) -> str:
    for spec in fields.values():
        if spec.python_name == python_name:
            return spec.name
    return python_name


def _is_file_field(spec: FieldSpec) -> bool:
    return "file" in spec.kinds or spec.multipart_array_name is not None


# JSON bodies


def _from_json(
    fields: Mapping[str, FieldSpec], body: object, embedded: list[tuple[str, bytes]]
) -> tuple[dict[str, object], list[bytes]]:
    if not isinstance(body, Mapping):
        raise ApiError(400, "The request body must be a JSON object.", code="invalid_type")
    params: dict[str, object] = {}
    sources: list[bytes] = []
    for key, value in cast("Mapping[str, object]", body).items():
        spec = fields.get(key)
        if spec is None:
            raise ApiError(400, f"Unknown parameter: '{key}'.", param=key, code="unknown_parameter")
        if value is not None and _takes_refs(spec):
            sources += _check_refs(key, value, embedded, many="array" in spec.kinds)
        params[spec.python_name] = value
    return params, sources


def _takes_refs(spec: FieldSpec) -> bool:
    """JSON fields that carry image references: `images` and `mask` of the JSON edit."""
    return spec.python_name in ("image", "mask", "markup")


def _check_refs(
    key: str, value: object, embedded: list[tuple[str, bytes]], *, many: bool
) -> list[bytes]:
    """Each reference is `{image_url}` or `{file_id}`; the bytes of data: URLs.

    Decoded data: URLs are also added to `embedded` as ``(param, bytes)``.
    """
    items: list[object]
    if many:
        if not isinstance(value, list):
            raise ApiError(
                400, f"Invalid type for '{key}': expected an array.", param=key, code="invalid_type"
            )
        items = list(cast("list[object]", value))
    else:
        items = [value]
    sources: list[bytes] = []
    for index, item in enumerate(items):
        where = f"{key}[{index}]" if many else key
        if not isinstance(item, Mapping):
            raise ApiError(
                400,
                f"Invalid type for '{where}': expected an object with image_url or file_id.",
                param=where,
                code="invalid_type",
            )
        ref = cast("Mapping[str, object]", item)
        extra = set(ref) - {"image_url", "file_id"}
        given = [k for k in ("image_url", "file_id") if ref.get(k) is not None]
        if extra or len(given) != 1 or not isinstance(ref[given[0]], str):
            raise ApiError(
                400,
                f"Invalid value for '{where}': give exactly one of image_url and file_id.",
                param=where,
                code="invalid_value",
            )
        text = cast("str", ref[given[0]])
        if given[0] == "image_url" and text.startswith("data:"):
            data = _ref_bytes(where, text)
            embedded.append((where, data))
            sources.append(data)
        else:
            sources.append(_ref_bytes(where, text) if given[0] == "image_url" else text.encode())
    return sources


def _ref_bytes(where: str, url: str) -> bytes:
    """The decoded bytes of a data: URL; other URLs are not fetched (their text stands in)."""
    if not url.startswith("data:"):
        if not url.startswith(("https://", "http://")):
            raise ApiError(
                400,
                f"Invalid value for '{where}': image_url must be an http(s) or data: URL.",
                param=where,
                code="invalid_value",
            )
        return url.encode()
    meta, _, payload = url[5:].partition(",")
    if not meta.lower().endswith(";base64"):
        return payload.encode()
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(
            400,
            f"Invalid value for '{where}': the data: URL is not valid base64.",
            param=where,
            code="invalid_value",
        ) from None


# Multipart bodies


def _convert(text: str, kinds: Sequence[str]) -> object:
    """A form field's text as the field's JSON type; unconvertible text stays text."""
    if "string" in kinds:
        return text
    lowered = text.strip().lower()
    if "integer" in kinds and _INTEGER.match(lowered):
        return int(lowered)
    if "number" in kinds:
        try:
            return float(lowered)
        except ValueError:
            pass
    if "boolean" in kinds and lowered in ("true", "false"):
        return lowered == "true"
    if "null" in kinds and lowered in ("", "null"):
        return None
    return text


def _from_parts(
    fields: Mapping[str, FieldSpec], parts: Sequence[FormPart]
) -> tuple[dict[str, object], list[bytes]]:
    by_part_name: dict[str, FieldSpec] = {}
    for field in fields.values():
        by_part_name[field.name] = field
        if field.multipart_array_name:
            by_part_name[field.multipart_array_name] = field
        elif _is_file_field(field):
            by_part_name[f"{field.name}[]"] = field
    params: dict[str, object] = {}
    files: dict[str, list[tuple[str | None, bytes, str | None]]] = {}
    arrays: set[str] = set()
    for part in parts:
        spec = by_part_name.get(part.name)
        if spec is not None and _is_file_field(spec):
            files.setdefault(spec.python_name, []).append(
                (part.filename, part.data, part.content_type)
            )
            if part.name != spec.name:
                arrays.add(spec.python_name)
            continue
        if spec is not None:
            value = part.text()
            if spec.multipart_style == "json":
                try:
                    params[spec.python_name] = json.loads(value)
                except ValueError:
                    params[spec.python_name] = value
            else:
                params[spec.python_name] = _convert(value, spec.kinds)
            continue
        match = _BRACKETS.match(part.name)
        base = fields.get(match.group(1)) if match else None
        if match is None or base is None:
            raise ApiError(
                400, f"Unknown parameter: '{part.name}'.", param=part.name, code="unknown_parameter"
            )
        keys = re.findall(r"\[([^\[\]]*)\]", match.group(2))
        if keys == [""]:  # name[] : a repeated scalar
            listed = params.setdefault(base.python_name, [])
            if isinstance(listed, list):
                cast("list[object]", listed).append(part.text())
            continue
        target = params.setdefault(base.python_name, {})
        if not isinstance(target, dict) or "" in keys:
            raise _bad_name(part.name)
        node = cast("dict[str, object]", target)
        for key in keys[:-1]:
            child = node.setdefault(key, {})
            if not isinstance(child, dict):
                raise _bad_name(part.name)
            node = cast("dict[str, object]", child)
        leaf = _nested_spec(base, keys)
        node[keys[-1]] = part.text() if leaf is None else _convert(part.text(), leaf.kinds)
    sources: list[bytes] = []
    for name, items in files.items():
        params[name] = items if (len(items) > 1 or name in arrays) else items[0]
        sources += [data for _, data, _ in items]
    return params, sources


def _bad_name(name: str) -> ApiError:
    return ApiError(400, f"Invalid parameter name: '{name}'.", param=name, code="invalid_value")


def _nested_spec(base: FieldSpec, keys: Sequence[str]) -> FieldSpec | None:
    """The nested FieldSpec that ``base[key1][key2]...`` names, if the spec has one."""
    spec: FieldSpec | None = base
    for key in keys:
        spec = next((f for f in spec.fields if f.name == key), None) if spec else None
    return spec


# The SDK's own rules


def _api_error(violations: Sequence[Violation], fields: Mapping[str, FieldSpec]) -> ApiError:
    first = violations[0]
    param = _wire_name(fields, first.param)
    rules = "; ".join(str(v) for v in violations)
    return ApiError(400, f"Invalid request: {rules}", param=param, code="invalid_value")


def _sdk_checks(
    op: OperationSpec,
    params: Mapping[str, object],
    fields: Mapping[str, FieldSpec],
) -> tuple[ImageInfo, ...]:
    """Upload rules (counts, sizes, formats, mask/markup) through the SDK's body builder."""
    from openai_images_sdk._uploads import build_request_body

    try:
        body = build_request_body(op, params, extra_body=None)
    except ValidationError as error:
        raise _api_error(error.violations, fields) from None
    body.close()
    return body.inputs


def _validate(
    op: OperationSpec,
    params: Mapping[str, object],
    inputs: Sequence[ImageInfo],
    fields: Mapping[str, FieldSpec],
    *,
    retired: Literal["serve", "reject"],
) -> None:
    """The spec's limits and the capability table, through the SDK's validator."""
    from openai_images_sdk._validation import validate_request

    # Deprecation warnings are for SDK users, not for a server's thread.
    today = _SERVE_RETIRED_TODAY if retired == "serve" else None
    with _WARNINGS_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            validate_request(op, params, mode="strict", inputs=inputs, today=today)
        except ValidationError as error:
            raise _api_error(error.violations, fields) from None


def digest(sources: Sequence[bytes]) -> bytes:
    """A digest of the input images, mixed into an edit's colours."""
    hasher = hashlib.sha256()
    for data in sources:
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.digest()
