"""bulk runner: never silently redo or skip work (damaged manifests, locks, pauses, changes)."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from openai_images_sdk._client import AsyncImagesClient
from openai_images_sdk._exceptions import RateLimitError, ValidationError
from openai_images_sdk._ratelimits import RateLimits
from openai_images_sdk.bulk import (
    BulkProgress,
    BulkSummary,
    ChangedRequestError,
    DuplicateRecordError,
    FolderBusyError,
    ManifestError,
    bulk_generate,
    read_records,
)
from openai_images_sdk.bulk._lock import LOCK_FILE, folder_lock
from openai_images_sdk.bulk._manifest import read_manifest
from openai_images_sdk.bulk._pacing import MARGIN, Pacer
from openai_images_sdk.bulk._runner import retry_plan
from openai_images_sdk.testing import FakeImagesServer, StatusFault

TINY: dict[str, Any] = {"model": "gpt-image-2", "size": "256x256", "output_format": "jpeg"}


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running
        assert running.errors == ()


def image_requests(server: FakeImagesServer) -> list[Any]:
    return [r for r in server.requests if r.path.startswith("/v1/images/")]


def records(count: int) -> list[dict[str, object]]:
    return [{"id": f"r{i}", "title": f"item {i}"} for i in range(count)]


async def run(server: FakeImagesServer, source: Any, out: Path, **options: Any) -> BulkSummary:
    options = {"prompt": "{title}", "progress": False, **TINY, **options}
    async with AsyncImagesClient(api_key="sk-test", base_url=server.base_url) as client:
        return await bulk_generate(source, client=client, out=out, **options)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != LOCK_FILE}


# ------------------------------------------------------------------- damaged manifest


@pytest.mark.anyio
@pytest.mark.parametrize(
    "damage",
    [b"\x00\x01\xfe\xffjunk\n", b'["r0", "r1"]\n', b'{"id": "r1", "state": "done"}\n'],
    ids=["binary", "array", "wrong-keys"],
)
async def test_a_damaged_manifest_stops_the_run_and_changes_nothing(
    server: FakeImagesServer, tmp_path: Path, damage: bytes
) -> None:
    out = tmp_path / "out"
    first = await run(server, records(3), out)
    assert first.done == 3
    manifest = out / "manifest.jsonl"
    lines = manifest.read_bytes().splitlines(keepends=True)
    manifest.write_bytes(lines[0] + damage + b"".join(lines[1:]))
    (out / ".r9.jpg.0000.bulk-partial").write_bytes(b"left by a crash")
    before = snapshot(out)
    server.reset()
    with pytest.raises(ManifestError) as caught:
        await run(server, records(5), out)
    assert f"{manifest} line 2" in str(caught.value)
    assert image_requests(server) == []
    assert snapshot(out) == before


# --------------------------------------------------------------------------- the lock


@pytest.mark.anyio
async def test_a_second_run_on_the_same_folder_is_refused(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with folder_lock(out):  # what a run in progress holds
        with pytest.raises(FolderBusyError) as caught:
            await run(server, records(3), out)
        assert "another run is using it" in str(caught.value)
        elsewhere = tmp_path / "elsewhere" / "manifest.jsonl"
        with pytest.raises(FolderBusyError):  # the manifest's folder is locked too
            await run(server, records(3), tmp_path / "other", manifest=out / "m.jsonl")
        assert not elsewhere.exists()
    assert image_requests(server) == []
    summary = await run(server, records(3), out)  # released
    assert summary.done == 3


HOLDER = """
import sys, time
from openai_images_sdk.bulk._lock import folder_lock
with folder_lock(sys.argv[1]):
    print("locked", flush=True)
    sys.stdin.read()
