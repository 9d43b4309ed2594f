"""`collect_batches(delete_files=True)`: a batch's API files go once its results are saved."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
import pytest
from conftest import Driver

from openai_images_sdk._client import AsyncImagesClient
from openai_images_sdk._exceptions import NotFoundError
from openai_images_sdk.bulk import (
    BatchState,
    collect_batches,
    final_entries,
    run_batch_collect,
    run_batch_submit,
    submit_batches,
)
from openai_images_sdk.bulk._batch_collect import Collector
from openai_images_sdk.testing import FakeImagesServer, StatusFault

TINY: dict[str, Any] = {"model": "gpt-image-2", "size": "256x256", "output_format": "jpeg"}
TWINS: dict[Any, Any] = {submit_batches: run_batch_submit, collect_batches: run_batch_collect}


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


async def submit(driver: Driver, server: FakeImagesServer, out: Path, count: int) -> Any:
    records = [{"id": f"r{i}", "title": f"t{i}"} for i in range(count)]
    return await call(
        driver, server, submit_batches, records, prompt="{title}", out=out, max_requests=2, **TINY
    )


async def files_of(server: FakeImagesServer, batch_ids: tuple[str, ...]) -> dict[str, str]:
    """Every API file of the batches: file id -> what it is."""
    found: dict[str, str] = {}
    async with client_for(server) as client:
        for batch_id in batch_ids:
            batch = await client.batches.retrieve(batch_id=batch_id)
            found[batch.input_file_id] = "input"
            if batch.output_file_id:
                found[batch.output_file_id] = "output"
            if batch.error_file_id:
                found[batch.error_file_id] = "error"
    return found


async def gone(server: FakeImagesServer, file_ids: list[str] | set[str]) -> set[str]:
    """The files of `file_ids` the server no longer has (retrieve answers 404)."""
    missing: set[str] = set()
    async with client_for(server) as client:
        for file_id in file_ids:
            try:
                await client.files.retrieve(file_id=file_id)
            except NotFoundError:
                missing.add(file_id)
    return missing


def index_of(server: FakeImagesServer, method: str, suffix: str) -> int:
    """Where the first request of `method` to a path ending in `suffix` is in the log."""
    requests = server.requests
    return next(i for i, r in enumerate(requests) if r.method == method and r.path.endswith(suffix))


@pytest.mark.anyio
async def test_files_are_deleted_after_the_results_are_saved(
    driver: Driver, server: FakeImagesServer, tmp_path: Path
) -> None:
    server.batches.fail_request("r1", StatusFault(status=500))  # gives the batch an error file
    submitted = await submit(driver, server, tmp_path, 3)
    kept = await call(driver, server, collect_batches, out=tmp_path)  # without: files stay
    assert (kept.done, kept.failed, kept.deleted_files, dict(kept.delete_errors)) == (2, 1, (), {})
    files = await files_of(server, submitted.batch_ids)
    assert sorted(files.values()) == ["error", "input", "input", "output", "output"]
    assert await gone(server, set(files)) == set()
    assert not [r for r in server.requests if r.method == "DELETE"]

    later = await call(driver, server, collect_batches, out=tmp_path, delete_files=True)
    assert (later.done, later.failed) == (0, 0)  # nothing collected twice
    assert sorted(later.deleted_files) == sorted(files)
    assert dict(later.delete_errors) == {}
    assert await gone(server, set(files)) == set(files)
    final = final_entries(tmp_path / "manifest.jsonl")
    assert {k: e.status for k, e in final.items()} == {"r0": "done", "r1": "failed", "r2": "done"}
    assert all(Path(p).is_file() for e in final.values() for p in e.paths)

    again = await call(driver, server, collect_batches, out=tmp_path, delete_files=True)
    assert (again.deleted_files, dict(again.delete_errors)) == ((), {})  # nothing left to do


@pytest.mark.anyio
async def test_each_batch_is_cleaned_right_after_it_is_collected(
    driver: Driver, server: FakeImagesServer, tmp_path: Path
) -> None:
    submitted = await submit(driver, server, tmp_path, 4)
    first, second = submitted.batch_ids
    collected = await call(driver, server, collect_batches, out=tmp_path, delete_files=True)
    assert collected.done == 4
    files = await files_of(server, submitted.batch_ids)
    assert sorted(files.values()) == ["input", "input", "output", "output"]
    assert sorted(collected.deleted_files) == sorted(files)
    assert await gone(server, set(files)) == set(files)
    firsts = await files_of(server, (first,))
    output = next(f for f, kind in firsts.items() if kind == "output")
    downloaded = index_of(server, "GET", f"/files/{output}/content")
    deleted = [index_of(server, "DELETE", f"/files/{file_id}") for file_id in firsts]
    assert downloaded < min(deleted)
    assert max(deleted) < index_of(server, "GET", f"/batches/{second}")
    assert not list((tmp_path / ".openai-batch").glob("*.jsonl"))


@pytest.mark.anyio
async def test_nothing_is_deleted_when_saving_fails(
    server: FakeImagesServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with client_for(server) as client:
        submitted = await submit_batches(
            [{"title": "a"}], prompt="{title}", out=tmp_path, client=client, **TINY
        )

        def disk_full(self: Collector, path: Path, seen: set[int]) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Collector, "_read", disk_full)
        with pytest.raises(OSError, match="No space left"):
            await collect_batches(out=tmp_path, client=client, delete_files=True)
        assert not [r for r in server.requests if r.method == "DELETE"]
        state = BatchState.load(tmp_path / ".openai-batch" / "state.json")
        assert state is not None
        assert not state.parts[0].collected

        monkeypatch.undo()
        collected = await collect_batches(out=tmp_path, client=client, delete_files=True)
    assert collected.done == 1
    files = await files_of(server, submitted.batch_ids)
    assert len(files) == 2
    assert await gone(server, set(files)) == set(files)


@pytest.mark.anyio
async def test_failed_deletes_are_reported_and_retried(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    async with client_for(server) as client:
        submitted = await submit_batches(
            [{"title": "a"}, {"title": "b"}], prompt="{title}", out=tmp_path, client=client,
            **TINY,
        )  # fmt: skip
        (batch_id,) = submitted.batch_ids
        batch = await client.batches.retrieve(batch_id=batch_id)
        output = batch.output_file_id
        assert output is not None
        await client.files.delete(file_id=batch.input_file_id)  # already gone: not an error
        server.enqueue(StatusFault(status=503, path=f"/v1/files/{output}"))

        first = await collect_batches(out=tmp_path, client=client, delete_files=True)
        assert (first.done, first.failed) == (2, 0)  # collecting is not held up
        assert first.deleted_files == ()
        assert list(first.delete_errors) == [output]
        assert "InternalServerError" in first.delete_errors[output]

        second = await collect_batches(out=tmp_path, client=client, delete_files=True)
        assert (second.done, second.failed) == (0, 0)
        assert second.deleted_files == (output,)
        assert dict(second.delete_errors) == {}
    assert await gone(server, {output}) == {output}


@pytest.mark.anyio
async def test_an_output_file_with_unsaved_results_is_kept(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    # a 200 whose body is not an images response: the result cannot be turned into a file
    server.batches.fail_request("r1", StatusFault(status=200))
    async with client_for(server) as client:
        submitted = await submit_batches(
            [{"id": "r0", "title": "a"}, {"id": "r1", "title": "b"}], prompt="{title}",
            out=tmp_path, client=client, **TINY,
        )  # fmt: skip
        collected = await collect_batches(out=tmp_path, client=client, delete_files=True)
        again = await collect_batches(out=tmp_path, client=client, delete_files=True)
    files = {
        kind: file_id for file_id, kind in (await files_of(server, submitted.batch_ids)).items()
    }
    assert (collected.done, collected.failed) == (1, 1)
    assert collected.deleted_files == (files["input"],)
    assert list(collected.delete_errors) == [files["output"]]
    assert "kept: 1 results" in collected.delete_errors[files["output"]]
    assert (again.deleted_files, dict(again.delete_errors)) == ((), {})  # reported once
    assert await gone(server, set(files.values())) == {files["input"]}
    final = final_entries(tmp_path / "manifest.jsonl")
    assert final["r1"].status == "failed"
