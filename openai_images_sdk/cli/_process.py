"""``openai-images process``: a long-running image step for pipeline engines, over stdio.

    openai-images process --codec length_prefixed_uint32_be --model gpt-image-2 --size 1024x1024

It speaks Redpanda Connect's ``subprocess`` processor protocol: each framed message on
stdin gets exactly one reply on stdout (framed by ``--codec-out``, in input order) or
one line on stderr naming the message and why it failed; the process goes on with the
next message. Exit codes: 0 when stdin ends or on SIGTERM (after answering every message
read), 1 on broken framing (or, with ``--fail-exit``, when a message failed), 2 for usage
errors, found before anything is read.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import warnings
from collections.abc import Generator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from ._bulk import (
    CONNECTION_FLAGS,
    RUN_FLAGS,
    add_connection_options,
    add_run_options,
    record_param_options,
    run_options,
)
from ._common import UsageError, endpoint
from ._params import ParamOption, add_param_options, collect_params
from ._request import REQUEST_FLAGS, add_request_options, request_options, secret_values

if TYPE_CHECKING:
    from openai_images_sdk.process import Codec, ProcessSummary, ReplyKind

__all__ = ["PROCESS_OWN_FLAGS", "process_param_options", "register", "run_process_command"]

_CODECS: Final = ("lines", "length_prefixed_uint32_be", "netstring")
PROCESS_OWN_FLAGS: Final = (
    REQUEST_FLAGS
    | CONNECTION_FLAGS
    | RUN_FLAGS
    | frozenset(
        {
            "-h",
            "--help",
            "--codec",
            "--codec-in",
            "--codec-out",
            "--reply",
            "--message",
            "--prompt",
            "-o",
            "--out",
            "--base-dir",
            "--max-message-bytes",
            "--fail-exit",
        }
    )
)
"""The command's own option strings; an API field with one of these names gets `--param-`."""


def process_param_options() -> list[ParamOption]:
    """`record_param_options` of ``process``."""
    return record_param_options(PROCESS_OWN_FLAGS)


def register(subparsers: Any) -> None:
    """Register ``process`` on the top-level subparsers."""

    sub: argparse.ArgumentParser = subparsers.add_parser(
        "process",
        help="a long-running stdio image step for pipeline engines (Redpanda Connect subprocess)",
        description="Read framed messages on stdin and answer each with exactly one reply on "
        "stdout (in input order) or one failure line on stderr, until stdin ends or SIGTERM. "
        "Each message is a prompt (default) or a JSON record (with --prompt TEMPLATE or "
        "--message json) that may override any API parameter; records with an image are "
        "edits. See docs/stream-processor.md.",
    )
    framing = sub.add_argument_group("framing (Redpanda Connect codec_send / codec_recv)")
    framing.add_argument(
        "--codec",
        choices=_CODECS,
        default="lines",
        help="framing of both directions (default: lines)",
    )
    framing.add_argument(
        "--codec-in",
        choices=(*_CODECS, "raw"),
        help="framing of stdin, the engine's codec_send (default: --codec); raw: all of "
        "stdin is one message (one-off runs, e.g. the command processor)",
    )
    framing.add_argument(
        "--codec-out",
        choices=(*_CODECS, "raw"),
        help="framing of stdout, the engine's codec_recv (default: --codec); raw: the "
        "reply unframed (needs --codec-in raw)",
    )
    framing.add_argument(
        "--max-message-bytes",
        type=int,
        default=16 * 1024 * 1024,
        metavar="N",
        help="a longer message fails alone, unread (default 16 MiB)",
    )
    messages = sub.add_argument_group("messages and replies")
    messages.add_argument(
        "--message",
        choices=("text", "json"),
        help="each message is the prompt (text, the default) or a JSON record (json, the "
        "default with --prompt)",
    )
    messages.add_argument(
        "--prompt",
        metavar="TEMPLATE",
        help='prompt template filled from record fields, e.g. "{title} on a white background"',
    )
    messages.add_argument(
        "--reply",
        choices=("image", "b64_json", "path"),
        help="image: the image bytes (n=1; not with lines framing); b64_json or path: one JSON "
        "object per message with every image, revised prompt, usage and request id "
        "(default: image, or b64_json with lines framing)",
    )
    messages.add_argument(
        "-o", "--out", type=Path, metavar="FOLDER", help="folder for the images of --reply path"
    )
    messages.add_argument(
        "--base-dir",
        type=Path,
        metavar="DIR",
        help="relative image paths in records are read from here (default: the current folder)",
    )
    run = add_run_options(
        sub,
        unit="message",
        concurrency=1,
        concurrency_help="requests in flight, and messages read ahead of their replies "
        "(default 1; more helps engines that write ahead)",
    )
    run.add_argument(
        "--fail-exit",
        action="store_true",
        help="exit 1 at the end when a message failed (for one-off runs: the command "
        "processor marks a message failed only on a non-zero exit)",
    )
    add_connection_options(sub)
    add_request_options(sub)
    options = process_param_options()
    add_param_options(sub, options)
    sub.set_defaults(_handler=run_process_command, _options=options)


