"""The event-stream decoder: WHATWG field rules, every line end, any chunking, big events."""

from __future__ import annotations

import base64
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_images_sdk._sse import (
    DEFAULT_MAX_EVENT_BYTES,
    EventTooLargeError,
    ServerSentEvent,
    SSEDecoder,
)

Row = tuple[str | None, str, str | None, int | None]


def rows(events: list[ServerSentEvent]) -> list[Row]:
    return [(e.event, e.data, e.id, e.retry) for e in events]


def decode(*chunks: bytes) -> list[Row]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for chunk in chunks:
        events += decoder.feed(chunk)
    events += decoder.finish()
    return rows(events)


def reference(body: bytes) -> list[Row]:
    """A deliberately naive decoder of a whole body, written straight from the WHATWG text."""
    text = body.decode("utf-8", "replace")
    text = text.removeprefix("\ufeff")
    out: list[Row] = []
    event, data, retry, last_id, has_data = "", "", None, None, False
    for line in [*re.split(r"\r\n|\r|\n", text), ""]:
        if line == "":
            if has_data:
                out.append((event or None, data.removesuffix("\n"), last_id, retry))
            event, data, retry, has_data = "", "", None, False
            continue
        if line.startswith(":"):
            continue
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            data += value + "\n"
            has_data = True
        elif name == "event":
            event = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            retry = int(value)
    return out


def image_event(kind: str, index: int, payload: str) -> bytes:
    data = json.dumps({"type": kind, "b64_json": payload, "partial_image_index": index})
    return f"event: {kind}\ndata: {data}\n\n".encode()


RECORDED = (
    image_event("image_generation.partial_image", 0, base64.b64encode(b"\x89PNG one").decode())
    + b": keep-alive\n\n"
    + image_event("image_generation.partial_image", 1, base64.b64encode(b"\x89PNG two").decode())
    + image_event("image_generation.completed", 0, base64.b64encode(b"\x89PNG end").decode())
)
"""Shaped like a real generation stream: named events, one JSON data line each, a comment."""

MIXED = (
    "\ufeff: a comment\r\n"
    "retry: 1500\r"
    "id: 7\n"
    "event: first\r\n"
    "data:  two spaces, one stripped\r"
    "data\r\n"
    "data: é and 日本\n"
    "\r\n"
    "unknown: ignored\n"
    "data: second\r"
    "\r"
    "id: x\0y\n"
    "data:no-space\n"
    "event: last\n"
    "data: no final blank line"
).encode()
"""Every line end, a BOM, a comment, multi-line data, id carry-over, no final blank line."""

FIXTURES = pytest.mark.parametrize("body", [RECORDED, MIXED], ids=["recorded", "mixed"])


def test_mixed_fixture_decodes_by_the_rules() -> None:
    assert decode(MIXED) == [
        ("first", " two spaces, one stripped\n\né and 日本", "7", 1500),
        (None, "second", "7", None),
        ("last", "no-space\nno final blank line", "7", None),
    ]


@FIXTURES
def test_reference_decoder_agrees(body: bytes) -> None:
    assert decode(body) == reference(body)


@FIXTURES
def test_split_at_every_byte_offset(body: bytes) -> None:
    whole = decode(body)
    assert whole
    for cut in range(len(body) + 1):
        assert decode(body[:cut], body[cut:]) == whole, cut


def test_split_at_every_pair_of_offsets() -> None:
    whole = decode(MIXED)
    for first in range(0, len(MIXED) + 1, 3):
        for second in range(first, len(MIXED) + 1):
            assert decode(MIXED[:first], MIXED[first:second], MIXED[second:]) == whole


@FIXTURES
def test_one_byte_at_a_time(body: bytes) -> None:
    assert decode(*(body[i : i + 1] for i in range(len(body)))) == decode(body)


def split(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({min(cut, len(body)) for cut in cuts})
    return [body[a:b] for a, b in zip([0, *points], [*points, len(body)], strict=True)]


@settings(max_examples=300, deadline=None)
@given(cuts=st.lists(st.integers(min_value=0, max_value=len(RECORDED)), max_size=40))
def test_random_split_positions_recorded(cuts: list[int]) -> None:
    assert decode(*split(RECORDED, cuts)) == decode(RECORDED)


@settings(max_examples=200, deadline=None)
@given(size=st.integers(min_value=1, max_value=64), body=st.sampled_from([RECORDED, MIXED]))
def test_random_chunk_sizes(size: int, body: bytes) -> None:
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    assert decode(*chunks) == decode(body)


_LINE_ENDS = st.sampled_from(["\n", "\r", "\r\n"])
_NAMES = st.sampled_from(["data", "event", "id", "retry", "", "dat", "data "])
_VALUES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=12
) | st.sampled_from(["", " ", "  x", "12", "1x", "{}", "\0"])
_LINES = st.one_of(
    st.tuples(_NAMES, st.sampled_from([":", ": ", ""]), _VALUES).map("".join),
    st.just(""),
    _VALUES.map(lambda value: ":" + value),
)


