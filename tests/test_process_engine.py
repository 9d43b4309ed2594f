"""`process_stream` in-process: order, the read-ahead bound, failures, retries, stop.

The API is an `httpx.MockTransport` whose handler can hold each request on an event, so
a test decides the order in which responses arrive without waiting on a clock.
"""

from __future__ import annotations

import base64
import json
import struct
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from openai_images_sdk._client import AsyncImagesClient
from openai_images_sdk.process import (
    MessageMapper,
    ProcessSummary,
    ReplyBuilder,
    decoder_for,
    process_stream,
)
from openai_images_sdk.process._codecs import Codec

pytestmark = pytest.mark.anyio

USAGE = {
    "input_tokens": 1,
    "output_tokens": 2,
    "total_tokens": 3,
    "input_tokens_details": {"text_tokens": 1, "image_tokens": 0},
}
Handler = Callable[[httpx.Request], Coroutine[None, None, httpx.Response]]


def image_bytes(prompt: str) -> bytes:
    return b"IMG:" + prompt.encode()


def answer(prompt: str, **headers: str) -> httpx.Response:
    body = {
        "created": 1,
        "data": [{"b64_json": base64.b64encode(image_bytes(prompt)).decode()}],
        "output_format": "png",
        "usage": USAGE,
    }
    return httpx.Response(200, json=body, headers={"x-request-id": f"req-{prompt}", **headers})


def prompt_of(request: httpx.Request) -> str:
    return str(json.loads(request.content)["prompt"])


async def instant(request: httpx.Request) -> httpx.Response:
    return answer(prompt_of(request))


class Source:
    """One netstring-framed message per `read`; counts reads and checks the bound."""

    def __init__(self, messages: list[bytes], sink: Sink, bound: int | None = None) -> None:
        self.messages = list(messages)
        self.sink = sink
        self.bound = bound
        self.reads = 0
        self.worst = 0
        self.hold: anyio.Event | None = None

    async def read(self) -> bytes:
        # Messages read so far minus messages answered: the read-ahead at this moment.
        ahead = self.reads - len(self.sink.out)
        self.worst = max(self.worst, ahead)
        if self.bound is not None:
            assert ahead < self.bound, (self.reads, len(self.sink.out))
        if not self.messages:
            if self.hold is not None:
                await self.hold.wait()
            return b""
        self.reads += 1
        message = self.messages.pop(0)
        return b"%d:%b," % (len(message), message)


class Sink:
    def __init__(self) -> None:
        self.out: list[tuple[str, bytes]] = []

    async def reply(self, frame: bytes) -> None:
        self.out.append(("reply", frame))

    async def fail(self, line: bytes) -> None:
        self.out.append(("fail", line))


def unframe(frame: bytes, codec: Codec = "netstring") -> bytes:
    if codec == "netstring":
        head, _, rest = frame.partition(b":")
        assert rest.endswith(b",")
        assert len(rest) == int(head) + 1
        return rest[:-1]
    if codec == "length_prefixed_uint32_be":
        assert struct.unpack(">I", frame[:4])[0] == len(frame) - 4
        return frame[4:]
    assert frame.endswith(b"\n")
    return frame[:-1]


async def run(
    messages: list[bytes],
    handler: Handler = instant,
    *,
    concurrency: int = 4,
    message: str = "text",
    reply: str = "image",
    sink: Sink | None = None,
    source: Source | None = None,
    codec_out: Codec = "netstring",
    stop: anyio.Event | None = None,
    max_attempts: int = 3,
    **params: Any,
) -> tuple[ProcessSummary, Sink]:
    sink = sink or Sink()
    source = source or Source(messages, sink)
    replies = ReplyBuilder(reply)  # type: ignore[arg-type]
    transport = httpx.MockTransport(handler)
    async with (
        httpx.AsyncClient(transport=transport) as http,
        AsyncImagesClient(
            api_key="sk-test", base_url="https://api.test/v1", http_client=http
        ) as client,
    ):
        summary = await process_stream(
            source,
            sink,
            client=client,
            decoder=decoder_for("netstring"),
            codec_out=codec_out,
            mapper=MessageMapper(
                message=message,  # type: ignore[arg-type]
                params={"model": "gpt-image-2", **params},
                max_images=replies.max_images,
            ),
            replies=replies,
            concurrency=concurrency,
            max_attempts=max_attempts,
            stop=stop,
            secrets=["sk-test"],
        )
    return summary, sink


