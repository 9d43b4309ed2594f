"""A sans-I/O multipart/form-data parser: feed bytes as they arrive, collect the parts.

Part bodies are copied out of the buffer as soon as they cannot hold the delimiter, so a
50 MB file passes through in chunks and is stored once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, Literal

import attrs

__all__ = ["FormDataError", "FormPart", "MultipartParser", "boundary_of", "parse_form_data"]

_MAX_HEADER_BYTES: Final = 16 * 1024
_TOKEN: Final = re.compile(r'\s*;\s*([^=;\s]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;]*))?')


class FormDataError(ValueError):
    """The body is not well-formed multipart/form-data."""


@attrs.frozen(kw_only=True)
class FormPart:
    """One part: its field name, file name and content type (for files), and its bytes."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes

    @property
    def is_file(self) -> bool:
        """Whether the part was sent as a file (it has a `filename` parameter)."""
        return self.filename is not None

    def text(self) -> str:
        """The part's bytes as UTF-8 text."""
        return self.data.decode("utf-8", errors="replace")


def _header_params(value: str) -> tuple[str, dict[str, str]]:
    """`form-data; name="a"; filename="b.png"` -> ("form-data", {"name": "a", ...})."""
    head, _, rest = value.partition(";")
    params: dict[str, str] = {}
    for match in _TOKEN.finditer(";" + rest):
        key, raw = match.group(1).lower(), (match.group(2) or "").strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        params[key] = raw
    if "filename*" in params:  # RFC 5987: charset'language'percent-encoded
        from urllib.parse import unquote

        charset, _, encoded = params["filename*"].partition("'")
        params["filename"] = unquote(encoded.partition("'")[2], encoding=charset or "utf-8")
    return head.strip().lower(), params


def boundary_of(content_type: str) -> str:
    """The boundary of a multipart/form-data content type; FormDataError when missing."""
    kind, params = _header_params(content_type)
    if kind != "multipart/form-data":
        raise FormDataError(f"expected multipart/form-data, got {kind or 'nothing'}")
    boundary = params.get("boundary", "")
    if not boundary or len(boundary) > 200:
        raise FormDataError("the multipart boundary is missing or too long")
    return boundary


class MultipartParser:
    """Incremental parser: `feed()` chunks in any sizes, then `finish()` for the parts."""

    def __init__(self, boundary: str, *, max_part_size: int | None = None) -> None:
        self._dash_boundary = b"--" + boundary.encode("latin-1")
        self._delimiter = b"\r\n" + self._dash_boundary
        self._buffer = bytearray()
        self._state: Literal["preamble", "headers", "body", "after", "done"] = "preamble"
        self._max_part_size = max_part_size
        self._headers: dict[str, str] = {}
        self._data = bytearray()
        self.parts: list[FormPart] = []

    def feed(self, chunk: bytes) -> None:
        """Consume more of the body."""
        if self._state == "done":
            return  # the epilogue is ignored
        self._buffer += chunk
        while self._step():
            pass

    def finish(self) -> list[FormPart]:
        """The parts, once the closing delimiter has been seen; FormDataError otherwise."""
        if self._state != "done":
            raise FormDataError("the body ended before the closing multipart boundary")
        return self.parts

    def _step(self) -> bool:
        """Advance by one token if the buffer holds it; False when more bytes are needed."""
        buf = self._buffer
        if self._state == "preamble":
            # The first delimiter may start the body directly (no preceding CRLF).
            at = buf.find(self._dash_boundary)
            if at < 0:
                keep = len(self._dash_boundary)
                del buf[: max(0, len(buf) - keep)]
                return False
            del buf[: at + len(self._dash_boundary)]
            self._state = "after"
            return True
        if self._state == "after":
            if len(buf) < 2:
                return False
            if buf.startswith(b"--"):
                self._state = "done"
                buf.clear()
                return False
            end = buf.find(b"\r\n")
            if end < 0:
                if len(buf) > 1024:
                    raise FormDataError("junk after a multipart boundary")
                return False
            if buf[:end].strip(b" \t"):  # only transport padding may follow a boundary
                raise FormDataError("junk after a multipart boundary")
            del buf[: end + 2]
            self._state = "headers"
            return True
        if self._state == "headers":
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                if len(buf) > _MAX_HEADER_BYTES:
                    raise FormDataError("multipart part headers are too long")
                return False
            self._headers = self._parse_headers(bytes(buf[:end]))
            del buf[: end + 4]
            self._state = "body"
            return True
        if self._state == "body":
            at = buf.find(self._delimiter)
            if at < 0:
                safe = len(buf) - len(self._delimiter) + 1
                if safe > 0:
                    self._append(buf[:safe])
                    del buf[:safe]
                return False
            self._append(buf[:at])
            del buf[: at + len(self._delimiter)]
            self._close_part()
            self._state = "after"
            return True
        return False

    def _append(self, data: bytearray) -> None:
        self._data += data
        if self._max_part_size is not None and len(self._data) > self._max_part_size:
            raise FormDataError(f"a multipart part is larger than {self._max_part_size} bytes")

    def _parse_headers(self, block: bytes) -> dict[str, str]:
        headers: dict[str, str] = {}
        text = block.decode("utf-8", errors="replace")
        for line in text.split("\r\n") if text else []:
            name, sep, value = line.partition(":")
            if not sep:
                raise FormDataError(f"malformed multipart header line: {line[:80]!r}")
            headers[name.strip().lower()] = value.strip()
        return headers

    def _close_part(self) -> None:
        disposition = self._headers.get("content-disposition")
        if disposition is None:
            raise FormDataError("a multipart part has no Content-Disposition header")
        kind, params = _header_params(disposition)
        if kind != "form-data" or "name" not in params:
            raise FormDataError("a multipart part is not a named form-data field")
        self.parts.append(
            FormPart(
                name=params["name"],
                filename=params.get("filename"),
                content_type=self._headers.get("content-type"),
                data=bytes(self._data),
            )
        )
        self._data = bytearray()
        self._headers = {}


def parse_form_data(
    content_type: str, chunks: Iterable[bytes], *, max_part_size: int | None = None
) -> list[FormPart]:
    """All parts of a multipart/form-data body given as chunks."""
    parser = MultipartParser(boundary_of(content_type), max_part_size=max_part_size)
    for chunk in chunks:
        parser.feed(chunk)
    return parser.finish()
