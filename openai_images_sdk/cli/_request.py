"""``--header`` and ``--extra-body``: what one call sends beyond its API parameters.

They feed the API method's `extra_headers` and `extra_body`, as in Python. Each argument
is checked while the command line is parsed, so a bad one stops the command before
anything is sent. No message shows a header's value: it may be a credential.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Final, cast

import attrs

__all__ = [
    "REQUEST_FLAGS",
    "HeaderArg",
    "add_request_options",
    "extra_body_arg",
    "header_arg",
    "request_options",
    "secret_values",
]

REQUEST_FLAGS: Final = frozenset({"--header", "--extra-header", "--extra-body"})
"""The option strings `add_request_options` adds."""
_TOKEN_CHARS: Final = frozenset(
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
# Headers that frame the body; the client sets them from the body it sends.
_FRAMING: Final = frozenset({"content-length", "content-type", "transfer-encoding"})
_SHOWN_CHARS: Final = 80
_JSON_KINDS: Final = {
    "list": "an array",
    "str": "a string",
    "bool": "a boolean",
    "NoneType": "null",
}


@attrs.frozen(kw_only=True)
class HeaderArg:
    """One ``--header NAME:VALUE``; the value stays out of its repr."""

    name: str
    value: str = attrs.field(repr=False)


def header_arg(text: str) -> HeaderArg:
    """argparse type: ``NAME:VALUE`` (spaces around either part are dropped)."""
    name, sep, value = text.partition(":")
    if not sep:
        raise argparse.ArgumentTypeError(
            "expected NAME:VALUE, such as 'X-Trace-Id: 42', but found no ':'"
        )
    name = name.strip()
    if not name:
        raise argparse.ArgumentTypeError("expected NAME:VALUE, but the name before ':' is empty")
    bad = sorted({char for char in name if char not in _TOKEN_CHARS})
    if bad:  # only characters outside letters and digits: nothing of a secret shows
        raise argparse.ArgumentTypeError(
            "a header name has only letters, digits and !#$%&'*+-.^_`|~, "
            f"but this one has {' '.join(map(repr, bad))}"
        )
    if name.lower() in _FRAMING:
        raise argparse.ArgumentTypeError(
            f"{name} is set from the request body; it cannot be given with --header"
        )
    value = value.strip()
    if not value.isascii() or any((ord(c) < 32 and c != "\t") or ord(c) == 127 for c in value):
        raise argparse.ArgumentTypeError(
            f"the value of {name} must be printable ASCII, without line breaks or other "
            "control characters (the value is not shown)"
        )
    return HeaderArg(name=name, value=value)


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def extra_body_arg(text: str) -> dict[str, object]:
    """argparse type: a JSON object (NaN and Infinity refused, as the body encoder does)."""
    try:
        parsed: object = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(
            f"not valid JSON ({exc.msg} at character {exc.pos}): {_shown(text)}"
        ) from exc
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not valid JSON ({exc}): {_shown(text)}") from exc
    if not isinstance(parsed, dict):
        kind = _JSON_KINDS.get(type(parsed).__name__, "a number")
        raise argparse.ArgumentTypeError(
            'expected a JSON object such as \'{"user": "u-1"}\' to merge into the request '
            f"body, got {kind}: {_shown(text)}"
        )
    return cast("dict[str, object]", parsed)


def add_request_options(parser: argparse.ArgumentParser, *, body: bool = True) -> None:
    """Add ``--header`` (alias ``--extra-header``) and, with `body`, ``--extra-body``."""
    title = "extra_headers / extra_body" if body else "extra_headers"
    group = parser.add_argument_group(f"request extras (as {title} in Python)")
    group.add_argument(
        "--header",
        "--extra-header",
        dest="extra_headers",
        action="append",
        type=header_arg,
        metavar="NAME:VALUE",
        help="an extra HTTP header, repeatable; it replaces a header of the same name the "
        "command would send (Authorization included); header values never appear in "
        "messages or logs",
    )
    if not body:
        return
    group.add_argument(
        "--extra-body",
        dest="extra_body",
        action="append",
        type=extra_body_arg,
        metavar="JSON",
        help="a JSON object merged into the request body, repeatable (later keys win); a "
        "key replaces the parameter of the same name; with file uploads each key is sent "
        "as a form field",
    )


def _headers(args: argparse.Namespace) -> Sequence[HeaderArg]:
    return cast("Sequence[HeaderArg] | None", getattr(args, "extra_headers", None)) or ()


def request_options(args: argparse.Namespace) -> dict[str, object]:
    """The ``extra_headers`` / ``extra_body`` keyword arguments given on the command line.

    Empty when neither option was given (or `args` comes from a parser without them).
    Raises `ValueError` when one header is given twice.
    """
    options: dict[str, object] = {}
    headers: dict[str, str] = {}
    seen: set[str] = set()
    for header in _headers(args):
        if header.name.lower() in seen:
            raise ValueError(f"--header {header.name} is given twice; give each header once")
        seen.add(header.name.lower())
        headers[header.name] = header.value
    if headers:
        options["extra_headers"] = headers
    bodies = cast("list[dict[str, object]] | None", getattr(args, "extra_body", None))
    if bodies:
        merged: dict[str, object] = {}
        for body in bodies:
            merged.update(body)
        options["extra_body"] = merged
    return options


def secret_values(args: argparse.Namespace) -> list[str]:
    """Values of credential headers given with ``--header`` (and the token of ``Bearer
    TOKEN``), longest first, to remove from messages."""
    from openai_images_sdk._logging import credential_values  # imports httpx: not for --help

    return credential_values((header.name, header.value) for header in _headers(args))
