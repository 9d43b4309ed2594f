"""The bulk runner: many records through the async client, resumable and rate-limit aware.

Records stream through a bounded queue to `concurrency` workers; nothing holds more than
the records in flight. Each worker waits at the shared `Gate` (rate-limit pauses,
pacing, images-per-minute), sends the request with the client's own retries turned off
(the runner retries, so a 429 pauses every worker, not just one), writes the images
atomically and appends the outcome to the manifest. Saving and the manifest append are
shielded from cancellation: Ctrl-C loses no result that had arrived.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import anyio
import anyio.to_thread
import attrs
import httpx

from openai_images_sdk._concurrency import run_sync
from openai_images_sdk._config import DEFAULT_LIMITS
from openai_images_sdk._exceptions import (
    APIConnectionError,
    APIStatusError,
    ValidationError,
    Violation,
)
from openai_images_sdk._ratelimits import RateLimits
from openai_images_sdk._retries import (
    MAX_RETRY_AFTER,
    backoff_delay,
    is_retryable_status,
    retry_after_seconds,
)

from ._manifest import (
    AsyncManifest,
    ManifestEntry,
    ManifestWriter,
    done_keys,
    error_info,
    key_digest,
)
from ._output import image_paths, remove_partials, write_file_atomic
from ._pacing import Gate, Pacer
from ._plan import PlanFailure, PlannedRequest, RequestPlanner, file_stem
from ._progress import BulkProgress
from ._records import RecordSource, aiter_records

if TYPE_CHECKING:
    from anyio.abc import ObjectReceiveStream
    from anyio.streams.memory import MemoryObjectSendStream

    from openai_images_sdk._client import AsyncImagesClient

__all__ = ["DEFAULT_MANIFEST", "BulkSummary", "bulk_generate", "retry_plan", "run_bulk"]

DEFAULT_MANIFEST = "manifest.jsonl"
"""The manifest's name inside the output folder when no path is given."""
SHARD_CONNECTIONS = 16
"""Workers per connection pool (see `_shards`)."""


@attrs.frozen(kw_only=True)
class BulkSummary:
    """What a bulk run did."""

    done: int
    """Records finished in this run."""
    failed: int
    """Records that failed in this run (recorded in the manifest; a re-run retries them)."""
    skipped: int
    """Records already done (by an earlier run, or earlier in this input)."""
    images: int
    input_tokens: int
    output_tokens: int
    total_tokens: int
    elapsed: float
    """Seconds."""
    rate_limit_pauses: int
    """How often every worker paused for a rate limit."""
    out: Path
    manifest: Path

    def __str__(self) -> str:
        return (
            f"{self.done} done, {self.failed} failed, {self.skipped} skipped; "
            f"{self.images} images, {self.total_tokens} tokens in {self.elapsed:.1f} s"
        )


def retry_plan(error: Exception, attempts: int, max_attempts: int) -> tuple[float, bool] | None:
    """After a failed attempt: ``(seconds to wait, pause every worker)``, or None to give up.

    429 pauses everyone for ``Retry-After`` (else the reset header, else backoff); 408,
    409, 5xx and connection errors back off for this record only; ``x-should-retry`` wins.
    A 429 for an exhausted quota (code ``insufficient_quota``) is final.
    """
    if attempts >= max_attempts:
        return None
    if isinstance(error, APIStatusError):
        headers = error.response.headers
        if not is_retryable_status(error.status_code, headers):
            return None
        asked = retry_after_seconds(headers)
        if error.status_code == 429:
            if error.code == "insufficient_quota":
                return None
            limits = RateLimits.from_headers(headers)
            wait = asked if asked is not None else limits.reset_requests
            return (wait if wait is not None else backoff_delay(attempts - 1), True)
        if asked is not None and asked <= MAX_RETRY_AFTER:
            return asked, False
        return backoff_delay(attempts - 1), False
    if isinstance(error, APIConnectionError):
        return backoff_delay(attempts - 1), False
    return None


def _usage_numbers(usage: object) -> tuple[int, int, int]:
    def number(name: str) -> int:
        value = getattr(usage, name, None)
        return value if isinstance(value, int) else 0

    return number("input_tokens"), number("output_tokens"), number("total_tokens")


