"""Upload benchmark: an edit with 16 x 50 MB images and a mask, streamed from disk.

Run from the repository root (writes 16 x 50 MB to a temporary directory, then deletes it):

    .venv/bin/python benchmarks/bench_upload.py                 # 16 files x 50 MB, 5 rounds
    .venv/bin/python benchmarks/bench_upload.py --files 4 --size-mb 10 --runs 5
    .venv/bin/python benchmarks/bench_upload.py --naive         # also read-whole-files httpx

Every scenario runs in a fresh process against a loopback server in another process,
which reads each body to the end and answers with a tiny ImagesResponse. For each
scenario the table shows the peak RSS increase of the client process over the same
client idle (after a small warm-up edit), and the upload throughput (best and median of
the rounds; each round runs every scenario once, in a fresh process). Scenarios:

    sdk-sync     ImagesClient.images.edit(image=[16 paths], mask=path)
    sdk-async    AsyncImagesClient, the same call under asyncio
    httpx-sync   hand-written: a generator reading the files in 64 KiB chunks
    httpx-async  hand-written: an async generator reading the files in 1 MiB chunks
                 on the event loop (blocking it; the SDK reads in a worker thread)
    httpx-naive  httpx files= with every file read into memory (with --naive)

Targets (issue 4): SDK peak RSS increase < 32 MB; SDK throughput within 10 % of the
hand-written httpx stream of the same kind (sync vs sync, async vs async).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import resource
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import cast

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the SDK from this checkout

CHUNK = 64 * 1024  # the SDK's sync chunk size
ASYNC_CHUNK = 1024 * 1024  # the SDK's async chunk size (its reads go through a worker thread)
RESPONSE = json.dumps({"created": 1, "data": [{"b64_json": "aGk="}]}).encode()
SCENARIOS = ("sdk-sync", "sdk-async", "httpx-sync", "httpx-async")


# The loopback server (its own process, so its memory is not the client's)


def _serve_connection(conn: socket.socket) -> None:
    buffer = bytearray(1024 * 1024)
    view = memoryview(buffer)
    with conn:
        head = b""
        while b"\r\n\r\n" not in head:
            data = conn.recv(65536)
            if not data:
                return
            head += data
        header, _, rest = head.partition(b"\r\n\r\n")
        length = 0
        for line in header.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        remaining = length - len(rest)
        while remaining > 0:
            got = conn.recv_into(view, min(len(buffer), remaining))
            if not got:
                return
            remaining -= got
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(RESPONSE)}\r\n\r\n".encode()
            + RESPONSE
        )


def serve() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        print(server.getsockname()[1], flush=True)
        while True:
            conn, _ = server.accept()
            threading.Thread(target=_serve_connection, args=(conn,), daemon=True).start()


# Input files


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)


def make_files(directory: Path, count: int, size: int) -> tuple[list[Path], Path]:
    block = os.urandom(1024 * 1024)
    paths: list[Path] = []
    for index in range(count):
        path = directory / f"image{index:02}.png"
        with path.open("wb") as file:
            header = _png_header(1024, 1024)
            file.write(header)
            left = size - len(header)
            while left > 0:
                left -= file.write(block[: min(left, len(block))])
        paths.append(path)
    mask = directory / "mask.png"
    from openai_images_sdk._masks import mask_from_rectangles

    mask.write_bytes(mask_from_rectangles(1024, 1024, (0, 0, 512, 512)))
    (directory / "warmup.png").write_bytes(_png_header(1024, 1024) + b"\x00" * 1000)
    return paths, mask


# Hand-written httpx baselines


def _multipart_layout(paths: list[Path], mask: Path) -> tuple[str, list[bytes | Path], int]:
    boundary = os.urandom(16).hex()
    pieces: list[bytes | Path] = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nbench\r\n'.encode()
    ]
    for name, path in [*(("image[]", p) for p in paths), ("mask", mask)]:
        pieces.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{path.name}"\r\nContent-Type: image/png\r\n\r\n'
            ).encode()
        )
        pieces.append(path)
        pieces.append(b"\r\n")
    pieces.append(f"--{boundary}--\r\n".encode())
    length = sum(p.stat().st_size if isinstance(p, Path) else len(p) for p in pieces)
    return boundary, pieces, length


def _sync_stream(pieces: list[bytes | Path]) -> Iterator[bytes]:
    for piece in pieces:
        if isinstance(piece, bytes):
            yield piece
            continue
        with piece.open("rb") as file:
            while chunk := file.read(CHUNK):
                yield chunk


async def _async_stream(pieces: list[bytes | Path]) -> AsyncIterator[bytes]:
    for piece in pieces:
        if isinstance(piece, bytes):
            yield piece
            continue
        with piece.open("rb") as file:
            while chunk := file.read(ASYNC_CHUNK):
                yield chunk


# One scenario in this process


def _rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@dataclasses.dataclass(frozen=True)
class Job:
    scenario: str
    base_url: str
    paths: list[Path]
    mask: Path
    warmup: list[Path]
    runs: int


def measure(job: Job) -> dict[str, object]:
    """Run one scenario in this process: a warm-up edit, then `runs` timed big edits."""
    timings: list[float] = []
    if job.scenario.endswith("-async"):
        memory = asyncio.run(_measure_async(job, timings))
    else:
        with httpx.Client(timeout=120) as http:
            send = _sync_sender(job, http)
            send(job.warmup)  # imports, connection setup, capability table
            idle = _rss_kb()
            for _ in range(job.runs):
                started = time.perf_counter()
                send(job.paths)
                timings.append(time.perf_counter() - started)
            memory = {"rss_idle_kb": idle, "rss_peak_kb": _rss_kb()}
    total = sum(p.stat().st_size for p in job.paths) + job.mask.stat().st_size
    return {"scenario": job.scenario, "bytes": total, "seconds": timings, **memory}


def _sync_sender(job: Job, http: httpx.Client) -> Callable[[list[Path]], object]:
    url = f"{job.base_url}/images/edits"
    if job.scenario == "sdk-sync":
        from openai_images_sdk._client import ImagesClient

        client = ImagesClient(
            api_key="bench", base_url=job.base_url, max_retries=0, http_client=http
        )
        return lambda files: client.images.edit(image=files, mask=job.mask, prompt="bench")
    if job.scenario == "httpx-naive":

        def send_whole(files: list[Path]) -> object:
            parts = [("image[]", (p.name, p.read_bytes(), "image/png")) for p in files]
            parts.append(("mask", (job.mask.name, job.mask.read_bytes(), "image/png")))
            return http.post(url, data={"prompt": "bench"}, files=parts).raise_for_status()

        return send_whole

    def send_stream(files: list[Path]) -> object:
        boundary, pieces, length = _multipart_layout(files, job.mask)
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Content-Length": str(length),
        }
        return http.post(url, content=_sync_stream(pieces), headers=headers).raise_for_status()

    return send_stream


async def _measure_async(job: Job, timings: list[float]) -> dict[str, object]:
    from openai_images_sdk._client import AsyncImagesClient

    async with httpx.AsyncClient(timeout=120) as http:
        client = AsyncImagesClient(
            api_key="bench", base_url=job.base_url, max_retries=0, http_client=http
        )

        async def send(files: list[Path]) -> None:
            if job.scenario == "sdk-async":
                await client.images.edit(image=files, mask=job.mask, prompt="bench")
                return
            boundary, pieces, length = _multipart_layout(files, job.mask)
            headers = {
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Content-Length": str(length),
            }
            response = await http.post(
                f"{job.base_url}/images/edits", content=_async_stream(pieces), headers=headers
            )
            response.raise_for_status()

        await send(job.warmup)
        idle = _rss_kb()
        for _ in range(job.runs):
            started = time.perf_counter()
            await send(job.paths)
            timings.append(time.perf_counter() - started)
        return {"rss_idle_kb": idle, "rss_peak_kb": _rss_kb()}


# Driver


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=16)
    parser.add_argument(
        "--size-mb", type=float, default=50.0, help="MB of 10**6 bytes (under the 50 MiB limit)"
    )
    parser.add_argument("--runs", type=int, default=5, help="rounds (one upload per scenario each)")
    parser.add_argument(
        "--naive", action="store_true", help="also measure httpx with files read whole"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if args.measure:
        directory = Path(args.dir)
        job = Job(
            scenario=args.measure,
            base_url=args.base_url,
            paths=sorted(directory.glob("image*.png")),
            mask=directory / "mask.png",
            warmup=[directory / "warmup.png"],
            runs=args.runs,
        )
        print(json.dumps(measure(job)))
        return

    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    base_url = f"http://127.0.0.1:{server.stdout.readline().strip()}/v1"
    directory = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    try:
        make_files(directory, args.files, int(args.size_mb * 1_000_000))
        scenarios = [*SCENARIOS, "httpx-naive"] if args.naive else list(SCENARIOS)
        results: dict[str, dict[str, object]] = {}
        # Rounds interleave the scenarios (in a rotating order) so that load from other
        # processes on the machine hits them alike; each round is a fresh process.
        for round_ in range(args.runs):
            shift = round_ % len(scenarios)
            for scenario in scenarios[shift:] + scenarios[:shift]:
                command = [sys.executable, __file__, "--measure", scenario, "--base-url", base_url]
                command += ["--dir", str(directory), "--runs", "1"]
                out = subprocess.run(command, check=True, capture_output=True, text=True)
                one = json.loads(out.stdout)
                merged = results.setdefault(scenario, {**one, "seconds": [], "rss_kb": []})
                merged["seconds"].append(one["seconds"][0])  # type: ignore[attr-defined]
                merged["rss_kb"].append(one["rss_peak_kb"] - one["rss_idle_kb"])  # type: ignore[attr-defined]
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(directory)
    _print_table(list(results.values()), args)


def _print_table(results: list[dict[str, object]], args: argparse.Namespace) -> None:
    print(
        f"{args.files} images x {args.size_mb:g} MB + mask, {args.runs} rounds, loopback, Python {sys.version.split()[0]}, httpx {httpx.__version__}"
    )
    print(f"{'scenario':<12} {'peak RSS +MiB':>13} {'best MB/s':>10} {'median MB/s':>12}")
    speeds: dict[str, float] = {}
    for result in results:
        megabytes = int(result["bytes"]) / 1e6  # type: ignore[call-overload]
        seconds: list[float] = result["seconds"]  # type: ignore[assignment]
        rss = max(result["rss_kb"]) / 1024  # type: ignore[call-overload]
        best, median = megabytes / min(seconds), megabytes / statistics.median(seconds)
        speeds[str(result["scenario"])] = median
        print(f"{result['scenario']!s:<12} {rss:>13.1f} {best:>10.0f} {median:>12.0f}")
    rounds = {str(r["scenario"]): cast("list[float]", r["seconds"]) for r in results}
    for kind in ("sync", "async"):
        ratio = speeds[f"sdk-{kind}"] / speeds[f"httpx-{kind}"]
        # Same-round pairs ran back to back, so they share the machine's load of the moment.
        pairs = zip(rounds[f"httpx-{kind}"], rounds[f"sdk-{kind}"], strict=True)
        paired = statistics.median(theirs / ours for theirs, ours in pairs)
        print(
            f"sdk-{kind} / httpx-{kind} throughput: {ratio:.1%} (ratio of medians), "
            f"{paired:.1%} (median of same-round ratios)"
        )


if __name__ == "__main__":
    main()
