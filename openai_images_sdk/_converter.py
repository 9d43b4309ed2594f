"""The one cattrs converter: response bodies and stream events in, request values out.

Hooks are made on first use of each type (cattrs caches them), not at import, so a call
pays only for the models it meets:

- unknown response fields are ignored;
- open value sets (``Literal[...] | str``) accept any string;
- the stream event unions dispatch on their ``type`` field (`structure_event` answers None
  for a type the spec does not know yet);
- unstructuring leaves out optional fields that still hold their default (None), so a
  value never sends a null the caller did not write.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, TypeVar, Union, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

__all__ = ["converter", "structure", "structure_event", "structure_hook", "unstructure"]

T = TypeVar("T")

_MODELS_MODULE: Final = f"{__package__}._generated.models"
"""Where the generated models live; named, not imported (the models' base calls back here)."""

converter = cattrs.Converter(forbid_extra_keys=False)
"""Structures JSON into the generated models and unstructures them back."""

_NONE = type(None)
_TAG = "type"


def _union_args(tp: object) -> tuple[object, ...]:
    if isinstance(tp, types.UnionType) or get_origin(tp) is Union:
        return get_args(tp)
    return ()


def _is_open_string(tp: object) -> bool:
    """`Literal["a", "b"] | str` (optionally `| None`): known values, any string allowed."""
    args = _union_args(tp)
    if str not in args:
        return False
    return all(
        arg is str
        or arg is _NONE
        or (get_origin(arg) is Literal and all(isinstance(v, str) for v in get_args(arg)))
        for arg in args
    )


def _open_string_hook(tp: object) -> Callable[[object, object], str | None]:
    nullable = _NONE in _union_args(tp)

    def structure_open_string(value: object, _: object) -> str | None:
        if isinstance(value, str):
            return value
        if value is None and nullable:
            return None
        raise ValueError(f"expected a string, got {value!r}")

    return structure_open_string


def _is_optional(tp: object) -> bool:
    """``X | None`` for one type X that is not an open string (those have their own hook)."""
    args = _union_args(tp)
    return len(args) == 2 and _NONE in args and not _is_open_string(tp)


def _optional_hook(tp: object) -> Callable[[object, object], Any]:
    """None, or the value structured by X's hook, looked up once (cattrs looks it up on
    every value)."""
    first, second = _union_args(tp)
    inner = second if first is _NONE else first
    hook = converter.get_structure_hook(inner)

    def structure_optional(value: object, _: object) -> object:
        return None if value is None else hook(value, inner)

    return structure_optional


def _event_tag(cls: type) -> str | None:
    """The one value of a class's `type` Literal field, if it has one."""
    field = attrs.fields_dict(cls).get(_TAG)
    if field is None or get_origin(field.type) is not Literal:
        return None
    values = get_args(field.type)
    return str(values[0]) if len(values) == 1 else None


def _tag_table(union: object) -> dict[str, type[object]]:
    """Tag -> class for a union of attrs classes tagged by `type`; empty when not such a union."""
    table: dict[str, type[object]] = {}
    for member in _union_args(union):
        if not (isinstance(member, type) and attrs.has(member)):
            return {}
        tag = _event_tag(member)
        if tag is None:
            return {}
        table[tag] = member
    return table


def _tagged_union_hook(
    union: object, table: Mapping[str, type[object]]
) -> Callable[[object, object], Any]:
    def structure_tagged(value: object, _: object) -> object:
        tag = cast("Mapping[str, object]", value).get(_TAG) if isinstance(value, Mapping) else None
        cls = table.get(str(tag))
        if cls is None:
            raise ValueError(f"unknown {_TAG} {tag!r} for {union}")
        return converter.structure(value, cls)

    return structure_tagged


def _is_model(tp: object) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and tp.__module__ == _MODELS_MODULE


def _model_structure_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    return make_dict_structure_fn(cls, converter)


def _model_unstructure_hook(cls: type[Any]) -> Callable[[Any], Any]:
    attrs.resolve_types(cls)
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)


_EVENT_TABLES: dict[object, dict[str, type[object]]] = {}
"""Tag tables of the event unions met so far."""


def _event_table(union: object) -> dict[str, type[object]]:
    table = _EVENT_TABLES.get(union)
    if table is None:
        table = _EVENT_TABLES.setdefault(union, _tag_table(union))
    return table


def _tagged_union_factory(union: object) -> Callable[[object, object], Any]:
    return _tagged_union_hook(union, _event_table(union))


converter.register_structure_hook_factory(_is_open_string, _open_string_hook)
converter.register_structure_hook_factory(_is_optional, _optional_hook)
converter.register_structure_hook_factory(_is_model, _model_structure_hook)
converter.register_unstructure_hook_factory(_is_model, _model_unstructure_hook)
converter.register_structure_hook_factory(
    lambda tp: bool(_union_args(tp)) and bool(_event_table(tp)), _tagged_union_factory
)


STRUCTURE_ERRORS: Final = (
    cattrs.BaseValidationError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
)
"""What a structure hook raises when the data does not fit the class."""

_hooks: dict[type, Callable[[Any, Any], Any]] = {}


def structure_hook(cls: type[T]) -> Callable[[object, type[T]], T]:
    """The function structuring decoded JSON into `cls`, called as ``hook(data, cls)``
    (looked up once per class); it raises one of `STRUCTURE_ERRORS` when the data does not
    fit."""
    hook = _hooks.get(cls)
    if hook is None:
        hook = _hooks[cls] = converter.get_structure_hook(cls)
    return hook


def structure(data: object, cls: type[T]) -> T:
    """`data` (decoded JSON) as an instance of `cls`; raises cattrs errors when it does not fit."""
    return converter.structure(data, cls)


def structure_event(data: Mapping[str, object], union: object) -> object | None:
    """The typed event for `data`'s ``type`` within `union`, or None for an unknown type."""
    cls = _event_table(union).get(str(data.get(_TAG)))
    if cls is None:
        return None
    return converter.structure(data, cls)


def unstructure(value: object) -> object:
    """Attrs instances (also inside dicts and lists) as plain JSON values."""
    return converter.unstructure(value)
