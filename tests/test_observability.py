"""What a production service sees: structured log fields, request ids and retry counts on
errors, and the caller's own httpx event hooks."""

from __future__ import annotations

import json
import logging
from typing import Any, Final

import httpx
import pytest
import respx
from conftest import Driver

from openai_images_sdk._exceptions import APIConnectionError, RateLimitError

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

API: Final = "https://api.openai.com/v1/images/generations"
OK_BODY: Final = {"created": 1, "data": [{"b64_json": "aGk="}]}
FIELDS: Final = (
    "operation",
    "model",
    "attempt",
    "status_code",
    "request_id",
    "duration_s",
    "bytes_sent",
    "bytes_received",
)


class JSONFormatter(logging.Formatter):
    """What a JSON log formatter does: the message and the record's extra attributes."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(
            {"message": record.getMessage(), **{k: getattr(record, k, None) for k in FIELDS}}
        )


async def test_request_lines_carry_fields_for_a_json_formatter(
    driver: Driver,
    respx_mock: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
    retry_sleeps: list[float],
) -> None:
    respx_mock.post(API).mock(
        side_effect=[
            httpx.Response(429, json={"error": {"message": "slow"}}),
            httpx.Response(200, json=OK_BODY, headers={"x-request-id": "req_123"}),
        ]
    )
    caplog.set_level(logging.INFO, logger="openai_images_sdk")
    client = driver.client()
    try:
        await driver.run(client.images.generate(prompt="a fox", model="gpt-image-1.5"))
    finally:
        await driver.close(client)
    lines = [json.loads(JSONFormatter().format(r)) for r in caplog.records]
    done = [line for line in lines if line["status_code"] == 200]
    assert len(done) == 1
    (line,) = done
    assert line["operation"] == "createImage"
    assert line["model"] == "gpt-image-1.5"
    assert line["attempt"] == 2
    assert line["request_id"] == "req_123"
    assert line["duration_s"] >= 0
    assert line["bytes_sent"] == len(respx_mock.calls.last.request.content) > 0
    assert line["bytes_received"] == len(respx_mock.calls.last.response.content) > 0
    retry = next(r for r in caplog.records if r.getMessage().startswith("Retrying"))
    assert getattr(retry, "attempt", None) == 1
    assert getattr(retry, "reason", None) == "429 Too Many Requests"


async def test_a_status_error_has_its_request_id_and_retry_count(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    respx_mock.post(API).respond(
        429, json={"error": {"message": "slow"}}, headers={"x-request-id": "req_429"}
    )
    client = driver.client(max_retries=2)
    try:
        with pytest.raises(RateLimitError) as caught:
            await driver.run(client.images.generate(prompt="a fox"))
    finally:
        await driver.close(client)
    assert caught.value.request_id == "req_429"
    assert caught.value.retries_taken == 2


async def test_a_connection_error_has_a_retry_count(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    respx_mock.post(API).mock(side_effect=httpx.ConnectError("refused"))
    client = driver.client(max_retries=1)
    try:
        with pytest.raises(APIConnectionError) as caught:
            await driver.run(client.images.generate(prompt="a fox"))
    finally:
        await driver.close(client)
    assert caught.value.retries_taken == 1
    assert caught.value.request_id is None


async def test_httpx_event_hooks_keep_working_through_http_client(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(json=OK_BODY, headers={"x-request-id": "req_hook"})
    seen: list[str] = []

    def on_request(request: httpx.Request) -> None:
        seen.append(f"request {request.method} {request.url.path}")

    def on_response(response: httpx.Response) -> None:
        seen.append(f"response {response.status_code} {response.headers['x-request-id']}")

    async def async_on_request(request: httpx.Request) -> None:
        on_request(request)

    async def async_on_response(response: httpx.Response) -> None:
        on_response(response)

    hooks: dict[str, list[Any]] = (
        {"request": [async_on_request], "response": [async_on_response]}
        if driver.is_async
        else {"request": [on_request], "response": [on_response]}
    )
    http_client = driver.http_client(event_hooks=hooks)
    client = driver.client(http_client=http_client)
    try:
        await driver.run(client.images.generate(prompt="a fox"))
    finally:
        await driver.close(client)
        await driver.run(http_client.aclose() if driver.is_async else http_client.close())  # type: ignore[union-attr]
    assert seen == ["request POST /v1/images/generations", "response 200 req_hook"]
