"""`diff-upstream`: structural differences between an upstream document and spec/.

Only structure is compared (operations, parameters, content types, fields, types, value
sets, limits, defaults, required sets, deprecation); prose never is. Differences are listed both ways, since spec/
is newer than the upstream document in places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import attrs

from ._diff_review import Review
from ._spec import SPEC_FILE, Schema, as_map, load_yaml, ref_name, status_response

__all__ = ["Comparer", "Doc", "diff_documents", "diff_upstream", "render_report"]

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
LIMITS = ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems")
SPEC = "spec/"
UPSTREAM = "upstream"


class Doc:
    """One OpenAPI document with $ref resolution."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.schemas = as_map(as_map(document.get("components")).get("schemas"))

    def resolve(self, schema: Schema) -> tuple[str | None, Schema]:
        name: str | None = None
        for _ in range(32):
            target = ref_name(schema)
            if target is None:
                break
            name = target
            schema = as_map(self.schemas.get(target))
        return name, schema

    def branches(self, schema: Schema) -> Iterator[tuple[str | None, Schema]]:
        """Alternatives after resolving refs and flattening anyOf, oneOf, type lists, nullable."""
        nullable = schema.get("nullable") is True
        name, schema = self.resolve(schema)
        if nullable or schema.get("nullable") is True:
            yield None, {"type": "null"}
        alternatives = schema.get("anyOf") or schema.get("oneOf")
        if alternatives and "properties" not in schema:
            for branch in cast("list[Schema]", alternatives):
                yield from self.branches(branch)
            return
        types = schema.get("type")
        if isinstance(types, list):
            for single in cast("list[str]", types):
                yield name, {**schema, "type": single}
            return
        yield name, schema


@attrs.frozen(kw_only=True)
class _Summary:
    """What is compared about one schema, its branches merged."""

    types: tuple[str, ...]
    values: tuple[str, ...] | None
    open: bool
    limits: Mapping[str, object]
    deprecated: bool
    default: object
    null_means_absent: bool
    objects: tuple[tuple[str | None, Schema], ...]
    items: tuple[Schema, ...]


def _type_of(schema: Schema) -> str:
    if schema.get("format") == "binary":
        return "binary"
    if "properties" in schema:
        return "object"
    return str(schema.get("type", "any"))


def _summary(doc: Doc, schema: Schema) -> _Summary:
    types: list[str] = []
    values: list[str] = []
    has_enum = open_ = False
    limits: dict[str, object] = {}
    objects: list[tuple[str | None, Schema]] = []
    items: list[Schema] = []
    deprecated = (
        doc.resolve(schema)[1].get("deprecated") is True or schema.get("deprecated") is True
    )
    default = schema.get("default", doc.resolve(schema)[1].get("default"))
    for name, branch in doc.branches(schema):
        kind = _type_of(branch)
        if kind not in types:
            types.append(kind)
        if "enum" in branch:
            has_enum = True
            values += [str(v) for v in cast("list[object]", branch["enum"]) if str(v) not in values]
        elif kind == "string":
            open_ = True
        for key in LIMITS:
            if key in branch and key not in limits:
                limits[key] = branch[key]
        if kind == "object":
            objects.append((name, branch))
        if kind == "array":
            items.append(as_map(branch.get("items")))
        deprecated = deprecated or branch.get("deprecated") is True
    return _Summary(
        types=tuple(sorted(types)),
        values=tuple(values) if has_enum else None,
        open=open_ and has_enum,
        limits=limits,
        deprecated=deprecated,
        default=default,
        null_means_absent=schema.get("x-null-means-absent") is True,
        objects=tuple(objects),
        items=tuple(items),
    )


def _show(value: object) -> str:
    return "none" if value is None else str(value)


