"""Bulk runner benchmark: 1,000 records at concurrency 64 against a fake server with latency.

Run from the repository root:

    .venv/bin/python benchmarks/bench_bulk.py                    # 1000 records, 64 at a time, 3 runs
    .venv/bin/python benchmarks/bench_bulk.py --records 2000 --concurrency 100 --latency 0.2

The fake server (`FakeImagesServer`, ``latency`` seconds before each answer) runs in its
own process, so its request handling does not share the client's GIL. The client runs
`bulk_generate` over a JSONL file with tiny images (gpt-image-2 JPEG, 64x64 by default,
``--size`` to change) so that the server's rendering does not dominate, writing every
image and manifest line to a temporary folder (fsync included) as a real run would.

``--baseline`` also times bare httpx sending the same requests at the same concurrency
without writing anything, through one connection pool and through four (the runner
spreads its workers over pools of 16 connections, see `bulk._runner._shards`): the
runner's own cost is its time minus the four-pool baseline.

Reported per run: wall time, the ideal ``ceil(records / concurrency) x latency`` (every
wave of requests waits one latency; 1000/64 x 0.2 s = 3.1 s, rounded up to whole waves
3.2 s), their ratio (target: within 1.2x of 1000/64 x 0.2 s), throughput, and the client
process's peak RSS (``ru_maxrss``; it includes the interpreter and imports).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the SDK from this checkout

import anyio
import httpx

from openai_images_sdk._client import AsyncImagesClient
from openai_images_sdk.bulk import BulkSummary, bulk_generate, read_records

SIZE = "64x64"
SERVER = """
import sys
from openai_images_sdk.fake_server import serve_forever
serve_forever(port=int(sys.argv[1]), latency=float(sys.argv[2]), draw_text=False,
              on_ready=lambda server: print("ready", flush=True))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(latency: float) -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port), str(latency)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        process.kill()
        raise RuntimeError("the fake server did not start")
    return process, f"http://127.0.0.1:{port}/v1"


def _input_file(folder: Path, records: int) -> Path:
    path = folder / "records.jsonl"
    with path.open("w") as handle:
        for i in range(records):
            handle.write(json.dumps({"id": f"r{i:05d}", "title": f"product {i}"}) + "\n")
    return path


async def _run(
    base_url: str, records: int, concurrency: int, out: Path, size: str = SIZE
) -> BulkSummary:
    rows = read_records(_input_file(out.parent, records))  # streamed, as the CLI reads it
    async with AsyncImagesClient(api_key="sk-bench", base_url=base_url) as client:
        return await bulk_generate(
            rows,
            client=client,
            out=out,
            prompt="{title} on a white background",
            concurrency=concurrency,
            progress=False,
            model="gpt-image-2",
            size=size,
            output_format="jpeg",
        )


async def _baseline(
    base_url: str, records: int, concurrency: int, pools: int, size: str = SIZE
) -> None:
    """Bare httpx: the same requests from `concurrency` tasks over `pools` pools, no saving."""
    body = {"prompt": "product", "model": "gpt-image-2", "size": size, "output_format": "jpeg"}
    clients = [
        httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": "Bearer sk-bench"},
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=100),
        )
        for _ in range(pools)
    ]
    left = list(range(records))

    async def worker(client: httpx.AsyncClient) -> None:
        while left:
            left.pop()
            response = await client.post("images/generations", json=body)
            response.raise_for_status()
            response.json()

    async with anyio.create_task_group() as group:
        for index in range(concurrency):
            group.start_soon(worker, clients[index % pools])
    for client in clients:
        await client.aclose()


def main() -> None:
    """Run the benchmark and print one line per run and a summary."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default=SIZE, help=f"image size (default {SIZE})")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also time bare httpx sending the same requests (one pool, and 4 pools)",
    )
    args = parser.parse_args()

    stated = args.records / args.concurrency * args.latency
    waves = math.ceil(args.records / args.concurrency) * args.latency
    server, base_url = _start_server(args.latency)
    times: list[float] = []
    try:
        for run in range(args.runs + 1):  # run 0 warms up (imports, connections)
            folder = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
            count = args.records if run else 64
            try:
                started = time.perf_counter()
                summary = anyio.run(
                    _run, base_url, count, args.concurrency, folder / "out", args.size
                )
                elapsed = time.perf_counter() - started
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            if not run:
                continue
            if summary.done != args.records:
                raise RuntimeError(f"run {run}: {summary}")
            times.append(elapsed)
            print(
                f"run {run}: {elapsed:.2f} s ({elapsed / stated:.2f}x of {stated:.2f} s, "
                f"{elapsed / waves:.2f}x of {waves:.2f} s in whole waves), "
                f"{args.records / elapsed:.0f} images/s"
            )
        if args.baseline:
            for pools in (1, 4):
                started = time.perf_counter()
                anyio.run(_baseline, base_url, args.records, args.concurrency, pools, args.size)
                elapsed = time.perf_counter() - started
                print(
                    f"bare httpx, {pools} pool(s), no files: {elapsed:.2f} s "
                    f"({elapsed / stated:.2f}x of {stated:.2f} s)"
                )
    finally:
        server.terminate()
        server.wait(10)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best, median = min(times), statistics.median(times)
    print(
        f"\n{args.records} records, concurrency {args.concurrency}, latency {args.latency} s: "
        f"best {best:.2f} s ({best / stated:.2f}x), median {median:.2f} s "
        f"({median / stated:.2f}x) vs ideal {stated:.2f} s; client peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
