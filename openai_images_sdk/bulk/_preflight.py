"""Checks before a bulk run sends anything, and the summary of why records failed.

A mistake in a run-wide option (``size="999x999"`` for the model) or in the template (a
field no record has) would fail every record one by one. So the first record is planned
and its request checked the way the client checks a call, without sending it: a broken
rule that comes from the run's options or template stops the run before any request.
A rule broken by the record's own fields is that record's failure only.
"""

from __future__ import annotations

import collections
from collections.abc import Mapping
from typing import cast

from openai_images_sdk._exceptions import APIStatusError, ValidationError, Violation
from openai_images_sdk._types import ValidationMode

from ._plan import PlanFailure, PlannedRequest, RequestPlanner, operation_spec
from ._records import Record
from ._template import TemplateFieldError

__all__ = ["check_first_record", "failure_cause", "failure_summary"]

_NOTE = "a run-wide option; every record would break it (checked against the first record)"


def _record_fields(record: Record) -> set[str]:
    fields = set(record)
    nested = record.get("params")
    if isinstance(nested, Mapping):
        fields |= set(cast("Mapping[str, object]", nested))
    if "images" in fields:
        fields.add("image")
    return fields


def _run_wide(error: ValidationError, planner: RequestPlanner, record: Record) -> list[Violation]:
    own = _record_fields(record)
    return [
        Violation(param=v.param, rule=f"{v.rule} ({_NOTE})", value=v.value, model=v.model)
        for v in error.violations
        if v.param in planner.params and v.param not in own
    ]


def check_first_record(
    planner: RequestPlanner,
    record: Record,
    planned: PlannedRequest | PlanFailure,
    *,
    validation: ValidationMode,
) -> None:
    """Raise `ValidationError` when the first record shows a run-wide mistake.

    A missing template field counts as run-wide; so does a broken rule on a parameter
    the run sets and the record does not override. Image files are read for their
    headers only (in the caller's thread: call it from a worker thread).
    """
    if isinstance(planned, PlanFailure):
        error = planned.error
        if isinstance(error, TemplateFieldError):
            rule = error.violations[0].rule + " (the first record; the template applies to all)"
            raise ValidationError([Violation(param="prompt", rule=rule, value=error.field)])
        found = _run_wide(error, planner, record)
        if found:
            raise ValidationError(found)
        return
    if validation == "off":
        return
    from openai_images_sdk._uploads import build_request_body
    from openai_images_sdk._validation import validate_request

    op = operation_spec(planned.operation)
    try:
        body = build_request_body(op, planned.params, extra_body=None)
        validate_request(op, planned.params, mode="strict", inputs=body.inputs, body=body.kind)
    except ValidationError as error:
        found = _run_wide(error, planner, record)
        if found and validation == "strict":
            raise ValidationError(found) from None
    except Exception:  # an unreadable image of this record: its own failure, reported later
        return


def failure_cause(error: BaseException | None, info: Mapping[str, object] | None) -> str:
    """A short, value-free description of why a record failed, to group failures by."""
    if isinstance(error, ValidationError):
        return "; ".join(f"{v.param}: {v.rule}" for v in error.violations)
    if isinstance(error, APIStatusError):
        code = error.code or type(error).__name__
        return f"HTTP {error.status_code} {code}: {_first_line(error.message)}"
    if error is not None:
        return f"{type(error).__name__}: {_first_line(str(error))}"
    info = info or {}
    return f"{info.get('type')}: {_first_line(str(info.get('message')))}"


def _first_line(text: str, limit: int = 160) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def failure_summary(causes: Mapping[str, int], *, limit: int = 5) -> list[str]:
    """Lines like ``"18 x HTTP 400 invalid_size: ..."``, most frequent first."""
    ranked = collections.Counter(causes).most_common()
    lines = [f"{count} x {cause}" for cause, count in ranked[:limit]]
    rest = sum(count for _, count in ranked[limit:])
    if rest:
        lines.append(f"{rest} x other causes (see the manifest)")
    return lines
