"""A progress bar with rate and ETA for bulk runs, on a terminal only."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import Final, TextIO, TypedDict, Unpack

__all__ = ["BulkProgress", "CollectProgress", "format_duration"]

_WIDTH: Final = 24
_REDRAW: Final = 0.2


_LOGGER: Final = logging.getLogger("openai_images_sdk.bulk")


def format_duration(seconds: float) -> str:
    """``75`` -> ``1m15s``; ``3725`` -> ``1h02m``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class LineOptions(TypedDict, total=False):
    """Where and how a status line draws: `BulkProgress` and `CollectProgress` take these.

    `stream` defaults to stderr; `enabled` to whether it is a terminal; `clock` to
    `time.monotonic`.
    """

    stream: TextIO | None
    enabled: bool | None
    clock: Callable[[], float]


class _StatusLine:
    """One status line redrawn in place, on `stream` (stderr) when it is a terminal."""

    def __init__(
        self,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._clock = clock
        self._started = clock()

    def render(self, now: float) -> str:
        """The status line at time `now`."""
        raise NotImplementedError

    def _draw(self, now: float, end: str = "") -> None:
        self.stream.write("\r\x1b[K" + self.render(now) + end)
        self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self._draw(self._clock(), "\n")


class BulkProgress(_StatusLine):
    """Counts outcomes and redraws one status line at most every 0.2 s.

    Silent unless `stream` is a terminal (or ``enabled=True``). `total` is the number of
    records when known (the bar and ETA need it); without it the line shows counts and rate.
    """

    def __init__(
        self,
        *,
        total: int | None = None,
        **line: Unpack[LineOptions],
    ) -> None:
        super().__init__(**line)
        self.total = total
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self.images = 0
        self.pause_left: Callable[[], float] | None = None
        """Seconds left of a rate-limit pause (set by the runner), shown on the line."""
        self._drawn = -_REDRAW

    def render(self, now: float) -> str:
        """The status line at time `now`."""
        elapsed = max(now - self._started, 1e-9)
        finished = self.done + self.failed
        rate = finished / elapsed
        counts = f"{self.done} done, {self.failed} failed"
        if self.skipped:
            counts += f", {self.skipped} skipped"
        line = f"{counts} | {rate * 60:.0f}/min"
        if self.total:
            seen = finished + self.skipped
            fraction = min(1.0, seen / self.total)
            filled = round(fraction * _WIDTH)
            bar = "#" * filled + "." * (_WIDTH - filled)
            left = max(0, self.total - seen)
            eta = format_duration(left / rate) if rate > 0 else "?"
            line = f"[{bar}] {seen}/{self.total} {counts} | {rate * 60:.0f}/min, ETA {eta}"
        line += f" | {format_duration(elapsed)}"
        paused = self.pause_left() if self.pause_left is not None else 0.0
        if paused > 0:
            line += f" | paused {format_duration(paused)} (rate limit)"
        return line

    def update(self, *, done: int = 0, failed: int = 0, skipped: int = 0, images: int = 0) -> None:
        """Count outcomes; redraw when due, and log every tenth of the run (or 100 records)."""
        before = self.done + self.failed + self.skipped
        self.done += done
        self.failed += failed
        self.skipped += skipped
        self.images += images
        step = max(1, self.total // 10) if self.total else 100
        if (self.done + self.failed + self.skipped) // step > before // step:
            _LOGGER.info(
                "Bulk progress: %d done, %d failed, %d skipped%s, %d images",
                self.done,
                self.failed,
                self.skipped,
                f" of {self.total}" if self.total else "",
                self.images,
                extra={"done": self.done, "failed": self.failed, "skipped": self.skipped,
                       "total": self.total, "images": self.images},
            )  # fmt: skip
        self.refresh(force=False)

    def refresh(self, *, force: bool = True) -> None:
        """Redraw the line (when enabled); without `force`, at most every 0.2 s."""
        now = self._clock()
        if self.enabled and (force or now - self._drawn >= _REDRAW):
            self._drawn = now
            self._draw(now)


class CollectProgress(_StatusLine):
    """The status line of `collect_batches`: batches ended, request counts, time waited.

    Silent unless `stream` is a terminal (or ``enabled=True``); redrawn after each poll
    and every second while waiting (batches can take 24 hours).
    """

    def __init__(
        self,
        *,
        batches: int,
        **line: Unpack[LineOptions],
    ) -> None:
        super().__init__(**line)
        self.batches = batches
        self.ended: set[str] = set()
        self.counts: dict[str, tuple[int, int, int]] = {}
        """Batch id -> (completed, failed, total) requests, as last polled."""
        self.waiting_for: str | None = None
        self.saved = 0

    def polled(self, batch_id: str, status: str, counts: object, *, ended: bool) -> None:
        """Take in one poll's answer and redraw."""
        numbers = tuple(
            value if isinstance(value := getattr(counts, name, 0), int) else 0
            for name in ("completed", "failed", "total")
        )
        self.counts[batch_id] = (numbers[0], numbers[1], numbers[2])
        _LOGGER.info(
            "Batch %s: %s, %d of %d requests done, %d failed",
            batch_id,
            status,
            numbers[0],
            numbers[2],
            numbers[1],
            extra={"batch_id": batch_id, "status": status, "completed": numbers[0],
                   "failed": numbers[1], "total": numbers[2]},
        )  # fmt: skip
        if ended:
            self.ended.add(batch_id)
            self.waiting_for = None
        else:
            self.waiting_for = f"{batch_id} {status}"
        self.refresh()

    def render(self, now: float) -> str:
        """The status line at time `now`."""
        completed = sum(c[0] for c in self.counts.values())
        failed = sum(c[1] for c in self.counts.values())
        total = sum(c[2] for c in self.counts.values())
        line = (
            f"batches: {len(self.ended)}/{self.batches} ended | requests: {completed}/{total} "
            f"done, {failed} failed | saved {self.saved}"
        )
        if self.waiting_for:
            line += f" | waiting on {self.waiting_for}"
        return line + f" | {format_duration(now - self._started)}"

    def refresh(self) -> None:
        """Redraw the line (when enabled)."""
        if self.enabled:
            self._draw(self._clock())
