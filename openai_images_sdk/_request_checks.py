"""The general path of request validation: every violation of one call, worded once.

Operation-wide limits (types, closed enums, bounds, lengths, item counts) come from the
`FieldSpec`s codegen emits from the OpenAPI spec and apply to every model. Per-model rules
come from the capability table (`_capabilities`, `_capability_rules`); models it does not
know pass them. `_validation` asks a compiled plan (`_validation_plan`) first and comes
here only when the plan cannot say the call is valid.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Final, TypeVar

import attrs

from ._capability_rules import (
    CapabilityTable,
    Constraint,
    ModelRules,
    OperationRules,
    ParamRule,
    SizeRule,
    parse_size,
)
from ._exceptions import Violation
from ._field_checks import NUMBERS, out_of_range
from ._field_checks import FieldCheck as _FieldCheck
from ._field_checks import item_count as _item_count
from ._field_checks import quote as _quote
from ._inputs._checks import model_input_violations
from ._operation import BodyKind, FieldSpec, OperationSpec
from ._types import ImageInfo
from ._warn import warn

__all__ = [
    "MAX_SHAPES",
    "Shape",
    "call_shape",
    "chosen_model",
    "issue_deprecations",
    "lifecycle_violations",
    "param_problem",
    "request_violations",
    "size_problem",
    "triggered",
]

_OPERATION_NAMES: Final = {
    "generate": "image generation",
    "edit": "image edits",
    "variation": "image variations",
}
_N = TypeVar("_N", int, float)
_op_checks: dict[tuple[int, BodyKind | None], tuple[OperationSpec, Mapping[str, _FieldCheck]]] = {}


def _field_checks(op: OperationSpec, body: BodyKind | None) -> Mapping[str, _FieldCheck]:
    """The checks of `op`'s fields as `body` carries them (any body when None), cached."""
    cached = _op_checks.get((id(op), body))
    if cached is not None and cached[0] is op:
        return cached[1]
    variants: dict[str, list[FieldSpec]] = {}
    for spec in op.fields:
        variants.setdefault(spec.python_name, []).append(spec)
    for name, specs in variants.items():
        # Inputs (files or references) take the same shapes in either body: the uploads
        # layer puts them in the wire form, so only plain fields narrow to `body`.
        if body is not None and not any("file" in spec.kinds for spec in specs):
            variants[name] = [spec for spec in specs if body in spec.bodies] or specs
    checks = {name: _FieldCheck.build(_loosest(specs)) for name, specs in variants.items()}
    _op_checks[(id(op), body)] = (op, checks)
    return checks


_deprecated_by_op: dict[int, tuple[OperationSpec, frozenset[str]]] = {}


def _deprecated_fields(op: OperationSpec, checks: Mapping[str, _FieldCheck]) -> frozenset[str]:
    """The python names of `op`'s fields the spec marks deprecated (cached per operation)."""
    cached = _deprecated_by_op.get(id(op))
    if cached is not None and cached[0] is op:
        return cached[1]
    names = frozenset(name for name, check in checks.items() if check.spec.deprecated)
    _deprecated_by_op[id(op)] = (op, names)
    return names


def _widest(values: Sequence[_N | None], *, low: bool) -> _N | None:
    """The loosest of several bounds: None (no bound) if any variant has none."""
    numbers = [v for v in values if v is not None]
    if len(numbers) < len(values):
        return None
    return min(numbers) if low else max(numbers)


def _loosest(specs: Sequence[FieldSpec]) -> FieldSpec:
    """One spec accepting what any variant accepts (an argument sent as JSON or multipart)."""
    first = specs[0]
    if len(specs) == 1:
        return first
    enums = [spec.enum for spec in specs]
    return attrs.evolve(
        first,
        kinds=tuple(dict.fromkeys(kind for spec in specs for kind in spec.kinds)),
        enum=None if None in enums else tuple(dict.fromkeys(v for e in enums for v in e or ())),
        minimum=_widest([spec.minimum for spec in specs], low=True),
        maximum=_widest([spec.maximum for spec in specs], low=False),
        min_length=_widest([spec.min_length for spec in specs], low=True),
        max_length=_widest([spec.max_length for spec in specs], low=False),
        min_items=_widest([spec.min_items for spec in specs], low=True),
        max_items=_widest([spec.max_items for spec in specs], low=False),
        deprecated=all(spec.deprecated for spec in specs),
        fields=next((spec.fields for spec in specs if spec.fields), ()),
        model=next((spec.model for spec in specs if spec.model), None),
        pattern=next((spec.pattern for spec in specs if spec.pattern), None),
        pattern_rule=next((spec.pattern_rule for spec in specs if spec.pattern_rule), ""),
    )


