"""Start-up time of `openai-images --help`, with `import httpx` as the floor (target 250 ms).

Run: .venv/bin/python benchmarks/bench_cli_startup.py [--runs N] [--python PATH]

``--python`` names the interpreter of the children (default: this one), e.g. a
runtime-only venv (``python3 -m venv /tmp/images-rt && /tmp/images-rt/bin/pip install -q .``),
where httpx does not import the dev tools click and pygments. The children import this
checkout and run from bytecode: ``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment and ``PYTHONPYCACHEPREFIX`` points at a temporary directory that the warm-up run
of each command compiles into (`_bytecode`).

Each repeat starts fresh interpreters, alternating between the commands so load on the
machine hits them alike, and the medians are printed side by side:
``--help``, ``generate --help``, ``import openai_images_sdk`` (what the package itself
costs the command), ``import httpx`` and an empty interpreter. CPU time (user + system
of the child) is shown next to wall time: on a loaded machine it moves much less.
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
COMMANDS: dict[str, list[str]] = {
    "openai-images --help": ["-m", "openai_images_sdk", "--help"],
    "openai-images generate --help": ["-m", "openai_images_sdk", "generate", "--help"],
    "import openai_images_sdk": ["-c", "import openai_images_sdk"],
    "import httpx (floor)": ["-c", "import httpx"],
    "python -c pass": ["-c", "pass"],
}
"""The arguments of each command after the interpreter."""


def _once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{argv} exited with {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; prints one median per command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="repeats per command (default 15)")
    parser.add_argument("--python", default=sys.executable, help="the children's interpreter")
    args = parser.parse_args(argv)
    env = compiled_env({"PYTHONPATH": str(ROOT)})
    commands = {name: [args.python, *command] for name, command in COMMANDS.items()}
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in commands.values():  # warm the file cache and write the bytecode
        _once(command, env)
    for _ in range(args.runs):
        for name, command in commands.items():
            wall, cpu = _once(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    floor = statistics.median(walls["import httpx (floor)"])
    cpu_floor = statistics.median(cpus["import httpx (floor)"])
    print(f"{'command':<32} {'wall median':>12} {'CPU median':>11}  vs import httpx (wall, CPU)")
    for name in COMMANDS:
        wall = statistics.median(walls[name])
        cpu = statistics.median(cpus[name])
        print(
            f"{name:<32} {wall * 1000:9.1f} ms {cpu * 1000:8.1f} ms  "
            f"{wall / floor:5.2f}x {cpu / cpu_floor:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
