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
