"""PLACEHOLDER (uploads helper replaces this file): request bodies for operations."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Literal

import attrs

from ._operation import OperationSpec
from ._types import Body, ImageInfo

__all__ = ["PreparedBody", "build_request_body"]


@attrs.frozen(kw_only=True)
class PreparedBody:
    """A request body ready to send, replayable for retries."""

    kind: Literal["json", "multipart"]
    json: Mapping[str, object] | None
    content_type: str
    content_length: int | None
    replayable: bool = True
    inputs: tuple[ImageInfo, ...] = ()
    _encoded: bytes = b""

    def iter_sync(self) -> Iterator[bytes]:
        yield self._encoded

    async def iter_async(self) -> AsyncIterator[bytes]:
        yield self._encoded


def build_request_body(
    op: OperationSpec, params: Mapping[str, object], *, extra_body: Body | None
) -> PreparedBody:
    """JSON bodies only, until the uploads layer lands."""
    wire = {op_field.name: params[op_field.python_name] for op_field in op.fields
            if op_field.python_name in params and "json" in op_field.bodies}
    if extra_body:
        wire.update(extra_body)
    encoded = json.dumps(wire).encode()
    return PreparedBody(kind="json", json=wire, content_type="application/json",
                        content_length=len(encoded), encoded=encoded)
