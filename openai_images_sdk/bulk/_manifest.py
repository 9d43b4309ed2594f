"""The manifest: one JSON line per record outcome, appended and fsynced as results arrive.

A line is ``{"key", "status", "paths", "usage", "request_id", "error", "attempts",
"fingerprint"}`` with status ``done`` or ``failed``. A key may appear more than once (a
failure, then a later success, or a regeneration); the last line of a key is its outcome,
except that a failure never overrides a done line. ``fingerprint`` is a digest of the
request the line answers, so a re-run with other parameters is noticed.

Only the last line may be cut short (by a crash while it was written: it was never
acknowledged); it is ignored when reading and cut off before the next append. Any other
line that is not an entry is damage: reading raises `ManifestError` naming the file and
line, so a run never mistakes a damaged manifest for an empty one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal, TypeAlias, cast

import anyio
import anyio.to_thread
import attrs

from openai_images_sdk._exceptions import ValidationError, Violation

__all__ = [
    "AsyncManifest",
    "EntryStatus",
    "ManifestEntry",
    "ManifestError",
    "ManifestWriter",
    "done_fingerprints",
    "done_keys",
    "error_info",
    "final_entries",
    "fingerprint_digest",
    "key_digest",
    "read_manifest",
]

EntryStatus: TypeAlias = Literal["done", "failed"]


def key_digest(key: str) -> int:
    """A compact stand-in for a key in sets of keys (8 bytes of its sha256)."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")


@attrs.frozen(kw_only=True)
class ManifestEntry:
    """The outcome of one record."""

    key: str
    status: EntryStatus
    paths: tuple[str, ...] = ()
    """The image files written, in the order of the response's images."""
    usage: Mapping[str, object] | None = None
    request_id: str | None = None
    error: Mapping[str, object] | None = None
    """``{"type", "message", "status", "code"}`` for a failure."""
    attempts: int = 0
    """Requests sent for the record in this run (0: refused before sending)."""
    fingerprint: str | None = None
    """A digest of the request's operation and parameters (None in older manifests)."""

    def to_json(self) -> dict[str, object]:
        """The entry as a JSON object."""
        return {
            "key": self.key,
            "status": self.status,
            "paths": list(self.paths),
            "usage": self.usage,
            "request_id": self.request_id,
            "error": self.error,
            "attempts": self.attempts,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, data: object) -> ManifestEntry | None:
        """An entry from a decoded line, or None when it is not one."""
        if not isinstance(data, Mapping):
            return None
        line = cast("Mapping[str, Any]", data)
        key, status = line.get("key"), line.get("status")
        if not isinstance(key, str) or status not in ("done", "failed"):
            return None
        paths = line.get("paths")
        usage, error = line.get("usage"), line.get("error")
        attempts = line.get("attempts")
        request_id = line.get("request_id")
        fingerprint = line.get("fingerprint")
        return cls(
            key=key,
            status="done" if status == "done" else "failed",
            paths=tuple(str(p) for p in cast("list[object]", paths))
            if isinstance(paths, list)
            else (),
            usage=cast("Mapping[str, object]", usage) if isinstance(usage, Mapping) else None,
            request_id=request_id if isinstance(request_id, str) else None,
            error=cast("Mapping[str, object]", error) if isinstance(error, Mapping) else None,
            attempts=attempts if isinstance(attempts, int) else 0,
            fingerprint=fingerprint if isinstance(fingerprint, str) else None,
        )


def error_info(error: BaseException) -> dict[str, object]:
    """What the manifest keeps of an exception."""
    status = getattr(error, "status_code", None)
    code = getattr(error, "code", None)
    return {
        "type": type(error).__name__,
        "message": str(error),
        "status": status if isinstance(status, int) else None,
        "code": code if isinstance(code, str) else None,
    }


