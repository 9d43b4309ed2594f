"""The bulk runner: many records through the async client, resumable and rate-limit aware.

Records stream through a bounded queue to `concurrency` workers; nothing holds more than
the records in flight. Each worker waits at the shared `Gate` (rate-limit pauses,
pacing, images-per-minute), sends the request with the client's own retries turned off
(the runner retries, so a 429 pauses every worker, not just one) and hands the outcome
to the `Committer`, which writes images and manifest lines in batches off the request
path; a record counts as done once both are durable. Ctrl-C loses no result that had
arrived: the committer finishes what it was handed.

Before anything is sent the run takes the folder's lock, reads the manifest (a damaged
one stops the run), and checks the first record for run-wide mistakes.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

import anyio
import anyio.to_thread
import attrs
import httpx

from openai_images_sdk._concurrency import run_sync
from openai_images_sdk._config import DEFAULT_LIMITS, POOL_HEADERS
from openai_images_sdk._exceptions import ValidationError, Violation
from openai_images_sdk._retries import MAX_RETRY_AFTER
from openai_images_sdk._types import ValidationMode

from ._attempts import retry_plan, worker_violations
from ._commit import Committer
from ._keys import ChangedRequestError, DuplicateRecordError, check_unique_ids
from ._lock import folder_lock
from ._manifest import ManifestWriter, done_fingerprints
from ._output import remove_partials
from ._pacing import Gate, Pacer
from ._plan import PlanFailure, PlannedRequest, RequestPlanner
from ._preflight import check_first_record, failure_summary
from ._progress import BulkProgress
from ._records import BadRecord, Record, RecordSource, aiter_records
from ._workers import Run

if TYPE_CHECKING:
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
    """Records done earlier with another request and sent again (``regenerate_changed``)."""
    failure_causes: Mapping[str, int] = attrs.field(factory=dict[str, int])
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
        httpx.AsyncClient(limits=DEFAULT_LIMITS, timeout=client.timeout, headers=POOL_HEADERS)
        for _ in range(count - 1)
    ]
    return [base, *(base.with_options(http_client=pool) for pool in pools)], pools


def _check_options(concurrency: int, max_attempts: int, max_pause: float) -> None:
    violations = worker_violations(concurrency, max_attempts)
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
    if isinstance(records, list | tuple):  # refused before anything is sent
        check_unique_ids(cast("Sequence[Record | BadRecord]", records))
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
            run = Run(
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
    run: Run,
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


run_bulk = run_sync(bulk_generate, "run_bulk")
