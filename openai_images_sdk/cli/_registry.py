"""The commands of `openai-images`, in the order ``--help`` lists them.

Each entry adds one or more subcommands to the top-level subparsers and sets their
``_handler``; a new command is one line here. Command modules never import the top
module (`_main`), so there is no cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from . import _api, _batch, _bulk, _completion, _process, _serve

__all__ = ["COMMANDS"]

COMMANDS: Final[tuple[Callable[[Any], None], ...]] = (
    _api.register,  # generate, edit, variation
    _serve.register,  # serve
    _bulk.register,  # bulk
    _batch.register,  # batch submit|status|collect|cancel
    _process.register,  # process (a stdio step for pipeline engines)
    _completion.register,  # completion bash|zsh|fish
)
