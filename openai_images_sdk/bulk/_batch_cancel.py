"""Cancelling a Batch API submission: every batch that has not ended, and parts not sent yet.

A cancelled batch goes ``cancelling`` and then ``cancelled``, keeping the results of the
requests it ran; `collect_batches` saves those and records the others as failed. A part
whose batch was never created (the submit was cut short) is marked so that no later
submit creates it, and collect records its requests as failed too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from openai_images_sdk._exceptions import BadRequestError, ConflictError

from ._batch import ENDED, client_scope, find_batch, load_state

if TYPE_CHECKING:
    from openai_images_sdk._client import AsyncImagesClient

__all__ = ["BatchCancelSummary", "cancel_batches"]


@attrs.frozen(kw_only=True)
class BatchCancelSummary:
    """What `cancel_batches` did."""

    cancelled: tuple[str, ...]
    """Batches this call asked the API to cancel."""
    statuses: Mapping[str, str]
    """Every batch's status after the call (batches that had ended were left alone)."""
    never_created: int
    """Input parts whose batch had not been created; none will be."""


async def _cancel(api: AsyncImagesClient, batch_id: str) -> tuple[str, bool]:
    """Cancel one batch unless it has ended or is cancelling: (its status, whether asked)."""
    status = str((await api.batches.retrieve(batch_id=batch_id)).status)
    if status in ENDED or status == "cancelling":
        return status, False
    try:
        return str((await api.batches.cancel(batch_id=batch_id)).status), True
    except (ConflictError, BadRequestError):
        # It may have ended since it was retrieved; the API does not document its answer
        # to cancelling an ended batch, so look again rather than trust the status code.
        status = str((await api.batches.retrieve(batch_id=batch_id)).status)
        if status not in ENDED:
            raise
        return status, False


async def cancel_batches(
    *,
    out: str | os.PathLike[str] = ".",
    state_dir: str | os.PathLike[str] | None = None,
    client: AsyncImagesClient | None = None,
) -> BatchCancelSummary:
    """Cancel every batch of the submission in `out` that has not ended.

    Sends ``POST /batches/{id}/cancel`` for each batch still validating or in progress
    and reports each batch's resulting status; batches that ended are left alone. Run
    `collect_batches` afterwards: it saves what the batches finished and records the rest
    as failed, so a new submission sends them again.
    """
    state, path = load_state(out, state_dir)
    cancelled: list[str] = []
    statuses: dict[str, str] = {}
    never_created = 0
    async with client_scope(client) as api:
        for part in state.parts:
            if part.batch_id is None and part.input_file_id is not None and not part.abandoned:
                found = await find_batch(api, part.tag)  # made by a submit cut short?
                if found is not None:
                    part.batch_id, part.status = found.id, str(found.status)
            if part.batch_id is None:
                never_created += 1
                part.status = "cancelled"
                state.save(path)
                continue
            if part.status not in ENDED:
                part.status, asked = await _cancel(api, part.batch_id)
                if asked:
                    cancelled.append(part.batch_id)
                state.save(path)
            statuses[part.batch_id] = str(part.status)
    return BatchCancelSummary(
        cancelled=tuple(cancelled), statuses=statuses, never_created=never_created
    )
