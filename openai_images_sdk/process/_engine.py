"""The stream processor: framed messages in, one reply or failure line out per message, in order.

One reader admits messages into the `OrderedWindow` (never more than `concurrency` read
and unanswered), a task per admitted message sends its request, and one writer sends the
outcomes in input order. Requests go through the bulk runner's shared `Gate` (a 429 pauses
every request, rate-limit headers spread starts) and its `paced_call`; the client's own
retries are off. When the input ends, or `stop` is set (SIGTERM), reading stops and every
message already read is answered before `process_stream` returns.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import anyio
import attrs

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk.bulk._attempts import GaveUp, paced_call, worker_violations
from openai_images_sdk.bulk._pacing import Gate, Pacer
from openai_images_sdk.bulk._runner import _shards

from ._codecs import Codec, Decoder, FramingError, TooLarge, encode
from ._mapping import Job, MessageFailure, MessageMapper
from ._replies import ReplyBuilder, describe_error, failure_line
from ._stdio import ByteSource, ReplySink
from ._window import OrderedWindow

if TYPE_CHECKING:
    from anyio.abc import TaskGroup

    from openai_images_sdk._client import AsyncImagesClient

__all__ = ["ProcessSummary", "process_stream"]


@attrs.frozen(kw_only=True)
class ProcessSummary:
    """What one run of the stream processor did."""

    messages: int
    """Messages read (each got a reply or a failure line)."""
    replied: int
    failed: int
    stopped: bool
    """Reading ended on `stop` (SIGTERM) rather than at the end of the input."""
    framing_error: str | None
    """Why reading stopped on bad framing (the message after the last good one failed)."""
    most_open: int
    """The most messages ever read and not yet answered (at most the concurrency)."""
    rate_limit_pauses: int
    elapsed: float


@attrs.frozen
class _Reply:
    frame: bytes


_Outcome = _Reply | MessageFailure


class _Wake:
    """An edge-triggered wake-up: `wait` returns after the next (or a pending) `set`."""

    def __init__(self) -> None:
        self._event = anyio.Event()

    def set(self) -> None:
        self._event.set()

    async def wait(self) -> None:
        await self._event.wait()
        self._event = anyio.Event()


@attrs.define(kw_only=True)
class _Run:
    source: ByteSource
    sink: ReplySink
    decoder: Decoder
    codec_out: Codec
    mapper: MessageMapper
    replies: ReplyBuilder
    clients: list[AsyncImagesClient]
    gate: Gate
    max_attempts: int
    extras: Mapping[str, object]
    secrets: tuple[str, ...]
    window: OrderedWindow[_Outcome]
    room: _Wake = attrs.Factory(_Wake)
    ready: _Wake = attrs.Factory(_Wake)
    reading: bool = True
    ended: bool = False
    """The input has ended: `read` returned b"" and the decoder was finished."""
    replied: int = 0
    failed: int = 0
    most_open: int = 0
    framing_error: str | None = None

    async def next_message(self) -> bytes | TooLarge | None:
        while True:
            message = self.decoder.next_message()
            if message is not None:
                return message
            if self.ended:
                return None
            chunk = await self.source.read()
            if not chunk:
                self.ended = True
                return self.decoder.finish()
            self.decoder.feed(chunk)

    async def read(self, group: TaskGroup) -> None:
        while True:
            while not self.window.room:
                await self.room.wait()
            try:
                message = await self.next_message()
            except FramingError as error:
                self.framing_error = str(error)
                index = self.window.admit()
                self.finish(index, MessageFailure(index=index, id=None, cause=str(error)))
                return
            if message is None:
                return
            index = self.window.admit()
            self.most_open = max(self.most_open, self.window.open)
            mapped = self.mapper.map(index, message)
            if isinstance(mapped, MessageFailure):
                self.finish(index, mapped)
            else:
                group.start_soon(self.work, mapped)

    def finish(self, index: int, outcome: _Outcome) -> None:
        self.window.complete(index, outcome)
        self.ready.set()

    async def work(self, job: Job) -> None:
        outcome: _Outcome
        try:
            response = await self.call(job)
            outcome = _Reply(encode(self.codec_out, await self.replies.build(job, response)))
        except Exception as error:
            outcome = MessageFailure(index=job.index, id=job.id, cause=describe_error(error))
        self.finish(job.index, outcome)

    async def call(self, job: Job) -> Any:
        client = self.clients[job.index % len(self.clients)]
        method = getattr(client.images, job.request.operation)
        outcome = await paced_call(
            self.gate,
            lambda: method(**job.request.params, **self.extras),
            images=job.request.images,
            max_attempts=self.max_attempts,
        )
        if isinstance(outcome, GaveUp):
            raise outcome.error
        return outcome[0]

    async def write(self) -> None:
        while True:
            taken = self.window.take()
            if taken is None:
                if not self.reading and self.window.open == 0:
                    return
                await self.ready.wait()
                continue
            index, outcome = taken
            if isinstance(outcome, _Reply):
                await self.sink.reply(outcome.frame)
                self.replied += 1
            else:
                await self.sink.fail(failure_line(outcome, self.secrets))
                self.failed += 1
            self.window.release(index)
            self.room.set()


async def process_stream(
    source: ByteSource,
    sink: ReplySink,
    *,
    client: AsyncImagesClient,
    decoder: Decoder,
    codec_out: Codec,
    mapper: MessageMapper,
    replies: ReplyBuilder,
    concurrency: int = 1,
    max_attempts: int = 5,
    images_per_minute: float | None = None,
    extras: Mapping[str, object] | None = None,
    secrets: Iterable[str] = (),
    stop: anyio.Event | None = None,
) -> ProcessSummary:
    """Answer every message of `source` on `sink`, in input order, until the input ends.

    :param decoder: splits `source` into messages (`decoder_for`); `codec_out` frames
        the replies (`encode`).
    :param mapper: message -> request (`MessageMapper`); `replies` makes the reply
        payload (`ReplyBuilder`).
    :param concurrency: requests in flight, and the most messages read ahead of their
        replies.
    :param max_attempts: tries per message on 429, 5xx and connection errors (the
        client's own retries are turned off).
    :param extras: ``extra_headers`` / ``extra_body`` for every request.
    :param secrets: strings removed from failure lines.
    :param stop: when set, no more messages are read; those already read are answered.
    """
    violations = worker_violations(concurrency, max_attempts)
    if violations:
        raise ValidationError(violations)
    started = time.monotonic()
    pacer = Pacer(images_per_minute=images_per_minute, low_water=concurrency)
    clients, pools = _shards(client, concurrency)
    run = _Run(
        source=source,
        sink=sink,
        decoder=decoder,
        codec_out=codec_out,
        mapper=mapper,
        replies=replies,
        clients=clients,
        gate=Gate(pacer),
        max_attempts=max_attempts,
        extras=dict(extras or {}),
        secrets=tuple(secrets),
        window=OrderedWindow(concurrency),
    )
    reading = anyio.CancelScope()
    try:
        async with anyio.create_task_group() as group:
            group.start_soon(run.write)
            async with anyio.create_task_group() as watcher:
                with reading:
                    if stop is not None:
                        watcher.start_soon(_cancel_on, stop, reading)
                    await run.read(group)
                watcher.cancel_scope.cancel()
            run.reading = False
            run.ready.set()
    finally:
        for pool in pools:
            await pool.aclose()
    return ProcessSummary(
        messages=run.window.admitted,
        replied=run.replied,
        failed=run.failed,
        stopped=reading.cancelled_caught,
        framing_error=run.framing_error,
        most_open=run.most_open,
        rate_limit_pauses=pacer.pauses,
        elapsed=time.monotonic() - started,
    )


async def _cancel_on(event: anyio.Event, scope: anyio.CancelScope) -> None:
    await event.wait()
    scope.cancel()
