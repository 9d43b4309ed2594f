"""The ordered in-flight window: messages may finish in any order, replies leave in input order.

`OrderedWindow` is bookkeeping only (no I/O, no tasks): the reader `admit`s a message
when there is `room`, a worker `complete`s it with its outcome, and the writer `take`s the
oldest message once it is complete and calls `release` after writing its reply. A slot is
free again only after its reply has been written, so the messages between being read and
being answered never outnumber the window's size, however slowly replies drain.
"""

from __future__ import annotations

import collections
from typing import Generic, TypeVar, cast

__all__ = ["OrderedWindow"]

T = TypeVar("T")
_PENDING = object()


class OrderedWindow(Generic[T]):
    """At most `size` messages admitted and not yet released, handed out in admission order."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"the window size must be 1 or more, got {size}")
        self.size = size
        self._slots: collections.deque[object] = collections.deque()
        self._first = 0
        """The index of ``_slots[0]``: the oldest message not yet released."""
        self._taken = False

    @property
    def admitted(self) -> int:
        """How many messages were admitted so far (the next message's index)."""
        return self._first + len(self._slots)

    @property
    def released(self) -> int:
        """How many messages were answered and released."""
        return self._first

    @property
    def open(self) -> int:
        """Messages admitted and not released (read, not yet answered)."""
        return len(self._slots)

    @property
    def room(self) -> bool:
        """Whether another message may be admitted."""
        return len(self._slots) < self.size

    def admit(self) -> int:
        """Admit the next message; returns its index. Raises `RuntimeError` without room."""
        if not self.room:
            raise RuntimeError(f"the window is full ({self.size} messages open)")
        self._slots.append(_PENDING)
        return self.admitted - 1

    def complete(self, index: int, outcome: T) -> None:
        """Record the outcome of message `index` (admitted, not completed before)."""
        position = index - self._first
        if not 0 <= position < len(self._slots):
            raise KeyError(f"message {index} is not open in the window")
        if self._slots[position] is not _PENDING:
            raise RuntimeError(f"message {index} was already completed")
        self._slots[position] = outcome

    def take(self) -> tuple[int, T] | None:
        """The oldest open message and its outcome when it is complete and not taken yet."""
        if self._taken or not self._slots or self._slots[0] is _PENDING:
            return None
        self._taken = True
        return self._first, cast("T", self._slots[0])

    def release(self, index: int) -> None:
        """The reply of the taken message `index` is written: free its slot."""
        if not self._taken or index != self._first:
            raise RuntimeError(f"message {index} is not the one taken for writing")
        self._slots.popleft()
        self._first += 1
        self._taken = False
