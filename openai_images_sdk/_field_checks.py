"""The operation-wide limits of one request field, nested objects included.

A `FieldCheck` applies what the spec states about a field (types, closed enums, bounds,
lengths, patterns, item counts) and, for an object value or a list of objects, the same
for each property its `FieldSpec.fields` describe: required keys, unknown keys and every
limit, reported with the parameter path (``expires_after.seconds``, ``image[1].file_id``).
Dicts and attrs instances are read alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final, cast

import attrs

from ._capability_rules import ValueSet
from ._exceptions import Violation
from ._operation import FieldSpec

__all__ = ["NUMBERS", "FieldCheck", "bounds", "item_count", "out_of_range", "quote"]

_KIND_WORDS: Final = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "None",
}
NUMBERS: Final = (int, float)
"""What a number check takes (bool aside); a tuple, not ``int | float`` built on each call."""
_KIND_TYPES: Final[Mapping[str, tuple[type, ...]]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list, tuple),
    "null": (type(None),),
}


def quote(values: Sequence[object]) -> str:
    """Values as a message lists them: ``'low', 'high'``."""
    return ", ".join(repr(v) for v in values)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def bounds(low: float | None, high: float | None) -> str:
    """A numeric range as a message states it."""
    if low is not None and low == high:
        return _number(low)
    if low is not None and high is not None:
        return f"between {_number(low)} and {_number(high)}"
    return f"at least {_number(low)}" if low is not None else f"at most {_number(high or 0)}"


def out_of_range(value: float, low: float | None, high: float | None) -> str | None:
    """``must be <range>`` when `value` lies outside `low`..`high` (None: no bound), else None."""
    if (low is not None and value < low) or (high is not None and value > high):
        return f"must be {bounds(low, high)}"
    return None


def _matches_kind(value: object, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, NUMBERS) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, Mapping) or attrs.has(type(value))
    if kind == "array":
        return isinstance(value, list | tuple)
    return value is None if kind == "null" else True


def item_count(value: object) -> int | None:
    """How many items a list (or tuple) holds; None for anything else.

    A ``(filename, content[, content_type])`` tuple is one file, not a list of items.
    """
    if isinstance(value, list):
        return len(cast("list[object]", value))
    if not isinstance(value, tuple):
        return None
    items = cast("tuple[object, ...]", value)
    first = items[0] if items else ""
    is_file = len(items) in (2, 3) and (first is None or isinstance(first, str))
    return None if is_file and not isinstance(items[1], str) else len(items)


def _object_items(value: object, by_attr: Mapping[str, str]) -> dict[str, object] | None:
    """An object value's properties by wire name, else None; None values count as absent
    (the body leaves them out, as it does unset attrs fields)."""
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        return {str(k): v for k, v in mapping.items() if v is not None}
    cls = type(value)
    if attrs.has(cls):
        found: dict[str, object] = {}
        for field in attrs.fields(cls):
            item = getattr(value, field.name)
            if item is not None:
                found[by_attr.get(field.name, field.name)] = item
        return found
    return None


@attrs.frozen(kw_only=True)
class FieldCheck:
    """One `FieldSpec`'s operation-wide limits, ready to apply."""

    spec: FieldSpec
    kinds: tuple[str, ...]
    """The kinds to check; empty when the field takes files (the uploads layer types those)."""
    exact_types: frozenset[type]
    """Types that match `kinds` without a closer look (the common case)."""
    kind_rule: str
    enum: ValueSet | None
    pattern: re.Pattern[str] | None
    nested: Mapping[str, FieldCheck]
    """Checks of an object's properties (or each listed object's), by wire name."""
    by_attr: Mapping[str, str]
    """Wire names of the properties by python name, for attrs instances."""

    @classmethod
    def build(cls, spec: FieldSpec) -> FieldCheck:
        """The check of `spec`, its nested fields' checks included."""
        kinds = () if "file" in spec.kinds else spec.kinds
        words = [_KIND_WORDS.get(kind, kind) for kind in kinds]
        return cls(
            spec=spec,
            kinds=kinds,
            exact_types=frozenset(t for kind in kinds for t in _KIND_TYPES.get(kind, ())),
            kind_rule="must be " + " or ".join(words),
            enum=None if spec.enum is None else ValueSet.of(spec.enum),
            pattern=None if spec.pattern is None else re.compile(spec.pattern),
            nested={field.name: cls.build(field) for field in spec.fields},
            by_attr={field.python_name: field.name for field in spec.fields},
        )

    def problem(self, value: object) -> str | None:
        """The first limit `value` itself breaks (its properties aside), or None."""
        spec = self.spec
        if (
            self.kinds
            and type(value) not in self.exact_types
            and not any(_matches_kind(value, kind) for kind in self.kinds)
        ):
            return self.kind_rule
        if value is None:
            return None
        if self.enum is not None and not self.enum.has(value):
            return f"must be one of {quote(spec.enum or ())}"
        if isinstance(value, NUMBERS) and not isinstance(value, bool):
            return out_of_range(value, spec.minimum, spec.maximum)
        if isinstance(value, str):
            return self._string_problem(value)
        elif (count := item_count(value)) is not None:
            if spec.max_items is not None and count > spec.max_items:
                return f"takes at most {spec.max_items} items (got {count})"
            if spec.min_items is not None and count < spec.min_items:
                return f"takes at least {spec.min_items} items (got {count})"
        return None

    def breaks_enum(self, value: object) -> bool:
        """Whether `value` is outside the field's closed value set."""
        return self.enum is not None and value is not None and not self.enum.has(value)

    def _string_problem(self, value: str) -> str | None:
        spec = self.spec
        if spec.max_length is not None and len(value) > spec.max_length:
            return f"must be at most {spec.max_length} characters (got {len(value)})"
        if spec.min_length is not None and len(value) < spec.min_length:
            if spec.min_length == 1:
                return "must not be empty"
            return f"must be at least {spec.min_length} characters (got {len(value)})"
        if self.pattern is not None and not self.pattern.search(value):
            return spec.pattern_rule or f"must match the pattern {spec.pattern!r}"
        return None

    def violations(self, path: str, value: object) -> list[Violation]:
        """Every limit `value` breaks, its properties' included, with their paths."""
        problem = self.problem(value)
        if problem is not None:
            return [Violation(param=path, rule=problem, value=value)]
        return self.nested_violations(path, value)

    def nested_violations(self, path: str, value: object) -> list[Violation]:
        """The limits the properties of an object value (or of listed objects) break."""
        if not self.nested or value is None:
            return []
        if "array" not in self.spec.kinds or not isinstance(value, list | tuple):
            return self._object_violations(path, value)
        out: list[Violation] = []
        for index, item in enumerate(cast("Sequence[object]", value)):
            out += self._object_violations(f"{path}[{index}]", item)
        return out

    def _object_violations(self, path: str, value: object) -> list[Violation]:
        items = _object_items(value, self.by_attr)
        if items is None:  # a file, a path or a URL string: the uploads layer judges those
            return []
        out: list[Violation] = []
        for name, check in self.nested.items():
            if name in items:
                out += check.violations(f"{path}.{name}", items[name])
            elif check.spec.required:
                out.append(Violation(param=f"{path}.{name}", rule="is required"))
        unknown = [name for name in items if name not in self.nested]
        if unknown:
            takes = ", ".join(self.nested)
            out += [
                Violation(param=f"{path}.{name}", rule=f"is not a known key (takes: {takes})")
                for name in unknown
            ]
        return out
