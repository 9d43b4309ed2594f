"""The fake server as a process: command-line options for every `FakeImagesServer` setting.

    python -m openai_images_sdk.fake_server --port 4010 --api-key sk-test \\
        --fault "status=503; path=/v1/images/edits; probability=0.5" --rate-limit 5/60

`add_serve_arguments` adds the options to any parser (the CLI's ``serve`` command uses
it); `run_serve` runs the server they describe until Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import threading
from collections.abc import Generator
from types import FrameType
from typing import Any, Final

import attrs

from ._faults import Fault, FaultSyntaxError, parse_fault_header
from ._ratelimit import RateLimit

__all__ = ["add_serve_arguments", "parse_fault", "parse_rate_limit", "run_serve"]

_LOGGER: Final = "openai_images_sdk.fake_server"
_SELECTORS: Final = ("path", "probability")


def parse_fault(text: str) -> Fault:
    """One ``--fault``: the ``X-Fake-Fault`` syntax plus ``path=`` and ``probability=``.

    E.g. ``"status=503; retry_after=1; path=/v1/images/edits; probability=0.25"``.
    """
    selectors: dict[str, Any] = {}
    rest: list[str] = []
    for clause in text.split(";"):
        key, _, value = clause.partition("=")
        name = key.strip().lower()
        if name in _SELECTORS:
            if name == "path":
                if not value.strip().startswith("/"):
                    raise FaultSyntaxError(f"fault path must start with '/', got {value.strip()!r}")
                selectors["path"] = value.strip()
            else:
                try:
                    probability = float(value)
                except ValueError:
                    raise FaultSyntaxError(
                        f"probability={value.strip()!r} is not a number"
                    ) from None
                if not 0.0 <= probability <= 1.0:
                    raise FaultSyntaxError(f"probability must be in [0, 1], got {probability}")
                selectors["probability"] = probability
        elif clause.strip():
            rest.append(clause)
    faults = parse_fault_header(";".join(rest))
    if len(faults) != 1:
        raise FaultSyntaxError(
            f"one --fault names one fault; {text!r} names {len(faults)} (repeat --fault)"
        )
    return attrs.evolve(faults[0], **selectors)


def parse_rate_limit(text: str) -> RateLimit:
    """``REQUESTS[/WINDOW_SECONDS]``, e.g. ``5/1`` (the window defaults to 60 s)."""
    count, _, window = text.partition("/")
    try:
        requests = int(count)
        seconds = float(window) if window else 60.0
        return RateLimit(requests=requests, window=seconds)
    except ValueError:
        raise ValueError(
            f"--rate-limit wants REQUESTS[/SECONDS], e.g. 5/60; got {text!r}"
        ) from None


def _fault(text: str) -> Fault:
    try:
        return parse_fault(text)
    except FaultSyntaxError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _rate_limit(text: str) -> RateLimit:
    try:
        return parse_rate_limit(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _deployment(text: str) -> tuple[str, str]:
    name, sep, model = text.partition("=")
    if not sep or not name.strip() or not model.strip():
        raise argparse.ArgumentTypeError(f"--azure-deployment wants NAME=MODEL, got {text!r}")
    return name.strip(), model.strip()


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"seconds must be >= 0, got {text!r}")
    return value


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the fake server's options to `parser` (read back by `run_serve`)."""
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    add("--port", type=int, default=4010, help="port to listen on; 0 picks one (default: 4010)")
    add(
        "--api-key",
        dest="fake_api_key",
        metavar="KEY",
        help="accept only this key (Authorization: Bearer KEY, or api-key: KEY on Azure "
        "paths); by default any non-empty key is accepted",
    )
    add("--latency", type=_seconds, default=0.0, metavar="SECONDS", help="wait before every answer")
    add(
        "--fault",
        dest="faults",
        type=_fault,
        action="append",
        default=[],
        metavar="SPEC",
        help="inject a fault into every matching request (repeatable), in X-Fake-Fault syntax "
        "plus path= and probability=, e.g. 'status=503; retry_after=1; path=/v1/images/edits; "
        "probability=0.5', 'drop; after_events=1', 'truncate', 'latency=2', "
        "'moderation; categories=violence'",
    )
    add(
        "--fault-seed",
        type=int,
        default=0,
        metavar="N",
        help="seed of the draws behind probability= (default: 0)",
    )
    add(
        "--rate-limit",
        type=_rate_limit,
        metavar="REQUESTS[/SECONDS]",
        help="send x-ratelimit-* headers on image answers and answer 429 past REQUESTS per "
        "window (default window: 60 s)",
    )
    add(
        "--rate-limit-headers-only",
        action="store_true",
        help="with --rate-limit: send the headers but never answer 429",
    )
    add(
        "--validation",
        dest="fake_validation",
        choices=("strict", "off"),
        default="strict",
        help="check requests with the SDK's rules (strict, the default) or only parse them",
    )
    add(
        "--retired",
        choices=("serve", "reject"),
        default="serve",
        help="serve retired models and the variations endpoint (serve, the default), or "
        "refuse them as the API does today (reject)",
    )
    add(
        "--azure-deployment",
        dest="azure_deployments",
        type=_deployment,
        action="append",
        default=[],
        metavar="NAME=MODEL",
        help="an Azure deployment and the model it serves (repeatable); deployments named "
        "after a model need no entry",
    )
    add("--default-model", default="gpt-image-1.5", help="the model of requests that name none")
    add("--seed", help="the image seed (X-Fake-Seed overrides it per request)")
    add(
        "--stream-interval",
        type=_seconds,
        default=0.0,
        metavar="SECONDS",
        help="wait between streamed events",
    )
    add(
        "--batch-seconds",
        type=_seconds,
        default=0.0,
        metavar="SECONDS",
        help="how long a batch stays in_progress",
    )
    add("--no-draw-text", action="store_true", help="do not draw the prompt on the images")
    add(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default="info",
        help="what the server logs to stderr: info shows dropped connections, debug every "
        "request (default: info)",
    )


