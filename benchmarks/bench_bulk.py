"""Bulk runner benchmark: 1,000 records at concurrency 64 against a fake server with latency.

Run from the repository root:

    .venv/bin/python benchmarks/bench_bulk.py --baseline         # 1000 records, 64 at a time, 5 pairs
    .venv/bin/python benchmarks/bench_bulk.py --records 2000 --concurrency 100 --latency 0.2

The fake server (`FakeImagesServer`, ``latency`` seconds before each answer) runs in its
own process, so its request handling does not share the client's GIL. The client runs
`bulk_generate` over a JSONL file with tiny images (gpt-image-2 JPEG, 64x64 by default,
``--size`` to change) so that the server's rendering does not dominate, writing every
image and manifest line to a temporary folder (fsync included) as a real run would.

``--baseline`` alternates every bulk run with bare httpx sending the same requests at
the same concurrency over four connection pools (the runner spreads its workers over
pools of 16 connections, see `bulk._runner._shards`) without writing anything, and
reports the ratio bulk / bare httpx of each pair and its median: the two share whatever
load the machine has, so the ratio is what to compare across machines and days
(target: <= 1.15x, durable writes included). The load average is printed at the start
and the end.

Reported per run: wall time, against the ideal ``ceil(records / concurrency) x latency``
(every wave of requests waits one latency; 1000/64 x 0.2 s in whole waves is 3.2 s),
throughput, and the client process's peak RSS (``ru_maxrss``; it includes the
interpreter and imports).
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


def _time_bulk(base_url: str, records: int, concurrency: int, size: str) -> float:
    folder = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
    try:
        started = time.perf_counter()
        summary = anyio.run(_run, base_url, records, concurrency, folder / "out", size)
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if summary.done != records:
        raise RuntimeError(f"the run did not finish every record: {summary}")
    return elapsed


def _time_bare(base_url: str, records: int, concurrency: int, pools: int, size: str) -> float:
    started = time.perf_counter()
    anyio.run(_baseline, base_url, records, concurrency, pools, size)
    return time.perf_counter() - started


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def main() -> None:
    """Run the benchmark and print one line per run and a summary."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default=SIZE, help=f"image size (default {SIZE})")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="alternate each run with bare httpx (4 pools, no files) and report the ratio",
    )
    args = parser.parse_args()

    stated = args.records / args.concurrency * args.latency
    waves = math.ceil(args.records / args.concurrency) * args.latency
    print(f"start: {_load()}")
    server, base_url = _start_server(args.latency)
    times: list[float] = []
    bare: list[float] = []
    ratios: list[float] = []
    try:
        _time_bulk(base_url, args.concurrency, args.concurrency, args.size)  # warm-up
        if args.baseline:
            _time_bare(base_url, args.concurrency, args.concurrency, 4, args.size)
        for run in range(1, args.runs + 1):
            # alternate which goes first, so a change in load hits both alike
            order = ("bulk", "bare") if run % 2 else ("bare", "bulk")
            measured: dict[str, float] = {}
            for which in order if args.baseline else ("bulk",):
                if which == "bulk":
                    measured[which] = _time_bulk(
                        base_url, args.records, args.concurrency, args.size
                    )
                else:
                    measured[which] = _time_bare(
                        base_url, args.records, args.concurrency, 4, args.size
                    )
            elapsed = measured["bulk"]
            times.append(elapsed)
            line = (
                f"run {run}: bulk {elapsed:.2f} s ({elapsed / waves:.2f}x of {waves:.2f} s "
                f"in whole waves), {args.records / elapsed:.0f} images/s"
            )
            if "bare" in measured:
                bare.append(measured["bare"])
                ratios.append(elapsed / measured["bare"])
                line += f"; bare httpx {measured['bare']:.2f} s; ratio {ratios[-1]:.2f}x"
            print(line, flush=True)
    finally:
        server.terminate()
        server.wait(10)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    median = statistics.median(times)
    print(
        f"\n{args.records} records, concurrency {args.concurrency}, latency {args.latency} s "
        f"(ideal {stated:.2f} s): bulk median {median:.2f} s ({median / stated:.2f}x ideal); "
        f"client peak RSS {peak_mb:.0f} MB"
    )
    if ratios:
        print(
            f"bare httpx (4 pools, no files) median {statistics.median(bare):.2f} s; "
            f"bulk / bare httpx in the same run: median {statistics.median(ratios):.2f}x "
            f"(per run: {', '.join(f'{r:.2f}' for r in ratios)}); target <= 1.15x"
        )
    print(f"end: {_load()}")


if __name__ == "__main__":
    main()
