"""A spec edit that adds one enum value needs no test edit.

The repository is copied to tmp_path, the copy's spec gains a quality value for the GPT
Image 2.5 models, codegen regenerates the copy, and the copy's spec-fact tests run against
it: they pass, and they test the new value, because they read the facts from spec/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
COPIED = (
    "codegen",
    "openai_images_sdk",
    "spec",
    "tests",
    "pyproject.toml",
    "README.md",
    "Makefile",
)
CHECKS = (
    "tests/test_spec.py",
    "tests/test_spec_facts.py",
    "tests/test_capabilities.py",
    "tests/test_validation.py",
)
NEW = "superfine"


def _copy_repo(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


def _add_quality(spec_dir: Path) -> None:
    openapi_path = spec_dir / "openapi.yaml"
    openapi: Any = yaml.safe_load(openapi_path.read_text(encoding="utf-8"))
    for name in ("ImageQuality", "ImageEditQuality", "ImageEditJsonQuality"):
        openapi["components"]["schemas"][name]["enum"].append(NEW)
    openapi_path.write_text(yaml.safe_dump(openapi, sort_keys=False), encoding="utf-8")
    table_path = spec_dir / "model-capabilities.yaml"
    table: Any = yaml.safe_load(table_path.read_text(encoding="utf-8"))
    operations = table["models"]["gpt-image-2.5-sunburst"]["operations"]
    for operation in ("generate", "edit"):
        quality = dict(operations[operation]["parameters"]["quality"])
        quality["values"] = [*quality["values"], NEW]
        operations[operation]["parameters"]["quality"] = quality
    table_path.write_text(yaml.safe_dump(table, sort_keys=False), encoding="utf-8")


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(copy)}
    return subprocess.run(
        [sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True, check=False
    )


def test_adding_an_enum_value_needs_no_test_edit(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    copy.mkdir()
    _copy_repo(copy)
    _add_quality(copy / "spec")
    generated = _run(copy, "-m", "codegen")
    assert generated.returncode == 0, generated.stderr
    assert f"`ImageQuality` now takes `{NEW}`." in generated.stdout
    assert NEW in (copy / "openai_images_sdk" / "_generated" / "models.py").read_text("utf-8")
    assert _run(copy, "-m", "codegen", "--check").returncode == 0

    collected = _run(
        copy, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *CHECKS
    )
    assert collected.returncode == 0, collected.stdout + collected.stderr
    # the new value is a test case of its own, with no test edited
    assert f"test_2_5_qualities_are_refused_for_other_gpt_image_models[{NEW}]" in collected.stdout

    checked = _run(copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CHECKS)
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr[-2000:]
