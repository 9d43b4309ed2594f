"""Bulk image generation: a resumable, rate-limit-aware runner and the Batch API pipeline.

    from openai_images_sdk.bulk import read_records, run_bulk

    summary = run_bulk(
        read_records("products.jsonl"),
        prompt="{title} on a white background",
        out="shots",
        model="gpt-image-2",
        size="1024x1024",
        concurrency=16,
    )
    print(summary)  # 998 done, 2 failed, 0 skipped; ...

Every record's outcome goes to ``shots/manifest.jsonl``; run the same call again to retry
the failures and skip what is done. For the largest jobs, `submit_batches` hands the
same records to the Batch API, `collect_batches` saves the results the same way and
`cancel_batches` stops a submission; `run_batch_submit`, `run_batch_status`,
`run_batch_collect` and `run_batch_cancel` do the same from synchronous code.
"""

from __future__ import annotations

from ._batch import (
    BatchCollectSummary,
    BatchPart,
    BatchState,
    BatchSubmitSummary,
    batch_status,
    collect_batches,
    submit_batches,
)
from ._batch_build import MAX_BATCH_BYTES, MAX_BATCH_REQUESTS, BatchFileSplitter, batch_line
from ._batch_cancel import BatchCancelSummary, cancel_batches
from ._batch_sync import run_batch_cancel, run_batch_collect, run_batch_status, run_batch_submit
from ._lock import FolderBusyError
from ._manifest import ManifestEntry, ManifestError, final_entries, read_manifest
from ._plan import PlanFailure, PlannedRequest, RequestPlanner
from ._progress import BulkProgress, CollectProgress
from ._records import BadRecord, Record, RecordFormat, count_records, read_records
from ._runner import (
    BulkSummary,
    ChangedRequestError,
    DuplicateRecordError,
    bulk_generate,
    run_bulk,
)
from ._template import PromptTemplate, TemplateFieldError

__all__ = [
    "MAX_BATCH_BYTES",
    "MAX_BATCH_REQUESTS",
    "BadRecord",
    "BatchCancelSummary",
    "BatchCollectSummary",
    "BatchFileSplitter",
    "BatchPart",
    "BatchState",
    "BatchSubmitSummary",
    "BulkProgress",
    "BulkSummary",
    "ChangedRequestError",
    "CollectProgress",
    "DuplicateRecordError",
    "FolderBusyError",
    "ManifestEntry",
    "ManifestError",
    "PlanFailure",
    "PlannedRequest",
    "PromptTemplate",
    "Record",
    "RecordFormat",
    "RequestPlanner",
    "TemplateFieldError",
    "batch_line",
    "batch_status",
    "bulk_generate",
    "cancel_batches",
    "collect_batches",
    "count_records",
    "final_entries",
    "read_manifest",
    "read_records",
    "run_batch_cancel",
    "run_batch_collect",
    "run_batch_status",
    "run_batch_submit",
    "run_bulk",
    "submit_batches",
]
