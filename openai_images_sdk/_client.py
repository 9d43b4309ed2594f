"""The public clients: `ImagesClient` and `AsyncImagesClient`."""

from __future__ import annotations

import copy
import os
from typing import Any, ClassVar, Final, Self

import attrs
import httpx

from ._base_client import AsyncAPIClient, BaseClient, HttpxClientT, SyncAPIClient
from ._config import DEFAULT_TIMEOUT, ClientConfig, Secret, check_config, to_base_url, to_timeout
from ._exceptions import OpenAIError
from ._generated.resources import AsyncClientResources, ClientResources
from ._retries import DEFAULT_MAX_RETRIES
from ._types import NOT_GIVEN, Headers, NotGiven, Query, ValidationMode

__all__ = ["DEFAULT_BASE_URL", "AsyncImagesClient", "ClientOptions", "ImagesClient"]

DEFAULT_BASE_URL: Final = "https://api.openai.com/v1"
_HTTPX_DEFAULT_TIMEOUT: Final = httpx.Timeout(5.0)


def env(name: str) -> str | None:
    """An environment variable, None when unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or None


def resolve_timeout(
    timeout: float | httpx.Timeout | None | NotGiven,
    http_client: httpx.Client | httpx.AsyncClient | None,
) -> httpx.Timeout:
    """The given timeout; else a passed-in client's own (when not httpx's default); else ours."""
    if not isinstance(timeout, NotGiven):
        return to_timeout(timeout)
    if http_client is not None and http_client.timeout != _HTTPX_DEFAULT_TIMEOUT:
        return http_client.timeout
    return DEFAULT_TIMEOUT


def _openai_config(
    *,
    api_key: str | None,
    organization: str | None,
    project: str | None,
    base_url: str | httpx.URL | None,
    timeout: float | httpx.Timeout | None | NotGiven,
    max_retries: int,
    default_headers: Headers | None,
    default_query: Query | None,
    http_client: httpx.Client | httpx.AsyncClient | None,
    validation: ValidationMode,
) -> ClientConfig:
    api_key = api_key or env("OPENAI_API_KEY")
    if not api_key:
        raise OpenAIError(
            "No API key given: pass api_key=... to the client "
            "or set the OPENAI_API_KEY environment variable."
        )
    return ClientConfig(
        api_key=Secret(api_key),
        base_url=to_base_url(base_url or env("OPENAI_BASE_URL") or DEFAULT_BASE_URL),
        organization=organization or env("OPENAI_ORG_ID"),
        project=project or env("OPENAI_PROJECT_ID"),
        default_headers=dict(default_headers or {}),
        default_query=dict(default_query or {}),
        timeout=resolve_timeout(timeout, http_client),
        max_retries=max_retries,
        validation=validation,
    )


class ClientOptions(BaseClient[HttpxClientT]):
    """The options of a client, readable, and `with_options` to derive a changed copy."""

    RESOURCE_NAMES: ClassVar[tuple[str, ...]]
    """The cached resource properties (generated from the spec), rebuilt by a copy."""

    @property
    def api_key(self) -> str | None:
        """The API key sent with each request."""
        return self._config.api_key.value if self._config.api_key else None

    @property
    def base_url(self) -> httpx.URL:
        """The URL operation paths are appended to."""
        return self._config.base_url

    @property
    def organization(self) -> str | None:
        """Sent as ``OpenAI-Organization``."""
        return self._config.organization

    @property
    def project(self) -> str | None:
        """Sent as ``OpenAI-Project``."""
        return self._config.project

    @property
    def timeout(self) -> httpx.Timeout:
        """The default timeout of each attempt."""
        return self._config.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried."""
        return self._config.max_retries

    @property
    def validation(self) -> ValidationMode:
        """What to do with a call that breaks the API's rules: raise, warn or send anyway."""
        return self._config.validation

    @property
    def default_headers(self) -> Headers:
        """Headers added to every request."""
        return self._config.default_headers

    @property
    def default_query(self) -> Query:
        """Query parameters added to every request."""
        return self._config.default_query

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={str(self.base_url)!r}, "
            f"organization={self.organization!r}, project={self.project!r}, "
            f"max_retries={self.max_retries}, timeout={self.timeout!r})"
        )

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        organization: str | None | NotGiven = NOT_GIVEN,
        project: str | None | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: HttpxClientT | None = None,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy with some options changed, sharing this client's connection pool.

        `default_headers` and `default_query` are merged into the current ones (an `Omit`
        value removes a header). Closing the copy does not close the shared pool.
        """
        changes: dict[str, Any] = {}
        if not isinstance(api_key, NotGiven):
            changes["api_key"] = Secret(api_key)
        if not isinstance(organization, NotGiven):
            changes["organization"] = organization
        if not isinstance(project, NotGiven):
            changes["project"] = project
        if not isinstance(base_url, NotGiven):
            changes["base_url"] = to_base_url(base_url)
        if not isinstance(timeout, NotGiven):
            changes["timeout"] = to_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            changes["max_retries"] = max_retries
        if not isinstance(validation, NotGiven):
            changes["validation"] = validation
        if default_headers:
            changes["default_headers"] = {**self._config.default_headers, **default_headers}
        if default_query:
            changes["default_query"] = {**self._config.default_query, **default_query}
        clone = copy.copy(self)
        for resource in self.RESOURCE_NAMES:  # cached per client: rebuilt for the copy
            clone.__dict__.pop(resource, None)
        clone._config = check_config(attrs.evolve(self._config, **changes))
        if http_client is not None:
            clone._http_client = http_client
        clone._owns_http_client = False
        return clone


class ImagesClient(ClientResources, ClientOptions[httpx.Client], SyncAPIClient):
    """A client of the OpenAI Images API (or any server that speaks it).

    Options not given are read from the environment: ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``,
    ``OPENAI_ORG_ID``, ``OPENAI_PROJECT_ID``.

    :param timeout: per attempt; a number applies to every phase, None disables it.
        Default: 600 s, 5 s to connect.
    :param max_retries: retries of connection errors, timeouts, 408, 409, 429 and 5xx.
    :param http_client: your own `httpx.Client` (proxies, mTLS, transports); you close it.
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
        http_client: httpx.Client | None = None,
        validation: ValidationMode = "strict",
    ) -> None:
        config = _openai_config(
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
        )
        super().__init__(config=config, http_client=http_client)


class AsyncImagesClient(AsyncClientResources, ClientOptions[httpx.AsyncClient], AsyncAPIClient):
    """The async twin of `ImagesClient` (asyncio or trio); same options."""

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
    ) -> None:
        config = _openai_config(
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
        )
        super().__init__(config=config, http_client=http_client)
