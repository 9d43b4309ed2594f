"""Rate-limit headers for the fake server: a fixed window of requests per path set.

    FakeImagesServer(rate_limit=RateLimit(requests=5, window=1.0))

Every answer to an image request then carries ``x-ratelimit-limit-requests``,
``x-ratelimit-remaining-requests`` (counting down as requests arrive) and
``x-ratelimit-reset-requests`` (time left in the window, e.g. ``0.734s``). With
``enforce=True`` (the default) a request beyond the limit is answered 429 with
``Retry-After`` set to the time left, as the API does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping

import attrs

from ._faults import StatusFault

__all__ = ["IMAGE_PATHS", "RateLimit", "RateWindow"]

IMAGE_PATHS = ("/v1/images/generations", "/v1/images/edits", "/v1/images/variations")


@attrs.frozen(kw_only=True)
class RateLimit:
    """A limit of `requests` per `window` seconds on `paths` (the image endpoints)."""

    requests: int
    window: float = 60.0
    enforce: bool = True
    paths: tuple[str, ...] = IMAGE_PATHS

    def __attrs_post_init__(self) -> None:
        if self.requests < 1 or not self.window > 0:
            raise ValueError("a rate limit needs requests >= 1 and window > 0")


def _duration(seconds: float) -> str:
    return f"{max(0.0, seconds):.3f}s"


class RateWindow:
    """The counting state of one `RateLimit` (thread-safe; the window starts on first use)."""

    def __init__(self, limit: RateLimit, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._start = -limit.window
        self._count = 0

    def admit(self, path: str) -> tuple[Mapping[str, str], StatusFault | None]:
        """Count a request to `path`: the headers to send, and a 429 when it is over the limit."""
        if path not in self.limit.paths:
            return {}, None
        with self._lock:
            now = self._clock()
            if now >= self._start + self.limit.window:
                self._start, self._count = now, 0
            self._count += 1
            over = self._count > self.limit.requests
            left = self._start + self.limit.window - now
            remaining = max(0, self.limit.requests - self._count)
        headers = {
            "x-ratelimit-limit-requests": str(self.limit.requests),
            "x-ratelimit-remaining-requests": str(remaining),
            "x-ratelimit-reset-requests": _duration(left),
        }
        if over and self.limit.enforce:
            return headers, StatusFault(status=429, retry_after=round(left, 3), headers=headers)
        return headers, None

    def reset(self) -> None:
        """Start over with a full window."""
        with self._lock:
            self._start, self._count = -self.limit.window, 0
