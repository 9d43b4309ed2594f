"""What a message's reply carries, and the line that names a failed message.

Replies (one per message, the payload before framing):

- ``image``: the image file's bytes, as Redpanda Connect's ``openai_image_generation``
  processor replaces a message with its image. One image per reply, so ``n`` must be 1.
- ``b64_json``: one JSON object (one line) with every image of the response as base64.
- ``path``: the same JSON object, each image saved under the output folder and named by
  its path instead (files are named after the record's ``id``, else a hash of the
  request, so a message sent again after a restart rewrites its own file).

The JSON object: ``{"index", "id", "key", "operation", "images": [{"b64_json" | "path",
"revised_prompt"}], "usage", "request_id", "created", "model", "size", "quality",
"output_format", "background"}``; ``n > 1`` gives ``n`` entries in ``images``.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias, get_args

import anyio
import anyio.to_thread

from openai_images_sdk._exceptions import APIStatusError
from openai_images_sdk._logging import scrub
from openai_images_sdk.bulk._output import image_paths, write_file_atomic
from openai_images_sdk.bulk._plan import file_stem

from ._mapping import Job, MessageFailure

__all__ = [
    "FAILURE_PREFIX",
    "REPLY_KINDS",
    "ReplyBuilder",
    "ReplyKind",
    "describe_error",
    "failure_line",
]

ReplyKind: TypeAlias = Literal["image", "b64_json", "path"]
REPLY_KINDS: Final[tuple[ReplyKind, ...]] = get_args(ReplyKind)
FAILURE_PREFIX: Final = "openai-images process: "
"""How every failure line on stderr starts."""
_MAX_CAUSE: Final = 2000
_SETTINGS: Final = ("created", "model", "size", "quality", "output_format", "background")
_SPACES: Final = re.compile(r"\s+")


def describe_error(error: BaseException) -> str:
    """An exception as the cause of a failed message: its type, message and request id."""
    text = f"{type(error).__name__}: {error}"
    request_id = error.request_id if isinstance(error, APIStatusError) else None
    if request_id and request_id not in text:
        text += f" (request id {request_id})"
    return text


def failure_line(failure: MessageFailure, secrets: Iterable[str] = ()) -> bytes:
    """The one stderr line naming a failed message and its cause (secrets removed)::

    openai-images process: message 7 (id "sku-1") failed: BadRequestError: ...
    """
    cause = _SPACES.sub(" ", scrub(failure.cause, secrets)).strip()
    if len(cause) > _MAX_CAUSE:
        cause = cause[: _MAX_CAUSE - 3] + "..."
    name = f"message {failure.index}"
    if failure.id is not None:
        name += f" (id {json.dumps(scrub(failure.id, secrets), ensure_ascii=False)})"
    return f"{FAILURE_PREFIX}{name} failed: {cause}\n".encode()


async def _image_bytes(image: Any) -> bytes:
    if getattr(image, "b64_json", None) is None and getattr(image, "url", None):
        await image.adownload()  # a url result (DALL-E); fetched without credentials
    data: bytes = image.bytes()
    return data


class ReplyBuilder:
    """Makes the reply payload of one answered request (`ReplyKind` says which)."""

    def __init__(self, kind: ReplyKind, *, out: str | Path | None = None) -> None:
        if kind not in REPLY_KINDS:
            raise ValueError(f"reply must be one of {', '.join(REPLY_KINDS)}")
        if kind == "path" and out is None:
            raise ValueError("path replies need a folder to save the images in")
        self.kind = kind
        self.out = Path(out) if out is not None else None

    @property
    def max_images(self) -> int | None:
        """How many images one reply can carry (None: any number)."""
        return 1 if self.kind == "image" else None

    async def build(self, job: Job, response: Any) -> bytes:
        """The reply payload; raises `ValueError` for a response without images."""
        images: Sequence[Any] = getattr(response, "data", None) or ()
        if not images:
            raise ValueError("the response contained no images")
        if self.kind == "image":
            return await _image_bytes(images[0])
        entries: list[dict[str, object]]
        if self.kind == "b64_json":
            entries = []
            for image in images:
                b64 = getattr(image, "b64_json", None)
                if b64 is None:
                    b64 = base64.b64encode(await _image_bytes(image)).decode("ascii")
                entries.append({"b64_json": b64})
        else:
            data = [await _image_bytes(image) for image in images]
            paths = await anyio.to_thread.run_sync(self._save, job, data, response)
            entries = [{"path": path} for path in paths]
        for entry, image in zip(entries, images, strict=True):
            entry["revised_prompt"] = getattr(image, "revised_prompt", None)
        return self._json(job, response, entries)

    def _save(self, job: Job, data: list[bytes], response: Any) -> list[str]:
        assert self.out is not None
        self.out.mkdir(parents=True, exist_ok=True)
        fmt = getattr(response, "output_format", None)
        paths = image_paths(self.out, file_stem(job.request.key), data, fmt)
        for path, content in zip(paths, data, strict=True):
            write_file_atomic(path, content)
        return paths

    def _json(self, job: Job, response: Any, entries: list[dict[str, object]]) -> bytes:
        from openai_images_sdk._converter import unstructure

        usage = getattr(response, "usage", None)
        reply: dict[str, object] = {
            "index": job.index,
            "id": job.id,
            "key": job.request.key,
            "operation": job.request.operation,
            "images": entries,
            "usage": unstructure(usage) if usage is not None else None,
            "request_id": getattr(response, "request_id", None),
        }
        for name in _SETTINGS:
            value = getattr(response, name, None)
            if value is not None:
                reply[name] = value
        text = json.dumps(reply, ensure_ascii=False, separators=(",", ":"), default=str)
        return text.encode()
