"""Describe a package's published types as OpenAPI-like schemas, by introspection only.

Run by `diff-upstream --package` with the interpreter that has the package installed:

    python _diff_probe.py module:Name [module:Name ...]   # prints JSON on stdout

It reads TypedDict keys and required sets, pydantic model fields, `Literal` values, unions
and `Optional` through `typing.get_type_hints`; it needs only the standard library and the
package itself (never this repository's code), and it reads no docstrings or source text.
A response model's field that may be absent is typed `Optional` by the package whether or
not the API sends null; such fields are marked `x-null-means-absent` and compared without
their null.
"""

from __future__ import annotations

import importlib
import json
import sys
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

Schema = dict[str, Any]

_SCALARS: Mapping[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}
_BINARY_HINTS = (bytes, typing.IO)


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _required(hint: Any, *, total: bool) -> bool:
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    origin = typing.get_origin(hint)
    if origin is typing.Required:
        return True
    if origin is typing.NotRequired:
        return False
    return total


class _Prober:
    def __init__(self) -> None:
        self.schemas: dict[str, Schema] = {}

    def ref(self, cls: type) -> Schema:
        name = _name(cls)
        if name not in self.schemas:
            self.schemas[name] = {}
            self.schemas[name] = self._object(cls)
        return {"$ref": f"#/components/schemas/{name}"}

    def _object(self, cls: type) -> Schema:
        fields: Mapping[str, Any] | None = getattr(cls, "model_fields", None)
        if fields is not None:  # a pydantic model
            required = [n for n, f in fields.items() if f.is_required()]
            props = {n: self.schema(f.annotation) for n, f in fields.items()}
            for n, f in fields.items():
                if not f.is_required():  # `Optional` here may only mean "may be absent"
                    props[n]["x-null-means-absent"] = True
        else:  # a TypedDict; its module's postponed annotations hide Required from
            # __required_keys__, so the markers are read from the hints themselves
            hints = typing.get_type_hints(cls, include_extras=True)
            total = getattr(cls, "__total__", True)
            required = [n for n, hint in hints.items() if _required(hint, total=total)]
            props = {n: self.schema(hint) for n, hint in hints.items()}
        return {"type": "object", "properties": props, "required": sorted(required)}

    def schema(self, hint: Any) -> Schema:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is typing.Annotated:
            return self.schema(args[0])
        if origin in (typing.Required, typing.NotRequired):
            return self.schema(args[0])
        if origin is typing.Literal:
            return self._literal(args)
        if origin in (typing.Union, types.UnionType):
            if self._is_file(args):
                return {"type": "string", "format": "binary"}
            return {"anyOf": [self.schema(a) for a in args]}
        if isinstance(hint, type) and hint in _SCALARS:
            return {"type": _SCALARS[hint]}
        if origin is not None and isinstance(origin, type):
            if issubclass(origin, Mapping):
                return {"type": "object"}
            if issubclass(origin, Sequence) or origin.__name__ == "SequenceNotStr":
                return {"type": "array", "items": self.schema(args[0]) if args else {}}
        if isinstance(hint, type) and (
            hasattr(hint, "model_fields") or hasattr(hint, "__required_keys__")
        ):
            return self.ref(hint)
        if isinstance(hint, type) and issubclass(hint, Mapping):
            return {"type": "object"}
        return {}

    def _literal(self, values: tuple[Any, ...]) -> Schema:
        if all(isinstance(v, bool) for v in values):
            return {"type": "boolean"}
        kind = "integer" if all(isinstance(v, int) for v in values) else "string"
        return {"type": kind, "enum": list(values)}

    def _is_file(self, args: tuple[Any, ...]) -> bool:
        for arg in args:
            base = typing.get_origin(arg) or arg
            if base in _BINARY_HINTS or base is tuple:
                return True
        return False

    def union(self, hint: Any) -> Schema:
        """A discriminated union of event models (`Annotated[Union[...], ...]`)."""
        while typing.get_origin(hint) is typing.Annotated:
            hint = typing.get_args(hint)[0]
        return {"oneOf": [self.schema(a) for a in typing.get_args(hint)]}


def probe(names: Sequence[str]) -> Schema:
    """The document: one component schema per root and per class reached from one."""
    prober = _Prober()
    roots: dict[str, Schema] = {}
    module_name = ""
    for spec in names:
        module_name, _, attr = spec.partition(":")
        module = importlib.import_module(module_name)
        target = module
        for part in attr.split("."):
            target = getattr(target, part)
        if isinstance(target, type):
            roots[spec] = prober.ref(target)
        else:
            roots[spec] = prober.union(target)
    package = module_name.split(".")[0]
    version = getattr(importlib.import_module(package), "__version__", "?") if package else "?"
    return {
        "info": {"title": package, "version": version},
        "roots": roots,
        "components": {"schemas": prober.schemas},
    }


if __name__ == "__main__":
    json.dump(probe(sys.argv[1:]), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
