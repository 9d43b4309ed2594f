"""The README's and docs/' Python examples run as written against the fake server, under
``-W error``, and close every client they open.

Each example runs in its own interpreter (``python -W error``), as a user's script or test
would, with ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` pointing at a `FakeImagesServer`.
docs/testing.md's examples are pytest modules, run by tests/test_testing_docs.py (also
under ``-W error``); the type checks of every example are in tests/test_docs_examples.py.
"""

from __future__ import annotations

import ast
import io
import os
import pathlib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from _doc_examples import Example, all_examples

from openai_images_sdk.testing import FakeImagesServer

RUN_TIMEOUT = 120.0
CLIENTS = frozenset({"ImagesClient", "AsyncImagesClient", "AzureImagesClient", "fake_client"})
"""What opens a client that the example must close (by ``with``)."""


def _scripts() -> list[Example]:
    """The examples that are scripts (docs/testing.md's named modules are pytest modules)."""
    return [example for example in all_examples() if example.document != "docs/testing.md"]


def _image_bytes(fmt: str, size: tuple[int, int] = (1024, 1024)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 90, 60)).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def example_env(tmp_path: pathlib.Path) -> Iterator[dict[str, str]]:
    (tmp_path / "room.png").write_bytes(_image_bytes("PNG"))
    (tmp_path / "sofa.jpg").write_bytes(_image_bytes("JPEG"))
    (tmp_path / "fox.png").write_bytes(_image_bytes("PNG"))
    (tmp_path / "lamp.webp").write_bytes(_image_bytes("WEBP"))
    with FakeImagesServer() as server:
        env = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
        yield {**env, "OPENAI_API_KEY": "sk-readme-example", "OPENAI_BASE_URL": server.base_url}
        assert server.errors == ()


def test_readme_has_examples() -> None:
    assert len([e for e in _scripts() if e.document == "README.md"]) >= 5


@pytest.mark.parametrize("example", _scripts(), ids=lambda example: example.id)
def test_example_runs_under_w_error(
    example: Example, example_env: dict[str, str], tmp_path: pathlib.Path
) -> None:
    script = tmp_path / f"{example.module_name}.py"
    script.write_text(example.module(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-W", "error", "-X", "dev", script.name],
        cwd=tmp_path,
        env=example_env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"{example.id}:\n{done.stderr}"
    assert "Warning" not in done.stderr, f"{example.id}:\n{done.stderr}"


def _opened_outside_with(source: str) -> list[str]:
    """The client constructor calls of `source` that are not a ``with`` item."""
    tree = ast.parse(source)
    managed = {
        id(item.context_expr)
        for node in ast.walk(tree)
        if isinstance(node, ast.With | ast.AsyncWith)
        for item in node.items
    }
    return [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in CLIENTS
        and id(node) not in managed
    ]


@pytest.mark.parametrize("example", all_examples(), ids=lambda example: example.id)
def test_example_closes_its_clients(example: Example) -> None:
    """A client opened outside ``with`` is left open: user tests under ``-W error`` fail on
    the unclosed connection pool."""
    assert _opened_outside_with(example.module()) == []


def test_an_unclosed_client_is_found() -> None:
    source = "from openai_images_sdk import ImagesClient\nclient = ImagesClient()\n"
    assert _opened_outside_with(source) == ["ImagesClient()"]
    assert _opened_outside_with("with ImagesClient() as client:\n    pass\n") == []
