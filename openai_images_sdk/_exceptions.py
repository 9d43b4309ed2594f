"""Every error the SDK raises.

OpenAIError
├── ValidationError          (also a ValueError: bad input, caught before any byte is sent)
├── InputFileError           (also an OSError: an input file changed or vanished mid-call)
└── APIError
    ├── APIConnectionError
    │   └── APITimeoutError
    ├── APIResponseValidationError
    │   └── StreamEventTooLargeError
    └── APIStatusError
        ├── BadRequestError                      400
        │   └── ContentPolicyViolationError      400, code moderation_blocked / content_policy_violation
        ├── AuthenticationError                  401
        ├── PermissionDeniedError                403
        ├── NotFoundError                        404
        ├── ConflictError                        409
        ├── UnprocessableEntityError             422
        ├── RateLimitError                       429
        └── InternalServerError                  >= 500
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ContentPolicyViolationError",
    "ErrorObject",
    "InputFileError",
    "InternalServerError",
    "NotFoundError",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "StreamEventTooLargeError",
    "UnprocessableEntityError",
    "ValidationError",
    "Violation",
    "status_error_from_response",
]

CONTENT_POLICY_CODES: Final = frozenset({"moderation_blocked", "content_policy_violation"})


class OpenAIError(Exception):
    """Base class of every error this SDK raises."""


@attrs.frozen(kw_only=True)
class Violation:
    """One broken rule: which parameter, which rule, what value was seen, for which model."""

    param: str
    rule: str
    value: object = None
    model: str | None = None
    model_defaulted: bool = False
    """True when no model was given and `model` is the API's default, checked instead."""

    def __str__(self) -> str:
        where = f" (model {self.model})" if self.model else ""
        if self.model and self.model_defaulted:
            where = f" (model not given; checked against the default {self.model})"
        return f"{self.param}: {self.rule}{where}"


class ValidationError(OpenAIError, ValueError):
    """The call's arguments break the API's rules; nothing was sent.

    `violations` lists every broken rule found in the call, not only the first.
    """

    violations: tuple[Violation, ...]

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations = tuple(violations)
        lines = "\n".join(f"  - {v}" for v in self.violations)
        count = len(self.violations)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} with the request (nothing was sent):\n{lines}")

    @property
    def params(self) -> tuple[str, ...]:
        """The parameters named by the violations, in order."""
        return tuple(v.param for v in self.violations)


