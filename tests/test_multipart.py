from __future__ import annotations

import enum
import pathlib
from typing import Any

import pytest
from _upload_ops import ParsedPart, Unseekable, drain, parse_multipart, png
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openai_images_sdk._inputs._sources import prepare_file
from openai_images_sdk._multipart import (
    FilePart,
    FormField,
    MultipartBody,
    form_fields,
    format_value,
)


class Quality(enum.Enum):
    HIGH = "high"


class Count(enum.IntEnum):
    TWO = 2


def _file(content: object, name: str = "image") -> FilePart:
    return FilePart(name=name, file=prepare_file(content, param=name, label=name, stem=name))


def test_format_value() -> None:
    assert [
        format_value(v) for v in (True, False, 3, 0.5, 1e-7, "x y", Quality.HIGH, Count.TWO)
    ] == [
        "true",
        "false",
        "3",
        "0.5",
        "1e-07",
        "x y",
        "high",
        "2",
    ]


def test_form_fields_nesting() -> None:
    assert form_fields("svg", {"model": "m", "reasoning": {"effort": "low"}}) == [
        FormField(name="svg[model]", value="m"),
        FormField(name="svg[reasoning][effort]", value="low"),
    ]
    assert form_fields("svg", {"model": "m", "reasoning": None}) == [
        FormField(name="svg[model]", value="m")
    ]
    assert form_fields("svg", {"a": [1, True]}, style="json") == [
        FormField(name="svg", value='{"a":[1,true]}')
    ]
    assert form_fields("tags", ["a", "b"]) == [
        FormField(name="tags[]", value="a"),
        FormField(name="tags[]", value="b"),
    ]
    assert form_fields("n", None) == []
    assert form_fields("stream", False) == [FormField(name="stream", value="false")]


def _expected(parts: list[FormField | FilePart], contents: dict[int, bytes]) -> list[ParsedPart]:
    out: list[ParsedPart] = []
    for i, part in enumerate(parts):
        if isinstance(part, FormField):
            out.append(ParsedPart(part.name, None, None, part.value.encode()))
        else:
            out.append(
                ParsedPart(part.name, part.file.filename, part.file.content_type, contents[i])
            )
    return out


@pytest.mark.anyio
async def test_round_trip_through_an_independent_parser(
    tmp_path: pathlib.Path, driver: Any
) -> None:
    on_disk = tmp_path / "big.png"
    disk_bytes = png(64, 64) + bytes(range(256)) * 1000
    on_disk.write_bytes(disk_bytes)
    stream_bytes = png(3, 3) + b"\r\n--\r\n" * 30
    parts: list[FormField | FilePart] = [
        FormField(name="prompt", value='a cat\r\nwith "quotes" and ünïcode'),
        FormField(name="stream", value="true"),
        _file(on_disk),
        _file(('odd "name"\r\n.png', png(5, 5))),
        _file(Unseekable(stream_bytes), name="mask"),
        FormField(name="empty", value=""),
    ]
    body = MultipartBody.encode(parts)
    data = await drain(driver, body.iter_sync, body.iter_async)
    assert len(data) == body.content_length
    parsed = parse_multipart(data, body.content_type)
    expected = _expected(parts, {2: disk_bytes, 3: png(5, 5), 4: stream_bytes})
    # The quote and line breaks in the filename travel percent-escaped (WHATWG form encoding).
    expected[3] = ParsedPart("image", "odd %22name%22%0D%0A.png", "image/png", png(5, 5))
    assert parsed == expected
    assert await drain(driver, body.iter_sync, body.iter_async) == data


def test_files_are_not_read_to_compute_the_length(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(png(4, 4) + b"\x00" * 10_000)
    part = _file(path)
    path.write_bytes(png(4, 4))  # would change the total if the encoder read the file
    body = MultipartBody.encode([part])
    assert body.content_length == sum(
        len(s) for s in body.segments if isinstance(s, bytes)
    ) + 10_000 + len(png(4, 4))


def test_boundary_is_random_and_avoids_in_memory_content() -> None:
    first = MultipartBody.encode([FormField(name="a", value="b")])
    second = MultipartBody.encode([FormField(name="a", value="b")])
    assert first.boundary != second.boundary
    assert len(first.boundary) == 32
    assert first.content_type == f"multipart/form-data; boundary={first.boundary}"


def test_explicit_boundary_is_checked() -> None:
    with pytest.raises(ValueError, match="occurs in the content"):
        MultipartBody.encode([FormField(name="a", value="x--fixed")], boundary="fixed")
    with pytest.raises(ValueError, match="occurs in the content"):
        MultipartBody.encode([_file(png(2, 2) + b"--fixed")], boundary="fixed")
    with pytest.raises(ValueError, match="invalid multipart boundary"):
        MultipartBody.encode([], boundary="has space")


def test_empty_body_is_just_the_closing_delimiter() -> None:
    body = MultipartBody.encode([], boundary="b")
    assert b"".join(body.iter_sync()) == b"--b--\r\n"
    assert parse_multipart(b"".join(body.iter_sync()), body.content_type) == []


_BOUNDARY = "0123456789abcdef0123456789abcdef"
_TRICKY = [
    b"\r\n",
    b"--",
    b"\r\n--",
    b"\r\n--" + _BOUNDARY[:-1].encode(),
    b"--" + _BOUNDARY[:31].encode() + b"X",
    b"\r\n-" + _BOUNDARY.encode(),
    b'Content-Disposition: form-data; name="x"\r\n\r\n',
    b"\r\n\r\n",
    b"\x00",
    b"\xff",
]
_contents = st.lists(st.one_of(st.binary(max_size=200), st.sampled_from(_TRICKY)), max_size=8).map(
    b"".join
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(_contents, min_size=1, max_size=16), seed_text=st.text(max_size=40))
def test_property_any_contents_round_trip(files: list[bytes], seed_text: str) -> None:
    parts: list[FormField | FilePart] = [FormField(name="prompt", value=seed_text)]
    parts += [_file((f"f{i}.bin", content)) for i, content in enumerate(files)]
    if any(b"--" + _BOUNDARY.encode() in c for c in [seed_text.encode(), *files]):
        with pytest.raises(ValueError, match="occurs in the content"):
            MultipartBody.encode(parts, boundary=_BOUNDARY)
        return
    body = MultipartBody.encode(parts, boundary=_BOUNDARY)
    data = b"".join(body.iter_sync(chunk_size=13))
    assert len(data) == body.content_length
    parsed = parse_multipart(data, body.content_type)
    assert [p.data for p in parsed] == [seed_text.encode(), *files]
    assert [p.filename for p in parsed[1:]] == [f"f{i}.bin" for i in range(len(files))]


@settings(max_examples=25, deadline=None)
@given(st.lists(_contents, min_size=1, max_size=4))
def test_property_random_boundary_avoids_clashing_bytes(files: list[bytes]) -> None:
    body = MultipartBody.encode([_file((None, c)) for c in files])
    data = b"".join(body.iter_sync())
    assert [p.data for p in parse_multipart(data, body.content_type)] == files


def test_a_filename_utf8_cannot_encode_is_sent_with_a_placeholder() -> None:
    upload = prepare_file(("a\udcff.png", b"data"), param="image", label="image", stem="image")
    body = MultipartBody.encode([FilePart(name="image", file=upload)], boundary="b0undary")
    (part,) = parse_multipart(b"".join(body.iter_sync()), body.content_type)
    assert (part.filename, part.data) == ("a?.png", b"data")
