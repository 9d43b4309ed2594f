"""steady servers for the conformance tests, started once per session and stopped at its end.

steady is installed by scripts/steady.sh on first use (Node.js and npm needed once; a
missing Node.js fails the session rather than skipping it, since CI has it). Set
``OPENAI_IMAGES_SKIP_STEADY=1`` to skip these tests on a machine without it.

Targets, each its own steady process on 127.0.0.1, started when a test first asks:

- ``spec``: spec/openapi.yaml exactly as written.
- ``spec-closed``: the same document with ``additionalProperties: false`` on the request
  bodies, so that a field the SDK sends but the spec does not declare is reported.
- ``upstream``: the images paths of ../shared/upstream/openai-openapi.yaml and every
  component they reach, request bodies closed the same way (tests skip when the file is
  absent). steady loads the whole 3 MB document as well; the subset keeps the
  derived file small and the closing of request bodies confined to the images operations.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance._steady import SKIP_VARIABLE, SteadyPool, SteadyUnavailable, install


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "conformance: sends requests to steady (needs Node.js to install it once)"
    )


@pytest.fixture(scope="session")
def steady_executable() -> Path:
    """The steady binary (installed by scripts/steady.sh when missing)."""
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{SKIP_VARIABLE}=1")
    try:
        return install()
    except SteadyUnavailable as error:
        pytest.fail(
            f"{error}\n(set {SKIP_VARIABLE}=1 to skip the conformance tests locally)",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def steady(
    steady_executable: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SteadyPool]:
    """The pool of steady servers, one per target, stopped at the end of the session."""
    pool = SteadyPool(steady_executable, tmp_path_factory.mktemp("steady"))
    try:
        yield pool
    finally:
        pool.stop_all()
