"""Typed errors from the transport, and the API key kept out of every string the SDK makes."""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx
from conftest import TINY_GENERATE, Driver

from openai_images_sdk._config import ClientConfig, Secret
from openai_images_sdk._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ContentPolicyViolationError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from openai_images_sdk._types import RequestOptions

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

API = "https://api.openai.com/v1/images/generations"
KEY = "sk-proj-SECRET0123456789abcdefSECRET"


async def call(driver: Driver, client: Any, **kw: Any) -> Any:
    return await driver.run(client._request(TINY_GENERATE, {"prompt": "a"}, RequestOptions(), **kw))


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
async def test_status_errors_are_typed(
    driver: Driver, respx_mock: respx.MockRouter, status: int, cls: type[APIStatusError]
) -> None:
    body = {
        "error": {
            "message": "Something is off",
            "type": "invalid_request_error",
            "code": "some_code",
            "param": "size",
        }
    }
    respx_mock.post(API).respond(status, json=body, headers={"x-request-id": "req_err"})
    with pytest.raises(cls) as info:
        await call(driver, driver.client(max_retries=0))
    error = info.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.request_id == "req_err"
    assert error.error is not None
    assert (error.error.message, error.type, error.code, error.param) == (
        "Something is off",
        "invalid_request_error",
        "some_code",
        "size",
    )
    assert error.body == body["error"], "the inner error object, as in the official SDK"
    assert error.body["message"] == "Something is off"
    assert error.response.status_code == status
    assert error.response.json() == body
    assert str(error).startswith(f"Error code: {status} - Something is off")


@pytest.mark.parametrize("code", ["moderation_blocked", "content_policy_violation"])
async def test_content_policy_rejection(
    driver: Driver, respx_mock: respx.MockRouter, code: str
) -> None:
    body = {
        "error": {
            "message": "Your request was rejected by the safety system.",
            "type": "image_generation_user_error",
            "code": code,
            "param": None,
            "moderation_details": {"moderation_stage": "input", "categories": ["violence"]},
        }
    }
    respx_mock.post(API).respond(400, json=body)
    with pytest.raises(ContentPolicyViolationError) as info:
        await call(driver, driver.client())
    error = info.value
    assert isinstance(error, BadRequestError)
    assert error.is_content_policy_violation
    assert error.moderation_details == {"moderation_stage": "input", "categories": ["violence"]}


