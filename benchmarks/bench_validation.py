"""Microseconds per `validate_request` call (target: under 20 us for a known model).

Run: .venv/bin/python benchmarks/bench_validation.py [--number N]
Uses codegen's operation constants when present, else the test suite's hand-built ones.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import timeit
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from openai_images_sdk._operation import OperationSpec
from openai_images_sdk._validation import validate_request

TESTS = Path(__file__).resolve().parents[1] / "tests"

CASES: dict[str, tuple[str, dict[str, object]]] = {
    "generate, gpt-image-2, typical": (
        "generate",
        {
            "prompt": "a lighthouse at dusk, oil on canvas",
            "model": "gpt-image-2",
            "n": 2,
            "size": "1536x864",
            "quality": "high",
            "output_format": "webp",
            "output_compression": 80,
            "background": "opaque",
        },
    ),
    "generate, gpt-image-1.5, minimal": (
        "generate",
        {"prompt": "a lighthouse at dusk", "model": "gpt-image-1.5"},
    ),
    "generate, gpt-image-2, streaming": (
        "generate",
        {
            "prompt": "a lighthouse at dusk",
            "model": "gpt-image-2",
            "size": "2048x1152",
            "stream": True,
            "partial_images": 2,
        },
    ),
    "generate, unknown model": (
        "generate",
        {"prompt": "a lighthouse at dusk", "model": "my-local-model", "n": 3, "size": "999x999"},
    ),
}


def operations() -> tuple[str, Mapping[str, OperationSpec]]:
    """codegen's operation specs if they exist, else the tests' hand-built ones."""
    sys.path.insert(0, str(TESTS))
    ops_module = importlib.import_module("_validation_ops")
    generated = cast("Mapping[str, OperationSpec] | None", ops_module.generated())
    if generated is not None:
        return "generated", generated
    return "hand-built", cast("Mapping[str, OperationSpec]", ops_module.HAND_BUILT)


def per_call(op: OperationSpec, params: Mapping[str, object], number: int) -> float:
    """Best of five runs of `number` strict calls, in microseconds per call."""

    def run() -> None:
        validate_request(op, params, mode="strict")

    run()  # warm the caches (table, compiled field checks)
    return min(timeit.repeat(run, number=number, repeat=5)) / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description="Time validate_request per call.")
    parser.add_argument("--number", type=int, default=200_000)
    args = parser.parse_args()
    source, ops = operations()
    print(f"operation specs: {source}; {args.number} calls per case, best of 5")
    for label, (key, params) in CASES.items():
        print(f"{label:40s} {per_call(ops[key], params, args.number):6.2f} us/call")


if __name__ == "__main__":
    main()
