"""Descriptions of API operations that codegen emits and the transport interprets.

Generated operation methods pass one `OperationSpec` plus the caller's arguments to
the client's `_request`; everything about the wire (path, body kind, file parts, limits)
is read from here, so no hand-written layer lists an operation's parameters.
"""

from __future__ import annotations

import importlib
from typing import Literal, TypeAlias, cast

import attrs

__all__ = ["BodyKind", "FieldSpec", "OperationSpec", "ValueKind"]

BodyKind: TypeAlias = Literal["json", "multipart"]
ValueKind: TypeAlias = Literal[
    "string", "integer", "number", "boolean", "object", "array", "file", "null"
]


@attrs.frozen(kw_only=True)
class FieldSpec:
    """One request field: its wire name, the body kinds that carry it, and its limits."""

    name: str
    """The wire name, e.g. ``image`` or ``svg``."""
    python_name: str
    """The keyword argument that supplies it (``x-python-name``; usually `name`)."""
    bodies: tuple[BodyKind, ...]
    """Which request bodies carry the field (edit has a multipart and a JSON variant)."""
    required: bool
    kinds: tuple[ValueKind, ...]
    """JSON types accepted (``null`` when nullable); ``file`` for binary parts."""
    enum: tuple[str | int | float | bool, ...] | None = None
    """The closed value set, or None when any value of `kinds` is allowed."""
    known_values: tuple[str, ...] = ()
    """Documented values of an open field (model, size): accepted but not exhaustive."""
    minimum: float | None = None
    maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    """A regular expression a string value must contain a match of (JSON Schema's
    ``pattern``), e.g. ``^file-`` for a file id."""
    pattern_rule: str = ""
    """How an error message states `pattern` (``x-pattern-rule``): ``must look like file-...``."""
    min_items: int | None = None
    max_items: int | None = None
    deprecated: bool = False
    multipart_array_name: str | None = None
    """Part name used when several files are sent (``x-multipart-array-name``: ``image[]``)."""
    multipart_style: Literal["brackets", "json"] | None = None
    """How a nested object goes in multipart (``x-multipart-style``): ``svg[model]`` fields."""
    description: str = ""
    """The spec's description of the field, on one line (for help texts)."""
    default: str | int | float | bool | None = None
    """The default the spec states (the server applies it), or None when it states none."""
    fields: tuple[FieldSpec, ...] = ()
    """The properties of an object value, or of each item of an array of objects
    (``svg`` -> ``model``, ``reasoning``; ``images`` -> ``image_url``, ``file_id``); nested
    FieldSpecs have no `bodies`."""
    model: str | None = None
    """The generated attrs class (a name in `_generated.models`) of an object value, or of
    each item of an array of objects: ``ImageSvgOptions``, ``ImageRefParam``."""


@attrs.frozen(kw_only=True)
class OperationSpec:
    """One API operation as the transport needs it."""

    operation_id: str
    method_name: str
    http_method: str
    path: str
    bodies: tuple[BodyKind, ...]
    """Body kinds the operation accepts, the default first."""
    fields: tuple[FieldSpec, ...]
    _response_type: type | str = attrs.field(alias="response_type")
    """The parsed result's class, or where it lives as ``"package.models:Name"`` (resolved
    on first use, so importing the operations table does not import the models)."""
    _stream_event_type: object | None = attrs.field(alias="stream_event_type")
    """The event union a streamed response yields (or ``"package.models:Name"``), or None
    when it cannot stream."""
    capability_key: str
    """The operation's key in the model capability table: generate, edit or variation."""
    deprecated: bool = False
    summary: str = ""

    @property
    def response_type(self) -> type:
        """The class a response body is structured into (``bytes`` for a download)."""
        value = self._response_type
        return value if isinstance(value, type) else cast("type", _generated_model(value))

    @property
    def stream_event_type(self) -> object | None:
        """The event union a streamed response yields, or None when it cannot stream."""
        value = self._stream_event_type
        return _generated_model(value) if isinstance(value, str) else value

    def field(self, name: str) -> FieldSpec:
        """The field with this wire name."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


_resolved: dict[str, object] = {}


def _generated_model(where: str) -> object:
    """The object named by ``"package.models:Name"``, its module imported on first use."""
    found = _resolved.get(where)
    if found is None:
        module_name, _, name = where.partition(":")
        # Not sys.modules.get: while another thread is still importing the module it is
        # there half made; import_module waits for that import to finish.
        found = _resolved[where] = getattr(importlib.import_module(module_name), name)
    return found
