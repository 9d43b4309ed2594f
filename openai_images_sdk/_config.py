"""What a client is configured with: defaults, the frozen option set, option coercions."""

from __future__ import annotations

import ipaddress
import platform
from typing import Final

import attrs
import httpx

from ._types import Headers, Omit, Query, ValidationMode
from ._version import __version__
from ._warn import warn

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "ClientConfig",
    "Secret",
    "check_config",
    "to_base_url",
    "to_timeout",
]

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
    return config
