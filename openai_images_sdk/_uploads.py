"""Request bodies: JSON, or multipart with files streamed from their sources.

`build_request_body` turns an operation's parameters into a `PreparedBody`. It picks the
body kind (the edit operation takes file uploads as multipart, or references by URL or
file id as JSON), reads the headers of every file, checks the upload rules (counts, sizes,
image formats, mask and markup) and reports every broken rule at once as a
`ValidationError`, before any byte is sent.

Every input stays replayable: paths are reopened, seekable objects rewound to their
starting position and non-seekable streams spooled to a `SpooledTemporaryFile` once,
so `PreparedBody.replayable` is always True and a retry resends each file whole.
"""

from __future__ import annotations

import base64
import enum
import json
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Final, cast

import attrs

from ._exceptions import ValidationError, Violation
from ._files import InMemoryChunks, UploadFile, is_file_input, prepare_file
from ._imageinfo import CONTENT_TYPES, ImageHeader, probe_data_url, sniff
from ._masks import describe, overlay_violations
from ._multipart import FilePart, MultipartBody, Part, form_fields
from ._operation import BodyKind, FieldSpec, OperationSpec
from ._types import Body, ImageInfo

__all__ = [
    "DATA_URL_MAX_CHARS",
    "IMAGE_MAX_BYTES",
    "MAX_IMAGES",
    "PreparedBody",
    "build_request_body",
    "data_url",
]

MAX_IMAGES: Final = 16
IMAGE_MAX_BYTES: Final = 50 * 1024 * 1024
DATA_URL_MAX_CHARS: Final = 20 * 1024 * 1024
_OVERLAYS: Final = ("mask", "markup")


def data_url(data: bytes) -> str:
    """A ``data:`` URL holding `data`, typed from its magic bytes, for a JSON edit reference.

    Use it as ``image_url`` of an `ImageRefParam` (or pass the string itself as ``image``).
    """
    fmt = sniff(data[:16])
    content_type = CONTENT_TYPES[fmt] if fmt else "application/octet-stream"
    return f"data:{content_type};base64,{base64.b64encode(data).decode()}"


@attrs.frozen(kw_only=True)
class PreparedBody:
    """A request body ready to send any number of times (a retry iterates it again)."""

    kind: BodyKind
    json: Mapping[str, object] | None
    """The JSON body (for `kind` ``"json"``), else None."""
    content_type: str
    content_length: int | None
    replayable: bool = True
    inputs: tuple[ImageInfo, ...] = ()
    """Images in order, then mask, then markup, as read from their headers."""
    multipart: MultipartBody | None = None
    encoded: bytes = b""

    def iter_sync(self) -> Iterator[bytes]:
        """A fresh iterator over the body's bytes: files reopened or rewound, read lazily."""
        if self.multipart is not None:
            return self.multipart.iter_sync()
        return iter((self.encoded,))

    def iter_async(self) -> AsyncIterator[bytes]:
        """A fresh async iterator over the body's bytes; file reads run in a worker thread."""
        if self.multipart is not None:
            return self.multipart.iter_async()
        return InMemoryChunks(iter((self.encoded,)))

    def close(self) -> None:
        """Release spool files made for non-seekable streams (also done when collected)."""
        for segment in self.multipart.segments if self.multipart else ():
            if isinstance(segment, UploadFile):
                segment.close()


def build_request_body(
    op: OperationSpec, params: Mapping[str, object], *, extra_body: Body | None
) -> PreparedBody:
    """The body of one call of `op`; `params` are keyed by python name, NOT_GIVEN removed.

    Raises `ValidationError` listing every problem with the files or references.
    """
    file_fields = [f for f in op.fields if "multipart" in f.bodies and _is_file_field(f)]
    kind = _choose_body(op, params, [f.python_name for f in file_fields])
    if kind == "json":
        return _json_body(op, params, extra_body, {f.python_name for f in file_fields})
    return _multipart_body(op, params, extra_body)


def _field_order(op: OperationSpec, params: Mapping[str, object]) -> list[tuple[str, object]]:
    """The parameters in the operation's field order (unknown names last)."""
    rank: dict[str, int] = {}
    for index, spec in enumerate(op.fields):
        rank.setdefault(spec.python_name, index)
    return sorted(params.items(), key=lambda item: rank.get(item[0], len(rank)))


