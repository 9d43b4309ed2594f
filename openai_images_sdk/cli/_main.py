"""The `openai-images` command: builds the parser from the registry and runs a command.

Failures become exit codes (see `EPILOG`) and, under ``--json``, a JSON error object.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Final, NoReturn

from openai_images_sdk._version import __version__

from ._common import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PENDING,
    EXIT_USAGE,
    PROG,
    Handler,
)
from ._completion import INSTALL
from ._errors import CommandLineError, failure_of, report
from ._registry import COMMANDS

__all__ = ["EPILOG", "build_parser", "main"]

EPILOG: Final = f"""\
exit codes:
  {EXIT_OK}    success
  {EXIT_FAILURE}    API, network or file error; or some records of bulk / batch failed
  {EXIT_USAGE}    usage or validation error: nothing was sent
  {EXIT_PENDING}    batch collect: some batches are still running (--no-wait, --wait-timeout)
  {EXIT_INTERRUPTED}  interrupted (bulk and batch resume when run again)
With --json, an error is also printed to stdout as one JSON object: type, message,
param, code, request_id, exit_code.

shell completion:
  {INSTALL.replace("   ", chr(10) + "  ")}
"""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are raised, to be reported in one line (or JSON)."""

    def error(self, message: str) -> NoReturn:
        raise CommandLineError(self.prog, message)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: every command of the registry, one option per API parameter."""
    parser = _Parser(
        prog=PROG,
        description="Make and edit images with the OpenAI Images API "
        "(or any compatible server, or a built-in fake one).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(commands)
    parser.set_defaults(_parser=parser)
    return parser


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether ``--json`` is among the options (before a ``--``)."""
    for arg in argv:
        if arg == "--":
            return False
        if arg == "--json":
            return True
    return False


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    import sys

    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # --help and --version
        return _exit_code(exc.code)
    except CommandLineError as exc:
        return report(failure_of(exc), as_json=_wants_json(args_list))
    from ._request import secret_values

    secrets = secret_values(args)  # a server may echo a credential header in its error
    handler: Handler = args._handler
    try:
        return handler(args)
    except (Exception, KeyboardInterrupt) as exc:
        return report(failure_of(exc), as_json=bool(getattr(args, "json", False)), secrets=secrets)
