"""The Python examples of README.md and docs/*.md, as modules to run and type-check.

Every ```python block is an example, except in docs/ARCHITECTURE.md, whose one block is an
outline of generated code (with ``...`` in its signatures), not code to run. An example
that uses ``await`` at the top level is wrapped in ``async def main() -> None`` (and run
with `asyncio.run`). Names the README's prose gives the reader (``lamp_bytes``) are
defined by a short prelude, the same for running and type-checking.
"""

from __future__ import annotations

import pathlib
import re
import textwrap
from typing import Final

import attrs

REPO: Final = pathlib.Path(__file__).resolve().parent.parent
BLOCK: Final = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
NOT_EXAMPLES: Final = frozenset({"docs/ARCHITECTURE.md"})
"""Documents whose Python blocks are outlines, not examples."""
PRELUDES: Final = {
    "lamp_bytes": 'import pathlib\n\nlamp_bytes = pathlib.Path("lamp.webp").read_bytes()\n',
}
"""What a name the prose introduces stands for, defined before an example that uses it."""
NAMED: Final = re.compile(r"\A# (\w+)\.py\n")
"""An example that names its module (docs/testing.md: ``# myapp.py``), imported by others."""
AWAIT: Final = re.compile(r"^(?:await |async (?:with|for) |\w+ = await )", re.MULTILINE)
"""An ``await`` outside any function (a notebook's or asyncio REPL's top level)."""


@attrs.frozen
class Example:
    """One ```python block of a document."""

    document: str
    """Its path from the repository root (``README.md``, ``docs/testing.md``)."""
    index: int
    """1 for the document's first block."""
    source: str

    @property
    def id(self) -> str:
        return f"{self.document}#{self.index}"

    @property
    def module_name(self) -> str:
        named = NAMED.match(self.source)
        if named is not None:
            return named.group(1)
        stem = re.sub(r"\W", "_", self.document.removesuffix(".md").lower())
        return f"{stem}_{self.index}"

    @property
    def is_async(self) -> bool:
        return AWAIT.search(self.source) is not None

    def module(self) -> str:
        """The example as a module (an async one runs its `main()`)."""
        prelude = "".join(text for name, text in PRELUDES.items() if name in self.source)
        if not self.is_async:
            return prelude + self.source
        body = textwrap.indent(self.source, "    ")
        main = f"import asyncio\n\n\nasync def main() -> None:\n{body}"
        return prelude + main + "\n\nasyncio.run(main())\n"


def documents() -> list[str]:
    """README.md and every docs/*.md, as paths from the repository root."""
    return ["README.md", *sorted(f"docs/{p.name}" for p in (REPO / "docs").glob("*.md"))]


def examples(document: str) -> list[Example]:
    """The examples of one document (none for a document of outlines)."""
    if document in NOT_EXAMPLES:
        return []
    text = (REPO / document).read_text(encoding="utf-8")
    return [Example(document, n, source) for n, source in enumerate(BLOCK.findall(text), 1)]


def all_examples() -> list[Example]:
    """Every example of every document."""
    return [example for document in documents() for example in examples(document)]
