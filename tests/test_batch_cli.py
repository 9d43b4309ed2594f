"""``openai-images batch cancel`` and ``batch collect --delete-files``, through `main`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from openai_images_sdk._client import ImagesClient
from openai_images_sdk._exceptions import NotFoundError
from openai_images_sdk.bulk import final_entries
from openai_images_sdk.cli import main
from openai_images_sdk.testing import FakeImagesServer, StatusFault

TINY = ("--model", "gpt-image-2", "--size", "256x256", "--output-format", "jpeg")


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running
        assert running.errors == ()


def cli(server: FakeImagesServer, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    """Exit code, stdout and stderr of one command against the fake server."""
    code = main([*args, "--base-url", server.base_url, "--api-key", "sk-test"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def records(tmp_path: Path, count: int) -> Path:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"b{i}", "title": f"t{i}"}) + "\n" for i in range(count))
    )
    return source


def test_cancel_then_collect_with_delete_files(
    server: FakeImagesServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    server.batches.batch_seconds = 3600
    out = tmp_path / "out"
    code, stdout, stderr = cli(
        server, capsys, "batch", "submit", str(records(tmp_path, 3)), "--out", str(out),
        "--prompt", "{title}", "--max-requests", "2", "--json", *TINY,
    )  # fmt: skip
    assert code == 0, stderr
    batch_ids = json.loads(stdout)["batch_ids"]
    assert len(batch_ids) == 2

    code, stdout, stderr = cli(server, capsys, "batch", "cancel", "--out", str(out), "--json")
    assert code == 0, stderr
    assert json.loads(stdout) == {
        "cancelled": batch_ids,
        "statuses": dict.fromkeys(batch_ids, "cancelling"),
        "never_created": 0,
    }
    code, stdout, stderr = cli(server, capsys, "batch", "cancel", "--out", str(out))
    assert code == 0, stderr
    assert stdout.splitlines() == [f"{batch_id}  cancelled" for batch_id in batch_ids]
    assert "asked to cancel 0 of 2 batches" in stderr
    assert "batch collect" in stderr

    code, stdout, stderr = cli(
        server, capsys, "batch", "collect", "--out", str(out), "--json", "--delete-files"
    )
    assert code == 1, stderr  # every request failed (cancelled before it ran)
    summary = json.loads(stdout)
    assert (summary["done"], summary["failed"]) == (0, 3)
    assert summary["statuses"] == dict.fromkeys(batch_ids, "cancelled")
    assert len(summary["deleted_files"]) == 2  # the two input files; nothing ran, no outputs
    assert summary["delete_errors"] == {}
    with ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0) as client:
        for file_id in summary["deleted_files"]:
            with pytest.raises(NotFoundError):
                client.files.retrieve(file_id=file_id)
    final = final_entries(out / "manifest.jsonl")
    assert sorted(final) == ["b0", "b1", "b2"]
    assert {e.status for e in final.values()} == {"failed"}


def test_collect_reports_deleted_files_and_failures(
    server: FakeImagesServer,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    retry_sleeps: list[float],
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = cli(
        server, capsys, "batch", "submit", str(records(tmp_path, 2)), "--out", str(out),
        "--prompt", "{title}", "--json", *TINY,
    )  # fmt: skip
    assert code == 0, stderr
    (batch_id,) = json.loads(stdout)["batch_ids"]
    with ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=0) as client:
        input_file_id = client.batches.retrieve(batch_id=batch_id).input_file_id
    server.enqueue(*[StatusFault(status=500, path=f"/v1/files/{input_file_id}")] * 3)
    code, _stdout, stderr = cli(server, capsys, "batch", "collect", "--out", str(out),
                                "--delete-files")  # fmt: skip
    assert len(retry_sleeps) == 2  # the client's retries, then the failure is reported
    assert code == 0, stderr  # a failed delete is not a failed run
    assert "2 done, 0 failed" in stderr
    assert "deleted 1 files from the API" in stderr  # the output file
    assert f"warning: file {input_file_id} not deleted: InternalServerError" in stderr


def test_markup_is_refused_before_anything_is_sent(
    server: FakeImagesServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "m.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    code, _stdout, stderr = cli(
        server, capsys, "batch", "submit", str(records(tmp_path, 1)), "--out",
        str(tmp_path / "out"), "--prompt", "{title}", "--markup", str(tmp_path / "m.png"),
    )  # fmt: skip
    assert code == 2
    assert "markup: is not supported in batches" in stderr
    assert server.requests == ()
    assert not (tmp_path / "out").exists()


def test_cancel_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "--help"]) == 0
    assert "cancel" in capsys.readouterr().out
    assert main(["batch", "collect", "--help"]) == 0
    assert "--delete-files" in capsys.readouterr().out
