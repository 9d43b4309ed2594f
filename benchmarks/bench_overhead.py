"""Per-call overhead, a 10-image response, import time and 500 concurrent calls.

Run from the repository root:

    .venv/bin/python benchmarks/bench_overhead.py
    .venv/bin/python benchmarks/bench_overhead.py --calls 500 --rounds 3   # quicker

Every figure is measured for three clients side by side: this SDK, hand-written httpx
doing the same POST and JSON parse, and the official `openai` package when it is
importable (`.venv/bin/pip install openai`; the SDK never imports it). The servers are
asyncio programs in child processes on 127.0.0.1, so their work is not the client's:

- small generate: an answer with one tiny image, no delay; microseconds per call, sync
  and async (asyncio), median and best of the rounds (rounds interleave the clients).
- 10-image response: 10 images of `--image-mb` MB each (base64 in the JSON), POST and
  parse, then also decode every image to bytes; milliseconds per call.
- import time: a fresh interpreter importing the package, minus one importing nothing;
  best of `--imports` runs. Also with the first client and its `images` attribute,
  which load the generated models.
- concurrency: `--concurrent` async calls at once against a server that waits
  `--delay` seconds per answer; wall time for all of them, with the client's default
  connection pool, with the limits raised to that many connections, and with that many
  connections but only 20 kept alive when idle. httpcore's pool does work per request
  in proportion to queued requests times pooled connections, so idle keep-alive
  connections cost more than they save at this scale. (The SDK's default is 100
  connections, all kept alive; recent `openai` releases run on the httpx2 fork.)

Prints one Markdown table; `main()` also returns its rows.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the SDK from this checkout

from openai_images_sdk import AsyncImagesClient, ImagesClient

PAYLOAD: dict[str, Any] = {  # what every client sends (the SDK's calls spell it out)
    "prompt": "a lighthouse at dusk",
    "model": "gpt-image-1.5",
    "size": "1024x1024",
    "quality": "low",
}
BIG = {"X-Bench-Body": "big"}
USAGE = {
    "input_tokens": 12,
    "output_tokens": 272,
    "total_tokens": 284,
    "input_tokens_details": {"text_tokens": 12, "image_tokens": 0},
}
COLUMNS = ("openai-images-sdk", "httpx by hand", "openai")

# -- the server (a child process) ------------------------------------------------------------


def _bodies(image_mb: float) -> tuple[bytes, bytes]:
    small = {"created": 1, "data": [{"b64_json": base64.b64encode(b"\x89PNG" * 16).decode()}]}
    image = base64.b64encode(random.Random(0).randbytes(int(image_mb * 2**20))).decode()
    big = {"created": 1, "data": [{"b64_json": image} for _ in range(10)], "usage": USAGE}
    return json.dumps({**small, "usage": USAGE}).encode(), json.dumps(big).encode()


async def _serve(delay: float, image_mb: float) -> None:
    bodies = _bodies(image_mb)
    head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                lines = (await reader.readuntil(b"\r\n\r\n")).split(b"\r\n")
                length, big = 0, False
                for line in lines[1:]:
                    name, _, value = line.partition(b":")
                    name = name.strip().lower()
                    if name == b"content-length":
                        length = int(value)
                    elif name == b"x-bench-body":
                        big = value.strip() == b"big"
                await reader.readexactly(length)
                if delay:
                    await asyncio.sleep(delay)
                body = bodies[big]
                writer.write(head % len(body) + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=4096)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


class Server:
    """A benchmark server in a child process; `url` is its base URL."""

    def __init__(self, *, delay: float, image_mb: float) -> None:
        command = [
            sys.executable,
            __file__,
            "--serve",
            f"--delay={delay}",
            f"--image-mb={image_mb}",
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.url = f"http://127.0.0.1:{int(self.process.stdout.readline())}/v1"

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)


# -- the clients ---------------------------------------------------------------------------------

SyncCall = Callable[[dict[str, str] | None], Sequence[str]]
AsyncCall = Callable[[dict[str, str] | None], Awaitable[Sequence[str]]]
"""One generate call (with extra headers); returns the images' base64 strings."""


def _official() -> Any:
    try:
        import openai
    except ImportError:
        return None
    return openai


def _transport_name(openai: Any) -> str:
    """The HTTP library under the official SDK (recent releases use the httpx2 fork)."""
    package = openai.DefaultAsyncHttpxClient.__mro__[1].__module__.split(".")[0]
    version = getattr(sys.modules.get(package), "__version__", "?")
    return f"{package} {version}"