@st.composite
def event_streams(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.tuples(_LINES, _LINE_ENDS), max_size=30))
    text = "".join(line + end for line, end in lines)
    if draw(st.booleans()):
        text = "\ufeff" + text
    if draw(st.booleans()):
        text += draw(_LINES)
    return text.encode()


@settings(max_examples=400, deadline=None)
@given(body=event_streams(), cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12))
def test_generated_streams_any_split_match_reference(body: bytes, cuts: list[int]) -> None:
    expected = reference(body)
    assert decode(body) == expected
    assert decode(*split(body, cuts)) == expected


@pytest.mark.parametrize("end", [b"\n", b"\r", b"\r\n"], ids=["LF", "CR", "CRLF"])
def test_each_line_end_alone(end: bytes) -> None:
    body = b"data: a" + end + b"data: b" + end + end + b"data: c" + end + end
    assert decode(body) == [(None, "a\nb", None, None), (None, "c", None, None)]


def test_cr_at_chunk_end_and_lf_in_next_chunk_is_one_line_end() -> None:
    # Were the CR and the LF two line ends, the blank line between would split the event.
    assert decode(b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n") == [(None, "a\nb", None, None)]


def test_cr_then_empty_chunk_then_lf() -> None:
    assert decode(b"data: a\r", b"", b"\ndata: b\r\n\r\n") == [(None, "a\nb", None, None)]


def test_lone_cr_line_ends_at_chunk_edges() -> None:
    assert decode(b"data: a\r", b"\r", b"data: b\r\r") == [
        (None, "a", None, None),
        (None, "b", None, None),
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (b"data:x\n\n", "x"),
        (b"data: x\n\n", "x"),
        (b"data:  x\n\n", " x"),
        (b"data\n\n", ""),
        (b"data:\n\n", ""),
        (b"data:\ndata:\n\n", "\n"),
        (b"data: a\n: comment\ndata: b\n\n", "a\nb"),
    ],
)
def test_data_field_rules(lines: bytes, expected: str) -> None:
    assert decode(lines) == [(None, expected, None, None)]


def test_event_without_data_is_not_dispatched() -> None:
    assert decode(b"event: ping\n\nid: 3\nretry: 10\n\n: only a comment\n\n") == []


def test_id_carries_over_and_nul_is_ignored() -> None:
    body = b"id: 1\ndata: a\n\ndata: b\n\nid: 2\0\ndata: c\n\nid\ndata: d\n\n"
    assert [row[2] for row in decode(body)] == ["1", "1", "1", ""]


@pytest.mark.parametrize(
    ("value", "expected"), [(b"250", 250), (b"2.5", None), (b"-1", None), (b"", None)]
)
def test_retry_takes_digits_only(value: bytes, expected: int | None) -> None:
    assert decode(b"retry: " + value + b"\ndata: x\n\n") == [(None, "x", None, expected)]


def test_retry_does_not_carry_over() -> None:
    assert [row[3] for row in decode(b"retry: 5\ndata: a\n\ndata: b\n\n")] == [5, None]


def test_empty_event_name_means_none() -> None:
    assert decode(b"event:\ndata: x\n\n") == [(None, "x", None, None)]


@pytest.mark.parametrize("cut", [0, 1, 2, 3, 4])
def test_bom_stripped_once_wherever_the_chunk_splits_it(cut: int) -> None:
    body = "\ufeffdata: \ufeffx\n\n".encode()
    assert decode(body[:cut], body[cut:]) == [(None, "\ufeffx", None, None)]


def test_second_bom_at_line_start_is_part_of_the_field_name() -> None:
    assert decode("\ufeff\ufeffdata: x\n\n".encode()) == []


@pytest.mark.parametrize("body", [b"\xef", b"\xef\xbb", b"\xef\xbb\xbf", b""])
def test_stream_of_only_bom_bytes(body: bytes) -> None:
    assert decode(body) == []


