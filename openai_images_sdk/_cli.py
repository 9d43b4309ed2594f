"""The `openai-images` command: generate, edit, variation, serve, bulk and batch.

Every API parameter is an option made from the operation's spec at runtime
(`_cli_params`); this module adds the command's own options, runs the call and maps
failures to exit codes: 0 success, 1 API or other failures, 2 usage or validation errors.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
import traceback
import warnings
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from ._cli_output import Progress, slugify
from ._cli_params import (
    ParamOption,
    add_param_options,
    collect_params,
    object_types_for,
    param_docs,
    param_options,
)
from ._cli_request import REQUEST_FLAGS, add_request_options, request_options, secret_values
from ._cli_run import Outcome, run_operation
from ._exceptions import (
    APIError,
    APIStatusError,
    ContentPolicyViolationError,
    OpenAIError,
    ValidationError,
)
from ._logging import scrub
from ._operation import OperationSpec
from ._version import __version__

__all__ = ["build_parser", "main"]

PROG: Final = "openai-images"
EXIT_OK: Final = 0
EXIT_FAILURE: Final = 1
EXIT_USAGE: Final = 2
_FAKE_KEY: Final = "sk-fake-openai-images-cli"


@attrs.frozen(kw_only=True)
class _Command:
    name: str
    operation: str
    """The name of the OperationSpec constant in `_generated.operations`."""
    positional: str
    help: str


COMMANDS: Final = (
    _Command(
        name="generate",
        operation="CREATE_IMAGE",
        positional="prompt",
        help="make images from a text prompt",
    ),
    _Command(
        name="edit",
        operation="CREATE_IMAGE_EDIT",
        positional="prompt",
        help="edit one or more images (--image, repeatable), optionally with a --mask",
    ),
    _Command(
        name="variation",
        operation="CREATE_IMAGE_VARIATION",
        positional="image",
        help="make variations of an image (retired by OpenAI; for compatible servers)",
    ),
)
# The command's own option strings; an API field with one of these names gets `--param-`.
_OWN_FLAGS: Final = REQUEST_FLAGS | frozenset(
    {
        "-h",
        "--help",
        "-o",
        "--out",
        "--json",
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


class UsageError(Exception):
    """The command line asks for something that cannot run (exit code 2)."""


def _add_own_options(parser: argparse.ArgumentParser) -> None:
    own = parser.add_argument_group("command options")
    own.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path(),
        metavar="FOLDER",
        help="folder for the images (default: the current folder); never overwrites files",
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


def _api_method(op: OperationSpec) -> Callable[..., object] | None:
    """The generated sync method of `op`, for its parameter annotations."""
    try:
        resources = importlib.import_module(f"{__package__}._generated.resources")
    except ImportError:
        return None
    for name, value in vars(resources).items():
        if isinstance(value, type) and not name.startswith("Async"):
            method: object = getattr(value, op.method_name, None)
            if callable(method):
                return method
    return None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one option per API parameter of each operation."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Make and edit images with the OpenAI Images API "
        "(or any compatible server, or a built-in fake one).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    try:
        operations: object = importlib.import_module(f"{__package__}._generated.operations")
    except ImportError:
        operations = None
    for command in COMMANDS:
        op: OperationSpec | None = getattr(operations, command.operation, None)
        if op is None:
            continue
        method = _api_method(op)
        object_types = object_types_for(op, method)
        options = param_options(
            op,
            positional=command.positional,
            object_types=object_types,
            docs=param_docs(method),
            reserved=_OWN_FLAGS,
        )
        sub = commands.add_parser(
            command.name,
            help=command.help,
            description=(op.summary or command.help) + (" (deprecated)" if op.deprecated else ""),
        )
        add_param_options(sub, options)
        _add_own_options(sub)
        add_request_options(sub)
        sub.set_defaults(_command=command, _op=op, _options=options, _types=object_types)
    serve = commands.add_parser(
        "serve", help="run the fake images server until interrupted (for tests and demos)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=4010, help="port (default 4010)")
    serve.set_defaults(_command=None)
    from ._cli_batch import add_batch_parser
    from ._cli_bulk import add_bulk_parser

    add_bulk_parser(commands)
    add_batch_parser(commands)
    importlib.import_module(f"{__package__}._cli_process").add_process_parser(commands)
    return parser


@contextlib.contextmanager
def _endpoint(args: argparse.Namespace) -> Generator[dict[str, Any]]:
    """Client keyword arguments; with --fake, a fake server running for the block."""
    kwargs: dict[str, Any] = {}
    if args.timeout is not None:
        kwargs["timeout"] = args.timeout
    if args.max_retries is not None:
        kwargs["max_retries"] = args.max_retries
    if args.validation is not None:
        kwargs["validation"] = args.validation
    if args.fake:
        if args.base_url:
            raise UsageError("--fake and --base-url cannot be combined")
        from .testing import FakeImagesServer

        with FakeImagesServer() as server:
            yield {**kwargs, "api_key": args.api_key or _FAKE_KEY, "base_url": server.base_url}
        return
    api_key = args.api_key or os.environ.get("OPENAI_API_KEY")
    if not api_key:
        raise UsageError(
            "no API key: pass --api-key, set OPENAI_API_KEY, or add --fake to use the "
            "built-in fake server"
        )
    kwargs["api_key"] = api_key
    if args.base_url:
        kwargs["base_url"] = args.base_url
    yield kwargs


def _stem(command: _Command, params: dict[str, object]) -> str:
    if command.positional == "prompt":
        return slugify(str(params.get("prompt", "")))
    image = params.get(command.positional)
    name = Path(image).stem if isinstance(image, str | Path) else "image"
    return f"{slugify(str(name))}-variation"


def _run_api(args: argparse.Namespace) -> int:
    command: _Command = args._command
    options: list[ParamOption] = args._options
    try:
        params = collect_params(args, options, args._types)
        extras = request_options(args)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    label = f"{command.name}: waiting for the images"
    progress = Progress(sys.stderr, label, enabled=False if args.quiet else None)
    echo = None if (args.quiet or args.json) else sys.stdout
    from ._client import ImagesClient

    with _endpoint(args) as client_kwargs, ImagesClient(**client_kwargs) as client:
        method = getattr(client.images, args._op.method_name)
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
                )
            finally:
                secrets = secret_values(args)
                for warning in caught:
                    message = scrub(str(warning.message), secrets)
                    print(f"{PROG}: warning: {message}", file=sys.stderr)
    _report(outcome, args)
    return EXIT_OK


def _report(outcome: Outcome, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(outcome.to_json(), indent=2, default=str))
        return
    if args.quiet:
        return
    details = [f"request id {outcome.request_id}"] if outcome.request_id else []
    total = getattr(outcome.usage, "total_tokens", None)
    if total is not None:
        details.insert(0, f"{total} tokens")
    if details:
        print(", ".join(details))


def _serve(args: argparse.Namespace) -> int:
    from .testing import FakeImagesServer, serve_forever

    def ready(server: FakeImagesServer) -> None:
        print(
            f"{PROG}: fake images server at {server.base_url} (Ctrl-C to stop)",
            file=sys.stderr,
            flush=True,
        )

    with contextlib.suppress(KeyboardInterrupt):
        serve_forever(args.host, args.port, on_ready=ready)
    return EXIT_OK


def _fail(message: str, code: int, secrets: Sequence[str] = ()) -> int:
    print(f"{PROG}: error: {scrub(message, secrets)}", file=sys.stderr)
    return code


def _api_error_message(exc: APIError) -> str:
    message = str(exc)
    if isinstance(exc, ContentPolicyViolationError):
        details = exc.moderation_details or {}
        categories = ", ".join(map(str, details.get("categories") or ())) or "not given"
        message = (
            f"refused by the content policy (categories: {categories}); "
            f"rephrase the prompt or change the images. {message}"
        )
    request_id = exc.request_id if isinstance(exc, APIStatusError) else None
    if request_id:
        message += f" (request id {request_id})"
    return message


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on usage errors (2)
        return _exit_code(exc.code)
    secrets = secret_values(args)  # a server may echo a credential header in its error
    try:
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "_handler", None)
        if handler is not None:
            return handler(args)
        if args._command is None:
            return _serve(args)
        return _run_api(args)
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE, secrets)
    except ValidationError as exc:
        return _fail(str(exc), EXIT_USAGE, secrets)
    except APIError as exc:
        return _fail(_api_error_message(exc), EXIT_FAILURE, secrets)
    except OpenAIError as exc:
        return _fail(str(exc), EXIT_FAILURE, secrets)
    except OSError as exc:
        message = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        return _fail(message, EXIT_FAILURE, secrets)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # a bug: say so plainly; the traceback only on request
        if os.environ.get("OPENAI_IMAGES_LOG", "").lower() == "debug":
            traceback.print_exc()
        detail = "set OPENAI_IMAGES_LOG=debug for the traceback"
        return _fail(f"unexpected {type(exc).__name__}: {exc} ({detail})", EXIT_FAILURE, secrets)
