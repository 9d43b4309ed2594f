"""Command-line options made at runtime from an operation's `FieldSpec`s.

Nothing here lists an API parameter: a field added to `spec/` and regenerated shows up as
an option. Field kinds choose the argparse type (int, float, flag, file, JSON object),
`enum` gives `choices`, `known_values` go in the help. Object fields get a JSON option
(``--svg '{"model": ...}'``) plus one option per leaf of their model class when the
generated method's annotations say what that class is (``--svg-model``,
``--svg-reasoning-effort``).
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Literal, cast

import attrs

from ._cli_inputs import REFERENCE_HELP, check_mixed_inputs, existing_file, image_source
from ._operation import FieldSpec, OperationSpec

__all__ = ["DEST_PREFIX", "ParamOption", "add_param_options", "collect_params", "param_options"]

DEST_PREFIX: Final = "api:"
"""argparse `dest` prefix of API parameters; nested leaves join their path with dots."""
_MAX_DEPTH: Final = 3

OptionKind = Literal["file", "flag", "value", "json", "leaf"]


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
    """A file option that also takes references (URL, file id): the operation's JSON body
    carries the parameter too (`_cli_inputs.image_source`)."""

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
    if any(field.deprecated for field in fields):
        notes.append("deprecated")
    return "; ".join(notes)


def _join(doc: str, notes: str) -> str:
    doc = doc.strip().removeprefix("Deprecated.").strip()
    if doc and notes:
        return f"{doc.rstrip('.')} ({notes})"
    return doc or notes


def param_docs(method: Callable[..., object] | None) -> dict[str, str]:
    """Parameter descriptions from the ``Args:`` section of a method's docstring."""
    docs: dict[str, str] = {}
    doc = inspect.getdoc(method) if method is not None else None
    lines = doc.splitlines() if doc else []
    in_args = False
    current = ""
    for line in lines:
        if line.strip() == "Args:":
            in_args = True
            continue
        if not in_args:
            continue
        if line and not line.startswith(" "):
            break  # the next section
        entry = re.match(r"^ {4}(\w+): (.*)$", line)
        if entry:
            current = entry.group(1)
            docs[current] = entry.group(2)
        elif current and line.startswith(" " * 8):
            docs[current] += " " + line.strip()
    return docs


def _grouped(op: OperationSpec) -> dict[str, tuple[FieldSpec, ...]]:
    groups: dict[str, list[FieldSpec]] = {}
    for spec in op.fields:
        groups.setdefault(spec.python_name, []).append(spec)
    return {name: tuple(specs) for name, specs in groups.items()}


