"""The stream processor's stdio: on-demand pipe reads, whole writes under one lock."""

from __future__ import annotations

import os
import threading

import anyio
import pytest

from openai_images_sdk.process import PipeReader, StdioSink

pytestmark = pytest.mark.anyio


async def test_pipe_reader_reads_on_demand_and_ends_with_empty_bytes() -> None:
    read_end, write_end = os.pipe()
    try:
        reader = PipeReader(read_end, chunk_size=4)
        os.write(write_end, b"abcdefgh")
        assert await reader.read() == b"abcd"
        assert await reader.read() == b"efgh"
        os.close(write_end)
        write_end = -1
        assert await reader.read() == b""
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


async def test_a_cancelled_read_does_not_keep_the_caller_waiting() -> None:
    read_end, write_end = os.pipe()
    try:
        reader = PipeReader(read_end)
        with anyio.CancelScope() as scope:

            async def cancel_when_blocked() -> None:
                await anyio.wait_all_tasks_blocked()
                scope.cancel()

            async with anyio.create_task_group() as group:
                group.start_soon(cancel_when_blocked)
                await reader.read()  # a quiet pipe: only the cancellation ends this
        assert scope.cancelled_caught
    finally:
        os.close(write_end)  # the reader thread's read returns; nobody waits for it
        os.close(read_end)


async def test_large_frames_from_concurrent_writers_never_interleave() -> None:
    read_end, write_end = os.pipe()
    received = bytearray()

    def drain() -> None:
        while chunk := os.read(read_end, 1000):  # small reads: writes block and split
            received.extend(chunk)

    thread = threading.Thread(target=drain)
    thread.start()
    frames = [bytes([65 + i]) * 300_000 for i in range(6)]
    sink = StdioSink(write_end, write_end)
    try:
        async with anyio.create_task_group() as group:
            for index, frame in enumerate(frames):
                group.start_soon(sink.reply if index % 2 else sink.fail, frame)
    finally:
        os.close(write_end)
        thread.join()
        os.close(read_end)
    assert len(received) == sum(map(len, frames))
    runs = [received[i : i + 300_000] for i in range(0, len(received), 300_000)]
    assert sorted(bytes(run) for run in runs) == sorted(frames)  # each frame in one piece
