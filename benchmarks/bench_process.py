"""Stream-processor benchmark: ``openai-images process`` fed like a pipelining engine.

Run from the repository root:

    .venv/bin/python benchmarks/bench_process.py                       # 1000 messages, 16 at a time, 200 ms
    .venv/bin/python benchmarks/bench_process.py --messages 10000 --latency 0 --runs 1   # memory

The fake server (`FakeImagesServer`, ``latency`` seconds before each answer, tiny
gpt-image-2 JPEGs) runs in its own process. The processor runs as the engine would run
it: ``openai-images process --codec netstring --reply image --concurrency N`` with its
stdin and stdout piped. A writer thread writes every message at once (the process reads
no more than N ahead, so the pipe pushes back), the main thread reads the replies and
checks that each is a JPEG, in order. One warm-up message is answered before the clock
starts, so imports and the first connection are not timed.

Reported per run: wall time from the first message written to the last reply read, the
ideal ``messages / concurrency x latency`` (every request waits one latency, N at a
time), the rate as a fraction of the ideal rate (target: at least 0.8), and the
processor's peak RSS (``VmHWM`` from /proc, Linux) after 10 % of the messages and at the
end: a bounded processor has the same peak after 1,000 messages as after 10,000.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
SERVER = """
import sys
from openai_images_sdk.testing import serve_forever
serve_forever(port=int(sys.argv[1]), latency=float(sys.argv[2]), draw_text=False,
              on_ready=lambda server: print("ready", flush=True))
"""


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(latency: float) -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port), str(latency)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        process.kill()
        raise RuntimeError("the fake server did not start")
    return process, f"http://127.0.0.1:{port}/v1"


def _netstring(payload: bytes) -> bytes:
    return b"%d:%b," % (len(payload), payload)


def _read_netstring(stream: IO[bytes]) -> bytes:
    digits = b""
    while (char := stream.read(1)) != b":":
        if not char:
            raise RuntimeError("the processor's stdout ended")
        digits += char
    body = stream.read(int(digits) + 1)
    if not body.endswith(b","):
        raise RuntimeError("a reply without its netstring comma")
    return body[:-1]


def _peak_rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _run(base_url: str, messages: int, concurrency: int, size: str) -> tuple[float, float, float]:
    """One processor run: (seconds, peak RSS MB after 10 %, peak RSS MB at the end)."""
    command = [
        sys.executable, "-m", "openai_images_sdk", "process",
        "--codec", "netstring", "--reply", "image", "--message", "json",
        "--prompt", "{title} on a white background", "--concurrency", str(concurrency),
        "--model", "gpt-image-2", "--size", size, "--output-format", "jpeg",
        "--base-url", base_url, "--api-key", "sk-bench",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_env())
    assert process.stdin is not None
    assert process.stdout is not None
    stdin, stdout = process.stdin, process.stdout
    frames = [
        _netstring(json.dumps({"id": f"m{i}", "title": f"product {i}"}).encode())
        for i in range(messages + 1)
    ]
    stdin.write(frames[0])
    stdin.flush()
    if not _read_netstring(stdout).startswith(b"\xff\xd8"):  # warm-up
        raise RuntimeError("the warm-up reply is not a JPEG")

    def write() -> None:
        for chunk in frames[1:]:
            stdin.write(chunk)
        stdin.close()

    started = time.perf_counter()
    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    early = float("nan")
    for index in range(messages):
        if not _read_netstring(stdout).startswith(b"\xff\xd8"):
            raise RuntimeError(f"reply {index} is not a JPEG")
        if index + 1 == max(1, messages // 10):
            early = _peak_rss_mb(process.pid)
    elapsed = time.perf_counter() - started
    late = _peak_rss_mb(process.pid)
    writer.join()
    if process.wait(60) != 0:
        raise RuntimeError(f"the processor exited with {process.returncode}")
    return elapsed, early, late


def main() -> None:
    """Run the benchmark and print one line per run and a summary."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="64x64", help="image size (default 64x64)")
    args = parser.parse_args()

    ideal = args.messages / args.concurrency * args.latency
    server, base_url = _start_server(args.latency)
    times: list[float] = []
    peaks: list[tuple[float, float]] = []
    try:
        for run in range(1, args.runs + 1):
            elapsed, early, late = _run(base_url, args.messages, args.concurrency, args.size)
            times.append(elapsed)
            peaks.append((early, late))
            rate = f"{ideal / elapsed:.2f}x of the ideal rate" if ideal else "no latency"
            print(
                f"run {run}: {elapsed:.2f} s for {args.messages} messages "
                f"({args.messages / elapsed:.0f}/s, {rate}); processor peak RSS "
                f"{early:.0f} MB after {max(1, args.messages // 10)} messages, {late:.0f} MB "
                "at the end"
            )
    finally:
        server.terminate()
        server.wait(10)
    best, median = min(times), statistics.median(times)
    ideal_text = (
        f"ideal {ideal:.2f} s; best {ideal / best:.2f}x, median {ideal / median:.2f}x of "
        "the ideal rate"
        if ideal
        else "no latency"
    )
    print(
        f"\n{args.messages} messages, concurrency {args.concurrency}, latency "
        f"{args.latency} s: best {best:.2f} s, median {median:.2f} s ({ideal_text}); "
        f"processor peak RSS {max(p[1] for p in peaks):.0f} MB"
    )


if __name__ == "__main__":
    main()
