"""The small state file of a Batch API submission: which parts went to which batch."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any, Final, cast

import attrs

from ._output import write_file_atomic

__all__ = ["STATE_DIR", "STATE_FILE", "BatchPart", "BatchState", "state_dir_for"]

STATE_DIR: Final = ".openai-batch"
"""Folder (inside the output folder, by default) for the state file and input parts."""
STATE_FILE: Final = "state.json"
_VERSION: Final = 1


def state_dir_for(out: str | os.PathLike[str], state_dir: str | os.PathLike[str] | None) -> Path:
    """The state folder: `state_dir` when given, else ``out/.openai-batch``."""
    return Path(state_dir) if state_dir is not None else Path(out) / STATE_DIR


@attrs.define(kw_only=True)
class BatchPart:
    """One input file and the batch made from it."""

    path: str
    """The input file (JSONL), kept until the batch is collected."""
    endpoint: str
    requests: int
    bytes: int
    tag: str
    """Sent as batch metadata, to find the batch again if the submit was cut short."""
    input_file_id: str | None = None
    batch_id: str | None = None
    status: str | None = None
    """The batch's status when last seen; ``cancelled`` without a `batch_id` when the
    submission was cancelled before this part's batch was created."""
    collected: bool = False
    output_file_id: str | None = None
    error_file_id: str | None = None
    unsaved: int = 0
    """Results of the batch that could not be saved (their files are never deleted)."""
    files_deleted: bool = False
    """Whether the part's files were deleted from the API after collecting."""

    @property
    def abandoned(self) -> bool:
        """Whether the part will never get a batch (the submission was cancelled first)."""
        return self.batch_id is None and self.status == "cancelled"

    def file_ids(self) -> tuple[str, ...]:
        """The API files of the part: its input, output and error files (those known)."""
        found = (self.input_file_id, self.output_file_id, self.error_file_id)
        return tuple(dict.fromkeys(file_id for file_id in found if file_id))


@attrs.define(kw_only=True)
class BatchState:
    """Everything `submit_batches` did, saved after each step so a re-run resumes."""

    token: str = attrs.Factory(lambda: secrets.token_hex(6))
    built: bool = False
    """Whether every input part has been written."""
    parts: list[BatchPart] = attrs.Factory(list[BatchPart])

    @property
    def finished(self) -> bool:
        """Whether every part was collected (a new submission may start)."""
        return self.built and all(part.collected for part in self.parts)

    @classmethod
    def load(cls, path: Path) -> BatchState | None:
        """The saved state, or None when there is none."""
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        if not isinstance(data, dict) or cast("dict[str, Any]", data).get("version") != _VERSION:
            raise ValueError(f"{path} is not a batch state file this version can read")
        fields = cast("dict[str, Any]", data)
        parts = [BatchPart(**part) for part in fields.get("parts", [])]
        return cls(token=str(fields["token"]), built=bool(fields["built"]), parts=parts)

    def save(self, path: Path) -> None:
        """Write the state atomically."""
        payload = {"version": _VERSION, **attrs.asdict(self)}
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomic(path, json.dumps(payload, indent=1).encode() + b"\n")
