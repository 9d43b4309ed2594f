"""Cancelling a batch submission: the fake server's cancel semantics, `cancel_batches`, and
collect after cancel (what ran is saved, the rest is recorded as failed, once)."""

from __future__ import annotations

import collections
import functools
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
import pytest
from conftest import Driver

from openai_images_sdk._client import AsyncImagesClient, ImagesClient
from openai_images_sdk._exceptions import ConflictError, ValidationError
from openai_images_sdk._generated.models import Batch
from openai_images_sdk.bulk import (
    BatchState,
    PlannedRequest,
    batch_line,
    batch_status,
    cancel_batches,
    collect_batches,
    final_entries,
    read_manifest,
    run_batch_cancel,
    run_batch_collect,
    run_batch_status,
    run_batch_submit,
    submit_batches,
)
from openai_images_sdk.testing import FakeImagesServer, StatusFault

TINY: dict[str, Any] = {"model": "gpt-image-2", "size": "256x256", "output_format": "jpeg"}
GENERATIONS = "/v1/images/generations"
TWINS: dict[Callable[..., Any], Callable[..., Any]] = {
    submit_batches: run_batch_submit,
    batch_status: run_batch_status,
    collect_batches: run_batch_collect,
    cancel_batches: run_batch_cancel,
}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")  # the sync twins make their own client
        monkeypatch.setenv("OPENAI_BASE_URL", running.base_url)
        yield running
        assert running.errors == ()


def client_for(server: FakeImagesServer) -> AsyncImagesClient:
    return AsyncImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0)


async def call(driver: Driver, server: FakeImagesServer, fn: Any, *args: Any, **kw: Any) -> Any:
    """`fn` with a test client (async driver), or its ``run_`` twin in a worker thread."""
    if driver.is_async:
        async with client_for(server) as client:
            return await fn(*args, client=client, **kw)
    return await anyio.to_thread.run_sync(functools.partial(TWINS[fn], *args, **kw))


def counts(batch: Batch) -> tuple[int, int]:
    """Completed and total requests of a batch."""
    assert batch.request_counts is not None
    return batch.request_counts.completed, batch.request_counts.total


def titles(count: int) -> list[dict[str, object]]:
    return [{"id": f"r{i}", "title": f"t{i}"} for i in range(count)]


# ------------------------------------------------------------ the fake server's routes


@pytest.mark.anyio
async def test_the_fake_server_cancels_like_the_api(server: FakeImagesServer) -> None:
    lines = b"".join(
        batch_line(PlannedRequest(key=f"k{i}", operation="generate", params={"prompt": "x"}))
        for i in range(5)
    )
    file_id = server.batches._store("in.jsonl", "batch", lines).id
    server.batches.requests_per_poll = 2
    async with client_for(server) as client:

        async def create() -> str:
            made = await client.batches.create(
                input_file_id=file_id, endpoint=GENERATIONS, completion_window="24h"
            )
            return made.id

        # validating -> cancelling -> cancelled, with nothing run
        idle = await create()
        assert (await client.batches.cancel(batch_id=idle)).status == "cancelling"
        again = await client.batches.cancel(batch_id=idle)  # cancelling again: same answer
        assert again.status == "cancelling"
        assert again.cancelling_at
        ended = await client.batches.retrieve(batch_id=idle)
        assert (ended.status, ended.output_file_id, ended.error_file_id) == (
            "cancelled",
            None,
            None,
        )
        assert ended.cancelled_at
        with pytest.raises(ConflictError, match="status cancelled"):
            await client.batches.cancel(batch_id=idle)

        # in progress: the requests that ran are in the output file of the cancelled batch
        busy = await create()
        running = await client.batches.retrieve(batch_id=busy)
        assert running.status == "in_progress"
        assert counts(running) == (2, 5)
        assert (await client.batches.cancel(batch_id=busy)).status == "cancelling"
        cancelled = await client.batches.retrieve(batch_id=busy)
        assert cancelled.status == "cancelled"
        assert counts(cancelled) == (2, 5)  # nothing ran after the cancel
        assert cancelled.output_file_id is not None
        output = await client.files.content(file_id=cancelled.output_file_id)
        assert [line.count(b'"custom_id"') for line in output.splitlines()] == [1, 1]
        assert b'"custom_id":"k0"' in output
        assert b'"custom_id":"k1"' in output

        # run to the end, a poll at a time
        whole = await create()
        seen = [(await client.batches.retrieve(batch_id=whole)).status for _ in range(3)]
        assert seen == ["in_progress", "in_progress", "completed"]
        with pytest.raises(ConflictError, match="status completed"):
            await client.batches.cancel(batch_id=whole)


