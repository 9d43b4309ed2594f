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
from ._operations import BYTES_RESPONSE, Operation, build_operations, check_unique
from ._spec import CAPABILITIES_FILE, SPEC_FILE, Spec, as_map, load_spec
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
            "RequestOptions",
            "ValidationMode",
        )
    },
}
TYPING_ONLY_IMPORTS: Mapping[str, str] = {
    "SyncAPIClient": f"{PACKAGE}._base_client",
    "AsyncAPIClient": f"{PACKAGE}._base_client",
    "APIResponse": f"{PACKAGE}._response",
    "AsyncAPIResponse": f"{PACKAGE}._response",
    "ResponseContextManager": f"{PACKAGE}._response",
    "AsyncResponseContextManager": f"{PACKAGE}._response",
    "Stream": f"{PACKAGE}._streaming",
    "AsyncStream": f"{PACKAGE}._streaming",
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

    def __getattr__(self, name: str) -> object:
        return getattr(self.op, name)


@attrs.frozen(kw_only=True)
class Flavour:
    """One generated class: sync or async, answering parsed, raw or streaming."""

    resource_class: str
    is_async: bool
    mode: str
    description: str = ""

    @property
    def class_name(self) -> str:
        prefix = "Async" if self.is_async else ""
        suffix = {"parsed": "", "raw": "WithRawResponse", "streaming": "WithStreamingResponse"}
        return f"{prefix}{self.resource_class}{suffix[self.mode]}"

    @property
    def raw_class(self) -> str:
        return attrs.evolve(self, mode="raw").class_name

    @property
    def streaming_class(self) -> str:
        return attrs.evolve(self, mode="streaming").class_name

    @property
    def client_type(self) -> str:
        return "AsyncAPIClient" if self.is_async else "SyncAPIClient"

    @property
    def class_doc(self) -> str:
        kind = "asynchronous" if self.is_async else "synchronous"
        if self.mode == "parsed":
            what = self.description.rstrip(".") or f"The {self.resource_class.lower()} operations"
            return f"{what} ({kind})."
        answer = "whole HTTP responses" if self.mode == "raw" else "unread HTTP responses"
        return f"The {self.resource_class.lower()} operations ({kind}), answering with {answer}."

    def wrap(self, result: str) -> str:
        """The return annotation for a parsed `result` (`A | B` maps member-wise)."""
        if " | " in result and self.mode != "parsed":
            return " | ".join(self.wrap(member) for member in result.split(" | "))
        if self.is_async:
            result = result.replace("Stream[", "AsyncStream[")
        response = "AsyncAPIResponse" if self.is_async else "APIResponse"
        if self.mode == "raw":
            return f"{response}[{result}]"
        if self.mode == "streaming":
            manager = "AsyncResponseContextManager" if self.is_async else "ResponseContextManager"
            return f"{manager}[{response}[{result}]]"
        return result

    def docstring(self, view: OperationView) -> str:
        """The method docstring, quotes included."""
        if self.mode != "parsed":
            what = "the whole HTTP response" if self.mode == "raw" else "the unread HTTP response"
            return (
                f'"""Like `{self.resource_class}.{view.op.method_name}`, answering with {what}."""'
            )
        return _method_docstring(view.op)


def _method_docstring(op: Operation) -> str:
    width = 92
    lines = [_doc(op.summary or op.operation_id)]
    if op.deprecated:
        lines += ["", "Deprecated."]
    if op.description:
        lines += ["", *textwrap.wrap(_doc(op.description), width)]
    lines += ["", "Args:"]
    for param in op.params:
        text = _doc(param.description) or "See the API reference."
        if param.deprecated:
            text = f"Deprecated. {text}"
        lines += textwrap.wrap(
            f"{param.name}: {text}", width, initial_indent="    ", subsequent_indent="        "
        )
    return '"""' + "\n".join(lines) + '\n"""'


def _view(op: Operation) -> OperationView:
    stream = op.stream_param
    if stream is None or op.stream_event_type is None:
        return OperationView(
            op=op, overloads=(), stream_impl_annotation=None, result_union=op.response_type
        )
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
    models = sorted(n for n in model_names if n in used)
    if models:
        lines.append(f"from .models import {', '.join(models)}")
    lines.append(f"from .operations import {', '.join(sorted(c for c in constants if c in used))}")
    typing_only: dict[str, list[str]] = {}
    for name, module in TYPING_ONLY_IMPORTS.items():
        if name in used:
            typing_only.setdefault(module, []).append(name)
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
    for name in dict.fromkeys(op.resource for op in operations):
        resource_class = "".join(part.capitalize() for part in name.split("_"))
        flavours = [
            Flavour(
                resource_class=resource_class,
                is_async=is_async,
                mode=mode,
                description=docs.get(name, ""),
            )
            for is_async in (False, True)
            for mode in ("parsed", "raw", "streaming")
        ]
        class_names += [f.class_name for f in flavours]
        views = [_view(op) for op in operations if op.resource == name]
        methods = ", ".join(op.method_name for op in operations if op.resource == name)
        resources.append(
            {
                "name": name,
                "class_name": resource_class,
                "property_doc": f"The {name.replace('_', ' ')} operations: {methods}.",
                "operations": views,
                "flavours": flavours,
            }
        )
    class_names += ["ClientResources", "AsyncClientResources"]
    body = env.get_template("resources.py.jinja2").render(resources=resources)
    names = [*plan.names, *(f"{n}Dict" for n in plan.param_objects)]
    imports = _resources_imports(body, names, [op.constant for op in operations])
    docstring = (
        '"""Resource classes with one method per operation (generated sync and async twins)."""'
    )
    preamble = f"{header}\n{docstring}\n\nfrom __future__ import annotations\n\n{imports}\n"
    exports = "".join(f"    {n!r},\n" for n in sorted(class_names))
    return f"{preamble}\n__all__ = [\n{exports}]\n{body}"


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
    model_imports = sorted(
        {op.response_type for op in operations if op.response_type != BYTES_RESPONSE}
        | {op.stream_event_type for op in operations if op.stream_event_type}
    )
    sources = {
        "__init__.py": (
            f'{header}\n"""Code generated from spec/: models, operation descriptors, resources."""\n\n'
            f'__all__ = ["SPEC_SHA256"]\n\nSPEC_SHA256 = "{spec.sha256}"\n'
            '"""sha256 of the spec files this package was generated from."""\n'
        ),
        "models.py": render_models(spec, plan, header=header),
        "operations.py": env.get_template("operations.py.jinja2").render(
            header=header, operations=operations, model_imports=model_imports
        ),
        "resources.py": _render_resources(env, spec, operations, plan, header),
    }
    files = {name: format_source(text, name) for name, text in sources.items()}
    capabilities: object = spec.capabilities if spec.capabilities is not None else {}
    files["capabilities.json"] = (
        json.dumps(capabilities, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    )
    files["SPEC_HASH"] = spec.sha256 + "\n"
    files[SURFACE_FILE] = render_surface(surface(spec, operations, plan))
    return dict(sorted(files.items()))
