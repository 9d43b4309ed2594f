"""Old import path of `openai_images_sdk._inputs._formats` (format sniffing and headers)."""

from ._inputs import _formats
from ._inputs._formats import *  # noqa: F403  (the old path names exactly what the new one does)

__all__: list[str] = []
__all__ += _formats.__all__
