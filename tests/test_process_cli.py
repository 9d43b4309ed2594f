"""``openai-images process`` as a pipeline engine runs it: a subprocess over framed stdio."""

from __future__ import annotations

import base64
import json
import signal
import struct
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from _process_harness import WAIT, Failure, ProcessHarness, outcomes

from openai_images_sdk import mask_from_rectangles
from openai_images_sdk.testing import FakeImagesServer

SIZES = ("256x256", "320x256", "256x320")
PNG = ("--model", "gpt-image-2", "--output-format", "png")


class GatedServer(FakeImagesServer):
    """A fake server that counts arrivals and answers only as many requests as permitted."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.arrived = threading.Semaphore(0)
        self.permits = threading.Semaphore(0)

    def pause(self, faults: Any) -> None:
        self.arrived.release()
        assert self.permits.acquire(timeout=WAIT)
        super().pause(faults)

    def permit(self, count: int) -> None:
        for _ in range(count):
            self.permits.release()


@pytest.fixture(scope="module")
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running


def connect(server: FakeImagesServer) -> list[str]:
    return ["--base-url", server.base_url, "--api-key", "sk-test"]


def png_size(data: bytes) -> str:
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), data[:16]
    width, height = struct.unpack(">II", data[16:24])
    return f"{width}x{height}"


def records(count: int, bad: Sequence[int] = ()) -> list[bytes]:
    """JSON records cycling through sizes; those at `bad` ask for an impossible size."""
    out = []
    for i in range(count):
        size = "13x13" if i in bad else SIZES[i % len(SIZES)]
        out.append(json.dumps({"id": f"m{i}", "title": f"thing {i}", "size": size}).encode())
    return out


@pytest.mark.parametrize(
    ("codec", "reply"),
    [
        ("lines", "b64_json"),
        ("length_prefixed_uint32_be", "image"),
        ("netstring", "image"),
        ("netstring", "b64_json"),
    ],
)
def test_every_message_gets_one_answer_in_order(
    server: FakeImagesServer, codec: str, reply: str
) -> None:
    messages = [*records(12, bad=(3, 8)), b"{not json"]
    args = [*PNG, "--codec", codec, "--reply", reply, "--concurrency", "4",
            "--prompt", "{title} on a white background", *connect(server)]  # fmt: skip
    with ProcessHarness(args, codec_in=codec, codec_out=codec) as harness:
        harness.send(*messages)
        harness.close()
        assert harness.wait() == 0, harness.all_lines
        answered = outcomes(harness)
    assert sorted(answered) == list(range(13))
    for index in (3, 8):
        failure = answered[index]
        assert isinstance(failure, Failure)
        assert failure.id == f"m{index}"
        assert failure.cause.startswith("ValidationError")
        assert "size" in failure.cause
    last = answered[12]
    assert isinstance(last, Failure)
    assert last.id is None
    assert "not valid JSON" in last.cause
    for index in set(range(12)) - {3, 8}:
        payload = answered[index]
        assert isinstance(payload, bytes)
        if reply == "image":
            image = payload
        else:
            data = json.loads(payload)
            assert data["index"] == index
            assert data["id"] == f"m{index}"
            assert data["request_id"]
            assert data["usage"] is not None
            image = base64.b64decode(data["images"][0]["b64_json"])
        assert png_size(image) == SIZES[index % len(SIZES)]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--reply", "image"], "lines framing cannot carry"),
        (["--reply", "path"], "--reply path needs --out"),
        (["--out", "x"], "--out is the folder of --reply path"),
        (["--message", "text", "--prompt", "{a}"], "--prompt fills JSON records"),
        (["--prompt", "no fields"], "names no record field"),
        (["--codec-out", "raw"], "use it with --codec-in raw"),
        (["--concurrency", "0"], "--concurrency must be 1 or more"),
        (["--codec", "netstring", "--n", "2"], "an image reply carries one image"),
        (["--codec", "csv"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_before_reading_anything(
    server: FakeImagesServer, args: list[str], error: str
) -> None:
    before = len(server.requests)
    with ProcessHarness([*args, *connect(server)]) as harness:
        # stdin stays open: a process that read it would wait forever.
        assert harness.wait() == 2
        assert error in "\n".join(harness.all_lines)
        assert harness.all_replies == []
    assert len(server.requests) == before


def test_no_api_key_is_a_usage_error() -> None:
    with ProcessHarness(["--codec", "netstring"]) as harness:
        assert harness.wait() == 2
        assert "no API key" in "\n".join(harness.all_lines)


def test_fake_server_and_text_messages() -> None:
    args = ["--fake", "--codec", "netstring", *PNG, "--size", "256x256"]
    with ProcessHarness(args, codec_in="netstring", codec_out="netstring") as harness:
        harness.send(b"a red fox\nwith a line break inside", b"   ", b"a blue cat")
        assert png_size(harness.reply()) == "256x256"
        assert harness.line().startswith(
            "openai-images process: message 1 failed: the message is empty"
        )
        assert png_size(harness.reply()) == "256x256"
        harness.close()
        assert harness.wait() == 0


def test_one_off_raw_run_like_the_command_processor(server: FakeImagesServer) -> None:
    args = ["--codec-in", "raw", "--codec-out", "raw", *PNG, "--size", "256x256", *connect(server)]
    with ProcessHarness(args, codec_in="raw", codec_out="raw") as harness:
        harness.send(b"a cat\nin a hat")
        harness.close()
        assert harness.wait() == 0
        [image] = harness.all_replies
        assert png_size(image) == "256x256"
    with ProcessHarness([*args, "--fail-exit", "--size", "13x13"], codec_in="raw") as harness:
        harness.send(b"a cat")
        harness.close()
        assert harness.wait() == 1
        [failure] = harness.failures()
        assert failure.index == 0
        assert "size" in failure.cause


def test_records_with_an_image_are_edits_and_path_replies_save_files(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    (tmp_path / "photo.png").write_bytes(mask_from_rectangles(256, 256, (0, 0, 8, 8)))
    out = tmp_path / "out"
    args = [*PNG, "--codec", "lines", "--reply", "path", "--out", str(out), "--message", "json",
            "--base-dir", str(tmp_path), "--size", "256x256", *connect(server)]  # fmt: skip
    with ProcessHarness(args) as harness:
        harness.send(
            json.dumps({"id": "edit-1", "prompt": "add a hat", "image": "photo.png"}).encode(),
            json.dumps({"id": "gen-1", "prompt": "a hat", "n": 2}).encode(),
        )
        edit, generation = json.loads(harness.reply()), json.loads(harness.reply())
        harness.close()
        assert harness.wait() == 0, harness.all_lines
    assert edit["operation"] == "edit"
    assert generation["operation"] == "generate"
    assert [Path(i["path"]).name for i in edit["images"]] == ["edit-1.png"]
    assert [Path(i["path"]).name for i in generation["images"]] == ["gen-1-0.png", "gen-1-1.png"]
    for image in [*edit["images"], *generation["images"]]:
        assert png_size(Path(image["path"]).read_bytes()) == "256x256"


def test_sigterm_answers_the_messages_in_flight_then_exits_0() -> None:
    with GatedServer(draw_text=False) as gated:
        args = [*PNG, "--size", "256x256", "--codec", "netstring", "--concurrency", "3",
                *connect(gated)]  # fmt: skip
        with ProcessHarness(args, codec_in="netstring", codec_out="netstring") as harness:
            harness.send(b"one", b"two", b"three")
            for _ in range(3):
                assert gated.arrived.acquire(timeout=WAIT)
            harness.signal(signal.SIGTERM)
            gated.permit(3)
            # stdin is still open: only the signal ends the run.
            assert harness.wait() == 0, harness.all_lines
            assert [png_size(image) for image in harness.all_replies] == ["256x256"] * 3
            assert harness.all_lines == []


def test_kill_and_restart_every_message_is_answered_once() -> None:
    messages = records(40, bad=(2, 17, 33))
    with GatedServer(draw_text=False) as gated:
        args = [*PNG, "--codec", "netstring", "--reply", "b64_json", "--concurrency", "4",
                "--prompt", "{title}", *connect(gated)]  # fmt: skip
        with ProcessHarness(args, codec_in="netstring", codec_out="netstring") as first:
            first.send(*messages)
            gated.permit(12)  # 12 answers, then the server holds every request
            # 13 arrivals: 12 answered and one held, so the run is mid-stream. Replies leave
            # in input order, and requests may arrive out of it, so how many of the 12 have
            # been written by now is not known: the checks below hold for any number.
            for _ in range(13):
                assert gated.arrived.acquire(timeout=WAIT)
            first.kill()
            assert first.wait() == -signal.SIGKILL
            answered_first = outcomes(first)
        gated.permit(100)  # the requests of the killed run, and all of the second run
        assert len(answered_first) < 40
        left = [i for i in range(40) if i not in answered_first]
        assert left == list(range(len(answered_first), 40))  # answers cover a prefix
        with ProcessHarness(args, codec_in="netstring", codec_out="netstring") as second:
            second.send(*(messages[i] for i in left))
            second.close()
            assert second.wait() == 0
            answered_second = {left[i]: outcome for i, outcome in outcomes(second).items()}
    assert sorted([*answered_first, *answered_second]) == list(range(40))
    for index, outcome in {**answered_first, **answered_second}.items():
        if index in (2, 17, 33):
            assert isinstance(outcome, Failure)
            assert outcome.id == f"m{index}"
        else:
            assert isinstance(outcome, bytes)
            assert json.loads(outcome)["id"] == f"m{index}"


@pytest.mark.parametrize(
    ("codec", "garbage", "error"),
    [
        ("netstring", b"3:abc;", "netstring: expected ','"),
        ("length_prefixed_uint32_be", b"\x00\x00\x00\x09abc", "ended inside a message of 9 bytes"),
    ],
)
def test_broken_framing_fails_the_message_and_exits_1(
    server: FakeImagesServer, codec: str, garbage: bytes, error: str
) -> None:
    args = [*PNG, "--size", "256x256", "--codec", codec, *connect(server)]
    with ProcessHarness(args, codec_in=codec, codec_out=codec) as harness:
        harness.send(b"first")
        assert png_size(harness.reply()) == "256x256"
        harness.write_raw(garbage)
        harness.close()
        assert harness.wait() == 1
        [failure] = harness.failures()
        assert failure.index == 1
        assert error in failure.cause


def test_every_api_parameter_of_generate_and_edit_is_an_option() -> None:
    from openai_images_sdk._generated import operations
    from openai_images_sdk.cli._main import build_parser
    from openai_images_sdk.cli._process import process_param_options

    options = process_param_options()
    expected = {
        spec.python_name
        for op in (operations.CREATE_IMAGE, operations.CREATE_IMAGE_EDIT)
        for spec in op.fields
    } - {"prompt", "stream", "partial_images"}
    assert {option.python_name for option in options} == expected
    assert not any(option.required for option in options)
    args = build_parser().parse_args(
        ["process", "--model", "gpt-image-2", "--output-format", "svg", "--svg-model", "m",
         "--input-fidelity", "low", "--codec", "netstring"]
    )  # fmt: skip
    assert args.codec == "netstring"
    assert vars(args)["api:svg.model"] == "m"
    assert vars(args)["api:input_fidelity"] == "low"
