"""What a client is configured with: defaults, the frozen option set, option coercions,
and building that set from a constructor's arguments and the environment."""

from __future__ import annotations

import ipaddress
import os
import platform
import urllib.parse
from typing import Final, TypedDict, Unpack

import attrs
import httpx

from ._exceptions import OpenAIError
from ._headers import check_header_values, clean_api_key
from ._types import Headers, NotGiven, Omit, Query, ValidationMode
from ._version import __version__
from ._warn import warn

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_TIMEOUT",
    "POOL_HEADERS",
    "USER_AGENT",
    "ClientConfig",
    "ConstructorOptions",
    "Secret",
    "azure_config",
    "check_config",
    "checked_key",
    "env",
    "openai_config",
    "resolve_timeout",
    "to_base_url",
    "to_timeout",
]

DEFAULT_BASE_URL: Final = "https://api.openai.com/v1"
DEFAULT_TIMEOUT: Final = httpx.Timeout(600.0, connect=5.0)
"""Ten minutes to answer (high-quality images take minutes), five seconds to connect."""
DEFAULT_LIMITS: Final = httpx.Limits(
    max_connections=512, max_keepalive_connections=20, keepalive_expiry=15.0
)
"""httpcore 1.0.9 rescans every pooled connection for every queued request, so idle
kept-alive connections make bursts slow: 500 concurrent calls took 11.4 s with (100, 100)
and 1.1 s with (512, 20) against a 200 ms loopback server (benchmarks/bench_overhead.py)."""
USER_AGENT: Final = (
    f"openai-images-sdk/{__version__} "
    f"(Python {platform.python_version()}; httpx {httpx.__version__})"
)
POOL_HEADERS: Final = {"User-Agent": USER_AGENT, "Accept": "application/json"}
"""The SDK's headers that never change: the pools the SDK opens send them by default, so a
request does not replace httpx's own (which costs httpx a scan of the headers per name)."""
_HTTPX_DEFAULT_TIMEOUT: Final = httpx.Timeout(5.0)
DEFAULT_MAX_EVENT_BYTES: Final = 64 * 1024 * 1024
"""The largest server-sent event (or unterminated line) a stream accepts by default."""


@attrs.frozen
class Secret:
    """A credential that never shows in a repr or str."""

    value: str = attrs.field(repr=False)

    def __repr__(self) -> str:
        return "Secret('REDACTED')"

    __str__ = __repr__


@attrs.frozen(kw_only=True)
class ClientConfig:
    """The options a client was built with (`with_options` derives a changed copy)."""

    api_key: Secret | None
    base_url: httpx.URL
    organization: str | None = None
    project: str | None = None
    default_headers: Headers = attrs.field(factory=dict[str, "str | Omit"])
    default_query: Query = attrs.field(factory=dict[str, object])
    timeout: httpx.Timeout = DEFAULT_TIMEOUT
    max_retries: int = 2
    validation: ValidationMode = "strict"
    max_stream_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES
    """The largest server-sent event (or unterminated line) a stream accepts; None: no cap."""


def to_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    """A timeout option as an `httpx.Timeout` (a number applies to every phase; None: never)."""
    if isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(value)


def to_base_url(value: str | httpx.URL) -> httpx.URL:
    """A base URL with exactly one trailing slash, so operation paths join onto it.

    Warns when it is plain ``http://`` to a host other than this machine: the API key
    would cross the network unencrypted.
    """
    url = httpx.URL(value)
    if url.scheme == "http" and not _is_loopback(url.host):
        warn(
            f"base_url {str(url)!r} is plain http:// to a remote host: the API key and "
            "images would be sent unencrypted; use https://",
            UserWarning,
        )
    return url.copy_with(path=url.path.rstrip("/") + "/")


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_config(config: ClientConfig) -> ClientConfig:
    """`config`, after checking the values that have a range; raises `ValueError`."""
    if config.max_retries < 0:
        raise ValueError(f"max_retries must be 0 or more, got {config.max_retries}")
    if config.validation not in ("strict", "warn", "off"):
        raise ValueError(f"validation must be 'strict', 'warn' or 'off', got {config.validation!r}")
    limit = config.max_stream_event_bytes
    if limit is not None and (type(limit) is not int or limit < 1):
        raise ValueError(f"max_stream_event_bytes must be a positive int or None, got {limit!r}")
    return config


