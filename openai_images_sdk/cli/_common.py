"""What every command shares: the program name, exit codes, usage errors, the endpoint."""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Awaitable, Callable, Generator
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar

if TYPE_CHECKING:
    from openai_images_sdk._client import AsyncImagesClient

__all__ = [
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PENDING",
    "EXIT_USAGE",
    "PROG",
    "Handler",
    "UsageError",
    "endpoint",
    "run_with_client",
]

_T = TypeVar("_T")

PROG: Final = "openai-images"
EXIT_OK: Final = 0
EXIT_FAILURE: Final = 1
"""An API, network or file error; or some records of a bulk or batch run failed."""
EXIT_USAGE: Final = 2
"""The command line or the request is invalid; nothing was sent."""
EXIT_PENDING: Final = 3
"""``batch collect``: some batches are still running (``--no-wait``, ``--wait-timeout``)."""
EXIT_INTERRUPTED: Final = 130
_FAKE_KEY: Final = "sk-fake-openai-images-cli"

Handler: TypeAlias = Callable[[argparse.Namespace], int]
"""What a command runs: parsed arguments in, exit code out."""


class UsageError(Exception):
    """The command line asks for something that cannot run (exit code 2)."""


def _fake_server() -> Any:
    """The fake server class that ``--fake`` starts."""
    from openai_images_sdk.fake_server import FakeImagesServer

    return FakeImagesServer


@contextlib.contextmanager
def endpoint(args: argparse.Namespace) -> Generator[dict[str, Any]]:
    """Client keyword arguments; with --fake, a fake server running for the block."""
    kwargs: dict[str, Any] = {}
    if args.timeout is not None:
        kwargs["timeout"] = args.timeout
    if args.max_retries is not None:
        kwargs["max_retries"] = args.max_retries
    if args.validation is not None:
        kwargs["validation"] = args.validation
    if args.fake:
        if args.base_url:
            raise UsageError("--fake and --base-url cannot be combined")
        with _fake_server()() as server:
            yield {**kwargs, "api_key": args.api_key or _FAKE_KEY, "base_url": server.base_url}
        return
    given, source = args.api_key, "--api-key"
    if not given:
        given, source = os.environ.get("OPENAI_API_KEY"), "the OPENAI_API_KEY environment variable"
    if not given or not given.strip():
        raise UsageError(
            "no API key: pass --api-key, set OPENAI_API_KEY, or add --fake to use the "
            "built-in fake server"
        )
    from openai_images_sdk._headers import clean_api_key

    kwargs["api_key"] = clean_api_key(given, source=source)
    if args.base_url:
        kwargs["base_url"] = args.base_url
    yield kwargs


def run_with_client(
    args: argparse.Namespace, work: Callable[[AsyncImagesClient], Awaitable[_T]]
) -> _T:
    """Run `work` to its end with an `AsyncImagesClient` for the command's `endpoint`."""
    import anyio

    from openai_images_sdk._client import AsyncImagesClient

    async def go(client_kwargs: dict[str, Any]) -> _T:
        async with AsyncImagesClient(**client_kwargs) as client:
            return await work(client)

    with endpoint(args) as client_kwargs:
        return anyio.run(go, client_kwargs)
