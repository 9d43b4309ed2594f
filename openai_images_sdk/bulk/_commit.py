"""Group commit: the bulk runner's image files and manifest lines, off the request path.

A worker hands a finished response (or a failure) to the `Committer` without waiting and
goes on to its next request. One task takes everything handed in since its last commit
and, in one trip to a worker thread (with up to `WRITERS` helper threads of its own),
decodes and writes the images (each to a temporary file, fsynced, renamed into place),
fsyncs the folder once so the renames are durable, then appends all the manifest lines
with one fsync. Only then does a record count as done:
what the manifest says is done is on disk, whatever happens after.

Handing in is a plain list append, so cancellation can never lose a result that had
arrived; `close` commits whatever is left, shielded from cancellation.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final, cast

import anyio
import anyio.to_thread
import attrs

from ._manifest import ManifestEntry, ManifestWriter, error_info
from ._output import image_paths, write_file_atomic
from ._plan import PlannedRequest, file_stem

__all__ = ["WRITERS", "Committed", "Committer"]

WRITERS: Final = 16
"""Threads writing one batch's image files at once."""


@attrs.frozen(kw_only=True)
class _Success:
    job: PlannedRequest
    response: Any
    attempts: int


@attrs.frozen(kw_only=True)
class _Failure:
    key: str
    error: BaseException
    attempts: int
    fingerprint: str | None


@attrs.frozen(kw_only=True)
class Committed:
    """A record made durable: its manifest entry, and the error when it failed."""

    entry: ManifestEntry
    usage: object = None
    error: BaseException | None = None


def _fsync_folder(folder: str) -> None:
    if os.name != "posix":  # pragma: no cover - folders cannot be opened on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Committer:
    """Makes results durable in batches; `on_commit` sees each record once it is."""

    def __init__(
        self,
        writer: ManifestWriter,
        *,
        out: str,
        on_commit: Callable[[Committed], None],
        high_water: int,
        writers: int = WRITERS,
    ) -> None:
        self._writer = writer
        self._out = out
        self._on_commit = on_commit
        self._high_water = max(1, high_water)
        self._pending: list[_Success | _Failure] = []
        self._wakeup = anyio.Event()
        self._drained = anyio.Event()
        self._closing = False
        self._lock = anyio.Lock()
        self._writers = max(1, writers)
        self._pool: ThreadPoolExecutor | None = None

    async def add_success(self, job: PlannedRequest, response: Any, attempts: int) -> None:
        """Hand in a response; waits only when the writer is far behind."""
        self._add(_Success(job=job, response=response, attempts=attempts))
        await self._backpressure()

    async def add_failure(
        self, key: str, error: BaseException, *, attempts: int, fingerprint: str | None = None
    ) -> None:
        """Hand in a failed record."""
        self._add(_Failure(key=key, error=error, attempts=attempts, fingerprint=fingerprint))
        await self._backpressure()

    def _add(self, item: _Success | _Failure) -> None:
        self._pending.append(item)
        self._wakeup.set()

    async def _backpressure(self) -> None:
        while len(self._pending) > self._high_water and not self._closing:
            await self._drained.wait()

    async def run(self) -> None:
        """Commit batches until `close`; start it in the run's task group."""
        while not self._closing:
            await self._wakeup.wait()
            self._wakeup = anyio.Event()
            await self._commit_pending()

    async def close(self) -> None:
        """Commit everything handed in so far (shielded), and stop `run`."""
        with anyio.CancelScope(shield=True):
            self._closing = True
            self._wakeup.set()
            try:
                await self._commit_pending()  # waits for a commit in flight, via the lock
                while self._pending:
                    await self._commit_pending()
            finally:
                if self._pool is not None:
                    self._pool.shutdown()
                    self._pool = None

    async def _commit_pending(self) -> None:
        with anyio.CancelScope(shield=True):
            async with self._lock:
                batch, self._pending = self._pending, []
                if batch:
                    try:
                        done = await anyio.to_thread.run_sync(self._commit, batch)
                    except BaseException:
                        self._pending[:0] = batch  # the next commit retries them
                        raise
                    for item in done:
                        self._on_commit(item)
        drained, self._drained = self._drained, anyio.Event()
        drained.set()

    def _commit(self, batch: Sequence[_Success | _Failure]) -> list[Committed]:
        """Write one batch (in a worker thread): images in parallel, the folder, the manifest.

        Parallel fsyncs share the file system's journal commits: under load one fsync
        can take several milliseconds, but sixteen at once take hardly longer than one.
        The helper threads are this committer's own, so a batch costs the event loop one
        trip to a worker thread, however many files it has.
        """
        parts = min(self._writers, -(-len(batch) // 2))
        size = -(-len(batch) // parts)
        chunks = [batch[i : i + size] for i in range(0, len(batch), size)]
        if len(chunks) == 1:
            results = [self._save_all(chunks[0])]
        else:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._writers, thread_name_prefix="bulk-writer")
            results = list(self._pool.map(self._save_all, chunks))
        committed = [item for part in results for item in part]
        self._record(committed, any(c.entry.paths for c in committed))
        return committed

    def _record(self, committed: Sequence[Committed], wrote_files: bool) -> None:
        """Make the renames durable, then append the manifest lines (one fsync each)."""
        if wrote_files:
            _fsync_folder(self._out)
        self._writer.write([c.entry for c in committed])

    def _save_all(self, items: Sequence[_Success | _Failure]) -> list[Committed]:
        """Write the images of some records (in a worker thread); their manifest entries."""
        from openai_images_sdk._converter import unstructure

        committed: list[Committed] = []
        for item in items:
            if isinstance(item, _Failure):
                committed.append(
                    self._failed(item.key, item.error, item.attempts, item.fingerprint)
                )
                continue
            job, response = item.job, item.response
            try:
                paths = self._save(job, response)
            except Exception as error:  # a full disk, a response without images
                committed.append(self._failed(job.key, error, item.attempts, job.fingerprint))
                continue
            usage = getattr(response, "usage", None)
            entry = ManifestEntry(
                key=job.key,
                status="done",
                paths=tuple(paths),
                usage=cast("Mapping[str, object] | None", unstructure(usage) if usage else None),
                request_id=getattr(response, "request_id", None),
                attempts=item.attempts,
                fingerprint=job.fingerprint,
            )
            committed.append(Committed(entry=entry, usage=usage))
        return committed

    @staticmethod
    def _failed(
        key: str, error: BaseException, attempts: int, fingerprint: str | None
    ) -> Committed:
        entry = ManifestEntry(
            key=key,
            status="failed",
            error=error_info(error),
            attempts=attempts,
            fingerprint=fingerprint,
        )
        return Committed(entry=entry, error=error)

    def _save(self, job: PlannedRequest, response: Any) -> list[str]:
        images: Sequence[Any] = getattr(response, "data", None) or ()
        if not images:
            raise ValueError("the response contained no images")
        data = [image.bytes() for image in images]
        paths = image_paths(self._out, file_stem(job.key), data, response.output_format)
        for path, content in zip(paths, data, strict=True):
            write_file_atomic(path, content)
        return paths
