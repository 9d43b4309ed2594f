"""Every README and docs/ example type-checks under mypy --strict and pyright strict.

The examples are written into a temporary directory as modules (tests/_doc_examples.py)
and both checkers run there, as a user's project would check code copied from the docs.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest
from _doc_examples import REPO, all_examples, documents, examples

CHECK_TIMEOUT = 600.0


def test_the_examples_are_found() -> None:
    found = {document: len(examples(document)) for document in documents()}
    assert found["README.md"] >= 5
    assert found["docs/testing.md"] >= 5
    assert found["docs/ARCHITECTURE.md"] == 0, "an outline, not an example"
    names = [example.module_name for example in all_examples()]
    assert len(names) == len(set(names))


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("doc_examples")
    for example in all_examples():
        (folder / f"{example.module_name}.py").write_text(example.module(), encoding="utf-8")
    return folder


def _check(command: list[str], folder: pathlib.Path) -> None:
    env = {**os.environ, "MYPYPATH": str(REPO)}
    done = subprocess.run(
        command,
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"{command[2]}:\n{done.stdout}\n{done.stderr}"


def test_examples_pass_mypy_strict(example_dir: pathlib.Path) -> None:
    files = sorted(p.name for p in example_dir.glob("*.py"))
    cache = example_dir / ".mypy_cache"
    _check(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), *files], example_dir
    )


def test_examples_pass_pyright_strict(example_dir: pathlib.Path) -> None:
    config = {
        "typeCheckingMode": "strict",
        "pythonVersion": "3.11",
        "pythonPlatform": "All",
        "venvPath": str(pathlib.Path(sys.prefix).parent),
        "venv": pathlib.Path(sys.prefix).name,
        "extraPaths": [str(REPO)],
    }
    (example_dir / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    pyright = pathlib.Path(sys.executable).parent / "pyright"
    _check([str(pyright), "-p", "pyrightconfig.json", "."], example_dir)