def param_options(
    op: OperationSpec,
    *,
    positional: str | None = None,
    object_types: Mapping[str, type] | None = None,
    docs: Mapping[str, str] | None = None,
    reserved: Iterable[str] = (),
) -> list[ParamOption]:
    """The command-line arguments for every parameter of `op`.

    `positional` names the parameter taken as a positional argument (``prompt``);
    `object_types` maps object parameters to their attrs class, for per-leaf options;
    `docs` gives each parameter's description (`param_docs`); `reserved` lists option
    strings the command already uses (a clash gets ``--param-``).
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
            "help": _join((docs or {}).get(name, ""), _describe(fields)),
        }
        if "file" in kinds:
            many = any(f.multipart_array_name is not None or (f.max_items or 0) > 1 for f in fields)
            many = many and bool(flags)
            refs = any("json" in f.bodies for f in fields)
            if refs:
                notes = "; ".join(filter(None, (_describe(fields), REFERENCE_HELP)))
                common["help"] = _join((docs or {}).get(name, ""), notes)
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
            cls = (object_types or {}).get(name)
            if cls is not None:
                options.extend(_leaf_options(cls, (name,), fields, taken))
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
    cls: type, path: tuple[str, ...], fields: tuple[FieldSpec, ...], taken: set[str]
) -> list[ParamOption]:
    if len(path) > _MAX_DEPTH or not attrs.has(cls):
        return []
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):
        return []
    options: list[ParamOption] = []
    for attribute in attrs.fields(cls):
        leaf = (*path, attribute.alias or attribute.name)
        annotation = _strip_optional(hints.get(attribute.name, str))
        if isinstance(annotation, type) and attrs.has(annotation):
            options.extend(_leaf_options(annotation, leaf, fields, taken))
            continue
        flag = _option_name(leaf)
        if flag in taken:
            continue
        taken.add(flag)
        literals = _literal_values(annotation)
        closed = literals is not None and not _accepts_any_str(annotation)
        kind_type: Callable[[str], object]
        if annotation is bool:
            options.append(
                ParamOption(
                    python_name=path[0], path=leaf, flags=(flag,), kind="flag", fields=fields
                )
            )
            continue
        if closed and literals is not None:
            kind_type = _enum_type(literals)
        elif annotation is int:
            kind_type = int
        elif annotation is float:
            kind_type = float
        else:
            kind_type = str
        help_text = ""
        if literals is not None and not closed:
            help_text = "known values: " + ", ".join(map(str, literals)) + " (others accepted)"
        options.append(
            ParamOption(
                python_name=path[0],
                path=leaf,
                flags=(flag,),
                kind="leaf",
                fields=fields,
                type=kind_type,
                choices=tuple(literals) if closed and literals is not None else None,
                help=help_text,
            )
        )
    return options


def _union_args(annotation: object) -> tuple[object, ...]:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(annotation)
    return (annotation,)


def _strip_optional(annotation: object) -> object:
    args = [arg for arg in _union_args(annotation) if arg is not type(None)]
    return args[0] if len(args) == 1 else annotation


def _literal_values(annotation: object) -> tuple[object, ...] | None:
    values: list[object] = []
    for arg in _union_args(annotation):
        if typing.get_origin(arg) is Literal:
            values.extend(typing.get_args(arg))
    return tuple(values) if values else None


def _accepts_any_str(annotation: object) -> bool:
    return any(arg is str for arg in _union_args(annotation))


def _param_hint(method: Callable[..., object], name: str) -> object:
    """One parameter's annotation, evaluated alone: other annotations of a generated
    method may name types imported only for type checkers."""
    raw: object = getattr(method, "__annotations__", {}).get(name)
    if not isinstance(raw, str):
        return raw
    namespace: dict[str, Any] = dict(getattr(method, "__globals__", {}))
    try:
        return eval(raw, namespace)  # what typing.get_type_hints does, for one name
    except Exception:  # an annotation we cannot evaluate only costs the per-leaf options
        return None


def object_types_for(op: OperationSpec, method: Callable[..., object] | None) -> dict[str, type]:
    """The attrs class of each object parameter of `op`, read from the API method's hints."""
    if method is None:
        return {}
    found: dict[str, type] = {}
    for name, fields in _grouped(op).items():
        if "object" not in _kinds(fields):
            continue
        for arg in _union_args(_param_hint(method, name)):
            if isinstance(arg, type) and attrs.has(arg):
                found[name] = arg
                break
    return found


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


def collect_params(
    namespace: argparse.Namespace,
    options: Sequence[ParamOption],
    object_types: Mapping[str, type] | None = None,
) -> dict[str, object]:
    """The API keyword arguments given on the command line, with object leaves assembled.

    A file option given once passes one input, several times a list. Raises `ValueError`
    when an object parameter's parts do not form a valid object, and `ValidationError`
    (a `ValueError`) when the image inputs mix local files and references.
    """
    given = vars(namespace)
    params: dict[str, object] = {}
    inputs: list[tuple[str, str, object]] = []
    # Whole-object options come before their leaves, so leaves override JSON keys.
    for option in sorted(options, key=lambda o: len(o.path)):
        if option.dest not in given:
            continue
        value = given[option.dest]
        if option.kind == "file" and isinstance(value, list):
            files = cast("list[object]", value)
            value = files[0] if len(files) == 1 else files
        if option.kind == "file":
            flag = option.flags[0] if option.flags else option.python_name.upper()
            inputs.append((option.python_name, flag, value))
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
        cast("dict[str, object]", target)[option.path[-1]] = value
    check_mixed_inputs(inputs)
    image_params = {name for name, _, _ in inputs}  # already in the wire shape
    for name, cls in (object_types or {}).items():
        if isinstance(params.get(name), dict) and name not in image_params:
            params[name] = _structure(params[name], cls, name)
    return params


def _structure(value: object, cls: type, name: str) -> object:
    from ._converter import structure

    try:
        result = structure(value, cast("type[object]", cls))
    except Exception as exc:  # cattrs raises several exception types for one bad object
        raise ValueError(f"--{name.replace('_', '-')}: not a valid {cls.__name__}: {exc}") from exc
    return result