async def test_replies_leave_in_input_order_when_responses_arrive_in_reverse() -> None:
    held = {f"p{i}": anyio.Event() for i in range(3)}
    answered: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        prompt = prompt_of(request)
        await held[prompt].wait()
        answered.append(prompt)
        return answer(prompt)

    async def release_backwards() -> None:
        for prompt in ("p2", "p1", "p0"):
            await anyio.wait_all_tasks_blocked()
            held[prompt].set()

    async with anyio.create_task_group() as group:
        group.start_soon(release_backwards)
        summary, sink = await run([b"p0", b"p1", b"p2"], handler, concurrency=3)
    assert answered == ["p2", "p1", "p0"]
    assert [unframe(frame) for _, frame in sink.out] == [image_bytes(f"p{i}") for i in range(3)]
    assert summary.replied == 3
    assert summary.failed == 0
    assert not summary.stopped


async def test_no_more_than_the_window_is_read_ahead_of_the_replies() -> None:
    release = anyio.Event()
    arrived: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        arrived.append(prompt_of(request))
        await release.wait()
        return answer(prompt_of(request))

    sink = Sink()
    source = Source([b"m%d" % i for i in range(10)], sink, bound=3)

    async def check_then_release() -> None:
        await anyio.wait_all_tasks_blocked()
        assert source.reads == 3  # the window is full: the 4th message stays unread
        assert sorted(arrived) == ["m0", "m1", "m2"]
        release.set()

    async with anyio.create_task_group() as group:
        group.start_soon(check_then_release)
        summary, _ = await run([], handler, concurrency=3, sink=sink, source=source)
    assert summary.messages == 10
    assert summary.replied == 10
    assert summary.most_open == 3


async def test_a_long_stream_never_reads_more_than_the_window_ahead() -> None:
    sink = Sink()
    source = Source([b"m%d" % i for i in range(2000)], sink, bound=8)
    summary, _ = await run([], concurrency=8, sink=sink, source=source)
    assert summary.replied == 2000
    assert source.worst <= 7
    assert summary.most_open <= 8


async def test_failed_messages_get_one_line_in_their_place_and_the_run_goes_on() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        if prompt_of(request) == "refuse me":
            return httpx.Response(
                400,
                json={"error": {"message": "bad prompt sk-test", "type": "invalid_request_error"}},
                headers={"x-request-id": "req-400"},
            )
        return answer(prompt_of(request))

    messages = [
        b'{"prompt": "one", "id": "a"}',
        b"not json",
        b'{"prompt": "two", "size": "13x13", "id": "b"}',
        b'{"prompt": "refuse me", "id": "c"}',
        b'{"prompt": "three", "n": 2}',
        b'{"prompt": "four"}',
    ]
    summary, sink = await run(messages, handler, message="json")
    kinds = [kind for kind, _ in sink.out]
    assert kinds == ["reply", "fail", "fail", "fail", "fail", "reply"]
    lines = [frame.decode() for kind, frame in sink.out if kind == "fail"]
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert lines[0].startswith(
        "openai-images process: message 1 failed: the message is not valid JSON"
    )
    assert lines[1].startswith('openai-images process: message 2 (id "b") failed: ValidationError')
    assert "size" in lines[1]
    assert lines[2].startswith('openai-images process: message 3 (id "c") failed: BadRequestError')
    assert "req-400" in lines[2]
    assert "sk-test" not in lines[2]
    assert "REDACTED" in lines[2]
    assert "message 4 failed: n=2: an image reply carries 1 image" in lines[3]
    assert summary.messages == 6
    assert summary.replied == 2
    assert summary.failed == 4


async def test_rate_limited_and_failing_requests_are_retried() -> None:
    calls: dict[str, int] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        prompt = prompt_of(request)
        calls[prompt] = calls.get(prompt, 0) + 1
        if prompt == "flaky" and calls[prompt] == 1:
            return httpx.Response(429, json={"error": {"message": "slow down"}},
                                  headers={"retry-after-ms": "0"})  # fmt: skip
        if prompt == "down":
            return httpx.Response(503, json={"error": {"message": "down"}},
                                  headers={"retry-after-ms": "0"})  # fmt: skip
        return answer(prompt)

    summary, sink = await run([b"flaky", b"down", b"fine"], handler, max_attempts=3)
    assert calls == {"flaky": 2, "down": 3, "fine": 1}
    assert [kind for kind, _ in sink.out] == ["reply", "fail", "reply"]
    assert b"message 1 failed: InternalServerError" in sink.out[1][1]
    assert summary.rate_limit_pauses == 1


