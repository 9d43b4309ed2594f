"""Rendering the generated package: headers, templates, imports, ruff formatting."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import cast

import attrs
import jinja2

from ._models import ModelPlan, plan_models, render_models
from ._operations import Operation, build_operations, check_unique
from ._spec import (
    CAPABILITIES_FILE,
    SPEC_FILE,
    Spec,
    SpecError,
    as_map,
    load_spec,
    ref_name,
    status_response,
)
from ._surface import SURFACE_FILE, render_surface, surface

__all__ = ["REPO", "generate_files"]

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).parent / "templates"
PACKAGE = "openai_images_sdk"

# name -> the import that provides it, for names the resources module may use.
RESOURCE_IMPORTS: Mapping[str, tuple[str, str | None]] = {
    "functools": ("functools", None),
    "httpx": ("httpx", None),
    "Sequence": ("collections.abc", "Sequence"),
    "Literal": ("typing", "Literal"),
    "cast": ("typing", "cast"),
    "ClassVar": ("typing", "ClassVar"),
    "overload": ("typing", "overload"),
    **{
        name: (f"{PACKAGE}._types", name)
        for name in (
            "NOT_GIVEN",
            "Body",
            "FileTypes",
            "Headers",
            "NotGiven",
            "Query",
            "ValidationMode",
        )
    },
    **{
        name: (f"{PACKAGE}._resource", name)
        for name in ("AsyncAPIResource", "SyncAPIResource", "documented")
    },
    **{
        name: (f"{PACKAGE}._wrappers", name)
        for name in (
            "async_to_raw_response_wrapper",
            "async_to_streamed_response_wrapper",
            "to_raw_response_wrapper",
            "to_streamed_response_wrapper",
        )
    },
}
TYPING_ONLY_IMPORTS: Mapping[str, str] = {
    "SyncAPIClient": f"{PACKAGE}._sync.transport",
    "AsyncAPIClient": f"{PACKAGE}._async.transport",
    "Stream": f"{PACKAGE}._streaming",
    "AsyncStream": f"{PACKAGE}._streaming",
    "AsyncCursorPage": f"{PACKAGE}._pagination",
    "AsyncPaginator": f"{PACKAGE}._pagination",
    "SyncCursorPage": f"{PACKAGE}._pagination",
}


def _doc(text: object) -> str:
    """Text safe inside a triple-quoted docstring."""
    return " ".join(str(text).split()).replace("\\", "\\\\").replace('"""', "'''")


def _py(value: object) -> str:
    """A Python literal, with double quotes as the formatter would write them."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        items = [_py(v) for v in cast("tuple[object, ...]", value)]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return repr(value)


@attrs.frozen(kw_only=True)
class Overload:
    """One `typing.overload` of a streaming operation."""

    annotation: str
    default: bool
    result: str


@attrs.frozen(kw_only=True)
class OperationView:
    """An operation plus what the resources template derives from it."""

    op: Operation
    overloads: tuple[Overload, ...]
    stream_impl_annotation: str | None
    result_union: str
    page_item: str | None = None
    """The item model of an ``x-pagination: cursor`` operation."""

    @property
    def docstring(self) -> str:
        """The method docstring, quotes included."""
        return _method_docstring(self.op)

    @property
    def param_docs(self) -> dict[str, str]:
        return _param_docs(self.op)

    def __getattr__(self, name: str) -> object:
        return getattr(self.op, name)


@attrs.frozen(kw_only=True)
class Kind:
    """The sync or the async side of the generated resources."""

    is_async: bool

    @property
    def prefix(self) -> str:
        return "Async" if self.is_async else ""

    @property
    def wrapper_prefix(self) -> str:
        return "async_" if self.is_async else ""

    @property
    def base(self) -> str:
        return "AsyncAPIResource" if self.is_async else "SyncAPIResource"

    @property
    def client_type(self) -> str:
        return "AsyncAPIClient" if self.is_async else "SyncAPIClient"

    def class_doc(self, resource: Mapping[str, object]) -> str:
        kind = "asynchronous" if self.is_async else "synchronous"
        what = str(resource["description"]).rstrip(".") or f"The {resource['name']} operations"
        return f"{what} ({kind})."

    def result(self, result: str) -> str:
        """The answer annotation of a method returning `result` on this side."""
        return result.replace("Stream[", "AsyncStream[") if self.is_async else result

    def answer(self, view: OperationView) -> str:
        """The annotation of what the method returns (a page for a paged list)."""
        item = view.page_item
        if item is None:
            return self.result(view.result_union)
        if self.is_async:
            return f"AsyncPaginator[{item}, AsyncCursorPage[{item}]]"
        return f"SyncCursorPage[{item}]"

    def def_(self, view: OperationView) -> str:
        """``async def`` for an async method, except a paged list's (it gives a paginator)."""
        return "async def" if self.is_async and view.page_item is None else "def"

    def call(self, view: OperationView) -> str:
        """How the method hands its arguments over."""
        if view.page_item is not None:
            return f"self._call_pages({view.op.constant}, locals())"
        awaited = "await " if self.is_async else ""
        return f"{awaited}self._call({view.op.constant}, locals())"


