"""``openai-images batch submit|status|collect|cancel``: bulk work through the Batch API.

    openai-images batch submit products.jsonl --out shots --prompt "{title}" --model gpt-image-2
    openai-images batch status --out shots
    openai-images batch collect --out shots          # waits, then saves the images
    openai-images batch cancel --out shots           # then collect saves what finished

The submission's state lives in ``FOLDER/.openai-batch/`` (or ``--state-dir``); the
manifest is the bulk runner's, so ``bulk`` and ``batch`` can finish each other's work.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._bulk import (
    RecordJob,
    add_connection_options,
    add_record_options,
    bulk_param_options,
    run_records,
)
from ._common import EXIT_PENDING, run_with_client
from ._params import add_param_options

if TYPE_CHECKING:
    from openai_images_sdk._client import AsyncImagesClient
    from openai_images_sdk._generated.models import Batch

__all__ = ["register"]


def _metadata(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def _submit(args: argparse.Namespace) -> int:
    from openai_images_sdk.bulk import submit_batches

    async def work(client: AsyncImagesClient, job: RecordJob) -> Any:
        return await submit_batches(
            job.records,
            state_dir=args.state_dir,
            client=client,
            metadata=dict(args.metadata or []),
            max_requests=args.max_requests,
            max_bytes=args.max_bytes,
            **job.where,
            **job.params,
        )

    summary = run_records(args, work)
    if args.json:
        print(json.dumps({"batch_ids": list(summary.batch_ids), "requests": summary.requests,
                          "failed": summary.failed, "skipped": summary.skipped,
                          "state": str(summary.state)}, indent=2))  # fmt: skip
    elif not args.quiet:
        print(
            f"submitted {summary.requests} requests in {len(summary.batch_ids)} batches "
            f"({summary.failed} refused, {summary.skipped} skipped); "
            f"run `openai-images batch collect --out {args.out}` to save the images",
            file=sys.stderr,
        )
        for batch_id in summary.batch_ids:
            print(batch_id)
    return 1 if summary.failed else 0


def _describe(batch: Batch) -> dict[str, object]:
    counts = batch.request_counts
    return {
        "id": batch.id,
        "status": batch.status,
        "endpoint": batch.endpoint,
        "total": counts.total if counts else None,
        "completed": counts.completed if counts else None,
        "failed": counts.failed if counts else None,
    }


def _status(args: argparse.Namespace) -> int:
    from openai_images_sdk.bulk import batch_status

    async def work(client: AsyncImagesClient) -> list[Batch]:
        return await batch_status(out=args.out, state_dir=args.state_dir, client=client)

    batches = run_with_client(args, work)
    rows = [_describe(batch) for batch in batches]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        print(
            f"{row['id']}  {row['status']:<11} {row['completed'] or 0}/{row['total'] or 0} done, "
            f"{row['failed'] or 0} failed  ({row['endpoint']})"
        )
    return 0


def _collect(args: argparse.Namespace) -> int:
    from openai_images_sdk.bulk import collect_batches

    async def work(client: AsyncImagesClient) -> Any:
        return await collect_batches(
            out=args.out,
            manifest=args.manifest,
            state_dir=args.state_dir,
            client=client,
            wait=args.wait,
            poll_interval=args.poll_interval,
            timeout=args.wait_timeout,
            delete_files=args.delete_files,
            progress=False if args.quiet or args.json else None,
        )

    summary = run_with_client(args, work)
    if args.json:
        print(json.dumps({"done": summary.done, "failed": summary.failed,
                          "skipped": summary.skipped, "images": summary.images,
                          "total_tokens": summary.total_tokens,
                          "pending": list(summary.pending),
                          "statuses": dict(summary.statuses),
                          "deleted_files": list(summary.deleted_files),
                          "delete_errors": dict(summary.delete_errors)}, indent=2))  # fmt: skip
    elif not args.quiet:
        print(
            f"{summary.done} done, {summary.failed} failed, {summary.skipped} already done; "
            f"{summary.images} images, {summary.total_tokens} tokens",
            file=sys.stderr,
        )
        if summary.pending:
            print(f"{len(summary.pending)} batches still running; collect again later",
                  file=sys.stderr)  # fmt: skip
        if summary.deleted_files:
            print(f"deleted {len(summary.deleted_files)} files from the API", file=sys.stderr)
    for file_id, reason in summary.delete_errors.items():
        print(f"warning: file {file_id} not deleted: {reason}", file=sys.stderr)
    if summary.pending:
        return EXIT_PENDING
    return 1 if summary.failed else 0


def _cancel(args: argparse.Namespace) -> int:
    from openai_images_sdk.bulk import cancel_batches

    async def work(client: AsyncImagesClient) -> Any:
        return await cancel_batches(out=args.out, state_dir=args.state_dir, client=client)

    summary = run_with_client(args, work)
    if args.json:
        print(json.dumps({"cancelled": list(summary.cancelled),
                          "statuses": dict(summary.statuses),
                          "never_created": summary.never_created}, indent=2))  # fmt: skip
        return 0
    for batch_id, status in summary.statuses.items():
        print(f"{batch_id}  {status}")
    if not args.quiet:
        print(
            f"asked to cancel {len(summary.cancelled)} of {len(summary.statuses)} batches"
            + (f" ({summary.never_created} never created)" if summary.never_created else "")
            + f"; run `openai-images batch collect --out {args.out}` to save what finished",
            file=sys.stderr,
        )
    return 0


def _state_options(parser: argparse.ArgumentParser, *, with_out: bool) -> None:
    if with_out:
        parser.add_argument("-o", "--out", type=Path, required=True, metavar="FOLDER",
                            help="the output folder of the submission")  # fmt: skip
        parser.add_argument("--json", action="store_true", help="print JSON on stdout")
        parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.add_argument("--state-dir", type=Path, metavar="DIR",
                        help="where the submission state lives (default FOLDER/.openai-batch)")  # fmt: skip


def register(commands: Any) -> None:
    """Register ``batch`` (submit, status, collect, cancel) on the top-level subparsers."""
    batch: argparse.ArgumentParser = commands.add_parser(
        "batch",
        help="hand many requests to the Batch API (24h, lower cost): submit, status, collect, "
        "cancel",
        description="Build Batch API input files from records, submit them, follow the "
        "batches and save their images.",
    )
    steps = batch.add_subparsers(dest="batch_command", required=True, metavar="STEP")

    submit = steps.add_parser("submit", help="write, upload and start the batches")
    add_record_options(submit)
    _state_options(submit, with_out=False)
    limits = submit.add_argument_group("batch")
    limits.add_argument("--metadata", type=_metadata, action="append", metavar="KEY=VALUE",
                        help="metadata for every batch (repeatable)")  # fmt: skip
    limits.add_argument("--max-requests", type=int, default=50_000, metavar="N",
                        help="requests per input file (default 50000, the API's limit)")  # fmt: skip
    limits.add_argument("--max-bytes", type=int, default=200 * 1024 * 1024, metavar="N",
                        help="bytes per input file (default 200 MB, the API's limit)")  # fmt: skip
    add_connection_options(submit, fake=False)
    options = bulk_param_options()
    add_param_options(submit, options)
    submit.set_defaults(_handler=_submit, _options=options)

    status = steps.add_parser("status", help="show each batch's status and request counts")
    _state_options(status, with_out=True)
    add_connection_options(status, fake=False)
    status.set_defaults(_handler=_status)

    collect = steps.add_parser("collect", help="wait for the batches and save their images")
    _state_options(collect, with_out=True)
    collect.add_argument("--manifest", type=Path, metavar="PATH",
                         help="default: FOLDER/manifest.jsonl")  # fmt: skip
    collect.add_argument("--no-wait", dest="wait", action="store_false",
                         help="save what has finished and return (exit 3 if some are running)")  # fmt: skip
    collect.add_argument("--poll-interval", type=float, default=5.0, metavar="SECONDS",
                         help="first wait between polls, growing to 60 s (default 5)")  # fmt: skip
    collect.add_argument("--wait-timeout", type=float, metavar="SECONDS",
                         help="stop waiting after this long (exit 3)")  # fmt: skip
    collect.add_argument("--delete-files", action="store_true",
                         help="after saving a batch's results, delete its input, output and "
                         "error files from the API (failures are reported, not fatal)")  # fmt: skip
    add_connection_options(collect, fake=False)
    collect.set_defaults(_handler=_collect)

    cancel = steps.add_parser(
        "cancel", help="cancel the batches that have not ended (collect saves what finished)"
    )
    _state_options(cancel, with_out=True)
    add_connection_options(cancel, fake=False)
    cancel.set_defaults(_handler=_cancel)
