"""The fake server's application, without sockets: a request in, a reply and its body out.

`handle` routes a request, checks its key, parses its body, applies faults and asks the
route for a `Reply`; `reply_body` yields the reply's bytes with faults applied (a cut
body, a truncated stream) and raises `HangUp` where the connection must close mid-body.
The socket handler (`_handler.RequestHandler`) and the in-process transports
(`openai_images_sdk.testing`) are thin drivers over these two.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final, Protocol, TypedDict
from urllib.parse import parse_qsl, urlsplit

import attrs

from ._azure_api import AzureApiError, is_azure_path
from ._faults import DropConnection, Fault, TruncateStream
from ._formdata import FormDataError, FormPart, MultipartParser, boundary_of
from ._http import ApiError, BodyKind, Incoming, Reply

if TYPE_CHECKING:
    from ._server import FakeImagesServer

__all__ = [
    "BodySource",
    "BodyTooLarge",
    "Exchange",
    "HangUp",
    "handle",
    "reply_body",
    "response_headers",
]

_MAX_PART_BYTES: Final = 64 * 1024 * 1024  # above the API's 50 MB, so validation words it


class BodyTooLarge(Exception):
    """The request body is over the server's limit."""


class HangUp(Exception):
    """The connection must close now, mid-body (a fault, a failed route, or `stop`)."""


class BodySource(Protocol):
    """Where a request's body comes from: a socket, or bytes in memory."""

    def chunks(self, limit: int) -> Iterator[bytes]:
        """The body as it arrives; `BodyTooLarge` past `limit` bytes."""
        ...

    def discard(self) -> None:
        """Read and drop the body, so the client gets the answer rather than a reset."""
        ...


@attrs.frozen(kw_only=True)
class Exchange:
    """What `handle` decided: the reply, the faults applied, and whether it is an API call."""

    reply: Reply
    faults: tuple[Fault, ...] = ()
    is_api: bool = False


class _Body(TypedDict):
    """`Incoming`'s body fields, as `_read_body` finds them."""

    body_kind: BodyKind
    json: object
    parts: tuple[FormPart, ...]
    raw: bytes


_NO_BODY: Final[_Body] = {"body_kind": "empty", "json": None, "parts": (), "raw": b""}


def _read_body(headers: Mapping[str, str], body: BodySource, limit: int) -> _Body:
    content_type = headers.get("content-type", "")
    if content_type.lower().startswith("multipart/"):
        try:
            parser = MultipartParser(boundary_of(content_type), max_part_size=_MAX_PART_BYTES)
            for chunk in body.chunks(limit):
                parser.feed(chunk)
            return {**_NO_BODY, "body_kind": "multipart", "parts": tuple(parser.finish())}
        except FormDataError as error:
            raise ApiError(400, f"Malformed multipart/form-data body: {error}.") from None
    raw = b"".join(body.chunks(limit))
    if not raw:
        return _NO_BODY
    if content_type.lower().split(";")[0].strip() == "application/json":
        try:
            return {**_NO_BODY, "body_kind": "json", "json": json.loads(raw), "raw": raw}
        except ValueError:
            raise ApiError(
                400,
                "We could not parse the JSON body of your request (fake server). "
                "The body must be valid JSON.",
            ) from None
    return {**_NO_BODY, "body_kind": "other", "raw": raw}


def handle(
    owner: FakeImagesServer,
    *,
    method: str,
    target: str,
    headers: Mapping[str, str],
    body: BodySource,
) -> Exchange:
    """Answer one request (recorded in `owner.requests`); `target` is the path and query.

    `headers` must have lower-case names. Connection errors raised by `body` propagate.
    """
    received_at = time.monotonic()
    split = urlsplit(target)
    path = split.path
    query = dict(parse_qsl(split.query))
    host = headers.get("host") or f"{owner.host}:{owner.port}"
    found = owner.find_route(method, path)
    read = _NO_BODY
    faults: tuple[Fault, ...] = ()
    is_api = False
    try:
        if found is None:
            body.discard()
            if is_azure_path(path):
                raise AzureApiError(404, f"Resource not found ({method} {path}).", code="404")
            raise ApiError(404, f"Invalid URL ({method} {path}).")
        route, is_api = found
        if is_api:
            try:
                owner.check_auth(headers, path=path)
            except ApiError:
                body.discard()
                raise
        try:
            read = _read_body(headers, body, owner.options.max_body_bytes)
        except BodyTooLarge:
            raise ApiError(413, "The request body is too large.") from None
        incoming = Incoming(
            method=method,
            path=path,
            query=query,
            headers=headers,
            base_url=f"http://{host}",
            **read,
        )
        if is_api:
            faults = owner.faults_for(path, headers)
        reply = owner.answer(route, incoming, faults)
    except ApiError as error:
        reply = error.reply()
    owner.record(
        method=method,
        path=path,
        query=query,
        headers=headers,
        kind=read["body_kind"],
        payload=read["json"],
        parts=read["parts"],
        status=reply.status,
        faults=faults,
        received_at=received_at,
    )
    return Exchange(reply=reply, faults=faults, is_api=is_api)


def response_headers(reply: Reply) -> dict[str, str]:
    """The reply's headers plus what every API answer carries (``x-request-id``, ...)."""
    headers = dict(reply.headers)
    if not any(name.lower() == "x-request-id" for name in headers):
        headers["x-request-id"] = f"req_{uuid.uuid4().hex}"
    headers["openai-processing-ms"] = "1"
    return headers


def drops(faults: Sequence[Fault]) -> bool:
    """Whether the faults close the connection mid-answer."""
    return any(isinstance(f, DropConnection) for f in faults)


def reply_body(owner: FakeImagesServer, exchange: Exchange) -> Iterator[bytes]:
    """The reply's body: the whole body, or one item per streamed event.

    Raises `HangUp` where a `DropConnection` fault cuts the answer, when a streamed
    route fails (recorded in `owner.errors`) or when the server stops mid-stream.
    """
    reply, faults = exchange.reply, exchange.faults
    drop = next((f for f in faults if isinstance(f, DropConnection)), None)
    if reply.events is None:
        body = reply.body
        if drop is None:
            yield body
            return
        cut = len(body) // 2 if drop.after_bytes is None else drop.after_bytes
        yield body[: max(0, min(cut, len(body) - 1))]
        raise HangUp
    truncate = next((f for f in faults if isinstance(f, TruncateStream)), None)
    events = iter(reply.events)
    upcoming = _next_event(owner, events)
    index = 0
    while upcoming is not None:
        event, upcoming = upcoming, _next_event(owner, events)
        if drop is not None and index >= drop.after_events:
            raise HangUp
        if truncate is not None and (
            index == truncate.event_index or (truncate.event_index is None and upcoming is None)
        ):
            yield event[: len(event) // 2]
            return
        if index and not owner.pause_between_events():
            raise HangUp  # the server is stopping
        yield event
        index += 1
    if drop is not None and index >= drop.after_events:
        raise HangUp


def _next_event(owner: FakeImagesServer, events: Iterator[bytes]) -> bytes | None:
    """The next event; a route failing mid-stream is recorded and the stream cut."""
    try:
        return next(events, None)
    except Exception:
        owner.note_error()
        raise HangUp from None
