"""Reading a finished batch: its output and error files into images and manifest lines."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

import anyio
import anyio.to_thread

from ._manifest import ManifestEntry, ManifestWriter, done_keys, error_info, key_digest
from ._output import PARTIAL_SUFFIX, image_paths, write_file_atomic
from ._plan import file_stem

if TYPE_CHECKING:
    from openai_images_sdk._client import AsyncImagesClient
    from openai_images_sdk._generated.models import Batch

    from ._batch_state import BatchPart

__all__ = ["Collector", "result_lines"]

_FLUSH_EVERY: Final = 64


def result_lines(path: Path) -> Iterator[Mapping[str, Any]]:
    """The JSON objects of an output or error file, one per line (others skipped)."""
    with path.open("rb") as stream:
        for raw in stream:
            try:
                value: object = json.loads(raw)
            except ValueError:
                continue
            if isinstance(value, Mapping):
                yield cast("Mapping[str, Any]", value)


def _mapping(value: object) -> Mapping[str, Any]:
    return cast("Mapping[str, Any]", value) if isinstance(value, Mapping) else {}


def _custom_ids(path: Path) -> Iterator[str]:
    for line in result_lines(path):
        custom_id = line.get("custom_id")
        if isinstance(custom_id, str):
            yield custom_id


class Collector:
    """Turns result lines into images and manifest entries; counts what it did.

    Keys already done in the manifest are skipped, so collecting again is harmless.
    Manifest lines are fsynced every 64 entries and at the end of each file: a crash
    mid-collect leaves the batch uncollected, and the next collect redoes the rest.
    """

    def __init__(self, *, out: Path, manifest: Path) -> None:
        self.out = out
        self.out.mkdir(parents=True, exist_ok=True)
        self._done = done_keys(manifest)
        self._writer = ManifestWriter(manifest)
        self._pending: list[ManifestEntry] = []
        self.done = self.failed = self.skipped = self.images = self.total_tokens = 0
        self.unsaved = 0
        """Results that arrived but could not be turned into image files."""

    def close(self) -> None:
        """Write what is pending and close the manifest."""
        self._flush()
        self._writer.close()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write(self._pending)
            self._pending = []

    def _add(self, entry: ManifestEntry) -> None:
        self._pending.append(entry)
        if len(self._pending) >= _FLUSH_EVERY:
            self._flush()

    async def collect(self, client: AsyncImagesClient, part: BatchPart, batch: Batch) -> None:
        """Save everything an ended batch produced; record the requests it never ran."""
        seen: set[int] = set()
        for file_id in (batch.output_file_id, batch.error_file_id):
            if not file_id:
                continue
            local = await self._download(client, file_id, Path(part.path).parent)
            try:
                await anyio.to_thread.run_sync(self._read, local, seen)
            finally:
                local.unlink(missing_ok=True)
        reasons = (
            [e.message for e in (batch.errors.data or ()) if e.message] if batch.errors else []
        )
        message = f"batch {batch.id} ended {batch.status} without running this request"
        if reasons:
            message += ": " + "; ".join(reasons[:3])
        await anyio.to_thread.run_sync(
            self._never_ran, part, message, f"batch_{batch.status}", seen
        )

    async def abandon(self, part: BatchPart) -> None:
        """Record every request of a part whose batch was never created as failed."""
        message = "the submission was cancelled before this request's batch was created"
        await anyio.to_thread.run_sync(
            self._never_ran, part, message, "batch_cancelled", set[int]()
        )

    async def _download(self, client: AsyncImagesClient, file_id: str, folder: Path) -> Path:
        target = folder / f".{file_id}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
        try:
            download = client.files.with_streaming_response.content(file_id=file_id)
            async with download as response, await anyio.open_file(target, "wb") as handle:
                async for chunk in response.iter_bytes():
                    await handle.write(chunk)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target

    def _read(self, path: Path, seen: set[int]) -> None:
        for line in result_lines(path):
            custom_id = line.get("custom_id")
            if not isinstance(custom_id, str):
                continue
            digest = key_digest(custom_id)
            seen.add(digest)
            if digest in self._done:
                self.skipped += 1
                continue
            entry = self._entry(custom_id, line)
            if entry.status == "done":
                self._done.add(digest)
                self.done += 1
                self.images += len(entry.paths)
                total = (entry.usage or {}).get("total_tokens")
                self.total_tokens += total if isinstance(total, int) else 0
            else:
                self.failed += 1
            self._add(entry)
        self._flush()

    def _entry(self, key: str, line: Mapping[str, Any]) -> ManifestEntry:
        from openai_images_sdk._converter import structure, unstructure
        from openai_images_sdk._generated.models import ImagesResponse

        response = _mapping(line.get("response"))
        status = response.get("status_code")
        body = _mapping(response.get("body"))
        request_id = response.get("request_id")
        request_id = request_id if isinstance(request_id, str) else None
        if status == 200 and body:
            try:
                result = structure(body, ImagesResponse)
                data = [image.download() for image in result.data or ()]
                if not data:
                    raise ValueError("the response contained no images")
                paths = image_paths(self.out, file_stem(key), data, result.output_format)
                for target, content in zip(paths, data, strict=True):
                    write_file_atomic(target, content)
            except Exception as problem:  # a body that does not parse, a full disk
                self.unsaved += 1
                return ManifestEntry(
                    key=key,
                    status="failed",
                    request_id=request_id,
                    error=error_info(problem),
                    attempts=1,
                )
            usage = unstructure(result.usage) if result.usage is not None else None
            return ManifestEntry(
                key=key,
                status="done",
                paths=tuple(paths),
                usage=cast("Mapping[str, object] | None", usage),
                request_id=request_id,
                attempts=1,
            )
        info = _mapping(body.get("error")) or _mapping(line.get("error"))
        code = info.get("code")
        failure: dict[str, object] = {
            "type": "BatchRequestError",
            "message": str(info.get("message") or "the request failed in the batch"),
            "status": status if isinstance(status, int) else None,
            "code": code if isinstance(code, str) else None,
        }
        return ManifestEntry(
            key=key, status="failed", request_id=request_id, error=failure, attempts=1
        )

    def _never_ran(self, part: BatchPart, message: str, code: str, seen: set[int]) -> None:
        for key in _custom_ids(Path(part.path)):
            digest = key_digest(key)
            if digest in seen or digest in self._done:
                continue
            error = {"type": "BatchNotRun", "message": message, "status": None, "code": code}
            self._add(ManifestEntry(key=key, status="failed", error=error, attempts=0))
            self.failed += 1
        self._flush()
