"""The operations of the spec as the templates need them: fields, parameters, result types."""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping, Sequence
from typing import cast

import attrs

from ._spec import Schema, Spec, SpecError, as_map, ref_name, status_response

__all__ = [
    "BYTES_RESPONSE",
    "FieldInfo",
    "Operation",
    "Param",
    "Typer",
    "build_operations",
    "check_unique",
    "request_body_schemas",
    "split_union",
    "unique",
]

BODY_KINDS: Mapping[str, str] = {
    "application/json": "json",
    "multipart/form-data": "multipart",
}
VALUE_KINDS = frozenset(
    {"string", "integer", "number", "boolean", "object", "array", "file", "null"}
)
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
RESERVED_PARAMS = frozenset(
    {"self", "extra_headers", "extra_query", "extra_body", "timeout", "validation"}
)
SCALARS: Mapping[str, str] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
}
MULTIPART_STYLES = frozenset({"brackets", "json"})
URL_PARAM_LOCATIONS = frozenset({"path", "query"})
BYTES_RESPONSE = "bytes"
"""The response type of an operation that answers with a file's bytes."""


@attrs.frozen(kw_only=True)
class FieldInfo:
    """One `FieldSpec` to emit (the keyword arguments of its constructor, in order)."""

    name: str
    python_name: str
    bodies: tuple[str, ...]
    required: bool
    kinds: tuple[str, ...]
    extras: tuple[tuple[str, object], ...]
    """Optional FieldSpec arguments that differ from their defaults."""
    multipart: tuple[tuple[str, object], ...]
    """``multipart_array_name`` / ``multipart_style``, read from the multipart variant only."""
    description: str = ""
    """Not a rule: body variants whose descriptions differ still share one FieldSpec."""
    fields: tuple[FieldInfo, ...] = ()
    """The properties of an object value (or of each item of an array of objects)."""

    def same_rules(self, other: FieldInfo) -> bool:
        """Whether two body variants of a field can share one FieldSpec."""
        mine = (self.name, self.python_name, self.required, self.kinds, self.extras)
        theirs = (other.name, other.python_name, other.required, other.kinds, other.extras)
        return mine == theirs and self.fields == other.fields

    def arguments(self) -> list[tuple[str, object]]:
        """`FieldSpec(...)` keyword arguments; ``fields`` holds FieldInfos (the template
        prints them as nested FieldSpecs)."""
        return [
            ("name", self.name),
            ("python_name", self.python_name),
            ("bodies", self.bodies),
            ("required", self.required),
            ("kinds", self.kinds),
            *self.extras,
            *self.multipart,
            *([("description", self.description)] if self.description else []),
            *([("fields", self.fields)] if self.fields else []),
        ]


@attrs.frozen(kw_only=True)
class Param:
    """One keyword argument of a generated method."""

    name: str
    annotation: str
    required: bool
    description: str
    deprecated: bool
    positional: bool = False
    """A path parameter: also taken by position (``files.retrieve("file-1")``), as in the
    official SDK."""


@attrs.frozen(kw_only=True)
class Operation:
    """One operation with everything the operations and resources templates print."""

    operation_id: str
    constant: str
    method_name: str
    resource: str
    http_method: str
    path: str
    bodies: tuple[str, ...]
    fields: tuple[FieldInfo, ...]
    params: tuple[Param, ...]
    response_type: str
    stream_event_type: str | None
    capability_key: str
    deprecated: bool
    summary: str
    description: str

    @property
    def stream_param(self) -> Param | None:
        """The `stream` argument when the operation can answer with server-sent events."""
        if self.stream_event_type is None:
            return None
        return next((p for p in self.params if p.name == "stream"), None)


