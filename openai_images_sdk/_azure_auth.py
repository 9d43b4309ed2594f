"""What the Azure clients change in the transport: credentials and deployment paths."""

from __future__ import annotations

import inspect
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeAlias

from ._base_client import BaseClient
from ._config import Secret
from ._exceptions import OpenAIError
from ._headers import clean_api_key
from ._operation import OperationSpec

__all__ = ["AsyncAzureADTokenProvider", "AzureADTokenProvider", "AzureAuth"]

AzureADTokenProvider: TypeAlias = Callable[[], str]
"""Returns a Microsoft Entra ID (Azure AD) access token; called before every request."""
AsyncAzureADTokenProvider: TypeAlias = Callable[[], "str | Awaitable[str]"]
"""Like `AzureADTokenProvider`, and may be a coroutine function."""


def _checked_token(token: object) -> str:
    if not isinstance(token, str) or not token:
        raise OpenAIError(
            f"azure_ad_token_provider returned {type(token).__name__}, expected a non-empty str"
        )
    return clean_api_key(token, source="azure_ad_token_provider")


class AzureAuth(BaseClient[Any]):
    """Azure credentials (``api-key``, or an Entra ID token, fixed or from a provider) and
    ``/deployments/{model}`` paths, mixed into both Azure clients."""

    _azure_ad_token: Secret | None
    _azure_ad_token_provider: Callable[[], object] | None

    @property
    def api_version(self) -> str:
        """The ``api-version`` query parameter sent with every request."""
        return str(self._config.default_query["api-version"])

    def _auth_from(self, token: str | None) -> dict[str, str]:
        if token:
            return {"Authorization": f"Bearer {token}"}
        if self._config.api_key is not None:
            return {"api-key": self._config.api_key.value}
        return {}

    def _static_token(self) -> str | None:
        return self._azure_ad_token.value if self._azure_ad_token else None

    def _auth_headers(self) -> dict[str, str]:
        provider = self._azure_ad_token_provider
        return self._auth_from(_checked_token(provider()) if provider else self._static_token())

    async def _async_auth_headers(self) -> dict[str, str]:
        provider = self._azure_ad_token_provider
        if provider is None:
            return self._auth_from(self._static_token())
        token = provider()
        if inspect.isawaitable(token):
            token = await token
        return self._auth_from(_checked_token(token))

    def _operation_path(self, op: OperationSpec, params: Mapping[str, object]) -> str:
        path = super()._operation_path(op, params)
        model = params.get("model")
        if (
            "/deployments/" not in self._config.base_url.path
            and path.startswith("/images/")
            and isinstance(model, str)
        ):
            return f"/deployments/{urllib.parse.quote(model, safe='')}{path}"
        return path