class Comparer:
    """Compares schemas of an upstream and of spec/, collecting one line per difference.

    `limits` and `deprecated` off leave those out (an upstream that cannot state them).
    """

    def __init__(
        self,
        upstream: Doc,
        spec: Doc,
        done: set[tuple[str, str]],
        *,
        limits: bool = True,
        deprecated: bool = True,
        upstream_label: str = UPSTREAM,
    ) -> None:
        self.upstream = upstream
        self.spec = spec
        self.limits = limits
        self.deprecated = deprecated
        self.theirs = upstream_label
        self.lines: list[str] = []
        self._stack: set[tuple[int, int]] = set()
        self._done = done
        """Named object pairs already compared (listed once, under their first operation)."""

    def add(self, line: str) -> None:
        self.lines.append(line)

    def compare(self, path: str, up: Schema, ours: Schema) -> None:
        up_name, up_schema = self.upstream.resolve(up)
        our_name, our_schema = self.spec.resolve(ours)
        if up_name and our_name and "properties" in our_schema:
            if (up_name, our_name) in self._done:
                return
            self._done.add((up_name, our_name))
        if our_name and "properties" in our_schema:
            path = our_name
        key = (id(up_schema), id(our_schema))
        if key in self._stack:
            return
        self._stack.add(key)
        try:
            self._compare(path, _summary(self.upstream, up), _summary(self.spec, ours))
        finally:
            self._stack.discard(key)

    def _compare(self, path: str, up: _Summary, ours: _Summary) -> None:
        if up.null_means_absent:
            up = attrs.evolve(up, types=tuple(t for t in up.types if t != "null"))
            ours = attrs.evolve(ours, types=tuple(t for t in ours.types if t != "null"))
        if up.types != ours.types:
            self.add(
                f"{path}: type {SPEC} {'|'.join(ours.types)}, {self.theirs} {'|'.join(up.types)}"
            )
        self._values(path, up, ours)
        for limit in LIMITS if self.limits else ():
            theirs, mine = up.limits.get(limit), ours.limits.get(limit)
            if theirs != mine:
                self.add(f"{path}: {limit} {SPEC} {_show(mine)}, {self.theirs} {_show(theirs)}")
        if self.limits and up.default != ours.default:
            self.add(
                f"{path}: default {SPEC} {_show(ours.default)}, {self.theirs} {_show(up.default)}"
            )
        if self.deprecated and up.deprecated != ours.deprecated:
            where = SPEC if ours.deprecated else self.theirs
            self.add(f"{path}: deprecated in {where} only")
        if up.items and ours.items:
            self.compare(f"{path}[]", up.items[0], ours.items[0])
        if up.objects and ours.objects:
            self._objects(path, up.objects, ours.objects)

    def _values(self, path: str, up: _Summary, ours: _Summary) -> None:
        if up.values is None and ours.values is None:
            return
        if up.values is None or ours.values is None:
            mine = "none" if ours.values is None else ", ".join(ours.values)
            theirs = "none" if up.values is None else ", ".join(up.values)
            self.add(f"{path}: known values {SPEC} [{mine}], {self.theirs} [{theirs}]")
            return
        if only := [v for v in ours.values if v not in up.values]:
            self.add(f"{path}: values only in {SPEC}: {', '.join(only)}")
        if only := [v for v in up.values if v not in ours.values]:
            self.add(f"{path}: values only in {self.theirs}: {', '.join(only)}")
        if up.open != ours.open:
            state = "open" if ours.open else "closed"
            other = "open" if up.open else "closed"
            self.add(f"{path}: value set {state} in {SPEC}, {other} {self.theirs}")

    def _objects(
        self,
        path: str,
        up: tuple[tuple[str | None, Schema], ...],
        ours: tuple[tuple[str | None, Schema], ...],
    ) -> None:
        if len(up) == 1 and len(ours) == 1:
            self.fields(path, up[0][1], ours[0][1])
            return
        theirs = {_variant_key(name, schema): (name, schema) for name, schema in up}
        mine = {_variant_key(name, schema): (name, schema) for name, schema in ours}
        for key, (name, _) in mine.items():
            if key not in theirs:
                self.add(f"only in {SPEC}: {path} variant {name or key}")
        for key, (name, _) in theirs.items():
            if key not in mine:
                self.add(f"only in {self.theirs}: {path} variant {name or key}")
        for key, (name, schema) in mine.items():
            if key in theirs:
                self.fields(name or f"{path}<{key}>", theirs[key][1], schema)

    def fields(self, path: str, up: Schema, ours: Schema) -> None:
        """Compare the properties and required sets of two object schemas."""
        up_props, our_props = as_map(up.get("properties")), as_map(ours.get("properties"))
        up_required = set(cast("list[str]", up.get("required", [])))
        our_required = set(cast("list[str]", ours.get("required", [])))
        for name in our_props:
            if name not in up_props:
                self.add(f"only in {SPEC}: {path}.{name}")
        for name in up_props:
            if name not in our_props:
                self.add(f"only in {self.theirs}: {path}.{name}")
        for name, schema in our_props.items():
            if name not in up_props:
                continue
            if (name in our_required) != (name in up_required):
                where = SPEC if name in our_required else self.theirs
                self.add(f"{path}.{name}: required in {where} only")
            self.compare(f"{path}.{name}", as_map(up_props[name]), as_map(schema))


