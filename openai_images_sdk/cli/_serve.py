"""``openai-images serve``: the fake images server, until interrupted.

Every option of `FakeImagesServer` is an option here (`fake_server._serve` owns them), so
any client, the official SDK's included, can be tested against it from another process.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``serve`` to the top-level subparsers."""
    from openai_images_sdk.fake_server._serve import add_serve_arguments

    sub: argparse.ArgumentParser = commands.add_parser(
        "serve", help="run the fake images server until interrupted (for tests and demos)"
    )
    add_serve_arguments(sub)
    sub.set_defaults(_handler=run)


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM."""
    from openai_images_sdk.fake_server._serve import run_serve

    return run_serve(args)
