"""The stream processor's framing codecs, byte for byte and split at every offset."""

from __future__ import annotations

import struct

import pytest

from openai_images_sdk.process import CODECS, FramingError, TooLarge, decoder_for, encode
from openai_images_sdk.process._codecs import Codec

MESSAGES = [b"a red fox", b"", b"line\rwith cr inside", b"\x00\xff binary \x01", b"x" * 300]
FRAMED = ("length_prefixed_uint32_be", "netstring")


def independent_frame(codec: str, payload: bytes) -> bytes:
    """The framing written out by hand, not by the encoder under test."""
    if codec == "lines":
        return payload + b"\n"
    if codec == "length_prefixed_uint32_be":
        return struct.pack(">I", len(payload)) + payload
    if codec == "netstring":
        return str(len(payload)).encode() + b":" + payload + b","
    return payload


def decode_all(codec: Codec, chunks: list[bytes], max_size: int = 1 << 20) -> list[object]:
    decoder = decoder_for(codec, max_size=max_size)
    out: list[object] = []
    for chunk in chunks:
        decoder.feed(chunk)
        while (message := decoder.next_message()) is not None:
            out.append(message)
    last = decoder.finish()
    if last is not None:
        out.append(last)
    return out


def splits(data: bytes) -> list[list[bytes]]:
    """`data` whole, split once at every offset, and one byte at a time."""
    ways = [[data], [data[i : i + 1] for i in range(len(data))]]
    ways += [[data[:i], data[i:]] for i in range(1, len(data))]
    return ways


@pytest.mark.parametrize("codec", FRAMED)
def test_framed_codecs_round_trip_at_every_split(codec: Codec) -> None:
    stream = b"".join(independent_frame(codec, m) for m in MESSAGES)
    for chunks in splits(stream):
        assert decode_all(codec, chunks) == MESSAGES


def test_lines_round_trip_at_every_split() -> None:
    messages = [m for m in MESSAGES if b"\n" not in m and not m.endswith(b"\r")]
    stream = b"".join(independent_frame("lines", m) for m in messages)
    for chunks in splits(stream):
        assert decode_all("lines", chunks) == messages


@pytest.mark.parametrize("codec", ["lines", *FRAMED])
def test_encoder_matches_the_independent_framing(codec: Codec) -> None:
    for message in MESSAGES:
        if codec == "lines" and b"\n" in message:
            continue
        assert encode(codec, message) == independent_frame(codec, message)


def test_lines_drop_a_carriage_return_and_keep_a_last_unterminated_line() -> None:
    assert decode_all("lines", [b"one\r\ntwo\n\nthree"]) == [b"one", b"two", b"", b"three"]


def test_lines_encoder_refuses_a_line_break() -> None:
    with pytest.raises(ValueError, match="line break"):
        encode("lines", b"two\nlines")


def test_raw_is_the_whole_stream_as_one_message() -> None:
    for chunks in splits(b"a prompt\nwith two lines"):
        assert decode_all("raw", chunks) == [b"a prompt\nwith two lines"]
    assert decode_all("raw", []) == [b""]
    assert encode("raw", b"\x89PNG") == b"\x89PNG"


@pytest.mark.parametrize("codec", ["lines", *FRAMED])
def test_an_oversized_message_fails_alone_and_the_next_one_is_read(codec: Codec) -> None:
    stream = b"".join(independent_frame(codec, m) for m in [b"ok", b"y" * 50, b"next"])
    for chunks in splits(stream):
        out = decode_all(codec, chunks, max_size=10)
        assert out[0] == b"ok", chunks
        assert out[2:] == [b"next"], chunks
        too_large = out[1]
        assert isinstance(too_large, TooLarge)
        assert too_large.limit == 10
        if too_large.exact:
            assert too_large.size == 50
        assert "over the limit of 10" in str(too_large)


def test_an_oversized_length_prefixed_message_is_skipped_without_being_kept() -> None:
    decoder = decoder_for("length_prefixed_uint32_be", max_size=10)
    decoder.feed(struct.pack(">I", 1_000_000) + b"z" * 100)
    assert decoder.next_message() == TooLarge(size=1_000_000, limit=10)
    for _ in range(100):
        decoder.feed(b"z" * 9999)  # still inside the skipped message
        assert decoder.next_message() is None
    decoder.feed(struct.pack(">I", 2) + b"ok")
    assert decoder.next_message() == b"ok"


def test_raw_over_the_limit() -> None:
    assert decode_all("raw", [b"abc", b"defg"], max_size=5) == [TooLarge(size=7, limit=5)]


@pytest.mark.parametrize(
    ("stream", "error"),
    [
        (b"abc:hello,", "expected a decimal length and ':' at byte 0"),
        (b"5:hello,x:y,", "expected a decimal length and ':' at byte 8"),
        (b"05:hello,", "expected a decimal length"),
        (b"-5:hello,", "expected a decimal length"),
        (b":hello,", "expected a decimal length"),
        (b"5:hello;", "expected ',' after the 5 bytes of the message, got b';' at byte 7"),
        (b"1" * 30, "expected a decimal length"),
    ],
)
def test_netstring_framing_errors_are_clear(stream: bytes, error: str) -> None:
    with pytest.raises(FramingError, match=error.replace("(", r"\(")):
        decode_all("netstring", [stream])


@pytest.mark.parametrize(
    ("codec", "stream", "error"),
    [
        ("netstring", b"5:hel", "ended inside a netstring"),
        ("netstring", b"12", "ended inside a netstring"),
        ("length_prefixed_uint32_be", b"\x00\x00", "inside a length prefix \\(2 of 4 bytes"),
        ("length_prefixed_uint32_be", b"\x00\x00\x00\x05he", "inside a message of 5 bytes"),
    ],
)
def test_a_stream_ending_inside_a_frame_is_a_framing_error(
    codec: Codec, stream: bytes, error: str
) -> None:
    for chunks in splits(stream):
        with pytest.raises(FramingError, match=error):
            decode_all(codec, chunks)


def test_a_skipped_netstring_needs_its_comma() -> None:
    decoder = decoder_for("netstring", max_size=2)
    decoder.feed(b"5:hello;")
    assert decoder.next_message() == TooLarge(size=5, limit=2)
    with pytest.raises(FramingError, match="expected ','"):
        decoder.next_message()


def test_unknown_codec() -> None:
    with pytest.raises(ValueError, match="unknown codec"):
        decoder_for("csv")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown codec"):
        encode("csv", b"")  # type: ignore[arg-type]
    assert set(CODECS) == {"lines", "length_prefixed_uint32_be", "netstring", "raw"}


def test_many_messages_in_one_chunk_come_out_one_at_a_time() -> None:
    decoder = decoder_for("netstring")
    decoder.feed(b"".join(independent_frame("netstring", b"m%d" % i) for i in range(1000)))
    assert decoder.next_message() == b"m0"
    assert decoder.next_message() == b"m1"
    rest = []
    while (message := decoder.next_message()) is not None:
        rest.append(message)
    assert len(rest) == 998
    assert decoder.finish() is None
