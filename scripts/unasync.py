"""Write the sync twins of the hand-written async modules (httpcore's approach).

Every ``openai_images_sdk/_async/NAME.py`` is rewritten token by token into
``openai_images_sdk/_sync/NAME.py``: ``async def`` -> ``def``, ``await`` dropped,
``async with`` / ``async for`` -> ``with`` / ``for``, ``AsyncFoo`` -> ``Foo``,
``async_foo`` -> ``foo``, ``aclose`` -> ``close``, ``__aenter__`` -> ``__enter__`` and so on
(`RULES`). Lines between ``# unasync: async-only`` and ``# unasync: end`` exist only in the
async module. The result is import-sorted and formatted with ruff, so it passes the lint.

    python scripts/unasync.py          # (re)write the sync modules
    python scripts/unasync.py --check  # exit 1, with a diff, when one differs or is missing
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("openai_images_sdk/_async")
TARGET = Path("openai_images_sdk/_sync")
HEADER = "# generated from {source} by scripts/unasync.py; do not edit\n"
ASYNC_ONLY = "# unasync: async-only"
END = "# unasync: end"

RULES: tuple[tuple[str, str], ...] = (
    (r"\basync def\b", "def"),
    (r"\basync with\b", "with"),
    (r"\basync for\b", "for"),
    (r"\bawait ", ""),
    (r"\bopenai_images_sdk\._async\b", "openai_images_sdk._sync"),
    (r"\banyio\.sleep\b", "time.sleep"),
    (r"\bAwaitable\[([\w.]+)\]", r"\1"),
    (r"\b__a(enter|exit|iter|next)__\b", r"__\1__"),
    (r"\bAsyncByteStream\b", "SyncByteStream"),
    (r"\bAsyncAPIClient\b", "SyncAPIClient"),
    (r"\basynccontextmanager\b", "contextmanager"),
    (r"\b(a)(close|closing|read|iter_bytes|iter_raw|iter_lines|next)\b", r"\2"),
    (r"\b(a)(download|save|save_all)\b", r"\2"),
    (r"\biter_async\b", "iter_sync"),
    (r"\b(_?)Async([A-Z]\w*)", r"\1\2"),
    (r"\b_async_(\w+)", r"_\1"),
    (r"\basync_(\w+)", r"\1"),
)
"""(pattern, replacement) pairs, applied in order to every line, strings and comments too."""

_FIRST_PARTY = 'lint.isort.known-first-party = ["openai_images_sdk"]'
"""Sorts imports the same wherever the tree is (a copy without the package's __init__)."""

_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in RULES)


def rewrite(source: str) -> str:
    """The sync twin of async `source`, before import sorting and formatting."""
    lines: list[str] = []
    skipping = False
    for line in source.splitlines(keepends=True):
        marker = line.strip()
        if marker == ASYNC_ONLY:
            if skipping:
                raise ValueError(f"nested {ASYNC_ONLY!r}")
            skipping = True
            continue
        if marker == END:
            if not skipping:
                raise ValueError(f"{END!r} without {ASYNC_ONLY!r}")
            skipping = False
            continue
        if skipping:
            continue
        rewritten = line
        for pattern, replacement in _COMPILED:
            rewritten = pattern.sub(replacement, rewritten)
        lines.append(rewritten)
    if skipping:
        raise ValueError(f"{ASYNC_ONLY!r} without {END!r}")
    return "".join(lines)


def _ruff(args: list[str], text: str, filename: Path, root: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--stdin-filename", str(filename), "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"ruff {' '.join(args)} failed on {filename}:\n{done.stderr}")
    return done.stdout


def generate(source_path: Path, root: Path = ROOT) -> str:
    """The text of the sync module generated from `source_path` (relative to `root`)."""
    target = TARGET / source_path.name
    text = HEADER.format(source=source_path.as_posix()) + rewrite(
        (root / source_path).read_text(encoding="utf-8")
    )
    fix = ["check", "--quiet", "--fix", "--select", "I,F401", "--exit-zero"]
    text = _ruff([*fix, "--config", _FIRST_PARTY], text, target, root)
    return _ruff(["format", "--quiet"], text, target, root)


def expected(root: Path = ROOT) -> dict[Path, str]:
    """Every sync module as it should be, keyed by its path relative to `root`."""
    return {
        TARGET / path.name: generate(SOURCE / path.name, root)
        for path in sorted((root / SOURCE).glob("*.py"))
    }


def main(argv: list[str] | None = None) -> int:
    """Write the sync modules, or with ``--check`` compare them; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = parser.parse_args(argv)
    root: Path = args.root
    wanted = expected(root)
    present = {path.relative_to(root) for path in (root / TARGET).glob("*.py")}
    stale = sorted(present - wanted.keys())
    if not args.check:
        (root / TARGET).mkdir(exist_ok=True)
        for path, text in wanted.items():
            if not (root / path).exists() or (root / path).read_text(encoding="utf-8") != text:
                (root / path).write_text(text, encoding="utf-8")
                print(f"wrote {path}")
        for path in stale:
            (root / path).unlink()
            print(f"removed {path} (no async source)")
        return 0
    failed = False
    for path, text in wanted.items():
        current = (root / path).read_text(encoding="utf-8") if (root / path).exists() else ""
        if current != text:
            failed = True
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"{path} (committed)",
                    f"{path} (generated)",
                )
            )
    for path in stale:
        failed = True
        print(f"{path}: no async source in {SOURCE}; remove it")
    if failed:
        print("sync twins are out of date: run `make unasync`", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
