"""Request bodies: JSON, or multipart with files streamed from their sources.

`build_request_body` turns an operation's parameters into a `PreparedBody`. It picks the
body kind (the edit operation takes file uploads as multipart, or references by URL or
file id as JSON), reads the headers of every file and checks the upload rules (counts,
sizes, image formats, mask and markup; see `_inputs._checks`) before any byte is sent.
`validation=` decides what a broken rule does: ``"strict"`` raises one `ValidationError`
listing them all, ``"warn"`` warns and sends, ``"off"`` sends the request as given.
Problems that make sending impossible (a missing or unreadable file, text UTF-8 cannot
encode, inputs that fit neither body) raise in every mode.

Every input stays replayable: paths are reopened, seekable objects rewound to their
starting position and non-seekable streams spooled to a `SpooledTemporaryFile` once,
so `PreparedBody.replayable` is always True and a retry resends each file whole.
"""

from __future__ import annotations

import base64
import enum
import json
import weakref
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Final, cast

import attrs

from ._exceptions import ValidationError, Violation
from ._inputs._checks import (
    IMAGE_MAX_BYTES,
    MAX_IMAGES,
    OVERLAYS,
    accepted_formats,
    count_violations,
    file_violations,
    mixed_inputs,
    pairing_violations,
    settle,
    subject,
    unencodable,
)
from ._inputs._formats import CONTENT_TYPES, OCTET_STREAM, ImageHeader, probe_data_url, sniff
from ._inputs._sources import InMemoryChunks, UploadFile, is_file_input, prepare_file
from ._multipart import FilePart, FormField, MultipartBody, Part, form_fields
from ._operation import BodyKind, FieldSpec, OperationSpec
from ._types import Body, ImageInfo, ValidationMode

__all__ = [
    "DATA_URL_MAX_CHARS",
    "IMAGE_MAX_BYTES",
    "MAX_IMAGES",
    "PreparedBody",
    "build_request_body",
    "data_url",
]

_JSON: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False)
"""How request bodies are written (one encoder; `json.dumps` makes one per call)."""

DATA_URL_MAX_CHARS: Final = 20 * 1024 * 1024


def data_url(data: bytes) -> str:
    """A ``data:`` URL holding `data`, typed from its magic bytes, for a JSON edit reference.

    Use it as ``image_url`` of an `ImageRefParam` (or pass the string itself as ``image``).
    """
    fmt = sniff(data[:16])
    content_type = CONTENT_TYPES[fmt] if fmt else OCTET_STREAM
    return f"data:{content_type};base64,{base64.b64encode(data).decode()}"


def _live_iterators(body: PreparedBody) -> weakref.WeakSet[Iterator[bytes]] | None:
    return weakref.WeakSet() if body.multipart is not None else None


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
    violations: tuple[Violation, ...] = ()
    """Upload rules broken under ``validation="warn"``, for `validate_request` to report."""
    _live: weakref.WeakSet[Iterator[bytes]] | None = attrs.field(
        default=attrs.Factory(_live_iterators, takes_self=True), eq=False, repr=False, alias="_live"
    )
    """Sync iterators of a multipart body handed out and not yet collected; `close` closes
    them (None for a body in memory)."""

    def iter_sync(self) -> Iterator[bytes]:
        """A fresh iterator over the body's bytes: files reopened or rewound, read lazily.

        `close` closes the iterators still alive, so a failed attempt's half-read file is
        closed when the call ends, not when the cyclic GC finds the attempt's frames.
        """
        if self.multipart is None:
            return iter((self.encoded,))
        chunks = self.multipart.iter_sync()
        if self._live is not None:
            self._live.add(chunks)
        return chunks

    def iter_async(self) -> AsyncIterator[bytes]:
        """A fresh async iterator over the body's bytes; file reads run in a worker thread."""
        if self.multipart is not None:
            return self.multipart.iter_async()
        return InMemoryChunks(iter((self.encoded,)))

    def close(self) -> None:
        """Close files still open for a sync attempt and spool files made for streams.

        Spool files are also closed when the body is collected.
        """
        if self.multipart is None:
            return
        self._close_live()
        for segment in self.multipart.segments:
            if isinstance(segment, UploadFile):
                segment.close()

    def _close_live(self) -> None:
        live = self._live
        if live is None:
            return
        for chunks in list(live):
            live.discard(chunks)
            close = getattr(chunks, "close", None)
            if callable(close):
                close()


