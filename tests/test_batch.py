"""Batch API pipeline: input lines, splitting, submit/status/collect on the fake server."""

from __future__ import annotations

import base64
import collections
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Driver

from openai_images_sdk._client import AsyncImagesClient
from openai_images_sdk._exceptions import ConflictError, NotFoundError, ValidationError
from openai_images_sdk.bulk import (
    BatchFileSplitter,
    BatchState,
    PlannedRequest,
    batch_line,
    batch_status,
    collect_batches,
    final_entries,
    read_manifest,
    submit_batches,
)
from openai_images_sdk.fake_server._images import encode_png
from openai_images_sdk.testing import FakeImagesServer, StatusFault

TINY: dict[str, Any] = {"model": "gpt-image-2", "size": "256x256", "output_format": "jpeg"}
GENERATIONS = "/v1/images/generations"


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running
        assert running.errors == ()


def client_for(server: FakeImagesServer) -> AsyncImagesClient:
    return AsyncImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0)


def png() -> bytes:
    return encode_png(16, 16, [b"\x10\x80\xf0" * 16] * 16)


def request(operation: str = "generate", **params: object) -> PlannedRequest:
    return PlannedRequest(key="k1", operation=operation, params=params)  # type: ignore[arg-type]


# ------------------------------------------------------------------------ input lines


def test_a_generation_line_is_the_json_body_the_client_would_send() -> None:
    line = batch_line(request(prompt="a fox", n=2, **TINY))
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1
    assert json.loads(line) == {
        "custom_id": "k1",
        "method": "POST",
        "url": GENERATIONS,
        "body": {"prompt": "a fox", "n": 2, **TINY},
    }


def test_an_edit_line_carries_local_images_as_data_urls(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(png())
    line = json.loads(
        batch_line(
            request(
                "edit",
                prompt="green",
                image=tmp_path / "a.png",
                mask="https://example.com/m.png",
                model="gpt-image-1.5",
            )
        )
    )
    assert line["url"] == "/v1/images/edits"
    (image,) = line["body"]["images"]
    assert base64.b64decode(image["image_url"].split(",", 1)[1]) == png()
    assert image["image_url"].startswith("data:image/png;base64,")
    assert line["body"]["mask"] == {"image_url": "https://example.com/m.png"}


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"prompt": "x", "model": "gpt-image-2", "size": "17x17"}, "size"),
        ({"prompt": "x", "image": Path("/missing.png")}, "image"),
    ],
    ids=["bad-size", "missing-image"],
)
def test_lines_that_break_the_rules_are_refused(params: dict[str, object], param: str) -> None:
    operation = "edit" if "image" in params else "generate"
    with pytest.raises(ValidationError) as caught:
        batch_line(request(operation, **params))
    assert param in caught.value.params


@pytest.mark.parametrize(
    "markup",
    [Path("/missing/markup.png"), "https://e.com/m.png", "data:image/png;base64,AAAA"],
    ids=["path", "url", "data-url"],
)
def test_markup_cannot_be_batched(markup: object) -> None:
    # The JSON edit body (spec/openapi.yaml EditImageBodyJsonParam, and upstream) has no
    # markup field: refused with its own rule, before the file is even read.
    params = {"prompt": "x", "image": "https://e.com/a.png", "markup": markup}
    with pytest.raises(ValidationError) as caught:
        batch_line(request("edit", **params))
    (violation,) = caught.value.violations
    assert violation.param == "markup"
    assert "not supported in batches" in violation.rule
    assert "no markup field" in violation.rule
    assert violation.value == markup


def test_the_splitter_starts_a_new_part_before_a_limit(tmp_path: Path) -> None:
    lines = [f'{{"n": {i}}}\n'.encode() for i in range(7)]  # 9 bytes each
    by_count = BatchFileSplitter(tmp_path / "a", prefix="p", max_requests=3)
    for line in lines:
        by_count.add(line)
    parts = by_count.close()
    assert [p.requests for p in parts] == [3, 3, 1]
    assert [p.path.name for p in parts] == ["p-0001.jsonl", "p-0002.jsonl", "p-0003.jsonl"]
    assert b"".join(p.path.read_bytes() for p in parts) == b"".join(lines)

    by_size = BatchFileSplitter(tmp_path / "b", prefix="p", max_bytes=20)
    for line in lines:
        by_size.add(line)
    parts = by_size.close()
    assert [(p.requests, p.bytes) for p in parts] == [(2, 18)] * 3 + [(1, 9)]
    assert all(p.path.stat().st_size <= 20 for p in parts)

    exact = BatchFileSplitter(tmp_path / "c", prefix="p", max_bytes=9)
    assert exact.fits(lines[0])
    assert not exact.fits(lines[0] + b" ")
    with pytest.raises(ValueError, match="exceeds max_bytes"):
        exact.add(lines[0] + b" ")
    assert exact.close() == []
    with pytest.raises(ValueError, match="1 or more"):
        BatchFileSplitter(tmp_path, prefix="p", max_requests=0)