def param_problem(rule: ParamRule, value: object) -> str | None:
    """What breaks the model's rule for one parameter's (non-None) `value`, or None."""
    if not rule.supported:
        return "is not supported by this model"
    if rule.values is not None and not rule.values.has(value):
        return f"must be one of {_quote(rule.values.values)} for this model"
    if isinstance(value, NUMBERS) and not isinstance(value, bool):
        problem = out_of_range(value, rule.minimum, rule.maximum)
        return problem and f"{problem} for this model"
    if isinstance(value, str) and rule.max_length is not None and len(value) > rule.max_length:
        return f"must be at most {rule.max_length} characters for this model (got {len(value)})"
    return None


def size_problem(rule: SizeRule, size: str) -> str | None:
    """What breaks the model's size rule, or None."""
    if size in rule.value_set:
        return None
    dims = parse_size(size)
    if rule.custom is None or dims is None:
        listed = f"one of {_quote(rule.values)}"
        return f"must be {listed}" + (" or WIDTHxHEIGHT" if rule.custom else "") + " for this model"
    return rule.custom.problem(*dims)


def lifecycle_violations(model: ModelRules, today: datetime.date | None) -> list[Violation]:
    """The model's shutdown as a violation, or a DeprecationWarning while it is ahead."""
    life = model.lifecycle
    if life is None:
        return []
    today = today or datetime.datetime.now(datetime.UTC).date()
    name, retired = model.name, life.status == "retired"
    if today < life.shutdown_date:
        _deprecate(
            f"model {name!r} {'retires' if retired else 'shuts down'}"
            f" on {life.shutdown_date}; use {life.replacement!r} instead"
        )
        return []
    verb = "was retired" if retired else "was shut down"
    rule = f"{verb} on {life.shutdown_date}; use {life.replacement!r} instead"
    return [Violation(param="model", rule=rule, value=name, model=name)]


_triggers: dict[tuple[int, tuple[str, ...]], tuple[OperationRules, tuple[Constraint, ...]]] = {}


def triggered(rules: OperationRules, params: Mapping[str, object]) -> tuple[Constraint, ...]:
    """The constraints that can apply to a call giving these parameters (no trigger, or a
    trigger among them), in the table's order; worked out once per list of names."""
    key = (id(rules), tuple(params))
    cached = _triggers.get(key)
    if cached is not None and cached[0] is rules:
        return cached[1]
    found = tuple(c for c in rules.constraints if c.trigger is None or c.trigger in params)
    if len(_triggers) >= MAX_SHAPES:
        _triggers.clear()
    _triggers[key] = (rules, found)
    return found


def _constraint_violations(
    rules: OperationRules, params: Mapping[str, object], flagged: set[str], model: str
) -> list[Violation]:
    """Cross-parameter rules: one violation per parameter at most, none for flagged ones."""
    out: list[Violation] = []
    for constraint in triggered(rules, params):
        trigger = constraint.trigger
        if trigger is not None:
            value = params[trigger]
            if value is None:
                continue
            if constraint.trigger_values is not None and not constraint.trigger_values.has(value):
                continue
        if flagged and not flagged.isdisjoint(constraint.involved):
            continue
        if constraint.broken(params):
            param = constraint.param
            out.append(
                Violation(param=param, rule=constraint.rule, value=params.get(param), model=model)
            )
            flagged.add(param)
    return out


