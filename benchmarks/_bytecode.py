"""Children that import from bytecode, as an installed package does.

A machine (or CI) may set ``PYTHONDONTWRITEBYTECODE=1``; a child started under it that finds
no ``.pyc`` compiles every module it imports from source, which makes import figures 2 to 4
times too high. `compiled_env` gives a child environment without that variable and with
``PYTHONPYCACHEPREFIX`` set to a temporary directory, so the first (warm-up) run of each
command writes the bytecode there, without touching the source tree, and the measured runs
read it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Mapping

__all__ = ["compiled_env"]


def compiled_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment for children that write and read bytecode (see above)."""
    prefix = tempfile.mkdtemp(prefix="bench-pycache-")
    atexit.register(shutil.rmtree, prefix, ignore_errors=True)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": prefix, **(extra or {})}