def _method_docstring(op: Operation) -> str:
    """The static docstring: what the operation does (the parameters go to `docs.py`)."""
    width = 92
    lines = [_doc(op.summary or op.operation_id)]
    if op.deprecated:
        lines += ["", "Deprecated."]
    if op.description:
        lines += ["", *textwrap.wrap(_doc(op.description), width)]
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    return '"""' + "\n".join(lines) + '\n"""'


def _param_docs(op: Operation) -> dict[str, str]:
    """Parameter name -> description, for the `Args:` section `documented` adds."""
    docs: dict[str, str] = {}
    for param in op.params:
        text = " ".join(str(param.description).split()) or "See the API reference."
        docs[param.name] = f"Deprecated. {text}" if param.deprecated else text
    return docs


def _view(op: Operation, page_item: str | None = None) -> OperationView:
    stream = op.stream_param
    if stream is None or op.stream_event_type is None:
        return OperationView(
            op=op,
            overloads=(),
            stream_impl_annotation=None,
            result_union=op.response_type,
            page_item=page_item,
        )
    if page_item is not None:
        raise SpecError(f"{op.operation_id}: a paged list cannot stream")
    plain = op.response_type
    streamed = f"Stream[{op.stream_event_type}]"
    either = f"{plain} | {streamed}"
    nullable = "None" in stream.annotation.split(" | ")
    false_annotation = (
        "Literal[False] | None | NotGiven" if nullable else "Literal[False] | NotGiven"
    )
    return OperationView(
        op=op,
        overloads=(
            Overload(annotation=false_annotation, default=True, result=plain),
            Overload(annotation="Literal[True]", default=False, result=streamed),
            Overload(annotation="bool", default=False, result=either),
        ),
        stream_impl_annotation=f"{stream.annotation} | NotGiven",
        result_union=either,
    )


def _page_items(spec: Spec) -> dict[str, str]:
    """operationId -> item model, for each operation marked ``x-pagination: cursor``.

    Such an operation takes the query parameter ``after`` and answers with an object
    whose ``data`` is an array of items with an ``id``, plus ``has_more``.
    """
    found: dict[str, str] = {}
    for path, path_item in as_map(spec.document.get("paths")).items():
        for method, value in as_map(path_item).items():
            operation = as_map(value)
            style = operation.get("x-pagination")
            if style is None:
                continue
            where = f"{str(method).upper()} {path}"
            if style != "cursor":
                raise SpecError(f"{where}: x-pagination {style!r} is not 'cursor'")
            names = {
                str(p.get("name")) for p in map(as_map, operation.get("parameters") or [])
                if p.get("in") == "query"
            }  # fmt: skip
            if "after" not in names:
                raise SpecError(f"{where}: x-pagination cursor needs a query parameter `after`")
            content = as_map(
                status_response(as_map(operation.get("responses")), 200).get("content")
            )
            body = spec.resolve(as_map(as_map(content.get("application/json")).get("schema")))
            properties = as_map(body.get("properties"))
            items = as_map(as_map(properties.get("data")).get("items"))
            item = ref_name(items)
            item_fields = as_map(spec.resolve(items).get("properties"))
            if "has_more" not in properties or item is None or "id" not in item_fields:
                raise SpecError(
                    f"{where}: x-pagination cursor needs an answer with `has_more` and `data`, "
                    "an array of $ref items that have an `id`"
                )
            found[str(operation.get("operationId"))] = item
    return found


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # the output is Python source, not HTML
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["py"] = _py
    env.filters["doc"] = _doc
    return env