def test_partial_bom_followed_by_other_bytes_is_kept() -> None:
    assert decode(b"\xef", b"\xbbdata: x\n\n") == []
    assert decode(b"\xefdata: x\n\n", b"data: y\n\n") == [(None, "y", None, None)]


def test_invalid_utf8_is_replaced() -> None:
    assert decode(b"data: a\xffb\n\n") == [(None, "a\ufffdb", None, None)]


def test_multibyte_character_split_across_chunks() -> None:
    body = "data: 日本\n\n".encode()
    for cut in range(len(body) + 1):
        assert decode(body[:cut], body[cut:]) == [(None, "日本", None, None)]


def test_final_event_without_blank_line_flushed_by_finish() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n\ndata: b") == [ServerSentEvent(data_bytes=b"a")]
    assert decoder.finish() == [ServerSentEvent(data_bytes=b"b")]


def test_final_event_ending_in_one_line_end_flushed_by_finish() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"event: e\ndata: b\r") == []
    assert decoder.finish() == [ServerSentEvent(event="e", data_bytes=b"b")]


def test_feed_returns_events_as_soon_as_their_blank_line_arrives() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n") == []
    assert rows(decoder.feed(b"\ndata: b\n\ndata: c")) == [
        (None, "a", None, None),
        (None, "b", None, None),
    ]
    assert rows(decoder.finish()) == [(None, "c", None, None)]


def test_eight_megabyte_event_in_small_chunks() -> None:
    # Fed in 4 KiB chunks: 2,048 feeds. A decoder that re-joined or re-scanned the line
    # on every feed would copy about 8 GB here instead of 8 MB.
    payload = base64.b64encode(bytes(range(256)) * (6 * 1024 * 1024 // 256))
    assert len(payload) == 8 * 1024 * 1024
    body = b'event: big\ndata: {"b64_json": "' + payload + b'"}\n\n'
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for start in range(0, len(body), 4096):
        events += decoder.feed(body[start : start + 4096])
    events += decoder.finish()
    assert len(events) == 1
    assert events[0].event == "big"
    assert events[0].data_bytes == b'{"b64_json": "' + payload + b'"}'
    assert events[0].json() == {"b64_json": payload.decode()}


def test_eight_megabyte_event_in_one_chunk() -> None:
    payload = b"A" * (8 * 1024 * 1024)
    events = SSEDecoder().feed(b"data: " + payload + b"\r\n\r\n")
    assert [len(e.data_bytes) for e in events] == [len(payload)]


def test_long_line_with_field_name_split_from_its_value() -> None:
    # The first piece of the long line ends right at the colon: the slow path joins it.
    value = b"v" * 100_000
    assert decode(b"data:", b" " + value[:50_000], value[50_000:] + b"\n\n") == [
        (None, value.decode(), None, None)
    ]
    assert decode(b"da", b"ta: " + value + b"\n\n") == [(None, value.decode(), None, None)]
    assert decode(b"event: " + value[:10], value + b"\ndata: x\n\n") == [
        (value[:10].decode() + value.decode(), "x", None, None)
    ]


def test_long_multi_line_data() -> None:
    first, second = b"a" * 70_000, b"b" * 70_000
    chunks = [b"data: " + first[:1000], first[1000:] + b"\ndata: " + second, b"\n\n"]
    assert decode(*chunks) == [(None, (first + b"\n" + second).decode(), None, None)]


def test_data_property_decodes_and_json_parses() -> None:
    event = ServerSentEvent(event="x", data_bytes='{"k": "é"}'.encode())
    assert event.data == '{"k": "é"}'
    assert event.json() == {"k": "é"}
    with pytest.raises(ValueError, match="Expecting value"):
        ServerSentEvent(data_bytes=b"not json").json()


LONG = base64.b64encode(bytes(range(256)) * 300).decode()
"""About 100 KB of base64: long enough for the JSON fast path."""


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({"type": "t", "b64_json": LONG, "n": 1}),
        json.dumps({"b64_json": LONG}),
        json.dumps({"a": [1, {"b": None}], "b64_json": LONG, "z": "q"}, indent=2),
        '{"b64_json"\t:\n "' + LONG + '"}',
        json.dumps({"b64_json": LONG.replace("/", "\\/")}),
        json.dumps({"b64_json": LONG}).replace("/", "\\/"),
        json.dumps({"nested": {"b64_json": LONG}, "b64_json": "short"}),
        json.dumps({"nested": {"b64_json": LONG}}),
        '{"b64_json": "' + LONG + '", "b64_json": "last wins"}',
        json.dumps({"field": "b64_json", "b64_json": LONG}),
        json.dumps({'x"b64_json': LONG, "b64_json": "k"}),
        json.dumps({"b64_json": LONG + "é"}, ensure_ascii=False),
        json.dumps({"b64_json": None, "pad": LONG}),
        json.dumps([LONG, "b64_json"]),
        json.dumps({"b64_json": LONG, "extra": "日本"}, ensure_ascii=False),
    ],
)
def test_json_fast_path_agrees_with_json_loads(text: str) -> None:
    assert ServerSentEvent(data_bytes=text.encode()).json() == json.loads(text)


