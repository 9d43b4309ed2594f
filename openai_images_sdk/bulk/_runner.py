"""The bulk runner: many records through the async client, resumable and rate-limit aware.

Records stream through a bounded queue to `concurrency` workers; nothing holds more than
the records in flight. Each worker waits at the shared `Gate` (rate-limit pauses,
pacing, images-per-minute), sends the request with the client's own retries turned off
(the runner retries, so a 429 pauses every worker, not just one), writes the images
atomically and appends the outcome to the manifest. Saving and the manifest append are
shielded from cancellation: Ctrl-C loses no result that had arrived.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import math
import os
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

import anyio
import anyio.lowlevel
import anyio.to_thread
import attrs
import httpx

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
from openai_images_sdk._types import ValidationMode

from ._commit import Committed, Committer
from ._lock import folder_lock
from ._manifest import ManifestWriter, done_fingerprints, fingerprint_digest, key_digest
from ._output import remove_partials
from ._pacing import Gate, Pacer
from ._plan import PlanFailure, PlannedRequest, RequestPlanner
from ._preflight import check_first_record, failure_cause, failure_summary
from ._progress import BulkProgress
from ._records import BadRecord, Record, RecordSource, aiter_records, record_line

if TYPE_CHECKING:
    from anyio.abc import ObjectReceiveStream
    from anyio.streams.memory import MemoryObjectSendStream

    from openai_images_sdk._client import AsyncImagesClient

__all__ = [
    "DEFAULT_MANIFEST",
    "BulkSummary",
    "ChangedRequestError",
    "DuplicateRecordError",
    "bulk_generate",
    "retry_plan",
    "run_bulk",
]

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
    regenerated: int = 0
    """Records done earlier with another request, done again (``regenerate_changed``)."""
    failure_causes: Mapping[str, int] = attrs.field(factory=dict)
    """Why records failed in this run: a short cause (no values) -> how many, most first."""

    def __str__(self) -> str:
        text = (
            f"{self.done} done, {self.failed} failed, {self.skipped} skipped; "
            f"{self.images} images, {self.total_tokens} tokens in {self.elapsed:.1f} s"
        )
        if self.failure_causes:
            text += "\nfailures by cause:\n" + "\n".join(
                f"  {line}" for line in failure_summary(self.failure_causes)
            )
        return text


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


class DuplicateRecordError(ValidationError):
    """Two records of one input have the same key (``id``); the input is refused."""

    def __init__(self, key: str, first: str, second: str) -> None:
        rule = (
            f"{first} and {second} have the same id {key!r}; ids must be unique in the "
            "input (a repeated id would silently be skipped)"
        )
        super().__init__([Violation(param="records", rule=rule, value=key)])
        self.args = (_stopped(self),)
        self.key = key


def _stopped(error: ValidationError) -> str:
    """The message of an error that can stop a run midway (records before it are kept)."""
    lines = "\n".join(f"  - {v}" for v in error.violations)
    return f"the run stopped (records finished before are kept in the manifest):\n{lines}"


class ChangedRequestError(ValidationError):
    """A record done in the manifest now asks for a different request."""

    def __init__(self, key: str, where: str, manifest: Path) -> None:
        rule = (
            f"{where} (id {key!r}) is done in {manifest}, but with other parameters, template "
            "or model than this run asks for; nothing more was sent. Re-run with "
            "regenerate_changed=True (--regenerate-changed) to redo changed records, or "
            "choose another output folder"
        )
        super().__init__([Violation(param="records", rule=rule, value=key)])
        self.args = (_stopped(self),)
        self.key = key


def _place(record: object, ordinal: int) -> int:
    """Where a record is: its line (positive) when read from a file, else -ordinal."""
    line = record_line(record)
    return line if line is not None else -ordinal


def _describe(place: int) -> str:
    return f"line {place}" if place > 0 else f"record {-place}"


class _Keys:
    """The keys of this run's input so far: a repeated one is refused."""

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}

    def add(self, key: str, place: int, *, explicit: bool) -> bool:
        """False for a repeat of an identical request without an id (skipped)."""
        digest = key_digest(key)
        first = self._seen.get(digest)
        if first is None:
            self._seen[digest] = place
            return True
        if explicit:
            raise DuplicateRecordError(key, _describe(first), _describe(place))
        return False


