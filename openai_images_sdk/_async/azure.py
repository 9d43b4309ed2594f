"""`AsyncAzureImagesClient`: `AsyncImagesClient` for Azure OpenAI."""

from __future__ import annotations

import httpx

from openai_images_sdk._azure_auth import AsyncAzureADTokenProvider, AzureAuth
from openai_images_sdk._config import DEFAULT_MAX_EVENT_BYTES, azure_config
from openai_images_sdk._retries import DEFAULT_MAX_RETRIES
from openai_images_sdk._types import NOT_GIVEN, Headers, NotGiven, Query, ValidationMode

from .client import AsyncImagesClient
from .transport import AsyncAPIClient

__all__ = ["AsyncAzureImagesClient"]


class AsyncAzureImagesClient(AzureAuth, AsyncImagesClient):
    """An `AsyncImagesClient` for Azure OpenAI.

    Requests go to ``{azure_endpoint}/openai/deployments/{azure_deployment}/images/...``
    (without a deployment, the call's `model` names it) with ``?api-version=``.
    Credentials: `api_key` (sent as ``api-key``), or a Microsoft Entra ID token, fixed
    (`azure_ad_token`) or fetched before every request (`azure_ad_token_provider`; for the
    async client it may be a coroutine function), which wins over the key.
    Environment: ``AZURE_OPENAI_API_KEY``, ``AZURE_OPENAI_AD_TOKEN``,
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
        max_stream_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        config, self._azure_ad_token = azure_config(
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
            max_stream_event_bytes=max_stream_event_bytes,
        )
        self._azure_ad_token_provider = azure_ad_token_provider
        AsyncAPIClient.__init__(self, config=config, http_client=http_client)
