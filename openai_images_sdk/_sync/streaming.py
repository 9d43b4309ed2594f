# generated from openai_images_sdk/_async/streaming.py by scripts/unasync.py; do not edit
"""`Stream`: the typed events of a streamed response, and helpers to read them out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from openai_images_sdk._stream_files import Saver, event_kind
from openai_images_sdk._stream_reads import StreamReader
from openai_images_sdk._sync.closing import Closing

if TYPE_CHECKING:
    from openai_images_sdk._generated.models import (
        ImageEditCompletedEvent,
        ImageEditPartialImageEvent,
        ImageGenCompletedEvent,
        ImageGenPartialImageEvent,
    )

__all__ = ["Stream"]

T_co = TypeVar("T_co", covariant=True)
_Partial = TypeVar("_Partial", bound="ImageGenPartialImageEvent | ImageEditPartialImageEvent")
_Completed = TypeVar("_Completed", bound="ImageGenCompletedEvent | ImageEditCompletedEvent")
"""A generation or edit stream's two event kinds, so its methods type each callback's
event and the result (the stream's union split into the two)."""


def _notify(
    event: object,
    on_partial: Callable[[Any], object] | None,
    on_completed: Callable[[Any], object] | None,
) -> None:
    kind = event_kind(event)
    if kind == "partial" and on_partial is not None:
        on_partial(event)
    elif kind == "completed" and on_completed is not None:
        on_completed(event)


class Stream(StreamReader[T_co], Closing):
    """The typed events of a streamed response: iterate with ``for``, close with
    ``with`` (or `close()`).

    `event_type` is the event union (e.g. `ImageGenStreamEvent`); `decode` stands in for
    `_converter.structure_event` (tests).
    """

    @overload
    def until_done(
        self: Stream[_Partial | _Completed],
        *,
        on_partial: Callable[[_Partial], object] | None = None,
        on_completed: Callable[[_Completed], object] | None = None,
    ) -> _Completed: ...
    @overload
    def until_done(
        self,
        *,
        on_partial: Callable[[T_co], object] | None = None,
        on_completed: Callable[[T_co], object] | None = None,
    ) -> T_co: ...
    def until_done(
        self,
        *,
        on_partial: Callable[[Any], object] | None = None,
        on_completed: Callable[[Any], object] | None = None,
    ) -> object:
        """Read the stream to its end and return the completed event.

        `on_partial` / `on_completed` are called with each such event as it arrives.
        """
        with self:
            for event in self:
                _notify(event, on_partial, on_completed)
        return self._core.final()

    final = until_done

    @overload
    def partial_images(
        self: Stream[_Partial | _Completed],
    ) -> Iterator[_Partial]: ...
    @overload
    def partial_images(self) -> Iterator[T_co]: ...
    def partial_images(self) -> Iterator[object]:
        """Iterate over the partial-image events only; the completed one lands in `completed`."""
        return self._partials()

    def save_to(
        self, path_template: str | os.PathLike[str], *, partials: bool = True
    ) -> list[Path]:
        """Read the stream to its end, writing each image to a file as it arrives.

        `path_template` is formatted with `index` (the partial image index, or "final"),
        `kind` ("partial" or "final"), `ext` (the output format) and `n` (0, 1, ...);
        parent directories are created (blocking writes of a few MB each, also in async
        code). Returns the paths written, the final image last.
        """
        saver = Saver(path_template, partials=partials)
        with self:
            for event in self:
                saver.save(event)
        self._core.final()
        return saver.paths