def _model_violations(
    model: ModelRules,
    op: OperationSpec,
    *,
    params: Mapping[str, object],
    inputs: Sequence[ImageInfo],
    flagged: set[str],
    today: datetime.date | None,
    defaulted: bool = False,
) -> list[Violation]:
    """Everything the table says about this call for a known model; adds to `flagged`.

    A `defaulted` model (none given) is not judged on its lifecycle: the caller did not
    choose it, and the server decides what a call without a model gets.
    """
    name = model.name
    out = [] if defaulted else lifecycle_violations(model, today)
    rules: OperationRules | None = model.operations.get(op.capability_key)
    if rules is None:
        supported = ", ".join(sorted(model.operations)) or "none"
        what = _OPERATION_NAMES.get(op.capability_key, op.capability_key)
        rule = f"does not support {what} (it supports: {supported})"
        out.append(Violation(param="model", rule=rule, value=name, model=name))
        return out
    parameters = rules.parameters
    for param, value in params.items():
        rule_spec = parameters.get(param)
        if rule_spec is None or value is None or param in flagged:
            continue
        problem = param_problem(rule_spec, value)
        if problem is not None:
            out.append(Violation(param=param, rule=problem, value=value, model=name))
            flagged.add(param)
    size = params.get("size")
    if rules.size is not None and isinstance(size, str) and "size" not in flagged:
        problem = size_problem(rules.size, size)
        if problem is not None:
            out.append(Violation(param="size", rule=problem, value=size, model=name))
            flagged.add("size")
    if rules.inputs is not None:
        out += model_input_violations(
            rules.inputs,
            inputs,
            given=_item_count(params.get("image")) or 0,
            model=name,
            count_checked="image" in flagged,
        )
    return out + _constraint_violations(rules, params, flagged, name)


def _deprecate(message: str) -> None:
    warn(message, DeprecationWarning)


def issue_deprecations(
    op: OperationSpec,
    params: Mapping[str, object],
    checks: Mapping[str, _FieldCheck],
    table: CapabilityTable,
) -> None:
    """The `DeprecationWarning`s of the operation and of the given parameters and values."""
    op_note = table.deprecated_operations.get(op.capability_key)
    if op_note is not None or op.deprecated:
        detail = op_note.message if op_note else "it may be removed in a future release"
        _deprecate(f"{op.method_name} is deprecated: {detail}")
    noted = table.deprecated_params
    for param, value in params.items():
        check = checks.get(param)
        if value is None or check is None or not (check.spec.deprecated or param in noted):
            continue
        notes = noted.get(param, ())
        if not notes:
            _deprecate(f"{param} is deprecated")
        for note in notes:
            if note.values is None:
                _deprecate(f"{param} is deprecated: {note.message}")
            elif note.values.has(value):
                _deprecate(f"{param}={value!r} is deprecated: {note.message}")


def chosen_model(
    op: OperationSpec, params: Mapping[str, object], checks: Mapping[str, _FieldCheck]
) -> tuple[str | None, bool]:
    """The model the call is checked against, and whether it is the spec's default.

    No model (or None, which the server reads the same way) means the operation's
    documented default.
    """
    given = params.get("model")
    if isinstance(given, str):
        return given, False
    check = checks.get("model")
    if given is not None or check is None or not op.capability_key:
        return None, False
    default = check.spec.default
    return (default, True) if isinstance(default, str) else (None, False)


_listed_by_rules: dict[tuple[int, str], tuple[ModelRules, frozenset[str]]] = {}


def _model_lists(rules: ModelRules | None, op: OperationSpec) -> frozenset[str]:
    """Parameters whose allowed values the model states itself (or refuses outright);
    worked out once per model and operation."""
    if rules is None:
        return frozenset()
    key = (id(rules), op.capability_key)
    cached = _listed_by_rules.get(key)
    if cached is not None and cached[0] is rules:
        return cached[1]
    op_rules = rules.operations.get(op.capability_key)
    listed = frozenset(
        name
        for name, rule in (op_rules.parameters.items() if op_rules is not None else ())
        if rule.values is not None or not rule.supported
    )
    _listed_by_rules[key] = (rules, listed)
    return listed


