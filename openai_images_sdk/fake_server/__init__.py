"""`FakeImagesServer`: an OpenAI-compatible images server on loopback, with faults.

    with FakeImagesServer() as server:
        client = ImagesClient(api_key="sk-test", base_url=server.base_url)

It answers the images, files and batches operations with real images, speaks the
Azure OpenAI paths, injects faults and sends rate-limit headers. `serve`
(``openai-images serve`` or ``python -m openai_images_sdk.fake_server``) runs it as a
process. Names are imported on first use, so importing the package stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._batch_api import BatchAPI
    from ._faults import (
        ContentPolicy,
        DropConnection,
        Fault,
        FaultSyntaxError,
        Latency,
        StatusFault,
        TruncateStream,
        parse_fault_header,
    )
    from ._http import RecordedFile, RecordedRequest
    from ._ratelimit import RateLimit
    from ._server import FakeImagesServer, serve_forever

__all__ = [
    "BatchAPI",
    "ContentPolicy",
    "DropConnection",
    "FakeImagesServer",
    "Fault",
    "FaultSyntaxError",
    "Latency",
    "RateLimit",
    "RecordedFile",
    "RecordedRequest",
    "StatusFault",
    "TruncateStream",
    "parse_fault_header",
    "serve_forever",
]

HOMES = {
    "BatchAPI": "_batch_api",
    "ContentPolicy": "_faults",
    "DropConnection": "_faults",
    "Fault": "_faults",
    "FaultSyntaxError": "_faults",
    "Latency": "_faults",
    "StatusFault": "_faults",
    "TruncateStream": "_faults",
    "parse_fault_header": "_faults",
    "RateLimit": "_ratelimit",
    "RecordedFile": "_http",
    "RecordedRequest": "_http",
    "FakeImagesServer": "_server",
    "serve_forever": "_server",
}
"""Public name -> the submodule defining it (the testing toolkit re-exports these)."""


def __getattr__(name: str) -> object:
    home = HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
