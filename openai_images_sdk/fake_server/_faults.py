"""Fault injection for the fake server: error statuses, latency, broken bodies and streams.

Faults are plain values. Give them to the server for every request
(``FakeImagesServer(faults=[...])``), queue them for the next requests
(``server.enqueue(...)``), or ask for them per request with a header::

    X-Fake-Fault: status=429; retry_after=1
    X-Fake-Fault: latency=0.5; status=503
    X-Fake-Fault: drop; after_bytes=100          (cut the body after 100 bytes)
    X-Fake-Fault: drop; after_events=1           (cut a stream after one event)
    X-Fake-Fault: truncate                        (the last SSE event cut in half)
    X-Fake-Fault: moderation; stage=output; categories=violence,self-harm
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

import attrs

__all__ = [
    "ContentPolicy",
    "DropConnection",
    "Fault",
    "FaultSyntaxError",
    "Latency",
    "StatusFault",
    "TruncateStream",
    "parse_fault_header",
]


class _Targeted:
    """What every fault shares: it hits requests to `path` (any when None) with `probability`."""

    __slots__ = ()
    path: str | None
    probability: float

    def applies(self, request_path: str, draw: float) -> bool:
        """Whether this fault hits a request to `request_path` (`draw` in [0, 1))."""
        return (self.path is None or self.path == request_path) and draw < self.probability


@attrs.frozen(kw_only=True)
class StatusFault(_Targeted):
    """Answer with an error status (and optionally ``Retry-After``) instead of the result.

    `path` limits the fault to one path (e.g. ``/v1/images/edits``); `probability` makes it
    hit only some requests (drawn from the server's seeded random generator).
    """

    status: int = 429
    retry_after: float | None = None
    message: str | None = None
    code: str | None = None
    type: str | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict[str, str])
    path: str | None = None
    probability: float = 1.0

    def body(self) -> dict[str, object]:
        """The API error body of this status."""
        default_type, default_code, default_message = _STATUS_DEFAULTS.get(
            self.status,
            ("server_error" if self.status >= 500 else "invalid_request_error", None, None),
        )
        return {
            "error": {
                "message": self.message
                or default_message
                or f"The fake server was asked to answer {self.status}.",
                "type": self.type or default_type,
                "param": None,
                "code": self.code if self.code is not None else default_code,
            }
        }

    def response_headers(self) -> dict[str, str]:
        """Headers to send with the error, ``Retry-After`` included when set."""
        headers = dict(self.headers)
        if self.retry_after is not None:
            seconds = self.retry_after
            headers["retry-after"] = str(int(seconds)) if seconds == int(seconds) else str(seconds)
            headers["retry-after-ms"] = str(round(seconds * 1000))
        return headers


_STATUS_DEFAULTS: Final[Mapping[int, tuple[str, str | None, str]]] = {
    429: (
        "requests",
        "rate_limit_exceeded",
        "Rate limit reached for images per minute (fake server). Please try again later.",
    ),
    500: ("server_error", None, "The fake server had an error while processing your request."),
    502: ("server_error", None, "Bad gateway (fake server)."),
    503: ("server_error", None, "The fake server is overloaded; please retry."),
}


@attrs.frozen(kw_only=True)
class Latency(_Targeted):
    """Wait `seconds` before answering (added to the server's own `latency`)."""

    seconds: float
    path: str | None = None
    probability: float = 1.0


@attrs.frozen(kw_only=True)
class DropConnection(_Targeted):
    """Close the connection mid-answer.

    A JSON answer is cut after `after_bytes` bytes of its body (half of it when None),
    with the full ``Content-Length`` announced; a stream is cut after `after_events`
    whole events, without the closing chunk.
    """

    after_bytes: int | None = None
    after_events: int = 1
    path: str | None = None
    probability: float = 1.0


@attrs.frozen(kw_only=True)
class TruncateStream(_Targeted):
    """In a streamed answer, cut one event in half and end the stream cleanly.

    The events before `event_index` are whole, that event stops mid-JSON with no blank
    line after it, and nothing follows (None: the last event, i.e. ``*.completed``).
    Answers that are not streamed are unaffected.
    """

    event_index: int | None = None
    path: str | None = None
    probability: float = 1.0


@attrs.frozen(kw_only=True)
class ContentPolicy(_Targeted):
    """Refuse the request as the moderation system does: 400, code ``moderation_blocked``."""

    stage: Literal["input", "output"] = "input"
    categories: tuple[str, ...] = ("violence",)
    message: str | None = None
    path: str | None = None
    probability: float = 1.0

    def body(self) -> dict[str, object]:
        """The API error body of a moderation refusal."""
        return {
            "error": {
                "message": self.message
                or "Your request was rejected by the safety system (fake server)."
                f" Categories: {', '.join(self.categories) or 'none'}.",
                "type": "image_generation_user_error",
                "param": None,
                "code": "moderation_blocked",
                "moderation_details": {
                    "moderation_stage": self.stage,
                    "categories": list(self.categories),
                },
            }
        }


Fault: TypeAlias = StatusFault | Latency | DropConnection | TruncateStream | ContentPolicy
"""Any fault the fake server can inject."""


class FaultSyntaxError(ValueError):
    """An ``X-Fake-Fault`` header the server cannot read."""


_KEYS: Final = {
    "status": int,
    "retry_after": float,
    "code": str,
    "message": str,
    "latency": float,
    "drop": str,
    "after_bytes": int,
    "after_events": int,
    "truncate": str,
    "event_index": int,
    "moderation": str,
    "stage": str,
    "categories": str,
}


def _clauses(header: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for clause in header.split(";"):
        if not clause.strip():
            continue
        key, _, value = clause.partition("=")
        key = key.strip().lower().replace("-", "_")
        if key not in _KEYS:
            raise FaultSyntaxError(f"unknown X-Fake-Fault key {key!r}; known: {sorted(_KEYS)}")
        if key in found:
            raise FaultSyntaxError(f"X-Fake-Fault key {key!r} given twice")
        found[key] = value.strip()
    return found


def parse_fault_header(header: str) -> tuple[Fault, ...]:
    """The faults an ``X-Fake-Fault`` header asks for (see the module docstring)."""
    raw = _clauses(header)
    values: dict[str, object] = {}
    for key, text in raw.items():
        kind = _KEYS[key]
        if kind is str:
            values[key] = text
            continue
        try:
            values[key] = kind(text)
        except ValueError:
            raise FaultSyntaxError(f"X-Fake-Fault {key}={text!r} is not a number") from None

    def take(key: str, default: object = None) -> object:
        return values.pop(key, default)

    faults: list[Fault] = []
    if "latency" in raw:
        faults.append(Latency(seconds=_number(take("latency"))))
    if "status" in raw:
        status = int(_number(take("status")))
        if not 400 <= status <= 599:
            raise FaultSyntaxError(f"X-Fake-Fault status must be 400..599, got {status}")
        retry = take("retry_after")
        faults.append(
            StatusFault(
                status=status,
                retry_after=None if retry is None else _number(retry),
                code=_text(take("code")),
                message=_text(take("message")),
            )
        )
    if "moderation" in raw:
        take("moderation")
        stage = _text(take("stage")) or "input"
        if stage not in ("input", "output"):
            raise FaultSyntaxError(f"X-Fake-Fault stage must be input or output, got {stage!r}")
        categories = _text(take("categories"))
        faults.append(
            ContentPolicy(
                stage="input" if stage == "input" else "output",
                categories=tuple(c.strip() for c in categories.split(",") if c.strip())
                if categories is not None
                else ("violence",),
                message=_text(take("message")),
            )
        )
    if "drop" in raw:
        take("drop")
        after_bytes = take("after_bytes")
        faults.append(
            DropConnection(
                after_bytes=None if after_bytes is None else int(_number(after_bytes)),
                after_events=int(_number(take("after_events", 1))),
            )
        )
    if "truncate" in raw:
        take("truncate")
        index = take("event_index")
        faults.append(TruncateStream(event_index=None if index is None else int(_number(index))))
    if values:
        unused = ", ".join(sorted(values))
        raise FaultSyntaxError(f"X-Fake-Fault keys {unused} belong to no fault in the header")
    if not faults:
        raise FaultSyntaxError("X-Fake-Fault names no fault (status, latency, drop, ...)")
    return tuple(faults)


def _number(value: object) -> float:
    assert isinstance(value, int | float)
    return float(value)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