def _official_pool(openai: Any, limits: httpx.Limits | None) -> Any:
    """The official SDK's own default client class with `limits`, or None for its default."""
    if limits is None:
        return None
    library: Any = httpx
    with contextlib.suppress(ImportError):
        import httpx2  # what openai's client class is built on, when it is

        library = httpx2
    wide = library.Limits(
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
    )
    return openai.DefaultAsyncHttpxClient(limits=wide, timeout=600)


def sync_clients(url: str) -> tuple[dict[str, SyncCall], list[Callable[[], object]]]:
    """The three sync clients, and the functions that close them."""
    sdk = ImagesClient(api_key="sk-bench", base_url=url, max_retries=0)
    plain = httpx.Client(base_url=url + "/", headers={"Authorization": "Bearer sk-bench"})
    closers: list[Callable[[], object]] = [sdk.close, plain.close]

    def ours(headers: dict[str, str] | None) -> Sequence[str]:
        result = sdk.images.generate(
            prompt="a lighthouse at dusk", model="gpt-image-1.5", size="1024x1024",
            quality="low", extra_headers=headers,
        )  # fmt: skip
        return [image.b64_json or "" for image in result.data or []]

    def by_hand(headers: dict[str, str] | None) -> Sequence[str]:
        response = plain.post("images/generations", json=PAYLOAD, headers=headers)
        response.raise_for_status()
        return [image["b64_json"] for image in response.json()["data"]]

    calls: dict[str, SyncCall] = {COLUMNS[0]: ours, COLUMNS[1]: by_hand}
    openai = _official()
    if openai is not None:
        official = openai.OpenAI(api_key="sk-bench", base_url=url, max_retries=0)

        def theirs(headers: dict[str, str] | None) -> Sequence[str]:
            result: Any = official.images.generate(**PAYLOAD, extra_headers=headers)
            return [image.b64_json for image in result.data]

        calls[COLUMNS[2]] = theirs
        closers.append(official.close)
    return calls, closers


def async_clients(
    url: str, limits: httpx.Limits | None = None
) -> tuple[dict[str, AsyncCall], list[Callable[[], Awaitable[object]]]]:
    """The three async clients and their closers; `limits` replaces each one's default pool."""

    def pool() -> httpx.AsyncClient | None:
        return None if limits is None else httpx.AsyncClient(limits=limits, timeout=600)

    given = pool()
    sdk = AsyncImagesClient(api_key="sk-bench", base_url=url, max_retries=0, http_client=given)
    plain = pool() or httpx.AsyncClient(timeout=600)
    closers: list[Callable[[], Awaitable[object]]] = [sdk.aclose, plain.aclose]
    if given is not None:
        closers.append(given.aclose)

    async def ours(headers: dict[str, str] | None) -> Sequence[str]:
        result = await sdk.images.generate(
            prompt="a lighthouse at dusk", model="gpt-image-1.5", size="1024x1024",
            quality="low", extra_headers=headers,
        )  # fmt: skip
        return [image.b64_json or "" for image in result.data or []]

    async def by_hand(headers: dict[str, str] | None) -> Sequence[str]:
        auth = {"Authorization": "Bearer sk-bench", **(headers or {})}
        response = await plain.post(f"{url}/images/generations", json=PAYLOAD, headers=auth)
        response.raise_for_status()
        return [image["b64_json"] for image in response.json()["data"]]

    calls: dict[str, AsyncCall] = {COLUMNS[0]: ours, COLUMNS[1]: by_hand}
    openai = _official()
    if openai is not None:
        theirs_pool = _official_pool(openai, limits)
        official = openai.AsyncOpenAI(
            api_key="sk-bench", base_url=url, max_retries=0, http_client=theirs_pool
        )
        closers.append(official.close)
        if theirs_pool is not None:
            closers.append(theirs_pool.aclose)

        async def theirs(headers: dict[str, str] | None) -> Sequence[str]:
            result: Any = await official.images.generate(**PAYLOAD, extra_headers=headers)
            return [image.b64_json for image in result.data]

        calls[COLUMNS[2]] = theirs
    return calls, closers


# -- measuring -------------------------------------------------------------------------------------


def _cell(samples: Sequence[float], scale: float, unit: str) -> str:
    if not samples:
        return "n/a"
    return f"{statistics.median(samples) * scale:,.0f} {unit} (best {min(samples) * scale:,.0f})"


