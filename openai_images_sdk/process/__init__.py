"""The stream processor: the SDK as a long-running image step of a pipeline engine.

It speaks the protocol of Redpanda Connect's ``subprocess`` processor: framed messages
on stdin, exactly one reply per message on stdout (framed the same way, in input order),
or one line on stderr that marks the message failed. From the command line::

    openai-images process --codec length_prefixed_uint32_be --model gpt-image-2

From Python, `process_stream` runs the same engine over any `ByteSource` and
`ReplySink` (`PipeReader` and `StdioSink` are the stdio ones)::

    summary = await process_stream(
        PipeReader(0), StdioSink(),
        client=client,
        decoder=decoder_for("netstring"),
        codec_out="netstring",
        mapper=MessageMapper(message="json", prompt="{title} on white", params={"size": "1024x1024"}),
        replies=ReplyBuilder("image"),
        concurrency=8,
    )

See docs/stream-processor.md for the engine configuration and what each reply holds.
"""

from __future__ import annotations

from ._codecs import (
    CODECS,
    DEFAULT_MAX_SIZE,
    Codec,
    Decoder,
    FramingError,
    TooLarge,
    decoder_for,
    encode,
)
from ._engine import ProcessSummary, process_stream
from ._mapping import MESSAGE_FORMATS, Job, MessageFailure, MessageFormat, MessageMapper
from ._replies import FAILURE_PREFIX, REPLY_KINDS, ReplyBuilder, ReplyKind, failure_line
from ._stdio import ByteSource, PipeReader, ReplySink, StdioSink
from ._window import OrderedWindow

__all__ = [
    "CODECS",
    "DEFAULT_MAX_SIZE",
    "FAILURE_PREFIX",
    "MESSAGE_FORMATS",
    "REPLY_KINDS",
    "ByteSource",
    "Codec",
    "Decoder",
    "FramingError",
    "Job",
    "MessageFailure",
    "MessageFormat",
    "MessageMapper",
    "OrderedWindow",
    "PipeReader",
    "ProcessSummary",
    "ReplyBuilder",
    "ReplyKind",
    "ReplySink",
    "StdioSink",
    "TooLarge",
    "decoder_for",
    "encode",
    "failure_line",
    "process_stream",
]