def test_a_cancel_during_a_poll_stops_the_remaining_requests(
    server: FakeImagesServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = b"".join(
        batch_line(PlannedRequest(key=f"k{i}", operation="generate", params={"prompt": "x"}))
        for i in range(5)
    )
    file_id = server.batches._store("in.jsonl", "batch", lines).id
    real_answer = server.batches._answer

    def answer_then_cancel(batch: Any, request: Any) -> Any:
        answered = real_answer(batch, request)
        if request["custom_id"] == "k1":  # a cancel arrives (on another connection) meanwhile
            with ImagesClient(api_key="sk-test", base_url=server.base_url) as other:
                assert other.batches.cancel(batch_id=batch.id).status == "cancelling"
        return answered

    monkeypatch.setattr(server.batches, "_answer", answer_then_cancel)
    with ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0) as client:
        made = client.batches.create(
            input_file_id=file_id, endpoint=GENERATIONS, completion_window="24h"
        )
        polled = client.batches.retrieve(batch_id=made.id)  # runs k0, k1, then stops
        assert polled.status == "cancelling"
        assert counts(polled) == (2, 5)
        ended = client.batches.retrieve(batch_id=made.id)
        assert ended.status == "cancelled"
        assert ended.output_file_id is not None
        output = client.files.content(file_id=ended.output_file_id)
    assert [b'"custom_id":"k0"' in output, b'"custom_id":"k1"' in output] == [True, True]
    assert output.count(b"\n") == 2


# --------------------------------------------------------------------- cancel_batches


@pytest.mark.anyio
async def test_cancel_then_collect_saves_what_ran_and_fails_the_rest(
    driver: Driver, server: FakeImagesServer, tmp_path: Path
) -> None:
    records = titles(12)  # parts A: r0-r4, B: r5-r9, C: r10-r11
    submitted = await call(
        driver, server, submit_batches, records, prompt="{title}", out=tmp_path, max_requests=5,
        **TINY,
    )  # fmt: skip
    first, second, third = submitted.batch_ids
    server.batches.fail_request("r5", StatusFault(status=500))
    async with client_for(server) as client:  # move the batches along behind the state's back
        server.batches.requests_per_poll = 5
        assert (await client.batches.retrieve(batch_id=first)).status == "completed"
        server.batches.requests_per_poll = 2
        assert (await client.batches.retrieve(batch_id=second)).status == "in_progress"
    server.batches.batch_seconds = 3600  # nothing more runs

    cancelled = await call(driver, server, cancel_batches, out=tmp_path)
    assert cancelled.cancelled == (second, third)
    assert cancelled.statuses == {first: "completed", second: "cancelling", third: "cancelling"}
    assert cancelled.never_created == 0
    cancels = [r.path for r in server.requests if r.path.endswith("/cancel")]
    assert cancels == [f"/v1/batches/{second}/cancel", f"/v1/batches/{third}/cancel"]

    collected = await call(driver, server, collect_batches, out=tmp_path, poll_interval=0.01)
    assert collected.statuses == {first: "completed", second: "cancelled", third: "cancelled"}
    assert (collected.done, collected.failed, collected.images) == (6, 6, 6)
    entries = list(read_manifest(tmp_path / "manifest.jsonl"))
    assert sorted(e.key for e in entries) == sorted(f"r{i}" for i in range(12))  # once each
    final = final_entries(tmp_path / "manifest.jsonl")
    assert {k for k, e in final.items() if e.status == "done"} == {
        f"r{i}" for i in (0, 1, 2, 3, 4, 6)
    }
    assert final["r5"].error is not None
    assert final["r5"].error["status"] == 500
    for key in ("r7", "r8", "r9", "r10", "r11"):
        error = final[key].error
        assert error is not None
        assert (error["type"], error["code"]) == ("BatchNotRun", "batch_cancelled")
        assert "ended cancelled" in str(error["message"])
    assert not list((tmp_path / ".openai-batch").glob("*.jsonl"))

    # The next submission sends exactly what was not done.
    server.batches.batch_seconds = 0
    server.batches.requests_per_poll = None
    again = await call(
        driver, server, submit_batches, records, prompt="{title}", out=tmp_path, **TINY
    )
    assert (again.requests, again.skipped) == (6, 6)
    finished = await call(driver, server, collect_batches, out=tmp_path, poll_interval=0.01)
    assert (finished.done, finished.failed) == (5, 1)  # r5 fails again
    done = collections.Counter(
        e.key for e in read_manifest(tmp_path / "manifest.jsonl") if e.status == "done"
    )
    assert set(done.values()) == {1}
    assert len(done) == 11


