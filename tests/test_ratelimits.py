"""RateLimits.from_headers and the reset-duration parser."""

from __future__ import annotations

import math

import httpx
import pytest
import respx
from conftest import TINY_GENERATE, Driver

from openai_images_sdk._ratelimits import RateLimits, parse_reset


def close(value: float | None, expected: float) -> bool:
    return value is not None and math.isclose(value, expected, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1s", 1.0),
        ("6m0s", 360.0),
        ("20ms", 0.02),
        ("1h2m3.5s", 3723.5),
        ("0.5s", 0.5),
        ("1m30s", 90.0),
        ("250us", 0.00025),
        ("12", 12.0),
        ("2.5", 2.5),
        (" 3s ", 3.0),
    ],
)
def test_parse_reset(text: str, seconds: float) -> None:
    assert close(parse_reset(text), seconds)


@pytest.mark.parametrize("text", [None, "", "soon", "5 s", "1x", "s", "-1s", "-3", "inf", "nan"])
def test_parse_reset_rejects(text: str | None) -> None:
    assert parse_reset(text) is None


def test_from_headers() -> None:
    headers = httpx.Headers(
        {
            "X-RateLimit-Limit-Requests": "50",
            "x-ratelimit-remaining-requests": "49",
            "x-ratelimit-reset-requests": "1.2s",
            "x-ratelimit-limit-tokens": "100000",
            "x-ratelimit-remaining-tokens": "99000",
            "x-ratelimit-reset-tokens": "6m0s",
            "x-ratelimit-limit-images": "5",
            "content-type": "application/json",
        }
    )
    limits = RateLimits.from_headers(headers)
    assert limits.limit_requests == 50
    assert limits.remaining_requests == 49
    assert close(limits.reset_requests, 1.2)
    assert limits.limit_tokens == 100000
    assert limits.remaining_tokens == 99000
    assert limits.reset_tokens == 360.0
    assert limits.raw["x-ratelimit-limit-images"] == "5"
    assert "content-type" not in limits.raw


def test_from_headers_missing_or_garbled() -> None:
    limits = RateLimits.from_headers(
        httpx.Headers({"x-ratelimit-remaining-requests": "lots", "x-ratelimit-limit-tokens": "1e3"})
    )
    assert limits.remaining_requests is None
    assert limits.limit_tokens == 1000
    assert limits.reset_requests is None
    assert RateLimits.from_headers(httpx.Headers()) == RateLimits()


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
async def test_result_exposes_parsed_rate_limits(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post("https://api.openai.com/v1/images/generations").respond(
        json={"created": 1},
        headers={"x-ratelimit-remaining-tokens": "10", "x-ratelimit-reset-tokens": "20ms"},
    )
    client = driver.client()
    result = await driver.run(client._request(TINY_GENERATE, {"prompt": "a"}))
    assert result.rate_limits.remaining_tokens == 10
    assert close(result.rate_limits.reset_tokens, 0.02)
