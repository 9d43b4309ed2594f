"""What may go into a request header: API keys and caller-given header values.

An illegal value is the caller's mistake, not a network failure: it is refused before
anything is sent, never retried, and the message names the header (or where a key came
from) without ever showing a credential.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from ._exceptions import OpenAIError, ValidationError, Violation
from ._logging import REDACTED, is_sensitive_header

__all__ = ["InvalidAPIKeyError", "check_header_values", "clean_api_key"]

_TOKEN: Final = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""A header name (RFC 9110 token)."""


class InvalidAPIKeyError(OpenAIError, ValueError):
    """An API key (or token) that no HTTP header can carry; the message never shows it."""


def _first_illegal(text: str) -> tuple[int, str] | None:
    for index, char in enumerate(text):
        code = ord(char)
        if code < 0x20 or code == 0x7F:
            return index, "a control character"
        if code > 0x7E:
            return index, "a non-ASCII character"
    return None


def clean_api_key(value: str, *, source: str) -> str:
    """`value` without surrounding white space (a file's or a `.env` line's end).

    `source` says where the key came from (``the api_key argument``, ``OPENAI_API_KEY``)
    for the error raised when what is left is empty or holds a control or non-ASCII
    character.
    """
    key = value.strip()
    if not key:
        raise InvalidAPIKeyError(f"the API key from {source} is empty")
    found = _first_illegal(key)
    if found is not None:
        index, what = found
        raise InvalidAPIKeyError(
            f"the API key from {source} holds {what} at position {index + 1} of "
            f"{len(key)}; an API key is printable ASCII (the key is not shown)"
        )
    return key


def check_header_values(headers: Mapping[str, object], *, param: str) -> None:
    """Raise `ValidationError` for a header name that is not a token, or a value with CR,
    LF, NUL, another control or a non-ASCII character. `param` names the argument the
    headers came from (``extra_headers``, ``default_headers``)."""
    violations: list[Violation] = []
    for name, value in headers.items():
        where = f"{param}[{name!r}]"
        if not _TOKEN.fullmatch(name):
            violations.append(
                Violation(param=where, rule="a header name is letters, digits and !#$%&'*+-.^_`|~")
            )
            continue
        if not isinstance(value, str):
            continue
        found = _first_illegal(value.replace("\t", " "))
        if found is not None:
            index, what = found
            shown = REDACTED if is_sensitive_header(name) else value
            violations.append(
                Violation(
                    param=where,
                    rule=f"a header value may not hold {what} (found at position {index + 1})",
                    value=shown,
                )
            )
    if violations:
        raise ValidationError(violations)
