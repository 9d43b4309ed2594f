"""What every generated model can do beyond holding its fields: become a dict or JSON.

The generated attrs classes take this as their base (the spec's
``info.x-python-model-base``); the wire rules stay in the one converter, which these
methods call. `model_dump` and `model_dump_json` are the names code written for the
official SDK's pydantic models uses.
"""

from __future__ import annotations

import json
from typing import Any, Literal, TypedDict, Unpack, cast

import attrs

__all__ = ["DumpOptions", "JsonOptions", "ModelMethods"]


def _complete(value: object, data: object) -> object:
    """`data` (the converter's output for `value`) with fields left at their default added."""
    if attrs.has(type(value)) and isinstance(data, dict):
        from . import _converter

        given = cast("dict[str, object]", data)
        full: dict[str, object] = {}
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            inner: object = getattr(value, field.name)
            raw = given[field.name] if field.name in given else _converter.unstructure(inner)
            full[field.name] = _complete(inner, raw)
        return full
    if isinstance(value, list | tuple) and isinstance(data, list):
        items = cast("list[object] | tuple[object, ...]", value)
        outs = cast("list[object]", data)
        return [_complete(item, out) for item, out in zip(items, outs, strict=True)]
    return data


def _without_none(data: object) -> object:
    if isinstance(data, dict):
        mapping = cast("dict[str, object]", data)
        return {key: _without_none(value) for key, value in mapping.items() if value is not None}
    if isinstance(data, list):
        return [_without_none(item) for item in cast("list[object]", data)]
    return data


class DumpOptions(TypedDict, total=False):
    """The options of `ModelMethods.to_dict`, which `model_dump` takes too."""

    mode: Literal["json", "python"]
    exclude_unset: bool
    exclude_none: bool


class JsonOptions(TypedDict, total=False):
    """The options of `ModelMethods.to_json`, which `model_dump_json` takes too."""

    indent: int | None
    exclude_unset: bool
    exclude_none: bool


class ModelMethods:
    """`to_dict` / `to_json` (and the pydantic-style aliases) for the generated models."""

    __slots__ = ()

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        exclude_unset: bool = True,
        exclude_none: bool = False,
    ) -> dict[str, Any]:
        """The model as plain JSON values, keyed by wire names.

        ``exclude_unset`` (default) leaves out fields still at their default (the ones the
        server did not send); ``exclude_none`` leaves out every None. `mode` is accepted for
        the official SDK's signature: the values are JSON values either way.
        """
        from . import _converter

        data = _converter.unstructure(self)
        if not exclude_unset:
            data = _complete(self, data)
        if exclude_none:
            data = _without_none(data)
        if not isinstance(data, dict):
            raise TypeError(f"{type(self).__name__} does not unstructure to an object")
        return dict(cast("dict[str, Any]", data))

    def to_json(
        self, *, indent: int | None = 2, exclude_unset: bool = True, exclude_none: bool = False
    ) -> str:
        """`to_dict` as JSON text (`indent` spaces; None for one line)."""
        data = self.to_dict(exclude_unset=exclude_unset, exclude_none=exclude_none)
        return json.dumps(data, indent=indent, ensure_ascii=False)

    def model_dump(self, **options: Unpack[DumpOptions]) -> dict[str, Any]:
        """pydantic's name for `to_dict`, with pydantic's default: unset fields are kept
        (``exclude_unset=False``)."""
        options.setdefault("exclude_unset", False)
        return self.to_dict(**options)

    def model_dump_json(self, **options: Unpack[JsonOptions]) -> str:
        """pydantic's name for `to_json`, with pydantic's defaults: one line
        (``indent=None``) and unset fields kept (``exclude_unset=False``)."""
        options.setdefault("indent", None)
        options.setdefault("exclude_unset", False)
        return self.to_json(**options)
