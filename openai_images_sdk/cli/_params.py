"""Command-line options made at runtime from an operation's `FieldSpec`s.

Nothing here lists an API parameter: a field added to `spec/` and regenerated shows up as
an option. Field kinds choose the argparse type (int, float, flag, file, JSON object),
`enum` gives `choices`, `description`, `known_values`, limits and `default` make the help.
Object fields get a JSON option (``--svg '{"model": ...}'``) plus one option per leaf of
their nested `FieldSpec.fields` (``--svg-model``, ``--svg-reasoning-effort``); the value
is structured into the class `FieldSpec.model` names when the command runs.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Literal, cast

import attrs

from openai_images_sdk._operation import FieldSpec, OperationSpec

from ._inputs import REFERENCE_HELP, check_mixed_inputs, existing_file, image_source

__all__ = [
    "DEST_PREFIX",
    "ModelResolver",
    "ParamOption",
    "add_param_options",
    "collect_params",
    "param_options",
]

DEST_PREFIX: Final = "api:"
"""argparse `dest` prefix of API parameters; nested leaves join their path with dots."""
_MAX_DEPTH: Final = 3
# The reference shapes `_inputs.image_source` builds: an object field with these
# properties takes a URL or file id where a file is otherwise uploaded.
_REFERENCE_KEYS: Final = frozenset({"image_url", "file_id"})

OptionKind = Literal["file", "flag", "value", "json", "leaf"]
ModelResolver = Callable[[str], "type | None"]
"""A generated model's name (`FieldSpec.model`) -> its class, or None when unknown."""


@attrs.frozen(kw_only=True)
class ParamOption:
    """One API parameter (or one leaf of an object parameter) as a command-line argument."""

    python_name: str
    """The keyword argument of the API method it feeds."""
    path: tuple[str, ...]
    """Where the value goes: ``("size",)``, or ``("svg", "reasoning", "effort")`` for a leaf."""
    flags: tuple[str, ...]
    """Option strings, e.g. ``("--output-format",)``; empty for a positional argument."""
    kind: OptionKind
    fields: tuple[FieldSpec, ...]
    type: Callable[[str], object] | None = None
    choices: tuple[object, ...] | None = None
    multiple: bool = False
    required: bool = False
    help: str = ""
    references: bool = False
    """A file option that also takes references (URL, file id): another body variant of
    the parameter holds reference objects (`_inputs.image_source`)."""

    @property
    def dest(self) -> str:
        return DEST_PREFIX + ".".join(self.path)


def _option_name(parts: Iterable[str]) -> str:
    return "--" + "-".join(part.replace("_", "-") for part in parts)


def _kinds(fields: Sequence[FieldSpec]) -> set[str]:
    return {kind for spec in fields for kind in spec.kinds if kind != "null"}


def json_object(value: str) -> dict[str, object]:
    """argparse type: a JSON object."""
    try:
        parsed: object = json.loads(value)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(f"not valid JSON ({exc.msg}): {value}") from exc
    if not isinstance(parsed, dict):
        raise argparse.ArgumentTypeError(f"expected a JSON object, got: {value}")
    return cast("dict[str, object]", parsed)


def _scalar_type(kinds: set[str]) -> Callable[[str], object]:
    if "string" in kinds:
        return str
    if "integer" in kinds:
        return int
    if "number" in kinds:
        return float
    return str


def _enum_type(values: Sequence[object]) -> Callable[[str], object]:
    by_text = {
        str(value).lower() if isinstance(value, bool) else str(value): value for value in values
    }

    def convert(text: str) -> object:
        return by_text.get(text, text)

    convert.__name__ = "value"
    return convert


def _describe(fields: Sequence[FieldSpec]) -> str:
    spec = fields[0]
    notes: list[str] = []
    if spec.known_values:
        notes.append("known values: " + ", ".join(spec.known_values) + " (others accepted)")
    if spec.minimum is not None or spec.maximum is not None:
        low = "" if spec.minimum is None else f"{spec.minimum:g}"
        high = "" if spec.maximum is None else f"{spec.maximum:g}"
        notes.append(f"range {low}..{high}")
    if spec.max_length is not None:
        notes.append(f"at most {spec.max_length} characters")
    if spec.max_items is not None and "file" in spec.kinds:
        notes.append(f"repeat for up to {spec.max_items} files")
    if spec.default is not None:
        notes.append(f"server default {spec.default}")
    if any(field.deprecated for field in fields):
        notes.append("deprecated")
    return "; ".join(notes)