@attrs.frozen(kw_only=True)
class _Settings:
    codec_in: Codec
    codec_out: Codec
    reply: ReplyKind
    message: str
    params: Mapping[str, object]
    extras: Mapping[str, object]


def _usage(message: str) -> Exception:
    return UsageError(message)


def _settings(args: argparse.Namespace) -> _Settings:
    """The run's settings; raises `UsageError` for options that cannot work together."""
    codec_in: Codec = args.codec_in or args.codec
    codec_out: Codec = args.codec_out or args.codec
    if codec_out == "raw" and codec_in != "raw":
        raise _usage("--codec-out raw carries one reply per run: use it with --codec-in raw")
    reply: ReplyKind = args.reply or ("b64_json" if codec_out == "lines" else "image")
    if reply == "image" and codec_out == "lines":
        raise _usage(
            "--reply image sends binary data, which lines framing cannot carry: use "
            "--codec-out length_prefixed_uint32_be or netstring, or --reply b64_json"
        )
    if reply == "path" and args.out is None:
        raise _usage("--reply path needs --out FOLDER for the images")
    if reply != "path" and args.out is not None:
        raise _usage("--out is the folder of --reply path; add --reply path or drop --out")
    message = args.message or ("json" if args.prompt is not None else "text")
    if message == "text" and args.prompt is not None:
        raise _usage("--prompt fills JSON records: drop --message text")
    for flag, value in (
        ("--concurrency", args.concurrency),
        ("--max-attempts", args.max_attempts),
        ("--max-message-bytes", args.max_message_bytes),
    ):
        if value < 1:
            raise _usage(f"{flag} must be 1 or more, got {value}")
    try:
        params = collect_params(args, args._options)
        extras = request_options(args)
    except ValueError as exc:
        raise _usage(str(exc)) from exc
    n = params.get("n")
    if reply == "image" and isinstance(n, int) and n > 1:
        raise _usage(f"--n {n}: an image reply carries one image; use --reply b64_json or path")
    return _Settings(
        codec_in=codec_in,
        codec_out=codec_out,
        reply=reply,
        message=message,
        params=params,
        extras=extras,
    )


@contextlib.contextmanager
def _quiet_warnings() -> Generator[None]:
    """No warning reaches stderr: the engine would take the line for a failed message."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _broken_pipe(error: BaseException) -> bool:
    if isinstance(error, BaseExceptionGroup):
        inner: Sequence[BaseException] = cast("Any", error).exceptions
        return all(_broken_pipe(each) for each in inner)
    return isinstance(error, BrokenPipeError)


async def _watch_signals(stop: Any) -> None:
    import anyio

    with anyio.open_signal_receiver(signal.SIGTERM, signal.SIGINT) as received:
        async for _ in received:
            stop.set()
            return


def run_process_command(args: argparse.Namespace) -> int:
    """Run ``openai-images process`` with parsed `args`; returns the exit code."""
    from openai_images_sdk.process import MessageMapper, ReplyBuilder

    settings = _settings(args)
    replies = ReplyBuilder(settings.reply, out=args.out)
    mapper = MessageMapper(
        message="json" if settings.message == "json" else "text",
        prompt=args.prompt,
        params=settings.params,
        base_dir=args.base_dir,
        max_images=replies.max_images,
    )
    with _quiet_warnings(), endpoint(args) as client_kwargs:
        try:
            summary = _serve(args, settings, mapper, replies, client_kwargs)
        except BaseException as error:
            if _broken_pipe(error):
                return 1  # the engine has gone; nobody reads a message about it
            raise
    if summary.framing_error is not None:
        return 1
    return 1 if args.fail_exit and summary.failed else 0


def _serve(
    args: argparse.Namespace,
    settings: _Settings,
    mapper: Any,
    replies: Any,
    client_kwargs: dict[str, Any],
) -> ProcessSummary:
    import anyio

    from openai_images_sdk._client import AsyncImagesClient
    from openai_images_sdk.process import PipeReader, StdioSink, decoder_for, process_stream

    async def go() -> ProcessSummary:
        stop = anyio.Event()
        summary: ProcessSummary | None = None
        async with anyio.create_task_group() as group:
            group.start_soon(_watch_signals, stop)
            async with AsyncImagesClient(**client_kwargs) as client:
                summary = await process_stream(
                    PipeReader(0),
                    StdioSink(1, 2),
                    client=client,
                    decoder=decoder_for(settings.codec_in, max_size=args.max_message_bytes),
                    codec_out=settings.codec_out,
                    mapper=mapper,
                    replies=replies,
                    **run_options(args),
                    extras=settings.extras,
                    secrets=_secrets(args, client_kwargs),
                    stop=stop,
                )
            group.cancel_scope.cancel()
        assert summary is not None
        return summary

    return anyio.run(go)


def _secrets(args: argparse.Namespace, client_kwargs: Mapping[str, Any]) -> Sequence[str]:
    key = client_kwargs.get("api_key")
    found = [*secret_values(args), *([key] if isinstance(key, str) and key else [])]
    return sorted(set(found), key=len, reverse=True)
