"""docs/testing.md: every example is a pytest module; together they pass as written."""

from __future__ import annotations

import pathlib
import re

import pytest

pytest_plugins = ["pytester"]

GUIDE = pathlib.Path(__file__).parent.parent / "docs" / "testing.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
NAME = re.compile(r"\A# (\w+\.py)\n")


def _modules() -> dict[str, str]:
    modules: dict[str, str] = {}
    for block in BLOCK.findall(GUIDE.read_text(encoding="utf-8")):
        match = NAME.match(block)
        assert match is not None, f"an example does not start with '# name.py':\n{block}"
        modules[match.group(1)] = block
    return modules


def test_every_example_is_a_named_module() -> None:
    modules = _modules()
    assert "myapp.py" in modules
    assert len([name for name in modules if name.startswith("test_")]) >= 4


def test_the_guide_examples_pass(pytester: pytest.Pytester) -> None:
    modules = _modules()
    for name, source in modules.items():
        pytester.makepyfile(**{name.removesuffix(".py"): source})
    expected = sum(
        len(re.findall(r"^(?:async )?def test_", source, re.MULTILINE))
        for name, source in modules.items()
        if name.startswith("test_")
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error", "-q")
    result.assert_outcomes(passed=expected)
