"""pytest plugin of openai-images-sdk: a fake images API and clients pointed at it.

pytest loads this module in every session of a project that has the SDK installed, so it
imports nothing but pytest; fixtures import the SDK when a test asks for them.

Fixtures:

- ``fake_images_server``: a `FakeImagesServer` on 127.0.0.1 for one test;
- ``fake_images_session_server``: one server for the whole session (call ``reset()``);
- ``fake_images_client`` / ``async_fake_images_client``: an `ImagesClient` /
  `AsyncImagesClient` pointed at ``fake_images_server``, closed after the test (the
  async one needs an async test runner: ``@pytest.mark.anyio``);
- ``fake_images_requests``: `SentRequests` over ``fake_images_server``'s requests.

Markers (on the test, its class or module)::

    @pytest.mark.fake_images_server(latency=0.1, api_key="sk-test")
    @pytest.mark.fake_images_client(max_retries=0, validation="off")
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, cast

import pytest

if TYPE_CHECKING:
    from openai_images_sdk import AsyncImagesClient, ImagesClient
    from openai_images_sdk.fake_server import FakeImagesServer
    from openai_images_sdk.testing import SentRequests

__all__ = [
    "async_fake_images_client",
    "fake_images_client",
    "fake_images_requests",
    "fake_images_server",
    "fake_images_session_server",
]

FAKE_API_KEY = "sk-fake-images-test"
"""The key the client fixtures send when the server was given none."""


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers that pass options to the fixtures."""
    config.addinivalue_line(
        "markers",
        "fake_images_server(**options): FakeImagesServer options for the fake_images_server "
        "fixture",
    )
    config.addinivalue_line(
        "markers",
        "fake_images_client(**options): ImagesClient options for the fake_images_client and "
        "async_fake_images_client fixtures",
    )


def _marker_options(request: pytest.FixtureRequest, name: str) -> dict[str, Any]:
    # pytest leaves `FixtureRequest.node` unannotated.
    node = cast("pytest.Item", request.node)  # pyright: ignore[reportUnknownMemberType]
    marker = node.get_closest_marker(name)
    return dict(marker.kwargs) if marker is not None else {}


@pytest.fixture
def fake_images_server(request: pytest.FixtureRequest) -> Iterator[FakeImagesServer]:
    """A `FakeImagesServer` running on 127.0.0.1 for the test, stopped afterwards."""
    from openai_images_sdk.fake_server import FakeImagesServer

    with FakeImagesServer(**_marker_options(request, "fake_images_server")) as server:
        yield server


@pytest.fixture(scope="session")
def fake_images_session_server() -> Iterator[FakeImagesServer]:
    """One `FakeImagesServer` for the whole session (default options; ``reset()`` it)."""
    from openai_images_sdk.fake_server import FakeImagesServer

    with FakeImagesServer() as server:
        yield server


def _client_options(request: pytest.FixtureRequest, server: FakeImagesServer) -> dict[str, Any]:
    options: dict[str, Any] = {
        "api_key": server.api_key or FAKE_API_KEY,
        "base_url": server.base_url,
    }
    options.update(_marker_options(request, "fake_images_client"))
    return options


@pytest.fixture
def fake_images_client(
    request: pytest.FixtureRequest, fake_images_server: FakeImagesServer
) -> Iterator[ImagesClient]:
    """An `ImagesClient` pointed at ``fake_images_server``, closed after the test."""
    from openai_images_sdk import ImagesClient

    with ImagesClient(**_client_options(request, fake_images_server)) as client:
        yield client


@pytest.fixture
async def async_fake_images_client(
    request: pytest.FixtureRequest, fake_images_server: FakeImagesServer, anyio_backend: object
) -> AsyncIterator[AsyncImagesClient]:
    """An `AsyncImagesClient` pointed at ``fake_images_server``, closed after the test.

    Runs under anyio's pytest plugin (``@pytest.mark.anyio``), which comes with anyio.
    """
    from openai_images_sdk import AsyncImagesClient

    async with AsyncImagesClient(**_client_options(request, fake_images_server)) as client:
        yield client


@pytest.fixture
def fake_images_requests(fake_images_server: FakeImagesServer) -> SentRequests:
    """What the test sent to ``fake_images_server``, with assertions (`SentRequests`)."""
    from openai_images_sdk.testing import SentRequests

    return SentRequests(fake_images_server)