_required_by_checks: dict[int, tuple[Mapping[str, _FieldCheck], tuple[_FieldCheck, ...]]] = {}


def _missing(
    checks: Mapping[str, _FieldCheck], params: Mapping[str, object], flagged: set[str]
) -> list[Violation]:
    """Required fields the call leaves out (or sets to None where None is not allowed)."""
    cached = _required_by_checks.get(id(checks))
    if cached is None or cached[0] is not checks:
        required = tuple(check for check in checks.values() if check.spec.required)
        cached = _required_by_checks[id(checks)] = (checks, required)
    out: list[Violation] = []
    for check in cached[1]:
        spec = check.spec
        name = spec.python_name
        if name in flagged:
            continue
        if name not in params or (params[name] is None and "null" not in spec.kinds):
            out.append(Violation(param=name, rule="is required"))
            flagged.add(name)
    return out


@attrs.frozen
class Shape:
    """What the names of a call's parameters decide (worked out once per operation, body
    kind, table and list of names): the checks to run, and whether a deprecation may apply."""

    checks: Mapping[str, _FieldCheck]
    present: tuple[tuple[str, _FieldCheck], ...]
    """The given parameters that have a check, in the call's order."""
    deprecations: bool


_ShapeKey = tuple[int, int, "BodyKind | None", tuple[str, ...]]
_shapes: dict[_ShapeKey, tuple[OperationSpec, CapabilityTable, Shape]] = {}
MAX_SHAPES: Final = 1024
"""Calls of one application take few shapes; a flood of others only rebuilds the cache."""


def call_shape(
    op: OperationSpec, body: BodyKind | None, table: CapabilityTable, params: Mapping[str, object]
) -> Shape:
    """The `Shape` of a call with these parameter names (cached)."""
    names = tuple(params)
    key = (id(op), id(table), body, names)
    cached = _shapes.get(key)
    if cached is not None and cached[0] is op and cached[1] is table:
        return cached[2]
    checks = _field_checks(op, body)
    shape = Shape(
        checks=checks,
        present=tuple((name, checks[name]) for name in names if name in checks),
        deprecations=(
            op.deprecated
            or op.capability_key in table.deprecated_operations
            or not table.deprecated_params.keys().isdisjoint(names)
            or not _deprecated_fields(op, checks).isdisjoint(names)
        ),
    )
    if len(_shapes) >= MAX_SHAPES:
        _shapes.clear()
    _shapes[key] = (op, table, shape)
    return shape


def request_violations(
    op: OperationSpec,
    params: Mapping[str, object],
    *,
    inputs: Sequence[ImageInfo],
    table: CapabilityTable,
    today: datetime.date | None,
    body: BodyKind | None,
    upload_violations: Sequence[Violation],
) -> list[Violation]:
    """Every rule the call breaks, in the order it reports them (see `validate_request`);
    issues the call's `DeprecationWarning`s."""
    shape = call_shape(op, body, table, params)
    checks = shape.checks
    violations: list[Violation] = list(upload_violations)
    flagged = {v.param for v in upload_violations}
    model, defaulted = chosen_model(op, params, checks)
    rules = table.models.get(model) if model is not None else None
    listed = _model_lists(rules, op)
    for param, check in shape.present:
        value = params[param]
        problem = check.problem(value)
        if problem is None:
            if check.nested and (nested := check.nested_violations(param, value)):
                violations += nested
                flagged.add(param)
            continue
        if param in listed and problem != check.kind_rule and check.breaks_enum(value):
            continue  # the model's own list is reported below
        if not (param in flagged and not check.kinds):
            violations.append(Violation(param=param, rule=problem, value=value))
            flagged.add(param)
    violations += _missing(checks, params, flagged)
    if shape.deprecations:
        issue_deprecations(op, params, checks, table)
    if rules is not None and "model" not in flagged:
        found = _model_violations(
            rules,
            op,
            params=params,
            inputs=inputs,
            flagged=flagged,
            today=today,
            defaulted=defaulted,
        )
        if defaulted:
            found = [attrs.evolve(v, model_defaulted=True) if v.model else v for v in found]
        violations += found
    return violations