def _variant_key(name: str | None, schema: Schema) -> str:
    """A union member's discriminator value (its one `type`), else its schema name."""
    tag = as_map(as_map(schema.get("properties")).get("type"))
    enum = cast("list[object]", tag.get("enum") or [])
    if len(enum) == 1:
        return str(enum[0])
    if "const" in tag:
        return str(tag["const"])
    return name or "?"


def _operations(doc: Doc, paths: Callable[[str], bool]) -> dict[tuple[str, str], Schema]:
    found: dict[tuple[str, str], Schema] = {}
    for path, item in as_map(doc.document.get("paths")).items():
        if not paths(str(path)):
            continue
        for method in HTTP_METHODS:
            if method in as_map(item):
                found[(method.upper(), str(path))] = as_map(as_map(item)[method])
    return found


def _parameters(doc: Doc, operation: Schema) -> dict[tuple[str, str], Schema]:
    found: dict[tuple[str, str], Schema] = {}
    for raw in cast("list[object]", operation.get("parameters") or []):
        _, param = doc.resolve(as_map(raw))
        found[(str(param.get("in")), str(param.get("name")))] = param
    return found


def _compare_parameters(comparer: Comparer, up: Schema, ours: Schema) -> None:
    theirs, mine = _parameters(comparer.upstream, up), _parameters(comparer.spec, ours)
    for key in mine:
        if key not in theirs:
            comparer.add(f"only in {SPEC}: {key[0]} parameter {key[1]}")
    for key in theirs:
        if key not in mine:
            comparer.add(f"only in {comparer.theirs}: {key[0]} parameter {key[1]}")
    for key, param in mine.items():
        if key not in theirs:
            continue
        if (param.get("required") is True) != (theirs[key].get("required") is True):
            where = SPEC if param.get("required") is True else comparer.theirs
            comparer.add(f"{key[0]} parameter {key[1]}: required in {where} only")
        comparer.compare(
            f"{key[0]} parameter {key[1]}",
            as_map(theirs[key].get("schema")),
            as_map(param.get("schema")),
        )


def _content(operation: Schema, *, response: bool) -> dict[str, Schema]:
    if response:
        responses = as_map(operation.get("responses"))
        holder = status_response(responses, 200)
    else:
        holder = as_map(operation.get("requestBody"))
    return {
        str(k): as_map(as_map(v).get("schema")) for k, v in as_map(holder.get("content")).items()
    }


def _label(doc: Doc, schema: Schema) -> str:
    name, _ = doc.resolve(schema)
    return name or "inline schema"