@attrs.define(kw_only=True)
class _Run:
    """The mutable state of one run."""

    planner: RequestPlanner
    manifest: AsyncManifest
    gate: Gate
    out: Path
    max_attempts: int
    progress: BulkProgress
    seen: set[int]
    done: int = 0
    failed: int = 0
    skipped: int = 0
    images: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0

    async def feed(
        self, records: RecordSource, send: MemoryObjectSendStream[PlannedRequest]
    ) -> None:
        async with send, contextlib.aclosing(aiter_records(records)) as source:
            async for record in source:
                planned = self.planner.plan(record)
                digest = key_digest(planned.key)
                if digest in self.seen:
                    self.skipped += 1
                    self.progress.update(skipped=1)
                    continue
                self.seen.add(digest)
                if isinstance(planned, PlanFailure):
                    await self.record_failure(planned.key, planned.error, attempts=0)
                    continue
                await send.send(planned)

    async def work(
        self, receive: ObjectReceiveStream[PlannedRequest], client: AsyncImagesClient
    ) -> None:
        async with receive:
            async for job in receive:
                await self.process(job, client)

    async def process(self, job: PlannedRequest, client: AsyncImagesClient) -> None:
        method = getattr(client.images, job.operation)
        attempts = 0
        while True:
            attempts += 1
            await self.gate.wait(job.images)
            try:
                response = await method(**job.params)
            except Exception as error:
                limits = (
                    RateLimits.from_headers(error.response.headers)
                    if isinstance(error, APIStatusError)
                    else None
                )
                self.gate.release(limits)
                plan = retry_plan(error, attempts, self.max_attempts)
                if plan is None:
                    await self.record_failure(job.key, error, attempts=attempts)
                    return
                wait, pause_all = plan
                if pause_all:
                    self.gate.pause(wait)
                else:
                    await anyio.sleep(wait)
                continue
            except BaseException:
                self.gate.release()
                raise
            self.gate.release(response.rate_limits)
            try:
                for image in getattr(response, "data", None) or ():
                    await image.adownload()  # url results; b64 ones need nothing
            except Exception as error:
                await self.record_failure(job.key, error, attempts=attempts)
                return
            await self.record_success(job, response, attempts)
            return

    async def record_success(self, job: PlannedRequest, response: Any, attempts: int) -> None:
        from openai_images_sdk._converter import unstructure

        usage = getattr(response, "usage", None)
        paths: list[str] = []
        with anyio.CancelScope(shield=True):
            try:
                paths = await anyio.to_thread.run_sync(self._save, job, response)
            except Exception as error:  # a full disk, a response without images
                await self.record_failure(job.key, error, attempts=attempts)
                return
            entry = ManifestEntry(
                key=job.key,
                status="done",
                paths=tuple(paths),
                usage=cast("Mapping[str, object] | None", unstructure(usage) if usage else None),
                request_id=getattr(response, "request_id", None),
                attempts=attempts,
            )
            await self.manifest.append(entry)
        tokens_in, tokens_out, tokens_total = _usage_numbers(usage)
        self.done += 1
        self.images += len(paths)
        self.input_tokens += tokens_in
        self.output_tokens += tokens_out
        self.total_tokens += tokens_total
        self.progress.update(done=1, images=len(paths))

    def _save(self, job: PlannedRequest, response: Any) -> list[str]:
        images: Sequence[Any] = getattr(response, "data", None) or ()
        if not images:
            raise ValueError("the response contained no images")
        data = [image.bytes() for image in images]
        paths = image_paths(self.out, file_stem(job.key), data, response.output_format)
        for path, content in zip(paths, data, strict=True):
            write_file_atomic(path, content)
        return paths

    async def record_failure(self, key: str, error: BaseException, *, attempts: int) -> None:
        entry = ManifestEntry(key=key, status="failed", error=error_info(error), attempts=attempts)
        await self.manifest.append(entry)
        self.failed += 1
        self.progress.update(failed=1)


def _shards(
    client: AsyncImagesClient, concurrency: int
) -> tuple[list[AsyncImagesClient], list[httpx.AsyncClient]]:
    """Copies of `client` (retries off) over several connection pools, and the new pools.

    httpcore's pool does work proportional to its connections for every request it
    starts or ends, and more for idle ones, so one pool of 64 busy connections costs
    far more CPU than four of 16. A client with its own pool gets extra pools like it
    (same limits and timeout); a client given an `httpx.AsyncClient` keeps only that one.
    """
    base = client.with_options(max_retries=0)
    count = math.ceil(concurrency / SHARD_CONNECTIONS)
    if count <= 1 or not getattr(client, "_owns_http_client", False):
        return [base], []
    pools = [
        httpx.AsyncClient(limits=DEFAULT_LIMITS, timeout=client.timeout) for _ in range(count - 1)
    ]
    return [base, *(base.with_options(http_client=pool) for pool in pools)], pools


