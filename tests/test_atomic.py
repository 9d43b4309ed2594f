"""The one file writer: whole files, the umask's permissions, no leftovers."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from openai_images_sdk._atomic import TEMPORARY_SUFFIX, write_atomic


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_the_file_has_the_permissions_the_umask_allows(
    tmp_path: Path, mask: int, mode: int
) -> None:
    os.umask(mask)
    path = write_atomic(tmp_path / "a.png", b"png")
    assert stat.S_IMODE(os.stat(path).st_mode) == mode
    assert Path(path).read_bytes() == b"png"


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "a.png"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["a.png"]


def test_no_overwrite_leaves_the_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.png"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.png"]
    write_atomic(tmp_path / "b.png", b"new", overwrite=False)
    assert (tmp_path / "b.png").read_bytes() == b"new"


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        write_atomic(tmp_path / "a.png", b"png")
    assert os.listdir(tmp_path) == []


def test_parents_are_made_when_asked(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "x" / "a.png", b"png")
    path = write_atomic(tmp_path / "x" / "y" / "a.png", b"png", make_parents=True)
    assert Path(path).read_bytes() == b"png"


def test_the_temporary_name_is_hidden_and_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "a.png", b"png", suffix=".bulk-partial")
    (name,) = seen
    assert name.startswith(".a.png.")
    assert name.endswith(".bulk-partial")
    assert TEMPORARY_SUFFIX == ".partial"
