"""From a record to one API request: operation, parameters and a stable key.

The rules, shared by the bulk runner and the Batch API pipeline:

- The prompt is the template filled from the record's fields; without a template, the
  record's ``prompt`` field, else the whole record as JSON.
- A record field named like a parameter of the operation (``size``, ``quality``,
  ``model``, ``n``, ``image``, ``mask``, ...) overrides the run-wide value for that record;
  a ``params`` object overrides both. ``images`` is accepted for ``image``. Other fields
  are template data. A string value (CSV cells) is converted to the parameter's type.
- A record with ``image`` (its own or the run's) is an edit; otherwise a generation.
  Relative image paths are resolved against `base_dir`.
- The key is the record's ``id`` field when present, else a hash of the resolved request,
  so re-running the same input finds the same keys.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, Literal, TypeAlias, cast

import attrs

from openai_images_sdk._exceptions import ValidationError, Violation
from openai_images_sdk._operation import FieldSpec, OperationSpec

from ._records import BadRecord, Record
from ._template import PromptTemplate, default_prompt

__all__ = [
    "IMAGE_INPUTS",
    "OperationName",
    "PlanFailure",
    "PlannedRequest",
    "RequestPlanner",
    "file_stem",
    "operation_spec",
]

OperationName: TypeAlias = Literal["generate", "edit"]
IMAGE_INPUTS: Final = ("image", "mask", "markup")
"""Parameters whose values are image inputs (paths, URLs or file references)."""
_NOT_OVERRIDES: Final = frozenset({"prompt", "stream", "partial_images"})
_SAFE_STEM: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_REFERENCE_PREFIXES: Final = ("http://", "https://", "data:")


@functools.cache
def operation_spec(name: OperationName) -> OperationSpec:
    """The generated `OperationSpec` of images.generate or images.edit."""
    from openai_images_sdk._generated import operations

    return operations.CREATE_IMAGE if name == "generate" else operations.CREATE_IMAGE_EDIT


@functools.cache
def _fields(name: OperationName) -> Mapping[str, tuple[FieldSpec, ...]]:
    grouped: dict[str, list[FieldSpec]] = {}
    for spec in operation_spec(name).fields:
        grouped.setdefault(spec.python_name, []).append(spec)
    return {key: tuple(value) for key, value in grouped.items()}


@attrs.frozen(kw_only=True)
class PlannedRequest:
    """One record resolved to an API call."""

    key: str
    operation: OperationName
    params: Mapping[str, object]
    """Keyword arguments of ``client.images.<operation>`` (image paths as `Path`)."""
    fingerprint: str = ""
    """A digest of the operation and its parameters as given (before paths are resolved)."""

    @property
    def images(self) -> int:
        """How many images the request asks for (``n``, 1 when not given)."""
        n = self.params.get("n")
        return n if isinstance(n, int) and not isinstance(n, bool) and n > 0 else 1


@attrs.frozen(kw_only=True)
class PlanFailure:
    """A record that cannot become a request; recorded as failed without sending anything."""

    key: str
    error: ValidationError


def file_stem(key: str) -> str:
    """A file-name stem for a key: the key itself when safe, else a slug plus a hash."""
    if _SAFE_STEM.fullmatch(key) and key not in (".", ".."):
        return key
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", key).strip(".-")[:60] or "record"
    return f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _aliased(fields: Mapping[str, object]) -> dict[str, object]:
    """A copy with ``images`` renamed ``image`` (both spellings are accepted)."""
    copy = dict(fields)
    if "images" in copy and "image" not in copy:
        copy["image"] = copy.pop("images")
    return copy


def _kinds(specs: Sequence[FieldSpec]) -> set[str]:
    return {kind for spec in specs for kind in spec.kinds}


def _coerce(name: str, value: object, specs: Sequence[FieldSpec]) -> object:
    """A CSV-style string converted to the type the parameter takes (other values as is)."""
    kinds = _kinds(specs)
    if not isinstance(value, str):
        return value
    text = value.strip()
    structured = (text.startswith("[") and "array" in kinds) or (
        text.startswith("{") and "object" in kinds
    )
    if not structured and ("string" in kinds or "file" in kinds):
        return value
    try:
        if "integer" in kinds:
            return int(text)
        if "number" in kinds:
            return float(text)
        if "boolean" in kinds:
            lowered = text.lower()
            if lowered in ("true", "1", "yes"):
                return True
            if lowered in ("false", "0", "no"):
                return False
            raise ValueError(f"{text!r} is not true or false")
        if structured or kinds & {"object", "array"}:
            return json.loads(text)
    except ValueError as error:
        raise ValidationError(
            [Violation(param=name, rule=f"cannot read {value!r}: {error}", value=value)]
        ) from None
    return value


class RequestPlanner:
    """Turns records into `PlannedRequest`s for one run (template, run-wide parameters).

    Raises `ValidationError` at construction for a malformed template or a parameter
    that neither images.generate nor images.edit takes.
    """

    def __init__(
        self,
        *,
        prompt: str | None = None,
        params: Mapping[str, object] | None = None,
        base_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.template = PromptTemplate.parse(prompt) if prompt is not None else None
        self.base_dir = Path(base_dir) if base_dir is not None else None
        params = _aliased(params or {})
        known = set(_fields("generate")) | set(_fields("edit"))
        violations = [
            Violation(param=name, rule="is not a parameter of images.generate or images.edit")
            for name in params
            if name not in known
        ]
        violations += [
            Violation(param=name, rule="is not supported in bulk runs (no streaming)")
            for name in ("stream", "partial_images")
            if params.get(name) not in (None, False, 0)
        ]
        if "prompt" in params:
            violations.append(
                Violation(
                    param="prompt",
                    rule="give the prompt as a template (prompt=...) or per record, "
                    "not as a parameter",
                )
            )
        if violations:
            raise ValidationError(violations)
        self.params = params

    def plan(self, record: Record | BadRecord) -> PlannedRequest | PlanFailure:
        """The request for one record, or why there is none."""
        if isinstance(record, BadRecord):
            error = ValidationError(
                [Violation(param="record", rule=f"line {record.line}: {record.error}")]
            )
            return PlanFailure(key=f"line-{record.line}", error=error)
        explicit = record.get("id")
        key = str(explicit) if explicit not in (None, "") else None
        try:
            operation, params, identity = self._resolve(record)
        except ValidationError as error:
            return PlanFailure(key=key or f"record-{_digest(dict(record))}", error=error)
        fingerprint = _digest({"operation": operation, **identity})
        return PlannedRequest(
            key=key or fingerprint, operation=operation, params=params, fingerprint=fingerprint
        )

    def _resolve(
        self, record: Record
    ) -> tuple[OperationName, dict[str, object], dict[str, object]]:
        nested = record.get("params")
        if nested is not None and not isinstance(nested, Mapping):
            raise ValidationError(
                [Violation(param="params", rule="must be an object of parameters", value=nested)]
            )
        overrides = _aliased(cast("Mapping[str, object]", nested or {}))
        top = _aliased(record)
        has_image = any(
            source.get("image") not in (None, "") for source in (overrides, top, self.params)
        )
        operation: OperationName = "edit" if has_image else "generate"
        fields = _fields(operation)
        merged: dict[str, object] = dict(self.params)
        for name, value in top.items():
            if name in fields and name not in _NOT_OVERRIDES and value not in (None, ""):
                merged[name] = _coerce(name, value, fields[name])
        for name, value in overrides.items():
            if name not in fields:
                raise ValidationError(
                    [Violation(param=name, rule=f"is not a parameter of images.{operation}")]
                )
            if name in ("stream", "partial_images") and value not in (None, False, 0):
                raise ValidationError(
                    [Violation(param=name, rule="is not supported in bulk runs (no streaming)")]
                )
            merged[name] = _coerce(name, value, fields[name])
        if "prompt" in overrides:
            prompt = str(overrides["prompt"])
        elif self.template is not None:
            prompt = self.template.render(record)
        else:
            prompt = default_prompt(record)
        identity = {"prompt": prompt, **merged}
        params: dict[str, object] = {"prompt": prompt}
        for name, value in merged.items():
            params[name] = self._inputs(value) if name in IMAGE_INPUTS else value
        return operation, params, identity

    def _inputs(self, value: object) -> object:
        """Image inputs with relative paths resolved against `base_dir`."""
        if isinstance(value, list | tuple):
            return [self._input(v) for v in cast("Sequence[object]", value)]
        return self._input(value)

    def _input(self, value: object) -> object:
        if isinstance(value, str) and not value.startswith(_REFERENCE_PREFIXES):
            path = Path(value).expanduser()
            if self.base_dir is not None and not path.is_absolute():
                path = self.base_dir / path
            return path
        return value
