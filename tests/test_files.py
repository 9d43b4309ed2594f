from __future__ import annotations

import gc
import inspect
import io
import os
import pathlib
import threading
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from _upload_ops import Unseekable, drain, jpeg, png

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk._inputs._sources import (
    SPOOL_MEMORY_LIMIT,
    UploadFile,
    _Stream,
    is_file_input,
    prepare_file,
)


def _prepare(value: object, stem: str = "image") -> UploadFile:
    return prepare_file(value, param="image", label="image[0]", stem=stem)


async def _read(upload: UploadFile, driver: Any, chunk: int = 1000) -> bytes:
    return await drain(
        driver, lambda: upload.iter_chunks(chunk), lambda: upload.aiter_chunks(chunk)
    )


PNG = png(16, 9)
JPEG = jpeg(12, 10)


@pytest.mark.anyio
async def test_path_reopened_on_every_read(tmp_path: pathlib.Path, driver: Any) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(PNG + b"\x00" * 5000)
    for given in (str(path), path):
        upload = _prepare(given)
        assert (upload.filename, upload.content_type, upload.size) == (
            "cat.png",
            "image/png",
            len(PNG) + 5000,
        )
        assert upload.header.dimensions == (16, 9)
        assert await _read(upload, driver) == path.read_bytes()
        assert await _read(upload, driver) == path.read_bytes()


@pytest.mark.anyio
async def test_bytes_like(driver: Any) -> None:
    for given in (PNG, bytearray(PNG), memoryview(PNG)):
        upload = _prepare(given, stem="mask")
        assert (upload.filename, upload.content_type, upload.size) == (
            "mask.png",
            "image/png",
            len(PNG),
        )
        assert await _read(upload, driver, chunk=7) == PNG


@pytest.mark.anyio
async def test_seekable_object_rewinds_to_its_start_position(driver: Any) -> None:
    prefix = b"HEADER-NOT-PART-OF-THE-IMAGE"
    file = io.BytesIO(prefix + JPEG)
    file.seek(len(prefix))
    upload = _prepare(file)
    assert (upload.size, upload.content_type, upload.filename) == (
        len(JPEG),
        "image/jpeg",
        "image.jpg",
    )
    assert file.tell() == len(prefix)  # probing left the position alone
    assert await _read(upload, driver) == JPEG
    file.seek(0)  # the caller moves it in between: the retry still starts at the start
    assert await _read(upload, driver) == JPEG
    assert not file.closed


@pytest.mark.anyio
async def test_open_file_uses_its_name(tmp_path: pathlib.Path, driver: Any) -> None:
    path = tmp_path / "photo.jpeg"
    path.write_bytes(JPEG)
    with path.open("rb") as file:
        upload = _prepare(file)
        assert upload.filename == "photo.jpeg"
        assert await _read(upload, driver) == JPEG
        assert await _read(upload, driver) == JPEG


@pytest.mark.anyio
@pytest.mark.parametrize("size", [100, SPOOL_MEMORY_LIMIT + 10_000])
async def test_unseekable_stream_is_spooled_once(driver: Any, size: int) -> None:
    data = PNG + os.urandom(size)
    stream = Unseekable(data)
    upload = _prepare(stream)
    assert upload.size == len(data)
    source = upload.source
    assert isinstance(source, _Stream)
    assert source.owned
    spool = source.file
    assert spool._rolled is (size > SPOOL_MEMORY_LIMIT)  # type: ignore[attr-defined]
    assert await _read(upload, driver, chunk=65536) == data
    assert await _read(upload, driver, chunk=65536) == data
    upload.close()
    assert spool.closed


def test_tuples() -> None:
    upload = _prepare(("Holiday photo.png", JPEG))
    assert (upload.filename, upload.content_type) == ("Holiday photo.png", "image/jpeg")
    upload = _prepare((None, PNG))
    assert upload.filename == "image.png"
    upload = _prepare(("x.png", PNG, "application/octet-stream"))
    assert upload.content_type == "image/png"  # the bytes win over a declared type
    upload = _prepare(("notes.txt", b"plain text", "text/plain"))
    assert upload.content_type == "text/plain"  # unknown bytes: the declared type
    upload = _prepare(("blob", b"plain text"))
    assert upload.content_type == "application/octet-stream"


