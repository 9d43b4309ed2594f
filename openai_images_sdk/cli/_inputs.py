"""Image inputs on the command line: local files, or references by URL or Files API id.

An image option whose parameter the operation also takes in its JSON body (``--image`` and
``--mask`` of ``edit``) accepts, besides a path, a reference (`image_source`):

1. a value starting with ``http://``, ``https://`` or ``data:`` is a URL, sent as
   ``{"image_url": ...}`` (never read as a path);
2. otherwise a value naming an existing local file is that file, uploaded;
3. otherwise ``file-`` followed by letters, digits, ``-`` or ``_`` (a Files API id such as
   ``file-abc123``) is sent as ``{"file_id": ...}``.

Files go in a multipart body and references in a JSON body, so the inputs of one call
are all files or all references (`check_mixed_inputs`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, TypeAlias, cast
from urllib.parse import urlsplit

from openai_images_sdk._exceptions import ValidationError

__all__ = [
    "REFERENCE_HELP",
    "ImageSource",
    "check_mixed_inputs",
    "existing_file",
    "image_source",
    "is_reference",
]

ImageSource: TypeAlias = Path | dict[str, str]
"""A local file, or a reference: ``{"image_url": URL}`` or ``{"file_id": ID}``."""

FILE_ID: Final = re.compile(r"file-[A-Za-z0-9][A-Za-z0-9_-]*")
REFERENCE_HELP: Final = (
    "each a local file to upload or a reference: an http(s):// or data: URL, or a Files API "
    "id like file-abc123 unless a local file has that name; one call takes only files or "
    "only references"
)
_SHOWN_CHARS: Final = 80


def _shown(value: str) -> str:
    """`value` cut short for an error message (a data: URL can be megabytes long)."""
    return value if len(value) <= _SHOWN_CHARS else value[: _SHOWN_CHARS - 3] + "..."


def existing_file(value: str) -> Path:
    """argparse type: a path to a readable file."""
    path = Path(value).expanduser()
    if path.is_file():
        return path
    if path.exists():
        raise argparse.ArgumentTypeError(f"not a file: {_shown(value)}")
    if _url_scheme(value) is not None or FILE_ID.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"takes a local file only (not a URL or file id): no such file: {_shown(value)}"
        )
    raise argparse.ArgumentTypeError(f"no such file: {_shown(value)}")


def _url_scheme(value: str) -> str | None:
    scheme, sep, _ = value.partition(":")
    lowered = scheme.lower()
    return lowered if sep and lowered in ("http", "https", "data") else None


def image_source(value: str) -> ImageSource:
    """argparse type: a local file, an ``image_url`` reference or a ``file_id`` reference.

    The rule is in the module docstring; URLs come first, then local files, then ids.
    """
    scheme = _url_scheme(value)
    if scheme is not None:
        # Schemes are case-insensitive (RFC 3986); the API and servers compare them lowered.
        url = scheme + value[len(scheme) :]
        if scheme == "data":
            if "," not in url:
                raise argparse.ArgumentTypeError(
                    "a data: URL holds its content after a comma "
                    f"(data:image/png;base64,...): {_shown(value)}"
                )
        elif not url.startswith(f"{scheme}://") or not urlsplit(url).hostname:
            raise argparse.ArgumentTypeError(
                f"not a valid {scheme} URL (expected {scheme}://HOST/PATH): {_shown(value)}"
            )
        return {"image_url": url}
    path = Path(value).expanduser()
    if path.is_file():
        return path
    if FILE_ID.fullmatch(value):
        return {"file_id": value}
    if path.exists():
        raise argparse.ArgumentTypeError(f"not a file: {_shown(value)}")
    raise argparse.ArgumentTypeError(
        f"no such file: {_shown(value)} (give a local file, an http(s):// or data: URL, "
        "or a Files API id such as file-abc123)"
    )


def is_reference(value: object) -> bool:
    """Whether an input made by `image_source` is a reference (not a local file)."""
    return isinstance(value, Mapping) and bool(
        {"image_url", "file_id"} & set(cast("Mapping[str, object]", value))
    )


def check_mixed_inputs(given: Sequence[tuple[str, str, object]]) -> None:
    """Refuse a call whose image inputs are partly local files and partly references.

    `given` holds ``(parameter, option, value)`` for every image option given, in option
    order; a value is one input or a list of them. The first input decides; each input
    of the other sort becomes a `Violation`. Raises `ValidationError`.
    """
    from openai_images_sdk._inputs._checks import mixed_inputs  # not loaded by --help

    seen: list[tuple[str, str, bool]] = []  # (parameter, "--image #2", is a reference)
    for param, flag, value in given:
        items = cast("list[object]", value) if isinstance(value, list) else [value]
        for index, item in enumerate(items, start=1):
            label = f"{flag} #{index}" if len(items) > 1 else flag
            seen.append((param, label, is_reference(item)))
    if not seen:
        return
    _, first_label, first_ref = seen[0]
    what = {True: "a reference (URL or file id)", False: "a local file"}
    options = ", ".join(dict.fromkeys(flag for _, flag, _ in given))

    def rule(param: str, label: str, ref: bool) -> str:
        return (
            f"{label} is {what[ref]} but {first_label} is {what[first_ref]}; give every "
            f"input ({options}) as local files (uploaded) or every one as a reference "
            "(http(s):// or data: URL, or Files API id; sent as JSON)"
        )

    violations = mixed_inputs(seen, rule)
    if violations:
        raise ValidationError(violations)