def _used_names(source: str) -> set[str]:
    """Names the code uses, including inside string annotations and casts."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "cast":
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names |= _used_names(first.value)
    return names


def _resources_imports(body: str, model_names: Sequence[str], constants: Sequence[str]) -> str:
    used = _used_names(body)
    runtime: dict[str, list[str]] = {}
    plain: list[str] = []
    for name, (module, member) in RESOURCE_IMPORTS.items():
        if name in used:
            if member is None:
                plain.append(f"import {module}")
            else:
                runtime.setdefault(module, []).append(member)
    lines = [*plain, "from typing import TYPE_CHECKING"]
    lines += [
        f"from {module} import {', '.join(sorted(names))}" for module, names in runtime.items()
    ]
    if "docs" in used:
        lines.append("from . import docs")
    lines.append(f"from .operations import {', '.join(sorted(c for c in constants if c in used))}")
    # the annotations and casts are strings: the models load with the first call, not here
    typing_only: dict[str, list[str]] = {}
    for name in model_names:
        if name in used:
            typing_only.setdefault(".models", []).append(name)
    for name, module in TYPING_ONLY_IMPORTS.items():
        if name in used:
            typing_only.setdefault(module, []).append(name)
    if typing_only:
        lines.append("\nif TYPE_CHECKING:")
        lines += [f"    from {m} import {', '.join(sorted(n))}" for m, n in typing_only.items()]
    return "\n".join(lines)


def _resource_docs(spec: Spec) -> dict[str, str]:
    return {
        str(tag.get("x-python-resource")): str(tag.get("description", ""))
        for tag in map(as_map, spec.document.get("tags") or [])
        if tag.get("x-python-resource")
    }


def _render_resources(
    env: jinja2.Environment,
    spec: Spec,
    operations: Sequence[Operation],
    plan: ModelPlan,
    header: str,
) -> str:
    resources: list[dict[str, object]] = []
    class_names: list[str] = []
    docs = _resource_docs(spec)
    pages = _page_items(spec)
    kinds = (Kind(is_async=False), Kind(is_async=True))
    for name in dict.fromkeys(op.resource for op in operations):
        resource_class = "".join(part.capitalize() for part in name.split("_"))
        class_names += [
            f"{kind.prefix}{resource_class}{suffix}"
            for kind in kinds
            for suffix in ("", "WithRawResponse", "WithStreamingResponse")
        ]
        views = [_view(op, pages.get(op.operation_id)) for op in operations if op.resource == name]
        methods = ", ".join(op.method_name for op in operations if op.resource == name)
        resources.append(
            {
                "name": name,
                "class_name": resource_class,
                "description": docs.get(name, ""),
                "property_doc": f"The {name.replace('_', ' ')} operations: {methods}.",
                "operations": views,
            }
        )
    class_names += ["ClientResources", "AsyncClientResources"]
    body = env.get_template("resources.py.jinja2").render(resources=resources, kinds=kinds)
    names = [*plan.names, *(f"{n}Dict" for n in plan.param_objects)]
    imports = _resources_imports(body, names, [op.constant for op in operations])
    docstring = (
        '"""Resource classes with one method per operation (generated sync and async twins)."""'
    )
    preamble = f"{header}\n{docstring}\n\nfrom __future__ import annotations\n\n{imports}\n"
    exports = "".join(f"    {n!r},\n" for n in sorted(class_names))
    return f"{preamble}\n__all__ = [\n{exports}]\n{body}"


def _render_docs(env: jinja2.Environment, operations: Sequence[Operation], header: str) -> str:
    views = [_view(op) for op in operations if op.params]
    return env.get_template("docs.py.jinja2").render(header=header, operations=views)


def _header(spec: Spec) -> str:
    sources = [f"spec/{SPEC_FILE}"]
    if spec.capabilities is not None:
        sources.append(f"spec/{CAPABILITIES_FILE}")
    return (
        f"# Generated from {' and '.join(sources)} by `python -m codegen`; do not edit by hand.\n"
        f"# spec sha256: {spec.sha256}"
    )


def _ruff() -> list[str]:
    local = Path(sys.executable).parent / "ruff"
    if local.exists():
        return [str(local)]
    found = shutil.which("ruff")
    return [found] if found else [sys.executable, "-m", "ruff"]


def format_source(source: str, filename: str) -> str:
    """Sort imports and format like `ruff check --select I --fix` and `ruff format` would."""
    config = ["--config", str(REPO / "pyproject.toml")]
    stdin = ["--stdin-filename", str(REPO / PACKAGE / "_generated" / filename)]
    for args in (
        ["check", "--fix", "--select", "I", "--exit-zero", "--quiet", *config, *stdin, "-"],
        ["format", "--quiet", *config, *stdin, "-"],
    ):
        result = subprocess.run(
            [*_ruff(), *args], input=source, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"ruff {args[0]} failed on {filename}:\n{result.stderr}")
        source = result.stdout
    return source


def generate_files(spec_dir: Path) -> dict[str, str]:
    """Every generated file (name -> content) for the spec in `spec_dir`."""
    spec = load_spec(spec_dir)
    plan = plan_models(spec)
    operations = build_operations(spec)
    check_unique(operations)
    header = _header(spec)
    env = _environment()
    sources = {
        "__init__.py": (
            f'{header}\n"""Code generated from spec/: models, operation descriptors, resources."""\n\n'
            f'__all__ = ["SPEC_SHA256"]\n\nSPEC_SHA256 = "{spec.sha256}"\n'
            '"""sha256 of the spec files this package was generated from."""\n'
        ),
        "models.py": render_models(spec, plan, header=header),
        "operations.py": env.get_template("operations.py.jinja2").render(
            header=header, operations=operations
        ),
        "resources.py": _render_resources(env, spec, operations, plan, header),
        "docs.py": _render_docs(env, operations, header),
    }
    files = {name: format_source(text, name) for name, text in sources.items()}
    capabilities: object = spec.capabilities if spec.capabilities is not None else {}
    files["capabilities.json"] = (
        json.dumps(capabilities, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    )
    files["SPEC_HASH"] = spec.sha256 + "\n"
    files[SURFACE_FILE] = render_surface(surface(spec, operations, plan))
    return dict(sorted(files.items()))