"""


@pytest.mark.anyio
async def test_a_killed_run_leaves_no_stale_lock(server: FakeImagesServer, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            with pytest.raises(FolderBusyError):
                await run(server, records(2), out)
        finally:
            holder.send_signal(signal.SIGKILL)
            holder.wait()
    assert holder.returncode == -signal.SIGKILL
    assert (out / LOCK_FILE).exists()  # the file stays; the OS dropped the lock
    summary = await run(server, records(2), out)
    assert summary.done == 2


# ------------------------------------------------------------------ rate-limit pauses


def _429(headers: dict[str, str]) -> RateLimitError:
    request = httpx.Request("POST", "https://example.test/v1/images/generations")
    response = httpx.Response(429, headers=headers, request=request)
    return RateLimitError("slow down", response=response, body=None)


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "100000"},
        {"retry-after": "Thu, 01 Jan 2099 00:00:00 GMT"},
        {"x-ratelimit-reset-requests": "1000h"},
    ],
    ids=["seconds", "date-2099", "reset-1000h"],
)
def test_a_huge_server_wait_is_capped(headers: dict[str, str]) -> None:
    plan = retry_plan(_429(headers), 1, 5)
    assert plan is not None
    wait, pause_all = plan
    assert pause_all
    assert wait > 3600  # what the server asked for
    pacer = Pacer(max_pause=60.0)
    pacer.pause(100.0, wait)
    assert pacer.pause_left(100.0) == pytest.approx(60.0 + MARGIN)
    assert pacer.capped == 1


def test_exhausted_headers_with_a_huge_reset_are_capped() -> None:
    pacer = Pacer(max_pause=30.0, low_water=8)
    limits = RateLimits.from_headers(
        httpx.Headers(
            {"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "1000h"}
        )
    )
    pacer.observe(0.0, limits)
    assert pacer.pause_left(0.0) == pytest.approx(30.0 + MARGIN)
    few = RateLimits.from_headers(
        httpx.Headers(
            {"x-ratelimit-remaining-requests": "2", "x-ratelimit-reset-requests": "1000h"}
        )
    )
    pacer = Pacer(max_pause=30.0, low_water=8)
    pacer.observe(0.0, few)
    assert pacer.reserve(0.0, 1) == 0.0
    assert pacer.reserve(0.0, 1) == pytest.approx((30.0 + MARGIN) / 2)


@pytest.mark.anyio
async def test_a_run_with_a_huge_retry_after_finishes(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    server.enqueue(StatusFault(status=429, retry_after=100000))
    summary = await run(server, records(4), tmp_path, concurrency=2, max_pause=0.01)
    assert (summary.done, summary.failed, summary.rate_limit_pauses) == (4, 0, 1)
    with pytest.raises(ValidationError, match="max_pause"):
        await run(server, records(1), tmp_path / "x", max_pause=0)


def test_the_progress_line_shows_a_pause() -> None:
    stream = io.StringIO()
    bar = BulkProgress(total=10, stream=stream, enabled=True, clock=lambda: 5.0)
    bar.pause_left = lambda: 42.0
    bar.update(done=1)
    assert "paused 42s (rate limit)" in stream.getvalue()
    bar.pause_left = lambda: 0.0
    assert "paused" not in bar.render(5.0)


# ------------------------------------------------------------------------ fingerprints


@pytest.mark.anyio
@pytest.mark.parametrize(
    "change",
    [{"prompt": "{title}, watercolour"}, {"size": "512x512"}, {"model": "gpt-image-1.5"}],
    ids=["template", "size", "model"],
)
async def test_a_rerun_with_another_request_stops_unless_told_to_regenerate(
    server: FakeImagesServer, tmp_path: Path, change: dict[str, object]
) -> None:
    if change.get("model") == "gpt-image-1.5":
        change = {**change, "size": "1024x1024"}
    assert (await run(server, records(3), tmp_path)).done == 3
    server.reset()
    with pytest.raises(ChangedRequestError) as caught:
        await run(server, records(3), tmp_path, **change)
    assert "record 1 (id 'r0')" in str(caught.value)
    assert "--regenerate-changed" in str(caught.value)
    assert image_requests(server) == []
    again = await run(server, records(3), tmp_path, regenerate_changed=True, **change)
    assert (again.done, again.skipped, again.regenerated) == (3, 0, 3)
    assert len(image_requests(server)) == 3
    same = await run(server, records(3), tmp_path, **change)
    assert (same.done, same.skipped) == (0, 3)
    final = [e for e in read_manifest(tmp_path / "manifest.jsonl") if e.key == "r0"]
    assert len(final) == 2
    assert final[0].fingerprint != final[1].fingerprint


@pytest.mark.anyio
async def test_manifests_without_fingerprints_still_resume(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"key": "r0", "status": "done", "paths": []}) + "\n"
    )
    summary = await run(server, records(2), tmp_path, size="512x512")
    assert (summary.done, summary.skipped) == (1, 1)


# -------------------------------------------------------------------------- duplicates


@pytest.mark.anyio
async def test_a_duplicate_id_is_refused_with_its_lines(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    rows = [{"id": "a", "title": "x"}, {"id": "b", "title": "y"}, {"id": "a", "title": "z"}]
    source.write_text("\n" + "".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(DuplicateRecordError) as caught:
        await run(server, read_records(source), tmp_path / "out")
    assert "line 2 and line 4 have the same id 'a'" in str(caught.value)
    server.reset()
    with pytest.raises(DuplicateRecordError, match="record 1 and record 3"):
        await run(server, rows, tmp_path / "list")
    assert image_requests(server) == []  # a list is checked before anything is sent


# ---------------------------------------------------------- run-wide mistakes, causes


@pytest.mark.anyio
async def test_a_run_wide_mistake_stops_before_any_request(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as caught:
        await run(server, records(20), tmp_path / "a", size="999x999")
    assert caught.value.params == ("size",)
    assert "run-wide option" in str(caught.value)
    with pytest.raises(ValidationError) as template:
        await run(server, records(20), tmp_path / "b", prompt="{name} on white")
    assert "needs the field 'name'" in str(template.value)
    assert image_requests(server) == []
    assert not (tmp_path / "a" / "manifest.jsonl").exists()


@pytest.mark.anyio
async def test_a_record_of_its_own_still_fails_alone_and_causes_are_summed(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    rows = [
        {"id": "own", "title": "x", "size": "17x17"},  # the first record's own field
        *records(3),
        {"id": "also", "title": "y", "size": "17x17"},
    ]
    server.enqueue(StatusFault(status=400, code="invalid_value", message="bad prompt"))
    summary = await run(server, rows, tmp_path, concurrency=1)
    assert (summary.done, summary.failed) == (2, 3)
    causes = summary.failure_causes
    assert sum(causes.values()) == 3
    ((top, count), *_) = causes.items()
    assert count == 2
    assert top.startswith("size:")
    assert any(cause.startswith("HTTP 400 invalid_value") for cause in causes)
    text = str(summary)
    assert "failures by cause:" in text
    assert "2 x size:" in text


@pytest.mark.anyio
async def test_a_first_record_with_a_missing_image_fails_alone(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    rows = [
        {"id": "gone", "title": "x", "image": str(tmp_path / "missing.png")},
        *records(2),
    ]
    summary = await run(server, rows, tmp_path / "out", model="gpt-image-1.5", size="1024x1024")
    assert (summary.done, summary.failed) == (2, 1)
