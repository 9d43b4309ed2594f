"""bulk runner against the fake server: outcomes, retries, rate limits, resume, memory."""

from __future__ import annotations

import base64
import builtins
import collections
import functools
import itertools
import math
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import attrs
import httpx
import pytest
from conftest import Driver

from openai_images_sdk._client import AsyncImagesClient
from openai_images_sdk._exceptions import (
    APIConnectionError,
    BadRequestError,
    InternalServerError,
    RateLimitError,
)
from openai_images_sdk._ratelimits import RateLimits
from openai_images_sdk.bulk import BulkSummary, ManifestEntry, bulk_generate, run_bulk
from openai_images_sdk.bulk._manifest import read_manifest
from openai_images_sdk.bulk._output import PARTIAL_SUFFIX
from openai_images_sdk.bulk._pacing import MARGIN, Pacer
from openai_images_sdk.bulk._runner import retry_plan
from openai_images_sdk.fake_server._images import encode_png
from openai_images_sdk.fake_server._ratelimit import RateLimit, RateWindow
from openai_images_sdk.testing import FakeImagesServer, StatusFault

TINY: dict[str, Any] = {"model": "gpt-image-2", "size": "256x256", "output_format": "jpeg"}
IMAGES = "/v1/images/generations"


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running
        assert running.errors == ()


def client_for(server: FakeImagesServer) -> AsyncImagesClient:
    return AsyncImagesClient(api_key="sk-test", base_url=server.base_url)


def titles(count: int, **extra: object) -> list[dict[str, object]]:
    return [{"title": f"item {i}", **extra} for i in range(count)]


async def run(
    driver: Driver, server: FakeImagesServer, records: Any, **options: Any
) -> BulkSummary:
    """`bulk_generate` (async driver) or `run_bulk` in a thread with a client from the env."""
    options = {"prompt": "{title}", "progress": False, **TINY, **options}
    if driver.is_async:
        async with client_for(server) as client:
            return await bulk_generate(records, client=client, **options)
    return await anyio.to_thread.run_sync(functools.partial(run_bulk, records, **options))


def entries(path: Path) -> list[ManifestEntry]:
    return list(read_manifest(path))


def image_requests(server: FakeImagesServer) -> list[Any]:
    return [r for r in server.requests if r.path.startswith("/v1/images/")]


def assert_no_partials(folder: Path) -> None:
    assert not [p for p in folder.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]


# --------------------------------------------------------------------------- outcomes