@pytest.mark.anyio
async def test_cancelling_twice_asks_once(
    driver: Driver, server: FakeImagesServer, tmp_path: Path
) -> None:
    server.batches.batch_seconds = 3600
    submitted = await call(
        driver, server, submit_batches, titles(2), prompt="{title}", out=tmp_path, **TINY
    )
    (batch_id,) = submitted.batch_ids
    first = await call(driver, server, cancel_batches, out=tmp_path)
    assert (first.cancelled, dict(first.statuses)) == ((batch_id,), {batch_id: "cancelling"})
    second = await call(driver, server, cancel_batches, out=tmp_path)
    assert second.cancelled == ()
    assert dict(second.statuses) == {batch_id: "cancelled"}  # its poll ended the cancelling
    assert len([r for r in server.requests if r.path.endswith("/cancel")]) == 1
    status = await call(driver, server, batch_status, out=tmp_path)
    assert [b.status for b in status] == ["cancelled"]


@pytest.mark.anyio
async def test_a_batch_that_ends_before_the_cancel_is_reported_as_ended(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    server.batches.requests_per_poll = 1
    async with client_for(server) as client:
        for count, out in ((2, tmp_path / "two"), (3, tmp_path / "three")):
            submitted = await submit_batches(
                titles(count), prompt="{title}", out=out, client=client, **TINY
            )
            (batch_id,) = submitted.batch_ids
            # the cancel answers 409 as if the batch had ended meanwhile; each poll runs one
            server.enqueue(StatusFault(status=409, path=f"/v1/batches/{batch_id}/cancel"))
            if count == 2:
                summary = await cancel_batches(out=out, client=client)
                assert summary.cancelled == ()
                assert dict(summary.statuses) == {batch_id: "completed"}
            else:  # still running after the 409: the error is not swallowed
                with pytest.raises(ConflictError):
                    await cancel_batches(out=out, client=client)


@pytest.mark.anyio
async def test_parts_without_a_batch_are_never_created_after_a_cancel(
    server: FakeImagesServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.batches.batch_seconds = 3600
    records = titles(3)
    real_save = BatchState.save

    def crash_before_saving_the_second_batch(self: BatchState, path: Path) -> None:
        if len(self.parts) == 3 and self.parts[1].batch_id is not None:
            raise KeyboardInterrupt
        real_save(self, path)

    async with client_for(server) as client:
        monkeypatch.setattr(BatchState, "save", crash_before_saving_the_second_batch)
        with pytest.raises(KeyboardInterrupt):
            await submit_batches(
                records, prompt="{title}", out=tmp_path, client=client, max_requests=1, **TINY
            )
        monkeypatch.setattr(BatchState, "save", real_save)
        made = server.batches.batch_ids
        assert len(made) == 2  # the second is on the server only; the third was never sent

        summary = await cancel_batches(out=tmp_path, client=client)
        assert summary.cancelled == made  # the second found again by its tag
        assert summary.never_created == 1

        uploads = len([r for r in server.requests if r.path == "/v1/files"])
        resumed = await submit_batches(
            records, prompt="{title}", out=tmp_path, client=client, max_requests=1, **TINY
        )
        assert resumed.batch_ids == made
        assert server.batches.batch_ids == made
        assert len([r for r in server.requests if r.path == "/v1/files"]) == uploads

        collected = await collect_batches(out=tmp_path, client=client, poll_interval=0.01)
        assert (collected.done, collected.failed, collected.pending) == (0, 3, ())
        final = final_entries(tmp_path / "manifest.jsonl")
        assert "before this request's batch was created" in str(final["r2"].error)
        assert "ended cancelled" in str(final["r0"].error)

        fresh = await submit_batches(  # everything collected: a new submission starts
            records, prompt="{title}", out=tmp_path, client=client, max_requests=1, **TINY
        )
        assert len(fresh.batch_ids) == 3
        assert not set(fresh.batch_ids) & set(made)


@pytest.mark.anyio
async def test_cancel_without_a_submission_is_a_clear_error(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    async with client_for(server) as client:
        with pytest.raises(ValidationError, match="no batch submission found"):
            await cancel_batches(out=tmp_path, client=client)


# ------------------------------------------------------------------------ sync twins


@pytest.mark.parametrize(("async_fn", "sync_fn"), list(TWINS.items()), ids=lambda f: f.__name__)
def test_the_sync_twins_take_the_same_arguments(
    async_fn: Callable[..., Any], sync_fn: Callable[..., Any]
) -> None:
    wanted = inspect.signature(async_fn)
    got = inspect.signature(sync_fn)
    assert list(got.parameters.values()) == list(wanted.parameters.values())
    assert got.return_annotation == wanted.return_annotation
    assert sync_fn.__doc__
    assert async_fn.__name__ in sync_fn.__doc__


def test_a_sync_twin_inside_an_event_loop_fails_clearly(tmp_path: Path) -> None:
    async def inside() -> None:
        run_batch_status(out=tmp_path)

    with pytest.raises(RuntimeError, match="running"):
        anyio.run(inside)