def checked_key(value: str | None, *, source: str) -> Secret | None:
    """A credential as a `Secret`, stripped and checked (`clean_api_key`); None stays None."""
    return None if value is None else Secret(clean_api_key(value, source=source))


def _credential(given: str | None, name: str, variable: str) -> Secret | None:
    """The argument `name` when given (white space alone is an error), else the variable."""
    if given:
        return checked_key(given, source=f"the {name} argument")
    return checked_key(env(variable), source=f"the {variable} environment variable")


# --- building a config from a constructor's arguments ------------------------------------


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


class ConstructorOptions(TypedDict):
    """The options every client constructor takes besides its credentials and URL."""

    organization: str | None
    project: str | None
    timeout: float | httpx.Timeout | None | NotGiven
    max_retries: int
    default_headers: Headers | None
    default_query: Query | None
    http_client: httpx.Client | httpx.AsyncClient | None
    validation: ValidationMode
    max_stream_event_bytes: int | None


def _client_config(
    api_key: Secret | None,
    base_url: httpx.URL,
    options: ConstructorOptions,
    *,
    fixed_query: Query,
) -> ClientConfig:
    default_headers = dict(options["default_headers"] or {})
    check_header_values(default_headers, param="default_headers")
    return ClientConfig(
        api_key=api_key,
        base_url=base_url,
        organization=options["organization"],
        project=options["project"],
        default_headers=default_headers,
        default_query={**fixed_query, **(options["default_query"] or {})},
        timeout=resolve_timeout(options["timeout"], options["http_client"]),
        max_retries=options["max_retries"],
        validation=options["validation"],
        max_stream_event_bytes=options["max_stream_event_bytes"],
    )


def openai_config(
    *,
    api_key: str | None,
    base_url: str | httpx.URL | None,
    **options: Unpack[ConstructorOptions],
) -> ClientConfig:
    """The config of an `ImagesClient` / `AsyncImagesClient`, options not given read from
    ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``OPENAI_ORG_ID``, ``OPENAI_PROJECT_ID``."""
    key = _credential(api_key, "api_key", "OPENAI_API_KEY")
    if key is None:
        raise OpenAIError(
            "No API key given: pass api_key=... to the client "
            "or set the OPENAI_API_KEY environment variable."
        )
    options["organization"] = options["organization"] or env("OPENAI_ORG_ID")
    options["project"] = options["project"] or env("OPENAI_PROJECT_ID")
    url = to_base_url(base_url or env("OPENAI_BASE_URL") or DEFAULT_BASE_URL)
    return _client_config(key, url, options, fixed_query={})


def azure_config(
    *,
    api_key: str | None,
    azure_ad_token: str | None,
    has_token_provider: bool,
    azure_endpoint: str | None,
    azure_deployment: str | None,
    api_version: str | None,
    base_url: str | httpx.URL | None,
    **options: Unpack[ConstructorOptions],
) -> tuple[ClientConfig, Secret | None]:
    """The config of an Azure client and its fixed Entra ID token, options not given read
    from ``AZURE_OPENAI_API_KEY``, ``AZURE_OPENAI_AD_TOKEN``, ``AZURE_OPENAI_ENDPOINT``,
    ``OPENAI_API_VERSION``."""
    key = _credential(api_key, "api_key", "AZURE_OPENAI_API_KEY")
    token = _credential(azure_ad_token, "azure_ad_token", "AZURE_OPENAI_AD_TOKEN")
    if not (key or token or has_token_provider):
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
        url = to_base_url(_azure_url(azure_endpoint, azure_deployment))
    config = _client_config(key, url, options, fixed_query={"api-version": api_version})
    return config, token


def _azure_url(azure_endpoint: str | None, azure_deployment: str | None) -> str:
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
    return endpoint.rstrip("/") + path
