"""Types shared by every layer: the not-given sentinel, file inputs, request options."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Final, Literal, TypeAlias

import attrs
import httpx

__all__ = [
    "NOT_GIVEN",
    "Body",
    "FileContent",
    "FileTypes",
    "Headers",
    "ImageInfo",
    "NotGiven",
    "Omit",
    "Query",
    "RequestOptions",
    "ResponseMode",
    "TimeoutTypes",
    "ValidationMode",
]


class _Marker:
    """A falsy marker object: the base of `NotGiven` and `Omit`."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False


class NotGiven(_Marker):
    """The type of `NOT_GIVEN`: a parameter the caller left out (as opposed to `None`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class Omit(_Marker):
    """Given as a header value, removes a header the client would otherwise send."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Omit()"


FileContent: TypeAlias = "str | os.PathLike[str] | bytes | IO[bytes]"
"""A path, the bytes themselves, or a binary file object (seekable or not)."""

FileTypes: TypeAlias = (
    "FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]"
)
"""File content, or `(filename, content)`, or `(filename, content, content_type)`."""

Headers: TypeAlias = Mapping[str, "str | Omit"]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = Mapping[str, object]
TimeoutTypes: TypeAlias = "float | httpx.Timeout | None"
ValidationMode: TypeAlias = Literal["strict", "warn", "off"]
ResponseMode: TypeAlias = Literal["parsed", "raw", "streaming"]
"""How `_request` answers: the typed result, an `APIResponse` read whole, or one left unread."""


@attrs.frozen(kw_only=True)
class RequestOptions:
    """Per-call options every generated operation accepts besides the API's own fields."""

    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN
    validation: ValidationMode | NotGiven = NOT_GIVEN


@attrs.frozen(kw_only=True)
class ImageInfo:
    """What the SDK learned of one input file from its first bytes, without decoding pixels.

    `label` names the input in error messages, e.g. ``image[0] (cat.png)`` or ``mask``.
    """

    label: str
    filename: str
    content_type: str | None
    format: Literal["png", "jpeg", "webp", "gif"] | None
    width: int | None
    height: int | None
    size: int | None
    has_alpha: bool | None