async def test_plain_bad_request_is_not_content_policy(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(400, json={"error": {"message": "bad", "code": "invalid_value"}})
    with pytest.raises(BadRequestError) as info:
        await call(driver, driver.client())
    assert not info.value.is_content_policy_violation
    assert type(info.value) is BadRequestError


async def test_null_message_is_still_readable(driver: Driver, respx_mock: respx.MockRouter) -> None:
    body = {"error": {"message": None, "type": "invalid_request_error", "code": "bad_size"}}
    respx_mock.post(API).respond(400, json=body)
    with pytest.raises(BadRequestError) as info:
        await call(driver, driver.client())
    text = str(info.value)
    assert "None" not in text
    assert "400" in text
    assert "bad_size" in text


async def test_non_json_body_is_still_readable(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(502, text="<html>Bad gateway from proxy</html>")
    with pytest.raises(InternalServerError) as info:
        await call(driver, driver.client(max_retries=0))
    assert "Bad gateway from proxy" in str(info.value)
    assert info.value.body == "<html>Bad gateway from proxy</html>"
    assert info.value.error is None


async def test_error_given_as_a_string_is_the_message(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(400, json={"error": "Validation failed"})
    with pytest.raises(BadRequestError) as info:
        await call(driver, driver.client())
    error = info.value
    assert str(error) == "Error code: 400 - Validation failed"
    assert error.error is not None
    assert error.error.message == "Validation failed"
    assert (error.type, error.code, error.param) == (None, None, None)
    assert error.body == "Validation failed"


@pytest.mark.parametrize(
    ("body", "inner", "code"),
    [
        ({"message": "no error key", "code": "c"}, {"message": "no error key", "code": "c"}, "c"),
        ({"error": None, "detail": "d"}, None, None),
        (["a list"], ["a list"], None),
    ],
    ids=["no-error-key", "null-error", "not-an-object"],
)
async def test_body_without_an_error_object(
    driver: Driver, respx_mock: respx.MockRouter, body: object, inner: object, code: str | None
) -> None:
    """Like the official SDK: `body` is the whole body when it has no `error` key."""
    respx_mock.post(API).respond(400, json=body)
    with pytest.raises(BadRequestError) as info:
        await call(driver, driver.client())
    assert info.value.body == inner
    assert info.value.code == code


async def test_empty_body_is_still_readable(driver: Driver, respx_mock: respx.MockRouter) -> None:
    respx_mock.post(API).respond(404)
    with pytest.raises(NotFoundError, match="404 - Not Found") as info:
        await call(driver, driver.client())
    assert info.value.body == "", "an empty body is '', as in the official SDK"
    assert info.value.error is None
    assert info.value.code is None


async def test_non_json_body_is_stripped(driver: Driver, respx_mock: respx.MockRouter) -> None:
    respx_mock.post(API).respond(502, text="  upstream timed out\n")
    with pytest.raises(InternalServerError) as info:
        await call(driver, driver.client(max_retries=0))
    assert info.value.body == "upstream timed out"


async def test_connection_and_timeout_errors(driver: Driver, respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(API)
    route.side_effect = httpx.ConnectError("no route to host")
    with pytest.raises(APIConnectionError, match="no route to host") as connection:
        await call(driver, driver.client(max_retries=0))
    assert type(connection.value) is APIConnectionError
    route.side_effect = httpx.WriteTimeout("too slow")
    with pytest.raises(APITimeoutError) as timeout:
        await call(driver, driver.client(max_retries=0))
    assert isinstance(timeout.value, APIConnectionError)
    assert isinstance(timeout.value, APIError)


async def test_connection_lost_while_reading_the_body(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    class Broken(httpx.SyncByteStream, httpx.AsyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield b'{"creat'
            raise httpx.ReadError("connection reset")

        async def __aiter__(self) -> AsyncIterator[bytes]:
            yield b'{"creat'
            raise httpx.ReadError("connection reset")

    route = respx_mock.post(API).mock(
        side_effect=[httpx.Response(200, stream=Broken()), httpx.Response(200, json={"created": 3})]
    )
    result = await call(driver, driver.client())
    assert result.created == 3
    assert route.call_count == 2, "a body cut short is a connection error, and retried"


# -- the API key stays secret ----------------------------------------------------------------


async def test_api_key_never_in_reprs_errors_or_logs(
    driver: Driver,
    respx_mock: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
    retry_sleeps: list[float],
) -> None:
    echo = {"error": {"message": f"Incorrect API key provided: {KEY}.", "code": "invalid_api_key"}}
    respx_mock.post(API).mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.Response(500, text=f"upstream said {KEY}"),
            httpx.Response(401, json=echo),
            httpx.ConnectError(f"proxy echoed {KEY}"),
        ]
    )
    client = driver.client(api_key=KEY, max_retries=2)
    texts: list[str] = [
        repr(client),
        str(client),
        repr(client._config),
        repr(client.with_options()),
    ]
    with caplog.at_level(logging.DEBUG, logger="openai_images_sdk"):
        with pytest.raises(AuthenticationError) as auth:
            await call(driver, client)
        with pytest.raises(APIConnectionError) as connection:
            await call(driver, client.with_options(max_retries=0))
    for error in (auth.value, connection.value):
        texts += [str(error), repr(error), error.message, *map(str, error.args)]
        texts += traceback.format_exception_only(error)
    texts += [record.getMessage() for record in caplog.records]
    texts.append(caplog.text)

    assert any("'authorization': 'REDACTED'" in line for line in texts), "headers were logged"
    assert any("401" in text for text in texts)
    leaks = [text for text in texts if KEY in text]
    assert leaks == []


def test_secret_and_config_reprs_hide_the_key() -> None:
    config = ClientConfig(api_key=Secret(KEY), base_url=httpx.URL("https://x/"))
    assert KEY not in repr(config)
    assert KEY not in repr(Secret(KEY))
    assert KEY not in str(Secret(KEY))
    assert Secret(KEY).value == KEY
