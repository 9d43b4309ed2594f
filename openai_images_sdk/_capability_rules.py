"""The typed rules of the model capability table, precomputed for cheap checks.

`_capabilities` builds them from ``spec/model-capabilities.yaml`` (shipped as JSON);
`_validation` applies them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Final, Literal

import attrs

__all__ = [
    "CapabilityTable",
    "Condition",
    "Constraint",
    "CustomSizes",
    "Deprecation",
    "InputRules",
    "Lifecycle",
    "ModelRules",
    "OperationRules",
    "ParamRule",
    "SizeRule",
    "TableError",
    "ValueSet",
    "parse_size",
]


class TableError(ValueError):
    """The capability table is malformed (bad shape, unknown `extends`, cycle, bad size)."""


@attrs.frozen(kw_only=True)
class ValueSet:
    """A closed set of scalar values in which ``True`` never matches ``1`` (nor 1 True)."""

    values: tuple[object, ...]
    plain: frozenset[object]
    bools: frozenset[bool]

    @classmethod
    def of(cls, values: tuple[object, ...]) -> ValueSet:
        """The set of `values`."""
        return cls(
            values=values,
            plain=frozenset(v for v in values if not isinstance(v, bool)),
            bools=frozenset(v for v in values if isinstance(v, bool)),
        )

    def has(self, value: object) -> bool:
        """Whether `value` is in the set (False for unhashable values)."""
        try:
            if value is True or value is False:
                return value in self.bools
            return value in self.plain
        except TypeError:
            return False


EMPTY: Final = ValueSet.of(())


def parse_size(text: str) -> tuple[int, int] | None:
    """``"1536x864"`` -> ``(1536, 864)``; None unless it is canonical WIDTHxHEIGHT."""
    width, sep, height = text.partition("x")
    for part in (width, height):
        if not (part.isascii() and part.isdigit()) or (part[0] == "0" and len(part) > 1):
            return None
    return (int(width), int(height)) if sep else None


@attrs.frozen(kw_only=True)
class ParamRule:
    """What one model accepts for one parameter of one operation."""

    supported: bool = True
    values: ValueSet | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    source: str
    date: str
    note: str | None = None


@attrs.frozen(kw_only=True)
class Condition:
    """One side of a constraint: the parameter is given or not, or has one of `values`."""

    present: bool | None = None
    values: ValueSet = EMPTY
    has_default: bool = False
    default: object = None

    def holds(self, value: object) -> bool:
        """Whether the condition holds for the parameter's `value` (None: not given)."""
        if value is None:
            if not self.has_default:
                return self.present is False
            value = self.default
        if self.present is not None:
            return self.present
        return self.values.has(value)


@attrs.frozen(kw_only=True)
class Constraint:
    """When every `when` condition holds, every `require` one must, else `param` is wrong."""

    param: str
    rule: str
    when: tuple[tuple[str, Condition], ...]
    require: tuple[tuple[str, Condition], ...]
    trigger: str | None
    """A `when` parameter without a default: the constraint is idle unless it is given."""
    trigger_values: ValueSet | None = None
    """The values of `trigger` that can make the constraint apply (None: any)."""
    involved: frozenset[str]
    source: str
    date: str

    def broken(self, params: Mapping[str, object]) -> bool:
        """Whether `params` meet every `when` condition but not every `require` one."""
        for name, condition in self.when:
            if not condition.holds(params.get(name)):
                return False
        return not all(condition.holds(params.get(name)) for name, condition in self.require)


@attrs.frozen(kw_only=True)
class CustomSizes:
    """The WIDTHxHEIGHT rule of flexible-size models, in whole numbers."""

    multiple_of: int
    min_edge: int
    ratio_min: tuple[int, int]
    ratio_max: tuple[int, int]
    max_long_edge: int
    max_short_edge: int
    experimental_above_pixels: int | None

    def problem(self, width: int, height: int) -> str | None:
        """The first rule `width` x `height` breaks, in plain words, or None."""
        step = self.multiple_of
        if width % step or height % step:
            return f"width and height must both be multiples of {step}"
        if min(width, height) < self.min_edge:
            return f"width and height must both be at least {self.min_edge}"
        (min_w, min_h), (max_w, max_h) = self.ratio_min, self.ratio_max
        if width * min_h < min_w * height or width * max_h > max_w * height:
            return f"aspect ratio must be between {min_w}:{min_h} and {max_w}:{max_h}"
        if max(width, height) > self.max_long_edge or min(width, height) > self.max_short_edge:
            return (
                f"must be at most {self.max_long_edge}x{self.max_short_edge}"
                f" or {self.max_short_edge}x{self.max_long_edge}"
            )
        return None


@attrs.frozen(kw_only=True)
class SizeRule:
    """The sizes one model accepts for one operation."""

    values: tuple[str, ...]
    value_set: frozenset[str]
    custom: CustomSizes | None
    source: str
    date: str


@attrs.frozen(kw_only=True)
class InputRules:
    """Limits on a model's uploaded images (the mask and markup excluded)."""

    max_images: int | None = None
    bytes_below: int | None = None
    formats: frozenset[str] | None = None
    square: bool = False
    source: str
    date: str


@attrs.frozen(kw_only=True)
class OperationRules:
    """Everything one model enforces for one operation."""

    parameters: Mapping[str, ParamRule]
    size: SizeRule | None
    inputs: InputRules | None
    constraints: tuple[Constraint, ...]


@attrs.frozen(kw_only=True)
class Lifecycle:
    """When a model stops being served, and what to use instead."""

    status: Literal["retired", "shut_down"]
    shutdown_date: datetime.date
    replacement: str
    source: str
    date: str


@attrs.frozen(kw_only=True)
class ModelRules:
    """One model's resolved entry."""

    name: str
    family: str | None
    lifecycle: Lifecycle | None
    operations: Mapping[str, OperationRules]


@attrs.frozen(kw_only=True)
class Deprecation:
    """A deprecated parameter (or some of its values) or operation."""

    param: str | None
    operation: str | None
    values: ValueSet | None
    message: str


@attrs.frozen(kw_only=True)
class CapabilityTable:
    """The whole table, resolved and precomputed."""

    models: Mapping[str, ModelRules]
    deprecated_params: Mapping[str, tuple[Deprecation, ...]]
    deprecated_operations: Mapping[str, Deprecation]
    data: Mapping[str, object] = attrs.field(repr=False)
    """The table as loaded, before resolution."""
