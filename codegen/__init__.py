"""The code generator of openai-images-sdk: spec/ -> openai_images_sdk/_generated/.

Run `python -m codegen` to regenerate, `python -m codegen --check` to verify that the
generated files match the spec, and `python -m codegen diff-upstream PATH` to list what an
upstream OpenAPI document says differently about the images operations.
"""

from ._cli import main
from ._render import generate_files
from ._spec import SpecError

__all__ = ["SpecError", "generate_files", "main"]