@pytest.mark.anyio
async def test_every_record_is_generated_and_recorded(
    driver: Driver, server: FakeImagesServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    records = [{"id": f"sku-{i}", "title": f"mug {i}"} for i in range(12)]
    summary = await run(driver, server, records, out=tmp_path, concurrency=4)
    assert (summary.done, summary.failed, summary.skipped, summary.images) == (12, 0, 0, 12)
    lines = entries(tmp_path / "manifest.jsonl")
    assert sorted(e.key for e in lines) == sorted(f"sku-{i}" for i in range(12))
    for line in lines:
        assert line.status == "done"
        assert line.attempts == 1
        assert line.request_id
        assert line.request_id.startswith("req_")
        (path,) = line.paths
        assert Path(path) == tmp_path / f"{line.key}.jpg"
        assert Path(path).read_bytes()[:3] == b"\xff\xd8\xff"
    assert summary.total_tokens == sum(int(str((e.usage or {})["total_tokens"])) for e in lines)
    assert summary.total_tokens > 0
    prompts = sorted(r.fields["prompt"] for r in image_requests(server))
    assert prompts == sorted(f"mug {i}" for i in range(12))
    assert_no_partials(tmp_path)


@pytest.mark.anyio
async def test_faults_end_done_or_failed_and_a_rerun_finishes_the_rest(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    records = titles(20)
    server.enqueue(
        StatusFault(status=429, retry_after=0.1),
        StatusFault(status=400, message="bad 1"),
        StatusFault(status=500),
        StatusFault(status=400, message="bad 2"),
        StatusFault(status=429, retry_after=0.1),
        StatusFault(status=400, message="bad 3"),
    )
    async with client_for(server) as client:
        first = await bulk_generate(
            records,
            client=client,
            out=tmp_path,
            concurrency=5,
            prompt="{title}",
            progress=False,
            **TINY,
        )
    assert (first.done, first.failed) == (17, 3)
    assert first.rate_limit_pauses >= 1
    lines = entries(tmp_path / "manifest.jsonl")
    assert len(lines) == 20 == len({e.key for e in lines})  # none lost, none twice
    failed = [e for e in lines if e.status == "failed"]
    assert sorted(str(e.error["message"]) for e in failed) == [  # type: ignore[index]
        f"Error code: 400 - bad {i}" for i in (1, 2, 3)
    ]
    assert all(e.error["type"] == "BadRequestError" for e in failed)  # type: ignore[index]
    assert len(image_requests(server)) == 20 + 3  # two 429s and a 500 were retried
    retried = [e for e in lines if e.attempts == 2]
    assert len(retried) == 3

    server.reset()
    async with client_for(server) as client:
        second = await bulk_generate(
            records,
            client=client,
            out=tmp_path,
            concurrency=5,
            prompt="{title}",
            progress=False,
            **TINY,
        )
    assert (second.done, second.failed, second.skipped) == (3, 0, 17)
    assert len(image_requests(server)) == 3
    lines = entries(tmp_path / "manifest.jsonl")
    done = collections.Counter(e.key for e in lines if e.status == "done")
    assert len(done) == 20
    assert set(done.values()) == {1}
    assert {e.key for e in failed} == {e.key for e in lines[20:]}


@pytest.mark.anyio
async def test_a_429_pauses_every_worker(tmp_path: Path) -> None:
    with FakeImagesServer(draw_text=False, latency=0.05) as server:
        server.enqueue(StatusFault(status=429, retry_after=1.0))
        async with client_for(server) as client:
            summary = await bulk_generate(
                titles(20), client=client, out=tmp_path, concurrency=4, prompt="{title}",
                progress=False, **TINY,
            )  # fmt: skip
        requests = image_requests(server)
    assert summary.done == 20
    (refused,) = [r for r in requests if r.status == 429]
    answered = refused.received_at + 0.05
    # requests sent before the client read the 429 may still arrive just after it: the
    # first four, and the next one of each worker that was answered at the same moment
    # (workers no longer wait for the disk), so at most 7 of the 21 come before the pause
    later = [r.received_at for r in requests if r.received_at > answered + 0.3]
    assert len(later) >= 12
    assert min(later) >= answered + 1.0, "a worker sent a request during the pause"


@pytest.mark.anyio
async def test_rate_limit_headers_slow_the_run_before_the_limit(tmp_path: Path) -> None:
    limit = RateLimit(requests=4, window=0.6)
    with FakeImagesServer(draw_text=False, latency=0.02, rate_limit=limit) as server:
        async with client_for(server) as client:
            summary = await bulk_generate(
                titles(10), client=client, out=tmp_path, concurrency=4, prompt="{title}",
                progress=False, **TINY,
            )  # fmt: skip
        requests = image_requests(server)
    assert summary.done == 10
    assert [r.status for r in requests] == [200] * 10, "the runner overran the window"
    arrivals = sorted(r.received_at for r in requests)
    assert arrivals[-1] - arrivals[0] >= 2 * limit.window  # three windows were needed
    assert summary.rate_limit_pauses >= 2


@pytest.mark.anyio
async def test_images_per_minute_spaces_the_starts(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    records: list[dict[str, object]] = [*titles(3), {"title": "pair", "n": 2}, {"title": "last"}]
    async with client_for(server) as client:
        await bulk_generate(
            records, client=client, out=tmp_path, concurrency=5, prompt="{title}",
            images_per_minute=600, progress=False, **TINY,
        )  # fmt: skip
    arrivals = sorted(r.received_at for r in image_requests(server))
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert len(gaps) == 4
    # 600/min is one image per 0.1 s; the two-image request takes two slots: 0.5 s in all
    # (unpaced, the five would arrive within milliseconds; arrivals jitter a little)
    assert sum(gaps) >= 0.4, gaps
    assert min(gaps) >= 0.04, gaps


# ----------------------------------------------------------------- requests and inputs


@pytest.mark.anyio
async def test_per_record_overrides_reach_the_server(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    records: list[dict[str, object]] = [
        {"id": "a", "title": "one"},
        {"id": "b", "title": "two", "size": "512x256", "quality": "low"},
        {"id": "c", "title": "three", "params": {"n": 2, "output_format": "png"}},
        {"id": "d", "title": "four", "n": "1", "background": "opaque"},
    ]
    async with client_for(server) as client:
        summary = await bulk_generate(
            records, client=client, out=tmp_path, prompt="{title} on white", progress=False, **TINY
        )
    assert summary.images == 5
    sent = {r.fields["prompt"]: r.fields for r in image_requests(server)}
    assert sent["one on white"]["size"] == "256x256"
    assert (sent["two on white"]["size"], sent["two on white"]["quality"]) == ("512x256", "low")
    assert (sent["three on white"]["n"], sent["three on white"]["output_format"]) == (2, "png")
    assert sent["four on white"]["background"] == "opaque"
    assert sorted(p.name for p in tmp_path.glob("c-*")) == ["c-0.png", "c-1.png"]
    assert (tmp_path / "b.jpg").is_file()


@pytest.mark.anyio
async def test_edits_in_bulk(server: FakeImagesServer, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    row = b"\x10\x80\xf0"
    (inputs / "sofa.png").write_bytes(encode_png(32, 32, [row * 32] * 32))
    (inputs / "lamp.png").write_bytes(encode_png(32, 32, [row * 32] * 32))
    (inputs / "mask.png").write_bytes(encode_png(32, 32, [b"\0\0\0\0" * 32] * 32, alpha=True))
    records: list[dict[str, object]] = [
        {"id": "sofa", "prompt": "make it green", "image": "sofa.png", "mask": "mask.png"},
        {"id": "both", "prompt": "put them together", "images": ["sofa.png", "lamp.png"]},
        {"id": "generated", "prompt": "a chair"},
        {"id": "missing", "prompt": "x", "image": "nope.png"},
    ]
    async with client_for(server) as client:
        summary = await bulk_generate(
            records, client=client, out=tmp_path / "out", base_dir=inputs, progress=False,
            model="gpt-image-1.5", size="1024x1024", quality="low",
        )  # fmt: skip
    assert (summary.done, summary.failed) == (3, 1)
    by_prompt = {r.fields["prompt"]: r for r in server.requests}
    sofa = by_prompt["make it green"]
    assert (sofa.path, sofa.body_kind) == ("/v1/images/edits", "multipart")
    assert sorted(f.field for f in sofa.files) == ["image", "mask"]
    assert [f.field for f in by_prompt["put them together"].files] == ["image[]", "image[]"]
    assert by_prompt["a chair"].path == IMAGES
    final = {e.key: e for e in entries(tmp_path / "out" / "manifest.jsonl")}
    assert final["missing"].status == "failed"
    assert final["missing"].attempts == 1
    assert "nope.png" in str(final["missing"].error)
    assert all(Path(p).is_file() for k in ("sofa", "both") for p in final[k].paths)


@pytest.mark.anyio
async def test_records_that_cannot_be_requests_fail_without_a_request(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"title": "ok"}\nnot json\n{"name": "no title"}\n{"title": "ok"}\n')
    from openai_images_sdk.bulk import read_records

    async with client_for(server) as client:
        summary = await bulk_generate(
            read_records(source), client=client, out=tmp_path / "out", prompt="{title}",
            progress=False, **TINY,
        )  # fmt: skip
    assert (summary.done, summary.failed, summary.skipped) == (1, 2, 1)
    assert len(image_requests(server)) == 1
    failures = [e for e in entries(tmp_path / "out" / "manifest.jsonl") if e.status == "failed"]
    assert next(e.key for e in failures) == "line-2"
    assert all(e.attempts == 0 for e in failures)
    assert "needs the field 'title'" in str(failures[1].error)


@pytest.mark.anyio
async def test_bad_options_fail_before_any_request(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    from openai_images_sdk._exceptions import ValidationError

    async with client_for(server) as client:
        options: dict[str, Any]
        for options in (
            {"concurrency": 0},
            {"max_attempts": 0},
            {"colour": "red"},
            {"prompt": "{"},
        ):
            with pytest.raises(ValidationError):
                await bulk_generate(titles(2), client=client, out=tmp_path, **options)
    assert server.requests == ()


@pytest.mark.anyio
async def test_a_cancelled_run_keeps_what_finished_and_a_rerun_does_the_rest(
    tmp_path: Path,
) -> None:
    records = [{"id": f"r{i}", "title": f"t{i}"} for i in range(40)]
    with FakeImagesServer(draw_text=False, latency=0.1) as server:
        async with client_for(server) as client:
            with anyio.move_on_after(0.6):
                await bulk_generate(
                    records, client=client, out=tmp_path, concurrency=4, prompt="{title}",
                    progress=False, **TINY,
                )  # fmt: skip
            first = entries(tmp_path / "manifest.jsonl")
            assert 0 < len(first) < 40
            for line in first:
                assert all(Path(p).is_file() for p in line.paths)
            assert len(list(tmp_path.glob("*.jpg"))) >= len(first)
            assert_no_partials(tmp_path)
            server.reset()
            second = await bulk_generate(
                records, client=client, out=tmp_path, concurrency=4, prompt="{title}",
                progress=False, **TINY,
            )  # fmt: skip
            assert len(image_requests(server)) == 40 - len(first)
    assert second.done + second.skipped == 40
    final = entries(tmp_path / "manifest.jsonl")
    assert sorted(e.key for e in final) == sorted(r["id"] for r in records)  # each once
    assert_no_partials(tmp_path)


# --------------------------------------------------------------------------- memory


@attrs.frozen
class _Image:
    b64_json: str

    def bytes(self) -> builtins.bytes:
        return base64.b64decode(self.b64_json)

    async def adownload(self) -> builtins.bytes:
        return self.bytes()


@attrs.frozen
class _Response:
    data: list[_Image]
    output_format: str = "jpeg"
    usage: Any = None
    request_id: str = "req_stub"
    rate_limits: RateLimits = attrs.field(factory=RateLimits)


class _StubImages:
    def __init__(self) -> None:
        self.calls = 0

    async def generate(self, **params: object) -> _Response:
        self.calls += 1
        # a fresh ~4 KB image per call, so keeping responses would show up at once
        payload = b"\xff\xd8\xff\xe0" + os.urandom(3000)
        return _Response(data=[_Image(b64_json=base64.b64encode(payload).decode())])


class _StubClient:
    def __init__(self) -> None:
        self.images = _StubImages()

    def with_options(self, **options: object) -> _StubClient:
        return self


async def _peak(count: int, folder: Path) -> int:
    stub = _StubClient()
    records = ({"title": f"item {i}", "id": f"k{i}"} for i in range(count))
    tracemalloc.start()
    try:
        summary = await bulk_generate(
            records, client=stub, out=folder, prompt="{title}", concurrency=32,  # type: ignore[arg-type]
            progress=False,
        )  # fmt: skip
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.done == count == stub.images.calls
    return peak


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
@pytest.mark.anyio
async def test_memory_stays_flat_over_ten_thousand_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # durability is not what is measured
    small = await _peak(1_000, tmp_path / "small")
    large = await _peak(10_000, tmp_path / "large")
    # What grows is one key digest per record, kept to skip repeated records (about
    # 80 bytes with its set slot); holding on to 9,000 more responses of ~4 KB each
    # would add ~40 MB.
    assert large - small < 9_000 * 150, (small, large)


# ------------------------------------------------------------- pacing and retry rules


def test_pacer_pauses_on_an_exhausted_budget() -> None:
    pacer = Pacer()
    pacer.observe(10.0, RateLimits(remaining_requests=5, reset_requests=2.0))
    assert pacer.pause_left(10.0) == 0
    pacer.observe(10.0, RateLimits(remaining_requests=2, reset_requests=2.0), in_flight=2)
    assert pacer.pause_left(10.0) == pytest.approx(2.0 + MARGIN)
    assert pacer.reserve(10.5, 1) == pytest.approx(12.0 + MARGIN)
    assert pacer.pauses == 1
    pacer.observe(11.0, RateLimits(remaining_tokens=0, reset_tokens=5.0))
    assert pacer.pause_left(11.0) == pytest.approx(5.0 + MARGIN)
    assert pacer.pauses == 1  # extended, not a new pause


def test_pacer_spreads_a_small_remainder_over_the_reset() -> None:
    pacer = Pacer(low_water=8)
    pacer.observe(0.0, RateLimits(remaining_requests=4, reset_requests=1.0))
    starts = [pacer.reserve(0.0, 1) for _ in range(4)]
    step = (1.0 + MARGIN) / 4
    assert starts == pytest.approx([0.0, step, 2 * step, 3 * step])
    pacer.observe(2.0, RateLimits(remaining_requests=100, reset_requests=1.0))
    assert pacer.reserve(2.0, 1) == 2.0  # plenty left: no spacing


def test_pacer_caps_images_per_minute() -> None:
    pacer = Pacer(images_per_minute=120)
    assert [pacer.reserve(0.0, n) for n in (1, 2, 1)] == [0.0, 0.5, 1.5]
    assert pacer.reserve(10.0, 1) == 10.0
    with pytest.raises(ValueError, match="above 0"):
        Pacer(images_per_minute=0)


def _status_error(
    cls: type[Any], status: int, headers: dict[str, str], code: str | None = None
) -> Any:
    request = httpx.Request("POST", "https://example.com/v1/images/generations")
    body = {"error": {"message": "m", "code": code}}
    response = httpx.Response(status, headers=headers, json=body, request=request)
    return cls("m", response=response, body=body)


def test_retry_plan() -> None:
    limited = _status_error(RateLimitError, 429, {"retry-after": "3"})
    assert retry_plan(limited, 1, 5) == (3.0, True)
    assert retry_plan(limited, 5, 5) is None
    by_reset = _status_error(RateLimitError, 429, {"x-ratelimit-reset-requests": "1.5s"})
    assert retry_plan(by_reset, 1, 5) == (1.5, True)
    quota = _status_error(RateLimitError, 429, {}, code="insufficient_quota")
    assert retry_plan(quota, 1, 5) is None
    assert retry_plan(_status_error(BadRequestError, 400, {}), 1, 5) is None
    server = _status_error(InternalServerError, 503, {})
    wait, pause_all = retry_plan(server, 1, 5) or (math.nan, True)
    assert 0 < wait <= 0.5
    assert not pause_all
    no_retry = _status_error(InternalServerError, 500, {"x-should-retry": "false"})
    assert retry_plan(no_retry, 1, 5) is None
    connection = APIConnectionError(request=None)
    assert retry_plan(connection, 2, 5) is not None
    assert retry_plan(ValueError("bug"), 1, 5) is None


def test_rate_window_counts_down_and_refuses_beyond_the_limit() -> None:
    now = [100.0]
    window = RateWindow(RateLimit(requests=2, window=10.0), clock=lambda: now[0])
    headers, refusal = window.admit(IMAGES)
    assert headers["x-ratelimit-remaining-requests"] == "1"
    assert headers["x-ratelimit-reset-requests"] == "10.000s"
    assert refusal is None
    now[0] = 104.0
    assert window.admit(IMAGES)[0]["x-ratelimit-remaining-requests"] == "0"
    headers, refusal = window.admit(IMAGES)
    assert refusal is not None
    assert refusal.status == 429
    assert refusal.response_headers()["retry-after"] == "6"
    assert window.admit("/v1/batches") == ({}, None)
    now[0] = 110.0
    assert window.admit(IMAGES)[0]["x-ratelimit-remaining-requests"] == "1"


# ------------------------------------------------------------------ pools and progress


@pytest.mark.anyio
async def test_workers_are_spread_over_pools_of_sixteen(server: FakeImagesServer) -> None:
    from openai_images_sdk.bulk._runner import _shards

    async with client_for(server) as client:
        clients, pools = _shards(client, 40)
        try:
            assert len(clients) == 3
            assert len(pools) == 2
            assert all(c.max_retries == 0 for c in clients)
            assert len({id(c._http_client) for c in clients}) == 3
            assert clients[0]._http_client is client._http_client
        finally:
            for pool in pools:
                await pool.aclose()
        assert _shards(client, 16)[1] == []
    async with httpx.AsyncClient() as own:
        mine = AsyncImagesClient(api_key="sk", base_url=server.base_url, http_client=own)
        clients, pools = _shards(mine, 64)  # the caller's pool is used as given
        assert pools == []
        assert clients[0]._http_client is own


def test_progress_bar_with_rate_and_eta() -> None:
    import io

    from openai_images_sdk.bulk import BulkProgress
    from openai_images_sdk.bulk._progress import format_duration

    now = [0.0]
    stream = io.StringIO()
    bar = BulkProgress(total=100, stream=stream, enabled=True, clock=lambda: now[0])
    now[0] = 10.0
    bar.update(done=18, images=18)
    bar.update(failed=2)  # within 0.2 s of the last draw: not drawn again
    assert stream.getvalue().count("\r") == 1
    assert bar.render(10.0) == (
        "[#####...................] 20/100 18 done, 2 failed | 120/min, ETA 40s | 10s"
    )
    bar.update(skipped=30)
    assert "50/100" in bar.render(10.0)
    assert "30 skipped" in bar.render(10.0)
    bar.close()
    assert stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    unknown = BulkProgress(stream=quiet, enabled=False, clock=lambda: now[0])
    unknown.update(done=1)
    unknown.close()
    assert quiet.getvalue() == ""
    assert unknown.render(20.0).startswith("1 done, 0 failed |")
    assert [format_duration(s) for s in (5, 75, 3725)] == ["5s", "1m15s", "1h02m"]
