"""scripts/unasync.py: the rewrite rules, and `--check` against the committed tree."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "unasync.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unasync_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


unasync = load_script()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("async def f(self) -> None:\n", "def f(self) -> None:\n"),
        ("        data = await self._read()\n", "        data = self._read()\n"),
        ("    async with self:\n", "    with self:\n"),
        (
            "    async for chunk in response.aiter_bytes():\n",
            "    for chunk in response.iter_bytes():\n",
        ),
        ("await response.aclose()\n", "response.close()\n"),
        ("await response.aread()\n", "response.read()\n"),
        ("chunks = response.aiter_raw()\n", "chunks = response.iter_raw()\n"),
        ("return await anext(self._events)\n", "return next(self._events)\n"),
        ("async def __aenter__(self) -> Self:\n", "def __enter__(self) -> Self:\n"),
        (
            "async def __aexit__(self, *exc: object) -> None:\n",
            "def __exit__(self, *exc: object) -> None:\n",
        ),
        (
            "def __aiter__(self) -> AsyncIterator[bytes]:\n",
            "def __iter__(self) -> Iterator[bytes]:\n",
        ),
        ("async def __anext__(self) -> T:\n", "def __next__(self) -> T:\n"),
        (
            "from collections.abc import AsyncGenerator, AsyncIterable\n",
            "from collections.abc import Generator, Iterable\n",
        ),
        ("client = httpx.AsyncClient()\n", "client = httpx.Client()\n"),
        (
            "class _AsyncBodyStream(httpx.AsyncByteStream):\n",
            "class _BodyStream(httpx.SyncByteStream):\n",
        ),
        (
            "class AsyncImagesClient(AsyncClientResources, AsyncAPIClient):\n",
            "class ImagesClient(ClientResources, SyncAPIClient):\n",
        ),
        ("await async_download(url)\n", "download(url)\n"),
        ("await self._async_auth_headers()\n", "self._auth_headers()\n"),
        (
            "await async_run_blocking(write_atomic, path, data)\n",
            "run_blocking(write_atomic, path, data)\n",
        ),
        ("await image.adownload()\n", "image.download()\n"),
        ("async def asave(self) -> Path:\n", "def save(self) -> Path:\n"),
        ("async def asave_all(self) -> list[Path]:\n", "def save_all(self) -> list[Path]:\n"),
        ("await anyio.sleep(delay)\n", "time.sleep(delay)\n"),
        (
            "from openai_images_sdk._async.closing import AsyncClosing\n",
            "from openai_images_sdk._sync.closing import Closing\n",
        ),
        ("prepared: Callable[[], Awaitable[Call]]\n", "prepared: Callable[[], Call]\n"),
        ("for chunk in call.body.iter_async():\n", "for chunk in call.body.iter_sync():\n"),
        ("@contextlib.asynccontextmanager\n", "@contextlib.contextmanager\n"),
        ("async with contextlib.aclosing(x) as y:\n", "with contextlib.closing(x) as y:\n"),
    ],
)
def test_rewrite_rule(source: str, expected: str) -> None:
    assert unasync.rewrite(source) == expected


@pytest.mark.parametrize(
    "untouched",
    [
        "asynchronous = awaiting + areas + asave_point\n",
        "self.append(value)  # not aclosed, not a_save\n",
        "import asyncio\n",
        "AsyncioBackend = 1\n",
    ],
)
def test_rewrite_leaves_other_words_alone(untouched: str) -> None:
    assert unasync.rewrite(untouched) == untouched


def test_async_only_blocks_are_left_out() -> None:
    source = (
        "class A:\n"
        "    async def aclose(self) -> None: ...\n"
        "\n"
        "    # unasync: async-only\n"
        "    async def close(self) -> None:\n"
        "        await self.aclose()\n"
        "\n"
        "    # unasync: end\n"
        "    x = 1\n"
    )
    assert unasync.rewrite(source) == ("class A:\n    def close(self) -> None: ...\n\n    x = 1\n")


@pytest.mark.parametrize(
    "source",
    [
        "# unasync: async-only\nx = 1\n",
        "x = 1\n# unasync: end\n",
        "# unasync: async-only\n# unasync: async-only\n# unasync: end\n",
    ],
)
def test_unbalanced_markers_are_refused(source: str) -> None:
    with pytest.raises(ValueError, match="unasync"):
        unasync.rewrite(source)


def test_every_generated_module_says_where_it_came_from() -> None:
    for path in sorted((ROOT / "openai_images_sdk" / "_sync").glob("*.py")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == (
            f"# generated from openai_images_sdk/_async/{path.name} "
            "by scripts/unasync.py; do not edit"
        )
    sources = {path.name for path in (ROOT / "openai_images_sdk" / "_async").glob("*.py")}
    targets = {path.name for path in (ROOT / "openai_images_sdk" / "_sync").glob("*.py")}
    assert sources == targets


def test_check_passes_on_the_committed_tree() -> None:
    assert unasync.main(["--check"]) == 0


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of what the script reads: the script, the ruff config, both module folders."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / "unasync.py")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for folder in ("_async", "_sync"):
        shutil.copytree(
            ROOT / "openai_images_sdk" / folder,
            tmp_path / "openai_images_sdk" / folder,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    return tmp_path


def run_script(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(tree / "scripts" / "unasync.py"), *args],
        capture_output=True,
        text=True,
        cwd=tree,
        check=False,
    )


def test_check_passes_on_a_copy(tree: Path) -> None:
    done = run_script(tree, "--check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_check_fails_on_a_hand_edit_of_a_sync_module(tree: Path) -> None:
    target = tree / "openai_images_sdk" / "_sync" / "transport.py"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("retries_taken += 1", "retries_taken += 2"), encoding="utf-8")
    done = run_script(tree, "--check")
    assert done.returncode == 1
    assert "-                retries_taken += 2" in done.stdout
    assert "+                retries_taken += 1" in done.stdout
    assert "make unasync" in done.stderr
    # Regenerating puts it right.
    assert run_script(tree).returncode == 0
    assert target.read_text(encoding="utf-8") == text
    assert run_script(tree, "--check").returncode == 0


def test_check_fails_when_the_async_source_changed(tree: Path) -> None:
    source = tree / "openai_images_sdk" / "_async" / "download.py"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("an image URL", "one image URL"), encoding="utf-8")
    done = run_script(tree, "--check")
    assert done.returncode == 1
    assert '+    """Fetch one image URL' in done.stdout


def test_check_fails_on_a_missing_or_stale_sync_module(tree: Path) -> None:
    (tree / "openai_images_sdk" / "_sync" / "results.py").unlink()
    (tree / "openai_images_sdk" / "_sync" / "leftover.py").write_text("x = 1\n", encoding="utf-8")
    done = run_script(tree, "--check")
    assert done.returncode == 1
    assert "results.py (generated)" in done.stdout
    assert "leftover.py: no async source" in done.stdout
    assert run_script(tree).returncode == 0
    assert not (tree / "openai_images_sdk" / "_sync" / "leftover.py").exists()
    assert run_script(tree, "--check").returncode == 0