def _explicit(record: Record | BadRecord) -> bool:
    return not isinstance(record, BadRecord) and record.get("id") not in (None, "")


@attrs.define(kw_only=True)
class _Run:
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
    keys: _Keys = attrs.Factory(_Keys)
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
        place = _place(record, self.ordinal)
        if not self.keys.add(planned.key, place, explicit=_explicit(record)):
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
                raise ChangedRequestError(planned.key, _describe(place), self.manifest_path)
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
                    await self.committer.add_failure(
                        job.key, error, attempts=attempts, fingerprint=job.fingerprint
                    )
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
                    if getattr(image, "url", None) and not getattr(image, "b64_json", None):
                        await image.adownload()  # url results; b64 ones need nothing
            except Exception as error:
                await self.committer.add_failure(
                    job.key, error, attempts=attempts, fingerprint=job.fingerprint
                )
                return
            await self.committer.add_success(job, response, attempts)
            return

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


def _check_options(concurrency: int, max_attempts: int, max_pause: float) -> None:
    violations: list[Violation] = []
    if concurrency < 1:
        violations.append(
            Violation(param="concurrency", rule="must be 1 or more", value=concurrency)
        )
    if max_attempts < 1:
        violations.append(
            Violation(param="max_attempts", rule="must be 1 or more", value=max_attempts)
        )
    if not max_pause > 0:
        violations.append(
            Violation(param="max_pause", rule="must be above 0 seconds", value=max_pause)
        )
    if violations:
        raise ValidationError(violations)


async def _first_records(
    source: AsyncIterator[Record | BadRecord],
    planner: RequestPlanner,
    validation: ValidationMode,
) -> list[tuple[Record | BadRecord, PlannedRequest | PlanFailure]]:
    """The first record, planned and checked for run-wide mistakes (a bad line is skipped)."""
    taken: list[tuple[Record | BadRecord, PlannedRequest | PlanFailure]] = []
    async for record in source:
        planned = planner.plan(record)
        taken.append((record, planned))
        if not isinstance(record, BadRecord):
            check = functools.partial(check_first_record, validation=validation)
            await anyio.to_thread.run_sync(check, planner, record, planned)
            break
    return taken


async def _prescan(records: Sequence[Record | BadRecord], planner: RequestPlanner) -> None:
    """Refuse a list or tuple of records with a repeated key before anything is sent."""
    keys = _Keys()
    for ordinal, record in enumerate(records, start=1):
        keys.add(planner.plan(record).key, _place(record, ordinal), explicit=_explicit(record))
        if ordinal % 1000 == 0:
            await anyio.lowlevel.checkpoint()


