"""A sans-I/O decoder of `text/event-stream` bodies (the WHATWG server-sent events rules).

Feed it the bytes as they arrive, in chunks of any size, and it hands back every event
whose terminating blank line has been seen. The work is linear in the bytes fed: each
chunk is searched once for line ends, and a long line is kept as a list of its chunks
and joined once when its end arrives, so a multi-megabyte `data:` line costs one copy.
"""

from __future__ import annotations

import json
import re
import secrets
from typing import Final, cast

import attrs

from ._config import DEFAULT_MAX_EVENT_BYTES

__all__ = ["DEFAULT_MAX_EVENT_BYTES", "EventTooLargeError", "SSEDecoder", "ServerSentEvent"]

"""The most bytes one event may hold before the decoder gives up: 64 MiB, well above the
largest image the API returns (3840x2160 RGBA is about 44 MB as base64)."""

_BOM: Final = b"\xef\xbb\xbf"
_LF: Final = 0x0A


@attrs.frozen(kw_only=True)
class ServerSentEvent:
    """One dispatched event: its `event:` name, `data:` lines joined by LF, last `id:`, `retry:`.

    The data is kept as the bytes received (`data_bytes`) and decoded only when `data` is
    read, so a multi-megabyte payload can go to a JSON parser without an extra copy.
    """

    event: str | None = None
    """The `event:` field, or None when the event had none (the WHATWG default "message")."""
    data_bytes: bytes = b""
    """The `data:` lines joined by LF, as received (UTF-8)."""
    id: str | None = None
    """The last event id seen on the stream so far (it carries over between events)."""
    retry: int | None = None
    """The reconnection time in milliseconds the event set, if any."""

    @property
    def data(self) -> str:
        """`data_bytes` decoded as UTF-8, invalid bytes replaced (decoded on each access)."""
        return str(self.data_bytes, "utf-8", "replace")

    def json(self) -> object:
        """`data` parsed as JSON (raises `ValueError` when it is not JSON).

        A long top-level `b64_json` string (an image) is cut out at memchr speed instead of
        going through the JSON scanner, which reads about 1 GB/s.
        """
        return _loads(self.data_bytes)


_BIG_KEY: Final = b'"b64_json"'
_BIG_VALUE_START: Final = re.compile(rb'"b64_json"[ \t\r\n]*:[ \t\r\n]*"')
_FAST_MIN: Final = 1 << 16
_HOLE: Final = "\x00" + secrets.token_hex(16)
"""Stands in for a cut-out image string; random, so no server sends it by chance."""
_HOLE_JSON: Final = json.dumps(_HOLE).encode()


def _loads(data: bytes) -> object:
    # Base64 holds no quote or backslash, so the string's end is one memchr away and only
    # the rest goes through the scanner. Any other shape (escapes, non-ASCII, a nested or
    # repeated key) parses the whole text.
    if len(data) >= _FAST_MIN:
        key = data.find(_BIG_KEY)
        found = _BIG_VALUE_START.match(data, key) if key >= 0 else None
        if found is not None:
            start = found.end()
            end = data.find(b'"', start)
            if end > 0 and data.find(b"\\", start, end) < 0:
                try:
                    image = str(memoryview(data)[start:end], "ascii")
                    rest: object = json.loads(data[: start - 1] + _HOLE_JSON + data[end + 1 :])
                except ValueError:
                    pass
                else:
                    obj = cast("dict[str, object]", rest) if isinstance(rest, dict) else {}
                    if obj.get("b64_json") == _HOLE:
                        obj["b64_json"] = image
                        return obj
    return json.loads(str(data, "utf-8", "replace"))


