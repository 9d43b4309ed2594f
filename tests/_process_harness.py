"""The pipeline engine's side of ``openai-images process``, for tests and benchmarks.

`ProcessHarness` starts the command as a subprocess, writes framed messages to its stdin
and reads framed replies from its stdout and failure lines from its stderr in two
threads, with framing written here by hand (not the codecs under test). Tests wait on
replies, lines and the process's exit, never on a clock; every wait has a generous
timeout only so that a broken process fails the test instead of hanging it.

After the process has ended, `outcomes` pairs each message with its answer the way an
engine must when the two streams are separate: failure lines name their message, and
stdout replies belong, in order, to the messages that did not fail.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Final, Self

import attrs

__all__ = ["FAILURE", "Failure", "ProcessHarness", "frame", "outcomes"]

ROOT: Final = Path(__file__).resolve().parent.parent
WAIT: Final = 120.0
FAILURE: Final = re.compile(
    r"^openai-images process: message (?P<index>\d+)(?: \(id (?P<id>\".*?\")\))? failed: (?P<cause>.*)$"
)


@attrs.frozen
class Failure:
    """One failure line, parsed."""

    index: int
    id: str | None
    cause: str


def frame(codec: str, payload: bytes) -> bytes:
    """`payload` framed for `codec` (lines, length_prefixed_uint32_be, netstring, raw)."""
    if codec == "lines":
        assert b"\n" not in payload
        return payload + b"\n"
    if codec == "length_prefixed_uint32_be":
        return struct.pack(">I", len(payload)) + payload
    if codec == "netstring":
        return b"%d:%b," % (len(payload), payload)
    assert codec == "raw"
    return payload


def _read_frame(stream: IO[bytes], codec: str) -> bytes | None:
    """The next frame's payload; None at the end of the stream (a cut-off frame included)."""
    if codec == "lines":
        line = stream.readline()
        return line[:-1] if line.endswith(b"\n") else None
    if codec == "length_prefixed_uint32_be":
        head = stream.read(4)
        if len(head) < 4:
            return None
        size = struct.unpack(">I", head)[0]
        body = stream.read(size)
        return body if len(body) == size else None
    if codec == "netstring":
        digits = b""
        while (char := stream.read(1)) != b":":
            if not char:
                return None
            assert char.isdigit(), f"not a netstring length: {digits + char!r}"
            digits += char
        size = int(digits)
        body = stream.read(size + 1)
        if len(body) < size + 1:
            return None
        assert body.endswith(b","), "a netstring without its comma"
        return body[:-1]
    body = stream.read()
    return body or None


class ProcessHarness:
    """``openai-images process ARGS`` under test: framed stdin, framed stdout, stderr lines."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        codec_in: str = "lines",
        codec_out: str = "lines",
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        self.codec_in = codec_in
        self.codec_out = codec_out
        base = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
        base["PYTHONPATH"] = str(ROOT) + os.pathsep + base.get("PYTHONPATH", "")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "openai_images_sdk", "process", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**base, **(env or {})},
            cwd=cwd,
        )
        self.replies: queue.Queue[bytes | None] = queue.Queue()
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.all_replies: list[bytes] = []
        self.all_lines: list[str] = []
        self.sent = 0
        self._threads = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        while (payload := _read_frame(self.process.stdout, self.codec_out)) is not None:
            self.all_replies.append(payload)
            self.replies.put(payload)
            if self.codec_out == "raw":
                break
        self.replies.put(None)

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.all_lines.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def send(self, *payloads: bytes) -> None:
        """Write one framed message per payload and flush."""
        assert self.process.stdin is not None
        self.process.stdin.write(b"".join(frame(self.codec_in, p) for p in payloads))
        self.process.stdin.flush()
        self.sent += len(payloads)

    def write_raw(self, data: bytes) -> None:
        """Write bytes as they are (to break the framing on purpose)."""
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def close(self) -> None:
        """Close stdin: the engine has no more messages."""
        assert self.process.stdin is not None
        if not self.process.stdin.closed:
            self.process.stdin.close()

    def reply(self, timeout: float = WAIT) -> bytes:
        """The next reply (raises when stdout ends first)."""
        payload = self.replies.get(timeout=timeout)
        if payload is None:
            raise AssertionError(f"stdout ended; stderr: {self.all_lines}")
        return payload

    def line(self, timeout: float = WAIT) -> str:
        """The next stderr line (raises when stderr ends first)."""
        text = self.lines.get(timeout=timeout)
        if text is None:
            raise AssertionError("stderr ended")
        return text

    def wait(self, timeout: float = WAIT) -> int:
        """The exit code, once the process and both reader threads are done."""
        code = self.process.wait(timeout)
        for thread in self._threads:
            thread.join(timeout)
        return code

    def signal(self, number: int = signal.SIGTERM) -> None:
        """Send a signal to the process."""
        self.process.send_signal(number)

    def kill(self) -> None:
        """SIGKILL: the process stops mid-stream, without a chance to finish anything."""
        self.process.kill()

    def failures(self) -> list[Failure]:
        """Every failure line so far, parsed (other lines raise)."""
        parsed: list[Failure] = []
        for line in self.all_lines:
            match = FAILURE.match(line)
            assert match is not None, f"not a failure line: {line!r}"
            raw_id = match.group("id")
            parsed.append(
                Failure(
                    index=int(match.group("index")),
                    id=raw_id[1:-1] if raw_id else None,
                    cause=match.group("cause"),
                )
            )
        return parsed

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(WAIT)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def outcomes(harness: ProcessHarness) -> dict[int, bytes | Failure]:
    """After the process has ended: message index -> its reply or its failure.

    Answers leave in input order, so they cover a prefix of the messages; the failure
    lines say which of those failed, and the replies belong, in order, to the others.
    """
    failed = {failure.index: failure for failure in harness.failures()}
    assert len(failed) == len(harness.failures()), "a message failed twice"
    answered: dict[int, bytes | Failure] = {}
    replies = iter(harness.all_replies)
    index = 0
    left = len(harness.all_replies)
    while left or index in failed:
        if index in failed:
            answered[index] = failed[index]
        else:
            answered[index] = next(replies)
            left -= 1
        index += 1
    assert set(failed) <= set(answered), "a failure line for a message never answered"
    return answered
