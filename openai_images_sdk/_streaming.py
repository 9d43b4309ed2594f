"""Typed iterators over a streamed (`text/event-stream`) response.

`Stream` and `AsyncStream` differ only in how they read bytes (`_stream_reads`); everything
else (content type check, SSE decoding, JSON, typed events, error events, truncation) is
the sans-I/O `_stream_core.StreamCore` they share, and `save_to` writes files with
`_stream_files.Saver`. `AsyncStream` is written in `_async/streaming.py`; `Stream` is
generated from it.

Rules every stream follows:

- The content type is checked when iteration starts: a 2xx answer that is not
  `text/event-stream` raises `APIResponseValidationError` (with the start of its body)
  from the first `next()` / `until_done()` / `save_to()`, after closing the response.
- Events of a `type` the union does not know are kept in `unknown_events` and logged at
  DEBUG on the `openai_images_sdk` logger; they are never yielded.
- An `error` event, or data carrying an `error` object or `"type": "error"`, raises
  `APIError` with the server's message and code.
- A body that ends early (transport error, an unterminated last event that is not whole
  JSON, or no `*.completed` event at all) raises `APIConnectionError` naming how many
  events arrived.
- The response is closed by: reading to the end, any error, `close()` / `aclose()` (`AsyncStream.close()` is awaitable),
  leaving a `with` / `async with` block, and (sync) leaving a `for` loop early. An
  `async for` left early keeps its place (trio would report a dropped async generator):
  close with `async with` or `aclose()`; a stream dropped unclosed is closed by the
  event loop's async-generator finalizer.
"""

from __future__ import annotations

from ._async.streaming import AsyncStream
from ._stream_core import EventDecoder
from ._stream_files import image_bytes
from ._sync.streaming import Stream

__all__ = ["AsyncStream", "EventDecoder", "Stream", "image_bytes"]