def _ms(samples: Sequence[float]) -> str:
    return f"{min(samples) * 1e3:,.0f} ms" if samples else "n/a"


def _decode_all(images: Sequence[str]) -> None:
    for image in images:
        base64.b64decode(image)


def small_and_big_sync(url: str, args: argparse.Namespace) -> dict[str, dict[str, list[float]]]:
    calls, closers = sync_clients(url)
    found: dict[str, dict[str, list[float]]] = {}
    for call in calls.values():
        for _ in range(50):
            call(None)
        if not args.small_only:
            assert len(call(BIG)) == 10
    for _ in range(args.rounds):
        for name, call in calls.items():
            started, cpu = time.perf_counter(), time.process_time()
            for _ in range(args.calls):
                call(None)
            per_call = (time.perf_counter() - started) / args.calls
            cpu_per_call = (time.process_time() - cpu) / args.calls
            found.setdefault("small generate, sync", {}).setdefault(name, []).append(per_call)
            found.setdefault("small generate, sync, CPU", {}).setdefault(name, []).append(
                cpu_per_call
            )
            if args.small_only:
                continue
            started = time.perf_counter()
            for _ in range(args.big_calls):
                call(BIG)
            parse = (time.perf_counter() - started) / args.big_calls
            found.setdefault("10-image response, parse", {}).setdefault(name, []).append(parse)
            started = time.perf_counter()
            for _ in range(args.big_calls):
                _decode_all(call(BIG))
            both = (time.perf_counter() - started) / args.big_calls
            found.setdefault("10-image response, parse + decode", {}).setdefault(name, []).append(
                both
            )
    for close in closers:
        close()
    return found


async def small_async(url: str, args: argparse.Namespace) -> dict[str, dict[str, list[float]]]:
    calls, closers = async_clients(url)
    found: dict[str, dict[str, list[float]]] = {"wall": {}, "cpu": {}}
    for call in calls.values():
        for _ in range(50):
            await call(None)
    for _ in range(args.rounds):
        for name, call in calls.items():
            started, cpu = time.perf_counter(), time.process_time()
            for _ in range(args.calls):
                await call(None)
            found["wall"].setdefault(name, []).append((time.perf_counter() - started) / args.calls)
            found["cpu"].setdefault(name, []).append((time.process_time() - cpu) / args.calls)
    for close in closers:
        await close()
    return found


