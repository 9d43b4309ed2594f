"""What the fake server's routes see and answer, independent of sockets.

A route is a function ``(Incoming, ServerContext) -> Reply``; the server reads and parses
the request, applies faults and writes the reply. New resources (``/files``,
``/batches``) are new route modules registered the same way.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Literal, Protocol

import attrs

from ._formdata import FormPart

__all__ = [
    "ApiError",
    "FileStore",
    "Incoming",
    "RecordedFile",
    "RecordedRequest",
    "Reply",
    "Route",
    "ServerContext",
    "json_reply",
    "sse_event",
]

BodyKind = Literal["json", "multipart", "empty", "other"]


class ApiError(Exception):
    """An answer in the API's error shape: ``{"error": {message, type, param, code}}``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def body(self) -> dict[str, object]:
        """The JSON error body."""
        error: dict[str, object] = {
            "message": self.message,
            "type": self.type,
            "param": self.param,
            "code": self.code,
        }
        error.update(self.extra)
        return {"error": error}

    def reply(self) -> Reply:
        """This error as a reply."""
        return json_reply(self.body(), status=self.status, headers=self.headers)


@attrs.frozen(kw_only=True)
class _RequestHead:
    """What `Incoming` and `RecordedRequest` both say of a request."""

    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    """Lower-cased names."""
    body_kind: BodyKind


@attrs.frozen(kw_only=True)
class Incoming(_RequestHead):
    """A request as the routes see it: headers lower-cased, body parsed."""

    json: object = None
    parts: tuple[FormPart, ...] = ()
    raw: bytes = b""
    base_url: str
    """The server's URL as the client reached it (``http://host:port``), for links."""


@attrs.frozen(kw_only=True)
class Reply:
    """An answer: a whole body, or server-sent events produced as the stream is written."""

    status: int = 200
    headers: Mapping[str, str] = attrs.field(factory=dict[str, str])
    body: bytes = b""
    events: Iterator[bytes] | None = None
    """Encoded SSE events (each ends with a blank line); set for streamed answers."""


def json_reply(
    payload: object, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> Reply:
    """A JSON reply."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    return Reply(
        status=status, headers={"content-type": "application/json", **(headers or {})}, body=body
    )


def sse_event(event: str, data: Mapping[str, object]) -> bytes:
    """One server-sent event: ``event:`` and ``data:`` lines and the closing blank line."""
    payload = json.dumps({"type": event, **data}, separators=(",", ":"))
    return f"event: {event}\ndata: {payload}\n\n".encode()


@attrs.frozen(kw_only=True)
class RecordedFile:
    """A file part the server received (its bytes are not kept)."""

    field: str
    filename: str | None
    content_type: str | None
    size: int


@attrs.frozen(kw_only=True)
class RecordedRequest(_RequestHead):
    """One request as the server received it, and the status it answered with."""

    fields: Mapping[str, object]
    """The JSON body, or the text parts of a multipart body (a list when repeated)."""
    files: tuple[RecordedFile, ...]
    status: int
    faults: tuple[object, ...] = ()
    """The faults applied to this request."""
    received_at: float = 0.0
    """`time.monotonic()` when the request line arrived (to check pacing and pauses)."""


class FileStore:
    """Bytes served at ``GET /v1/_files/<name>``: image URLs (and later uploaded files)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, tuple[bytes, str]] = {}
        self._expired = False
        self._ids = itertools.count(1)

    def put(self, data: bytes, *, extension: str, content_type: str) -> str:
        """Store `data`; the name to fetch it by."""
        with self._lock:
            name = f"img-{next(self._ids):06d}.{extension}"
            self._files[name] = (data, content_type)
        return name

    def get(self, name: str) -> tuple[bytes, str] | None:
        """The bytes and content type stored under `name`, or None."""
        with self._lock:
            return self._files.get(name)

    @property
    def expired(self) -> bool:
        """Whether links have been expired (they then answer 403, like a storage host)."""
        return self._expired

    def expire(self) -> None:
        """Make every link answer 403 from now on."""
        self._expired = True

    def clear(self) -> None:
        """Forget every stored file and un-expire links."""
        with self._lock:
            self._files.clear()
            self._expired = False


class ServerContext(Protocol):
    """What routes may use of the server."""

    @property
    def files(self) -> FileStore: ...

    def seed_for(self, incoming: Incoming) -> str:
        """The seed of this request: ``X-Fake-Seed``, else the server's."""
        ...

    @property
    def options(self) -> ServerOptions: ...


@attrs.frozen(kw_only=True)
class ServerOptions:
    """Behaviour switches of a fake server (see `FakeImagesServer`)."""

    retired: Literal["serve", "reject"] = "serve"
    validation: Literal["strict", "off"] = "strict"
    draw_text: bool = True
    default_model: str = "gpt-image-1.5"
    max_body_bytes: int = 900 * 1024 * 1024
    azure_deployments: Mapping[str, str] = attrs.field(factory=dict[str, str], hash=False)
    """Azure deployment name -> the model it serves (model names serve themselves)."""


Route = Callable[[Incoming, ServerContext], Reply]
