"""From one input message to one API request, with the bulk runner's rules.

A message is either the prompt itself (``text``, the default, like Redpanda Connect's
``openai_image_generation`` processor) or a JSON record (``json``): filled into the prompt
template, with per-record overrides of any API parameter and edits for records with
``image``, exactly as `openai_images_sdk.bulk.RequestPlanner` does for ``bulk``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Final, Literal, TypeAlias, cast

import attrs

from openai_images_sdk.bulk._plan import PlanFailure, PlannedRequest, RequestPlanner

from ._codecs import TooLarge

__all__ = ["MESSAGE_FORMATS", "Job", "MessageFailure", "MessageFormat", "MessageMapper"]

MessageFormat: TypeAlias = Literal["text", "json"]
MESSAGE_FORMATS: Final[tuple[MessageFormat, ...]] = ("text", "json")


@attrs.frozen(kw_only=True)
class Job:
    """One message resolved to an API request."""

    index: int
    """The message's position in the input, from 0."""
    id: str | None
    """The record's ``id`` field, when it has one."""
    request: PlannedRequest


@attrs.frozen(kw_only=True)
class MessageFailure:
    """A message that gets no reply: it is named on stderr with `cause`."""

    index: int
    id: str | None
    cause: str


def _record_id(record: Mapping[str, object]) -> str | None:
    value = record.get("id")
    return None if value in (None, "") else str(value)


class MessageMapper:
    """Turns messages into `Job`s for one run (message format, template, run-wide params).

    Raises `ValidationError` at construction for a malformed template or a parameter that
    neither images.generate nor images.edit takes (see `RequestPlanner`). `max_images`
    refuses messages asking for more images than one reply can carry.
    """

    def __init__(
        self,
        *,
        message: MessageFormat = "text",
        prompt: str | None = None,
        params: Mapping[str, object] | None = None,
        base_dir: str | os.PathLike[str] | None = None,
        max_images: int | None = None,
    ) -> None:
        if message not in MESSAGE_FORMATS:
            raise ValueError(f"message must be one of {', '.join(MESSAGE_FORMATS)}")
        if message == "text" and prompt is not None:
            raise ValueError("a prompt template fills JSON records: use message='json'")
        self.message = message
        self.max_images = max_images
        self.planner = RequestPlanner(prompt=prompt, params=params, base_dir=base_dir)

    def map(self, index: int, payload: bytes | TooLarge) -> Job | MessageFailure:
        """The request for message `index`, or why there is none."""
        if isinstance(payload, TooLarge):
            return MessageFailure(index=index, id=None, cause=str(payload))
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError as error:
            cause = f"the message is not UTF-8 text ({error.reason} at byte {error.start})"
            return MessageFailure(index=index, id=None, cause=cause)
        record: Mapping[str, object]
        if self.message == "text":
            if not text.strip():
                return MessageFailure(index=index, id=None, cause="the message is empty")
            record = {"prompt": text}
        else:
            try:
                value: object = json.loads(text)
            except ValueError as error:
                cause = f"the message is not valid JSON: {error}"
                return MessageFailure(index=index, id=None, cause=cause)
            if not isinstance(value, dict):
                kind = type(value).__name__
                cause = f"the message is not a JSON object (a {kind})"
                return MessageFailure(index=index, id=None, cause=cause)
            record = cast("dict[str, object]", value)
        record_id = _record_id(record)
        planned = self.planner.plan(record)
        if isinstance(planned, PlanFailure):
            return MessageFailure(index=index, id=record_id, cause=str(planned.error))
        if self.max_images is not None and planned.images > self.max_images:
            cause = (
                f"n={planned.images}: an image reply carries {self.max_images} image; "
                "use a JSON reply (--reply b64_json or path) for n > 1"
            )
            return MessageFailure(index=index, id=record_id, cause=cause)
        return Job(index=index, id=record_id, request=planned)
