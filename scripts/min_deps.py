"""The runtime dependencies at their declared minimum versions, for `make test-min-deps`.

    python scripts/min_deps.py             # constraints, one `name==lower-bound` a line
    python scripts/min_deps.py --verify    # exit 1 unless this interpreter has exactly those

The lower bound of each runtime requirement in pyproject.toml becomes an exact pin, so
the core suite runs against the oldest versions the package claims to support.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*([^;]*)")


def minimum_pins(requirements: list[str]) -> dict[str, str]:
    """Each requirement's name and its single `>=` lower bound; none or two fail."""
    pins: dict[str, str] = {}
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement)
        if match is None:
            raise SystemExit(f"min_deps: cannot read the requirement {requirement!r}")
        name, spec = match.group(1), match.group(2).replace(" ", "")
        lower = [part[2:] for part in spec.split(",") if part.startswith(">=")]
        if len(lower) != 1:
            raise SystemExit(f"min_deps: {name} needs a single '>=' lower bound, has {spec!r}")
        pins[name] = lower[0]
    return pins


def _release(version: str) -> tuple[int, ...]:
    parts = [int(part) for part in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verify", action="store_true", help="check the installed versions")
    args = parser.parse_args(argv)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = minimum_pins(project["dependencies"])
    if not args.verify:
        sys.stdout.write("".join(f"{name}=={version}\n" for name, version in pins.items()))
        return 0
    wrong = []
    for name, version in pins.items():
        installed = importlib.metadata.version(name)
        if _release(installed) != _release(version):
            wrong.append(f"{name} {installed} (declared minimum {version})")
        else:
            sys.stdout.write(f"{name} {installed}\n")
    if wrong:
        sys.stderr.write("min_deps: not at the declared minimum: " + ", ".join(wrong) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
