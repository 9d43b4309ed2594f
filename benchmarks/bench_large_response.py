"""A large response: peak memory and time to the typed result, side by side.

Run from the repository root:

    .venv/bin/python benchmarks/bench_large_response.py
    .venv/bin/python benchmarks/bench_large_response.py --images 10 --mb 3 --repeats 5
    .venv/bin/python benchmarks/bench_large_response.py --official .tools/openai-venv/bin/python

A loopback server (a child process on 127.0.0.1) answers every POST with one JSON body of
`--images` images of `--mb` MB of base64 each (10 x 3 MB: a 30 MB payload). Each client
runs in a fresh interpreter of its own (a child of this one), so peak memory is the
client's alone: it imports its library, makes one small call (connection, lazy hooks), then
resets the kernel's high-water mark (``/proc/self/clear_refs``), makes the large call and
reports its peak RSS over the RSS just before it, and the wall and CPU time to the typed
result. Clients alternate within each repeat; the table shows medians.

- raw httpx: ``client.post(...).json()``, a dict (the floor).
- openai-images-sdk: ``client.images.generate(...)``, an `ImagesResponse`.
- openai: the official SDK's ``images.generate``, run by `--official` (an interpreter with
  ``openai`` installed, e.g. the one ``make check-drift`` creates); skipped when absent.

The CPU figure is the steadier one on a loaded machine; the RSS figure does not depend on
load at all.
"""

from __future__ import annotations

import argparse
import base64
import gc
import importlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
ROOT = HERE.parent.parent
DEFAULT_OFFICIAL = ROOT / ".tools" / "openai-venv" / "bin" / "python"
PAYLOAD = {"prompt": "a lighthouse", "model": "gpt-image-1.5", "size": "1024x1024"}


def _body(images: int, megabytes: float) -> bytes:
    image = base64.b64encode(random.Random(0).randbytes(int(megabytes * 2**20 * 3 / 4))).decode()
    usage = {
        "input_tokens": 10,
        "output_tokens": 4000,
        "total_tokens": 4010,
        "input_tokens_details": {"text_tokens": 10, "image_tokens": 0},
    }
    data = [{"b64_json": image} for _ in range(images)]
    return json.dumps({"created": 1, "data": data, "usage": usage}).encode()


def serve(images: int, megabytes: float) -> None:
    """The server child: print the port, answer POSTs (``small`` in the body: one tiny image)."""
    big = _body(images, megabytes)
    small = _body(1, 0.001)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            request = self.rfile.read(length)
            body = small if b"small" in request else big
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def client(kind: str, url: str, images: int, calls: int) -> None:
    """A client child: one warm-up call, then `calls` measured ones (only the last result
    kept, as a loop would); prints one JSON line with the peak and the time per call."""
    if kind == "httpx":
        import httpx

        plain = httpx.Client(base_url=url + "/", headers={"Authorization": "Bearer sk-bench"})

        def call(prompt: str) -> list[str]:
            result = plain.post("images/generations", json={**PAYLOAD, "prompt": prompt}).json()
            return [image["b64_json"] for image in result["data"]]

    elif kind == "ours":
        from openai_images_sdk import ImagesClient

        sdk = ImagesClient(api_key="sk-bench", base_url=url, max_retries=0)

        def call(prompt: str) -> list[str]:
            result = sdk.images.generate(prompt=prompt, model="gpt-image-1.5", size="1024x1024")
            return [image.b64_json or "" for image in result.data or []]

    else:
        openai: Any = importlib.import_module("openai")  # another interpreter's package
        official = openai.OpenAI(api_key="sk-bench", base_url=url, max_retries=0)

        def call(prompt: str) -> list[str]:
            result = official.images.generate(**{**PAYLOAD, "prompt": prompt})
            return [str(image.b64_json) for image in result.data]

    assert len(call("small")) == 1
    gc.collect()
    before = _status_kb("VmRSS")
    reset = _reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    strings: list[str] = []
    for _ in range(calls):
        strings = []
        strings = call("large")
    wall, cpu = (time.perf_counter() - wall) / calls, (time.process_time() - cpu) / calls
    peak = _status_kb("VmHWM") if reset else before
    assert len(strings) == images
    assert all(strings)
    print(json.dumps({"peak_mb": (peak - before) / 1024, "wall": wall, "cpu": cpu, "reset": reset}))


def _run_client(python: str, kind: str, url: str, images: int, calls: int) -> dict[str, float]:
    done = subprocess.run(
        [
            python,
            str(HERE),
            "--client",
            kind,
            "--url",
            url,
            f"--images={images}",
            f"--calls={calls}",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Large-response memory and time, side by side.")
    parser.add_argument("--images", type=int, default=10)
    parser.add_argument("--mb", type=float, default=3.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--calls", type=int, default=1, help="large calls per client process (peak over all)"
    )
    parser.add_argument("--official", default=str(DEFAULT_OFFICIAL))
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.images, args.mb)
        return 0
    if args.client:
        client(args.client, args.url, args.images, args.calls)
        return 0

    command = [sys.executable, str(HERE), "--serve", f"--images={args.images}", f"--mb={args.mb}"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{int(server.stdout.readline())}/v1"
        kinds = {
            "raw httpx": (sys.executable, "httpx"),
            "openai-images-sdk": (sys.executable, "ours"),
        }
        if Path(args.official).exists():
            kinds["openai (official)"] = (args.official, "official")
        samples: dict[str, list[dict[str, float]]] = {name: [] for name in kinds}
        for _ in range(args.repeats):
            for name, (python, kind) in kinds.items():
                samples[name].append(_run_client(python, kind, url, args.images, args.calls))
    finally:
        server.terminate()
        server.wait(10)

    payload_mb = args.images * args.mb
    load = os.getloadavg()[0]
    print(
        f"{args.images} x {args.mb:g} MB base64 response ({payload_mb:g} MB), "
        f"{args.calls} call(s) per client process, medians of "
        f"{args.repeats}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {load:.1f}"
    )
    print()
    print("| client | peak RSS over baseline | x payload | time to typed result | CPU per call |")
    print("|---|---|---|---|---|")
    for name, runs in samples.items():
        peak = statistics.median(run["peak_mb"] for run in runs)
        wall = statistics.median(run["wall"] for run in runs)
        cpu = statistics.median(run["cpu"] for run in runs)
        print(
            f"| {name} | {peak:.0f} MB | {peak / payload_mb:.1f}x | {wall * 1000:.0f} ms "
            f"| {cpu * 1000:.0f} ms |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
