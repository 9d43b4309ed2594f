"""PLACEHOLDER (validation helper replaces this file): per-model request validation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._operation import OperationSpec
from ._types import ImageInfo, ValidationMode

__all__ = ["validate_request"]


def validate_request(
    op: OperationSpec,
    params: Mapping[str, object],
    *,
    mode: ValidationMode,
    inputs: Sequence[ImageInfo] = (),
) -> None:
    """Check a call against the spec and the capability table (no-op placeholder)."""
