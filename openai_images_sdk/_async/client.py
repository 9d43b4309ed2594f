"""`AsyncImagesClient`: the generated resources over the transport."""

from __future__ import annotations

import httpx

from openai_images_sdk._config import DEFAULT_MAX_EVENT_BYTES, openai_config
from openai_images_sdk._generated.resources import AsyncClientResources
from openai_images_sdk._options import ClientOptions
from openai_images_sdk._retries import DEFAULT_MAX_RETRIES
from openai_images_sdk._types import NOT_GIVEN, Headers, NotGiven, Query, ValidationMode

from .transport import AsyncAPIClient

__all__ = ["AsyncImagesClient"]


class AsyncImagesClient(AsyncClientResources, ClientOptions[httpx.AsyncClient], AsyncAPIClient):
    """A client of the OpenAI Images API (or any server that speaks it).

    The sync client and the async one (asyncio or trio) take the same options.
    Options not given are read from the environment: ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``,
    ``OPENAI_ORG_ID``, ``OPENAI_PROJECT_ID``.

    :param timeout: per attempt; a number applies to every phase, None disables it.
        Default: 600 s, 5 s to connect.
    :param max_retries: retries of connection errors, timeouts, 408, 409, 429 and 5xx.
    :param http_client: your own `httpx.AsyncClient` (proxies, mTLS, transports); you close it.
    :param validation: check calls against the API's rules before sending: ``"strict"``
        raises `ValidationError`, ``"warn"`` warns, ``"off"`` sends as is.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
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
        config = openai_config(
            api_key=api_key,
            organization=organization,
            project=project,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            validation=validation,
            max_stream_event_bytes=max_stream_event_bytes,
        )
        super().__init__(config=config, http_client=http_client)