def constant_name(operation_id: str) -> str:
    """`createImageEdit` -> `CREATE_IMAGE_EDIT`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", operation_id).upper()


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


class Typer:
    """Python annotations for request fields, from their schemas.

    A nested object is typed as its TypedDict (``<Name>Dict``) and, unless `dicts_only`,
    also as its attrs model.
    """

    def __init__(self, spec: Spec, *, dicts_only: bool = False) -> None:
        self.spec = spec
        self.dicts_only = dicts_only

    def annotation(self, schema: Schema, where: str) -> str:
        """The annotation text of one field."""
        return " | ".join(unique(self.members(schema, where)))

    def members(self, schema: Schema, where: str) -> list[str]:
        name = ref_name(schema)
        if name is not None:
            target = self.spec.schema(name)
            if self.spec.is_object(target):
                return [f"{name}Dict"] if self.dicts_only else [f"{name}Dict", name]
            return [name]
        alternatives = schema.get("anyOf") or schema.get("oneOf")
        if alternatives:
            found: list[str] = []
            for branch in cast("list[Schema]", alternatives):
                found.extend(self.members(branch, where))
            return found
        types = schema.get("type")
        if isinstance(types, list):
            return [
                m
                for t in cast("list[str]", types)
                for m in self.members({**schema, "type": t}, where)
            ]
        if types == "array":
            items = " | ".join(unique(self.members(as_map(schema.get("items")), where)))
            return [f"Sequence[{items}]"]
        if types == "object" or "properties" in schema:
            raise SpecError(f"{where}: inline object; move it to components/schemas")
        if "enum" in schema:
            values = cast("list[object]", schema["enum"])
            if len(values) != 1:
                raise SpecError(f"{where}: inline enum; move it to components/schemas")
            return [f"Literal[{values[0]!r}]"]
        if types == "string" and schema.get("format") == "binary":
            return ["FileTypes"]
        if isinstance(types, str) and types in SCALARS:
            return [SCALARS[types]]
        raise SpecError(f"{where}: cannot type {dict(schema)!r}")


def split_union(text: str) -> list[str]:
    """`A | Sequence[B | C]` -> `["A", "Sequence[B | C]"]` (splits at bracket depth 0)."""
    parts: list[str] = []
    depth = start = 0
    for index, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0 and text.startswith(" | ", index):
            parts.append(text[start:index])
            start = index + 3
    parts.append(text[start:])
    return parts


def unique(members: Sequence[str]) -> list[str]:
    """Union members without repeats, `None` last, and all `Sequence[...]` members as one.

    One sequence keeps type checkers able to read a list of dict literals as TypedDicts.
    """
    seen: list[str] = []
    items: list[str] = []
    for member in members:
        if member.startswith("Sequence[") and member.endswith("]"):
            if not items:
                seen.append("Sequence[]")
            items.extend(i for i in split_union(member[9:-1]) if i not in items)
        elif member not in seen:
            seen.append(member)
    if items:
        seen[seen.index("Sequence[]")] = f"Sequence[{' | '.join(items)}]"
    if "None" in seen:
        seen.remove("None")
        seen.append("None")
    return seen


def _object_model(spec: Spec, schema: Schema) -> str | None:
    """The component name of the object a field holds, or of each item of its array."""
    name = ref_name(schema)
    if name is not None:
        target = spec.schema(name)
        return name if spec.is_object(target) else _object_model(spec, target)
    for branch in cast("list[Schema]", schema.get("anyOf") or schema.get("oneOf") or []):
        if (found := _object_model(spec, branch)) is not None:
            return found
    if schema.get("type") == "array":
        return _object_model(spec, as_map(schema.get("items")))
    return None


def _nested_fields(
    spec: Spec, model: str, where: str, seen: tuple[str, ...]
) -> tuple[FieldInfo, ...]:
    if model in seen:
        raise SpecError(f"{where}: {model} contains itself; the CLI cannot list its fields")
    target = spec.schema(model)
    required = set(cast("list[str]", target.get("required", [])))
    return tuple(
        _field(
            spec,
            str(prop_name),
            as_map(prop),
            body=None,
            required=prop_name in required,
            nested=(*seen, model),
        )
        for prop_name, prop in as_map(target.get("properties")).items()
    )


def _field(
    spec: Spec,
    name: str,
    schema: Schema,
    *,
    body: str | None,
    required: bool,
    nested: tuple[str, ...] = (),
) -> FieldInfo:
    """One field of a request body, or (`body` None) a path or query parameter, or (with
    `nested`, the object models it sits in) a property of an object field."""
    where = f"{body} field {name}" if body else f"parameter {name}"
    if nested:
        where = f"{'.'.join(nested)}.{name}"
    python_name = str(schema.get("x-python-name", name))
    if not python_name.isidentifier() or keyword.iskeyword(python_name):
        raise SpecError(f"{where}: {python_name!r} is not a Python name; set x-python-name")
    if python_name in RESERVED_PARAMS and not nested:
        raise SpecError(f"{where}: {python_name!r} clashes with a per-call option")
    kinds = spec.kinds(schema)
    if unknown := set(kinds) - VALUE_KINDS:
        raise SpecError(f"{where}: unsupported type {sorted(unknown)}")
    extras: list[tuple[str, object]] = []
    values = spec.value_set(schema)
    if values is not None and not values.open:
        extras.append(("enum", values.values))
    if values is not None and values.open:
        extras.append(("known_values", tuple(str(v) for v in values.values)))
    for key, arg in (
        ("minimum", "minimum"),
        ("maximum", "maximum"),
        ("minLength", "min_length"),
        ("maxLength", "max_length"),
        ("minItems", "min_items"),
        ("maxItems", "max_items"),
    ):
        limit = spec.limit(schema, key)
        if limit is not None:
            extras.append((arg, limit))
    pattern = spec.limit(schema, "pattern")
    if isinstance(pattern, str):
        extras.append(("pattern", pattern))
        rule = spec.limit(schema, "x-pattern-rule")
        extras.append(("pattern_rule", str(rule or f"must match the pattern {pattern!r}")))
    if schema.get("deprecated") is True:
        extras.append(("deprecated", True))
    default = spec.limit(schema, "default")
    if isinstance(default, str | int | float | bool):
        extras.append(("default", default))
    model = _object_model(spec, schema)
    fields: tuple[FieldInfo, ...] = ()
    if model is not None:
        extras.append(("model", model))
        fields = _nested_fields(spec, model, where, nested)
    multipart: list[tuple[str, object]] = []
    if body == "multipart":
        if array_name := schema.get("x-multipart-array-name"):
            multipart.append(("multipart_array_name", str(array_name)))
        if style := schema.get("x-multipart-style"):
            if style not in MULTIPART_STYLES:
                raise SpecError(
                    f"{where}: x-multipart-style must be one of {sorted(MULTIPART_STYLES)}"
                )
            multipart.append(("multipart_style", str(style)))
    return FieldInfo(
        name=name,
        python_name=python_name,
        bodies=(body,) if body else (),
        required=required,
        kinds=kinds,
        extras=tuple(extras),
        multipart=tuple(multipart),
        description=_text(schema.get("description") or spec.resolve(schema).get("description")),
        fields=fields,
    )


def _merge_fields(per_body: Sequence[Sequence[FieldInfo]]) -> tuple[FieldInfo, ...]:
    """One FieldSpec per field, shared by the bodies whose variants agree."""
    merged: list[FieldInfo] = []
    for fields in per_body:
        for info in fields:
            twin = next((m for m in merged if m.same_rules(info)), None)
            if twin is None:
                sibling = max(
                    (i for i, m in enumerate(merged) if m.python_name == info.python_name),
                    default=len(merged) - 1,
                )
                merged.insert(sibling + 1, info)
                continue
            index = merged.index(twin)
            merged[index] = attrs.evolve(
                twin,
                bodies=(*twin.bodies, *info.bodies),
                multipart=twin.multipart or info.multipart,
            )
    return tuple(merged)


def _url_params(spec: Spec, url_params: Sequence[Schema], operation_id: str) -> list[Param]:
    typer = Typer(spec)
    return [
        Param(
            name=str(param["name"]),
            annotation=typer.annotation(
                as_map(param.get("schema")), f"{operation_id} parameter {param['name']}"
            ),
            required=param.get("required") is True,
            description=_text(param.get("description")),
            deprecated=param.get("deprecated") is True,
            positional=param.get("in") == "path",
        )
        for param in url_params
    ]


def _params(
    spec: Spec,
    bodies: Sequence[tuple[str, Schema]],
    operation_id: str,
    url_params: Sequence[Schema] = (),
) -> tuple[Param, ...]:
    typer = Typer(spec)
    order: list[str] = []
    members: dict[str, list[str]] = {}
    required_in: dict[str, set[str]] = {}
    described: dict[str, str] = {}
    deprecated: dict[str, bool] = {}
    for body, schema in bodies:
        required = set(cast("list[str]", schema.get("required", [])))
        for name, raw in as_map(schema.get("properties")).items():
            prop = as_map(raw)
            python_name = str(prop.get("x-python-name", name))
            if python_name not in order:
                order.append(python_name)
            where = f"{operation_id} {body} field {name}"
            members.setdefault(python_name, []).extend(typer.members(prop, where))
            if name in required:
                required_in.setdefault(python_name, set()).add(body)
            description = _text(prop.get("description") or spec.resolve(prop).get("description"))
            described.setdefault(python_name, description)
            deprecated[python_name] = (
                deprecated.get(python_name, True) and prop.get("deprecated") is True
            )
    all_bodies = {body for body, _ in bodies}
    params = [
        Param(
            name=name,
            annotation=" | ".join(unique(members[name])),
            required=required_in.get(name, set()) == all_bodies,
            description=described[name],
            deprecated=deprecated[name],
        )
        for name in order
    ]
    params = _url_params(spec, url_params, operation_id) + params
    return tuple(sorted(params, key=lambda p: not p.required))


def _is_binary(content: Schema) -> bool:
    """Whether a 200 response is one non-JSON media type whose schema is binary."""
    if len(content) != 1 or "application/json" in content:
        return False
    schema = as_map(as_map(next(iter(content.values()))).get("schema"))
    return schema.get("type") == "string" and schema.get("format") == "binary"


def _response_refs(operation: Schema, where: str) -> tuple[str, str | None]:
    responses = as_map(operation.get("responses"))
    ok = status_response(responses, 200)
    content = as_map(ok.get("content"))
    if _is_binary(content):
        return BYTES_RESPONSE, None
    json_name = ref_name(as_map(as_map(content.get("application/json")).get("schema")))
    if json_name is None:
        raise SpecError(
            f"{where}: the 200 response must be application/json with a $ref, "
            "or one media type with a binary string schema"
        )
    stream = as_map(content.get("text/event-stream"))
    stream_name = ref_name(as_map(stream.get("schema"))) if stream else None
    if stream and stream_name is None:
        raise SpecError(f"{where}: the text/event-stream schema must be a $ref to a union")
    return json_name, stream_name


def request_body_schemas(spec: Spec) -> list[str]:
    """Names of the component schemas used as whole request bodies."""
    names: list[str] = []
    for _path, _method, operation in _iter_operations(spec):
        content = as_map(as_map(operation.get("requestBody")).get("content"))
        for media in content.values():
            name = ref_name(as_map(as_map(media).get("schema")))
            if name is not None and name not in names:
                names.append(name)
    return names


def _iter_operations(spec: Spec) -> list[tuple[str, str, Schema]]:
    found: list[tuple[str, str, Schema]] = []
    for path, item in as_map(spec.document.get("paths")).items():
        for method in HTTP_METHODS:
            if method in as_map(item):
                found.append((str(path), method, as_map(as_map(item)[method])))
    return found


def _url_parameters(spec: Spec, operation: Schema, path: str, where: str) -> list[Schema]:
    """The operation's path and query parameters, checked against the path template."""
    found: list[Schema] = []
    for raw in cast("list[object]", operation.get("parameters") or []):
        param = spec.resolve(as_map(raw))
        name, location = param.get("name"), param.get("in")
        if location not in URL_PARAM_LOCATIONS:
            raise SpecError(f"{where}: parameter {name!r} is in {location!r}; only path and query")
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            raise SpecError(f"{where}: parameter {name!r} is not a Python name")
        if name in RESERVED_PARAMS:
            raise SpecError(f"{where}: parameter {name!r} clashes with a per-call option")
        if location == "path" and (f"{{{name}}}" not in path or param.get("required") is not True):
            raise SpecError(f"{where}: path parameter {name!r} must be required and in the path")
        found.append(param)
    templated = set(re.findall(r"\{(\w+)\}", path))
    missing = templated - {str(p["name"]) for p in found if p.get("in") == "path"}
    if missing:
        raise SpecError(f"{where}: no parameter for {sorted(missing)} in the path")
    return found


