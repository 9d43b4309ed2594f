"""The SDK's logger, its environment switch, and redaction of secrets in what it logs."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Final, TextIO

import httpx

__all__ = [
    "ENV_VAR",
    "REDACTED",
    "SENSITIVE_HEADERS",
    "credential_values",
    "logger",
    "redact_headers",
    "redact_url",
    "scrub",
    "setup_logging",
]

logger: Final = logging.getLogger("openai_images_sdk")

ENV_VAR: Final = "OPENAI_IMAGES_LOG"
REDACTED: Final = "REDACTED"
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie", "set-cookie"}
)
_SENSITIVE_QUERY: Final = frozenset(
    {"api-key", "api_key", "key", "token", "access_token", "sig", "signature", "client_secret"}
)
_LEVELS: Final[Mapping[str, int]] = {"debug": logging.DEBUG, "info": logging.INFO}


class _EnvHandler(logging.StreamHandler[TextIO]):
    """The stderr handler added by `OPENAI_IMAGES_LOG` (marked so it is added only once).

    It writes to `sys.stderr` as it is at each record, not as it was when the handler was
    made (a replaced stderr, such as a test's capture, may be closed since).
    """

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self) -> TextIO:  # type: ignore[override]  # pyright: ignore[reportIncompatibleVariableOverride]
        return sys.stderr


def setup_logging() -> None:
    """Turn the SDK's logger on when ``OPENAI_IMAGES_LOG`` is ``debug`` or ``info``.

    Adds one stderr handler (once per process); does nothing when the variable is unset
    or holds another value, leaving logging configuration to the application.
    """
    level = _LEVELS.get(os.environ.get(ENV_VAR, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not any(isinstance(handler, _EnvHandler) for handler in logger.handlers):
        handler = _EnvHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of `headers` safe to log: credentials replaced by ``REDACTED``."""
    return {
        key: REDACTED if key.lower() in SENSITIVE_HEADERS else value
        for key, value in headers.items()
    }


def redact_url(url: httpx.URL | str) -> str:
    """`url` safe to log: a password and credential-like query values replaced."""
    parsed = httpx.URL(url)
    if parsed.password:
        parsed = parsed.copy_with(password=REDACTED)
    items = parsed.params.multi_items()
    if any(key.lower() in _SENSITIVE_QUERY for key, _ in items):
        parsed = parsed.copy_with(
            params=[
                (key, REDACTED if key.lower() in _SENSITIVE_QUERY else value)
                for key, value in items
            ]
        )
    return str(parsed)


def credential_values(headers: Iterable[tuple[str, object]]) -> list[str]:
    """What to remove from messages for these headers: the value of each credential header
    and its last word (the token of ``Bearer TOKEN``, when 8 characters or more), longest
    first so that no shorter secret cuts a longer one apart."""
    secrets: set[str] = set()
    for name, value in headers:
        if isinstance(value, str) and value and name.lower() in SENSITIVE_HEADERS:
            secrets.add(value)
            secrets.update(word for word in value.split()[-1:] if len(word) >= 8)
    return sorted(secrets, key=len, reverse=True)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every occurrence of each secret replaced by ``REDACTED``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text
