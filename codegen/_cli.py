"""Command line: `python -m codegen [--check]` and `python -m codegen diff-upstream ...`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ._diff import diff_upstream
from ._diff_package import diff_package
from ._output import stale_report, write_files
from ._render import PACKAGE, REPO, generate_files
from ._rules_table import END, START, render, splice
from ._spec import CAPABILITIES_FILE, SpecError, load_yaml
from ._surface import SURFACE_FILE, changelog_lines

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description=f"Generate {PACKAGE}/_generated/ and the README's rules table from spec/"
        " (or check that they are current).",
    )
    parser.add_argument("--spec-dir", type=Path, default=REPO / "spec", help="default: spec/")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / PACKAGE / "_generated",
        help=f"default: {PACKAGE}/_generated/",
    )
    parser.add_argument(
        "--readme",
        type=Path,
        default=REPO / "README.md",
        help="the document holding the rules table (default: README.md)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a diff and exit 1 when a derived file is stale",
    )
    sub = parser.add_subparsers(dest="command")
    drift = sub.add_parser(
        "diff-upstream",
        help="compare spec/ with an upstream document or the official package's types",
        description="Exit 1 when a difference is not listed in spec/upstream-differences.yaml"
        " (or an entry there is stale).",
    )
    drift.add_argument(
        "path", type=Path, nargs="?", help="the upstream OpenAPI document (YAML or JSON)"
    )
    drift.add_argument(
        "--package",
        metavar="NAME",
        help="compare with the published types of an installed package (only: openai)",
    )
    drift.add_argument(
        "--python",
        type=Path,
        default=Path(sys.executable),
        help="the interpreter whose environment has the package (default: this one)",
    )
    drift.add_argument(
        "--fail-on-diff",
        action="store_true",
        help="exit 1 on any difference, reviewed or not",
    )
    return parser


def _readme(spec_dir: Path, readme: Path) -> tuple[str, str] | None:
    """(current text, text with the rules table rendered), or None when there is no table."""
    table = spec_dir / CAPABILITIES_FILE
    if not table.is_file() or not readme.is_file():
        return None
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        return None
    updated = splice(text, render(load_yaml(table)))
    return (text, text) if updated is None else (text, updated)


def _old_surface(out: Path) -> Mapping[str, Any] | None:
    path = out / SURFACE_FILE
    if not path.is_file():
        return None
    data: Mapping[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _generate(args: argparse.Namespace) -> int:
    spec_dir: Path = args.spec_dir
    out: Path = args.out
    readme: Path = args.readme
    started = time.monotonic()
    files = generate_files(spec_dir)
    table = _readme(spec_dir, readme)
    if args.check:
        report = stale_report(files, out)
        if table is not None and table[0] != table[1]:
            report += f"{readme}: the rules table is stale\n"
        if report:
            sys.stdout.write(report)
            sys.stderr.write(
                f"{out} or {readme.name} is stale: run `python -m codegen` and commit the result\n"
            )
            return 1
        sys.stderr.write(f"{out} and {readme.name} are up to date with {spec_dir}\n")
        return 0
    old = _old_surface(out)
    changed = write_files(files, out)
    if table is not None and table[0] != table[1]:
        readme.write_text(table[1], encoding="utf-8")
        changed.append(readme.name)
    elapsed = time.monotonic() - started
    summary = ", ".join(changed) if changed else "nothing changed"
    sys.stderr.write(f"generated {out} in {elapsed:.1f} s: {summary}\n")
    lines = changelog_lines(old, json.loads(files[SURFACE_FILE]))
    if lines:
        sys.stdout.write("Public-surface changes (for CHANGELOG.md):\n\n" + "\n".join(lines))
    elif old is not None:
        sys.stdout.write("No public-surface changes.\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "diff-upstream":
            if (args.path is None) == (args.package is None):
                sys.stderr.write("codegen: diff-upstream takes PATH or --package NAME\n")
                return 2
            if args.package is not None:
                report, differs, fails = diff_package(args.package, args.spec_dir, args.python)
            else:
                report, differs, fails = diff_upstream(args.path, args.spec_dir)
            sys.stdout.write(report)
            return 1 if fails or (differs and args.fail_on_diff) else 0
        return _generate(args)
    except SpecError as error:
        sys.stderr.write(f"codegen: {error}\n")
        return 2
