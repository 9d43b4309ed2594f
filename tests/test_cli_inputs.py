"""Image inputs on the command line: which values are files and which are references."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk.cli._inputs import (
    check_mixed_inputs,
    existing_file,
    image_source,
    is_reference,
)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("value", "reference"),
    [
        ("https://example.com/a.png", {"image_url": "https://example.com/a.png"}),
        ("http://127.0.0.1:8080/a?b=C", {"image_url": "http://127.0.0.1:8080/a?b=C"}),
        ("HTTPS://Example.com/A.png", {"image_url": "https://Example.com/A.png"}),
        ("data:image/png;base64,iVBOR", {"image_url": "data:image/png;base64,iVBOR"}),
        ("DATA:image/png;base64,AA==", {"image_url": "data:image/png;base64,AA=="}),
        ("file-abc123", {"file_id": "file-abc123"}),
        ("file-A_b-9", {"file_id": "file-A_b-9"}),
    ],
)
def test_references(in_tmp: Path, value: str, reference: dict[str, str]) -> None:
    assert image_source(value) == reference
    assert is_reference(reference)


def test_an_existing_file_wins_over_an_id(in_tmp: Path) -> None:
    (in_tmp / "file-abc123").write_bytes(b"\x89PNG")
    assert image_source("file-abc123") == Path("file-abc123")
    assert not is_reference(image_source("file-abc123"))
    assert image_source("file-abc124") == {"file_id": "file-abc124"}


def test_a_url_is_never_read_as_a_path(in_tmp: Path) -> None:
    (in_tmp / "https:").mkdir()
    (in_tmp / "https:" / "x").write_bytes(b"png")
    assert image_source("https://x") == {"image_url": "https://x"}


def test_local_files(in_tmp: Path) -> None:
    (in_tmp / "a.png").write_bytes(b"png")
    assert image_source("a.png") == Path("a.png")
    assert existing_file("a.png") == Path("a.png")
    assert image_source(str(in_tmp / "a.png")) == in_tmp / "a.png"


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("missing.png", "no such file: missing.png (give a local file, an http(s)://"),
        ("file-", "no such file: file-"),
        ("file-a.png", "no such file: file-a.png"),  # a dot: a file name, not an id
        ("folder", "not a file: folder"),
        ("http:/x", "not a valid http URL (expected http://HOST/PATH)"),
        ("https://", "not a valid https URL"),
        ("https:///path", "not a valid https URL"),
        ("data:image/png;base64", "a data: URL holds its content after a comma"),
    ],
)
def test_bad_sources(in_tmp: Path, value: str, says: str) -> None:
    (in_tmp / "folder").mkdir()
    with pytest.raises(argparse.ArgumentTypeError, match="^" + re.escape(says)):
        image_source(value)


def test_long_values_are_cut_short_in_messages(in_tmp: Path) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        image_source("data:" + "A" * 10_000)
    assert len(str(caught.value)) < 200
    assert str(caught.value).endswith("...")


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("https://e.com/a.png", "takes a local file only (not a URL or file id)"),
        ("file-abc", "takes a local file only (not a URL or file id)"),
        ("missing.png", "no such file: missing.png"),
        ("folder", "not a file: folder"),
    ],
)
def test_existing_file_only(in_tmp: Path, value: str, says: str) -> None:
    (in_tmp / "folder").mkdir()
    with pytest.raises(argparse.ArgumentTypeError, match="^" + re.escape(says)):
        existing_file(value)


def test_all_files_or_all_references_pass() -> None:
    check_mixed_inputs([])
    check_mixed_inputs(
        [("image", "--image", [Path("a"), Path("b")]), ("mask", "--mask", Path("m"))]
    )
    refs = [{"image_url": "https://e.com/a"}, {"file_id": "file-1"}]
    check_mixed_inputs([("image", "--image", refs), ("mask", "--mask", {"file_id": "file-2"})])


def test_mixed_inputs_name_each_odd_one() -> None:
    with pytest.raises(ValidationError) as caught:
        check_mixed_inputs(
            [
                ("image", "--image", [Path("a.png"), {"file_id": "file-1"}]),
                ("mask", "--mask", {"image_url": "https://e.com/m.png"}),
                ("markup", "--markup", Path("k.png")),
            ]
        )
    error = caught.value
    assert error.params == ("image", "mask")
    first, second = error.violations
    assert first.rule.startswith(
        "--image #2 is a reference (URL or file id) but --image #1 is a local file; "
        "give every input (--image, --mask, --markup) as local files (uploaded) or every "
        "one as a reference"
    )
    assert first.value == "--image #2"
    assert second.rule.startswith("--mask is a reference (URL or file id) but --image #1")
    assert "nothing was sent" in str(error)


def test_the_first_input_decides() -> None:
    with pytest.raises(ValidationError) as caught:
        check_mixed_inputs(
            [("image", "--image", {"file_id": "file-1"}), ("mask", "--mask", Path("m.png"))]
        )
    (violation,) = caught.value.violations
    assert violation.param == "mask"
    assert violation.rule.startswith("--mask is a local file but --image is a reference")
