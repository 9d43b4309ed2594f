"""Command line: `python -m codegen [--check]` and `python -m codegen diff-upstream PATH`."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ._diff import diff_upstream
from ._diff_package import diff_package
from ._output import stale_report, write_files
from ._render import PACKAGE, REPO, generate_files
from ._spec import SpecError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description=f"Generate {PACKAGE}/_generated/ from spec/ (or check that it is current).",
    )
    parser.add_argument("--spec-dir", type=Path, default=REPO / "spec", help="default: spec/")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / PACKAGE / "_generated",
        help=f"default: {PACKAGE}/_generated/",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a diff and exit 1 when the generated files are stale",
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    spec_dir: Path = args.spec_dir
    try:
        if args.command == "diff-upstream":
            if (args.path is None) == (args.package is None):
                sys.stderr.write("codegen: diff-upstream takes PATH or --package NAME\n")
                return 2
            if args.package is not None:
                report, differs, fails = diff_package(args.package, spec_dir, args.python)
            else:
                report, differs, fails = diff_upstream(args.path, spec_dir)
            sys.stdout.write(report)
            return 1 if fails or (differs and args.fail_on_diff) else 0
        started = time.monotonic()
        files = generate_files(spec_dir)
        out: Path = args.out
        if args.check:
            report = stale_report(files, out)
            if report:
                sys.stdout.write(report)
                sys.stderr.write(f"{out} is stale: run `python -m codegen` and commit the result\n")
                return 1
            sys.stderr.write(f"{out} is up to date with {spec_dir}\n")
            return 0
        changed = write_files(files, out)
        elapsed = time.monotonic() - started
        summary = ", ".join(changed) if changed else "nothing changed"
        sys.stderr.write(f"generated {out} in {elapsed:.1f} s: {summary}\n")
        return 0
    except SpecError as error:
        sys.stderr.write(f"codegen: {error}\n")
        return 2
