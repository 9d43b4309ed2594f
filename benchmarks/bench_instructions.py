"""Instructions per small async `generate` call, counted by valgrind (callgrind).

Timings on a busy 2-core machine move by 10% and more; instruction counts do not. Each
client makes its calls against an in-process `httpx.MockTransport` (no socket, so only the
client's own code is counted; the SDK's pool is built as the SDK builds its own), in a
child run twice under callgrind: with 0 and with `--calls` measured calls after the same
warm-up. The difference, divided by the calls, is
what one call costs. Rows:

- ``sdk``: ``await client.images.generate(...)`` with the default (strict) validation;
- ``sdk, validation="off"``: the same call without pre-send validation;
- ``httpx by hand``: ``await http.post(url, json=..., headers=...)``, ``raise_for_status()``
  and ``response.json()``, the same request and answer.

Run from the repository root (needs valgrind; about 3 minutes on 2 cores):

    .venv/bin/python benchmarks/bench_instructions.py [--calls 1000] [--socket]

With ``--socket`` each client calls `bench_overhead.py`'s server (a process of its own,
not counted) over loopback instead, so httpcore, the socket and the event loop count too:
the client's share of a real call.

Instructions are not time: code that runs between socket waits finds colder caches than a
warm loop, so the CPU-time ratio of `bench_overhead.py` is larger than this one.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = {
    "prompt": "a lighthouse at dusk",
    "model": "gpt-image-1.5",
    "size": "1024x1024",
    "quality": "low",
}
USAGE = {
    "input_tokens": 12,
    "output_tokens": 272,
    "total_tokens": 284,
    "input_tokens_details": {"text_tokens": 12, "image_tokens": 0},
}
ROWS = {"sdk": "sdk", "off": 'sdk, validation="off"', "hand": "httpx by hand"}
WARM_UP = 200


async def _calls(which: str, count: int, url: str | None) -> None:
    """`WARM_UP + count` calls of one client (the child's job); over a loopback socket to
    the server at `url` when given."""
    import httpx

    sys.path.insert(0, str(ROOT))
    from openai_images_sdk import AsyncImagesClient
    from openai_images_sdk._config import POOL_HEADERS

    image = base64.b64encode(b"\x89PNG" * 16).decode()
    body = json.dumps({"created": 1, "data": [{"b64_json": image}], "usage": USAGE}).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    validation: Literal["strict", "off"] = "off" if which == "off" else "strict"
    if url is None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        # the SDK's pool as the SDK builds its own (its default headers), on the same transport
        pool = httpx.AsyncClient(transport=httpx.MockTransport(answer), headers=POOL_HEADERS)
        sdk = AsyncImagesClient(
            api_key="sk-bench",
            base_url="https://x/v1",
            max_retries=0,
            http_client=pool,
            validation=validation,
        )
    else:  # the SDK opens its own pool; both send to the benchmark server
        http = httpx.AsyncClient(timeout=600)
        sdk = AsyncImagesClient(
            api_key="sk-bench", base_url=url, max_retries=0, validation=validation
        )
    base = url or "https://x/v1"

    async def ours() -> list[str]:
        result = await sdk.images.generate(
            prompt="a lighthouse at dusk", model="gpt-image-1.5", size="1024x1024",
            quality="low",
        )  # fmt: skip
        return [image.b64_json or "" for image in result.data or []]

    async def by_hand() -> list[str]:
        response = await http.post(
            f"{base}/images/generations",
            json=PAYLOAD,
            headers={"Authorization": "Bearer sk-bench"},
        )
        response.raise_for_status()
        return [image["b64_json"] for image in response.json()["data"]]

    call = by_hand if which == "hand" else ours
    for _ in range(WARM_UP + count):
        await call()


def _counted(which: str, count: int, url: str | None) -> int:
    """The instructions callgrind counts for a child making `count` measured calls (the
    server, a process of its own, is not counted)."""
    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run(
            [
                "valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/out",
                sys.executable, __file__, "--child", which, str(count), url or "",
            ],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no count from callgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Instructions per call, counted by callgrind.")
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument(
        "--socket",
        action="store_true",
        help="call bench_overhead.py's server over loopback (the event loop and httpcore count)",
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("WHICH", "COUNT", "URL"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        warnings.simplefilter("ignore")
        which, count, url = args.child
        asyncio.run(_calls(which, int(count), url or None))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    server = None
    if args.socket:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from bench_overhead import Server

        server = Server(delay=0, image_mb=0.001)
    url = server.url if server is not None else None
    jobs = [(which, count) for which in ROWS for count in (0, args.calls)]
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = pool.map(lambda job: _counted(job[0], job[1], url), jobs)
            totals = dict(zip(jobs, counts, strict=True))
    finally:
        if server is not None:
            server.close()
    per_call = {
        which: (totals[which, args.calls] - totals[which, 0]) / args.calls for which in ROWS
    }
    floor = per_call["hand"]
    where = "over a loopback socket" if args.socket else "against httpx.MockTransport"
    print(f"instructions per small async generate call, {where} ({args.calls} calls, callgrind)")
    print()
    print("| client | instructions per call | vs httpx by hand |")
    print("|---|---|---|")
    for which, label in ROWS.items():
        print(f"| {label} | {per_call[which]:,.0f} | {per_call[which] / floor:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
