"""Loading spec/ and answering questions about its schemas (refs, kinds, value sets)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import attrs
import yaml

__all__ = [
    "CAPABILITIES_FILE",
    "SPEC_FILE",
    "Spec",
    "SpecError",
    "ValueSet",
    "as_map",
    "load_spec",
    "load_yaml",
    "ref_name",
    "status_response",
    "value_set",
]

SPEC_FILE = "openapi.yaml"
CAPABILITIES_FILE = "model-capabilities.yaml"
SCHEMA_PREFIX = "#/components/schemas/"

Schema = Mapping[str, Any]


class SpecError(Exception):
    """Codegen cannot go on: the spec breaks a rule it relies on, or a pinned tool differs.

    The message says which rule and where.
    """


def load_yaml(path: Path) -> Any:
    """Parse a YAML file with libyaml when available (the upstream document is 3 MB)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as stream:
        return yaml.load(stream, Loader=loader)


def as_map(value: object) -> Schema:
    """`value` as a mapping, or an empty one."""
    return cast("Schema", value) if isinstance(value, Mapping) else {}


def status_response(responses: Schema, status: int) -> Schema:
    """The response object for a status code, whether YAML read its key as text or number."""
    keyed = cast("Mapping[object, object]", responses)
    return as_map(keyed.get(str(status), keyed.get(status)))


def ref_name(schema: Schema) -> str | None:
    """The component name a `$ref` schema points to, or None."""
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref.removeprefix(SCHEMA_PREFIX)
    return None


def _json_ready(value: object) -> object:
    """YAML data with dates turned into ISO strings, ready for `json.dumps`."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        items = cast("Mapping[object, object]", value).items()
        return {str(k): _json_ready(v) for k, v in items}
    if isinstance(value, list):
        return [_json_ready(v) for v in cast("list[object]", value)]
    return value


@attrs.frozen(kw_only=True)
class ValueSet:
    """The string values a field may take: closed (an enum) or open (known values + any)."""

    values: tuple[str | int | float | bool, ...]
    open: bool


@attrs.frozen(kw_only=True)
class Spec:
    """The parsed spec/ directory."""

    root: Path
    document: Mapping[str, Any]
    capabilities: object | None
    sha256: str

    @property
    def schemas(self) -> Mapping[str, Schema]:
        """`components.schemas`."""
        return as_map(as_map(self.document.get("components")).get("schemas"))

    def schema(self, name: str) -> Schema:
        """The component schema called `name`."""
        try:
            return as_map(self.schemas[name])
        except KeyError:
            raise SpecError(f"$ref to a missing schema: {name}") from None

    def resolve(self, schema: Schema) -> Schema:
        """Follow `$ref`s until a schema that is not a bare reference."""
        seen: set[str] = set()
        while (name := ref_name(schema)) is not None:
            if name in seen:
                raise SpecError(f"$ref cycle through {name}")
            seen.add(name)
            schema = self.schema(name)
        return schema

    def branches(self, schema: Schema) -> Iterator[Schema]:
        """The alternatives of a schema after resolving refs and flattening anyOf/oneOf."""
        schema = self.resolve(schema)
        alternatives = schema.get("anyOf") or schema.get("oneOf")
        if alternatives and "properties" not in schema:
            for branch in cast("list[Schema]", alternatives):
                yield from self.branches(branch)
            return
        types = schema.get("type")
        if isinstance(types, list) and len(cast("list[str]", types)) > 1:
            for single in cast("list[str]", types):
                yield {**schema, "type": single}
            return
        yield schema

    def is_object(self, schema: Schema) -> bool:
        """Whether the schema (refs resolved) describes an object with properties.

        A map (``type: object`` with only ``additionalProperties``) is not one: it is
        typed as a dict, not a model class.
        """
        resolved = self.resolve(schema)
        if "properties" in resolved:
            return True
        return resolved.get("type") == "object" and not self.is_map(resolved)

    def is_map(self, schema: Schema) -> bool:
        """Whether the schema (refs resolved) is a map of string keys to one value schema."""
        resolved = self.resolve(schema)
        return (
            resolved.get("type") == "object"
            and "properties" not in resolved
            and isinstance(resolved.get("additionalProperties"), Mapping)
        )

    def kinds(self, schema: Schema) -> tuple[str, ...]:
        """The JSON kinds of a schema in order: string, integer, ..., file (binary), null."""
        found: list[str] = []
        for branch in self.branches(schema):
            if self.is_object(branch):
                kind = "object"
            elif branch.get("format") == "binary":
                kind = "file"
            else:
                kind = str(branch.get("type", "object"))
            if kind not in found:
                found.append(kind)
        return tuple(found)

    def value_set(self, schema: Schema) -> ValueSet | None:
        """The string value set of a schema, or None when it has no enum at all."""
        return value_set(self.branches(schema))

    def limit(self, schema: Schema, key: str) -> Any:
        """A limit keyword (minimum, maxItems, ...) from the schema or one of its branches."""
        resolved = self.resolve(schema)
        if key in resolved:
            return resolved[key]
        for branch in self.branches(schema):
            if key in branch:
                return branch[key]
        return None


def value_set(branches: Iterator[Schema]) -> ValueSet | None:
    """Combine enum branches: values in order, open when a plain string branch is present."""
    values: list[str | int | float | bool] = []
    has_enum = open_ = False
    for branch in branches:
        enum = branch.get("enum")
        if enum is not None:
            has_enum = True
            for value in cast("list[str | int | float | bool]", enum):
                if value not in values:
                    values.append(value)
        elif branch.get("type") == "string" and branch.get("format") != "binary":
            open_ = True
    if not has_enum:
        return None
    return ValueSet(values=tuple(values), open=open_)


def load_spec(root: Path) -> Spec:
    """Read spec/openapi.yaml (and spec/model-capabilities.yaml when present) from `root`."""
    digest = hashlib.sha256()
    spec_path = root / SPEC_FILE
    if not spec_path.is_file():
        raise SpecError(f"no {SPEC_FILE} in {root}")
    capabilities: object | None = None
    for name in (SPEC_FILE, CAPABILITIES_FILE):
        path = root / name
        if not path.is_file():
            continue
        content = path.read_bytes()
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
        if name == CAPABILITIES_FILE:
            capabilities = _json_ready(load_yaml(path))
    document = load_yaml(spec_path)
    if not isinstance(document, Mapping):
        raise SpecError(f"{spec_path} is not a mapping")
    return Spec(
        root=root,
        document=cast("Mapping[str, Any]", document),
        capabilities=capabilities,
        sha256=digest.hexdigest(),
    )