async def test_stop_finishes_the_messages_read_and_reads_no_more() -> None:
    stop = anyio.Event()
    release = anyio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return answer(prompt_of(request))

    sink = Sink()
    source = Source([b"a", b"b"], sink)
    source.hold = anyio.Event()  # the input stays open, like a quiet pipe

    async def stop_then_release() -> None:
        await anyio.wait_all_tasks_blocked()
        stop.set()
        await anyio.wait_all_tasks_blocked()
        release.set()

    async with anyio.create_task_group() as group:
        group.start_soon(stop_then_release)
        summary, _ = await run([], handler, sink=sink, source=source, stop=stop)
    assert summary.stopped
    assert summary.messages == 2
    assert summary.replied == 2
    assert [unframe(frame) for _, frame in sink.out] == [image_bytes("a"), image_bytes("b")]


async def test_bad_framing_answers_what_came_before_then_stops() -> None:
    class Broken(Source):
        async def read(self) -> bytes:
            if self.reads == 0:
                self.reads = 1
                return b"1:a,1:b,1:c;"
            return b""

    sink = Sink()
    summary, _ = await run([], sink=sink, source=Broken([], sink))
    assert [kind for kind, _ in sink.out] == ["reply", "reply", "fail"]
    assert sink.out[2][1].startswith(b"openai-images process: message 2 failed: netstring:")
    assert summary.framing_error is not None
    assert summary.messages == 3


@pytest.mark.parametrize("reply", ["b64_json", "path"])
async def test_json_replies_carry_every_image_and_the_response_details(
    reply: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        data = [
            {"b64_json": base64.b64encode(b"IMG%d" % i).decode(), "revised_prompt": f"r{i}"}
            for i in range(body.get("n", 1))
        ]
        payload = {"created": 5, "data": data, "output_format": "png", "size": "1024x1024",
                   "usage": USAGE}  # fmt: skip
        return httpx.Response(200, json=payload, headers={"x-request-id": "req-1"})

    monkeypatch.chdir(tmp_path)
    sink = Sink()
    source = Source([b'{"prompt": "two", "n": 2, "id": "sku-1"}'], sink)
    replies = ReplyBuilder(reply, out=tmp_path / "out")  # type: ignore[arg-type]
    transport = httpx.MockTransport(handler)
    async with (
        httpx.AsyncClient(transport=transport) as http,
        AsyncImagesClient(api_key="k", base_url="https://api.test/v1", http_client=http) as client,
    ):
        await process_stream(
            source, sink, client=client, decoder=decoder_for("netstring"), codec_out="lines",
            mapper=MessageMapper(message="json"), replies=replies,
        )  # fmt: skip
    [(kind, frame)] = sink.out
    assert kind == "reply"
    assert frame.endswith(b"\n")
    assert frame.count(b"\n") == 1
    data = json.loads(frame)
    assert data["index"] == 0
    assert data["id"] == "sku-1"
    assert data["key"] == "sku-1"
    assert data["request_id"] == "req-1"
    assert data["usage"]["total_tokens"] == 3
    assert data["size"] == "1024x1024"
    assert data["operation"] == "generate"
    assert [image["revised_prompt"] for image in data["images"]] == ["r0", "r1"]
    if reply == "b64_json":
        assert [base64.b64decode(i["b64_json"]) for i in data["images"]] == [b"IMG0", b"IMG1"]
    else:
        paths = [image["path"] for image in data["images"]]
        assert [p.rsplit("/", 1)[-1] for p in paths] == ["sku-1-0.png", "sku-1-1.png"]
        assert [Path(p).read_bytes() for p in paths] == [b"IMG0", b"IMG1"]


async def test_public_surface_is_pinned() -> None:
    from openai_images_sdk import process

    assert process.__all__ == sorted(process.__all__, key=lambda n: (not n.isupper(), n))
    for name in process.__all__:
        assert getattr(process, name) is not None
