"""Test helpers: `FakeImagesServer`, an OpenAI-compatible images server, and its faults.

    with FakeImagesServer() as server:
        client = ImagesClient(api_key="sk-test", base_url=server.base_url)

The pytest plugin (`openai_images_sdk.testing._pytest_plugin`) provides the
`fake_images_server` fixture. Names are imported on first use, so loading the plugin
(which pytest does in every session) stays cheap.
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

_HOMES = {
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


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