# ------------------------------------------------------------------- end to end


def _manifest(out: Path) -> list[Any]:
    return list(read_manifest(out / "manifest.jsonl"))


@pytest.mark.anyio
async def test_submit_status_collect(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "sofa.png").write_bytes(png())
    records: list[dict[str, object]] = [{"id": f"g{i}", "title": f"mug {i}"} for i in range(7)]
    extra: list[dict[str, object]] = [
        {"id": "edit", "title": "sofa", "image": "sofa.png", "model": "gpt-image-1.5",
         "size": "1024x1024", "quality": "low", "output_format": "png"},
        {"id": "refused", "title": "x", "size": "17x17"},
        {"id": "g0", "title": "repeated id"},
    ]  # fmt: skip
    records += extra
    out = tmp_path / "out"
    with FakeImagesServer(draw_text=False, batch_seconds=3600) as server:
        server.batches.fail_request("g3", StatusFault(status=500))
        async with client_for(server) as client:
            submitted = await submit_batches(
                records, prompt="{title}", out=out, client=client, base_dir=inputs,
                max_requests=3, **TINY,
            )  # fmt: skip
            assert (submitted.requests, submitted.failed, submitted.skipped) == (8, 1, 1)
            assert len(submitted.batch_ids) == 4  # 3 + 3 + 1 generations, 1 edit
            endpoints = collections.Counter(
                [(await client.batches.retrieve(batch_id=b)).endpoint for b in submitted.batch_ids]
            )
            assert endpoints == {GENERATIONS: 3, "/v1/images/edits": 1}
            statuses = [b.status for b in await batch_status(out=out, client=client)]
            assert statuses == ["in_progress"] * 4
            server.batches.batch_seconds = 0  # they complete when next polled
            collected = await collect_batches(out=out, client=client, poll_interval=0.05)
            assert set(collected.statuses.values()) == {"completed"}
            assert (collected.done, collected.failed, collected.pending) == (7, 1, ())
            assert collected.images == 7
            assert collected.total_tokens > 0
            uploads = [r for r in server.requests if r.path == "/v1/files"]
            assert len(uploads) == 4
            assert {f.content_type for r in uploads for f in r.files} == {"application/jsonl"}

            final = final_entries(out / "manifest.jsonl")
            assert {k: e.status for k, e in final.items()} == {
                **{f"g{i}": "done" for i in range(7) if i != 3},
                "g3": "failed",
                "edit": "done",
                "refused": "failed",
            }
            assert final["g3"].error["status"] == 500  # type: ignore[index]
            assert final["refused"].attempts == 0
            assert final["g1"].paths == (str(out / "g1.jpg"),)
            assert (out / "edit.png").read_bytes().startswith(b"\x89PNG")
            assert (out / "g1.jpg").read_bytes()[:3] == b"\xff\xd8\xff"

            again = await collect_batches(out=out, client=client)
            assert (again.done, again.failed) == (0, 0)
            assert len(_manifest(out)) == 9

            # A new submission of the same records sends only what is not done.
            server.batches.clear()
            resubmitted = await submit_batches(
                records, prompt="{title}", out=out, client=client, base_dir=inputs, **TINY
            )
            # g3 is sent again, "refused" is refused again, the 7 done and the repeat skipped
            assert (resubmitted.requests, resubmitted.failed, resubmitted.skipped) == (1, 1, 8)
            await collect_batches(out=out, client=client, poll_interval=0.05)
    final = final_entries(out / "manifest.jsonl")
    assert final["g3"].status == "done"
    done_lines = collections.Counter(e.key for e in _manifest(out) if e.status == "done")
    assert set(done_lines.values()) == {1}
    assert not list((out / ".openai-batch").glob("*.jsonl"))  # input parts removed