def _is_file_field(spec: FieldSpec) -> bool:
    return "file" in spec.kinds or spec.multipart_array_name is not None


def _items(value: object) -> list[object]:
    """One input or a list of them (a tuple is a file tuple when it has that shape)."""
    if isinstance(value, (str, bytes, bytearray, memoryview, Mapping)) or is_file_input(value):
        return [value]
    if isinstance(value, Sequence):
        return list(cast("Sequence[object]", value))
    return [value]


def _ref(value: object) -> Mapping[str, object] | None:
    """The JSON form of a reference, or None when `value` is not one (a file input)."""
    if isinstance(value, str):
        if value.startswith(("data:", "https://", "http://")):
            return {"image_url": value}
        return None
    if isinstance(value, Mapping):
        mapping = cast("Mapping[str, object]", value)
        if "image_url" in mapping or "file_id" in mapping:
            return {k: v for k, v in mapping.items() if v is not None}
        return None
    url, file_id = getattr(value, "image_url", None), getattr(value, "file_id", None)
    if isinstance(url, str) or isinstance(file_id, str):
        found = {"image_url": url, "file_id": file_id}
        return {k: v for k, v in found.items() if isinstance(v, str)}
    return None


def _labels(param: str, count: int) -> list[str]:
    return [param] if count == 1 else [f"{param}[{i}]" for i in range(count)]


def _choose_body(op: OperationSpec, params: Mapping[str, object], names: list[str]) -> BodyKind:
    seen: list[tuple[str, str, bool]] = []  # (param, label, is a reference)
    for name in names:
        if params.get(name) is None:
            continue
        items = _items(params[name])
        for label, item in zip(_labels(name, len(items)), items, strict=True):
            seen.append((name, label, _ref(item) is not None))
    if not seen:
        return op.bodies[0]
    first_param, first_label, by_ref = seen[0]
    del first_param
    what = {True: "a reference (image_url/file_id)", False: "a file upload"}
    mixed = [
        Violation(
            param=param,
            rule=f"{label} is {what[ref]} but {first_label} is {what[by_ref]}: "
            "send every input as a reference (JSON body) or every one as a file (multipart)",
            value=label,
        )
        for param, label, ref in seen
        if ref != by_ref
    ]
    if mixed:
        raise ValidationError(mixed)
    wanted: BodyKind = "json" if by_ref else "multipart"
    if wanted not in op.bodies:
        need = "file uploads" if wanted == "json" else "references (image_url/file_id)"
        raise ValidationError(
            [
                Violation(param=param, rule=f"{op.method_name} takes {need} only", value=label)
                for param, label, _ in seen
            ]
        )
    return wanted


# JSON bodies


def _to_json(value: object) -> object:
    if attrs.has(type(value)):
        from ._converter import unstructure

        return unstructure(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        return {str(k): _to_json(v) for k, v in mapping.items()}
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in cast("Sequence[object]", value)]
    return value


def _json_body(
    op: OperationSpec, params: Mapping[str, object], extra_body: Body | None, refs: set[str]
) -> PreparedBody:
    fields = {f.python_name: f for f in op.fields if "json" in f.bodies}
    wire: dict[str, object] = {}
    violations: list[Violation] = []
    inputs: dict[str, list[ImageInfo]] = {}
    for name, value in _field_order(op, params):
        if name in refs and value is None:
            continue  # no input is nullable: None sends nothing, as with multipart
        spec = fields.get(name)
        if spec is None:
            violations.append(
                Violation(
                    param=name,
                    rule=f"{op.method_name} does not take {name} in its JSON body "
                    "(used when inputs are references); send files instead",
                )
            )
        elif name in refs:
            wire[spec.name], inputs[name] = _json_refs(spec, value, violations)
        else:
            wire[spec.name] = _to_json(value)
    ordered = _ordered_inputs(inputs)
    violations += _input_violations(ordered, params)
    if violations:
        raise ValidationError(violations)
    if extra_body:
        wire.update(cast("dict[str, object]", _to_json(extra_body)))
    try:
        encoded = json.dumps(wire, ensure_ascii=False, allow_nan=False).encode()
    except (TypeError, ValueError) as error:
        raise ValidationError(
            [Violation(param="body", rule=f"cannot be encoded as JSON: {error}")]
        ) from error
    return PreparedBody(
        kind="json",
        json=wire,
        content_type="application/json",
        content_length=len(encoded),
        inputs=tuple(ordered),
        encoded=encoded,
    )