def build_request_body(
    op: OperationSpec,
    params: Mapping[str, object],
    *,
    extra_body: Body | None,
    validation: ValidationMode = "strict",
) -> PreparedBody:
    """The body of one call of `op`; `params` are keyed by python name, NOT_GIVEN removed.

    Under ``validation="strict"`` raises `ValidationError` listing every problem with the
    files or references; ``"warn"`` warns about broken upload rules and ``"off"`` ignores
    them. Problems that make sending impossible raise in every mode.
    """
    plan = _plan(op)
    kind = _choose_body(op, params, plan.file_names)
    if kind == "json":
        if not extra_body and plan.file_name_set.isdisjoint(params):
            simple = _plain_json_body(plan, params)
            if simple is not None:
                return simple
        return _json_body(op, params, extra_body, plan.file_name_set, mode=validation)
    return _multipart_body(op, params, extra_body, mode=validation)


@attrs.frozen
class _Plan:
    """What an operation's bodies need from its fields, worked out once per operation."""

    op: OperationSpec
    file_names: list[str]
    file_name_set: set[str]
    rank: dict[str, int]
    json_fields: dict[str, FieldSpec]


_plans: dict[int, _Plan] = {}


def _plan(op: OperationSpec) -> _Plan:
    plan = _plans.get(id(op))
    if plan is not None and plan.op is op:  # the plan holds `op`, so its id is not reused
        return plan
    names = [f.python_name for f in op.fields if "multipart" in f.bodies and _is_file_field(f)]
    rank: dict[str, int] = {}
    for index, spec in enumerate(op.fields):
        rank.setdefault(spec.python_name, index)
    fields = {f.python_name: f for f in op.fields if "json" in f.bodies}
    plan = _plans[id(op)] = _Plan(op, names, set(names), rank, fields)
    return plan


def _field_order(op: OperationSpec, params: Mapping[str, object]) -> list[tuple[str, object]]:
    """The parameters in the operation's field order (unknown names last)."""
    rank = _plan(op).rank
    last = len(rank)
    return sorted(params.items(), key=lambda item: rank.get(item[0], last))


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


def _own(param: str, label: str) -> str:
    """``[1] `` for the second input of `param`; nothing for its only one."""
    index = subject(param, label, None)
    return "" if index == "the file" else f"{index} "


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
    _, first_label, by_ref = seen[0]
    what = {True: "a reference (image_url/file_id)", False: "a file upload"}

    def rule(param: str, label: str, ref: bool) -> str:
        return (
            f"{_own(param, label)}is {what[ref]} but {first_label} is {what[by_ref]}: "
            "send every input as a reference (JSON body) or every one as a file (multipart)"
        )

    mixed = mixed_inputs(seen, rule)
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

_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def _to_json(value: object) -> object:
    if type(value) in _SCALARS:
        return value
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


@attrs.define
class _Findings:
    """What the checks of one body found: broken rules, and problems no mode lets through."""

    op: OperationSpec
    params: Mapping[str, object]
    rules: list[Violation] = attrs.field(factory=list[Violation])
    fatal: list[Violation] = attrs.field(factory=list[Violation])

    def image_file(self, param: str, info: ImageInfo) -> None:
        """Judge one input image as a file, naming the model's formats when it has a list."""
        formats, model = accepted_formats(self.op.capability_key, self.params)
        self.rules += file_violations(param, info, formats=formats, model=model)

    def settle(self, mode: ValidationMode) -> tuple[Violation, ...]:
        return settle(mode, self.rules, self.fatal)

    def carried(
        self, fields: Mapping[str, FieldSpec], params: Mapping[str, object], *, refused: str
    ) -> Iterator[tuple[str, object, FieldSpec]]:
        """`params` in the operation's field order, each with its field in the body; one
        the body cannot carry is a problem no mode lets through (`refused` says why)."""
        for name, value in _field_order(self.op, params):
            spec = fields.get(name)
            if spec is None:
                self.fatal.append(Violation(param=name, rule=f"{self.op.method_name} {refused}"))
            else:
                yield name, value, spec