def _check_options(concurrency: int, max_attempts: int) -> None:
    violations: list[Violation] = []
    if concurrency < 1:
        violations.append(
            Violation(param="concurrency", rule="must be 1 or more", value=concurrency)
        )
    if max_attempts < 1:
        violations.append(
            Violation(param="max_attempts", rule="must be 1 or more", value=max_attempts)
        )
    if violations:
        raise ValidationError(violations)


async def bulk_generate(
    records: RecordSource,
    *,
    prompt: str | None = None,
    out: str | os.PathLike[str] = ".",
    manifest: str | os.PathLike[str] | None = None,
    concurrency: int = 16,
    images_per_minute: float | None = None,
    client: AsyncImagesClient | None = None,
    max_attempts: int = 5,
    base_dir: str | os.PathLike[str] | None = None,
    progress: bool | BulkProgress | None = None,
    total: int | None = None,
    **params: object,
) -> BulkSummary:
    """Generate (or edit) images for every record, `concurrency` requests at a time.

    :param records: dicts (an iterable or async iterable, read lazily), e.g. from
        `read_records`. See `RequestPlanner` for how a record becomes a request: the
        `prompt` template filled from its fields, its own parameter overrides, edits when
        it has ``image``.
    :param out: folder for the images, named after each record's key.
    :param manifest: the JSONL manifest (default ``out/manifest.jsonl``); records it lists
        as done are skipped, so re-running the same call finishes what is left.
    :param images_per_minute: a ceiling on images started per minute.
    :param client: an `AsyncImagesClient` (default: one from the environment, closed at
        the end). Its own retries are turned off for the run; `max_attempts` applies.
    :param base_dir: relative image paths of edits are resolved against it.
    :param progress: a progress bar on stderr: True, False, None for "when a terminal",
        or your own `BulkProgress`. `total` is the record count, for the bar and ETA.
    :param params: parameters for every request (``model``, ``size``, ``quality``, ...).

    Raises `ValidationError` for bad options before anything is sent; a record that
    fails is recorded in the manifest and never stops the run.
    """
    _check_options(concurrency, max_attempts)
    planner = RequestPlanner(prompt=prompt, params=params, base_dir=base_dir)
    pacer = Pacer(images_per_minute=images_per_minute, low_water=concurrency)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    remove_partials(folder)
    manifest_path = Path(manifest) if manifest is not None else folder / DEFAULT_MANIFEST
    if total is None and isinstance(records, Sequence):
        total = len(cast("Sequence[object]", records))
    bar = (
        progress
        if isinstance(progress, BulkProgress)
        else BulkProgress(total=total, enabled=progress)
    )
    owned = client is None
    if client is None:
        from openai_images_sdk._client import AsyncImagesClient

        client = AsyncImagesClient()
    writer = ManifestWriter(manifest_path)
    started = time.monotonic()
    pools: list[httpx.AsyncClient] = []
    try:
        clients, pools = _shards(client, concurrency)
        run = _Run(
            planner=planner,
            manifest=AsyncManifest(writer),
            gate=Gate(pacer),
            out=folder,
            max_attempts=max_attempts,
            progress=bar,
            seen=done_keys(manifest_path),
        )
        send, receive = anyio.create_memory_object_stream[PlannedRequest](concurrency)
        async with anyio.create_task_group() as group:
            for index in range(concurrency):
                group.start_soon(run.work, receive.clone(), clients[index % len(clients)])
            receive.close()
            await run.feed(records, send)
    finally:
        writer.close()
        bar.close()
        for pool in pools:
            await pool.aclose()
        if owned:
            await client.aclose()
    return BulkSummary(
        done=run.done,
        failed=run.failed,
        skipped=run.skipped,
        images=run.images,
        input_tokens=run.input_tokens,
        output_tokens=run.output_tokens,
        total_tokens=run.total_tokens,
        elapsed=time.monotonic() - started,
        rate_limit_pauses=pacer.pauses,
        out=folder,
        manifest=manifest_path,
    )


run_bulk = run_sync(bulk_generate, "run_bulk")
