"""`AsyncStream`: the typed events of a streamed response, and helpers to read them out."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from openai_images_sdk._async.closing import AsyncClosing
from openai_images_sdk._stream_files import Saver, event_kind
from openai_images_sdk._stream_reads import AsyncStreamReader

if TYPE_CHECKING:
    from openai_images_sdk._generated.models import (
        ImageEditCompletedEvent,
        ImageEditPartialImageEvent,
        ImageGenCompletedEvent,
        ImageGenPartialImageEvent,
    )

__all__ = ["AsyncStream"]

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


class AsyncStream(AsyncStreamReader[T_co], AsyncClosing):
    """The typed events of a streamed response: iterate with ``async for``, close with
    ``async with`` (or `aclose()`).

    `event_type` is the event union (e.g. `ImageGenStreamEvent`); `decode` stands in for
    `_converter.structure_event` (tests).
    """

    @overload
    async def until_done(
        self: AsyncStream[_Partial | _Completed],
        *,
        on_partial: Callable[[_Partial], object] | None = None,
        on_completed: Callable[[_Completed], object] | None = None,
    ) -> _Completed: ...
    @overload
    async def until_done(
        self,
        *,
        on_partial: Callable[[T_co], object] | None = None,
        on_completed: Callable[[T_co], object] | None = None,
    ) -> T_co: ...
    async def until_done(
        self,
        *,
        on_partial: Callable[[Any], object] | None = None,
        on_completed: Callable[[Any], object] | None = None,
    ) -> object:
        """Read the stream to its end and return the completed event.

        `on_partial` / `on_completed` are called with each such event as it arrives.
        """
        async with self:
            async for event in self:
                _notify(event, on_partial, on_completed)
        return self._core.final()

    final = until_done

    @overload
    def partial_images(
        self: AsyncStream[_Partial | _Completed],
    ) -> AsyncIterator[_Partial]: ...
    @overload
    def partial_images(self) -> AsyncIterator[T_co]: ...
    def partial_images(self) -> AsyncIterator[object]:
        """Iterate over the partial-image events only; the completed one lands in `completed`."""
        return self._partials()

    async def save_to(
        self, path_template: str | os.PathLike[str], *, partials: bool = True
    ) -> list[Path]:
        """Read the stream to its end, writing each image to a file as it arrives.

        `path_template` is formatted with `index` (the partial image index, or "final"),
        `kind` ("partial" or "final"), `ext` (the output format) and `n` (0, 1, ...);
        parent directories are created (blocking writes of a few MB each, also in async
        code). Returns the paths written, the final image last.
        """
        saver = Saver(path_template, partials=partials)
        async with self:
            async for event in self:
                saver.save(event)
        self._core.final()
        return saver.paths
