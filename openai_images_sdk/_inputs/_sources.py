"""File inputs (paths, bytes, file objects, tuples) -> `UploadFile`: a replayable source.

An `UploadFile` knows its size and what its header says before any byte is sent, and
every call to `iter_chunks` / `aiter_chunks` reads it again from its first byte:
paths are reopened, seekable file objects are rewound to the position they had when
given, bytes are read in place. A non-seekable stream (a pipe, a socket, a response
body) is copied once into a `SpooledTemporaryFile` (in memory up to 1 MiB, on disk
beyond), so it too can be sent again when a request is retried.

A file that shrinks, vanishes or fails to read once the request is under way raises
`InputFileError` naming the input; one that cannot be opened or read while the call is
prepared raises `ValidationError` (in every validation mode: it cannot be sent).
"""

from __future__ import annotations

import io
import os
import queue
import shutil
import stat
import tempfile
import threading
import weakref
from collections.abc import AsyncIterator, Iterator
from typing import IO, Final, cast

import attrs

from openai_images_sdk._exceptions import InputFileError, ValidationError, Violation
from openai_images_sdk._types import ImageInfo

from ._checks import subject
from ._formats import EXTENSIONS, OCTET_STREAM, ImageHeader, ReadAt, probe, probe_bytes

__all__ = [
    "ASYNC_CHUNK_SIZE",
    "CHUNK_SIZE",
    "SPOOL_MEMORY_LIMIT",
    "InMemoryChunks",
    "ThreadedChunks",
    "UploadFile",
    "is_file_input",
    "prepare_file",
]

CHUNK_SIZE: Final = 64 * 1024
ASYNC_CHUNK_SIZE: Final = 1024 * 1024
"""Async sends and thread hand-offs cost more per chunk than sync sends; 1 MiB amortises them."""
READ_AHEAD: Final = 4
"""Chunks an async body's reader thread may read ahead of the socket (4 MiB)."""
SPOOL_MEMORY_LIMIT: Final = 1024 * 1024
"""Non-seekable streams up to this size are spooled in memory, larger ones to disk."""


@attrs.frozen(kw_only=True)
class _Bytes:
    data: bytes


@attrs.frozen(kw_only=True)
class _Path:
    path: str


@attrs.frozen(kw_only=True)
class _Stream:
    file: IO[bytes]
    start: int
    owned: bool
    """True for our own spool file, which `close` closes; the caller's files stay open."""
    lock: threading.Lock = attrs.field(factory=threading.Lock, eq=False, repr=False)
    """Held for each seek-and-read, so that two attempts never share a file position."""


_Source = _Bytes | _Path | _Stream