def _require(operation: Schema, key: str, where: str) -> str:
    value = operation.get(key)
    if not isinstance(value, str) or not value:
        raise SpecError(f"{where}: missing {key}")
    return value


def build_operations(spec: Spec) -> tuple[Operation, ...]:
    """Every operation of the spec, in path order."""
    operations: list[Operation] = []
    for path, method, operation in _iter_operations(spec):
        where = f"{method.upper()} {path}"
        operation_id = _require(operation, "operationId", where)
        method_name = _require(operation, "x-python-method", where)
        if not method_name.isidentifier() or keyword.iskeyword(method_name):
            raise SpecError(f"{where}: x-python-method {method_name!r} is not a Python name")
        content = as_map(as_map(operation.get("requestBody")).get("content"))
        bodies: list[tuple[str, Schema]] = []
        for media, media_object in content.items():
            if media not in BODY_KINDS:
                raise SpecError(f"{where}: unsupported request content type {media}")
            bodies.append(
                (BODY_KINDS[media], spec.resolve(as_map(as_map(media_object).get("schema"))))
            )
        per_body = [
            [
                _field(
                    spec,
                    name,
                    as_map(prop),
                    body=body,
                    required=name in cast("list[str]", schema.get("required", [])),
                )
                for name, prop in as_map(schema.get("properties")).items()
            ]
            for body, schema in bodies
        ]
        url_params = _url_parameters(spec, operation, path, where)
        if url_params and bodies:
            raise SpecError(f"{where}: path or query parameters with a request body")
        per_body.insert(
            0,
            [
                _field(
                    spec,
                    str(param["name"]),
                    as_map(param.get("schema")),
                    body=None,
                    required=param.get("required") is True,
                )
                for param in url_params
            ],
        )
        response_type, stream_event_type = _response_refs(operation, where)
        params = _params(spec, bodies, operation_id, url_params)
        if stream_event_type is not None and not any(p.name == "stream" for p in params):
            raise SpecError(f"{where}: streams events but has no `stream` field")
        operations.append(
            Operation(
                operation_id=operation_id,
                constant=constant_name(operation_id),
                method_name=method_name,
                resource=_require(operation, "x-python-resource", where),
                http_method=method.upper(),
                path=path,
                bodies=tuple(body for body, _ in bodies),
                fields=_merge_fields(per_body),
                params=params,
                response_type=response_type,
                stream_event_type=stream_event_type,
                capability_key=str(operation.get("x-capability-key") or ""),
                deprecated=operation.get("deprecated") is True,
                summary=_text(operation.get("summary")),
                description=_text(operation.get("description")),
            )
        )
    return tuple(operations)


def check_unique(operations: Sequence[Operation]) -> None:
    """Method names are unique per resource and constants unique overall."""
    seen: set[tuple[str, str]] = set()
    constants: set[str] = set()
    for op in operations:
        key = (op.resource, op.method_name)
        if key in seen:
            raise SpecError(f"two operations named {op.resource}.{op.method_name}")
        if op.constant in constants:
            raise SpecError(f"two operations with the constant {op.constant}")
        seen.add(key)
        constants.add(op.constant)
