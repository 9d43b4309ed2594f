"""Import time, side by side: raw httpx (the floor), this package, the official SDK.

Run from the repository root:

    .venv/bin/python benchmarks/bench_import.py [--runs 7]
    .venv/bin/python benchmarks/bench_import.py --official .tools/openai-venv/bin/python

    # the honest floor: a runtime-only venv (httpx, attrs, cattrs), without the dev tools
    # (click and pygments, which httpx imports when they are installed)
    python3 -m venv /tmp/images-rt && /tmp/images-rt/bin/pip install -q .
    .venv/bin/python benchmarks/bench_import.py --python /tmp/images-rt/bin/python

The children import this checkout (``PYTHONPATH`` is the repository root) with whichever
interpreter `--python` names. They run from bytecode: ``PYTHONDONTWRITEBYTECODE`` is
dropped from their environment and ``PYTHONPYCACHEPREFIX`` points at a temporary
directory, and one unmeasured warm-up run of every row compiles it (`_bytecode`).

Every figure is a fresh interpreter (a child of this one); the rows alternate within each
run, and the table shows medians. Two measures per row: ``-X importtime`` cumulative
(the sum of the top-level imports' cumulative times, what the issue's targets are written
in) and the child's CPU time (user + system, interpreter start included), which load on
the machine moves less than wall time. The official SDK runs in its own interpreter (it is
never installed next to this package); its floor is the HTTP library it is built on
(``httpx2`` in recent releases), measured in that same interpreter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _bytecode import compiled_env

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OFFICIAL = ROOT / ".tools" / "openai-venv" / "bin" / "python"

OURS: dict[str, str] = {
    "import httpx (floor)": "import httpx",
    "import httpx; httpx.Client() (floor with a client)": "import httpx\nhttpx.Client()",
    "import openai_images_sdk": "import openai_images_sdk",
    "from openai_images_sdk import ImagesClient": "from openai_images_sdk import ImagesClient",
    "... and ImagesClient().images (first client)": (
        "from openai_images_sdk import ImagesClient\nImagesClient(api_key='sk-x').images"
    ),
    "python -c pass": "pass",
}
OFFICIAL: dict[str, str] = {
    "official: import httpx2 (its floor)": "import httpx2",
    "official: import openai": "import openai",
    "official: ... and OpenAI().images": "import openai\nopenai.OpenAI(api_key='sk-x').images",
}


def _importtime_ms(stderr: str) -> float:
    """The sum of the top-level imports' cumulative microseconds, in milliseconds."""
    total = 0
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        if name.startswith(" ") and not name.startswith("  "):
            total += int(cumulative)
    return total / 1000


def _once(python: str, code: str, env: dict[str, str]) -> tuple[float, float]:
    before = os.times()
    done = subprocess.run(
        [python, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return _importtime_ms(done.stderr), cpu * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Import time, side by side.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--official", default=str(DEFAULT_OFFICIAL))
    parser.add_argument(
        "--python", default=sys.executable, help="the interpreter of our rows (default: this one)"
    )
    args = parser.parse_args(argv)
    env = compiled_env({"PYTHONPATH": str(ROOT)})
    rows = [(name, args.python, code) for name, code in OURS.items()]
    if Path(args.official).exists():
        rows += [(name, args.official, code) for name, code in OFFICIAL.items()]
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in rows}
    for _, python, code in rows:  # writes the bytecode
        _once(python, code, env)
    for _ in range(args.runs):
        for name, python, code in rows:
            samples[name].append(_once(python, code, env))
    medians = {
        name: (
            statistics.median(run[0] for run in runs),
            statistics.median(run[1] for run in runs),
        )
        for name, runs in samples.items()
    }
    floor = medians["import httpx (floor)"]
    print(
        f"medians of {args.runs}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"load {os.getloadavg()[0]:.1f}, ours with {args.python}, from bytecode"
    )
    print()
    print("| import | -X importtime cumulative | vs httpx | child CPU | vs httpx |")
    print("|---|---|---|---|---|")
    for name, (importtime, cpu) in medians.items():
        print(
            f"| {name} | {importtime:.0f} ms | {importtime / floor[0]:.2f}x "
            f"| {cpu:.0f} ms | {cpu / floor[1]:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