def _join(doc: str, notes: str) -> str:
    doc = doc.strip().removeprefix("Deprecated.").strip()
    if doc and notes:
        return f"{doc.rstrip('.')} ({notes})"
    return doc or notes


def _doc(fields: Sequence[FieldSpec]) -> str:
    return next((spec.description for spec in fields if spec.description), "")


def _grouped(op: OperationSpec) -> dict[str, tuple[FieldSpec, ...]]:
    groups: dict[str, list[FieldSpec]] = {}
    for spec in op.fields:
        groups.setdefault(spec.python_name, []).append(spec)
    return {name: tuple(specs) for name, specs in groups.items()}


def _takes_references(fields: Sequence[FieldSpec]) -> bool:
    """Whether a variant of the parameter holds reference objects (image_url / file_id)."""
    return any(
        {nested.name for nested in spec.fields} >= _REFERENCE_KEYS
        for spec in fields
        if "file" not in spec.kinds
    )


def _object_fields(fields: Sequence[FieldSpec]) -> tuple[FieldSpec, ...]:
    return next((spec.fields for spec in fields if "object" in spec.kinds and spec.fields), ())


def param_options(
    op: OperationSpec, *, positional: str | None = None, reserved: Iterable[str] = ()
) -> list[ParamOption]:
    """The command-line arguments for every parameter of `op`.

    `positional` names the parameter taken as a positional argument (``prompt``);
    `reserved` lists option strings the command already uses (a clash gets ``--param-``).
    """
    taken = set(reserved)
    options: list[ParamOption] = []
    for name, fields in _grouped(op).items():
        flag = _option_name([name])
        if flag in taken:
            flag = _option_name(["param", name])
        flags: tuple[str, ...] = () if name == positional else (flag,)
        taken.add(flag)
        kinds = _kinds(fields)
        spec = fields[0]
        common: dict[str, Any] = {
            "python_name": name,
            "path": (name,),
            "flags": flags,
            "fields": fields,
            "required": any(f.required for f in fields) and bool(flags),
            "help": _join(_doc(fields), _describe(fields)),
        }
        if "file" in kinds:
            many = any(f.multipart_array_name is not None or (f.max_items or 0) > 1 for f in fields)
            many = many and bool(flags)
            refs = _takes_references(fields)
            if refs:
                notes = "; ".join(filter(None, (_describe(fields), REFERENCE_HELP)))
                common["help"] = _join(_doc(fields), notes)
            options.append(
                ParamOption(
                    kind="file",
                    type=image_source if refs else existing_file,
                    multiple=many,
                    references=refs,
                    **common,
                )
            )
        elif kinds == {"boolean"}:
            options.append(ParamOption(kind="flag", **common))
        elif "object" in kinds:
            options.append(ParamOption(kind="json", type=json_object, **common))
            options.extend(_leaf_options(_object_fields(fields), (name,), fields, taken))
        elif spec.enum is not None:
            options.append(
                ParamOption(kind="value", type=_enum_type(spec.enum), choices=spec.enum, **common)
            )
        else:
            multiple = "array" in kinds
            options.append(
                ParamOption(kind="value", type=_scalar_type(kinds), multiple=multiple, **common)
            )
    return options


def _leaf_options(
    nested: Sequence[FieldSpec],
    path: tuple[str, ...],
    fields: tuple[FieldSpec, ...],
    taken: set[str],
) -> list[ParamOption]:
    if len(path) > _MAX_DEPTH:
        return []
    options: list[ParamOption] = []
    for spec in nested:
        leaf = (*path, spec.python_name)
        kinds = _kinds([spec])
        if "object" in kinds:
            options.extend(_leaf_options(spec.fields, leaf, fields, taken))
            continue
        flag = _option_name(leaf)
        if flag in taken:
            continue
        taken.add(flag)
        common: dict[str, Any] = {
            "python_name": path[0],
            "path": leaf,
            "flags": (flag,),
            "fields": fields,
            "help": _join(spec.description, _describe([spec])),
        }
        if kinds == {"boolean"}:
            options.append(ParamOption(kind="flag", **common))
        elif spec.enum is not None:
            options.append(
                ParamOption(kind="leaf", type=_enum_type(spec.enum), choices=spec.enum, **common)
            )
        else:
            options.append(ParamOption(kind="leaf", type=_scalar_type(kinds), **common))
    return options


