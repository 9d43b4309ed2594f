"""The `fake_images_server` fixture, used from a temporary project (pytester)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest_plugins = ["pytester"]

PLUGIN = "openai_images_sdk.fake_server._pytest_plugin"

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
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_marker_is_registered(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_strict="""
import pytest

@pytest.mark.fake_images_server(seed=3)
def test_marked(fake_images_server):
    assert fake_images_server.seed == "3"
"""
    )
    result = pytester.runpytest("--strict-markers")
    result.assert_outcomes(passed=1)


def test_plugin_import_stays_light() -> None:
    """Loading the plugin imports neither the server nor its encoders (pytest loads it always)."""
    code = (
        "import sys, openai_images_sdk.fake_server._pytest_plugin; "
        "heavy = [m for m in sys.modules if m == 'http.server' or "
        "(m.startswith('openai_images_sdk.testing.') and not m.endswith('_pytest_plugin'))]; "
        "print(heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_public_names_resolve_lazily() -> None:
    from openai_images_sdk import testing

    for name in testing.__all__:
        assert getattr(testing, name) is not None
    assert sorted(dir(testing)) == sorted(testing.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = testing.nope
