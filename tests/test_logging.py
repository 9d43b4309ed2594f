"""The SDK's logger: what it records, the OPENAI_IMAGES_LOG switch, redaction."""

from __future__ import annotations

import io
import logging
import re
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx
from conftest import TINY_GENERATE, Driver

from openai_images_sdk import BadRequestError
from openai_images_sdk._logging import (
    REDACTED,
    credential_values,
    logger,
    redact_headers,
    redact_url,
    scrub,
    setup_logging,
)
from openai_images_sdk._types import RequestOptions

API = "https://api.openai.com/v1/images/generations"
KEY = "sk-logging-secret-123456"


@pytest.fixture
def restore_logger() -> Iterator[None]:
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


def env_handlers() -> list[logging.Handler]:
    return [h for h in logger.handlers if type(h).__name__ == "_EnvHandler"]


@pytest.mark.usefixtures("restore_logger")
@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), (" INFO ", logging.INFO)])
def test_environment_switch(monkeypatch: pytest.MonkeyPatch, value: str, level: int) -> None:
    monkeypatch.setenv("OPENAI_IMAGES_LOG", value)
    setup_logging()
    setup_logging()
    assert logger.level == level
    assert len(env_handlers()) == 1


@pytest.mark.usefixtures("restore_logger")
@pytest.mark.parametrize("value", [None, "", "verbose"])
def test_environment_switch_off(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is not None:
        monkeypatch.setenv("OPENAI_IMAGES_LOG", value)
    logger.setLevel(logging.WARNING)
    setup_logging()
    assert logger.level == logging.WARNING
    assert env_handlers() == []


@pytest.mark.usefixtures("restore_logger")
def test_environment_handler_writes_to_stderr_as_it_is_at_each_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_IMAGES_LOG", "info")
    before, after = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", before)
    setup_logging()
    before.close()  # like the capture of a test that has ended
    monkeypatch.setattr(sys, "stderr", after)
    logger.info("written after stderr was replaced")
    assert after.getvalue().endswith("openai_images_sdk INFO] written after stderr was replaced\n")
    assert "Logging error" not in after.getvalue()


def test_redact_headers() -> None:
    headers = httpx.Headers(
        {
            "Authorization": f"Bearer {KEY}",
            "api-key": KEY,
            "Cookie": "session=1",
            "OpenAI-Organization": "org-1",
            "User-Agent": "ua",
        }
    )
    redacted = redact_headers(headers)
    assert redacted == {
        "authorization": REDACTED,
        "api-key": REDACTED,
        "cookie": REDACTED,
        "openai-organization": "org-1",
        "user-agent": "ua",
    }
    assert redact_headers({"X-Api-Key": KEY}) == {"X-Api-Key": REDACTED}


def test_redact_url() -> None:
    assert redact_url(f"https://h/v1/x?api-version=1&api-key={KEY}") == (
        f"https://h/v1/x?api-version=1&api-key={REDACTED}"
    )
    assert KEY not in redact_url(f"https://user:{KEY}@proxy.local/v1")
    assert redact_url("https://h/v1/images/generations") == "https://h/v1/images/generations"


def test_scrub() -> None:
    assert scrub(f"a {KEY} b {KEY}", [KEY, ""]) == f"a {REDACTED} b {REDACTED}"
    assert scrub("nothing", []) == "nothing"


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
async def test_request_and_retry_lines(
    driver: Driver,
    respx_mock: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
    retry_sleeps: list[float],
) -> None:
    respx_mock.post(API).mock(
        side_effect=[
            httpx.Response(503, headers={"x-request-id": "req_a", "retry-after": "2"}),
            httpx.Response(200, json={"created": 1}, headers={"x-request-id": "req_b"}),
        ]
    )
    client = driver.client(api_key=KEY)
    with caplog.at_level(logging.DEBUG, logger="openai_images_sdk"):
        await driver.run(client._request(TINY_GENERATE, {"prompt": "a"}, RequestOptions()))
    lines = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "openai_images_sdk"]
    debug = [text for level, text in lines if level == logging.DEBUG]
    info = [text for level, text in lines if level == logging.INFO]
    assert len(debug) == 2
    assert debug[0].startswith(f"Sending POST {API} (attempt 1) headers=")
    assert "'authorization': 'REDACTED'" in debug[0]
    assert debug[1].startswith(f"Sending POST {API} (attempt 2)")
    assert re.fullmatch(
        rf'HTTP POST {API} "503 Service Unavailable" in \d+\.\d{{3}} s, request id req_a, retries 0',
        info[0],
    )
    assert info[1] == (
        f"Retrying POST {API} in 2.00 s (retry 1 of 2) after 503 Service Unavailable"
    )
    assert re.fullmatch(
        rf'HTTP POST {API} "200 OK" in \d+\.\d{{3}} s, request id req_b, retries 1', info[2]
    )
    assert all(KEY not in text for _, text in lines)


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
@pytest.mark.usefixtures("restore_logger")
async def test_environment_variable_turns_output_on(
    driver: Driver,
    respx_mock: respx.MockRouter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENAI_IMAGES_LOG", "info")
    respx_mock.post(API).respond(json={"created": 1}, headers={"x-request-id": "req_env"})
    client: Any = driver.client(api_key=KEY)
    await driver.run(client._request(TINY_GENERATE, {"prompt": "a"}))
    err = capsys.readouterr().err
    assert "openai_images_sdk INFO" in err
    assert f'HTTP POST {API} "200 OK"' in err
    assert "request id req_env" in err
    assert KEY not in err


def test_credential_values_are_the_credential_headers_and_their_tokens() -> None:
    headers = [
        ("Authorization", "Bearer tok-0123456789"),
        ("API-KEY", "short"),
        ("X-Trace-Id", "run-7-not-a-secret"),
        ("Cookie", "Bearer x"),
        ("x-api-key", ""),
    ]
    assert credential_values(headers) == [
        "Bearer tok-0123456789",
        "tok-0123456789",
        "Bearer x",
        "short",
    ]


@pytest.mark.usefixtures("restore_logger")
@pytest.mark.parametrize(
    ("ours", "official", "level"),
    [
        (None, "debug", logging.DEBUG),
        (None, "info", logging.INFO),
        ("info", "debug", logging.INFO),
    ],
)
def test_official_log_variable_is_honoured(
    monkeypatch: pytest.MonkeyPatch, ours: str | None, official: str, level: int
) -> None:
    if ours is not None:
        monkeypatch.setenv("OPENAI_IMAGES_LOG", ours)
    monkeypatch.setenv("OPENAI_LOG", official)
    logger.setLevel(logging.WARNING)
    setup_logging()
    assert logger.level == level


@pytest.mark.parametrize(
    "name",
    [
        "X-Auth-Token",
        "Ocp-Apim-Subscription-Key",
        "X-Goog-Api-Key",
        "X-Amz-Signature",
        "X-Client-Secret",
        "Cookie",
        "Authorization",
        "api-key",
        "X-Session-Password",
    ],
)
def test_credential_headers_are_redacted_by_rule(name: str) -> None:
    assert redact_headers({name: KEY, "Accept": "application/json"}) == {
        name: REDACTED,
        "Accept": "application/json",
    }
    assert KEY in credential_values([(name, KEY)])


@pytest.mark.parametrize(
    "name", ["x-ratelimit-remaining-tokens", "x-ratelimit-limit-tokens", "Accept", "x-request-id"]
)
def test_ordinary_headers_are_kept(name: str) -> None:
    assert redact_headers({name: "123"}) == {name: "123"}


def test_users_can_name_more_credential_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    from openai_images_sdk import _logging, add_sensitive_headers

    monkeypatch.setattr(_logging, "_added_headers", set())
    assert redact_headers({"X-Tenant-Pass": KEY}) == {"X-Tenant-Pass": KEY}
    add_sensitive_headers("X-Tenant-Pass")
    assert redact_headers({"x-tenant-pass": KEY}) == {"x-tenant-pass": REDACTED}
    assert scrub(f"sent {KEY}", credential_values([("X-Tenant-Pass", KEY)])) == f"sent {REDACTED}"


@pytest.mark.anyio
@pytest.mark.respx(assert_all_called=False)
@pytest.mark.parametrize("name", ["X-Auth-Token", "Ocp-Apim-Subscription-Key", "X-Goog-Api-Key"])
async def test_gateway_credentials_stay_out_of_debug_lines_and_errors(
    driver: Driver, respx_mock: respx.MockRouter, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    secret = "gateway-secret-98765432"
    respx_mock.post(API).respond(400, json={"error": {"message": f"bad header {secret}"}})
    client = driver.client(api_key=KEY, max_retries=0)
    options = RequestOptions(extra_headers={name: secret})
    with (
        caplog.at_level(logging.DEBUG, logger="openai_images_sdk"),
        pytest.raises(BadRequestError) as caught,
    ):
        await driver.run(client._request(TINY_GENERATE, {"prompt": "a"}, options))
    lines = "\n".join(r.getMessage() for r in caplog.records if r.name == "openai_images_sdk")
    assert secret not in lines
    assert secret not in str(caught.value)
    assert f"'{name.lower()}': '{REDACTED}'" in lines
