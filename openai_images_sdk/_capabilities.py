"""The model capability table: loading, `extends` resolution and building typed rules.

The table is ``spec/model-capabilities.yaml``; codegen ships it as
``_generated/capabilities.json``, read once by `default_table`. `table_from_data` turns
the plain data into the frozen rule objects of `_capability_rules`, so that validating a
call is lookups only.
"""

from __future__ import annotations

import datetime
import functools
import importlib.resources
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final, cast

from ._capability_rules import (
    CapabilityTable,
    Condition,
    Constraint,
    CustomSizes,
    Deprecation,
    InputRules,
    Lifecycle,
    ModelRules,
    OperationRules,
    ParamRule,
    SizeRule,
    TableError,
    ValueSet,
    parse_size,
)

__all__ = [
    "CapabilityTable",
    "TableError",
    "default_table",
    "is_experimental_size",
    "load_table",
    "parse_size",
    "resolve_entries",
    "table_from_data",
]

_PACKAGE: Final = "openai_images_sdk"


# -- reading plain data ------------------------------------------------------------------


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise TableError(f"{where}: expected a mapping")
    return cast("Mapping[str, object]", value)


def _list(value: object, where: str) -> tuple[object, ...]:
    if not isinstance(value, list | tuple):
        raise TableError(f"{where}: expected a list")
    return tuple(cast("list[object]", value))


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TableError(f"{where}: expected an integer")
    return value


