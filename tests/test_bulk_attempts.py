"""`paced_call`: the one retried, gate-paced request of bulk runs and `process`."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from openai_images_sdk import RateLimitError
from openai_images_sdk._ratelimits import RateLimits
from openai_images_sdk.bulk._attempts import GaveUp, paced_call, worker_violations
from openai_images_sdk.bulk._pacing import Gate, Pacer


class _Answer:
    rate_limits = RateLimits()


def _rate_limited(retry_after: str) -> RateLimitError:
    request = httpx.Request("POST", "https://example.com/v1/images/generations")
    body = {"error": {"message": "slow down", "code": "rate_limit_exceeded"}}
    response = httpx.Response(429, headers={"retry-after": retry_after}, json=body, request=request)
    return RateLimitError("slow down", response=response, body=body)


def _gate(slept: list[float]) -> Gate:
    now = [0.0]

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    return Gate(Pacer(), clock=lambda: now[0], sleep=sleep)


@pytest.mark.anyio
async def test_a_429_pauses_at_the_gate_then_the_retry_answers() -> None:
    slept: list[float] = []
    gate = _gate(slept)
    answers: list[Any] = [_rate_limited("2"), _Answer()]

    async def call() -> Any:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    outcome = await paced_call(gate, call, images=1, max_attempts=5)

    assert isinstance(outcome, tuple)
    assert isinstance(outcome[0], _Answer)
    assert outcome[1] == 2
    assert slept
    assert sum(slept) >= 2.0
    assert gate.in_flight == 0


@pytest.mark.anyio
async def test_a_final_error_comes_back_as_gave_up_with_its_attempts() -> None:
    gate = _gate([])
    bug = ValueError("not retryable")

    async def call() -> Any:
        raise bug

    outcome = await paced_call(gate, call, images=1, max_attempts=5)

    assert outcome == GaveUp(error=bug, attempts=1)
    assert gate.in_flight == 0


def test_worker_violations_name_both_options() -> None:
    assert worker_violations(1, 1) == []
    assert [v.param for v in worker_violations(0, 0)] == ["concurrency", "max_attempts"]
