"""Clients for Azure OpenAI: deployment URLs, ``api-version``, ``api-key`` or Entra ID tokens."""

from __future__ import annotations

import inspect
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeAlias

import httpx

from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
from ._client import AsyncImagesClient, ImagesClient, env, resolve_timeout
from ._config import ClientConfig, Secret, to_base_url
from ._exceptions import OpenAIError
from ._operation import OperationSpec
from ._retries import DEFAULT_MAX_RETRIES
from ._types import NOT_GIVEN, Headers, NotGiven, Query, ValidationMode

__all__ = [
    "AsyncAzureADTokenProvider",
    "AsyncAzureImagesClient",
    "AzureADTokenProvider",
    "AzureImagesClient",
]

AzureADTokenProvider: TypeAlias = Callable[[], str]
"""Returns a Microsoft Entra ID (Azure AD) access token; called before every request."""
AsyncAzureADTokenProvider: TypeAlias = Callable[[], "str | Awaitable[str]"]
"""Like `AzureADTokenProvider`, and may be a coroutine function."""


def _azure_config(
    *,
    api_key: str | None,
    azure_ad_token: str | None,
    has_token_provider: bool,
    azure_endpoint: str | None,
    azure_deployment: str | None,
    api_version: str | None,
    base_url: str | httpx.URL | None,
    organization: str | None,
    project: str | None,
    timeout: float | httpx.Timeout | None | NotGiven,
    max_retries: int,
    default_headers: Headers | None,
    default_query: Query | None,
    http_client: httpx.Client | httpx.AsyncClient | None,
    validation: ValidationMode,
) -> ClientConfig:
    if not (api_key or azure_ad_token or has_token_provider):
        raise OpenAIError(
            "No credentials given: pass api_key=..., azure_ad_token=... or "
            "azure_ad_token_provider=..., or set AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN."
        )
    api_version = api_version or env("OPENAI_API_VERSION")
    if not api_version:
        raise OpenAIError(
            "No API version given: pass api_version=... (e.g. '2025-04-01-preview') "
            "or set the OPENAI_API_VERSION environment variable."
        )
    if base_url is not None:
        if azure_endpoint is not None or azure_deployment is not None:
            raise ValueError("Give base_url, or azure_endpoint (and azure_deployment); not both.")
        url = to_base_url(base_url)
    else:
        endpoint = azure_endpoint or env("AZURE_OPENAI_ENDPOINT")
        if not endpoint:
            raise OpenAIError(
                "No endpoint given: pass azure_endpoint=... (e.g. "
                "'https://example.openai.azure.com') or base_url=..., "
                "or set the AZURE_OPENAI_ENDPOINT environment variable."
            )
        path = "/openai"
        if azure_deployment and "/" in azure_deployment:
            raise ValueError(
                f"azure_deployment {azure_deployment!r} contains '/': a deployment name is "
                "one path segment (letters, digits, '-', '_', '.')"
            )
        if azure_deployment:
            path += f"/deployments/{urllib.parse.quote(azure_deployment, safe='')}"
        url = to_base_url(endpoint.rstrip("/") + path)
    return ClientConfig(
        api_key=Secret(api_key) if api_key else None,
        base_url=url,
        organization=organization,
        project=project,
        default_headers=dict(default_headers or {}),
        default_query={"api-version": api_version, **(default_query or {})},
        timeout=resolve_timeout(timeout, http_client),
        max_retries=max_retries,
        validation=validation,
    )


def _checked_token(token: object) -> str:
    if not isinstance(token, str) or not token:
        raise OpenAIError(
            f"azure_ad_token_provider returned {type(token).__name__}, expected a non-empty str"
        )
    return token


class _AzureAuth(BaseClient[Any]):
    """What the Azure twins change: credentials, secrets to scrub, deployment paths."""

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


class AzureImagesClient(_AzureAuth, ImagesClient):
    """An `ImagesClient` for Azure OpenAI.

    Requests go to ``{azure_endpoint}/openai/deployments/{azure_deployment}/images/...``
    (without a deployment, the call's `model` names it) with ``?api-version=``.
    Credentials: `api_key` (sent as ``api-key``), or a Microsoft Entra ID token, fixed
    (`azure_ad_token`) or fetched before every request (`azure_ad_token_provider`), which
    wins over the key. Environment: ``AZURE_OPENAI_API_KEY``, ``AZURE_OPENAI_AD_TOKEN``,
    ``AZURE_OPENAI_ENDPOINT``, ``OPENAI_API_VERSION``.

    :param base_url: instead of `azure_endpoint`, the full URL up to ``/images``.
    """

    def __init__(
        self,
        *,
        azure_endpoint: str | None = None,
        azure_deployment: str | None = None,
        api_version: str | None = None,
        api_key: str | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AzureADTokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx.Client | None = None,
        validation: ValidationMode = "strict",
    ) -> None:
        api_key = api_key or env("AZURE_OPENAI_API_KEY")
        azure_ad_token = azure_ad_token or env("AZURE_OPENAI_AD_TOKEN")
        config = _azure_config(
            api_key=api_key,
            azure_ad_token=azure_ad_token,
            has_token_provider=azure_ad_token_provider is not None,
            azure_endpoint=azure_endpoint,
            azure_deployment=azure_deployment,
            api_version=api_version,
            base_url=base_url,
            organization=organization,
            project=project,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            validation=validation,
        )
        self._azure_ad_token = Secret(azure_ad_token) if azure_ad_token else None
        self._azure_ad_token_provider = azure_ad_token_provider
        SyncAPIClient.__init__(self, config=config, http_client=http_client)


class AsyncAzureImagesClient(_AzureAuth, AsyncImagesClient):
    """The async twin of `AzureImagesClient`; the token provider may be a coroutine function."""

    def __init__(
        self,
        *,
        azure_endpoint: str | None = None,
        azure_deployment: str | None = None,
        api_version: str | None = None,
        api_key: str | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx.AsyncClient | None = None,
        validation: ValidationMode = "strict",
    ) -> None:
        api_key = api_key or env("AZURE_OPENAI_API_KEY")
        azure_ad_token = azure_ad_token or env("AZURE_OPENAI_AD_TOKEN")
        config = _azure_config(
            api_key=api_key,
            azure_ad_token=azure_ad_token,
            has_token_provider=azure_ad_token_provider is not None,
            azure_endpoint=azure_endpoint,
            azure_deployment=azure_deployment,
            api_version=api_version,
            base_url=base_url,
            organization=organization,
            project=project,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            validation=validation,
        )
        self._azure_ad_token = Secret(azure_ad_token) if azure_ad_token else None
        self._azure_ad_token_provider = azure_ad_token_provider
        AsyncAPIClient.__init__(self, config=config, http_client=http_client)

    async def _async_auth_headers(self) -> dict[str, str]:
        provider = self._azure_ad_token_provider
        if provider is None:
            return self._auth_from(self._static_token())
        token = provider()
        if inspect.isawaitable(token):
            token = await token
        return self._auth_from(_checked_token(token))
