"""``openai-images bulk`` and ``batch`` through the real entry point, against the fake server."""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import sys
import threading
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


class Hold:
    """A generations route that answers the first `answer` requests and holds the rest.

    `held` is set when a request is being held; `release()` lets them all through. The
    test waits on these events and on the child's manifest, never on the clock.
    """

    def __init__(self, server: FakeImagesServer, answer: int) -> None:
        found = server.find_route("POST", IMAGES)
        assert found is not None
        self.route, api = found
        self.answer = answer
        self.count = 0
        self.lock = threading.Lock()
        self.held = threading.Event()
        self.released = threading.Event()
        server.add_route("POST", IMAGES, self, api=api)
        self.server = server

    def __call__(self, incoming: Any, server: Any) -> Any:
        with self.lock:
            self.count += 1
            number = self.count
        if number > self.answer:
            self.held.set()
            self.released.wait()
        return self.route(incoming, server)

    def release(self) -> None:
        self.released.set()
        self.server.add_route("POST", IMAGES, self.route)


IMAGES = "/v1/images/generations"


@pytest.fixture
def held_server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running


def _records(path: Path, count: int) -> Path:
    with path.open("w") as handle:
        for i in range(count):
            handle.write(json.dumps({"id": f"r{i:03d}", "title": f"thing {i}"}) + "\n")
    return path


def _wait_for_lines(manifest: Path, count: int, process: subprocess.Popen[str]) -> None:
    """Until the child's manifest has `count` lines (the child writes them; no deadline)."""
    while not (manifest.is_file() and manifest.read_bytes().count(b"\n") >= count):
        if process.poll() is not None:
            raise AssertionError(f"the run ended early ({process.returncode})")
        threading.Event().wait(0.01)  # a short yield between looks at the file


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_an_interrupted_run_loses_nothing_and_a_rerun_completes_it(
    held_server: FakeImagesServer, tmp_path: Path, how: signal.Signals
) -> None:
    source = _records(tmp_path / "in.jsonl", 300)
    out = tmp_path / "out"
    args = command(held_server, "bulk", str(source), "-o", str(out), "--prompt", "{title}",
                   "--concurrency", "8", "-q", *TINY)  # fmt: skip
    hold = Hold(held_server, answer=20)  # the run cannot finish before the signal
    process = subprocess.Popen(args, env=env(), stderr=subprocess.PIPE, text=True)
    try:
        assert hold.held.wait(120), "the run did not get going"
        _wait_for_lines(out / "manifest.jsonl", 20, process)
        process.send_signal(how)
        _, stderr = process.communicate(timeout=120)
    finally:
        hold.release()
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == (130 if how == signal.SIGINT else -signal.SIGKILL), stderr
    if how == signal.SIGINT:
        assert "interrupted" in stderr
        assert "Traceback" not in stderr
    first = list(read_manifest(out / "manifest.jsonl"))
    assert len(first) == 20  # exactly the answered ones: the held requests are not done
    for entry in first:  # what the manifest calls done is on disk
        assert entry.status == "done"
        assert all(Path(p).is_file() for p in entry.paths)
    if how == signal.SIGINT:  # a clean stop finishes its writes
        assert not [p for p in out.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]

    held_server.reset()
    rerun = subprocess.run(
        args, env=env(), capture_output=True, text=True, timeout=120, check=False
    )
    assert rerun.returncode == 0, rerun.stderr
    sent = {r.fields["prompt"] for r in held_server.requests if r.path.startswith("/v1/images")}
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


def test_a_second_run_on_a_busy_folder_is_refused(
    held_server: FakeImagesServer, tmp_path: Path
) -> None:
    source = _records(tmp_path / "in.jsonl", 10)
    out = tmp_path / "out"
    args = command(held_server, "bulk", str(source), "-o", str(out), "--prompt", "{title}",
                   "-q", *TINY)  # fmt: skip
    hold = Hold(held_server, answer=0)
    first = subprocess.Popen(args, env=env(), stderr=subprocess.PIPE, text=True)
    try:
        assert hold.held.wait(120), "the first run did not get going"
        second = subprocess.run(
            args, env=env(), capture_output=True, text=True, timeout=120, check=False
        )
        assert second.returncode == 2, second.stderr
        assert "another run is using it" in second.stderr
        assert hold.count <= 10  # the second run sent nothing
    finally:
        hold.release()
    _, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stderr
    assert len(list(read_manifest(out / "manifest.jsonl"))) == 10


def test_repeated_ids_changed_requests_and_failure_causes(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "title": "x"}\n{"id": "b", "title": "y"}\n'
                      '{"id": "a", "title": "z"}\n')  # fmt: skip
    server.reset()
    repeated = cli(server, "bulk", str(source), "-o", str(tmp_path / "o"), "--prompt", "{title}",
                   *TINY)  # fmt: skip
    assert repeated.returncode == 2, repeated.stderr
    assert "line 1 and line 3 have the same id 'a'" in repeated.stderr
    assert not [r for r in server.requests if r.path.startswith("/v1/images")]

    source.write_text('{"id": "a", "title": "x"}\n{"id": "b", "title": "y", "size": "17x17"}\n')
    out = tmp_path / "out"
    base = ("bulk", str(source), "-o", str(out), "--prompt", "{title}", "--max-pause", "5")
    first = cli(server, *base, *TINY)
    assert first.returncode == 1, first.stderr
    assert "failures by cause:" in first.stderr
    assert "1 x size:" in first.stderr
    changed = cli(server, *base, *TINY[:2], "--size", "512x512", "--output-format", "jpeg")
    assert changed.returncode == 2, changed.stderr
    assert "--regenerate-changed" in changed.stderr
    again = summary(cli(server, *base, *TINY[:2], "--size", "512x512", "--output-format",
                        "jpeg", "--regenerate-changed", "--json"), code=1)  # fmt: skip
    assert (again["done"], again["failed"], again["regenerated"]) == (1, 1, 1)  # b: its own size
    wide = cli(server, "bulk", str(source), "-o", str(tmp_path / "w"), "--prompt", "{title}",
               "--model", "gpt-image-2", "--size", "999x999")  # fmt: skip
    assert wide.returncode == 2, wide.stderr
    assert "run-wide option" in wide.stderr


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
