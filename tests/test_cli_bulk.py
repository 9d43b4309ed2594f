"""``openai-images bulk`` and ``batch`` through the real entry point, against the fake server."""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from openai_images_sdk.bulk import final_entries, read_manifest
from openai_images_sdk.bulk._output import PARTIAL_SUFFIX
from openai_images_sdk.testing import FakeImagesServer

TINY = ("--model", "gpt-image-2", "--size", "256x256", "--output-format", "jpeg")


@pytest.fixture(scope="module")
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}


def command(server: FakeImagesServer, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "openai_images_sdk", *args,
        "--base-url", server.base_url, "--api-key", "sk-test",
    ]  # fmt: skip


def cli(
    server: FakeImagesServer, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(server, *args),
        input=stdin,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
        timeout=120,
    )


def summary(done: subprocess.CompletedProcess[str], code: int = 0) -> Any:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


# ------------------------------------------------------------------------------ inputs


def test_jsonl_input_with_a_template(server: FakeImagesServer, tmp_path: Path) -> None:
    source = tmp_path / "products.jsonl"
    source.write_text(
        '{"id": "mug", "title": "a mug"}\n{"id": "cup", "title": "a cup", "size": "512x256"}\n'
    )
    out = tmp_path / "shots"
    args = ("bulk", str(source), "--out", str(out), "--prompt", "{title} on white", "--json")
    result = summary(cli(server, *args, *TINY))
    assert (result["done"], result["failed"], result["images"]) == (2, 0, 2)
    assert outputs(out) == ["cup.jpg", "manifest.jsonl", "mug.jpg"]
    again = summary(cli(server, *args, *TINY))
    assert (again["done"], again["skipped"]) == (0, 2)


