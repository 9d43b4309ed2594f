"""The Batch API pipeline from synchronous code: each call runs its own event loop.

Named after the command line's steps (``openai-images batch submit|status|collect|cancel``)
with `run_bulk`'s ``run_`` prefix; each takes the same arguments as its async function.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

import anyio

from ._batch import (
    BatchCollectSummary,
    BatchSubmitSummary,
    batch_status,
    collect_batches,
    submit_batches,
)
from ._batch_build import MAX_BATCH_BYTES, MAX_BATCH_REQUESTS
from ._batch_cancel import BatchCancelSummary, cancel_batches

if TYPE_CHECKING:
    from openai_images_sdk._client import AsyncImagesClient
    from openai_images_sdk._generated.models import Batch

    from ._progress import CollectProgress
    from ._records import RecordSource

__all__ = ["run_batch_cancel", "run_batch_collect", "run_batch_status", "run_batch_submit"]


def run_batch_submit(
    records: RecordSource,
    *,
    prompt: str | None = None,
    out: str | os.PathLike[str] = ".",
    manifest: str | os.PathLike[str] | None = None,
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    metadata: Mapping[str, str] | None = None,
    max_requests: int = MAX_BATCH_REQUESTS,
    max_bytes: int = MAX_BATCH_BYTES,
    **params: object,
) -> BatchSubmitSummary:
    """`submit_batches` from synchronous code (runs its own event loop); same arguments."""
    call = functools.partial(
        submit_batches,
        records,
        prompt=prompt,
        out=out,
        manifest=manifest,
        state_dir=state_dir,
        client=client,
        base_dir=base_dir,
        metadata=metadata,
        max_requests=max_requests,
        max_bytes=max_bytes,
        **params,
    )
    return anyio.run(call)


def run_batch_status(
    *,
    out: str | os.PathLike[str] = ".",
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
) -> list[Batch]:
    """`batch_status` from synchronous code (runs its own event loop); same arguments."""
    return anyio.run(functools.partial(batch_status, out=out, state_dir=state_dir, client=client))


def run_batch_collect(
    *,
    out: str | os.PathLike[str] = ".",
    manifest: str | os.PathLike[str] | None = None,
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
    wait: bool = True,
    poll_interval: float = 5.0,
    max_poll_interval: float = 60.0,
    timeout: float | None = None,
    delete_files: bool = False,
    progress: bool | CollectProgress | None = None,
) -> BatchCollectSummary:
    """`collect_batches` from synchronous code (runs its own event loop); same arguments."""
    call = functools.partial(
        collect_batches,
        out=out,
        manifest=manifest,
        state_dir=state_dir,
        client=client,
        wait=wait,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        timeout=timeout,
        delete_files=delete_files,
        progress=progress,
    )
    return anyio.run(call)


def run_batch_cancel(
    *,
    out: str | os.PathLike[str] = ".",
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
) -> BatchCancelSummary:
    """`cancel_batches` from synchronous code (runs its own event loop); same arguments."""
    return anyio.run(functools.partial(cancel_batches, out=out, state_dir=state_dir, client=client))
