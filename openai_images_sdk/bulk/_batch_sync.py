"""The Batch API pipeline from synchronous code: each call runs its own event loop.

Named after the command line's steps (``openai-images batch submit|status|collect|cancel``)
with `run_bulk`'s ``run_`` prefix; each takes the same arguments as its async function.
"""

from __future__ import annotations

from openai_images_sdk._concurrency import run_sync

from ._batch import batch_status, collect_batches, submit_batches
from ._batch_cancel import cancel_batches

__all__ = ["run_batch_cancel", "run_batch_collect", "run_batch_status", "run_batch_submit"]

run_batch_submit = run_sync(submit_batches, "run_batch_submit")
run_batch_status = run_sync(batch_status, "run_batch_status")
run_batch_collect = run_sync(collect_batches, "run_batch_collect")
run_batch_cancel = run_sync(cancel_batches, "run_batch_cancel")
