"""The `fake_images_server` fixture, used from a temporary project (pytester)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

pytest_plugins = ["pytester"]

PLUGIN = "openai_images_sdk_pytest"

PROJECT_TESTS = """
import base64
import threading

import httpx
import pytest

KEY = {"Authorization": "Bearer sk-user-test"}


def test_generate(fake_images_server):
    response = httpx.post(
        f"{fake_images_server.base_url}/images/generations",
        json={"prompt": "from a user's test suite"},
        headers=KEY,
    )
    assert response.status_code == 200
    assert base64.b64decode(response.json()["data"][0]["b64_json"]).startswith(b"\\x89PNG")
    assert [r.path for r in fake_images_server.requests] == ["/v1/images/generations"]


@pytest.mark.fake_images_server(api_key="sk-only-this", latency=0.05)
def test_marker_options(fake_images_server):
    assert fake_images_server.api_key == "sk-only-this"
    assert fake_images_server.latency == 0.05
    response = httpx.post(
        f"{fake_images_server.base_url}/images/generations", json={"prompt": "x"}, headers=KEY
    )
    assert response.status_code == 401


def test_each_test_gets_a_fresh_server(fake_images_server):
    assert fake_images_server.requests == ()


def test_no_server_thread_outlives_its_test():
    assert not [t for t in threading.enumerate() if t.name.startswith("fake-images")]
"""


def test_fixture_in_a_temporary_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user_project=PROJECT_TESTS)
    # The installed entry point loads the plugin, as in a user's project.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


CLIENT_TESTS = """
import pytest

from openai_images_sdk import APIConnectionError, AuthenticationError
from openai_images_sdk.testing import sample_image


def test_ready_client(fake_images_client, fake_images_requests):
    result = fake_images_client.images.generate(prompt="a red boat", size="1024x1024")
    assert result.data[0].bytes().startswith(b"\\x89PNG")
    fake_images_client.images.edit(image=("boat.png", sample_image()), prompt="add a sail")
    sent = fake_images_requests.assert_sent(
        "/v1/images/edits",
        fields={"prompt": "add a sail"},
        files=[("image", "boat.png", len(sample_image()))],
        headers={"authorization": "REDACTED"},
    )
    assert sent.status == 200
    assert len(fake_images_requests) == 2


@pytest.mark.fake_images_server(api_key="sk-right")
@pytest.mark.fake_images_client(api_key="sk-wrong", max_retries=0)
def test_client_marker(fake_images_client):
    with pytest.raises(AuthenticationError):
        fake_images_client.images.generate(prompt="x")


def test_assertion_names_what_differs(fake_images_client, fake_images_requests):
    fake_images_client.images.generate(prompt="one")
    with pytest.raises(AssertionError, match="field 'prompt' was 'one', not 'two'"):
        fake_images_requests.assert_sent("/v1/images/generations", fields={"prompt": "two"})


@pytest.mark.anyio
async def test_async_client(async_fake_images_client, fake_images_server):
    result = await async_fake_images_client.images.generate(prompt="async boat")
    assert result.data[0].bytes().startswith(b"\\x89PNG")
    assert [r.path for r in fake_images_server.requests] == ["/v1/images/generations"]


def test_session_server(fake_images_session_server):
    fake_images_session_server.reset()
    assert fake_images_session_server.requests == ()
    assert fake_images_session_server.base_url.startswith("http://127.0.0.1:")


@pytest.fixture
def anyio_backend():
    return "asyncio"
"""


def test_client_fixtures_in_a_temporary_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_clients=CLIENT_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=5)


def test_marker_is_registered(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_strict="""
import pytest

@pytest.mark.fake_images_server(seed=3)
def test_marked(fake_images_server):
    assert fake_images_server.seed == "3"


@pytest.mark.fake_images_client(max_retries=0)
def test_client_marked(fake_images_client):
    assert fake_images_client.max_retries == 0
"""
    )
    result = pytester.runpytest_subprocess("--strict-markers")
    result.assert_outcomes(passed=2)


def test_plugin_import_stays_light() -> None:
    """pytest imports the plugin in every session: it must not load httpx, the SDK or the server."""
    code = (
        f"import sys, {PLUGIN}; "
        "heavy = sorted(m for m in sys.modules if m in ('httpx', 'http.server', 'anyio') "
        "or m.startswith(('openai_images_sdk.', 'httpx.')) or m == 'openai_images_sdk'); "
        "print(heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_entry_point_names_the_light_module() -> None:
    from importlib.metadata import entry_points

    found = [e.value for e in entry_points(group="pytest11") if e.name == "openai_images_sdk"]
    assert found == [PLUGIN]


@pytest.mark.parametrize("module", ["openai_images_sdk.testing", "openai_images_sdk.fake_server"])
def test_public_names_resolve_lazily(module: str) -> None:
    package = importlib.import_module(module)
    for name in package.__all__:
        assert getattr(package, name) is not None
    assert sorted(dir(package)) == sorted(package.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = package.nope


def test_testing_keeps_every_name_it_had_and_they_are_the_servers() -> None:
    from openai_images_sdk import fake_server, testing

    for name in fake_server.__all__:
        assert name in testing.__all__
        assert getattr(testing, name) is getattr(fake_server, name)


def test_importing_the_toolkit_does_not_warn() -> None:
    code = (
        "import warnings; warnings.simplefilter('error'); "
        "from openai_images_sdk.testing import FakeImagesServer, StatusFault, serve_forever, "
        "images_response, fake_client"
    )
    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)


def test_old_module_paths_give_the_moved_modules() -> None:
    from openai_images_sdk.fake_server import _images, _ratelimit
    from openai_images_sdk.fake_server._encoders import gif

    old_images = importlib.import_module("openai_images_sdk.testing._images")
    old_gif = importlib.import_module("openai_images_sdk.testing._gif")
    RateLimit = importlib.import_module("openai_images_sdk.testing._ratelimit").RateLimit

    assert old_images is _images
    assert old_gif is gif
    assert RateLimit is _ratelimit.RateLimit
    assert _images.__spec__ is not None
    assert _images.__spec__.name == "openai_images_sdk.fake_server._images"
