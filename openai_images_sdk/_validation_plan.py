"""Compiled validation plans: a cheap "valid" for a call the general checks would pass.

A plan is worked out once per operation, body kind, table, list of parameter names and
model. For each given parameter it holds a test of the values the general checks
(`_request_checks`) accept: the strings it takes as a set or a length range, the integers
as a range, the rest asked of the general check of that one parameter. It also holds the
cross-parameter constraints that can apply, the model's input rules and lifecycle (the
date is asked only for a model that has one), and the parameters a deprecation names. A
plan never finds a violation itself: when any of its tests fails, `_validation` runs the
general checks, which word every message.
"""

from __future__ import annotations

import datetime
import functools
import math
import sys
from collections.abc import Callable, Mapping, Sequence

import attrs

from ._capability_rules import (
    CapabilityTable,
    Constraint,
    InputRules,
    ModelRules,
    ParamRule,
    ValueSet,
)
from ._capability_rules import SizeRule as _SizeRule
from ._field_checks import FieldCheck, item_count
from ._inputs._checks import model_input_violations
from ._operation import BodyKind, OperationSpec
from ._request_checks import (
    MAX_SHAPES,
    call_shape,
    chosen_model,
    issue_deprecations,
    lifecycle_violations,
    param_problem,
    size_problem,
    triggered,
)
from ._types import ImageInfo

__all__ = ["Plan", "passes_plan", "plan_for"]

_Accepts = Callable[[object], bool]
_Field = tuple[str, frozenset[str] | None, int | None, int, float | None, float, bool, _Accepts]
"""One parameter's test: name, the strings it takes (None: not a closed set), their
length range (None: ask `accepts`), the integers' range (None: ask `accepts`), whether
None passes, and `accepts`, the general check of any value."""


@attrs.frozen(kw_only=True)
class Plan:
    """What the general checks would ask of a call of one shape and model, precompiled."""

    fields: tuple[_Field, ...]
    constraints: tuple[Constraint, ...]
    """The model's constraints that can apply (no trigger, or a given trigger)."""
    inputs: InputRules | None
    model: str
    """The model judged (for the input rules)."""
    lifecycle: ModelRules | None
    """The model, when its lifecycle is judged (it has one and the caller chose it)."""
    deprecated_op: bool
    """Whether the operation itself is deprecated (every call warns)."""
    deprecated: tuple[tuple[str, ValueSet | None], ...]
    """Given parameters a deprecation names, with the values it names (None: any but None)."""
    checks: Mapping[str, FieldCheck]
    """The operation's field checks, for `issue_deprecations`."""


def _accepts(
    name: str,
    check: FieldCheck | None,
    rule: ParamRule | None,
    size: _SizeRule | None,
    value: object,
) -> bool:
    """Whether the general checks find nothing wrong with one parameter's `value` alone."""
    if check is not None:
        if check.problem(value) is not None:
            return False
        if check.nested and check.nested_violations(name, value):
            return False
        spec = check.spec
        if value is None and spec.required and "null" not in spec.kinds:
            return False
    if value is not None and rule is not None and param_problem(rule, value) is not None:
        return False
    if size is not None and isinstance(value, str):
        return size_problem(size, value) is None
    return True


def _strings(
    check: FieldCheck | None, rule: ParamRule | None, size: _SizeRule | None
) -> frozenset[str] | None:
    """The strings that can pass when some rule lists them all, else None."""
    closed: list[frozenset[str]] = []
    if check is not None and check.spec.enum is not None:
        closed.append(frozenset(v for v in check.spec.enum if isinstance(v, str)))
    if rule is not None and rule.values is not None:
        closed.append(frozenset(v for v in rule.values.values if isinstance(v, str)))
    if size is not None and size.custom is None:
        closed.append(size.value_set)
    if rule is not None and not rule.supported:
        closed.append(frozenset())
    if not closed:
        return None
    found = closed[0]
    for other in closed[1:]:
        found &= other
    return found


def _lengths(
    check: FieldCheck | None, rule: ParamRule | None, size: _SizeRule | None
) -> tuple[int, int] | None:
    """The length range of the strings that pass when only lengths limit them, else None;
    asked only when no rule lists the strings (see `_strings`)."""
    if (
        size is not None
        or check is None
        or "string" not in check.kinds
        or check.pattern is not None
        or check.nested
    ):
        return None
    spec = check.spec
    highs = [n for n in (spec.max_length, rule.max_length if rule else None) if n is not None]
    return (spec.min_length or 0, min(highs, default=sys.maxsize))


def _integers(check: FieldCheck | None, rule: ParamRule | None) -> tuple[float | None, float]:
    """The range of the integers that pass when only bounds limit them, else (None, 0)."""
    unknown = (None, 0)
    if check is None or not {"integer", "number"} & set(check.kinds) or check.enum is not None:
        return unknown
    if check.nested or (rule is not None and (rule.values is not None or not rule.supported)):
        return unknown
    spec = check.spec
    lows = [n for n in (spec.minimum, rule.minimum if rule else None) if n is not None]
    highs = [n for n in (spec.maximum, rule.maximum if rule else None) if n is not None]
    return (max(lows, default=-math.inf), min(highs, default=math.inf))


