"""``python -m openai_images_sdk.fake_server [options]``: run the fake server as a process."""

from __future__ import annotations

import argparse

from ._serve import add_serve_arguments, run_serve


def main(argv: list[str] | None = None) -> int:
    """Parse the options and serve until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m openai_images_sdk.fake_server",
        description="An OpenAI-compatible images server on loopback, for tests and offline use.",
    )
    add_serve_arguments(parser)
    return run_serve(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