async def _tick(bar: BulkProgress) -> None:
    while True:
        await anyio.sleep(1.0)
        bar.refresh()


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
    max_pause: float = MAX_RETRY_AFTER,
    regenerate_changed: bool = False,
    **params: object,
) -> BulkSummary:
    """Generate (or edit) images for every record, `concurrency` requests at a time.

    :param records: dicts (an iterable or async iterable, read lazily), e.g. from
        `read_records`. See `RequestPlanner` for how a record becomes a request: the
        `prompt` template filled from its fields, its own parameter overrides, edits when
        it has ``image``. Keys (``id``) must be unique: a repeated one stops the run
        (`DuplicateRecordError`; a list or tuple is checked before anything is sent).
    :param out: folder for the images, named after each record's key. One run at a time
        per folder: a second one raises `FolderBusyError`.
    :param manifest: the JSONL manifest (default ``out/manifest.jsonl``); records it lists
        as done are skipped, so re-running the same call finishes what is left. A damaged
        manifest raises `ManifestError` before anything is changed.
    :param images_per_minute: a ceiling on images started per minute.
    :param client: an `AsyncImagesClient` (default: one from the environment, closed at
        the end). Its own retries are turned off for the run; `max_attempts` applies.
    :param base_dir: relative image paths of edits are resolved against it.
    :param progress: a progress bar on stderr: True, False, None for "when a terminal",
        or your own `BulkProgress`. `total` is the record count, for the bar and ETA.
    :param max_pause: the longest one rate-limit pause may last, in seconds, whatever
        ``Retry-After`` or the reset headers ask for (the client's own cap by default).
    :param regenerate_changed: redo records the manifest has done with a different
        request (other template, parameters or model); by default such a record stops the
        run with `ChangedRequestError`.
    :param params: parameters for every request (``model``, ``size``, ``quality``, ...).

    Raises `ValidationError` for bad options, and for a run-wide mistake found in the
    first record's request (a size the model refuses, a template field it lacks), before
    anything is sent; a record that fails on its own is recorded in the manifest and
    never stops the run (`BulkSummary.failure_causes` counts why).
    """
    _check_options(concurrency, max_attempts, max_pause)
    planner = RequestPlanner(prompt=prompt, params=params, base_dir=base_dir)
    pacer = Pacer(images_per_minute=images_per_minute, low_water=concurrency, max_pause=max_pause)
    folder = Path(out)
    manifest_path = Path(manifest) if manifest is not None else folder / DEFAULT_MANIFEST
    if isinstance(records, list | tuple):
        await _prescan(cast("Sequence[Record | BadRecord]", records), planner)
    if total is None and isinstance(records, Sequence):
        total = len(cast("Sequence[object]", records))
    owned = client is None
    if client is None:
        from openai_images_sdk._client import AsyncImagesClient

        client = AsyncImagesClient()
    started = time.monotonic()
    pools: list[httpx.AsyncClient] = []
    try:
        with folder_lock(folder, manifest_path.parent):
            finished = await anyio.to_thread.run_sync(done_fingerprints, manifest_path)
            bar = (
                progress
                if isinstance(progress, BulkProgress)
                else BulkProgress(total=total, enabled=progress)
            )
            bar.pause_left = lambda: pacer.pause_left(time.monotonic())
            run = _Run(
                planner=planner,
                gate=Gate(pacer),
                max_attempts=max_attempts,
                progress=bar,
                finished=finished,
                manifest_path=manifest_path,
                regenerate_changed=regenerate_changed,
            )
            async with contextlib.aclosing(aiter_records(records)) as source:
                validation = cast("ValidationMode", getattr(client, "validation", "strict"))
                first = await _first_records(source, planner, validation)
                remove_partials(folder)
                writer = ManifestWriter(manifest_path)
                committer = Committer(
                    writer,
                    out=os.fspath(folder),
                    on_commit=run.committed,
                    high_water=concurrency * 4,
                )
                run.committer = committer
                try:
                    clients, pools = _shards(client, concurrency)
                    await _run_all(
                        run,
                        committer,
                        first=first,
                        source=source,
                        clients=clients,
                        concurrency=concurrency,
                    )
                finally:
                    try:
                        await committer.close()
                    finally:
                        writer.close()
                        bar.close()
    finally:
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
        regenerated=run.regenerated,
        failure_causes=dict(run.causes.most_common()),
    )


async def _run_all(
    run: _Run,
    committer: Committer,
    *,
    first: list[tuple[Record | BadRecord, PlannedRequest | PlanFailure]],
    source: AsyncIterator[Record | BadRecord],
    clients: Sequence[AsyncImagesClient],
    concurrency: int,
) -> None:
    async with anyio.create_task_group() as outer:
        outer.start_soon(committer.run)
        if run.progress.enabled:
            outer.start_soon(_tick, run.progress)
        send, receive = anyio.create_memory_object_stream[PlannedRequest](concurrency)
        async with anyio.create_task_group() as group:
            for index in range(concurrency):
                group.start_soon(run.work, receive.clone(), clients[index % len(clients)])
            receive.close()
            await run.feed(first, source, send)
            if run.stop is not None:
                group.cancel_scope.cancel()  # requests in flight are not done: not recorded
        await committer.close()
        outer.cancel_scope.cancel()
    if run.stop is not None:
        raise run.stop


def run_bulk(
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
    max_pause: float = MAX_RETRY_AFTER,
    regenerate_changed: bool = False,
    **params: object,
) -> BulkSummary:
    """`bulk_generate` from synchronous code (runs its own event loop); same arguments."""
    call = functools.partial(
        bulk_generate,
        records,
        prompt=prompt,
        out=out,
        manifest=manifest,
        concurrency=concurrency,
        images_per_minute=images_per_minute,
        client=client,
        max_attempts=max_attempts,
        base_dir=base_dir,
        progress=progress,
        total=total,
        max_pause=max_pause,
        regenerate_changed=regenerate_changed,
        **params,
    )
    return anyio.run(call)
