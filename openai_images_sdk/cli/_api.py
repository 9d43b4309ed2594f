"""``openai-images generate|edit|variation``: one API call, its images saved to a folder.

Every API parameter is an option made from the operation's spec (`_params`); this module
adds the command's own options, runs the call and reports it.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any, Final

import attrs

from openai_images_sdk._operation import OperationSpec

from ._common import EXIT_OK, PROG, UsageError, endpoint
from ._output import Progress, slugify
from ._params import ParamOption, add_param_options, collect_params, param_options
from ._request import REQUEST_FLAGS, add_request_options, request_options, secret_values

__all__ = ["OWN_FLAGS", "register"]

STDIN: Final = "-"
"""The prompt argument that means: read the prompt from standard input."""


@attrs.frozen(kw_only=True)
class _Command:
    name: str
    operation: OperationSpec
    positional: str
    help: str


def _commands() -> tuple[_Command, ...]:
    from openai_images_sdk._generated import operations

    return (
        _Command(
            name="generate",
            operation=operations.CREATE_IMAGE,
            positional="prompt",
            help="make images from a text prompt (- reads it from standard input)",
        ),
        _Command(
            name="edit",
            operation=operations.CREATE_IMAGE_EDIT,
            positional="prompt",
            help="edit one or more images (--image, repeatable), optionally with a --mask",
        ),
        _Command(
            name="variation",
            operation=operations.CREATE_IMAGE_VARIATION,
            positional="image",
            help="make variations of an image (retired by OpenAI; for compatible servers)",
        ),
    )


# The command's own option strings; an API field with one of these names gets `--param-`.
OWN_FLAGS: Final = REQUEST_FLAGS | frozenset(
    {
        "-h",
        "--help",
        "-o",
        "--out",
        "--json",
        "--overwrite",
        "--fake",
        "--base-url",
        "--api-key",
        "--validation",
        "--timeout",
        "--max-retries",
        "-q",
        "--quiet",
    }
)


def _add_own_options(parser: argparse.ArgumentParser) -> None:
    own = parser.add_argument_group("command options")
    own.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path(),
        metavar="FOLDER",
        help="folder for the images (default: the current folder); never overwrites files "
        "unless --overwrite",
    )
    own.add_argument(
        "--overwrite",
        action="store_true",
        help="name files by prompt and index only (fox.png, fox-1.png) and replace files of "
        "those names, so a re-run replaces its own output",
    )
    own.add_argument(
        "--json", action="store_true", help="print a machine-readable summary to stdout"
    )
    own.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing but errors (and --json)"
    )
    conn = parser.add_argument_group("connection")
    conn.add_argument("--api-key", help="API key (default: $OPENAI_API_KEY)")
    conn.add_argument("--base-url", help="API base URL (default: $OPENAI_BASE_URL or OpenAI)")
    conn.add_argument(
        "--fake",
        action="store_true",
        help="run against a fake server started for this call: no key, no network",
    )
    conn.add_argument("--timeout", type=float, metavar="SECONDS", help="request timeout")
    conn.add_argument("--max-retries", type=int, metavar="N", help="retries on failures")
    conn.add_argument(
        "--validation",
        choices=("strict", "warn", "off"),
        help="check arguments before sending: strict (default) refuses, warn only warns",
    )


def register(commands: Any) -> None:
    """Add ``generate``, ``edit`` and ``variation`` to the top-level subparsers."""
    for command in _commands():
        op = command.operation
        options = param_options(op, positional=command.positional, reserved=OWN_FLAGS)
        sub: argparse.ArgumentParser = commands.add_parser(
            command.name,
            help=command.help,
            description=(op.summary or command.help) + (" (deprecated)" if op.deprecated else ""),
        )
        add_param_options(sub, options)
        _add_own_options(sub)
        add_request_options(sub)
        sub.set_defaults(_handler=_run, _command=command, _options=options)


def _stem(command: _Command, params: dict[str, object]) -> str:
    if command.positional == "prompt":
        return slugify(str(params.get("prompt", "")))
    image = params.get(command.positional)
    name = Path(image).stem if isinstance(image, str | Path) else "image"
    return f"{slugify(str(name))}-variation"


def _read_prompt(params: dict[str, object]) -> None:
    """Replace a prompt of ``-`` with standard input (one trailing newline dropped)."""
    if params.get("prompt") != STDIN:
        return
    text = sys.stdin.read()
    text = text[:-1] if text.endswith("\n") else text
    if not text.strip():
        raise UsageError("the prompt is -, but standard input was empty")
    params["prompt"] = text


def _run(args: argparse.Namespace) -> int:
    from ._run import run_operation

    command: _Command = args._command
    options: list[ParamOption] = args._options
    try:
        params = collect_params(args, options)
        extras = request_options(args)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    _read_prompt(params)
    label = f"{command.name}: waiting for the images"
    progress = Progress(sys.stderr, label, enabled=False if args.quiet else None)
    echo = None if (args.quiet or args.json) else sys.stdout
    from openai_images_sdk._client import ImagesClient

    with endpoint(args) as client_kwargs, ImagesClient(**client_kwargs) as client:
        method = getattr(client.images, command.operation.method_name)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                outcome = run_operation(
                    method,
                    params,
                    command=command.name,
                    out=args.out,
                    stem=_stem(command, params),
                    progress=progress,
                    echo=echo,
                    extras=extras,
                    overwrite=args.overwrite,
                )
            finally:
                from openai_images_sdk._logging import scrub

                secrets = secret_values(args)
                for warning in caught:
                    message = scrub(str(warning.message), secrets)
                    print(f"{PROG}: warning: {message}", file=sys.stderr)
    if args.json:
        import json

        print(json.dumps(outcome.to_json(), indent=2, default=str))
    elif not args.quiet:
        details = [f"request id {outcome.request_id}"] if outcome.request_id else []
        total = getattr(outcome.usage, "total_tokens", None)
        if total is not None:
            details.insert(0, f"{total} tokens")
        if details:
            print(", ".join(details))
    return EXIT_OK
