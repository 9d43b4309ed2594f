"""bulk manifest: durable appends, torn lines, final outcomes, group commit; output files."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import anyio
import pytest

from openai_images_sdk.bulk import ManifestEntry, final_entries, read_manifest
from openai_images_sdk.bulk._manifest import (
    AsyncManifest,
    ManifestError,
    ManifestWriter,
    done_fingerprints,
    done_keys,
    error_info,
    fingerprint_digest,
    key_digest,
)
from openai_images_sdk.bulk._output import (
    PARTIAL_SUFFIX,
    image_paths,
    remove_partials,
    write_file_atomic,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 24
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 24


def entry(key: str, status: str = "done", **fields: object) -> ManifestEntry:
    return ManifestEntry(key=key, status=status, **fields)  # type: ignore[arg-type]


def test_entries_round_trip_through_json() -> None:
    full = entry(
        "k",
        paths=("out/k.png",),
        usage={"total_tokens": 3},
        request_id="req_1",
        attempts=2,
    )
    assert ManifestEntry.from_json(json.loads(json.dumps(full.to_json()))) == full
    failed = entry("f", "failed", error={"type": "X", "message": "m"}, attempts=1)
    assert ManifestEntry.from_json(failed.to_json()) == failed
    junk: object
    for junk in (None, [], {"key": 1, "status": "done"}, {"key": "k", "status": "maybe"}):
        assert ManifestEntry.from_json(junk) is None


def test_every_write_is_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    writer = ManifestWriter(tmp_path / "sub" / "m.jsonl")
    writer.write([entry("a")])
    assert len(synced) == 1
    assert [e.key for e in read_manifest(tmp_path / "sub" / "m.jsonl")] == ["a"]  # visible now
    writer.write([entry("b"), entry("c")])
    writer.close()
    assert len(synced) == 2
    assert [e.key for e in read_manifest(writer.path)] == ["a", "b", "c"]


def test_a_line_cut_by_a_crash_is_skipped_and_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_bytes(json.dumps(entry("a").to_json()).encode() + b"\n" + b'{"key": "b", "stat')
    assert [e.key for e in read_manifest(path)] == ["a"]
    writer = ManifestWriter(path)
    writer.write([entry("c")])
    writer.close()
    assert [e.key for e in read_manifest(path)] == ["a", "c"]
    assert path.read_bytes().count(b"\n") == 2  # the torn line is gone, not left mid-file
    # a complete last line that only lacks its newline was never acknowledged either
    path.write_bytes(json.dumps(entry("a").to_json()).encode())
    assert list(read_manifest(path)) == []
    ManifestWriter(path).close()
    assert path.read_bytes() == b""


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n", "not JSON"),
        (b'[{"key": "a", "status": "done"}]\n', "a JSON list"),
        (b'{"id": "a", "state": "done"}\n', "not an entry"),
        (b'{"key": "a", "status": "finished"}\n', "not an entry"),
    ],
    ids=["binary", "array", "wrong-keys", "bad-status"],
)
def test_a_damaged_manifest_is_refused_naming_file_and_line(
    tmp_path: Path, damage: bytes, problem: str
) -> None:
    path = tmp_path / "m.jsonl"
    path.write_bytes(json.dumps(entry("a").to_json()).encode() + b"\n" + damage)
    with pytest.raises(ManifestError) as caught:
        list(read_manifest(path))
    assert caught.value.line == 2
    assert caught.value.path == path
    assert f"{path} line 2: {problem}" in str(caught.value)
    for reader in (final_entries, done_keys, done_fingerprints):
        with pytest.raises(ManifestError):
            reader(path)


def test_final_entries_and_done_keys(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    writer = ManifestWriter(path)
    writer.write(
        [
            entry("a", "failed"),
            entry("b"),
            entry("a", paths=("a.png",)),
            entry("c", "failed"),
            entry("c", "failed", attempts=3),
            entry("b", "failed"),  # a done key stays done
            entry("d", fingerprint="one"),
            entry("d", fingerprint="two"),  # regenerated: the later done line wins
        ]
    )
    writer.close()
    final = final_entries(path)
    assert {k: e.status for k, e in final.items()} == {
        "a": "done",
        "b": "done",
        "c": "failed",
        "d": "done",
    }
    assert final["a"].paths == ("a.png",)
    assert final["c"].attempts == 3
    assert final["d"].fingerprint == "two"
    assert done_keys(path) == {key_digest(k) for k in "abd"}
    assert done_fingerprints(path)[key_digest("d")] == fingerprint_digest("two")
    assert done_fingerprints(path)[key_digest("a")] == 0
    assert final_entries(tmp_path / "missing.jsonl") == {}


def test_error_info_keeps_type_message_status_and_code() -> None:
    class Failure(Exception):
        status_code = 503
        code = "overloaded"

    assert error_info(Failure("busy")) == {
        "type": "Failure",
        "message": "busy",
        "status": 503,
        "code": "overloaded",
    }
    assert error_info(ValueError("x"))["status"] is None


@pytest.mark.anyio
async def test_concurrent_appends_share_fsyncs_and_lose_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    writer = ManifestWriter(tmp_path / "m.jsonl")
    real_write = writer.write

    def write(entries: list[ManifestEntry]) -> None:
        writes.append(len(entries))
        real_write(entries)

    monkeypatch.setattr(writer, "write", write)
    manifest = AsyncManifest(writer)

    async def append(i: int) -> None:
        await manifest.append(entry(f"k{i}"))
        # acknowledged means on disk
        assert f"k{i}" in {e.key for e in read_manifest(writer.path)}

    async with anyio.create_task_group() as group:
        for i in range(200):
            group.start_soon(append, i)
    manifest.close()
    keys = [e.key for e in read_manifest(writer.path)]
    assert sorted(keys) == sorted(f"k{i}" for i in range(200))
    assert sum(writes) == 200
    assert len(writes) < 200  # grouped


@pytest.mark.anyio
async def test_a_failed_write_keeps_its_entries_for_the_next_append(tmp_path: Path) -> None:
    writer = ManifestWriter(tmp_path / "m.jsonl")
    real_write = writer.write
    calls = 0

    def flaky(entries: Sequence[ManifestEntry]) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise OSError("disk full")
        real_write(entries)

    writer.write = flaky  # type: ignore[method-assign]  # a failing disk
    manifest = AsyncManifest(writer)
    with pytest.raises(OSError, match="disk full"):
        await manifest.append(entry("a"))
    await manifest.append(entry("b"))
    manifest.close()
    assert [e.key for e in read_manifest(writer.path)] == ["a", "b"]


@pytest.mark.anyio
async def test_an_append_finishes_even_when_cancelled(tmp_path: Path) -> None:
    writer = ManifestWriter(tmp_path / "m.jsonl")
    manifest = AsyncManifest(writer)
    with anyio.CancelScope() as scope:
        scope.cancel()
        await manifest.append(entry("a"))  # shielded: written despite the cancel
    manifest.close()
    assert [e.key for e in read_manifest(writer.path)] == ["a"]


# ------------------------------------------------------------------------ output files


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = write_file_atomic(tmp_path / "a.png", PNG)
    assert target == str(tmp_path / "a.png")
    assert Path(target).read_bytes() == PNG
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png"]


def test_a_failed_write_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int) -> None:
        raise OSError("no space")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="no space"):
        write_file_atomic(tmp_path / "a.png", PNG)
    assert list(tmp_path.iterdir()) == []


def test_image_paths_and_partial_cleanup(tmp_path: Path) -> None:
    assert image_paths(tmp_path, "k", [PNG], None) == [str(tmp_path / "k.png")]
    assert image_paths(tmp_path, "k", [PNG, JPEG], None) == [
        str(tmp_path / "k-0.png"),
        str(tmp_path / "k-1.jpg"),
    ]
    assert image_paths(tmp_path, "k", [PNG], "webp") == [str(tmp_path / "k.webp")]
    (tmp_path / f".k.png.1234{PARTIAL_SUFFIX}").write_bytes(b"half")
    (tmp_path / ".keep.tmp").write_bytes(b"not ours")
    assert remove_partials(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".keep.tmp"]
    assert remove_partials(tmp_path / "missing") == 0