async def concurrent(
    url: str, args: argparse.Namespace, limits: httpx.Limits | None
) -> dict[str, list[float]]:
    calls, closers = async_clients(url, limits)
    found: dict[str, list[float]] = {}
    for _ in range(args.concurrent_rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            results = await asyncio.gather(*(call(None) for _ in range(args.concurrent)))
            found.setdefault(name, []).append(time.perf_counter() - started)
            assert len(results) == args.concurrent
    for close in closers:
        await close()
    return found


def _interpreter_time(code: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)
        best = min(best, time.perf_counter() - started)
    return best


def _importtime(module: str) -> float | None:
    """The cumulative import time `-X importtime` reports for `module`, in seconds."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent,
    )  # fmt: skip
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)\s*$", line)
        if match and match.group(2) == module:
            return int(match.group(1)) / 1e6
    return None


def import_times(runs: int) -> dict[str, dict[str, list[float]]]:
    nothing = _interpreter_time("pass", runs)
    modules = {COLUMNS[0]: "openai_images_sdk", COLUMNS[1]: "httpx"}
    first_client = {
        COLUMNS[0]: "import openai_images_sdk as m; m.ImagesClient(api_key='k').images",
        COLUMNS[1]: "import httpx; httpx.Client()",
    }
    if _official() is not None:
        modules[COLUMNS[2]] = "openai"
        first_client[COLUMNS[2]] = "import openai; openai.OpenAI(api_key='k').images.generate"
    found: dict[str, dict[str, list[float]]] = {
        "import, wall (best of runs, minus bare interpreter)": {},
        "import, -X importtime cumulative": {},
        "import + first client + `images`": {},
    }
    for name, module in modules.items():
        found["import, wall (best of runs, minus bare interpreter)"][name] = [
            _interpreter_time(f"import {module}", runs) - nothing
        ]
        reported = _importtime(module)
        found["import, -X importtime cumulative"][name] = [] if reported is None else [reported]
        found["import + first client + `images`"][name] = [
            _interpreter_time(first_client[name], runs) - nothing
        ]
    return found


# -- the table --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> list[list[str]]:
    """Run every measurement, print the Markdown table, and return its rows."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000, help="small calls per round")
    parser.add_argument("--big-calls", type=int, default=3, help="10-image calls per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--image-mb", type=float, default=1.5, help="MB per image, before base64")
    parser.add_argument(
        "--imports", type=int, default=10, help="interpreter runs per import figure"
    )
    parser.add_argument("--concurrent", type=int, default=500)
    parser.add_argument("--concurrent-rounds", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.2, help="server wait per answer, seconds")
    parser.add_argument(
        "--small-only", action="store_true", help="only the small-call rows (wall and CPU)"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < 4 * args.concurrent:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4 * args.concurrent), hard))
    if args.serve:
        asyncio.run(_serve(args.delay, args.image_mb))
        return []

    load_before = os.getloadavg()
    rows: list[list[str]] = []
    fast = Server(delay=0, image_mb=args.image_mb)
    try:
        sync = small_and_big_sync(fast.url, args)
        small = asyncio.run(small_async(fast.url, args))
    finally:
        fast.close()

    def add(label: str, cells: dict[str, list[float]], scale: float, unit: str) -> None:
        rows.append([label, *(_cell(cells.get(column, []), scale, unit) for column in COLUMNS)])

    add("small generate, sync (µs/call)", sync["small generate, sync"], 1e6, "µs")
    add("small generate, sync (CPU µs/call)", sync["small generate, sync, CPU"], 1e6, "µs")
    add("small generate, async (µs/call)", small["wall"], 1e6, "µs")
    add("small generate, async (CPU µs/call)", small["cpu"], 1e6, "µs")
    for label, ratios in _ratios(sync["small generate, sync, CPU"], small["cpu"]).items():
        rows.append([label, *ratios])
    if args.small_only:
        return _print(rows, args, load_before)
    for key in ("10-image response, parse", "10-image response, parse + decode"):
        label = key.replace("10-image response", f"10-image response (10 x {args.image_mb:g} MB)")
        add(f"{label}, sync (ms/call)", sync[key], 1e3, "ms")

    slow = Server(delay=args.delay, image_mb=0.001)
    try:
        pooled = asyncio.run(concurrent(slow.url, args, None))
        wide = httpx.Limits(
            max_connections=args.concurrent, max_keepalive_connections=args.concurrent
        )
        raised = asyncio.run(concurrent(slow.url, args, wide))
        few = httpx.Limits(max_connections=args.concurrent, max_keepalive_connections=20)
        few_kept = asyncio.run(concurrent(slow.url, args, few))
    finally:
        slow.close()
    what = f"{args.concurrent} concurrent async calls, {args.delay * 1000:g} ms server"
    add(f"{what}, default pool (ms wall)", pooled, 1e3, "ms")
    add(f"{what}, pool of {args.concurrent} (ms wall)", raised, 1e3, "ms")
    add(f"{what}, pool of {args.concurrent}, 20 kept alive (ms wall)", few_kept, 1e3, "ms")
    for label, cells in import_times(args.imports).items():
        rows.append([f"{label} (ms)", *(_ms(cells.get(column, [])) for column in COLUMNS)])

    return _print(rows, args, load_before)


def _ratios(
    sync: dict[str, list[float]], asynchronous: dict[str, list[float]]
) -> dict[str, list[str]]:
    """CPU per call as a multiple of hand-written httpx (medians), for each client."""
    found: dict[str, list[str]] = {}
    for label, cells in (("sync", sync), ("async", asynchronous)):
        floor = statistics.median(cells[COLUMNS[1]])
        found[f"small generate, {label}: CPU / httpx by hand"] = [
            f"{statistics.median(cells[column]) / floor:.2f}x" if cells.get(column) else "n/a"
            for column in COLUMNS
        ]
    return found


def _print(
    rows: list[list[str]], args: argparse.Namespace, load_before: tuple[float, float, float]
) -> list[list[str]]:
    openai = _official()
    header = [
        "benchmark",
        COLUMNS[0],
        COLUMNS[1],
        f"openai {openai.__version__} (on {_transport_name(openai)})"
        if openai
        else "openai (not installed)",
    ]
    load_after = os.getloadavg()
    print(
        f"Python {platform.python_version()}, httpx {httpx.__version__}, {os.cpu_count()} CPUs; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after; "
        f"{args.rounds} rounds of {args.calls} small calls; figures: median (best)\n"
    )
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return [header, *rows]


if __name__ == "__main__":
    main()