@attrs.frozen(kw_only=True)
class UploadFile:
    """One file to upload: its name, sniffed content type, size, header and source."""

    filename: str
    content_type: str
    size: int
    header: ImageHeader
    source: _Source
    param: str = ""
    """The parameter the file was given for (``image``), named by `InputFileError`."""
    label: str = ""
    """The input's label (``image[1]``), named by `InputFileError`."""

    def info(self, label: str) -> ImageInfo:
        """The `ImageInfo` of this file, labelled e.g. ``image[0]`` or ``mask``."""
        return self.header.info(
            label=label, filename=self.filename, size=self.size, content_type=self.content_type
        )

    def iter_chunks(self, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
        """The file's bytes from the start, read lazily; a fresh iterator per call.

        Raises `InputFileError` when the file can no longer be read as it was checked.
        """
        try:
            yield from self._chunks(chunk_size)
        except InputFileError:
            raise
        except (OSError, ValueError) as error:  # ValueError: a file object closed meanwhile
            raise self._error(f"cannot be read any more: {error}") from error

    def _chunks(self, chunk_size: int) -> Iterator[bytes]:
        source = self.source
        if isinstance(source, _Bytes):
            view = memoryview(source.data)
            for offset in range(0, len(view), chunk_size):
                yield bytes(view[offset : offset + chunk_size])
            return
        if isinstance(source, _Stream):
            # Positional reads: an abandoned attempt still reading ahead in its thread
            # cannot move the position under the next attempt.
            offset = 0
            while offset < self.size:
                with source.lock:
                    source.file.seek(source.start + offset)
                    chunk = self._read(source.file, min(chunk_size, self.size - offset))
                offset += len(chunk)
                yield chunk
            return
        with open(source.path, "rb") as file:
            remaining = self.size
            while remaining:
                chunk = self._read(file, min(chunk_size, remaining))
                remaining -= len(chunk)
                yield chunk

    def aiter_chunks(self, chunk_size: int = ASYNC_CHUNK_SIZE) -> AsyncIterator[bytes]:
        """Like `iter_chunks`, with the file read in a worker thread (asyncio or trio)."""
        if isinstance(self.source, _Bytes):
            return InMemoryChunks(self.iter_chunks(chunk_size))
        return ThreadedChunks(self.iter_chunks(chunk_size))

    def close(self) -> None:
        """Release a spool file this upload owns (the caller's own files stay open)."""
        if isinstance(self.source, _Stream) and self.source.owned:
            self.source.file.close()

    def _read(self, file: IO[bytes], n: int) -> bytes:
        chunk = file.read(n)
        if not chunk:
            raise self._error(
                f"changed while being uploaded: it had {self.size} bytes when the request "
                "was prepared and ended early"
            )
        return chunk

    def _error(self, problem: str) -> InputFileError:
        param = self.param or "file"
        what = subject(param, self.label or param, self.filename)
        return InputFileError(f"{what} {problem}", param=param, label=self.label or param)


class InMemoryChunks(AsyncIterator[bytes]):
    """An async iterator over chunks that need no I/O (bytes in memory, a JSON body).

    A class rather than an async generator: one dropped half-way (a failed attempt)
    needs no event-loop finalisation, so it never trips trio's unexhausted-generator
    warning.
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    async def __anext__(self) -> bytes:
        try:
            return next(self._chunks)
        except StopIteration:
            raise StopAsyncIteration from None

    async def aclose(self) -> None:
        """Stop early; closes the underlying iterator."""
        _close(self._chunks)


@attrs.frozen
class _End:
    error: BaseException | None


class ThreadedChunks(AsyncIterator[bytes]):
    """A blocking chunk iterator driven by a worker thread, up to `ahead` chunks ahead.

    The event loop (asyncio or trio) never waits on a file read: it takes chunks the
    thread has already read, and only when none is ready does it wait, through anyio (a
    dependency of httpx). Reading ahead overlaps disk reads with socket writes. Closing
    the iterator, or dropping it, stops the thread, which then closes the files.
    """

    def __init__(self, chunks: Iterator[bytes], *, ahead: int = READ_AHEAD) -> None:
        self._chunks: Iterator[bytes] | None = chunks
        self._ready: queue.Queue[bytes | _End] = queue.Queue(ahead)
        self._stop = threading.Event()
        self._done = False

    async def __anext__(self) -> bytes:
        if self._done:
            raise StopAsyncIteration
        if self._chunks is not None:
            chunks, self._chunks = self._chunks, None
            args = (chunks, self._ready, self._stop)
            threading.Thread(
                target=_produce, args=args, name="openai-images-upload", daemon=True
            ).start()
        try:
            item = self._ready.get_nowait()
        except queue.Empty:
            from anyio.to_thread import run_sync

            item = await run_sync(self._ready.get)
        if isinstance(item, _End):
            self._done = True
            if item.error is not None:
                raise item.error
            raise StopAsyncIteration
        return item

    async def aclose(self) -> None:
        """Stop early: the thread ends after at most one more chunk and closes the files."""
        self._shutdown()

    def __del__(self) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        self._done = True
        if self._chunks is not None:  # never started
            _close(self._chunks)
            self._chunks = None
        self._stop.set()
        # Make room for a producer blocked on a full queue; it then sees `stop` and ends.
        while True:
            try:
                self._ready.get_nowait()
            except queue.Empty:
                break


def _produce(
    chunks: Iterator[bytes], ready: queue.Queue[bytes | _End], stop: threading.Event
) -> None:
    # Holds no reference to the ThreadedChunks, so dropping that stops this thread.
    # `stop` is checked before every read, so a stopped producer reads nothing more.
    end = _End(None)
    try:
        while not stop.is_set():
            chunk = next(chunks, None)
            if chunk is None or not _put(ready, chunk, stop):
                break
    except BaseException as error:  # handed over to the consumer, which raises it
        end = _End(error)
    finally:
        _close(chunks)
    _put(ready, end, stop)


def _put(ready: queue.Queue[bytes | _End], item: bytes | _End, stop: threading.Event) -> bool:
    """Wait for room for `item`; give up (False) once the consumer has stopped."""
    while True:
        try:
            ready.put(item, timeout=0.05)
        except queue.Full:
            if stop.is_set():
                return False
        else:
            return True


def _close(chunks: Iterator[bytes]) -> None:
    close = getattr(chunks, "close", None)
    if callable(close):
        close()


def is_file_input(value: object) -> bool:
    """Whether `value` has the shape of a file input (without opening anything)."""
    if isinstance(value, (str, bytes, bytearray, memoryview, os.PathLike)):
        return True
    if isinstance(value, tuple):
        items = cast("tuple[object, ...]", value)
        return len(items) in (2, 3) and (items[0] is None or isinstance(items[0], str))
    return callable(getattr(value, "read", None))


def prepare_file(value: object, *, param: str, label: str, stem: str) -> UploadFile:
    """Normalise one file input; `stem` names a synthesized filename (``mask`` -> mask.png).

    Raises `ValidationError` naming `param` and `label` when the input cannot be read.
    """
    filename: str | None = None
    declared_type: str | None = None
    content = shown = value
    if isinstance(content, tuple):
        items = cast("tuple[object, ...]", content)
        if not is_file_input(items) or (len(items) == 3 and not isinstance(items[2], str | None)):
            raise _invalid(
                param, label, "a file tuple is (filename, content[, content_type])", shown
            )
        filename = cast("str | None", items[0])
        content = items[1]
        declared_type = cast("str | None", items[2]) if len(items) == 3 else None
        if isinstance(content, tuple):
            raise _invalid(param, label, "the content of a file tuple cannot be a tuple", shown)
    try:
        source, size, name_hint = _open_source(content, param=param, label=label)
    except OSError as error:
        raise _invalid(param, label, f"cannot be read: {_reason(error)}", shown) from error
    try:
        header = _probe(source)  # also fails now, not mid-request, on an unreadable path
    except OSError as error:
        _close_source(source)
        raise _invalid(param, label, f"cannot be read: {_reason(error)}", shown) from error
    fmt = header.format
    name = filename or name_hint or f"{stem}{EXTENSIONS[fmt] if fmt else ''}"
    content_type = header.content_type or declared_type or OCTET_STREAM
    upload = UploadFile(
        filename=name,
        content_type=content_type,
        size=size,
        header=header,
        source=source,
        param=param,
        label=label,
    )
    if isinstance(source, _Stream) and source.owned:
        # Close our spool when the upload is collected (the finalizer holds only the file).
        weakref.finalize(upload, source.file.close)
    return upload


def _open_source(content: object, *, param: str, label: str) -> tuple[_Source, int, str | None]:
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(cast("bytes", content))
        return _Bytes(data=data), len(data), None
    if isinstance(content, (str, os.PathLike)):
        path = os.fspath(cast("str | os.PathLike[str] | os.PathLike[bytes]", content))
        if not isinstance(path, str):
            raise _invalid(param, label, "a path must be a str or os.PathLike[str]", path)
        if "\x00" in path:
            raise _invalid(param, label, "contains a NUL byte, which no path can hold", path)
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise _invalid(param, label, f"is {kind}", path)
        return _Path(path=path), info.st_size, os.path.basename(path)
    if not callable(getattr(content, "read", None)):
        raise _invalid(
            param,
            label,
            "expected a path, bytes, a binary file object or a "
            f"(filename, content[, content_type]) tuple, got {type(content).__name__}",
            content,
        )
    if isinstance(content, io.TextIOBase):
        raise _invalid(
            param, label, "the file object is open in text mode; open it with 'rb'", content
        )
    file = cast("IO[bytes]", content)
    raw_name = getattr(file, "name", None)
    name_hint = os.path.basename(raw_name) if isinstance(raw_name, str) and raw_name else None
    start = _tell(file)
    if start is not None:
        end = file.seek(0, os.SEEK_END)
        file.seek(start)
        return _Stream(file=file, start=start, owned=False), max(end - start, 0), name_hint
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY_LIMIT)  # noqa: SIM115
    try:
        _copy(file, cast("IO[bytes]", spool), param=param, label=label)
        size = spool.tell()
    except BaseException:
        spool.close()
        raise
    return _Stream(file=cast("IO[bytes]", spool), start=0, owned=True), size, name_hint


def _tell(file: IO[bytes]) -> int | None:
    """The current position of a seekable file object, or None when it cannot seek."""
    seekable = getattr(file, "seekable", None)
    if not callable(seekable) or not seekable():
        return None
    try:
        return file.tell()
    except (OSError, ValueError):
        return None


def _copy(file: IO[bytes], spool: IO[bytes], *, param: str, label: str) -> None:
    first = file.read(CHUNK_SIZE)
    if isinstance(first, str):
        raise _invalid(param, label, "the file object returned text; open it with 'rb'", file)
    spool.write(first)
    if first:
        shutil.copyfileobj(file, spool, CHUNK_SIZE)


def _probe(source: _Source) -> ImageHeader:
    if isinstance(source, _Bytes):
        return probe_bytes(source.data)
    if isinstance(source, _Path):
        with open(source.path, "rb") as file:
            return probe(_file_read_at(file, 0))
    try:
        return probe(_file_read_at(source.file, source.start))
    finally:
        source.file.seek(source.start)


def _file_read_at(file: IO[bytes], start: int) -> ReadAt:
    def read_at(offset: int, n: int) -> bytes:
        file.seek(start + offset)
        data = file.read(n)
        if isinstance(data, str):
            raise OSError("the file object returned text; open it with 'rb'")
        return data

    return read_at


def _close_source(source: _Source) -> None:
    if isinstance(source, _Stream) and source.owned:
        source.file.close()


def _invalid(param: str, label: str, rule: str, value: object) -> ValidationError:
    shown = _show(value)
    name = shown if isinstance(shown, str) and not shown.startswith("<") else None
    what = subject(param, label, name)
    glue = " " if rule.startswith(("is ", "cannot ", "contains ")) else ": "
    return ValidationError([Violation(param=param, rule=f"{what}{glue}{rule}", value=shown)])


def _reason(error: OSError) -> str:
    """An OS error without the path it repeats (the message names the file already)."""
    return error.strerror or str(error)


def _show(value: object) -> object:
    """A short stand-in for a value in an error: never a file's whole contents."""
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(cast("os.PathLike[str]", value))
    return f"<{type(value).__name__}>"
