"""The Batch API pipeline: submit records as batches, follow them, collect the images.

`submit_batches` writes the input files (split by the Batch API's limits and by
endpoint), uploads each (``POST /files``, purpose ``batch``) and creates its batch
(``POST /batches``, 24h window), saving a state file after every step: re-running it
after a crash resumes where it stopped. `collect_batches` polls with backoff, downloads
the output and error files and writes images and manifest lines exactly like the bulk
runner, so the two can be mixed on one output folder; optionally it then deletes the
batch's files from the API. `cancel_batches` (in ``_batch_cancel``) stops a submission.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import time
from collections.abc import AsyncGenerator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import anyio
import anyio.to_thread
import attrs

from openai_images_sdk._exceptions import ValidationError, Violation

from ._batch_build import (
    ENDPOINTS,
    MAX_BATCH_BYTES,
    MAX_BATCH_REQUESTS,
    BatchFileSplitter,
    batch_line,
    markup_violation,
)
from ._batch_cleanup import Cleanup
from ._batch_collect import Collector
from ._batch_state import STATE_FILE, BatchPart, BatchState, state_dir_for
from ._lock import folder_lock
from ._manifest import (
    AsyncManifest,
    ManifestEntry,
    ManifestWriter,
    done_keys,
    error_info,
    key_digest,
)
from ._plan import PlanFailure, RequestPlanner
from ._progress import CollectProgress
from ._records import RecordSource, aiter_records
from ._runner import DEFAULT_MANIFEST

if TYPE_CHECKING:
    from openai_images_sdk._client import AsyncImagesClient
    from openai_images_sdk._generated.models import Batch, OpenAIFile

__all__ = [
    "BatchCollectSummary",
    "BatchPart",
    "BatchState",
    "BatchSubmitSummary",
    "batch_status",
    "collect_batches",
    "submit_batches",
]

ENDED: Final = frozenset({"completed", "failed", "expired", "cancelled"})
_TAG_KEY: Final = "openai_images_sdk_part"
_FIND_PAGES: Final = 5


@attrs.frozen(kw_only=True)
class BatchSubmitSummary:
    """What `submit_batches` did."""

    batch_ids: tuple[str, ...]
    """Every batch of the submission (including ones an earlier, interrupted run made)."""
    requests: int
    """Requests in the input files."""
    failed: int
    """Records refused before submitting (recorded as failed in the manifest)."""
    skipped: int
    """Records already done, or repeated in the input."""
    state: Path


@attrs.frozen(kw_only=True)
class BatchCollectSummary:
    """What `collect_batches` did."""

    done: int
    failed: int
    skipped: int
    images: int
    total_tokens: int
    pending: tuple[str, ...]
    """Batches that had not ended (with ``wait=False``, or when `timeout` ran out)."""
    statuses: Mapping[str, str]
    """Each batch's last seen status."""
    deleted_files: tuple[str, ...] = ()
    """API files deleted after their batch was collected (``delete_files=True``)."""
    delete_errors: Mapping[str, str] = attrs.field(factory=dict[str, str])
    """Files not deleted: file id -> why (a later collect with `delete_files` retries)."""


@contextlib.asynccontextmanager
async def client_scope(client: AsyncImagesClient | None) -> AsyncGenerator[AsyncImagesClient]:
    """The caller's client, or one made from the environment and closed afterwards."""
    if client is not None:
        yield client
        return
    from openai_images_sdk._client import AsyncImagesClient

    async with AsyncImagesClient() as owned:
        yield owned


