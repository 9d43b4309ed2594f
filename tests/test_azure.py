"""AzureImagesClient / AsyncAzureImagesClient: URLs, api-version, credentials."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx
from conftest import TINY_GENERATE, Driver, TinyImagesResponse, sent_requests

from openai_images_sdk._azure import AsyncAzureImagesClient, AzureImagesClient
from openai_images_sdk._exceptions import AuthenticationError, OpenAIError
from openai_images_sdk._types import Omit, RequestOptions

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

ENDPOINT = "https://example-resource.openai.azure.com"
VERSION = "2025-04-01-preview"
DEPLOYED = f"{ENDPOINT}/openai/deployments/my-images/images/generations"
KEY = "azure-key-0123456789abcdef"
TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-token"
OK = {"created": 1}


async def call(driver: Driver, client: Any, params: Any = None, **kw: Any) -> Any:
    return await driver.run(
        client._request(TINY_GENERATE, params or {"prompt": "a"}, RequestOptions(), **kw)
    )


async def test_deployment_url_api_version_and_api_key(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(DEPLOYED).respond(json=OK)
    client = driver.azure(
        azure_endpoint=ENDPOINT + "/",
        azure_deployment="my-images",
        api_version=VERSION,
        api_key=KEY,
    )
    result = await call(driver, client, {"prompt": "a", "model": "gpt-image-1.5"})
    assert isinstance(result, TinyImagesResponse)
    request = route.calls.last.request
    assert request.url.path == "/openai/deployments/my-images/images/generations"
    assert request.url.params["api-version"] == VERSION
    assert request.headers["api-key"] == KEY
    assert "Authorization" not in request.headers
    assert client.api_version == VERSION


async def test_without_deployment_the_model_names_it(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(f"{ENDPOINT}/openai/deployments/gpt-image-1.5/images/generations")
    route.respond(json=OK)
    client = driver.azure(azure_endpoint=ENDPOINT, api_version=VERSION, api_key=KEY)
    await call(driver, client, {"prompt": "a", "model": "gpt-image-1.5"})
    assert route.call_count == 1

    plain = respx_mock.post(f"{ENDPOINT}/openai/images/generations").respond(json=OK)
    await call(driver, client, {"prompt": "a"})
    assert plain.call_count == 1


async def test_base_url_instead_of_endpoint(driver: Driver, respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(DEPLOYED).respond(json=OK)
    client = driver.azure(
        base_url=f"{ENDPOINT}/openai/deployments/my-images", api_version=VERSION, api_key=KEY
    )
    await call(driver, client, {"prompt": "a", "model": "ignored-here"})
    assert route.calls.last.request.url.params["api-version"] == VERSION
    with pytest.raises(ValueError, match="not both"):
        driver.azure(base_url=ENDPOINT, azure_endpoint=ENDPOINT, api_version=VERSION, api_key=KEY)


async def test_environment(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", KEY)
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", ENDPOINT)
    monkeypatch.setenv("OPENAI_API_VERSION", VERSION)
    route = respx_mock.post(DEPLOYED).respond(json=OK)
    await call(driver, driver.azure(azure_deployment="my-images"))
    request = route.calls.last.request
    assert request.headers["api-key"] == KEY
    assert request.url.params["api-version"] == VERSION


async def test_missing_settings_are_clear_errors(driver: Driver) -> None:
    with pytest.raises(OpenAIError, match="AZURE_OPENAI_API_KEY"):
        driver.azure(azure_endpoint=ENDPOINT, api_version=VERSION)
    with pytest.raises(OpenAIError, match="OPENAI_API_VERSION"):
        driver.azure(azure_endpoint=ENDPOINT, api_key=KEY)
    with pytest.raises(OpenAIError, match="AZURE_OPENAI_ENDPOINT"):
        driver.azure(api_version=VERSION, api_key=KEY)
    with pytest.raises(ValueError, match="azure_deployment 'team/images' contains '/'"):
        driver.azure(
            azure_endpoint=ENDPOINT,
            azure_deployment="team/images",
            api_version=VERSION,
            api_key=KEY,
        )


async def test_static_ad_token(driver: Driver, respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(DEPLOYED).respond(json=OK)
    client = driver.azure(
        azure_endpoint=ENDPOINT, azure_deployment="my-images", api_version=VERSION,
        azure_ad_token=TOKEN, api_key=KEY,
    )  # fmt: skip
    await call(driver, client)
    headers = route.calls.last.request.headers
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert "api-key" not in headers


async def test_token_provider_is_called_per_request(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    tokens = iter(["token-1", "token-2", "token-3"])
    calls: list[str] = []

    def provider() -> str:
        calls.append("called")
        return next(tokens)

    route = respx_mock.post(DEPLOYED).mock(
        side_effect=[
            httpx.Response(500),
            httpx.Response(200, json=OK),
            httpx.Response(200, json=OK),
        ]
    )
    client = driver.azure(
        azure_endpoint=ENDPOINT, azure_deployment="my-images", api_version=VERSION,
        azure_ad_token_provider=provider,
    )  # fmt: skip
    await call(driver, client)
    first, retried = (r.headers["Authorization"] for r in sent_requests(route))
    assert first == retried == "Bearer token-1", "one token per request, kept across retries"
    await call(driver, client)
    assert route.calls.last.request.headers["Authorization"] == "Bearer token-2"
    assert len(calls) == 2


async def test_async_client_accepts_coroutine_token_provider(respx_mock: respx.MockRouter) -> None:
    async def provider() -> str:
        return "async-token"

    route = respx_mock.post(DEPLOYED).respond(json=OK)
    client = AsyncAzureImagesClient(
        azure_endpoint=ENDPOINT, azure_deployment="my-images", api_version=VERSION,
        azure_ad_token_provider=provider,
    )  # fmt: skip
    await client._request(TINY_GENERATE, {"prompt": "a"})
    assert route.calls.last.request.headers["Authorization"] == "Bearer async-token"
    await client.aclose()


async def test_provider_returning_nonsense_is_an_error(driver: Driver) -> None:
    client = driver.azure(
        azure_endpoint=ENDPOINT, api_version=VERSION, azure_ad_token_provider=lambda: None
    )
    with pytest.raises(OpenAIError, match="expected a non-empty str"):
        await call(driver, client)


async def test_api_key_header_can_be_omitted_per_request(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(DEPLOYED).respond(json=OK)
    client = driver.azure(
        azure_endpoint=ENDPOINT, azure_deployment="my-images", api_version=VERSION, api_key=KEY
    )
    options = RequestOptions(extra_headers={"api-key": Omit()}, extra_query={"api-version": "x"})
    await driver.run(client._request(TINY_GENERATE, {"prompt": "a"}, options))
    request = route.calls.last.request
    assert "api-key" not in request.headers
    assert request.url.params["api-version"] == "x"


async def test_with_options_keeps_azure_behaviour(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(DEPLOYED).respond(json=OK)
    client = driver.azure(
        azure_endpoint=ENDPOINT, azure_deployment="my-images", api_version=VERSION, api_key=KEY
    )
    copy = client.with_options(max_retries=0, api_key="other-key")
    assert isinstance(copy, AsyncAzureImagesClient if driver.is_async else AzureImagesClient)
    await call(driver, copy)
    assert route.calls.last.request.headers["api-key"] == "other-key"
    assert route.calls.last.request.url.params["api-version"] == VERSION


async def test_azure_secrets_stay_out_of_reprs_logs_and_errors(
    driver: Driver, respx_mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        used = request.headers.get("api-key") or request.headers["authorization"]
        message = f"Credential {used} rejected (token {used.split()[-1]})"
        return httpx.Response(401, json={"error": {"message": message, "code": "401"}})

    respx_mock.post(DEPLOYED).mock(side_effect=echo)
    texts: list[str] = []
    for credentials in (
        {"api_key": KEY},
        {"azure_ad_token": TOKEN},
        {"azure_ad_token_provider": lambda: TOKEN},
    ):
        client = driver.azure(
            azure_endpoint=ENDPOINT, azure_deployment="my-images", api_version=VERSION,
            **credentials,
        )  # fmt: skip
        texts += [repr(client), str(client), repr(getattr(client, "_azure_ad_token", None))]
        with (
            caplog.at_level(logging.DEBUG, logger="openai_images_sdk"),
            pytest.raises(AuthenticationError) as info,
        ):
            await call(driver, client)
        texts += [str(info.value), repr(info.value)]
        assert "Credential REDACTED rejected" in str(info.value)
    texts.append(caplog.text)
    assert "'api-key': 'REDACTED'" in caplog.text
    assert "'authorization': 'REDACTED'" in caplog.text
    assert [text for text in texts if KEY in text or TOKEN in text] == []
