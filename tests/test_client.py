"""ImagesClient / AsyncImagesClient: configuration, per-request options, the request path."""

from __future__ import annotations

import json
import struct
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest
import respx
from conftest import TINY_GENERATE, Driver, TinyImagesResponse, sent_requests

from openai_images_sdk import _concurrency, _validation
from openai_images_sdk._client import AsyncImagesClient, ImagesClient
from openai_images_sdk._config import DEFAULT_LIMITS, DEFAULT_TIMEOUT, USER_AGENT
from openai_images_sdk._exceptions import (
    APIResponseValidationError,
    BadRequestError,
    OpenAIError,
    RateLimitError,
    ValidationError,
    Violation,
)
from openai_images_sdk._operation import FieldSpec, OperationSpec
from openai_images_sdk._response import APIResponse, AsyncAPIResponse, AsyncResponseContextManager
from openai_images_sdk._streaming import AsyncStream, Stream
from openai_images_sdk._types import Omit, RequestOptions
from openai_images_sdk._version import __version__

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

API = "https://api.openai.com/v1/images/generations"
OK_BODY = {"created": 1, "data": [{"b64_json": "aGk="}]}
OPTIONS = RequestOptions()


async def call(
    driver: Driver, client: Any, params: Any = None, options: Any = OPTIONS, **kw: Any
) -> Any:
    return await driver.run(
        client._request(TINY_GENERATE, params or {"prompt": "a cat"}, options, **kw)
    )


# -- configuration ------------------------------------------------------------------------


async def test_missing_api_key_is_a_clear_error(driver: Driver) -> None:
    cls = AsyncImagesClient if driver.is_async else ImagesClient
    with pytest.raises(OpenAIError, match="OPENAI_API_KEY"):
        cls()


async def test_api_key_from_environment(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    route = respx_mock.post(API).respond(json=OK_BODY)
    cls = AsyncImagesClient if driver.is_async else ImagesClient
    client = cls()
    await call(driver, client)
    assert route.calls.last.request.headers["Authorization"] == "Bearer sk-from-env"
    assert client.api_key == "sk-from-env"


async def test_explicit_api_key_wins_over_environment(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    route = respx_mock.post(API).respond(json=OK_BODY)
    await call(driver, driver.client(api_key="sk-given"))
    assert route.calls.last.request.headers["Authorization"] == "Bearer sk-given"


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        (None, "https://api.openai.com/v1/images/generations"),
        ("http://localhost:8080/v1", "http://localhost:8080/v1/images/generations"),
        ("http://localhost:8080/v1/", "http://localhost:8080/v1/images/generations"),
        ("http://localhost:8080", "http://localhost:8080/images/generations"),
        (
            "https://proxy.example/api/openai//",
            "https://proxy.example/api/openai/images/generations",
        ),
    ],
)
async def test_base_url(
    driver: Driver, respx_mock: respx.MockRouter, base_url: str | None, expected: str
) -> None:
    route = respx_mock.post(expected).respond(json=OK_BODY)
    await call(driver, driver.client(base_url=base_url))
    assert route.call_count == 1


async def test_base_url_from_environment(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "https://compat.local:1234/v1/")
    route = respx_mock.post("https://compat.local:1234/v1/images/generations").respond(json=OK_BODY)
    client = driver.client()
    await call(driver, client)
    assert route.call_count == 1
    assert str(client.base_url) == "https://compat.local:1234/v1/"


