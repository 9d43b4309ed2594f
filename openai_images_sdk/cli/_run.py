"""Running one API command of the command line: call, save the images, summarise."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO, cast

import attrs

from openai_images_sdk._exceptions import APIError

from ._output import Progress, describe_image, image_size, save_new, save_replacing

__all__ = ["Outcome", "SavedImage", "run_operation"]


@attrs.define(kw_only=True)
class SavedImage:
    """One file the command wrote."""

    path: Path
    bytes: int
    width: int | None
    height: int | None
    index: int
    revised_prompt: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "bytes": self.bytes,
            "width": self.width,
            "height": self.height,
            "index": self.index,
            "revised_prompt": self.revised_prompt,
        }


@attrs.define(kw_only=True)
class Outcome:
    """What one API command produced, for the summary."""

    command: str
    request_id: str | None = None
    model: object = None
    settings: dict[str, object] = attrs.Factory(dict[str, object])
    usage: object = None
    images: list[SavedImage] = attrs.Factory(list[SavedImage])
    partial_images: list[SavedImage] = attrs.Factory(list[SavedImage])

    def to_json(self) -> dict[str, object]:
        from openai_images_sdk._converter import unstructure

        return {
            "command": self.command,
            "request_id": self.request_id,
            "model": self.model,
            **self.settings,
            "usage": unstructure(self.usage) if self.usage is not None else None,
            "images": [image.to_json() for image in self.images],
            "partial_images": [image.to_json() for image in self.partial_images],
        }


# Response fields reported in the summary when the response (or completed event) has them.
_SETTINGS = ("created", "size", "quality", "output_format", "background")


@attrs.define
class _Saver:
    out: Path
    stem: str
    progress: Progress
    echo: TextIO | None
    overwrite: bool = attrs.field(default=False, kw_only=True)

    def save(
        self,
        data: bytes,
        output_format: str | None,
        *,
        index: int,
        partial: bool,
        revised_prompt: str | None = None,
    ) -> SavedImage:
        stem = f"{self.stem}-partial-{index}" if partial else self.stem
        if self.overwrite:
            # One name per image of the call, so a re-run replaces exactly its own files.
            stem = stem if partial or index == 0 else f"{stem}-{index}"
            path = save_replacing(self.out, stem, data, output_format)
        else:
            path = save_new(self.out, stem, data, output_format)
        size = image_size(data)
        if self.echo is not None:
            label = f"partial image {index}" if partial else "image"
            self.progress.echo(f"{label}: {describe_image(path, data)}", self.echo)
        return SavedImage(
            path=path,
            bytes=len(data),
            width=size[0] if size else None,
            height=size[1] if size else None,
            index=index,
            revised_prompt=revised_prompt,
        )


def _settings(source: object) -> dict[str, object]:
    found: dict[str, object] = {}
    for name in _SETTINGS:
        value = getattr(source, name, None)
        if value is not None:
            found[name] = value
    return found


def run_operation(
    method: Callable[..., Any],
    params: Mapping[str, object],
    *,
    command: str,
    out: Path,
    stem: str,
    progress: Progress,
    echo: TextIO | None,
    extras: Mapping[str, object] | None = None,
    overwrite: bool = False,
) -> Outcome:
    """Call `method` with `params`, save every image under `out`, and describe the result.

    `echo` receives a line per saved file as it is written (None for silence). A streamed
    call (``stream=True`` in `params`) saves each partial image as it arrives. `extras`
    holds request options passed along with the parameters (``extra_headers``, ...). With
    `overwrite`, files are named by stem and index alone and replace files of that name.
    """
    outcome = Outcome(command=command, model=params.get("model"))
    saver = _Saver(out, stem, progress, echo, overwrite=overwrite)
    with progress:
        result = method(**params, **(extras or {}))
        if params.get("stream") is True:
            _consume_stream(result, outcome, saver)
        else:
            _save_response(result, outcome, saver)
    return outcome


def _save_response(response: object, outcome: Outcome, saver: _Saver) -> None:
    outcome.request_id = getattr(response, "request_id", None)
    outcome.settings = _settings(response)
    outcome.usage = getattr(response, "usage", None)
    outcome.model = getattr(response, "model", None) or outcome.model
    output_format = cast("str | None", getattr(response, "output_format", None))
    images = cast("Iterable[Any] | None", getattr(response, "data", None)) or ()
    for index, image in enumerate(images):
        data = cast("bytes", image.download())
        saved = saver.save(
            data,
            output_format,
            index=index,
            partial=False,
            revised_prompt=getattr(image, "revised_prompt", None),
        )
        outcome.images.append(saved)
    if not outcome.images:
        raise APIError("the response contained no images", None, body=None)


def _consume_stream(stream: Any, outcome: Outcome, saver: _Saver) -> None:
    headers = getattr(getattr(stream, "response", None), "headers", None)
    outcome.request_id = headers.get("x-request-id") if headers is not None else None

    def on_partial(event: Any) -> None:
        saver.progress.partial_received()
        index = int(getattr(event, "partial_image_index", len(outcome.partial_images)))
        data = base64.b64decode(event.b64_json)
        saved = saver.save(data, event.output_format, index=index, partial=True)
        outcome.partial_images.append(saved)

    def on_completed(event: Any) -> None:
        data = base64.b64decode(event.b64_json)
        saved = saver.save(data, event.output_format, index=len(outcome.images), partial=False)
        outcome.images.append(saved)
        outcome.settings = _settings(event)
        outcome.usage = getattr(event, "usage", None)

    with stream:
        stream.until_done(on_partial=on_partial, on_completed=on_completed)
