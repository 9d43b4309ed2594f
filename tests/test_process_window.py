"""The ordered in-flight window: completion in any order, release in input order, bounded."""

from __future__ import annotations

import random

import pytest

from openai_images_sdk.process import OrderedWindow


def test_outcomes_leave_in_admission_order_whatever_order_they_complete_in() -> None:
    window: OrderedWindow[str] = OrderedWindow(3)
    assert [window.admit() for _ in range(3)] == [0, 1, 2]
    assert not window.room
    window.complete(2, "c")
    window.complete(1, "b")
    assert window.take() is None  # message 0 holds the others back
    window.complete(0, "a")
    written = []
    while (taken := window.take()) is not None:
        written.append(taken)
        window.release(taken[0])
    assert written == [(0, "a"), (1, "b"), (2, "c")]
    assert window.room
    assert window.open == 0
    assert window.released == 3
    assert window.admitted == 3


def test_a_slot_frees_only_when_its_reply_is_released() -> None:
    window: OrderedWindow[int] = OrderedWindow(1)
    index = window.admit()
    window.complete(index, 7)
    assert window.take() == (0, 7)
    assert window.take() is None  # taken once: never written twice
    assert not window.room  # still being written
    window.release(0)
    assert window.room


def test_misuse_is_refused() -> None:
    window: OrderedWindow[int] = OrderedWindow(2)
    with pytest.raises(KeyError):
        window.complete(0, 1)
    window.admit()
    window.admit()
    with pytest.raises(RuntimeError, match="full"):
        window.admit()
    window.complete(1, 1)
    with pytest.raises(RuntimeError, match="already completed"):
        window.complete(1, 2)
    with pytest.raises(RuntimeError, match="not the one taken"):
        window.release(0)
    with pytest.raises(ValueError, match="1 or more"):
        OrderedWindow(0)


@pytest.mark.parametrize("size", [1, 2, 5, 16])
def test_random_completion_orders_keep_order_and_the_bound(size: int) -> None:
    rng = random.Random(size)
    window: OrderedWindow[int] = OrderedWindow(size)
    pending: list[int] = []
    written: list[int] = []
    total = 500
    while len(written) < total:
        if window.room and window.admitted < total and rng.random() < 0.6:
            pending.append(window.admit())
        elif pending:
            index = pending.pop(rng.randrange(len(pending)))
            window.complete(index, index * 10)
        while (taken := window.take()) is not None:
            written.append(taken[1] // 10)
            window.release(taken[0])
        assert window.open <= size
    assert written == list(range(total))