@pytest.mark.anyio
async def test_a_submit_cut_short_resumes_without_duplicate_batches(
    server: FakeImagesServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [{"title": f"t{i}"} for i in range(4)]
    real_save = BatchState.save

    def crash_before_saving_the_second_batch(self: BatchState, path: Path) -> None:
        if len(self.parts) == 2 and self.parts[1].batch_id is not None:
            raise KeyboardInterrupt  # the batch exists on the server, the state does not say so
        real_save(self, path)

    async with client_for(server) as client:
        monkeypatch.setattr(BatchState, "save", crash_before_saving_the_second_batch)
        with pytest.raises(KeyboardInterrupt):
            await submit_batches(
                records, prompt="{title}", out=tmp_path, client=client, max_requests=2, **TINY
            )
        monkeypatch.setattr(BatchState, "save", real_save)
        assert len(server.batches.batch_ids) == 2
        summary = await submit_batches(
            records, prompt="{title}", out=tmp_path, client=client, max_requests=2, **TINY
        )
        assert summary.batch_ids == server.batches.batch_ids  # found again, not made twice
        assert len([r for r in server.requests if r.path == "/v1/files"]) == 2
        collected = await collect_batches(out=tmp_path, client=client)
    assert collected.done == 4


@pytest.mark.anyio
async def test_collect_without_waiting_leaves_running_batches(tmp_path: Path) -> None:
    with FakeImagesServer(draw_text=False, batch_seconds=3600) as server:
        async with client_for(server) as client:
            await submit_batches(
                [{"title": "a"}, {"title": "b"}], prompt="{title}", out=tmp_path, client=client,
                **TINY,
            )  # fmt: skip
            early = await collect_batches(out=tmp_path, client=client, wait=False)
            assert early.pending
            assert early.done == 0
            timed_out = await collect_batches(
                out=tmp_path, client=client, poll_interval=0.05, timeout=0.3
            )
            assert timed_out.pending
            polls = [r for r in server.requests if r.path.startswith("/v1/batches/")]
            assert len(polls) >= 4  # polled again and again (with backoff) until the timeout
            server.batches.batch_seconds = 0
            late = await collect_batches(out=tmp_path, client=client, poll_interval=0.05)
    assert (late.done, late.pending) == (2, ())


@pytest.mark.anyio
async def test_requests_of_a_failed_batch_are_recorded_as_failed(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    server.batches.max_requests = 2  # the server refuses parts of 3
    async with client_for(server) as client:
        await submit_batches(
            [{"title": f"t{i}"} for i in range(3)], prompt="{title}", out=tmp_path, client=client,
            **TINY,
        )  # fmt: skip
        collected = await collect_batches(out=tmp_path, client=client)
    assert collected.statuses
    assert set(collected.statuses.values()) == {"failed"}
    assert collected.failed == 3
    for entry in _manifest(tmp_path):
        assert entry.error["type"] == "BatchNotRun"
        assert entry.error["code"] == "batch_failed"
        assert "at most 2" in entry.error["message"]


@pytest.mark.anyio
async def test_markup_in_a_submission_is_refused_before_any_upload(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    (tmp_path / "a.png").write_bytes(png())
    records: list[dict[str, object]] = [
        {"id": "plain", "title": "a", "image": "a.png"},
        {"id": "marked", "title": "b", "image": "a.png", "markup": "a.png"},
    ]
    out = tmp_path / "out"
    async with client_for(server) as client:
        with pytest.raises(ValidationError) as caught:
            await submit_batches(
                records, prompt="{title}", out=out, client=client, base_dir=tmp_path, markup="a.png"
            )
        assert caught.value.params == ("markup",)
        assert not out.exists()  # no state, no input file, no manifest
        assert server.requests == ()

        submitted = await submit_batches(
            records, prompt="{title}", out=out, client=client, base_dir=tmp_path,
            model="gpt-image-1.5",
        )  # fmt: skip
    assert (submitted.requests, submitted.failed) == (1, 1)
    (entry,) = _manifest(out)
    assert (entry.key, entry.status, entry.attempts) == ("marked", "failed", 0)
    assert "markup: is not supported in batches" in entry.error["message"]
    state = BatchState.load(out / ".openai-batch" / "state.json")
    assert state is not None
    (part,) = state.parts
    assert part.input_file_id is not None
    sent = server.batches.file_bytes(part.input_file_id)
    assert b'"custom_id":"plain"' in sent
    assert b"marked" not in sent


@pytest.mark.anyio
async def test_status_without_a_submission_is_a_clear_error(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    async with client_for(server) as client:
        with pytest.raises(ValidationError, match="no batch submission found"):
            await batch_status(out=tmp_path, client=client)
        with pytest.raises(ValidationError, match="no batch submission found"):
            await collect_batches(out=tmp_path, client=client)


# ----------------------------------------------------------- the fake server's routes


@pytest.mark.anyio
async def test_files_round_trip(driver: Driver, server: FakeImagesServer, tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(png())
    client = driver.client(base_url=server.base_url, max_retries=0)
    try:
        stored = await driver.run(client.files.create(file=image, purpose="vision"))
        assert (stored.object, stored.bytes, stored.filename) == ("file", len(png()), "a.png")
        assert stored.request_id
        again = await driver.run(client.files.retrieve(file_id=stored.id))
        assert again.id == stored.id
        assert again.purpose == "vision"
        assert await driver.run(client.files.content(file_id=stored.id)) == png()
        deleted = await driver.run(client.files.delete(file_id=stored.id))
        assert deleted.deleted
        with pytest.raises(NotFoundError):
            await driver.run(client.files.retrieve(file_id=stored.id))
    finally:
        await driver.close(client)


@pytest.mark.anyio
async def test_batches_list_and_cancel(driver: Driver, server: FakeImagesServer) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    line = batch_line(PlannedRequest(key="a", operation="generate", params={"prompt": "x"}))
    file_id = server.batches._store("in.jsonl", "batch", line).id
    try:
        made = [
            await driver.run(
                client.batches.create(
                    input_file_id=file_id, endpoint=GENERATIONS, completion_window="24h"
                )
            )
            for _ in range(3)
        ]
        page = await driver.run(client.batches.list(limit=2))
        assert [b.id for b in page.data] == [made[2].id, made[1].id]
        assert page.has_more
        rest = await driver.run(client.batches.list(after=page.last_id))
        assert [b.id for b in rest.data] == [made[0].id]
        assert not rest.has_more
        cancelling = await driver.run(client.batches.cancel(batch_id=made[0].id))
        assert cancelling.status == "cancelling"
        cancelled = await driver.run(client.batches.retrieve(batch_id=made[0].id))
        assert cancelled.status == "cancelled"
        assert cancelled.cancelled_at
        done = await driver.run(client.batches.retrieve(batch_id=made[1].id))
        assert done.status == "completed"
        assert done.request_counts.completed == 1
        with pytest.raises(ConflictError):
            await driver.run(client.batches.cancel(batch_id=made[1].id))
    finally:
        await driver.close(client)


@pytest.mark.anyio
async def test_the_fake_server_checks_batch_input_files(server: FakeImagesServer) -> None:
    good = {"custom_id": "a", "method": "POST", "url": GENERATIONS, "body": {"prompt": "x"}}
    lines = [
        json.dumps(good),
        json.dumps(good),  # duplicate custom_id
        json.dumps({**good, "custom_id": "b", "url": "/v1/images/edits"}),
        "not json",
    ]
    file_id = server.batches._store("in.jsonl", "batch", "\n".join(lines).encode()).id
    async with client_for(server) as client:
        batch = await client.batches.create(
            input_file_id=file_id, endpoint=GENERATIONS, completion_window="24h"
        )
        failed = await client.batches.retrieve(batch_id=batch.id)
        with pytest.raises(ValidationError):
            await client.batches.create(
                input_file_id=file_id,
                endpoint=GENERATIONS,
                completion_window="1h",  # type: ignore[arg-type]
            )
    assert failed.status == "failed"
    assert failed.errors is not None
    assert failed.errors.data is not None
    assert [e.line for e in failed.errors.data] == [2, 3, 4]


@pytest.mark.anyio
async def test_collect_shows_a_status_line_while_it_waits(tmp_path: Path) -> None:
    import io

    from openai_images_sdk.bulk import CollectProgress

    with FakeImagesServer(draw_text=False, batch_seconds=3600) as server:
        async with client_for(server) as client:
            await submit_batches(
                [{"title": "a"}, {"title": "b"}], prompt="{title}", out=tmp_path, client=client,
                **TINY,
            )  # fmt: skip
            waiting = io.StringIO()
            line = CollectProgress(batches=1, stream=waiting, enabled=True)
            early = await collect_batches(
                out=tmp_path, client=client, poll_interval=0.05, timeout=0.2, progress=line
            )
            assert early.pending
            text = waiting.getvalue()
            assert "batches: 0/1 ended | requests: 0/" in text
            assert "done, 0 failed | saved 0" in text
            assert f"waiting on {early.pending[0]} in_progress" in text
            assert text.count("\r\x1b[K") >= 2  # redrawn while waiting, not only at the end
            server.batches.batch_seconds = 0
            finished = io.StringIO()
            await collect_batches(
                out=tmp_path,
                client=client,
                poll_interval=0.05,
                progress=CollectProgress(batches=1, stream=finished, enabled=True),
            )
    assert "batches: 1/1 ended | requests: 2/2 done, 0 failed | saved 2" in finished.getvalue()
    assert finished.getvalue().endswith("\n")


def test_the_collect_line_counts_time_waited() -> None:
    from openai_images_sdk.bulk import CollectProgress

    now = [0.0]
    line = CollectProgress(batches=3, enabled=False, clock=lambda: now[0])
    now[0] = 3725.0
    assert line.render(now[0]).endswith("| 1h02m")