def test_content_type_comes_from_bytes_not_name(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "actually-a-jpeg.png"
    path.write_bytes(JPEG)
    upload = _prepare(path)
    assert (upload.filename, upload.content_type) == ("actually-a-jpeg.png", "image/jpeg")
    odd = tmp_path / "tmpa8f3k2"
    odd.write_bytes(PNG)
    assert _prepare(odd).content_type == "image/png"


def test_info() -> None:
    info = _prepare(("a.png", PNG)).info("image[3]")
    assert (
        info.label,
        info.filename,
        info.format,
        info.width,
        info.height,
        info.size,
        info.has_alpha,
    ) == (
        "image[3]",
        "a.png",
        "png",
        16,
        9,
        len(PNG),
        True,
    )


@pytest.mark.parametrize(
    ("given", "fragment"),
    [
        ("<missing>", "cannot be read"),
        ("<directory>", "is a directory"),
        (io.StringIO("text"), "text mode"),
        (12345, "expected a path, bytes"),
        (("a.png", PNG, 3), "a file tuple is"),
        (("a.png", ("b.png", PNG)), "cannot be a tuple"),
    ],
)
def test_bad_inputs(tmp_path: pathlib.Path, given: object, fragment: str) -> None:
    places = {"<missing>": tmp_path / "missing.png", "<directory>": tmp_path}
    with pytest.raises(ValidationError) as caught:
        _prepare(places.get(given, given) if isinstance(given, str) else given)
    (violation,) = caught.value.violations
    assert violation.param == "image"
    assert violation.rule.startswith("[0]")  # the parameter is named once, by `param`
    assert "image" not in violation.rule.replace(str(tmp_path), "")
    assert fragment in violation.rule


def test_binary_object_that_returns_text() -> None:
    class Liar(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> str:
            return "text"

    with pytest.raises(ValidationError, match="returned text"):
        _prepare(Liar())

    class SeekableLiar(io.StringIO):
        pass

    with pytest.raises(ValidationError, match="text mode"):
        _prepare(SeekableLiar("x"))


def test_error_never_echoes_file_contents() -> None:
    with pytest.raises(ValidationError) as caught:
        _prepare(("a.png", b"\x00" * 100, 5))
    assert "<tuple>" in repr(caught.value.violations[0].value)


@pytest.mark.anyio
async def test_file_that_shrinks_before_sending_fails_loudly(
    tmp_path: pathlib.Path, driver: Any
) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(PNG + b"\x00" * 1000)
    upload = _prepare(path)
    path.write_bytes(PNG)
    with pytest.raises(OSError, match="changed while being uploaded"):
        await _read(upload, driver)


@pytest.mark.anyio
async def test_file_that_grows_sends_the_prepared_size(tmp_path: pathlib.Path, driver: Any) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(PNG)
    upload = _prepare(path)
    path.write_bytes(PNG + b"appended later")
    assert await _read(upload, driver) == PNG


@pytest.mark.anyio
async def test_async_reads_happen_off_the_event_loop_thread() -> None:
    loop_thread = threading.get_ident()
    readers: set[int] = set()

    class Watched(io.BytesIO):
        def read(self, n: int | None = -1) -> bytes:
            readers.add(threading.get_ident())
            return super().read(n)

    upload = _prepare(Watched(PNG * 50))
    readers.clear()
    assert b"".join([c async for c in upload.aiter_chunks(100)]) == PNG * 50
    assert readers
    assert loop_thread not in readers


def test_spool_is_closed_when_the_upload_is_collected() -> None:
    upload = _prepare(Unseekable(PNG + b"\x00" * (SPOOL_MEMORY_LIMIT + 1)))
    assert isinstance(upload.source, _Stream)
    spool = upload.source.file
    del upload
    gc.collect()
    assert spool.closed


def test_is_file_input() -> None:
    assert all(
        is_file_input(v)
        for v in (
            "a.png",
            pathlib.Path("a"),
            b"",
            bytearray(),
            io.BytesIO(),
            ("a", b""),
            (None, b"", "x"),
        )
    )
    assert not any(is_file_input(v) for v in (1, None, {"file_id": "x"}, ("a",), (1, b""), [b""]))


@pytest.mark.anyio
async def test_closing_the_async_iterator_early_stops_the_reader_thread() -> None:
    import anyio

    from openai_images_sdk._inputs._sources import ThreadedChunks

    finished = threading.Event()
    produced: list[int] = []

    def chunks() -> Iterator[bytes]:
        try:
            for i in range(10_000):
                produced.append(i)
                yield b"x" * 10
        finally:
            finished.set()

    before = _readers()
    reader = ThreadedChunks(chunks(), ahead=2)
    assert await reader.__anext__() == b"x" * 10
    mine = _readers() - before
    await reader.aclose()
    assert await anyio.to_thread.run_sync(finished.wait, 10)
    assert len(produced) < 10  # stopped after reading at most a few chunks ahead
    await anyio.to_thread.run_sync(_join, mine)


@pytest.mark.anyio
async def test_reader_thread_errors_reach_the_consumer() -> None:
    from openai_images_sdk._inputs._sources import ThreadedChunks

    def chunks() -> Iterator[bytes]:
        yield b"first"
        raise OSError("disk gone")

    reader = ThreadedChunks(chunks())
    assert await reader.__anext__() == b"first"
    with pytest.raises(OSError, match="disk gone"):
        await reader.__anext__()


@pytest.mark.anyio
async def test_iterator_edges() -> None:
    from openai_images_sdk._inputs._sources import InMemoryChunks, ThreadedChunks

    closed = threading.Event()

    def chunks() -> Generator[bytes, None, None]:
        try:
            yield b"a"
            yield b"b"
        finally:
            closed.set()

    in_memory = InMemoryChunks(chunks())
    assert await in_memory.__anext__() == b"a"
    await in_memory.aclose()
    assert closed.is_set()

    generator = chunks()
    never_started = ThreadedChunks(generator)
    await never_started.aclose()
    assert inspect.getgeneratorstate(generator) == "GEN_CLOSED"  # no thread ever ran
    with pytest.raises(StopAsyncIteration):
        await never_started.__anext__()

    done = ThreadedChunks(iter([b"x"]))
    assert [c async for c in done] == [b"x"]
    with pytest.raises(StopAsyncIteration):
        await done.__anext__()


@pytest.mark.anyio
async def test_dropped_threaded_iterator_stops_its_thread() -> None:
    import anyio

    from openai_images_sdk._inputs._sources import ThreadedChunks

    finished = threading.Event()

    def chunks() -> Iterator[bytes]:
        try:
            for _ in range(10_000):
                yield b"y"
        finally:
            finished.set()

    before = _readers()
    reader = ThreadedChunks(chunks(), ahead=1)
    assert await reader.__anext__() == b"y"
    mine = _readers() - before
    del reader
    gc.collect()
    assert await anyio.to_thread.run_sync(finished.wait, 10)
    await anyio.to_thread.run_sync(_join, mine)


def _readers() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "openai-images-upload"}


def _join(threads: set[threading.Thread]) -> None:
    """The reader threads end once their iterators are closed or dropped (none leak)."""
    assert threads
    for thread in threads:
        thread.join(timeout=10)
        assert not thread.is_alive()


def test_odd_file_objects() -> None:
    class TellFails(io.BytesIO):
        def tell(self) -> int:
            raise OSError("no position")

    upload = _prepare(TellFails(PNG))  # treated as a stream: spooled
    assert isinstance(upload.source, _Stream)
    assert upload.source.owned
    assert b"".join(upload.iter_chunks()) == PNG
    upload.close()

    empty = _prepare(Unseekable(b""))
    assert empty.size == 0
    assert empty.header.format is None

    class SeekableText(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return True

        def seek(self, offset: int, whence: int = 0) -> int:
            return 0

        def tell(self) -> int:
            return 0

        def read(self, n: int = -1) -> str:
            return "text"

    with pytest.raises(ValidationError, match="returned text"):
        _prepare(SeekableText())

    class BytesPath:
        def __fspath__(self) -> bytes:
            return b"/tmp/x.png"

    with pytest.raises(ValidationError, match=r"a path must be a str"):
        _prepare(BytesPath())


def test_failed_probe_closes_the_spool(monkeypatch: pytest.MonkeyPatch) -> None:
    from openai_images_sdk._inputs import _sources as _files

    def broken(read_at: object) -> object:
        raise OSError("device error")

    made: list[Any] = []
    original = _files._open_source

    def spy(*args: Any, **kwargs: Any) -> Any:
        made.append(original(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(_files, "probe", broken)
    monkeypatch.setattr(_files, "_open_source", spy)
    with pytest.raises(ValidationError, match="cannot be read: device error"):
        _prepare(Unseekable(PNG))
    assert made[0][0].file.closed


def test_mixed_inputs_names_each_input_sent_the_other_way_than_the_first() -> None:
    from openai_images_sdk._inputs._checks import mixed_inputs

    def rule(param: str, label: str, ref: bool) -> str:
        return f"{param}/{label}/{'ref' if ref else 'file'}"

    seen = [("image", "image[0]", False), ("image", "image[1]", True), ("mask", "mask", False)]
    found = mixed_inputs(seen, rule)
    assert [(v.param, v.rule, v.value) for v in found] == [
        ("image", "image/image[1]/ref", "image[1]")
    ]
    assert mixed_inputs([], rule) == []
    assert mixed_inputs([("image", "image", True), ("image", "x", True)], rule) == []
