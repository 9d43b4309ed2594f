"""Bulk and batch runs log their progress and rate-limit pauses (logger openai_images_sdk.bulk)."""

from __future__ import annotations

import io
import logging

import pytest

from openai_images_sdk.bulk._pacing import Pacer
from openai_images_sdk.bulk._progress import BulkProgress, CollectProgress

LOGGER = "openai_images_sdk.bulk"


def records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER]


def test_a_pause_is_logged_once_with_its_cap(caplog: pytest.LogCaptureFixture) -> None:
    pacer = Pacer(max_pause=60.0)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        pacer.pause(0.0, 100_000.0)
        pacer.pause(1.0, 5.0)  # inside the same pause: no new line
    (line,) = records(caplog)
    assert line.getMessage() == (
        "Rate limit: every request pauses for 60.0 s (asked 100000.0 s, capped at max_pause)"
    )
    assert line.__dict__["pause_s"] == 60.0
    assert line.__dict__["asked_pause_s"] == 100_000.0
    with caplog.at_level(logging.INFO, logger=LOGGER):
        pacer.pause(100.0, 2.0)
    assert records(caplog)[-1].getMessage() == "Rate limit: every request pauses for 2.0 s"


def test_progress_is_logged_every_tenth_of_the_run(caplog: pytest.LogCaptureFixture) -> None:
    progress = BulkProgress(total=50, stream=io.StringIO(), enabled=False)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        for index in range(50):
            if index % 10:
                progress.update(done=1, images=2)
            else:
                progress.update(failed=1)
    lines = records(caplog)
    assert len(lines) == 10
    assert lines[-1].getMessage() == "Bulk progress: 45 done, 5 failed, 0 skipped of 50, 90 images"
    assert {k: lines[-1].__dict__[k] for k in ("done", "failed", "total")} == {
        "done": 45, "failed": 5, "total": 50
    }  # fmt: skip


def test_without_a_total_every_hundred_records(caplog: pytest.LogCaptureFixture) -> None:
    progress = BulkProgress(stream=io.StringIO(), enabled=False)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        for _ in range(250):
            progress.update(done=1)
    assert [r.getMessage() for r in records(caplog)] == [
        "Bulk progress: 100 done, 0 failed, 0 skipped, 0 images",
        "Bulk progress: 200 done, 0 failed, 0 skipped, 0 images",
    ]


class _Counts:
    completed = 3
    failed = 1
    total = 10


def test_each_batch_poll_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    progress = CollectProgress(batches=2, stream=io.StringIO(), enabled=False)
    with caplog.at_level(logging.INFO, logger=LOGGER):
        progress.polled("batch_1", "in_progress", _Counts(), ended=False)
    (line,) = records(caplog)
    assert line.getMessage() == "Batch batch_1: in_progress, 3 of 10 requests done, 1 failed"
    assert line.__dict__["batch_id"] == "batch_1"
