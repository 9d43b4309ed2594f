"""The work of one bulk run: feeding records, sending requests with retries, counting.

`Run.feed` plans each record, refuses repeated ids and changed requests, and queues the
rest; `Run.work` sends them (each attempt waits at the shared `Gate`) and hands every
outcome to the `Committer`; `Run.committed` counts a record once it is durable.
"""

from __future__ import annotations

import collections
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from openai_images_sdk._exceptions import ValidationError

from ._attempts import GaveUp, paced_call
from ._commit import Committed, Committer
from ._keys import (
    ChangedRequestError,
    DuplicateRecordError,
    RecordKeys,
    describe_place,
    has_id,
    place_of,
)
from ._manifest import fingerprint_digest, key_digest
from ._pacing import Gate
from ._plan import PlanFailure, PlannedRequest, RequestPlanner
from ._preflight import failure_cause
from ._progress import BulkProgress
from ._records import BadRecord, Record

if TYPE_CHECKING:
    from anyio.abc import ObjectReceiveStream
    from anyio.streams.memory import MemoryObjectSendStream

    from openai_images_sdk._client import AsyncImagesClient

__all__ = ["Run"]


def _usage_numbers(usage: object) -> tuple[int, int, int]:
    def number(name: str) -> int:
        value = getattr(usage, name, None)
        return value if isinstance(value, int) else 0

    return number("input_tokens"), number("output_tokens"), number("total_tokens")


@attrs.define(kw_only=True)
class Run:
    """The mutable state of one run."""

    planner: RequestPlanner
    gate: Gate
    max_attempts: int
    progress: BulkProgress
    finished: Mapping[int, int]
    """`key_digest` of done keys -> `fingerprint_digest` of their request."""
    manifest_path: Path
    regenerate_changed: bool
    committer: Committer | None = None
    keys: RecordKeys = attrs.Factory(RecordKeys)
    ordinal: int = 0
    done: int = 0
    failed: int = 0
    skipped: int = 0
    regenerated: int = 0
    images: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0
    causes: collections.Counter[str] = attrs.Factory(collections.Counter[str])
    stop: ValidationError | None = None
    """What stopped the feed early (raised once the run has wound down)."""

    async def feed(
        self,
        first: list[tuple[Record | BadRecord, PlannedRequest | PlanFailure]],
        source: AsyncIterator[Record | BadRecord],
        send: MemoryObjectSendStream[PlannedRequest],
    ) -> None:
        async with send:
            try:
                for record, planned in first:
                    await self.take(record, planned, send)
                async for record in source:
                    await self.take(record, self.planner.plan(record), send)
            except (DuplicateRecordError, ChangedRequestError) as error:
                self.stop = error

    async def take(
        self,
        record: Record | BadRecord,
        planned: PlannedRequest | PlanFailure,
        send: MemoryObjectSendStream[PlannedRequest],
    ) -> None:
        self.ordinal += 1
        place = place_of(record, self.ordinal)
        if not self.keys.add(planned.key, place, explicit=has_id(record)):
            self.skipped += 1
            self.progress.update(skipped=1)
            return
        stored = self.finished.get(key_digest(planned.key))
        if stored is not None:
            current = (
                fingerprint_digest(planned.fingerprint)
                if isinstance(planned, PlannedRequest)
                else stored
            )
            if stored in (0, current):  # 0: written before fingerprints were kept
                self.skipped += 1
                self.progress.update(skipped=1)
                return
            if not self.regenerate_changed:
                raise ChangedRequestError(planned.key, describe_place(place), self.manifest_path)
            self.regenerated += 1
        assert self.committer is not None
        if isinstance(planned, PlanFailure):
            await self.committer.add_failure(planned.key, planned.error, attempts=0)
            return
        await send.send(planned)

    async def work(
        self, receive: ObjectReceiveStream[PlannedRequest], client: AsyncImagesClient
    ) -> None:
        async with receive:
            async for job in receive:
                await self.process(job, client)

    async def process(self, job: PlannedRequest, client: AsyncImagesClient) -> None:
        assert self.committer is not None
        method = getattr(client.images, job.operation)
        outcome = await paced_call(
            self.gate,
            lambda: method(**job.params),
            images=job.images,
            max_attempts=self.max_attempts,
        )
        if isinstance(outcome, GaveUp):
            await self.committer.add_failure(
                job.key, outcome.error, attempts=outcome.attempts, fingerprint=job.fingerprint
            )
            return
        response, attempts = outcome
        try:
            for image in getattr(response, "data", None) or ():
                if getattr(image, "url", None) and not getattr(image, "b64_json", None):
                    await image.adownload()  # url results; b64 ones need nothing
        except Exception as error:
            await self.committer.add_failure(
                job.key, error, attempts=attempts, fingerprint=job.fingerprint
            )
            return
        await self.committer.add_success(job, response, attempts)

    def committed(self, item: Committed) -> None:
        """Count a record once its outcome is durable."""
        if item.entry.status == "failed":
            self.failed += 1
            self.causes[failure_cause(item.error, item.entry.error)] += 1
            self.progress.update(failed=1)
            return
        tokens_in, tokens_out, tokens_total = _usage_numbers(item.usage)
        self.done += 1
        self.images += len(item.entry.paths)
        self.input_tokens += tokens_in
        self.output_tokens += tokens_out
        self.total_tokens += tokens_total
        self.progress.update(done=1, images=len(item.entry.paths))
