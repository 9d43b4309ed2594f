"""_concurrency: the calls whose sync and async versions differ in kind."""

from __future__ import annotations

import inspect
import threading

import pytest

from openai_images_sdk import _concurrency
from openai_images_sdk.bulk import (
    batch_status,
    bulk_generate,
    cancel_batches,
    collect_batches,
    run_batch_cancel,
    run_batch_collect,
    run_batch_status,
    run_batch_submit,
    run_bulk,
    submit_batches,
)

pytestmark = pytest.mark.anyio


async def add(a: int, b: int = 2, *, scale: int = 1) -> int:
    """Adds."""
    return (a + b) * scale


def test_run_sync_runs_the_coroutine_function_in_its_own_loop() -> None:
    run_add = _concurrency.run_sync(add, "run_add")
    assert run_add(1) == 3
    assert run_add(1, 3, scale=10) == 40
    assert run_add.__name__ == "run_add"
    assert (
        run_add.__doc__ == "`add` from synchronous code (runs its own event loop); same arguments."
    )
    assert inspect.signature(run_add) == inspect.signature(add)


@pytest.mark.parametrize(
    ("wrapper", "wrapped"),
    [
        (run_bulk, bulk_generate),
        (run_batch_submit, submit_batches),
        (run_batch_status, batch_status),
        (run_batch_collect, collect_batches),
        (run_batch_cancel, cancel_batches),
    ],
)
def test_bulk_sync_entry_points_take_the_async_functions_arguments(
    wrapper: object, wrapped: object
) -> None:
    assert callable(wrapper)
    assert callable(wrapped)
    assert inspect.signature(wrapper) == inspect.signature(wrapped)
    assert not inspect.iscoroutinefunction(wrapper)
    name = getattr(wrapper, "__name__", "")
    assert name.startswith("run_")
    assert f"`{getattr(wrapped, '__name__', '')}` from synchronous code" in (wrapper.__doc__ or "")


def test_begin_calls_at_once() -> None:
    calls: list[int] = []

    def prepare(value: int) -> int:
        calls.append(value)
        return value * 2

    result = _concurrency.begin(prepare, 4)
    assert calls == [4], "called before the result is asked for"
    assert result() == 8
    assert result() == 8
    assert calls == [4]


async def test_async_begin_waits_to_be_awaited() -> None:
    calls: list[int] = []

    async def prepare(value: int) -> int:
        calls.append(value)
        return value * 2

    result = _concurrency.async_begin(prepare, 4)
    assert calls == []
    assert await result() == 8
    assert calls == [4]


async def test_async_run_blocking_runs_in_a_worker_thread() -> None:
    def where(suffix: str, *, prefix: str) -> str:
        return prefix + threading.current_thread().name + suffix

    main = threading.current_thread().name
    assert _concurrency.run_blocking(where, "!", prefix=">") == f">{main}!"
    assert await _concurrency.async_run_blocking(where, "!", prefix=">") != f">{main}!"
