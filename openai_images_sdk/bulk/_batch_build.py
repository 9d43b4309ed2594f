"""Batch API input files, without network I/O: one JSONL line per request, split by limits.

A line is ``{"custom_id": key, "method": "POST", "url": "/v1/images/...", "body": {...}}``
with the body the client would send. Edits go as JSON with references: local image and
mask paths become ``data:`` URLs (so the input file carries the pictures; large edits
fill the 200 MB limit sooner, which only means more batches). The JSON edit body has no
`markup` (only the multipart upload does), so requests with markup cannot be batched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Final, cast

import attrs

from openai_images_sdk._exceptions import ValidationError, Violation
from openai_images_sdk._types import ValidationMode
from openai_images_sdk._uploads import build_request_body, data_url
from openai_images_sdk._validation import validate_request

from ._plan import IMAGE_INPUTS, OperationName, PlannedRequest, operation_spec

__all__ = [
    "ENDPOINTS",
    "MAX_BATCH_BYTES",
    "MAX_BATCH_REQUESTS",
    "BatchFileSplitter",
    "PartFile",
    "batch_line",
    "markup_violation",
]

MAX_BATCH_REQUESTS: Final = 50_000
"""Requests one Batch API input file may hold."""
MAX_BATCH_BYTES: Final = 200 * 1024 * 1024
"""Bytes one Batch API input file may hold."""
ENDPOINTS: Final[Mapping[OperationName, str]] = {
    "generate": "/v1/images/generations",
    "edit": "/v1/images/edits",
}


def markup_violation(value: object) -> Violation:
    """Why a batch request cannot carry `markup`."""
    rule = (
        "is not supported in batches: batch edits are JSON bodies, which have no markup "
        "field (markup is sent only as a multipart upload); use mask, or send these edits "
        "through the bulk runner (bulk_generate, `openai-images bulk`)"
    )
    return Violation(param="markup", rule=rule, value=value)


def _reference(value: object, param: str) -> object:
    if isinstance(value, os.PathLike):
        path = Path(cast("os.PathLike[str]", value))
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ValidationError(
                [Violation(param=param, rule=f"cannot be read: {error}", value=str(path))]
            ) from None
        return {"image_url": data_url(data)}
    if isinstance(value, str) and value.startswith(("http://", "https://", "data:")):
        return {"image_url": value}
    return value


def _as_references(params: Mapping[str, object]) -> dict[str, object]:
    converted = dict(params)
    for name in IMAGE_INPUTS:
        value = converted.get(name)
        if value is None:
            continue
        if isinstance(value, list | tuple):
            items = cast("Sequence[object]", value)
            converted[name] = [_reference(item, name) for item in items]
        else:
            converted[name] = (
                [_reference(value, name)] if name == "image" else _reference(value, name)
            )
    return converted


def batch_line(request: PlannedRequest, *, validation: ValidationMode = "strict") -> bytes:
    """The input-file line of one request, newline included.

    Raises `ValidationError` when the request breaks the API's rules (checked like the
    client checks a call), has `markup`, or an image cannot be read.
    """
    markup = request.params.get("markup")
    if markup is not None:  # before any image is read
        raise ValidationError([markup_violation(markup)])
    op = operation_spec(request.operation)
    params = _as_references(request.params) if request.operation == "edit" else request.params
    body = build_request_body(op, params, extra_body=None)
    validate_request(op, params, mode=validation, inputs=body.inputs)
    if body.kind != "json" or body.json is None:
        raise ValidationError(
            [Violation(param="image", rule="batch requests take references, not file uploads")]
        )
    line = {
        "custom_id": request.key,
        "method": "POST",
        "url": ENDPOINTS[request.operation],
        "body": body.json,
    }
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


@attrs.frozen(kw_only=True)
class PartFile:
    """One finished input file."""

    path: Path
    requests: int
    bytes: int


class BatchFileSplitter:
    """Writes lines into numbered part files, starting a new one before a limit is passed.

    Parts are ``folder/<prefix>-0001.jsonl``, ``-0002``, ...; `max_requests` and
    `max_bytes` default to the Batch API's limits.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        prefix: str,
        max_requests: int = MAX_BATCH_REQUESTS,
        max_bytes: int = MAX_BATCH_BYTES,
    ) -> None:
        if max_requests < 1 or max_bytes < 1:
            raise ValueError("max_requests and max_bytes must be 1 or more")
        self.folder = Path(folder)
        self.prefix = prefix
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.parts: list[PartFile] = []
        self._handle: IO[bytes] | None = None
        self._path: Path | None = None
        self._requests = 0
        self._bytes = 0

    def fits(self, line: bytes) -> bool:
        """Whether a line can go in any part at all (it is not larger than `max_bytes`)."""
        return len(line) <= self.max_bytes

    def add(self, line: bytes) -> None:
        """Append one line (raises `ValueError` when it cannot fit any part)."""
        if not self.fits(line):
            raise ValueError(f"a line of {len(line)} bytes exceeds max_bytes={self.max_bytes}")
        if self._path is not None and (
            self._requests + 1 > self.max_requests or self._bytes + len(line) > self.max_bytes
        ):
            self._finish()
        if self._path is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._path = self.folder / f"{self.prefix}-{len(self.parts) + 1:04d}.jsonl"
            self._handle = self._path.open("wb")
        assert self._handle is not None
        self._handle.write(line)
        self._requests += 1
        self._bytes += len(line)

    def _finish(self) -> None:
        if self._path is None or self._handle is None:
            return
        handle = self._handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        self.parts.append(PartFile(path=self._path, requests=self._requests, bytes=self._bytes))
        self._path, self._handle, self._requests, self._bytes = None, None, 0, 0

    def close(self) -> list[PartFile]:
        """Finish the last part; returns every part written."""
        self._finish()
        return list(self.parts)
