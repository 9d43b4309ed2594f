"""The main job, offline: generate, edit with a second image and a mask, stream partials.

Starts the embedded fake images server on loopback and drives the real `openai-images`
command (``python -m openai_images_sdk``) against it through the SDK's HTTP stack. No API
key, no network. The images stay in the folder given by ``--out``; every file is checked
to be a real image of the requested size. Run again, it replaces its own files (the
commands run with ``--overwrite``) instead of adding numbered copies. Exits non-zero on
any failure.

    python scripts/demo.py --out demo-output
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from openai_images_sdk._imageinfo import probe_bytes
from openai_images_sdk._masks import mask_from_rectangles
from openai_images_sdk._results import write_atomic
from openai_images_sdk.fake_server import FakeImagesServer


class DemoError(Exception):
    """A step of the demo failed."""


def run_cli(server_url: str, out: Path, *args: str) -> dict[str, Any]:
    """Run one `openai-images` command with --json and return its summary."""
    argv = [sys.executable, "-m", "openai_images_sdk", *args]
    argv += ["--base-url", server_url, "--api-key", "sk-demo-no-key-needed"]
    argv += ["--out", str(out), "--json", "--overwrite"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise DemoError(
            f"`openai-images {args[0]}` exited with {done.returncode}:\n{done.stderr.strip()}"
        )
    summary: dict[str, Any] = json.loads(done.stdout)
    return summary


def check_image(path: Path, size: tuple[int, int]) -> str:
    """Check that `path` is an image of `size`; describe it."""
    data = path.read_bytes()
    header = probe_bytes(data)
    if header.format is None or header.dimensions != size:
        raise DemoError(f"{path} is not a {size[0]}x{size[1]} image ({header})")
    return f"{path}  {size[0]}x{size[1]} {header.format}, {len(data):,} bytes"


def main(argv: list[str] | None = None) -> int:
    """Run the demo; returns the exit code."""
    parser = argparse.ArgumentParser(description="The main job, offline, on the fake server.")
    parser.add_argument("--out", type=Path, default=Path("demo-output"), help="output folder")
    parser.add_argument("--size", default="1024x1024", help="image size, WIDTHxHEIGHT")
    parser.add_argument("--model", default="gpt-image-2", help="model name")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    size = (width, height)
    out: Path = args.out
    common = ["--model", args.model, "--size", args.size]
    made: list[tuple[str, Path]] = []
    try:
        with FakeImagesServer() as server:
            url = server.base_url
            first = run_cli(url, out, "generate", "a lighthouse on a cliff at dusk", *common)
            scene = Path(first["images"][0]["path"])
            made.append(("generated", scene))
            second = run_cli(url, out, "generate", "a flock of seagulls in flight", *common)
            birds = Path(second["images"][0]["path"])
            made.append(("second image", birds))

            # Transparent where the edit may paint: the sky above the lighthouse.
            mask = mask_from_rectangles(width, height, (0, 0, width, height // 2))
            mask_path = write_atomic(out / "demo-mask.png", mask)
            made.append(("mask", mask_path))
            edited = run_cli(
                url,
                out,
                "edit",
                "add the seagulls to the sky above the lighthouse",
                "--image",
                str(scene),
                "--image",
                str(birds),
                "--mask",
                str(mask_path),
                *common,
            )
            made.append(("edited", Path(edited["images"][0]["path"])))

            streamed = run_cli(
                url,
                out,
                "generate",
                "a watercolour of the same lighthouse at dawn",
                "--stream",
                "--partial-images",
                "2",
                *common,
            )
            partials = streamed["partial_images"]
            if not partials:
                raise DemoError("the streamed call saved no partial images")
            made.extend(("partial image", Path(p["path"])) for p in partials)
            made.append(("streamed final", Path(streamed["images"][0]["path"])))

        print(f"The main job ran offline against the fake server; files in {out}/:")
        for label, path in made:
            print(f"  {label:<15} {check_image(path, size)}")
        print(
            f"usage of the edit: {json.dumps(edited['usage'])}; "
            f"request ids: {first['request_id']}, {edited['request_id']}, {streamed['request_id']}"
        )
    except (DemoError, OSError, KeyError, IndexError, ValueError) as exc:
        print(f"demo failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