def _field(
    name: str, check: FieldCheck | None, rule: ParamRule | None, size: _SizeRule | None
) -> _Field:
    accepts: _Accepts = functools.partial(_accepts, name, check, rule, size)
    strings = _strings(check, rule, size)
    lengths = None if strings is not None else _lengths(check, rule, size)
    low, high = _integers(check, rule)
    return (
        name,
        None if strings is None else frozenset(s for s in strings if accepts(s)),
        None if lengths is None else lengths[0],
        0 if lengths is None else lengths[1],
        low,
        high,
        accepts(None),
        accepts,
    )


def _deprecated(
    checks: Mapping[str, FieldCheck], table: CapabilityTable, params: Mapping[str, object]
) -> tuple[tuple[str, ValueSet | None], ...]:
    """`Plan.deprecated`, as `issue_deprecations` decides which parameters warn."""
    noted = table.deprecated_params
    found: list[tuple[str, ValueSet | None]] = []
    for name in params:
        check = checks.get(name)
        if check is None or not (check.spec.deprecated or name in noted):
            continue
        notes = noted.get(name, ())
        if not notes or any(note.values is None for note in notes):
            found.append((name, None))
        else:
            found += [(name, note.values) for note in notes if note.values is not None]
    return tuple(found)


def plan_for(
    op: OperationSpec, body: BodyKind | None, table: CapabilityTable, params: Mapping[str, object]
) -> Plan | None:
    """The plan of calls with these parameter names and this model; None when the general
    checks must judge every such call (a required parameter or the model is wrong, or the
    model does not take the operation)."""
    shape = call_shape(op, body, table, params)
    checks = shape.checks
    if any(c.spec.required and c.spec.python_name not in params for c in checks.values()):
        return None
    model, defaulted = chosen_model(op, params, checks)
    rules = table.models.get(model) if model is not None else None
    op_rules = rules.operations.get(op.capability_key) if rules is not None else None
    if rules is not None and op_rules is None:
        return None
    parameters: Mapping[str, ParamRule] = op_rules.parameters if op_rules is not None else {}
    fields: list[_Field] = []
    for name in params:
        check = checks.get(name)
        rule = parameters.get(name)
        size = op_rules.size if op_rules is not None and name == "size" else None
        if check is None and rule is None and size is None:
            continue
        field = _field(name, check, rule, size)
        if name != "model":
            fields.append(field)
        elif not field[7](params[name]):  # the plan is the model's: test it once
            return None
    life = rules if rules is not None and rules.lifecycle is not None and not defaulted else None
    return Plan(
        fields=tuple(fields),
        constraints=triggered(op_rules, params) if op_rules is not None else (),
        inputs=op_rules.inputs if op_rules is not None else None,
        model=model or "",
        lifecycle=life,
        deprecated_op=op.deprecated or op.capability_key in table.deprecated_operations,
        deprecated=_deprecated(checks, table, params) if shape.deprecations else (),
        checks=checks,
    )


_PlanKey = tuple[int, int, BodyKind | None, tuple[str, ...], str | None]
_plans: dict[_PlanKey, tuple[OperationSpec, CapabilityTable, Plan | None]] = {}


def passes_plan(
    op: OperationSpec,
    params: Mapping[str, object],
    *,
    inputs: Sequence[ImageInfo],
    table: CapabilityTable,
    today: datetime.date | None,
    body: BodyKind | None,
) -> bool:
    """Whether the call is valid by its plan; if so, issues its `DeprecationWarning`s as the
    general checks would. False means "ask the general checks", not "invalid"."""
    model = params.get("model")
    if model is not None and type(model) is not str:
        return False
    key = (id(op), id(table), body, tuple(params), model)
    cached = _plans.get(key)
    if cached is None or cached[0] is not op or cached[1] is not table:
        if len(_plans) >= MAX_SHAPES:
            _plans.clear()
        cached = _plans[key] = (op, table, plan_for(op, body, table, params))
    plan = cached[2]
    if plan is None:
        return False
    for name, strings, short, long, low, high, none_ok, accepts in plan.fields:
        value = params[name]
        kind = type(value)
        if kind is str:
            if strings is not None:
                if value not in strings:
                    return False
            elif short is not None:
                if not short <= len(value) <= long:  # type: ignore[arg-type]
                    return False
            elif not accepts(value):
                return False
        elif value is None:
            if not none_ok:
                return False
        elif kind is int and low is not None:
            if not low <= value <= high:  # type: ignore[operator]
                return False
        elif not accepts(value):
            return False
    for constraint in plan.constraints:
        trigger = constraint.trigger
        if trigger is not None:
            value = params[trigger]
            if value is None:
                continue
            if constraint.trigger_values is not None and not constraint.trigger_values.has(value):
                continue
        if constraint.broken(params):
            return False
    if plan.inputs is not None and model_input_violations(
        plan.inputs,
        inputs,
        given=item_count(params.get("image")) or 0,
        model=plan.model,
        count_checked=False,
    ):
        return False
    life = plan.lifecycle
    if life is not None:
        today = today or datetime.datetime.now(datetime.UTC).date()
        if life.lifecycle is not None and today >= life.lifecycle.shutdown_date:
            return False
    warns = plan.deprecated_op
    for name, values in plan.deprecated:
        value = params[name]
        if value is not None and (values is None or values.has(value)):
            warns = True
            break
    if warns:
        issue_deprecations(op, params, plan.checks, table)
    if life is not None:
        lifecycle_violations(life, today)
    return True