class ManifestError(ValidationError):
    """A manifest line that is not an entry (damage, or not a manifest at all)."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        rule = (
            f"{path} line {line}: {problem}; the manifest is damaged or not a manifest. "
            "Nothing was changed: repair or remove that line (or choose another manifest)"
        )
        super().__init__([Violation(param="manifest", rule=rule)])
        self.path = path
        self.line = line


def _problem(raw: bytes) -> str:
    try:
        data = json.loads(raw)
    except ValueError:
        return "not JSON"
    if not isinstance(data, Mapping):
        return f"a JSON {type(data).__name__.replace('dict', 'object')}, not an entry object"
    return 'not an entry (it needs a string "key" and a "status" of done or failed)'


def read_manifest(path: str | os.PathLike[str]) -> Iterator[ManifestEntry]:
    """Every entry of a manifest, in order; a missing file has none.

    A last line without its newline (cut short by a crash) is skipped; any other line that
    is not an entry raises `ManifestError`.
    """
    source = Path(path)
    if not source.is_file():
        return
    with source.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.endswith(b"\n"):
                return  # cut short by a crash: never acknowledged
            if not raw.strip():
                continue
            try:
                entry = ManifestEntry.from_json(json.loads(raw))
            except ValueError:
                entry = None
            if entry is None:
                raise ManifestError(source, number, _problem(raw))
            yield entry


def fingerprint_digest(fingerprint: str | None) -> int:
    """A compact stand-in for a fingerprint (0 for none)."""
    return key_digest(fingerprint) if fingerprint else 0


def done_keys(path: str | os.PathLike[str]) -> set[int]:
    """The `key_digest` of every key the manifest records as done."""
    return {key_digest(e.key) for e in read_manifest(path) if e.status == "done"}


def done_fingerprints(path: str | os.PathLike[str]) -> dict[int, int]:
    """`key_digest` of each done key -> `fingerprint_digest` of its last done line."""
    return {
        key_digest(e.key): fingerprint_digest(e.fingerprint)
        for e in read_manifest(path)
        if e.status == "done"
    }


def final_entries(path: str | os.PathLike[str]) -> dict[str, ManifestEntry]:
    """Each key's outcome: its last line, except that a failure never overrides a done line."""
    found: dict[str, ManifestEntry] = {}
    for entry in read_manifest(path):
        previous = found.get(entry.key)
        if previous is None or previous.status != "done" or entry.status == "done":
            found[entry.key] = entry
    return found


def _encode(entry: ManifestEntry) -> bytes:
    text = json.dumps(entry.to_json(), ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode() + b"\n"


class ManifestWriter:
    """Appends entries to a manifest file; each `write` ends with flush and fsync."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._cut_torn_line()
        self._file: IO[bytes] = self.path.open("ab")  # open until close()

    def _cut_torn_line(self) -> None:
        """Drop a last line cut short by a crash (it was never acknowledged)."""
        if not self.path.is_file():
            return
        with self.path.open("r+b") as stream:
            end = stream.seek(0, os.SEEK_END)
            if end == 0:
                return
            stream.seek(end - 1)
            if stream.read(1) == b"\n":
                return
            keep = end - 1
            while keep > 0:
                start = max(0, keep - 65536)
                stream.seek(start)
                found = stream.read(keep - start).rfind(b"\n")
                if found >= 0:
                    keep = start + found + 1
                    break
                keep = start
            stream.truncate(keep)
            stream.flush()
            os.fsync(stream.fileno())

    def write(self, entries: Sequence[ManifestEntry]) -> None:
        """Append `entries` and make them durable before returning."""
        self._file.write(b"".join(_encode(entry) for entry in entries))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Close the file."""
        self._file.close()


class AsyncManifest:
    """`ManifestWriter` for async code: appends from many tasks share one fsync.

    `append` returns once the entry is durable. While one batch of lines is being
    written (in a worker thread), new entries queue up and go out together next: one
    fsync per batch rather than per record, and never an entry acknowledged before it is
    on disk. The write is shielded from cancellation, so an interrupted run keeps
    everything it acknowledged.
    """

    def __init__(self, writer: ManifestWriter) -> None:
        self._writer = writer
        self._lock = anyio.Lock()
        self._pending: list[ManifestEntry] = []
        self._queued = 0
        self._written = 0

    @property
    def path(self) -> Path:
        """The manifest file."""
        return self._writer.path

    async def append(self, entry: ManifestEntry) -> None:
        """Append one entry; returns when it is on disk."""
        self._pending.append(entry)
        self._queued += 1
        ticket = self._queued
        with anyio.CancelScope(shield=True):
            async with self._lock:
                if self._written >= ticket:
                    return  # another task's write carried this entry
                batch, self._pending = self._pending, []
                try:
                    await anyio.to_thread.run_sync(self._writer.write, batch)
                except BaseException:
                    self._pending[:0] = batch  # the next append retries them
                    raise
                self._written += len(batch)

    def close(self) -> None:
        """Close the file."""
        self._writer.close()
