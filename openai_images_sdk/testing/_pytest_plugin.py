"""pytest plugin: the `fake_images_server` fixture (a running `FakeImagesServer`).

Options come from a marker on the test, module or class::

    @pytest.mark.fake_images_server(latency=0.1, api_key="sk-test")
    def test_slow_api(fake_images_server): ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import pytest

if TYPE_CHECKING:
    from openai_images_sdk.testing._server import FakeImagesServer

__all__ = ["fake_images_server"]


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker that passes options to the fixture."""
    config.addinivalue_line(
        "markers",
        "fake_images_server(**options): FakeImagesServer options for the fake_images_server "
        "fixture",
    )


@pytest.fixture
def fake_images_server(request: pytest.FixtureRequest) -> Iterator[FakeImagesServer]:
    """A `FakeImagesServer` running on 127.0.0.1 for the test, stopped afterwards."""
    from openai_images_sdk.testing._server import FakeImagesServer

    # pytest leaves `FixtureRequest.node` unannotated.
    node = cast("pytest.Item", request.node)  # pyright: ignore[reportUnknownMemberType]
    marker = node.get_closest_marker("fake_images_server")
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    with FakeImagesServer(**options) as server:
        yield server
