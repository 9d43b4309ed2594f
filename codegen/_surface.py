"""The public surface codegen emits, and what changed in it, worded for CHANGELOG.md.

`surface()` lists every method's keyword parameters (with their annotations), every model's
fields and every value set; codegen ships it as ``_generated/surface.json`` so that the next
run can say what a spec edit added, changed or removed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from ._models import ModelPlan
from ._operations import Operation
from ._spec import Schema, Spec, as_map, ref_name

__all__ = ["SURFACE_FILE", "changelog_lines", "render_surface", "surface"]

SURFACE_FILE = "surface.json"
Surface = dict[str, dict[str, Any]]


def _values(spec: Spec, schema: Schema) -> list[object] | None:
    """The value set of an enum schema (through anyOf branches), or None."""
    found: list[object] = []
    has_enum = False
    for raw in [schema, *cast("list[Schema]", schema.get("anyOf") or [])]:
        branch = spec.resolve(as_map(raw))
        if "enum" in branch:
            has_enum = True
            found += [v for v in cast("list[object]", branch["enum"]) if v not in found]
    return found if has_enum else None


def _type(schema: Schema) -> str:
    """A short structural type: ref names, JSON types, `null`."""
    parts: list[str] = []
    for raw in [schema] if "anyOf" not in schema else cast("list[Schema]", schema["anyOf"]):
        branch = as_map(raw)
        name = ref_name(branch)
        if name is not None:
            parts.append(name)
        elif "enum" in branch:
            parts.append("|".join(json.dumps(v) for v in cast("list[object]", branch["enum"])))
        elif branch.get("type") == "array":
            parts.append(f"list[{_type(as_map(branch.get('items')))}]")
        else:
            parts.append(str(branch.get("type", "any")))
    return " | ".join(parts)


def surface(spec: Spec, operations: Sequence[Operation], plan: ModelPlan) -> Surface:
    """Methods (parameters), models (fields) and value sets of the generated package."""
    methods = {
        f"{op.resource}.{op.method_name}": {
            p.name: p.annotation + (" (required)" if p.required else "") for p in op.params
        }
        for op in operations
    }
    models: dict[str, Any] = {}
    for name in plan.objects:
        schema = spec.schema(name)
        required = set(cast("list[str]", schema.get("required", [])))
        models[name] = {
            field: _type(as_map(sub)) + (" (required)" if field in required else "")
            for field, sub in as_map(schema.get("properties")).items()
        }
    value_sets = {
        name: values
        for name in plan.names
        if (values := _values(spec, spec.schema(name))) is not None
    }
    return {"methods": methods, "models": models, "value sets": value_sets}


def render_surface(found: Surface) -> str:
    """surface.json's text."""
    return json.dumps(found, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


_WHAT = {"methods": ("parameter", "method"), "models": ("field", "model")}


def changelog_lines(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[str]:
    """Keep a Changelog lines (### Added / Changed / Removed) from `old` to `new`."""
    if old is None:
        return []
    added: list[str] = []
    changed: list[str] = []
    removed: list[str] = []
    for section, (member, owner) in _WHAT.items():
        before, after = as_map(old.get(section)), as_map(new.get(section))
        for name in after:
            if name not in before:
                added.append(f"{owner.capitalize()} `{name}`.")
        for name in before:
            if name not in after:
                removed.append(f"{owner.capitalize()} `{name}`.")
        for name, items in after.items():
            if name not in before:
                continue
            was = as_map(before[name])
            for item, text in as_map(items).items():
                if item not in was:
                    verb = "takes the parameter" if section == "methods" else "has the field"
                    added.append(f"`{name}` now {verb} `{item}`: `{text}`.")
                elif was[item] != text:
                    changed.append(
                        f"`{name}` {member} `{item}` is now `{text}` (was `{was[item]}`)."
                    )
            for item in was:
                if item not in as_map(items):
                    removed.append(f"{member.capitalize()} `{item}` of `{name}`.")
    before_sets, after_sets = as_map(old.get("value sets")), as_map(new.get("value sets"))
    for name, values in after_sets.items():
        was_values = cast("list[object]", before_sets.get(name, []))
        new_values = [v for v in cast("list[object]", values) if v not in was_values]
        gone = [v for v in was_values if v not in cast("list[object]", values)]
        if name not in before_sets:
            added.append(f"Value set `{name}`: {_list(new_values)}.")
        elif new_values:
            added.append(f"`{name}` now takes {_list(new_values)}.")
        if gone:
            removed.append(f"{_list(gone)} from `{name}`.")
    for name in before_sets:
        if name not in after_sets:
            removed.append(f"Value set `{name}`.")
    lines: list[str] = []
    for title, items in (("Added", added), ("Changed", changed), ("Removed", removed)):
        if items:
            lines += [f"### {title}", *(f"- {item}" for item in items), ""]
    return lines


def _list(values: Sequence[object]) -> str:
    return ", ".join(f"`{v}`" for v in values)
