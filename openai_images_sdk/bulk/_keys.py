"""Record keys within one input: unique ids, and the errors that stop a run over keys.

A record's key is its ``id`` (or a digest of its request, see `RequestPlanner`). An id
given twice in one input is refused, naming both lines: the second record would
otherwise be counted as "skipped" without a word. Two records without ids that ask for
the very same request share a key and the second is skipped, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openai_images_sdk._exceptions import ValidationError, Violation

from ._manifest import key_digest
from ._records import BadRecord, Record, record_line

__all__ = [
    "ChangedRequestError",
    "DuplicateRecordError",
    "RecordKeys",
    "check_unique_ids",
    "describe_place",
    "has_id",
    "place_of",
]


class DuplicateRecordError(ValidationError):
    """Two records of one input have the same key (``id``); the input is refused."""

    def __init__(self, key: str, first: str, second: str) -> None:
        rule = (
            f"{first} and {second} have the same id {key!r}; ids must be unique in the "
            "input (a repeated id would silently be skipped)"
        )
        super().__init__([Violation(param="records", rule=rule, value=key)])
        self.args = (_stopped(self),)
        self.key = key


def _stopped(error: ValidationError) -> str:
    """The message of an error that can stop a run midway (records before it are kept)."""
    lines = "\n".join(f"  - {v}" for v in error.violations)
    return f"the run stopped (records finished before are kept in the manifest):\n{lines}"


class ChangedRequestError(ValidationError):
    """A record done in the manifest now asks for a different request."""

    def __init__(self, key: str, where: str, manifest: Path) -> None:
        rule = (
            f"{where} (id {key!r}) is done in {manifest}, but with other parameters, template "
            "or model than this run asks for; nothing more was sent. Re-run with "
            "regenerate_changed=True (--regenerate-changed) to redo changed records, or "
            "choose another output folder"
        )
        super().__init__([Violation(param="records", rule=rule, value=key)])
        self.args = (_stopped(self),)
        self.key = key


def place_of(record: object, ordinal: int) -> int:
    """Where a record is: its line (positive) when read from a file, else -ordinal."""
    line = record_line(record)
    return line if line is not None else -ordinal


def describe_place(place: int) -> str:
    """``line 4`` or ``record 4`` for a `place_of` value."""
    return f"line {place}" if place > 0 else f"record {-place}"


class RecordKeys:
    """The keys of this run's input so far: a repeated one is refused."""

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}

    def add(self, key: str, place: int, *, explicit: bool) -> bool:
        """False for a repeat of an identical request without an id (skipped)."""
        digest = key_digest(key)
        first = self._seen.get(digest)
        if first is None:
            self._seen[digest] = place
            return True
        if explicit:
            raise DuplicateRecordError(key, describe_place(first), describe_place(place))
        return False


def has_id(record: Record | BadRecord) -> bool:
    """Whether a record names its own key (``id``)."""
    return not isinstance(record, BadRecord) and record.get("id") not in (None, "")


def check_unique_ids(records: Iterable[Record | BadRecord]) -> None:
    """Raise `DuplicateRecordError` when two records have the same ``id``."""
    keys = RecordKeys()
    for ordinal, record in enumerate(records, start=1):
        if has_id(record):
            assert not isinstance(record, BadRecord)
            keys.add(str(record["id"]), place_of(record, ordinal), explicit=True)