def _plain_json_body(plan: _Plan, params: Mapping[str, object]) -> PreparedBody | None:
    """The JSON body of a call without inputs, extra body or structured values, the way
    `_json_body` builds it, or None for anything it would have to look into."""
    fields, rank = plan.json_fields, plan.rank
    wire: dict[str, object] = {}
    last = -1
    for name, value in params.items():
        spec = fields.get(name)
        if spec is None or type(value) not in _SCALARS or rank[name] < last:
            return None
        last = rank[name]
        wire[spec.name] = value
    try:
        encoded = _JSON.encode(wire).encode()
    except ValueError:  # NaN, or a lone surrogate (UnicodeEncodeError): `_json_body` says which
        return None
    return PreparedBody(
        kind="json",
        json=wire,
        content_type="application/json",
        content_length=len(encoded),
        inputs=(),
        encoded=encoded,
        violations=(),
    )


def _json_body(
    op: OperationSpec,
    params: Mapping[str, object],
    extra_body: Body | None,
    refs: set[str],
    *,
    mode: ValidationMode,
) -> PreparedBody:
    fields = _plan(op).json_fields
    wire: dict[str, object] = {}
    found = _Findings(op, params)
    inputs: dict[str, list[ImageInfo]] = {}
    # No input is nullable: None sends nothing, as with multipart.
    sent = {name: value for name, value in params.items() if value is not None or name not in refs}
    refused = (
        "does not take it in its JSON body (used when inputs are references); send files instead"
    )
    for name, value, spec in found.carried(fields, sent, refused=refused):
        problem = unencodable(value)
        if problem is not None:
            found.fatal.append(Violation(param=name, rule=problem))
        elif name in refs:
            wire[spec.name], inputs[name] = _json_refs(spec, value, found)
        else:
            wire[spec.name] = _to_json(value)
    ordered = _ordered_inputs(inputs)
    found.rules += pairing_violations(ordered, params)
    extra = cast("dict[str, object]", _to_json(extra_body)) if extra_body else {}
    for key, value in extra.items():
        problem = unencodable(value)
        if problem is not None:
            found.fatal.append(Violation(param=key, rule=problem))
    warned = found.settle(mode)
    wire.update(extra)
    try:
        encoded = _JSON.encode(wire).encode()
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
        violations=warned,
    )


def _json_refs(spec: FieldSpec, value: object, found: _Findings) -> tuple[object, list[ImageInfo]]:
    param = spec.python_name
    items = _items(value)
    labels = _labels(param, len(items))
    found.rules += _count_violations(spec, len(items))
    refs: list[object] = []
    infos: list[ImageInfo] = []
    for label, item in zip(labels, items, strict=True):
        ref = cast("Mapping[str, object]", _ref(item))
        keys = [k for k in ("image_url", "file_id") if isinstance(ref.get(k), str)]
        if len(keys) != 1:
            what = subject(param, label, None)
            found.rules.append(
                Violation(
                    param=param,
                    rule=f"{what}: a reference has exactly one of image_url and file_id "
                    "(both strings)",
                    value=dict(ref),
                )
            )
        refs.append(dict(ref))
        infos.append(_ref_info(label, ref, found, param=param))
    if "array" in spec.kinds or len(refs) > 1:
        return refs, infos
    return refs[0], infos


def _ref_info(label: str, ref: Mapping[str, object], found: _Findings, *, param: str) -> ImageInfo:
    url, file_id = ref.get("image_url"), ref.get("file_id")
    header, size = ImageHeader(format=None), None
    if isinstance(url, str) and url.startswith("data:"):
        name = url.split(",", 1)[0][:100] + ",..."
        what = subject(param, label, None)
        if len(url) > DATA_URL_MAX_CHARS:
            found.rules.append(
                Violation(
                    param=param,
                    rule=f"{what}: a data: URL is at most {DATA_URL_MAX_CHARS} characters, "
                    f"got {len(url)}",
                    value=len(url),
                )
            )
        decoded = probe_data_url(url)
        if isinstance(decoded, str):
            found.rules.append(Violation(param=param, rule=f"{what}: {decoded}", value=name))
        elif decoded is not None:
            header, size = decoded
    else:
        name = str(url if isinstance(url, str) else file_id)[:200]
    info = header.info(label=label, filename=name, size=size)
    if size is not None:  # the bytes of a data: URL are judged like an uploaded file's
        found.image_file(param, info)
    return info


