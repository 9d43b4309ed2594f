"""One request with retries at a shared `Gate`, as bulk runs and `process` send it.

`retry_plan` decides after each failed attempt; `paced_call` waits at the gate, calls,
hands the answer's rate-limit headers back to the gate and retries until the plan says
stop, returning `GaveUp` instead of raising; `worker_violations` checks the options
every such run shares.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import attrs

from openai_images_sdk._exceptions import APIConnectionError, APIStatusError, Violation
from openai_images_sdk._ratelimits import RateLimits
from openai_images_sdk._retries import (
    MAX_RETRY_AFTER,
    backoff_delay,
    is_retryable_status,
    retry_after_seconds,
)

from ._pacing import Gate

__all__ = ["GaveUp", "paced_call", "retry_plan", "worker_violations"]


def retry_plan(error: Exception, attempts: int, max_attempts: int) -> tuple[float, bool] | None:
    """After a failed attempt: ``(seconds to wait, pause every worker)``, or None to give up.

    429 pauses everyone for ``Retry-After`` (else the reset header, else backoff); 408,
    409, 5xx and connection errors back off for this record only; ``x-should-retry`` wins.
    A 429 for an exhausted quota (code ``insufficient_quota``) is final.
    """
    if attempts >= max_attempts:
        return None
    if isinstance(error, APIStatusError):
        headers = error.response.headers
        if not is_retryable_status(error.status_code, headers):
            return None
        asked = retry_after_seconds(headers)
        if error.status_code == 429:
            if error.code == "insufficient_quota":
                return None
            limits = RateLimits.from_headers(headers)
            wait = asked if asked is not None else limits.reset_requests
            return (wait if wait is not None else backoff_delay(attempts - 1), True)
        if asked is not None and asked <= MAX_RETRY_AFTER:
            return asked, False
        return backoff_delay(attempts - 1), False
    if isinstance(error, APIConnectionError):
        return backoff_delay(attempts - 1), False
    return None


@attrs.frozen
class GaveUp:
    """The error of a request's last attempt, and how many attempts were made."""

    error: Exception
    attempts: int


async def paced_call(
    gate: Gate, call: Callable[[], Awaitable[Any]], *, images: int, max_attempts: int
) -> tuple[Any, int] | GaveUp:
    """``(response, attempts)`` of `call`, retried as `retry_plan` says, or `GaveUp`.

    Each attempt waits at `gate` for `images`; every outcome releases the gate (with the
    answer's rate limits when there are any), so a 429 pauses every worker.
    """
    attempts = 0
    while True:
        attempts += 1
        await gate.wait(images)
        try:
            response = await call()
        except Exception as error:
            limits = (
                RateLimits.from_headers(error.response.headers)
                if isinstance(error, APIStatusError)
                else None
            )
            gate.release(limits)
            plan = retry_plan(error, attempts, max_attempts)
            if plan is None:
                return GaveUp(error=error, attempts=attempts)
            wait, pause_all = plan
            if pause_all:
                gate.pause(wait)
            else:
                await anyio.sleep(wait)
            continue
        except BaseException:
            gate.release()
            raise
        gate.release(response.rate_limits)
        return response, attempts


def worker_violations(concurrency: int, max_attempts: int) -> list[Violation]:
    """What is wrong with a run's `concurrency` and `max_attempts` (empty when nothing)."""
    violations: list[Violation] = []
    if concurrency < 1:
        violations.append(
            Violation(param="concurrency", rule="must be 1 or more", value=concurrency)
        )
    if max_attempts < 1:
        violations.append(
            Violation(param="max_attempts", rule="must be 1 or more", value=max_attempts)
        )
    return violations
