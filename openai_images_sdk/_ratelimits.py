"""The ``x-ratelimit-*`` response headers, parsed."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Final

import attrs
import httpx

__all__ = ["RateLimits", "parse_reset"]

_UNIT_SECONDS: Final[Mapping[str, float]] = {
    "h": 3600.0,
    "m": 60.0,
    "s": 1.0,
    "ms": 1e-3,
    "us": 1e-6,
    "µs": 1e-6,
    "ns": 1e-9,
}
_PART: Final = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ms|us|µs|ns|h|m|s)")
_DURATION: Final = re.compile(r"(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ms|us|µs|ns|h|m|s))+")


def parse_reset(text: str | None) -> float | None:
    """Seconds in a reset header: ``1s``, ``6m0s``, ``20ms``, ``1h2m3.5s``, or a bare number.

    None when absent or not in one of those forms.
    """
    if text is None:
        return None
    text = text.strip()
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return number if math.isfinite(number) and number >= 0 else None
    if not _DURATION.fullmatch(text):
        return None
    return sum(float(amount) * _UNIT_SECONDS[unit] for amount, unit in _PART.findall(text))


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        try:
            return int(float(text.strip()))
        except (ValueError, OverflowError):
            return None


@attrs.frozen(kw_only=True)
class RateLimits:
    """The rate limits a response reported; None where the header was absent or unreadable.

    `reset_*` are seconds until the window resets. `raw` keeps every ``x-ratelimit-*``
    header as sent (lower-cased names), including ones not parsed here.
    """

    limit_requests: int | None = None
    remaining_requests: int | None = None
    reset_requests: float | None = None
    limit_tokens: int | None = None
    remaining_tokens: int | None = None
    reset_tokens: float | None = None
    raw: Mapping[str, str] = attrs.field(factory=dict[str, str])

    @classmethod
    def from_headers(cls, headers: httpx.Headers) -> RateLimits:
        """Parse the ``x-ratelimit-{limit,remaining,reset}-{requests,tokens}`` headers."""
        raw = {
            key.lower(): value
            for key, value in headers.items()
            if key.lower().startswith("x-ratelimit-")
        }
        return cls(
            limit_requests=_int(raw.get("x-ratelimit-limit-requests")),
            remaining_requests=_int(raw.get("x-ratelimit-remaining-requests")),
            reset_requests=parse_reset(raw.get("x-ratelimit-reset-requests")),
            limit_tokens=_int(raw.get("x-ratelimit-limit-tokens")),
            remaining_tokens=_int(raw.get("x-ratelimit-remaining-tokens")),
            reset_tokens=parse_reset(raw.get("x-ratelimit-reset-tokens")),
            raw=raw,
        )
