"""models.py: attrs models and type aliases via datamodel-code-generator, plus TypedDicts."""

from __future__ import annotations

import ast
import copy
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import attrs

from ._operations import Typer, request_body_schemas
from ._spec import Schema, Spec, SpecError, as_map, ref_name

__all__ = ["ModelPlan", "plan_models", "render_models"]

TEMPLATES = Path(__file__).parent / "templates" / "models"
GENERATOR_VERSION = "0.89.0"
"""The datamodel-code-generator release the output is pinned to (its output changes often)."""
VALIDATION_ONLY = frozenset({"required"})
DROPPED_KEYS = frozenset({"default", "example", "examples", "format", "title", "discriminator"})


@attrs.frozen(kw_only=True)
class ModelPlan:
    """Which component schemas become what in models.py."""

    names: tuple[str, ...]
    """Every component schema emitted by datamodel-code-generator (all but request bodies)."""
    objects: tuple[str, ...]
    """Those that are attrs classes."""
    param_objects: tuple[str, ...]
    """Objects reachable from request fields: they also get a ``<Name>Dict`` TypedDict."""
    bases: Mapping[str, str]
    """`x-python-base` per class, as ``module.Class``."""


def _walk(schema: object) -> Iterator[Schema]:
    """Every sub-schema (properties, items, branches) of a schema, itself included."""
    node = as_map(schema)
    if not node:
        return
    yield node
    for prop in as_map(node.get("properties")).values():
        yield from _walk(prop)
    if "items" in node:
        yield from _walk(node["items"])
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in cast("list[object]", node.get(key) or []):
            yield from _walk(branch)


def _closure(spec: Spec, roots: list[str]) -> list[str]:
    """The named schemas reachable from `roots` through $refs, roots included, in order."""
    found: list[str] = []
    pending = list(roots)
    while pending:
        name = pending.pop(0)
        if name in found:
            continue
        found.append(name)
        for node in _walk(spec.schema(name)):
            target = ref_name(node)
            if target is not None and target not in found:
                pending.append(target)
    return found


def _response_roots(spec: Spec) -> list[str]:
    roots: list[str] = []
    for item in as_map(spec.document.get("paths")).values():
        for operation in as_map(item).values():
            for response in as_map(as_map(operation).get("responses")).values():
                for media in as_map(as_map(response).get("content")).values():
                    name = ref_name(as_map(as_map(media).get("schema")))
                    if name is not None and name not in roots:
                        roots.append(name)
    return roots


def _check_response_sets(spec: Spec, responses: list[str]) -> None:
    """Response value sets must stay open: servers send values no enum lists yet."""
    for name in responses:
        schema = spec.schema(name)
        discriminator = as_map(schema.get("discriminator")).get("propertyName")
        for prop_name, prop in as_map(schema.get("properties")).items():
            values = spec.value_set(as_map(prop))
            if values is None or values.open or len(values.values) < 2:
                continue
            if prop_name == discriminator:
                continue
            raise SpecError(
                f"{name}.{prop_name}: closed value set in a response; allow any string, e.g. "
                "anyOf: [{$ref: ...}, {type: string}]"
            )


def _check_named(spec: Spec, names: list[str]) -> None:
    """Nested objects and multi-value enums must be named components (pinned class names)."""
    for name in names:
        schema = spec.schema(name)
        for prop_name, prop in as_map(schema.get("properties")).items():
            for node in _walk(prop):
                if spec.is_object(node) and ref_name(node) is None:
                    raise SpecError(f"{name}.{prop_name}: inline object; move it to components")
                enum = node.get("enum")
                if enum is not None and len(cast("list[object]", enum)) > 1:
                    raise SpecError(f"{name}.{prop_name}: inline enum; move it to components")


def _dependency_order(spec: Spec, names: list[str]) -> list[str]:
    """`names` with every schema after the ones it refers to (classes are built in order)."""
    ordered: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in ordered or name in path:
            return
        for node in _walk(spec.schema(name)):
            target = ref_name(node)
            if target in names:
                visit(target, (*path, name))
        ordered.append(name)

    for name in names:
        visit(name, ())
    return ordered


def plan_models(spec: Spec) -> ModelPlan:
    """Decide the content of models.py and check the spec rules it depends on."""
    bodies = request_body_schemas(spec)
    names = [n for n in spec.schemas if n not in bodies]
    responses = _closure(spec, _response_roots(spec))
    _check_named(spec, names)
    _check_response_sets(spec, [n for n in responses if spec.is_object(spec.schema(n))])
    param_roots: list[str] = []
    for body in bodies:
        for node in _walk(spec.schema(body)):
            target = ref_name(node)
            if target is not None and spec.is_object(spec.schema(target)):
                param_roots.append(target)
    param_objects = _dependency_order(
        spec, [n for n in _closure(spec, param_roots) if spec.is_object(spec.schema(n))]
    )
    bases: dict[str, str] = {}
    model_base = as_map(spec.document.get("info")).get("x-python-model-base")
    for name in names:
        base = spec.schema(name).get("x-python-base")
        if base is None and model_base is not None and spec.is_object(spec.schema(name)):
            base = model_base
        if base is not None:
            module, _, cls = str(base).partition(":")
            if not cls:
                raise SpecError(f"{name}: x-python-base must read 'module:Class'")
            bases[name] = f"{module}.{cls}"
    return ModelPlan(
        names=tuple(names),
        objects=tuple(n for n in names if spec.is_object(spec.schema(n))),
        param_objects=tuple(param_objects),
        bases=bases,
    )


