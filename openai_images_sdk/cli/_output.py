"""What the command line writes: file names, new files, the progress line, summaries."""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from pathlib import Path
from types import TracebackType
from typing import Final, TextIO

__all__ = ["Progress", "describe_image", "image_size", "save_new", "save_replacing", "slugify"]

_MAX_SLUG: Final = 48
_MAX_SUFFIX: Final = 10_000
_TICK: Final = 0.2


def slugify(text: str, *, fallback: str = "image") -> str:
    """A short file-name stem from free text: ``"A red fox, at dawn!"`` -> ``a-red-fox-at-dawn``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > _MAX_SLUG:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:_MAX_SLUG]
    return slug or fallback


def save_new(folder: Path, stem: str, data: bytes, output_format: str | None = None) -> Path:
    """Write `data` as a new file ``folder/stem.ext``, or ``stem-1.ext``, ``stem-2.ext``, ...

    Never replaces an existing file, even one created meanwhile by another process.
    """
    from openai_images_sdk._results import extension_for, write_atomic

    ext = extension_for(data, output_format)
    for counter in range(_MAX_SUFFIX):
        name = f"{stem}.{ext}" if counter == 0 else f"{stem}-{counter}.{ext}"
        try:
            return write_atomic(folder / name, data, overwrite=False)
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder / stem}-*.{ext}: {_MAX_SUFFIX} files exist already")


def save_replacing(folder: Path, stem: str, data: bytes, output_format: str | None = None) -> Path:
    """Write `data` as ``folder/stem.ext``, replacing a file of that name (atomically)."""
    from openai_images_sdk._results import extension_for, write_atomic

    return write_atomic(folder / f"{stem}.{extension_for(data, output_format)}", data)


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the image's header, without decoding pixels."""
    from openai_images_sdk._imageinfo import probe_bytes

    return probe_bytes(data).dimensions


def describe_image(path: Path, data: bytes) -> str:
    """``out/fox.png (1024x1024 png, 183 KB)``."""
    from openai_images_sdk._results import sniff_format

    size = image_size(data)
    dims = f"{size[0]}x{size[1]} " if size else ""
    fmt = sniff_format(data) or "data"
    return f"{path} ({dims}{fmt}, {_human_bytes(len(data))})"


def _human_bytes(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


class Progress:
    """A one-line status on a terminal (elapsed time, partial images); silent elsewhere.

    `echo` prints a message to another stream without tearing the status line.
    """

    def __init__(self, stream: TextIO, label: str, *, enabled: bool | None = None) -> None:
        self._stream = stream
        self._label = label
        self.enabled = stream.isatty() if enabled is None else enabled
        self.partials = 0
        self._started = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def render(self, elapsed: float) -> str:
        """The status text after `elapsed` seconds."""
        text = f"{self._label}... {elapsed:.1f}s"
        if self.partials:
            noun = "partial image" if self.partials == 1 else "partial images"
            text += f", {self.partials} {noun} received"
        return text

    def __enter__(self) -> Progress:
        self._started = time.monotonic()
        if self.enabled:
            with self._lock:
                self._draw()
            self._thread = threading.Thread(target=self._run, name="openai-images-progress")
            self._thread.daemon = True
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            with self._lock:
                self._clear()

    def _run(self) -> None:
        while not self._stop.wait(_TICK):
            with self._lock:
                self._draw()

    def _draw(self) -> None:
        self._stream.write("\r\x1b[K" + self.render(time.monotonic() - self._started))
        self._stream.flush()

    def _clear(self) -> None:
        self._stream.write("\r\x1b[K")
        self._stream.flush()

    def partial_received(self) -> None:
        """Count one more partial image."""
        self.partials += 1

    def echo(self, message: str, stream: TextIO) -> None:
        """Print `message` on its own line to `stream`, then redraw the status."""
        with self._lock:
            if self.enabled:
                self._clear()
            print(message, file=stream, flush=True)
            if self.enabled and self._thread is not None and not self._stop.is_set():
                self._draw()
