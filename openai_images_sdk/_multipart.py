"""A sans-I/O `multipart/form-data` encoder whose body streams files lazily.

`MultipartBody.encode(parts)` computes every part header once and the exact body
length from the file sizes, without reading any file. `iter_sync()` walks the
precomputed segments, reading each file in chunks as the socket takes them;
`iter_async()` runs that same walk in a worker thread a few chunks ahead of the socket.
Both return a fresh iterator per call, so a retried request resends every file from
its first byte.

The boundary is 32 random hex digits (128 bits). Form values and in-memory files are
checked for it and a new one drawn on a clash; files on disk are not read ahead of
time, and the chance that one contains `--` plus the boundary is about 2**-128.
"""

from __future__ import annotations

import enum
import json
import re
import secrets
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Final, Literal, TypeAlias, cast

import attrs

from ._inputs._sources import ASYNC_CHUNK_SIZE, CHUNK_SIZE, ThreadedChunks, UploadFile, _Bytes

__all__ = ["FilePart", "FormField", "MultipartBody", "Part", "form_fields", "format_value"]

_BOUNDARY_CHARS: Final = re.compile(r"[0-9A-Za-z'()+_,\-./:=?]{1,70}")
_MAX_BOUNDARY_DRAWS: Final = 8


@attrs.frozen(kw_only=True)
class FormField:
    """A plain form field: a name and its text value."""

    name: str
    value: str


@attrs.frozen(kw_only=True)
class FilePart:
    """A file part: the field name and the file sent under it."""

    name: str
    file: UploadFile


Part: TypeAlias = FormField | FilePart


def format_value(value: object) -> str:
    """A scalar as the API reads it in a form: ``true``/``false``, ``3``, ``0.5``, text."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return str(value)


def form_fields(
    name: str, value: object, *, style: Literal["brackets", "json"] | None = None
) -> list[FormField]:
    """The form fields for one JSON-like value; None sends nothing.

    A mapping becomes bracketed fields (``svg[model]``, ``svg[reasoning][effort]``), or
    one JSON-encoded field when `style` is ``"json"``; a list repeats ``name[]``.
    """
    if value is None:
        return []
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        if style == "json":
            return [FormField(name=name, value=json.dumps(mapping, separators=(",", ":")))]
        fields: list[FormField] = []
        for key, item in mapping.items():
            fields.extend(form_fields(f"{name}[{key}]", item, style=style))
        return fields
    if isinstance(value, (list, tuple)):
        items = cast("Sequence[object]", value)
        return [field for item in items for field in form_fields(f"{name}[]", item, style=style)]
    return [FormField(name=name, value=format_value(value))]


def _quote(text: str) -> bytes:
    # The WHATWG form encoding: UTF-8, with the three characters that would end the
    # quoted header parameter percent-escaped. A lone surrogate (an undecodable byte of a
    # path's name) becomes "?": the name is a label, the file's bytes are what count.
    escaped = text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    return escaped.encode("utf-8", "replace")


def _header(boundary: bytes, part: Part) -> bytes:
    disposition = b'Content-Disposition: form-data; name="' + _quote(part.name) + b'"'
    if isinstance(part, FormField):
        return b"--" + boundary + b"\r\n" + disposition + b"\r\n\r\n"
    return (
        b"--"
        + boundary
        + b"\r\n"
        + disposition
        + b'; filename="'
        + _quote(part.file.filename)
        + b'"\r\nContent-Type: '
        + part.file.content_type.encode("latin-1", "replace")
        + b"\r\n\r\n"
    )


@attrs.frozen(kw_only=True)
class MultipartBody:
    """An encoded multipart body: framing bytes interleaved with files still on disk."""

    boundary: str
    segments: tuple[bytes | UploadFile, ...]
    content_length: int

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value, boundary included."""
        return f"multipart/form-data; boundary={self.boundary}"

    @classmethod
    def encode(cls, parts: Sequence[Part], *, boundary: str | None = None) -> MultipartBody:
        """Lay out `parts` in order; `boundary` is drawn at random unless given (tests)."""
        in_memory = [p.value.encode() for p in parts if isinstance(p, FormField)]
        in_memory += [
            p.file.source.data
            for p in parts
            if isinstance(p, FilePart) and isinstance(p.file.source, _Bytes)
        ]
        if boundary is not None:
            if not _BOUNDARY_CHARS.fullmatch(boundary):
                raise ValueError(f"invalid multipart boundary: {boundary!r}")
            if _clashes(boundary, in_memory):
                raise ValueError(f"the boundary {boundary!r} occurs in the content")
        else:
            for _ in range(_MAX_BOUNDARY_DRAWS):
                boundary = secrets.token_hex(16)
                if not _clashes(boundary, in_memory):
                    break
            else:  # pragma: no cover - needs 8 consecutive 128-bit collisions
                raise RuntimeError("could not draw a multipart boundary")
        delimiter = boundary.encode()
        segments: list[bytes | UploadFile] = []
        pending = b""
        for part in parts:
            pending += _header(delimiter, part)
            if isinstance(part, FormField):
                pending += part.value.encode() + b"\r\n"
                continue
            segments.append(pending)
            segments.append(part.file)
            pending = b"\r\n"
        segments.append(pending + b"--" + delimiter + b"--\r\n")
        length = sum(s.size if isinstance(s, UploadFile) else len(s) for s in segments)
        return cls(boundary=boundary, segments=tuple(segments), content_length=length)

    def iter_sync(self, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
        """The body's bytes, files read lazily in `chunk_size` pieces; fresh per call."""
        for segment in self.segments:
            if isinstance(segment, UploadFile):
                yield from segment.iter_chunks(chunk_size)
            elif segment:
                yield segment

    def iter_async(self, chunk_size: int = ASYNC_CHUNK_SIZE) -> AsyncIterator[bytes]:
        """`iter_sync` driven from a worker thread that reads ahead; fresh per call."""
        return ThreadedChunks(self.iter_sync(chunk_size))


def _clashes(boundary: str, contents: Sequence[bytes]) -> bool:
    needle = b"--" + boundary.encode()
    return any(needle in content for content in contents)