async def test_organization_and_project_headers(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    await call(driver, driver.client(organization="org-1", project="proj-1"))
    headers = route.calls.last.request.headers
    assert headers["OpenAI-Organization"] == "org-1"
    assert headers["OpenAI-Project"] == "proj-1"

    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    await call(driver, driver.client())
    headers = route.calls.last.request.headers
    assert headers["OpenAI-Organization"] == "org-env"
    assert headers["OpenAI-Project"] == "proj-env"


async def test_no_organization_header_by_default(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    await call(driver, driver.client())
    assert "OpenAI-Organization" not in route.calls.last.request.headers
    assert "OpenAI-Project" not in route.calls.last.request.headers


async def test_user_agent_names_sdk_and_version(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    await call(driver, driver.client())
    user_agent = route.calls.last.request.headers["User-Agent"]
    assert user_agent == USER_AGENT
    assert user_agent.startswith(f"openai-images-sdk/{__version__} ")


def _sent(request: httpx.Request, name: str) -> list[str]:
    return [value for key, value in request.headers.multi_items() if key.lower() == name.lower()]


async def test_the_sdk_headers_go_once_from_any_pool(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    """The SDK's own pool sends the User-Agent and Accept by default; a pool given by the
    caller (or one swapped in by `with_options`) gets them with each request."""
    route = respx_mock.post(API).respond(json=OK_BODY)
    own = driver.client()
    given = driver.client(http_client=driver.http_client(headers={"User-Agent": "theirs/1"}))
    swapped = own.with_options(http_client=driver.http_client())
    for client in (own, given, swapped):
        await call(driver, client)
        request = route.calls.last.request
        assert _sent(request, "User-Agent") == [USER_AGENT]
        assert _sent(request, "Accept") == ["application/json"]
    assert own._http_client.headers["User-Agent"] == USER_AGENT
    await call(driver, own, {"prompt": "a cat", "stream": True})
    assert _sent(route.calls.last.request, "Accept") == ["text/event-stream"]


async def test_omitting_an_sdk_header_drops_the_pools_default_too(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(default_headers={"User-Agent": Omit()})
    await call(driver, client)
    assert _sent(route.calls.last.request, "User-Agent") == []
    await call(driver, driver.client(default_headers={"User-Agent": "mine/2"}))
    assert _sent(route.calls.last.request, "User-Agent") == ["mine/2"]


async def test_default_headers_and_query(driver: Driver, respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(default_headers={"X-Team": "art"}, default_query={"trace": "1"})
    await call(driver, client)
    request = route.calls.last.request
    assert request.headers["X-Team"] == "art"
    assert request.url.params["trace"] == "1"


async def test_extra_headers_override_and_omit(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(default_headers={"X-Team": "art", "X-Keep": "yes"})
    options = RequestOptions(
        extra_headers={"x-team": "photo", "User-Agent": Omit(), "X-New": "1", "X-Keep": Omit()}
    )
    await call(driver, client, options=options)
    headers = route.calls.last.request.headers
    assert headers["X-Team"] == "photo"
    assert headers.get_list("X-Team") == ["photo"]
    assert headers["X-New"] == "1"
    assert "User-Agent" not in headers
    assert "X-Keep" not in headers


async def test_extra_headers_can_replace_or_drop_authorization(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client()
    await call(
        driver, client, options=RequestOptions(extra_headers={"authorization": "Bearer other"})
    )
    assert route.calls.last.request.headers.get_list("Authorization") == ["Bearer other"]
    await call(driver, client, options=RequestOptions(extra_headers={"Authorization": Omit()}))
    assert "Authorization" not in route.calls.last.request.headers


async def test_extra_query_and_extra_body(driver: Driver, respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(default_query={"a": "1", "b": "2"})
    options = RequestOptions(
        extra_query={"b": "3", "c": "4", "a": Omit()}, extra_body={"background": "opaque"}
    )
    await call(driver, client, {"prompt": "a cat", "n": 2}, options)
    request = route.calls.last.request
    assert dict(request.url.params) == {"b": "3", "c": "4"}
    assert json.loads(request.content) == {"prompt": "a cat", "n": 2, "background": "opaque"}
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Content-Length"] == str(len(request.content))


async def test_not_given_params_are_left_out(driver: Driver, respx_mock: respx.MockRouter) -> None:
    from openai_images_sdk._types import NOT_GIVEN

    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client()
    await driver.run(client.images.generate(prompt="a cat", model=NOT_GIVEN, n=None))
    assert json.loads(route.calls.last.request.content) == {"prompt": "a cat", "n": None}


def timeout_of(request: httpx.Request) -> dict[str, float | None]:
    return dict(request.extensions["timeout"])


async def test_default_timeout_suits_image_generation(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client()
    assert client.timeout == httpx.Timeout(600, connect=5)
    await call(driver, client)
    assert timeout_of(route.calls.last.request) == {
        "connect": 5.0,
        "read": 600.0,
        "write": 600.0,
        "pool": 600.0,
    }


async def test_timeout_option_and_per_request_override(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(timeout=30.0)
    await call(driver, client)
    assert set(timeout_of(route.calls.last.request).values()) == {30.0}
    await call(driver, client, options=RequestOptions(timeout=httpx.Timeout(9.0, connect=1.0)))
    assert timeout_of(route.calls.last.request)["connect"] == 1.0
    assert timeout_of(route.calls.last.request)["read"] == 9.0
    await call(driver, client, options=RequestOptions(timeout=None))
    assert set(timeout_of(route.calls.last.request).values()) == {None}


async def test_bring_your_own_http_client(driver: Driver) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=OK_BODY)

    transport = httpx.MockTransport(handler)
    http_client = driver.http_client(transport=transport, timeout=42.0)
    client = driver.client(http_client=http_client, base_url="https://own.local/v1")
    assert client.timeout == httpx.Timeout(42.0)
    result = await call(driver, client)
    assert isinstance(result, TinyImagesResponse)
    assert str(seen[0].url) == "https://own.local/v1/images/generations"
    await driver.close(client)
    assert not http_client.is_closed, "the caller owns a client it passed in"
    await driver.run(http_client.aclose() if driver.is_async else http_client.close())  # type: ignore[union-attr]


async def test_own_http_client_with_default_timeout_gets_ours(driver: Driver) -> None:
    http_client = driver.http_client()
    client = driver.client(http_client=http_client)
    assert client.timeout == DEFAULT_TIMEOUT
    await driver.run(http_client.aclose() if driver.is_async else http_client.close())  # type: ignore[union-attr]


def test_default_pool_limits() -> None:
    client = ImagesClient(api_key="sk-test")
    transport: Any = client._http_client._transport
    pool = transport._pool
    assert pool._max_connections == DEFAULT_LIMITS.max_connections == 512
    assert pool._max_keepalive_connections == DEFAULT_LIMITS.max_keepalive_connections == 20
    client.close()


async def test_invalid_options_are_rejected(driver: Driver) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        driver.client(max_retries=-1)
    with pytest.raises(ValueError, match="validation"):
        driver.client(validation="loose")


# -- with_options, closing, sharing ---------------------------------------------------------


async def test_with_options_changes_a_copy_and_shares_the_pool(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    client = driver.client(default_headers={"X-A": "1"}, max_retries=2)
    copy = client.with_options(
        timeout=5.0, max_retries=0, default_headers={"X-B": "2"}, organization="org-x"
    )
    assert type(copy) is type(client)
    assert copy._http_client is client._http_client
    assert (copy.max_retries, client.max_retries) == (0, 2)
    assert copy.timeout == httpx.Timeout(5.0)
    assert client.timeout == DEFAULT_TIMEOUT
    await call(driver, copy)
    headers = route.calls.last.request.headers
    assert (headers["X-A"], headers["X-B"], headers["OpenAI-Organization"]) == ("1", "2", "org-x")
    await call(driver, client)
    assert "X-B" not in route.calls.last.request.headers

    await driver.close(copy)
    assert not client.is_closed, "closing a copy leaves the shared pool open"
    await call(driver, client)
    await driver.close(client)
    assert client.is_closed
    assert copy.is_closed


async def test_with_options_api_key_and_base_url(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post("https://other.local/images/generations").respond(json=OK_BODY)
    client = driver.client()
    copy = client.with_options(api_key="sk-other", base_url="https://other.local")
    await call(driver, copy)
    assert route.calls.last.request.headers["Authorization"] == "Bearer sk-other"
    assert client.api_key == "sk-test-key"


async def test_context_manager_closes_the_pool(driver: Driver) -> None:
    client = driver.client()
    async with driver.enter(client) as entered:
        assert entered is client
        assert not client.is_closed
    assert client.is_closed


async def test_concurrent_use_of_one_client(driver: Driver, respx_mock: respx.MockRouter) -> None:
    counter = iter(range(1000))
    lock = threading.Lock()

    def respond(request: httpx.Request) -> httpx.Response:
        with lock:
            number = next(counter)
        return httpx.Response(
            200, json={"created": number}, headers={"x-request-id": f"req_{number}"}
        )

    respx_mock.post(API).mock(side_effect=respond)
    client = driver.client()
    results: list[Any] = []
    if driver.is_async:

        async def one() -> None:
            results.append(await call(driver, client))

        async with anyio.create_task_group() as group:
            for _ in range(20):
                group.start_soon(one)
    else:
        with ThreadPoolExecutor(max_workers=8) as pool:

            def one_sync(_: int) -> Any:
                return client._request(TINY_GENERATE, {"prompt": "x"})

            results = list(pool.map(one_sync, range(20)))
    assert sorted(r.created for r in results) == list(range(20))
    assert all(r.request_id == f"req_{r.created}" for r in results)


# -- the request path -----------------------------------------------------------------------


async def test_parsed_result_carries_request_id_and_rate_limits(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(
        json=OK_BODY,
        headers={
            "x-request-id": "req_123",
            "x-ratelimit-remaining-requests": "49",
            "x-ratelimit-reset-requests": "1s",
        },
    )
    result = await call(driver, driver.client())
    assert isinstance(result, TinyImagesResponse)
    assert result.data[0].b64_json == "aGk="
    assert result.request_id == "req_123"
    assert result.rate_limits.remaining_requests == 49
    assert result.rate_limits.reset_requests == 1.0


async def test_accept_header_and_body_of_json_request(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY)
    await call(driver, driver.client(), {"prompt": "a cat", "stream": False})
    request = route.calls.last.request
    assert request.headers["Accept"] == "application/json"
    assert json.loads(request.content) == {"prompt": "a cat", "stream": False}


async def test_stream_request_returns_stream_over_open_response(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(
        headers={"content-type": "text/event-stream"}, content=b"event: x\ndata: {}\n\n"
    )
    result: Any = await call(driver, driver.client(), {"prompt": "a cat", "stream": True})
    assert route.calls.last.request.headers["Accept"] == "text/event-stream"
    stream_class: Any = AsyncStream if driver.is_async else Stream
    assert type(result) is stream_class
    assert not result.response.is_closed, "the stream owns the unread response"
    assert not result.response.is_stream_consumed
    closer: Any = getattr(result, "aclose" if driver.is_async else "close")
    await driver.run(closer())
    assert result.response.is_closed


async def test_stream_request_error_is_typed(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    error = {"error": {"message": "bad size", "type": "invalid_request_error", "param": "size"}}
    route = respx_mock.post(API).respond(400, json=error)
    with pytest.raises(BadRequestError, match="bad size") as info:
        await call(driver, driver.client(), {"prompt": "a cat", "stream": True})
    assert info.value.param == "size"
    assert route.call_count == 1


async def test_stream_request_429_is_retried_then_typed(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float]
) -> None:
    route = respx_mock.post(API).respond(429, json={"error": {"message": "slow down"}})
    with pytest.raises(RateLimitError):
        await call(driver, driver.client(), {"prompt": "a cat", "stream": True})
    assert route.call_count == 3
    assert route.calls.last.request.headers["Accept"] == "text/event-stream"


@pytest.mark.parametrize(
    ("content", "match"),
    [(b"not json", "not valid JSON"), (b'{"data": []}', "does not match TinyImagesResponse")],
)
async def test_body_that_does_not_structure(
    driver: Driver, respx_mock: respx.MockRouter, content: bytes, match: str
) -> None:
    respx_mock.post(API).respond(200, content=content)
    with pytest.raises(APIResponseValidationError, match=match) as info:
        await call(driver, driver.client())
    assert info.value.status_code == 200


async def test_raw_mode_gives_response_and_typed_parse(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(json=OK_BODY, headers={"x-request-id": "req_raw"})
    raw = await call(driver, driver.client(), mode="raw")
    assert isinstance(raw, AsyncAPIResponse if driver.is_async else APIResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req_raw"
    assert raw.headers["x-request-id"] == "req_raw"
    assert raw.retries_taken == 0
    assert raw.is_closed, "a non-stream raw response is read whole"
    assert raw.elapsed.total_seconds() >= 0
    parsed = await driver.run(raw.parse())
    assert isinstance(parsed, TinyImagesResponse)
    assert parsed.request_id == "req_raw"
    assert await driver.run(raw.parse()) is parsed


async def test_raw_mode_of_stream_request_parses_to_stream(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(
        headers={"content-type": "text/event-stream"}, content=b"data: {}\n\n"
    )
    raw = await call(driver, driver.client(), {"prompt": "a", "stream": True}, mode="raw")
    assert not raw.is_closed
    stream = await driver.run(raw.parse())
    assert isinstance(stream, AsyncStream if driver.is_async else Stream)
    assert stream.response is raw.http_response
    await driver.run(raw.close())


async def test_streaming_mode_leaves_body_unread_until_asked(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=OK_BODY, headers={"x-request-id": "req_s"})
    manager = driver.client()._request(TINY_GENERATE, {"prompt": "a"}, OPTIONS, mode="streaming")
    assert route.call_count == 0, "nothing is sent before the context is entered"
    async with driver.enter(manager) as response:
        assert route.call_count == 1
        assert response.request_id == "req_s"
        assert not response.is_closed
        assert not response.http_response.is_stream_consumed
        chunks = await driver.collect(response.iter_bytes())
        assert json.loads(b"".join(chunks)) == OK_BODY
    assert response.is_closed


async def test_streaming_mode_parse(driver: Driver, respx_mock: respx.MockRouter) -> None:
    respx_mock.post(API).respond(json=OK_BODY)
    manager = driver.client()._request(TINY_GENERATE, {"prompt": "a"}, OPTIONS, mode="streaming")
    async with driver.enter(manager) as response:
        parsed = await driver.run(response.parse())
        assert isinstance(parsed, TinyImagesResponse)


async def test_streaming_mode_error_raises_on_entry(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(API).respond(404, json={"error": {"message": "no such model"}})
    manager = driver.client()._request(TINY_GENERATE, {"prompt": "a"}, OPTIONS, mode="streaming")
    with pytest.raises(Exception, match="no such model"):
        async with driver.enter(manager):
            pass


async def test_async_streaming_mode_can_be_awaited(respx_mock: respx.MockRouter) -> None:
    respx_mock.post(API).respond(json=OK_BODY)
    client = AsyncImagesClient(api_key="sk-test")
    response = await client._request(TINY_GENERATE, {"prompt": "a"}, OPTIONS, mode="streaming")
    async with response:
        assert not response.is_closed
        assert (await response.json()) == OK_BODY
    assert response.is_closed
    await client.aclose()


async def test_validation_mode_reaches_validator(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[str] = []

    def record(
        op: OperationSpec,
        params: Any,
        *,
        mode: str,
        inputs: Any = (),
        body: Any = None,
        upload_violations: Any = (),
    ) -> None:
        assert params == {"prompt": "a"}
        modes.append(mode)

    monkeypatch.setattr(_validation, "validate_request", record)
    respx_mock.post(API).respond(json=OK_BODY)
    await call(driver, driver.client(), {"prompt": "a"})
    await call(driver, driver.client(validation="warn"), {"prompt": "a"})
    await call(
        driver, driver.client(validation="warn"), {"prompt": "a"}, RequestOptions(validation="off")
    )
    assert modes == ["strict", "warn", "off"]


async def test_validation_error_sends_nothing(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    def reject(
        op: OperationSpec,
        params: Any,
        *,
        mode: str,
        inputs: Any = (),
        body: Any = None,
        upload_violations: Any = (),
    ) -> None:
        raise ValidationError([Violation(param="n", rule="at most 10", value=99)])

    monkeypatch.setattr(_validation, "validate_request", reject)
    route = respx_mock.post(API).respond(json=OK_BODY)
    with pytest.raises(ValidationError, match="at most 10"):
        await call(driver, driver.client(), {"prompt": "a", "n": 99})

    async def open_streaming() -> None:  # sync raises at the call, async on entering
        manager = driver.client()._request(
            TINY_GENERATE, {"prompt": "a"}, OPTIONS, mode="streaming"
        )
        if isinstance(manager, AsyncResponseContextManager):
            async with manager:
                pass

    with pytest.raises(ValidationError):
        await open_streaming()
    assert route.call_count == 0


GET_BATCH = OperationSpec(
    operation_id="retrieveBatch",
    method_name="retrieve",
    http_method="get",
    path="/batches/{batch_id}",
    bodies=(),
    fields=(
        FieldSpec(
            name="batch_id", python_name="batch_id", bodies=(), required=True, kinds=("string",)
        ),
    ),
    response_type=TinyImagesResponse,
    stream_event_type=None,
    capability_key="batch",
)


async def test_path_parameters_and_query_of_bodyless_operation(
    driver: Driver, respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    def accept(*args: object, **kwargs: object) -> None:
        pass

    monkeypatch.setattr(_validation, "validate_request", accept)
    route = respx_mock.get(url__startswith="https://api.openai.com/v1/batches/").respond(
        json={"created": 5}
    )
    result = await driver.run(
        driver.client()._request(GET_BATCH, {"batch_id": "b/1 x", "limit": 3}, OPTIONS)
    )
    request = route.calls.last.request
    assert request.url.raw_path == b"/v1/batches/b%2F1%20x?limit=3"
    assert request.content == b""
    assert "Content-Type" not in request.headers
    assert result.created == 5


async def test_images_property_is_the_generated_resource(driver: Driver) -> None:
    from openai_images_sdk._generated.resources import AsyncImages, Images

    client = driver.client()
    images: Any = client.images
    expected: Any = AsyncImages if driver.is_async else Images
    assert type(images) is expected
    assert images._client is client
    assert client.images is images, "built once"
    copy = client.with_options(max_retries=0)
    assert copy.images is not images
    assert copy.images._client is copy


def tiny_png(width: int = 8, height: int = 8) -> bytes:
    """A valid RGBA PNG, built without Pillow."""
    row = b"\x00" + b"\x00\x00\x00\x00" * width
    chunks = [
        (b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)),
        (b"IDAT", zlib.compress(row * height)),
        (b"IEND", b""),
    ]
    out = b"\x89PNG\r\n\x1a\n"
    for kind, data in chunks:
        out += struct.pack(">I", len(data)) + kind + data
        out += struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return out


GENERATED_BODY = {"created": 2, "data": [{"b64_json": "aGk="}]}


async def test_generated_generate_raw_and_streaming_response(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(API).respond(json=GENERATED_BODY, headers={"x-request-id": "req_g"})
    client = driver.client()
    result = await driver.run(client.images.generate(prompt="a cat", model="gpt-image-1.5"))
    assert type(result).__name__ == "ImagesResponse"
    assert result.request_id == "req_g"
    assert json.loads(route.calls.last.request.content) == {
        "prompt": "a cat",
        "model": "gpt-image-1.5",
    }

    raw = await driver.run(client.images.with_raw_response.generate(prompt="a cat"))
    assert raw.request_id == "req_g"
    assert raw.parse().data[0].b64_json == "aGk="  # synchronous, as in the official SDK

    manager = client.images.with_streaming_response.generate(prompt="a cat")
    async with driver.enter(manager) as response:
        assert not response.is_closed
        assert (await driver.run(response.parse())).created == 2
    assert response.is_closed


async def test_generated_edit_upload_is_resent_whole_on_retry(
    driver: Driver, respx_mock: respx.MockRouter, retry_sleeps: list[float], tmp_path: Any
) -> None:
    path = tmp_path / "in.png"
    path.write_bytes(tiny_png())
    route = respx_mock.post("https://api.openai.com/v1/images/edits").mock(
        side_effect=[httpx.Response(500), httpx.Response(200, json=GENERATED_BODY)]
    )
    client = driver.client()
    with path.open("rb") as second:
        await driver.run(
            client.images.edit(image=[path, second], prompt="add a hat", model="gpt-image-1.5")
        )
    first, retried = sent_requests(route)
    assert first.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert first.headers["Content-Length"] == str(len(first.content))
    assert "Transfer-Encoding" not in first.headers
    assert retried.content == first.content
    assert first.content.count(tiny_png()) == 2


def test_sleep_backend_helpers_exist() -> None:
    assert callable(_concurrency.sleep)
    assert callable(_concurrency.async_sleep)
