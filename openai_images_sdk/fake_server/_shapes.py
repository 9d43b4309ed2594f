"""What the spec says of the fake server's bodies: nested request objects and answer fields.

`check_nested` holds the nested objects of a request (``expires_after``, ``svg``, image
references) to their FieldSpecs' own `fields` (required keys, types, enums, limits),
naming the parameter by its path (``expires_after.seconds``). `answer` builds an answer
from a generated model's fields, so every answer has exactly the fields the spec gives
it; `echoed` picks the request fields an answer model repeats (``safety_identifier``);
`total` adds token counts up into a usage model (a batch's usage from its responses').
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import attrs

from openai_images_sdk._operation import FieldSpec

from ._http import ApiError

__all__ = ["answer", "check_nested", "echoed", "event_model", "given", "total"]

_KIND_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def _fits(value: object, kinds: Sequence[str]) -> bool:
    for kind in kinds:
        if kind in ("integer", "number") and isinstance(value, bool):
            continue
        if isinstance(value, _KIND_TYPES.get(kind, ())):
            return True
    return not kinds


def _invalid(path: str, rule: str, value: object, code: str = "invalid_value") -> ApiError:
    return ApiError(
        400, f"Invalid value for '{path}': {rule} (got {value!r}).", param=path, code=code
    )


def _check_value(path: str, spec: FieldSpec, value: object) -> None:
    if not _fits(value, spec.kinds):
        raise _invalid(path, "must be " + " or ".join(spec.kinds), value, "invalid_type")
    if value is None:
        return
    if spec.enum is not None and value not in spec.enum:
        raise _invalid(path, "must be one of " + ", ".join(map(repr, spec.enum)), value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = spec.minimum, spec.maximum
        if low is not None and value < low:
            raise _invalid(path, f"must be at least {low:g}", value)
        if high is not None and value > high:
            raise _invalid(path, f"must be at most {high:g}", value)
    if spec.fields:
        items = cast("list[object]", value) if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            where = f"{path}[{index}]" if isinstance(value, list) else path
            if isinstance(item, Mapping):
                _check_object(where, spec.fields, cast("Mapping[str, object]", item))


def _check_object(path: str, fields: Sequence[FieldSpec], value: Mapping[str, object]) -> None:
    by_name = {spec.name: spec for spec in fields}
    for key in value:
        if key not in by_name:
            raise ApiError(
                400,
                f"Unknown parameter: '{path}.{key}'.",
                param=f"{path}.{key}",
                code="unknown_parameter",
            )
    for spec in fields:
        where = f"{path}.{spec.name}"
        if spec.name not in value:
            if spec.required:
                raise ApiError(
                    400,
                    f"Missing required parameter: '{where}'.",
                    param=where,
                    code="missing_required_parameter",
                )
            continue
        _check_value(where, spec, value[spec.name])


def check_nested(fields: Mapping[str, FieldSpec], params: Mapping[str, object]) -> None:
    """`ApiError` (400) for the first nested value that breaks its FieldSpec's rules.

    `fields` are keyed by wire name, `params` by python name (as `check_request` has
    them). Only fields whose spec lists nested `fields` are looked at.
    """
    for spec in fields.values():
        value = params.get(spec.python_name)
        if spec.fields and value is not None:
            _check_value(spec.name, spec, value)


def answer(model: type, values: Mapping[str, object]) -> dict[str, object]:
    """The JSON of `model` (a generated attrs class): each of its fields, None if not given.

    A name in `values` that the model does not have is a bug of the caller (`KeyError`).
    """
    names = [field.name for field in attrs.fields(cast("Any", model))]
    unknown = set(values).difference(names)
    if unknown:
        raise KeyError(f"{model.__name__} has no field {sorted(unknown)}")
    return {name: values.get(name) for name in names}


def given(fields: Mapping[str, FieldSpec], params: Mapping[str, object]) -> dict[str, object]:
    """The request's non-null values by wire name (`params` are keyed by python name)."""
    return {
        name: params[spec.python_name]
        for name, spec in fields.items()
        if params.get(spec.python_name) is not None
    }


def echoed(model: type, sent: Mapping[str, object]) -> dict[str, object]:
    """The values of `sent` (wire names, see `given`) that `model` has a field for."""
    names = {field.name for field in attrs.fields(cast("Any", model))}
    return {name: value for name, value in sent.items() if name in names}


def event_model(union: object, event_type: str) -> type | None:
    """The member of a stream event union whose ``type`` is `event_type`."""
    members: tuple[object, ...] = getattr(union, "__args__", (union,))
    for member in members:
        if not isinstance(member, type) or not attrs.has(member):
            continue
        field = attrs.fields_dict(member).get("type")
        if field is not None and event_type in getattr(field.type, "__args__", ()):
            return member
    return None


def total(model: type, parts: Sequence[Mapping[str, object]]) -> dict[str, object]:
    """`model`'s fields (ints, or nested models of ints) summed over `parts`.

    A count that a part lacks (or that is not an int) counts 0, so a batch's
    ``cached_tokens`` is 0 over image responses that report none.
    """
    summed: dict[str, object] = {}
    for field in attrs.fields(cast("Any", model)):
        if attrs.has(field.type):
            subs = [p.get(field.name) for p in parts]
            found = [cast("Mapping[str, object]", s) for s in subs if isinstance(s, Mapping)]
            summed[field.name] = total(cast("type", field.type), found)
        else:
            values = [p.get(field.name) for p in parts]
            summed[field.name] = sum(
                v for v in values if isinstance(v, int) and not isinstance(v, bool)
            )
    return summed