def _json_refs(
    spec: FieldSpec, value: object, violations: list[Violation]
) -> tuple[object, list[ImageInfo]]:
    param = spec.python_name
    items = _items(value)
    labels = _labels(param, len(items))
    violations += _count_violations(spec, len(items))
    refs: list[object] = []
    infos: list[ImageInfo] = []
    for label, item in zip(labels, items, strict=True):
        ref = cast("Mapping[str, object]", _ref(item))
        keys = [k for k in ("image_url", "file_id") if isinstance(ref.get(k), str)]
        if len(keys) != 1:
            violations.append(
                Violation(
                    param=param,
                    rule=f"{label}: a reference has exactly one of image_url and file_id "
                    "(both strings)",
                    value=dict(ref),
                )
            )
        refs.append(dict(ref))
        infos.append(_ref_info(label, ref, violations, param=param))
    if "array" in spec.kinds or len(refs) > 1:
        return refs, infos
    return refs[0], infos


def _ref_info(
    label: str, ref: Mapping[str, object], violations: list[Violation], *, param: str
) -> ImageInfo:
    url, file_id = ref.get("image_url"), ref.get("file_id")
    header, size = ImageHeader(format=None), None
    if isinstance(url, str) and url.startswith("data:"):
        name = url.split(",", 1)[0][:100] + ",..."
        if len(url) > DATA_URL_MAX_CHARS:
            violations.append(
                Violation(
                    param=param,
                    rule=f"{label}: a data: URL is at most {DATA_URL_MAX_CHARS} characters, "
                    f"got {len(url)}",
                    value=len(url),
                )
            )
        decoded = probe_data_url(url)
        if isinstance(decoded, str):
            violations.append(Violation(param=param, rule=f"{label}: {decoded}", value=name))
        elif decoded is not None:
            header, size = decoded
    else:
        name = str(url if isinstance(url, str) else file_id)[:200]
    info = ImageInfo(
        label=label,
        filename=name,
        content_type=header.content_type,
        format=header.format,
        width=header.width,
        height=header.height,
        size=size,
        has_alpha=header.has_alpha,
    )
    if size is not None:  # the bytes of a data: URL are judged like an uploaded file's
        violations += _file_violations(param, info, header)
    return info


# Rules shared by both body kinds


def _ordered_inputs(inputs: Mapping[str, list[ImageInfo]]) -> list[ImageInfo]:
    order = sorted(
        inputs, key=lambda n: (n in _OVERLAYS, _OVERLAYS.index(n) if n in _OVERLAYS else 0)
    )
    return [info for name in order for info in inputs[name]]


def _input_violations(infos: Sequence[ImageInfo], params: Mapping[str, object]) -> list[Violation]:
    found: list[Violation] = []
    images = [i for i in infos if i.label.partition("[")[0] == "image"]
    first = images[0] if images else None
    for info in infos:
        param = info.label.partition("[")[0]
        if param in _OVERLAYS:
            found += overlay_violations(param, info, first)
    if params.get("mask") is not None and params.get("markup") is not None:
        found.append(
            Violation(param="markup", rule="markup cannot be combined with mask; send one of them")
        )
    return found


