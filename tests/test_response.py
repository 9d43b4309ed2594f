"""APIResponse / AsyncAPIResponse and the streaming-response context managers."""

from __future__ import annotations

import contextlib
import datetime
import inspect
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx
from conftest import Driver, TinyImagesResponse

from openai_images_sdk._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
)
from openai_images_sdk._generated.operations import OPERATIONS
from openai_images_sdk._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncRawAPIResponse,
    AsyncResponseContextManager,
    BinaryContent,
    RawAPIResponse,
    ResponseContextManager,
    as_raw_response,
    as_sync_raw_response,
    structure_response,
)
from openai_images_sdk._streaming import AsyncStream, Stream

pytestmark = pytest.mark.anyio

BODY = {"created": 9, "data": [{"url": "https://x/img.png"}]}


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body delivered in pieces, optionally failing after them."""

    def __init__(self, *chunks: bytes, fail: Exception | None = None) -> None:
        self.chunks = chunks
        self.fail = fail
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.fail:
            raise self.fail

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        if self.fail:
            raise self.fail

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def tiny_parser(raw: httpx.Response) -> object:
    return structure_response(raw, TinyImagesResponse)


def make(
    driver: Driver,
    stream: Chunks,
    *,
    parser: Any = None,
    is_stream: bool = False,
    headers: dict[str, str] | None = None,
) -> Any:
    request = httpx.Request("POST", "https://api.openai.com/v1/images/generations")
    raw = httpx.Response(200, headers=headers, stream=stream, request=request)
    cls: Any = AsyncAPIResponse if driver.is_async else APIResponse
    return cls(
        raw=raw,
        parser=parser or tiny_parser,
        stream=is_stream,
        retries_taken=1,
    )


def body_chunks() -> Chunks:
    data = json.dumps(BODY).encode()
    return Chunks(data[:10], data[10:])


async def test_metadata(driver: Driver) -> None:
    response = make(
        driver, body_chunks(), headers={"x-request-id": "req_1", "content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.request_id == "req_1"
    assert response.headers["content-type"] == response.content_type == "application/json"
    assert response.method == "POST"
    assert str(response.url) == "https://api.openai.com/v1/images/generations"
    assert response.retries_taken == 1
    assert not response.is_closed
    assert isinstance(response.elapsed, datetime.timedelta)
    name = "AsyncAPIResponse" if driver.is_async else "APIResponse"
    assert repr(response) == f"<{name} [200 OK] POST https://api.openai.com/v1/images/generations>"


async def test_read_text_json(driver: Driver) -> None:
    response = make(driver, body_chunks())
    assert json.loads(await driver.run(response.read())) == BODY
    assert json.loads(await driver.run(response.text())) == BODY
    assert await driver.run(response.json()) == BODY
    assert response.is_closed


async def test_parse_reads_once_and_caches(driver: Driver) -> None:
    calls: list[httpx.Response] = []

    def parser(raw: httpx.Response) -> Any:
        assert raw.is_closed, "a non-stream body is read before parsing"
        calls.append(raw)
        return structure_response(raw, TinyImagesResponse)

    response = make(driver, body_chunks(), parser=parser, headers={"x-request-id": "req_p"})
    first = await driver.run(response.parse())
    assert isinstance(first, TinyImagesResponse)
    assert first.data[0].url == "https://x/img.png"
    assert first.request_id == "req_p"
    assert await driver.run(response.parse()) is first
    assert len(calls) == 1


async def test_parse_of_stream_does_not_read(driver: Driver) -> None:
    stream = Chunks(b"data: {}\n\n")

    def parser(raw: httpx.Response) -> tuple[str, httpx.Response]:
        return ("stream over", raw)

    response = make(driver, stream, parser=parser, is_stream=True)
    kind, raw = await driver.run(response.parse())
    assert kind == "stream over"
    assert not raw.is_stream_consumed
    assert not response.is_closed


async def test_iter_bytes_and_lines(driver: Driver) -> None:
    chunks = await driver.collect(make(driver, Chunks(b"ab", b"cd", b"ef")).iter_bytes())
    assert b"".join(chunks) == b"abcdef"
    sized = await driver.collect(make(driver, Chunks(b"abcdef")).iter_bytes(chunk_size=4))
    assert sized == [b"abcd", b"ef"]
    lines = await driver.collect(make(driver, Chunks(b"one\ntw", b"o\nthree")).iter_lines())
    assert lines == ["one", "two", "three"]


async def test_close_and_context_manager(driver: Driver) -> None:
    stream = Chunks(b"never read")
    response = make(driver, stream)
    async with driver.enter(response) as entered:
        assert entered is response
    assert response.is_closed
    assert stream.closed


async def test_async_response_aclose_and_close_both_release_it() -> None:
    for name in ("aclose", "close"):
        stream = Chunks(b"never read")
        response = make(Driver("async"), stream)
        await getattr(response, name)()
        assert response.is_closed
        assert stream.closed, name


def test_context_managers_close_on_exit_through_the_shared_mixins() -> None:
    from openai_images_sdk._async.closing import AsyncClosesOnExit, AsyncClosing
    from openai_images_sdk._sync.closing import ClosesOnExit, Closing

    assert issubclass(APIResponse, Closing)
    assert issubclass(AsyncAPIResponse, AsyncClosing)
    assert issubclass(ResponseContextManager, ClosesOnExit)
    assert not issubclass(ResponseContextManager, Closing), "entering gives the response"
    assert issubclass(AsyncResponseContextManager, AsyncClosesOnExit)


def test_unentered_response_context_manager_close_is_a_no_op() -> None:
    ResponseContextManager(Closable).close()


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.ReadError("reset"), APIConnectionError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
        (httpx.DecodingError("bad gzip"), APIConnectionError),
    ],
)
async def test_body_failures_become_sdk_errors(
    driver: Driver, failure: Exception, error: type[Exception]
) -> None:
    with pytest.raises(error):
        await driver.run(make(driver, Chunks(b"{", fail=failure)).read())
    with pytest.raises(error):
        await driver.collect(make(driver, Chunks(b"{", fail=failure)).iter_bytes())


async def test_parse_of_bad_body_raises_validation_error(driver: Driver) -> None:
    with pytest.raises(APIResponseValidationError, match="not valid JSON"):
        await driver.run(make(driver, Chunks(b"<html>")).parse())


def test_structure_response_bytes_and_mismatch() -> None:
    request = httpx.Request("GET", "https://x/file")
    raw = httpx.Response(200, content=b"\x89PNG", request=request)
    assert structure_response(raw, bytes) == b"\x89PNG"
    wrong = httpx.Response(200, json={"created": "not an int"}, request=request)
    with pytest.raises(
        APIResponseValidationError, match="does not match TinyImagesResponse"
    ) as info:
        structure_response(wrong, TinyImagesResponse)
    assert info.value.body == {"created": "not an int"}


class Closable:
    def __init__(self) -> None:
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


class AsyncClosable:
    def __init__(self) -> None:
        self.closed = 0

    async def close(self) -> None:
        self.closed += 1


def test_response_context_manager_sends_on_entry_and_closes() -> None:
    sent: list[Closable] = []

    def send() -> Closable:
        sent.append(Closable())
        return sent[-1]

    manager = ResponseContextManager(send)
    assert sent == []
    with manager as response:
        assert sent == [response]
        assert response.closed == 0
    assert response.closed == 1


async def test_async_response_context_manager_enter_or_await() -> None:
    sent: list[AsyncClosable] = []

    async def send() -> AsyncClosable:
        sent.append(AsyncClosable())
        return sent[-1]

    manager = AsyncResponseContextManager(send)
    assert sent == []
    async with manager as response:
        assert response.closed == 0
    assert response.closed == 1

    awaited = await AsyncResponseContextManager(send)
    assert awaited is sent[-1]
    assert awaited.closed == 0, "an awaited response is the caller's to close"


async def test_context_manager_failure_on_send_closes_nothing() -> None:
    def send() -> Closable:
        raise APIConnectionError(request=None)

    with pytest.raises(APIConnectionError), ResponseContextManager(send):
        pass


# ------------------------------------------------- with_raw_response of every operation


def _png() -> bytes:
    from openai_images_sdk.fake_server._encoders.png import encode_png

    return encode_png(16, 16, [b"\x10\x80\xf0" * 16] * 16)


def _calls(resources: Any, ids: dict[str, str]) -> list[tuple[str, Any]]:
    """(name, call) for every operation of the spec, streamed ones twice; `resources` is
    a client or its `with_raw_response` views."""
    images, files, batches = resources
    line = json.dumps(
        {"custom_id": "a", "method": "POST", "url": "/v1/images/generations",
         "body": {"prompt": "x", "model": "gpt-image-1.5"}}
    ).encode()  # fmt: skip
    return [
        ("generate", lambda: images.generate(prompt="x")),
        ("generate stream", lambda: images.generate(prompt="x", stream=True)),
        ("edit", lambda: images.edit(image=_png(), prompt="x")),
        ("edit stream", lambda: images.edit(image=_png(), prompt="x", stream=True)),
        ("create_variation", lambda: images.create_variation(image=_png())),
        ("files.create", lambda: files.create(file=("in.jsonl", line), purpose="batch")),
        ("files.retrieve", lambda: files.retrieve(file_id=ids["file"])),
        ("files.content", lambda: files.content(file_id=ids["file"])),
        ("batches.create", lambda: batches.create(
            input_file_id=ids["file"], endpoint="/v1/images/generations",
            completion_window="24h")),
        ("batches.retrieve", lambda: batches.retrieve(batch_id=ids["batch"])),
        ("batches.list", lambda: batches.list(limit=1)),
        ("batches.cancel", lambda: batches.cancel(batch_id=ids["cancel"])),
        ("files.delete", lambda: files.delete(file_id=ids["file"])),
    ]  # fmt: skip


async def test_raw_parse_is_synchronous_for_every_operation(driver: Driver) -> None:
    """As in the official SDK: `(await ...with_raw_response.op()).parse()` is not awaited."""
    from openai_images_sdk.testing import FakeImagesServer

    with FakeImagesServer(draw_text=False) as server:
        client = driver.client(base_url=server.base_url, max_retries=0)
        try:
            uploaded = await driver.run(
                client.files.create(file=("a.jsonl", b"{}\n"), purpose="batch")
            )
            ids = {"file": uploaded.id}
            for key in ("batch", "cancel"):
                batch = client.batches.create(
                    input_file_id=uploaded.id,
                    endpoint="/v1/images/generations",
                    completion_window="24h",
                )
                ids[key] = (await driver.run(batch)).id
            views = [
                getattr(client, name).with_raw_response for name in ("images", "files", "batches")
            ]
            for name, call in _calls(views, ids):
                retired = name == "create_variation"
                with (
                    pytest.warns(DeprecationWarning, match="retired")
                    if retired
                    else contextlib.nullcontext()
                ):
                    raw = await driver.run(call())
                assert isinstance(raw, AsyncRawAPIResponse if driver.is_async else RawAPIResponse)
                result = raw.parse()
                assert not inspect.isawaitable(result), name
                assert raw.parse() is result, "parsed once"
                if name.endswith("stream"):
                    assert isinstance(result, AsyncStream if driver.is_async else Stream)
                    opened: Any = result
                    await driver.run(opened.aclose() if driver.is_async else opened.close())
                else:
                    assert raw.is_closed, f"{name}: the body is read before the call returns"
                    assert type(result).__name__ != "coroutine"
        finally:
            await driver.close(client)
    assert len([n for n, _ in _calls(views, ids) if " " not in n]) == len(OPERATIONS)


async def test_async_raw_response_reads_and_closes() -> None:
    raw = as_raw_response(make(Driver("async"), body_chunks()))
    assert not raw.is_closed
    assert json.loads(await raw.read()) == BODY
    assert isinstance(raw.parse(), TinyImagesResponse)
    assert await raw.json() == BODY
    async with raw as entered:
        assert entered is raw
    assert raw.is_closed
    assert repr(raw).startswith("<AsyncRawAPIResponse [200 OK] POST")


async def test_raw_response_keeps_every_attribute_and_parses_afresh(driver: Driver) -> None:
    response = make(driver, body_chunks())
    response._parse_into(lambda result: ("paged", result))
    response.extra_note = "kept"
    response._parsed.append("a cached result of the old object")
    raw = raw_of(driver, response)
    assert raw.http_response is response.http_response
    assert raw.retries_taken == 1
    assert raw.extra_note == "kept"
    if not driver.is_async:
        raw.read()
    else:
        await raw.read()
    kind, result = raw.parse()
    assert kind == "paged"
    assert isinstance(result, TinyImagesResponse)


# The official SDK's names: raw responses (`with_raw_response`) have `content` and `text`
# properties, streaming responses (`with_streaming_response`) `read()` / `text()` methods.

GENERATIONS = "https://api.openai.com/v1/images/generations"


def raw_of(driver: Driver, response: Any) -> Any:
    return as_raw_response(response) if driver.is_async else as_sync_raw_response(response)


async def test_raw_response_content_and_text_are_properties(driver: Driver) -> None:
    response = make(driver, body_chunks(), headers={"x-request-id": "req_r"})
    await driver.run(response.read())  # the transport reads a raw response's body
    raw = raw_of(driver, response)
    assert isinstance(raw, AsyncRawAPIResponse if driver.is_async else RawAPIResponse)
    assert json.loads(raw.content) == BODY
    assert isinstance(raw.text, str)
    assert json.loads(raw.text) == BODY
    assert await driver.run(raw.read()) == raw.content, "read() still works"
    assert await driver.run(raw.json()) == BODY, "json() still works"
    assert raw.http_request is raw.http_response.request
    assert raw.http_request.method == "POST"
    assert raw.http_version == "HTTP/1.1"
    assert raw.retries_taken == 1
    assert raw.parse().request_id == "req_r"


async def test_streaming_response_keeps_read_text_json_methods(driver: Driver) -> None:
    response = make(driver, body_chunks())
    assert response.http_request.url.path == "/v1/images/generations"
    assert callable(response.text)
    assert json.loads(await driver.run(response.text())) == BODY
    assert not hasattr(response, "content"), "the official streaming response has none"


async def test_iter_text_gives_the_decoded_body(driver: Driver) -> None:
    response = make(driver, body_chunks())
    assert json.loads("".join(await driver.collect(response.iter_text()))) == BODY


async def test_with_raw_response_answers_with_the_raw_kind(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(GENERATIONS).respond(json=BODY)
    client = driver.client()
    try:
        raw = await driver.run(client.images.with_raw_response.generate(prompt="a lighthouse"))
        assert isinstance(raw, AsyncRawAPIResponse if driver.is_async else RawAPIResponse)
        assert raw.is_closed is True
        assert json.loads(raw.text) == BODY
        assert raw.http_request.url == GENERATIONS
        assert raw.parse().data[0].url == "https://x/img.png"
    finally:
        await driver.run(client.close())


async def test_retries_taken_counts_the_retries(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    busy = httpx.Response(503, headers={"retry-after-ms": "0"}, json={"error": {"message": "busy"}})
    respx_mock.post(GENERATIONS).mock(
        side_effect=[busy, busy, httpx.Response(200, json=BODY), httpx.Response(200, json=BODY)]
    )
    client = driver.client(max_retries=2)
    try:
        raw = await driver.run(client.images.with_raw_response.generate(prompt="a lighthouse"))
        assert raw.retries_taken == 2
        async with driver.enter(
            client.images.with_streaming_response.generate(prompt="a lighthouse")
        ) as streamed:
            assert streamed.retries_taken == 0
    finally:
        await driver.run(client.close())


def test_binary_content_reads_like_the_official_one(tmp_path: Any) -> None:
    request = httpx.Request("GET", "https://api.openai.com/v1/files/file-1/content")
    body = b'{"custom_id": "a"}\n'
    answer = structure_response(httpx.Response(200, content=body, request=request), bytes)
    assert isinstance(answer, BinaryContent)
    assert isinstance(answer, bytes)
    assert answer == body, "still the bytes"
    assert answer.content == answer.read() == body
    assert type(answer.content) is bytes
    assert answer.text == '{"custom_id": "a"}\n'
    assert answer.json() == {"custom_id": "a"}
    target = tmp_path / "out.jsonl"
    answer.write_to_file(target)
    assert target.read_bytes() == body
