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
    "OFFICIAL_ENV_VAR",
    "REDACTED",
    "SENSITIVE_HEADERS",
    "add_sensitive_headers",
    "credential_values",
    "is_sensitive_header",
    "logger",
    "redact_headers",
    "redact_url",
    "scrub",
    "setup_logging",
]

logger: Final = logging.getLogger("openai_images_sdk")

ENV_VAR: Final = "OPENAI_IMAGES_LOG"
OFFICIAL_ENV_VAR: Final = "OPENAI_LOG"
"""The official SDK's switch, honoured when ``OPENAI_IMAGES_LOG`` is unset."""
REDACTED: Final = "REDACTED"
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie", "set-cookie"}
)
_SENSITIVE_WORDS: Final = ("key", "token", "secret", "auth", "signature", "cookie", "password")
_NOT_SENSITIVE_PREFIXES: Final = ("x-ratelimit-",)
"""Rate-limit headers count tokens; they carry no credential."""
_added_headers: set[str] = set()
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
    """Turn the SDK's logger on when ``OPENAI_IMAGES_LOG`` (or, when that is unset, the
    official SDK's ``OPENAI_LOG``) is ``debug`` or ``info``.

    Adds one stderr handler (once per process); does nothing when the variable is unset
    or holds another value, leaving logging configuration to the application.
    """
    setting = os.environ.get(ENV_VAR) or os.environ.get(OFFICIAL_ENV_VAR, "")
    level = _LEVELS.get(setting.strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not any(isinstance(handler, _EnvHandler) for handler in logger.handlers):
        handler = _EnvHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)


def add_sensitive_headers(*names: str) -> None:
    """Treat headers of these names as credentials too: redacted in logs and messages.

    Names that say key, token, secret, auth, signature, cookie or password are already
    treated so (``X-Auth-Token``, ``Ocp-Apim-Subscription-Key``); this is for the others.
    """
    _added_headers.update(name.strip().lower() for name in names)


def is_sensitive_header(name: str) -> bool:
    """Whether a header of this name may carry a credential (by rule, then by name)."""
    lowered = name.lower()
    if lowered in SENSITIVE_HEADERS or lowered in _added_headers:
        return True
    if lowered.startswith(_NOT_SENSITIVE_PREFIXES):
        return False
    return any(word in lowered for word in _SENSITIVE_WORDS)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of `headers` safe to log: credentials replaced by ``REDACTED``."""
    return {key: REDACTED if is_sensitive_header(key) else value for key, value in headers.items()}


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
        if isinstance(value, str) and value and is_sensitive_header(name):
            secrets.add(value)
            secrets.update(word for word in value.split()[-1:] if len(word) >= 8)
    return sorted(secrets, key=len, reverse=True)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every occurrence of each secret replaced by ``REDACTED``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text
