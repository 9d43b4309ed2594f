"""Canned API answers for respx routes and `httpx.MockTransport`, with real small images.

    respx.post("https://api.openai.com/v1/images/generations").mock(
        return_value=images_response(n=2, output_format="webp")
    )

The bodies are the ones the fake server sends (same fields, usage, image files), so a
client parses them exactly as it parses the API's.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Final, Literal, TypedDict, Unpack, cast

import httpx

from openai_images_sdk.fake_server._faults import StatusFault
from openai_images_sdk.fake_server._images import OutputFormat, Picture, render
from openai_images_sdk.fake_server._images_api import UsageBasis, usage

__all__ = [
    "error_body",
    "error_response",
    "images_response",
    "images_response_body",
    "rate_limit_headers",
    "sample_image",
    "stream_events",
    "stream_response",
]

_EXTENSIONS: Final = {"png": "png", "jpeg": "jpg", "webp": "webp", "gif": "gif", "svg": "svg"}


def _request_id(request_id: str | None) -> str:
    return request_id if request_id is not None else f"req_{uuid.uuid4().hex}"


def _size(size: str) -> tuple[int, int]:
    width, _, height = size.partition("x")
    try:
        w, h = int(width), int(height)
    except ValueError:
        raise ValueError(f"size must be WIDTHxHEIGHT, got {size!r}") from None
    if w <= 0 or h <= 0:
        raise ValueError(f"size must be WIDTHxHEIGHT, got {size!r}")
    return w, h


def sample_image(
    output_format: OutputFormat = "png",
    *,
    size: str = "64x64",
    prompt: str = "a sample image",
    index: int = 0,
    transparent: bool = False,
    stage: float = 1.0,
) -> bytes:
    """A real, valid image file: a gradient whose colours come from `prompt` and `index`.

    `output_format` is ``png``, ``jpeg``, ``webp``, ``gif`` or ``svg``; `stage` below
    1.0 washes the colours out (as partial images of a stream look).
    """
    width, height = _size(size)
    return render(
        Picture(
            prompt=prompt,
            width=width,
            height=height,
            output_format=output_format,
            index=index,
            transparent=transparent,
            stage=stage,
            draw_text=False,
        )
    )


def _meta(output_format: str, size: str, quality: str, background: str) -> dict[str, object]:
    return {
        "background": background,
        "output_format": output_format,
        "quality": quality,
        "size": size,
    }


class ImagesBodyFields(TypedDict, total=False):
    """The keyword arguments of `images_response_body` (and `images_response`)."""

    n: int
    prompt: str
    model: str
    output_format: OutputFormat
    size: str
    quality: str
    background: Literal["opaque", "transparent"]
    response_format: Literal["b64_json", "url"]
    url_base: str
    created: int | None


def images_response_body(**fields: Unpack[ImagesBodyFields]) -> dict[str, object]:
    """The JSON body of an images answer (``ImagesResponse``) with `n` real images.

    Defaults: ``n=1``, ``prompt="a sample image"``, ``model="gpt-image-1.5"``,
    ``output_format="png"``, ``size="64x64"``, ``quality="medium"``,
    ``background="opaque"``, ``response_format="b64_json"``,
    ``url_base="https://images.example.test"``, ``created`` now.

    With ``response_format="url"`` each image is a link ``{url_base}/img-{i}.{ext}`` (mock
    those too if the code under test downloads them). DALL-E models get the DALL-E shape
    (no usage; ``revised_prompt`` for dall-e-3).
    """
    n = fields.get("n", 1)
    prompt = fields.get("prompt", "a sample image")
    model = fields.get("model", "gpt-image-1.5")
    output_format = fields.get("output_format", "png")
    size = fields.get("size", "64x64")
    quality = fields.get("quality", "medium")
    background = fields.get("background", "opaque")
    response_format = fields.get("response_format", "b64_json")
    created = fields.get("created")
    width, height = _size(size)
    data: list[dict[str, object]] = []
    for index in range(n):
        entry: dict[str, object] = {}
        if response_format == "url":
            url_base = fields.get("url_base", "https://images.example.test")
            entry["url"] = f"{url_base}/img-{index + 1:06d}.{_EXTENSIONS[output_format]}"
        else:
            image = sample_image(
                output_format,
                size=size,
                prompt=prompt,
                index=index,
                transparent=background == "transparent",
            )
            entry["b64_json"] = base64.b64encode(image).decode("ascii")
        if model.startswith("dall-e-3"):
            entry["revised_prompt"] = f"An image of: {prompt}"
        data.append(entry)
    body: dict[str, object] = {
        "created": int(time.time()) if created is None else created,
        "data": data,
    }
    if not model.startswith("dall-e"):
        body.update(_meta(output_format, size, quality, background))
        basis = UsageBasis(prompt=prompt, inputs=(), width=width, height=height, quality=quality)
        body["usage"] = usage(basis, images=n)
    return body


def _json_response(
    status: int, body: object, *, request_id: str | None, headers: Mapping[str, str] | None
) -> httpx.Response:
    return httpx.Response(
        status,
        headers={
            "content-type": "application/json",
            "x-request-id": _request_id(request_id),
            "openai-processing-ms": "1",
            **(headers or {}),
        },
        content=json.dumps(body, separators=(",", ":")).encode(),
    )


def images_response(
    *,
    status: int = 200,
    request_id: str | None = None,
    headers: Mapping[str, str] | None = None,
    **fields: Unpack[ImagesBodyFields],
) -> httpx.Response:
    """An `httpx.Response` carrying `images_response_body` (an ``x-request-id`` included).

    `fields` are `images_response_body`'s keyword arguments.
    """
    body = images_response_body(**fields)
    return _json_response(status, body, request_id=request_id, headers=headers)


def _sse(event: str, data: Mapping[str, object]) -> bytes:
    payload = json.dumps({"type": event, **data}, separators=(",", ":"))
    return f"event: {event}\ndata: {payload}\n\n".encode()


def stream_events(
    *,
    operation: Literal["generate", "edit"] = "generate",
    n: int = 1,
    partial_images: int = 2,
    prompt: str = "a sample image",
    output_format: OutputFormat = "png",
    size: str = "64x64",
    quality: str = "medium",
    background: Literal["opaque", "transparent"] = "opaque",
    error: Mapping[str, object] | None = None,
) -> bytes:
    """The server-sent events of a streamed generation or edit, as bytes.

    Per image: `partial_images` ``*.partial_image`` events, then ``*.completed`` with the
    usage. `error` (an ``{"message": ..., "code": ...}`` mapping) replaces the last
    ``completed`` event with an ``error`` event, as the API sends when a stream fails.
    """
    width, height = _size(size)
    prefix = "image_edit" if operation == "edit" else "image_generation"
    meta = _meta(output_format, size, quality, background)
    basis = UsageBasis(prompt=prompt, inputs=(), width=width, height=height, quality=quality)
    transparent = background == "transparent"
    events: list[bytes] = []
    for index in range(n):
        for k in range(partial_images):
            partial = sample_image(
                output_format,
                size=size,
                prompt=prompt,
                index=index,
                transparent=transparent,
                stage=(k + 1) / (partial_images + 1),
            )
            events.append(
                _sse(
                    f"{prefix}.partial_image",
                    {
                        "b64_json": base64.b64encode(partial).decode("ascii"),
                        "created_at": int(time.time()),
                        **meta,
                        "partial_image_index": k,
                    },
                )
            )
        if error is not None and index == n - 1:
            events.append(_sse("error", {"error": dict(error)}))
            break
        final = sample_image(
            output_format, size=size, prompt=prompt, index=index, transparent=transparent
        )
        events.append(
            _sse(
                f"{prefix}.completed",
                {
                    "b64_json": base64.b64encode(final).decode("ascii"),
                    "created_at": int(time.time()),
                    **meta,
                    "usage": usage(basis, images=1, partial_images=partial_images),
                },
            )
        )
    return b"".join(events)


def stream_response(
    events: bytes | Sequence[bytes] | None = None,
    *,
    request_id: str | None = None,
    headers: Mapping[str, str] | None = None,
    **options: object,
) -> httpx.Response:
    """A ``text/event-stream`` `httpx.Response`: `events`, else ``stream_events(**options)``.

    `events` may be a list of byte chunks, delivered one by one (to test a client's
    reassembly of events split across reads).
    """
    if events is None:
        events = stream_events(**options)  # type: ignore[arg-type]
    elif options:
        raise TypeError("pass either events or stream_events options, not both")
    chunks = [events] if isinstance(events, bytes) else list(events)
    return httpx.Response(
        200,
        headers={
            "content-type": "text/event-stream; charset=utf-8",
            "cache-control": "no-cache",
            "x-request-id": _request_id(request_id),
            **(headers or {}),
        },
        stream=_Chunks(chunks),
    )


class _Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body delivered in the given chunks, readable by sync and async clients."""

    def __init__(self, chunks: Sequence[bytes]) -> None:
        self._chunks = tuple(chunks)

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