def _file_violations(param: str, info: ImageInfo, header: ImageHeader) -> list[Violation]:
    what = describe(info)
    if info.size == 0:
        return [Violation(param=param, rule=f"{what} is empty", value=0)]
    found: list[Violation] = []
    if info.size is not None and info.size >= IMAGE_MAX_BYTES:
        found.append(
            Violation(
                param=param,
                rule=f"{what} is {info.size} bytes; each file must be under 50 MB "
                f"({IMAGE_MAX_BYTES} bytes)",
                value=info.size,
            )
        )
    if header.format is None:
        found.append(
            Violation(
                param=param,
                rule=f"{what} is not a PNG, JPEG, WEBP or GIF image (judged by its content, "
                "not its name)",
                value=info.filename,
            )
        )
    elif header.dimensions is None:
        found.append(
            Violation(
                param=param,
                rule=f"{what} looks like a {header.format.upper()} file but its header is "
                "truncated or corrupt (no width and height)",
                value=info.filename,
            )
        )
    return found


# Multipart bodies


def _multipart_body(
    op: OperationSpec, params: Mapping[str, object], extra_body: Body | None
) -> PreparedBody:
    fields = {f.python_name: f for f in op.fields if "multipart" in f.bodies}
    texts: list[Part] = []
    files: list[FilePart] = []
    violations: list[Violation] = []
    inputs: dict[str, list[ImageInfo]] = {}
    for name, value in _field_order(op, params):
        spec = fields.get(name)
        if spec is None:
            violations.append(
                Violation(
                    param=name,
                    rule=f"{op.method_name} does not take {name} with file uploads "
                    "(it belongs to the JSON body used with references)",
                )
            )
        elif not _is_file_field(spec):
            texts += form_fields(spec.name, _to_json(value), style=spec.multipart_style)
        elif value is not None:
            # Operations of the images API (those with a capability key) upload images;
            # others, such as the Files API's, take any file.
            prepared = _prepare_files(spec, value, violations, images=bool(op.capability_key))
            files += [part for part, _ in prepared]
            inputs[name] = [info for _, info in prepared]
    ordered = _ordered_inputs(inputs)
    violations += _input_violations(ordered, params)
    if violations:
        for part in files:
            part.file.close()
        raise ValidationError(violations)
    parts: list[Part] = [*texts, *files]
    for key, value in (extra_body or {}).items():
        parts = [p for p in parts if p.name != key and not p.name.startswith(f"{key}[")]
        if isinstance(value, (bytes, bytearray)) or (
            not isinstance(value, str) and is_file_input(value)
        ):
            upload = prepare_file(value, param=key, label=key, stem=key)
            parts.append(FilePart(name=key, file=upload))
        else:
            parts += form_fields(key, _to_json(value))
    body = MultipartBody.encode(parts)
    return PreparedBody(
        kind="multipart",
        json=None,
        content_type=body.content_type,
        content_length=body.content_length,
        inputs=tuple(ordered),
        multipart=body,
    )


def _count_violations(spec: FieldSpec, count: int) -> list[Violation]:
    param = spec.python_name
    limit = spec.max_items
    if param == "image":
        limit = min(limit or MAX_IMAGES, MAX_IMAGES)
    if count == 0:
        return [Violation(param=param, rule=f"{param} needs at least one input, got none", value=0)]
    if limit is not None and count > limit:
        return [
            Violation(
                param=param, rule=f"at most {limit} {param}s per request, got {count}", value=count
            )
        ]
    return []


def _prepare_files(
    spec: FieldSpec, value: object, violations: list[Violation], *, images: bool
) -> list[tuple[FilePart, ImageInfo]]:
    param = spec.python_name
    items = _items(value)
    labels = _labels(param, len(items))
    violations += _count_violations(spec, len(items))
    many = len(items) > 1
    if many and spec.multipart_array_name is None and "array" not in spec.kinds:
        violations.append(
            Violation(
                param=param, rule=f"{param} takes one file, got {len(items)}", value=len(items)
            )
        )
    part_name = (spec.multipart_array_name or f"{spec.name}[]") if many else spec.name
    parts: list[tuple[FilePart, ImageInfo]] = []
    for index, (label, item) in enumerate(zip(labels, items, strict=True)):
        stem = f"{param}_{index}" if many else param
        try:
            upload = prepare_file(item, param=param, label=label, stem=stem)
        except ValidationError as error:
            violations += error.violations
            continue
        info = upload.info(label)
        if images:
            violations += _file_violations(param, info, upload.header)
        parts.append((FilePart(name=part_name, file=upload), info))
    return parts
