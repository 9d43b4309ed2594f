"""Request validation before any byte is sent: the operation's own limits, then the model's.

Operation-wide limits (types, closed enums, bounds, lengths, item counts) come from the
`FieldSpec`s codegen emits from the OpenAPI spec and apply to every model. Per-model rules
come from the capability table (`_capabilities`, `_capability_rules`); models it does not
know pass them. A call's compiled plan (`_validation_plan`) answers "valid" cheaply; any
other call goes through the general checks (`_request_checks`), which word every message.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from ._capabilities import default_table
from ._capability_rules import CapabilityTable
from ._exceptions import ValidationError, Violation
from ._operation import BodyKind, OperationSpec
from ._request_checks import request_violations
from ._types import ImageInfo, ValidationMode
from ._validation_plan import passes_plan
from ._warn import warn

__all__ = ["validate_request"]


def validate_request(
    op: OperationSpec,
    params: Mapping[str, object],
    *,
    mode: ValidationMode,
    inputs: Sequence[ImageInfo] = (),
    table: CapabilityTable | None = None,
    today: datetime.date | None = None,
    body: BodyKind | None = None,
    upload_violations: Sequence[Violation] = (),
) -> None:
    """Check one call against the operation's limits and the model's rules.

    `params` are keyed by python name with not-given ones removed; `inputs` describe the
    uploaded files; `body` is the request body kind chosen (JSON or multipart), whose
    fields' limits then apply, else the loosest of the operation's bodies;
    `upload_violations` are the upload rules the body builder found broken (under
    ``"warn"``), reported with the rest. ``"strict"`` raises `ValidationError` listing every violation,
    ``"warn"`` issues one `UserWarning` with the same lines, ``"off"`` checks nothing.
    Deprecated parameters, values, operations and models get a `DeprecationWarning`
    in strict and warn modes. `table` and `today` replace the shipped table and the
    current UTC date (for tests and self-hosted servers).
    """
    if mode == "off":
        return
    if mode not in ("strict", "warn"):
        raise ValueError(f"validation must be 'strict', 'warn' or 'off', not {mode!r}")
    table = table or default_table()
    if not upload_violations and passes_plan(
        op, params, inputs=inputs, table=table, today=today, body=body
    ):
        return
    violations = request_violations(
        op,
        params,
        inputs=inputs,
        table=table,
        today=today,
        body=body,
        upload_violations=upload_violations,
    )
    if not violations:
        return
    if mode == "strict":
        raise ValidationError(violations)
    lines = "\n".join(f"  - {v}" for v in violations)
    count = len(violations)
    noun = "problem" if count == 1 else "problems"
    warn(
        f"{count} {noun} with the request (sending it anyway, validation='warn'):\n{lines}",
        UserWarning,
    )
