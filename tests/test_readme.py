"""The README's Python examples run as written, against the fake server."""

from __future__ import annotations

import asyncio
import io
import pathlib
import re
import textwrap
from collections.abc import Iterator

import pytest

from openai_images_sdk import ImagesClient
from openai_images_sdk.testing import FakeImagesServer

README = pathlib.Path(__file__).parent.parent / "README.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _examples() -> list[str]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def _image_bytes(fmt: str, size: tuple[int, int] = (1024, 1024)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 90, 60)).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def readme_env(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, object]]:
    server = FakeImagesServer().start()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-readme-example")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    (tmp_path / "room.png").write_bytes(_image_bytes("PNG"))
    (tmp_path / "sofa.jpg").write_bytes(_image_bytes("JPEG"))
    (tmp_path / "fox.png").write_bytes(_image_bytes("PNG"))
    yield {"lamp_bytes": _image_bytes("WEBP")}
    server.stop()


def test_readme_has_examples() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize("index", range(len(_examples())))
def test_readme_example_runs(index: int, readme_env: dict[str, object]) -> None:
    source = _examples()[index]
    namespace: dict[str, object] = dict(readme_env)
    if "await " in source or "async with" in source:
        body = textwrap.indent(source, "    ")
        exec(f"async def _example():\n{body}\n", namespace)
        asyncio.run(namespace["_example"]())  # type: ignore[operator]
    else:
        exec(compile(source, f"README example {index}", "exec"), namespace)
    for value in namespace.values():
        if isinstance(value, ImagesClient):
            value.close()