def diff_documents(
    upstream: Mapping[str, Any], spec: Mapping[str, Any], *, prefix: str | None = None
) -> list[tuple[str, list[str]]]:
    """Differences grouped by section title: operations, their bodies and responses, schemas.

    Compared are the operations under `prefix`, or (None) every path spec/ has, and then
    every schema of spec/ that upstream has under the same name and no operation reached.
    """
    up_doc, spec_doc = Doc(upstream), Doc(spec)
    our_paths = set(as_map(spec.get("paths")))

    def wanted(path: str) -> bool:
        return path.startswith(prefix) if prefix is not None else path in our_paths

    up_ops, spec_ops = _operations(up_doc, wanted), _operations(spec_doc, wanted)
    sections: list[tuple[str, list[str]]] = []
    done: set[tuple[str, str]] = set()
    seen: set[str] = set()
    overview = [f"only in {SPEC}: operation {m} {p}" for (m, p) in spec_ops if (m, p) not in up_ops]
    overview += [
        f"only in {UPSTREAM}: operation {m} {p}" for (m, p) in up_ops if (m, p) not in spec_ops
    ]
    if overview:
        sections.append(("Operations", overview))
    for key, ours in spec_ops.items():
        if key not in up_ops:
            continue
        theirs = up_ops[key]
        comparer = Comparer(up_doc, spec_doc, done)
        if (theirs.get("deprecated") is True) != (ours.get("deprecated") is True):
            where = SPEC if ours.get("deprecated") is True else UPSTREAM
            comparer.add(f"operation deprecated in {where} only")
        _compare_parameters(comparer, theirs, ours)
        for response, what in ((False, "request"), (True, "response 200")):
            up_content = _content(theirs, response=response)
            our_content = _content(ours, response=response)
            for media in our_content:
                if media not in up_content:
                    comparer.add(f"only in {SPEC}: {what} {media}")
            for media in up_content:
                if media not in our_content:
                    comparer.add(f"only in {UPSTREAM}: {what} {media}")
            for media, schema in our_content.items():
                if media not in up_content:
                    continue
                name = _label(spec_doc, schema)
                upstream_name = _label(up_doc, up_content[media])
                if name != upstream_name:
                    comparer.add(
                        f"{what} {media}: schema {SPEC} {name}, {UPSTREAM} {upstream_name}"
                    )
                comparer.compare(name, up_content[media], schema)
        title = f"{key[0]} {key[1]} ({ours.get('operationId', '?')})"
        sections.append((title, _new(comparer.lines, seen)))
    comparer = Comparer(up_doc, spec_doc, done)
    for name in spec_doc.schemas:
        if name in up_doc.schemas:
            ref = {"$ref": f"#/components/schemas/{name}"}
            comparer.compare(name, ref, ref)
    if lines := _new(comparer.lines, seen):
        sections.append(("Schemas no operation reached", lines))
    return sections


def _new(lines: list[str], seen: set[str]) -> list[str]:
    """The lines not listed before (a schema reached twice is listed once)."""
    out = [line for line in dict.fromkeys(lines) if line not in seen]
    seen.update(out)
    return out


def render_report(
    heading: str,
    sources: Sequence[tuple[str, str]],
    sections: Sequence[tuple[str, Sequence[str]]],
    review: Review,
) -> tuple[str, bool]:
    """The readable report, and whether it fails (unreviewed or stale entries)."""
    lines = [heading]
    lines += [f"  {label:<9} {text}" for label, text in sources]
    lines += [
        "Prose is not compared. A schema shared by several operations is listed once, under",
        f"the first of them. Reviewed differences ({review.path}) are marked with `=`.",
        "",
    ]
    unreviewed = 0
    for title, found in sections:
        lines.append(title)
        for line in found:
            reason = review.reason(title, line)
            if reason is None:
                unreviewed += 1
            lines.append(f"  {'=' if reason is not None else '!'} {line}")
        if not found:
            lines.append("  no differences")
        lines.append("")
    stale = review.stale(sections)
    for section, difference in stale:
        lines.append(f"stale review entry (no longer a difference): {section}: {difference}")
    total = sum(len(found) for _, found in sections)
    lines.append(
        f"{total} difference{'s' if total != 1 else ''}, {unreviewed} not reviewed,"
        f" {len(stale)} stale review entr{'ies' if len(stale) != 1 else 'y'}."
    )
    return "\n".join(lines) + "\n", bool(unreviewed or stale)


def diff_upstream(upstream_path: Path, spec_dir: Path) -> tuple[str, bool, bool]:
    """The report, whether any difference exists, and whether an unreviewed one does."""
    upstream = as_map(load_yaml(upstream_path))
    spec = as_map(load_yaml(spec_dir / SPEC_FILE))
    sections = diff_documents(upstream, spec)

    def version(doc: Schema) -> str:
        info = as_map(doc.get("info"))
        return f"{info.get('title', '?')} {info.get('version', '?')}"

    review = Review.load(spec_dir, "document")
    report, fails = render_report(
        "Spec drift: every path and schema of spec/ against an upstream document",
        [
            (SPEC, f"{spec_dir / SPEC_FILE} ({version(spec)})"),
            (UPSTREAM, f"{upstream_path} ({version(upstream)})"),
        ],
        sections,
        review,
    )
    return report, any(found for _, found in sections), fails
