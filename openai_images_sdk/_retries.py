"""Retry policy, without I/O: which outcomes are retried and how long to wait before the next try."""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable, Mapping
from typing import Final

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "backoff_delay",
    "is_retryable_status",
    "retry_after_seconds",
    "retry_delay",
]

DEFAULT_MAX_RETRIES: Final = 2
INITIAL_RETRY_DELAY: Final = 0.5
"""Seconds before the first retry when the server does not say."""
MAX_RETRY_DELAY: Final = 8.0
"""The computed backoff never exceeds this many seconds."""
MAX_RETRY_AFTER: Final = 60.0
"""A server-given wait above this many seconds is ignored in favour of the computed backoff."""

_RETRYABLE_STATUSES: Final = frozenset({408, 409, 429})


def is_retryable_status(status_code: int, headers: Mapping[str, str]) -> bool:
    """Whether a response with this status is worth another try.

    The server's ``x-should-retry: true|false`` wins; otherwise 408, 409, 429 and 5xx retry.
    """
    should_retry = headers.get("x-should-retry", "").strip().lower()
    if should_retry == "true":
        return True
    if should_retry == "false":
        return False
    return status_code in _RETRYABLE_STATUSES or status_code >= 500


def retry_after_seconds(
    headers: Mapping[str, str], *, now: Callable[[], float] = time.time
) -> float | None:
    """The wait the server asked for, from ``retry-after-ms`` or ``Retry-After``, or None.

    ``Retry-After`` may be a number of seconds or an HTTP date. Values that are not numbers,
    not finite or negative give None.
    """
    milliseconds = _number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    text = headers.get("retry-after")
    if text is None:
        return None
    seconds = _number(text)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now())


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.strip())
    except ValueError:
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return value


def backoff_delay(retries_taken: int, *, rand: Callable[[], float] = random.random) -> float:
    """Exponential backoff with jitter: about 0.5 s, 1 s, 2 s, ... capped at `MAX_RETRY_DELAY`.

    `retries_taken` counts the retries already made; up to a quarter of the delay is
    removed at random so that many clients do not retry in step.
    """
    base = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 32), MAX_RETRY_DELAY)
    return base * (1.0 - 0.25 * rand())


def retry_delay(
    retries_taken: int,
    headers: Mapping[str, str] | None,
    *,
    rand: Callable[[], float] = random.random,
    now: Callable[[], float] = time.time,
) -> float:
    """Seconds to wait before the next try: the server's wait when sensible, else the backoff."""
    if headers is not None:
        asked = retry_after_seconds(headers, now=now)
        if asked is not None and asked <= MAX_RETRY_AFTER:
            return asked
    return backoff_delay(retries_taken, rand=rand)
