"""Clients for Azure OpenAI: deployment URLs, ``api-version``, ``api-key`` or Entra ID tokens.

`AsyncAzureImagesClient` is written in `_async/azure.py`; `AzureImagesClient` is generated
from it. What both change in the transport is `_azure_auth.AzureAuth`; their config comes
from `_config.azure_config`.
"""

from __future__ import annotations

from ._async.azure import AsyncAzureImagesClient
from ._azure_auth import AsyncAzureADTokenProvider, AzureADTokenProvider
from ._sync.azure import AzureImagesClient

__all__ = [
    "AsyncAzureADTokenProvider",
    "AsyncAzureImagesClient",
    "AzureADTokenProvider",
    "AzureImagesClient",
]