def test_csv_input(server: FakeImagesServer, tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("id,title,n\nr1,a fox,2\nr2,a whale,\n")
    out = tmp_path / "out"
    result = summary(cli(server, "bulk", str(source), "-o", str(out), "--prompt", "{title}",
                         "--json", *TINY))  # fmt: skip
    assert (result["done"], result["images"]) == (2, 3)
    assert outputs(out) == ["manifest.jsonl", "r1-0.jpg", "r1-1.jpg", "r2.jpg"]


def test_plain_lines_and_stdin(server: FakeImagesServer, tmp_path: Path) -> None:
    lines = "a red fox\na blue whale\n\na green frog\n"
    source = tmp_path / "prompts.txt"
    source.write_text(lines)
    from_file = summary(
        cli(server, "bulk", str(source), "-o", str(tmp_path / "a"), "--json", *TINY)
    )
    from_stdin = summary(
        cli(server, "bulk", "-", "-o", str(tmp_path / "b"), "--json", *TINY, stdin=lines)
    )
    assert from_file["done"] == from_stdin["done"] == 3
    # same records, same keys, whichever way they came in
    assert outputs(tmp_path / "a") == outputs(tmp_path / "b")
    jsonl = '{"prompt": "a cat"}\n'
    piped = summary(
        cli(server, "bulk", "-", "-o", str(tmp_path / "c"), "--json", *TINY, stdin=jsonl)
    )
    assert piped["done"] == 1


def test_failures_and_usage_errors(server: FakeImagesServer, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"title": "ok"}\n{"title": "bad", "size": "17x17"}\n')
    failed = cli(
        server, "bulk", str(source), "-o", str(tmp_path / "o"), "--prompt", "{title}", *TINY
    )
    assert failed.returncode == 1, failed.stderr
    assert "1 done, 1 failed" in failed.stderr
    assert "re-run to retry" in failed.stderr
    missing = cli(server, "bulk", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o"))
    assert missing.returncode == 2
    assert "no such input file" in missing.stderr
    template = cli(server, "bulk", str(source), "-o", str(tmp_path / "o"), "--prompt", "{")
    assert template.returncode == 2
    assert "template is malformed" in template.stderr
    unknown = cli(server, "bulk", str(source), "-o", str(tmp_path / "o"), "--concurrency", "0")
    assert unknown.returncode == 2
    assert "concurrency" in unknown.stderr


# ----------------------------------------------------------------------- interruption


@pytest.fixture
def slow_server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False, latency=0.05) as running:
        yield running


def _records(path: Path, count: int) -> Path:
    with path.open("w") as handle:
        for i in range(count):
            handle.write(json.dumps({"id": f"r{i:03d}", "title": f"thing {i}"}) + "\n")
    return path


def _wait_for_lines(manifest: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.is_file() and manifest.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError("the run did not get going")


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_an_interrupted_run_loses_nothing_and_a_rerun_completes_it(
    slow_server: FakeImagesServer, tmp_path: Path, how: signal.Signals
) -> None:
    source = _records(tmp_path / "in.jsonl", 300)
    out = tmp_path / "out"
    args = command(slow_server, "bulk", str(source), "-o", str(out), "--prompt", "{title}",
                   "--concurrency", "8", "-q", *TINY)  # fmt: skip
    process = subprocess.Popen(args, env=env(), stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_lines(out / "manifest.jsonl", 20, process)
        process.send_signal(how)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == (130 if how == signal.SIGINT else -signal.SIGKILL), stderr
    if how == signal.SIGINT:
        assert "interrupted" in stderr
        assert "Traceback" not in stderr
    first = list(read_manifest(out / "manifest.jsonl"))
    assert 20 <= len(first) < 300
    for entry in first:  # what the manifest calls done is on disk
        assert entry.status == "done"
        assert all(Path(p).is_file() for p in entry.paths)
    if how == signal.SIGINT:  # a clean stop finishes its writes
        assert not [p for p in out.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]

    slow_server.reset()
    rerun = subprocess.run(
        args, env=env(), capture_output=True, text=True, timeout=120, check=False
    )
    assert rerun.returncode == 0, rerun.stderr
    sent = {r.fields["prompt"] for r in slow_server.requests if r.path.startswith("/v1/images")}
    done_before = {f"thing {int(e.key[1:])}" for e in first}
    assert not sent & done_before  # nothing done was asked for again
    lines = list(read_manifest(out / "manifest.jsonl"))
    counts = collections.Counter(e.key for e in lines)
    assert len(counts) == 300, "a record is missing"
    assert set(counts.values()) == {1}, "a record is there twice"
    assert {e.status for e in final_entries(out / "manifest.jsonl").values()} == {"done"}
    names = outputs(out)
    assert len(names) == 301  # 300 images and the manifest
    assert not [p for p in out.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]


# ------------------------------------------------------------------------------ batch


def test_batch_submit_status_collect(server: FakeImagesServer, tmp_path: Path) -> None:
    server.batches.clear()
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"b{i}", "title": f"t{i}"}) + "\n" for i in range(5))
    )
    out = tmp_path / "out"
    submitted = summary(cli(server, "batch", "submit", str(source), "--out", str(out),
                            "--prompt", "{title}", "--max-requests", "2", "--json",
                            "--metadata", "job=nightly", *TINY))  # fmt: skip
    assert submitted["requests"] == 5
    assert len(submitted["batch_ids"]) == 3
    status = summary(cli(server, "batch", "status", "--out", str(out), "--json"))
    assert [row["id"] for row in status] == submitted["batch_ids"]
    assert {row["status"] for row in status} == {"completed"}
    collected = summary(cli(server, "batch", "collect", "--out", str(out), "--json"))
    assert (collected["done"], collected["failed"], collected["images"]) == (5, 0, 5)
    assert outputs(out) == [*(f"b{i}.jpg" for i in range(5)), "manifest.jsonl"]
    human = cli(server, "batch", "status", "--out", str(out))
    assert human.returncode == 0
    assert human.stdout.count("completed") == 3
    nothing = cli(server, "batch", "status", "--out", str(tmp_path / "elsewhere"))
    assert nothing.returncode == 2
    assert "no batch submission found" in nothing.stderr


def test_help_lists_the_new_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "openai_images_sdk", "--help"],
        capture_output=True, text=True, env=env(), check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0
    assert "bulk" in done.stdout
    assert "batch" in done.stdout
