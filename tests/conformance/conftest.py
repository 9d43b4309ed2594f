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
  absent).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance._steady import (
    SKIP_VARIABLE,
    SPEC,
    UPSTREAM,
    SteadyServer,
    SteadyUnavailable,
    close_request_bodies,
    images_subset,
    install,
    load,
    start,
    write,
)

TARGETS = ("spec", "spec-closed", "upstream")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "conformance: sends requests to steady (needs Node.js to install it once)"
    )


class SteadyPool:
    """Starts one steady per target on first use; `stop_all` ends them."""

    def __init__(self, executable: Path, workdir: Path) -> None:
        self.executable = executable
        self.workdir = workdir
        self.servers: dict[str, SteadyServer] = {}

    def document(self, target: str) -> Path:
        """The file steady serves for `target` (derived documents are written here)."""
        if target == "spec":
            return SPEC
        if target == "spec-closed":
            document = load(SPEC)
            closed = close_request_bodies(document)
            assert len(closed) == 4, closed
            return write(document, self.workdir / "spec-closed.json")
        if target == "upstream":
            if not UPSTREAM.is_file():
                pytest.skip(f"the upstream document is absent: {UPSTREAM}")
            document = images_subset(load(UPSTREAM))
            closed = close_request_bodies(document)
            assert len(closed) == 4, closed
            return write(document, self.workdir / "upstream-images.json")
        raise ValueError(target)

    def get(self, target: str) -> SteadyServer:
        """The running server for `target`, started now if needed."""
        if target not in self.servers:
            try:
                server = start(self.executable, target, self.document(target), self.workdir)
            except SteadyUnavailable as error:
                pytest.fail(str(error), pytrace=False)
            self.servers[target] = server
        server = self.servers[target]
        if server.process.poll() is not None:
            pytest.fail(f"steady ({target}) exited:\n{server.log_tail()}", pytrace=False)
        return server

    def stop_all(self) -> None:
        """Stop every server this pool started."""
        for server in self.servers.values():
            server.stop()


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
