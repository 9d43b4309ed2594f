"""When the next request may start: rate-limit pauses, pacing and an images-per-minute cap.

`Pacer` is the decision logic without I/O or clocks (times are passed in); `Gate` drives
it with a real clock and sleeps. Every worker of a run goes through one gate, so a pause
stops them all.

- A 429 pauses every worker for the server's ``Retry-After`` (else the reset time).
- ``x-ratelimit-remaining-requests`` (or ``-tokens``) at 0 pauses every worker until the
  matching ``-reset-`` time.
- Requests still in flight count against the remaining budget (the server has not
  answered them yet): when none is left over, every worker pauses until the reset; when
  fewer are left than may be in flight, starts are spread over the reset time
  (``reset / left`` apart) so the window is not overrun.
- With `images_per_minute`, starts are spaced so that each request's images fit the cap.
- No single pause lasts longer than `max_pause` seconds, whatever the server asks for
  (``Retry-After: 100000``, a date in 2099, ``x-ratelimit-reset-requests: 1000h``): the
  request that follows finds out whether the limit has really turned.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable
from typing import Final

import anyio

from openai_images_sdk._ratelimits import RateLimits

__all__ = ["Gate", "Pacer"]

_LOGGER: Final = logging.getLogger("openai_images_sdk.bulk")
MARGIN: Final = 0.05
"""Seconds added to a server-given wait, so requests arrive after the window has turned."""


class Pacer:
    """Shared start times of one run's requests (no I/O; callers pass the clock's time)."""

    def __init__(
        self,
        *,
        images_per_minute: float | None = None,
        low_water: int = 1,
        max_pause: float = math.inf,
    ) -> None:
        if images_per_minute is not None and not images_per_minute > 0:
            raise ValueError(f"images_per_minute must be above 0, got {images_per_minute}")
        self.images_per_minute = images_per_minute
        self.max_pause = max_pause
        """The longest one pause may last (seconds)."""
        self.capped = 0
        """How many server-given waits were cut to `max_pause`."""
        self.low_water = max(1, low_water)
        self.paused_until = -math.inf
        self.pauses = 0
        """How many times the run was paused for a rate limit."""
        self._next_slot = -math.inf
        self._spacing = 0.0
        self._spacing_until = -math.inf
        self._last_start = -math.inf

    def pause_left(self, now: float) -> float:
        """Seconds until a rate-limit pause ends (0 when not paused)."""
        return max(0.0, self.paused_until - now)

    def _capped(self, seconds: float) -> float:
        if seconds > self.max_pause:
            self.capped += 1
            return self.max_pause
        return max(0.0, seconds)

    def pause(self, now: float, seconds: float) -> None:
        """Pause every request for `seconds` (at most `max_pause`, plus a margin) from `now`."""
        wait = self._capped(seconds)
        until = now + wait + MARGIN
        if until > self.paused_until:
            if self.paused_until <= now:
                self.pauses += 1
                _LOGGER.info(
                    "Rate limit: every request pauses for %.1f s%s",
                    wait,
                    f" (asked {seconds:.1f} s, capped at max_pause)" if wait < seconds else "",
                    extra={"pause_s": wait, "asked_pause_s": seconds},
                )
            self.paused_until = until

    def reserve(self, now: float, images: int) -> float:
        """The time a request for `images` images may start (at least `now`), reserved."""
        start = max(now, self.paused_until)
        if start < self._spacing_until:
            start = max(start, self._last_start + self._spacing)
        if self.images_per_minute is not None:
            start = max(start, self._next_slot)
            self._next_slot = start + images * 60.0 / self.images_per_minute
        self._last_start = max(self._last_start, start)
        return start

    def observe(self, now: float, limits: RateLimits, *, in_flight: int = 0) -> None:
        """Take in the rate-limit headers of a response.

        `in_flight` counts the other requests sent and not yet answered: they may use
        up what the headers say remains.
        """
        tokens, tokens_reset = limits.remaining_tokens, limits.reset_tokens
        if tokens is not None and tokens_reset is not None and tokens <= 0:
            self.pause(now, tokens_reset)
        remaining, reset = limits.remaining_requests, limits.reset_requests
        if remaining is None or reset is None:
            return
        left = remaining - in_flight
        if left <= 0:
            self.pause(now, reset)
        elif left < self.low_water:
            reset = min(reset, self.max_pause)
            self._spacing = (reset + MARGIN) / left
            self._spacing_until = now + reset
        else:
            self._spacing_until = -math.inf


class Gate:
    """`Pacer` with a clock: `wait` returns when a request may start."""

    def __init__(
        self,
        pacer: Pacer,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.pacer = pacer
        self.clock = clock
        self.in_flight = 0
        """Requests between `wait` and `release`."""
        if sleep is None:
            sleep = anyio.sleep
        self._sleep = sleep

    async def wait(self, images: int = 1) -> None:
        """Sleep through pauses and pacing, then return; pair with `release`."""
        while True:
            left = self.pacer.pause_left(self.clock())
            if left > 0:
                await self._sleep(left)
                continue
            now = self.clock()
            start = self.pacer.reserve(now, images)
            if start > now:
                await self._sleep(start - now)
            if self.pacer.pause_left(self.clock()) <= 0:
                self.in_flight += 1
                return

    def release(self, limits: RateLimits | None = None) -> None:
        """A request has been answered (or failed); take in its rate-limit headers."""
        self.in_flight = max(0, self.in_flight - 1)
        if limits is not None:
            self.pacer.observe(self.clock(), limits, in_flight=self.in_flight)

    def pause(self, seconds: float) -> None:
        """Pause every request for `seconds`."""
        self.pacer.pause(self.clock(), seconds)