def _slug(endpoint: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", endpoint.lower()).strip("-")


async def _upload(client: AsyncImagesClient, path: Path) -> OpenAIFile:
    """Upload a batch input file (``POST /files``, purpose ``batch``)."""
    return await client.files.create(file=(path.name, path, "application/jsonl"), purpose="batch")


async def find_batch(client: AsyncImagesClient, tag: str) -> Batch | None:
    """A batch an interrupted submit created for this part, found by its metadata tag."""
    after: str | None = None
    for _ in range(_FIND_PAGES):
        page = await (
            client.batches.list(limit=100, after=after) if after else client.batches.list(limit=100)
        )
        for batch in page.data:
            if (batch.metadata or {}).get(_TAG_KEY) == tag:
                return batch
        if not page.has_more or not page.data:
            return None
        after = page.data[-1].id
    return None


async def _build(
    *,
    state: BatchState,
    folder: Path,
    records: RecordSource,
    planner: RequestPlanner,
    manifest: AsyncManifest,
    client: AsyncImagesClient,
    limits: tuple[int, int],
) -> tuple[int, int]:
    """Write the input parts; returns (records refused, records skipped)."""
    for stale in folder.glob(f"{state.token}-*.jsonl"):
        stale.unlink()
    splitters = {
        endpoint: BatchFileSplitter(
            folder,
            prefix=f"{state.token}-{_slug(endpoint)}",
            max_requests=limits[0],
            max_bytes=limits[1],
        )
        for endpoint in ENDPOINTS.values()
    }
    seen = done_keys(manifest.path)
    failed = skipped = 0
    async with contextlib.aclosing(aiter_records(records)) as source:
        async for record in source:
            planned = planner.plan(record)
            digest = key_digest(planned.key)
            if digest in seen:
                skipped += 1
                continue
            seen.add(digest)
            try:
                if isinstance(planned, PlanFailure):
                    raise planned.error
                splitter = splitters[ENDPOINTS[planned.operation]]
                build = functools.partial(batch_line, planned, validation=client.validation)
                line = await anyio.to_thread.run_sync(build)
                if not splitter.fits(line):
                    raise ValidationError([_too_large(len(line), splitter.max_bytes)])
            except ValidationError as error:
                await manifest.append(_failure(planned.key, error))
                failed += 1
                continue
            splitter.add(line)
    for endpoint, splitter in splitters.items():
        for index, part in enumerate(splitter.close()):
            state.parts.append(
                BatchPart(
                    path=str(part.path),
                    endpoint=endpoint,
                    requests=part.requests,
                    bytes=part.bytes,
                    tag=f"{state.token}-{_slug(endpoint)}-{index + 1}",
                )
            )
    state.built = True
    return failed, skipped


def _too_large(size: int, limit: int) -> Violation:
    rule = f"its request is {size} bytes; a batch input file holds at most {limit}"
    return Violation(param="record", rule=rule, value=size)


def _failure(key: str, error: BaseException) -> ManifestEntry:
    return ManifestEntry(key=key, status="failed", error=error_info(error), attempts=0)


async def submit_batches(
    records: RecordSource,
    *,
    prompt: str | None = None,
    out: str | os.PathLike[str] = ".",
    manifest: str | os.PathLike[str] | None = None,
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    metadata: Mapping[str, str] | None = None,
    max_requests: int = MAX_BATCH_REQUESTS,
    max_bytes: int = MAX_BATCH_BYTES,
    **params: object,
) -> BatchSubmitSummary:
    """Submit records to the Batch API: build input files, upload them, create batches.

    Records, `prompt`, `base_dir` and `params` work as in `bulk_generate`; each record's
    key is its batch ``custom_id``. Records done in the manifest are skipped; records that
    break the API's rules are recorded as failed and not sent. Input files hold at most
    `max_requests` requests and `max_bytes` bytes (the API's limits by default).
    A re-run after an interruption resumes the same submission; once it is collected, a
    re-run starts a new one.
    """
    if params.get("markup") is not None:
        raise ValidationError([markup_violation(params["markup"])])
    folder = state_dir_for(out, state_dir)
    state_path = folder / STATE_FILE
    state = BatchState.load(state_path)
    if state is None or state.finished:
        state = BatchState()
    elif not state.built:
        state = BatchState(token=state.token)  # the parts were cut short: write them again
    # else: the parts are written; upload and create only what is missing
    planner = RequestPlanner(prompt=prompt, params=params, base_dir=base_dir)
    manifest_path = Path(manifest) if manifest is not None else Path(out) / DEFAULT_MANIFEST
    failed = skipped = 0
    async with client_scope(client) as api:
        if not state.built:
            writer = ManifestWriter(manifest_path)
            try:
                failed, skipped = await _build(
                    state=state,
                    folder=folder,
                    records=records,
                    planner=planner,
                    manifest=AsyncManifest(writer),
                    client=api,
                    limits=(max_requests, max_bytes),
                )
            finally:
                writer.close()
            state.save(state_path)
        for part in state.parts:
            if part.batch_id is not None or part.abandoned:
                continue
            resumed = part.input_file_id is not None
            if part.input_file_id is None:
                uploaded = await _upload(api, Path(part.path))
                part.input_file_id = uploaded.id
                state.save(state_path)
            batch = await find_batch(api, part.tag) if resumed else None
            if batch is None:
                batch = await api.batches.create(
                    input_file_id=part.input_file_id,
                    endpoint=part.endpoint,
                    completion_window="24h",
                    metadata={**(metadata or {}), _TAG_KEY: part.tag},
                )
            part.batch_id, part.status = batch.id, str(batch.status)
            state.save(state_path)
    return BatchSubmitSummary(
        batch_ids=tuple(p.batch_id for p in state.parts if p.batch_id),
        requests=sum(p.requests for p in state.parts),
        failed=failed,
        skipped=skipped,
        state=state_path,
    )


def load_state(
    out: str | os.PathLike[str], state_dir: str | os.PathLike[str] | None
) -> tuple[BatchState, Path]:
    """The saved submission and its path; `ValidationError` when there is none."""
    path = state_dir_for(out, state_dir) / STATE_FILE
    state = BatchState.load(path)
    if state is None:
        raise ValidationError(
            [Violation(param="state", rule=f"no batch submission found ({path} is missing)")]
        )
    return state, path


async def batch_status(
    *,
    out: str | os.PathLike[str] = ".",
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
) -> list[Batch]:
    """The current state of every batch of the submission in `out` (one request each)."""
    state, path = load_state(out, state_dir)
    found: list[Batch] = []
    async with client_scope(client) as api:
        for part in state.parts:
            if part.batch_id is None:
                continue
            batch = await api.batches.retrieve(batch_id=part.batch_id)
            part.status = str(batch.status)
            found.append(batch)
    state.save(path)
    return found


async def _wait_for(
    api: AsyncImagesClient,
    batch_id: str,
    *,
    wait: bool,
    interval: float,
    max_interval: float,
    deadline: float | None,
    status: CollectProgress,
) -> Batch:
    """Poll a batch until it ends, or until waiting is over; returns its last state."""
    while True:
        batch = await api.batches.retrieve(batch_id=batch_id)
        ended = str(batch.status) in ENDED
        status.polled(batch.id, str(batch.status), batch.request_counts, ended=ended)
        if ended:
            return batch
        left = None if deadline is None else deadline - time.monotonic()
        if not wait or (left is not None and left <= 0):
            return batch
        await _sleep_redrawing(interval if left is None else min(interval, left), status)
        interval = min(interval * 1.5, max_interval)


async def _sleep_redrawing(seconds: float, status: CollectProgress) -> None:
    """Sleep `seconds`, redrawing the status line every second when it is shown."""
    if not status.enabled:
        await anyio.sleep(seconds)
        return
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        await anyio.sleep(min(1.0, left))
        status.refresh()


async def collect_batches(
    *,
    out: str | os.PathLike[str] = ".",
    manifest: str | os.PathLike[str] | None = None,
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
    wait: bool = True,
    poll_interval: float = 5.0,
    max_poll_interval: float = 60.0,
    timeout: float | None = None,
    delete_files: bool = False,
    progress: bool | CollectProgress | None = None,
) -> BatchCollectSummary:
    """Wait for the submission's batches to end and save their images into `out`.

    Polls each batch (every `poll_interval` seconds, growing 1.5x up to
    `max_poll_interval`), downloads its output and error files, saves the images named
    after their keys and appends manifest lines. Requests a failed, expired or cancelled
    batch never ran are recorded as failed. With ``wait=False`` batches that have not
    ended are left for a later call (`pending`). Collecting twice writes nothing twice.
    With ``delete_files=True``, once a batch's results are saved and recorded, its input,
    output and error files are deleted from the API; failures are reported in the summary.
    `progress` is a status line on stderr (batches ended, request counts, time waited):
    True, False, None for "when a terminal", or your own `CollectProgress`.
    """
    state, path = load_state(out, state_dir)
    status = (
        progress
        if isinstance(progress, CollectProgress)
        else CollectProgress(
            batches=sum(1 for p in state.parts if p.batch_id is not None), enabled=progress
        )
    )
    folder = Path(out)
    manifest_path = Path(manifest) if manifest is not None else folder / DEFAULT_MANIFEST
    deadline = None if timeout is None else time.monotonic() + timeout
    with folder_lock(folder, manifest_path.parent):
        return await _collect_locked(
            state=state,
            path=path,
            folder=folder,
            manifest_path=manifest_path,
            client=client,
            wait=wait,
            intervals=(poll_interval, max_poll_interval),
            deadline=deadline,
            delete_files=delete_files,
            status=status,
        )


async def _collect_locked(
    *,
    state: BatchState,
    path: Path,
    folder: Path,
    manifest_path: Path,
    client: AsyncImagesClient | None,
    wait: bool,
    intervals: tuple[float, float],
    deadline: float | None,
    delete_files: bool,
    status: CollectProgress,
) -> BatchCollectSummary:
    poll_interval, max_poll_interval = intervals
    collector = Collector(out=folder, manifest=manifest_path)
    cleanup = Cleanup()
    pending: list[str] = []
    statuses: dict[str, str] = {}
    try:
        async with client_scope(client) as api:
            for part in state.parts:
                if not part.collected and part.abandoned:
                    await collector.abandon(part)
                    _collected(part, state, path)
                elif not part.collected and part.batch_id is not None:
                    batch = await _wait_for(
                        api,
                        part.batch_id,
                        wait=wait,
                        interval=poll_interval,
                        max_interval=max_poll_interval,
                        deadline=deadline,
                        status=status,
                    )
                    part.status = str(batch.status)
                    if part.status not in ENDED:
                        pending.append(batch.id)
                    else:
                        unsaved = collector.unsaved
                        await collector.collect(api, part, batch)
                        part.output_file_id = batch.output_file_id
                        part.error_file_id = batch.error_file_id
                        part.unsaved = collector.unsaved - unsaved
                        _collected(part, state, path)
                        status.saved = collector.done
                        status.refresh()
                if part.batch_id is not None and part.status is not None:
                    statuses[part.batch_id] = part.status
                if delete_files and part.collected and not part.files_deleted:
                    await cleanup.delete_files(api, part)
                    state.save(path)
    finally:
        status.close()
        collector.close()
        state.save(path)
    return BatchCollectSummary(
        done=collector.done,
        failed=collector.failed,
        skipped=collector.skipped,
        images=collector.images,
        total_tokens=collector.total_tokens,
        pending=tuple(pending),
        statuses=statuses,
        deleted_files=tuple(cleanup.deleted),
        delete_errors=dict(cleanup.errors),
    )


def _collected(part: BatchPart, state: BatchState, path: Path) -> None:
    """Mark a part collected (its results are on disk) and drop its local input file."""
    part.collected = True
    state.save(path)
    Path(part.path).unlink(missing_ok=True)
