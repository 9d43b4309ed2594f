"""The few calls whose sync and async versions differ in kind, not in spelling.

The async modules in `_async/` call the ``async_`` names; their generated sync twins in
`_sync/` call the plain ones (`scripts/unasync.py` drops the prefix). asyncio and anyio
are imported by the async functions only, so sync users never load them.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

__all__ = [
    "async_begin",
    "async_run_blocking",
    "async_sleep",
    "begin",
    "run_blocking",
    "run_sync",
    "sleep",
]

P = ParamSpec("P")
R = TypeVar("R")


def sleep(seconds: float) -> None:
    """Wait between retries."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """Wait between retries, under trio when the caller runs on it, else asyncio."""
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            trio.lowlevel.current_task()
        except RuntimeError:
            pass
        else:
            await trio.sleep(seconds)
            return
    import asyncio

    await asyncio.sleep(seconds)


def run_blocking(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Call `fn` (file reads and writes); the sync twin of `async_run_blocking`."""
    return fn(*args, **kwargs)


async def async_run_blocking(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Call blocking `fn` in a worker thread, so the event loop runs on."""
    import anyio.to_thread

    return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs))


def begin(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Callable[[], R]:
    """Call `fn` now (its errors surface at once); the callable returned gives its result."""
    result = fn(*args, **kwargs)
    return lambda: result


def async_begin(
    fn: Callable[P, Awaitable[R]], /, *args: P.args, **kwargs: P.kwargs
) -> Callable[[], Awaitable[R]]:
    """`fn` bound to its arguments, to be awaited later: an async caller cannot block now."""
    return functools.partial(fn, *args, **kwargs)


def run_sync(fn: Callable[P, Awaitable[R]], name: str) -> Callable[P, R]:
    """`fn`, callable from synchronous code: each call runs it in an event loop of its own.

    The wrapper is called `name`, takes `fn`'s parameters (``help()`` and type checkers see
    them) and says so in its docstring: the sync entry points of `bulk` are made this way.
    """

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        import anyio

        return anyio.run(functools.partial(fn, *args, **kwargs))

    run.__name__ = run.__qualname__ = name
    run.__doc__ = (
        f"`{fn.__name__}` from synchronous code (runs its own event loop); same arguments."
    )
    return run