def test_json_of_invalid_utf8_uses_replacement() -> None:
    body = b'{"b64_json": "' + LONG.encode() + b'", "x": "\xff"}'
    assert ServerSentEvent(data_bytes=body).json() == {"b64_json": LONG, "x": "\ufffd"}


@pytest.mark.parametrize(
    "text",
    ['{"b64_json": "' + LONG + '"', '{"b64_json": "' + LONG, '{"b64_json": "' + LONG + '", }'],
)
def test_json_fast_path_rejects_broken_json(text: str) -> None:
    with pytest.raises(ValueError, match=r"Expecting|delimiter|Unterminated"):
        ServerSentEvent(data_bytes=text.encode()).json()


@settings(max_examples=100, deadline=None)
@given(
    before=st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=3),
    after=st.dictionaries(st.text(max_size=5), st.integers() | st.none(), max_size=3),
    nested=st.booleans(),
    spaces=st.sampled_from(["", " ", "\n  "]),
)
def test_json_fast_path_random_objects(
    before: dict[str, object], after: dict[str, object], nested: bool, spaces: str
) -> None:
    value: object = {"b64_json": LONG} if nested else LONG
    text = (
        "{"
        + "".join(f"{json.dumps(k)}:{json.dumps(v)}," for k, v in before.items())
        + f'"b64_json"{spaces}:{spaces}{json.dumps(value)}'
        + "".join(f",{json.dumps(k)}:{json.dumps(v)}" for k, v in after.items())
        + "}"
    )
    assert ServerSentEvent(data_bytes=text.encode()).json() == json.loads(text)


def _feed_all(decoder: SSEDecoder, body: bytes, size: int) -> list[ServerSentEvent]:
    events: list[ServerSentEvent] = []
    for at in range(0, len(body), size):
        events += decoder.feed(body[at : at + size])
    return events + decoder.finish()


@pytest.mark.parametrize("chunk", [1, 7, 64, 10_000])
def test_a_line_that_never_ends_is_cut_at_the_limit(chunk: int) -> None:
    decoder = SSEDecoder(max_event_bytes=1_000)
    with pytest.raises(EventTooLargeError, match="1,000 bytes"):
        _feed_all(decoder, b"data: " + b"A" * 2_000, chunk)


@pytest.mark.parametrize("chunk", [1, 5, 6, 7, 64, 10_000])
def test_an_event_at_the_limit_passes_however_it_is_split(chunk: int) -> None:
    # "data: " plus 994 bytes: the held line is exactly 1,000 bytes before its end.
    body = b"data: " + b"A" * 994 + b"\n\n"
    events = _feed_all(SSEDecoder(max_event_bytes=1_000), body, chunk)
    assert [len(event.data_bytes) for event in events] == [994]


def test_many_data_lines_of_one_event_count_together() -> None:
    body = b"".join(b"data: " + b"B" * 100 + b"\n" for _ in range(20)) + b"\n"
    with pytest.raises(EventTooLargeError):
        _feed_all(SSEDecoder(max_event_bytes=1_000), body, 50)


def test_the_limit_is_per_event() -> None:
    body = b"".join(b"data: " + b"C" * 600 + b"\n\n" for _ in range(10))
    events = _feed_all(SSEDecoder(max_event_bytes=1_000), body, 333)
    assert len(events) == 10


def test_no_limit() -> None:
    body = b"data: " + b"D" * (DEFAULT_MAX_EVENT_BYTES // 16) + b"\n\n"
    events = _feed_all(SSEDecoder(max_event_bytes=None), body, 1 << 20)
    assert len(events[0].data_bytes) == DEFAULT_MAX_EVENT_BYTES // 16