def add_param_options(parser: argparse.ArgumentParser, options: Sequence[ParamOption]) -> None:
    """Add `options` to `parser`; absent options leave nothing in the namespace."""
    group = parser.add_argument_group("API parameters")
    for option in options:
        kwargs: dict[str, Any] = {"dest": option.dest, "help": option.help or None}
        if not option.flags:
            group.add_argument(
                option.dest,
                metavar=option.python_name.upper(),
                type=option.type or str,
                help=option.help or None,
            )
            continue
        kwargs["default"] = argparse.SUPPRESS
        if option.kind == "flag":
            kwargs["action"] = argparse.BooleanOptionalAction
        else:
            kwargs["type"] = option.type
            if option.choices is not None:
                kwargs["choices"] = option.choices
            if option.multiple:
                kwargs["action"] = "append"
            if option.required:
                kwargs["required"] = True
            if option.kind == "json":
                kwargs["metavar"] = "JSON"
            elif option.kind == "file":
                kwargs["metavar"] = "FILE|URL|ID" if option.references else "FILE"
            elif option.choices is None:
                kwargs["metavar"] = option.path[-1].upper()
        group.add_argument(*option.flags, **kwargs)


def generated_model(name: str) -> type | None:
    """The class `name` in `_generated.models` (imported on first use), or None."""
    from openai_images_sdk._generated import models

    found: object = getattr(models, name, None)
    return found if isinstance(found, type) else None


def collect_params(
    namespace: argparse.Namespace,
    options: Sequence[ParamOption],
    resolve: ModelResolver | None = generated_model,
) -> dict[str, object]:
    """The API keyword arguments given on the command line, with object leaves assembled.

    A file option given once passes one input, several times a list. An object parameter
    becomes an instance of the class its `FieldSpec.model` names (`resolve`; None keeps
    plain dicts). Raises `ValueError` when an object's parts do not form a valid object,
    and `ValidationError` (a `ValueError`) when image inputs mix files and references.
    """
    given = vars(namespace)
    params: dict[str, object] = {}
    inputs: list[tuple[str, str, object]] = []
    objects: dict[str, tuple[FieldSpec, ...]] = {}
    # Whole-object options come before their leaves, so leaves override JSON keys.
    for option in sorted(options, key=lambda o: len(o.path)):
        if option.dest not in given:
            continue
        value = given[option.dest]
        last = option.path[-1]
        if option.kind == "file" and isinstance(value, list):
            files = cast("list[object]", value)
            value = files[0] if len(files) == 1 else files
        if option.kind == "file":
            flag = option.flags[0] if option.flags else option.python_name.upper()
            inputs.append((option.python_name, flag, value))
        elif option.kind in ("json", "leaf") or len(option.path) > 1:
            objects[option.python_name] = option.fields
        if len(option.path) == 1:
            params[option.python_name] = value
            continue
        target = params.setdefault(option.python_name, {})
        for part in option.path[1:-1]:
            if not isinstance(target, dict):
                break
            target = cast("dict[str, object]", target).setdefault(part, {})
        if not isinstance(target, dict):
            raise ValueError(
                f"{option.flags[0]} needs {_option_name(option.path[:-1])} to be an object"
            )
        cast("dict[str, object]", target)[last] = value
    check_mixed_inputs(inputs)
    for name, fields in objects.items():
        given_object = params.get(name)
        if isinstance(given_object, dict):
            value = cast("dict[str, object]", given_object)
            _check_required(value, _object_fields(fields), (name,))
            model = next((f.model for f in fields if "object" in f.kinds and f.model), None)
            cls = resolve(model) if resolve is not None and model is not None else None
            if cls is not None:
                params[name] = _structure(value, cls, name)
    return params


def _check_required(
    value: dict[str, object], nested: Sequence[FieldSpec], path: tuple[str, ...]
) -> None:
    for spec in nested:
        inner = value.get(spec.name)
        if spec.required and inner is None:
            raise ValueError(
                f"{_option_name(path)}: {spec.name} is required "
                f"(give {_option_name((*path, spec.name))} or a JSON object with it)"
            )
        if isinstance(inner, dict) and spec.fields:
            _check_required(cast("dict[str, object]", inner), spec.fields, (*path, spec.name))


def _structure(value: object, cls: type, name: str) -> object:
    from openai_images_sdk._converter import structure

    try:
        result = structure(value, cast("type[object]", cls))
    except Exception as exc:  # cattrs raises several exception types for one bad object
        raise ValueError(f"--{name.replace('_', '-')}: not a valid {cls.__name__}: {exc}") from exc
    return result
