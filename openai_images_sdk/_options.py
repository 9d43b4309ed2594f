"""`ClientOptions`: a client's options, readable, and `with_options` for a changed copy."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, ClassVar, Self, TypeVar

import attrs
import httpx

from ._base_client import BaseClient, HttpxClientT
from ._config import ClientConfig, check_config, checked_key, to_base_url, to_timeout
from ._headers import check_header_values
from ._read_only import ReadOnly
from ._types import NOT_GIVEN, Headers, NotGiven, Query, ValidationMode

__all__ = ["ClientOptions"]


_V = TypeVar("_V")


def _config_attr(get: Callable[[ClientConfig], _V], doc: str) -> ReadOnly[BaseClient[Any], _V]:
    """A client attribute read from its `ClientConfig`."""
    return ReadOnly(lambda client: get(client._config), doc)


class ClientOptions(BaseClient[HttpxClientT]):
    """The options of a client, readable, and `with_options` to derive a changed copy."""

    RESOURCE_NAMES: ClassVar[tuple[str, ...]]
    """The cached resource properties (generated from the spec), rebuilt by a copy."""

    api_key = _config_attr(
        lambda config: config.api_key.value if config.api_key else None,
        "The API key sent with each request.",
    )
    base_url = _config_attr(
        lambda config: config.base_url, "The URL operation paths are appended to."
    )
    organization = _config_attr(
        lambda config: config.organization, "Sent as ``OpenAI-Organization``."
    )
    project = _config_attr(lambda config: config.project, "Sent as ``OpenAI-Project``.")
    timeout = _config_attr(lambda config: config.timeout, "The default timeout of each attempt.")
    max_retries = _config_attr(
        lambda config: config.max_retries, "How many times a failed request is retried."
    )
    validation: ReadOnly[BaseClient[Any], ValidationMode] = _config_attr(
        lambda config: config.validation,
        "What to do with a call that breaks the API's rules: raise, warn or send anyway.",
    )
    max_stream_event_bytes = _config_attr(
        lambda config: config.max_stream_event_bytes,
        "The largest server-sent event a stream accepts (None: no cap).",
    )
    default_headers = _config_attr(
        lambda config: config.default_headers, "Headers added to every request."
    )
    default_query = _config_attr(
        lambda config: config.default_query, "Query parameters added to every request."
    )

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
        max_stream_event_bytes: int | None | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy with some options changed, sharing this client's connection pool.

        `default_headers` and `default_query` are merged into the current ones (an `Omit`
        value removes a header). Closing the copy does not close the shared pool.
        """
        changes: dict[str, Any] = {}
        if not isinstance(api_key, NotGiven):
            changes["api_key"] = checked_key(api_key, source="the api_key argument")
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
        if not isinstance(max_stream_event_bytes, NotGiven):
            changes["max_stream_event_bytes"] = max_stream_event_bytes
        if default_headers:
            check_header_values(default_headers, param="default_headers")
            changes["default_headers"] = {**self._config.default_headers, **default_headers}
        if default_query:
            changes["default_query"] = {**self._config.default_query, **default_query}
        clone = copy.copy(self)
        for resource in self.RESOURCE_NAMES:  # cached per client: rebuilt for the copy
            clone.__dict__.pop(resource, None)
        clone._config = check_config(attrs.evolve(self._config, **changes))
        if http_client is not None:
            clone._http_client = http_client
        clone._reset_templates()
        clone._owns_http_client = False
        return clone
