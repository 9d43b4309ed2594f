"""``openai-images bulk``: one image request per input record, resumable.

    openai-images bulk products.jsonl --out shots --prompt "{title} on a white background" \\
        --model gpt-image-2 --size 1024x1024 --concurrency 16

INPUT is JSONL, CSV or plain lines (by extension, or ``--format``), ``-`` for stdin.
Exit codes: 0 every record done (or already done), 1 some failed (see the manifest),
2 usage or validation errors, 130 interrupted (re-run to finish).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypedDict, TypeVar

import attrs

from ._common import UsageError, run_with_client
from ._params import ParamOption, add_param_options, collect_params, param_options

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from openai_images_sdk._client import AsyncImagesClient
    from openai_images_sdk.bulk import BulkSummary

__all__ = [
    "BULK_OWN_FLAGS",
    "CONNECTION_FLAGS",
    "RUN_FLAGS",
    "RecordJob",
    "RecordsAndOutput",
    "RunOptions",
    "add_connection_options",
    "add_record_options",
    "add_run_options",
    "bulk_param_options",
    "record_param_options",
    "record_params",
    "records_of",
    "register",
    "run_options",
    "run_records",
]

_T = TypeVar("_T")
_SKIPPED_PARAMS: Final = frozenset({"prompt", "stream", "partial_images"})
CONNECTION_FLAGS: Final = frozenset(
    {"--api-key", "--base-url", "--fake", "--timeout", "--validation"}
)
"""The option strings `add_connection_options` adds."""
RUN_FLAGS: Final = frozenset({"--concurrency", "--images-per-minute", "--max-attempts"})
"""The option strings `add_run_options` adds."""
BULK_OWN_FLAGS: Final = (
    CONNECTION_FLAGS
    | RUN_FLAGS
    | frozenset(
        {
            "-h",
            "--help",
            "-o",
            "--out",
            "--prompt",
            "--format",
            "--manifest",
            "--base-dir",
            "--max-pause",
            "--regenerate-changed",
            "--json",
            "-q",
            "--quiet",
            "--state-dir",
        }
    )
)


def record_param_options(reserved: frozenset[str]) -> list[ParamOption]:
    """Options for every parameter of images.generate and images.edit (none required).

    A parameter whose flag is in `reserved` (the command's own) gets ``--param-``.
    """
    from openai_images_sdk._generated import operations

    options: list[ParamOption] = []
    taken: set[str] = set()
    for op in (operations.CREATE_IMAGE, operations.CREATE_IMAGE_EDIT):
        for option in param_options(op, reserved=reserved):
            if option.python_name in _SKIPPED_PARAMS or option.dest in taken:
                continue
            taken.add(option.dest)
            options.append(attrs.evolve(option, required=False))
    return options


def bulk_param_options() -> list[ParamOption]:
    """`record_param_options` of ``bulk`` and ``batch submit``."""
    return record_param_options(BULK_OWN_FLAGS)


def add_run_options(
    parser: argparse.ArgumentParser, *, unit: str, concurrency: int, concurrency_help: str
) -> argparse._ArgumentGroup:
    """The "run" group: --concurrency, --images-per-minute, --max-attempts (tries per `unit`)."""
    run = parser.add_argument_group("run")
    run.add_argument("--concurrency", type=int, default=concurrency, metavar="N",
                     help=concurrency_help)  # fmt: skip
    run.add_argument("--images-per-minute", type=float, metavar="N",
                     help="a ceiling on images started per minute")  # fmt: skip
    run.add_argument("--max-attempts", type=int, default=5, metavar="N",
                     help=f"tries per {unit} on 429, 5xx and network errors (default 5)")  # fmt: skip
    return run


class RunOptions(TypedDict):
    """The options of `add_run_options`, as `bulk_generate` and `process_stream` take them."""

    concurrency: int
    images_per_minute: float | None
    max_attempts: int


def run_options(args: argparse.Namespace) -> RunOptions:
    """The run group's values."""
    return RunOptions(
        concurrency=args.concurrency,
        images_per_minute=args.images_per_minute,
        max_attempts=args.max_attempts,
    )


def add_record_options(parser: argparse.ArgumentParser) -> None:
    """INPUT, --out, --prompt, --format, --manifest, --base-dir."""
    parser.add_argument(
        "input", metavar="INPUT", help="records: a .jsonl, .csv or text file, or - for stdin"
    )
    own = parser.add_argument_group("records and output")
    own.add_argument("-o", "--out", type=Path, required=True, metavar="FOLDER",
                     help="folder for the images and the manifest")  # fmt: skip
    own.add_argument(
        "--prompt",
        metavar="TEMPLATE",
        help='prompt template filled from record fields, e.g. "{title} on a white background" '
        "(default: the record's prompt field, or the whole record/line)",
    )
    own.add_argument(
        "--format", choices=("jsonl", "csv", "lines"), help="input format (default: by extension)"
    )
    own.add_argument("--manifest", type=Path, metavar="PATH", help="default: FOLDER/manifest.jsonl")
    own.add_argument(
        "--base-dir",
        type=Path,
        metavar="DIR",
        help="relative image paths in records are read from here (default: INPUT's folder)",
    )
    own.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    own.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")


def add_connection_options(parser: argparse.ArgumentParser, *, fake: bool = True) -> None:
    """--api-key, --base-url, --timeout, --validation, and (with `fake`) --fake."""
    conn = parser.add_argument_group("connection")
    conn.add_argument("--api-key", help="API key (default: $OPENAI_API_KEY)")
    conn.add_argument("--base-url", help="API base URL (default: $OPENAI_BASE_URL or OpenAI)")
    if fake:
        conn.add_argument(
            "--fake", action="store_true", help="use a fake server started for this run (offline)"
        )
    else:
        parser.set_defaults(fake=False)
    conn.add_argument("--timeout", type=float, metavar="SECONDS", help="request timeout")
    conn.add_argument(
        "--validation", choices=("strict", "warn", "off"), help="check requests before sending"
    )
    parser.set_defaults(max_retries=None)


def record_params(args: argparse.Namespace) -> dict[str, object]:
    """The API parameters every record shares, from the command line (bad ones: usage error)."""
    options: list[ParamOption] = args._options
    try:
        return collect_params(args, options)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


class RecordsAndOutput(TypedDict):
    """Where records come from and go: keywords `bulk_generate` and `submit_batches` share."""

    prompt: str | None
    out: Path
    manifest: Path | None
    base_dir: Path | None


def records_of(args: argparse.Namespace) -> tuple[Any, int | None, RecordsAndOutput]:
    """The records of INPUT (read lazily), their count when cheap, and where they go."""
    from openai_images_sdk.bulk import count_records, read_records

    source: str = args.input
    if source != "-" and not Path(source).is_file():
        raise UsageError(f"no such input file: {source}")
    records = read_records(source, format=args.format)
    total = None if source == "-" else count_records(source, format=args.format)
    if source != "-":  # a repeated id refuses the input before anything is sent
        from openai_images_sdk.bulk._keys import check_unique_ids

        rows = read_records(source, format=args.format)
        try:
            check_unique_ids(rows)
        finally:
            close = getattr(rows, "close", None)
            if callable(close):
                close()
    base = args.base_dir or (Path(source).parent if source != "-" else None)
    where = RecordsAndOutput(
        prompt=args.prompt, out=args.out, manifest=args.manifest, base_dir=base
    )
    return records, total, where


@attrs.frozen(kw_only=True)
class RecordJob:
    """What a records command reads before it sends anything (`records_of`, `record_params`)."""

    records: Any
    total: int | None
    where: RecordsAndOutput
    params: dict[str, object]


def run_records(
    args: argparse.Namespace, work: Callable[[AsyncImagesClient, RecordJob], Awaitable[_T]]
) -> _T:
    """Read the shared parameters and INPUT (usage errors first), then run `work` with a client."""
    params = record_params(args)
    records, total, where = records_of(args)
    job = RecordJob(records=records, total=total, where=where, params=params)
    return run_with_client(args, lambda client: work(client, job))


def _summary_json(summary: BulkSummary) -> dict[str, object]:
    fields = attrs.asdict(summary)
    return {key: str(value) if isinstance(value, Path) else value for key, value in fields.items()}


def _run(args: argparse.Namespace) -> int:
    from openai_images_sdk.bulk import bulk_generate

    async def work(client: AsyncImagesClient, job: RecordJob) -> BulkSummary:
        return await bulk_generate(
            job.records,
            client=client,
            progress=False if args.quiet else None,
            total=job.total,
            max_pause=args.max_pause,
            regenerate_changed=args.regenerate_changed,
            **job.where,
            **run_options(args),
            **job.params,
        )

    summary = run_records(args, work)
    if args.json:
        print(json.dumps(_summary_json(summary), indent=2))
    elif not args.quiet:
        print(summary, file=sys.stderr)
        if summary.failed:
            print(f"failed records are listed in {summary.manifest}; re-run to retry them",
                  file=sys.stderr)  # fmt: skip
    return 1 if summary.failed else 0


def register(commands: Any) -> None:
    """Register ``bulk`` on the top-level subparsers."""
    sub: argparse.ArgumentParser = commands.add_parser(
        "bulk",
        help="one request per record of a JSONL/CSV/text file, concurrent and resumable",
        description="Generate (or edit, for records with an image) one request per record, "
        "with bounded concurrency, rate-limit pauses and a manifest that makes re-runs resume.",
    )
    add_record_options(sub)
    run = add_run_options(
        sub, unit="record", concurrency=16, concurrency_help="requests in flight (default 16)"
    )
    run.add_argument("--max-pause", type=float, default=60.0, metavar="SECONDS",
                     help="longest single rate-limit pause, whatever the server asks (default 60)")  # fmt: skip
    run.add_argument("--regenerate-changed", action="store_true",
                     help="redo records the manifest has done with another template, size, "
                     "model or parameters (default: stop and say so)")  # fmt: skip
    add_connection_options(sub)
    options = bulk_param_options()
    add_param_options(sub, options)
    sub.set_defaults(_handler=_run, _options=options)