class InputFileError(OpenAIError, OSError):
    """An input file could not be read while the request was being sent.

    Raised when a file shrinks, vanishes or fails to read after the request was checked
    (between attempts, or mid-upload); `param` and `label` (``image[1]``) name the input.
    Not retried: the request can no longer be sent as it was checked.
    """

    param: str
    label: str

    def __init__(self, message: str, *, param: str, label: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.label = label


@attrs.frozen(kw_only=True)
class ErrorObject:
    """The `error` object of an API error body."""

    message: str | None = None
    type: str | None = None
    code: str | None = None
    param: str | None = None
    moderation_details: Mapping[str, Any] | None = None

    @classmethod
    def from_body(cls, body: object) -> ErrorObject | None:
        """Read `{"error": {...}}` (or a bare error object); None when the body has neither.

        An `error` that is a string (`{"error": "Validation failed"}`) becomes the message.
        """
        if not isinstance(body, Mapping):
            return None
        outer = cast("Mapping[str, object]", body)
        inner = outer.get("error", outer)
        if isinstance(inner, str):
            return cls(message=inner)
        if not isinstance(inner, Mapping):
            return None
        error = cast("Mapping[str, object]", inner)

        def text(key: str) -> str | None:
            value = error.get(key)
            return None if value is None else str(value)

        details = error.get("moderation_details")
        return cls(
            message=text("message"),
            type=text("type"),
            code=text("code"),
            param=text("param"),
            moderation_details=cast("Mapping[str, Any]", details)
            if isinstance(details, Mapping)
            else None,
        )


class APIError(OpenAIError):
    """An error tied to an HTTP request: a status, a connection failure or a bad body."""

    message: str
    request: httpx.Request | None
    body: object
    """The decoded JSON body, or the raw text when it was not JSON, or None."""
    error: ErrorObject | None
    code: str | None
    param: str | None
    type: str | None
    request_id: str | None
    """The ``x-request-id`` of the response, when one arrived (for support requests)."""
    retries_taken: int
    """How many retries were made before giving up (0: the first attempt failed for good)."""

    def __init__(self, message: str, request: httpx.Request | None, *, body: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        self.request_id = None
        self.retries_taken = 0
        self.error = ErrorObject.from_body(body)
        self.code = self.error.code if self.error else None
        self.param = self.error.param if self.error else None
        self.type = self.error.type if self.error else None

    def __str__(self) -> str:
        return self.message


class APIResponseValidationError(APIError):
    """A successful response whose body does not match the spec."""

    response: httpx.Response
    status_code: int

    def __init__(
        self, response: httpx.Response, body: object, *, message: str | None = None
    ) -> None:
        super().__init__(
            message or "The response body does not match the expected schema",
            response.request,
            body=body,
        )
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")


class StreamEventTooLargeError(APIResponseValidationError):
    """One server-sent event grew past the client's ``max_stream_event_bytes``; the stream
    was closed. `limit` is that option's value."""

    def __init__(self, response: httpx.Response, body: object, *, message: str, limit: int) -> None:
        super().__init__(response, body, message=message)
        self.limit = limit


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status.

    `body` is the inner error object, as in the official SDK (``e.body["message"]``): the
    value of the body's ``error`` key when it has one, else the whole decoded body (the
    stripped text when it was not JSON, ``""`` when empty). `error`, `code`, `param` and `type` are
    read from the whole body; ``response.json()`` gives it again.
    """

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, response.request, body=body)
        self.body = _inner_error(body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")

    @property
    def is_content_policy_violation(self) -> bool:
        """Whether the API refused the prompt or image on content-policy grounds."""
        return self.code in CONTENT_POLICY_CODES


class BadRequestError(APIStatusError):
    """400: the API rejected the request's contents."""


class ContentPolicyViolationError(BadRequestError):
    """400 with code `moderation_blocked` or `content_policy_violation`."""

    @property
    def moderation_details(self) -> Mapping[str, Any] | None:
        """The API's `moderation_details` (e.g. `moderation_stage`, `categories`), if sent."""
        return self.error.moderation_details if self.error else None


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not use this model or resource."""


class NotFoundError(APIStatusError):
    """404: no such path, model or deployment."""


class ConflictError(APIStatusError):
    """409: the resource is in a conflicting state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests or tokens, or the quota is used up."""


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class APIConnectionError(APIError):
    """The request did not get a complete answer: connection refused, reset or cut mid-body."""

    def __init__(
        self, *, message: str = "Connection error.", request: httpx.Request | None
    ) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(
        self, request: httpx.Request | None, *, message: str = "Request timed out."
    ) -> None:
        super().__init__(message=message, request=request)


_STATUS_CLASSES: Final[Mapping[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _inner_error(body: object) -> object:
    """``body["error"]`` when the decoded body is an object with that key, else `body`."""
    if not isinstance(body, Mapping):
        return body
    outer = cast("Mapping[str, object]", body)
    return outer.get("error", outer)


def _decode_body(response: httpx.Response) -> object:
    # As the official SDK reads an error body: stripped text, decoded when it is JSON
    # (so an empty body is "").
    text = response.text.strip()
    if not text:
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def status_error_from_response(
    response: httpx.Response, body: object = NotImplemented
) -> APIStatusError:
    """The typed error for a 4xx/5xx response whose body has been read.

    The message is always readable: the API's `message` when present, else the raw body,
    else the status line.
    """
    if body is NotImplemented:
        body = _decode_body(response)
    error = ErrorObject.from_body(body)
    status = response.status_code
    if error is not None and error.message:
        detail = error.message
    elif isinstance(body, str) and body.strip():
        detail = body.strip()[:500]
    elif error is not None and (error.code or error.type):
        detail = f"{error.type or 'error'} ({error.code or 'no code'})"
    else:
        detail = response.reason_phrase or "no details in the response body"
    message = f"Error code: {status} - {detail}"
    if error is not None and error.code:
        message += f" [code: {error.code}]"
    if error is not None and error.param:
        message += f" [param: {error.param}]"

    cls: type[APIStatusError]
    if status == 400 and error is not None and error.code in CONTENT_POLICY_CODES:
        cls = ContentPolicyViolationError
    elif status >= 500:
        cls = InternalServerError
    else:
        cls = _STATUS_CLASSES.get(status, APIStatusError)
    return cls(message, response=response, body=body)