# Rules shared by both body kinds


def _ordered_inputs(inputs: Mapping[str, list[ImageInfo]]) -> list[ImageInfo]:
    order = sorted(inputs, key=lambda n: (n in OVERLAYS, OVERLAYS.index(n) if n in OVERLAYS else 0))
    return [info for name in order for info in inputs[name]]


def _count_violations(spec: FieldSpec, count: int) -> list[Violation]:
    limit = spec.max_items
    if spec.python_name == "image":
        limit = min(limit or MAX_IMAGES, MAX_IMAGES)
    return count_violations(spec.python_name, count, limit)


# Multipart bodies


def _text_parts(name: str, spec: FieldSpec, value: object, found: _Findings) -> list[FormField]:
    problem = unencodable(value)
    if problem is not None:
        found.fatal.append(Violation(param=name, rule=problem))
        return []
    return form_fields(spec.name, _to_json(value), style=spec.multipart_style)


def _multipart_body(
    op: OperationSpec,
    params: Mapping[str, object],
    extra_body: Body | None,
    *,
    mode: ValidationMode,
) -> PreparedBody:
    fields = {f.python_name: f for f in op.fields if "multipart" in f.bodies}
    texts: list[Part] = []
    files: list[FilePart] = []
    found = _Findings(op, params)
    inputs: dict[str, list[ImageInfo]] = {}
    refused = (
        "does not take it with file uploads (it belongs to the JSON body used with references)"
    )
    for name, value, spec in found.carried(fields, params, refused=refused):
        if not _is_file_field(spec):
            texts += _text_parts(name, spec, value, found)
        elif value is not None:
            # Operations of the images API (those with a capability key) upload images;
            # others, such as the Files API's, take any file.
            prepared = _prepare_files(spec, value, found, images=bool(op.capability_key))
            files += [part for part, _ in prepared]
            inputs[name] = [info for _, info in prepared]
    ordered = _ordered_inputs(inputs)
    found.rules += pairing_violations(ordered, params)
    parts: list[Part] = [*texts, *files]
    try:
        for key, value in (extra_body or {}).items():
            parts = [p for p in parts if p.name != key and not p.name.startswith(f"{key}[")]
            if isinstance(value, (bytes, bytearray)) or (
                not isinstance(value, str) and is_file_input(value)
            ):
                try:
                    upload = prepare_file(value, param=key, label=key, stem=key)
                except ValidationError as error:
                    found.fatal += error.violations
                    continue
                files.append(FilePart(name=key, file=upload))
                parts.append(files[-1])
            else:
                problem = unencodable(value)
                if problem is not None:
                    found.fatal.append(Violation(param=key, rule=problem))
                    continue
                parts += form_fields(key, _to_json(value))
        warned = found.settle(mode)
    except BaseException:
        for part in files:
            part.file.close()
        raise
    body = MultipartBody.encode(parts)
    return PreparedBody(
        kind="multipart",
        json=None,
        content_type=body.content_type,
        content_length=body.content_length,
        inputs=tuple(ordered),
        multipart=body,
        violations=warned,
    )


def _prepare_files(
    spec: FieldSpec, value: object, found: _Findings, *, images: bool
) -> list[tuple[FilePart, ImageInfo]]:
    param = spec.python_name
    items = _items(value)
    labels = _labels(param, len(items))
    found.rules += _count_violations(spec, len(items))
    many = len(items) > 1
    if many and spec.multipart_array_name is None and "array" not in spec.kinds:
        found.rules.append(
            Violation(param=param, rule=f"takes one file, got {len(items)}", value=len(items))
        )
    part_name = (spec.multipart_array_name or f"{spec.name}[]") if many else spec.name
    parts: list[tuple[FilePart, ImageInfo]] = []
    for index, (label, item) in enumerate(zip(labels, items, strict=True)):
        stem = f"{param}_{index}" if many else param
        try:
            upload = prepare_file(item, param=param, label=label, stem=stem)
        except ValidationError as error:
            found.fatal += error.violations
            continue
        info = upload.info(label)
        if images:
            found.image_file(param, info)
        parts.append((FilePart(name=part_name, file=upload), info))
    return parts
