"""How a failed command reports: one line on stderr, an exit code, and under ``--json`` one
JSON object on stdout.

The object has ``type``, ``message``, ``param``, ``code``, ``request_id`` and
``exit_code``. ``type`` is the API's error type when the server sent one
(``invalid_request_error``), otherwise one of `ERROR_TYPES`.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Sequence
from typing import Final, TextIO

import attrs

from ._common import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, PROG, UsageError

__all__ = ["ERROR_TYPES", "CommandLineError", "Failure", "failure_of", "report"]

ERROR_TYPES: Final = (
    "usage_error",
    "validation_error",
    "api_error",
    "api_connection_error",
    "api_timeout_error",
    "file_error",
    "interrupted",
    "internal_error",
)
"""The ``type`` of a JSON error when the server did not name one."""


class CommandLineError(Exception):
    """argparse refused the command line; `prog` is the (sub)command that did."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


@attrs.frozen(kw_only=True)
class Failure:
    """One failed command, as reported."""

    type: str
    message: str
    exit_code: int
    param: str | None = None
    code: str | None = None
    request_id: str | None = None
    hint: str | None = None
    """A second line for the terminal only (``Try 'openai-images edit --help'``)."""
    prog: str = PROG
    """Who speaks on stderr: ``openai-images``, or the subcommand argparse refused."""

    def to_json(self) -> dict[str, object]:
        """The JSON error object."""
        return {
            "type": self.type,
            "message": self.message,
            "param": self.param,
            "code": self.code,
            "request_id": self.request_id,
            "exit_code": self.exit_code,
        }


def _api_message(exc: object) -> str:
    from openai_images_sdk._exceptions import APIStatusError, ContentPolicyViolationError

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


def failure_of(exc: BaseException) -> Failure:
    """What to report for `exc` (the exceptions a command lets out)."""
    if isinstance(exc, CommandLineError):
        hint = f"Try '{exc.prog} --help' for more information."
        return Failure(
            type="usage_error", message=exc.message, exit_code=EXIT_USAGE, hint=hint, prog=exc.prog
        )
    if isinstance(exc, UsageError):
        return Failure(type="usage_error", message=str(exc), exit_code=EXIT_USAGE)
    if isinstance(exc, KeyboardInterrupt):
        return Failure(type="interrupted", message="interrupted", exit_code=EXIT_INTERRUPTED)
    from openai_images_sdk._exceptions import (
        APIConnectionError,
        APIError,
        APIStatusError,
        APITimeoutError,
        OpenAIError,
        ValidationError,
    )

    if isinstance(exc, ValidationError):
        params = exc.params
        return Failure(
            type="validation_error",
            message=str(exc),
            exit_code=EXIT_USAGE,
            param=params[0] if params else None,
        )
    if isinstance(exc, APIError):
        fallback = "api_error"
        if isinstance(exc, APITimeoutError):
            fallback = "api_timeout_error"
        elif isinstance(exc, APIConnectionError):
            fallback = "api_connection_error"
        return Failure(
            type=exc.type or fallback,
            message=_api_message(exc),
            exit_code=EXIT_FAILURE,
            param=exc.param,
            code=exc.code,
            request_id=exc.request_id if isinstance(exc, APIStatusError) else None,
        )
    if isinstance(exc, OpenAIError):
        return Failure(type="api_error", message=str(exc), exit_code=EXIT_FAILURE)
    if isinstance(exc, OSError):
        message = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        return Failure(type="file_error", message=message, exit_code=EXIT_FAILURE)
    if os.environ.get("OPENAI_IMAGES_LOG", "").lower() == "debug":
        traceback.print_exception(exc)
    detail = "set OPENAI_IMAGES_LOG=debug for the traceback"
    return Failure(
        type="internal_error",
        message=f"unexpected {type(exc).__name__}: {exc} ({detail})",
        exit_code=EXIT_FAILURE,
    )


def report(
    failure: Failure,
    *,
    as_json: bool,
    secrets: Sequence[str] = (),
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Print `failure` (credentials in `secrets` removed); returns its exit code."""
    from openai_images_sdk._logging import scrub

    message = scrub(failure.message, secrets)
    print(f"{failure.prog}: error: {message}", file=stderr or sys.stderr)
    if failure.hint:
        print(failure.hint, file=stderr or sys.stderr)
    if as_json:
        shown = attrs.evolve(failure, message=message).to_json()
        print(json.dumps(shown, indent=2), file=stdout or sys.stdout)
    return failure.exit_code
