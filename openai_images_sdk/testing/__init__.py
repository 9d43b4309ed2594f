"""Testing your application: canned answers, an in-process fake API, and the fake server.

- Builders of realistic answers for respx routes and `httpx.MockTransport`:
  `images_response`, `stream_response`, `error_response` (and the bodies they carry:
  `images_response_body`, `stream_events`, `error_body`, `sample_image`,
  `rate_limit_headers`).
- `FakeTransport` / `AsyncFakeTransport`: the fake server's application called directly
  (no socket, no thread), and `fake_client` / `async_fake_client` that return ready
  clients over them.
- `SentRequests`: assertions on what a client sent (fields, files, masked headers).
- The fake server itself (`FakeImagesServer`, its faults and `RateLimit`), re-exported
  from `openai_images_sdk.fake_server`.

The pytest fixtures (``fake_images_server``, ``fake_images_client``, ...) come from the
plugin pytest loads by itself. Names are imported on first use. See docs/testing.md.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING

from openai_images_sdk import fake_server as _fake_server

if TYPE_CHECKING:
    from openai_images_sdk.fake_server import *  # noqa: F403 (its __all__, below)

    from ._recording import SentRequests
    from ._responses import (
        error_body,
        error_response,
        images_response,
        images_response_body,
        rate_limit_headers,
        sample_image,
        stream_events,
        stream_response,
    )
    from ._transport import AsyncFakeTransport, FakeTransport, async_fake_client, fake_client

__all__ = [
    "AsyncFakeTransport",
    "FakeTransport",
    "SentRequests",
    "async_fake_client",
    "error_body",
    "error_response",
    "fake_client",
    "images_response",
    "images_response_body",
    "rate_limit_headers",
    "sample_image",
    "stream_events",
    "stream_response",
]
__all__ += _fake_server.__all__

_HOMES = {
    "AsyncFakeTransport": "._transport",
    "FakeTransport": "._transport",
    "async_fake_client": "._transport",
    "fake_client": "._transport",
    "SentRequests": "._recording",
    "error_body": "._responses",
    "error_response": "._responses",
    "images_response": "._responses",
    "images_response_body": "._responses",
    "rate_limit_headers": "._responses",
    "sample_image": "._responses",
    "stream_events": "._responses",
    "stream_response": "._responses",
}


def __getattr__(name: str) -> object:
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name], __name__), name)
    elif name in _fake_server.HOMES:
        value = getattr(_fake_server, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# The fake server's modules lived here until they moved to `openai_images_sdk.fake_server`;
# the old module paths keep resolving to the same module objects.
_MOVED = {
    **{
        f"{__name__}.{name}": f"openai_images_sdk.fake_server.{name}"
        for name in (
            "_azure_api",
            "_batch_api",
            "_checks",
            "_faults",
            "_formdata",
            "_handler",
            "_http",
            "_images",
            "_images_api",
            "_ratelimit",
            "_server",
        )
    },
    **{
        f"{__name__}._{name}": f"openai_images_sdk.fake_server._encoders.{name}"
        for name in ("gif", "huffman", "jpeg", "webp")
    },
}


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports of a moved module's old name give the module at its new name."""

    def __init__(self) -> None:
        self._specs: dict[str, importlib.machinery.ModuleSpec | None] = {}

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in _MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = importlib.import_module(_MOVED[spec.name])
        self._specs[module.__name__] = module.__spec__
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        # The import system has set the old name's spec on the module; give it back its own.
        module.__spec__ = self._specs.pop(module.__name__, module.__spec__)


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.append(_MovedModules())
