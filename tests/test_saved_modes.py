"""Every saved image honours the umask (0644 under umask 022): `save`, `save_all`, a
stream's `save_to` and the CLI all go through the one atomic writer (`_atomic`)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Driver

from openai_images_sdk.testing import FakeImagesServer

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer() as running:
        yield running


@pytest.fixture(params=[0o022, 0o077])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    mask: int = request.param
    old = os.umask(mask)
    yield mask
    os.umask(old)


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


async def test_save_and_save_all_honour_the_umask(
    driver: Driver, server: FakeImagesServer, tmp_path: Path, umask: int
) -> None:
    client = driver.client(base_url=server.base_url)
    try:
        result: Any = await driver.run(client.images.generate(prompt="a fox", n=2))
        one = await driver.run(result.data[0].save(tmp_path / "one"))
        many = await driver.run(result.save_all(tmp_path / "many"))
    finally:
        await driver.close(client)
    for path in [one, *many]:
        assert mode(path) == 0o666 & ~umask


async def test_stream_save_to_honours_the_umask(
    driver: Driver, server: FakeImagesServer, tmp_path: Path, umask: int
) -> None:
    client = driver.client(base_url=server.base_url)
    try:
        stream: Any = await driver.run(
            client.images.generate(prompt="a fox", stream=True, partial_images=1)
        )
        paths = await driver.run(stream.save_to(tmp_path / "s" / "{kind}-{n}.{ext}"))
    finally:
        await driver.close(client)
    assert paths
    for path in paths:
        assert mode(path) == 0o666 & ~umask
    assert not [p for p in (tmp_path / "s").iterdir() if p.name.startswith(".")]


def test_cli_generate_honours_the_umask(
    server: FakeImagesServer, tmp_path: Path, umask: int
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, "-m", "openai_images_sdk", "generate", "a fox", "--base-url",
         server.base_url, "--api-key", "sk-test", "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    saved = [p for p in tmp_path.iterdir() if p.is_file()]
    assert saved
    for path in saved:
        assert mode(path) == 0o666 & ~umask
