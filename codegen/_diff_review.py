"""The reviewed list of known differences from the upstreams (spec/upstream-differences.yaml).

Each entry names the report section, the difference line as `diff-upstream` prints it, and
the reason spec/ keeps it. A difference not listed fails the check; so does an entry whose
difference is gone (the list must not outlive the facts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import cast

import attrs

from ._spec import SpecError, as_map, load_yaml

__all__ = ["REVIEW_FILE", "Review"]

REVIEW_FILE = "upstream-differences.yaml"


@attrs.frozen(kw_only=True)
class Review:
    """The reviewed differences of one upstream (`document` or `package`)."""

    path: str
    reasons: Mapping[tuple[str, str], str]

    @classmethod
    def load(cls, spec_dir: Path, upstream: str) -> Review:
        """Read the entries for `upstream` from spec_dir/upstream-differences.yaml (if any)."""
        file = spec_dir / REVIEW_FILE
        if not file.is_file():
            return cls(path=str(file), reasons={})
        entries: object = as_map(load_yaml(file)).get(upstream) or []
        if not isinstance(entries, list):
            raise SpecError(f"{file}: {upstream} must be a list")
        reasons: dict[tuple[str, str], str] = {}
        for i, raw in enumerate(cast("list[object]", entries)):
            entry = as_map(raw)
            section, difference = entry.get("section"), entry.get("difference")
            reason = entry.get("reason")
            if not (isinstance(section, str) and isinstance(difference, str)):
                raise SpecError(f"{file}: {upstream}[{i}] needs section and difference")
            if not isinstance(reason, str) or not reason.strip():
                raise SpecError(f"{file}: {upstream}[{i}] ({difference}) needs a reason")
            reasons[(section, difference)] = reason
        return cls(path=str(file), reasons=reasons)

    def reason(self, section: str, difference: str) -> str | None:
        """Why spec/ keeps this difference, or None when it was never reviewed."""
        return self.reasons.get((section, difference))

    def stale(self, sections: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[str, str]]:
        """Entries whose difference the report no longer has."""
        present = {(title, line) for title, lines in sections for line in lines}
        return [key for key in self.reasons if key not in present]