def _number(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TableError(f"{where}: expected a number")
    return value


def _str(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise TableError(f"{where}: expected a string")
    return value


def _dims(value: object, where: str) -> tuple[int, int]:
    dims = parse_size(_str(value, where))
    if dims is None:
        raise TableError(f"{where}: expected WIDTHxHEIGHT")
    return dims


def _ratio(value: object, where: str) -> tuple[int, int]:
    left, _, right = _str(value, where).partition(":")
    if not (left.isdigit() and right.isdigit()) or not int(left) or not int(right):
        raise TableError(f"{where}: expected a ratio such as 3:1")
    return int(left), int(right)


def _merge(base: Mapping[str, object], over: Mapping[str, object]) -> dict[str, object]:
    out = dict(base)
    for key, value in over.items():
        below = out.get(key)
        if isinstance(below, Mapping) and isinstance(value, Mapping):
            out[key] = _merge(
                cast("Mapping[str, object]", below), cast("Mapping[str, object]", value)
            )
        else:
            out[key] = value
    return out


def resolve_entries(data: Mapping[str, object]) -> dict[str, dict[str, object]]:
    """Every model's entry with `extends` applied (deep merge) and removed, in table order."""
    templates = _mapping(data.get("templates", {}), "templates")
    models = _mapping(data.get("models"), "models")
    clash = set(templates) & set(models)
    if clash:
        raise TableError(f"names used both as template and model: {sorted(clash)}")
    done: dict[str, dict[str, object]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> dict[str, object]:
        if name in chain:
            raise TableError(f"extends cycle: {' -> '.join((*chain, name))}")
        if name in done:
            return done[name]
        raw = models.get(name, templates.get(name))
        if raw is None:
            raise TableError(f"{chain[-1]}: extends unknown entry {name!r}")
        entry = dict(_mapping(raw, name))
        parent = entry.pop("extends", None)
        if parent is not None:
            entry = _merge(resolve(_str(parent, f"{name}.extends"), (*chain, name)), entry)
        done[name] = entry
        return entry

    return {name: resolve(name, ()) for name in models}


# -- building rule objects ---------------------------------------------------------------


def _sourced(raw: Mapping[str, object], where: str) -> dict[str, str]:
    return {"source": _str(raw.get("source"), where), "date": _str(raw.get("date"), where)}


def _param_rule(raw: Mapping[str, object], where: str) -> ParamRule:
    values = raw.get("values")
    value_tuple = None if values is None else _list(values, f"{where}.values")
    max_length = raw.get("max_length")
    return ParamRule(
        supported=raw.get("supported", True) is not False,
        values=None if value_tuple is None else ValueSet.of(value_tuple),
        minimum=_number(raw.get("min"), f"{where}.min"),
        maximum=_number(raw.get("max"), f"{where}.max"),
        max_length=None if max_length is None else _int(max_length, f"{where}.max_length"),
        note=cast("str | None", raw.get("note")),
        **_sourced(raw, where),
    )


def _conditions(raw: object, where: str) -> tuple[tuple[str, Condition], ...]:
    out: list[tuple[str, Condition]] = []
    for name, spec in _mapping(raw, where).items():
        cond = _mapping(spec, f"{where}.{name}")
        present = cond.get("present")
        values = _list(cond.get("in", []), f"{where}.{name}.in")
        if present is None and not values:
            raise TableError(f"{where}.{name}: needs `in` or `present`")
        condition = Condition(
            present=None if present is None else present is True,
            values=ValueSet.of(values),
            has_default="default" in cond,
            default=cond.get("default"),
        )
        out.append((name, condition))
    return tuple(out)


def _constraint(raw: Mapping[str, object], where: str) -> Constraint:
    when = _conditions(raw.get("when"), f"{where}.when")
    require = _conditions(raw.get("require"), f"{where}.require")
    idle_unless_given = [
        (name, cond) for name, cond in when if not cond.has_default and cond.present is not False
    ]
    trigger, trigger_cond = idle_unless_given[0] if idle_unless_given else (None, None)
    return Constraint(
        param=_str(raw.get("param"), f"{where}.param"),
        rule=_str(raw.get("rule"), f"{where}.rule"),
        when=when,
        require=require,
        trigger=trigger,
        trigger_values=trigger_cond.values
        if trigger_cond and trigger_cond.present is None
        else None,
        involved=frozenset(name for name, _ in (*when, *require)),
        **_sourced(raw, where),
    )


def _size_rule(raw: Mapping[str, object], where: str) -> SizeRule:
    values = tuple(_str(v, f"{where}.values") for v in _list(raw.get("values"), where))
    for value in values:
        if value != "auto":
            _dims(value, f"{where}.values")
    custom = None
    if "custom" in raw:
        spec = _mapping(raw["custom"], f"{where}.custom")
        ratio = _mapping(spec.get("aspect_ratio"), f"{where}.custom.aspect_ratio")
        max_w, max_h = _dims(spec.get("max_size"), f"{where}.custom.max_size")
        experimental = spec.get("experimental_above")
        step = _int(spec.get("multiple_of"), f"{where}.custom.multiple_of")
        custom = CustomSizes(
            multiple_of=step,
            min_edge=_int(spec.get("min_edge", step), f"{where}.custom.min_edge"),
            ratio_min=_ratio(ratio.get("min"), f"{where}.custom.aspect_ratio.min"),
            ratio_max=_ratio(ratio.get("max"), f"{where}.custom.aspect_ratio.max"),
            max_long_edge=max(max_w, max_h),
            max_short_edge=min(max_w, max_h),
            experimental_above_pixels=None
            if experimental is None
            else _pixels(_dims(experimental, f"{where}.custom.experimental_above")),
        )
    return SizeRule(
        values=values, value_set=frozenset(values), custom=custom, **_sourced(raw, where)
    )


def _pixels(dims: tuple[int, int]) -> int:
    return dims[0] * dims[1]


def _input_rules(raw: Mapping[str, object], where: str) -> InputRules:
    formats = raw.get("formats")
    max_images = raw.get("max_images")
    bytes_below = raw.get("bytes_below")
    return InputRules(
        max_images=None if max_images is None else _int(max_images, f"{where}.max_images"),
        bytes_below=None if bytes_below is None else _int(bytes_below, f"{where}.bytes_below"),
        formats=None
        if formats is None
        else frozenset(_str(f, f"{where}.formats") for f in _list(formats, where)),
        square=raw.get("square") is True,
        **_sourced(raw, where),
    )


def _operation_rules(raw: Mapping[str, object], where: str) -> OperationRules:
    params = _mapping(raw.get("parameters", {}), f"{where}.parameters")
    size = raw.get("size")
    inputs = raw.get("inputs")
    return OperationRules(
        parameters={
            name: _param_rule(_mapping(spec, f"{where}.parameters.{name}"), f"{where}.{name}")
            for name, spec in params.items()
        },
        size=None if size is None else _size_rule(_mapping(size, f"{where}.size"), f"{where}.size"),
        inputs=None
        if inputs is None
        else _input_rules(_mapping(inputs, f"{where}.inputs"), f"{where}.inputs"),
        constraints=tuple(
            _constraint(_mapping(c, f"{where}.constraints[{i}]"), f"{where}.constraints[{i}]")
            for i, c in enumerate(_list(raw.get("constraints", []), f"{where}.constraints"))
        ),
    )


def _lifecycle(raw: Mapping[str, object], where: str) -> Lifecycle:
    status = raw.get("status")
    if status not in ("retired", "shut_down"):
        raise TableError(f"{where}.status: expected retired or shut_down")
    try:
        shutdown = datetime.date.fromisoformat(_str(raw.get("shutdown_date"), where))
    except ValueError as exc:
        raise TableError(f"{where}.shutdown_date: {exc}") from None
    return Lifecycle(
        status=status,
        shutdown_date=shutdown,
        replacement=_str(raw.get("replacement"), f"{where}.replacement"),
        **_sourced(raw, where),
    )


def _model_rules(name: str, entry: Mapping[str, object]) -> ModelRules:
    operations = _mapping(entry.get("operations", {}), f"{name}.operations")
    lifecycle = entry.get("lifecycle")
    family = entry.get("family")
    return ModelRules(
        name=name,
        family=None if family is None else _str(family, f"{name}.family"),
        lifecycle=None
        if lifecycle is None
        else _lifecycle(_mapping(lifecycle, f"{name}.lifecycle"), f"{name}.lifecycle"),
        operations={
            key: _operation_rules(_mapping(spec, f"{name}.{key}"), f"{name}.{key}")
            for key, spec in operations.items()
        },
    )


def table_from_data(data: Mapping[str, object]) -> CapabilityTable:
    """Build a `CapabilityTable` from the table's plain data (as loaded from YAML or JSON)."""
    models = {name: _model_rules(name, entry) for name, entry in resolve_entries(data).items()}
    params: dict[str, list[Deprecation]] = {}
    operations: dict[str, Deprecation] = {}
    for i, raw in enumerate(_list(data.get("deprecations", []), "deprecations")):
        spec = _mapping(raw, f"deprecations[{i}]")
        values = spec.get("values")
        value_tuple = None if values is None else _list(values, f"deprecations[{i}].values")
        param, operation = spec.get("param"), spec.get("operation")
        item = Deprecation(
            param=None if param is None else _str(param, f"deprecations[{i}].param"),
            operation=None if operation is None else _str(operation, f"deprecations[{i}]"),
            values=None if value_tuple is None else ValueSet.of(value_tuple),
            message=_str(spec.get("message"), f"deprecations[{i}].message"),
        )
        if item.param is not None:
            params.setdefault(item.param, []).append(item)
        elif item.operation is not None:
            operations[item.operation] = item
        else:
            raise TableError(f"deprecations[{i}]: needs `param` or `operation`")
    return CapabilityTable(
        models=models,
        deprecated_params={name: tuple(items) for name, items in params.items()},
        deprecated_operations=operations,
        data=data,
    )


def load_table(path: str | os.PathLike[str]) -> CapabilityTable:
    """Read a table from a ``.json`` file, or a ``.yaml`` one (needs PyYAML, a dev tool)."""
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    if file.suffix in (".yaml", ".yml"):
        import yaml

        data: object = yaml.safe_load(text)
    else:
        data = json.loads(text)
    return table_from_data(_mapping(data, str(file)))


@functools.cache
def default_table() -> CapabilityTable:
    """The table shipped with the package (``_generated/capabilities.json``), read once."""
    resource = importlib.resources.files(_PACKAGE).joinpath("_generated", "capabilities.json")
    data: object = json.loads(resource.read_text(encoding="utf-8"))
    return table_from_data(_mapping(data, "capabilities.json"))


def is_experimental_size(
    model: str,
    size: str,
    *,
    operation: str = "generate",
    table: CapabilityTable | None = None,
) -> bool:
    """Whether `size` is above the model's experimental threshold (accepted, but experimental).

    False for unknown models, models without a threshold, and sizes that are not WIDTHxHEIGHT.
    """
    rules = (table or default_table()).models.get(model)
    op_rules = rules.operations.get(operation) if rules else None
    custom = op_rules.size.custom if op_rules and op_rules.size else None
    dims = parse_size(size)
    if custom is None or custom.experimental_above_pixels is None or dims is None:
        return False
    return _pixels(dims) > custom.experimental_above_pixels
