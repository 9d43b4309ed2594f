"""Streaming throughput: our Stream against raw httpx and the official `openai` SDK.

Run: .venv/bin/python benchmarks/bench_streaming.py [--events 10] [--mb 3] [--rounds 9]
(the official SDK row imports `openai` from `--official-site`, by default the
site-packages of `.tools/openai-venv` that `make check-drift` creates, appended to
`sys.path` in this process only; it is never installed next to the package)

A loopback server (a child process on 127.0.0.1) answers every POST with one
text/event-stream body: partial-image events then a completed event, each carrying MB
megabytes of base64 on one `data:` line, sent chunked in 64 KiB pieces. Every client
reads the whole body each round; rounds interleave the clients, and the table shows the
median and the best throughput. Targets: >= 2x the official SDK, within 20% of raw httpx.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from base64 import b64encode
from collections.abc import Callable
from pathlib import Path

import httpx

from openai_images_sdk import _streaming
from openai_images_sdk._generated.models import ImageGenCompletedEvent, ImageGenStreamEvent

CHUNK = 64 * 1024
PATH = "/v1/images/generations"


def build_body(events: int, megabytes: float) -> bytes:
    """The event-stream body: `events - 1` partial images, then the completed event."""
    image = b64encode(random.Random(0).randbytes(int(megabytes * 1024 * 1024 * 3 / 4))).decode()
    common = {"created_at": 1, "size": "1024x1024", "quality": "high", "background": "opaque"}
    parts: list[bytes] = []
    for index in range(events):
        data: dict[str, object] = {"b64_json": image, **common, "output_format": "png"}
        if index < events - 1:
            kind = "image_generation.partial_image"
            data["partial_image_index"] = index
        else:
            kind = "image_generation.completed"
            data["usage"] = {
                "input_tokens": 10,
                "output_tokens": 4000,
                "total_tokens": 4010,
                "input_tokens_details": {"text_tokens": 10, "image_tokens": 0},
            }
        parts.append(f"event: {kind}\ndata: {json.dumps({'type': kind, **data})}\n\n".encode())
    return b"".join(parts)


def serve(events: int, megabytes: float) -> None:
    """The child process: print the port, then answer POSTs until killed."""
    body = build_body(events, megabytes)
    framed = bytearray()
    for start in range(0, len(body), CHUNK):
        piece = body[start : start + CHUNK]
        framed += b"%x\r\n" % len(piece) + piece + b"\r\n"
    framed += b"0\r\n\r\n"
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
        b"transfer-encoding: chunked\r\nx-request-id: req_bench\r\n\r\n"
    )

    def handle(conn: socket.socket) -> None:
        with conn:
            pending = b""
            while True:
                while b"\r\n\r\n" not in pending:
                    data = conn.recv(65536)
                    if not data:
                        return
                    pending += data
                header, _, pending = pending.partition(b"\r\n\r\n")
                length = 0
                for line in header.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(pending) < length:
                    pending += conn.recv(65536)
                pending = pending[length:]
                conn.sendall(head)
                conn.sendall(framed)

    listener = socket.create_server(("127.0.0.1", 0))
    print(listener.getsockname()[1], len(body), flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


def raw_httpx(client: httpx.Client, url: str, expect: tuple[int, int]) -> None:
    received = 0
    with client.stream("POST", url, json={"prompt": "bench", "stream": True}) as response:
        for chunk in response.iter_bytes():
            received += len(chunk)
    assert received == expect[1], received


def ours_sync(client: httpx.Client, url: str, expect: tuple[int, int]) -> None:
    request = client.build_request("POST", url, json={"prompt": "bench", "stream": True})
    response = client.send(request, stream=True)
    stream: _streaming.Stream[ImageGenStreamEvent] = _streaming.Stream(
        response, event_type=ImageGenStreamEvent
    )
    count = sum(1 for _ in stream)
    assert count == expect[0], count
    assert isinstance(stream.completed, ImageGenCompletedEvent)


def sdk_client(base_url: str, expect: tuple[int, int]) -> Callable[[], None]:
    """The whole path: `ImagesClient.images.generate(stream=True)` (validation included)."""
    from openai_images_sdk._client import ImagesClient

    client = ImagesClient(base_url=base_url, api_key="sk-bench", max_retries=0, timeout=60)

    def one() -> None:
        stream = client.images.generate(
            prompt="bench", model="gpt-image-1.5", stream=True, partial_images=3
        )
        count = sum(1 for _ in stream)
        assert count == expect[0], count

    return one


def async_clients(url: str, expect: tuple[int, int]) -> dict[str, Callable[[], None]]:
    """Raw `aiter_bytes` and our `AsyncStream`, on one asyncio loop and one client."""
    loop = asyncio.new_event_loop()
    client = httpx.AsyncClient(timeout=60)
    body = {"prompt": "bench", "stream": True}

    async def raw() -> None:
        received = 0
        async with client.stream("POST", url, json=body) as response:
            async for chunk in response.aiter_bytes():
                received += len(chunk)
        assert received == expect[1], received

    async def ours() -> None:
        response = await client.send(client.build_request("POST", url, json=body), stream=True)
        stream: _streaming.AsyncStream[ImageGenStreamEvent] = _streaming.AsyncStream(
            response, event_type=ImageGenStreamEvent
        )
        async with stream:
            count = len([event async for event in stream])
        assert count == expect[0], count

    return {
        "httpx aiter_bytes, no parsing (raw, asyncio)": lambda: loop.run_until_complete(raw()),
        "openai_images_sdk AsyncStream (asyncio)": lambda: loop.run_until_complete(ours()),
    }


def _official_site() -> str | None:
    """The site-packages of `.tools/openai-venv`, when `make check-drift` has made it."""
    root = Path(__file__).resolve().parent.parent / ".tools" / "openai-venv" / "lib"
    found = sorted(root.glob("python*/site-packages"))
    return str(found[-1]) if found else None


def official_sdk(
    base_url: str, expect: tuple[int, int], site: str | None
) -> Callable[[], None] | None:
    if site and site not in sys.path:
        sys.path.append(site)
    try:
        import openai
    except ImportError:
        return None
    client = openai.OpenAI(base_url=base_url, api_key="sk-bench", max_retries=0, timeout=60)

    def one() -> None:
        stream = client.images.generate(
            prompt="bench", model="gpt-image-1.5", stream=True, partial_images=3
        )
        count = sum(1 for _ in stream)
        assert count == expect[0], count

    return one


def main() -> None:
    parser = argparse.ArgumentParser(description="Streaming throughput benchmark.")
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of base64 per event")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--official-site", default=_official_site())
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.events, args.mb)
        return

    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--events", str(args.events), "--mb", str(args.mb)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port, size = (int(word) for word in server.stdout.readline().split())
        base_url = f"http://127.0.0.1:{port}/v1"
        url = f"http://127.0.0.1:{port}{PATH}"
        expect = (args.events, size)
        client = httpx.Client(timeout=60)
        clients: dict[str, Callable[[], None]] = {
            "httpx iter_bytes, no parsing (raw)": lambda: raw_httpx(client, url, expect),
            "openai_images_sdk Stream": lambda: ours_sync(client, url, expect),
            "openai_images_sdk ImagesClient generate()": sdk_client(base_url, expect),
            **async_clients(url, expect),
        }
        official = official_sdk(base_url, expect, args.official_site)
        if official is not None:
            clients["official openai SDK Stream"] = official
        times: dict[str, list[float]] = {name: [] for name in clients}
        cpu: dict[str, list[float]] = {name: [] for name in clients}
        for run in clients.values():
            run()  # warm-up: connections, imports, converter hooks
        for _ in range(args.rounds):
            for name, run in clients.items():
                started, cpu_started = time.perf_counter(), time.process_time()
                run()
                times[name].append(time.perf_counter() - started)
                cpu[name].append(time.process_time() - cpu_started)
    finally:
        server.kill()
        server.wait()

    megabytes = size / 1e6
    rate = {name: megabytes / statistics.median(values) for name, values in times.items()}
    print(
        f"# .venv/bin/python benchmarks/bench_streaming.py --events {args.events} "
        f"--mb {args.mb} --rounds {args.rounds}"
    )
    print(
        f"{args.events} events x {args.mb} MB base64 = {megabytes:.1f} MB per stream, "
        f"{args.rounds} rounds, loopback, chunked 64 KiB"
    )
    cpu_ms = {name: 1000 * statistics.median(values) for name, values in cpu.items()}
    header = f"{'client':46} {'median MB/s':>12} {'best MB/s':>10} {'vs raw':>7}"
    print(f"{header} {'CPU ms/stream':>14}")
    raw = rate["httpx iter_bytes, no parsing (raw)"]
    for name, values in times.items():
        best = megabytes / min(values)
        line = f"{name:46} {rate[name]:12.0f} {best:10.0f} {rate[name] / raw:7.2f}"
        print(f"{line} {cpu_ms[name]:14.0f}")
    ours = rate["openai_images_sdk Stream"]
    print(f"Stream vs raw httpx: {100 * (1 - ours / raw):.0f}% slower (target: at most 20%)")
    ours_async = rate["openai_images_sdk AsyncStream (asyncio)"]
    raw_async = rate["httpx aiter_bytes, no parsing (raw, asyncio)"]
    print(f"AsyncStream vs raw async httpx: {100 * (1 - ours_async / raw_async):.0f}% slower")
    if official is not None:
        whole = rate["openai_images_sdk ImagesClient generate()"]
        ratio = whole / rate["official openai SDK Stream"]
        print(f"ImagesClient vs official SDK, same call: {ratio:.1f}x (target: at least 2x)")
        cpu_ratio = (
            cpu_ms["official openai SDK Stream"]
            / cpu_ms["openai_images_sdk ImagesClient generate()"]
        )
        print(f"... by CPU time per stream (steadier under load): {cpu_ratio:.1f}x")


if __name__ == "__main__":
    main()
