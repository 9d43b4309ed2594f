"""Start-up time of `openai-images --help`, with `import httpx` as the floor (target 250 ms).

Run: .venv/bin/python benchmarks/bench_cli_startup.py [--runs N]

Each repeat starts fresh interpreters, alternating between the commands so load on the
machine hits them alike, and the medians are printed side by side:
``--help``, ``generate --help``, ``import openai_images_sdk`` (what the package itself
costs the command), ``import httpx`` and an empty interpreter.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS: dict[str, list[str]] = {
    "openai-images --help": [sys.executable, "-m", "openai_images_sdk", "--help"],
    "openai-images generate --help": [
        sys.executable,
        "-m",
        "openai_images_sdk",
        "generate",
        "--help",
    ],
    "import openai_images_sdk": [sys.executable, "-c", "import openai_images_sdk"],
    "import httpx (floor)": [sys.executable, "-c", "import httpx"],
    "python -c pass": [sys.executable, "-c", "pass"],
}


def _once(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; prints one median per command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="repeats per command (default 15)")
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm the file cache
        _once(command)
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            times[name].append(_once(command))
    floor = statistics.median(times["import httpx (floor)"])
    print(f"{'command':<32} {'median':>9} {'min':>9}  vs import httpx")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(
            f"{name:<32} {median * 1000:7.1f} ms {min(samples) * 1000:7.1f} ms  {median / floor:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
