"""The public clients: `ImagesClient` and `AsyncImagesClient`.

`AsyncImagesClient` is written in `_async/client.py`; `ImagesClient` is generated from it
(`_sync/client.py`). Their options and `with_options` are `_options.ClientOptions`; the
config they are built with comes from `_config.openai_config`.
"""

from __future__ import annotations

from ._async.client import AsyncImagesClient
from ._config import DEFAULT_BASE_URL, env, resolve_timeout
from ._options import ClientOptions
from ._sync.client import ImagesClient

__all__ = [
    "DEFAULT_BASE_URL",
    "AsyncImagesClient",
    "ClientOptions",
    "ImagesClient",
    "env",
    "resolve_timeout",
]
