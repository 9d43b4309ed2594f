"""``openai-images serve``: the fake images server, until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from ._common import EXIT_OK, PROG

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``serve`` to the top-level subparsers."""
    sub: argparse.ArgumentParser = commands.add_parser(
        "serve", help="run the fake images server until interrupted (for tests and demos)"
    )
    add_arguments(sub)
    sub.set_defaults(_handler=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The server's options (the fake server package provides them once it has them)."""
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=4010, help="port (default 4010)")


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C."""
    from openai_images_sdk.testing import FakeImagesServer, serve_forever

    def ready(server: FakeImagesServer) -> None:
        print(
            f"{PROG}: fake images server at {server.base_url} (Ctrl-C to stop)",
            file=sys.stderr,
            flush=True,
        )

    with contextlib.suppress(KeyboardInterrupt):
        serve_forever(args.host, args.port, on_ready=ready)
    return EXIT_OK
