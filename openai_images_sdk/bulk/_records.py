"""Reading records one at a time: JSONL, CSV or plain lines, from a file or stdin.

Nothing here loads a whole input: each reader is a generator over an open text stream.
A line that cannot be read as a record becomes a `BadRecord`, so the run records it as
failed and goes on.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import itertools
import json
import os
import sys
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
)
from pathlib import Path
from typing import IO, Final, Literal, TypeAlias, cast, get_args

import anyio
import anyio.to_thread
import attrs

from openai_images_sdk._exceptions import ValidationError, Violation

__all__ = [
    "FORMATS",
    "BadRecord",
    "NumberedRecord",
    "Record",
    "RecordFormat",
    "RecordSource",
    "aiter_records",
    "count_records",
    "detect_format",
    "read_records",
    "record_line",
]

RecordFormat: TypeAlias = Literal["jsonl", "csv", "lines"]
FORMATS: Final[tuple[RecordFormat, ...]] = get_args(RecordFormat)
_EXTENSIONS: Final[Mapping[str, RecordFormat]] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".txt": "lines",
}
Record: TypeAlias = Mapping[str, object]
"""One record: field names to values (JSON values, or strings from CSV)."""
_READ_AHEAD: Final = 256
RecordSource: TypeAlias = "Iterable[Record | BadRecord] | AsyncIterable[Record | BadRecord]"


class NumberedRecord(dict[str, object]):
    """A record read from a file, with the line it came from (`line`, 1-based)."""

    __slots__ = ("line",)

    def __init__(self, fields: Mapping[str, object], line: int) -> None:
        super().__init__(fields)
        self.line = line


def record_line(record: object) -> int | None:
    """The input line of a record read by `read_records` (None for other records)."""
    line = getattr(record, "line", None)
    return line if isinstance(line, int) else None


@attrs.frozen(kw_only=True)
class BadRecord:
    """An input line that is not a record (bad JSON, not an object); recorded as failed."""

    line: int
    """1-based line number (for CSV, the row number after the header)."""
    error: str
    text: str = ""


def detect_format(path: str | os.PathLike[str]) -> RecordFormat:
    """The format of an input file from its extension; plain lines when unknown."""
    return _EXTENSIONS.get(Path(path).suffix.lower(), "lines")


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise ValidationError(
            [
                Violation(
                    param="format",
                    rule=f"must be one of {', '.join(FORMATS)}",
                    value=format,
                )
            ]
        )


def _jsonl(stream: Iterable[str]) -> Iterator[Record | BadRecord]:
    for number, line in enumerate(stream, start=1):
        text = line.strip()
        if not text:
            continue
        try:
            value: object = json.loads(text)
        except ValueError as error:
            yield BadRecord(line=number, error=f"not valid JSON: {error}", text=text[:200])
            continue
        if not isinstance(value, dict):
            kind = type(value).__name__
            yield BadRecord(line=number, error=f"not a JSON object (a {kind})", text=text[:200])
            continue
        yield NumberedRecord(cast("dict[str, object]", value), number)


def _csv(stream: Iterable[str]) -> Iterator[Record | BadRecord]:
    reader = csv.DictReader(stream)
    for number, row in enumerate(reader, start=1):
        line = reader.line_num
        extra = row.pop(None, None)  # DictReader's key for cells beyond the header
        if extra:
            yield BadRecord(line=number, error=f"{len(extra)} more cells than the header names")
            continue
        values = {str(k): v for k, v in row.items() if v is not None}
        if any(v.strip() for v in values.values()):
            yield NumberedRecord(values, line)


def _lines(stream: Iterable[str]) -> Iterator[Record | BadRecord]:
    for number, line in enumerate(stream, start=1):
        text = line.strip()
        if text:
            yield NumberedRecord({"prompt": text}, number)


_READERS: Final = {"jsonl": _jsonl, "csv": _csv, "lines": _lines}


class _FileRecords(Iterator["Record | BadRecord"]):
    """The records of a regular file: reading ahead never waits on a slow producer."""

    read_ahead: Final = True

    def __init__(self, records: Generator[Record | BadRecord]) -> None:
        self._records = records

    def __next__(self) -> Record | BadRecord:
        return next(self._records)

    def close(self) -> None:
        """Close the file (when it was opened)."""
        self._records.close()


def read_records(
    source: str | os.PathLike[str] | IO[str],
    *,
    format: RecordFormat | None = None,
    encoding: str = "utf-8",
) -> Iterator[Record | BadRecord]:
    """Records from a file path, ``"-"`` (stdin) or an open text stream, one at a time.

    `format` defaults to the file's extension (``.jsonl``/``.ndjson``, ``.csv``, else
    plain lines); for stdin and streams, to JSONL when the first line starts with ``{``,
    else plain lines. A plain line becomes ``{"prompt": line}``; blank lines are skipped.
    The file is opened on the first ``next``.
    """
    records = _read(source, format=format, encoding=encoding)
    if isinstance(source, str | os.PathLike) and os.fspath(source) != "-":
        return _FileRecords(records)
    return records


def _read(
    source: str | os.PathLike[str] | IO[str], *, format: RecordFormat | None, encoding: str
) -> Generator[Record | BadRecord]:
    if format is not None:
        _check_format(format)
    if isinstance(source, str | os.PathLike) and os.fspath(source) != "-":
        path = Path(source)
        chosen = format or detect_format(path)
        with path.open(encoding=encoding, newline="") as opened:
            yield from _READERS[chosen](opened)
        return
    stream: IO[str] = sys.stdin if isinstance(source, str | os.PathLike) else source
    lines: Iterable[str] = stream
    if format is None:
        first = stream.readline()
        format = "jsonl" if first.lstrip().startswith("{") else "lines"
        lines = itertools.chain([first], stream)
    yield from _READERS[format](lines)


def count_records(
    path: str | os.PathLike[str], *, format: RecordFormat | None = None
) -> int | None:
    """How many records a file holds at most (its non-blank lines), or None for stdin.

    Reads the file once, line by line, without keeping it; for a progress bar's total.
    """
    if os.fspath(path) == "-" or not Path(path).is_file():
        return None
    with Path(path).open("rb") as stream:
        count = sum(1 for line in stream if line.strip())
    if (format or detect_format(path)) == "csv":
        count = max(0, count - 1)  # the header
    return count


async def aiter_records(records: RecordSource) -> AsyncGenerator[Record | BadRecord]:
    """Any record source as an async iterator.

    Sync iterables other than lists and tuples are advanced in a worker thread, so a slow
    source (a pipe, a generator doing I/O) never blocks the event loop: one item at a time,
    or up to 256 per trip for the records of a regular file (`read_records` of a path).
    """
    if isinstance(records, AsyncIterable):
        async for record in records:
            yield record
        return
    if isinstance(records, list | tuple):
        for record in records:
            yield record
        return
    iterator = iter(records)
    size = _READ_AHEAD if getattr(records, "read_ahead", False) else 1
    take = functools.partial(_take, iterator, size)
    try:
        while True:
            chunk = await anyio.to_thread.run_sync(take, abandon_on_cancel=True)
            for item in chunk:
                yield item
            if len(chunk) < size:
                return
    finally:
        close = getattr(iterator, "close", None)
        if callable(close) and size > 1:  # a file opened by read_records
            with contextlib.suppress(ValueError):  # still being read by an abandoned thread
                close()


def _take(iterator: Iterator[Record | BadRecord], size: int) -> list[Record | BadRecord]:
    return list(itertools.islice(iterator, size))
