"""Shared fixtures: async backends, one test body for both clients, a clean environment.

Keep this file generic; fixtures of one area go in that area's test files.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import AsyncGenerator, AsyncIterable, Iterable
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager
from typing import Any, Literal

import attrs
import httpx
import pytest
import respx

from openai_images_sdk import _concurrency
from openai_images_sdk._azure import AsyncAzureImagesClient, AzureImagesClient
from openai_images_sdk._client import AsyncImagesClient, ImagesClient
from openai_images_sdk._operation import FieldSpec, OperationSpec
from openai_images_sdk._results import ImagesResponseMixin

_ENVIRONMENT = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "OPENAI_API_VERSION",
    "OPENAI_IMAGES_LOG",
    "OPENAI_LOG",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_AD_TOKEN",
    "AZURE_OPENAI_ENDPOINT",
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's OpenAI/Azure settings."""
    for name in _ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


_BACKENDS = ["asyncio", "trio"] if importlib.util.find_spec("trio") else ["asyncio"]


@pytest.fixture(params=_BACKENDS)
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Async tests run under asyncio and under trio."""
    return str(request.param)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run sync-driver tests once: drop their (identical) trio copy."""
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("driver") == "sync" and params.get("anyio_backend") == "trio":
            dropped.append(item)
        else:
            keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


class Driver:
    """Runs one test body against the sync or the async clients.

    Write the test as ``async def`` and pass what a client call returns through
    `run` (awaited when it is awaitable), `enter` (any sync or async context manager)
    or `collect` (any sync or async iterable).
    """

    def __init__(self, kind: Literal["sync", "async"]) -> None:
        self.kind = kind
        self.is_async = kind == "async"

    def __repr__(self) -> str:
        return f"Driver({self.kind!r})"

    def client(self, **options: Any) -> Any:
        """An `ImagesClient` or `AsyncImagesClient` (api_key defaults to a test key)."""
        options.setdefault("api_key", "sk-test-key")
        return (AsyncImagesClient if self.is_async else ImagesClient)(**options)

    def azure(self, **options: Any) -> Any:
        """An `AzureImagesClient` or `AsyncAzureImagesClient`."""
        return (AsyncAzureImagesClient if self.is_async else AzureImagesClient)(**options)

    def http_client(self, **options: Any) -> httpx.Client | httpx.AsyncClient:
        """A plain `httpx.Client` or `httpx.AsyncClient`."""
        return httpx.AsyncClient(**options) if self.is_async else httpx.Client(**options)

    async def run(self, value: Any) -> Any:
        """`value`, awaited if it is awaitable."""
        if inspect.isawaitable(value):
            return await value
        return value

    @asynccontextmanager
    async def enter(
        self, manager: AbstractContextManager[Any] | AbstractAsyncContextManager[Any]
    ) -> AsyncGenerator[Any]:
        """Enter a sync or async context manager."""
        if isinstance(manager, AbstractAsyncContextManager) or hasattr(manager, "__aenter__"):
            async with manager as value:  # type: ignore[union-attr]
                yield value
        else:
            with manager as value:
                yield value

    async def collect(self, iterable: Iterable[Any] | AsyncIterable[Any]) -> list[Any]:
        """Every item of a sync or async iterable."""
        if isinstance(iterable, AsyncIterable):
            return [item async for item in iterable]
        return list(iterable)

    async def close(self, client: Any) -> None:
        """Close a client of either kind."""
        await self.run(client.close())


@pytest.fixture(params=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> Driver:
    """The same test body against the sync and the async clients (mark the test anyio)."""
    return Driver(request.param)


def sent_requests(route: respx.Route) -> list[httpx.Request]:
    """Every request a respx route received, in order."""
    calls: Any = route.calls
    return [call.request for call in calls]


@pytest.fixture
def retry_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retries do not wait; the waits they asked for are recorded here."""
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_concurrency, "sleep", sleep)
    monkeypatch.setattr(_concurrency, "async_sleep", async_sleep)
    return waits


@attrs.define(frozen=True, kw_only=True)
class TinyImage:
    """A minimal image model for transport tests."""

    b64_json: str | None = None
    url: str | None = None


@attrs.define(frozen=True, kw_only=True)
class TinyImagesResponse(ImagesResponseMixin):
    """A minimal response model for transport tests (carries request id and rate limits)."""

    created: int
    data: list[TinyImage] = attrs.field(factory=list[TinyImage])


def _json_field(name: str, *kinds: Any, required: bool = False) -> FieldSpec:
    return FieldSpec(name=name, python_name=name, bodies=("json",), required=required, kinds=kinds)


TINY_GENERATE = OperationSpec(
    operation_id="createImage",
    method_name="generate",
    http_method="POST",
    path="/images/generations",
    bodies=("json",),
    fields=(
        _json_field("prompt", "string", required=True),
        _json_field("model", "string"),
        _json_field("n", "integer", "null"),
        _json_field("stream", "boolean"),
    ),
    response_type=TinyImagesResponse,
    stream_event_type=TinyImage,
    capability_key="generate",
)
"""A hand-built JSON operation at ``POST /images/generations`` that can stream."""


@pytest.fixture
def tiny_generate() -> OperationSpec:
    """`TINY_GENERATE`: a hand-built JSON operation, independent of codegen."""
    return TINY_GENERATE
