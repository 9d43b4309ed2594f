"""Run every benchmark script in benchmarks/ in turn and print one Markdown report.

Run from the repository root:

    .venv/bin/python benchmarks/run_all.py                      # every bench_*.py, full size
    .venv/bin/python benchmarks/run_all.py --quick              # smaller presets, a smoke run
    .venv/bin/python benchmarks/run_all.py --only bench_overhead.py
    .venv/bin/python benchmarks/run_all.py --args "bench_upload.py=--files 4 --size-mb 10"

Each `bench_*.py` runs alone, in its own process, with this interpreter, one after the
other (they time things; running them side by side would skew each other). The report
starts with one table: each script, its command, wall time, the 1-minute load average
before and after it, and its exit status. Each script's output follows under its own
heading, as printed when it contains a Markdown table, else in a code block. Nothing is
parsed out of the scripts' output, so their formats can change freely.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import platform
import shlex
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

QUICK: dict[str, tuple[str, ...]] = {
    "bench_bulk.py": ("--records", "300", "--runs", "1"),
    "bench_overhead.py": (
        "--calls",
        "200",
        "--rounds",
        "3",
        "--imports",
        "5",
        "--concurrent-rounds",
        "1",
    ),
    "bench_streaming.py": ("--rounds", "3"),
    "bench_import.py": ("--runs", "3"),
    "bench_large_response.py": ("--repeats", "1"),
    "bench_upload.py": ("--files", "4", "--size-mb", "10", "--runs", "2"),
    "bench_validation.py": ("--number", "20000"),
    "bench_instructions.py": ("--calls", "200"),
}
"""Smaller sizes for `--quick`, for the scripts whose options are known."""


@attrs.frozen(kw_only=True)
class Outcome:
    """One script's run."""

    script: str
    command: tuple[str, ...]
    seconds: float
    load: tuple[float, float]
    returncode: int | None
    """None when it ran out of time."""
    stdout: str
    stderr: str

    @property
    def status(self) -> str:
        if self.returncode is None:
            return "timed out"
        return "ok" if self.returncode == 0 else f"failed (exit {self.returncode})"


def run(script: Path, extra: Sequence[str], timeout: float) -> Outcome:
    """Run one script and capture what it prints."""
    command = (sys.executable, str(script.relative_to(ROOT)), *extra)
    before = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
        )
        returncode: int | None = done.returncode
        stdout, stderr = done.stdout, done.stderr
    except subprocess.TimeoutExpired as expired:
        returncode = None
        stdout = _text(expired.stdout)
        stderr = _text(expired.stderr)
    return Outcome(
        script=script.name,
        command=command,
        seconds=time.perf_counter() - started,
        load=(before, os.getloadavg()[0]),
        returncode=returncode,
        stdout=stdout,
        stderr=stderr,
    )


def _text(data: str | bytes | None) -> str:
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return data or ""


def has_table(text: str) -> bool:
    """Whether `text` holds a Markdown table (a header row, then a ``|---|`` rule)."""
    lines = [line.strip() for line in text.splitlines()]
    return any(
        a.startswith("|") and b.startswith("|") and set(b) <= set("|-: ")
        for a, b in itertools.pairwise(lines)
    )


def shown_command(outcome: Outcome) -> str:
    """The command as typed from the repository root, with the venv's python."""
    python = os.path.relpath(outcome.command[0], ROOT)
    if python.startswith(".."):
        python = "python"
    return " ".join([python, *(shlex.quote(part) for part in outcome.command[1:])])


def report(outcomes: Sequence[Outcome]) -> list[list[str]]:
    """Print the Markdown report; return the summary table's rows (header first)."""
    header = ["benchmark", "command", "wall time", "load avg (1 min) before / after", "status"]
    rows = [header]
    for outcome in outcomes:
        rows.append(
            [
                f"`{outcome.script}`",
                f"`{shown_command(outcome)}`",
                f"{outcome.seconds:,.1f} s",
                f"{outcome.load[0]:.2f} / {outcome.load[1]:.2f}",
                outcome.status,
            ]
        )
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"## Benchmarks ({now}; Python {platform.python_version()}; {os.cpu_count()} CPUs)\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows[1:]:
        print("| " + " | ".join(row) + " |")
    for outcome in outcomes:
        print(f"\n### {outcome.script}\n")
        output = outcome.stdout.strip()
        if output and has_table(output):
            print(output)
        elif output:
            print("```\n" + output + "\n```")
        else:
            print("(no output)")
        if outcome.returncode != 0 and outcome.stderr.strip():
            tail = "\n".join(outcome.stderr.strip().splitlines()[-20:])
            print("\nstderr (last lines):\n\n```\n" + tail + "\n```")
    return rows


def main(argv: Sequence[str] | None = None) -> list[list[str]]:
    """Run the selected scripts in sequence and print the report; returns the summary rows."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="run just this script")
    parser.add_argument("--skip", action="append", default=[], help="leave this script out")
    parser.add_argument(
        "--args",
        action="append",
        default=[],
        metavar="SCRIPT=ARGS",
        help='extra arguments for one script, e.g. "bench_upload.py=--files 4"',
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes where known")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per script")
    args = parser.parse_args(argv)

    extra: dict[str, list[str]] = {}
    if args.quick:
        extra.update({name: list(values) for name, values in QUICK.items()})
    for item in args.args:
        name, sep, values = item.partition("=")
        if not sep:
            parser.error(f"--args takes SCRIPT=ARGS, got {item!r}")
        extra[name.strip()] = shlex.split(values)

    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.name in args.only or s.stem in args.only]
    scripts = [s for s in scripts if s.name not in args.skip and s.stem not in args.skip]
    if not scripts:
        parser.error("no benchmark script selected")
    outcomes: list[Outcome] = []
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        outcomes.append(run(script, extra.get(script.name, []), args.timeout))
    return report(outcomes)


if __name__ == "__main__":
    main()