def _prepare(schema: object) -> Any:
    """A copy of a schema in the form the model generator handles the way we want."""
    if isinstance(schema, list):
        return [_prepare(v) for v in cast("list[object]", schema)]
    if not isinstance(schema, Mapping):
        return copy.deepcopy(schema)
    node: dict[str, Any] = {}
    for key, value in cast("Mapping[str, object]", schema).items():
        if key in DROPPED_KEYS or key.startswith("x-"):
            continue
        if key == "properties":
            node[key] = {k: _prepare(v) for k, v in as_map(value).items()}
            continue
        if key in ("anyOf", "oneOf", "allOf", "not") and _validation_only(value):
            continue
        node[key] = _prepare(value)
    for key in ("anyOf", "oneOf"):
        if key in node:
            node[key] = sorted(node[key], key=_branch_rank)
    return node


def _validation_only(value: object) -> bool:
    """`anyOf: [{required: [a]}, {required: [b]}]` and the like: rules, not types."""
    branches = cast("list[object]", value) if isinstance(value, list) else [value]
    return all(bool(as_map(b)) and set(as_map(b)) <= VALIDATION_ONLY for b in branches)


def _branch_rank(branch: Mapping[str, Any]) -> int:
    """Known values first, then any string, then null: `Literal[...] | str | None`."""
    if branch.get("type") == "null":
        return 2
    if branch.get("type") == "string" and "enum" not in branch:
        return 1
    return 0


def _run_generator(spec: Spec, plan: ModelPlan) -> str:
    from datamodel_code_generator import (
        InputFileType,
        LiteralType,
        PythonVersion,
        generate,
        get_version,
    )
    from datamodel_code_generator.enums import DataModelType

    if get_version() != GENERATOR_VERSION:
        raise SpecError(
            f"datamodel-code-generator {get_version()} is installed but the output is pinned to "
            f"{GENERATOR_VERSION}; run: pip install -e '.[dev]'"
        )

    document = {
        "openapi": "3.1.0",
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {"schemas": {name: _prepare(spec.schema(name)) for name in plan.names}},
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        output = generate(
            document,
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.DataclassesDataclass,
            custom_template_dir=TEMPLATES,
            target_python_version=PythonVersion.PY_311,
            enum_field_as_literal=LiteralType.All,
            use_union_operator=True,
            use_standard_collections=True,
            use_type_alias=True,
            use_schema_description=True,
            use_field_description=True,
            disable_timestamp=True,
            keyword_only=True,
            frozen_dataclasses=True,
            formatters=[],
            disable_future_imports=True,
            base_class_map=dict(plan.bases),
            additional_imports=["attrs", "typing.Required", "typing.TypedDict"],
            custom_file_header="# header",
        )
    problems = [str(w.message) for w in caught if not issubclass(w.category, DeprecationWarning)]
    if problems:
        raise SpecError("datamodel-code-generator: " + "; ".join(problems))
    if not isinstance(output, str):
        raise SpecError("datamodel-code-generator returned several modules")
    return output


def _typed_dicts(spec: Spec, plan: ModelPlan) -> str:
    typer = Typer(spec, dicts_only=True)
    chunks: list[str] = []
    for name in plan.param_objects:
        schema = spec.schema(name)
        required = set(cast("list[str]", schema.get("required", [])))
        summary = f"`{name}` as a plain dict. {_doc(schema.get('description') or '')}".strip()
        lines = [f"class {name}Dict(TypedDict, total=False):", f'    """{summary}"""', ""]
        for prop_name, prop in as_map(schema.get("properties")).items():
            annotation = typer.annotation(as_map(prop), f"{name}.{prop_name}")
            if prop_name in required:
                annotation = f"Required[{annotation}]"
            lines.append(f"    {prop_name}: {annotation}")
            description = as_map(prop).get("description")
            if description:
                lines.append(f'    """{_doc(description)}"""')
        chunks.append("\n".join(lines))
    return "\n\n\n".join(chunks)


def _doc(text: object) -> str:
    return " ".join(str(text).split()).replace("\\", "\\\\").replace('"""', "'''")


def _check_names(source: str, spec: Spec, plan: ModelPlan) -> list[str]:
    """Class and field names must be the spec's own; returns the module's public names."""
    tree = ast.parse(source)
    defined: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            defined[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined[node.target.id] = node
    expected = set(plan.names) | {f"{n}Dict" for n in plan.param_objects}
    if set(defined) != expected:
        extra = sorted(set(defined) - expected)
        missing = sorted(expected - set(defined))
        raise SpecError(f"generated names differ from the spec: extra {extra}, missing {missing}")
    for name in plan.objects:
        node = defined[name]
        assert isinstance(node, ast.ClassDef)
        fields = [
            s.target.id
            for s in node.body
            if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
        ]
        properties = list(as_map(spec.schema(name).get("properties")))
        if sorted(fields) != sorted(properties):
            raise SpecError(f"{name}: field names {fields} differ from properties {properties}")
    return sorted(defined)


def render_models(spec: Spec, plan: ModelPlan, *, header: str) -> str:
    """The source of models.py (before formatting)."""
    output = _run_generator(spec, plan)
    lines = output.splitlines()
    body = [
        line
        for line in lines
        if line.strip() not in ("# header", "from dataclasses import dataclass")
    ]
    source = "\n".join(body).strip("\n")
    typed_dicts = _typed_dicts(spec, plan)
    if typed_dicts:
        source += "\n\n\n" + typed_dicts
    public = _check_names(source, spec, plan)
    exports = "".join(f"    {name!r},\n" for name in public)
    docstring = '"""Models and type aliases of the spec\'s schemas."""'
    return f"{header}\n{docstring}\n\n{source}\n\n__all__ = [\n{exports}]\n"
