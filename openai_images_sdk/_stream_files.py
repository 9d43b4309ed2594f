"""Images out of stream events: decoding them, and writing each to a file as it arrives."""

from __future__ import annotations

import base64
import os
import string
from pathlib import Path
from typing import Final, Literal, TypeAlias

from ._atomic import write_atomic
from ._exceptions import ValidationError, Violation
from ._inputs._formats import sniff_format, suffix_for

__all__ = ["EventKind", "Saver", "event_kind", "image_bytes"]

_TEMPLATE_FIELDS: Final = frozenset({"index", "kind", "ext", "n"})

EventKind: TypeAlias = Literal["partial", "completed", "other"]


def event_kind(event: object) -> EventKind:
    """Whether `event` is a partial image, the completed image, or something else."""
    kind = getattr(event, "type", None)
    if isinstance(kind, str):
        if kind.endswith(".partial_image"):
            return "partial"
        if kind.endswith(".completed"):
            return "completed"
    return "other"


def image_bytes(event: object) -> bytes:
    """The image of a partial or completed event, decoded from its `b64_json`."""
    data = getattr(event, "b64_json", None)
    if not isinstance(data, str):
        raise TypeError(f"{type(event).__name__} carries no b64_json image")
    return base64.b64decode(data)


def _extension(event: object, data: bytes) -> str:
    fmt = getattr(event, "output_format", None)
    if not isinstance(fmt, str) or not fmt:
        fmt = sniff_format(data) or "bin"
    return suffix_for(fmt)[1:]


class Saver:
    """Writes each image event to a file named by a template, as the events arrive."""

    def __init__(self, template: str | os.PathLike[str], *, partials: bool) -> None:
        text = os.fspath(template)
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as exc:
            rule = f"is not a valid template: {exc}"
            raise ValidationError(
                [Violation(param="path_template", rule=rule, value=text)]
            ) from exc
        problems: list[Violation] = []
        unknown = sorted(fields - _TEMPLATE_FIELDS)
        if unknown:
            rule = "may only use the fields {index}, {kind}, {ext} and {n}; unknown: " + ", ".join(
                repr(name) for name in unknown
            )
            problems.append(Violation(param="path_template", rule=rule, value=text))
        if partials and not fields & {"index", "n"}:
            rule = "must contain {index} or {n} so that each image gets its own file"
            problems.append(Violation(param="path_template", rule=rule, value=text))
        if problems:
            raise ValidationError(problems)
        self.template = text
        self.partials = partials
        self.paths: list[Path] = []

    def save(self, event: object) -> None:
        """Write `event`'s image if it is one to keep (partials only when asked for)."""
        kind = event_kind(event)
        if kind == "other" or (kind == "partial" and not self.partials):
            return
        data = image_bytes(event)
        index = getattr(event, "partial_image_index", None) if kind == "partial" else "final"
        path = Path(
            self.template.format(
                index=index,
                kind="partial" if kind == "partial" else "final",
                ext=_extension(event, data),
                n=len(self.paths),
            )
        )
        write_atomic(path, data, make_parents=True)
        self.paths.append(path)
