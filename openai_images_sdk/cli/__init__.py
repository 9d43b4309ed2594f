"""The `openai-images` command line (``openai_images_sdk.cli:main``).

Layout: `_main` builds the parser from `_registry.COMMANDS` and maps failures to exit
codes (`_errors`); each command module (`_api`, `_serve`, `_bulk`, `_batch`,
`_completion`) registers its subcommands; `_params` turns the generated `FieldSpec`s
into options; `_inputs`, `_request`, `_output` and `_run` do one job each.
"""

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