class EventTooLargeError(ValueError):
    """One event (or one unterminated line) grew past the decoder's limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"a server-sent event grew past {limit:,} bytes without ending; "
            "raise max_event_bytes if the server really sends events that large"
        )
        self.limit = limit


def _text(raw: bytes) -> str:
    return str(raw, "utf-8", "replace")


class SSEDecoder:
    """Turns event-stream bytes into `ServerSentEvent`s; one instance per stream.

    `feed()` returns the events completed by a chunk; `finish()`, called once at the end
    of the body, returns the last event when the body ended without its blank line.
    An event, or a line, that holds more than `max_event_bytes` raises
    `EventTooLargeError` (None: no limit).
    """

    def __init__(self, *, max_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES) -> None:
        self._limit = max_event_bytes
        self._line_bytes = 0
        """Bytes of the unfinished line held in `_pieces`."""
        self._data_bytes = 0
        """Bytes of `data:` values of the current event (reset at each dispatch)."""
        self._pieces: list[bytes] = []
        """The current line so far: chunk tails not yet ended by a line break."""
        self._after_cr = False
        """The last chunk ended with CR, so an LF opening the next one ends no new line."""
        self._head = b""
        """Up to two first bytes of the body, held while they could still be a BOM."""
        self._started = False
        self._event: str | None = None
        self._data: list[bytes] = []
        self._has_data = False
        self._retry: int | None = None
        self._last_id: str | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode one chunk of the body; return the events it completed, in order."""
        if self._pieces and not self._after_cr and b"\n" not in chunk and b"\r" not in chunk:
            # The middle of a long line (a multi-megabyte image): nothing to split.
            self._hold_line(len(chunk))
            self._pieces.append(chunk)
            return []
        if not self._started:
            chunk = self._strip_bom(chunk)
            if not self._started:
                return []
        events: list[ServerSentEvent] = []
        end = len(chunk)
        if not end:
            return events
        start = 0
        if self._after_cr:
            self._after_cr = False
            if chunk[0] == _LF:
                start = 1
        # Positions of the next LF and CR; each is searched again only once passed, so
        # every byte is scanned at most once per character however many lines there are.
        lf = chunk.find(b"\n", start)
        cr = chunk.find(b"\r", start)
        while lf >= 0 or cr >= 0:
            if cr < 0 or 0 <= lf < cr:
                stop = lf
                start_next = lf + 1
                lf = chunk.find(b"\n", start_next)
            else:
                stop = cr
                start_next = cr + 1
                if start_next == end:
                    self._after_cr = True
                elif chunk[start_next] == _LF:
                    start_next += 1
                    lf = chunk.find(b"\n", start_next)
                cr = chunk.find(b"\r", start_next)
            if self._pieces:
                self._pieces.append(chunk[start:stop])
                self._long_line(events)
            else:
                self._line(chunk[start:stop], events)
            start = start_next
        if start < end:
            self._hold_line(end - start)
            self._pieces.append(chunk[start:] if start else chunk)
        return events

    def _hold_line(self, size: int) -> None:
        self._line_bytes += size
        if self._limit is not None and self._line_bytes + self._data_bytes > self._limit:
            raise EventTooLargeError(self._limit)

    def _hold_data(self, size: int) -> None:
        self._data_bytes += size
        if self._limit is not None and self._data_bytes > self._limit:
            raise EventTooLargeError(self._limit)

    def finish(self) -> list[ServerSentEvent]:
        """End of the body: dispatch a last event that lacked its terminating blank line."""
        events: list[ServerSentEvent] = []
        if not self._started:
            self._started = True
            if self._head:
                self._pieces.append(self._head)
                self._head = b""
        if self._pieces:
            self._long_line(events)
        self._line(b"", events)
        self._after_cr = False
        return events

    def _strip_bom(self, chunk: bytes) -> bytes:
        head = self._head + chunk if self._head else chunk
        if len(head) < len(_BOM) and _BOM.startswith(head):
            self._head = head
            return b""
        self._head = b""
        self._started = True
        return head[len(_BOM) :] if head.startswith(_BOM) else head

    def _long_line(self, events: list[ServerSentEvent]) -> None:
        pieces = self._pieces
        self._pieces = []
        self._line_bytes = 0
        first = pieces[0]
        colon = first.find(b":")
        # A data line spread over chunks is joined once, its "data: " prefix cut from the
        # first piece beforehand, so the value is never copied again.
        if 0 < colon < len(first) - 1 and first[:colon] == b"data":
            pieces[0] = first[colon + 2 :] if first[colon + 1] == 0x20 else first[colon + 1 :]
            value = b"".join(pieces)
            self._hold_data(len(value))
            self._data.append(value)
            self._has_data = True
        else:
            self._line(b"".join(pieces), events)

    def _line(self, line: bytes, events: list[ServerSentEvent]) -> None:
        if not line:
            if self._has_data:
                events.append(
                    ServerSentEvent(
                        event=self._event,
                        data_bytes=b"\n".join(self._data),
                        id=self._last_id,
                        retry=self._retry,
                    )
                )
            self._event = None
            self._data = []
            self._has_data = False
            self._retry = None
            self._data_bytes = 0
            return
        colon = line.find(b":")
        if colon == 0:
            return
        if colon < 0:
            name = line
            value = b""
        else:
            name = line[:colon]
            value_at = colon + 1
            if value_at < len(line) and line[value_at] == 0x20:
                value_at += 1
            value = line[value_at:]
        if name == b"data":
            self._hold_data(len(value))
            self._data.append(value)
            self._has_data = True
        elif name == b"event":
            self._event = _text(value) or None
        elif name == b"id":
            if b"\x00" not in value:
                self._last_id = _text(value)
        elif name == b"retry" and value.isdigit():
            self._retry = int(value)