class ErrorFields(TypedDict, total=False):
    """The error object's fields `error_body` and `error_response` take (each None if left out)."""

    type: str | None
    code: str | None
    param: str | None


def error_body(
    status: int, message: str | None = None, **fields: Unpack[ErrorFields]
) -> dict[str, object]:
    """The API's error body for `status`: ``{"error": {message, type, param, code}}``.

    Defaults follow the API: 429 is ``rate_limit_exceeded``, 5xx ``server_error``.
    """
    error = cast(
        "dict[str, object]",
        StatusFault(
            status=status, message=message, code=fields.get("code"), type=fields.get("type")
        ).body()["error"],
    )
    text = (
        str(error["message"]).replace(" (fake server)", "").replace("The fake server", "The server")
    )
    return {"error": {**error, "message": text, "param": fields.get("param")}}


def rate_limit_headers(
    *,
    limit_requests: int = 50,
    remaining_requests: int = 0,
    reset_requests: str = "1.2s",
    limit_tokens: int | None = None,
    remaining_tokens: int | None = None,
    reset_tokens: str | None = None,
) -> dict[str, str]:
    """``x-ratelimit-*`` headers as the API sends them (token headers when given)."""
    headers = {
        "x-ratelimit-limit-requests": str(limit_requests),
        "x-ratelimit-remaining-requests": str(remaining_requests),
        "x-ratelimit-reset-requests": reset_requests,
    }
    for name, value in (
        ("limit-tokens", limit_tokens),
        ("remaining-tokens", remaining_tokens),
        ("reset-tokens", reset_tokens),
    ):
        if value is not None:
            headers[f"x-ratelimit-{name}"] = str(value)
    return headers


def error_response(
    status: int,
    message: str | None = None,
    *,
    request_id: str | None = None,
    retry_after: float | None = None,
    headers: Mapping[str, str] | None = None,
    **fields: Unpack[ErrorFields],
) -> httpx.Response:
    """An error `httpx.Response`: `error_body`, an ``x-request-id``, ``Retry-After`` if given.

    A 429 carries `rate_limit_headers` unless `headers` names them.
    """
    sent: dict[str, str] = {}
    if status == 429:
        sent.update(rate_limit_headers())
    if retry_after is not None:
        sent.update(StatusFault(status=status, retry_after=retry_after).response_headers())
    sent.update(headers or {})
    body = error_body(status, message, **fields)
    return _json_response(status, body, request_id=request_id, headers=sent)
