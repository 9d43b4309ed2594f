"""Credentials and header values that no HTTP header can carry: cleaned or refused at once.

A key read from a file or a ``.env`` with Windows line ends is stripped; a key that still
holds a control or non-ASCII character, or a header value with CR/LF, is the caller's
mistake: refused before any request (no retries), naming where it came from, never
showing the key.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any, Final

import pytest
import respx
from conftest import Driver

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk._headers import InvalidAPIKeyError
from openai_images_sdk.testing import FakeImagesServer

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

API: Final = "https://api.openai.com/v1/images/generations"
AZURE: Final = "https://example.openai.azure.com"
OK_BODY: Final = {"created": 1, "data": [{"b64_json": "aGk="}]}
SECRET: Final = "SECRETKEY0123456789abcdef"


async def _generate(driver: Driver, client: Any) -> Any:
    try:
        return await driver.run(client.images.generate(prompt="a cat"))
    finally:
        await driver.close(client)


@pytest.mark.parametrize("raw", [f"sk-{SECRET}\n", f"  sk-{SECRET}\r\n", f"\tsk-{SECRET} "])
async def test_a_key_argument_is_stripped(
    driver: Driver, respx_mock: respx.MockRouter, raw: str
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(api_key=raw)
    assert client.api_key == f"sk-{SECRET}"
    await _generate(driver, client)
    assert route.calls.last.request.headers["Authorization"] == f"Bearer sk-{SECRET}"


async def test_a_key_from_a_crlf_env_file_is_stripped(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", f"sk-{SECRET}\r")
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(api_key=None)
    await _generate(driver, client)
    assert route.calls.last.request.headers["Authorization"] == f"Bearer sk-{SECRET}"


BAD_KEYS: Final = {
    "newline inside": f"sk-{SECRET}\nX-Evil: 1",
    "NUL": f"sk-{SECRET}\x00",
    "non-ASCII": f"sk-{SECRET}\u00e9",
    "escape": f"sk-\x1b{SECRET}",
}


@pytest.mark.parametrize("key", BAD_KEYS.values(), ids=BAD_KEYS.keys())
async def test_an_illegal_key_argument_is_refused_without_showing_it(
    driver: Driver, respx_mock: respx.MockRouter, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    caplog.set_level(logging.DEBUG, logger="openai_images_sdk")
    with pytest.raises(InvalidAPIKeyError, match="api_key argument") as caught:
        driver.client(api_key=key)
    shown = "".join(traceback.format_exception(caught.value)) + repr(caught.value)
    assert SECRET not in shown
    assert SECRET not in caplog.text
    assert not isinstance(caught.value, UnicodeError)
    assert not route.called


@pytest.mark.parametrize("variable", ["OPENAI_API_KEY"])
async def test_an_illegal_key_in_the_environment_names_the_variable(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, f"sk-{SECRET}\u2013x")
    with pytest.raises(InvalidAPIKeyError, match=variable) as caught:
        driver.client(api_key=None)
    assert SECRET not in str(caught.value)


async def test_with_options_checks_a_new_key(driver: Driver) -> None:
    client = driver.client()
    try:
        with pytest.raises(InvalidAPIKeyError, match="api_key argument"):
            client.with_options(api_key=f"sk-{SECRET}\r\nX: y")
        assert client.with_options(api_key=" sk-new\n").api_key == "sk-new"
    finally:
        await driver.close(client)


@pytest.mark.parametrize(
    ("option", "variable"),
    [("api_key", "AZURE_OPENAI_API_KEY"), ("azure_ad_token", "AZURE_OPENAI_AD_TOKEN")],
)
async def test_azure_credentials_are_stripped_and_checked(
    driver: Driver,
    respx_mock: respx.MockRouter,
    monkeypatch: pytest.MonkeyPatch,
    option: str,
    variable: str,
) -> None:
    route = respx_mock.post(url__startswith=AZURE).respond(json=OK_BODY)
    options = {"azure_endpoint": AZURE, "api_version": "2025-04-01-preview"}
    with pytest.raises(InvalidAPIKeyError, match=option) as caught:
        driver.azure(**options, **{option: f"{SECRET}\u00e9"})
    assert SECRET not in str(caught.value)
    monkeypatch.setenv(variable, f"{SECRET}\x7f")
    with pytest.raises(InvalidAPIKeyError, match=variable):
        driver.azure(**options)
    monkeypatch.setenv(variable, f"{SECRET}\r\n")
    client = driver.azure(**options, azure_deployment="dall-e-3")
    await _generate(driver, client)
    sent = route.calls.last.request.headers
    assert sent.get("api-key", sent.get("authorization")) in (SECRET, f"Bearer {SECRET}")


async def test_an_illegal_provider_token_is_refused_before_sending(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(url__startswith=AZURE).respond(json=OK_BODY)
    client = driver.azure(
        azure_endpoint=AZURE,
        azure_deployment="gpt-image-1",
        api_version="2025-04-01-preview",
        azure_ad_token_provider=lambda: f"{SECRET}\u00e9",
    )
    with pytest.raises(InvalidAPIKeyError, match="azure_ad_token_provider") as caught:
        await _generate(driver, client)
    assert SECRET not in "".join(traceback.format_exception(caught.value))
    assert not route.called


# --- header values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["a\r\nX-Injected: 1", "caf\u00e9", "a\x00b"], ids=["crlf", "non-ascii", "nul"]
)
async def test_an_illegal_extra_header_is_refused_before_sending(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float], value: str
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(max_retries=3)
    try:
        with pytest.raises(ValidationError, match=r"extra_headers\['X-Trace'\]"):
            await driver.run(
                client.images.generate(prompt="a cat", extra_headers={"X-Trace": value})
            )
    finally:
        await driver.close(client)
    assert not route.called
    assert retry_sleeps == []


async def test_a_credential_extra_header_is_not_shown(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client()
    try:
        with pytest.raises(ValidationError) as caught:
            await driver.run(
                client.images.generate(
                    prompt="a cat", extra_headers={"X-Auth-Token": f"{SECRET}\n"}
                )
            )
    finally:
        await driver.close(client)
    assert SECRET not in str(caught.value) + repr(caught.value.violations)


async def test_illegal_default_headers_are_refused_at_construction(driver: Driver) -> None:
    with pytest.raises(ValidationError, match=r"default_headers\['X-Team'\]"):
        driver.client(default_headers={"X-Team": "a\nb"})
    client = driver.client()
    try:
        with pytest.raises(ValidationError, match=r"default_headers\['Bad Name'\]"):
            client.with_options(default_headers={"Bad Name": "x"})
    finally:
        await driver.close(client)


# --- the CLI reading OPENAI_API_KEY ---------------------------------------------------------


def _cli(env_key: str, base_url: str, out: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["OPENAI_API_KEY"] = env_key
    command = [sys.executable, "-m", "openai_images_sdk", "generate", "a fox"]
    return subprocess.run(
        [*command, "--base-url", base_url, "--out", str(out)],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip


def test_the_cli_strips_and_checks_openai_api_key(tmp_path: Path) -> None:
    with FakeImagesServer() as server:
        done = _cli(f"sk-{SECRET}\r\n", server.base_url, tmp_path)
        assert done.returncode == 0, done.stderr
        assert server.requests[-1].headers["authorization"] == f"Bearer sk-{SECRET}"
        refused = _cli(f"sk-{SECRET}\u00e9", server.base_url, tmp_path)
        assert len(server.requests) == 1
    assert refused.returncode != 0
    assert "OPENAI_API_KEY" in refused.stderr
    assert SECRET not in refused.stderr + refused.stdout