def server_options(args: argparse.Namespace) -> dict[str, Any]:
    """`FakeImagesServer` keyword arguments from parsed `add_serve_arguments` options."""
    rate_limit: RateLimit | None = args.rate_limit
    if rate_limit is not None and args.rate_limit_headers_only:
        rate_limit = attrs.evolve(rate_limit, enforce=False)
    return {
        "host": args.host,
        "port": args.port,
        "api_key": args.fake_api_key,
        "latency": args.latency,
        "faults": tuple(args.faults),
        "fault_seed": args.fault_seed,
        "rate_limit": rate_limit,
        "validation": args.fake_validation,
        "retired": args.retired,
        "azure_deployments": dict(args.azure_deployments),
        "default_model": args.default_model,
        "seed": args.seed,
        "stream_interval": args.stream_interval,
        "batch_seconds": args.batch_seconds,
        "draw_text": not args.no_draw_text,
    }


@contextlib.contextmanager
def _log_to_stderr(level: str) -> Generator[None]:
    logger = logging.getLogger(_LOGGER)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("fake images server: %(message)s"))
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(level.upper())
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run_serve(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM; 0 after a clean stop, 1 when the port cannot be bound.

    Prints ``fake images server at <base_url> (Ctrl-C to stop)`` to stderr once listening.
    """
    from ._server import FakeImagesServer

    server = FakeImagesServer(**server_options(args))

    def ready(bound: FakeImagesServer) -> None:
        print(
            f"fake images server at {bound.base_url} (Ctrl-C to stop)", file=sys.stderr, flush=True
        )

    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main else None
    with _log_to_stderr(args.log_level):
        try:
            server.serve_forever(on_ready=ready)
        except KeyboardInterrupt:
            pass
        except OSError as error:
            print(
                f"fake images server: cannot listen on {args.host}:{args.port}: {error.strerror or error}",
                file=sys.stderr,
            )
            return 1
        finally:
            if main:
                signal.signal(signal.SIGTERM, previous)
    return 0
